"""Batch ingest: inputs -> extractor -> store, with counts and a run log.

Each article is written in its own transaction, with its actor mentions
(``Store.upsert_article``), so an interrupted ingest leaves every article
either fully stored or not stored at all, and running the same ingest again
finishes the job (unchanged pages are recognised).  Re-ingesting a page
replaces its stored actor mentions with the ones the current dictionary
finds, even when the page itself is unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .inputs import iter_pages
from .pipeline import Extractor
from .records import Article, InputFormat, RawPage, Rejection
from .store import Store


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    interrupted: bool = False
    run_id: int | None = None

    @property
    def seen(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.rejected)

    def counts(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "interrupted": self.interrupted,
        }

    def reasons(self) -> Counter[str]:
        return Counter(r.reason for r in self.rejected)


_WORKER: Extractor | None = None


def _init_worker(config: dict[str, Any]) -> None:
    # Each worker builds the pipeline once (language data, models), then maps pages.
    global _WORKER
    _WORKER = Extractor(config)


def _work(item: RawPage | Rejection) -> Article | Rejection:
    assert _WORKER is not None
    return _WORKER.extract(item) if isinstance(item, RawPage) else item


def extract_all(
    paths: list[str],
    extractor: Extractor,
    fmt: InputFormat | None = None,
    stdin: BinaryIO | None = None,
    workers: int = 1,
) -> Iterator[Article | Rejection]:
    """Pages to articles, lazily and in input order; rejections pass through as values.

    With ``workers`` > 1 extraction runs in that many processes (per-page
    work is a pure function, so results are the same); reading inputs and
    writing the store stay in this process.
    """
    items = iter_pages(paths, fmt=fmt, config=extractor.config, stdin=stdin)
    if workers <= 1:
        for item in items:
            yield extractor.extract(item) if isinstance(item, RawPage) else item
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    # Executor.map would read every input before the first result; keep a
    # bounded window of pages in flight instead, in input order.
    from collections import deque
    from itertools import islice

    window = workers * 16
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(extractor.config,)) as pool:
        pending = deque(pool.submit(_work, item) for item in islice(items, window))
        while pending:
            result = pending.popleft().result()
            for item in islice(items, 1):
                pending.append(pool.submit(_work, item))
            yield result


def ingest(
    paths: list[str],
    store: Store,
    extractor: Extractor,
    *,
    fmt: InputFormat | None = None,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Rejection, str | None], None] | None = None,
    workers: int = 1,
    run_kind: str = "ingest",
) -> IngestSummary:
    """Ingest every page under ``paths``; ``on_item`` sees each result and its store outcome."""
    summary = IngestSummary()
    summary.run_id = store.start_run(run_kind, {"paths": paths, "format": fmt.value if fmt else None})
    try:
        for result in extract_all(paths, extractor, fmt, stdin, workers):
            outcome: str | None = None
            if isinstance(result, Rejection):
                summary.rejected.append(result)
            else:
                outcome = store.upsert_article(result)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_item:
                on_item(result, outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        store.finish_run(summary.run_id, summary.counts(), summary.rejected)
    return summary
