"""Maximum bipartite matching, used to pair gold and predicted items one-to-one.

Scores built on a *maximum* matching do not depend on the order items are listed in: the size of a
maximum matching is unique. :func:`max_matching` also takes a processing order for the predicted side
(Kuhn's algorithm): a predicted item that gets matched stays matched when later items augment, so the
set of matched predicted items is the greedy basis of a transversal matroid. Putting the items we most
want matched first therefore maximises how many of them are matched, among all maximum matchings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence


class SpanIndex:
    """Finds the items whose ``(start, end)`` hull overlaps a query span, without a scan of every item."""

    def __init__(self, hulls: Sequence[tuple[int, int]]) -> None:
        self._order = sorted(range(len(hulls)), key=lambda i: hulls[i][0])
        self._starts = [hulls[i][0] for i in self._order]
        self._hulls = hulls
        self._longest = max((e - s for s, e in hulls), default=0)

    def overlapping(self, span: tuple[int, int]) -> list[int]:
        s, e = span
        lo = bisect_left(self._starts, s - self._longest)
        hi = bisect_right(self._starts, e - 1)
        return sorted(i for i in self._order[lo:hi] if self._hulls[i][1] > s and self._hulls[i][0] < e)


def max_matching(
    n_pred: int,
    n_gold: int,
    edge: Callable[[int, int], bool],
    order: Sequence[int] | None = None,
    candidates: Callable[[int], Iterable[int]] | None = None,
) -> dict[int, int]:
    """Return a maximum matching ``{pred_index: gold_index}`` for the relation ``edge(pred, gold)``.

    ``order`` lists predicted indexes in the order they are offered to the matching (default: 0..n-1).
    ``candidates(pred)``, when given, lists the only gold indexes ``edge`` can hold for (a prefilter).
    """
    adj = [[g for g in (candidates(p) if candidates else range(n_gold)) if edge(p, g)] for p in range(n_pred)]
    gold_of: dict[int, int] = {}  # pred -> gold
    pred_of: dict[int, int] = {}  # gold -> pred
    for root in order if order is not None else range(n_pred):
        if not adj[root]:
            continue
        # Iterative DFS for an augmenting path from ``root`` (no recursion limit on long documents).
        seen: set[int] = set()
        parent: dict[int, tuple[int, int]] = {}  # pred -> (previous pred, gold taken from it)
        stack: list[tuple[int, int]] = [(root, 0)]
        found: tuple[int, int] | None = None
        while stack and found is None:
            p, i = stack.pop()
            while i < len(adj[p]):
                g = adj[p][i]
                i += 1
                if g in seen:
                    continue
                seen.add(g)
                if g not in pred_of:
                    found = (p, g)
                    break
                nxt = pred_of[g]
                stack.append((p, i))
                parent[nxt] = (p, g)
                stack.append((nxt, 0))
                break
        if found is None:
            continue
        p, g = found
        while True:
            gold_of[p] = g
            pred_of[g] = p
            if p == root:
                break
            p, g = parent[p]  # the previous pred takes the gold this one held
    return gold_of
