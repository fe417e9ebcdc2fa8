-- page_theme_projects: one row per project for the cross-jurisdiction comparison (跨地区对比): funding, indicator
-- counts per category and satisfaction thresholds side by side.
-- Returns: project_id, doc_id, province, city, jurisdiction, adcode, place, place_name, fiscal_year, theme,
-- sequence, name, total_wan, central_wan (funding at level central), n_indicators, n_quantified, n_qualitative,
-- n_placeholder, n_satisfaction (level1 = 满意度指标), n_satisfaction_pct (those with a threshold in %),
-- satisfaction_min_pct, satisfaction_max_pct, n_<category> (indicators per coverage category: n_数量 … n_满意度,
-- NULL for a table cut off at the end of its file), line_start, line_end, _n_rows, _sum_n_indicators,
-- _sum_total_wan.
-- Params: the common filters (the page passes the chosen theme as theme), and
-- @param area null
-- @param order place
-- @param limit null
-- @param offset 0
--   area: a division code prefix (2 digits: a province, 4: a city) or a place key (as in compare_areas);
--   order: 'place' or 'amount' (the largest first); limit / offset: a page.
WITH p0 AS MATERIALIZED (
    SELECT project_id, doc_id, province, city, jurisdiction, adcode, place, place_name, fiscal_year, theme,
           sequence, name, total_wan, n_indicators, line_start, line_end
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    WHERE $area IS NULL
       OR (length($area) = 2 AND coalesce(left(adcode, 2), province) = $area)
       OR (length($area) = 4 AND coalesce(left(adcode, 4), city) = $area)
       OR (length($area) NOT IN (2, 4) AND place = $area)
), totals AS (SELECT count(*) AS n, sum(n_indicators) AS n_indicators, sum(total_wan) AS wan FROM p0),
p AS MATERIALIZED (  -- the page first; the indicator counts are computed for its projects only
    SELECT * FROM p0
    ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(total_wan, 0) END, province, jurisdiction, place,
             fiscal_year, doc_id, sequence
    LIMIT $limit OFFSET $offset
), i AS (  -- the indicators of the page's projects (annual targets), from the table itself
    SELECT project_id,
           count(*) AS n_indicators,
           count(*) FILTER (WHERE target_class = 'quantified') AS n_quantified,
           count(*) FILTER (WHERE target_class = 'qualitative') AS n_qualitative,
           count(*) FILTER (WHERE target_class = 'placeholder') AS n_placeholder,
           count(*) FILTER (WHERE level1 = '满意度指标') AS n_satisfaction,
           count(target_pct) FILTER (WHERE level1 = '满意度指标') AS n_satisfaction_pct,
           min(target_pct) FILTER (WHERE level1 = '满意度指标') AS satisfaction_min_pct,
           max(target_pct) FILTER (WHERE level1 = '满意度指标') AS satisfaction_max_pct
    FROM (SELECT project_id, level1, target_pct, tb_target_class(target_kind, target_date) AS target_class
          FROM indicators
          WHERE target_set = 'annual' AND doc_id IN (SELECT doc_id FROM p) AND project_id IN (SELECT project_id FROM p))
    GROUP BY project_id
), c AS (
    SELECT project_id, sum(amount_wan) AS central_wan
    FROM funding
    WHERE doc_id IN (SELECT doc_id FROM p) AND project_id IN (SELECT project_id FROM p) AND level = 'central'
    GROUP BY project_id
), k AS (  -- indicators per coverage category (no rows for a table cut off at the end of its file)
    SELECT project_id,
           sum(n_indicators) FILTER (WHERE category = '数量') AS "数量",
           sum(n_indicators) FILTER (WHERE category = '质量') AS "质量",
           sum(n_indicators) FILTER (WHERE category = '时效') AS "时效",
           sum(n_indicators) FILTER (WHERE category = '成本') AS "成本",
           sum(n_indicators) FILTER (WHERE category = '经济效益') AS "经济效益",
           sum(n_indicators) FILTER (WHERE category = '社会效益') AS "社会效益",
           sum(n_indicators) FILTER (WHERE category = '生态效益') AS "生态效益",
           sum(n_indicators) FILTER (WHERE category = '可持续影响') AS "可持续影响",
           sum(n_indicators) FILTER (WHERE category = '满意度') AS "满意度"
    FROM project_coverage
    WHERE doc_id IN (SELECT doc_id FROM p) AND project_id IN (SELECT project_id FROM p)
    GROUP BY project_id
)
SELECT p.project_id, p.doc_id, p.province, p.city, p.jurisdiction, p.adcode, p.place, p.place_name,
       p.fiscal_year, p.theme, p.sequence, p.name,
       p.total_wan, coalesce(c.central_wan, 0) AS central_wan,
       coalesce(i.n_indicators, 0) AS n_indicators, coalesce(i.n_quantified, 0) AS n_quantified,
       coalesce(i.n_qualitative, 0) AS n_qualitative, coalesce(i.n_placeholder, 0) AS n_placeholder,
       coalesce(i.n_satisfaction, 0) AS n_satisfaction, coalesce(i.n_satisfaction_pct, 0) AS n_satisfaction_pct,
       i.satisfaction_min_pct, i.satisfaction_max_pct,
       k."数量" AS "n_数量", k."质量" AS "n_质量", k."时效" AS "n_时效", k."成本" AS "n_成本",
       k."经济效益" AS "n_经济效益", k."社会效益" AS "n_社会效益", k."生态效益" AS "n_生态效益",
       k."可持续影响" AS "n_可持续影响", k."满意度" AS "n_满意度",
       p.line_start, p.line_end,
       totals.n AS _n_rows, totals.n_indicators AS _sum_n_indicators, totals.wan AS _sum_total_wan
FROM p
LEFT JOIN i ON i.project_id = p.project_id
LEFT JOIN c ON c.project_id = p.project_id
LEFT JOIN k ON k.project_id = p.project_id
CROSS JOIN totals
ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(p.total_wan, 0) END, p.province, p.jurisdiction, p.place,
         p.fiscal_year, p.doc_id, p.sequence;
