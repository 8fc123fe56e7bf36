"""Precision, recall and F1: the one place khabar computes them (every scorer in :mod:`khabar.eval` calls these).

``empty`` is the value of a ratio whose denominator is zero: most scorers report 0.0; the document scorer
(``khabar eval docs``) reports 1.0 for "nothing to find and nothing found" and passes it explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def ratio(num: float, den: float, empty: float = 0.0) -> float:
    return num / den if den else empty


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, n_pred: int, n_gold: int, empty: float = 0.0) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``tp`` right items among ``n_pred`` predicted and ``n_gold`` gold ones."""
    p, r = ratio(tp, n_pred, empty), ratio(tp, n_gold, empty)
    return p, r, f1(p, r)


def f1_counts(tp: int, n_gold: int, n_pred: int) -> float:
    """F1 from counts, ``2·tp / (gold + pred)`` — equal to :func:`f1` of the two ratios, without rounding them
    first (the CoNLL 2018 shared task's form)."""
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0


@dataclass
class TypedCounts:
    """Right / gold / predicted counts per type (e.g. NER PER/ORG/LOC/MISC), micro-averaged on request."""

    tp: dict[str, int] = field(default_factory=dict)
    n_gold: dict[str, int] = field(default_factory=dict)
    n_pred: dict[str, int] = field(default_factory=dict)

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        keys = [typ] if typ else list(set(self.n_gold) | set(self.n_pred))
        return prf(sum(self.tp.get(k, 0) for k in keys), sum(self.n_pred.get(k, 0) for k in keys),
                   sum(self.n_gold.get(k, 0) for k in keys))
