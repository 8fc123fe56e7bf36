"""Build the word-frequency list the rule-based clitic segmenter relies on.

    python -m khabar.text.build_lexicon [--corpus PATH.jsonl.gz ...] [--top 100000] [--out PATH]

Counts every Arabic word of the corpus texts (and titles) in its hamza-keeping matching form
(``normalize(w, keep_hamza=True)``: no diacritics/tatweel, ى → ي, hamza on alef kept so that أن/ان and
إلى/الى stay apart), keeps the ``--top`` most frequent forms seen at least twice, and writes them as
``form<TAB>count`` lines, most frequent first, gzip-compressed. Only counts ship, never corpus text.

Default corpus: ANT v2.1 multisource (Apache-2.0), ``shared/data/news/ant-v2.1-multisource.jsonl.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from khabar.paths import SHARED_DATA
from khabar.resources import data_file
from khabar.text.normalize import normalize
from khabar.text.tokenize import TOKEN_RE

DEFAULT_CORPUS = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
DEFAULT_OUT = data_file("text", "word_freq.tsv.gz")


def count_words(paths: list[Path]) -> tuple[Counter[str], int]:
    """Frequencies of hamza-keeping normalised Arabic words over JSONL(.gz) records' title + text."""
    surface: Counter[str] = Counter()
    docs = 0
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                docs += 1
                for field in ("title", "text"):
                    text = rec.get(field) or ""
                    surface.update(m.group() for m in TOKEN_RE.finditer(text) if m.lastgroup == "ARABIC")
    counts: Counter[str] = Counter()
    for word, n in surface.items():
        counts[normalize(word, keep_hamza=True)] += n
    return counts, docs


def write(counts: Counter[str], out: Path, top: int, sources: list[Path], docs: int) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = [(w, n) for w, n in counts.most_common(top) if n >= 2 and w]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# khabar word frequencies: {len(kept)} forms from {docs} articles of "
                 f"{', '.join(p.name for p in sources)} (normalize(keep_hamza=True))\n")
        for w, n in kept:
            fh.write(f"{w}\t{n}\n")
    return len(kept)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="+", default=[DEFAULT_CORPUS])
    ap.add_argument("--top", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    counts, docs = count_words(args.corpus)
    n = write(counts, args.out, args.top, args.corpus, docs)
    total = sum(counts.values())
    print(f"{docs} articles, {total} Arabic words, {len(counts)} distinct forms; wrote {n} to {args.out}")


if __name__ == "__main__":
    main()
