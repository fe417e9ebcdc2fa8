-- funding_by_theme: project funding by theme and source level per jurisdiction and fiscal year.
-- Returns one row per jurisdiction x fiscal_year x theme x level: province, city, jurisdiction, fiscal_year,
-- theme, level, level_zh, level_order, amount_wan, n_projects (projects of the theme with a positive amount at
-- that level), sources_as_printed (labels as printed), theme_total_wan, share_of_theme_pct (of the theme's total), year_total_wan, share_of_year_pct
-- (of the jurisdiction-year total).
-- Params: the common filters only.
WITH g AS (
    SELECT province, city, jurisdiction, fiscal_year, theme, level, level_zh, level_order,
           sum(amount_wan) AS amount_wan,
           count(DISTINCT project_id) FILTER (WHERE amount_wan > 0) AS n_projects,
           string_agg(DISTINCT funding_source, '、' ORDER BY funding_source) AS sources_as_printed
    FROM f_funding($province, $jurisdictions, $years, $department, $theme)
    GROUP BY ALL
)
SELECT *,
       sum(amount_wan) OVER t AS theme_total_wan,
       100 * amount_wan / nullif(sum(amount_wan) OVER t, 0) AS share_of_theme_pct,
       sum(amount_wan) OVER y AS year_total_wan,
       100 * amount_wan / nullif(sum(amount_wan) OVER y, 0) AS share_of_year_pct
FROM g
WINDOW y AS (PARTITION BY province, city, jurisdiction, fiscal_year),
       t AS (PARTITION BY province, city, jurisdiction, fiscal_year, theme)
ORDER BY province, jurisdiction, fiscal_year, theme_total_wan DESC, theme, level_order;
