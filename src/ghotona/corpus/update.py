"""The corpus orchestrator: what ingest runs for every article it stores.

``CorpusUpdater(store, config).add(article, events, claims)`` runs, in
order, duplicates (is it a copy?), stories (which happening is it about?,
threads included), event merging (which happenings do its events report?)
and conflicts (do its figures disagree with other outlets'?).  Each stage
is its own module; this one only wires them and keeps their failures apart:
a stage that raises costs this article that stage (recorded as a
``CorpusError``, reported like a coding error), never the other stages and
never the batch.  Each stage writes inside its own transaction, so a failed
stage leaves nothing half-written.

A stage whose module is not installed (an older checkout) is skipped; a
copy joins its original's story directly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .stories import StoryAssignment, StoryIndex

if TYPE_CHECKING:
    from ..events.model import Event
    from ..records import Article, Claim
    from ..store import Store

#: The stages, in the order they run.
STAGES = ("duplicates", "stories", "merge", "conflicts")


@dataclass(slots=True, frozen=True)
class CorpusError:
    """A corpus stage that failed for one article (the article stays stored)."""

    source: str
    article_id: str
    stage: str
    detail: str


@dataclass(slots=True)
class CorpusUpdate:
    """What the corpus stages made of one article."""

    article_id: str
    duplicate_of: str | None = None
    duplicate_method: str | None = None
    story: StoryAssignment | None = None
    happenings: int = 0
    conflicts: int = 0
    errors: list[CorpusError] = field(default_factory=list)


class CorpusUpdater:
    """Runs the corpus stages for each stored article; counts what they did.

    ``counts`` keeps running totals for the ingest summary: ``duplicates``
    (articles found to copy another), ``stories_new`` / ``stories_joined``,
    ``threads_linked`` (new stories that joined an existing thread),
    ``happenings`` (events merged) and ``conflicts``.  Call :meth:`close`
    at the end of a batch (it saves what is kept in memory between
    articles, such as document frequencies).
    """

    def __init__(self, store: "Store", config: Mapping[str, Any] | None = None) -> None:
        from .. import config as config_mod

        self.store = store
        self.config = dict(config) if config is not None else config_mod.load()
        self.counts: Counter[str] = Counter()
        self.errors: list[CorpusError] = []
        self._dups: Any = None
        self._merger: Any = None
        self._conflicts: Any = None
        try:
            from .duplicates import DuplicateIndex

            self._dups = DuplicateIndex(store, config=self.config)
        except ImportError:
            pass
        self.stories = StoryIndex(store, self.config)
        try:
            from .merge import EventMerger

            self._merger = EventMerger(store, self.config)
        except ImportError:
            pass
        try:
            from . import conflicts

            self._conflicts = conflicts
        except ImportError:
            pass

    def add(
        self,
        article: "Article",
        events: Sequence["Event"] | None = None,
        claims: Sequence["Claim"] | None = None,
    ) -> CorpusUpdate:
        """Run every stage for a stored article (new or changed); never raises for a stage's failure.

        ``events``/``claims`` are what ingest just stored for it (None: read
        them from the store).
        """
        out = CorpusUpdate(article.id)
        if events is None:
            events = self.store.events(article_id=article.id, limit=10_000)  # type: ignore[assignment]
        if self._dups is not None:
            with self._stage(out, article, "duplicates"):
                match = self._dups.check(article)
                with self.store.transaction():
                    self._dups.add(article, match)
                if match is not None and match.article_id == article.id:
                    out.duplicate_of, out.duplicate_method = match.original_id, match.method
                    self.counts["duplicates"] += 1
        with self._stage(out, article, "stories"):
            with self.store.transaction():
                a = self.stories.assign(article, events, duplicate_of=out.duplicate_of)
            out.story = a
            self.counts["stories_new" if a.new else "stories_joined"] += 1
        if self._merger is not None and events:
            with self._stage(out, article, "merge"):
                with self.store.transaction():
                    links = self._merger.add(article, list(events))
                out.happenings = len(links)
                self.counts["happenings"] += len(links)
        if self._conflicts is not None:
            with self._stage(out, article, "conflicts"):
                with self.store.transaction():
                    found = self._update_conflicts(article, claims)
                out.conflicts = found
                self.counts["conflicts"] += found
        return out

    def _update_conflicts(self, article: "Article", claims: Sequence["Claim"] | None) -> int:
        found = self._conflicts.update_conflicts(
            self.store, article, self.config, claims=None if claims is None else list(claims)
        )
        return len(found)

    def close(self) -> None:
        """Save what the stages keep in memory between articles."""
        self.stories.flush()

    # -- plumbing ---------------------------------------------------------

    def _stage(self, out: CorpusUpdate, article: "Article", stage: str) -> "_Guard":
        return _Guard(self, out, article, stage)


class _Guard:
    """Turns an exception inside one stage into a ``CorpusError`` (the batch goes on)."""

    def __init__(self, owner: CorpusUpdater, out: CorpusUpdate, article: "Article", stage: str) -> None:
        self.owner, self.out, self.article, self.stage = owner, out, article, stage

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # KeyboardInterrupt and friends still stop the run
        err = CorpusError(
            self.article.source, self.article.id, self.stage,
            f"{type(exc).__name__}: {exc}; the article is stored, but without its {self.stage} "
            "update; please report this page",
        )
        self.out.errors.append(err)
        self.owner.errors.append(err)
        self.owner.counts["errors"] += 1
        return True
