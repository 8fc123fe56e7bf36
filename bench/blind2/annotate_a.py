"""Second blind evaluation set, annotator A: lines 1-10 of bench/blind2/ids.txt (ANT v2.1 articles, Apache-2.0),
annotated BY HAND from the text alone, before any khabar stage was ever run on them (issues 11 events, 12 quote
speakers, 13 entities).

Snippet-level annotations below are resolved to offsets (helpers of bench/quotes_times_common.py) and written as
khabar/1 gold with ``entities``, ``times``, ``quotes`` and ``events`` to tests/data/blind2/<id>.json. The classes
and the builder are copied from bench/blind/annotate_a.py (same shapes, same conventions); conventions and counts:
bench/blind2/README_a.md.

    .venv/bin/python bench/blind2/annotate_a.py            # (re)write tests/data/blind2/<id>.json for these 10
    .venv/bin/python bench/blind2/annotate_a.py /tmp/x     # build elsewhere to compare

Annotation shapes
  entities: id -> E(type, mention forms, coref forms, canonical, qid, country, sector, optional). A form matches
      every word-bounded occurrence (a clitic و ف ب ل ك may precede it); longer forms win over nested shorter ones.
      ``pre[word]post`` matches ``word`` only in that context.
  times: (snippet, occurrence, type, value, optional)
  quotes: (type, cue word (exact), cue occurrence, content snippet, occurrence, speaker, addressee[, optional])
  events: Ev(type, actors, recipients, date, [(evidence snippet, occurrence)], optional, factuality, mode)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes_times_common import ROOT, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "blind2"


# The machinery (E, Ev, build_blind) is the first blind set's annotator A builder, loaded by path (both files
# are called annotate_a.py); only the output folder differs.
_spec = importlib.util.spec_from_file_location("blind1_annotate_a", ROOT / "bench" / "blind" / "annotate_a.py")
assert _spec is not None and _spec.loader is not None
_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builder)
E, Ev, build_blind = _builder.E, _builder.Ev, _builder.build_blind


A: dict[str, dict] = {}

A["BB-middleEast-31-20180212"] = {
    "entities": {
        "ent_iraq": E("LOC", ["العراق", "فإن [بغداد]"], ["البلد"], "Iraq", "Q796", "IRQ"),
        "ent_isis": E("ORG", ["تنظيم الدولة الإسلامية"], [], "Islamic State of Iraq and the Levant", "Q2429253",
                      None, "REB"),
        "ent_planning": E("ORG", ["وزارة التخطيط العراقية"], [], "Ministry of Planning (Iraq)", None, "IRQ", "GOV"),
        "ent_jumaili": E("PER", ["سلمان الجميلي", "الجميلي"], ["وزير التخطيط"], "Salman al-Jumaili", None, "IRQ",
                         "GOV"),
        "ent_kuwait": E("LOC", ["الكويت"], [], "Kuwait", "Q817", "KWT"),
        "ent_abdulfattah": E("PER", ["قصي عبدالفتاح"], ["المدير العام"], "Qusay Abdulfattah", None, "IRQ", "GOV"),
        "ent_awqaf": E("ORG", ["وزارة الأوقاف الكويتية"], [], "Ministry of Awqaf and Islamic Affairs (Kuwait)", None,
                       "KWT", "GOV"),
    },
    "times": [
        ("3 أيام", 0, "DURATION", "P3D", False),
        # the opening day of a conference reported (present tense) on the day of publication
        ("اليوم الافتتاحي", 0, "DATE", "2018-02-12", True),
        ("سابقا", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        ("indirect", "وفقا", 0, "يحتاج العراق إلى 88.2 مليار دولار لتنفيذ مشاريع إعادة الإعمار داخل البلد الذي شهد "
         "دمارا كبيرا خلال الحرب ضد تنظيم الدولة الإسلامية", 0, "ent_planning", None),
        ("indirect", "وأوضح", 0, "هذه التكلفة تستند إلى دارسة إجراها خبراء عراقيون ودوليون", 0, "ent_jumaili", None),
        ("indirect", "وأشار", 0, "الحجم الكلي للأضرار والخسائر بالعراق بلغ 45.7 مليار دولار", 0, "ent_jumaili", None),
        ("indirect", "وبحسب", 0, "بغداد في حاجة إلى 22 مليار دولار بشكل فوري", 0, "ent_abdulfattah", None),
        ("indirect", "شددوا", 0, "المؤتمر سيكون أساسيا في تحقيق خطة إعادة الإعمار التي تعتمد على إعادة البناء "
         "والتعايش السلمي والاستقرار والاستثمار", 0, None, None),
        ("indirect", "صرحوا", 0, "العراق يحتاج إلى أكثر من مائة مليار دولار من أجل إعادة الإعمار", 0, None, None),
    ],
    "events": [
        # pledges of money at a donor conference: intent to give aid = AGREE (CAMEO 033); AID reading neutral
        Ev("AGREE", ["ent_awqaf"], ["ent_iraq"], None,
           [("تعهدت وزارة الأوقاف الكويتية بالإضافة لمنظمات غير حكومية كويتية بـ50 مليون دولار من أجل جهود إعادة "
             "إعمار العراق", 0)]),
        Ev("AID", ["ent_awqaf"], ["ent_iraq"], None,
           [("تعهدت وزارة الأوقاف الكويتية بالإضافة لمنظمات غير حكومية كويتية بـ50 مليون دولار من أجل جهود إعادة "
             "إعمار العراق", 0)], True),
        Ev("AGREE", [], ["ent_iraq"], None,
           [("تعهدت منظمات غير حكومية دولية وجمعيات إغاثية بتقديم 330 مليون دولار", 0)], True),
        # the conference itself (Kuwait hosts, Iraq presents its needs): a meeting, type arguable
        Ev("CONSULT", ["ent_kuwait", "ent_iraq"], [], None,
           [("وتستضيف الكويت مؤتمرا بشأن إعادة إعمار العراق", 0), ("مؤتمر دولي في الكويت", 0)], True,
           mode=("meet",)),
        Ev("REQUEST", ["ent_iraq"], [], None,
           [("يحتاج العراق إلى 88.2 مليار دولار", 0), ("بغداد في حاجة إلى 22 مليار دولار بشكل فوري", 0)], True),
        Ev("ASSAULT", ["ent_iraq"], ["ent_isis"], None, [("الحرب ضد تنظيم الدولة الإسلامية", 0)], True),
    ],
}

A["BB-internationalNews-563-20180524"] = {
    "entities": {
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأمريكي"], "Donald Trump", "Q22686", "USA",
                       "GOV"),
        "ent_nk": E("LOC", ["كوريا الشمالية", "قالت [بيونغيانغ]"], ["البلاد"], "North Korea", "Q423", "PRK"),
        "ent_kim": E("PER", ["كيم جونغ أون", "كيم"], ["زعيم كوريا الشمالية"], "Kim Jong-un", None, "PRK", "GOV"),
        "ent_singapore": E("LOC", ["سنغافورة"], [], "Singapore", "Q334", "SGP"),
        "ent_choe": E("PER", ["تشوي سون-هوي", "تشوي"], ["مسؤولة"], "Choe Son-hui", None, "PRK", "GOV"),
        "ent_pence": E("PER", ["مايك بنس", "بنس"], ["نائب الرئيس الأمريكي"], "Mike Pence", None, "USA", "GOV"),
        "ent_libya": E("LOC", ["ليبيا"], [], "Libya", "Q1016", "LBY"),
        "ent_gaddafi": E("PER", ["معمر القذافي"], ["الزعيم الليبي"], "Muammar Gaddafi", None, "LBY", "GOV"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], [], "United States", "Q30", "USA"),
        "ent_punggye": E("LOC", ["بونغي-ري"], [], "Punggye-ri", None, "PRK"),
    },
    "times": [
        ("الثاني عشر من يونيو / حزيران المقبل", 0, "DATE", "2018-06-12", False),
        ("في هذا الوقت", 0, "DATE", "PRESENT_REF", True),
        ("اليوم الخميس", 0, "DATE", "2018-05-24", False),
        ("2011", 0, "DATE", "2011", False),
        ("قبل ثماني سنوات", 0, "DATE", "2003", False),
        ("عقدين", 0, "DURATION", "P20Y", False),
        ("الخميس", 1, "DATE", "2018-05-24", False),
    ],
    "quotes": [
        ("indirect", "أعلن", 0, "إلغاء قمته التي كانت مقررة مع زعيم كوريا الشمالية كيم جونغ أون في الثاني عشر من "
         "يونيو / حزيران المقبل في سنغافورة", 0, "ent_trump", None, True),
        ("direct", "وقال", 0, "كنت أتطلع بشوق لهذا اللقاء", 0, "ent_trump", "ent_nk"),
        ("direct", "وأضاف", 0, "ولكن للأسف، نظرا للغضب العارم والعدوانية في بيانكم الأخير، أشعر أنه من غير المناسب في "
         "هذا الوقت عقد أي لقاء مخطط له", 0, "ent_trump", "ent_nk"),
        ("direct", "وقال", 1, "إنك تتحدث عن قدراتكم النووية، لكن قدراتنا أضخم وأقوى، وأدعو الله ألا نضطر إلى "
         "استخدامها أبدا", 0, "ent_trump", "ent_nk"),
        ("indirect", "بالقول", 0, "على كيم أن يطلبه إذا غير رأيه", 0, "ent_trump", None),
        ("direct", "وقال", 2, "إن العالم وكوريا الشمالية بوجه خاص فقدا فرصة عظيمة للسلام الدائم، والرخاء العظيم "
         "والثروة. وفقد هذه الفرصة العظيمة هو دقيقة محزنة بحق في التاريخ", 0, "ent_trump", "ent_nk"),
        ("mixed", "قال", 0, "كوريا الشمالية \"قد تنتهي نهاية ليبيا\"", 0, "ent_pence", None),
        ("mixed", "وقال", 3, "كوريا الشمالية لن \"تتوسل\" من أجل الحوار", 0, "ent_choe", None),
        ("mixed", "وحذرت", 0, "من أي \"مواجهة نووية\" إذا فشلت الدبلوماسية", 0, "ent_choe", None, True),
        ("indirect", "وقال", 4, "شاهدوا حدوث انفجار ضخم", 0, None, None),
        ("indirect", "قالت", 0, "الموقع فكك", 0, "ent_nk", None),
    ],
    "events": [
        # calling off a planned summit: refusing to meet = REJECT; a reduce-relations reading is left neutral
        Ev("REJECT", ["ent_trump"], ["ent_kim"], None,
           [("ترامب يلغي قمته مع زعيم كوريا الشمالية", 0),
            ("أعلن الرئيس الأمريكي دونالد ترامب إلغاء قمته التي كانت مقررة مع زعيم كوريا الشمالية", 0),
            ("أشعر أنه من غير المناسب في هذا الوقت عقد أي لقاء مخطط له", 0)]),
        Ev("SANCTION", ["ent_trump"], ["ent_kim"], None,
           [("ترامب يلغي قمته مع زعيم كوريا الشمالية", 0),
            ("أعلن الرئيس الأمريكي دونالد ترامب إلغاء قمته التي كانت مقررة مع زعيم كوريا الشمالية", 0)], True),
        Ev("CONSULT", ["ent_trump", "ent_kim"], [], "2018-06-12",
           [("قمته التي كانت مقررة مع زعيم كوريا الشمالية كيم جونغ أون", 0)], True, "negated", ("meet",)),
        # a veiled nuclear threat in the letter
        Ev("THREATEN", ["ent_trump"], ["ent_nk"], None,
           [("لكن قدراتنا أضخم وأقوى، وأدعو الله ألا نضطر إلى استخدامها أبدا", 0)]),
        Ev("AGREE", ["ent_trump"], ["ent_kim"], None, [("على كيم أن يطلبه إذا غير رأيه", 0)], True,
           "hypothetical", ("meet",)),
        Ev("ACCUSE", ["ent_trump"], ["ent_nk"], None, [("نظرا للغضب العارم والعدوانية في بيانكم الأخير", 0)], True,
           mode=("disapprove",)),
        # Choe's rejection of Pence's remarks, calling them stupid: criticism (ACCUSE), REJECT reading neutral
        Ev("ACCUSE", ["ent_choe"], ["ent_pence"], "2018-05-24",
           [("رفضت في وقت مبكر من اليوم الخميس التعليقات التي أدلى بها نائب الرئيس الأمريكي", 0),
            ("واصفة إياها \"بالحمقاء\"", 0)], mode=("disapprove",)),
        Ev("REJECT", ["ent_choe"], ["ent_pence"], "2018-05-24",
           [("رفضت في وقت مبكر من اليوم الخميس التعليقات التي أدلى بها نائب الرئيس الأمريكي", 0)], True),
        Ev("THREATEN", ["ent_pence"], ["ent_nk"], None, [("\"قد تنتهي نهاية ليبيا\"", 0)], True),
        Ev("ASSAULT", [], ["ent_gaddafi"], "2011", [("قتل الزعيم الليبي، معمر القذافي، على أيدي مسلحين في 2011", 0)],
           True, mode=("kill",)),
        Ev("RETREAT", ["ent_gaddafi"], [], "2003", [("بعد تخليه عن أسلحة نووية قبل ثماني سنوات", 0)], True),
        Ev("CONSULT", ["ent_choe", "ent_usa"], [], None,
           [("كانت ضالعة في عدد من الاتصالات الدبلوماسية مع الولايات المتحدة", 0)], True),
        Ev("REQUEST", ["ent_nk"], [], None, [("لن \"تتوسل\" من أجل الحوار", 0)], True, "negated"),
        Ev("THREATEN", ["ent_choe"], [], None, [("وحذرت من أي \"مواجهة نووية\" إذا فشلت الدبلوماسية", 0)]),
        # demolition of the nuclear test site's tunnels: de-escalation (RETREAT); CONCEDE reading neutral
        Ev("RETREAT", ["ent_nk"], [], "2018-05-24",
           [("ودمرت كوريا الشمالية الخميس أيضا، فيما يبدو، أنفاقا في موقع التجارب النووية الوحيد لديها", 0),
            ("شاهدوا حدوث انفجار ضخم", 0), ("إن الموقع فكك", 0)]),
        Ev("CONCEDE", ["ent_nk"], [], "2018-05-24",
           [("ودمرت كوريا الشمالية الخميس أيضا، فيما يبدو، أنفاقا في موقع التجارب النووية الوحيد لديها", 0),
            ("إن الموقع فكك", 0)], True),
    ],
}

A["BB-internationalNews-135-20180312"] = {
    "entities": {
        "ent_nepal": E("LOC", ["نيبال"], [], "Nepal", "Q837", "NPL"),
        "ent_kathmandu": E("LOC", ["كاتمندو"], [], "Kathmandu", None, "NPL"),
        "ent_airport": E("LOC", ["مطار تربهوفين الدولي"], ["مطار كاتمندو"], "Tribhuvan International Airport", None,
                         "NPL"),
        "ent_np_police": E("ORG", ["الشرطة"], [], "Nepal Police", None, "NPL", "COP", optional=True),
        "ent_usbangla": E("ORG", ["خطوط يو إس-بانغالا"], [], "US-Bangla Airlines", None, "BGD", "BUS"),
        "ent_dhaka": E("LOC", ["داكا"], ["العاصمة البنغالية"], "Dhaka", None, "BGD"),
        "ent_s2agu": E("MISC", ["S2-AGU"], [], "S2-AGU (aircraft registration)", optional=True),
        "ent_oli": E("PER", ["كيه بي شارما أولي"], ["رئيس وزراء نيبال"], "Khadga Prasad Sharma Oli", None, "NPL",
                     "GOV"),
        "ent_gautam": E("PER", ["سانجيف غوتام"], ["المدير العام"], "Sanjiv Gautam", None, "NPL", "GOV"),
        "ent_caan": E("ORG", ["هيئة الطيران المدني"], [], "Civil Aviation Authority of Nepal", None, "NPL", "GOV"),
        "ent_koteshwor": E("LOC", ["كوتشوار"], [], "Koteshwor", None, "NPL"),
        "ent_bohara": E("PER", ["باسانتا بوهارا"], ["أحد الناجين", "مندوب رحلات"], "Basanta Bohara", None, "NPL",
                        "CVL"),
        "ent_sinamangal": E("ORG", ["مستشفى سينامنغال"], [], "Sinamangal hospital", None, "NPL"),
        "ent_norvic": E("ORG", ["مستشفى نورفيك"], [], "Norvic hospital", None, "NPL"),
    },
    "times": [
        ("يوم الاثنين", 0, "DATE", "2018-03-12", False),
    ],
    "quotes": [
        ("indirect", "أفادت", 0, "تحطمت طائرة تقل 71 شخصا أثناء هبوطها في مطار كاتمندو في نيبال، مما أدى إلى مقتل 50 "
         "شخصييا على الأقل", 0, "ent_np_police", None),
        ("indirect", "قالت", 0, "أُلغيت كل الرحلات من مطار تربهوفين الدولي", 0, None, None),
        ("indirect", "وقالت", 0, "الطائرة، التي كانت في طريقها إلى كاتمندو من العاصمة البنغالية داكا، من طراز S2-AGU",
         0, None, None),
        ("mixed", "وقال", 0, "\"يشعر بالصدمة البالغة\" بسبب الحادث", 0, "ent_oli", None),
        ("indirect", "وتعهد", 0, "بتحقيق حكومي في الحادث", 0, "ent_oli", None, True),
        ("direct", "وقال", 1, "سُمح للطائرة بالهبوط من الجانب الجنوبي للمدرج، محلقة فوق كوتشوار، ولكنها هبطت من "
         "الجانب الشمالي", 0, "ent_gautam", None),
        ("direct", "واضاف", 0, "لم نتوصل بعد لسبب هذا الهبوط غير الاعتيادي", 0, "ent_gautam", None),
        ("indirect", "وقال", 2, "بعد إقلاع طبيعي للطائرة من مطار داكا، بدأت الطائرة في التصرف بغرابة مع اقترابها من "
         "كاتمندو", 0, "ent_bohara", None),
        ("direct", "وأضاف", 0, "فجأة اهتزت الطائرة بعنف ثم سمعت صوت ارتطام عنيف", 0, "ent_bohara", None),
        ("direct", "وأضاف", 1, "كنت أجلس قرب النافذة وتمكنت من الفرار من النافذة", 0, "ent_bohara", None),
        ("direct", "وقال", 3, "لا أتذكر ما حدث بعد الفرار من الطائرة، ولكن أحدهم اصطحبني إلى مستشفى سينامنغال، ثم "
         "نقلني أصدقائي إلى مستشفى نورفيك. أُصبت في رأسي وساقي، ولكنني محظوظ بالنجاة من الموت في الحادث", 0,
         "ent_bohara", None),
    ],
    "events": [
        # an accident: no PLOVER event; only the promised inquiry (future, hence optional)
        Ev("ACCUSE", ["ent_oli"], [], None, [("وتعهد بتحقيق حكومي في الحادث", 0)], True, "future",
           ("investigate",)),
        Ev("AGREE", ["ent_oli"], [], None, [("وتعهد بتحقيق حكومي في الحادث", 0)], True),
    ],
}

A["BB-middleEast-1090-20181012"] = {
    "entities": {
        "ent_court": E("ORG", ["محكمة تركية"], ["المحكمة"], "Turkish court (İzmir)", None, "TUR", "JUD",
                       optional=True),
        "ent_brunson": E("PER", ["أندرو برونسون", "برونسون"], ["القس الأمريكي", "قس أمريكي"], "Andrew Brunson", None,
                         "USA", "REL"),
        "ent_usa": E("LOC", ["الولايات المتحدة", "واشنطن"], [], "United States", "Q30", "USA"),
        "ent_turkey": E("LOC", ["تركيا", "أنقرة"], ["البلاد"], "Turkey", "Q43", "TUR"),
        "ent_afp": E("ORG", ["وكالة الأنباء الفرنسية"], [], "Agence France-Presse", None, "FRA", "MED"),
        "ent_pkk": E("ORG", ["حزب العمال الكردستاني"], [], "Kurdistan Workers' Party", None, None, "REB"),
        "ent_gulen": E("ORG", ["تنظيم فتح الله غولن"], [], "Gülen movement", None, "TUR"),
        "ent_nyt": E("ORG", ["نيويورك تايمز"], [], "The New York Times", None, "USA", "MED"),
        "ent_erdogan": E("PER", ["رجب طيب أرودغان"], ["الرئيس التركي"], "Recep Tayyip Erdoğan", None, "TUR", "GOV"),
    },
    "times": [
        ("عامين", 0, "DURATION", "P2Y", False),
        ("عامين", 1, "DURATION", "P2Y", False),
        ("ثلاثة أعوم، وشهرا و15 يوما", 0, "DURATION", "P3Y1M15D", False),
        ("عام 2016", 0, "DATE", "2016", False),
        ("35 عاما", 0, "DURATION", "P35Y", False),
        ("منذ مدة طويلة", 0, "DURATION", "PXY", True),
    ],
    "quotes": [
        ("indirect", "حسب", 0, "أدانت المحكمة، أندرو برونسون، بتهم متعلقة بالإرهاب وحكمت عليه بالسجن ثلاثة أعوم، وشهرا "
         "و15 يوما", 0, "ent_afp", None),
        ("indirect", "وتتهم", 0, "بإقامة علاقات من حزب العمال الكردستاني، التي تصنفه أنقرة تنظيما إرهابيا، ومع تنظيم "
         "فتح الله غولن", 0, "ent_turkey", "ent_brunson", True),
        ("indirect", "ونفى", 0, "تهمة التجسس", 0, "ent_brunson", None, True),
        ("indirect", "وذكرت", 0, "برونسون واحد من 20 أمريكيا وجهت لهم تهم عقب محاولة الانقلاب العسكري على حكم الرئيس "
         "التركي رجب طيب أرودغان", 0, "ent_nyt", None),
    ],
    "events": [
        # release from house arrest and lifting of the travel ban: CONCEDE (CAMEO 0841 release)
        Ev("CONCEDE", ["ent_court"], ["ent_brunson"], None,
           [("محكمة تركية تفرج عن قس أمريكي", 0), ("أفرجت محكمة تركية عن القس الأمريكي", 0),
            ("ولكن أفرج عنه باحتساب الفترة التي قضاها في الاعتقال", 0),
            ("فرفعت عنه المحكمة الإقامة الجبرية، والمنع من السفر إلى الخارج", 0)]),
        # conviction on terror charges: legal action = ACCUSE; the prison sentence read as COERCE is neutral
        Ev("ACCUSE", ["ent_court"], ["ent_brunson"], None,
           [("فقد أدانت المحكمة، أندرو برونسون، بتهم متعلقة بالإرهاب", 0)], mode=("allege",)),
        Ev("COERCE", ["ent_court"], ["ent_brunson"], None,
           [("وحكمت عليه بالسجن ثلاثة أعوم، وشهرا و15 يوما", 0)], True),
        Ev("ACCUSE", ["ent_turkey"], ["ent_brunson"], None,
           [("وتتهم تركيا برونسون بإقامة علاقات من حزب العمال الكردستاني", 0)], mode=("allege",)),
        Ev("ACCUSE", ["ent_turkey"], ["ent_pkk"], None, [("التي تصنفه أنقرة تنظيما إرهابيا", 0)], True),
        Ev("ACCUSE", ["ent_turkey"], ["ent_gulen"], None,
           [("الذي تتهمه بتدبير محاولة الانقلاب العسكري عام 2016", 0)], True, mode=("allege",)),
        Ev("REJECT", ["ent_brunson"], [], None, [("ونفى القس الأمريكي تهمة التجسس", 0)], True),
        Ev("COERCE", ["ent_turkey"], ["ent_brunson"], None,
           [("وتسبب اعتقال برونسون في أزمة بين الولايات المتحدة وتركيا", 0)], True, mode=("arrest",)),
        Ev("ACCUSE", [], [], None, [("وجهت لهم تهم عقب محاولة الانقلاب العسكري", 0)], True),
        Ev("COERCE", [], [], None, [("وشملت الاعتقالات والتحقيقات 50 ألف شخص", 0)], True, mode=("arrest",)),
    ],
}

A["CN-middleEast-89-20180225"] = {
    "entities": {
        "ent_tehran": E("LOC", ["طهران"], [], "Tehran"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_bagheri": E("PER", ["محمد باقري", "باقري"],
                         ["قائد الأركان الإيراني", "رئيس هيئة الأركان العامة للقوات المسلحة الإيرانية", "اللواء"],
                         "Mohammad Bagheri", None, "IRN", "MIL"),
        "ent_genstaff": E("ORG", ["هيئة الأركان العامة للقوات المسلحة الإيرانية"], [],
                          "General Staff of the Armed Forces of Iran", None, "IRN", "MIL"),
        "ent_iran": E("LOC", ["إيران"], [], "Iran", "Q794", "IRN"),
        "ent_syria": E("LOC", ["سوريا"], [], "Syria", "Q858", "SYR"),
        "ent_unsc": E("ORG", ["مجلس الأمن"], [], "United Nations Security Council", None, None, "IGO"),
        "ent_damascus": E("LOC", ["دمشق"], ["العاصمة السورية"], "Damascus", None, "SYR"),
        "ent_tasnim": E("ORG", ["تسنيم"], [], "Tasnim News Agency", None, "IRN", "MED"),
        "ent_sy_army": E("ORG", ["الجيش السوري"], ["الجيش"], "Syrian Arab Army", None, "SYR", "MIL"),
        "ent_sy_gov": E("ORG", ["الحكومة السّورية"], [], "Government of Syria", None, "SYR", "GOV", optional=True),
        "ent_west": E("MISC", ["الغرب"], [], "the West", optional=True),
        "ent_russia": E("LOC", ["روسيا"], [], "Russia", "Q159", "RUS"),
        "ent_nusra": E("ORG", ["جبهة النصرة"], [], "al-Nusra Front", None, "SYR", "REB"),
        "ent_ghouta": E("LOC", ["الغوطة"], [], "Eastern Ghouta", None, "SYR"),
    },
    "times": [
        ("30 يوما", 0, "DURATION", "P30D", False),
        ("السّابق", 0, "DATE", "PAST_REF", True),
        ("الأشهر المقبلة", 0, "DURATION", "PXM", True),
    ],
    "quotes": [
        ("indirect", "قال", 0, "إيران وسوريا ستلتزمان بقرار مجلس الأمن حول وقف إطلاق النار", 0, "ent_bagheri", None),
        ("mixed", "اعتبر", 0, "بعض أقسام ضواحي دمشق، التي قال إنها تخضع لمن وصفهم بـ\"الإرهابيين\" ستبقى خارج قرار وقف "
         "إطلاق النار \"وستستمر عمليات تطهيرها من الإرهاب\"", 0, "ent_bagheri", None),
        ("direct", "قوله", 0, "هذه المرة - وكما في السّابق - فإن الذين لا يرغبون بعودة الأمن والهدوء لسوريا رفعوا علم "
         "وقف إطلاق النار ليحموا الإرهابيين عندما رأوا إرادة الجيش والحكومة السّورية لتطهير أطراف دمشق", 0,
         "ent_bagheri", None),
        ("mixed", "وزعم", 0, "الجيش السوري \"يريد تطهير الأراضي السورية من الإرهابيين لكي يؤمن بذلك أمن المواطنين في "
         "دمشق\"", 0, "ent_bagheri", None),
        ("mixed", "مضيفا", 0, "العاصمة السورية تلقت 1200 قذيفة ولهذا فإنه يجب \"تطهير هذه المناطق من الارهاب\"", 0,
         "ent_bagheri", None),
        ("mixed", "معتبرا", 0, "جاء بسبب \"إصرار الغرب وداعمي الإرهاب\"", 0, "ent_bagheri", None),
        ("mixed", "مضيفا", 1, "سوريا وإيران وروسيا عملت على \"تعديل القرار قليلا\"", 0, "ent_bagheri", None),
        ("direct", "بالقول", 0, "ستستمر مواجهة الإرهابيين مثل جبهة النصرة. لقد تم الأخذ بعين الاعتبار عددا من الأمور "
         "لكي يتمكّن أهالي هذه المناطق من الاستمرار بحياتهم اليومية، لكن الأمر لم يستمر بنحو يتيح فرصة البقاء لجبهة "
         "الإرهاب؛ وفي غضون الأشهر المقبلة سيتم تطهير سوريا بالكامل", 0, "ent_bagheri", None),
        ("direct", "القول", 0, "نحن سنلتزم بهذا القرار، وسوريا ستلتزم أيضا؛ بعض المناطق في أطرف دمشق تخضع لسيطرة "
         "الرهابيين ولا تخضع لوقف إطلاق النار، عمليات تطهير هذه المناطق من الإرهاب ستستمر", 0, "ent_bagheri", None),
    ],
    "events": [
        # commitment to abide by the ceasefire resolution: AGREE (intent)
        Ev("AGREE", ["ent_iran", "ent_syria", "ent_bagheri"], [], None,
           [("إيران وسوريا ستلتزمان بقرار مجلس الأمن حول وقف إطلاق النار", 0),
            ("نحن سنلتزم بهذا القرار، وسوريا ستلتزم أيضا", 0)]),
        # the Security Council's ceasefire resolution (background, no day given)
        Ev("REQUEST", ["ent_unsc"], [], None,
           [("قرار وقف إطلاق النار الذي اتّخذه مجلس الأمن لفترة 30 يوما", 0)], True),
        # the continuing offensive on the Ghouta, announced as ongoing/future
        Ev("ASSAULT", ["ent_syria", "ent_sy_army"], ["ent_nusra"], None,
           [("الهجوم على جبهة النصرة في الغوطة مستمر", 0), ("وستستمر عمليات تطهيرها من الإرهاب", 0),
            ("ستستمر مواجهة الإرهابيين مثل جبهة النصرة", 0),
            ("عمليات تطهير هذه المناطق من الإرهاب ستستمر", 0)], True, "future"),
        Ev("ACCUSE", ["ent_bagheri"], ["ent_west"], None, [("إصرار الغرب وداعمي الإرهاب", 0)], mode=("allege",)),
        Ev("ACCUSE", ["ent_bagheri"], [], None,
           [("رفعوا علم وقف إطلاق النار ليحموا الإرهابيين", 0)], True, mode=("allege",)),
        Ev("COOPERATE", ["ent_syria", "ent_iran", "ent_russia"], [], None,
           [("سوريا وإيران وروسيا عملت على \"تعديل القرار قليلا\"", 0)]),
        Ev("ASSAULT", [], ["ent_damascus"], None, [("العاصمة السورية تلقت 1200 قذيفة", 0)], True),
    ],
}

A["CN-middleEast-813-20180504"] = {
    "entities": {
        "ent_dubai": E("LOC", ["دبي"], [], "Dubai"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_sistani": E("PER", ["على السيستاني", "السيستاني"], ["المرجع الشيعي الأعلى", "المرجعية الدينية العليا"],
                         "Ali al-Sistani", None, "IRQ", "REL"),
        "ent_iraq": E("LOC", ["العراق"], [], "Iraq", "Q796", "IRQ"),
        "ent_election": E("MISC", ["الانتخابات العراقية"], [], "2018 Iraqi parliamentary election", optional=True),
    },
    "times": [
        ("الجمعة", 0, "DATE", "2018-05-04", False),
        ("12 مايو/ أيار الجاري", 0, "DATE", "2018-05-12", False),
        ("منذ سنوات طوال", 0, "DURATION", "PXY", True),
    ],
    "quotes": [
        ("mixed", "يدعو", 0, "العراقيين إلى عدم انتخاب \"الفاسدين المجرَّبين\"", 0, "ent_sistani", None, True),
        ("mixed", "دعا", 0, "العراقيين إلى عدم انتخاب من وصفهم بـ\"المخادعين الفاشلين والفاسدين من المجرَّبين أو "
         "غيرهم\"", 0, "ent_sistani", None, True),
        ("direct", "وقال", 0, "المرجعية الدينية العليا تؤكد وقوفها على مسافة واحدة من جميع المرشحين ومن كافة القوائم "
         "الانتخابية، بمعنى أنها لا تساند أيّ شخص أو جهة أو قائمة على الاطلاق، فالأمر كله متروك لقناعة الناخبين وما "
         "تستقر عليه آراؤهم بعد الفحص والتمحيص", 0, "ent_sistani", None),
        ("direct", "وأضاف", 0, "من الضروري عدم السماح لأي شخص أو جهة باستغلال عنوان المرجعية الدينية أو أيّ عنوان آخر "
         "يحظى بمكانة خاصة في نفوس العراقيين للحصول على مكاسب انتخابية، فالعبرة كل العبرة بالكفاءة والنزاهة، والالتزام "
         "بالقيم والمبادئ، والابتعاد عن الأجندات الأجنبية، واحترام سلطة القانون، والاستعداد للتضحية في سبيل إنقاذ الوطن "
         "وخدمة المواطنين، والقدرة على تنفيذ برنامج واقعي لحلّ الأزمات والمشاكل المتفاقمة منذ سنوات طوال", 0,
         "ent_sistani", None),
        ("direct", "بالقول", 0, "الطريق إلى التأكد من ذلك هو الاطلاع على المسيرة العملية للمرشحين ورؤساء قوائمهم ـ "
         "ولا سيما من كان منهم في مواقع المسؤولية في الدورات السابقة، لتفادي الوقوع في شِباك المخادعين من الفاشلين "
         "والفاسدين، من المجرَّبين أو غيرهم", 0, "ent_sistani", None),
    ],
    "events": [
        # an appeal to the voters (no entity as recipient)
        Ev("REQUEST", ["ent_sistani"], [], "2018-05-04",
           [("السيستاني يدعو العراقيين إلى عدم انتخاب \"الفاسدين المجرَّبين\"", 0),
            ("دعا المرجع الشيعي الأعلى بالعراق على السيستاني، الجمعة، العراقيين إلى عدم انتخاب", 0)]),
        Ev("SUPPORT", ["ent_sistani"], [], "2018-05-04",
           [("لا تساند أيّ شخص أو جهة أو قائمة على الاطلاق", 0)], True, "negated"),
    ],
}

A["CN-middleEast-790-20180502"] = {
    "entities": {
        "ent_dubai": E("LOC", ["دبي"], [], "Dubai"),
        "ent_uae": E("LOC", ["الإمارات العربية المتحدة"], [], "United Arab Emirates", "Q878", "ARE"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_abbas": E("PER", ["محمود عباس", "عباس"], ["الرئيس الفلسطيني"], "Mahmoud Abbas", None, "PSE", "GOV"),
        "ent_pnc": E("ORG", ["المجلس الوطني الفلسطيني"], [], "Palestinian National Council", None, "PSE", "LEG"),
        "ent_europe": E("LOC", ["أوروبا"], [], "Europe", "Q46"),
        "ent_netanyahu": E("PER", ["نتنياهو"], [], "Benjamin Netanyahu", None, "ISR", "GOV"),
        "ent_un": E("ORG", ["الأمم المتحدة"], [], "United Nations", "Q1065", None, "IGO"),
        "ent_middle_east": E("LOC", ["الشرق الأوسط"], [], "Middle East"),
        "ent_mladenov": E("PER", ["نيكولاي ملادينوف"], ["مبعوث الأمم المتحدة إلى الشرق الأوسط"], "Nickolay Mladenov",
                          None, None, "IGO"),
        "ent_kerry": E("PER", ["جون كيري"], ["وزير الخارجية الأمريكي السابق"], "John Kerry", None, "USA", "GOV"),
        "ent_palestine": E("LOC", ["فلسطين"], [], "Palestine", None, "PSE"),
        "ent_abraham": E("PER", ["إبراهيم"], [], "Abraham"),
        "ent_jacob": E("PER", ["يعقوب"], [], "Jacob"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-05-02", False),
        ("الإثنين", 0, "DATE", "2018-04-30", False),
        ("الأربعاء", 1, "DATE", "2018-05-02", False),
    ],
    "quotes": [
        # a relative-clause verb (التي اعتبر فيها): not a quote by the convention, kept neutral
        ("indirect", "اعتبر", 0, "المجازر التي ارتكبت بحق اليهود لم تحدث لأسباب دينية بل بسبب الدور الذي لعبه يهود "
         "أوروبا على الصعيد الاقتصادي", 0, "ent_abbas", None, True),
        ("mixed", "وقال", 0, "عباس تحدث مجددا عن \"أكثر الشائعات الكاذبة حقارة\" ضد السامية", 0, "ent_netanyahu",
         None),
        ("mixed", "أكد", 0, "الرئيس الفلسطيني كرر \"الافتراءات\" التي تستخدم لمعاداة السامية", 0, "ent_mladenov", None),
        ("indirect", "وشدد", 0, "هذه التصريحات لا تخدم مصلحة الفلسطينيين ولا السلام في الشرق الأوسط", 0,
         "ent_mladenov", None),
        ("direct", "قائلا", 0, "هذه التعليقات خاطئة وبشعة وغير مقبولة، من أي شخص في أي مكان، فكيف من شخص يقول إنه يريد "
         "أن يكون صانع سلام، لا أعذار لمعاداة السامية هذه الكلمات مدانة وغير مبررة", 0, "ent_kerry", None),
        ("indirect", "نفى", 0, "يكون هناك أي ارتباط بين اليهود وفلسطين", 0, "ent_abbas", None),
        ("indirect", "وأشار", 0, "اليهود ليسوا ساميين ولا توجد رابطة بينهم وبين النبيين إبراهيم ويعقوب", 0,
         "ent_abbas", None),
    ],
    "events": [
        Ev("ACCUSE", ["ent_netanyahu"], ["ent_abbas"], "2018-05-02",
           [("إن عباس تحدث مجددا عن \"أكثر الشائعات الكاذبة حقارة\" ضد السامية", 0)], mode=("disapprove",)),
        Ev("ACCUSE", ["ent_mladenov"], ["ent_abbas"], None,
           [("الرئيس الفلسطيني كرر \"الافتراءات\" التي تستخدم لمعاداة السامية", 0),
            ("هذه التصريحات لا تخدم مصلحة الفلسطينيين ولا السلام في الشرق الأوسط", 0)], mode=("disapprove",)),
        Ev("ACCUSE", ["ent_kerry"], ["ent_abbas"], None,
           [("علق وزير الخارجية الأمريكي السابق، جون كيري، على تصريحات عباس", 0),
            ("هذه التعليقات خاطئة وبشعة وغير مقبولة", 0), ("هذه الكلمات مدانة وغير مبررة", 0)],
           mode=("disapprove",)),
        # the headline's unattributed "fierce attack" on Abbas sums up the three criticisms above
        Ev("ACCUSE", [], ["ent_abbas"], "2018-05-02",
           [("هجوم شرس على محمود عباس واتهامه بـ\"معاداة السامية\"", 0),
            ("تعرض الرئيس الفلسطيني، محمود عباس، لهجوم شرس، الأربعاء", 0)], True, mode=("disapprove",)),
    ],
}

A["CN-internationalNews-163-20180321"] = {
    "entities": {
        "ent_atlanta": E("LOC", ["أتلانتا"], [], "Atlanta"),
        "ent_usa": E("LOC", ["الولايات المتحدة الأمريكية"], [], "United States", "Q30", "USA"),
        "ent_cnn": E("ORG", ["CNN"], [], "CNN", None, "USA", "MED"),
        "ent_nigeria": E("LOC", ["نيجيريا"], [], "Nigeria", "Q1033", "NGA"),
        "ent_boko": E("ORG", ["بوكو حرام"], ["التنظيم", "المجموعة"], "Boko Haram", None, "NGA", "REB"),
        "ent_presidency": E("ORG", ["مكتب الرئاسة النيجيرية"], [], "Office of the President of Nigeria", None,
                            "NGA", "GOV"),
        "ent_shehu": E("PER", ["غاربا شيهو", "شيهو"], ["أحد المسؤولين"], "Garba Shehu", None, "NGA", "GOV"),
        "ent_bukar": E("PER", ["كاتشالا بوكار", "باكور"], ["والد إحدى الفتيات"], "Kachalla Bukar", None, "NGA",
                       "CVL"),
        "ent_dapchi": E("LOC", ["دابتشي"], [], "Dapchi", None, "NGA"),
        "ent_aisha": E("PER", ["عائشة"], ["ابنته"], "Aisha (Bukar's daughter)", None, "NGA", "CVL"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-03-21", False),
        ("قريباً", 0, "DATE", "FUTURE_REF", True),
        ("14 عاماً", 0, "DURATION", "P14Y", True),
        ("19 فبراير/شباط الماضي", 0, "DATE", "2018-02-19", False),
        ("عام 2014", 0, "DATE", "2014", False),
    ],
    "quotes": [
        ("indirect", "ذكره", 0, "أطلق سراح مجموعة من الفتيات النيجيريات اللواتي اختطفن من قبل مجموعة \"بوكو حرام\"، "
         "الأربعاء", 0, "ent_shehu", "ent_cnn"),
        ("indirect", "وقال", 0, "يتم اصطحاب الفتيات لمكان آمن وأن المزيد من التفاصيل ستُعلن قريباً", 0, "ent_shehu",
         None),
        ("indirect", "وقال", 1, "تحدث إلى بعض الفتيات اللواتي عدن إلى مدينة دابتشي، وأنه رأى حوالي 50 فتاة لكنه لم ير "
         "ابنته عائشة بعد، والتي تبلغ من العمر 14 عاماً، التي اختطفت في هجوم على كلية للعلوم والتكنولوجيا في 19 "
         "فبراير/شباط الماضي، حيث اختطف التنظيم 110 فتيات", 0, "ent_bukar", "ent_cnn"),
        # the girls say it (unnamed: null); Bukar relays it (optional reading)
        ("indirect", "وذكرت", 0, "عناصر \"بوكو حرام\" أنزلوهن من مركبة غلى بعد حوالي 20 كيلومتراً من دابتشي، وأخبروهن "
         "بان يعثرن على طريق العودة", 0, None, None),
        ("indirect", "نقله", 0, "عناصر \"بوكو حرام\" أنزلوهن من مركبة غلى بعد حوالي 20 كيلومتراً من دابتشي، وأخبروهن "
         "بان يعثرن على طريق العودة", 0, "ent_bukar", None, True),
        ("indirect", "وأضاف", 0, "الآباء والأمهات سيعودون إلى مكتب بلدية المدينة للتأكد من أعدادهن", 0, "ent_bukar",
         None),
    ],
    "events": [
        # release of abducted girls: CONCEDE (CAMEO 0841)
        Ev("CONCEDE", ["ent_boko"], [], "2018-03-21",
           [("\"بوكو حرام\" تخلي سبيل عدد من الفتيات المختطفات", 0),
            ("أطلق سراح مجموعة من الفتيات النيجيريات", 0),
            ("أنزلوهن من مركبة غلى بعد حوالي 20 كيلومتراً من دابتشي، وأخبروهن بان يعثرن على طريق العودة", 0)]),
        Ev("ASSAULT", ["ent_boko"], [], "2018-02-19",
           [("اللواتي اختطفن من قبل مجموعة \"بوكو حرام\"", 0),
            ("التي اختطفت في هجوم على كلية للعلوم والتكنولوجيا في 19 فبراير/شباط الماضي", 0),
            ("حيث اختطف التنظيم 110 فتيات", 0)], mode=("abduct",)),
        Ev("ASSAULT", ["ent_boko"], [], "2014",
           [("عندما اختطفت \"بوكو حرام\" حوالي 300 فتاة من مدرسة نيجيرية عام 2014", 0)], True, mode=("abduct",)),
    ],
}

A["AL-internationalNews-1074-20180508"] = {
    "entities": {
        "ent_eu": E("ORG", ["الاتحاد الأوروبي"], [], "European Union", "Q458", None, "IGO"),
        "ent_jcpoa": E("MISC", ["الاتفاق النووي الإيراني", "الاتفاق النووي"], [], "Joint Comprehensive Plan of Action",
                       optional=True),
        "ent_iran": E("LOC", ["إيران"], [], "Iran", "Q794", "IRN"),
        "ent_mogherini": E("PER", ["فيديريكا موغريني", "موغريني"], ["مسؤولة الشؤون الخارجية"], "Federica Mogherini",
                           None, None, "IGO"),
        "ent_uk": E("LOC", ["بريطانيا"], [], "United Kingdom", "Q145", "GBR"),
        "ent_germany": E("LOC", ["ألمانيا"], [], "Germany", "Q183", "DEU"),
        "ent_france": E("LOC", ["فرنسا"], [], "France", "Q142", "FRA"),
        "ent_usa": E("LOC", ["الولايات المتحدة", "واشنطن", "أميركا"], [], "United States", "Q30", "USA"),
        "ent_trump": E("PER", ["دونالد ترمب", "ترمب"], ["الرئيس الأمريكي", "الرئيس الأميركي"], "Donald Trump",
                       "Q22686", "USA", "GOV"),
        "ent_may": E("PER", ["تيريزا ماي", "ماي"], ["رئيسة وزراء"], "Theresa May", None, "GBR", "GOV"),
        "ent_macron": E("PER", ["ماكرون"], ["الرئيس الفرنسي"], "Emmanuel Macron", "Q3052772", "FRA", "GOV"),
        "ent_merkel": E("PER", ["أنجيلا ميركل"], ["المستشارة الألمانية"], "Angela Merkel", "Q567", "DEU", "GOV"),
        "ent_ir_regime": E("ORG", ["النظام الإيراني"], [], "Government of Iran", None, "IRN", "GOV", optional=True),
        "ent_middle_east": E("LOC", ["الشرق الأوسط"], [], "Middle East"),
    },
    "times": [
        ("12 عاما", 0, "DURATION", "P12Y", False),
        ("اليوم الثلاثاء", 0, "DATE", "2018-05-08", False),
        ("الثلاثاء", 1, "DATE", "2018-05-08", False),
    ],
    "quotes": [
        ("indirect", "يعلن", 0, "التزامه بالاتفاق النووي مع إيران", 0, "ent_eu", None, True),
        ("indirect", "أكد", 0, "ما زال مصرا على الحفاظ على الاتفاق، وأنه سيعمل على الحفاظ على مصالحه الاقتصادية", 0,
         "ent_eu", None),
        ("indirect", "وأكدت", 0, "الاتحاد الأوروبي عازم على المحافظة على الاتفاق الذي جاء بعد 12 عاما من الدبلوماسية",
         0, "ent_mogherini", None),
        ("direct", "وأضافت", 0, "الاتفاق ملك لنا جميعا. ابقوا محافظين على الالتزامات فهو اتفاق سنحافظ عليه مع المجتمع "
         "الدولي", 0, "ent_mogherini", None),
        ("indirect", "وأكدت", 1, "الاتحاد الأوروبي لن يسمح لأحد أن يقوم بتفكيك الاتفاق", 0, "ent_mogherini", None),
        ("indirect", "وحثت", 0, "عدم اتخاذ خطوات تعرقل تنفيذ الدول الأخرى للاتفاق النووي المبرم مع إيران", 0,
         "ent_uk", "ent_usa", True),
        # the three leaders' joint statement: speaker = the first named party (issued by May's office)
        ("direct", "وقال", 0, "نحث الولايات المتحدة على عدم المساس بهيكل الاتفاق النووي وتجنب اتخاذ إجراءات تعرقل "
         "تنفيذه بالكامل من قبل الأطراف الأخرى الموقعة على الاتفاق", 0, "ent_uk", "ent_usa"),
        ("indirect", "وقال", 1, "الاتفاق النووي كان لمصلحة إيران ولم يحقق السلم، وإن إلغاء الاتفاق النووي مع إيران "
         "سيجعل أميركا أكثر أمانا", 0, "ent_trump", None),
        ("indirect", "وأضاف", 0, "النظام الإيراني يشعل الصراعات في الشرق الأوسط، ويدعم المنظمات الإرهابية", 0,
         "ent_trump", None),
        ("indirect", "وأردف", 0, "النظام الإيراني مول الفوضى واعتدى على جنودنا، وحوّل مواطنيه إلى رهائن، ومستقبل إيران "
         "عائد لشعبها", 0, "ent_trump", None),
        ("indirect", "مشيرا", 0, "الشعب الأميركي يقف إلى جانب الشعب الإيراني", 0, "ent_trump", None),
        ("direct", "يقول", 0, "حصل ما يكفي من المعاناة والموت والدمار الذي تسببت به إيران، وسنعمل مع حلفائنا للتوصل إلى "
         "حلول حقيقية للتهديد الإيراني النووي", 0, "ent_trump", None),
        ("indirect", "لافتا", 0, "مستعد للتفاوض على اتفاق جديد مع إيران عندما تكون مستعدة", 0, "ent_trump", None),
    ],
    "events": [
        # leaving the nuclear deal: SANCTION 'withdraw'; the REJECT reading is neutral
        Ev("SANCTION", ["ent_trump", "ent_usa"], [], "2018-05-08",
           [("أعلن الرئيس الأمريكي دونالد ترمب انسحاب واشنطن منه اليوم الثلاثاء", 0),
            ("بعد أن أعلن ترمب قرار الانسحاب", 0),
            ("قد قرر الثلاثاء، الانسحاب من الاتفاق النووي الإيراني", 0)], mode=("withdraw",)),
        Ev("REJECT", ["ent_trump", "ent_usa"], [], "2018-05-08",
           [("أعلن الرئيس الأمريكي دونالد ترمب انسحاب واشنطن منه اليوم الثلاثاء", 0),
            ("بعد أن أعلن ترمب قرار الانسحاب", 0),
            ("قد قرر الثلاثاء، الانسحاب من الاتفاق النووي الإيراني", 0)], True),
        Ev("SANCTION", ["ent_trump", "ent_usa"], ["ent_iran"], "2018-05-08",
           [("وإعادة فرض العقوبات على إيران", 0)]),
        # the EU's commitment to the deal: AGREE (intent)
        Ev("AGREE", ["ent_eu", "ent_mogherini"], [], None,
           [("الاتحاد الأوروبي يعلن التزامه بالاتفاق النووي مع إيران", 0),
            ("أكد الاتحاد الأوروبي أنه ما زال مصرا على الحفاظ على الاتفاق", 0),
            ("الاتحاد الأوروبي عازم على المحافظة على الاتفاق", 0),
            ("فهو اتفاق سنحافظ عليه مع المجتمع الدولي", 0)]),
        Ev("REJECT", ["ent_eu", "ent_mogherini"], [], None,
           [("الاتحاد الأوروبي لن يسمح لأحد أن يقوم بتفكيك الاتفاق", 0)], True),
        Ev("REQUEST", ["ent_uk", "ent_germany", "ent_france", "ent_may", "ent_macron", "ent_merkel"], ["ent_usa"],
           None,
           [("وحثت بريطانيا وألمانيا وفرنسا الولايات المتحدة على عدم اتخاذ خطوات", 0),
            ("نحث الولايات المتحدة على عدم المساس بهيكل الاتفاق النووي", 0)]),
        Ev("CONSULT", ["ent_may", "ent_macron", "ent_merkel"], [], "2018-05-08",
           [("وتحدثت ماي هاتفيا مع الرئيس الفرنسي إيمانويل #ماكرون والمستشارة الألمانية أنجيلا ميركل", 0)],
           mode=("phone",)),
        Ev("ACCUSE", ["ent_trump"], ["ent_ir_regime"], "2018-05-08",
           [("النظام الإيراني يشعل الصراعات في الشرق الأوسط، ويدعم المنظمات الإرهابية", 0),
            ("النظام الإيراني مول الفوضى واعتدى على جنودنا، وحوّل مواطنيه إلى رهائن", 0),
            ("المعاناة والموت والدمار الذي تسببت به إيران", 0)], mode=("allege",)),
        # readiness to negotiate a new deal = intent to negotiate (AGREE, CAMEO 036)
        Ev("AGREE", ["ent_trump"], ["ent_iran"], "2018-05-08",
           [("مستعد للتفاوض على اتفاق جديد مع إيران عندما تكون مستعدة", 0)], mode=("meet",)),
        Ev("COOPERATE", ["ent_trump", "ent_usa"], [], None,
           [("وسنعمل مع حلفائنا للتوصل إلى حلول حقيقية للتهديد الإيراني النووي", 0)], True, "future"),
        Ev("SUPPORT", ["ent_ir_regime"], [], None, [("ويدعم المنظمات الإرهابية", 0)], True),
    ],
}

A["AL-internationalNews-720-20180331"] = {
    "entities": {
        "ent_coalition": E("ORG", ["تحالف_دعم_الشرعية", "تحالف دعم الشرعية"], ["التحالف"],
                           "Saudi-led coalition in Yemen", None, None, "MIL"),
        "ent_yemen": E("LOC", ["اليمن"], [], "Yemen", "Q805", "YEM"),
        "ent_yemen_army": E("ORG", ["الجيش الوطني اليمني"], [], "Yemeni National Army", None, "YEM", "MIL"),
        "ent_houthis": E("ORG", ["الميليشيات الحوثية", "ميليشيات الحوثي"], ["الميليشيات", "الانقلابيين"],
                         "Houthis (Ansar Allah)", None, "YEM", "REB"),
        "ent_alarabiya": E("ORG", ["العربية"], [], "Al Arabiya", None, "ARE", "MED"),
        "ent_alhadath": E("ORG", ["الحدث"], [], "Al Hadath", None, "ARE", "MED"),
        "ent_west_coast": E("LOC", ["الساحل_الغربي"], [], "West Coast (Yemen)", None, "YEM"),
        "ent_bayda": E("LOC", ["البيضاء"], [], "Al Bayda Governorate", None, "YEM"),
        "ent_fadha": E("LOC", ["فضحة"], [], "Fadha", None, "YEM"),
        "ent_malajim": E("LOC", ["الملاجم"], [], "Al Malajim District", None, "YEM"),
        "ent_hodeidah_gov": E("LOC", ["#[الحديدة]"], [], "Al Hudaydah Governorate", None, "YEM"),
        "ent_hodeidah": E("LOC", ["مدينة [الحديدة]"], [], "Al Hudaydah", None, "YEM"),
        "ent_wadi_ayan": E("LOC", ["وادي عيان"], [], "Wadi Ayan", None, "YEM"),
        "ent_khashm": E("LOC", ["الخشم"], [], "Al Khashm", None, "YEM"),
        "ent_zuhrah": E("LOC", ["الزهرة"], [], "Az Zuhrah District", None, "YEM"),
        "ent_hays": E("LOC", ["حيس"], [], "Hays District", None, "YEM"),
        "ent_zabid": E("LOC", ["زبيد"], [], "Zabid", None, "YEM"),
        "ent_jarrahi": E("LOC", ["الجراحي"], [], "Al Jarrahi", None, "YEM"),
        "ent_tuhayta": E("LOC", ["التحيتا"], [], "At Tuhayta District", None, "YEM"),
    },
    "times": [
        ("صباح السبت", 0, "TIME", "2018-03-31TMO", False),
    ],
    "quotes": [
        # the outlets' (unnamed) correspondent: speaker = the first outlet named
        ("indirect", "وأفاد", 0, "الآلاف من الجنود ومئات الدبابات والمدرعات وصلت عدة محافظات يمنية، استعداداً لتنفيذ "
         "مهامها العسكرية الموكلة لها", 0, "ent_alarabiya", None),
        ("indirect", "أفادت", 0, "نحو 150 عنصراً من ميليشيات الحوثي سقطوا بين قتيل وجريح، إثر استهداف طائرات التحالف "
         "بعدة غارات معسكراً تدريبياً للميليشيات في وادي عيان بمنطقة الخشم التابعة لمديرية الزهرة شمال مدينة الحديدة",
         0, None, None),
    ],
    "events": [
        Ev("MOBILIZE", ["ent_coalition"], [], None,
           [("تعزيزات بآلاف الجنود من التحالف تصل اليمن", 0),
            ("دفع #تحالف_دعم_الشرعية في اليمن بتعزيزات عسكرية متعددة المهام", 0),
            ("الآلاف من الجنود ومئات الدبابات والمدرعات وصلت عدة محافظات يمنية", 0),
            ("كما وصلت إلى عدة محافظات يمنية كتائب متخصصة في الاستطلاع وكشف الألغام", 0)]),
        Ev("AID", ["ent_coalition"], ["ent_yemen_army"], None,
           [("تساند الجيش الوطني اليمني لإعادة باقي المناطق", 0)], True),
        # Saturday-morning air raids on the West Coast and al-Bayda
        Ev("ASSAULT", ["ent_coalition"], ["ent_houthis"], "2018-03-31",
           [("شنت طائرات تحالف دعم الشرعية في اليمن خلال الساعات الأولى من صباح السبت غارات مكثفة على مواقع وتجمعات "
             "ميليشيات الحوثي", 0),
            ("استهدفت المقاتلات تعزيزات ومواقع للميليشيات في منطقة فضحة بمديرية الملاجم", 0)], mode=("aerial",)),
        # raids on a training camp and positions in al-Hudaydah governorate (no day given)
        Ev("ASSAULT", ["ent_coalition"], ["ent_houthis"], None,
           [("إثر استهداف طائرات التحالف بعدة غارات معسكراً تدريبياً للميليشيات في وادي عيان", 0),
            ("كما دمرت الغارات تعزيزات للميليشيات في ضواحي مديرية #حيس", 0)], mode=("aerial",)),
    ],
}


def main() -> None:
    write_set(A, OUT, build_blind, layers=("entities", "times", "quotes", "events"))


if __name__ == "__main__":
    main()
