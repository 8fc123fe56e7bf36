"""Main text, title, date and author of a news page, via trafilatura (the ``ingest`` extra)."""

from __future__ import annotations

from typing import Any


def extract_html(raw: bytes | str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(text, meta)``; ``text`` is empty when the page holds no article."""
    import trafilatura

    result = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # A date is only kept when the page states it; never guessed from the crawl time.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return "", {}
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    meta: dict[str, Any] = {}
    for key in ("title", "author", "date", "sitename", "url"):
        value = data.get(key)
        if value:
            meta["published" if key == "date" else ("source" if key == "sitename" else key)] = str(value)
    return text, meta
