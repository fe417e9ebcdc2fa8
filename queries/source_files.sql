-- source_files: the source documents behind the current filters, for captions and the context rows of exports.
-- Returns: source_file (the first $limit, in the order of the documents query), n_files (all files of the filters).
-- Params: the common filters, and
-- @param limit 200
SELECT source_file, count(*) OVER () AS n_files
FROM f_documents($province, $jurisdictions, $years, $department, $theme)
ORDER BY province, jurisdiction, place, fiscal_year, doc_id
LIMIT $limit;
