-- parse_warnings: what the reader asks to check in the documents (one row per warning, in document order).
-- Returns: doc_id, jurisdiction, place_name, fiscal_year, source_file, position, code, line_start, line_end,
-- message, _n_rows (rows before limit).
-- Params: the common filters, and
-- @param limit null
-- @param offset 0
SELECT d.doc_id, d.jurisdiction, d.place_name, d.fiscal_year, d.source_file, w.position, w.code, w.line_start,
       w.line_end, w.message, count(*) OVER () AS _n_rows
FROM f_documents($province, $jurisdictions, $years, $department, $theme) d
JOIN parse_warnings w ON w.doc_id = d.doc_id
ORDER BY d.province, d.jurisdiction, d.place, d.fiscal_year, d.doc_id, w.position
LIMIT $limit OFFSET $offset;
