#!/usr/bin/env bash
# Builds EsRegions.sln and runs every test project; ends with one line "N passed, N failed[, N skipped]".
#
#   bash ops/test.sh                                   # everything
#   bash ops/test.sh --filter "FullyQualifiedName~Tenancy"   # extra arguments go to `dotnet test`
#
# Installs what the tests need (Debian: postgresql, chromium, chromium-driver, fonts-dejavu-core; MailDev from
# ops/package-lock.json). Does not start PostgreSQL: the integration-test fixture starts its own throw-away cluster
# under /tmp/pgtest-* when TEST_PG_CONNECTION is unset. Leftover /tmp/pgtest-* clusters are removed first.
#
# Environment read (all optional):
#   CI                       true in CI (nothing here is interactive either way)
#   CHROMIUM_PATH            browser for the browser tests (default /usr/bin/chromium)
#   TEST_PG_CONNECTION       passed through to the tests: use this server instead of throw-away clusters
#   ESR_TEST_HANG_TIMEOUT    a single test running longer than this is killed and reported (default 20m)
#   ESR_PGTEST_PREFIX        where leftover test clusters live (default /tmp/pgtest-)
# Exported to the tests: ESR_MAILDEV_BIN, CHROMIUM_PATH, TENANTS_DIR, PG_BIN.
set -uo pipefail

# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO="$ESR_REPO_ROOT"
cd "$REPO" || exit 1

_FINAL_PRINTED=0
final_line() { # PASSED FAILED SKIPPED
  local line="$1 passed, $2 failed"
  (($3 > 0)) && line+=", $3 skipped"
  _FINAL_PRINTED=1
  printf '%s\n' "$line"
}
# Any early exit (a failed install, esr_die, a signal) still ends with the closing line, as a failure.
on_exit() {
  local rc=$?
  if ((!_FINAL_PRINTED)); then
    echo "test.sh stopped before it could report test results (exit code $rc)" >&2
    final_line 0 1 0
    exit 1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# What the tests need
# ---------------------------------------------------------------------------------------------------------------
ensure_apt_packages postgresql chromium chromium-driver fonts-dejavu-core
ensure_pg_bin
ensure_ops_npm
ensure_dotnet

export ESR_MAILDEV_BIN="$ESR_OPS_DIR/node_modules/.bin/maildev"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export TENANTS_DIR="$REPO/tenants"
export PG_BIN
[[ -x "$ESR_MAILDEV_BIN" ]] || esr_die "$ESR_MAILDEV_BIN is missing after npm ci in ops/"
[[ -x "$CHROMIUM_PATH" ]] || esr_die "no browser at CHROMIUM_PATH=$CHROMIUM_PATH"

# ---------------------------------------------------------------------------------------------------------------
# Leftover test clusters (pg_ctl detaches, so a killed test run leaves servers behind)
# ---------------------------------------------------------------------------------------------------------------
cleanup_pgtest_clusters() {
  local prefix="${ESR_PGTEST_PREFIX:-/tmp/pgtest-}" pidfile datadir pid args
  local dirs=()
  shopt -s nullglob
  dirs=("$prefix"*)
  shopt -u nullglob
  ((${#dirs[@]} == 0)) && return 0
  esr_log "removing ${#dirs[@]} leftover test cluster dir(s) ${prefix}*"

  # Servers with a pid file: pg_ctl stop -m immediate, else SIGQUIT (immediate shutdown) to the postmaster.
  while IFS= read -r pidfile; do
    datadir="$(dirname "$pidfile")"
    if ! pg_cmd pg_ctl -D "$datadir" -m immediate -w -t 15 stop >/dev/null 2>&1; then
      pid="$(head -n 1 "$pidfile" 2>/dev/null | tr -dc '0-9')"
      [[ -n "$pid" ]] && kill -QUIT "$pid" 2>/dev/null || true
    fi
  done < <(find "${dirs[@]}" -maxdepth 3 -name postmaster.pid -type f 2>/dev/null)

  # Any postgres process still running on a data dir under them (pid file already gone).
  while read -r pid args; do
    case "$args" in
      *postgres*" -D $prefix"* | *postgres*" -D$prefix"*)
        kill -QUIT "$pid" 2>/dev/null || true
        ;;
    esac
  done < <(ps -eo pid=,args= 2>/dev/null)
  sleep 0.5
  while read -r pid args; do
    case "$args" in
      *postgres*" -D $prefix"* | *postgres*" -D$prefix"*) kill -KILL "$pid" 2>/dev/null || true ;;
    esac
  done < <(ps -eo pid=,args= 2>/dev/null)

  rm -rf -- "${dirs[@]}"
}
cleanup_pgtest_clusters

# ---------------------------------------------------------------------------------------------------------------
# Build once, then test without rebuilding
# ---------------------------------------------------------------------------------------------------------------
RESULTS="$REPO/TestResults/$(date +%Y%m%d-%H%M%S)"
[[ -e "$RESULTS" ]] && RESULTS="$RESULTS-$$"
mkdir -p "$RESULTS"

esr_log "dotnet build EsRegions.sln -c Release"
dotnet build EsRegions.sln -c Release -nologo -v minimal 2>&1 | tee "$RESULTS/build.log"
build_rc=${PIPESTATUS[0]}
if ((build_rc != 0)); then
  echo
  echo "BUILD FAILED (exit code $build_rc); errors:"
  if ! grep -E '(^|[: ])error [A-Za-z]{2,}[0-9]+' "$RESULTS/build.log" | sed -E 's/^[[:space:]]+//' | sort -u | head -n 80; then
    tail -n 40 "$RESULTS/build.log"
  fi
  echo "(full build log: $RESULTS/build.log)"
  final_line 0 1 0
  exit 1
fi

hang_args=()
if [[ "${ESR_TEST_HANG_TIMEOUT:-20m}" != 0 ]]; then
  # A hung test is killed and named instead of eating the CI time budget.
  hang_args=(--blame-hang-timeout "${ESR_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none)
fi

# -m:1: one test assembly at a time. In parallel, the integration tests' load (two Hangfire servers, 1,000 e-mails)
# starves the browser tests of CPU on a 2-core machine and makes their timings flaky.
esr_log "dotnet test EsRegions.sln -c Release --no-build (results in ${RESULTS#"$REPO"/})"
dotnet test EsRegions.sln -c Release --no-build --nologo -m:1 --logger trx --results-directory "$RESULTS" \
  "${hang_args[@]}" "$@" </dev/null
test_rc=$?

# ---------------------------------------------------------------------------------------------------------------
# Add up the .trx files
# ---------------------------------------------------------------------------------------------------------------
trx_attr() { # NAME COUNTERS_ELEMENT → number (0 when absent)
  local v
  v="$(sed -n -E "s/.*[[:space:]]$1=\"([0-9]+)\".*/\1/p" <<<"$2")"
  echo "${v:-0}"
}
xml_unescape() { sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g'; }

passed=0 failed=0 skipped=0 total=0 trx_count=0
failed_names=""
while IFS= read -r -d '' trx; do
  trx_count=$((trx_count + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  [[ -n "$counters" ]] || continue
  total=$((total + $(trx_attr total "$counters")))
  passed=$((passed + $(trx_attr passed "$counters")))
  failed=$((failed + $(trx_attr failed "$counters") + $(trx_attr error "$counters") + $(trx_attr timeout "$counters") + $(trx_attr aborted "$counters")))
  # VSTest leaves notExecuted at 0 for skipped tests: they show only as total - executed.
  not_run=$(($(trx_attr total "$counters") - $(trx_attr executed "$counters")))
  file_skipped=$(trx_attr notExecuted "$counters")
  ((not_run > file_skipped)) && file_skipped=$not_run
  skipped=$((skipped + file_skipped))
  names="$(grep -o '<UnitTestResult [^>]*>' "$trx" | grep -E 'outcome="(Failed|Error|Timeout|Aborted)"' |
    sed -n -E 's/.*[[:space:]]testName="([^"]*)".*/\1/p' | xml_unescape)"
  [[ -n "$names" ]] && failed_names+="$names"$'\n'
done < <(find "$RESULTS" -name '*.trx' -type f -print0 | sort -z)

echo
echo "Test results: $trx_count .trx file(s) in $RESULTS"
echo "  total $total, passed $passed, failed $failed, skipped (not executed) $skipped"
if [[ -n "$failed_names" ]]; then
  echo "Failed tests:"
  printf '%s' "$failed_names" | sed '/^$/d' | sort -u | sed 's/^/  - /'
fi

if ((passed + failed == 0)); then
  if ((test_rc != 0)); then
    echo "dotnet test failed (exit code $test_rc) and no test ran"
  else
    echo "no test ran"
  fi
  final_line 0 1 0
  exit 1
fi
if ((test_rc != 0 && failed == 0)); then
  echo "dotnet test exited with code $test_rc although no test result failed (a test host crashed or a project did not run?): counted as 1 failure"
  failed=1
fi
final_line "$passed" "$failed" "$skipped"
((failed == 0)) || exit 1
exit 0
