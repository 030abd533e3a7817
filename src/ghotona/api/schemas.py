"""The API's response records: the stable JSON contract (docs/api.md).

Field names follow the CLI's ``--json`` output and the export formats, so a
record looks the same whichever door it leaves by.  Add fields; never
rename or remove them.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Model(BaseModel):
    # Unknown keys from newer stores pass through instead of failing a page.
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="short machine-readable reason: not-found, bad-request, read-only, ...")
    message: str = Field(description="what went wrong and what to do, for a person")


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    """One page of a longer list: ``total`` counts every match, ``items`` this page."""

    total: int
    limit: int
    offset: int
    items: list[T]


# -- articles -------------------------------------------------------------


class ArticleSummary(_Model):
    id: str
    title: str | None
    outlet: str | None
    outlet_id: str | None
    url: str | None
    published: str | None
    updated: str | None
    page_date: str | None
    language: str
    desk: str | None = None
    byline: str | None = None
    wire_sources: list[str] = []
    republished: bool = False


class Sentence(_Model):
    start: int
    end: int
    text: str


class Removed(_Model):
    text: str
    reason: str


class Mention(_Model):
    start: int
    end: int
    text: str
    type: str
    actor_id: str | None
    name_en: str | None
    name_bn: str | None
    how: str
    score: float
    role: str | None = None


class Version(_Model):
    version: int
    content_hash: str
    title: str | None
    stored_at: str | None
    replaced_at: str | None
    current: bool


class ArticleDetail(ArticleSummary):
    source: str
    format: str
    signoff: str | None
    paragraphs: list[str]
    body: str
    sentences: list[Sentence]
    removed: list[Removed]
    warnings: list[str]
    actor_mentions: list[Mention]
    time_expressions: list[dict[str, Any]]
    history: list[Version]
    n_events: int
    n_claims: int


# -- events and claims ----------------------------------------------------


class Participant(_Model):
    id: str | None
    name_en: str | None
    name_bn: str | None
    text: str
    span: list[int]
    type: str


class EventSource(_Model):
    text: str
    kind: str
    id: str | None
    name_en: str | None
    span: list[int | None] | None


class Attribution(_Model):
    outlet: str | None
    outlet_id: str | None
    sources: list[EventSource]


class Evidence(_Model):
    sentence: str
    sentence_span: list[int]
    trigger: str
    trigger_span: list[int]
    status_cue: str | None


class Event(_Model):
    """A PLOVER-style event record, exactly as ``ghotona events --json`` prints it."""

    id: str
    article_id: str
    date: str | None
    date_granularity: str | None
    date_how: str
    date_text: str | None
    event: str = Field(description="PLOVER type")
    mode: str | None
    context: list[str]
    cameo: str | None
    actor: list[Participant]
    recipient: list[Participant]
    location: Participant | None
    status: str
    attribution: Attribution
    evidence: list[Evidence]
    confidence: float
    symmetric: bool
    warnings: list[str]


class Claim(_Model):
    article_id: str
    outlet: str | None
    outlet_id: str | None
    published: str | None
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    bound: str
    unit: str
    currency: str | None
    counted: str
    counted_text: str | None
    claimant: str | None
    claimant_id: str | None
    claimant_text: str | None
    claimed: bool
    sentence_start: int
    sentence_end: int
    confidence: float


class Bucket(BaseModel):
    period: str = Field(description="2025, 2025-07 or 2025-07-10")
    count: int


class Timeline(BaseModel):
    """Events per year, month or day (undated events are left out)."""

    period: str
    total: int
    buckets: list[Bucket]


# -- actors ---------------------------------------------------------------


class ActorSummary(_Model):
    id: str
    type: str
    name_en: str | None
    name_bn: str | None
    country: str | None = None
    in_dictionary: bool = True


class RoleSpan(_Model):
    role: str
    role_name: str
    of: str
    of_name: str | None
    start: str | None = Field(description="first day, or null: before our records")
    end: str | None = Field(description="last day, or null: still held")


class NetworkNode(BaseModel):
    id: str
    name_en: str | None
    name_bn: str | None
    weight: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="events the two take part in together")
    types: list[str]


class ActorArticleOut(_Model):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    mentions: int


class ActorDetail(ActorSummary):
    aliases: list[str] = []
    aliases_en: list[str] = []
    roles: list[RoleSpan] = []
    n_events: int
    n_articles: int
    events: list[Event]
    articles: list[ActorArticleOut]
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    network_events: int = Field(description="how many of the actor's events the network was drawn from")


# -- search ---------------------------------------------------------------


class SearchHit(_Model):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str = Field(description="plain text, no markup")
    highlights: list[list[int]] = Field(description="[start, end) spans of the matched words in snippet")
    rank: float


# -- stories and conflicts (corpus layer; may be unavailable) -------------


class StoryPage(BaseModel):
    available: bool = Field(description="false: this store has no stories yet (run a newer ghotona)")
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class StoryOut(BaseModel):
    available: bool
    story: dict[str, Any] | None


class ConflictPage(StoryPage):
    pass


class IngestResult(BaseModel):
    new: int
    updated: int
    unchanged: int
    rejected: list[dict[str, str]]
    events: int
    claims: int
    ids: list[str]
