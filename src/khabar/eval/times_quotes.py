"""Scoring of the times and quotes layers against khabar/1 gold (document-format.md matching rules).

times: a prediction matches a gold item when the spans overlap and the values are equal (one-to-one).
quotes: content spans overlap by at least half of the shorter one and the speaker is the same entity
(the output speaker entity shares a mention with the gold speaker entity; both null also agree).
Gold items marked ``optional`` are neither required nor, when matched, counted against precision.
Used by ``khabar eval quotes-times`` and ``khabar eval timex-omani`` until/alongside ``khabar eval docs``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.document import Document, Entity, Quote, TimeExpression
from khabar.eval.matching import max_matching
from khabar.eval.metrics import f1 as f1_score
from khabar.eval.metrics import ratio


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def p(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def r(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.p, self.r)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _score(n_pred: int, gold_optional: list[bool], edge: Any, touches_optional: Any = None) -> PRF:
    """One-to-one matching; an unmatched prediction that overlaps an optional gold item is not judged."""
    match = max_matching(n_pred, len(gold_optional), edge)
    tp = sum(1 for g in match.values() if not gold_optional[g])
    unjudged = 0
    if touches_optional is not None:
        unjudged = sum(1 for p in range(n_pred) if p not in match and touches_optional(p))
    fp = n_pred - len(match) - unjudged
    fn = sum(1 for g, opt in enumerate(gold_optional) if not opt) - tp
    return PRF(tp, fp, fn)


def score_times(pred: list[TimeExpression], gold: list[dict[str, Any]], *, value: bool = True) -> PRF:
    opt = [bool(g.get("optional")) for g in gold]

    def edge(p: int, g: int) -> bool:
        a, b = pred[p], gold[g]
        if not _overlap(a.start, a.end, b["start"], b["end"]):
            return False
        return (not value) or a.value == b.get("value")

    def touches_optional(p: int) -> bool:
        a = pred[p]
        return any(g.get("optional") and _overlap(a.start, a.end, g["start"], g["end"]) for g in gold)

    return _score(len(pred), opt, edge, touches_optional)


def _mention_keys(ents: list[Entity] | list[dict[str, Any]]) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for e in ents:
        d = e.to_dict() if isinstance(e, Entity) else e
        out[d["id"]] = {(m["start"], m["end"]) for m in d.get("mentions", []) + d.get("coref_mentions", [])}
    return out


def score_quotes(
    pred: list[Quote], pred_ents: list[Entity], gold: list[dict[str, Any]], gold_ents: list[dict[str, Any]],
    *, speaker: bool = True,
) -> PRF:
    pm, gm = _mention_keys(pred_ents), _mention_keys(gold_ents)
    opt = [bool(g.get("optional")) for g in gold]

    def same_speaker(ps: str | None, gs: str | None) -> bool:
        if ps is None or gs is None:
            return ps is None and gs is None
        if ps == gs and ps in pm and gs in gm and (not pm[ps] or pm[ps] & gm[gs]):
            return True
        return bool(pm.get(ps, set()) & gm.get(gs, set()))

    def edge(p: int, g: int) -> bool:
        a, b = pred[p].content, gold[g]["content"]
        shorter = min(a.end - a.start, b["end"] - b["start"])
        if shorter <= 0 or _overlap(a.start, a.end, b["start"], b["end"]) * 2 < shorter:
            return False
        return (not speaker) or same_speaker(pred[p].speaker, gold[g].get("speaker"))

    return _score(len(pred), opt, edge)


def gold_text(gold: dict[str, Any], text_path: Path | None) -> str:
    if "text" in gold:
        return gold["text"]
    if text_path is None:
        raise ValueError("this gold file carries no text: give the article with --text")
    return text_path.read_text(encoding="utf-8")


def run_on_gold(gold: dict[str, Any], text: str, upstream: str = "gold") -> Document:
    """Analyse ``text`` for times and quotes. upstream='gold': entities come from the gold file (a fake NER+KB,
    to judge this stage alone; the parse and clause view run as in the pipeline); 'pipeline': every default
    stage runs."""
    from khabar.extract.quotes import quotes_stage
    from khabar.extract.times import time_anchors_stage, times_stage
    from khabar.pipeline import get_stage

    meta = dict(gold.get("meta", {}))
    if upstream == "pipeline":
        from khabar.pipeline import analyze

        return analyze(text, published=meta.get("published"), meta=meta)
    doc = Document(text=text, meta=meta)
    # the text layers, POS/lemmas and the parse as in the full pipeline: the times stage reads tense from them,
    # the quotes stage reads the clause view (built over the gold entities, as it is over resolved ones)
    for name in ("tokenize", "sentences", "morph", "parse"):
        get_stage(name)(doc)
    doc.entities = [Entity.from_dict(e) for e in gold.get("entities", [])]
    get_stage("clauses")(doc)
    times_stage(doc)
    quotes_stage(doc)
    time_anchors_stage(doc)
    return doc


# --- TimeML (Omani news) -------------------------------------------------------------------------------

_TAG = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """Text with tags removed, and the TIMEX3 spans in it."""
    raw = path.read_text(encoding="utf-8").lstrip("\ufeff")
    raw = re.sub(r"<\?xml[^>]*>|<!DOCTYPE[^>]*>", "", raw)
    out: list[str] = []
    spans = []
    pos = 0
    n = 0
    for m in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : m.start()])
        out.append(chunk)
        n += len(chunk)
        if m.group(2) is not None:
            inner = html.unescape(m.group(2))
            attrs = dict(_ATTR.findall(m.group(1)))
            spans.append({"start": n, "end": n + len(inner), "text": inner, "type": attrs.get("type"),
                          "value": attrs.get("value")})
            out.append(inner)
            n += len(inner)
        pos = m.end()
    out.append(html.unescape(raw[pos:]))
    text = "".join(out).replace("\ufeff", "")
    return text, spans


def infer_dct(spans: list[dict[str, Any]]) -> str | None:
    """The TML files carry no document date: take it from a gold اليوم/أمس/غدا value when there is one."""
    from datetime import date, timedelta

    from khabar.text.normalize import normalize

    offsets = {"اليوم": 0, "امس": -1, "الامس": -1, "غدا": 1, "الغد": 1}
    for s in spans:
        k = normalize(s["text"]).strip()
        if k in offsets and s.get("value") and re.fullmatch(r"\d{4}-\d\d-\d\d", s["value"]):
            return (date.fromisoformat(s["value"]) - timedelta(days=offsets[k])).isoformat()
    return None
