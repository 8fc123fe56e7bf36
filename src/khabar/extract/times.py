"""Pipeline stages ``times`` and ``time_anchors``: TIMEX3 DATE/TIME/DURATION/SET expressions with ISO values.

Relative expressions (أمس، يوم الأحد، الشهر الماضي …) are resolved against ``meta.published``; a document
without a usable publication date gets ``meta.time_anchor = None`` plus a note, and relative values stay null.
A bare month or weekday resolves to the past unless its clause is future: the tense comes from the POS/lemma
layer of the morph stage when it ran (سوف/لن، س+verb, perfect vs imperfect verbs), else from surface cues.
``time_anchors`` (after quotes) re-anchors the relative expressions of reported speech to the day it was said
(قال يوم الأربعاء إن … اليوم → Wednesday) and records that date as ``anchor`` on every time inside a quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from khabar.document import Document, TimeExpression
from khabar.extract.timex.normtext import N
from khabar.extract.timex.rules import lexicon, parse_anchor, pattern_words, recognizer

_L, _W = pattern_words()["letters"], pattern_words()["words"]
_FUT = _L["future_prefix"]  # سـ
_FUT_FORMS = (_FUT, *(c + _FUT for c in _L["conjunctions"]))  # س، وس، فس

_DAY_LEN = 10  # YYYY-MM-DD
_LEAD = 400  # characters: where an article states its own day (وافق مجلس الأمن، اليوم (الاثنين)، …)
_SAID_NEAR = 80  # characters between a verb of saying and the day it names (قال الرئيس الأمريكي يوم الأربعاء)


def extract_times(
    text: str, published: str | None, tense: Callable[[int], int | None] | None = None
) -> list[TimeExpression]:
    """Time expressions of ``text`` (offsets into ``text``), resolved against ``published`` if given."""
    anchor = parse_anchor(published)
    out = []
    for tx in recognizer().find(text, anchor, tense):
        out.append(TimeExpression(tx.start, tx.end, text[tx.start : tx.end], tx.type, tx.value, dict(tx.extra)))
    return out


@lru_cache(maxsize=1)
def _tense_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, list[list[str]]]]:
    lx = lexicon()
    particles = frozenset(N(w) for w in lx["future_particles"])
    cues = frozenset(N(w) for w in lx["future_cues"] if " " not in w)
    markers = frozenset(N(w) for w in lx["future_markers"])
    multi: dict[str, list[list[str]]] = {}  # مع اقتراب: last word → the words before it
    for w in lx["future_cues"]:
        parts = N(w).split()
        if len(parts) > 1:
            multi.setdefault(parts[-1], []).append(parts[:-1])
    return particles, cues, markers, multi


def _verb_label(form: str, lemma: str | None) -> str:
    """P for a perfect verb (its form starts like its lemma: قالت/قال), I for an imperfect one (يقول/قال)."""
    f, lem = N(form), N(lemma or "")
    if lem and f[:2] == lem[:2]:
        return "P"
    return "I" if f[:1] in _L["imperfect_persons"] else "P"


def clause_tense(doc: Document) -> Callable[[int], int | None] | None:
    """``tense(offset)``: +1 when the nearest tense cue before ``offset`` in its sentence is future (سوف، لن،
    س+verb, من المقرر …, or an imperfect verb with المقبل/غدا later in the sentence), -1 otherwise.
    None when the document has no POS layer (the recogniser then falls back to surface cues)."""
    toks = doc.tokens
    if not toks or not any(t.pos for t in toks):
        return None
    particles, cues, markers, multi = _tense_words()
    starts: list[int] = []
    labels: list[str] = []
    norms: list[str] = []
    # a name is never a verb (تل أبيب is tagged VERB now and then): skip tokens inside entity mentions
    names = sorted((m.start, m.end) for e in doc.entities for m in e.mentions)
    name_starts = [a for a, _ in names]
    for t in toks:
        k = bisect.bisect_right(name_starts, t.start) - 1
        if k >= 0 and names[k][0] <= t.start < names[k][1]:
            norms.append("")
            continue
        surface = doc.text[t.start : t.end]
        n = N(surface)
        norms.append(n)
        label = ""
        if n in particles or n in cues or any(norms[-1 - len(p) : -1] == p for p in multi.get(n, ())):
            label = "F"
        elif n in markers or (n[:1] in _L["conjunctions"] and n[1:] in markers):
            label = "M"
        else:
            words = t.words or []
            for k, w in enumerate(words):
                if w.pos == "PART" and N(w.form) == _FUT and k + 1 < len(words) and words[k + 1].pos == "VERB":
                    label = "F"
                    break
                if w.pos == "VERB":
                    label = _verb_label(w.form, w.lemma)
                    break
            if not words and t.pos == "VERB":
                label = "F" if n.startswith(_FUT_FORMS) and len(n) > 4 else _verb_label(surface, t.lemma)
        if label:
            starts.append(t.start)
            labels.append(label)
    sent_starts = [s.start for s in doc.sentences]
    sent_ends = [s.end for s in doc.sentences]

    def tense(pos: int) -> int | None:
        k = bisect.bisect_right(sent_starts, pos) - 1
        lo = sent_starts[k] if k >= 0 else 0
        hi = sent_ends[k] if k >= 0 else len(doc.text)
        i = bisect.bisect_left(starts, pos) - 1
        while i >= 0 and starts[i] >= lo:
            lab = labels[i]
            if lab == "F":
                return 1
            if lab == "P":
                return -1
            if lab == "I":
                j = bisect.bisect_right(starts, pos)
                while j < len(starts) and starts[j] < hi:
                    if labels[j] == "M":
                        return 1
                    j += 1
            i -= 1
        return -1

    return tense


@lru_cache(maxsize=1)
def _today_rx() -> re.Pattern[str]:
    wd = "|".join(sorted({re.escape(N(w)) for w in lexicon()["weekdays"]}, key=len, reverse=True))
    today = "|".join(pattern_words()["writer_today"])
    return re.compile(rf"^(?:{_W['day']}\s+)?(?P<rd>{today})\s*[{_L['comma']},]?\s*\(?\s*(?:{wd})")


def writer_today(times: list[TimeExpression], anchor: date | None) -> date | None:
    """The day the article was written when its text says so and the timestamp is one day off: the first
    «اليوم (الاثنين)» / «أمس الأحد» resolved with its weekday (articles stamped after midnight UTC, or a day
    late by the crawler). None when the text agrees with the stamp or names no weekday with a relative day."""
    if anchor is None:
        return None
    rx = _today_rx()
    for t in times:
        if t.start > _LEAD:
            break  # only the lead speaks for the article's own day; later ones may be inside speech
        m = rx.match(N(t.text))
        if m is None or not t.value or len(t.value) < _DAY_LEN:
            continue
        try:
            d = date.fromisoformat(t.value[:_DAY_LEN])
        except ValueError:
            return None
        today = d - timedelta(days=pattern_words()["writer_today"][m.group("rd")])
        return today if abs((today - anchor).days) == 1 else None
    return None


def times_stage(doc: Document) -> None:
    anchor = parse_anchor(doc.meta.get("published"))
    doc.meta["time_anchor"] = anchor.isoformat() if anchor else None
    if anchor is None:
        doc.meta["time_anchor_note"] = "no publication date: relative time expressions are left unresolved"
    tense = clause_tense(doc)
    doc.times = extract_times(doc.text, anchor.isoformat() if anchor else None, tense)
    today = writer_today(doc.times, anchor)
    if today is not None:
        # one "today" for the whole article: اليوم (الاثنين) and a later bare اليوم must not differ
        doc.meta["time_anchor"] = today.isoformat()
        doc.meta["time_anchor_note"] = "the text names the weekday of its own today, one day off the timestamp"
        doc.times = extract_times(doc.text, today.isoformat(), tense)


def _sentence_of(doc: Document, sent_starts: list[int], pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(sent_starts, pos) - 1
    if k >= 0 and pos < doc.sentences[k].end:
        return doc.sentences[k].start, doc.sentences[k].end
    return 0, len(doc.text)


def anchor_quotes(doc: Document) -> None:
    """Times inside a quote get ``extra["anchor"]``: the day the words were said when the quote's sentence
    names it outside the quote (قال يوم الأربعاء إن … اليوم), else the publication date; relative expressions
    inside are re-resolved against that day."""
    pub = parse_anchor(doc.meta.get("time_anchor") or doc.meta.get("published"))
    if not doc.times or not doc.quotes:
        return
    inside_any = sorted((q.content.start, q.content.end) for q in doc.quotes)
    inside_starts = [a for a, _ in inside_any]
    times = sorted(doc.times, key=lambda t: t.start)
    starts = [t.start for t in times]
    sent_starts = [s.start for s in doc.sentences]

    def between(lo: int, hi: int) -> list[TimeExpression]:
        return times[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(inside_starts, pos) - 1
        return any(j >= 0 and inside_any[j][0] <= pos < inside_any[j][1] for j in (k, k - 1))

    for q in doc.quotes:
        c0, c1 = q.content.start, q.content.end
        mine = [t for t in between(c0, c1) if t.end <= c1]
        if not mine:
            continue
        ref = q.cue.start if q.cue else c0
        s0, s1 = _sentence_of(doc, sent_starts, ref)
        said: tuple[int, str] | None = None
        for t in between(max(s0, ref - _SAID_NEAR - 40), min(s1, ref + _SAID_NEAR + 40)):
            if t.type not in ("DATE", "TIME") or not t.value:
                continue
            if len(t.value) < _DAY_LEN or not t.value[:4].isdigit() or t.value[4:5] != "-" or t.value[7:8] != "-":
                continue
            if quoted(t.start):
                continue  # a date inside some quote is not when this one was said
            d = min(abs(t.start - ref), abs(t.end - ref))
            if d > _SAID_NEAR:
                continue  # far from the verb of saying: the time of something else in the sentence
            if said is None or d < said[0]:
                said = (d, t.value[:_DAY_LEN])
        anchor = said[1] if said else (pub.isoformat() if pub else None)
        if anchor is None:
            continue
        if said and pub and anchor != pub.isoformat():
            redo = {(tx.start + c0, tx.end + c0): tx for tx in recognizer().find(doc.text[c0:c1], date.fromisoformat(anchor))}
            for t in mine:
                tx = redo.get((t.start, t.end))
                if tx is not None and tx.type == t.type and tx.value != t.value:
                    t.value = tx.value
        for t in mine:
            t.extra["anchor"] = anchor


def time_anchors_stage(doc: Document) -> None:
    anchor_quotes(doc)
