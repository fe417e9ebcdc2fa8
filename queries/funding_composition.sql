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
-- Filter first: the documents of the filters, then their funding per theme and level (doc_funding, written at load
-- time: a project belongs to one document, so the per-document counts add up).
WITH d AS (
    SELECT doc_id, province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, NULL)
), g AS (
    SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year, f.level, l.level_zh,
           l.level_order, sum(f.amount_wan) AS amount_wan, sum(f.n_projects)::BIGINT AS n_projects,
           array_to_string(list_sort(list_distinct(flatten(list(f.sources)))), '、') AS sources_as_printed
    FROM doc_funding f
    JOIN d ON d.doc_id = f.doc_id
    LEFT JOIN v_funding_levels l ON l.level = f.level
    WHERE $theme IS NULL OR f.theme = $theme
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
