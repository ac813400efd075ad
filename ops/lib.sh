# shellcheck shell=bash
# Shared helpers for ops/run.sh and ops/test.sh. Source it; do not execute it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sets ESR_REPO_ROOT (the repository root) and defines:
#   esr_log / esr_warn / esr_die MESSAGE      messages on stderr (esr_die exits 1)
#   ensure_apt_packages PKG...                 installs the missing Debian packages (one apt-get update at most)
#   ensure_dotnet                              checks that the .NET SDK is on PATH
#   ensure_node                                node + npm on PATH (apt nodejs npm when missing)
#   ensure_ops_npm                             npm ci in ops/ when ops/node_modules is missing or stale
#   pg_bin                                     prints the PostgreSQL server bin dir (no install)
#   ensure_pg_bin                              sets and exports PG_BIN, installing `postgresql` if needed
#   as_pg_user CMD...                          runs CMD as the `postgres` OS user when we are root, else directly
#   pg_cmd NAME ARGS...                        as_pg_user "$PG_BIN/NAME" ARGS...
#   port_in_use HOST PORT                      true when something accepts TCP connections there
#   wait_for_port HOST PORT SECONDS            waits until HOST:PORT accepts connections (false on timeout)
#   esr_stop_pid PID SECONDS [NAME]            TERM, wait up to SECONDS, then KILL; reaps the child
#   esr_stopping                               first line of a cleanup trap: no more EXIT trap, INT/TERM/PIPE ignored
#   esr_pg_prepare_dirs PGDATA SOCKETDIR LOG   creates the cluster's directories, owned by `postgres` when root
#   esr_pg_initdb PGDATA LOG                   initdb (trust auth, UTF8, C.UTF-8) into an empty PGDATA
#   esr_pg_start PGDATA PORT SOCKETDIR LOG [OPTS]  pg_ctl start on 127.0.0.1:PORT (OPTS: extra `-c k=v` options)
#   esr_pg_stop PGDATA LOG                     pg_ctl stop -m fast
#   esr_db_init PORT DBNAME                    roles and database from ops/db/init.sql (idempotent)
#   esr_start_maildev SMTP WEB DIR LOG         starts MailDev in the background; ESR_STARTED_PID is its pid
#   esr_build_web LOG                          builds src/EsRegions.Web (Release); sets APP_DLL
#   esr_start_web URL PUBLIC_URL PGPORT DB SMTP LOG [NAME=VALUE...]
#                                              starts the built app in the background (Development environment,
#                                              tenants/, migrations on start); ESR_STARTED_PID is its pid
#   esr_alloc_port VAR                         a free TCP port on 127.0.0.1 not handed out before by this script
#   esr_app_ready URL                          true when URL/health/ready answers 200
#   esr_show_log_tail FILE LINES               prints the end of a log on stderr

if [[ -n "${_ESR_LIB_SOURCED:-}" ]]; then
  return 0
fi
_ESR_LIB_SOURCED=1

ESR_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ESR_OPS_DIR="$ESR_REPO_ROOT/ops"
export ESR_REPO_ROOT

# Non-interactive everything (CI=true, no terminal, no prompts).
export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

_ESR_APT_UPDATED=0

esr_log() { printf '==> %s\n' "$*" >&2; }
esr_warn() { printf 'WARNING: %s\n' "$*" >&2; }
esr_die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

_esr_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Prints nothing and succeeds when the Debian package is installed.
_esr_pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# ensure_apt_packages PKG... — install only the packages that are missing.
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    _esr_pkg_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  local sudo=()
  if ! _esr_is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    else
      esr_die "missing Debian packages: ${missing[*]} — install them as root: apt-get install ${missing[*]}"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 ||
    esr_die "missing packages ${missing[*]} and apt-get is not available (this script expects Debian 12)"

  local apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
  if [[ "$_ESR_APT_UPDATED" != 1 ]]; then
    esr_log "apt-get update"
    "${sudo[@]}" apt-get "${apt_opts[@]}" update -qq >&2 || esr_die "apt-get update failed"
    _ESR_APT_UPDATED=1
  fi
  esr_log "installing Debian packages: ${missing[*]}"
  # dpkg's progress goes to stderr too: scripts such as ops/bench.sh keep stdout for their results.
  "${sudo[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    esr_die "apt-get install ${missing[*]} failed"
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    esr_die "the .NET SDK ('dotnet') is not on PATH. EsRegions needs the .NET 10 SDK; install it (e.g. Microsoft's packages or dotnet-install.sh) and put 'dotnet' on PATH, then run this again."
  fi
  local sdk
  if ! sdk="$(dotnet --version 2>/dev/null)"; then
    esr_die "'dotnet' is on PATH but 'dotnet --version' fails: no .NET SDK installed? EsRegions needs the .NET 10 SDK."
  fi
  if [[ "${sdk%%.*}" =~ ^[0-9]+$ ]] && ((${sdk%%.*} < 10)); then
    esr_die "found .NET SDK $sdk, EsRegions needs the .NET 10 SDK or later"
  fi
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return 0
  fi
  esr_warn "node/npm not found; installing Debian's nodejs and npm (MailDev 3 wants Node 20 or later)"
  ensure_apt_packages nodejs npm
  command -v npm >/dev/null 2>&1 || esr_die "npm is still not on PATH after installing nodejs/npm"
}

# npm ci in ops/ when ops/node_modules is missing or older than ops/package-lock.json.
ensure_ops_npm() {
  local marker="$ESR_OPS_DIR/node_modules/.package-lock.json"
  if [[ -f "$marker" && -x "$ESR_OPS_DIR/node_modules/.bin/maildev" &&
    ! "$ESR_OPS_DIR/package-lock.json" -nt "$marker" ]]; then
    return 0
  fi
  ensure_node
  # The registry sometimes stalls (EIDLETIMEOUT on a clean clone): npm retries each fetch, and the whole install is
  # tried three times before the run gives up.
  local attempt
  for attempt in 1 2 3; do
    esr_log "npm ci in ops/ (MailDev), attempt $attempt of 3"
    if (cd "$ESR_OPS_DIR" && npm ci --no-audit --no-fund --loglevel=error --fetch-retries=5 --fetch-retry-mintimeout=5000 \
      --fetch-retry-maxtimeout=60000 --fetch-timeout=120000); then
      touch "$marker" 2>/dev/null || true
      return 0
    fi
    ((attempt < 3)) && { esr_warn "npm ci failed; trying again in 15 s"; sleep 15; }
  done
  esr_die "npm ci in ops/ failed three times (network or registry problem?)"
}

# Prints the bin dir of the PostgreSQL server: 15 when present, else the highest installed major version.
pg_bin() {
  local d best=""
  if [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    echo /usr/lib/postgresql/15/bin
    return 0
  fi
  for d in $(ls -1d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && best="$d"
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

ensure_pg_bin() {
  if ! PG_BIN="$(pg_bin)"; then
    ensure_apt_packages postgresql
    PG_BIN="$(pg_bin)" || esr_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin after installing 'postgresql'"
  fi
  export PG_BIN
}

# Runs a command as the `postgres` OS user when we are root (PostgreSQL refuses to run as root),
# directly otherwise. Runs from / so that the postgres user never needs access to the caller's cwd.
as_pg_user() {
  if _esr_is_root; then
    id -u postgres >/dev/null 2>&1 || esr_die "OS user 'postgres' does not exist (install the 'postgresql' package)"
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_cmd() {
  local name="$1"
  shift
  [[ -n "${PG_BIN:-}" ]] || ensure_pg_bin
  as_pg_user "$PG_BIN/$name" "$@"
}

# True when a TCP connection to HOST:PORT succeeds (something listens there).
port_in_use() {
  local host="$1" port="$2"
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" >/dev/null 2>&1
}

# wait_for_port HOST PORT SECONDS — succeeds as soon as HOST:PORT accepts connections.
wait_for_port() {
  local host="$1" port="$2" seconds="${3:-30}"
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    port_in_use "$host" "$port" && return 0
    sleep 0.3
  done
  port_in_use "$host" "$port"
}

# esr_stopping — the first line of a cleanup trap. A second INT or TERM must not cut the stopping short (timeout(1) and
# service managers signal the child and its whole process group, and a second Ctrl-C is common; every wait of a
# cleanup is bounded), nor a lost output (e.g. `ops/run.sh | tee log`, where Ctrl-C kills tee first).
esr_stopping() {
  trap - EXIT
  trap '' INT TERM PIPE
}

# esr_stop_pid PID SECONDS [NAME] — stops a child: TERM, up to SECONDS to exit, then KILL; always reaps it.
esr_stop_pid() {
  local pid="$1" seconds="$2" name="${3:-}" i
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  [[ -n "$name" ]] && esr_log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < seconds * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    [[ -n "$name" ]] && esr_warn "$name did not stop within ${seconds}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  return 0
}

esr_show_log_tail() { # FILE LINES
  if [[ -s "$1" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$2" "$1" >&2
    tail -n "$2" "$1" >&2
    printf -- '-----\n' >&2
  fi
}

# esr_pg_prepare_dirs PGDATA SOCKETDIR LOG — PostgreSQL runs as the `postgres` OS user when we are root: it must
# reach the directories and own its own.
esr_pg_prepare_dirs() {
  local pgdata="$1" sockets="$2" log="$3" parent
  parent="$(dirname "$pgdata")"
  mkdir -p "$pgdata" "$sockets" "$(dirname "$log")"
  touch "$log"
  if _esr_is_root; then
    runuser -u postgres -- test -x "$parent" ||
      esr_die "the 'postgres' OS user cannot reach $parent (a parent directory is not world-searchable); run from a checkout under a path such as /work or /srv, or chmod o+x the parent directories"
    [[ "$(stat -c %U "$pgdata")" == postgres ]] || chown -R postgres:postgres "$pgdata"
    chown postgres:postgres "$sockets" "$log"
  fi
  chmod 700 "$pgdata"
}

esr_pg_initdb() { # PGDATA LOG
  pg_cmd initdb -D "$1" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >>"$2" 2>&1 || {
    esr_show_log_tail "$2" 30
    esr_die "initdb failed (log: $2)"
  }
}

esr_pg_start() { # PGDATA PORT SOCKETDIR LOG [EXTRA_OPTIONS]
  pg_cmd pg_ctl -D "$1" -l "$4" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $2 -k '$3' ${5:-}" start >/dev/null
}

esr_pg_stop() { # PGDATA LOG
  pg_cmd pg_ctl -D "$1" -m fast -w -t 60 stop >>"$2" 2>&1
}

esr_db_init() { # PORT DBNAME
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres \
    -v dbname="$2" -f "$ESR_OPS_DIR/db/init.sql" >/dev/null ||
    esr_die "ops/db/init.sql failed against 127.0.0.1:$1"
}

# esr_start_maildev SMTP_PORT WEB_PORT MAIL_DIR LOG [MAX_EMAILS] — MailDev keeping its messages in MAIL_DIR; with
# MAX_EMAILS > 0 it keeps only the newest that many (on disk too). MailDev listens for SMTP at once but opens its web
# port only after reading back every stored message, which takes minutes for tens of thousands: the wait lasts while
# the process lives (at most 300 s) and says why it is long.
esr_start_maildev() {
  local smtp_port="$1" web_port="$2" dir="$3" log="$4" max="${5:-0}" stored waited=0
  mkdir -p "$dir"
  "$ESR_OPS_DIR/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$smtp_port" -w "$web_port" \
    --mail-directory "$dir" --max-emails "$max" --silent >>"$log" 2>&1 </dev/null &
  ESR_STARTED_PID=$!
  stored=$(find "$dir" -maxdepth 1 -name '*.eml' | wc -l)
  until port_in_use 127.0.0.1 "$smtp_port" && port_in_use 127.0.0.1 "$web_port"; do
    if ! kill -0 "$ESR_STARTED_PID" 2>/dev/null; then
      esr_show_log_tail "$log" 30
      esr_die "MailDev stopped while starting (log: $log)"
    fi
    if ((waited == 50 && stored > 0)); then
      esr_log "MailDev is still reading back the $stored messages stored in $dir (delete them to start faster)"
    fi
    if ((waited >= 1000)); then
      esr_show_log_tail "$log" 30
      esr_die "MailDev did not start listening within 300 s (log: $log)"
    fi
    sleep 0.3
    waited=$((waited + 1))
  done
}

esr_build_web() { # LOG
  local project="$ESR_REPO_ROOT/src/EsRegions.Web/EsRegions.Web.csproj"
  esr_log "building src/EsRegions.Web (Release); log in $1"
  if ! dotnet build "$project" -c Release -nologo -v minimal >"$1" 2>&1; then
    grep -E ': (error|warning) ' "$1" | sort -u | head -n 60 >&2 || esr_show_log_tail "$1" 60
    esr_die "the build failed (full log: $1)"
  fi
  APP_DLL="$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration=Release 2>/dev/null | tail -n 1 | tr -d '\r')"
  if [[ ! -f "$APP_DLL" ]]; then
    APP_DLL="$(ls -1t "$ESR_REPO_ROOT"/src/EsRegions.Web/bin/Release/*/EsRegions.Web.dll 2>/dev/null | head -n 1 || true)"
  fi
  [[ -f "$APP_DLL" ]] || esr_die "cannot find the built EsRegions.Web.dll under src/EsRegions.Web/bin/Release"
}

# esr_start_web URL PUBLIC_URL PG_PORT DB SMTP_PORT LOG [NAME=VALUE...] — the built app (esr_build_web) in the
# background with the demo database roles of ops/db/init.sql; extra NAME=VALUE pairs become its environment.
esr_start_web() {
  local url="$1" public_url="$2" pg_port="$3" db="$4" smtp_port="$5" log="$6"
  shift 6
  local conn="Host=127.0.0.1;Port=$pg_port;Database=$db"
  (
    # The content root is the project folder, as with `dotnet run` (appsettings*.json, wwwroot).
    cd "$ESR_REPO_ROOT/src/EsRegions.Web"
    export ASPNETCORE_ENVIRONMENT=Development
    export ASPNETCORE_URLS="$url"
    export ConnectionStrings__App="$conn;Username=esregions_app;Password=esregions_app_dev"
    export ConnectionStrings__Owner="$conn;Username=esregions_owner;Password=esregions_owner_dev"
    export Database__MigrateOnStart=true
    export Tenancy__Directory="$ESR_REPO_ROOT/tenants"
    export Smtp__Host=127.0.0.1
    export Smtp__Port="$smtp_port"
    export App__PublicUrl="$public_url"
    local pair
    for pair in "$@"; do export "${pair?}"; done
    exec dotnet "$APP_DLL"
  ) >>"$log" 2>&1 </dev/null &
  ESR_STARTED_PID=$!
}

esr_app_ready() { # URL
  [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1/health/ready" 2>/dev/null)" == 200 ]]
}

# esr_alloc_port VAR — sets VAR to a free TCP port on 127.0.0.1 that this script has not handed out before
# (ESR_USED_PORTS remembers them, so servers started later in one run never collide).
ESR_USED_PORTS=()
esr_alloc_port() {
  local p _
  for _ in $(seq 1 300); do
    p=$((20000 + RANDOM % 40000))
    [[ " ${ESR_USED_PORTS[*]} " == *" $p "* ]] && continue
    port_in_use 127.0.0.1 "$p" && continue
    ESR_USED_PORTS+=("$p")
    printf -v "$1" '%s' "$p"
    return 0
  done
  esr_die "no free TCP port found"
}
