"""Claims that disagree across articles: both sides, never one silently chosen.

One outlet writes that about 600 soldiers were killed (per Seoul), another
that over 6,000 were (per British defence intelligence).  A reader wants
both figures side by side with who published them and whom they cite.  This
module finds such pairs among the stored claims (``records.Claim``,
docs/claims.md), incrementally: :func:`update_conflicts` is called for each
new or changed article (by ``corpus.update.CorpusUpdater``) and compares its
claims with the stored claims about the same quantity.

Two claims are about **the same quantity** when

- they count the same thing (``counted``, never ``other``) in the same unit
  (and currency);
- they hold at compatible times: the dates their sentences give (``২০২৪
  সালে``), else their articles' dates, lie within ``same_time_days`` of
  each other (a running total reported weeks apart is one quantity; a 2024
  figure and a 2025 one are not);
- they are about the same subject: the actors named next to the figure
  ("উত্তর কোরিয়ার প্রায় ৬০০ সেনা", "৬,০০০ এর বেশি উত্তর কোরিয়ান সেনা") share
  an actor or a country, or, when the sentence names nobody next to the
  figure, the events told in the two sentences are one happening (see
  corpus/merge.py).  The source a figure is credited to is never its subject.

They **disagree** when the value intervals do not overlap once each figure's
bound is applied ("about 600" is 450-750 with the ``about_tolerance``, "over
6,000" is 6,000 and up) and a small margin (``exact_tolerance``) is left for
rounding.  Tolerances and windows are in ``defaults.toml`` ``[conflicts]``.

Candidates come from an index on (counted, unit, time), never from all pairs.

**Dates** can disagree too: one outlet dates a visit "last year", another
"last November".  The mentions of one happening (corpus/merge.py) from
different articles are compared by the dates their own sentences give
(never a publication-date fallback).  Dates that cannot both hold are a
``date`` conflict at level ``disagree``; a date at a coarse granularity
(``[conflicts] date_coarse``: a bare year) against a finer one inside it is
a conflict at level ``less-precise``, shown so that a reader sees which
outlet commits to more.  A day against its month is ordinary reporting
("this month", "on Saturday") and is not listed.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .. import config as config_mod
from ..errors import NotFound
from ..events.model import TEXT_DATE_HOWS
from ..records import Article, Claim
from ..store.base import Store, date_range
from .merge import article_date, country_of, publisher

#: How far (in characters) from the figure an actor still names its subject:
#: about five Bengali words, the genitive or demonym right before or after.
SUBJECT_WINDOW = 40


@dataclass(slots=True)
class ConflictSide:
    """One side of a conflict: a figure, who published it and whom it cites."""

    article_id: str
    seq: int
    outlet: str
    url: str | None
    published: str | None
    text: str  # the figure as written (অন্তত ২৫ জন), or the date as written (গত বছর নভেম্বরে)
    value: float | None  # None on a date side
    value_max: float | None
    bound: str
    unit: str
    currency: str | None
    counted: str
    claimant: str | None
    claimant_id: str | None
    evidence: str  # the sentence that states it
    subject: list[str]
    time: list[str]  # first and last day the figure holds for
    time_from: str  # "text" (a date in its sentence) or "article"
    # Date conflicts: the date this side gives (value, granularity) and the
    # event it dates.  A quantity side leaves them None.
    date: str | None = None
    date_granularity: str | None = None
    event_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


@dataclass(slots=True)
class Conflict:
    """Two claims about one quantity whose figures cannot both be right."""

    id: str
    kind: str  # "quantity" (two figures) or "date" (two dates of one happening)
    counted: str  # what the figures count; "date" for a date conflict
    unit: str
    sides: list[ConflictSide]
    reasons: list[str] = field(default_factory=list)
    # "disagree": both cannot be right; "less-precise": one side's date lies
    # inside the other's coarser one (dates only).
    level: str = "disagree"
    happening: str | None = None

    @property
    def ratio(self) -> float | None:
        """How far apart the figures are (larger lower end over smaller upper end); None for dates."""
        a, b = self.sides
        if self.kind != "quantity" or a.value is None or b.value is None:
            return None
        lo = max(a.value, b.value)
        hi = min(a.value_max or a.value, b.value_max or b.value)
        return round(lo / hi, 2) if hi else math.inf

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "counted": self.counted, "unit": self.unit,
                "ratio": self.ratio, "level": self.level, "happening": self.happening,
                "reasons": list(self.reasons), "sides": [s.to_json() for s in self.sides]}


# -- the key of one claim ---------------------------------------------------------


def value_interval(value: float, value_max: float | None, bound: str, settings: dict[str, Any]) -> tuple[float, float]:
    """The values a figure allows once its bound and the rounding margin are applied."""
    tol = float(settings["exact_tolerance"])
    about = float(settings["about_tolerance"])
    if bound == "about":
        return value * (1 - about), value * (1 + about)
    if bound in ("at-least", "more-than"):
        return value * (1 - tol), math.inf
    if bound in ("less-than", "at-most", "up-to"):
        return 0.0, value * (1 + tol)
    if bound == "range" and value_max is not None:
        return value * (1 - tol), value_max * (1 + tol)
    return value * (1 - tol), value * (1 + tol)


def _claim_time(article: Article, claim: dict[str, Any]) -> tuple[str, str, str] | None:
    """(first day, last day, how): a date told in the claim's sentence, else the article's date."""
    s0, s1 = claim["sentence_start"], claim["sentence_end"]
    best: tuple[int, tuple[str, str]] | None = None
    for t in article.time_expressions:
        if t.type != "DATE" or not t.value or not (s0 <= t.start < s1):
            continue
        span = date_range(t.value[:10])
        if span is None:
            continue
        dist = abs(t.start - claim["start"])
        if best is None or dist < best[0]:
            best = (dist, span)
    if best is not None:
        return best[1][0], best[1][1], "text"
    d = article_date(article)
    if d is None:
        return None
    return d.isoformat(), d.isoformat(), "article"


def _subject(article: Article, claim: dict[str, Any]) -> list[str]:
    """Actor ids named right next to the figure in its sentence, the claimant left out."""
    s0, s1 = claim["sentence_start"], claim["sentence_end"]
    lo = claim["start"] - SUBJECT_WINDOW
    hi = max(claim["end"], claim.get("counted_end") or claim["end"]) + SUBJECT_WINDOW
    claimant_id, claimant_text = claim.get("claimant_id"), claim.get("claimant_text")
    out: dict[str, None] = {}
    for m in article.actor_mentions:
        if not m.actor_id or not (s0 <= m.start < s1) or m.end < lo or m.start > hi:
            continue
        if m.actor_id == claimant_id or (claimant_text and claimant_text in m.text):
            continue  # who says it is not what it is about
        out[m.actor_id] = None
    return list(out)


def _expand(ids: list[str]) -> set[str]:
    """Ids with their countries, so that a city and its country, a leader and his state, meet."""
    out = set(ids)
    out |= {c for c in (country_of(i) for i in ids) if c}
    return out


def claim_keys(
    store: Store, article: Article, claims: list[dict[str, Any]], settings: dict[str, Any],
    events: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """What :func:`update_conflicts` compares for each claim of ``article`` (stored in ``claim_keys``)."""
    if events is None:
        events = store.events(article_id=article.id, limit=10_000)
    body = article.body
    pub = article.published or article.updated or article.page_date
    keys = []
    for seq, c in enumerate(claims):
        if c["counted"] == "other":
            continue
        when = _claim_time(article, c)
        if when is None:
            continue  # an undated article: no time to compare against
        low, high = value_interval(float(c["value"]), c.get("value_max"), c["bound"], settings)
        s0, s1 = c["sentence_start"], c["sentence_end"]
        happenings = []
        for e in events:
            if any(s0 <= ev["trigger_span"][0] < s1 for ev in e.get("evidence") or []):
                h = store.happening_of_event(e["id"])
                if h is not None:
                    happenings.append(h["id"])
        unit = c["unit"] + (f":{c['currency']}" if c.get("currency") else "")
        keys.append({
            "article_id": article.id, "seq": seq, "counted": c["counted"], "unit": unit,
            "time_start": when[0], "time_end": when[1], "time_from": when[2],
            "low": low, "high": None if math.isinf(high) else high,
            "subject": _subject(article, c), "happenings": sorted(set(happenings)),
            "side": {
                "article_id": article.id, "seq": seq,
                "outlet": publisher(article.outlet, article.outlet_id, article.url, article.id),
                "url": article.url, "published": pub.isoformat() if pub else None,
                "text": c["text"], "value": c["value"], "value_max": c.get("value_max"), "bound": c["bound"],
                "unit": c["unit"], "currency": c.get("currency"), "counted": c["counted"],
                "claimant": c.get("claimant"), "claimant_id": c.get("claimant_id"),
                "evidence": body[s0:s1], "subject": [], "time": [when[0], when[1]], "time_from": when[2],
            },
        })
        keys[-1]["side"]["subject"] = keys[-1]["subject"]
    return keys


# -- comparing two keys -------------------------------------------------------------


def same_quantity(a: dict[str, Any], b: dict[str, Any], settings: dict[str, Any]) -> list[str] | None:
    """Why two claim keys are about one quantity, or None when they are not."""
    if a["counted"] != b["counted"] or a["unit"] != b["unit"] or a["article_id"] == b["article_id"]:
        return None
    window = timedelta(days=int(settings["same_time_days"]))
    a0, a1 = date.fromisoformat(a["time_start"]), date.fromisoformat(a["time_end"])
    b0, b1 = date.fromisoformat(b["time_start"]), date.fromisoformat(b["time_end"])
    if a0 > b1 + window or b0 > a1 + window:
        return None
    shared_h = set(a["happenings"]) & set(b["happenings"])
    if shared_h:
        return [f"same happening {sorted(shared_h)[0]}"]
    if a["subject"] and b["subject"]:
        shared = _expand(a["subject"]) & _expand(b["subject"])
        if shared:
            return ["same subject " + ",".join(sorted(shared))]
    return None


def disagree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The two value intervals do not overlap."""
    ahi = math.inf if a["high"] is None else a["high"]
    bhi = math.inf if b["high"] is None else b["high"]
    return a["low"] > bhi or b["low"] > ahi


def _conflict_id(a: dict[str, Any], b: dict[str, Any]) -> str:
    key = "|".join(sorted(f"{k['article_id']}:{k['seq']}" for k in (a, b)))
    return "cf:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _side(k: dict[str, Any]) -> ConflictSide:
    return ConflictSide(**k["side"])


def update_conflicts(
    store: Store, article: Article, config: dict[str, Any] | None = None, *,
    claims: list[Claim] | list[dict[str, Any]] | None = None,
) -> list[Conflict]:
    """Re-key the article's claims and find every stored claim they disagree with.

    ``claims`` default to the article's stored claims.  Replaces the
    article's earlier keys and conflicts (a re-ingested page), so it is safe
    to call again.  Returns the article's conflicts, oldest side first.
    """
    settings = (config or config_mod.load())["conflicts"]
    article = _with_layers(store, article)
    if claims is None:
        raw = store.claims(article_id=article.id, limit=100_000)
    else:
        raw = [c.to_json() if isinstance(c, Claim) else c for c in claims]
    events = store.events(article_id=article.id, limit=10_000)
    keys = claim_keys(store, article, raw, settings, events)
    store.replace_claim_keys(article.id, keys)
    window = timedelta(days=int(settings["same_time_days"]))
    found: dict[str, Conflict] = {}
    for k in keys:
        since = (date.fromisoformat(k["time_start"]) - window).isoformat()
        until = (date.fromisoformat(k["time_end"]) + window).isoformat()
        for other in store.claim_key_candidates(k["counted"], k["unit"], since, until,
                                                exclude_article=article.id, limit=int(settings["max_candidates"])):
            why = same_quantity(k, other, settings)
            if why is None or not disagree(k, other):
                continue
            first, second = sorted((k, other), key=lambda x: (x["side"]["published"] or "", x["article_id"]))
            cid = _conflict_id(k, other)
            found[cid] = Conflict(cid, "quantity", k["counted"], k["unit"], [_side(first), _side(second)], why)
    if settings.get("dates", True):
        for c in date_conflicts(store, article, events, settings):
            found[c.id] = c
    out = sorted(found.values(), key=lambda c: c.id)
    store.replace_conflicts(article.id, [c.to_json() for c in out])
    return out


# -- dates of one happening --------------------------------------------------------

_GRANULARITY_RANK = {"year": 0, "quarter": 1, "month": 2, "week": 3, "day": 4}


def _date_side(event: dict[str, Any], mention: dict[str, Any]) -> ConflictSide | None:
    """One side of a date conflict: the event's own date, or None when its text gives none."""
    span = date_range(event.get("date"))
    if span is None or event.get("date_how") not in TEXT_DATE_HOWS:
        return None
    ev = (event.get("evidence") or [{}])[0]
    sources = (event.get("attribution") or {}).get("sources") or []
    who = [p.get("id") for p in (event.get("actor") or []) + (event.get("recipient") or []) if p.get("id")]
    return ConflictSide(
        article_id=event["article_id"], seq=0, outlet=mention.get("outlet") or publisher(
            None, mention.get("outlet_id"), mention.get("url"), event["article_id"]),
        url=mention.get("url"), published=mention.get("published"),
        text=event.get("date_text") or event["date"], value=None, value_max=None, bound="date",
        unit="date", currency=None, counted="date",
        claimant=sources[0] if sources else None, claimant_id=None,
        evidence=ev.get("sentence") or "", subject=who, time=[span[0], span[1]], time_from="text",
        date=event["date"], date_granularity=event.get("date_granularity"), event_id=event["id"],
    )


def compare_dates(a: ConflictSide, b: ConflictSide, coarse: frozenset[str]) -> tuple[str, str] | None:
    """(level, reason) when two dates of one happening are worth showing side by side, else None."""
    if a.date == b.date:
        return None
    if a.time[0] > b.time[1] or b.time[0] > a.time[1]:
        return "disagree", f"dates cannot both hold: {a.date} and {b.date}"
    ra = _GRANULARITY_RANK.get(a.date_granularity or "", -1)
    rb = _GRANULARITY_RANK.get(b.date_granularity or "", -1)
    wide, narrow = (a, b) if ra < rb else (b, a)
    if ra != rb and wide.date_granularity in coarse:
        return "less-precise", f"{narrow.date} in one report, only {wide.date} in the other"
    return None


def date_conflicts(
    store: Store, article: Article, events: list[dict[str, Any]], settings: dict[str, Any],
) -> list[Conflict]:
    """The article's events dated differently by another article's mention of the same happening."""
    coarse = frozenset(settings.get("date_coarse", ["year"]))
    others: dict[str, dict[str, dict[str, Any]]] = {}  # article id -> its events by id
    out: dict[str, Conflict] = {}
    for e in events:
        h = store.happening_of_event(e["id"])
        if h is None:
            continue
        mine = next((m for m in h.get("mentions") or [] if m.get("event_id") == e["id"]), {})
        side = _date_side(e, mine)
        if side is None:
            continue
        for m in h.get("mentions") or []:
            if m.get("article_id") == article.id or not m.get("date"):
                continue
            by_id = others.get(m["article_id"])
            if by_id is None:
                by_id = others[m["article_id"]] = {x["id"]: x for x in store.events(article_id=m["article_id"], limit=10_000)}
            other_event = by_id.get(m["event_id"])
            other = _date_side(other_event, m) if other_event else None
            if other is None:
                continue
            found = compare_dates(side, other, coarse)
            if found is None:
                continue
            level, reason = found
            first, second = sorted((side, other), key=lambda x: (x.published or "", x.article_id))
            # One pair of sentences dating one happening differently is one
            # conflict, even when the coder read two events from them (a
            # visit and the treaty signed during it).
            key = "|".join(sorted(f"{x.article_id}:{x.date}:{x.evidence}" for x in (side, other)))
            cid = "cf:" + hashlib.sha1(("date|" + key).encode("utf-8")).hexdigest()[:16]
            if cid not in out:
                out[cid] = Conflict(cid, "date", "date", "date", [first, second],
                                    [f"same happening {h['id']}", reason], level=level, happening=h["id"])
    return list(out.values())


def _with_layers(store: Store, article: Article) -> Article:
    """The article with its actor mentions and time expressions (a stored article has neither)."""
    from dataclasses import replace

    if not article.actor_mentions:
        try:
            article = replace(article, actor_mentions=store.mentions(article.id))
        except NotFound:  # not stored yet: no mentions to add
            pass
    if not article.time_expressions and article.paragraphs:
        from ..timex import tag

        article = replace(article, time_expressions=tag(article.body, article.published or article.updated
                                                        or article.page_date))
    return article


def rebuild_conflicts(store: Store, config: dict[str, Any] | None = None, batch: int = 500) -> int:
    """Find every conflict again from the stored claims (oldest article first); returns how many."""
    offset = 0
    while True:
        arts = store.list_articles(limit=batch, offset=offset, order="oldest")
        if not arts:
            break
        for a in arts:
            update_conflicts(store, a, config)
        offset += batch
    return store.count_conflicts()


def conflict_from_json(d: dict[str, Any]) -> Conflict:
    """A stored conflict (``Store.conflicts``) as a record."""
    return Conflict(d["id"], d["kind"], d["counted"], d["unit"], [ConflictSide(**s) for s in d["sides"]],
                    list(d.get("reasons") or []), level=d.get("level") or "disagree", happening=d.get("happening"))
