-- page_theme_projects: one row per project for the cross-jurisdiction comparison (跨地区对比): funding, indicator
-- counts and satisfaction thresholds side by side.
-- Returns: project_id, doc_id, province, city, jurisdiction, adcode, place, place_name, fiscal_year, theme,
-- sequence, name, total_wan,
-- central_wan (funding at level central), n_indicators, n_quantified, n_qualitative, n_placeholder,
-- n_satisfaction (level1 = 满意度指标), n_satisfaction_pct (those with a threshold in %), satisfaction_min_pct,
-- satisfaction_max_pct, line_start, line_end.
-- Params: the common filters only (the page passes the chosen theme as theme).
WITH i AS (
    SELECT project_id,
           count(*) AS n_indicators,
           count(*) FILTER (WHERE target_class = 'quantified') AS n_quantified,
           count(*) FILTER (WHERE target_class = 'qualitative') AS n_qualitative,
           count(*) FILTER (WHERE target_class = 'placeholder') AS n_placeholder,
           count(*) FILTER (WHERE level1 = '满意度指标') AS n_satisfaction,
           count(target_pct) FILTER (WHERE level1 = '满意度指标') AS n_satisfaction_pct,
           min(target_pct) FILTER (WHERE level1 = '满意度指标') AS satisfaction_min_pct,
           max(target_pct) FILTER (WHERE level1 = '满意度指标') AS satisfaction_max_pct
    FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
    WHERE scope = 'project'
    GROUP BY project_id
),
c AS (
    SELECT project_id, sum(amount_wan) AS central_wan
    FROM f_funding($province, $jurisdictions, $years, $department, $theme)
    WHERE level = 'central'
    GROUP BY project_id
)
SELECT p.project_id, p.doc_id, p.province, p.city, p.jurisdiction, p.adcode, p.place, p.place_name,
       p.fiscal_year, p.theme, p.sequence, p.name,
       p.total_wan, coalesce(c.central_wan, 0) AS central_wan,
       coalesce(i.n_indicators, 0) AS n_indicators, coalesce(i.n_quantified, 0) AS n_quantified,
       coalesce(i.n_qualitative, 0) AS n_qualitative, coalesce(i.n_placeholder, 0) AS n_placeholder,
       coalesce(i.n_satisfaction, 0) AS n_satisfaction, coalesce(i.n_satisfaction_pct, 0) AS n_satisfaction_pct,
       i.satisfaction_min_pct, i.satisfaction_max_pct, p.line_start, p.line_end
FROM f_projects($province, $jurisdictions, $years, $department, $theme) p
LEFT JOIN i ON i.project_id = p.project_id
LEFT JOIN c ON c.project_id = p.project_id
ORDER BY p.province, p.jurisdiction, p.place, p.fiscal_year, p.doc_id, p.sequence;
