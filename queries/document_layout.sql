-- document_layout: the layout family (or file reader) one document was read with, for showing its original.
-- Returns: layout; one row, empty when the document is unknown or filtered out.
-- Params: the common filters, and
-- @param doc_id required
SELECT d.layout
FROM f_documents($province, $jurisdictions, $years, $department, $theme) d
WHERE d.doc_id = $doc_id;
