-- projects: one row per project.
-- Returns: project_id, doc_id, province, city, county, jurisdiction, place, place_name, fiscal_year, department,
-- theme, theme_keyword, sequence, name, code, budget_unit, implementing_unit, total_wan, funding_wan, n_indicators,
-- n_empty_slots, truncated (the table is cut off at the end of its file), source_file, line_start, line_end,
-- share_of_doc_pct / share_of_theme_pct (of its document's project total, and of its theme's there),
-- _n_rows (rows before limit), _sum_total_wan.
-- Params: the common filters, and
-- @param ids null
-- @param order place
-- @param limit null
-- @param offset 0
--   ids: only these project ids (a search); order: 'place' (province, place, year, document order) or 'amount'
--   (the largest first); limit / offset: one page (NULL = every row).
WITH p AS (
    SELECT *,
           100 * total_wan / nullif(sum(total_wan) OVER (PARTITION BY doc_id), 0) AS share_of_doc_pct,
           100 * total_wan / nullif(sum(total_wan) OVER (PARTITION BY doc_id, theme), 0) AS share_of_theme_pct
    FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    WHERE $ids IS NULL OR list_contains($ids, project_id)
)
SELECT
    project_id, doc_id, province, city, county, jurisdiction, place, place_name, fiscal_year, department, theme,
    theme_keyword, sequence, name, code, budget_unit, implementing_unit, total_wan, funding_wan, n_indicators,
    n_empty_slots, truncated, source_file, line_start, line_end, share_of_doc_pct, share_of_theme_pct,
    count(*) OVER () AS _n_rows, sum(total_wan) OVER () AS _sum_total_wan
FROM p
ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(total_wan, 0) END, province, jurisdiction, place, fiscal_year,
         doc_id, sequence
LIMIT $limit OFFSET $offset;
