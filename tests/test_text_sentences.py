"""News sentence splitting and dateline detection."""

from __future__ import annotations

import pytest

from khabar.paths import SEED_DIR
from khabar.pipeline import Pipeline
from khabar.text.dateline import detect_dateline
from khabar.text.sentences import split_sentences

SEED = SEED_DIR / "article.txt"
TEXT_STAGES = ["tokenize", "sentences", "dateline"]


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_terminators_and_newlines() -> None:
    assert _sents("قال نعم. ثم غادر! هل عاد؟ لا؛ ربما\nسطر جديد") == [
        "قال نعم.", "ثم غادر!", "هل عاد؟", "لا؛", "ربما", "سطر جديد"
    ]


def test_headline_line_is_its_own_sentence() -> None:
    assert _sents("عنوان الخبر بلا نقطة\nقال الرئيس إن. ثم")[0] == "عنوان الخبر بلا نقطة"


def test_decimal_numbers_do_not_split() -> None:
    assert _sents("بلغ النمو 3.5 في المئة و٣٫٥ أيضا. انتهى") == ["بلغ النمو 3.5 في المئة و٣٫٥ أيضا.", "انتهى"]


def test_quote_spanning_a_full_stop_stays_together() -> None:
    text = 'وقال بيسكوف: "هذا خطير. ولن نقبل به." ثم غادر. وأضاف « نحن هنا . وسنبقى » بحزم.'
    assert _sents(text) == ['وقال بيسكوف: "هذا خطير. ولن نقبل به."', "ثم غادر.", "وأضاف « نحن هنا . وسنبقى » بحزم."]


def test_quote_with_space_before_closing_mark() -> None:
    text = 'قال " نعم . لا " . وغادر.'
    assert _sents(text) == ['قال " نعم . لا " .', "وغادر."]


def test_unbalanced_quote_does_not_swallow_text() -> None:
    assert _sents('قال "غير متوازن. ثم غادر. انتهى') == ['قال "غير متوازن.', "ثم غادر.", "انتهى"]


def test_abbreviations() -> None:
    assert _sents("التقى د. أحمد بالسيد م. علي عام 500 ق.م. وانتهى") == ["التقى د. أحمد بالسيد م. علي عام 500 ق.م. وانتهى"]
    assert _sents("U.S. officials met Mr. Smith. Then left.") == ["U.S. officials met Mr. Smith.", "Then left."]


def test_ellipsis_and_urls_do_not_split() -> None:
    assert _sents("انتظر... ثم زر bbc.com/arabic اليوم. تم") == ["انتظر... ثم زر bbc.com/arabic اليوم.", "تم"]


def test_extra_cut_for_dateline() -> None:
    text = "عنوان\nموسكو (رويترز) - قال الكرملين."
    dl = detect_dateline(text)
    assert dl is not None
    spans = split_sentences(text, (dl.start, dl.end))
    assert [text[s:e] for s, e in spans] == ["عنوان", "موسكو (رويترز) -", "قال الكرملين."]


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("عنوان\nموسكو (رويترز) - قال", "موسكو", "رويترز"),
        ("القدس المحتلة (الأناضول) - قال", "القدس المحتلة", "الأناضول"),
        ("عنوان\nبيروت - أ ف ب - قال", "بيروت", "أ ف ب"),
        ("واشنطن - رويترز: قال", "واشنطن", "رويترز"),
        ("الرياض (واس) - أعلن", "الرياض", "واس"),
        ("موسكو، 12 ديسمبر (رويترز) - قال", "موسكو", "رويترز"),
        ("صنعاء (سبأ) – قال", "صنعاء", "سبأ"),
    ],
)
def test_dateline_shapes(text: str, place: str, agency: str) -> None:
    dl = detect_dateline(text)
    assert dl is not None
    assert text[dl.start:dl.end] == dl.text
    for sp, want in ((dl.place_span, place), (dl.agency_span, agency)):
        assert sp is not None and sp.text == want and text[sp.start:sp.end] == want


@pytest.mark.parametrize(
    "text",
    ["", "   ", "قال الرئيس إن الوضع خطير.", "قال الرئيس (بوتين) إن", "عنوان\nنص\nنص\nموسكو (رويترز) - متأخر جدا"],
)
def test_no_dateline(text: str) -> None:
    assert detect_dateline(text) is None


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed not present")
def test_seed_article_headline_dateline_and_offsets() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = Pipeline(TEXT_STAGES)(text, published="2021-12-12")
    assert doc.text == text
    assert doc.check_offsets() == []
    headline = text.split("\n", 1)[0].strip()
    assert text[doc.sentences[0].start:doc.sentences[0].end] == headline
    assert doc.dateline is not None and doc.dateline.text == "موسكو (رويترز) -"
    assert doc.dateline.place_span is not None and doc.dateline.place_span.text == "موسكو"
    assert doc.dateline.agency_span is not None and doc.dateline.agency_span.text == "رويترز"
    assert text[doc.sentences[1].start:doc.sentences[1].end] == doc.dateline.text
    for t in doc.tokens:
        assert 0 <= t.start < t.end <= len(text)
        for w in t.words:
            if w.start is not None:
                assert text[w.start:w.end] == w.form
    ends = [(s.start, s.end) for s in doc.sentences]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))
    # No sentence crosses a line break, and every line holds at least one sentence (+1 for the dateline).
    assert all("\n" not in text[s.start:s.end] for s in doc.sentences)
    assert len(doc.sentences) >= text.strip().count("\n") + 2
    seg = {text[t.start:t.end]: t.seg for t in doc.tokens}
    assert seg["وبايدن"] == ["و", "بايدن"] and seg["بالفيديو"] == ["ب", "ال", "فيديو"]
    assert seg["بوتين"] == ["بوتين"] and seg["الكرملين"] == ["ال", "كرملين"]
    # the JSON round trip keeps every layer
    from khabar.document import Document

    assert Document.from_json(doc.to_json()).to_dict() == doc.to_dict()
