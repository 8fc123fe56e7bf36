"""A first-order graph-based dependency parser with numpy-vectorised arc scoring.

Every arc (head h → dependent d) of a sentence is scored at once: each feature template combines an integer code
of the head side (form, lemma, UPOS, word cluster, context tags …) with one of the dependent side and a code of
the pair (direction, signed distance bucket, what lies between, same surface token), hashed into one weight
table. A sentence costs a few numpy operations over a ``templates × (n+1) × n`` integer array — no per-arc
Python — and the tree is the maximum spanning arborescence (Chu-Liu-Edmonds, one root). Relations come from a
second linear classifier over the chosen arcs. Weights are trained with an averaged perceptron
(:mod:`khabar.models.parse.train`); the model file is a compressed ``.npz`` shipped in the package.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from khabar.models.morph.model import key
from khabar.resources import package_file

MODEL_PATH = package_file("models", "parse", "parse.npz")

# Integer ids 0-3 of every vocabulary are reserved.
PAD, UNK, ROOT, NONE = 0, 1, 2, 3

# word attributes, one row each in the per-sentence attribute matrix
ATTRS = ("F", "L", "P", "C1", "C2", "C3", "S", "D", "Pm1", "Pp1", "Fm1", "Fp1", "K", "Dp1", "Sp1", "C2p1", "Lp1")
_A = {name: i for i, name in enumerate(ATTRS)}

# (head attributes, dependent attributes, pair code) per arc template. Pair codes: "dd" signed distance bucket,
# "dir" direction, "btw" direction + verbs/punctuation/conjunctions between (bucketed), "tok" same surface token
# + distance, "none".
ARC_TEMPLATES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("P",), ("P",), "dd"),
    (("P",), ("P",), "btw"),
    (("P",), ("P",), "tok"),
    (("F", "P"), ("P",), "dir"),
    (("P",), ("F", "P"), "dir"),
    (("F",), ("F",), "dir"),
    (("L",), ("L",), "dir"),
    (("F", "P"), ("F", "P"), "none"),
    (("P", "Pp1"), ("Pm1", "P"), "dir"),
    (("Pm1", "P"), ("Pm1", "P"), "dir"),
    (("P", "Pp1"), ("P", "Pp1"), "dir"),
    (("Pm1", "P"), ("P", "Pp1"), "dir"),
    (("F", "P"), (), "dd"),
    ((), ("F", "P"), "dd"),
    (("L",), ("P",), "dir"),
    (("P",), ("L",), "dir"),
    (("C2",), ("C2",), "dir"),
    (("C1",), ("P",), "dd"),
    (("P",), ("C1",), "dd"),
    (("C3",), ("P",), "dir"),
    (("P",), ("C3",), "dir"),
    (("P", "S", "D"), ("P", "S", "D"), "dir"),
    (("P", "D"), ("P", "D"), "dd"),
    (("P",), ("P", "Fm1"), "dir"),
    (("P", "Fm1"), ("P",), "dir"),
    (("P",), ("P", "Fp1"), "dir"),
    (("P", "K"), ("P", "K"), "dd"),
    (("L",), ("C2",), "dir"),
    (("C2",), ("L",), "dir"),
    # coordination: a conjunction attaches to the first conjunct, which resembles the word after it
    (("P", "D"), ("F", "Pp1", "Dp1"), "dir"),
    # prepositional attachment: head lemma × the preposition before the dependent
    (("L",), ("P", "Fm1"), "dir"),
    (("P",), ("P", "Fm1"), "dd"),
)

# the pruner scores every pair with these few templates and keeps each word's best candidate heads
PRUNE_TEMPLATES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("P",), ("P",), "tok"),
    (("P",), ("P",), "btw"),
    (("P", "Pp1"), ("Pm1", "P"), "dir"),
    (("P", "D"), ("P", "D"), "dd"),
)

# per-dependent templates of the relation classifier: attributes of the dependent (d:), its head (h:), the arc
# (dd/dir) and the dependent's first preposition-like child (c:F)
LABEL_TEMPLATES: tuple[tuple[str, ...], ...] = (
    ("d:P",),
    ("d:P", "h:P", "dir"),
    ("d:P", "h:P", "dd"),
    ("d:F",),
    ("d:L", "h:P"),
    ("d:F", "h:P", "dir"),
    ("h:F", "d:P"),
    ("h:L", "d:P", "dir"),
    ("d:P", "d:Pm1", "h:P"),
    ("d:P", "d:Pp1", "h:P"),
    ("d:P", "c:F"),
    ("d:P", "c:F", "h:P"),
    ("d:C2", "h:P"),
    ("d:S", "d:D", "h:P", "dir"),
    ("d:P", "h:P", "tok"),
    ("d:P", "h:P", "hh:P"),
    ("d:P", "nl"),
    ("d:P", "h:P", "d:Fm1"),
    ("d:C3", "dir"),
    ("h:C3", "d:P", "dir"),
)

_M1 = np.int64(0x9E3779B1)
_M2 = np.int64(0x85EBCA77)
_M3 = np.int64(0xC2B2AE3D)


def mix(a: np.ndarray, b: np.ndarray | int) -> np.ndarray:
    """Combine two int64 codes into one (wrapping multiply-xor; collisions only cost a little accuracy)."""
    return (a * _M1) ^ (np.asarray(b, dtype=np.int64) + _M2)


def _dist_bucket(d: np.ndarray) -> np.ndarray:
    a = np.abs(d)
    b = np.where(a <= 5, a, np.where(a <= 10, 6, np.where(a <= 20, 7, 8)))
    return np.where(d < 0, -b, b) + 8


def _small(c: np.ndarray) -> np.ndarray:
    return np.minimum(c, 2)


_DIST_TABLE = _dist_bucket(np.arange(-512, 513))


@dataclass(slots=True)
class SentenceInput:
    """Per-word attribute codes of one sentence (column 0 = ROOT), shape ``(len(ATTRS), n + 1)``, and what the
    pair codes need: surface-token ids and running counts of verbs / punctuation / coordinators."""

    attrs: np.ndarray
    toks: np.ndarray  # (n+1,) surface token of each word (-1 for ROOT)
    cum: np.ndarray  # (3, n+2): cum[k, i] = count of tag k among words [0, i)
    adp: np.ndarray  # (n+1,) word is a preposition

    @property
    def size(self) -> int:
        return self.attrs.shape[1]


_MAXD = 512  # _DIST_TABLE covers differences in [-_MAXD, _MAXD]


def pair_codes(x: SentenceInput, hh: np.ndarray, dd: np.ndarray,
               needed: frozenset[str] = frozenset({"dd", "dir", "btw", "tok"})) -> dict[str, np.ndarray]:
    """Codes of arcs given as index arrays (any shape): direction, signed distance bucket, what lies between,
    same surface token. Only the ``needed`` ones are computed."""
    out: dict[str, np.ndarray] = {}
    diff = dd - hh
    direc = np.sign(diff) + 1  # cheap next to the rest; "btw" needs it too
    if "dir" in needed or "btw" in needed:
        out["dir"] = direc
    if "dd" in needed or "tok" in needed:
        out["dd"] = _DIST_TABLE[np.clip(diff, -_MAXD, _MAXD) + _MAXD]
    if "btw" in needed:
        lo = np.minimum(hh, dd) + 1
        hi = np.maximum(hh, dd)
        between = np.zeros(hh.shape, dtype=np.int64)
        for k, mult in enumerate((1, 3, 9)):
            c = x.cum[k]
            between += mult * np.minimum(np.maximum(c[hi] - c[lo], 0), 2)
        out["btw"] = between * 3 + direc
    if "tok" in needed:
        out["tok"] = (x.toks[hh] == x.toks[dd]) * 20 + out["dd"]
    return out


class Vocab:
    """String → int for one attribute; 0-3 reserved (PAD, UNK, ROOT, NONE)."""

    def __init__(self, items: list[str] | None = None) -> None:
        self.ids: dict[str, int] = {}
        for s in items or []:
            self.ids[s] = len(self.ids) + 4

    def add(self, s: str) -> int:
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids) + 4
        return i

    def get(self, s: str) -> int:
        return self.ids.get(s, UNK)

    def items(self) -> list[str]:
        return sorted(self.ids, key=self.ids.__getitem__)


@dataclass(slots=True)
class ParseWord:
    """What the parser reads of one word."""

    form: str
    lemma: str
    pos: str
    token: int  # index of its surface token within the sentence


def _suffix(k: str) -> str:
    return k[-2:] if len(k) > 2 else k


class Featurizer:
    """Turns words into attribute codes using the model's vocabularies and the morph model's word clusters."""

    def __init__(self, vocabs: dict[str, Vocab], clusters: dict[str, str] | None, grow: bool = False) -> None:
        self.vocabs = vocabs
        self.clusters = clusters or {}
        self.grow = grow
        self._cache: dict[tuple[str, str, str], tuple[int, ...]] = {}

    def _id(self, name: str, s: str) -> int:
        v = self.vocabs[name]
        return v.add(s) if self.grow else v.get(s)

    def word_codes(self, w: ParseWord) -> tuple[int, ...]:
        ck = (w.form, w.lemma, w.pos)
        got = self._cache.get(ck)
        if got is not None:
            return got
        k = key(w.form)
        c = self.clusters.get(k)
        if c is None and k.startswith("ال") and len(k) > 3:
            c = self.clusters.get(k[2:])
        parts = c.split(".") if c else ["-", "-", "-"]
        codes = (
            self._id("F", k),
            self._id("L", key(w.lemma) if w.lemma else k),
            self._id("P", w.pos or "X"),
            self._id("C", "1:" + parts[0]),
            self._id("C", "2:" + ".".join(parts[:2])),
            self._id("C", "3:" + ".".join(parts)),
            self._id("S", _suffix(k)),
            1 + (k.startswith("ال") or k.startswith("لل")),
        )
        if not self.grow and len(self._cache) < 200_000:
            self._cache[ck] = codes
        return codes

    def sentence(self, words: list[ParseWord]) -> SentenceInput:
        return self.document([words])[0]

    def document(self, sentences: list[list[ParseWord]]) -> tuple[SentenceInput, np.ndarray, np.ndarray]:
        """All sentences side by side, each behind its own ROOT column: the input, the ROOT column of each
        sentence and each column's sentence-local index (0 = ROOT)."""
        sizes = np.array([len(ws) + 1 for ws in sentences], dtype=np.int64)
        cols = int(sizes.sum())
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        is_root = np.zeros(cols, dtype=bool)
        is_root[starts] = True
        local = np.arange(cols) - np.repeat(starts, sizes)
        a = np.zeros((len(ATTRS), cols), dtype=np.int64)
        a[:8, is_root] = np.array([ROOT, ROOT, ROOT, ROOT, ROOT, ROOT, ROOT, 0])[:, None]
        words = [w for ws in sentences for w in ws]
        if words:
            a[:8, ~is_root] = np.array([self.word_codes(w) for w in words], dtype=np.int64).T
        # neighbours inside the sentence: the word before the first is ROOT, after the last is PAD
        nxt_ok = np.zeros(cols, dtype=bool)
        nxt_ok[:-1] = ~is_root[1:]
        for src, before, after in (("P", "Pm1", "Pp1"), ("F", "Fm1", "Fp1"), ("D", None, "Dp1"),
                                   ("S", None, "Sp1"), ("C2", None, "C2p1"), ("L", None, "Lp1")):
            row = a[_A[src]]
            if before is not None:
                a[_A[before], 1:] = row[:-1]
                a[_A[before], is_root] = PAD
            a[_A[after], :-1] = row[1:]
            a[_A[after], ~nxt_ok] = PAD
        # surface tokens, unique over the document; ROOT columns get ids that match nothing
        toks = np.full(cols, -1, dtype=np.int64)
        if words:
            tok_local = np.array([w.token for w in words], dtype=np.int64)
            sent_of = np.repeat(np.arange(len(sentences)), sizes - 1)
            toks[~is_root] = tok_local + sent_of * 100_000
        toks[is_root] = -1 - np.arange(len(sentences))
        # K: the word's place in its surface token (alone, first of several, inside, last)
        same_prev = np.zeros(cols, dtype=bool)
        same_next = np.zeros(cols, dtype=bool)
        same_prev[1:] = toks[1:] == toks[:-1]
        same_next[:-1] = toks[:-1] == toks[1:]
        a[_A["K"]] = 1 + same_prev + 2 * same_next
        pv = self.vocabs["P"]
        pos = a[_A["P"]]
        cum = np.zeros((3, cols + 1), dtype=np.int64)
        for k, tag in enumerate(("VERB", "PUNCT", "CCONJ")):
            cum[k, 1:] = np.cumsum(pos == pv.get(tag))
        return SentenceInput(a, toks, cum, pos == pv.get("ADP")), starts, local


def _side(attrs: np.ndarray, names: tuple[str, ...], t: int) -> np.ndarray:
    code = np.full(attrs.shape[1], t + 1, dtype=np.int64)
    for name in names:
        code = mix(code, attrs[_A[name]])
    return code


_PAIR_TYPES = ("dd", "dir", "btw", "tok", "none")


class Templates:
    """A compiled list of arc templates: per-word side codes once, then one broadcast sum per pair-code group."""

    def __init__(self, templates: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...], salt: int) -> None:
        self.templates = templates
        rng = np.random.default_rng(salt)
        n = len(templates)
        groups = [(p, [t for t, tpl in enumerate(templates) if tpl[2] == p]) for p in _PAIR_TYPES]
        # templates are laid out grouped by pair code, so each group is a contiguous slice of the id array (the
        # order of the template axis does not matter: scores sum over it)
        self.order = np.array([t for _p, ts in groups for t in ts])
        self.groups: list[tuple[str, slice]] = []
        at = 0
        for p, ts in groups:
            if ts:
                self.groups.append((p, slice(at, at + len(ts))))
                at += len(ts)
        # odd multipliers spread each part before the parts are added (modulo a power of two)
        self.hmul = (rng.integers(1, 1 << 62, size=(n, 1)) | 1).astype(np.int64)
        self.dmul = (rng.integers(1, 1 << 62, size=(n, 1)) | 1).astype(np.int64)
        self.pmul = {p: int(rng.integers(1, 1 << 30)) | 1 for p in _PAIR_TYPES}
        self.salt = salt
        self.needed = frozenset(p for p, _idx in self.groups if p != "none")

    def __len__(self) -> int:
        return len(self.templates)

    def sides(self, attrs: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
        """Head-side and dependent-side codes ``(templates, words)`` reduced modulo ``size`` (a power of two, so
        the sum of reduced parts, reduced again, is the hash of the whole). Columns of many sentences at once."""
        h = np.stack([_side(attrs, hn, t + self.salt) for t, (hn, _d, _p) in enumerate(self.templates)])
        d = np.stack([_side(attrs, dn, t + self.salt + 101) for t, (_h, dn, _p) in enumerate(self.templates)])
        mask = size - 1
        h = ((h * self.hmul) & mask).astype(np.int32)[self.order]
        d = ((d * self.dmul) & mask).astype(np.int32)[self.order]
        return h, d

    def ids(self, x: SentenceInput, sides: tuple[np.ndarray, np.ndarray], hh: np.ndarray, dd: np.ndarray,
            size: int) -> np.ndarray:
        """Feature ids ``(templates, *hh.shape)`` of the arcs hh[i] → dd[i] (int32)."""
        h, d = sides
        mask = size - 1
        pcs = pair_codes(x, hh, dd, self.needed)
        ids = np.empty((len(self.templates), *hh.shape), dtype=np.int32)
        for p, sl in self.groups:
            block = ids[sl]
            np.add(h[sl][:, hh], d[sl][:, dd], out=block)
            if p != "none":
                block += ((pcs[p] * self.pmul[p]) & mask).astype(np.int32)
            block &= mask
        return ids

    def scores(self, x: SentenceInput, sides: tuple[np.ndarray, np.ndarray], hh: np.ndarray, dd: np.ndarray,
               weights: np.ndarray) -> np.ndarray:
        """``weights[self.ids(…)].sum(axis=0)`` bit for bit (the rows are added in the same order, as numpy's
        axis-0 sum does) but one template row at a time: no ``templates × arcs`` id and weight arrays, whose
        size made the gather and the sum memory-bound."""
        h, d = sides
        mask = len(weights) - 1
        pcs = pair_codes(x, hh, dd, self.needed)
        acc: np.ndarray | None = None
        row = np.empty(hh.shape, dtype=np.int32)
        for p, sl in self.groups:
            pc = ((pcs[p] * self.pmul[p]) & mask).astype(np.int32) if p != "none" else None
            for t in range(sl.start, sl.stop):
                np.add(h[t].take(hh), d[t].take(dd), out=row)
                if pc is not None:
                    row += pc
                row &= mask
                if acc is None:
                    acc = weights.take(row)
                else:
                    acc += weights.take(row)
        if acc is None:
            return np.zeros(hh.shape, dtype=weights.dtype)
        return acc


ARC = Templates(ARC_TEMPLATES, 0)
PRUNE = Templates(PRUNE_TEMPLATES, 1000)


def window_candidates(x: SentenceInput, o: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate heads without scoring: ROOT, every word within ``width`` and every verb of the sentence, and any
    word for punctuation. Sentence-local index arrays (heads, deps)."""
    verb = np.diff(x.cum[0, o : o + m + 1]) > 0
    punct = np.diff(x.cum[1, o : o + m + 1]) > 0
    idx = np.arange(m)
    near = np.abs(idx[:, None] - idx[None, :]) <= width
    mask = near | verb[:, None] | punct[None, :]  # punctuation may hang anywhere
    mask[0, :] = True
    np.fill_diagonal(mask, False)
    mask[:, 0] = False
    hh, dd = np.nonzero(mask)
    return hh, dd


def dense_pairs(m: int) -> tuple[np.ndarray, np.ndarray]:
    hh, dd = np.meshgrid(np.arange(m), np.arange(m), indexing="ij")
    return hh, dd


def candidates(prune_scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best heads of every word by the pruner, plus ROOT: index arrays (heads, deps), shape (k+1, n)."""
    m = prune_scores.shape[0]
    s = prune_scores[:, 1:].copy()
    s[np.arange(1, m), np.arange(m - 1)] = -np.inf  # no self-attachment
    k = min(k, m - 1)
    top = np.argpartition(-s, k - 1, axis=0)[:k] if k < m - 1 else np.broadcast_to(np.arange(m)[:, None], (m, m - 1))
    deps = np.broadcast_to(np.arange(1, m)[None, :], (top.shape[0] + 1, m - 1))
    heads = np.concatenate([np.zeros((1, m - 1), dtype=np.int64), top])
    return heads, deps


def label_feature_ids(x: SentenceInput, heads: np.ndarray, size: int, deps: np.ndarray | None = None) -> np.ndarray:
    """Hashed relation-classifier feature ids of the words ``deps`` (default: columns 1…n of one sentence),
    shape ``(len(deps), len(LABEL_TEMPLATES))``. ``heads`` holds a head column for every column (ROOT: itself)."""
    attrs = x.attrs
    cols = attrs.shape[1]
    if deps is None:
        deps = np.arange(1, cols)
    hs = heads[deps]
    hh = heads[hs]  # grandparent (ROOT's "head" is ROOT itself)
    # the form of each word's leftmost preposition child (في، على، ضد … decide nmod/obl-like relations)
    child_f = np.full(cols, NONE, dtype=np.int64)
    left = deps < hs
    n_left = np.bincount(hs[left], minlength=cols)
    prep = left & x.adp[deps]
    # assigning right-to-left leaves the leftmost preposition in place
    child_f[hs[prep][::-1]] = attrs[_A["F"], deps[prep][::-1]]
    pcs = pair_codes(x, hs, deps)
    get = {
        "dir": pcs["dir"],
        "dd": pcs["dd"],
        "tok": pcs["tok"],
        "nl": np.minimum(n_left[deps], 3),
        "c:F": child_f[deps],
    }
    out = np.empty((len(deps), len(LABEL_TEMPLATES)), dtype=np.int64)
    for t, names in enumerate(LABEL_TEMPLATES):
        code = np.full(len(deps), t + 7, dtype=np.int64)
        for name in names:
            if name in get:
                v = get[name]
            else:
                who, attr = name.split(":")
                row = attrs[_A[attr]]
                v = row[deps] if who == "d" else row[hs] if who == "h" else row[hh]
            code = mix(code, v)
        out[:, t] = code
    out &= size - 1
    return out


# ------------------------------------------------------------------------------------------------ decoding
def _find_cycles(heads: list[int]) -> list[list[int]]:
    """Every cycle of a head assignment (node 0 is the root and in none)."""
    n = len(heads)
    color = [0] * n
    color[0] = 2
    cycles = []
    for start in range(1, n):
        if color[start]:
            continue
        path = []
        v = start
        while color[v] == 0:
            color[v] = 1
            path.append(v)
            v = heads[v]
        if color[v] == 1:
            cycles.append(path[path.index(v):])
        for u in path:
            color[u] = 2
    return cycles


def _find_cycle(heads_arr: np.ndarray) -> list[int] | None:
    cycles = _find_cycles(heads_arr.tolist())
    return cycles[0] if cycles else None


def chu_liu_edmonds(scores: np.ndarray) -> np.ndarray:
    """Maximum spanning arborescence rooted at 0. ``scores[h, d]``; returns heads (heads[0] = 0)."""
    s = scores.astype(np.float64)  # a copy
    np.fill_diagonal(s, -np.inf)
    s[:, 0] = -np.inf
    return _cle(s)


def _cle(s: np.ndarray) -> np.ndarray:
    """Chu-Liu-Edmonds contracting every cycle of the greedy graph at once (few levels even when the greedy
    choice has many small cycles)."""
    n = s.shape[0]
    greedy = s.argmax(axis=0)
    greedy[0] = 0
    heads = greedy.tolist()
    cycles = _find_cycles(heads)
    if not cycles:
        return greedy
    in_cycle = np.zeros(n, dtype=bool)
    for c in cycles:
        in_cycle[c] = True
    # arcs into a cycle node count what they gain over the cycle arc they replace
    a = s - np.where(in_cycle, s[greedy, np.arange(n)], 0.0)[None, :]
    groups = [[v] for v in range(n) if not in_cycle[v]] + cycles  # group 0 is the root
    order = np.fromiter((v for g in groups for v in g), dtype=np.int64, count=n)
    sizes = np.array([len(g) for g in groups])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    p = a[order][:, order]
    sub = np.maximum.reduceat(np.maximum.reduceat(p, starts, axis=0), starts, axis=1)
    np.fill_diagonal(sub, -np.inf)
    sub[:, 0] = -np.inf
    sub_heads = _cle(sub)
    result = greedy.tolist()
    sh = sub_heads.tolist()
    for g in range(1, len(groups)):
        src = groups[sh[g]]
        dst = groups[g]
        if len(dst) == 1 and len(src) == 1:
            result[dst[0]] = src[0]
            continue
        block = a[src][:, dst]
        u, v = divmod(int(block.argmax()), len(dst))
        result[dst[v]] = src[u]
    result[0] = 0
    return np.asarray(result, dtype=np.int64)


def decode(scores: np.ndarray) -> np.ndarray:
    """Best tree with exactly one word attached to ROOT.

    The unconstrained maximum arborescence usually has one root already; otherwise the root word whose removal
    would cost most stays and the others are forbidden from attaching to ROOT (repeated while needed). A last
    resort lowers every root arc by the same large constant, which makes the optimum single-rooted."""
    s = scores
    for _ in range(3):
        heads = chu_liu_edmonds(s)
        roots = np.flatnonzero(heads[1:] == 0) + 1
        if len(roots) <= 1:
            return heads
        alt = s[1:, roots].max(axis=0)
        keep = roots[np.argmax(s[0, roots] - alt)]
        s = s.copy() if s is scores else s
        s[0, roots[roots != keep]] = -np.inf
    s = scores.astype(np.float64)
    s[0, :] -= 1e6
    return chu_liu_edmonds(s)


def decode_greedy(hh: np.ndarray, dd: np.ndarray, arc_scores: np.ndarray, m: int) -> np.ndarray:
    """A tree from candidate arcs taken best-first: an arc is kept when its dependent has no head yet, it closes
    no cycle and, for ROOT, no word is on ROOT yet. Linear in the number of candidates (no contraction steps);
    a word left without a head goes under the root word. Heads array of length m (heads[0] = 0)."""
    order = np.argsort(-arc_scores, kind="stable")
    return greedy_tree(hh[order].tolist(), dd[order].tolist(), m)


def greedy_tree(hs: list[int], ds: list[int], m: int) -> np.ndarray:
    """:func:`decode_greedy` over arcs already sorted best-first (``hs[i] → ds[i]``)."""
    heads = [-1] * m
    heads[0] = 0
    root_word = 0
    left = m - 1
    for h, d in zip(hs, ds, strict=True):
        if heads[d] >= 0 or h == d:
            continue
        if h == 0:
            if root_word:
                continue
            heads[d] = 0
            root_word = d
        else:
            u = h  # a cycle closes iff d is above h
            while u > 0 and u != d:
                u = heads[u]
            if u == d:
                continue
            heads[d] = h
        left -= 1
        if left == 0:
            break
    if left:
        for d in range(1, m):
            if heads[d] < 0:
                if not root_word:
                    heads[d] = 0
                    root_word = d
                else:
                    heads[d] = root_word
    return np.asarray(heads, dtype=np.int64)


# --------------------------------------------------------------------------------------------- the model
class ParseModel:
    def __init__(self, arc_w: np.ndarray, prune_w: np.ndarray, lab_w: np.ndarray, labels: list[str],
                 vocabs: dict[str, Vocab], meta: dict[str, Any] | None = None,
                 clusters: dict[str, str] | None = None) -> None:
        self.arc_w = arc_w
        self.prune_w = prune_w
        self.lab_w = lab_w
        self.labels = labels
        self.vocabs = vocabs
        self.meta = meta or {}
        self.k = int(self.meta.get("k", 8))
        self.decoder = str(self.meta.get("decoder", "mst"))
        self.window = int(self.meta.get("window", 0))  # > 0: window candidates instead of the pruner
        self.featurizer = Featurizer(vocabs, clusters)

    def parse(self, words: list[ParseWord]) -> tuple[list[int], list[str]]:
        """Heads (1-based, 0 = root) and relations of one sentence."""
        return self.parse_many([words])[0]

    def arc_scores(self, x: SentenceInput, prune_sides: tuple[np.ndarray, np.ndarray],
                   arc_sides: tuple[np.ndarray, np.ndarray],
                   gold: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Score matrix [head, dep] over the pruner's candidate arcs (others -1e9), with the candidate arrays and
        their feature ids. ``gold`` (training) is added to the candidates."""
        m = x.size
        if self.window:
            hh, dd = window_candidates(x, 0, m, self.window)
            if gold is not None:
                hh = np.concatenate([hh, gold[1:]])
                dd = np.concatenate([dd, np.arange(1, m)])
        else:
            ph, pd = dense_pairs(m)
            pscores = self.prune_w[PRUNE.ids(x, prune_sides, ph, pd, len(self.prune_w))].sum(axis=0)
            hh, dd = candidates(pscores, self.k)
            if gold is not None:
                hh = np.concatenate([hh, gold[None, 1:]])
                dd = np.concatenate([dd, dd[:1]])
        ids = ARC.ids(x, arc_sides, hh, dd, len(self.arc_w))
        scores = np.full((m, m), -1e9)
        scores[hh, dd] = self.arc_w[ids].sum(axis=0)
        return scores, hh, dd, ids

    def parse_many(self, sentences: list[list[ParseWord]]) -> list[tuple[list[int], list[str]]]:
        """Parse several sentences (a document) with one feature pass over all of them; only the tree search
        runs sentence by sentence."""
        if not any(sentences):
            return [([], []) for _ in sentences]
        x, starts, _local = self.featurizer.document(sentences)
        sizes = [len(ws) + 1 for ws in sentences]
        psize, asize = len(self.prune_w), len(self.arc_w)
        psides = PRUNE.sides(x.attrs, psize) if not self.window else (np.empty(0), np.empty(0))
        asides = ARC.sides(x.attrs, asize)
        if not self.window:
            # pruner over every pair of every sentence at once
            ph = np.concatenate([(o + np.repeat(np.arange(m), m)) for o, m in zip(starts, sizes, strict=True)])
            pd = np.concatenate([(o + np.tile(np.arange(m), m)) for o, m in zip(starts, sizes, strict=True)])
            pscores = self.prune_w[PRUNE.ids(x, psides, ph, pd, psize)].sum(axis=0)
        cand_h, cand_d, spans = [], [], []
        at = n_c = 0
        for o, m in zip(starts, sizes, strict=True):
            if m == 1:
                at += 1
                spans.append((n_c, n_c))
                continue
            if self.window:
                hh, dd = window_candidates(x, o, m, self.window)
            else:
                block = pscores[at : at + m * m].reshape(m, m)
                at += m * m
                hh, dd = candidates(block, self.k)
            cand_h.append(hh.ravel() + o)
            cand_d.append(dd.ravel() + o)
            spans.append((n_c, n_c + hh.size))
            n_c += hh.size
        hh_all = np.concatenate(cand_h)
        dd_all = np.concatenate(cand_d)
        ascores = ARC.scores(x, asides, hh_all, dd_all, self.arc_w)
        heads_all = np.arange(x.size)  # ROOT columns point to themselves
        if self.decoder == "greedy":
            # one stable sort for the document: by sentence, then best-first (the order of a stable per-sentence
            # argsort of -score); then lists sliced per sentence
            counts = [c1 - c0 for c0, c1 in spans]
            sent = np.repeat(np.arange(len(spans)), counts)
            order = np.lexsort((-ascores, sent))
            # the sort keeps each sentence's arcs in its own span, so the span's ROOT column is subtracted there
            off = np.repeat(starts, counts)
            hs_sorted = (hh_all[order] - off).tolist()
            ds_sorted = (dd_all[order] - off).tolist()
        for o, m, (c0, c1) in zip(starts, sizes, spans, strict=True):
            if m == 1:
                continue
            if self.decoder == "greedy":
                heads = greedy_tree(hs_sorted[c0:c1], ds_sorted[c0:c1], m)
            else:
                scores = np.full((m, m), -1e9)
                scores[hh_all[c0:c1] - o, dd_all[c0:c1] - o] = ascores[c0:c1]
                heads = decode(scores)
            heads_all[o + 1 : o + m] = heads[1:] + o
        deps = np.flatnonzero(heads_all != np.arange(x.size))
        lids = label_feature_ids(x, heads_all, self.lab_w.shape[0], deps)
        # one template column at a time, added in the order of the former ``take(…).sum(axis=1)`` (same floats)
        lsum = self.lab_w.take(lids[:, 0], axis=0)
        for t in range(1, lids.shape[1]):
            lsum += self.lab_w.take(lids[:, t], axis=0)
        lab = lsum.argmax(axis=1).tolist()
        labels = self.labels
        out: list[tuple[list[int], list[str]]] = []
        at = 0
        for o, m in zip(starts, sizes, strict=True):
            local_heads = (heads_all[o + 1 : o + m] - o).tolist()
            out.append((local_heads, [labels[i] for i in lab[at : at + m - 1]]))
            at += m - 1
        return out

    def save(self, path: str | Path) -> None:
        nz = np.flatnonzero(self.arc_w)
        pnz = np.flatnonzero(self.prune_w)
        lnz = np.flatnonzero(self.lab_w.any(axis=1))
        header = {"labels": self.labels, "vocabs": {k: v.items() for k, v in self.vocabs.items()},
                  "meta": self.meta, "arc_size": len(self.arc_w), "prune_size": len(self.prune_w),
                  "lab_shape": list(self.lab_w.shape)}
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            header=np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            arc_idx=nz.astype(np.int32), arc_val=self.arc_w[nz].astype(np.float16),
            prune_idx=pnz.astype(np.int32), prune_val=self.prune_w[pnz].astype(np.float16),
            lab_idx=lnz.astype(np.int32), lab_val=self.lab_w[lnz].astype(np.float16),
        )
        Path(path).write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: str | Path, clusters: dict[str, str] | None = None) -> ParseModel:
        with np.load(path) as z:
            header = json.loads(bytes(z["header"]).decode("utf-8"))
            arc_w = np.zeros(header["arc_size"], dtype=np.float32)
            arc_w[z["arc_idx"]] = z["arc_val"]
            prune_w = np.zeros(header["prune_size"], dtype=np.float32)
            prune_w[z["prune_idx"]] = z["prune_val"]
            lab_w = np.zeros(tuple(header["lab_shape"]), dtype=np.float32)
            lab_w[z["lab_idx"]] = z["lab_val"]
        vocabs = {k: Vocab(v) for k, v in header["vocabs"].items()}
        return cls(arc_w, prune_w, lab_w, header["labels"], vocabs, header.get("meta"), clusters)


def new_vocabs() -> dict[str, Vocab]:
    return {name: Vocab() for name in ("F", "L", "P", "C", "S")}


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> ParseModel:
    from khabar.models.morph.model import load_model as load_morph

    return ParseModel.load(Path(path) if path else MODEL_PATH, load_morph().clusters)
