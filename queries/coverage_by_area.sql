-- coverage_by_area: the share of projects covering each indicator category per area, at the level given: the
-- provinces, the cities (prefecture level) or the places (jurisdictions), the largest areas (most projects)
-- first. For the coverage heatmap when there are too many projects to show one row each.
-- Returns one row per area x category: area (division code prefix: 2 digits for a province, 4 for a city, the
-- place otherwise), area_name, n_projects_area, category, category_order, n_projects_covering,
-- share_covering_pct, n_indicators, _n_areas (areas before limit).
-- Params: the common filters, and
-- @param level province
-- @param limit null
--   level: province | city | place; limit: the first areas only (NULL = all).
WITH c AS (
    SELECT CASE $level WHEN 'province' THEN coalesce(left(adcode, 2), province, '')
                       WHEN 'city' THEN coalesce(left(adcode, 4), city, province, '')
                       ELSE place END AS area,
           CASE $level WHEN 'province' THEN coalesce(province, '未识别')
                       WHEN 'city' THEN coalesce(city, province, '未识别')
                       ELSE place_name END AS area_name,
           project_id, category, category_order, n_indicators
    FROM f_project_coverage($province, $jurisdictions, $years, $department, $theme)
), a AS (
    SELECT area, any_value(area_name) AS area_name, count(DISTINCT project_id) AS n_projects_area,
           count(*) OVER () AS _n_areas
    FROM c GROUP BY area
    ORDER BY n_projects_area DESC, area
    LIMIT $limit
)
SELECT a.area, a.area_name, a.n_projects_area, c.category, c.category_order,
       count(*) FILTER (WHERE c.n_indicators > 0) AS n_projects_covering,
       100.0 * count(*) FILTER (WHERE c.n_indicators > 0) / count(*) AS share_covering_pct,
       sum(c.n_indicators)::BIGINT AS n_indicators, a._n_areas
FROM c JOIN a ON a.area = c.area
GROUP BY ALL
ORDER BY a.n_projects_area DESC, a.area, c.category_order;
