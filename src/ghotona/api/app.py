"""The HTTP API and the web pages, as one FastAPI application.

``create_app(db)`` serves a store read-only: every request that is not a
GET (or HEAD/OPTIONS) is answered 405 with a JSON error, unless the app was
made with ``allow_writes=True`` (``ghotona serve --allow-writes``), which
adds ``POST /api/ingest``.  Every response carries a strict
Content-Security-Policy: scripts only from this server, no inline script,
so page text that slipped into markup still could not run.

SQLite connections may not cross threads, and FastAPI runs plain ``def``
endpoints in a thread pool: each worker thread opens its own store the
first time it needs one (readers do not block each other in WAL mode).
A read-only server marks those connections ``query_only`` and gives them
a memory map and a larger page cache (``[serve]`` in defaults.toml).
GET answers under /api/ are cached per URL until the store changes
(``cache.py``).
"""

from __future__ import annotations

import io
import json
import tempfile
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store.sqlite import SQLiteStore
from ..errors import GhotonaError, NotFound
from ..events.model import STATUSES
from ..store import open_store
from ..store.base import PERIODS, Store
from . import schemas as S
from .cache import CacheMiddleware, DataVersion, ResponseCache
from .corpus import Corpus, iso_day

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: No inline script or style, nothing from another origin, no plugins, no
#: framing: the page may only run /static/app.js.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

MAX_LIMIT = 500
#: The largest page body ``POST /api/ingest`` accepts, as ``input.max_bytes`` would.
MAX_INGEST_BYTES = 20 * 1024 * 1024

# Pages of the web interface: each is the same shell; app.js reads the path.
PAGES = ("/", "/timeline", "/stories", "/story/{story_id}", "/actors", "/actor/{actor_id}",
         "/article/{article_id}", "/search", "/claims")


def web_dir() -> Path:
    return Path(str(resources.files("ghotona").joinpath("web")))


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def _error(status: int, code: str, message: str) -> JSONResponse:
    body = S.ErrorResponse(error=S.ErrorBody(status=status, code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status)


def _json(payload: Any) -> Response:
    """The payload as JSON, without a second validation pass.

    The store already returns records of the documented shapes (the
    response models, which the OpenAPI document and the tests check);
    validating every nested event again cost most of a request's time under load.
    """
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
    return Response(body, media_type="application/json")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class Guard:
    """ASGI middleware: refuse writes on a read-only server; put the security headers on every answer.

    Plain ASGI rather than ``@app.middleware("http")``: that wrapper runs
    each response through extra tasks and streams, about a millisecond a
    request under load, which is most of a cached or simple answer.
    """

    def __init__(self, app: Any, *, allow_writes: bool) -> None:
        self.app = app
        self.allow_writes = allow_writes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        if method not in READ_METHODS and not (self.allow_writes and path == "/api/ingest"):
            msg = ("this server is read-only; restart it with `ghotona serve --allow-writes` to ingest pages"
                   if not self.allow_writes else f"{method} is not allowed on {path}")
            response = _error(405, "read-only" if not self.allow_writes else "method-not-allowed", msg)
            response.headers["Allow"] = "GET, HEAD"
            for k, v in SECURITY_HEADERS.items():
                response.headers.setdefault(k, v)
            await response(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        await self.app(scope, receive, with_headers)


def _summary(a: Any) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "outlet_id": a.outlet_id, "url": a.url,
        "published": _iso(a.published), "updated": _iso(a.updated), "page_date": _iso(a.page_date),
        "language": a.language, "desk": a.desk, "byline": a.byline, "wire_sources": list(a.wire_sources),
        "republished": a.republished,
    }


def create_app(db: str | None = None, *, allow_writes: bool = False, config: dict[str, Any] | None = None) -> FastAPI:
    """The API and web interface over the store at ``db`` (a path; None: the configured one).

    The store is opened once here, so a bad path fails at start-up with a
    clear ``StoreError`` rather than on the first request.
    """
    from .. import config as config_mod

    cfg = config if config is not None else config_mod.load()
    target = db or str(cfg["store"]["path"])
    open_store(target).close()  # create/migrate now; fail early on a bad path
    # A config dict made before [serve] existed still gets the shipped values.
    serve_cfg = {**config_mod._defaults()["serve"], **cfg.get("serve", {})}
    version = DataVersion(target)
    cache = ResponseCache(version, max_entries=int(serve_cfg["cache_entries"]),
                          max_bytes=int(serve_cfg["cache_mb"]) * 1024 * 1024)

    local = threading.local()
    opened: list[Store] = []
    lock = threading.Lock()

    def corpus() -> Corpus:
        c = getattr(local, "corpus", None)
        if c is None:
            store = open_store(target)
            if isinstance(store, SQLiteStore):
                conn = store.conn
                # Set once per thread, not per request.  query_only makes a
                # write from a read-only server fail in SQLite itself.
                if not allow_writes:
                    conn.execute("PRAGMA query_only = ON")
                conn.execute(f"PRAGMA mmap_size = {int(serve_cfg['mmap_mb']) * 1024 * 1024}")
                conn.execute(f"PRAGMA cache_size = {-int(serve_cfg['sqlite_cache_mb']) * 1024}")
            with lock:
                opened.append(store)
            c = local.corpus = Corpus(store)
        return c

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        version.close()
        with lock:  # the worker threads' connections, at shutdown
            for s in opened:
                try:
                    s.close()
                except Exception:  # a connection of another thread may refuse; the process ends anyway
                    pass

    app = FastAPI(
        lifespan=lifespan,
        title="ghotona",
        version=__version__,
        description="Bengali news as a sourced record of political events: articles, events, actors, claims, stories.",
        docs_url=None,  # Swagger UI loads scripts from a CDN; the page must stay offline
        redoc_url=None,
        openapi_url="/openapi.json",
        responses={400: {"model": S.ErrorResponse}, 404: {"model": S.ErrorResponse}},
    )
    app.state.allow_writes = allow_writes
    app.state.db = target
    app.state.response_cache = cache

    # -- errors and headers ---------------------------------------------

    app.add_middleware(Guard, allow_writes=allow_writes)
    # Added after ``Guard``, so it runs first: a cached answer skips the
    # routing, the thread pool and SQLite (its headers were set by ``Guard``).
    app.add_middleware(CacheMiddleware, cache=cache)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, "not-found", str(exc))

    @app.exception_handler(GhotonaError)
    async def _ghotona_error(request: Request, exc: GhotonaError) -> JSONResponse:
        return _error(400, "bad-request", str(exc))

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError) -> JSONResponse:
        return _error(400, "bad-request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _error(400, "bad-request", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is under /api/ (see /openapi.json)"
        return _error(exc.status_code, code, message)

    limit_q = Query(50, ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")
    offset_q = Query(0, ge=0, description="how many to skip")

    # -- meta ------------------------------------------------------------

    @app.get("/api/meta", tags=["meta"])
    def meta() -> dict[str, Any]:
        """What this server holds and can do: counts, event types, statuses, capabilities."""
        from ..events.ontology import load_ontology

        c = corpus()
        onto = load_ontology()
        return {
            "version": __version__,
            "allow_writes": allow_writes,
            "counts": {"articles": c.store.count_articles(), "events": c.store.count_events(),
                       "claims": c.store.count_claims()},
            "stories": c.has("stories"),
            "conflicts": c.has("conflicts"),
            "event_types": [{"name": t.name, "name_bn": t.name_bn, "quad": t.quad,
                             "modes": [m.name for m in t.modes]} for t in onto.types.values()],
            "statuses": list(STATUSES),
            "periods": list(PERIODS),
        }

    # -- articles --------------------------------------------------------

    @app.get("/api/articles", response_model=S.Page[S.ArticleSummary], tags=["articles"])
    def list_articles(limit: int = limit_q, offset: int = offset_q, outlet: str | None = None,
                      language: str | None = None,
                      order: str = Query("published", pattern="^(published|oldest|seen|title)$")) -> Any:
        """Articles, newest first (or ``order=oldest|seen|title``); filter by outlet (id or name) and language."""
        s = corpus().store
        if hasattr(s, "article_summaries"):  # from columns, without decoding every article
            items = s.article_summaries(limit=limit, offset=offset, outlet=outlet, language=language, order=order)
        else:
            items = [_summary(a) for a in s.list_articles(limit=limit, offset=offset, outlet=outlet,
                                                           language=language, order=order)]
        return _json({"total": s.count_articles(outlet=outlet, language=language), "limit": limit,
                "offset": offset, "items": items}
)
    @app.get("/api/articles/{article_id}", response_model=S.ArticleDetail, tags=["articles"])
    def get_article(article_id: str) -> Any:
        """One article (an id or a prefix of 6+ characters): clean text, sentences, removed lines, mentions."""
        s = corpus().store
        a = s.get_article(article_id)
        d = a.detail_json()
        d.update(_summary(a))
        d["actor_mentions"] = [m.to_json() for m in s.mentions(a.id)]
        d["history"] = [{**h, "stored_at": str(h.get("stored_at") or "") or None,
                         "replaced_at": str(h["replaced_at"]) if h.get("replaced_at") else None}
                        for h in s.history(a.id)]
        d["n_events"] = s.count_events(article_id=a.id)
        d["n_claims"] = s.count_claims(article_id=a.id)
        d.pop("dates_on_page", None)
        return _json(d)

    # -- events ----------------------------------------------------------

    def _event_filters(type: str | None, actor: str | None, status: str | None, since: str | None,
                       until: str | None, mode: str | None, outlet: str | None, story: str | None) -> dict[str, Any]:
        from ..events.ontology import load_ontology

        if type:
            canonical = load_ontology().canonical_type(type)
            if canonical is None:
                raise ApiError(400, "bad-request", f"{type!r} is not a PLOVER type; one of: "
                               + ", ".join(load_ontology().types))
            type = canonical
        if status and status not in STATUSES:
            raise ApiError(400, "bad-request", f"status {status!r} is not one of {', '.join(STATUSES)}")
        if story:
            raise ApiError(400, "bad-request", "filtering events by story needs a store with stories; "
                           "this one has none yet")
        return {"type": type, "actor_id": actor, "status": status, "since": since or None,
                "until": until or None, "mode": mode, "outlet": outlet}

    filter_doc = {
        "type": Query(None, description="PLOVER type: ASSAULT, CONSULT, ..."),
        "actor": Query(None, description="actor, recipient or location id (Q7747, gh:..., prov:...)"),
        "status": Query(None, description="occurred | planned | hypothetical | negated | historical"),
        "since": Query(None, description="first day (or month, year): 2025-07-01, 2025-07, 2025"),
        "until": Query(None, description="last day (or month, year), inclusive"),
        "mode": Query(None, description="the type's mode: visit, phone, aerial, ..."),
        "outlet": Query(None, description="reporting outlet, id or name"),
        "story": Query(None, description="story id (when the store has stories)"),
    }

    @app.get("/api/events", response_model=S.Page[S.Event], tags=["events"])
    def list_events(limit: int = limit_q, offset: int = offset_q, type: str | None = filter_doc["type"],
                    actor: str | None = filter_doc["actor"], status: str | None = filter_doc["status"],
                    since: str | None = filter_doc["since"], until: str | None = filter_doc["until"],
                    mode: str | None = filter_doc["mode"], outlet: str | None = filter_doc["outlet"],
                    story: str | None = filter_doc["story"], article: str | None = None) -> Any:
        """Stored events, newest date first, undated last; every filter is ANDed."""
        f = _event_filters(type, actor, status, since, until, mode, outlet, story)
        s = corpus().store
        if article:
            f["article_id"] = s.get_article(article).id
        return _json({"total": s.count_events(**f), "limit": limit, "offset": offset,
                "items": s.events(**f, limit=limit, offset=offset)}
)
    @app.get("/api/timeline", response_model=S.Timeline, tags=["events"])
    def timeline(period: str = Query("month", pattern="^(year|month|day)$"),
                 type: str | None = filter_doc["type"], actor: str | None = filter_doc["actor"],
                 status: str | None = filter_doc["status"], since: str | None = filter_doc["since"],
                 until: str | None = filter_doc["until"], mode: str | None = filter_doc["mode"],
                 outlet: str | None = filter_doc["outlet"]) -> Any:
        """How many dated events fall in each year, month or day: the timeline's bars."""
        f = _event_filters(type, actor, status, since, until, mode, outlet, None)
        rows = corpus().store.count_events_by_period(period, **f)
        return _json({"period": period, "total": sum(n for _, n in rows),
                "buckets": [{"period": p, "count": n} for p, n in rows]}
)
    @app.get("/api/claims", response_model=S.Page[S.Claim], tags=["claims"])
    def list_claims(limit: int = limit_q, offset: int = offset_q,
                    counted: str | None = Query(None, description="killed, injured, troops, tariff, ..."),
                    article: str | None = None) -> Any:
        """Stored figures with their outlet and claimant, newest article first."""
        s = corpus().store
        article_id = s.get_article(article).id if article else None
        return _json({"total": s.count_claims(article_id=article_id, counted=counted), "limit": limit,
                "offset": offset, "items": s.claims(article_id=article_id, counted=counted, limit=limit, offset=offset)})

    # -- actors ----------------------------------------------------------

    def _actor_summary(c: Corpus, a: Any) -> dict[str, Any]:
        return {"id": a.id, "type": a.type, "name_en": a.name_en, "name_bn": a.name_bn, "country": a.country,
                "in_dictionary": True}

    @app.get("/api/actors", response_model=S.Page[S.ActorSummary], tags=["actors"])
    def list_actors(q: str | None = Query(None, description="part of a name, English or Bengali"),
                    type: str | None = Query(None, pattern="^(person|organisation|country|place)$"),
                    limit: int = limit_q, offset: int = offset_q) -> Any:
        """Actors of the dictionary, by name."""
        c = corpus()
        found = c.find_actors(q, type)
        return _json({"total": len(found), "limit": limit, "offset": offset,
                "items": [_actor_summary(c, a) for a in found[offset:offset + limit]]}
)
    @app.get("/api/actors/{actor_id}", response_model=S.ActorDetail, tags=["actors"])
    def get_actor(actor_id: str, limit: int = Query(50, ge=1, le=MAX_LIMIT, description="events shown"),
                  offset: int = offset_q) -> Any:
        """An actor: roles over time, events, articles naming them, and who they interact with."""
        c = corpus()
        s = c.store
        a = c.actor(actor_id)
        n_events = s.count_events(actor_id=actor_id)
        n_articles = s.count_articles_with_actor(actor_id)
        if a is None:
            if not n_events and not n_articles:
                raise ApiError(404, "not-found", f"no actor {actor_id!r} in the dictionary or the store; "
                               "find ids with /api/actors?q=NAME")
            name_en, name_bn, kind = c.name_from_events(actor_id)
            out: dict[str, Any] = {"id": actor_id, "type": kind or "unknown", "name_en": name_en,
                                   "name_bn": name_bn, "in_dictionary": False}
        else:
            out = _actor_summary(c, a)
            out["aliases"] = list(a.aliases)
            out["aliases_en"] = list(a.aliases_en)
            roles = []
            for r in sorted(a.roles, key=lambda r: (r.start or date.min, r.role)):
                of = c.dictionary.get(r.of) or c.dictionary.country(r.of)
                roles.append({"role": r.role, "role_name": c.role_name(r.role), "of": r.of,
                              "of_name": of.name_en if of else None,
                              "start": iso_day(r.start), "end": iso_day(r.end)})
            out["roles"] = roles
        nodes, edges, read = c.network(actor_id, n_events)
        arts = s.articles_with_actor(actor_id, limit=50)
        out.update({
            "n_events": n_events, "n_articles": n_articles,
            "events": s.events(actor_id=actor_id, limit=limit, offset=offset),
            "articles": [{"id": x.id, "title": x.title, "outlet": x.outlet, "published": _iso(x.published),
                          "mentions": x.mentions} for x in arts],
            "nodes": nodes, "edges": edges, "network_events": read,
        })
        return _json(out)

    # -- search ----------------------------------------------------------

    @app.get("/api/search", response_model=S.Page[S.SearchHit], tags=["search"])
    def search(q: str = Query(..., min_length=1, description="words; each also matches as a prefix; \"quotes\" for exact"),
               limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = offset_q, outlet: str | None = None) -> Any:
        """Full-text search over titles and bodies, best match first, with the matched words marked."""
        s = corpus().store
        hits = s.search(q, limit=limit, offset=offset, outlet=outlet)
        return _json({"total": s.count_search(q, outlet=outlet), "limit": limit, "offset": offset,
                "items": [{"id": h.id, "title": h.title, "outlet": h.outlet, "published": _iso(h.published),
                           "snippet": h.plain(), "highlights": [list(x) for x in h.highlights()],
                           "rank": h.rank} for h in hits]})

    # -- stories and conflicts -------------------------------------------

    @app.get("/api/stories", response_model=S.StoryPage, tags=["stories"])
    def list_stories(limit: int = limit_q, offset: int = offset_q) -> Any:
        """Stories (related articles and events over days); ``available`` is false while the store has none."""
        available, total, rows = corpus().stories(limit, offset)
        return {"available": available, "total": total, "limit": limit, "offset": offset, "items": rows}

    @app.get("/api/stories/{story_id}", response_model=S.StoryOut, tags=["stories"])
    def get_story(story_id: str) -> Any:
        """One story: its articles by outlet, events with evidence, and conflicting figures."""
        available, story = corpus().story(story_id)
        if available and story is None:
            raise ApiError(404, "not-found", f"no story {story_id!r}; list them with /api/stories")
        return {"available": available, "story": story}

    @app.get("/api/conflicts", response_model=S.ConflictPage, tags=["stories"])
    def list_conflicts(limit: int = limit_q, offset: int = offset_q) -> Any:
        """Figures on which outlets disagree, set side by side; ``available`` false while the store has none."""
        available, total, rows = corpus().conflicts(limit, offset)
        return {"available": available, "total": total, "limit": limit, "offset": offset, "items": rows}

    # -- export ----------------------------------------------------------

    @app.get("/api/export", tags=["export"], response_class=Response,
             responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}, "application/vnd.apache.parquet": {}}}})
    def export_route(kind: str = Query("events", pattern="^(events|articles|claims|stories)$"),
                     format: str = Query("jsonl", pattern="^(jsonl|csv|parquet)$")) -> Any:
        """Every stored record of a kind as a file: the same code path as ``ghotona export``."""
        from ..export import MEDIA_TYPES, export

        # Written to a spooled file in this thread (the store's), then streamed.
        tmp = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        try:
            export(corpus().store, kind, format, tmp)
        except BaseException:
            tmp.close()
            raise
        tmp.seek(0)

        def chunks() -> Any:
            try:
                while block := tmp.read(64 * 1024):
                    yield block
            finally:
                tmp.close()

        headers = {"Content-Disposition": f'attachment; filename="ghotona-{kind}.{format}"'}
        return StreamingResponse(chunks(), media_type=MEDIA_TYPES[format], headers=headers)

    # -- writes (only with --allow-writes) -------------------------------

    if allow_writes:
        @app.post("/api/ingest", response_model=S.IngestResult, tags=["write"])
        async def ingest_page(request: Request, format: str | None = Query(None, pattern="^(html|pagetext|json|jsonl|csv)$")) -> Any:
            """Ingest one page body (HTML, page text, or JSON/JSONL/CSV records) into the store."""
            from starlette.concurrency import run_in_threadpool

            body = await request.body()
            if not body:
                raise ApiError(400, "bad-request", "the request body is empty; send the page's HTML or text")
            if len(body) > MAX_INGEST_BYTES:
                raise ApiError(413, "too-large", f"the body is over {MAX_INGEST_BYTES} bytes; ingest it from the command line")
            return await run_in_threadpool(_ingest, body, format)

        def _ingest(body: bytes, fmt: str | None) -> dict[str, Any]:
            from ..ingest import ingest
            from ..pipeline import Extractor
            from ..records import InputFormat

            ids: list[str] = []

            def seen(result: Any, outcome: str | None) -> None:
                if outcome is not None and hasattr(result, "id"):
                    ids.append(result.id)

            try:
                summary = ingest(["-"], corpus().store, Extractor(cfg), fmt=InputFormat(fmt) if fmt else None,
                                 stdin=io.BytesIO(body), on_item=seen, run_kind="api")
            finally:
                version.bump()  # data_version sees it too; this also covers a :memory: store
            return {"new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged,
                    "rejected": [{"source": r.source, "reason": r.reason, "detail": r.detail} for r in summary.rejected],
                    "events": summary.events, "claims": summary.claims, "ids": ids}

    # -- web pages -------------------------------------------------------

    static = web_dir()
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    index = static / "index.html"

    def page() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET", "HEAD"], include_in_schema=False)

    return app


#: How ``ghotona serve --workers N`` hands its settings to each worker process.
SERVE_ENV = "GHOTONA_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one ``ghotona serve --workers N`` process (uvicorn imports this by name).

    uvicorn starts each worker by importing an application factory, so the
    store path, the write flag and the configuration travel in ``$GHOTONA_SERVE_SETTINGS``.
    """
    import os

    raw = os.environ.get(SERVE_ENV)
    if not raw:
        raise GhotonaError(f"${SERVE_ENV} is not set; start the server with `ghotona serve`")
    settings = json.loads(raw)
    return create_app(settings["db"], allow_writes=bool(settings["allow_writes"]), config=settings["config"])


def serve_workers(host: str, port: int, workers: int, settings: dict[str, Any]) -> None:
    """Run ``workers`` uvicorn processes sharing one listening socket (``ghotona serve --workers``)."""
    import os
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ[SERVE_ENV] = json.dumps(settings, default=str)
    config = uvicorn.Config("ghotona.api.app:app_from_environment", factory=True, host=host, port=port,
                            workers=workers, log_level="warning")
    # Made here rather than by uvicorn: its socket has protocol number 0, so
    # asyncio does not set TCP_NODELAY on the connections, and each answer
    # (headers and body are written apart) then waited ~40 ms for a delayed
    # ACK: every request took 45 ms at p50 (benchmarks/api_bench.py).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise GhotonaError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; pass another --port") from None
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()
