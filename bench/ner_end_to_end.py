#!/usr/bin/env python3
"""End-to-end NER on a CoNLL file through ``khabar.analyze`` (the whole pipeline, not the NER stage alone).

Each sentence becomes one record: its tokens joined by single spaces. Every mention of every entity in the analysed
document (``entities[].mentions``, after resolve and all later stages; ``coref_mentions`` are not names) is mapped
onto the gold tokens — the token holding its first character to the token holding its last — and scored
conlleval-style (exact token span and type) per type and micro-averaged.

    python bench/ner_end_to_end.py ../shared/data/ner/anercorp/test.txt          # the issue's figure
    python bench/ner_end_to_end.py ../shared/data/ner/anercorp/train.txt --dev   # the dev cut (last 10 %)

``--dev`` scores the same sentences that ``khabar train ner --dev`` holds out. ``--stages`` runs a subset of the
pipeline (e.g. ``--stages ner`` for the NER stage and what it needs) to see which stage adds or drops mentions.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from khabar.models.ner.conll import TYPES, read_conll, spans


def mention_tokens(starts: list[int], ends: list[int], s: int, e: int) -> tuple[int, int] | None:
    """Token range [i, j) covering characters [s, e) of the space-joined sentence; None when it hits no token."""
    i = next((k for k in range(len(starts)) if ends[k] > s), None)
    j = next((k for k in range(len(starts) - 1, -1, -1) if starts[k] < e), None)
    if i is None or j is None or j < i:
        return None
    return i, j + 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conll", type=Path)
    ap.add_argument("--dev", action="store_true", help="only the last 10%% of the file (the dev cut of train)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0 = all)")
    ap.add_argument("--stages", default="", help="comma-separated pipeline stages (default: the full pipeline)")
    ap.add_argument("--errors", type=Path, help="write false positives and misses here, one per line")
    ap.add_argument("--model-dir", type=Path, help="use the NER model in this folder (e.g. one trained with "
                    "`khabar train ner --dev --out DIR`) instead of the packaged one")
    args = ap.parse_args(argv)

    import khabar

    ner_model = None
    if args.model_dir:
        neural = args.model_dir / "neural.npz"
        ner_model = neural if neural.exists() else args.model_dir / "ner.crfsuite"

    sents = read_conll(args.conll)
    if args.dev:
        sents = sents[int(len(sents) * 0.9):]
    if args.limit:
        sents = sents[: args.limit]
    from khabar.pipeline import PipelineConfig

    stages = tuple(args.stages.split(",")) if args.stages else None
    run = khabar.Pipeline(PipelineConfig(stages=stages, ner_model=ner_model)) if stages or ner_model else khabar.analyze
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    errors: list[str] = []
    t0, c0 = time.perf_counter(), time.process_time()
    ntok = 0
    for toks, gold_tags in sents:
        text = " ".join(toks)
        starts, ends, pos = [], [], 0
        for t in toks:
            starts.append(pos)
            ends.append(pos + len(t))
            pos += len(t) + 1
        ntok += len(toks)
        doc = run(text)
        pred: set[tuple[int, int, str]] = set()
        for ent in doc.entities:
            for m in ent.mentions:
                rng = mention_tokens(starts, ends, m.start, m.end)
                if rng is not None:
                    pred.add((*rng, ent.type))
        gold = set(spans(gold_tags))
        for _, _, typ in gold:
            n_gold[typ] += 1
        for _, _, typ in pred:
            n_pred[typ] += 1
        for _, _, typ in gold & pred:
            tp[typ] += 1
        if args.errors:
            for i, j, typ in sorted(pred - gold):
                errors.append(f"FP\t{typ}\t{' '.join(toks[i:j])}\t{text}")
            for i, j, typ in sorted(gold - pred):
                errors.append(f"FN\t{typ}\t{' '.join(toks[i:j])}\t{text}")
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")

    def prf(keys: list[str]) -> tuple[int, int, int, float, float, float]:
        c, g, p = sum(tp[k] for k in keys), sum(n_gold[k] for k in keys), sum(n_pred[k] for k in keys)
        pr, rc = (c / p if p else 0.0), (c / g if g else 0.0)
        return g, p, c, pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    split = f"{args.conll}{' (dev cut: last 10%)' if args.dev else ''}, model {args.model_dir or 'packaged'}"
    print(f"end-to-end NER through {'stages ' + args.stages if args.stages else 'khabar.analyze'}: {split}, "
          f"{len(sents):,} sentences, {ntok:,} tokens, {cpu:.0f}s CPU ({dt:.0f}s wall)")
    print(f"{'type':<6} {'gold':>6} {'pred':>6} {'correct':>7} {'P':>6} {'R':>6} {'F1':>6}")
    other = sorted((set(n_gold) | set(n_pred)) - set(TYPES))
    for typ in [*TYPES, *other, None]:
        g, p, c, pr, rc, f = prf([typ] if typ else sorted(set(n_gold) | set(n_pred)))
        print(f"{typ or 'micro':<6} {g:>6} {p:>6} {c:>7} {100 * pr:>6.1f} {100 * rc:>6.1f} {100 * f:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
