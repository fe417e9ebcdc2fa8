-- place_summary: the headline numbers of each jurisdiction (place) and fiscal year, for the overview's sentences
-- and table: projects, funding, the largest funding level with its share and the number of levels used,
-- indicators and how many are quantified or placeholders, satisfaction targets (project scope).
-- Returns one row per place x fiscal_year: province, city, jurisdiction, place, place_name, fiscal_year,
-- n_projects, total_wan, n_indicators, top_level, top_wan, top_share_pct, n_levels, n_quantified, n_qualitative,
-- n_placeholder, quantified_pct, placeholder_pct, n_satisfaction, n_with_threshold, n_ge_90, n_lt_80, n_eq_100,
-- min_pct, median_pct, _n_rows, _sum_n_projects, _sum_total_wan, _sum_n_indicators (over every row).
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
    SELECT place, fiscal_year,
           count(*) FILTER (WHERE target_class = 'quantified') AS n_quantified,
           count(*) FILTER (WHERE target_class = 'qualitative') AS n_qualitative,
           count(*) FILTER (WHERE target_class = 'placeholder') AS n_placeholder,
           100.0 * count(*) FILTER (WHERE target_class = 'quantified') / count(*) AS quantified_pct,
           100.0 * count(*) FILTER (WHERE target_class = 'placeholder') / count(*) AS placeholder_pct,
           count(*) FILTER (WHERE level1 = '满意度指标') AS n_satisfaction,
           count(target_pct) FILTER (WHERE level1 = '满意度指标') AS n_with_threshold,
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct >= 90) AS n_ge_90,
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct < 80) AS n_lt_80,
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct = 100) AS n_eq_100,
           min(target_pct) FILTER (WHERE level1 = '满意度指标') AS min_pct,
           median(target_pct) FILTER (WHERE level1 = '满意度指标') AS median_pct
    FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
    WHERE scope = 'project'
    GROUP BY place, fiscal_year
)
SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year,
       coalesce(p.n_projects, 0) AS n_projects, p.total_wan, coalesce(p.n_indicators, 0)::BIGINT AS n_indicators,
       top.top_level, top.top_wan, top.top_share_pct, coalesce(top.n_levels, 0) AS n_levels,
       coalesce(i.n_quantified, 0) AS n_quantified, coalesce(i.n_qualitative, 0) AS n_qualitative,
       coalesce(i.n_placeholder, 0) AS n_placeholder, i.quantified_pct, i.placeholder_pct,
       coalesce(i.n_satisfaction, 0) AS n_satisfaction, coalesce(i.n_with_threshold, 0) AS n_with_threshold,
       coalesce(i.n_ge_90, 0) AS n_ge_90, coalesce(i.n_lt_80, 0) AS n_lt_80, coalesce(i.n_eq_100, 0) AS n_eq_100,
       i.min_pct, i.median_pct,
       count(*) OVER () AS _n_rows, sum(coalesce(p.n_projects, 0)) OVER () AS _sum_n_projects,
       sum(p.total_wan) OVER () AS _sum_total_wan, sum(coalesce(p.n_indicators, 0)) OVER () AS _sum_n_indicators
FROM d
LEFT JOIN p ON p.place IS NOT DISTINCT FROM d.place AND p.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
LEFT JOIN top ON top.place IS NOT DISTINCT FROM d.place AND top.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
LEFT JOIN i ON i.place IS NOT DISTINCT FROM d.place AND i.fiscal_year IS NOT DISTINCT FROM d.fiscal_year
ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(p.total_wan, 0) END, d.province, d.jurisdiction, d.place,
         d.fiscal_year
LIMIT $limit OFFSET $offset;
