"""Ingest from URLs: a page and an RSS feed served by a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from khabar.ingest.readers import InputError, Record, read_path
from khabar.ingest.run import ingest
from khabar.pipeline import Pipeline
from khabar.store import open_store

pytest.importorskip("httpx")
pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")

TEXT = Pipeline(["tokenize", "sentences", "dateline"])
BODY = ("<p>قال الكرملين يوم الأحد إن الرئيس الروسي فلاديمير بوتين والرئيس الأمريكي جو بايدن استأنفا المحادثات "
        "وسط توترات بشأن إضافة قوات روسية بالقرب من أوكرانيا، وإن الزعيمين اتفقا على مواصلة الحوار.</p>"
        "<p>وأضاف المتحدث أن اللقاء المقبل سيعقد في موعد يحدد لاحقا بعد مشاورات بين الجانبين.</p>")


def page(title: str, extra: str = "") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>القائمة الرئيسية</nav><article><h1>{title}</h1>"
            f"{BODY}{extra}</article></body></html>")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "a.html").write_text(page("بوتين يلتقي بايدن"), "utf-8")
    (tmp_path / "b.html").write_text(page("محادثات جديدة", "<p>ورحبت لبوتين الأوساط.</p>"), "utf-8")
    (tmp_path / "big.html").write_text(page("كبير", "<p>" + "كلمة " * 50_000 + "</p>"), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = "".join(
        f"<item><title>{t}</title><link>{base}/{f}</link><pubDate>Sun, 12 Dec 2021 10:00:00 GMT</pubDate></item>"
        for t, f in (("أ", "a.html"), ("ب", "b.html"), ("مفقود", "missing.html")))
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>{items}</channel></rss>',
        "utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_page_url(site: str) -> None:
    recs = list(read_path(f"{site}/a.html"))
    assert len(recs) == 1 and isinstance(recs[0], Record)
    rec = recs[0]
    assert rec.id == f"{site}/a.html" and rec.meta["url"] == rec.id
    assert "استأنفا المحادثات" in rec.text and "القائمة الرئيسية" not in rec.text


def test_feed_url_fetches_entries_and_reports_failures(site: str, tmp_path: Path) -> None:
    recs = list(read_path(f"{site}/feed.xml"))
    good = [r for r in recs if isinstance(r, Record)]
    bad = [r for r in recs if isinstance(r, InputError)]
    assert [r.id for r in good] == [f"{site}/a.html", f"{site}/b.html"]
    assert good[0].meta["published"] == "2021-12-12"
    assert len(bad) == 1 and bad[0].origin.endswith("missing.html") and "404" in bad[0].message
    with open_store(tmp_path / "k.db") as st:
        rep = ingest([f"{site}/feed.xml"], st, pipeline=TEXT)
        assert rep.added == 2 and len(rep.errors) == 1
        assert {h.id for h in st.search("بوتين")} == {f"{site}/a.html", f"{site}/b.html"}
        assert ingest([f"{site}/feed.xml"], st, pipeline=TEXT).added == 0


def test_url_limits(site: str) -> None:
    [err] = list(read_path(f"{site}/big.html", max_bytes=100_000))
    assert isinstance(err, InputError) and "too large" in err.message
    [err] = list(read_path("ftp://127.0.0.1/x.html"))
    assert isinstance(err, InputError) and "only http" in err.message
    [err] = list(read_path("http://127.0.0.1:9/nothing-listens-here"))
    assert isinstance(err, InputError) and "cannot fetch" in err.message
