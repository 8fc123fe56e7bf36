"""CoNLL-U reading and surface-text reconstruction for the 2016 (UD v1) PADT files.

PADT v1 gives fully vocalised FORMs with clitics already split into separate words and no surface text.
:func:`reconstruct` rebuilds what a newspaper would have printed:

* diacritics (fatha … sukun, dagger alef) and tatweel are removed, wasla ``ٱ`` becomes ``ا``;
* proclitic words (و ف ب ل ك س أ tagged CONJ/ADP/PART) are glued to the next word; ``ل`` + ``ال…`` is
  written ``لل…`` (the alef of the article drops);
* enclitic pronouns (PRON with genitive/accusative case in the XPOS) are glued to the previous word, and a
  final ``ة`` of that word becomes ``ت`` (مدينة + ه → مدينته), a final ``ى`` becomes ``ا`` (مستوى + ه → مستواه);
* tokens are joined by one space, except before closing punctuation and after opening punctuation; one
  sentence per line.

Each gold word keeps its form (diacritics removed) and, when that form is a substring of the surface token,
its character span — the Stanza Token/Word split that the morph stage produces.
UD v1 labels are mapped to v2 (``CONJ`` → ``CCONJ``); PUD (already v2, with surface text) is read as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
V1_TO_V2 = {"CONJ": "CCONJ"}
PROCLITICS = frozenset("وفبلكسأ")
PROCLITIC_POS = frozenset({"CONJ", "CCONJ", "ADP", "PART", "SCONJ"})
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"})
NO_SPACE_BEFORE = frozenset(".,،؛:?!؟)]}»%")
NO_SPACE_AFTER = frozenset("([{«")


def strip_diacritics(s: str) -> str:
    return DIACRITICS.sub("", s).replace("ٱ", "ا")


@dataclass(slots=True)
class GoldWord:
    form: str  # diacritics removed
    upos: str
    lemma: str  # diacritics removed
    xpos: str = "_"
    start: int | None = None  # absolute offsets in the reconstructed text when form is a substring
    end: int | None = None


@dataclass(slots=True)
class GoldToken:
    start: int
    end: int
    words: list[GoldWord] = field(default_factory=list)


@dataclass(slots=True)
class GoldSentence:
    text: str
    tokens: list[GoldToken]  # offsets relative to ``text``
    sent_id: str = ""
    doc_id: str = ""


def read_conllu(path: str | Path) -> Iterator[tuple[dict[str, str], list[list[str]]]]:
    """Yield ``(comments, rows)`` per sentence; rows are the 10 columns of word lines (MWT/empty lines kept)."""
    comments: dict[str, str] = {}
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield comments, rows
                comments, rows = {}, []
            elif line.startswith("#"):
                key, _, val = line[1:].partition("=")
                if not _:
                    key, _, val = line[1:].strip().partition(" ")
                comments[key.strip()] = val.strip()
            else:
                cols = line.split("\t")
                if len(cols) == 10:
                    rows.append(cols)
    if rows:
        yield comments, rows


def _is_enclitic(form: str, upos: str, xpos: str) -> bool:
    # PADT XPOS for personal pronouns is "SP---<person><gender><number><case>-": case 1 = independent pronoun.
    return upos == "PRON" and form in ENCLITICS and len(xpos) == 10 and xpos[:2] == "SP" and xpos[8] in "24"


def _is_proclitic(form: str, upos: str) -> bool:
    return len(form) == 1 and form in PROCLITICS and upos in PROCLITIC_POS


def _glue(pieces: list[tuple[str, GoldWord]]) -> tuple[str, list[tuple[int, int] | None]]:
    """Join word pieces into one surface token; return it and each word's span inside it (None if not a substring)."""
    surface = ""
    spans: list[tuple[int, int] | None] = []
    for i, (form, _w) in enumerate(pieces):
        piece = form
        prev = pieces[i - 1][0] if i else ""
        if prev == "ل" and piece.startswith("ال") and i and len(piece) > 2:
            piece = piece[1:]  # li + al- → lil-
        nxt_is_enclitic = i + 1 < len(pieces) and pieces[i + 1][1].upos == "PRON" and pieces[i + 1][0] in ENCLITICS
        if nxt_is_enclitic and len(piece) > 1 and piece.endswith("ة"):
            piece = piece[:-1] + "ت"
        elif nxt_is_enclitic and len(piece) > 2 and piece.endswith("ى"):
            piece = piece[:-1] + "ا"
        start = len(surface)
        surface += piece
        spans.append((start, start + len(piece)) if piece == form else None)
    return surface, spans


def sentence_from_rows(rows: list[list[str]], comments: dict[str, str]) -> GoldSentence:
    """Rebuild one sentence. Uses ``# text`` + SpaceAfter when present (PUD), else PADT v1 reconstruction."""
    words = [r for r in rows if r[0].isdigit()]
    gold = [
        GoldWord(strip_diacritics(r[1]) or r[1], V1_TO_V2.get(r[3], r[3]), strip_diacritics(r[2]) or r[2], r[4])
        for r in words
    ]
    if "text" in comments:
        return _from_text(comments, words, gold)
    # group words into surface tokens
    groups: list[list[int]] = []
    pending_proclitic = False
    for i, w in enumerate(gold):
        if groups and (pending_proclitic or _is_enclitic(w.form, w.upos, w.xpos)):
            groups[-1].append(i)
        else:
            groups.append([i])
        pending_proclitic = _is_proclitic(w.form, w.upos) and i + 1 < len(gold) and gold[i + 1].upos != "PUNCT"
    text = ""
    tokens: list[GoldToken] = []
    for g in groups:
        surface, spans = _glue([(gold[i].form, gold[i]) for i in g])
        if text and not (surface[0] in NO_SPACE_BEFORE or text[-1] in NO_SPACE_AFTER):
            text += " "
        start = len(text)
        text += surface
        tok = GoldToken(start, len(text))
        for i, sp in zip(g, spans, strict=True):
            w = gold[i]
            if sp is not None:
                w.start, w.end = start + sp[0], start + sp[1]
            tok.words.append(w)
        tokens.append(tok)
    return GoldSentence(text, tokens, comments.get("sent_id", ""))


def _from_text(comments: dict[str, str], rows: list[list[str]], gold: list[GoldWord]) -> GoldSentence:
    """PUD-style: the surface text is given; every word is its own token located by search."""
    text = comments["text"]
    tokens: list[GoldToken] = []
    pos = 0
    for r, w in zip(rows, gold, strict=True):
        at = text.find(r[1], pos)
        if at < 0:
            at = pos
        end = at + len(r[1])
        w.start, w.end = at, end
        tokens.append(GoldToken(at, end, [w]))
        pos = end
    return GoldSentence(text, tokens, comments.get("sent_id", ""))


def load_sentences(path: str | Path) -> list[GoldSentence]:
    """Sentences with their document id (PADT: ``orig_file_sentence`` before ``#``; UD v2: ``newdoc id``)."""
    out = []
    doc = ""
    for comments, rows in read_conllu(path):
        sent = sentence_from_rows(rows, comments)
        if "newdoc id" in comments:
            doc = comments["newdoc id"]
        elif "orig_file_sentence" in comments:
            doc = comments["orig_file_sentence"].split("#")[0]
        sent.doc_id = doc
        out.append(sent)
    return out


def join_document(sentences: list[GoldSentence]) -> tuple[str, list[GoldToken]]:
    """Concatenate sentences (one per line) into one text with absolute token/word offsets."""
    parts: list[str] = []
    tokens: list[GoldToken] = []
    offset = 0
    for s in sentences:
        for t in s.tokens:
            words = [
                GoldWord(w.form, w.upos, w.lemma, w.xpos,
                         None if w.start is None else w.start + offset, None if w.end is None else w.end + offset)
                for w in t.words
            ]
            tokens.append(GoldToken(t.start + offset, t.end + offset, words))
        parts.append(s.text)
        offset += len(s.text) + 1
    return "\n".join(parts), tokens
