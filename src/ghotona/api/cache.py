"""A response cache for the API's GETs, keyed by URL and the store's data version.

A read-only server answers the same pages over and over (the first page of
events, the timeline, a busy actor) from data that does not change between
ingests.  ``ResponseCache`` keeps the bytes of each 200 JSON answer under
its path and query string, and serves them again without entering FastAPI,
the thread pool or SQLite: a hit costs tens of microseconds instead of
milliseconds.

Invalidation: before every lookup the cache asks SQLite ``PRAGMA
data_version`` on a connection of its own.  That number changes whenever
any other connection, in this process or another (``ghotona ingest``
running beside the server, ``POST /api/ingest`` with ``--allow-writes``),
commits to the file; the cache is then emptied.  A response computed while
a write commits is stored under the version read before it, so it is never
served after the change is seen.  ``bump()`` empties it explicitly (after an
in-process write, or for a store where ``data_version`` cannot see writes).

Every cached answer carries an ``ETag`` (a hash of its body, so the same
data gives the same tag in every worker process); a request whose
``If-None-Match`` holds it gets ``304 Not Modified`` and no body.
``Cache-Control: no-cache`` tells browsers to keep the answer but ask again,
which then costs one 304.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Paths under /api/ that are never cached: files streamed from a spool (and
#: large), and the one write.
UNCACHED = frozenset({"/api/export", "/api/ingest"})


@dataclass(frozen=True)
class Cached:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes


class DataVersion:
    """Whether the store file changed since the last look, from ``PRAGMA data_version``.

    One read-only connection of its own, used under a lock (the ASGI event
    loop calls it, but a test client may do so from several threads).
    """

    def __init__(self, path: str) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        if path != ":memory:":  # each connection to :memory: is its own database
            uri = "file:" + urllib.parse.quote(path) + "?mode=ro"  # '?', '#', '%' in a path are escaped
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        self._last: int | None = None
        self.generation = 0

    def current(self) -> int:
        """A number that changes whenever another connection has committed to the store."""
        if self._conn is None:
            return self.generation
        with self._lock:
            value = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            if value != self._last:
                if self._last is not None:
                    self.generation += 1
                self._last = value
            return self.generation

    def bump(self) -> None:
        with self._lock:
            self.generation += 1

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class ResponseCache:
    """The cached answers of one server process: LRU, bounded in entries and bytes."""

    def __init__(self, version: DataVersion, *, max_entries: int, max_bytes: int) -> None:
        self.version = version
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, bytes], Cached] = OrderedDict()
        self._bytes = 0
        self._generation = -1
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.max_bytes > 0

    def get(self, key: tuple[str, bytes], generation: int) -> Cached | None:
        with self._lock:
            if generation != self._generation:
                self._entries.clear()
                self._bytes = 0
                self._generation = generation
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple[str, bytes], generation: int, entry: Cached) -> None:
        size = len(entry.body)
        if size > self.max_bytes // 4:  # one huge page must not push out everything else
            return
        with self._lock:
            if generation != self._generation:
                return  # the store changed while this was computed
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = entry
            self._bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._entries)


class CacheMiddleware:
    """ASGI middleware: GET /api/... answers from a ``ResponseCache``, with ETags and 304s."""

    def __init__(self, app: ASGIApp, *, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    # -- ASGI --------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith("/api/")
                or path in UNCACHED or not self.cache.enabled):
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        cache = self.cache
        generation = cache.version.current()
        wanted = _if_none_match(scope)
        entry = cache.get(key, generation)
        if entry is not None:
            cache.hits += 1
            await _send(send, entry, wanted, b"hit")
            return
        cache.misses += 1

        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            assert start is not None
            body = b"".join(chunks)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            status = int(start["status"])
            if status != 200:  # errors are not cached: sent as they are
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
            headers += [(b"etag", etag), (b"cache-control", b"no-cache")]
            made = Cached(status, tuple(headers), body, etag)
            cache.put(key, generation, made)
            await _send(send, made, wanted, b"miss")

        await self.app(scope, receive, capture)


def _if_none_match(scope: Scope) -> bytes | None:
    for k, v in scope.get("headers", ()):
        if k == b"if-none-match":
            return bytes(v)
    return None


async def _send(send: Send, entry: Cached, if_none_match: bytes | None, state: bytes) -> None:
    """The answer (``x-cache: hit|miss`` says whether it was cached), or 304 if the client has it."""
    if if_none_match is not None and (
        if_none_match.strip() == b"*"
        or entry.etag in (t.strip().removeprefix(b"W/") for t in if_none_match.split(b","))
    ):
        # 304 carries the validators and the security headers, never a body.
        headers = [(k, v) for k, v in entry.headers if k.lower() != b"content-type"]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [*entry.headers, (b"content-length", str(len(entry.body)).encode()), (b"x-cache", state)]
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body})
