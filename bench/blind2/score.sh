#!/usr/bin/env bash
# Score a khabar build on the second blind set (bench/blind2): analyse the 20 gold articles' texts (with their publication dates)
# and compare with the hand annotation. Usage: bash bench/blind2/score.sh [KHABAR_EXE] [OUT_DIR]
#   KHABAR_EXE defaults to .venv/bin/khabar of this checkout; OUT_DIR (default /tmp/khabar-blind2) keeps the
#   inputs, the predictions and the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-.venv/bin/khabar}
out=${2:-/tmp/khabar-blind2}
mkdir -p "$out"
python3 - "$out/input.jsonl" tests/data/blind2/*.json <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for path in sys.argv[2:]:
        g = json.load(open(path, encoding="utf-8"))
        f.write(json.dumps({"id": g["id"], "text": g["text"], "published": g["meta"]["published"],
                            "source": g["meta"].get("source")}, ensure_ascii=False) + "\n")
PY
"$exe" analyze "$out/input.jsonl" -f jsonl > "$out/pred.jsonl"
"$exe" eval docs tests/data/blind2/*.json --pred "$out/pred.jsonl" | tee "$out/table.txt"
