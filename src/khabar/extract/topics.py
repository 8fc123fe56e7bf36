"""Pipeline stage ``topics``: the article's topic (ANT category), an extractive summary and keyphrases.

* ``doc.topic`` — the packaged classifier (:mod:`khabar.models.topic`), one of the ANT v2.1 category names.
* ``doc.summary`` — the 2-3 best sentences in text order: lead position plus centrality (TF-IDF cosine of the
  sentence to the whole article), skipping the headline line, the dateline and very short sentences.
* ``doc.keyphrases`` — TF-IDF over word keys with ANT document frequencies; n-grams up to 3 that neither
  start nor end with a stopword, returned as they are written in the text.

A text with (almost) no Arabic words gets no topic, summary or keyphrases rather than a guess.
"""

from __future__ import annotations

import gzip
import math
import re
import threading
from dataclasses import dataclass

from khabar.document import Document, Span, Token
from khabar.models.topic.features import token_keys, word_key
from khabar.models.topic.model import TopicModel, get_model, load_stopwords
from khabar.resources import data_file

DF_PATH = data_file("topics", "df.tsv.gz")
MIN_ARABIC_WORDS = 3
MIN_SENTENCE_WORDS = 6
MAX_KEYPHRASES = 8
_HEADLINE_END = re.compile(r"[.:]\s*$")  # a line ending in ? or ! is still a headline


@dataclass(frozen=True, slots=True)
class DocFreq:
    n_docs: int
    df: dict[str, int]

    def idf(self, key: str) -> float:
        # unseen words get the idf of a word seen in one document: rare, but not infinitely informative
        return math.log((self.n_docs + 1) / (self.df.get(key, 1) + 1)) + 1.0


_DF: DocFreq | None = None
_DF_LOCK = threading.Lock()


def doc_freq() -> DocFreq:
    """The packaged ANT document-frequency table (loaded once); an empty table if it is missing."""
    global _DF
    if _DF is None:
        with _DF_LOCK:
            if _DF is None:
                n, df = 1, {}
                if DF_PATH.exists():
                    with gzip.open(DF_PATH, "rt", encoding="utf-8") as fh:
                        head = fh.readline().split("\t")
                        n = int(head[1]) if len(head) == 2 and head[0] == "#docs" else 1
                        for line in fh:
                            k, _, c = line.rstrip("\n").partition("\t")
                            if c:
                                df[k] = int(c)
                _DF = DocFreq(n, df)
    return _DF


def _is_headline(text: str, sent: Span, index: int) -> bool:
    """The first sentence is a headline when it is a line of its own not closed by a full stop or colon."""
    if index != 0:
        return False
    after = text[sent.end : sent.end + 3]
    return "\n" in after and not _HEADLINE_END.search(text[sent.start : sent.end])


def summarize(doc: Document, keys: list[str | None], stop: frozenset[str], dfq: DocFreq,
              max_sentences: int = 3, idf_map: dict[str, float] | None = None) -> list[Span]:
    """Extractive, lead-biased summary as sentence spans in text order."""
    sents = doc.sentences
    if not sents or not doc.tokens:
        return []
    dl = doc.dateline
    # word keys per sentence (tokens and sentences are both in text order: one merge pass)
    per: list[dict[str, int]] = [{} for _ in sents]
    words = [0] * len(sents)
    si = 0
    for tok, k in zip(doc.tokens, keys, strict=True):
        while si < len(sents) and sents[si].end <= tok.start:
            si += 1
        if si == len(sents):
            break
        if k is None or tok.start < sents[si].start:
            continue
        words[si] += 1
        if k not in stop:
            bag = per[si]
            bag[k] = bag.get(k, 0) + 1
    eligible: list[int] = []
    for i, s in enumerate(sents):
        if words[i] < MIN_SENTENCE_WORDS or _is_headline(doc.text, s, i):
            continue
        if dl is not None and s.start >= dl.start and s.end <= dl.end:
            continue
        eligible.append(i)
    if not eligible:
        return []
    idf = {} if idf_map is None else idf_map
    vecs: list[dict[str, float]] = []
    centre: dict[str, float] = {}
    for i in eligible:
        v = {k: (1.0 + math.log(c)) * (idf[k] if k in idf else dfq.idf(k)) for k, c in per[i].items()}
        vecs.append(v)
        for k, x in v.items():
            centre[k] = centre.get(k, 0.0) + x
    cnorm = math.sqrt(sum(x * x for x in centre.values())) or 1.0
    scored: list[tuple[float, int]] = []
    for rank, (i, v) in enumerate(zip(eligible, vecs, strict=True)):
        vnorm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        cos = sum(x * centre.get(k, 0.0) for k, x in v.items()) / (vnorm * cnorm)
        lead = 1.0 / math.sqrt(1.0 + rank)  # news puts the gist first
        scored.append((0.5 * cos + 0.5 * lead, i))
    n_keep = max_sentences if len(eligible) >= 6 else min(2, len(eligible))
    best = sorted(i for _, i in sorted(scored, key=lambda t: (-t[0], t[1]))[:n_keep])
    return [Span(sents[i].start, sents[i].end) for i in best]


def _surface(text: str, toks: list[Token], first_key: str) -> str:
    """The phrase as written, without a leading conjunction/preposition (والحكومة → الحكومة, وحماقي → حماقي)."""
    s = text[toks[0].start : toks[-1].end]
    first = toks[0].norm
    if len(first) > 4 and first[0] in "وفبك" and first[1:3] == "ال":
        s = s[1:]
    elif len(first) >= 4 and first[0] in "وفبلك" and word_key(first) == first[0] + first_key:
        s = s[1:]  # merge_clitic_variants took the prefix off this key
    return " ".join(s.split())


def keyphrases(doc: Document, keys: list[str | None], stop: frozenset[str], dfq: DocFreq,
               top: int = MAX_KEYPHRASES, idf_map: dict[str, float] | None = None) -> list[str]:
    """Top TF-IDF n-grams (n ≤ 3) as surface strings; multi-word phrases must occur at least twice."""
    toks = doc.tokens
    where: dict[tuple[str, ...], list[int]] = {}  # n-gram -> token indices where it starts
    n_tok = len(toks)
    # a phrase continues only over a single space/punctuation-free join: a line break or gap ends it
    joined = [toks[j].start - toks[j - 1].end <= 1 for j in range(1, n_tok)] + [False]
    for i, k0 in enumerate(keys):
        if k0 is None or k0 in stop:
            continue
        if len(k0) >= 3:
            where.setdefault((k0,), []).append(i)
        if not joined[i]:
            continue
        k1 = keys[i + 1]
        if k1 is None:
            continue
        if k1 not in stop:
            where.setdefault((k0, k1), []).append(i)
        if joined[i + 1]:
            k2 = keys[i + 2]
            if k2 is not None and k2 not in stop:
                where.setdefault((k0, k1, k2), []).append(i)
    if not where:
        return []
    idf_cache = {} if idf_map is None else idf_map
    scored: list[tuple[float, int, tuple[str, ...]]] = []
    for gram, starts in where.items():
        c = len(starts)
        if len(gram) > 1 and c < 2:
            continue
        total = 0.0
        for k in gram:
            if k not in stop:
                x = idf_cache.get(k)
                if x is None:
                    x = idf_cache[k] = dfq.idf(k)
                total += x
        idf = total / len(gram) * (1.0 + 0.5 * (len(gram) - 1))
        pos = starts[0] / n_tok
        scored.append(((1.0 + math.log(c)) * idf * (1.2 - 0.4 * pos), starts[0], gram))
    scored.sort(key=lambda t: (-t[0], t[1]))
    chosen: list[tuple[str, ...]] = []
    for _, _, gram in scored:
        words = set(gram)
        if any(words <= set(g) or set(g) <= words for g in chosen):
            continue  # already covered by a longer (or shorter, better-scored) phrase
        chosen.append(gram)
        if len(chosen) == top:
            break
    out: list[str] = []
    for gram in chosen:
        bag: dict[str, int] = {}
        for i in where[gram]:
            surf = _surface(doc.text, toks[i : i + len(gram)], gram[0])
            bag[surf] = bag.get(surf, 0) + 1
        surf = max(bag.items(), key=lambda kv: kv[1])[0]  # most frequent spelling; ties keep the first
        if surf and surf not in out:
            out.append(surf)
    return out


def merge_clitic_variants(keys: list[str | None]) -> list[str | None]:
    """Map وحماقي / بحماقي to حماقي when the bare word also occurs in the same article.

    A single-letter proclitic (و ف ب ل ك) is too ambiguous to strip everywhere (وزير, بريطانيا), but
    inside one article the bare form next to the prefixed one settles it.
    """
    present = {k for k in keys if k is not None}
    out: list[str | None] = []
    for k in keys:
        if k is not None and len(k) >= 4 and k[0] in "وفبلك" and k[1:] in present:
            k = k[1:]
        out.append(k)
    return out


def analyse_topics(doc: Document, model: TopicModel | None = None) -> None:
    """Fill ``doc.topic``, ``doc.summary`` and ``doc.keyphrases`` from the tokens and sentences (``model``: the
    topic classifier, default the packaged one)."""
    doc.topic, doc.summary, doc.keyphrases = None, [], []
    toks = doc.tokens
    if sum(1 for t in toks if t.kind == "ARABIC") < MIN_ARABIC_WORDS:
        return
    keys = merge_clitic_variants(token_keys(toks))
    stop = load_stopwords()
    dfq = doc_freq()
    model = model or get_model()
    if model is not None:
        pred = model.predict_keys(keys)
        doc.topic = pred[0] if pred else None
    idf_map = {k: dfq.idf(k) for k in set(keys) if k is not None}
    doc.summary = summarize(doc, keys, stop, dfq, idf_map=idf_map)
    doc.keyphrases = keyphrases(doc, keys, stop, dfq, idf_map=idf_map)


def topics_stage(doc: Document) -> None:
    analyse_topics(doc)


class TopicsStage:
    def __init__(self, model: TopicModel | None = None) -> None:
        self.model = model or get_model()

    def __call__(self, doc: Document) -> None:
        analyse_topics(doc, self.model)
