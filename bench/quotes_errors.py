"""Error listing for quote speakers (issue 12): every gold quote and its best-matching output quote, with the
speakers' names, for the given gold folders — upstream = the full pipeline (NER + KB + parse + clauses).

The upstream layers are analysed once and cached (pickle, under the cache folder); later runs only redo the
quotes stage, so a change to quotes.py is checked in seconds. Never run on blind folders.

Run: .venv/bin/python bench/quotes_errors.py tests/data/fresh_quotes [more folders] [--cache /tmp/qerr] [--all]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.eval.times_quotes import PRF, score_quotes
from khabar.extract.quotes import quotes_stage
from khabar.pipeline import Pipeline

UPSTREAM = ["tokenize", "sentences", "dateline", "morph", "parse", "ner", "resolve", "clauses", "times"]


def upstream(gold: dict[str, Any], cache: Path) -> Document:
    f = cache / f"{gold['id']}.pkl"
    if f.exists():
        doc: Document = pickle.loads(f.read_bytes())
        return doc
    meta = dict(gold.get("meta", {}))
    doc = Pipeline(UPSTREAM)(gold["text"], published=meta.get("published"), meta=meta)
    cache.mkdir(parents=True, exist_ok=True)
    f.write_bytes(pickle.dumps(doc))
    return doc


def names(ents: list[Any]) -> dict[str, str]:
    out = {}
    for e in ents:
        d = e if isinstance(e, dict) else e.to_dict()
        ms = d.get("mentions") or d.get("coref_mentions") or [{"text": "?"}]
        out[d["id"]] = ms[0]["text"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/quotes_errors_cache"))
    ap.add_argument("--all", action="store_true", help="list correct quotes too")
    a = ap.parse_args()
    total, content = PRF(), PRF()
    for folder in a.folders:
        if "blind" in str(folder):
            sys.exit("never on blind sets")
        for gf in sorted(folder.glob("*.json")):
            g = json.loads(gf.read_text(encoding="utf-8"))
            doc = upstream(g, a.cache / folder.name)
            quotes_stage(doc)
            s = score_quotes(doc.quotes, doc.entities, g["quotes"], g["entities"])
            total.add(s)
            content.add(score_quotes(doc.quotes, doc.entities, g["quotes"], g["entities"], speaker=False))
            pn, gn = names(doc.entities), names(g["entities"])
            lines = []
            used: set[int] = set()
            for q in g["quotes"]:
                c = q["content"]
                best = None
                for k, p in enumerate(doc.quotes):
                    ov = min(p.content.end, c["end"]) - max(p.content.start, c["start"])
                    if ov * 2 >= min(p.content.end - p.content.start, c["end"] - c["start"]) and k not in used:
                        best = k
                        break
                if best is None:
                    lines.append(f"  MISS  gold={gn.get(q['speaker'], q['speaker'])} cue={q['cue']['text']} "
                                 f"«{c['text'][:60]}»{' (opt)' if q.get('optional') else ''}")
                    continue
                used.add(best)
                p = doc.quotes[best]
                ok = score_quotes([p], doc.entities, [q], g["entities"]).tp == 1
                if not ok or a.all:
                    tag = "ok   " if ok else "SPKR "
                    lines.append(f"  {tag} gold={gn.get(q['speaker'], q['speaker'])} pred={pn.get(p.speaker or '', p.speaker)}"
                                 f" cue={p.cue.text if p.cue else '-'} «{c['text'][:60]}»")
            for k, p in enumerate(doc.quotes):
                if k not in used:
                    lines.append(f"  EXTRA pred={pn.get(p.speaker or '', p.speaker)} cue={p.cue.text if p.cue else '-'} "
                                 f"«{p.content.text[:60] if p.content.text else ''}»")
            print(f"{folder.name}/{gf.stem}: tp {s.tp} fp {s.fp} fn {s.fn}")
            print("\n".join(lines))
    print(f"quote+speaker P {100 * total.p:.1f} R {100 * total.r:.1f} F1 {100 * total.f1:.1f} "
          f"(tp {total.tp} fp {total.fp} fn {total.fn}); content F1 {100 * content.f1:.1f}")


if __name__ == "__main__":
    main()
