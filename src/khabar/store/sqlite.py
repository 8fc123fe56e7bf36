"""The embedded store: one SQLite file (WAL), FTS5 over normalised text, one table per layer.

Documents are idempotent by content hash (SHA-256 of the text): adding the same article twice is a
no-op, so an interrupted ingest can simply be run again. Every layer of the khabar/1 document is kept
in its own table (entities, mentions, quotes, events with their actors, times) so that later queries
can filter by them, and the full document JSON is kept for lossless read-back.
"""

from __future__ import annotations

import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.store.base import (
    Hit,
    StoreBase,
    content_hash,
    document_fields,
    layer_rows,
    search_segs,
    snippet,
    word_count,
)
from khabar.store.keys import fingerprint, fts_query, index_text, match_form, valid_text
from khabar.store.views import expand_words

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Hit", "SQLiteStore", "content_hash", "pack_json", "snippet",
           "unpack_json", "word_count"]

SCHEMA_VERSION = 6

STORIES_SQL = """
    CREATE TABLE IF NOT EXISTS stories (
        id INTEGER PRIMARY KEY,
        title TEXT,               -- the first article's title
        first TEXT, last TEXT,    -- publication days
        documents INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        entities TEXT             -- JSON list of the story's most shared entity keys
    );
    CREATE INDEX IF NOT EXISTS stories_first ON stories(first);
    CREATE TABLE IF NOT EXISTS story_docs (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        story INTEGER NOT NULL,
        score REAL                -- similarity to the story when the article joined it
    );
    CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story);
"""

# Migrations: MIGRATIONS[v] brings a store from version v-1 to v. Never edit a released step; append.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE,
        title TEXT,
        source TEXT,
        category TEXT,
        url TEXT,
        published TEXT,          -- ISO date (YYYY-MM-DD...) as given
        pub_date TEXT,           -- first 10 chars of published, for range filters
        chars INTEGER NOT NULL,
        words INTEGER NOT NULL,
        topic TEXT,
        added TEXT NOT NULL,
        json TEXT NOT NULL       -- the khabar/1 document (zlib-compressed blob since v2; see pack_json)
    );
    CREATE INDEX IF NOT EXISTS documents_pub ON documents(pub_date);
    CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
    CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE IF NOT EXISTS entities (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        ent_id TEXT NOT NULL,
        type TEXT,
        canonical TEXT,
        canonical_ar TEXT,
        wikidata TEXT,
        country TEXT,
        sector TEXT,
        name_key TEXT,           -- match_form of the canonical or first mention, for lookups
        n_mentions INTEGER NOT NULL,
        PRIMARY KEY (doc, ent_id)
    );
    CREATE INDEX IF NOT EXISTS entities_wd ON entities(wikidata);
    CREATE INDEX IF NOT EXISTS entities_key ON entities(name_key);
    CREATE TABLE IF NOT EXISTS mentions (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        ent_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT,
        key TEXT,
        coref INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key);
    CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, ent_id);
    CREATE TABLE IF NOT EXISTS quotes (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        type TEXT,
        speaker TEXT,
        addressee TEXT,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
        PRIMARY KEY (doc, n)
    );
    CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(doc, speaker);
    CREATE TABLE IF NOT EXISTS events (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        event TEXT NOT NULL,
        mode TEXT, context TEXT,  -- JSON lists
        date TEXT, location TEXT, factuality TEXT, cameo TEXT,
        evidence TEXT,            -- JSON list of spans
        PRIMARY KEY (doc, n)
    );
    CREATE INDEX IF NOT EXISTS events_type ON events(event);
    CREATE TABLE IF NOT EXISTS event_args (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        role TEXT NOT NULL,       -- actor | recipient
        ent_id TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS event_args_doc ON event_args(doc, n);
    CREATE TABLE IF NOT EXISTS times (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
        type TEXT, value TEXT
    );
    CREATE INDEX IF NOT EXISTS times_doc ON times(doc);
    """,
    # v2: the original text in its own column, so search snippets need not parse the document JSON.
    2: """
    ALTER TABLE documents ADD COLUMN text TEXT;
    UPDATE documents SET text = json_extract(json, '$.text');
    """,
    # v3: indexes for entity / speaker / actor filters (each lookup of a name must be an index probe).
    3: """
    CREATE INDEX IF NOT EXISTS entities_canon ON entities(lower(canonical));
    CREATE INDEX IF NOT EXISTS entities_country ON entities(country);
    CREATE INDEX IF NOT EXISTS event_args_ent ON event_args(doc, ent_id, role);
    CREATE INDEX IF NOT EXISTS quotes_doc_speaker ON quotes(doc, speaker);
    """,
    # v4: texts replaced by a newer version of the same article id are remembered, so that ingesting
    # the same corpus again stays a no-op even when it holds two versions of one article.
    4: """
    CREATE TABLE IF NOT EXISTS superseded (hash TEXT PRIMARY KEY, id TEXT NOT NULL);
    """,
    # v5: story clusters (``khabar stories``): articles about one story across outlets, and each article's story.
    5: STORIES_SQL,
    # v6: covering indexes for entity pages and facets: an entity's rows, and the entity keys of a set of
    # documents, are read from the index alone.
    6: """
    CREATE INDEX IF NOT EXISTS entities_wd_cover ON entities(wikidata, doc, ent_id, n_mentions);
    CREATE INDEX IF NOT EXISTS entities_key_cover ON entities(name_key, doc, ent_id, n_mentions);
    CREATE INDEX IF NOT EXISTS entities_doc_cover ON entities(doc, wikidata, name_key, type, sector);
    """,
}

_SURROGATE = re.compile("[\ud800-\udfff]")

# (doc, ent_id) of the entities a user's name stands for: QID, normalised name, canonical, or any mention.
# A UNION of separate index probes (an OR across columns would scan the table).
_ENTITY_PAIRS = (
    "SELECT doc, ent_id FROM entities WHERE wikidata=?1"
    " UNION SELECT doc, ent_id FROM entities WHERE name_key=?2"
    " UNION SELECT doc, ent_id FROM entities WHERE lower(canonical)=lower(?1)"
    " UNION SELECT doc, ent_id FROM mentions WHERE key=?2"
)
# Actors may also be given as a country code (RUS) — the PLOVER/CAMEO way of naming state actors.
_ACTOR_PAIRS = _ENTITY_PAIRS + " UNION SELECT doc, ent_id FROM entities WHERE country=upper(?1)"


def pack_json(doc: Document) -> bytes:
    """The document JSON, zlib-compressed: the token layer makes it ~40x the text, and it compresses ~7x."""
    return zlib.compress(doc.to_json().encode("utf-8"), 6)


def unpack_json(raw: bytes | str) -> str:
    """Read back a stored document JSON (compressed blob, or plain text as older stores kept it)."""
    return zlib.decompress(raw).decode("utf-8") if isinstance(raw, bytes) else raw


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL store needs its -shm file writable; when the file or its directory is
    read-only for us (no writer can change it either), it is opened as immutable instead."""
    if not path.exists():
        raise FileNotFoundError(f"no store at {path}")
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30.0, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
            raise
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=30.0, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _pairs(name: str, *, actor: bool = False) -> tuple[str, list[str]]:
    """SQL selecting the (doc, ent_id) pairs a name stands for, with its positional arguments."""
    sql = _ACTOR_PAIRS if actor else _ENTITY_PAIRS
    name = valid_text(name)
    args = [name if tok == "?1" else match_form(name) for tok in re.findall(r"\?[12]", sql)]
    return sql.replace("?1", "?").replace("?2", "?"), args


class SQLiteStore(StoreBase):
    """``SQLiteStore(path)``: open (creating or migrating) a store; use as a context manager or ``close()``."""

    backend = "sqlite"
    _pairs = staticmethod(_pairs)
    _TOP_SPEAKERS = (
        "SELECT coalesce(e.canonical, e.canonical_ar, e.name_key), e.wikidata, count(*) AS n"
        " FROM quotes q JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker WHERE {not_top}"
        " GROUP BY coalesce(e.wikidata, e.name_key) ORDER BY n DESC, 1 LIMIT ?")

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        """``read_only``: open the file with ``mode=ro`` (a read-only file or directory is fine) and refuse
        writes (``query_only``); nothing is created or migrated."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:":
            file = Path(self.path).expanduser()
            self.conn = _connect_ro(file)
            if self.schema_version < SCHEMA_VERSION and os.access(file, os.W_OK) and os.access(file.parent, os.W_OK):
                self.conn.close()  # an older store we may write: migrate it once, as a writable open would
                SQLiteStore(self.path).close()
                self.conn = _connect_ro(file)
            self._check_version()
            return
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        if read_only:
            self.conn.execute("PRAGMA query_only=ON")

    def check(self) -> str | None:
        """None when SQLite's ``quick_check`` finds the file sound, else its first finding (damaged pages)."""
        rows = self.conn.execute("PRAGMA quick_check(1)").fetchall()
        first = str(rows[0][0]) if rows else "ok"
        return None if first == "ok" else "database disk image is malformed: " + " ".join(first.split())[:200]

    def _check_version(self) -> None:
        current = self.schema_version
        if current != SCHEMA_VERSION:
            how = ("upgrade khabar" if current > SCHEMA_VERSION else
                   "open it once with write access (e.g. `khabar reindex`) to migrate it")
            raise RuntimeError(f"store {self.path} has schema version {current}, this khabar reads "
                               f"{SCHEMA_VERSION}; {how}")

    # -- lifecycle -------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"store {self.path} has schema version {current}, newer than this khabar ({SCHEMA_VERSION}); upgrade khabar"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            # One script = one transaction: a migration is applied whole or not at all.
            try:
                self.conn.executescript(
                    "BEGIN IMMEDIATE;" + MIGRATIONS[version]
                    + f"INSERT INTO meta(key, value) VALUES('schema_version', '{version}')"
                    " ON CONFLICT(key) DO UPDATE SET value=excluded.value; COMMIT;"
                )
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        # Which search-key function built the index: an empty store takes this version's.
        if not len(self):
            self._set_meta("keys", fingerprint())
        elif self.conn.execute("SELECT value FROM meta WHERE key='keys'").fetchone() is None:
            self._set_meta("keys", "unknown")

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                          (key, value))

    @property
    def index_is_current(self) -> bool:
        """False when the search index was built by a different normaliser/stemmer than this one."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='keys'").fetchone()
        return bool(row) and row[0] == fingerprint()

    def reindex(self, batch: int = 500, on_progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the full-text index from the stored documents with this version's search keys."""
        n = 0
        rowids = [r[0] for r in self.conn.execute("SELECT rowid FROM documents ORDER BY rowid")]
        for i in range(0, len(rowids), batch):
            with self.transaction():
                for rowid in rowids[i:i + batch]:
                    title, raw = self.conn.execute("SELECT title, json FROM documents WHERE rowid=?", (rowid,)).fetchone()
                    doc = Document.from_json(unpack_json(raw))
                    self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
                    self.conn.execute(
                        "INSERT INTO documents_fts(rowid, title, body) VALUES(?,?,?)",
                        (rowid, index_text(str(title or "")), index_text(doc.text, search_segs(doc))),
                    )
                    n += 1
            if on_progress:
                on_progress(n)
        self._set_meta("keys", fingerprint())
        return n

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            # SQLite may have rolled back already (a full disk does): then the original error is the news.
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def ingest_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """An advisory lock on ``<store>.ingest-lock`` (flock: released by the OS even after kill -9)."""
        try:
            import fcntl
        except ImportError:  # not POSIX: concurrent ingests stay correct (hash checks), only slower
            yield
            return
        if self.path == ":memory:" or self.path.startswith("file:"):
            yield
            return
        try:
            fh = open(Path(self.path).expanduser().with_name(Path(self.path).name + ".ingest-lock"), "a")  # noqa: SIM115
        except OSError:  # a read-only directory: the ingest itself will report why it cannot write
            yield
            return
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait(f"another ingest is writing to {self.path}; waiting for it to finish")
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- writing ---------------------------------------------------------------------------------------
    def _add(self, doc: Document) -> bool:
        bad = _SURROGATE.search(doc.text)
        if bad:  # SQLite stores UTF-8, which cannot hold one (the readers refuse such records earlier)
            raise ValueError(f"document {doc.id!r}: its text holds a lone UTF-16 surrogate at character "
                             f"{bad.start()}, which is not Unicode text and cannot be stored")
        digest = content_hash(doc.text)
        if self.has_hash(digest):
            return False
        old = self.conn.execute("SELECT rowid, hash FROM documents WHERE id=?", (doc.id,)).fetchone()
        if old:  # same id, new text: the article was updated, replace it (and remember the old text)
            self.conn.execute("INSERT OR IGNORE INTO superseded(hash, id) VALUES(?, ?)", (old[1], doc.id))
            self._delete_rowid(old[0])
        fields = document_fields(doc)
        cur = self.conn.execute(
            "INSERT INTO documents(id, title, source, category, url, published, pub_date, chars, words, topic, added,"
            " hash, json, text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*fields, digest, pack_json(doc), doc.text),
        )
        rowid = cur.lastrowid
        self.conn.execute(
            "INSERT INTO documents_fts(rowid, title, body) VALUES(?,?,?)",
            (rowid, index_text(fields[1] or ""), index_text(doc.text, search_segs(doc))),
        )
        self._add_layers(rowid, doc)
        return True

    def _add_layers(self, rowid: int | None, doc: Document) -> None:
        ex = self.conn.executemany
        rows = layer_rows(rowid, doc)
        ex("INSERT OR IGNORE INTO entities VALUES(?,?,?,?,?,?,?,?,?,?)", rows.entities)
        ex('INSERT INTO mentions(doc, ent_id, start, "end", text, key, coref) VALUES(?,?,?,?,?,?,?)', rows.mentions)
        ex('INSERT INTO quotes(doc, n, type, speaker, addressee, cue_start, cue_end, cue_text, start, "end", text)'
           " VALUES(?,?,?,?,?,?,?,?,?,?,?)", rows.quotes)
        ex("INSERT INTO events(doc, n, event, mode, context, date, location, factuality, cameo, evidence)"
           " VALUES(?,?,?,?,?,?,?,?,?,?)", rows.events)
        # The order of an event's arguments is their rowid order here.
        ex("INSERT INTO event_args(doc, n, role, ent_id) VALUES(?,?,?,?)",
           [(d, n, role, ent_id) for d, n, _i, role, ent_id in rows.event_args])
        ex('INSERT INTO times(doc, start, "end", text, type, value) VALUES(?,?,?,?,?,?)', rows.times)

    def _delete_rowid(self, rowid: int) -> None:
        for table in ("mentions", "entities", "quotes", "event_args", "events", "times", "story_docs"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc=?", (rowid,))
        self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
        self.conn.execute("DELETE FROM documents WHERE rowid=?", (rowid,))

    # -- reading ---------------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id=?", (doc_id,)).fetchone()
        return Document.from_json(unpack_json(row[0])) if row else None

    def iter_documents(self) -> Iterator[Document]:
        for (raw,) in self.conn.execute("SELECT json FROM documents ORDER BY rowid"):
            yield Document.from_json(unpack_json(raw))

    def _match(self, query: str) -> str | None:
        if fts_query(query) is None:
            return None
        groups = expand_words(query)
        quote = lambda w: '"' + w.replace('"', '""') + '"'  # noqa: E731
        return " AND ".join(quote(g[0]) if len(g) == 1 else "(" + " OR ".join(map(quote, g)) + ")" for g in groups)

    def _match_rowids(self, match: str) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (match,))]

    def _match_cond(self, match: str) -> tuple[str, list[Any]]:
        return "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [match]

    def _ranked_rows(self, match: str, where: list[str], args: list[Any], limit: int,
                     offset: int = 0) -> list[tuple[Any, ...]]:
        if not where:
            # Words only: rank inside the index, then read just the page's documents (not every match's row).
            ranked = self.conn.execute(
                "SELECT rowid, -bm25(documents_fts, 2.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?"
                " ORDER BY bm25(documents_fts, 2.0, 1.0), rowid LIMIT ? OFFSET ?", (match, limit, offset)).fetchall()
            if not ranked:
                return []
            rows = {r[0]: r[1:] for r in self.conn.execute(
                "SELECT rowid, id, title, source, published, text FROM documents"
                f" WHERE rowid IN ({', '.join('?' * len(ranked))})", [r[0] for r in ranked])}
            return [(*rows[r][:4], score, rows[r][4]) for r, score in ranked if r in rows]
        # The match as a filter too: the other conditions then only look at matching documents.
        cond = " AND ".join(["d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", *where])
        sql = (
            "SELECT d.id, d.title, d.source, d.published, -bm25(documents_fts, 2.0, 1.0) AS score, d.text"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            f" WHERE documents_fts MATCH ? AND {cond} ORDER BY bm25(documents_fts, 2.0, 1.0), d.rowid LIMIT ? OFFSET ?"
        )
        return self.conn.execute(sql, [match, match, *args, limit, offset]).fetchall()

    def _stats_extra(self) -> dict[str, Any]:
        return {"index_current": self.index_is_current}
