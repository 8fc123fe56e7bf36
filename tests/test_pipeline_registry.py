"""Stage registration: a missing stage module or an unregistered default stage is a clear error, never skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import pipeline
from khabar.document import Document
from khabar.pipeline import DEFAULT_STAGES, Pipeline, StageModuleError, available_stages


def test_every_default_stage_is_registered() -> None:
    assert set(DEFAULT_STAGES) <= set(available_stages())
    assert [s.name for s in Pipeline().stages] == [s.name for s in Pipeline(list(DEFAULT_STAGES)).stages]


def test_missing_stage_module_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "DEFAULT_STAGE_MODULES", (*pipeline.DEFAULT_STAGE_MODULES, "khabar.no_such_stage"))
    with pytest.raises(StageModuleError, match=r"stage module khabar\.no_such_stage is missing"):
        Pipeline()
    with pytest.raises(StageModuleError):
        available_stages()


def test_dependency_missing_inside_a_stage_module_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A stage module that exists but imports something absent: the original ModuleNotFoundError surfaces.
    (tmp_path / "khabar_test_broken_stage.py").write_text("import khabar_test_absent_dependency\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(pipeline, "DEFAULT_STAGE_MODULES", ("khabar_test_broken_stage",))
    with pytest.raises(ModuleNotFoundError) as err:
        pipeline._load_default_modules()
    assert err.value.name == "khabar_test_absent_dependency" and not isinstance(err.value, StageModuleError)


def test_unregistered_default_stage_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "DEFAULT_STAGES", (*DEFAULT_STAGES, "no_such_stage"))
    with pytest.raises(StageModuleError, match="no_such_stage"):
        Pipeline()


def test_small_corpus_is_analysed_by_every_stage(small_corpus: list[Document]) -> None:
    assert len(small_corpus) == 3
    for doc in small_corpus:
        assert doc.check_offsets() == []
        assert doc.tokens and doc.sentences and doc.topic
