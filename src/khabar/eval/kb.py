"""Scoring of entity resolution + linking against gold documents (the document-format scorer's rules).

A gold entity is *found* when one output entity holds at least half of its mentions (exact spans); its link is
*right* when that output entity's ``wikidata`` equals the gold QID (gold entities with a QID), or — for gold
entities without one — when the output is not linked to some other QID or has the gold canonical name
(``nil`` accuracy, reported apart).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.document import Document, Entity, Span
from khabar.kb.kb import KB
from khabar.kb.resolve import Resolver


def fake_ner(gold: dict[str, Any], text: str) -> Document:
    """What the NER stage will hand over: one Entity per gold mention, ``canonical`` None."""
    doc = Document(text=text, meta=dict(gold.get("meta") or {}))
    n = 0
    for ent in gold.get("entities", []):
        for m in ent.get("mentions", []):
            n += 1
            doc.entities.append(Entity(f"ent_{n}", ent["type"], mentions=[Span(m["start"], m["end"], m["text"])]))
    return doc


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    linked_gold: int = 0  # gold entities with a QID
    linked_right: int = 0
    nil_gold: int = 0
    nil_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("gold", "found", "linked_gold", "linked_right", "nil_gold", "nil_right"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors += other.errors

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def link_acc(self) -> float:
        return self.linked_right / self.linked_gold if self.linked_gold else 1.0

    @property
    def nil_acc(self) -> float:
        return self.nil_right / self.nil_gold if self.nil_gold else 1.0


def score_doc(gold: dict[str, Any], out: Document, include_optional: bool = False) -> Score:
    sc = Score()
    owner: dict[tuple[int, int], Entity] = {}
    for e in out.entities:
        for m in e.mentions:
            owner[(m.start, m.end)] = e
    for g in gold.get("entities", []):
        if g.get("optional") and not include_optional:
            continue
        spans = [(m["start"], m["end"]) for m in g.get("mentions", [])]
        if not spans:
            continue
        sc.gold += 1
        counts: dict[str, int] = {}
        for s in spans:
            if s in owner:
                counts[owner[s].id] = counts.get(owner[s].id, 0) + 1
        best = max(counts, key=lambda k: counts[k]) if counts else None
        hit = out.entity(best) if best and counts[best] * 2 >= len(spans) else None
        name = g.get("canonical") or g["id"]
        if hit is None:
            sc.errors.append(f"not found: {name} {counts}")
        else:
            sc.found += 1
        if g.get("wikidata"):
            sc.linked_gold += 1
            if hit is not None and hit.wikidata == g["wikidata"]:
                sc.linked_right += 1
            else:
                sc.errors.append(f"link: {name} gold {g['wikidata']} got {hit.wikidata if hit else None}")
        else:
            sc.nil_gold += 1
            same_name = hit is not None and (hit.canonical or "").lower() == (g.get("canonical") or "").lower()
            if hit is not None and (hit.wikidata is None or same_name):
                sc.nil_right += 1
            elif hit is not None:
                sc.errors.append(f"nil: {name} linked to {hit.wikidata}")
    return sc


def load_gold(path: Path) -> tuple[dict[str, Any], str]:
    """A gold JSON; its text comes from ``text`` or a sibling ``.txt`` (the seed keeps them apart)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = gold.get("text")
    if text is None:
        for cand in (path.with_suffix(".txt"), path.parent / "article.txt"):
            if cand.exists():
                text = cand.read_text(encoding="utf-8")
                break
    if text is None:
        raise ValueError(f"no text for {path}")
    return gold, text


def evaluate(paths: list[Path], kb: KB | None = None, mode: str = "gold-ner") -> tuple[Score, dict[str, Score]]:
    """Score resolution on gold files. ``mode``: ``gold-ner`` (fake NER from gold mentions), ``gaz`` (no NER:
    the gazetteer pass alone finds mentions) or ``pipeline`` (the real text, morph and NER stages first)."""
    if mode not in ("gold-ner", "gaz", "pipeline"):
        raise ValueError(f"unknown mode {mode!r}")
    resolver = Resolver(kb)
    upstream = None
    if mode == "pipeline":
        from khabar.pipeline import Pipeline

        upstream = Pipeline(["tokenize", "sentences", "dateline", "morph", "ner"])
    total, per = Score(), {}
    for p in paths:
        gold, text = load_gold(p)
        meta = dict(gold.get("meta") or {})
        if mode == "gold-ner":
            doc = fake_ner(gold, text)
        elif upstream is not None:
            doc = upstream(text, meta=meta)
        else:
            doc = Document(text=text, meta=meta)
        resolver(doc)
        sc = score_doc(gold, doc)
        per[p.name] = sc
        total.add(sc)
    return total, per
