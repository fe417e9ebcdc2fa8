-- department_indicators: the indicators of the department-wide tables (部门整体支出绩效目标表).
-- Returns one row per indicator: indicator_id, doc_id, province, jurisdiction, fiscal_year, department,
-- position, level1, level2, category, name, value, op, target_kind, target_class, target_pct, flags,
-- weight, line_start, line_end. A theme filter leaves no rows (department tables have no theme).
-- Params: the common filters, and
-- @param doc_id null
--   doc_id: one document (NULL = all).
SELECT indicator_id, doc_id, province, jurisdiction, fiscal_year, department, position, level1, level2,
       category, name, value, op, target_kind, target_class, target_pct, flags, weight, line_start, line_end
FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
WHERE scope = 'department' AND ($doc_id IS NULL OR doc_id = $doc_id)
ORDER BY province, jurisdiction, fiscal_year, doc_id, position;
