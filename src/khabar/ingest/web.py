"""Articles from the web: a page URL, or an RSS/Atom feed whose entries are fetched (the ``ingest`` extra).

Only http and https; every request has a timeout and a size ceiling; pages of one feed are fetched by a
few threads at most (polite to one host). Nothing is fetched unless the user names the URL.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from khabar.ingest.readers import DEFAULT_MAX_BYTES, InputError, InputProblem, Record

TIMEOUT_S = 15.0
MAX_FEED_ENTRIES = 500
CONCURRENCY = 4
USER_AGENT = "khabar/0.1 (+https://github.com/khabar; Arabic news analysis)"


def is_url(path: str) -> bool:
    return "://" in path[:12]


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputProblem("only http:// and https:// URLs are fetched")


def fetch(client: Any, url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The body (at most ``max_bytes``) and content type of a URL, or an :class:`InputProblem`."""
    import httpx

    check_url(url)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise InputProblem(f"HTTP {resp.status_code}")
            check_url(str(resp.url))  # a redirect may not leave http(s)
            declared = resp.headers.get("content-length")
            if max_bytes and declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputProblem(f"too large ({int(declared) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if max_bytes and size > max_bytes:
                    raise InputProblem(f"too large (> {max_bytes / 1e6:.1f} MB limit)")
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", "")
    except httpx.HTTPError as err:
        raise InputProblem(f"cannot fetch: {type(err).__name__}: {err}") from None


def _looks_like_feed(body: bytes, ctype: str) -> bool:
    if any(k in ctype for k in ("rss", "atom")):
        return True
    head = body[:600].lstrip().lower()
    return head.startswith((b"<rss", b"<feed", b"<rdf")) or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head))


def _page_record(url: str, body: bytes, extra_meta: dict[str, Any] | None = None) -> Record | InputError:
    from khabar.ingest.html import extract_html

    try:
        text, meta = extract_html(body, url=url)
    except Exception as err:  # a broken page must not stop a feed
        return InputError(url, f"cannot extract the article text: {type(err).__name__}: {err}")
    if not text.strip():
        return InputError(url, "no article text found on this page")
    meta = {**meta, **{k: v for k, v in (extra_meta or {}).items() if v}}
    meta["url"] = url
    return Record(text=text, id=url, meta=meta, origin=url)


def _entry_meta(entry: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": entry.get("title")}
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        meta["published"] = time.strftime("%Y-%m-%d", stamp)
    if entry.get("author"):
        meta["author"] = entry.get("author")
    return meta


def read_url(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    """Records from a page URL, or from every entry of a feed URL (in feed order)."""
    try:
        import httpx
    except ImportError as err:
        yield InputError(url, f"URLs need the 'ingest' extra (pip install 'khabar[ingest]'): {err}")
        return
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=True, max_redirects=5, headers=headers) as client:
        try:
            body, ctype = fetch(client, url, max_bytes)
        except InputProblem as err:
            yield InputError(url, str(err))
            return
        if not _looks_like_feed(body, ctype):
            yield _page_record(url, body)
            return
        try:
            import feedparser
        except ImportError as err:
            yield InputError(url, f"feeds need the 'ingest' extra (pip install 'khabar[ingest]'): {err}")
            return
        feed = feedparser.parse(body)
        entries = [e for e in feed.entries[:MAX_FEED_ENTRIES]]
        if not entries:
            yield InputError(url, "a feed without entries" + (f" ({feed.bozo_exception})" if feed.get("bozo") else ""))
            return

        def one(entry: Any) -> Record | InputError:
            link = entry.get("link")
            if not link:
                return InputError(url, f"feed entry without a link: {entry.get('title')!r}")
            try:
                page, _ = fetch(client, link, max_bytes)
            except InputProblem as err:
                return InputError(link, str(err))
            return _page_record(link, page, _entry_meta(entry))

        with ThreadPoolExecutor(CONCURRENCY) as pool:
            yield from pool.map(one, entries)
