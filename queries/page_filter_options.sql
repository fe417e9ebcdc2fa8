-- page_filter_options: the values offered by the dashboard's sidebar filters, one row per distinct combination of
-- province x place x fiscal year x department x theme (NULL theme for a document without projects).
-- Returns: province, jurisdiction (the name), place (division code, or the name without one), place_name (the
-- name shown), fiscal_year, department, theme. Ordered by province, place name, fiscal year, theme.
-- Params: the common filters only (the dashboard passes none, so that every value is offered).
WITH d AS (SELECT * FROM f_documents($province, $jurisdictions, $years, $department, $theme)),
t AS (SELECT DISTINCT doc_id, theme FROM projects WHERE doc_id IN (SELECT doc_id FROM d))
SELECT DISTINCT d.province, d.jurisdiction, d.place, d.place_name, d.fiscal_year, d.department, t.theme
FROM d
LEFT JOIN t ON t.doc_id = d.doc_id
ORDER BY d.province, d.place_name, d.fiscal_year, t.theme, d.department, d.place;
