"""CoNLL-style NER data: reading ``token TAG`` files and conlleval-style scoring (exact span and type).

The scorer (:func:`score`) reads gold and predicted tag sequences only; it knows nothing about the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


# WikiFANE/NewsFANE fine classes folded into ANERcorp's four types. Decided by aligning NewsFANE (ANERcorp's own
# training text re-annotated) with ANERcorp train minus the dev cut: each fine class goes where ANERcorp tags most of
# its names. Unlisted classes are O there: Group (nationality groups الفلسطينيين), Government (الحكومة الإسرائيلية),
# facilities (Building-Grounds, Airport, Path, Subarea-Facility), Medical-Science, vehicles, weapons, software.
FANE_MAP: dict[str, str] = {
    **{c: "PER" for c in ("Politician", "Athlete", "Artist", "Businessperson", "Scientist", "Police", "Lawyer",
                          "Engineer", "Religious_PER", "Other_PER")},
    **{c: "ORG" for c in ("Non-Governmental", "Commercial", "Educational", "Media", "Sports", "Entertainment")},
    **{c: "LOC" for c in ("Nation", "Population-Center", "State-or-Province", "County-or-District", "Continent",
                          "GPE-Cluster", "Water-Body")},
    **{c: "MISC" for c in ("Book", "Movie", "Sound", "Food", "Drug")},
}
# FANE splits clitics off (و الحكومة، عاصمة ها); news text and ANERcorp keep them on the word.
_FANE_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})
_FANE_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ني"})


def read_fane(path: str | Path, *, type_map: dict[str, str] | None = None) -> list[Sentence]:
    """WikiFANE/NewsFANE (``token<TAB>fine-tag``, gzip or plain) as (tokens, PER/ORG/LOC/MISC tags), with split
    clitics glued back onto their word (ل + الحكومة → للحكومة, عاصمة + ها → عاصمتها)."""
    import gzip

    fold = FANE_MAP if type_map is None else type_map
    opener = gzip.open if str(path).endswith(".gz") else open
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if not toks:
            return
        # a name that lost its B- (its first word was a folded-away class) starts with I-: make it B-
        for i, g in enumerate(tags):
            if g.startswith("I-") and (i == 0 or tags[i - 1][2:] != g[2:]):
                tags[i] = "B-" + g[2:]
        words: list[str] = []
        wtags: list[str] = []
        pending = ""
        for t, g in zip(toks, tags, strict=True):
            if t in _FANE_PROCLITICS and g == "O":
                pending += t
                continue
            if pending:
                t = ("لل" + t[2:]) if pending.endswith("ل") and t.startswith("ال") else pending + t
                pending = ""
            elif t in _FANE_ENCLITICS and words and g == "O":
                prev = words[-1]
                words[-1] = (prev[:-1] + "ت" if prev.endswith("ة") else prev) + t
                continue
            words.append(t)
            wtags.append(g)
        if pending:
            words.append(pending)
            wtags.append("O")
        out.append((words, wtags))

    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                flush()
                toks, tags = [], []
                continue
            tag = parts[1] if len(parts) > 1 else "O"
            prefix, _, fine = tag.partition("-")
            typ = fold.get(fine)
            toks.append(parts[0])
            tags.append(f"{prefix}-{typ}" if typ and prefix in ("B", "I") else "O")
    flush()
    return out


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
