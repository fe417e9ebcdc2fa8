-- coverage_totals: per indicator category, how many of the selected projects (complete tables) cover it.
-- Returns one row per category: category, category_order, n_projects (all selected), n_covering, n_indicators.
-- Params: the common filters only. Read from doc_coverage (written at load time).
SELECT c.category, c.category_order, sum(c.n_projects)::BIGINT AS n_projects,
       sum(c.n_covering)::BIGINT AS n_covering, sum(c.n_indicators)::BIGINT AS n_indicators
FROM doc_coverage c
WHERE c.doc_id IN (SELECT doc_id FROM f_documents($province, $jurisdictions, $years, $department, NULL))
  AND ($theme IS NULL OR c.theme = $theme)
GROUP BY c.category, c.category_order
ORDER BY c.category_order;
