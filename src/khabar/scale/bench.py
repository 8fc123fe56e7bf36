"""``khabar bench scale``: batch throughput for 1, 2, … workers, scaling efficiency, the store's write rate,
and the cores a given daily volume or backfill needs at the measured per-core rate."""

from __future__ import annotations

import gzip
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from khabar.document import Document
from khabar.scale.batch import batch
from khabar.scale.engine import make_engine


def _sample(path: str | None, limit: int, into: Path) -> Path:
    from khabar.paths import SHARED_DATA

    src = Path(path) if path else SHARED_DATA / "news" / "ant-v2.1-multisource.jsonl.gz"
    opener = gzip.open if src.name.endswith(".gz") else open
    out = into / "sample.jsonl"
    with opener(src, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        for line in islice(f, limit):
            g.write(line)
    return out


def _store_write_rate(out_dir: Path, db: Path) -> float:
    """Documents/s that one SQLite writer stores (the single-writer ceiling of ``ingest``)."""
    import pyarrow.parquet as pq

    from khabar.store.sqlite import SQLiteStore

    docs = [Document.from_json(j) for f in sorted((out_dir / "documents").glob("*.parquet"))
            for j in pq.read_table(f, columns=["json"]).column("json").to_pylist()]
    with SQLiteStore(db) as store:
        t0 = time.perf_counter()
        for i in range(0, len(docs), 16):
            store.add_many(docs[i:i + 16])
        secs = time.perf_counter() - t0
    return len(docs) / max(secs, 1e-9)


def run_scale_bench(path: str | None, limit: int, worker_counts: list[int], engine: str, partition_size: int,
                    echo: Callable[[str], None]) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="khabar-scale-") as tmp:
        sample = _sample(path, limit, Path(tmp))
        last_out = None
        for w in worker_counts:
            eng = make_engine(engine, w)  # started and warmed before the clock starts
            try:
                out = Path(tmp) / f"out-{w}"
                rep = batch([sample], out, engine=eng, partition_size=partition_size)
            finally:
                eng.close()
            rows.append((w, rep))
            last_out = out
        write_rate = _store_write_rate(last_out, Path(tmp) / "w.db") if last_out else 0.0
    base = rows[0][1].documents / max(rows[0][1].seconds, 1e-9) / rows[0][0] if rows else 0.0
    echo(f"khabar bench scale: {limit} articles, engine {engine}, partitions of {partition_size}")
    echo(f"{'workers':>7} {'articles':>8} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'efficiency':>10} {'peak RSS MiB':>12}")
    for w, rep in rows:
        rate = rep.documents / max(rep.seconds, 1e-9)
        eff = rate / (base * w) if base else 0.0
        echo(f"{w:>7} {rep.documents:>8} {rep.seconds:>8.1f} {rate:>7.1f} {rep.words / max(rep.seconds, 1e-9):>8.0f} "
             f"{eff:>10.2f} {rep.peak_worker_rss_mb:>12.0f}")
    echo(f"single SQLite writer: {write_rate:.0f} documents/s (ingest stops scaling at about "
         f"{write_rate / max(base, 1e-9):.0f} workers at {base:.1f} articles/s per worker)")
    if base:
        per_day = 1_000_000 / 86_400
        echo(f"on paper at {base:.1f} articles/s per core: 1M articles/day needs {per_day / base:.0f} cores; "
             f"a 50M-article backfill needs {50_000_000 / base / 3600:,.0f} core-hours "
             f"({50_000_000 / base / 86_400 / 30:.0f} cores for 30 days)")
