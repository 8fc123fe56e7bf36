"""A silver lexicon: tag the unlabelled news with a first CRF and keep, for each frequent word stem, the type
it is mostly tagged with and how often. The second CRF uses it as a feature, which carries what the first model
learned about a name in clear contexts to the unclear ones (self-training, lexicon form)."""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from pathlib import Path

from khabar.models.ner.resources import corpus_words
from khabar.models.ner.tagger import NerTagger


def build_silver(tagger: NerTagger, news_dir: Path, out: Path, *, max_words: int = 4_000_000,
                 min_count: int = 3) -> int:
    seen: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    total = 0
    feats = tagger.features
    for words in corpus_words(news_dir):
        if total >= max_words:
            break
        total += len(words)
        tags = tagger.tag(words)
        for w, t in zip(words, tags, strict=True):
            stem = feats.word(w)[5]
            seen[stem] += 1
            if t != "O":
                typed[stem][t[2:]] += 1
    n = 0
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for stem, types in sorted(typed.items()):
            c = seen[stem]
            if c < min_count:
                continue
            typ, k = types.most_common(1)[0]
            ratio = k / c
            if ratio < 0.15:
                continue
            bucket = "hi" if ratio >= 0.7 else ("mid" if ratio >= 0.4 else "lo")
            fh.write(f"{stem}\t{typ}\t{bucket}\n")
            n += 1
    return n
