"""Typed tokenisation and the tokenize stage."""

from __future__ import annotations

from khabar.document import Document
from khabar.text.stage import tokenize_text
from khabar.text.tokenize import tokenize_spans


def _toks(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], k) for s, e, k in tokenize_spans(text)]


def test_arabic_words_and_punctuation() -> None:
    text = "قال الكرملين، إن «الخط الأحمر» (موسكو) - نعم؟ لا؛ ربما!"
    assert _toks(text) == [
        ("قال", "ARABIC"), ("الكرملين", "ARABIC"), ("،", "PUNCT"), ("إن", "ARABIC"), ("«", "PUNCT"),
        ("الخط", "ARABIC"), ("الأحمر", "ARABIC"), ("»", "PUNCT"), ("(", "PUNCT"), ("موسكو", "ARABIC"),
        (")", "PUNCT"), ("-", "PUNCT"), ("نعم", "ARABIC"), ("؟", "PUNCT"), ("لا", "ARABIC"), ("؛", "PUNCT"),
        ("ربما", "ARABIC"), ("!", "PUNCT"),
    ]


def test_slash_between_month_names() -> None:
    text = "في 7 كانون الأول/ديسمبر"
    assert _toks(text) == [
        ("في", "ARABIC"), ("7", "NUMBER"), ("كانون", "ARABIC"), ("الأول", "ARABIC"), ("/", "PUNCT"),
        ("ديسمبر", "ARABIC"),
    ]


def test_numbers_both_digit_sets_decimals_percentages() -> None:
    text = "3.5 و3,5 و٣٫٥ و٢٠٢١ و۱۴۰۰ و50% و٥٠٪ 1,000,000"
    nums = [(s, k) for s, k in _toks(text) if k == "NUMBER"]
    assert [s for s, _ in nums] == ["3.5", "3,5", "٣٫٥", "٢٠٢١", "۱۴۰۰", "50%", "٥٠٪", "1,000,000"]
    toks = tokenize_text(text)
    norms = [t.norm for t in toks if t.kind == "NUMBER"]
    assert norms == ["3.5", "3,5", "3.5", "2021", "1400", "50%", "50%", "1,000,000"]


def test_sentence_final_number_keeps_full_stop_apart() -> None:
    assert _toks("عام 2018.") == [("عام", "ARABIC"), ("2018", "NUMBER"), (".", "PUNCT")]


def test_latin_url_email_hashtag_mention() -> None:
    text = "شاهد https://www.bbc.com/arabic/news-123. راسلنا على info@example.org #عاصي_الحلاني @AlArabiya_Brk برنامج The Voice"
    toks = _toks(text)
    assert ("https://www.bbc.com/arabic/news-123", "URL") in toks
    assert (".", "PUNCT") in toks  # the full stop after the URL is not part of it
    assert ("info@example.org", "EMAIL") in toks
    assert ("#عاصي_الحلاني", "HASHTAG") in toks
    assert ("@AlArabiya_Brk", "MENTION") in toks
    assert ("The", "LATIN") in toks and ("Voice", "LATIN") in toks


def test_quotes_are_tokens() -> None:
    toks = _toks('قال " نعم " و“لا” و\'ربما\'')
    assert [s for s, k in toks if k == "PUNCT"] == ['"', '"', "“", "”", "'", "'"]


def test_symbols() -> None:
    toks = _toks("€ 5 + $")
    assert ("€", "SYMBOL") in toks and ("+", "SYMBOL") in toks and ("$", "SYMBOL") in toks


def test_tokens_carry_norm_and_slice_the_text() -> None:
    text = "وقال بُوتين فى بـــيان إن الى ٣٫٥"
    doc = Document(text=text)
    doc.tokens = tokenize_text(text)
    assert doc.check_offsets() == []
    norms = [t.norm for t in doc.tokens]
    assert norms == ["وقال", "بوتين", "في", "بيان", "ان", "الي", "3.5"]
    for t in doc.tokens:
        assert t.kind is not None


def test_bidi_and_zero_width_controls_are_skipped_or_kept_inside_words() -> None:
    text = "\u200fبوتين\u200e \u200b قا\u200dل\u200d"
    toks = tokenize_text(text)
    assert [text[t.start:t.end] for t in toks] == ["بوتين", "قا\u200dل"]  # a joiner inside, not at the edge
    assert [t.norm for t in toks] == ["بوتين", "قال"]


def test_tatweel_and_diacritics_stay_in_word() -> None:
    text = "بـ\"ذا فويس\" مُحَمَّدٌ"
    toks = tokenize_text(text)
    assert [text[t.start:t.end] for t in toks] == ["بـ", '"', "ذا", "فويس", '"', "مُحَمَّدٌ"]
    assert toks[-1].norm == "محمد"
