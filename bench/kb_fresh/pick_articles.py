"""Pick the fresh KB dev set (issue 13, entities found + linking) from ANT v2.1 by a fixed rule.

Rule: economy/sport/culture articles (never internationalNews/middleEast: those feed the blind sets) of 500–1,200
characters whose id appears nowhere in the repository's tracked files (demo corpus, tests/data, bench, the blind
sets included), ordered by sha1("khabar-kbfresh-2026:" + id); the first 3 of each of the five outlets (15
articles). Writes the ids to bench/kb_fresh/ids.txt. The gold files were annotated by hand before khabar ran on them.
Run: python bench/kb_fresh/pick_articles.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ANT = ROOT.parent / "shared" / "data" / "news" / "ant-v2.1-multisource.jsonl.gz"
ID_RE = re.compile(r"\b(?:AL|BB|CN|FR|SK)-[A-Za-z]+-\d+-\d{8}\b")
PER_SOURCE = 3
CATEGORIES = ("economy", "sport", "culture")


def used_ids() -> set[str]:
    """Every ANT id mentioned in tracked files (this set's own files excepted), gzipped files included."""
    seen: set[str] = set()
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in files.split():
        path = ROOT / name
        if path.parent.name == "kb_fresh" or not path.is_file():
            continue
        raw = path.read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        seen.update(ID_RE.findall(raw.decode("utf-8", "replace")))
        seen.update(ID_RE.findall(name))
    return seen


def main() -> None:
    used = used_ids()
    by_source: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["category"] not in CATEGORIES or rec["id"] in used:
                continue
            if not 500 <= len(rec["text"]) <= 1200:
                continue
            key = hashlib.sha1(("khabar-kbfresh-2026:" + rec["id"]).encode()).hexdigest()
            by_source[rec["source"]].append((key, rec["id"]))
    chosen = [i for src in sorted(by_source) for _, i in sorted(by_source[src])[:PER_SOURCE]]
    (Path(__file__).parent / "ids.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(used)} ids already used; chose {len(chosen)}")


if __name__ == "__main__":
    main()
