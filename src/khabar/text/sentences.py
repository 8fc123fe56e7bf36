"""Sentence splitting for Arabic news, as ``(start, end)`` spans of the untouched text.

* every line is split apart (the headline — the first line — is therefore its own sentence);
* inside a line a sentence ends after . ! ? ؟ ؛ ۔ (plus any closing quotes/brackets) followed by
  whitespace or the end of the line — so 3.5, U.S.A, example.com and ``...`` never split;
* a full stop after an abbreviation (``data/text/abbreviations.txt``) or a single letter (``د.``, ``J.``)
  does not end a sentence;
* a quotation that spans a full stop (``" … . … "``, « », “ ”) stays in one sentence; unbalanced quotes
  are ignored rather than swallowing the rest of the text;
* a dateline span given by the caller is cut off as its own sentence.

Sentences are in order, never overlap, and are trimmed of surrounding whitespace and invisible controls
(which are left out).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from khabar.resources import data_file
from khabar.text.normalize import normalize

DATA_DIR = data_file("text")

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_TERM = re.compile(r"""[.!?؟؛۔]+(["»”’')\]]*)(?=\s|$)""")
_QUOTE = re.compile(r"""["«»“”„]""")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.\u0640]*)$")
_CLOSE = {"»": "«", "”": "“"}
# Trimmed from sentence ends: all Unicode whitespace plus invisible bidi/zero-width controls.
_STRIP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    words = set()
    for line in (DATA_DIR / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(normalize(line).lower().rstrip("."))
    return frozenset(words)


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced quotations in ``text[start:end]`` as ``(open, after_close)``; unmatched marks are dropped."""
    regions: list[tuple[int, int]] = []
    straight: int | None = None
    stacks: dict[str, list[int]] = {"«": [], "“": [], "„": []}  # one stack per kind: O(1) per mark
    for m in _QUOTE.finditer(text, start, end):
        q, p = m.group(), m.start()
        if q == '"':
            if straight is None:
                straight = p
            else:
                regions.append((straight, p + 1))
                straight = None
        elif q == "“" and stacks["„"]:  # „…“ closes with “
            regions.append((stacks["„"].pop(), p + 1))
        elif q in stacks:
            stacks[q].append(p)
        else:  # closing » or ”
            opened = stacks[_CLOSE[q]]
            if opened:
                regions.append((opened.pop(), p + 1))
    # Merge nested/overlapping quotations so a stop can be located with one bisection.
    regions.sort()
    merged: list[tuple[int, int]] = []
    for qs, qe in regions:
        if merged and qs < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], qe))
        else:
            merged.append((qs, qe))
    return merged


_ABBR_CACHE: dict[str, bool] = {}


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    lo = max(line_start, dot - 24)  # bounded look-back: no scan to the line start on long lines
    ws = max(text.rfind(" ", lo, dot), text.rfind("\t", lo, dot), lo - 1)
    chunk = text[ws + 1 : dot]
    hit = _ABBR_CACHE.get(chunk)
    if hit is None:
        m = _WORD_BEFORE.search(chunk)
        hit = False
        if m:
            word = m.group(1)
            key = normalize(word).lower().rstrip(".")
            # a single-letter initial (د. / J.), a listed abbreviation, or dotted initials (U.S. / ق.م.)
            hit = len(key) == 1 or key in abbreviations() or len(key.rsplit(".", 1)[-1]) == 1
        if len(_ABBR_CACHE) > 50_000:
            _ABBR_CACHE.clear()
        _ABBR_CACHE[chunk] = hit
    return hit


def _line_cuts(text: str, ls: int, le: int) -> list[int]:
    cuts: list[int] = []
    regions: list[tuple[int, int]] | None = None
    starts: list[int] = []
    for m in _TERM.finditer(text, ls, le):
        start = m.start()
        if m.group(1):
            run = text[start : m.start(1)]
        else:
            run = m.group()
        if run == ".":
            if _is_abbreviation(text, ls, start):
                continue
        elif run[0] == "." and len(run) > 1 and run.count(".") == len(run):
            continue  # an ellipsis "..." rarely ends a news sentence
        cut = m.end()
        if regions is None:
            regions = _quote_regions(text, ls, le) if _QUOTE.search(text, ls, le) else []
            starts = [r[0] for r in regions]
        if starts:
            k = bisect_left(starts, start) - 1
            if k >= 0:
                qe = regions[k][1]
                if start < qe - 1 and cut < qe:
                    continue  # the quotation goes on after this stop
        cuts.append(cut)
    return cuts


def split_sentences(text: str, extra_cuts: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; ``extra_cuts`` are offsets that must end a sentence (a dateline end)."""
    spans: list[tuple[int, int]] = []
    for lm in _LINE.finditer(text):
        ls, le = lm.span()
        cuts = _line_cuts(text, ls, le)
        for c in extra_cuts:
            if ls < c < le:
                cuts.append(c)
        if extra_cuts:
            cuts.sort()
        prev = ls
        for c in [*cuts, le]:
            if c <= prev:
                continue
            seg = text[prev:c]
            stripped = seg.strip(_STRIP)
            if stripped:
                lead = len(seg) - len(seg.lstrip(_STRIP))
                spans.append((prev + lead, prev + lead + len(stripped)))
            prev = c
    return spans
