-- project_empty_slots: indicator rows of one project's form that were left empty.
-- Returns one row per empty slot: slot_id, position, level1, level2, line_start, line_end.
-- Params: the common filters, and
-- @param project_id required
SELECT slot_id, position, level1, level2, line_start, line_end
FROM f_empty_slots($province, $jurisdictions, $years, $department, $theme)
WHERE project_id = $project_id
ORDER BY position;
