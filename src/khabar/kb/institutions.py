"""Generic institutional actors: الشرطة، وزارة الداخلية الكويتية، الجيش الإسرائيلي، حكومة بريطانيا.

News quotes institutions as often as people ("وقالت الشرطة"), and NER does not tag them. The phrases, their CAMEO
sectors and the context rules live in ``sources/institutions.json``; this module only matches them on the
resolver's normalised tokens. A match gives the span (phrase plus a following nationality adjective), the sector,
and the country when the text states it (adjective, country name after a construct head, في/بـ + country).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from khabar.kb.kb import KB, SOURCES_DIR, clitic_variants, kb_key

INSTITUTIONS_FILE = SOURCES_DIR / "institutions.json"


class _TokLike(Protocol):
    start: int
    end: int
    norm: str

    @property
    def cmap(self) -> list[int]: ...


@dataclass(slots=True)
class InstMatch:
    first: int  # first token
    last: int  # last token inside the span
    prefix: int  # clitic letters cut from the first token
    key: str  # canonical phrase key (definite form: حكومه → الحكومه)
    sector: str
    country: str | None  # ISO-3 stated in the text, else None
    country_toks: tuple[int, int] | None = None  # a country name right after a construct head (may be a mention)


@dataclass(slots=True)
class Institutions:
    phrases: dict[str, tuple[str, str, str]]  # key -> (canonical key, sector, kind)
    first_words: set[str]
    max_len: int
    block_prev: set[str]
    kb_links: dict[str, str]
    anaphoric: set[str] = field(default_factory=set)  # head nouns (no article): رابطه، شركه
    nominal: set[str] = field(default_factory=set)  # canonical keys of generic phrases (الشرطه، الحكومه)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Institutions:
        needs = {kb_key(w) for w in d.get("needs_country", [])}
        adjectival = {kb_key(w) for w in d.get("adjectival", [])}
        phrases: dict[str, tuple[str, str, str]] = {}
        for w, sector in d.get("phrases", {}).items():
            k = kb_key(w)
            kind = "needs" if k in needs else "adj" if k in adjectival else "def"
            phrases[k] = (k, sector, kind)
        for w, sector in d.get("construct", {}).items():
            k = kb_key(w)
            words = k.split()
            canon = " ".join([*words[:-1], "ال" + words[-1]])  # حكومه → الحكومه, وزاره خارجيه → وزاره الخارجيه
            phrases[k] = (canon, sector, "construct")
        return cls(
            phrases=phrases,
            first_words={k.split()[0] for k in phrases},
            max_len=max((len(k.split()) for k in phrases), default=1),
            block_prev={kb_key(w) for w in d.get("block_prev", [])},
            kb_links={kb_key(k.split("|")[0]) + "|" + k.split("|")[1]: v
                      for k, v in d.get("kb_links", {}).items() if "|" in k},
            anaphoric={kb_key(w) for w in d.get("anaphoric_heads", [])},
            nominal={kb_key(w) for w in d.get("nominal", [])},
        )

    # -- matching -------------------------------------------------------------------------------------
    def match_at(self, kb: KB, text: str, toks: Sequence[_TokLike], i: int, *, whole: int | None = None
                 ) -> InstMatch | None:
        """The institution phrase starting at token ``i`` (longest), with its qualifier, or None.

        ``whole``: the match must end exactly at this token (checking an NER span: nothing may be left over).
        """
        best: tuple[int, int, tuple[str, str, str]] | None = None
        for n, v in clitic_variants(toks[i].norm):
            if v not in self.first_words:
                continue
            key = v
            for j in range(i, min(i + self.max_len, len(toks))):
                if j > i:
                    if not _adjacent(text, toks[j - 1], toks[j]):
                        break
                    key += " " + toks[j].norm
                hit = self.phrases.get(key)
                if hit is not None and (best is None or j > best[0]):
                    best = (j, n, hit)
        if best is None:
            return None
        j, n, (canon, sector, kind) = best
        if self._blocked(toks, i, kind):
            return None
        country: str | None = None
        last = j
        country_toks = None
        nxt = j + 1
        if nxt < len(toks) and _adjacent(text, toks[j], toks[nxt]):
            if kind == "construct":
                c = _place_at(kb, toks, nxt, text)
                if c is not None:
                    country, k_end = c
                    country_toks = (nxt, k_end)
                    last = k_end
            else:
                a = _adjective_at(kb, toks, nxt, text)
                if a is not None:
                    country, last = a
                else:
                    country = _prep_country(kb, toks, nxt, text)
        if kind == "construct" and country is None:
            return None
        if kind == "needs" and country is None:
            return None
        if whole is not None and last != whole:  # an NER span must be the institution phrase, nothing more
            return None
        return InstMatch(i, last, n, canon, sector, country, country_toks)

    def anaphor_at(self, kb: KB, text: str, toks: Sequence[_TokLike], i: int) -> tuple[str, int, int] | None:
        """(head, prefix, last token) of a definite head noun standing alone at ``i`` (وقالت الرابطة)."""
        if not self.anaphoric:
            return None
        for n, v in clitic_variants(toks[i].norm):
            if v.startswith("ال") and v[2:] in self.anaphoric and not toks[i].norm[n:].startswith("لل"):
                if self._blocked(toks, i, "def"):
                    return None
                last = i
                if i + 1 < len(toks) and _adjacent(text, toks[i], toks[i + 1]):
                    a = _adjective_at(kb, toks, i + 1, text)
                    if a is not None:
                        last = a[1]
                return v[2:], n, last
        return None

    def _blocked(self, toks: Sequence[_TokLike], i: int, kind: str) -> bool:
        if i == 0:
            return False
        for _n, prev in clitic_variants(toks[i - 1].norm):  # ووزير الداخلية، للشؤون الخارجية
            if prev in self.block_prev:
                return True
            if kind == "adj" and prev.startswith("ال"):  # السياسه الخارجيه: an adjective here
                return True
        return False

    def link_key(self, canon: str, country: str | None) -> str | None:
        return self.kb_links.get(f"{canon}|{country}") if country else None


def _adjacent(text: str, a: _TokLike, b: _TokLike) -> bool:
    gap = text[a.end:b.start]
    return 0 < len(gap) <= 2 and gap.strip(" \u00a0\u200c\u200f") == ""


def _adjective_at(kb: KB, toks: Sequence[_TokLike], k: int, text: str) -> tuple[str, int] | None:
    """A definite nationality adjective at token k (two-word forms first: الكوري الجنوبي)."""
    if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
        two = f"{toks[k].norm} {toks[k + 1].norm}"
        if two.startswith("ال") and (iso := kb.adjectives.get(two)):
            return iso, k + 1
    w = toks[k].norm
    if w.startswith("ال") and (iso := kb.adjectives.get(w)):
        return iso, k
    return None


def _place_at(kb: KB, toks: Sequence[_TokLike], k: int, text: str) -> tuple[str, int] | None:
    """A country (or a place of a known country) named at token k, longest first: حكومه بريطانيا، شرطه دبي."""
    key = toks[k].norm
    best = None
    for j in range(k, min(k + 4, len(toks))):
        if j > k:
            if not _adjacent(text, toks[j - 1], toks[j]):
                break
            key += " " + toks[j].norm
        for c in kb.candidates(key):
            if c.type == "LOC" and (c.country or c.capital_of):
                best = (c.country or c.capital_of or "", j)
                break
    return best


def _prep_country(kb: KB, toks: Sequence[_TokLike], k: int, text: str) -> str | None:
    """في قطر، بالإمارات: a country named after a preposition (the span stays the phrase alone)."""
    w = toks[k].norm
    if w == "في" and k + 1 < len(toks):
        c = _place_at(kb, toks, k + 1, text)
        return c[0] if c and kb.country(c[0]) is not None and _is_country_name(kb, toks, k + 1, c[1]) else None
    for n, v in clitic_variants(w):
        if n and w[:n].endswith("ب"):
            for cand in kb.candidates(v):
                if cand.is_country:
                    return cand.country
    return None


def _is_country_name(kb: KB, toks: Sequence[_TokLike], k: int, j: int) -> bool:
    return any(c.is_country for c in kb.candidates(" ".join(t.norm for t in toks[k:j + 1])))


@lru_cache(maxsize=4)
def _load(path: str) -> Institutions:
    from khabar.models.files import model_file

    with model_file(path):
        return Institutions.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def load_institutions(path: str | Path | None = None) -> Institutions:
    p = Path(path) if path else INSTITUTIONS_FILE
    if not p.exists():
        return Institutions({}, set(), 1, set(), {}, set())
    return _load(str(p))
