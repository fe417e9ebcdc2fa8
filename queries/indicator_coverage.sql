-- indicator_coverage: which indicator categories each project covers, and with how many indicators.
-- Categories are the canonical level-2 values, the four cost kinds (成本指标, 经济成本指标, 社会成本指标,
-- 生态环境成本指标) counted as one 成本 category: 数量, 质量, 时效, 成本, 经济效益, 社会效益, 生态效益,
-- 可持续影响, 满意度 (see v_indicator_categories).
-- Returns one row per project x category (all nine, also when absent): project_id, doc_id, province,
-- jurisdiction, fiscal_year, theme, project_sequence, project_name, category, category_order, n_indicators,
-- present (n_indicators > 0).
-- Params: the common filters only.
SELECT project_id, doc_id, province, jurisdiction, fiscal_year, theme, project_sequence, project_name,
       category, category_order, n_indicators, n_indicators > 0 AS present
FROM f_project_coverage($province, $jurisdictions, $years, $department, $theme)
ORDER BY province, jurisdiction, fiscal_year, doc_id, project_sequence, category_order;
