"""Issue 16's speed yardstick: full-pipeline words/s ÷ a plain ``\\w+`` regex pass's words/s, same process, same
articles (ANT articles 2,000–2,200 by corpus order; blind-set ids skipped).

Words are whitespace-separated strings for both passes (so the ratio is the regex pass's time over the
pipeline's). Times are CPU seconds (``time.process_time``); the regex pass is repeated and its best run taken.
``python bench/speed_ratio.py [--start 2000] [--stop 2200]``
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"\w+")


def main() -> None:
    from khabar.bench.pipeline import _published, default_corpus, iter_articles
    from khabar.document import Document
    from khabar.pipeline import Pipeline

    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--stop", type=int, default=2200)
    args = ap.parse_args()
    blind = {i for f in HERE.glob("blind*/ids.txt") for i in f.read_text(encoding="utf-8").split()}
    corpus = default_corpus()
    if corpus is None:
        raise SystemExit("no corpus")
    recs = list(iter_articles(corpus, args.stop))[args.start :]
    recs = [r for r in recs if str(r.get("id")) not in blind]
    words = sum(len(r["text"].split()) for r in recs)

    pipe = Pipeline()
    pipe.run(Document(text=recs[0]["text"]))  # model loading outside the timed loop

    c0 = time.process_time()
    for r in recs:
        meta: dict[str, Any] = {"language": "ar"}
        if pub := _published(r):
            meta["published"] = pub
        pipe.run(Document(text=r["text"], id=str(r.get("id") or ""), meta=meta))
    pipe_cpu = time.process_time() - c0

    best = float("inf")
    for _ in range(20):
        c0 = time.process_time()
        n = 0
        for r in recs:
            n += len(WORD.findall(r["text"]))
        best = min(best, time.process_time() - c0)
    regex_cpu = max(best, 1e-9)

    pw, rw = words / pipe_cpu, words / regex_cpu
    print(f"articles {len(recs)} (ANT {args.start}–{args.stop}), words {words:,}")
    print(f"{'pass':<16}{'cpu s':>10}{'words/s':>14}")
    print(f"{'full pipeline':<16}{pipe_cpu:>10.3f}{pw:>14,.0f}")
    label = "\\w+ regex"
    print(f"{label:<16}{regex_cpu:>10.4f}{rw:>14,.0f}")
    print(f"ratio (pipeline ÷ regex) {pw / rw:.4f}   (goal ≥ 0.004)")


if __name__ == "__main__":
    main()
