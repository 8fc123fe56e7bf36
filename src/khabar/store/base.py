"""What the SQLite and PostgreSQL stores share: row shaping, filters, results; the SQL dialect is a parameter.

Each backend keeps its own schema, writes and ranking; everything here takes the backend's parameter
placeholder (``?`` or ``%s``) and name → ``(doc, ent_id)`` lookup, so both return the same results.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple, Self

from khabar.document import Document
from khabar.store.keys import match_form, valid_text
from khabar.store.views import QID, entity_key_sql, expand_words, not_top_sql

# A name → (SQL selecting rows, its arguments): the (doc, ent_id) pairs or the documents a name stands for.
PairsFn = Callable[..., tuple[str, list[Any]]]

QUOTE_KEYS = ("doc", "published", "type", "speaker", "speaker_name", "speaker_wikidata", "cue", "start", "end", "text")
SORTS = ("relevance", "date")
FACET_CACHE = 64  # facet results kept per store connection
# (store path) -> ((documents, max rowid), {rowid: (day, source)}): see StoreBase._doc_meta.
_META_CACHE: dict[str, tuple[tuple[Any, ...], dict[int, tuple[str | None, str]]]] = {}
FACET_DOCS = 1000  # entity and event-type facets of a broader match count its newest this many documents
RECENT_DOCS = 500  # an entity page counts related entities over this many of its newest documents
FORM_DOCS = 100  # ... and its names and spellings over this many
FILTERS = ("entity", "event", "actor", "speaker", "date_from", "date_to", "source")
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


def _filter_args(filters: dict[str, str | None]) -> dict[str, str | None]:
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise TypeError(f"unknown search filter(s): {', '.join(sorted(unknown))}")
    return {k: filters.get(k) or None for k in FILTERS}


def _empty_facets() -> dict[str, Any]:
    return {"sources": [], "entities": [], "events": [], "days": [], "entities_over": 0}


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

    def _match(self, query: str) -> Any:
        """The backend's full-text expression for a query (spelling variants expanded), None when it has no words."""
        raise NotImplementedError

    def _match_cond(self, match: Any) -> tuple[str, list[Any]]:
        """A condition on documents ``d`` that holds when the full-text expression matches, with its arguments."""
        raise NotImplementedError

    def _ranked_rows(self, match: Any, where: list[str], args: list[Any], limit: int,
                     offset: int = 0) -> list[tuple[Any, ...]]:
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
        page = self.search_page(query, limit=limit, facets=False, total=False, entity=entity, event=event,
                                actor=actor, speaker=speaker, date_from=date_from, date_to=date_to, source=source)
        return page["hits"]

    def search_page(
        self,
        query: str = "",
        *,
        offset: int = 0,
        limit: int = 10,
        sort: str = "relevance",
        facets: bool = True,
        total: bool = True,
        top: int = 10,
        **filters: str | None,
    ) -> dict[str, Any]:
        """One page of results: ``{"total", "hits", "facets"}``. ``sort``: ``relevance`` (BM25; newest first when
        there is no query) or ``date`` (newest first). Facets count the documents of ALL matches: ``sources``,
        ``entities`` (most frequent, media/currencies left out), ``events`` (PLOVER types) and ``days``."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
        ph = self._PH
        empty: dict[str, Any] = {"total": 0, "hits": [], "facets": _empty_facets() if facets else None, "words": ""}
        match = self._match(query) if query.strip() else None
        if query.strip() and match is None:
            return empty
        where, args = doc_filters(ph, self._pairs, self._docs, **_filter_args(filters))
        if match is not None:
            mcond, margs = self._match_cond(match)
            all_where, all_args = [mcond, *where], [*margs, *args]
        else:
            all_where, all_args = where, args
        cond = " AND ".join(all_where) or self._TRUE
        cargs = [self._clean_arg(a) for a in all_args]
        offset, limit = max(0, offset), max(0, limit)
        if match is not None and sort == "relevance":
            rows = self._ranked_rows(match, where, args, limit, offset) if limit else []
        else:
            rows = self.conn.execute(
                "SELECT d.id, d.title, d.source, d.published, 0.0, d.text FROM documents d"
                f" WHERE {cond} ORDER BY d.pub_date DESC{self._NULLS_LAST}, d.rowid LIMIT {ph} OFFSET {ph}",
                [*cargs, limit, offset]).fetchall() if limit else []
        # Snippets look for any spelling the query stood for (ترمب also marks ترامب).
        variants = " ".join(w for g in expand_words(query) for w in g) if match is not None else query
        out: dict[str, Any] = {"total": None, "hits": hits(rows, variants), "facets": None, "words": variants}
        if out["hits"]:  # each hit's story: {"id", "outlets"} or None
            marks = ", ".join([ph] * len(out["hits"]))
            story = {r[0]: {"id": int(r[1]), "outlets": int(r[2])} for r in self.conn.execute(
                "SELECT d.id, s.id, s.outlets FROM documents d JOIN story_docs sd ON sd.doc=d.rowid"
                f" JOIN stories s ON s.id=sd.story WHERE d.id IN ({marks})",
                [self._clean_arg(h.id) for h in out["hits"]])}
            for h in out["hits"]:
                h.extra["story"] = story.get(h.id)
        if facets:
            # Words alone: the matches come from the index and their day/source from memory.
            only = match if match is not None and not where else None
            out["total"], out["facets"] = self._cached_facets(cond, cargs, top, only)
        elif total:
            out["total"] = int(self.conn.execute(f"SELECT count(*) FROM documents d WHERE {cond}", cargs).fetchone()[0])
        return out

    def _cached_facets(self, cond: str, args: list[Any], top: int, match: Any = None) -> tuple[int, dict[str, Any]]:
        """(total, facets), remembered per query and filters while the store is unchanged: paging through
        one result list, or the page's opening view of the whole corpus, counts only once."""
        state = self.conn.execute("SELECT count(*), max(rowid) FROM documents").fetchone()
        key = (cond, tuple(str(a) for a in args), top, tuple(state))
        cache: dict[Any, tuple[int, dict[str, Any]]] = self.__dict__.setdefault("_facet_cache", {})
        got = cache.pop(key, None) or self._facets(cond, args, top, match)
        cache[key] = got  # most recently used last
        while len(cache) > FACET_CACHE:
            cache.pop(next(iter(cache)))
        return got[0], copy.deepcopy(got[1])

    def _match_rowids(self, match: Any) -> list[int] | None:
        """Rowids of the documents a full-text expression matches, straight from the index; None when the
        backend has no cheaper way than the documents query."""
        return None

    def _doc_meta(self) -> dict[int, tuple[str | None, str]]:
        """(day, source) of every document by rowid, kept while the store is unchanged and shared by the
        connections to the same store (the API opens one per thread)."""
        state = tuple(self.conn.execute("SELECT count(*), max(rowid) FROM documents").fetchone())
        where = self.path if self.path != ":memory:" else f":memory:{id(self)}"  # each in-memory store its own
        cached = _META_CACHE.get(where)
        if cached is None or cached[0] != state:
            cached = (state, {int(r): (d, s) for r, d, s in self.conn.execute(
                "SELECT rowid, pub_date, coalesce(source, '') FROM documents")})
            _META_CACHE[where] = cached
        return cached[1]

    def _facets(self, cond: str, args: list[Any], top: int, match: Any = None) -> tuple[int, dict[str, Any]]:
        """(total, facets) of the documents meeting ``cond``: the matches are read once (rowid, day, source);
        sources and days count them all; entities and event types count all of them, or the newest
        ``FACET_DOCS`` of a very broad match (said in ``entities_over``), so that a one-word query over a big
        corpus stays fast."""
        ph = self._PH
        rowids = self._match_rowids(match) if match is not None else None
        if rowids is not None:
            meta = self._doc_meta()
            matches = [(r, *meta[r]) for r in rowids if r in meta]
        else:
            matches = self.conn.execute(
                f"SELECT d.rowid, d.pub_date, coalesce(d.source, '') FROM documents d WHERE {cond}", args).fetchall()
        sources = Counter(r[2] for r in matches)
        days = Counter(r[1] for r in matches if r[1])
        newest = sorted(matches, key=lambda r: (r[1] or "", r[0]), reverse=True)[:FACET_DOCS]
        in_docs = ", ".join(str(int(r[0])) for r in newest) or "NULL"  # rowids from the store: integers
        events = [{"event": r[0], "documents": int(r[1])} for r in self.conn.execute(
            f"SELECT ev.event, count(DISTINCT ev.doc) FROM events ev WHERE ev.doc IN ({in_docs})"
            f" GROUP BY ev.event ORDER BY {self._COUNT_ORDER}")]
        nt_sql, nt_args = not_top_sql(ph)
        entities = self._top_entities(f"e.doc IN ({in_docs})", [], nt_sql, nt_args, top)
        return len(matches), {
            "sources": [{"source": k, "documents": n} for k, n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))[:top]],
            "entities": entities, "events": events,
            "days": [{"day": k, "documents": n} for k, n in sorted(days.items())],
            "entities_over": len(newest),
        }

    def _top_entities(self, cond: str, args: list[Any], extra: str, extra_args: list[Any], top: int,
                      ) -> list[dict[str, Any]]:
        """The most frequent corpus entities (by documents) among entities rows ``e`` meeting ``cond``.
        Counted on the (doc, wikidata, name_key, type, sector) index alone; names are read for the top only."""
        ph = self._PH
        rows = self.conn.execute(
            "SELECT coalesce(e.wikidata, e.name_key) AS k, count(DISTINCT e.doc) AS n, max(e.type)"
            f" FROM entities e WHERE {cond} AND {extra} AND coalesce(e.wikidata, e.name_key) <> ''"
            f" GROUP BY coalesce(e.wikidata, e.name_key) ORDER BY n DESC, k LIMIT {ph}",
            [*args, *extra_args, top]).fetchall()
        out = []
        for k, n, typ in rows:
            is_qid = bool(QID.match(k or ""))
            col = "wikidata" if is_qid else "name_key"
            name = self.conn.execute(
                f"SELECT max(canonical), max(canonical_ar) FROM (SELECT canonical, canonical_ar FROM entities"
                f" WHERE {col}={ph} LIMIT 50) x", (k,)).fetchone()
            out.append({"key": k, "wikidata": k if is_qid else None, "documents": int(n), "type": typ,
                        "name": name[0], "name_ar": name[1] or (None if is_qid else k)})
        return out
    def _doc_days(self) -> dict[int, tuple[str | None, str]]:
        """Publication day (and source) of every document by rowid: entity pages place thousands of rows in
        time without reading the (wide) document rows."""
        return self._doc_meta()

    def entity(self, key: str, *, limit: int = 20, related: int = 20) -> dict[str, Any] | None:
        """One entity across the corpus, by Wikidata id or store key (the normalised name of an entity without
        one): names, type and codes; its mentions, the quotes it said, the events it is actor or recipient
        of (newest first, ``limit`` of each, with totals); a timeline per publication day; co-occurring
        entities. None when no document has it.

        Counts and the timeline cover every document; related entities are counted over its
        ``RECENT_DOCS`` most recent documents, names and spellings over its ``FORM_DOCS`` most recent, so
        that the page stays fast for the most frequent entities."""
        ph = self._PH
        limit = max(0, limit)
        pairs, pargs = entity_key_sql(ph, key)
        per_doc: Counter[int] = Counter()
        for doc, n in self.conn.execute(f"SELECT doc, n_mentions FROM ({entity_key_sql(ph, key, 'doc, n_mentions')[0]}) x",
                                        pargs):
            per_doc[int(doc)] += int(n)
        if not per_doc:
            return None
        meta = self._doc_days()
        day_of = lambda doc: (meta.get(doc) or (None, ""))[0]  # noqa: E731
        newest = lambda doc: (day_of(doc) or "", doc)  # noqa: E731 - newest first when reversed
        docs = sorted(per_doc, key=newest, reverse=True)
        recent = docs[:RECENT_DOCS]
        in_recent = ", ".join(str(d) for d in recent)  # rowids from the store: integers
        names = self.conn.execute(
            "SELECT e.type, e.canonical, e.canonical_ar, e.country, e.sector, e.wikidata, count(*) AS n"
            f" FROM entities e WHERE e.doc IN ({', '.join(str(d) for d in recent[:FORM_DOCS])}) AND (e.doc, e.ent_id) IN ({pairs})"
            " GROUP BY e.type, e.canonical, e.canonical_ar, e.country, e.sector, e.wikidata ORDER BY n DESC",
            pargs).fetchall()

        def common(i: int) -> Any:
            votes: Counter[Any] = Counter()
            for r in names:
                if r[i]:
                    votes[r[i]] += int(r[6])
            return votes.most_common(1)[0][0] if votes else None

        info = {"key": key, "wikidata": common(5), "type": common(0), "name": common(1), "name_ar": common(2),
                "country": common(3), "sector": common(4),
                "names_ar": list(dict.fromkeys(r[2] for r in names if r[2]))[:5]}
        shown = docs[:limit]
        titles = {r[0]: r[1:] for r in self.conn.execute(
            "SELECT rowid, id, title, source, published FROM documents"
            f" WHERE rowid IN ({', '.join(str(d) for d in shown) or 'NULL'})")}
        mentions_list = [{"doc": titles[d][0], "title": titles[d][1], "source": titles[d][2], "published": titles[d][3],
                          "mentions": per_doc[d]} for d in shown]
        # Surface forms: how the corpus writes the name (in its most recent documents).
        forms = [{"text": t, "count": int(n)} for t, n in self.conn.execute(
            f"SELECT m.text, count(*) AS n FROM ({pairs}) p JOIN mentions m ON m.doc=p.doc AND m.ent_id=p.ent_id"
            f" WHERE p.doc IN ({', '.join(str(d) for d in recent[:FORM_DOCS])}) AND m.coref=0"
            f" GROUP BY m.text ORDER BY n DESC, m.text LIMIT {ph}", [*pargs, 10])]
        # Quotes: per document (for counts and the timeline), then the newest ones in full.
        q_docs: Counter[int] = Counter()
        for doc, n in self.conn.execute(
                f"SELECT q.doc, count(*) FROM quotes q WHERE (q.doc, q.speaker) IN ({pairs}) GROUP BY q.doc", pargs):
            q_docs[int(doc)] += int(n)
        q_show: list[int] = []
        for d in sorted(q_docs, key=newest, reverse=True):
            if len(q_show) >= limit:
                break
            q_show.append(d)
        quotes = self.conn.execute(
            "SELECT d.id, d.published, q.type, q.speaker, coalesce(e.canonical_ar, e.canonical), e.wikidata,"
            ' q.cue_text, q.start, q."end", q.text, d.pub_date FROM quotes q JOIN documents d ON d.rowid=q.doc'
            " JOIN entities e ON e.doc=q.doc AND e.ent_id=q.speaker"
            f" WHERE q.doc IN ({', '.join(str(d) for d in q_show) or 'NULL'}) AND (q.doc, q.speaker) IN ({pairs})"
            f" ORDER BY d.pub_date DESC{self._NULLS_LAST}, d.rowid DESC, q.n LIMIT {ph}", [*pargs, limit]).fetchall()
        # Events: every (event, role) of the entity, placed in time by its article; the newest listed in full.
        ev_keys: dict[str, set[tuple[int, int]]] = {"actor": set(), "recipient": set()}
        for role, doc, n in self.conn.execute(
                f"SELECT a.role, a.doc, a.n FROM event_args a WHERE (a.doc, a.ent_id) IN ({pairs})", pargs):
            if role in ev_keys:
                ev_keys[role].add((int(doc), int(n)))
        events: dict[str, list[dict[str, Any]]] = {}
        for role, keys in ev_keys.items():
            top = sorted(keys, key=lambda k: (day_of(k[0]) or "", -k[0], -k[1]), reverse=True)[:limit]
            rows = []
            for doc, n in top:
                r = self.conn.execute(
                    "SELECT ev.doc, ev.n, d.id, ev.event, coalesce(ev.date, d.pub_date), ev.location, ev.factuality,"
                    " ev.cameo, ev.mode, ev.context, ev.evidence FROM events ev JOIN documents d ON d.rowid=ev.doc"
                    f" WHERE ev.doc={ph} AND ev.n={ph}", (doc, n)).fetchone()
                if r:
                    rows.append(self._event_with_args(r))
            events[role] = rows
        timeline: dict[str, dict[str, int]] = {}
        empty = lambda: {"mentions": 0, "documents": 0, "quotes": 0, "events": 0}  # noqa: E731
        for doc, m in per_doc.items():
            if day := day_of(doc):
                t = timeline.setdefault(day, empty())
                t["mentions"] += m
                t["documents"] += 1
        for doc, n in q_docs.items():
            if day := day_of(doc):
                timeline.setdefault(day, empty())["quotes"] += n
        for doc, _n in ev_keys["actor"] | ev_keys["recipient"]:
            if day := day_of(doc):
                timeline.setdefault(day, empty())["events"] += 1
        nt_sql, nt_args = not_top_sql(ph)
        me_sql, me_args = ("e.wikidata <> " + ph, [key]) if QID.match(key) else (
            "coalesce(e.wikidata, e.name_key) <> " + ph, [match_form(key)])
        rel = self._top_entities(f"e.doc IN ({in_recent}) AND {me_sql}", me_args, nt_sql, nt_args,
                                 max(0, related)) if related else []
        return {
            "entity": info,
            "counts": {"documents": len(per_doc), "mentions": sum(per_doc.values()), "quotes": sum(q_docs.values()),
                       "events_as_actor": len(ev_keys["actor"]), "events_as_recipient": len(ev_keys["recipient"])},
            "forms": forms,
            "mentions": mentions_list,
            "quotes": [dict(zip(QUOTE_KEYS, r[:10], strict=True)) for r in quotes],
            "events": events,
            "timeline": [{"day": k, **v} for k, v in sorted(timeline.items())],
            "related": rel,
        }

    def _event_with_args(self, r: tuple[Any, ...]) -> dict[str, Any]:
        args_rows = self.conn.execute(
            "SELECT a.role, coalesce(e.canonical_ar, e.canonical, a.ent_id), e.country, e.sector, e.wikidata"
            " FROM event_args a LEFT JOIN entities e ON e.doc=a.doc AND e.ent_id=a.ent_id"
            f" WHERE a.doc={self._PH} AND a.n={self._PH} ORDER BY {self._ARG_ORDER}", (r[0], r[1])).fetchall()
        return event_dict(r, args_rows)

    # -- stories -------------------------------------------------------------------------------------
    def story_inputs(self) -> Iterator[tuple[str, str | None, str | None, str, str, list[str]]]:
        """(id, day, source, title, text, entity keys) of every document, for story clustering."""
        nt_sql, nt_args = not_top_sql(self._PH)
        keys: dict[Any, list[str]] = {}
        for doc, key in self.conn.execute(
                f"SELECT DISTINCT e.doc, coalesce(e.wikidata, e.name_key) FROM entities e WHERE {nt_sql}", nt_args):
            if key:
                keys.setdefault(doc, []).append(key)
        for rowid, doc_id, day, source, title, text in self.conn.execute(
                "SELECT rowid, id, pub_date, source, coalesce(title, ''), coalesce(text, '') FROM documents"
                " ORDER BY rowid"):
            yield doc_id, day, source, title, text, sorted(keys.get(rowid, []))

    def set_stories(self, stories: Iterable[Any]) -> int:
        """Replace the stored stories with these (objects with members, scores, first, last, outlets,
        entities — ``khabar.extract.stories.Story``); returns how many were stored."""
        ph = self._PH
        ids = {r[1]: r[0] for r in self.conn.execute("SELECT rowid, id FROM documents")}
        n = 0
        with self.transaction():
            self.conn.execute("DELETE FROM story_docs")
            self.conn.execute("DELETE FROM stories")
            for k, st in enumerate(stories, 1):
                rowids = [ids[m] for m in st.members if m in ids]
                if len(rowids) < 2:
                    continue
                title = self.conn.execute(f"SELECT title FROM documents WHERE rowid={ph}", (rowids[0],)).fetchone()[0]
                self.conn.execute(
                    "INSERT INTO stories(id, title, first, last, documents, outlets, entities)"
                    f" VALUES({ph},{ph},{ph},{ph},{ph},{ph},{ph})",
                    (k, title, st.first, st.last, len(rowids), st.outlets, json.dumps(st.entities, ensure_ascii=False)))
                self.conn.cursor().executemany(f"INSERT INTO story_docs(doc, story, score) VALUES({ph},{ph},{ph})",
                                      [(r, k, sc) for r, sc in zip(rowids, st.scores, strict=False)])
                n += 1
        return n

    def stories(self, *, limit: int = 20, offset: int = 0, min_outlets: int = 1, date_from: str | None = None,
                date_to: str | None = None, members: int = 5) -> dict[str, Any]:
        """Stored stories, most outlets first (then most articles, newest): ``{"total", "stories"}``, each
        with its first ``members`` articles."""
        ph = self._PH
        where = [f"s.outlets >= {ph}"]
        args: list[Any] = [min_outlets]
        _date_range(where, args, "s.first", ph, date_from, date_to)
        cond = " AND ".join(where)
        total = int(self.conn.execute(f"SELECT count(*) FROM stories s WHERE {cond}", args).fetchone()[0])
        rows = self.conn.execute(
            f"SELECT s.id, s.title, s.first, s.last, s.documents, s.outlets, s.entities FROM stories s WHERE {cond}"
            f" ORDER BY s.outlets DESC, s.documents DESC, s.first DESC, s.id LIMIT {ph} OFFSET {ph}",
            [*args, max(0, limit), max(0, offset)]).fetchall()
        return {"total": total, "stories": [self._story_dict(r, members) for r in rows]}

    def story(self, story_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, s.documents, s.outlets, s.entities FROM stories s"
            f" WHERE s.id={self._PH}", (story_id,)).fetchone()
        return self._story_dict(row, 1000) if row else None

    def _story_dict(self, r: tuple[Any, ...], members: int) -> dict[str, Any]:
        docs = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.published, sd.score FROM story_docs sd JOIN documents d"
            f" ON d.rowid=sd.doc WHERE sd.story={self._PH} ORDER BY d.pub_date, d.published, d.rowid LIMIT {self._PH}",
            (r[0], max(0, members))).fetchall()
        return {"id": int(r[0]), "title": r[1], "first": r[2], "last": r[3], "documents": int(r[4]),
                "outlets": int(r[5]), "entities": json.loads(r[6] or "[]"),
                "members": [{"id": d[0], "title": d[1], "source": d[2], "published": d[3],
                             "score": None if d[4] is None else round(float(d[4]), 3)} for d in docs]}

    def story_of(self, doc_id: str) -> dict[str, Any] | None:
        """``{"id", "documents", "outlets"}`` of the story a document belongs to, None if it has none."""
        row = self.conn.execute(
            "SELECT s.id, s.documents, s.outlets FROM story_docs sd JOIN documents d ON d.rowid=sd.doc"
            f" JOIN stories s ON s.id=sd.story WHERE d.id={self._PH}", (self._clean_arg(doc_id),)).fetchone()
        return {"id": int(row[0]), "documents": int(row[1]), "outlets": int(row[2])} if row else None

    def _docs(self, name: str) -> tuple[str, list[Any]]:
        """SQL selecting the documents a name stands for."""
        sql, args = self._pairs(name)
        return f"SELECT doc FROM ({sql})", args

    def quotes(self, speaker: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Stored quotes (newest documents first), optionally of one speaker (name, QID or mention)."""
        where = self._TRUE
        args: list[Any] = []
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

    def _event_where(self, event: str | None, actor: str | None, date_from: str | None,
                     date_to: str | None, after_publication: bool = False) -> tuple[list[str], list[Any]]:
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
        return where, [self._clean_arg(a) for a in args]

    def events(
        self, event: str | None = None, actor: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 20, after_publication: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events with their actors and recipients resolved to names, filtered by type/actor/date
        (the event's date, else its article's), newest articles first; ``after_publication``: only asserted
        events dated after their article's publication (a dating error)."""
        p = self._PH
        where, args = self._event_where(event, actor, date_from, date_to, after_publication)
        # Ordered by the article's date: an event date resolved wrongly into the future must not come first.
        rows = self.conn.execute(
            "SELECT ev.doc, ev.n, d.id, ev.event, coalesce(ev.date, d.pub_date), ev.location, ev.factuality, ev.cameo,"
            " ev.mode, ev.context, ev.evidence FROM events ev JOIN documents d ON d.rowid=ev.doc"
            f" WHERE {' AND '.join(where) or self._TRUE}"
            f" ORDER BY d.pub_date DESC{self._NULLS_LAST}, ev.doc, ev.n LIMIT {p}",
            [*args, max(0, limit)]).fetchall()
        return [self._event_with_args(r) for r in rows]

    def event_summary(self, event: str | None = None, actor: str | None = None, date_from: str | None = None,
                      date_to: str | None = None) -> dict[str, Any]:
        """Counts of the events ``events()`` would list (all of them): ``total``, per publication day of
        their article (``days``), per PLOVER type (``types``) and per actor country (``countries``, ISO 3166
        alpha-3, an event counted once per country)."""
        where, args = self._event_where(event, actor, date_from, date_to)
        cond = " AND ".join(where) or self._TRUE
        base = f"FROM events ev JOIN documents d ON d.rowid=ev.doc WHERE {cond}"
        total = int(self.conn.execute(f"SELECT count(*) {base}", args).fetchone()[0])
        days = [{"day": r[0], "events": int(r[1])} for r in self.conn.execute(
            f"SELECT d.pub_date, count(*) {base} AND d.pub_date IS NOT NULL GROUP BY d.pub_date ORDER BY d.pub_date",
            args)]
        types = {r[0]: int(r[1]) for r in self.conn.execute(
            f"SELECT ev.event, count(*) {base} GROUP BY ev.event ORDER BY {self._COUNT_ORDER}", args)}
        countries = {r[0]: int(r[1]) for r in self.conn.execute(
            "SELECT x.country, count(*) FROM (SELECT DISTINCT ev.doc, ev.n, e.country"
            " FROM events ev JOIN documents d ON d.rowid=ev.doc"
            " JOIN event_args a ON a.doc=ev.doc AND a.n=ev.n AND a.role='actor'"
            f" JOIN entities e ON e.doc=a.doc AND e.ent_id=a.ent_id WHERE {cond} AND e.country IS NOT NULL) x"
            f" GROUP BY x.country ORDER BY {self._COUNT_ORDER}", args)}
        return {"total": total, "days": days, "types": types, "countries": countries}

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
            nt_sql, nt_args = not_top_sql(self._PH)
            out["top_entities"] = [
                {"name": e["name"] or e["name_ar"], "type": e["type"], "wikidata": e["wikidata"], "documents": e["documents"]}
                for e in self._top_entities(self._TRUE, [], nt_sql, nt_args, top)
            ]
            out["top_speakers"] = [
                {"name": r[0], "wikidata": r[1], "quotes": int(r[2])}
                for r in self.conn.execute(self._TOP_SPEAKERS.replace("{not_top}", nt_sql), (*nt_args, top))
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
