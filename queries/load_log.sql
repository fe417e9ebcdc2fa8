-- load_log: the most recent load attempts (newest first). The common filters are accepted and ignored.
-- Returns one row per attempt: log_id, logged_at, source, sha256, status (loaded | skipped | replaced | failed),
-- message, doc_id.
-- Params:
-- @param limit 100
SELECT log_id, logged_at, source, sha256, status, message, doc_id
FROM load_log
ORDER BY log_id DESC
LIMIT $limit;
