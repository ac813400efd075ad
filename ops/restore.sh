#!/usr/bin/env bash
# Restores a dump written by ops/backup.sh into a NEW database, then checks that every table holds as many rows as
# the manifest written with the dump (FILE.counts) says.
#
#   ops/restore.sh FILE [DATABASE]     default DATABASE: esregions_restored_<UTC timestamp>
#
# Connection: libpq variables, defaults as in ops/backup.sh (a superuser on the cluster of ops/run.sh). The roles
# esregions_owner and esregions_app must exist in the target cluster (ops/db/init.sql creates them); the restored
# tables keep their owner, grants and row-level-security policies. The database must not exist: a restore never
# overwrites data. Point the app at it (ConnectionStrings__App/Owner ... Database=<DATABASE>) once it says OK.
set -euo pipefail

# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -ge 1 ]] || esr_die "usage: ops/restore.sh FILE [DATABASE]"
FILE="$1"
TARGET="${2:-esregions_restored_$(date -u +%Y%m%dT%H%M%SZ | tr 'A-Z' 'a-z')}"
[[ -f "$FILE" ]] || esr_die "backup file not found: $FILE"
[[ "$TARGET" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || esr_die "database name '$TARGET': use lower-case letters, digits and _"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-${ESR_PG_PORT:-5433}}" PGUSER="${PGUSER:-postgres}"
unset PGDATABASE

ensure_apt_packages postgresql-client
for tool in pg_restore psql; do command -v "$tool" >/dev/null 2>&1 || esr_die "$tool is not on PATH"; done
pg_restore --list "$FILE" >/dev/null 2>&1 || esr_die "$FILE is not a pg_dump custom-format archive"

sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "${DB:-postgres}" "$@"; }
for role in esregions_owner esregions_app; do
  [[ "$(sql -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" == 1 ]] ||
    esr_die "role $role does not exist on $PGHOST:$PGPORT; create it first: psql -U postgres -d postgres -f ops/db/init.sql"
done
[[ -z "$(sql -c "SELECT 1 FROM pg_database WHERE datname = '$TARGET'")" ]] ||
  esr_die "database $TARGET already exists; restore into a new database, then switch the app over"

esr_log "restoring $FILE into new database $TARGET"
sql -c "CREATE DATABASE \"$TARGET\" OWNER esregions_owner ENCODING 'UTF8' TEMPLATE template0"
if ! pg_restore --dbname="$TARGET" --exit-on-error --single-transaction "$FILE"; then
  sql -c "DROP DATABASE IF EXISTS \"$TARGET\"" || true
  esr_die "pg_restore failed; the new database $TARGET was dropped, nothing else was touched"
fi

restored="$(DB="$TARGET" sql -f "$ESR_OPS_DIR/db/row-counts.sql")"
tables="$(printf '%s\n' "$restored" | grep -c . || true)"
rows="$(printf '%s\n' "$restored" | awk -F'\t' '{s += $2} END {print s + 0}')"
if [[ -f "$FILE.counts" ]]; then
  if ! differences="$(diff <(cat "$FILE.counts") <(printf '%s\n' "$restored"))"; then
    printf '%s\n' "$differences" >&2
    esr_die "row counts of $TARGET differ from $FILE.counts (lines above: < backup, > restored)"
  fi
  printf 'RESTORE %s ok: %s tables %s rows match %s\n' "$TARGET" "$tables" "$rows" "$FILE.counts"
else
  esr_warn "no $FILE.counts beside the dump: row counts not compared"
  printf 'RESTORE %s ok: %s tables %s rows (not compared)\n' "$TARGET" "$tables" "$rows"
fi
