-- funding_by_theme: project funding by theme and source level per jurisdiction (place) and fiscal year.
-- Returns one row per place x fiscal_year x theme x level with a non-zero amount: province, city, jurisdiction,
-- place, place_name, fiscal_year, theme, level, level_zh, level_order, amount_wan, n_projects (projects of the
-- theme with a positive amount at that level), sources_as_printed (labels as printed), theme_total_wan,
-- share_of_theme_pct (of the theme's total), year_total_wan, share_of_year_pct (of the place-year total),
-- _n_rows (rows before limit), _sum_amount_wan.
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
WITH g AS (
    SELECT province, city, jurisdiction, place, place_name, fiscal_year, theme, level, level_zh, level_order,
           sum(amount_wan) AS amount_wan,
           count(DISTINCT project_id) FILTER (WHERE amount_wan > 0) AS n_projects,
           string_agg(DISTINCT funding_source, '、' ORDER BY funding_source) AS sources_as_printed
    FROM f_funding($province, $jurisdictions, $years, $department, $theme)
    GROUP BY ALL
), s AS (
    SELECT *,
           sum(amount_wan) OVER t AS theme_total_wan,
           100 * amount_wan / nullif(sum(amount_wan) OVER t, 0) AS share_of_theme_pct,
           sum(amount_wan) OVER y AS year_total_wan,
           100 * amount_wan / nullif(sum(amount_wan) OVER y, 0) AS share_of_year_pct
    FROM g
    WINDOW y AS (PARTITION BY place, fiscal_year),
           t AS (PARTITION BY place, fiscal_year, theme)
)
SELECT *, count(*) OVER () AS _n_rows, sum(amount_wan) OVER () AS _sum_amount_wan
FROM s
WHERE amount_wan <> 0
ORDER BY province, jurisdiction, place, fiscal_year, theme_total_wan DESC, theme, level_order
LIMIT $limit OFFSET $offset;
