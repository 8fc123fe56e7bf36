"""NER scoring. :func:`score`: conlleval-style exact span and type over aligned BIO tag sequences
(``khabar eval ner``). :func:`mention_scores`: mentions against a khabar/1 gold document, exact span and type over
``entities[].mentions`` (``coref_mentions`` are not names); mentions of entities marked ``optional`` neither count
when missed nor when found; an overlap match is reported too (``khabar eval ner-mentions``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from khabar.eval.metrics import TypedCounts, prf, ratio
from khabar.models.ner.conll import spans


class Score(TypedCounts):
    """Right / gold / predicted chunks per type; ``prf(type)`` or micro-averaged ``prf()``."""


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



def mention_scores(gold: dict[str, Any], pred: Iterable[tuple[int, int, str]], *,
                   strict: bool = False) -> dict[str, float]:
    """``strict`` counts the mentions of optional entities like any other."""
    req: set[tuple[int, int, str]] = set()
    opt: set[tuple[int, int]] = set()
    for ent in gold.get("entities", []):
        for m in ent.get("mentions", []):
            if ent.get("optional") and not strict:
                opt.add((m["start"], m["end"]))
            else:
                req.add((m["start"], m["end"], ent["type"]))
    pred = {p for p in pred if (p[0], p[1]) not in opt}
    tp = len(req & pred)
    overlap = sum(1 for s, e, t in pred if any(t == gt and s < ge and gs < e for gs, ge, gt in req))
    p, r, f = prf(tp, len(pred), len(req))
    po = ratio(overlap, len(pred))
    return {"precision": p, "recall": r, "f1": f, "gold": len(req), "pred": len(pred), "tp": tp,
            "overlap_precision": po}
