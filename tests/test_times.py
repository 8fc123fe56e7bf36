"""Behaviour of the ``times`` stage (TIMEX3 recognition and ISO values)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.document import Document
from khabar.extract.times import extract_times, times_stage
from khabar.extract.timex.rules import parse_number

SEED = Path("/work/shared/seed")
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
    assert extract_times("x", "not a date") == []


def test_number_words() -> None:
    assert parse_number("خمسة وتسعين") == 95
    assert parse_number("ثلاثة عشر") == 13
    assert parse_number("24") == 24


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="seed gold not available")
def test_seed_and_dev_scores() -> None:
    from khabar.extract.timex.score import PRF, run_on_gold, score_times

    total = PRF()
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    doc = run_on_gold(gold, (SEED / "article.txt").read_text(encoding="utf-8"))
    seed = score_times(doc.times, gold["times"])
    assert seed.f1 >= 0.95
    for f in sorted(DEV.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        total.add(score_times(run_on_gold(g, g["text"]).times, g["times"]))
    assert total.f1 >= 0.9
