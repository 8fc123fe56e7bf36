"""The HTTP API (FastAPI) over a khabar store, and the web page it serves.

``create_app(db)`` builds the app; ``khabar serve`` runs it with uvicorn. The API is read-only: every store
connection it opens is put in read-only mode (SQLite ``query_only``, PostgreSQL read-only transactions),
and there is no ingest endpoint — ingest with ``khabar ingest``. ``POST /api/analyze`` analyses a text and
returns its khabar/1 document without storing it.

Store connections are per thread (SQLite connections may not cross threads; FastAPI runs the sync
endpoints in a thread pool), opened on first use and closed when the app shuts down.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from functools import lru_cache
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar import __version__
from khabar.resources import package_file

DEFAULT_MAX_BODY = 2_000_000  # bytes of a POST /api/analyze request
MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most this many results (≤ {MAX_LIMIT}).")]
WEB_DIR = package_file("web")
# The page loads nothing from elsewhere: everything is served by this app ('self').
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class KhabarJSON(JSONResponse):
    """JSON as UTF-8 with Arabic kept readable; an unpaired surrogate (one code point) becomes '?' so that
    offsets stay valid and a stray surrogate in a stored text can never turn a reply into a 500."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8", "replace")


class AnalyzeRequest(BaseModel):
    """Text to analyse (nothing is stored)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text, as is; offsets in the reply index into it (code points).")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD, anchors relative dates.")
    id: str | None = Field(None, max_length=200, description="Document id (default: derived from the text).")


class StoreUnavailable(Exception):
    pass


class _Stores:
    """One read-only store connection per thread, all closed at shutdown."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.local = threading.local()
        self.opened: list[Any] = []
        self.lock = threading.Lock()
        self.error: str | None = None
        self.failure: str | None = None  # the last store request that failed because of the store itself
        is_url = "://" in target
        if not is_url and target != ":memory:" and not FilePath(target).expanduser().exists():
            self.error = f"no store at {target}; run `khabar ingest PATH --db {target}` first"

    def get(self) -> Any:
        if self.error:
            raise StoreUnavailable(self.error)
        store = getattr(self.local, "store", None)
        if store is None:
            from khabar.store import open_store

            try:
                store = open_store(self.target, read_only=True)
            except Exception as err:  # not a database, newer schema, server down…
                raise StoreUnavailable(f"cannot open store: {type(err).__name__}: {err}") from None
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    def probe(self) -> str | None:
        """Why store requests fail now, or None: opens the store and runs a cheap query; a damage seen
        by an earlier request stays reported (for PostgreSQL, until a store request succeeds again)."""
        store = None
        try:
            store = self.get()
            store.conn.execute("SELECT count(*) FROM meta").fetchone()
        except StoreUnavailable as err:
            return str(err)
        except Exception as err:
            if getattr(store, "backend", "") != "sqlite":
                self.local.store = None
            return store_failure(err) or f"store unavailable: {type(err).__name__}"
        return self.failure

    def close(self) -> None:
        with self.lock:
            stores, self.opened = self.opened, []
        for store in stores:
            try:
                store.close()
            except Exception:  # noqa: S110 - a connection owned by another (finished) thread; the process ends anyway
                pass


def store_failure(err: BaseException) -> str | None:
    """A message when ``err`` says the store itself is unusable (damaged file, lost server), else None."""
    mod = type(err).__module__ or ""
    if not mod.startswith(("sqlite3", "psycopg")):
        return None
    if mod.startswith("psycopg") and not isinstance(err, _psycopg_operational()):
        return None
    first = (str(err).strip().splitlines() or [type(err).__name__])[0]
    return f"store unavailable: {type(err).__name__}: {first}"


def _psycopg_operational() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.OperationalError,)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether announced (Content-Length) or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                too_big = False
            if too_big:
                await _too_large(self.limit)(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    # Raised inside the endpoint's body read: FastAPI passes HTTPException through.
                    raise HTTPException(413, _too_large_message(self.limit))
            return msg

        await self.app(scope, counted, send)


def _too_large_message(limit: int) -> str:
    return f"request body too large: at most {limit:,} bytes"


def _too_large(limit: int) -> Response:
    return KhabarJSON({"detail": _too_large_message(limit)}, status_code=413)


def _date(value: str | None, name: str) -> str | None:
    from khabar.ingest.run import check_date

    try:
        return check_date(value)
    except ValueError as err:
        raise HTTPException(422, f"{name}: {err}") from None


_MARK = re.compile(r"\[([^\[\]\n]{1,200})\]")


def snippet_parts(snippet: str, query: str) -> list[dict[str, Any]]:
    """The store's snippet split into plain and marked parts. The store brackets the matched word; a
    bracketed stretch counts as the mark only when it holds a query word (or stem), so brackets of the
    original text are shown as they are."""
    from khabar.store.keys import stems, words

    qwords = set(words(query))
    if qwords:
        for m in _MARK.finditer(snippet):
            ws = words(m.group(1))
            if any(w in qwords or qwords & set(stems(w)) for w in ws):
                parts = [{"text": snippet[:m.start()], "mark": False}, {"text": m.group(1), "mark": True},
                         {"text": snippet[m.end():], "mark": False}]
                return [p for p in parts if p["text"]]
    return [{"text": snippet, "mark": False}] if snippet else []


# Host names a browser may send to a server on this machine; any other name must be allowed explicitly:
# without this check, a page on another origin could read the store through DNS rebinding. create_app's
# default adds "testserver", the name Starlette's test client sends; `khabar serve` does not.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
DEFAULT_ALLOWED_HOSTS = (*LOOPBACK_HOSTS, "testserver")


@lru_cache(maxsize=1)
def plover_labels() -> dict[str, dict[str, str]]:
    """PLOVER types → {"ar", "en"} (``data/events/plover_labels.json``)."""
    from importlib import resources

    raw = json.loads(resources.files("khabar.data").joinpath("events/plover_labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def warm_up() -> None:
    """Load every analysis model now (one short text through the full pipeline) rather than on first use."""
    from khabar.pipeline import default_pipeline

    default_pipeline()("قال الرئيس الروسي فلاديمير بوتين في موسكو يوم الأحد إن المحادثات ستستمر.", published="2021-12-12")


def create_app(db: str | None = None, *, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: list[str] | tuple[str, ...] = DEFAULT_ALLOWED_HOSTS, warm: bool = False) -> FastAPI:
    """The khabar web app over the store at ``db`` (path or postgresql:// URL; default: the user's store).
    Requests whose Host header names none of ``allowed_hosts`` get 400 (``"*"`` allows any). ``warm``: load
    the analysis models at start-up (``khabar serve`` does), so the first /api/analyze is fast."""
    from khabar.store import default_db_path

    target = db or str(default_db_path())
    stores = _Stores(target)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            warm_up()
        yield
        stores.close()

    app = FastAPI(
        title="khabar",
        version=__version__,
        description="Arabic news turned into structured, searchable facts. Read-only access to a khabar store; "
                    "every offset is a code-point index into the untouched original text.",
        default_response_class=KhabarJSON,
        lifespan=lifespan,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN; khabar stays offline, so /docs is
        # its own page (web/docs.html) that renders /openapi.json with packaged assets only.
        docs_url=None,
        redoc_url=None,
    )
    app.state.stores = stores
    app.add_middleware(BodyLimit, limit=max_body)
    # Starlette compares the Host header's name with brackets kept around IPv6 literals ([::1]).
    app.add_middleware(TrustedHostMiddleware, www_redirect=False,
                       allowed_hosts=[f"[{h}]" if ":" in h and not h.startswith("[") else h for h in allowed_hosts])

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    # -- errors: always JSON with a readable "detail", never a traceback -----------------------------
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        message = "; ".join("body: not valid JSON" if e["type"] == "json_invalid" else
                            f"{'.'.join(e['loc'][1:] or e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
        return KhabarJSON({"detail": message, "errors": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        return KhabarJSON({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreUnavailable)
    async def no_store(_: Request, exc: StoreUnavailable) -> Response:
        return KhabarJSON({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> Response:
        from khabar.models.files import ModelFileError

        if isinstance(exc, ModelFileError):  # the server's installation, not the request: say which file
            return KhabarJSON({"detail": str(exc)}, status_code=503)
        failure = store_failure(exc)
        if failure:  # a damaged store or a lost server: 503, and /api/health says so too
            import sqlite3

            # A damaged file stays damaged; a busy one (sqlite3.OperationalError: locked, I/O) may pass.
            if not isinstance(exc, sqlite3.OperationalError):
                stores.failure = failure
            return KhabarJSON({"detail": failure}, status_code=503)
        return KhabarJSON({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)

    @contextmanager
    def store() -> Iterator[Any]:
        st = stores.get()
        try:
            yield st
        except Exception as err:
            if getattr(st, "backend", "") != "sqlite":  # a broken PostgreSQL connection: reopen next time
                stores.local.store = None
            raise err
        if getattr(st, "backend", "") != "sqlite":  # a server that came back (a damaged file stays damaged)
            stores.failure = None

    # -- the page ------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def page() -> Response:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon; an answer keeps the browser console free of 404s

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> Response:
        return FileResponse(WEB_DIR / "docs.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    # -- the API -------------------------------------------------------------------------------------
    @app.get("/api/search", tags=["store"],
             summary="Search documents by text, entity, event, actor, speaker, date; paged, sorted, with facets")
    def search(
        q: Annotated[str, Query(max_length=1000, description="Words to find (all required); spelling variants and clitics fold.")] = "",
        entity: Annotated[str | None, Query(max_length=200, description="Entity name or Wikidata QID.")] = None,
        event: Annotated[str | None, Query(max_length=50, description="PLOVER event type, e.g. CONSULT.")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="Event actor: ISO3 country, QID or name.")] = None,
        speaker: Annotated[str | None, Query(max_length=200, description="Quoted speaker: name or QID.")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="Published on or after YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="Published on or before YYYY-MM-DD.")] = None,
        source: Annotated[str | None, Query(max_length=200, description="Source as stored in meta.source.")] = None,
        offset: Annotated[int, Query(ge=0, le=100_000, description="Skip this many results (paging).")] = 0,
        limit: Limit = 20,
        sort: Annotated[Literal["relevance", "date"], Query(description="relevance (BM25) or date (newest first).")] = "relevance",
        facets: Annotated[bool, Query(description="Count sources, top entities, event types and documents per day over all matches.")] = True,
    ) -> Response:
        """Ranked documents (BM25) with a snippet around the first match; an empty query with no filter lists
        the newest documents. ``total`` counts all matches; ``facets`` count documents: sources and days over
        all matches, top entities (media outlets and currencies left out) and event types over all of them or,
        for a broader match, its newest 1,000 (``entities_over`` says how many). A query word that is a name in the
        knowledge base also matches the name's other spellings (ترمب finds ترامب). ``snippet_parts`` marks
        the matched word for display."""
        _date(date_from, "from")
        _date(date_to, "to")
        filters = {"entity": entity or None, "event": event or None, "actor": actor or None,
                   "speaker": speaker or None, "date_from": date_from or None, "date_to": date_to or None,
                   "source": source or None}
        with store() as st:
            page = st.search_page(q, offset=offset, limit=limit, sort=sort, facets=facets, **filters)
            current = getattr(st, "index_is_current", True)  # PostgreSQL indexes in the database itself
        out = []
        for h in page["hits"]:
            d = h.to_dict()
            d["snippet_parts"] = snippet_parts(h.snippet, page["words"])
            out.append(d)
        # A response object, not a dict: FastAPI would walk the whole reply through jsonable_encoder first.
        return KhabarJSON({"query": q, "filters": {k: v for k, v in filters.items() if v}, "total": page["total"],
                "offset": offset, "limit": limit, "sort": sort, "count": len(out), "hits": out,
                "facets": page["facets"], "index_current": current})

    @app.get("/api/entities/{key:path}", tags=["store"], summary="One entity across the corpus (Wikidata id or store key)")
    def entity(
        key: str,
        limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Mentions, quotes and events of each role listed.")] = 20,
        related: Annotated[int, Query(ge=0, le=100, description="Co-occurring entities listed.")] = 20,
    ) -> Response:
        """Names (Arabic, English), type, Wikidata id and actor codes; the documents that mention it; the quotes
        it said; the events where it is actor or recipient; a timeline per publication day (mentions,
        documents, quotes, events); the entities it appears with most. ``key``: a Wikidata id (Q22686) or, for
        an entity without one, the ``key`` the facets and related lists give."""
        if len(key) > 200:
            raise HTTPException(422, "key: at most 200 characters")
        with store() as st:
            data = st.entity(key.strip(), limit=limit, related=related)
        if data is None:
            raise HTTPException(404, f"no entity {key!r} in the store")
        return KhabarJSON(data)

    @app.get("/api/stories", tags=["store"], summary="Story clusters: one story across outlets (khabar stories)")
    def stories(
        offset: Annotated[int, Query(ge=0, le=100_000, description="Skip this many stories (paging).")] = 0,
        limit: Limit = 20,
        min_outlets: Annotated[int, Query(ge=1, le=100, description="Only stories carried by at least this many outlets.")] = 2,
        date_from: Annotated[str | None, Query(alias="from", description="First article on or after YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="First article on or before YYYY-MM-DD.")] = None,
        members: Annotated[int, Query(ge=0, le=50, description="Articles listed per story.")] = 5,
    ) -> dict[str, Any]:
        """Stories computed by ``khabar stories`` (most outlets first), each with its outlets, articles and
        shared entities. Empty until ``khabar stories --db …`` has run on the store."""
        _date(date_from, "from")
        _date(date_to, "to")
        with store() as st:
            return st.stories(limit=limit, offset=offset, min_outlets=min_outlets, date_from=date_from or None,
                              date_to=date_to or None, members=members)

    @app.get("/api/stories/{story_id}", tags=["store"], summary="One story with all its articles")
    def story(story_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        with store() as st:
            data = st.story(story_id)
        if data is None:
            raise HTTPException(404, f"no story {story_id}")
        return data

    @app.get("/api/documents/{doc_id:path}", tags=["store"], summary="One stored document (khabar/1 JSON)")
    def document(
        doc_id: str,
        tokens: Annotated[bool, Query(description="Include the token layer (the largest one).")] = True,
    ) -> dict[str, Any]:
        with store() as st:
            doc = st.get(doc_id)
            story = st.story_of(doc_id) if doc is not None else None
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        if not tokens:
            doc.tokens = []
        out = doc.to_dict()
        out["story"] = story  # {"id", "documents", "outlets"} of its story cluster, or null
        return out

    @app.get("/api/quotes", tags=["store"], summary="Stored quotes, optionally of one speaker")
    def quotes(
        speaker: Annotated[str | None, Query(max_length=200, description="Speaker name or QID.")] = None,
        limit: Limit = 20,
    ) -> dict[str, Any]:
        with store() as st:
            rows = st.quotes(speaker=speaker or None, limit=limit)
        return {"count": len(rows), "quotes": rows}

    @app.get("/api/events", tags=["store"], summary="Stored PLOVER events by type, actor and date")
    def events(
        event: Annotated[str | None, Query(max_length=50, description="PLOVER event type.")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="Actor: ISO3 country, QID or name.")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="Event (or article) date ≥ YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="Event (or article) date ≤ YYYY-MM-DD.")] = None,
        limit: Limit = 20,
    ) -> dict[str, Any]:
        _date(date_from, "from")
        _date(date_to, "to")
        with store() as st:
            rows = st.events(event=event or None, actor=actor or None, date_from=date_from or None,
                             date_to=date_to or None, limit=limit)
        return {"count": len(rows), "events": rows}

    @app.get("/api/events/summary", tags=["store"], summary="Counts of the matching events per day, type and actor country")
    def events_summary(
        event: Annotated[str | None, Query(max_length=50, description="PLOVER event type.")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="Actor: ISO3 country, QID or name.")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="Event (or article) date ≥ YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="Event (or article) date ≤ YYYY-MM-DD.")] = None,
    ) -> dict[str, Any]:
        """All events matching the filters of /api/events, counted: per publication day of their article,
        per PLOVER type, per actor country (ISO 3166 alpha-3) — the events view's timeline and world map."""
        _date(date_from, "from")
        _date(date_to, "to")
        with store() as st:
            return st.event_summary(event=event or None, actor=actor or None, date_from=date_from or None,
                                    date_to=date_to or None)

    @app.get("/api/labels", tags=["meta"], summary="Display labels: PLOVER event types in Arabic and English")
    def labels() -> dict[str, Any]:
        return {"plover": plover_labels()}

    @app.get("/api/stats", tags=["store"], summary="Counts, top entities and speakers, events by type and month")
    def stats(top: Annotated[int, Query(ge=0, le=100, description="How many top entities/speakers.")] = 10) -> dict[str, Any]:
        with store() as st:
            data = st.stats(top=top)
        data.pop("path", None)  # a server detail, not the client's business
        return data

    @app.post("/api/analyze", tags=["analysis"], summary="Analyse a text (nothing is stored)",
              responses={413: {"description": "Body too large"}, 422: {"description": "Invalid text or date"}})
    def analyze(
        req: AnalyzeRequest,
        tokens: Annotated[bool, Query(description="Include the token layer (the largest one).")] = True,
    ) -> dict[str, Any]:
        """Run the full pipeline on ``text`` and return the khabar/1 document. The body may be at most
        the server's limit (2 MB by default); analysis takes roughly 30 KB of text a second."""
        _date(req.published, "published")
        if any("\ud800" <= c <= "\udfff" for c in req.text):
            raise HTTPException(422, "text: contains unpaired UTF-16 surrogates")
        from khabar.pipeline import default_pipeline

        # no lock: concurrent calls each get their own stage objects (khabar.pipeline.Pipeline.run)
        doc = default_pipeline()(req.text, published=req.published, doc_id=req.id or None)
        if not tokens:
            doc.tokens = []
        return doc.to_dict()

    @app.get("/api/health", tags=["meta"], summary="Liveness and store availability")
    def health() -> Response:
        """200 when the store answers, 503 (with ``store_error``) when store requests would fail: no store,
        a file that cannot be opened, or a store request that failed because the store is damaged or gone."""
        problem = stores.probe()
        body: dict[str, Any] = {"ok": problem is None, "version": __version__, "store": problem is None}
        if problem:
            body["store_error"] = problem
        return KhabarJSON(body, status_code=200 if problem is None else 503)

    return app
