"""The storage interface: what the rest of ghotona may ask of a store.

Storage sits behind this abstract base (as in datasketch's storage layer) so
that the pipeline and CLI never see SQL, and a PostgreSQL backend can be
added later by implementing the same methods and registering a URL scheme in
``ghotona.store``.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Any, Literal

from ..events.model import Event
from ..records import ActorMention, Article, Claim, FetchRecord, FrontierEntry, RawResponse, Rejection

UpsertResult = Literal["new", "updated", "unchanged"]

#: ``list_articles(order=...)`` choices, for a CLI's ``click.Choice``.
ORDERS: tuple[str, ...] = ("published", "oldest", "seen", "title")

#: Markers around matched words in ``SearchHit.snippet``: private-use
#: characters, so that no page text (brackets, markup) can be mistaken for a
#: marker.  Use ``SearchHit.plain()`` / ``highlights()`` to display them.
SNIPPET_START = "\ue000"
SNIPPET_END = "\ue001"

#: The shortest id prefix ``get_article`` accepts (as ``git`` does for hashes).
MIN_PREFIX = 6

#: ``count_events_by_period`` periods -> length of the ISO day prefix that names one.
PERIODS: dict[str, int] = {"year": 4, "month": 7, "day": 10}


@dataclass(slots=True, frozen=True)
class SearchHit:
    """One full-text search result.

    ``snippet`` is a short extract with each matched word wrapped in
    ``SNIPPET_START``/``SNIPPET_END``.  ``rank`` is a relevance score where
    higher is better (negated BM25, title matches weighted above body ones);
    it only compares hits of the same query.
    """

    id: str
    title: str | None
    outlet: str | None
    published: datetime | None
    snippet: str
    rank: float

    def plain(self) -> str:
        """The snippet without markers."""
        return self.snippet.replace(SNIPPET_START, "").replace(SNIPPET_END, "")

    def highlights(self) -> list[tuple[int, int]]:
        """Character spans of the matched words in ``plain()``."""
        spans: list[tuple[int, int]] = []
        pos, start = 0, None
        for ch in self.snippet:
            if ch == SNIPPET_START:
                start = pos
            elif ch == SNIPPET_END and start is not None:
                spans.append((start, pos))
                start = None
            else:
                pos += 1
        return spans


@dataclass(slots=True, frozen=True)
class ActorArticle:
    """An article that names an actor (``Store.articles_with_actor``).

    ``mentions`` counts the article's mentions linked to the actor;
    ``first`` is the body offset of the first of them.
    """

    id: str
    title: str | None
    outlet: str | None
    published: datetime | None
    mentions: int
    first: int


# An event date as the coder writes it: a day, an ISO week, a month or a year.
_DATE_VALUE = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")


def date_range(value: date | str | None) -> tuple[str, str] | None:
    """The first and last day (ISO) that a date value may mean, or None if it is no date.

    ``2025-07-10`` is that day, ``2025-W28`` its Monday to Sunday,
    ``2025-07`` the whole month, ``2025`` the whole year.  Anything after
    the day (a clock time) is ignored.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat(), value.isoformat()
    m = _DATE_VALUE.match(str(value).strip())
    if m is None:
        return None
    year, week, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if week is not None:
            first, last = date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        elif day is not None:
            first = last = date(year, month or 1, day)
        elif month is not None:
            first = date(year, month, 1)
            last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # 2025-13, 2025-02-30, 2025-W54
        return None
    return first.isoformat(), last.isoformat()


def date_bound(value: date | str | None, name: str, *, end: bool) -> str | None:
    """A ``since`` (``end=False``) or ``until`` (``end=True``) filter as an ISO day, or None.

    A month or a year counts from its first day (since) or to its last
    (until), so ``until="2025-07"`` includes the 31st.
    """
    if value is None:
        return None
    span = date_range(value)
    if span is None or (isinstance(value, str) and not _DATE_VALUE.fullmatch(value.strip())):
        raise ValueError(f"{name} {value!r} is not a date; write it like 2025-07-10 (or 2025-07, or 2025)")
    return span[1] if end else span[0]


def check_events(article_id: str, events: list[Event]) -> None:
    """Refuse events that cannot be stored as the events of ``article_id``.

    Raises ``ValueError`` (before anything is written) for an event read from
    another article or two events sharing an id: either is a coder bug, and
    storing it would silently mix up or drop events.
    """
    seen: set[str] = set()
    for e in events:
        if e.article_id != article_id:
            raise ValueError(
                f"event {e.id} belongs to article {e.article_id}, not {article_id}; "
                "store each article's events under its own id"
            )
        if e.id in seen:
            raise ValueError(f"two events of article {article_id} share the id {e.id}; event ids must be unique")
        seen.add(e.id)


class Store(ABC):
    """Where articles, their actor mentions, events and claims, and the log of ingest runs are kept.

    A store is also a context manager: ``with open_store(path) as store:``
    closes it on exit.
    """

    #: Where the data lives, for messages (a file path, ``:memory:``, a URL).
    location: str = ""

    # -- articles ---------------------------------------------------------

    @abstractmethod
    def upsert_article(self, article: Article) -> UpsertResult:
        """Save ``article``; say whether it was new, changed or already there.

        Same ``id`` and same ``content_hash`` as the stored copy: nothing but
        its last-seen time changes (``"unchanged"``), so re-ingesting a batch
        is harmless.  Same id, different hash: the stored version moves to
        the history and ``article`` replaces it (``"updated"``).  Atomic: the
        row, its search index entry, its history and its actor mentions are
        written together or not at all.

        The article's actor mentions (``article.actor_mentions``) replace
        the stored ones in every case, ``"unchanged"`` included: they are
        derived from the text by the linker, so re-ingesting a page after a
        dictionary update refreshes them (see :meth:`mentions`).
        """

    @abstractmethod
    def get_article(self, id: str) -> Article:
        """The article with this id, or the only one whose id starts with it.

        A prefix must be at least ``MIN_PREFIX`` characters.  Raises
        ``NotFound`` (no match, prefix too short, or prefix ambiguous).
        """

    @abstractmethod
    def get_version(self, id: str, version: int) -> Article:
        """An article as it was at ``version`` (1 = first stored)."""

    @abstractmethod
    def history(self, id: str) -> list[dict[str, Any]]:
        """Every stored version of an article, oldest first.

        Each dict has ``version``, ``content_hash``, ``title``, ``stored_at``
        (when that version was first stored), ``replaced_at`` (``None`` for
        the current one) and ``current``.
        """

    @abstractmethod
    def list_articles(
        self,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        language: str | None = None,
        order: str = "published",
    ) -> list[Article]:
        """A page of articles.

        ``outlet`` matches the outlet name or the outlet id.  ``order`` is
        one of ``ORDERS``: ``published`` (newest first, undated last),
        ``oldest``, ``seen`` (most recently ingested first) or ``title``.
        """

    @abstractmethod
    def count_articles(self, outlet: str | None = None, language: str | None = None) -> int:
        """How many articles ``list_articles`` would page through."""

    @abstractmethod
    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        *,
        outlet: str | None = None,
        language: str | None = None,
    ) -> list[SearchHit]:
        """Full-text search over titles and bodies, best match first.

        ``query`` is plain words as a person types them, all of which must
        match.  Each word also matches as a prefix (``পুতিন`` finds
        ``পুতিনের``: Bengali inflects by suffix); ``"double quotes"`` ask
        for an exact word or phrase; a trailing ``*`` is accepted.  Search
        syntax characters are taken literally, so no query raises.
        """

    @abstractmethod
    def count_search(
        self, query: str, *, outlet: str | None = None, language: str | None = None
    ) -> int:
        """How many articles ``search`` would page through."""

    # -- actor mentions ---------------------------------------------------

    @abstractmethod
    def replace_mentions(self, article_id: str, mentions: list[ActorMention]) -> None:
        """Make ``mentions`` the stored actor mentions of the article (exact id).

        ``upsert_article`` calls this itself; use it to re-link stored
        articles without re-ingesting them.  Raises ``NotFound`` when no
        article has that id.
        """

    @abstractmethod
    def mentions(self, article_id: str) -> list[ActorMention]:
        """The article's actor mentions, in text order (as the latest upsert gave them).

        ``article_id`` may be a prefix, as for ``get_article``.  Raises
        ``NotFound`` when no article matches.
        """

    @abstractmethod
    def articles_with_actor(self, actor_id: str, limit: int = 50, offset: int = 0) -> list[ActorArticle]:
        """Articles with at least one mention linked to ``actor_id``, newest first.

        ``actor_id`` is a dictionary id (``Q7747``) or a provisional one
        (``prov:...``); an id nothing mentions gives an empty list.
        """

    @abstractmethod
    def count_articles_with_actor(self, actor_id: str) -> int:
        """How many articles ``articles_with_actor`` would page through."""

    # -- events and claims ------------------------------------------------

    @abstractmethod
    def replace_events(self, article_id: str, events: list[Event]) -> None:
        """Make ``events`` the stored events of the article (exact id), in one transaction.

        Events are derived from the text by the coder, so ingest calls this
        every time it codes an article: re-ingesting refreshes them and
        nothing else.  Raises ``NotFound`` when no article has that id and
        ``ValueError`` for events that belong elsewhere (``check_events``).
        """

    @abstractmethod
    def replace_claims(self, article_id: str, claims: list[Claim]) -> None:
        """Make ``claims`` the stored claims of the article (exact id), in one transaction.

        As for :meth:`replace_events`; the claims keep the order given.
        """

    @abstractmethod
    def events(
        self,
        *,
        article_id: str | None = None,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        limit: int = 50,
        offset: int = 0,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as ``Event.to_json()`` dicts, newest date first, undated last.

        ``type`` is a PLOVER type (``ASSAULT``); ``mode`` one of its modes;
        ``outlet`` the reporting outlet's id or name; ``actor_id`` matches an
        actor, a recipient or the location; ``since``/``until`` (a day, a
        month or a year, inclusive) keep the events whose date overlaps
        them, so ``since="2025-07-05"`` keeps an event dated only
        ``2025-07`` (see ``date_range``), and leave out undated events.
        Every filter is ANDed.  Events of one date: the newer article first.
        """

    @abstractmethod
    def count_events(
        self,
        *,
        article_id: str | None = None,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> int:
        """How many events ``events`` would page through."""

    @abstractmethod
    def count_events_by_period(
        self,
        period: str,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> list[tuple[str, int]]:
        """How many dated events start in each year, month or day (``period``, a key of ``PERIODS``).

        ``[("2025-07", 12), ...]`` oldest first, for a timeline; periods with
        no event are left out, and so are undated events.  Filters as for
        :meth:`events`.  ``ValueError`` for another period.
        """

    @abstractmethod
    def claims(
        self,
        *,
        article_id: str | None = None,
        counted: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored claims, newest article first and in text order within one.

        Each dict is ``Claim.to_json()`` plus ``article_id`` and the
        article's ``outlet``, ``outlet_id`` and ``published`` (ISO text), so
        that figures from different outlets can be set side by side.
        ``counted`` is what is counted (``killed``, ``troops``, ...).
        """

    @abstractmethod
    def count_claims(self, *, article_id: str | None = None, counted: str | None = None) -> int:
        """How many claims ``claims`` would page through."""

    # -- runs -------------------------------------------------------------

    @abstractmethod
    def start_run(self, kind: str, args: dict[str, Any]) -> int:
        """Log the start of a run (e.g. ``kind="ingest"``); return its id."""

    @abstractmethod
    def finish_run(
        self, run_id: int, counts: dict[str, Any], rejections: list[Rejection]
    ) -> None:
        """Record a run's outcome counts and every page it rejected, with why."""

    @abstractmethod
    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs, newest first.

        Each dict has ``id``, ``kind``, ``args``, ``started``, ``finished``
        (``None`` while running or if it died), ``counts``,
        ``rejection_count`` and ``rejections_by_reason`` (reason -> count).
        """

    @abstractmethod
    def run_rejections(self, run_id: int) -> list[Rejection]:
        """Every page a run rejected, in the order they were reported."""

    # -- crawl state (ghotona.crawl, docs/crawl.md) -------------------------

    @abstractmethod
    def frontier_get(self, url: str) -> FrontierEntry | None:
        """The crawler's row for ``url``, or None if it was never discovered."""

    @abstractmethod
    def frontier_put(self, entry: FrontierEntry) -> None:
        """Insert or replace the crawler's row for ``entry.url``."""

    @abstractmethod
    def frontier_due(self, kind: str, now: str, max_attempts: int, limit: int = 100_000) -> list[FrontierEntry]:
        """Rows of ``kind`` to fetch now, in discovery order.

        Pending rows, and failed rows with fewer than ``max_attempts`` tries
        whose ``next_attempt`` is not after ``now`` (UTC ISO).
        """

    @abstractmethod
    def frontier(self, *, source_id: str | None = None, state: str | None = None) -> list[FrontierEntry]:
        """Every frontier row (filtered), in discovery order."""

    @abstractmethod
    def log_fetch(self, run_id: int, record: FetchRecord) -> None:
        """Append one request to a crawl run's fetch log."""

    @abstractmethod
    def fetches(self, run_id: int) -> list[FetchRecord]:
        """A crawl run's fetch log, in request order."""

    @abstractmethod
    def save_raw(self, raw: RawResponse) -> bool:
        """Keep a response body (compressed); False if this URL already has this exact body."""

    @abstractmethod
    def raw_responses(self, since: str | None = None) -> list[RawResponse]:
        """The latest kept body of each URL (fetched at or after ``since``, UTC ISO), oldest first."""

    # -- lifecycle --------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Group writes: all of them happen or none do.

        Nests: an inner block that fails undoes only its own writes, so a
        batch can run in one outer transaction (fast) while each article
        stays atomic.
        """

    @abstractmethod
    def close(self) -> None:
        """Release the store; calling it twice is harmless."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
