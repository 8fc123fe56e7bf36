"""PostgreSQL restarted in the middle of an ingest: a one-line failure, then a rerun with nothing lost or doubled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

psycopg = pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'khabar[postgres]'")
from pg_server import TempPostgres  # noqa: E402  (tests/ is on sys.path under pytest)

from khabar.cli import _load  # noqa: E402
from khabar.cli.apps import app  # noqa: E402
from khabar.document import Document  # noqa: E402
from khabar.ingest.run import ingest  # noqa: E402
from khabar.pipeline import Pipeline, Stage  # noqa: E402
from khabar.store import open_store  # noqa: E402

TEXT = Pipeline(["tokenize", "sentences", "dateline"])
RECORDS = [{"id": f"r{i}", "text": f"خبر رقم {i} عن اجتماع الحكومة في القاهرة.", "published": f"2021-01-0{1 + i % 9}"}
           for i in range(20)]

_load()


@pytest.fixture(scope="module")
def server() -> Iterator[TempPostgres]:
    pg = TempPostgres()
    if not pg.available or pg.external:
        pytest.skip("needs a private PostgreSQL server (initdb/pg_ctl): run .ci/postgres.sh or set PG_BINDIR")
    with pg:
        yield pg


def restarting(server: TempPostgres, at: int) -> Pipeline:
    """The text stages, restarting the server when the ``at``-th document is analysed."""
    seen = [0]

    def maybe_restart(_doc: Document) -> None:
        seen[0] += 1
        if seen[0] == at:
            server.restart()

    return Pipeline([*TEXT.stages, Stage("restart", maybe_restart, requires=("tokens",))])


def _rows(dsn: str) -> tuple[int, int, list[str]]:
    with psycopg.connect(dsn) as con:
        n, hashes = con.execute("SELECT count(*), count(DISTINCT hash) FROM documents").fetchone()
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id")]
    return n, hashes, ids


def test_restart_mid_ingest_then_rerun(server: TempPostgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    dsn = server.new_database()
    # Library: the failure is an exception; no half-written document stays.
    with open_store(dsn) as store, pytest.raises(psycopg.OperationalError):
        ingest([str(corpus)], store, pipeline=restarting(server, 7), batch=4)
    n, hashes, _ = _rows(dsn)
    # (the test server runs with synchronous_commit=off, so a crash may also lose the last committed batches)
    assert n == hashes and n < len(RECORDS)
    # CLI: one line on stderr and a non-zero exit, no traceback.
    import khabar.pipeline as pl

    pipe = restarting(server, 3)
    monkeypatch.setattr(pl, "default_pipeline", lambda: pipe)
    res = CliRunner().invoke(app, ["ingest", str(corpus), "--db", dsn, "-j", "1"])
    errors = [ln for ln in res.output.splitlines() if ln.startswith("khabar: error:")]
    assert res.exit_code == 1 and len(errors) == 1 and "Traceback" not in res.output, res.output
    assert "run the same command again" in errors[0]
    monkeypatch.undo()
    # The rerun completes: every record once.
    with open_store(dsn) as store:
        rep = ingest([str(corpus)], store, pipeline=TEXT)
    assert not rep.errors
    n, hashes, ids = _rows(dsn)
    assert n == hashes == len(RECORDS) and ids == sorted(r["id"] for r in RECORDS)
    assert rep.added == len(RECORDS) - (n - rep.added) and rep.added + rep.skipped == len(RECORDS)
