"""Build the issue-6 HELD-OUT set: 5 more ANT v2.1 articles (Apache-2.0), annotated after the extractor had been
tuned on the dev set, and scored once, with no change made to the extractor afterwards.

Unlike the dev set, entities here carry names only (no descriptive coref mentions such as الوزارة), as an NER
stage would give them; speakers named only by a description are still gold-resolved to their entity.

Run: .venv/bin/python bench/quotes_times_heldout.py  (writes tests/data/heldout_quotes_times/*.json)
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_times_devset import ANT, ROOT, build  # noqa: E402

OUT = ROOT / "tests" / "data" / "heldout_quotes_times"
H: dict[str, dict] = {}

H["SK-internationalNews-2551-20180709"] = {
    "entities": {
        "ent_erdogan": ("PER", ["رجب طيب أردوغان", "أردوغان"], []),
        "ent_ertem": ("PER", ["جميل أرتيم"], []),
        "ent_turkey": ("LOC", ["تركيا"], []),
        "ent_cbrt": ("ORG", ["البنك المركزي"], []),
        "ent_twitter": ("ORG", ["تويتر"], []),
    },
    "times": [
        ("الاثنين", 0, "DATE", "2018-07-09", False),
        ("خمس سنوات", 0, "DURATION", "P5Y", False),
        ("في وقت سابق", 0, "DATE", "PAST_REF", True),
        ("اليوم", 0, "DATE", "2018-07-09", False),
        ("خمس سنوات", 1, "DURATION", "P5Y", False),
        ("في وقت لاحق", 0, "DATE", "FUTURE_REF", True),
        ("الليلة", 0, "TIME", "2018-07-09TNI", False),
        ("خمس سنوات", 2, "DURATION", "P5Y", False),
        ("الشهر الماضي", 0, "DATE", "2018-06", False),
        ("عشر سنوات", 0, "DURATION", "P10Y", False),
        ("أبريل", 0, "DATE", "2018-04", False),
        ("يوم السبت الماضي", 0, "DATE", "2018-07-07", False),
    ],
    "quotes": [
        ("indirect", "قال", 0, "الرئيس سيعين محافظا للبنك المركزي مباشرة لمدة خمس سنوات بعد صدور مرسوم بدا أنه أحدث ضبابية بشأن تغيير المحافظ", 0, "ent_ertem", None),
        ("direct", "وقال", 0, "مبادئ ومدد تعيين محافظ البنك المركزي والمسؤولين البارزين على نحو مشابه ستتحدد في مرسوم منفصل سيُنشر في وقت لاحق الليلة", 0, "ent_ertem", None),
        ("direct", "وأضاف", 0, "محافظ البنك المركزي يعينه الرئيس بشكل مباشر لمدة خمس سنوات. هذا أمر مؤكد", 0, "ent_ertem", None),
        ("indirect", "تعهد", 0, "ببسط سيطرة أكبر على البنك المركزي", 0, "ent_erdogan", None),
        ("indirect", "قائلا", 0, "سيعالج ارتفاع أسعار الفائدة والتضخم وعجزا كبيرا في الحساب الجاري", 0, "ent_erdogan", None),
    ],
}

H["AL-internationalNews-996-20180505"] = {
    "entities": {
        "ent_committee": ("ORG", ["لجنة الطوارئ الإشعاعية والأمن النووي", "لجنة الأمن النووي الكويتية"], []),
        "ent_koc": ("ORG", ["شركة نفط الكويت"], []),
        "ent_kuwait": ("LOC", ["الكويت"], []),
        "ent_burgan": ("LOC", ["حقل برقان النفطي", "حقل برقان"], []),
        "ent_moi": ("ORG", ["وزارة الداخلية الكويتية", "وزارة الداخلية"], []),
        "ent_jleeb": ("LOC", ["جليب شيوخ"], []),
    },
    "times": [
        ("الجمعة", 0, "DATE", "2018-05-04", False),
        ("بعد ساعات", 0, "DURATION", "PXH", True),
        ("مساء الجمعة", 0, "TIME", "2018-05-04TEV", False),
    ],
    "quotes": [
        ("indirect", "أعلنت", 0, "فقدان مصدر مشع يستخدم في التصوير الصناعي في حقل برقان النفطي، الواقع جنوب الكويت", 0, "ent_committee", None),
        ("indirect", "ودعت", 0, "بعدم الاقتراب والعبث بأي جسم معدني غريب وإبلاغ هاتف الطوارئ (112) فوراً", 0, "ent_committee", None),
        ("indirect", "أعلنت", 1, "العثور على الجسم المشع، بمساعدة أحد الوافدين العاملين في شركة نفط الكويت، في موقع العمل بحقل برقان", 0, "ent_moi", None),
        ("direct", "وقالت", 0, "تم العثور على جهاز المصدر المشع المفقود في موقع العمل بحقل برقان وكان على حالته محكم الإغلاق", 0, "ent_moi", None),
        ("indirect", "أوضح", 0, "غرفة عمليات وزارة الداخلية تلقت اتصالاً من أحد الوافدين والذي يعمل في شركة نفط الكويت يفيد بعثوره على الجهاز بالقرب من منطقة عمله، حيث تم استلام الجهاز من منطقه جليب شيوخ محل إقامة الوافد", 0, "ent_moi", None),
        ("direct", "وأضافت", 0, "أن الوافد بادر بالاتصال بهاتف الطوارئ عقب قراءته بيان وزارة الداخلية، مؤكداً عدم معرفته بما يحتويه الجهاز، وأنه لم يحاول فتحه أو العبث به", 0, "ent_moi", None),
        ("indirect", "أكدت", 0, "تم عمل مسح شامل للمنطقة بالكامل من قبل فريق التدخل السريع وتبين عدم وجود أي مواد إشعاعية", 0, "ent_moi", None),
    ],
}

H["CN-middleEast-934-20180515"] = {
    "entities": {
        "ent_unsc": ("ORG", ["مجلس الأمن"], []),
        "ent_gaza": ("LOC", ["قطاع غزة", "غزة"], []),
        "ent_iran": ("LOC", ["إيران", "طهران"], []),
        "ent_danon": ("PER", ["داني دانون", "دانون"], []),
        "ent_hamas": ("ORG", ["حركة حماس", "حماس"], []),
        "ent_hezbollah": ("ORG", ["حزب الله"], []),
        "ent_haley": ("PER", ["نيكي هالي", "هالي"], []),
        "ent_usa": ("LOC", ["الولايات المتحدة الأمريكية"], []),
        "ent_mideast": ("LOC", ["الشرق الأوسط"], []),
        "ent_israel": ("LOC", ["إسرائيل"], []),
        "ent_saudi": ("LOC", ["السعودية"], []),
        "ent_yemen": ("LOC", ["اليمن"], []),
        "ent_dubai": ("LOC", ["دبي"], []),
        "ent_uae": ("LOC", ["الإمارات العربية المتحدة"], []),
        "ent_cnn": ("ORG", ["CNN"], []),
        "ent_jerusalem": ("LOC", ["القدس"], []),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-05-15", False),
        ("يوما من الأيام", 0, "DATE", None, True),
        ("الأسبوع الماضي", 0, "DATE", "2018-W19", False),
        ("السنوات الماضية", 0, "DATE", "PAST_REF", False),
        ("حالا", 0, "DATE", "PRESENT_REF", True),
        ("الثلاثاء", 1, "DATE", "2018-05-15", False),
    ],
    "quotes": [
        ("mixed", "قال", 0, "إيران تدعم \"أعمال الشغب\" في قطاع غزة", 0, "ent_danon", None),
        ("indirect", "مضيفا", 0, "هناك مؤشرات تؤكد تمويل إيران لحركة حماس، إضافة إلى رابط بين حماس وحزب الله", 0, "ent_danon", None),
        ("direct", "وتابع", 0, "نعلم أن أعمال الشغب منظمة جدا، وممولة بشكل واسع، ومدارة جيدا من قبل حماس.. لدينا كل المعلومات التي تؤكد ذلك، وأتمنى أن نتمكن يوما من الأيام من الكشف عنها.", 0, "ent_danon", None),
        ("indirect", "قالت", 0, "العنف ينتشر بشكل واسع في الشرق الأوسط، وليس في غزة فحسب، فالأسبوع الماضي، هاجمت إيران أراض إسرائيلية، كما أطلقت قوات موالية لإيران صواريخ باتجاه السعودية من اليمن", 0, "ent_haley", None),
        ("direct", "وتابعت", 0, "حماس المدعومة من قبل إيران استهدفت إسرائيل على مدى السنوات الماضية، وهذا نوع من العنف يجب علينا التطرق إليه حالا في هذه الجلسة.", 0, "ent_haley", None),
    ],
}

H["BB-internationalNews-1169-20181009"] = {
    "entities": {
        "ent_trump": ("PER", ["دونالد ترامب", "ترامب"], []),
        "ent_kavanaugh": ("PER", ["بريت كافانو", "كافانو", "بريت"], []),
        "ent_scotus": ("ORG", ["المحكمة العليا"], []),
        "ent_senate": ("ORG", ["مجلس الشيوخ"], []),
        "ent_ford": ("PER", ["كريستين بلاسي فورد", "فورد"], []),
        "ent_judiciary": ("ORG", ["اللجنة القضائية"], []),
        "ent_whitehouse": ("ORG", ["البيت الأبيض"], []),
        "ent_fbi": ("ORG", ["مكتب التحقيقات الفدرالي"], []),
        "ent_democrats": ("ORG", ["الديمقراطيين"], []),
        "ent_congress": ("ORG", ["الكونغرس"], []),
    },
    "times": [
        ("يوم السبت", 0, "DATE", "2018-10-06", False),
        ("سنوات قادمة", 0, "DATE", "FUTURE_REF", True),
        ("عام 1982", 0, "DATE", "1982", False),
        ("في وقت لاحق", 0, "DATE", None, True),
        ("الأسبوع الماضي", 0, "DATE", "2018-W40", False),
        ("السادس من نوفمبر/تشرين الثاني", 0, "DATE", "2018-11-06", False),
    ],
    "quotes": [
        ("indirect", "ونفى", 0, "مزاعم عدة نساء بتورطه في أي اعتداء جنسي", 0, "ent_kavanaugh", None),
        ("indirect", "وقالت", 0, "كافانو اعتدى عليها جنسياً في حفل منزلي عام 1982 عندما كانا طالبين في المدرسة الثانوية", 0, "ent_ford", None),
        ("mixed", "ووصفها", 0, "شاهد \"مقنع\"", 0, "ent_trump", None),
        ("direct", "قال", 0, "نيابة عن أمتنا، أريد أن أعتذر لبريت ولعائلة كافانو بأكملها عن الألم والمعاناة الرهيبة التي أرغمتم على تحملها.", 0, "ent_trump", None),
        ("direct", "وانتقد", 0, "حملة التدمير السياسي والشخصي التي تقوم على الكذب والخداع", 0, "ent_trump", None),
        ("direct", "مضيفًا", 0, "تحت التدقيق التاريخي فقد ثبت أنه بريء", 0, "ent_trump", None),
        ("mixed", "بحسب", 0, "لم تتمكن فورد من العودة إلى منزلها بسبب تهديدات القتل \"التي لا تنتهي\"", 0, None, None),
        ("indirect", "ويقول", 0, "الديمقراطيين سوف يخسرون في انتخابات الكونغرس التي ستجري في السادس من نوفمبر/تشرين الثاني، والتي ستشكل ما تبقى من فترة رئاسته", 0, "ent_trump", None),
    ],
}

H["FR-internationalNews-1375-20180522"] = {
    "entities": {
        "ent_buffon": ("PER", ["جانلويجي بوفون", "بوفون"], []),
        "ent_psg": ("ORG", ["باريس سان جرمان", "سان جرمان"], []),
        "ent_sky": ("ORG", ["سكاي سبورت"], []),
        "ent_juve": ("ORG", ["يوفنتوس"], []),
        "ent_gazzetta": ("ORG", ["غازيتا ديلو سبورت"], []),
        "ent_milan": ("LOC", ["ميلانو"], []),
        "ent_pirlo": ("PER", ["أندريا بيرلو"], []),
        "ent_tuchel": ("PER", ["توماس توخل"], []),
        "ent_emery": ("PER", ["أوناي أومري"], []),
        "ent_areola": ("PER", ["ألفونس أريولا", "أريولا"], []),
        "ent_khelaifi": ("PER", ["ناصر الخليفي"], []),
        "ent_france": ("LOC", ["فرنسا"], []),
        "ent_italy": ("LOC", ["إيطاليا"], []),
    },
    "times": [
        ("خلال الأسبوع", 0, "DATE", None, True),
        ("خلال أسبوع", 0, "DURATION", "P1W", False),
        ("الجمعة الماضي", 0, "DATE", "2018-05-18", False),
        ("غضون أسبوع", 0, "DURATION", "P1W", False),
        ("40 عاما", 0, "DURATION", "P40Y", True),
        ("الأسبوع الماضي", 0, "DATE", "2018-W20", False),
        ("17 عاما", 0, "DURATION", "P17Y", False),
        ("الاثنين", 0, "DATE", "2018-05-21", False),
        ("أسبوع", 2, "DURATION", "P1W", False),
        ("الجمعة", 1, "DATE", "2018-05-18", False),
        ("سنتين", 0, "DURATION", "P2Y", False),
        ("الأربعين عاما", 0, "DURATION", "P40Y", True),
        ("الأيام القليلة الماضية", 0, "DATE", "PAST_REF", False),
    ],
    "quotes": [
        ("indirect", "صرح", 0, "سيقرر خلال أسبوع بشأن إمكانية انضمامه إلى الفريق الباريسي باريس سان جرمان، بعد مغادرته لفريق يوفنتوس", 0, "ent_buffon", None),
        ("indirect", "وأضاف", 0, "في الأربعين من العمر ولا يمكن اتخاذ قرار متسرع", 0, "ent_buffon", None),
        ("indirect", "أعلن", 0, "سيقرر في غضون أسبوع بشأن انضمامه إلى باريس سان جرمان بطل فرنسا لكرة القدم من عدمه", 0, "ent_buffon", None),
        ("direct", "وقال", 0, "باريس سان جرمان؟ أنا بحاجة إلى أسبوع لكي أكون هادئا وأحلل الموقف. إنه ليس خيارا بسيطا", 0, "ent_buffon", None),
        ("indirect", "وأشارت", 0, "احتمال انضمام بوفون إلى سان جرمان بعقد لسنتين", 0, "ent_gazzetta", None),
        ("direct", "وتابع", 0, "في عمر الأربعين عاما، لا يمكنك اتخاذ قرار متسرع", 0, "ent_buffon", None),
        ("indirect", "أكد", 0, "يريد البقاء الحارس رقم واحد في الفريق", 0, "ent_areola", None),
        ("direct", "قال", 0, "لدينا أريولا، إنه حارسنا الأول", 0, "ent_khelaifi", None),
    ],
}


def main() -> None:
    arts = {}
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in H:
                arts[r["id"]] = r
    OUT.mkdir(parents=True, exist_ok=True)
    for aid, ann in H.items():
        gold = build(arts[aid], ann)
        (OUT / f"{aid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(aid, len(gold["times"]), "times", len(gold["quotes"]), "quotes")


if __name__ == "__main__":
    main()
