#!/usr/bin/env bash
# ./roviec bench national [--communes N] [--seed S]   generate the synthetic country on PostgreSQL (bench/national/README.md)
# ./roviec bench national --measure [--clients "1 8"] [--seconds S]   serve it and measure the pages against their SQL floor
# ./roviec bench national --submit N [--concurrency C]   N report submissions by N reporters, C at a time (default 16)
# --no-tick   with --measure: the pages, floors and memory only, without the scheduler tick
# --db NAME   another database than roviec_national (e.g. a small one for trials beside the full one)
# The server: $ROVIEC_BENCH_PG (an Npgsql connection string without Database), else a throw-away one from scripts/pg.sh,
# left running for --measure (stop it with `ROVIEC_PG_STATE=artifacts/pg-national.state scripts/pg.sh stop`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/bench/national"
DB=roviec_national
STATE_FILE="$ROOT/artifacts/national.server"
export ROVIEC_PG_STATE="$ROOT/artifacts/pg-national.state"
export ROVIEC_ADMIN_PASSWORD="${ROVIEC_ADMIN_PASSWORD:-Bench-password-2026}"
communes=3300 seed=1 measure="" submit="" concurrency=16 clients="1 8" seconds=20 port=5399
while [[ $# -gt 0 ]]; do
  case "$1" in
    --communes) communes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --measure) measure=1; shift ;;
    --no-tick) export ROVIEC_BENCH_NO_TICK=1; shift ;;
    --submit) submit="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    *) echo "bench national: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bench national: --db takes a plain name (a-z, 0-9, _)" >&2; exit 2; }
[[ "$communes" =~ ^[0-9]+$ && "$communes" -ge 1 && "$seed" =~ ^-?[0-9]+$ ]] || { echo "bench national: --communes N (>= 1), --seed S (an integer)" >&2; exit 2; }

# The server's connection string, without Database.
server() {
  if [[ -n "${ROVIEC_BENCH_PG:-}" ]]; then echo "${ROVIEC_BENCH_PG%;}"; return; fi
  if [[ -f "$STATE_FILE" && -f "$ROVIEC_PG_STATE" ]]; then cat "$STATE_FILE"; return; fi
  local cs
  cs="$("$ROOT/scripts/pg.sh" start)"
  cs="${cs%;Database=*}"
  echo "$cs" >"$STATE_FILE"
  echo "$cs"
}

# psql's environment from an Npgsql connection string.
psql_env() {
  local part key value
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    key="${part%%=*}"; value="${part#*=}"
    case "${key,,}" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|user\ id|userid|user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
    esac
  done
}

# Starts the published app on the national database; waits for /health. Extra arguments go to the app.
APP_PID=""
start_app() {
  local cs="$1"; shift
  ( exec dotnet "$ROOT/artifacts/web/RoViec.Web.dll" --contentRoot "$ROOT/artifacts/web" --environment Demo --urls "http://127.0.0.1:$port" \
      --ConnectionStrings:RoViec "$cs;Database=$DB" --RoViec:SignIn:PerMinute=1000000 "$@" >"$ROOT/artifacts/national-app.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$ROOT/artifacts/national-app.log" >&2; return 1; }
    sleep 1
  done
  echo "bench national: the app did not answer /health" >&2
  return 1
}
stop_app() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  APP_PID=""
}
trap stop_app EXIT

cs="$(server)"
psql_env "$cs"

if [[ -n "$submit" ]]; then
  [[ "$submit" =~ ^[0-9]+$ && "$concurrency" =~ ^[0-9]+$ ]] || { echo "bench national: --submit N --concurrency C" >&2; exit 2; }
  exec "$DIR/submit.sh" "$cs" "$DB" "$port" "$submit" "$concurrency"
fi
if [[ -n "$measure" ]]; then
  exec "$DIR/measure.sh" "$cs" "$DB" "$port" "$clients" "$seconds"
fi

echo "Máy chủ (server): $cs; cơ sở dữ liệu (database) $DB; $communes xã (communes), seed $seed"
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
start=$(date +%s.%N)
# The schema by the app's own migrations, and the demo commune with its year (the template every commune copies).
start_app "$cs" --RoViec:Scheduler:Enabled=false --RoViec:Demo:History=true
stop_app
seeded=$(date +%s.%N)
printf 'Lược đồ và xã mẫu (schema and demo commune, by the app): %.1f s\n' "$(echo "$seeded - $start" | bc)"
( cd "$DIR" && psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v seed="$seed" -v communes="$communes" \
    -f 01-country.sql -f 02-clone.sql -f 03-reports.sql -f 04-summaries.sql -f 05-users.sql ) >"$ROOT/artifacts/national-sql.log" 2>&1 ||
  { tail -n 30 "$ROOT/artifacts/national-sql.log" >&2; exit 1; }
done_at=$(date +%s.%N)
printf 'Sinh dữ liệu bằng SQL (generation by SQL, with ANALYZE): %.1f s; tổng (total) %.1f s\n' \
  "$(echo "$done_at - $seeded" | bc)" "$(echo "$done_at - $start" | bc)"
psql -X -d "$DB" -c 'SELECT (SELECT count(*) FROM "Provinces") AS provinces, (SELECT count(*) FROM "Communes") AS communes,
  (SELECT count(*) FROM "Units") AS units, (SELECT count(*) FROM "PlanTasks") AS tasks, (SELECT count(*) FROM "Indicators") AS indicators,
  (SELECT count(*) FROM "Reports") AS reports, (SELECT count(*) FROM "ReportItems") AS report_lines,
  (SELECT count(*) FROM "ReportCorrections") AS corrections, (SELECT count(*) FROM "CommunePeriodSummaries") AS summaries,
  pg_size_pretty(pg_database_size(current_database())) AS size'
