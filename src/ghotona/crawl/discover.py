"""Links from feeds, sitemaps and section pages: where the article pages are.

* RSS and Atom feeds are read with feedparser; each entry's link becomes a
  page, with its published date (recorded, but the page's own dates win) and
  its updated stamp (a changed stamp means the page changed).
* Sitemaps are read with lxml: a ``<urlset>`` (news sitemaps included:
  ``news:publication_date``) lists pages with their ``lastmod``; a
  ``<sitemapindex>`` lists more sitemaps.  Gzipped sitemaps are unpacked.
* A section page's links are pages when they stay on the outlet's hosts and
  match its ``article_pattern``.

A body that cannot be read raises :class:`DiscoveryError` with the reason.
"""

from __future__ import annotations

import calendar
import gzip
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree
from lxml import html as lxml_html

from ..dates import parse_date_string
from ..pipeline import canonical_url
from .sources import CrawlSource, host_of

__all__ = ["Link", "DiscoveryError", "discover"]


class DiscoveryError(Exception):
    """A feed, sitemap or section page whose body could not be read (message: why)."""


@dataclass(slots=True, frozen=True)
class Link:
    """One URL found in a feed, sitemap or section page.

    ``kind`` is ``page`` or ``sitemap`` (from a sitemap index); ``date`` is
    the publication date the listing gives and ``lastmod`` its change stamp
    (both UTC ISO, so a feed's RFC 822 date and a sitemap's ISO date of the
    same instant compare equal).
    """

    url: str
    kind: str
    date: str | None = None
    lastmod: str | None = None


def _join(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``, or None when it is no URL at all (``http://[::1``)."""
    try:
        url = urljoin(base, href.strip())
        urlsplit(url).port  # raises for a malformed host or port
    except ValueError:
        return None
    return url


def _iso_struct(value: object) -> str | None:
    # feedparser gives UTC struct_time values.
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).isoformat()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_text(value: str | None, tz: str) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        mention = parse_date_string(value, tz=tz)
        parsed = mention.value if mention else None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        from zoneinfo import ZoneInfo

        parsed = parsed.replace(tzinfo=ZoneInfo(tz))
    return parsed.astimezone(timezone.utc).isoformat()


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    feed = feedparser.parse(body)
    if not feed.entries and not feed.get("version"):  # feedparser names the format it recognised
        why = getattr(feed, "bozo_exception", None)
        raise DiscoveryError(f"not a readable RSS/Atom feed ({why or 'no entries'})")
    links: list[Link] = []
    for entry in feed.entries:
        href = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("rel", "alternate") == "alternate"), None
        )
        if not href:
            continue
        # dict.get: feedparser's own get() maps a missing `updated` to
        # `published` with a deprecation warning; read each one as it is.
        updated = _iso_struct(dict.get(entry, "updated_parsed"))
        published = _iso_struct(dict.get(entry, "published_parsed"))
        url = _join(base_url, href)
        if url:
            links.append(Link(url, "page", published or updated, updated or published))
    return links


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str, deep: bool = False) -> str | None:
    # Direct children by default: an image sitemap nests its own <image:loc>.
    for child in (el.iter() if deep else el):
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _unpack(body: bytes, max_bytes: int) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    # Bounded, so a gzip bomb posing as a sitemap stops at the size cap.
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(body, max_bytes + 1)
    if len(out) > max_bytes:
        raise DiscoveryError(f"the gzipped sitemap unpacks to more than max_bytes ({max_bytes})")
    return out


def parse_sitemap(body: bytes, base_url: str, tz: str, max_bytes: int = 50_000_000) -> list[Link]:
    try:
        body = _unpack(body, max_bytes)
    except (OSError, zlib.error, gzip.BadGzipFile) as exc:
        raise DiscoveryError(f"a broken gzipped sitemap ({exc})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"not a readable XML sitemap ({exc})") from None
    top = _local(root.tag)
    if top not in ("urlset", "sitemapindex"):
        raise DiscoveryError(f"not a sitemap: the root element is <{top}>, not <urlset> or <sitemapindex>")
    kind, item = ("page", "url") if top == "urlset" else ("sitemap", "sitemap")
    links: list[Link] = []
    for el in root:
        if _local(el.tag) != item:
            continue
        loc = _child_text(el, "loc")
        if not loc:
            continue
        lastmod = _iso_text(_child_text(el, "lastmod"), tz)
        date = _iso_text(_child_text(el, "publication_date", deep=True), tz) or lastmod
        url = _join(base_url, loc)
        if url:
            links.append(Link(url, kind, date, lastmod))
    return links


def parse_section(body: bytes, base_url: str, source: CrawlSource) -> list[Link]:
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        raise DiscoveryError(f"not a readable HTML page ({exc})") from None
    seen: set[str] = set()
    links: list[Link] = []
    for href in doc.xpath("//a/@href"):
        url = canonical_url(_join(base_url, str(href)))
        if not url or url in seen or host_of(url) not in source.hosts or not source.is_article(url):
            continue
        seen.add(url)
        links.append(Link(url, "page"))
    return links


def discover(kind: str, body: bytes, url: str, source: CrawlSource, max_bytes: int) -> list[Link]:
    """The links in a ``feed``, ``sitemap`` or ``section`` body fetched from ``url``."""
    if kind == "feed":
        return parse_feed(body, url)
    if kind == "sitemap":
        return parse_sitemap(body, url, source.timezone, max_bytes)
    if kind == "section":
        return parse_section(body, url, source)
    raise ValueError(f"unknown endpoint kind {kind!r}")
