"""300 non-blind ANT v2.1 news articles for the trigger-coverage count (issue 11, helper "coverage").

Rule: categories middleEast / internationalNews / politics (where PLOVER events live), minus every id of a blind set
(bench/blind*/ids.txt, tests/data/blind*/) and of any tests/data set, ordered by sha1(id); the first 300.

    .venv/bin/python bench/coverage_sample.py > /tmp/sample.jsonl     # {id, text, published} records
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANT = ROOT.parent / "shared" / "data" / "news" / "ant-v2.1-multisource.jsonl.gz"
CATS = ("middleEast", "internationalNews", "politics")


def excluded() -> set[str]:
    out: set[str] = set()
    for f in (ROOT / "bench").glob("blind*/ids.txt"):
        out |= {x.strip() for x in f.read_text(encoding="utf-8").split() if x.strip()}
    for f in (ROOT / "tests" / "data").rglob("*"):
        if f.is_file():
            out.add(f.name.split(".")[0])
    return out


def sample(n: int = 300) -> list[dict[str, str]]:
    skip = excluded()
    rows = []
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in skip or d.get("category") not in CATS or not d.get("text"):
                continue
            rows.append(d)
    rows.sort(key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
    return [{"id": d["id"], "text": d["text"], "published": d["published"][:10]} for d in rows[:n]]


if __name__ == "__main__":
    for r in sample(int(sys.argv[1]) if len(sys.argv) > 1 else 300):
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
