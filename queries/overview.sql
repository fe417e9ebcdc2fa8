-- overview: headline numbers for the current filters.
-- Returns one row: n_documents, n_projects, total_wan (sum of project totals, 万元), funding_wan (sum of the
-- funding-source rows), n_indicators (project indicators), n_department_indicators (部门整体 tables; 0 under a
-- theme filter), n_jurisdictions (places, by division code), n_years, jurisdictions (list of place names, at most
-- 50), years (list).
-- Params: the common filters only.
-- The per-project and per-document counts are the summaries written at load time (no indicator is read).
WITH d AS (SELECT * FROM f_documents($province, $jurisdictions, $years, $department, $theme)),
     p AS (SELECT * FROM f_projects($province, $jurisdictions, $years, $department, $theme))
SELECT
    (SELECT count(*) FROM d) AS n_documents,
    (SELECT count(*) FROM p) AS n_projects,
    (SELECT sum(total_wan) FROM p) AS total_wan,
    (SELECT sum(funding_wan) FROM p) AS funding_wan,
    (SELECT coalesce(sum(n_indicators), 0) FROM p)::BIGINT AS n_indicators,
    (SELECT CASE WHEN $theme IS NULL THEN coalesce(sum(n_department_indicators), 0) ELSE 0 END FROM d)::BIGINT
        AS n_department_indicators,
    (SELECT count(DISTINCT place) FROM d) AS n_jurisdictions,
    (SELECT count(DISTINCT fiscal_year) FROM d) AS n_years,
    (SELECT list(place_name ORDER BY place_name)[1:50] FROM (SELECT DISTINCT place, place_name FROM d))
        AS jurisdictions,
    (SELECT list(DISTINCT fiscal_year ORDER BY fiscal_year) FROM d) AS years;
