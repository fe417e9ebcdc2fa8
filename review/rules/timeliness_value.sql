-- timeliness_value: a 时效指标 whose target is neither of a kind in $timeliness_ok_kinds (deadline, duration) nor a
-- percent whose name contains one of $timeliness_rate_words (及时 / 按时 / 完成). Blank and placeholder values are
-- left to value_missing and placeholder_value.
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '时效指标“' || name || '”的指标值“' || value || '”不是完成时间、时限或及时率' AS message
FROM rv_indicators
WHERE category = '时效'
  AND target_kind NOT IN ('empty', 'placeholder')
  AND NOT list_contains($timeliness_ok_kinds, target_kind)
  AND NOT (target_kind = 'percent'
           AND len(list_filter($timeliness_rate_words, lambda w: contains(name, w))) > 0)
ORDER BY unit_key, position
