"""Near-duplicate clusters of articles: MinHash over character shingles, LSH, union-find.

Texts under ``MIN_CHARS`` normalised characters are left out (stub bodies). Two articles are near-duplicates when the Jaccard similarity of their shingle sets (character 5-grams of
the khabar-normalised text, ة folded, punctuation dropped, spaces collapsed) is at least ``threshold``
(default 0.7). LSH proposes candidate pairs; each pair is then checked against the MinHash estimate, so a
cluster is the connected component of verified pairs (union-find).

``datasketch`` is an optional dependency (the ``ingest`` extra); it is imported when clustering starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.text.normalize import normalize

DEFAULT_THRESHOLD = 0.7
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE = 5
MAX_CHARS = 50_000  # shingle at most this much of a huge text: bounded time, still far beyond one article
# Texts shorter than this (normalised characters, ~18 words) are not clustered: a stub body such as an
# outlet's one-line disclaimer is shared by unrelated articles and would make one false cluster of them.
MIN_CHARS = 100
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def shingles(text: str, k: int = DEFAULT_SHINGLE, min_chars: int = 0) -> set[str]:
    """Character k-grams of the normalised text (words joined by single spaces); empty for a text with no
    words or with fewer than ``min_chars`` normalised characters."""
    norm = _NON_WORD.sub(" ", normalize(text[:MAX_CHARS], ta_marbuta=True).lower()).strip()
    if not norm or len(norm) < min_chars:
        return set()
    if len(norm) <= k:
        return {norm}
    return {norm[i : i + k] for i in range(len(norm) - k + 1)}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            nxt = self.parent.get(x, x)
            self.parent[x] = root
            x = nxt
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True)
class DedupResult:
    clusters: list[list[str]]
    n_docs: int
    n_empty: int  # documents too short to judge (no words, or under MIN_CHARS): never clustered
    pairs: list[tuple[str, str, float]] = field(default_factory=list)  # verified pairs, estimated Jaccard


def _items(docs: Iterable[Any]) -> Iterator[tuple[str, str]]:
    """(id, text) from Documents, dicts with id/text, or (id, text) pairs."""
    for i, d in enumerate(docs):
        if isinstance(d, Document):
            yield (d.id or f"#{i}"), d.text
        elif isinstance(d, dict):
            yield str(d.get("id") or f"#{i}"), str(d.get("text") or "")
        else:
            doc_id, text = d
            yield str(doc_id), str(text or "")


def find_duplicates(docs: Iterable[Any], threshold: float = DEFAULT_THRESHOLD,
                    num_perm: int = DEFAULT_NUM_PERM, k: int = DEFAULT_SHINGLE,
                    min_chars: int = MIN_CHARS, on_progress: Callable[[int], None] | None = None) -> DedupResult:
    """Cluster near-duplicate documents; clusters (size ≥ 2) biggest first, ids in input order."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    try:
        from datasketch import MinHash, MinHashLSH
    except ModuleNotFoundError as err:  # pragma: no cover - depends on the installed extras
        raise RuntimeError("near-duplicate clustering needs datasketch: pip install 'khabar[ingest]'") from err

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs: dict[str, Any] = {}
    order: dict[str, int] = {}
    n_docs = n_empty = 0
    for doc_id, text in _items(docs):
        n_docs += 1
        if doc_id in order:
            doc_id = f"{doc_id}#{n_docs}"  # repeated ids stay distinct members
        order[doc_id] = n_docs
        sh = shingles(text, k, min_chars)
        if not sh:
            n_empty += 1
            continue
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch([s.encode("utf-8") for s in sh])
        sigs[doc_id] = m
        lsh.insert(doc_id, m)
        if on_progress:
            on_progress(n_docs)
    uf = _UnionFind()
    pairs: list[tuple[str, str, float]] = []
    for doc_id, m in sigs.items():
        for other in lsh.query(m):
            if other <= doc_id:
                continue  # each pair once
            j = m.jaccard(sigs[other])
            if j >= threshold:
                pairs.append((doc_id, other, j))
                uf.union(doc_id, other)
    groups: dict[str, list[str]] = {}
    for a, b, _ in pairs:
        for x in (a, b):
            groups.setdefault(uf.find(x), [])
    for doc_id in sigs:
        root = uf.find(doc_id)
        if root in groups:
            groups[root].append(doc_id)
    clusters = [sorted(set(g), key=order.__getitem__) for g in groups.values()]
    clusters.sort(key=lambda c: (-len(c), order[c[0]]))
    return DedupResult(clusters, n_docs, n_empty, pairs)


def cluster_documents(docs: Iterable[Any], threshold: float = DEFAULT_THRESHOLD,
                      num_perm: int = DEFAULT_NUM_PERM, k: int = DEFAULT_SHINGLE,
                      min_chars: int = MIN_CHARS) -> list[list[str]]:
    """Clusters of near-duplicate document ids (each of size ≥ 2), biggest first.

    ``docs``: :class:`~khabar.document.Document` objects, dicts with ``id``/``text``, or ``(id, text)`` pairs.
    """
    return find_duplicates(docs, threshold, num_perm, k, min_chars).clusters


def cluster_store(db: str | Path | None = None, threshold: float = DEFAULT_THRESHOLD, limit: int | None = None,
                  num_perm: int = DEFAULT_NUM_PERM, k: int = DEFAULT_SHINGLE, min_chars: int = MIN_CHARS) -> DedupResult:
    """Near-duplicate clusters among the documents of a store (``db``: path or URL; default store if None)."""
    from itertools import islice

    from khabar.store import open_store

    store = open_store(db)
    try:
        docs = store.iter_documents()
        return find_duplicates(islice(docs, limit) if limit else docs, threshold, num_perm, k, min_chars)
    finally:
        store.close()
