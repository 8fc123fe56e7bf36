"""``khabar eval docs`` must agree with the independent scorer in bench/independent_scorer.py."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import random
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from khabar.eval.docs import headline, load_gold, score_documents
from khabar.paths import SEED_DIR

ROOT = Path(__file__).resolve().parents[1]
SEED = SEED_DIR

_spec = importlib.util.spec_from_file_location("independent_scorer", ROOT / "bench" / "independent_scorer.py")
assert _spec and _spec.loader
independent = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(independent)

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the synthetic documents of test_eval_docs
from test_eval_docs import gold_doc, partial_prediction  # noqa: E402


def _spans(obj: Any) -> list[dict[str, Any]]:
    out = []
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            out.append(obj)
        for value in obj.values():
            out += _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            out += _spans(value)
    return out


def _strip_optional(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    for item in (
        _spans(doc)
        + doc.get("entities", [])
        + doc.get("times", [])
        + doc.get("quotes", [])
        + doc.get("events", [])
    ):
        item.pop("optional", None)
    return doc


def variants(gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    base = _strip_optional(gold)
    out: dict[str, dict[str, Any]] = {"perfect": copy.deepcopy(gold), "no_optional_flags": base}
    out["empty"] = {
        "format": "khabar/1",
        "id": gold["id"],
        "text": gold["text"],
        "entities": [],
        "times": [],
        "quotes": [],
        "events": [],
    }

    d = copy.deepcopy(base)
    for key in ("entities", "times", "quotes", "events"):
        d[key] = d[key][::2]
    for e in d["entities"]:
        e["mentions"] = e["mentions"][::2]
    out["partial"] = d

    d = copy.deepcopy(base)
    for s in _spans({k: d[k] for k in ("entities", "times", "quotes", "events")}):
        s["start"] += 2
        s["end"] += 2
    out["shifted"] = d

    d = copy.deepcopy(base)
    speakers = [q["speaker"] for q in d["quotes"]]
    for q, s in zip(d["quotes"], speakers[1:] + speakers[:1], strict=True):
        q["speaker"] = s
    out["wrong_speaker"] = d

    d = copy.deepcopy(base)
    types = ["PER", "ORG", "LOC", "MISC"]
    for e in d["entities"]:
        e["type"] = types[(types.index(e["type"]) + 1) % 4] if e["type"] in types else "PER"
    for q in d["quotes"]:
        q["type"] = {"direct": "indirect", "indirect": "mixed", "mixed": "direct"}.get(q["type"], "direct")
    for ev in d["events"][::2]:
        ev["event"] = "ACCUSE" if ev["event"] != "ACCUSE" else "AGREE"
    for t in d["times"][::2]:
        t["value"] = "PAST_REF"
    out["wrong_types"] = d

    d = copy.deepcopy(base)
    if len(d["entities"]) >= 2:
        d["entities"][0]["mentions"] += d["entities"][1]["mentions"]
        d["entities"][0]["wikidata"] = None
        del d["entities"][1]
    out["merged_entities"] = d

    d = copy.deepcopy(base)
    for i, e in enumerate(d["entities"]):
        name = (e.get("canonical") or "x").split(" (")[0]
        e["canonical"] = f"{name.upper()} (system gloss)" if i % 3 else f"{name} (other (nested))"
        if i % 2:
            e["wikidata"] = None
        if i % 5 == 4:
            e["canonical"] = "someone else"
    out["canonical_names"] = d

    d = copy.deepcopy(base)
    d["quotes"] += copy.deepcopy(d["quotes"])
    d["events"] += copy.deepcopy(d["events"])
    d["times"] += copy.deepcopy(d["times"])
    out["duplicates"] = d

    for seed in range(6):
        rng = random.Random(seed)
        d = copy.deepcopy(base)
        ids = [e["id"] for e in d["entities"]]
        for e in d["entities"]:
            e["mentions"] = [m for m in e["mentions"] if rng.random() < 0.7]
            if rng.random() < 0.3:
                e["wikidata"] = None
        d["entities"] = [e for e in d["entities"] if rng.random() < 0.85]
        for key in ("times", "quotes", "events"):
            d[key] = [x for x in d[key] if rng.random() < 0.8]
        for s in _spans({k: d[k] for k in ("entities", "times", "quotes", "events")}):
            if rng.random() < 0.25:
                delta = rng.randint(-8, 8)
                s["start"] = max(0, s["start"] + delta)
                s["end"] = max(s["start"] + 1, s["end"] + rng.randint(-8, 8))
        for q in d["quotes"]:
            if rng.random() < 0.2:
                q["speaker"] = rng.choice([*ids, None])
        for ev in d["events"]:
            if rng.random() < 0.3 and ids:
                ev["actor"] = [rng.choice(ids)]
            if rng.random() < 0.2 and ids:
                ev["recipient"] = [rng.choice(ids)]
            if rng.random() < 0.2:
                ev["factuality"] = "negated"
            if rng.random() < 0.2:
                ev["date"] = None
        if d["quotes"] and rng.random() < 0.5:
            d["quotes"].append(copy.deepcopy(rng.choice(d["quotes"])))
        out[f"random_{seed}"] = d
    return out


def assert_agree(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]], all_factuality: bool = False
) -> None:
    ours = headline(score_documents(golds, preds, all_factuality=all_factuality))
    theirs = independent.score(golds, preds, all_factuality)
    assert set(ours) == set(theirs)
    for layer, figures in theirs.items():
        for key, value in figures.items():
            mine = ours[layer][key]
            if isinstance(value, float):
                assert mine == pytest.approx(value), (layer, key, mine, value)
            else:
                assert mine == value, (layer, key, mine, value)


def test_agreement_on_synthetic_document() -> None:
    gold = gold_doc()
    for name, pred in [*variants(gold).items(), ("hand_partial", partial_prediction())]:
        try:
            assert_agree([gold], [pred])
            assert_agree([gold], [pred], all_factuality=True)
        except AssertionError as err:
            raise AssertionError(f"variant {name}: {err}") from None


@pytest.mark.skipif(not (SEED / "gold.json").is_file(), reason="shared/seed not present")
def test_agreement_on_seed() -> None:
    gold = load_gold(SEED / "gold.json")[0]
    for name, pred in variants(gold).items():
        try:
            assert_agree([gold], [pred])
        except AssertionError as err:
            raise AssertionError(f"variant {name}: {err}") from None
    # several documents at once, one without output, gold without text (paired through text_sha256)
    raw = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    other = gold_doc()
    assert_agree([raw, other], [variants(gold)["partial"]])


@pytest.mark.skipif(not (SEED / "gold.json").is_file(), reason="shared/seed not present")
def test_independent_cli_prints_headline(tmp_path: Path) -> None:
    gold = load_gold(SEED / "gold.json")[0]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(variants(gold)["random_1"], ensure_ascii=False) + "\n", encoding="utf-8")
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert independent.main([str(SEED / "gold.json"), "--pred", str(pred)]) == 0
    printed = json.loads(buf.getvalue())
    ours = headline(score_documents([gold], [variants(gold)["random_1"]]))
    assert printed["quotes"]["tp_gold"] == ours["quotes"]["tp_gold"]
    assert printed["events"]["pred"] == ours["events"]["pred"]
