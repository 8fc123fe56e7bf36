"""Regression tests for the faults of issue 15: search cost, store faults, dates, Host header, odd input."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import threading
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app
from khabar.document import Document
from khabar.ingest.readers import InputError, Record, read_path
from khabar.ingest.run import check_date, ingest
from khabar.pipeline import Pipeline
from khabar.resources import package_file
from khabar.store import SQLiteStore, open_store
from khabar.store.keys import MAX_QUERY_TERMS, fts_query, query_words

TEXT = Pipeline(["tokenize", "sentences", "dateline"])
WEB = package_file("web", "static", "app.js")
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False

_load()


def cli(*args: object) -> object:
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line_error(res: object) -> bool:
    """Exactly one ``khabar: error:`` line and no traceback (the exit itself is not an exception)."""
    out = res.output  # type: ignore[attr-defined]
    errors = [ln for ln in out.splitlines() if ln.startswith("khabar: error:")]
    exc = res.exception  # type: ignore[attr-defined]
    return len(errors) == 1 and "Traceback" not in out and (exc is None or isinstance(exc, SystemExit))


RECORDS = [
    {"id": f"n{i}", "text": f"قال الوزير في بيان رقم {i} إن الحكومة ستعقد اجتماعا في القاهرة لبحث الاقتصاد.",
     "published": f"2020-0{1 + i % 9}-1{i % 9}", "source": "wire"}
    for i in range(12)
]


def make_store(tmp_path: Path, records: list[dict] | None = None, name: str = "k.db") -> Path:
    corpus = tmp_path / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records or RECORDS), "utf-8")
    db = tmp_path / name
    with open_store(db) as store:
        rep = ingest([str(corpus)], store, pipeline=TEXT)
    assert not rep.errors
    return db


def damage(path: Path) -> None:
    """Overwrite every page after the first two with garbage (a deterministic 'damaged pages' store)."""
    rng = random.Random(7)
    data = bytearray(path.read_bytes())
    for off in range(8192, len(data), 4096):
        data[off + 8:off + 4096] = rng.randbytes(4096 - 8)
    path.write_bytes(bytes(data))


# -- search terms ------------------------------------------------------------------------------------

def test_query_terms_are_deduplicated_and_capped() -> None:
    assert fts_query("في " * 1000) == '"في"'
    distinct = " ".join(f"كلمة{i}" for i in range(100))
    assert len(query_words(distinct)) == MAX_QUERY_TERMS
    assert fts_query(distinct).count(" AND ") == MAX_QUERY_TERMS - 1  # type: ignore[union-attr]
    assert query_words("بوتين وبوتين بوتين") == ["بوتين", "وبوتين"]  # order kept, the first time each


def test_repeated_word_query_gives_the_single_word_results(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    with SQLiteStore(db) as store:
        one = [h.id for h in store.search("الحكومة", limit=50)]
        many = [h.id for h in store.search("الحكومة " * 1000, limit=50)]
    assert one and many == one


# -- store faults ------------------------------------------------------------------------------------

def test_read_only_store_is_searchable_and_refuses_writes(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    with open_store(db, read_only=True) as store:
        assert store.search("القاهرة", limit=3) and store.stats()["documents"] == len(RECORDS)
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            store.add(TEXT("خبر جديد تماما.", doc_id="x"))
    res = cli("search", "القاهرة", "--db", db)
    assert res.exit_code == 0 and "n0" in res.output  # type: ignore[attr-defined]


@pytest.mark.skipif(ROOT, reason="root ignores file permissions")
def test_read_only_file_and_directory(tmp_path: Path) -> None:  # pragma: no cover - not as root
    (tmp_path / "ro").mkdir()
    db = make_store(tmp_path / "ro")
    os.chmod(db, 0o444)
    os.chmod(db.parent, 0o555)
    try:
        assert cli("search", "القاهرة", "--db", db).exit_code == 0  # type: ignore[attr-defined]
        assert cli("stats", "--db", db).exit_code == 0  # type: ignore[attr-defined]
        res = cli("ingest", db.parent.parent / "x.jsonl", "--db", db)
        assert res.exit_code != 0 and "Traceback" not in res.output  # type: ignore[attr-defined]
    finally:
        os.chmod(db.parent, 0o755)
        os.chmod(db, 0o644)


def test_ingest_into_a_read_only_store_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = make_store(tmp_path)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "z", "text": "خبر جديد عن الطقس في عمان."}, ensure_ascii=False) + "\n", "utf-8")
    import khabar.store as st_mod

    real = st_mod.open_store
    monkeypatch.setattr(st_mod, "open_store", lambda p=None, read_only=False: real(p, read_only=True))
    res = cli("ingest", new, "--db", db, "-j", "1")
    assert res.exit_code == 1 and one_line_error(res)  # type: ignore[attr-defined]
    assert "read-only" in res.output  # type: ignore[attr-defined]


def test_full_disk_during_ingest_is_one_line_and_resumable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = make_store(tmp_path, RECORDS[:2])
    corpus = tmp_path / "more.jsonl"
    long = [{"id": f"m{i}", "text": "خبر طويل " * 400 + str(i)} for i in range(6)]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in long), "utf-8")
    real_init = SQLiteStore.__init__

    def tiny(self: SQLiteStore, *a: object, **k: object) -> None:
        real_init(self, *a, **k)  # type: ignore[arg-type]
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count={pages + 2}")  # SQLITE_FULL, as a full disk gives

    monkeypatch.setattr(SQLiteStore, "__init__", tiny)
    res = cli("ingest", corpus, "--db", db, "-j", "1")
    assert res.exit_code == 1 and one_line_error(res)  # type: ignore[attr-defined]
    assert "full" in res.output  # type: ignore[attr-defined]
    monkeypatch.setattr(SQLiteStore, "__init__", real_init)
    with SQLiteStore(db) as store:
        assert store.check() is None
    res = cli("ingest", corpus, "--db", db, "-j", "1")  # space freed: the rerun completes
    assert res.exit_code == 0, res.output  # type: ignore[attr-defined]
    with SQLiteStore(db) as store:
        assert len(store) == 2 + len(long)


def test_damaged_store_gives_one_line_errors_and_no_partial_export(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    damage(db)
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier export\n", "utf-8")
    for args in (["stats"], ["search", "القاهرة"], ["quotes"], ["events"], ["export", out]):
        res = cli(*args, "--db", db)
        assert res.exit_code in (1, 2) and one_line_error(res), (args, res.output)  # type: ignore[attr-defined]
    assert out.read_text("utf-8") == "an earlier export\n"  # untouched, no partial file
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "z", "text": "خبر جديد."}, ensure_ascii=False) + "\n", "utf-8")
    res = cli("ingest", new, "--db", db, "-j", "1")
    assert res.exit_code != 0 and one_line_error(res)  # type: ignore[attr-defined]


def test_ingest_refuses_a_store_with_a_few_damaged_pages(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    data = bytearray(db.read_bytes())
    for page in (3, 4, 5):  # a few b-tree page headers; the file header and the schema page intact
        data[page * 4096: page * 4096 + 64] = random.Random(page).randbytes(64)
    db.write_bytes(bytes(data))
    with SQLiteStore(db) as store:
        assert store.check() is not None
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "z", "text": "خبر جديد."}, ensure_ascii=False) + "\n", "utf-8")
    res = cli("ingest", new, "--db", db, "-j", "1")
    assert res.exit_code == 1 and "damaged" in res.output  # type: ignore[attr-defined]


def test_export_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store import export

    db = make_store(tmp_path)

    def broken(self: SQLiteStore):  # type: ignore[no-untyped-def]
        yield TEXT("خبر.", doc_id="a")
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(SQLiteStore, "iter_documents", broken)
    out = tmp_path / "x.jsonl"
    with SQLiteStore(db) as store, pytest.raises(sqlite3.DatabaseError):
        export.export_jsonl(store, str(out))
    assert not out.exists() and not list(tmp_path.glob(".x.jsonl*"))
    with SQLiteStore(db) as store:  # a good export is complete and replaces the target
        monkeypatch.undo()
        assert export.export_jsonl(store, str(out)) == len(RECORDS)
    assert len(out.read_text("utf-8").splitlines()) == len(RECORDS)


# -- dates -------------------------------------------------------------------------------------------

BAD_DATES = ["9999-99-99", "yesterday", "nan", {"a": 1}, "2020-02-30", "2020-01-01garbage", 20200101]


def test_impossible_record_dates_are_stored_as_unknown_with_a_warning(tmp_path: Path) -> None:
    recs = [{"id": f"b{i}", "text": f"خبر رقم {i} عن الاقتصاد.", "published": d} for i, d in enumerate(BAD_DATES)]
    recs.append({"id": "good", "text": "خبر صحيح التاريخ.", "published": "2018-02-18T21:35:43+04:00"})
    corpus = tmp_path / "d.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    with open_store(tmp_path / "d.db") as store:
        rep = ingest([str(corpus)], store, pipeline=TEXT)
        assert rep.added == len(recs) and len(rep.warnings) == len(BAD_DATES)
        assert all("stored as unknown" in w.message for w in rep.warnings)
        assert [h.id for h in store.search(date_from="2000-01-01", limit=50)] == ["good"]
        assert store.stats()["published"] == {"first": "2018-02-18", "last": "2018-02-18"}
        assert store.get("good").meta["published"] == "2018-02-18T21:35:43+04:00"  # the time is kept
        assert store.get("b0").meta.get("published") is None
        again = ingest([str(corpus)], store, pipeline=TEXT)  # nothing new: no warnings repeated
        assert again.added == 0 and again.warnings == []
    res = cli("ingest", corpus, "--db", tmp_path / "d2.db", "-j", "1")
    assert res.exit_code == 0 and res.output.count("warning:") == len(BAD_DATES)  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["2020-01-01garbage", "2020-13-01", "2020-02-30", "20200101", "2020-01-01T25:00"])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(ValueError):
        check_date(value)


@pytest.mark.parametrize("value", ["2020-01-01", "2020-01-01T10:00:00", "2018-02-18T21:35:43+04:00", "2020-01-01T10:00Z"])
def test_good_dates_pass(value: str) -> None:
    assert check_date(value) == value


# -- input -------------------------------------------------------------------------------------------

def test_lone_surrogate_names_the_record(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "a1", "text": "نص \\ud800 مكسور"}\n{"id": "a2", "text": "نص سليم"}\n', "utf-8")
    out = list(read_path(p))
    assert isinstance(out[0], InputError) and "'a1'" in out[0].message and "surrogate" in out[0].message
    assert isinstance(out[1], Record)
    res = cli("analyze", p)
    assert res.exit_code == 1 and "SystemError" not in res.output and "s.jsonl:1" in res.output  # type: ignore[attr-defined]
    import khabar  # the Python API takes any str: analysis works, SQLite refuses to store it clearly

    doc = khabar.analyze("قال \ud800 الرئيس الروسي بوتين في موسكو.", published="2020-01-01")
    assert doc.check_offsets() == [] and any(e.wikidata == "Q7747" for e in doc.entities)
    with pytest.raises(ValueError, match="surrogate"), open_store(":memory:") as store:
        store.add(doc)


def test_utf16_files_are_decoded(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_bytes("خبر عن بوتين.".encode("utf-16"))
    (rec,) = read_path(txt)
    assert isinstance(rec, Record) and rec.text == "خبر عن بوتين."
    jl = tmp_path / "b.jsonl"
    jl.write_bytes(('{"id": "u1", "text": "خبر أول"}\n{"id": "u2", "text": "خبر ثان"}\n').encode("utf-16-be")
                   .join([b"\xfe\xff", b""]))
    recs = list(read_path(jl))
    assert [r.id for r in recs if isinstance(r, Record)] == ["u1", "u2"]
    bad = tmp_path / "c.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8")  # a BOM, then a lone surrogate
    (err,) = read_path(bad)
    assert isinstance(err, InputError) and "UTF-16" in err.message and "binary" not in err.message


@pytest.mark.parametrize("zw", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"])
def test_zero_width_inside_a_name_still_links(zw: str) -> None:
    import khabar

    text = f"قال الرئيس الروسي فلاديمير بو{zw}تين إن المحادثات مستمرة."
    doc = khabar.analyze(text, published="2021-12-12")
    assert doc.text == text and doc.check_offsets() == []
    assert any(e.wikidata == "Q7747" for e in doc.entities), [(e.canonical, e.mentions) for e in doc.entities]


def test_concurrent_ingests_do_not_analyse_twice(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    db = tmp_path / "c.db"
    SQLiteStore(db).close()
    started = threading.Event()
    release = threading.Event()
    analysed: dict[str, int] = {}

    def counting(doc: Document) -> None:
        name = threading.current_thread().name
        analysed[name] = analysed.get(name, 0) + 1
        started.set()
        release.wait(10)

    from khabar.pipeline import Stage

    pipe = Pipeline([*TEXT.stages, Stage("count", counting, requires=("tokens",))])
    reports: dict[str, object] = {}
    waits: list[str] = []

    def run(name: str) -> None:
        with open_store(db) as store:
            reports[name] = ingest([str(corpus)], store, pipeline=pipe, on_wait=waits.append)

    first = threading.Thread(target=run, args=("first",), name="first")
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=run, args=("second",), name="second")
    second.start()
    second.join(0.5)  # the second one waits for the lock
    release.set()
    first.join(30)
    second.join(30)
    assert waits and "another ingest" in waits[0]
    assert reports["first"].added == len(RECORDS)  # type: ignore[attr-defined]
    assert reports["second"].added == 0 and reports["second"].skipped == len(RECORDS)  # type: ignore[attr-defined]
    assert reports["second"].words == 0  # type: ignore[attr-defined]
    assert analysed.get("second", 0) == 0


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_malformed_percent_escape_in_the_page_hash_does_not_throw() -> None:
    script = ("const {safeDecode} = require(process.argv[1]);"
              "process.stdout.write(JSON.stringify([safeDecode('%E0%A4'), safeDecode('a%20b'), safeDecode('%')]));")
    out = subprocess.run(["node", "-e", script, str(WEB)], capture_output=True, text=True, timeout=30, check=True)
    assert json.loads(out.stdout) == ["%E0%A4", "a b", "%"]


# -- model files -------------------------------------------------------------------------------------

def test_missing_or_corrupt_model_file_is_named_with_its_rebuild_command(tmp_path: Path) -> None:
    from khabar.kb.kb import load_kb
    from khabar.models.files import ModelFileError
    from khabar.models.morph.model import load_model
    from khabar.models.ner.tagger import NerTagger

    bad = tmp_path / "morph.json.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(ModelFileError, match=r"morph\.json\.gz.*khabar train morph"):
        load_model(str(bad))
    with pytest.raises(ModelFileError, match=r"ner\.crfsuite is missing.*khabar train ner"):
        NerTagger(model_path=tmp_path / "ner.crfsuite")
    (tmp_path / "ner.crfsuite").write_bytes(b"not a crf model")
    with pytest.raises(ModelFileError, match=r"ner\.crfsuite cannot be read"):
        NerTagger(model_path=tmp_path / "ner.crfsuite")
    with pytest.raises(ModelFileError, match=r"kb\.json\.gz is missing.*khabar kb build"):
        load_kb(tmp_path / "kb.json.gz")


def test_cli_reports_a_broken_model_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.models.files import model_error
    from khabar.models.ner import tagger

    def broken(model_path: object = None) -> None:
        raise model_error(tmp_path / "ner.crfsuite", FileNotFoundError())

    import khabar.pipeline
    import khabar.stages

    monkeypatch.setattr(tagger, "default_tagger", broken)
    monkeypatch.setattr(khabar.stages, "load_tagger", broken)
    monkeypatch.setattr(khabar.pipeline, "_DEFAULT", None)  # the default pipeline is built (and loads NER) anew
    f = tmp_path / "a.txt"
    f.write_text("قال الرئيس.", "utf-8")
    res = cli("analyze", f)
    assert res.exit_code == 1 and one_line_error(res) and "khabar train ner" in res.output  # type: ignore[attr-defined]


# -- fuzzing (small, fast versions of bench/fuzz.py) -------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_query_builds_a_valid_match_expression(q: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO f VALUES ('في القاهرة')")
    expr = fts_query(q)
    if expr is not None:
        assert expr.count('"') >= 2 and len(query_words(q)) <= MAX_QUERY_TERMS
        conn.execute("SELECT count(*) FROM f WHERE f MATCH ?", (expr,)).fetchone()


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.jsonl", "a.html", "a.jsonl.gz"]))
def test_readers_never_crash_on_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    p = tmp_path_factory.mktemp("fz") / name
    p.write_bytes(data)
    for rec in read_path(p):
        assert isinstance(rec, Record | InputError)
        if isinstance(rec, Record):
            assert isinstance(rec.text, str)


def test_pathological_inputs_finish_with_valid_offsets() -> None:
    import khabar

    for text in ("!" * 20_000, "،" * 20_000, "وبالكتاب " * 5_000, "(" * 5_000 + "بوتين" + ")" * 5_000,
                 "https://" + "a" * 20_000, "#" * 10_000 + "وسم"):
        doc = khabar.analyze(text, published="2020-01-01")
        assert doc.check_offsets() == []


def test_deeply_nested_html_and_huge_files_are_handled(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 10_000 + "<p>خبر في صفحة عميقة جدا عن الاقتصاد.</p>"
                    + "</div>" * 10_000 + "</body></html>", "utf-8")
    out = list(read_path(deep))
    assert len(out) == 1 and isinstance(out[0], Record | InputError)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # 50 MB, sparse
        fh.truncate(50_000_000)
    (err,) = read_path(big, max_bytes=10_000_000)
    assert isinstance(err, InputError) and "too large" in err.message
    res = cli("ingest", big, "--db", tmp_path / "b.db")
    assert res.exit_code == 1 and "too large" in res.output  # type: ignore[attr-defined]


# -- the HTTP API ------------------------------------------------------------------------------------

fastapi = pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from khabar.api import create_app  # noqa: E402


def test_foreign_host_header_is_refused(tmp_path: Path) -> None:
    db = str(make_store(tmp_path))
    with TestClient(create_app(db)) as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/search", params={"q": "x"}, headers={"host": "evil.example:8000"}).status_code == 400
        assert c.get("/", headers={"host": "rebind.attacker.test"}).status_code == 400
        for ok in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
            assert c.get("/api/health", headers={"host": ok}).status_code == 200, ok
    with TestClient(create_app(db, allowed_hosts=["news.example.org"]), base_url="http://news.example.org") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"host": "localhost"}).status_code == 400


def test_serve_passes_allowed_hosts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    import khabar.api as api_mod

    seen: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    real = api_mod.create_app
    monkeypatch.setattr(api_mod, "create_app", lambda *a, **k: seen.append(k.get("allowed_hosts")) or real(*a, **k))
    res = cli("serve", "--db", make_store(tmp_path), "--host", "10.0.0.5", "--allowed-host", "news.lan")
    assert res.exit_code == 0, res.output  # type: ignore[attr-defined]
    hosts = seen[0]
    assert "10.0.0.5" in hosts and "news.lan" in hosts and "localhost" in hosts  # type: ignore[operator]
    assert "testserver" not in hosts  # type: ignore[operator]


def test_api_dates_fully_validated_and_long_repeated_query(tmp_path: Path) -> None:
    db = str(make_store(tmp_path))
    with TestClient(create_app(db)) as c:
        for bad in ("2020-01-01garbage", "2020-13-01", "9999-99-99", "yesterday"):
            assert c.get("/api/search", params={"from": bad}).status_code == 422, bad
            assert c.get("/api/events", params={"to": bad}).status_code == 422, bad
        r = c.get("/api/search", params={"q": ("الحكومة " * 200)[:1000]})
        assert r.status_code == 200
        assert [h["id"] for h in r.json()["hits"]] == [h["id"] for h in c.get("/api/search", params={"q": "الحكومة"}).json()["hits"]]


def test_api_read_only_store_and_damage_reported_by_health(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        assert c.get("/api/search", params={"q": "القاهرة"}).status_code == 200
        assert c.get("/api/health").json()["store"] is True
    damage(db)
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        codes = {c.get("/api/search", params={"q": "القاهرة"}).status_code, c.get("/api/stats").status_code}
        assert 500 not in codes and codes & {503}
        h = c.get("/api/health")
        assert h.status_code == 503 and h.json()["store"] is False and "store" in h.json()["store_error"]


def test_read_only_open_migrates_an_older_writable_store(tmp_path: Path) -> None:
    from khabar.store.keys import index_text
    from khabar.store.sqlite import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);" + MIGRATIONS[1]
                      + "INSERT INTO meta VALUES('schema_version', '1');")
    d = TEXT("خبر قديم عن بوتين.", doc_id="old")
    con.execute("INSERT INTO documents(id, hash, chars, words, added, json) VALUES('old', 'h', 1, 1, 'now', ?)",
                (d.to_json(),))
    con.execute("INSERT INTO documents_fts(rowid, title, body) VALUES(1, '', ?)", (index_text(d.text),))
    con.commit()
    con.close()
    res = cli("search", "بوتين", "--db", path)  # search opens read-only; the upgrade migrates the store once
    assert res.exit_code == 0 and "old" in res.output, res.output  # type: ignore[attr-defined]
    with open_store(path, read_only=True) as st:
        assert st.schema_version == SCHEMA_VERSION


def test_overlong_jsonl_lines_are_skipped_without_reading_them_whole(tmp_path: Path) -> None:
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "خبر " * 5_000}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "ok", "text": "خبر قصير"}, ensure_ascii=False) + "\n" + "x" * 50_000, "utf-8")
    out = list(read_path(p, max_bytes=10_000))
    assert [type(r).__name__ for r in out] == ["InputError", "Record", "InputError"]
    assert "too large" in out[0].message and out[1].id == "ok" and out[0].origin.endswith(":1")  # type: ignore[union-attr]
    u16 = tmp_path / "long16.jsonl"
    u16.write_bytes(p.read_text("utf-8").encode("utf-16"))
    assert [type(r).__name__ for r in read_path(u16, max_bytes=10_000)] == ["InputError", "Record", "InputError"]
