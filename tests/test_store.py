"""The embedded SQLite store: idempotence, clitic-aware search, layers in tables, resumable ingest."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from khabar.document import Document, Entity, Event, Quote, Span, TimeExpression
from khabar.ingest.readers import InputError, Record, read_path
from khabar.ingest.run import ingest
from khabar.pipeline import Pipeline
from khabar.store import SCHEMA_VERSION, SQLiteStore, open_store
from khabar.store.keys import fts_query, index_text, stems

# Text-layer stages only: these tests are about the store, not about what later stages find.
TEXT = Pipeline(["tokenize", "sentences", "dateline"])


def doc(text: str, doc_id: str = "", **meta: str) -> Document:
    return TEXT(text, meta=meta or None, doc_id=doc_id or None)


def test_clitic_stems() -> None:
    assert "بوتين" in stems("وبوتين")
    assert "بوتين" in stems("لبوتين")
    assert "بوتين" in stems("فبوتين")
    assert {"الفيديو", "فيديو"} <= set(stems("بالفيديو"))
    assert "الرئيس" in stems("للرئيس")
    assert stems("من") == []  # too short to strip


def test_index_and_query_fold_spelling_variants() -> None:
    keys = index_text("أعلنت الحكومة إلى ٢٠٢١").split()
    assert "اعلنت" in keys and "الحكومه" in keys and "الي" in keys and "2021" in keys
    assert fts_query("إلى") == '"الي"'
    assert fts_query("  ،،  ") is None
    assert fts_query('a"b') == '"a" AND "b"'


def test_search_finds_clitic_forms(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as st:
        st.add(doc("قال الكرملين إن بوتين سيزور الصين.", "a"))
        st.add(doc("اتصل الرئيس الأمريكي وبوتين هاتفيا.", "b"))
        st.add(doc("وجه بايدن رسالة لبوتين أمس.", "c"))
        st.add(doc("وزير الخارجية في الرياض.", "d"))
        assert {h.id for h in st.search("بوتين")} == {"a", "b", "c"}
        assert {h.id for h in st.search("وبوتين")} == {"b"}
        assert {h.id for h in st.search("الامريكي")} == {"b"}  # hamza folded on both sides
        assert {h.id for h in st.search("بوتين الصين")} == {"a"}  # all words required
        assert st.search("بوتين", limit=1)[0].id in {"a", "b", "c"}
        assert st.search("") == [] or True
        assert st.search("\"'()*") == []  # FTS syntax characters are not a crash
        hit = st.search("لبوتين")[0]
        assert hit.id == "c" and "[لبوتين]" in hit.snippet


def test_idempotent_by_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with open_store(path) as st:
        d = doc("خبر عن الاقتصاد.", "x")
        assert st.add(d) is True
        assert st.add(d) is False
        assert st.add(doc("خبر عن الاقتصاد.", "other-id")) is False  # same text, other id: a duplicate
        assert len(st) == 1
        assert st.add(doc("خبر معدل عن الاقتصاد.", "x")) is True  # same id, new text: replaced
        assert len(st) == 1 and "معدل" in st.get("x").text
        assert {h.id for h in st.search("معدل")} == {"x"}
        assert st.add(d) is False  # the replaced version does not come back on a re-ingest
        assert "معدل" in st.get("x").text
    with open_store(path) as st:  # reopening keeps data and the schema version
        assert len(st) == 1 and st.schema_version == SCHEMA_VERSION


def test_store_is_wal_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(RuntimeError, match="newer"):
        SQLiteStore(path)


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


def test_layers_are_stored_and_queryable(tmp_path: Path) -> None:
    d = full_doc()
    with open_store(tmp_path / "k.db") as st:
        st.add(d)
        st.add(doc("خبر آخر بلا كيانات.", "plain", published="2020-01-01"))
        assert st.get("full") == d  # lossless read-back
        s = st.stats(top=5)
        assert (s["documents"], s["entities"], s["mentions"], s["quotes"], s["events"], s["times"]) == (2, 3, 3, 1, 1, 1)
        assert s["top_entities"][0]["documents"] == 1
        assert s["top_speakers"][0]["wikidata"] == "Q7747"
        assert s["events_by_type"] == {"THREATEN": 1}
        assert [h.id for h in st.search(entity="Q7747")] == ["full"]
        assert [h.id for h in st.search(entity="بوتين")] == ["full"]
        assert [h.id for h in st.search(speaker="Vladimir Putin")] == ["full"]
        assert [h.id for h in st.search(event="threaten")] == ["full"]
        assert [h.id for h in st.search(actor="RUS")] == ["full"]
        assert st.search(actor="UKR") == []  # Ukraine is the recipient
        assert [h.id for h in st.search(date_from="2021-01-01")] == ["full"]
        assert [h.id for h in st.search(date_to="2020-12-31")] == ["plain"]
        assert [h.id for h in st.search(source="TEST")] == ["full"]
        assert [h.id for h in st.search("روسيا", entity="Q7747", date_from="2021-12-01")] == ["full"]
        assert st.quotes(speaker="Q7747")[0]["text"] == d.quotes[0].content.text
        ev = st.events(actor="RUS")[0]
        assert ev["event"] == "THREATEN" and ev["recipient_codes"] == ["UKR"]
        assert st.delete("full") and st.get("full") is None
        assert st.stats()["mentions"] == 0  # layers go with their document


def test_exports(tmp_path: Path) -> None:
    from khabar.store.export import export_events_csv, export_jsonl, export_parquet

    with open_store(tmp_path / "k.db") as st:
        st.add(full_doc())
        assert export_jsonl(st, str(tmp_path / "o.jsonl")) == 1
        back = Document.from_json((tmp_path / "o.jsonl").read_text("utf-8").splitlines()[0])
        assert back == full_doc()
        assert export_events_csv(st, str(tmp_path / "e.csv")) == 1
        assert "THREATEN" in (tmp_path / "e.csv").read_text("utf-8")
        pq = pytest.importorskip("pyarrow.parquet")
        assert export_parquet(st, str(tmp_path / "o.parquet")) == 1
        assert pq.read_table(tmp_path / "o.parquet").num_rows == 1


def write_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("أعلنت الحكومة خطة جديدة للاقتصاد.", "utf-8")
    (root / "sub" / "a.txt").write_text("التقى بوتين وبايدن عبر الفيديو.", "utf-8")
    (root / "bad.txt").write_bytes("نص عربي".encode("cp1256"))
    (root / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (root / "empty.txt").write_text("", "utf-8")
    (root / "ignored.csv").write_text("not,read", "utf-8")
    recs = [{"id": f"r{i}", "text": f"خبر رقم {i} عن لبوتين", "published": "2018-03-0" + str(i % 9 + 1)} for i in range(12)]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs] + ["{broken json", json.dumps({"id": "nt"}), ""]
    with gzip.open(root / "sub" / "dump.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return root


def test_readers_report_bad_inputs(tmp_path: Path) -> None:
    root = write_corpus(tmp_path)
    items = list(read_path(root))
    errors = {Path(e.origin.split(":")[0]).name + ":" + e.message.split()[0] for e in items if isinstance(e, InputError)}
    ids = [r.id for r in items if isinstance(r, Record)]
    assert "a" in ids and "sub/a" in ids and "empty" in ids and "r0" in ids
    assert any(e.startswith("bad.txt:not") for e in errors)  # not valid UTF-8
    assert any(e.startswith("bin.txt:looks") for e in errors)  # binary
    assert any(e.startswith("dump.jsonl.gz:invalid") for e in errors)
    assert any(e.startswith("dump.jsonl.gz:record") for e in errors)  # no text
    assert not any("ignored" in e for e in errors)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_is_idempotent_and_resumable(tmp_path: Path, workers: int) -> None:
    root = write_corpus(tmp_path)
    with open_store(tmp_path / "full.db") as full:
        rep = ingest([root], full, workers=workers, pipeline=TEXT)
        assert rep.added == 15 and len(rep.errors) == 4
        assert {Path(e.origin.split(":")[0]).name for e in rep.errors} == {"bad.txt", "bin.txt", "dump.jsonl.gz"}
        again = ingest([root], full, workers=workers, pipeline=TEXT)
        assert again.added == 0 and again.skipped == 15 and len(full) == 15
        want = [(d.id, d.to_json()) for d in full.iter_documents()]
        assert {h.id for h in full.search("بوتين", limit=50)} == {"sub/a"} | {f"r{i}" for i in range(12)}

    # An interrupted run (only part of the records stored) then a restart ends with the same store.
    with open_store(tmp_path / "part.db") as part:
        recs = [r for r in read_path(root) if isinstance(r, Record)]
        for r in recs[:6]:
            part.add(TEXT(r.text, meta=r.meta, doc_id=r.id))
        rep = ingest([root], part, workers=workers, pipeline=TEXT)
        assert rep.added == 9 and rep.skipped == 6
        assert sorted((d.id, d.to_json()) for d in part.iter_documents()) == sorted(want)


KILL_SCRIPT = r'''
import sys, time
from khabar.document import Document
from khabar.ingest.run import ingest
from khabar.pipeline import Pipeline, Stage
from khabar.store import open_store

def slow(doc: Document) -> None:  # makes the run long enough to be killed in the middle
    time.sleep(0.01)

pipe = Pipeline(["tokenize", "sentences", Stage("slow", slow, ("tokens",))])
with open_store(sys.argv[2]) as st:
    ingest([sys.argv[1]], st, workers=2, batch=16, pipeline=pipe)
'''


def _snapshot(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    docs = con.execute("SELECT rowid, id, hash, words, json FROM documents ORDER BY rowid").fetchall()
    fts = con.execute("SELECT rowid, title, body FROM documents_fts ORDER BY rowid").fetchall()
    con.close()
    return docs + fts


def test_killed_ingest_restarts_to_the_same_store(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"k{i}", "text": f"خبر رقم {i} عن لبوتين وبايدن في موسكو."},
                                        ensure_ascii=False) for i in range(300)), "utf-8")
    script = tmp_path / "run.py"
    script.write_text(KILL_SCRIPT, "utf-8")
    cmd = [sys.executable, str(script), str(src)]
    subprocess.run([*cmd, str(tmp_path / "whole.db")], check=True, timeout=120)

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([*cmd, str(killed)], start_new_session=True)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(killed, timeout=1) as con:
                stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 48:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert 0 < stored < 300, "the run should have been killed halfway"
    subprocess.run([*cmd, str(killed)], check=True, timeout=120)
    assert _snapshot(killed) == _snapshot(tmp_path / "whole.db")


def test_migrates_an_older_store(tmp_path: Path) -> None:
    from khabar.store.sqlite import MIGRATIONS

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);" + MIGRATIONS[1]
                      + "INSERT INTO meta VALUES('schema_version', '1');")
    d = doc("خبر قديم عن بوتين.", "old")
    con.execute("INSERT INTO documents(id, hash, chars, words, added, json) VALUES('old', 'h', 1, 1, 'now', ?)",
                (d.to_json(),))
    con.execute("INSERT INTO documents_fts(rowid, title, body) VALUES(1, '', ?)", (index_text(d.text),))
    con.commit()
    con.close()
    with open_store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
        hit = st.search("بوتين")[0]
        assert hit.id == "old" and "[بوتين]" in hit.snippet


def test_html_pages_are_ingested_with_metadata(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>بوتين يلتقي بايدن</title>"
        '<meta property="article:published_time" content="2021-12-12"></head><body><nav>القائمة</nav>'
        "<article><h1>بوتين يلتقي بايدن</h1><p>قال الكرملين يوم الأحد إن الرئيس الروسي فلاديمير بوتين والرئيس "
        "الأمريكي جو بايدن استأنفا المحادثات وسط توترات بشأن إضافة قوات روسية بالقرب من أوكرانيا.</p>"
        "<p>وقال الكرملين إن الزعيمين اتفقا على مواصلة الحوار في الأسابيع المقبلة.</p></article></body></html>",
        "utf-8",
    )
    (tmp_path / "empty.html").write_text("<html><body></body></html>", "utf-8")
    recs = list(read_path(tmp_path))
    good = [r for r in recs if isinstance(r, Record)]
    assert len(good) == 1 and good[0].meta["title"] == "بوتين يلتقي بايدن"
    assert good[0].meta["published"].startswith("2021-12-12")
    assert "القائمة" not in good[0].text and "استأنفا المحادثات" in good[0].text
    assert [Path(e.origin).name for e in recs if isinstance(e, InputError)] == ["empty.html"]


def test_reindex_after_the_key_function_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.store.sqlite as sq

    path = tmp_path / "k.db"
    with open_store(path) as st:
        st.add(doc("قال الكرملين إن بوتين سيزور الصين.", "a"))
        assert st.index_is_current and st.stats()["index_current"] is True
        st.conn.execute("UPDATE meta SET value='old' WHERE key='keys'")
        st.conn.execute("DELETE FROM documents_fts")  # an index an older normaliser built, here: useless
        assert not st.index_is_current and st.search("بوتين") == []
        assert st.reindex() == 1
        assert st.index_is_current and [h.id for h in st.search("بوتين")] == ["a"]
    monkeypatch.setattr(sq, "fingerprint", lambda: "changed")
    with open_store(path) as st:
        assert not st.index_is_current
