-- satisfaction_very_low: a satisfaction target (level 1 满意度指标) below $satisfaction_low.
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '满意度目标 ' || rv_num(sat_pct) || '% 低于 ' || rv_num($satisfaction_low) || '%' AS message
FROM rv_satisfaction
WHERE sat_pct < $satisfaction_low
ORDER BY unit_key, position
