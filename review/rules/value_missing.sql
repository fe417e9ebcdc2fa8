-- value_missing: an indicator whose value cell (指标值) is blank (target kind 'empty').
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '指标“' || name || '”没有填写指标值' AS message
FROM rv_indicators
WHERE target_kind = 'empty'
ORDER BY unit_key, position
