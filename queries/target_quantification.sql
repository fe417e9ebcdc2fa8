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
SELECT province, city, jurisdiction, place, place_name, fiscal_year,
       count(*) AS n_indicators,
       count(*) FILTER (WHERE target_class = 'quantified') AS n_quantified,
       count(*) FILTER (WHERE target_class = 'qualitative') AS n_qualitative,
       count(*) FILTER (WHERE target_class = 'placeholder') AS n_placeholder,
       count(*) FILTER (WHERE target_kind = 'empty') AS n_empty,
       100.0 * count(*) FILTER (WHERE target_class = 'quantified') / count(*) AS quantified_pct,
       100.0 * count(*) FILTER (WHERE target_class = 'qualitative') / count(*) AS qualitative_pct,
       100.0 * count(*) FILTER (WHERE target_class = 'placeholder') / count(*) AS placeholder_pct,
       count(*) OVER () AS _n_rows
FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
WHERE $scope = 'all' OR scope = $scope
GROUP BY ALL
ORDER BY CASE WHEN $order = 'least' THEN quantified_pct END, province, jurisdiction, place, fiscal_year
LIMIT $limit OFFSET $offset;
