"""Cross-process determinism check: does ``Pipeline().run`` give the same document under different hash seeds?

``python bench/determinism_check.py [N] [CORPUS.jsonl.gz]`` analyses the first N articles (default 40) of the ANT
v2.1 corpus or of the given JSONL (e.g. src/khabar/data/demo/demo.jsonl.gz; blind-set ids in bench/blind/ids.txt
skipped) in four subprocesses run with PYTHONHASHSEED=1,2,3,4, then diffs each document's
``to_dict()`` layer by layer (top-level keys) against seed 1's and prints which layers and documents differ.
Exit status 1 when anything differs. Set/frozenset iteration order depends on the hash seed, so any output
decided by it shows up here; within one process results look stable, so only a check across processes finds it.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from identity_common import analysed_docs, first_diff  # noqa: E402

SEEDS = ("1", "2", "3", "4")


def dump(n: int, out: Path, source: str = "") -> None:
    docs = analysed_docs(n, Path(source) if source else None)
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(docs, fh, ensure_ascii=False, sort_keys=True)




def main(n: int, source: str = "") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        procs = []
        for seed in SEEDS:
            env = {**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": "1"}
            cmd = [sys.executable, __file__, "--dump", str(n), f"{tmp}/{seed}.json.gz", source]
            procs.append(subprocess.Popen(cmd, env=env))  # noqa: S603 - our own script
        if any(p.wait() for p in procs):
            sys.exit("a dump subprocess failed")
        runs = {}
        for seed in SEEDS:
            with gzip.open(f"{tmp}/{seed}.json.gz", "rt", encoding="utf-8") as fh:
                runs[seed] = json.load(fh)
    base = runs[SEEDS[0]]
    differing_docs: set[int] = set()
    layer_docs: Counter[str] = Counter()
    shown = 0
    for seed in SEEDS[1:]:
        other = runs[seed]
        if len(other) != len(base):
            print(f"seed {seed}: {len(other)} documents vs {len(base)}")
            differing_docs.add(-1)
            continue
        for i, (a, b) in enumerate(zip(base, other, strict=True)):
            if a == b:
                continue
            differing_docs.add(i)
            for layer in sorted(set(a) | set(b)):
                if a.get(layer) != b.get(layer):
                    layer_docs[f"{layer}"] += 1
                    if shown < 30:
                        shown += 1
                        print(f"seed 1 vs {seed} doc {i} ({a.get('id')}) layer {layer}: "
                              f"{first_diff(a.get(layer), b.get(layer), layer)}")
    print(f"\n{len(base)} articles x {len(SEEDS)} seeds: {len(differing_docs)} documents differ from seed 1's")
    for layer, c in layer_docs.most_common():
        print(f"  layer {layer}: {c} (document, seed) pairs differ")
    print("IDENTICAL" if not differing_docs else "DIFFERENT")
    return 1 if differing_docs else 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--dump":
        dump(int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) <= 3:
        sys.exit(main(int(sys.argv[1]) if len(sys.argv) >= 2 else 40, sys.argv[2] if len(sys.argv) == 3 else ""))
    else:
        sys.exit(__doc__)
