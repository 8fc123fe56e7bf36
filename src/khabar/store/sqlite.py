"""The embedded store: one SQLite file (WAL), FTS5 over normalised text, one table per layer.

Documents are idempotent by content hash (SHA-256 of the text): adding the same article twice is a
no-op, so an interrupted ingest can simply be run again. Every layer of the khabar/1 document is kept
in its own table (entities, mentions, quotes, events with their actors, times) so that later queries
can filter by them, and the full document JSON is kept for lossless read-back.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.store.keys import fingerprint, fts_query, index_text, match_form

SCHEMA_VERSION = 4

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
}

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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class Hit:
    """One search result."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    score: float
    snippet: str
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "title": self.title, "source": self.source, "published": self.published,
               "score": round(self.score, 4), "snippet": self.snippet}
        out.update(self.extra)
        return out


def _pub_date(published: Any) -> str | None:
    if not published:
        return None
    s = str(published)
    return s[:10] if len(s) >= 10 and s[4] == "-" else s


def word_count(doc: Document) -> int:
    """Words of a document: word-like tokens when tokenised, else whitespace-separated pieces."""
    if doc.tokens:
        return sum(1 for t in doc.tokens if t.kind not in ("PUNCT", "SYMBOL") and any(c.isalnum() for c in t.norm or doc.text[t.start:t.end]))
    return len(doc.text.split())


class SQLiteStore:
    """``SQLiteStore(path)``: open (creating or migrating) a store; use as a context manager or ``close()``."""

    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

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

    def reindex(self, batch: int = 500) -> int:
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
                        (rowid, index_text(str(title or "")), index_text(doc.text, [t.seg for t in doc.tokens if len(t.seg) > 1])),
                    )
                    n += 1
        self._set_meta("keys", fingerprint())
        return n

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------------------
    def has_hash(self, digest: str) -> bool:
        """Whether this text is stored, or was stored and then replaced by a newer version of its article."""
        return self.conn.execute(
            "SELECT 1 FROM documents WHERE hash=?1 UNION ALL SELECT 1 FROM superseded WHERE hash=?1", (digest,)
        ).fetchone() is not None

    def has_text(self, text: str) -> bool:
        return self.has_hash(content_hash(text))

    def add(self, doc: Document) -> bool:
        """Store one analysed document; False when the same text is already there (idempotent)."""
        with self.transaction():
            return self._add(doc)

    def add_many(self, docs: Iterable[Document]) -> int:
        """Store documents in one transaction; returns how many were new."""
        n = 0
        with self.transaction():
            for doc in docs:
                n += self._add(doc)
        return n

    def _add(self, doc: Document) -> bool:
        digest = content_hash(doc.text)
        if self.has_hash(digest):
            return False
        old = self.conn.execute("SELECT rowid, hash FROM documents WHERE id=?", (doc.id,)).fetchone()
        if old:  # same id, new text: the article was updated, replace it (and remember the old text)
            self.conn.execute("INSERT OR IGNORE INTO superseded(hash, id) VALUES(?, ?)", (old[1], doc.id))
            self._delete_rowid(old[0])
        meta = doc.meta or {}
        title = meta.get("title")
        published = meta.get("published")
        cur = self.conn.execute(
            "INSERT INTO documents(id, hash, title, source, category, url, published, pub_date, chars, words, topic, added, json,"
            " text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, digest, _s(title), _s(meta.get("source")), _s(meta.get("category")), _s(meta.get("url")),
             _s(published), _pub_date(published), len(doc.text), word_count(doc), doc.topic,
             datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), pack_json(doc), doc.text),
        )
        rowid = cur.lastrowid
        segs = [t.seg for t in doc.tokens if len(t.seg) > 1]
        self.conn.execute(
            "INSERT INTO documents_fts(rowid, title, body) VALUES(?,?,?)",
            (rowid, index_text(str(title or "")), index_text(doc.text, segs)),
        )
        self._add_layers(rowid, doc)
        return True

    def _add_layers(self, rowid: int | None, doc: Document) -> None:
        ex = self.conn.executemany
        ents, ments = [], []
        for ent in doc.entities:
            first = ent.mentions[0].text if ent.mentions and ent.mentions[0].text else None
            name = ent.canonical_ar or first or ent.canonical or ""
            ents.append((rowid, ent.id, ent.type, ent.canonical, ent.canonical_ar, ent.wikidata, ent.country,
                         ent.sector, match_form(name), len(ent.mentions)))
            for coref, spans in ((0, ent.mentions), (1, ent.coref_mentions)):
                for m in spans:
                    surface = m.text if m.text is not None else doc.text[m.start:m.end]
                    ments.append((rowid, ent.id, m.start, m.end, surface, match_form(surface), coref))
        ex("INSERT OR IGNORE INTO entities VALUES(?,?,?,?,?,?,?,?,?,?)", ents)
        ex('INSERT INTO mentions(doc, ent_id, start, "end", text, key, coref) VALUES(?,?,?,?,?,?,?)', ments)
        ex(
            'INSERT INTO quotes(doc, n, type, speaker, addressee, cue_start, cue_end, cue_text, start, "end", text)'
            " VALUES(?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, i, q.type, q.speaker, q.addressee, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
              q.cue.text if q.cue else None, q.content.start, q.content.end,
              q.content.text if q.content.text is not None else doc.text[q.content.start:q.content.end])
             for i, q in enumerate(doc.quotes)],
        )
        ex(
            "INSERT INTO events(doc, n, event, mode, context, date, location, factuality, cameo, evidence)"
            " VALUES(?,?,?,?,?,?,?,?,?,?)",
            [(rowid, i, e.event, json.dumps(e.mode, ensure_ascii=False), json.dumps(e.context, ensure_ascii=False),
              e.date, e.location, e.factuality, e.cameo,
              json.dumps([s.to_dict() for s in e.evidence], ensure_ascii=False)) for i, e in enumerate(doc.events)],
        )
        ex(
            "INSERT INTO event_args(doc, n, role, ent_id) VALUES(?,?,?,?)",
            [(rowid, i, role, ent_id) for i, e in enumerate(doc.events)
             for role, ids in (("actor", e.actor), ("recipient", e.recipient)) for ent_id in ids],
        )
        ex(
            'INSERT INTO times(doc, start, "end", text, type, value) VALUES(?,?,?,?,?,?)',
            [(rowid, t.start, t.end, t.text, t.type, t.value) for t in doc.times],
        )

    def _delete_rowid(self, rowid: int) -> None:
        for table in ("mentions", "entities", "quotes", "event_args", "events", "times"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc=?", (rowid,))
        self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
        self.conn.execute("DELETE FROM documents WHERE rowid=?", (rowid,))

    def delete(self, doc_id: str) -> bool:
        with self.transaction():
            row = self.conn.execute("SELECT rowid FROM documents WHERE id=?", (doc_id,)).fetchone()
            if row:
                self._delete_rowid(row[0])
            return row is not None

    # -- reading ---------------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id=?", (doc_id,)).fetchone()
        return Document.from_json(unpack_json(row[0])) if row else None

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def iter_documents(self) -> Iterator[Document]:
        for (raw,) in self.conn.execute("SELECT json FROM documents ORDER BY rowid"):
            yield Document.from_json(unpack_json(raw))

    def search(
        self,
        query: str = "",
        *,
        limit: int = 10,
        entity: str | None = None,
        event: str | None = None,
        actor: str | None = None,
        speaker: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
    ) -> list[Hit]:
        """Ranked documents matching the query (every word, spelling variants and clitics folded)
        and the filters. An empty query with filters lists matching documents, newest first."""
        match = fts_query(query) if query.strip() else None
        if query.strip() and match is None:
            return []
        where: list[str] = []
        args: list[Any] = []
        if match:
            where.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            args.append(match)
        if entity:
            sql, a = _pairs(entity)
            where.append(f"d.rowid IN (SELECT doc FROM ({sql}))")
            args += a
        if event:
            where.append("d.rowid IN (SELECT doc FROM events WHERE event=?)")
            args.append(event.upper())
        if actor:
            sql, a = _pairs(actor, actor=True)
            where.append(f"d.rowid IN (SELECT a.doc FROM ({sql}) p JOIN event_args a"
                         " ON a.doc=p.doc AND a.ent_id=p.ent_id AND a.role='actor')")
            args += a
        if speaker:
            sql, a = _pairs(speaker)
            where.append(f"d.rowid IN (SELECT q.doc FROM ({sql}) p JOIN quotes q ON q.doc=p.doc AND q.speaker=p.ent_id)")
            args += a
        if date_from:
            where.append("d.pub_date >= ?")
            args.append(date_from)
        if date_to:
            where.append("d.pub_date <= ?")
            args.append(date_to)
        if source:
            where.append("lower(d.source) = lower(?)")
            args.append(source)
        cond = " AND ".join(where) or "1"
        if match:
            sql = (
                "SELECT d.id, d.title, d.source, d.published, -bm25(documents_fts, 2.0, 1.0) AS score, d.text"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                f" WHERE documents_fts MATCH ? AND {cond} ORDER BY bm25(documents_fts, 2.0, 1.0) LIMIT ?"
            )
            rows = self.conn.execute(sql, [match, *args, max(0, limit)]).fetchall()
        else:
            sql = (f"SELECT d.id, d.title, d.source, d.published, 0.0, d.text FROM documents d WHERE {cond}"
                   " ORDER BY d.pub_date DESC, d.rowid LIMIT ?")
            rows = self.conn.execute(sql, [*args, max(0, limit)]).fetchall()
        return [Hit(r[0], r[1], r[2], r[3], float(r[4]), snippet(r[5] or "", query)) for r in rows]

    def quotes(self, speaker: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Stored quotes (newest documents first), optionally of one speaker (name, QID or mention)."""
        where, args = "1", []
        if speaker:
            sql, args = _pairs(speaker)
            where = f"(q.doc, q.speaker) IN ({sql})"
        rows = self.conn.execute(
            "SELECT d.id, d.published, q.type, q.speaker, coalesce(e.canonical_ar, e.canonical), e.wikidata,"
            ' q.cue_text, q.start, q."end", q.text FROM quotes q JOIN documents d ON d.rowid=q.doc'
            " LEFT JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker"
            f" WHERE {where} ORDER BY d.pub_date DESC, d.rowid, q.n LIMIT ?", [*args, max(0, limit)]).fetchall()
        keys = ("doc", "published", "type", "speaker", "speaker_name", "speaker_wikidata", "cue", "start", "end", "text")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def events(
        self, event: str | None = None, actor: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 20,
    ) -> list[dict[str, Any]]:
        """Stored events with their actors and recipients resolved to names, filtered by type/actor/date."""
        where, args = ["1"], []
        if event:
            where.append("ev.event=?")
            args.append(event.upper())
        if actor:
            sql, a = _pairs(actor, actor=True)
            where.append(f"EXISTS (SELECT 1 FROM ({sql}) p JOIN event_args a ON a.doc=p.doc"
                         " AND a.ent_id=p.ent_id WHERE a.doc=ev.doc AND a.n=ev.n AND a.role='actor')")
            args += a
        if date_from:
            where.append("coalesce(ev.date, d.pub_date) >= ?")
            args.append(date_from)
        if date_to:
            where.append("coalesce(ev.date, d.pub_date) <= ?")
            args.append(date_to)
        rows = self.conn.execute(
            "SELECT ev.doc, ev.n, d.id, ev.event, coalesce(ev.date, d.pub_date), ev.location, ev.factuality, ev.cameo,"
            " ev.mode, ev.context, ev.evidence FROM events ev JOIN documents d ON d.rowid=ev.doc"
            f" WHERE {' AND '.join(where)} ORDER BY coalesce(ev.date, d.pub_date) DESC, ev.doc, ev.n LIMIT ?",
            [*args, max(0, limit)]).fetchall()
        out = []
        for r in rows:
            args_rows = self.conn.execute(
                "SELECT a.role, coalesce(e.canonical_ar, e.canonical, a.ent_id), e.country, e.sector, e.wikidata"
                " FROM event_args a LEFT JOIN entities e ON e.doc=a.doc AND e.ent_id=a.ent_id"
                " WHERE a.doc=? AND a.n=? ORDER BY a.rowid", (r[0], r[1])).fetchall()
            out.append({
                "doc": r[2], "event": r[3], "date": r[4], "location": r[5], "factuality": r[6], "cameo": r[7],
                "mode": json.loads(r[8] or "[]"), "context": json.loads(r[9] or "[]"),
                "actors": [a[1] for a in args_rows if a[0] == "actor"],
                "actor_codes": [(a[2] or "") + (a[3] or "") for a in args_rows if a[0] == "actor"],
                "recipients": [a[1] for a in args_rows if a[0] == "recipient"],
                "recipient_codes": [(a[2] or "") + (a[3] or "") for a in args_rows if a[0] == "recipient"],
                "evidence": json.loads(r[10] or "[]"),
            })
        return out

    def stats(self, top: int = 0) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        out: dict[str, Any] = {
            "documents": one("SELECT count(*) FROM documents"),
            "words": one("SELECT coalesce(sum(words), 0) FROM documents"),
            "characters": one("SELECT coalesce(sum(chars), 0) FROM documents"),
            "entities": one("SELECT count(*) FROM entities"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "times": one("SELECT count(*) FROM times"),
            "sources": dict(self.conn.execute(
                "SELECT coalesce(source, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "published": {"first": one("SELECT min(pub_date) FROM documents"),
                          "last": one("SELECT max(pub_date) FROM documents")},
            "schema_version": self.schema_version,
            "index_current": self.index_is_current,
            "backend": self.backend,
            "path": self.path,
        }
        if top:
            out["top_entities"] = [
                {"name": r[0], "type": r[1], "wikidata": r[2], "documents": r[3]}
                for r in self.conn.execute(
                    "SELECT coalesce(canonical, canonical_ar, name_key), type, wikidata, count(DISTINCT doc) AS n"
                    " FROM entities GROUP BY coalesce(wikidata, name_key), type ORDER BY n DESC, 1 LIMIT ?", (top,))
            ]
            out["top_speakers"] = [
                {"name": r[0], "wikidata": r[1], "quotes": r[2]}
                for r in self.conn.execute(
                    "SELECT coalesce(e.canonical, e.canonical_ar, e.name_key), e.wikidata, count(*) AS n"
                    " FROM quotes q JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker"
                    " GROUP BY coalesce(e.wikidata, e.name_key) ORDER BY n DESC, 1 LIMIT ?", (top,))
            ]
            out["events_by_type"] = dict(self.conn.execute(
                "SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC").fetchall())
            out["events_by_month"] = dict(self.conn.execute(
                "SELECT substr(coalesce(e.date, d.pub_date), 1, 7) AS m, count(*) FROM events e"
                " JOIN documents d ON d.rowid=e.doc GROUP BY m ORDER BY m").fetchall())
        return out


def _pairs(name: str, *, actor: bool = False) -> tuple[str, list[str]]:
    """SQL selecting the (doc, ent_id) pairs a name stands for, with its positional arguments."""
    sql = _ACTOR_PAIRS if actor else _ENTITY_PAIRS
    args = [name if tok == "?1" else match_form(name) for tok in re.findall(r"\?[12]", sql)]
    return sql.replace("?1", "?").replace("?2", "?"), args


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


_WORD_RX = re.compile(r"[^\W_]+")
_PUNCT = "\"'«»“”‘’()[]{}<>.,;:!?،؛؟…-–—/\\*#@"


def snippet(text: str, query: str, width: int = 160) -> str:
    """A one-line extract of the original text around the first query match, the match in [brackets]."""
    from khabar.store.keys import match_form, stems, words

    qwords = set(words(query))
    flat = " ".join(text.split())

    def hit(chunk: str) -> bool:
        norm = match_form(chunk)
        if not any(q in norm for q in qwords):  # cheap substring test before words and stems
            return False
        return any(w in qwords or qwords & set(stems(w)) for w in _WORD_RX.findall(norm))

    def show(pos: int, chunk: str) -> str:
        # Bracket the word only, not the punctuation glued to it (بوتين، → [بوتين]،).
        lead = len(chunk) - len(chunk.lstrip(_PUNCT))
        core = chunk.strip(_PUNCT) or chunk
        st, en = pos + lead, pos + lead + len(core)
        a = max(0, st - width // 2)
        b = min(len(flat), en + width // 2)
        return ("…" if a else "") + flat[a:st] + "[" + core + "]" + flat[en:b] + ("…" if b < len(flat) else "")

    # Fast path: the query word as typed usually occurs literally; check the word around it.
    for raw in query.split():
        raw = raw.strip(_PUNCT)
        at = flat.find(raw) if raw else -1
        tries = 0
        while at >= 0 and tries < 20:
            start = flat.rfind(" ", 0, at) + 1
            end = flat.find(" ", at)
            end = len(flat) if end < 0 else end
            if hit(flat[start:end]):
                return show(start, flat[start:end])
            at = flat.find(raw, end)
            tries += 1
    if qwords:
        chunks = flat.split(" ")
        normed = match_form(flat).split(" ")
        if len(normed) != len(chunks):  # normalisation changed the spacing (rare): compare chunk by chunk
            normed = [match_form(c) for c in chunks]
        pos = 0
        for chunk, norm in zip(chunks, normed, strict=True):
            if any(q in norm for q in qwords) and hit(chunk):
                return show(pos, chunk)
            pos += len(chunk) + 1
    return flat[:width] + ("…" if len(flat) > width else "")
