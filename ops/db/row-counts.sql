-- Exact row count of every table in the application's schemas (public, hangfire), one "schema.table<TAB>count" per
-- line, sorted. Used by ops/backup.sh (written beside the dump) and ops/restore.sh (compared after the restore).
-- Run as a role that bypasses row-level security (a superuser), or tenant tables count as empty.
SELECT format('%s.%s', schemaname, relname) || E'\t' ||
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', schemaname, relname), false, true, '')))[1]::text
FROM pg_catalog.pg_stat_user_tables
WHERE schemaname IN ('public', 'hangfire')
ORDER BY schemaname, relname;
