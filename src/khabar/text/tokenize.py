"""Typed tokenisation in one compiled regex pass; tokens are spans of the untouched text.

Kinds: ARABIC, NUMBER, LATIN (any non-Arabic letters), URL, EMAIL, HASHTAG, MENTION, PUNCT, SYMBOL.
Whitespace and invisible format controls (RLM/LRM/ZWJ/ZWNJ/BOM …) between tokens are skipped; a zero-width
character between the letters of a word stays in that word's span (its ``norm`` drops it).
Punctuation is one character a token (``الأول/ديسمبر`` → الأول · / · ديسمبر), except runs of dots.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Arabic letters (base, supplement, extended-A, presentation forms) — digits and punctuation excluded.
AR_LETTER = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufe74\ufe76-\ufefc"
)
# Marks that belong inside an Arabic word: harakat, Quranic marks, tatweel.
AR_MARK = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08ca-\u08ff"
# Zero-width characters (ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM): kept inside a word, never at its edges
# (so sentence trimming never cuts a token); the normaliser drops them, so بو‍تين matches بوتين.
JOINER = "\u200b-\u200f\u2060\ufeff"
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_DIGIT = r"\d"
_URL_END = r"""[^\s<>"'«»“”‘’()\[\]{}.,;:!?،؛؟]"""
_URL_BODY = r"""[^\s<>"«»“”()\[\]{}]"""

# Alternatives are tried in order; ARABIC comes first because it is by far the most frequent and cannot
# start any other kind. Repetitions inside URL/EMAIL are bounded so hostile input cannot make a pass quadratic.
TOKEN_RE = re.compile(
    rf"""
    (?P<ARABIC>[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*(?:[{JOINER}]+[{AR_LETTER}{AR_MARK}]+)*)
  | (?P<URL>(?:https?://|www\.){_URL_BODY}{{0,2000}}{_URL_END})
  | (?P<EMAIL>[A-Za-z0-9][A-Za-z0-9._%+-]{{0,63}}@[A-Za-z0-9-]{{1,63}}(?:\.[A-Za-z0-9-]{{1,63}}){{0,8}}\.[A-Za-z]{{2,24}}\b)
  | (?P<HASHTAG>\#[\w{AR_MARK}]*[^\W_][\w{AR_MARK}]*(?:[{JOINER}]+[\w{AR_MARK}]+)*)
  | (?P<MENTION>@\w*[^\W\d_]\w*)
  | (?P<NUMBER>{_DIGIT}+(?:[.,\u066b\u066c]{_DIGIT}+)*[%\u066a\u2030]?)
  | (?P<LATIN>[^\W\d_{_ARABIC_BLOCKS}]+(?:['’][^\W\d_{_ARABIC_BLOCKS}]+)*)
  | (?P<DOTS>\.{{2,}})
  | (?P<OTHER>[^\s\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u061c\u00ad])
    """,
    re.VERBOSE,
)

_KIND_CACHE: dict[str, str] = {}


def char_kind(ch: str) -> str:
    """PUNCT for Unicode punctuation, SYMBOL for the rest (symbols, stray marks, other scripts' digits …)."""
    kind = _KIND_CACHE.get(ch)
    if kind is None:
        cat = unicodedata.category(ch)
        kind = "PUNCT" if cat[0] == "P" else "SYMBOL"
        if len(_KIND_CACHE) < 100_000:
            _KIND_CACHE[ch] = kind
    return kind


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, kind)`` for every token of ``text`` in order, without overlap."""
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "OTHER":
            kind = char_kind(m.group())
        elif kind == "DOTS":
            kind = "PUNCT"
        yield m.start(), m.end(), kind  # type: ignore[misc]


def tokenize_spans(text: str) -> list[tuple[int, int, str]]:
    """All token spans with their kinds (a list version of :func:`iter_tokens`)."""
    return list(iter_tokens(text))
