-- documents: one row per loaded document.
-- Returns: doc_id, label (jurisdiction + year), source_file, province, city, county, jurisdiction, adcode,
-- department, fiscal_year, layout, encoding, n_projects, total_wan (sum of project totals), funding_wan,
-- n_indicators (project level), n_department_indicators, dept_total_wan / dept_basic_wan / dept_project_wan
-- (部门整体 table: 资金总额 / 基本支出 / 项目支出), warnings, line_count, loaded_at.
-- Params: the common filters only.
SELECT
    d.doc_id, d.label, d.source_file, d.province, d.city, d.county, d.jurisdiction, d.adcode, d.department,
    d.fiscal_year, d.layout, d.encoding, d.n_projects, d.projects_total_wan AS total_wan,
    (SELECT sum(f.amount_wan) FROM v_funding f WHERE f.doc_id = d.doc_id) AS funding_wan,
    (SELECT count(*) FROM v_indicators i WHERE i.doc_id = d.doc_id AND i.scope = 'project') AS n_indicators,
    (SELECT count(*) FROM v_indicators i WHERE i.doc_id = d.doc_id AND i.scope = 'department')
        AS n_department_indicators,
    o.total_wan AS dept_total_wan, o.basic_wan AS dept_basic_wan, o.project_wan AS dept_project_wan,
    d.warnings, d.line_count, d.loaded_at
FROM f_documents($province, $jurisdictions, $years, $department, $theme) d
LEFT JOIN department_overall o ON o.doc_id = d.doc_id
ORDER BY d.province, d.jurisdiction, d.fiscal_year, d.doc_id;
