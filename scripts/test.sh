#!/usr/bin/env bash
# Runs every test of RoViec on a machine that has only the .NET SDK: installs what the tests
# need when it is missing (Debian packages, as root), builds, checks formatting, runs each test
# project, and ends with one line "N passed, N failed, N skipped" summed over all projects.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages the tests need, as "command:package". The importer's tests need none yet;
# the web and reporting tests will add chromium, postgresql and libreoffice here.
REQUIRED=(
  "python3:python3"
)

install_missing() {
  local missing=()
  for pair in "${REQUIRED[@]}"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "Cài đặt gói cần cho kiểm thử (installing test prerequisites): ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "Cần quyền root để cài ${missing[*]} (root needed to install them)" >&2
    return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_missing || exit 1

echo "== build"
if ! dotnet build RoViec.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi

failed_checks=0
echo "== format"
if ! dotnet format RoViec.slnx --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format: có tệp chưa đúng định dạng (files not formatted; run 'dotnet format RoViec.slnx')" >&2
  failed_checks=1
fi

passed=0 failed=0 skipped=0
results="$ROOT/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  log="$results/$name.log"
  dotnet test "$project" -c Release --no-build --nologo --results-directory "$results/$name" 2>&1 | tee "$log" | grep -vE '^\s*$' | tail -n 40
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
