-- funding_treemap: the tiles of the funding treemap, place-year → theme → project, capped: the $places place-years
-- with the most money, and among their projects the $projects largest; the other projects of a theme are one tile.
-- Returns one row per tile: id, parent ('' for a place-year), kind (place | theme | project | rest), label (the
-- full text), value (万元), n (projects in a rest tile), and on every row: n_place_years (all of them),
-- n_projects_shown, n_projects (with a positive amount), top_theme / top_theme_share_pct (the largest theme of
-- all that the filters select), total_wan.
-- Params: the common filters, and
-- @param places 25
-- @param projects 150
WITH p AS (
    SELECT project_id, place, place_name, fiscal_year, theme, name, total_wan
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    WHERE total_wan > 0
), pl AS (
    SELECT place, fiscal_year, any_value(place_name) AS place_name, sum(total_wan) AS value,
           row_number() OVER (ORDER BY sum(total_wan) DESC, place, fiscal_year) AS k
    FROM p GROUP BY place, fiscal_year
), chosen AS (
    SELECT p.*, 'd:' || p.place || ':' || coalesce(p.fiscal_year::VARCHAR, '') AS place_id,
           'd:' || p.place || ':' || coalesce(p.fiscal_year::VARCHAR, '') || '/t:' || p.theme AS theme_id,
           row_number() OVER (ORDER BY p.total_wan DESC, p.project_id) AS r
    FROM p JOIN pl ON pl.place = p.place AND pl.fiscal_year IS NOT DISTINCT FROM p.fiscal_year
    WHERE pl.k <= $places
), tiles AS (
    SELECT place_id AS id, '' AS parent, 'place' AS kind,
           any_value(place_name) || coalesce(' ' || any_value(fiscal_year), '') AS label, sum(total_wan) AS value,
           NULL::BIGINT AS n
    FROM chosen GROUP BY place_id
    UNION ALL
    SELECT theme_id, any_value(place_id), 'theme', any_value(theme), sum(total_wan), NULL
    FROM chosen GROUP BY theme_id
    UNION ALL
    SELECT theme_id || '/p:' || project_id, theme_id, 'project', name, total_wan, NULL
    FROM chosen WHERE r <= $projects
    UNION ALL
    SELECT theme_id || '/rest', theme_id, 'rest', '其他 ' || count(*) || ' 个项目', sum(total_wan), count(*)
    FROM chosen WHERE r > $projects GROUP BY theme_id
), th AS (
    SELECT theme, sum(total_wan) AS value FROM p GROUP BY theme ORDER BY value DESC LIMIT 1
), s AS (
    SELECT (SELECT count(*) FROM pl) AS n_place_years,
           (SELECT count(*) FROM chosen WHERE r <= $projects) AS n_projects_shown,
           count(*) AS n_projects, sum(total_wan) AS total_wan
    FROM p
)
SELECT t.*, s.n_place_years, s.n_projects_shown, s.n_projects, th.theme AS top_theme,
       100 * th.value / nullif(s.total_wan, 0) AS top_theme_share_pct, s.total_wan
FROM tiles t CROSS JOIN s LEFT JOIN th ON true
ORDER BY CASE t.kind WHEN 'place' THEN 0 WHEN 'theme' THEN 1 WHEN 'project' THEN 2 ELSE 3 END, t.value DESC, t.id;
