"""List every wrong or missing event actor/recipient on the dev article sets (issue 11, eventargs).

usage: python bench/eventargs_errors.py tests/data/events_dev PRED.jsonl
For each gold event: the output events of the same type with overlapping evidence and whether actor
and recipient match (same entity as scored by `khabar eval docs`); then output events with no gold
event of that type and evidence (type false positives).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from khabar.eval.docs import _overlap, _prepare, _same_entity


def _names(doc: dict[str, Any], ids: list[str]) -> list[str]:
    out = []
    for i in ids:
        ent = next((e for e in doc.get("entities", []) if e.get("id") == i), None)
        if ent is None:
            out.append(f"?{i}")
            continue
        ms = ent.get("mentions") or ent.get("coref_mentions") or []
        out.append(ms[0]["text"] if ms else i)
    return out


def main(gold_dir: str, pred_path: str) -> None:
    preds = {}
    for line in Path(pred_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[d["id"]] = d
    for f in sorted(Path(gold_dir).glob("*.json")):
        gd = json.loads(f.read_text(encoding="utf-8"))
        pd = preds.get(gd["id"], {})
        g, p = _prepare(gd, gold=True, all_factuality=False), _prepare(pd, gold=False, all_factuality=False)
        graw = [e for e in gd.get("events", []) if (e.get("factuality") or "asserted") == "asserted"]
        praw = [e for e in pd.get("events", []) if (e.get("factuality") or "asserted") == "asserted"]
        print(f"### {gd['id']}")
        used: set[int] = set()
        for ge, gr in zip(g.events, graw, strict=True):
            ev_txt = " | ".join(s["text"] for s in gr["evidence"])[:120]
            print(f"GOLD {ge['event']} actor={_names(gd, ge['actor'])} recip={_names(gd, ge['recipient'])}"
                  f"{' (optional)' if ge['optional'] else ''}  «{ev_txt}»")
            found = False
            for k, (pe, pr) in enumerate(zip(p.events, praw, strict=True)):
                if pe["event"] != ge["event"] or not any(
                        _overlap(a, b) > 0 for a in ge["evidence"] for b in pe["evidence"]):
                    continue
                found = True
                used.add(k)
                a_ok = (any(_same_entity(g, a, p, b) for a in ge["actor"] for b in pe["actor"])
                        if ge["actor"] else not pe["actor"])
                r_ok = (not ge["recipient"]) or (
                    all(any(_same_entity(g, a, p, b) for b in pe["recipient"]) for a in ge["recipient"])
                    and all(any(_same_entity(g, a, p, b) for a in ge["recipient"]) for b in pe["recipient"]))
                tag = "OK" if a_ok and r_ok else ("ACTOR" if not a_ok else "") + (" RECIP" if not r_ok else "")
                pev = " | ".join(s["text"] for s in pr["evidence"])[:120]
                print(f"  PRED[{tag.strip()}] actor={_names(pd, pe['actor'])} recip={_names(pd, pe['recipient'])}"
                      f"  «{pev}»")
            if not found:
                print("  MISSING (no output event of this type on the evidence)")
        for k, (pe, pr) in enumerate(zip(p.events, praw, strict=True)):
            if k not in used:
                pev = " | ".join(s["text"] for s in pr["evidence"])[:120]
                print(f"EXTRA {pe['event']} actor={_names(pd, pe['actor'])} recip={_names(pd, pe['recipient'])}"
                      f"  «{pev}»")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
