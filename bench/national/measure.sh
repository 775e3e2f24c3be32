#!/usr/bin/env bash
# Measures the national dataset (called by `./roviec bench national --measure`): serves the published app on it, signs
# in benchmark accounts, drives the commune dashboard, the province cockpit and the national view with wrk at each
# client count, times each page's SQL floor, the app's peak memory, and one scheduler tick over the country.
# Arguments: connection string (no Database), database, port, client counts ("1 8"), seconds per run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CS="$1" DB="$2" PORT="$3" CLIENTS="$4" SECONDS_PER_RUN="$5"
BASE="http://127.0.0.1:$PORT"
LOG="$ROOT/artifacts/national-measure-app.log"
command -v wrk >/dev/null || { echo "measure: wrk is missing (apt-get install wrk)" >&2; exit 1; }
max_clients=1
for n in $CLIENTS; do ((n > max_clients)) && max_clients=$n; done

APP_PID=""
start_app() {
  ( exec dotnet "$ROOT/artifacts/web/RoViec.Web.dll" --contentRoot "$ROOT/artifacts/web" --environment Demo --urls "$BASE" \
      --ConnectionStrings:RoViec "$CS;Database=$DB" --RoViec:RequireTwoFactor=false --RoViec:SignIn:PerMinute=1000000 "$@" >"$LOG" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 300); do
    curl -sf "$BASE/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$LOG" >&2; return 1; }
    sleep 1
  done
  return 1
}
stop_app() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
trap stop_app EXIT

# Signs a user in through the form and prints the session cookie ("roviec=…").
sign_in() {
  local jar token
  jar="$(mktemp)"
  token="$(curl -s -c "$jar" -b "$jar" "$BASE/dang-nhap" | grep -o '__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=$ROVIEC_ADMIN_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/dang-nhap"
  local value
  value="$(awk '$6 == "roviec" { print $7 }' "$jar")"
  rm -f "$jar"
  [[ -n "$value" ]] || { echo "measure: $1 could not sign in" >&2; return 1; }
  echo "roviec=$value"
}

# page NAME PATH USERS...: first (cold) request per user, then wrk at each client count.
page() {
  local name="$1" path="$2"; shift 2
  local cookies=() user cookie code cold
  for user in "$@"; do
    cookie="$(sign_in "$user")"
    cookies+=("$cookie")
    read -r code cold < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$BASE$path")
    [[ "$code" == 200 ]] || { echo "measure: $path as $user answered $code" >&2; return 1; }
    printf '%-10s first view as %-14s %7.1f ms\n' "$name" "$user" "$(echo "$cold * 1000" | bc)"
  done
  for n in $CLIENTS; do
    COOKIES="${cookies[*]:0:$n}" wrk -t"$n" -c"$n" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$HERE/wrk.lua" "$BASE$path" >/dev/null 2>&1 || true
    printf '%-10s %d client(s): %s\n' "$name" "$n" \
      "$(COOKIES="${cookies[*]:0:$n}" wrk -t"$n" -c"$n" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$HERE/wrk.lua" "$BASE$path" | grep '^RESULT' | sed 's/^RESULT //')"
  done
}

# The median of 5 runs of a floor statement (EXPLAIN ANALYZE's execution time), in ms.
floor_ms() {
  local file="$1"; shift
  for _ in 1 2 3 4 5 6; do
    { echo "EXPLAIN (ANALYZE, BUFFERS)"; cat "$file"; } | psql -X -q -d "$DB" "$@" -f - | grep 'Execution Time' | grep -o '[0-9.]*'
  done | tail -n 5 | sort -n | sed -n 3p
}

users() { local prefix="$1" i; for ((i = 1; i <= max_clients; i++)); do printf '%s%d ' "$prefix" "$i"; done; }

echo "== Pages ($(nproc) cores; wrk ${SECONDS_PER_RUN} s per run after a warm-up run of the same length; milliseconds)"
start_app --RoViec:Scheduler:Enabled=false
# shellcheck disable=SC2046
page commune /bang-dieu-khien $(users bench-xa-)
# shellcheck disable=SC2046
page province /tinh $(users bench-tinh-)
page national /ca-nuoc trunguong
echo "App memory: peak $(awk '/VmHWM/ { print $2 / 1024 " MB" }' "/proc/$APP_PID/status"), now $(awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$APP_PID/status")"
stop_app

echo "== SQL floors (median of 5 EXPLAIN ANALYZE execution times after one warm-up, ms)"
read -r plan year month province < <(psql -X -At -F ' ' -d "$DB" -c "SELECT p.\"PlanId\", p.\"Year\", p.\"Number\", c.\"ProvinceId\"
  FROM \"AspNetUsers\" u JOIN \"Communes\" c ON c.\"Id\" = u.\"CommuneId\" JOIN \"ReportingPeriods\" p ON p.\"CommuneId\" = c.\"Id\"
  WHERE u.\"UserName\" = 'bench-xa-1' AND p.\"Kind\" = 'Monthly' AND p.\"State\" = 'Closed' ORDER BY p.\"Year\" DESC, p.\"Number\" DESC LIMIT 1")
tinh="$(psql -X -At -d "$DB" -c "SELECT \"ProvinceId\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'bench-tinh-1'")"
echo "commune  $(floor_ms "$HERE/floors/commune.sql" -v plan="$plan" -v month="$month")"
echo "province $(floor_ms "$HERE/floors/province.sql" -v province="$tinh" -v year="$year" -v month="$month")"
echo "national $(floor_ms "$HERE/floors/national.sql" -v year="$year" -v month="$month")"

[[ -n "${ROVIEC_BENCH_NO_TICK:-}" ]] && exit 0
echo "== Scheduler tick over the country (RoViec:Scheduler:Enabled=true, one tick per start; SQL commands logged)"
for run in first second; do
  start_app --RoViec:Scheduler:Enabled=true --RoViec:Scheduler:IntervalSeconds=3600 \
    --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information --Logging:Console:TimestampFormat="HH:mm:ss.fff "
  # The tick has ended when no command was logged for 10 s.
  last=0 quiet=0
  while ((quiet < 10)); do
    sleep 1
    now="$(grep -c 'Executed DbCommand' "$LOG" || true)"
    if [[ "$now" == "$last" ]]; then quiet=$((quiet + 1)); else quiet=0; last="$now"; fi
  done
  # From the scheduler's first command (it takes its lease) to the last command logged.
  span="$(awk '/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { split($1, a, ":"); t = a[1] * 3600 + a[2] * 60 + a[3] }
    /JobLeases/ && !start { start = t } /Executed DbCommand/ && start { last = t; n++ }
    END { printf "%.1f s, %d SQL commands", last - start, n }' "$LOG")"
  echo "tick ($run start): ${span}; $(grep -o 'Việc định kỳ: .*' "$LOG" | head -n 1)"
  stop_app
done
