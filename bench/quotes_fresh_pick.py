"""Pick the issue-12 FRESH quotes set (speakers helper): 10 ANT v2.1 articles from categories NOT used by any blind
set (economy 3, sport 3, culture 2, technology 2), none whose id occurs anywhere in the repository.

Rule: articles whose text is 700–2500 characters and has at least two reporting constructions (a form of
قال/أكد/أوضح/أضاف/أشار/ذكر/أعلن/صرح followed within 60 characters by إن/أن, or by a colon/quotation mark), shuffled with
random.Random(1212) per category; the first k of each category are taken. The ids were fixed before any article was
read or khabar was run on it; the articles were then annotated by hand (bench/quotes_fresh.py) before the first run.

Run: .venv/bin/python bench/quotes_fresh_pick.py  (prints the ids)
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
from pathlib import Path

from khabar.paths import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
ANT = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
QUOTAS = {"economy": 3, "sport": 3, "culture": 2, "technology": 2}
_ID = re.compile(r"\b[A-Z]{2}-[a-zA-Z]+-\d+-\d{8}\b")
_REPORT = re.compile(r"(?<!\w)[وف]?(?:قال|أكد|أوضح|أضاف|أشار|ذكر|أعلن|صرح|يقول|يؤكد|يشير)\w{0,3}\b[^.\n]{0,60}?"
                     r"(?:(?<!\w)[إأ]ن|[:«\"])")


def repo_ids() -> set[str]:
    out = subprocess.run(["git", "grep", "-ohE", _ID.pattern.replace(r"\b", r"\b").replace(r"\d", "[0-9]"), "--", ":/"],
                         cwd=ROOT, capture_output=True, text=True).stdout
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout
    return set(_ID.findall(out)) | set(_ID.findall(files))


def pick() -> list[str]:
    taken = repo_ids()
    by_cat: dict[str, list[str]] = {c: [] for c in QUOTAS}
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["category"] not in QUOTAS or r["id"] in taken:
                continue
            text = r.get("text") or ""
            if 700 <= len(text) <= 2500 and len(_REPORT.findall(text)) >= 2:
                by_cat[r["category"]].append(r["id"])
    ids: list[str] = []
    for cat, k in QUOTAS.items():
        cands = sorted(by_cat[cat])
        random.Random(1212).shuffle(cands)
        ids += cands[:k]
    return ids


if __name__ == "__main__":
    print(len(repo_ids()), "ids in the repository excluded")
    for i in pick():
        print(i)
