-- compare_areas: one theme across areas, one level of the drill province → city → place: the provinces
-- ($area NULL), the cities of a province ($area = 2-digit division code prefix), the places of a city ($area =
-- 4-digit prefix). Funding per project, indicators per project and per category, satisfaction thresholds.
-- Returns one row per area: area (the code prefix, or the place key), area_name, province, city, n_places,
-- n_projects, total_wan, wan_per_project, n_indicators, indicators_per_project, share_<category>_pct (share of
-- the area's complete projects with an indicator of that category: quantity, quality, timeliness, cost,
-- economic, social, ecological, sustainable, satisfaction), n_satisfaction, satisfaction_min_pct,
-- satisfaction_median_pct, satisfaction_max_pct, _n_rows (areas before limit), _sum_total_wan. The most money first.
-- Places without a division code are grouped by province name / city name / place.
-- Params: the common filters (the page passes the chosen theme as theme), and
-- @param area null
-- @param limit null
-- @param offset 0
WITH p AS (
    SELECT project_id, doc_id, place, place_name, province, city, adcode, total_wan, n_indicators,
           CASE WHEN $area IS NULL THEN coalesce(left(adcode, 2), province, '?')
                WHEN length($area) = 2 THEN coalesce(left(adcode, 4), city, province, '?')
                ELSE place END AS area,
           CASE WHEN $area IS NULL THEN coalesce(province, '未识别省份')
                WHEN length($area) = 2 THEN coalesce(city, province, '未识别城市')
                ELSE place_name END AS area_name
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    WHERE $area IS NULL
       OR (length($area) = 2 AND coalesce(left(adcode, 2), province) = $area)
       OR (length($area) = 4 AND coalesce(left(adcode, 4), city) = $area)
       OR (length($area) NOT IN (2, 4) AND place = $area)
), c AS (
    SELECT p.area,
           100.0 * count(*) FILTER (WHERE c.category = '数量' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '数量'), 0) AS share_quantity_pct,
           100.0 * count(*) FILTER (WHERE c.category = '质量' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '质量'), 0) AS share_quality_pct,
           100.0 * count(*) FILTER (WHERE c.category = '时效' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '时效'), 0) AS share_timeliness_pct,
           100.0 * count(*) FILTER (WHERE c.category = '成本' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '成本'), 0) AS share_cost_pct,
           100.0 * count(*) FILTER (WHERE c.category = '经济效益' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '经济效益'), 0) AS share_economic_pct,
           100.0 * count(*) FILTER (WHERE c.category = '社会效益' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '社会效益'), 0) AS share_social_pct,
           100.0 * count(*) FILTER (WHERE c.category = '生态效益' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '生态效益'), 0) AS share_ecological_pct,
           100.0 * count(*) FILTER (WHERE c.category = '可持续影响' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '可持续影响'), 0) AS share_sustainable_pct,
           100.0 * count(*) FILTER (WHERE c.category = '满意度' AND c.n_indicators > 0)
               / nullif(count(*) FILTER (WHERE c.category = '满意度'), 0) AS share_satisfaction_pct
    FROM project_coverage c JOIN p ON p.project_id = c.project_id
    WHERE c.doc_id IN (SELECT doc_id FROM p)
    GROUP BY p.area
), s AS (
    SELECT p.area, count(*) AS n_satisfaction, min(i.target_pct) AS satisfaction_min_pct,
           median(i.target_pct) AS satisfaction_median_pct, max(i.target_pct) AS satisfaction_max_pct
    FROM indicators i JOIN p ON p.project_id = i.project_id
    WHERE i.doc_id IN (SELECT doc_id FROM p) AND i.level1 = '满意度指标' AND i.target_set = 'annual'
    GROUP BY p.area
), a AS (
    SELECT area, any_value(area_name) AS area_name, any_value(province) AS province, any_value(city) AS city,
           count(DISTINCT place) AS n_places, count(*) AS n_projects, sum(total_wan) AS total_wan,
           sum(total_wan) / count(*) AS wan_per_project, sum(n_indicators)::BIGINT AS n_indicators,
           sum(n_indicators) / count(*) AS indicators_per_project
    FROM p GROUP BY area
)
SELECT a.*, c.* EXCLUDE (area), coalesce(s.n_satisfaction, 0) AS n_satisfaction, s.satisfaction_min_pct,
       s.satisfaction_median_pct, s.satisfaction_max_pct,
       count(*) OVER () AS _n_rows, sum(a.total_wan) OVER () AS _sum_total_wan
FROM a
LEFT JOIN c ON c.area = a.area
LEFT JOIN s ON s.area = a.area
ORDER BY a.total_wan DESC NULLS LAST, a.area
LIMIT $limit OFFSET $offset;
