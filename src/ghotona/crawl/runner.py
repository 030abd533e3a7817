"""One crawl run: read the endpoints, fetch the pages that are due, push them through ingest.

A run has two phases.  First every configured feed, sitemap and section page
is fetched (conditionally: an unchanged one answers 304) and the links in it
are added to the frontier, one transaction per endpoint.  Then every page
the frontier says is due is fetched and, in one transaction each, its
article is stored (``ghotona.ingest.ingest_one``: extract -> code -> store),
its raw body kept and its frontier row marked done, with the fetch logged.
Killing the process at any point therefore loses nothing and stores nothing
twice: the next run starts from the committed frontier.

A page is due when it is new, when a feed or sitemap now gives it a later
change stamp than before (then it is fetched with If-None-Match /
If-Modified-Since), or when it failed for a reason that may pass and its
retry time has come.  A page already stored and unchanged is not fetched.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable
from zoneinfo import ZoneInfo

import httpx

from ..corpus.update import CorpusUpdater
from ..ingest import Coder, IngestSummary, ingest_one
from ..pipeline import Extractor, canonical_url
from ..records import Article, FetchRecord, FrontierEntry, RawResponse, Rejection
from ..store import Store
from .discover import DiscoveryError, Link, discover
from .fetch import CrawlSettings, Fetcher, Response
from .page import to_page
from .sources import CrawlSource, host_of

__all__ = ["Crawler", "CrawlSummary", "apply_feed_date"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass
class CrawlSummary:
    """What a crawl run did; ``counts()`` is what the run log keeps."""

    run_id: int | None = None
    requests: int = 0  # HTTP requests sent, robots.txt, retries and redirects included
    endpoints_read: int = 0
    endpoints_not_modified: int = 0
    endpoints_failed: int = 0
    discovered: int = 0  # new page URLs added to the frontier
    requeued: int = 0  # known pages a feed or sitemap says changed
    pages_fetched: int = 0  # page requests that got an answer (200 or 304)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    not_modified: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # skipped-robots / -host / -address
    failures: Counter[str] = field(default_factory=Counter)  # reason -> count
    ingest: IngestSummary = field(default_factory=IngestSummary)
    interrupted: bool = False

    def counts(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "endpoints_read": self.endpoints_read,
            "endpoints_not_modified": self.endpoints_not_modified,
            "endpoints_failed": self.endpoints_failed,
            "discovered": self.discovered,
            "requeued": self.requeued,
            "fetched": self.pages_fetched,
            "new": self.new,
            "changed": self.changed,
            # the ingest log's names, so `ghotona runs` reads crawl runs too
            "updated": self.changed,
            "unchanged": self.unchanged,
            "not_modified": self.not_modified,
            "failed": self.failed,
            "skipped": dict(self.skipped),
            "failure_reasons": dict(self.failures),
            "rejected": len(self.ingest.rejected),
            "events": self.ingest.events,
            "claims": self.ingest.claims,
            "coding_errors": len(self.ingest.coding_errors),
            "interrupted": self.interrupted,
        }


def apply_feed_date(article: Article, feed_date: str | None, tz: str) -> None:
    """Give ``article`` the feed's date when the page itself gives none.

    The page's own dates always win; the feed's fills a gap only, and says
    so in the warnings.
    """
    if article.published is not None or not feed_date:
        return
    try:
        value = datetime.fromisoformat(feed_date)
    except ValueError:
        return
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    article.published = value.astimezone(ZoneInfo(tz))
    article.warnings.append("published-from-feed: the page gives no date; the feed or sitemap's date is used")


def _later(new: str | None, old: str | None) -> bool:
    """Whether change stamp ``new`` is after ``old`` (both UTC ISO); any stamp beats none."""
    if not new:
        return False
    if not old:
        return True
    try:
        return datetime.fromisoformat(new) > datetime.fromisoformat(old)
    except ValueError:
        return new != old


def _interleave(entries: list[FrontierEntry]) -> list[FrontierEntry]:
    """Round-robin over hosts, so that workers waiting on one slow host do not starve the others."""
    by_host: dict[str, deque[FrontierEntry]] = {}
    for e in entries:
        by_host.setdefault(e.host, deque()).append(e)
    out: list[FrontierEntry] = []
    while by_host:
        for host in list(by_host):
            out.append(by_host[host].popleft())
            if not by_host[host]:
                del by_host[host]
    return out


class Crawler:
    """Crawls ``sources`` into ``store``; build one, call :meth:`run` once per run.

    ``config`` is the loaded configuration (``[crawl]`` for politeness,
    ``[input]``/``[extract]``/``[sources]`` for extraction).  ``fetch_only``
    keeps raw bodies and the frontier without extracting (``ghotona
    reprocess`` extracts them later).  ``on_fetch`` sees every logged fetch.
    ``transport`` is an httpx transport, for tests.
    """

    def __init__(
        self,
        sources: list[CrawlSource],
        store: Store,
        config: dict[str, Any],
        *,
        fetch_only: bool = False,
        on_fetch: Callable[[FetchRecord], None] | None = None,
        on_phase: Callable[[str, int], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        args: dict[str, Any] | None = None,
    ) -> None:
        self.sources = {s.id: s for s in sources}
        self.store = store
        self.config = config
        self.settings = CrawlSettings.from_config(config)
        self.fetch_only = fetch_only
        self.on_fetch = on_fetch
        self.on_phase = on_phase
        self.transport = transport
        self.args = args or {}
        self._extractors: dict[str, Extractor] = {}
        self._coder: Coder | None = None
        # Stories, copies, happenings and conflicts follow each stored page,
        # as they do for ``ingest`` (made with the coder, on the first page).
        self._updater: CorpusUpdater | None = None

    # -- entry point ------------------------------------------------------------

    def run(self) -> CrawlSummary:
        """One crawl run (blocking): discover, fetch what is due, store; logged as a ``crawl`` run."""
        summary = CrawlSummary()
        summary.run_id = self.store.start_run(
            "crawl", {**self.args, "sources": sorted(self.sources), "fetch_only": self.fetch_only}
        )
        try:
            asyncio.run(self._run(summary))
        except (KeyboardInterrupt, asyncio.CancelledError):
            summary.interrupted = True
            raise
        finally:
            if self._updater is not None:
                self._updater.close()
            self.store.finish_run(summary.run_id, summary.counts(), summary.ingest.rejected)
        return summary

    async def _run(self, summary: CrawlSummary) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="ghotona-extract")
        try:
            async with Fetcher(self.settings, transport=self.transport) as fetcher:
                self._fetcher = fetcher
                try:
                    await asyncio.gather(*(self._discover_source(s, summary) for s in self.sources.values()))
                    await self._fetch_pages(summary)
                finally:
                    summary.requests = fetcher.requests
        finally:
            self._pool.shutdown(wait=True)

    # -- logging ----------------------------------------------------------------

    def _log(self, summary: CrawlSummary, url: str, kind: str, r: Response | None, outcome: str,
             reason: str | None = None) -> None:
        record = FetchRecord(
            url=url, kind=kind, status=r.status if r else None, bytes=len(r.body) if r else 0,
            ms=r.ms if r else 0.0, outcome=outcome, reason=reason if reason is not None else (r.reason if r else None),
            at=_now(),
        )
        assert summary.run_id is not None
        self.store.log_fetch(summary.run_id, record)
        if self.on_fetch:
            self.on_fetch(record)

    def _log_robots(self, summary: CrawlSummary) -> None:
        while self._fetcher.robots_log:
            r = self._fetcher.robots_log.pop(0)
            self._log(summary, r.url, "robots", r, "read" if r.outcome == "ok" else r.outcome)

    # -- phase 1: endpoints -------------------------------------------------------

    async def _discover_source(self, source: CrawlSource, summary: CrawlSummary) -> None:
        for kind, url in source.endpoints():
            await self._read_endpoint(source, kind, url, summary)

    async def _read_endpoint(self, source: CrawlSource, kind: str, url: str, summary: CrawlSummary,
                             found_in: str | None = None, via: str = "config", lastmod: str | None = None) -> None:
        store = self.store
        entry = store.frontier_get(url)
        if entry is None:
            entry = FrontierEntry(url=url, host=host_of(url), source_id=source.id, kind=kind, via=via,
                                  discovered=_now(), found_in=found_in)
        r = await self._fetcher.get(url, source.hosts, etag=entry.etag, last_modified=entry.last_modified)
        self._log_robots(summary)
        links: list[Link] = []
        outcome, reason = r.outcome, r.reason
        if r.outcome == "ok":
            try:
                links = discover(kind, r.body, r.final_url, source, self.settings.max_bytes)
                outcome, reason = "read", f"{len(links)} links"
            except DiscoveryError as exc:
                outcome, reason = "failed", str(exc)
            except Exception as exc:  # a parser bug costs this endpoint, not the run
                outcome, reason = "failed", f"internal error reading it ({type(exc).__name__}: {exc}); please report it"
        children: list[Link] = []
        with store.transaction():
            children = self._add_links(source, url, kind, links, summary)
            if outcome == "not-modified" and kind == "sitemap":
                # An unchanged index may still have children that changed: the
                # ones without a lastmod are asked again (conditionally).
                children = [Link(c.url, "sitemap", c.feed_date, c.lastmod)
                            for c in store.frontier(source_id=source.id)
                            if c.kind == "sitemap" and c.found_in == url and not c.lastmod]
            entry.fetched, entry.outcome, entry.reason = _now(), outcome, reason
            if outcome in ("read", "not-modified"):
                entry.state, entry.attempts = "done", 0
                entry.etag = r.etag or entry.etag
                entry.last_modified = r.last_modified or entry.last_modified
                entry.lastmod = lastmod or entry.lastmod
            else:
                entry.state, entry.attempts = "failed", entry.attempts + 1
            store.frontier_put(entry)
            self._log(summary, url, kind, r, outcome, reason)
        if outcome == "read":
            summary.endpoints_read += 1
        elif outcome == "not-modified":
            summary.endpoints_not_modified += 1
        else:
            summary.endpoints_failed += 1
            summary.failures[f"{kind}: {reason}"] += 1
        for child in children:
            await self._read_endpoint(source, "sitemap", child.url, summary, found_in=url, via="sitemap",
                                      lastmod=child.lastmod)

    def _add_links(self, source: CrawlSource, found_in: str, via: str, links: list[Link],
                   summary: CrawlSummary) -> list[Link]:
        """Add a listing's links to the frontier (inside the caller's transaction); the child sitemaps to read."""
        store = self.store
        children: list[Link] = []
        for link in links:
            url = canonical_url(link.url) or link.url
            if link.kind == "sitemap":
                known = store.frontier_get(url)
                if known is None or known.state != "done" or _later(link.lastmod, known.lastmod) or not link.lastmod:
                    children.append(Link(url, "sitemap", link.date, link.lastmod))
                continue
            existing = store.frontier_get(url)
            if existing is None:
                host = host_of(url)
                ok = host in source.hosts
                store.frontier_put(FrontierEntry(
                    url=url, host=host, source_id=source.id, kind="page", via=via, discovered=_now(),
                    state="pending" if ok else "skipped", found_in=found_in, feed_date=link.date, lastmod=link.lastmod,
                    outcome=None if ok else "skipped-host",
                    reason=None if ok else f"{host} is not a host of source '{source.id}'; list it under 'hosts' to crawl it",
                ))
                summary.discovered += 1
                if not ok:
                    summary.skipped["skipped-host"] += 1
                    self._log(summary, url, "page", None, "skipped-host",
                              f"{host} is not a host of source '{source.id}'")
            elif existing.kind == "page" and _later(link.lastmod, existing.lastmod):
                existing.lastmod = link.lastmod
                existing.feed_date = existing.feed_date or link.date
                if existing.state in ("done", "gone"):
                    existing.state, existing.attempts, existing.next_attempt = "pending", 0, None
                    summary.requeued += 1
                store.frontier_put(existing)
        # New and changed child sitemaps first, newest first, at most max_sitemaps a run.
        children.sort(key=lambda c: c.lastmod or "", reverse=True)
        return children[: self.settings.max_sitemaps]

    # -- phase 2: pages -----------------------------------------------------------

    async def _fetch_pages(self, summary: CrawlSummary) -> None:
        due = [e for e in self.store.frontier_due("page", _now(), self.settings.max_attempts)
               if e.source_id in self.sources]
        if self.settings.max_pages:
            due = due[: self.settings.max_pages]
        if self.on_phase:
            self.on_phase("pages", len(due))
        queue = deque(_interleave(due))

        async def worker() -> None:
            while queue:
                await self._page(queue.popleft(), summary)

        await asyncio.gather(*(worker() for _ in range(max(1, self.settings.concurrency))))

    def _extractor(self, tz: str) -> Extractor:
        # One extractor per time zone: a page's times without an offset are
        # read in its outlet's zone (the sources file's `timezone`).
        ex = self._extractors.get(tz)
        if ex is None:
            import copy

            cfg = copy.deepcopy(self.config)
            cfg["input"]["timezone"] = tz
            ex = self._extractors[tz] = Extractor(cfg)
        return ex

    async def _page(self, e: FrontierEntry, summary: CrawlSummary) -> None:
        source = self.sources[e.source_id]
        r = await self._fetcher.get(e.url, source.hosts, etag=e.etag, last_modified=e.last_modified)
        self._log_robots(summary)
        now = _now()
        e.fetched, e.reason = now, r.reason
        if r.outcome == "ok":
            await self._store_page(e, r, source, summary)
            return
        if r.outcome == "not-modified":
            summary.pages_fetched += 1
            summary.not_modified += 1
            e.state, e.attempts, e.next_attempt, e.outcome = "done", 0, None, "not-modified"
            e.etag, e.last_modified = r.etag or e.etag, r.last_modified or e.last_modified
        elif r.outcome == "failed" or not r.permanent:
            summary.failed += 1
            summary.failures[r.reason or "failed"] += 1
            if r.permanent:
                e.state, e.next_attempt = "gone", None
            else:
                e.attempts += 1
                wait = self.settings.retry_after * 2 ** (e.attempts - 1)
                e.state = "failed"
                e.next_attempt = (datetime.now(timezone.utc) + timedelta(seconds=wait)).isoformat(timespec="microseconds")
            e.outcome = r.outcome
        else:  # skipped for good: robots.txt, a refused host or address
            summary.skipped[r.outcome] += 1
            e.state, e.outcome = "skipped", r.outcome
        with self.store.transaction():
            self.store.frontier_put(e)
            self._log(summary, e.url, "page", r, e.outcome or r.outcome)

    async def _store_page(self, e: FrontierEntry, r: Response, source: CrawlSource, summary: CrawlSummary) -> None:
        summary.pages_fetched += 1
        digest = "sha1:" + hashlib.sha1(r.body).hexdigest()
        raw = RawResponse(e.url, r.final_url, r.status or 200, r.content_type, digest, _now(), r.body)
        e.etag, e.last_modified = r.etag, r.last_modified
        e.state, e.attempts, e.next_attempt = "done", 0, None
        result: Article | Rejection | None = None
        if digest == e.content_hash and e.article_id:
            outcome = "unchanged"  # same bytes as the stored article: nothing to extract
        elif self.fetch_only:
            outcome = "fetched"
        else:
            page = to_page(r.body, r.final_url, r.content_type)
            if isinstance(page, Rejection):
                result = page
            else:
                extractor = self._extractor(source.timezone)
                result = await asyncio.get_running_loop().run_in_executor(self._pool, extractor.extract, page)
                if isinstance(result, Article):
                    apply_feed_date(result, e.feed_date, source.timezone)
            outcome = "rejected"
        if self._coder is None and result is not None:
            self._coder = Coder(self.config)
            self._updater = CorpusUpdater(self.store, self.config)
        with self.store.transaction():
            if result is not None:
                assert self._coder is not None
                stored = ingest_one(result, self.store, self._coder, summary.ingest, self._updater)
                if stored is not None:
                    outcome = {"updated": "changed"}.get(stored, stored)
                    e.article_id = result.id  # type: ignore[union-attr]
            self.store.save_raw(raw)
            e.content_hash, e.outcome = digest, outcome
            e.reason = f"{result.reason}: {result.detail}" if isinstance(result, Rejection) else None
            self.store.frontier_put(e)
            self._log(summary, e.url, "page", r, outcome, e.reason)
        if outcome in ("new", "changed", "unchanged"):
            setattr(summary, outcome, getattr(summary, outcome) + 1)
