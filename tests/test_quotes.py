"""Behaviour of the ``quotes`` stage, with a fake upstream (entities given by hand or from gold files)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from khabar.document import Document, Entity, Span
from khabar.extract.quotes import extract_quotes, quotes_stage
from khabar.paths import SEED_DIR

SEED = SEED_DIR
DEV = Path(__file__).parent / "data" / "dev_quotes_times"


def doc_with(text: str, names: dict[str, tuple[str, list[str]]]) -> Document:
    """A document whose entities are every occurrence of the given names (a stand-in for NER + KB)."""
    doc = Document(text=text)
    for eid, (etype, forms) in names.items():
        spans: list[Span] = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), text):
                if not any(s.start < m.end() and m.start() < s.end for s in spans):
                    spans.append(Span(m.start(), m.end(), form))
        doc.entities.append(Entity(eid, etype, mentions=sorted(spans, key=lambda s: s.start)))
    quotes_stage(doc)
    assert not doc.check_offsets()
    return doc


PEOPLE = {
    "ent_a": ("PER", ["سامي عادل", "عادل"]),
    "ent_b": ("PER", ["ليلى حسن", "حسن"]),
    "ent_min": ("ORG", ["وزارة الصحة"]),
}


def one(text: str) -> tuple[str, str | None, str | None, str]:
    doc = doc_with(text, PEOPLE)
    assert len(doc.quotes) == 1, doc.quotes
    q = doc.quotes[0]
    return q.type, q.speaker, q.addressee, q.content.text or ""


def test_verb_subject_indirect() -> None:
    assert one("وقال سامي عادل إن الوضع مستقر.") == ("indirect", "ent_a", None, "الوضع مستقر")


def test_subject_verb_and_inflections() -> None:
    assert one("وزارة الصحة أكدت أن اللقاح آمن.")[1] == "ent_min"
    assert one("وأوضحت وزارة الصحة بأن اللقاح آمن.")[1] == "ent_min"
    assert one("ويقول عادل إنهم سيعودون قريبا.")[3] == "سيعودون قريبا"


def test_pronoun_and_dropped_subject_take_the_last_speaker() -> None:
    doc = doc_with("وقال عادل إن الطرق مغلقة. بيد انه قال ان الحل قريب. وأضاف أن الناس صابرون.", PEOPLE)
    assert [q.speaker for q in doc.quotes] == ["ent_a", "ent_a", "ent_a"]


def test_direct_quote_styles_and_addressee() -> None:
    for open_, close in (('"', '"'), ("«", "»"), ("“", "”"), ('" ', ' "')):
        t, spk, addr, content = one(f"وقال عادل لليلى حسن: {open_}سنعمل معا حتى النهاية{close}.")
        assert (t, spk, addr, content) == ("direct", "ent_a", "ent_b", "سنعمل معا حتى النهاية")


def test_quote_after_content_and_multi_sentence() -> None:
    t, spk, _, content = one('"لن نتراجع. سنواصل العمل حتى تحقيق الهدف"، قالت ليلى حسن.')
    assert (t, spk) == ("direct", "ent_b") and content.startswith("لن نتراجع.")


def test_unbalanced_mark_and_scare_quote() -> None:
    assert one('وقال عادل: "سنعمل معا حتى النهاية مهما كلف الأمر')[0] == "direct"
    doc = doc_with('ما تسميه الحكومة "الخط الأحمر" ليس واضحا.', PEOPLE)
    assert doc.quotes == []


def test_mixed_and_unnamed_sources() -> None:
    assert one('وقال عادل إن الحكومة تواجه "أزمة حقيقية" الآن.')[0] == "mixed"
    assert one("وقال دبلوماسيون إن المفاوضات توقفت.")[1] is None


def test_title_then_name_and_nested_report() -> None:
    doc = doc_with(
        "قال المتحدث باسم وزارة الصحة سامي عادل إن الرئيسة ليلى حسن أبلغت الوزراء أن الخطة جاهزة.", PEOPLE
    )
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker == "ent_a" and doc.quotes[0].content.text == "الخطة جاهزة"


def test_hostile_input() -> None:
    for bad in ("", "\x00\x01", "hello world", '"' * 5000, "قال " * 5000, "«" * 300 + "قال عادل إن"):
        extract_quotes(Document(text=bad))


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="seed gold not available")
def test_seed_and_dev_scores() -> None:
    from khabar.eval.times_quotes import PRF, run_on_gold, score_quotes

    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    doc = run_on_gold(gold, (SEED / "article.txt").read_text(encoding="utf-8"))
    assert score_quotes(doc.quotes, doc.entities, gold["quotes"], gold["entities"]).f1 >= 0.9
    total = PRF()
    for f in sorted(DEV.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        d = run_on_gold(g, g["text"])
        total.add(score_quotes(d.quotes, d.entities, g["quotes"], g["entities"]))
    assert total.f1 >= 0.85


# --- speaker attribution round 2 (issue 6, second helper) ------------------------------------------------

MORE = {
    **PEOPLE,
    "ent_paper": ("ORG", ["الأهرام"]),
    "ent_agency": ("ORG", ["رويترز"]),
    "ent_uni": ("ORG", ["جامعة القاهرة"]),
}


def quotes_of(text: str) -> list[tuple[str | None, str, str]]:
    doc = doc_with(text, MORE)
    return [(q.speaker, q.cue.text if q.cue else "", q.content.text or "") for q in doc.quotes]


def test_nominal_cue_with_genitive_speaker() -> None:
    assert quotes_of("وذلك بعد إعلان سامي عادل أن الحكومة ستستقيل قريبا.") == [
        ("ent_a", "إعلان", "الحكومة ستستقيل قريبا")
    ]
    assert quotes_of("وجاء في بيان وزارة الصحة أن اللقاح آمن تماما للأطفال.")[0][0] == "ent_min"
    # no name right after the noun, or no إن/أن: not a report
    assert quotes_of("وتزامنا مع إعلان سامي عادل، أغلقت المدارس أبوابها.") == []


def test_attribution_after_the_content() -> None:
    text = "أغلقت المدارس أبوابها في العاصمة يوم الأحد، كما أكد بيان صادر عن وزارة الصحة."
    assert quotes_of(text) == [("ent_min", "أكد", "أغلقت المدارس أبوابها في العاصمة يوم الأحد")]
    text = "أغلقت المدارس أبوابها في العاصمة يوم الأحد، حسبما نقلت وكالة رويترز عن سامي عادل."
    assert quotes_of(text)[0][0] == "ent_a"  # the source after عن speaks, not the agency
    text = "أغلقت المدارس أبوابها في العاصمة يوم الأحد، بحسب ما ذكرت صحيفة الأهرام."
    assert quotes_of(text)[0][0] == "ent_paper"
    text = "أغلقت المدارس أبوابها في العاصمة يوم الأحد، حسبما قالت مصادر في وزارة الصحة."
    assert quotes_of(text)[0][0] is None  # unnamed sources inside an organisation stay unnamed
    # «كما أكد أن …» is a report of its own, and it ends the content before it
    assert quotes_of("وقالت ليلى حسن إن الوضع صعب، كما أكدت أن المدارس مغلقة.") == [
        ("ent_b", "وقالت", "الوضع صعب"),
        ("ent_b", "أكدت", "المدارس مغلقة"),
    ]


def test_clause_connector_ends_the_content() -> None:
    qs = quotes_of("وأكد سامي عادل أن الوضع مستقر، فيما قالت ليلى حسن إن الأمر صعب جدا.")
    assert qs == [("ent_a", "وأكد", "الوضع مستقر"), ("ent_b", "قالت", "الأمر صعب جدا")]


def test_anaphor_resolves_by_its_head_noun() -> None:
    text = ("ذكرت صحيفة الأهرام أن المدارس مغلقة. وقالت جامعة القاهرة إن الدروس مستمرة. "
            "وذكرت الصحيفة أن الطلاب غاضبون.")
    assert [q[0] for q in quotes_of(text)] == ["ent_paper", "ent_uni", "ent_paper"]


def test_dropped_subject_agrees_in_gender() -> None:
    text = 'وقال سامي عادل إن الوضع صعب. وأشارت الأهرام إلى أن المدارس مغلقة. وتابع "لن نستسلم أبدا لهذا الوضع".'
    assert [q[0] for q in quotes_of(text)] == ["ent_a", "ent_paper", "ent_a"]


def test_ma_qala_innahu() -> None:
    text = "ونشرت وزارة الصحة بيانا، الاثنين، ما قالت إنه تراجع كبير في عدد الإصابات."
    assert quotes_of(text) == [("ent_min", "قالت", "تراجع كبير في عدد الإصابات")]
    assert quotes_of("وهو ما قالت ليلى حسن إن الوضع يحتمله.") == []  # «ما قالت … إن» is not «ما قالت إنه»


def test_anaphor_with_a_nisba_adjective_must_agree() -> None:
    names = {"ent_qa": ("ORG", ["هيئة الطيران في قطر"]), "ent_ag": ("ORG", ["رويترز"])}
    text = ("أعلنت هيئة الطيران في قطر أن الرحلات مستمرة. وقالت رويترز إن الرحلات توقفت. "
            "وذكرت الهيئة الإماراتية أن الأجواء مغلقة. وذكرت الهيئة القطرية أن الأجواء مفتوحة.")
    doc = doc_with(text, names)
    assert [q.speaker for q in doc.quotes] == ["ent_qa", "ent_ag", None, "ent_qa"]


# --- title-only speakers (issue 12, round 2) -------------------------------------------------------------


def test_institution_phrase_ner_missed_becomes_a_title_only_speaker() -> None:
    text = ("ودعت لجنة الأمن النووي الكويتية المواطنين إلى الحذر. وقالت اللجنة إن الوضع تحت السيطرة. "
            "ونقلت وسائل الإعلام عن النائب العام السعودي قوله إن التحقيق مستمر.")
    doc = doc_with(text, PEOPLE)
    new = {e.id: e for e in doc.entities if e.extra.get("source") == "quotes"}
    spk = [q.speaker for q in doc.quotes]
    assert len(spk) == 3 and all(s in new for s in spk)
    # the phrase stops before the object (المواطنين), and the anaphor اللجنة is the same body
    assert [m.text for m in new[spk[0]].coref_mentions] == ["لجنة الأمن النووي الكويتية"]
    assert all(e.extra.get("nominal") and not e.mentions for e in new.values())  # issue 13: no named mentions
    assert spk[1] == spk[0]
    assert new[spk[2]].coref_mentions[0].text == "النائب العام السعودي"
    assert doc.check_offsets() == []


def test_institution_phrase_around_a_known_name_stays_that_entity() -> None:
    doc = doc_with("وذكرت وكالة رويترز الرسمية أن الأسواق مغلقة.", MORE)
    assert [q.speaker for q in doc.quotes] == ["ent_agency"]
    agency = next(e for e in doc.entities if e.id == "ent_agency")
    assert [m.text for m in agency.coref_mentions] == ["وكالة رويترز"]
    # no phrase speaks: nothing is added
    doc = doc_with("وافتتحت هيئة الطيران المدني مطارا جديدا.", MORE)
    assert not any(e.extra.get("source") == "quotes" for e in doc.entities)


def test_the_name_without_its_head_is_the_same_body() -> None:
    text = ("أعلنت رئاسة الأركان التركية أن المدينة محاصرة. وذكرت وكالة رويترز أن القتال مستمر، مشيرة، "
            'نقلا عن الأركان التركية، إلى "تحييد مئات المسلحين منذ بدء العملية".')
    doc = doc_with(text, MORE)
    spk = [q.speaker for q in doc.quotes]
    assert spk[0] is not None and spk[0] == spk[-1]
    body = next(e for e in doc.entities if e.id == spk[0])
    assert [m.text for m in body.coref_mentions] == ["رئاسة الأركان التركية", "الأركان التركية"]


def parsed_with(text: str, names: dict[str, tuple[str, list[str]]]) -> Document:
    """Like ``doc_with`` but with the parse and the clause view, as in the full pipeline."""
    from khabar.pipeline import Pipeline, get_stage

    doc = Pipeline(["tokenize", "sentences", "dateline", "morph", "parse"])(text)
    doc.entities = doc_with(text, names).entities
    doc.entities = [e for e in doc.entities if e.extra.get("source") != "quotes"]
    get_stage("clauses")(doc)
    quotes_stage(doc)
    return doc


def test_dropped_subject_is_the_recent_clause_subject_not_the_object() -> None:
    names = {**MORE, "ent_un": ("ORG", ["الأمم المتحدة"]), "ent_comm": ("MISC", ["المجتمع الدولي"])}
    text = ("ونظمت رابطة أمهات المختطفين وقفة احتجاجية في صنعاء، طالبت خلالها المجتمع الدولي بأن يضغط "
            "من أجل الإفراج عن المختطفين.")
    doc = parsed_with(text, names)
    assert len(doc.quotes) == 1
    spk = doc.quotes[0].speaker
    assert spk not in (None, "ent_comm")
    body = next(e for e in doc.entities if e.id == spk)
    assert body.coref_mentions[0].text == "رابطة أمهات المختطفين"


def test_parsed_subject_phrase_and_description_win_over_a_name_inside() -> None:
    names = {**MORE, "ent_sa": ("LOC", ["السعودية"]), "ent_arab": ("ORG", ["العربية نت"])}
    doc = parsed_with("تحقيقات النيابة السعودية تؤكد أن التحقيق مستمر مع الموقوفين.", names)
    spk = [q.speaker for q in doc.quotes]
    assert len(spk) == 1 and spk[0] != "ent_sa"
    assert next(e for e in doc.entities if e.id == spk[0]).coref_mentions[0].text == "النيابة السعودية"
    text = ("ذكرت صحيفة الأهرام أن المدارس مغلقة. وأضافت الصحيفة في التقرير الذي نشرته واطلعت عليه "
            '"العربية نت" إن الطلاب غاضبون.')
    assert [q.speaker for q in parsed_with(text, names).quotes] == ["ent_paper", "ent_paper"]


# --- issue 12, speakers round: titles, sources, non-reports -------------------------------------------


def test_a_title_alone_speaks_for_the_person_it_was_given_to() -> None:
    names = {**PEOPLE, "ent_king": ("PER", ["عبدالله الثاني"]), "ent_gov": ("ORG", ["الحكومة"])}
    text = ("استقبل العاهل الأردني الملك عبدالله الثاني الوفد أمس. "
            "وقال الملك خلال الاجتماع إن الإصلاح ضروري للبلاد. "
            "ودعا الملك الحكومة إلى أن تعمل بسرعة على القانون.")
    spk = [q.speaker for q in parsed_with(text, names).quotes]
    assert spk and all(s == "ent_king" for s in spk)  # never the object (الحكومة)


def test_a_name_inside_an_oblique_never_speaks() -> None:
    names = {**PEOPLE, "ent_kremlin": ("ORG", ["الكرملين"])}
    text = ('وقال سامي عادل إن الاقتصاد سيتحسن. وأضاف أمام آلاف الحاضرين في قاعة بقصر الكرملين '
            '"يجب علينا استخدام جميع الإمكانيات المتوفرة لدينا".')
    assert [q.speaker for q in parsed_with(text, names).quotes] == ["ent_a", "ent_a"]


def test_source_marker_closing_the_sentence_and_source_opening_it() -> None:
    text = ("وقد بدأ الإنتاج الفعلي في الحقل في كانون الأول بحسب وزارة الصحة. "
            "ويبلغ الإنتاج حاليا أكثر من خمسة ملايين يوميا بحسب الإحصاءات الرسمية. "
            "وبحسب ما نقلت صحيفة الأهرام، فإن الحقل سيغطي حاجة البلاد بنهاية العام.")
    got = quotes_of(text)
    assert [s for s, _, _ in got] == ["ent_min", None, "ent_paper"]
    assert [c.split()[:2] for _, _, c in got] == [["وقد", "بدأ"], ["ويبلغ", "الإنتاج"], ["الحقل", "سيغطي"]]


def test_editorial_formulas_idioms_and_questions_are_not_reports() -> None:
    assert quotes_of("يشار إلى أن سامي عادل كان قد فاز في الانتخابات الماضية بفارق كبير.") == []
    assert quotes_of("لفت سامي عادل الأنظار في المباراة، إلا أن ليلى حسن سجلت الهدف الأول بعد ذلك.") == []
    assert quotes_of("وسيخبرنا الجسم متى يتعين علينا أن نغير وضعيتنا بعد الجلوس.") == []


def test_headline_of_unnamed_experts_has_no_speaker() -> None:
    doc = doc_with("خبراء: الوضع المثالي للجلوس مجرد وهم\nوقال سامي عادل إن الحركة أهم من الجلوس.", PEOPLE)
    assert [(q.speaker, q.content.text) for q in doc.quotes] == [
        (None, "الوضع المثالي للجلوس مجرد وهم"), ("ent_a", "الحركة أهم من الجلوس")]
