"""Score entity resolution + linking on the fresh KB dev set (bench/kb_fresh/gold), as precision AND recall.

Per article, NER + resolve (``--mode pipeline``: the real text, morph and NER stages; ``gold-ner``: one input
mention per gold mention) and then, over the gold entities (``optional`` ones left out unless
``--optional``):
- entities found — recall: gold entities one output entity holds at least half of the mentions of (exact spans,
  the rule of khabar.eval.kb); precision: output entities with a named mention that exactly equals a gold
  mention (any gold entity, optional ones included: a competition found is no false positive) / output entities
  with a named mention;
- linking — recall: gold entities with a QID whose found entity carries that QID / gold entities with a QID;
  precision: output entities with a QID whose exact-span gold entity has that QID / output entities with a QID
  (a QID on an entity the gold has no QID for, or on a span no gold entity has, is wrong).
Run: python bench/kb_fresh/score.py [--mode pipeline|gold-ner] [--optional] [-v]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.eval.kb import fake_ner
from khabar.kb.resolve import Resolver

HERE = Path(__file__).parent


def run(mode: str, optional: bool, verbose: bool) -> dict[str, Any]:
    resolver = Resolver()
    upstream = None
    if mode == "pipeline":
        from khabar.pipeline import Pipeline

        upstream = Pipeline(["tokenize", "sentences", "dateline", "morph", "ner"])
    c = {k: 0 for k in ("gold", "found", "out", "out_ok", "qid_gold", "qid_right", "qid_out", "qid_out_ok")}
    errors: list[str] = []
    for path in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text, meta = gold["text"], dict(gold.get("meta") or {})
        doc = fake_ner(gold, text) if mode == "gold-ner" else upstream(text, meta=meta) if upstream else Document(text)
        doc.meta.update(meta)
        resolver(doc)
        owner = {(m.start, m.end): e for e in doc.entities for m in e.mentions}
        span_gold = {(m["start"], m["end"]): g for g in gold["entities"] for m in g["mentions"]}
        for g in gold["entities"]:
            if g.get("optional") and not optional:
                continue
            spans = [(m["start"], m["end"]) for m in g["mentions"]]
            c["gold"] += 1
            counts: dict[str, int] = {}
            for s in spans:
                if s in owner:
                    counts[owner[s].id] = counts.get(owner[s].id, 0) + 1
            best = max(counts, key=lambda k: counts[k]) if counts else None
            hit = doc.entity(best) if best and counts[best] * 2 >= len(spans) else None
            if hit is not None:
                c["found"] += 1
            else:
                errors.append(f"{gold['id']}: not found {g['canonical']} {[m['text'] for m in g['mentions']]}")
            if g.get("wikidata"):
                c["qid_gold"] += 1
                if hit is not None and hit.wikidata == g["wikidata"]:
                    c["qid_right"] += 1
                else:
                    errors.append(f"{gold['id']}: link {g['canonical']} gold {g['wikidata']} got "
                                  f"{hit.wikidata if hit else None}")
        for e in doc.entities:
            if not e.mentions:
                continue
            gs = [span_gold[(m.start, m.end)] for m in e.mentions if (m.start, m.end) in span_gold]
            c["out"] += 1
            c["out_ok"] += bool(gs)
            if not gs:
                errors.append(f"{gold['id']}: spurious {e.type} {[m.text for m in e.mentions]} {e.wikidata}")
            if e.wikidata:
                c["qid_out"] += 1
                ok = any(g.get("wikidata") == e.wikidata for g in gs)
                c["qid_out_ok"] += ok
                if not ok and gs:
                    errors.append(f"{gold['id']}: wrong QID {e.wikidata} ({e.canonical}) on {gs[0]['canonical']}")
    if verbose:
        print("\n".join(errors))
    return c


def fmt(c: dict[str, Any]) -> str:
    def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> str:
        p = tp_p / n_p if n_p else 1.0
        r = tp_r / n_r if n_r else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} ({tp_p}/{n_p})  R {r:.3f} ({tp_r}/{n_r})  F1 {f:.3f}"
    return (f"entities found: {prf(c['out_ok'], c['out'], c['found'], c['gold'])}\n"
            f"linking:        {prf(c['qid_out_ok'], c['qid_out'], c['qid_right'], c['qid_gold'])}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="pipeline", choices=["pipeline", "gold-ner"])
    ap.add_argument("--optional", action="store_true", help="count the optional (MISC competition) entities too")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    c = run(a.mode, a.optional, a.verbose)
    print(f"kb_fresh ({a.mode}{', optional included' if a.optional else ''}): 15 articles")
    print(fmt(c))


if __name__ == "__main__":
    main()
