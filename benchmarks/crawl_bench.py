"""How fast does ``ghotona crawl`` go, and what does the crawler itself cost?

One run, one local site (tests/crawlsite.py on 127.0.0.1, serving the demo
pages under many URLs, listed in a feed and a news sitemap), four ways:

1. ``httpx loop``: a plain sequential ``httpx.Client().get`` over the page
   URLs, what a user would write first.  The reference.
2. ``crawler, fetch only``: ``Crawler(fetch_only=True)``: robots.txt, feeds
   and sitemap, frontier rows, per-host gate, fetch log, compressed raw
   bodies, one transaction per page; no extraction.  Its ratio to (1) is the
   crawler's own overhead.
3. ``crawler, end to end``: the same plus extract -> code -> store for every
   page (what ``ghotona crawl`` does).
4. ``ingest from disk``: ``ghotona ingest`` of the same pages saved as files,
   so (3) against (4) shows what the network part adds to processing.

Politeness is switched off for the measurement (no interval, no Crawl-delay,
one request at a time per host, like the loop); a real crawl is paced by the
sites, not by ghotona.

    python benchmarks/crawl_bench.py             # 200 page URLs
    python benchmarks/crawl_bench.py --pages 50  # quicker
    python benchmarks/crawl_bench.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=200, help="page URLs to serve (the 10 demo pages repeated)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = ap.parse_args()

    import httpx
    from crawlsite import CrawlSite, Page, demo_pages

    from ghotona import config
    from ghotona.crawl import Crawler, load_sources
    from ghotona.demo import with_demo_outlets
    from ghotona.ingest import ingest
    from ghotona.pipeline import Extractor
    from ghotona.store import open_store

    demo = list(demo_pages().items())
    pages: dict[str, Page] = {}
    for i in range(args.pages):
        path, page = demo[i % len(demo)]
        # A distinct body per URL (a comment), so each is its own article and raw body.
        body = page.body + f"\n<!-- copy {i} -->\n".encode()
        pages[f"/news/c{i:04d}-{path.rsplit('/', 1)[1]}"] = Page(body, page.content_type, page.modified, page.date)

    cfg = with_demo_outlets(config.load())
    cfg["crawl"].update(min_interval=0.0, allow_private=True, per_host=1, concurrency=8, timeout=10.0)
    results: dict[str, float] = {}
    with CrawlSite(crawl_delay=0, pages=pages) as site, tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sources.yaml"
        src.write_text(site.sources_yaml(), encoding="utf-8")
        sources = load_sources(src)
        urls = [site.url(p) for p in site.page_paths()]

        # warm up: imports, models, the first connection
        with httpx.Client() as client:
            client.get(urls[0])
        Extractor(cfg)

        t = time.perf_counter()
        with httpx.Client() as client:
            for u in urls:
                client.get(u).raise_for_status()
        results["httpx loop"] = time.perf_counter() - t

        with open_store(str(Path(tmp) / "fetch.db")) as store:
            t = time.perf_counter()
            run = Crawler(sources, store, cfg, fetch_only=True).run()
            results["crawler, fetch only"] = time.perf_counter() - t
            assert run.pages_fetched == len(urls), run.counts()

        with open_store(str(Path(tmp) / "full.db")) as store:
            t = time.perf_counter()
            run = Crawler(sources, store, cfg).run()
            results["crawler, end to end"] = time.perf_counter() - t
            assert run.new == len(urls), run.counts()

        folder = Path(tmp) / "pages"
        folder.mkdir()
        for path, page in pages.items():
            (folder / path.rsplit("/", 1)[1]).write_bytes(page.body)
        with open_store(str(Path(tmp) / "ingest.db")) as store:
            t = time.perf_counter()
            summary = ingest([str(folder)], store, Extractor(cfg))
            results["ingest from disk"] = time.perf_counter() - t
            # saved files have no URL, so the copies share an id (outlet + title):
            # every file is still extracted and coded, most are stored as unchanged
            assert summary.seen == len(urls)

    base = results["httpx loop"]
    print(f"{len(urls)} page URLs from 127.0.0.1 ({platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()})\n")
    print(f"{'':24} {'seconds':>8} {'pages/s':>9} {'time vs httpx loop':>19}")
    for name, secs in results.items():
        print(f"{name:24} {secs:8.2f} {len(urls) / secs:9.1f} {secs / base:18.1f}x")
    over = results["crawler, fetch only"] - base
    print(f"\ncrawler overhead per page (fetch only minus the loop): {over / len(urls) * 1000:.1f} ms")
    share = results["crawler, fetch only"] / results["crawler, end to end"]
    print(f"share of end-to-end time spent crawling (fetch only / end to end): {share:.0%}")
    if args.json:
        Path(args.json).write_text(json.dumps({"pages": len(urls), "seconds": results}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
