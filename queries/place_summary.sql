-- place_summary: the headline numbers of each jurisdiction (place) and fiscal year, for the overview's sentences
-- and table: projects, funding, the largest funding level with its share and the number of levels used,
-- indicators and how many are quantified or placeholders, satisfaction targets (project scope).
-- Returns one row per place x fiscal_year: province, city, jurisdiction, place, place_name, fiscal_year,
-- n_projects, total_wan, n_indicators, top_level, top_wan, top_share_pct, n_levels, n_quantified, n_qualitative,
-- n_placeholder, quantified_pct, placeholder_pct, n_satisfaction, n_with_threshold, n_ge_90, n_lt_80, n_eq_100,
-- _n_rows, _sum_n_projects, _sum_total_wan, _sum_n_indicators (over every row). Read from the summaries written at
-- load time (documents, projects, doc_funding, doc_targets); no indicator or funding row is read.
-- Params: the common filters, and
-- @param order amount
-- @param limit null
-- @param offset 0
--   order: 'amount' (the largest funding first) or 'place' (province, place, year); limit / offset: a page.
WITH d AS (
    SELECT DISTINCT province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, $theme)
), p AS (
    SELECT place, fiscal_year, count(*) AS n_projects, sum(total_wan) AS total_wan,
           sum(n_indicators) AS n_indicators
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    GROUP BY place, fiscal_year
), lv AS (
    SELECT d.place, d.fiscal_year, f.level, l.level_order, sum(f.amount_wan) AS amount_wan
    FROM doc_funding f
    JOIN (SELECT doc_id, place, fiscal_year FROM f_documents($province, $jurisdictions, $years, $department, NULL)) d
      ON d.doc_id = f.doc_id
    LEFT JOIN v_funding_levels l ON l.level = f.level
    WHERE $theme IS NULL OR f.theme = $theme
    GROUP BY ALL
), top AS (
    SELECT place, fiscal_year,
           first(level ORDER BY amount_wan DESC, level_order) FILTER (WHERE amount_wan > 0) AS top_level,
           max(amount_wan) FILTER (WHERE amount_wan > 0) AS top_wan,
           100 * max(amount_wan) FILTER (WHERE amount_wan > 0) / nullif(sum(amount_wan), 0) AS top_share_pct,
           count(*) FILTER (WHERE amount_wan > 0) AS n_levels
    FROM lv GROUP BY place, fiscal_year
), i AS (
    SELECT d.place, d.fiscal_year, sum(t.n_indicators) AS n_indicators,
           sum(t.n_quantified) AS n_quantified, sum(t.n_qualitative) AS n_qualitative,
           sum(t.n_placeholder) AS n_placeholder,
           100.0 * sum(t.n_quantified) / nullif(sum(t.n_indicators), 0) AS quantified_pct,
           100.0 * sum(t.n_placeholder) / nullif(sum(t.n_indicators), 0) AS placeholder_pct,
           sum(t.n_satisfaction) AS n_satisfaction, sum(t.n_satisfaction_pct) AS n_with_threshold,
           sum(t.n_ge_90) AS n_ge_90, sum(t.n_lt_80) AS n_lt_80, sum(t.n_eq_100) AS n_eq_100
    FROM doc_targets t
    JOIN (SELECT doc_id, place, fiscal_year FROM f_documents($province, $jurisdictions, $years, $department, NULL)) d
      ON d.doc_id = t.doc_id
    WHERE $theme IS NULL OR t.theme = $theme
    GROUP BY d.place, d.fiscal_year
)
SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year,
       coalesce(p.n_projects, 0) AS n_projects, p.total_wan, coalesce(p.n_indicators, 0)::BIGINT AS n_indicators,
       top.top_level, top.top_wan, top.top_share_pct, coalesce(top.n_levels, 0) AS n_levels,
       coalesce(i.n_quantified, 0) AS n_quantified, coalesce(i.n_qualitative, 0) AS n_qualitative,
       coalesce(i.n_placeholder, 0)::BIGINT AS n_placeholder, i.quantified_pct, i.placeholder_pct,
       coalesce(i.n_satisfaction, 0) AS n_satisfaction, coalesce(i.n_with_threshold, 0) AS n_with_threshold,
       coalesce(i.n_ge_90, 0) AS n_ge_90, coalesce(i.n_lt_80, 0) AS n_lt_80, coalesce(i.n_eq_100, 0) AS n_eq_100,
       count(*) OVER () AS _n_rows, sum(coalesce(p.n_projects, 0)) OVER () AS _sum_n_projects,
       sum(p.total_wan) OVER () AS _sum_total_wan, sum(coalesce(p.n_indicators, 0)) OVER () AS _sum_n_indicators
FROM d
LEFT JOIN p ON p.place IS NOT DISTINCT FROM d.place AND p.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
LEFT JOIN top ON top.place IS NOT DISTINCT FROM d.place AND top.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
LEFT JOIN i ON i.place IS NOT DISTINCT FROM d.place AND i.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(p.total_wan, 0) END, d.province, d.jurisdiction, d.place,
         d.fiscal_year
LIMIT $limit OFFSET $offset;
