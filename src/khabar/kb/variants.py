"""Spelling variants of KB names, from rules plus corpus evidence (``khabar kb variants``).

Transliterated names are spelt several ways in Arabic news: ترمب/ترامب، بوتن/بوتين، نتانياهو/نتنياهو، غوتيريش/جوتيريش.
Hamza, alef maqsura and ta marbuta are already folded by :func:`kb_key`; the rest comes from one-edit rules per
word (``sources/variant_rules.json``: a long vowel letter written or dropped inside the word, letters that render
the same foreign sound). A generated variant is kept only when the news corpus backs it: it occurs at least
``min_count`` times and its neighbouring words look like the base word's (cosine of ±1 context counts), so that a
common word one letter away (a verb, a noun) is not taken for the name. The result, ``sources/name_variants.tsv``
(word, variant, counts, similarity), is read by ``khabar kb build``, which adds the variant spellings of every
name to that entity's ``aliases`` — the resolver then links both spellings to the same entity, and search
expands to all of them.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from khabar.kb.kb import SOURCES_DIR, kb_key

RULES_FILE = SOURCES_DIR / "variant_rules.json"
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
VARIANTS_FILE = SOURCES_DIR / "name_variants.tsv"


def load_rules(path: Path = RULES_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def word_variants(word: str, rules: dict[str, Any]) -> set[str]:
    """All one-edit spellings of a normalised word under the rules (the word itself excluded)."""
    out: set[str] = set()
    if len(word) < int(rules.get("min_word_letters", 4)):
        return out
    vowels = rules.get("insert_delete", [])
    for i in range(1, len(word)):  # inside the word only: the first and last letters stay
        for v in vowels:
            out.add(word[:i] + v + word[i:])
        if i < len(word) - 1 and word[i] in vowels:
            out.add(word[:i] + word[i + 1:])
    swaps: dict[str, set[str]] = {}
    for a, b in rules.get("swap", []):
        swaps.setdefault(a, set()).add(b)
        swaps.setdefault(b, set()).add(a)
    for i, ch in enumerate(word):
        for other in swaps.get(ch, ()):
            out.add(word[:i] + other + word[i + 1:])
    out.discard(word)
    return {w for w in out if len(w) >= 3}


def name_words_source(entities: Iterable[Any]) -> list[str]:
    """The names whose words get variants: every name of a person, and one-word names of places and
    organisations (بروكسل، نيوزيلندا). Words of multiword place/organisation names are mostly common Arabic
    words (إقليم، المجلس، الأوروبي) whose one-letter neighbours are other words (أقاليم، المجالس)."""
    out: list[str] = []
    for e in entities:
        for n in [e.ar, *e.aliases]:
            if not n:
                continue
            k = kb_key(n)
            if e.type == "PER" or (" " not in k and not k.startswith("ال")):
                out.append(n)
    return out


def _articles(paths: Iterable[Path], max_docs: int) -> Iterator[list[str]]:
    n = 0
    for p in paths:
        if not p.exists():
            continue
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                if max_docs and n >= max_docs:
                    return
                text = json.loads(line).get("text") or ""
                n += 1
                yield kb_key(text).split()


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(v * big.get(k, 0) for k, v in small.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def find_variants(names: Iterable[str], corpora: list[Path], *, rules: dict[str, Any] | None = None,
                  known: set[str] | None = None, min_count: int = 5, min_sim: float = 0.4, max_ratio: float = 20.0,
                  max_docs: int = 0, log: Callable[[str], None] = print) -> list[tuple[str, str, int, int, float]]:
    """(word, variant, word count, variant count, context similarity) for the words of ``names`` whose rule
    variants the corpora back. ``known``: single-word aliases of KB entities, never taken as another's variant.
    ``max_ratio``: a variant far more frequent than the name is a common word, not a spelling of it."""
    rules = rules or load_rules()
    known = known or set()
    words = {w for n in names for w in kb_key(n).split() if len(w) >= int(rules.get("min_word_letters", 4))}
    raw: Counter[str] = Counter()
    ndocs = 0
    for toks in _articles(corpora, max_docs):
        raw.update(toks)
        ndocs += 1
    log(f"corpus: {ndocs:,} articles, {sum(raw.values()):,} words, {len(words):,} name words")

    def count(w: str) -> int:  # the word alone or after proclitics (وترمب، لبوتين)
        return sum(raw.get(p + w, 0) for p in _PROCLITICS)

    cands: dict[str, set[str]] = {}
    for w in words:
        cw = count(w)
        if cw < min_count:
            continue
        vs = {v for v in word_variants(w, rules)
              if v not in known and min_count <= count(v) <= max_ratio * cw}
        if vs:
            cands[w] = vs
    track = set(cands) | {v for vs in cands.values() for v in vs}
    ctx: dict[str, Counter[str]] = {w: Counter() for w in track}
    for toks in _articles(corpora, max_docs):
        for i, t in enumerate(toks):
            if t not in track:
                t = next((t[len(p):] for p in _PROCLITICS if p and t.startswith(p) and t[len(p):] in track), "")
            if t:
                c = ctx[t]
                if i:
                    c["L" + toks[i - 1]] += 1
                if i + 1 < len(toks):
                    c["R" + toks[i + 1]] += 1
    out = []
    for w, vs in sorted(cands.items()):
        for v in sorted(vs):
            sim = _cosine(ctx[w], ctx[v])
            if sim >= min_sim:
                out.append((w, v, count(w), count(v), round(sim, 3)))
    log(f"{sum(len(v) for v in cands.values()):,} candidate variants, {len(out):,} kept")
    return out


def write_variants(rows: list[tuple[str, str, int, int, float]], path: Path = VARIANTS_FILE,
                   header: str = "") -> None:
    lines = ["# word\tvariant\tword count\tvariant count\tcontext similarity", *(f"# {h}" for h in header.splitlines())]
    lines += [f"{w}\t{v}\t{a}\t{b}\t{s}" for w, v, a, b, s in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_variants(path: Path = VARIANTS_FILE) -> dict[str, list[str]]:
    """word → its corpus-backed variant spellings, both ways (a variant's variants include the word)."""
    out: dict[str, list[str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        w, v = line.split("\t")[:2]
        out.setdefault(w, []).append(v)
        out.setdefault(v, []).append(w)
    return out


def expand_aliases(names: Iterable[str], variants: dict[str, list[str]], max_words: int = 4) -> list[str]:
    """Names with one word respelt (each variant of each word), in kb_key form, minus the names themselves."""
    have = {kb_key(n) for n in names}
    out: list[str] = []
    for key in sorted(have):
        words = key.split()
        if len(words) > max_words:
            continue
        for i, w in enumerate(words):
            for v in variants.get(w, []):
                alt = " ".join([*words[:i], v, *words[i + 1:]])
                if alt not in have and alt not in out:
                    out.append(alt)
    return out
