"""A matching view of the text with a map back to original offsets (linear, one pass).

Regexes run over ``norm`` (khabar ``normalize`` with ``ta_marbuta=True``, applied per character so that
every normalised character comes from exactly one original character); ``to_orig`` maps spans back.
"""

from __future__ import annotations

from functools import lru_cache

from khabar.text.normalize import normalize


@lru_cache(maxsize=4096)
def _norm_char(c: str) -> str:
    return normalize(c, ta_marbuta=True)


def N(s: str) -> str:
    """Normalise a lexicon entry the same way as the text view."""
    return "".join(_norm_char(c) for c in s)


class NormText:
    """``norm`` plus ``idx`` (original index of each normalised char, with a sentinel at the end)."""

    __slots__ = ("text", "norm", "idx")

    def __init__(self, text: str) -> None:
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
