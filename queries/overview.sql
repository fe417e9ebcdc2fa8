-- overview: headline numbers for the current filters.
-- Returns one row: n_documents, n_projects, total_wan (sum of project totals, 万元), funding_wan (sum of the
-- funding-source rows), n_indicators (project indicators), n_department_indicators (部门整体 tables; 0 under a
-- theme filter), n_jurisdictions (places, by division code), n_years, jurisdictions (list of place names, at most
-- 50), years (list).
-- Params: the common filters only.
-- The per-project and per-document counts are the summaries written at load time (no indicator is read); each of
-- the two filtered sets is read once.
WITH d AS (
    SELECT count(*) AS n_documents, count(DISTINCT place) AS n_jurisdictions,
           count(DISTINCT fiscal_year) AS n_years,
           coalesce(sum(n_department_indicators), 0) AS n_department_indicators,
           list(DISTINCT place_name ORDER BY place_name) AS names,
           list(DISTINCT fiscal_year ORDER BY fiscal_year) AS years
    FROM f_documents($province, $jurisdictions, $years, $department, $theme)
), p AS (
    SELECT count(*) AS n_projects, sum(total_wan) AS total_wan, sum(funding_wan) AS funding_wan,
           coalesce(sum(n_indicators), 0) AS n_indicators
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
)
SELECT d.n_documents, p.n_projects, p.total_wan, p.funding_wan, p.n_indicators::BIGINT AS n_indicators,
       (CASE WHEN $theme IS NULL THEN d.n_department_indicators ELSE 0 END)::BIGINT AS n_department_indicators,
       d.n_jurisdictions, d.n_years, d.names[1:50] AS jurisdictions, d.years
FROM d, p;
