"""Where two JSON values first differ, as a path (shared by the before/after identity checks in bench/)."""

from __future__ import annotations

from typing import Any


def first_diff(a: Any, b: Any, path: str = "", width: int = 100) -> str:
    """``/key[3]/other: old != new`` for the first difference of ``a`` and ``b`` (which must differ)."""
    if type(a) is not type(b):
        return f"{path}: {a!r:.{width}} != {b!r:.{width}}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only on one side"
            if a[k] != b[k]:
                return first_diff(a[k], b[k], f"{path}/{k}", width)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_diff(x, y, f"{path}[{i}]", width)
    return f"{path}: {a!r:.{width}} != {b!r:.{width}}"
