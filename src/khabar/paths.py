"""Where the shared training/evaluation data lives (``../shared`` beside the repository by default).

Only training, evaluation and benchmark commands read it; analysis never does. ``KHABAR_SHARED`` overrides.
"""

from __future__ import annotations

import os
from pathlib import Path

from khabar.resources import REPO_ROOT

__all__ = ["REPO_ROOT", "SEED_DIR", "SHARED", "SHARED_DATA", "shared_dir"]


def shared_dir() -> Path:
    """``$KHABAR_SHARED``, else ``<repo>/../shared``, else ``./../shared`` from the working directory."""
    env = os.environ.get("KHABAR_SHARED")
    if env:
        return Path(env).expanduser()
    beside_repo = REPO_ROOT.parent / "shared"
    if beside_repo.exists():
        return beside_repo
    return Path.cwd().parent / "shared"


SHARED = shared_dir()
SHARED_DATA = SHARED / "data"
SEED_DIR = SHARED / "seed"
