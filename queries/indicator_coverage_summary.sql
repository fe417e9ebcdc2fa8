-- indicator_coverage_summary: per jurisdiction (place) x fiscal year, the share of projects covering each
-- indicator category (categories as in indicator_coverage).
-- Returns one row per place x fiscal_year x category: province, city, jurisdiction, place, place_name, fiscal_year,
-- category, category_order, n_projects, n_projects_covering, share_covering_pct, n_indicators, _n_rows (rows
-- before limit).
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
-- Read from doc_coverage (project_coverage added up per document and theme at load time) and the filtered
-- documents.
WITH d AS (
    SELECT doc_id, province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, NULL)
)
SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year, c.category, c.category_order,
       sum(c.n_projects)::BIGINT AS n_projects,
       sum(c.n_covering)::BIGINT AS n_projects_covering,
       100.0 * sum(c.n_covering) / sum(c.n_projects) AS share_covering_pct,
       sum(c.n_indicators)::BIGINT AS n_indicators,
       count(*) OVER () AS _n_rows
FROM doc_coverage c
JOIN d ON d.doc_id = c.doc_id
WHERE $theme IS NULL OR c.theme = $theme
GROUP BY d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year, c.category, c.category_order
ORDER BY d.province, d.jurisdiction, d.place, d.fiscal_year, c.category_order
LIMIT $limit OFFSET $offset;
