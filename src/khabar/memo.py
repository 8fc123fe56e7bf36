"""Memo tables bounded by memory, not by entry counts, so a long-running worker stays flat.

Hot per-word caches (morphology analyses, NER word features, clitic splits…) are :class:`Memo` dicts. Each
declares roughly how many bytes one entry costs (measured: ``python bench/cache_sizes.py``) and its share of
one process-wide budget — ``KHABAR_CACHE_MB`` (default 256 MiB) — which fixes its entry limit. When a memo is
full it forgets its oldest eighth (dicts keep insertion order), so hot words come straight back.
Reads are plain ``dict.get``: the bound costs nothing on a hit.
"""

from __future__ import annotations

import os
from itertools import islice
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

DEFAULT_BUDGET_MB = 256.0
_MEMOS: list[Memo[Any, Any]] = []


def budget_mb() -> float:
    try:
        return max(8.0, float(os.environ.get("KHABAR_CACHE_MB", DEFAULT_BUDGET_MB)))
    except ValueError:
        return DEFAULT_BUDGET_MB


class Memo(dict[K, V]):
    """A dict with an entry limit derived from a memory share: ``put`` evicts the oldest eighth when full."""

    def __init__(self, name: str, entry_bytes: int, share: float) -> None:
        super().__init__()
        self.name = name
        self.entry_bytes = entry_bytes
        self.share = share
        self.limit = max(256, int(budget_mb() * 1024 * 1024 * share / entry_bytes))
        _MEMOS.append(self)

    def put(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            for old in list(islice(self, max(1, self.limit // 8))):
                del self[old]
        self[key] = value
        return value

    def estimated_mb(self) -> float:
        return len(self) * self.entry_bytes / (1024 * 1024)


def memo_report() -> list[tuple[str, int, int, float]]:
    """(name, entries, limit, estimated MiB) of every memo in this process."""
    return [(m.name, len(m), m.limit, m.estimated_mb()) for m in _MEMOS]
