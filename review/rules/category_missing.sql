-- category_missing: one row per table x required category ($required_categories: 数量 / 质量 / 时效 / 成本) without
-- any indicator. Categories come from v_indicator_categories: 成本 covers 成本指标 and the 经济 / 社会 / 生态环境
-- 成本指标, and a level-1 成本指标 without a level 2.
SELECT u.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '没有' || r.category || '指标' AS message
FROM rv_units u
CROSS JOIN (SELECT unnest($required_categories) AS category, generate_subscripts($required_categories, 1) AS k) r
WHERE NOT u.truncated  -- a table cut off at the end of its file: what is missing was cut, not left out
  AND NOT EXISTS (SELECT 1 FROM rv_indicators i WHERE i.unit_key = u.unit_key AND i.category = r.category)
ORDER BY u.unit_key, r.k
