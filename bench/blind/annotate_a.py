"""Blind evaluation set, annotator A: 15 ANT v2.1 articles (Apache-2.0) annotated BY HAND from the text alone,
before any khabar stage was ever run on them (issues 11 events, 12 quote speakers, 13 entities, 17 time values).

Snippet-level annotations below are resolved to offsets (helpers of bench/quotes_times_common.py) and written as
khabar/1 gold with ``entities``, ``times``, ``quotes`` and ``events`` to tests/data/blind/<id>.json. Conventions:
bench/blind/README_a.md.

    .venv/bin/python bench/blind/annotate_a.py            # (re)write tests/data/blind/<id>.json for these 15
    .venv/bin/python bench/blind/annotate_a.py /tmp/x     # build elsewhere to compare

Annotation shapes
  entities: id -> E(type, mention forms, coref forms, canonical, qid, country, sector, optional). A form matches
      every word-bounded occurrence (a clitic و ف ب ل ك may precede it); longer forms win over nested shorter ones.
      ``pre[word]post`` matches ``word`` only in that context.
  times: (snippet, occurrence, type, value, optional)
  quotes: (type, cue word (exact), cue occurrence, content snippet, occurrence, speaker, addressee[, optional])
  events: Ev(type, actors, recipients, date, [(evidence snippet, occurrence)], optional, factuality, mode)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes_times_common import ROOT, _nth, _occurrences, _word_nth, build, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "blind"


class E(NamedTuple):
    type: str
    forms: list[str]
    coref: list[str] = []
    canonical: str | None = None
    qid: str | None = None
    country: str | None = None
    sector: str | None = None
    optional: bool = False


class Ev(NamedTuple):
    type: str
    actors: list[str]
    recipients: list[str]
    date: str | None
    evidence: list[tuple[str, int]]
    optional: bool = False
    factuality: str = "asserted"
    mode: tuple[str, ...] = ()


_CTX = re.compile(r"^(.*)\[(.+)\](.*)$")


def _form_spans(text: str, form: str) -> list[tuple[int, int]]:
    m = _CTX.match(form)
    if not m and form.isascii():  # Latin names: لـCNN (a tatweel counts as a letter for str.isalpha)
        return [(h.start(), h.end()) for h in re.finditer(r"(?<![A-Za-z])" + re.escape(form) + r"(?![A-Za-z])", text)]
    if not m:
        return _occurrences(text, form)
    pre, word, post = m.groups()
    out = []
    for hit in re.finditer(re.escape(pre + word + post), text):
        a = hit.start() + len(pre)
        out.append((a, a + len(word)))
    if not out:
        raise ValueError(f"context form {form!r} not found")
    return out


def _entities(text: str, ents: dict[str, E]) -> list[dict[str, Any]]:
    """Mentions and coref mentions; longest forms first so nested names are not counted twice."""
    spans: dict[str, dict[str, list]] = {eid: {"m": [], "c": []} for eid in ents}
    taken: dict[str, list[tuple[int, int]]] = {"m": [], "c": []}  # a name inside a description still counts
    forms = sorted(((f, eid, kind) for eid, e in ents.items() for kind, fl in (("m", e.forms), ("c", e.coref))
                    for f in fl), key=lambda x: (x[2] == "c", -len(_CTX.sub(r"\2", x[0])), not _CTX.match(x[0])))
    for form, eid, kind in forms:
        hits = _form_spans(text, form)
        if not hits:
            raise ValueError(f"{eid}: form {form!r} not found")
        for a, b in hits:
            if any(a < tb and ta < b for ta, tb in taken[kind]):
                continue
            if kind == "c" and any(ta <= a and b <= tb for ta, tb in taken["m"]):
                continue  # الجيش inside the name الجيش السوري is not a separate description
            taken[kind].append((a, b))
            spans[eid][kind].append({"start": a, "end": b, "text": text[a:b]})
    out = []
    for eid, e in ents.items():
        if not spans[eid]["m"] and not spans[eid]["c"]:
            raise ValueError(f"{eid}: no mention found")
        d: dict[str, Any] = {"id": eid, "type": e.type, "canonical": e.canonical, "wikidata": e.qid,
                             "country": e.country, "sector": e.sector,
                             "mentions": sorted(spans[eid]["m"], key=lambda s: s["start"])}
        if spans[eid]["c"]:
            d["coref_mentions"] = sorted(spans[eid]["c"], key=lambda s: s["start"])
        if e.optional:
            d["optional"] = True
        out.append(d)
    return out


def build_blind(art: dict, ann: dict) -> dict:
    gold = build(art, {"entities": {}, "times": ann["times"], "quotes": []})
    text = gold["text"]
    ents = ann["entities"]
    gold["entities"] = _entities(text, ents)
    quotes = []
    for q in ann["quotes"]:
        qtype, cue, cn, content, qn, spk, addr = q[:7]
        for who in (spk, addr):
            if who is not None and who not in ents:
                raise ValueError(f"quote {content[:30]!r}: unknown entity {who}")
        ca, cb = _word_nth(text, cue, cn, exact=True)
        a, b = _nth(text, content, qn)
        d: dict[str, Any] = {"type": qtype, "speaker": spk, "addressee": addr,
                             "cue": {"start": ca, "end": cb, "text": text[ca:cb]},
                             "content": {"start": a, "end": b, "text": text[a:b]}}
        if len(q) > 7 and q[7]:
            d["optional"] = True
        quotes.append(d)
    gold["quotes"] = sorted(quotes, key=lambda q: q["content"]["start"])
    events = []
    for ev in ann["events"]:
        etype, actors, recips, date, evid, optional, factuality, mode = Ev(*ev)
        for who in [*actors, *recips]:
            if who not in ents:
                raise ValueError(f"{etype}: unknown entity {who}")
        ev_spans = []
        for snip, n in evid:
            a, b = _nth(text, snip, n)
            ev_spans.append({"start": a, "end": b, "text": text[a:b]})
        d = {"event": etype, "mode": list(mode), "context": [], "actor": actors, "recipient": recips, "date": date,
             "location": None, "factuality": factuality, "evidence": ev_spans}
        if optional:
            d["optional"] = True
        events.append(d)
    gold["events"] = events
    for layer in ("times", "quotes"):
        for item in gold[layer]:
            for sp in (item, item.get("cue"), item.get("content")):
                if isinstance(sp, dict) and "start" in sp:
                    assert text[sp["start"]:sp["end"]] == sp["text"]
    return gold


A: dict[str, dict] = {}

A["BB-internationalNews-676-20180620"] = {
    "entities": {
        "ent_australia": E("LOC", ["أستراليا"], [], "Australia", "Q408", "AUS"),
        "ent_au_gov": E("ORG", ["الحكومة الأسترالية", "الحكومة الاتحادية", "الحكومة"], [],
                        "Government of Australia", None, "AUS", "GOV", optional=True),
        "ent_jenkins": E("PER", ["كيت جينكينز", "جينكينز"], ["مفوضة التمييز الجنسي", "المفوضة"], "Kate Jenkins",
                         None, "AUS", "GOV"),
        "ent_metoo": E("MISC", ["أنا أيضا، مي توو", "مي تو"], [], "Me Too movement"),
        "ent_ahrc": E("ORG", ["لجنة حقوق الإنسان الأسترالية", "لجنة حقوق الإنسان"], [],
                      "Australian Human Rights Commission", None, "AUS", "GOV"),
        "ent_uk": E("LOC", ["بريطانيا"], [], "United Kingdom", "Q145", "GBR"),
        "ent_odwyer": E("PER", ["كيلي أودواير"], ["وزيرة المرأة"], "Kelly O'Dwyer", None, "AUS", "GOV"),
    },
    "times": [
        ("12 شهرا", 0, "DURATION", "P12M", False),
        ("سن الـ15", 0, "DURATION", "P15Y", True),
        ("أوائل هذا العام", 0, "DATE", "2018", False),
    ],
    "quotes": [
        ("indirect", "أعلنت", 0, "ستبدأ تحقيقا واسع النطاق في أنحاء البلاد في التحرش الجنسي في أماكن العمل", 0,
         "ent_australia", None),
        ("indirect", "قالته", 0, "وأحد أسباب هذه الخطوة هو الاستجابة لحركة (أنا أيضا، مي توو) الدولية الرافضة لسوء "
         "التصرف الجنسي", 0, "ent_jenkins", None),
        ("indirect", "ووصفت", 0, "أكثر تحقيق من نوعه شمولا في العالم", 0, "ent_au_gov", None),
        ("direct", "وقالت", 0, "أدت حركة (مي تو) إلى إقلاع كثير من النساء والرجال عن صمتهم بشأن التحرش الجنسي، "
         "ونحن نعلم أن أماكن العمل تسعى إلى أداء أفضل", 0, "ent_jenkins", None),
        ("direct", "وصفت", 0, "مشكلة متفشية ومستمرة في أماكن العمل الأسترالية", 0, "ent_ahrc", None),
        ("indirect", "وتقول", 0, "أكثر من 20 في المئة من الأستراليين فوق سن الـ15 تعرضوا لتحرش جنسي في العمل", 0,
         "ent_ahrc", None),
        ("mixed", "تقول", 0, "لم \"تغير بالفعل سلوك العاملين في العمل\"", 0, "ent_jenkins", None),
        ("direct", "وتضيف", 0, "نحن بحاجة إلى مواصلة العمل على خلق مجتمع لا يمكن فيه التفكير في مثل هذا التصرف، "
         "ولا يضطر فيه الناس ببساطة إلى تحمل أي تحرش جنسي في العمل", 0, "ent_jenkins", None),
        ("indirect", "تقول", 1, "تحقيقها سيكون غير مسبوق عالميا، لاتساع نطاقه وإشراف لجنة حقوق الإنسان الأسترالية "
         "عليه، وهي هيئة محايدة", 0, "ent_au_gov", None),
        ("direct", "وقالت", 1, "لم نجد أي بلد في العالم يتعامل مع القضية بمثل هذا الطريقة الشاملة", 0,
         "ent_odwyer", None),
        ("mixed", "وقالت", 2, "\"جميع الخيارات\" ستكون قيد الدرس، ومن بينها احتمال التوصية بقوانين جنائية جديدة", 0,
         "ent_jenkins", None),
    ],
    "events": [
        # a national inquiry, announced and still to start; PLOVER codes all investigations as ACCUSE
        Ev("ACCUSE", ["ent_australia"], [], None,
           [("أستراليا تبدأ تحقيقا غير مسبوق", 0), ("ستبدأ تحقيقا واسع النطاق", 0)], True, "future",
           ("investigate",)),
        Ev("ACCUSE", [], [], None, [("بدأت لجنة برلمانية في بريطانيا أوائل هذا العام تحقيقات", 0)], True,
           mode=("investigate",)),
    ],
}

A["BB-middleEast-573-20180603"] = {
    "entities": {
        "ent_jordan": E("LOC", ["الأردن"], [], "Jordan", "Q810", "JOR"),
        "ent_abdullah": E("PER", ["عبد الله الثاني"], ["ملك الأردن", "الملك"], "Abdullah II of Jordan", None,
                          "JOR", "GOV"),
        "ent_jo_gov": E("ORG", ["الحكومة"], [], "Government of Jordan", None, "JOR", "GOV", optional=True),
        "ent_jo_parliament": E("ORG", ["البرلمان"], [], "Parliament of Jordan", None, "JOR", "LEG", optional=True),
        "ent_petra": E("ORG", ["بترا"], ["وكالة الأنباء الحكومية"], "Petra News Agency", None, "JOR", "MED"),
        "ent_jo_security": E("ORG", ["قوات الأمن", "الشرطة"], [], "Jordanian security forces", None, "JOR", "COP",
                             optional=True),
        "ent_protesters": E("ORG", ["محتجين", "المتظاهرون", "محتجون"], [], "protesters (Jordan)", None, "JOR",
                            "CVL", optional=True),
        "ent_amman": E("LOC", ["عمان"], [], "Amman", None, "JOR"),
        "ent_maan": E("LOC", ["معان"], [], "Ma'an", None, "JOR"),
        "ent_reuters": E("ORG", ["رويترز"], [], "Reuters", None, None, "MED"),
        "ent_mulki": E("PER", ["هاني الملقي", "الملقي"], ["رئيس الوزراء"], "Hani Al-Mulki", None, "JOR", "GOV"),
        "ent_imf": E("ORG", ["صندوق النقد الدولي"], [], "International Monetary Fund", "Q7804", "IGO"),
        "ent_bbc_arabic": E("ORG", ["بي بي سي عربي"], [], "BBC Arabic", None, "GBR", "MED"),
    },
    "times": [
        ("منذ أيام", 0, "DURATION", "PXD", True),
    ],
    "quotes": [
        # a call, coded as REQUEST; the quoted fragments make it a (neutral) mixed quote too
        ("mixed", "دعا", 0, "الدخول في \"حوار وطني شامل\" للوصول إلى \"صيغة توافقية\" حول مشروع قانون الضريبة", 0,
         "ent_abdullah", "ent_jo_gov", True),
        ("direct", "شدد", 0, "أهمية مشاركة الأحزاب والنقابات ومؤسسات المجتمع المدني في الحوار بصورة فاعلة", 0,
         "ent_abdullah", None),
        ("direct", "ونبه", 0, "التحديات التي تواجه الاقتصاد الأردني سببها الظرف الإقليمي الصعب", 0,
         "ent_abdullah", None),
        ("indirect", "أفادت", 0, "في مدينة معان الجنوبية، أضرم المتظاهرون النار في إطارات سيارات على الطرق السريعة "
         "ووقعت مناوشات مع الشرطة", 0, "ent_reuters", None),
        ("indirect", "وتحذر", 0, "مشروع القانون، الذي يدعمه صندوق النقد الدولي، يضع مزيدا من الأعباء على المواطنين",
         0, None, None),
        ("indirect", "قائلا", 0, "الأمر متروك للبرلمان كي يتخذ قرارا بشأنه", 0, "ent_mulki", None),
        ("indirect", "وتقول", 0, "تهدف إلى جمع تمويل لخدمات عامة", 0, "ent_jo_gov", None),
    ],
    "events": [
        Ev("REQUEST", ["ent_abdullah"], ["ent_jo_gov", "ent_jo_parliament"], None,
           [("ملك الأردن يدعو إلى \"حوار وطني شامل\"", 0),
            ("دعا ملك الأردن عبد الله الثاني الحكومة والبرلمان إلى الدخول في \"حوار وطني شامل\"", 0)],
           mode=("meet",)),
        Ev("PROTEST", ["ent_protesters"], [], None,
           [("مع استمرار الاحتجاجات", 0),
            ("ويشهد الأردن احتجاجات منذ أيام ضد ارتفاع في الأسعار والتشريع المقترح من جانب الحكومة", 0),
            ("وشهدت مدن أخرى احتجاجات مماثلة", 0),
            ("أضرم المتظاهرون النار في إطارات سيارات على الطرق السريعة", 0)], mode=("demo",)),
        # clashes (two-sided) in which tear gas was fired: ASSAULT 'crowd-control'
        Ev("ASSAULT", ["ent_jo_security", "ent_protesters"], [], None,
           [("ووقعت اشتباكات بين قوات الأمن ومحتجين في العاصمة عمان", 0),
            ("أطلقت قنابل غاز مسيل للدموع لتفريق المظاهرات", 0)], mode=("crowd-control",)),
        Ev("ASSAULT", ["ent_protesters", "ent_jo_security"], [], None, [("ووقعت مناوشات مع الشرطة", 0)], True),
        # the protesters' demand is the topic of the protest (PLOVER: not a separate event), hence optional
        Ev("REQUEST", ["ent_protesters"], ["ent_mulki"], None,
           [("ويطالب محتجون بإقالة رئيس الوزراء هاني الملقي", 0)], True, mode=("change",)),
        Ev("REJECT", ["ent_mulki"], [], None, [("ورفض الملقي سحب التشريع المقترح", 0)], mode=("change",)),
        Ev("SUPPORT", ["ent_imf"], [], None, [("الذي يدعمه صندوق النقد الدولي", 0)], True),
    ],
}

A["BB-middleEast-310-20180408"] = {
    "entities": {
        "ent_syria": E("LOC", ["سوريا"], [], "Syria", "Q858", "SYR"),
        "ent_sy_gov": E("ORG", ["الحكومة السورية", "الحكومة"], [], "Government of Syria", None, "SYR", "GOV",
                        optional=True),
        "ent_jaish_islam": E("ORG", ["جيش الإسلام", "جيش الإسلامي"], [], "Jaysh al-Islam", None, "SYR", "REB"),
        "ent_douma": E("LOC", ["دوما"], [], "Douma", None, "SYR"),
        "ent_ghouta": E("LOC", ["الغوطة الشرقية"], [], "Eastern Ghouta", None, "SYR"),
        "ent_sana": E("ORG", ["سانا"], ["وكالة الأنباء السورية", "الوكالة"], "SANA (Syrian Arab News Agency)", None,
                      "SYR", "MED"),
        "ent_sy_media": E("ORG", ["الإعلام السوري"], [], "Syrian state media", None, "SYR", "MED", optional=True),
        "ent_sy_tv": E("ORG", ["التليفزيون السوري الرسمي", "التليفزيون الرسوري"], [], "Syrian state television",
                       None, "SYR", "MED"),
        "ent_sy_army": E("ORG", ["الجيش السوري", "الجيش العربي السوري"], ["الجيش"], "Syrian Arab Army", None,
                         "SYR", "MIL"),
        "ent_wafideen": E("LOC", ["مخيم الوافدين"], [], "Al-Wafideen camp"),
        "ent_us_state": E("ORG", ["وزارة الخارجية الأمريكية"], [], "United States Department of State", None,
                          "USA", "GOV"),
        "ent_white_helmets": E("ORG", ["الخوذات البيضاء"], ["المنظمة"], "White Helmets (Syria Civil Defence)", None,
                               "SYR", "NGO"),
        "ent_sams": E("ORG", ["الجمعية الطبية السورية الأمريكية"], [], "Syrian American Medical Society", None,
                      None, "NGO"),
    },
    "times": [
        ("بعد قليل", 0, "DATE", "FUTURE_REF", True),
        ("الخامس من الشهر الماضي", 0, "DATE", "2018-03-05", False),
    ],
    "quotes": [
        ("indirect", "حسب", 0, "ستبدأ بعد قليل مفاوضات بين الحكومة السورية ومسلحي جيش الإسلام في مدينة دوما في "
         "الغوطة الشرقية", 0, "ent_sana", None),
        ("indirect", "وقالت", 0, "مسلحي جيش الإسلام هم الذين طلبوا التفاوض", 0, "ent_sana", None),
        ("indirect", "ويتهم", 0, "باستخدام المدنيين في دوما دروعا بشرية", 0, "ent_sy_media", "ent_jaish_islam", True),
        ("indirect", "ويقول", 0, "المسلحين يمنعون المدنيين من مغادرة المدينة", 0, "ent_sy_media", None),
        ("direct", "قوله", 0, "33345 شخصا خرجوا من دوما منذ الخامس من الشهر الماضي", 0, None, None),
        ("indirect", "وحسب", 0, "الجيش السوري أمًن خروج آلاف المدنيين عبر ممر مخيم الوافدين ونقلهم إلى مراكز إقامة "
         "مؤقتة", 0, None, None),
        ("indirect", "أشارت", 0, "وقوع هجوم كيماوي في الغوطة الشرقية", 0, None, None),
        ("indirect", "وقالت", 1, "تراقب عن كثب هذه التقارير التي وصفتها بالمزعجة للغاية", 0, "ent_us_state", None),
        ("indirect", "وتشير", 0, "تضارب في أعداد القتلى نتيجة للإصابة بغاز سام", 0, None, None),
        ("indirect", "وقالت", 2, "حصيلة القتلى مرشحة للازدياد", 0, "ent_white_helmets", None),
        ("indirect", "قالت", 0, "طواقمها في مدينة دوما تعكف على تقديم الرعاية الصحية لمرضى مصابين باعراض مشابهة "
         "لتلك الناتجة عن استنشاق غاز الكلور", 0, "ent_sams", None),
        ("indirect", "ونفت", 0, "شنّ أي هجمات من هذا القبيل", 0, "ent_sy_gov", None),
        ("mixed", "وتتهم", 0, "بالمسؤولية عن ببث \"فبركات\" تتعلق بهجوم كيماوي", 0, "ent_sy_gov", "ent_jaish_islam",
         True),
        ("mixed", "قوله", 1, "مسلحي جيش الإسلام \"في حالات انهيار وأذرعهم الإعلامية تستعيد فبركات الكيماوي\"", 0,
         None, None),
        ("mixed", "وحسب", 1, "جيش الإسلامي يمارس \"محاولة مكشوفة وفاشلة لعرقلة تقدم الجيش العربي السوري\"", 0,
         None, None),
        ("mixed", "وأضاف", 0, "الجيش \"الذي يتقدم بسرعة وبإرادة وتصميم ليس بحاجة إلى استخدام أي نوع من المواد "
         "الكيماوية\"", 0, None, None),
    ],
    "events": [
        # the government accepts to negotiate (SANA); the announced talks are a future meeting = AGREE
        Ev("AGREE", ["ent_sy_gov"], [], None,
           [("تقبل طلب تفاوض", 0), ("ستبدأ بعد قليل مفاوضات بين الحكومة السورية ومسلحي جيش الإسلام", 0)]),
        Ev("REQUEST", ["ent_jaish_islam"], [], None,
           [("طلب تفاوض تقدم به مسلحو جيش الإسلام", 0), ("مسلحي جيش الإسلام هم الذين طلبوا التفاوض", 0)],
           mode=("meet",)),
        Ev("ACCUSE", ["ent_sy_media"], ["ent_jaish_islam"], None,
           [("ويتهم الإعلام السوري جيش الإسلام باستخدام المدنيين في دوما دروعا بشرية", 0)], mode=("allege",)),
        Ev("COERCE", ["ent_jaish_islam"], [], None, [("المسلحين يمنعون المدنيين من مغادرة المدينة", 0)], True,
           mode=("restrict",)),
        Ev("AID", ["ent_sy_army"], [], None, [("أمًن خروج آلاف المدنيين عبر ممر مخيم الوافدين", 0)], True),
        Ev("ASSAULT", [], [], None,
           [("وقوع هجوم كيماوي في الغوطة الشرقية", 0), ("نتيجة للإصابة بغاز سام", 0)], mode=("unconventional",)),
        Ev("ASSAULT", ["ent_sy_gov"], [], None, [("ونفت الحكومة السورية شنّ أي هجمات من هذا القبيل", 0)], True,
           "negated", ("unconventional",)),
        Ev("REJECT", ["ent_sy_gov"], [], None, [("ونفت الحكومة السورية", 0)], True),
        Ev("ACCUSE", ["ent_sy_gov"], ["ent_jaish_islam"], None,
           [("وتتهم جيش الإسلام بالمسؤولية عن ببث \"فبركات\" تتعلق بهجوم كيماوي", 0)], mode=("allege",)),
        Ev("ACCUSE", [], ["ent_jaish_islam"], None,
           [("يمارس \"محاولة مكشوفة وفاشلة لعرقلة تقدم الجيش العربي السوري\"", 0),
            ("وأذرعهم الإعلامية تستعيد فبركات الكيماوي", 0)], True, mode=("allege",)),
    ],
}

A["BB-middleEast-429-20180430"] = {
    "entities": {
        "ent_netanyahu": E("PER", ["بنيامين نتنياهو", "نتنياهو"], ["رئيس الوزراء الاسرائيلي"], "Benjamin Netanyahu",
                           None, "ISR", "GOV"),
        "ent_iran": E("LOC", ["إيران", "أيران"], [], "Iran", "Q794", "IRN"),
        "ent_israel": E("LOC", ["إسرائيل"], [], "Israel", "Q801", "ISR"),
        "ent_amad": E("MISC", ["مشروع أماد"], [], "Project Amad"),
        "ent_zarif": E("PER", ["محمد جواد ظريف", "ظريف"], ["وزير الخارجية الإيراني"], "Mohammad Javad Zarif", None,
                       "IRN", "GOV"),
        "ent_iaea": E("ORG", ["وكالة الطاقة النووية"], [], "International Atomic Energy Agency", None, "IGO"),
        "ent_un": E("ORG", ["الأمم المتحدة"], [], "United Nations", "Q1065", "IGO"),
        "ent_trump": E("PER", ["دونالد ترامب"], ["الرئيس الأمريكي"], "Donald Trump", "Q22686", "USA", "GOV"),
        "ent_jcpoa": E("MISC", ["الاتفاق النووي الإيراني"], [], "Joint Comprehensive Plan of Action", optional=True),
        "ent_usa": E("LOC", ["الولايات المتحدة"], [], "United States", "Q30", "USA"),
    },
    "times": [
        ("عام 2015", 0, "DATE", "2015", False),
        ("2003", 0, "DATE", "2003", False),
        ("عام 2015", 1, "DATE", "2015", False),
    ],
    "quotes": [
        ("direct", "وقال", 0, "آلاف الصفحات من المواد التي حصلت عليها إسرائيل توضح أن إيران خدعت العالم بإنكار أنها "
         "كانت تسعى لإنتاج أسلحة نووية", 0, "ent_netanyahu", None),
        ("indirect", "وتؤكد", 0, "برنامجها النووي لأغراض سلمية لإنتاج الطاقة", 0, "ent_iran", None),
        ("indirect", "واتهم", 0, "كانت تطبق برنامجا للتسلح النووي حتى 2003، وكان يطلق عليه سرا اسم \"مشروع أماد\"", 0,
         "ent_netanyahu", None),
        ("indirect", "ويقول", 0, "إيران استمرت في برنامجها للتسلح النووي حتى بعد إغلاق \"مشروع أماد\"", 0,
         "ent_netanyahu", None),
        ("mixed", "وقال", 1, "الأدلة \"إعادة صياغة لمزاعم قديمة\" تعاملت معها بالفعل وكالة الطاقة النووية التابعة "
         "للأمم المتحدة", 0, "ent_zarif", None),
        ("mixed", "واتهم", 1, "بالقيام بخدعة \"طفولية\" للتأثير على قرار الرئيس الأمريكي دونالد ترامب بشأن البقاء في "
         "الاتفاق النووي الإيراني", 0, "ent_zarif", "ent_netanyahu", True),
    ],
    "events": [
        Ev("ACCUSE", ["ent_netanyahu"], ["ent_iran"], None,
           [("نتنياهو يقدم \"وثائق سرية تبثت أن إيران أخفت برنامجها للتسلح النووي\"", 0),
            ("كشف رئيس الوزراء الاسرائيلي بنيامين نتنياهو ما وصفه بـ\"ملفات سرية نووية\"", 0),
            ("واتهم نتنياهو إيران بأنها كانت تطبق برنامجا للتسلح النووي", 0)], mode=("allege",)),
        Ev("REJECT", ["ent_iran"], ["ent_israel"], None,
           [("وردت أيران على المزاعم الاسرائيلية", 0), ("\"إعادة صياغة لمزاعم قديمة\"", 0)], True),
        Ev("ACCUSE", ["ent_zarif"], ["ent_netanyahu"], None,
           [("واتهم ظريف نتنياهو بالقيام بخدعة \"طفولية\"", 0)], mode=("allege",)),
        # the 2015 nuclear deal, background (agreeing = AGREE, signing = SUPPORT in PLOVER)
        Ev("AGREE", ["ent_iran", "ent_usa"], [], "2015",
           [("ووافقت إيران عام 2015 على الحد من برنامجها النووي في مقابل رفع العقوبات", 0),
            ("وقعت اتفاقا مع إيران عام 2015", 0)], True),
        Ev("SUPPORT", ["ent_iran", "ent_usa"], [], "2015", [("وقعت اتفاقا مع إيران عام 2015", 0)], True),
    ],
}

A["BB-middleEast-303-20180407"] = {
    "entities": {
        "ent_iran": E("LOC", ["إيران"], [], "Iran", "Q794", "IRN"),
        "ent_middle_east": E("LOC", ["الشرق الأوسط"], [], "Middle East"),
        "ent_ir_authorities": E("ORG", ["السلطات الإيرانية"], [], "Iranian authorities", None, "IRN", "GOV",
                                optional=True),
        "ent_jahromi": E("PER", ["محمد جواد آذري جهرمي", "آذري جهرمي"],
                         ["وزير الاتصالات وتكنولوجيا المعلومات الإيراني"], "Mohammad-Javad Azari Jahromi", None,
                         "IRN", "GOV"),
        "ent_ict_ministry": E("ORG", ["وزارة الاتصالات وتكنولوجيا المعلومات", "وزارة الاتصالات"], [],
                              "Ministry of Information and Communications Technology of Iran", None, "IRN", "GOV"),
        "ent_maher": E("ORG", ["مركز إدارة خدمات وتنسيق الكومبيوتر"], [],
                       "Computer Emergency Response Team Coordination Center (Maher)", None, "IRN", "GOV"),
        "ent_twitter": E("ORG", ["تويتر"], [], "Twitter"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], [], "United States", "Q30", "USA"),
        "ent_fata": E("ORG", ["الشرطة الإلكترونية الإيرانية"], [], "Iranian Cyber Police (FATA)", None, "IRN",
                      "COP"),
        "ent_tic": E("ORG", ["شركة البنية التحتية للاتصالات الإيرانية"], [],
                     "Telecommunication Infrastructure Company of Iran", None, "IRN", "BUS"),
    },
    "times": [],
    "quotes": [
        ("indirect", "صرح", 0, "هجمات إلكترونية على مراكز البيانات في البلاد، قد تسببت في تعطيل شبكة الإنترنت "
         "الإيرانية", 0, "ent_jahromi", None),
        ("indirect", "قال", 0, "بعض مراكز البيانات الرئيسية في إيران تم إصلاحها وعادت إلى العمل بالشكل المعتاد", 0,
         "ent_maher", None),
        ("indirect", "وقال", 0, "التحقيق مازال جاريا", 0, "ent_jahromi", None),
        ("direct", "أشار", 0, "وفقا للتحقيقات الأولية، يشتبه بضلوع الولايات المتحدة في تلك الهجمات", 0,
         "ent_jahromi", None),
        ("direct", "وقالت", 0, "مصدر الهجوم من خارج إيران وقد يكون من خارج الشرق الأوسط", 0, "ent_ict_ministry",
         None),
        ("indirect", "وأضافت", 0, "الهجوم أثر على عدد صغير نسبيا من أجهزة قواعد البيانات الإلكترونية في البلاد", 0,
         "ent_ict_ministry", None),
        ("direct", "وأكدت", 0, "لا يوجد أي تسريب للمعلومات", 0, "ent_fata", None),
        ("direct", "وقالت", 1, "الجهاز المركزي لقواعد بيانات شبكة المعلومات الوطنية لم يتأثر بالهجوم", 0, "ent_tic",
         None),
    ],
    "events": [
        # cyberattacks: PLOVER COERCE 'cyber' (an ASSAULT reading is left neutral below)
        Ev("COERCE", [], ["ent_iran"], None,
           [("بعد \"هجمات من خارج الشرق الأوسط\" استهدفت بنيتها", 0),
            ("الهجمات الإلكترونية التي تعرضت لها البنية التحتية الإلكترونية في البلاد", 0),
            ("هجمات إلكترونية على مراكز البيانات في البلاد", 0),
            ("الهجوم أثر على عدد صغير نسبيا من أجهزة قواعد البيانات", 0)], mode=("cyber",)),
        Ev("ASSAULT", [], ["ent_iran"], None,
           [("بعد \"هجمات من خارج الشرق الأوسط\" استهدفت بنيتها", 0),
            ("الهجمات الإلكترونية التي تعرضت لها البنية التحتية الإلكترونية في البلاد", 0),
            ("هجمات إلكترونية على مراكز البيانات في البلاد", 0)], True),
        Ev("CONSULT", ["ent_ir_authorities"], [], None, [("عقدت السلطات الإيرانية اجتماعا طارئا", 0)], True),
        Ev("ACCUSE", ["ent_jahromi"], ["ent_usa"], None, [("يشتبه بضلوع الولايات المتحدة في تلك الهجمات", 0)],
           mode=("allege",)),
        Ev("ACCUSE", ["ent_jahromi"], [], None, [("التحقيق مازال جاريا", 0)], True, mode=("investigate",)),
        Ev("COERCE", [], [], None, [("هجمات إلكترونية تعصف بـ 99 دولة", 0)], True, mode=("cyber",)),
    ],
}

A["BB-internationalNews-369-20180420"] = {
    "entities": {
        "ent_zimbabwe": E("LOC", ["زيمبابوي"], [], "Zimbabwe", "Q954", "ZWE"),
        "ent_zw_parliament": E("ORG", ["برلمان زيمبابوي", "البرلمان"], [], "Parliament of Zimbabwe", None, "ZWE",
                               "LEG"),
        "ent_mugabe": E("PER", ["روبرت موغابي", "موغابي"], ["الرئيس السابق"], "Robert Mugabe", None, "ZWE", "GOV"),
        "ent_committee": E("ORG", ["لجنة التنقيب"], ["اللجنة المختصة", "اللجنة البرلمانية", "اللجنة"],
                           "Parliamentary Portfolio Committee on Mines and Energy (Zimbabwe)", None, "ZWE", "LEG",
                           optional=True),
        "ent_zw_army": E("ORG", ["الجيش"], [], "Zimbabwe Defence Forces", None, "ZWE", "MIL", optional=True),
        "ent_uk": E("LOC", ["بريطانيا"], [], "United Kingdom", "Q145", "GBR"),
        "ent_commonwealth": E("ORG", ["رابطة دول الكومنولث", "رابطة الكومنولث"], [], "Commonwealth of Nations",
                              None, "IGO"),
        "ent_london": E("LOC", ["لندن"], [], "London", "Q84"),
        "ent_johnson": E("PER", ["بوريس جونسون", "جونسون"], ["وزير الخارجية البريطاني"], "Boris Johnson", None,
                         "GBR", "GOV"),
        "ent_moyo": E("PER", ["سيبوسيسو مويو", "مويو"], ["نظيره الزيمبابوي", "الجنرال"], "Sibusiso Moyo", None,
                      "ZWE", "GOV"),
        "ent_coltart": E("PER", ["ديفيد كولتارت"], ["البرلماني البريطاني المعارض"], "David Coltart"),
        "ent_cn_gov": E("ORG", ["الحكومة الصينية"], [], "Government of China", None, "CHN", "GOV", optional=True),
        "ent_marange": E("LOC", ["مارانج"], [], "Marange diamond fields", None, "ZWE"),
        "ent_mliswa": E("PER", ["ثيمبا مليسوا"], [], "Temba Mliswa", None, "ZWE", "LEG"),
        "ent_herald": E("ORG", ["هيرالد"], [], "The Herald (Zimbabwe)", None, "ZWE", "MED"),
        "ent_zim_independent": E("ORG", ["زيمبابوي إندبندنت"], [], "Zimbabwe Independent", None, "ZWE", "MED"),
    },
    "times": [
        ("عام 2016", 0, "DATE", "2016", False),
        ("94 عاما", 0, "DURATION", "P94Y", True),
        ("ديسمبر/كانون الأول الماضي", 0, "DATE", "2017-12", False),
        ("في الوقت نفسه", 0, "DATE", "PRESENT_REF", True),
        ("نوفمبر/تشرين الثاني", 0, "DATE", "2017-11", False),
        ("هذا العام", 0, "DATE", "2018", False),
        ("عام 2003", 0, "DATE", "2003", False),
        ("العقد الأخير من ولايته", 0, "DURATION", "P10Y", True),
        ("التاسع من مايو/أيار", 0, "DATE", "2018-05-09", False),
        ("الشهر الماضي", 0, "DATE", "2018-03", False),
    ],
    "quotes": [
        ("mixed", "اتهم", 0, "شركات تنقيب أجنبية بـ \"النصب\" و\"التهريب\"", 0, "ent_mugabe", None, True),
        ("direct", "وقال", 0, "الشركات سرقت ثروتنا عمليا", 0, "ent_mugabe", None),
        ("indirect", "وأضاف", 0, "أرصدة خزانة الدولة تراجعت بنحو 15 مليار دولار حصلت عليها تلك الشركات", 0,
         "ent_mugabe", None),
        ("mixed", "قالت", 0, "\"ستدعم بقوة\" عودة زيمبابوي إلى رابطة دول الكومنولث", 0, "ent_uk", None),
        ("indirect", "قال", 0, "زيمبابوي لا يزال يتعين عليها ضمان نزاهة الانتخابات المقرر إجراؤها هذا العام", 0,
         "ent_johnson", None),
        ("direct", "وقال", 1, "صدمته", 0, "ent_coltart", None),
        ("indirect", "وقال", 2, "اللجنة أجرت مقابلات مع شخصيات في أجهزة الشرطة والجيش والاستخبارات", 0, "ent_mliswa",
         "ent_herald"),
        ("mixed", "وقال", 3, "اللجنة مصممة على دعوة الرئيس السابق لـ \"شرح اختفاء ألماس بقيمة 15 مليار دولار.\"", 0,
         "ent_mliswa", None),
        ("direct", "وأضاف", 1, "حددنا التاسع من مايو/أيار لإدلاء موغابي بأقواله.", 0, "ent_mliswa", None),
        ("indirect", "قال", 1, "لم يكن واضحا فيما يتعلق بالمصدر الذي جاءت منه الـ 15 مليار دولار التي تحدث عنها", 0,
         "ent_mugabe", None),
        ("direct", "وقال", 4, "تلقت هذا الرقم من بعض المسؤولين، وهو الذي جمع من أماكن عدة، وهو غير مؤكد", 0,
         "ent_mugabe", "ent_zim_independent"),
    ],
    "events": [
        # a summons to testify: an order = REQUEST
        Ev("REQUEST", ["ent_zw_parliament"], ["ent_mugabe"], None,
           [("برلمان زيمبابوي يستدعي موغابي لسماع شهادته", 0),
            ("استدعى البرلمان في زيمبابوي الرئيس السابق، روبرت موغابي، للإدلاء بأقواله", 0),
            ("دعوة الرئيس السابق لـ \"شرح اختفاء ألماس", 0),
            ("حددنا التاسع من مايو/أيار لإدلاء موغابي بأقواله", 0)]),
        Ev("ACCUSE", ["ent_mugabe"], [], "2016",
           [("كان موغابي قد اتهم شركات تنقيب أجنبية بـ \"النصب\" و\"التهريب\"", 0)], True, mode=("allege",)),
        Ev("COERCE", ["ent_zw_army"], ["ent_mugabe"], "2017-11",
           [("وأجبر موغابي على الاستقالة", 0), ("سيطرة الجيش على السلطة", 0),
            ("أعلن سيطرة الجيش على مقاليد الحكم في زيمبابوي", 0)], True),
        Ev("RETREAT", ["ent_mugabe"], [], "2017-12",
           [("وأجبر موغابي على الاستقالة", 0), ("ما أدى إلى استقالة موغابي", 0)], True, mode=("resign",)),
        # «will strongly support»: future SUPPORT = AGREE in PLOVER (SUPPORT left neutral)
        Ev("AGREE", ["ent_uk"], ["ent_zimbabwe"], None,
           [("\"ستدعم بقوة\" عودة زيمبابوي إلى رابطة دول الكومنولث", 0)]),
        Ev("SUPPORT", ["ent_uk"], ["ent_zimbabwe"], None,
           [("\"ستدعم بقوة\" عودة زيمبابوي إلى رابطة دول الكومنولث", 0)], True),
        Ev("CONSULT", ["ent_johnson", "ent_moyo"], [], None,
           [("مباحثات في لندن بين وزير الخارجية البريطاني، بوريس جونسون، ونظيره الزيمبابوي، سيبوسيسو مويو", 0)]),
        Ev("ACCUSE", ["ent_coltart"], ["ent_johnson"], None,
           [("أدان البرلماني البريطاني المعارض، ديفيد كولتارت، تصريحات جونسون", 0)], mode=("disapprove",)),
        Ev("SANCTION", ["ent_zimbabwe"], ["ent_commonwealth"], "2003",
           [("وخرجت زيمبابوي من رابطة الكومنولث عام 2003", 0)], True, mode=("withdraw",)),
        Ev("ACCUSE", [], ["ent_zimbabwe"], None, [("انتقادات وجهت إليها بشأن انتهاكات حقوق الإنسان", 0)], True,
           mode=("disapprove",)),
        Ev("ACCUSE", ["ent_committee"], [], None, [("اللجنة أجرت مقابلات مع شخصيات في أجهزة الشرطة", 0)], True,
           mode=("investigate",)),
        Ev("COERCE", [], [], None, [("اعتقالات في زيمبابوي بسبب \"شهادة دكتوراه مزورة\"", 0)], True,
           mode=("arrest",)),
    ],
}

A["CN-middleEast-660-20180418"] = {
    "entities": {
        "ent_dubai": E("LOC", ["دبي"], [], "Dubai"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_salman": E("PER", ["سلمان بن عبدالعزيز آل سعود", "سلمان"], ["العاهل السعودي"], "Salman of Saudi Arabia",
                        None, "SAU", "GOV"),
        "ent_yamamah": E("LOC", ["قصر اليمامة"], [], "Al-Yamamah Palace", None, "SAU"),
        "ent_riyadh": E("LOC", ["إلى [الرياض]", "في [الرياض]"], [], "Riyadh", None, "SAU"),
        "ent_riyadh_prov": E("LOC", ["منطقة [الرياض]"], [], "Riyadh Province", None, "SAU"),
        "ent_pcid": E("ORG", ["المجلس البابوي للحوار بين الأديان"], [], "Pontifical Council for Interreligious Dialogue",
                      None, "VAT", "REL"),
        "ent_vatican": E("LOC", ["الفاتيكان"], [], "Vatican City", "Q237", "VAT"),
        "ent_tauran": E("PER", ["جان لويس توران"], ["رئيس المجلس البابوي للحوار بين الأديان", "الكاردينال"],
                        "Jean-Louis Tauran", None, "VAT", "REL"),
        "ent_spa": E("ORG", ["وكالة الأنباء السعويدة", "واس"], [], "Saudi Press Agency", None, "SAU", "MED"),
        "ent_kkia": E("LOC", ["مطار الملك خالد الدولي"], [], "King Khalid International Airport", None, "SAU"),
        "ent_m_abdulrahman": E("PER", ["محمد بن عبدالرحمن بن عبدالعزيز"], ["نائب أمير منطقة الرياض"],
                               "Mohammed bin Abdulrahman bin Abdulaziz", None, "SAU", "GOV"),
        "ent_issa": E("PER", ["محمد بن عبد الكريم العيسى"], ["أمين عام رابطة العالم الإسلامي"],
                      "Mohammad bin Abdulkarim Al-Issa", None, None, "REL"),
        "ent_mwl": E("ORG", ["رابطة العالم الإسلامي"], [], "Muslim World League", None, None, "NGO"),
        "ent_rai": E("PER", ["بشارة الراعي"], ["البطريرك الماروني اللبناني", "رأس الكنيسة الأكبر في لبنان"],
                     "Bechara Boutros al-Rahi", None, "LBN", "REL"),
        "ent_lebanon": E("LOC", ["لبنان"], [], "Lebanon", "Q822", "LBN"),
        "ent_saudi": E("LOC", ["السعودية"], ["المملكة"], "Saudi Arabia", "Q851", "SAU"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-04-18", False),
        ("يوم الجمعة", 0, "DATE", "2018-04-13", False),
        ("نوفمبر", 0, "DATE", "2017-11", False),
        ("حينها", 0, "DATE", "2017-11", True),
    ],
    "quotes": [
        ("indirect", "ذكرت", 0, "وجرى خلال اللقاء اللافت التأكيد على أهمية دور أتباع الأديان والثقافات في نبذ العنف "
         "والتطرف والإرهاب وتحقيق الأمن والاستقرار في العالم", 0, "ent_spa", None),
        ("direct", "واصفاً", 0, "متجذرة بالتاريخ.", 0, "ent_rai", None),
    ],
    "events": [
        # PLOVER: the visitor is the actor, the host the recipient
        Ev("CONSULT", ["ent_tauran"], ["ent_salman"], "2018-04-18",
           [("الملك سلمان يستقبل رئيس المجلس البابوي", 0),
            ("استقبل العاهل السعودي الملك سلمان بن عبدالعزيز آل سعود", 0), ("وجرى خلال اللقاء اللافت", 0)],
           mode=("visit",)),
        Ev("CONSULT", ["ent_tauran"], [], "2018-04-13",
           [("وصل إلى الرياض يوم الجمعة مع الوفد المرافق له في زيارة لافتة", 0)], mode=("visit",)),
        Ev("CONSULT", ["ent_rai"], ["ent_saudi"], "2017-11",
           [("كان قد قام بزيارة غير مسبوقة", 0), ("اجتمع خلالها بالعاهل السعودي وولي عهده", 0)], True,
           mode=("visit",)),
    ],
}

A["CN-middleEast-1032-20180527"] = {
    "entities": {
        "ent_dubai": E("LOC", ["دبي"], [], "Dubai"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_adnan": E("PER", ["عدنان إبراهيم"], ["الداعية الإسلامي", "الداعية"], "Adnan Ibrahim", None, None, "REL"),
        "ent_twitter": E("ORG", ["تويتر"], [], "Twitter"),
        "ent_sahwa": E("MISC", ["صحوة 3"], [], "Sahwa 3 (TV programme)"),
        "ent_rotana": E("ORG", ["روتانا"], [], "Rotana (TV channel)", None, "SAU", "MED"),
        "ent_saudi": E("LOC", ["المملكة العربية السعودية"], [], "Saudi Arabia", "Q851", "SAU"),
    },
    "times": [
        ("للآن", 0, "DATE", "PRESENT_REF", True),
    ],
    "quotes": [
        ("indirect", "قال", 0, "من حق كل دولة أن تمنع ما تشاء وتسمح بما تشاء", 0, "ent_adnan", None),
        ("direct", "قال", 1, "وقف برنامج صحوة 3 وربما لا يعلم بعض الناس أن الله تبارك وتعالى يسر تسجيل البرنامج "
         "كاملا في 30 حلقة ثم بعد ذلك فوجئنا بالقرار الذي قرأناه وطالعناه جميعا عبر وسائل التواصل والإعلام المختلفة "
         "بوقف البرنامج، وأحب في هذا الخصوص أن ألفت إلى أولا وبكل صدق، ليس عندي من العلم حول الأسباب وراء هذا الوقف "
         "ما ليس عندكم، يعني أنا علمت عن طريق أخي الأستاذ مدير قناة روتانا ما تعلمونه بالضبط أن هناك قرارا رسميا، "
         "وسائل إعلام قالت إنه صادر من جهات عليا في المملكة العربية السعودية بوقف البرنامج، هذا الذي نعلمه للآن، أما "
         "لماذا؟ فلا ندري..", 0, "ent_adnan", None),
        ("indirect", "قالت", 0, "صادر من جهات عليا في المملكة العربية السعودية بوقف البرنامج", 0, None, None),
        ("direct", "قائلا", 0, "من حق كل دولة وكل حكومة أن تسمح لما تشاء وتمنع ما تشاء، لديها حساباتها ولديها "
         "ضروراتها، وكذلك للحكومات الدول أن تسمح لمن تشاء بالدخول لأراضيها وأن تمنع، وقد كان يحق لي ربما أن أغضب وأن "
         "أعبر عن غضبي لو كنت نبيا أرسله الله تعالى وحيل بينه وبين الناس، أما وأنا رجل اتاه الله القليل من العلم "
         "والفكر وإن منعت من فهناك الكثيرون غيري ممن يسدون إن شاء الله..", 0, "ent_adnan", None),
    ],
    "events": [
        # the programme was stopped by a decision that media attribute to high Saudi authorities: censorship
        Ev("COERCE", ["ent_saudi"], ["ent_adnan"], None,
           [("\"قرار وقف برنامجه\"", 0), ("هناك قرارا رسميا", 0),
            ("صادر من جهات عليا في المملكة العربية السعودية بوقف البرنامج", 0)], True, mode=("censor",)),
    ],
}

A["CN-middleEast-219-20180308"] = {
    "entities": {
        "ent_doha": E("LOC", ["الدوحة"], [], "Doha"),
        "ent_qatar": E("LOC", ["قطر"], [], "Qatar", "Q846", "QAT"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_nato": E("ORG", ["حلف شمال الأطلسي", "الناتو", "ناتو"], ["الحلف"], "NATO", "Q7184", "IGO", "MIL"),
        "ent_udeid": E("LOC", ["قاعدة العديد"], [], "Al Udeid Air Base", None, "QAT"),
        "ent_qna": E("ORG", ["وكالة الأنباء القطرية"], [], "Qatar News Agency", None, "QAT", "MED"),
        "ent_tamim": E("PER", ["تميم بن حمد آل ثاني"], ["أمير قطر", "الأمير"], "Tamim bin Hamad Al Thani", None,
                       "QAT", "GOV"),
        "ent_stoltenberg": E("PER", ["ينس ستولتنبرغ", "ستولتنبرغ"], ["أمين عام حلف شمال الأطلسي"],
                             "Jens Stoltenberg", None, "IGO", "MIL"),
        "ent_qa_forces": E("ORG", ["القوات المسلحة القطرية", "القوات القطرية"], [], "Qatar Armed Forces", None,
                           "QAT", "MIL"),
        "ent_brussels": E("LOC", ["بروكسل"], [], "Brussels"),
        "ent_mbar": E("PER", ["محمد بن عبدالرحمن آل ثاني"], ["نائب رئيس مجلس الوزراء وزير الخارجية"],
                      "Mohammed bin Abdulrahman Al Thani", None, "QAT", "GOV"),
        "ent_gottemoeller": E("PER", ["روز كوتامولر"], ["نائبة الأمين العام لحلف الناتو"], "Rose Gottemoeller",
                              None, "IGO", "MIL"),
        "ent_gulf": E("LOC", ["الخليج"], [], "Persian Gulf region"),
        "ent_afghanistan": E("LOC", ["أفغانستان"], [], "Afghanistan", "Q889", "AFG"),
        "ent_libya": E("LOC", ["ليبيا"], [], "Libya", "Q1016", "LBY"),
        "ent_somalia": E("LOC", ["الصومال"], [], "Somalia", "Q1045", "SOM"),
        "ent_uae": E("LOC", ["الإمارات"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_kuwait": E("LOC", ["الكويت"], [], "Kuwait", "Q817", "KWT"),
        "ent_bahrain": E("LOC", ["البحرين"], [], "Bahrain", "Q398", "BHR"),
        "ent_ici": E("MISC", ["مبادرة إسطنبول للتعاون"], [], "Istanbul Cooperation Initiative", None, "IGO"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-03-07", False),
        ("عام 2004", 0, "DATE", "2004", False),
    ],
    "quotes": [
        ("mixed", "بالقول", 0, "الأمير الشيخ تميم بن حمد آل ثاني حضر توقيع الاتفاقية مع ينس ستولتنبرغ، أمين عام حلف "
         "شمال الأطلسي، \"بهدف التعاون في المسائل العسكرية والأمنية بين حكومة دولة قطر ممثلة في القوات المسلحة "
         "القطرية، ومنظمة حلف شمال الأطلسي (الناتو)، وذلك بمقر الحلف في بروكسل.\"", 0, "ent_qna", None),
        ("mixed", "ذكر", 0, "المباحثات بين ستولتنبرغ وأمير قطر تناولت \"الوضع الأمني في منطقة الخليج والتعاون بين "
         "الحلف وقطر\"", 0, "ent_nato", None),
        ("mixed", "مضيفا", 0, "الاتفاقية \"تسمح لقوات حلف شمال الأطلسي بدخول وعبور قطر واستخدام قاعدة العديد الجوية\" "
         "بما يتيح تسهيل مهمات الناتو في المنطقة، بما في ذلك العمليات بأفغانستان", 0, "ent_nato", None),
        ("mixed", "وأشار", 0, "ستولتنبرغ رحّب بالاتفاق، وكذلك بالحوار السياسي القوي بين قطر والحلف، خاصة وأن القوات "
         "القطرية وتلك التابعة للحلف \"عملت جنبا إلى جنب في ليبيا وكذلك على صعيد مواجهة تحديات القرصنة قبالة سواحل "
         "الصومال\"", 0, "ent_nato", None),
    ],
    "events": [
        # signing an agreement is SUPPORT in PLOVER; AGREE / COOPERATE readings are left neutral
        Ev("SUPPORT", ["ent_qatar", "ent_nato"], [], "2018-03-07",
           [("قطر توقّع اتفاقية تسمح بـ\"دخول ومرور\" قوات الناتو لأراضيها", 0),
            ("وقعت قطر على اتفاقية مع حلف شمال الأطلسي \"ناتو\" الأربعاء", 0), ("حضر توقيع الاتفاقية", 0),
            ("ووقع الاتفاقية عن الجانب القطري", 0)]),
        Ev("AGREE", ["ent_qatar", "ent_nato"], [], "2018-03-07",
           [("قطر توقّع اتفاقية تسمح بـ\"دخول ومرور\" قوات الناتو لأراضيها", 0),
            ("وقعت قطر على اتفاقية مع حلف شمال الأطلسي \"ناتو\" الأربعاء", 0)], True),
        Ev("COOPERATE", ["ent_qatar", "ent_nato"], [], "2018-03-07",
           [("قطر توقّع اتفاقية تسمح بـ\"دخول ومرور\" قوات الناتو لأراضيها", 0),
            ("وقعت قطر على اتفاقية مع حلف شمال الأطلسي \"ناتو\" الأربعاء", 0)], True),
        Ev("CONSULT", ["ent_stoltenberg", "ent_tamim"], [], "2018-03-07",
           [("المباحثات بين ستولتنبرغ وأمير قطر", 0)]),
        Ev("SUPPORT", ["ent_stoltenberg"], [], "2018-03-07",
           [("ستولتنبرغ رحّب بالاتفاق، وكذلك بالحوار السياسي القوي بين قطر والحلف", 0)]),
        Ev("COOPERATE", ["ent_qa_forces", "ent_nato"], [], None, [("عملت جنبا إلى جنب في ليبيا", 0)], True),
        Ev("COOPERATE", ["ent_qatar", "ent_nato"], [], "2004",
           [("التي تشارك في مبادرة إسطنبول للتعاون التي يديرها الناتو منذ عام 2004", 0)], True),
    ],
}

A["CN-middleEast-832-20180507"] = {
    "entities": {
        "ent_atlanta": E("LOC", ["أتلانتا"], [], "Atlanta"),
        "ent_usa": E("LOC", ["الولايات المتحدة الأمريكية", "الولايات المتحدة"], [], "United States", "Q30", "USA"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأمريكي"], "Donald Trump", "Q22686", "USA",
                       "GOV"),
        "ent_kerry": E("PER", ["جون كيري", "كيري"], ["وزير الخارجية الأمريكي السابق"], "John Kerry", None, "USA",
                       "GOV"),
        "ent_jcpoa": E("MISC", ["الاتفاق النووي الإيراني", "الاتفاق النووي الإيران", "الاتفاق النووي"], [],
                       "Joint Comprehensive Plan of Action", optional=True),
        "ent_twitter": E("ORG", ["تويتر"], [], "Twitter"),
        "ent_obama": E("PER", ["باراك أوباما"], ["الرئيس السابق"], "Barack Obama", "Q76", "USA", "GOV"),
        "ent_iran": E("LOC", ["طهران"], [], "Iran", "Q794", "IRN"),
    },
    "times": [
        ("الإثنين", 0, "DATE", "2018-05-07", False),
        ("الأول من مايو/أيار", 0, "DATE", "2018-05-01", False),
        ("غدا", 0, "DATE", "2018-05-02", True),
        ("12 مايو/أيار", 0, "DATE", "2018-05-12", False),
        ("في وقت سابق", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        ("mixed", "قال", 0, "الولايات المتحدة الأمريكية لا تحتاج لـ\"دبلوماسية الظل\" التي اتبعها وزير الخارجية "
         "الأمريكي السابق، جون كيري، في التعامل مع الاتفاق النووي الإيراني", 0, "ent_trump", None),
        ("direct", "وكتب", 0, "الولايات المتحدة لا تحتاج لدبلوماسية الظل التي اتبعها جون كيري، والتي من الممكن أن "
         "تكون غير شرعية، في الاتفاق النووي الإيران والذي تمت المفاوضات عليه بشكل سيء جدا", 0, "ent_trump", None),
        ("direct", "قائلا", 0, "لقد كان (كيري) الرجل الذي خلق هذه الفوضى في المقام الأول", 0, "ent_trump", None),
        ("direct", "قال", 1, "لم يكن هناك مفاوضات، وهذا الأمر تغير بإبرام الاتفاق النووي، انسحبوا منه، وعودا إلى ما "
         "كنا عليه، غدا", 0, "ent_kerry", None),
    ],
    "events": [
        Ev("ACCUSE", ["ent_trump"], ["ent_kerry"], "2018-05-07",
           [("لا تحتاج لـ\"دبلوماسية الظل\" التي اتبعها وزير الخارجية الأمريكي السابق، جون كيري", 0),
            ("والتي من الممكن أن تكون غير شرعية", 0),
            ("لقد كان (كيري) الرجل الذي خلق هذه الفوضى في المقام الأول", 0)], mode=("disapprove",)),
        Ev("SANCTION", ["ent_trump"], [], None,
           [("كي تعلن عن موقفها النهائي من الانسحاب من الاتفاق النووي مع طهران", 0)], True, "hypothetical",
           ("withdraw",)),
        Ev("ACCUSE", ["ent_trump"], [], None, [("وصفه الرئيس الأمريكي، في وقت سابق، بـ\"الفظيع\" و \"السيء\"", 0)],
           True, mode=("disapprove",)),
        Ev("CONSULT", ["ent_kerry"], [], None, [("\"دبلوماسية الظل\" التي اتبعها", 0)], True),
    ],
}

A["CN-middleEast-1514-20181013"] = {
    "entities": {
        "ent_dubai": E("LOC", ["دبي"], [], "Dubai"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_turkey": E("LOC", ["تركيا", "أنقرة"], [], "Turkey", "Q43", "TUR"),
        "ent_cavusoglu": E("PER", ["مولود جاويش أوغلو", "أوغلو"], ["وزير الخارجية التركي"], "Mevlüt Çavuşoğlu",
                           None, "TUR", "GOV"),
        "ent_saudi": E("LOC", ["المملكة العربية السعودية", "الرياض", "يطالب [السعودية]", "على [السعودية]",
                               "طلب [السعودية]", "أن [السعودية] ورموزها"], ["المملكة"], "Saudi Arabia", "Q851", "SAU"),
        "ent_khashoggi": E("PER", ["جمال خاشقجي", "خاشقجي"],
                           ["الصحفي والكاتب السعودي", "الصحفي السعودي", "الإعلامي السعودي"], "Jamal Khashoggi", None,
                           "SAU", "MED"),
        "ent_tr_authorities": E("ORG", ["السلطات التركية"], [], "Turkish authorities", None, "TUR", "GOV",
                                optional=True),
        "ent_consulate": E("LOC", ["القنصلية السعودية"], [], "Consulate General of Saudi Arabia in Istanbul", None,
                           "SAU", optional=True),
        "ent_istanbul": E("LOC", ["إسطنبول"], [], "Istanbul", None, "TUR"),
        "ent_london": E("LOC", ["لندن"], ["العاصمة البريطانية"], "London", "Q84"),
        "ent_anadolu": E("ORG", ["وكالة الأناضول"], [], "Anadolu Agency", None, "TUR", "MED"),
        "ent_sabhan": E("PER", ["تامر السبهان", "السبهان"],
                        ["وزير الدولة لشؤون الخليج في المملكة العربية السعودية"], "Thamer al-Sabhan", None, "SAU",
                        "GOV"),
        "ent_gulf": E("LOC", ["الخليج"], [], "Persian Gulf region"),
        "ent_trump": E("PER", ["دونالد ترامب"], ["الرئيس الأمريكي"], "Donald Trump", "Q22686", "USA", "GOV"),
        "ent_baer": E("PER", ["روبرت باير"], ["محلل CNN للشؤون الأمنية والاستخباراتية"], "Robert Baer", None, "USA"),
        "ent_cia": E("ORG", ["وكالة الاستخبارات المركزية الأمريكية"], [], "Central Intelligence Agency", None,
                     "USA", "GOV"),
        "ent_abdulaziz": E("PER", ["عبدالعزيز بن سعود"], ["وزير الداخلية السعودي"],
                           "Abdulaziz bin Saud bin Nayef", None, "SAU", "GOV"),
    },
    "times": [
        ("السبت", 0, "DATE", "2018-10-13", False),
        ("2 أكتوبر/تشرين أول الجاري", 0, "DATE", "2018-10-02", False),
        ("حتى اللحظة", 0, "DATE", "PRESENT_REF", True),
        ("منذ مدة", 0, "DURATION", None, True),
        ("مطلع الشهر الجار", 0, "DATE", "2018-10", False),
        ("منذ عدة شهور", 0, "DURATION", "PXM", True),
        ("مطلع الشهر الجاري", 0, "DATE", "2018-10", False),
    ],
    "quotes": [
        ("indirect", "أكد", 0, "بلاده لم تر تعاونا من قبل المملكة العربية السعودية، في التحقيق الجاري لمعرفة مصير "
         "الصحفي والكاتب السعودي، جمال خاشقجي", 0, "ent_cavusoglu", None),
        ("indirect", "مطالباً", 0, "بالتعاون والسماح للسلطات التركية بتفتيش قنصليتها في إسطنبول", 0, "ent_cavusoglu",
         "ent_saudi", True),
        ("direct", "وقال", 0, "على السعودية أن تتعاون مع طلب تفتيش قنصليتها", 0, "ent_cavusoglu", None),
        ("mixed", "وأشار", 0, "أنقرة \"لم تر تعاونا\" من قبل المملكة في عملية التحقيق الجاري لمعرفة مصير خاشقجي", 0,
         "ent_cavusoglu", None),
        ("indirect", "مطالباً", 1, "بقديم تعاون أكبر في هذا الصدد", 0, "ent_cavusoglu", "ent_saudi", True),
        ("indirect", "ولفت", 0, "هناك إجماع بالرأي في تركيا بشأن تشكيل مجموعة عمل مشتركة مع المملكة للكشف عن مصير "
         "الصحفي السعودي، بناء على طلب السعودية", 0, "ent_cavusoglu", None),
        ("mixed", "أكد", 1, "السعودية ورموزها يتعرضون لحمة \"كاذبة غادرة قذرة\"", 0, "ent_sabhan", None),
        ("indirect", "مشيراً", 0, "ما يحدث، عمل ممنهج ومنظم منذ مدة", 0, "ent_sabhan", None),
        ("indirect", "قالت", 0, "غير قادر على السفر خارج المملكة العربية السعودية منذ عدة شهور", 0, None, "ent_cnn"),
        ("mixed", "هدد", 0, "بفرض \"عقاب شديد\" على المملكة العربية السعودية في حال ثبوت ضلوعها باغتيال الصحفي والكاتب "
         "السعودي، جمال خاشقجي", 0, "ent_trump", "ent_saudi", True),
        ("indirect", "استبعد", 0, "تكون الساعة الذكية للإعلامي السعودي جمال خاشقجي قد نقلت التسجيلات التي تزعم مصادر "
         "تركية أنها تثبت مقتله بالقنصلية السعودية", 0, "ent_baer", None),
        ("indirect", "تزعم", 0, "تثبت مقتله بالقنصلية السعودية", 0, None, None),
        ("mixed", "أكد", 2, "\"شجب\" المملكة و\"استنكارها\" لما يتم تداوله في بعض وسائل الإعلام من اتهامات وصفها "
         "بـ\"الزائفة\" و\"تهجم\" على السعودية حكومة وشعبا على خلفية قضية اختفاء الإعلامي السعودي جمال خاشقجي", 0,
         "ent_abdulaziz", None),
    ],
    "events": [
        Ev("REQUEST", ["ent_cavusoglu"], ["ent_saudi"], "2018-10-13",
           [("وزير الخارجية التركي يطالب السعودية بمزيد من التعاون", 0),
            ("مطالباً الرياض بالتعاون والسماح للسلطات التركية بتفتيش قنصليتها", 0),
            ("على السعودية أن تتعاون مع طلب تفتيش قنصليتها", 0), ("مطالباً الرياض بقديم تعاون أكبر", 0)],
           mode=("assist",)),
        Ev("ACCUSE", ["ent_cavusoglu"], ["ent_saudi"], "2018-10-13",
           [("بلاده لم تر تعاونا من قبل المملكة العربية السعودية", 0), ("أنقرة \"لم تر تعاونا\" من قبل المملكة", 0)],
           True, mode=("disapprove",)),
        Ev("ACCUSE", ["ent_turkey"], [], None,
           [("التحقيق الجاري لمعرفة مصير الصحفي والكاتب السعودي", 0),
            ("عملية التحقيق الجاري لمعرفة مصير خاشقجي", 0)], True, mode=("investigate",)),
        Ev("AGREE", ["ent_turkey"], ["ent_saudi"], None,
           [("إجماع بالرأي في تركيا بشأن تشكيل مجموعة عمل مشتركة مع المملكة", 0)], True),
        Ev("REQUEST", ["ent_saudi"], ["ent_turkey"], None, [("بناء على طلب السعودية", 0)], True),
        Ev("ACCUSE", ["ent_sabhan"], [], None, [("يتعرضون لحمة \"كاذبة غادرة قذرة\"", 0)], True,
           mode=("disapprove",)),
        Ev("THREATEN", ["ent_trump"], ["ent_saudi"], None,
           [("هدد الرئيس الأمريكي دونالد ترامب بفرض \"عقاب شديد\" على المملكة العربية السعودية", 0)]),
        Ev("ASSAULT", [], ["ent_khashoggi"], None,
           [("تثبت مقتله بالقنصلية السعودية", 0), ("ضلوعها باغتيال الصحفي والكاتب السعودي", 0)], True),
        Ev("ACCUSE", ["ent_abdulaziz"], [], None,
           [("أكد وزير الداخلية السعودي الأمير عبدالعزيز بن سعود على \"شجب\" المملكة و\"استنكارها\"", 0)],
           mode=("disapprove",)),
        Ev("REJECT", ["ent_abdulaziz"], [], None, [("من اتهامات وصفها بـ\"الزائفة\"", 0)], True),
    ],
}

A["CN-internationalNews-350-20180513"] = {
    "entities": {
        "ent_ny": E("LOC", ["نيويورك"], [], "New York City"),
        "ent_usa": E("LOC", ["الولايات المتحدة الأمريكية", "أمريكا"], [], "United States", "Q30", "USA"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_marandi": E("PER", ["محمد مراندي", "مراندي"], ["محلل إيراني", "المحلل السياسي"], "Mohammad Marandi",
                         None, "IRN"),
        "ent_iran": E("LOC", ["إيران", "طهران"], [], "Iran", "Q794", "IRN"),
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأمريكي"], "Donald Trump", "Q22686", "USA",
                       "GOV"),
        "ent_amanpour": E("PER", ["كريستيان امانبور"], ["الزميلة"], "Christiane Amanpour", None, None, "MED"),
        "ent_eu": E("ORG", ["الاتحاد الأوروبي"], [], "European Union", "Q458", "IGO"),
        "ent_russia": E("LOC", ["روسيا"], [], "Russia", "Q159", "RUS"),
        "ent_china": E("LOC", ["الصين"], [], "China", "Q148", "CHN"),
        "ent_rouhani": E("PER", ["حسن روحاني"], ["الرئيس الإيراني"], "Hassan Rouhani", None, "IRN", "GOV"),
        "ent_un": E("ORG", ["الأمم المتحدة"], [], "United Nations", "Q1065", "IGO"),
        "ent_unsc": E("ORG", ["مجلس الأمن"], [], "United Nations Security Council", None, "IGO"),
        "ent_jcpoa": E("MISC", ["الاتفاق النووي الإيراني", "الاتفاق النووي"], [], "Joint Comprehensive Plan of Action",
                       optional=True),
    },
    "times": [
        ("الأسابيع القليلة القادمة", 0, "DURATION", "PXW", True),
        ("أسابيع قليلة", 0, "DURATION", "PXW", True),
        ("الثلاثاء", 0, "DATE", "2018-05-08", False),
    ],
    "quotes": [
        ("indirect", "قال", 0, "انسحاب إيران المباشر من الاتفاق النووي بعد إعلان الرئيس الأمريكي، دونالد ترامب ذلك، "
         "كان ليقلل من حجم تأثير مثل هذا القرار وردود الفعل الدولية عليه", 0, "ent_marandi", None),
        ("direct", "وأضاف", 0, "الاتفاق أقرب للموت وهذا بالطبع لأن الولايات المتحدة الأمريكية انهته، ولكن على ما "
         "اعتقد يمنح الإيرانيون دول الاتحاد الأوروبي وروسيا والصين فرصة خلال الأسابيع القليلة القادمة للحيلولة دون "
         "انهيار الاتفاق تماما وهذا يخدم في أولا رؤية إن كان هناك مخرج وإيجاد حل وثانيا اعتقد أنهم يريدون تعزيز حقيقة "
         "أن المشكلة تكمن في الولايات المتحدة الأمريكية وترامب بالتحديد.", 0, "ent_marandi", "ent_amanpour"),
        ("direct", "قائلا", 0, "منح إيران أسابيع قليلة قبل إعلان انسحابها، يلقي أيضا الضوء على حقيقة أن ترامب يسعى "
         "للتصعيد ويظهر أن الولايات المتحدة الأمريكية ليست دولة تنفذ التزاماتها..", 0, "ent_marandi", None),
        ("direct", "قال", 1, "من الواضح أننا لن نستطيع منع إيران من تصنيع قنبلة نووية بهذا الاتفاق ذو البنية الضعيفة",
         0, "ent_trump", None),
        ("mixed", "قائلا", 1, "أمريكا \"فشلت بالالتزام بتعهداتها الدولية في الاتفاق النووي، والاتفاق لم يكن ثنائيا، بل "
         "كان دوليا ومصادق عليه من قبل الأمم المتحدة ومجلس الأمن.\"", 0, "ent_rouhani", None),
    ],
    "events": [
        # leaving the nuclear deal: SANCTION 'withdraw' (PLOVER); a REJECT reading is left neutral
        Ev("SANCTION", ["ent_trump", "ent_usa"], [], "2018-05-08",
           [("بعد إعلان الرئيس الأمريكي، دونالد ترامب ذلك", 0), ("لأن الولايات المتحدة الأمريكية انهته", 0),
            ("معلنا انسحاب بلاده من الاتفاق النووي الإيراني", 0)], mode=("withdraw",)),
        Ev("REJECT", ["ent_trump", "ent_usa"], [], "2018-05-08",
           [("بعد إعلان الرئيس الأمريكي، دونالد ترامب ذلك", 0), ("لأن الولايات المتحدة الأمريكية انهته", 0),
            ("معلنا انسحاب بلاده من الاتفاق النووي الإيراني", 0)], True),
        Ev("THREATEN", ["ent_trump"], ["ent_iran"], "2018-05-08", [("متوعدا بعقوبات اقتصادية ضد طهران", 0)]),
        Ev("ACCUSE", ["ent_rouhani"], ["ent_usa"], None,
           [("أمريكا \"فشلت بالالتزام بتعهداتها الدولية في الاتفاق النووي", 0)], mode=("disapprove",)),
        Ev("ACCUSE", ["ent_marandi"], ["ent_usa", "ent_trump"], None,
           [("المشكلة تكمن في الولايات المتحدة الأمريكية وترامب بالتحديد", 0), ("ترامب يسعى للتصعيد", 0)], True,
           mode=("disapprove",)),
        Ev("SANCTION", ["ent_iran"], [], None, [("عدم انسحاب طهران من الاتفاق النووي مباشرة", 0)], True, "negated",
           ("withdraw",)),
        Ev("CONSULT", ["ent_iran"], [], None, [("الفريق الإيراني الذي شارك بمفاوضات الاتفاق النووي", 0)], True),
    ],
}

A["AL-internationalNews-1908-20180712"] = {
    "entities": {
        "ent_sudan": E("LOC", ["السودان"], [], "Sudan", "Q1049", "SDN"),
        "ent_giggi": E("PER", ["محمد عبد اللطيف جيقي", "محمد عبد اللطيف", "جيقي"],
                       ["بطل كمال الأجسام", "الضحية", "القتيل"], "Mohamed Abdel Latif (Giggi)", None, "SDN", "CVL"),
        "ent_doha": E("LOC", ["الدوحة"], [], "Doha"),
        "ent_killer": E("PER", ["شقيق زوجته"], ["الجاني", "الفاعل"], "the victim's brother-in-law (unnamed)", None,
                        "QAT", "CVL", optional=True),
        "ent_family": E("ORG", ["عائلة \"الضحية البطل\"", "أسرة الضحية", "أسرة القتيل"], [],
                        "the victim's family", None, "SDN", "CVL", optional=True),
        "ent_talal": E("PER", ["طلال محمود"], ["ممثل أسرة القتيل"], "Talal Mahmoud", None, "SDN", "CVL"),
        "ent_uae": E("LOC", ["الإمارات"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_qatar": E("LOC", ["قطر"], [], "Qatar", "Q846", "QAT"),
        "ent_south_africa": E("LOC", ["جنوب إفريقيا"], [], "South Africa", "Q258", "ZAF"),
    },
    "times": [
        ("1988", 0, "DATE", "1988", False),
    ],
    "quotes": [
        ("indirect", "وأكدت", 0, "تمسكها بالمضي قدماً في طريق القضاء للقصاص من الجاني، رافضة أي محاولات للتسوية", 0,
         "ent_family", None),
        ("indirect", "وقال", 0, "يطالبون بالقصاص ولا نية للعفو أو قبول أي نوع من التسوية", 0, "ent_talal", None),
    ],
    "events": [
        Ev("ASSAULT", ["ent_killer"], ["ent_giggi"], None,
           [("الذي قتل في الدوحة على يد شقيق زوجته القطرية", 0), ("حادثة اغتيال جيقي", 0),
            ("لم تسلم أيضاً من رصاصاته", 0), ("أحلام اغتالتها تسع رصاصات غادره", 0)], mode=("firearms",)),
        Ev("REJECT", ["ent_family"], [], None,
           [("ترفض التسوية", 0), ("رافضة أي محاولات للتسوية", 0),
            ("ولا نية للعفو أو قبول أي نوع من التسوية", 0)]),
        Ev("REQUEST", ["ent_family"], [], None,
           [("تمسكها بالمضي قدماً في طريق القضاء للقصاص من الجاني", 0), ("يطالبون بالقصاص", 0)]),
    ],
}

A["AL-internationalNews-535-20180319"] = {
    "entities": {
        "ent_uk": E("LOC", ["بريطانيا"], [], "United Kingdom", "Q145", "GBR"),
        "ent_england": E("LOC", ["إنجلترا"], [], "England", "Q21", "GBR"),
        "ent_london": E("LOC", ["لندن"], [], "London", "Q84"),
        "ent_alarabiya": E("ORG", ["العربية.نت"], [], "Al Arabiya.net", None, "ARE", "MED"),
        "ent_express": E("ORG", ["ديلي إكسبرس"], ["الصحيفة"], "Daily Express", None, "GBR", "MED"),
        "ent_uk_police": E("ORG", ["الشرطة_البريطانية", "الشرطة البريطانية"], [], "British police", None, "GBR",
                           "COP"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], [], "United States", "Q30", "USA"),
        "ent_guardian": E("ORG", ["الغارديان"], [], "The Guardian", None, "GBR", "MED"),
    },
    "times": [
        ("اليوم الاثنين", 0, "DATE", "2018-03-19", False),
        ("بعد ظهر الاثنين", 0, "TIME", "2018-03-19TAF", False),
        ("الاثنين", 2, "DATE", "2018-03-19", False),
        ("الساعة التاسعة و45 دقيقة من صباح الاثنين", 0, "TIME", "2018-03-19T09:45", False),
        ("ثلاث ساعات", 0, "DURATION", "PT3H", False),
        ("الآن", 0, "DATE", "PRESENT_REF", True),
    ],
    "quotes": [
        ("indirect", "وعلمت", 0, "كافة المدارس في لندن أبلغت بتشديد إجراءاتها الأمنية وأخذ احتياطات أكبر من المعتاد "
         "في أعقاب التهديدات التي تلقتها بعض المدارس", 0, "ent_alarabiya", None, True),
        ("direct", "وقالت", 0, "مئات المدارس تلقت رسائل عبر البريد الإلكتروني تتضمن تهديداً بتفجير المدرسة في حال "
         "عدم الاستجابة لمطالب المرسلين بدفع أموال", 0, "ent_express", None),
        ("direct", "قولها", 0, "عدداً كبيراً من المدارس تلقت تهديدات في رسائل عبر البريد الإلكتروني تطالب بدفع أموال، "
         "فيما تشير التحقيقات الأولية إلى أن مصدر التهديد من الولايات المتحدة وتم إرساله إلى عدد كبير من المدارس في "
         "مختلف أنحاء بريطانيا", 0, "ent_uk_police", None),
        ("indirect", "تشير", 0, "مصدر التهديد من الولايات المتحدة وتم إرساله إلى عدد كبير من المدارس في مختلف أنحاء "
         "بريطانيا", 0, None, None, True),
        ("indirect", "وقالت", 1, "350 مدرسة في بريطانيا أغلقت أبوابها الاثنين أصلاً بسبب الأحوال الجوية وتراكم الثلوج، "
         "إلا أن عدداً كبيراً آخر من المدارس اتصلت بأولياء أمور الطلبة وطلبت منهم الحضور فوراً لاستلام أبنائهم وإخلاء "
         "المدرسة من أجل الحفاظ على سلامة الأطفال والتأكد من التهديدات", 0, "ent_express", None),
        ("indirect", "وقالت", 2, "أكثر من 400 مدرسة تلقوا التهديدات التي أبلغت بها الشرطة البريطانية على الفور", 0,
         "ent_guardian", None),
        ("direct", "ومضمونها", 0, "قنبلة ستنفجر في المدرسة خلال ثلاث ساعات من الآن إذا لم يتم تسديد مبلغ خمسة آلاف "
         "دولار أميركي", 0, None, None, True),
    ],
    "events": [
        # e-mailed bomb threats from unknown senders
        Ev("THREATEN", [], [], "2018-03-19",
           [("تهديدات بالجملة تلقتها مدارس #إنجلترا عبر البريد الإلكتروني وتفيد باستهداف وشيك لها بالمتفجرات", 0),
            ("مئات المدارس تلقت تهديدات باستهدافها بالقنابل والمتفجرات", 0),
            ("تتضمن تهديداً بتفجير المدرسة في حال عدم الاستجابة لمطالب المرسلين بدفع أموال", 0),
            ("عدداً كبيراً من المدارس تلقت تهديدات في رسائل عبر البريد الإلكتروني", 0),
            ("أكثر من 400 مدرسة تلقوا التهديدات", 0),
            ("قنبلة ستنفجر في المدرسة خلال ثلاث ساعات من الآن إذا لم يتم تسديد مبلغ خمسة آلاف دولار أميركي", 0)],
           mode=("violence",)),
        Ev("REQUEST", [], [], "2018-03-19", [("تطالب بدفع أموال", 0)], True),
    ],
}

A["AL-internationalNews-1561-20180611"] = {
    "entities": {
        "ent_nk": E("LOC", ["كوريا الشمالية", "[بيونغ يانغ]:"], [], "North Korea", "Q423", "PRK"),
        "ent_pyongyang": E("LOC", ["في [بيونغ يانغ]"], [], "Pyongyang", None, "PRK"),
        "ent_kim": E("PER", ["كيم_جونج_أون", "كيم"], ["الزعيم الكوري", "زعيمها", "الزعيم"], "Kim Jong-un", None,
                     "PRK", "GOV"),
        "ent_trump": E("PER", ["دونالد_ترمب", "ترمب"], ["الرئيس الأميركي"], "Donald Trump", "Q22686", "USA", "GOV"),
        "ent_ri": E("PER", ["ري يونج هو"], ["وزير خارجيته"], "Ri Yong-ho", None, "PRK", "GOV"),
        "ent_no": E("PER", ["نو كوانج تشول"], ["وزير الدفاع"], "No Kwang-chol", None, "PRK", "MIL"),
        "ent_kimyj": E("PER", ["كيم يو جونج"], [], "Kim Yo-jong", None, "PRK", "GOV"),
        "ent_singapore": E("LOC", ["سنغافورة"], [], "Singapore", "Q334", "SGP"),
        "ent_straits": E("ORG", ["سترايتس تايمز"], [], "The Straits Times", None, "SGP", "MED"),
        "ent_sk": E("LOC", ["كوريا الجنوبية"], [], "South Korea", "Q884", "KOR"),
        "ent_moon": E("PER", ["مون جاي"], ["رئيس كوريا الجنوبية"], "Moon Jae-in", None, "KOR", "GOV"),
    },
    "times": [
        ("الأحد", 0, "DATE", "2018-06-10", False),
        ("الاثنين", 0, "DATE", "2018-06-11", False),
        ("الاحد", 0, "DATE", "2018-06-10", False),
        ("الثلاثاء", 0, "DATE", "2018-06-12", False),
        ("مساء الأحد", 0, "TIME", "2018-06-10TEV", False),
        ("السبت", 0, "DATE", "2018-06-09", False),
        ("مؤخرا", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        ("mixed", "قالت", 0, "زعيمها #كيم_جونج_أون، والرئيس الأميركي #دونالد_ترمب، سيناقشان \"آلية دائمةوثابتة لحفظ "
         "السلام\" ونزع السلاح النووي في شبه الجزيرة وبعض القضايا الأخرى ذات الاهتمام المشترك", 0, None, None),
        ("indirect", "وأضافت", 0, "كيم يرافقه وزير خارجيته ري يونج هو، ووزير الدفاع نو كوانج تشول، وشقيقة الزعيم "
         "الكوري، كيم يو جونج", 0, None, None),
        ("indirect", "بحسب", 0, "وحتى مساء الأحد بالتوقيت المحلي، كان آخر خبر عن الزعيم كيم هو زيارته السبت إلى مطعم "
         "مأكولات بحرية في بيونغ يانغ", 0, "ent_straits", None),
    ],
    "events": [
        # the coming summit: PLOVER codes references to future meetings as AGREE; both readings neutral
        Ev("AGREE", ["ent_kim", "ent_trump"], [], "2018-06-10",
           [("الزعيم الكوري وترمب يبحثان نزع النووي", 0), ("سيناقشان \"آلية دائمةوثابتة لحفظ السلام\"", 0),
            ("استعدادا للقمة مع ترمب، الثلاثاء", 0)], True),
        Ev("CONSULT", ["ent_kim", "ent_trump"], [], "2018-06-12",
           [("الزعيم الكوري وترمب يبحثان نزع النووي", 0), ("سيناقشان \"آلية دائمةوثابتة لحفظ السلام\"", 0),
            ("استعدادا للقمة مع ترمب، الثلاثاء", 0)], True, "future"),
        # the trip itself is asserted (the host is not named as a party, so no recipient)
        Ev("CONSULT", ["ent_kim"], [], "2018-06-10", [("سفر الزعيم كيم ووصوله إلى #سنغافورة الاحد", 0)],
           mode=("visit",)),
        Ev("CONSULT", ["ent_kim", "ent_moon"], [], None,
           [("لقاء كيم في قمة مؤخرا مع رئيس كوريا الجنوبية مون جاي", 0)], True),
    ],
}


def main() -> None:
    write_set(A, OUT, build_blind, layers=("entities", "times", "quotes", "events"))


if __name__ == "__main__":
    main()
