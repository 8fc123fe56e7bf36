"""What the SQLite and PostgreSQL stores share: row shaping, filters, results; the SQL dialect is a parameter.

Each backend keeps its own schema, writes and ranking; everything here takes the backend's parameter
placeholder (``?`` or ``%s``) and name → ``(doc, ent_id)`` lookup, so both return the same results.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple, Self

from khabar.document import Document
from khabar.store.keys import match_form, valid_text

# A name → (SQL selecting rows, its arguments): the (doc, ent_id) pairs or the documents a name stands for.
PairsFn = Callable[..., tuple[str, list[Any]]]

QUOTE_KEYS = ("doc", "published", "type", "speaker", "speaker_name", "speaker_wikidata", "cue", "start", "end", "text")
# The scalar counts of ``stats()``, in the order they are reported.
_COUNTS = (
    ("documents", "SELECT count(*) FROM documents"),
    ("words", "SELECT coalesce(sum(words), 0) FROM documents"),
    ("characters", "SELECT coalesce(sum(chars), 0) FROM documents"),
    ("entities", "SELECT count(*) FROM entities"),
    ("mentions", "SELECT count(*) FROM mentions"),
    ("quotes", "SELECT count(*) FROM quotes"),
    ("events", "SELECT count(*) FROM events"),
    ("times", "SELECT count(*) FROM times"),
)


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


def hits(rows: Iterable[tuple[Any, ...]], query: str) -> list[Hit]:
    """Search results from rows of (id, title, source, published, score, text)."""
    return [Hit(r[0], r[1], r[2], r[3], float(r[4]), snippet(r[5] or "", query)) for r in rows]


def pub_date(published: Any) -> str | None:
    """The date part (YYYY-MM-DD) of a publication time, for range filters; None (unknown) for anything
    that is not a real date, so that it never sorts among the dates."""
    from khabar.dates import iso_date

    return iso_date(published)


def text_or_none(v: Any) -> str | None:
    return None if v is None else str(v)


def word_count(doc: Document) -> int:
    """Words of a document: word-like tokens when tokenised, else whitespace-separated pieces."""
    if doc.tokens:
        return sum(1 for t in doc.tokens if t.kind not in ("PUNCT", "SYMBOL") and any(c.isalnum() for c in t.norm or doc.text[t.start:t.end]))
    return len(doc.text.split())


def document_fields(doc: Document) -> tuple[Any, ...]:
    """(id, title, source, category, url, published, pub_date, chars, words, topic, added) of a new row."""
    meta = doc.meta or {}
    published = meta.get("published")
    return (doc.id, text_or_none(meta.get("title")), text_or_none(meta.get("source")),
            text_or_none(meta.get("category")), text_or_none(meta.get("url")), text_or_none(published),
            pub_date(published), len(doc.text), word_count(doc), doc.topic,
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def search_segs(doc: Document) -> list[list[str]]:
    """The segmentations of multi-segment tokens: their stems go into the search keys."""
    return [t.seg for t in doc.tokens if len(t.seg) > 1]


class LayerRows(NamedTuple):
    """A document's layers as table rows (event_args rows carry their order within the event)."""

    entities: list[tuple[Any, ...]]
    mentions: list[tuple[Any, ...]]
    quotes: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    event_args: list[tuple[Any, ...]]
    times: list[tuple[Any, ...]]


def layer_rows(rowid: Any, doc: Document, *, ensure_ascii: bool = False) -> LayerRows:
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
    quotes = [(rowid, i, q.type, q.speaker, q.addressee, q.cue.start if q.cue else None,
               q.cue.end if q.cue else None, q.cue.text if q.cue else None, q.content.start, q.content.end,
               q.content.text if q.content.text is not None else doc.text[q.content.start:q.content.end])
              for i, q in enumerate(doc.quotes)]
    dump = lambda v: json.dumps(v, ensure_ascii=ensure_ascii)  # noqa: E731
    events = [(rowid, i, e.event, dump(e.mode), dump(e.context), e.date, e.location, e.factuality, e.cameo,
               dump([s.to_dict() for s in e.evidence])) for i, e in enumerate(doc.events)]
    args = [(rowid, i, k, role, ent_id) for i, e in enumerate(doc.events)
            for k, (role, ent_id) in enumerate([("actor", a) for a in e.actor] + [("recipient", r) for r in e.recipient])]
    times = [(rowid, t.start, t.end, t.text, t.type, t.value) for t in doc.times]
    return LayerRows(ents, ments, quotes, events, args, times)


def doc_filters(
    ph: str, pairs: PairsFn, docs: PairsFn, *, entity: str | None, event: str | None, actor: str | None,
    speaker: str | None, date_from: str | None, date_to: str | None, source: str | None,
) -> tuple[list[str], list[Any]]:
    """Conditions on documents ``d`` (and their arguments) for the search filters."""
    where: list[str] = []
    args: list[Any] = []
    if entity:
        sql, a = docs(entity)
        where.append(f"d.rowid IN ({sql})")
        args += a
    if event:
        where.append(f"d.rowid IN (SELECT doc FROM events WHERE event={ph})")
        args.append(valid_text(event).upper())
    if actor:
        sql, a = pairs(actor, actor=True)
        where.append(f"d.rowid IN (SELECT ea.doc FROM ({sql}) p JOIN event_args ea"
                     " ON ea.doc=p.doc AND ea.ent_id=p.ent_id AND ea.role='actor')")
        args += a
    if speaker:
        sql, a = pairs(speaker)
        where.append(f"d.rowid IN (SELECT q.doc FROM ({sql}) p JOIN quotes q ON q.doc=p.doc AND q.speaker=p.ent_id)")
        args += a
    _date_range(where, args, "d.pub_date", ph, date_from, date_to)
    if source:
        where.append(f"lower(d.source) = lower({ph})")
        args.append(valid_text(source))
    return where, args


def _date_range(where: list[str], args: list[Any], column: str, ph: str, date_from: str | None,
                date_to: str | None) -> None:
    if date_from:
        where.append(f"{column} >= {ph}")
        args.append(date_from)
    if date_to:
        where.append(f"{column} <= {ph}")
        args.append(date_to)


def event_dict(r: tuple[Any, ...], args_rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """An event row (doc rowid, n, doc id, event, date, location, factuality, cameo, mode, context, evidence)
    with its argument rows (role, name, country, sector, wikidata) as the dict ``events()`` returns."""
    def names(role: str) -> list[Any]:
        return [a[1] for a in args_rows if a[0] == role]

    def codes(role: str) -> list[str]:
        return [(a[2] or "") + (a[3] or "") for a in args_rows if a[0] == role]

    return {
        "doc": r[2], "event": r[3], "date": r[4], "location": r[5], "factuality": r[6], "cameo": r[7],
        "mode": json.loads(r[8] or "[]"), "context": json.loads(r[9] or "[]"),
        "actors": names("actor"), "actor_codes": codes("actor"),
        "recipients": names("recipient"), "recipient_codes": codes("recipient"),
        "evidence": json.loads(r[10] or "[]"),
    }


class StoreBase:
    """The backend-independent half of a store. A backend sets the dialect attributes, ``conn``, ``path``
    and the name lookups ``_pairs`` / ``_docs``, and implements ``transaction``, ``_add`` and search."""

    backend = ""
    _PH = "?"  # parameter placeholder
    _TRUE = "1"  # an always-true condition
    _NULLS_LAST = ""  # after DESC: documents without a date last (SQLite does so by itself)
    _ARG_ORDER = "a.rowid"  # the order of an event's arguments (actors first)
    _TOP_ENTITIES = ""  # (name, type, wikidata, documents) of the most frequent entities, LIMIT a parameter
    _TOP_SPEAKERS = ""  # (name, wikidata, quotes) of the most quoted speakers, LIMIT a parameter
    _COUNT_ORDER = "2 DESC"  # sources and event types, most first
    conn: Any
    path: str

    # -- hooks -----------------------------------------------------------------------------------------
    @staticmethod
    def _pairs(name: str, *, actor: bool = False) -> tuple[str, list[Any]]:
        raise NotImplementedError

    @staticmethod
    def _clean_arg(value: Any) -> Any:
        """A query argument as the backend can take it."""
        return value

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _add(self, doc: Document) -> bool:
        raise NotImplementedError

    def _delete_rowid(self, rowid: int) -> None:
        raise NotImplementedError

    # -- lifecycle -------------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------
    def has_text(self, text: str) -> bool:
        return self.has_hash(content_hash(text))

    def has_hash(self, digest: str) -> bool:
        """Whether this text is stored, or was stored and then replaced by a newer version of its article."""
        p = self._PH
        return self.conn.execute(
            f"SELECT 1 FROM documents WHERE hash={p} UNION ALL SELECT 1 FROM superseded WHERE hash={p}", (digest, digest)
        ).fetchone() is not None

    def add(self, doc: Document) -> bool:
        """Store one analysed document; False when the same text is already there (idempotent)."""
        with self.transaction():
            return self._add(doc)

    def add_many(self, docs: Iterable[Document]) -> int:
        """Store documents in one transaction; returns how many were new."""
        return len(self.add_new(docs))

    def add_new(self, docs: Iterable[Document]) -> list[Document]:
        """Store documents in one transaction; returns those that were new (the others were already there)."""
        with self.transaction():
            return [doc for doc in docs if self._add(doc)]

    def check(self) -> str | None:
        """None when the store looks sound, else what is wrong (the SQLite store checks its pages)."""
        return None

    def ingest_lock(self, on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Held by an ingest while it reads, analyses and writes: a second ingest into the same store waits,
        then finds the first one's documents stored instead of analysing them again."""
        return nullcontext()

    def delete(self, doc_id: str) -> bool:
        with self.transaction():
            row = self.conn.execute(f"SELECT rowid FROM documents WHERE id={self._PH}",
                                    (self._clean_arg(doc_id),)).fetchone()
            if row:
                self._delete_rowid(row[0])
            return row is not None

    # -- reading ---------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    @staticmethod
    def _match(query: str) -> str | None:
        """The backend's full-text expression for a query, None when it has no words."""
        raise NotImplementedError

    def _ranked_rows(self, match: str, where: list[str], args: list[Any], limit: int) -> list[tuple[Any, ...]]:
        """(id, title, source, published, score, text) of the documents matching ``match`` and ``where``, best first."""
        raise NotImplementedError

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
        match = self._match(query) if query.strip() else None
        if query.strip() and match is None:
            return []
        where, args = doc_filters(self._PH, self._pairs, self._docs, entity=entity, event=event, actor=actor,
                                  speaker=speaker, date_from=date_from, date_to=date_to, source=source)
        if match:
            rows = self._ranked_rows(match, where, args, max(0, limit))
        else:
            rows = self.conn.execute(
                "SELECT d.id, d.title, d.source, d.published, 0.0, d.text FROM documents d"
                f" WHERE {' AND '.join(where) or self._TRUE}"
                f" ORDER BY d.pub_date DESC{self._NULLS_LAST}, d.rowid LIMIT {self._PH}",
                [*(self._clean_arg(a) for a in args), max(0, limit)]).fetchall()
        return hits(rows, query)

    def _docs(self, name: str) -> tuple[str, list[Any]]:
        """SQL selecting the documents a name stands for."""
        sql, args = self._pairs(name)
        return f"SELECT doc FROM ({sql})", args

    def quotes(self, speaker: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Stored quotes (newest documents first), optionally of one speaker (name, QID or mention)."""
        where, args = self._TRUE, []
        if speaker:
            sql, args = self._pairs(speaker)
            where = f"(q.doc, q.speaker) IN ({sql})"
        rows = self.conn.execute(
            "SELECT d.id, d.published, q.type, q.speaker, coalesce(e.canonical_ar, e.canonical), e.wikidata,"
            ' q.cue_text, q.start, q."end", q.text FROM quotes q JOIN documents d ON d.rowid=q.doc'
            " LEFT JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker"
            f" WHERE {where} ORDER BY d.pub_date DESC{self._NULLS_LAST}, d.rowid, q.n LIMIT {self._PH}",
            [*args, max(0, limit)]).fetchall()
        return [dict(zip(QUOTE_KEYS, r, strict=True)) for r in rows]

    def events(
        self, event: str | None = None, actor: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 20, after_publication: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events with their actors and recipients resolved to names, filtered by type/actor/date;
        ``after_publication``: only asserted events dated after their article's publication (a dating error)."""
        p = self._PH
        where: list[str] = []
        args: list[Any] = []
        if after_publication:
            where.append(_AFTER_PUBLICATION)
        if event:
            where.append(f"ev.event={p}")
            args.append(valid_text(event).upper())
        if actor:
            sql, a = self._pairs(actor, actor=True)
            where.append(f"EXISTS (SELECT 1 FROM ({sql}) p JOIN event_args a ON a.doc=p.doc"
                         " AND a.ent_id=p.ent_id WHERE a.doc=ev.doc AND a.n=ev.n AND a.role='actor')")
            args += a
        _date_range(where, args, "coalesce(ev.date, d.pub_date)", p, date_from, date_to)
        args = [self._clean_arg(a) for a in args]
        rows = self.conn.execute(
            "SELECT ev.doc, ev.n, d.id, ev.event, coalesce(ev.date, d.pub_date), ev.location, ev.factuality, ev.cameo,"
            " ev.mode, ev.context, ev.evidence FROM events ev JOIN documents d ON d.rowid=ev.doc"
            f" WHERE {' AND '.join(where) or self._TRUE}"
            f" ORDER BY coalesce(ev.date, d.pub_date) DESC{self._NULLS_LAST}, ev.doc, ev.n LIMIT {p}",
            [*args, max(0, limit)]).fetchall()
        out = []
        for r in rows:
            args_rows = self.conn.execute(
                "SELECT a.role, coalesce(e.canonical_ar, e.canonical, a.ent_id), e.country, e.sector, e.wikidata"
                " FROM event_args a LEFT JOIN entities e ON e.doc=a.doc AND e.ent_id=a.ent_id"
                f" WHERE a.doc={p} AND a.n={p} ORDER BY {self._ARG_ORDER}", (r[0], r[1])).fetchall()
            out.append(event_dict(r, args_rows))
        return out

    def _stats_extra(self) -> dict[str, Any]:
        """Backend facts reported after the schema version."""
        return {}

    def stats(self, top: int = 0) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        counts = lambda sql: {r[0]: int(r[1]) for r in self.conn.execute(sql)}  # noqa: E731
        out: dict[str, Any] = {name: int(one(sql)) for name, sql in _COUNTS}
        # event dates against publication (issue 17): asserted events with a date, in an article with a date
        base = ("FROM events ev JOIN documents d ON d.rowid=ev.doc WHERE ev.factuality='asserted'"
                " AND ev.date IS NOT NULL AND d.pub_date IS NOT NULL")
        dated = int(one(f"SELECT count(*) {base}"))
        on_day = int(one(f"SELECT count(*) {base} AND ev.date = d.pub_date"))
        out["events_after_publication"] = int(one(f"SELECT count(*) {base} AND {_AFTER_PUBLICATION}"))
        out["events_on_publication_day"] = on_day
        out["events_dated_asserted"] = dated
        out["share_on_publication_day"] = round(on_day / dated, 4) if dated else None
        out["sources"] = counts(
            f"SELECT coalesce(source, ''), count(*) FROM documents GROUP BY 1 ORDER BY {self._COUNT_ORDER}")
        out["published"] = {"first": one("SELECT min(pub_date) FROM documents"),
                            "last": one("SELECT max(pub_date) FROM documents")}
        out["schema_version"] = self.schema_version
        out.update(self._stats_extra())
        out["backend"] = self.backend
        out["path"] = self.path
        if top:
            out["top_entities"] = [
                {"name": r[0], "type": r[1], "wikidata": r[2], "documents": int(r[3])}
                for r in self.conn.execute(self._TOP_ENTITIES, (top,))
            ]
            out["top_speakers"] = [
                {"name": r[0], "wikidata": r[1], "quotes": int(r[2])}
                for r in self.conn.execute(self._TOP_SPEAKERS, (top,))
            ]
            out["events_by_type"] = counts(
                f"SELECT event, count(*) FROM events GROUP BY event ORDER BY {self._COUNT_ORDER}")
            out["events_by_month"] = counts(
                "SELECT substr(coalesce(e.date, d.pub_date), 1, 7) AS m, count(*) FROM events e"
                " JOIN documents d ON d.rowid=e.doc GROUP BY m ORDER BY m")
        return out


# a date is after publication when its whole period is: "2018-10" and "2019" are after 2018-09-04, "2018-09" is not
# (ISO prefixes compare as strings)
_AFTER_PUBLICATION = ("ev.factuality='asserted' AND ev.date IS NOT NULL AND d.pub_date IS NOT NULL"
                      " AND ev.date > d.pub_date AND substr(d.pub_date, 1, length(ev.date)) <> ev.date")

_WORD_RX = re.compile(r"[^\W_]+")
_PUNCT = "\"'«»“”‘’()[]{}<>.,;:!?،؛؟…-–—/\\*#@"


def snippet(text: str, query: str, width: int = 160) -> str:
    """A one-line extract of the original text around the first query match, the match in [brackets]."""
    from khabar.store.keys import MAX_QUERY_TERMS, query_words, stems

    qwords = set(query_words(query))
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
    for raw in list(dict.fromkeys(query.split()))[:MAX_QUERY_TERMS]:  # repeated words: looked up once
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
