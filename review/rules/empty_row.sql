-- empty_row: every row of the form left empty (table empty_slots): a level-1 / level-2 label with no indicator.
SELECT unit_key, NULL::INTEGER AS indicator_id, slot_id,
       '空行：' || coalesce(level1, '（一级指标未注明）') || ' / ' || coalesce(level2, '（二级指标未注明）')
           || ' 下没有三级指标和指标值' AS message
FROM rv_slots
ORDER BY unit_key, position
