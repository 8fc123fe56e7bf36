"""Analyse records (serially or over several processes) and write them into a store.

The ingest is idempotent and resumable: records whose text is already stored (same content hash) are
skipped before analysis, documents are committed in small batches in input order, so a run that is
killed and started again ends with the same store as one uninterrupted run.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.ingest.readers import DEFAULT_MAX_BYTES, InputError, Record, read_path


def check_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` (a full ISO 8601 date-time is accepted) or ValueError with a clear message."""
    if value is None:
        return None
    from khabar.dates import date_problem

    problem = date_problem(value)
    if problem:
        raise ValueError(f"date {value!r} is {problem}")
    return value


def analyse_record(rec: Record, published: str | None = None, pipeline: Any = None) -> Document:
    """Run a pipeline (default: the full one) on one record; the record's own ``published`` wins."""
    from khabar.pipeline import default_pipeline

    meta = dict(rec.meta)
    pub = meta.get("published") or published
    if pub is not None:
        meta["published"] = str(pub)
    return (pipeline or default_pipeline())(rec.text, meta=meta, doc_id=rec.id or None)


def _safe(args: tuple[Record, str | None, Any]) -> Document | InputError:
    rec, published, pipeline = args
    from khabar.models.files import ModelFileError

    try:
        return analyse_record(rec, published, pipeline)
    except ModelFileError:  # not this article's fault: every other one would fail the same way
        raise
    except Exception as err:  # one article that breaks a stage must not stop the corpus
        return InputError(rec.origin or rec.id, f"analysis failed: {type(err).__name__}: {err}")


def _safe_chunk(args: tuple[list[Record], str | None]) -> tuple[list[Document | InputError], float]:
    """A chunk's results and the worker's resident memory (MiB) after it."""
    from khabar.scale.engine import rss_mb

    recs, published = args
    return [_safe((rec, published, None)) for rec in recs], rss_mb()


def analyse_all(
    records: Iterable[Record | InputError], published: str | None = None, workers: int = 1, chunksize: int = 4,
    pipeline: Any = None, engine: str = "local", scheduler: str | None = None,
    on_worker_rss: Callable[[float], None] | None = None,
) -> Iterator[tuple[Record | None, Document | InputError]]:
    """Analysed documents (or errors) in input order; ``workers > 1`` analyses in a process pool, and
    ``engine="dask"`` on a Dask cluster (a LocalCluster of ``workers`` processes unless ``scheduler`` is given)."""
    if engine != "local":
        yield from _analyse_on_engine(records, published, workers, engine, scheduler, chunksize * 4, on_worker_rss)
        return
    if workers <= 1:
        for rec in records:
            yield (None, rec) if isinstance(rec, InputError) else (rec, _safe((rec, published, pipeline)))
        return
    # Records are pulled in the calling thread (readers and store look-ups are not thread-safe) and
    # analysed batch by batch in the pool; results keep input order, so the store is deterministic.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    it = iter(records)
    with ctx.Pool(workers) as pool:
        while True:
            batch = list(islice(it, workers * chunksize * 8))
            if not batch:
                break
            todo = [(r, published, pipeline) for r in batch if isinstance(r, Record)]
            # imap, not map: results come back (in order) as they are ready, so progress moves from the first.
            done = pool.imap(_safe, todo, chunksize=chunksize)
            for rec in batch:
                yield (None, rec) if isinstance(rec, InputError) else (rec, next(done))


def _analyse_on_engine(
    records: Iterable[Record | InputError], published: str | None, workers: int, engine: str,
    scheduler: str | None, chunk: int, on_worker_rss: Callable[[float], None] | None = None,
) -> Iterator[tuple[Record | None, Document | InputError]]:
    from khabar.scale.engine import make_engine

    eng = make_engine(engine, workers, scheduler)
    # Chunks keep their input items, so results (and the store's row order) follow input order.
    chunks: list[list[Record | InputError]] = []

    def tasks() -> Iterator[tuple[list[Record], str | None]]:
        it = iter(records)
        while batch := list(islice(it, chunk)):
            chunks.append(batch)
            yield [r for r in batch if isinstance(r, Record)], published

    try:
        for results, worker_rss in eng.map_ordered(_safe_chunk, tasks()):
            if on_worker_rss:
                on_worker_rss(worker_rss)
            batch = chunks.pop(0)
            done = iter(results)
            for rec in batch:
                yield (None, rec) if isinstance(rec, InputError) else (rec, next(done))
    finally:
        eng.close()


_WORKER_STORES: dict[str, Any] = {}


def _store_chunk(args: tuple[str, list[Record], str | None]) -> tuple[list[InputError], dict[str, int], float]:
    """On a worker: analyse a chunk and write it straight into the (PostgreSQL) store by bulk COPY."""
    from khabar.scale.engine import rss_mb
    from khabar.store import open_store
    from khabar.store.base import word_count

    dsn, recs, published = args
    store = _WORKER_STORES.get(dsn)
    if store is None:
        store = _WORKER_STORES[dsn] = open_store(dsn)
    docs: list[Document] = []
    errors: list[InputError] = []
    for rec in recs:
        res = _safe((rec, published, None))
        (errors if isinstance(res, InputError) else docs).append(res)  # type: ignore[arg-type]
    added = store.add_many(docs)
    counts = {"added": added, "skipped": len(docs) - added, "words": sum(word_count(d) for d in docs),
              "entities": sum(len(d.entities) for d in docs), "quotes": sum(len(d.quotes) for d in docs),
              "events": sum(len(d.events) for d in docs), "times": sum(len(d.times) for d in docs)}
    return errors, counts, rss_mb()


def _ingest_on_workers(
    records: Iterable[Record | InputError], dsn: str, report: IngestReport, published: str | None, workers: int,
    engine: str, scheduler: str | None, chunk: int, t0: float, on_progress: Callable[[IngestReport], None] | None,
) -> None:
    """Workers analyse and COPY into a shared store themselves; only counts come back."""
    from khabar.scale.engine import make_engine

    def tasks() -> Iterator[tuple[str, list[Record], str | None]]:
        it = iter(records)
        while batch := list(islice(it, chunk)):
            report.errors.extend(r for r in batch if isinstance(r, InputError))
            yield dsn, [r for r in batch if isinstance(r, Record)], published

    eng = make_engine(engine, workers, scheduler)
    try:
        for errors, counts, worker_rss in eng.map_ordered(_store_chunk, tasks()):
            report.errors.extend(errors)
            for name, n in counts.items():
                setattr(report, name, getattr(report, name) + n)
            report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, worker_rss)
            report.seconds = time.perf_counter() - t0
            if on_progress:
                on_progress(report)
    finally:
        eng.close()


@dataclass(slots=True)
class IngestReport:
    inputs: int = 0
    added: int = 0
    skipped: int = 0  # already in the store (same text)
    words: int = 0
    entities: int = 0
    quotes: int = 0
    events: int = 0
    times: int = 0
    seconds: float = 0.0
    peak_worker_rss_mb: float = 0.0  # measured on the Dask engine only
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # stored, but something was dropped
    done: int = 0  # inputs finished so far (skipped, analysed or failed), for progress bars

    def to_dict(self) -> dict[str, Any]:
        secs = max(self.seconds, 1e-9)
        return {
            "inputs": self.inputs, "added": self.added, "skipped": self.skipped, "failed": len(self.errors),
            "words": self.words, "entities": self.entities, "quotes": self.quotes, "events": self.events,
            "times": self.times, "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.added / secs, 1), "words_per_s": round(self.words / secs),
            "peak_worker_rss_mb": round(self.peak_worker_rss_mb, 1),
            "errors": [{"input": e.origin, "message": e.message} for e in self.errors],
            "warnings": [{"input": e.origin, "message": e.message} for e in self.warnings],
        }


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ingest(
    paths: Iterable[str | Path],
    store: Any,
    *,
    published: str | None = None,
    workers: int = 1,
    batch: int = 16,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[IngestReport], None] | None = None,
    pipeline: Any = None,
    on_wait: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> IngestReport:
    """Read, analyse and store every record under ``paths``; returns a report (errors listed, not raised).

    ``on_wait(message)`` is called when another ingest holds the store and this one waits for it."""
    from khabar.store.sqlite import content_hash, word_count

    report = IngestReport()
    t0 = time.perf_counter()
    seen: set[str] = set()

    def fresh() -> Iterator[Record | InputError]:
        for path in paths:
            for rec in read_path(path, max_bytes):
                report.inputs += 1
                if isinstance(rec, Record):
                    digest = content_hash(rec.text)
                    if digest in seen or store.has_hash(digest):  # resumable: no re-analysis
                        report.skipped += 1
                        report.done += 1
                        continue
                    seen.add(digest)
                    report.warnings += [InputError(rec.origin or rec.id, w) for w in rec.warnings]
                yield rec

    dsn = getattr(store, "dsn", None)
    if engine != "local" and dsn:  # a shared server: workers write by bulk COPY, no single writer
        with store.ingest_lock(on_wait):
            _ingest_on_workers(fresh(), dsn, report, published, workers, engine, scheduler, batch, t0, on_progress)
        report.seconds = time.perf_counter() - t0
        return report

    buf: list[Document] = []

    def flush() -> None:
        if buf:
            new = store.add_new(buf)  # the documents this call stored (the hash is checked again there)
            report.skipped += len(buf) - len(new)
            report.added += len(new)
            for d in new:  # counts of what this ingest added, not of what another writer stored first
                report.words += word_count(d)
                report.entities += len(d.entities)
                report.quotes += len(d.quotes)
                report.events += len(d.events)
                report.times += len(d.times)
            buf.clear()

    def worker_rss(mb: float) -> None:
        report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, mb)

    # One writer at a time: a second ingest into the same store waits here, then skips what the first stored
    # instead of analysing it again (the content hashes are checked as records are read, after the wait).
    with store.ingest_lock(on_wait):
        for _rec, res in analyse_all(fresh(), published, workers, pipeline=pipeline, engine=engine,
                                     scheduler=scheduler, on_worker_rss=worker_rss):
            report.done += 1
            if isinstance(res, InputError):
                report.errors.append(res)
            else:
                buf.append(res)
                if len(buf) >= batch:
                    flush()
            report.seconds = time.perf_counter() - t0
            if on_progress:
                on_progress(report)
        flush()
    report.seconds = time.perf_counter() - t0
    if on_progress:
        on_progress(report)
    return report
