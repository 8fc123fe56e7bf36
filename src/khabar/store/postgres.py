"""The shared store: PostgreSQL, for multi-user deployments. Same interface and results as SQLiteStore.

``open_store("postgresql://user@host/db")`` opens it (psycopg 3: ``pip install khabar[postgres]``).
Arabic search works exactly as in the SQLite FTS5 index: each document keeps the same search keys
(``khabar.store.keys``: normalised words plus their clitic-stripped stems) in a column, a tsvector over
them with the 'simple' configuration (no stemming, no stop words) is indexed with GIN, and queries are
normalised the same way, so بوتين finds وبوتين and لبوتين. Documents are idempotent by content hash.
``PostgresStore.import_sqlite(path)`` copies an embedded store over without analysing anything again.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.store.base import StoreBase, content_hash, document_fields, layer_rows, search_segs
from khabar.store.keys import index_text, match_form, query_words
from khabar.store.sqlite import unpack_json
from khabar.store.views import expand_words

SCHEMA_VERSION = 2
# Any constant: serialises concurrent migrations of the same database.
_MIGRATION_LOCK = 0x6B686162
_INGEST_LOCK = 0x6B686163  # one ingest at a time per database (see ingest_lock)

# Migrations: MIGRATIONS[v] brings a store from version v-1 to v. Never edit a released step; append.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS documents (
        rowid BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE,
        title TEXT,
        source TEXT,
        category TEXT,
        url TEXT,
        published TEXT,
        pub_date TEXT,
        chars INTEGER NOT NULL,
        words INTEGER NOT NULL,
        topic TEXT,
        added TEXT NOT NULL,
        json TEXT NOT NULL,
        text TEXT,
        title_keys TEXT NOT NULL DEFAULT '',
        body_keys TEXT NOT NULL DEFAULT '',
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title_keys), 'A')
            || setweight(to_tsvector('simple'::regconfig, body_keys), 'B')
        ) STORED
    );
    -- Keep the tsvector in the row (out of line only when the row cannot fit a page): ranking reads it for
    -- every match, and a TOAST fetch per document dominates the latency of common words.
    ALTER TABLE documents ALTER COLUMN tsv SET STORAGE MAIN;
    CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING gin(tsv);
    CREATE INDEX IF NOT EXISTS documents_pub ON documents(pub_date);
    CREATE INDEX IF NOT EXISTS documents_source ON documents(lower(source));
    CREATE TABLE IF NOT EXISTS entities (
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        ent_id TEXT NOT NULL,
        type TEXT,
        canonical TEXT,
        canonical_ar TEXT,
        wikidata TEXT,
        country TEXT,
        sector TEXT,
        name_key TEXT,
        n_mentions INTEGER NOT NULL,
        PRIMARY KEY (doc, ent_id)
    );
    -- Name lookups cover (doc, ent_id): a common entity (a country, a currency) is an index-only scan.
    CREATE INDEX IF NOT EXISTS entities_wd ON entities(wikidata, doc, ent_id);
    CREATE INDEX IF NOT EXISTS entities_key ON entities(name_key, doc, ent_id);
    CREATE INDEX IF NOT EXISTS entities_canon ON entities(lower(canonical), doc, ent_id);
    CREATE INDEX IF NOT EXISTS entities_country ON entities(country);
    CREATE TABLE IF NOT EXISTS mentions (
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        ent_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT,
        key TEXT,
        coref INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key, doc, ent_id);
    CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, ent_id);
    CREATE TABLE IF NOT EXISTS quotes (
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
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
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        event TEXT NOT NULL,
        mode TEXT, context TEXT,
        date TEXT, location TEXT, factuality TEXT, cameo TEXT,
        evidence TEXT,
        PRIMARY KEY (doc, n)
    );
    CREATE INDEX IF NOT EXISTS events_type ON events(event);
    CREATE TABLE IF NOT EXISTS event_args (
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        i INTEGER NOT NULL,       -- order within the event (actors first), as SQLite's rowid order
        role TEXT NOT NULL,
        ent_id TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS event_args_doc ON event_args(doc, n);
    CREATE INDEX IF NOT EXISTS event_args_ent ON event_args(doc, ent_id, role);
    -- Texts replaced by a newer version of the same article id: ingesting the corpus again stays a no-op.
    CREATE TABLE IF NOT EXISTS superseded (hash TEXT PRIMARY KEY, id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS times (
        doc BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
        type TEXT, value TEXT
    );
    CREATE INDEX IF NOT EXISTS times_doc ON times(doc);
    """,
    # v2: story clusters (``khabar stories``), as in SQLite's v5.
    2: """
    CREATE TABLE IF NOT EXISTS stories (
        id BIGINT PRIMARY KEY,
        title TEXT,
        first TEXT, last TEXT,
        documents INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        entities TEXT
    );
    CREATE INDEX IF NOT EXISTS stories_first ON stories(first);
    CREATE TABLE IF NOT EXISTS story_docs (
        doc BIGINT PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        story BIGINT NOT NULL,
        score REAL
    );
    CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story);
    """,
}

_SURROGATE = re.compile("[\ud800-\udfff\x00]")


def _clean(s: str | None) -> str | None:
    """PostgreSQL text holds neither NUL nor lone surrogates: replace them by U+FFFD (same length, so
    character offsets into the stored text stay right; the lossless copy is the escaped JSON)."""
    if s is None or not _SURROGATE.search(s):
        return s
    return _SURROGATE.sub("\ufffd", s)


_TSV_LIMIT = 1_000_000  # a tsvector holds < 1 MiB of lexemes plus their positions


def _fit_keys(keys: str) -> str:
    """Search keys that fit a tsvector: a very long document keeps each key once (term frequencies are
    lost, matching is not), and only beyond that is the key list cut."""
    if len(keys) < 100_000:  # cannot reach the limit: ≤ 4 bytes a character, ≤ 2 a position
        return keys
    counts = Counter(keys.split())
    # PostgreSQL's own measure: lexeme bytes, then (aligned) a count and 2 bytes per position (≤ 256 kept).
    size = sum(len(w.encode("utf-8")) + 3 + 2 * min(n, 256) for w, n in counts.items())
    if size < _TSV_LIMIT:
        return keys
    out, size = [], 0
    for w in counts:  # first occurrence order
        size += len(w.encode("utf-8")) + 5
        if size >= _TSV_LIMIT:
            break
        out.append(w)
    return " ".join(out)


def _clean_arg(value: Any) -> Any:
    return _clean(value) if isinstance(value, str) else value


def _clean_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(_clean_arg(v) for v in row)


def _doc_json(doc: Document) -> str:
    raw = doc.to_json()
    if _SURROGATE.search(raw):  # json escapes NUL itself; lone surrogates need ASCII escapes to survive
        raw = json.dumps(doc.to_dict(), ensure_ascii=True)
    return raw


def _tsquery(query: str) -> str | None:
    """The query's search words (normalised as the index keys), or None when it has none. They go through
    plainto_tsquery('simple', …): the same parser as the indexed keys, every word required, no syntax."""
    ws = query_words(query)
    return " ".join(ws) if ws else None


def _pairs(name: str, *, actor: bool = False, cols: str = "doc, ent_id") -> tuple[str, list[Any]]:
    """SQL selecting the (doc, ent_id) pairs a name stands for (QID, normalised name, canonical name or any
    mention; for actors also a country code), as SQLiteStore does: a UNION of separate index probes.
    ``cols="doc"`` selects the documents only (a plain union the planner estimates well)."""
    key = _clean(match_form(name))
    name = _clean(name) or ""
    sql = (f"SELECT {cols} FROM entities WHERE wikidata=%s"
           f" UNION SELECT {cols} FROM entities WHERE name_key=%s"
           f" UNION SELECT {cols} FROM entities WHERE lower(canonical)=lower(%s)"
           f" UNION SELECT {cols} FROM mentions WHERE key=%s")
    args: list[Any] = [name, key, name, key]
    if actor:
        sql += f" UNION SELECT {cols} FROM entities WHERE country=upper(%s)"
        args.append(name)
    return sql, args


def _redact(dsn: str) -> str:
    """The DSN without its password, for stats and error messages."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", re.sub(r"(password\s*=\s*)\S+", r"\1***", dsn))


class PostgresStore(StoreBase):
    """``PostgresStore(dsn)``: open (creating or migrating) a store in a PostgreSQL database."""

    backend = "postgresql"
    _PH = "%s"
    _TRUE = "TRUE"
    _NULLS_LAST = " NULLS LAST"
    _ARG_ORDER = "a.i"
    _COUNT_ORDER = "2 DESC, 1"
    # PostgreSQL wants every selected column grouped or aggregated: the most common name stands for
    # the group (SQLite picks any of them).
    _TOP_SPEAKERS = (
        "SELECT mode() WITHIN GROUP (ORDER BY coalesce(e.canonical, e.canonical_ar, e.name_key)),"
        " max(e.wikidata), count(*) AS n"
        " FROM quotes q JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker WHERE {not_top}"
        " GROUP BY coalesce(e.wikidata, e.name_key) ORDER BY n DESC, 1 LIMIT %s")
    _pairs = staticmethod(_pairs)
    _clean_arg = staticmethod(_clean_arg)

    def __init__(self, dsn: str) -> None:
        try:
            import psycopg
        except ImportError as err:  # optional dependency
            raise RuntimeError("the PostgreSQL store needs psycopg: pip install 'khabar[postgres]'") from err
        self.dsn = dsn
        self.path = _redact(dsn)
        self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=30)
        self._migrate()

    # -- lifecycle -------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            current = self.schema_version
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"store {self.path} has schema version {current}, newer than this khabar ({SCHEMA_VERSION});"
                    " upgrade khabar"
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                # One transaction for all steps (PostgreSQL DDL is transactional): all or nothing.
                self.conn.execute(MIGRATIONS[version])
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', %s)"
                    " ON CONFLICT(key) DO UPDATE SET value=excluded.value", (str(version),))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    @contextmanager
    def ingest_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """A session advisory lock (released by the server when the connection ends)."""
        if not self.conn.execute("SELECT pg_try_advisory_lock(%s)", (_INGEST_LOCK,)).fetchone()[0]:
            if on_wait:
                on_wait(f"another ingest is writing to {self.path}; waiting for it to finish")
            self.conn.execute("SELECT pg_advisory_lock(%s)", (_INGEST_LOCK,))
        try:
            yield
        finally:
            try:
                self.conn.execute("SELECT pg_advisory_unlock(%s)", (_INGEST_LOCK,))
            except Exception:  # noqa: S110 - a lost connection has released the lock already
                pass

    # -- writing ---------------------------------------------------------------------------------------
    def _add(self, doc: Document) -> bool:
        digest = content_hash(doc.text)
        if self.has_hash(digest):
            return False
        old = self.conn.execute("SELECT rowid, hash, id FROM documents WHERE id=%s", (_clean(doc.id),)).fetchone()
        if old:  # same id, new text: the article was updated, replace it (and remember the old text)
            self.conn.execute("INSERT INTO superseded(hash, id) VALUES(%s, %s) ON CONFLICT DO NOTHING", (old[1], old[2]))
            self._delete_rowid(old[0])
        fields = document_fields(doc)
        row = self.conn.execute(
            "INSERT INTO documents(id, title, source, category, url, published, pub_date, chars, words, topic, added,"
            " hash, json, text, title_keys, body_keys) VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT DO NOTHING RETURNING rowid",
            (*_clean_row(fields), digest, _doc_json(doc), _clean(doc.text),
             _fit_keys(_clean(index_text(fields[1] or "")) or ""),
             _fit_keys(_clean(index_text(doc.text, search_segs(doc))) or "")),
        ).fetchone()
        if row is None:  # another writer stored the same text (or id) meanwhile
            return False
        self._add_layers(row[0], doc)
        return True

    def add_many(self, docs: Iterable[Document]) -> int:
        """Store documents in one transaction by bulk COPY; returns how many were new.

        Several writers (Dask workers) may COPY at once: when two race on the same text or id, the batch is
        rolled back and stored document by document instead, which resolves such conflicts one at a time."""
        import psycopg

        batch = list(docs)
        if not batch:
            return 0
        try:
            with self.transaction():
                return self._copy_documents(batch)
        except psycopg.errors.UniqueViolation:
            return super().add_many(batch)

    def _copy_documents(self, docs: list[Document]) -> int:
        hashes = [content_hash(d.text) for d in docs]
        have = {r[0] for r in self.conn.execute(
            "SELECT hash FROM documents WHERE hash = ANY(%s) UNION SELECT hash FROM superseded WHERE hash = ANY(%s)",
            (hashes, hashes))}
        new: list[tuple[Document, str]] = []
        for doc, digest in zip(docs, hashes, strict=True):
            if digest not in have:
                have.add(digest)
                new.append((doc, digest))
        if not new:
            return 0
        # Same id with another text: the article was updated; the older text is remembered as superseded.
        ids = [_clean(d.id) for d, _ in new]
        if len(set(ids)) < len(ids):  # one id twice in a batch: keep add()'s one-by-one replacement order
            return sum(self._add(d) for d, _ in new)
        self.conn.execute("INSERT INTO superseded(hash, id) SELECT hash, id FROM documents WHERE id = ANY(%s)"
                          " ON CONFLICT DO NOTHING", (ids,))
        self.conn.execute("DELETE FROM documents WHERE id = ANY(%s)", (ids,))
        rowids = [r[0] for r in self.conn.execute(
            "SELECT nextval(pg_get_serial_sequence('documents', 'rowid')) FROM generate_series(1, %s)", (len(new),))]
        cur = self.conn.cursor()
        with cur.copy("COPY documents (rowid, id, title, source, category, url, published, pub_date, chars, words,"
                      " topic, added, hash, json, text, title_keys, body_keys) FROM STDIN") as cp:
            for (doc, digest), rowid in zip(new, rowids, strict=True):
                fields = document_fields(doc)
                cp.write_row((rowid, *_clean_row(fields), digest, _doc_json(doc), _clean(doc.text),
                              _fit_keys(_clean(index_text(fields[1] or "")) or ""),
                              _fit_keys(_clean(index_text(doc.text, search_segs(doc))) or "")))
        tables = (
            ("entities", "doc, ent_id, type, canonical, canonical_ar, wikidata, country, sector, name_key, n_mentions"),
            ("mentions", 'doc, ent_id, start, "end", text, key, coref'),
            ("quotes", 'doc, n, type, speaker, addressee, cue_start, cue_end, cue_text, start, "end", text'),
            ("events", "doc, n, event, mode, context, date, location, factuality, cameo, evidence"),
            ("event_args", "doc, n, i, role, ent_id"),
            ("times", 'doc, start, "end", text, type, value'),
        )
        per_table: list[list[tuple[Any, ...]]] = [[] for _ in tables]
        for (doc, _), rowid in zip(new, rowids, strict=True):
            for bucket, rows in zip(per_table, layer_rows(rowid, doc, ensure_ascii=True), strict=True):
                bucket.extend(_clean_row(r) for r in rows)
        seen_ents: set[tuple[Any, Any]] = set()  # an entity id twice in a document: the first wins, as in _add
        unique_ents: list[tuple[Any, ...]] = []
        for r in per_table[0]:
            if (r[0], r[1]) not in seen_ents:
                seen_ents.add((r[0], r[1]))
                unique_ents.append(r)
        per_table[0] = unique_ents
        for (table, cols), rows in zip(tables, per_table, strict=True):
            if rows:
                with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
                    for row in rows:
                        cp.write_row(row)
        return len(new)

    def _add_layers(self, rowid: int, doc: Document) -> None:
        ex = self.conn.cursor().executemany
        # ASCII JSON: lone surrogates survive as escapes; every other string loses NULs and surrogates.
        rows = layer_rows(rowid, doc, ensure_ascii=True)
        ents, ments, quotes, events, args, times = ([_clean_row(r) for r in rs] for rs in rows)
        if ents:
            ex("INSERT INTO entities VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING", ents)
        if ments:
            ex('INSERT INTO mentions(doc, ent_id, start, "end", text, key, coref) VALUES(%s,%s,%s,%s,%s,%s,%s)', ments)
        if quotes:
            ex('INSERT INTO quotes(doc, n, type, speaker, addressee, cue_start, cue_end, cue_text, start, "end", text)'
               " VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)", quotes)
        if events:
            ex("INSERT INTO events(doc, n, event, mode, context, date, location, factuality, cameo, evidence)"
               " VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)", events)
        if args:
            ex("INSERT INTO event_args(doc, n, i, role, ent_id) VALUES(%s,%s,%s,%s,%s)", args)
        if times:
            ex('INSERT INTO times(doc, start, "end", text, type, value) VALUES(%s,%s,%s,%s,%s,%s)', times)

    def import_sqlite(self, path: str | Path, *, batch: int = 500,
                      on_progress: Callable[[int, int], None] | None = None) -> int:
        """Copy every document of a SQLite store (layers and search keys as stored there, no re-analysis)
        into this one; documents already here (same text) are skipped, so it can be re-run or resumed.
        Returns how many were added. Each batch is one transaction."""
        from khabar.store.sqlite import SQLiteStore

        added = seen = 0
        with SQLiteStore(path) as src:  # opening migrates an older SQLite store first
            total = len(src)
            if src.conn.execute("SELECT 1 FROM sqlite_master WHERE name='superseded'").fetchone():
                with self.transaction():
                    rows = src.conn.execute("SELECT hash, id FROM superseded").fetchall()
                    self.conn.cursor().executemany(
                        "INSERT INTO superseded(hash, id) VALUES(%s, %s) ON CONFLICT DO NOTHING",
                        [(h, _clean(i)) for h, i in rows])
            last = 0
            while True:
                docs = src.conn.execute(
                    "SELECT d.rowid, d.id, d.hash, d.title, d.source, d.category, d.url, d.published, d.pub_date,"
                    " d.chars, d.words, d.topic, d.added, d.json, d.text, f.title, f.body FROM documents d"
                    " LEFT JOIN documents_fts f ON f.rowid = d.rowid WHERE d.rowid > ? ORDER BY d.rowid LIMIT ?",
                    (last, batch)).fetchall()
                if not docs:
                    break
                last = docs[-1][0]
                seen += len(docs)
                with self.transaction():
                    added += self._import_batch(src.conn, docs)
                if on_progress:
                    on_progress(seen, total)
        return added

    def _import_batch(self, src: Any, docs: list[tuple[Any, ...]]) -> int:
        hashes = [d[2] for d in docs]
        have = {r[0] for r in self.conn.execute(
            "SELECT hash FROM documents WHERE hash = ANY(%s) UNION SELECT hash FROM superseded WHERE hash = ANY(%s)",
            (hashes, hashes))}
        new = [d for d in docs if d[2] not in have]
        if not new:
            return 0
        # Same id with another text here: the SQLite copy is the newer article (as add() replaces it).
        ids = [_clean(d[1]) for d in new]
        self.conn.execute("INSERT INTO superseded(hash, id) SELECT hash, id FROM documents WHERE id = ANY(%s)"
                          " ON CONFLICT DO NOTHING", (ids,))
        self.conn.execute("DELETE FROM documents WHERE id = ANY(%s)", (ids,))
        rowids = [r[0] for r in self.conn.execute(
            "SELECT nextval(pg_get_serial_sequence('documents', 'rowid')) FROM generate_series(1, %s)", (len(new),))]
        remap = {d[0]: r for d, r in zip(new, rowids, strict=True)}
        clean = _clean_row
        cur = self.conn.cursor()
        with cur.copy("COPY documents (rowid, id, hash, title, source, category, url, published, pub_date, chars,"
                      " words, topic, added, json, text, title_keys, body_keys) FROM STDIN") as cp:
            for d, rowid in zip(new, rowids, strict=True):
                title_keys = d[15] if d[15] is not None else index_text(str(d[3] or ""))
                body_keys = d[16] if d[16] is not None else index_text(d[14] or "")
                cp.write_row(clean((rowid, *d[1:13], unpack_json(d[13]), d[14], _fit_keys(title_keys),
                                    _fit_keys(body_keys))))
        marks = ",".join("?" * len(remap))
        olds = list(remap)
        for table, cols in (
            ("entities", "doc, ent_id, type, canonical, canonical_ar, wikidata, country, sector, name_key, n_mentions"),
            ("mentions", 'doc, ent_id, start, "end", text, key, coref'),
            ("quotes", 'doc, n, type, speaker, addressee, cue_start, cue_end, cue_text, start, "end", text'),
            ("events", "doc, n, event, mode, context, date, location, factuality, cameo, evidence"),
            ("times", 'doc, start, "end", text, type, value'),
        ):
            rows = src.execute(f"SELECT {cols} FROM {table} WHERE doc IN ({marks})", olds).fetchall()
            if rows:
                with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
                    for r in rows:
                        cp.write_row(clean((remap[r[0]], *r[1:])))
        rows = src.execute(f"SELECT doc, n, role, ent_id FROM event_args WHERE doc IN ({marks}) ORDER BY rowid",
                           olds).fetchall()
        if rows:
            order: dict[tuple[int, int], int] = {}
            with cur.copy("COPY event_args (doc, n, i, role, ent_id) FROM STDIN") as cp:
                for doc, n, role, ent_id in rows:
                    i = order[doc, n] = order.get((doc, n), -1) + 1
                    cp.write_row(clean((remap[doc], n, i, role, ent_id)))
        return len(new)

    def _delete_rowid(self, rowid: int) -> None:
        # The layers go by ON DELETE CASCADE.
        self.conn.execute("DELETE FROM documents WHERE rowid=%s", (rowid,))

    # -- reading ---------------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id=%s", (_clean(doc_id),)).fetchone()
        return Document.from_json(row[0]) if row else None

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        # Keyset pages rather than one cursor: no transaction stays open while the caller works.
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT rowid, json FROM documents WHERE rowid > %s ORDER BY rowid LIMIT %s", (last, batch)).fetchall()
            if not rows:
                return
            for rowid, raw in rows:
                yield Document.from_json(raw)
                last = rowid

    def _match(self, query: str) -> str | None:
        """A to_tsquery('simple') text: groups of spellings (|) all required (&). The words are letters and
        digits only (``keys.words``), so they carry no tsquery syntax."""
        if _tsquery(query) is None:
            return None
        groups = [[_clean(w) or "" for w in g] for g in expand_words(query)]
        return " & ".join(g[0] if len(g) == 1 else "(" + " | ".join(g) + ")" for g in groups)

    def _match_cond(self, match: str) -> tuple[str, list[Any]]:
        return "d.tsv @@ to_tsquery('simple'::regconfig, %s)", [match]

    def _ranked_rows(self, match: str, where: list[str], args: list[Any], limit: int,
                     offset: int = 0) -> list[tuple[Any, ...]]:
        # Last: PostgreSQL evaluates equally cheap-looking conditions in the order written, and reading a
        # document's tsvector (out of line) costs far more than the date or source comparisons.
        cond = " AND ".join([*where, "d.tsv @@ to_tsquery('simple'::regconfig, %s)"])
        args = [_clean_arg(a) for a in [*args, match]]
        # Title keys weigh A, body keys B (title counts more, as bm25's 2:1 in SQLite); normalisation 1
        # divides by 1 + log(length) so long articles do not win by size alone.
        sql = (
            "SELECT d.id, d.title, d.source, d.published,"
            " ts_rank(d.tsv, to_tsquery('simple'::regconfig, %s), 1) AS score, d.text"
            f" FROM documents d WHERE {cond} ORDER BY score DESC, d.rowid LIMIT %s OFFSET %s"
        )
        # Never a prepared (generic) plan: the best plan depends on how common the words are.
        return self.conn.execute(sql, [_clean(match), *args, limit, offset], prepare=False).fetchall()

    def _docs(self, name: str) -> tuple[str, list[Any]]:
        return _pairs(name, cols="doc")  # a plain union the planner estimates well
