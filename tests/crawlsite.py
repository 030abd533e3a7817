"""A small news site on 127.0.0.1 for the crawler's tests and benchmark.

It serves the bundled demo pages (ours) under ``/news/``, an RSS feed and an
Atom feed that list them, a news sitemap behind a sitemap index, a section
page, a robots.txt with a Disallow and a Crawl-delay, and the awkward
endpoints a crawler meets: slow, failing-then-working, missing, redirect
chains (within the host, too long, off the host) and an oversized page.
Pages support ETag / Last-Modified.  Every request is recorded with its
arrival time so tests can measure the pacing the crawler kept.

    with CrawlSite() as site:
        site.url("/feed.rss")
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from ghotona.demo import pages_dir

ROBOTS = "User-agent: *\nDisallow: /private/\nCrawl-delay: {delay}\n\nUser-agent: someotherbot\nDisallow: /\n"


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]


@dataclass
class Page:
    body: bytes
    content_type: str
    modified: datetime
    date: datetime  # what the feeds and sitemap say

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def demo_pages() -> dict[str, Page]:
    out: dict[str, Page] = {}
    base = datetime(2025, 7, 1, 6, 0, tzinfo=timezone.utc)
    for i, path in enumerate(sorted(Path(pages_dir()).iterdir())):
        kind = "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain; charset=utf-8"
        stamp = base.replace(day=1 + i)
        out[f"/news/{path.name}"] = Page(path.read_bytes(), kind, stamp, stamp)
    return out


@dataclass
class CrawlSite:
    crawl_delay: float = 0.05
    flaky_failures: int = 1  # /flaky answers 500 this many times, then 200
    big_bytes: int = 300_000
    hang_after: int | None = None  # page requests after this many wait until release()
    pages: dict[str, Page] = field(default_factory=demo_pages)
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._page_hits = 0
        self.flaky_count = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle on, the second
            # waits for a delayed ACK (~40 ms a request on Linux loopback).
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                site._handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # -- lifecycle -------------------------------------------------------------
    def __enter__(self) -> "CrawlSite":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def release(self) -> None:
        self._release.set()

    def requests_to(self, prefix: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.startswith(prefix)]

    def page_paths(self) -> list[str]:
        return sorted(self.pages)

    def sources_yaml(self, *, sections: bool = False) -> str:
        lines = [
            "sources:",
            "  - id: loopnews",
            "    name: Loopback News",
            f"    home: {self.url('/')}",
            f"    feeds: [{self.url('/feed.rss')}, {self.url('/atom.xml')}]",
            f"    sitemaps: [{self.url('/sitemap-index.xml')}]",
        ]
        if sections:
            lines += [f"    sections: [{self.url('/section')}]", "    article_pattern: '/news/[^/]+$'"]
        lines.append("    unverified: true")
        return "\n".join(lines) + "\n"

    # -- documents ------------------------------------------------------------
    def _rss(self) -> bytes:
        items = []
        names = self.page_paths()
        for path in names[: len(names) // 2 + 1]:
            p = self.pages[path]
            items.append(
                f"<item><title>{escape(path)}</title><link>{self.url(path)}</link>"
                f"<pubDate>{format_datetime(p.date)}</pubDate></item>"
            )
        # robots.txt forbids this one, and the other is on a host nobody configured.
        items.append(f"<item><title>hidden</title><link>{self.url('/private/secret')}</link></item>")
        items.append("<item><title>elsewhere</title><link>http://elsewhere.invalid/news/1</link></item>")
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback News</title>'
            f"<link>{self.url('/')}</link><description>test</description>{''.join(items)}</channel></rss>"
        ).encode()

    def _atom(self) -> bytes:
        entries = []
        for path in self.page_paths()[len(self.pages) // 2:]:
            p = self.pages[path]
            entries.append(
                f'<entry><title>{escape(path)}</title><link href="{self.url(path)}"/><id>{self.url(path)}</id>'
                f"<published>{p.date.isoformat()}</published><updated>{p.modified.isoformat()}</updated></entry>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Loopback News</title><id>{self.url('/')}</id><updated>2025-07-11T00:00:00Z</updated>"
            f"{''.join(entries)}</feed>"
        ).encode()

    def _sitemap(self) -> bytes:
        urls = []
        for path in self.page_paths():
            p = self.pages[path]
            urls.append(
                f"<url><loc>{self.url(path)}</loc><lastmod>{p.modified.isoformat()}</lastmod>"
                f"<news:news><news:publication><news:name>Loopback News</news:name><news:language>bn</news:language>"
                f"</news:publication><news:publication_date>{p.date.isoformat()}</news:publication_date></news:news></url>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(urls) + "</urlset>"
        ).encode()

    def _sitemap_index(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.url('/sitemap-news.xml')}</loc></sitemap></sitemapindex>"
        ).encode()

    def _section(self) -> bytes:
        links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in self.page_paths())
        return (f"<html><body><nav><a href='/about'>about</a><a href='http://elsewhere.invalid/news/x'>x</a></nav>"
                f"<ul>{links}</ul></body></html>").encode()

    # -- serving --------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        with self._lock:
            self.hits.append(Hit(time.monotonic(), path, {k.lower(): v for k, v in h.headers.items()}))
        static = {
            "/robots.txt": (ROBOTS.format(delay=self.crawl_delay).encode(), "text/plain"),
            "/feed.rss": (self._rss(), "application/rss+xml"),
            "/atom.xml": (self._atom(), "application/atom+xml"),
            "/sitemap-index.xml": (self._sitemap_index(), "application/xml"),
            "/sitemap-news.xml": (self._sitemap(), "application/xml"),
            "/section": (self._section(), "text/html"),
        }
        if path in static:
            body, kind = static[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if h.headers.get("If-None-Match") == etag:
                return self._send(h, 304, b"", None, {"ETag": etag})
            return self._send(h, 200, body, kind, {"ETag": etag})
        if path in self.pages:
            with self._lock:
                self._page_hits += 1
                hang = self.hang_after is not None and self._page_hits > self.hang_after
            if hang:
                self._release.wait(30)
            p = self.pages[path]
            lm = format_datetime(p.modified, usegmt=True)
            if h.headers.get("If-None-Match") == p.etag or (
                "If-None-Match" not in h.headers and h.headers.get("If-Modified-Since") == lm
            ):
                return self._send(h, 304, b"", None, {"ETag": p.etag, "Last-Modified": lm})
            return self._send(h, 200, p.body, p.content_type, {"ETag": p.etag, "Last-Modified": lm})
        if path == "/slow":
            time.sleep(1.0)
            return self._send(h, 200, b"<html><body>late</body></html>", "text/html")
        if path == "/flaky":
            with self._lock:
                self.flaky_count += 1
                fail = self.flaky_count <= self.flaky_failures
            if fail:
                return self._send(h, 500, b"oops", "text/plain")
            return self._send(h, 200, self.pages[self.page_paths()[0]].body, "text/html; charset=utf-8")
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = f"/redirect/{n - 1}" if n > 1 else self.page_paths()[0]
            return self._send(h, 302, b"", None, {"Location": target})
        if path.startswith("/loop/"):
            n = int(path.rsplit("/", 1)[1])
            return self._send(h, 301, b"", None, {"Location": f"/loop/{n + 1}"})
        if path == "/offhost":
            return self._send(h, 302, b"", None, {"Location": "http://elsewhere.invalid/news/1"})
        if path == "/big":
            return self._send(h, 200, b"<html><body>" + b"x" * self.big_bytes + b"</body></html>", "text/html")
        if path == "/image":
            return self._send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        return self._send(h, 404, b"not here", "text/plain")

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, kind: str | None,
              headers: dict[str, str] | None = None) -> None:
        try:
            h.send_response(status)
            if kind:
                h.send_header("Content-Type", kind)
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if body:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test, a killed crawl)
