"""Cross-article event merging: many mentions, one happening.

The event coder gives one :class:`~ghotona.events.model.Event` per happening
*per article*.  The same meeting told by two outlets, or by one outlet on two
days, is then two events; GDELT's best-known failure is to count them as two.
:class:`EventMerger` assigns every stored event (a *mention*) to a
*happening*: an existing one when the mention is compatible with it, else a
new one.  A happening lists every mention, article, outlet and cited source,
and its counts change as articles arrive (never frozen after the first ones).

Compatible means (each rule says why in :func:`score_mention`):

- **type**: the same PLOVER type, or a pair of near types listed with its
  reason in ``data/merge.yaml``;
- **status family**: occurred and historical mentions (the news, and a later
  article recalling it) may share a happening; planned and hypothetical ones
  form their own happenings, *linked* (``planned_for``) to the occurred one
  they announce; negated mentions stay apart;
- **participants**: the actor, recipient and location ids overlap (one side
  may name fewer: an outlet that leaves out the host still reports the
  visit), else the countries of the participants overlap; disjoint
  participants, or a doer and a target swapped (a strike and the strike
  back) rule the mention out;
- **date**: the intervals the dates may mean overlap (``2025-07`` and
  ``2025-07-12`` do).  A date the text gave is strong evidence; a date taken
  from the publication (``publication-fallback``) only says "shortly before
  the article", a plan without a date "in the weeks after it";
- **place**: the same place, or places in the same country; places in two
  different countries rule the mention out.

Work per article is bounded: candidates are read from the store by type and
date window (an index look-up), never by comparing all pairs, and one
happening takes at most one mention per article (the coder already merged
an article's retellings of one happening).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .. import config as config_mod
from ..langdata import check_keys, fail, load_yaml, require
from ..events.model import TEXT_DATE_HOWS, Event
from ..records import Article
from ..store.base import Store, date_range

#: Statuses that may share a happening.  ``historical`` is how a later
#: article recalls an occurred happening, so the two are one family.
FAMILIES = {
    "occurred": "happened", "historical": "happened",
    "planned": "intended", "hypothetical": "intended",
    "negated": "negated",
}
#: Participants of these types are co-equal: the actor/recipient split is
#: only the order of mention (as in ghotona.events).
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
#: Date evidence strength: a date from the text, one from the article's date
#: (publication fallback, or an undated plan), none at all (undated background).
STRONG, WEAK, NONE = "strong", "weak", "none"
_STRENGTH_ORDER = {STRONG: 2, WEAK: 1, NONE: 0}
_GRAN_ORDER = {"day": 3, "week": 2, "month": 1, "year": 0}
_DATA = "merge.yaml"


# -- language data --------------------------------------------------------------


@lru_cache(maxsize=1)
def near_types() -> frozenset[frozenset[str]]:
    """Pairs of PLOVER types one happening may be told as (``data/merge.yaml``), validated."""
    from ..events.ontology import load_ontology

    known = set(load_ontology().types)
    raw = load_yaml(_DATA)
    if not isinstance(raw, dict):
        raise fail(_DATA, "file", "expected a mapping with the key near_types")
    check_keys(_DATA, "file", raw, {"near_types", "recurrent_types"})
    pairs: set[frozenset[str]] = set()
    for n, entry in enumerate(require(_DATA, "file", raw, "near_types", list), 1):
        where = f"near_types entry {n}"
        check_keys(_DATA, where, entry, {"types", "why"})
        types = require(_DATA, where, entry, "types", list)
        why = require(_DATA, where, entry, "why", str)
        if len(types) != 2 or len(set(types)) != 2:
            raise fail(_DATA, where, f"'types' must be two different PLOVER types, got {types}")
        bad = [t for t in types if t not in known]
        if bad:
            raise fail(_DATA, where, f"unknown PLOVER type(s) {bad}; known: {sorted(known)}")
        if not why.strip():
            raise fail(_DATA, where, "'why' is empty: say why outlets tell one happening as both types")
        pairs.add(frozenset(types))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def recurrent_types() -> frozenset[str]:
    """Types that need a text date or the same place to merge (``data/merge.yaml``), validated."""
    from ..events.ontology import load_ontology

    known = set(load_ontology().types)
    out: set[str] = set()
    for n, entry in enumerate(load_yaml(_DATA).get("recurrent_types") or [], 1):
        where = f"recurrent_types entry {n}"
        check_keys(_DATA, where, entry, {"type", "why"})
        t = require(_DATA, where, entry, "type", str)
        require(_DATA, where, entry, "why", str)
        if t not in known:
            raise fail(_DATA, where, f"unknown PLOVER type {t!r}; known: {sorted(known)}")
        out.add(t)
    return frozenset(out)


@lru_cache(maxsize=1)
def _countries() -> Any:
    from ..actors.dictionary import load_dictionary

    return load_dictionary()


def country_of(actor_id: str | None) -> str | None:
    """The country id an actor belongs to (itself for a country; a place's or person's country)."""
    if not actor_id:
        return None
    d = _countries()
    actor = d.actors.get(actor_id)
    if actor is None:
        return None
    if actor.type == "country":
        return actor.id
    code = actor.country or actor.parent
    if code:
        c = d.country(code)
        if c is not None:
            return c.id
    return None


# -- records --------------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    """What the merger needs of one stored event, from an ``Event`` or its stored JSON."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    location: str | None
    date: str | None
    granularity: str | None
    start: date | None  # the interval the mention's date may mean
    end: date | None
    strength: str
    symmetric: bool
    outlet: str | None
    outlet_id: str | None
    sources: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)
    # Parties the coder inferred (an unqualified "সরকার" as the article's own
    # country): not in actors/recipients, so never shared evidence of one happening.
    inferred: tuple[str, ...] = ()
    # First told in its article's lead (the news), not below it (where older news is recalled).
    in_lead: bool = True

    @property
    def family(self) -> str:
        return FAMILIES.get(self.status, self.status)

    @property
    def participants(self) -> set[str]:
        out = set(self.actors) | set(self.recipients)
        if self.location:
            out.add(self.location)
        return out


def _ids(parts: list[dict[str, Any]], inferred: bool = False) -> tuple[str, ...]:
    """The ids of the named participants (``inferred``: of the ones the coder inferred instead).

    An inferred participant (an unqualified "সরকার" read as the article's own
    country) is no evidence of one happening: two attacks of one day in one
    country would share it.
    """
    return tuple(dict.fromkeys(p["id"] for p in parts if p.get("id") and bool(p.get("inferred")) == inferred))


def mention_from_json(data: dict[str, Any], article_date: date | None, settings: dict[str, Any] | None = None) -> Mention:
    """A :class:`Mention` from ``Event.to_json()`` (what the store keeps) and the article's date."""
    s = settings or config_mod.load()["merge"]
    status = data["status"]
    how = data.get("date_how") or "none"
    span = date_range(data.get("date")) if data.get("date") else None
    strength = STRONG if span is not None and how in TEXT_DATE_HOWS else WEAK
    start = end = None
    if strength == STRONG and span is not None:
        start, end = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    elif article_date is not None:
        # No date from the text: the article's own date bounds when it may be.
        if status == "historical":
            start, end, strength = article_date - timedelta(days=s["background_days_before"]), article_date, NONE
        elif FAMILIES.get(status) == "intended":
            start, end = article_date, article_date + timedelta(days=s["planned_days_after"])
        else:
            start, end = article_date - timedelta(days=s["weak_days_before"]), article_date
    else:
        strength = NONE
    attribution = data.get("attribution") or {}
    names: dict[str, str] = {}
    parts = list(data.get("actor") or []) + list(data.get("recipient") or [])
    if data.get("location"):
        parts.append(data["location"])
    for p in parts:
        if p.get("id"):
            names[p["id"]] = p.get("name_en") or p.get("text") or p["id"]
    return Mention(
        event_id=data["id"], article_id=data["article_id"], type=data["event"], mode=data.get("mode"),
        status=status, actors=_ids(data.get("actor") or []), recipients=_ids(data.get("recipient") or []),
        location=(data.get("location") or {}).get("id"), date=data.get("date") if strength == STRONG else None,
        granularity=data.get("date_granularity") if strength == STRONG else None,
        start=start, end=end, strength=strength, symmetric=bool(data.get("symmetric")),
        outlet=attribution.get("outlet"), outlet_id=attribution.get("outlet_id"),
        sources=tuple(dict.fromkeys(
            (src.get("name_en") or src.get("text")) for src in attribution.get("sources") or []
            if src.get("name_en") or src.get("text"))),
        names=names, inferred=_ids(parts, inferred=True), in_lead=bool(data.get("in_lead", True)),
    )


def article_date(article: Article) -> date | None:
    """The day an article speaks from (as the event coder takes it)."""
    stamp: datetime | None = article.published or article.updated or article.page_date
    return stamp.date() if stamp else None


def publisher(outlet: str | None, outlet_id: str | None, url: str | None, article_id: str) -> str:
    """A name for whoever published an article, never empty (see ``Happening.outlets``)."""
    if outlet or outlet_id:
        return str(outlet or outlet_id)
    if url:
        from urllib.parse import urlsplit

        host = urlsplit(url).netloc
        if host:
            return host.removeprefix("www.")
    return f"unnamed outlet of article {article_id[:8]}"


@dataclass(slots=True)
class HappeningMention:
    """One report of a happening: the event, its article, outlet and whom it cites."""

    event_id: str
    article_id: str
    outlet: str | None
    outlet_id: str | None
    url: str | None
    published: str | None
    status: str
    date: str | None
    sources: list[str]
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "article_id": self.article_id, "outlet": self.outlet,
            "outlet_id": self.outlet_id, "url": self.url, "published": self.published,
            "status": self.status, "date": self.date, "sources": list(self.sources),
            "score": round(self.score, 3),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "HappeningMention":
        return cls(d["event_id"], d["article_id"], d.get("outlet"), d.get("outlet_id"), d.get("url"),
                   d.get("published"), d["status"], d.get("date"), list(d.get("sources") or []),
                   float(d.get("score") or 0.0))


@dataclass(slots=True)
class Happening:
    """One real-world happening and every report of it.

    ``date_start``/``date_end`` is the narrowest interval all its mentions
    allow (``date_strength`` says whether any text gave a date); ``date`` the
    most precise date a text gave.  ``links`` are ``(kind, happening id)``:
    ``planned_for`` from a plan to the happening it announced,
    ``planned_by`` back.
    """

    id: str
    type: str
    mode: str | None
    status: str
    family: str
    date: str | None
    date_granularity: str | None
    date_start: str | None
    date_end: str | None
    date_strength: str
    actors: list[str]
    recipients: list[str]
    location: str | None
    names: dict[str, str]
    mentions: list[HappeningMention] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)  # inferred parties of its mentions (Mention.inferred)
    in_lead: bool = True  # some mention is told in its article's lead (Mention.in_lead)

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(m.article_id for m in self.mentions))

    @property
    def outlets(self) -> list[str]:
        """Who published the reports: the outlet's name, else its id, else the URL's host.

        A saved page that names no outlet is counted as a publisher of its
        own ("unnamed outlet of article ID"): it may be any outlet, and
        leaving it out would undercount the reports.
        """
        return sorted({publisher(m.outlet, m.outlet_id, m.url, m.article_id) for m in self.mentions})

    @property
    def sources(self) -> list[str]:
        return sorted({s for m in self.mentions for s in m.sources})

    @property
    def participants(self) -> set[str]:
        out = set(self.actors) | set(self.recipients)
        if self.location:
            out.add(self.location)
        return out

    def counts(self) -> dict[str, int]:
        return {"mentions": len(self.mentions), "articles": len(self.article_ids),
                "outlets": len(self.outlets), "sources": len(self.sources)}

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape (``ghotona`` exports and the store's ``data``)."""
        def who(ids: list[str]) -> list[dict[str, str]]:
            return [{"id": i, "name_en": self.names.get(i, i)} for i in ids]

        return {
            "id": self.id, "event": self.type, "mode": self.mode, "status": self.status,
            "family": self.family, "date": self.date, "date_granularity": self.date_granularity,
            "date_start": self.date_start, "date_end": self.date_end, "date_strength": self.date_strength,
            "actor": who(self.actors), "recipient": who(self.recipients),
            "location": who([self.location])[0] if self.location else None,
            "articles": self.article_ids, "outlets": self.outlets, "sources": self.sources,
            "counts": self.counts(), "mentions": [m.to_json() for m in self.mentions],
            "links": [{"kind": k, "happening": h} for k, h in self.links],
            "inferred": who(self.inferred), "in_lead": self.in_lead,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Happening":
        names = {p["id"]: p["name_en"] for p in (d.get("actor") or []) + (d.get("recipient") or [])}
        if d.get("location"):
            names[d["location"]["id"]] = d["location"]["name_en"]
        return cls(
            id=d["id"], type=d["event"], mode=d.get("mode"), status=d["status"], family=d["family"],
            date=d.get("date"), date_granularity=d.get("date_granularity"), date_start=d.get("date_start"),
            date_end=d.get("date_end"), date_strength=d.get("date_strength") or NONE,
            actors=[p["id"] for p in d.get("actor") or []], recipients=[p["id"] for p in d.get("recipient") or []],
            location=(d.get("location") or {}).get("id"), names=names,
            mentions=[HappeningMention.from_json(m) for m in d.get("mentions") or []],
            links=[(x["kind"], x["happening"]) for x in d.get("links") or []],
            inferred=[p["id"] for p in d.get("inferred") or []], in_lead=bool(d.get("in_lead", True)),
        )


@dataclass(slots=True, frozen=True)
class HappeningLink:
    """Where :meth:`EventMerger.add` put one event: its happening, and whether that is new."""

    event_id: str
    happening_id: str
    created: bool
    score: float
    reasons: tuple[str, ...] = ()
    linked: tuple[tuple[str, str], ...] = ()  # (kind, happening id) links made for it


# -- compatibility ---------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Score:
    value: float
    reasons: tuple[str, ...]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _within(inferred: tuple[str, ...], named: set[str]) -> bool:
    """Whether every inferred party is among the named ones or their countries."""
    countries = named | {country_of(x) for x in named}
    return all(x in countries for x in inferred)


def score_mention(m: Mention, h: Happening, settings: dict[str, Any], *, cross_family: bool = False) -> Score | None:
    """How well mention ``m`` fits happening ``h``; ``None`` when something rules it out.

    ``cross_family`` compares a plan with an occurrence (for ``planned_for``
    links) instead of requiring the same status family.
    """
    reasons: list[str] = []
    # Type: the same, or a near type with a written reason.
    if m.type == h.type:
        total = 1.0
    elif frozenset((m.type, h.type)) in near_types():
        total = float(settings["near_type_score"])
        reasons.append(f"near type {m.type}~{h.type}")
    else:
        return None
    if (m.family == h.family) == cross_family:
        return None
    # Participants: ids first, then their countries.
    mp, hp = m.participants, h.participants
    symmetric_pair = m.symmetric or m.type in SYMMETRIC_TYPES or h.type in SYMMETRIC_TYPES
    if (m.inferred and not mp and hp and not _within(m.inferred, hp)) \
            or (h.inferred and not hp and mp and not _within(h.inferred, mp)):
        # One side names its parties, the other only has ones the coder inferred, and they are
        # not among the named (the sides of a truce inferred as India and Pakistan still meet
        # a report that names India and Pakistan).
        return None
    if mp and hp:
        shared = mp & hp
        if shared:
            total += len(shared) / min(len(mp), len(hp))
            reasons.append("shared " + ",".join(sorted(shared)))
        else:
            mc = {country_of(x) for x in mp} - {None}
            hc = {country_of(x) for x in hp} - {None}
            if not (mc & hc):
                return None
            total += 0.5 * len(mc & hc) / min(len(mc), len(hc))
            reasons.append("shared countries " + ",".join(sorted(mc & hc)))  # type: ignore[arg-type]
        # The same person meeting someone from another country is another
        # meeting: what is left once the shared participants are set aside
        # must not belong to different countries on both sides.
        m_rest = {x for x in set(m.actors) | set(m.recipients) if x not in shared}
        h_rest = {x for x in set(h.actors) | set(h.recipients) if x not in shared}
        if shared and m_rest and h_rest:
            mrc = {country_of(x) for x in m_rest} - {None}
            hrc = {country_of(x) for x in h_rest} - {None}
            if mrc and hrc and not (mrc & hrc) and not (mrc & {country_of(x) for x in shared}):
                return None
        # A doer and a target swapped is the answer, not the same act.
        # A plan or a possibility is someone's: a one-way act planned or only possible joins on
        # its doer ("if arms are supplied to Moscow", doer untold, is not Russia's planned aid).
        if not symmetric_pair and m.family == "intended" and not (set(m.actors) & set(h.actors)):
            return None
        if not symmetric_pair and m.actors and h.actors and not (set(m.actors) & set(h.actors)):
            if set(m.actors) & set(h.recipients) or set(m.recipients) & set(h.actors):
                return None
    # Date: the intervals must overlap; strong dates score more.
    hs, he = _day(h.date_start), _day(h.date_end)
    text_dates_agree = False
    if m.start is not None and hs is not None and he is not None:
        slack = timedelta(days=int(settings["date_slack_days"]))
        assert m.end is not None
        pair = {m.strength, h.date_strength}
        if m.start > he + slack or hs > m.end + slack:
            if not _recalled(m, h, hs, he):
                return None
            reasons.append("recalled: an undated telling below the lead of a happening dated long before")
        elif pair == {STRONG}:
            text_dates_agree = True
            exact = not (m.start > he or hs > m.end)
            fine = exact and m.granularity == "day" and h.date_granularity == "day"
            total += 1.0 if fine else 0.6
            reasons.append("same day" if fine else "overlapping dates")
        elif NONE in pair:
            # Undated background: the date neither rules it out nor speaks for it.  A one-way
            # act recalled with no date ("Trump had threatened Russia") joins only on both its
            # sides: one shared doer (Trump threatens often) is no evidence of one happening.
            if len(mp & hp) < 2 and not symmetric_pair:
                return None
        elif STRONG in pair:
            total += 0.3
            reasons.append("date near article date")
        else:
            total += 0.2
            reasons.append("article dates near")
    # Place: the same place, or places in one country; two countries rule out.
    if m.location and h.location:
        if m.location == h.location:
            total += 0.5
            reasons.append("same place")
        else:
            mc, hc = country_of(m.location), country_of(h.location)
            if mc and hc and mc != hc:
                return None
            if mc and mc == hc:
                total += 0.25
                reasons.append("same country")
    if (m.type in recurrent_types() or h.type in recurrent_types()) and not text_dates_agree \
            and not (m.location and m.location == h.location):
        return None
    if m.mode and m.mode == h.mode:
        total += 0.1
    return Score(total, tuple(reasons))


def _recall_days() -> timedelta:
    """How old a happening is before an article that tells it undated may be recalling it: the
    event coder's own line between news and background (grammar.yaml ``historical_after_days``)."""
    from ..events.grammar import load_grammar

    return timedelta(days=load_grammar().status.historical_after_days)


def _undated_below_lead(m: Mention) -> bool:
    """An occurred mention dated only by its article and told below that article's lead."""
    return m.strength == WEAK and m.status == "occurred" and not m.in_lead


def _may_recall(m: Mention) -> bool:
    """Whether ``m`` is the kind of telling that may recall an older happening, or be recalled:
    a one-off act (not a daily recurring one) with a place and both its sides named."""
    return m.type not in recurrent_types() and m.location is not None and len(set(m.actors) | set(m.recipients)) >= 2 \
        and (bool(m.actors and m.recipients) or m.symmetric or m.type in SYMMETRIC_TYPES)


def _recalled(m: Mention, h: Happening, hs: date, he: date) -> bool:
    """Whether ``m`` and ``h``, whose dates rule each other out, are one happening all the same:
    one side told undated below its article's lead ("তারা কুরস্ক অঞ্চলে হাজার হাজার সেনা
    পাঠিয়েছে", in July 2025), the other dated by its text long before that article (2024).

    News goes in the lead; an undated act below it is as often older news recalled, and an
    older telling of the same act -- same type and mode, same doer and target, same place --
    says when it was.  (Within one article the coder folds such tellings itself; see
    ``_fold_recalled`` in events/coder.py.)  Recurrent acts (attacks, arrests, protests) recur
    between the same sides at the same places, so they never join this way."""
    if m.type != h.type or m.mode != h.mode or h.type in recurrent_types() or not _may_recall(m) \
            or m.location != h.location:
        return False
    if m.symmetric or m.type in SYMMETRIC_TYPES:
        if len((set(m.actors) | set(m.recipients)) & (set(h.actors) | set(h.recipients))) < 2:
            return False
    elif not (set(m.actors) & set(h.actors) and set(m.recipients) & set(h.recipients)):
        return False
    old = _recall_days()
    assert m.end is not None
    if _undated_below_lead(m):
        return h.date_strength == STRONG and he < m.end - old
    if m.strength == STRONG and h.date_strength == WEAK and h.status == "occurred" and not h.in_lead:
        return m.end < he - old
    return False


def recalled_mentions(h: Happening, mentions: list[Mention]) -> list[Mention]:
    """The mentions of ``h`` that recall it: told undated (as occurred) in articles dated long
    after the happening's text-given date, so they were background there (:func:`_recalled`)."""
    if h.date_strength != STRONG or h.date_end is None:
        return []
    end = date.fromisoformat(h.date_end)
    old = _recall_days()
    return [m for m in mentions if _undated_below_lead(m) and m.end is not None and end < m.end - old]


# -- building happenings -------------------------------------------------------------


def _happening_id(event_id: str) -> str:
    return "hp:" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]


def _status(statuses: list[str]) -> str:
    for s in ("occurred", "planned", "hypothetical", "historical", "negated"):
        if s in statuses:
            return s
    return statuses[0]


def rebuild(h: Happening, mentions: list[Mention], rows: list[HappeningMention]) -> Happening:
    """Recompute ``h``'s fields from all its mentions (``rows`` in the same order)."""
    first = mentions[0]
    actors: dict[str, None] = {}
    recipients: dict[str, None] = {}
    names: dict[str, str] = {}
    inferred: dict[str, None] = {}
    locs: dict[str, int] = {}
    modes: dict[str, int] = {}
    for m in mentions:
        actors.update(dict.fromkeys(m.actors))
        recipients.update(dict.fromkeys(m.recipients))
        names.update(m.names)
        inferred.update(dict.fromkeys(m.inferred))
        if m.location:
            locs[m.location] = locs.get(m.location, 0) + 1
        if m.mode:
            modes[m.mode] = modes.get(m.mode, 0) + 1
    for a in actors:
        recipients.pop(a, None)
    # The narrowest interval all mentions allow; strong dates only, when any.
    best = max((_STRENGTH_ORDER[m.strength] for m in mentions), default=0)
    pool = [m for m in mentions if _STRENGTH_ORDER[m.strength] == best and m.start is not None]
    start = max((m.start for m in pool), default=None)  # type: ignore[type-var]
    end = min((m.end for m in pool), default=None)  # type: ignore[type-var]
    if start is not None and end is not None and start > end:
        start, end = end, start  # slack let them in; keep a valid interval
    precise = sorted((m for m in mentions if m.strength == STRONG and m.date),
                     key=lambda m: -_GRAN_ORDER.get(m.granularity or "year", 0))
    # A specific place wins over its country when both were told.
    location = max(locs, key=lambda x: (locs[x], country_of(x) != x), default=None)
    return Happening(
        id=h.id, type=first.type, mode=max(modes, key=modes.__getitem__) if modes else None,
        status=_status([m.status for m in mentions]), family=first.family,
        date=precise[0].date if precise else None, date_granularity=precise[0].granularity if precise else None,
        date_start=_iso(start), date_end=_iso(end),
        date_strength={2: STRONG, 1: WEAK, 0: NONE}[best],
        actors=list(actors), recipients=list(recipients), location=location, names=names,
        mentions=rows, links=h.links, inferred=list(inferred), in_lead=any(m.in_lead for m in mentions),
    )


def _as_background(event: dict[str, Any], h: Happening, reports: list[HappeningMention]) -> dict[str, Any]:
    """A stored event (``Event.to_json()``) told undated that recalls happening ``h``, restated
    as background with the date the older telling gives, flagged ``date_how: "corpus"``."""
    source = next((r for r in reports if r.article_id != event["article_id"] and r.date == h.date), None)
    where = f"article {source.article_id}" + (f" ({source.outlet})" if source and source.outlet else "") \
        if source else "another article"
    warnings = [w for w in event.get("warnings") or [] if not w.startswith("date:")]
    warnings.append(f"status and date: told undated below the lead; {where} dates the same happening "
                    f"{h.date}, long before this article, so here it is background")
    return {**event, "status": "historical", "date": h.date, "date_granularity": h.date_granularity,
            "date_how": "corpus", "warnings": warnings}


class EventMerger:
    """Assigns stored events to happenings, incrementally, one article at a time.

    ``add(article, events)`` after the article's events are stored
    (``Store.replace_events``); adding the same article again first takes
    its earlier mentions out of their happenings, so re-ingesting a changed
    page never counts it twice.
    """

    def __init__(self, store: Store, config: dict[str, Any] | None = None) -> None:
        self.store = store
        self.settings = (config or config_mod.load())["merge"]

    def _candidates(self, m: Mention) -> list[Happening]:
        types = sorted({m.type} | {t for pair in near_types() if m.type in pair for t in pair})
        lo = hi = None
        if m.start is not None and m.end is not None:
            slack = timedelta(days=int(self.settings["date_slack_days"]))
            lo, hi = _iso(m.start - slack), _iso(m.end + slack)
        limit = int(self.settings["max_candidates"])
        rows = self.store.happening_candidates(types, since=lo, until=hi, limit=limit)
        if _may_recall(m) and m.family == "happened" and m.end is not None:
            # An undated telling below the lead may recall a happening dated long before (and a
            # dated one may be what earlier undated tellings recalled): read those too (_recalled).
            old = _recall_days()
            if _undated_below_lead(m):
                rows += self.store.happening_candidates([m.type], since=None, until=_iso(m.end - old), limit=limit)
            elif m.strength == STRONG:
                rows += self.store.happening_candidates([m.type], since=_iso(m.end + old), until=None, limit=limit)
        return list({r["id"]: Happening.from_json(r) for r in rows}.values())

    def add(self, article: Article, events: list[Event] | list[dict[str, Any]]) -> list[HappeningLink]:
        """Put each of the article's events into a happening; return where each went.

        ``events`` are ``Event`` records or their stored JSON (``Store.events``).
        """
        ref = article_date(article)
        touched: set[str] = set(self.store.remove_happening_mentions(article.id))
        mentions = [mention_from_json(e.to_json() if isinstance(e, Event) else e, ref, self.settings)
                    for e in events]
        # Score every (mention, candidate) pair, then assign best first so
        # that one happening takes at most one mention of this article.
        pairs: list[tuple[float, int, str, Score]] = []
        cands: dict[str, Happening] = {}
        for i, m in enumerate(mentions):
            for h in self._candidates(m):
                cands[h.id] = h
                sc = score_mention(m, h, self.settings)
                if sc is not None and sc.value >= float(self.settings["min_score"]):
                    pairs.append((sc.value, i, h.id, sc))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        chosen: dict[int, tuple[str, Score]] = {}
        used: set[str] = set()
        for value, i, hid, sc in pairs:
            if i in chosen or hid in used:
                continue
            chosen[i] = (hid, sc)
            used.add(hid)
        links: list[HappeningLink] = []
        for i, m in enumerate(mentions):
            if i in chosen:
                hid, sc = chosen[i]
                created, score, reasons = False, sc.value, sc.reasons
            else:
                hid, created, score, reasons = _happening_id(m.event_id), True, 0.0, ()
                if hid in cands or self.store.happening_exists(hid):
                    # The event's own id is taken by a happening it no longer
                    # belongs to (a re-ingested page): derive another.
                    hid = _happening_id(m.event_id + ":" + article.id + ":" + str(len(touched)))
            self.store.add_happening_mention(m.event_id, hid, article.id, score, _iso(ref))
            touched.add(hid)
            linked = self._link(m, hid) if created else ()
            links.append(HappeningLink(m.event_id, hid, created, score, reasons, linked))
        for hid in sorted(touched):
            self.refresh(hid)
        return links

    def _link(self, m: Mention, hid: str) -> tuple[tuple[str, str], ...]:
        """Link a new happening to the plan (or the occurrence) of the same happening, if any."""
        if m.family == "negated":
            return ()
        best: tuple[float, Happening] | None = None
        for h in self._link_candidates(m):
            sc = score_mention(m, h, self.settings, cross_family=True)
            if sc is not None and sc.value >= float(self.settings["min_score"]) and (best is None or sc.value > best[0]):
                best = (sc.value, h)
        if best is None or best[1].family == "negated":
            return ()
        other = best[1].id
        plan, done = (hid, other) if m.family == "intended" else (other, hid)
        self.store.link_happenings(plan, done, "planned_for")
        return (("planned_for", other) if m.family == "intended" else ("planned_by", other),)

    def _link_candidates(self, m: Mention) -> list[Happening]:
        # A plan's own interval already runs to the weeks after its article;
        # an occurrence looks back as far for the plan that announced it.
        if m.family != "intended" and m.start is not None and m.end is not None:
            back = timedelta(days=int(self.settings["planned_days_after"]))
            return self._candidates(replace(m, start=m.start - back))
        return self._candidates(m)

    def refresh(self, happening_id: str) -> Happening | None:
        """Recompute a happening from its stored mentions; delete it when none is left."""
        rows = self.store.happening_mention_rows(happening_id)
        if not rows:
            self.store.delete_happening(happening_id)
            return None
        mentions, hms = [], []
        for r in rows:
            pub = r.get("article_date")
            ref = date.fromisoformat(pub) if pub else None
            m = mention_from_json(r["event"], ref, self.settings)
            mentions.append(m)
            hms.append(HappeningMention(
                m.event_id, m.article_id, r.get("outlet") or m.outlet, r.get("outlet_id") or m.outlet_id,
                r.get("url"), r.get("published") or pub, m.status, m.date, list(m.sources), float(r.get("score") or 0.0)))
        links = self.store.happening_links(happening_id)
        shell = Happening(happening_id, "", None, "", "", None, None, None, None, NONE, [], [], None, {}, links=links)
        h = rebuild(shell, mentions, hms)
        recalled = {m.event_id for m in recalled_mentions(h, mentions)}
        if recalled:
            for r in rows:
                if r["event"]["id"] in recalled:
                    self.store.restate_event(_as_background(r["event"], h, hms))
            return self.refresh(happening_id)  # restated, they are background now: recalled no more
        self.store.save_happening(h.to_json())
        return h

    def rebuild_all(self, batch: int = 500) -> int:
        """Merge every stored article's events again from scratch; returns how many happenings exist."""
        self.store.clear_happenings()
        offset = 0
        while True:
            arts = self.store.list_articles(limit=batch, offset=offset, order="oldest")
            if not arts:
                break
            for a in arts:
                evs = self.store.events(article_id=a.id, limit=10_000)
                if evs:
                    self.add_stored(a, evs)
            offset += batch
        return self.store.count_happenings()

    def add_stored(self, article: Article, events: list[dict[str, Any]]) -> list[HappeningLink]:
        """``add`` for events as the store returns them (``Event.to_json()`` dicts)."""
        return self.add(article, events)
