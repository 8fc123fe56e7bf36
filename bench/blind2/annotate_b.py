"""Second blind evaluation set, annotator B: 10 ANT v2.1 articles (Apache-2.0) annotated by hand for entities,
times, quotes and PLOVER events BEFORE any khabar stage was run on them (issues 11, 12, 13).

Articles: lines 11-20 of bench/blind2/ids.txt (lines 1-10 are annotator A's). Conventions: bench/blind2/README_b.md
(those of bench/blind/README_b.md, with the additions listed there). The machinery is that of
bench/blind/annotate_b.py; annotations are snippet-level and resolved to offsets here:

* entities: ``id -> E(type, forms, coref, canonical=…, qid=…)``. A form is a name as written without clitics
  (every word-bounded occurrence, a clitic و ف ب ل ك or لل may precede it; longest forms are claimed first
  across entities), ``form@n`` (only its n-th occurrence) or ``before[form]after`` (only where it stands in that
  context). A leading ``?`` marks the mention optional. ``coref`` holds descriptions that refer to the entity.
* times: ``(snippet, occurrence, TYPE, value, optional)``; occurrences count word-bounded hits of the snippet.
* quotes: ``Q(type, cue, cue occurrence, content, content occurrence, speaker, addressee)``.
* events: ``Ev(type, actors, recipients, date, [(evidence snippet, occurrence)], optional=…, fact=…)``.

    .venv/bin/python bench/blind2/annotate_b.py            # rewrite tests/data/blind2/<id>.json (these 10)
    .venv/bin/python bench/blind2/annotate_b.py /tmp/x     # build elsewhere to compare
    .venv/bin/python bench/blind2/annotate_b.py --show ID  # print the resolved annotation of one article
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes_times_common import ROOT  # noqa: E402

# The machinery (E, Q, Ev, build_blind, show) is the first blind set's annotator B builder, loaded by path
# (both files are called annotate_b.py); only the output folder and meta.annotation differ.
_spec = importlib.util.spec_from_file_location("blind1_annotate_b", ROOT / "bench" / "blind" / "annotate_b.py")
assert _spec is not None and _spec.loader is not None
_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builder)
_builder.ANNOTATION = "blind set 2, annotator B: annotated by hand before any system run"
E, Q, Ev, build_blind, show = _builder.E, _builder.Q, _builder.Ev, _builder.build_blind, _builder.show

OUT = ROOT / "tests" / "data" / "blind2"

A: dict[str, dict[str, Any]] = {}


# --------------------------------------------------------------------------------------------------------------
A["AL-internationalNews-1235-20180518"] = {  # Friday; disabled protesters' sit-in in the Polish parliament
    "entities": {
        "ent_poland": E("LOC", ["بولندا"], canonical="Poland", qid="Q36", country="POL"),
        "ent_pl_parliament": E("ORG", ["البرلمان البولندي"], ["برلمان بولندا", "البرلمان"],
                               canonical="Parliament of Poland", country="POL", sector="LEG"),
        "ent_nato": E("ORG", ["حلف شمال الأطلسي", "الناتو", "ناتو"], canonical="NATO", qid="Q7184"),
        # the protesting disabled people and their parents: a description, actors of the sit-in
        "ent_protesters": E("ORG", ["يعتزم [معاقون]", "[معاقون] يعتصمون"],
                            ["المتظاهرين", "المحتجين", "المشاركين بالاحتجاج"],
                            canonical="disabled protesters in the Polish parliament", country="POL", sector="CVL",
                            optional=True),
        "ent_pl_gov": E("ORG", ["الحكومة اليمينية"], ["ما دفع [السلطات]", "ألغت [السلطات]"],
                        canonical="Government of Poland", country="POL", sector="GOV", optional=True),
        "ent_dworczyk": E("PER", ["ميكال دورزيك"], ["مدير مكتب رئيس الوزراء"], canonical="Michał Dworczyk",
                          country="POL", sector="GOV"),
        "ent_opposition": E("ORG", ["المعارضة"], canonical="Polish opposition", country="POL", sector="OPP",
                            optional=True),
        "ent_childrens_day": E("MISC", ["يوم الطفل"], canonical="Children's Day", optional=True),
        "ent_walesa": E("PER", ["ليخ فاونسا"], ["الرئيس البولندي السابق"], canonical="Lech Wałęsa", qid="Q444",
                        country="POL"),
        "ent_nobel": E("MISC", ["جائزة نوبل للسلام"], canonical="Nobel Peace Prize", qid="Q35637"),
    },
    "times": [
        ("منذ أسابيع", 0, "DURATION", "PXW", True),
        ("18 أبريل/نيسان الماضي", 0, "DATE", "2018-04-18", False),
        ("مساء الخميس", 0, "TIME", "2018-05-17TEV", False),
        ("25", 0, "DATE", "2018-05-25", False),  # «بين 25 و28 مايو / أيار الجاري»: both ends of the range
        ("28 مايو / أيار الجاري", 0, "DATE", "2018-05-28", False),
        ("الاثنين", 0, "DATE", "2018-05-21", False),  # Wałęsa's planned visit, the coming Monday
    ],
    "quotes": [
        Q("indirect", "قال", 0, "يعتزم معاقون يحتجون منذ أسابيع في مقر البرلمان البولندي مع آبائهم، البقاء هناك "
          "خلال اجتماع برلماني مقرر لحلف شمال الأطلسي (ناتو)", 0, None),
        Q("indirect", "وقال", 0, "من المقرر غلق منطقة التظاهر خلال جلسة الربيع التي يحضرها مئات من أعضاء مجلس "
          "#الناتو في الفترة بين 25 و28 مايو / أيار الجاري", 0, "ent_dworczyk"),
        Q("mixed", "وأضاف", 0, "#بولندا أبلغت المشاركين بالاحتجاج، وأنهم \"قبلوا الواقع\"", 0, "ent_dworczyk"),
    ],
    "events": [
        Ev("PROTEST", ["ent_protesters"], ["ent_pl_gov"], "2018-04-18",
           [("معاقون يعتصمون بمقر برلمان بولندا", 0),
            ("يحتجون منذ أسابيع في مقر البرلمان البولندي", 0),
            ("ويحتل نحو عشرة متظاهرين", 0),
            ("ردهة بمبنى البرلمان منذ 18 أبريل/نيسان الماضي", 0)]),
        Ev("REQUEST", ["ent_protesters"], ["ent_pl_gov"], None,
           [("مطالبين برفع مخصصات ذوي الإعاقة وبمزيد من الأموال للرعاية الطبية وإعادة التأهيل", 0)],
           optional=True),
        # a standing refusal
        Ev("REJECT", ["ent_pl_gov"], ["ent_protesters"], None,
           [("ولم تلب الحكومة اليمينية كل مطالب المتظاهرين", 0)], optional=True),
        Ev("SUPPORT", ["ent_opposition"], ["ent_protesters"], None,
           [("واكتسبت التظاهرة دعما من قبل المعارضة", 0)], optional=True),
        Ev("PROTEST", [], [], None, [("وأقيمت اعتصامات أمام مقر البرلمان", 0)], optional=True),
        Ev("COERCE", ["ent_pl_gov"], [], None, [("ما دفع السلطات على تشديد لوائح الدخول", 0)], optional=True),
        Ev("COERCE", ["ent_poland"], ["ent_protesters"], "2018-05-25",
           [("من المقرر غلق منطقة التظاهر", 0)], optional=True, fact="future"),
        # the protesters "accepted the reality" (doubtful type)
        Ev("CONCEDE", ["ent_protesters"], ["ent_poland"], None, [("وأنهم \"قبلوا الواقع\"", 0)], optional=True),
        Ev("CONSULT", ["ent_walesa"], ["ent_protesters"], "2018-05-21",
           [("ويخطط الرئيس البولندي السابق الحائز على جائزة نوبل للسلام ليخ فاونسا", 0),
            ("زيارة المحتجين الاثنين", 0)], optional=True, fact="future"),
        Ev("ACCUSE", ["ent_walesa"], ["ent_pl_gov"], None,
           [("وهو من أشد المنتقدين للحكومة اليمينية", 0)], optional=True),
    ],
}

A["AL-internationalNews-235-20180227"] = {  # Tuesday; ISIS attack in Aden on Saturday 24 February
    "entities": {
        "ent_khulaidi": E("PER", ["عبدالله أحمد الخليدي", "الخليدي"], ["المواطن اليمني"],
                          canonical="Abdullah Ahmed al-Khulaidi", country="YEM", sector="CVL"),
        "ent_elias": E("PER", ["الياس الخليدي", "الياس"], canonical="Elias al-Khulaidi", country="YEM",
                       sector="CVL"),
        "ent_houthis": E("ORG", ["الحوثي"], ["ميليشيا الحوثي"], canonical="Houthis", country="YEM", sector="REB"),
        "ent_taiz": E("LOC", ["تعز"], canonical="Taiz", country="YEM"),
        "ent_aden": E("LOC", ["عدن"], canonical="Aden", country="YEM"),
        "ent_isis": E("ORG", ["داعش"], canonical="Islamic State of Iraq and the Levant", qid="Q2429253",
                      sector="REB"),
        "ent_ct_forces": E("ORG", ["قوات مكافحة الإرهاب"], canonical="Counter-Terrorism Forces (Aden)",
                           country="YEM", sector="MIL", optional=True),
        "ent_goldmohur": E("LOC", ["جولدمور"], canonical="Gold Mohur beach", country="YEM"),
        "ent_tawahi": E("LOC", ["التواهي"], canonical="Al Tawahi District", country="YEM"),
        "ent_naqib": E("PER", ["ماجد النقيب"], ["الجندي"], canonical="Majid al-Naqib", country="YEM", sector="MIL"),
        "ent_yemen_gov": E("ORG", ["السلطة الشرعية"], canonical="Government of Yemen", country="YEM", sector="GOV",
                           optional=True),
    },
    "times": [
        ("قبل شهر", 0, "DATE", "2018-01", False),
        ("مساء السبت", 0, "TIME", "2018-02-24TEV", False),
        ("ذلك المساء", 0, "TIME", "2018-02-24TEV", False),
        ("وقتها", 0, "DATE", "2018-02-24", True),
        ("أواخر العام 2014", 0, "DATE", "2014", False),
    ],
    "quotes": [
        Q("indirect", "بحسب", 0, "شقيقة الطفل \"الياس الخليدي\" كانت تصرخ بأعلى صوتها \"أخي مات أخي مات\"، ولم "
          "تعلم وقتها أن أمها أيضا ماتت، وأنها ستلحق بهما مع شقيقها الآخر نظراً لإصابتها الخطيرة", 0, None),
        Q("direct", "تصرخ", 0, "أخي مات أخي مات", 0, None),
        Q("indirect", "بحسب", 1, "هي مثال واحد للجحيم الذي يعيشه اليمنيون منذ انقلاب ميليشيا الحوثي على السلطة "
          "الشرعية أواخر العام 2014، والذي وفر بيئة خصبة لانتشار الإرهاب والتطرف", 0, None),
    ],
    "events": [
        Ev("ASSAULT", ["ent_isis"], ["ent_ct_forces"], "2018-02-24",
           [("العملية الارهابية التي نفذها تنظيم \"داعش\" على مقر قوات مكافحة الإرهاب", 0),
            ("الهجوم الإرهابي بسيارتين مفخختين، يقودهما انتحاريان وعناصر أخرى انغماسية", 0),
            ("كثافة الرصاص بين الجنود والانتحاريين", 0)]),
        # background: Houthi fire in Taiz, the 2014 coup (type doubtful)
        Ev("ASSAULT", ["ent_houthis"], [], None, [("نيران ميليشيا الحوثي في #تعز", 0)], optional=True),
        Ev("COERCE", ["ent_houthis"], ["ent_yemen_gov"], "2014",
           [("انقلاب ميليشيا الحوثي على السلطة الشرعية", 0)], optional=True),
        Ev("AID", ["ent_naqib"], ["ent_elias"], "2018-02-24",
           [("وحاول الجندي ماجد النقيب، وفق الصورة المتداولة، إنقاذ الطفل الياس", 0)], optional=True),
    ],
}

A["FR-internationalNews-2167-20180705"] = {  # Thursday; Zimbabwe's rugby team slept outside its hotel in Béja
    "entities": {
        "ent_ftr": E("ORG", ["الاتحاد التونسي للروغبي", "الاتحاد التونسي"],
                     ["وأشار [الاتحاد]", "في [الاتحاد]", "وأبدى [الاتحاد]"],
                     canonical="Tunisian Rugby Federation", country="TUN"),
        "ent_zim_team": E("ORG", ["منتخب زيمبابوي", "فريق زيمبابوي"],
                          ["منتخبه الوطني", "وفد المنتخب الضيف", "الوفد الزائر", "كامل الوفد", "وفد الزيمبابوي"],
                          canonical="Zimbabwe national rugby union team", country="ZWE"),
        "ent_zru": E("ORG", ["اتحاد زيمبابوي"], canonical="Zimbabwe Rugby Union", country="ZWE"),
        "ent_zimbabwe": E("LOC", ["زيمبابوي"], canonical="Zimbabwe", qid="Q954", country="ZWE"),
        "ent_tun_team": E("ORG", [], ["نظيره التونسي"], canonical="Tunisia national rugby union team",
                          country="TUN", optional=True),
        "ent_tunisia": E("LOC", ["تونس"], canonical="Tunisia", qid="Q948", country="TUN"),
        "ent_beja": E("LOC", ["باجة"], canonical="Béja", country="TUN"),
        "ent_japan": E("LOC", ["اليابان"], canonical="Japan", qid="Q17", country="JPN"),
        "ent_rwc": E("MISC", ["بطولة العالم 2019"], canonical="2019 Rugby World Cup"),
        "ent_qualifiers": E("MISC", ["التصفيات الإفريقية"], canonical="2019 Rugby World Cup – Africa qualification",
                            optional=True),
        "ent_zim_head": E("PER", [], ["رئيس الوفد الزائر", "رئيس الوفد"], canonical="head of the Zimbabwe delegation",
                          country="ZWE", optional=True),
        "ent_loc_committee": E("ORG", [], ["لجنة التنظيم"], canonical="organising committee (Tunisian Rugby "
                               "Federation)", country="TUN", optional=True),
    },
    "times": [
        ("الليل", 0, "TIME", "2018-07-02TNI", True),
        ("السبت", 0, "DATE", "2018-07-07", False),
        ("2019", 0, "DATE", "2019", False),
        ("الاثنين", 0, "DATE", "2018-07-02", False),
        ("الساعة الثامنة ليلا", 0, "TIME", "2018-07-02T20:00", False),
        ("الليلة", 0, "TIME", "2018-07-02TNI", True),
        ("اليوم التالي", 0, "DATE", "2018-07-03", False),
        ("الساعة السادسة والنصف صباحا", 0, "TIME", "2018-07-03T06:30", False),
    ],
    "quotes": [
        Q("indirect", "أوضح", 0, "وفد فريق زيمبابوي رفض الإقامة في النزل الذي حجز من أجله احتجاجا على حالته وبعض "
          "النقائص فيه", 0, "ent_ftr"),
        Q("mixed", "أسف", 0, "للتصرف \"غير الرياضي\" من قبل اتحاد زيمبابوي ومنتخبه الوطني للعبة", 0, "ent_ftr",
          optional=True),
        Q("mixed", "وأشار", 0, "بعدما تم \"حل الإشكال\"، نقل \"كامل الوفد إلى مدينة باجة (شمال تونس) عبر حافلة "
          "مكيفة، حيث كان الوصول في الساعة الثامنة ليلا إلى النزل وتم توزيع الغرف على أفراد الفريق ثم تم تناول "
          "العشاء دون أي ملاحظة تذكر", 0, "ent_ftr"),
        Q("mixed", "وأشار", 1, "بعد ذلك، قدم رئيس الوفد الزائر ملاحظات تتعلق بعطل في \"بيت استحمام غرفة واحدة، "
          "وكذلك بعدم توفر مسبح من طرف النزل، وضعف\" في خدمة الإنترنت اللاسلكية، \"مهددا بمغادرة النزل", 0,
          "ent_ftr"),
        Q("mixed", "وأوضح", 0, "بعد تدخل مسؤول لجنة التنظيم وأعضاء في الاتحاد لإقناع الوفد الزائر بتمضية الليلة في "
          "الفندق على أن يتم نقلهم إلى آخر في اليوم التالي، \"رفضوا وأصروا على البقاء خارج النزل، وفي الساعة "
          "السادسة والنصف صباحا تم نقل كامل الوفد\" إلى فندق آخر \"نال استحسانهم، وقد قدم رئيس الوفد اعتذارا "
          "شفهيا لرئيس لجنة التنظيم", 0, "ent_ftr"),
        Q("direct", "مستنكرا", 0, "ما قام به وفد الزيمبابوي من تجاوزات غير رياضية لا تعبر عن العلاقة المتينة بين "
          "الرياضيين والبلدين", 0, "ent_ftr"),
    ],
    "events": [
        Ev("REJECT", ["ent_zim_team"], [], "2018-07-02",
           [("وفد فريق زيمبابوي رفض الإقامة في النزل", 0),
            ("رفضوا وأصروا على البقاء خارج النزل", 0)]),
        Ev("PROTEST", ["ent_zim_team"], [], "2018-07-02",
           [("نوم فريق زيمبابوي في الشارع", 0),
            ("بتمضية الليل نائمين على الأرصفة احتجاجا على حالة الفندق", 0)]),
        Ev("ACCUSE", ["ent_ftr"], ["ent_zru", "ent_zim_team"], None,
           [("أسف الاتحاد التونسي للروغبي للتصرف \"غير الرياضي\" من قبل اتحاد زيمبابوي ومنتخبه الوطني", 0),
            ("مستنكرا \"ما قام به وفد الزيمبابوي من تجاوزات غير رياضية", 0)]),
        Ev("REJECT", ["ent_zim_team"], ["ent_tunisia"], "2018-07-02",
           [("امتناع وفد المنتخب الضيف عن دفع بدل تأشيرة الدخول للبلاد", 0)], optional=True),
        Ev("THREATEN", ["ent_zim_head"], [], "2018-07-02", [("مهددا بمغادرة النزل", 0)], optional=True),
        Ev("REQUEST", ["ent_loc_committee", "ent_ftr"], ["ent_zim_team"], "2018-07-02",
           [("بعد تدخل مسؤول لجنة التنظيم وأعضاء في الاتحاد لإقناع الوفد الزائر", 0)], optional=True),
        # an apology (CAMEO 055; type doubtful)
        Ev("CONCEDE", ["ent_zim_head"], ["ent_loc_committee"], "2018-07-03",
           [("وقد قدم رئيس الوفد اعتذارا شفهيا لرئيس لجنة التنظيم", 0)], optional=True),
    ],
}

A["FR-internationalNews-1828-20180615"] = {  # Friday; Mullah Fazlullah killed by a US strike on Thursday
    "entities": {
        "ent_afg": E("LOC", ["أفغانستان"], canonical="Afghanistan", qid="Q889", country="AFG"),
        "ent_afg_mod": E("ORG", ["وزارة الدفاع الأفغانية", "وزارة الدفاع"],
                         canonical="Ministry of Defense (Afghanistan)", country="AFG", sector="GOV"),
        "ent_ttp": E("ORG", ["طالبان باكستان"], ["الجماعة"], canonical="Tehrik-i-Taliban Pakistan",
                     country="PAK", sector="REB"),
        "ent_fazlullah": E("PER", ["الملا فضل الله", "فضل الله"],
                           ["زعيم طالبان باكستان", "قائدا كبيرا للمتشددين", "الشخص المستهدف",
                            "أكبر متشدد مطلوب"],
                           canonical="Maulana Fazlullah", country="PAK", sector="REB"),
        "ent_us_military": E("ORG", ["الجيش الأمريكي"], canonical="United States Armed Forces", country="USA",
                             sector="MIL"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], canonical="United States", qid="Q30", country="USA"),
        "ent_pakistan": E("LOC", ["باكستان"], canonical="Pakistan", qid="Q843", country="PAK"),
        "ent_kunar": E("LOC", ["كونار"], canonical="Kunar Province", country="AFG"),
        "ent_reuters": E("ORG", ["رويترز"], canonical="Reuters"),
    },
    "times": [
        ("الجمعة", 0, "DATE", "2018-06-15", False),
        ("الخميس", 0, "DATE", "2018-06-14", False),
        ("الخميس", 1, "DATE", "2018-06-14", False),
        ("الجمعة", 1, "DATE", "2018-06-15", False),
        ("الخميس", 2, "DATE", "2018-06-14", False),
        ("2014", 0, "DATE", "2014", False),
        ("حاليا", 0, "DATE", "PRESENT_REF", True),
        ("الجمعة", 2, "DATE", "2018-06-15", False),
        ("مارس/آذار", 0, "DATE", "2018-03", False),
    ],
    "quotes": [
        Q("indirect", "تعلن", 0, "مقتل زعيم طالبان باكستان الملا فضل الله في ضربة أمريكية", 0, "ent_afg_mod",
          optional=True),
        Q("indirect", "قال", 0, "زعيم طالبان باكستان الملا فضل الله، قتل الخميس في ضربة جوية أمريكية في أفغانستان "
          "قرب الحدود بين البلدين", 0, "ent_afg_mod"),
        Q("indirect", "أعلن", 0, "لقي الملا فضل الله، وهو زعيم طالبان باكستان، حتفه الخميس في ضربة جوية أمريكية في "
          "أفغانستان وقرب الحدود مع باكستان", 0, "ent_afg_mod"),
        Q("indirect", "وأكد", 0, "نفذ ضربة جوية استهدفت قائدا كبيرا للمتشددين في إقليم كونار", 0,
          "ent_us_military"),
        Q("indirect", "وصرح", 0, "يعتقد أن الشخص المستهدف هو الملا فضل الله", 0, None),
        Q("indirect", "وقال", 0, "الجماعة تسعى للحصول على معلومات من أفغانستان التي يتمركز فيها حاليا معظم مقاتلي "
          "الجماعة", 0, "ent_ttp", "ent_reuters"),
        Q("indirect", "أعلنت", 0, "مكافأة قدرها خمسة ملايين دولار مقابل الحصول على معلومات عن فضل الله", 0,
          "ent_usa", optional=True),
    ],
    "events": [
        Ev("ASSAULT", ["ent_us_military", "ent_usa"], ["ent_fazlullah"], "2018-06-14",
           [("مقتل زعيم طالبان باكستان الملا فضل الله في ضربة أمريكية", 0),
            ("قتل الخميس في ضربة جوية أمريكية", 0),
            ("حتفه الخميس في ضربة جوية أمريكية", 0),
            ("نفذ ضربة جوية استهدفت قائدا كبيرا للمتشددين", 0)]),
        # background: the attacks he is held responsible for (the 2014 school massacre), the wanted status,
        # the bounty, TTP seeking information
        Ev("ASSAULT", ["ent_fazlullah", "ent_ttp"], [], "2014",
           [("مسؤول عن عدة هجمات من بينها عملية ذهب ضحيتها 132 تلميذا في مدرسة", 0)], optional=True),
        Ev("ACCUSE", ["ent_pakistan"], ["ent_fazlullah"], None, [("أكبر متشدد مطلوب في باكستان", 0)],
           optional=True),
        Ev("ACCUSE", ["ent_usa"], ["ent_fazlullah"], "2018-03",
           [("أعلنت الولايات المتحدة مكافأة قدرها خمسة ملايين دولار", 0)], optional=True),
        Ev("REQUEST", ["ent_ttp"], ["ent_afg"], None, [("الجماعة تسعى للحصول على معلومات من أفغانستان", 0)],
           optional=True),
    ],
}

A["FR-middleEast-704-20180628"] = {  # Thursday; Saudi inquiry into a journalist's "indecent" dress
    "entities": {
        "ent_media_ministry": E("ORG", ["وزارة الإعلام السعودية"], canonical="Ministry of Media (Saudi Arabia)",
                                country="SAU", sector="GOV"),
        "ent_gcam": E("ORG", ["الهيئة العامة للإعلام السمعي والبصري"],
                      canonical="General Commission for Audiovisual Media", country="SAU", sector="GOV"),
        "ent_rifai": E("PER", ["شيرين الرفاعي", "الرفاعي"], ["الصحافية السعودية", "الصحافية", "صحافية"],
                       canonical="Shireen al-Rifaie", country="SAU", sector="MED"),
        "ent_riyadh": E("LOC", ["الرياض"], canonical="Riyadh", country="SAU"),
        "ent_saudi_gov": E("ORG", ["السلطات السعودية"], canonical="Government of Saudi Arabia", country="SAU",
                           sector="GOV", optional=True),
        "ent_saudi": E("LOC", [], ["المملكة"], canonical="Saudi Arabia", qid="Q851", country="SAU"),
        "ent_alaan": E("ORG", ["تلفزيون الآن"], canonical="Alaan TV", sector="MED"),
        "ent_ajel": E("ORG", ["عاجل"], ["وبحسب [الموقع]"], canonical="Ajel (news website)", country="SAU",
                      sector="MED"),
        "ent_france24": E("ORG", ["فرانس24"], canonical="France 24", sector="MED"),
        "ent_afp": E("ORG", ["أ ف ب"], canonical="Agence France-Presse", qid="Q40464", sector="MED"),
    },
    "times": [],
    "quotes": [
        Q("mixed", "أعلنت", 0, "الهيئة العامة للإعلام السمعي والبصري فتحت تحقيقا بحق الصحافية السعودية شيرين "
          "الرفاعي بسبب ارتدائها \"لباسا غير لائق\" أثناء إجرائها لتحقيق صحفي بأحد شوارع الرياض", 0,
          "ent_media_ministry"),
        Q("mixed", "مؤكدة", 0, "كانت ترتدي \"لباسا محتشما\"", 0, "ent_rifai"),
        Q("mixed", "أعلنت", 1, "الهيئة العامة للإعلام السمعي والبصري فتحت تحقيقا بحق الرفاعي بتهمة \"انتهاك القواعد "
          "والتعليمات\" من خلال ارتدائها \"لباسا غير لائق\" أثناء إجرائها التحقيق الصحفي", 0, "ent_media_ministry"),
        Q("mixed", "مؤكدة", 1, "كانت ترتدي \"لباسا محتشما\"", 1, "ent_rifai"),
        Q("indirect", "وبحسب", 0, "غادرت الصحافية المملكة منذ بداية هذا الجدل", 0, "ent_ajel"),
    ],
    "events": [
        # an official inquiry (CAMEO 09x investigate) → ACCUSE
        Ev("ACCUSE", ["ent_gcam", "ent_media_ministry", "ent_saudi_gov"], ["ent_rifai"], None,
           [("وزارة الإعلام السعودية تحقق مع صحافية", 0),
            ("فتحت تحقيقا بحق الصحافية السعودية شيرين الرفاعي", 0),
            ("فتحت السلطات السعودية تحقيقا مع الصحافية السعودية شيرين الرفاعي", 0),
            ("فتحت تحقيقا بحق الرفاعي بتهمة \"انتهاك القواعد والتعليمات\"", 0)]),
        Ev("REJECT", ["ent_rifai"], [], None,
           [("ورفضت الرفاعي هذه الاتهامات", 0), ("ورفضت الرفاعي هذه الاتهامات", 1)]),
        Ev("PROTEST", [], ["ent_rifai"], None,
           [("استنكار على شبكات التواصل الاجتماعي", 0),
            ("وأثارت مشاهد تحقيقها الصحفي سيلا من الاحتجاجات المحافظة جدا", 0)], optional=True),
    ],
}

A["FR-internationalNews-684-20180411"] = {  # Wednesday; Houthi drones and missiles against Saudi Arabia
    "entities": {
        "ent_saudi": E("LOC", ["السعودية"], ["أجواء [المملكة]"], canonical="Saudi Arabia", qid="Q851",
                       country="SAU"),
        "ent_yemen": E("LOC", ["اليمن"], canonical="Yemen", qid="Q805", country="YEM"),
        "ent_coalition": E("ORG", ["تحالف دعم الشرعية في اليمن", "التحالف"],
                           canonical="Saudi-led coalition in Yemen", sector="MIL"),
        "ent_houthis": E("ORG", ["الحوثيون", "الحوثيين"], canonical="Houthis", country="YEM", sector="REB"),
        "ent_riyadh": E("LOC", ["الرياض"], canonical="Riyadh", country="SAU"),
        "ent_maliki": E("PER", ["تركي المالكي", "المالكي"],
                        ["المتحدث الرسمي باسم قوات", "العقيد الركن", "العقيد"], canonical="Turki al-Maliki",
                        country="SAU", sector="MIL"),
        "ent_abha_airport": E("LOC", ["مطار أبها"], canonical="Abha International Airport", country="SAU"),
        "ent_spa": E("ORG", [], ["وكالة الأنباء الرسمية"], canonical="Saudi Press Agency", country="SAU",
                     sector="MED", optional=True),
        "ent_jazan": E("LOC", ["جازان"], canonical="Jizan", country="SAU"),
        "ent_najran": E("LOC", ["نجران"], canonical="Najran", country="SAU"),
        "ent_aramco": E("ORG", ["أرامكو"], ["عملاق النفط السعودي", "باسم [الشركة]"], canonical="Saudi Aramco",
                        country="SAU", sector="BUS"),
        "ent_mali_houthi": E("PER", ["محمد علي الحوثي"], canonical="Mohammed Ali al-Houthi", country="YEM",
                             sector="REB"),
        "ent_france24": E("ORG", ["فرانس24"], canonical="France 24", sector="MED"),
        "ent_afp": E("ORG", ["وكالة الأنباء الفرنسية"], canonical="Agence France-Presse", qid="Q40464",
                     sector="MED"),
        "ent_sammad": E("PER", ["صالح الصماد", "الصماد"], ["رئيس الجناح السياسي للحوثيين", "الرئيس [الصماد]"],
                        canonical="Saleh Ali al-Sammad", country="YEM", sector="REB"),
        "ent_masirah": E("ORG", ["المسيرة"], canonical="Al-Masirah (TV channel)", country="YEM", sector="MED"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-04-11", False),
        ("الأربعاء", 1, "DATE", "2018-04-11", False),
        ("صباح الأربعاء", 0, "TIME", "2018-04-11TMO", False),
        ("في وقت سابق", 0, "DATE", "PAST_REF", True),
        ("الأربعاء", 3, "DATE", "2018-04-11", False),
        ("يومين", 0, "DURATION", "P2D", False),
        ("2018", 0, "DATE", "2018", False),
        ("قبل أيام", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        Q("indirect", "أعلن", 0, "دمرت قوات التحالف بقيادة السعودية الأربعاء طائرتين دون طيار أطلقهما الحوثيون "
          "لاستهداف مطار ومنشأة مدنية", 0, "ent_coalition"),
        Q("indirect", "وأشار", 0, "اعترض ثلاثة صواريخ في أجواء المملكة أحدثها فوق الرياض", 0, "ent_coalition"),
        Q("indirect", "أعلن", 1, "تدمير طائرتين دون طيار أطلقهما الحوثيون باتجاه جنوب السعودية لاستهداف مطار "
          "ومنشأة مدنية، واعتراض ثلاثة صواريخ بالستية في أجواء المملكة أحدها فوق الرياض", 0, "ent_coalition",
          optional=True),
        Q("mixed", "وتضمن", 0, "الدفاعات الجوية لمطار أبها رصدت صباح الأربعاء \"جسما غير معرف\" يتجه للمطار وقامت "
          "بتدميره", 0, "ent_maliki"),
        Q("indirect", "وتابع", 0, "هذا الهجوم تسبب بتوقف حركة الملاحة الجوية في المطار لفترة لم يحددها، قبل أن "
          "تستأنف من جديد", 0, "ent_maliki"),
        Q("direct", "وفقا", 0, "طائرة بدون طيار معادية حوثية بخصائص ومواصفات إيرانية كانت تحاول استهداف المطار", 0,
          "ent_maliki"),
        Q("indirect", "وذكر", 0, "طائرة أخرى دون طيار جرى تدميرها في أجواء جازان بعدما حاولت استهداف منشأة مدنية لم "
          "يحددها", 0, "ent_maliki"),
        Q("indirect", "أعلنوا", 0, "استهداف المطار ومقر شركة \"أرامكو\"، عملاق النفط السعودي، في جازان، بطائرتين من "
          "دون طيار", 0, "ent_houthis", optional=True),
        Q("mixed", "قال", 0, "منشآتها في المنطقة المستهدفة \"تعمل بشكل طبيعي\"", 0, "ent_aramco"),
        Q("indirect", "أفادت", 0, "سمع دوي انفجارات في أجواء الرياض", 0, "ent_afp"),
        Q("indirect", "أكد", 0, "اعتراض ثلاثة صواريخ بالستية فوق الرياض ونجران وجازان", 0, "ent_maliki",
          optional=True),
        Q("mixed", "وحذر", 0, "التحالف سيرد بشكل \"حازم\" عليها", 0, "ent_maliki"),
        Q("mixed", "قول", 0, "2018 سيكون \"عاما بالستيا بامتياز\"", 0, "ent_sammad"),
        Q("mixed", "وأشار", 1, "الهجمات هذه تأتي \"تدشينا للعام البالستي الذي أعلن عنه الرئيس الصماد قبل أيام\"", 0,
          "ent_houthis"),
    ],
    "events": [
        # the Wednesday attacks: two drones (Abha airport, a facility in Jazan) and three ballistic missiles
        Ev("ASSAULT", ["ent_houthis"], ["ent_saudi", "ent_aramco"], "2018-04-11",
           [("ثلاثة صواريخ أطلقت من اليمن", 0),
            ("طائرتين دون طيار أطلقهما الحوثيون لاستهداف مطار ومنشأة مدنية", 0),
            ("طائرتين دون طيار أطلقهما الحوثيون باتجاه جنوب السعودية لاستهداف مطار ومنشأة مدنية", 0),
            ("وتابع أن هذا الهجوم", 0),
            ("وكان الحوثيون أعلنوا في وقت سابق استهداف المطار ومقر شركة \"أرامكو\"", 0),
            ("ووقعت الهجمات", 0)]),
        # shooting the drones and missiles down (type doubtful)
        Ev("ASSAULT", ["ent_coalition"], ["ent_houthis"], "2018-04-11",
           [("دمرت قوات التحالف بقيادة السعودية الأربعاء طائرتين دون طيار", 0)], optional=True),
        Ev("THREATEN", ["ent_maliki", "ent_coalition"], [], "2018-04-11",
           [("وحذر المالكي بعيد هجمات الأربعاء من أن التحالف سيرد بشكل \"حازم\" عليها", 0)]),
        Ev("THREATEN", ["ent_sammad"], [], "2018-04-09",
           [("قول صالح الصماد، رئيس الجناح السياسي للحوثيين، إن 2018 سيكون \"عاما بالستيا بامتياز\"", 0)],
           optional=True),
        Ev("THREATEN", ["ent_mali_houthi"], ["ent_saudi"], None,
           [("وسنستمر في الرد على السعودية", 0)], optional=True),
    ],
}

A["SK-internationalNews-570-20180324"] = {  # Saturday; Tel Aviv rally against the deportation of Africans
    "entities": {
        "ent_telaviv": E("LOC", ["تل أبيب"], canonical="Tel Aviv", country="ISR"),
        "ent_protesters": E("ORG", ["تظاهر [آلاف الأشخاص]", "[الألاف] يتظاهرون"], ["المتظاهرين"],
                            canonical="protesters in Tel Aviv", country="ISR", sector="CVL", optional=True),
        "ent_israel": E("LOC", ["إسرائيل"], ["الدولة العبرية"], canonical="Israel", qid="Q801", country="ISR"),
        "ent_isr_gov": E("ORG", [], ["الحكومة", "السلطات", "وأمهلت [الدولة]"], canonical="Government of Israel",
                         country="ISR", sector="GOV", optional=True),
        "ent_netanyahu": E("PER", ["بنيامين نتانياهو"], ["رئيس الحكومة"], canonical="Benjamin Netanyahu",
                           qid="Q43723", country="ISR", sector="GOV"),
        "ent_supreme_court": E("ORG", ["المحكمة الإسرائيلية العليا", "المحكمة العليا"],
                               canonical="Supreme Court of Israel", country="ISR", sector="JUD"),
        "ent_bennett": E("PER", ["نفتالي بينيت"], ["وزير التربية"], canonical="Naftali Bennett", country="ISR",
                         sector="GOV"),
        "ent_jewish_home": E("ORG", ["البيت اليهودي"], canonical="The Jewish Home", country="ISR", sector="PTY"),
        "ent_twitter": E("ORG", ["تويتر"], canonical="Twitter", qid="Q918"),
        "ent_ngos": E("ORG", ["ونددت [المنظمات]"], canonical="organisations that petitioned the Supreme Court",
                      country="ISR", sector="NGO", optional=True),
        "ent_knesset": E("ORG", [], ["البرلمان"], canonical="Knesset", country="ISR", sector="LEG"),
        "ent_unhcr": E("ORG", ["مفوضية الأمم المتحدة السامية للاجئين"], canonical="United Nations High Commissioner "
                       "for Refugees", sector="IGO"),
        "ent_holocaust": E("MISC", ["محرقة اليهود"], canonical="The Holocaust", optional=True),
        "ent_sudan": E("LOC", ["السودان"], canonical="Sudan", qid="Q1049", country="SDN"),
        "ent_eritrea": E("LOC", ["أريتريا"], canonical="Eritrea", qid="Q986", country="ERI"),
        "ent_aid_orgs": E("ORG", ["منظمات مساعدة المهاجرين"], canonical="migrant aid organisations",
                          country="ISR", sector="NGO", optional=True),
        "ent_uganda": E("LOC", ["أوغندا"], canonical="Uganda", qid="Q1036", country="UGA"),
        "ent_rwanda": E("LOC", ["رواندا"], canonical="Rwanda", qid="Q1037", country="RWA"),
        "ent_interior": E("ORG", ["وزارة الداخلية"], canonical="Ministry of Interior (Israel)", country="ISR",
                          sector="GOV"),
        "ent_sinai": E("LOC", ["شبه جزيرة سيناء"], canonical="Sinai Peninsula", country="EGY"),
    },
    "times": [
        ("مساء السبت", 0, "TIME", "2018-03-24TEV", False),
        ("يناير الماضي", 0, "DATE", "2018-01", False),
        ("الأول من أبريل", 0, "DATE", "2018-04-01", False),
        ("26 مارس", 0, "DATE", "2018-03-26", False),
        ("الأول من أبريل المقبل", 0, "DATE", "2018-04-01", False),
        ("2007", 0, "DATE", "2007", False),
    ],
    "quotes": [
        Q("indirect", "أعلن", 0, "برنامجا لنقل اللاجئين وتخييرهم بين مغادرة الدولة العبرية طوعا بحلول الأول من "
          "أبريل سواء إلى بلادهم أو دولة ثالثة، أو السجن لفترة غير محددة مع الطرد القسري في نهاية الأمر", 0,
          "ent_netanyahu", optional=True),
        Q("indirect", "وقدرت", 0, "عدد المتظاهرين بأكثر من 20 ألف شخص", 0, None, optional=True),
        Q("direct", "وعلق", 0, "على الحكومة عدم الرضوخ للحملة من أجل السماح ببقاء المتسللين غير الشرعيين الباحثين عن "
          "عمل في إسرائيل، وإلا سنصبح وكالة توظيف للعالم أجمع", 0, "ent_bennett"),
        Q("indirect", "ونددت", 0, "بعدم شرعية الاتفاق الذي أعلنته السلطات مع دولة ثالثة", 0, "ent_ngos",
          optional=True),
        Q("indirect", "اعتبرت", 0, "البرلمان وحده مخول التصويت على مثل هذا الاتفاق", 0, "ent_ngos"),
        Q("indirect", "وأشارت", 0, "أوغندا ورواندا", 0, "ent_aid_orgs", optional=True),
        Q("indirect", "وتقول", 0, "42 ألف مهاجر أفريقي يقيمون في إسرائيل نصفهم أي النساء والأطفال غير معنيين بمهلة "
          "الأول من أبريل المقبل", 0, "ent_interior"),
        Q("indirect", "وتقول", 1, "نحو 300 مهاجر غادروا البلاد طوعا منذ قرار الحكومة", 0, "ent_interior"),
    ],
    "events": [
        Ev("PROTEST", ["ent_protesters"], ["ent_isr_gov"], "2018-03-24",
           [("الألاف يتظاهرون في تل أبيب من أجل الأفارقة", 0),
            ("تظاهر آلاف الأشخاص مساء السبت في وسط تل أبيب احتجاجا على خطة للحكومة", 0)]),
        # background: the expulsion plan (announced in January), the court's freeze and deadline, the criticism
        Ev("COERCE", ["ent_netanyahu", "ent_isr_gov"], [], "2018-01",
           [("خطة للحكومة لطرد آلاف الأفارقة", 0),
            ("أعلن في يناير الماضي برنامجا لنقل اللاجئين", 0)], optional=True, fact="future"),
        Ev("REJECT", ["ent_supreme_court"], ["ent_isr_gov"], None,
           [("وقامت المحكمة الإسرائيلية العليا بتجميد الخطة", 0)], optional=True),
        Ev("REQUEST", ["ent_supreme_court"], ["ent_isr_gov"], None,
           [("وأمهلت الدولة حتى 26 مارس لإعطاء مبرر قضائي أكثر تفصيلا", 0)], optional=True),
        Ev("REQUEST", ["ent_bennett"], ["ent_isr_gov"], None,
           [("على الحكومة عدم الرضوخ للحملة", 0)], optional=True),
        Ev("ACCUSE", ["ent_ngos"], ["ent_isr_gov"], None,
           [("ونددت المنظمات التي تقدمت بشكوى أمام المحكمة العليا خصوصا بعدم شرعية الاتفاق", 0)], optional=True),
        Ev("ACCUSE", ["ent_unhcr"], ["ent_isr_gov"], None,
           [("وأثارت خطة الحكومة انتقادات عدة خصوصا من قبل مفوضية الأمم المتحدة السامية للاجئين", 0)],
           optional=True),
        Ev("AGREE", ["ent_isr_gov"], [], None, [("الاتفاق الذي أعلنته السلطات مع دولة ثالثة", 0)], optional=True),
        Ev("REJECT", ["ent_uganda", "ent_rwanda"], [], None, [("إلا أن الدولتين نفتا أي علاقة", 0)],
           optional=True),
    ],
}

A["SK-middleEast-741-20180402"] = {  # Monday; Trump phones Sisi to congratulate him on his re-election
    "entities": {
        "ent_trump": E("PER", ["دونالد ترامب", "ترامب"], ["الرئيس الأميركي", "لنظيره الأميركي"],
                       canonical="Donald Trump", qid="Q22686", country="USA", sector="GOV"),
        "ent_sisi": E("PER", ["عبد الفتاح السيسي", "السيسي"], ["الرئيس المصري"], canonical="Abdel Fattah el-Sisi",
                      country="EGY", sector="GOV"),
        "ent_egypt": E("LOC", ["مصر", "القاهرة"], canonical="Egypt", qid="Q79", country="EGY"),
        "ent_usa": E("LOC", ["الولايات المتحدة"], canonical="United States", qid="Q30", country="USA"),
        "ent_presidency": E("ORG", ["الرئاسة المصرية"], canonical="Presidency of Egypt", country="EGY",
                            sector="GOV"),
        "ent_radi": E("PER", ["بسام راضي"], ["المتحدث الرسمي باسم الرئاسة المصرية"], canonical="Bassam Radi",
                      country="EGY", sector="GOV"),
        "ent_nea": E("ORG", ["الهيئة الوطنية للانتخابات في مصر"], canonical="National Election Authority (Egypt)",
                     country="EGY", sector="GOV"),
        "ent_lashin": E("PER", ["لاشين إبراهيم"], ["رئيس الهيئة"], canonical="Lashin Ibrahim", country="EGY",
                        sector="JUD"),
        "ent_moussa": E("PER", ["موسى مصطفى موسى"], ["منافسه"], canonical="Moussa Mostafa Moussa", country="EGY",
                        sector="PTY"),
    },
    "times": [
        ("الاثنين", 0, "DATE", "2018-04-02", False),
        ("الفترة المقبلة", 0, "DATE", "FUTURE_REF", True),
        ("الاثنين", 1, "DATE", "2018-04-02", False),
        ("26", 0, "DATE", "2018-03-26", False),  # «من 26 حتى 28 مارس الماضي»: both ends of the range
        ("28 مارس الماضي", 0, "DATE", "2018-03-28", False),
    ],
    "quotes": [
        Q("indirect", "وصرح", 0, "ترامب تقدم بخالص تهنئته للسيسي على الفوز في الانتخابات الرئاسية وما أظهرته النتائج "
          "النهائية من ثقة الشعب المصري فيه", 0, "ent_radi"),
        Q("indirect", "أعرب", 0, "أطيب التمنيات لمصر بدوام التقدم والازدهار، وحرص الولايات المتحدة على تعزيز "
          "العلاقات الاستراتيجية التي تربطها بالقاهرة ومواصلة التشاور والتنسيق بين البلدين حول الموضوعات ذات الاهتمام "
          "المشترك", 0, "ent_trump", "ent_sisi", optional=True),
        Q("indirect", "عبر", 0, "خالص الشكر والتقدير لنظيره الأميركي", 0, "ent_sisi", "ent_trump", optional=True),
        Q("indirect", "مؤكداً", 0, "عمق وخصوصية العلاقات المصرية والأميركية، وحرص مصر على مواصلة العمل على تعزيز "
          "التعاون الاستراتيجي القائم بين البلدين خلال الفترة المقبلة، بما يحقق مصالح الشعبين الصديقين", 0,
          "ent_sisi", "ent_trump", optional=True),
        Q("indirect", "أعلنت", 0, "فوز السيسي بفترة رئاسية ثانية", 0, "ent_nea", optional=True),
        Q("indirect", "وقال", 0, "السيسي حصل على 21 مليونا و835 ألفا و387 صوتا، بنسبة 97.08 بالمئة، بينما حصل منافسه "
          "موسى مصطفى موسى على 656 ألفا و534 صوتا، بنسبة 2.92 بالمئة", 0, "ent_lashin"),
    ],
    "events": [
        Ev("CONSULT", ["ent_trump"], ["ent_sisi"], "2018-04-02",
           [("تلقى الرئيس المصري، عبد الفتاح السيسي، الاثنين، اتصالا هاتفيا من الرئيس الأميركي دونالد ترامب", 0)]),
        # congratulations = praise (CAMEO 051)
        Ev("SUPPORT", ["ent_trump"], ["ent_sisi"], "2018-04-02",
           [("ترامب يهنئ السيسي", 0), ("لتهنئته على الفوز في الانتخابات الرئاسية", 0),
            ("ترامب تقدم بخالص تهنئته للسيسي", 0)]),
        Ev("SUPPORT", ["ent_sisi"], ["ent_trump"], "2018-04-02",
           [("عبر الرئيس المصري عن خالص الشكر والتقدير لنظيره الأميركي", 0)], optional=True),
        # the election result (votes as SUPPORT: doubtful)
        Ev("SUPPORT", [], ["ent_sisi"], "2018-03",
           [("فوز السيسي بفترة رئاسية ثانية، في الانتخابات الرئاسية التي جرت من 26 حتى 28 مارس الماضي", 0)],
           optional=True),
    ],
}

A["SK-internationalNews-2213-20180619"] = {  # Tuesday; Spain's new government to move Franco's remains
    "entities": {
        "ent_spain": E("LOC", ["إسبانيا"], canonical="Spain", qid="Q29", country="ESP"),
        "ent_franco": E("PER", ["فرانشيسكو فرانكو", "فرانكو"], ["الديكتاتور السابق", "الديكتاتور", "الجنرال"],
                        canonical="Francisco Franco", qid="Q29179", country="ESP"),
        "ent_es_gov": E("ORG", ["الحكومة الاشتراكية الجديدة"], ["أن [الحكومة] تبحث"], canonical="Government of Spain",
                        country="ESP", sector="GOV", optional=True),
        "ent_madrid": E("LOC", ["مدريد"], canonical="Madrid", qid="Q2807", country="ESP"),
        "ent_calvo": E("PER", ["كارمن كالفو", "كالفو"], ["نائب رئيس الوزراء"], canonical="Carmen Calvo",
                       country="ESP", sector="GOV"),
        "ent_sanchez": E("PER", ["بيدرو سانشيز"], ["رئيس الوزراء الاشتراكي الجديد"], canonical="Pedro Sánchez",
                         country="ESP", sector="GOV"),
        "ent_parliament": E("ORG", ["البرلمان الإسباني"], ["البرلمان"], canonical="Cortes Generales",
                            country="ESP", sector="LEG"),
        "ent_civil_war": E("MISC", ["الحرب الأهلية"], canonical="Spanish Civil War", optional=True),
        "ent_valley": E("LOC", ["وادي الشهداء"], canonical="Valle de los Caídos", country="ESP"),
        "ent_rajoy_gov": E("ORG", ["الحكومة المحافظة السابقة"], canonical="Government of Mariano Rajoy",
                           country="ESP", sector="GOV", optional=True),
        "ent_rajoy": E("PER", ["ماريانو راخوي", "راخوي"], canonical="Mariano Rajoy", country="ESP", sector="GOV"),
        "ent_psoe": E("ORG", ["الحزب الاشتراكي"], canonical="Spanish Socialist Workers' Party", country="ESP",
                      sector="PTY"),
        "ent_puente": E("PER", ["أوسكار بوينتي"], ["المتحدث باسم الحزب الاشتراكي"], canonical="Óscar Puente",
                        country="ESP", sector="PTY"),
        "ent_hitler": E("PER", ["هتلر"], canonical="Adolf Hitler", qid="Q352", country="DEU"),
        "ent_mussolini": E("PER", ["موسيليني"], canonical="Benito Mussolini", qid="Q23559", country="ITA"),
    },
    "times": [
        ("1936", 0, "DATE", "1936", False),
        ("1939", 0, "DATE", "1939", False),
        ("1975", 0, "DATE", "1975", False),
        ("العام الماضي", 0, "DATE", "2017", False),
        ("الأول من يونيو", 0, "DATE", "2018-06-01", False),
        ("1936", 1, "DATE", "1936", False),
        ("1939", 1, "DATE", "1939", False),
    ],
    "quotes": [
        Q("indirect", "وأكد", 0, "وجود اتفاق في البرلمان على نقل الضريح", 0, "ent_calvo", optional=True),
        Q("indirect", "مشيرا", 0, "الحكومة تبحث عن طريقة لتطبيق الاتفاق", 0, "ent_calvo"),
        Q("mixed", "وقال", 0, "الهدف من نقل القبر هو تحويل الموقع إلى \"مكان للمصالحة، وذاكرة لكل الإسبان، وليس "
          "الاعتذار عن الديكتاتورية\"", 0, "ent_puente"),
    ],
    "events": [
        # background: the 2017 vote, Rajoy ignoring it, the no-confidence vote, Franco's coup and foreign backing
        Ev("SUPPORT", ["ent_parliament"], [], "2017",
           [("اقتراح غير ملزم وافق عليه العام الماضي 198 من بين 350 نائبا في البرلمان الإسباني", 0)],
           optional=True),
        Ev("REJECT", ["ent_rajoy_gov", "ent_rajoy"], ["ent_parliament"], None,
           [("لكن الحكومة المحافظة السابقة برئاسة ماريانو راخوي تجاهلت الاقتراح", 0)], optional=True),
        Ev("COERCE", ["ent_sanchez"], ["ent_rajoy"], "2018-06-01",
           [("الذي أطاح راخوي في تصويت بسحب الثقة في الأول من يونيو", 0)], optional=True),
        Ev("ASSAULT", ["ent_franco"], [], "1936",
           [("حين قام بانقلاب عسكري ضد الديمقراطيين والاشتراكيين", 0)], optional=True),
        Ev("AID", ["ent_hitler", "ent_mussolini"], ["ent_franco"], None,
           [("حظي بدعم هتلر وموسيليني", 0)], optional=True),
    ],
}

A["SK-middleEast-2742-20180704"] = {  # Wednesday; Israeli army starts demolishing Khan al-Ahmar
    "entities": {
        "ent_israel": E("LOC", ["إسرائيل"], ["سلطات الاحتلال الإسرائيلية", "قرار [الاحتلال]"], canonical="Israel",
                        qid="Q801", country="ISR"),
        "ent_idf": E("ORG", ["جيش الاحتلال الإسرائيلي", "الجيش الإسرائيلي"],
                     ["قوات الاحتلال الإسرائيلي", "قوات الاحتلال", "جرافات [الاحتلال]", "لمنع [الاحتلال]",
                      "ومعدات [الاحتلال]"],
                     canonical="Israel Defense Forces", country="ISR", sector="MIL"),
        "ent_khan_ahmar": E("LOC", ["الخان الأحمر"], canonical="Khan al-Ahmar", country="PSE"),
        "ent_jerusalem": E("LOC", ["القدس", "مدينة [لقدس]"], canonical="Jerusalem", qid="Q1218"),
        "ent_skynews": E("ORG", ["سكاي نيوز عربية"], canonical="Sky News Arabia", sector="MED"),
        "ent_west_bank": E("LOC", ["الضفة الغربية"], canonical="West Bank", country="PSE"),
        "ent_wafa": E("ORG", ["وفا"], ["وكالة الأنباء الفلسطينية"], canonical="WAFA", country="PSE", sector="MED"),
        "ent_wall_commission": E("ORG", ["هيئة مقاومة الجدار والاستيطان"],
                                 canonical="Colonization and Wall Resistance Commission", country="PSE",
                                 sector="GOV"),
        "ent_assaf": E("PER", ["وليد عساف", "عساف"], ["رئيس هيئة مقاومة الجدار والاستيطان"], canonical="Walid Assaf",
                       country="PSE", sector="GOV"),
        "ent_unhchr": E("ORG", ["مفوض الأمم المتحدة السامي لحقوق الإنسان"],
                        canonical="United Nations High Commissioner for Human Rights", sector="IGO"),
        "ent_throssell": E("PER", ["ليز ثروسيل", "ثروسيل"],
                           ["الناطقة باسم مفوض الأمم المتحدة السامي لحقوق الإنسان"], canonical="Liz Throssell",
                           sector="IGO"),
    },
    "times": [
        ("الأربعاء", 0, "DATE", "2018-07-04", False),
        ("ساعات الفجر الأولى", 0, "TIME", "2018-07-04TMO", True),
        ("مساء الثلاثاء", 0, "TIME", "2018-07-03TEV", False),
        ("فجر الأربعاء", 0, "TIME", "2018-07-04TMO", False),
        ("مؤخرا", 0, "DATE", "PAST_REF", True),
        ("الثلاثاء", 1, "DATE", "2018-07-03", False),
    ],
    "quotes": [
        Q("indirect", "ذكر", 0, "شرع جيش الاحتلال الإسرائيلي بهدم قرية فلسطينية في منطقة الخان الأحمر جنوب شرقي "
          "مدينة لقدس", 0, "ent_skynews"),
        Q("mixed", "ذكرت", 0, "قوات الاحتلال الإسرائيلي، قد سلمت المواطنين في الخان الأحمر، أوامر بإغلاق طرق داخلية "
          "في التجمع، لـ\"أغراض خاصة\"", 0, None),
        Q("indirect", "قوله", 0, "قوات الاحتلال داهمت تجمع الخان الأحمر، مساء الثلاثاء، وسلمت المواطنين أوامر تفيد "
          "بإغلاق طرق داخلية في التجمع", 0, "ent_assaf"),
        Q("indirect", "ودعا", 0, "الفلسطينيين إلى التوجه لمنطقة الخان الأحمر لمنع الاحتلال من هدمه", 0, "ent_assaf",
          optional=True),
        Q("indirect", "قائلا", 0, "جرافات الاحتلال باشرت منذ فجر الأربعاء شق طريق يوصل ما بين الشارع الرئيسي ومنطقة "
          "الخان الأحمر", 0, "ent_assaf"),
        Q("direct", "وأضاف", 0, "الجرافات تمهد الطريق لوصول الآليات الثقيلة ومعدات الاحتلال إلى المنطقة وهدمها، وذلك "
          "بإزالة الحواجز الحديدية الملاصقة للشارع، بعد أن وزعت إخطارا بالهدم مؤخرا", 0, "ent_assaf"),
        Q("indirect", "طالبت", 0, "سلطات الاحتلال الإسرائيلية بعدم المضي قدما في هدم قرية الخان الأحمر، واحترام حقوق "
          "سكان التجمع في البقاء في أرضهم وتسوية أوضاعهم", 0, "ent_throssell", "ent_israel", optional=True),
        Q("mixed", "وأعربت", 0, "\"القلق العميق\" بشأن التقارير عن قرار الاحتلال بهدم التجمع", 0, "ent_throssell",
          optional=True),
        Q("indirect", "مشيرة", 0, "التجمع يشكل مأوى أكثر من 180 شخصا نصفهم من الأطفال", 0, "ent_throssell"),
    ],
    "events": [
        # demolition of property (CAMEO 1712) → COERCE
        Ev("COERCE", ["ent_idf", "ent_israel"], ["ent_khan_ahmar"], "2018-07-04",
           [("إسرائيل تهدم قرية فلسطينية قرب القدس", 0),
            ("شرع جيش الاحتلال الإسرائيلي بهدم قرية فلسطينية في منطقة الخان الأحمر", 0),
            ("جرافات الاحتلال باشرت منذ فجر الأربعاء شق طريق", 0)]),
        Ev("MOBILIZE", ["ent_idf"], [], "2018-07-04",
           [("ودفع الجيش الإسرائيلي بتعزيزات عسكرية كبيرة وجرافات إلى المنطقة", 0)]),
        Ev("COERCE", ["ent_idf"], [], "2018-07-04",
           [("وأعلنها منطقة عسكرية مغلقة، ومنع دخول السكان إليها", 0)]),
        Ev("COERCE", ["ent_idf"], ["ent_khan_ahmar"], "2018-07-03",
           [("قوات الاحتلال داهمت تجمع الخان الأحمر، مساء الثلاثاء", 0),
            ("وسلمت المواطنين أوامر تفيد بإغلاق طرق داخلية في التجمع", 0),
            ("قد سلمت المواطنين في الخان الأحمر، أوامر بإغلاق طرق داخلية في التجمع", 0)]),
        Ev("REQUEST", ["ent_assaf"], [], None,
           [("ودعوات \"للنفير\"", 0),
            ("ودعا عساف الفلسطينيين إلى التوجه لمنطقة الخان الأحمر لمنع الاحتلال من هدمه", 0)]),
        Ev("REQUEST", ["ent_throssell", "ent_unhchr"], ["ent_israel"], "2018-07-03",
           [("طالبت، الثلاثاء، سلطات الاحتلال الإسرائيلية بعدم المضي قدما في هدم قرية الخان الأحمر", 0)]),
        Ev("ACCUSE", ["ent_throssell", "ent_unhchr"], ["ent_israel"], "2018-07-03",
           [("وأعربت ثروسيل عن \"القلق العميق\" بشأن التقارير عن قرار الاحتلال بهدم التجمع", 0)], optional=True),
        # the earlier demolition notice
        Ev("THREATEN", ["ent_idf"], [], None, [("بعد أن وزعت إخطارا بالهدم مؤخرا", 0)], optional=True),
    ],
}


def main() -> None:
    _builder.main(A, OUT)


if __name__ == "__main__":
    main()

