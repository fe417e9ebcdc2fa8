-- funding_mismatch: the funding sources of a table do not add up to its total (tolerance $tolerance_wan 万元).
-- Tables without funding rows or without a total are not checked.
WITH sums AS (
    SELECT unit_key, sum(amount_wan) AS funded, count(*) AS n FROM rv_funding GROUP BY unit_key
)
SELECT u.unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       n || ' 项资金来源合计 ' || rv_num(s.funded) || ' 万元，预算总额 ' || rv_num(u.total_wan) || ' 万元，相差 '
           || rv_num(abs(s.funded - u.total_wan)) || ' 万元' AS message
FROM rv_units u
JOIN sums s ON s.unit_key = u.unit_key
WHERE u.total_wan IS NOT NULL AND abs(s.funded - u.total_wan) > $tolerance_wan
ORDER BY u.unit_key
