"""Whole-pipeline benchmark: time each stage of ``Pipeline()`` over a corpus of news articles.

Each stage of the default pipeline is called in dependency order under a timer (the pipeline module is
not changed: we iterate over ``Pipeline().stages`` ourselves), so the per-stage share of analysis time is
the yardstick for "adds at most X % to analysis time". One article is analysed first, untimed, so model
loading is reported apart from steady-state speed. Words are whitespace-separated strings. Each stage
gets wall-clock and CPU time (``time.process_time``); on a shared, loaded machine the CPU shares are the
steadier figure for "adds X %" comparisons.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.paths import SHARED_DATA
from khabar.resources import data_file

SHARED_CORPUS = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
DEMO_DIR = data_file("demo")


def default_corpus() -> Path | None:
    """The ANT corpus when ``shared/`` is present, else the demo corpus bundled in the package."""
    if SHARED_CORPUS.is_file():
        return SHARED_CORPUS
    demo = sorted(DEMO_DIR.glob("*.jsonl.gz")) if DEMO_DIR.is_dir() else []
    return demo[0] if demo else None


def iter_articles(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """``{"id", "text", "published"}`` records from a .jsonl(.gz) corpus, a .txt file or a folder of them."""
    n = 0
    files = (
        sorted([*path.glob("*.jsonl.gz"), *path.glob("*.jsonl"), *path.glob("*.txt")])
        if path.is_dir()
        else [path]
    )
    for f in files:
        if f.suffix == ".txt":
            records: Iterator[dict[str, Any]] = iter(
                [{"id": f.stem, "text": f.read_text(encoding="utf-8", errors="replace")}]
            )
        else:
            records = _jsonl(f)
        for rec in records:
            if limit is not None and n >= limit:
                return
            if isinstance(rec.get("text"), str) and rec["text"].strip():
                n += 1
                yield rec


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict):
                yield rec


def _published(rec: dict[str, Any]) -> str | None:
    pub = rec.get("published")
    return pub[:10] if isinstance(pub, str) and pub else None


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass
class StageTiming:
    name: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    errors: int = 0
    first_error: str | None = None


@dataclass
class PipelineBench:
    corpus: str
    docs: int = 0
    words: int = 0
    chars: int = 0
    setup_seconds: float = 0.0
    warmup_seconds: float = 0.0
    stages: list[StageTiming] = field(default_factory=list)
    rss_before_mib: float = 0.0
    peak_rss_mib: float = 0.0

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.stages)

    @property
    def total_cpu_seconds(self) -> float:
        return sum(s.cpu_seconds for s in self.stages)

    def as_dict(self) -> dict[str, Any]:
        total = self.total_seconds
        cpu = self.total_cpu_seconds
        return {
            "corpus": self.corpus,
            "docs": self.docs,
            "words": self.words,
            "chars": self.chars,
            "setup_seconds": self.setup_seconds,
            "warmup_seconds": self.warmup_seconds,
            "total_seconds": total,
            "total_cpu_seconds": cpu,
            "docs_per_second": self.docs / total if total else None,
            "words_per_second": self.words / total if total else None,
            "words_per_cpu_second": self.words / cpu if cpu else None,
            "rss_before_mib": self.rss_before_mib,
            "peak_rss_mib": self.peak_rss_mib,
            "stages": [
                {
                    "name": s.name,
                    "seconds": s.seconds,
                    "cpu_seconds": s.cpu_seconds,
                    "share": s.seconds / total if total else None,
                    "cpu_share": s.cpu_seconds / cpu if cpu else None,
                    "ms_per_doc": 1000 * s.seconds / self.docs if self.docs else None,
                    "words_per_second": self.words / s.seconds if s.seconds else None,
                    "errors": s.errors,
                    "first_error": s.first_error,
                }
                for s in self.stages
            ],
        }


def run(corpus: Path, limit: int = 200, stages: list[str] | None = None) -> PipelineBench:
    """Analyse up to ``limit`` articles of ``corpus`` with every stage timed separately."""
    from khabar.document import Document
    from khabar.pipeline import Pipeline

    articles = list(iter_articles(corpus, limit))
    result = PipelineBench(corpus=str(corpus), rss_before_mib=_peak_rss_mib())
    t0 = time.perf_counter()
    pipeline = Pipeline(stages) if stages else Pipeline()
    result.setup_seconds = time.perf_counter() - t0
    result.stages = [StageTiming(st.name) for st in pipeline.stages]

    def new_doc(rec: dict[str, Any]) -> Document:
        meta: dict[str, Any] = {"language": "ar"}
        if pub := _published(rec):
            meta["published"] = pub
        return Document(text=rec["text"], id=str(rec.get("id") or ""), meta=meta)

    if articles:  # warm-up: lazy model loading happens here, outside the timed loop
        t0 = time.perf_counter()
        doc = new_doc(articles[0])
        for st in pipeline.stages:
            try:
                st(doc)
            except Exception:  # noqa: BLE001 - a failing stage is counted in the timed loop
                pass
        result.warmup_seconds = time.perf_counter() - t0
    for rec in articles:
        doc = new_doc(rec)
        result.docs += 1
        result.words += len(rec["text"].split())
        result.chars += len(rec["text"])
        for st, timing in zip(pipeline.stages, result.stages, strict=True):
            c0 = time.process_time()
            t0 = time.perf_counter()
            try:
                st(doc)
            except Exception as err:  # noqa: BLE001 - one stage's failure must not stop the benchmark
                timing.errors += 1
                timing.first_error = timing.first_error or f"{type(err).__name__}: {err}"[:200]
            timing.seconds += time.perf_counter() - t0
            timing.cpu_seconds += time.process_time() - c0
    result.peak_rss_mib = _peak_rss_mib()
    return result
