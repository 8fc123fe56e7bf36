"""PostgreSQL write rate of analysed documents: bulk COPY (``add_many``, what Dask workers use) against one
INSERT per row (``add``), on a private server started for the run (tests/pg_server.py) or ``--dsn``.

    .venv/bin/python bench/pg_write_bench.py --limit 300 [--dsn postgresql://…] [--writers 2]

Documents are analysed first (not timed); then each method stores the same documents into a fresh database.
``--writers N`` also times N processes COPYing disjoint halves at once (the Dask ingest's write pattern).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _copy_part(args: tuple[str, list[str]]) -> int:
    from khabar.document import Document
    from khabar.store import open_store

    dsn, raw = args
    docs = [Document.from_json(j) for j in raw]
    with open_store(dsn) as st:
        return sum(st.add_many(docs[i:i + 16]) for i in range(0, len(docs), 16))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--dsn", help="an existing server (databases are created on it); default: a private one")
    ap.add_argument("--writers", type=int, default=2)
    a = ap.parse_args()

    from khabar.document import Document
    from khabar.paths import SHARED_DATA
    from khabar.pipeline import analyze
    from khabar.store import open_store

    with gzip.open(SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz", "rt", encoding="utf-8") as f:
        recs = [json.loads(line) for line in islice(f, a.limit)]
    docs = [analyze(r["text"], published=r["published"][:10], doc_id=r["id"]) for r in recs]
    raw = [d.to_json() for d in docs]

    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import TempPostgres

    server = None
    if a.dsn:
        import psycopg

        def new_db(prefix: str = "w") -> str:
            name = f"{prefix}_{time.time_ns()}"
            with psycopg.connect(a.dsn, autocommit=True) as c:
                c.execute(f"CREATE DATABASE {name}")
            return a.dsn.rsplit("/", 1)[0] + "/" + name
    else:
        server = TempPostgres().start()
        new_db = server.new_database
    rows = []
    try:
        for label, store_fn in (("INSERT per row (add)", "add"), ("bulk COPY (add_many, 16/batch)", "add_many")):
            with open_store(new_db()) as st:
                fresh = [Document.from_json(j) for j in raw]
                t0 = time.perf_counter()
                if store_fn == "add":
                    for d in fresh:
                        st.add(d)
                else:
                    for i in range(0, len(fresh), 16):
                        st.add_many(fresh[i:i + 16])
                rows.append((label, 1, time.perf_counter() - t0))
        if a.writers > 1:
            dsn = new_db()
            open_store(dsn).close()  # schema first, so the writers do not race on the migration
            parts = [(dsn, raw[i::a.writers]) for i in range(a.writers)]
            t0 = time.perf_counter()
            with mp.get_context("spawn").Pool(a.writers) as pool:
                added = sum(pool.map(_copy_part, parts))
            assert added == len(raw), added
            rows.append((f"bulk COPY, {a.writers} writers at once", a.writers, time.perf_counter() - t0))
    finally:
        if server:
            server.stop()
    n = len(docs)
    ents = sum(len(d.entities) for d in docs)
    print(f"PostgreSQL write rate, {n} analysed ANT articles ({ents} entities, "
          f"{sum(len(d.events) for d in docs)} events, {sum(len(d.times) for d in docs)} times)")
    print(f"{'method':<36} {'writers':>7} {'seconds':>8} {'docs/s':>8}")
    for label, w, secs in rows:
        print(f"{label:<36} {w:>7} {secs:>8.2f} {n / secs:>8.0f}")


if __name__ == "__main__":
    main()
