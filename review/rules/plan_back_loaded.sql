-- plan_back_loaded: the last step of a cumulative spending plan (last period minus the one before, blank periods
-- carrying the previous value, a blank first period counting as 0) is more than $back_load_pct percent of the
-- last cumulative value.
WITH last_two AS (
    SELECT unit_key, unit,
           max(value_cf) FILTER (WHERE is_last) AS final_value,
           max(period) FILTER (WHERE is_last) AS final_period,
           coalesce(max(value_cf) FILTER (WHERE period_index = n_periods - 1), 0) AS before_value,
           max(period) FILTER (WHERE period_index = n_periods - 1) AS before_period
    FROM rv_plan
    GROUP BY unit_key, unit
)
SELECT unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       coalesce(before_period || '至', '') || final_period || '计划支出 ' || rv_amount(final_value - before_value, unit)
           || '（累计 ' || rv_amount(before_value, unit) || ' → ' || rv_amount(final_value, unit) || '），占全年计划的 '
           || format('{:.1f}', 100.0 * (final_value - before_value) / final_value) || '%' AS message
FROM last_two
WHERE final_value > 0 AND 100.0 * (final_value - before_value) / final_value > $back_load_pct
ORDER BY unit_key
