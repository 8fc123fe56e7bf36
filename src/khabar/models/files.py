"""Shipped model and data files: a missing or damaged one is reported by name with the command that rebuilds it.

The loaders wrap their reading in :func:`model_file`; every failure to read (missing, truncated gzip, invalid
JSON, a CRF file crfsuite cannot open) becomes a :class:`ModelFileError` that the CLI prints as one line and
the API answers with 503, instead of a traceback or a silently empty layer.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# File name → how to rebuild it (all ship inside the package; reinstalling khabar restores them too).
REBUILD = {
    "morph.json.gz": "khabar train morph",
    "ner.crfsuite": "khabar train ner",
    "clusters.tsv.gz": "khabar train ner",
    "gazetteer.tsv.gz": "khabar train ner",
    "silver.tsv.gz": "khabar train ner",
    "triggers.json": "khabar train ner",
    "features.json": "khabar train ner",
    "topic.json.gz": "khabar train topic",
    "kb.json.gz": "khabar kb build",
}


class ModelFileError(RuntimeError):
    """A model or data file that khabar ships is missing or cannot be read."""


def model_error(path: str | Path, err: BaseException) -> ModelFileError:
    p = Path(path)
    what = "is missing" if isinstance(err, FileNotFoundError) else f"cannot be read ({type(err).__name__}: {err})"
    how = REBUILD.get(p.name)
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
