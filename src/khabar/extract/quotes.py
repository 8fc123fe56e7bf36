"""Pipeline stage ``quotes``: who said what — direct, indirect and mixed quotations with speakers.

Lexicon/regex driven and linear: reporting verbs (all inflections, clitics stripped) from
``khabar/data/quotes/reporting_verbs.json``; quotation marks of every style paired per paragraph;
speakers and addressees are entity ids taken from ``doc.entities`` (mentions only, never guessed).

Speaker rules, in order: verb–subject (وقال بيسكوف إن: the first non-oblique mention after the cue,
a PER preferred over an organisation named inside a title such as المتحدث باسم الكرملين); subject–verb
(بيد ان الكرملين قال: the nearest mention before the cue in its clause); otherwise a pronoun or dropped
subject (انه قال، وأضاف) → the most recent speaker. Mentions with a ل prefix (للرئيس بايدن) after the cue
are addressees, as is the object of أبلغ/أخبر/حذر….

Also (all lexicon-driven, data file keys in brackets): a masdar/document noun whose genitive is a name, then
إن/أن (إعلان ماكرون أن، في بيان الوزارة أن) [nominal_cues]; attributions placed after the content — «…، بحسب X»,
«…، كما أكد بيان صادر عن X», «…، حسبما نقلت وسائل الإعلام عن X» (the source after عن speaks; مصادر في X stays
unnamed) [source_markers_after, post_verb_markers, source_of_document]; «ما قالت إنه …»; anaphors resolved by
their head noun (الصحيفة → صحيفة "يوميوري"; الهيئة الإماراتية → the هيئة … بالإمارات) [anaphor_heads]; a dropped
subject takes the latest speaker whose verb agreed in gender (وتابع after وأشارت الصحيفة), and a plural verb
(زعموا) never falls back to one person; content ends before «، فيما/بينما/فإن … قال» [clause_connectors] and
«، كما أكد أن».

Title-only speakers (issue 12): an institution phrase NER missed — a head in construct with its name (رابطة أمهات
المختطفين، هيئة الطيران المدني بالإمارات) or a fixed title (النائب العام السعودي) [institution_heads] — becomes an
entity (``extra.source == "quotes"``) when it speaks, with its name without the head as a later mention
(الأركان التركية); around a named organisation (وكالة الأناضول) the phrase is added to that entity's
coref_mentions instead. A dropped subject first takes the latest clause subject named since the last quote whose
verb agrees in gender; a name in the verb's object (no parsed subject) never speaks.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.document import Arg, Clause, Document, Entity, Quote, Span
from khabar.extract.timex.normtext import N, NormText
from khabar.text.dateline import detect_dateline
from khabar.text.stage import tokenize_text

MAX_TEXT = 2_000_000

_OPENERS = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_SYM = {'"', "'", "＂"}
_TERM = set(".!?؟\n")
_MAX_SENTENCE = 3000  # characters; no news sentence is longer
_SENT_SPECIAL = re.compile("[\n.!?؟\"" + "".join(_OPENERS) + "".join(_OPENERS.values()) + "]")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    raw = resources.files("khabar.data").joinpath("quotes/reporting_verbs.json").read_text(encoding="utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _grammar() -> dict[str, Any]:
    """Affixes and function words (khabar/data/quotes/grammar.json; its ``_about`` gives the format)."""
    raw = resources.files("khabar.data").joinpath("quotes/grammar.json").read_text(encoding="utf-8")
    return json.loads(raw)


class _Lex:
    def __init__(self) -> None:
        lx = _lexicon()
        g = _grammar()
        inf = g["verb_inflection"]
        self.fem_end: tuple[str, ...] = tuple(inf["feminine_endings"])
        self.fem_pl_end: tuple[str, ...] = tuple(inf["feminine_or_plural_endings"])
        self.plural_end: tuple[str, ...] = tuple(inf["plural_endings"])
        self.fem_pres: str = inf["feminine_present_prefix"]
        self.masc_pres: str = inf["masculine_present_prefix"]
        self.verb_prefixes: tuple[str, ...] = tuple(g["verb_prefixes"])
        self.imperfect_only: tuple[str, ...] = tuple(g["imperfect_only_prefix_letters"])
        self.imperfect_initials: tuple[str, ...] = tuple(g["imperfect_initials"])
        self.obj_suffixes: tuple[str, ...] = tuple(g["object_suffixes"])
        self.pron_ha: str = g["pronoun_ha"]
        self.ta_marbuta: tuple[str, ...] = tuple(g["ta_marbuta"])
        la = g["lemma_affixes"]
        self.lemma_prefix_rx: str = la["prefix"]
        self.lemma_suffix_rx: str = la["suffix"]
        self.weak: str = la["weak_letters"]
        self.wasl: str = la["wasl"]
        self.masdar_prefixes: tuple[str, ...] = tuple(g["masdar_prefixes"])
        self.noun_prefixes: tuple[str, ...] = tuple(g["noun_prefixes"])
        self.conj: str = g["conjunction"]
        self.article: str = g["article"]
        self.article_after_prep: tuple[str, ...] = tuple(g["article_after_preposition"])
        self.nisba_end: tuple[str, ...] = tuple(g["nisba_endings"])
        self.fi: str = g["locative_preposition"]
        self.addr_prefixes: tuple[str, ...] = tuple(g["addressee_prefixes"])
        self.addr_titles: frozenset[str] = frozenset(g["addressee_titles_after_l"])
        self.obl_prefixes: tuple[str, ...] = tuple(g["oblique_prefixes"])
        self.obl_word_prefixes: tuple[str, ...] = tuple(g["oblique_word_prefixes"])
        self.appositions: frozenset[str] = frozenset(g["apposition_pronouns"])
        self.relay_lemma: str = N(g["relay_lemma"])
        self.relay_prep: str = g["relay_preposition"]
        self.relay_marker: str = N(g["relay_marker"])
        self.relative_ma: frozenset[str] = frozenset(g["relative_ma"])
        self.what: str = g["what"]
        self.what_forms: frozenset[str] = frozenset(g["what_forms"])
        self.document_prefixes: tuple[str, ...] = tuple(g["document_prefixes"])
        self.statement_preps: frozenset[str] = frozenset(g["statement_prepositions"])
        self.clitic_letters: str = g["clitic_letters"]
        ps = g["participle_shape"]
        self.participle: tuple[str, str, int] = (ps["start"], ps["end"], int(ps["min_len"]))
        self.prep_letters: tuple[str, ...] = tuple(g["preposition_letters"])
        self.nisba_fem: tuple[str, ...] = tuple(g["nisba_feminine"])
        self.nisba_strip: list[str] = list(g["nisba_strip"])
        self.fa_inna: frozenset[str] = frozenset(N(w) for w in g["resumptive_fa_inna"])
        self.auxiliaries: frozenset[str] = frozenset(g["auxiliaries_before_verb"])
        self.non_subject_prefixes: frozenset[str] = frozenset(g["non_subject_prefixes"])
        self.verbs: dict[str, tuple[str, bool, bool]] = {}  # form -> (lemma, addressee_obj, content_obj)
        for lemma, spec in lx["verbs"].items():
            forms: set[str] = set(spec.get("forms", []))
            for p in spec.get("past", []):
                forms |= {p} | {p + suf for suf in inf["past_suffixes"]}
            for st in spec.get("pres", []):
                for pre in inf["present_prefixes"]:
                    forms.add(pre + st)
                forms |= {pre + st + post for pre, post in inf["present_circumfixes"]}
            info = (N(lemma), bool(spec.get("addressee_obj")), bool(spec.get("content_obj")))
            for f in forms:
                self.verbs.setdefault(N(f), info)
        self.lemmas = {v[0]: v for v in self.verbs.values()}
        self.adverbial = {N(w) for w in lx["adverbial"]}
        self.masdar_l = {N(w) for w in lx["masdar_l"]}
        self.comps = {N(w) for w in lx["complementizers"]}
        self.bare_comps = {N(w) for w in lx["bare_complementizers"]}
        self.pron = {N(w) for w in lx["pronoun_subjects"]}
        self.oblique = {N(w) for w in lx["oblique_preps"]}
        self.sources = [N(w) for w in lx["source_markers"]]
        self.relative = {N(w) for w in lx["relative_pronouns"]}
        self.nonsubject = {N(w) for w in lx["non_subject_words"]}
        self.unnamed = {N(w) for w in lx["unnamed_sources"]}
        self.demonstratives = {N(w) for w in lx["demonstratives"]}
        self.documents = {N(w) for w in lx["document_nouns"]}
        self.anaphors = {N(k): v for k, v in lx["anaphoric_nouns"].items()}
        self.nominal = {N(w) for w in lx.get("nominal_cues", [])}
        heads = {N(k): [N(h) for h in v] for k, v in lx.get("anaphor_heads", {}).items()}
        art = self.article
        self.anaphor_heads = {k: heads.get(k, [k[len(art):]] if k.startswith(art) else [k]) for k in self.anaphors}
        self.after_markers = {N(w) for w in lx["source_markers_after"]}
        self.post_verb = {N(w) for w in lx.get("post_verb_markers", [])}
        self.connectors = [N(w).split() for w in lx.get("clause_connectors", [])]
        self.doc_source = {N(w) for w in lx.get("source_of_document", [])}
        inst = lx.get("institution_heads", {})
        self.inst_heads = {N(w) for w in inst.get("construct", [])}
        self.inst_titles = [N(w).split() for w in inst.get("titles", [])]
        self.np_stop = {N(w) for w in inst.get("stop", [])}
        self.inst_first = self.inst_heads | {t[0] for t in self.inst_titles}
        nr = lx.get("not_reports", {})
        self.impersonal = {N(w) for w in nr.get("impersonal", [])}
        self.idioms = {N(k): {N(w) for w in v} for k, v in nr.get("idioms", {}).items()}
        self.questions = {N(w) for w in lx.get("question_words", [])}
        self.generic_sources = {N(w) for w in lx["generic_sources"]}


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


@dataclass(slots=True)
class _Tok:
    ns: int  # normalised offsets
    ne: int
    form: str
    os: int  # original offsets
    oe: int


@dataclass(slots=True)
class _Cue:
    kind: str  # verb, adverbial, masdar
    lemma: str
    addressee_obj: bool
    content_obj: bool
    feminine: bool


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    ent: str
    type: str


@dataclass(slots=True)
class _Marker:
    """Where a cue's content starts: the first complementizer, colon or quotation mark after it."""

    sent_end: int  # normalised end of the cue's sentence
    comp_j: int | None  # token of إن/أن
    colon_j: int | None  # token of ':'
    qopen: tuple[int, int] | None  # normalised (open, close) of the quotation marks
    stop_tok: int  # the token the subject search stops at
    stop_orig: int  # its original offset (the opening mark's, for a quotation)
    window: list[_Mention]  # mentions between the cue and stop_orig

    @property
    def found(self) -> bool:
        return self.comp_j is not None or self.colon_j is not None or self.qopen is not None


def _cue_of(form: str, lemma: str | None, orig: str = "") -> _Cue | None:
    """Is this (normalised) token a reporting cue? Strips و/ف/س/ل prefixes and object pronouns.

    ``orig`` (the surface token) keeps ة apart from the pronoun ه: إشارة/طالبة are nouns, not أشار+ه."""
    lx = _lex()
    cue = _cue_of_form(form, orig)
    if cue is None and lemma:
        # a morph lemma (when the morph stage ran) adds inflections the lexicon lacks, but only when the
        # surface form really is that lemma plus affixes (a lemmatiser error such as يشارك → أشار is refused)
        info = lx.lemmas.get(N(lemma))
        if info and _affixed(form, N(lemma)):
            return _Cue("verb", info[0], info[1], info[2], form.endswith(lx.fem_end))
    return cue


_AFFIXED_CACHE: dict[tuple[str, str], bool] = {}


def _affixed(form: str, lemma: str) -> bool:
    key = (form, lemma)
    if key not in _AFFIXED_CACHE:
        lx = _lex()
        stem = lemma[1:] if lemma.startswith(lx.wasl) and len(lemma) > 3 else lemma
        stem_rx = "".join(f"[{lx.weak}]" if c in lx.weak else re.escape(c) for c in stem)
        rx = lx.lemma_prefix_rx + stem_rx + lx.lemma_suffix_rx
        _AFFIXED_CACHE[key] = re.fullmatch(rx, form) is not None
    return _AFFIXED_CACHE[key]


_FORM_CACHE: dict[tuple[str, bool], _Cue | None] = {}


def _cue_of_form(form: str, orig: str) -> _Cue | None:
    key = (form, orig.endswith(_lex().ta_marbuta))
    if key not in _FORM_CACHE:
        if len(_FORM_CACHE) > 200_000:
            _FORM_CACHE.clear()
        _FORM_CACHE[key] = _cue_of_form_uncached(form, orig)
    return _FORM_CACHE[key]


def _cue_of_form_uncached(form: str, orig: str) -> _Cue | None:
    lx = _lex()
    cands = [form]
    for p in lx.verb_prefixes:
        if form.startswith(p) and len(form) > len(p) + 1:
            rest = form[len(p) :]
            if any(x in p for x in lx.imperfect_only):
                if not rest.startswith(lx.imperfect_initials):
                    continue  # ل/س only go with the imperfect (ليقول، سيقول), never with قال/طالب
            cands.append(rest)
    ta_marbuta = orig.endswith(lx.ta_marbuta)
    for c in list(cands):
        for suf in lx.obj_suffixes:
            if suf == lx.pron_ha and ta_marbuta:
                continue
            if c.endswith(suf) and len(c) > len(suf) + 2:
                cands.append(c[: -len(suf)])
    for c in cands:
        info = lx.verbs.get(c)
        if info:
            # تقول is feminine, but تابع/توقع (past, stem-initial ت) are not: a present form has a ي twin
            fem = c.endswith(lx.fem_end) or (c.startswith(lx.fem_pres) and lx.masc_pres + c[1:] in lx.verbs)
            return _Cue("verb", info[0], info[1], info[2], fem)
    for c in cands[:4]:
        if c in lx.adverbial and not (ta_marbuta and c.endswith(lx.pron_ha) and N(orig[-1:]) != lx.pron_ha):
            return _Cue("adverbial", c, False, False, c.endswith(lx.pron_ha))
    for p in lx.masdar_prefixes:
        if form.startswith(p) and form[len(p) :] in lx.masdar_l:
            return _Cue("masdar", form[len(p) :], True, False, False)
    return None


def _pair_quotes(s: str) -> list[tuple[int, int]]:
    """(open, close) positions of quotation marks, paired per paragraph; an unclosed opener runs to the
    end of its paragraph only if it is followed by a good amount of text (else it is ignored)."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(s)
    while pos < n:
        eol = s.find("\n", pos)
        if eol < 0:
            eol = n
        para_start = pos
        stack: list[tuple[int, str]] = []
        sym_open: dict[str, int] = {}
        for i in range(para_start, eol):
            c = s[i]
            if c in _OPENERS:
                stack.append((i, _OPENERS[c]))
            elif stack and c == stack[-1][1]:
                o, _ = stack.pop()
                out.append((o, i))
            elif c in _SYM:
                if c == "'":
                    # an apostrophe inside a word (O'Brien, transliteration) is not a quotation mark
                    prev = s[i - 1] if i > 0 else " "
                    nxt = s[i + 1] if i + 1 < n else " "
                    if prev.isalnum() and nxt.isalnum():
                        continue
                if c in sym_open:
                    out.append((sym_open.pop(c), i))
                else:
                    sym_open[c] = i
        leftovers = [o for o, _ in stack] + list(sym_open.values())
        for o in leftovers:
            tail = s[o + 1 : eol].strip()
            if len(tail.split()) >= 4:
                out.append((o, eol))
        pos = eol + 1
    out.sort()
    # drop quotes nested inside another (keep the outer one; inner marks make the outer "mixed" only if indirect)
    res: list[tuple[int, int]] = []
    for q in out:
        if res and q[0] < res[-1][1]:
            continue
        res.append(q)
    return res


class _Doc:
    """Per-document working state."""

    def __init__(self, doc: Document) -> None:
        text = doc.text[:MAX_TEXT]
        self.text = text
        self.nt = NormText(text)
        s = self.nt.norm
        self.s = s
        # the shared token layer (tokenised here only for a document that skipped the tokenize stage), seen
        # through the normalised text: each token's normalised form and both offsets
        self.toks: list[_Tok] = []
        self.lemmas: list[str | None] = []
        idx = self.nt.idx
        n_norm = len(s)
        k = 0  # normalised position: tokens come in text order, so one pointer walks the offset map

        def to_norm(orig: int) -> int:
            nonlocal k
            if k > 0 and idx[k - 1] >= orig:
                k = bisect.bisect_left(idx, orig)  # out of order (never for the token layer): search
            while k < n_norm and idx[k] < orig:
                k += 1
            return min(k, n_norm)

        for tok in doc.tokens or tokenize_text(doc.text):
            if tok.start >= len(text):
                break
            a, b = tok.start, min(tok.end, len(text))
            cuts = [(a, a + 1), (a + 1, b)] if tok.kind in ("HASHTAG", "MENTION") and b - a > 1 else [(a, b)]
            for x, y in cuts:  # #باريس: the mark, then the word
                ns, ne = to_norm(x), to_norm(y)
                if ne > ns:  # a token of removed characters only (tatweel, diacritics) has no normalised form
                    self.toks.append(_Tok(ns, ne, s[ns:ne], x, y))
                    self.lemmas.append(tok.lemma if x == a else None)
        self.tok_starts = [t.ns for t in self.toks]
        tok_os = [t.os for t in self.toks]
        ments: list[_Mention] = []
        for e in doc.entities:
            for sp in e.mentions:
                if 0 <= sp.start < sp.end <= len(text):
                    ments.append(_Mention(sp.start, sp.end, e.id, e.type))
            for sp in e.coref_mentions:
                # a title or description (المتحدث باسم الكرملين) helps; a span that holds the verb itself
                # (انه قال) would answer the question for us, so it is left out
                if 0 <= sp.start < sp.end <= len(text) and not any(
                    _cue_of(t.form, None, text[t.os : t.oe])
                    for t in self.toks[bisect.bisect_left(tok_os, sp.start) : bisect.bisect_left(tok_os, sp.end)]
                    if t.form[0].isalnum()
                ):
                    ments.append(_Mention(sp.start, sp.end, e.id, e.type))
        self.virtual: dict[str, list[Span]] = {}  # title-only entities (issue 12), added when one speaks
        self.wider: dict[str, list[Span]] = {}  # entity → institution phrases around its name, added likewise
        ments += self._institution_nps(ments, doc)
        ments.sort(key=lambda m: (m.start, -m.end))
        self.ments = ments
        self.ment_starts = [m.start for m in ments]
        self.quotes = _pair_quotes(s)
        # the clause view (when the parse ran): predicates by the start of their word
        self.clauses = sorted(((cl.start, cl) for cl in doc.clauses), key=lambda x: x[0])
        self.clause_starts = [c[0] for c in self.clauses]
        self.words = doc.words if doc.clauses else []
        self.quote_at = {qa: (qa, qb) for qa, qb in self.quotes}
        self.quote_starts = [qa for qa, _ in self.quotes]

    def _institution_nps(self, ments: list[_Mention], doc: Document) -> list[_Mention]:
        """Speaker phrases NER left out or cut short: an institution head in construct with its name
        (رابطة أمهات المختطفين، هيئة الطيران المدني بالإمارات، جامعة طوكيو الطبية) or a fixed title
        (النائب العام السعودي). One id per distinct phrase; it becomes an entity only if it speaks."""
        lx = _lex()
        toks = self.toks
        n = len(toks)
        spans = {(m.start, m.end) for m in ments}
        at: dict[int, list[_Mention]] = {}
        for m in ments:
            at.setdefault(m.start, []).append(m)
        ment_starts = sorted(at)
        ids: dict[str, str] = {}
        out: list[_Mention] = []
        tails: dict[tuple[str, ...], str] = {}
        taken_until = -1
        for i, t in enumerate(toks):
            if i <= taken_until:
                continue
            f0 = t.form
            if f0 not in lx.inst_first:
                continue
            title = next((tt for tt in lx.inst_titles if tt[0] == f0 and [x.form for x in toks[i : i + len(tt)]] == tt),
                         None)
            if title is not None:
                end, definite = i + len(title) - 1, True
            elif t.form in lx.inst_heads:
                end, definite = i, False
            else:
                continue
            k = end + 1
            while k < n and k - i <= 7:
                f = toks[k].form
                if not f[0].isalpha() or f in lx.np_stop or self.text[toks[k - 1].oe : toks[k].os].strip():
                    break
                if f.startswith(lx.article) and (not definite or _nisba_like(f)):
                    definite = True  # the genitive, then only nisba adjectives (النووي الكويتية, not المواطنين)
                elif definite and f.startswith(lx.article_after_prep) and len(f) > 4:
                    pass
                elif definite and f == lx.fi and k + 1 < n and toks[k + 1].os in at:
                    k += 1
                elif definite or f in lx.comps or f in lx.oblique or _cue_of_form(f, self.text[toks[k].os : toks[k].oe]):
                    break
                end = k
                k += 1
            if end == i:
                continue
            a, b = toks[i].os, toks[end].oe
            lo, hi = bisect.bisect_left(ment_starts, a), bisect.bisect_left(ment_starts, b)
            for ms in ment_starts[lo:hi]:  # a name cut by the phrase's end is taken whole
                b = max([b] + [m.end for m in at[ms]])
            if (a, b) in spans:
                continue
            taken_until = end
            # صحيفة الأهرام، وكالة الأناضول، جامعة طوكيو الطبية: the named organisation itself, the wider
            # phrase kept as one more of its mentions
            named = next((m for m in at.get(a, []) + at.get(toks[i + 1].os, []) if m.type == "ORG" and m.end <= b),
                         None)
            if named is not None:
                self.wider.setdefault(named.ent, []).append(Span(a, b, self.text[a:b]))
                out.append(_Mention(a, b, named.ent, named.type))
                continue
            key = N(self.text[a:b])
            eid = ids.setdefault(key, f"ent_quote_np_{len(ids) + 1}")
            self.virtual.setdefault(eid, []).append(Span(a, b, self.text[a:b]))
            out.append(_Mention(a, b, eid, "ORG"))
            if title is None and end - i >= 2:
                tails.setdefault(tuple(x.form for x in toks[i + 1 : end + 1]), eid)
        # the name without its head names the same body later (رئاسة الأركان التركية … نقلا عن الأركان التركية)
        inside = sorted((m.start, m.end) for m in ments + out)
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for tail, eid in tails.items():
            by_first.setdefault(tail[0], []).append((tail, eid))
        for i in range(n):
            for tail, eid in by_first.get(toks[i].form, ()):
                if tuple(x.form for x in toks[i : i + len(tail)]) != tail or (i > 0 and toks[i - 1].form in lx.inst_heads):
                    continue
                a, b = toks[i].os, toks[i + len(tail) - 1].oe
                k = bisect.bisect_right(inside, (a, len(self.text))) - 1
                if k >= 0 and inside[k][1] > a:
                    continue  # already part of a mention
                self.virtual[eid].append(Span(a, b, self.text[a:b]))
                out.append(_Mention(a, b, eid, "ORG"))
        return out

    # -- helpers --------------------------------------------------------------------------------------

    def clause_at(self, os: int, oe: int) -> Clause | None:
        """The clause whose predicate word lies in the original range [os, oe) (a cue token)."""
        k = bisect.bisect_left(self.clause_starts, os)
        if k < len(self.clauses) and self.clauses[k][0] < oe:
            return self.clauses[k][1]
        return None

    def tok_index(self, npos: int) -> int:
        return bisect.bisect_left(self.tok_starts, npos)

    def mentions_between(self, a: int, b: int) -> list[_Mention]:
        """Mentions starting in original [a, b)."""
        i = bisect.bisect_left(self.ment_starts, a)
        out = []
        while i < len(self.ments) and self.ments[i].start < b:
            if self.ments[i].end <= b + 1:
                out.append(self.ments[i])
            i += 1
        return out

    def word_before(self, orig: int) -> tuple[str, str]:
        """(the token containing/just before ``orig`` as normalised text, the own-prefix part)."""
        ns = self.orig_to_norm(orig)
        j = ns
        while j > 0 and (self.s[j - 1].isalnum() or self.s[j - 1] == "_"):
            j -= 1
        own_prefix = self.s[j:ns]
        k = j
        while k > 0 and self.s[k - 1] == " ":
            k -= 1
        m = k
        while m > 0 and self.s[m - 1].isalnum():
            m -= 1
        return self.s[m:k], own_prefix

    def orig_to_norm(self, orig: int) -> int:
        return min(bisect.bisect_left(self.nt.idx, orig), len(self.s))

    def sentence_end(self, npos: int, hard_stop: int | None = None) -> int:
        """Normalised position of the end of the sentence from ``npos`` (quotation-aware)."""
        s = self.s
        n = len(s) if hard_stop is None else min(len(s), hard_stop)
        n = min(n, npos + _MAX_SENTENCE)  # a run-on «sentence» is cut, so that each cue costs O(1), not O(text)
        in_q: str | None = None
        i = npos
        while i < n:
            m = _SENT_SPECIAL.search(s, i, n)  # jump to the next character that can matter (C speed)
            if m is None:
                return n
            i = m.start()
            c = s[i]
            if c == "\n":
                return i
            if in_q:
                if c == in_q:
                    in_q = None
            elif c in _OPENERS:
                in_q = _OPENERS[c]
            elif c == '"':
                in_q = '"'
            elif c in _TERM and (c != "." or i + 1 >= n or not s[i + 1].isdigit()):
                return i
            i += 1
        return n

    def clause_start(self, npos: int, limit: int = 90) -> int:
        lo = max(0, npos - limit)
        for i in range(npos - 1, lo - 1, -1):
            if self.s[i] in ".!?؟\n،,:؛\"«»“”":
                return i + 1
        return lo

    def span(self, na: int, nb: int) -> Span | None:
        """Original span of normalised [na, nb), trimmed of spaces and edge punctuation."""
        s = self.s
        while na < nb and (s[na].isspace() or s[na] in "،,:؛-–—"):
            na += 1
        while nb > na and (s[nb - 1].isspace() or s[nb - 1] in ".،,:؛!؟?-–—"):
            nb -= 1
        if nb <= na:
            return None
        a, b = self.nt.to_orig(na, nb)
        return Span(a, b, self.text[a:b])


def _word_count(span: Span) -> int:
    """Words in a span made by ``_Doc.span``, which always sets ``text``."""
    return len((span.text or "").split())


def _nisba_like(f: str) -> bool:
    """A definite adjective of relation (الكويتية، النووي، اليمنيين) that may follow an institution's name."""
    return f.endswith(_lex().nisba_end)


def _dateline_end(text: str) -> int | None:
    """End of the dateline when the pipeline ran without the dateline stage (the text layer's detector)."""
    dl = detect_dateline(text)
    return dl.end if dl else None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _is_oblique(d: _Doc, m: _Mention, cue_end_orig: int) -> tuple[bool, bool]:
    """(oblique, addressee) for a mention after a cue: ل-prefixed → addressee; after a preposition → oblique."""
    lx = _lex()
    prev, own = d.word_before(m.start)
    if own in lx.addr_prefixes:
        return True, True
    if prev.startswith(lx.addr_prefixes[1]) or (prev.startswith(lx.addr_prefixes[0]) and prev[1:] in lx.addr_titles):
        return True, True
    if own in lx.obl_prefixes:
        return True, False
    if prev in lx.oblique or prev.startswith(lx.obl_word_prefixes):
        return True, False
    # مستشار للرئيس التركي رجب طيب أردوغان: a name inside a prepositional title is not the subject
    ns = d.orig_to_norm(m.start)
    lo = max(d.orig_to_norm(cue_end_orig), ns - 40)
    k = bisect.bisect_left(d.ment_starts, m.start) - 1
    while k >= 0 and d.ments[k].end > m.start:
        k -= 1
    if k >= 0:
        lo = max(lo, d.orig_to_norm(d.ments[k].end))  # a title ends at the name before it (باسم الكرملين ديمتري …)
    words = d.s[lo:ns].split()[-3:]
    for w in reversed(words):
        if w in ("،", ",") or w.endswith(("،", ",")):
            break
        if w.startswith(lx.addr_prefixes[1]) or w in lx.oblique or w in lx.relative:
            return True, False
    return False, False


class QuoteFinder:
    def __init__(self, doc: Document) -> None:
        self.d = _Doc(doc)
        self.used_comps: set[int] = set()  # complementizer tokens a reporting verb already took
        self.last_speakers: list[str] = []
        self._names_cache: dict[str, str] = {}
        self.gender: dict[str, bool] = {}  # speaker → feminine? (from the latest verb it was the subject of)
        self.sentence_speaker: tuple[int, str] | None = None  # (sentence start, speaker) of the latest quote
        self.last_speaker_at = -1  # original end of the latest quote found from a cue (its cue, or its content)
        self.generic_subject_of = -1  # start of the latest predicate whose subject is a generic source
        self.ent_type = {e.id: e.type for e in doc.entities}
        self.dateline_end = doc.dateline.end if doc.dateline is not None else _dateline_end(doc.text)

    def run(self) -> list[Quote]:
        d = self.d
        lx = _lex()
        out: list[Quote] = []
        claimed: list[tuple[int, int]] = []  # normalised ranges of direct-quote content already attributed
        used_quotes: set[tuple[int, int]] = set()
        consumed: set[int] = set()
        i = 0
        n = len(d.toks)
        while i < n:
            if i in consumed:
                i += 1
                continue
            t = d.toks[i]
            while claimed and claimed[0][1] <= t.ns:
                claimed.pop(0)  # ranges are claimed ahead of the scan, so the ones behind it can go
            if any(a <= t.ns < b for a, b in claimed):
                i += 1
                continue
            cue = _cue_of(t.form, d.lemmas[i], d.text[t.os : t.oe]) if t.form[0].isalpha() else None
            if cue is None:
                nq = self._nominal(i) if t.form[0].isalpha() else None
                if nq is not None:
                    out.append(nq)
                    if nq.speaker:
                        self.last_speakers.append(nq.speaker)
                i += 1
                continue
            q = self._from_cue(i, cue, used_quotes, consumed)
            if q is not None:
                quote, qrange = q
                out.append(quote)
                if quote.type == "direct" and qrange:
                    claimed.append(qrange)
                # a clause inside reported words (even unattributed ones) never gives a dropped subject
                self.last_speaker_at = max(self.last_speaker_at, t.os, quote.content.end)
                if quote.speaker:
                    self.last_speakers.append(quote.speaker)
                    if cue.kind == "verb":
                        self.gender[quote.speaker] = cue.feminine
                    self.sentence_speaker = (self._sentence_start(t.ns), quote.speaker)
            i += 1
        out += self._source_attributions(out)
        out += self._headline_quotes(out)
        # quotation marks with the cue after them ("…"، قال X) or none at all
        ind = sorted((q.content.start, q.content.end) for q in out if q.type != "direct")
        ind_starts = [a for a, _ in ind]
        ind_ends_max: list[int] = []
        for _, b in ind:
            ind_ends_max.append(max(b, ind_ends_max[-1]) if ind_ends_max else b)
        for qa, qb in d.quotes:
            if (qa, qb) in used_quotes:
                continue
            content = d.span(qa + 1, qb)
            if content is None:
                continue
            words = _word_count(content)
            k = bisect.bisect_right(ind_starts, content.start) - 1
            inside_indirect = k >= 0 and content.start < ind_ends_max[k]
            if inside_indirect:
                continue
            if words <= 2 and self._name_like(qa, qb):
                continue  # «"أبل" تكشف عن …»: a quoted name before the verb, not a quotation
            speaker, cue_span = self._after_quote(qb, consumed)
            if cue_span is None:
                if words < 6:
                    continue  # a scare-quoted term, not a quotation
                if not self._sentence_initial(qa):
                    continue
                speaker = self.last_speakers[-1] if self.last_speakers else None
            out.append(Quote("direct", speaker, None, cue_span, content))
            if speaker:
                self.last_speakers.append(speaker)
        out.sort(key=lambda q: q.content.start)
        _ = lx
        return out

    def _headline_quotes(self, found: list[Quote]) -> list[Quote]:
        """A line that opens with a name and a colon («خلفان: …»), the headline style of direct speech."""
        d = self.d
        res: list[Quote] = []
        pos = 0
        for line in d.text.split("\n"):
            a = pos
            pos += len(line) + 1
            head = line[:60]
            k = head.find(":")
            if k <= 0:
                continue
            ments = d.mentions_between(a, a + k)
            speaker: str | None = None
            if not ments and N(line[:k]).split() and all(w in _lex().unnamed for w in N(line[:k]).split()[:1]) \
                    and len(line[:k].split()) == 1:
                pass  # «خبراء: …»: unnamed sources speak, no speaker entity
            elif not ments or ments[0].start - a > 1 or d.text[ments[-1].end : a + k].strip():
                continue
            elif ments[-1].type not in ("PER", "ORG"):
                continue  # «مصر: …» is a topic label far more often than a country speaking
            else:
                speaker = ments[-1].ent
            le = len(line)
            for sep in ("..", "…", " | ", " - ", " – "):
                c = line.find(sep, k + 1)
                if c > 0:
                    le = min(le, c)  # «X: ….. وقطر تنفي …»: a headline joins its parts with ..
            na, nb = d.orig_to_norm(a + k + 1), d.orig_to_norm(a + le)
            content = d.span(na, nb)
            if content is None or _word_count(content) < 3:
                continue
            if any(q.content.start < content.end and content.start < q.content.end for q in found):
                continue
            colon = Span(a + k, a + k + 1, ":")
            res.append(Quote("direct", speaker, None, colon, content))
        return res

    def _source_attributions(self, found: list[Quote]) -> list[Quote]:
        """«…، وفقا لما ذكرته X» / «…، بحسب X»: the clause before the marker is X's report."""
        d = self.d
        res: list[Quote] = []
        lx = _lex()
        markers = lx.after_markers
        by_start = sorted(found, key=lambda q: q.content.start)
        starts = [q.content.start for q in by_start]
        cue_starts = sorted(q.cue.start for q in found if q.cue is not None)
        for j, t in enumerate(d.toks):
            if j == 0:
                continue
            if (t.form in markers or t.form.removeprefix(lx.conj) in markers) and (
                    d.toks[j - 1].form in (".", "\n") or self._sentence_start(t.ns) >= d.toks[j - 1].ne):
                q = self._source_first(j, found)  # «وبحسب ما نقل موقع "فوربس"، فإن …»
                if q is not None:
                    res.append(q)
                continue
            if d.toks[j - 1].form not in ("،", ","):
                if t.form in markers and self._source_closes_sentence(j):
                    vj = j  # «… في العالم بحسب شركة الطاقة الإيطالية "إيني".»
                else:
                    continue
            elif t.form in markers:
                vj = j  # the speaker search starts after the marker
            elif t.form in lx.post_verb and self._post_attribution(j + 1):
                vj = j + 1  # «…، كما أكد بيان صادر عن X» / «…، حسبما أعلنت X»
            else:
                continue
            sent_start = self._sentence_start(t.ns)
            na, nb = sent_start, d.toks[j - 1].ns
            a, b = d.nt.to_orig(na, nb)
            lo = bisect.bisect_left(starts, a - 2000)
            hi = bisect.bisect_right(starts, b)
            near = by_start[lo:hi]  # quotes whose content starts near this clause (a bounded window)
            ci = bisect.bisect_left(cue_starts, a)
            if ci < len(cue_starts) and cue_starts[ci] < b:
                continue  # the clause already has its own reporting verb (وقال بوتين …، وفقا لشريط …)
            content = d.span(na, nb)
            if content is None or _word_count(content) < 4:
                continue
            if any(0 <= content.start - q.content.end <= 40 and "\n" not in d.text[q.content.end : content.start]
                   for q in near):
                continue  # «"…"، التي …، وفقا لما نقلته …» sources the quotation just before it
            if any(_overlap(q.content.start, q.content.end, content.start, content.end) * 2
                   >= min(q.content.end - q.content.start, content.end - content.start) for q in near):
                continue
            speaker = self._attributed_source(vj, t.ns)
            qtype = "mixed" if any(na <= qa and qb <= nb for qa, qb in d.quotes) else "indirect"
            ct = d.toks[vj]  # the cue: the marker (بحسب) or the verb after كما/حسبما
            res.append(Quote(qtype, speaker, None, Span(ct.os, ct.oe, d.text[ct.os : ct.oe]), content))
        return res

    def _source_closes_sentence(self, j: int) -> bool:
        """A source marker with no comma before it (… في العالم بحسب شركة "إيني".): it must name a source — ما،
        a name, a document or an unnamed source right after it — and close its sentence within a few words."""
        d = self.d
        lx = _lex()
        if j + 1 >= len(d.toks) or not d.toks[j - 1].form[0].isalnum():
            return False
        nxt = d.toks[j + 1]
        bare = nxt.form.removeprefix(lx.article)
        names = bool(d.mentions_between(nxt.os, nxt.oe))
        if not (nxt.form in lx.what_forms or names or bare in lx.unnamed or bare in lx.documents
                or nxt.form in lx.documents or nxt.form in lx.inst_heads):
            return False
        se = d.sentence_end(t_ns := d.toks[j].ns, t_ns + 300)
        k = j
        while k < len(d.toks) and d.toks[k].ns < se:
            k += 1
        return k - j <= 10

    def _source_first(self, j: int, found: list[Quote]) -> Quote | None:
        """«وبحسب ما نقل موقع "فوربس"، فإن …» / «ووفقا لـX، …»: a sentence that opens with its source; the rest
        of the sentence after the comma is the source's report."""
        d = self.d
        lx = _lex()
        t = d.toks[j]
        form = t.form[1:] if t.form.startswith(lx.conj) and t.form[1:] in lx.after_markers else t.form
        if form not in lx.after_markers or form == lx.relay_marker:
            return None
        se = d.sentence_end(t.ns, t.ns + 600)
        k = j + 1
        while k < len(d.toks) and k <= j + 14 and d.toks[k].ns < se and d.toks[k].form not in ("،", ","):
            k += 1
        if k >= len(d.toks) or d.toks[k].form not in ("،", ",") or k == j + 1:
            return None
        start = k + 1
        if start < len(d.toks) and d.toks[start].form in lx.fa_inna:
            start += 1
        if start >= len(d.toks):
            return None
        content = d.span(d.toks[start].ns, se)
        if content is None or _word_count(content) < 4:
            return None
        if any(_overlap(q.content.start, q.content.end, content.start, content.end) * 2
               >= min(q.content.end - q.content.start, content.end - content.start) for q in found):
            return None
        speaker = self._attributed_source(j, t.ns)
        qtype = "mixed" if any(content.start <= d.nt.to_orig(qa, qa + 1)[0] and d.nt.to_orig(qb, qb + 1)[0]
                               <= content.end for qa, qb in d.quotes) else "indirect"
        return Quote(qtype, speaker, None, Span(t.os, t.oe, d.text[t.os : t.oe]), content)

    def _post_attribution(self, i: int) -> bool:
        """Is the verb at token ``i`` the «كما أكد X» / «حسبما أعلنت X» of a clause before it? (no إن/أن after)"""
        d = self.d
        lx = _lex()
        if i < 2 or i >= len(d.toks) or d.toks[i - 1].form not in lx.post_verb:
            return False
        if d.toks[i - 2].form not in ("،", ","):
            return False
        t = d.toks[i]
        if not t.form[0].isalpha() or _cue_of(t.form, d.lemmas[i], d.text[t.os : t.oe]) is None:
            return False
        se = d.sentence_end(t.ne, t.ne + 300)
        j = i + 1
        while j < len(d.toks) and d.toks[j].ns < se and j <= i + 14:
            if d.toks[j].form in lx.comps or d.toks[j].form == ":" or d.toks[j].ns in d.quote_at:
                return False
            j += 1
        return True

    def _attributed_source(self, vj: int, npos: int) -> str | None:
        """Speaker of «…، بحسب X» / «…، كما أكد X» (tokens from ``vj`` on): the source after عن (نقلت وسائل
        الإعلام عن X، بيان صادر عن X), else null for an unnamed source (مصادر في الرئاسة), else the first mention."""
        d = self.d
        lx = _lex()
        se = d.sentence_end(npos, npos + 400)
        end_tok = min(vj + 12, len(d.toks) - 1)
        end = min(d.toks[end_tok].oe, d.nt.to_orig(se, se)[0])
        ments = d.mentions_between(d.toks[vj].oe, end)
        for k in range(vj + 1, end_tok + 1):
            if d.toks[k].os >= end:
                break
            if d.toks[k].form == lx.relay_prep:
                after = [m for m in ments if m.start >= d.toks[k].oe and m.start <= d.toks[min(k + 3, end_tok)].oe]
                if after:
                    return after[0].ent
        k = vj + 1
        while k < len(d.toks) and k <= vj + 2 and (
            d.toks[k].form in lx.relative_ma
            or (d.toks[k].form[0].isalpha() and _cue_of(d.toks[k].form, d.lemmas[k], d.text[d.toks[k].os : d.toks[k].oe]))
        ):
            k += 1  # بحسب ما نقلت وسائل إعلام …: the subject follows the verb
        if k < len(d.toks) and k <= end_tok:
            tk = d.toks[k]
            w = tk.form[1:] if tk.form.startswith(lx.conj) and tk.form[1:] in lx.unnamed else tk.form
            starts_here = [m for m in ments if tk.os <= m.start < tk.oe + 1]
            if w in lx.documents and k + 1 <= end_tok:
                # بيان لوزارة البترول / تقرير الأمم المتحدة: the body whose document it is
                owner = [m for m in ments if tk.oe <= m.start <= d.toks[k + 1].os + 2]
                if owner:
                    return owner[0].ent
            w = w[len(lx.article):] if w.startswith(lx.article) and w[len(lx.article):] in lx.unnamed else w
            if w in lx.unnamed and not starts_here:
                return None
        return ments[0].ent if ments else None

    def _nominal(self, i: int) -> Quote | None:
        """إعلان ماكرون أن … / وجاء في بيان الوزارة أن …: a masdar or document noun, its genitive naming an
        entity, then إن/أن → a report by that entity."""
        d = self.d
        lx = _lex()
        t = d.toks[i]
        f = t.form
        for p in lx.noun_prefixes:
            if f not in lx.nominal and f.startswith(p) and f[len(p):] in lx.nominal:
                f = f[len(p):]
        if f not in lx.nominal or i + 1 >= len(d.toks):
            return None
        nxt = d.toks[i + 1]
        k = bisect.bisect_left(d.ment_starts, nxt.os - 1)
        if k >= len(d.ments) or d.ments[k].start > nxt.os + 1:
            return None  # the genitive right after the noun must be a name (# of a hashtag allowed)
        m = d.ments[k]
        j = bisect.bisect_left(d.tok_starts, d.orig_to_norm(m.end))
        comp = None
        for k in range(j, min(j + 4, len(d.toks))):
            fk = d.toks[k].form
            if fk in lx.comps:
                comp = k
                break
            if not fk[0].isalpha() or fk in lx.oblique:
                break
        if comp is None or comp in self.used_comps:
            return None
        self.used_comps.add(comp)
        sent_end = d.sentence_end(d.toks[comp].ne)
        start = d.toks[comp].ne
        content = d.span(start, self._clause_end(start, sent_end))
        if content is None or _word_count(content) < 3:
            return None
        qtype = "indirect"
        cs, ce = d.orig_to_norm(content.start), d.orig_to_norm(content.end)
        if any(cs <= qa and qb <= ce + 1 for qa, qb in d.quotes):
            qtype = "mixed"
        return Quote(qtype, m.ent, None, Span(t.os, t.oe, d.text[t.os : t.oe]), content)

    def _sentence_initial(self, qa: int) -> bool:
        s = self.d.s
        j = qa - 1
        while j >= 0 and s[j] == " ":
            j -= 1
        return j < 0 or s[j] in ".\n:!؟"

    def _after_quote(self, qb: int, consumed: set[int]) -> tuple[str | None, Span | None]:
        """'"…"، قال X' / '"…" بحسب X'."""
        d = self.d
        j = d.tok_index(qb + 1)
        k = j
        while k < len(d.toks) and d.toks[k].form in ("،", ",", "-", "–") and k < j + 2:
            k += 1
        if k >= len(d.toks) or d.toks[k].ns - qb > 6 or "\n" in d.s[qb : d.toks[k].ns]:
            return None, None
        t = d.toks[k]
        cue = _cue_of(t.form, d.lemmas[k], d.text[t.os : t.oe])
        if cue is not None and cue.kind == "verb":
            consumed.add(k)
            end = d.sentence_end(t.ne)
            sp = self._first_speaker(t.oe, d.nt.to_orig(end, end)[0])
            speaker = sp[0] if sp else self._last_speaker(cue.feminine)
            return speaker, Span(t.os, t.oe, d.text[t.os : t.oe])
        rest = d.s[t.ns : t.ns + 14]
        for src in _lex().sources:
            if rest.startswith(src):
                end = d.sentence_end(t.ne)
                sp = self._first_speaker(t.oe, d.nt.to_orig(end, end)[0])
                if sp:
                    return sp[0], Span(t.os, t.oe, d.text[t.os : t.oe])
        return None, None

    def _first_speaker(self, a: int, b: int, start_limit: int | None = None) -> tuple[str, _Mention] | None:
        """The speaker among mentions in original [a, b): first non-oblique, PER preferred over a title's ORG."""
        cands: list[_Mention] = []
        for m in self.d.mentions_between(a, b):
            if start_limit is not None and not cands and m.start >= start_limit:
                break
            obl, addr = _is_oblique(self.d, m, a)
            if not obl:
                cands.append(m)
        if not cands:
            return None
        # apposition introduced by وهو/وهي (إحدى النساء …، وهي كريستين فورد) names the subject
        for m in cands:
            prev, _ = self.d.word_before(m.start)
            if prev in _lex().appositions:
                return m.ent, m
        first = cands[0]
        lx = _lex()
        for m in cands:
            if m.type == "PER":
                gap_s = self.d.s[self.d.orig_to_norm(first.end) : self.d.orig_to_norm(m.start)]
                gap = re.split(r"[،,]", gap_s)[-1].split()  # an apposition after a comma is still the subject
                if first.type != "PER" and m.start - first.end < 40 and not any(w in lx.oblique for w in gap):
                    return m.ent, m
                break
        return first.ent, first

    def _from_cue(
        self, i: int, cue: _Cue, used_quotes: set[tuple[int, int]], consumed: set[int]
    ) -> tuple[Quote, tuple[int, int] | None] | None:
        """One report from the cue at token ``i``, in named steps: is it a report at all, where its content
        starts (إن/أن, a colon or a quotation mark), who speaks (clause subject, then the fallbacks), whom it
        is addressed to, and the content span."""
        ma_qala = self._report_context(i, cue)
        if ma_qala is None:
            return None
        mk = self._content_marker(i, cue)
        if mk is None:
            return None
        speaker, speaker_m, clause_unnamed = self._subject_speaker(i, cue, mk)
        addressee = self._addressee(i, cue, mk, speaker, speaker_m)
        found = self._fallback_speaker(i, cue, mk, ma_qala, speaker, clause_unnamed)
        if found is None:
            return None
        speaker = found[0]
        got = self._content(i, cue, mk, speaker_m, addressee, used_quotes, consumed)
        if got is None:
            return None
        content, qtype, qrange, addressee = got
        t = self.d.toks[i]
        cue_span = Span(t.os, t.oe, self.d.text[t.os : t.oe])
        if speaker is not None and speaker == addressee:
            addressee = None
        return Quote(qtype, speaker, addressee, cue_span, content), qrange

    def _report_context(self, i: int, cue: _Cue) -> bool | None:
        """None when the verb at ``i`` does not report (a relative clause, a demonstrative subject, يشار إلى أن);
        else whether it is «ما قالت إنه …» (what X said was …), whose إنه/إنها follows the verb at once."""
        d = self.d
        lx = _lex()
        ma_qala = False
        if i > 0 and d.toks[i - 1].form in lx.relative | lx.demonstratives and cue.kind == "verb":
            # a verb in a relative clause (الحدود التي حذرت موسكو …) or after a demonstrative subject
            # (وهذا يكشف عن …، وهو ما ينفيه) describes; it does not report
            nxt = d.toks[i + 1].form if i + 1 < len(d.toks) else ""
            if not (d.toks[i - 1].form == lx.what and nxt in lx.comps and nxt not in lx.bare_comps):
                return None
            ma_qala = True
        if self._not_a_report(i, cue):
            return None
        return ma_qala

    def _content_marker(self, i: int, cue: _Cue) -> _Marker | None:
        """Scan forward from the cue for the first of: complementizer, ':' or an opening quotation mark."""
        d = self.d
        lx = _lex()
        t = d.toks[i]
        sent_end = d.sentence_end(t.ne)
        comp_j = colon_j = None
        qopen: tuple[int, int] | None = None
        quote_at = d.quote_at
        j = i + 1
        words_seen = 0  # words (not punctuation) between the cue and here: quoted names and commas cost nothing
        while j < len(d.toks) and j <= i + 40 and d.toks[j].ns < sent_end:
            tj = d.toks[j]
            if tj.form[0].isalnum():
                words_seen += 1
            if tj.ns in quote_at and (tj.ns - t.ne) < 260:
                qa, qb = quote_at[tj.ns]
                if self._name_like(qa, qb):
                    # «مجلة "شتوتغارتر تسايتونج"»: a quoted name inside the subject, not the quotation
                    j = d.tok_index(qb + 1)
                    continue
                qopen = (qa, qb)
                break
            if tj.form in lx.questions and words_seen <= 4:
                break  # وسيخبرنا الجسم متى يتعين علينا أن …: an indirect question, not a report
            if cue.kind == "adverbial" and tj.form in lx.comps and words_seen > 5:
                break  # «… مطالبة بضبط … وأهمية أن …»: a participle far from any إن/أن is not «مطالبة أن»
            if tj.form in lx.comps and words_seen <= 16:
                comp_j = j
                break
            if tj.form == ":":
                colon_j = j
                # a colon not followed by a quotation mark: direct speech without marks
                next_tok = d.toks[j + 1] if j + 1 < len(d.toks) else None
                if next_tok is not None and next_tok.ns in quote_at:
                    qopen = quote_at[next_tok.ns]
                break
            if j > i + 1 and _cue_of(tj.form, d.lemmas[j], d.text[tj.os : tj.oe]) is not None and (
                    tj.form not in lx.adverbial or words_seen >= 4):
                break  # another reporting verb (or a participle after a phrase: وشدد … على أهمية …
                # مشيرا إلى أن) starts before this one found its content
            j += 1
        if qopen is None and comp_j is None and colon_j is None:
            if not cue.content_obj or self._post_attribution(i):
                return None  # «…، كما أكد بيان …» attributes the clause before (_source_attributions)
        if comp_j is not None:
            self.used_comps.add(comp_j)
        stop_tok = comp_j if comp_j is not None else (colon_j if colon_j is not None else j)
        stop_orig = d.toks[stop_tok].os if stop_tok < len(d.toks) else len(d.text)
        if qopen is not None:
            stop_orig = d.nt.to_orig(qopen[0], qopen[0] + 1)[0]
        return _Marker(sent_end, comp_j, colon_j, qopen, stop_tok, stop_orig, d.mentions_between(t.oe, stop_orig))

    def _subject_speaker(self, i: int, cue: _Cue, mk: _Marker) -> tuple[str | None, _Mention | None, bool]:
        """The subject after the verb (word order), corrected by the clause view. Returns (speaker, its mention,
        decided as none)."""
        d = self.d
        t = d.toks[i]
        speaker: str | None = None
        speaker_m: _Mention | None = None
        # the subject comes before any ل-addressee (وقال بوتين للرئيس بايدن / وأضاف لعلي …، مراسل بي بي سي)
        subj_limit = mk.stop_orig
        for m in mk.window:
            if _is_oblique(d, m, t.oe)[1]:
                subj_limit = min(subj_limit, m.start)
                break
        start_limit = None
        if not mk.found:
            # طالب X بـ…: the subject must follow the verb closely
            start_limit = d.toks[min(i + 4, len(d.toks) - 1)].oe
        if cue.kind == "verb":
            sp = self._first_speaker(t.oe, subj_limit, start_limit)
            if sp:
                speaker, speaker_m = sp
        cl = d.clause_at(t.os, t.oe) if cue.kind == "verb" else None
        if cl is not None:
            return self._clause_speaker(cl, cue, speaker, speaker_m, mk.window, mk.stop_orig)
        return speaker, speaker_m, False

    def _addressee(self, i: int, cue: _Cue, mk: _Marker, speaker: str | None,
                   speaker_m: _Mention | None) -> str | None:
        """A ل-prefixed mention right after the speaker (قال لـX), or the object of أبلغ/أخبر/حذر …"""
        d = self.d
        t = d.toks[i]
        addressee: str | None = None
        for m in mk.window:
            if m is speaker_m:
                continue
            obl, addr = _is_oblique(d, m, t.oe)
            near = d.s[d.orig_to_norm(speaker_m.end if speaker_m else t.oe) : d.orig_to_norm(m.start)].split()
            if addr and addressee is None and len(near) <= 2 and (speaker_m is None or m.start > speaker_m.start):
                addressee = m.ent
            elif not obl and addressee is None and (cue.addressee_obj or cue.kind == "masdar") and m.ent != speaker:
                if speaker_m is not None and m.start > speaker_m.end:
                    addressee = m.ent
                elif cue.kind == "masdar":
                    addressee = m.ent
        return addressee

    def _fallback_speaker(self, i: int, cue: _Cue, mk: _Marker, ma_qala: bool, speaker: str | None,
                          clause_unnamed: bool) -> tuple[str | None] | None:
        """When no subject named the speaker: «ما قالت إنه», نقل عن X, subject–verb order, a document noun, an
        anaphor, an unnamed subject (→ none), else the subject before the verb or the latest speaker. Returns
        (speaker,), or None when there is no report (an unnamed subject and no content marker)."""
        d = self.d
        lx = _lex()
        t = d.toks[i]
        resolved = False
        if ma_qala and speaker is None:
            # ونشرت X بيانا، الاثنين، ما قالت إنه …: the subject is the nearest name before in the sentence
            ss = self._sentence_start(t.ns)
            before = d.mentions_between(d.nt.to_orig(ss, ss)[0], d.toks[i - 1].os)
            if before:
                speaker, resolved = before[-1].ent, True
        if cue.kind == "verb" and cue.lemma == lx.relay_lemma:
            got = self._source_after_an(i, mk.stop_tok)
            if got is not None:
                speaker, resolved = got[0], True
        if speaker is None and not resolved and cue.kind == "verb":
            speaker = self._sv_subject(i)
        if speaker is None and not resolved and cue.kind == "verb" and i + 1 < len(d.toks):
            if d.toks[i + 1].form in lx.documents and mk.window:
                speaker = mk.window[0].ent  # قال تقرير على موقع "إن بي سي نيوز": the outlet speaks
        if speaker is None and not resolved and cue.kind == "verb":
            speaker = self._anaphor(i, mk.stop_tok)
        resolved = resolved or clause_unnamed
        unnamed = resolved or (cue.kind == "verb" and speaker is None and self._unnamed_subject(i, mk.stop_tok))
        if unnamed and not mk.found and not (cue.content_obj and t.os <= self.generic_subject_of < t.oe):
            # اتهم سياسي … بـ: no named speaker and no إن/أن — likely a passive or a plain verb (but أكدت
            # السلطات مقتل شخصين: a generic source reporting, content as the object)
            return None
        if speaker is None and not unnamed:
            speaker = self._speaker_before(i, cue)
        return (speaker,)

    def _source_after_an(self, i: int, stop_tok: int) -> tuple[str | None] | None:
        """نقلت فرانس برس عن مسؤول قوله: the speaker is whoever follows عن (unnamed → none); a person named after
        a title (عن أخصائي العلاج الطبيعي … آشلي جيمس قوله) wins. None when there is no عن."""
        d = self.d
        for j2 in range(i + 1, min(stop_tok, len(d.toks))):
            if d.toks[j2].form != _lex().relay_prep:
                continue
            after_an = d.mentions_between(d.toks[j2].oe, d.toks[min(j2 + 3, len(d.toks) - 1)].oe)
            speaker = after_an[0].ent if after_an else None
            upto = d.toks[min(stop_tok, len(d.toks) - 1)].os
            person = next((m for m in d.mentions_between(d.toks[j2].oe, upto) if m.type == "PER"), None)
            if person is not None and (speaker is None or self.ent_type.get(speaker) != "PER") and not any(
                tk.form in ("،", ",") for tk in d.toks[j2 + 1 : d.tok_index(d.orig_to_norm(person.start))]
            ):
                speaker = person.ent
            return (speaker,)
        return None

    def _content(
        self, i: int, cue: _Cue, mk: _Marker, speaker_m: _Mention | None, addressee: str | None,
        used_quotes: set[tuple[int, int]], consumed: set[int],
    ) -> tuple[Span, str, tuple[int, int] | None, str | None] | None:
        """(content, type, quotation-mark range, addressee): inside the marks, after إن/أن (a nested report
        gives its inner content and addressee), after a colon, or after the speaker of a content_obj verb."""
        d = self.d
        t = d.toks[i]
        sent_end = mk.sent_end
        qtype = "indirect"
        qrange: tuple[int, int] | None = None
        content: Span | None
        if mk.qopen is not None:
            qopen = mk.qopen
            content = d.span(qopen[0] + 1, qopen[1])
            qtype = "direct"
            qrange = qopen
            used_quotes.add(qopen)
            before_q = d.s[: qopen[0]].rstrip()
            after = max([m.end for m in mk.window] + [t.oe])
            gap = d.s[d.orig_to_norm(after) : qopen[0]].split()
            if cue.content_obj and not before_q.endswith(":") and len(gap) >= 2:
                # أعلنت الرابطة حل المجموعة … من أجل "…": reported content with a quoted fragment
                content = d.span(d.orig_to_norm(after), sent_end)
                qtype = "mixed"
                qrange = None
        elif mk.comp_j is not None:
            content_start = d.toks[mk.comp_j].ne
            if cue.kind == "masdar":
                content_start = d.toks[mk.comp_j].ns
            # nested report: «X said that Y told Z that …» → one quote of X, addressee Z, inner content
            inner = self._nested(mk.comp_j + 1, sent_end, consumed)
            if inner is not None:
                content_start, inner_addr = inner
                if addressee is None:
                    addressee = inner_addr
            content = d.span(content_start, self._clause_end(content_start, sent_end))
            if content is not None:
                cs0 = d.orig_to_norm(content.start)
                whole = next((q for q in d.quotes if q[0] == cs0), None)
                if whole is not None and d.orig_to_norm(content.end) <= whole[1] + 1:
                    # قال X إن "…": the reported words are all inside the marks
                    content = d.span(whole[0] + 1, whole[1])
                    qtype = "direct"
                    used_quotes.add(whole)
                    qrange = whole
        elif mk.colon_j is not None:
            content = d.span(d.toks[mk.colon_j].ne, sent_end)
            qtype = "direct"
        else:
            # content_obj verbs: طالب بوتين بضمانات … — the content follows the speaker/addressee
            after = speaker_m.end if speaker_m is not None else t.oe
            for m in mk.window:
                if m.ent == addressee and m.start - after < 30:
                    after = max(after, m.end)
            na = d.orig_to_norm(after)
            if na >= sent_end:
                return None
            content = d.span(na, sent_end)
            if content is None or _word_count(content) < 3:
                return None
        if content is None or _word_count(content) < 2:
            return None
        if qtype == "indirect":
            cs, ce = d.orig_to_norm(content.start), d.orig_to_norm(content.end)
            for qa, qb in d.quotes:
                if cs <= qa and qb <= ce + 1:
                    qtype = "mixed"
                    used_quotes.add((qa, qb))
        return content, qtype, qrange, addressee

    def _not_a_report(self, i: int, cue: _Cue) -> bool:
        """يشار إلى أن / يذكر أن (the writer's background) and لفت الأنظار (an idiom) report nobody's words."""
        d = self.d
        lx = _lex()
        f = d.toks[i].form
        f = f[1:] if f.startswith(lx.conj) and f[1:] in lx.impersonal else f
        nxt = [t.form for t in d.toks[i + 1 : i + 3]]
        if f in lx.impersonal and nxt and (nxt[0] in lx.comps or (len(nxt) > 1 and nxt[1] in lx.comps)):
            return True
        idiom = lx.idioms.get(cue.lemma, set())
        return any(t.form in idiom for t in d.toks[i + 1 : i + 6])  # لفت (سامي عادل) الأنظار

    def _clause_speaker(
        self, cl: Clause, cue: _Cue, speaker: str | None, speaker_m: _Mention | None, window: list[_Mention],
        content_at: int,
    ) -> tuple[str | None, _Mention | None, bool]:
        """Correct the word-order guess with the parse: the subject of the reporting verb speaks; a name inside
        its object or an oblique (اتهم السفير … إيران، كتب على تويتر) never does; a passive verb with no subject
        (قيل) or an unnamed source (أفادت مصادر، ذكرت تقارير) gives no speaker. Returns (speaker, its mention,
        speaker decided as none)."""
        lx = _lex()
        subj = cl.subject
        if subj is not None and subj.start >= content_at:
            subj = None  # a "subject" inside the reported words is a parse error
        if subj is not None:
            named = self._subject_person(subj, cl.start)
            if named is not None:
                return named[0], named[1], False
            if self._generic_source(subj):
                self.generic_subject_of = cl.start
                return None, None, True  # أكدت السلطات الفرنسية / قالت مصادر في الوزارة: nobody named speaks
        if subj is not None and subj.entity is not None:
            same = [m for m in window if m.ent == subj.entity]
            m = next((m for m in same if subj.start <= m.start < subj.end), same[0] if same else None)
            if m is None and speaker == subj.entity:
                m = speaker_m
            inside = self.d.mentions_between(subj.start, subj.end)
            if m is None:
                m = next((x for x in inside if x.ent == subj.entity), None)
            if m is not None:
                # وكالة الأناضول، جامعة طوكيو الطبية: the whole institution phrase, not the name inside it
                wider = [v for v in window + inside if v.ent in self.d.virtual and v.start <= m.start and m.end <= v.end
                         and v.end - v.start > m.end - m.start]
                if wider:
                    return wider[0].ent, wider[0], False
            return subj.entity, m, False
        if speaker_m is not None and subj is not None and subj.end <= speaker_m.start:
            # only when the parse found a subject before the name (اتهم السفير … إيران): right after a reporting
            # verb the first noun phrase is nearly always its subject, whatever the label says; a name that
            # follows the subject at once (الحارس الإيطالي جانلويجي بوفون) is its apposition
            gap = self.d.text[subj.end : speaker_m.start].strip(" ،,")
            # a bare noun phrase labelled oblique right after the verb is more often a mislabelled subject
            others = cl.objects + [a for a in cl.obliques if a.prep] + cl.complements
            in_other = any(a.start <= speaker_m.start < a.end for a in others)
            if in_other and gap:
                speaker, speaker_m = None, None
        if (speaker_m is not None and subj is not None and subj.end <= speaker_m.start
                and 0 <= subj.word < len(self.d.words) and N(self.d.words[subj.word].form) in lx.anaphors
                and any(w in lx.relative for w in N(self.d.text[subj.end : speaker_m.start]).split())):
            # وأضافت الصحيفة في التقرير الذي … اطلعت عليه "العربية نت": the description is the subject; the name
            # sits in a relative clause
            return None, None, False
        if speaker_m is not None and subj is None and self._in_non_subject(cl, cue, speaker_m):
            # طالبت خلالها المجتمع الدولي أن …: the name is the verb's object; وأضاف أمام … بقصر الكرملين: the name
            # is inside an oblique — either way the subject is dropped
            speaker, speaker_m = None, None
        if speaker is None:
            if cl.passive and subj is None:
                return None, None, True
            if subj is not None and 0 <= subj.word < len(self.d.words):
                head = N(self.d.words[subj.word].form)
                if head in lx.unnamed or (head.startswith(lx.conj) and head[1:] in lx.unnamed):
                    return None, None, True
        return speaker, speaker_m, False

    def _in_non_subject(self, cl: Clause, cue: _Cue, m: _Mention) -> bool:
        """Is mention ``m`` inside the clause's object (of a verb that takes an addressee) or inside an oblique
        with a preposition that does not start right after the verb? (A bare noun phrase right after a reporting
        verb is nearly always its subject, whatever the parse labels it.)"""
        if cue.addressee_obj and any(a.start <= m.start < a.end for a in cl.objects):
            return True
        gap = self.d.text[cl.end : m.start].split()
        return len(gap) >= 2 and any(a.prep and a.start <= m.start < a.end for a in cl.obliques)

    def _generic_source(self, subj: Arg) -> bool:
        """Is the subject a generic source (السلطات الفرنسية، مصادر في الوزارة، تقارير إعلامية) — headed by a
        generic_sources word, with no person named in it? Such a source names no speaker, even when NER or the
        resolver made an entity of the phrase."""
        d = self.d
        lx = _lex()
        if not (0 <= subj.word < len(d.words)):
            return False
        head = N(d.words[subj.word].form).removeprefix(lx.conj).removeprefix(lx.article)
        if head not in lx.generic_sources:
            return False
        return not any(m.type == "PER" for m in d.mentions_between(subj.start, subj.end))

    def _subject_person(self, subj: Arg, before: int) -> tuple[str, _Mention | None] | None:
        """The person a subject phrase whose head names nobody refers to: a person named inside the phrase (المدير
        التنفيذي لشركة "هواوي"، ريتشارد يو), else the person the same title was given to earlier in the text
        (وقال الملك … after العاهل الأردني الملك عبدالله الثاني; ويعتبر خبير العلاج الطبيعي … after أخصائي العلاج
        الطبيعي … آشلي جيمس). None when the head itself is (part of) a mention or the phrase names an entity."""
        d = self.d
        if not (0 <= subj.word < len(d.words)):
            return None
        hw = d.words[subj.word]
        if hw.start is None or hw.end is None or self._mention_over(hw.start, hw.end) is not None:
            return None
        if subj.entity is not None and self.ent_type.get(subj.entity) == "PER":
            return None
        for m in d.mentions_between(subj.start, subj.end):
            if m.type == "PER" and m.end <= subj.end and not _is_oblique(d, m, subj.start)[0]:
                return m.ent, m
        if subj.entity is not None and subj.entity not in d.virtual and not hw.form.startswith(_lex().article):
            return None
        person = self._titled_person(N(d.text[subj.start : subj.end]).split()[:4], before)
        return (person, None) if person is not None else None

    def _titled_person(self, phrase: list[str], before: int) -> str | None:
        """The latest person named before ``before`` with this title: the phrase's head and its adjectives right
        before (or inside) the name, or at least two of its content words there."""
        d = self.d
        lx = _lex()
        if not phrase:
            return None
        art = lx.article
        head = phrase[0][1:] if phrase[0].startswith(lx.conj) and phrase[0][1:].startswith(art) else phrase[0]
        if not head.startswith(art) and len(phrase) < 2:
            return None
        bare = head.removeprefix(art)
        if (head in lx.anaphors and lx.anaphors[head] != "PER") or bare in lx.documents or bare in lx.inst_heads:
            return None  # a body or a document (الوزارة، بيان النائب العام) is no person's title
        adjs = [w for w in phrase[1:] if w.startswith(art) and _nisba_like(w)]
        content = {w for w in [head, *phrase[1:]] if len(w) >= 4 and w not in lx.np_stop}
        k = bisect.bisect_left(d.ment_starts, before) - 1
        lo = before - 4000
        while k >= 0 and d.ments[k].start >= lo:
            m = d.ments[k]
            k -= 1
            if m.type != "PER" or m.end > before:
                continue
            ctx_start = max(0, m.start - 90)
            cut = max(d.text.rfind(c, ctx_start, m.start) for c in ".\n،,")
            ctx = N(d.text[max(ctx_start, cut + 1) : m.end]).split()
            n_name = len(N(d.text[m.start : m.end]).split())
            words = {w[1:] if w.startswith(lx.conj) and len(w) > 3 else w for w in ctx}
            if head in ctx[-(n_name + 4):] and all(a in words for a in adjs):
                return m.ent
            if len(content & set(ctx[-(n_name + 8):])) >= 2:
                return m.ent
        return None

    def _mention_over(self, a: int, b: int) -> _Mention | None:
        """A mention covering original [a, b), if any."""
        d = self.d
        k = bisect.bisect_right(d.ment_starts, a) - 1
        for j in range(k, max(k - 8, -1), -1):
            m = d.ments[j]
            if m.start <= a and m.end >= b:
                return m
        return None

    def _clause_end(self, start: int, sent_end: int) -> int:
        """The content ends where an adverbial cue (، مضيفا أن …) opens the next report."""
        d = self.d
        lx = _lex()
        j = d.tok_index(start)
        while j < len(d.toks) and d.toks[j].ns < sent_end:
            if d.toks[j].form in ("،", ",") and j + 1 < len(d.toks) and d.toks[j + 1].form in lx.adverbial:
                return d.toks[j].ns
            if d.toks[j].form in ("،", ",") and j + 2 < len(d.toks) and d.toks[j + 1].form in lx.post_verb:
                t2 = d.toks[j + 2]
                if t2.form[0].isalpha() and _cue_of(t2.form, d.lemmas[j + 2], d.text[t2.os : t2.oe]) is not None:
                    return d.toks[j].ns  # «…، كما أكد أن …» opens the next report
            if d.toks[j].form in ("،", ",") and self._connector_report(j + 1, sent_end):
                return d.toks[j].ns  # «…، فيما قالت X إن …» / «…، فإن X قال …»
            j += 1
        return sent_end

    def _connector_report(self, j: int, sent_end: int) -> bool:
        """Does a clause connector (فيما، بينما، في حين، فإن) at token ``j`` open a new report (a cue within 10 tokens)?"""
        d = self.d
        for conn in _lex().connectors:
            if j + len(conn) <= len(d.toks) and [d.toks[j + k].form for k in range(len(conn))] == conn:
                k0 = j + len(conn)
                for k in range(k0, min(k0 + 10, len(d.toks))):
                    tk = d.toks[k]
                    if tk.ns >= sent_end:
                        return False
                    if tk.form[0].isalpha() and _cue_of(tk.form, d.lemmas[k], d.text[tk.os : tk.oe]) is not None:
                        return True
                return False
        return False

    def _nested(self, j0: int, sent_end: int, consumed: set[int]) -> tuple[int, str | None] | None:
        """A second cue + complementizer early in the content → (inner content start, inner addressee)."""
        d = self.d
        lx = _lex()
        j = j0
        while j < len(d.toks) and j < j0 + 4 and d.toks[j].ns < sent_end:
            tj = d.toks[j]
            if tj.form in ("،", ","):
                return None
            cue = _cue_of(tj.form, d.lemmas[j], d.text[tj.os : tj.oe]) if tj.form[0].isalpha() else None
            if cue is not None and cue.kind == "verb":
                k = j + 1
                while k < len(d.toks) and k < j + 14 and d.toks[k].ns < sent_end:
                    if d.toks[k].form in ("،", ","):
                        return None
                    if d.toks[k].form in lx.comps:
                        addr = None
                        for m in d.mentions_between(tj.oe, d.toks[k].os):
                            obl, is_addr = _is_oblique(d, m, tj.oe)
                            if is_addr or (cue.addressee_obj and not obl):
                                addr = m.ent
                                break
                        consumed.add(j)
                        return d.toks[k].ne, addr
                    k += 1
                return None
            j += 1
        return None

    def _speaker_before(self, i: int, cue: _Cue) -> str | None:
        """Subject–verb order (الكرملين قال), else a pronoun/dropped subject → the last speaker."""
        d = self.d
        t = d.toks[i]
        cs = d.clause_start(t.ns, 80)
        a = d.nt.to_orig(cs, cs)[0]
        before = d.mentions_between(a, t.os)
        # the subject is the nearest mention before the cue with no verb-like token after it
        pron = False
        j = i - 1
        while j >= 0 and d.toks[j].ns >= cs and j >= i - 3:
            if d.toks[j].form in _lex().pron:
                pron = True
                break
            j -= 1
        if before and not pron:
            m = before[-1]
            # the phrase that holds the name (النيابة السعودية تؤكد), not the name inside it
            m = next((w for w in before if w.start < m.start and w.end >= m.end), m)
            gap = d.s[d.orig_to_norm(m.end) : t.ns].split()
            if len(gap) <= 3:
                return m.ent
        sent_start = self._sentence_start(t.ns)
        a2 = d.nt.to_orig(sent_start, sent_start)[0]
        in_sentence = [m for m in d.mentions_between(a2, t.os) if not self._in_quote(d.orig_to_norm(m.start))]
        if cue.kind == "adverbial" and self.sentence_speaker is not None and self.sentence_speaker[0] == sent_start:
            return self.sentence_speaker[1]
        if self.dateline_end is not None:
            in_sentence = [m for m in in_sentence if m.start >= self.dateline_end]
        if cue.kind in ("adverbial", "masdar"):
            subj = [m for m in in_sentence if not _is_oblique(d, m, a2)[0]]
            pers = [m for m in subj if m.type == "PER"]
            if pers:
                return pers[-1].ent  # the person the sentence is about (استنكر الوزير X …، مؤكدا أن)
            if subj:
                return subj[0].ent
        # a dropped or pronoun subject: a person named earlier in the sentence, else the last speaker,
        # else the subject the sentence opened with
        if cue.kind == "verb" and t.form.endswith(_lex().plural_end):
            # زعموا / يقولون with no subject: a group the text leaves unnamed, not the one person around
            cand = self._last_speaker(cue.feminine) if self.last_speakers else None
            return cand if cand is not None and self.ent_type.get(cand) != "PER" else None
        pers = [m for m in in_sentence if m.type == "PER"]
        if pers:
            return pers[-1].ent
        if cue.kind == "verb":
            recent = self._recent_subject(i, cue.feminine)
            if recent is not None:
                return recent
        if self.last_speakers:
            return self._last_speaker(cue.feminine if cue.kind == "verb" else None)
        for m in in_sentence:
            if not _is_oblique(d, m, a2)[0]:
                return m.ent
        return None

    def _recent_subject(self, i: int, feminine: bool) -> str | None:
        """A dropped subject continues the latest clause subject named since the last speaker, when the verbs
        agree in gender (نظمت رابطة … وقفة، طالبت خلالها أن …; وتركت أمهات المختطفين …، قلن إنها)."""
        d = self.d
        t = d.toks[i]
        lo = max(self.last_speaker_at + 1, t.os - 400)
        k = bisect.bisect_left(d.clause_starts, t.os) - 1
        while k >= 0 and d.clauses[k][0] >= lo:
            cl = d.clauses[k][1]
            k -= 1
            subj = cl.subject
            if subj is None or not (0 <= cl.predicate < len(d.words)) or d.words[cl.predicate].pos != "VERB":
                continue
            form = N(cl.text)
            if form.endswith(_lex().fem_pl_end) != feminine or self._in_quote(d.orig_to_norm(cl.start)):
                continue
            inside = d.mentions_between(subj.start, subj.end)
            if inside:
                return inside[0].ent
        return None

    def _last_speaker(self, feminine: bool | None) -> str | None:
        """The latest speaker whose verb agreed in gender (وتابع after وأشارت الصحيفة goes back to the man)."""
        if not self.last_speakers:
            return None
        if feminine is not None:
            for sp in reversed(self.last_speakers[-12:]):
                if self.gender.get(sp, feminine) == feminine:
                    return sp
        return self.last_speakers[-1]

    def _sentence_start(self, npos: int) -> int:
        s = self.d.s
        lo = max(0, npos - 400)
        for i in range(npos - 1, lo - 1, -1):
            if s[i] == "\n" or (s[i] in ".!?؟" and (i + 1 >= len(s) or not s[i + 1].isdigit())):
                return i + 1
        return lo

    def _in_quote(self, npos: int) -> bool:
        k = bisect.bisect_left(self.d.quote_starts, npos) - 1
        return k >= 0 and self.d.quotes[k][0] < npos < self.d.quotes[k][1]

    def _name_like(self, qa: int, qb: int) -> bool:
        words = self.d.s[qa + 1 : qb].split()
        if len(words) <= 2:
            return True
        if len(words) <= 4:
            a, b = self.d.nt.to_orig(qa + 1, qb)
            return any(m.start >= a and m.end <= b for m in self.d.mentions_between(a, b))
        return False

    def _sv_subject(self, i: int) -> str | None:
        """وقطر تنفي / أردوغان قد تعهد: a mention right before the verb, in the same clause, is its subject."""
        d = self.d
        t = d.toks[i]
        cs = d.clause_start(t.ns, 60)
        k = bisect.bisect_left(d.ment_starts, t.os) - 1
        if k < 0 or d.ments[k].end > t.os:
            return None
        m = d.ments[k]
        mn = d.orig_to_norm(m.end)
        if d.orig_to_norm(m.start) < cs:
            return None
        gap = d.s[mn : t.ns].split()
        lx = _lex()
        if len(gap) <= 1 and all(w in lx.auxiliaries for w in gap):
            prev, own = d.word_before(m.start)
            if own not in lx.non_subject_prefixes and prev not in lx.oblique:
                return m.ent
        return None

    def _anaphor(self, i: int, stop_tok: int) -> str | None:
        """وقالت الوزارة / أوضح البيان: a definite description → the latest speaker (or mention) of its type."""
        d = self.d
        j = i + 1
        if j >= len(d.toks) or j >= stop_tok:
            return None
        lx = _lex()
        kind = lx.anaphors.get(d.toks[j].form)
        if kind is None:
            return None
        named = self._anaphor_by_head(i, j, lx.anaphor_heads.get(d.toks[j].form, []))
        if named is not None:
            return named
        if d.toks[j].form.startswith(lx.article) and d.toks[j].form.removeprefix(lx.article) in lx.documents:
            # وأفاد البيان … after «بيان لوزارة البترول»: the ministry; after an unowned «بيان»: nobody named
            found, owner = self._document_owner(i, d.toks[j].form.removeprefix(lx.article))
            if found:
                return owner
        adj = self._nisba(j + 1)

        def agrees(ent: str) -> bool:
            # الهيئة الإماراتية can only be an entity whose name says الإمارات (a person's nationality —
            # اللاعب المصري — is not in the name)
            return kind == "PER" or not adj or adj[:-1] in self._names(ent)

        for sp in reversed(self.last_speakers):
            if (kind == "ANY" or self.ent_type.get(sp) == kind) and agrees(sp):
                return sp
        if kind == "ANY":
            return None
        k = bisect.bisect_left(d.ment_starts, d.toks[i].os) - 1
        while k >= 0:
            if d.ments[k].type == kind and agrees(d.ments[k].ent):
                return d.ments[k].ent
            k -= 1
        return None

    def _document_owner(self, i: int, noun: str) -> tuple[bool, str | None]:
        """(found, owner): the body whose document (بيان، تقرير) was last named before token ``i`` — «بيان
        لوزارة البترول», «بيان الوزارة» —; owner None when that document has no named owner."""
        d = self.d
        lx = _lex()
        lo = d.toks[i].os - 3000
        k = i - 1
        while k >= 0 and d.toks[k].os >= lo:
            f = d.toks[k].form
            for p in lx.document_prefixes:
                if f.startswith(p) and f[len(p):] in (noun, lx.article + noun):
                    f = f[len(p):]
                    break
            if f in (noun, lx.article + noun) and k + 1 < i:
                if k > 0 and d.toks[k - 1].form in lx.statement_preps:
                    return False, None  # وقالت الوزارة في بيان: the statement of the one who spoke then
                owner = d.mentions_between(d.toks[k].oe, d.toks[k + 1].os + 2)
                return True, owner[0].ent if owner else None
            k -= 1
        return False, None

    def _nisba(self, j: int) -> str:
        """The stem of a nisba adjective at token ``j`` (الإماراتية → امارات), else ''."""
        d = self.d
        if j >= len(d.toks):
            return ""
        f = d.toks[j].form
        lx = _lex()
        if f.startswith(lx.article) and f.endswith(lx.nisba_fem) and len(f) > 5:
            f = f[len(lx.article):]
            for x in lx.nisba_strip:
                f = f.removesuffix(x)
            return f
        return ""

    def _names(self, ent: str) -> str:
        """All mention texts of an entity, normalised (cached)."""
        if not self._names_cache:
            d = self.d
            names: dict[str, set[str]] = {}
            for m in d.ments:  # one pass over all mentions, the first time it is needed
                names.setdefault(m.ent, set()).add(N(d.text[m.start : m.end]))
            self._names_cache = {e: " ".join(sorted(v)) for e, v in names.items()}
            self._names_cache.setdefault("", "")
        return self._names_cache.get(ent, "")

    def _anaphor_by_head(self, i: int, j: int, heads: list[str]) -> str | None:
        """الصحيفة → the latest entity named with that head (صحيفة "يوميوري"، وزارة الداخلية); an adjective after
        the anaphor (الهيئة الإماراتية) must then agree with the name (…بالإمارات)."""
        d = self.d
        if not heads:
            return None
        adj = self._nisba(j + 1)
        lo = d.toks[i].os - 4000
        k = bisect.bisect_left(d.ment_starts, d.toks[i].os) - 1
        first: str | None = None
        while k >= 0 and d.ments[k].start >= lo:
            m = d.ments[k]
            k -= 1
            mn = N(d.text[m.start : m.end])
            prev, own = d.word_before(m.start)
            if not (any(mn.startswith(h + " ") for h in heads) or prev.lstrip(_lex().clitic_letters) in heads):
                continue
            if not any(mn.startswith(h + " ") for h in heads):
                # the name after the head (جامعة طوكيو): the phrase that holds both, when there is one
                k2 = k
                while k2 >= 0 and d.ments[k2].start >= m.start - 40:
                    w = d.ments[k2]
                    if w.start < m.start and w.end >= m.end and any(N(d.text[w.start:w.end]).startswith(h + " ")
                                                                    for h in heads):
                        m = w
                        break
                    k2 -= 1
            if not adj:
                return m.ent
            if adj[:-1] in mn or adj[:-1] in prev:
                return m.ent
            first = first or m.ent
        return first if not adj else None

    def _unnamed_subject(self, i: int, stop_tok: int) -> bool:
        """وقال دبلوماسيون إن / قالت مسودة قرار: a subject is there but names no entity → speaker null."""
        d = self.d
        lx = _lex()
        j = i + 1
        if j >= len(d.toks) or j >= stop_tok:
            return False
        f = d.toks[j].form
        if not f[0].isalpha() or f in lx.comps or f in lx.nonsubject:
            return False
        if f in lx.unnamed or (f.startswith(lx.conj) and f[1:] in lx.unnamed):
            return True
        ps, pe, pn = lx.participle
        if f in lx.adverbial or (f.startswith(ps) and f.endswith(pe) and len(f) >= pn):
            return False  # وأضاف مستنكرا: a circumstantial participle, the subject is dropped
        # any other noun right after the verb is a subject that names no entity — unless it is a
        # prepositional phrase (ب/ل attached) or an anaphoric description handled elsewhere
        return not f.startswith(lx.prep_letters)


def extract_quotes(doc: Document) -> list[Quote]:
    """Quotes of ``doc``; a title-only speaker (see ``_institution_nps``) is appended to ``doc.entities``."""
    if not doc.text or not any("\u0600" <= c <= "\u06ff" for c in doc.text[:5000]):
        return []
    finder = QuoteFinder(doc)
    quotes = finder.run()
    used = {q.speaker for q in quotes} | {q.addressee for q in quotes}
    for eid, spans in finder.d.virtual.items():
        if eid in used:
            # a phrase of common words names nothing by itself (issue 13): a nominal entity, its spans coref only
            doc.entities.append(Entity(id=eid, type="ORG", canonical_ar=spans[0].text, coref_mentions=spans,
                                       extra={"source": "quotes", "nominal": True}))
    for e in doc.entities:
        if e.id in used and e.id in finder.d.wider:
            have = {(sp.start, sp.end) for sp in e.mentions + e.coref_mentions}
            e.coref_mentions += [sp for sp in finder.d.wider[e.id] if (sp.start, sp.end) not in have]
    return quotes


def quotes_stage(doc: Document) -> None:
    doc.quotes = extract_quotes(doc)
