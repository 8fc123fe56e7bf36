"""Property tests over the whole pipeline: arbitrary Unicode never crashes khabar.analyze, every span
slices the original text, sentences are in order without overlap, and the output fits the schema."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.document import Document
from khabar.schema import errors

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIAL = st.sampled_from(list("\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u2066\u2069\ufeff\u0640\u064b\u0651"
                               "«»\"“”'.،؛؟!:()-\n\t 0123456789٠١٢٣٤٥٦٧٨٩۰۱۲%#@/_"))
NEWSY = st.text(st.one_of(ARABIC, SPECIAL, st.characters(codec="utf-8")), max_size=300)
ANY = st.text(max_size=200)  # includes lone surrogates, controls, astral planes


def check(doc: Document, text: str) -> None:
    assert doc.text == text
    assert doc.check_offsets() == []
    last = 0
    for s in doc.sentences:
        assert last <= s.start <= s.end <= len(text)
        last = s.end
    data = doc.to_dict()
    assert errors(data, output=True) == []
    assert Document.from_json(doc.to_json()) == doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_newsy_text(text: str) -> None:
    check(khabar.analyze(text, published="2021-12-12"), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY)
def test_arbitrary_unicode(text: str) -> None:
    check(khabar.analyze(text), text)
