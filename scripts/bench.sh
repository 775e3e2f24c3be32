#!/usr/bin/env bash
# ./roviec bench            BenchmarkDotNet: warm import of the sample documents (mean, allocations)
# ./roviec bench batch [N]  whole-process batch: N documents (default 1000) in a folder, wall time and max RSS
# ./roviec bench startup    whole-process single import, 10 runs, wall time and max RSS
# ./roviec bench national [--communes N] [--seed S] [--measure]   the synthetic country on PostgreSQL (bench/national)
# ./roviec bench uploads [N] [MB]   N evidence uploads of MB megabytes at once to a demo server; its memory before and after
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="$1"; shift
case "${1:-}" in
  national)
    shift
    exec "$ROOT/scripts/bench-national.sh" "$@"
    ;;
  uploads)
    n="${2:-60}" mb="${3:-9}"
    dir="$(mktemp -d)"
    port=5097 password="Bench-uploads-$RANDOM-pass"
    ROVIEC_ADMIN_PASSWORD="$password" dotnet "$ROOT/artifacts/web/RoViec.Web.dll" --contentRoot "$ROOT/artifacts/web" --environment Demo \
      --urls "http://127.0.0.1:$port" --DataDirectory "$dir" --RoViec:Demo:History=true --RoViec:SignIn:PerMinute=1000 >"$dir/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; grep -A3 "fail:" "$dir/server.log" | head -20; rm -rf "$dir"' EXIT
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 1; done
    echo "Demo server (pid $server) on $(nproc) cores, files in $dir/files"
    python3 "$ROOT/bench/uploads/measure.py" "http://127.0.0.1:$port" "$password" "$server" "$n" "$mb"
    echo "kept in the file store: $(find "$dir/files" -type f -not -path '*/.dang-ghi/*' | wc -l) files, $(du -sh "$dir/files" | cut -f1)"
    ;;
  batch)
    n="${2:-1000}"
    dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
    samples=("$ROOT"/tests/fixtures/seeds/*.txt "$ROOT"/tests/fixtures/docx/*.docx)
    for ((i = 0; i < n; i++)); do
      src="${samples[$((i % ${#samples[@]}))]}"
      [[ -f "$src" ]] || src="$ROOT/tests/fixtures/seeds/dien-chau-ctr-2026.txt"
      cp "$src" "$dir/doc-$i.${src##*.}"
    done
    echo "Batch: $n documents ($(du -sh "$dir" | cut -f1)) on $(nproc) cores"
    /usr/bin/time -f "wall %e s, max RSS %M KB" "$CLI" import "$dir" --json --out "$dir/out" | tail -n 1
    ;;
  startup)
    doc="$ROOT/tests/fixtures/seeds/dien-chau-ctr-2026.txt"
    echo "Single import of $(basename "$doc") ($(du -k "$doc" | cut -f1) KB), 10 runs:"
    for _ in 1 2 3 4 5 6 7 8 9 10; do /usr/bin/time -f "%e s %M KB" "$CLI" import "$doc" --json >/dev/null; done 2>&1
    ;;
  *)
    exec dotnet run -c Release --project "$ROOT/bench/RoViec.Benchmarks" -- "${@:---filter=*}"
    ;;
esac
