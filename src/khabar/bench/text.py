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

from khabar.paths import SHARED_DATA
from khabar.resources import data_file

SHARED_CORPUS = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
DEMO_DIR = data_file("demo")
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


def systems(include_spacy: bool = True) -> list[tuple[str, Callable[[], Callable[[str], object] | None], str]]:
    """``(name, factory, note)`` per system. Factories are called just before a system runs, so spaCy is
    imported only after khabar has been measured (its large heap would slow khabar's GC passes)."""
    from khabar.pipeline import Pipeline

    def khabar_layer() -> Callable[[str], object]:
        return Pipeline(["tokenize", "sentences", "dateline"])

    def spacy_tokenizer() -> Callable[[str], object] | None:
        try:
            import spacy
        except ImportError:
            return None
        return spacy.blank("ar").tokenizer

    out: list[tuple[str, Callable[[], Callable[[str], object] | None], str]] = [
        ("floor: re.findall(\\w+)", lambda: _WORD.findall, "one regex pass: no normalisation, sentences or clitics"),
        ("khabar text layer", khabar_layer, "normalise + tokenise + segment + sentences + dateline"),
    ]
    if include_spacy:
        try:
            from importlib.metadata import version

            name, note = f"spaCy {version('spacy')} blank('ar')", "tokenizer only"
        except Exception:
            name, note = "spaCy blank('ar')", "not installed: pip install 'khabar[bench]'"
        out.append((name, spacy_tokenizer, note))
    return out


def reset_caches() -> None:
    """Drop the text layer's lexicons and per-word caches (they reload on next use)."""
    from khabar.text import segment

    segment.lexicon.cache_clear()
    segment._CACHE.clear()


def run(texts: list[str], include_spacy: bool = True, memory: bool = True) -> list[Result]:
    words = sum(len(_WORD.findall(t)) for t in texts)
    results = []
    for name, factory, note in systems(include_spacy):
        fn = factory()
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


UD_PUD = SHARED_DATA / "ud/pud/ar_pud-ud-test.conllu"


def ud_surface_words(path: Path) -> list[tuple[str, list[str]]]:
    """``(surface, gold_pieces)`` for every Arabic surface word of a CoNLL-U file without multiword lines.

    Syntactic words glued by ``SpaceAfter=No`` (ل + أوباما, نشرت + ها) form one surface word. UD keeps the
    article on its noun, so the comparison in :func:`segmentation_scores` does the same.
    """
    from khabar.text.tokenize import TOKEN_RE

    out: list[tuple[str, list[str]]] = []
    group: list[str] = []
    glue = False

    def flush() -> None:
        if group:
            surface = "".join(group)
            m = TOKEN_RE.fullmatch(surface)
            if m is not None and m.lastgroup == "ARABIC":
                out.append((surface, list(group)))
        group.clear()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                flush()
                glue = False
                continue
            cols = line.rstrip("\n").split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            form = cols[1]
            is_word = TOKEN_RE.fullmatch(form) is not None and TOKEN_RE.fullmatch(form).lastgroup == "ARABIC"  # type: ignore[union-attr]
            if not (glue and is_word and group):
                flush()
            if is_word:
                group.append(form)
            glue = "SpaceAfter=No" in cols[9]
    flush()
    return out


def _cuts_from_pieces(pieces: tuple[tuple[str, int | None, int | None], ...]) -> frozenset[int]:
    """Offsets where khabar cuts a surface word, leaving the article on its noun (as UD does)."""
    from khabar.text.normalize import normalize

    cuts = set()
    for k in range(len(pieces) - 1):
        form, _, end = pieces[k]
        if normalize(form) == "ال":
            continue
        cut = end if end is not None else pieces[k + 1][1]  # a restored stem (حكومة) ends where its suffix starts
        if cut is not None:
            cuts.add(cut)
    return frozenset(cuts)


def segmentation_scores(pairs: list[tuple[str, list[str]]]) -> dict[str, float | int]:
    """Exact-match accuracy of khabar's clitic cuts against the gold pieces of each surface word.

    Compared as cut offsets in the surface string, so spelling conventions of the gold pieces (ل + لولايات,
    حيات + ه) do not matter; the article is not a cut on either side.
    """
    from khabar.text.segment import analyse_word

    n = ok = base_ok = multi = multi_ok = single = single_ok = 0
    for surface, gold in pairs:
        want: set[int] = set()
        pos = 0
        for g in gold[:-1]:
            pos += len(g)
            want.add(pos)
        got = _cuts_from_pieces(analyse_word(surface)[2])
        n += 1
        ok += got == want
        base_ok += not want
        if want:
            multi += 1
            multi_ok += got == want
        else:
            single += 1
            single_ok += got == want
    return {
        "words": n,
        "accuracy": ok / n if n else 0.0,
        "no_split_baseline": base_ok / n if n else 0.0,
        "gold_split_words": multi,
        "accuracy_on_split": multi_ok / multi if multi else 0.0,
        "gold_whole_words": single,
        "accuracy_on_whole": single_ok / single if single else 0.0,
    }
