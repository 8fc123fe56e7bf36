"""Search cost of hostile queries (issue 15): one word repeated hundreds of times, many distinct words.

Before the fix every repeated word was a separate FTS5 term and the ranking cost rows x terms^2 (12 s for
«في» x1,000 on 305 documents). Query words are now deduplicated and capped (``keys.MAX_QUERY_TERMS``).
Each query runs once untimed, then ``--repeat`` times; the table gives the median wall and CPU milliseconds
on the given store (opened read-only, so a copy of a shared store is never written), plus the same through
the HTTP API (its ``q`` is at most 1,000 characters).

    .venv/bin/python bench/hostile_search_bench.py --db khabar-demo.db
    .venv/bin/python bench/hostile_search_bench.py --db /tmp/ant-copy.db --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from typing import Any

from khabar.store import open_store


def queries(store: Any) -> list[tuple[str, str]]:
    row = store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY rowid LIMIT 200").fetchall()
    title_words = " ".join(r[0] for r in row).split()
    distinct = list(dict.fromkeys(title_words))[:1000]
    return [
        ("«في» (1 word)", "في"),
        ("«في» x333 (the API's 1,000 chars)", "في " * 333),
        ("«في» x1,000", "في " * 1000),
        ("«في» x2,000", "في " * 2000),
        ("«الرئيس» x1,000", "الرئيس " * 1000),
        (f"{len(distinct)} distinct title words", " ".join(distinct)),
    ]


def timed(fn: Any, repeat: int) -> tuple[float, float]:
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--before", action="store_true",
                    help="also time the old query (every repeated word a term) for «في» x333, once (slow)")
    args = ap.parse_args()
    rows = []
    with open_store(args.db, read_only=True) as store:
        n = len(store)
        qs = queries(store)
        for label, q in qs:
            wall, cpu = timed(lambda q=q: store.search(q, limit=args.limit), args.repeat)
            hits = len(store.search(q, limit=args.limit))
            rows.append(("store.search", label, hits, wall, cpu))
        if args.before and store.backend == "sqlite":
            from khabar.store.keys import words

            q = "في " * 333
            old = " AND ".join(f'"{w}"' for w in words(q))  # the expression before deduplication
            w0, c0 = time.perf_counter(), time.process_time()
            hits = len(store._ranked_rows(old, [], [], args.limit))
            rows.append(("old expression (no dedup), once", "«في» x333", hits, (time.perf_counter() - w0) * 1000,
                         (time.process_time() - c0) * 1000))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        from khabar.api import create_app

        with TestClient(create_app(args.db)) as client:
            for label, q in qs:
                if len(q) > 1000:
                    continue
                wall, cpu = timed(lambda q=q: client.get("/api/search", params={"q": q, "limit": args.limit}),
                                  args.repeat)
                r = client.get("/api/search", params={"q": q, "limit": args.limit})
                rows.append((f"GET /api/search ({r.status_code})", label, r.json().get("count", "-"), wall, cpu))
    except ImportError:
        pass
    print(f"hostile search queries on {args.db} ({n:,} documents), median of {args.repeat}, limit {args.limit}")
    print("| via | query | hits | wall ms | CPU ms |")
    print("|---|---|---|---|---|")
    for via, label, hits, wall, cpu in rows:
        print(f"| {via} | {label} | {hits} | {wall:.1f} | {cpu:.1f} |")


if __name__ == "__main__":
    main()
