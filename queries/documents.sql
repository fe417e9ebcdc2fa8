-- documents: one row per loaded document.
-- Returns: doc_id, label (place + year), source_file, province, city, county, jurisdiction, adcode, place (the
-- division code, or the name without one), place_name (the name shown), department, fiscal_year, layout, encoding,
-- n_projects, total_wan (sum of project totals), funding_wan, n_indicators (project level),
-- n_department_indicators, dept_total_wan / dept_basic_wan / dept_project_wan (部门整体 table: 资金总额 / 基本支出 /
-- 项目支出), warnings, n_warnings, line_count, loaded_at, _n_rows (rows of the whole result, before limit).
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
--   limit / offset: one page of the result (NULL = every row).
SELECT
    d.doc_id, d.label, d.source_file, d.province, d.city, d.county, d.jurisdiction, d.adcode, d.place, d.place_name,
    d.department, d.fiscal_year, d.layout, d.encoding, d.n_projects, d.projects_total_wan AS total_wan,
    d.funding_wan, d.n_indicators, d.n_department_indicators,
    o.total_wan AS dept_total_wan, o.basic_wan AS dept_basic_wan, o.project_wan AS dept_project_wan,
    d.warnings, d.n_warnings, d.line_count, d.loaded_at,
    count(*) OVER () AS _n_rows, sum(d.n_projects) OVER () AS _sum_n_projects,
    sum(d.projects_total_wan) OVER () AS _sum_total_wan, sum(d.n_indicators) OVER () AS _sum_n_indicators,
    sum(d.n_warnings) OVER () AS _sum_n_warnings
FROM f_documents($province, $jurisdictions, $years, $department, $theme) d
LEFT JOIN department_overall o ON o.doc_id = d.doc_id
ORDER BY d.province, d.jurisdiction, d.place, d.fiscal_year, d.doc_id
LIMIT $limit OFFSET $offset;
