-- satisfaction_below_floor: a satisfaction target (level 1 满意度指标) in [$satisfaction_low, $satisfaction_floor).
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '满意度目标 ' || rv_num(sat_pct) || '% 低于 ' || rv_num($satisfaction_floor) || '%' AS message
FROM rv_satisfaction
WHERE sat_pct < $satisfaction_floor AND sat_pct >= $satisfaction_low
ORDER BY unit_key, position
