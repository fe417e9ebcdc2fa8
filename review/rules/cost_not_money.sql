-- cost_not_money: a cost indicator (category 成本) whose target is not an amount of money. Blank and placeholder
-- values are left to value_missing and placeholder_value.
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '成本指标“' || name || '”的指标值“' || value || '”不是金额' AS message
FROM rv_indicators
WHERE category = '成本' AND target_kind NOT IN ('money', 'empty', 'placeholder')
ORDER BY unit_key, position
