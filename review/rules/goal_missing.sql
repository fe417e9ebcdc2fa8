-- goal_missing: the table has no annual goal text (年度绩效目标), white space of any kind ignored.
SELECT unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '年度绩效目标栏为空' AS message
FROM rv_units
WHERE regexp_replace(coalesce(goal, ''), '[\s\p{Z}]', '', 'g') = ''
ORDER BY unit_key
