"""Pipeline stage "parse": UD heads and relations on the Word layer (after morph).

Each sentence's words (every token's ``words``, in order) go through the dependency parser in
``khabar/models/parse/`` (see PARSE_MODEL_CARD.md there); ``Word.head`` becomes the index in ``Document.words`` of
the head word (None for the sentence root) and ``Word.rel`` the UD v1 relation. A sentence longer than
``MAX_WORDS`` words (run-on text, tables) is parsed in pieces of that size, so cost stays linear.
"""

from __future__ import annotations

from khabar.document import Document, Token, Word
from khabar.models.parse.model import ParseModel, ParseWord, load_model

MAX_WORDS = 120


def sentence_tokens(doc: Document) -> list[list[int]]:
    """Token indices of each sentence (tokens outside every sentence span form their own groups)."""
    groups: list[list[int]] = []
    sents = doc.sentences
    si = 0
    current: list[int] = []
    for i, tok in enumerate(doc.tokens):
        while si < len(sents) and tok.start >= sents[si].end:
            if current:
                groups.append(current)
                current = []
            si += 1
        current.append(i)
    if current:
        groups.append(current)
    return groups


def parse_document(model: ParseModel, doc: Document) -> None:
    tokens: list[Token] = doc.tokens
    # per parsed piece: the parser's input, the Word objects and their indices in doc.words (words are numbered
    # in token order, and sentence groups cover the tokens in order, so a running counter gives the index)
    inputs: list[list[ParseWord]] = []
    pieces: list[tuple[list[Word], list[int]]] = []
    n = 0
    for group in sentence_tokens(doc):
        ws: list[ParseWord] = []
        objs: list[Word] = []
        idx: list[int] = []
        first = -1
        for ti in group:
            for wi, w in enumerate(tokens[ti].words):
                if wi == 0 and len(ws) >= MAX_WORDS:
                    inputs.append(ws)
                    pieces.append((objs, idx))
                    ws, objs, idx = [], [], []
                if not ws:
                    first = ti
                ws.append(ParseWord(w.form, w.lemma or w.form, w.pos or "X", ti - first))
                objs.append(w)
                idx.append(n)
                n += 1
        if ws:
            inputs.append(ws)
            pieces.append((objs, idx))
    for (objs, idx), (heads, rels) in zip(pieces, model.parse_many(inputs), strict=True):
        for w, h, rel in zip(objs, heads, rels, strict=True):
            if h == 0:
                w.head, w.rel = None, "root"
            else:
                w.head, w.rel = idx[h - 1], rel


def parse_stage(doc: Document) -> None:
    if not doc.tokens or not any(t.words for t in doc.tokens):
        return
    parse_document(load_model(), doc)


class ParseStage:
    def __init__(self, model: ParseModel | None = None) -> None:
        self.model = model or load_model()

    def __call__(self, doc: Document) -> None:
        if doc.tokens and any(t.words for t in doc.tokens):
            parse_document(self.model, doc)
