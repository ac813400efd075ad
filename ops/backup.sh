#!/usr/bin/env bash
# Backs up the whole EsRegions database (every tenant, Hangfire's schema, keys) with pg_dump in custom format, and
# writes the exact row count of every table beside it (FILE.counts) for ops/restore.sh to check against.
#
#   ops/backup.sh [FILE]          default FILE: backups/esregions-<UTC timestamp>.dump
#
# Connection: the usual libpq variables. Defaults fit the cluster of ops/run.sh:
#   PGHOST=127.0.0.1  PGPORT=${ESR_PG_PORT:-5433}  PGUSER=postgres  PGDATABASE=${ESR_DB_NAME:-esregions}
# Use a superuser (or a role with BYPASSRLS): tenant tables are protected by row-level security, and pg_dump
# refuses to write a dump that RLS would silently cut short.
set -euo pipefail

# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-${ESR_PG_PORT:-5433}}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-${ESR_DB_NAME:-esregions}}"

FILE="${1:-$ESR_REPO_ROOT/backups/esregions-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$FILE")"

ensure_apt_packages postgresql-client
for tool in pg_dump psql; do command -v "$tool" >/dev/null 2>&1 || esr_die "$tool is not on PATH"; done

psql -X -q -At -c "SELECT 1" >/dev/null 2>&1 ||
  esr_die "cannot connect to $PGUSER@$PGHOST:$PGPORT/$PGDATABASE (set PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)"

esr_log "dumping $PGDATABASE at $PGHOST:$PGPORT to $FILE"
# One snapshot: counts are taken inside pg_dump's exported snapshot would need a second session; instead the counts
# are taken right after and the dump is refused if the database changed meanwhile (see below).
before="$(psql -X -q -At -v ON_ERROR_STOP=1 -f "$ESR_OPS_DIR/db/row-counts.sql")"
pg_dump --format=custom --compress=6 --file="$FILE.partial" --quote-all-identifiers
after="$(psql -X -q -At -v ON_ERROR_STOP=1 -f "$ESR_OPS_DIR/db/row-counts.sql")"
mv "$FILE.partial" "$FILE"
if [[ "$before" == "$after" ]]; then
  printf '%s\n' "$after" >"$FILE.counts"
else
  # A live system (outbox, reminders, Hangfire) changes while we dump: the dump is consistent (one snapshot), the
  # counts around it are not, so restore.sh will skip the comparison rather than report false differences.
  rm -f "$FILE.counts"
  esr_warn "rows changed while dumping (a live system): the dump is consistent, but no row-count manifest was written"
fi
tables="$(printf '%s\n' "$after" | grep -c . || true)"
rows="$(printf '%s\n' "$after" | awk -F'\t' '{s += $2} END {print s + 0}')"
printf 'BACKUP %s %s tables %s rows %s bytes\n' "$FILE" "$tables" "$rows" "$(stat -c %s "$FILE")"
