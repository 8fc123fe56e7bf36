"""In-document entity resolution and linking.

Input: ``doc.entities`` as the NER stage leaves them (one Entity per mention, ``canonical`` None). Output: one
Entity per real-world entity, linked to the KB where the KB knows it (``wikidata`` null otherwise, never forced):

1. mentions: NER mentions (clitics trimmed when the bare name is known), the dateline place/agency, and a
   gazetteer pass that finds KB aliases the NER missed (never overlapping an existing mention);
2. linking: exact normalised alias, in-document partial names (بوتين ↔ فلاديمير بوتين), then fuzzy
   (rapidfuzz) for long names; candidates chosen by type, the article date (dated roles) and the other
   countries in the article; capitals used as actors become the country (metonymy), the dateline city stays a city;
3. titles resolved by date (الرئيس الروسي، المتحدث باسم الكرملين) → ``coref_mentions`` of the holder;
4. group mentions (الزعيمين، الرئيسان) → ``doc.extra["group_mentions"]`` with the two leading persons;
5. generic institutions (الشرطة، وزارة الداخلية الكويتية، حكومة بريطانيا; ``sources/institutions.json``): ORG
   mentions where NER has none, country from the phrase or the article's dominant country, sector from the data;
   repeated mentions of one institution (and country) are one entity, unlinked unless the KB has that institution.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from khabar.document import Dateline, Document, Entity, Span
from khabar.kb.institutions import Institutions, InstMatch, load_institutions
from khabar.kb.kb import KB, KBEntity, clitic_variants, load_kb, strip_al
from khabar.text.dateline import detect_dateline
from khabar.text.normalize import normalize

# Words: letters/digits plus Arabic diacritics and tatweel; "_" splits (#بنيامين_نتنياهو hashtags).
# Zero-width characters inside a word (بو‍تين) stay in it; the normaliser drops them.
_TOK = re.compile(r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+(?:[\u200b-\u200f\u2060\ufeff]+(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+)*")
_GAP = re.compile(r"^[ \t\u00a0\u200c-\u200f\-._]{1,3}$")
# "موسكو (رويترز) -", "واشنطن، الولايات المتحدة الأمريكية (CNN)—": place, optional country, (agency), dash.
_DESC_GAP = re.compile(r'^[ \t\u00a0]{1,2}["“«\']?$')
_MAX_TEXT = 2_000_000
_PER = "PER"


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    norm: str
    rel: tuple[int, ...]  # offset inside the token of each char of ``norm`` (shared by equal tokens)

    @property
    def cmap(self) -> list[int]:
        """Offset in the original text of each char of ``norm`` (built on demand: few tokens need it)."""
        return [self.start + r for r in self.rel]


@dataclass(slots=True)
class _M:
    start: int
    end: int
    type: str
    source: str  # ner | gaz | dateline | title
    key: str = ""
    link: KBEntity | None = None
    group: str = ""  # cluster key
    role: str = ""  # "place" / "agency" for the dateline
    first_tok: int = -1
    prefix: str = ""  # normalised clitic letters cut from the first token
    extra: dict[str, Any] = field(default_factory=dict)


class _Spans:
    """Character spans ``(start, end, tag)`` with overlap look-ups by bisection: a mention is checked against
    its neighbours only, not against every mention of the article (which made resolution quadratic)."""

    def __init__(self, items: list[tuple[int, int, int]] | None = None) -> None:
        self.items = sorted(items or [])
        self.maxlen = max((b - a for a, b, _ in self.items), default=0)

    def add(self, a: int, b: int, tag: int = 0) -> None:
        bisect.insort(self.items, (a, b, tag))
        self.maxlen = max(self.maxlen, b - a)

    def remove(self, a: int, b: int, tag: int = 0) -> None:
        i = bisect.bisect_left(self.items, (a, b, tag))
        if i < len(self.items) and self.items[i] == (a, b, tag):
            del self.items[i]

    def overlapping(self, s: int, e: int) -> list[tuple[int, int, int]]:
        """The spans with ``a < e and s < b`` (any span starting before ``s - maxlen`` ends before ``s``)."""
        lo = bisect.bisect_left(self.items, (s - self.maxlen,))
        hi = bisect.bisect_left(self.items, (e,))
        return [it for it in self.items[lo:hi] if it[1] > s and it[0] < e]


_FUZZY_CUTOFF = 88  # fuzz.ratio (0-100) a KB alias needs to stand for a mention that matches nothing exactly
_FUZZY_MEMO = 50_000  # remembered fuzzy look-ups per resolver (then forgotten at once: a worker stays flat)


@lru_cache(maxsize=1 << 16)
def _norm_word(word: str) -> tuple[str, tuple[int, ...]]:
    """Matching form of one token (each character normalised and lower-cased on its own) and, for each of its
    characters, the offset inside ``word`` it came from. Cached: news repeats its words, and the per-character
    loop was the resolver's largest cost."""
    norm: list[str] = []
    rel: list[int] = []
    for i, ch in enumerate(word):
        n = normalize(ch, ta_marbuta=True).lower()
        norm.append(n)
        rel.extend([i] * len(n))
    return "".join(norm), tuple(rel)


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOK.finditer(text):
        norm, rel = _norm_word(m.group())
        if norm:
            out.append(_Tok(m.start(), m.end(), norm, rel))
    return out


class Resolver:
    def __init__(self, kb: KB | None = None) -> None:
        self.kb = kb if kb is not None else load_kb()  # an empty KB is falsy (len 0)
        self.inst: Institutions = load_institutions()
        self._adj_forms: dict[str, list[str]] | None = None  # ISO-3 → definite nationality adjectives
        self._fuzzy_keys: list[str] | None = None
        # mention key → closest fuzzy key (or None): news repeats the names the KB lacks, and each look-up scans
        # every long curated alias
        self._fuzzy_by_len: dict[int, list[str]] = {}  # the same keys by length
        self._fuzzy_hits: dict[str, str | None] = {}
        self._title_only: dict[str, KBEntity] = {}  # clusters that only a title names
        self._ends: list[int] = []
        self._title_prefixes: set[str] | None = None

    # -- entry point ----------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        text = doc.text
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_TEXT:
            doc.entities = []
            return
        date = str(doc.meta.get("published") or "")[:10] or None
        self._title_only = {}
        toks = _tokens(text)
        starts = {t.start: i for i, t in enumerate(toks)}
        self._ends = [t.end for t in toks]
        ments, coref_in = self._input_mentions(doc, toks, starts)
        self._extend_names(text, toks, ments)
        self._dateline(doc, toks, starts, ments)
        ments += self._gazetteer(text, toks, ments)
        ments = self._institutions(text, toks, ments)
        ments.sort(key=lambda m: (m.start, -m.end))
        ments = self._anaphors(text, toks, ments)
        self._link(ments, toks, date)
        self._inst_groups(ments)
        groups = self._cluster(ments)
        corefs = self._titles(toks, ments, groups, date)
        in_group = {m.extra.get("_in"): m.group for m in ments if m.extra.get("_in")}
        for (s, e, g) in coref_in:
            if g in in_group:
                corefs.setdefault(in_group[g], []).append((s, e))
        entities, gid_to_id = self._entities(text, ments, groups, corefs)
        doc.entities = entities
        self._set_dateline_ids(doc, ments, gid_to_id)
        self._group_mentions(doc, toks, ments, entities)

    # -- 1. mentions ----------------------------------------------------------------------------------
    def _tok_range(self, toks: list[_Tok], starts: dict[int, int], s: int, e: int) -> list[int]:
        i = starts.get(s)
        if i is None:  # mention not on a token start: the first token ending after it starts
            i = bisect.bisect_right(self._ends, s)
        out = []
        while i < len(toks) and toks[i].start < e:
            out.append(i)
            i += 1
        return out

    def _key_of(self, toks: list[_Tok], idx: list[int], trim: bool) -> tuple[str, int]:
        """Key of a mention over tokens ``idx`` and the clitic prefix length to trim (0 if none)."""
        if not idx:
            return "", 0
        first = toks[idx[0]].norm
        rest = " ".join(toks[i].norm for i in idx[1:])
        key = f"{first} {rest}".strip()
        if not trim or key in self.kb.alias:
            return key, 0
        for n, v in clitic_variants(first):
            k = f"{v} {rest}".strip()
            if v != first and k in self.kb.alias:
                return k, n
        return key, 0

    def _input_mentions(self, doc: Document, toks: list[_Tok], starts: dict[int, int]
                        ) -> tuple[list[_M], list[tuple[int, int, str]]]:
        ments: list[_M] = []
        coref_in: list[tuple[int, int, str]] = []
        seen: set[tuple[int, int]] = set()
        for ent in _input_entities(doc):
            typ = ent.type if ent.type in ("PER", "ORG", "LOC", "MISC") else "MISC"
            first_group = ""
            for sp in ent.mentions:
                if not (0 <= sp.start < sp.end <= len(doc.text)) or (sp.start, sp.end) in seen:
                    continue
                seen.add((sp.start, sp.end))
                s0, e0 = sp.start, sp.end
                while s0 < e0 and doc.text[s0].isspace():
                    s0 += 1
                while e0 > s0 and doc.text[e0 - 1].isspace():
                    e0 -= 1
                if s0 >= e0:
                    continue
                sp = Span(s0, e0)
                idx = self._tok_range(toks, starts, sp.start, sp.end)
                key, n = self._key_of(toks, idx, trim=True)
                start = sp.start
                if n and idx:
                    start = max(sp.start, toks[idx[0]].cmap[n])
                m = _M(start, sp.end, typ, "ner", key=key, first_tok=idx[0] if idx else -1,
                       prefix=toks[idx[0]].norm[:n] if (n and idx) else "")
                if ent.extra:
                    m.extra = dict(ent.extra)
                if not first_group:
                    first_group = f"in:{ent.id}"
                m.group = ""
                m.extra["_in"] = first_group
                ments.append(m)
            for sp in ent.coref_mentions:
                if 0 <= sp.start < sp.end <= len(doc.text):
                    coref_in.append((sp.start, sp.end, first_group))
        # Overlapping input mentions (nested NER output): keep the longest, first come.
        kept: list[_M] = []
        kept_spans = _Spans()
        for m in sorted(ments, key=lambda m: (-(m.end - m.start), m.start)):
            if not kept_spans.overlapping(m.start, m.end):
                kept.append(m)
                kept_spans.add(m.start, m.end)
        return kept, coref_in

    def _dateline(self, doc: Document, toks: list[_Tok], starts: dict[int, int], ments: list[_M]) -> None:
        text = doc.text
        dl = doc.dateline
        if dl is None:  # run without the text layer's dateline stage: use its detector
            dl = detect_dateline(text)
            if dl is None:
                return
            doc.dateline = dl
        for role in ("place", "agency"):
            sp = _span_of(dl.place_span if role == "place" else dl.agency_span)
            if sp is None:
                sp = _guess_dateline_part(text, dl, role)
            if sp is None:
                continue
            s, e = sp
            s, e = _strip_ws(text, s, e)
            if s >= e:
                continue
            idx = self._tok_range(toks, starts, s, e)
            key, _ = self._key_of(toks, idx, trim=False)
            hit = next((m for m in ments if m.start < e and s < m.end), None)
            if hit is not None:
                hit.start, hit.end, hit.key, hit.role = s, e, key, role
                if role == "agency":
                    hit.type = "ORG"
                continue
            ments.append(_M(s, e, "LOC" if role == "place" else "ORG", "dateline", key=key, role=role,
                            first_tok=idx[0] if idx else -1))

    def _gazetteer(self, text: str, toks: list[_Tok], ments: list[_M]) -> list[_M]:
        """KB aliases the NER missed: longest match, clitics allowed on the first word, no overlaps.

        An alias that strictly contains NER mentions replaces them (they are removed from ``ments``)."""
        kb = self.kb
        by_id = {id(m): m for m in ments}
        ment_spans = _Spans([(m.start, m.end, id(m)) for m in ments])  # the NER/dateline mentions still kept
        taken = _Spans([(m.start, m.end, 0) for m in ments])  # those and the aliases found
        dropped: set[int] = set()
        found: list[_M] = []
        i = 0
        maxl = min(kb.max_alias_len, 8)
        while i < len(toks):
            best: tuple[int, str, int] | None = None  # (last token, key, prefix len)
            for n, v in clitic_variants(toks[i].norm):
                if v not in kb.gaz_first:
                    continue
                key = v
                for j in range(i, min(i + maxl, len(toks))):
                    if j > i:
                        if not _GAP.match(text[toks[j - 1].end:toks[j].start]):
                            break
                        key += " " + toks[j].norm
                    if key in kb.gaz_keys and (best is None or j > best[0]):
                        best = (j, key, n)
            if best is None:
                i += 1
                continue
            j, key, n = best
            s, e = toks[i].cmap[n] if n else toks[i].start, toks[j].end
            over = [by_id[tag] for _a, _b, tag in ment_spans.overlapping(s, e)]
            # A longer KB alias beats the shorter or mis-typed NER spans it strictly contains
            # (بي بي سي over PER بي سي; جيش الإسلام over MISC الإسلام); any other overlap keeps the NER.
            if over and all(self._alias_beats(text, toks, i, j, s, e, m) for m in over):
                for m in over:
                    dropped.add(id(m))
                    ment_spans.remove(m.start, m.end, id(m))
                    taken.remove(m.start, m.end, 0)
            elif taken.overlapping(s, e):
                i += 1
                continue
            cands = kb.candidates(key)
            typ = cands[0].type if cands else "MISC"
            found.append(_M(s, e, typ, "gaz", key=key, first_tok=i, prefix=toks[i].norm[:n]))
            taken.add(s, e, 0)
            i = j + 1
        if dropped:
            ments[:] = [m for m in ments if id(m) not in dropped]
        return found

    def _alias_beats(self, text: str, toks: list[_Tok], i: int, j: int, s: int, e: int, m: _M) -> bool:
        """Does the alias over tokens i..j (chars s..e) replace NER mention ``m``? Only when it strictly
        contains it by whole tokens (not a clitic letter: للأمم) and adds no title before a person."""
        if m.source != "ner" or not (s <= m.start and m.end <= e):
            return False
        inner = [k for k in range(i, j + 1) if toks[k].start < m.end and m.start < toks[k].end]
        if len(inner) >= j - i + 1:
            return False
        head = " ".join(toks[k].norm for k in range(i, inner[0] if inner else i))
        return not (m.type == _PER and head and (head in self.kb.titles or head in self.kb.honorifics
                                                   or any(head.startswith(t + " ") for t in self.kb.titles)))

    def _extend_names(self, text: str, toks: list[_Tok], ments: list[_M]) -> None:
        """An NER person span that misses the first name the KB has: جاويش أوغلو in مولود جاويش أوغلو."""
        kb = self.kb
        spans = _Spans([(m.start, m.end, id(m)) for m in ments])
        for m in ments:
            i = m.first_tok
            if m.type != _PER or m.prefix or i <= 0 or not m.key:
                continue
            for k in (1, 2):
                a = i - k
                if a < 0 or any(not _GAP.match(text[toks[b].end:toks[b + 1].start]) for b in range(a, i)):
                    break
                key = " ".join(t.norm for t in toks[a:i]) + " " + m.key
                if any(c.type == _PER for c in kb.candidates(key)):
                    s = toks[a].start
                    if not any(tag != id(m) for _x, _y, tag in spans.overlapping(s, m.end)):
                        spans.remove(m.start, m.end, id(m))
                        m.start, m.key, m.first_tok = s, key, a
                        spans.add(m.start, m.end, id(m))
                    break

    def _institutions(self, text: str, toks: list[_Tok], ments: list[_M]) -> list[_M]:
        """Tag NER spans that are institution phrases; add the phrases NER missed (no overlaps)."""
        inst, kb = self.inst, self.kb
        if not inst.phrases:
            return ments
        for m in ments:
            if m.source != "ner" or m.type == _PER or m.first_tok < 0 or m.prefix:
                continue
            last = bisect.bisect_left(self._ends, m.end)
            if last < len(toks) and toks[last].end == m.end:
                hit = inst.match_at(kb, text, toks, m.first_tok, whole=last)
                if hit is not None and hit.prefix == 0:
                    m.type = "ORG"
                    m.extra["_inst"] = hit
        taken = _Spans([(m.start, m.end, id(m)) for m in ments])
        drop: set[int] = set()
        i = 0
        while i < len(toks):
            hit = inst.match_at(kb, text, toks, i)
            if hit is not None and toks[i].norm[hit.prefix:].startswith("لل"):
                hit = None  # للحكومة (ل + الحكومة): no clean span, and never the actor of its clause
            if hit is None:
                i += 1
                continue
            s = toks[i].cmap[hit.prefix] if hit.prefix else toks[i].start
            e = toks[hit.last].end
            absorb: set[int] = set()
            # حكومة بريطانيا: the country name joins a named institution; a generic one (nominal) leaves the
            # country's own named mention alone
            if hit.country_toks is not None and hit.key not in inst.nominal:
                cs, ce = toks[hit.country_toks[0]].start, toks[hit.country_toks[1]].end
                absorb = {oid for a, b, oid in taken.overlapping(cs, ce) if cs <= a and b <= ce}
            if any(oid not in absorb for _a, _b, oid in taken.overlapping(s, e)):
                i += 1
                continue
            drop |= absorb
            m = _M(s, e, "ORG", "inst", key=self._key_of(toks, list(range(i, hit.last + 1)), trim=False)[0],
                   first_tok=i, prefix=toks[i].norm[:hit.prefix])
            if hit.prefix:
                m.key = m.key[hit.prefix:]
            m.extra["_inst"] = hit
            ments.append(m)
            taken.add(s, e, id(m))
            i = hit.last + 1
        return [m for m in ments if id(m) not in drop] if drop else ments

    def _anaphors(self, text: str, toks: list[_Tok], ments: list[_M]) -> list[_M]:
        """وقالت الرابطة → the nearest earlier organisation named رابطة …; none before it, no mention."""
        inst = self.inst
        if not inst.anaphoric:
            return ments
        heads: dict[str, list[_M]] = {}
        for m in ments:
            words = m.key.split()
            # a name, not a description: جامعة يابانية (head + nationality adjective) names nothing
            if m.type == "ORG" and len(words) > 1 and not all(w in self.kb.adjectives for w in words[1:]):
                h = strip_al(words[0])
                if h in inst.anaphoric:
                    heads.setdefault(h, []).append(m)
            # a descriptor noun right before the name: شركة فولكسفاغن، لشركة فولكسفاغن، صحيفة "يوميوري"
            i = m.first_tok
            if m.type == "ORG" and i > 0 and _DESC_GAP.match(text[toks[i - 1].end:m.start]):
                for _n, v in clitic_variants(toks[i - 1].norm):
                    if v in inst.anaphoric:
                        heads.setdefault(v, []).append(m)
                        break
        if not heads:
            return ments
        taken = sorted((m.start, m.end) for m in ments)
        # The nearest antecedent of a head before position s is the last one (in mention order) that ends by
        # s: ends sorted, with the running latest mention index, answer it by bisection.
        by_end: dict[str, tuple[list[int], list[int]]] = {}
        for h, ms in heads.items():
            order = sorted(range(len(ms)), key=lambda k: ms[k].end)
            latest, run = [], -1
            for k in order:
                run = max(run, k)
                latest.append(run)
            by_end[h] = ([ms[k].end for k in order], latest)
        out: list[_M] = []
        for i, t in enumerate(toks):
            if "ال" not in t.norm:
                continue
            hit = inst.anaphor_at(self.kb, text, toks, i)
            if hit is None or hit[0] not in heads:
                continue
            head, n, last = hit
            s, e = toks[i].cmap[n] if n else t.start, toks[last].end
            ends, latest = by_end[head]
            n_before = bisect.bisect_right(ends, s)
            k = bisect.bisect_left(taken, (s, -1))
            if not n_before or (k < len(taken) and taken[k][0] < e) or (k and taken[k - 1][1] > s):
                continue
            m = _M(s, e, "ORG", "anaphor", key=t.norm[n:], first_tok=i, prefix=t.norm[:n])
            m.extra["_ana"] = heads[head][latest[n_before - 1]]
            out.append(m)
        if not out:
            return ments
        ments = ments + out
        ments.sort(key=lambda m: (m.start, -m.end))
        return ments

    def _inst_groups(self, ments: list[_M]) -> None:
        """Country and cluster of each unlinked institution mention; one entity per institution and country."""
        insts = [m for m in ments if "_inst" in m.extra and m.link is None]
        if not insts:
            return
        # The article's dominant country: only when one country clearly leads the linked mentions.
        count: Counter[str] = Counter(m.link.country for m in ments
                                      if m.link is not None and m.link.country and len(m.link.country) == 3
                                      and self.kb.country(m.link.country) is not None)
        top = count.most_common(2)
        dominant = None
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            dominant = top[0][0]
        stated: dict[str, set[str]] = {}
        for m in insts:
            h: InstMatch = m.extra["_inst"]
            if h.country:
                stated.setdefault(h.key, set()).add(h.country)
        for m in insts:
            h = m.extra["_inst"]
            country = h.country
            if country is None:
                same = stated.get(h.key, set())
                country = next(iter(same)) if len(same) == 1 else dominant
            ent = self._inst_in_kb(h.key, country)
            if ent is not None:
                m.link = ent
                continue
            m.extra["_inst_group"] = f"inst:{h.key}|{country or ''}"
            m.extra["_inst_codes"] = (country, h.sector)

    def _inst_in_kb(self, key: str, country: str | None) -> KBEntity | None:
        """The KB entity that is exactly this institution of this country (الخارجية + USA → State Dept)."""
        if not country:
            return None
        link_id = self.inst.link_key(key, country)
        if link_id and (ent := self.kb.get(link_id)) is not None:
            return ent
        if self._adj_forms is None:
            forms: dict[str, list[str]] = {}
            for a, iso in self.kb.adjectives.items():
                if a.startswith("ال"):
                    forms.setdefault(iso, []).append(a)
            self._adj_forms = forms
        for a in self._adj_forms.get(country, []):
            for c in self.kb.candidates(f"{key} {a}"):
                if c.type == "ORG" and c.country == country:
                    return c
        return None

    # -- 2. linking -----------------------------------------------------------------------------------
    def _link(self, ments: list[_M], toks: list[_Tok], date: str | None) -> None:
        kb = self.kb
        # Countries of unambiguous links give context for choosing between candidates.
        context: Counter[str] = Counter()
        for m in ments:
            c = kb.candidates(m.key)
            if len(c) == 1 and c[0].country:
                context[c[0].country] += 1
        for m in ments:
            m.link = self._choose(m, kb.candidates(m.key), date, context)
            if m.link is None and m.source == "ner" and " " in m.key:
                # NER spans that carry a title: "الرئيس الروسي فلاديمير بوتين" → link and cluster as the name.
                words = m.key.split()
                k = 0
                while k < len(words) - 1 and (words[k] in kb.honorifics or words[k] in kb.adjectives):
                    k += 1
                if k:
                    sub = " ".join(words[k:])
                    link = self._choose(m, kb.candidates(sub), date, context)
                    if link is not None or m.type == _PER:
                        m.key, m.link = sub, link
        # Partial names: a one-word person mention that is the surname (last word) of a fuller person mention.
        # Also "عبد الرحمن" ↔ "رامي عبد الرحمن" (any word suffix), and for organisations the head noun:
        # "المرصد" ↔ "المرصد السوري لحقوق الإنسان".
        full: dict[tuple[str, str], _M] = {}
        for m in ments:
            words = m.key.split()
            if len(words) < 2:
                continue
            if m.type == _PER:
                for k in range(1, len(words)):
                    full.setdefault((_PER, " ".join(words[k:])), m)
            elif m.type == "ORG":
                full.setdefault(("ORG", words[0]), m)
        for m in ments:
            f = full.get((m.type, m.key))
            if f is None or f is m or len(f.key) <= len(m.key):
                continue
            if m.type == "ORG" and m.link is not None:
                continue  # a known organisation keeps its own identity
            m.link = f.link
            m.extra["_partial"] = f
        # Fuzzy for long unlinked names (spelling variants the alias list lacks).
        for m in ments:
            if m.link is None and "_partial" not in m.extra and len(m.key) >= 6 and m.source == "ner":
                m.link = self._fuzzy(m, date, context)
        # Metonymy: a capital used as an actor is the country; the dateline city stays a city.
        for m in ments:
            e = m.link
            if m.role == "place":
                if e is not None and e.is_country:
                    city = next((c for c in kb.candidates(m.key) if c.capital_of), None)
                    m.link = city or e
                continue
            if e is not None and e.capital_of and not self._place_context(m, toks):
                country = kb.country(e.capital_of)
                if country is not None:
                    m.link = country
                    m.type = "LOC"
            if m.link is not None and m.link.type != m.type and m.source != "ner":
                m.type = m.link.type

    def _choose(self, m: _M, cands: list[KBEntity], date: str | None, context: Counter[str]) -> KBEntity | None:
        if not cands:
            return None
        ok = [c for c in cands if _type_ok(m.type, c.type)]
        if not ok:
            return None
        if m.role == "agency":
            ok = sorted(ok, key=lambda c: c.sector != "MED")
        if len(ok) == 1:
            return ok[0]

        def score(c: KBEntity) -> tuple[int, int, int, int, int]:
            return (
                -int(m.role == "place" and bool(c.capital_of)),
                -context.get(c.country or "", 0),  # عمان: Amman in a Jordan story, Oman in an Omani one
                -int(c.is_country and m.role != "place"),
                -int(bool(date) and c.any_active(date)),
                int(c.qid is None),
            )

        return sorted(ok, key=score)[0]

    def _fuzzy(self, m: _M, date: str | None, context: Counter[str]) -> KBEntity | None:
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # optional at run time: exact matching still works
            return None
        if self._fuzzy_keys is None:
            self._fuzzy_keys = sorted(
                k for k, idx in self.kb.alias.items()
                if len(k) >= 6 and any(self.kb.entities[i].source in ("curated", "countries", "user") for i in idx)
            )
            by_len: dict[int, list[str]] = {}
            for k in self._fuzzy_keys:
                by_len.setdefault(len(k), []).append(k)
            self._fuzzy_by_len = by_len
        if m.key in self._fuzzy_hits:
            best = self._fuzzy_hits[m.key]
        else:
            # fuzz.ratio is at most 200·min(a, b) / (a + b) for lengths a, b: only keys of a length that can
            # reach the cut-off are scored. The best score wins, ties the alphabetically first key — what one
            # extractOne over the whole sorted list returns.
            n = len(m.key)
            found: tuple[float, str] | None = None
            for size, keys in self._fuzzy_by_len.items():
                if 200.0 * min(n, size) / (n + size) < _FUZZY_CUTOFF - 0.5:
                    continue
                hit = process.extractOne(m.key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
                if hit is not None and (found is None or (-hit[1], hit[0]) < (-found[0], found[1])):
                    found = (hit[1], hit[0])
            best = None if found is None else found[1]
            if len(self._fuzzy_hits) >= _FUZZY_MEMO:
                self._fuzzy_hits.clear()
            self._fuzzy_hits[m.key] = best
        if best is None or best.count(" ") != m.key.count(" "):
            return None
        return self._choose(m, self.kb.candidates(best), date, context)

    def _place_context(self, m: _M, toks: list[_Tok]) -> bool:
        """True when the capital is a place here (في موسكو، بموسكو، العاصمة موسكو), not an actor."""
        if "ب" in m.prefix:
            return True
        i = m.first_tok
        if i <= 0:
            return False
        prev = toks[i - 1].norm
        if prev in self.kb.adjectives and i >= 2:  # العاصمة اليمنية صنعاء
            prev = toks[i - 2].norm
        return prev in self.kb.place_cues or any(v in self.kb.place_cues for n, v in clitic_variants(prev) if n)

    # -- 3. clusters and titles -----------------------------------------------------------------------
    def _cluster(self, ments: list[_M]) -> dict[str, list[_M]]:
        groups: dict[str, list[_M]] = {}
        for m in ments:
            if "_ana" in m.extra:  # anaphors follow their antecedent (earlier in text: already grouped)
                ante = m.extra["_ana"]
                m.link, m.group = ante.link, ante.group
                continue
            if m.link is not None:
                m.group = f"kb:{m.link.id}"
            elif "_inst_group" in m.extra:
                m.group = m.extra["_inst_group"]
            elif "_partial" in m.extra:
                f = m.extra["_partial"]
                m.group = f"kb:{f.link.id}" if f.link else f"nm:{_loose(f.key)}"
            elif m.role == "place":
                m.group = f"dl:{m.key}"
            else:
                m.group = f"nm:{_loose(m.key)}" if m.key else f"in:{m.start}"
        for m in ments:
            groups.setdefault(m.group, []).append(m)
        return groups

    def _titles(self, toks: list[_Tok], ments: list[_M], groups: dict[str, list[_M]], date: str | None
                ) -> dict[str, list[tuple[int, int]]]:
        kb = self.kb
        corefs: dict[str, list[tuple[int, int]]] = {}
        if not kb.titles:
            return corefs
        by_start_tok: dict[int, _M] = {}
        for m in ments:
            if m.first_tok >= 0:
                by_start_tok.setdefault(m.first_tok, m)
        i = 0
        while i < len(toks):
            hit = self._title_at(toks, i)
            if hit is None:
                i += 1
                continue
            role, j, n = hit  # title tokens i..j, prefix n on the first token
            of, q_end = self._qualifier(toks, j + 1)
            end_tok = q_end if of else j
            nxt = by_start_tok.get(end_tok + 1)
            named = nxt if nxt is not None and nxt.type == _PER else None
            holder = kb.holder(role, of, date) if of else None
            s, e = toks[i].cmap[n] if n else toks[i].start, toks[end_tok].end
            if named is not None and of:
                g = named.group
            elif named is None and holder is not None:
                g = f"kb:{holder.id}"
                if g not in groups:
                    groups[g] = []
                    self._title_only.setdefault(g, holder)
            else:
                i = end_tok + 1
                continue
            corefs.setdefault(g, []).append((s, e))
            i = end_tok + 1
        return corefs

    def _title_at(self, toks: list[_Tok], i: int) -> tuple[str, int, int] | None:
        best = None
        titles = self.kb.titles
        prefixes = self._title_prefixes
        if prefixes is None:
            # every word-boundary prefix of a title: a key that is none of them cannot grow into a title
            prefixes = self._title_prefixes = {
                " ".join(ws[:k]) for t in titles for ws in [t.split(" ")] for k in range(1, len(ws) + 1)
            }
        for n, v in clitic_variants(toks[i].norm):
            key = v
            for j in range(i, min(i + self.kb.max_title_len, len(toks))):
                if j > i:
                    key += " " + toks[j].norm
                if key not in prefixes:
                    break
                role = titles.get(key)
                if role and (best is None or j > best[1]):
                    best = (role, j, n)
        return best

    def _qualifier(self, toks: list[_Tok], k: int) -> tuple[str | None, int]:
        """What the title is of: ISO-3 (adjective or country name) or a KB id (organisation)."""
        kb = self.kb
        if k >= len(toks):
            return None, k
        if toks[k].norm in ("باسم", "لدي", "في", "الي", "ل", "الخاص") and k + 1 < len(toks):
            k += 1
        # two-word adjectives first (الكوري الجنوبي)
        if k + 1 < len(toks) and (iso := kb.adjectives.get(f"{toks[k].norm} {toks[k + 1].norm}")):
            return iso, k + 1
        if iso := kb.adjectives.get(toks[k].norm):
            return iso, k
        for _n, v in clitic_variants(toks[k].norm):
            key = v
            best = None
            for j in range(k, min(k + 6, len(toks))):
                if j > k:
                    key += " " + toks[j].norm
                c = kb.candidates(key)
                if c:
                    best = (c[0], j)
            if best is not None:
                ent, j = best
                if ent.is_country:
                    return ent.country, j
                if ent.capital_of:
                    return ent.capital_of, j
                if ent.type == "ORG":
                    return ent.id, j
        return None, k

    # -- 4. output ------------------------------------------------------------------------------------
    def _entities(self, text: str, ments: list[_M], groups: dict[str, list[_M]],
                  corefs: dict[str, list[tuple[int, int]]]) -> tuple[list[Entity], dict[str, str]]:
        out: list[Entity] = []
        used: set[str] = set()
        gid_to_id: dict[str, str] = {}
        for g, ms in groups.items():
            link = next((m.link for m in ms if m.link is not None), None) or self._title_only.get(g)
            if not ms and link is None:
                continue
            # Only NER, KB aliases and the dateline create named mentions; an institution phrase found by the
            # resolver (الشرطة، الحكومة الكندية) or an anaphor (المنظمة) is a nominal mention of its entity, unless
            # the KB knows that exact institution (الخارجية الأميركية → the State Department).
            nominal = {(m.start, m.end) for m in ms if self._nominal(m)}
            spans = sorted({(m.start, m.end) for m in ms} - nominal)
            mentions = [Span.of(text, s, e) for s, e in spans]
            cspans = sorted((set(corefs.get(g, [])) | nominal) - set(spans))
            coref = [Span.of(text, s, e) for s, e in cspans]
            if link is not None:
                typ = link.type
                canonical, canonical_ar, qid = link.en, link.ar, link.qid
                country, sector = link.country, link.sector
                base = link.id
            else:
                typ = Counter(m.type for m in ms).most_common(1)[0][0]
                canonical_ar = max((m.text or "" for m in mentions or coref), key=len)  # Span.of sets text
                canonical, qid = None, None
                inst = next((m.extra["_inst_codes"] for m in ms if "_inst_codes" in m.extra), None)
                country, sector = inst if inst is not None else self._codes(ms)
                base = _romanize(strip_al(ms[0].key)) or "x"
            eid = _unique("ent_" + base, used)
            gid_to_id[g] = eid
            out.append(Entity(eid, typ, canonical=canonical, canonical_ar=canonical_ar, wikidata=qid,
                              country=country, sector=sector, mentions=mentions, coref_mentions=coref))
        out.sort(key=lambda e: (e.mentions or e.coref_mentions)[0].start)
        return out, gid_to_id

    def _nominal(self, m: _M) -> bool:
        """A mention the resolver found from common words that names nothing by itself: a generic institution
        (الشرطة، الجيش الإسرائيلي; ``nominal`` in institutions.json) the KB does not link, or a descriptor
        anaphor (الشركة after شركة فولكسفاغن). A short name (المرصد after المرصد السوري …) stays a name."""
        if m.source == "anaphor":
            ante = m.extra.get("_ana")
            words = ante.key.split() if isinstance(ante, _M) else []
            return not (words and strip_al(words[0]) == strip_al(m.key))
        hit = m.extra.get("_inst")
        return m.source == "inst" and m.link is None and hit is not None and hit.key in self.inst.nominal

    def _codes(self, ms: list[_M]) -> tuple[str | None, str | None]:
        """Actor codes of an unlinked entity: nationality adjective + sector word (القوات الروسية → RUS MIL)."""
        kb = self.kb
        country = sector = None
        for m in ms:
            words = m.key.split()
            if m.key in kb.actors:
                c, s = kb.actors[m.key]
                country, sector = country or c, sector or s
            for w in words:
                country = country or kb.adjectives.get(w)
            if words:
                sector = sector or kb.sector_words.get(words[0])
        return country, sector

    def _set_dateline_ids(self, doc: Document, ments: list[_M], gid_to_id: dict[str, str]) -> None:
        if doc.dateline is None:
            return
        for m in ments:
            if m.role == "place":
                doc.dateline.place = gid_to_id.get(m.group)
            elif m.role == "agency":
                doc.dateline.agency = gid_to_id.get(m.group)

    def _group_mentions(self, doc: Document, toks: list[_Tok], ments: list[_M], entities: list[Entity]) -> None:
        kb = self.kb
        people = [e for e in entities if e.type == _PER and e.mentions]
        if len(people) < 2 or not kb.group_words:
            doc.extra.pop("group_mentions", None)
            return
        spans = []
        for t in toks:
            for n, v in clitic_variants(t.norm):
                if v in kb.group_words:
                    s = t.cmap[n] if n else t.start
                    spans.append(Span.of(doc.text, s, t.end))
                    break
        if not spans:
            doc.extra.pop("group_mentions", None)
            return
        top = sorted(people, key=lambda e: (-(len(e.mentions) + len(e.coref_mentions)), e.mentions[0].start))[:2]
        doc.extra["group_mentions"] = [{"refers_to": [e.id for e in top], "mentions": [s.to_dict() for s in spans]}]


def _loose(key: str) -> str:
    """Cluster key of an unlinked name: no article on any word (القوات الروسية = قوات روسية)."""
    return " ".join(strip_al(w) for w in key.split())


def _type_ok(ner: str, kb_type: str) -> bool:
    if ner == kb_type:
        return True
    return ner != _PER and kb_type != _PER  # ORG/LOC/MISC swap by metonymy; persons never


def _span_of(v: Any) -> tuple[int, int] | None:
    if isinstance(v, Span):
        return v.start, v.end
    if isinstance(v, dict) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int):
        return v["start"], v["end"]
    if isinstance(v, list | tuple) and len(v) >= 2 and all(isinstance(x, int) for x in v[:2]):
        return v[0], v[1]
    return None


def _guess_dateline_part(text: str, dl: Dateline, role: str) -> tuple[int, int] | None:
    seg = text[dl.start:dl.end]
    m = re.match(r"\s*([^()]+?)\s*\(([^()]+)\)", seg)
    if not m:
        return None
    g = 1 if role == "place" else 2
    return dl.start + m.start(g), dl.start + m.end(g)


def _strip_ws(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


_ROMAN = str.maketrans({
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "y",
    "ؤ": "w", "ة": "a", " ": "_",
})


def _romanize(key: str) -> str:
    s = key.translate(_ROMAN)
    return re.sub(r"[^a-z0-9_]+", "", s.lower()).strip("_")[:40]


def _unique(base: str, used: set[str]) -> str:
    eid, k = base, 2
    while eid in used:
        eid = f"{base}_{k}"
        k += 1
    used.add(eid)
    return eid


def _input_entities(doc: Document) -> list[Entity]:
    """What to resolve: the ``ner`` stage's raw mentions (``doc.mentions``), one input entity each; a document
    without them (gold mentions, another NER) is resolved from the entities it already has."""
    if not doc.mentions:
        return doc.entities or []
    return [Entity(id=f"ent_{k}", type=m.type, mentions=[Span(m.start, m.end, m.text)], extra=dict(m.extra))
            for k, m in enumerate(doc.mentions, start=1)]


def resolve(doc: Document, kb: KB | None = None) -> Document:
    """Resolve and link ``doc.entities`` in place (see module doc); returns the document."""
    Resolver(kb)(doc)
    return doc
