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


@dataclass(slots=True, frozen=True)
class StoredFingerprint:
    """What the duplicate index stored for one article (``Store.fingerprints``).

    ``shingles`` are the sorted distinct uint32 shingle hashes as
    little-endian bytes (``numpy.frombuffer(..., "<u4")``), made with
    ``shingle_words``-word n-grams; ``published`` and ``first_seen`` (UTC
    ISO text) decide which of two copies is the original.
    """

    article_id: str
    body_key: str
    shingle_words: int
    words: int
    shingles: bytes
    published: datetime | None
    first_seen: str


@dataclass(slots=True, frozen=True)
class DuplicateRecord:
    """An article known to be a copy of another (``Store.duplicates``).

    The copy keeps its own outlet and URL; ``original_*`` describe the
    article it copies.  ``jaccard`` is their exact shingle Jaccard
    similarity (1.0 for an exact copy); ``method`` is ``exact`` or ``near``;
    ``found`` (UTC ISO text) is when the copy was recognised.
    """

    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    original_id: str
    original_title: str | None
    original_outlet: str | None
    original_url: str | None
    original_published: datetime | None
    jaccard: float
    method: str
    found: str


@dataclass(slots=True, frozen=True)
class StoryRow:
    """A story's summary (``Store.stories``; corpus/stories.py, docs/stories.md).

    ``first``/``last`` are the ISO days of its earliest and latest dated
    article (None when none is dated); ``first_time``/``last_time`` the same
    in days since the epoch.  ``title`` is its first article's.
    """

    id: int
    thread_id: int
    title: str | None
    first: str | None
    last: str | None
    n_articles: int
    first_time: float | None = None
    last_time: float | None = None


@dataclass(slots=True, frozen=True)
class StoryArticle:
    """One article of a story (``Store.story_articles``), with what it cites.

    ``via`` says how it joined: ``new`` (it started the story), ``score``
    (its similarity passed the threshold: ``score``) or ``duplicate`` (a
    copy joins its original's story).
    """

    id: str
    story_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    wire_sources: list[str]
    score: float
    via: str


@dataclass(slots=True, frozen=True)
class ThreadRow:
    """A thread's summary (``Store.threads``): stories linked over time."""

    id: int
    title: str | None
    first: str | None
    last: str | None
    n_stories: int
    n_articles: int


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
    def restate_event(self, data: dict[str, Any]) -> None:
        """Replace one stored event's record (``Event.to_json()``: same id, same article, same
        participants) with a restated one: its status and date as a corpus stage found them
        (``corpus/merge.py``: an undated telling that recalls an older happening).  Raises
        ``NotFound`` when no event has that id."""

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

    # -- duplicates (corpus/duplicates.py, docs/duplicates.md) ------------

    @abstractmethod
    def save_fingerprint(
        self,
        article_id: str,
        body_key: str,
        shingle_words: int,
        words: int,
        shingles: bytes,
        bands: list[int],
    ) -> None:
        """Store (or replace) the article's duplicate fingerprint and its LSH band keys.

        ``bands`` are signed 64-bit ints.  Replacing drops the old band rows
        (an updated article must not stay findable under its old text).
        Raises ``NotFound`` when no article has that id.
        """

    @abstractmethod
    def fingerprints_with_key(self, body_key: str) -> list[str]:
        """Ids of the articles whose body key is ``body_key`` (exact copies), oldest first."""

    @abstractmethod
    def band_candidates(self, bands: list[int]) -> list[str]:
        """Ids of the articles sharing at least one LSH band key with ``bands``."""

    @abstractmethod
    def fingerprints(self, article_ids: list[str]) -> list[StoredFingerprint]:
        """The stored fingerprints of these articles (exact ids; unknown ids are skipped)."""

    @abstractmethod
    def record_duplicate(self, article_id: str, original_id: str | None, jaccard: float = 1.0, method: str = "near") -> None:
        """Record ``article_id`` as a copy of ``original_id``; ``None`` records that it is no copy.

        ``method`` is ``exact`` or ``near``.  Which article is the original
        is the duplicate index's decision; the store keeps what it is told.
        Raises ``NotFound`` when either article is not stored.
        """

    @abstractmethod
    def duplicate_of(self, article_id: str) -> DuplicateRecord | None:
        """The article's duplicate record (exact id), or None when it is no known copy."""

    @abstractmethod
    def duplicates(self, limit: int = 50, offset: int = 0, *, original_id: str | None = None) -> list[DuplicateRecord]:
        """Known copies, most recently found first; ``original_id`` keeps the copies of one article."""

    @abstractmethod
    def count_duplicates(self, *, original_id: str | None = None) -> int:
        """How many records ``duplicates`` would page through."""

    # -- happenings and conflicts (corpus/merge.py, corpus/conflicts.py, docs/conflicts.md)

    @abstractmethod
    def save_happening(self, data: dict[str, Any]) -> None:
        """Insert or replace a happening (``Happening.to_json()``) and its participants.

        The ``mentions`` in ``data`` are not stored here (they are rows of
        :meth:`add_happening_mention`); the counts are.
        """

    @abstractmethod
    def delete_happening(self, happening_id: str) -> None:
        """Remove a happening, its mentions' rows and its links (no error if absent)."""

    def clear_corpus_links(self) -> None:
        """Remove every duplicate record, fingerprint, story, thread and term count (``ghotona corpus rebuild``)."""
        raise NotImplementedError(f"{type(self).__name__} cannot clear its duplicates and stories; rebuild needs SQLite")

    @abstractmethod
    def clear_happenings(self) -> None:
        """Remove every happening, mention row and link (before a full rebuild)."""

    @abstractmethod
    def happening_exists(self, happening_id: str) -> bool:
        """Whether a happening with exactly this id is stored."""

    @abstractmethod
    def add_happening_mention(
        self, event_id: str, happening_id: str, article_id: str, score: float, article_date: str | None
    ) -> None:
        """Record that stored event ``event_id`` reports ``happening_id`` (replacing any earlier row)."""

    @abstractmethod
    def remove_happening_mentions(self, article_id: str) -> list[str]:
        """Drop the article's mention rows; return the ids of the happenings they were in."""

    @abstractmethod
    def happening_mention_rows(self, happening_id: str) -> list[dict[str, Any]]:
        """The mentions of a happening with what the merger needs, oldest article first.

        Each dict: ``event`` (``Event.to_json()``), ``article_id``,
        ``article_date``, ``score``, and the article's ``outlet``,
        ``outlet_id``, ``url``, ``published`` (ISO text) and ``title``.
        Rows whose event is no longer stored are left out.
        """

    @abstractmethod
    def happening_candidates(
        self, types: list[str], *, since: str | None, until: str | None, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Happenings of these types whose date window overlaps ``since``..``until`` (ISO days).

        Without a window, the latest ones.  Each dict is the happening's JSON
        without ``mentions`` (enough to score a new mention against).
        """

    @abstractmethod
    def link_happenings(self, from_id: str, to_id: str, kind: str) -> None:
        """Link two happenings (``planned_for``: from a plan to what it announced)."""

    @abstractmethod
    def happening_links(self, happening_id: str) -> list[tuple[str, str]]:
        """``(kind, other id)`` for every link of a happening; incoming ``planned_for`` reads ``planned_by``."""

    @abstractmethod
    def happenings(
        self,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        min_articles: int = 1,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored happenings (``Happening.to_json()``, mentions included), most reported first.

        Filters as for :meth:`events` (``actor_id`` matches an actor, a
        recipient or the location; the date range keeps happenings whose
        interval overlaps it); ``min_articles`` keeps those reported by at
        least that many articles.
        """

    @abstractmethod
    def count_happenings(
        self,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        min_articles: int = 1,
    ) -> int:
        """How many happenings ``happenings`` would page through."""

    @abstractmethod
    def get_happening(self, happening_id: str) -> dict[str, Any]:
        """One happening with every mention; raises ``NotFound`` (an id prefix of 6+ characters is accepted)."""

    @abstractmethod
    def happening_of_event(self, event_id: str) -> dict[str, Any] | None:
        """The happening a stored event was merged into, or None (not merged yet)."""

    @abstractmethod
    def replace_claim_keys(self, article_id: str, keys: list[dict[str, Any]]) -> None:
        """Make ``keys`` the conflict keys of the article's claims (see corpus/conflicts.py)."""

    @abstractmethod
    def claim_key_candidates(
        self, counted: str, unit: str, since: str, until: str, *, exclude_article: str, limit: int = 500
    ) -> list[dict[str, Any]]:
        """Keys of claims about ``counted`` in ``unit`` whose time overlaps ``since``..``until``, other articles only."""

    @abstractmethod
    def replace_conflicts(self, article_id: str, conflicts: list[dict[str, Any]]) -> None:
        """Drop every conflict involving the article, then store ``conflicts`` (``Conflict.to_json()``)."""

    @abstractmethod
    def conflicts(
        self, *, article_id: str | None = None, counted: str | None = None, kind: str | None = None,
        limit: int = 50, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored conflicts (``Conflict.to_json()``), newest found first; filters ANDed."""

    @abstractmethod
    def count_conflicts(
        self, *, article_id: str | None = None, counted: str | None = None, kind: str | None = None
    ) -> int:
        """How many conflicts ``conflicts`` would page through."""

    # -- stories and threads (corpus/stories.py, corpus/threads.py, docs/stories.md)

    @abstractmethod
    def load_term_df(self) -> tuple[dict[str, int], int]:
        """The stored TF-IDF document frequencies and the number of documents behind them."""

    @abstractmethod
    def save_term_df(self, changed: dict[str, int], n_docs: int) -> None:
        """Store the frequencies of ``changed`` terms (absolute values) and the document count."""

    @abstractmethod
    def save_story_member(self, story_id: int, article_id: str, profile: dict[str, Any], score: float, via: str) -> None:
        """Make ``story_id`` the article's story (replacing any earlier one), with the profile it was scored by."""

    @abstractmethod
    def save_story(self, row: StoryRow) -> None:
        """Insert or replace a story's summary row."""

    @abstractmethod
    def delete_story(self, story_id: int) -> None:
        """Remove a story that lost its last article (no error if absent)."""

    @abstractmethod
    def refresh_thread(self, thread_id: int) -> None:
        """Recompute a thread's summary row from its stories (removing it when it has none)."""

    @abstractmethod
    def move_thread(self, from_id: int, to_id: int) -> None:
        """Thread ``from_id`` joins ``to_id``: its stories are relabelled and both rows refreshed."""

    @abstractmethod
    def max_story_id(self) -> int:
        """The highest story id used so far (0 for none)."""

    @abstractmethod
    def max_thread_id(self) -> int:
        """The highest thread id used so far (0 for none)."""

    @abstractmethod
    def newest_story_time(self) -> float | None:
        """The latest ``last_time`` of any story (days since the epoch), or None."""

    @abstractmethod
    def open_stories(
        self, since: float | None, until: float | None = None, undated_limit: int = 10_000
    ) -> list[tuple[int, int, list[tuple[str, dict[str, Any]]]]]:
        """Stories a new article may still join: ``(id, thread id, [(article id, profile), ...])``.

        Those whose ``last_time`` is at or after ``since`` (all dated ones
        when None) and whose ``first_time`` is at or before ``until`` (when
        given), and the ``undated_limit`` most recently changed undated ones.
        """

    @abstractmethod
    def story_of(self, article_id: str) -> int | None:
        """The id of the article's story (exact article id), or None."""

    @abstractmethod
    def stories(self, *, thread_id: int | None = None, min_articles: int = 1, limit: int = 50, offset: int = 0) -> list[StoryRow]:
        """Stories, most recent first (undated last); biggest first within a day."""

    @abstractmethod
    def count_stories(self, *, thread_id: int | None = None, min_articles: int = 1) -> int:
        """How many stories ``stories`` would page through."""

    @abstractmethod
    def get_story(self, story_id: int) -> StoryRow:
        """One story; raises ``NotFound``."""

    @abstractmethod
    def story_articles(self, story_id: int) -> list[StoryArticle]:
        """The articles of a story, oldest first (undated last)."""

    @abstractmethod
    def threads(self, *, min_stories: int = 1, limit: int = 50, offset: int = 0) -> list[ThreadRow]:
        """Threads, most recent first (undated last)."""

    @abstractmethod
    def count_threads(self, *, min_stories: int = 1) -> int:
        """How many threads ``threads`` would page through."""

    @abstractmethod
    def get_thread(self, thread_id: int) -> ThreadRow:
        """One thread; raises ``NotFound``."""

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
