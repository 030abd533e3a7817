"""``ghotona sources check``: does each configured endpoint answer, how fast, and with how many links?"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from .discover import DiscoveryError, discover
from .fetch import CrawlSettings, Fetcher
from .sources import CrawlSource

__all__ = ["EndpointCheck", "check_sources"]


@dataclass(slots=True, frozen=True)
class EndpointCheck:
    """One endpoint's answer: ``ok`` is true when it answered and its body could be read."""

    source_id: str
    kind: str
    url: str
    status: int | None
    ms: float
    ok: bool
    links: int | None
    detail: str | None
    unverified: bool

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


async def _check(sources: list[CrawlSource], settings: CrawlSettings,
                 transport: httpx.AsyncBaseTransport | None) -> list[EndpointCheck]:
    async with Fetcher(settings, transport=transport) as fetcher:

        async def one(source: CrawlSource, kind: str, url: str) -> EndpointCheck:
            r = await fetcher.get(url, source.hosts)  # unconditional: the point is to see it answer
            links, detail, ok = None, r.reason, r.outcome == "ok"
            if ok:
                try:
                    links = len(discover(kind, r.body, r.final_url, source, settings.max_bytes))
                except DiscoveryError as exc:
                    ok, detail = False, str(exc)
            return EndpointCheck(source.id, kind, url, r.status, r.ms, ok, links,
                                 detail if not ok else None, source.unverified)

        return list(await asyncio.gather(*(one(s, k, u) for s in sources for k, u in s.endpoints())))


def check_sources(sources: list[CrawlSource], config: dict[str, Any], *,
                  transport: httpx.AsyncBaseTransport | None = None) -> list[EndpointCheck]:
    """Fetch every endpoint once (politely: robots.txt, pacing) and report what came back."""
    return asyncio.run(_check(sources, CrawlSettings.from_config(config), transport))
