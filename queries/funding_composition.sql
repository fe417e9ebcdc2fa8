-- funding_composition: project funding by source level (central / provincial / city / county / fiscal / other)
-- per jurisdiction (place: division code) and fiscal year.
-- Returns one row per place x fiscal_year x level: province, city, jurisdiction, place, place_name, fiscal_year,
-- level, level_zh, level_order, amount_wan, n_projects (projects with a positive amount at that level),
-- sources_as_printed (the source labels as the form prints them, e.g. 财政拨款、财政资金), total_wan
-- (place-year total over all levels), share_pct (amount_wan / total_wan * 100), _n_rows (rows before limit),
-- _n_places (place-years before top).
-- Levels with zero amounts are kept when the document prints them (e.g. 中央补助 0.00).
-- Params: the common filters, and
-- @param top null
-- @param limit null
-- @param offset 0
--   top: only the top place-years by total (NULL = all); limit / offset: one page of the rows (NULL = all).
WITH g AS (
    SELECT province, city, jurisdiction, place, place_name, fiscal_year, level, level_zh, level_order,
           sum(amount_wan) AS amount_wan,
           count(DISTINCT project_id) FILTER (WHERE amount_wan > 0) AS n_projects,
           string_agg(DISTINCT funding_source, '、' ORDER BY funding_source) AS sources_as_printed
    FROM f_funding($province, $jurisdictions, $years, $department, $theme)
    GROUP BY ALL
), t AS (
    SELECT *, sum(amount_wan) OVER w AS total_wan,
           100 * amount_wan / nullif(sum(amount_wan) OVER w, 0) AS share_pct
    FROM g
    WINDOW w AS (PARTITION BY place, fiscal_year)
), r AS (
    SELECT *, dense_rank() OVER (ORDER BY total_wan DESC NULLS LAST, province, jurisdiction, place, fiscal_year)
        AS _rank
    FROM t
)
SELECT * EXCLUDE (_rank), count(*) OVER () AS _n_rows
FROM (SELECT *, max(_rank) OVER () AS _n_places FROM r)
WHERE $top IS NULL OR _rank <= $top
ORDER BY province, jurisdiction, place, fiscal_year, level_order
LIMIT $limit OFFSET $offset;
