"""The rule-based clitic segmenter (khabar.text.segment) and Token.seg/words."""

from __future__ import annotations

import pytest

from khabar.document import Document
from khabar.text.segment import analyse_word, segment
from khabar.text.stage import tokenize_text


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبايدن", ["و", "بايدن"]),
        ("لبوتين", ["ل", "بوتين"]),
        ("بالفيديو", ["ب", "ال", "فيديو"]),
        ("الكرملين", ["ال", "كرملين"]),
        ("وبالفيديو", ["و", "ب", "ال", "فيديو"]),
        ("والرئيس", ["و", "ال", "رئيس"]),
        ("للرئيس", ["ل", "ال", "رئيس"]),
        ("وقال", ["و", "قال"]),
        ("وأضاف", ["و", "اضاف"]),
        ("سيفرض", ["س", "يفرض"]),
        ("وغيرها", ["و", "غير", "ها"]),
        ("عليه", ["علي", "ه"]),
        ("حكومته", ["حكومة", "ه"]),
        ("لها", ["ل", "ها"]),
        ("وله", ["و", "ل", "ه"]),
        ("لله", ["ل", "الله"]),
    ],
)
def test_segments(word: str, expected: list[str]) -> None:
    assert segment(word) == expected


@pytest.mark.parametrize(
    "word",
    ["بوتين", "بايدن", "بريطانيا", "فلسطين", "لبنان", "وزير", "كان", "فكرة", "الله", "الذي", "التي", "إلى", "الى",
     "ألمانيا", "المانيا", "التزام", "بنك", "تلك", "هناك", "اتجاه", "روسي", "كما", "في"],
)
def test_words_that_must_not_split(word: str) -> None:
    assert len(segment(word)) == 1, segment(word)


def test_pieces_carry_offsets_within_token() -> None:
    norm, seg, pieces = analyse_word("وَبِالفِيدْيُو")
    assert norm == "وبالفيديو"
    assert list(seg) == ["و", "ب", "ال", "فيديو"]
    word = "وَبِالفِيدْيُو"
    for form, s, e in pieces:
        assert word[s:e] == form
    assert "".join(f for f, _, _ in pieces) == word


def test_restored_pieces_have_no_offsets() -> None:
    _, seg, pieces = analyse_word("للرئيس")
    assert list(seg) == ["ل", "ال", "رئيس"]
    assert pieces[1] == ("ال", None, None)
    _, seg, pieces = analyse_word("حكومته")
    assert pieces[0] == ("حكومة", None, None) and pieces[1] == ("ه", 5, 6)


def test_token_seg_and_words_in_document() -> None:
    text = "وقال بوتين لبايدن بالفيديو إن الكرملين"
    doc = Document(text=text)
    doc.tokens = tokenize_text(text)
    assert doc.check_offsets() == []
    by_surface = {text[t.start:t.end]: t for t in doc.tokens}
    assert by_surface["بوتين"].seg == ["بوتين"] and by_surface["بوتين"].words == []
    t = by_surface["بالفيديو"]
    assert t.seg == ["ب", "ال", "فيديو"]
    assert [(w.form, w.start, w.end) for w in t.words] == [
        ("ب", t.start, t.start + 1), ("ال", t.start + 1, t.start + 3), ("فيديو", t.start + 3, t.end)
    ]
    t = by_surface["لبايدن"]
    assert t.seg == ["ل", "بايدن"]
    assert text[t.words[1].start:t.words[1].end] == "بايدن"


def test_seg_lists_are_not_shared_between_tokens() -> None:
    toks = tokenize_text("وبايدن وبايدن")
    toks[0].seg.append("x")
    assert toks[1].seg == ["و", "بايدن"]
