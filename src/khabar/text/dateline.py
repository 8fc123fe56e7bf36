"""Dateline detection: ``موسكو (رويترز) -`` at the start of the body (usually the line after the headline).

Recognised shapes, always closed by a dash or colon (place: one to four words; agency from
``data/text/agencies.txt``, or any short name in parentheses after a place of at most three words and before
a dash):

* ``موسكو (رويترز) -`` / ``القدس المحتلة (الأناضول) -`` / ``الرياض (واس) :``
* ``موسكو، 12 ديسمبر (رويترز) -`` (a date between place and agency)
* ``بيروت - أ ف ب -`` / ``واشنطن - رويترز:`` (agency between dashes; must be a known agency)
* ``(رويترز) -`` (no place)

The result is a :class:`~khabar.document.Dateline` whose ``extra`` holds ``place_span`` and ``agency_span``
(``{"start", "end", "text"}``) and ``agency_name`` (canonical label); entity ids are filled by the KB stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.document import Dateline, Span
from khabar.resources import data_file
from khabar.text.normalize import normalize

DATA_DIR = data_file("text")

# Word characters plus Arabic marks; the two branches are disjoint (marks are not \w) so matching stays linear.
_WORD = r"[^\W\d_](?:[^\W_]|[\u064b-\u065f\u0670\u200c\u200d])*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \t\u00a0]+{_WORD}){{0,3}})"
_SP = r"[ \t\u00a0\u200e\u200f]*"
_DASH = r"[-–—ـ:]+"
_LEAD = r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]*"

_PARENS = re.compile(
    rf"{_LEAD}(?:{_PLACE}{_SP}(?:[،,]{_SP}(?P<date>[^()\n\r\-–—]{{1,30}}?){_SP})?(?:[-–—]{_SP})?)?"
    rf"[(（]{_SP}(?P<agency>[^()（）\n\r]{{1,40}}?){_SP}[)）](?:{_SP}(?P<dash>{_DASH}))?"
)
_DASHED = re.compile(
    rf"{_LEAD}{_PLACE}{_SP}[-–—]{_SP}(?P<agency>[^\-–—:()\n\r]{{1,40}}?){_SP}(?P<dash>[-–—:]+)"
)


def _key(s: str) -> str:
    return re.sub(r"[\s.\u00a0]+", "", normalize(s)).lower()


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Normalised key → canonical agency name, from ``agencies.txt``."""
    out: dict[str, str] = {}
    path = DATA_DIR / "agencies.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            out.setdefault(_key(name), names[0])
    return out


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _match_line(text: str, pos: int) -> Dateline | None:
    table = agencies()
    for rx, need_known in ((_PARENS, False), (_DASHED, True)):
        m = rx.match(text, pos)
        if not m:
            continue
        agency = m.group("agency")
        name = table.get(_key(agency))
        dash = m.group("dash")
        if not dash:  # ونقلت وكالة أنباء الإمارات (وام) عن … is a clause, not a dateline
            continue
        if name is None:
            # An unknown name in parentheses is an agency only when it is short, has no digits, follows a
            # short place and is followed by a dash (not a colon: القائمة الكاملة (26 لاعبا) :).
            if (
                need_known
                or ":" in dash
                or not m.group("place")
                or len(m.group("place").split()) > 3
                or len(agency.split()) > 3
                or any(c.isdigit() for c in agency)
            ):
                continue
        start = m.start("place") if m.group("place") else m.start("agency") - 1
        while start > pos and text[start - 1] in "(（":
            start -= 1
        end = m.end("dash")
        place = _span(text, m.start("place"), m.end("place")) if m.group("place") else None
        return Dateline(start, end, text[start:end], agency_span=_span(text, m.start("agency"), m.end("agency")),
                        place_span=place, agency_name=name or None)
    return None


def detect_dateline(text: str, max_lines: int = 3) -> Dateline | None:
    """The dateline at the start of one of the first ``max_lines`` non-empty lines, or None."""
    pos = 0
    seen = 0
    n = len(text)
    while pos < n and seen < max_lines:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        if text[pos:line_end].strip():
            seen += 1
            found = _match_line(text[: min(line_end, pos + 400)], pos)
            if found is not None:
                return found
        if nl < 0:
            break
        pos = nl + 1
    return None
