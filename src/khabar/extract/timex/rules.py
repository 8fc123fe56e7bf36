"""Rule-based Arabic TIMEX3 recogniser and normaliser (regex + lexicon, linear in the text length).

The lexicon (month names of every regional set, Hijri months, weekdays, number words, duration units,
PRESENT/PAST/FUTURE_REF phrases) lives in ``khabar/data/times/lexicon.json``. Relative expressions are
resolved against an anchor date (the article's publication date); with no anchor they get ``value=None``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.extract.timex.normtext import N, NormText

MAX_TEXT = 2_000_000  # characters; longer inputs are cut (hostile-input guard)


@dataclass(slots=True)
class Timex:
    start: int  # offsets into the ORIGINAL text
    end: int
    type: str
    value: str | None
    extra: dict[str, Any] = field(default_factory=dict)
    kind: str = ""  # the pattern that found it (internal: post-passes join or resolve by kind)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    raw = resources.files("khabar.data").joinpath("times/lexicon.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _normalised(value: Any) -> Any:
    if isinstance(value, str):
        return N(value)
    if isinstance(value, list):
        return [N(w) for w in value]
    if isinstance(value, dict):
        return {N(k): v for k, v in value.items() if not k.startswith("_")}
    return value


@lru_cache(maxsize=1)
def pattern_words() -> dict[str, Any]:
    """``khabar/data/times/patterns.json`` (the words of the rule patterns), normalised like the text view;
    ``letters`` and ``words`` are kept as named strings."""
    raw = json.loads(resources.files("khabar.data").joinpath("times/patterns.json").read_text(encoding="utf-8"))
    out = {k: _normalised(v) for k, v in raw.items() if not k.startswith("_") and k not in ("letters", "words")}
    out["letters"] = dict(raw["letters"])
    out["words"] = {k: N(v) for k, v in raw["words"].items()}
    return out


def _seq(words: Any) -> str:
    """Regex alternation body of ``words`` in the listed order (an entry's spaces match any whitespace)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_P = pattern_words()
_L = _P["letters"]  # single letters, for character classes
_W = _P["words"]  # single words
_CONJ = _L["conjunctions"]  # و ف
_CLITIC = _L["prepositions"]  # ب ل ك
_COMMA = _L["comma"]  # ،


def _alt(words: Any) -> str:
    """Regex alternation of normalised words, longest first, spaces as \\s+."""
    forms = sorted({N(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def _table(d: dict[str, Any]) -> dict[str, Any]:
    return {N(k): v for k, v in d.items() if not k.startswith("_")}


_WS = re.compile(r"\s+")


def _key(s: str) -> str:
    return _WS.sub(" ", s.strip())


class _Lex:
    """Compiled lexicon: lookup tables and regex fragments."""

    def __init__(self) -> None:
        lx = lexicon()
        self.gmon = _table(lx["gregorian_months"])
        self.ambig = {N(w) for w in lx["ambiguous_months"]}
        self.hmon = _table(lx["hijri_months"])
        self.wd = _table(lx["weekdays"])
        self.units = _table(lx["units"])
        self.tens = _table(lx["tens"])
        self.hundreds = _table(lx["hundreds"])
        self.ordinals = _table(lx["ordinals"])
        self.dunits = _table(lx["duration_units"])
        self.decades = _table(lx["decades"])
        self.refs = _table(lx["refs"])
        self.sets = _table(lx["sets"])
        self.past = {N(w) for w in lx["past_words"]}
        self.future = {N(w) for w in lx["future_words"]}
        self.current = {N(w) for w in lx["current_words"]}
        self.future_cues = [N(w) for w in lx["future_cues"]]
        self.future_immediate = [N(w) for w in lx.get("future_immediate", [])]
        self.past_cues = {N(w) for w in lx.get("past_cues", [])}
        self.future_markers = {N(w) for w in lx.get("future_markers", [])}
        self.imperfect_stop = {N(w) for w in lx.get("imperfect_stop", [])}
        self.mods = _table(lx["modifiers"])
        self.dayparts = _table(lx["day_parts"])
        self.numw_parts = {**self.units, **self.tens, **self.hundreds}
        self.vague = _table(lx["vague_plurals"])
        self.span_words = [N(w) for w in lx["span_words"]]
        self.seasons = _table(lx["seasons"])
        self.approx = [N(w) for w in lx["approx_words"]]
        self.quantity = {N(w) for w in lx["quantity_nouns"]}
        self.hedges = {N(w) for w in lx["number_hedges"]}
        self.fixed = _table(lx["fixed_durations"])
        self.dp_phrases = _table(lx["day_part_phrases"])
        self.anaphoric = [N(w) for w in lx["anaphoric_day"]]
        self.copulas = {N(w) for w in lx["anaphoric_day_copulas"]}
        self.gmt = [N(w) for w in lx["gmt_markers"]]
        self.bare_mods = {N(w) for w in lx["period_mods_bare"]}
        self.adj_refs = {N(w) for w in lx["adjectival_refs"]}
        self.not_times = [N(w) for w in lx["not_times"]]
        p = pattern_words()
        self.this = set(p["this"])
        self.following = set(p["following"])
        self.centuries: dict[str, str] = p["centuries"]
        self.reldays: dict[str, int] = p["relative_days"]
        self.relday_parts: dict[str, str] = p["relative_day_parts"]
        self.not_today_after = set(p["not_today_after"])
        self.period_units: dict[str, str] = p["period_units"]
        self.clock_parts: dict[str, str] = p["clock_day_parts"]
        self.pm = {k for k, v in self.clock_parts.items() if v == "pm"}
        self.fractions: dict[str, int] = p["hour_fractions"]
        self.clock_days: dict[str, int] = p["clock_days"]
        self.year_parts: dict[str, str] = p["year_parts"]
        self.part_ords: dict[str, int] = p["year_part_ordinals"]
        self.dur_rels: dict[str, str] = p["duration_relatives"]
        self.few = set(p["few"])
        self.from_event = set(p["from_event"])
        self.named_units = set(p["named_period_units"])
        self.count_preps = set(p["count_prepositions"])
        self.count_comparatives = [[w] for w in p["count_comparatives"]]
        self.teens = set(p["teen_words"])
        self.late_night: str = p["late_night"]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


# --- number words -------------------------------------------------------------------------------------


_NUM_SPLIT = re.compile(rf"\s+{_L['waw']}\s*|\s+")


def parse_number(s: str) -> int | None:
    """``24`` / ``ثلاثة`` / ``خمسة وتسعين`` / ``ثلاثة عشر`` → int."""
    s = _key(N(s))
    if s.isdigit():
        return int(s)
    lx = _lex()
    if s in lx.numw_parts:
        return lx.numw_parts[s]
    total = 0
    parts = _NUM_SPLIT.split(s)
    i = 0
    while i < len(parts):
        p = parts[i]
        if p.startswith(_L["waw"]) and p not in lx.numw_parts and p[1:] in lx.numw_parts:
            p = p[1:]
        if p in lx.teens and total and total < 10:
            total += 10
        elif p in lx.numw_parts:
            v = lx.numw_parts[p]
            if v in (100, 1000) and 0 < total < 10:
                total *= v
            else:
                total += v
        elif p.isdigit():
            total += int(p)
        else:
            return None
        i += 1
    return total or None


# --- resolution helpers -------------------------------------------------------------------------------


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _nearest_year(anchor: date, month: int, day: int | None, direction: int) -> int:
    """Year for a day/month with no year: the nearest occurrence, leaning to the article's tense."""
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            continue
        delta = (d - anchor).days
        cost = abs(delta)
        if direction < 0 and delta > 31:
            cost += 400
        if direction > 0 and delta < -31:
            cost += 400
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else anchor.year


def _safe_date(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def hijri_to_gregorian(y: int, m: int, d: int | None) -> str | None:
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d or 1).to_gregorian()
    except Exception:  # out of the supported range, bad day: no value rather than a crash
        return None
    return g.isoformat() if d else f"{g.year:04d}-{g.month:02d}"


# --- the recogniser -----------------------------------------------------------------------------------

_FUT_VERB = re.compile(rf"(?<!\w)[{_CONJ}]?{_L['future_prefix']}[{_L['future_persons']}]\w{{2,6}}(?!\w)")
# يـ only: تـ-initial words are as often perfect verbs of form V/VI (تعادل، تعرض، توفي)
_IMPERF = re.compile(rf"[{_CONJ}]?{_L['imperfect_prefix']}\w{{3,7}}")
_WORD = re.compile(r"\w+")
_YEAR_AFTER = re.compile(
    rf"\s+{_W['from']}\s+(?:(?P<this>{_P['this'][0]})\s+)?(?:{_W['article']})?(?:{_seq(_P['year_nouns'])})(?:\s+(?P<rel>\w+))?"
)
_FUT_STOP = set(_P["not_future_verbs"])

_GAP_AND = re.compile(rf"\s+{_L['waw']}\s*|\s*{_L['waw']}\s+")
_GAP_OPEN = re.compile(rf"\s*[{_COMMA},]?\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
_GAP_SERIES = re.compile(rf"\s*(?:{_seq(_P['series_words'])}|-)?\s*")
_HALF = re.compile(rf"\s+{_L['waw']}\s*{_W['half']}(?!\w)")
_SENT_END = re.compile(rf"[.!?{_L['question_mark']}\n]")
_STOPS = (".", _L["question_mark"], "!", "\n")
# النصف الثاني للقرن السابع: a part of a century, not of a year
_LONG_PERIOD = re.compile(
    rf"\s+(?:{_W['from']}\s+|{_L['lam']})?(?:{_W['article']})?(?:{_seq(_P['long_periods'])})"
)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_DUR = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_DUR_KEYS = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _dur_parts(v: str) -> dict[str, int] | None:
    m = _DUR.match(v)
    if m is None or v in ("P", "PT"):
        return None
    return {k: int(g) for k, g in zip(_DUR_KEYS, m.groups(), strict=True) if g is not None}


def _dur_format(parts: dict[str, int]) -> str:
    date_part = "".join(f"{parts[k]}{k}" for k in ("Y", "M", "W", "D") if k in parts)
    time_part = "".join(f"{parts[k]}{k[1]}" for k in ("TH", "TM", "TS") if k in parts)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _add_durations(a: str, b: str) -> str | None:
    """PT7H + PT45M → PT7H45M; None when either is vague or they share a unit (5 أيام و5 أيام أخرى)."""
    pa, pb = _dur_parts(a), _dur_parts(b)
    if not pa or not pb or set(pa) & set(pb):
        return None
    order = {k: i for i, k in enumerate(_DUR_KEYS)}
    if max(order[k] for k in pa) >= min(order[k] for k in pb):
        return None  # the bigger unit comes first in Arabic too (ساعة و45 دقيقة, not دقيقة وساعة)
    return _dur_format({**pa, **pb})


def _add_half(v: str, unit: str = "") -> str | None:
    """ساعتين ونصف → PT2H30M; عام ونصف → P1Y6M; عقد ونصف → P15Y; قرن ونصف → P150Y."""
    p = _dur_parts(v)
    if not p or len(p) != 1:
        return None
    (k, n), = p.items()
    if unit in ("DE", "CE") and k == "Y":
        return f"P{n + (5 if unit == 'DE' else 50)}Y"
    half = {"Y": ("M", 6), "M": ("D", 15), "D": ("TH", 12), "TH": ("TM", 30), "TM": ("TS", 30)}.get(k)
    if half is None:
        return None
    return _dur_format({k: n, half[0]: half[1]})


def _nearest_weekday(day: str, wd: int) -> str:
    """The date with weekday ``wd`` nearest to ``day`` (غدا (الثلاثاء): the bracketed weekday wins)."""
    d = date.fromisoformat(day)
    return (d + timedelta(days=(wd - d.weekday() + 3) % 7 - 3)).isoformat()


class Recognizer:
    """Build once; ``find(text, anchor)`` returns :class:`Timex` objects in text order."""

    def __init__(self) -> None:
        lx = _lex()
        self.lx = lx
        p, w, lam, art = pattern_words(), _W, _L["lam"], _W["article"]
        pre = rf"(?<!\w)(?:[{_CONJ}]?[{_CLITIC}]?)(?:{art}(?=\d))?"
        # ordinals also after ل with the article's alef dropped (للرابع من نوفمبر)
        ords_l = _alt([o[1:] for o in lx.ordinals if o.startswith(art)])
        day = r"(?P<day>[0-3]?\d|" + _alt(lx.ordinals) + rf"|(?<={lam})" + ords_l + r")"
        mon = _alt(lx.gmon)
        # combined regional names: 7 كانون الأول/ديسمبر, فبراير/ شباط, يوليو (تموز), Reuters' يوليو تموز
        monx = rf"(?P<mon>{mon})(?:(?:\s*[/(]\s*|\s+)(?P<mon2>{mon})\s*\)?)?"
        relw = _alt(lx.past | lx.future | lx.current - lx.this)
        year = r"(?P<year>[12]\d{3})(?!\d)"
        yearkw = rf"(?:(?:{_seq(p['year_keywords'])})\s+)"
        wd = _alt(lx.wd)
        mod = r"(?:(?P<mod>" + _alt(lx.mods) + rf")\s+(?:{w['month']}\s+)?)?"
        rel = r"(?:\s+(?P<rel>" + _alt(lx.past | lx.future | lx.current) + r"))?"
        daypart = r"(?:(?P<dp>" + _alt(lx.dayparts) + rf")\s+(?:(?:{w['from']}|{w['day']})\s+)?)?"
        numw_part = _alt(lx.numw_parts)
        waw, day_w, month_w, from_w = _L["waw"], w["day"], w["month"], w["from"]
        # bounded: linear on hostile text
        numw = rf"(?:\d+|{numw_part}(?:\s+(?:{_seq(p['teen_words'])}))?(?:\s+{waw}\s*{numw_part}){{0,5}})"
        rels_all = _alt(lx.past | lx.future | lx.current)
        this = _seq(p["this"])
        season_kw = "".join(rf"{k}\s+|" for k in p["season_year_keywords"])[:-1]  # عام\s+|العام\s+
        year_pre = "".join(rf"{k}\s+|" for k in p["year_words_before_number"])[:-1]  # عام\s+|العام\s+|سنه\s+
        ago = _seq(p["ago"])
        clock = _seq(lx.clock_parts)
        clock_short = _seq(k for k in lx.clock_parts if " " not in k)
        dunit = _alt(lx.dunits)
        hmon = _alt(lx.hmon)
        e = r"(?!\w)"
        self.patterns: list[tuple[str, re.Pattern[str], Callable[..., Timex | None]]] = [
            (
                "date",
                re.compile(
                    rf"{pre}(?P<x>(?:{day_w}\s+)?(?:(?P<wd>{wd})\s*[{_COMMA},]?\s+)?(?:{w['corresponding_to']}\s+)?{day}\s*"
                    rf"(?:{from_w}\s+)?(?:{month_w}\s+)?"
                    rf"{monx}(?:\s*[{_COMMA},]?\s*(?:{from_w}\s+)?{yearkw}?{year}(?:\s*{_L['ad_marker']}{e})?|\s+(?P<rel>{relw}))?){e}"
                ),
                self._date,
            ),
            (
                # السابع عشر من الشهر الجاري / 5 من هذا الشهر / الثالث من الشهر الماضي
                "day_of_month",
                re.compile(
                    rf"{pre}(?P<x>(?:{day_w}\s+)?{day}\s+(?:{from_w}\s+)?"
                    rf"(?:(?P<this>{p['this'][0]})\s+{w['the_month']}|{w['the_month']}\s+(?P<rel>{relw}))){e}"
                ),
                self._day_of_month,
            ),
            (
                # the first day of a range shares the month of the second: من 5 إلى 7 مارس، بين 5 و7 مارس، 5-7 مارس
                "range_day",
                re.compile(
                    rf"(?<![\w/.:-])(?P<x>{day})(?:\s*(?:-|–|{_seq(p['range_words'])})\s*|\s+(?={waw}))"
                    rf"(?={waw}?(?:[0-3]?\d|{art}))"
                ),
                self._range_day,
            ),
            (
                "monthyear",
                re.compile(
                    rf"{pre}(?P<x>{mod}(?:{month_w}\s+)?{monx}\s*[{_COMMA},]?\s*(?:{from_w}\s+)?{yearkw}?{year}"
                    rf"(?:\s*{_L['ad_marker']}{e})?){e}"
                ),
                self._date,
            ),
            ("month", re.compile(rf"{pre}(?P<x>{mod}(?P<shahr>{month_w}\s+)?{monx}{rel}){e}"), self._month),
            (
                "hijri",
                re.compile(
                    rf"{pre}(?P<x>(?:{day}\s+(?:{from_w}\s+)?)?(?P<shahr>{month_w}\s+)?(?P<hmon>{hmon})"
                    rf"(?:\s+(?:{from_w}\s+)?(?:{year_pre})?(?P<hyear>1[34]\d\d)(?:\s*{_L['hijri_marker']}{e})?)?){e}"
                ),
                self._hijri,
            ),
            ("year", re.compile(rf"{pre}(?P<x>{mod}(?P<kw>{yearkw})?{year}(?P<m>\s*{_L['ad_marker']})?){e}"), self._year),
            (
                "decade",
                re.compile(
                    rf"{pre}(?P<x>{mod}(?:{w['decade']}\s+)?(?P<dec>(?:{art})?{_alt(d[len(art):] for d in lx.decades)})"
                    rf"(?:\s+(?:{from_w}\s+)?(?:{w['the_century']}\s+)?(?P<cent>{_seq(p['decade_centuries'])}))?){e}"
                ),
                self._decade,
            ),
            (
                "century",
                re.compile(rf"{pre}(?P<x>{mod}{w['the_century']}\s+(?P<cent>{_seq(lx.centuries)})){e}"),
                self._century,
            ),
            ("refs", re.compile(rf"{pre}(?P<x>{_alt(lx.refs)}){e}"), self._ref),
            ("sets", re.compile(rf"{pre}(?P<x>{_alt(lx.sets)}){e}"), self._set),
            (
                "relday",
                re.compile(
                    rf"{pre}(?P<x>{daypart}(?:{day_w}\s+)?(?P<rd>{_seq(lx.reldays)})"
                    rf"(?:\s*[{_COMMA},]?\s*(?P<wd>{wd})|\s*\(\s*(?P<wdb>{wd})\s*\))?){e}"
                ),
                self._relday,
            ),
            (
                "weekday",
                re.compile(rf"(?<!\w)(?:[{_CONJ}]?{_L['ba']}?)(?P<x>{daypart}(?:{day_w}\s+)?(?P<wd>{wd}){rel}){e}"),
                self._weekday,
            ),
            (
                "relperiod",
                re.compile(
                    rf"{pre}(?P<x>{mod}(?:(?P<this>{this})\s+)?(?:{art}|(?<={lam}){lam})(?P<unit>{_seq(lx.period_units)})"
                    rf"(?:\s+(?P<rel>{rels_all}))?){e}"
                ),
                self._relperiod,
            ),
            (
                "time",
                re.compile(
                    rf"{pre}(?P<x>(?:(?:{w['in']}\s+)?(?:{w['exactly']}\s+)?{w['hour']}\s+)?(?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d)(?!\d)"
                    rf"(?:\s+(?P<dp2>{clock}))?){e}"
                ),
                self._time,
            ),
            (
                "time_word",
                re.compile(
                    rf"{pre}(?P<x>{w['hour']}\s+(?P<hw>[0-2]?\d|{_alt(lx.ordinals)}|{w['one_oclock']})"
                    rf"(?:\s+{waw}\s*(?P<frac>{_seq(lx.fractions)}))?"
                    rf"(?:\s+(?:{from_w}\s+)?(?P<dp2>{clock}|{_seq(p['clock_day_nouns'])})"
                    rf"(?:\s+(?:{day_w}\s+)?(?P<rdw>{_seq(lx.clock_days)}|{wd}))?)?){e}"
                ),
                self._time,
            ),
            (
                "season",
                re.compile(
                    rf"{pre}(?P<x>(?:{art})?(?P<season>{_seq(k for k in lx.seasons if not k.startswith(art))})"
                    rf"(?:\s+(?P<rel>{rels_all}))?"
                    rf"(?:\s+(?:{from_w}\s+)?(?:{season_kw})?{year})?){e}"
                ),
                self._season,
            ),
            (
                "part_of_year",
                re.compile(
                    rf"{pre}(?P<x>(?P<part>{_seq(lx.year_parts)})\s+(?P<ord>{_seq(lx.part_ords)})"
                    rf"(?:\s+(?:{_seq(p['of'])})\s*(?:{art})?(?:{_seq(p['year_nouns'])})(?:\s+(?P<rel>{rels_all}))?)?"
                    rf"(?:\s+(?:{from_w}\s+)?(?:{season_kw})?{year})?){e}"
                ),
                self._part_of_year,
            ),
            ("same_day", re.compile(rf"{pre}(?P<x>{_alt(lx.anaphoric)}){e}"), self._same_day),
            ("daypart", re.compile(rf"{pre}(?P<x>{_alt(lx.dp_phrases)}){e}"), self._daypart_phrase),
            (
                # (04,30 ت غ) / الساعة 4:30 بتوقيت غرينتش / (1700 ت غ): a clock time said in GMT
                "gmt",
                re.compile(
                    rf"(?<![\w,.:])(?P<x>(?:{w['hour']}\s+)?(?:(?P<h>[0-2]?\d)(?:[,.:](?P<mi>[0-5]\d))?|(?P<h4>[0-2]\d)(?P<mi4>[0-5]\d))"
                    rf"\s*(?:(?P<dp2>{clock_short})\s+)?{_alt(lx.gmt)})(?!\w)"
                ),
                self._gmt,
            ),
            (
                # ربع قرن / نصف ساعة / منذ ربع قرن / قبل نصف قرن
                "fixed_duration",
                re.compile(
                    rf"{pre}(?P<x>(?:(?P<ago>{ago})\s+)?(?:(?P<approx>{_alt(lx.approx)})\s+)?(?:{art}|{lam})?"
                    rf"(?P<fd>{_alt(lx.fixed)})){e}"
                ),
                self._fixed_duration,
            ),
            # لأيام / لساعات: "for days"
            ("vague_for", re.compile(rf"(?<!\w)[{_CONJ}]?{lam}(?P<x>{_alt(lx.vague)}){e}"), self._vague_for),
            (
                "vague",
                re.compile(rf"{pre}(?P<x>(?P<prep>{ago})\s+(?P<unit>{_alt(lx.vague)})){e}"),
                self._vague,
            ),
            (
                "unit_span",
                re.compile(rf"{pre}(?P<x>(?P<prep>{_alt(lx.span_words)})\s+(?P<unit>{dunit})){e}"),
                self._unit_span,
            ),
            (
                "duration",
                re.compile(
                    rf"(?<!\w)(?:[{_CONJ}]?[{_CLITIC}]?)(?P<x>(?:(?P<ago>{ago})\s+)?(?:(?P<approx>{_alt(lx.approx)})\s+)?"
                    rf"(?:(?P<num>{numw})\s+)?(?P<def>{art})?(?P<unit>{dunit})"
                    rf"(?:\s+(?P<dur_rel>{_seq(lx.dur_rels)}))?){e}"
                ),
                self._duration,
            ),
        ]
        self._priority = {name: i for i, (name, _, _) in enumerate(self.patterns)}
        # A part every match of a pattern must contain (the same regex text as inside the pattern): when a text
        # has none, the pattern cannot match and is not searched. Most articles name no hijri month, no decade,
        # no clock time…, and a pattern led by a look-behind is tried at every character; these scan fast.
        # Patterns without a gate (range_day) are always searched.
        gates = {
            "date": mon, "monthyear": mon, "month": mon, "hijri": hmon, "year": year,
            "day_of_month": w["the_month"], "decade": _alt(d[len(art):] for d in lx.decades),
            "century": w["the_century"], "refs": _alt(lx.refs), "sets": _alt(lx.sets),
            "relday": _seq(lx.reldays), "weekday": wd, "relperiod": _seq(lx.period_units),
            "time": r"[:.][0-5]\d", "time_word": w["hour"],
            "season": _seq(k for k in lx.seasons if not k.startswith(art)), "part_of_year": _seq(lx.year_parts),
            "same_day": _alt(lx.anaphoric), "daypart": _alt(lx.dp_phrases), "gmt": _alt(lx.gmt),
            "fixed_duration": _alt(lx.fixed), "vague_for": _alt(lx.vague), "vague": _alt(lx.vague),
            "unit_span": dunit, "duration": dunit,
        }
        self._gates: dict[str, re.Pattern[str]] = {name: re.compile(g) for name, g in gates.items()}
        # names holding a time word (روسيا اليوم): their characters are taken before any candidate is kept
        self._blockers = re.compile(rf"(?<!\w)[{_CONJ}{_CLITIC}]?(?P<x>{_alt(lx.not_times)})(?!\w)")
        self._nt: NormText | None = None
        self._tense: Callable[[int], int | None] | None = None
        self._date_rx = self.patterns[0][1]

    # -- API --------------------------------------------------------------------------------------------

    def find(self, text: str, anchor: date | None, tense: Callable[[int], int | None] | None = None) -> list[Timex]:
        """``tense(orig_offset)`` (optional, from the POS layer) says whether the clause before an offset is
        future (+1) or past (-1); without it the tense comes from the surface cues of :meth:`_direction`."""
        if not text:
            return []
        nt = NormText(text[:MAX_TEXT])
        s = nt.norm
        self._nt, self._tense = nt, tense
        cands: list[tuple[int, int, int, Timex]] = []
        gate_hit: dict[str, bool] = {}
        for name, rx, handler in self.patterns:
            gate = self._gates.get(name)
            if gate is not None:
                hit = gate_hit.get(gate.pattern)
                if hit is None:
                    hit = gate_hit[gate.pattern] = gate.search(s) is not None
                if not hit:
                    continue
            has_mon2 = "mon2" in rx.groupindex
            pos = 0
            while (m := rx.search(s, pos)) is not None:
                pos = m.end() if m.end() > m.start() else m.start() + 1
                if m.end("x") <= m.start("x"):
                    continue
                tx = handler(m, s, anchor)
                if tx is None and has_mon2 and m.group("mon2"):
                    # two different months side by side (بين يناير أبريل 2018): take the first one alone and
                    # search again from the second
                    m2 = rx.match(s, m.start(), m.end("mon"))
                    pos = m.start("mon2")
                    if m2 is None or m2.end("x") <= m2.start("x"):
                        continue
                    m, tx = m2, handler(m2, s, anchor)
                if tx is None:
                    continue
                a, b = nt.to_orig(m.start("x"), m.end("x"))
                tx.start, tx.end = a, b
                tx.kind = tx.kind or name
                cands.append((m.start("x"), m.end("x"), self._priority[name], tx))
        # longest first, then earlier pattern; keep non-overlapping
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        # an occupancy map keeps this linear (spans are short); a list of taken spans was quadratic on dense text
        taken = bytearray(len(s) + 1)
        for bm in self._blockers.finditer(s):
            taken[bm.start("x") : bm.end("x")] = b"\x01" * (bm.end("x") - bm.start("x"))
        kept: list[tuple[int, int, Timex]] = []
        for a, b, _, tx in cands:
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            kept.append((a, b, tx))
        kept.sort(key=lambda c: c[0])
        kept = self._join(kept, nt, anchor)
        out = self._resolve_anaphora(kept, s, anchor)
        self._nt, self._tense = None, None
        return out

    # -- post-passes ----------------------------------------------------------------------------------

    def _join(self, kept: list[tuple[int, int, Timex]], nt: NormText, anchor: date | None) -> list[tuple[int, int, Timex]]:
        """Join neighbours that are one expression: 7 ساعات و45 دقيقة (PT7H45M), ساعتين ونصف (PT2H30M),
        اليوم (10 مايو) / الخميس (12 أبريل) (the bracketed date wins over the relative word)."""
        s = nt.norm
        out: list[tuple[int, int, Timex]] = []
        for a, b, tx in kept:
            if out:
                pa, pb, prev = out[-1]
                gap = s[pb:a]
                if (
                    prev.type == "DURATION" and tx.type == "DURATION" and _GAP_AND.fullmatch(gap)
                    and prev.value and tx.value and (v := _add_durations(prev.value, tx.value))
                ):
                    out[-1] = (pa, b, self._joined(nt, pa, b, "DURATION", v, {**tx.extra, **prev.extra}))
                    continue
                if (
                    prev.kind in ("relday", "weekday") and tx.kind in ("date", "weekday") and _GAP_OPEN.fullmatch(gap)
                    and (close := _CLOSE.match(s, b)) is not None
                ):
                    val = tx.value
                    if tx.kind == "weekday" and prev.value and len(prev.value) >= 10 and tx.extra.get("_wd") is not None:
                        val = _nearest_weekday(prev.value[:10], int(tx.extra["_wd"]))
                    if val:
                        j = self._joined(nt, pa, close.end(), prev.type if prev.type == "TIME" else "DATE", val, {})
                        if prev.type == "TIME" and prev.value and "T" in prev.value:
                            j.value = val[:10] + prev.value[prev.value.index("T"):]
                        out[-1] = (pa, close.end(), j)
                        continue
            if (
                out and out[-1][2].kind == "weekday" and tx.kind == "weekday" and _GAP_SERIES.fullmatch(s[out[-1][1]:a])
                and out[-1][2].value and tx.value and out[-1][2].extra.get("_wd") is not None
                and tx.extra.get("_wd") is not None
            ):
                # الاثنين والثلاثاء / من الأحد إلى الثلاثاء: the second day follows the first
                prev = out[-1][2]
                assert prev.value is not None  # checked in the condition above
                step = (int(tx.extra["_wd"]) - int(prev.extra["_wd"])) % 7 or 7
                d = date.fromisoformat(prev.value[:10]) + timedelta(days=step)
                tx.value = d.isoformat() + tx.value[10:]
            if tx.type == "DURATION" and tx.value and (h := _HALF.match(s, b)) is not None:
                v = _add_half(tx.value, str(tx.extra.get("_unit", "")))
                if v:
                    out.append((a, h.end(), self._joined(nt, a, h.end(), "DURATION", v, tx.extra)))
                    continue
            out.append((a, b, tx))
        return out

    @staticmethod
    def _joined(nt: NormText, a: int, b: int, typ: str, value: str | None, extra: dict[str, Any]) -> Timex:
        oa, ob = nt.to_orig(a, b)
        return Timex(oa, ob, typ, value, {k: v for k, v in extra.items() if not k.startswith("_")}, "joined")

    def _resolve_anaphora(self, kept: list[tuple[int, int, Timex]], s: str, anchor: date | None) -> list[Timex]:
        """في اليوم ذاته → the day last named; حلول الظلام / (04,30 ت غ) → on the day last named in the
        sentence, else the anchor day."""
        out: list[Timex] = []
        last_day: str | None = None
        last_pos = -1
        for a, b, tx in kept:
            tx.extra.pop("_wd", None)
            tx.extra.pop("_unit", None)
            if tx.kind == "same_day":
                if last_day is None:
                    continue  # "that day" with no day named before it: nothing to resolve to
                tx.value = last_day
            elif tx.kind in ("daypart", "gmt"):
                day = last_day if last_day and last_pos >= 0 and not _SENT_END.search(s, last_pos, a) else None
                if day is None and anchor is not None:
                    day = anchor.isoformat()
                if day is None:
                    tx.value = None
                else:
                    tx.value = day + tx.value if tx.value else None
            if tx.value and _DAY.match(tx.value) and tx.type in ("DATE", "TIME"):
                last_day, last_pos = tx.value[:10], b
            out.append(tx)
        return out

    # -- context --------------------------------------------------------------------------------------

    def _direction(self, s: str, start: int, end: int, immediate: bool = False) -> int:
        """-1 past (default in news), +1 future, from the tense cue nearest before the expression.

        Only the left context of the sentence counts: in verb-first news prose the governing verb precedes
        the date, and what follows is often the reported content (قال … الأربعاء إن القنبلة سيتم تفجيرها).
        The nearest cue wins, so ``قال إنه سيزور … الأحد`` is future and ``سيزور … وقد التقى الأحد`` past.
        """
        # ابتداء من الأحد: forward for a weekday; a month after بدءا من may be past (بدءا من يناير)
        if immediate:
            near = s[max(0, start - 16) : start]
            for cue in self.lx.future_immediate:
                if cue in near:
                    return 1
        if self._tense is not None and self._nt is not None:
            t = self._tense(self._nt.idx[start])
            if t is not None:
                return t
        lo = max(0, start - 120)
        left = s[lo:start]
        for stop in _STOPS:
            k = left.rfind(stop)
            if k >= 0:
                left = left[k + 1 :]
        lx = self.lx
        fut = -1
        for cue in lx.future_cues:
            k = left.rfind(cue)
            if k >= 0 and (k == 0 or not left[k - 1].isalnum() or left[k - 1] in _CONJ):
                fut = max(fut, k)
        past = -1
        imperf = -1
        for m in _WORD.finditer(left):
            w = m.group()
            if w in _FUT_STOP:
                continue
            if _FUT_VERB.fullmatch(w):
                fut = max(fut, m.start())
                continue
            bare = w[1:] if w[0] in _CONJ and w[1:] in lx.past_cues else w
            if bare in lx.past_cues:
                past = max(past, m.start())
            elif _IMPERF.fullmatch(w) and w not in lx.imperfect_stop and bare not in lx.imperfect_stop:
                imperf = max(imperf, m.start())
        if imperf > max(fut, past) and len(left) - imperf <= 60:
            # an imperfect verb is future only with a future marker after the expression in the same sentence
            # (يتوجه الرئيس الأحد … حتى الأسبوع المقبل); a marker before it belongs to something else
            # (يصارع من أجل … الموسم المقبل، حيث تعادل … يوم السبت)
            right = s[end : end + 80]
            for stop in _STOPS:
                k = right.find(stop)
                if k >= 0:
                    right = right[:k]
            if set(_WORD.findall(right)) & lx.future_markers:
                fut = imperf
        return 1 if fut > past else -1

    # -- handlers ---------------------------------------------------------------------------------------

    def _mod(self, m: re.Match[str], tx: Timex) -> Timex:
        g = m.groupdict().get("mod")
        if g:
            tx.extra["mod"] = self.lx.mods.get(_key(g))
        return tx

    def _day_of(self, g: str | None) -> int | None:
        if not g:
            return None
        g = _key(g)
        return int(g) if g.isdigit() else self.lx.ordinals.get(g, self.lx.ordinals.get(_L["alef"] + g))

    def _date(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        gd = m.groupdict()
        mon_s = _key(gd["mon"])
        if gd.get("mon2"):
            m2 = self.lx.gmon.get(_key(gd["mon2"]))
            if m2 != self.lx.gmon.get(mon_s):
                return None
        month = self.lx.gmon[mon_s]
        day = self._day_of(gd.get("day"))
        if day is not None and not 1 <= day <= 31:
            return None
        y = int(gd["year"]) if gd.get("year") else None
        if y is not None and not 1000 <= y <= 2200:
            return None
        if day is None:
            if y is None:
                return None
            return self._mod(m, Timex(0, 0, "DATE", f"{y:04d}-{month:02d}"))
        rel = _key(gd["rel"]) if gd.get("rel") else None
        if y is None and rel and anchor is not None:
            val = self._day_month_rel(anchor, month, day, rel)
            return Timex(0, 0, "DATE", val) if val else None
        if y is None:
            if anchor is None:
                return Timex(0, 0, "DATE", f"XXXX-{month:02d}-{day:02d}")
            y = _nearest_year(anchor, month, day, self._direction(s, m.start("x"), m.end("x")))
        val = _safe_date(y, month, day)
        return Timex(0, 0, "DATE", val) if val else None

    def _day_month_rel(self, anchor: date, month: int, day: int, rel: str) -> str | None:
        """18 فبراير الماضي → the latest such day before the anchor; 12 مارس الجاري → the anchor's year;
        20 مارس المقبل → the next such day after the anchor."""
        if rel in self.lx.current:
            return _safe_date(anchor.year, month, day)
        if rel in self.lx.past:
            for y in (anchor.year, anchor.year - 1):
                v = _safe_date(y, month, day)
                if v and v < anchor.isoformat():
                    return v
            return None
        if rel in self.lx.following:
            return None  # relative to another event, not to the article
        for y in (anchor.year, anchor.year + 1):
            v = _safe_date(y, month, day)
            if v and v > anchor.isoformat():
                return v
        return None

    def _day_of_month(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        day = self._day_of(m.group("day"))
        if day is None or not 1 <= day <= 31:
            return None
        rel = _key(m.group("rel")) if m.group("rel") else None
        if rel in self.lx.following or anchor is None:
            return Timex(0, 0, "DATE", None)
        k = -1 if rel in self.lx.past else 1 if rel in self.lx.future else 0
        y, mo = _add_months(anchor.year, anchor.month, k)
        val = _safe_date(y, mo, day)
        return Timex(0, 0, "DATE", val) if val else None

    def _range_day(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        """The first day of ``من 5 إلى 7 مارس``: resolve the second date and take its year and month."""
        day = self._day_of(m.group("day"))
        if day is None or not 1 <= day <= 31:
            return None
        m2 = self._date_rx.match(s, m.end())
        if m2 is None or m2.start("x") - m.end() > 2:
            return None
        tx = self._date(m2, s, anchor)
        if tx is None or tx.value is None or len(tx.value) != 10:
            return Timex(0, 0, "DATE", None) if tx is not None and tx.value is None else None
        if day >= int(tx.value[8:]):
            return None
        if not tx.value[:4].isdigit():  # no anchor: XXXX-03-05
            return Timex(0, 0, "DATE", f"{tx.value[:8]}{day:02d}")
        val = _safe_date(int(tx.value[:4]), int(tx.value[5:7]), day)
        return Timex(0, 0, "DATE", val) if val else None

    def _month(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        gd = m.groupdict()
        mon_s = _key(gd["mon"])
        month = self.lx.gmon[mon_s]
        if gd.get("mon2") and self.lx.gmon.get(_key(gd["mon2"])) != month:
            return None
        rel = _key(gd["rel"]) if gd.get("rel") else None
        if not rel:
            # يوليو من العام الماضي / مايو من هذا العام: the year phrase that follows fixes the year
            ya = _YEAR_AFTER.match(s, m.end("x"))
            if ya and (ya.group("this") or ya.group("rel") in self.lx.past | self.lx.future | self.lx.current):
                if anchor is None:
                    return self._mod(m, Timex(0, 0, "DATE", None))
                r2 = ya.group("rel")
                y = anchor.year - 1 if r2 in self.lx.past else anchor.year + 1 if r2 in self.lx.future else anchor.year
                return self._mod(m, Timex(0, 0, "DATE", f"{y:04d}-{month:02d}"))
        if mon_s in self.lx.ambig and not (gd.get("shahr") or gd.get("mon2") or rel):
            return None
        if rel in self.lx.this:
            return None
        if anchor is None:
            return self._mod(m, Timex(0, 0, "DATE", None))
        if rel in self.lx.past:
            y = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in self.lx.future:
            y = anchor.year if month > anchor.month else anchor.year + 1
        elif rel in self.lx.current:
            y = anchor.year
        else:
            y = _nearest_year(anchor, month, None, self._direction(s, m.start("x"), m.end("x")))
        return self._mod(m, Timex(0, 0, "DATE", f"{y:04d}-{month:02d}"))

    def _hijri(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        gd = m.groupdict()
        hm = self.lx.hmon[_key(gd["hmon"])]
        day = self._day_of(gd.get("day"))
        hy = int(gd["hyear"]) if gd.get("hyear") else None
        if hy is None and day is None and not gd.get("shahr") and hm != 9:
            return None  # صفر (zero), رجب (a name) … need شهر, a day or a year
        if hy is None:
            if anchor is None:
                return Timex(0, 0, "DATE", None)
            try:
                from hijridate import Gregorian

                hy = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
            except Exception:
                return Timex(0, 0, "DATE", None)
        return Timex(0, 0, "DATE", hijri_to_gregorian(hy, hm, day), {"calendar": "hijri"})

    def _year(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        y = int(m.group("year"))
        if not 1900 <= y <= 2100 and not m.group("kw"):
            return None
        if not m.group("kw") and not m.group("m") and not m.groupdict().get("mod"):
            # a bare four-digit number is a year only after a time preposition (في 2018، منذ 2015 …)
            left = s[max(0, m.start("x") - 12) : m.start("x")].split()
            prev = left[-1] if left else ""
            nxt = s[m.end("x") : m.end("x") + 12].split()
            nxt0 = nxt[0] if nxt else ""
            if not 1800 <= y <= 2035:
                return None
            before = s[max(0, m.start("x") - 20) : m.start("x")].split()[-2:-1]
            if prev in self.lx.hedges or prev in self.lx.count_preps and before in self.lx.count_comparatives:
                return None  # نحو 2000 / أكثر من 1500: a count, not a year
            if nxt0 and (nxt0 in self.lx.quantity or nxt0.rstrip(_L["quantity_suffixes"]) in self.lx.quantity
                         or nxt0.startswith("%")):
                return None
        return self._mod(m, Timex(0, 0, "DATE", f"{y:04d}"))

    def _decade(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        art = _W["article"]
        dec = m.group("dec")
        d = self.lx.decades.get(dec if dec.startswith(art) else art + dec)  # lexicon.json "decades"
        if d is None:
            return None
        century = self.lx.centuries.get(m.group("cent") or "", "19")  # the 1900s unless the text says otherwise
        return self._mod(m, Timex(0, 0, "DATE", f"{century}{d}"))

    def _century(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        c = _key(m.group("cent"))
        val = self.lx.centuries[c]
        return self._mod(m, Timex(0, 0, "DATE", val))

    def _ref(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        x = _key(m.group("x"))
        if x in self.lx.adj_refs:
            left = s[max(0, m.start("x") - 20) : m.start("x")].split()
            if left and left[-1].startswith(_W["article"]):
                return None
        return Timex(0, 0, "DATE", self.lx.refs[x])

    def _set(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        return Timex(0, 0, "SET", self.lx.sets[_key(m.group("x"))])

    def _daypart_val(self, dp: str | None, d: date | None, tx_type: str = "DATE") -> Timex:
        if d is None:
            return Timex(0, 0, "TIME" if dp else tx_type, None)
        if dp:
            code = self.lx.dayparts.get(_key(dp), "")
            return Timex(0, 0, "TIME", f"{d.isoformat()}T{code}")
        return Timex(0, 0, tx_type, d.isoformat())

    def _relday(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        rd = _key(m.group("rd"))
        if rd == _W["bare_tomorrow"] and not m.group("x").startswith(_W["day"]):
            return None  # bare غد only in يوم غد
        wd_s = m.group("wd") or m.group("wdb")
        left = s[max(0, m.start("x") - 8) : m.start("x")].split()
        if rd == _W["today"] and not wd_s and not m.group("dp") and left and left[-1] in self.lx.copulas:
            return Timex(0, 0, "DATE", None, {}, "same_day")  # وكان اليوم داميا: the day just told about
        after = s[m.end("x") : m.end("x") + 12].split()
        if rd == _W["today"] and not m.group("wd") and after and after[0] in self.lx.not_today_after:
            return None
        offset = self.lx.reldays[rd]
        dp = m.group("dp") or self.lx.relday_parts.get(rd)
        d = anchor + timedelta(days=offset) if anchor else None
        if d is not None and wd_s:
            # أمس الثلاثاء / غدا (الثلاثاء): the named weekday wins over the date's own clock (articles are often
            # stamped after midnight UTC); take the weekday nearest to the relative day
            diff = (self.lx.wd[_key(wd_s)] - d.weekday() + 3) % 7 - 3
            d = d + timedelta(days=diff)
        return self._daypart_val(dp, d)

    def _weekday(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        wd = self.lx.wd[_key(m.group("wd"))]
        rel = _key(m.group("rel")) if m.group("rel") else None
        if rel in self.lx.current - self.lx.this:
            rel = None
        if anchor is None:
            return self._daypart_val(m.group("dp"), None)
        if rel in self.lx.future:
            direction = 1
        elif rel in self.lx.past:
            direction = -1
        else:
            direction = self._direction(s, m.start("x"), m.end("x"), immediate=True)
        diff = wd - anchor.weekday()
        if direction < 0:
            if diff > 0:
                diff -= 7
            if rel in self.lx.past and diff == 0:
                diff = -7
        else:
            if diff < 0:
                diff += 7
            if rel in self.lx.future and diff == 0:
                diff = 7
        tx = self._daypart_val(m.group("dp"), anchor + timedelta(days=diff))
        tx.extra["_wd"] = wd
        return tx

    def _relperiod(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        rel = _key(m.group("rel")) if m.group("rel") else None
        this = m.group("this")
        mod = _key(m.groupdict().get("mod") or "")
        if not rel and not this and mod not in self.lx.bare_mods:
            return None  # a bare الأسبوع / العام; but بحلول نهاية الأسبوع is this week's end
        if rel and rel in self.lx.current and rel in self.lx.this:
            return None
        unit = m.group("unit")
        k = 0
        if rel in self.lx.past:
            k = -1
        elif rel in self.lx.future:
            k = 1
        if rel in self.lx.following:
            return Timex(0, 0, "DATE", None)  # relative to another event, not to the article
        if anchor is None:
            return self._mod(m, Timex(0, 0, "DATE", None))
        period = self.lx.period_units[unit]
        if period == "week":
            return self._mod(m, Timex(0, 0, "DATE", _iso_week(anchor + timedelta(weeks=k))))
        if period == "month":
            y, mo = _add_months(anchor.year, anchor.month, k)
            return self._mod(m, Timex(0, 0, "DATE", f"{y:04d}-{mo:02d}"))
        return self._mod(m, Timex(0, 0, "DATE", f"{anchor.year + k:04d}"))

    def _time(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        gd = m.groupdict()
        if gd.get("h") is not None:
            h, mi = int(gd["h"]), int(gd["mi"])
            if not gd.get("dp2") and _W["hour"] not in m.group("x"):
                return None  # 3.5 is a number, not a clock time, without الساعة or a day part
        else:
            hw = _key(gd["hw"])
            h = int(hw) if hw.isdigit() else (1 if hw == _W["one_oclock"] else self.lx.ordinals.get(hw, -1))
            mi = self.lx.fractions.get(gd.get("frac") or "", 0)
        if not (0 <= h <= 24 and 0 <= mi < 60):
            return None
        dp = _key(gd.get("dp2") or "")
        if dp in self.lx.pm and h < 12 and not (dp == self.lx.late_night and h < 5):
            h += 12
        hhmm = f"T{h % 24:02d}:{mi:02d}"
        d = anchor
        rdw = _key(gd.get("rdw") or "")
        if anchor is not None and rdw:
            # الساعة الثامنة من صباح أمس / مساء الأحد: the day named after the day part
            if rdw in self.lx.wd:
                diff = self.lx.wd[rdw] - anchor.weekday()
                if self._direction(s, m.start("x"), m.end("x")) < 0:
                    diff = diff - 7 if diff > 0 else diff
                else:
                    diff = diff + 7 if diff < 0 else diff
            else:
                diff = self.lx.clock_days[rdw]
            d = anchor + timedelta(days=diff)
        return Timex(0, 0, "TIME", (d.isoformat() if d else "XXXX-XX-XX") + hhmm)

    def _season(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        code = self.lx.seasons[m.group("season")]
        if m.group("year"):
            return Timex(0, 0, "DATE", f"{int(m.group('year')):04d}-{code}")
        if not m.group("x").startswith(_W["article"]) and not m.group("rel"):
            return None  # صيف / ربيع alone is too ambiguous (الربيع العربي …)
        if m.group("x").startswith(_W["ambiguous_season"]) and not m.group("rel"):
            return None
        if anchor is None:
            return Timex(0, 0, "DATE", None)
        rel = _key(m.group("rel") or "")
        y = anchor.year - 1 if rel in self.lx.past else anchor.year + 1 if rel in self.lx.future else anchor.year
        return Timex(0, 0, "DATE", f"{y:04d}-{code}")

    def _part_of_year(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        k = self.lx.part_ords[m.group("ord")]
        part = self.lx.year_parts[m.group("part")]
        if part == "H" and k > 2:
            return None
        if not m.group("year") and _LONG_PERIOD.match(s, m.end("x")):
            return None  # النصف الثاني للقرن السابع: a part of a century, not of this year
        rel = _key(m.group("rel") or "")
        if m.group("year"):
            y: int | None = int(m.group("year"))
        elif anchor is not None:
            y = anchor.year - 1 if rel in self.lx.past else anchor.year + 1 if rel in self.lx.future else anchor.year
        else:
            y = None
        return Timex(0, 0, "DATE", f"{y:04d}-{part}{k}" if y else None)

    def _vague(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        """قبل أسابيع → PAST_REF; منذ أشهر → an unspecified duration (PXM)."""
        code = self.lx.vague[_key(m.group("unit"))]
        if m.group("prep") == _W["before"]:
            return Timex(0, 0, "DATE", "PAST_REF")
        return Timex(0, 0, "DURATION", "PT" + "X" + code[1] if code.startswith("T") else f"PX{code}")

    def _vague_code(self, unit_s: str) -> str:
        """أيام → PXD, دقائق → PTXM, ساعات → PXH (the sets' convention), عقود → PXDE."""
        code = self.lx.vague[unit_s]
        return "PT" + "X" + code[1] if code.startswith("T") else f"PX{code}"

    def _vague_for(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        """لساعات / لأيام → an unspecified duration."""
        return Timex(0, 0, "DURATION", self._vague_code(_key(m.group("x"))))

    def _same_day(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        return Timex(0, 0, "DATE", None)  # the value is the day last named (see _resolve_anaphora)

    def _daypart_phrase(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        return Timex(0, 0, "TIME", "T" + self.lx.dp_phrases[_key(m.group("x"))])

    def _gmt(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        h_s, mi_s = m.group("h") or m.group("h4"), m.group("mi") or m.group("mi4") or "00"
        h, mi = int(h_s), int(mi_s)
        dp = _key(m.group("dp2") or "")
        if dp in self.lx.pm and h < 12 and not (dp == self.lx.late_night and h < 5):
            h += 12
        if not (0 <= h <= 24 and 0 <= mi < 60):
            return None
        # the value has no "Z" (the gold sets' convention); the zone is kept in extra
        return Timex(0, 0, "TIME", f"T{h % 24:02d}:{mi:02d}", {"timezone": "UTC"})

    def _fixed_duration(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        val = self.lx.fixed[_key(m.group("fd"))]
        if m.group("ago") == _W["before"]:
            parts = _dur_parts(val) or {}
            if set(parts) == {"Y"} and anchor is not None:
                return Timex(0, 0, "DATE", f"{anchor.year - parts['Y']:04d}")
            return Timex(0, 0, "DATE", "PAST_REF")
        return Timex(0, 0, "DURATION", val)

    def _unit_span(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        """خلال أسبوع / لمدة عام → P1W / P1Y (a singular unit after a span word); خلال أيام → PXD."""
        unit_s = _key(m.group("unit"))
        code, mult, is_time = self.lx.dunits[unit_s]
        if unit_s in self.lx.vague:
            return Timex(0, 0, "DURATION", self._vague_code(unit_s))
        n = mult
        if code == "DE":
            return Timex(0, 0, "DURATION", f"P{n * 10}Y")
        if code == "CE":
            return Timex(0, 0, "DURATION", f"P{n * 100}Y")
        return Timex(0, 0, "DURATION", f"P{'T' if is_time else ''}{n}{code}")

    def _duration(self, m: re.Match[str], s: str, anchor: date | None) -> Timex | None:
        unit_s = _key(m.group("unit"))
        code, mult, is_time = self.lx.dunits[unit_s]
        num_s = m.group("num")
        rel = m.group("dur_rel")
        approx = _key(m.group("approx") or "")
        if m.group("def") and (num_s or mult != 2):
            return None  # العام 2015 / الأيام are not durations here
        if num_s:
            n = parse_number(num_s)
            if n is None:
                return None
            n *= mult if mult != 1 else 1
        elif mult == 2:
            n = 2
        elif approx in self.lx.few and unit_s in self.lx.vague:
            return Timex(0, 0, "DURATION", f"P{'T' if is_time else ''}X{code[0] if code in ('DE', 'CE') else code}")
        elif approx and unit_s not in self.lx.vague:
            if re.match(r"\s+\d", s[m.end("x") :]):
                return None  # حوالي سنة 24 هجرية: a year, not a duration
            n = 1  # أكثر من عام
        elif m.group("ago") and unit_s not in self.lx.vague and not m.group("def"):
            # منذ أسبوع (P1W) / قبل أسبوع (that week); قبل يوم من الانتخابات counts from another event
            nxt = s[m.end("x") : m.end("x") + 12].split()
            if m.group("ago") == _W["before"] and nxt and nxt[0] in self.lx.from_event:
                return None
            if nxt and nxt[0].startswith(_W["article"]) and unit_s in self.lx.named_units:
                return None  # منذ يوم الأرض / قبل عام الحزن: a named day or year
            n = 1
        elif unit_s not in self.lx.vague and not m.group("def") and _HALF.match(s, m.end("x")):
            n = 1  # عام ونصف / ساعة ونصف (the half is joined later)
        else:
            return None  # a bare عام / يوم is not a duration
        if code == "DE":
            val = f"P{n * 10}Y"
        elif code == "CE":
            val = f"P{n * 100}Y"
        else:
            val = f"P{'T' if is_time else ''}{n}{code}"
        if rel:
            return Timex(0, 0, "DURATION", val, {"mod": self.lx.dur_rels[rel]})
        if approx in self.lx.few:
            return None
        if m.group("ago") == _W["before"]:
            if anchor is None:
                return Timex(0, 0, "DATE", None)
            return Timex(0, 0, "DATE", _ago(anchor, n, code))
        return Timex(0, 0, "DURATION", val, {"_unit": code})


def _ago(anchor: date, n: int, code: str) -> str | None:
    try:
        if code == "Y":
            return f"{anchor.year - n:04d}"
        if code == "DE":
            return f"{anchor.year - 10 * n:04d}"[:3]
        if code == "M":
            y, mo = _add_months(anchor.year, anchor.month, -n)
            return f"{y:04d}-{mo:02d}"
        if code == "W":
            return _iso_week(anchor - timedelta(weeks=n))
        if code == "D":
            return (anchor - timedelta(days=n)).isoformat()
        return anchor.isoformat()
    except (ValueError, OverflowError):
        return None


_THREAD = threading.local()


def recognizer() -> Recognizer:
    """This thread's recogniser (``find`` keeps per-call state on it, so threads must not share one)."""
    rec: Recognizer | None = getattr(_THREAD, "recognizer", None)
    if rec is None:
        rec = _THREAD.recognizer = Recognizer()
    return rec


def parse_anchor(published: Any) -> date | None:
    """``2021-12-12`` / ``2021-12-12T10:00:00Z`` → date; anything else → None."""
    if not published:
        return None
    s = str(published).strip()[:10]
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None
