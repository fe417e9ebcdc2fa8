-- satisfaction_100: a satisfaction target of exactly 100% (op =, >= or none; ≤100% is not a commitment to 100%).
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '满意度目标“' || value || '”要求全部服务对象满意' AS message
FROM rv_satisfaction
WHERE sat_pct = 100 AND coalesce(op, '=') IN ('=', '>=')
ORDER BY unit_key, position
