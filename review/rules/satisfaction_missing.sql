-- satisfaction_missing: no indicator under the level-1 category 满意度指标.
SELECT u.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '没有满意度指标' AS message
FROM rv_units u
WHERE NOT EXISTS (SELECT 1 FROM rv_indicators i WHERE i.unit_key = u.unit_key AND i.level1 = '满意度指标')
ORDER BY u.unit_key
