"""Text-layer pipeline stages: normalize, tokenize, sentences, dateline.

All of them only add layers; ``Document.text`` is never changed and every span slices it.

* ``normalize`` — matching forms are per token (``Token.norm``); a whole-text normalised view with an
  offset map is available on demand through :func:`khabar.text.normalize.normalize_map`.
* ``tokenize`` — typed tokens (one regex pass) with ``norm``, ``kind``, rule-based clitic ``seg`` and, for
  tokens split into clitics, ``words`` (one :class:`~khabar.document.Word` per piece; offsets where the piece
  is written in full; single-word tokens keep ``words`` empty, as the JSON format omits it).
* ``sentences`` — news-aware sentence spans (headline line, dateline, quotes, numbers, abbreviations).
* ``dateline`` — ``Document.dateline`` with place/agency sub-spans in ``extra``.
"""

from __future__ import annotations

import gc

from khabar.document import Dateline, Document, Span, Token, Word
from khabar.text.dateline import detect_dateline
from khabar.text.normalize import char_table
from khabar.text.segment import _CACHE as _WORD_CACHE
from khabar.text.segment import analyse_word
from khabar.text.sentences import split_sentences
from khabar.text.tokenize import TOKEN_RE, char_kind

_NORM = char_table()
_OTHER_CACHE: dict[str, str] = {}


def tokenize_text(text: str) -> list[Token]:
    """Tokens of ``text`` with norm, kind, seg and (for clitic-split tokens) words filled.

    ``Token.words`` is left empty for a token that is a single word (as in the JSON format, where empty
    ``words`` are omitted); a split token gets one :class:`~khabar.document.Word` per piece.
    """
    tokens: list[Token] = []
    append = tokens.append
    cache_get = _WORD_CACHE.get
    other_get = _OTHER_CACHE.get
    token, word = Token, Word
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a token list is acyclic; cyclic GC passes over it only cost time
    try:
        for m in TOKEN_RE.finditer(text):
            kind = m.lastgroup
            s, e = m.span()
            surface = m.group()
            if kind == "ARABIC":
                hit = cache_get(surface) or analyse_word(surface)
                norm, seg, pieces = hit
                if len(pieces) == 1:
                    append(token(s, e, norm, [norm], None, None, kind))
                else:
                    words = [word(f, None, None) if a is None else word(f, s + a, s + b) for f, a, b in pieces]  # type: ignore[operator]
                    append(token(s, e, norm, list(seg), None, None, kind, words))
                continue
            if kind == "OTHER":
                kind = char_kind(surface)
            elif kind == "DOTS":
                kind = "PUNCT"
            known = other_get(surface)
            if known is None:
                known = surface.translate(_NORM)
                if len(_OTHER_CACHE) > 100_000:
                    _OTHER_CACHE.clear()
                _OTHER_CACHE[surface] = known
            append(token(s, e, known, [known], None, None, kind))
    finally:
        if gc_was_enabled:
            gc.enable()
    return tokens


def normalize_stage(doc: Document) -> None:
    """Normalisation is per token (``Token.norm``) and on demand (``normalize_map``); nothing to store."""
    return None


def tokenize_stage(doc: Document) -> None:
    doc.tokens = tokenize_text(doc.text)


# (text, dateline): the sentences and dateline stages share one detection per text. A tuple replaced as a
# whole, so concurrent threads never read one text's dateline for another.
_LAST_DATELINE: tuple[str | None, Dateline | None] = (None, None)


def _dateline(text: str) -> Dateline | None:
    global _LAST_DATELINE
    cached = _LAST_DATELINE
    if cached[0] is text:
        return cached[1]
    dl = detect_dateline(text)
    _LAST_DATELINE = (text, dl)
    return dl


def sentence_stage(doc: Document) -> None:
    dl = _dateline(doc.text)
    cuts = (dl.start, dl.end) if dl is not None else ()
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc.sentences = [Span(s, e) for s, e in split_sentences(doc.text, cuts)]
    finally:
        if gc_was_enabled:
            gc.enable()


def dateline_stage(doc: Document) -> None:
    dl = _dateline(doc.text)
    # A fresh copy: the cached object must not be shared between documents that are edited later.
    doc.dateline = Dateline.from_dict(dl.to_dict()) if dl is not None else None
