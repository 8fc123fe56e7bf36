"""CoNLL-style NER data: reading ``token TAG`` files and conlleval-style scoring (exact span and type).

The scorer (:func:`score`) reads gold and predicted tag sequences only; it knows nothing about the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("PER", "ORG", "LOC", "MISC")

# Tag-type mapping per corpus into PER/ORG/LOC/MISC; anything unmapped becomes O.
TYPE_MAP: dict[str, str] = {
    "PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "MIS": "MISC",
    # Wojood extras: facilities are places, events/products are MISC as in ANERcorp (الحرب الباردة = MISC);
    # nationalities (NORP), dates, occupations … are not names in the four-type scheme.
    "FAC": "LOC", "EVENT": "MISC", "PRODUCT": "MISC", "WEBSITE": "ORG",
}

Sentence = tuple[list[str], list[str]]


def map_tag(tag: str) -> str:
    if tag in ("O", "") or "-" not in tag:
        return "O"
    prefix, _, typ = tag.partition("-")
    mapped = TYPE_MAP.get(typ)
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def read_conll(path: str | Path, *, tag_col: int = 1, skip_tokens: Iterable[str] = ("$#$",)) -> list[Sentence]:
    """Sentences of (tokens, mapped tags) from a whitespace-separated file, blank line between sentences."""
    skip = set(skip_tokens)
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            if parts[0] in skip:
                continue
            toks.append(parts[0])
            tags.append(map_tag(parts[tag_col]) if len(parts) > tag_col else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def write_conll(path: str | Path, sents: Iterable[tuple[Sequence[str], Sequence[str], Sequence[str]]]) -> None:
    """``token gold pred`` lines (conlleval input)."""
    with open(path, "w", encoding="utf-8") as fh:
        for toks, gold, pred in sents:
            for t, g, p in zip(toks, gold, pred, strict=True):
                fh.write(f"{t} {g} {p}\n")
            fh.write("\n")


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) chunks, conlleval rules: an I- after O or after another type starts a chunk."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if prefix == "B" or prefix == "O" or (prefix == "I" and t != typ) or tag == "O":
            if typ:
                out.append((start, i, typ))
            start, typ = (i, t) if prefix in ("B", "I") else (-1, "")
    return out


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=dict)
    n_gold: dict[str, int] = field(default_factory=dict)
    n_pred: dict[str, int] = field(default_factory=dict)

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        keys = [typ] if typ else list(set(self.n_gold) | set(self.n_pred))
        tp = sum(self.tp.get(k, 0) for k in keys)
        g = sum(self.n_gold.get(k, 0) for k in keys)
        p = sum(self.n_pred.get(k, 0) for k in keys)
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Score:
    """Exact span-and-type match over aligned tag sequences."""
    s = Score()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for _, _, t in gs:
            s.n_gold[t] = s.n_gold.get(t, 0) + 1
        for _, _, t in ps:
            s.n_pred[t] = s.n_pred.get(t, 0) + 1
        for _, _, t in gs & ps:
            s.tp[t] = s.tp.get(t, 0) + 1
    return s


def read_pairs(path: str | Path) -> tuple[list[list[str]], list[list[str]]]:
    """Read a ``token gold pred`` file back into gold and predicted tag sequences."""
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    g: list[str] = []
    p: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            parts = line.split()
            if not parts:
                if g:
                    gold.append(g)
                    pred.append(p)
                g, p = [], []
                continue
            g.append(parts[-2])
            p.append(parts[-1])
    return gold, pred
