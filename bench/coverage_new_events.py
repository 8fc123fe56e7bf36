"""Events one run adds over another on the same articles (issue 11 trigger coverage, helper "coverage").

    khabar analyze SAMPLE.jsonl -f jsonl -o BEFORE.jsonl     # with the old triggers.tsv
    khabar analyze SAMPLE.jsonl -f jsonl -o AFTER.jsonl      # with the new one
    .venv/bin/python bench/coverage_new_events.py BEFORE.jsonl AFTER.jsonl

Prints events per article and per type before → after, then every new event (type, actor and recipient names,
evidence, the sentence around it) as TSV rows ready for a hand judgement. An event is new when none of its
evidence spans starts where an evidence span of the same type did before.
"""

from __future__ import annotations

import collections
import json
import sys


def _load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


def main(before: str, after: str) -> None:
    a, b = _load(before), _load(after)
    ca: collections.Counter[str] = collections.Counter()
    cb: collections.Counter[str] = collections.Counter()
    new = []
    for i, d in b.items():
        old = a.get(i, {"events": []})
        ca.update(e["event"] for e in old["events"])
        cb.update(e["event"] for e in d["events"])
        seen = {(e["event"], x["start"]) for e in old["events"] for x in e["evidence"]}
        names = {e["id"]: e.get("name") or (e["mentions"] or e.get("coref_mentions") or [{"text": e["id"]}])[0]["text"]
                 for e in d["entities"]}
        for e in d["events"]:
            if not any((e["event"], x["start"]) in seen for x in e["evidence"]):
                s = e["evidence"][0]["start"]
                ctx = d["text"][max(0, s - 120): s + 120].replace("\n", " ").replace("\t", " ")
                new.append((i, e["event"], "|".join(names.get(x, x) for x in e["actor"]),
                            "|".join(names.get(x, x) for x in e["recipient"]),
                            " / ".join(x["text"] for x in e["evidence"]), ctx))
    n = max(len(b), 1)
    print(f"# events per article: {sum(ca.values()) / n:.3f} -> {sum(cb.values()) / n:.3f} ({len(b)} articles)")
    for t in sorted(set(ca) | set(cb)):
        print(f"# {t}\t{ca[t]} -> {cb[t]}")
    print(f"# new events: {len(new)}")
    print("id\tevent\tactor\trecipient\tevidence\tcontext")
    for row in new:
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
