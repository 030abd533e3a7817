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
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .. import config as config_mod
from ..errors import NotFound
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
    text: str  # the figure as written (অন্তত ২৫ জন)
    value: float
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

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


@dataclass(slots=True)
class Conflict:
    """Two claims about one quantity whose figures cannot both be right."""

    id: str
    kind: str  # "quantity"
    counted: str
    unit: str
    sides: list[ConflictSide]
    reasons: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """How far apart the figures are (larger lower end over smaller upper end)."""
        a, b = self.sides
        lo = max(a.value, b.value)
        hi = min(a.value_max or a.value, b.value_max or b.value)
        return round(lo / hi, 2) if hi else math.inf

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "counted": self.counted, "unit": self.unit,
                "ratio": self.ratio, "reasons": list(self.reasons), "sides": [s.to_json() for s in self.sides]}


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


def claim_keys(store: Store, article: Article, claims: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """What :func:`update_conflicts` compares for each claim of ``article`` (stored in ``claim_keys``)."""
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
    keys = claim_keys(store, article, raw, settings)
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
    out = sorted(found.values(), key=lambda c: c.id)
    store.replace_conflicts(article.id, [c.to_json() for c in out])
    return out


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
                    list(d.get("reasons") or []))
