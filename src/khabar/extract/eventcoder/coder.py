"""Lexicon-driven PLOVER event coder for Arabic news (linear in the number of tokens).

Per sentence: find triggers (verb or nominal stems, optionally with a required companion word), find actor
phrases (entities from ``doc.entities`` first, else generic/named actors from the lexicons), then fill the roles
with word-order rules (VSO/SVO, genitive of a nominal event, prepositional targets, "by X" agent markers, passive-
prone verbs whose noun is a victim), mark factuality from nearby particles, attach a date from the time layer,
and merge repeated mentions of one event (same type, overlapping actors) into one event with several spans.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from khabar.document import Arg, Clause, Document, Entity, Event, Span
from khabar.extract.eventcoder import detector
from khabar.extract.eventcoder.lexicon import ActorInfo, Lexicon, Trigger, load, nkey, word_class
from khabar.extract.eventcoder.syntax import LazyParseView

_WORD = r"[\w\u064B-\u065F\u0670\u0640]+"
_TOKEN = re.compile(rf"{_WORD}|[^\s\w\u064B-\u065F\u0670\u0640]")
_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]*")
_ISO = re.compile(r"^\d{4}(-\d\d){0,2}$")
_RESUMPTIVE = re.compile("^({})({})$".format("|".join(map(re.escape, word_class("resumptive_prep"))),
                                               "|".join(map(re.escape, word_class("resumptive_pron")))))

# closed word classes: data/events/coder_words.tsv
PROCLITICS = word_class("proclitic")
SUFFIXES = word_class("suffix")
NOMINAL_SUFFIXES = frozenset(word_class("nominal_suffix"))
ADJ_SUFFIXES = frozenset(word_class("adj_suffix"))
VERB_PROCLITICS = frozenset(("", *word_class("verb_proclitic")))
CLAUSE_PUNCT = frozenset(".:؛;!?؟«»\"()")
ORG_SECTORS = frozenset("MIL COP GOV LEG JUD PTY REB UAF IMG IGO NGO MED BUS LAB EDU SPY".split())
PREPS = frozenset(word_class("prep"))
TARGET_PREPS = frozenset(word_class("target_prep"))
QUANT = frozenset(word_class("quant"))
RELATIVE = frozenset(word_class("relative"))
CLAIM = frozenset(word_class("claim"))
PROTESTER_WINDOW = 20
ARMED = frozenset(("MIL", "COP", "UAF", "REB", "IMG", "GOV", "CRM", "SPY", "PTY", "OPP"))
DUAL_GROUPS = frozenset(word_class("dual_group"))
FALLBACK_SECTORS = {
    "ASSAULT": frozenset(("UAF", "REB", "IMG", "CRM", "MIL")),
    "PROTEST": frozenset(("CVL", "EDU", "LAB", "OPP", "PTY", "REL", "REF")),
}
ACTORLESS_OK = frozenset(("PROTEST", "ASSAULT"))
INTENT_STOP = frozenset(word_class("intent_stop"))
REGIONAL_ADJ = frozenset(word_class("regional_adj"))
HYP_NOUN = frozenset(word_class("hyp_noun"))
PRONOUN_MA = frozenset(word_class("pronoun_ma"))
NATURE_WINDOW = 6  # tokens around a trigger searched for a natural-phenomenon/accident word
SPORT_MIN = (4, 6)  # a sport report: at least this many distinct sport words and sport-word tokens
SPORT_KEEP = frozenset(("MIL", "COP", "GOV", "REB", "IMG", "UAF", "JUD", "IGO", "SPY"))
ROLE_NAMES = detector.ROLES
CLAUSE_FALLBACK = ""  # roles from doc.clauses where word order found none ("", actor, recipient, both): off, see _clause_roles
SYNTAX_FEATURES = True  # dependency-parse features of the trigger for the detector (syntax.ParseView)
MAX_SENT_TOKENS = 400  # very long "sentences" (no punctuation) are cut into windows of this size


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    norm: str
    word: bool
    tm: bool = False  # ends with ta marbuta in the original text


@dataclass(slots=True, eq=False)
class Cand:
    """An actor phrase: tokens [i, j), its character span, codes, and the entity it is (if any)."""

    i: int
    j: int
    start: int
    end: int
    entity: str | None = None
    country: str = ""
    sector: str = ""
    kind: str = ""
    counted: bool = False
    regional: bool = False
    modifier: bool = False  # a bare adjective after a non-actor noun (البقاع اللبناني): not an actor on its own


@dataclass(slots=True, eq=False)
class Hit:
    trig: Trigger
    i: int  # token index of the trigger word
    last: int  # token index of the companion word (or i)
    proclitic: str
    actors: list[Cand] = field(default_factory=list)
    recipients: list[Cand] = field(default_factory=list)
    right_end: int = -1  # last token index used by an argument on the right


@dataclass(slots=True, eq=False)
class _Roles:
    """What the role steps of :meth:`Coder.roles` share: the trigger's setting and the parties found so far."""

    sym: bool
    passive: bool
    appos: dict[int, int]  # candidate index of a title -> index of the name in apposition after it
    usable: list[int]  # candidate indices that can fill a role
    right: list[int]  # usable candidates after the trigger, up to a clause boundary
    actors: list[Cand] = field(default_factory=list)
    recips: list[Cand] = field(default_factory=list)
    obj_done: bool = False  # the object is already known (a relative antecedent)
    used_right: int = -1  # last token index used by an argument on the right
    svo_checked: bool = False
    strong: bool = False  # found by a relative antecedent or right before the verb, not by a wide search
    relative: bool = False
    victims: set[int] = field(default_factory=set)  # ids of subjects read as victims


@lru_cache(maxsize=32_768)  # bounded: ~30 MB each at most (issue 18)
def variants(w: str) -> tuple[tuple[str, str], ...]:
    """(stem, proclitic) readings of a normalised word: clitics, inflectional suffixes, imperfect prefixes."""
    base: list[tuple[str, str]] = [(w, "")]
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            base.append((w[len(p):], p))
    out = dict.fromkeys(base)
    for form, p in base:
        for s in SUFFIXES:
            if form.endswith(s) and len(form) - len(s) >= 2:
                tag = p + "|n" if s in NOMINAL_SUFFIXES else p + "|a" if s in ADJ_SUFFIXES else p + "|h" if s == "ه" \
                    else p
                out[(form[: -len(s)], tag)] = None
                if s == "ات":
                    out[(form[:-2] + "ه", tag)] = None
    for form, p in list(out):
        if len(form) >= 4 and form[0] in "يتنا" and "ال" not in p:
            out[(form[1:], p + "|i")] = None
            out[("ا" + form[1:], p + "|i")] = None
    return tuple(out)


@lru_cache(maxsize=32_768)  # bounded: ~30 MB each at most (issue 18)
def stems(w: str) -> frozenset[str]:
    return frozenset(s for s, _ in variants(w))


@lru_cache(maxsize=32_768)  # bounded: ~30 MB each at most (issue 18)
def _noun_keys(w: str) -> frozenset[str]:
    """The word and its readings without an imperfect prefix (for actor lookups)."""
    return frozenset({w} | {s for s, p in variants(w) if "|i" not in p})


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in _SENT.finditer(doc.text)]


class Coder:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load()
        c = self.lex.cue
        self.neg, self.hyp, self.fut = c("neg"), c("hyp"), c("fut")
        self.boundary, self.speech, self.agent = c("boundary"), c("speech"), c("agent")
        self.prep, self.regional, self.skip = c("prep_target"), c("regional"), c("skip")
        self.intent, self.protester, self.number = c("intent"), c("protester"), c("number")
        self.source, self.light = c("source"), c("light")
        self.nature, self.anon, self.sport = c("nature"), c("anon"), c("sport")
        self.placehead = c("placehead")
        self.masdar = c("masdar_before")
        self.grievance = c("grievance")
        self.passive_aux = c("passive_aux")
        self.time_noun, self.when, self.undergo = c("time_noun"), c("when"), c("undergo")
        self.mutual = c("mutual")
        self.copula = c("copula")
        self.bg_open, self.anniversary, self.past_period = c("background_open"), c("anniversary"), c("past_period")
        self._role_forms: dict[str, set[str]] = {}
        for role in ROLE_NAMES:
            for form in c(role):
                self._role_forms.setdefault(form, set()).add(role)
        self._roles_cache: dict[str, frozenset[str]] = {}

    def roles_of(self, w: str) -> frozenset[str]:
        """Cue roles of a word (the word itself or one of its stems), for the detection features."""
        got = self._roles_cache.get(w)
        if got is None:
            acc: set[str] = set()
            for key in stems(w) | {w}:
                acc |= self._role_forms.get(key, set())
            got = frozenset(acc)
            if len(self._roles_cache) < 200_000:
                self._roles_cache[w] = got
        return got

    def _place(self, toks: list[Tok], c: Cand) -> bool:
        """A LOC entity that the lexicon does not know as a country (a city, region, village)."""
        if not c.entity or c.kind != "country":
            return False
        ph = self._phrase(toks, c.i)
        if ph and ph[1].kind == "country":
            return False
        info = self._actor_info(toks[c.i].norm)
        return not (info is not None and info.kind == "country")

    def _locative(self, toks: list[Tok], c: Cand) -> bool:
        """Under a preposition (بصنعاء) or the genitive of a place noun (ريف دير الزور، مدينة هجين): the place where
        something happened."""
        prep = self._any_prep(toks, c)
        if prep:
            return prep not in ("بين", "مع")  # محادثات بين X وY: partners, not places
        if c.i == 0 or not toks[c.i - 1].word:
            return False
        w = toks[c.i - 1].norm
        if w.startswith(("ال", "وال")):
            return False  # كوريا الجنوبية وكوريا الشمالية: an adjective, not the head of an idafa
        return bool((stems(w) | {w}) & self.placehead)

    def _has(self, w: str, words: frozenset[str]) -> bool:
        return w in words or bool(stems(w) & words)

    def near_nature(self, toks: list[Tok], hit: Hit) -> bool:
        """A natural phenomenon, disease or accident next to the trigger (حرائق تضرب، بحادث سير)."""
        return any(self._has(toks[k].norm, self.nature)
                   for k in range(max(0, hit.i - NATURE_WINDOW), min(len(toks), hit.last + NATURE_WINDOW + 1)))

    def anonymity(self, toks: list[Tok], hit: Hit) -> bool:
        """طالبا عدم نشر اسمه: a source asking not to be named."""
        after = [toks[k].norm for k in range(hit.last + 1, min(len(toks), hit.last + 4))]
        return "عدم" in after and any(self._has(w, self.anon) for w in after[after.index("عدم") + 1:])

    def background(self, toks: list[Tok], hit: Hit) -> bool:
        """A remembered or earlier event, not news: the sentence opens with يذكر أن / يشار إلى أن, the trigger follows
        ذكرى / إحياء (an anniversary), or العام الماضي follows it in the same clause."""
        opening = [t.norm for t in toks[:3] if t.word][:2]
        if opening and opening[0] in self.bg_open:
            return True
        if any(self._has(toks[k].norm, self.anniversary) for k in range(max(0, hit.i - 3), hit.i)):
            return True
        for k in range(hit.last + 1, min(len(toks) - 1, hit.last + 8)):
            if toks[k].norm in CLAUSE_PUNCT:
                break
            if f"{toks[k].norm}_{toks[k + 1].norm}" in self.past_period:
                return True
        return False

    # ---------------------------------------------------------------- actors
    def _actor_info(self, w: str, tm: bool = False) -> ActorInfo | None:
        if w in self.lex.actors:
            return self.lex.actors[w]
        for s, p in variants(w):
            if "|i" in p or (tm and "|h" in p):
                continue  # محافظة (spelt with ة) is not محافظ + "his"
            info = self.lex.actors.get(s)
            if info is not None and "|a" in p and info.kind in ("head", "agent", "victim"):
                continue  # العربي (an adjective) is not عرب "Arabs"
            if info is not None:
                return info
        return None

    def _phrase(self, toks: list[Tok], i: int) -> tuple[int, ActorInfo] | None:
        if i + 1 >= len(toks) or not toks[i + 1].word:
            return None
        second = _noun_keys(toks[i + 1].norm) | stems(toks[i + 1].norm)
        best: tuple[int, ActorInfo] | None = None
        # sorted: ties on length keep the first phrase found, so the order must not depend on the hash seed
        for s in sorted(_noun_keys(toks[i].norm)):
            by_second = self.lex.phrases.get(s)
            if not by_second:
                continue
            for w2 in sorted(second & by_second.keys()):
                for words, info in by_second[w2]:
                    j = i + len(words)
                    if j <= len(toks) and all(
                        toks[i + k].word and (toks[i + k].norm == w or w in stems(toks[i + k].norm))
                        for k, w in enumerate(words[2:], 2)
                    ) and (best is None or j > best[0]):
                        best = (j, info)
        return best

    def actors(self, doc: Document, toks: list[Tok], ent_spans: list[tuple[int, int, Entity]]) -> list[Cand]:
        out: list[Cand] = []
        # 1. entity mentions (the NER + KB layers) win where they exist.
        ent_at: dict[int, tuple[int, Entity]] = {}
        prep_clitic: set[int] = set()  # بصنعاء: the mention starts after a ب/ل/ك preposition glued to it
        for s, e, ent in ent_spans:
            idx = [k for k, t in enumerate(toks) if t.start < e and t.end > s]  # وبايدن holds بايدن
            if idx:
                ent_at[idx[0]] = (idx[-1] + 1, ent)
                t0 = toks[idx[0]]
                if s > t0.start and set(nkey(doc.text[t0.start:s])) & set("بلك"):
                    prep_clitic.add(idx[0])
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            if i in ent_at:
                j, ent = ent_at[i]
                out.append(self._from_entity(doc, toks, i, j, ent))
                i = j
                continue
            if not t.word or t.norm in PREPS or t.norm in self.skip or t.norm in self.boundary:
                i += 1
                continue
            ph = self._phrase(toks, i)
            if ph:
                inside = [k for k in range(i + 1, ph[0]) if k in ent_at]
                ph = (inside[0], ph[1]) if inside else ph
            info = ph[1] if ph else self._actor_info(t.norm, t.tm)
            if info is None:
                if t.norm in self.regional or (stems(t.norm) & self.regional and t.norm.startswith(("ال", "وال"))):
                    out.append(Cand(i, i + 1, t.start, t.end, None, "", "", "regional", regional=True))
                i += 1
                continue
            if not ph and info.kind in ("head", "victim", "agent") and self._verbish(t.norm):
                i += 1  # وطالب الرئيس ...: a verb, not the noun "student"
                continue
            if not ph and not t.tm and t.norm.endswith("ه") and any(
                    t.norm[len(pc):] in self.lex.actors for pc in ("", "و", "ف", "ب", "ل", "ال", "وال")):
                i += 1  # وحده "alone", طلبه "his request": the lexicon word is وحدة / طلبة, spelt with ة
                continue
            j = ph[0] if ph else i + 1
            cand = Cand(i, j, t.start, toks[j - 1].end, None, info.country, info.sector, info.kind)
            # extend over adjectives / further actor words: القوات الأمريكية، قوات الأمن الباكستانية
            while j < n and j - i < 5 and toks[j].word and not toks[j].norm.startswith("و") \
                    and toks[j].norm not in PREPS and toks[j].norm not in self.skip:
                if j in prep_clitic:
                    break  # الميليشيات بصنعاء: a place, not part of the actor's name
                if j in ent_at:
                    k, ent = ent_at[j]
                    ent_cand = self._from_entity(doc, toks, j, k, ent)
                    cand.entity, cand.j, cand.end = ent_cand.entity, k, ent_cand.end
                    cand.country = ent_cand.country or cand.country
                    cand.sector = ent_cand.sector or cand.sector
                    cand.regional = ent_cand.regional
                    j = k
                    break
                nxt = self._actor_info(toks[j].norm)
                if nxt is None or (nxt.kind in ("victim",) and cand.kind != "victim"):
                    break
                if nxt.kind != "adjective" and not toks[j].norm.startswith("ال"):
                    break  # مسلحون صحفيا: a new noun (the object), not a genitive
                cand.country = cand.country or nxt.country
                cand.sector = cand.sector or nxt.sector
                if nxt.kind in ("named", "country") and cand.kind in ("head", "agent"):
                    cand.kind = nxt.kind
                j += 1
                cand.j, cand.end = j, toks[j - 1].end
            stem_keys = stems(t.norm) | {t.norm}
            cand.regional = cand.regional or bool(stem_keys & self.regional) or t.norm in self.regional
            if cand.kind == "adjective" and not cand.regional and self._adj_regional(t.norm):
                cand.regional = True
            cand.counted = i > 0 and (toks[i - 1].norm.isdigit() or toks[i - 1].norm in self.number
                                      or any(s in self.number for s in stems(toks[i - 1].norm)))
            if cand.kind == "adjective" and i > 0 and toks[i - 1].word and not (out and out[-1].j == i):
                prev = toks[i - 1].norm
                if not (prev in self.skip or prev in self.number or prev in QUANT or prev.isdigit()
                        or prev in PREPS or self._verbish(prev)):
                    cand.modifier = True
            if not cand.modifier and not cand.entity and i > 0 and toks[i - 1].word and not (out and out[-1].j == i) \
                    and j - i == 1 and (cand.kind == "named" or re.search(r"(ي|يه|يون|يين)$", t.norm)):
                # عبوة ناسفة، الهجمات الانتحارية: an adjective agreeing with the noun before it
                prev = toks[i - 1].norm
                definite = (t.norm.startswith(("ال", "وال", "بال", "لل")), prev.startswith(("ال", "وال", "بال", "لل")))
                if definite[0] == definite[1] and not (
                        prev in self.skip or prev in self.number or prev in QUANT or prev.isdigit() or prev in PREPS
                        or prev in self.speech or prev in self.light or self._verbish(prev, any_verb=True)):
                    cand.modifier = True
            if (stems(t.norm) | {t.norm}) & self.protester:
                cand.kind = "protester"
            if cand.kind == "adjective" and i > 0 and out and out[-1].j == i:
                # a bare adjective right after an actor belongs to it
                out[-1].country = out[-1].country or cand.country
                out[-1].j, out[-1].end = j, cand.end
            else:
                out.append(cand)
            i = j
        return out

    def _verbish(self, w: str, any_verb: bool = False) -> bool:
        if w.startswith(("ال", "وال", "بال", "لل")):
            return False
        if any_verb and (w in self.speech or stems(w) & (self.speech | self.light)):
            return True
        return any(t.pos == "V" and (any_verb or not t.second) for st, p in variants(w)
                   if p.split("|")[0] in ("", "و", "ف") and "|n" not in p
                   for t in self.lex.triggers.get(st, ()))

    def _adj_regional(self, w: str) -> bool:
        return bool((stems(w) | {w}) & REGIONAL_ADJ)

    def _from_entity(self, doc: Document, toks: list[Tok], i: int, j: int, ent: Entity) -> Cand:
        texts = {nkey(m.text or "") for m in ent.mentions} | {nkey(ent.canonical_ar or "")}
        regional = bool(texts & self.regional) or (ent.canonical or "").lower() in ("the west", "west")
        kind = {"LOC": "country", "PER": "named", "ORG": "named"}.get(ent.type, "misc")
        if ent.type == "MISC" and not regional:
            kind = "misc"
        return Cand(i, j, toks[i].start, toks[j - 1].end, ent.id, ent.country or "", ent.sector or "", kind,
                    regional=regional)

    # ---------------------------------------------------------------- triggers
    def triggers(self, toks: list[Tok], covered: set[int], hard: frozenset[int] = frozenset()) -> list[Hit]:
        """Trigger hits; ``hard`` tokens (entity mentions) never trigger, ``covered`` ones only with a companion."""
        hits: list[Hit] = []
        n = len(toks)
        for i, t in enumerate(toks):
            if not t.word or len(t.norm) < 2 or i in hard:
                continue
            if (t.norm in self.time_noun or stems(t.norm) & self.time_noun) and i + 1 < n \
                    and (toks[i + 1].norm in self.when or toks[i + 1].norm.isdigit()):
                continue  # فجر الجمعة: at dawn on Friday, not "detonated"
            soft = i in covered  # a lexicon actor (فتح = Fatah) may still be a verb with its companion
            best: tuple[float, Hit] | None = None
            for stem, p in variants(t.norm):
                for trig in self.lex.triggers.get(stem, ()):
                    has_al = "ال" in p or "لل" in p
                    if trig.pos == "V" and ("|n" in p or "|a" in p or p.split("|")[0] not in VERB_PROCLITICS):
                        continue  # verbs take neither ال/ب/ل nor nominal plural endings (صادرات ≠ صادر)
                    if trig.pos == "V" and "|h" in p and t.tm:
                        continue  # قبضة (ta marbuta) is not قبضه "he seized it"
                    if trig.pos == "N" and "|a" in p:
                        continue  # a nisba adjective is not the event noun (الاجتماعي ≠ اجتماع)
                    last = i
                    if soft and not trig.second:
                        continue
                    if trig.second:
                        last = -1
                        for k in range(i + 1, min(n, i + 5)):
                            if toks[k].word and (toks[k].norm in trig.second or stems(toks[k].norm) & trig.second):
                                last = k
                                break
                        if last < 0:
                            continue
                    score = (2 if trig.second else 0) + (1 if not p else 0) + len(stem) / 100
                    prep = p.split("|")[0].lstrip("وف")
                    if trig.pos == "N" and (has_al or prep in ("ب", "ل")):
                        score += 0.5
                    if trig.pos == "V" and not (has_al or prep in ("ب", "ل")):
                        score += 0.5
                    if best is None or score > best[0]:
                        best = (score, Hit(self._as_masdar(trig, toks, i, p), i, last, p))
            if best:
                hits.append(best[1])
        companions = {k for h in hits for k in range(h.i + 1, h.last + 1)}
        return [h for h in hits if h.i not in companions]

    def _as_masdar(self, trig: Trigger, toks: list[Tok], i: int, p: str) -> Trigger:
        """A bare verb-shaped trigger after a preposition or an event noun (بعد طرد المتمردين، عملية قصف) is a verbal
        noun: what follows is its object (recipient), or its actor for an intransitive trigger (gen = actor)."""
        if trig.pos != "V" or p or i == 0 or trig.second or toks[i - 1].norm not in self.masdar:
            return trig
        return Trigger(trig.stem, "N", trig.event, trig.cameo, trig.mode, trig.context,
                       "actor" if trig.gen == "actor" else "recipient", trig.second, trig.flags)

    # ---------------------------------------------------------------- roles
    def _prep_before(self, toks: list[Tok], c: Cand) -> str:
        first = toks[c.i].norm
        for p in ("وب", "ول", "ب", "ل"):
            if first.startswith(p) and not first.startswith(p + "ا") or first.startswith(p + "ال"):
                return p.lstrip("و")
        k = c.i - 1
        if k >= 0 and toks[k].norm in self.prep:
            return toks[k].norm
        return ""

    def _chain_left(self, toks: list[Tok], cands: list[Cand], idx: int) -> list[Cand]:
        """The candidate at idx plus those coordinated with it on its left (X و Y)."""
        group = [cands[idx]]
        k = idx
        while k > 0:
            prev, cur = cands[k - 1], cands[k]
            gap = toks[prev.j: cur.i]
            joined = toks[cur.i].norm.startswith("و") or any(g.norm.startswith("و") for g in gap)
            if cur.i - prev.j <= 3 and joined and not any(g.norm in CLAUSE_PUNCT for g in gap):
                group.insert(0, prev)
                k -= 1
            else:
                break
        return group

    def _chain_right(self, toks: list[Tok], cands: list[Cand], idx: int) -> list[Cand]:
        group = [cands[idx]]
        k = idx
        while k + 1 < len(cands):
            cur, nxt = cands[k], cands[k + 1]
            gap = toks[cur.j: nxt.i]
            if nxt.i - cur.j <= 2 and (toks[nxt.i].norm.startswith("و") or any(g.norm == "و" for g in gap)):
                group.append(nxt)
                k += 1
            else:
                break
        return group

    def _left_limit(self, toks: list[Tok], i: int, maxd: int) -> int:
        k = i - 1
        while k >= 0 and i - k <= maxd:
            w = toks[k].norm
            if w in CLAUSE_PUNCT or w in self.boundary or (w in self.speech and k < i - 1):
                return k + 1
            k -= 1
        return k + 1

    def _any_prep(self, toks: list[Tok], c: Cand) -> str:
        """Any preposition governing the candidate (a partitive من after a quantity does not count)."""
        p = self._prep_before(toks, c)
        if p:
            return p
        k = c.i - 1
        # idafa under a preposition: من حرم جامعة صنعاء
        if k >= 1 and toks[k].word and not toks[k].norm.startswith(("ال", "وال")) and toks[k - 1].norm in PREPS \
                and not (toks[k - 1].norm == "من" and k >= 2 and self._quant(toks[k - 2].norm)) \
                and not self._verbish(toks[k].norm):
            return toks[k - 1].norm
        if k >= 0 and toks[k].norm in PREPS:
            if toks[k].norm == "من" and k >= 1 and self._quant(toks[k - 1].norm):
                return ""
            return toks[k].norm
        return ""

    def _agent_marked(self, toks: list[Tok], c: Cand) -> bool:
        for k in range(max(0, c.i - 3), c.i):
            w = toks[k].norm
            if w in self.agent or stems(w) & self.agent:
                gap = toks[k + 1: c.i]
                return all(g.norm in self.skip or g.norm in self.number or g.norm.isdigit() for g in gap)
        return False

    def _has_object(self, toks: list[Tok], cands: list[Cand], hit: Hit, actors: list[Cand]) -> bool:
        """Does a direct object follow the verb (after its subject when the subject comes after it): a number, a
        counted noun or a party not under a preposition? An object pronoun on the verb (قتلهم) counts too."""
        if re.search(r"(ه|ها|هم|هما|هن)$", toks[hit.i].norm) and hit.last == hit.i:
            return True
        k = max([hit.last] + [a.j - 1 for a in actors if a.i > hit.last]) + 1
        while k < len(toks) and toks[k].norm in self.skip:
            k += 1
        if k >= len(toks) or not toks[k].word:
            return False
        w = toks[k].norm
        if w.isdigit() or w in self.number:
            return True
        if any(c.i == k for c in cands):
            return not any(c.i == k and self._any_prep(toks, c) for c in cands)
        # a plain noun (وخطف مسلحون مطران الكلدان), not a preposition, a clause opener, a coordinated word (واصيب) or a
        # time word (امس)
        return not (w in PREPS or w in INTENT_STOP or w in RELATIVE or w.startswith(("و", "ف", "ب", "ل"))
                    or self.roles_of(w) & {"when", "speech", "neg"})

    def _quant(self, w: str) -> bool:
        """A quantity before a partitive من (آلاف من المتظاهرين، ومجموعات من المواطنين)."""
        w2 = w[1:] if w.startswith(("و", "ف")) and len(w) > 3 else w
        return w.isdigit() or any(x in QUANT or x in self.number for x in (w, w2))

    def _armed(self, c: Cand) -> bool:
        """Can act as the agent of a passive-prone verb (kill, abduct …) that it follows."""
        if c.counted or c.kind == "victim":
            return False
        return c.sector in ARMED or c.kind in ("named", "country") or (c.entity is not None and c.kind != "misc")

    def _light_between(self, toks: list[Tok], c: Cand, hit: Hit) -> bool:
        """A nominal event takes the subject of a support verb (شن الجيش هجوما، عقدا محادثات) or of the main
        verb when it is a purpose/means noun (لتحذير، بقتل)."""
        if hit.proclitic.split("|")[0].lstrip("وف") in ("ل", "ب", "لل", "بال"):
            return True
        between = list(range(max(0, c.i - 2), c.i)) + list(range(c.j, hit.i))
        return any(toks[k].norm in self.light or stems(toks[k].norm) & self.light for k in between)

    def _subject_of_other_verb(self, toks: list[Tok], c: Cand, hit: Hit) -> bool:
        """ندد الرئيس بالهجوم: the candidate is the subject of another event verb, which governs the noun."""
        for k in range(max(0, c.i - 2), c.i):
            w = toks[k].norm
            if toks[k].word and w not in self.skip and not (stems(w) & self.light) and w not in self.light \
                    and self._verbish(w):
                return True
        return False

    def _is_speaker(self, toks: list[Tok], c: Cand) -> bool:
        """The one who reports (أعلنت الشرطة مقتل ...، مصدر أمني), not the one who acts."""
        if (stems(toks[c.i].norm) | {toks[c.i].norm}) & self.source:
            return True
        k = c.i - 1
        while k >= 0 and toks[k].norm in self.skip:
            k -= 1
        return k >= 0 and (toks[k].norm in self.speech or bool(stems(toks[k].norm) & self.speech))

    def roles(self, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """Fill ``hit.actors``, ``hit.recipients`` and ``hit.right_end`` by word-order rules, step by step (each step
        sees what the earlier ones found)."""
        st = self._role_setup(hit, toks, cands)
        self._companion_roles(st, hit, toks, cands)
        self._agent_roles(st, hit, toks, cands)
        self._genitive_roles(st, hit, toks, cands)
        self._adjacent_roles(st, hit, toks, cands)
        self._object_roles(st, hit, toks, cands)
        self._relative_roles(st, hit, toks, cands)
        self._left_subject(st, hit, toks, cands)
        self._protester_roles(st, hit, toks, cands)
        self._passive_roles(st, hit, toks, cands)
        self._fallback_actor(st, hit, toks, cands)
        self._filter_roles(st, hit, toks, cands)
        self._apply_appos(st, hit, toks, cands)
        hit.actors, hit.recipients, hit.right_end = st.actors, st.recips, st.used_right

    def _role_setup(self, hit: Hit, toks: list[Tok], cands: list[Cand]) -> _Roles:
        """Symmetry, passive flag, names in apposition, usable candidates and those right of the trigger."""
        trig = hit.trig
        sym = "sym" in trig.flags or any(
            toks[k].norm in self.mutual for k in range(max(0, hit.i - 1), min(len(toks), hit.last + 2)))
        passive = "passive" in trig.flags
        # وزير الطاقة الإسرائيلي، يوفال شتاينتز،: a name in apposition after a title is the same party
        appos: dict[int, int] = {}
        for k in range(len(cands) - 1):
            a, b = cands[k], cands[k + 1]
            if b.i == a.j + 1 and toks[a.j].norm in ("،", ",") and b.entity and b.kind == "named" \
                    and not a.entity and a.kind in ("head", "agent", "named"):
                appos[k] = k + 1
        usable = [k for k, c in enumerate(cands) if not c.modifier and k not in appos.values()]
        right: list[int] = []  # candidates after the trigger, up to a clause boundary
        for k in usable:
            c = cands[k]
            extra = sum(cands[v].j - cands[v].i + 2 for v in appos.values() if hit.last < cands[v].i < c.i)
            if c.i <= hit.last or c.i - hit.last - extra > 7:
                continue
            gap = toks[hit.last + 1: c.i]
            if any(g.norm in CLAUSE_PUNCT or g.norm in self.boundary or g.norm in self.speech for g in gap):
                break
            right.append(k)
        return _Roles(sym, passive, appos, usable, right)

    def _companion_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """A party between the trigger and its companion word (فرض الغرب عقوبات، أطلق المسلحون النار)."""
        trig = hit.trig
        if trig.pos == "V" and hit.last > hit.i:
            # the subject between a verb and its companion word: فرض الغرب عقوبات، أطلق المسلحون النار
            inner = [k for k in st.usable if hit.i < cands[k].i < hit.last and not self._any_prep(toks, cands[k])]
            gap = [g for g in toks[hit.i + 1: cands[inner[0]].i] if g.word and g.norm not in self.skip
                   and not g.norm.isdigit() and g.norm not in self.number] if inner else []
            if inner and st.passive and not self._armed(cands[inner[0]]):
                st.recips = self._chain_right(toks, cands, inner[0])  # لقي ثلاثة جنود حتفهم
            elif inner and gap and trig.gen == "actor":
                st.recips = self._chain_right(toks, cands, inner[0])  # دعا البيان مادورو إلى: a subject came first
            elif inner:
                st.actors = self._chain_right(toks, cands, inner[0])
        elif trig.pos == "N" and hit.last > hit.i and trig.gen == "actor":
            # the companion word is itself the actor: إضافة قوات روسية
            inner = [k for k in st.usable if hit.i < cands[k].i <= hit.last]
            if inner:
                st.actors = [cands[inner[0]]]
                st.used_right = cands[inner[0]].j - 1

    def _agent_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """An agent marker (على أيدي X، من قبل X، بنيران X، شنه X) names the actor, looked for further out."""
        # agent markers: على أيدي X، من قبل X، بنيران X، (هجوم) شنه X — looked for further out
        for k in st.usable:
            c = cands[k]
            if hit.last < c.i <= hit.last + 15 and self._agent_marked(toks, c):
                gap = toks[hit.last + 1: c.i]
                if any(g.norm in (".", "؛", ";") for g in gap):
                    break
                st.actors = self._chain_right(toks, cands, k)
                st.used_right = max(st.used_right, st.actors[-1].j - 1) if c.i - hit.last <= 7 else st.used_right
                st.right = [x for x in st.right if x != k]
                break

    def _genitive_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """The ل-genitive of an attack noun and a nationality adjective after a nominal event."""
        trig = hit.trig
        # "غارة لتحالف دعم الشرعية"، "هجوم لداعش": an armed group in an ل-genitive right after an attack noun did it
        # (not a place or target: قصف لمواقع المعارضة، قصف لمدينة حلب)
        if trig.pos == "N" and trig.event == "ASSAULT" and not st.actors and st.right:
            c = cands[st.right[0]]
            if c.i - hit.last <= 2 and self._prep_before(toks, c) == "ل" and c.kind != "country" \
                    and c.kind != "victim" and (c.sector in ARMED or c.entity is not None and c.kind == "named"):
                st.actors = self._chain_right(toks, cands, st.right[0])
                st.used_right = max(st.used_right, st.actors[-1].j - 1)
                st.right = st.right[1:]
        if trig.pos == "N" and not st.actors:
            for c in cands:
                if c.modifier and c.kind == "adjective" and hit.last < c.i <= hit.last + 2 and c.country \
                        and not any(toks[k].norm in self.copula for k in range(hit.last + 1, c.i)):
                    st.actors = [c]
                    st.used_right = max(st.used_right, c.j - 1)
                    break

    def _adjacent_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """The party right after the trigger: the genitive of a nominal event; for a verb the relative antecedent, the subject right before it (SVO) or after it (VSO)."""
        trig = hit.trig
        if trig.pos == "N":
            if st.right and cands[st.right[0]].i - hit.last <= 2 and not self._any_prep(toks, cands[st.right[0]]):
                k = st.right.pop(0)
                group = self._chain_right(toks, cands, k)
                if trig.gen == "actor" and not st.actors:
                    st.actors = group
                elif trig.gen == "recipient":
                    st.recips = group
                st.used_right = max(st.used_right, group[-1].j - 1)
        else:
            # "ماكرون الذي التقى ترودو": the antecedent of a subject relative clause is the actor. Not when the
            # verb carries an object pronoun and a subject follows it (المدنيين الذين قتلتهم القوات).
            if not st.actors and hit.i > 0 and toks[hit.i - 1].norm in RELATIVE:
                ante = [k for k in st.usable if cands[k].j == hit.i - 1]
                obj_rel = bool(re.search(r"(ه|ها|هم|هما)$", toks[hit.i].norm)) and bool(st.right) \
                    and cands[st.right[0]].i - hit.last <= 2 and not self._any_prep(toks, cands[st.right[0]])
                # والتي ندد بها كثيرون: a resumptive pronoun after the verb makes the antecedent its object
                nxt = toks[hit.last + 1].norm if hit.last + 1 < len(toks) else ""
                obj_rel = obj_rel or bool(_RESUMPTIVE.match(nxt))
                if ante and not obj_rel and (not st.passive or self._armed(cands[ante[0]])):
                    st.actors = self._chain_left(toks, cands, ante[0])
                elif ante and obj_rel and trig.gen == "recipient":
                    # قوات سوريا الديمقراطية التي تدعمها واشنطن: the antecedent is the object
                    st.recips = self._chain_left(toks, cands, ante[0])
                    st.obj_done = True
            # SVO when the subject sits right before the verb (the usual order after إن/أن and with plural verbs)
            lim = self._left_limit(toks, hit.i, 10)
            near_left = [k for k in st.usable if cands[k].j <= hit.i and cands[k].i >= lim
                         and hit.i - cands[k].j <= 2 and not self._any_prep(toks, cands[k])]
            plural = bool(re.search(r"(وا|ون|ا|تا)$", toks[hit.i].norm)) and not toks[hit.i].norm.endswith("ى")
            svo = bool(near_left) and not st.actors and not (st.passive and any(
                g.counted or g.kind == "victim" for g in self._chain_left(toks, cands, near_left[-1])))
            if svo and (plural or not st.right or hit.i - cands[near_left[-1]].j <= 1):
                st.actors = self._chain_left(toks, cands, near_left[-1])
            # a plural-marked verb (قتلوا، يحتجون) agrees with a subject already given: what follows is the object
            plural_marked = toks[hit.i].norm.endswith(("وا", "ون"))
            for k in list(st.right[:1]):
                c = cands[k]
                gap = toks[hit.last + 1: c.i]
                far = sum(1 for g in gap if g.word and g.norm not in self.skip and not g.norm.isdigit()
                          and g.norm not in self.number) > 0
                if plural_marked or far or self._any_prep(toks, c) or (st.passive and not self._armed(c)):
                    break
                if not st.actors:
                    st.actors = self._chain_right(toks, cands, k)
                    st.used_right = max(st.used_right, st.actors[-1].j - 1)
                ids = {id(a) for a in st.actors}
                st.right = [x for x in st.right if id(cands[x]) not in ids]

    def _object_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """The object or the type's prepositional target; مع/بين partners join the actors of symmetric events."""
        trig = hit.trig
        # object / prepositional target
        for k in ([] if st.obj_done else st.right[:2]):
            c = cands[k]
            prep = self._any_prep(toks, c)
            if c in st.actors:
                continue
            if st.sym and (prep == "مع" or toks[c.i - 1].norm == "بين"):
                st.actors = st.actors + (self._chain_right(toks, cands, k) if prep != "مع" else [c])
            elif prep and prep not in self.lex.recipient_preps.get(
                    trig.event, self.lex.recipient_preps.get("DEFAULT", TARGET_PREPS)):
                continue
            elif trig.pos == "N" and not prep:
                continue

            elif not st.recips and trig.gen != "-" or (st.passive and not st.recips):
                st.recips = self._chain_right(toks, cands, k)
            else:
                continue
            st.used_right = max(st.used_right, c.j - 1)
            break

    def _relative_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """An event noun with a relative clause about it (المعارك التي يخوضها الجيش ضد الحوثيين): the relative verb's
        prepositional target (the type's recipient prepositions) is the recipient. (Taking the relative verb's subject
        as the actor too cost one GSR source on spans-dev, so it is left to the other steps.)"""
        trig = hit.trig
        k = hit.last + 1
        if trig.pos != "N" or st.recips or k + 1 >= len(toks) or toks[k].norm not in RELATIVE \
                or not toks[k + 1].word or not re.search(r"(ه|ها|هم)$", toks[k + 1].norm):
            return
        preps = self.lex.recipient_preps.get(trig.event, self.lex.recipient_preps.get("DEFAULT", TARGET_PREPS))
        for x in st.usable:
            c = cands[x]
            if c.i <= k + 1:
                continue
            gap = toks[k + 2: c.i]
            if c.i - k > 8 or any(g.norm in CLAUSE_PUNCT or g.norm in self.boundary for g in gap):
                return
            if self._any_prep(toks, c) in preps:
                st.recips = self._chain_right(toks, cands, x)
                return

    def _left_subject(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """The subject before the trigger (SVO, a relative antecedent, a claimant, or the main-clause subject of a nominal event)."""
        trig = hit.trig
        # subject before the trigger (SVO, or the main-clause subject of a nominal event)
        st.svo_checked = False
        st.strong = False  # found by a relative antecedent or right before the verb, not by a wide search
        st.relative = False
        nxt_w = toks[hit.last + 1].norm if hit.last + 1 < len(toks) else ""
        resumptive = hit.i > 0 and toks[hit.i - 1].norm in RELATIVE and bool(_RESUMPTIVE.match(nxt_w))
        # إذ يرفض الأخير …: a singular verb followed by a definite noun that is no party has that noun as subject
        starts = {c.i for c in cands}
        vso_other = trig.pos == "V" and hit.last == hit.i and nxt_w.startswith("ال") and hit.i + 1 not in starts \
            and nxt_w not in self.skip and not toks[hit.i].norm.endswith(("وا", "ون")) and not (hit.proclitic and
                                                                                             "|i" in hit.proclitic)
        if not st.actors and (trig.pos == "V" or trig.gen != "-") and not resumptive and not vso_other:
            lim = self._left_limit(toks, hit.i, 10)
            before = {x for k in range(max(0, hit.i - 3), hit.i) for x in stems(toks[k].norm) | {toks[k].norm}}
            if trig.pos == "V" and hit.proclitic.startswith(("و", "ف")) and toks[hit.i].norm.endswith(("وا", "ون")):
                # coordinated plural verb: same subject as an earlier verb in the sentence
                lim = max(0, hit.i - 20)
                while any(toks[k].norm in (".", "؛", ";", ":") for k in range(lim, hit.i)):
                    lim += 1
            elif lim > 0 and toks[lim - 1].norm in RELATIVE:
                nxt = toks[hit.last + 1].norm if hit.last + 1 < len(toks) else ""
                if _RESUMPTIVE.match(nxt):
                    lim = hit.i  # التي ندد بها كثيرون: the antecedent is the object; the subject follows
                else:
                    lim = max(0, lim - 6)  # "المواطنين الغاضبين الذين يحتجون": the antecedent is the subject
                    st.relative = True
            elif before & CLAIM:
                lim = max(0, hit.i - 14)  # "أعلنت X مسؤوليتها عن خطف ...": the claimant is the actor
            for k in reversed([k for k in st.usable if cands[k].j <= hit.i and cands[k].i >= lim]):
                group = self._chain_left(toks, cands, k)
                if self._any_prep(toks, group[-1]) or self._is_speaker(toks, group[-1]):
                    continue
                # "بين قوى الأمن ومجموعات من المواطنين": keep only the members not under a preposition
                while self._any_prep(toks, group[0]) or self._is_speaker(toks, group[0]):
                    group = group[1:]
                if st.passive and not all(self._armed(g) for g in group) and not st.svo_checked:
                    st.recips = st.recips or group
                elif trig.pos == "N" and self._subject_of_other_verb(toks, group[0], hit):
                    break
                elif trig.pos == "N" and hit.i - group[-1].j > 3 and not self._light_between(toks, group[-1], hit) \
                        and not st.relative and not (before & CLAIM):
                    break  # … العناصر المسلحة خلال تبادل لإطلاق النار بمناطق المداهمات: too far to be its subject
                elif trig.pos == "N" and trig.gen == "recipient" \
                        and toks[hit.i].norm.endswith(tuple(trig.stem + x for x in ("ه", "ها", "هم"))) \
                        and not self._light_between(toks, group[-1], hit):
                    # اغتياله: the pronoun is the victim; the name before it is not the attacker
                    break
                else:
                    st.actors = group
                    st.strong = st.relative
                break

    def _protester_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """Protesters named anywhere near in the sentence are the ones protesting."""
        trig = hit.trig
        # protesters named anywhere in the sentence are the ones protesting
        if trig.event == "PROTEST" and not st.strong and not any(a.kind == "protester" for a in st.actors):
            near = [c for c in cands if c.kind == "protester" and abs(c.i - hit.i) <= PROTESTER_WINDOW]
            if near:
                st.actors = [min(near, key=lambda c: abs(c.i - hit.i))]

    def _passive_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """The unvowelled passive of kill/abduct verbs: a subject without an object is the victim."""
        trig = hit.trig
        # قتل جنديان أمريكيان وأصيب …، حراس الأمن قتلوا في هجوم: a kill/abduct verb with a subject and no object
        # is the unvowelled passive (قُتل), so its subject is the victim — even soldiers, who otherwise count as
        # armed agents. An object (a number or a party right after the verb and subject) keeps the active reading.
        if st.passive and trig.pos == "V" and st.actors and st.recips and any(
                toks[k].norm.startswith(("و", "ف")) and self._verbish(toks[k].norm, True)
                for k in range(hit.last + 1, st.recips[0].i)):
            st.recips = []  # قتل جنديان وأصيب تسعة عراقيين: the noun after a coordinated verb is that verb's, not ours
        st.victims = set()  # subjects read as victims: not the attacker of the fallback below either
        if st.passive and trig.pos == "V" and hit.proclitic.startswith(("و", "ف")) and st.actors \
                and all(a.j == hit.i for a in st.actors) and not re.search(r"(ه|ها|هم|هما|هن)$", toks[hit.i].norm):
            # قتل جنديان وأصيب …: the noun just before a coordinated verb ends the previous clause
            st.victims.update(id(a) for a in st.actors)
            st.actors = []
        if st.passive and trig.pos == "V" and st.actors and not st.recips and not st.sym \
                and not any(self._agent_marked(toks, a) for a in st.actors) and not self._has_object(toks, cands, hit, st.actors):
            st.recips, st.actors = st.actors, []

    def _fallback_actor(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """An attack (or protest) with no subject: the armed (or civil) group named nearby."""
        trig = hit.trig
        # an attack (or protest) with no subject found: the armed group (or civil group) named nearby did it
        if trig.event in FALLBACK_SECTORS and not st.actors:
            rec = {id(r) for r in st.recips}
            ok = set(st.usable)
            near = [c for k, c in enumerate(cands) if k in ok and id(c) not in rec and id(c) not in st.victims
                    and c.sector in FALLBACK_SECTORS[trig.event] and abs(c.i - hit.i) <= 15
                    and not self._any_prep(toks, c) and not self._is_speaker(toks, c) and not c.counted]
            if near:
                st.actors = [min(near, key=lambda c: abs(c.i - hit.i))]

    def _filter_roles(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """Places are no parties; objects of objcomp verbs; تعرض ل / تم + verbal noun; a protest's grievance target."""
        trig = hit.trig
        # a city or region named as the place of the event is not its actor
        st.actors = [a for a in st.actors if not (self._place(toks, a) and (self._locative(toks, a)
                                                                      or (trig.pos == "N" and a.i == hit.last + 1)))
                  and not (a.kind == "country" and a.i > 0 and toks[a.i - 1].norm in self.placehead)]
        if "objcomp" in trig.flags and not st.recips:
            # طرد 23 دبلوماسيا بريطانيا: the nationality of the object is the recipient
            objs = [c for c in cands if hit.last <= c.i <= hit.last + 2 and c.j > hit.last + 1 and c not in st.actors]
            if objs:
                st.recips = [objs[0]]
        under = [k for k in range(max(0, hit.i - 7), hit.i) if self._has(toks[k].norm, self.undergo)]
        if trig.pos == "N" and under and not any(toks[k].norm in CLAUSE_PUNCT for k in range(under[0], hit.i)):
            # تعرضا لهجوم، يواجه الوزير اتهامات: whoever "underwent" or faces the event is its recipient
            st.recips = st.recips or [a for a in st.actors if a.i < hit.i]
            st.actors = [a for a in st.actors if a.i > hit.i and self._agent_marked(toks, a)]
        if any(toks[k].norm in self.passive_aux for k in range(max(0, hit.i - 2), hit.i)):
            st.actors = [a for a in st.actors if self._agent_marked(toks, a)]  # تم اعتقال X: X is no actor
        if trig.event == "PROTEST" and not st.recips:
            st.recips = self._grievance_target(toks, cands, hit, st.actors)
        # اتفاق درعا: a city in the genitive of another noun is no party
        st.recips = [r for r in st.recips if not (self._place(toks, r) and r.i - 1 > hit.last and toks[r.i - 1].word
                                            and not self._any_prep(toks, r)
                                            and toks[r.i - 1].norm not in self.placehead)]
        if trig.event == "ASSAULT":
            # طوقت محافظة صعدة، ضربات على بلدة أم المياذن: a town named after a place noun is where the attack hit, not
            # the party attacked (the armed group or the people there are)
            def after_placehead(r: Cand) -> bool:
                k = r.i - 1
                while k > 0 and toks[k].norm == "#":  # محافظة #صعدة (a hashtag)
                    k -= 1
                return k >= 0 and toks[k].word and bool((stems(toks[k].norm) | {toks[k].norm}) & self.placehead)

            st.recips = [r for r in st.recips if not (
                self._place(toks, r) and after_placehead(r)
                or r.entity and r.j > r.i + 1 and toks[r.i].norm in self.placehead)]
        if trig.event not in ("ASSAULT", "COERCE", "MOBILIZE"):
            # زيارة إلى مدريد: a city under a preposition is where it happens, not who receives it (an attack on a
            # city still targets it)
            st.recips = [r for r in st.recips if not (self._place(toks, r) and self._any_prep(toks, r))]

    def _apply_appos(self, st: _Roles, hit: Hit, toks: list[Tok], cands: list[Cand]) -> None:
        """A title replaced by the name in apposition after it."""
        if st.appos:
            by_id = {id(cands[k]): cands[v] for k, v in st.appos.items()}
            st.actors = [by_id.get(id(a), a) for a in st.actors]
            st.recips = [by_id.get(id(r), r) for r in st.recips]
            st.used_right = max([st.used_right] + [c.j - 1 for c in st.actors + st.recips if c.i > hit.last])

    def _grievance_target(self, toks: list[Tok], cands: list[Cand], hit: Hit, actors: list[Cand]) -> list[Cand]:
        """The party a protest is against: the first actor within a few words after احتجاجا على / ضد / ينددون ب …
        that follows the trigger in the same sentence."""
        n = len(toks)
        for k in range(hit.last + 1, min(n, hit.last + 25)):
            if toks[k].norm in (".", "؛", ";"):
                return []
            if toks[k].norm in self.grievance or stems(toks[k].norm) & self.grievance:
                for x, c in enumerate(cands):
                    if k < c.i <= k + 6 and not c.modifier and c.kind != "protester" and c not in actors \
                            and not (self._place(toks, c) and self._locative(toks, c)):
                        return self._chain_right(toks, cands, x)
                return []
        return []

    # ---------------------------------------------------------------- factuality
    def factuality(self, hit: Hit, toks: list[Tok]) -> str:
        i = hit.i
        lim = self._left_limit(toks, i, 8)
        window = [toks[k].norm for k in range(lim, i)]
        for k, w in enumerate(window):
            if w in self.hyp or stems(w) & self.hyp or (w in HYP_NOUN and k > 0 and window[k - 1] in ("في", "فى")):
                return "hypothetical"
        near = [toks[k].norm for k in range(max(lim, i - 2), i) if toks[k].word]
        # ما negates only a verb right after it ("ما أسفر عن مقتل" is "which led to", not a negation)
        if any(w in self.neg and w != "ما" for w in near) or (
                hit.trig.pos == "V" and i > 0 and toks[i - 1].norm == "ما" and not (i > 1 and toks[i - 2].norm in PRONOUN_MA)):
            return "negated"
        if "س" in hit.proclitic and "|i" in hit.proclitic or any(w in self.fut for w in near):
            return "future"
        return "asserted"


def _entity_spans(doc: Document) -> list[tuple[int, int, Entity]]:
    out = []
    for ent in doc.entities:
        for m in list(ent.mentions) + list(ent.coref_mentions):
            out.append((m.start, m.end, ent))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    # keep the longest of overlapping mentions
    kept: list[tuple[int, int, Entity]] = []
    for s, e, ent in out:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, ent))
    return kept


def _time_for(doc: Document, toks: list[Tok], span: tuple[int, int], pos: int, speech: frozenset[str]) -> str | None:
    best: tuple[int, str] | None = None
    for t in doc.times:
        if t.start < span[0] or t.end > span[1] or not t.value or not _ISO.match(t.value):
            continue
        # the time of a reporting verb ("قال الكرملين يوم الأحد") is not the event's
        before = [k for k, tok in enumerate(toks) if tok.end <= t.start][-4:]
        if any(toks[k].norm in speech or stems(toks[k].norm) & speech for k in before):
            continue
        d = abs(t.start - pos)
        if best is None or d < best[0]:
            best = (d, t.value)
    return best[1] if best else None


def code_document(doc: Document, coder: Coder | None = None, min_confidence: float | None = None,
                  collect: list[tuple[str, list[str], tuple[int, int]]] | None = None) -> list[Event]:
    """Code the PLOVER events of ``doc`` (does not modify ``doc.events``; may add actor entities).

    Each candidate gets a detection ``confidence`` from the shipped detector; candidates of a type the detector
    was trained on (PROTEST, ASSAULT) below ``min_confidence`` (default: :func:`detector.default_min_confidence`,
    per type) are dropped. ``collect`` receives (type, features, sentence
    span) of every candidate that passed the rule filters, for training.
    """
    if not isinstance(doc.text, str) or not doc.text.strip():
        return []
    coder = coder or _default()
    det = detector.load()
    def floor(event_type: str) -> float:
        return detector.default_min_confidence(event_type) if min_confidence is None else min_confidence

    text = doc.text
    ent_spans = _entity_spans(doc)
    ent_starts = [x[0] for x in ent_spans]
    ent_type = {e.id: e.type for e in doc.entities}
    quote_spans = [(q.content.start, q.content.end) for q in doc.quotes]
    times = [(t.start, t.end, "date" if t.value and _ISO.match(t.value) else "ref") for t in doc.times]
    pv = LazyParseView(doc) if SYNTAX_FEATURES else None
    clause_at = {cl.start: cl for cl in doc.clauses}
    raw: list[tuple[Hit, str, tuple[int, int], list[Tok], list[str]]] = []
    sport_hits, sport_kinds = 0, set()
    last_pair: list[Cand] = []
    for sent_idx, (s0, e0) in enumerate(sentence_spans(doc)):
        all_toks = [
            Tok(m.start() + s0, m.end() + s0, nkey(m.group()), not _is_punct(m.group()), m.group().endswith("ة"))
            for m in _TOKEN.finditer(text[s0:e0])
        ]
        for w0 in range(0, max(len(all_toks), 1), MAX_SENT_TOKENS):
            toks = all_toks[w0: w0 + MAX_SENT_TOKENS]
            if not toks:
                continue
            lo = bisect.bisect_left(ent_starts, toks[0].start)
            hi = bisect.bisect_right(ent_starts, toks[-1].end)
            local = [x for x in ent_spans[lo:hi] if x[1] <= toks[-1].end]
            cands = coder.actors(doc, toks, local)
            covered = {k for c in cands if c.kind in ("named", "country") for k in range(c.i, c.j)}
            hard = frozenset(k for c in cands if c.entity for k in range(c.i, c.j))
            hits = coder.triggers(toks, covered, hard)
            prev: Hit | None = None
            last_act: Hit | None = None  # the last trigger in this sentence with an actor
            intent_until = -1
            intent_actor: list[Cand] = []
            intent_event = ""
            for h in hits:
                coder.roles(h, toks, cands)
                if clause_at:
                    _svo_object_fix(coder, h, toks, cands, clause_at)
                if CLAUSE_FALLBACK and clause_at:
                    _clause_roles(coder, h, toks, cands, clause_at)
                fact = coder.factuality(h, toks)
                trig = h.trig
                # a meeting/talks someone intends or agrees to hold is AGREE (CAMEO 036), not CONSULT
                near_intent = any(toks[k].norm in coder.intent for k in range(max(0, h.i - 3), h.i))
                if h.i <= intent_until and intent_event == "REQUEST" and trig.event not in ("PROTEST", "REQUEST"):
                    continue  # طالب بعقد اجتماع / بإطلاق سراح: what is asked for is not happening
                if trig.event == "CONSULT" and (h.i <= intent_until or near_intent):
                    h.trig = Trigger(trig.stem, trig.pos, "AGREE", "036", "", trig.context, trig.gen, trig.second,
                                     trig.flags)
                    if not h.actors and intent_actor:
                        h.actors = intent_actor
                if "intent" in trig.flags:
                    intent_until, intent_actor, intent_event = h.last + 7, h.actors, trig.event
                    for k in range(h.last + 1, min(len(toks), h.last + 8)):
                        if toks[k].norm in INTENT_STOP or not toks[k].word:
                            intent_until = k
                            break
                # "الزعيمين اتفقا": a dual group noun stands for the last pair of actors
                if not h.actors and last_pair and any(
                        toks[k].norm in DUAL_GROUPS for k in range(max(0, h.i - 3), min(len(toks), h.last + 3))):
                    h.actors = last_pair
                if len(h.actors) == 2:
                    last_pair = list(h.actors)
                # coordinated verb without its own subject: وعقدا ... (same subject as the previous event)
                if not h.actors and prev is not None and trig.pos == "V" and h.proclitic.startswith("و"):
                    h.actors = prev.actors
                elif last_act is not None and trig.pos == "V" and h.actors and h.actors[0].i > h.i \
                        and ((h.proclitic.startswith("و") and trig.gen == "recipient") or "hal" in trig.flags) \
                        and h.i - last_act.last <= 12 and h.i > last_act.last \
                        and not any(t.norm in (".", "؛", ";") for t in toks[last_act.last: h.i]):
                    # وندد التحالف بالجريمة، واتهم المتمردين ب… / … داعيا الأمم المتحدة إلى: a coordinated verb or a
                    # circumstantial participle keeps the clause's subject; the noun after it is its object
                    h.recipients, h.actors = h.actors, last_act.actors
                feats = _features(coder, toks, h, fact, hits, sent_idx, cands, ent_type, quote_spans, times, pv)
                raw.append((h, fact, (toks[0].start, toks[-1].end), toks, feats))
                prev = h
                if h.actors:
                    last_act = h
            for t in toks:
                if t.word and coder._has(t.norm, coder.sport):
                    sport_hits += 1
                    sport_kinds.add(t.norm)
            # nominal protest: "المتظاهرون" asserts a demonstration even without a protest verb
            if not any(h.trig.event == "PROTEST" for h in hits):
                for c in cands:
                    if c.kind == "protester":
                        trig = Trigger("", "N", "PROTEST", "140", "demonstrate", "political", "actor")
                        h = Hit(trig, c.i, c.j - 1, "", [c], [], c.j - 1)
                        feats = _features(coder, toks, h, "asserted", [h], sent_idx, cands, ent_type, quote_spans,
                                          times, pv)
                        raw.append((h, "asserted", (toks[0].start, toks[-1].end), toks, feats))
                        break
    sport_doc = len(sport_kinds) >= SPORT_MIN[0] and sport_hits >= SPORT_MIN[1]
    events: list[Event] = []
    idx = _DocIndex(doc)

    def keep(h: Hit, toks: list[Tok]) -> bool:
        if coder.background(toks, h):
            return False  # يذكر أن …، ذكرى اغتيال …، … العام الماضي: background, not a new event
        if not h.actors and coder.near_nature(toks, h):
            return False  # a storm, fire or road accident "strikes" or "kills": no political actor
        if h.trig.event == "REQUEST" and coder.anonymity(toks, h):
            return False
        if sport_doc and not any(c.sector in SPORT_KEEP and not coder._has(toks[c.i].norm, coder.sport)
                                 for c in h.actors + h.recipients):
            return False  # sport report: هجوم، المواجهات، التقى الفريقان are the game, not politics
        if any(c.regional for c in h.actors + h.recipients):
            return False  # PLOVER does not code regional constructs ("the West") as actors
        if any(coder._adj_regional(toks[k].norm) for k in range(h.i + 1, min(len(toks), h.last + 3))):
            return False  # "عقوبات غربية": the actor is a regional construct
        if "armed" in h.trig.flags and not any(c.sector in FALLBACK_SECTORS["ASSAULT"] | {"COP"} for c in h.actors):
            return False  # استهدف: an attack only when an armed actor does the targeting (not "the plan targets …")
        if h.trig.event == "PROTEST" and any(c.sector in ("MIL", "COP") for c in h.actors):
            return False  # قطع الجيش طريق: an army cutting a road is a military act, not a protest
        if not h.actors and "actor" in h.trig.flags:
            return False  # مسيرة العلاقات: a march only when someone marches
        if not h.actors and h.trig.event not in ACTORLESS_OK:
            return False  # an agreement, visit or aid with nobody named is too vague to code
        return True

    kept = [x for x in raw if keep(x[0], x[3])]
    # the detector scores a sentence's evidence for one type: all surviving candidates of that type together
    group: dict[tuple[tuple[int, int], str], set[str]] = {}
    for h, _fact, sent, _toks, feats in kept:
        group.setdefault((sent, h.trig.event), set()).update(feats)
    conf_of: dict[tuple[tuple[int, int], str], float | None] = {}
    for key, fs in group.items():
        feats_u = sorted(fs)
        if collect is not None:
            collect.append((key[1], feats_u, key[0]))
        conf_of[key] = round(det.score(feats_u), 4) if det is not None else None
    before = {e.id for e in doc.entities}
    for h, fact, sent, toks, _feats in kept:
        conf = conf_of[(sent, h.trig.event)]
        actor_ids = _ids(doc, idx, h.actors)
        recip_ids = [r for r in _ids(doc, idx, h.recipients) if r not in actor_ids]
        s = toks[h.i].start
        e = toks[max(h.last, h.right_end)].end
        ev = Event(
            event=h.trig.event,
            mode=[h.trig.mode] if h.trig.mode else [],
            context=[h.trig.context] if h.trig.context else [],
            actor=actor_ids,
            recipient=recip_ids,
            factuality=fact,
            cameo=h.trig.cameo or None,
            evidence=[Span.of(text, s, e)],
            confidence=conf,
        )
        date = _time_for(doc, toks, sent, s, coder.speech)
        if date:
            ev.date = date
        elif doc.published:
            ev.date = str(doc.published)[:10]
            ev.extra["date_basis"] = "published"
        ev.location = _location(idx, h, toks)
        _attribute_quote(doc, ev, h)
        ev.extra["_sent"] = [sent]
        if conf is not None:
            ev.extra["_conf"] = {sent: conf}
        _merge(events, ev)
    _anchor_dates(events)
    for ev in events:
        by_sent = ev.extra.pop("_conf", None)
        if by_sent:
            # one real event reported in several sentences: the chance that at least one report is right
            miss = 1.0
            for c in by_sent.values():
                miss *= 1.0 - c
            ev.confidence = round(1.0 - miss, 4)
    if det is not None:
        # types the detector never saw in training are kept whatever their confidence
        events = [e for e in events
                  if e.event not in det.types or e.confidence is None or e.confidence >= floor(e.event)]
        used = {i for e in events for i in e.actor + e.recipient}
        doc.entities = [e for e in doc.entities if e.id in before or e.id in used]
    return events


def _features(coder: Coder, toks: list[Tok], h: Hit, fact: str, hits: list[Hit], sent_idx: int,
              cands: list[Cand], ent_type: dict[str, str], quote_spans: list[tuple[int, int]],
              times: list[tuple[int, int, str]], pv: LazyParseView | None = None) -> list[str]:
    pos = toks[h.i].start
    in_quote = any(a <= pos < b for a, b in quote_spans)
    near = [ent_type.get(c.entity, "") for c in cands
            if c.entity and abs(c.i - h.i) <= detector.ROLE_WINDOW]
    n_same = sum(1 for x in hits if x.trig.event == h.trig.event)
    out = detector.features(coder, toks, h, fact, n_same, sent_idx, in_quote, [t for t in near if t],
                            _time_kind(times, toks[0].start, toks[-1].end))
    if pv is not None:
        out += pv.features(coder, toks[h.i].start, toks[h.i].end, h.trig.event)
    return out


def _svo_object_fix(coder: Coder, h: Hit, toks: list[Tok], cands: list[Cand], clause_at: dict[int, Clause]) -> None:
    """أن قوات التحالف في اليمن تطالب الأمم المتحدة …: when the shared clause view puts the verb's subject before it
    and every actor the word-order rules took after the verb lies inside one of the clause's objects, those were
    the object (now the recipient, when none was found) and the actor is the entity in the clause subject, if any."""
    if h.trig.pos != "V" or not h.actors or not all(a.i > h.last for a in h.actors):
        return
    t = toks[h.i]
    cl = next((clause_at[k] for k in range(t.start, t.end) if k in clause_at), None)
    if cl is None or cl.passive or cl.subject is None or cl.subject.end > t.start or not cl.objects:
        return
    if not all(any(o.start <= a.start and a.end <= o.end for o in cl.objects) for a in h.actors):
        return
    if not h.recipients and h.trig.gen != "-":
        h.recipients = h.actors
    subj = [k for k, c in enumerate(cands) if c.entity and not c.modifier
            and cl.subject.start <= c.start and c.end <= cl.subject.end and c.i < h.i]
    h.actors = coder._chain_right(toks, cands, subj[0]) if subj else []


def _clause_roles(coder: Coder, h: Hit, toks: list[Tok], cands: list[Cand], clause_at: dict[int, Clause]) -> None:
    """Fallbacks from the shared clause view (``doc.clauses``) for a trigger whose word-order rules found no actor
    or no recipient: the clause subject (not of a passive) as actor, the object or an oblique under one of the
    type's recipient prepositions as recipient. Only entity-backed candidates of the sentence are used: the
    clause view never creates a party."""
    t = toks[h.i]
    cl = next((clause_at[k] for k in range(t.start, t.end) if k in clause_at), None)
    if cl is None:
        return
    usable = [c for c in cands if not c.modifier and not c.regional]

    def cand_for(a: Arg) -> Cand | None:
        """The candidate the argument names: its entity, else the first candidate inside its phrase."""
        for c in usable:
            if a.entity and c.entity == a.entity:
                return c
        for c in usable:
            if a.start <= c.start < a.end:
                return c
        return None

    taken = {id(c) for c in h.actors + h.recipients}
    if CLAUSE_FALLBACK in ("actor", "both") and not h.actors and cl.subject is not None and not cl.passive:
        c = cand_for(cl.subject)
        if c is not None and id(c) not in taken and not coder._is_speaker(toks, c) \
                and not (coder._place(toks, c) and coder._locative(toks, c)):
            h.actors = [c]
            taken.add(id(c))
    if CLAUSE_FALLBACK in ("recipient", "both") and not h.recipients:
        preps = coder.lex.recipient_preps.get(h.trig.event, coder.lex.recipient_preps.get("DEFAULT", TARGET_PREPS))
        args = list(cl.objects) + [a for a in cl.obliques if a.prep and nkey(a.prep) in preps]
        for a in args:
            c = cand_for(a)
            if c is not None and id(c) not in taken and not (coder._place(toks, c) and coder._locative(toks, c)
                                                             and h.trig.event not in ("ASSAULT", "COERCE")):
                h.recipients = [c]
                break


def _time_kind(times: list[tuple[int, int, str]], s: int, e: int) -> str:
    """The kind of time expression in the sentence: "date" (a resolved day), "ref" (PRESENT_REF …), ""."""
    kinds = {k for a, b, k in times if a >= s and b <= e}
    return "date" if "date" in kinds else "ref" if kinds else ""


def _anchor_dates(events: list[Event]) -> None:
    """An undated event told in the same sentence as a dated one (استغل مكالمة الفيديو لتحذير …) shares its date."""
    dated = [(tuple(e.extra.get("_sent", [])), e.date) for e in events if "date_basis" not in e.extra and e.date]
    for e in events:
        sents = e.extra.pop("_sent", [])
        if e.extra.get("date_basis") != "published":
            continue
        for other_sents, date in dated:
            if set(map(tuple, sents)) & set(map(tuple, other_sents)):
                e.date = date
                e.extra.pop("date_basis", None)
                e.extra["date_basis"] = "sentence"
                break


def _is_punct(tok: str) -> bool:
    return not (tok[0].isalnum() or tok[0] == "_")


class _DocIndex:
    """Per-document lookups kept linear on long inputs: LOC mention starts and the events-made actor entities."""

    def __init__(self, doc: Document) -> None:
        locs = sorted((m.start, m.end, e.id) for e in doc.entities if e.type == "LOC" for m in e.mentions)
        self.loc_starts = [x[0] for x in locs]
        self.locs = locs
        self.actors: dict[str, tuple[Entity, set[int]]] = {}
        for e in doc.entities:
            if e.extra.get("origin") == "events" and e.extra.get("key"):
                self.actors[str(e.extra["key"])] = (e, {m.start for m in e.mentions + e.coref_mentions})
        self.n = len([e for e in doc.entities if e.extra.get("origin") == "events"])

    def loc_at(self, pos: int) -> str | None:
        k = bisect.bisect_right(self.loc_starts, pos) - 1
        if k >= 0 and self.locs[k][0] <= pos < self.locs[k][1]:
            return self.locs[k][2]
        return None


def _location(idx: _DocIndex, h: Hit, toks: list[Tok]) -> str | None:
    """A LOC entity introduced by في within a few tokens after the trigger."""
    if not idx.locs:
        return None
    used = {c.entity for c in h.actors + h.recipients}
    for k in range(h.i + 1, min(len(toks), h.i + 8)):
        if toks[k].norm in ("في", "فى") and k + 1 < len(toks):
            nxt = toks[k + 1]
            eid = idx.loc_at(nxt.start) or idx.loc_at(nxt.start + 1)
            if eid and eid not in used:
                return eid
    return None


def _attribute_quote(doc: Document, ev: Event, h: Hit) -> None:
    """Events reported inside a quote are attributed to its speaker (and a first-person one is the speaker's)."""
    s = ev.evidence[0].start
    for q in doc.quotes:
        if q.speaker and q.content.start <= s < q.content.end:
            ev.extra["reported_by"] = q.speaker
            if not ev.actor and ("|i" in h.proclitic and h.proclitic.split("|")[0] in ("", "و", "ف")):
                first = doc.text[ev.evidence[0].start: ev.evidence[0].end]
                if nkey(first)[:1] in ("ن", "ا") or nkey(first).startswith(("سن", "سا")):
                    ev.actor = [q.speaker]
            return


def _ids(doc: Document, idx: _DocIndex, cands: list[Cand]) -> list[str]:
    out: list[str] = []
    for c in cands:
        eid = c.entity or _actor_entity(doc, idx, c)
        if eid and eid not in out:
            out.append(eid)
    return out


def _actor_entity(doc: Document, idx: _DocIndex, c: Cand) -> str:
    """An entity for a lexicon-found actor (the entity layer had none there), shared by equal surface forms."""
    text = doc.text
    # the mention without a conjunction or a preposition glued to the article (وقوات → قوات، بالمتظاهرين → المتظاهرين)
    w0 = text[c.start: c.end]
    first = nkey(w0.split()[0]) if w0.split() else ""
    actors = _default().lex.actors
    if first[:1] in ("و", "ف") and len(first) > 3 and first not in actors and (
            first[1:].startswith("ال") or first[1:] in actors or any(s in actors for s in stems(first[1:]))):
        c.start += 1  # وقوات، والمتظاهرين: the conjunction (not وزير)
    w0 = text[c.start: c.end]
    if w0.startswith(("بال", "كال")) and len(w0.split()[0]) > 4:
        c.start += 1
    first = nkey(text[c.start: c.end].split()[0]) if text[c.start: c.end].split() else ""
    if first[:1] == "ل" and not first.startswith("لل") and len(first) > 4 and first not in actors and (
            first[1:] in actors or any(s in actors for s in stems(first[1:]))):
        c.start += 1  # قصف لقوات النظام: the preposition glued to a word without the article (not لبنان)
    surface = text[c.start: c.end]
    # one entity for قوات روسية / القوات الروسية: same head word (clitics and plural endings off) and codes
    head = nkey(surface).split()[0] if nkey(surface).split() else ""
    for p in ("وال", "بال", "لل", "ال", "و"):
        if head.startswith(p) and len(head) - len(p) >= 3:
            head = head[len(p):]
            break
    for suf in ("ات", "ون", "ين", "ه"):
        if head.endswith(suf) and len(head) - len(suf) >= 2:
            head = head[: -len(suf)]
            break
    key = f"{head}|{c.country}|{c.sector}" if (c.country or c.sector) else nkey(surface)
    span = Span.of(text, c.start, c.end)
    if key in idx.actors:
        ent, starts = idx.actors[key]
        if c.start not in starts:
            starts.add(c.start)
            (ent.mentions if ent.mentions else ent.coref_mentions).append(span)
        return ent.id
    linked = _kb_alias_entity(doc, span)
    if linked is not None:
        idx.actors[key] = (linked, {m.start for m in linked.mentions + linked.coref_mentions})
        return linked.id
    idx.n += 1
    etype = "LOC" if c.kind == "country" else "ORG" if c.sector in ORG_SECTORS else "MISC"
    # Only NER and KB aliases create named mentions (issue 13): a group the coder finds from common words
    # (المتظاهرون، قوات روسية) or a lexicon actor the KB does not know is a nominal entity, its spans coref only
    extra: dict[str, object] = {"origin": "events", "key": key, "nominal": True}
    ent = Entity(id=f"ent_evt_{idx.n}", type=etype, canonical_ar=surface, country=c.country or None,
                 sector=c.sector or None, coref_mentions=[span], extra=extra)
    doc.entities.append(ent)
    idx.actors[key] = (ent, {c.start})
    return ent.id


def _kb_alias_entity(doc: Document, span: Span) -> Entity | None:
    """The document entity for an actor span that is a KB alias the gazetteer marks (clitics allowed on the
    first word), as resolve links it: the entity already linked to that KB entry gets the span as a named
    mention, else a new linked entity is made. None when the span is no such alias."""
    from khabar.kb.kb import clitic_variants, kb_key, load_kb

    kb = load_kb()
    key = kb_key(span.text or "")
    first, _, rest = key.partition(" ")
    hit: tuple[int, str] | None = None
    for n, v in clitic_variants(first):
        k = f"{v} {rest}" if rest else v
        if k in kb.gaz_keys and kb.candidates(k):
            hit = (n, k)
            break
    if hit is None:
        return None
    n, k = hit
    link = kb.lookup(k, doc.published, clitics=False)[0]
    # the clitic (و، ب، لل…) stays outside the mention, as the gazetteer leaves it
    start = span.start
    if n:
        word = doc.text[span.start:].split()[0] if doc.text[span.start:].split() else ""
        start += _prefix_chars(word, n)
    named = Span.of(doc.text, start, span.end)
    for e in doc.entities:
        same = (e.wikidata == link.qid) if link.qid else (e.canonical == link.en and e.canonical_ar == link.ar)
        if same and (e.wikidata or e.canonical or e.canonical_ar):
            have = {(m.start, m.end) for m in e.mentions + e.coref_mentions}
            if (named.start, named.end) not in have:
                e.mentions.append(named)
                e.mentions.sort(key=lambda m: m.start)
            return e
    used = {e.id for e in doc.entities}
    eid, i = f"ent_{link.id}", 1
    while eid in used:
        i += 1
        eid = f"ent_{link.id}_{i}"
    ent = Entity(id=eid, type=link.type, canonical=link.en, canonical_ar=link.ar, wikidata=link.qid,
                 country=link.country, sector=link.sector, mentions=[named], extra={"origin": "events"})
    doc.entities.append(ent)
    return ent


def _prefix_chars(word: str, n: int) -> int:
    """Characters of ``word`` before its ``n``-th letter (diacritics and tatweel counted with their letter)."""
    seen = 0
    for k, ch in enumerate(word):
        if ch.isalpha() and not ("\u064b" <= ch <= "\u065f" or ch == "\u0640"):
            if seen == n:
                return k
            seen += 1
    return len(word)


def _merge(events: list[Event], ev: Event) -> None:
    """One real event mentioned several times: same type and factuality, compatible actors and recipients."""
    for x in events:
        # an announced action (ستطرد) and its report (طرد) are one event; the asserted reading wins
        if x.event != ev.event or (x.factuality != ev.factuality
                                   and {x.factuality, ev.factuality} != {"asserted", "future"}):
            continue
        if ev.factuality == "asserted":
            x.factuality = "asserted"
        a, b = set(x.actor), set(ev.actor)
        ra, rb = set(x.recipient), set(ev.recipient)
        same_sent = bool({tuple(s) for s in x.extra.get("_sent", [])} & {tuple(s) for s in ev.extra.get("_sent", [])})
        if same_sent and (b <= a | ra) and (rb <= a | ra):
            # قتل مسلحون ثلاثة جنود في هجوم: the noun restates the verb's event; its parties are already there
            # (a victim found as the noun's subject is not an actor)
            x.evidence.extend(ev.evidence)
            if "_conf" in ev.extra:
                x.extra.setdefault("_conf", {}).update(ev.extra["_conf"])
            return
        if a and b and not a & b:
            continue
        if ra and rb and ra != rb:
            continue
        if not (a or b) and ra and rb and not (ra & rb):
            continue
        x.actor += [i for i in ev.actor if i not in x.actor and i not in x.recipient]
        x.recipient += [i for i in ev.recipient if i not in x.recipient and i not in x.actor]
        x.evidence.extend(ev.evidence)
        if "_conf" in ev.extra:
            x.extra.setdefault("_conf", {}).update(ev.extra["_conf"])
        x.extra.setdefault("_sent", []).extend(ev.extra.get("_sent", []))
        x.mode += [m for m in ev.mode if m not in x.mode]
        x.context += [c for c in ev.context if c not in x.context]
        if x.extra.get("date_basis") == "published" and "date_basis" not in ev.extra and ev.date:
            x.date = ev.date
            x.extra.pop("date_basis", None)
        if ev.cameo and (not x.cameo or len(ev.cameo) > len(x.cameo)):
            x.cameo = ev.cameo
        return
    events.append(ev)


_CODER: Coder | None = None


def _default() -> Coder:
    global _CODER
    if _CODER is None:
        _CODER = Coder()
    return _CODER
