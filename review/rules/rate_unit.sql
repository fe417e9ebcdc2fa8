-- rate_unit: a name containing 率 (and none of $rate_exceptions, e.g. 频率) whose target is not in percent. Blank,
-- placeholder and text values are left to the other rules.
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '指标“' || name || '”是比率，指标值“' || value || '”却'
           || CASE WHEN target_kind = 'deadline' THEN '是日期或期限'
                   WHEN target_unit IS NULL THEN '没有单位'
                   ELSE '以“' || target_unit || '”为单位' END AS message
FROM rv_indicators
WHERE contains(name, '率')
  AND len(list_filter($rate_exceptions, lambda w: contains(name, w))) = 0
  AND target_kind NOT IN ('empty', 'placeholder', 'qualitative')
  AND coalesce(target_unit, '') <> '%'
ORDER BY unit_key, position
