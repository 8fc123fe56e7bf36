"""Build the issue-6 dev set (khabar/1 gold JSON) from hand annotations of 7 ANT v2.1 articles (Apache-2.0).

Annotations below were written by reading each article, before the extractor was run on it. Spans are given
as exact snippets (with an occurrence index where a snippet repeats) and resolved to offsets here.
Conventions follow shared/seed/gold.json: indirect content starts after إن/أن (+pronoun) and runs to the end
of the clause; direct content is inside the marks; scare quotes and relative-clause verbs are not quotes;
unnamed sources (دبلوماسيون، تقارير، بيان) have speaker null; ages are optional DURATIONs.

Run: .venv/bin/python bench/quotes_times_devset.py  (writes tests/data/dev_quotes_times/*.json)
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = Path("/work/shared/data/news/ant-v2.1-multisource.jsonl.gz")
OUT = ROOT / "tests" / "data" / "dev_quotes_times"

# entity id -> (type, [surface forms]) ; coref forms after "|"
A: dict[str, dict] = {}

A["SK-sport-1196-20180516"] = {
    "entities": {
        "ent_torres": ("PER", ["فيرناندو توريس", "توريس"], []),
        "ent_atletico": ("ORG", ["أتلتيكو مدريد", "أتلتيكو"], []),
        "ent_marseille": ("ORG", ["أولمبيك مرسيليا", "مرسيليا"], []),
        "ent_payet": ("PER", ["ديميتري باييت", "باييت"], ["لاعب وستهام الإنجليزي سابقا", "اللاعب الفرنسي الدولي"]),
        "ent_westham": ("ORG", ["وستهام"], []),
        "ent_lyon": ("LOC", ["ليون"], []),
        "ent_liverpool": ("ORG", ["ليفربول"], []),
        "ent_chelsea": ("ORG", ["تشلسي"], []),
        "ent_milan": ("ORG", ["ميلان"], []),
        "ent_guingamp": ("ORG", ["غينغان"], []),
        "ent_spain": ("LOC", ["إسبانيا"], []),
        "ent_england": ("LOC", ["إنجلترا"], []),
        "ent_madrid": ("LOC", ["مدريد"], []),
        "ent_europa_league": ("MISC", ["الدوري الأوروبي"], []),
        "ent_ucl": ("MISC", ["دوري أبطال أوروبا"], []),
    },
    "times": [
        ("10 أعوام", 0, "DURATION", "P10Y", False),
        ("34 عاما", 0, "DURATION", "P34Y", True),
        ("الأربعاء", 0, "DATE", "2018-05-16", False),
        ("قبل أسابيع", 0, "DATE", "PAST_REF", False),
        ("2000-2001", 0, "DATE", None, True),
        ("عام 2002", 0, "DATE", "2002", False),
        ("عام 2007", 0, "DATE", "2007", False),
        ("عام 2015", 0, "DATE", "2015", False),
        ("عام 2012", 0, "DATE", "2012", False),
        ("عام 2013", 0, "DATE", "2013", False),
        ("عام 2012", 1, "DATE", "2012", False),
        ("عامي 2008", 0, "DATE", "2008", False),
        ("2012", 2, "DATE", "2012", False),
        ("2010", 0, "DATE", "2010", True),
        ("عام 1993", 0, "DATE", "1993", False),
        ("الثلاثاء", 0, "DATE", "2018-05-15", False),
        ("مؤخرا", 0, "DATE", "PAST_REF", False),
        ("31 عاما", 0, "DURATION", "P31Y", True),
        ("الجمعة", 0, "DATE", "2018-05-11", False),
    ],
    "quotes": [
        ("indirect", "أعلن", 0, "الموسم الجاري سيكون الأخير له في العاصمة الإسبانية", 0, "ent_torres", None),
        ("indirect", "أكد", 0, "جاهز لخوض النهائي، رغم مخاوف بشأن إصابة عضلية تعرض لها مؤخرا", 0, "ent_payet", None),
        ("direct", "وقال", 0, "أنا أفضل كثيرا. أعتقد أنني سأكون جاهزا (للقاء أتلتيكو مدريد)", 0, "ent_payet", None),
        ("direct", "قال", 0, "لديهم خبرة كبيرة، لكننا درسناهم جيدا وسنتمكن من التصدي لهم. ربما لن نتمكن من تقديم كرة جميلة لكن المهم أن نسجل أكثر منهم", 0, "ent_payet", None),
    ],
}

A["FR-internationalNews-11-20180218"] = {
    "entities": {
        "ent_uk": ("LOC", ["بريطانيا"], []),
        "ent_usa": ("LOC", ["الولايات المتحدة"], []),
        "ent_france": ("LOC", ["فرنسا"], []),
        "ent_unsc": ("ORG", ["مجلس الأمن الدولي"], []),
        "ent_iran": ("LOC", ["إيران", "طهران"], []),
        "ent_houthis": ("ORG", ["جماعة الحوثيين", "جماعة الحوثي", "الحوثيين"], []),
        "ent_yemen": ("LOC", ["اليمن"], []),
        "ent_un": ("ORG", ["الأمم المتحدة"], []),
        "ent_russia": ("LOC", ["روسيا"], []),
        "ent_china": ("LOC", ["الصين"], []),
        "ent_trump": ("PER", ["دونالد ترامب"], []),
        "ent_haley": ("PER", ["نيكي هيلي"], []),
        "ent_nyt": ("ORG", ["نيويورك تايمز"], []),
        "ent_saudi": ("LOC", ["السعودية"], []),
        "ent_mideast": ("LOC", ["الشرق الأوسط"], []),
    },
    "times": [
        ("عام 2015", 0, "DATE", "2015", False),
        ("يوم السبت", 0, "DATE", "2018-02-17", False),
        ("عام آخر", 0, "DURATION", "P1Y", True),
        ("يوم الجمعة", 0, "DATE", "2018-02-16", False),
        ("26 فبراير/ شباط", 0, "DATE", "2018-02-26", False),
        ("منذ شهور", 0, "DURATION", "PXM", True),
        ("عام 2015", 1, "DATE", "2015", False),
        ("يوم السبت", 1, "DATE", "2018-02-17", False),
        ("2015", 2, "DATE", "2015", False),
    ],
    "quotes": [
        ("indirect", "وتنفي", 0, "تزويدها لجماعة الحوثيين بالأسلحة في الحرب الأهلية اليمنية التي اندلعت عام 2015", 0, "ent_iran", None),
        ("indirect", "قالت", 0, "بريطانيا والولايات المتحدة وفرنسا تريد أن يدين مجلس الأمن الدولي إيران لتقاعسها عن منع وصول صواريخها الباليستية إلى جماعة الحوثي باليمن والالتزام باتخاذ إجراء بشأن انتهاك العقوبات", 0, None, None),
        ("mixed", "وقال", 0, "مسودة قرار تجديد عقوبات الأمم المتحدة على اليمن لعام آخر ستسمح أيضا للمجلس المؤلف من 15 عضوا بفرض عقوبات ضد \"أي نشاط له صلة باستخدام الصواريخ الباليستية في اليمن\"", 0, None, None),
        ("indirect", "وأفاد", 0, "بريطانيا أعدت مسودة القرار بالتشاور مع الولايات المتحدة وفرنسا قبل طرحها على المجلس بكامل أعضائه يوم الجمعة", 0, None, None),
        ("direct", "وقالت", 0, "منذ التوقيع على الاتفاق النووي زاد دعم النظام الإيراني للميليشيات الخطيرة وجماعات الإرهاب بشكل ملحوظ. وبدأت صواريخها وأسلحتها المتطورة تظهر في مناطق الحرب في كل أنحاء الشرق الأوسط", 0, "ent_haley", None),
        ("indirect", "وتنفي", 1, "تزويد الحوثيين بأسلحة", 0, "ent_iran", None),
    ],
}

A["BB-internationalNews-495-20180512"] = {
    "entities": {
        "ent_india": ("LOC", ["الهند"], []),
        "ent_sagar": ("LOC", ["ساجار"], []),
        "ent_mp": ("LOC", ["ماديا براديش"], []),
        "ent_jharkhand": ("LOC", ["جهارخاند"], []),
        "ent_police": ("ORG", ["الشرطة"], []),
        "ent_bbc": ("ORG", ["بي بي سي"], []),
        "ent_biswas": ("PER", ["سوتيك بيسواس"], []),
        "ent_ravi": ("PER", ["رافي تشادار"], []),
        "ent_jugarpur": ("LOC", ["جوجاربر"], []),
        "ent_kashmir": ("LOC", ["كشمير"], []),
        "ent_bjp": ("ORG", ["حزب بهاراتيا جاناتا الهندوسي الحاكم", "حزب بهاراتيا جاناتا"], []),
        "ent_delhi": ("LOC", ["دلهي"], []),
    },
    "times": [
        ("خلال أسبوع", 0, "DURATION", "P1W", False),
        ("خلال أسبوع", 1, "DURATION", "P1W", False),
        ("16 عاما", 0, "DURATION", "P16Y", True),
        ("الأيام القليلة الماضية", 0, "DATE", "PAST_REF", False),
        ("17 عاما", 0, "DURATION", "P17Y", True),
        ("16 عاما", 1, "DURATION", "P16Y", True),
        ("مؤخرا", 0, "DATE", "PAST_REF", False),
        ("ثماني سنوات", 0, "DURATION", "P8Y", True),
        ("يناير/كانون الثاني", 0, "DATE", "2018-01", False),
        ("أبريل/نيسان", 0, "DATE", "2018-04", False),
        ("16 عاما", 2, "DURATION", "P16Y", True),
        ("عام 2012", 0, "DATE", "2012", False),
        ("مؤخرا", 1, "DATE", "PAST_REF", False),
    ],
    "quotes": [
        ("indirect", "وقالت", 0, "الفتاة قتلت بعدما أخبرت الشخص الذي اعتدى عليها أنها ستخبر أسرتها بشأن اغتصابها", 0, "ent_police", None),
        ("indirect", "وقالت", 1, "المتهم قام بذلك بعدما رفضت الزواج منه", 0, None, None),
        ("indirect", "وقالت", 2, "اعتقلت مشتبها به يدعى رافي تشادار", 0, "ent_police", None),
        ("direct", "وقال", 0, "الاغتصاب يستخدم على نطاق واسع كأداة لبسط الهيمنة وترويع الضعفاء في الهند", 0, "ent_biswas", None),
    ],
}

A["AL-internationalNews-1183-20180515"] = {
    "entities": {
        "ent_mothers": ("ORG", ["رابطة أمهات المختطفين اليمنيين", "رابطة أمهات المختطفين", "أمهات المختطفين"], ["الرابطة", "الأمهات"]),
        "ent_ohchr": ("ORG", ["المفوضية السامية لحقوق الإنسان", "مفوضية حقوق الإنسان"], []),
        "ent_sanaa": ("LOC", ["صنعاء"], []),
        "ent_un": ("ORG", ["الأمم المتحدة"], []),
        "ent_houthis": ("ORG", ["ميليشيات الحوثي", "الحوثيين"], []),
    },
    "times": [
        ("الثلاثاء", 0, "DATE", "2018-05-15", False),
        ("شهر رمضان", 0, "DATE", "2018-05", False),
        ("رمضان الرابع", 0, "DATE", None, True),
        ("أربعة أعوام", 0, "DURATION", "P4Y", False),
        ("شهر الصيام", 0, "DATE", None, True),
        ("سبتمبر/أيلول 2014", 0, "DATE", "2014-09", False),
        ("مؤخراً", 0, "DATE", "PAST_REF", False),
    ],
    "quotes": [
        ("indirect", "طالبت", 0, "الضغط على الحوثيين للإفراج عن المختطفين، قبل حلول شهر رمضان", 0, "ent_mothers", None),
        ("indirect", "قلن", 0, "هدية للمنظمات التي لم تنقذ أبنائهن", 0, "ent_mothers", None),
        ("direct", "وقال", 0, "رمضان الرابع على التوالي يأتي والمئات من فلذات أكبادهن المختطفين والمخفيين قسراً لا يزالون يتألمون خلف قضبان السجون، قلوبهم وقلوب أمهاتهم وذويهم ينتظرون أن تجمعهم مائدة إفطار واحدة، وأكفهم يجمعها دعاء واحد", 0, None, None),
        ("direct", "وناشدت", 0, "الضمائر الحية ونخوة وشهامة اليمنيين بأن يرحموا قلوب أمهات أنهكها الانتظار الطويل", 0, "ent_mothers", None),
        ("direct", "وطالبت", 0, "كل أحرار العالم بمساندة قضية المختطفين العادلة، حتى ينالوا حريتهم الكاملة دون قيد أو شرط", 0, "ent_mothers", None),
        ("direct", "واستغربت", 0, "الضمير الإنساني الذي يقبل أن يظلم ويضطهد إنسان بريء على مدى أربعة أعوام دون مسوغات قانونية، تعرض خلالها لكافة أشكال التعذيب الجسدي والنفسي، وحرمانه من أبسط حقوقه من منع أهله عن زيارته أو إدخال الطعام والشراب والأدوية له؟ خاصة في شهر الصيام!", 0, "ent_mothers", None),
        ("mixed", "أوضح", 0, "هناك 5000 مختطف في سجون الحوثيين، يتعرضون لانتهاكات غير قانونية وطرق تعذيب وصفتها بـ\"الوحشية\"", 0, "ent_mothers", None),
        ("indirect", "وأشار", 0, "وفاة أكثر 115 مختطف تحت التعذيب وتصفية آخرين داخل سجون ميليشيات الحوثي الانقلابية", 0, "ent_mothers", None),
    ],
}

A["CN-middleEast-1323-20180908"] = {
    "entities": {
        "ent_idlib": ("LOC", ["محافظة إدلب", "إدلب"], []),
        "ent_russia": ("LOC", ["روسيا"], []),
        "ent_turkey": ("LOC", ["تركيا"], []),
        "ent_iran": ("LOC", ["إيران"], []),
        "ent_syria": ("LOC", ["سوريا"], []),
        "ent_wh": ("ORG", ["منظمة الخوذ البيضاء", "الخوذ البيضاء"], ["المنظمة"]),
        "ent_sohr": ("ORG", ["المرصد السوري لحقوق الإنسان"], ["المرصد"]),
        "ent_tehran": ("LOC", ["طهران"], []),
        "ent_kdpi": ("ORG", ["الحزب الديمقراطي الكردستاني الإيراني"], ["الحزب"]),
        "ent_kdp": ("ORG", ["الحزب الديمقراطي الكردستاني"], []),
        "ent_barzani": ("PER", ["مسعود بارزاني"], []),
        "ent_hajj_org": ("ORG", ["مؤسسة الحج والزيارة الإيرانية"], []),
        "ent_vahidi": ("PER", ["حميد وحيدي"], []),
        "ent_saudi": ("LOC", ["المملكة العربية السعودية"], []),
        "ent_irna": ("ORG", ["وكالة الأنباء الإيرانية", "إرنا"], []),
        "ent_koya": ("LOC", ["كوي سنجق"], []),
        "ent_gargash": ("PER", ["أنور قرقاش"], []),
        "ent_un": ("ORG", ["الأمم المتحدة"], []),
        "ent_yemen": ("LOC", ["اليمن"], []),
        "ent_houthis": ("ORG", ["جماعة الحوثي", "الحوثيين"], []),
        "ent_yamani": ("PER", ["خالد اليماني"], []),
        "ent_griffiths": ("PER", ["مارتن غريفث"], []),
        "ent_atlanta": ("LOC", ["أتلانتا"], []),
        "ent_usa": ("LOC", ["الولايات المتحدة الأمريكية"], []),
        "ent_cnn": ("ORG", ["CNN"], []),
        "ent_twitter": ("ORG", ["تويتر"], []),
    },
    "times": [
        ("السبت", 0, "DATE", "2018-09-08", False),
        ("السبت", 1, "DATE", "2018-09-08", False),
        ("الجمعة", 0, "DATE", "2018-09-07", False),
        ("السبت", 2, "DATE", "2018-09-08", False),
        ("بعد يوم", 0, "DURATION", "P1D", True),
        ("بعد يوم", 1, "DURATION", "P1D", True),
        ("بعد يوم", 2, "DURATION", "P1D", True),
    ],
    "quotes": [
        ("indirect", "ذكرته", 0, "تعرضت محافظة إدلب لقصف جوي من قبل مقاتلات روسية، السبت، وذلك بعد يوم من فشل روسيا وتركيا وإيران بالتوصل إلى هدنة في المحافظة الواقعة شمال سوريا", 0, "ent_wh", None),
        ("indirect", "وأشارت", 0, "المحافظة التي تعد أحد آخر معاقل فصائل المعارضة المسلحة في سوريا، تعرضت لقصف جوي شنته مقاتلات روسية على المحافظة الواقعة شمال سوريا", 0, "ent_wh", None),
        ("indirect", "قالت", 0, "القصف أسفر عن مقتل 4 أشخاص وإصابة 5 آخرين", 0, "ent_wh", None),
        ("indirect", "بذكر", 0, "المحافظة تعرضت لقصف جوي السبت، بعد يوم من قمة طهران", 0, "ent_sohr", None),
        ("indirect", "أبدى", 0, "استعداد بلاده لإرسال من يرغب بأداء مناسك العمرة إلى المملكة العربية السعودية، في حال ضمان أمن وسلامة الحجاج من قبل السلطات السعودية", 0, "ent_vahidi", None),
        ("indirect", "وفقا", 2, "لقي 12 شخصا على الأقل مصرعهم وجرح 50 آخرون في \"قصف صاروخي\" استهدف مقر الحزب الديمقراطي الكردستاني الإيراني، في مدينة كوي سنجق", 0, "ent_kdpi", None),
        ("indirect", "قال", 0, "اجتماع السلام الذي تقوده الأمم المتحدة في اليمن، يظهر حقيقة من هم جماعة الحوثي", 0, "ent_gargash", None),
        ("indirect", "قال", 1, "التصريحات التي أدلى بها المبعوث الأممي لليمن، مارتن غريفث، تبرر مواقف الانقلابين الحوثيين", 0, "ent_yamani", None),
    ],
}

A["BB-sport-160-20180518"] = {
    "entities": {
        "ent_ultras": ("ORG", ["ألتراس أهلاوي"], ["رابطة مشجعي النادي الأهلي", "الرابطة"]),
        "ent_ahly": ("ORG", ["النادي الأهلي"], []),
        "ent_facebook": ("ORG", ["فيسبوك"], []),
        "ent_khatib": ("PER", ["إيهاب الخطيب"], []),
        "ent_watan": ("ORG", ["جريدة الوطن المصرية"], []),
        "ent_ali": ("PER", ["علي جمال الدين"], []),
        "ent_bbc": ("ORG", ["بي بي سي"], []),
        "ent_cairo": ("LOC", ["القاهرة"], []),
        "ent_court": ("ORG", ["محكمة القاهرة للأمور المستعجلة"], []),
        "ent_solidarity": ("ORG", ["وزارة التضامن"], []),
        "ent_youth": ("ORG", ["وزارة الشباب"], []),
    },
    "times": [
        ("مايو/آيار عام 2015", 0, "DATE", "2015-05", False),
    ],
    "quotes": [
        ("mixed", "أعلنت", 0, "حل المجموعة رسمياً، وذلك من أجل \"عدم استغلال أعضائها بشكل سيء، واستمرارهم في دعم الدولة\"", 0, "ent_ultras", None),
        ("indirect", "وأكدت", 0, "حل الرابطة بشكل رسمي", 0, "ent_ultras", None),
        ("indirect", "وتوقع", 0, "يكون هذا الإجراء مقدمة لعودة جماهير كرة القدم للملاعب المصرية بعد فترة انقطاع طالت أكثر من خمس", 0, None, None),
        ("direct", "وقال", 0, "قيام الرابطة بحرق علمها يعني أنها حلت نفسها ولن تعود مرة أخرى", 0, "ent_khatib", None),
        ("direct", "وأضاف", 0, "بعد هذا القرار أتوقع أن الجماهير المصرية ستعود إلى المدرجات مع بداية الموسم الجديد، ويمكن لأعضاء الرابطة التواجد في الملاعب لكن كجمهور عادي", 0, "ent_khatib", "ent_ali"),
        ("indirect", "وأشارت", 0, "مساندتها للدولة وأن قرارها جاء حرصا على مستقبل أعضائها وتجنبا لوقوعها تحت وطأة الاستغلال السيء", 0, "ent_ultras", None),
        ("direct", "وقالت", 0, "لذلك قررنا من أجل الحفاظ على مستقبل الجميع حتي لا يستغلنا أحد استغلالا سيئا حل جروب ألتراس أهلاوي نهائياً", 0, "ent_ultras", None),
    ],
}

A["BB-economy-23-20180131"] = {
    "entities": {
        "ent_vw": ("ORG", ["شركة فولكسفاغن", "فولكسفاغن"], ["الشركة الألمانية", "الشركة"]),
        "ent_mueller": ("PER", ["ماتياس مولر", "مولر"], []),
        "ent_spiegel": ("ORG", ["شبيغل أونلاين"], []),
        "ent_stieg": ("PER", ["توماس ستيغ", "ستيغ"], []),
        "ent_nm": ("LOC", ["نيو مكسيكو"], []),
        "ent_eugt": ("ORG", ["إي يو جي تي EUGT", "إي يو جي تي"], []),
        "ent_bmw": ("ORG", ["بي إم دابليو"], []),
        "ent_daimler": ("ORG", ["دايملر"], []),
        "ent_mercedes": ("ORG", ["مرسيدس بنز"], []),
        "ent_nyt": ("ORG", ["نيويورك تايمز"], []),
        "ent_usa": ("LOC", ["الولايات المتحدة"], []),
        "ent_stz": ("ORG", ["شتوتغارتر تسايتونج"], []),
        "ent_swr": ("ORG", ["إس دبليو أر"], []),
        "ent_germany": ("LOC", ["ألمانيا"], []),
        "ent_german_gov": ("ORG", ["الحكومة الألمانية"], []),
        "ent_schmidt": ("PER", ["أوليفر شميت"], []),
    },
    "times": [
        ("عام 2014", 0, "DATE", "2014", False),
        ("حاليا", 0, "DATE", "PRESENT_REF", False),
        ("الأسبوع الماضي", 0, "DATE", "2018-W04", False),
        ("عام 2015", 0, "DATE", "2015", False),
        ("الشهر الماضي", 0, "DATE", "2017-12", False),
        ("سبع سنوات", 0, "DURATION", "P7Y", False),
    ],
    "quotes": [
        ("indirect", "أعلنت", 0, "تتحمل المسؤولية عن إجراء اختبارات عوادم وقود الديزل على بشر وقردة", 0, "ent_vw", None),
        ("mixed", "وقال", 0, "الشركة \"تحملت العواقب الأولى\" للاختبارات", 0, "ent_mueller", None),
        ("mixed", "وأضاف", 0, "إجراء تجارب على الحيوانات كان أمرا \"خاطئا...غير أخلاقي ومثير للاشمئزاز\"", 0, "ent_mueller", None),
        ("direct", "وقال", 1, "ما حدث لا يجب أن يحدث أبدا، وأنا آسف له كثيرا، وأتحمل المسؤولية الكاملة عنه", 0, "ent_stieg", None),
        ("indirect", "ذكرت", 0, "مؤسسة إي يو جي تي استخدمت 10 قرود في التجربة وعرضتهم للعوادم المنبعثة من عدة سيارات في غرفة محكمة الغلق", 0, "ent_nyt", None),
        ("direct", "قال", 0, "الأساليب التي استخدمتها إي يو جي تي في الولايات المتحدة كانت خاطئة، وغير أخلاقية ومثيرة للاشمئزاز، وأنا آسف لأن فولكسفاغن كانت متورطة في هذه المسألة كأحد الرعاة للمشروع", 0, "ent_mueller", None),
        ("indirect", "وذكرت", 0, "19 رجلا وست نساء استنشقوا عوادم الديزل فى تجربة أخرى أجرتها المؤسسة", 0, "ent_stz", None),
        ("indirect", "ودعت", 0, "اجتماع مع صانعى السيارات للبحث عن تفسير للتجارب التى أدانها سياسيون وناشطون فى مجال حقوق الحيوان", 0, "ent_german_gov", None),
        ("mixed", "واعترفت", 0, "بوجود أجهزة \"غش\" في الولايات المتحدة جعلت محركاتها تبدو أقل تلويثا مما كانت عليه في الواقع", 0, "ent_vw", None),
        ("indirect", "اعترف", 0, "ساعد الشركة على التهرب من قوانين الهواء النقي", 0, "ent_schmidt", None),
    ],
}

_PREFIX = "وفبلك"


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``form`` (a clitic و ف ب ل ك, or لل for ال-words, may precede it)."""
    out = []
    for m in re.finditer(re.escape(form), text):
        a, b = m.start(), m.end()
        after_ok = b >= len(text) or not text[b].isalpha()
        j = a
        while j > 0 and text[j - 1] in _PREFIX and a - j < 2:
            j -= 1
        before_ok = j == 0 or not text[j - 1].isalpha()
        if after_ok and before_ok:
            out.append((a, b))
    if form.startswith("ال"):  # للرئيس / للمجلس: the article's alef is dropped after ل
        for m in re.finditer(r"(?<![^\W\d_])[وف]?لل" + re.escape(form[2:]) + r"(?![^\W\d_])", text):
            a = m.start() + m.group().index("لل") + 1
            out.append((a, m.end()))
    return out


def _nth(text: str, snippet: str, n: int) -> tuple[int, int]:
    """The n-th occurrence of ``snippet``; any run of white space (NBSP included) matches a space."""
    rx = r"\s+".join(re.escape(part) for part in snippet.split(" "))
    occ = [(m.start(), m.end()) for m in re.finditer(rx, text)]
    if n >= len(occ):
        raise ValueError(f"snippet {snippet!r} #{n} not found")
    return occ[n]


def _word_nth(text: str, word: str, n: int, exact: bool = False) -> tuple[int, int]:
    if word[0].isdigit():
        occ = [(m.start(), m.end()) for m in re.finditer(r"(?<!\d)" + re.escape(word) + r"(?!\d)", text)]
        return occ[n]
    clitic = "" if exact else r"(?:[وفبلك]{1,2}(?=" + re.escape(word[0]) + r"))?"
    rx = r"(?<![^\W\d_])" + clitic + r"(" + re.escape(word) + r")(?![^\W\d_])"
    occ = [(m.start(1), m.end(1)) for m in re.finditer(rx, text)]
    if n >= len(occ):
        raise ValueError(f"{word!r} #{n} not found ({len(occ)} found)")
    return occ[n]


def build(art: dict, ann: dict) -> dict:
    text = art["title"] + "\n" + art["text"]
    ents = []
    taken_by: dict[str, list[tuple[int, int]]] = {"m": [], "c": []}
    # longest forms first across all entities so nested names do not double-count
    all_forms = sorted(
        ((f, eid, kind) for eid, (_, forms, coref) in ann["entities"].items()
         for kind, fl in (("m", forms), ("c", coref)) for f in fl),
        key=lambda x: -len(x[0]),
    )
    spans: dict[str, dict[str, list]] = {eid: {"m": [], "c": []} for eid in ann["entities"]}
    for form, eid, kind in all_forms:
        taken = taken_by[kind]
        for a, b in _occurrences(text, form):
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            taken.append((a, b))
            spans[eid][kind].append({"start": a, "end": b, "text": text[a:b]})
    for eid, (etype, _, _) in ann["entities"].items():
        e = {"id": eid, "type": etype, "mentions": sorted(spans[eid]["m"], key=lambda s: s["start"])}
        if spans[eid]["c"]:
            e["coref_mentions"] = sorted(spans[eid]["c"], key=lambda s: s["start"])
        if not e["mentions"] and not spans[eid]["c"]:
            raise ValueError(f"{eid}: no mention found")
        ents.append(e)
    times = []
    for snip, n, ttype, val, optional in ann["times"]:
        a, b = _word_nth(text, snip, n) if not snip.isdigit() else _nth_year(text, snip, n)
        t = {"start": a, "end": b, "text": text[a:b], "type": ttype, "value": val}
        if optional:
            t["optional"] = True
        times.append(t)
    quotes = []
    for qtype, cue, cn, content, qn, spk, addr in ann["quotes"]:
        ca, cb = _word_nth(text, cue, cn, exact=True)
        a, b = _nth(text, content, qn)
        quotes.append({
            "type": qtype, "speaker": spk, "addressee": addr,
            "cue": {"start": ca, "end": cb, "text": text[ca:cb]},
            "content": {"start": a, "end": b, "text": text[a:b]},
        })
    return {
        "format": "khabar/1",
        "id": art["id"],
        "text": text,
        "meta": {"title": art["title"], "source": art["source"], "url": art.get("url"),
                 "published": art["published"][:10], "language": "ar", "licence": "Apache-2.0 (ANT v2.1)"},
        "entities": ents,
        "times": sorted(times, key=lambda t: t["start"]),
        "quotes": sorted(quotes, key=lambda q: q["content"]["start"]),
    }


def _nth_year(text: str, y: str, n: int) -> tuple[int, int]:
    occ = [(m.start(), m.end()) for m in re.finditer(r"(?<!\d)" + y + r"(?!\d)", text)]
    return occ[n]


def main() -> None:
    want = set(A)
    arts = {}
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in want:
                arts[r["id"]] = r
    OUT.mkdir(parents=True, exist_ok=True)
    for aid, ann in A.items():
        gold = build(arts[aid], ann)
        (OUT / f"{aid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(aid, len(gold["times"]), "times", len(gold["quotes"]), "quotes")


if __name__ == "__main__":
    main()
