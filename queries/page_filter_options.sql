-- page_filter_options: the values offered by the dashboard's sidebar filters, one row per document x theme.
-- Returns: province, jurisdiction, fiscal_year, department, theme (NULL for a document without projects).
-- Ordered by province, jurisdiction, fiscal year, theme.
-- Params: the common filters only (the dashboard passes none, so that every value is offered).
SELECT DISTINCT d.province, d.jurisdiction, d.fiscal_year, d.department, p.theme
FROM f_documents($province, $jurisdictions, $years, $department, $theme) d
LEFT JOIN v_projects p ON p.doc_id = d.doc_id
ORDER BY d.province, d.jurisdiction, d.fiscal_year, p.theme;
