-- project_detail: one project with its document context (empty when the id is unknown or filtered out).
-- Returns one row: every column of v_projects (project_id, doc_id, source_file, province, city, county,
-- jurisdiction, adcode, fiscal_year, department, theme, theme_keyword, sequence, name, name_in_table, code,
-- budget_unit, project_department, implementing_unit, attribute, period, purpose, goal, goal_long_term,
-- total_wan, truncated, self_evaluation, funding_wan, n_indicators, n_empty_slots, line_start, line_end).
-- See also project_funding, project_plan, project_indicators, project_empty_slots.
-- Params: the common filters, and
-- @param project_id required
SELECT *
FROM f_projects($province, $jurisdictions, $years, $department, $theme)
WHERE project_id = $project_id;
