"""Pipeline stage "morph": trained clitic segmentation, UPOS and lemmas for every token.

Overwrites ``Token.seg``, ``Token.pos``, ``Token.lemma`` and ``Token.words`` (one :class:`Word` per syntactic
word, with offsets when its form is a substring of the original text). The model lives in
``khabar/models/morph/morph.json.gz`` (see MORPH_MODEL_CARD.md there).
"""

from __future__ import annotations

import gc
from collections import Counter

from khabar.document import Document, Token, Word
from khabar.models.morph.model import DIACRITICS, Analysis, MorphModel, key, load_model

# Token kinds from the text layer that are never split; their UPOS is fixed.
_FIXED_POS = {"PUNCT": "PUNCT", "NUMBER": "NUM", "SYMBOL": "SYM", "LATIN": "X", "URL": "X", "EMAIL": "X",
              "HASHTAG": "X", "MENTION": "X"}
_MAX_TOKEN = 200  # longer "tokens" (binary junk) are passed through whole


def _offsets(surface: str) -> list[int] | None:
    """Positions in ``surface`` of the characters that survive diacritic removal (None when nothing is removed)."""
    if DIACRITICS.search(surface) is None:
        return None
    return [i for i, ch in enumerate(surface) if not DIACRITICS.match(ch)]


def _doc_counts(surfaces: list[str]) -> dict[str, int]:
    """The article's own word counts."""
    return Counter(map(key, surfaces))


def analyse_tokens(model: MorphModel, text: str, tokens: list[Token]) -> None:
    # The analysis caches hold hundreds of thousands of objects; the cyclic garbage collector would rescan
    # them again and again while this function allocates (nothing here creates reference cycles).
    enabled = gc.isenabled()
    gc.disable()
    try:
        _analyse_tokens(model, text, tokens)
    finally:
        if enabled:
            gc.enable()


def _analyse_tokens(model: MorphModel, text: str, tokens: list[Token]) -> None:
    surfaces = [text[t.start : t.end] for t in tokens]
    doc_freq: dict[str, int] | None = None
    analyses: list[Analysis] = []
    fixed: list[str | None] = []
    add_analysis, add_fixed = analyses.append, fixed.append
    cached = model.cached_analysis
    fixed_of = _FIXED_POS.get
    for tok, surface in zip(tokens, surfaces, strict=True):
        kind = tok.kind
        fixed_pos = fixed_of(kind) if kind else None
        if len(surface) > _MAX_TOKEN or not surface:
            fixed_pos = fixed_pos or "X"
        if fixed_pos is not None:
            surface = surface[:_MAX_TOKEN] if fixed_pos != "PUNCT" else surface
            add_fixed(fixed_pos)
            add_analysis(model.analyse_whole(surface))
            continue
        add_fixed(None)
        ana = cached(surface)  # a cache hit needs no article counts: they are counted on the first miss only
        if ana is None:
            if doc_freq is None:
                doc_freq = _doc_counts(surfaces)
            ana = model.analyse(surface, doc_freq)
        add_analysis(ana)
    tags = model.tag_sequence(analyses)
    lemma_of = model.lemma
    for tok, surface, ana, tag_row, fixed_pos in zip(tokens, surfaces, analyses, tags, fixed, strict=True):
        if fixed_pos is not None:
            form = surface
            tok.seg = [form]
            tok.pos = fixed_pos
            tok.lemma = form
            tok.words = [Word(form, tok.start, tok.end, fixed_pos, form)]
            continue
        if ana.simple:
            tag = tag_row[0]
            lemma = lemma_of(ana.forms[0], tag)
            tok.words = [Word(surface, tok.start, tok.end, tag, lemma)]
            tok.seg = [surface]
            tok.pos = tag
            tok.lemma = lemma
            continue
        offs = _offsets(surface)
        words: list[Word] = []
        for i, (piece, form) in enumerate(zip(ana.pieces, ana.forms, strict=True)):
            tag = tag_row[i]
            lemma = lemma_of(form, tag)
            a, b, pre, k, suf, _role = piece
            if pre or k or suf:
                words.append(Word(form, None, None, tag, lemma))
            elif offs is None:
                words.append(Word(form, tok.start + a, tok.start + b, tag, lemma))
            else:
                s, e = offs[a], offs[b - 1] + 1
                words.append(Word(surface[s:e], tok.start + s, tok.start + e, tag, lemma))
        tok.words = words
        tok.seg = [w.form for w in words]
        head = words[ana.stem] if ana.stem < len(words) else words[0]
        tok.pos = head.pos
        tok.lemma = head.lemma


def morph_stage(doc: Document) -> None:
    if not doc.tokens:
        return
    analyse_tokens(load_model(), doc.text, doc.tokens)


class MorphStage:
    def __init__(self, model: MorphModel | None = None) -> None:
        self.model = model or load_model()

    def __call__(self, doc: Document) -> None:
        if doc.tokens:
            analyse_tokens(self.model, doc.text, doc.tokens)
