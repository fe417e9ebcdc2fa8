-- qualitative_share: tables whose share of qualitative targets (v_indicators.target_class = 'qualitative': a text
-- value, or a deadline without a calendar date) exceeds $max_qualitative_pct percent of all their indicators.
WITH shares AS (
    SELECT unit_key, count(*) AS n,
           count(*) FILTER (WHERE target_class = 'qualitative') AS q
    FROM rv_indicators
    GROUP BY unit_key
)
SELECT unit_key, NULL::INTEGER AS indicator_id, NULL::INTEGER AS slot_id,
       '定性指标 ' || q || ' 条 / 共 ' || n || ' 条，占 ' || format('{:.1f}', 100.0 * q / n) || '%，超过 '
           || rv_num($max_qualitative_pct) || '%' AS message
FROM shares
WHERE 100.0 * q / n > $max_qualitative_pct
ORDER BY unit_key
