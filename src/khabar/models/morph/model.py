"""Runtime morphological analyser: clitic segmentation, UPOS tagging and lemmatisation.

Lookup-first design, so that news (which repeats its words) runs fast in pure Python:

1. **Segmentation** — a dictionary of surface tokens seen in the labelled data (most frequent split), then
   for unseen tokens a rule model over proclitics (و ف ب ل ك س) and enclitic pronouns that only splits when
   the stem is much more frequent on its own in 15M words of news than the whole token (so بوتين, بايدن stay
   whole but وبايدن, لبوتين split).
2. **UPOS** — a greedy averaged perceptron: per-word lexical features (form, affixes, position among the
   clitics) are scored once per distinct token and cached; context features (previous two tags, previous
   and next word, next word's lexical guess) are added per occurrence.
3. **Lemma** — the most frequent lemma of (form, tag) in the labelled data, else a suffix/prefix edit script
   chosen by (tag, affixes).

Every word form that is a substring of the token keeps its character offsets; restored forms (the article in
لل…, ة written ت before a pronoun) have none.
"""

from __future__ import annotations

import gc
import gzip
import json
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from khabar.memo import Memo
from khabar.resources import package_file

MODEL_PATH = package_file("models", "morph", "morph.json.gz")

DIACRITICS = _DIAC = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_KEY_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
                            **{chr(0x0660 + i): str(i) for i in range(10)},
                            **{chr(0x06F0 + i): str(i) for i in range(10)}})
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_DIGIT = re.compile(r"^[0-9٠-٩۰-۹.,٫٬%]+$")
_PUNCT = re.compile(r"^[^\w\s]+$")
_LETTERS = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")

_NOMINAL = frozenset({"NOUN", "ADJ", "X", "PROPN"})
_KEEP_AL = frozenset({"X", "PROPN"})  # names keep their article in the lemma (PADT: القرموطي → القرموطي)
PRO_LETTERS = "وفبلكس"
# Longest first. Second-person and "me/my" pronouns (ك كم كما كن ني ي) are rare in news and look like word
# endings (هلاك، تمليك، ثاني), so only the lexicon splits them.
ENCLITICS = ("هما", "هم", "هن", "ها", "نا", "ه")
ENC_SET = frozenset(ENCLITICS) | {"ي"}


_KEYS: dict[str, str] = {}


def key(s: str) -> str:
    """Lookup key: diacritics/tatweel off, alef variants → ا, ى → ي, digits → ASCII (memoised: news repeats)."""
    k = _KEYS.get(s)
    if k is None:
        k = _DIAC.sub("", s).translate(_KEY_TABLE)
        if len(_KEYS) < 1_000_000 and len(s) < 64:
            _KEYS[s] = k
    return k


def plain(s: str) -> str:
    """Diacritics/tatweel off only (hamza kept): the orthography of word forms and lemmas."""
    return _DIAC.sub("", s).replace("ٱ", "ا")


# A piece is (a, b, prepend, strip, append, role): the word's form is prepend + surface[a:b-strip] + append.
Piece = tuple[int, int, str, int, str, str]


def piece_form(surface: str, p: Piece) -> str:
    a, b, pre, k, suf, _role = p
    return pre + surface[a : b - k] + suf


# ----------------------------------------------------------------------------------------------- features
def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n < 3 else "2" if n < 20 else "3" if n < 200 else "4"


def paradigm_features(k: str, freq: dict[str, int]) -> list[str]:
    """How the word behaves in unlabelled news: takes the article? a future/imperfect prefix? (nominal vs verbal)."""
    bare = k[2:] if k.startswith("ال") and len(k) > 3 else k
    g = freq.get
    f_bare, f_al = g(bare, 0), g("ال" + bare, 0)
    out = ["fq=" + _bucket(g(k, 0)), "al=" + _bucket(f_al) + _bucket(f_bare)]
    if bare[:1] in "يتنا":
        out.append("sa=" + _bucket(g("س" + bare, 0)) + _bucket(g("ل" + bare, 0)))
    out.append("hum=" + _bucket(g(bare + "هم", 0) + g(bare + "ها", 0)))
    out.append("at=" + _bucket(g(bare + "ات", 0) + g(bare[:-1] + "ات", 0) if bare.endswith("ة") else g(bare + "ت", 0)))
    return out


def static_features(form: str, role: str, before: str, has_enc: bool, freq: dict[str, int] | None = None,
                    newstag: dict[str, str] | None = None, clusters: dict[str, str] | None = None) -> list[str]:
    """Lexical features of one word: its form, affixes and where it sits among the token's clitics."""
    k = key(form)
    f = ["bias", "w=" + k, "s1=" + k[-1:], "s2=" + k[-2:], "s3=" + k[-3:], "p1=" + k[:1], "p2=" + k[:2],
         "r=" + role, "b=" + before, "l=" + str(min(len(k), 9))]
    if role == "stem":
        f.append("rb=" + before + "|" + k[-2:])
        if len(k) > 4:
            # longer affixes and the imperfect-prefix/plural-suffix frame of verbs (يـ…ون, تـ…ان)
            f.extend(("s4=" + k[-4:], "p3=" + k[:3], "fr=" + k[:1] + "|" + k[-2:]))
        if k.startswith("ال"):
            f.append("al|" + k[-2:])
            f.append("al|" + k[-1:])
        if has_enc:
            f.append("enc|" + k[-1:])
    if not _LETTERS.match(k):
        if _DIGIT.match(k):
            f.append("digit")
        elif _PUNCT.match(k):
            f.append("punct")
        elif not _ARABIC.search(k):
            f.append("foreign")
    elif freq is not None and role == "stem":
        f.extend(paradigm_features(k, freq))
        if newstag is not None:
            f.append("nt=" + newstag.get(k, "?"))
        if clusters:
            f.extend(cluster_features(k, clusters))
    return f


def cluster_features(k: str, clusters: dict[str, str]) -> list[str]:
    """Distributional class of the word in unlabelled news (names, nouns and verbs fall in different clusters)."""
    c = clusters.get(k)
    tag = "c"
    if c is None and k.startswith("ال") and len(k) > 3:
        c, tag = clusters.get(k[2:]), "cb"
    if c is None:
        return ["c=none"]
    parts = c.split(".")
    return [tag + "1=" + parts[0], tag + "2=" + ".".join(parts[:2]), tag + "3=" + c]


def word_class(k: str, pw: str) -> str:
    """Ending + article of this word + article of the previous one (definiteness agreement: ADJ vs NOUN)."""
    return k[-2:] + ("+" if k.startswith("ال") else "-") + ("+" if pw.startswith("ال") else "-")


def neighbour_cluster(k: str, clusters: dict[str, str] | None, levels: int = 2) -> str | None:
    """The cluster of a neighbouring word, as a context feature value (None: no clusters in the model)."""
    if not clusters:
        return None
    c = clusters.get(k)
    return ".".join(c.split(".")[:levels]) if c else "-"


def context_features(t1: str, t2: str, pw: str, nw: str, ng: str, s2: str) -> list[str]:
    return ["t1=" + t1, "t12=" + t1 + t2, "pw=" + pw, "nw=" + nw, "ng=" + ng, "t1s=" + t1 + s2, "t1ng=" + t1 + ng]


# ------------------------------------------------------------------------------------------------- model
# A score per tag. Cached analyses hold tuples, not lists: the cyclic garbage collector stops tracking a tuple
# of floats or strings after one look, while every list in the (large, long-lived) caches would be rescanned at
# each older-generation collection.
Vec = Sequence[float]


@dataclass(slots=True)
class Analysis:
    """The cached, context-free part of one token's analysis (tuples throughout: see :data:`Vec`)."""

    pieces: tuple[Piece, ...]
    forms: tuple[str, ...]
    keys: tuple[str, ...]
    static: tuple[Vec, ...]  # per word, a score per tag
    guess: tuple[str, ...]  # per word, the best tag without context
    stem: int  # index of the word that carries the token's pos/lemma
    as_prev: tuple[Vec, ...]  # per word, the weights its form contributes to the next word ("pw=")
    as_next: tuple[Vec, ...]  # … and to the previous word ("nw=" + "ng=")
    sure: tuple[bool, ...]  # the lexical score alone wins by a margin no context has overturned in training data
    simple: bool = False  # one word, the token itself (nothing prepended, stripped or appended)


class MorphModel:
    def __init__(self, data: dict[str, Any]) -> None:
        self.tags: list[str] = data["tags"]
        self.seg_exact: dict[str, list[list[Any]]] = data["seg_exact"]
        self.seg_key: dict[str, list[list[Any]]] = data["seg_key"]
        self.freq: dict[str, int] = data["freq"]
        self.lemma_lex: dict[str, str] = data["lemma_lex"]
        self.lemma_key: dict[str, str] = data["lemma_key"]
        self.lemma_rules: dict[str, list[Any]] = data["lemma_rules"]
        self.lemma_any: dict[str, str] = data.get("lemma_any", {})
        self.params: dict[str, float] = data.get("params", {})
        # majority tag of each frequent word over unlabelled news, as tagged by a first-round model
        self.newstag: dict[str, str] | None = data.get("newstag")
        self.clusters: dict[str, str] | None = data.get("clusters")
        n = len(self.tags)
        # sparse {tag index: weight} → dense lists, so that scoring is list arithmetic
        self.weights: dict[str, list[float]] = {}
        for feat, sparse in data["weights"].items():
            vec = [0.0] * n
            for i, w in sparse.items():
                vec[int(i)] = w
            self.weights[feat] = vec
        # the same weights as one matrix (feature → row), for summing a word's static features in one call
        self._row: dict[str, int] = {feat: r for r, feat in enumerate(self.weights)}
        self._matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(len(self.weights), n)
        # per-token memo tables, bounded by memory (khabar.memo); entry sizes measured by bench/cache_sizes.py
        self._cache: Memo[str, Analysis] = Memo("morph.analysis", 3900, 0.30)
        self._lemma_cache: Memo[tuple[str, str], str] = Memo("morph.lemma", 250, 0.03)
        self._att_cache: Memo[str, int] = Memo("morph.attested", 150, 0.02)
        self._script_cache: Memo[tuple[str, str, str, int], tuple[tuple[int, str, int, str, float], ...]] = Memo(
            "morph.lemma_scripts", 1000, 0.03)
        self.split_ratio = float(self.params.get("split_ratio", 2.0))
        self.min_stem_freq = int(self.params.get("min_stem_freq", 5))
        self.doc_weight = int(self.params.get("doc_weight", 50))
        self.sure_margin = float(self.params.get("sure_margin", 1e9))
        self.lemma_attest = float(self.params.get("lemma_attest", 0.0))
        self.al_boost = float(self.params.get("al_boost", 1.0))
        self.lemma_beta = float(self.params.get("lemma_beta", 0.0))
        self.lemma_pool = int(self.params.get("lemma_pool", 0))
        self.strip_unknown_name_al = int(self.params.get("strip_unknown_name_al", 1))
        self.weak_verbs = int(self.params.get("weak_verbs", 0))
        self._zero = [0.0] * n
        self._pair: dict[tuple[str, str], Vec] = {}  # tag pairs: bounded by the tag set
        self._tri: Memo[tuple[str, str, str], Vec] = Memo("morph.tag_trigrams", 800, 0.03)
        self._cands: Memo[str, tuple[str, Sequence[tuple[Sequence[Piece], str, float]]]] = Memo(
            "morph.candidates", 1000, 0.05)
        self._guess_cache: Memo[tuple[str, int], Analysis] = Memo("morph.guess", 3900, 0.05)
        self._word_cache: Memo[tuple[str, str, str, bool], tuple[Vec, str, bool, Vec, Vec]] = (
            Memo("morph.words", 2000, 0.04))

    # -------------------------------------------------------------------------------- segmentation
    def lookup_segmentation(self, s: str) -> list[Piece] | None:
        """The segmentation learned for a token seen in the labelled data (``s`` without diacritics)."""
        hit = self.seg_exact.get(s)
        if hit is None:
            hit = self.seg_key.get(key(s))
        if hit is None:
            return None
        if not hit:
            return [(0, len(s), "", 0, "", "stem")]
        return [tuple(p) for p in hit]  # type: ignore[misc]

    def _f(self, s: str) -> int:
        return self.freq.get(key(s), 0)

    def candidates(self, s: str) -> tuple[str, list[tuple[list[Piece], str, float]]]:
        """Possible clitic splits of an unseen token: (whole key, [(pieces, stem key, prior score)])."""
        n = len(s)
        out: list[tuple[list[Piece], str, float]] = []
        if n < 3 or not _LETTERS.match(s):
            return key(s), out
        for pro in self._proclitic_options(s):
            plen = len(pro)
            for enc in ("",) + ENCLITICS:
                if not pro and not enc:
                    continue
                if enc and not s.endswith(enc):
                    continue
                a, b = plen, n - len(enc)
                if b - a < 2:
                    continue
                stem = s[a:b]
                if enc and stem.startswith("ال"):
                    continue  # the article and a pronoun suffix never share a word
                pre = ""
                if pro.endswith("ل") and stem.startswith("ل") and not enc and self._f("ال" + stem[1:]) > self._f(stem):
                    pre = "ا"  # lil-: the article's alef was dropped
                k, suf = 0, ""
                cand = pre + stem
                if enc and stem.endswith("ت") and self._f(stem[:-1] + "ة") > self._f(stem):
                    k, suf, cand = 1, "ة", stem[:-1] + "ة"  # ة is written ت before a pronoun
                pieces: list[Piece] = [(i, i + 1, "", 0, "", "pro") for i in range(plen)]
                pieces.append((a, b, pre, k, suf, "stem"))
                if enc:
                    pieces.append((b, n, "", 0, "", "enc"))
                divisor = 1.0 + (plen + (1 if enc else 0) - 1) * 0.5
                if plen and cand.startswith("ال"):
                    divisor /= self.al_boost  # و/ف/ب/ك/ل + the article: almost always two words
                known_bonus = 1000.0 if self._known(cand) else 0.0
                out.append((pieces, key(cand), known_bonus / divisor if known_bonus else -divisor))
        return key(s), out

    def decide(self, whole: str, cands: Sequence[tuple[Sequence[Piece], str, float]],
               doc_freq: dict[str, int] | None) -> int:
        """Index of the chosen split, -1 for none: the stem must be much more frequent alone than the token.
        One sense per discourse: words standing alone in this very article count ``doc_weight`` times."""
        if not cands:
            return -1
        doc = doc_freq or {}
        dw = self.doc_weight
        g = self.freq.get
        # the token's other occurrences in the article (a name repeated whole) argue against splitting
        best, best_score = -1, g(whole, 0) * self.split_ratio + dw * max(doc.get(whole, 0) - 1, 0)
        for i, (_pieces, stem, prior) in enumerate(cands):
            freq = g(stem, 0) + dw * doc.get(stem, 0)
            if prior > 0:
                score = max(float(freq), prior)
            else:
                if freq < self.min_stem_freq:
                    continue
                score = freq / -prior
            if score > best_score:
                best, best_score = i, score
        return best

    def _known(self, s: str) -> bool:
        return s in self.seg_exact or key(s) in self.seg_key

    @staticmethod
    def _proclitic_options(s: str) -> list[str]:
        opts = [""]
        first = s[0]
        if first in "وف":
            opts.append(first)
            if len(s) > 3 and s[1] in "بلكس":
                opts.append(s[:2])
        elif first in "بلكس":
            opts.append(first)
        # future سـ only before an imperfect prefix
        return [o for o in opts if not o.endswith("س") or (len(s) > len(o) and s[len(o)] in "يتنأ")]

    # ------------------------------------------------------------------------------------ analysis
    def analyse(self, surface: str, doc_freq: dict[str, int] | None = None) -> Analysis:
        """Context-free analysis of one token. For tokens unseen in the labelled data the clitic decision
        depends on the article's own word counts (``doc_freq``); every outcome is cached."""
        hit = self._cache.get(surface)
        if hit is not None:
            return hit
        base = plain(surface)
        if not base:  # only diacritics/tatweel
            return self.analyse_whole(surface)
        pieces = self.lookup_segmentation(base)
        if pieces is not None:
            return self._finish(surface, base, pieces, surface)
        cand = self._cands.get(base)
        if cand is None:
            whole, splits = self.candidates(base)
            cand = self._cands.put(base, (whole, tuple((tuple(p), stem, prior) for p, stem, prior in splits)))
        choice = self.decide(cand[0], cand[1], doc_freq)
        ck = (surface, choice)
        hit = self._guess_cache.get(ck)
        if hit is not None:
            return hit
        chosen: Sequence[Piece] = cand[1][choice][0] if choice >= 0 else [(0, len(base), "", 0, "", "stem")]
        return self._guess_cache.put(ck, self._finish(surface, base, chosen, None))

    def cached_analysis(self, surface: str) -> Analysis | None:
        """The analysis of a token analysed before (those of tokens seen in the labelled data never depend on
        the article), else None."""
        return self._cache.get(surface)

    def segment(self, surface: str, doc_freq: dict[str, int] | None = None) -> Sequence[Piece]:
        return self.analyse(surface, doc_freq).pieces

    def analyse_whole(self, surface: str) -> Analysis:
        """A token that is never split (punctuation, numbers, Latin words)."""
        hit = self._cache.get(surface)
        if hit is not None and len(hit.forms) == 1:
            return hit
        return self._finish(surface, surface, [(0, len(surface), "", 0, "", "stem")], surface)

    def _finish(self, surface: str, base: str, pieces: Sequence[Piece], cache_key: str | None) -> Analysis:
        forms = tuple([piece_form(base, p) for p in pieces] or [surface])
        keys = tuple([key(f) for f in forms])
        static: list[Vec] = []
        guess: list[str] = []
        sure: list[bool] = []
        as_prev: list[Vec] = []
        as_next: list[Vec] = []
        has_enc = any(p[5] == "enc" for p in pieces)
        words = self._word_cache
        for i, form in enumerate(forms):
            role = pieces[i][5] if pieces else "stem"
            before = forms[i - 1] if i and pieces[i - 1][5] == "pro" else ""
            wk = (form, role, before, has_enc and role == "stem")
            got = words.get(wk)
            if got is None:
                got = words.put(wk, self._word_scores(form, keys[i], role, before, wk[3]))
            vec, gs, su, pv, nx = got
            static.append(vec)
            guess.append(gs)
            sure.append(su)
            as_prev.append(pv)
            as_next.append(nx)
        stem = next((i for i, p in enumerate(pieces) if p[5] == "stem"), 0)
        simple = len(pieces) == 1 and not (pieces[0][2] or pieces[0][3] or pieces[0][4])
        ana = Analysis(tuple(pieces), forms, keys, tuple(static), tuple(guess), stem, tuple(as_prev), tuple(as_next),
                       tuple(sure), simple)
        if cache_key is not None:
            self._cache.put(cache_key, ana)
        return ana

    def _word_scores(self, form: str, k: str, role: str, before: str,
                     enc: bool) -> tuple[Vec, str, bool, Vec, Vec]:
        """What one word of an analysis contributes, a pure function of its form and place among the token's
        clitics (cached in ``_word_cache``: new tokens mostly split into words seen before): its static tag
        scores, best static tag, whether that tag is sure, and its scores as the previous / next word."""
        wg = self.weights.get
        rows = [r for r in map(self._row.get, static_features(form, role, before, enc, self.freq, self.newstag,
                                                            self.clusters)) if r is not None]
        # rows added in feature order, one after another (numpy reduces along the first axis sequentially), so
        # the sums are the very floats of a left-to-right Python sum
        vec: tuple[float, ...] = (tuple(np.add.reduce(self._matrix.take(rows, axis=0), axis=0).tolist()) if rows
                                  else (0.0,) * len(self.tags))
        top = max(vec)
        gs = self.tags[vec.index(top)]
        su = top - sorted(vec)[-2] > self.sure_margin
        zero = self._zero
        a: Vec = wg("nw=" + k, zero)
        b: Vec = wg("ng=" + gs, zero)
        pv: Vec = wg("pw=" + k, zero)
        nc = neighbour_cluster(k, self.clusters)
        if nc is not None:
            b = self._add(b, wg("nc=" + nc, zero))
            pv = self._add(pv, wg("pc=" + nc, zero))
        return vec, gs, su, pv, self._add(a, b)

    def lemma(self, form: str, tag: str) -> str:
        ck = (form, tag)
        hit = self._lemma_cache.get(ck)
        if hit is not None:
            return hit
        lem = self.lemma_lex.get(form + "\t" + tag)
        if lem is None:
            lem = self.lemma_key.get(key(form) + "\t" + tag)
        if lem is None and tag not in ("PUNCT", "NUM", "SYM"):
            lem = self.lemma_any.get(key(form))  # a known form under another tag: its lemma rarely changes
        if lem is None:
            lem = self._lemma_by_rule(form, tag)
        return self._lemma_cache.put(ck, lem)

    def _lemma_by_rule(self, form: str, tag: str) -> str:
        if tag in ("PUNCT", "NUM", "SYM") or not _ARABIC.search(form):
            return form
        # PADT keeps the article in the lemmas of the names it tags X (القرموطي); for names the labelled data has
        # not seen, the article goes (الكرملين → كرملين), so that later stages match a name with or without it
        keep_al = tag in _KEEP_AL and not self.strip_unknown_name_al
        base = form[2:] if form.startswith("ال") and len(form) > 3 and not keep_al else form
        # rules that know the first letter (an imperfect prefix or not) before the ones that do not; the longest
        # known ending first. With ``lemma_pool`` the candidates of every matching rule are pooled (weighted by
        # the length of the ending they know), so that a rare but right edit (غزت → غزا) can win on attestation.
        ck = (tag, base[:1], base[-4:], min(len(base), 12))
        scripts = self._script_cache.get(ck)
        if scripts is None:
            scripts = self._script_cache.put(ck, tuple(self._rule_scripts(tag, base)))
        support: dict[str, float] = {}
        attested = self._attested
        nominal, verb = tag in _NOMINAL, tag == "VERB"
        min_attest = self.lemma_attest * attested(base) if nominal else 0.0
        for p, add, k, suf, w in scripts:
            core = base[p:]
            out = add + (core[: len(core) - k] if k else core) + suf
            if out != base and nominal and attested(out) < min_attest:
                out = base  # a name that merely looks inflected (الكرملين is not a plural of كرمل)
            elif verb and not attested(out) and attested("ا" + out):
                out = "ا" + out  # derived forms VII/VIII/X: يتفق → اتفق
            support[out] = support.get(out, 0.0) + w
        if not support:
            return base
        # the rule's support, times how often the result is written in news (غزت → غزا, not غز)
        beta = self.lemma_beta
        best = max(support, key=lambda o: support[o] * (1.0 + attested(o)) ** beta) if len(support) > 1 else next(iter(support))
        if tag == "VERB" and len(best) == 2 and self.weak_verbs:
            best = self._weak_verb(best)
        return best

    def _rule_scripts(self, tag: str, base: str) -> list[tuple[int, str, int, str, float]]:
        """The edit scripts that apply to ``base`` with their weights. They depend only on the tag, the first
        letter, the last four letters and the length, so they are cached by those."""
        out: list[tuple[int, str, int, str, float]] = []
        used = 0  # the first ``lemma_pool`` matching rules are pooled (at least one)
        for first in (base[:1], ""):
            for n in (4, 3, 2, 1, 0):
                if n > len(base):
                    continue
                rules = self.lemma_rules.get(tag + "\t" + first + "\t" + base[len(base) - n :])
                if rules is None:
                    continue
                if rules and not isinstance(rules[0], list):
                    rules = [[*rules, 1]]  # a model file from before rule alternatives
                total = sum(r[4] for r in rules)
                found = False
                for p, add, k, suf, count in rules:
                    if k > len(base) - p - 1:
                        continue
                    found = True
                    out.append((p, add, k, suf, count / total * (n + 1 + (2 if first else 0)) if self.lemma_pool > 1
                                else count))
                if found:
                    used += 1
                    if used >= self.lemma_pool:
                        return out
        return out

    def _weak_verb(self, stem: str) -> str:
        """Defective verbs lose their final letter before a suffix (غزت, رمت): restore ا or ى when news writes
        that form as a word far more often than the bare two letters and rarely with the article (not a noun)."""
        g = self.freq.get
        f_stem = g(key(stem), 0)
        best, best_f = stem, 0
        for end in ("ا", "ى"):
            k = key(stem + end)
            f = g(k, 0)
            if f > 2 * f_stem and g("ال" + k, 0) * 2 < f and f > best_f:
                best, best_f = stem + end, f
        return best

    def _attested(self, w: str) -> int:
        n = self._att_cache.get(w)
        if n is None:
            k = _DIAC.sub("", w).translate(_KEY_TABLE)
            n = self._att_cache.put(w, self.freq.get(k, 0) + self.freq.get("ال" + k, 0))
        return n

    def _pair_vec(self, t1: str, t2: str) -> Vec:
        wg, zero = self.weights.get, self._zero
        vec = self._add(wg("t1=" + t1, zero), wg("t12=" + t1 + t2, zero))
        self._pair[(t1, t2)] = vec
        return vec

    def _tri_vec(self, t1: str, s2: str, ng: str) -> Vec:
        wg, zero = self.weights.get, self._zero
        return self._tri.put((t1, s2, ng), self._add(wg("t1s=" + t1 + s2, zero), wg("t1ng=" + t1 + ng, zero)))

    def tag_sequence(self, analyses: list[Analysis]) -> list[list[str]]:
        """Greedy left-to-right tagging over the words of consecutive tokens (see :func:`context_features`)."""
        flat = [(a, i) for a in analyses for i in range(len(a.forms))]
        out: list[list[str]] = [[""] * len(a.forms) for a in analyses]
        owner = [ti for ti, a in enumerate(analyses) for _ in a.forms]
        tags = self.tags
        pair, tri = self._pair, self._tri
        end_next = self._add(self.weights.get("nw=</s>", self._zero), self.weights.get("ng=</s>", self._zero))
        prev_vec: Vec = self.weights.get("pw=<s>", self._zero)
        t1 = t2 = prev_key = "<s>"
        n = len(flat)
        for j in range(n):
            ana, i = flat[j]
            if ana.sure[i]:
                tag = ana.guess[i]
                out[owner[j]][i] = tag
                t2, t1, prev_vec, prev_key = t1, tag, ana.as_prev[i], ana.keys[i]
                continue
            if j + 1 < n:
                na, ni = flat[j + 1]
                next_vec, ng = na.as_next[ni], na.guess[ni]
            else:
                next_vec, ng = end_next, "</s>"
            s2 = word_class(ana.keys[i], prev_key)
            pv = pair.get((t1, t2)) or self._pair_vec(t1, t2)
            tv = tri.get((t1, s2, ng)) or self._tri_vec(t1, s2, ng)
            vec = [a + b + c + d + e for a, b, c, d, e in zip(ana.static[i], pv, tv, prev_vec, next_vec)]  # noqa: B905
            tag = tags[vec.index(max(vec))]
            out[owner[j]][i] = tag
            t2, t1, prev_vec, prev_key = t1, tag, ana.as_prev[i], ana.keys[i]
        return out

    @staticmethod
    def _add(a: Vec, b: Vec) -> tuple[float, ...]:
        if len(a) != len(b):
            raise ValueError(f"score vectors of {len(a)} and {len(b)} tags")
        return tuple(map(operator.add, a, b))


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> MorphModel:
    from khabar.models.files import model_file

    p = Path(path) if path else MODEL_PATH
    with model_file(p), gzip.open(p, "rt", encoding="utf-8") as fh:
        model = MorphModel(json.load(fh))
    gc.freeze()  # the model's dicts live for the whole process: keep them out of every collection
    return model
