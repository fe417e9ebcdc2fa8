-- project_plan: the spending plan (资金支出计划) of one project, cumulative.
-- Returns one row per period: period_index, period (e.g. 3月底), value (as stored, in unit), unit (% or 万元),
-- unit_as_printed, value_pct and value_wan (the same value in both units, converted with the project total).
-- Params: the common filters, and
-- @param project_id required
SELECT period_index, period, value, unit, unit_as_printed, value_pct, value_wan
FROM f_spending_plan($province, $jurisdictions, $years, $department, $theme)
WHERE project_id = $project_id
ORDER BY period_index;
