"""Polite HTTP GETs (httpx, async): one call, one :class:`Response` value, never an exception.

:meth:`Fetcher.get` applies every rule before a request leaves: the host
must be one the sources file configured, resolve to a public address
(unless ``allow_private``), and robots.txt must allow the URL; requests to
one host are paced by a :class:`~ghotona.crawl.politeness.HostGate` whose
interval is the larger of ``min_interval`` and the host's Crawl-delay.
Redirects are followed by hand so that each hop is checked the same way.
A 5xx, 429 or timeout is retried with exponential backoff; the body is
streamed and cut off at ``max_bytes``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from .politeness import HostGate, RobotsRules, address_refusal
from .sources import host_of

__all__ = ["CrawlSettings", "Fetcher", "Response", "user_agent"]

# Statuses worth retrying: the server may answer next time.
_TRANSIENT = {429, 500, 502, 503, 504}


@dataclass(slots=True, frozen=True)
class CrawlSettings:
    """The ``[crawl]`` config section, typed (see defaults.toml for why each value)."""

    contact_url: str
    min_interval: float
    per_host: int
    concurrency: int
    timeout: float
    max_bytes: int
    max_redirects: int
    retries: int
    backoff: float
    max_backoff: float
    max_attempts: int
    retry_after: float
    max_sitemaps: int
    max_pages: int
    allow_private: bool

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "CrawlSettings":
        from ..config import _defaults

        section = {**_defaults()["crawl"], **(config.get("crawl") or {})}
        return cls(**{k: section[k] for k in cls.__dataclass_fields__})


def user_agent(settings: CrawlSettings) -> str:
    return f"ghotona/{__version__} (+{settings.contact_url})"


@dataclass(slots=True)
class Response:
    """What one polite GET came to.

    ``outcome``: ``ok`` (a 2xx body), ``not-modified`` (304 to a
    conditional request), ``failed`` (``reason`` says why; ``permanent``
    when retrying cannot help: 4xx, too large, a refused redirect),
    ``skipped-robots``, ``skipped-host`` or ``skipped-address``.
    """

    url: str
    outcome: str
    final_url: str = ""
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    ms: float = 0.0
    reason: str | None = None
    permanent: bool = False
    requests: int = 0  # HTTP requests this call sent (retries and redirects included)


@dataclass
class _HostState:
    gate: HostGate
    robots: RobotsRules | None = None
    refusal: str | None = None
    checked: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class _TooLarge(Exception):
    pass


class Fetcher:
    """Polite GETs for one crawl run; use as ``async with Fetcher(...) as f``.

    ``transport`` is for tests and benchmarks (an httpx transport); by
    default httpx opens real connections.
    """

    def __init__(self, settings: CrawlSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self.requests = 0  # every HTTP request sent, robots.txt included
        self.robots_log: list[Response] = []  # each robots.txt fetch, for the run's fetch log
        self._hosts: dict[str, _HostState] = {}
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent(settings), "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # each hop is checked in get()
            transport=transport,
            trust_env=False,  # no proxy from the environment: fetch what the sources file says
        )

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    # -- per host -----------------------------------------------------------

    def _host(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(HostGate(self.settings.per_host, self.settings.min_interval))
        return state

    async def _prepare(self, url: str, hosts: frozenset[str]) -> Response | None:
        """Every check before a request to ``url``; a skip as a ``Response``, or None to go ahead."""
        host = host_of(url)
        if host not in hosts:
            return Response(url, "skipped-host", status=None, permanent=True,
                            reason=f"{host} is not a host of this source; list it under 'hosts' to allow it")
        state = self._host(host)
        async with state.lock:  # one robots.txt fetch and one DNS check per host and run
            if not state.checked:
                state.checked = True
                if not self.settings.allow_private:
                    state.refusal = await address_refusal(host)
                if state.refusal is None:
                    state.robots = await self._robots(url, hosts, state)
                    if state.robots.crawl_delay is not None:
                        state.gate.slow_down(state.robots.crawl_delay)
        if state.refusal is not None:
            return Response(url, "skipped-address", reason=state.refusal, permanent=True)
        assert state.robots is not None
        if not state.robots.allowed(url):
            why = state.robots.deny_reason or "robots.txt disallows it"
            return Response(url, "skipped-robots", reason=why, permanent=state.robots.deny_reason is None)
        return None

    async def _robots(self, url: str, hosts: frozenset[str], state: _HostState) -> RobotsRules:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        r = await self._fetch(robots_url, hosts, {}, check=False)
        self.robots_log.append(r)
        if r.outcome == "ok":
            return RobotsRules(r.body.decode("utf-8", "replace"))
        if r.status is not None and 400 <= r.status < 500:
            return RobotsRules.allow_all()  # no robots.txt: everything is allowed (RFC 9309)
        return RobotsRules.deny_all(f"robots.txt could not be read ({r.reason}); the host is skipped this run")

    # -- requests -------------------------------------------------------------

    async def get(self, url: str, hosts: frozenset[str], *, etag: str | None = None,
                  last_modified: str | None = None) -> Response:
        """GET ``url`` if every rule allows it (``hosts``: the source's hosts)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._fetch(url, hosts, headers, check=True)

    async def _fetch(self, url: str, hosts: frozenset[str], headers: dict[str, str], *, check: bool) -> Response:
        s = self.settings
        sent = 0
        current = url
        hops = 0
        started = time.monotonic()
        while True:
            if check or current != url:
                skip = await self._prepare(current, hosts) if check else (
                    None if host_of(current) in hosts else Response(current, "skipped-host", permanent=True))
                if skip is not None:
                    skip.url, skip.final_url, skip.requests = url, current, sent
                    if current != url:  # a redirect led here
                        skip.outcome, skip.permanent = "failed", True
                        skip.reason = f"redirected to {current}, which is refused: {skip.reason}"
                    return skip
            attempt = 0
            while True:
                state = self._host(host_of(current))
                result: Response
                try:
                    async with state.gate:
                        sent += 1
                        self.requests += 1
                        result = await self._once(current, headers, hops > 0)
                except _TooLarge:
                    return Response(url, "failed", final_url=current, status=200, permanent=True, requests=sent,
                                    ms=_ms(started), reason=f"response larger than max_bytes ({s.max_bytes}); cut off")
                except httpx.TimeoutException:
                    result = Response(url, "failed", final_url=current, reason=f"timed out after {s.timeout:g} s")
                except httpx.TransportError as exc:
                    result = Response(url, "failed", final_url=current, reason=f"connection failed: {exc or type(exc).__name__}")
                except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
                    # A malformed URL from a feed or a broken response: this URL's problem, not the run's.
                    return Response(url, "failed", final_url=current, permanent=True, requests=sent, ms=_ms(started),
                                    reason=f"cannot fetch: {type(exc).__name__}: {exc}")
                transient = result.outcome == "failed" and (result.status is None or result.status in _TRANSIENT)
                if not transient or attempt >= s.retries:
                    break
                await asyncio.sleep(min(s.max_backoff, s.backoff * 2 ** attempt))
                attempt += 1
            result.url, result.requests, result.ms = url, sent, _ms(started)
            result.final_url = result.final_url or current
            if result.outcome != "redirect":
                if result.outcome == "failed" and result.status is not None and result.status not in _TRANSIENT:
                    result.permanent = True
                return result
            hops += 1
            if hops > s.max_redirects:
                return Response(url, "failed", final_url=current, status=result.status, permanent=True, requests=sent,
                                ms=_ms(started), reason=f"more than {s.max_redirects} redirects")
            current = result.final_url

    async def _once(self, url: str, headers: dict[str, str], redirected: bool) -> Response:
        s = self.settings
        async with self._client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(url, "not-modified", final_url=url, status=304,
                                etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
            if r.status_code in (301, 302, 303, 307, 308):
                location = r.headers.get("location")
                if not location:
                    return Response(url, "failed", status=r.status_code, reason="redirect without a Location")
                return Response(url, "redirect", final_url=urljoin(url, location), status=r.status_code)
            if r.status_code >= 400 or r.status_code < 200:
                return Response(url, "failed", final_url=url, status=r.status_code, reason=f"HTTP {r.status_code}")
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > s.max_bytes:
                raise _TooLarge
            chunks: list[bytes] = []
            size = 0
            # Streamed and counted after decompression, so a small gzip body
            # cannot unpack into gigabytes.
            async for chunk in r.aiter_bytes():
                size += len(chunk)
                if size > s.max_bytes:
                    raise _TooLarge
                chunks.append(chunk)
            return Response(url, "ok", final_url=url, status=r.status_code, body=b"".join(chunks),
                            content_type=r.headers.get("content-type"), etag=r.headers.get("etag"),
                            last_modified=r.headers.get("last-modified"))


def _ms(started: float) -> float:
    return round((time.monotonic() - started) * 1000, 1)
