#!/usr/bin/env python3
"""An independent scorer for khabar/1 documents, written apart from ``khabar.eval`` on purpose.

It reads the same rules ("How a scorer matches" in shared/docs/document-format.md, with the choices
listed in ``khabar/eval/docs.py``) and computes the headline figures with different code: plain dicts
and sets, no imports from khabar, and one-to-one pairing by maximum *flow* (Edmonds-Karp) instead of
augmenting-path matching. Optional gold items are handled through matroid rank, not a processing order:
with N the output items that hit no optional gold item, the fewest false positives over all maximum
matchings is |N| - maxflow(gold, N), and the output items absorbed by optional gold are the rest.

    python bench/independent_scorer.py GOLD.json [GOLD2.json …] --pred PRED.jsonl [--all-factuality]

prints the headline figures as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import deque


def max_flow_pairs(left, right, ok):
    """Size of a maximum one-to-one pairing of ``left`` with ``right`` under ``ok(l, r)``, by BFS max flow."""
    nl, nr = len(left), len(right)
    if not nl or not nr:
        return 0
    # Nodes: 0 source, 1..nl left, nl+1..nl+nr right, nl+nr+1 sink. Unit capacities.
    sink = nl + nr + 1
    cap = {}
    nbrs = [[] for _ in range(sink + 1)]

    def arc(u, v):
        cap[(u, v)] = 1
        cap.setdefault((v, u), 0)
        nbrs[u].append(v)
        nbrs[v].append(u)

    for i in range(nl):
        arc(0, 1 + i)
        for j in range(nr):
            if ok(left[i], right[j]):
                arc(1 + i, nl + 1 + j)
    for j in range(nr):
        arc(nl + 1 + j, sink)
    flow = 0
    while True:
        prev = {0: None}
        queue = deque([0])
        while queue and sink not in prev:
            u = queue.popleft()
            for v in nbrs[u]:
                if v not in prev and cap[(u, v)] > 0:
                    prev[v] = u
                    queue.append(v)
        if sink not in prev:
            return flow
        v = sink
        while prev[v] is not None:
            u = prev[v]
            cap[(u, v)] -= 1
            cap[(v, u)] += 1
            v = u
        flow += 1


def good_span(d):
    if not isinstance(d, dict):
        return None
    a, b = d.get("start"), d.get("end")
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, int) or not isinstance(b, int):
        return None
    if a < 0 or b <= a:
        return None
    return (a, b)


def common(x, y):
    lo, hi = max(x[0], y[0]), min(x[1], y[1])
    return hi - lo if hi > lo else 0


def dicts(d, key):
    v = d.get(key) if isinstance(d, dict) else None
    if not isinstance(v, list):
        return []
    return [x for x in v if isinstance(x, dict)]


def spans_of(items):
    out = []
    for it in items:
        s = good_span(it)
        if s:
            out.append(s)
    return out


def strs(v):
    if isinstance(v, str):
        return [v]
    if isinstance(v, list):
        return [x for x in v if isinstance(x, str)]
    return []


def name_key(s):
    """Canonical names compare without case, without balanced "(gloss)" parts and with single spaces."""
    if not isinstance(s, str):
        return None
    kept = []
    opened = []  # positions in ``kept`` of the "(" still open
    for ch in s:
        if ch == "(":
            opened.append(len(kept))
            kept.append(ch)
        elif ch == ")" and opened:
            del kept[opened.pop() :]
            kept.append(" ")
        else:
            kept.append(ch)
    words = "".join(kept).casefold().split()
    return " ".join(words) if words else None


def is_opt(d):
    return d.get("optional") is True


def prf(gold_n, pred_n, tp_g, tp_p):
    if pred_n:
        p = tp_p / pred_n
    else:
        p = 1.0 if gold_n == 0 else 0.0
    if gold_n:
        r = tp_g / gold_n
    else:
        r = 1.0 if pred_n == 0 else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair_layer(req, opt, preds, hit, soft):
    """Return (tp, counted preds) for required gold ``req``, optional gold ``opt``, output ``preds``."""
    plain = [p for p in preds if not any(soft(o, p) for o in opt)]
    tp = max_flow_pairs(req, preds, hit)
    plain_used = max_flow_pairs(req, plain, hit)
    false_pos = len(plain) - plain_used
    return tp, tp + false_pos


def entity_table(doc):
    table = {}
    for e in dicts(doc, "entities"):
        if isinstance(e.get("id"), str) and e["id"] not in table:
            table[e["id"]] = set(spans_of(dicts(e, "mentions"))) | set(spans_of(dicts(e, "coref_mentions")))
    return table


def score_one(gold, pred, all_fact):
    """Raw counts for one document pair: {layer: tuple of counts}."""
    res = {}
    gtab, ptab = entity_table(gold), entity_table(pred)

    def same(gid, pid):
        return gid in gtab and pid in ptab and bool(gtab[gid] & ptab[pid])

    soft_spans = set()
    for e in dicts(gold, "entities"):
        if not isinstance(e.get("id"), str):
            continue
        soft_spans |= set(spans_of(dicts(e, "coref_mentions")))
        for m in dicts(e, "mentions"):
            s = good_span(m)
            if s and (is_opt(e) or is_opt(m)):
                soft_spans.add(s)
    for g in dicts(gold, "group_mentions"):
        soft_spans |= set(spans_of(dicts(g, "mentions")))

    if "entities" in gold:
        need = set()
        for e in dicts(gold, "entities"):
            if is_opt(e) or not isinstance(e.get("id"), str):
                continue
            for m in dicts(e, "mentions"):
                s = good_span(m)
                if s and not is_opt(m):
                    need.add((s[0], s[1], str(e.get("type") or "")))
        out = set()
        for e in dicts(pred, "entities"):
            if not isinstance(e.get("id"), str):
                continue
            for s in spans_of(dicts(e, "mentions")):
                out.add((s[0], s[1], str(e.get("type") or "")))
        need_l, out_l, soft_l = sorted(need), sorted(out), sorted(soft_spans)
        res["mentions_exact"] = (len(need_l),) + pair_layer(
            need_l, soft_l, out_l, lambda g, p: g == p, lambda o, p: o == (p[0], p[1])
        )
        res["mentions_overlap"] = (len(need_l),) + pair_layer(
            need_l,
            soft_l,
            out_l,
            lambda g, p: g[2] == p[2] and common(g[:2], p[:2]) > 0,
            lambda o, p: common(o, p[:2]) > 0,
        )

        # entities and linking
        gents = []
        for e in dicts(gold, "entities"):
            if not isinstance(e.get("id"), str):
                continue
            ms = set(spans_of(dicts(e, "mentions")))
            if ms:
                gents.append((e, ms))
        pents = [
            (e, ptab_spans)
            for e in dicts(pred, "entities")
            if isinstance(e.get("id"), str)
            for ptab_spans in [
                set(spans_of(dicts(e, "mentions"))) | set(spans_of(dicts(e, "coref_mentions")))
            ]
        ]

        def holds_half(ms, ps):
            return 2 * len(ms & ps) >= len(ms)

        n_gold = found = right_pred = counted_pred = 0
        for _pe, ps in pents:
            if any(holds_half(ms, ps) for ge, ms in gents if not is_opt(ge)):
                right_pred += 1
                counted_pred += 1
            elif any(holds_half(ms, ps) for ge, ms in gents if is_opt(ge)):
                pass
            elif ps.issubset(soft_spans):
                pass
            else:
                counted_pred += 1
        link_gold = link_found = link_right = 0
        for ge, ms in gents:
            if is_opt(ge):
                continue
            n_gold += 1
            holders = [(pe, len(ms & ps)) for pe, ps in pents if holds_half(ms, ps)]
            if holders:
                found += 1
            qid = (
                ge.get("wikidata").strip().upper()
                if isinstance(ge.get("wikidata"), str) and ge["wikidata"].strip()
                else None
            )
            can = ge.get("canonical")
            can = name_key(can)
            if qid is None and can is None:
                continue
            link_gold += 1
            if not holders:
                continue
            link_found += 1
            top = max(k for _, k in holders)
            ok = False
            for pe, k in holders:
                if k != top:
                    continue
                if qid is not None:
                    pq = pe.get("wikidata")
                    ok = ok or (isinstance(pq, str) and pq.strip().upper() == qid)
                else:
                    pc = pe.get("canonical")
                    ok = ok or (name_key(pc) is not None and name_key(pc) == can)
            link_right += ok
        res["entities"] = (n_gold, found, right_pred, counted_pred)
        res["linking"] = (link_gold, link_found, link_right)

    if "times" in gold:

        def tlist(doc, want_opt=None):
            out = []
            for t in dicts(doc, "times"):
                s = good_span(t)
                if s is None:
                    continue
                if want_opt is not None and is_opt(t) != want_opt:
                    continue
                out.append((s, t.get("value")))
            return out

        req, opt, out = tlist(gold, False), tlist(gold, True), tlist(pred)
        tp, counted = pair_layer(
            req,
            opt,
            out,
            lambda g, p: common(g[0], p[0]) > 0 and g[1] == p[1],
            lambda o, p: common(o[0], p[0]) > 0,
        )
        res["times"] = (len(req), tp, counted)

    if "quotes" in gold:

        def qlist(doc, want_opt=None):
            out = []
            for q in dicts(doc, "quotes"):
                s = good_span(q.get("content"))
                if s is None or (want_opt is not None and is_opt(q) != want_opt):
                    continue
                spk = q.get("speaker") if isinstance(q.get("speaker"), str) else None
                out.append({"c": s, "who": spk, "kind": q.get("type")})
            return out

        def half(a, b):
            c = common(a, b)
            return c > 0 and c * 2 >= min(a[1] - a[0], b[1] - b[0])

        def who(g, p):
            if g["who"] is None and p["who"] is None:
                return True
            if g["who"] is None or p["who"] is None:
                return False
            return same(g["who"], p["who"])

        req, opt, out = qlist(gold, False), qlist(gold, True), qlist(pred)

        def hit(g, p):
            return half(g["c"], p["c"]) and who(g, p)

        tp, counted = pair_layer(req, opt, out, hit, lambda o, p: half(o["c"], p["c"]))
        res["quotes"] = (len(req), tp, counted)
        res["quote_type"] = (tp, max_flow_pairs(req, out, lambda g, p: hit(g, p) and g["kind"] == p["kind"]))

    if "events" in gold:

        def elist(doc, want_opt=None):
            out = []
            for e in dicts(doc, "events"):
                fact = e.get("factuality") or "asserted"
                if not all_fact and fact != "asserted":
                    continue
                if want_opt is not None and is_opt(e) != want_opt:
                    continue
                out.append(
                    {
                        "t": e.get("event"),
                        "a": strs(e.get("actor")),
                        "r": strs(e.get("recipient")),
                        "ev": spans_of(dicts(e, "evidence")),
                        "d": e.get("date"),
                    }
                )
            return out

        def typed(g, p):
            return g["t"] == p["t"] and any(common(x, y) > 0 for x in g["ev"] for y in p["ev"])

        def hit(g, p):
            if not typed(g, p):
                return False
            if not g["a"]:
                if p["a"]:
                    return False
            elif not any(same(x, y) for x in g["a"] for y in p["a"]):
                return False
            if g["r"]:
                for x in g["r"]:
                    if not any(same(x, y) for y in p["r"]):
                        return False
                for y in p["r"]:
                    if not any(same(x, y) for x in g["r"]):
                        return False
            return True

        req, opt, out = elist(gold, False), elist(gold, True), elist(pred)
        tp, counted = pair_layer(req, opt, out, hit, typed)
        res["events"] = (len(req), tp, counted)
        res["event_date"] = (tp, max_flow_pairs(req, out, lambda g, p: hit(g, p) and g["d"] == p["d"]))
    return res


def sha(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def score(golds, preds, all_fact=False):
    """Headline figures as a dict (same keys as khabar.eval.docs.headline)."""
    sums = {}
    docs_seen = {}
    for gold in golds:
        gid = gold.get("id")
        gh = (
            sha(gold["text"])
            if isinstance(gold.get("text"), str)
            else (gold["text_sha256"].lower() if isinstance(gold.get("text_sha256"), str) else None)
        )
        pred = next((p for p in preds if isinstance(gid, str) and p.get("id") == gid), None)
        if pred is None and gh is not None:
            pred = next((p for p in preds if isinstance(p.get("text"), str) and sha(p["text"]) == gh), None)
        if (
            pred is not None
            and gh is not None
            and isinstance(pred.get("text"), str)
            and sha(pred["text"]) != gh
        ):
            pred = None
        for layer, counts in score_one(gold, pred or {}, all_fact).items():
            old = sums.get(layer, (0,) * len(counts))
            sums[layer] = tuple(a + b for a, b in zip(old, counts, strict=True))
            docs_seen[layer] = docs_seen.get(layer, 0) + 1

    def prf_layer(name):
        g, tp, counted = sums.get(name, (0, 0, 0))
        if not docs_seen.get(name):
            return {
                "precision": None,
                "recall": None,
                "f1": None,
                "gold": 0,
                "pred": 0,
                "tp_gold": 0,
                "tp_pred": 0,
            }
        p, r, f = prf(g, counted, tp, tp)
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "gold": g,
            "pred": counted,
            "tp_gold": tp,
            "tp_pred": tp,
        }

    def acc_layer(name):
        m, c = sums.get(name, (0, 0))
        return {"matched": m, "correct": c, "accuracy": c / m if m else None}

    out = {
        "mentions_exact": prf_layer("mentions_exact"),
        "mentions_overlap": prf_layer("mentions_overlap"),
    }
    if docs_seen.get("entities"):
        g, found, right, counted = sums["entities"]
        p, r, f = prf(g, counted, found, right)
        out["entities"] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "gold": g,
            "pred": counted,
            "tp_gold": found,
            "tp_pred": right,
        }
    else:
        out["entities"] = prf_layer("__none__")
    lg, lf, lr = sums.get("linking", (0, 0, 0))
    out["linking"] = {
        "gold": lg,
        "found": lf,
        "correct": lr,
        "accuracy": lr / lf if lf else None,
        "recall": lr / lg if lg else None,
    }
    out["times"] = prf_layer("times")
    out["quotes"] = prf_layer("quotes")
    out["quote_type"] = acc_layer("quote_type")
    out["events"] = prf_layer("events")
    out["event_date"] = acc_layer("event_date")
    return out


def read_docs(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    s = raw.strip()
    if not s:
        return []
    try:
        data = json.loads(s)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        return [json.loads(line) for line in s.splitlines() if line.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--pred", required=True)
    ap.add_argument("--all-factuality", action="store_true")
    args = ap.parse_args(argv)
    golds = [d for path in args.gold for d in read_docs(path)]
    preds = read_docs(args.pred)
    json.dump(score(golds, preds, args.all_factuality), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
