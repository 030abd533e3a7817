"""The crawler against a real HTTP server on 127.0.0.1 (tests/crawlsite.py); no internet."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawlsite import CrawlSite, Page

from ghotona import __version__, config
from ghotona.cli import main
from ghotona.crawl import Crawler, CrawlSettings, Fetcher, check_sources, load_sources, reprocess
from ghotona.demo import outlets_file, with_demo_outlets
from ghotona.pipeline import Extractor
from ghotona.store import open_store


def crawl_config(**over: object) -> dict:
    cfg = with_demo_outlets(config.load())
    # Small delays so the suite stays fast; politeness is the same code.
    cfg["crawl"].update(min_interval=0.02, allow_private=True, timeout=0.5, backoff=0.02, retries=2,
                        max_bytes=200_000, retry_after=900.0)
    cfg["crawl"].update(over)
    return cfg


@pytest.fixture
def site():
    with CrawlSite() as s:
        yield s


def sources_for(site: CrawlSite, tmp_path: Path, **kw: bool):
    path = tmp_path / "sources.yaml"
    path.write_text(site.sources_yaml(**kw), encoding="utf-8")
    return path, load_sources(path)


def page_hits(site: CrawlSite, since: int = 0):
    return [h for h in site.hits[since:] if h.path.startswith("/news/")]


# --------------------------------------------------------------------------- the "done means"

def test_crawl_once_ingests_every_demo_page_politely_then_fetches_nothing_unchanged(site, tmp_path):
    _, sources = sources_for(site, tmp_path)
    cfg = crawl_config(min_interval=0.0)  # only the Crawl-delay (0.05 s) paces the host
    with open_store(str(tmp_path / "c.db")) as store:
        first = Crawler(sources, store, cfg).run()

        # every demo page, found through the feeds and the sitemap, is stored
        assert first.new == len(site.pages) == 10
        assert store.count_articles() == 10
        pages = [e for e in store.frontier() if e.kind == "page"]
        by_url = {e.url: e for e in pages}
        for path in site.pages:
            entry = by_url[site.url(path)]
            assert entry.state == "done" and entry.article_id and entry.feed_date
            assert entry.via in ("feed", "sitemap")
            assert store.get_article(entry.article_id).url == site.url(path)
        assert {e.via for e in pages if e.state == "done"} >= {"feed"}

        # robots.txt: the disallowed page was never requested, and says why
        assert not site.requests_to("/private/")
        hidden = by_url[site.url("/private/secret")]
        assert hidden.state == "skipped" and hidden.outcome == "skipped-robots"
        assert by_url["http://elsewhere.invalid/news/1"].outcome == "skipped-host"

        # pacing, measured where it matters: at the server
        arrivals = [h.at for h in site.hits]
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
        assert min(gaps) >= site.crawl_delay - 0.005, f"requests {min(gaps):.3f} s apart"
        assert all(h.headers["user-agent"].startswith(f"ghotona/{__version__} (+") for h in site.hits)

        # the run log
        run = store.runs(1)[0]
        assert run["kind"] == "crawl" and run["finished"] and run["counts"]["new"] == 10
        log = store.fetches(first.run_id)
        assert sum(1 for f in log if f.kind == "page" and f.outcome == "new") == 10
        assert all(f.status == 200 and f.bytes > 0 for f in log if f.outcome == "new")

        # a second run: endpoints answer 304 to conditional requests, no page is fetched
        n = len(site.hits)
        second = Crawler(sources, store, cfg).run()
        assert page_hits(site, n) == []
        endpoint_hits = [h for h in site.hits[n:] if h.path != "/robots.txt"]
        assert endpoint_hits and all("if-none-match" in h.headers for h in endpoint_hits)
        assert second.endpoints_not_modified == 4 and second.pages_fetched == 0
        assert second.new == second.changed == 0 and store.count_articles() == 10


def test_a_changed_page_is_fetched_again_conditionally_and_updated(site, tmp_path):
    _, sources = sources_for(site, tmp_path)
    cfg = crawl_config()
    with open_store(str(tmp_path / "c.db")) as store:
        Crawler(sources, store, cfg).run()
        changed, touched = site.page_paths()[0], site.page_paths()[-1]
        later = datetime(2025, 8, 1, tzinfo=timezone.utc)
        page = site.pages[changed]
        page.body = page.body.replace("</p>".encode(), " নতুন তথ্য যোগ হয়েছে।</p>".encode(), 1)
        page.modified = later
        site.pages[touched].modified = later  # a new stamp, the same bytes

        n = len(site.hits)
        run = Crawler(sources, store, cfg).run()
        fetched = page_hits(site, n)
        assert sorted(h.path for h in fetched) == sorted([changed, touched])
        assert all("if-none-match" in h.headers for h in fetched)
        assert run.requeued == 2 and run.changed == 1 and run.not_modified == 1
        article = store.get_article(store.frontier_get(site.url(changed)).article_id)
        assert "নতুন তথ্য" in article.body and len(store.history(article.id)) == 2


def test_section_pages_find_article_links_by_pattern(site, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "sources:\n  - id: loopsection\n    name: Loop\n"
        f"    home: {site.url('/')}\n    sections: [{site.url('/section')}]\n"
        "    article_pattern: '/news/[^/]+$'\n", encoding="utf-8")
    with open_store(str(tmp_path / "c.db")) as store:
        run = Crawler(load_sources(path), store, crawl_config()).run()
        assert run.new == 10
        assert {e.via for e in store.frontier() if e.kind == "page"} == {"section"}
        assert not site.requests_to("/about")  # on the host, but not an article link


# --------------------------------------------------------------------------- failures, retries, limits

def _fetch(site: CrawlSite, path: str, **over: object):
    settings = CrawlSettings.from_config(crawl_config(**over))

    async def go():
        async with Fetcher(settings) as f:
            return await f.get(site.url(path), frozenset({site.host}))

    return asyncio.run(go())


def test_fetcher_retries_a_server_error_then_succeeds(site):
    site.flaky_failures, site.crawl_delay = 2, 0
    r = _fetch(site, "/flaky", min_interval=0.0, backoff=0.1)
    assert r.outcome == "ok" and r.status == 200 and r.requests == 3
    flaky = site.requests_to("/flaky")
    assert len(flaky) == 3
    # exponential backoff between the tries: 0.1 s, then 0.2 s
    assert flaky[1].at - flaky[0].at >= 0.1 and flaky[2].at - flaky[1].at >= 0.2


def test_fetcher_gives_up_after_bounded_retries(site):
    site.flaky_failures = 10
    r = _fetch(site, "/flaky", retries=1)
    assert r.outcome == "failed" and r.status == 500 and not r.permanent and r.requests == 2


def test_fetcher_times_out_on_a_slow_endpoint(site):
    r = _fetch(site, "/slow", retries=0, timeout=0.2)
    assert r.outcome == "failed" and "timed out" in r.reason and not r.permanent


def test_fetcher_missing_page_is_a_permanent_failure(site):
    r = _fetch(site, "/missing")
    assert r.outcome == "failed" and r.status == 404 and r.permanent and r.requests == 1


def test_fetcher_follows_redirects_within_the_host_and_limits_them(site):
    r = _fetch(site, "/redirect/3")
    assert r.outcome == "ok" and r.final_url == site.url(site.page_paths()[0])
    r = _fetch(site, "/loop/0", max_redirects=3)
    assert r.outcome == "failed" and "more than 3 redirects" in r.reason and r.permanent
    assert len(site.requests_to("/loop/")) == 4
    r = _fetch(site, "/offhost")
    assert r.outcome == "failed" and "refused" in r.reason and r.permanent


def test_fetcher_cuts_off_an_oversized_page(site):
    r = _fetch(site, "/big", max_bytes=100_000)
    assert r.outcome == "failed" and "max_bytes" in r.reason and r.permanent and r.body == b""


def test_fetcher_refuses_loopback_unless_allowed_and_unconfigured_hosts(site):
    r = _fetch(site, "/news/x", allow_private=False)
    assert r.outcome == "skipped-address" and "allow_private" in r.reason
    assert site.hits == []  # not even robots.txt was asked

    settings = CrawlSettings.from_config(crawl_config())

    async def go():
        async with Fetcher(settings) as f:
            return await f.get(site.url("/news/x"), frozenset({"example.org"}))

    assert asyncio.run(go()).outcome == "skipped-host"


def test_crawl_logs_failures_with_reasons_and_retries_them_later(site, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "sources:\n  - id: loopsection\n    name: Loop\n"
        f"    home: {site.url('/')}\n    sections: [{site.url('/section')}]\n"
        "    article_pattern: '/(missing|big|image|flaky)$'\n", encoding="utf-8")
    site._section = lambda: b"<a href='/missing'>a</a><a href='/big'>b</a><a href='/image'>c</a><a href='/flaky'>d</a>"
    site.flaky_failures = 10
    cfg = crawl_config(retries=0, max_bytes=100_000)
    with open_store(str(tmp_path / "c.db")) as store:
        run = Crawler(load_sources(path), store, cfg).run()
        rows = {e.url.rsplit("/", 1)[1]: e for e in store.frontier() if e.kind == "page"}
        assert rows["missing"].state == "gone" and rows["missing"].reason == "HTTP 404"
        assert rows["big"].state == "gone" and "max_bytes" in rows["big"].reason
        assert rows["image"].state == "done" and rows["image"].outcome == "rejected"
        assert rows["flaky"].state == "failed" and rows["flaky"].attempts == 1 and rows["flaky"].next_attempt
        assert run.failed == 3 and run.failures["HTTP 404"] == 1
        assert store.runs(1)[0]["rejections_by_reason"] == {"not-a-page": 1}

        # not retried before its time; retried (and stored) once it has come
        n = len(site.hits)
        Crawler(load_sources(path), store, cfg).run()
        assert not [h for h in site.hits[n:] if h.path in ("/flaky", "/missing", "/big")]
        entry = rows["flaky"]
        entry.next_attempt = (datetime.now(timezone.utc) - timedelta(seconds=1)).isoformat()
        store.frontier_put(entry)
        site.flaky_failures = 0
        again = Crawler(load_sources(path), store, cfg).run()
        assert again.new == 1 and store.frontier_get(entry.url).state == "done"


def test_robots_unreadable_skips_the_host_for_the_run(site, tmp_path):
    _, sources = sources_for(site, tmp_path)
    original = site._handle

    def broken_robots(h):
        if h.path == "/robots.txt":
            return site._send(h, 503, b"down", "text/plain")
        return original(h)

    site._handle = broken_robots
    with open_store(str(tmp_path / "c.db")) as store:
        run = Crawler(sources, store, crawl_config(retries=0)).run()
        assert site.hits == []  # nothing but robots.txt was asked (this handler records no hits)
        assert run.new == 0 and run.endpoints_failed == 3
        assert all("robots.txt could not be read" in r for r in run.failures)
        assert {e.state for e in store.frontier()} == {"failed"}  # tried again next run


# --------------------------------------------------------------------------- dates, raw pages, reprocess

def test_feed_date_is_recorded_but_the_page_date_wins(site, tmp_path):
    _, sources = sources_for(site, tmp_path)
    dateless = "/news/zz_no_date.html"
    paragraphs = [
        "দুই দলের নেতারা আজ দীর্ঘ বৈঠকে বসেন এবং নির্বাচনের সময়সূচি নিয়ে বিস্তারিত আলোচনা করেন।",
        "বৈঠক শেষে তারা সাংবাদিকদের জানান, আলোচনা ফলপ্রসূ হয়েছে এবং আগামী সপ্তাহে আবার বসবেন।",
        "দলগুলোর মধ্যে মতপার্থক্য থাকলেও সবাই একটি সমঝোতায় পৌঁছাতে আগ্রহী বলে জানা গেছে।",
    ]
    body = "<html><body><article><h1>রাজধানীতে বৈঠক</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    site.pages[dateless] = Page(
        (body + "</article></body></html>").encode(), "text/html; charset=utf-8",
        datetime(2025, 7, 20, tzinfo=timezone.utc), datetime(2025, 7, 20, 3, 0, tzinfo=timezone.utc))
    with open_store(str(tmp_path / "c.db")) as store:
        Crawler(sources, store, crawl_config()).run()
        dated = store.frontier_get(site.url("/news/02_putin_pyongyang.txt"))
        article = store.get_article(dated.article_id)
        assert dated.feed_date.startswith("2025-07-02")  # what the feed said ...
        assert article.published.year == 2024  # ... and what the page says wins
        plain = store.get_article(store.frontier_get(site.url(dateless)).article_id)
        assert plain.published.isoformat() == "2025-07-20T09:00:00+06:00"
        assert any(w.startswith("published-from-feed") for w in plain.warnings)


def test_raw_pages_are_kept_and_reprocess_extracts_them_without_the_network(site, tmp_path):
    _, sources = sources_for(site, tmp_path)
    cfg = crawl_config()
    with open_store(str(tmp_path / "c.db")) as store:
        run = Crawler(sources, store, cfg, fetch_only=True).run()
        assert run.pages_fetched == 10 and store.count_articles() == 0
        raws = store.raw_responses()
        assert len(raws) == 10 and all(r.body for r in raws)
        n = len(site.hits)
        summary = reprocess(store, Extractor(cfg))
        assert summary.new == 10 and store.count_articles() == 10 and len(site.hits) == n
        assert all(e.article_id for e in store.frontier(state="done") if e.kind == "page")
        again = reprocess(store, Extractor(cfg))
        assert again.unchanged == 10 and store.runs(1)[0]["kind"] == "reprocess"
        assert reprocess(store, Extractor(cfg), since="2999-01-01").seen == 0


# --------------------------------------------------------------------------- CLI

def _cli_config(tmp_path: Path) -> Path:
    path = tmp_path / "ghotona.toml"
    path.write_text(
        f"[sources]\noutlet_files = [{json.dumps(str(outlets_file()))}]\n"
        "[crawl]\nmin_interval = 0.02\nallow_private = true\ntimeout = 2.0\nbackoff = 0.02\n", encoding="utf-8")
    return path


def test_cli_crawl_sources_check_and_reprocess(site, tmp_path):
    src, _ = sources_for(site, tmp_path)
    cfg, db = _cli_config(tmp_path), str(tmp_path / "cli.db")
    runner = CliRunner()
    r = runner.invoke(main, ["--config", str(cfg), "crawl", "--once", "--sources", str(src), "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    counts = json.loads(r.stdout.strip().splitlines()[-1])
    assert counts["new"] == 10 and counts["skipped"] == {"skipped-host": 1, "skipped-robots": 1}

    r = runner.invoke(main, ["--config", str(cfg), "crawl", "--sources", str(src), "--db", db])
    assert r.exit_code == 0 and "crawl run" in r.stdout

    r = runner.invoke(main, ["--config", str(cfg), "sources", "check", "--sources", str(src), "--json"])
    assert r.exit_code == 0, r.output
    checks = [json.loads(line) for line in r.stdout.strip().splitlines()]
    assert len(checks) == 3 and all(c["ok"] and c["status"] == 200 and c["links"] for c in checks)

    r = runner.invoke(main, ["--config", str(cfg), "reprocess", "--db", db])
    assert r.exit_code == 0 and "10 unchanged" in r.output

    r = runner.invoke(main, ["--config", str(cfg), "crawl", "--sources", str(src), "--every", "soon", "--db", db])
    assert r.exit_code == 2 and "duration" in r.output
    r = runner.invoke(main, ["--config", str(cfg), "crawl", "--db", db])
    assert r.exit_code == 2 and "--sources" in r.output


def test_sources_check_reports_endpoints_that_do_not_answer(site, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        f"sources:\n  - id: loop\n    name: Loop\n    home: {site.url('/')}\n"
        f"    feeds: [{site.url('/missing')}, {site.url('/section')}]\n", encoding="utf-8")
    results = check_sources(load_sources(path), crawl_config())
    assert [(r.ok, r.status) for r in results] == [(False, 404), (False, 200)]
    assert "HTTP 404" in results[0].detail and "feed" in results[1].detail
