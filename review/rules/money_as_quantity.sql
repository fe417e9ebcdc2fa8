-- money_as_quantity: a 数量指标 whose target is an amount of money.
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '数量指标“' || name || '”的指标值“' || value || '”是金额' AS message
FROM rv_indicators
WHERE category = '数量' AND target_kind = 'money'
ORDER BY unit_key, position
