"""A matching view of the text with a map back to original offsets (linear, one pass).

Regexes run over ``norm`` (khabar ``normalize`` with ``ta_marbuta=True``, applied per character so that
every normalised character comes from exactly one original character); ``to_orig`` maps spans back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.text.normalize import normalize


@lru_cache(maxsize=4096)
def _norm_char(c: str) -> str:
    return normalize(c, ta_marbuta=True)


def N(s: str) -> str:
    """Normalise a lexicon entry the same way as the text view (``str.translate`` works character by character,
    so this is the per-character normalisation in one C call)."""
    return normalize(s, ta_marbuta=True)


# the view leaves ASCII as it is; when normalisation does too, runs of characters that each map to exactly one
# character can be translated in one call with an identity offset map
_ASCII_SAME = all(_norm_char(chr(i)) == chr(i) for i in range(128))


@lru_cache(maxsize=1024)
def _special_re(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class NormText:
    """``norm`` plus ``idx`` (original index of each normalised char, with a sentinel at the end)."""

    __slots__ = ("text", "norm", "idx")

    def __init__(self, text: str) -> None:
        self.text = text
        if _ASCII_SAME:
            # characters removed (diacritics, controls) or expanded (ligatures) break the 1:1 offset map
            special = frozenset(c for c in set(text) if ord(c) > 127 and len(_norm_char(c)) != 1)
            size = len(text)
            if not special:
                self.norm = normalize(text, ta_marbuta=True)
                self.idx = list(range(size + 1))
                return
            parts: list[str] = []
            pos: list[int] = []
            at = 0
            for m in _special_re(special).finditer(text):
                i = m.start()
                parts.append(normalize(text[at:i], ta_marbuta=True))
                pos.extend(range(at, i))
                r = _norm_char(text[i])
                parts.append(r)
                pos.extend([i] * len(r))
                at = i + 1
            parts.append(normalize(text[at:], ta_marbuta=True))
            pos.extend(range(at, size))
            pos.append(size)
            self.norm = "".join(parts)
            self.idx = pos
            return
        chars: list[str] = []
        idx: list[int] = []
        for i, c in enumerate(text):
            n = _norm_char(c) if ord(c) > 127 else c
            for ch in n:
                chars.append(ch)
                idx.append(i)
        idx.append(len(text))
        self.text = text
        self.norm = "".join(chars)
        self.idx = idx

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised span [start, end)."""
        if end <= start:
            o = self.idx[start]
            return o, o
        return self.idx[start], self.idx[end - 1] + 1
