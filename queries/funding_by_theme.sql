-- funding_by_theme: project funding by theme and source level per jurisdiction (place) and fiscal year.
-- Returns one row per place x fiscal_year x theme x level with a non-zero amount: province, city, jurisdiction,
-- place, place_name, fiscal_year, theme, level, level_zh, level_order, amount_wan, n_projects (projects of the
-- theme with a positive amount at that level), sources_as_printed (labels as printed), theme_total_wan,
-- share_of_theme_pct (of the theme's total), year_total_wan, share_of_year_pct (of the place-year total),
-- _n_rows (rows before limit), _sum_amount_wan.
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
-- Read from doc_funding (written at load time) and the filtered documents.
WITH d AS (
    SELECT doc_id, province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, NULL)
), g AS (
    SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year, f.theme, f.level, l.level_zh,
           l.level_order, sum(f.amount_wan) AS amount_wan, sum(f.n_projects)::BIGINT AS n_projects,
           array_to_string(list_sort(list_distinct(flatten(list(f.sources)))), '、') AS sources_as_printed
    FROM doc_funding f
    JOIN d ON d.doc_id = f.doc_id
    LEFT JOIN v_funding_levels l ON l.level = f.level
    WHERE $theme IS NULL OR f.theme = $theme
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
