"""Publication dates as khabar accepts them: ``YYYY-MM-DD`` or a full ISO 8601 date-time that starts with one.

Used by the readers (a record's ``published``), the store (its ``pub_date`` range column) and the faces
(``--from``, ``?from=``), so that an impossible date is refused or kept as unknown the same way everywhere.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", re.ASCII)


def date_problem(value: Any) -> str | None:
    """Why ``value`` is not a publication date khabar can use, or None when it is one."""
    if not isinstance(value, str):
        return f"not a date string ({type(value).__name__})"
    if not _ISO.fullmatch(value):
        return "not YYYY-MM-DD or an ISO 8601 date-time"
    try:
        date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value.replace(",", ".").replace("Z", "+00:00"))
    except ValueError as err:
        return f"not a valid date: {err}"
    return None


def iso_date(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` part of a valid publication date, None for anything else (unknown)."""
    return value[:10] if date_problem(value) is None else None
