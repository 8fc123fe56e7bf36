#!/usr/bin/env bash
# Score a khabar build on the blind set: analyse the 30 gold articles' texts (with their publication dates)
# and compare with the hand annotation. Usage: bash bench/blind/score.sh [KHABAR_EXE] [OUT_DIR]
#   KHABAR_EXE defaults to .venv/bin/khabar of this checkout; OUT_DIR (default /tmp/khabar-blind) keeps the
#   inputs, the predictions and the table. BLIND_GOLD (default tests/data/blind) names the gold folder, so the
#   other blind sets' score scripts call this one.
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-.venv/bin/khabar}
out=${2:-/tmp/khabar-blind}
gold=${BLIND_GOLD:-tests/data/blind}
mkdir -p "$out"
python3 - "$out/input.jsonl" "$gold"/*.json <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for path in sys.argv[2:]:
        g = json.load(open(path, encoding="utf-8"))
        f.write(json.dumps({"id": g["id"], "text": g["text"], "published": g["meta"]["published"],
                            "source": g["meta"].get("source")}, ensure_ascii=False) + "\n")
PY
"$exe" analyze "$out/input.jsonl" -f jsonl > "$out/pred.jsonl"
"$exe" eval docs "$gold"/*.json --pred "$out/pred.jsonl" | tee "$out/table.txt"
