"""Batch analysis on the local engine and on Dask: same results, Parquet tables, resumable, fault tolerant."""

from __future__ import annotations

import gzip
import json
import os
import signal
import time
from itertools import islice
from pathlib import Path

import pytest

from khabar.ingest.readers import InputError, Record
from khabar.ingest.run import ingest
from khabar.scale.batch import MANIFEST_DIR, batch
from khabar.scale.partitions import partitions, read_inputs
from khabar.scale.tables import SCHEMAS, TABLES
from khabar.store import open_store

pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve short articles from the bundled demo corpus, plus a broken line."""
    from khabar.ingest.demo import demo_path

    out = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    with gzip.open(demo_path(), "rt", encoding="utf-8") as f:
        recs = [r for r in map(json.loads, islice(f, 80)) if len(r["text"]) < 1500][:12]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    lines.insert(5, "{not json")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _rows(out: Path, table: str) -> list[tuple]:
    rows = pq.read_table(out / table).to_pylist()
    return sorted(tuple(json.dumps(v, ensure_ascii=False, sort_keys=True) for v in r.values()) for r in rows)


def test_partitions_are_stable_and_drop_duplicates() -> None:
    recs: list[Record | InputError] = [Record(text=f"نص رقم {i}") for i in range(5)]
    recs += [Record(text="نص رقم 1"), InputError("x:3", "bad line")]
    a = list(partitions(recs, 2))
    b = list(partitions(recs, 2))
    assert [p.id for p in a] == [p.id for p in b]
    assert sum(len(p.records) for p in a) == 5  # the repeated text is analysed once
    assert [e.origin for p in a for e in p.errors] == ["x:3"]
    with pytest.raises(ValueError):
        list(partitions(recs, 0))


def test_batch_writes_tables_and_resumes(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rep = batch([corpus], out, partition_size=4)
    assert rep.documents == 12 and [e[0] for e in rep.errors] == [f"{corpus}:6"]
    schema = json.loads((out / "_schema.json").read_text())
    assert schema["version"] == 1 and set(schema["tables"]) == set(TABLES)
    for table in TABLES:
        t = pq.read_table(out / table)
        assert t.schema.equals(SCHEMAS[table]), table
    docs = pq.read_table(out / "documents").to_pylist()
    assert len(docs) == 12 and all(d["text"] for d in docs)
    texts = {d["doc_id"]: d["text"] for d in docs}
    for m in pq.read_table(out / "mentions").to_pylist():  # offsets slice the original text
        assert texts[m["doc_id"]][m["start"]:m["end"]] == m["text"]
    assert pq.read_table(out / "entities").num_rows > 0

    again = batch([corpus], out, partition_size=4)
    assert again.done == 0 and again.skipped == rep.done and again.documents == 0

    manifests = sorted((out / MANIFEST_DIR).glob("*.json"))
    manifests[1].unlink()  # as if the job had been killed before that partition finished
    before = _rows(out, "entities")
    third = batch([corpus], out, partition_size=4)
    assert third.done == 1 and _rows(out, "entities") == before


def test_a_failing_record_is_reported_not_fatal(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.ingest.run as run

    real = run.analyse_record

    def flaky(rec: Record, published: str | None = None, pipeline: object = None):  # type: ignore[no-untyped-def]
        if rec.origin.endswith(":3"):
            raise RuntimeError("stage exploded")
        return real(rec, published, pipeline)

    monkeypatch.setattr(run, "analyse_record", flaky)
    rep = batch([corpus], tmp_path / "out", partition_size=4)
    assert rep.documents == 11
    assert any(o.endswith(":3") and "stage exploded" in m for o, m in rep.errors)


def test_parquet_input(corpus: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    recs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.startswith("{\"")]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "text": r["text"], "published": r["published"]}
                                         for r in recs[:3]]), src)
    items = list(read_inputs([src]))
    assert [r.id for r in items if isinstance(r, Record)] == [r["id"] for r in recs[:3]]
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    assert isinstance(next(iter(read_inputs([bad]))), InputError)


dask_dist = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_engine():  # type: ignore[no-untyped-def]
    from khabar.scale.engine import DaskEngine

    eng = DaskEngine(workers=2)
    yield eng
    eng.close()


def test_dask_batch_equals_local(corpus: Path, tmp_path: Path, dask_engine) -> None:  # type: ignore[no-untyped-def]
    local = batch([corpus], tmp_path / "local", partition_size=3)
    dist = batch([corpus], tmp_path / "dask", engine=dask_engine, partition_size=3)
    assert dist.documents == local.documents == 12
    assert len({p for p in dist.worker_pids}) == 2  # both worker processes did work
    for table in TABLES:
        assert _rows(tmp_path / "local", table) == _rows(tmp_path / "dask", table), table


def test_dask_ingest_equals_serial_ingest(corpus: Path, tmp_path: Path, dask_engine) -> None:  # type: ignore[no-untyped-def]
    addr = dask_engine.client.scheduler.address
    with open_store(tmp_path / "a.db") as a:
        ra = ingest([corpus], a, workers=1)
        sa = a.stats()
    with open_store(tmp_path / "b.db") as b:
        rb = ingest([corpus], b, engine="dask", scheduler=addr)
        sb = b.stats()
        rerun = ingest([corpus], b, engine="dask", scheduler=addr)
    assert ra.added == rb.added == 12 and len(rb.errors) == 1
    assert rerun.added == 0 and rerun.skipped == 12
    for key in ("documents", "words", "entities", "mentions", "quotes", "events", "times"):
        assert sa.get(key) == sb.get(key), key


def test_killed_worker_is_retried_with_the_same_result(corpus: Path, tmp_path: Path) -> None:
    from khabar.scale.engine import DaskEngine

    batch([corpus], tmp_path / "local", partition_size=1)
    eng = DaskEngine(workers=2)
    try:
        pids = list(eng.client.run(os.getpid).values())
        killed: list[int] = []

        def progress(rep) -> None:  # type: ignore[no-untyped-def]
            if rep.done == 2 and not killed:  # mid-run: kill one worker process outright
                killed.append(pids[0])
                os.kill(pids[0], signal.SIGKILL)
                time.sleep(0.5)

        dist = batch([corpus], tmp_path / "dask", engine=eng, partition_size=1, on_progress=progress)
    finally:
        eng.close()
    # A partition the killed worker finished (manifest written) before its result arrived counts as already done.
    assert killed and dist.done + dist.skipped == dist.partitions
    for table in TABLES:
        assert _rows(tmp_path / "local", table) == _rows(tmp_path / "dask", table), table


def test_memo_is_bounded_and_keeps_recent_entries() -> None:
    from khabar.memo import Memo, memo_report

    m: Memo[int, int] = Memo("test.memo", entry_bytes=1024 * 1024, share=0.001)  # tiny: the 256-entry floor
    for i in range(10_000):
        m.put(i, i)
    assert len(m) <= m.limit == 256
    assert 9_999 in m and 0 not in m  # the oldest went first
    assert any(name == "test.memo" for name, *_ in memo_report())


@pytest.fixture(scope="module")
def pg_dsn():  # type: ignore[no-untyped-def]
    pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'khabar[postgres]'")
    from pg_server import TempPostgres

    server = TempPostgres()
    if not server.available:
        pytest.skip("no PostgreSQL binaries (initdb/pg_ctl) found; run .ci/postgres.sh or set PG_BINDIR")
    with server:
        yield server.new_database


def test_dask_workers_copy_into_postgresql(corpus: Path, tmp_path: Path, dask_engine, pg_dsn) -> None:  # type: ignore[no-untyped-def]
    addr = dask_engine.client.scheduler.address
    with open_store(tmp_path / "a.db") as a:
        ingest([corpus], a, workers=1)
        sa = a.stats()
    dsn = pg_dsn()
    with open_store(dsn) as pg:
        rep = ingest([corpus], pg, engine="dask", scheduler=addr, batch=4)
        sp = pg.stats()
        again = ingest([corpus], pg, engine="dask", scheduler=addr, batch=4)
        assert {h.id for h in pg.search("قال")} == {h.id for h in open_store(tmp_path / "a.db").search("قال")}
    assert rep.added == 12 and again.added == 0 and again.skipped == 12
    for key in ("documents", "words", "entities", "mentions", "quotes", "events", "times"):
        assert sa.get(key) == sp.get(key), key


def test_postgresql_bulk_copy_equals_row_inserts(corpus: Path, pg_dsn) -> None:  # type: ignore[no-untyped-def]
    from khabar.ingest.run import analyse_record

    docs = [analyse_record(r) for r in read_inputs([corpus]) if isinstance(r, Record)][:6]
    with open_store(pg_dsn()) as bulk, open_store(pg_dsn()) as rows:
        assert bulk.add_many(docs) == 6 and bulk.add_many(docs) == 0
        for d in docs:
            rows.add(d)
        assert bulk.stats() | {"path": ""} == rows.stats() | {"path": ""}
        assert [bulk.get(d.id).to_dict() for d in docs] == [rows.get(d.id).to_dict() for d in docs]
