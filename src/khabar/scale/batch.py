"""``khabar batch``: analyse inputs partition by partition into Parquet tables, on any engine, resumably.

Workers write their partition's tables themselves (to a shared directory), each file under a temporary name
renamed into place, and the partition's manifest last; a partition whose manifest exists is done and is
skipped on a rerun, so a killed job continues where it stopped and never writes a partition twice.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.ingest.readers import DEFAULT_MAX_BYTES
from khabar.scale.engine import Engine, make_engine, rss_mb
from khabar.scale.partitions import Partition, partitions, read_inputs

MANIFEST_DIR = "_partitions"


@dataclass(slots=True)
class PartitionResult:
    partition: str
    documents: int = 0
    words: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows per table
    errors: list[tuple[str, str]] = field(default_factory=list)  # (origin, message)
    seconds: float = 0.0
    worker_rss_mb: float = 0.0
    worker_pid: int = 0
    skipped: bool = False


@dataclass(slots=True)
class BatchTask:
    partition: Partition
    out_dir: str
    published: str | None = None


def _write_atomic(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def analyse_partition(task: BatchTask) -> PartitionResult:
    """Analyse one partition and write its Parquet files (runs on a worker)."""
    from khabar.ingest.run import analyse_record
    from khabar.scale.tables import TABLES, tables_for

    part = task.partition
    out = Path(task.out_dir)
    manifest = out / MANIFEST_DIR / f"{part.id}.json"
    if manifest.exists():
        return PartitionResult(part.id, skipped=True, worker_pid=os.getpid())
    t0 = time.perf_counter()
    res = PartitionResult(part.id, errors=[(e.origin, e.message) for e in part.errors], worker_pid=os.getpid())
    docs = []
    for rec in part.records:
        try:
            docs.append(analyse_record(rec, task.published))
        except Exception as err:  # one bad article never kills the job
            res.errors.append((rec.origin or rec.id, f"analysis failed: {type(err).__name__}: {err}"))
    tables = tables_for(docs)
    for name in TABLES:
        (out / name).mkdir(parents=True, exist_ok=True)
        _write_atomic(tables[name], out / name / f"part-{part.id}.parquet")
    res.documents = len(docs)
    res.words = sum(int(w) for w in tables["documents"].column("words").to_pylist())
    res.counts = {name: tables[name].num_rows for name in TABLES}
    res.seconds = time.perf_counter() - t0
    res.worker_rss_mb = rss_mb()
    manifest.parent.mkdir(parents=True, exist_ok=True)
    tmp = manifest.with_name(f".{manifest.name}.tmp")
    tmp.write_text(json.dumps({"partition": part.id, "documents": res.documents, "counts": res.counts,
                               "errors": res.errors}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, manifest)
    return res


@dataclass(slots=True)
class BatchReport:
    partitions: int = 0
    done: int = 0
    skipped: int = 0
    documents: int = 0
    words: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    startup_seconds: float = 0.0
    peak_worker_rss_mb: float = 0.0
    workers: int = 0
    worker_pids: set[int] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        secs = max(self.seconds, 1e-9)
        return {
            "partitions": self.partitions, "done": self.done, "skipped": self.skipped,
            "documents": self.documents, "words": self.words, "rows": self.rows, "workers": self.workers,
            "seconds": round(self.seconds, 2), "startup_seconds": round(self.startup_seconds, 2),
            "articles_per_s": round(self.documents / secs, 2),
            "words_per_s": round(self.words / secs), "peak_worker_rss_mb": round(self.peak_worker_rss_mb, 1),
            "errors": [{"input": o, "message": m} for o, m in self.errors],
        }


def write_schema(out: Path) -> None:
    from khabar.scale.tables import SCHEMA_VERSION, SCHEMAS

    out.mkdir(parents=True, exist_ok=True)
    (out / "_schema.json").write_text(json.dumps({
        "format": "khabar-batch", "version": SCHEMA_VERSION,
        "tables": {name: [[f.name, str(f.type)] for f in schema] for name, schema in SCHEMAS.items()},
    }, indent=1), encoding="utf-8")


def batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    engine: str | Engine = "local",
    workers: int = 1,
    scheduler: str | None = None,
    partition_size: int = 64,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[BatchReport], None] | None = None,
) -> BatchReport:
    """Analyse every record of ``inputs`` into Parquet tables under ``out_dir``; returns a report.

    ``engine`` is a name (``local``/``dask``, started and closed here) or an engine the caller owns."""
    out = Path(out_dir)
    write_schema(out)
    report = BatchReport()
    t0 = time.perf_counter()
    done_dir = out / MANIFEST_DIR

    def tasks() -> Iterable[BatchTask]:
        for part in partitions(read_inputs(inputs, max_bytes), partition_size):
            report.partitions += 1
            if (done_dir / f"{part.id}.json").exists():  # finished on an earlier run
                report.skipped += 1
                continue
            yield BatchTask(part, str(out), published)

    owned = isinstance(engine, str)
    eng = make_engine(engine, workers, scheduler) if isinstance(engine, str) else engine
    report.workers = eng.workers
    report.startup_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()  # throughput counts analysis, not starting the cluster
    try:
        for res in eng.map_ordered(analyse_partition, tasks()):
            if res.skipped:
                report.skipped += 1
            else:
                report.done += 1
                report.documents += res.documents
                report.words += res.words
                for k, v in res.counts.items():
                    report.rows[k] = report.rows.get(k, 0) + v
                report.errors.extend(res.errors)
                report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, res.worker_rss_mb)
                report.worker_pids.add(res.worker_pid)
            report.seconds = time.perf_counter() - t0
            if on_progress:
                on_progress(report)
    finally:
        if owned:
            eng.close()
    report.seconds = time.perf_counter() - t0
    return report
