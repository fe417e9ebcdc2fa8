-- overview: headline numbers for the current filters.
-- Returns one row: n_documents, n_projects, total_wan (sum of project totals, 万元), funding_wan (sum of the
-- funding-source rows), n_indicators (project indicators), n_department_indicators (部门整体 tables; 0 under a
-- theme filter), n_jurisdictions, n_years, jurisdictions (list), years (list).
-- Params: the common filters only.
WITH d AS (SELECT * FROM f_documents($province, $jurisdictions, $years, $department, $theme)),
     p AS (SELECT * FROM f_projects($province, $jurisdictions, $years, $department, $theme)),
     i AS (SELECT * FROM f_indicators($province, $jurisdictions, $years, $department, $theme))
SELECT
    (SELECT count(*) FROM d) AS n_documents,
    (SELECT count(*) FROM p) AS n_projects,
    (SELECT sum(total_wan) FROM p) AS total_wan,
    (SELECT sum(funding_wan) FROM p) AS funding_wan,
    (SELECT count(*) FROM i WHERE scope = 'project') AS n_indicators,
    (SELECT count(*) FROM i WHERE scope = 'department') AS n_department_indicators,
    (SELECT count(DISTINCT jurisdiction) FROM d) AS n_jurisdictions,
    (SELECT count(DISTINCT fiscal_year) FROM d) AS n_years,
    (SELECT list(DISTINCT jurisdiction ORDER BY jurisdiction) FROM d) AS jurisdictions,
    (SELECT list(DISTINCT fiscal_year ORDER BY fiscal_year) FROM d) AS years;
