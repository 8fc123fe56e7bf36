"""Word frequencies from unlabelled news (the clitic segmenter's evidence that a stem stands alone)."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from khabar.models.morph.model import key

_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u065f\u0670]+")


def count_news(paths: Iterable[str | Path], max_docs: int | None = None) -> Counter[str]:
    """Count lookup keys of Arabic words in JSONL(.gz) news files (fields ``title`` and ``text``)."""
    counts: Counter[str] = Counter()
    for path in paths:
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for n, line in enumerate(fh):
                if max_docs is not None and n >= max_docs:
                    break
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                body = f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
                counts.update(key(w) for w in _WORD.findall(body))
    return counts


def load_or_count(paths: list[Path], cache: Path | None, min_count: int = 3) -> dict[str, int]:
    if cache is not None and cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    counts = count_news(paths)
    freq = {w: c for w, c in counts.items() if c >= min_count}
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(cache, "wt", encoding="utf-8") as fh:
            json.dump(freq, fh, ensure_ascii=False)
    return freq
