"""The bundled demo corpus: a deterministic sample of the Apache-2.0 ANT v2.1 corpus plus the seed article.

Build (from the repository root, with ../shared beside it)::

    python -m khabar.ingest.demo            # writes src/khabar/data/demo/demo.jsonl.gz

The sample takes the same number of articles from every (source, category) cell, choosing inside a cell
by a hash of the article id, so the result is the same on every machine.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from khabar.paths import shared_dir
from khabar.resources import data_file

DEMO_FILE = "demo.jsonl.gz"
DEFAULT_SHARED = shared_dir()
KEEP = ("id", "url", "source", "category", "title", "published", "author", "text")


def demo_path() -> Path:
    """Path of the bundled demo corpus (JSONL.gz of {id, text, published, source, …} records)."""
    return data_file("demo", DEMO_FILE)


def _key(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()


def sample(records: list[dict[str, Any]], n: int, min_chars: int = 300, max_chars: int = 6000) -> list[dict[str, Any]]:
    """``n`` articles spread evenly over (source, category) cells, deterministic."""
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        text = r.get("text") or ""
        if min_chars <= len(text) <= max_chars:
            cells[(str(r.get("source")), str(r.get("category")))].append(r)
    for rs in cells.values():
        rs.sort(key=lambda r: _key(str(r["id"])))
    picked: list[dict[str, Any]] = []
    depth = 0
    keys = sorted(cells)
    while len(picked) < n and any(depth < len(cells[k]) for k in keys):
        for k in keys:
            if depth < len(cells[k]) and len(picked) < n:
                picked.append(cells[k][depth])
        depth += 1
    picked.sort(key=lambda r: (str(r.get("published")), str(r["id"])))
    return picked


def seed_record(shared: Path) -> dict[str, Any]:
    text = (shared / "seed" / "article.txt").read_text("utf-8")
    meta = json.loads((shared / "seed" / "gold.json").read_text("utf-8")).get("meta", {})
    rec = {"id": "seed-article", "text": text}
    rec.update({k: meta[k] for k in ("title", "source", "published") if k in meta})
    return rec


def build(shared: Path = DEFAULT_SHARED, out: Path | None = None, n: int = 300, with_seed: bool = True) -> Path:
    src = shared / "data" / "news" / "ant-v2.1-multisource.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    picked = [{k: r[k] for k in KEEP if k in r} for r in sample(records, n)]
    if with_seed:
        picked.append(seed_record(shared))
    out = out or data_file("demo", DEMO_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    # mtime=0 and a fixed order: the same bytes on every rebuild.
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        for r in picked:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    out.write_bytes(buf.getvalue())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("-n", type=int, default=300, help="number of ANT articles")
    ap.add_argument("--no-seed", action="store_true", help="leave the seed article out")
    args = ap.parse_args()
    path = build(args.shared, args.out, args.n, not args.no_seed)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
