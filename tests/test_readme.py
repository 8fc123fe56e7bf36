"""The README's walk-through stays true: its demo-store commands and its Python store example run as written
(against a small store of the same name), and the format document in the repository matches the schema."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.ingest.demo import demo_path
from khabar.ingest.run import ingest
from khabar.store import open_store

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
KHABAR = Path(sys.executable).with_name("khabar")
# Indented command lines of the README that use the demo store (serve runs until stopped: not here).
COMMAND = re.compile(r"^ {4}(?:\$ )?(\.venv/bin/khabar .*)$", re.M)


def readme_commands() -> list[str]:
    cmds = [m.group(1).split("  #")[0].strip() for m in COMMAND.finditer(README)]
    return [c for c in cmds if ("khabar-demo.db" in c or c.endswith("--version")) and " serve " not in c]


def python_blocks() -> list[str]:
    return [b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "khabar-demo.db" in b]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like the repository root (with ../shared beside it) holding a small khabar-demo.db:
    the seed article (as the README's examples read it) and a dozen demo articles, fully analysed."""
    if not SEED.exists():
        pytest.skip(f"{SEED} not found (the shared data sits beside the repository)")
    base = tmp_path_factory.mktemp("readme")
    (base / "shared").symlink_to(SHARED)
    work = base / "repo"
    work.mkdir()
    small = work / "small.jsonl"
    with gzip.open(demo_path(), "rt", encoding="utf-8") as fin:
        small.write_text("".join(itertools.islice(fin, 12)), encoding="utf-8")
    with open_store(work / "khabar-demo.db") as store:
        report = ingest(["../shared/seed/article.txt", str(small)], store, workers=1, published="2021-12-12")
        assert report.added >= 12 and not report.errors
    small.unlink()
    return work


def test_the_walk_through_names_the_demo_store_everywhere() -> None:
    cmds = readme_commands()
    assert len(cmds) >= 10
    for verb in ("stats", "search", "quotes", "events", "export", "stories", "dedup", "reindex"):
        assert any(c.split()[1] == verb for c in cmds), verb
    # No store command in the README reads the (empty) default store by accident.
    for line in re.findall(r"^ {4}(?:\$ )?\.venv/bin/khabar (?:export|quotes|events|search|stats|stories)\b.*$", README, re.M):
        assert "--db" in line, line


@pytest.mark.parametrize("cmd", readme_commands())
def test_readme_command_runs_as_written(cmd: str, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # In-process (the same typer app the script runs; a subprocess each would cost a second of start-up):
    # the words after .venv/bin/khabar are passed exactly as the README writes them.
    from typer.testing import CliRunner

    from khabar.cli import _load
    from khabar.cli.apps import app

    _load()
    argv = shlex.split(cmd)
    monkeypatch.chdir(workdir)
    res = CliRunner().invoke(app, argv[1:])
    assert res.exit_code == 0, f"{cmd}\n{res.output[-3000:]}\n{res.exception!r}"
    assert res.output.strip(), f"{cmd} printed nothing"
    if argv[1] == "export":
        assert (workdir / argv[2]).stat().st_size > 0


def test_the_installed_script_runs() -> None:
    if not KHABAR.exists():
        pytest.skip(f"no khabar script beside {sys.executable}")
    out = subprocess.run([str(KHABAR), "--version"], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert out.returncode == 0 and out.stdout.startswith("khabar ")


def test_readme_python_store_example_runs(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks()
    assert blocks, "the README has a Python example over khabar-demo.db"
    cwd = Path.cwd()
    os.chdir(workdir)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102 - our own README
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "documents" in printed  # stats() was printed


def test_format_document_is_in_the_repository_and_matches_the_schema() -> None:
    from khabar.schema import schema

    assert "](docs/document-format.md)" in README
    doc = (ROOT / "docs" / "document-format.md").read_text(encoding="utf-8")
    for key in schema()["properties"]:
        assert f'"{key}"' in doc, f"docs/document-format.md does not describe {key!r}"


def test_glossary_explains_the_terms_the_readme_uses() -> None:
    glossary = README.split("## Glossary", 1)[1].split("\n## ", 1)[0]
    for term in ("ANT", "GSR", "PLOVER", "CAMEO", "TIMEX3", "PADT", "UD", "QID", "BM25"):
        assert re.search(rf"^\| {re.escape(term)} \|", glossary, re.M), term


def test_version_flag() -> None:
    from typer.testing import CliRunner

    from khabar import __version__
    from khabar.cli import _load
    from khabar.cli.apps import app

    _load()
    res = CliRunner().invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.strip() == f"khabar {__version__}"
    assert json.dumps(__version__)
