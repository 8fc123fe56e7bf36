"""The clause view: for every predicate, its subject, objects, obliques (with their preposition), clausal
complements, passive and negation flags, and the entity each argument refers to — read once off the parse.

Stage "clauses" requires the parse; in the default pipeline it runs after ``resolve`` so that arguments carry
entity ids (without entities it still runs and leaves ``Arg.entity`` empty). Quotes and events read this view
instead of guessing subject and object from word order.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from khabar.document import Arg, Clause, Document, Word
from khabar.models.morph.model import key

SUBJECT_RELS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_RELS = frozenset({"dobj", "iobj"})
COMPLEMENT_RELS = frozenset({"ccomp", "xcomp"})
PASSIVE_RELS = frozenset({"nsubjpass", "csubjpass", "auxpass"})
NOMINAL = frozenset({"NOUN", "PROPN", "X", "PRON", "NUM", "ADJ", "DET"})
# dependents that are not part of an argument's phrase: clauses hanging off it and punctuation
_NOT_IN_PHRASE = frozenset({"acl", "ccomp", "advcl", "parataxis", "punct", "xcomp", "csubj", "dep", "mark"})
_MAX_PHRASE_WORDS = 25


@lru_cache(maxsize=1)
def negation_particles() -> frozenset[str]:
    raw = resources.files("khabar.data").joinpath("clauses/negation.txt").read_text(encoding="utf-8")
    return frozenset(key(line.strip()) for line in raw.splitlines() if line.strip() and not line.startswith("#"))


class _View:
    """Word spans, sentence numbers and children of the parsed words of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.words: list[Word] = []
        self.spans: list[tuple[int, int]] = []
        self.sentence: list[int] = []
        starts = [s.start for s in doc.sentences]
        words, spans, sentence = self.words, self.spans, self.sentence
        j = 0  # sentences starting at or before the token (tokens come in text order: a pointer, not a search)
        last = -1
        for tok in doc.tokens:
            ts = tok.start
            if ts < last:
                j = bisect_right(starts, ts)
            while j < len(starts) and starts[j] <= ts:
                j += 1
            last = ts
            si = max(j - 1, 0)
            for w in tok.words:
                words.append(w)
                spans.append((w.start, w.end) if w.start is not None and w.end is not None else (tok.start, tok.end))
                sentence.append(si)
        self.children: list[list[int]] = [[] for _ in self.words]
        for i, w in enumerate(self.words):
            if w.head is not None and 0 <= w.head < len(self.words) and w.head != i:
                self.children[w.head].append(i)
        self.mentions = sorted(
            (m.start, m.end, e.id) for e in doc.entities for m in (*e.mentions, *e.coref_mentions)
        )
        self._mention_starts = [m[0] for m in self.mentions]
        self.types = {e.id: e.type for e in doc.entities}

    def phrase(self, head: int) -> tuple[int, int]:
        """Character span of the phrase a word heads (its dependents, minus clauses and punctuation)."""
        lo, hi = self.spans[head]
        stack = [head]
        seen = 0
        while stack and seen < _MAX_PHRASE_WORDS:
            i = stack.pop()
            seen += 1
            s, e = self.spans[i]
            lo, hi = min(lo, s), max(hi, e)
            stack += [c for c in self.children[i] if self.words[c].rel not in _NOT_IN_PHRASE
                      and self.sentence[c] == self.sentence[head]]
        return lo, hi

    def covering(self, i: int) -> tuple[str, str] | None:
        """(entity id, type) of the mention that covers word i, if any."""
        ws, we = self.spans[i]
        j = bisect_right(self._mention_starts, ws)
        for k in range(j - 1, max(j - 8, -1), -1):  # mentions are short: look back a few
            s, e, ent = self.mentions[k]
            if s <= ws and e >= we:
                return ent, self.types.get(ent, "")
        return None

    def entity(self, head: int) -> str | None:
        """The entity the phrase headed by ``head`` names: the mention over the head word; else a person named in
        the head's own nominal chain (title + name: مراسل بي بي سي، سوتيك بيسواس → the reporter); else the first
        mention in that chain. Prepositional modifiers (… في الكويت، خبراء في الجيش) are not the referent."""
        if not self.mentions:
            return None
        got = self.covering(head)
        if got is not None:
            return got[0]
        chain: list[int] = []
        stack = list(self.children[head])
        while stack and len(chain) < _MAX_PHRASE_WORDS:
            c = stack.pop()
            w = self.words[c]
            if w.rel in _NOT_IN_PHRASE or w.rel == "case" or self.sentence[c] != self.sentence[head]:
                continue
            if any(self.words[g].rel == "case" or (self.words[g].pos == "ADP" and g < c) for g in self.children[c]):
                continue  # a prepositional modifier
            chain.append(c)
            stack += self.children[c]
        found = [m for m in (self.covering(c) for c in sorted(chain)) if m is not None]
        for ent, typ in found:
            if typ == "PER":
                return ent
        return found[0][0] if found else None

    def arg(self, i: int, prep: str | None = None) -> Arg:
        lo, hi = self.phrase(i)
        return Arg(i, lo, hi, self.doc.text[lo:hi], prep, self.entity(i))

    def preposition(self, i: int) -> str | None:
        for c in self.children[i]:
            w = self.words[c]
            if w.rel == "case" or (w.pos == "ADP" and c < i):
                return key(w.form)
        return None


def build_clauses(doc: Document) -> list[Clause]:
    v = _View(doc)
    if not v.words or all(w.rel is None for w in v.words):
        return []
    neg = negation_particles()
    clauses: list[Clause] = []
    index: dict[int, int] = {}
    # predicates: verbs, and any word with a subject or an object
    preds = {i for i, w in enumerate(v.words) if w.pos in ("VERB", "AUX")}
    preds.update(w.head for w in v.words if w.head is not None and (w.rel in SUBJECT_RELS or w.rel in OBJECT_RELS))
    for i in sorted(preds):
        w = v.words[i]
        kids = v.children[i]
        rels = [v.words[c].rel for c in kids]
        s, e = v.spans[i]
        cl = Clause(i, s, e, doc.text[s:e], w.lemma, v.sentence[i])
        for c, r in zip(kids, rels, strict=True):
            cw = v.words[c]
            if r in SUBJECT_RELS and cl.subject is None:
                cl.subject = v.arg(c)
            elif r in OBJECT_RELS:
                cl.objects.append(v.arg(c))
            elif r == "nmod" and cw.pos in NOMINAL:
                cl.obliques.append(v.arg(c, v.preposition(c)))
            elif r in COMPLEMENT_RELS:
                cl.complements.append(v.arg(c))
            if r in PASSIVE_RELS:
                cl.passive = True
            if r == "neg" or (cw.pos == "PART" and key(cw.form) in neg):
                cl.negated = True
        if not cl.negated and i > 0 and v.sentence[i - 1] == v.sentence[i] and key(v.words[i - 1].form) in neg:
            cl.negated = True
        index[i] = len(clauses)
        clauses.append(cl)
    for cl in clauses:
        w = v.words[cl.predicate]
        if w.rel == "conj" and w.head is not None and w.head in index:
            cl.coordinated_with = index[w.head]
    return clauses


def clauses_stage(doc: Document) -> None:
    doc.clauses = build_clauses(doc)
