-- coverage_by_area: the share of projects covering each indicator category per area, at the level given: the
-- provinces, the cities (prefecture level) or the places (jurisdictions), the largest areas (most projects)
-- first. For the coverage heatmap when there are too many projects to show one row each.
-- Returns one row per area x category: area (division code prefix: 2 digits for a province, 4 for a city, the
-- place otherwise), area_name, n_projects_area, category, category_order, n_projects_covering,
-- share_covering_pct, n_indicators, _n_areas (areas before limit).
-- Params: the common filters, and
-- @param level province
-- @param limit null
--   level: province | city | place; limit: the first areas only (NULL = all). Read from doc_coverage.
WITH c AS (
    SELECT CASE $level WHEN 'province' THEN coalesce(left(d.adcode, 2), d.province, '')
                       WHEN 'city' THEN coalesce(left(d.adcode, 4), d.city, d.province, '')
                       ELSE d.place END AS area,
           CASE $level WHEN 'province' THEN coalesce(d.province, '未识别')
                       WHEN 'city' THEN coalesce(d.city, d.province, '未识别')
                       ELSE d.place_name END AS area_name,
           c.category, c.category_order, c.n_projects, c.n_covering, c.n_indicators
    FROM doc_coverage c
    JOIN f_documents($province, $jurisdictions, $years, $department, NULL) d ON d.doc_id = c.doc_id
    WHERE $theme IS NULL OR c.theme = $theme
), a AS (
    SELECT area, any_value(area_name) AS area_name,
           sum(n_projects) FILTER (WHERE category_order = 1)::BIGINT AS n_projects_area,
           count(*) OVER () AS _n_areas
    FROM c GROUP BY area
    ORDER BY n_projects_area DESC, area
    LIMIT $limit
)
SELECT a.area, a.area_name, a.n_projects_area, c.category, c.category_order,
       sum(c.n_covering)::BIGINT AS n_projects_covering,
       100.0 * sum(c.n_covering) / sum(c.n_projects) AS share_covering_pct,
       sum(c.n_indicators)::BIGINT AS n_indicators, a._n_areas
FROM c JOIN a ON a.area = c.area
GROUP BY ALL
ORDER BY a.n_projects_area DESC, a.area, c.category_order;
