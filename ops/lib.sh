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
    "${sudo[@]}" apt-get "${apt_opts[@]}" update -qq || esr_die "apt-get update failed"
    _ESR_APT_UPDATED=1
  fi
  esr_log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" ||
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
  esr_log "npm ci in ops/ (MailDev)"
  (cd "$ESR_OPS_DIR" && npm ci --no-audit --no-fund --loglevel=error) || esr_die "npm ci in ops/ failed"
  touch "$marker" 2>/dev/null || true
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
