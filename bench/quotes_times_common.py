"""Shared helpers of the issue-6 gold-set builders (quotes_times_devset / heldout / testset*.py).

Annotations give spans as exact snippets (with an occurrence index where a snippet repeats); ``build`` resolves
them to offsets in the ANT v2.1 article and returns khabar/1 gold JSON; ``write_set`` writes a whole set.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from khabar.paths import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
ANT = SHARED_DATA / "news/ant-v2.1-multisource.jsonl.gz"

_PREFIX = "وفبلك"


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``form`` (a clitic و ف ب ل ك, or لل for ال-words, may precede it)."""
    out = []
    for m in re.finditer(re.escape(form), text):
        a, b = m.start(), m.end()
        after_ok = b >= len(text) or not text[b].isalpha()
        j = a
        while j > 0 and text[j - 1] in _PREFIX and a - j < 2:
            j -= 1
        before_ok = j == 0 or not text[j - 1].isalpha()
        if after_ok and before_ok:
            out.append((a, b))
    if form.startswith("ال"):  # للرئيس / للمجلس: the article's alef is dropped after ل
        for m in re.finditer(r"(?<![^\W\d_])[وف]?لل" + re.escape(form[2:]) + r"(?![^\W\d_])", text):
            a = m.start() + m.group().index("لل") + 1
            out.append((a, m.end()))
    return out


def _nth(text: str, snippet: str, n: int) -> tuple[int, int]:
    """The n-th occurrence of ``snippet``; any run of white space (NBSP included) matches a space."""
    rx = r"\s+".join(re.escape(part) for part in snippet.split(" "))
    occ = [(m.start(), m.end()) for m in re.finditer(rx, text)]
    if n >= len(occ):
        raise ValueError(f"snippet {snippet!r} #{n} not found")
    return occ[n]


def _word_nth(text: str, word: str, n: int, exact: bool = False) -> tuple[int, int]:
    if word[0].isdigit():
        occ = [(m.start(), m.end()) for m in re.finditer(r"(?<!\d)" + re.escape(word) + r"(?!\d)", text)]
        return occ[n]
    clitic = "" if exact else r"(?:[وفبلك]{1,2}(?=" + re.escape(word[0]) + r"))?"
    rx = r"(?<![^\W\d_])" + clitic + r"(" + re.escape(word) + r")(?![^\W\d_])"
    occ = [(m.start(1), m.end(1)) for m in re.finditer(rx, text)]
    if n >= len(occ):
        raise ValueError(f"{word!r} #{n} not found ({len(occ)} found)")
    return occ[n]


def build(art: dict, ann: dict) -> dict:
    text = art["title"] + "\n" + art["text"]
    ents = []
    taken_by: dict[str, list[tuple[int, int]]] = {"m": [], "c": []}
    # longest forms first across all entities so nested names do not double-count
    all_forms = sorted(
        ((f, eid, kind) for eid, (_, forms, coref) in ann["entities"].items()
         for kind, fl in (("m", forms), ("c", coref)) for f in fl),
        key=lambda x: -len(x[0]),
    )
    spans: dict[str, dict[str, list]] = {eid: {"m": [], "c": []} for eid in ann["entities"]}
    for form, eid, kind in all_forms:
        taken = taken_by[kind]
        for a, b in _occurrences(text, form):
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            taken.append((a, b))
            spans[eid][kind].append({"start": a, "end": b, "text": text[a:b]})
    for eid, (etype, _, _) in ann["entities"].items():
        e = {"id": eid, "type": etype, "mentions": sorted(spans[eid]["m"], key=lambda s: s["start"])}
        if spans[eid]["c"]:
            e["coref_mentions"] = sorted(spans[eid]["c"], key=lambda s: s["start"])
        if not e["mentions"] and not spans[eid]["c"]:
            raise ValueError(f"{eid}: no mention found")
        ents.append(e)
    times = []
    for snip, n, ttype, val, optional in ann["times"]:
        a, b = _word_nth(text, snip, n) if not snip.isdigit() else _nth_year(text, snip, n)
        t = {"start": a, "end": b, "text": text[a:b], "type": ttype, "value": val}
        if optional:
            t["optional"] = True
        times.append(t)
    quotes = []
    for qtype, cue, cn, content, qn, spk, addr in ann["quotes"]:
        ca, cb = _word_nth(text, cue, cn, exact=True)
        a, b = _nth(text, content, qn)
        quotes.append({
            "type": qtype, "speaker": spk, "addressee": addr,
            "cue": {"start": ca, "end": cb, "text": text[ca:cb]},
            "content": {"start": a, "end": b, "text": text[a:b]},
        })
    return {
        "format": "khabar/1",
        "id": art["id"],
        "text": text,
        "meta": {"title": art["title"], "source": art["source"], "url": art.get("url"),
                 "published": art["published"][:10], "language": "ar", "licence": "Apache-2.0 (ANT v2.1)"},
        "entities": ents,
        "times": sorted(times, key=lambda t: t["start"]),
        "quotes": sorted(quotes, key=lambda q: q["content"]["start"]),
    }


def _nth_year(text: str, y: str, n: int) -> tuple[int, int]:
    occ = [(m.start(), m.end()) for m in re.finditer(r"(?<!\d)" + y + r"(?!\d)", text)]
    return occ[n]


_CTX = re.compile(r"^(.*)\[(.+)\](.*)$")


def build_in_context(art: dict, ann: dict) -> dict:
    """``build`` plus context-restricted entity forms (``ونفت [السعودية]``)."""
    plain: dict[str, tuple] = {}
    ctx: dict[str, tuple] = {}
    for eid, (etype, forms, coref) in ann["entities"].items():
        (ctx if any(_CTX.match(f) for f in forms) else plain)[eid] = (etype, forms, coref)
    gold = build(art, {**ann, "entities": plain})
    text = gold["text"]
    for eid, (etype, forms, _) in ctx.items():
        ments = []
        for f in forms:
            m = _CTX.match(f)
            if not m:
                raise ValueError(f"{eid}: mix of plain and context forms")
            pre, word, post = m.groups()
            for hit in re.finditer(re.escape(pre + word + post), text):
                a = hit.start() + len(pre)
                ments.append({"start": a, "end": a + len(word), "text": word})
        if not ments:
            raise ValueError(f"{eid}: no mention found")
        gold["entities"].append({"id": eid, "type": etype, "mentions": sorted(ments, key=lambda s: s["start"])})
    return gold


def write_set(ann: dict[str, dict], out: Path, builder: Callable[[dict, dict], dict] = build,
              layers: tuple[str, ...] = ("times", "quotes")) -> None:
    """Build every annotated article of ``ann`` and write its gold JSON to ``out`` (or to the folder given as
    the first command-line argument, e.g. a temp dir to compare with the committed files)."""
    if len(sys.argv) > 1:
        out = Path(sys.argv[1])
    arts = {}
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in ann:
                arts[r["id"]] = r
    out.mkdir(parents=True, exist_ok=True)
    for aid, a in ann.items():
        gold = builder(arts[aid], a)
        (out / f"{aid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(aid, *(f"{len(gold[k])} {k}" for k in layers))
