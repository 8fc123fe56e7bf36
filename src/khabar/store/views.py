"""Helpers of the analyst views (paged/faceted search, entity pages): query expansion through the KB, and the
names kept out of "top" lists. Backend-independent; the SQL lives in ``khabar.store.base``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.store.keys import match_form, query_words, words

QID = re.compile(r"^Q[1-9][0-9]{0,11}$")
MAX_VARIANTS = 8  # spellings one query word may stand for (bounded query size)


@lru_cache(maxsize=1)
def _not_top() -> dict[str, Any]:
    raw = json.loads(resources.files("khabar.data").joinpath("store/not_top.json").read_text(encoding="utf-8"))
    return {"sectors": tuple(raw["sectors"]), "wikidata": tuple(raw["wikidata"]),
            "names": tuple(sorted({match_form(n) for n in raw["names"]}))}


def not_top_sql(ph: str, alias: str = "e") -> tuple[str, list[Any]]:
    """A condition on entities rows ``alias`` that leaves out media organisations, platforms and currencies
    (``data/store/not_top.json``), with its arguments."""
    nt = _not_top()
    marks = lambda xs: ", ".join([ph] * len(xs))  # noqa: E731
    sql = (f"NOT ({alias}.type = 'ORG' AND {alias}.sector IN ({marks(nt['sectors'])}))"
           f" AND ({alias}.wikidata IS NULL OR {alias}.wikidata NOT IN ({marks(nt['wikidata'])}))"
           f" AND coalesce({alias}.name_key, '') NOT IN ({marks(nt['names'])})")
    return sql, [*nt["sectors"], *nt["wikidata"], *nt["names"]]


def entity_key_sql(ph: str, key: str, cols: str = "doc, ent_id") -> tuple[str, list[Any]]:
    """SQL selecting the entities rows of one corpus entity: a Wikidata id, or the store key (the normalised
    name) of an entity without one — the ``key`` that facets and related lists give."""
    if QID.match(key):
        return f"SELECT {cols} FROM entities WHERE wikidata={ph}", [key]
    return f"SELECT {cols} FROM entities WHERE name_key={ph} AND wikidata IS NULL", [match_form(key)]


def _kb_variants(word: str) -> list[str]:
    """Other one-word spellings of the KB entity (or entities with a Wikidata id) this word names, e.g. ترمب →
    ترامب: taken from the KB's aliases, so the list grows with the KB."""
    try:
        from khabar.kb.kb import kb_key, load_kb
    except ImportError:  # pragma: no cover - the KB ships with the package
        return []
    kb = load_kb()
    out: list[str] = []
    for ent in kb.candidates(kb_key(word)):
        if not ent.qid:
            continue
        for name in (ent.ar, *ent.aliases):
            ws = words(name or "")
            if len(ws) == 1 and ws[0] != word and ws[0] not in out:
                out.append(ws[0])
    return out[:MAX_VARIANTS]


def expand_words(query: str, *, kb: bool = True) -> list[list[str]]:
    """The query's words (normalised as the index keys), each with the spellings it may stand for: a word that
    is a one-word alias of a KB entity with a Wikidata id also matches that entity's other one-word aliases."""
    groups: list[list[str]] = []
    for w in query_words(query):  # distinct words, at most keys.MAX_QUERY_TERMS
        group = [w, *(_kb_variants(w) if kb else [])]
        if group not in groups:
            groups.append(group)
    return groups
