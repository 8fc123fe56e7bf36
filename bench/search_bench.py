"""Search latency of the two store backends (SQLite FTS5, PostgreSQL tsvector/GIN) on the ANT corpus.

    .venv/bin/python bench/search_bench.py                      # all 31,525 ANT articles (analyses them once)
    .venv/bin/python bench/search_bench.py --limit 2000                        # the first 2,000 only
    .venv/bin/python bench/search_bench.py --sqlite ant.db --pg postgresql://me@localhost/khabar

1. SQLite: ``--sqlite PATH`` of an existing store (e.g. built by ``khabar ingest``) is used as it is;
   otherwise the first ``--limit`` ANT articles are ingested with the full pipeline into
   ``$TMPDIR/khabar-bench-ant-<limit>.db`` (resumable; entities are needed for the entity filters).
2. PostgreSQL: ``--pg DSN``, or a private throw-away server (initdb/pg_ctl as in the tests, shared_buffers
   512 MB instead of the stock 128 MB). Documents are copied from the SQLite store with
   ``PostgresStore.import_sqlite`` (no re-analysis) unless the PostgreSQL store already holds as many.
3. A fixed, seeded set of queries drawn from the stored documents — ``text`` (one or two title words),
   ``text+entity`` (a title word and an entity of the same article, by QID or Arabic name) and
   ``text+entity+date`` (also a 3-month window around the article's date) — runs against both backends:
   one untimed warm-up pass, then ``--repeat`` timed passes. Prints p50/p95/p99 per backend and kind.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from khabar.paths import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
ANT = SHARED_DATA / "news" / "ant-v2.1-multisource.jsonl.gz"
KINDS = ("text", "text+entity", "text+entity+date")


def percentile(sorted_ms: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, int(round(p / 100 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


def build_sqlite(path: Path, source: Path, limit: int | None, workers: int) -> None:
    """Ingest the first ``limit`` records of ``source`` into the SQLite store at ``path`` (resumable)."""
    from khabar.ingest.run import default_workers, ingest
    from khabar.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        sliced = Path(tmp) / "slice.jsonl"
        opener = gzip.open if source.name.endswith(".gz") else open
        with opener(source, "rt", encoding="utf-8") as fin, open(sliced, "w", encoding="utf-8") as fout:
            fout.writelines(itertools.islice(fin, limit))
        nworkers = workers or default_workers()
        print(f"ingesting {source.name} (limit {limit or 'all'}) into {path} with {nworkers} workers …", flush=True)
        last = [0.0]

        def progress(rep: Any) -> None:
            if time.perf_counter() - last[0] > 30:
                last[0] = time.perf_counter()
                print(f"  {rep.added} added, {rep.skipped} skipped, {len(rep.errors)} errors", flush=True)

        with open_store(path) as st:
            rep = ingest([str(sliced)], st, workers=nworkers, on_progress=progress)
        print(f"  done: {rep.added} added in {rep.seconds:.0f} s, {len(rep.errors)} errors", flush=True)


def copy_to_postgres(sqlite_path: Path, pg: Any) -> float:
    """Copy every document of the SQLite store into the PostgreSQL store; returns seconds taken."""
    t0 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r  copied {done}/{total}", end="", flush=True)

    added = pg.import_sqlite(sqlite_path, on_progress=progress)
    pg.conn.execute("VACUUM ANALYZE")  # planner statistics and visibility map (index-only scans) for fresh tables
    print(f"\n  {added} added in {time.perf_counter() - t0:.0f} s", flush=True)
    return time.perf_counter() - t0


def replicate(src: Path, k: int) -> Path:
    """A scale-test copy of a store: every analysed article ``k`` times (ids and hashes suffixed ~1…~k-1,
    search keys and entity layers copied, dates kept). Replicas carry no document JSON (search never reads
    it), which keeps the file near ``k`` times the index size instead of ``k`` times the token layer."""
    import zlib

    dst = src.with_name(f"{src.stem}-x{k}.db")
    if dst.exists():
        with sqlite3.connect(dst) as con:
            if con.execute("SELECT count(*) FROM documents").fetchone()[0] >= k * _count(src):
                return dst
        dst.unlink()
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    con = sqlite3.connect(dst, isolation_level=None)
    cols = [r[1] for r in con.execute("PRAGMA table_info(documents)")]
    top = con.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    empty = zlib.compress(b'{"text": ""}')
    for g in range(1, k):
        off = g * (top + 1)
        sel = ", ".join({"rowid": f"rowid+{off}", "id": f"id||'~{g}'", "hash": f"hash||'~{g}'", "json": "?"}.get(c, c)
                        for c in cols)
        con.execute("BEGIN")
        con.execute(f"INSERT INTO documents({', '.join(cols)}) SELECT {sel} FROM documents WHERE rowid<={top}", (empty,))
        con.execute(f"INSERT INTO documents_fts(rowid, title, body) SELECT rowid+{off}, title, body FROM documents_fts"
                    f" WHERE rowid<={top}")
        for table in ("entities", "mentions", "quotes", "events", "event_args", "times"):
            tcols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(f'"{c}"' for c in tcols)
            vals = ", ".join(f"doc+{off}" if c == "doc" else f'"{c}"' for c in tcols)
            con.execute(f"INSERT INTO {table}({names}) SELECT {vals} FROM {table} WHERE doc<={top}")
        con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()
    return dst


def _count(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])


def make_queries(sqlite_path: Path, n_per_kind: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """A reproducible query set drawn from the stored articles (same store → same queries)."""
    from khabar.store.keys import match_form

    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    docs = con.execute("SELECT rowid, title, pub_date FROM documents WHERE title IS NOT NULL"
                       " AND pub_date IS NOT NULL ORDER BY rowid").fetchall()
    ents: dict[int, list[str]] = {}
    for doc, wd, key in con.execute("SELECT doc, wikidata, name_key FROM entities ORDER BY doc, ent_id"):
        name = wd or key
        if name and len(name) > 2:
            ents.setdefault(doc, []).append(name)
    con.close()
    if not docs:
        raise SystemExit("the store holds no documents with a title and a date")

    def title_word(title: str) -> str | None:
        ws = [w for w in title.split() if len(match_form(w).strip("\"'«»:،.؟!()-")) > 3]
        return rng.choice(ws).strip("\"'«»:،.؟!()-") if ws else None

    out: list[tuple[str, dict[str, Any]]] = []
    with_ents = [d for d in docs if d[0] in ents]
    for kind in KINDS:
        pool = docs if kind == "text" else with_ents
        made = 0
        while made < n_per_kind and pool:
            rowid, title, pub = rng.choice(pool)
            word = title_word(title)
            if not word:
                continue
            args: dict[str, Any] = {"query": word}
            if kind == "text" and made % 3 == 2:  # some two-word queries
                other = title_word(title)
                if other and other != word:
                    args["query"] = f"{word} {other}"
            if kind != "text":
                args["entity"] = rng.choice(ents[rowid])
            if kind == "text+entity+date":
                try:
                    day = date.fromisoformat(pub[:10])
                except ValueError:
                    continue
                start = day - timedelta(days=rng.randint(0, 60))
                args["date_from"], args["date_to"] = start.isoformat(), (start + timedelta(days=91)).isoformat()
            out.append((kind, args))
            made += 1
    return out


def run(store: Any, queries: list[tuple[str, dict[str, Any]]], repeat: int, limit: int) -> dict[str, Any]:
    for _kind, args in queries:  # warm-up: caches, prepared statements
        store.search(limit=limit, **args)
    lat: dict[str, list[float]] = {k: [] for k in KINDS}
    hits: dict[str, list[int]] = {k: [] for k in KINDS}
    for _ in range(repeat):
        for kind, args in queries:
            t0 = time.perf_counter()
            res = store.search(limit=limit, **args)
            lat[kind].append((time.perf_counter() - t0) * 1000)
            hits[kind].append(len(res))
    return {k: {"n": len(v), "p50": percentile(sorted(v), 50), "p95": percentile(sorted(v), 95),
                "p99": percentile(sorted(v), 99), "mean": sum(v) / max(1, len(v)),
                "with_hits": sum(1 for h in hits[k] if h) / max(1, len(hits[k]))} for k, v in lat.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=ANT, help="JSONL(.gz) corpus (default: ANT v2.1, 31,525 articles)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all)")
    ap.add_argument("--sqlite", type=Path, default=None,
                    help="SQLite store to reuse as it is, or to build (default: $TMPDIR/khabar-bench-ant-<limit>.db)")
    ap.add_argument("--pg", default=None, help="PostgreSQL DSN to use (default: a private temporary server)")
    ap.add_argument("--pg-shared-buffers", default="512MB", help="shared_buffers of the temporary server")
    ap.add_argument("--workers", "-j", type=int, default=0, help="analysis processes when building (0 = all cores)")
    ap.add_argument("--queries", type=int, default=70, help="queries per kind (3 kinds)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the query set")
    ap.add_argument("--top", type=int, default=10, help="results per query")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--replicate", type=int, default=1,
                    help="scale test: search a copy holding every stored article K times (no re-analysis)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    a = ap.parse_args(argv)

    from rich.console import Console
    from rich.table import Table

    from khabar.store.sqlite import SQLiteStore

    sqlite_path = a.sqlite or Path(tempfile.gettempdir()) / f"khabar-bench-ant-{a.limit or 'all'}.db"
    if a.sqlite is not None and sqlite_path.exists():
        print(f"reusing {sqlite_path} as it is (no ingest)", flush=True)
    else:  # build, or finish an interrupted build (ingest is resumable and skips what is stored)
        build_sqlite(sqlite_path, a.source, a.limit, a.workers)
    if a.replicate > 1:
        print(f"replicating {sqlite_path} {a.replicate} times (scale test) …", flush=True)
        sqlite_path = replicate(sqlite_path, a.replicate)
    queries = make_queries(sqlite_path, a.queries, a.seed)
    backends = [b.strip() for b in a.backends.split(",") if b.strip()]
    results: dict[str, dict[str, Any]] = {}
    sizes: dict[str, int] = {}
    with SQLiteStore(sqlite_path) as st:
        sizes["sqlite"] = len(st)
        if "sqlite" in backends:
            print(f"sqlite: {sizes['sqlite']} documents; {len(queries)} queries × {a.repeat} …", flush=True)
            results["sqlite"] = run(st, queries, a.repeat, a.top)
    if "postgresql" in backends:
        server = None
        dsn = a.pg
        if not dsn:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_server import TempPostgres

            # PostgreSQL's stock shared_buffers (128 MB) is meant to be raised; the full corpus needs more.
            server = TempPostgres({"shared_buffers": a.pg_shared_buffers})
            if not server.available:
                raise SystemExit("no PostgreSQL binaries found; pass --pg DSN or run .ci/postgres.sh")
            server.start()
            dsn = server.new_database("bench")
        try:
            from khabar.store.postgres import PostgresStore

            with PostgresStore(dsn) as pg:
                if len(pg) < sizes["sqlite"]:
                    print(f"postgresql: copying {sizes['sqlite']} documents from {sqlite_path} …", flush=True)
                    copy_to_postgres(sqlite_path, pg)
                sizes["postgresql"] = len(pg)
                print(f"postgresql: {sizes['postgresql']} documents; {len(queries)} queries × {a.repeat} …", flush=True)
                results["postgresql"] = run(pg, queries, a.repeat, a.top)
        finally:
            if server is not None:
                server.stop()

    t = Table(title=f"khabar search latency (ms): {sizes.get('sqlite', 0)} documents ({sqlite_path.name}), "
                    f"{len(queries)} queries × {a.repeat} passes, top {a.top}")
    for col in ("backend", "kind", "n", "p50", "p95", "p99", "mean", "with hits"):
        t.add_column(col, justify="left" if col in ("backend", "kind") else "right")
    for backend, by_kind in results.items():
        for kind, r in by_kind.items():
            t.add_row(backend, kind, str(r["n"]), f"{r['p50']:.2f}", f"{r['p95']:.2f}", f"{r['p99']:.2f}",
                      f"{r['mean']:.2f}", f"{r['with_hits']:.0%}")
    Console().print(t)
    if a.json:
        a.json.write_text(json.dumps({"documents": sizes, "queries": len(queries), "repeat": a.repeat,
                                      "results": results}, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
