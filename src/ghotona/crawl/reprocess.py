"""``ghotona reprocess``: extract the kept raw responses again with the current extractor.

When the extractor, the actor dictionary or the event coder improves, the
pages the crawler fetched are read again from the store (``crawl_raw``), not
from the web, and pushed through the same extract -> code -> store path as
``ingest`` and ``crawl`` (``ghotona.ingest.ingest_one``), as a run of kind
``reprocess``.
"""

from __future__ import annotations

from typing import Callable

from ..corpus.update import CorpusUpdater
from ..ingest import Coder, IngestSummary, ingest_one
from ..pipeline import Extractor
from ..records import Article, Rejection
from ..store import Store
from .page import to_page
from .runner import apply_feed_date

__all__ = ["reprocess"]


def reprocess(
    store: Store,
    extractor: Extractor,
    *,
    since: str | None = None,
    on_item: Callable[[Article | Rejection, str | None], None] | None = None,
) -> IngestSummary:
    """Re-extract the latest kept body of every crawled URL (fetched at or after ``since``, UTC ISO)."""
    summary = IngestSummary()
    summary.run_id = store.start_run("reprocess", {"since": since})
    updater = None
    try:
        coder = Coder(extractor.config)
        updater = CorpusUpdater(store, extractor.config)
        for raw in store.raw_responses(since):
            page = to_page(raw.body, raw.final_url, raw.content_type)
            entry = store.frontier_get(raw.url)
            result = page if isinstance(page, Rejection) else extractor.extract(page)
            if isinstance(result, Article) and entry is not None:
                apply_feed_date(result, entry.feed_date, extractor.tz)
            with store.transaction():
                outcome = ingest_one(result, store, coder, summary, updater)
                if entry is not None and isinstance(result, Article):
                    entry.article_id = result.id
                    store.frontier_put(entry)
            if on_item:
                on_item(result, outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        if updater is not None:
            updater.close()
        store.finish_run(summary.run_id, summary.counts(), summary.rejected)
    return summary
