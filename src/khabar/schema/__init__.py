"""The JSON Schema of the khabar/1 document format, shipped in the package, and a validator.

``validate(data)`` checks shape only (types, vocabularies); gold files may leave layers out.
``validate(data, output=True)`` also requires what analysis output always carries: the text and every
layer (possibly empty). Offsets against the text are checked by ``Document.check_offsets()``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "khabar-1.schema.json"
OUTPUT_KEYS = ("format", "id", "text", "meta", "dateline", "sentences", "tokens", "entities", "times", "quotes",
               "events", "topic", "summary", "keyphrases")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The khabar/1 JSON Schema (draft 2020-12) as a dict."""
    return json.loads(resources.files("khabar").joinpath("data", "schema", SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def errors(data: Any, *, output: bool = False) -> list[str]:
    """Every problem found, as ``path: message`` lines (empty list = valid)."""
    found = [
        f"{'/'.join(str(p) for p in err.absolute_path) or '<root>'}: {err.message}"
        for err in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if output and isinstance(data, dict):
        found += [f"<root>: output is missing the {key!r} layer" for key in OUTPUT_KEYS if key not in data]
    return found


def validate(data: Any, *, output: bool = False) -> None:
    """Raise ``ValueError`` listing the problems when ``data`` is not a valid khabar/1 document."""
    problems = errors(data, output=output)
    if problems:
        raise ValueError("invalid khabar/1 document:\n" + "\n".join(problems[:20]))
