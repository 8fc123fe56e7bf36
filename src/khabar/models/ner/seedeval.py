"""Mention scoring against a khabar/1 gold document: exact span and type over ``entities[].mentions``
(``coref_mentions`` are not names). Mentions of entities marked ``optional`` neither count when missed nor
when found; an overlap match is reported too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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
    p = tp / len(pred) if pred else 0.0
    r = tp / len(req) if req else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    po = overlap / len(pred) if pred else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": len(req), "pred": len(pred), "tp": tp,
            "overlap_precision": po}
