"""Latency of the analyst views on a store: the entity page and search with facets (issue 14's bars:
entity page for Donald Trump p95 ≤ 300 ms, search with facets p95 ≤ 100 ms), and the ترمب/ترامب recall.

    .venv/bin/python bench/analyst_bench.py --db ant.db [--entity Q22686] [--queries 200] [--repeat 3]

Facets are not remembered between calls here (``FACET_CACHE = 0``): every search counts them afresh.
Measured through the HTTP API in-process (FastAPI's TestClient: routing, the store call and the JSON reply,
no network) and at the store (``store.entity`` / ``store.search_page``). Queries: a seeded sample of words
from stored titles (one or two words) plus a few names, each run with facets and limit 20; one untimed
warm-up pass, then ``--repeat`` timed passes. Opening the store migrates it to this version's schema (a copy
is safer for a store you share). Wall-clock times on a shared machine are noisy; the CPU columns (process
time of this process, all threads) are what the call itself cost.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings
from typing import Any

NAMES = ("ترامب", "ترمب", "بوتين", "السعودية", "الأمم المتحدة", "إيران", "خاشقجي", "كوريا الشمالية")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1))
    return xs[k]


def timed(fn: Any, args: list[Any], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds (this process, all threads) of each call."""
    for a in args:  # warm-up: caches, page cache, KB load
        fn(a)
    wall, cpu = [], []
    for _ in range(repeat):
        for a in args:
            t0, c0 = time.perf_counter(), time.process_time()
            fn(a)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="store path (SQLite) or postgresql:// URL")
    ap.add_argument("--entity", default="Q22686", help="entity page to time (QID or store key)")
    ap.add_argument("--queries", type=int, default=200, help="search queries drawn from titles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from rich.console import Console
    from rich.table import Table

    import khabar.store.base as store_base
    from khabar.api import create_app
    from khabar.store import open_store

    store_base.FACET_CACHE = 0  # every search counts its facets afresh (no remembered result)

    store = open_store(a.db)
    rng = random.Random(a.seed)
    titles = [r[0] for r in store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY rowid")]
    words = sorted({w for t in titles for w in t.split() if len(w) > 3 and w.isalpha()})
    queries = [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(a.queries)] + list(NAMES)
    n_docs = len(store)

    client = TestClient(create_app(a.db))
    rows: list[tuple[str, tuple[list[float], list[float]], str]] = []

    def api_entity(_: Any) -> None:
        r = client.get(f"/api/entities/{a.entity}")
        assert r.status_code == 200, r.text[:200]

    def api_search(q: str) -> None:
        r = client.get("/api/search", params={"q": q, "limit": 20})
        assert r.status_code == 200, r.text[:200]

    page = store.entity(a.entity)
    if page is None:
        raise SystemExit(f"{a.entity}: not in the store")
    reps = max(1, a.repeat) * 10
    rows.append((f"entity page {a.entity}, API", timed(api_entity, [None], reps), "≤ 300"))
    rows.append((f"entity page {a.entity}, store", timed(lambda _: store.entity(a.entity), [None], reps), ""))
    rows.append(("search with facets, API", timed(api_search, queries, a.repeat), "≤ 100"))
    rows.append(("search with facets, store",
                 timed(lambda q: store.search_page(q, limit=20), queries, a.repeat), ""))
    rows.append(("search without facets, store",
                 timed(lambda q: store.search_page(q, limit=20, facets=False), queries, a.repeat), ""))

    t = Table(title=f"analyst views on {a.db}: {n_docs:,} documents; {len(queries)} queries × {a.repeat}")
    for col in ("what", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms", "CPU p50", "CPU p95", "bar"):
        t.add_column(col, justify="right" if col not in ("what", "bar") else "left")
    for name, (xs, cs), bar in rows:
        t.add_row(name, str(len(xs)), f"{pct(xs, 50):.1f}", f"{pct(xs, 95):.1f}", f"{pct(xs, 99):.1f}",
                  f"{statistics.fmean(xs):.1f}", f"{pct(cs, 50):.1f}", f"{pct(cs, 95):.1f}", bar)
    con = Console(width=150)
    con.print(t)
    c = page["counts"]
    con.print(f"{a.entity}: {c['documents']:,} documents, {c['mentions']:,} mentions, {c['quotes']:,} quotes, "
              f"{c['events_as_actor']:,}/{c['events_as_recipient']:,} events as actor/recipient")
    # Spelling variants: documents ترمب finds among those ترامب finds (both with the KB expansion), and
    # without it (the words as written).
    from khabar.store.keys import fts_query

    def docs(q: str) -> set[str]:
        return {h.id for h in store.search_page(q, limit=100_000, facets=False)["hits"]}

    def literal(q: str) -> set[str]:
        if store.backend != "sqlite":
            return set()
        return {r[0] for r in store.conn.execute(
            "SELECT d.id FROM documents d WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            (fts_query(q),))}

    a_docs, b_docs = docs("ترامب"), docs("ترمب")
    la, lb = literal("ترامب"), literal("ترمب")
    share = len(b_docs & a_docs) / max(1, len(a_docs))
    con.print(f"ترامب finds {len(a_docs):,} documents, ترمب {len(b_docs):,}; ترمب finds {share:.1%} of the ترامب "
              f"documents (bar ≥ 90 %)" + (f"; without the KB expansion: ترامب {len(la):,}, ترمب {len(lb):,} "
                                             f"({len(lb & la) / max(1, len(la)):.1%})" if la else ""))
    store.close()


if __name__ == "__main__":
    main()
