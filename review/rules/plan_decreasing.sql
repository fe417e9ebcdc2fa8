-- plan_decreasing: a cumulative spending plan in which a filled period is below the previous filled period.
-- One row per plan, listing every drop.
WITH steps AS (
    SELECT unit_key, period_index, period, value, unit,
           last_value(value IGNORE NULLS) OVER w AS prev_value,
           last_value(CASE WHEN value IS NOT NULL THEN period END IGNORE NULLS) OVER w AS prev_period
    FROM rv_plan
    WINDOW w AS (PARTITION BY unit_key ORDER BY period_index ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       string_agg(prev_period || ' ' || rv_amount(prev_value, unit) || ' → ' || period || ' '
           || rv_amount(value, unit), '；' ORDER BY period_index) AS message
FROM steps
WHERE value < prev_value
GROUP BY unit_key
ORDER BY unit_key
