"""Event dates (issue 17): which day an event happened, and where that date came from.

One function, :func:`date_events`, called once by the events stage after the coder: for each event it sets
``date`` and ``date_source``:

- ``timex``: the time expression attached to the event's clause — in the sentence of one of its evidence spans,
  nearest by tokens, same clause first; never one inside a name (an entity mention), never a year that is part
  of a name, plan or title (رؤية 2030، كأس العالم 2022), never a date inside a different quote than the
  event's; and never a date after publication unless the event's factuality is ``future``;
- ``timex`` also for an anaphoric event noun: «واستغل بايدن مكالمة الفيديو لتحذير …» — a definite nominal trigger
  (المكالمة، مكالمة الفيديو) in the event's clause that refers back to an earlier mention of the same noun with a
  day right after it (مكالمة بالفيديو يوم 7 ديسمبر) takes that day;
- ``dateline``: a day written in the dateline (الرياض 12 مايو -);
- ``published``: the publication date, for an asserted report with no time of its own (news reports what just
  happened); a past-perfect clause (وكان … قد) is older than that and gets no date;
- ``none``: nothing above applies (no publication date, a future or past-perfect event without a time, or an
  asserted event whose own time expression is later than publication: a coding error we do not turn into a date).
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from khabar.document import Document, Event, TimeExpression
from khabar.extract.eventcoder.coder import variants
from khabar.extract.eventcoder.lexicon import load as load_triggers
from khabar.extract.eventcoder.lexicon import nkey, word_class
from khabar.extract.timex.normtext import N
from khabar.extract.timex.rules import lexicon, parse_anchor

DATE_SOURCES = ("timex", "dateline", "published", "none")
_ISO = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_CLAUSE = re.compile(r"[،,؛;:!?؟.\n]")
_WORD = re.compile(r"\w+")
_SENT_WINDOW = 400  # characters either side when a document has no sentence layer


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(N(w) for w in lexicon()["name_year_heads"])


@lru_cache(maxsize=1)
def _clause_words() -> tuple[frozenset[str], frozenset[str]]:
    lx = lexicon()
    return frozenset(N(w) for w in lx["clause_openers"]), frozenset(N(w) for w in lx["subordinators"])


def _bare(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _crosses(text: str, a: int, b: int) -> bool:
    """Is there a clause boundary (punctuation or a clause opener such as إثر، حين، الذي) in text[a:b]?"""
    if a >= b:
        return False
    if _CLAUSE.search(text, a, b):
        return True
    openers = _clause_words()[0]
    return any(_bare(N(w)) in openers for w in _WORD.findall(text, a, b))


def _subordinate(text: str, lo: int, pos: int) -> bool:
    """Is the event at ``pos`` in a background clause (وافتتح قمة … إثر مقتل …، حين أوقعت غارات …)?"""
    start = max(lo, pos - 80)
    k = max((m.end() for m in _CLAUSE.finditer(text, start, pos)), default=start)
    subs = _clause_words()[1]
    return any(_bare(N(w)) in subs for w in _WORD.findall(text, k, pos)[-6:])


@lru_cache(maxsize=1)
def _pluperfect() -> re.Pattern[str]:
    """وكان الجيش قد …: the auxiliary, up to four words, the particle, right before the event's trigger."""
    lx = lexicon()
    aux = "|".join(re.escape(N(w)) for w in lx["pluperfect_aux"])
    part = "|".join(re.escape(N(w)) for w in lx["pluperfect_particles"])
    return re.compile(rf"(?<!\w)[وف]?(?:{aux})\s+(?:\w+\s+){{0,4}}(?:{part})\s*$")


def _iso_date(t: TimeExpression) -> str | None:
    """The calendar value of a DATE/TIME expression (YYYY, YYYY-MM, YYYY-MM-DD), or None (durations, refs,
    weeks, seasons, unresolved values)."""
    if t.type not in ("DATE", "TIME") or not t.value:
        return None
    v = t.value[:10] if t.type == "TIME" else t.value
    return v if _ISO.match(v) else None


def _past_without_date(t: TimeExpression) -> bool:
    """قبل أسابيع (PAST_REF), منذ شهر / منذ سنوات (a duration since): the clause is about an undated past."""
    if t.value == "PAST_REF":
        return True
    return t.type == "DURATION" and N(t.text).split()[:1] in (["منذ"], ["قبل"])


def _period_start(v: str) -> date | None:
    m = _ISO.match(v)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


_NEAR = 600  # characters either side of an event's evidence searched for its time (bounded work on long text)
_PAST_LINK = 4  # words between a background clause's event and the undated past time it hangs on
_NAME_MAX = 200  # a name mention is never longer than this


class _Index:
    """Per-document lookups (sorted starts + bisect) so that dating stays linear-ish on long, hostile inputs."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sent_starts = [s.start for s in doc.sentences]
        self.times = sorted(doc.times, key=lambda t: t.start)
        self.time_starts = [t.start for t in self.times]
        self.quotes = sorted((q.content.start, q.content.end) for q in doc.quotes)
        self.quote_starts = [a for a, _ in self.quotes]
        # named mentions only: the coder's groups from common words are nominal (coref_mentions, issue 13)
        self.names = sorted((m.start, m.end) for e in doc.entities for m in e.mentions)
        self.name_starts = [a for a, _ in self.names]
        self.dateline_day = _dateline_day(doc)

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        if k >= 0 and pos < self.doc.sentences[k].end:
            return self.doc.sentences[k].start, self.doc.sentences[k].end
        return max(0, pos - _SENT_WINDOW), min(len(self.doc.text), pos + _SENT_WINDOW)

    def quote_of(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        for j in (k, k - 1):
            if j >= 0 and self.quotes[j][0] <= pos < self.quotes[j][1]:
                return self.quotes[j]
        return None

    def times_in(self, lo: int, hi: int) -> list[TimeExpression]:
        i = bisect.bisect_left(self.time_starts, lo)
        j = bisect.bisect_left(self.time_starts, hi)
        return [t for t in self.times[i:j] if t.end <= hi]

    def in_name_or_title(self, t: TimeExpression) -> bool:
        i = bisect.bisect_left(self.name_starts, t.start - _NAME_MAX)
        j = bisect.bisect_left(self.name_starts, t.end)
        if any(a < t.end and t.start < b for a, b in self.names[i:j]):
            return True
        if t.value and len(t.value) == 4:
            left = _WORD.findall(N(self.doc.text[max(0, t.start - 30) : t.start]))
            # رؤية 2030 / كأس العالم 2022 / كأس الأمم الإفريقية 2019: the head up to three words before the year
            if any(w in _name_heads() for w in left[-3:]):
                return True
        return False


_DATELINE_END = re.compile(r"\s*[-–—/(]")
_DATELINE_MAX = 60  # characters: a date this early, followed by a dash, slash or bracket, is the dateline's


def _dateline_day(doc: Document) -> str | None:
    """The day of the dateline: a day-valued date inside the dateline span, or one in the first characters that a
    dateline separator follows (بيروت - 12 مايو - … / القاهرة في 12 مايو /أ ش أ/ …)."""
    dl = doc.dateline
    for t in doc.times:
        if t.start > max(_DATELINE_MAX, dl.end if dl else 0):
            break
        v = _iso_date(t)
        if not v or len(v) != 10:
            continue
        if (dl is not None and dl.start <= t.start and t.end <= dl.end) or _DATELINE_END.match(doc.text, t.end):
            return v
    return None


_LATE = "late"  # the time attached to the event is after publication while the event is asserted
_BACKGROUND = "background"  # a background-clause event whose sentence's times belong to other clauses


def _timex_for(ix: _Index, ev: Event, pub: date | None) -> str | None:
    """The value of the time expression attached to the event, ``_LATE``, or None."""
    text = ix.doc.text
    for sp in ev.evidence:
        s0, s1 = ix.sentence(sp.start)
        quote = ix.quote_of(sp.start)
        best: tuple[int, int, str, bool] | None = None
        past_near: int | None = None  # words to the nearest same-clause past time with no calendar value
        past_any: int | None = None  # … in any clause of the sentence
        for t in ix.times_in(max(s0, sp.start - _NEAR), min(s1, sp.end + _NEAR)):
            v = _iso_date(t)
            if v is None:
                if _past_without_date(t):
                    a, b = (t.end, sp.start) if t.end <= sp.start else (sp.end, t.start)
                    d = len(_WORD.findall(text, a, b)) if a < b else 0
                    past_any = d if past_any is None else min(past_any, d)
                    if not _crosses(text, a, b):
                        past_near = d if past_near is None else min(past_near, d)
                continue
            if ix.in_name_or_title(t):
                continue
            tq = ix.quote_of(t.start)
            if tq is not None and tq != quote:
                continue  # a date inside another quote belongs to that speech
            if quote is not None and tq is None and not (sp.start <= t.start < sp.end):
                continue  # said on Monday that the army attacked: Monday dates the saying, not the attack
            start = _period_start(v)
            # an asserted event cannot postdate its report (اجتماع الحكومة الأربعاء المقبل coded as asserted)
            late = pub is not None and start is not None and start > pub and ev.factuality != "future"
            if late and len(v) == 4:
                continue  # a later bare year is mostly a name or a plan (مونديال 2022): not this event's time
            a, b = (t.end, sp.start) if t.end <= sp.start else (sp.end, t.start)
            crosses = 1 if _crosses(text, a, b) else 0
            dist = len(_WORD.findall(text, a, b)) if a < b else 0
            if best is None or (crosses, dist) < best[:2]:
                best = (crosses, dist, v, late)
        if past_near is not None and (best is None or best[0] or past_near < best[1]):
            return _BACKGROUND  # قبل أسابيع شنت …: past, but no day given
        if past_any is not None and past_any <= _PAST_LINK and _subordinate(text, s0, sp.start):
            return _BACKGROUND  # منذ شهر، حين أوقعت غارات …: the background clause hangs on that past
        if best is not None and best[0] and _subordinate(text, s0, sp.start):
            return _BACKGROUND  # the only times belong to another clause, and this one is background
        if best is not None:
            return _LATE if best[3] else best[2]
    return None


def _coder_date(ix: _Index, ev: Event, pub: date | None) -> str | None:
    """The coder's own date when it comes from just before the event's sentence (استغل مكالمة الفيديو لتحذير …
    ← the call of 7 December, one sentence earlier): kept when a time expression outside names with that value
    is in the event's sentence or the one before, the event is not in a background clause, and the date does not
    postdate publication (unless future)."""
    v = ev.date or ""
    start = _period_start(v)
    if start is None or not ev.evidence:
        return None
    sp = ev.evidence[0]
    s0, s1 = ix.sentence(sp.start)
    p0 = ix.sentence(s0 - 1)[0] if s0 > 0 else s0
    if _subordinate(ix.doc.text, s0, sp.start):
        return None
    if not any(_iso_date(t) == v and not ix.in_name_or_title(t) for t in ix.times_in(p0, s1)):
        return None
    if pub is not None and start > pub and ev.factuality != "future":
        return _LATE
    return v


_ANAPHOR_WINDOW = 60  # characters before an evidence span searched for the event noun that names it
_ANAPHOR_BACK = 3000  # characters before the event's sentence searched for that noun's first, dated mention
_ANAPHOR_GAP = 4  # words at most between that earlier noun and its day


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Stems of the nominal event triggers (triggers.tsv rows with pos N)."""
    return frozenset(stem for stem, trigs in load_triggers().triggers.items() if any(t.pos == "N" for t in trigs))


@lru_cache(maxsize=8192)
def _event_noun(word: str) -> tuple[str, bool] | None:
    """(trigger stem, definite by its article) of a word that is a nominal event trigger, else None."""
    nouns, article = _event_nouns(), word_class("definite")
    for stem, clitic in variants(nkey(word)):
        if "|" not in clitic and stem in nouns:
            return stem, any(a in clitic for a in article)
    return None


def _anaphor_date(ix: _Index, ev: Event, pub: date | None) -> str | None:
    """The day of an earlier mention of the definite event noun next to the event (see the module docstring)."""
    text, article = ix.doc.text, word_class("definite")
    for sp in ev.evidence:
        s0, s1 = ix.sentence(sp.start)
        words = list(_WORD.finditer(text, max(s0, sp.start - _ANAPHOR_WINDOW), min(s1, sp.end + 30)))
        for k, w in enumerate(words):
            if w.start() >= sp.end:
                break  # words after the span only serve as the genitive that makes a noun definite
            hit = _event_noun(w.group())
            if hit is None:
                continue
            after = words[k + 1].group() if k + 1 < len(words) else ""
            if not (hit[1] or any(nkey(after).startswith(a) for a in article)):
                continue  # an indefinite noun introduces a new event; only a definite one refers back
            v = _earlier_day(ix, hit[0], max(0, s0 - _ANAPHOR_BACK), s0, pub, ev)
            if v is not None:
                return v
    return None


def _earlier_day(ix: _Index, stem: str, lo: int, hi: int, pub: date | None, ev: Event) -> str | None:
    """The day written right after the latest mention of ``stem`` in text[lo:hi], if any."""
    text = ix.doc.text
    for w in reversed(list(_WORD.finditer(text, lo, hi))):
        hit = _event_noun(w.group())
        if hit is None or hit[0] != stem:
            continue
        for t in ix.times_in(w.end(), min(len(text), w.end() + 80)):
            v = _iso_date(t)
            if v is None or len(v) < 10 or ix.in_name_or_title(t):
                continue
            if len(_WORD.findall(text, w.end(), t.start)) > _ANAPHOR_GAP or _crosses(text, w.end(), t.start):
                break
            start = _period_start(v)
            if pub is not None and start is not None and start > pub and ev.factuality != "future":
                return None
            return v
    return None


def event_date(doc: Document, ev: Event, index: _Index | None = None) -> tuple[str | None, str]:
    """(date, date_source) for one event of ``doc``."""
    ix = index or _Index(doc)
    pub = parse_anchor(doc.meta.get("published"))
    v = _timex_for(ix, ev, pub)
    if v is None and ev.date and ev.extra.get("date_basis") != "published":
        v = _coder_date(ix, ev, pub)
    if v is None and ev.factuality == "asserted":
        v = _anaphor_date(ix, ev, pub)
    if v in (_LATE, _BACKGROUND):
        # its own time is later than the report (not datable as asserted), or it is told in a background clause
        # (إثر مقتل …) whose day the sentence does not give
        return None, "none"
    if v is not None:
        return v, "timex"
    if ev.factuality in ("future", "hypothetical"):
        return None, "none"  # not happened (yet): no day to give it
    if ev.evidence:
        s0 = ix.sentence(ev.evidence[0].start)[0]
        if _pluperfect().search(N(doc.text[max(s0, ev.evidence[0].start - 80) : ev.evidence[0].start])):
            return None, "none"  # وكان الجيش قد أعلن …: before the reported news, day unknown
    dl = ix.dateline_day
    if dl is not None and (pub is None or dl <= pub.isoformat()):
        return dl, "dateline"
    if pub is not None:
        return pub.isoformat(), "published"
    return None, "none"


def date_events(doc: Document, events: list[Event]) -> None:
    """Set ``date`` and ``date_source`` on every event (in place). ``extra["date_basis"] = "published"`` is
    kept for readers of the older field."""
    ix = _Index(doc)
    for ev in events:
        ev.date, ev.date_source = event_date(doc, ev, ix)
        ev.extra.pop("date_basis", None)
        if ev.date_source == "published":
            ev.extra["date_basis"] = "published"
