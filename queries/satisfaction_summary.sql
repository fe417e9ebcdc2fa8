-- satisfaction_summary: satisfaction thresholds per jurisdiction (place) x fiscal year (documents without any
-- satisfaction indicator are listed with n_indicators = 0).
-- Returns one row per place x fiscal_year: province, city, jurisdiction, place, place_name, fiscal_year,
-- n_indicators (satisfaction indicators), n_with_threshold (a threshold in %), min_pct, median_pct, max_pct,
-- n_ge_90 (>= 90%), n_lt_80 (< 80%), n_eq_100 (= 100%), _n_rows (rows before limit), _sum_n_indicators,
-- _sum_n_ge_90, _sum_n_lt_80, _sum_n_eq_100 (over every row).
-- Params: the common filters, and
-- @param scope project
-- @param limit null
-- @param offset 0
--   scope: 'project' (default), 'department' (部门整体 tables) or 'all'.
-- Filter first: the documents of the filters, then their satisfaction indicators (annual targets), read from the
-- table itself (the theme through the projects of that theme).
WITH d AS (
    SELECT doc_id, province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, $theme)
), s AS (
    SELECT i.doc_id, i.target_pct
    FROM indicators i
    WHERE i.doc_id IN (SELECT doc_id FROM d)
      AND i.level1 = '满意度指标' AND i.target_set = 'annual'
      AND ($scope = 'all' OR ($scope = 'project') = (i.project_id IS NOT NULL))
      AND ($theme IS NULL OR i.project_id IN (SELECT project_id FROM projects WHERE theme = $theme
                                               AND doc_id IN (SELECT doc_id FROM d)))
)
SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year,
       count(s.doc_id) AS n_indicators,
       count(s.target_pct) AS n_with_threshold,
       min(s.target_pct) AS min_pct,
       median(s.target_pct) AS median_pct,
       max(s.target_pct) AS max_pct,
       count(*) FILTER (WHERE s.target_pct >= 90) AS n_ge_90,
       count(*) FILTER (WHERE s.target_pct < 80) AS n_lt_80,
       count(*) FILTER (WHERE s.target_pct = 100) AS n_eq_100,
       count(*) OVER () AS _n_rows, sum(count(s.doc_id)) OVER () AS _sum_n_indicators,
       sum(count(*) FILTER (WHERE s.target_pct >= 90)) OVER () AS _sum_n_ge_90,
       sum(count(*) FILTER (WHERE s.target_pct < 80)) OVER () AS _sum_n_lt_80,
       sum(count(*) FILTER (WHERE s.target_pct = 100)) OVER () AS _sum_n_eq_100
FROM d
LEFT JOIN s ON s.doc_id = d.doc_id
GROUP BY d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year
ORDER BY d.province, d.jurisdiction, d.place, d.fiscal_year
LIMIT $limit OFFSET $offset;
