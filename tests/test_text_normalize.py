"""Normalisation for matching: khabar.text.normalize."""

from __future__ import annotations

import pytest

from khabar.text.normalize import normalize, normalize_map


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إسرائيل", "اسرائيل"),
        ("آمال", "امال"),
        ("ٱلله", "الله"),
        ("فى", "في"),
        ("التى", "التي"),
        ("الى", "الي"),
        ("إلى", "الي"),
        ("مُحَمَّدٌ", "محمد"),
        ("بـــوتين", "بوتين"),
        ("٢٠٢١", "2021"),
        ("۱۴۰۰", "1400"),
        ("٣٫٥", "3.5"),
        ("٪٥٠", "%50"),
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("ﺑﻮﺗﻴﻦ", "بوتين"),
        ("\u200fبوتين\u200e", "بوتين"),
        ("بو\u200dتين", "بوتين"),
        ("پوتین", "پوتين"),
        ("ABC", "ABC"),
        ("ＡＢＣ１２", "ABC12"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_same_word_different_spellings_match() -> None:
    assert normalize("فى") == normalize("في")
    assert normalize("التى") == normalize("التي")
    assert normalize("الى") == normalize("إلى")
    assert normalize("أوكرانيا") == normalize("اوكرانيا")


def test_keep_hamza() -> None:
    assert normalize("أوكرانيا", keep_hamza=True) == "أوكرانيا"
    assert normalize("إلى", keep_hamza=True) == "إلي"
    assert normalize("ٱلله", keep_hamza=True) == "الله"  # wasla is not a hamza
    assert normalize("مُؤْتَمَر", keep_hamza=True) == "مؤتمر"


def test_ta_marbuta_option() -> None:
    assert normalize("حكومة") == "حكومة"
    assert normalize("حكومة", ta_marbuta=True) == "حكومه"
    assert normalize("حكومة", ta_marbuta=True) == normalize("حكومه", ta_marbuta=True)


def test_normalize_map_offsets_back_to_source() -> None:
    text = "قال الرَّئِيسُ بـــوتين ﷲ \u200f٣٫٥"
    nm = normalize_map(text)
    assert nm.text == normalize(text)
    assert len(nm.starts) == len(nm.ends) == len(nm.text)
    i = nm.text.index("بوتين")
    s, e = nm.source_span(i, i + len("بوتين"))
    assert text[s:e] == "بـــوتين"
    i = nm.text.index("الرئيس")
    s, e = nm.source_span(i, i + len("الرئيس"))
    assert text[s:e] == "الرَّئِيسُ"
    i = nm.text.index("الله")
    s, e = nm.source_span(i, i + 4)
    assert text[s:e] == "ﷲ"
    i = nm.text.index("3.5")
    s, e = nm.source_span(i, i + 3)
    assert text[s:e] == "٣٫٥"


def test_normalize_map_find_all() -> None:
    text = "بوتين وبُوتين لبوتين"
    spans = normalize_map(text).find_all("بوتين")
    assert [text[s:e] for s, e in spans] == ["بوتين", "بُوتين", "بوتين"]


def test_normalize_map_identity_and_empty() -> None:
    nm = normalize_map("abc")
    assert nm.text == "abc" and nm.starts == [0, 1, 2] and nm.ends == [1, 2, 3]
    empty = normalize_map("")
    assert empty.text == "" and empty.source_span(0, 0) == (0, 0)
    gone = normalize_map("\u064e\u200f")
    assert gone.text == "" and gone.source_span(0, 0) == (2, 2)
