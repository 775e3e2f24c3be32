#!/usr/bin/env bash
# Report submissions with many concurrent reporters (called by `./roviec bench national --submit N`): N December
# drafts of N different communes' units each get a reporter account (the demo reporter's password hash), each reporter
# signs in and opens its report (form token and version), then the submissions are posted through the app's own form
# (POST /bao-cao/{id}?handler=Submit) by submit.py, CONCURRENCY at a time, each once: first a warm-up batch (a
# quarter, at most 200; the process's first submissions compile the code they run), then the measured batch. Reported
# for the measured batch: submissions per second, latency, the app's and PostgreSQL's CPU per submission (from /proc),
# and how many reports the database shows as sent.
# Arguments: connection string (no Database), database, port, N, concurrency.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CS="$1" DB="$2" PORT="$3" N="$4" CONCURRENCY="$5"
BASE="http://127.0.0.1:$PORT"
LOG="$ROOT/artifacts/national-submit-app.log"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# The reporters: one per draft, spread over the communes (the k-th commune's first drafts), password of `congan`.
psql -X -q -At -F $'\t' -d "$DB" -v ON_ERROR_STOP=1 -v n="$N" >"$WORK/reporters.tsv" <<'SQL'
DELETE FROM "AspNetUserRoles" WHERE "UserId" IN (SELECT "Id" FROM "AspNetUsers" WHERE "UserName" LIKE 'bench-bc-%');
DELETE FROM "AspNetUsers" WHERE "UserName" LIKE 'bench-bc-%';
CREATE TEMP TABLE drafts AS
SELECT r."Id" AS report, r."UnitId" AS unit, r."CommuneId" AS commune, c."ProvinceId" AS province,
       row_number() OVER (ORDER BY r."Id") AS k
FROM "Reports" r JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId" JOIN "Communes" c ON c."Id" = r."CommuneId"
WHERE r."State" = 'Draft' AND p."State" = 'Open' AND p."Kind" = 'Monthly' AND c."Name" LIKE '% Mẫu %'
ORDER BY r."Id" LIMIT :n;
INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "EmailConfirmed", "PasswordHash", "SecurityStamp",
  "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "CreatedAtUtc",
  "CommuneId", "ProvinceId", "UnitId", "FullName")
SELECT md5('bench-bc-' || d.k)::uuid, 'bench-bc-' || d.k, upper('bench-bc-' || d.k), true, s."PasswordHash", s."SecurityStamp",
  d.k::text, false, false, true, 0, s."CreatedAtUtc", d.commune, d.province, d.unit, 'Cán bộ báo cáo ' || d.k
FROM drafts d JOIN "AspNetUsers" s ON s."UserName" = 'congan';
INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
SELECT md5('bench-bc-' || d.k)::uuid, r."Id" FROM drafts d JOIN "AspNetRoles" r ON r."Name" = 'UnitReporter';
SELECT 'bench-bc-' || k, report FROM drafts ORDER BY k;
SQL
n_found="$(wc -l <"$WORK/reporters.tsv")"
echo "Reporters and December drafts: $n_found"

( exec dotnet "$ROOT/artifacts/web/RoViec.Web.dll" --contentRoot "$ROOT/artifacts/web" --environment Demo --urls "$BASE" \
    --ConnectionStrings:RoViec "$CS;Database=$DB" --RoViec:RequireTwoFactor=false --RoViec:Scheduler:Enabled=false --RoViec:SignIn:PerMinute=1000000 >"$LOG" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done

# Each reporter signs in and opens its report: the form's token and the report's version, kept for the POST.
prepare() {
  local user="$1" report="$2" jar="$WORK/$1.jar" token page version
  token="$(curl -s -c "$jar" -b "$jar" "$BASE/dang-nhap" | grep -o '__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$user" --data-urlencode "Password=$ROVIEC_ADMIN_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/dang-nhap"
  page="$(curl -s -c "$jar" -b "$jar" "$BASE/bao-cao/$report")"
  token="$(grep -o '__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  version="$(grep -o 'name="version" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  printf '%s\t%s\t%s\t%s\n' "$jar" "$report" "$token" "$version" >"$WORK/$user.ready"
}
export -f prepare
export BASE WORK ROVIEC_ADMIN_PASSWORD
t0=$(date +%s.%N)
tr '\t' ' ' <"$WORK/reporters.tsv" | xargs -P 4 -n 2 bash -c 'prepare "$0" "$1"'
echo "Sessions prepared in $(echo "$(date +%s.%N) - $t0" | bc) s"
cat "$WORK"/*.ready >"$WORK/ready.tsv"

# The Cookie header of each session from its cookie jar (the antiforgery cookie and the sign-in cookie).
while IFS=$'\t' read -r jar report token version; do
  cookie="$(awk -F '\t' 'NF == 7 && $1 !~ /^# / { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
  printf '%s\t%s\t%s\t%s\n' "$cookie" "$report" "$token" "$version"
done <"$WORK/ready.tsv" >"$WORK/posts.tsv"
total="$(wc -l <"$WORK/posts.tsv")"
warm=$((total / 4)); [[ $warm -gt 200 ]] && warm=200
head -n "$warm" "$WORK/posts.tsv" >"$WORK/warm.tsv"
tail -n +"$((warm + 1))" "$WORK/posts.tsv" >"$WORK/measured.tsv"
measured="$(wc -l <"$WORK/measured.tsv")"

# CONCURRENCY reporters, each on a kept-alive connection, each submission posted once (submit.py).
post() { python3 "$HERE/submit.py" "$BASE" "$1" "$CONCURRENCY"; }
sent_since() {
  psql -X -At -d "$DB" -c "SELECT count(*) FROM \"Reports\" r JOIN \"AspNetUsers\" u ON u.\"UnitId\" = r.\"UnitId\"
    WHERE u.\"UserName\" LIKE 'bench-bc-%' AND r.\"State\" IN ('Submitted', 'AwaitingApproval') AND r.\"SubmittedBy\" IS NOT NULL"
}
echo "Warm-up: $warm submissions: $(post "$WORK/warm.tsv")"
before="$(sent_since)"

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() {
  local master total=0 p
  master="$(head -n 1 "$PGDATA_DIR/postmaster.pid")"
  for p in $master $(pgrep -P "$master"); do total=$((total + $(cpu "$p"))); done
  echo "$total"
}
PGDATA_DIR="${ROVIEC_BENCH_PGDATA:-}"
[[ -n "$PGDATA_DIR" ]] || { source "$ROOT/artifacts/pg-national.state" 2>/dev/null && PGDATA_DIR="$DIR/data"; }
hz=$(getconf CLK_TCK)
app0=$(cpu "$APP_PID"); pg0=$(pg_cpu 2>/dev/null || echo 0)
t0=$(date +%s.%N)
result="$(post "$WORK/measured.tsv")"
t1=$(date +%s.%N)
app1=$(cpu "$APP_PID"); pg1=$(pg_cpu 2>/dev/null || echo 0)
wall=$(echo "$t1 - $t0" | bc)
sent=$(($(sent_since) - before))
echo "Measured batch: $result"
printf 'Submissions: %d posted, %d sent (database), %.1f s, %.1f per second at %d concurrent reporters\n' \
  "$measured" "$sent" "$wall" "$(echo "$sent / $wall" | bc -l)" "$CONCURRENCY"
printf 'CPU per sent submission: app %.2f ms, PostgreSQL %.2f ms\n' \
  "$(echo "($app1 - $app0) * 1000 / $hz / ($sent + 0.0001)" | bc -l)" "$(echo "($pg1 - $pg0) * 1000 / $hz / ($sent + 0.0001)" | bc -l)"
