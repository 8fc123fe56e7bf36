from typing import Any

import khabar
from khabar.document import Document


def test_round_trip_of_analysis_is_lossless():
    doc = khabar.analyze("قال الكرملين يوم الأحد إن بوتين وبايدن اتفقا.", published="2021-12-12")
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_dict() == doc.to_dict()
    assert doc.to_dict()["format"] == "khabar/1"


def test_unknown_keys_survive_round_trip():
    data = {"format": "khabar/1", "id": "x", "text": "بوتين", "not_coded": [{"why": "test"}],
            "entities": [{"id": "e", "type": "PER", "mentions": [{"start": 0, "end": 5, "text": "بوتين", "optional": True}]}]}
    doc = Document.from_dict(data)
    out = doc.to_dict()
    assert out["not_coded"] == data["not_coded"]
    assert out["entities"][0]["mentions"][0]["optional"] is True


def test_check_offsets_flags_bad_span():
    doc = Document.from_dict({"text": "abc", "entities": [{"id": "e", "type": "PER", "mentions": [{"start": 0, "end": 2, "text": "bc"}]}]})
    assert doc.check_offsets()


def test_seed_gold_offsets_are_valid(seed_gold: dict[str, Any], seed_text: str):
    assert Document.from_dict({**seed_gold, "text": seed_text}).check_offsets() == []
