#!/usr/bin/env bash
# Fault scenarios against the real stack on this machine (docs/chaos.md). Each scenario prints exactly one line
#   CHAOS <scenario> passed|failed <figures>
# on stdout; progress goes to stderr. Exit 0 only when every scenario passed.
#
# Everything runs privately: its own PostgreSQL cluster, MailDev, app instances and nginx on free ports, with all
# state under .data/chaos (recreated on each run; .data/pg of ops/run.sh is never touched).
#
# Environment (all optional):
#   CHAOS_SCENARIOS      which scenarios, in order   (default "smtp-outage postgres-restart app-kill two-instances")
#   CHAOS_SMTP_OUTAGE    seconds MailDev stays down  (default 120)
#   CHAOS_INVITATIONS    invitations per fan-out     (default 500)
#   CHAOS_REMINDERS      due reminders in app-kill   (default 5000)
#   CHAOS_PG_DOWN        seconds PostgreSQL stays down in postgres-restart (default 8)
#   CHAOS_START_TIMEOUT  seconds to wait for an app's /health/ready (default 180)
#   CHAOS_OUTBOX_CONNECTIONS  SMTP connections per instance (default 4, the app's); app-kill allows that many re-sent
set -uo pipefail

# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO="$ESR_REPO_ROOT"
SCENARIOS="${CHAOS_SCENARIOS:-smtp-outage postgres-restart app-kill two-instances}"
SMTP_OUTAGE="${CHAOS_SMTP_OUTAGE:-120}"
INVITATIONS="${CHAOS_INVITATIONS:-500}"
REMINDERS="${CHAOS_REMINDERS:-5000}"
PG_DOWN="${CHAOS_PG_DOWN:-8}"
START_TIMEOUT="${CHAOS_START_TIMEOUT:-180}"
# SMTP connections an instance drains a backlog over (Outbox:Connections; the app's default is 4). An instance killed
# mid-send re-sends at most one message per connection.
OUTBOX_CONNECTIONS="${CHAOS_OUTBOX_CONNECTIONS:-4}"
for v in SMTP_OUTAGE INVITATIONS REMINDERS PG_DOWN START_TIMEOUT OUTBOX_CONNECTIONS; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || esr_die "CHAOS_$v=${!v} is not a whole number"
done
((INVITATIONS >= 1 && INVITATIONS <= 2000)) || esr_die "CHAOS_INVITATIONS must be 1..2000 (the API's limit per request)"

SLUG=mazowsze
CLIENT_ID=mazowsze-demo
CLIENT_SECRET=demo-secret
DEMO_USER=sekretarz@mazowsze.demo
DEMO_PASSWORD=demo-haslo-2026
DB_NAME=esregions
# A row whose lease ran out is claimed again; the default 5 minutes would make app-kill wait that long after the
# restart. Everything else runs with the app's defaults.
OUTBOX_LEASE="${CHAOS_OUTBOX_LEASE:-00:00:30}"

CHAOS="$REPO/.data/chaos"
PGDATA="$CHAOS/pg"
PG_SOCKET_DIR="$CHAOS/pg-socket"
MAIL_DIR="$CHAOS/maildev"
LOGS="$CHAOS/logs"
TMP="$CHAOS/tmp"
MAILDEV_BIN="$ESR_OPS_DIR/node_modules/.bin/maildev"

# ---------------------------------------------------------------------------------------------------------------
# Processes this script started (and only those are stopped)
# ---------------------------------------------------------------------------------------------------------------
declare -A APP_PID=() APP_PORT=()
MAILDEV_PID=""
NGINX_PID=""
PG_STARTED=0
declare -a RESULTS=()

stop_pid() { esr_stop_pid "$1" "$2"; } # PID SECONDS

cleanup() {
  local rc=$? name
  esr_stopping
  set +e
  [[ -n "$NGINX_PID" ]] && stop_pid "$NGINX_PID" 5
  for name in "${!APP_PID[@]}"; do stop_pid "${APP_PID[$name]}" 20; done
  [[ -n "$MAILDEV_PID" ]] && stop_pid "$MAILDEV_PID" 5
  ((PG_STARTED)) && esr_pg_stop "$PGDATA" "$LOGS/postgres.log"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

alloc_port() { esr_alloc_port "$1"; } # VAR

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL, MailDev, the app, nginx
# ---------------------------------------------------------------------------------------------------------------
psql_q() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB_NAME" -c "$1"; }

pg_start() { esr_pg_start "$PGDATA" "$PG_PORT" "$PG_SOCKET_DIR" "$LOGS/postgres.log" "-c max_connections=300"; }
pg_stop() { esr_pg_stop "$PGDATA" "$LOGS/postgres.log"; }

start_postgres() {
  rm -rf "$PGDATA" "$PG_SOCKET_DIR"
  esr_pg_prepare_dirs "$PGDATA" "$PG_SOCKET_DIR" "$LOGS/postgres.log"
  esr_pg_initdb "$PGDATA" "$LOGS/postgres.log"
  pg_start || esr_die "PostgreSQL did not start (log: $LOGS/postgres.log)"
  PG_STARTED=1
  esr_db_init "$PG_PORT" "$DB_NAME"
}

start_maildev() {
  esr_start_maildev "$SMTP_PORT" "$MAILDEV_WEB_PORT" "$MAIL_DIR" "$LOGS/maildev.log"
  MAILDEV_PID=$ESR_STARTED_PID
}
stop_maildev() { [[ -n "$MAILDEV_PID" ]] && stop_pid "$MAILDEV_PID" 5; MAILDEV_PID=""; }

build_app() { esr_build_web "$LOGS/build.log"; }

# start_app NAME — starts an instance on its own port (allocated once per name) and waits for /health/ready.
start_app() {
  local name="$1" port
  [[ -n "${APP_PORT[$name]:-}" ]] || { alloc_port port; APP_PORT[$name]=$port; }
  port="${APP_PORT[$name]}"
  printf '\n===== %s starting instance %s on %s =====\n' "$(date -Is)" "$name" "$port" >>"$LOGS/app-$name.log"
  esr_start_web "http://127.0.0.1:$port" "${PUBLIC_URL:-http://127.0.0.1:$port}" "$PG_PORT" "$DB_NAME" "$SMTP_PORT" \
    "$LOGS/app-$name.log" "Outbox__Lease=$OUTBOX_LEASE" "Outbox__Connections=$OUTBOX_CONNECTIONS"
  APP_PID[$name]=$ESR_STARTED_PID
  wait_ready "$name" || esr_die "instance $name did not become ready (log: $LOGS/app-$name.log)"
}

wait_ready() { # NAME
  local name="$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    kill -0 "${APP_PID[$name]}" 2>/dev/null || return 1
    esr_app_ready "http://127.0.0.1:${APP_PORT[$name]}" && return 0
    sleep 1
  done
  return 1
}

stop_app() { [[ -n "${APP_PID[$1]:-}" ]] && stop_pid "${APP_PID[$1]}" 20; unset "APP_PID[$1]"; }
kill9_app() { kill -KILL "${APP_PID[$1]}" 2>/dev/null; wait "${APP_PID[$1]}" 2>/dev/null; unset "APP_PID[$1]"; }
app_url() { echo "http://127.0.0.1:${APP_PORT[$1]}"; }

start_nginx() { # PORT UPSTREAM_PORT...
  local port="$1" dir="$CHAOS/nginx" p
  shift
  ensure_apt_packages nginx
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  rm -rf "$dir"
  mkdir -p "$dir/tmp"
  {
    echo "worker_processes 1; daemon off; master_process on; pid $dir/nginx.pid; error_log $dir/error.log warn;"
    echo "events { worker_connections 256; }"
    echo "http {"
    echo "  access_log $dir/access.log;"
    echo "  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/fastcgi;"
    echo "  uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;"
    echo "  client_max_body_size 10m;"
    echo "  upstream esregions {"
    for p in "$@"; do echo "    server 127.0.0.1:$p max_fails=0;"; done
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    location / {"
    echo "      proxy_pass http://esregions;"
    echo "      proxy_set_header Host \$http_host;"
    echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
    echo "      add_header X-Upstream \$upstream_addr always;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$dir/nginx.conf"
  if [[ "$(id -u)" -eq 0 ]]; then
    # Unprivileged: the whole nginx (master and worker) runs as `nobody`.
    chown -R nobody "$dir"
    runuser -u nobody -- "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >>"$LOGS/nginx.log" 2>&1 &
  else
    "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >>"$LOGS/nginx.log" 2>&1 &
  fi
  NGINX_PID=$!
  wait_for_port 127.0.0.1 "$port" 20 || esr_die "nginx did not start (logs: $LOGS/nginx.log, $dir/error.log)"
}

# ---------------------------------------------------------------------------------------------------------------
# API and counting helpers
# ---------------------------------------------------------------------------------------------------------------
json_str() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p"; } # first "KEY":"value" of the input
json_num() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\\([0-9]*\\).*/\\1/p"; }

get_token() { # BASE_URL — prints an access token for the demo API client
  curl -s -m 30 -d grant_type=client_credentials -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET" \
    -d scope=api "$1/connect/token" | json_str access_token
}

# create_meeting BASE TOKEN TITLE — prints the new meeting's id (empty on failure)
create_meeting() {
  local day
  day="$(date -u -d '+40 days' +%Y-%m-%d)"
  curl -s -m 30 -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"title\":\"$3\",\"kind\":\"meeting\",\"startsAt\":\"${day}T10:00:00\",\"endsAt\":\"${day}T12:00:00\",\"location\":\"Warszawa\"}" \
    "$1/$SLUG/api/v1/meetings" | json_str id
}

# invite BASE TOKEN MEETING PREFIX COUNT — queues COUNT invitations to PREFIX-1..N@chaos.test; prints "status queued"
invite() {
  local i body="$TMP/invite-$4.json"
  {
    printf '{"recipients":['
    for ((i = 1; i <= $5; i++)); do
      ((i > 1)) && printf ','
      printf '{"name":"Chaos %s %d","email":"%s-%d@chaos.test"}' "$4" "$i" "$4" "$i"
    done
    printf ']}'
  } >"$body"
  local out
  out="$(curl -s -m 120 -w '\n%{http_code}' -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    --data-binary "@$body" "$1/$SLUG/api/v1/meetings/$3/invitations")"
  echo "${out##*$'\n'} $(printf '%s' "${out%$'\n'*}" | json_num queued)"
}

# insert_reminders TENANT_ID PREFIX COUNT — COUNT reminders due a minute ago, one recipient each (PREFIX-N@chaos.test)
insert_reminders() {
  psql_q "INSERT INTO reminders (id, tenant_id, kind, subject_type, subject_id, subject_title, link_path, deadline, due_at,
            occurrence_key, audience_rule, state, recipients)
          SELECT gen_random_uuid(), '$1', 'meeting', 'Chaos', gen_random_uuid(), 'Próba awarii $2 nr ' || g, NULL,
                 current_date + 7, now() - interval '1 minute', 'chaos:$2:' || g, 'explicit', 'Scheduled',
                 jsonb_build_array(jsonb_build_object('Address', '$2-' || g || '@chaos.test', 'Name', NULL))
          FROM generate_series(1, $3) g" >/dev/null
}

reminders_sent() { psql_q "SELECT count(*) FROM reminders WHERE occurrence_key LIKE 'chaos:$1:%' AND state = 'Sent'"; }
# outbox_states PREFIX — "sent pending sending failed" of the outbox rows addressed to PREFIX-*@chaos.test
outbox_states() {
  psql_q "SELECT count(*) FILTER (WHERE state='Sent') || ' ' || count(*) FILTER (WHERE state='Pending') || ' ' ||
                 count(*) FILTER (WHERE state='Sending') || ' ' || count(*) FILTER (WHERE state='Failed')
          FROM outbox_messages WHERE to_address LIKE '$1-%@chaos.test'"
}

# wait_outbox_sent PREFIX EXPECTED SECONDS — until EXPECTED rows to PREFIX are Sent (false on timeout or a Failed row)
wait_outbox_sent() {
  local deadline=$((SECONDS + $3)) s
  while ((SECONDS < deadline)); do
    read -r -a s <<<"$(outbox_states "$1")"
    ((${s[3]:-0} > 0)) && return 1
    ((${s[0]:-0} >= $2)) && return 0
    sleep 2
  done
  return 1
}

# maildev_count PREFIX — "messages distinct_recipients distinct_message_ids max_ids_per_recipient" among the
# messages MailDev stored for PREFIX-N@chaos.test (read from its .eml files: To and Message-ID headers).
maildev_count() {
  local prefix="$1" pairs="$TMP/pairs-$1.txt"
  sleep 1 # MailDev writes the file just after it answers 250
  find "$MAIL_DIR" -name '*.eml' -print0 | xargs -0 -r awk -v pat="$prefix-[0-9]+@chaos[.]test" '
    FNR == 1 { if (to != "") print to, mid; to = ""; mid = ""; hdr = 1 }
    hdr && /^\r?$/ { hdr = 0 }
    hdr && tolower($0) ~ /^message-id:/ { m = $0; sub(/^[^:]*:[ \t]*/, "", m); gsub(/\r/, "", m); mid = m }
    hdr && to == "" && match($0, pat) { to = substr($0, RSTART, RLENGTH) }
    END { if (to != "") print to, mid }' >"$pairs"
  local total recipients ids maxper
  total=$(wc -l <"$pairs")
  recipients=$(cut -d' ' -f1 "$pairs" | sort -u | wc -l)
  ids=$(cut -d' ' -f2 "$pairs" | sort -u | wc -l)
  maxper=$(sort -u "$pairs" | cut -d' ' -f1 | uniq -c | sort -rn | awk 'NR==1{print $1}')
  echo "$total $recipients $ids ${maxper:-0}"
}

report() { # NAME OK FIGURES
  local verdict=failed
  (($2)) && verdict=passed
  RESULTS+=("CHAOS $1 $verdict $3")
  printf 'CHAOS %s %s %s\n' "$1" "$verdict" "$3"
}

# ---------------------------------------------------------------------------------------------------------------
# a) smtp-outage
# ---------------------------------------------------------------------------------------------------------------
scenario_smtp_outage() {
  local t0=$SECONDS base token meeting res status queued
  base="$(app_url a)"
  token="$(get_token "$base")"
  meeting="$(create_meeting "$base" "$token" "Próba awarii SMTP")"
  [[ -n "$meeting" ]] || { report smtp-outage 0 "error=meeting-not-created"; return; }
  log "smtp-outage: stopping MailDev, queueing $INVITATIONS invitations, outage ${SMTP_OUTAGE}s"
  stop_maildev
  read -r status queued <<<"$(invite "$base" "$token" "$meeting" smtp "$INVITATIONS")"
  local down_at=$SECONDS
  sleep $((SMTP_OUTAGE > 0 ? SMTP_OUTAGE : 0))
  local during
  during="$(outbox_states smtp)"
  log "smtp-outage: after ${SMTP_OUTAGE}s outbox (sent pending sending failed) = $during; starting MailDev"
  start_maildev
  local outage=$((SECONDS - down_at))
  local up_at=$SECONDS drained=1
  wait_outbox_sent smtp "$INVITATIONS" 600 || drained=0
  local recover=$((SECONDS - up_at))
  local after total recipients ids maxper
  after="$(outbox_states smtp)"
  read -r total recipients ids maxper <<<"$(maildev_count smtp)"
  local lost=$((INVITATIONS - recipients)) dup=$((total - recipients))
  local sent_during failed
  sent_during="$(cut -d' ' -f1 <<<"$during")"
  failed="$(cut -d' ' -f4 <<<"$after")"
  local ok=0
  [[ "$status" == 202 && "$queued" == "$INVITATIONS" && "$sent_during" == 0 && $drained == 1 && $lost == 0 && $dup == 0 && "$failed" == 0 ]] && ok=1
  report smtp-outage "$ok" "queued=${queued:-0} sent_during_outage=$sent_during outage_seconds=$outage delivered=$recipients lost=$lost duplicated=$dup failed=$failed drain_seconds_after_restart=$recover seconds=$((SECONDS - t0))"
}

# ---------------------------------------------------------------------------------------------------------------
# b) postgres-restart
# ---------------------------------------------------------------------------------------------------------------
load_loop() { # BASE TOKEN OUT STOPFILE — sequential writes (create meeting) and reads (list), one line per request
  local base="$1" token="$2" out="$3" stop="$4" i=0 resp code id day
  day="$(date -u -d '+40 days' +%Y-%m-%d)"
  while [[ ! -e "$stop" ]]; do
    i=$((i + 1))
    resp="$(curl -s -m 10 -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Zapis pod obciążeniem $i\",\"kind\":\"meeting\",\"startsAt\":\"${day}T09:00:00\",\"endsAt\":\"${day}T10:00:00\"}" \
      "$base/$SLUG/api/v1/meetings")"
    code="${resp##*$'\n'}"
    id="$(printf '%s' "${resp%$'\n'*}" | json_str id)"
    echo "$SECONDS W $code ${id:--}" >>"$out"
    code="$(curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "$base/$SLUG/api/v1/meetings?from=$day&to=$day")"
    echo "$SECONDS R $code -" >>"$out"
  done
}

health_loop() { # BASE OUT STOPFILE
  while [[ ! -e "$3" ]]; do
    echo "$SECONDS $(curl -s -m 3 -o /dev/null -w '%{http_code}' "$1/health/ready")" >>"$2"
    sleep 0.5
  done
}

scenario_postgres_restart() {
  local t0=$SECONDS base token dir="$TMP/pg-restart"
  base="$(app_url a)"
  token="$(get_token "$base")"
  rm -rf "$dir"
  mkdir -p "$dir"
  local app_pid_before="${APP_PID[a]}"
  load_loop "$base" "$token" "$dir/load.txt" "$dir/stop" &
  local load_pid=$!
  health_loop "$base" "$dir/health.txt" "$dir/stop" &
  local health_pid=$!
  sleep 10
  local down_at=$SECONDS
  log "postgres-restart: stopping PostgreSQL for ${PG_DOWN}s under load"
  pg_stop
  sleep "$PG_DOWN"
  pg_start || log "postgres-restart: PostgreSQL did not start again"
  local up_at=$SECONDS
  log "postgres-restart: PostgreSQL is back; load continues for 25s"
  sleep 25
  touch "$dir/stop"
  wait "$load_pid" "$health_pid" 2>/dev/null
  local end_at=$SECONDS

  # Health: 200 before, a non-200 while down, 200 again at the end.
  local saw_down back recovered_after
  saw_down=$(awk -v a="$down_at" -v b="$up_at" '$1>=a && $1<=b+2 && $2!=200 {n++} END{print n+0}' "$dir/health.txt")
  back=$(tail -n 1 "$dir/health.txt" | awk '{print $2}')
  recovered_after=$(awk -v b="$up_at" '$1>=b && $2==200 {print $1-b; exit}' "$dir/health.txt")
  local codes_down
  codes_down=$(awk -v a="$down_at" -v b="$up_at" '$1>=a && $1<=b+2 && $2!=200 {print $2}' "$dir/health.txt" | sort | uniq -c | awk '{printf "%s%s×%s", (NR>1?",":""), $2, $1}')
  # Requests: every one in the last 10 s succeeded (the app recovered by itself).
  local tail_fail acked writes reads errors
  tail_fail=$(awk -v e="$end_at" '$1>=e-10 && $3 !~ /^2/ {n++} END{print n+0}' "$dir/load.txt")
  writes=$(awk '$2=="W"' "$dir/load.txt" | wc -l)
  reads=$(awk '$2=="R"' "$dir/load.txt" | wc -l)
  errors=$(awk '$3 !~ /^2/' "$dir/load.txt" | wc -l)
  awk '$2=="W" && $3 ~ /^2/ && $4 != "-" {print $4}' "$dir/load.txt" >"$dir/acked.txt"
  acked=$(wc -l <"$dir/acked.txt")
  local missing=-1
  if ((acked > 0)); then
    local values
    values=$(sed "s/.*/('&'::uuid)/" "$dir/acked.txt" | paste -sd,)
    missing=$(psql_q "SELECT count(*) FROM (VALUES $values) v(id) WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = v.id)")
  fi
  local acked_before
  acked_before=$(awk -v a="$down_at" '$2=="W" && $3 ~ /^2/ && $1<a' "$dir/load.txt" | wc -l)
  local same_app=0
  [[ "${APP_PID[a]:-}" == "$app_pid_before" ]] && kill -0 "$app_pid_before" 2>/dev/null && same_app=1
  local ok=0
  ((saw_down > 0)) && [[ "$back" == 200 ]] && ((tail_fail == 0 && missing == 0 && acked_before > 0 && same_app == 1)) && ok=1
  report postgres-restart "$ok" "ready_while_down=${codes_down:-none} ready_200_after=${recovered_after:-never}s writes=$writes reads=$reads errors=$errors acked_writes=$acked acked_before_restart=$acked_before missing_after=$missing failures_last_10s=$tail_fail app_restarted=$((1 - same_app)) seconds=$((SECONDS - t0))"
}

# ---------------------------------------------------------------------------------------------------------------
# c) app-kill
# ---------------------------------------------------------------------------------------------------------------
scenario_app_kill() {
  local t0=$SECONDS base token meeting tenant
  base="$(app_url a)"
  token="$(get_token "$base")"
  meeting="$(create_meeting "$base" "$token" "Próba zabicia aplikacji")"
  [[ -n "$meeting" ]] || { report app-kill 0 "error=meeting-not-created"; return; }
  tenant="$(psql_q "SELECT tenant_id FROM meetings WHERE id = '$meeting'")"
  # The sweep runs each minute (Hangfire, Cron.Minutely): insert the reminders and queue the invitations just before it.
  local sec
  sec=$((10#$(date -u +%S)))
  if ((sec > 50)); then sleep $((60 - sec + 50)); else sleep $((50 - sec)); fi
  log "app-kill: inserting $REMINDERS due reminders"
  insert_reminders "$tenant" remk "$REMINDERS"
  sec=$((10#$(date -u +%S)))
  ((sec < 57)) && sleep $((57 - sec))
  log "app-kill: queueing $INVITATIONS invitations; the sweep starts at the minute"
  local status queued
  read -r status queued <<<"$(invite "$base" "$token" "$meeting" invk "$INVITATIONS")"
  # Kill while the sweep is part-way and the invitation e-mails are part-sent.
  local deadline=$((SECONDS + 90)) rs inv killed=0 mid=0
  while ((SECONDS < deadline)); do
    rs=$(reminders_sent remk)
    read -r -a inv <<<"$(outbox_states invk)"
    if ((rs > 0 && rs < REMINDERS && ${inv[0]} < INVITATIONS)); then mid=1; break; fi
    ((rs >= REMINDERS)) && break
    sleep 0.1
  done
  kill9_app a
  killed=1
  local rs_kill=$rs inv_kill="${inv[*]}" rem_out_kill
  rem_out_kill="$(outbox_states remk)"
  log "app-kill: SIGKILL with reminders swept $rs_kill/$REMINDERS, invitation outbox (sent pending sending failed) $inv_kill, reminder outbox $rem_out_kill"
  sleep 3
  start_app a
  log "app-kill: restarted; waiting for every reminder and e-mail"
  local ok_wait=1 deadline2=$((SECONDS + 420))
  while ((SECONDS < deadline2)); do
    rs=$(reminders_sent remk)
    ((rs >= REMINDERS)) && break
    sleep 2
  done
  ((rs >= REMINDERS)) || ok_wait=0
  wait_outbox_sent remk "$REMINDERS" 300 || ok_wait=0
  wait_outbox_sent invk "$INVITATIONS" 300 || ok_wait=0
  local rt rr rids rmax it ir iids imax
  read -r rt rr rids rmax <<<"$(maildev_count remk)"
  read -r it ir iids imax <<<"$(maildev_count invk)"
  local rem_lost=$((REMINDERS - rr)) inv_lost=$((INVITATIONS - ir))
  # A reminder swept twice would give its recipient a second, different message (new outbox row, new Message-ID);
  # an e-mail sent again after the kill (its "sent" not saved) repeats the same Message-ID.
  local rem_sweep_dup=$((rids - rr)) smtp_dup=$(((rt - rids) + (it - iids))) inv_dup=$((iids - ir))
  local ok=0
  ((mid == 1 && ok_wait == 1 && rem_lost == 0 && inv_lost == 0 && rem_sweep_dup == 0 && inv_dup == 0 && smtp_dup <= OUTBOX_CONNECTIONS)) && ok=1
  report app-kill "$ok" "killed_mid_sweep=$mid swept_at_kill=$rs_kill/$REMINDERS invitations_sent_at_kill=$(cut -d' ' -f1 <<<"$inv_kill")/$INVITATIONS reminders=$REMINDERS reminders_delivered=$rr reminders_lost=$rem_lost reminders_duplicated=$rem_sweep_dup invitations=$INVITATIONS invitations_delivered=$ir invitations_lost=$inv_lost smtp_resent_in_flight=$smtp_dup seconds=$((SECONDS - t0))"
}

# ---------------------------------------------------------------------------------------------------------------
# d) two-instances
# ---------------------------------------------------------------------------------------------------------------
# login BASE JAR — signs the demo secretary in through the real form; prints the POST's status
form_token() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)".*/\1/'; }

scenario_two_instances() {
  local t0=$SECONDS dir="$TMP/two" nport
  rm -rf "$dir"
  mkdir -p "$dir"
  alloc_port nport
  local proxy="http://127.0.0.1:$nport"
  stop_app a
  PUBLIC_URL="$proxy" start_app a
  PUBLIC_URL="$proxy" start_app b
  start_nginx "$nport" "${APP_PORT[a]}" "${APP_PORT[b]}"
  local a b
  a="$(app_url a)"
  b="$(app_url b)"

  # Session: the form comes from A, the sign-in is posted to B, the session is used on A, on B and through nginx.
  local jar="$dir/cookies.txt" aft login_code pa pb proxied=0 i c upstreams
  aft="$(curl -s -m 30 -c "$jar" -b "$jar" "$a/$SLUG/konto/logowanie" | form_token)"
  login_code="$(curl -s -m 30 -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$DEMO_USER" --data-urlencode "Input.Password=$DEMO_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$aft" "$b/$SLUG/konto/logowanie")"
  pa="$(curl -s -m 30 -o /dev/null -w '%{http_code}' -b "$jar" "$a/$SLUG/komitety")"
  pb="$(curl -s -m 30 -o /dev/null -w '%{http_code}' -b "$jar" "$b/$SLUG/komitety")"
  : >"$dir/upstreams.txt"
  for i in 1 2 3 4 5 6; do
    c="$(curl -s -m 30 -o /dev/null -D "$dir/h.txt" -w '%{http_code}' -b "$jar" "$proxy/$SLUG/komitety")"
    [[ "$c" == 200 ]] && proxied=$((proxied + 1))
    grep -i '^X-Upstream:' "$dir/h.txt" | tr -d '\r' | awk '{print $2}' >>"$dir/upstreams.txt"
  done
  upstreams=$(sort -u "$dir/upstreams.txt" | wc -l)
  # Without the cookie the same page sends to the sign-in form: the 200s above are the session's doing.
  local anon
  anon="$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$b/$SLUG/komitety")"
  local session_ok=0
  [[ -n "$aft" && "$login_code" == 302 && "$pa" == 200 && "$pb" == 200 && "$anon" != 200 ]] && ((proxied == 6 && upstreams == 2)) && session_ok=1
  log "two-instances: token=${aft:+yes} login=$login_code A=$pa B=$pb proxied=$proxied/6 upstreams=$upstreams anonymous=$anon"

  # Shared background work: due reminders (Hangfire sweep on both servers) and an invitation fan-out through nginx.
  local token meeting tenant status queued n=$((REMINDERS < 2000 ? REMINDERS : 2000))
  token="$(get_token "$proxy")"
  meeting="$(create_meeting "$proxy" "$token" "Próba dwóch instancji")"
  tenant="$(psql_q "SELECT tenant_id FROM meetings WHERE id = '$meeting'")"
  local started
  started="$(psql_q "SELECT now()")"
  insert_reminders "$tenant" remd "$n"
  read -r status queued <<<"$(invite "$proxy" "$token" "$meeting" invd "$INVITATIONS")"
  local deadline=$((SECONDS + 180)) rs=0
  while ((SECONDS < deadline)); do
    rs=$(reminders_sent remd)
    ((rs >= n)) && break
    sleep 2
  done
  local drained=1
  wait_outbox_sent remd "$n" 300 || drained=0
  wait_outbox_sent invd "$INVITATIONS" 300 || drained=0
  # Let one more minute's sweep run on both servers before counting jobs.
  sleep 5
  local servers sweeps sweep_minutes sweep_servers
  servers=$(psql_q "SELECT count(*) FROM hangfire.server WHERE lastheartbeat > now() AT TIME ZONE 'UTC' - interval '1 minute'") # live ones: a SIGKILLed server stays listed until it times out
  sweeps=$(psql_q "SELECT count(*) FROM hangfire.job WHERE createdat >= '$started'::timestamptz AND invocationdata::text LIKE '%SweepAllAsync%'")
  sweep_minutes=$(psql_q "SELECT count(DISTINCT date_trunc('minute', createdat)) FROM hangfire.job WHERE createdat >= '$started'::timestamptz AND invocationdata::text LIKE '%SweepAllAsync%'")
  sweep_servers=$(psql_q "SELECT count(DISTINCT s.data::jsonb->>'ServerId') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
                          WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%SweepAllAsync%'" 2>/dev/null || echo '?')
  local rt rr rids rmax it ir iids imax
  read -r rt rr rids rmax <<<"$(maildev_count remd)"
  read -r it ir iids imax <<<"$(maildev_count invd)"
  local lost=$(((n - rr) + (INVITATIONS - ir))) dup=$(((rt - rr) + (it - ir)))
  local ok=0
  ((session_ok == 1 && drained == 1 && lost == 0 && dup == 0 && servers == 2 && sweeps == sweep_minutes)) && [[ "$queued" == "$INVITATIONS" ]] && ok=1
  report two-instances "$ok" "session_across_instances=$([[ $session_ok == 1 ]] && echo yes || echo no) proxied_ok=$proxied/6 upstreams=$upstreams hangfire_servers=$servers sweep_jobs=$sweeps sweep_minutes=$sweep_minutes sweep_servers=$sweep_servers reminders=$n invitations=$INVITATIONS sent=$((rr + ir)) lost=$lost duplicated=$dup seconds=$((SECONDS - t0))"
}

# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------
for s in $SCENARIOS; do
  case "$s" in smtp-outage | postgres-restart | app-kill | two-instances) ;; *) esr_die "unknown scenario '$s'" ;; esac
done

TOTAL_T0=$SECONDS
ensure_apt_packages postgresql curl nginx
ensure_pg_bin
ensure_dotnet
ensure_ops_npm
[[ -x "$MAILDEV_BIN" ]] || esr_die "$MAILDEV_BIN is missing after npm ci in ops/"

# Nothing of a previous run is reused (a PostgreSQL left running by a killed run is stopped first).
if [[ -f "$PGDATA/postmaster.pid" ]]; then pg_cmd pg_ctl -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1; fi
rm -rf "$CHAOS"
mkdir -p "$CHAOS" "$LOGS" "$TMP" "$MAIL_DIR"

alloc_port PG_PORT
alloc_port SMTP_PORT
alloc_port MAILDEV_WEB_PORT
log "state in $CHAOS; PostgreSQL 127.0.0.1:$PG_PORT, MailDev SMTP $SMTP_PORT web $MAILDEV_WEB_PORT"
build_app
start_postgres
start_maildev
start_app a
log "instance a ready on $(app_url a)"

for s in $SCENARIOS; do
  log "----- scenario $s -----"
  "scenario_${s//-/_}"
done

echo
echo "Chaos summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), $((SECONDS - TOTAL_T0)) s in all; logs in ${CHAOS#"$REPO"/}/logs):"
failed=0
for r in "${RESULTS[@]}"; do
  echo "  ${r#CHAOS }"
  [[ "$r" == *" failed "* ]] && failed=$((failed + 1))
done
if ((failed > 0)); then
  echo "$failed of ${#RESULTS[@]} scenario(s) failed"
  exit 1
fi
echo "all ${#RESULTS[@]} scenario(s) passed"
exit 0
