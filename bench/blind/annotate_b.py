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
    for _, spans, f, eid, kind, opt in items:
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
                 "annotation": "blind set B: annotated by hand before any system run"},
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
        Ev("COERCE", ["ent_houthis"], [], None,
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


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            sys.argv = [sys.argv[0], tmp, *sys.argv[2:]]
            ids = sys.argv[2:]
            write_set({i: A[i] for i in ids}, Path(tmp), build_blind, layers=("entities", "times", "quotes", "events"))
            import json

            for i in ids:
                show(json.loads((Path(tmp) / f"{i}.json").read_text(encoding="utf-8")))
        return
    write_set(A, OUT, build_blind, layers=("entities", "times", "quotes", "events"))


if __name__ == "__main__":
    main()
