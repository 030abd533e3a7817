"""The crawler's pieces without a server: the sources file, robots.txt, feeds and sitemaps, bodies to pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ghotona.crawl import example_file, load_sources
from ghotona.crawl.discover import DiscoveryError, parse_feed, parse_section, parse_sitemap
from ghotona.crawl.page import to_page
from ghotona.crawl.politeness import RobotsRules
from ghotona.crawl.runner import _later
from ghotona.errors import LanguageDataError
from ghotona.records import InputFormat, Rejection


# --------------------------------------------------------------------------- sources file

def test_the_example_sources_file_loads_and_says_it_is_unverified():
    sources = load_sources(example_file())
    assert len(sources) >= 8 and len({s.id for s in sources}) == len(sources)
    assert all(s.unverified for s in sources)  # written offline: nothing was checked
    prothomalo = next(s for s in sources if s.id == "prothomalo")
    assert prothomalo.name == "প্রথম আলো" and prothomalo.timezone == "Asia/Dhaka"  # from the outlet registry
    assert "www.prothomalo.com" in prothomalo.hosts


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    feed: [https://a.example/f]\n", 2, "unknown key"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    feeds: [https://a.example/f]\n"
         "  - id: b\n    name: B\n    home: ftp://b.example/\n    feeds: [https://b.example/f]\n", 6, "not an http(s) URL"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n", 2, "no feeds, sitemaps or sections"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    sections: [https://a.example/s]\n", 2,
         "no 'article_pattern'"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    sitemaps: [https://a.example/s]\n"
         "    article_pattern: '([a-z'\n", 2, "not a valid regular expression"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    feeds: [https://a.example/f]\n"
         "  - id: a\n    name: A2\n    home: https://a.example/\n    feeds: [https://a.example/g]\n", 6, "used twice"),
        ("sources:\n  - id: nosuchoutlet\n    home: https://a.example/\n    feeds: [https://a.example/f]\n", 2, "needs a 'name'"),
        ("sources:\n  - id: a\n    name: A\n    timezone: Mars/Base\n    home: https://a.example/\n"
         "    feeds: [https://a.example/f]\n", 2, "IANA time zone"),
        ("sources:\n  - id: a\n    name: A\n    home: https://a.example/\n    feeds: [https://a.example/f\n", 5, "not valid YAML"),
    ],
)
def test_sources_file_errors_name_the_file_and_line(tmp_path, body, line, words):
    path = _write(tmp_path, body)
    with pytest.raises(LanguageDataError) as err:
        load_sources(path)
    assert str(path) in str(err.value) and f"line {line}" in str(err.value) and words in str(err.value)


def test_sources_file_missing_or_empty(tmp_path):
    with pytest.raises(LanguageDataError, match="pass --sources FILE"):
        load_sources(tmp_path / "nope.yaml")
    with pytest.raises(LanguageDataError, match="'sources:' list"):
        load_sources(_write(tmp_path, "outlets: []\n"))


# --------------------------------------------------------------------------- robots.txt

def test_robots_rules_pick_our_group_and_read_fractional_delays():
    text = ("User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\n"
            "User-agent: ghotona\nUser-agent: otherbot\nDisallow: /drafts/\nCrawl-delay: 0.5\n")
    rules = RobotsRules(text)
    assert rules.crawl_delay == 0.5
    assert not rules.allowed("https://a.example/drafts/1") and rules.allowed("https://a.example/private/1")
    generic = RobotsRules("User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n")
    assert generic.crawl_delay == 3 and not generic.allowed("https://a.example/private/x")
    assert RobotsRules.allow_all().allowed("https://a.example/anything")
    closed = RobotsRules.deny_all("HTTP 503")
    assert not closed.allowed("https://a.example/") and closed.deny_reason == "HTTP 503"


# --------------------------------------------------------------------------- feeds, sitemaps, sections

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
<item><title>one</title><link>https://a.example/news/1</link><pubDate>Thu, 10 Jul 2025 13:07:00 +0600</pubDate></item>
<item><title>two</title><link>/news/2</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2025-07-10T00:00:00Z</updated>
<entry><title>one</title><id>1</id><link rel="alternate" href="https://a.example/news/1"/>
<published>2025-07-10T07:07:00Z</published><updated>2025-07-11T01:00:00Z</updated></entry></feed>"""


def test_feeds_give_links_with_dates_in_utc():
    rss = parse_feed(RSS, "https://a.example/feed")
    assert [link.url for link in rss] == ["https://a.example/news/1", "https://a.example/news/2"]
    assert rss[0].date == "2025-07-10T07:07:00+00:00" and rss[1].date is None
    atom = parse_feed(ATOM, "https://a.example/atom")
    assert atom[0].date == "2025-07-10T07:07:00+00:00" and atom[0].lastmod == "2025-07-11T01:00:00+00:00"
    with pytest.raises(DiscoveryError, match="RSS/Atom"):
        parse_feed(b"<html><body><a href='/x'>x</a></body></html>", "https://a.example/")


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://a.example/news/1</loc><lastmod>2025-07-10T14:00:00+06:00</lastmod>
<image:image><image:loc>https://cdn.a.example/1.jpg</image:loc></image:image>
<news:news><news:publication_date>2025-07-10T13:07:00+06:00</news:publication_date></news:news></url>
<url><loc>https://a.example/news/2</loc><lastmod>2025-07-09</lastmod></url>
</urlset>"""


def test_news_sitemaps_indexes_and_gzip():
    links = parse_sitemap(SITEMAP, "https://a.example/sitemap.xml", "Asia/Dhaka")
    assert [(link.url, link.kind) for link in links] == [("https://a.example/news/1", "page"), ("https://a.example/news/2", "page")]
    assert links[0].date == "2025-07-10T07:07:00+00:00" and links[0].lastmod == "2025-07-10T08:00:00+00:00"
    assert links[1].date == "2025-07-08T18:00:00+00:00"  # a bare day, in the outlet's zone
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc>'
             b"<lastmod>2025-07-10</lastmod></sitemap></sitemapindex>")
    assert [(link.url, link.kind) for link in parse_sitemap(index, "https://a.example/i.xml", "UTC")] == [
        ("https://a.example/s1.xml", "sitemap")]
    assert len(parse_sitemap(gzip.compress(SITEMAP), "https://a.example/s.xml.gz", "UTC")) == 2
    with pytest.raises(DiscoveryError, match="max_bytes"):
        parse_sitemap(gzip.compress(b" " * 5000 + SITEMAP), "https://a.example/s.xml.gz", "UTC", max_bytes=1000)
    with pytest.raises(DiscoveryError, match="not a sitemap"):
        parse_sitemap(b"<rss/>", "https://a.example/", "UTC")


def test_xml_entities_are_not_expanded():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&e;</loc></url></urlset>')
    try:
        links = parse_sitemap(bomb, "https://a.example/", "UTC")
    except DiscoveryError:
        return
    assert all("root:" not in link.url for link in links)


def test_section_links_stay_on_the_host_and_match_the_pattern(tmp_path):
    path = _write(tmp_path, "sources:\n  - id: a\n    name: A\n    home: https://a.example/\n"
                  "    sections: [https://a.example/politics]\n    article_pattern: '/politics/\\d+$'\n")
    source = load_sources(path)[0]
    body = (b"<html><body><a href='/politics/12'>a</a><a href='/politics/12#top'>again</a>"
            b"<a href='/politics/'>list</a><a href='https://b.example/politics/13'>off</a>"
            b"<a href='https://a.example/politics/14?utm_source=x'>b</a></body></html>")
    links = parse_section(body, "https://a.example/politics", source)
    assert [link.url for link in links] == ["https://a.example/politics/12", "https://a.example/politics/14"]


# --------------------------------------------------------------------------- bodies to pages

def test_bodies_become_pages_or_say_why_not():
    page = to_page("<html><head><meta charset='windows-1252'></head><body>caf\u00e9</body></html>".encode("cp1252"),
                   "https://a.example/1", "text/html")
    assert not isinstance(page, Rejection) and page.format is InputFormat.HTML and "café" in page.text
    text = to_page("ঢাকা, ১০ জুলাই\n\nএকটি খবর।".encode(), "https://a.example/2", "text/plain; charset=utf-8")
    assert not isinstance(text, Rejection) and text.format is InputFormat.PAGETEXT
    assert to_page(b"\x89PNG\r\n", "https://a.example/3", "image/png").reason == "not-a-page"
    assert to_page(b'{"a": 1}', "https://a.example/4", None).reason == "not-a-page"
    assert to_page(b"  ", "https://a.example/5", "text/html").reason == "empty"


def test_change_stamps_compare_as_instants():
    assert _later("2025-07-11T00:00:00+00:00", "2025-07-10T23:00:00+00:00")
    assert not _later("2025-07-10T06:00:00+00:00", "2025-07-10T12:00:00+06:00")  # the same instant
    assert _later("2025-07-10T00:00:00+00:00", None) and not _later(None, "2025-07-10T00:00:00+00:00")


def test_malformed_links_are_dropped_not_fatal(tmp_path):
    rss = RSS.replace(b"/news/2", b"http://[::1/news/2")
    assert [link.url for link in parse_feed(rss, "https://a.example/feed")] == ["https://a.example/news/1"]
    path = _write(tmp_path, "sources:\n  - id: a\n    name: A\n    home: https://a.example/\n"
                  "    sections: [https://a.example/p]\n    article_pattern: '/p/\\d+$'\n")
    body = b"<a href='http://a.example:99999/p/1'>x</a><a href='/p/2'>y</a>"
    assert [link.url for link in parse_section(body, "https://a.example/p", load_sources(path)[0])] == [
        "https://a.example/p/2"]
