"""How much of what ANT news names does the KB link? Held out from the curation worklist.

`bench/kb_candidates.tsv` (the curation worklist) ranks the names in the first 8,000 articles of the fixed
sha1 order of `khabar kb candidates`. This script takes the NEXT ``--n`` articles of that order (the first 8,000
and every id the repository names, blind sets included, are skipped), runs text, morph, NER and the resolver
over them and reports, for PER/ORG/LOC entity clusters:

- the share of the ``--top`` most frequent clusters (by articles, then mentions) the KB links, and with a QID;
- the share of all PER/ORG/LOC mentions that belong to a linked cluster.

Usage: ``python bench/kb_coverage.py [--n 500] [--top 100 300]``. The figure is about coverage (is the name in
the KB at all), not correctness: `bench/kb_fresh/score.py` and `khabar kb eval` score the links against gold.
"""

from __future__ import annotations

import argparse

from khabar.kb.candidates import repo_ids, run, sample_articles
from khabar.paths import SHARED_DATA
from khabar.resources import repo_file

WORKLIST_N = 8000  # articles behind bench/kb_candidates.tsv


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--top", type=int, nargs="+", default=[100, 300])
    args = ap.parse_args()
    corpus = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"
    skip = repo_ids(repo_file())
    skip |= {a["id"] for a in sample_articles(corpus, WORKLIST_N, skip)}
    cands, n_docs = run(corpus, args.n, skip, log=lambda s: None)
    rows = sorted((c for c in cands.values() if c.type in ("PER", "ORG", "LOC")),
                  key=lambda c: (-c.docs, -c.mentions, c.key))
    print(f"kb coverage: {n_docs} ANT v2.1 articles after the {WORKLIST_N:,} of the curation worklist; "
          f"{len(rows):,} PER/ORG/LOC clusters")
    for k in args.top:
        top = rows[:k]
        linked = sum(1 for c in top if c.kb_id)
        qid = sum(1 for c in top if c.qid)
        print(f"top {k:>4} clusters: linked {linked / len(top):.3f} ({linked}/{len(top)})  "
              f"with QID {qid / len(top):.3f} ({qid}/{len(top)})")
    for typ in ("PER", "ORG", "LOC", "all"):
        sel = [c for c in rows if typ == "all" or c.type == typ]
        m = sum(c.mentions for c in sel)
        ml = sum(c.mentions for c in sel if c.kb_id)
        print(f"{typ:>4} mentions in a linked cluster: {ml / max(m, 1):.3f} ({ml}/{m})")


if __name__ == "__main__":
    main()
