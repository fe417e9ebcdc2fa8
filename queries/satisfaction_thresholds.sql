-- satisfaction_thresholds: every satisfaction indicator (level1 = 满意度指标) with its threshold in percent.
-- Returns one row per indicator: indicator_id, scope, project_id, doc_id, province, jurisdiction, fiscal_year,
-- theme, project_name, name, value (as printed), op, threshold_pct (the number when the unit is %, else NULL),
-- target_kind, flags, line_start, line_end, source_file.
-- Params: the common filters, and
-- @param scope project
--   scope: 'project' (default), 'department' (部门整体 tables) or 'all'.
SELECT indicator_id, scope, project_id, doc_id, province, jurisdiction, fiscal_year, theme, project_name,
       name, value, op, target_pct AS threshold_pct, target_kind, flags, line_start, line_end, source_file
FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
WHERE level1 = '满意度指标' AND ($scope = 'all' OR scope = $scope)
ORDER BY province, jurisdiction, fiscal_year, doc_id, scope DESC, project_sequence, position;
