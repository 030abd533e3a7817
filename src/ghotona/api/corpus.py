"""What the API and web pages ask of the corpus, in one place.

The HTTP layer never talks to a ``Store`` directly: it asks this adapter,
which turns store rows into the API's records.  Stories, threads and
conflicts are built by the corpus layer; a store that does not have them
yet (no ``stories`` method, say) is answered with an empty list marked
``available=False`` so that the pages can say "no stories yet" instead of
failing.  When the store grows those methods, only this module changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, is_dataclass
from datetime import date
from typing import Any

from ..actors.dictionary import Actor, Dictionary, load_dictionary
from ..errors import NotFound
from ..store.base import Store

#: How many of an actor's events are read to draw its network: enough for
#: the few dozen nodes a page can show, bounded so a busy actor stays fast.
NETWORK_EVENTS = 500
#: How many neighbours the actor network keeps (strongest first).
NETWORK_NODES = 30


def _plain(obj: Any) -> Any:
    """A dataclass (or anything with ``to_json``) as plain JSON-able data."""
    if hasattr(obj, "to_json"):
        return obj.to_json()
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return obj


class Corpus:
    """Read-only questions about one store, for the API and the pages."""

    def __init__(self, store: Store, dictionary: Dictionary | None = None) -> None:
        self.store = store
        self._dictionary = dictionary

    @property
    def dictionary(self) -> Dictionary:
        if self._dictionary is None:
            self._dictionary = load_dictionary()
        return self._dictionary

    # -- capabilities -----------------------------------------------------

    def has(self, method: str) -> bool:
        """Whether the store offers ``method`` (stories and conflicts arrive later)."""
        return callable(getattr(self.store, method, None))

    # -- actors -----------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        return self.dictionary.get(actor_id)

    def find_actors(self, q: str | None, kind: str | None) -> list[Actor]:
        """Dictionary actors whose English or Bengali name or alias contains ``q``."""
        actors = self.dictionary.of_type(kind) if kind else list(self.dictionary)
        if not q:
            return sorted(actors, key=lambda a: a.name_en.casefold())
        from ..text.normalize import normalize

        needle = normalize(q).casefold()
        exact = {a.id for a in self.dictionary.by_alias(q)}
        hits = [
            a for a in actors
            if a.id in exact or a.id.casefold() == needle
            or any(needle in f.casefold() for f in (a.name_en, *a.forms()))
        ]
        return sorted(hits, key=lambda a: (a.id not in exact, a.name_en.casefold()))

    def role_name(self, key: str) -> str:
        rd = self.dictionary.roles.get(key)
        return rd.name_en if rd is not None else key.replace("_", " ")

    def network(self, actor_id: str, n_events: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        """Who the actor takes part in events with: nodes, edges and how many events were read.

        An edge joins two participants (actor, recipient or location) of one
        event; its weight is the number of events they share and ``types``
        the PLOVER types of those events.  Only events naming ``actor_id``
        are read, at most ``NETWORK_EVENTS`` of them (newest first).
        """
        if self.has("co_participants") and self.has("event_records"):
            return self._network_sql(actor_id, n_events)
        events = self.store.events(actor_id=actor_id, limit=NETWORK_EVENTS)
        names: dict[str, tuple[str | None, str | None]] = {}
        weight: Counter[tuple[str, str]] = Counter()
        types: dict[tuple[str, str], Counter[str]] = {}
        for e in events:
            people = [*e.get("actor", []), *e.get("recipient", [])]
            if e.get("location"):
                people.append(e["location"])
            ids = []
            for p in people:
                pid = p.get("id")
                if pid and pid not in ids:
                    ids.append(pid)
                    names.setdefault(pid, (p.get("name_en"), p.get("name_bn")))
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    key = (a, b) if a < b else (b, a)
                    weight[key] += 1
                    types.setdefault(key, Counter())[e.get("event", "")] += 1
        # Keep the actor's strongest neighbours, and the edges among them.
        strength: Counter[str] = Counter()
        for (a, b), w in weight.items():
            if a == actor_id:
                strength[b] += w
            elif b == actor_id:
                strength[a] += w
        keep = {actor_id, *(n for n, _ in strength.most_common(NETWORK_NODES))}
        nodes = [
            {"id": n, "name_en": names.get(n, (None, None))[0], "name_bn": names.get(n, (None, None))[1],
             "weight": strength.get(n, 0) if n != actor_id else len(events)}
            for n in sorted(keep, key=lambda n: (n != actor_id, -strength.get(n, 0), n))
            if n in names or n == actor_id
        ]
        edges = [
            {"source": a, "target": b, "weight": w, "types": [t for t, _ in types[(a, b)].most_common()]}
            for (a, b), w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
            if a in keep and b in keep
        ]
        return nodes, edges, len(events)

    def _network_sql(self, actor_id: str, n_events: int | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        """``network`` from pairs the store counted (``co_participants``): no event is decoded.

        Same nodes, edges and weights as reading the events here; names come
        from the dictionary, or from the events for an id it lacks.
        """
        if n_events is None:
            n_events = self.store.count_events(actor_id=actor_id)
        read = min(NETWORK_EVENTS, n_events)
        weight: Counter[tuple[str, str]] = Counter()
        types: dict[tuple[str, str], Counter[str]] = {}
        seen_in: dict[str, str] = {}  # participant -> one event naming them
        for a, b, kind, n, event_id in self.store.co_participants(  # type: ignore[attr-defined]
                actor_id, NETWORK_EVENTS, n_events):
            weight[(a, b)] += n
            types.setdefault((a, b), Counter())[kind or ""] += n
            seen_in.setdefault(a, event_id)
            seen_in.setdefault(b, event_id)
        strength: Counter[str] = Counter()
        for (a, b), w in weight.items():
            if a == actor_id:
                strength[b] += w
            elif b == actor_id:
                strength[a] += w
        # Ties at the cut are broken by id, so the page does not depend on row order.
        keep = {actor_id, *(n for n, _ in sorted(strength.items(), key=lambda kv: (-kv[1], kv[0]))[:NETWORK_NODES])}
        names: dict[str, tuple[str | None, str | None]] = {}
        unknown = []
        for n in keep:
            known = self.dictionary.get(n)
            if known is not None:
                names[n] = (known.name_en, known.name_bn)
            elif n in seen_in:
                unknown.append(n)
        # An id the dictionary lacks (a provisional one) is named as its event records name it.
        records = self.store.event_records(sorted({seen_in[n] for n in unknown}))  # type: ignore[attr-defined]
        for n in unknown:
            e = records.get(seen_in[n], {})
            for p in [*e.get("actor", []), *e.get("recipient", []), *([e["location"]] if e.get("location") else [])]:
                if p.get("id") == n:
                    names[n] = (p.get("name_en"), p.get("name_bn"))
                    break
        nodes = [
            {"id": n, "name_en": names.get(n, (None, None))[0], "name_bn": names.get(n, (None, None))[1],
             "weight": strength.get(n, 0) if n != actor_id else read}
            for n in sorted(keep, key=lambda n: (n != actor_id, -strength.get(n, 0), n))
        ]
        edges = [
            # Counter.most_common keeps first-seen order among equal counts;
            # sorting by name makes that order stable whatever SQLite returns.
            {"source": a, "target": b, "weight": w,
             "types": [t for t, _ in sorted(types[(a, b)].items(), key=lambda kv: (-kv[1], kv[0]))]}
            for (a, b), w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
            if a in keep and b in keep
        ]
        return nodes, edges, read

    def name_from_events(self, actor_id: str) -> tuple[str | None, str | None, str | None]:
        """English name, Bengali name and type of an actor the dictionary lacks (a provisional id)."""
        for e in self.store.events(actor_id=actor_id, limit=20):
            for p in [*e.get("actor", []), *e.get("recipient", []), *([e["location"]] if e.get("location") else [])]:
                if p.get("id") == actor_id:
                    return p.get("name_en"), p.get("name_bn") or p.get("text"), p.get("type")
        return None, None, None

    # -- stories and conflicts (built by the corpus layer) -----------------

    def _page(self, kind: str, limit: int, offset: int) -> tuple[bool, int, list[dict[str, Any]]]:
        """(available, total, page of rows as dicts) of ``Store.<kind>``, with ``count_<kind>`` when there is one."""
        if not self.has(kind):
            return False, 0, []
        rows = [_plain(r) for r in getattr(self.store, kind)(limit=limit, offset=offset)]
        count = f"count_{kind}"
        total = getattr(self.store, count)() if self.has(count) else offset + len(rows)
        return True, int(total), rows

    def stories(self, limit: int, offset: int) -> tuple[bool, int, list[dict[str, Any]]]:
        """(available, total, page of stories as dicts)."""
        return self._page("stories", limit, offset)

    def story(self, story_id: str) -> tuple[bool, dict[str, Any] | None]:
        """(available, the story as a dict or None when unknown).

        The story page shows a story's articles side by side by outlet, their
        events, and the conflicting figures among them; the store keeps
        those apart (story rows, story articles, events, conflicts), so they
        are gathered here.
        """
        if not self.has("get_story"):
            return False, None
        try:
            sid = int(story_id)
            row = self.store.get_story(sid)  # type: ignore[attr-defined]
        except (ValueError, NotFound, KeyError, LookupError):
            return True, None
        out = _plain(row)
        articles = self.store.story_articles(sid)  # type: ignore[attr-defined]
        out["articles"] = [_plain(a) for a in articles]
        events: list[dict[str, Any]] = []
        conflicts: dict[str, dict[str, Any]] = {}
        for a in articles:
            events += self.store.events(article_id=a.id, limit=500)
            for c in self.store.conflicts(article_id=a.id, limit=500):  # type: ignore[attr-defined]
                # The page reads a conflict as the claims it sets against each other.
                conflicts.setdefault(c["id"], {**c, "claims": c.get("sides", [])})
        out["events"] = events
        out["conflicts"] = list(conflicts.values())
        return True, out

    def conflicts(self, limit: int, offset: int) -> tuple[bool, int, list[dict[str, Any]]]:
        """(available, total, page of conflicts as dicts: figures and dates)."""
        return self._page("conflicts", limit, offset)


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value else None
