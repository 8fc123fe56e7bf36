"""Where khabar's shipped files live: one anchor for the package, its data root and the source checkout.

Every module finds its model, lexicon and data files through :func:`package_file` or :func:`data_file`
instead of walking up from its own ``__file__``; this is the one place that does (``khabar.paths`` builds the
``../shared`` location on :data:`REPO_ROOT`).
"""

from __future__ import annotations

from pathlib import Path

# The installed package directory (…/src/khabar in a checkout, …/site-packages/khabar when installed).
PACKAGE_ROOT = Path(__file__).resolve().parent
# Shipped data files (lexicons, schema, demo corpus, event and topic data): src/khabar/data/.
DATA_ROOT = PACKAGE_ROOT / "data"
# The source checkout (the folder holding pyproject.toml); only meaningful when khabar runs from a checkout
# (editable install), as the training, evaluation and benchmark commands do.
REPO_ROOT = PACKAGE_ROOT.parents[1]


def package_file(*parts: str) -> Path:
    """A file shipped inside the package, e.g. ``package_file("models", "topic", "topic.json.gz")``."""
    return PACKAGE_ROOT.joinpath(*parts)


def data_file(*parts: str) -> Path:
    """A file under the package data root, e.g. ``data_file("topics", "stopwords.txt")``."""
    return DATA_ROOT.joinpath(*parts)


def repo_file(*parts: str) -> Path:
    """A file of the source checkout outside the package (tests/data/…); absent in an installed wheel."""
    return REPO_ROOT.joinpath(*parts)
