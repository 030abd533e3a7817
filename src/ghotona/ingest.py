"""Batch ingest: inputs -> extractor -> coder -> store, with counts and a run log.

Each article is written in its own transaction, with its actor mentions
(``Store.upsert_article``), its events and its claims, so an interrupted
ingest leaves every article either fully stored or not stored at all, and
running the same ingest again finishes the job (unchanged pages are
recognised).  Re-ingesting a page replaces its stored actor mentions,
events and claims with the ones the current dictionary and coder find, even
when the page itself is unchanged.

Events and claims are coded in this process, after extraction (which may
run in worker processes): coding is fast next to extraction, and one
process keeps a single coder.  A coding failure costs the article its
events or claims, never its place in the store or the rest of the batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from .inputs import iter_pages
from .pipeline import Extractor
from .events.model import Event
from .records import Article, Claim, InputFormat, RawPage, Rejection
from .sections import skipped
from .store import Store
from .store.base import check_events

if TYPE_CHECKING:  # the corpus layer imports the store; load it only when a run needs it
    from .corpus.update import CorpusUpdater


@dataclass(slots=True, frozen=True)
class CodingError:
    """An article that was stored, but whose events or claims could not be coded."""

    source: str
    article_id: str
    stage: str  # "events" | "claims"
    detail: str


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    events: int = 0  # events stored by this run
    claims: int = 0  # claims stored by this run
    coding_errors: list[CodingError] = field(default_factory=list)
    # Corpus stages (corpus/update.py): duplicates, stories, threads, merged
    # events, conflicts found by this run, and the articles a stage failed on.
    corpus: dict[str, int] = field(default_factory=dict)
    corpus_errors: list[Any] = field(default_factory=list)
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
            "events": self.events,
            "claims": self.claims,
            "coding_errors": len(self.coding_errors),
            "corpus": dict(self.corpus),
            "corpus_errors": len(self.corpus_errors),
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


class _Coder:
    """Events and claims of one article; a failure becomes a ``CodingError``, not an exception."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        # Built once per ingest: the coder loads its lexicons and grammar.
        from .attribution import article_attributions
        from .claims import find_claims
        from .events.coder import default_coder
        from .sections import skip_sections

        self._coder = default_coder()
        # Pages of a section of no political events (a match report) are stored uncoded.
        self._skip = skip_sections(config)
        self._find_claims = find_claims
        self._attributions = article_attributions

    def code(self, article: Article) -> tuple[list[Event] | None, list[Claim] | None, list[CodingError]]:
        """``(events, claims, errors)``; ``None`` for the part that failed."""
        if article.language != "bn":
            return [], [], []  # the coder and the claim finder read Bengali only
        if skipped(article, self._skip):
            return [], [], []
        errors: list[CodingError] = []
        events: list[Event] | None = None
        claims: list[Claim] | None = None
        # Who cites whom is read once for both stages; if it fails, each stage
        # tries again on its own, so the error is reported where it bites.
        try:
            cited: list[Any] | None = self._attributions(article)
        except Exception:
            cited = None
        try:
            events = self._coder.code(article, attributions=cited)
            check_events(article.id, events)
        except Exception as exc:  # a coder bug costs this article its events, not the batch
            errors.append(self._error(article, "events", exc))
            events = None
        try:
            claims = self._find_claims(article, attributions=cited)
        except Exception as exc:
            errors.append(self._error(article, "claims", exc))
            claims = None
        return events, claims, errors

    @staticmethod
    def _error(article: Article, stage: str, exc: Exception) -> CodingError:
        return CodingError(
            article.source, article.id, stage,
            f"{type(exc).__name__}: {exc}; the article is stored without its {stage}; please report this page",
        )


def _store(
    store: Store, article: Article, events: list[Event] | None, claims: list[Claim] | None
) -> tuple[str, int, int]:
    """Write the article with its events and claims in one transaction; ``(outcome, n_events, n_claims)``.

    A part that could not be coded (``None``) keeps its stored rows when the
    text is unchanged (they still describe it) and is cleared otherwise
    (their offsets point into the old text).
    """
    with store.transaction():
        outcome = store.upsert_article(article)
        if events is not None:
            store.replace_events(article.id, events)
        elif outcome != "unchanged":
            store.replace_events(article.id, [])
        if claims is not None:
            store.replace_claims(article.id, claims)
        elif outcome != "unchanged":
            store.replace_claims(article.id, [])
    return outcome, len(events or []), len(claims or [])


#: The coder ``ingest_one`` needs: build one per run (it loads lexicons and grammar).
Coder = _Coder


def ingest_one(
    result: Article | Rejection, store: Store, coder: _Coder, summary: IngestSummary,
    updater: CorpusUpdater | None = None,
) -> str | None:
    """Code and store one extraction result, counting it in ``summary``; the store outcome, or None.

    The per-item step of :func:`ingest`; the crawler (``ghotona.crawl``) and
    ``reprocess`` push their pages through it too, so every way in shares
    one extract -> code -> store path.
    """
    if isinstance(result, Rejection):
        summary.rejected.append(result)
        return None
    events, claims, errors = coder.code(result)
    outcome, n_events, n_claims = _store(store, result, events, claims)
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    summary.events += n_events
    summary.claims += n_claims
    summary.coding_errors += errors
    if updater is not None and outcome != "unchanged":
        # Unchanged pages were placed when first stored; their story, copies
        # and happenings still hold.  Inside a caller's transaction (the
        # crawler's) each stage is a savepoint: its failure undoes only itself.
        update = updater.add(result, events or [], claims or [])
        summary.corpus_errors += update.errors
        summary.corpus = dict(updater.counts)
    return outcome


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
    corpus: bool = True,
) -> IngestSummary:
    """Ingest every page under ``paths``; ``on_item`` sees each result and its store outcome.

    Each Bengali article's events and claims are coded and stored with it;
    ``summary.coding_errors`` lists the articles whose coding failed (they
    are stored all the same).

    With ``corpus`` (the default) every new or changed article then goes
    through the corpus stages (``CorpusUpdater``: duplicates, stories and
    threads, merged events, conflicts), after its own transaction;
    ``summary.corpus`` counts what they did and ``summary.corpus_errors``
    lists the articles a stage failed on (stored all the same).
    """
    summary = IngestSummary()
    summary.run_id = store.start_run(run_kind, {"paths": paths, "format": fmt.value if fmt else None})
    updater = None
    try:
        coder = _Coder(extractor.config)
        if corpus:
            from .corpus.update import CorpusUpdater

            updater = CorpusUpdater(store, extractor.config)
        for result in extract_all(paths, extractor, fmt, stdin, workers):
            outcome = ingest_one(result, store, coder, summary, updater)
            if on_item:
                on_item(result, outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        if updater is not None:
            updater.close()  # an interrupted run keeps what its stored articles taught
        store.finish_run(summary.run_id, summary.counts(), summary.rejected)
    return summary
