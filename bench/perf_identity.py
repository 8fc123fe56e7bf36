"""Before/after identity check for speed work: parser heads/labels on PADT v1 test and whole documents on ANT.

``python bench/perf_identity.py dump OUT.json.gz`` writes (a) the parser's heads and relations for every PADT v1
test sentence (gold words and tags, documents parsed together as ``khabar eval parse`` does) and (b) the full
pipeline's ``Document.to_dict()`` for 200 ANT articles (the first 200 of the corpus, blind-set ids skipped).
``python bench/perf_identity.py compare A.json.gz B.json.gz`` prints how many sentences / documents differ and
the first differences; exit status 1 when anything differs.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from identity_common import analysed_docs, first_diff  # noqa: E402

N_DOCS = 200


def dump(out: Path) -> None:
    from khabar.models.parse.model import load_model
    from khabar.models.parse.train import load_trees
    from khabar.paths import shared_dir

    model = load_model()
    trees = load_trees(shared_dir() / "data/ud/padt-v1/test.conllu")
    groups: list[list[Any]] = []
    for s in trees:
        if groups and groups[-1][0].doc_id == s.doc_id:
            groups[-1].append(s)
        else:
            groups.append([s])
    parses = [list(map(list, p)) for g in groups for p in model.parse_many([s.words for s in g])]
    docs = analysed_docs(N_DOCS)
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump({"padt_test": parses, "ant_docs": docs}, fh, ensure_ascii=False, sort_keys=True)
    print(f"wrote {out}: {len(parses)} PADT test sentences, {len(docs)} ANT documents")




def compare(pa: Path, pb: Path) -> int:
    with gzip.open(pa, "rt", encoding="utf-8") as fh:
        a = json.load(fh)
    with gzip.open(pb, "rt", encoding="utf-8") as fh:
        b = json.load(fh)
    bad = 0
    for key in ("padt_test", "ant_docs"):
        xs, ys = a[key], b[key]
        diff = [i for i, (x, y) in enumerate(zip(xs, ys, strict=False)) if x != y]
        print(f"{key}: {len(xs)} vs {len(ys)} items, {len(diff)} differ")
        for i in diff[:5]:
            print("  ", i, first_diff(xs[i], ys[i]))
        bad += len(diff) + (len(xs) != len(ys))
    print("IDENTICAL" if not bad else "DIFFERENT")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
