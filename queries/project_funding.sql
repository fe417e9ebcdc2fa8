-- project_funding: the funding sources of one project, in printed order.
-- Returns one row per source: funding_id, position, funding_source (label as printed), level, level_zh,
-- amount_wan, share_pct (of the project's funding total).
-- Params: the common filters, and
-- @param project_id required
SELECT funding_id, position, funding_source, level, level_zh, amount_wan,
       100 * amount_wan / nullif(sum(amount_wan) OVER (), 0) AS share_pct
FROM f_funding($province, $jurisdictions, $years, $department, $theme)
WHERE project_id = $project_id
ORDER BY position;
