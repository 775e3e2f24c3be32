#!/usr/bin/env bash
# Runs every test of RoViec on a machine that has only the .NET SDK: installs what the tests
# need when it is missing (Debian packages, as root), starts a throw-away PostgreSQL server for
# the test processes (ROVIEC_TEST_PG, stopped on exit), builds the core projects, then the web projects while the
# whitespace check and the core tests run beside that build, runs the web test projects in two lanes, and ends with one
# line "N passed, N failed, N skipped" summed over all projects.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages the tests need, as "command:package": Chromium for the browser tests
# (Playwright drives /usr/bin/chromium; its own browser download does not work here), and
# LibreOffice's Writer without its GUI, which the report tests use to convert the monthly report
# to PDF headless, and nginx, which the deployment test runs in front of two instances (deploy/nginx);
# systemd's systemd-analyze checks the deployment's unit file (deploy/systemd).
# PostgreSQL is handled apart below: its client (psql) is often present without
# the server, so the check is for the server binary itself.
REQUIRED=(
  "python3:python3"
  "chromium:chromium"
  "soffice:libreoffice-writer-nogui"
  "systemd-analyze:systemd"
)

apt_updated=0
# Installs the Debian packages given as arguments, running apt-get update once per run.
install_packages() {
  [[ $# -eq 0 ]] && return 0
  echo "Cài đặt gói cần cho kiểm thử (installing test prerequisites): $*"
  if [[ $(id -u) -ne 0 ]]; then
    echo "Cần quyền root để cài $* (root needed to install them)" >&2
    return 1
  fi
  if [[ $apt_updated -eq 0 ]]; then
    apt-get update -qq || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for pair in "${REQUIRED[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
# Fonts with Vietnamese glyphs: DejaVu for the charts drawn on the server (ScottPlot/SkiaSharp), and
# Liberation Serif, metric-compatible with Times New Roman, for LibreOffice's rendering of the reports.
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=("fonts-dejavu-core")
compgen -G '/usr/share/fonts/truetype/liberation*/LiberationSerif-Regular.ttf' >/dev/null || missing+=("fonts-liberation2")
[[ -x /usr/sbin/nginx ]] || missing+=("nginx")
# Debian's nginx package would start its own server on port 80: policy-rc.d stops that for the length of the install.
no_start=/usr/sbin/policy-rc.d own_no_start=0
if [[ ${#missing[@]} -gt 0 && $(id -u) -eq 0 && ! -e $no_start ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$no_start" && chmod 755 "$no_start" && own_no_start=1
fi
install_packages "${missing[@]}"; installed=$?
[[ $own_no_start -eq 1 ]] && rm -f "$no_start"
[[ $installed -eq 0 ]] || exit 1

# PostgreSQL: a throw-away server (scripts/pg.sh) whose connection string reaches the tests as
# ROVIEC_TEST_PG. Without it the tests still run, and those needing PostgreSQL fail.
# ROVIEC_FORCE_PG_INSTALL=1 takes the install path even when the server is present.
pg_server_present() {
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}
pg_ok=1
if [[ "${ROVIEC_FORCE_PG_INSTALL:-}" == 1 ]] || ! pg_server_present; then
  # Debian's package would start its own cluster on port 5432; policy-rc.d stops that for
  # the length of the install (only when none exists, and removed again afterwards).
  policy=/usr/sbin/policy-rc.d own_policy=0
  if [[ $(id -u) -eq 0 && ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  install_packages postgresql || pg_ok=0
  [[ $own_policy -eq 1 ]] && rm -f "$policy"
  pg_server_present || pg_ok=0
fi
unset ROVIEC_TEST_PG
if [[ $pg_ok -eq 1 ]]; then
  trap '"$ROOT/scripts/pg.sh" stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if pg_conn="$("$ROOT/scripts/pg.sh" start)"; then
    export ROVIEC_TEST_PG="$pg_conn"
    echo "== postgresql: $ROVIEC_TEST_PG"
  else
    pg_ok=0
  fi
fi
if [[ $pg_ok -eq 0 ]]; then
  echo "CẢNH BÁO: không có PostgreSQL; ROVIEC_TEST_PG chưa đặt, kiểm thử cần PostgreSQL sẽ thất bại (WARNING: PostgreSQL could not be installed or started; ROVIEC_TEST_PG is unset and tests that need it will fail)" >&2
fi

# The test processes are many and short-lived (test hosts, served applications, the report command): dynamic PGO's
# instrumentation and the background GC thread cost them about a quarter of their CPU for nothing they keep. Only
# the tests run so; `./roviec serve` keeps the runtime's defaults.
export DOTNET_TieredPGO=0 DOTNET_gcConcurrent=0

results="$ROOT/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

# Runs one test run into its log and keeps its last lines and how long it took: a name, a project, and optionally a
# filter (one project may be split into two runs, each in its own process).
run_tests() {
  local name="$1" project="$2" filter="${3:-}" log start
  log="$results/$name.log"
  start=$SECONDS
  if [[ -n "$filter" ]]; then
    dotnet test "$project" -c Release --no-build --nologo --results-directory "$results/$name" --filter "$filter" >"$log" 2>&1
  else
    dotnet test "$project" -c Release --no-build --nologo --results-directory "$results/$name" >"$log" 2>&1
  fi
  {
    echo "== $name ($((SECONDS - start)) s)"
    grep -vE '^\s*$' "$log" | tail -n 40
  } >"$results/$name.summary"
}

# The build in two steps, so that the second core is not idle while the web application compiles (one long chain of
# projects): first the core projects and their tests (RoViec.Core.slnf), then the web projects (RoViec.Web.slnf), while
# beside them the whitespace check and the core tests run — they need nothing of the web.
build_start=$SECONDS
echo "== build"
if ! dotnet build RoViec.Core.slnf -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi
echo "== core build done ($((SECONDS - build_start)) s)"

# Whitespace only: the build already enforces the code-style rules (EnforceCodeStyleInBuild, warnings as errors),
# so the format check needs no second compilation of the solution.
core=(RoViec.Data.Tests RoViec.Cli.Tests RoViec.Import.Tests RoViec.Documents.Tests RoViec.Domain.Tests)
(
  if ! dotnet format whitespace --folder --verify-no-changes -v quiet \
      --exclude artifacts '**/bin/**' '**/obj/**' src/RoViec.Data.Migrations.Sqlite/Migrations src/RoViec.Data.Migrations.Postgres/Migrations; then
    echo "dotnet format: có tệp chưa đúng định dạng (files not formatted; run 'dotnet format RoViec.slnx')" >&2
    touch "$results/format-failed"
  fi
  for name in "${core[@]}"; do run_tests "$name" "tests/$name/$name.csproj"; done
) &
core_lane=$!

if ! dotnet build RoViec.Web.slnf -c Release --nologo -v quiet -clp:ErrorsOnly; then
  wait "$core_lane"
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi
echo "== build done ($((SECONDS - build_start)) s)"
# Leave the import command built, so the first `./roviec import` after the tests starts at once.
"$ROOT/roviec" --help >/dev/null || echo "Không biên dịch được lệnh roviec (the CLI did not build)" >&2

# Two lanes on two cores (the core tests may still be running beside them), which share nothing (each test makes its
# own database, port and folder), of about equal length: the web tests; beside them the browser tests, then the web
# tests that spend their time in processes of their own (the report command, the killed submission) with the province's
# tests, which alone seed the demo province (its SQLite and PostgreSQL templates are made in that run only).
web=tests/RoViec.Web.Tests/RoViec.Web.Tests.csproj
apart=(ReportCommandTests SubmissionCrashTests CockpitTests ApprovalTests PushDownTests ProvinceReportTests ProductionStartTests StartTogetherTests DeploymentTests StandbyTests BackupRestoreTests)
processes="$(printf 'FullyQualifiedName~RoViec.Web.Tests.%s|' "${apart[@]}")"
processes="${processes%|}"
in_process="$(printf 'FullyQualifiedName!~RoViec.Web.Tests.%s&' "${apart[@]}")"
in_process="${in_process%&}"
run_tests RoViec.Web.Tests "$web" "$in_process" &
web_lane=$!
run_tests RoViec.Web.BrowserTests tests/RoViec.Web.BrowserTests/RoViec.Web.BrowserTests.csproj
run_tests RoViec.Web.Tests.Processes "$web" "$processes"
wait "$web_lane"
wait "$core_lane"
failed_checks=0
[[ -e "$results/format-failed" ]] && failed_checks=1
runs=(RoViec.Web.Tests RoViec.Web.BrowserTests RoViec.Web.Tests.Processes "${core[@]}")
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  [[ " ${runs[*]} " == *" $name "* ]] && continue
  # A test project in neither step would go untested: say so.
  echo "$name: không có trong RoViec.Core.slnf hay các lượt kiểm thử web (test project not run)" >&2
  failed_checks=1
done

passed=0 failed=0 skipped=0
for name in "${runs[@]}"; do
  log="$results/$name.log"
  cat "$results/$name.summary" 2>/dev/null
  summary="$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log" | tail -n 1)"
  if [[ -z "$summary" ]] && grep -q "No test is available" "$log"; then
    echo "$name: chưa có kiểm thử nào (no tests yet)"
    continue
  fi
  if [[ -z "$summary" ]]; then
    echo "$name: không đọc được kết quả (no test summary; the run crashed)" >&2
    failed=$((failed + 1))
    continue
  fi
  f=$(sed -E 's/.*Failed:[[:space:]]*([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed:[[:space:]]*([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped:[[:space:]]*([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 && $failed_checks -eq 0 ]]
