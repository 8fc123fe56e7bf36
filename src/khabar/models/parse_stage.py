"""Pipeline stage "parse": UD heads and relations on the Word layer (after morph).

Each sentence's words (every token's ``words``, in order) go through the dependency parser in
``khabar/models/parse/`` (see PARSE_MODEL_CARD.md there); ``Word.head`` becomes the index in ``Document.words`` of
the head word (None for the sentence root) and ``Word.rel`` the UD v1 relation. A sentence longer than
``MAX_WORDS`` words (run-on text, tables) is parsed in pieces of that size, so cost stays linear.
"""

from __future__ import annotations

from khabar.document import Document, Token
from khabar.models.parse.model import ParseModel, ParseWord, load_model
from khabar.pipeline import register

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
    chunks: list[list[tuple[int, int]]] = []  # (token index, word index inside it) per parsed piece
    for group in sentence_tokens(doc):
        piece: list[tuple[int, int]] = []
        for ti in group:
            for wi in range(len(tokens[ti].words)):
                if len(piece) >= MAX_WORDS and wi == 0:
                    chunks.append(piece)
                    piece = []
                piece.append((ti, wi))
        if piece:
            chunks.append(piece)
    # document-wide word index of every (token, word) pair
    base: list[int] = []
    n = 0
    for tok in tokens:
        base.append(n)
        n += len(tok.words)
    inputs = []
    for piece in chunks:
        first_tok = piece[0][0]
        ws = []
        for ti, wi in piece:
            w = tokens[ti].words[wi]
            ws.append(ParseWord(w.form, w.lemma or w.form, w.pos or "X", ti - first_tok))
        inputs.append(ws)
    for piece, (heads, rels) in zip(chunks, model.parse_many(inputs), strict=True):
        for (ti, wi), h, rel in zip(piece, heads, rels, strict=True):
            w = tokens[ti].words[wi]
            if h == 0:
                w.head, w.rel = None, "root"
            else:
                hti, hwi = piece[h - 1]
                w.head, w.rel = base[hti] + hwi, rel


@register("parse", requires=["morph"], provides=["parse"])
def parse_stage(doc: Document) -> None:
    if not doc.tokens or not any(t.words for t in doc.tokens):
        return
    parse_document(load_model(), doc)
