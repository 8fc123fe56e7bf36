"""``khabar bench text`` and ``khabar eval clitics`` on tiny inputs (behaviour only, never timing)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app

_load()
runner = CliRunner()


def test_bench_text_on_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    recs = [{"id": str(i), "text": "عنوان\nموسكو (رويترز) - قال الكرملين إن وبايدن بالفيديو 3.5%. انتهى"} for i in range(5)]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    res = runner.invoke(app, ["bench", "text", "--corpus", str(corpus), "--limit", "3", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["articles"] == 3 and out["words"] > 0
    names = [s["name"] for s in out["systems"]]
    assert names[0].startswith("floor") and names[1] == "khabar text layer"
    assert all(s["words_per_s"] is None or s["words_per_s"] > 0 for s in out["systems"])
    assert out["systems"][1]["peak_memory_mb"] > 0


def test_bench_text_table_and_bad_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "a.txt"
    corpus.write_text("قال الرئيس. انتهى", encoding="utf-8")
    res = runner.invoke(app, ["bench", "text", "--corpus", str(corpus), "--no-spacy", "--no-memory"])
    assert res.exit_code == 0, res.output
    assert "khabar text layer" in res.output
    res = runner.invoke(app, ["bench", "text", "--corpus", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["bench", "text", "--corpus", str(empty)])
    assert res.exit_code == 2


def test_eval_clitics_on_tiny_conllu(tmp_path: Path) -> None:
    conllu = tmp_path / "t.conllu"
    rows = [
        ("1", "و", "SpaceAfter=No"), ("2", "بايدن", "_"), ("3", "ل", "SpaceAfter=No"), ("4", "بوتين", "_"),
        ("5", "بوتين", "_"), ("6", "الكرملين", "SpaceAfter=No"), ("7", ".", "_"),
    ]
    lines = ["# text = x"] + [f"{i}\t{f}\t_\t_\t_\t_\t_\t_\t_\t{m}" for i, f, m in rows]
    conllu.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "clitics", "--conllu", str(conllu), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["words"] == 4
    assert out["accuracy"] == 1.0
    assert out["no_split_baseline"] == 0.5
