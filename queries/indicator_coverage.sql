-- indicator_coverage: which indicator categories each project covers, and with how many indicators.
-- Categories are the canonical level-2 values, the four cost kinds (成本指标, 经济成本指标, 社会成本指标,
-- 生态环境成本指标) counted as one 成本 category: 数量, 质量, 时效, 成本, 经济效益, 社会效益, 生态效益,
-- 可持续影响, 满意度 (see v_indicator_categories). Projects whose table is cut off at the end of its file are left
-- out. Read from project_coverage (written at load time).
-- Returns one row per project x category (all nine, also when absent): project_id, doc_id, province,
-- jurisdiction, place, place_name, fiscal_year, theme, project_sequence, project_name, category, category_order,
-- n_indicators, present (n_indicators > 0), _n_projects (projects of the whole result, before limit).
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
--   limit / offset: one page of projects (NULL = every project), each with its nine rows.
WITH c AS (
    SELECT * FROM f_project_coverage($province, $jurisdictions, $years, $department, $theme)
), p AS (
    SELECT project_id, count(*) OVER () AS _n_projects
    FROM (SELECT DISTINCT project_id, province, jurisdiction, place, fiscal_year, doc_id, project_sequence FROM c)
    ORDER BY province, jurisdiction, place, fiscal_year, doc_id, project_sequence
    LIMIT $limit OFFSET $offset
)
SELECT c.project_id, c.doc_id, c.province, c.jurisdiction, c.place, c.place_name, c.fiscal_year, c.theme,
       c.project_sequence, c.project_name, c.category, c.category_order, c.n_indicators,
       c.n_indicators > 0 AS present, p._n_projects
FROM c
JOIN p ON p.project_id = c.project_id
ORDER BY c.province, c.jurisdiction, c.place, c.fiscal_year, c.doc_id, c.project_sequence, c.category_order;
