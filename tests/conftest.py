"""Shared fixtures: the shared-data folder, the seed article and its gold, and a small analysed corpus.

The shared folder is found by ``khabar.paths`` (``$KHABAR_SHARED``, else ``../shared`` beside the repository);
tests that need it skip when it is absent. Module-level ``skipif`` marks use ``khabar.paths.SEED_DIR`` directly.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from khabar.document import Document
from khabar.paths import SEED_DIR, shared_dir

SEED_PUBLISHED = "2021-12-12"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder; skips the test when it is not present."""
    path = shared_dir()
    if not (path / "data").is_dir():
        pytest.skip(f"shared data folder not present ({path})")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article (``shared/seed/article.txt``); skips when absent."""
    path = SEED_DIR / "article.txt"
    if not path.is_file():
        pytest.skip("shared/seed not present")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    """The seed article's gold annotation (``shared/seed/gold.json``, without its text); skips when absent."""
    path = SEED_DIR / "gold.json"
    if not path.is_file():
        pytest.skip("shared/seed not present")
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


@pytest.fixture(scope="session")
def seed_doc(seed_text: str) -> Document:
    """The seed article analysed by the full default pipeline (once per session; do not modify it)."""
    import khabar

    return khabar.analyze(seed_text, published=SEED_PUBLISHED)


@pytest.fixture(scope="session")
def small_corpus() -> list[Document]:
    """The first three records of the bundled demo corpus, analysed (once per session; do not modify them)."""
    import khabar
    from khabar.ingest.demo import demo_path

    docs = []
    with gzip.open(demo_path(), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs.append(khabar.analyze(rec["text"], published=rec.get("published"), doc_id=rec["id"]))
            if len(docs) == 3:
                break
    return docs
