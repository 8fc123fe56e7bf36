"""Dependency-parse features of a trigger for the event detector (issue 11).

The parse layer (``doc.tokens[*].words``: UD relation and head of every syntactic word) says what the trigger word
is in its sentence: the main predicate, the object of a reporting verb, a noun in a genitive chain, an adjective …;
whether it has a subject (and what kind of entity that is), an object or a negation; and which words govern it
(a reporting verb, a modal, a "remembrance" noun). These are names only; the detector learns their weights.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from khabar.document import Document, Word
from khabar.extract.eventcoder.lexicon import nkey

if TYPE_CHECKING:
    from khabar.extract.eventcoder.coder import Coder

CONTENT = ("VERB", "NOUN", "ADJ", "PROPN", "X")
SUBJECT_RELS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_RELS = frozenset({"dobj", "iobj"})
ANCESTOR_DEPTH = 4  # governing words looked at, upwards from the trigger
ANCESTOR_ROLES = frozenset({"speech", "neg", "hyp", "fut", "modal", "background", "stat", "genre", "intent", "when"})


class ParseView:
    """Words of one document with their character spans, children and the entity type over each word."""

    def __init__(self, doc: Document) -> None:
        self.words: list[Word] = []
        self.spans: list[tuple[int, int]] = []
        for tok in doc.tokens:
            for w in tok.words:
                self.words.append(w)
                self.spans.append((w.start, w.end) if w.start is not None and w.end is not None
                                  else (tok.start, tok.end))
        self.parsed = any(w.rel is not None for w in self.words)
        self.starts = [s for s, _ in self.spans]
        self.children: dict[int, list[int]] = {}  # only words that have dependents (no list per word: cheaper)
        for i, w in enumerate(self.words):
            if w.head is not None and 0 <= w.head < len(self.words) and w.head != i:
                self.children.setdefault(w.head, []).append(i)
        ments = sorted((m.start, m.end, e.type) for e in doc.entities for m in (*e.mentions, *e.coref_mentions))
        self.ment_starts = [m[0] for m in ments]
        self.ments = ments

    def word_at(self, start: int, end: int) -> int | None:
        """The content word inside the character span [start, end) (a clitic preposition or article is skipped)."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        idx = [k for k in range(lo, hi) if self.spans[k][1] <= end or self.spans[k][0] < end]
        if not idx:
            k = bisect_right(self.starts, start) - 1
            return k if k >= 0 and self.spans[k][1] > start else None
        best = [k for k in idx if (self.words[k].pos or "") in CONTENT]
        return (best or idx)[-1] if not best else best[0]

    def ent_type(self, k: int) -> str:
        s, e = self.spans[k]
        j = bisect_right(self.ment_starts, s)
        for m in range(j - 1, max(j - 8, -1), -1):
            ms, me, typ = self.ments[m]
            if ms <= s and me >= e:
                return typ
        return ""

    def features(self, coder: Coder, start: int, end: int, ev: str) -> list[str]:
        if not self.parsed:
            return []
        k = self.word_at(start, end)
        if k is None:
            return []
        w = self.words[k]
        rel = w.rel or "-"
        out = [f"dep_rel={rel}", f"dep_rel={ev}:{rel}", f"dep_pos={w.pos or '-'}"]
        head = w.head if w.head is not None and 0 <= w.head < len(self.words) and w.head != k else None
        if head is not None:
            hw = self.words[head]
            out.append(f"dep_head_pos={hw.pos or '-'}")
            out.append(f"dep_path={rel}>{hw.rel or '-'}")
            if (hw.pos or "") in CONTENT:
                out.append(f"dep_head={nkey(hw.lemma or hw.form)}")
        kids = self.children.get(k, [])
        for c in kids:
            cw = self.words[c]
            r = cw.rel or "-"
            if r in ("punct", "case", "cc", "det"):
                continue
            out.append(f"dep_child={r}")
            if r in SUBJECT_RELS:
                out.append(f"dep_subj={self.ent_type(c) or (cw.pos or '-')}")
            elif r in OBJECT_RELS:
                out.append(f"dep_obj={self.ent_type(c) or (cw.pos or '-')}")
            elif r == "neg":
                out.append("dep_neg")
        # governing words: a reporting verb, a modal or a remembrance noun above the trigger
        anc = head
        for depth in range(ANCESTOR_DEPTH):
            if anc is None:
                break
            aw = self.words[anc]
            for role in coder.roles_of(nkey(aw.form)) & ANCESTOR_ROLES:
                out.append(f"dep_anc={role}")
                if depth == 0:
                    out.append(f"dep_head_role={role}")
            nxt = aw.head
            anc = nxt if nxt is not None and 0 <= nxt < len(self.words) and nxt != anc else None
        return sorted(set(out))


class LazyParseView:
    """A :class:`ParseView` built on the first trigger that needs it (most sentences have none)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.view: ParseView | None = None

    def features(self, coder: Coder, start: int, end: int, ev: str) -> list[str]:
        if self.view is None:
            self.view = ParseView(self.doc)
        return self.view.features(coder, start, end, ev)
