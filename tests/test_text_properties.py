"""Property tests (hypothesis) and hostile input for the text layer: no crash, every span slices the text."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.text.normalize import normalize, normalize_map
from khabar.text.segment import analyse_word
from khabar.text.sentences import split_sentences

TEXT = Pipeline(["tokenize", "sentences", "dateline"])

# Arabic-heavy text: letters, marks, tatweel, digits, punctuation, quotes, controls, newlines.
_ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0653)]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳٤٫٬٪0123456789")
    + list(" \n\t.،؛؟!:-–—/()«»\"“”'ـ@#%")
    + ["\u200f", "\u200e", "\u200d", "\u200c", "\ufeff", "\u202b", "\u2067", "ﻻ", "ﷲ", "ﺑ"]
    + ["رويترز", "(أ ف ب)", "موسكو (رويترز) - ", "بوتين", "وبايدن", "بالفيديو", "الكرملين", "ال", "لل", "و", "3.5"]
)
arabic_text = st.lists(st.sampled_from(_ARABIC_ALPHABET), max_size=80).map("".join)
any_text = st.text(max_size=200)


def _check_document(doc: Document) -> None:
    text = doc.text
    assert doc.check_offsets() == []
    prev_end = 0
    for t in doc.tokens:
        assert prev_end <= t.start < t.end <= len(text)
        prev_end = t.end
        assert t.kind in {"ARABIC", "NUMBER", "LATIN", "URL", "EMAIL", "HASHTAG", "MENTION", "PUNCT", "SYMBOL"}
        assert t.seg
        for w in t.words:
            if w.start is not None:
                assert t.start <= w.start <= w.end <= t.end and text[w.start:w.end] == w.form
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        prev_end = s.end
    # no token straddles a sentence boundary
    bounds = sorted({b for s in doc.sentences for b in (s.start, s.end)})
    for t in doc.tokens:
        assert not any(t.start < b < t.end for b in bounds), (text[t.start:t.end], bounds)
    if doc.dateline is not None:
        assert text[doc.dateline.start:doc.dateline.end] == doc.dateline.text
        for sp in (doc.dateline.place_span, doc.dateline.agency_span):
            if sp is not None:
                assert text[sp.start:sp.end] == sp.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_unicode(text: str) -> None:
    doc = TEXT(text)
    assert doc.text == text
    _check_document(doc)


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_arabic_heavy(text: str) -> None:
    doc = TEXT(text)
    assert doc.text == text
    _check_document(doc)


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, arabic_text))
def test_normalize_map_agrees_with_normalize(text: str) -> None:
    nm = normalize_map(text)
    assert nm.text == normalize(text)
    assert len(nm.starts) == len(nm.ends) == len(nm.text)
    for j in range(len(nm.text)):
        s, e = nm.starts[j], nm.ends[j]
        assert 0 <= s < e <= len(text)
        assert normalize(text[s:e]).startswith(nm.text[j]) or nm.text[j] in normalize(text[s:e])
    assert nm.starts == sorted(nm.starts)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, arabic_text))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([chr(c) for c in range(0x0621, 0x0656)] + ["ـ", "\u200d"]), min_size=1, max_size=14).map("".join))
def test_segment_pieces_slice_the_word(word: str) -> None:
    if not word[0].isalpha():
        return
    _, seg, pieces = analyse_word(word)
    assert len(seg) == len(pieces) >= 1
    prev = 0
    for form, s, e in pieces:
        if s is not None:
            assert prev <= s <= e <= len(word) and word[s:e] == form
            prev = e


def test_empty_and_whitespace() -> None:
    for text in ["", " ", "\n\n\t  \n", "\u200f\u200e\u200d"]:
        doc = TEXT(text)
        assert doc.tokens == [] and doc.sentences == [] and doc.dateline is None
        assert doc.check_offsets() == []


def test_no_arabic() -> None:
    text = "MOSCOW (Reuters) - The Kremlin said on Sunday. Mr. Putin spoke! 3.5% of U.S. trade."
    doc = TEXT(text)
    _check_document(doc)
    assert {t.kind for t in doc.tokens} <= {"LATIN", "PUNCT", "NUMBER"}
    assert doc.dateline is not None and doc.dateline.text == "MOSCOW (Reuters) -"
    assert len(doc.sentences) == 4  # dateline + three sentences


def test_mixed_arabic_latin_and_marks() -> None:
    text = "قال\u200f Putin \u200eإن NATO\u200d «لن» يتوسع.\u202bشرقا\u202c؟ 3.5٪"
    doc = TEXT(text)
    _check_document(doc)
    assert any(t.kind == "LATIN" for t in doc.tokens) and any(t.kind == "ARABIC" for t in doc.tokens)


def test_unbalanced_quotes() -> None:
    for text in ['قال "نعم. ثم', "«بدون إغلاق. نعم. لا", "إغلاق» بلا فتح. نعم", '""""". . .""', "“. ” „. “"]:
        doc = TEXT(text)
        _check_document(doc)
        assert doc.sentences


def test_binaryish_text() -> None:
    text = "".join(chr(c) for c in range(0, 0x800)) + "\ufffd\x00\x01" * 100
    doc = TEXT(text)
    _check_document(doc)


def test_large_text_is_linear() -> None:
    """~2 MB of news-like text must go through quickly (no quadratic behaviour); pathological shapes too."""
    para = "وقال الرئيس بوتين لبايدن بالفيديو إن \"الخط الأحمر. واضح\" بنسبة 3.5% في 7 كانون الأول/ديسمبر. "
    big = (para * (2_000_000 // len(para)))
    t0 = time.perf_counter()
    doc = TEXT(big)
    assert doc.tokens and doc.sentences
    assert doc.tokens[-1].end <= len(big)
    hostile = [
        "a." * 50_000,  # dotted initials everywhere
        '"' * 50_000,  # quotes only
        ". " * 50_000,  # stops only
        "www." * 20_000,  # URL starts
        "a@" * 50_000,  # e-mail starts
        "#" * 50_000 + "_" * 50_000,
        "ـ" * 50_000,  # tatweel only
        "\u064e" * 50_000,  # diacritics only
        "و" * 50_000,  # one endless word
        "(رويترز) - " * 5_000,
    ]
    for text in hostile:
        doc = TEXT(text)
        assert doc.check_offsets() == []
        assert split_sentences(text) is not None
    # Generous bound only to catch quadratic blow-ups (seconds, not minutes); speed is measured by the bench.
    assert time.perf_counter() - t0 < 60
