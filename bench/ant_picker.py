"""The fixed rule behind the pickers of the hand-annotated ANT sets (bench/blind/, bench/blind2/, bench/kb_fresh/).

Articles of the given categories and length whose id appears nowhere in the repository's tracked files (the set's
own files excepted; gzipped files read too), ordered by sha1(salt + id); the first ``per_source`` of each outlet.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "news" / "ant-v2.1-multisource.jsonl.gz"
ID_RE = re.compile(r"\b(?:AL|BB|CN|FR|SK)-[A-Za-z]+-\d+-\d{8}\b")


def used_ids(own: Callable[[Path], bool]) -> set[str]:
    """Every ANT id named in a tracked file or its path, except in the files ``own`` claims for the set."""
    seen: set[str] = set()
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in files.split():
        path = ROOT / name
        if own(path) or not path.is_file():
            continue
        raw = path.read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        seen.update(ID_RE.findall(raw.decode("utf-8", "replace")))
        seen.update(ID_RE.findall(name))
    return seen


def pick(*, categories: Iterable[str], chars: tuple[int, int], salt: str, per_source: int,
         used: set[str]) -> list[str]:
    """The chosen ids, outlet by outlet (outlets in name order)."""
    wanted = frozenset(categories)
    by_source: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["category"] not in wanted or rec["id"] in used:
                continue
            if not chars[0] <= len(rec["text"]) <= chars[1]:
                continue
            key = hashlib.sha1((salt + rec["id"]).encode()).hexdigest()
            by_source[rec["source"]].append((key, rec["id"]))
    return [i for src in sorted(by_source) for _, i in sorted(by_source[src])[:per_source]]


def write_ids(folder: Path, chosen: list[str], used: set[str]) -> None:
    (folder / "ids.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(used)} ids already used; chose {len(chosen)}")
