-- indicator_coverage_summary: per jurisdiction (place) x fiscal year, the share of projects covering each
-- indicator category (categories as in indicator_coverage).
-- Returns one row per place x fiscal_year x category: province, city, jurisdiction, place, place_name, fiscal_year,
-- category, category_order, n_projects, n_projects_covering, share_covering_pct, n_indicators, _n_rows (rows
-- before limit).
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
SELECT province, city, jurisdiction, place, place_name, fiscal_year, category, category_order,
       count(*) AS n_projects,
       count(*) FILTER (WHERE n_indicators > 0) AS n_projects_covering,
       100.0 * count(*) FILTER (WHERE n_indicators > 0) / count(*) AS share_covering_pct,
       sum(n_indicators)::BIGINT AS n_indicators,
       count(*) OVER () AS _n_rows
FROM f_project_coverage($province, $jurisdictions, $years, $department, $theme)
GROUP BY ALL
ORDER BY province, jurisdiction, place, fiscal_year, category_order
LIMIT $limit OFFSET $offset;
