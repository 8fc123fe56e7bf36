"""The HTTP API and the web page: FastAPI's TestClient over a small SQLite store."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # Starlette's note that it prefers httpx2; httpx is what CI installs
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from khabar.api import create_app  # noqa: E402
from khabar.api.app import WEB_DIR as WEB  # noqa: E402
from khabar.api.app import snippet_parts  # noqa: E402
from khabar.document import Document  # noqa: E402
from khabar.ingest.run import ingest  # noqa: E402
from khabar.paths import SEED_DIR  # noqa: E402
from khabar.store import open_store  # noqa: E402

SEED = SEED_DIR / "article.txt"
SHORT = [
    {"id": "short/1", "text": "اتصل الرئيس الأمريكي وبوتين هاتفيا يوم الاثنين.", "published": "2022-01-03",
     "source": "wire", "title": "اتصال هاتفي"},
    {"id": "short-2", "text": "وجه الرئيس رسالة لبوتين أمس [عاجل].", "published": "2022-02-10", "source": "wire"},
    {"id": "short-3", "text": "وزير الخارجية في الرياض لبحث التعاون الاقتصادي.", "published": "2020-05-01",
     "source": "other"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("api")
    records = list(SHORT)
    if SEED.exists():
        records.append({"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2021-12-12",
                        "source": "reuters", "title": "الكرملين يقول إن هناك خلافات خطيرة"})
    corpus = root / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    path = str(root / "k.db")
    with open_store(path) as store:
        report = ingest([str(corpus)], store, workers=1)
    assert report.added == len(records) and not report.errors
    return path


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a 500 must come back as a response, as a real client would see it.
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


# -- the page ----------------------------------------------------------------------------------------

def test_page_is_served_rtl_with_local_assets_only(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert re.search(r'<html[^>]*\bdir="rtl"', html) and 'lang="ar"' in html
    refs = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert refs, "the page references its script and style"
    for ref in refs:
        assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", ref, re.I), f"non-local reference {ref!r}"
    assets = [ref for ref in refs if ref.startswith("/static/")]
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        got = client.get(asset)
        assert got.status_code == 200, asset
        # Neither the script nor the style fetch anything from elsewhere (the SVG namespace is a name, not a fetch).
        body = got.text.replace('"http://www.w3.org/2000/svg"', "")
        assert not re.search(r"https?://|//cdn|@import", body), asset
    # The browser is told the same: only this origin.
    assert "default-src 'self'" in r.headers["content-security-policy"]
    # The page has the search box with its filters and the views the API feeds.
    for name in ('name="q"', 'name="entity"', 'name="event"', 'name="from"', 'name="to"', 'id="doc-text"',
                 'id="quotes"', 'id="events"'):
        assert name in html


def test_openapi_documents_the_endpoints_without_cdn_pages(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents/{doc_id}", "/api/quotes", "/api/events", "/api/stats",
            "/api/analyze"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "entity", "event", "actor", "speaker", "from", "to", "source", "limit"} <= params
    # /docs is khabar's own page (FastAPI's would load its scripts from a CDN): local assets only.
    r = client.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    refs = re.findall(r'\b(?:src|href)="([^"]*)"', r.text)
    assert "/static/docs.js" in refs
    for ref in refs:
        assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", ref, re.I), f"non-local reference {ref!r}"
        if ref.startswith("/static/"):
            got = client.get(ref)
            assert got.status_code == 200 and not re.search(r"https?://|//cdn|@import", got.text), ref
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/redoc").status_code == 404


# -- search ------------------------------------------------------------------------------------------

def test_search_folds_clitics_and_marks_the_match(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "بوتين"})
    assert r.status_code == 200
    data = r.json()
    ids = {h["id"] for h in data["hits"]}
    assert {"short/1", "short-2"} <= ids  # وبوتين and لبوتين only
    assert "short-3" not in ids
    hit = next(h for h in data["hits"] if h["id"] == "short-2")
    marked = [p["text"] for p in hit["snippet_parts"] if p["mark"]]
    assert marked == ["لبوتين"]
    assert "".join(p["text"] for p in hit["snippet_parts"]).replace("لبوتين", "[لبوتين]", 1) == hit["snippet"]
    for h in data["hits"]:
        assert set(h) >= {"id", "title", "source", "published", "score", "snippet", "snippet_parts"}


def test_search_filters(client: TestClient) -> None:
    got = lambda **p: {h["id"] for h in client.get("/api/search", params=p).json()["hits"]}  # noqa: E731
    assert got(q="بوتين", **{"from": "2022-01-01"}) == {"short/1", "short-2"}
    assert got(q="بوتين", **{"from": "2022-01-01", "to": "2022-01-31"}) == {"short/1"}
    assert got(q="الرئيس", source="wire") == {"short/1", "short-2"}
    assert got(source="other") == {"short-3"}  # filters without words list documents
    assert got(q="بوتين", limit=1).__len__() == 1
    assert got(q="كلمةغيرموجودة") == set()
    assert got(q="\"'()*:^") == set()  # FTS syntax is not a crash
    if SEED.exists():
        assert "seed" in got(entity="Q7747")  # Putin by QID
        events = client.get("/api/events").json()["events"]
        if events:
            assert "seed" in got(event=events[0]["event"].lower())


@pytest.mark.parametrize(
    "params",
    [{"from": "yesterday"}, {"to": "2021-02-30"}, {"limit": "-1"}, {"limit": "201"}, {"limit": "ten"},
     {"q": "x" * 1001}],
)
def test_search_bad_params_are_422_with_a_message(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail
    assert "Traceback" not in r.text


# -- documents, quotes, events, stats ----------------------------------------------------------------

def test_document_round_trip_and_404(client: TestClient) -> None:
    r = client.get("/api/documents/short/1")  # ids may contain slashes
    assert r.status_code == 200
    body = r.json()
    assert body["format"] == "khabar/1" and body["id"] == "short/1"
    doc = Document.from_dict(body)
    assert doc.tokens and doc.check_offsets() == []
    slim = client.get("/api/documents/short/1", params={"tokens": "false"}).json()
    assert slim["tokens"] == [] and slim["text"] == body["text"]
    assert client.get("/api/documents/short%2F1").json()["id"] == "short/1"  # as the page encodes ids
    for missing in ("nope", "a/b/c", "%00", "x" * 500):
        r = client.get("/api/documents/" + missing)
        assert r.status_code == 404 and "no document" in r.json()["detail"]
    assert client.get("/api/documents/nope/../../etc").status_code == 404  # the client folds the dots
    assert client.get("/api/documents/seed", params={"tokens": "maybe"}).status_code == 422


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_quotes_events_stats(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 50}).json()
    assert quotes["count"] == len(quotes["quotes"]) > 0
    q = quotes["quotes"][0]
    text = client.get(f"/api/documents/{q['doc']}", params={"tokens": "false"}).json()["text"]
    assert text[q["start"]:q["end"]] == q["text"]  # quote offsets slice the stored text
    named = next((x for x in quotes["quotes"] if x["speaker_name"]), None)
    if named:
        some = client.get("/api/quotes", params={"speaker": named["speaker_wikidata"] or named["speaker_name"]}).json()
        assert some["count"] >= 1
    events = client.get("/api/events", params={"limit": 50}).json()
    assert events["count"] == len(events["events"]) > 0
    assert {"doc", "event", "date", "actors", "recipients", "evidence"} <= set(events["events"][0])
    kind = events["events"][0]["event"]
    assert all(e["event"] == kind for e in client.get("/api/events", params={"event": kind}).json()["events"])
    assert client.get("/api/events", params={"from": "3000-01-01"}).json()["count"] == 0
    assert client.get("/api/events", params={"to": "not-a-date"}).status_code == 422
    stats = client.get("/api/stats", params={"top": 5}).json()
    assert stats["documents"] == len(SHORT) + 1 and stats["quotes"] == len(quotes["quotes"])
    assert "path" not in stats and len(stats["top_entities"]) <= 5
    assert client.get("/api/stats", params={"top": 1000}).status_code == 422


def test_store_access_is_read_only(client: TestClient, db: str) -> None:
    before = client.get("/api/stats").json()["documents"]
    store = client.app.state.stores.get()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM documents")
    # analyse is analysis only: nothing is written
    assert client.post("/api/analyze", json={"text": "خبر جديد عن بوتين."}).status_code == 200
    assert client.get("/api/stats").json()["documents"] == before
    assert client.post("/api/ingest", json={}).status_code in (404, 405)


def test_missing_store_is_503_but_analysis_works(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with TestClient(create_app(str(missing)), raise_server_exceptions=False) as c:
        r = c.get("/api/search", params={"q": "بوتين"})
        assert r.status_code == 503 and "khabar ingest" in r.json()["detail"]
        assert c.post("/api/analyze", json={"text": "قال بوتين."}).status_code == 200
        assert c.get("/").status_code == 200
    assert not missing.exists()  # serving never creates a store


def test_not_a_database_is_503(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"not sqlite at all " * 100)
    with TestClient(create_app(str(bad)), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
        assert r.status_code == 503 and "cannot open store" in r.json()["detail"]


# -- analyze -----------------------------------------------------------------------------------------

def test_analyze_returns_a_khabar_document(client: TestClient) -> None:
    text = "موسكو (رويترز) - قال الرئيس الروسي فلاديمير بوتين يوم الأحد إن المحادثات ستستمر."
    r = client.post("/api/analyze", json={"text": text, "published": "2021-12-12", "id": "mine"})
    assert r.status_code == 200
    doc = Document.from_dict(r.json())
    assert doc.text == text and doc.id == "mine" and doc.published == "2021-12-12"
    assert doc.tokens and doc.sentences and doc.check_offsets() == []
    slim = client.post("/api/analyze", params={"tokens": "false"}, json={"text": text}).json()
    assert slim["tokens"] == [] and slim["sentences"] == r.json()["sentences"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{", 422),
        (b"[]", 422),
        (b'{"text": 5}', 422),
        (b'{"published": "2021-01-01"}', 422),
        (b'{"text": "x", "published": "12/12/2021"}', 422),
        (b'{"text": "x", "unknown": 1}', 422),
        (b'{"text": "\\ud800 orphan surrogate"}', 422),
        (b"\xff\xfe not utf-8", 422),
    ],
)
def test_analyze_bad_bodies(client: TestClient, body: bytes, status: int) -> None:
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert isinstance(r.json()["detail"], str)


def test_analyze_body_limit(db: str) -> None:
    with TestClient(create_app(db, max_body=1000), raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", json={"text": "ب" * 2000})
        assert r.status_code == 413 and "too large" in r.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming
            yield b'{"text": "'
            for _ in range(20):
                yield b"a" * 100
            yield b'"}'

        r = c.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/analyze", json={"text": "قصير"}).status_code == 200


ARABIC = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ،.؟!«»\"0123456789٠١٢٣\n") + ["بوتين", "قال ", "يوم الأحد "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), st.lists(ARABIC, max_size=60).map("".join)),
       published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_analyze_any_text_gives_valid_offsets(client: TestClient, text: str, published: str | None) -> None:
    r = client.post("/api/analyze", json={"text": text, "published": published})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["text"] == text
    assert Document.from_dict(body).check_offsets() == []


# -- helpers and the CLI -----------------------------------------------------------------------------

def test_snippet_parts_only_mark_query_words() -> None:
    assert snippet_parts("قال [عاجل] إن [وبوتين] وصل", "بوتين") == [
        {"text": "قال [عاجل] إن ", "mark": False}, {"text": "وبوتين", "mark": True}, {"text": " وصل", "mark": False}]
    assert snippet_parts("نص [بين] أقواس", "") == [{"text": "نص [بين] أقواس", "mark": False}]
    assert snippet_parts("", "x") == []


def test_serve_command(monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from khabar.cli import _load
    from khabar.cli.apps import app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda a, **kw: calls.append({"app": a, **kw}))
    _load()
    result = CliRunner().invoke(app, ["serve", "--db", db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["port"] == 8123 and calls[0]["host"] == "127.0.0.1"
    assert CliRunner().invoke(app, ["serve", "--port", "0"]).exit_code != 0


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_page_highlights_follow_code_point_offsets(client: TestClient) -> None:
    """The page's highlighter (app.js ``segments``, run under node) covers the text exactly, counts in
    code points (an emoji before the spans would shift UTF-16 indices), and marks every mention."""
    text = "🙂 موسكو (رويترز) - قال الرئيس الروسي فلاديمير بوتين يوم الأحد: \"سنواصل المحادثات\"."
    doc = client.post("/api/analyze", json={"text": text, "published": "2021-12-12"}).json()
    doc["entities"].append({"id": "manual", "type": "PER", "mentions": [{"start": 2, "end": 7, "text": text[2:7]}]})
    js = WEB / "static" / "app.js"
    script = ("const {segments} = require(process.argv[1]);"
              "const doc = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(segments(doc)));")
    out = subprocess.run(["node", "-e", script, str(js)], input=json.dumps(doc), capture_output=True,
                         text=True, timeout=30, check=True).stdout
    segs = json.loads(out)
    assert "".join(s["text"] for s in segs) == text
    pos = 0
    for s in segs:
        assert s["start"] == pos and text[s["start"]:s["end"]] == s["text"]
        pos = s["end"]
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            inside = [s for s in segs if m["start"] <= s["start"] and s["end"] <= m["end"]]
            assert inside and all("ent" in s["classes"] for s in inside)
    assert any(s["ent"] == "manual" and s["text"] == "موسكو" for s in segs)


def test_internal_errors_are_json_without_traceback(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store.sqlite import SQLiteStore

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(SQLiteStore, "search_page", boom)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/api/search", params={"q": "بوتين"})
    assert r.status_code == 500 and r.json() == {"detail": "internal error (RuntimeError)"}


# -- analyst views: paged/faceted search, entity pages, stories ----------------------------------------

def test_search_is_paged_sorted_and_faceted(client: TestClient) -> None:
    full = client.get("/api/search", params={"q": "بوتين"}).json()
    assert full["total"] == len(full["hits"]) >= 2
    f = full["facets"]
    assert set(f) == {"sources", "entities", "events", "days", "entities_over"}
    assert f["entities_over"] == full["total"]
    assert sum(s["documents"] for s in f["sources"]) == full["total"]
    assert sum(d["documents"] for d in f["days"]) == full["total"]
    one = client.get("/api/search", params={"q": "بوتين", "limit": 1, "offset": 1}).json()
    assert one["total"] == full["total"] and [h["id"] for h in one["hits"]] == [full["hits"][1]["id"]]
    by_date = client.get("/api/search", params={"q": "بوتين", "sort": "date", "facets": "false"}).json()
    assert by_date["facets"] is None
    dates = [h["published"] for h in by_date["hits"]]
    assert dates == sorted(dates, reverse=True)
    for bad in ({"sort": "random"}, {"offset": "-1"}, {"offset": "x"}):
        r = client.get("/api/search", params={"q": "بوتين", **bad})
        assert r.status_code == 422 and r.json()["detail"]


def test_entity_page_and_stories_endpoints(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "بوتين"}).json()
    top = hits["facets"]["entities"]
    assert top, "the seed and the short texts name entities"
    key = top[0]["key"]
    page = client.get(f"/api/entities/{key}").json()
    assert set(page) >= {"entity", "counts", "mentions", "quotes", "events", "timeline", "related"}
    assert page["counts"]["documents"] == top[0]["documents"]
    assert sum(t["documents"] for t in page["timeline"]) <= page["counts"]["documents"]
    r = client.get("/api/entities/Q1")
    assert r.status_code == 404 and "Q1" in r.json()["detail"]
    assert client.get("/api/entities/" + "x" * 300).status_code == 422
    assert client.get("/api/stories").json() == {"total": 0, "stories": []}  # before `khabar stories`
    assert client.get("/api/stories/1").status_code == 404
    assert client.get("/api/stories/0").status_code == 422
    doc = client.get("/api/documents/short-2", params={"tokens": "false"}).json()
    assert "story" in doc and doc["story"] is None


def test_warm_app_loads_the_models_at_start(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.api.app as api_app

    calls: list[str] = []
    monkeypatch.setattr(api_app, "warm_up", lambda: calls.append("warm"))
    with TestClient(create_app(db, warm=True)):
        assert calls == ["warm"]  # at start-up, before any request
    with TestClient(create_app(db)):
        assert calls == ["warm"]  # tests and embedders may skip it
    # The real warm-up runs the full pipeline once (models loaded, caches filled) without error.
    monkeypatch.undo()
    api_app.warm_up()


def test_events_summary_and_labels(client: TestClient) -> None:
    listed = client.get("/api/events", params={"limit": 200}).json()
    summary = client.get("/api/events/summary").json()
    assert summary["total"] == listed["count"]  # the small store has fewer than 200 events
    assert sum(d["events"] for d in summary["days"]) == summary["total"]
    assert sum(summary["types"].values()) == summary["total"]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in summary["countries"])
    if listed["events"]:
        kind = listed["events"][0]["event"]
        one = client.get("/api/events/summary", params={"event": kind}).json()
        assert one["types"] == {kind: one["total"]}
    labels = client.get("/api/labels").json()["plover"]
    assert len(labels) == 16 and labels["THREATEN"]["ar"] == "تهديد" and labels["ASSAULT"]["en"] == "assault"
    assert client.get("/api/events/summary", params={"from": "2020-13-01"}).status_code == 422


def test_concurrent_analyze_requests_match_serial_ones(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [r["text"] for r in SHORT] + ([SEED.read_text(encoding="utf-8")] if SEED.exists() else [])
    bodies = [{"text": t, "published": "2021-12-12"} for t in texts] * 3
    serial = [client.post("/api/analyze", json=b).json() for b in bodies]
    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(lambda b: client.post("/api/analyze", json=b).json(), bodies))
    assert parallel == serial
