"""Blind evaluation set, annotator B: 15 ANT v2.1 articles (Apache-2.0) annotated by hand for entities, times,
quotes and PLOVER events BEFORE any khabar stage was run on them (issues 11, 12, 13, 17).

Articles: the 15 ids of bench/blind/ids.txt from AL-internationalNews-406 on (the other 15 are annotator A's).
Conventions: bench/blind/README_b.md. Annotations are snippet-level and resolved to offsets here:

* entities: ``id -> E(type, forms, coref, canonical=…, qid=…)``. A form is a name as written without clitics
  (every word-bounded occurrence, a clitic و ف ب ل ك or لل may precede it; longest forms are claimed first
  across entities), ``form@n`` (only its n-th occurrence) or ``before[form]after`` (only where it stands in that
  context). A leading ``?`` marks the mention optional (hashtag-glued names). ``coref`` holds descriptions
  (الرئيس الأميركي, وزير الخارجية) that refer to the entity; they identify it as a speaker/actor.
* times: ``(snippet, occurrence, TYPE, value, optional)``; occurrences count word-bounded hits of the snippet.
* quotes: ``Q(type, cue, cue occurrence, content, content occurrence, speaker, addressee)``.
* events: ``Ev(type, actors, recipients, date, [(evidence snippet, occurrence)], optional=…, fact=…)``.

    .venv/bin/python bench/blind/annotate_b.py            # rewrite tests/data/blind/<id>.json (these 15)
    .venv/bin/python bench/blind/annotate_b.py /tmp/x     # build elsewhere to compare
    .venv/bin/python bench/blind/annotate_b.py --show ID  # print the resolved annotation of one article
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes_times_common import ROOT, _nth, _nth_year, _occurrences, _word_nth, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "blind"
ANNOTATION = "blind set B: annotated by hand before any system run"  # meta.annotation (bench/blind2 reuses this builder)
A: dict[str, dict[str, Any]] = {}


def E(etype: str, forms: list[str], coref: list[str] | None = None, *, canonical: str, qid: str | None = None,
      country: str | None = None, sector: str | None = None, optional: bool = False) -> dict[str, Any]:
    return {"type": etype, "forms": forms, "coref": coref or [], "canonical": canonical, "wikidata": qid,
            "country": country, "sector": sector, "optional": optional}


def Q(qtype: str, cue: str, cn: int, content: str, qn: int, speaker: str | None, addressee: str | None = None,
      optional: bool = False) -> dict[str, Any]:
    return {"type": qtype, "cue": (cue, cn), "content": (content, qn), "speaker": speaker, "addressee": addressee,
            "optional": optional}


def Ev(etype: str, actors: list[str], recipients: list[str], date: str | None, evidence: list[tuple[str, int]],
       *, optional: bool = False, fact: str = "asserted") -> dict[str, Any]:
    return {"event": etype, "actor": actors, "recipient": recipients, "date": date, "evidence": evidence,
            "optional": optional, "factuality": fact}


_CTX = re.compile(r"^(.*)\[(.+)\](.*)$")
_AT = re.compile(r"^(.+)@(\d+)$")


def _form_spans(text: str, form: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans a form denotes, and whether it is restricted (context / occurrence forms are claimed first)."""
    if m := _CTX.match(form):
        pre, word, post = m.groups()
        spans = [(h.start() + len(pre), h.start() + len(pre) + len(word))
                 for h in re.finditer(re.escape(pre + word + post), text)]
        return spans, True
    if m := _AT.match(form):
        occ = sorted(_occurrences(text, m.group(1)))
        n = int(m.group(2))
        if n >= len(occ):
            raise ValueError(f"{form!r}: only {len(occ)} occurrences")
        return [occ[n]], True
    return sorted(_occurrences(text, form)), False


def _entities(text: str, ents: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    items = []  # (restricted, length, form, eid, kind, optional)
    for eid, e in ents.items():
        for kind, fl in (("m", e["forms"]), ("c", e["coref"])):
            for f in fl:
                opt = f.startswith("?")
                f = f.lstrip("?")
                spans, restricted = _form_spans(text, f)
                if not spans:
                    raise ValueError(f"{eid}: form {f!r} not found")
                items.append((restricted, spans, f, eid, kind, opt))
    # names before descriptions; restricted forms, then longest forms first
    items.sort(key=lambda x: (x[4] == "c", not x[0], -max(b - a for a, b in x[1])))
    taken: dict[str, list[tuple[int, int]]] = {"m": [], "c": []}
    got: dict[str, dict[str, list[dict[str, Any]]]] = {eid: {"m": [], "c": []} for eid in ents}
    for _, spans, _f, eid, kind, opt in items:
        for a, b in spans:
            if any(a < tb and ta < b for ta, tb in taken[kind]):
                continue
            # a description never re-covers a name of the same entity (البرلمان inside البرلمان اللبناني)
            if kind == "c" and any(a < m["end"] and m["start"] < b for m in got[eid]["m"]):
                continue
            taken[kind].append((a, b))
            sp: dict[str, Any] = {"start": a, "end": b, "text": text[a:b]}
            if opt:
                sp["optional"] = True
            got[eid][kind].append(sp)
    out = []
    for eid, e in ents.items():
        if not got[eid]["m"] and not got[eid]["c"]:
            raise ValueError(f"{eid}: no mention found")
        d: dict[str, Any] = {"id": eid, "type": e["type"], "canonical": e["canonical"], "wikidata": e["wikidata"],
                             "country": e["country"], "sector": e["sector"],
                             "mentions": sorted(got[eid]["m"], key=lambda s: s["start"])}
        if got[eid]["c"]:
            d["coref_mentions"] = sorted(got[eid]["c"], key=lambda s: s["start"])
        if e["optional"]:
            d["optional"] = True
        out.append(d)
    return out


def _span(text: str, a: int, b: int) -> dict[str, Any]:
    return {"start": a, "end": b, "text": text[a:b]}


def build_blind(art: dict[str, Any], ann: dict[str, Any]) -> dict[str, Any]:
    text = art["title"] + "\n" + art["text"]
    ents = ann["entities"]
    entities = _entities(text, ents)
    times = []
    for snip, n, ttype, val, optional in ann["times"]:
        a, b = _nth_year(text, snip, n) if snip.isdigit() else _word_nth(text, snip, n)
        t = {**_span(text, a, b), "type": ttype, "value": val}
        if optional:
            t["optional"] = True
        times.append(t)
    quotes = []
    for q in ann["quotes"]:
        for who in (q["speaker"], q["addressee"]):
            if who is not None and who not in ents:
                raise ValueError(f"quote: unknown entity {who}")
        ca, cb = _word_nth(text, *q["cue"], exact=True)
        a, b = _nth(text, *q["content"])
        qd = {"type": q["type"], "speaker": q["speaker"], "addressee": q["addressee"], "cue": _span(text, ca, cb),
              "content": _span(text, a, b)}
        if q["optional"]:
            qd["optional"] = True
        quotes.append(qd)
    events = []
    for ev in ann["events"]:
        for who in ev["actor"] + ev["recipient"]:
            if who not in ents:
                raise ValueError(f"event: unknown entity {who}")
        spans = [_span(text, *_nth(text, s, n)) for s, n in ev["evidence"]]
        ed = {"event": ev["event"], "mode": [], "context": [], "actor": ev["actor"], "recipient": ev["recipient"],
              "date": ev["date"], "location": None, "factuality": ev["factuality"], "evidence": spans}
        if ev["optional"]:
            ed["optional"] = True
        events.append(ed)
    gold = {
        "format": "khabar/1",
        "id": art["id"],
        "text": text,
        "meta": {"title": art["title"], "source": art["source"], "url": art.get("url"),
                 "published": art["published"][:10], "language": "ar", "licence": "Apache-2.0 (ANT v2.1)",
                 "annotation": ANNOTATION},
        "entities": entities,
        "times": sorted(times, key=lambda t: t["start"]),
        "quotes": sorted(quotes, key=lambda q: q["content"]["start"]),
        "events": events,
    }
    for sp in _all_spans(gold):
        if text[sp["start"]:sp["end"]] != sp["text"]:
            raise AssertionError(f"{art['id']}: bad span {sp}")
    return gold


def _all_spans(gold: dict[str, Any]) -> list[dict[str, Any]]:
    out = [m for e in gold["entities"] for m in e["mentions"] + e.get("coref_mentions", [])]
    out += gold["times"]
    out += [q[k] for q in gold["quotes"] for k in ("cue", "content")]
    out += [s for ev in gold["events"] for s in ev["evidence"]]
    return out


def show(gold: dict[str, Any]) -> None:
    text = gold["text"]

    def ctx(s: dict[str, Any]) -> str:
        return f"…{text[max(0, s['start'] - 12):s['start']]}[{s['text']}]{text[s['end']:s['end'] + 12]}…"

    print(gold["id"], gold["meta"]["published"])
    for e in gold["entities"]:
        print(f"{e['type']} {e['id']} ({e['canonical']}, {e['wikidata']})", "opt" if e.get("optional") else "")
        for m in e["mentions"]:
            print("    ", ctx(m).replace("\n", " "))
        for m in e.get("coref_mentions", []):
            print("   c", ctx(m).replace("\n", " "))
    for t in gold["times"]:
        print("TIME", t["type"], t["value"], ctx(t).replace("\n", " "), "opt" if t.get("optional") else "")
    for q in gold["quotes"]:
        print("QUOTE", q["type"], q["speaker"], "->", q["addressee"], q["cue"]["text"], "|", q["content"]["text"])
    for ev in gold["events"]:
        print("EVENT", ev["event"], ev["actor"], "->", ev["recipient"], ev["date"], ev["factuality"],
              "opt" if ev.get("optional") else "", [s["text"] for s in ev["evidence"]])


# --------------------------------------------------------------------------------------------------------------
A["AL-internationalNews-406-20180309"] = {  # Friday; US–Turkey technical committee talks
    "entities": {
        "ent_usa": E("LOC", ["أميركا", "الولايات المتحدة"], canonical="United States", qid="Q30", country="USA"),
        "ent_turkey": E("LOC", ["تركيا"], canonical="Turkey", qid="Q43", country="TUR"),
        "ent_afrin": E("LOC", ["عفرين"], canonical="Afrin", country="SYR"),
        "ent_isis": E("ORG", ["داعش"], canonical="Islamic State of Iraq and the Levant", qid="Q2429253",
                      sector="REB"),
        "ent_syria": E("LOC", ["سوريا"], canonical="Syria", qid="Q858", country="SYR"),
        "ent_state_dept": E("ORG", ["وزارة الخارجية الأميركية"], canonical="United States Department of State",
                            country="USA", sector="GOV"),
        "ent_nauert": E("PER", ["هيذر ناورت", "ناورت"], ["متحدثة وزارة الخارجية الأميركية"],
                        canonical="Heather Nauert", country="USA", sector="GOV"),
        "ent_washington": E("LOC", ["واشنطن"], canonical="Washington, D.C.", qid="Q61", country="USA"),
        "ent_olive_branch": E("MISC", ["غصن الزيتون"], canonical="Operation Olive Branch"),
        "ent_pkk": E("ORG", ["حزب العمال الكردستاني"], canonical="Kurdistan Workers' Party", sector="REB"),
        "ent_cohen": E("PER", ["جوناثان كوهين"], ["مستشار وزارة الخارجية الأميركية"], canonical="Jonathan Cohen",
                       country="USA", sector="GOV"),
        "ent_europe": E("LOC", ["أوروبا"], canonical="Europe", qid="Q46"),
        "ent_asia": E("LOC", ["آسيا"], canonical="Asia", qid="Q48"),
        "ent_tr_mfa": E("ORG", ["وزارة الخارجية التركية"], canonical="Ministry of Foreign Affairs (Turkey)",
                        country="TUR", sector="GOV"),
        "ent_onal": E("PER", ["سادات أونال"], ["نائب مستشار وزارة الخارجية التركية"], canonical="Sedat Önal",
                      country="TUR", sector="GOV"),
        "ent_tillerson": E("PER", ["ريكس تيلرسون"], ["وزير الخارجية الأميركي"], canonical="Rex Tillerson",
                           country="USA", sector="GOV"),
        "ent_cavusoglu": E("PER", ["مولود جاويش أوغلو"], ["نظيره التركي"], canonical="Mevlüt Çavuşoğlu",
                           country="TUR", sector="GOV"),
    },
    "times": [
        ("اليوم الجمعة", 0, "DATE", "2018-03-09", False),
        ("الخميس", 0, "DATE", "2018-03-08", False),
        ("الجمعة", 1, "DATE", "2018-03-09", False),  # وتُختتم الجمعة
        ("الجمعة", 2, "DATE", "2018-03-09", False),  # عقب انتهاء اللقاءات، الجمعة
        ("منتصف فبراير/شباط الماضي", 0, "DATE", "2018-02", False),
    ],
    "quotes": [
        Q("indirect", "أعلنت", 0, "تتواصل اليوم الجمعة محادثات #اللجنة_الفنية بين مسؤولين أميركيين وأتراك، "
          "وستتناول الهجوم التركي على #عفرين في شمال #سوريا", 0, "ent_nauert"),
        Q("indirect", "وقالت", 0, "اللجنة الفنية الخاصة بسوريا، هي إحدى 3 لجان فنية تشكلت بين تركيا والولايات "
          "المتحدة، وبدأت مشاوراتها، الخميس، في واشنطن، وتُختتم الجمعة", 0, "ent_nauert"),
        Q("indirect", "وأضافت", 0, "عملية \"غصن الزيتون\" التي تشنها تركيا ضد إرهابيي حزب العمال الكردستاني "
          "وتنظيم #داعش ستكون ضمن القضايا التي يتم بحثها بين البلدين في مشاورات أولية", 0, "ent_nauert"),
        Q("indirect", "ولفتت", 0, "الوفد الأميركي المؤلف من 20 شخصا، يرأسه جوناثان كوهين، مستشار وزارة الخارجية "
          "الأميركية المسؤول عن شؤون أوروبا وآسيا، وأنهم يخططون لإصدار بيان مكتوب عقب انتهاء اللقاءات، الجمعة",
          0, "ent_nauert"),
    ],
    "events": [
        Ev("CONSULT", ["ent_usa", "ent_turkey"], [], "2018-03-09",
           [("محادثات فنية بين أميركا وتركيا", 0),
            ("تتواصل اليوم الجمعة محادثات #اللجنة_الفنية بين مسؤولين أميركيين وأتراك", 0),
            ("وبدأت مشاوراتها", 0), ("مشاورات أولية", 0)]),
        Ev("ASSAULT", ["ent_turkey"], [], None,
           [("الهجوم التركي على #عفرين", 0),
            ("عملية \"غصن الزيتون\" التي تشنها تركيا ضد إرهابيي حزب العمال الكردستاني وتنظيم #داعش", 0)]),
        # the three committees were set up earlier (background)
        Ev("COOPERATE", ["ent_usa", "ent_turkey"], [], None,
           [("إحدى 3 لجان فنية تشكلت بين تركيا والولايات المتحدة", 0)], optional=True),
        Ev("CONSULT", ["ent_tillerson"], ["ent_cavusoglu"], "2018-02",
           [("عقب لقاء نظيره التركي", 0), ("خلال زيارته لتركيا", 0)], optional=True),
    ],
}


A["AL-internationalNews-571-20180322"] = {  # Thursday; the event was on Wednesday 21 March (Mother's Day)
    "entities": {
        "ent_marib_city": E("LOC", ["مأرب@0"], canonical="Marib", country="YEM"),
        "ent_marib_gov": E("LOC", ["مأرب@1"], canonical="Marib Governorate", country="YEM"),
        "ent_yemen": E("LOC", ["اليمن"], canonical="Yemen", qid="Q805", country="YEM"),
        "ent_houthis": E("ORG", ["الحوثي", "الحوثيين", "?ميليشيا_[الحوثي]"],
                         ["ميليشيا الحوثي", "جماعة الحوثي المسلحة", "الميليشيا", "ميليشيات الانقلاب"],
                         canonical="Houthis", country="YEM", sector="REB"),
        "ent_mothers_league": E("ORG", ["رابطة أمهات المختطفين"], canonical="Abductees' Mothers Association",
                                country="YEM", sector="NGO"),
        # the mothers as a group (actors of the vigil); a description, not a name
        "ent_mothers": E("ORG", ["أقامت [الأمهات]"], canonical="mothers of the abductees", country="YEM",
                         sector="CVL", optional=True),
        "ent_mothers_day": E("MISC", ["?عيد_الأم", "عيد الأم"], canonical="Mother's Day", optional=True),
        "ent_ibrahim": E("PER", ["إبراهيم محيي الدين"], canonical="Ibrahim Muhyi al-Din", country="YEM",
                         sector="CVL"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-03-21", False),
        ("في مثل هذا اليوم", 0, "DATE", "2018-03-21", True),
        ("ثلاثة أعوام", 0, "DURATION", "P3Y", False),
    ],
    "quotes": [
        Q("indirect", "ووجهن", 0, "نداء إلى كل العالم وإلى كل المنظمات الحقوقية المعنية بحقوق الإنسان القيام "
          "بواجبها تجاه أبنائهن المختطفين وإطلاق سراحهم دون شرط أو قيد", 0, "ent_mothers_league", optional=True),
        Q("indirect", "طالبن", 0, "بسرعة إطلاق سراح أبنائهن", 0, "ent_mothers", optional=True),
        Q("indirect", "وناشدن", 0, "كل المنظمات الحقوقية والانسانية بالاهتمام بقضايا أبنائهن", 0, "ent_mothers",
          optional=True),
    ],
    "events": [
        Ev("PROTEST", ["ent_mothers", "ent_mothers_league"], [], "2018-03-21",
           [("أقامت الأمهات وقفة احتجاجية", 0)]),
        Ev("REQUEST", ["ent_mothers", "ent_mothers_league"], [], "2018-03-21",
           [("طالبن فيها بسرعة إطلاق سراح أبنائهن", 0),
            ("وناشدن كل المنظمات الحقوقية والانسانية بالاهتمام بقضايا أبنائهن", 0)]),
        Ev("REQUEST", ["ent_mothers_league"], [], "2018-03-21",
           [("ووجهن نداء إلى كل العالم وإلى كل المنظمات الحقوقية", 0)], optional=True),
        # background: abductions and torture over three years
        Ev("ASSAULT", ["ent_houthis"], [], None,  # abduction is ASSAULT (CAMEO 181)
           [("واختطفت ميليشيات الانقلاب، الآلاف من الناشطين", 0)], optional=True),
        Ev("ASSAULT", ["ent_houthis"], [], None,
           [("وقتل عدد منهم جراء التعذيب الوحشي", 0),
            ("يتعرضون لشتى أنواع الانتهاكات والتنكيل والتعذيب", 0)], optional=True),
    ],
}

A["AL-internationalNews-1301-20180524"] = {  # Thursday; Berri re-elected on Wednesday 23 May
    "entities": {
        "ent_hariri": E("PER", ["?سعد_الحريري", "الحريري"], ["زعيم تيار المستقبل اللبناني"],
                        canonical="Saad Hariri", country="LBN", sector="GOV"),
        "ent_future": E("ORG", ["تيار المستقبل"], canonical="Future Movement", country="LBN", sector="PTY"),
        "ent_parliament": E("ORG", ["البرلمان اللبناني", "مجلس النواب اللبناني"],
                            ["البرلمان", "المجلس النيابي", "رئاسة [المجلس]"],
                            canonical="Parliament of Lebanon", country="LBN", sector="LEG"),
        "ent_berri": E("PER", ["?نبيه_بري", "نبيه بري", "بري"],
                       ["رئيس البرلمان اللبناني", "رئيس #حركة_أمل"], canonical="Nabih Berri", country="LBN",
                       sector="LEG"),
        "ent_amal": E("ORG", ["?حركة_أمل"], canonical="Amal Movement", country="LBN", sector="PTY"),
        "ent_lebanon": E("LOC", ["لبنان"], canonical="Lebanon", qid="Q822", country="LBN"),
        "ent_lf": E("ORG", ["حزب القوات اللبنانية"], canonical="Lebanese Forces", country="LBN", sector="PTY"),
        "ent_geagea": E("PER", ["سمير جعجع"], ["رئيس حزب القوات اللبنانية"], canonical="Samir Geagea",
                        country="LBN", sector="PTY"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-05-23", False),
        ("الأربعاء", 1, "DATE", "2018-05-23", False),
        ("عام 1992", 0, "DATE", "1992", False),
    ],
    "quotes": [
        Q("indirect", "ودعا", 0, "تشكيل حكومة بأسرع وقت ممكن", 0, "ent_berri"),
        Q("direct", "وقال", 0, "سيكون على مجلسنا الكريم التزام المشاورات النيابية لإنجاز الاستحقاق الثالث المتمثل "
          "باختيار رئيس لحكومة لبنان وتكليفه بتشكيل الحكومة وصولا للثقة بأقصى سرعة ممكنة", 0, "ent_berri"),
        Q("indirect", "أعلن", 0, "كتلته البرلمانية ستصوّت ببطاقة بيضاء", 0, "ent_geagea"),
    ],
    "events": [
        # parliamentary votes (designation of Hariri, re-election of Berri) and the blocs' backing: endorsements,
        # kept optional (elections are not clearly PLOVER events)
        Ev("SUPPORT", ["ent_parliament"], ["ent_hariri"], "2018-05-24",
           [("الحريري يحصد أغلبية أصوات البرلمان", 0),
            ("على أغلبية أصوات نواب البرلمان لتشكيل", 0)], optional=True),
        Ev("SUPPORT", ["ent_parliament"], ["ent_berri"], "2018-05-23",
           [("قد فاز الأربعاء، بولاية جديدة", 0), ("وحصل بري على 98 صوتا", 0)], optional=True),
        Ev("SUPPORT", [], ["ent_berri"], None, [("أعلنت أغلب الكتل السياسية دعمها لبري", 0)], optional=True),
        Ev("REQUEST", ["ent_berri"], [], "2018-05-23", [("ودعا بري بعد فوزه إلى تشكيل حكومة", 0)],
           optional=True),
    ],
}


A["FR-middleEast-622-20180613"] = {  # Wednesday; coalition offensive on Hodeidah
    "entities": {
        "ent_yemen": E("LOC", ["اليمن"], canonical="Yemen", qid="Q805", country="YEM"),
        "ent_coalition": E("ORG", ["التحالف"], canonical="Saudi-led coalition in Yemen", sector="MIL"),
        "ent_saudi": E("LOC", ["السعودية"], canonical="Saudi Arabia", qid="Q851", country="SAU"),
        "ent_hodeidah": E("LOC", ["الحديدة"], canonical="Hodeidah", country="YEM"),
        "ent_houthis": E("ORG", ["الحوثيين"], ["الميليشيات"], canonical="Houthis", country="YEM", sector="REB"),
        "ent_iran": E("LOC", ["إيران"], canonical="Iran", qid="Q794", country="IRN"),
        "ent_yemen_gov": E("ORG", ["الحكومة اليمنية"], ["وتابعت [الحكومة]", "وأضاف [البيان]"],
                           canonical="Government of Yemen", country="YEM", sector="GOV", optional=True),
        "ent_yemen_forces": E("ORG", ["القوات اليمنية"], canonical="Yemeni government forces", country="YEM",
                              sector="MIL", optional=True),
        "ent_uae": E("LOC", ["الإمارات"], canonical="United Arab Emirates", qid="Q878", country="ARE"),
        "ent_sanaa": E("LOC", ["صنعاء"], canonical="Sanaa", country="YEM"),
        "ent_red_sea": E("LOC", ["البحر الأحمر"], canonical="Red Sea"),
        "ent_bab_mandeb": E("LOC", ["باب المندب"], canonical="Bab-el-Mandeb"),
        "ent_west": E("MISC", ["الغرب"], canonical="the West (Western countries)", optional=True),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-06-13", False),
        ("اليوم الأربعاء", 0, "DATE", "2018-06-13", False),
        ("نحو ثلاث سنوات", 0, "DURATION", "P3Y", False),
        ("نحو ثلاث سنوات", 1, "DURATION", "P3Y", False),
    ],
    "quotes": [
        Q("indirect", "وأكدت", 0, "طائرات وسفن التحالف تنفذ ضربات تستهدف تحصينات الحوثيين دعما للعمليات البرية "
          "للقوات اليمنية التي احتشدت جنوبي المدينة المطلة على البحر الأحمر", 0, "ent_yemen_gov"),
        Q("direct", "وتابعت", 0, "تحرير ميناء الحديدة يشكل علامة فارقة في نضالنا لاستعادة اليمن من الميليشيات "
          "التي اختطفته لتنفيذ أجندات خارجية", 0, "ent_yemen_gov"),
        Q("direct", "وأضاف", 0, "تحرير الميناء يمثل بداية السقوط للحوثيين وسيؤمن الملاحة البحرية في مضيق باب "
          "المندب وسيقطع أيادي إيران التي طالما أغرقت اليمن بالأسلحة التي تسفك بها دماء اليمنيين الزكية", 0,
          "ent_yemen_gov"),
    ],
    "events": [
        Ev("ASSAULT", ["ent_coalition"], ["ent_houthis"], "2018-06-13",
           [("التحالف بقيادة السعودية يشن هجوما على الحديدة", 0),
            ("بدأت قوات يدعمها التحالف بقيادة السعودية الأربعاء هجوما على مدينة الحديدة الساحلية", 0),
            ("أطلق التحالف بقيادة السعودية اليوم الأربعاء هجوما على مدينة الحديدة", 0),
            ("طائرات وسفن التحالف تنفذ ضربات تستهدف تحصينات الحوثيين", 0),
            ("وانطلق الهجوم", 0), ("ويمثل الهجوم", 0)]),
        # background: the three-year war, Iran's backing, the troops massed, the UAE's deadline
        Ev("ASSAULT", ["ent_coalition", "ent_houthis"], [], None,
           [("الحرب المستمرة منذ نحو ثلاث سنوات بين التحالف وحركة الحوثيين", 0),
            ("الحرب المستمرة منذ نحو ثلاث سنوات بين التحالف والحوثيين", 0)], optional=True),
        Ev("AID", ["ent_iran"], ["ent_houthis"], None,
           [("الحوثيين الذين تدعمهم إيران", 0), ("أيادي إيران التي طالما أغرقت اليمن بالأسلحة", 0)],
           optional=True),
        Ev("MOBILIZE", ["ent_yemen_forces"], [], None, [("للقوات اليمنية التي احتشدت جنوبي المدينة", 0)],
           optional=True),
        Ev("THREATEN", ["ent_uae"], ["ent_houthis"], None,
           [("انتهاء مهلة حددتها الإمارات للحوثيين", 0)], optional=True),
        Ev("ACCUSE", ["ent_yemen_gov"], ["ent_iran"], "2018-06-13",
           [("سيقطع أيادي إيران التي طالما أغرقت اليمن بالأسلحة", 0)], optional=True),
    ],
}

A["FR-internationalNews-2032-20180627"] = {  # Wednesday; Poland amends its Holocaust law
    "entities": {
        "ent_poland": E("LOC", ["بولندا", "وارسو"], canonical="Poland", qid="Q36", country="POL"),
        "ent_israel": E("LOC", ["إسرائيل", "تل أبيب"], canonical="Israel", qid="Q801", country="ISR"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], canonical="United States", qid="Q30", country="USA"),
        "ent_pl_gov": E("ORG", ["الحكومة البولندية"], canonical="Government of Poland", country="POL",
                        sector="GOV", optional=True),
        "ent_jewish_orgs": E("ORG", ["المنظمات اليهودية"], canonical="Jewish organisations", sector="NGO",
                             optional=True),
        "ent_reich": E("LOC", ["الرايخ الثالث"], canonical="Nazi Germany", country="DEU"),
        "ent_holocaust": E("MISC", ["المحرقة", "محرقة اليهود"], canonical="The Holocaust", optional=True),
        "ent_ww2": E("MISC", ["الحرب العالمية الثانية"], canonical="World War II", qid="Q362", optional=True),
        "ent_selin": E("PER", ["ياروسلاف سيلين"], ["نائب وزير الثقافة"], canonical="Jarosław Sellin",
                       country="POL", sector="GOV"),
        "ent_pl_parliament": E("ORG", [], ["البرلمان"], canonical="Sejm (Polish parliament)", country="POL",
                               sector="LEG", optional=True),
        "ent_morawiecki": E("PER", ["ماتيوش مورافيسكي"], ["رئيس الوزراء"], canonical="Mateusz Morawiecki",
                            country="POL", sector="GOV"),
        "ent_terlecki": E("PER", ["ريشارد تيرليكي", "تيرليكي"], ["زعيم كتلة \"بي آي إس\" البرلمانية"],
                          canonical="Ryszard Terlecki", country="POL", sector="LEG"),
        "ent_pis": E("ORG", ["بي آي إس"], canonical="Law and Justice", country="POL", sector="PTY"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-06-27", False),
        ("آذار/مارس الماضي", 0, "DATE", "2018-03", False),
        ("الأربعاء", 1, "DATE", "2018-06-27", False),
        ("كانون الثاني/يناير", 0, "DATE", "2018-01", False),
        ("ثلاث سنوات", 0, "DURATION", "P3Y", False),
        ("الأربعاء", 2, "DATE", "2018-06-27", False),
        ("آذار/مارس", 1, "DATE", "2018-03", False),
        ("ثلاث سنوات", 1, "DURATION", "P3Y", False),
    ],
    "quotes": [
        Q("indirect", "أعلنت", 0, "ستعدل قانونا حول المحرقة، بإلغاء أحد فقراته المثيرة للجدل التي تنص على إنزال "
          "عقوبة السجن بمن يحمّل الدولة البولندية مسؤولية \"الجرائم التي ارتكبها الرايخ الثالث", 0, "ent_pl_gov"),
        Q("indirect", "وأعلن", 0, "التعديل يقضي أولا بإلغاء فقرة في القانون الذي صوت عليه البرلمان في كانون "
          "الثاني/يناير، تنص على عقوبة السجن لمدة تصل إلى ثلاث سنوات على الذين يحمّلون \"الأمة أو الدولة البولندية "
          "المسؤولية أو المسؤولية المشتركة عن الجرائم التي ارتكبها الرايخ الثالث", 0, "ent_selin"),
        Q("direct", "وصرح", 0, "اصطدمنا بآراء مهينة وغير متفهمة ولا نريد أن يؤثر ذلك على سياستنا", 0,
          "ent_terlecki"),
        Q("direct", "وتابع", 0, "لهذا السبب قررنا تعديل القانون... من خلال إلغاء العناصر التي تتيح تطبيق عقوبات "
          "جنائية على استخدام معلومات أو آراء غير صحيحة", 0, "ent_terlecki"),
        Q("indirect", "وطلب", 0, "ينتقل النواب على الفور إلى القراءة الثانية لمشروع التعديل دون إحالته إلى اللجان",
          0, "ent_terlecki"),
    ],
    "events": [
        Ev("CONCEDE", ["ent_pl_gov", "ent_poland"], [], "2018-06-27",
           [("بولندا ستلغي أحكام السجن من \"قانون المحرقة\"", 0),
            ("أعلنت الحكومة البولندية الأربعاء أنها ستعدل قانونا حول المحرقة", 0),
            ("قررت الحكومة البولندية المحافظة الأربعاء تعديل قانون مثير للجدل", 0),
            ("لهذا السبب قررنا تعديل القانون", 0)]),
        Ev("REQUEST", ["ent_morawiecki"], ["ent_pl_parliament"], "2018-06-27",
           [("بناء على طلب من رئيس الوزراء ماتيوش مورافيسكي", 0)]),
        Ev("REQUEST", ["ent_terlecki"], [], "2018-06-27",
           [("وطلب أن ينتقل النواب على الفور إلى القراءة الثانية", 0)]),
        # background: the earlier condemnations and the standing accusation
        Ev("ACCUSE", ["ent_israel", "ent_usa", "ent_jewish_orgs"], ["ent_poland"], None,
           [("بعد تنديدات إسرائيلية وأمريكية", 0),
            ("تعرضها لانتقادات حادة من قبل إسرائيل وعدد من المنظمات اليهودية والولايات المتحدة", 0),
            ("بعد تنديدات إسرائيلية وأمريكية", 1)], optional=True),
        Ev("ACCUSE", ["ent_jewish_orgs", "ent_israel"], ["ent_poland"], None,
           [("التي تتهم وارسو بإنكار مشاركة عدد من البولنديين في إبادة اليهود", 0)], optional=True),
    ],
}


A["FR-internationalNews-405-20180313"] = {  # Tuesday; Skripal poisoning, Russia rejects the UK's deadline
    "entities": {
        "ent_russia": E("LOC", ["روسيا", "موسكو"], canonical="Russia", qid="Q159", country="RUS"),
        "ent_uk": E("LOC", ["بريطانيا", "لندن"], canonical="United Kingdom", qid="Q145", country="GBR"),
        "ent_skripal": E("PER", ["سيرغي سكريبال", "سكريبال"],
                         ["العميل المزدوج السابق", "العميل الروسي المزدوج السابق", "العميل"],
                         canonical="Sergei Skripal", country="RUS"),
        "ent_yulia": E("PER", ["يوليا"], canonical="Yulia Skripal", country="RUS"),
        "ent_ru_mfa": E("ORG", ["وزارة الخارجية الروسية"], canonical="Ministry of Foreign Affairs (Russia)",
                        country="RUS", sector="GOV"),
        "ent_lavrov": E("PER", ["سيرغي لافروف", "لافروف"], ["وزير الخارجية الروسي"], canonical="Sergey Lavrov",
                        country="RUS", sector="GOV"),
        "ent_zakharova": E("PER", ["ماريا زاخاروفا"], ["الناطقة باسم وزارة الخارجية الروسية"],
                           canonical="Maria Zakharova", country="RUS", sector="GOV"),
        "ent_bristow": E("PER", ["لوري بريستاو"], ["سفير بريطانيا", "السفير البريطاني", "سفير لندن", "السفير"],
                         canonical="Laurie Bristow", country="GBR", sector="GOV"),
        "ent_cwc": E("MISC", ["اتفاقية الأسلحة الكيميائية"], ["الاتفاقية"], canonical="Chemical Weapons Convention"),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-03-13", False),
        ("الثلاثاء", 1, "DATE", "2018-03-13", False),
        ("الرابع من آذار/مارس", 0, "DATE", "2018-03-04", False),
    ],
    "quotes": [
        Q("indirect", "أفادت", 0, "تم استدعاء السفير البريطاني لتقديم مزيد من التفاصيل", 0, "ent_ru_mfa"),
        Q("indirect", "أعلنت", 0, "رفضها المهلة التي منحتها إياها بريطانيا لإعطائها توضيحا بشأن تسميم العميل "
          "المزدوج السابق سيرغي سكريبال", 0, "ent_russia", optional=True),
        Q("direct", "قائلا", 0, "قبل أن تمنحوا مهلا، من الأجدر بكم أن تفوا بالتزاماتكم حيال القانون الدولي", 0,
          "ent_lavrov", "ent_uk"),
        Q("indirect", "وتابع", 0, "كان على بريطانيا أن ترسل طلبا رسميا لموسكو للاستيضاح بشأن المادة التي استخدمت "
          "في محاولة قتل العميل الروسي المزدوج السابق", 0, "ent_lavrov"),
        Q("indirect", "وقال", 0, "موسكو لم تتلق طلبا من هذا القبيل وطلبت عينة من غاز الأعصاب روسي الصنع الذي "
          "استخدم لتسميم سكريبال وابنته يوليا في الرابع من آذار/مارس", 0, "ent_lavrov"),
        Q("direct", "وأشار", 0, "طلبنا في رسالة رسمية الاطلاع على هذه المادة", 0, "ent_lavrov"),
        Q("indirect", "مؤكدا", 0, "الرد جاء بالرفض", 0, "ent_lavrov"),
        Q("indirect", "وأضاف", 0, "موسكو طلبت الحصول على معلومات بشأن التحقيق الجاري في بريطانيا", 0,
          "ent_lavrov"),
        Q("direct", "وقال", 1, "إذا تم تطبيق الإجراءات التي تنص عليها الاتفاقية (الخاصة بالأسلحة الكيميائية)، "
          "أؤكد لكم أن روسيا ستفي بالتزاماتها", 0, "ent_lavrov"),
        Q("mixed", "وأصر", 0, "موسكو \"بريئة\" و\"مستعدة للتعاون استنادا إلى اتفاقية الأسلحة الكيميائية في حال "
          "كلفت بريطانيا نفسها وتنازلت عبر الايفاء بالتزاماتها الدولية بناء على الوثيقة ذاتها", 0, "ent_lavrov"),
        Q("indirect", "أفادت", 1, "تم استدعاء السفير لوري بريستاو", 0, "ent_zakharova"),
    ],
    "events": [
        Ev("REJECT", ["ent_russia"], ["ent_uk"], "2018-03-13",
           [("عبرت روسيا الثلاثاء عن رفضها المهلة التي منحتها إياها لندن", 0),
            ("أعلنت روسيا الثلاثاء رفضها المهلة التي منحتها إياها بريطانيا", 0)]),
        Ev("REQUEST", ["ent_russia", "ent_lavrov"], ["ent_uk"], "2018-03-13",
           [("وتطالب بعينة من غاز الأعصاب", 0), ("مطالبة بعينة من غاز الأعصاب", 0),
            ("فيما طلبت منها عينة من غاز الأعصاب", 0), ("وطلبت عينة من غاز الأعصاب روسي الصنع", 0),
            ("طلبنا في رسالة رسمية الاطلاع على هذه المادة", 0)]),
        Ev("REQUEST", ["ent_russia"], ["ent_uk"], None,
           [("موسكو طلبت الحصول على معلومات بشأن التحقيق الجاري في بريطانيا", 0)]),
        Ev("REJECT", ["ent_uk"], ["ent_russia"], None, [("الرد جاء بالرفض", 0)]),
        # summoning the ambassador: asserted, type doubtful (official complaint = ACCUSE 114, or a REQUEST)
        Ev("ACCUSE", ["ent_russia", "ent_ru_mfa"], ["ent_bristow", "ent_uk"], "2018-03-13",
           [("موسكو تستدعي سفير بريطانيا", 0), ("تم استدعاء السفير البريطاني", 0),
            ("واستدعت سفير لندن لديها", 0), ("تم استدعاء السفير لوري بريستاو", 0)], optional=True),
        # background: London's deadline and its accusations
        Ev("THREATEN", ["ent_uk"], ["ent_russia"], None, [("المهلة التي منحتها إياها لندن", 0),
                                                         ("المهلة التي منحتها إياها بريطانيا", 0)], optional=True),
        Ev("ACCUSE", ["ent_uk"], ["ent_russia"], None, [("التهم الموجهة إليها", 0)], optional=True),
        Ev("AGREE", ["ent_russia", "ent_lavrov"], ["ent_uk"], None,
           [("مستعدة للتعاون استنادا إلى اتفاقية الأسلحة الكيميائية في حال كلفت بريطانيا نفسها", 0)],
           optional=True, fact="hypothetical"),
    ],
}

A["FR-internationalNews-1985-20180625"] = {  # Monday; Libyan coastguard rescues on Sunday 24 June
    "entities": {
        "ent_libya": E("LOC", ["ليبيا"], canonical="Libya", qid="Q1016", country="LBY"),
        "ent_coastguard": E("ORG", ["خفر السواحل"], canonical="Libyan Coast Guard", country="LBY", sector="MIL"),
        "ent_med": E("LOC", ["البحر المتوسط"], canonical="Mediterranean Sea", qid="Q4918"),
        "ent_africa": E("LOC", ["أفريقيا"], canonical="Africa", qid="Q15"),
        "ent_italy": E("LOC", ["إيطاليا"], ["بلاده"], canonical="Italy", qid="Q38", country="ITA"),
        "ent_europe": E("LOC", ["أوروبا"], canonical="Europe", qid="Q46"),
        "ent_navy": E("ORG", ["القوات البحرية"], canonical="Libyan Navy", country="LBY", sector="MIL",
                      optional=True),
        "ent_qasim": E("PER", ["أيوب قاسم"], ["المتحدث باسم القوات البحرية"], canonical="Ayoub Qassem",
                       country="LBY", sector="MIL"),
        "ent_reuters": E("ORG", ["رويترز"], canonical="Reuters", sector="MED"),
        "ent_khoms": E("LOC", ["الخمس"], canonical="Khoms", country="LBY"),
        "ent_abu_sitta": E("LOC", ["أبو ستة"], canonical="Abu Sitta naval base", country="LBY"),
        "ent_garabulli": E("LOC", ["القره بوللي"], canonical="Garabulli", country="LBY"),
        "ent_nato": E("ORG", ["حلف شمال الأطلسي"], canonical="NATO", qid="Q7184", country="IGO", sector="MIL"),
        "ent_gaddafi": E("PER", ["معمر القذافي"], canonical="Muammar Gaddafi", country="LBY", sector="GOV"),
        "ent_salvini": E("PER", ["ماتيو سالفيني"], ["وزير الداخلية الإيطالي", "الوزير"], canonical="Matteo Salvini",
                         country="ITA", sector="GOV"),
        "ent_spain": E("LOC", ["إسبانيا"], canonical="Spain", qid="Q29", country="ESP"),
        "ent_malta": E("LOC", ["مالطا"], canonical="Malta", qid="Q233", country="MLT"),
        "ent_netherlands": E("LOC", ["هولندا"], canonical="Netherlands", qid="Q55", country="NLD"),
    },
    "times": [
        ("أمس الأحد", 0, "DATE", "2018-06-24", False),
        ("الأسبوع الماضي", 0, "DATE", "2018-W25", False),
        ("يوليو/تموز 2017", 0, "DATE", "2017-07", False),
        ("2011", 0, "DATE", "2011", False),
        ("في وقت سابق من الشهر", 0, "DATE", "2018-06", False),
        ("بعد الآن", 0, "DATE", "FUTURE_REF", True),
        ("لعدة أيام", 0, "DURATION", "PXD", True),
        ("أمس الأحد", 1, "DATE", "2018-06-24", False),
    ],
    "quotes": [
        Q("indirect", "قال", 0, "خفر السواحل الوطني أنقذ 948 مهاجرا جلهم من أفريقيا كانوا على متن قوارب مطاطية خلال "
          "ثلاث عمليات، كما انتشل عشر جثث أخرى", 0, None),
        Q("indirect", "صرح", 0, "قوات خفر السواحل الوطنية قد أنقذت في ثلاث عمليات منفصلة ما يقرب من ألف مهاجر معظمهم "
          "من الأفارقة كانوا على متن قوارب مطاطية بالبحر المتوسط", 0, None),
        Q("indirect", "وقال", 0, "خفر السواحل انتشل المهاجرين غير الشرعيين على مجموعات", 0, "ent_qasim",
          "ent_reuters"),
        Q("indirect", "مشيرا", 0, "المجموعة الأولى شملت 97 مهاجرا كانوا على متن قارب مطاطي أما المجموعة الثانية "
          "فكانت مؤلفة من 361 مهاجرا على متن قاربين مطاطيين", 0, "ent_qasim"),
        Q("indirect", "وأضاف", 0, "المجموعة الثانية نُقلت إلى مدينة الخمس وأن المجموعتين ضمتا 110 من النساء و70 طفلا",
          0, "ent_qasim"),
        Q("indirect", "وقال", 1, "مجموعة ثالثة شملت 490 مهاجرا تم انتشالهم قبالة مدينة القره بوللي", 0, None),
        Q("indirect", "وتعهد", 0, "بعدم السماح لسفن الإنقاذ بإنزال المهاجرين في بلاده بعد الآن", 0, "ent_salvini"),
    ],
    "events": [
        Ev("ACCUSE", ["ent_italy"], ["ent_malta"], "2018-06-24",
           [("وانتقدت إيطاليا مالطا أمس الأحد", 0)]),
        Ev("REJECT", ["ent_malta"], [], None, [("لرفضها استقبال سفينة إنقاذ", 0)]),
        # rescues at sea: humanitarian, no political recipient
        Ev("AID", ["ent_coastguard"], [], "2018-06-24",
           [("خفر السواحل ينقذ حوالي ألف مهاجر", 0), ("خفر السواحل الوطني أنقذ 948 مهاجرا", 0),
            ("قوات خفر السواحل الوطنية قد أنقذت في ثلاث عمليات منفصلة", 0)], optional=True),
        Ev("REJECT", ["ent_salvini"], [], "2018-06",
           [("وتعهد وزير الداخلية الإيطالي ماتيو سالفيني في وقت سابق من الشهر بعدم السماح", 0)],
           optional=True, fact="future"),
        Ev("REJECT", ["ent_salvini"], [], None,
           [("وترك الوزير سفينة تقل أكثر من 600 مهاجر في البحر لعدة أيام", 0)], optional=True),
        Ev("AGREE", ["ent_spain"], [], None, [("حتى وافقت إسبانيا على استقبالها", 0)], optional=True),
    ],
}


A["FR-internationalNews-2712-20180814"] = {  # Tuesday; Malta lets the Aquarius dock
    "entities": {
        "ent_malta": E("LOC", ["مالطا", "فاليتا"], canonical="Malta", qid="Q233", country="MLT"),
        "ent_aquarius": E("MISC", ["أكواريوس"], ["السفينة الإغاثية"], canonical="Aquarius (ship)"),
        "ent_sos_med": E("ORG", ["إس أو إس المتوسط"], canonical="SOS Méditerranée", sector="NGO"),
        "ent_libya": E("LOC", ["ليبيا"], canonical="Libya", qid="Q1016", country="LBY"),
        "ent_france": E("LOC", ["فرنسا"], canonical="France", qid="Q142", country="FRA"),
        "ent_germany": E("LOC", ["ألمانيا"], canonical="Germany", qid="Q183", country="DEU"),
        "ent_luxembourg": E("LOC", ["لوكسمبورغ"], canonical="Luxembourg", qid="Q32", country="LUX"),
        "ent_portugal": E("LOC", ["البرتغال"], canonical="Portugal", qid="Q45", country="PRT"),
        "ent_spain": E("LOC", ["إسبانيا"], ["بلاده"], canonical="Spain", qid="Q29", country="ESP"),
        "ent_muscat": E("PER", ["جوزف موسكات"], ["رئيس وزرائها"], canonical="Joseph Muscat", country="MLT",
                        sector="GOV"),
        "ent_twitter": E("ORG", ["تويتر"], canonical="Twitter", qid="Q918", sector="BUS"),
        "ent_sanchez": E("PER", ["بدرو سانشيز"], ["رئيس وزراء إسبانيا"], canonical="Pedro Sánchez", country="ESP",
                         sector="GOV"),
        "ent_pt_gov": E("ORG", ["الحكومة البرتغالية"], canonical="Government of Portugal", country="PRT",
                        sector="GOV", optional=True),
        "ent_somalia": E("LOC", ["الصومال"], canonical="Somalia", qid="Q1045", country="SOM"),
        "ent_eritrea": E("LOC", ["أريتريا"], canonical="Eritrea", qid="Q986", country="ERI"),
        "ent_zuwara": E("LOC", ["زوارة"], canonical="Zuwara", country="LBY"),
        "ent_abu_kammash": E("LOC", ["أبو كماش"], canonical="Abu Kammash", country="LBY"),
        "ent_sete": E("LOC", ["سيت"], canonical="Sète", country="FRA"),
        # the port director speaks but is not named
        "ent_sete_director": E("PER", [], ["مدير ميناء سيت الفرنسي"], canonical="director of the port of Sète",
                               country="FRA", optional=True),
        "ent_med": E("LOC", ["البحر المتوسط", "ساحل [المتوسط]"], canonical="Mediterranean Sea", qid="Q4918"),
        "ent_italy": E("LOC", ["إيطاليا", "روما"], canonical="Italy", qid="Q38", country="ITA"),
        "ent_salvini": E("PER", ["ماتيو سالفيني"], ["وزير الداخلية اليميني المتطرف"], canonical="Matteo Salvini",
                         country="ITA", sector="GOV"),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-08-14", False),
        ("الجمعة", 0, "DATE", "2018-08-10", False),
        ("الثلاثاء", 1, "DATE", "2018-08-14", False),
        ("حاليا", 0, "DATE", "PRESENT_REF", False),
        ("الجمعة", 1, "DATE", "2018-08-10", False),  # والجمعة أنقذت
        ("صباح الجمعة", 0, "TIME", "2018-08-10TMO", False),
        ("المساء", 0, "TIME", "2018-08-10TEV", False),
        ("الاثنين", 0, "DATE", "2018-08-13", False),
        ("حزيران/يونيو", 0, "DATE", "2018-06", False),
        ("أسبوع", 0, "DURATION", "P1W", False),
        ("الأسبوع الماضي", 0, "DATE", "2018-W32", False),
        ("حزيران/يونيو", 1, "DATE", "2018-06", False),
        ("السبت", 0, "DATE", "2018-08-11", False),
    ],
    "quotes": [
        Q("indirect", "أعلنت", 0, "تسمح للسفينة الإغاثية التي أنقذت نحو 141 مهاجرا قبالة السواحل الليبية الجمعة "
          "بالرسو في مرفئها", 0, "ent_malta"),
        Q("indirect", "أعلنت", 1, "أعطت الضوء الأخضر لرسو سفينة \"أكواريوس\" التابعة لمنظمة \"إس أو إس المتوسط\" غير "
          "الحكومية وتقل 141 مهاجرا تم إنقاذهم قبالة سواحل ليبيا", 0, "ent_malta"),
        Q("mixed", "وكتب", 0, "مالطا \"ستسمح لسفينة أكواريوس بدخول موانئها حتى وإن لم تكن ملزمة قانونيا بذلك. كل "
          "المهاجرين الذين على متنها سيتم توزيعهم بين فرنسا وألمانيا ولوكسمبورغ والبرتغال وإسبانيا", 0,
          "ent_muscat"),
        Q("indirect", "أعلن", 0, "استعداد بلاده لاستقبال 60 من هؤلاء المهاجرين", 0, "ent_sanchez", optional=True),
        Q("direct", "أعلنت", 2, "البرتغال مستعدة لاستقبال 30", 0, "ent_pt_gov"),
        Q("indirect", "قال", 0, "على استعداد للسماح للسفينة بالرسو في الميناء في حال أعطت الحكومة موافقتها", 0,
          "ent_sete_director"),
        Q("mixed", "قال", 1, "السفينة أكواريوس \"لن ترى مرفأ إيطاليا\" مرة أخرى", 0, "ent_salvini"),
    ],
    "events": [
        # Malta yields and lets the ship dock (type doubtful: CONCEDE vs RETREAT/access)
        Ev("CONCEDE", ["ent_malta", "ent_muscat"], [], "2018-08-14",
           [("مالطا تفتح موانئها لسفينة \"أكواريوس\"", 0),
            ("أعلنت مالطا الثلاثاء أنها تسمح للسفينة الإغاثية", 0),
            ("أعلنت مالطا الثلاثاء أنها أعطت الضوء الأخضر لرسو سفينة \"أكواريوس\"", 0),
            ("ستسمح لسفينة أكواريوس بدخول موانئها", 0)]),
        Ev("AGREE", ["ent_france", "ent_germany", "ent_luxembourg", "ent_portugal", "ent_spain", "ent_malta"], [],
           "2018-08-14",
           [("بعد الاتفاق على توزيع المهاجرين بين دول أوروبية", 0),
            ("إثر التوصل لاتفاق حول توزيع المهاجرين بين فرنسا وألمانيا ولوكسمبورغ والبرتغال وإسبانيا", 0),
            ("بعد الاتفاق على توزيعهم بين عدد من الدول الأوروبية", 0),
            ("سيتم توزيعهم بين فرنسا وألمانيا ولوكسمبورغ والبرتغال وإسبانيا", 0)]),
        Ev("AGREE", ["ent_sanchez", "ent_spain"], [], "2018-08-14",
           [("أعلن رئيس وزراء إسبانيا بدرو سانشيز استعداد بلاده لاستقبال 60", 0)]),
        Ev("AGREE", ["ent_pt_gov", "ent_portugal"], [], "2018-08-14",
           [("البرتغال مستعدة لاستقبال 30", 0)]),
        Ev("REJECT", ["ent_salvini"], [], "2018-08-11",
           [("السفينة أكواريوس \"لن ترى مرفأ إيطاليا\" مرة أخرى", 0)]),
        # background and conditional offers
        Ev("REJECT", ["ent_malta", "ent_italy"], [], None,
           [("أعلنت مالطا وإيطاليا رفضهما استقبال السفينة", 0)], optional=True),
        Ev("AGREE", ["ent_sete_director"], [], "2018-08-13",
           [("على استعداد للسماح للسفينة بالرسو في الميناء في حال أعطت الحكومة موافقتها", 0)], optional=True,
           fact="hypothetical"),
        Ev("REJECT", ["ent_italy", "ent_malta"], [], "2018-06", [("بعد رفض روما وفاليتا بدخول مرافئهما", 0)],
           optional=True),
        Ev("REJECT", ["ent_salvini"], [], None,
           [("يرفض وزير الداخلية اليميني المتطرف في إيطاليا ماتيو سالفيني استقبال سفن الإنقاذ", 0)], optional=True),
        Ev("ACCUSE", ["ent_salvini"], [], None, [("ويتهمها بمساعدة مهربي البشر", 0)], optional=True),
        Ev("AID", ["ent_aquarius", "ent_sos_med"], [], "2018-08-10",
           [("والجمعة أنقذت في عمليتين منفصلتين 141 شخصا", 0), ("أغاثت السفينة 116 شخصا", 0)], optional=True),
    ],
}

A["FR-middleEast-347-20180423"] = {  # Monday; Houthis announce al-Sammad's death in a coalition strike
    "entities": {
        "ent_houthis": E("ORG", ["الحوثيون", "الحوثيين"], canonical="Houthis", country="YEM", sector="REB"),
        "ent_spc": E("ORG", ["المجلس السياسي الأعلى", "المجلس السياسي"], canonical="Supreme Political Council",
                     country="YEM", sector="GOV"),
        "ent_coalition": E("ORG", ["التحالف العربي", "التحالف"], canonical="Saudi-led coalition in Yemen",
                           sector="MIL"),
        "ent_sammad": E("PER", ["صالح الصماد", "الصماد"], ["رئيس \"المجلس السياسي\""], canonical="Saleh al-Sammad",
                        country="YEM", sector="GOV"),
        "ent_saudi": E("LOC", ["المملكة السعودية", "السعودية"], canonical="Saudi Arabia", qid="Q851",
                       country="SAU"),
        "ent_hodeidah_gov": E("LOC", ["الحديدة@0", "الحديدة@1"], canonical="Al Hudaydah Governorate",
                              country="YEM"),
        "ent_hodeidah_city": E("LOC", ["الحديدة@2"], canonical="Hodeidah", country="YEM"),
        "ent_yemen": E("LOC", ["اليمن"], canonical="Yemen", qid="Q805", country="YEM"),
        "ent_mashat": E("PER", ["مهدي محمد حسين المشاط"], canonical="Mahdi al-Mashat", country="YEM", sector="GOV"),
        "ent_saba": E("ORG", ["وكالة سبأ"], ["وقال [البيان]"], canonical="Saba News Agency (Houthi-run)",
                      country="YEM", sector="MED"),
        "ent_buraihi": E("LOC", ["البريهي"], canonical="al-Buraihi", country="YEM"),
    },
    "times": [
        ("الاثنين", 0, "DATE", "2018-04-23", False),
        ("ظهر الخميس 19 نيسان/أبريل", 0, "TIME", "2018-04-19TMI", False),
        ("الأسبوع الماضي", 0, "DATE", "2018-W16", False),
        ("الاثنين", 1, "DATE", "2018-04-23", False),
        ("ظهر الخميس 19 نيسان/أبريل", 1, "TIME", "2018-04-19TMI", False),
        ("يوم الخميس", 0, "DATE", "2018-04-19", False),
        ("حتى الآن", 0, "DATE", "PRESENT_REF", True),
    ],
    "quotes": [
        Q("indirect", "أعلن", 0, "مقتل صالح الصماد رئيس \"المجلس السياسي\" الذي يعتبر السلطة العليا لديهم، في غارة "
          "شنتها قوات التحالف الذي تتزعمه السعودية ظهر الخميس 19 نيسان/أبريل على محافظة الحديدة في غرب اليمن", 0,
          "ent_houthis", optional=True),
        Q("indirect", "أعلن", 1, "قتل صالح الصماد رئيس \"المجلس السياسي\"، السلطة العليا لدى الحوثيين في اليمن ، في "
          "غارة جوية الأسبوع الماضي لقوات التحالف الذي تقوده السعودية", 0, "ent_houthis"),
        Q("indirect", "مشيرة", 0, "مقتله ظهر الخميس 19 نيسان/أبريل في غارة جوية للتحالف على محافظة الحديدة، في غرب "
          "اليمن", 0, "ent_saba", optional=True),
        Q("mixed", "وقال", 0, "المجلس السياسي \"أقر اختيار الأخ مهدي محمد حسين المشاط\" رئيسا للمجلس السياسي الأعلى",
          0, "ent_saba"),
        Q("mixed", "أوردت", 0, "الصماد \"قتل بغارة للتحالف يوم الخميس في ضاحية البريهي، جنوب مدينة الحديدة", 0,
          None),
        Q("indirect", "وبحسب", 0, "عددا من القيادات العسكرية لدى الحوثيين كانوا برفقة الصماد، وقتل عدد منهم في الغارة",
          0, None),
    ],
    "events": [
        Ev("ASSAULT", ["ent_coalition"], ["ent_sammad"], "2018-04-19",
           [("مقتل رئيس \"المجلس السياسي\" في غارة للتحالف العربي", 0),
            ("مقتل صالح الصماد رئيس \"المجلس السياسي\" الذي يعتبر السلطة العليا لديهم، في غارة شنتها قوات التحالف", 0),
            ("قتل صالح الصماد رئيس \"المجلس السياسي\"، السلطة العليا لدى الحوثيين في اليمن ، في غارة جوية", 0),
            ("مقتله ظهر الخميس 19 نيسان/أبريل في غارة جوية للتحالف", 0),
            ("قتل بغارة للتحالف يوم الخميس", 0), ("وقتل عدد منهم في الغارة", 0)]),
        # background: the Saudi wanted list with bounties
        Ev("ACCUSE", ["ent_saudi"], ["ent_houthis"], None,
           [("لائحة من أربعين مسؤولا في صفوف الحوثيين في اليمن أعلنتها المملكة السعودية", 0)], optional=True),
    ],
}


A["SK-internationalNews-2013-20180607"] = {  # Thursday; Iranian migrants caught at Pendik port on Wednesday
    "entities": {
        "ent_tr_security": E("ORG", ["قوات الأمن التركية", "الأمن التركي"], ["السلطات", "موظفو الجمارك"],
                             canonical="Turkish security forces", country="TUR", sector="COP", optional=True),
        "ent_pendik": E("LOC", ["بنديك"], canonical="Pendik", country="TUR"),
        "ent_istanbul": E("LOC", ["إسطنبول"], canonical="Istanbul", qid="Q406", country="TUR"),
        "ent_italy": E("LOC", ["إيطاليا"], canonical="Italy", qid="Q38", country="ITA"),
        "ent_greece": E("LOC", ["اليونان"], canonical="Greece", qid="Q41", country="GRC"),
        "ent_iran": E("LOC", ["إيران"], canonical="Iran", qid="Q794", country="IRN"),
        "ent_aegean": E("LOC", ["بحر إيجه"], canonical="Aegean Sea"),
        "ent_anadolu": E("ORG", ["وكالة الأناضول"], canonical="Anadolu Agency", country="TUR", sector="MED"),
        "ent_turkey": E("LOC", ["تركيا"], canonical="Turkey", qid="Q43", country="TUR"),
        "ent_europe": E("LOC", ["أوروبا"], canonical="Europe", qid="Q46"),
        "ent_syria": E("LOC", ["سوريا"], canonical="Syria", qid="Q858", country="SYR"),
        "ent_syrian_war": E("MISC", ["الحرب الأهلية"], canonical="Syrian civil war", optional=True),
    },
    "times": [
        ("يوم الأربعاء", 0, "DATE", "2018-06-06", False),
        ("مؤخرا", 0, "DATE", "PAST_REF", True),
        ("في السنوات الأخيرة", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        Q("indirect", "أفادت", 0, "قوات الأمن التركية قد اعتقلت مؤخرا حوالي 600 مهاجر غير شرعي بالقرب من الحدود مع "
          "اليونان وإيران، وعلى سواحل بحر إيجه", 0, "ent_anadolu"),
    ],
    "events": [
        Ev("COERCE", ["ent_tr_security"], [], "2018-06-06",
           [("ضبط موظفو الجمارك في ميناء بنديك في إسطنبول سبعة مهاجرين إيرانيين", 0),
            ("وأوقفت السلطات الشاحنة المشبوهة", 0),
            ("واعتقلت السلطات السائق والمهاجرين غير الشرعيين", 0)]),
        Ev("COERCE", ["ent_tr_security"], [], None,
           [("قوات الأمن التركية قد اعتقلت مؤخرا حوالي 600 مهاجر غير شرعي", 0)], optional=True),
    ],
}

A["SK-middleEast-969-20180412"] = {  # Thursday; France weighs strikes on Syria after Douma
    "entities": {
        "ent_france": E("LOC", ["فرنسا"], canonical="France", qid="Q142", country="FRA"),
        "ent_syria": E("LOC", ["سوريا", "دمشق"], canonical="Syria", qid="Q858", country="SYR"),
        "ent_douma": E("LOC", ["دوما"], canonical="Douma", country="SYR"),
        "ent_ledrian": E("PER", ["جان إيف لو دريان", "لو دريان", "لودريان"], ["وزير الخارجية الفرنسي"],
                         canonical="Jean-Yves Le Drian", country="FRA", sector="GOV"),
        "ent_macron": E("PER", ["ايمانويل ماكرون"], ["رئيس الجمهورية"],
                        canonical="Emmanuel Macron", qid="Q3052772", country="FRA", sector="GOV"),
        "ent_cwc": E("MISC", ["الاتفاقية الدولية ضد الاسلحة الكيماوية"], canonical="Chemical Weapons Convention",
                     optional=True),
        "ent_romania": E("LOC", ["رومانيا"], canonical="Romania", qid="Q218", country="ROU"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], canonical="United States", qid="Q30", country="USA"),
        "ent_trump": E("PER", ["دونالد ترامب"], ["الرئيس الأميركي"], canonical="Donald Trump", qid="Q22686",
                       country="USA", sector="GOV"),
        "ent_russia": E("LOC", ["روسيا"], canonical="Russia", qid="Q159", country="RUS"),
    },
    "times": [
        ("خلال أيام", 0, "DURATION", "PXD", True),
        ("في الأيام المقبلة", 0, "DATE", "FUTURE_REF", True),
        ("الخميس", 0, "DATE", "2018-04-12", False),
        ("أمس الأربعاء", 0, "DATE", "2018-04-11", False),
    ],
    "quotes": [
        Q("indirect", "قالت", 0, "ستقرر في الأيام المقبلة ما إذا كانت ستشن هجوما عسكريا بسبب الهجوم الكيماوي المزعوم "
          "في بلدة دوما السورية", 0, "ent_france"),
        Q("mixed", "وذكر", 0, "الرئيس ايمانويل ماكرون سيقرر ما اذا كان سيشن هجوما بسبب \"عدم احترام الاتفاقية الدولية "
          "ضد الاسلحة الكيماوية\"، وهو ما يشكل \"خطا احمر\" لفرنسا", 0, "ent_ledrian"),
        Q("direct", "قال", 0, "نحن حازمون للغاية.. كما قال رئيس الجمهورية.. هذا الوضع لا يمكن تحمله", 0,
          "ent_ledrian"),
        Q("direct", "قال", 2, "فرنسا تتخذ قراراتها باستقلالية", 0, "ent_ledrian"),
        Q("indirect", "قال", 3, "سيطلق عملية عسكرية وشيكة ضد سوريا ردا\"الهجوم الكيماوي", 0, "ent_trump"),
        Q("indirect", "ونفت", 0, "الوقوف وراء هذا الهجوم", 0, "ent_syria"),
    ],
    "events": [
        Ev("THREATEN", ["ent_france", "ent_ledrian", "ent_macron"], ["ent_syria"], "2018-04-12",
           [("سنتخذ قرارا بشأن قصف سوريا خلال أيام", 0),
            ("ستقرر في الأيام المقبلة ما إذا كانت ستشن هجوما عسكريا", 0),
            ("سيقرر ما اذا كان سيشن هجوما", 0)]),
        Ev("THREATEN", ["ent_trump", "ent_usa"], ["ent_syria"], "2018-04-11",
           [("التي هددت أيضا بإجراء عسكري", 0), ("سيطلق عملية عسكرية وشيكة ضد سوريا", 0)]),
        Ev("SUPPORT", ["ent_russia"], ["ent_syria"], None, [("وأيدت روسيا هذا النفي", 0)]),
        # a denial of responsibility; the alleged chemical attack itself has no named actor
        Ev("REJECT", ["ent_syria"], [], None, [("ونفت دمشق الوقوف وراء هذا الهجوم", 0)], optional=True),
        Ev("ASSAULT", [], [], None, [("الهجوم الكيماوي المزعوم في بلدة دوما السورية", 0)], optional=True),
    ],
}

A["SK-internationalNews-2069-20180610"] = {  # Sunday; monsoon rains in the Rohingya camps (no PLOVER event)
    "entities": {
        "ent_rohingya": E("MISC", ["الروهينغا"], canonical="Rohingya people", optional=True),
        "ent_bangladesh": E("LOC", ["بنغلادش"], canonical="Bangladesh", qid="Q902", country="BGD"),
        "ent_myanmar": E("LOC", ["بورما"], canonical="Myanmar", qid="Q836", country="MMR"),
        "ent_uk": E("LOC", ["بريطانيا"], canonical="United Kingdom", qid="Q145", country="GBR"),
        "ent_bmd": E("ORG", ["مكتب الأرصاد الجوية"], canonical="Bangladesh Meteorological Department",
                     country="BGD", sector="GOV"),
        "ent_coxs_bazar": E("LOC", ["كوكس بازار"], canonical="Cox's Bazar", country="BGD"),
        "ent_unhcr": E("ORG", ["مفوضية الأمم المتحدة لشؤون اللاجئين"], canonical="UNHCR", country="IGO",
                       sector="IGO"),
        "ent_gluck": E("PER", ["كارولين غلوك"], ["المتحدثة باسم مفوضية الأمم المتحدة لشؤون اللاجئين", "المتحدثة"],
                       canonical="Caroline Gluck", sector="IGO"),
        "ent_afp": E("ORG", ["فرانس برس"], canonical="Agence France-Presse", sector="MED"),
    },
    "times": [
        ("الأحد", 0, "DATE", "2018-06-10", False),
        ("في الأشهر المقبلة", 0, "DATE", "FUTURE_REF", True),
        ("الأشهر الثلاثة المقبلة", 0, "DURATION", "P3M", False),
        ("في عام كامل", 0, "DURATION", "P1Y", True),
        ("مساء السبت", 0, "TIME", "2018-06-09TEV", False),
        ("في الأيام المقبلة", 0, "DATE", "FUTURE_REF", True),
    ],
    "quotes": [
        Q("indirect", "أعلن", 0, "تعرضت مخيمات الروهينغا في بنغلادش، حيث يعيش نحو مليون لاجئ، لتساقط أمطار موسمية ما "
          "أدى إلى فيضانات وانهيارات أرضية من دون تسجيل سقوط ضحايا أو أضرار كبيرة", 0, None),
        Q("indirect", "حذرت", 0, "فصل الأمطار الموسمية قد يتسبب بكارثة إنسانية في الأشهر المقبلة في المخيم الذي يأوي "
          "لاجئين فروا من أعمال العنف في بورما، والذي يعد الأكبر في العالم", 0, None),
        Q("indirect", "وأعلن", 0, "منطقة كوكس بازار، حيث يعيش العديد من اللاجئين في خيام أقيمت فوق هضاب، شهدت منذ مساء "
          "السبت تساقط 138 ملليمترا من الأمطار", 0, "ent_bmd"),
        Q("direct", "وقالت", 0, "بعض الأقسام كملعب كرة القدم على سبيل المثال فاضت بالمياه. وغمرت المياه بعض المنازل. "
          "وحصلت انهيارات ارضية. الأوضاع سيئة", 0, "ent_gluck", "ent_afp"),
        Q("mixed", "وتابعت", 0, "فصل الأمطار الموسمية \"سيشكل أكبر تحد لكل من يشارك في تقديم المساعدة الإنسانية دعما "
          "لحكومة بنغلادش", 0, "ent_gluck"),
        # وجهاء الروهينغا: unnamed community leaders, so no speaker entity
        Q("indirect", "وقال", 0, "الامطار دمرت أجزاء من الخيام وحولت بعض الطرق الرملية إلى مستنقعات ما أعاق حركة "
          "اللاجئين ودخول المساعدات", 0, None, "ent_afp"),
    ],
    "events": [],
}

A["SK-internationalNews-3295-20181006"] = {  # Saturday; Slovak PM (Friday) on taking in Syrian orphans
    "entities": {
        "ent_slovakia": E("LOC", ["سلوفاكيا"], ["بلاده"], canonical="Slovakia", qid="Q214", country="SVK"),
        "ent_pellegrini": E("PER", ["بيتر بيلغريني", "بيلغريني"], ["رئيس وزراء سلوفاكيا"],
                            canonical="Peter Pellegrini", country="SVK", sector="GOV"),
        "ent_central_europe": E("LOC", ["وسط أوروبا"], canonical="Central Europe"),
        "ent_middle_east": E("LOC", ["الشرق الأوسط"], canonical="Middle East"),
        "ent_africa": E("LOC", ["أفريقيا"], canonical="Africa", qid="Q15"),
        "ent_eu": E("ORG", ["الاتحاد الأوروبي"], canonical="European Union", qid="Q458", country="EUR",
                    sector="IGO"),
        "ent_italy": E("LOC", ["إيطاليا"], canonical="Italy", qid="Q38", country="ITA"),
        "ent_greece": E("LOC", ["اليونان"], canonical="Greece", qid="Q41", country="GRC"),
        "ent_germany": E("LOC", ["ألمانيا"], canonical="Germany", qid="Q183", country="DEU"),
        "ent_poland": E("LOC", ["بولندا"], canonical="Poland", qid="Q36", country="POL"),
        "ent_czech": E("LOC", ["جمهورية التشيك"], canonical="Czech Republic", qid="Q213", country="CZE"),
        "ent_hungary": E("LOC", ["المجر"], canonical="Hungary", qid="Q28", country="HUN"),
        "ent_reuters": E("ORG", ["رويترز"], canonical="Reuters", sector="MED"),
    },
    "times": [
        ("الجمعة", 0, "DATE", "2018-10-05", False),
        ("قبل 3 سنوات", 0, "DATE", "2015", False),
        ("منذ فترة طويلة", 0, "DURATION", None, True),
        ("حاليا", 0, "DATE", "PRESENT_REF", False),
        ("حاليا", 1, "DATE", "PRESENT_REF", False),
    ],
    "quotes": [
        Q("indirect", "قال", 0, "بلاده قد تقبل العشرات من الأطفال السوريين اليتامى", 0, "ent_pellegrini"),
        Q("mixed", "وقال", 0, "سلوفاكيا بلد غني بما يكفي لرعاية \"10 أو 20 أو 30 طفلا\" موجودين حاليا في مخيم للاجئين "
          "باليونان", 0, "ent_pellegrini", "ent_reuters"),
        Q("direct", "وقال", 1, "إننا ساسة ولكن عندما نتحدث عن معاناة اليتامى السوريين الذين تتولى رعايتهم حاليا دولة "
          "عضو أخرى، أعتقد أنه يجب علينا أن نكون أكثر إنسانية", 0, "ent_pellegrini"),
        Q("direct", "وأضاف", 0, "لا يمكن لعدة عشرات من اليتامى الذين سيتم إيداعهم في دور رعاية الأطفال في بلادنا أن "
          "يهددوا الاقتصاد السلوفاكي أو المجتمع السلوفاكي أو الثقافة السلوفاكية.. سيتعلمون لغتنا وثقافتنا", 0,
          "ent_pellegrini"),
    ],
    "events": [
        # an offer (intent) to take in orphans: AGREE
        Ev("AGREE", ["ent_pellegrini", "ent_slovakia"], [], "2018-10-05",
           [("سلوفاكيا تعلن قبول لاجئين سوريين", 0),
            ("بلاده قد تقبل العشرات من الأطفال السوريين اليتامى", 0)]),
        # background: the Central European refusal of EU quotas, backed by Slovakia
        Ev("REJECT", ["ent_poland", "ent_czech", "ent_hungary", "ent_slovakia"], ["ent_eu"], None,
           [("الذين يرفضون قبول لاجئين", 0),
            ("في اعتراضها على محاولات مسؤولي الاتحاد الأوروبي فرض حصص إجبارية", 0)], optional=True),
        Ev("SUPPORT", ["ent_slovakia"], [], None,
           [("وتساند سلوفاكيا منذ فترة طويلة الدول الأخرى في وسط أوروبا", 0)], optional=True),
    ],
}

A["SK-internationalNews-3500-20181015"] = {  # Monday; documentary on a 2017 plot against Trump in Manila
    "entities": {
        "ent_natgeo": E("ORG", ["ناشيونال جيوغرافيك"], canonical="National Geographic (TV channel)",
                        sector="MED"),
        "ent_mongol": E("MISC", ["عملية المغول", "المغول"], canonical="Operation Mongol (plot code name)",
                        optional=True),
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأميركي@0", "الرئيس الأميركي@1"],
                       canonical="Donald Trump", qid="Q22686", country="USA", sector="GOV"),
        "ent_secret_service": E("ORG", ["جهاز الخدمة السرية"],
                                ["جهاز المخابرات الأميركي الرئاسي", "جهاز حماية الرئيس الأميركي السري", "الجهاز"],
                                canonical="United States Secret Service", country="USA", sector="COP"),
        "ent_philippines": E("LOC", ["الفلبين"], canonical="Philippines", qid="Q928", country="PHL"),
        "ent_asean": E("ORG", ["رابطة دول جنوب شرق آسيا", "آسيان"], canonical="ASEAN", country="IGO",
                       sector="IGO"),
        "ent_manila": E("LOC", ["مانيلا"], canonical="Manila", country="PHL"),
        "ent_isis": E("ORG", ["داعش"], ["الدواعش"], canonical="Islamic State of Iraq and the Levant",
                      qid="Q2429253", sector="REB"),
        "ent_twitter": E("ORG", ["تويتر"], canonical="Twitter", qid="Q918", sector="BUS"),
        "ent_instagram": E("ORG", ["إنستغرام"], canonical="Instagram", sector="BUS"),
        "ent_oswald": E("PER", ["لي هارفي أوزوالد"], canonical="Lee Harvey Oswald", country="USA"),
        "ent_kennedy": E("PER", ["جون كندي"], ["الرئيس الأميركي@2"], canonical="John F. Kennedy", qid="Q9696",
                         country="USA", sector="GOV"),
        "ent_ph_police": E("ORG", ["الشرطة الفلبينية"], canonical="Philippine National Police", country="PHL",
                           sector="COP", optional=True),
    },
    "times": [
        ("العام الماضي", 0, "DATE", "2017", False),
        ("الأحد", 0, "DATE", "2018-10-14", False),
        ("نوفمبر الماضي", 0, "DATE", "2017-11", False),
    ],
    "quotes": [
        Q("indirect", "ودعا", 0, "من يوصفون بـ\"الذئاب المنفردة\" إلى \"انتظار\" الرئيس الأميركي أثناء زيارته إلى "
          "الفلبين", 0, "ent_isis", optional=True),
        Q("direct", "يقول", 0, "سأكون في مانيلا في نفس موعد ترامب .. سأفعلها من أجلكم", 0, None),
    ],
    "events": [
        Ev("THREATEN", ["ent_isis"], ["ent_trump"], None,
           [("تهديد عناصر تنتمي إلى تنظيم داعش", 0),
            ("ودعا فيها من يوصفون بـ\"الذئاب المنفردة\" إلى \"انتظار\" الرئيس الأميركي", 0)]),
        Ev("MOBILIZE", ["ent_manila"], [], "2017-11", [("مانيلا رفعت مستوى الخطر", 0)]),
        Ev("COERCE", ["ent_secret_service", "ent_ph_police"], [], "2017-11",
           [("أحبط جهاز المخابرات الأميركي الرئاسي محاولة اغتيال", 0),
            ("اعتقل  عملاء جهاز حماية الرئيس الأميركي السري المشتبه به", 0)]),
        # the foiled plot itself (no attack took place), the joint work with the police, and Kennedy's murder
        Ev("ASSAULT", [], ["ent_trump"], "2017-11",
           [("محاولة اغتيال كاد أن يتعرض لها الرئيس دونالد ترامب", 0)], optional=True),
        Ev("COOPERATE", ["ent_secret_service", "ent_ph_police"], [], "2017-11",
           [("وبالتعاون مع الشرطة الفلبينية", 0)], optional=True),
        Ev("ASSAULT", ["ent_oswald"], ["ent_kennedy"], None,
           [("الذي اتهم باغتيال الرئيس الأميركي جون كندي", 0)], optional=True),
    ],
}

A["SK-internationalNews-2064-20180610"] = {  # Sunday; Trump and Kim arrive in Singapore before Tuesday's summit
    "entities": {
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأميركي"], canonical="Donald Trump",
                       qid="Q22686", country="USA", sector="GOV"),
        "ent_singapore": E("LOC", ["سنغافورة"], canonical="Singapore", qid="Q334", country="SGP"),
        "ent_kim": E("PER", ["كيم جونغ أون", "كيم"], ["زعيم كوريا الشمالية"], canonical="Kim Jong-un",
                     qid="Q56226", country="PRK", sector="GOV"),
        "ent_nk": E("LOC", ["كوريا الشمالية", "بيونغ يانغ"], canonical="North Korea", qid="Q423", country="PRK"),
        "ent_paya_lebar": E("LOC", ["بايا ليبار"], canonical="Paya Lebar Air Base", country="SGP"),
        "ent_shangrila": E("LOC", ["شانغريلا"], canonical="Shangri-La Hotel, Singapore", country="SGP"),
        "ent_white_house": E("ORG", ["البيت الأبيض"], canonical="White House", country="USA", sector="GOV"),
        "ent_pompeo": E("PER", ["مايك بومبيو"], ["وزير الخارجية"], canonical="Mike Pompeo", country="USA",
                        sector="GOV"),
        "ent_bolton": E("PER", ["جون بولتون"], ["مستشار الأمن القومي"], canonical="John Bolton", country="USA",
                        sector="GOV"),
        "ent_kelly": E("PER", ["جون كيلي"], ["كبير موظفي البيت الأبيض"], canonical="John F. Kelly", country="USA",
                       sector="GOV"),
        "ent_sanders": E("PER", ["سارة ساندرز"], ["المتحدثة باسم البيت الأبيض"], canonical="Sarah Huckabee Sanders",
                         country="USA", sector="GOV"),
        "ent_usa": E("LOC", ["واشنطن"], canonical="United States", qid="Q30", country="USA"),
    },
    "times": [
        ("الأحد", 0, "DATE", "2018-06-10", False),
        ("فيما بعد", 0, "DATE", "FUTURE_REF", True),
        ("صباح الأحد", 0, "TIME", "2018-06-10TMO", False),
        ("2011", 0, "DATE", "2011", False),
        ("يوم الثلاثاء", 0, "DATE", "2018-06-12", False),
    ],
    "quotes": [
        Q("indirect", "ذكر", 0, "سيتوجه فيما بعد إلى فندق شانغريلا", 0, "ent_white_house"),
    ],
    "events": [
        Ev("CONSULT", ["ent_trump"], ["ent_singapore"], "2018-06-10",
           [("ترامب يصل إلى سنغافورة", 0), ("وصل الرئيس الأميركي دونالد ترامب إلى سنغافورة", 0),
            ("ووصل ترامب إلى قاعدة \"بايا ليبار\" الجوية في سنغافورة", 0)]),
        Ev("CONSULT", ["ent_kim"], ["ent_singapore"], "2018-06-10",
           [("وكان كيم وصل إلى سنغافورة، صباح الأحد", 0)]),
        # the summit itself and the meetings with Singaporean officials are still to come
        Ev("CONSULT", ["ent_trump", "ent_kim"], [], "2018-06-12",
           [("القمة التاريخية", 0), ("حيث سيعقد قمة تاريخية مع زعيم كوريا الشمالية كيم جونغ أون", 0),
            ("قبل القمة التي قد تنهي خلافا نوويا", 0), ("قبيل انعقاد القمة، يوم الثلاثاء", 0)],
           optional=True, fact="future"),
        Ev("CONSULT", ["ent_trump", "ent_kim"], [], None,
           [("وستكون للرئيسين لقاءات مع مسؤولين سنغافوريين", 0)], optional=True, fact="future"),
        Ev("CONSULT", ["ent_kim"], [], None, [("وقام كيم بزيارة واحدة فقط معروفة للخارج جوا", 0)], optional=True),
    ],
}


def main(articles: dict[str, dict[str, Any]] | None = None, out: Path | None = None) -> None:
    """Write the gold files (``--show ID…``: print them); bench/blind2 passes its own articles and folder."""
    articles = A if articles is None else articles
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            sys.argv = [sys.argv[0], tmp, *sys.argv[2:]]
            ids = sys.argv[2:]
            write_set({i: articles[i] for i in ids}, Path(tmp), build_blind, layers=("entities", "times", "quotes", "events"))
            import json

            for i in ids:
                show(json.loads((Path(tmp) / f"{i}.json").read_text(encoding="utf-8")))
        return
    write_set(articles, out or OUT, build_blind, layers=("entities", "times", "quotes", "events"))


if __name__ == "__main__":
    main()
