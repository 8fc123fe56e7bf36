"""The khabar/1 JSON Schema shipped in the package: analysis output and the seed gold validate."""

from __future__ import annotations

import json
from typing import Any

import pytest

import khabar
from khabar.document import Document
from khabar.schema import OUTPUT_KEYS, errors, schema, validate


def test_schema_is_shipped_and_well_formed() -> None:
    from jsonschema import Draft202012Validator

    s = schema()
    Draft202012Validator.check_schema(s)
    assert s["properties"]["format"] == {"const": "khabar/1"}


def test_analysis_output_validates() -> None:
    d = khabar.analyze("موسكو (رويترز) - قال الكرملين يوم الأحد إن بوتين وبايدن اتفقا.", published="2021-12-12")
    data = d.to_dict()
    assert errors(data, output=True) == []
    assert set(OUTPUT_KEYS) <= set(data)
    validate(json.loads(d.to_json()), output=True)


def test_seed_gold_validates_as_gold(seed_gold: dict[str, Any], seed_text: str) -> None:
    gold = seed_gold
    assert errors(gold) == []  # layers may be missing, extra keys (non_quotes, not_coded…) allowed
    assert errors(gold, output=True)  # but it is not complete analysis output (no text, no tokens)
    doc = Document.from_dict({**gold, "text": seed_text})
    assert errors(doc.to_dict()) == []
    assert doc.check_offsets() == []


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "khabar/2", "text": ""},
        {"format": "khabar/1", "text": 5},
        {"format": "khabar/1", "entities": [{"id": "e", "type": "PERSON", "mentions": []}]},
        {"format": "khabar/1", "entities": [{"id": "e", "type": "PER", "mentions": [{"start": -1, "end": 2, "text": "x"}]}]},
        {"format": "khabar/1", "times": [{"start": 0, "end": 1, "text": "x", "type": "WHEN"}]},
        {"format": "khabar/1", "quotes": [{"type": "direct", "speaker": None, "addressee": None, "cue": None}]},
        {"format": "khabar/1", "events": [{"event": "INVADE"}]},
        {"format": "khabar/1", "events": [{"event": "ASSAULT", "factuality": "maybe"}]},
        {"text": "no format"},
    ],
)
def test_schema_rejects_bad_documents(bad: dict) -> None:
    assert errors(bad)
    with pytest.raises(ValueError, match="invalid khabar/1"):
        validate(bad)
