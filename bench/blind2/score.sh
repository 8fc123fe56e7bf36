#!/usr/bin/env bash
# Score a khabar build on the second blind set (bench/blind2): analyse the 20 gold articles' texts (with their
# publication dates) and compare with the hand annotation. Usage: bash bench/blind2/score.sh [KHABAR_EXE] [OUT_DIR]
#   KHABAR_EXE defaults to .venv/bin/khabar of this checkout; OUT_DIR (default /tmp/khabar-blind2) keeps the
#   inputs, the predictions and the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
BLIND_GOLD=tests/data/blind2 exec bash bench/blind/score.sh "${1:-.venv/bin/khabar}" "${2:-/tmp/khabar-blind2}"
