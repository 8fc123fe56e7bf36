"""The PostgreSQL store against a real server (initdb + pg_ctl on a temp dir), side by side with SQLite.

The behaviour tests run on both backends; the parity test checks that they return the same documents.
Skipped, with the reason, when no PostgreSQL binaries are installed (``.ci/postgres.sh`` installs them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.document import Document, Entity, Event, Quote, Span, TimeExpression
from khabar.pipeline import Pipeline
from khabar.store import open_store

psycopg = pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'khabar[postgres]'")

from pg_server import TempPostgres  # noqa: E402  (tests/ is on sys.path under pytest)

TEXT = Pipeline(["tokenize", "sentences", "dateline"])


@pytest.fixture(scope="session")
def pg() -> Iterator[TempPostgres]:
    server = TempPostgres()
    if not server.available:
        pytest.skip("no PostgreSQL binaries (initdb/pg_ctl) found; run .ci/postgres.sh or set PG_BINDIR")
    with server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return request.param


@pytest.fixture
def make_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[], str]:
    """A function giving the location of a fresh, empty store of the backend under test."""
    if backend == "sqlite":
        count = iter(range(1000))
        return lambda: str(tmp_path / f"k{next(count)}.db")
    server: TempPostgres = request.getfixturevalue("pg")
    return server.new_database


def doc(text: str, doc_id: str = "", **meta: str) -> Document:
    return TEXT(text, meta=meta or None, doc_id=doc_id or None)


def schema_version_of(store: Any) -> int:
    import sys

    return sys.modules[type(store).__module__].SCHEMA_VERSION


def test_open_store_picks_the_backend(make_target: Callable[[], str], backend: str) -> None:
    with open_store(make_target()) as st:
        assert st.backend == backend
        assert len(st) == 0 and st.ids() == [] and list(st.iter_documents()) == []
        assert st.search("بوتين") == [] and st.search() == []
        assert st.stats(top=3)["documents"] == 0


def test_search_finds_clitic_forms(make_target: Callable[[], str]) -> None:
    with open_store(make_target()) as st:
        st.add(doc("قال الكرملين إن بوتين سيزور الصين.", "a"))
        st.add(doc("اتصل الرئيس الأمريكي وبوتين هاتفيا.", "b"))
        st.add(doc("وجه بايدن رسالة لبوتين أمس.", "c"))
        st.add(doc("وزير الخارجية في الرياض.", "d"))
        assert {h.id for h in st.search("بوتين")} == {"a", "b", "c"}
        assert {h.id for h in st.search("وبوتين")} == {"b"}
        assert {h.id for h in st.search("الامريكي")} == {"b"}  # hamza folded on both sides
        assert {h.id for h in st.search("الأمريكيّ")} == {"b"}  # and diacritics
        assert {h.id for h in st.search("بوتين الصين")} == {"a"}  # all words required
        assert {h.id for h in st.search("ووزير")} == set()  # the query word is looked up as written
        assert len(st.search("بوتين", limit=1)) == 1
        assert st.search("\"'()*&|!:<->") == []  # query syntax characters are not a crash
        assert st.search("بوتين & !الصين") != []  # … nor operators inside a query
        hit = st.search("لبوتين")[0]
        assert hit.id == "c" and "[لبوتين]" in hit.snippet and hit.score > 0


def test_idempotent_by_content_hash(make_target: Callable[[], str]) -> None:
    target = make_target()
    with open_store(target) as st:
        d = doc("خبر عن الاقتصاد.", "x")
        assert st.add(d) is True
        assert st.add(d) is False
        assert st.add(doc("خبر عن الاقتصاد.", "other-id")) is False  # same text, other id: a duplicate
        assert st.add_many([d, doc("خبر ثان.", "y"), doc("خبر ثان.", "y2")]) == 1
        assert len(st) == 2 and st.has_text("خبر ثان.")
        assert st.add(doc("خبر معدل عن الاقتصاد.", "x")) is True  # same id, new text: replaced
        assert len(st) == 2 and "معدل" in st.get("x").text
        assert st.add(doc("خبر عن الاقتصاد.", "x")) is False  # the older version does not come back
        assert {h.id for h in st.search("معدل")} == {"x"} and [h.id for h in st.search("الاقتصاد")] == ["x"]
        assert st.delete("y") and not st.delete("y") and st.ids() == ["x"]
    with open_store(target) as st:  # reopening keeps data and the schema version
        assert len(st) == 1 and st.schema_version == schema_version_of(st)


def full_doc() -> Document:
    text = "قال بوتين إن روسيا لن تهاجم أوكرانيا يوم الأحد."
    d = doc(text, "full", published="2021-12-12", source="test")
    d.entities = [
        Entity("e1", "PER", canonical="Vladimir Putin", canonical_ar="فلاديمير بوتين", wikidata="Q7747",
               country="RUS", sector="GOV", mentions=[Span.of(text, 4, 9)]),
        Entity("e2", "LOC", canonical="Russia", wikidata="Q159", country="RUS", mentions=[Span.of(text, 13, 18)]),
        Entity("e3", "LOC", canonical="Ukraine", wikidata="Q212", country="UKR", mentions=[Span.of(text, 28, 36)]),
    ]
    d.quotes = [Quote("indirect", "e1", None, Span.of(text, 0, 3), Span.of(text, 13, 36))]
    d.events = [Event("THREATEN", actor=["e2"], recipient=["e3"], date="2021-12-12", factuality="negated",
                      evidence=[Span.of(text, 13, 36)])]
    d.times = [TimeExpression(37, 46, text[37:46], "DATE", "2021-12-12")]
    assert d.check_offsets() == []
    return d


def test_layers_are_stored_and_queryable(make_target: Callable[[], str]) -> None:
    d = full_doc()
    with open_store(make_target()) as st:
        st.add(d)
        st.add(doc("خبر آخر بلا كيانات.", "plain", published="2020-01-01"))
        st.add(doc("خبر بلا تاريخ عن روسيا.", "nodate"))
        assert st.get("full") == d  # lossless read-back
        assert st.get("missing") is None
        s = st.stats(top=5)
        assert (s["documents"], s["entities"], s["mentions"], s["quotes"], s["events"], s["times"]) == (3, 3, 3, 1, 1, 1)
        assert s["top_entities"][0]["documents"] == 1 and s["published"] == {"first": "2020-01-01", "last": "2021-12-12"}
        assert s["top_speakers"][0]["wikidata"] == "Q7747" and s["top_speakers"][0]["quotes"] == 1
        assert s["events_by_type"] == {"THREATEN": 1} and s["events_by_month"] == {"2021-12": 1}
        assert s["sources"] == {"test": 1, "": 2}
        assert [h.id for h in st.search(entity="Q7747")] == ["full"]
        assert [h.id for h in st.search(entity="بوتين")] == ["full"]
        assert [h.id for h in st.search(entity="vladimir putin")] == ["full"]
        assert [h.id for h in st.search(speaker="Vladimir Putin")] == ["full"]
        assert [h.id for h in st.search(event="threaten")] == ["full"]
        assert [h.id for h in st.search(actor="RUS")] == ["full"]
        assert st.search(actor="UKR") == []  # Ukraine is the recipient
        assert [h.id for h in st.search(date_from="2021-01-01")] == ["full"]
        assert [h.id for h in st.search(date_to="2020-12-31")] == ["plain"]
        assert [h.id for h in st.search()] == ["full", "plain", "nodate"]  # newest first, undated last
        assert [h.id for h in st.search(source="TEST")] == ["full"]
        assert [h.id for h in st.search("روسيا", entity="Q7747", date_from="2021-12-01")] == ["full"]
        assert [h.id for h in st.search("روسيا", date_to="2021-12-31")] == ["full"]
        assert st.search("روسيا", entity="Q7747", date_to="2021-01-01") == []
        q = st.quotes(speaker="Q7747")[0]
        assert q["text"] == d.quotes[0].content.text and q["speaker_name"] == "فلاديمير بوتين"
        assert st.quotes(speaker="بوتين") == [q] and st.quotes() == [q] and st.quotes(speaker="nobody") == []
        ev = st.events(actor="RUS")[0]
        assert ev["event"] == "THREATEN" and ev["recipient_codes"] == ["UKR"] and ev["actor_codes"] == ["RUS"]
        assert ev["evidence"][0]["start"] == 13 and ev["mode"] == d.events[0].mode
        assert st.events(date_from="2022-01-01") == [] and len(st.events(event="threaten", date_to="2021-12-31")) == 1
        assert st.delete("full") and st.get("full") is None
        assert st.stats()["mentions"] == 0 and st.stats()["events"] == 0  # layers go with their document


def test_exports_read_back(make_target: Callable[[], str], tmp_path: Path) -> None:
    from khabar.store.export import export_events_csv, export_jsonl

    with open_store(make_target()) as st:
        st.add(full_doc())
        assert export_jsonl(st, str(tmp_path / "o.jsonl")) == 1
        back = Document.from_json((tmp_path / "o.jsonl").read_text("utf-8").splitlines()[0])
        assert back == full_doc()
        assert export_events_csv(st, str(tmp_path / "e.csv")) == 1
        assert "THREATEN" in (tmp_path / "e.csv").read_text("utf-8")


def test_hostile_text_is_stored_losslessly(make_target: Callable[[], str], backend: str) -> None:
    # NUL cannot go into a PostgreSQL text column (nor lone surrogates into UTF-8): the document JSON
    # keeps them, the searchable columns get U+FFFD in their place (same length, offsets unchanged).
    odd = "\x00" + ("\ud800" if backend == "postgresql" else "")
    text = f"خبر عن بوتين{odd} مع رموز غريبة ' \" \\ ; DROP TABLE documents; --"
    d = Document(text=text, id="weird\x00id", meta={"title": "عنوان\x00", "source": "s'; --"})
    with open_store(make_target()) as st:
        assert st.add(d) is True and st.add(d) is False
        assert st.get("weird\x00id") == d
        hits = st.search("بوتين")
        assert len(hits) == 1 and "[بوتين" in hits[0].snippet
        assert st.search("DROP") != [] and len(st) == 1
        assert st.search(source="s'; --") != [] and st.search(entity="'; DROP TABLE x; --") == []


def test_huge_documents_and_queries(make_target: Callable[[], str]) -> None:
    import random

    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(60_000)]
    # Keys far beyond a tsvector's 1 MB: stored, searchable by the keys that fit (the first ones).
    text = "وبوتين " + " ".join(rng.choice(vocab) for _ in range(150_000))
    with open_store(make_target()) as st:
        assert st.add(Document(text=text, id="huge")) is True
        assert [h.id for h in st.search("بوتين")] == ["huge"]
        assert st.search("ب" * 5000) == [] and st.add(Document(text=text, id="huge")) is False
        assert len(st.search(" ".join(vocab[:2000]))) <= 1  # a long query is no crash
        assert st.search(entity="x" * 10000) == []


def test_ingest_into_the_store_is_idempotent(make_target: Callable[[], str], tmp_path: Path) -> None:
    import json

    from khabar.ingest.run import ingest

    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"خبر رقم {i} عن لبوتين", "published": f"2018-03-0{i % 9 + 1}"},
                                        ensure_ascii=False) for i in range(12)) + "\n{broken\n", "utf-8")
    with open_store(make_target()) as st:
        rep = ingest([src], st, workers=1, pipeline=TEXT)
        assert rep.added == 12 and len(rep.errors) == 1
        again = ingest([src], st, workers=1, pipeline=TEXT)
        assert again.added == 0 and again.skipped == 12 and len(st) == 12
        assert {h.id for h in st.search("بوتين", limit=50)} == {f"r{i}" for i in range(12)}
        assert {h.id for h in st.search("بوتين", date_from="2018-03-02", date_to="2018-03-02")} == {"r1", "r10"}


def test_backends_agree(pg: TempPostgres, tmp_path: Path) -> None:
    texts = [
        ("أعلنت الحكومة خطة جديدة للاقتصاد والاستثمار.", "2021-01-05"),
        ("التقى بوتين وبايدن عبر الفيديو لبحث الأزمة الأوكرانية.", "2021-12-07"),
        ("قال الكرملين إن الرئيس بوتين سيزور الصين.", "2022-02-01"),
        ("بالفيديو: الرئيس الأمريكي يتحدث للصحفيين عن الاقتصاد.", "2021-06-30"),
        ("وزير الخارجية السعودي في موسكو لبحث العلاقات مع روسيا.", "2019-10-14"),
        ("ارتفاع أسعار النفط بعد قرار أوبك، والأسواق تترقب.", "2020-04-20"),
    ]
    queries = ["بوتين", "الفيديو", "فيديو", "الاقتصاد", "اقتصاد", "الرئيس", "للرئيس", "روسيا", "النفط اسعار",
               "موسكو السعودي", "غير موجود", "2021"]
    sq = open_store(tmp_path / "a.db")
    pq = open_store(pg.new_database())
    with sq, pq:
        for i, (text, day) in enumerate(texts):
            d = doc(text, f"d{i}", published=day, source="wire" if i % 2 else "paper")
            assert sq.add(d) == pq.add(d)
        for q in queries:
            for kw in ({}, {"date_from": "2021-01-01"}, {"date_to": "2021-06-30", "source": "WIRE"}):
                assert {h.id for h in sq.search(q, **kw)} == {h.id for h in pq.search(q, **kw)}, (q, kw)
        assert [h.id for h in sq.search(date_from="2020-01-01")] == [h.id for h in pq.search(date_from="2020-01-01")]
        a, b = sq.stats(top=3), pq.stats(top=3)
        for key in ("documents", "words", "characters", "entities", "quotes", "events", "sources", "published"):
            assert a[key] == b[key], key
        assert sq.ids() == pq.ids()
        assert [d.to_json() for d in sq.iter_documents()] == [d.to_json() for d in pq.iter_documents(batch=4)]


def test_import_from_sqlite_copies_everything(pg: TempPostgres, tmp_path: Path) -> None:
    with open_store(tmp_path / "src.db") as sq:
        sq.add(full_doc())
        for i in range(7):
            sq.add(doc(f"خبر رقم {i} عن لبوتين في موسكو.", f"n{i}", published=f"2020-01-0{i + 1}"))
        want = [d.to_json() for d in sq.iter_documents()]
        stats = sq.stats(top=5)
        events = sq.events()
    with open_store(pg.new_database()) as st:
        st.add(doc("خبر رقم 0 عن لبوتين في موسكو.", "old-copy"))  # already there: skipped
        st.add(doc("نص قديم.", "n1"))  # same id, older text: replaced
        seen: list[tuple[int, int]] = []
        assert st.import_sqlite(tmp_path / "src.db", batch=3, on_progress=lambda a, b: seen.append((a, b))) == 7
        assert seen[-1] == (8, 8) and st.import_sqlite(tmp_path / "src.db") == 0  # idempotent
        assert sorted(d.to_json() for d in st.iter_documents()) == sorted([*want[:1], *want[2:], doc(
            "خبر رقم 0 عن لبوتين في موسكو.", "old-copy").to_json()])
        assert st.get("full") == full_doc() and "قديم" not in st.get("n1").text
        assert st.add(doc("نص قديم.", "n1")) is False  # the replaced text is remembered as superseded
        got = st.stats(top=5)
        for key in ("entities", "mentions", "quotes", "events", "times", "top_entities", "top_speakers",
                    "events_by_type"):
            assert got[key] == stats[key], key
        assert st.events() == events
        assert {h.id for h in st.search("بوتين")} == {"full", "old-copy"} | {f"n{i}" for i in range(1, 7)}
        assert [h.id for h in st.search("روسيا", entity="Q7747", date_from="2021-12-01")] == ["full"]


def test_postgres_schema_is_versioned_and_shared(pg: TempPostgres) -> None:
    from khabar.store.postgres import SCHEMA_VERSION, PostgresStore

    dsn = pg.new_database()
    # Two stores opening (migrating) the same fresh database at once: the advisory lock serialises them.
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            PostgresStore(dsn).close()
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with PostgresStore(dsn) as a, PostgresStore(dsn) as b:
        assert a.schema_version == SCHEMA_VERSION
        d = doc("خبر مشترك بين مستخدمين.", "shared")
        assert a.add(d) is True and b.add(d) is False and b.get("shared") == d
        assert "***" not in a.stats()["path"] and a.stats()["backend"] == "postgresql"
        a.conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(RuntimeError, match="newer"):
        PostgresStore(dsn)
    with pytest.raises(psycopg.OperationalError):
        PostgresStore(pg.dsn("no_such_database"))
    from khabar.store.postgres import _redact

    assert _redact("postgresql://u:secret@h/db") == "postgresql://u:***@h/db"
    assert "secret" not in _redact("host=h password=secret dbname=x")
