"""``khabar bench pipeline``: per-stage timing over a corpus (behaviour only, never speed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.bench.pipeline import iter_articles, run
from khabar.cli import _load
from khabar.cli.apps import app
from khabar.pipeline import Pipeline

TEXT_STAGES = ["tokenize", "sentences", "dateline"]

ARTICLES = [
    {
        "id": "a1",
        "text": "موسكو (رويترز) - قال الكرملين يوم الأحد إن بوتين وبايدن اتفقا على مواصلة المحادثات.",
        "published": "2021-12-12T10:00:00+03:00",
    },
    {"id": "a2", "text": "", "published": "2021-12-12"},  # empty: skipped
    {"id": "a3", "text": "No Arabic here at all.", "published": None},
    {"id": "a4", "text": "وقال المتحدث إن الاجتماع سيعقد غدا في القاهرة."},
]


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in ARTICLES:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        fh.write("not json\n")
    return path


def test_iter_articles_skips_empty_and_respects_limit(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    assert [r["id"] for r in iter_articles(path)] == ["a1", "a3", "a4"]
    assert [r["id"] for r in iter_articles(path, 2)] == ["a1", "a3"]


def test_run_times_every_stage(tmp_path: Path) -> None:
    result = run(_corpus(tmp_path), limit=3, stages=TEXT_STAGES).as_dict()
    assert result["docs"] == 3
    assert result["words"] == sum(len(r["text"].split()) for r in ARTICLES)
    assert [s["name"] for s in result["stages"]] == Pipeline(TEXT_STAGES).names
    if result["total_seconds"]:
        assert abs(sum(s["share"] for s in result["stages"]) - 1.0) < 1e-6
    assert result["peak_rss_mib"] > 0


def test_cli_json_and_table(tmp_path: Path) -> None:
    _load()
    runner = CliRunner()
    path = _corpus(tmp_path)
    stages = ",".join(TEXT_STAGES)
    res = runner.invoke(
        app,
        ["bench", "pipeline", "--limit", "2", "--corpus", str(path), "--format", "json", "--stages", stages],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["docs"] == 2
    res = runner.invoke(app, ["bench", "pipeline", "--limit", "1", "--corpus", str(path), "--stages", stages])
    assert res.exit_code == 0, res.output
    assert "peak RSS" in res.stdout and "total" in res.stdout
    res = runner.invoke(app, ["bench", "pipeline", "--corpus", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2 and "Traceback" not in res.output
    res = runner.invoke(app, ["bench", "pipeline", "--corpus", str(path), "--stages", "no-such-stage"])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_default_pipeline_is_benchmarked(tmp_path: Path) -> None:
    try:
        names = Pipeline().names
    except ValueError as err:  # the default pipeline is assembled by other issues; it may be mid-way
        pytest.skip(f"default pipeline not buildable yet: {err}")
    result = run(_corpus(tmp_path), limit=1).as_dict()
    assert [s["name"] for s in result["stages"]] == names and result["docs"] == 1
