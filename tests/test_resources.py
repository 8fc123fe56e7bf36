"""One resource locator: only ``khabar/resources.py`` anchors on ``__file__``."""

from __future__ import annotations

from khabar import paths
from khabar.resources import DATA_ROOT, PACKAGE_ROOT, REPO_ROOT, data_file, package_file

STILL_WALKING: frozenset[str] = frozenset()  # none left


def test_only_the_locator_anchors_on_its_own_file() -> None:
    anchored = sorted(p.relative_to(PACKAGE_ROOT).as_posix() for p in PACKAGE_ROOT.rglob("*.py")
                      if "__file__" in p.read_text(encoding="utf-8"))
    assert [p for p in anchored if p != "resources.py" and p not in STILL_WALKING] == []
    assert "resources.py" in anchored


def test_locations() -> None:
    assert (PACKAGE_ROOT / "__init__.py").is_file() and DATA_ROOT == PACKAGE_ROOT / "data"
    assert data_file("schema", "khabar-1.schema.json").is_file()
    assert package_file("models", "MANIFEST.json").is_file()
    assert (REPO_ROOT / "pyproject.toml").is_file()  # the tests run from a checkout
    assert paths.REPO_ROOT == REPO_ROOT
