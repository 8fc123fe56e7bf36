"""Document-level scoring of khabar/1 output against gold (``khabar eval docs``).

Implements "How a scorer matches" in ``shared/docs/document-format.md``. Spans are ``(start, end)``
code-point offsets; two spans *overlap* when they share at least one character. Choices the format
leaves open, made here (and mirrored by the independent scorer in ``bench/independent_scorer.py``):

Counting
  * Gold and output are paired by ``id``; a gold document with no output of the same id is paired with
    the output whose text has the same SHA-256 (gold ``text`` or ``text_sha256``). A gold document with no
    output scores as an empty prediction. Output documents with no gold are ignored (counted). An output
    whose text hash differs from the gold's is not scored (offsets into another text mean nothing).
    Gold files may carry ``text_sha256`` instead of ``text``: :func:`load_gold` takes the text from
    ``--text``, a same-named ``.txt`` or a ``.txt`` beside the gold with that hash; failing that, the
    output document of the same id supplies it (checked against the hash).
  * A layer is judged in a document only when the gold file carries its key (``entities`` → mentions,
    entities, linking; ``times``; ``quotes``; ``events``). Figures are micro-averaged over documents.
  * Precision = matched output items / counted output items, recall = matched gold items / gold items.
    With nothing to find and nothing output, P = R = F1 = 1; an empty side otherwise gives 0.
  * Entities follow the format's wording (a gold entity is found when *some* output entity holds half
    its mentions), so they are not paired one-to-one. Mentions, times, quotes and events are paired one-to-one by a *maximum* bipartite matching, so
    duplicates in the output are false positives and the figures do not depend on list order.
    Accuracies (quote type, event date/mode/factuality) are (size of a maximum matching whose pairs also
    agree on the attribute) / (size of the maximum matching).

Optional gold items (``"optional": true``) are neutral: they are neither misses when absent nor false
positives when hit. An output item is *absorbed* (dropped from the output count) when no maximum matching
with the required gold can use it and it hits an optional item under the layer's span condition:
mentions: same span (exact) / overlapping span (overlap), type ignored; times: overlapping span, value
ignored; quotes: the content rule, speaker ignored; events: same type and an overlapping evidence span.
Among maximum matchings the one leaving the fewest non-absorbable output items unmatched is used.

Entity identity (quote speakers, event actors and recipients; addressees are not scored): an output entity is the same as a gold entity
when their span sets intersect, each set being the entity's ``mentions`` plus its ``coref_mentions``
(so a pronoun or title the gold lists as coreferent, e.g. ``انه قال``, identifies the speaker too).
``group_mentions`` (الزعيمين → several entities) do not identify any single entity.

Layers
  * mentions: gold ``entities[].mentions`` with the entity's type vs output ``entities[].mentions``;
    exact = same span and type, overlap = overlapping span and same type. Mentions of optional entities,
    mentions marked optional, gold ``coref_mentions`` and ``group_mentions`` are neutral spans.
  * entities: a gold entity is found when some output entity holds (among its mentions and coref
    mentions) at least half of the gold entity's distinct mention spans (type is judged by the mention
    layer, not here). An output entity is right when it holds half of some required gold entity; it is
    neutral when it only does so for optional ones, or when all its spans are neutral spans; else it is
    a false positive. Gold entities without mentions are not scored.
  * linking: over required gold entities that carry ``wikidata`` or (failing that) ``canonical``: right
    when the output entity holding most of its mentions has the same QID (case-insensitive) or, where gold
    has no QID, the same ``canonical`` (case-folded, spaces collapsed, parenthesised glosses such as
    "Kremlin (Russian presidency)" dropped); ties go to a right one. Accuracy is over found entities;
    recall over all linkable ones.
  * times: overlapping span and equal ``value`` (a null value equals only null).
  * quotes: content spans overlap by at least half of the shorter one, and the speaker is the same
    entity. A null gold speaker (the text names none) matches only a null output speaker, so an invented
    speaker is wrong; a named gold speaker never matches a null one. ``non_quotes`` are not neutral: output
    quotes on them are false positives (their number is reported as a diagnostic).
  * events: only ``asserted`` events on both sides (``all_factuality=True`` counts every event and reports
    factuality accuracy). Match: same ``event``; actor sets intersect (by entity identity; a gold event
    with no actor needs an output with none); when gold has recipients, the sets are equal (every gold
    recipient is some output recipient and vice versa); and some evidence spans overlap. ``not_coded``
    spans are not neutral (output events on them are reported as a diagnostic). Date: equal strings
    (null = null); mode: equal sets.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.eval.matching import SpanIndex, max_matching
from khabar.eval.metrics import f1, ratio

Span = tuple[int, int]

# Layers whose figures are the "headline" the independent scorer must reproduce.
HEADLINE_LAYERS: tuple[str, ...] = (
    "mentions_exact",
    "mentions_overlap",
    "entities",
    "linking",
    "times",
    "quotes",
    "quote_type",
    "events",
    "event_date",
)
PRF_LAYERS: tuple[str, ...] = (
    "mentions_exact",
    "mentions_overlap",
    "entities",
    "times",
    "times_span",
    "quotes",
    "quotes_span",
    "events",
    "events_type",
)
ACCURACY_LAYERS: tuple[str, ...] = ("quote_type", "event_date", "event_mode", "event_factuality")
# Which gold key makes a layer judged in a document.
_LAYER_KEY = {
    "mentions_exact": "entities",
    "mentions_overlap": "entities",
    "entities": "entities",
    "linking": "entities",
    "times": "times",
    "times_span": "times",
    "quotes": "quotes",
    "quotes_span": "quotes",
    "quote_type": "quotes",
    "events": "events",
    "events_type": "events",
    "event_date": "events",
    "event_mode": "events",
    "event_factuality": "events",
}


class EvalError(ValueError):
    """Input the scorer cannot use (unreadable file, not a khabar document, text mismatch)."""


# --------------------------------------------------------------------------------------------- counts


@dataclass(slots=True)
class PRF:
    gold: int = 0
    pred: int = 0
    tp_gold: int = 0
    tp_pred: int = 0
    neutral: int = 0
    docs: int = 0

    def add(self, other: PRF) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.tp_pred += other.tp_pred
        self.neutral += other.neutral
        self.docs += other.docs

    def as_dict(self) -> dict[str, Any]:
        if not self.docs:
            p = r = f = None
        else:
            # nothing to find and nothing found scores 1.0 (both counts zero), not 0.0
            p = ratio(self.tp_pred, self.pred, 1.0 if self.gold == 0 else 0.0)
            r = ratio(self.tp_gold, self.gold, 1.0 if self.pred == 0 else 0.0)
            f = f1(p, r)
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "gold": self.gold,
            "pred": self.pred,
            "tp_gold": self.tp_gold,
            "tp_pred": self.tp_pred,
            "neutral": self.neutral,
            "docs": self.docs,
        }


@dataclass(slots=True)
class Accuracy:
    matched: int = 0
    correct: int = 0
    docs: int = 0

    def add(self, other: Accuracy) -> None:
        self.matched += other.matched
        self.correct += other.correct
        self.docs += other.docs

    def as_dict(self) -> dict[str, Any]:
        acc = self.correct / self.matched if self.matched else None
        return {"matched": self.matched, "correct": self.correct, "accuracy": acc, "docs": self.docs}


@dataclass(slots=True)
class Linking:
    gold: int = 0
    found: int = 0
    correct: int = 0
    docs: int = 0

    def add(self, other: Linking) -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.docs += other.docs

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "correct": self.correct,
            "accuracy": self.correct / self.found if self.found else None,
            "recall": self.correct / self.gold if self.gold else None,
            "docs": self.docs,
        }


# ------------------------------------------------------------------------------------------- helpers


def _span(obj: Any) -> Span | None:
    """``(start, end)`` of a span-like dict, or None when it is malformed or empty."""
    if not isinstance(obj, dict):
        return None
    s, e = obj.get("start"), obj.get("end")
    if type(s) is not int or type(e) is not int or e <= s or s < 0:
        return None
    return (s, e)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _content_match(a: Span, b: Span) -> bool:
    ov = _overlap(a, b)
    return ov > 0 and 2 * ov >= min(a[1] - a[0], b[1] - b[0])


def _list(obj: Any, key: str) -> list[Any]:
    value = obj.get(key) if isinstance(obj, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _opt(obj: dict[str, Any]) -> bool:
    return obj.get("optional") is True


_GLOSS = re.compile(r"\([^()]*\)")


def _canon(s: Any) -> str | None:
    """Comparable form of a canonical name: case-folded, parenthesised glosses dropped, spaces collapsed."""
    if not isinstance(s, str):
        return None
    prev = None
    while prev != s:  # innermost first, so nested glosses go too
        prev, s = s, _GLOSS.sub(" ", s)
    out = " ".join(s.casefold().split())
    return out or None


def _qid(s: Any) -> str | None:
    return s.strip().upper() if isinstance(s, str) and s.strip() else None


@dataclass(slots=True)
class _Ent:
    id: str
    type: str
    optional: bool
    mentions: list[tuple[Span, bool]]  # (span, optional)
    identity: frozenset[Span]  # mentions + coref_mentions
    wikidata: str | None
    canonical: str | None


@dataclass(slots=True)
class _Side:
    """One document (gold or output) reduced to what the scorer reads."""

    entities: list[_Ent] = field(default_factory=list)
    by_id: dict[str, _Ent] = field(default_factory=dict)
    neutral_spans: set[Span] = field(default_factory=set)  # gold only: coref + group mention spans
    times: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    non_quotes: list[Span] = field(default_factory=list)
    not_coded: list[Span] = field(default_factory=list)


def _prepare(doc: dict[str, Any], *, gold: bool, all_factuality: bool) -> _Side:
    side = _Side()
    for raw in _list(doc, "entities"):
        eid = raw.get("id")
        if not isinstance(eid, str):
            continue
        mentions = [(sp, gold and _opt(m)) for m in _list(raw, "mentions") if (sp := _span(m))]
        coref = [sp for m in _list(raw, "coref_mentions") if (sp := _span(m))]
        ent = _Ent(
            id=eid,
            type=str(raw.get("type") or ""),
            optional=gold and _opt(raw),
            mentions=mentions,
            identity=frozenset([sp for sp, _ in mentions] + coref),
            wikidata=_qid(raw.get("wikidata")),
            canonical=_canon(raw.get("canonical")),
        )
        side.entities.append(ent)
        side.by_id.setdefault(eid, ent)
        if gold:
            side.neutral_spans.update(coref)
    if gold:
        for group in _list(doc, "group_mentions"):
            side.neutral_spans.update(sp for m in _list(group, "mentions") if (sp := _span(m)))
        side.non_quotes = [sp for m in _list(doc, "non_quotes") if (sp := _span(m))]
        side.not_coded = [sp for m in _list(doc, "not_coded") if (sp := _span(m))]
    for t in _list(doc, "times"):
        if sp := _span(t):
            side.times.append({"span": sp, "value": t.get("value"), "optional": gold and _opt(t)})
    for q in _list(doc, "quotes"):
        if sp := _span(q.get("content")):
            speaker = q.get("speaker") if isinstance(q.get("speaker"), str) else None
            side.quotes.append(
                {"span": sp, "speaker": speaker, "type": q.get("type"), "optional": gold and _opt(q)}
            )
    for ev in _list(doc, "events"):
        fact = ev.get("factuality") or "asserted"
        if not all_factuality and fact != "asserted":
            continue
        side.events.append(
            {
                "event": ev.get("event"),
                "actor": _ids(ev.get("actor")),
                "recipient": _ids(ev.get("recipient")),
                "evidence": [sp for s in _list(ev, "evidence") if (sp := _span(s))],
                "date": ev.get("date"),
                "mode": frozenset(_ids(ev.get("mode"))),
                "factuality": fact,
                "optional": gold and _opt(ev),
            }
        )
    return side


def _same_entity(gold: _Side, gid: str, pred: _Side, pid: str) -> bool:
    g, p = gold.by_id.get(gid), pred.by_id.get(pid)
    return g is not None and p is not None and not g.identity.isdisjoint(p.identity)


def _score_items(
    gold_items: Sequence[Any],
    gold_optional: Sequence[Any],
    preds: Sequence[Any],
    match: Callable[[Any, Any], bool],
    neutral: Callable[[Any, Any], bool],
    extra: dict[str, Callable[[Any, Any], bool]] | None = None,
    hull: Callable[[Any], Span | None] | None = None,
) -> tuple[PRF, dict[str, Accuracy]]:
    """P/R counts from a maximum matching, plus accuracy counts for each attribute in ``extra``.

    ``hull(item)`` gives a span every match needs to overlap (match ⇒ hulls overlap); it only speeds
    the search up on long documents.
    """
    if hull is not None:
        gold_index = SpanIndex([hull(g) or (0, 0) for g in gold_items])
        opt_index = SpanIndex([hull(o) or (0, 0) for o in gold_optional])
        pred_hulls = [hull(p) or (0, 0) for p in preds]

        def gold_near(p: int) -> list[int]:
            return gold_index.overlapping(pred_hulls[p])

        def optional_near(p: int) -> Iterable[Any]:
            return (gold_optional[i] for i in opt_index.overlapping(pred_hulls[p]))
    else:

        def gold_near(p: int) -> list[int]:
            return list(range(len(gold_items)))

        def optional_near(p: int) -> Iterable[Any]:
            return gold_optional

    absorbable = [any(neutral(o, p) for o in optional_near(i)) for i, p in enumerate(preds)]
    order = [i for i, a in enumerate(absorbable) if not a] + [i for i, a in enumerate(absorbable) if a]
    matching = max_matching(
        len(preds), len(gold_items), lambda p, g: match(gold_items[g], preds[p]), order, gold_near
    )
    absorbed = sum(1 for i, a in enumerate(absorbable) if a and i not in matching)
    tp = len(matching)
    prf = PRF(
        gold=len(gold_items), pred=len(preds) - absorbed, tp_gold=tp, tp_pred=tp, neutral=absorbed, docs=1
    )
    accs: dict[str, Accuracy] = {}
    for name, agree in (extra or {}).items():

        def agreeing(p: int, g: int, agree: Callable[[Any, Any], bool] = agree) -> bool:
            return bool(match(gold_items[g], preds[p]) and agree(gold_items[g], preds[p]))

        right = max_matching(len(preds), len(gold_items), agreeing, candidates=gold_near)
        accs[name] = Accuracy(matched=tp, correct=len(right), docs=1)
    return prf, accs


def _hull_of(spans: Sequence[Span]) -> Span | None:
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


# ------------------------------------------------------------------------------------------- layers


def _score_mentions(gold: _Side, pred: _Side) -> tuple[PRF, PRF]:
    required: set[tuple[int, int, str]] = set()
    neutral_spans = set(gold.neutral_spans)
    for ent in gold.entities:
        for sp, optional in ent.mentions:
            if optional or ent.optional:
                neutral_spans.add(sp)
            else:
                required.add((sp[0], sp[1], ent.type))
    gold_items = sorted(required)
    neutral_items = sorted(neutral_spans)
    preds = sorted({(sp[0], sp[1], ent.type) for ent in pred.entities for sp, _ in ent.mentions})
    exact, _ = _score_items(
        gold_items,
        neutral_items,
        preds,
        lambda g, p: g == p,
        lambda n, p: (n[0], n[1]) == (p[0], p[1]),
        hull=lambda item: (item[0], item[1]),
    )
    overlap, _ = _score_items(
        gold_items,
        neutral_items,
        preds,
        lambda g, p: g[2] == p[2] and _overlap((g[0], g[1]), (p[0], p[1])) > 0,
        lambda n, p: _overlap(n, (p[0], p[1])) > 0,
        hull=lambda item: (item[0], item[1]),
    )
    return exact, overlap


def _score_entities(gold: _Side, pred: _Side) -> tuple[PRF, Linking]:
    gold_spans = [{sp for sp, _ in g.mentions} for g in gold.entities]
    # Which output entities hold a span, and which gold entities mention it: only these pairs can match.
    pred_holding: dict[Span, list[int]] = {}
    for j, p in enumerate(pred.entities):
        for sp in p.identity:
            pred_holding.setdefault(sp, []).append(j)
    gold_having: dict[Span, list[int]] = {}
    for i, spans in enumerate(gold_spans):
        for sp in spans:
            gold_having.setdefault(sp, []).append(i)

    def holds(i: int, j: int) -> int:
        return len(gold_spans[i] & pred.entities[j].identity)

    def enough(i: int, j: int) -> bool:
        return bool(gold_spans[i]) and 2 * holds(i, j) >= len(gold_spans[i])

    neutral_spans = set(gold.neutral_spans)
    for g in gold.entities:
        neutral_spans.update(sp for sp, o in g.mentions if o or g.optional)
    scored = [i for i, g in enumerate(gold.entities) if gold_spans[i]]
    required = [i for i in scored if not gold.entities[i].optional]
    prf = PRF(gold=len(required), docs=1)
    for j, p in enumerate(pred.entities):
        near = sorted({i for sp in p.identity for i in gold_having.get(sp, ())})
        held = [i for i in near if enough(i, j)]
        if any(not gold.entities[i].optional for i in held):
            prf.pred += 1
            prf.tp_pred += 1
        elif held or p.identity <= neutral_spans:
            prf.neutral += 1
        else:
            prf.pred += 1
    link = Linking(docs=1)
    for i in required:
        g = gold.entities[i]
        near = sorted({j for sp in gold_spans[i] for j in pred_holding.get(sp, ())})
        holders = [j for j in near if enough(i, j)]
        if holders:
            prf.tp_gold += 1
        if g.wikidata is None and g.canonical is None:
            continue
        link.gold += 1
        if not holders:
            continue
        link.found += 1
        best = max(holds(i, j) for j in holders)
        if any(_linked(g, pred.entities[j]) for j in holders if holds(i, j) == best):
            link.correct += 1
    return prf, link


def _linked(g: _Ent, p: _Ent) -> bool:
    if g.wikidata is not None:
        return p.wikidata == g.wikidata
    return p.canonical is not None and p.canonical == g.canonical


def _split_optional(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [i for i in items if not i["optional"]], [i for i in items if i["optional"]]


def _score_times(gold: _Side, pred: _Side) -> tuple[PRF, PRF]:
    req, opt = _split_optional(gold.times)

    def span_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return _overlap(g["span"], p["span"]) > 0

    def hull(t: dict[str, Any]) -> Span:
        return t["span"]

    full, _ = _score_items(
        req, opt, pred.times, lambda g, p: span_ok(g, p) and g["value"] == p["value"], span_ok, hull=hull
    )
    span_only, _ = _score_items(req, opt, pred.times, span_ok, span_ok, hull=hull)
    return full, span_only


def _score_quotes(gold: _Side, pred: _Side) -> tuple[PRF, PRF, Accuracy, int]:
    req, opt = _split_optional(gold.quotes)

    def content(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return _content_match(g["span"], p["span"])

    def speaker(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if g["speaker"] is None or p["speaker"] is None:
            return g["speaker"] is None and p["speaker"] is None
        return _same_entity(gold, g["speaker"], pred, p["speaker"])

    full, accs = _score_items(
        req,
        opt,
        pred.quotes,
        lambda g, p: content(g, p) and speaker(g, p),
        content,
        {"quote_type": lambda g, p: g["type"] == p["type"]},
        hull=lambda q: q["span"],
    )
    span_only, _ = _score_items(req, opt, pred.quotes, content, content, hull=lambda q: q["span"])
    on_non_quotes = sum(
        1
        for p in pred.quotes
        if any(_content_match(n, p["span"]) for n in gold.non_quotes)
        and not any(content(g, p) for g in gold.quotes)
    )
    return full, span_only, accs["quote_type"], on_non_quotes


def _score_events(
    gold: _Side, pred: _Side, all_factuality: bool
) -> tuple[PRF, PRF, dict[str, Accuracy], int]:
    req, opt = _split_optional(gold.events)

    def same(gid: str, pid: str) -> bool:
        return _same_entity(gold, gid, pred, pid)

    def typed(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return g["event"] == p["event"] and any(
            _overlap(a, b) > 0 for a in g["evidence"] for b in p["evidence"]
        )

    def match(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if not typed(g, p):
            return False
        if g["actor"]:
            if not any(same(a, b) for a in g["actor"] for b in p["actor"]):
                return False
        elif p["actor"]:
            return False
        if g["recipient"]:
            if not all(any(same(a, b) for b in p["recipient"]) for a in g["recipient"]):
                return False
            if not all(any(same(a, b) for a in g["recipient"]) for b in p["recipient"]):
                return False
        return True

    extra: dict[str, Callable[[Any, Any], bool]] = {
        "event_date": lambda g, p: g["date"] == p["date"],
        "event_mode": lambda g, p: g["mode"] == p["mode"],
    }
    if all_factuality:
        extra["event_factuality"] = lambda g, p: g["factuality"] == p["factuality"]

    def hull(ev: dict[str, Any]) -> Span | None:
        return _hull_of(ev["evidence"])

    full, accs = _score_items(req, opt, pred.events, match, typed, extra, hull=hull)
    type_only, _ = _score_items(req, opt, pred.events, typed, typed, hull=hull)
    on_not_coded = sum(
        1
        for p in pred.events
        if any(_overlap(n, b) > 0 for n in gold.not_coded for b in p["evidence"])
        and not any(typed(g, p) for g in gold.events)
    )
    return full, type_only, accs, on_not_coded


def score_pair(
    gold_doc: dict[str, Any], pred_doc: dict[str, Any] | None, *, all_factuality: bool = False
) -> dict[str, Any]:
    """Count every layer for one gold document and its output (None = nothing output)."""
    gold = _prepare(gold_doc, gold=True, all_factuality=all_factuality)
    pred = _prepare(pred_doc or {}, gold=False, all_factuality=all_factuality)
    out: dict[str, Any] = {}
    diagnostics: dict[str, int] = {}
    if "entities" in gold_doc:
        out["mentions_exact"], out["mentions_overlap"] = _score_mentions(gold, pred)
        out["entities"], out["linking"] = _score_entities(gold, pred)
    if "times" in gold_doc:
        out["times"], out["times_span"] = _score_times(gold, pred)
    if "quotes" in gold_doc:
        out["quotes"], out["quotes_span"], out["quote_type"], diagnostics["quotes_on_non_quotes"] = (
            _score_quotes(gold, pred)
        )
    if "events" in gold_doc:
        out["events"], out["events_type"], accs, diagnostics["events_on_not_coded"] = _score_events(
            gold, pred, all_factuality
        )
        out.update(accs)
    out["_diagnostics"] = diagnostics
    return out


# ------------------------------------------------------------------------------------ documents & API


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _as_dict(doc: Any) -> dict[str, Any]:
    if isinstance(doc, dict):
        return doc
    to_dict = getattr(doc, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise EvalError(f"not a khabar document: {type(doc).__name__}")


def _doc_hash(doc: dict[str, Any]) -> str | None:
    text = doc.get("text")
    if isinstance(text, str):
        return text_sha256(text)
    sha = doc.get("text_sha256")
    return sha.lower() if isinstance(sha, str) else None


def _span_problems(doc: dict[str, Any], text: str, label: str) -> list[str]:
    """Spans whose ``text`` does not slice ``text`` (a sign of mismatched offsets)."""
    bad = 0
    total = 0

    def visit(obj: Any) -> None:
        nonlocal bad, total
        if isinstance(obj, dict):
            if (
                isinstance(obj.get("start"), int)
                and isinstance(obj.get("end"), int)
                and isinstance(obj.get("text"), str)
            ):
                total += 1
                if text[obj["start"] : obj["end"]] != obj["text"]:
                    bad += 1
            for key, value in obj.items():
                if key != "text":
                    visit(value)
        elif isinstance(obj, list):
            for value in obj:
                visit(value)

    visit({k: v for k, v in doc.items() if k not in ("tokens", "sentences")})
    return [f"{label}: {bad} of {total} spans do not slice the text"] if bad else []


def score_documents(
    gold_docs: Iterable[Any], pred_docs: Iterable[Any], *, all_factuality: bool = False
) -> dict[str, Any]:
    """Score output documents against gold documents (khabar/1 dicts or :class:`~khabar.Document`).

    Returns ``{"documents", "matched", "unmatched_predictions", "layers": {name: figures},
    "diagnostics", "warnings", "per_document"}``; see the module docstring for the rules.
    """
    golds = [_as_dict(d) for d in gold_docs]
    preds = [_as_dict(d) for d in pred_docs]
    by_id: dict[str, int] = {}
    by_hash: dict[str, int] = {}
    for i, p in enumerate(preds):
        if isinstance(p.get("id"), str):
            by_id.setdefault(p["id"], i)
        if (h := _doc_hash(p)) is not None:
            by_hash.setdefault(h, i)
    used: set[int] = set()
    totals: dict[str, Any] = {}
    diagnostics: dict[str, int] = {}
    warnings: list[str] = []
    per_doc: list[dict[str, Any]] = []
    for n, gold in enumerate(golds):
        raw_id = gold.get("id")
        gid = raw_id if isinstance(raw_id, str) else f"#{n}"
        ghash = _doc_hash(gold)
        declared = gold.get("text_sha256")
        if isinstance(declared, str) and ghash is not None and declared.lower() != ghash:
            warnings.append(f"{gid}: gold text does not match its text_sha256")
        idx = by_id.get(gid)
        if idx is None and ghash is not None:
            idx = by_hash.get(ghash)
        pred = preds[idx] if idx is not None else None
        if pred is not None:
            phash = _doc_hash(pred)
            if ghash is not None and phash is not None and ghash != phash:
                warnings.append(f"{gid}: output text differs from the gold text; scored as no output")
                pred = None
            else:
                used.add(idx)  # type: ignore[arg-type]
        if pred is None:
            warnings.append(f"{gid}: no output document")
        text = gold.get("text") if isinstance(gold.get("text"), str) else (pred or {}).get("text")
        if isinstance(text, str):
            warnings += _span_problems(gold, text, f"{gid} gold")
            if pred is not None:
                warnings += _span_problems(pred, text, f"{gid} output")
        counts = score_pair(gold, pred, all_factuality=all_factuality)
        doc_diag = counts.pop("_diagnostics")
        for key, value in doc_diag.items():
            diagnostics[key] = diagnostics.get(key, 0) + value
        for name, c in counts.items():
            if name not in totals:
                totals[name] = type(c)()
            totals[name].add(c)
        per_doc.append(
            {
                "id": gid,
                "output": pred.get("id") if pred else None,
                "layers": {k: v.as_dict() for k, v in counts.items()},
            }
        )
    layers: dict[str, Any] = {}
    for name in (*PRF_LAYERS, "linking", *ACCURACY_LAYERS):
        if name == "event_factuality" and not all_factuality:
            continue
        empty: PRF | Linking | Accuracy = (
            PRF() if name in PRF_LAYERS else Linking() if name == "linking" else Accuracy()
        )
        layers[name] = totals.get(name, empty).as_dict()
    return {
        "documents": len(golds),
        "matched": len(used),
        "unmatched_predictions": len(preds) - len(used),
        "all_factuality": all_factuality,
        "layers": layers,
        "diagnostics": diagnostics,
        "warnings": warnings,
        "per_document": per_doc,
    }


def headline(result: dict[str, Any]) -> dict[str, Any]:
    """The figures shared with the independent scorer: ``{layer: {...}}`` for :data:`HEADLINE_LAYERS`."""
    return {name: result["layers"][name] for name in HEADLINE_LAYERS}


# ------------------------------------------------------------------------------------------- loading

_MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_documents(path: str | Path) -> list[dict[str, Any]]:
    """khabar/1 documents from a .json file (one object or a list) or a .jsonl / .jsonl.gz file."""
    path = Path(path)
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                raw = fh.read()
        else:
            raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, EOFError) as err:
        raise EvalError(f"{path}: cannot read ({err})") from None
    docs: list[Any]
    stripped = raw.lstrip()
    try:
        if not stripped:
            docs = []
        elif stripped[0] == "[" or (stripped[0] == "{" and not _looks_jsonl(stripped)):
            loaded = json.loads(raw)
            docs = loaded if isinstance(loaded, list) else [loaded]
        else:
            docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except json.JSONDecodeError as err:
        raise EvalError(f"{path}: not JSON or JSONL ({err})") from None
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict):
            raise EvalError(f"{path}: item {i} is not a JSON object")
        fmt = doc.get("format", "khabar/1")
        if fmt != "khabar/1":
            raise EvalError(f"{path}: item {i} has format {fmt!r}, expected 'khabar/1'")
    return docs


def _looks_jsonl(raw: str) -> bool:
    """A file of one JSON object per line (as opposed to one pretty-printed object)."""
    first = raw.split("\n", 1)[0].strip()
    if not first.endswith("}"):
        return False
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _read_text(path: Path) -> str:
    if path.stat().st_size > _MAX_TEXT_BYTES:
        raise EvalError(f"{path}: text file too large")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"{path}: cannot read text ({err})") from None


def load_gold(path: str | Path, text_path: str | Path | None = None) -> list[dict[str, Any]]:
    """Gold documents from ``path``, with ``text`` filled in where the file only has ``text_sha256``.

    The text comes from ``text_path`` if given, else from a same-named ``.txt`` beside the gold file, else
    from a ``.txt`` file in the same folder whose SHA-256 is the gold's ``text_sha256``. When none is
    found the text is taken later from the output document of the same id (checked against the hash).
    """
    path = Path(path)
    docs = read_documents(path)
    candidates: list[Path] = []
    trusted: set[Path] = set()  # files used even without a hash to check them against
    if text_path is not None:
        candidates = [Path(text_path)]
        trusted = set(candidates)
    else:
        same = path.with_name(path.name.split(".")[0] + ".txt")
        if same.is_file():
            candidates = [same]
            trusted = {same}
        try:
            candidates += sorted(p for p in path.parent.glob("*.txt") if p != same and p.is_file())[:200]
        except OSError:
            pass
    cache: dict[Path, str] = {}
    for doc in docs:
        if isinstance(doc.get("text"), str):
            continue
        sha = doc.get("text_sha256")
        for cand in candidates:
            if cand not in cache:
                try:
                    cache[cand] = _read_text(cand)
                except (EvalError, OSError):
                    if text_path is not None:
                        raise
                    cache[cand] = ""
            text = cache[cand]
            if isinstance(sha, str):
                if text_sha256(text) == sha.lower():
                    doc["text"] = text
                    break
                if text_path is not None:
                    raise EvalError(f"{cand}: SHA-256 does not match the gold's text_sha256")
            elif cand in trusted:
                doc["text"] = text  # no hash to check: trust the explicit or same-named file
                break
    return docs
