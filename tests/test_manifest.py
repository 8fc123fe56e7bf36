"""The model manifest lists every shipped model/data file with the right hash, and its build steps are consistent."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app
from khabar.models.manifest import load_manifest, refresh, sha256_file, unlisted, verify
from khabar.resources import PACKAGE_ROOT


def test_every_listed_file_matches_its_hash() -> None:
    # A retrained model or edited lexicon must update the manifest: `khabar build manifest` (and bump its version).
    assert verify(load_manifest()) == []


def test_every_shipped_data_file_is_listed() -> None:
    assert unlisted(load_manifest()) == []


def test_steps_and_files_agree() -> None:
    m = load_manifest()
    by_path = {e.path: e for e in m.files}
    names = [s.name for s in m.steps]
    assert len(names) == len(set(names))
    for s in m.steps:
        assert s.argv()[1:3] in (["-m", "khabar"], ["-m", s.command.split()[2]])
        for w in s.writes:
            assert by_path[w].step == s.name, w
    for e in m.files:
        assert e.step is None or e.step in names, e.path
        assert e.licence and e.data and e.version, e.path
    # morph reads the NER clusters and parse the morph clusters: the order matters
    assert names.index("ner-resources") < names.index("ner") < names.index("morph") < names.index("parse")


def test_verify_reports_a_changed_file(tmp_path: Path) -> None:
    m = load_manifest()
    entry = next(e for e in m.files if e.path == "data/topics/stopwords.txt")
    root = tmp_path / "khabar"
    (root / "data/topics").mkdir(parents=True)
    copy = root / entry.path
    shutil.copy(PACKAGE_ROOT / entry.path, copy)
    m.files = [entry]
    assert verify(m, root) == []
    copy.write_bytes(copy.read_bytes() + b"\n# one more line\n")
    assert [p.split(":")[0] for p in verify(m, root)] == [entry.path]
    assert refresh(m, root) == [entry.path] and entry.sha256 == sha256_file(copy)
    assert verify(m, root) == []
    copy.unlink()
    assert verify(m, root) == [f"{entry.path}: missing"]


def test_build_models_dry_run_lists_the_steps_in_order() -> None:
    _load()
    res = CliRunner().invoke(app, ["build", "models", "--dry-run"])
    assert res.exit_code == 0, res.output
    firsts = [line.split()[0] for line in res.output.splitlines() if line and not line.startswith(" ")]
    assert firsts == [s.name for s in load_manifest().steps if not s.optional]


def test_build_models_rejects_an_unknown_step() -> None:
    _load()
    res = CliRunner().invoke(app, ["build", "models", "--only", "nosuch"])
    assert res.exit_code == 2 and "no build step 'nosuch'" in res.output
