"""Speed and memory of the text layer against a regex floor and spaCy's blank Arabic tokenizer.

Words are counted once, as the matches of ``\\w+`` over the corpus, and every system is charged the same
word count, so words/s figures are comparable. Each system runs on one core over the same in-memory texts
(reading and decompressing the corpus is not timed); peak memory is measured in a second pass with
``tracemalloc`` (Python allocations while processing, after warm-up).
"""

from __future__ import annotations

import gc
import gzip
import json
import re
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

SHARED_CORPUS = Path(__file__).resolve().parents[3].parent / "shared/data/news/ant-v2.1-multisource.jsonl.gz"
DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
_WORD = re.compile(r"\w+")


@dataclass
class Result:
    name: str
    seconds: float
    words: int
    peak_bytes: int | None
    note: str = ""

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else float("inf")


def _records(path: Path) -> Iterable[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def default_corpus() -> Path | None:
    """ANT v2.1 from ``shared/`` when present, else the bundled demo corpus (first JSONL(.gz) found)."""
    if SHARED_CORPUS.exists():
        return SHARED_CORPUS
    if DEMO_DIR.is_dir():
        for pattern in ("*.jsonl.gz", "*.jsonl"):
            found = sorted(DEMO_DIR.glob(pattern))
            if found:
                return found[0]
    return None


def load_texts(path: Path, limit: int) -> list[str]:
    """The ``text`` of the first ``limit`` records of a JSONL(.gz) file, or the .txt files of a directory."""
    texts: list[str] = []
    if path.is_dir():
        for f in sorted(path.rglob("*")):
            if f.suffix in {".jsonl", ".gz"}:
                texts += load_texts(f, limit - len(texts))
            elif f.suffix == ".txt":
                texts.append(f.read_text(encoding="utf-8", errors="replace"))
            if len(texts) >= limit:
                break
        return texts[:limit]
    if path.suffix == ".txt":
        return [path.read_text(encoding="utf-8", errors="replace")]
    for rec in _records(path):
        text = rec.get("text")
        if isinstance(text, str) and text:
            texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def _timed(fn: Callable[[str], object], texts: list[str]) -> float:
    gc.collect()
    t0 = time.process_time()  # CPU time of this process: fair on a shared machine, one core by construction
    for t in texts:
        fn(t)
    return time.process_time() - t0


def _peak(fn: Callable[[str], object], texts: list[str]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        for t in texts:
            fn(t)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def systems(include_spacy: bool = True) -> tuple[list[tuple[str, Callable[[str], object] | None, str]], str]:
    """``(name, fn, note)`` for each system; fn None when unavailable."""
    from khabar.pipeline import Pipeline

    pipe = Pipeline(["normalize", "tokenize", "sentences", "dateline"])
    out: list[tuple[str, Callable[[str], object] | None, str]] = [
        ("floor: re.findall(\\w+)", _WORD.findall, "one regex pass: no normalisation, sentences or clitics"),
        ("khabar text layer", pipe, "normalise + tokenise + segment + sentences + dateline"),
    ]
    note = ""
    if include_spacy:
        try:
            import spacy

            nlp = spacy.blank("ar")
            out.append((f"spaCy {spacy.__version__} blank('ar')", nlp.tokenizer, "tokenizer only"))
        except ImportError:
            out.append(("spaCy blank('ar')", None, "not installed: pip install 'khabar[bench]'"))
            note = "spaCy not installed; install the 'bench' extra to compare."
    return out, note


def reset_caches() -> None:
    """Drop the text layer's lexicons and per-word caches (they reload on next use)."""
    from khabar.text import segment

    segment.lexicon.cache_clear()
    segment._CACHE.clear()


def run(texts: list[str], include_spacy: bool = True, memory: bool = True) -> list[Result]:
    words = sum(len(_WORD.findall(t)) for t in texts)
    results = []
    entries, _ = systems(include_spacy)
    for name, fn, note in entries:
        if fn is None:
            results.append(Result(name, float("nan"), words, None, note))
            continue
        for t in texts[:20]:  # warm-up: lexicon load, regex compile
            fn(t)
        secs = _timed(fn, texts)
        peak = None
        if memory:
            # Cold pass under tracemalloc, so the peak includes the lexicons and the word caches it builds.
            reset_caches()
            peak = _peak(fn, texts)
        results.append(Result(name, secs, words, peak, note))
    return results
