-- cost_over_budget: a cost indicator (category 成本, kind money, op <= or =) whose amount in 万元 is above the
-- table's total by more than $tolerance_wan.
SELECT i.unit_key, i.indicator_id, NULL::INTEGER AS slot_id,
       '成本指标“' || i.name || '”为 ' || rv_num(i.target_wan) || ' 万元，高于预算总额 ' || rv_num(u.total_wan)
           || ' 万元（超出 ' || rv_num(i.target_wan - u.total_wan) || ' 万元）' AS message
FROM rv_indicators i
JOIN rv_units u ON u.unit_key = i.unit_key
WHERE i.category = '成本' AND i.target_kind = 'money' AND i.op IN ('<=', '=')
  AND u.total_wan IS NOT NULL AND i.target_wan > u.total_wan + $tolerance_wan
ORDER BY i.unit_key, i.position
