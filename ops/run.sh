#!/usr/bin/env bash
# Runs EsRegions locally: a private PostgreSQL cluster (data in .data/pg), MailDev for e-mail and the app.
# Re-running reuses the data. Ctrl-C stops everything this script started.
#
# Environment (all optional):
#   ESR_URL               app URL                 (default http://127.0.0.1:5080)
#   ESR_PG_PORT           PostgreSQL port         (default 5433, listens on 127.0.0.1 only)
#   ESR_SMTP_PORT         MailDev SMTP port       (default 1025)
#   ESR_MAILDEV_WEB_PORT  MailDev web UI port     (default 1080)
#   ESR_MAILDEV_MAX_EMAILS  messages MailDev keeps, the newest (default 10000; 0 = all)
#   ESR_DB_NAME           database name           (default esregions)
#   ESR_START_TIMEOUT     seconds to wait for /health/ready (default 180)
set -euo pipefail

# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO="$ESR_REPO_ROOT"
ESR_URL="${ESR_URL:-http://127.0.0.1:5080}"
ESR_URL="${ESR_URL%/}"
PG_PORT="${ESR_PG_PORT:-5433}"
SMTP_PORT="${ESR_SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${ESR_MAILDEV_WEB_PORT:-1080}"
MAILDEV_MAX_EMAILS="${ESR_MAILDEV_MAX_EMAILS:-10000}"
DB_NAME="${ESR_DB_NAME:-esregions}"
START_TIMEOUT="${ESR_START_TIMEOUT:-180}"

DATA="$REPO/.data"
PGDATA="$DATA/pg"
PG_SOCKET_DIR="$DATA/pg-socket"
MAIL_DIR="$DATA/maildev"
LOGS="$DATA/logs"
MAILDEV_BIN="$ESR_OPS_DIR/node_modules/.bin/maildev"

# ---------------------------------------------------------------------------------------------------------------
# Arguments and ports
# ---------------------------------------------------------------------------------------------------------------
check_port_number() { # VAR VALUE
  [[ "$2" =~ ^[0-9]+$ ]] && (($2 > 0 && $2 < 65536)) || esr_die "$1=$2 is not a TCP port number"
}
check_port_number ESR_PG_PORT "$PG_PORT"
check_port_number ESR_SMTP_PORT "$SMTP_PORT"
check_port_number ESR_MAILDEV_WEB_PORT "$MAILDEV_WEB_PORT"
[[ "$DB_NAME" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || esr_die "ESR_DB_NAME=$DB_NAME: use letters, digits and _ only"
[[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || esr_die "ESR_START_TIMEOUT=$START_TIMEOUT is not a number of seconds"
[[ "$MAILDEV_MAX_EMAILS" =~ ^[0-9]+$ ]] || esr_die "ESR_MAILDEV_MAX_EMAILS=$MAILDEV_MAX_EMAILS is not a number of messages (0 = all)"

# ESR_URL → scheme, host, port (ASP.NET Core's URLs have no path).
[[ "$ESR_URL" =~ ^(https?)://([^/]+)$ ]] ||
  esr_die "ESR_URL=$ESR_URL must look like http://HOST:PORT (no path), e.g. http://127.0.0.1:5080"
APP_SCHEME="${BASH_REMATCH[1]}"
APP_HOSTPORT="${BASH_REMATCH[2]}"
if [[ "$APP_HOSTPORT" =~ ^\[([^]]+)\](:([0-9]+))?$ ]]; then
  APP_HOST="${BASH_REMATCH[1]}" APP_PORT="${BASH_REMATCH[3]}"
elif [[ "$APP_HOSTPORT" =~ ^([^:]+)(:([0-9]+))?$ ]]; then
  APP_HOST="${BASH_REMATCH[1]}" APP_PORT="${BASH_REMATCH[3]}"
else
  esr_die "ESR_URL=$ESR_URL: cannot read host and port"
fi
if [[ -z "$APP_PORT" ]]; then
  if [[ "$APP_SCHEME" == https ]]; then APP_PORT=443; else APP_PORT=80; fi
fi
check_port_number "ESR_URL's port" "$APP_PORT"
# The address to probe and to print: a wildcard binding is reached through loopback.
case "$APP_HOST" in
  '+' | '*' | 0.0.0.0 | '::') APP_PROBE_HOST=127.0.0.1 ;;
  localhost) APP_PROBE_HOST=127.0.0.1 ;;
  *) APP_PROBE_HOST="$APP_HOST" ;;
esac
if [[ "$APP_HOST" == '+' || "$APP_HOST" == '*' || "$APP_HOST" == 0.0.0.0 || "$APP_HOST" == '::' ]]; then
  APP_PUBLIC_URL="$APP_SCHEME://127.0.0.1:$APP_PORT"
else
  APP_PUBLIC_URL="$ESR_URL"
fi

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: stop what this script started (and only that)
# ---------------------------------------------------------------------------------------------------------------
APP_PID=""
MAILDEV_PID=""
PG_STARTED=0

cleanup() {
  local rc=$?
  esr_stopping
  set +e
  [[ -n "$APP_PID" ]] && esr_stop_pid "$APP_PID" 20 "the app"
  [[ -n "$MAILDEV_PID" ]] && esr_stop_pid "$MAILDEV_PID" 5 MailDev
  if ((PG_STARTED)); then
    esr_log "stopping PostgreSQL (.data/pg)"
    esr_pg_stop "$PGDATA" "$LOGS/postgres.log" ||
      esr_warn "pg_ctl stop failed; see $LOGS/postgres.log"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------------------------
ensure_apt_packages postgresql curl
ensure_pg_bin
ensure_dotnet
ensure_ops_npm
[[ -x "$MAILDEV_BIN" ]] || esr_die "$MAILDEV_BIN is missing after npm ci in ops/"

mkdir -p "$DATA" "$LOGS" "$MAIL_DIR"
esr_pg_prepare_dirs "$PGDATA" "$PG_SOCKET_DIR" "$LOGS/postgres.log"

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------------
pg_major_of_bin() { "$1/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/'; }

if [[ -f "$PGDATA/PG_VERSION" ]]; then
  data_major="$(cat "$PGDATA/PG_VERSION")"
  if [[ "$(pg_major_of_bin "$PG_BIN")" != "$data_major" ]]; then
    if [[ -x "/usr/lib/postgresql/$data_major/bin/pg_ctl" ]]; then
      PG_BIN="/usr/lib/postgresql/$data_major/bin"
    else
      esr_die "$PGDATA was made by PostgreSQL $data_major but only $PG_BIN is installed; install postgresql-$data_major or move $PGDATA away (it will be recreated empty)"
    fi
  fi
fi

pg_running() {
  [[ -f "$PGDATA/postmaster.pid" ]] && pg_cmd pg_ctl -D "$PGDATA" status >/dev/null 2>&1
}

if pg_running; then
  running_port="$(sed -n 4p "$PGDATA/postmaster.pid" | tr -d '[:space:]')"
  if [[ -n "$running_port" && "$running_port" != "$PG_PORT" ]]; then
    esr_warn "a PostgreSQL server is already running on .data/pg with port $running_port (not ESR_PG_PORT=$PG_PORT); using it"
    PG_PORT="$running_port"
  fi
  esr_log "PostgreSQL is already running on .data/pg (127.0.0.1:$PG_PORT): reusing it, it will be left running"
else
  if port_in_use 127.0.0.1 "$PG_PORT"; then
    esr_die "port $PG_PORT (PostgreSQL) is already in use by another program; choose another with ESR_PG_PORT=<port>"
  fi
  if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
    if [[ -n "$(ls -A "$PGDATA" 2>/dev/null)" ]]; then
      esr_die "$PGDATA is not empty but holds no PostgreSQL cluster; move it away and run again"
    fi
    esr_log "creating the PostgreSQL cluster in .data/pg (first run)"
    esr_pg_initdb "$PGDATA" "$LOGS/postgres.log"
  fi
  esr_log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  if ! esr_pg_start "$PGDATA" "$PG_PORT" "$PG_SOCKET_DIR" "$LOGS/postgres.log"; then
    esr_show_log_tail "$LOGS/postgres.log" 30
    esr_die "PostgreSQL did not start (log: $LOGS/postgres.log)"
  fi
  PG_STARTED=1
fi

esr_log "creating roles and database '$DB_NAME' if missing (ops/db/init.sql)"
esr_db_init "$PG_PORT" "$DB_NAME"

# ---------------------------------------------------------------------------------------------------------------
# MailDev
# ---------------------------------------------------------------------------------------------------------------
maildev_answers() { curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$MAILDEV_WEB_PORT/api/healthz" 2>/dev/null; }

if port_in_use 127.0.0.1 "$SMTP_PORT"; then
  if port_in_use 127.0.0.1 "$MAILDEV_WEB_PORT" && maildev_answers; then
    esr_log "MailDev already answers on 127.0.0.1:$MAILDEV_WEB_PORT (SMTP $SMTP_PORT): reusing it, it will be left running"
  else
    esr_die "port $SMTP_PORT (SMTP) is already in use by another program; choose another with ESR_SMTP_PORT=<port>"
  fi
else
  if port_in_use 127.0.0.1 "$MAILDEV_WEB_PORT"; then
    esr_die "port $MAILDEV_WEB_PORT (MailDev web) is already in use by another program; choose another with ESR_MAILDEV_WEB_PORT=<port>"
  fi
  esr_log "starting MailDev (SMTP 127.0.0.1:$SMTP_PORT, web 127.0.0.1:$MAILDEV_WEB_PORT)"
  esr_start_maildev "$SMTP_PORT" "$MAILDEV_WEB_PORT" "$MAIL_DIR" "$LOGS/maildev.log" "$MAILDEV_MAX_EMAILS"
  MAILDEV_PID=$ESR_STARTED_PID
fi

# ---------------------------------------------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------------------------------------------
if port_in_use "$APP_PROBE_HOST" "$APP_PORT"; then
  esr_die "port $APP_PORT (the app, $ESR_URL) is already in use by another program; choose another with ESR_URL=http://127.0.0.1:<port>"
fi

esr_build_web "$LOGS/build.log"

esr_log "starting the app on $ESR_URL; log in .data/logs/app.log"
{
  printf '\n===== %s run.sh starting the app =====\n' "$(date -Is)"
} >>"$LOGS/app.log"
esr_start_web "$ESR_URL" "$APP_PUBLIC_URL" "$PG_PORT" "$DB_NAME" "$SMTP_PORT" "$LOGS/app.log"
APP_PID=$ESR_STARTED_PID

ready=0
deadline=$((SECONDS + START_TIMEOUT))
while ((SECONDS < deadline)); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    app_rc=0
    wait "$APP_PID" || app_rc=$?
    APP_PID=""
    esr_show_log_tail "$LOGS/app.log" 80
    esr_die "the app exited with code $app_rc before it was ready (log: $LOGS/app.log)"
  fi
  if esr_app_ready "$APP_PUBLIC_URL"; then
    ready=1
    break
  fi
  sleep 1
done
if ((!ready)); then
  esr_show_log_tail "$LOGS/app.log" 80
  esr_die "$APP_PUBLIC_URL/health/ready did not answer 200 within ${START_TIMEOUT}s (log: $LOGS/app.log)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------------------------
tenant_slugs() {
  local f="$REPO/tenants/tenants.json" slugs=""
  if [[ -f "$f" ]]; then
    slugs="$(grep -oE '"slug"[[:space:]]*:[[:space:]]*"[^"]+"' "$f" | sed -E 's/.*"([^"]+)"$/\1/' || true)"
  fi
  if [[ -n "$slugs" ]]; then echo "$slugs"; else printf '%s\n' mazowsze malopolska warmia-mazury lubelskie; fi
}

{
  echo
  echo "================================================================================"
  echo " EsRegions is running"
  echo "================================================================================"
  echo " App:              $APP_PUBLIC_URL/"
  echo " Tenants:"
  while IFS= read -r slug; do
    printf '   %-16s %s/%s/\n' "$slug" "$APP_PUBLIC_URL" "$slug"
  done < <(tenant_slugs)
  echo " API reference:    $APP_PUBLIC_URL/scalar"
  echo " OpenAPI:          $APP_PUBLIC_URL/openapi/v1.json"
  echo " Health:           $APP_PUBLIC_URL/health/ready"
  echo " MailDev (e-mail): http://127.0.0.1:$MAILDEV_WEB_PORT/   (SMTP 127.0.0.1:$SMTP_PORT)"
  echo " PostgreSQL:       127.0.0.1:$PG_PORT, database $DB_NAME"
  echo "                   superuser: psql -h 127.0.0.1 -p $PG_PORT -U postgres $DB_NAME   (trusted, no password)"
  echo "                   app role:  esregions_app / esregions_app_dev; owner: esregions_owner / esregions_owner_dev"
  echo " Logs:             $LOGS/{app,postgres,maildev,build}.log"
  echo
  echo " Demo accounts"
  echo " -------------"
  if [[ -s "$ESR_OPS_DIR/demo-accounts.txt" ]]; then
    sed 's/^/   /' "$ESR_OPS_DIR/demo-accounts.txt"
  else
    echo "   (ops/demo-accounts.txt is missing)"
  fi
  echo
  echo " Press Ctrl-C to stop everything this script started."
  echo "================================================================================"
}

app_rc=0
wait "$APP_PID" || app_rc=$?
APP_PID=""
if ((app_rc != 0)); then
  esr_show_log_tail "$LOGS/app.log" 40
  esr_die "the app exited with code $app_rc (log: $LOGS/app.log)"
fi
esr_log "the app exited"
