-- funding_level_totals: project funding per source level over everything the filters select (the funding page's
-- cards and chart title).
-- Returns one row per level: level, level_zh, level_order, amount_wan, n_places (place-years with a positive
-- amount at that level), sources_as_printed, n_place_years (place-years with any funding), only_place_name /
-- only_fiscal_year / only_share_pct (the place-year and its share when exactly one has money at that level),
-- top_place_name / top_fiscal_year (the place-year of most funding).
-- Params: the common filters only. Read from doc_funding (written at load time).
WITH d AS (
    SELECT doc_id, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, NULL)
), f AS (
    SELECT d.place, d.place_name, d.fiscal_year, f.level, f.amount_wan, f.sources
    FROM doc_funding f JOIN d ON d.doc_id = f.doc_id
    WHERE $theme IS NULL OR f.theme = $theme
), g AS (
    SELECT f.place, f.place_name, f.fiscal_year, f.level, l.level_zh, l.level_order, sum(f.amount_wan) AS amount_wan
    FROM f LEFT JOIN v_funding_levels l ON l.level = f.level
    GROUP BY ALL
), src AS (
    SELECT level, array_to_string(list_sort(list_distinct(flatten(list(sources)))), '、') AS sources_as_printed
    FROM f GROUP BY level
), s AS (
    SELECT *, 100 * amount_wan / nullif(sum(amount_wan) OVER (PARTITION BY place, fiscal_year), 0) AS share_pct,
           sum(amount_wan) OVER (PARTITION BY place, fiscal_year) AS place_total
    FROM g
)
SELECT level, any_value(level_zh) AS level_zh, any_value(level_order) AS level_order, sum(amount_wan) AS amount_wan,
       count(*) FILTER (WHERE amount_wan > 0) AS n_places,
       (SELECT sources_as_printed FROM src WHERE src.level = s.level) AS sources_as_printed,
       (SELECT count(DISTINCT (place, fiscal_year)) FROM s) AS n_place_years,
       CASE WHEN count(*) FILTER (WHERE amount_wan > 0) = 1
            THEN any_value(place_name) FILTER (WHERE amount_wan > 0) END AS only_place_name,
       CASE WHEN count(*) FILTER (WHERE amount_wan > 0) = 1
            THEN any_value(fiscal_year) FILTER (WHERE amount_wan > 0) END AS only_fiscal_year,
       CASE WHEN count(*) FILTER (WHERE amount_wan > 0) = 1
            THEN any_value(share_pct) FILTER (WHERE amount_wan > 0) END AS only_share_pct,
       (SELECT first(place_name ORDER BY place_total DESC) FROM s) AS top_place_name,
       (SELECT first(fiscal_year ORDER BY place_total DESC) FROM s) AS top_fiscal_year
FROM s
GROUP BY level
ORDER BY any_value(level_order);
