"""Shipped model and data files: a missing or damaged one is reported by name with the command that rebuilds it
(the build step of ``models/MANIFEST.json`` that writes it).

The loaders wrap their reading in :func:`model_file`; every failure to read (missing, truncated gzip, invalid
JSON, a CRF file crfsuite cannot open) becomes a :class:`ModelFileError` that the CLI prints as one line and
the API answers with 503, instead of a traceback or a silently empty layer.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _rebuild_commands() -> dict[str, str]:
    """File name → the build step that writes it, from the model manifest (empty if it cannot be read)."""
    from khabar.models.manifest import load_manifest

    try:
        manifest = load_manifest()
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # the error being reported matters more than the hint
    steps = {s.name: s.command for s in manifest.steps}
    return {Path(e.path).name: steps[e.step] for e in manifest.files if e.step in steps}


class ModelFileError(RuntimeError):
    """A model or data file that khabar ships is missing or cannot be read."""


def model_error(path: str | Path, err: BaseException) -> ModelFileError:
    p = Path(path)
    what = "is missing" if isinstance(err, FileNotFoundError) else f"cannot be read ({type(err).__name__}: {err})"
    how = _rebuild_commands().get(p.name)
    fix = f"rebuild it with `{how}` or reinstall khabar" if how else "reinstall khabar"
    return ModelFileError(f"model file {p} {what}; {fix}")


@contextmanager
def model_file(path: str | Path) -> Iterator[Path]:
    """Read ``path`` inside the block; any failure to read or parse it is a :class:`ModelFileError`."""
    try:
        yield Path(path)
    except ModelFileError:
        raise
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        # ValueError covers invalid JSON and UTF-8; the others are a well-formed file of the wrong shape.
        raise model_error(path, err) from None
