-- document_lines: the display lines of one document, as stored at load time (what every line number refers to).
-- Returns: line_no (1-based), text; ordered by line_no. Empty when the document is unknown.
-- Params: the common filters are ignored here, and
-- @param doc_id required
SELECT line_no, text
FROM source_lines
WHERE doc_id = $doc_id
ORDER BY line_no;
