"""Build the issue-6 THIRD TEST set: 5 more ANT v2.1 articles (Apache-2.0, one per source: AL, BB, CN, FR, SK),
hand-annotated by reading the articles BEFORE the extractor was run on them, then scored once (first run kept in
bench/quotes_times_test3_firstrun.txt) before the speaker-attribution round of issue 6 (second helper).

Conventions as in the other sets (names-only entities; a speaker named only by a description such as الحكومة or
خدمة الإسعاف is still gold-resolved to its entity; unnamed sources — شهود عيان، مسؤول، مصادر، السلطات — have speaker
null; nested reports are annotated as quotes of their own; a direct quote inside an indirect one is annotated too).
Entity forms written ``context[word]`` add only the bracketed word where it occurs in that context (used for
السعودية, which is also an adjective in this text: وسائل الإعلام السعودية).

Run: .venv/bin/python bench/quotes_times_testset3.py [OUT_DIR]  (writes tests/data/test3_quotes_times/*.json by default)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_times_common import ROOT, build_in_context, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "test3_quotes_times"
T: dict[str, dict] = {}

T["AL-internationalNews-588-20180323"] = {
    "entities": {
        "ent_dailymail": ("ORG", ["ديلي ميل"], []),
        "ent_france": ("LOC", ["فرنسا"], []),
        "ent_syria": ("LOC", ["سوريا"], []),
        "ent_alarabiya": ("ORG", ["العربية نت"], []),
        "ent_treb": ("LOC", ["تريب"], []),
        "ent_paris": ("LOC", ["باريس"], []),
    },
    "times": [
        ("اليوم الجمعة", 0, "DATE", "2018-03-23", False),
        ("الساعة 11:15 صباحاً", 0, "TIME", "2018-03-23T11:15", False),
        ("الثلاثينيات من عمره", 0, "DURATION", None, True),
        ("العام 2015", 0, "DATE", "2015", False),
    ],
    "quotes": [
        ("direct", "صرخ", 0, "سوف أقتلكم جميعاً وأثأر لسوريا", 0, None, None),
        ("indirect", "قالت", 0, "منفذ الهجوم الذي استهدف سوبر ماركت جنوب فرنسا اليوم الجمعة كان يصرخ مردداً لحظة تنفيذ الهجوم كلمة (الله أكبر الله أكبر)", 0, "ent_dailymail", None),
        ("indirect", "وأضافت", 0, "المهاجم كان يصرخ: (الله أكبر الله أكبر.. سوف أقتلكم جميعاً وسوف أثأر لسوريا", 0, "ent_dailymail", None),
        ("direct", "يصرخ", 1, "الله أكبر الله أكبر.. سوف أقتلكم جميعاً وسوف أثأر لسوريا", 0, None, None),
        ("indirect", "أكدت", 0, "مقتل شخصين في الهجوم", 0, None, None),
        ("indirect", "وقال", 0, "المهاجم يبدو شاباً في الثلاثينيات من عمره", 0, None, None),
        ("indirect", "قالت", 1, "طالب الشرطة بإطلاق سراح الداعشي الذي نفذ هجوماً دموياً في #باريس في العام 2015 من أجل أن يخلي سبيل الرهائن الذين احتجزهم في المحل التجاري", 0, None, None),
        ("indirect", "طالب", 0, "بإطلاق سراح الداعشي الذي نفذ هجوماً دموياً في #باريس في العام 2015 من أجل أن يخلي سبيل الرهائن الذين احتجزهم في المحل التجاري", 0, None, None),
        ("indirect", "أكدت", 1, "أغلب المتسوقين والعاملين في المتجر تمكنوا من الفرار بعد بدء الهجوم، وأنه لم يتمكن من احتجاز سوى عدد قليل ممن كانوا هناك", 0, "ent_dailymail", None),
    ],
}

T["BB-middleEast-1130-20181019"] = {
    "entities": {
        "ent_khashoggi": ("PER", ["جمال خاشقجي", "خاشقجي"], []),
        "ent_prosecutor": ("ORG", ["النائب العام السعودي", "النائب العام", "النيابة العامة", "النيابة السعودية"], []),
        "ent_saudi": ("LOC", ["ينتقد [السعودية]", "ونفت [السعودية]"], []),
        "ent_istanbul": ("LOC", ["اسطنبول", "إسطنبول"], []),
        "ent_ekhbariya": ("ORG", ["قناة الإخبارية السعودية"], []),
        "ent_spa": ("ORG", ["وكالة الأنباء السعودية"], []),
        "ent_salman": ("PER", ["سلمان بن عبد العزيز", "سلمان بن العزيز"], []),
        "ent_asiri": ("PER", ["أحمد عسيري"], []),
        "ent_qahtani": ("PER", ["سعود القحطان"], []),
        "ent_mbs": ("PER", ["محمد بن سلمان"], []),
        "ent_erdogan": ("PER", ["رجب طيب إردوغان"], []),
        "ent_tr_presidency": ("ORG", ["الرئاسة التركية"], []),
        "ent_tr_police": ("ORG", ["الشرطة التركية"], []),
    },
    "times": [
        ("2 أكتوبر/ تشرين الأول", 0, "DATE", "2018-10-02", False),
        ("حتى الآن", 0, "DATE", "PRESENT_REF", True),
        ("في وقت سابق", 0, "DATE", "PAST_REF", True),
    ],
    "quotes": [
        ("indirect", "تؤكد", 0, "وفاة الصحفي في شجار بالأيدي في القنصلية", 0, "ent_prosecutor", None),
        ("indirect", "أكدت", 0, "وفاته في قنصلية بلاده في اسطنبول", 0, "ent_prosecutor", None),
        ("direct", "قوله", 0, "المناقشات التي تمت بين المواطن جمال خاشقجي وبين الأشخاص الذين قابلوه أثناء تواجده في قنصلية المملكة في إسطنبول أدت إلى حدوث شجار واشتباك بالأيدي مما أدى إلى وفاته", 0, "ent_prosecutor", None),
        ("indirect", "ونفت", 0, "التعرض له او قتله", 0, "ent_saudi", None),
        ("indirect", "وقالت", 0, "غادر المبنى دون أذى", 0, "ent_saudi", None),
        ("direct", "وأوضح", 0, "النيابة العامة تؤكد أن تحقيقاتها في هذه القضية مستمرة مع الموقوفين على ذمة القضية والبالغ عددهم حتى الآن ( 18 ) شخصاً جميعهم من الجنسية السعودية، تمهيداً للوصول إلى كافة الحقائق وإعلانها، ومحاسبة جميع المتورطين في هذه القضية وتقديمهم للعدالة", 0, "ent_prosecutor", None),
        ("indirect", "تؤكد", 1, "تحقيقاتها في هذه القضية مستمرة مع الموقوفين على ذمة القضية والبالغ عددهم حتى الآن ( 18 ) شخصاً جميعهم من الجنسية السعودية، تمهيداً للوصول إلى كافة الحقائق وإعلانها، ومحاسبة جميع المتورطين في هذه القضية وتقديمهم للعدالة", 0, "ent_prosecutor", None),
        ("direct", "وقالت", 1, "اللجنة ستضم في عضويتها وزيري الداخلية والخارجية ورئيس الديون الملكي ورئيس جهازي المخابرات العامة وأمن الدولة وشخصيات أخرى", 0, "ent_spa", None),
        ("indirect", "قالت", 0, "وتبادل الاثنان المعلومات واتفقا على مواصلة التعاون في التحقيق", 0, None, None),
        ("indirect", "وقال", 0, "من الممكن أن يكون قد تم التخلص من الجثة في غابة قريبة أو في أراض زراعية", 0, None, None),
    ],
}

T["CN-middleEast-261-20180313"] = {
    "entities": {
        "ent_russia": ("LOC", ["روسيا"], []),
        "ent_syria": ("LOC", ["سوريا"], []),
        "ent_tr_army": ("ORG", ["الجيش التركي"], []),
        "ent_afrin": ("LOC", ["عفرين"], []),
        "ent_dubai": ("LOC", ["دبي"], []),
        "ent_uae": ("LOC", ["الإمارات العربية المتحدة"], []),
        "ent_cnn": ("ORG", ["CNN"], []),
        "ent_ru_staff": ("ORG", ["هيئة الأركان العامة الروسية"], []),
        "ent_gerasimov": ("PER", ["فاليري غيراسيموف"], []),
        "ent_ghouta": ("LOC", ["الغوطة الشرقية", "غوطة دمشق"], []),
        "ent_sputnik": ("ORG", ["سبوتنيك"], []),
        "ent_sohr": ("ORG", ["المرصد السوري لحقوق الإنسان"], []),
        "ent_tr_staff": ("ORG", ["رئاسة الأركان التركية", "الأركان التركية"], []),
        "ent_anadolu": ("ORG", ["وكالة الأناضول"], []),
        "ent_olive": ("MISC", ["غصن الزيتون"], []),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-03-13", False),
        ("حاليا", 0, "DATE", "PRESENT_REF", False),
        ("ست ساعات", 0, "DURATION", "PT6H", False),
        ("18 فبراير/ شباط الماضي", 0, "DATE", "2018-02-18", False),
        ("12 مارس الجاري", 0, "DATE", "2018-03-12", False),
        ("الآن", 0, "DATE", "PRESENT_REF", False),
    ],
    "quotes": [
        ("indirect", "تتوعد", 0, "بالرد في حال تعرض جنودها في سوريا للخطر", 0, "ent_russia", None),
        ("indirect", "قال", 0, "بلاده سترد في حال تعرض جنودها في سوريا للخطر", 0, "ent_gerasimov", None),
        ("indirect", "أكد", 0, "الوضع في الغوطة الشرقية يميل حاليا للاستقرار رغم محاولات خرق الهدنة من وقت لآخر", 0, "ent_gerasimov", None),
        ("indirect", "قال", 1, "غوطة دمشق تشهد هدوءا منذ نحو ست ساعات", 0, "ent_sohr", None),
        ("indirect", "وأفاد", 0, "مجموع المدنيين الذين قتلوا في الغوطة الشرقية منذ 18 فبراير/ شباط الماضي ارتفع إلى 1181 شخصا بينهم 244 طفلا، و164 سيدة", 0, "ent_sohr", None),
        ("indirect", "أعلنت", 0, "المدينة مخاصرة منذ 12 مارس الجاري ضمن عملية غصن الزيتون", 0, "ent_tr_staff", None),
        ("indirect", "وذكرت", 0, "تمت السيطرة على مناطق ذات أهمية بالغة", 0, "ent_anadolu", None),
        ("direct", "مشيرة", 0, "تحييد 3393 إرهابيا منذ بدء العملية، مع اتخاذ التدابير الضرورية لضمان عدم إلحاق الأذى بالمدنيين من أهل المنطقة", 0, "ent_tr_staff", None),
        ("indirect", "قال", 2, "القوات التركية تسيطر الآن على أكثر من 60 في المائة من مساحة المدينة، كما تمكنت من الوصول إلى مشارفها من الجهتين الشمالية والشرقية", 0, "ent_sohr", None),
    ],
}

T["FR-internationalNews-1209-20180512"] = {
    "entities": {
        "ent_israel": ("LOC", ["إسرائيل"], []),
        "ent_kerem": ("LOC", ["كرم أبو سالم"], []),
        "ent_gaza": ("LOC", ["قطاع غزة"], []),
        "ent_idf": ("ORG", ["الجيش الإسرائيلي", "الجيش الاسرائيلي"], []),
        "ent_jerusalem": ("LOC", ["القدس"], []),
        "ent_egypt": ("LOC", ["مصر"], []),
        "ent_rafah": ("LOC", ["رفح"], []),
        "ent_hamas": ("ORG", ["حركة حماس"], []),
        "ent_telaviv": ("LOC", ["تل أبيب"], []),
    },
    "times": [
        ("الأحد", 0, "DATE", "2018-05-13", False),
        ("أربعة أيام", 0, "DURATION", "P4D", False),
        ("السبت", 0, "DATE", "2018-05-12", False),
        ("الأحد", 1, "DATE", "2018-05-13", False),
        ("الجمعة", 0, "DATE", "2018-05-11", False),
        ("عشر سنوات", 0, "DURATION", "P10Y", False),
        ("السبت", 1, "DATE", "2018-05-12", False),
        ("أربعة أيام", 1, "DURATION", "P4D", False),
        ("30 آذار/مارس", 0, "DATE", "2018-03-30", False),
        ("يوم الجمعة", 0, "DATE", None, True),
        ("1948", 0, "DATE", "1948", False),
        ("حتى الآن", 0, "DATE", "PRESENT_REF", True),
        ("الاثنين", 0, "DATE", "2018-05-14", False),
        ("الثلاثاء", 0, "DATE", "2018-05-15", False),
    ],
    "quotes": [
        ("mixed", "أعلن", 0, "إغلاق معبر كرم أبو سالم الحدودي مع قطاع غزة ابتداء من الأحد و\"حتى إشعار آخر\" نتيجة تعرضه لأضرار كبيرة", 0, "ent_idf", None),
        ("indirect", "أعلنت", 0, "فتح معبر رفح استثنائيا لمدة أربعة أيام", 0, "ent_egypt", None),
        ("indirect", "أعلنت", 1, "إغلاق معبر كرم أبو سالم، وهو المعبر الوحيد المفتوح لمرور البضائع إلى قطاع غزة ابتداء من الأحد حتى إشعار آخر، نتيجة تعرضه لأضرار كبيرة خلال تظاهرات الفلسطينيين الجمعة", 0, "ent_israel", None),
        ("mixed", "وقال", 0, "إقفال المعبر تقرر نتيجة \"الأضرار والحرائق التي تسبب بها على هذا المعبر عشرات المشاغبين بإشراف حركة حماس\"", 0, "ent_idf", None),
        ("mixed", "وأضاف", 0, "\"نقطة العبور ستبقى مقفلة حتى إصلاح الأضرار\" التي وقعت", 0, "ent_idf", None),
        ("indirect", "موضحا", 0, "الأضرار التي طاولت المعبر تجعله غير قابل للاستخدام لإدخال المواد الغذائية إلى القطاع", 0, "ent_idf", None),
    ],
}

T["SK-internationalNews-3007-20180814"] = {
    "entities": {
        "ent_genoa": ("LOC", ["جنوى"], []),
        "ent_gov": ("ORG", ["الحكومة"], []),
        "ent_skytg24": ("ORG", ["سكاي تي جي 24"], []),
        "ent_morandi": ("LOC", ["جسر موراندي"], []),
        "ent_ambulance": ("ORG", ["خدمة الإسعاف الإيطالية"], []),
        "ent_toninelli": ("PER", ["دانيلو تونينلي"], []),
        "ent_twitter": ("ORG", ["تويتر"], []),
        "ent_fire": ("ORG", ["خدمة الإطفاء"], []),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-08-14", False),
        ("الساعة 11:30 صباحا", 0, "TIME", "2018-08-14T11:30", False),
        ("09:30", 0, "TIME", "2018-08-14T09:30", True),
        ("ستينيات القرن الماضي", 0, "DATE", "196", False),
        ("عام 2016", 0, "DATE", "2016", False),
    ],
    "quotes": [
        ("indirect", "أعلنت", 0, "قتل وأصيب عشرات الأشخاص في انهيار جسر يمثل جزءا من طريق سريع في مدينة جنوى الإيطالية، الثلاثاء", 0, None, None),
        ("indirect", "وقال", 0, "30 شخصا على الأقل قضوا جراء انهيار الجسر، مع استمرار عمليات الإنقاذ", 0, None, None),
        ("mixed", "قالت", 0, "تخشى من \"مأساة كارثية\"", 0, "ent_gov", None),
        ("indirect", "وقالت", 0, "قسما بطول 200 متر من جسر موراندي انهار فوق منطقة صناعية", 0, "ent_skytg24", None),
        ("indirect", "قولها", 0, "عشرات القتلى يتواجدون تحت أنقاض الجسر الذي سقط على عدد من المنازل", 0, "ent_ambulance", None),
        ("direct", "وقال", 1, "أتابع بقلق شديد ما يحدث في جنوى، الذي يبدو أنه مأساة كبيرة", 0, "ent_toninelli", None),
        ("indirect", "وأشارت", 0, "الجسر انهار في حوالي الساعة 11:30 صباحا بالتوقيت المحلي (09:30 بتوقيت غرينتش) أثناء هطول أمطار غزيرة", 0, "ent_fire", None),
        ("direct", "يصرخ", 0, "يا إلهي، يا إلهي", 0, None, None),
    ],
}

def main() -> None:
    write_set(T, OUT, build_in_context)


if __name__ == "__main__":
    main()
