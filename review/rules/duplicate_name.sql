-- duplicate_name: an indicator whose name (white space and punctuation removed) repeats an earlier indicator of
-- the same table; one row per repetition (the first occurrence is not reported).
WITH named AS (
    SELECT *, regexp_replace(name, '[\s\p{Z}\p{P}]', '', 'g') AS key
    FROM rv_indicators
), ranked AS (
    SELECT *,
           row_number() OVER w AS k,
           first_value(line_start) OVER w AS first_line,
           first_value(coalesce(level2, level1, '')) OVER w AS first_level
    FROM named
    WHERE key <> ''
    WINDOW w AS (PARTITION BY unit_key, key ORDER BY position)
)
SELECT unit_key, indicator_id, NULL::INTEGER AS slot_id,
       '与第 ' || first_line || ' 行的指标（' || first_level || '）同名：“' || name || '”' AS message
FROM ranked
WHERE k > 1
ORDER BY unit_key, position
