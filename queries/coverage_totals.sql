-- coverage_totals: per indicator category, how many of the selected projects (complete tables) cover it.
-- Returns one row per category: category, category_order, n_projects (all selected), n_covering, n_indicators.
-- Params: the common filters only.
SELECT category, category_order, count(*) AS n_projects, count(*) FILTER (WHERE n_indicators > 0) AS n_covering,
       sum(n_indicators)::BIGINT AS n_indicators
FROM f_project_coverage($province, $jurisdictions, $years, $department, $theme)
GROUP BY category, category_order
ORDER BY category_order;
