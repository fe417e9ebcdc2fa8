-- plan_not_complete: the last cumulative value of a spending plan (blank periods carry the previous value) is not
-- 100 (unit %) or the table's total (unit 万元), within $plan_tolerance; a plan with no value at all counts too.
SELECT p.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       CASE WHEN p.value_cf IS NULL THEN '资金支出计划各期均未填写'
            ELSE '资金支出计划' || p.period || '累计 ' || rv_amount(p.value_cf, p.unit) || '，应为 '
                 || rv_amount(CASE WHEN p.unit = '%' THEN 100 ELSE p.total_wan END, p.unit)
       END AS message
FROM rv_plan p
WHERE p.is_last
  AND (p.value_cf IS NULL
       OR (p.unit = '%' AND abs(p.value_cf - 100) > $plan_tolerance)
       OR (p.unit = '万元' AND p.total_wan IS NOT NULL AND abs(p.value_cf - p.total_wan) > $plan_tolerance))
ORDER BY p.unit_key
