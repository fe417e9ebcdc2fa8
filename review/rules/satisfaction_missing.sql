-- satisfaction_missing: no indicator under the level-1 category 满意度指标.
SELECT u.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '没有满意度指标' AS message
FROM rv_units u
WHERE NOT u.truncated  -- a table cut off at the end of its file: what is missing was cut, not left out
  AND NOT EXISTS (SELECT 1 FROM rv_indicators i WHERE i.unit_key = u.unit_key AND i.level1 = '满意度指标')
ORDER BY u.unit_key
