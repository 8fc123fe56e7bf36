"""Score the coder on the UniversalPetrarch Arabic GSR (gold event sentences, PROTEST / ASSAULT).

Every candidate the coder finds counts (``min_confidence=0``); ``type_recall_at_threshold`` counts only events at
or above the detector's default confidence threshold (what ``khabar analyze`` keeps).
Each JSONL row is one sentence with one gold event: ``plover`` type, ``eventtext``, ``sourcetext`` (source actor
words, often reordered), ``sourcecode`` (CAMEO country + sector, "None" where unknown). Measures:
- type recall: the sentence gets at least one event of the gold type (any factuality);
- source match (text): over rows with a gold source text, an event of the gold type has an actor whose mention
  shares a word stem with the gold source text;
- source match (code): over rows with a gold source code, an actor of an event of the gold type carries the gold
  country/sector (the known parts);
- nothing coded: rows where the coder found no event at all.
The upstream NER/KB stages are not run by default (actors come from the coder's lexicon fallback); pass
``pipeline=True`` to run the full default pipeline first.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.eval.metrics import prf
from khabar.extract.eventcoder.coder import code_document
from khabar.extract.eventcoder.detector import default_min_confidence
from khabar.extract.eventcoder.lexicon import nkey
from khabar.paths import SHARED_DATA

DEFAULT_GSR = SHARED_DATA / "events/universalpetrarch-arabic/gsr-dev.jsonl"
_STOP = {"من", "في", "عن", "على", "علي", "و", "ال"}


def word_keys(s: str) -> set[str]:
    out = set()
    for w in nkey(s).split():
        w = w.strip("«»\"'.,،()")
        if w.startswith("و") and len(w) > 3:
            w = w[1:]
        for p in ("لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        for suf in ("ون", "ين", "ات", "يه", "ه", "ا", "و", "ي"):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                w = w[: -len(suf)]
                break
        if len(w) >= 2 and w not in _STOP:
            out.add(w)
    return out


@dataclass
class GsrScore:
    name: str
    n: int = 0
    type_hit: int = 0
    thr_hit: int = 0  # type hit by an event at or above the detector's default confidence threshold
    asserted_hit: int = 0
    nothing: int = 0
    src_n: int = 0
    src_hit: int = 0
    code_n: int = 0
    code_hit: int = 0
    seconds: float = 0.0
    n_events: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        def r(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "split": self.name, "sentences": self.n, "type_recall": r(self.type_hit, self.n),
            "type_recall_at_threshold": r(self.thr_hit, self.n),
            "type_recall_asserted": r(self.asserted_hit, self.n), "nothing_coded": r(self.nothing, self.n),
            "source_rows": self.src_n, "source_match": r(self.src_hit, self.src_n),
            "code_rows": self.code_n, "source_code_match": r(self.code_hit, self.code_n),
            **{f"recall_{k}": r(v[0], v[1]) for k, v in sorted(self.by_type.items())},
            "events_per_sentence": round(self.n_events / max(self.n, 1), 2),
            "ms_per_sentence": round(1000 * self.seconds / max(self.n, 1), 2),
        }


def load(path: Path = DEFAULT_GSR) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _doc(row: dict[str, Any]) -> Document:
    d = str(row.get("date", ""))
    published = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else None
    return Document(text=row["text"], id=str(row.get("id", "")), meta={"published": published} if published else {})


def _code_ok(gold: str, country: str | None, sector: str | None) -> bool:
    parts = (gold.split() + ["None", "None"])[:2]
    want_c, want_s = (None if p == "None" else p for p in parts)
    if want_c is None and want_s is None:
        return False
    return (want_c is None or want_c == country) and (want_s is None or want_s == sector)


def score_rows(rows: list[dict[str, Any]], name: str, pipeline: bool = False,
               misses: list[dict[str, Any]] | None = None) -> GsrScore:
    sc = GsrScore(name)
    run = None
    if pipeline:
        from khabar.pipeline import DEFAULT_STAGES, Pipeline

        run = Pipeline([s for s in DEFAULT_STAGES if s not in ("events", "topics")])  # events coded below
    for row in rows:
        gold = row["events"][0]
        t0 = time.perf_counter()
        if run is not None:
            doc = run.run(_doc(row))
            events = code_document(doc, min_confidence=0.0)  # every candidate: the GSR measures recall
        else:
            doc = _doc(row)
            events = code_document(doc, min_confidence=0.0)
        sc.seconds += time.perf_counter() - t0
        sc.n += 1
        sc.n_events += len(events)
        same = [e for e in events if e.event == gold["plover"]]
        hit = bool(same)
        sc.type_hit += hit
        sc.thr_hit += any(e.confidence is None or e.confidence >= default_min_confidence(e.event) for e in same)
        sc.asserted_hit += any(e.factuality == "asserted" for e in same)
        sc.nothing += not events
        bt = sc.by_type.setdefault(gold["plover"], [0, 0])
        bt[0] += hit
        bt[1] += 1
        actors = [a for e in same for aid in e.actor if (a := doc.entity(aid)) is not None]
        src_ok = None
        if gold.get("sourcetext", "").strip():
            sc.src_n += 1
            keys = word_keys(gold["sourcetext"])
            ours = set()
            for a in actors:
                for m in a.mentions + a.coref_mentions:  # a nominal actor (issue 13) has coref spans only
                    ours |= word_keys(m.text or "")
            src_ok = bool(keys & ours)
            sc.src_hit += src_ok
        if gold.get("sourcecode", "None None") != "None None":
            sc.code_n += 1
            sc.code_hit += any(_code_ok(gold["sourcecode"], a.country, a.sector) for a in actors)
        if misses is not None and (not hit or src_ok is False):
            misses.append({"id": row.get("id"), "gold": gold, "text": row["text"][:300],
                           "ours": [(e.event, [(ent.mentions + ent.coref_mentions)[0].text for a in e.actor
                                               if (ent := doc.entity(a)) and (ent.mentions or ent.coref_mentions)])
                                    for e in events]})
    return sc


def evaluate(path: Path = DEFAULT_GSR, pipeline: bool = False) -> list[GsrScore]:
    """Scores on the even rows (tuning half), the odd rows (held apart while tuning) and all rows."""
    rows = load(path)
    return [
        score_rows(rows[0::2], "even (tune)", pipeline),
        score_rows(rows[1::2], "odd (check)", pipeline),
        score_rows(rows, "all", pipeline),
    ]


DEFAULT_SPANS = SHARED_DATA / "events/arabic-event-gsr/spans-dev.jsonl"


def score_spans(path: Path = DEFAULT_SPANS, pipeline: bool = False) -> dict[str, Any]:
    """Argument match on spans-dev (gold source/target text of each sentence's event), every candidate; the coder
    alone, or after the NER/KB/quotes stages with ``pipeline``.

    Per role: precision = rows where an event of the gold type has that role filled and some filler shares a word
    stem with the gold text / rows with the role filled (and a gold text to compare with); recall = rows with a gold
    text matched / rows with a gold text."""
    rows = load(path)
    run = None
    if pipeline:
        from khabar.pipeline import DEFAULT_STAGES, Pipeline

        run = Pipeline([s for s in DEFAULT_STAGES if s not in ("events", "topics")])
    out: dict[str, Any] = {"sentences": len(rows)}
    counts = {r: [0, 0, 0] for r in ("source", "target")}  # matched, predicted, gold
    for row in rows:
        doc = _doc(row) if run is None else run.run(_doc(row))
        same = [e for e in code_document(doc, min_confidence=0.0) if e.event == row.get("event_type")]
        for role, attr, key in (("source", "actor", "source_gold"), ("target", "recipient", "target_gold")):
            gold = str(row.get(key) or "").strip()
            if not gold:
                continue
            ents = [doc.entity(i) for e in same for i in getattr(e, attr)]
            ours: set[str] = set()
            for ent in ents:
                if ent is not None:
                    for m in ent.mentions + ent.coref_mentions:
                        ours |= word_keys(m.text or "")
            c = counts[role]
            c[2] += 1
            c[1] += bool(ents)
            c[0] += bool(ours & word_keys(gold))
    for role, (hit, pred, n_gold) in counts.items():
        p, r, f = prf(hit, pred, n_gold)
        out[role] = {"gold_rows": n_gold, "filled": pred, "matched": hit, "precision": round(p, 3),
                     "recall": round(r, 3), "f1": round(f, 3)}
    return out
