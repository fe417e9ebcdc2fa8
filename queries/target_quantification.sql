-- target_quantification: how many targets are quantified, qualitative or placeholders, per jurisdiction (place) x
-- year. Split (column target_class of v_indicators):
--   quantified  = kind percent, count, money, duration, number, or deadline with a calendar date
--   qualitative = kind qualitative, or deadline without a date (每月按时完成, 长期 ...)
--   placeholder = kind placeholder or empty (年度计划, **平米, a blank cell: no usable target)
-- Returns one row per place x fiscal_year: province, city, jurisdiction, place, place_name, fiscal_year,
-- n_indicators, n_quantified, n_qualitative, n_placeholder, n_empty (the blank cells among the placeholders),
-- quantified_pct, qualitative_pct, placeholder_pct (shares of n_indicators), _n_rows (rows before limit).
-- Params: the common filters, and
-- @param scope project
-- @param order place
-- @param limit null
-- @param offset 0
--   scope: 'project' (project indicators, default), 'department' (部门整体 tables) or 'all'.
--   order: 'place' (province, place, year) or 'least' (the least quantified first); limit / offset: a page.
-- Project indicators are counted from doc_targets (written at load time); the department-wide ones from the table.
WITH d AS (
    SELECT doc_id, province, city, jurisdiction, place, place_name, fiscal_year
    FROM f_documents($province, $jurisdictions, $years, $department, NULL)
), c AS (
    SELECT doc_id, n_indicators, n_quantified, n_qualitative, n_placeholder, n_empty
    FROM doc_targets
    WHERE $scope IN ('project', 'all') AND doc_id IN (SELECT doc_id FROM d) AND ($theme IS NULL OR theme = $theme)
    UNION ALL
    SELECT doc_id, count(*), count(*) FILTER (WHERE target_class = 'quantified'),
           count(*) FILTER (WHERE target_class = 'qualitative'), count(*) FILTER (WHERE target_class = 'placeholder'),
           count(*) FILTER (WHERE target_kind = 'empty')
    FROM v_indicators
    WHERE $scope IN ('department', 'all') AND $theme IS NULL AND scope = 'department'
      AND doc_id IN (SELECT doc_id FROM d)
    GROUP BY doc_id
), g AS (
    SELECT d.province, d.city, d.jurisdiction, d.place, d.place_name, d.fiscal_year,
           sum(c.n_indicators)::BIGINT AS n_indicators, sum(c.n_quantified)::BIGINT AS n_quantified,
           sum(c.n_qualitative)::BIGINT AS n_qualitative, sum(c.n_placeholder)::BIGINT AS n_placeholder,
           sum(c.n_empty)::BIGINT AS n_empty
    FROM c JOIN d ON d.doc_id = c.doc_id
    GROUP BY ALL
    HAVING sum(c.n_indicators) > 0
)
SELECT *, 100.0 * n_quantified / n_indicators AS quantified_pct, 100.0 * n_qualitative / n_indicators AS qualitative_pct,
       100.0 * n_placeholder / n_indicators AS placeholder_pct, count(*) OVER () AS _n_rows
FROM g
ORDER BY CASE WHEN $order = 'least' THEN 100.0 * n_quantified / n_indicators END, province, jurisdiction, place,
         fiscal_year
LIMIT $limit OFFSET $offset;
