"""khabar.eval.docs: the document-level scorer (rules of document-format.md, choices in its docstring)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app
from khabar.eval.docs import EvalError, headline, load_gold, read_documents, score_documents, text_sha256
from khabar.eval.matching import max_matching
from khabar.paths import SEED_DIR

SEED = SEED_DIR
needs_seed = pytest.mark.skipif(not (SEED / "gold.json").is_file(), reason="shared/seed not present")

TEXT = "قال بوتين إن روسيا لن تهاجم. وقال بايدن يوم الأحد إن العقوبات قادمة حاليا ضد الغرب، ورد بوتين."


def sp(needle: str, nth: int = 0, text: str = TEXT) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def ent(eid: str, typ: str, *mentions: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {"id": eid, "type": typ, "mentions": list(mentions), **kw}


def gold_doc() -> dict[str, Any]:
    return {
        "format": "khabar/1",
        "id": "g1",
        "text": TEXT,
        "entities": [
            ent("putin", "PER", sp("بوتين"), sp("بوتين", 1), wikidata="Q7747", canonical="Vladimir Putin"),
            ent("biden", "PER", sp("بايدن"), wikidata="Q6279"),
            ent("russia", "LOC", sp("روسيا"), wikidata="Q159"),
            ent("west", "MISC", sp("الغرب"), optional=True),
        ],
        "times": [
            {**sp("يوم الأحد"), "type": "DATE", "value": "2021-12-12"},
            {**sp("حاليا"), "type": "DATE", "value": "PRESENT_REF", "optional": True},
        ],
        "quotes": [
            {
                "type": "indirect",
                "speaker": "putin",
                "addressee": None,
                "cue": sp("قال"),
                "content": sp("روسيا لن تهاجم"),
            },
            {
                "type": "indirect",
                "speaker": "biden",
                "addressee": None,
                "cue": sp("قال", 1),
                "content": sp("العقوبات قادمة"),
            },
        ],
        "events": [
            {
                "event": "THREATEN",
                "actor": ["biden"],
                "recipient": ["russia"],
                "date": "2021-12-07",
                "factuality": "asserted",
                "mode": [],
                "evidence": [sp("العقوبات قادمة")],
            },
            {
                "event": "ASSAULT",
                "actor": ["russia"],
                "recipient": [],
                "factuality": "negated",
                "evidence": [sp("لن تهاجم")],
            },
        ],
    }


def partial_prediction() -> dict[str, Any]:
    return {
        "format": "khabar/1",
        "id": "other-id",  # paired with the gold by text hash
        "text": TEXT,
        "entities": [
            ent("p1", "PER", sp("بوتين"), wikidata="Q7747"),  # holds 1 of 2 mentions: found, linked
            ent("p2", "LOC", sp("بايدن")),  # wrong type, no link
            ent("p3", "MISC", sp("الغرب")),  # optional gold: neutral
            ent("p4", "PER", sp("العقوبات")),  # spurious
            ent("p5", "LOC", sp("روسيا"), wikidata="Q159"),
        ],
        "times": [
            {**sp("الأحد"), "type": "DATE", "value": "2021-12-12"},  # overlaps, right value
            {**sp("حاليا"), "type": "DATE", "value": "PRESENT_REF"},  # optional gold: neutral
            {**sp("قادمة"), "type": "DATE", "value": "FUTURE_REF"},  # spurious
        ],
        "quotes": [
            {
                "type": "direct",
                "speaker": "p1",
                "addressee": None,
                "cue": None,
                "content": sp("روسيا لن تهاجم."),
            },
            {
                "type": "indirect",
                "speaker": None,
                "addressee": None,
                "cue": None,
                "content": sp("العقوبات قادمة"),
            },
        ],
        "events": [
            {
                "event": "THREATEN",
                "actor": ["p2"],
                "recipient": ["p5"],
                "date": "2021-12-12",
                "factuality": "asserted",
                "evidence": [sp("العقوبات")],
            },
            {
                "event": "THREATEN",
                "actor": ["p2"],
                "recipient": ["p5"],
                "date": "2021-12-12",
                "factuality": "asserted",
                "evidence": [sp("قادمة")],
            },  # a duplicate: false positive
            {
                "event": "ASSAULT",
                "actor": ["p5"],
                "recipient": [],
                "factuality": "hypothetical",
                "evidence": [sp("تهاجم")],
            },  # not asserted: not counted
        ],
    }


def prf(layer: dict[str, Any]) -> tuple[int, int, int, int]:
    return layer["gold"], layer["pred"], layer["tp_gold"], layer["tp_pred"]


def test_gold_as_prediction_scores_one_everywhere() -> None:
    gold = gold_doc()
    result = score_documents([gold], [copy.deepcopy(gold)])
    for name, layer in result["layers"].items():
        for key in ("precision", "recall", "f1", "accuracy"):
            if key in layer and layer[key] is not None:
                assert layer[key] == 1.0, (name, key, layer)
    assert result["warnings"] == []


def test_empty_prediction_scores_zero_recall() -> None:
    gold = gold_doc()
    empty = {
        "format": "khabar/1",
        "id": "g1",
        "text": TEXT,
        "entities": [],
        "times": [],
        "quotes": [],
        "events": [],
    }
    for preds in ([empty], []):
        layers = score_documents([gold], preds)["layers"]
        for name in ("mentions_exact", "mentions_overlap", "entities", "times", "quotes", "events"):
            assert layers[name]["recall"] == 0.0
            assert layers[name]["pred"] == 0
        assert layers["linking"]["recall"] == 0.0


def test_hand_built_partial_prediction() -> None:
    result = score_documents([gold_doc()], [partial_prediction()])
    layers = result["layers"]
    assert result["matched"] == 1
    # mentions: gold PER×3 + LOC×1; output PER بوتين ✓, LOC بايدن ✗, PER العقوبات ✗, LOC روسيا ✓, MISC الغرب neutral
    assert prf(layers["mentions_exact"]) == (4, 4, 2, 2)
    assert layers["mentions_exact"]["neutral"] == 1
    assert layers["mentions_exact"]["precision"] == pytest.approx(0.5)
    assert layers["mentions_exact"]["recall"] == pytest.approx(0.5)
    # entities: all three required found (بوتين holds 1 of 2 = half); p4 false, p3 neutral
    assert prf(layers["entities"]) == (3, 4, 3, 3)
    assert layers["entities"]["precision"] == pytest.approx(0.75)
    assert layers["entities"]["f1"] == pytest.approx(2 * 0.75 / 1.75)
    # linking: putin and russia right, biden's holder has no QID
    assert layers["linking"] == {
        "gold": 3,
        "found": 3,
        "correct": 2,
        "accuracy": pytest.approx(2 / 3),
        "recall": pytest.approx(2 / 3),
        "docs": 1,
    }
    assert prf(layers["times"]) == (1, 2, 1, 1)
    assert layers["times"]["neutral"] == 1
    assert layers["times"]["precision"] == 0.5 and layers["times"]["recall"] == 1.0
    # quotes: the first matches (shifted end, same speaker through a shared mention); the second lacks a speaker
    assert prf(layers["quotes"]) == (2, 2, 1, 1)
    assert prf(layers["quotes_span"]) == (2, 2, 2, 2)
    assert layers["quote_type"]["matched"] == 1 and layers["quote_type"]["correct"] == 0
    # events: one asserted gold; two matching outputs, one-to-one → one false positive; date wrong
    assert prf(layers["events"]) == (1, 2, 1, 1)
    assert layers["event_date"]["accuracy"] == 0.0
    assert layers["event_mode"] == {"matched": 1, "correct": 1, "accuracy": 1.0, "docs": 1}  # [] = missing


def test_all_factuality_counts_every_event() -> None:
    layers = score_documents([gold_doc()], [partial_prediction()], all_factuality=True)["layers"]
    # gold: THREATEN + negated ASSAULT; output adds a hypothetical ASSAULT that matches it by type/actor/evidence
    assert prf(layers["events"]) == (2, 3, 2, 2)
    assert layers["event_factuality"] == {"matched": 2, "correct": 1, "accuracy": 0.5, "docs": 1}


def test_optional_items_are_neutral() -> None:
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    # absent optional items are not misses
    pred["entities"] = [e for e in pred["entities"] if not e.get("optional")]
    pred["times"] = [t for t in pred["times"] if not t.get("optional")]
    layers = score_documents([gold], [pred])["layers"]
    assert layers["mentions_exact"]["recall"] == 1.0 and layers["entities"]["recall"] == 1.0
    assert layers["times"]["recall"] == 1.0
    # an optional event that also matches a required one does not cost precision
    gold["events"].append({**gold["events"][0], "recipient": [], "optional": True})
    pred = copy.deepcopy(gold)
    for e in pred["events"]:
        e.pop("optional", None)
    layers = score_documents([gold], [pred])["layers"]
    assert layers["events"]["precision"] == 1.0 and layers["events"]["neutral"] == 1


def test_null_speaker_matches_only_null() -> None:
    gold = gold_doc()
    gold["quotes"][1]["speaker"] = None
    pred = copy.deepcopy(gold)
    assert score_documents([gold], [pred])["layers"]["quotes"]["f1"] == 1.0
    pred["quotes"][1]["speaker"] = "biden"
    assert score_documents([gold], [pred])["layers"]["quotes"]["tp_gold"] == 1


def test_coref_mention_identifies_speaker() -> None:
    gold = gold_doc()
    gold["entities"][1]["coref_mentions"] = [sp("وقال")]
    pred = copy.deepcopy(gold)
    pred["entities"][1] = ent("b2", "PER", coref_mentions=[sp("وقال")])
    pred["quotes"][1]["speaker"] = "b2"
    layers = score_documents([gold], [pred])["layers"]
    assert layers["quotes"]["tp_gold"] == 2
    # an entity made only of a gold coref span is not a false positive (the other neutral one: optional west)
    assert layers["entities"]["neutral"] == 2


def test_layers_absent_from_gold_are_not_judged() -> None:
    gold = {k: v for k, v in gold_doc().items() if k not in ("quotes", "events")}
    layers = score_documents([gold], [partial_prediction()])["layers"]
    assert layers["quotes"]["precision"] is None and layers["quotes"]["docs"] == 0
    assert layers["events"]["gold"] == 0 and layers["events"]["pred"] == 0


def test_text_mismatch_is_not_scored() -> None:
    pred = partial_prediction()
    pred["id"] = "g1"
    pred["text"] = TEXT + " "
    result = score_documents([gold_doc()], [pred])
    assert result["matched"] == 0
    assert any("differs" in w for w in result["warnings"])


def test_hostile_prediction_does_not_crash() -> None:
    bad = {
        "format": "khabar/1",
        "id": "g1",
        "text": TEXT,
        "entities": [None, {"id": 3}, {"id": "x", "mentions": "no"}],
        "times": [{"start": "a"}],
        "quotes": [{"content": None}, 5],
        "events": [{"evidence": [{"start": 5, "end": 1}]}],
    }
    result = score_documents([gold_doc()], [bad])
    assert result["layers"]["mentions_exact"]["tp_gold"] == 0


def test_max_matching_is_maximum() -> None:
    # pred 0 can take gold 0 or 1, pred 1 only gold 0: a greedy pairing would get 1, the maximum is 2
    edges = {(0, 0), (0, 1), (1, 0)}
    assert len(max_matching(2, 2, lambda p, g: (p, g) in edges)) == 2
    assert len(max_matching(3, 1, lambda p, g: True)) == 1


def test_read_documents_formats(tmp_path: Path) -> None:
    doc = gold_doc()
    (tmp_path / "a.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(doc) + "\n")
    assert len(read_documents(tmp_path / "a.json")) == 1
    assert len(read_documents(tmp_path / "b.jsonl")) == 2
    (tmp_path / "c.json").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(EvalError):
        read_documents(tmp_path / "c.json")
    (tmp_path / "d.json").write_text('{"format": "other/2"}')
    with pytest.raises(EvalError):
        read_documents(tmp_path / "d.json")


def test_gold_text_from_same_named_txt(tmp_path: Path) -> None:
    doc = gold_doc()
    text = doc.pop("text")
    doc["text_sha256"] = text_sha256(text)
    (tmp_path / "art.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "art.txt").write_text(text, encoding="utf-8")
    assert load_gold(tmp_path / "art.json")[0]["text"] == text
    (tmp_path / "art.txt").write_text(text + "x", encoding="utf-8")
    assert "text" not in load_gold(tmp_path / "art.json")[0]  # hash mismatch: not taken
    with pytest.raises(EvalError):
        load_gold(tmp_path / "art.json", tmp_path / "art.txt")


@needs_seed
def test_seed_perfect_and_empty_via_cli(tmp_path: Path) -> None:
    _load()
    gold = load_gold(SEED / "gold.json")[0]
    assert text_sha256(gold["text"]) == gold["text_sha256"]
    (tmp_path / "perfect.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text(
        json.dumps(
            {
                "format": "khabar/1",
                "id": "x",
                "text": gold["text"],
                "entities": [],
                "times": [],
                "quotes": [],
                "events": [],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    res = runner.invoke(
        app,
        [
            "eval",
            "docs",
            str(SEED / "gold.json"),
            "--pred",
            str(tmp_path / "perfect.jsonl"),
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    layers = json.loads(res.stdout)["layers"]
    for name in ("mentions_exact", "mentions_overlap", "entities", "times", "quotes", "events"):
        assert layers[name]["f1"] == 1.0, name
    for name in ("linking", "quote_type", "event_date"):
        assert layers[name]["accuracy"] == 1.0, name
    res = runner.invoke(
        app,
        [
            "eval",
            "docs",
            str(SEED / "gold.json"),
            "--pred",
            str(tmp_path / "empty.jsonl"),
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    layers = json.loads(res.stdout)["layers"]
    for name in ("mentions_exact", "entities", "times", "quotes", "events"):
        assert layers[name]["recall"] == 0.0 and layers[name]["f1"] == 0.0, name
    res = runner.invoke(
        app, ["eval", "docs", str(SEED / "gold.json"), "--pred", str(tmp_path / "perfect.jsonl")]
    )
    assert res.exit_code == 0 and "mentions exact" in res.stdout


def test_cli_reports_bad_input_cleanly(tmp_path: Path) -> None:
    _load()
    (tmp_path / "g.json").write_text("not json", encoding="utf-8")
    (tmp_path / "p.jsonl").write_text("", encoding="utf-8")
    res = CliRunner().invoke(
        app, ["eval", "docs", str(tmp_path / "g.json"), "--pred", str(tmp_path / "p.jsonl")]
    )
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_headline_has_shared_layers() -> None:
    result = score_documents([gold_doc()], [partial_prediction()])
    assert set(headline(result)) == {
        "mentions_exact",
        "mentions_overlap",
        "entities",
        "linking",
        "times",
        "quotes",
        "quote_type",
        "events",
        "event_date",
    }


def test_canonical_link_ignores_case_and_glosses() -> None:
    gold = gold_doc()
    gold["entities"][0]["wikidata"] = None
    gold["entities"][0]["canonical"] = "Vladimir Putin (Russian president)"
    pred = copy.deepcopy(gold)
    pred["entities"][0]["canonical"] = "vladimir  PUTIN"
    assert score_documents([gold], [pred])["layers"]["linking"]["accuracy"] == 1.0
    pred["entities"][0]["canonical"] = "Vladimir Potanin"
    assert score_documents([gold], [pred])["layers"]["linking"]["correct"] == 2
