"""The HTTP API over the PostgreSQL store (a real server from tests/pg_server.py): same answers, read-only."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
psycopg = pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'khabar[postgres]'")

with warnings.catch_warnings():  # Starlette's note that it prefers httpx2; httpx is what CI installs
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402
from pg_server import TempPostgres  # noqa: E402  (tests/ is on sys.path under pytest)

from khabar.api import create_app  # noqa: E402
from khabar.ingest.run import ingest  # noqa: E402
from khabar.pipeline import Pipeline  # noqa: E402
from khabar.store import open_store  # noqa: E402

TEXT = Pipeline(["tokenize", "sentences", "dateline"])
RECORDS = [
    {"id": "a", "text": "اتصل الرئيس الأمريكي وبوتين هاتفيا.", "published": "2022-01-03", "source": "wire"},
    {"id": "b", "text": "وجه الرئيس رسالة لبوتين أمس.", "published": "2022-02-10", "source": "wire"},
    {"id": "c", "text": "وزير الخارجية في الرياض.", "published": "2020-05-01", "source": "other"},
]


@pytest.fixture(scope="module")
def dsn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = TempPostgres()
    if not server.available:
        pytest.skip("no PostgreSQL binaries (initdb/pg_ctl) found; run .ci/postgres.sh or set PG_BINDIR")
    corpus: Path = tmp_path_factory.mktemp("apipg") / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    with server:
        target = server.new_database()
        with open_store(target) as store:
            assert ingest([str(corpus)], store, pipeline=TEXT).added == len(RECORDS)
        yield target


def test_api_over_postgres(dsn: str) -> None:
    with TestClient(create_app(dsn), raise_server_exceptions=False) as c:
        r = c.get("/api/search", params={"q": "بوتين"})
        assert r.status_code == 200, r.text
        hits = r.json()["hits"]
        assert {h["id"] for h in hits} == {"a", "b"}
        assert any(p["mark"] for h in hits for p in h["snippet_parts"])
        assert c.get("/api/documents/c").json()["text"] == RECORDS[2]["text"]
        assert c.get("/api/documents/zzz").status_code == 404
        assert c.get("/api/stats").json()["documents"] == len(RECORDS)
        assert c.get("/api/search", params={"from": "2022-13-01"}).status_code == 422
        store = c.app.state.stores.get()  # type: ignore[attr-defined]
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.conn.execute("DELETE FROM documents")
        assert c.get("/api/stats").json()["documents"] == len(RECORDS)  # the connection is still usable


def test_unreachable_postgres_is_503() -> None:
    with TestClient(create_app("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"),
                    raise_server_exceptions=False) as c:
        r = c.get("/api/search", params={"q": "x"})
        assert r.status_code == 503 and "cannot open store" in r.json()["detail"]
