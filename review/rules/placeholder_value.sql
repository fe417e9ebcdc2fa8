-- placeholder_value: a value that is a placeholder, not a target (target kind 'placeholder': **平米, 年度计划,
-- 年终总结, 报到人数 ... as listed in ingest/data/values.json).
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '指标值“' || value || '”是占位内容，不是可考核的目标值' AS message
FROM rv_indicators
WHERE target_kind = 'placeholder'
ORDER BY unit_key, position
