#!/usr/bin/env bash
# Scores the importer on the sample documents with the evaluation scorer:
#   ./roviec score [--scorer PATH/score.py] [--seeds DIR] [-v]
# The seeds folder holds NAME.txt (or .docx/.xlsx/.pdf) next to NAME.gold.json.
set -euo pipefail
CLI="$1"; shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCORER="$ROOT/../shared/eval/score.py"
SEEDS="$ROOT/tests/fixtures/seeds"
VERBOSE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scorer) SCORER="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    -v) VERBOSE="-v"; shift ;;
    *) echo "Tham số không hợp lệ: $1 (unknown option)" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$SCORER" ]]; then
  echo "Không tìm thấy bộ chấm điểm $SCORER (scorer not found); pass --scorer PATH" >&2
  exit 2
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gold" "$work/pred"
for gold in "$SEEDS"/*.gold.json; do
  name="$(basename "$gold" .gold.json)"
  doc=""
  for ext in txt docx xlsx pdf; do [[ -f "$SEEDS/$name.$ext" ]] && { doc="$SEEDS/$name.$ext"; break; }; done
  [[ -n "$doc" ]] || continue
  cp "$gold" "$work/gold/$name.json"
  "$CLI" import "$doc" --json >"$work/pred/$name.json" || true
done
python3 "$SCORER" --pairs "$work/gold" "$work/pred" $VERBOSE
