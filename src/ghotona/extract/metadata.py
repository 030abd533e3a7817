"""Article metadata from a classified page: its dates, outlet and cited sources.

A page carries several dates: the day it was rendered (site furniture above
the headline, often with a Bangla-calendar date), the published and updated
stamps, and dates inside the story.  Only the stamps date the article; the
render date is kept as ``page_date`` and used to tell an old article served
again (``republished``) from a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..records import DateMention
from .. import sources
from .lines import Kind, Layout

# Reasons of lines whose dates belong to other articles (headline lists).
_LIST_REASONS = {"list-item", "repeated-headline", "headline-run", "promo", "outside-article", "after-signoff"}


@dataclass(slots=True)
class PageDates:
    published: DateMention | None = None
    updated: DateMention | None = None
    page: DateMention | None = None
    mentions: list[DateMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def page_dates(layout: Layout) -> PageDates:
    """Assign roles to the date stamps on a classified page."""
    out = PageDates()
    title = layout.title_index
    first_body = layout.body_indices[0] if layout.body_indices else len(layout.lines)
    for ln in layout.lines:
        if not ln.dates or ln.kind in (Kind.BODY, Kind.DUPLICATE) or ln.reason in _LIST_REASONS:
            continue
        for m in ln.dates:
            out.mentions.append(m)
            out.warnings.extend(m.warnings)
            if m.role == "published" and out.published is None:
                out.published = m
            elif m.role == "updated" and out.updated is None:
                out.updated = m
            elif m.role in ("unknown", "page"):
                # Above the headline: the site's "today" (the render date);
                # a second undated-role stamp up there, or one between the
                # headline and the text, is the article's own stamp.
                in_header = ln.index <= max(first_body, title or 0) + 2
                above_title = ln.index < title if title is not None else (
                    ln.index < first_body and (m.bangla_date is not None or m.weekday_given is not None)
                )
                if above_title and out.page is None:
                    m.role = "page"
                    out.page = m
                elif in_header and out.published is None:
                    m.role = "published"
                    out.published = m
    return out


def republished(published: datetime | None, updated: datetime | None, page: datetime | None, days: int) -> str | None:
    """A warning when the article is much older than the page that serves it."""
    article = published or updated
    if article is None or page is None:
        return None
    gap = (page.date() - article.date()).days
    if gap > days:
        return f"old-article: dated {article.date().isoformat()}, page rendered {page.date().isoformat()} ({gap} days later)"
    return None


def order_warnings(published: datetime | None, updated: datetime | None, page: datetime | None) -> list[str]:
    out = []
    if published and updated and updated < published:
        out.append(f"updated-before-published: updated {updated.isoformat()} < published {published.isoformat()}")
    if page and published and page.date() < published.date():
        out.append(f"published-after-page-date: published {published.date()} but page rendered {page.date()}")
    return out


def find_outlet(
    url: str | None,
    furniture: list[str],
    hint: str | None = None,
    among: Sequence[sources.Outlet] | None = None,
) -> sources.Outlet | None:
    """The publisher: from the URL, else a stated name, else page furniture."""
    if url:
        o = sources.outlet_by_url(url, among)
        if o:
            return o
    for text in ([hint] if hint else []) + furniture:
        o = sources.outlet_in_text(text, among)
        if o:
            return o
    return None
