"""Threads: stories linked over time (the legs of a trip, an attack then the
condemnations, an announcement then the visit).

A thread is grown, never recomputed: whenever ``StoryIndex`` changes a
story, ``ThreadIndex.update`` compares it with the other stories of the
last ``window_days`` that share an actor or an index word with it, and if
the best scores above the threshold the story joins that story's thread
(two threads that meet this way become one, the younger taking the older's
id).  The score is looser than a story's: the text of two legs of a trip
differs more than two reports of one leg, so shared actors weigh more and
the threshold is lower; the window is longer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .semantic import cos as sem_cos
from .textsim import cosine

if TYPE_CHECKING:
    from .stories import Story, StoryIndex


@dataclass(slots=True, frozen=True)
class ThreadParams:
    """The tunable numbers of thread linking (``[threads]`` in defaults.toml)."""

    window_days: float = 14.0
    threshold: float = 0.35
    weight_text: float = 1.0
    weight_actors: float = 0.3
    weight_events: float = 0.1
    index_actors: int = 8
    max_candidates: int = 50
    max_posting: int = 200
    closed_terms: int = 100
    weight_semantic: float = 1.0
    semantic_floor: float = 0.4

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None) -> "ThreadParams":
        section = dict((config or {}).get("threads", {}))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in section.items() if k in known})


def story_gap(a: "Story", b: "Story") -> float | None:
    """Days between two stories' nearest ends (0 when they overlap; None when either is undated)."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    return max(0.0, max(a.first, b.first) - min(a.last, b.last))


class ThreadIndex:
    """Open stories for thread linking, keyed by their heaviest actors and words."""

    def __init__(self, stories: "StoryIndex", params: ThreadParams) -> None:
        self.owner = stories
        self.p = params
        self.next_id = 1
        self.stories: dict[int, Story] = {}
        self.members: dict[int, set[int]] = {}  # thread id -> ids of its stories known here
        self._postings: dict[str, set[int]] = {}
        self._keys: dict[int, list[str]] = {}
        self._newest: float | None = None

    def _story_keys(self, story: "Story") -> list[str]:
        # The most frequent actors, not the rarest: a thread is held together by
        # the people it follows (Lavrov on each leg), whom every story names.
        actors = sorted(story.actor_sum.items(), key=lambda kv: (-kv[1], kv[0]))[: self.p.index_actors]
        return [a for a, _ in actors] + story.top(self.owner.params.index_terms)

    def add_story(self, story: "Story") -> None:
        """Know ``story`` (already in a thread) as a link target."""
        for t in self._keys.pop(story.id, []):
            ids = self._postings.get(t)
            if ids:
                ids.discard(story.id)
        keys = self._story_keys(story)
        self._keys[story.id] = keys
        for t in keys:
            self._postings.setdefault(t, set()).add(story.id)
        self.stories[story.id] = story
        self.members.setdefault(story.thread_id, set()).add(story.id)
        if story.last is not None and (self._newest is None or story.last > self._newest):
            self._newest = story.last

    def close_story(self, story: "Story") -> None:
        """The story index closed ``story``; keep it as a target until the thread window passes it."""
        if not story.members:  # emptied (its only article moved): forget it now
            self._forget(story.id)

    def _forget(self, story_id: int) -> None:
        story = self.stories.pop(story_id, None)
        for t in self._keys.pop(story_id, []):
            ids = self._postings.get(t)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self._postings[t]
        if story is not None:
            ids = self.members.get(story.thread_id)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self.members[story.thread_id]

    def evict(self) -> None:
        if self._newest is None:
            return
        # A story ending more than the window (and a day) before the newest
        # one cannot be linked to anything new.
        limit = self._newest - self.p.window_days - 1.0
        for sid in [s.id for s in self.stories.values() if s.last is not None and s.last < limit]:
            self._forget(sid)

    def score(self, a: "Story", b: "Story") -> float:
        p = self.p
        s = p.weight_text * cosine(a.unit_centroid, b.unit_centroid)
        if a.actor_sum and b.actor_sum:
            s += p.weight_actors * cosine(a.unit_actors, b.unit_actors)
        if a.events and b.events and any(k in b.events for k in a.events):
            s += p.weight_events
        if p.weight_semantic and a.emb_sum is not None and b.emb_sum is not None:
            # With story embeddings on ([stories] embeddings), as in story scoring.
            s += p.weight_semantic * (sem_cos(a.emb_sum, b.emb_sum) - p.semantic_floor)
        return s

    def update(self, story: "Story", *, new: bool) -> int:
        """Link a new or grown story into a thread; returns its thread id."""
        if new or story.thread_id == 0:
            story.thread_id = self.next_id
            self.next_id += 1
        self.add_story(story)
        hits: Counter[int] = Counter()
        cap = self.p.max_posting
        for t in self._keys[story.id]:
            ids = self._postings.get(t)
            if ids and len(ids) <= cap:  # a key most stories share picks nothing out
                hits.update(ids)
        for sid in self.members.get(story.thread_id, ()):  # itself and its thread: nothing to link
            hits.pop(sid, None)
        best, best_score = None, self.p.threshold
        for sid, _ in hits.most_common(self.p.max_candidates):
            other = self.stories[sid]
            gap = story_gap(story, other)
            if gap is not None and gap > self.p.window_days:
                continue
            s = self.score(story, other)
            if s >= best_score:
                best, best_score = other, s
        if best is not None:
            self._merge(keep=best.thread_id, gone=story.thread_id)
        return story.thread_id

    def _merge(self, keep: int, gone: int) -> None:
        """Thread ``gone`` joins thread ``keep`` (the older id survives, so links stay stable)."""
        keep, gone = min(keep, gone), max(keep, gone)
        moved = self.members.pop(gone, set())
        self.members.setdefault(keep, set()).update(moved)
        for sid in moved:
            self.stories[sid].thread_id = keep
        for story in self.owner.stories.values():  # open stories not (yet) known here
            if story.thread_id == gone:
                story.thread_id = keep
        store = self.owner.store
        if store is not None:
            store.move_thread(gone, keep)
