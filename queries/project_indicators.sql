-- project_indicators: the indicators of one project, in printed order, with their source line ranges.
-- Returns one row per indicator: indicator_id, position, level1, level2, level1_raw, level2_raw, category,
-- name, value (as printed), op, target_number, target_number_max, target_unit, target_kind, target_class,
-- target_wan, target_date, target_pct, flags, description, basis, weight, actual, score, remarks, line_start,
-- line_end.
-- Params: the common filters, and
-- @param project_id required
SELECT indicator_id, position, level1, level2, level1_raw, level2_raw, category, name, value, op,
       target_number, target_number_max, target_unit, target_kind, target_class, target_wan, target_date,
       target_pct, flags, description, basis, weight, actual, score, remarks, line_start, line_end
FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
WHERE project_id = $project_id
ORDER BY position;
