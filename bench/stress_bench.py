"""Stress bench: cost of ``khabar.analyze`` on one huge article without punctuation.

An unpunctuated article is the worst case for stages that work per sentence or compare mentions with each
other: there is one "sentence" and thousands of mentions. The article is real ANT v2.1 text (the blind ids in
``bench/blind*/ids.txt`` are left out), concatenated and stripped of everything but letters, digits and
spaces, then cut to each size. Each size runs in a fresh process (so caches and peak RSS do not carry over)
and prints CPU seconds per stage, the whole analysis, and peak RSS; the last column is the cost relative to the
smallest size (the bar: 1M characters cost at most 15x 100k).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/stress_bench.py            # 100k, 300k, 1M
    .venv/bin/python bench/stress_bench.py --sizes 20000 100000 --punctuated      # keep punctuation
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from khabar.paths import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
ANT = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
BLIND_FILES = sorted((ROOT / "bench").glob("blind*/ids.txt"))
_NOT_WORD = re.compile(r"[^\w\s]|_")


def build_text(size: int, punctuated: bool = False) -> str:
    """``size`` characters of ANT article text in file order (blind articles skipped)."""
    blind = {i for f in BLIND_FILES for i in f.read_text(encoding="utf-8").split()}
    parts: list[str] = []
    total = 0
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in blind:
                continue
            text = str(rec.get("text") or "")
            if not punctuated:
                text = " ".join(_NOT_WORD.sub(" ", text).split())
            parts.append(text)
            total += len(text) + 1
            if total >= size:
                break
    return " ".join(parts)[:size]


def run_one(size: int, punctuated: bool) -> dict[str, float]:
    """Analyse one article of ``size`` characters in this process; CPU seconds per stage."""
    from khabar.pipeline import default_pipeline

    text = build_text(size, punctuated)
    pipe = default_pipeline()
    pipe("تمهيد قصير لتحميل النماذج في موسكو.", published="2018-01-01")  # load models outside the timing
    from khabar.document import Document

    doc = Document(text=text, id="stress", meta={"published": "2018-01-01", "language": "ar"})
    out: dict[str, float] = {}
    t_all = time.process_time()
    for st in pipe.stages:
        t0 = time.process_time()
        st(doc)
        out[st.name] = time.process_time() - t0
    out["total"] = time.process_time() - t_all
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["chars"] = len(text)
    out["tokens"] = len(doc.tokens)
    out["mentions"] = sum(len(e.mentions) for e in doc.entities)
    bad = doc.check_offsets()
    out["bad_offsets"] = len(bad)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--punctuated", action="store_true", help="keep the punctuation (the ordinary case)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.punctuated)))
        return
    rows = []
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size)] + (["--punctuated"] if args.punctuated else [])
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if res.returncode != 0:
            print(f"size {size}: failed\n{res.stderr[-2000:]}", file=sys.stderr)
            sys.exit(1)
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
    stages = [k for k in rows[0] if k not in ("total", "rss_mb", "chars", "tokens", "mentions", "bad_offsets")]
    kind = "punctuated" if args.punctuated else "unpunctuated"
    print(f"khabar stress bench: one {kind} article of ANT text; CPU seconds (process_time), one core")
    head = ["chars", "tokens", "mentions", *stages, "total", "x smallest", "peak RSS MB", "bad offsets"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    base = rows[0]["total"] or 1e-9
    for r in rows:
        cells = [f"{int(r['chars']):,}", f"{int(r['tokens']):,}", f"{int(r['mentions']):,}",
                 *(f"{r[s]:.2f}" for s in stages), f"{r['total']:.2f}", f"{r['total'] / base:.1f}",
                 f"{r['rss_mb']:.0f}", str(int(r["bad_offsets"]))]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
