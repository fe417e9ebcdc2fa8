-- level1_missing: one row per table x required level-1 category ($required_level1) without any indicator.
SELECT u.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '没有' || r.level1 || '（表中没有该类一级指标下的任何指标）' AS message
FROM rv_units u
CROSS JOIN (SELECT unnest($required_level1) AS level1, generate_subscripts($required_level1, 1) AS k) r
WHERE NOT u.truncated  -- a table cut off at the end of its file: what is missing was cut, not left out
  AND NOT EXISTS (SELECT 1 FROM rv_indicators i WHERE i.unit_key = u.unit_key AND i.level1 = r.level1)
ORDER BY u.unit_key, r.k
