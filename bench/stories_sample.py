"""Print a seeded random sample of stored story clusters for a precision check by hand.

    .venv/bin/python bench/stories_sample.py --db STORE [--n 50] [--min-outlets 2] [--seed 14] > sample.txt

Each cluster is listed with its members' source, date, title and first 160 characters. A reader marks each
cluster: every member about the same story (correct), or which members are not (their count). Precision is
reported per cluster (all members right) and per member (members that belong to the cluster's story).
"""

from __future__ import annotations

import argparse
import random

from khabar.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--min-outlets", type=int, default=2)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    with open_store(a.db) as store:
        ids = [r[0] for r in store.conn.execute(
            "SELECT id FROM stories WHERE outlets >= ? ORDER BY id", (a.min_outlets,))]
        pick = sorted(random.Random(a.seed).sample(ids, min(a.n, len(ids))))
        print(f"# {len(pick)} of {len(ids)} stories with ≥ {a.min_outlets} outlets (seed {a.seed})")
        for sid in pick:
            s = store.story(sid)
            assert s is not None
            print(f"\n## story {sid}: {s['outlets']} outlets, {s['documents']} articles, {s['first']} … {s['last']}")
            for m in s["members"]:
                text = store.conn.execute("SELECT text FROM documents WHERE id=?", (m["id"],)).fetchone()[0] or ""
                print(f"- {m['source']} {str(m['published'])[:10]} [{m['score']}] {m['title']}")
                print(f"    {' '.join(text.split())[:160]}")


if __name__ == "__main__":
    main()
