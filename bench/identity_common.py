"""Shared by the before/after identity checks in bench/ (perf_identity, determinism_check): the analysed
documents of the first N non-blind articles, and where two JSON values first differ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def blind_ids() -> set[str]:
    """Ids of every blind set (bench/blind*/ids.txt): benchmarks never analyse them."""
    return {ln.strip() for p in sorted(HERE.glob("blind*/ids.txt"))
            for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()}


def analysed_docs(n: int, corpus: Path | None = None) -> list[dict[str, Any]]:
    """khabar/1 dicts of the first ``n`` articles of ``corpus`` (default: ANT v2.1), blind-set ids skipped."""
    from khabar.bench.pipeline import _published, default_corpus, iter_articles
    from khabar.document import Document
    from khabar.pipeline import Pipeline

    corpus = corpus or default_corpus()
    if corpus is None:
        raise SystemExit("no corpus")
    blind = blind_ids()
    pipe = Pipeline()
    docs: list[dict[str, Any]] = []
    for rec in iter_articles(corpus, n + len(blind)):
        if str(rec.get("id")) in blind or len(docs) >= n:
            continue
        meta: dict[str, Any] = {"language": "ar"}
        if pub := _published(rec):
            meta["published"] = pub
        docs.append(pipe.run(Document(text=rec["text"], id=str(rec.get("id") or ""), meta=meta)).to_dict())
    return docs


def first_diff(a: Any, b: Any, path: str = "", width: int = 100) -> str:
    """``/key[3]/other: old != new`` for the first difference of ``a`` and ``b`` (which must differ)."""
    if type(a) is not type(b):
        return f"{path}: {a!r:.{width}} != {b!r:.{width}}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only on one side"
            if a[k] != b[k]:
                return first_diff(a[k], b[k], f"{path}/{k}", width)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_diff(x, y, f"{path}[{i}]", width)
    return f"{path}: {a!r:.{width}} != {b!r:.{width}}"
