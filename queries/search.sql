-- search: projects and indicators whose text contains a phrase (case and white space ignored; plain
-- substring match with contains(), no full-text index).
-- Projects match on name, goal, purpose. Indicators (project and department-wide) match on name, value,
-- description, basis.
-- Returns one row per hit: kind ('project' | 'indicator'), project_id, indicator_id, doc_id, province,
-- jurisdiction, place_name, fiscal_year, theme, project_name, matched_in (the first matching field), text (that
-- field),
-- line_start, line_end, source_file. Projects first, then in document order. An empty phrase returns nothing.
-- Params: the common filters, and
-- @param phrase required
-- @param limit 200
-- A field is normalised (tb_norm) only when it holds the phrase's first character: the same hits, without a
-- regular expression over every text of the country.
WITH q AS (SELECT tb_norm($phrase) AS q, left(tb_norm($phrase), 1) AS c),
hits AS (
    SELECT 'project' AS kind, project_id, NULL::INTEGER AS indicator_id, doc_id, province, jurisdiction,
           place_name,
           fiscal_year, theme, name AS project_name, sequence AS project_sequence, 0 AS position,
           CASE WHEN contains(tb_norm(name), q.q) THEN 'name'
                WHEN contains(tb_norm(goal), q.q) THEN 'goal' ELSE 'purpose' END AS matched_in,
           CASE WHEN contains(tb_norm(name), q.q) THEN name
                WHEN contains(tb_norm(goal), q.q) THEN goal ELSE purpose END AS text,
           line_start, line_end, source_file
    FROM f_projects($province, $jurisdictions, $years, $department, $theme), q
    WHERE q.q <> '' AND ((contains(lower(name), q.c) AND contains(tb_norm(name), q.q))
                         OR (contains(lower(goal), q.c) AND contains(tb_norm(goal), q.q))
                         OR (contains(lower(purpose), q.c) AND contains(tb_norm(purpose), q.q)))
    UNION ALL
    SELECT 'indicator', project_id, indicator_id, doc_id, province, jurisdiction, place_name, fiscal_year, theme,
           project_name, coalesce(project_sequence, 0), position,
           CASE WHEN contains(tb_norm(name), q.q) THEN 'name' WHEN contains(tb_norm(value), q.q) THEN 'value'
                WHEN contains(tb_norm(description), q.q) THEN 'description' ELSE 'basis' END,
           CASE WHEN contains(tb_norm(name), q.q) THEN name WHEN contains(tb_norm(value), q.q) THEN value
                WHEN contains(tb_norm(description), q.q) THEN description ELSE basis END,
           line_start, line_end, source_file
    FROM f_indicators($province, $jurisdictions, $years, $department, $theme), q
    WHERE q.q <> '' AND ((contains(lower(name), q.c) AND contains(tb_norm(name), q.q))
                         OR (contains(lower(value), q.c) AND contains(tb_norm(value), q.q))
                         OR (contains(lower(description), q.c) AND contains(tb_norm(description), q.q))
                         OR (contains(lower(basis), q.c) AND contains(tb_norm(basis), q.q)))
)
SELECT kind, project_id, indicator_id, doc_id, province, jurisdiction, place_name, fiscal_year, theme,
       project_name,
       matched_in, text, line_start, line_end, source_file
FROM hits
ORDER BY kind DESC, province, jurisdiction, fiscal_year, doc_id, project_sequence, position
LIMIT $limit;
