"""The knowledge base: entities with QIDs, Arabic aliases, actor codes and dated roles, behind dict indexes.

The shipped KB is ``data/kb.json.gz`` (built by ``khabar kb build`` from the sources in ``sources/``). Users add
their own entities with JSONL files in the curated format (``load_kb(extra=["my.jsonl"])`` or ``--kb my.jsonl``).
All look-ups go through :func:`kb_key`, the normalised matching form of a name.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from khabar.resources import package_file
from khabar.text.normalize import normalize

KB_DIR = package_file("kb")
DATA_DIR = KB_DIR / "data"
SOURCES_DIR = KB_DIR / "sources"
KB_FILE = DATA_DIR / "kb.json.gz"

_PUNCT = re.compile(r"[\-_.·ـ'\"“”«»()\[\]،,:؛]+")
# Proclitics that attach to a name in running text: conjunction (و/ف), then preposition (ب/ل/ك).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_CONNECTORS = {"باسم", "لدي", "في", "الي", "الخاص"}
_DESCRIPTORS = {"قناه", "وكاله", "صحيفه", "شبكه", "مجموعه", "شركه"}


def kb_key(s: str) -> str:
    """Matching form: normalised letters (ة→ه), punctuation to spaces, single spaces, lower-case Latin."""
    s = normalize(s, ta_marbuta=True).lower()
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())


def strip_al(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def clitic_variants(tok: str) -> Iterator[tuple[int, str]]:
    """(prefix length, remainder) readings of one normalised token, the bare token first.

    ``وبالكرملين`` → (0, وبالكرملين), (1, بالكرملين), (2, الكرملين); ``للكرملين`` → (1, الكرملين) (ل + ال).
    """
    yield 0, tok
    if tok.startswith("لل") and len(tok) > 4:  # لل = ل + ال with the alef dropped: no clean span, keep whole
        yield 0, "ا" + tok[1:]
    heads = [(0, tok)]
    if tok[:1] in _CONJ and len(tok) > 2:
        heads.append((1, tok[1:]))
        yield 1, tok[1:]
    for n, t in heads:
        if t[:1] in _PREP and len(t) > 2:
            if t.startswith("لل") and len(t) > 4:
                if n:
                    yield n, "ا" + t[1:]  # ولل… → و + الـ…
            else:
                yield n + 1, t[1:]


@dataclass(slots=True)
class KBEntity:
    id: str
    type: str
    en: str | None = None
    ar: str | None = None
    qid: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[list[Any]] = field(default_factory=list)  # [role, of, from, to]
    aliases: list[str] = field(default_factory=list)
    capital_of: str | None = None
    is_country: bool = False
    source: str = "curated"
    gaz: bool = True

    def active(self, role: str, of: str, date: str | None) -> bool:
        for r, o, start, end in self.roles:
            if r == role and o == of and _in_range(date, start, end):
                return True
        return False

    def any_active(self, date: str | None) -> bool:
        return bool(self.roles) and any(_in_range(date, s, e) for _, _, s, e in self.roles)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "en": self.en, "ar": self.ar, "qid": self.qid,
                               "country": self.country, "sector": self.sector}
        if self.roles:
            out["roles"] = self.roles
        if self.aliases:
            out["aliases"] = self.aliases
        if self.capital_of:
            out["capital_of"] = self.capital_of
        if self.is_country:
            out["is_country"] = True
        if not self.gaz:
            out["gaz"] = False
        out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any], source: str | None = None) -> KBEntity:
        return cls(
            id=str(d["id"]), type=str(d.get("type") or "MISC"), en=d.get("en"), ar=d.get("ar"),
            qid=d.get("qid") or None, country=d.get("country"), sector=d.get("sector"),
            roles=[list(r) for r in d.get("roles") or []], aliases=list(d.get("aliases") or []),
            capital_of=d.get("capital_of"), is_country=bool(d.get("is_country")),
            source=source or d.get("source") or "curated", gaz=d.get("gaz", True) is not False,
        )


def _in_range(date: str | None, start: str | None, end: str | None) -> bool:
    if not date:
        return end is None  # no date: only roles still held count
    d = date[:10]
    return (start is None or start <= d) and (end is None or d < end)


class KB:
    """Entities plus dict indexes. Build with :func:`load_kb`; look up with :meth:`lookup`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entities: list[KBEntity] = [KBEntity.from_dict(e) for e in data["entities"]]
        self.by_id: dict[str, int] = {e.id: i for i, e in enumerate(self.entities)}
        self.alias: dict[str, list[int]] = {}
        self.gaz_keys: set[str] = set()
        self.gaz_first: set[str] = set()
        self.gaz_stop: set[str] = set(data.get("gaz_stop", []))
        self.adjectives: dict[str, str] = dict(data.get("adjectives", {}))
        self.country_of: dict[str, int] = {}
        self.sector_words: dict[str, str] = dict(data.get("sector_words", {}))
        self.actors: dict[str, list[str | None]] = dict(data.get("actors", {}))
        self.type_hints: dict[str, str] = dict(data.get("type_hints", {}))
        self.titles: dict[str, str] = {kb_key(k): v for k, v in data.get("titles", {}).items()}
        self.group_words: set[str] = {kb_key(w) for w in data.get("group_words", [])}
        self.place_cues: set[str] = {kb_key(w) for w in data.get("place_cues", [])}
        self.honorifics: set[str] = {kb_key(w) for w in data.get("honorifics", [])}
        self.max_title_len = max((len(t.split()) for t in self.titles), default=1)
        self.max_alias_len = 1
        self._roles: dict[tuple[str, str], list[KBEntity]] | None = None
        for i in range(len(self.entities)):
            self._index(i)
        self._prune_gaz()

    # -- building ---------------------------------------------------------------------------------------
    def _index(self, i: int) -> None:
        e = self.entities[i]
        if e.is_country and e.country:
            self.country_of[e.country] = i
        for name in [e.ar, *e.aliases, e.en if e.en and e.source == "user" else None]:
            if not name:
                continue
            k = kb_key(name)
            if not k:
                continue
            lst = self.alias.setdefault(k, [])
            if i not in lst:
                lst.append(i)
            self.max_alias_len = max(self.max_alias_len, len(k.split()))
            main = e.is_country and name == e.ar  # السعودية is the country's name and an adjective form
            if e.gaz and e.source in ("curated", "countries", "national_teams", "user") and self._gaz_ok(k, main, e.type == "LOC"):
                self.gaz_keys.add(k)
                self.gaz_first.add(k.split()[0])

    def _gaz_ok(self, k: str, country: bool = False, place: bool = False) -> bool:
        # Precision first: no ambiguous words, no nationality adjectives (روسية is not Russia), nothing
        # shorter than 4 letters (3 for places: مصر، قطر، دبي) unless it has several words.
        return (k not in self.gaz_stop and (country or k not in self.adjectives)
                and (len(k) >= (3 if place else 4) or " " in k) and not k.isdigit())

    def _prune_gaz(self) -> None:
        # "قناة روسيا 1" → let the gazetteer mark "روسيا 1": descriptor nouns stay outside the mention.
        for k in list(self.gaz_keys):
            head, _, rest = k.partition(" ")
            if head in _DESCRIPTORS and rest in self.alias:
                self.gaz_keys.discard(k)
        self.gaz_first = {k.split()[0] for k in self.gaz_keys}

    def add(self, entries: Iterable[dict[str, Any]], source: str = "user") -> int:
        """Add (or override, by id) entities in the curated JSONL shape; returns how many."""
        n = 0
        for d in entries:
            ent = KBEntity.from_dict(d, source=source)
            if ent.id in self.by_id:  # a user entry replaces the shipped one with the same id
                old = self.by_id[ent.id]
                for lst in self.alias.values():
                    if old in lst:
                        lst.remove(old)
                self.entities[old] = ent
                self._index(old)
                self._roles = None
            else:
                self.entities.append(ent)
                self.by_id[ent.id] = len(self.entities) - 1
                self._index(len(self.entities) - 1)
                self._roles = None
            n += 1
        self._prune_gaz()
        return n

    # -- look-ups -----------------------------------------------------------------------------------------
    def get(self, entity_id: str) -> KBEntity | None:
        i = self.by_id.get(entity_id)
        return None if i is None else self.entities[i]

    def country(self, iso3: str | None) -> KBEntity | None:
        i = self.country_of.get(iso3 or "")
        return None if i is None else self.entities[i]

    def candidates(self, key: str) -> list[KBEntity]:
        return [self.entities[i] for i in self.alias.get(key, ())]

    def lookup(self, name: str, date: str | None = None, *, clitics: bool = True) -> list[KBEntity]:
        """Entities a name may refer to, best first (role held at ``date``, then curated with a QID)."""
        key = kb_key(name)
        idx = self.alias.get(key)
        if idx is None and clitics and key:
            first, _, rest = key.partition(" ")
            for _, v in clitic_variants(first):
                if v != first and (idx := self.alias.get(f"{v} {rest}" if rest else v)):
                    break
        if not idx:
            held = self.title_holder(key, date)
            return [held] if held is not None else []
        ents = [self.entities[i] for i in idx]
        if len(ents) > 1:
            ents.sort(key=lambda e: (not e.any_active(date) if date else 0, e.source != "curated" and e.source != "user",
                                     e.qid is None))
        return ents

    def holder(self, role: str, of: str, date: str | None) -> KBEntity | None:
        """Who held ``role`` of ``of`` (an ISO-3 code or a KB id) on ``date`` (None: holds it now)."""
        for e in self._role_index().get((role, of), ()):
            if e.active(role, of, date):
                return e
        return None

    def title_holder(self, key: str, date: str | None) -> KBEntity | None:
        """``الرئيس الروسي`` / ``المتحدث باسم الكرملين`` / ``رئيس وزراء إسرائيل`` → who held it on ``date``."""
        words = key.split()
        for n in range(min(self.max_title_len, len(words) - 1), 0, -1):
            role = self.titles.get(" ".join(words[:n]))
            if role is None:
                continue
            rest = words[n:]
            if rest[0] in _CONNECTORS and len(rest) > 1:
                rest = rest[1:]
            q = " ".join(rest)
            of = self.adjectives.get(q)
            if of is None:
                for _, v in clitic_variants(rest[0]):
                    cands = self.candidates(" ".join([v, *rest[1:]]))
                    if cands:
                        c = cands[0]
                        of = c.country if c.is_country else c.capital_of or (c.id if c.type == "ORG" else None)
                        break
            return self.holder(role, of, date) if of else None
        return None

    def _role_index(self) -> dict[tuple[str, str], list[KBEntity]]:
        idx = self._roles
        if idx is None:
            idx = {}
            for e in self.entities:
                for r, o, _, _ in e.roles:
                    idx.setdefault((r, o), []).append(e)
            self._roles = idx
        return idx

    def adjective_country(self, token_key: str) -> str | None:
        """ISO-3 for a nationality adjective (الروسي، روسية، الأمريكيين) or None."""
        return self.adjectives.get(token_key)

    def __len__(self) -> int:
        return len(self.entities)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(json.loads(line))
    return out


@lru_cache(maxsize=4)
def _load_cached(path: str, extra: tuple[str, ...]) -> KB:
    from khabar.models.files import model_file

    with model_file(path), gzip.open(path, "rt", encoding="utf-8") as fh:
        kb = KB(json.load(fh))
    for p in extra:
        kb.add(read_jsonl(p), source="user")
    return kb


def load_kb(path: str | Path | None = None, extra: Iterable[str | Path] = ()) -> KB:
    """The shipped KB (cached), optionally extended with user JSONL files in the curated format."""
    return _load_cached(str(path or KB_FILE), tuple(str(p) for p in extra))
