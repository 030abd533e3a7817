"""A bulk corpus pass on two cores: duplicates in one process, stories and threads in the other.

Ingest runs the corpus stages article by article in one process
(``CorpusUpdater``), which is right for a few hundred new pages.  Rebuilding
the duplicate links and the stories of a whole store (``ghotona corpus
rebuild``), or measuring them on a million articles
(benchmarks/corpus_bench.py), is a stream of the same work that one core
cannot finish in the issue's 30 minutes.  :class:`CorpusPass` splits it in
two stages that run at the same time:

- this process reads the articles, finds their words once for both stages
  (``corpus.tokens``), runs duplicate detection (``DuplicateIndex``), and
  counts each article's story features and numbers them
  (``textsim.TermCounter``): work that needs nothing the stories know;
- a second process runs story assignment and thread linking
  (``StoryIndex``), which needs each article's duplicate link: a copy joins
  its original's story.  It gets feature ids and counts, not words (and
  the article without its body), and keeps its document frequencies in
  arrays indexed by term id (``textsim.DocFreqById``).

Articles travel between them in batches, in order, so the story stage sees
exactly what it would see in one process; the results are the same as
``workers=1`` and as ``StoryIndex.assign`` on its own
(tests/test_corpus_speed.py checks both).  The work is split so that the
two processes take about as long as each other.

With a store, each process opens its own connection (SQLite in WAL mode
lets one write while the other reads; writes wait for each other) and
writes a batch in one transaction, each article in its own savepoint, so
one failing article costs that article its stage, never the batch
(``CorpusError``, as ingest reports them).
"""

from __future__ import annotations

import multiprocessing as mp
import queue as queue_mod
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .textsim import TermCounter, TermCounts
from .tokens import article_words
from .update import CorpusError

if TYPE_CHECKING:
    from ..records import Article
    from ..store import Store
    from .stories import StoryAssignment

__all__ = ["CorpusPass", "PassOutcome"]

# How long the reader waits for the story process before checking it is alive (s).
_POLL = 1.0


@dataclass(slots=True, frozen=True)
class PassOutcome:
    """What the pass made of one article: its duplicate link, its story, the stages that failed."""

    article_id: str
    duplicate_of: str | None = None
    duplicate_method: str | None = None
    story: "StoryAssignment | None" = None
    errors: tuple[CorpusError, ...] = ()


@dataclass(slots=True)
class _Item:
    """One article as the story stage needs it (the article without its body unless embeddings read it)."""

    article: "Article"
    events: Sequence[Any] | None
    terms: TermCounts
    duplicate_of: str | None


@dataclass(slots=True)
class _Batch:
    """Articles for the story stage, with the feature names numbered since the last batch."""

    names: list[str]
    items: list[_Item]


def _error(article: "Article", stage: str, exc: Exception) -> CorpusError:
    return CorpusError(
        article.source, article.id, stage,
        f"{type(exc).__name__}: {exc}; the article is stored, but without its {stage} update; please report this page",
    )


def _open(store_path: str | None) -> "Store | None":
    if store_path is None:
        return None
    from ..store import open_store

    return open_store(store_path)


class _StoryStage:
    """Story assignment (threads included) over batches of ``_Item``, in this process or the second."""

    def __init__(self, store: "Store | None", config: Mapping[str, Any]) -> None:
        from .stories import StoryIndex

        self.store = store
        self.index = StoryIndex(store, config, by_id=True)

    def run(self, batch: _Batch) -> list[tuple["StoryAssignment | None", CorpusError | None]]:
        out: list[tuple[StoryAssignment | None, CorpusError | None]] = []
        store = self.store
        self.index.df.learn(batch.names)  # type: ignore[union-attr]  # a by-id index
        with store.transaction() if store is not None else nullcontext():
            for it in batch.items:
                try:
                    with store.transaction() if store is not None else nullcontext():
                        a = self.index.assign(it.article, it.events, duplicate_of=it.duplicate_of, terms=it.terms)
                    out.append((a, None))
                except Exception as exc:  # one bad article never stops the batch
                    out.append((None, _error(it.article, "stories", exc)))
        return out

    def close(self) -> None:
        self.index.flush()


def _story_process(store_path: str | None, config: Mapping[str, Any], inbox: Any, outbox: Any) -> None:
    """The second process: build the story stage once, then answer batches in order until None."""
    try:
        store = _open(store_path)
        stage = _StoryStage(store, config)
    except BaseException as exc:  # reported by the reader, which would otherwise wait for ever
        outbox.put(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    try:
        while True:
            batch = inbox.get()
            if batch is None:
                break
            outbox.put(("ok", stage.run(batch)))
        stage.close()
        outbox.put(("done", None))
    except BaseException as exc:
        outbox.put(("fatal", f"{type(exc).__name__}: {exc}"))
    finally:
        if store is not None:
            store.close()


@dataclass
class CorpusPass:
    """Duplicates, then stories and threads, for a stream of articles in publication order.

    ``store``: the store both stages write to (None: in memory, as the
    benchmark runs).  ``workers``: 2 runs the story stage in a second
    process (the store must then be a file both can open), 1 runs both
    here.  ``batch``: articles sent to the story process at a time
    (0: ``[corpus] pass_batch``).
    ``config`` as ``ghotona.config.load()`` returns it.
    """

    store: "Store | None" = None
    config: Mapping[str, Any] | None = None
    workers: int = 2
    batch: int = 0  # 0: [corpus] pass_batch
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[CorpusError] = field(default_factory=list)

    def __post_init__(self) -> None:
        from .. import config as config_mod
        from .duplicates import DuplicateIndex
        from .stories import StoryParams, story_analyzer

        if self.workers not in (1, 2):
            raise ValueError(f"workers must be 1 or 2 (one process per stage), got {self.workers}")
        self.config = dict(self.config) if self.config is not None else config_mod.load()
        if self.batch == 0:
            self.batch = int(self.config.get("corpus", {}).get("pass_batch", 200))
        if self.batch < 1:
            raise ValueError(f"batch must be at least 1 ([corpus] pass_batch), got {self.batch}")
        self._store_path: str | None = None
        if self.store is not None and self.workers > 1:
            path = getattr(self.store, "path", None)
            if not path or path == ":memory:":
                raise ValueError(
                    "a second process cannot open an in-memory store; use a store file or workers=1"
                )
            self._store_path = str(path)
        self.dups = DuplicateIndex(self.store, config=self.config)
        params = StoryParams.from_config(self.config)
        self._lead, self._repeat = params.lead_chars, params.title_repeat
        self._terms = TermCounter(story_analyzer(params))
        # The story stage reads the body only to embed it ([stories] embeddings).
        self._send_body = params.embeddings != "off"

    # -- the first stage ----------------------------------------------------

    def _duplicates(self, article: "Article", words: list[str]) -> tuple[PassOutcome, str | None]:
        store = self.store
        try:
            with store.transaction() if store is not None else nullcontext():
                match = self.dups.check(article, words)
                self.dups.add(article, match)
        except Exception as exc:
            err = _error(article, "duplicates", exc)
            return PassOutcome(article.id, errors=(err,)), None
        if match is not None and match.article_id == article.id:
            self.counts["duplicates"] += 1
            return PassOutcome(article.id, match.original_id, match.method), match.original_id
        return PassOutcome(article.id), None

    def _finish(self, first: PassOutcome, story: tuple["StoryAssignment | None", CorpusError | None]) -> PassOutcome:
        a, err = story
        errors = first.errors + ((err,) if err is not None else ())
        if a is not None:
            self.counts["stories_new" if a.new else "stories_joined"] += 1
        self.counts["articles"] += 1
        self.errors.extend(errors)
        self.counts["errors"] += len(errors)
        return PassOutcome(first.article_id, first.duplicate_of, first.duplicate_method, a, errors)

    # -- the pass -------------------------------------------------------------

    def run(self, items: Iterable[tuple["Article", Sequence[Any] | None]]) -> Iterator[PassOutcome]:
        """Outcomes of ``(article, events)`` pairs, in their order, as the story stage finishes them.

        ``events`` are the article's coded events (``Event`` or their stored
        JSON; None reads them from the store).  Feed articles in publication
        order: the earliest of a set of copies is the original, and stories
        close as time moves on.
        """
        if self.workers == 1:
            yield from self._run_here(items)
        else:
            yield from self._run_two(items)

    def _chunks(
        self, items: Iterable[tuple["Article", Sequence[Any] | None]]
    ) -> Iterator[tuple[list[PassOutcome], _Batch]]:
        group: list[tuple[Article, Sequence[Any] | None]] = []
        for pair in items:
            group.append(pair)
            if len(group) >= self.batch:
                yield self._first_stage(group)
                group = []
        if group:
            yield self._first_stage(group)

    def _first_stage(self, group: list[tuple["Article", Sequence[Any] | None]]) -> tuple[list[PassOutcome], _Batch]:
        """Words and duplicates for a batch (its writes in one transaction), and what the story stage needs."""
        from .stories import actor_counts

        store = self.store
        firsts: list[PassOutcome] = []
        batch: list[_Item] = []
        keep_body = self._send_body
        with store.transaction() if store is not None else nullcontext():
            for article, events in group:
                w = article_words(article, self._lead, self._repeat)
                first, original = self._duplicates(article, w.body)
                firsts.append(first)
                if events is None and store is not None:
                    events = store.events(article_id=article.id, limit=10_000)
                # Story features, as stories.Profiler counts them: the text's, then the actors'.
                terms = self._terms.count(w.story, actor_counts(article))
                slim = article if keep_body else replace(
                    article, paragraphs=[], actor_mentions=[], time_expressions=[], removed=[], dates_on_page=[],
                )
                batch.append(_Item(slim, list(events) if events is not None else [], terms, original))
        return firsts, _Batch(self._terms.term_ids.take_new(), batch)

    def _run_here(self, items: Iterable[tuple["Article", Sequence[Any] | None]]) -> Iterator[PassOutcome]:
        stage = _StoryStage(self.store, self.config or {})
        try:
            for firsts, batch in self._chunks(items):
                for first, story in zip(firsts, stage.run(batch)):
                    yield self._finish(first, story)
        finally:
            stage.close()

    def _run_two(self, items: Iterable[tuple["Article", Sequence[Any] | None]]) -> Iterator[PassOutcome]:
        ctx = mp.get_context("spawn")  # a fresh interpreter: no inherited SQLite connection
        inbox = ctx.Queue(maxsize=4)  # bounded: the reader never runs far ahead of the stories
        outbox = ctx.Queue()
        proc = ctx.Process(
            target=_story_process, args=(self._store_path, self.config, inbox, outbox), name="ghotona-stories",
            daemon=True,
        )
        proc.start()
        pending: deque[list[PassOutcome]] = deque()
        done = False

        def receive(block: bool) -> Iterator[PassOutcome]:
            nonlocal done
            while pending or (block and not done):
                try:
                    kind, payload = outbox.get(timeout=_POLL) if block else outbox.get_nowait()
                except queue_mod.Empty:
                    if not block:
                        return
                    if not proc.is_alive():
                        raise RuntimeError(
                            f"the story process stopped (exit code {proc.exitcode}); "
                            "run again with --workers 1 to see the error"
                        ) from None
                    continue
                if kind == "fatal":
                    raise RuntimeError(f"the story process failed: {payload}")
                if kind == "done":
                    done = True
                    continue
                for first, story in zip(pending.popleft(), payload):
                    yield self._finish(first, story)

        def send(obj: Any) -> Iterator[PassOutcome]:
            # A full inbox means the story process is behind: collect what it
            # has finished while waiting, so results stream out steadily.
            while True:
                try:
                    inbox.put(obj, timeout=_POLL)
                    return
                except queue_mod.Full:
                    if not proc.is_alive():
                        raise RuntimeError(
                            f"the story process stopped (exit code {proc.exitcode}); "
                            "run again with --workers 1 to see the error"
                        ) from None
                    yield from receive(False)

        try:
            for firsts, batch in self._chunks(items):
                pending.append(firsts)
                yield from send(batch)
                yield from receive(False)
            yield from send(None)
            yield from receive(True)
        finally:
            if proc.is_alive() and not done:
                proc.terminate()
            proc.join(timeout=30)


def rebuild(
    store: "Store", config: Mapping[str, Any] | None = None, *, workers: int = 2, batch: int = 0,
    page: int = 2000,
) -> Iterator[PassOutcome]:
    """Forget the store's duplicate links, stories and threads and find them again for every article.

    Articles are read oldest first (publication time, undated last), as if
    they had been ingested in that order.  Event merging and conflicts are
    left as they are (they do not read the duplicate links or stories).
    Articles are read ``page`` at a time (offset paging: each page skips the
    rows before it, so large pages keep a million-article store to a few
    hundred page reads).
    """
    store.clear_corpus_links()
    cp = CorpusPass(store, config, workers=workers, batch=batch)

    def articles() -> Iterator[tuple["Article", None]]:
        offset = 0
        while True:
            rows = store.list_articles(limit=page, offset=offset, order="oldest")
            if not rows:
                return
            offset += len(rows)
            for a in rows:
                yield a, None

    yield from cp.run(articles())
