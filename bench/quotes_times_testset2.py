"""Build the issue-6 SECOND TEST set: 4 more ANT v2.1 articles (Apache-2.0), annotated after the final fixes and
scored once (names-only entities). It estimates the final extractor on unseen text. Do not tune on these.

Run: .venv/bin/python bench/quotes_times_testset2.py [OUT_DIR]  (writes tests/data/test2_quotes_times/*.json by default)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_times_common import ROOT, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "test2_quotes_times"
T: dict[str, dict] = {}

T["SK-internationalNews-356-20180315"] = {
    "entities": {
        "ent_italy": ("LOC", ["إيطاليا"], []),
        "ent_army": ("ORG", ["الجيش الإيطالي"], []),
        "ent_navy": ("ORG", ["البحرية الإيطالية"], []),
        "ent_adriatic": ("LOC", ["البحر الأدرياتيكي"], []),
    },
    "times": [
        ("ليل أمس الثلاثاء", 0, "TIME", "2018-03-13TNI", False),
        ("الأربعاء", 0, "DATE", "2018-03-14", False),
        ("144 ساعة", 0, "DURATION", "PT144H", False),
        ("حتى اليوم", 0, "DATE", "PRESENT_REF", True),
    ],
    "quotes": [
        ("indirect", "وقال", 0, "القنبلة سيتم تفجيرها في البحر بعد 144 ساعة انتظار، وهي المدة القصوى اللازمة لمعرفة ما إذا كانت القنبلة ستنفجر وحدها إذا ما كان مؤقتها الزمني قد تم تفعيله بالخطأ عند اكتشافها أم لا", 0, None, None),
        ("indirect", "وقال", 1, "البحرية الإيطالية نقلت القنبلة لمنطقة خارج المسارات البحرية", 0, "ent_army", None),
    ],
}

T["FR-internationalNews-1653-20180605"] = {
    "entities": {
        "ent_presidency": ("ORG", ["رئاسة الجمهورية المصرية"], []),
        "ent_radi": ("PER", ["بسام راضي"], []),
        "ent_ismail": ("PER", ["شريف إسماعيل", "إسماعيل"], []),
        "ent_sisi": ("PER", ["عبد الفتاح السيسي", "السيسي"], []),
        "ent_parliament": ("ORG", ["مجلس النواب"], []),
        "ent_egypt": ("LOC", ["مصر"], []),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-06-05", False),
        ("الثلاثاء", 1, "DATE", "2018-06-05", False),
        ("السبت الماضي", 0, "DATE", "2018-06-02", False),
        ("في وقت لاحق", 0, "DATE", None, True),
        ("شباط/فبراير 2017", 0, "DATE", "2017-02", False),
        ("2015", 0, "DATE", "2015", False),
    ],
    "quotes": [
        ("indirect", "أعلن", 0, "رئيس الوزراء شريف إسماعيل قدم استقالة حكومته إلى الرئيس عبد الفتاح السيسي الثلاثاء", 0, "ent_radi", None),
        ("direct", "مضيفا", 0, "الرئيس كلف الحكومة (الحالية) بتسيير الأعمال والاستمرار في أداء مهامها وأعمالها لحين تشكيل حكومة جديدة", 0, "ent_radi", None),
        ("indirect", "أكد", 0, "تقدم رئيس الوزراء المصري شريف إسماعيل باستقالة حكومته الثلاثاء إلى الرئيس عبد الفتاح السيسي", 0, "ent_radi", None),
        ("direct", "قال", 0, "الرئيس كلّف الحكومة (الحالية) بتسيير الأعمال والاستمرار في أداء مهامها وأعمالها لحين تشكيل حكومة جديدة", 0, "ent_radi", None),
    ],
}

T["AL-internationalNews-926-20180416"] = {
    "entities": {
        "ent_turkey": ("LOC", ["تركيا", "أنقرة"], []),
        "ent_macron": ("PER", ["إيمانويل ماكرون", "ماكرون"], []),
        "ent_russia": ("LOC", ["روسيا", "موسكو"], []),
        "ent_syria": ("LOC", ["سوريا"], []),
        "ent_cavusoglu": ("PER", ["مولود تشاوش أوغلو"], []),
        "ent_nato": ("ORG", ["الحلف الأطلسي"], []),
        "ent_stoltenberg": ("PER", ["ينس ستولتنبرغ"], []),
        "ent_afp": ("ORG", ["فرانس برس"], []),
        "ent_usa": ("LOC", ["الولايات المتحدة الأميركية"], []),
        "ent_uk": ("LOC", ["بريطانيا"], []),
        "ent_assad": ("PER", ["الأسد"], []),
        "ent_ghouta": ("LOC", ["الغوطة الشرقية"], []),
    },
    "times": [
        ("الاثنين", 0, "DATE", "2018-04-16", False),
        ("ليل الجمعة", 0, "TIME", "2018-04-13TNI", False),
        ("السبت", 0, "DATE", "2018-04-14", False),
        ("سابقا", 0, "DATE", "PAST_REF", False),
    ],
    "quotes": [
        ("direct", "تركيا", 0, "علاقتنا بروسيا أقوى من أن يكسرها ماكرون", 0, "ent_turkey", None),
        ("indirect", "أكدت", 0, "تصريحات الرئيس الفرنسي إيمانويل #ماكرون لا يمكن أن تؤدي إلى قطيعة بينها وبين #روسيا", 0, "ent_turkey", None),
        ("indirect", "إعلان", 0, "الضربات الجوية على #سوريا ليل الجمعة السبت تسببت بتباين بين أنقرة وموسكو حول هذا الملف", 0, "ent_macron", None),
        ("direct", "وقال", 0, "يمكننا أن نفكر بشكل مختلف لكن (علاقاتنا مع روسيا) ليست ضعيفة إلى درجة يمكن للرئيس الفرنسي أن يقطعها", 0, "ent_cavusoglu", None),
        ("direct", "وأضاف", 0, "لدينا علاقات قوية مع روسيا", 0, "ent_cavusoglu", None),
        ("indirect", "صرّح", 0, "الضربة العسكرية التي وجّهتها بلاده مع الولايات المتحدة الأميركية وبريطانيا نحو مواقع الأسد، تمكّنت من إبعاد تركيا عن روسيا", 0, "ent_macron", None),
        ("indirect", "وأوضح", 0, "تركيا استنكرت منذ البدء استخدام السلاح الكيمياوي في الغوطة الشرقية", 0, "ent_macron", None),
    ],
}

T["CN-internationalNews-323-20180507"] = {
    "entities": {
        "ent_dubai": ("LOC", ["دبي"], []),
        "ent_uae": ("LOC", ["الإمارات العربية المتحدة"], []),
        "ent_cnn": ("ORG", ["CNN"], []),
        "ent_cavusoglu": ("PER", ["مولود جاويش أوغلو", "جاويش أوغلو"], []),
        "ent_sarkozy": ("PER", ["ساركوزي"], []),
        "ent_valls": ("PER", ["مانويل فالس"], []),
        "ent_anadolu": ("ORG", ["الأناضول"], []),
        "ent_parisien": ("ORG", ["لو باريزين"], []),
        "ent_europe": ("LOC", ["أوروبا"], []),
    },
    "times": [
        ("أبريل/نيسان الماضي", 0, "DATE", "2018-04", False),
    ],
    "quotes": [
        ("direct", "أوغلو", 0, "بعض الوقحين يطالبون بـ\"حذف\" آيات من القرآن", 0, "ent_cavusoglu", None),
        ("mixed", "واصفا", 0, "هذه الشخصيات بـ\"الوقحين\"", 0, "ent_cavusoglu", None),
        ("indirect", "ومؤكدا", 0, "الكتاب المقدس للمسلمين ليس لعبة", 0, "ent_cavusoglu", None),
        ("direct", "وقال", 0, "بعض الوقحين بينهم (الرئيس الفرنسي الأسبق نيكولا) ساركوزي دعوا إلى حذف بعض آيات القرآن الكريم", 0, "ent_cavusoglu", None),
        ("direct", "وأضاف", 0, "هل كتابنا المقدس مثل لعبة تركيب الصور المقطعة؟", 0, "ent_cavusoglu", None),
        ("direct", "وتابع", 0, "المطالبين بحذف الآيات يزعمون أنها تعادي اليهود", 0, "ent_cavusoglu", None),
        ("direct", "قائلا", 0, "أنتم من اضطهد اليهود على مر التاريخ، على عكس الإمبراطورية العثمانية والجمهورية التركية التي كانت ملجأ لليهود", 0, "ent_cavusoglu", None),
        ("direct", "وأضاف", 1, "نحن ضد اضطهاد الدولة الإسرائيلية للفلسطينيين ولسنا ضد اليهود، فنحن نحترم جميع المعتقدات", 0, "ent_cavusoglu", None),
        ("direct", "واعتبر", 0, "المستوى الذي وصل إليه هؤلاء في العنصرية ومعاداة الإسلام مؤشر على التعصب الفكري", 0, "ent_cavusoglu", None),
        ("direct", "وقال", 1, "كلما تحدث هؤلاء بخطاب التعصب والكراهية، تتعرض المساجد في أوروبا للاعتداءات", 0, "ent_cavusoglu", None),
        ("indirect", "طالبت", 0, "بـ\"حذف\" آيات من القرآن", 0, None, None),
        ("indirect", "زعموا", 0, "\"تحث على قتل ومعاقبة اليهود والمسيحيين والملحدين\"", 0, None, None),
    ],
}


def main() -> None:
    write_set(T, OUT)


if __name__ == "__main__":
    main()
