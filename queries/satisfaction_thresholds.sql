-- satisfaction_thresholds: every satisfaction indicator (level1 = 满意度指标) with its threshold in percent.
-- Returns one row per indicator: indicator_id, scope, project_id, doc_id, province, jurisdiction, place,
-- place_name, fiscal_year, theme, project_name, name, value (as printed), op, threshold_pct (the number when the
-- unit is %, else NULL), target_kind, flags, line_start, line_end, source_file, _n_rows (rows before limit).
-- Params: the common filters, and
-- @param scope project
-- @param with_threshold false
-- @param places null
-- @param limit null
-- @param offset 0
--   scope: 'project' (default), 'department' (部门整体 tables) or 'all'; with_threshold: only those with a
--   threshold in %; places: only these places (list of place keys, for a chart's columns); limit / offset: a page.
SELECT indicator_id, scope, project_id, doc_id, province, jurisdiction, place, place_name, fiscal_year, theme,
       project_name, name, value, op, target_pct AS threshold_pct, target_kind, flags, line_start, line_end,
       source_file, count(*) OVER () AS _n_rows
FROM f_indicators($province, $jurisdictions, $years, $department, $theme)
WHERE level1 = '满意度指标' AND ($scope = 'all' OR scope = $scope)
  AND (NOT $with_threshold OR target_pct IS NOT NULL)
  AND ($places IS NULL OR list_contains($places, place))
ORDER BY province, jurisdiction, place, fiscal_year, doc_id, scope DESC, project_sequence, position
LIMIT $limit OFFSET $offset;
