"""Typed records of the event layer: an Event, its participants and its evidence.

Offsets are character offsets into ``Article.body`` like every other layer,
so an evidence span can be shown, highlighted and checked against the text.
The JSON shape (:meth:`Event.to_json`) is the stable export contract
documented in ``docs/events.md``; add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("occurred", "planned", "hypothetical", "negated", "historical")
# How an event got its date: from a time expression in its clause or
# sentence, from an earlier mention of the same happening, from the article's
# publication date (flagged: the text said nothing), or none at all.
# The first three are dates the text itself gives (corpus stages trust them).
TEXT_DATE_HOWS = ("text", "sentence", "coreference")
# "corpus": the article told it undated, and another article's dated telling of
# the same happening (corpus/merge.py) showed it to be background: the date and
# the historical status are that happening's, flagged.
# "news-day": the text gives none, and the lead dates its news to a day just before the
# publication (a morning paper's "yesterday"): that day, flagged.
DATE_HOWS = TEXT_DATE_HOWS + ("news-day", "publication-fallback", "corpus", "none")
# Dates the text does not give for the event itself: weak evidence, shown as such.
FALLBACK_DATE_HOWS = ("news-day", "publication-fallback")


@dataclass(slots=True)
class Participant:
    """An actor, recipient or location of an event, as resolved by the actor layer."""

    actor_id: str | None
    name_en: str | None
    name_bn: str | None
    text: str
    start: int
    end: int
    type: str  # person | organisation | country | place | generic
    # Why the coder took a participant the text does not name, else None:
    # "home-government" for an unqualified সরকার read as the article's own
    # country, "home-forces" for an army named without its country,
    # "principal-sides" for the sides of a happening between equals told with no
    # party, taken from the article's two principal countries, "home-place"
    # for a location read off a word for the article's own capital or country
    # (রাজধানীতে, সারা দেশে), "article-opponent" for the target of a hostile act
    # told with none, the doer's one opponent in the article.  Cross-article
    # merging does not count such a participant as shared.
    inferred: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.actor_id,
            "name_en": self.name_en,
            "name_bn": self.name_bn,
            "text": self.text,
            "span": [self.start, self.end],
            "type": self.type,
        }
        if self.inferred:
            out["inferred"] = self.inferred
        return out

    @property
    def key(self) -> str:
        """Identity used to compare participants: the id, else the folded text."""
        return self.actor_id or f"text:{self.text}"


@dataclass(slots=True)
class Evidence:
    """One place in the article that states the event: its sentence and trigger."""

    sentence_start: int
    sentence_end: int
    sentence: str
    trigger_start: int
    trigger_end: int
    trigger: str
    status_cue: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "sentence_span": [self.sentence_start, self.sentence_end],
            "trigger": self.trigger,
            "trigger_span": [self.trigger_start, self.trigger_end],
            "status_cue": self.status_cue,
        }


@dataclass(slots=True)
class EventSource:
    """Whom the outlet cites for the event (a wire, an official, a government)."""

    text: str
    kind: str
    actor_id: str | None = None
    name_en: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "id": self.actor_id,
            "name_en": self.name_en,
            "span": [self.start, self.end] if self.start is not None else None,
        }


@dataclass(slots=True)
class Event:
    """One happening reported by one article, PLOVER-coded.

    ``date`` is an ISO value at ``date_granularity`` (``2025-07-10``,
    ``2025-07``, ``2025``) or ``None``; ``date_how`` says where it came from
    and ``news-day`` / ``publication-fallback`` flag a date the text did not give.
    """

    id: str
    article_id: str
    type: str
    mode: str | None
    contexts: list[str]
    actors: list[Participant]
    recipients: list[Participant]
    location: Participant | None
    date: str | None
    date_granularity: str | None
    date_how: str
    date_text: str | None
    status: str
    sources: list[EventSource]
    evidence: list[Evidence]
    confidence: float
    outlet: str | None = None
    outlet_id: str | None = None
    cameo: str | None = None
    symmetric: bool = False
    warnings: list[str] = field(default_factory=list)
    # Whether the article first tells it in its lead (the first paragraphs), where
    # an article puts its news; a telling below the lead may recall older news.
    in_lead: bool = True

    def to_json(self) -> dict[str, Any]:
        """The PLOVER-style record printed by ``ghotona events --json``."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "date": self.date,
            "date_granularity": self.date_granularity,
            "date_how": self.date_how,
            "date_text": self.date_text,
            "event": self.type,
            "mode": self.mode,
            "context": list(self.contexts),
            "cameo": self.cameo,
            "actor": [p.to_json() for p in self.actors],
            "recipient": [p.to_json() for p in self.recipients],
            "location": self.location.to_json() if self.location else None,
            "status": self.status,
            "attribution": {
                "outlet": self.outlet,
                "outlet_id": self.outlet_id,
                "sources": [s.to_json() for s in self.sources],
            },
            "evidence": [e.to_json() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "symmetric": self.symmetric,
            "in_lead": self.in_lead,
            "warnings": list(self.warnings),
        }
