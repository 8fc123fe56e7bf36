"""Orthographic normalisation for matching; the document text itself is never changed.

``normalize(s)`` returns a new string used for matching (search keys, gazetteer lookups, lexicons):

* presentation forms and other compatibility characters → NFKC (ﻻ → لا, ﷲ → الله, fullwidth → ASCII);
* bidi marks and zero-width controls (RLM, LRM, ZWJ, ZWNJ, ALM, BOM, isolates …) removed;
* diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks) and tatweel removed;
* alef variants أ إ آ ٱ → ا (``keep_hamza=True`` keeps أ إ آ; ٱ wasla always → ا);
* alef maqsura ى and Persian yeh ی → ي (so فى = في, التى = التي, الى = إلى); Persian keheh ک → ك;
* Arabic-Indic, Persian and any other Unicode decimal digits → ASCII; ٫ → ``.``, ٬ → ``,``, ٪ → ``%``;
* ``ta_marbuta=True`` also maps ة → ه.

Normalisation is defined character by character (each source character maps to zero or more output
characters), which makes :func:`normalize_map` — the same string plus an offset map back to the
original — exact and cheap. The per-character results are computed lazily and cached inside
``str.translate`` tables, so normalising is a single C-level pass after warm-up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Arabic marks removed for matching: harakat/tanween/shadda/sukun, dagger alef, Quranic annotation signs, tatweel.
_REMOVED_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08CA, 0x08E1),
    (0x08E3, 0x08FF),
    (0x0640, 0x0640),  # tatweel
)
_REMOVED = frozenset(c for lo, hi in _REMOVED_RANGES for c in range(lo, hi + 1))

_HAMZA_ALEF = {"أ": "ا", "إ": "ا", "آ": "ا"}
_ALWAYS = {
    "ٱ": "ا",  # alef wasla
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ک": "ك",  # Persian keheh
    "ڪ": "ك",
    "ە": "ه",  # Kurdish ae
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "٪": "%",
    "\u00a0": " ",
}


def _is_control(ch: str) -> bool:
    """Invisible format characters that only steer rendering (bidi, joiners, BOM, soft hyphen)."""
    return unicodedata.category(ch) == "Cf"


class _Table(dict):
    """``str.translate`` table filled on demand: missing code points are normalised once, then cached."""

    __slots__ = ("keep_hamza", "ta_marbuta")

    def __init__(self, keep_hamza: bool, ta_marbuta: bool) -> None:
        super().__init__()
        self.keep_hamza = keep_hamza
        self.ta_marbuta = ta_marbuta

    def __missing__(self, cp: int) -> str:
        out = _char_norm(chr(cp), self.keep_hamza, self.ta_marbuta)
        if len(self) < 300_000:  # arbitrary Unicode input must not grow the cache without bound
            self[cp] = out
        return out


def _char_norm(ch: str, keep_hamza: bool, ta_marbuta: bool) -> str:
    if ord(ch) in _REMOVED or _is_control(ch):
        return ""
    if ch.isascii():
        return ch
    expanded = unicodedata.normalize("NFKC", ch)
    out = []
    for c in expanded:
        if ord(c) in _REMOVED or _is_control(c):
            continue
        if c in _ALWAYS:
            c = _ALWAYS[c]
        elif not keep_hamza and c in _HAMZA_ALEF:
            c = _HAMZA_ALEF[c]
        elif ta_marbuta and c == "ة":
            c = "ه"
        elif not c.isascii() and c.isdecimal():
            c = str(unicodedata.decimal(c))
        out.append(c)
    return "".join(out)


_TABLES = {(h, t): _Table(h, t) for h in (False, True) for t in (False, True)}


def normalize(s: str, *, keep_hamza: bool = False, ta_marbuta: bool = False) -> str:
    """Matching form of ``s`` (see the module docstring); never used to change the document text."""
    return s.translate(_TABLES[keep_hamza, ta_marbuta])


def char_table(*, keep_hamza: bool = False, ta_marbuta: bool = False) -> dict[int, str]:
    """The (lazily filled) per-code-point table behind :func:`normalize`, for callers with their own loops."""
    return _TABLES[keep_hamza, ta_marbuta]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised string with, for each of its characters, the source span it came from.

    ``starts[j]``/``ends[j]`` are the offsets in the original string of the character that produced
    normalised character ``j`` (an expansion such as ﷲ → الله gives four characters with the same source span);
    the diacritics and tatweel that follow a letter are part of that letter's span, so a match ends after
    ``الرَّئِيسُ``'s final damma. Bidi/zero-width controls belong to no character.
    """

    text: str
    starts: list[int]
    ends: list[int]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering the normalised slice ``text[start:end]`` (end-exclusive)."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else self.source_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Source spans of every (non-overlapping) occurrence of an already-normalised ``needle``."""
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        i = self.text.find(needle)
        while i >= 0:
            out.append(self.source_span(i, i + len(needle)))
            i = self.text.find(needle, i + len(needle))
        return out


def normalize_map(s: str, *, keep_hamza: bool = False, ta_marbuta: bool = False) -> NormalizedText:
    """Normalise a whole string and keep an offset map back to it (for search and gazetteer matching).

    ``normalize_map(s).text == normalize(s)`` always holds.
    """
    table = _TABLES[keep_hamza, ta_marbuta]
    norm = s.translate(table)
    if len(norm) == len(s):
        # Common case: every character maps to exactly one (no removals, no expansions) → identity map.
        # Equal lengths can also come from a removal balanced by an expansion; check cheaply.
        if not any(len(table[ord(c)]) != 1 for c in set(s)):
            idx = list(range(len(s)))
            return NormalizedText(norm, idx, list(range(1, len(s) + 1)), len(s))
    starts: list[int] = []
    ends: list[int] = []
    last = 0  # outputs of the last kept character, whose span absorbs the marks that follow it
    for i, c in enumerate(s):
        k = len(table[ord(c)])
        if k:
            starts.extend([i] * k)
            ends.extend([i + 1] * k)
            last = k
        elif last and ord(c) in _REMOVED:  # a diacritic/tatweel belongs to its letter: الرَّئِيسُ
            ends[-last:] = [i + 1] * last
        else:
            last = 0
    return NormalizedText(norm, starts, ends, len(s))
