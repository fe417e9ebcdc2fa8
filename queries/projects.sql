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
--   (the largest first); limit / offset: one page (NULL = every row). The page is chosen first; the shares are
--   computed for its documents only.
WITH p AS (
    SELECT * FROM f_projects($province, $jurisdictions, $years, $department, $theme)
    WHERE $ids IS NULL OR list_contains($ids, project_id)
), page AS (
    SELECT * FROM p
    ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(total_wan, 0) END, province, jurisdiction, place,
             fiscal_year, doc_id, sequence
    LIMIT $limit OFFSET $offset
), theme_totals AS (
    SELECT doc_id, theme, sum(total_wan) AS theme_wan
    FROM projects WHERE doc_id IN (SELECT doc_id FROM page) GROUP BY doc_id, theme
), totals AS (SELECT count(*) AS n, sum(total_wan) AS wan FROM p)
SELECT
    page.project_id, page.doc_id, page.province, page.city, page.county, page.jurisdiction, page.place,
    page.place_name, page.fiscal_year, page.department, page.theme, page.theme_keyword, page.sequence, page.name,
    page.code, page.budget_unit, page.implementing_unit, page.total_wan, page.funding_wan, page.n_indicators,
    page.n_empty_slots, page.truncated, page.source_file, page.line_start, page.line_end,
    100 * page.total_wan / nullif(d.projects_total_wan, 0) AS share_of_doc_pct,
    100 * page.total_wan / nullif(t.theme_wan, 0) AS share_of_theme_pct,
    totals.n AS _n_rows, totals.wan AS _sum_total_wan
FROM page
JOIN documents d ON d.doc_id = page.doc_id
LEFT JOIN theme_totals t ON t.doc_id = page.doc_id AND t.theme = page.theme
CROSS JOIN totals
ORDER BY CASE WHEN $order = 'amount' THEN -coalesce(page.total_wan, 0) END, page.province, page.jurisdiction,
         page.place, page.fiscal_year, page.doc_id, page.sequence;
