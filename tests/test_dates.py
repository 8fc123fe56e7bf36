"""Issue 17: dates you can trust — context-aware time values, quote anchors and event dates."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.document import Document, Entity, Event, Quote, Span, TimeExpression
from khabar.extract.eventdate import date_events, event_date
from khabar.extract.times import anchor_quotes, extract_times
from khabar.paths import SEED_DIR
from khabar.store import open_store


def values(text: str, published: str = "2018-05-28") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in extract_times(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the weekday in brackets wins over the relative word
        ("سيتوجهون إلى إسبانيا غدا (الثلاثاء) لخوض", "2018-05-28", ("غدا (الثلاثاء)", "DATE", "2018-05-29")),
        # stamped after midnight UTC: published 07-21, but the text says Monday
        ("قال الوزير اليوم (الاثنين) إن", "2015-07-21", ("اليوم (الاثنين)", "DATE", "2015-07-20")),
        ("وصل اليوم (10 مايو) إلى", "2018-05-11", ("اليوم (10 مايو)", "DATE", "2018-05-10")),
        # compound and vague durations
        ("زادت مدة الرحلة إلى 7 ساعات و45 دقيقة.", "2018-03-22", ("7 ساعات و45 دقيقة", "DURATION", "PT7H45M")),
        ("استمرت المباراة ساعتين ونصف", "2018-03-22", ("ساعتين ونصف", "DURATION", "PT2H30M")),
        ("وصل بعد دقائق", "2018-03-22", ("بعد دقائق", "DURATION", "PTXM")),
        ("خلال أيام", "2018-03-22", ("خلال أيام", "DURATION", "PXD")),
        ("لم يفز باللقب منذ أكثر من ربع قرن", "2018-03-22", ("منذ أكثر من ربع قرن", "DURATION", "P25Y")),
        ("نشرت تقارير منذ أسبوع", "2018-04-30", ("منذ أسبوع", "DURATION", "P1W")),
        ("ازدادت الهجمات في الساعات الأخيرة", "2018-04-30", ("الساعات الأخيرة", "DATE", "PAST_REF")),
        ("ترحيل المهاجرين في الأعوام القليلة القادمة", "2018-04-30", ("الأعوام القليلة القادمة", "DATE", "FUTURE_REF")),
        # relative phrases and parts of day
        ("إنه سيعرف بحلول نهاية الأسبوع ما حدث", "2018-10-17", ("نهاية الأسبوع", "DATE", "2018-W42")),
        ("لكن مع حلول الظلام، اشتبك عدد صغير", "2018-07-16", ("حلول الظلام", "TIME", "2018-07-16TNI")),
        # GMT clock times (the zone goes to extra; values carry no Z, as in the gold sets)
        ("غادرت الطائرة نحو الساعة الثامنة (04,30 ت غ) متجهة", "2018-02-18", ("04,30 ت غ", "TIME", "2018-02-18T04:30")),
        ("بدأ التصويت الساعة 4:30 بتوقيت غرينتش", "2018-02-18", ("الساعة 4:30 بتوقيت غرينتش", "TIME", "2018-02-18T04:30")),
        ("حوالى الساعة 6 مساء (1700 ت غ) ثم", "2018-02-20", ("1700 ت غ", "TIME", "2018-02-20T17:00")),
    ],
)
def test_new_classes(text: str, published: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text, published)


def test_compound_needs_growing_units() -> None:
    # two counts of the same unit are two durations, not one
    got = values("5 أيام و3 أيام", "2018-03-22")
    assert ("5 أيام", "DURATION", "P5D") in got and all(v != "P8D" for _, _, v in got)


def test_gmt_marker_is_kept_in_extra() -> None:
    (t,) = [t for t in extract_times("(04,30 ت غ)", "2018-02-18") if t.type == "TIME"]
    assert t.extra["timezone"] == "UTC"


def test_same_day_is_the_day_last_named() -> None:
    got = values("وأسفرت ضربات الجمعة عن مقتل 4 فلسطينيين. وقتل في اليوم ذاته جندي", "2018-07-21")
    assert ("اليوم ذاته", "DATE", "2018-07-20") in got
    got = values("تظاهر الآلاف السبت. وكان اليوم داميا إذ قتل فيه 4", "2018-04-22")
    assert ("اليوم", "DATE", "2018-04-21") in got
    # no day named before: nothing to resolve to, so no expression rather than a wrong date
    assert values("وفي اليوم ذاته وصل الوفد", "2018-04-22") == []


def test_former_is_not_a_time() -> None:
    assert values("وقال لاعب وستهام الإنجليزي سابقا", "2018-05-16") == []
    assert ("سابقا", "DATE", "PAST_REF") in values("وكان الرئيس قد صرح سابقا أن", "2018-05-16")


def test_bare_month_is_past_with_the_pos_layer() -> None:
    # the surface heuristic read «ولا سيما» as a future verb (س + imperfect); the POS layer knows better
    text = ("قد يتسبب الإعصار بأضرار جسيمة ولا سيما في شرق الأرخبيل، الذي ما زال يعاني من الدمار الشديد "
            "الذي نجم في مطلع يوليو عن فيضانات.")
    doc = khabar.analyze(text, published="2018-09-04")
    assert [(t.text, t.value) for t in doc.times if "يوليو" in t.text] == [("مطلع يوليو", "2018-07")]
    doc = khabar.analyze("وسوف يزور الرئيس باريس في يوليو.", published="2018-09-04")
    assert [(t.text, t.value) for t in doc.times] == [("يوليو", "2019-07")]


def _quote_doc(text: str, published: str, cue: str, content: str) -> Document:
    doc = Document(text=text, meta={"published": published})
    doc.times = extract_times(text, published)
    c0 = text.index(content)
    k = text.index(cue)
    doc.quotes = [Quote("indirect", None, None, Span.of(text, k, k + len(cue)), Span.of(text, c0, c0 + len(content)))]
    return doc


def test_reported_speech_is_anchored_to_the_day_it_was_said() -> None:
    text = "قال الوزير يوم الأربعاء إن الحكومة تعلن اليوم خطة جديدة"
    doc = _quote_doc(text, "2018-05-31", "قال", "الحكومة تعلن اليوم خطة جديدة")
    anchor_quotes(doc)
    (today,) = [t for t in doc.times if t.text == "اليوم"]
    assert today.value == "2018-05-30" and today.extra["anchor"] == "2018-05-30"
    (said,) = [t for t in doc.times if t.text == "يوم الأربعاء"]
    assert "anchor" not in said.extra  # outside the quote


def test_quote_without_a_day_is_anchored_to_publication() -> None:
    text = "قال الوزير إن الحكومة تعلن اليوم خطة جديدة"
    doc = _quote_doc(text, "2018-05-31", "قال", "الحكومة تعلن اليوم خطة جديدة")
    anchor_quotes(doc)
    assert [(t.value, t.extra["anchor"]) for t in doc.times] == [("2018-05-31", "2018-05-31")]


def _event_doc(text: str, published: str, trigger: str, factuality: str = "asserted") -> tuple[Document, Event]:
    doc = Document(text=text, meta={"published": published})
    doc.sentences = [Span.of(text, 0, len(text))]
    doc.times = extract_times(text, published)
    k = text.index(trigger)
    ev = Event("ASSAULT", factuality=factuality, evidence=[Span.of(text, k, k + len(trigger))])
    return doc, ev


def test_event_date_from_its_clause() -> None:
    doc, ev = _event_doc("هاجم مسلحون قرية في شمال البلاد الخميس، وفق بيان الجيش", "2018-07-22", "هاجم")
    assert event_date(doc, ev) == ("2018-07-19", "timex")


def test_event_date_never_a_year_of_a_plan_or_a_title() -> None:
    doc, ev = _event_doc("وقعت الشركة اتفاقا ضمن رؤية 2030 للتنمية", "2018-05-01", "وقعت")
    assert event_date(doc, ev) == ("2018-05-01", "published")
    doc, ev = _event_doc("اعتقلت الشرطة مشجعين قبل كأس العالم 2022", "2018-05-01", "اعتقلت")
    assert event_date(doc, ev) == ("2018-05-01", "published")


def test_event_date_never_a_year_inside_a_name() -> None:
    text = "هاجم أنصار حركة 2011 الشرطة"
    doc, ev = _event_doc(text, "2018-05-01", "هاجم")
    k = text.index("حركة")
    doc.entities = [Entity("e1", "ORG", mentions=[Span.of(text, k, k + len("حركة 2011"))])]
    assert event_date(doc, ev) == ("2018-05-01", "published")


def test_asserted_event_never_after_publication() -> None:
    # its own time is later than the report: a coding slip we do not turn into a date
    doc, ev = _event_doc("التقى الوزير نظيره في يوليو المقبل", "2018-05-01", "التقى")
    assert event_date(doc, ev) == (None, "none")
    # a later time farther away belongs to something else
    doc, ev = _event_doc("التقى الوزير نظيره الأحد قبل زيارته المقررة في يوليو المقبل", "2018-05-01", "التقى")
    assert event_date(doc, ev) == ("2018-04-29", "timex")
    doc, ev = _event_doc("سيلتقي الوزير نظيره في يوليو المقبل", "2018-05-01", "سيلتقي", factuality="future")
    assert event_date(doc, ev) == ("2018-07", "timex")


def test_future_event_without_a_time_has_no_date() -> None:
    doc, ev = _event_doc("سيلتقي الوزير نظيره", "2018-05-01", "سيلتقي", factuality="future")
    assert event_date(doc, ev) == (None, "none")


def test_pluperfect_event_without_a_time_has_no_date() -> None:
    doc, ev = _event_doc("وكان الجيش قد هاجم القرية", "2018-05-01", "هاجم")
    assert event_date(doc, ev) == (None, "none")


def test_date_source_in_the_pipeline_and_json() -> None:
    seed = khabar.analyze((SEED_DIR / "article.txt").read_text(encoding="utf-8"), published="2021-12-12")
    assert seed.events, "the seed text codes events"
    for ev in seed.events:
        assert ev.date_source in ("timex", "dateline", "published", "none")
        assert (ev.date is None) == (ev.date_source == "none")
        assert ev.factuality != "asserted" or not ev.date or ev.date[:10] <= "2021-12-12"
    again = Document.from_json(seed.to_json())
    assert [e.date_source for e in again.events] == [e.date_source for e in seed.events]


def test_date_events_keeps_date_basis_for_old_readers() -> None:
    doc, ev = _event_doc("هاجم مسلحون القرية", "2018-05-01", "هاجم")
    date_events(doc, [ev])
    assert ev.date_source == "published" and ev.extra["date_basis"] == "published"


def test_store_counts_events_after_publication(tmp_path: Path) -> None:
    text = "هاجم مسلحون قرية. هاجم مسلحون قرية أخرى. هاجم مسلحون قرية ثالثة."
    d = Document(text=text, id="d1", meta={"published": "2018-09-04"})
    ev = [Span.of(text, 0, 4)]
    d.events = [
        Event("ASSAULT", date="2018-09-04", evidence=ev),  # on the publication day
        Event("ASSAULT", date="2018-09", evidence=ev),  # the month of publication: not after
        Event("ASSAULT", date="2019-07", evidence=ev),  # after: a dating error
        Event("ASSAULT", date="2018-10-01", factuality="future", evidence=ev),  # future: allowed
        Event("ASSAULT", date=None, evidence=ev),
    ]
    d.times = [TimeExpression(0, 4, text[0:4], "DATE", None)]
    with open_store(tmp_path / "k.db") as st:
        st.add(d)
        s = st.stats()
        assert s["events_after_publication"] == 1
        assert (s["events_on_publication_day"], s["events_dated_asserted"]) == (1, 3)
        assert s["share_on_publication_day"] == pytest.approx(1 / 3, abs=1e-3)
        late = st.events(after_publication=True)
        assert [e["date"] for e in late] == ["2019-07"]


def test_one_today_per_article() -> None:
    # stamped 07-21 02:51 UTC but written on Monday 07-20: the bare اليوم and أمس follow the text's own today
    text = "وافق مجلس الأمن الدولي، اليوم (الاثنين)، على الاتفاق. وقال السفير إن القرار الذي جرى تمريره اليوم مهم."
    doc = Document(text=text, meta={"published": "2015-07-21 02:51:32"})
    from khabar.extract.times import times_stage

    times_stage(doc)
    assert [t.value for t in doc.times] == ["2015-07-20", "2015-07-20"]
    assert doc.meta["time_anchor"] == "2015-07-20"
    # the text agrees with the stamp: nothing changes
    doc = Document(text=text, meta={"published": "2015-07-20"})
    times_stage(doc)
    assert doc.meta["time_anchor"] == "2015-07-20" and "time_anchor_note" not in doc.meta


def test_weekday_series_runs_forward() -> None:
    got = values("يجتمع وزراء المالية الاثنين والثلاثاء", "2018-03-19")
    assert [v for _, _, v in got] == ["2018-03-19", "2018-03-20"]


def test_maghrebi_june_needs_a_day_or_year() -> None:
    assert values("وأشارت جوان سانبورن، العميلة", "2018-09-04") == []
    assert ("5 جوان 2018", "DATE", "2018-06-05") in values("في 5 جوان 2018", "2018-09-04")


def test_event_date_skips_a_later_tournament_year() -> None:
    text = "خسرت الجزائر أمام بنين في الجولة الرابعة لتصفيات كأس الأمم الإفريقية 2019 بعد طرد قائد المنتخب"
    doc, ev = _event_doc(text, "2018-10-18", "طرد")
    assert event_date(doc, ev) == ("2018-10-18", "published")


def test_media_names_are_not_times() -> None:
    assert values('في مقابلة مع محطة "روسيا اليوم"، قال', "2018-04-27") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("منذ أكثر من قرن ونصف", "P150Y"), ("استمر عقد ونصف", "P15Y"), ("بعد عام ونصف", "P1Y6M"), ("ساعة ونصف", "PT1H30M")],
)
def test_and_a_half(text: str, value: str) -> None:
    assert [v for _, _, v in values(text)] == [value]


def test_dateline_day_dates_the_later_events() -> None:
    text = "بيروت - 12 مايو - أعلن الجيش أن الوضع هادئ. وهاجم مسلحون قرية في شمال البلاد."
    doc, ev = _event_doc(text, "2018-05-13", "وهاجم")
    doc.sentences = [Span.of(text, 0, text.index(".") + 1), Span.of(text, text.index(".") + 2, len(text))]
    assert event_date(doc, ev) == ("2018-05-12", "dateline")


def test_background_clause_events_get_no_date() -> None:
    # the only calendar time of the sentence belongs to the main clause; the killing happened before
    text = "وافتتح أردوغان الجمعة قمة في إسطنبول إثر مقتل عشرات الفلسطينيين في قطاع غزة"
    doc, ev = _event_doc(text, "2018-05-18", "مقتل")
    assert event_date(doc, ev) == (None, "none")
    doc, ev = _event_doc(text, "2018-05-18", "قمة")
    assert event_date(doc, ev) == ("2018-05-18", "timex")
    # منذ شهر، حين أوقعت غارات: past, with no day given
    doc, ev = _event_doc("وهي الأعنف منذ شهر، حين أوقعت غارات 53 قتيلا", "2018-09-08", "غارات")
    assert event_date(doc, ev) == (None, "none")


def test_definite_event_noun_takes_the_day_of_its_earlier_mention(seed_doc: Document) -> None:
    """«واستغل الرئيس بايدن مكالمة الفيديو لتحذير …»: the call of «مكالمة بالفيديو يوم 7 ديسمبر», two sentences
    earlier, dates the warning and the call itself; without that earlier day they fall back to publication."""
    dated = {ev.event: (ev.date, ev.date_source) for ev in seed_doc.events}
    assert dated["THREATEN"] == ("2021-12-07", "timex")
    assert dated["CONSULT"] == ("2021-12-07", "timex")
    text = "واستغل الرئيس بايدن مكالمة الفيديو لتحذير الرئيس بوتين."
    doc = khabar.analyze(text, published="2021-12-12")
    assert {(ev.event, ev.date_source) for ev in doc.events} >= {("THREATEN", "published"), ("CONSULT", "published")}
