"""Behaviour of the ``times`` stage (TIMEX3 recognition and ISO values)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.document import Document
from khabar.extract.times import extract_times, times_stage
from khabar.extract.timex.rules import parse_number
from khabar.paths import SEED_DIR

SEED = SEED_DIR
DEV = Path(__file__).parent / "data" / "dev_quotes_times"


def values(text: str, published: str | None = "2021-12-12") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in extract_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال المسؤول يوم الأحد إن", ("يوم الأحد", "DATE", "2021-12-12")),  # the publication day itself
        ("اجتمعوا الخميس في العاصمة", ("الخميس", "DATE", "2021-12-09")),  # past by default
        ("سيزور الوزير البلاد يوم الخميس", ("يوم الخميس", "DATE", "2021-12-16")),  # future verb
        ("الأربعاء المقبل", ("الأربعاء المقبل", "DATE", "2021-12-15")),
        ("وصل أمس إلى", ("أمس", "DATE", "2021-12-11")),
        ("ويعود غدا", ("غدا", "DATE", "2021-12-13")),
        ("مساء أمس", ("مساء أمس", "TIME", "2021-12-11TEV")),
        ("الأسبوع الماضي", ("الأسبوع الماضي", "DATE", "2021-W48")),
        ("الشهر المقبل", ("الشهر المقبل", "DATE", "2022-01")),
        ("العام الماضي", ("العام الماضي", "DATE", "2020")),
        ("في 5 يناير 2020", ("5 يناير 2020", "DATE", "2020-01-05")),
        ("في 7 كانون الأول/ديسمبر", ("7 كانون الأول/ديسمبر", "DATE", "2021-12-07")),
        ("في ٥ شباط/فبراير ٢٠٢٠", ("٥ شباط/فبراير ٢٠٢٠", "DATE", "2020-02-05")),
        ("يوم 3 جانفي", ("يوم 3 جانفي", "DATE", "2022-01-03")),
        ("في 12 دجنبر 2019", ("12 دجنبر 2019", "DATE", "2019-12-12")),
        ("في رمضان 1439 هـ", ("رمضان 1439 ه", "DATE", "2018-05")),
        ("منذ عام 2015", ("عام 2015", "DATE", "2015")),
        ("في الثمانينيات", ("الثمانينيات", "DATE", "198")),
        ("لمدة ثلاثة أيام", ("ثلاثة أيام", "DURATION", "P3D")),
        ("خلال 24 ساعة", ("24 ساعة", "DURATION", "PT24H")),
        ("قبل خمسة وتسعين عاما", ("قبل خمسة وتسعين عاما", "DATE", "1926")),
        ("يعمل حاليا في", ("حاليا", "DATE", "PRESENT_REF")),
        ("فى الوقت الحالى", ("فى الوقت الحالى", "DATE", "PRESENT_REF")),
        ("تجتمع يوميا", ("يوميا", "SET", "P1D")),
        ("الساعة 10:30 صباحا", ("الساعة 10:30 صباحا", "TIME", "2021-12-12T10:30")),
        ("منتصف يونيو 2018", ("منتصف يونيو 2018", "DATE", "2018-06")),
    ],
)
def test_values(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text)


def test_not_times() -> None:
    # a quantity, a verb that looks like a month, a generic "the day", a bare unit
    assert values("قتل 2000 شخص") == []
    assert values("مارس الرياضة") == []
    assert values("في اليوم التالي للهجوم")[0][2] is None if values("في اليوم التالي للهجوم") else True
    assert values("أحد أشهر المطاعم") == []


def test_no_anchor_leaves_relative_values_null() -> None:
    doc = Document(text="قال أمس إن الاجتماع عقد في 5 يناير 2020 ويعقد الأسبوع المقبل")
    times_stage(doc)
    assert doc.meta["time_anchor"] is None and "time_anchor_note" in doc.meta
    got = {t.text: t.value for t in doc.times}
    assert got["أمس"] is None and got["الأسبوع المقبل"] is None
    assert got["5 يناير 2020"] == "2020-01-05"


def test_offsets_and_hostile_input() -> None:
    text = "وقال يوم الأحد ٢٠ ديسمبر ٢٠٢٠ إنه سيبقى ثلاثة أيام"
    doc = Document(text=text, meta={"published": "2020-12-21"})
    times_stage(doc)
    assert doc.times and not doc.check_offsets()
    for bad in ("", "\x00\x01\x02", "abc 2020", "ـــــ" * 1000, "\u0640" + "ً" * 50 + "أمس"):
        extract_times(bad, "2021-01-01")
    extract_times("يوم " * 20000, "2021-01-01")
    # dense or repetitive text (number-word chains, ranges, stacked cues) still gives a clean result
    assert extract_times("ثلاثة و" * 3000, "2021-01-01") == []
    assert len(extract_times("قال يوم الأحد ابتداء من الاثنين 5 و7 مارس الجاري " * 500, "2018-03-13")) >= 2000
    assert extract_times("x", "not a date") == []


def test_number_words() -> None:
    assert parse_number("خمسة وتسعين") == 95
    assert parse_number("ثلاثة عشر") == 13
    assert parse_number("24") == 24


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="seed gold not available")
def test_seed_and_dev_scores() -> None:
    from khabar.eval.times_quotes import PRF, run_on_gold, score_times

    total = PRF()
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    doc = run_on_gold(gold, (SEED / "article.txt").read_text(encoding="utf-8"))
    seed = score_times(doc.times, gold["times"])
    assert seed.f1 >= 0.95
    for f in sorted(DEV.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        total.add(score_times(run_on_gold(g, g["text"]).times, g["times"]))
    assert total.f1 >= 0.9


# --- day + month + الماضي/الجاري/المقبل, tense of weekdays, and other common news patterns ----------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day and a month with a relative modifier keep the day and pick the year by the modifier
        ("قتل في 18 فبراير/ شباط الماضي", "2018-03-13", ("18 فبراير/ شباط الماضي", "DATE", "2018-02-18")),
        ("قتل في 12 مارس الجاري", "2018-03-13", ("12 مارس الجاري", "DATE", "2018-03-12")),
        ("في 4 أغسطس/آب الحالي", "2018-08-15", ("4 أغسطس/آب الحالي", "DATE", "2018-08-04")),
        ("في 18 مارس الماضي", "2018-03-13", ("18 مارس الماضي", "DATE", "2017-03-18")),
        ("في 20 مارس المقبل", "2018-03-13", ("20 مارس المقبل", "DATE", "2018-03-20")),
        ("في 5 مارس المقبل", "2018-03-13", ("5 مارس المقبل", "DATE", "2019-03-05")),
        ("في السادس من كانون الأول/ديسمبر الفائت", "2018-03-20", ("السادس من كانون الأول/ديسمبر الفائت", "DATE", "2017-12-06")),
        ("سجل أعلى مستوى منذ نوفمبر تشرين الثاني 2014", "2018-05-21", ("نوفمبر تشرين الثاني 2014", "DATE", "2014-11")),
        ("في 5 أكتوبر/تشرين أول من عام 1918", "2018-10-07", ("5 أكتوبر/تشرين أول من عام 1918", "DATE", "1918-10-05")),
        # ordinal days beyond twelve, and a day of the current/last/next month
        ("في الثالث عشر من مارس", "2018-03-20", ("الثالث عشر من مارس", "DATE", "2018-03-13")),
        ("في الحادي والعشرين من مارس", "2018-03-25", ("الحادي والعشرين من مارس", "DATE", "2018-03-21")),
        ("في الخامس من مارس", "2018-03-13", ("الخامس من مارس", "DATE", "2018-03-05")),
        ("المقرر صدورها في السابع عشر من الشهر الجاري", "2018-04-13", ("السابع عشر من الشهر الجاري", "DATE", "2018-04-17")),
        ("في 3 من الشهر المقبل", "2018-03-13", ("3 من الشهر المقبل", "DATE", "2018-04-03")),
        # a month followed by a relative year phrase
        ("وفي يوليو/تموز من العام الماضي اتفقت", "2018-06-28", ("يوليو/تموز", "DATE", "2017-07")),
        # start/middle/end of the current month or year
        ("في مطلع الشهر الجاري", "2018-03-13", ("مطلع الشهر الجاري", "DATE", "2018-03")),
        ("أواخر الشهر الماضي", "2018-03-13", ("أواخر الشهر الماضي", "DATE", "2018-02")),
        ("منتصف العام المقبل", "2018-03-13", ("منتصف العام المقبل", "DATE", "2019")),
        ("وفي الشهر الماضي", "2018-03-13", ("الشهر الماضي", "DATE", "2018-02")),
        ("خلال الأسابيع الماضية", "2018-03-13", ("الأسابيع الماضية", "DATE", "PAST_REF")),
        ("خلال الأسبوعين الماضيين", "2018-03-13", ("الأسبوعين الماضيين", "DURATION", "P2W")),
        # parts of the day and clock times
        ("صباح اليوم", "2018-03-13", ("صباح اليوم", "TIME", "2018-03-13TMO")),
        ("في الساعة الثامنة صباحا", "2018-03-13", ("الساعة الثامنة صباحا", "TIME", "2018-03-13T08:00")),
        ("في الساعة الثامنة من صباح اليوم", "2018-03-13", ("الساعة الثامنة من صباح اليوم", "TIME", "2018-03-13T08:00")),
        ("الساعة العاشرة من مساء أمس", "2018-03-13", ("الساعة العاشرة من مساء أمس", "TIME", "2018-03-12T22:00")),
        # Hijri with هـ
        ("في 10 محرم 1440 هـ", "2018-10-01", ("10 محرم 1440 ه", "DATE", "2018-09-20")),
    ],
)
def test_news_patterns(text: str, published: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text, published)


def test_ranges_share_the_month() -> None:
    got = values("تعقد الدورة من 5 إلى 7 مارس", "2018-03-01")
    assert ("5", "DATE", "2018-03-05") in got and ("7 مارس", "DATE", "2018-03-07") in got
    got = values("تعقد أوبك اجتماعها المقبل يومي 22 و23 يونيو", "2018-06-12")
    assert ("22", "DATE", "2018-06-22") in got and ("23 يونيو", "DATE", "2018-06-23") in got
    assert ("5", "DATE", "XXXX-03-05") in values("بين 5 و7 مارس", None)
    # a score is not a range
    assert [v for v in values("وفاز عليه 2-1 الجمعة", "2018-06-22") if v[0] in ("2", "1")] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # future cues send a weekday forward (published Saturday 2018-05-12)
        ("أعلن الجيش إغلاق المعبر ابتداء من الأحد", "2018-05-12", ("الأحد", "DATE", "2018-05-13")),
        ("هدنة يومية اعتبارا من الثلاثاء", "2018-02-26", ("الثلاثاء", "DATE", "2018-02-27")),
        (
            "وتزداد التظاهرات حدة، مع اقتراب موعد نقل السفارة إلى القدس الاثنين، وذكرى النكبة الثلاثاء.",
            "2018-05-12",
            ("الثلاثاء", "DATE", "2018-05-15"),
        ),
        ("قال المتحدث إن الوزير سيزور البلاد الأحد", "2018-05-12", ("الأحد", "DATE", "2018-05-13")),
        ("ويتوجه الرئيس الأحد إلى باريس في زيارة تستمر حتى الأسبوع المقبل", "2018-05-12", ("الأحد", "DATE", "2018-05-13")),
        ("ومن المرتقب صدور القرار يوم غد الأربعاء", "2018-03-27", ("يوم غد الأربعاء", "DATE", "2018-03-28")),
        # a past verb nearer than the future cue, or no cue at all → the past
        ("أعلن الجيش إغلاق المعبر ابتداء من الأحد حتى إشعار آخر، نتيجة أضرار خلال تظاهرات الجمعة.", "2018-05-12", ("الجمعة", "DATE", "2018-05-11")),
        ("قال إنه سيزور البلاد، وكان قد التقى الوزير الخميس", "2018-05-12", ("الخميس", "DATE", "2018-05-10")),
        ("ويتوجه الرئيس الأحد إلى باريس", "2018-05-12", ("الأحد", "DATE", "2018-05-06")),
        ("تعادل الفريق في الموسم المقبل مع مضيفه يوم السبت", "2018-04-15", ("يوم السبت", "DATE", "2018-04-14")),
        ("قال الكرملين يوم الأحد إن", "2021-12-12", ("يوم الأحد", "DATE", "2021-12-12")),
    ],
)
def test_weekday_tense(text: str, published: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text, published)


def test_side_by_side_months() -> None:
    # the same month in two regional sets is one expression; two different months are two
    assert ("8 يوليو تموز 2017", "DATE", "2017-07-08") in values("في 8 يوليو تموز 2017", "2018-05-29")
    got = values("طلبوا اللجوء بين يناير أبريل 2018، وحصل", "2018-05-29")
    assert ("يناير", "DATE", "2018-01") in got and ("أبريل 2018", "DATE", "2018-04") in got
