-- projects: one row per project.
-- Returns: project_id, doc_id, province, city, county, jurisdiction, fiscal_year, department, theme,
-- theme_keyword, sequence, name, code, budget_unit, implementing_unit, total_wan, funding_wan, n_indicators,
-- n_empty_slots, truncated (the table is cut off at the end of its file), source_file, line_start, line_end.
-- Params: the common filters only.
SELECT
    project_id, doc_id, province, city, county, jurisdiction, fiscal_year, department, theme, theme_keyword,
    sequence, name, code, budget_unit, implementing_unit, total_wan, funding_wan, n_indicators, n_empty_slots,
    truncated, source_file, line_start, line_end
FROM f_projects($province, $jurisdictions, $years, $department, $theme)
ORDER BY province, jurisdiction, fiscal_year, doc_id, sequence;
