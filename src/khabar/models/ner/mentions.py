"""From document tokens to name mentions: tag each sentence, then turn BIO chunks into exact character spans,
dropping attached proclitics (وبايدن → بايدن) so that every mention slices the original text."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.document import Document, NamedMention, Token
from khabar.models.ner.conll import spans
from khabar.models.ner.docfix import refine
from khabar.models.ner.tagger import Tagger

_SENT_END = frozenset(".!?؟؛\n")
_SKIP = frozenset("\u0640") | frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}
_MAX_TOKENS = 2_000_000  # a pathological document is cut here rather than hanging the pipeline


def _sentences(doc: Document) -> list[list[Token]]:
    toks = doc.tokens[:_MAX_TOKENS]
    groups: list[list[Token]] = []
    if doc.sentences:
        bounds = sorted((s.start, s.end) for s in doc.sentences)
        k = 0
        cur: list[Token] = []
        for t in toks:
            while k < len(bounds) and t.start >= bounds[k][1]:
                k += 1
                if cur:
                    groups.append(cur)
                    cur = []
            cur.append(t)
        if cur:
            groups.append(cur)
        return groups
    cur = []
    text = doc.text
    prev_end = 0
    for t in toks:
        if cur and "\n" in text[prev_end: t.start]:
            groups.append(cur)
            cur = []
        cur.append(t)
        prev_end = t.end
        if text[t.start: t.end] in _SENT_END:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _skip_letters(s: str, k: int) -> int:
    """Index in ``s`` after its first ``k`` letters (diacritics and tatweel do not count)."""
    i = 0
    while k > 0 and i < len(s):
        if s[i] not in _SKIP:
            k -= 1
        i += 1
    while i < len(s) and s[i] in _SKIP:
        i += 1
    return i


def tag_mentions(doc: Document, tagger: Tagger) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) mentions in document order."""
    text = doc.text
    out: list[tuple[int, int, str]] = []
    feats = tagger.features
    sents = _sentences(doc)
    all_words = [[text[t.start: t.end] for t in sent] for sent in sents]
    all_tags = tagger.tag_doc(all_words)
    refine(all_words, all_tags, feats)
    for sent, words, tags in zip(sents, all_words, all_tags, strict=True):
        for i, j, typ in spans(tags):
            first = words[i]
            pre, _ = feats.split(feats.word(first)[6])
            start = sent[i].start
            if pre:
                skip = _skip_letters(first, len(pre))
                if skip < len(first):
                    start += skip
            end = sent[j - 1].end
            if end > start and (not out or start >= out[-1][1]):
                out.append((start, end, typ))
    return out


def named_mentions(doc: Document, found: Sequence[tuple[int, int, str]]) -> list[NamedMention]:
    """The raw mentions for ``Document.mentions`` (merging and linking belong to the knowledge-base stage)."""
    text = doc.text
    return [NamedMention(s, e, text[s:e], typ) for s, e, typ in found]
