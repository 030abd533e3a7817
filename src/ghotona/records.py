"""Typed records passed between pipeline stages.

Every stage takes one of these and returns the next; nothing downstream
reaches back into raw HTML or page text.  Offsets are always character
offsets into ``Article.body`` (the clean, normalised body: paragraphs joined
by ``"\\n\\n"``), which is what later stages cite as evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class InputFormat(str, Enum):
    """How a page's bytes are to be read."""

    HTML = "html"
    PAGETEXT = "pagetext"  # rendered text of a page, menus and lists included
    JSON = "json"  # one record or a list of records
    JSONL = "jsonl"
    CSV = "csv"


@dataclass(slots=True)
class RawPage:
    """One unit of input before extraction: a file, a stdin read, or one record.

    ``text`` is already decoded; ``encoding`` says from what, and
    ``encoding_guessed`` is true when it was detected rather than declared.
    ``fields`` carries an already-extracted record (JSON/CSV input).
    """

    source: str  # file path, "<stdin>", or "path#record-index"
    format: InputFormat
    text: str = ""
    encoding: str = "utf-8"
    encoding_guessed: bool = False
    url: str | None = None
    fields: dict[str, Any] | None = None
    size_bytes: int = 0


@dataclass(slots=True)
class Rejection:
    """A page that could not become an article, as a value with a reason.

    ``reason`` is a short machine-readable code (``empty``, ``binary``,
    ``too-large``, ``decode-error``, ``no-body``, ``bad-record``, ``unreadable``);
    ``detail`` says, for a person, what happened and what to do.
    """

    source: str
    reason: str
    detail: str


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    """A date or time found on the page (not yet a claim about the article).

    ``value`` is timezone-aware when a time of day was read, otherwise it is
    midnight in the page's time zone with ``has_time`` false.  ``granularity``
    is ``day``/``minute``/``second`` (``month``/``year`` for partial dates).
    ``role`` is what the page says the date is: ``published``, ``updated``,
    ``page`` (the date the page was rendered), or ``unknown``.
    """

    text: str
    start: int
    end: int
    value: datetime
    granularity: str
    has_time: bool
    role: str = "unknown"
    weekday_given: int | None = None  # 0=Monday, as the page wrote it
    bangla_date: str | None = None  # e.g. "26 Asharh 1432" when present
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TimeExpression:
    """One date/time expression found in a text and its TIMEX3 reading.

    ``start``/``end`` index the text given to :func:`ghotona.timex.tag`, and
    ``text == original[start:end]``.  ``value`` is None when the expression
    could not be resolved; ``reason`` then says why.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION
    cls: str  # absolute, partial, weekday, relative, bangla, clock, duration, range
    value: str | None
    granularity: str | None
    mod: str | None = None
    end_value: str | None = None
    anchor: str | None = None  # "ref:2025-07-11T10:00+06:00" or "year:2024"
    rule: str = ""
    tense: str | None = None  # past / future when the tense decided the value
    warnings: list[str] = field(default_factory=list)
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A plain dict (JSON-serialisable) with the contract's field names."""
        out = asdict(self)
        out["warnings"] = list(self.warnings)
        return out


@dataclass(slots=True)
class ActorMention:
    """One mention of an actor in a text.

    ``start``/``end`` are offsets into the text given to the matcher, and
    ``text[start:end] == mention.text``; the span covers the inflection
    (``পুতিনের``) and, for a role mention, the modifier and the role phrase
    (``রুশ পররাষ্ট্রমন্ত্রী``).  ``actor_id`` is a dictionary id, a
    provisional ``prov:<hash>`` id for an unknown name, or ``None`` when the
    mention could not be linked (an unresolved role, an ambiguous bare name).
    """

    start: int
    end: int
    text: str
    type: str  # person | organisation | country | place
    actor_id: str | None
    name_en: str | None
    name_bn: str | None
    how: str  # one of HOWS
    score: float
    role: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A plain dict with every field (JSON-serialisable)."""
        out = asdict(self)
        out["score"] = round(float(self.score), 4)
        return out


@dataclass(slots=True)
class Attribution:
    """Whom the outlet cites for a sentence (see docs/claims.md).

    ``start``/``end``/``text`` are the source as written, in body offsets
    (``রয়টার্স``, ``মার্কিন এক কর্মকর্তার``); ``cue`` is the word that makes
    it a citation (``জানিয়েছে``, ``বরাতে``).  ``kind`` is wire | actor |
    official-unnamed | media | document | outlet.  ``claim`` is true when
    the source claims or alleges (দাবি, অভিযোগ) rather than reports.
    ``label`` names an unnamed source (``~officials``); ``affiliation`` is
    the English name of the country or body it belongs to, when given.
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    claim: bool
    sentence_start: int
    sentence_end: int
    actor_id: str | None = None
    name_en: str | None = None
    wire_id: str | None = None
    label: str | None = None
    affiliation: str | None = None
    how: str = "verb"  # verb | frame | lead | wire | pronoun | quote | anaphora
    confidence: float = 1.0

    @property
    def source_name(self) -> str:
        """The English name, else the unnamed label, else the text as written."""
        return self.name_en or self.label or self.text

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["confidence"] = round(float(self.confidence), 3)
        return out


@dataclass(slots=True)
class Claim:
    """A quantitative statement in an article body (see docs/claims.md).

    ``text`` runs from the bound word through the number and its unit
    (``অন্তত ২৫ জন``, ``২০ থেকে ৫০ শতাংশ``); ``value``/``value_max`` are the
    figure (the range's ends), already multiplied out (``১০ হাজার`` = 10000)
    and in the unit's base (km, km², tonnes).  ``counted`` is what is
    counted; ``claimant`` the English name (or ``~label``) of whoever the
    outlet cites for the figure, None when the outlet states it itself.
    """

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    bound: str  # exact | at-least | more-than | less-than | at-most | about | range | up-to
    unit: str  # count | percent | money | area-km2 | distance-km | weight-ton
    currency: str | None
    counted: str  # killed | injured | ... | other
    counted_text: str | None
    counted_start: int | None
    counted_end: int | None
    claimant: str | None
    claimant_id: str | None
    claimant_text: str | None
    claimant_kind: str | None
    claimed: bool  # the claimant claims/alleges (দাবি) rather than reports
    sentence_start: int
    sentence_end: int
    confidence: float

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["confidence"] = round(float(self.confidence), 3)
        return out


@dataclass(slots=True)
class RemovedLine:
    """A line dropped as boilerplate, with why: shown on the article page."""

    text: str
    reason: str


@dataclass(slots=True)
class Article:
    """The output of extraction: one clean article with its metadata."""

    id: str  # stable content id: sha1 of (outlet url or source) + title
    source: str
    format: str
    url: str | None
    outlet: str | None
    outlet_id: str | None
    title: str | None
    desk: str | None
    byline: str | None
    wire_sources: list[str]
    published: datetime | None
    updated: datetime | None
    page_date: datetime | None
    paragraphs: list[Paragraph]
    language: str
    language_score: float
    republished: bool = False  # an old article re-served under a later page date
    warnings: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    dates_on_page: list[DateMention] = field(default_factory=list)
    signoff: str | None = None
    encoding: str = "utf-8"
    content_hash: str = ""  # hash of the clean body + title: detects changes
    # Every date and time expression in the body (offsets into ``body``),
    # resolved against the article's own time: published, else updated.
    time_expressions: list[TimeExpression] = field(default_factory=list)
    # Every person, organisation, country and place named in the body
    # (offsets into ``body``), linked to the actor dictionary; roles are
    # resolved for the article's own date.
    actor_mentions: list[ActorMention] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape printed by ``ghotona ingest --json``."""

        def iso(d: datetime | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "url": self.url,
            "outlet": self.outlet,
            "outlet_id": self.outlet_id,
            "title": self.title,
            "published": iso(self.published),
            "updated": iso(self.updated),
            "page_date": iso(self.page_date),
            "desk": self.desk,
            "byline": self.byline,
            "wire_sources": list(self.wire_sources),
            "signoff": self.signoff,
            "paragraphs": [p.text for p in self.paragraphs],
            "language": self.language,
            "republished": self.republished,
            "warnings": list(self.warnings),
            "content_hash": self.content_hash,
        }

    def detail_json(self) -> dict[str, Any]:
        """Everything, including sentences with offsets and removed lines."""
        out = self.to_json()
        out["body"] = self.body
        out["sentences"] = [
            {"start": s.start, "end": s.end, "text": s.text}
            for p in self.paragraphs
            for s in p.sentences
        ]
        out["removed"] = [asdict(r) for r in self.removed]
        out["dates_on_page"] = [
            {**asdict(d), "value": d.value.isoformat()} for d in self.dates_on_page
        ]
        out["encoding"] = self.encoding
        out["language_score"] = self.language_score
        out["time_expressions"] = [t.to_json() for t in self.time_expressions]
        out["actor_mentions"] = [m.to_json() for m in self.actor_mentions]
        return out


# --------------------------------------------------------------------------
# The crawler's records (ghotona.crawl; stored by migration 0004)
# --------------------------------------------------------------------------


@dataclass(slots=True)
class FrontierEntry:
    """One URL the crawler knows: a feed, sitemap or section page it reads, or an article page.

    ``state`` is ``pending`` (to fetch), ``done``, ``failed`` (``attempts``
    failed tries; retried after ``next_attempt`` while under the limit),
    ``gone`` (a 4xx, too large, a refused redirect: not retried unless a
    feed says it changed) or ``skipped`` (robots.txt, another host, a
    private address: ``reason``).
    ``feed_date`` is the date a feed or sitemap gave for the page; the
    page's own dates win over it.  Times are UTC ISO text.
    """

    url: str
    host: str
    source_id: str
    kind: str  # page | feed | sitemap | section
    via: str  # config | feed | sitemap | section
    discovered: str
    state: str = "pending"
    found_in: str | None = None
    feed_date: str | None = None
    lastmod: str | None = None
    attempts: int = 0
    next_attempt: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    article_id: str | None = None
    fetched: str | None = None
    outcome: str | None = None
    reason: str | None = None


@dataclass(slots=True, frozen=True)
class FetchRecord:
    """One HTTP request of a crawl run, as logged: what came back and what it meant."""

    url: str
    kind: str
    status: int | None
    bytes: int
    ms: float
    outcome: str  # new | changed | unchanged | not-modified | failed | skipped-* | read
    reason: str | None
    at: str


@dataclass(slots=True, frozen=True)
class RawResponse:
    """A response body kept for re-extraction (``ghotona reprocess``); ``body`` uncompressed."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    content_hash: str
    fetched: str
    body: bytes
