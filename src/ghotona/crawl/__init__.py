"""The crawler: feeds, sitemaps and section pages to stored articles, politely (docs/crawl.md).

    from ghotona.crawl import Crawler, load_sources
    with open_store("ghotona.db") as store:
        summary = Crawler(load_sources("sources.yaml"), store, config.load()).run()

Modules: ``sources`` (the sources file), ``politeness`` (robots.txt,
pacing, address checks), ``fetch`` (polite async GETs), ``discover``
(feeds, sitemaps, section links), ``page`` (a body to a RawPage),
``runner`` (one run), ``check`` (``ghotona sources check``) and
``reprocess`` (re-extract kept bodies).
"""

from __future__ import annotations

from .check import EndpointCheck, check_sources
from .fetch import CrawlSettings, Fetcher, Response, user_agent
from .reprocess import reprocess
from .runner import Crawler, CrawlSummary
from .sources import CrawlSource, example_file, load_sources

__all__ = [
    "Crawler",
    "CrawlSummary",
    "CrawlSettings",
    "CrawlSource",
    "EndpointCheck",
    "Fetcher",
    "Response",
    "check_sources",
    "example_file",
    "load_sources",
    "reprocess",
    "user_agent",
]
