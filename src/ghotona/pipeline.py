"""Page to article: a pure function of one page plus the shipped language data.

``Extractor(config).extract(raw_page)`` returns an ``Article`` or a
``Rejection``; it never raises for a bad page, so a batch always goes on and
the same code runs in one process or in many workers (build the extractor
once per worker, then map pages).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from . import config as config_mod
from . import sources
from .dates import parse_date_string
from .extract import html as html_mod
from .extract.lines import classify
from .extract.metadata import find_outlet, order_warnings, page_dates, republished
from .records import Article, DateMention, InputFormat, RawPage, Rejection, RemovedLine
from .text.lang import detect_language
from .text.normalize import fold_for_match, normalize, normalize_line
from .text.segment import build_paragraphs, split_sentences
from .actors.link import find_actors
from .timex import tag


def canonical_url(url: str | None) -> str | None:
    """Drop fragments and tracking parameters so one page has one URL."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url or None
    query = "&".join(
        q for q in parts.query.split("&") if q and not q.lower().startswith(("utm_", "fbclid", "gclid"))
    )
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def article_id(url: str | None, outlet_id: str | None, title: str | None, source: str) -> str:
    """A stable id: the same page ingested twice gets the same id.

    The URL identifies a page when there is one; otherwise the outlet and the
    headline do (a saved page has no URL, but re-saving it must not make a
    second article); the source path is the last resort.
    """
    if url:
        key = "url:" + url
    elif title:
        key = f"title:{outlet_id or ''}:{fold_for_match(title)}"
    else:
        key = "source:" + source
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def dedupe_sentences(paragraphs: list[str]) -> tuple[list[str], int]:
    """Drop sentences repeated within the body (scrapers and CMSs double them).

    Short sentences (a one-word reply, "তিনি বলেন।") can legitimately repeat,
    so only sentences of some length count as repeats.
    """
    seen: set[str] = set()
    out: list[str] = []
    dropped = 0
    for para in paragraphs:
        kept: list[str] = []
        for s in split_sentences(para):
            f = fold_for_match(s.text)
            if len(f) >= 25 and f in seen:
                dropped += 1
                continue
            seen.add(f)
            kept.append(s.text)
        if kept:
            out.append(" ".join(kept))
    return out, dropped


class Extractor:
    """Builds once (language data, config), then maps pages to articles."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = config or config_mod.load()
        self.tz = self.config["input"]["timezone"]
        self.zone = ZoneInfo(self.tz)
        ex = self.config["extract"]
        self.min_body_chars = int(ex["min_body_chars"])
        self.min_article_chars = int(ex["min_article_chars"])
        self.republished_after_days = int(ex["republished_after_days"])
        extra = self.config["sources"]["outlet_files"]
        # None means the shipped list (cached, shared); a user list is loaded once here.
        self.outlets = sources.load_outlets(extra) if extra else None

    @classmethod
    def for_texts(cls, config: dict[str, Any] | None = None) -> "Extractor":
        """An extractor for texts given whole: a sentence is an article here, however short."""
        ex = cls(config)
        ex.min_article_chars = 1
        return ex

    # -- public --------------------------------------------------------------
    def extract(self, page: RawPage) -> Article | Rejection:
        try:
            if page.format is InputFormat.HTML:
                return self._from_html(page)
            if page.format is InputFormat.PAGETEXT:
                return self._from_pagetext(page)
            return self._from_record(page)
        except Exception as exc:  # one bad page never stops a batch
            return Rejection(page.source, "extract-error", f"{type(exc).__name__}: {exc}; please report this page")

    # -- formats -------------------------------------------------------------
    def _from_pagetext(self, page: RawPage) -> Article | Rejection:
        layout = classify(page.text, tz=self.tz, min_body_chars=self.min_body_chars)
        dates = page_dates(layout)
        outlet = find_outlet(page.url, layout.furniture(), among=self.outlets)
        return self._finish(
            page,
            title=layout.title,
            paragraphs=layout.paragraphs,
            outlet=outlet,
            outlet_name=None,
            desk=layout.desk,
            byline=layout.byline,
            published=dates.published.value if dates.published else None,
            updated=dates.updated.value if dates.updated else None,
            page_date=dates.page.value if dates.page else None,
            mentions=dates.mentions,
            warnings=list(dates.warnings),
            removed=layout.removed,
            signoff=layout.signoff,
            extra_source_lines=layout.source_lines,
            url=page.url,
        )

    def _from_html(self, page: RawPage) -> Article | Rejection:
        layout, meta, body, how = html_mod.extract(page.text, tz=self.tz, min_body_chars=self.min_body_chars)
        dates = page_dates(layout)
        url = page.url or meta.url
        outlet = find_outlet(url, [meta.title or ""] + layout.furniture(), meta.site_name, among=self.outlets)
        warnings = list(dates.warnings)
        published = dates.published.value if dates.published else None
        updated = dates.updated.value if dates.updated else None
        # Machine-readable meta tags are exact when present; the visible
        # Bengali stamps fill in when they are not.
        for attr, value in (("published", meta.published), ("updated", meta.updated)):
            m = parse_date_string(value, tz=self.tz) if value else None
            if m is not None:
                if attr == "published":
                    if published and abs((m.value - published).total_seconds()) > 120:
                        warnings.append(f"published-disagrees: meta {m.value.isoformat()} vs page {published.isoformat()}")
                    published = m.value
                else:
                    updated = updated or m.value
        title = meta.h1 or layout.title or _strip_site(meta.title, outlet, self.outlets)
        if how != "trafilatura":
            warnings.append("body-from-line-classifier")
        tail = page.text[-2048:].lower()
        if "</html>" not in tail and "</body>" not in tail:
            # A cut-off download: what is here is kept, but it may be short.
            warnings.append("truncated-html: the page has no closing </body> or </html>")
        return self._finish(
            page,
            title=title,
            paragraphs=body,
            outlet=outlet,
            outlet_name=meta.site_name,
            desk=layout.desk,
            byline=layout.byline or meta.author,
            published=published,
            updated=updated,
            page_date=dates.page.value if dates.page else None,
            mentions=dates.mentions,
            warnings=warnings,
            removed=layout.removed,
            signoff=layout.signoff,
            extra_source_lines=layout.source_lines,
            url=url,
        )

    def _from_record(self, page: RawPage) -> Article | Rejection:
        f = page.fields or {}
        body = str(f.get("body") or "")
        paragraphs = [normalize_line(p) for p in normalize(body).split("\n")]
        paragraphs = [p for p in paragraphs if p]
        url = f.get("url") or page.url
        outlet = find_outlet(url, [], str(f.get("outlet") or "") or None, among=self.outlets)
        warnings: list[str] = []
        stamps: dict[str, datetime | None] = {}
        for key in ("published", "updated"):
            raw = f.get(key)
            m: DateMention | None = parse_date_string(str(raw), tz=self.tz) if raw not in (None, "") else None
            if raw not in (None, "") and m is None:
                warnings.append(f"unparsed-{key}: {str(raw)[:60]!r}")
            stamps[key] = m.value if m else None
        return self._finish(
            page,
            title=normalize_line(str(f.get("title") or "")) or None,
            paragraphs=paragraphs,
            outlet=outlet,
            outlet_name=str(f.get("outlet") or "") or None,
            desk=normalize_line(str(f.get("desk") or "")) or None,
            byline=normalize_line(str(f.get("byline") or "")) or None,
            published=stamps["published"],
            updated=stamps["updated"],
            page_date=None,
            mentions=[],
            warnings=warnings,
            removed=[],
            signoff=None,
            extra_source_lines=[],
            url=url,
        )

    # -- shared tail ---------------------------------------------------------
    def _finish(
        self,
        page: RawPage,
        *,
        title: str | None,
        paragraphs: list[str],
        outlet: sources.Outlet | None,
        outlet_name: str | None,
        desk: str | None,
        byline: str | None,
        published: datetime | None,
        updated: datetime | None,
        page_date: datetime | None,
        mentions: list[DateMention],
        warnings: list[str],
        removed: list[RemovedLine],
        signoff: str | None,
        extra_source_lines: list[str],
        url: str | None,
    ) -> Article | Rejection:
        paragraphs, dropped = dedupe_sentences([normalize_line(p) for p in paragraphs if p.strip()])
        if dropped:
            warnings.append(f"repeated-sentences-removed: {dropped}")
        chars = sum(len(p) for p in paragraphs)
        if chars < self.min_article_chars:
            return Rejection(
                page.source,
                "no-body",
                f"found {chars} characters of article text (need {self.min_article_chars}); "
                "is this a listing or index page rather than an article? Use --format if the format was misdetected.",
            )
        paras = build_paragraphs(paragraphs)
        body = "\n\n".join(p.text for p in paras)
        lang, score = detect_language(body)
        if encoding_note := (f"encoding-guessed: {page.encoding}" if page.encoding_guessed else None):
            warnings.append(encoding_note)
        old = republished(published, updated, page_date, self.republished_after_days)
        if old:
            warnings.append(old)
        warnings.extend(order_warnings(published, updated, page_date))
        if published is None and updated is None:
            warnings.append("no-timestamp: the page gives no published or updated time")
        curl = canonical_url(url)
        oid = outlet.id if outlet else None
        oname = (outlet.name_bn or outlet.name_en) if outlet else outlet_name
        # Wire names are found once: for attribution here, and so that the
        # linker takes nothing inside a medium's name (নিউ ইয়র্ক টাইমস).
        wire_mentions = sources.find_wire_mentions(body) if lang == "bn" else None
        wires = sources.cited_sources(body, extra_source_lines, exclude_outlet=oid, mentions=wire_mentions)
        # The article's own time anchors its relative dates; the page date
        # does not (an old article re-served must not move into the present).
        timexes = tag(body, published or updated) if lang == "bn" else []
        # Roles (রুশ পররাষ্ট্রমন্ত্রী) resolve for the article's own date.
        stamp = published or updated
        actors = find_actors(body, stamp.date() if stamp else None, wires=wire_mentions) if lang == "bn" else []
        aid = article_id(curl, oid, title, page.source)
        content_hash = hashlib.sha1(("\x1f".join([title or "", body])).encode("utf-8")).hexdigest()
        return Article(
            id=aid,
            source=page.source,
            format=page.format.value,
            url=curl,
            outlet=oname,
            outlet_id=oid,
            title=title,
            desk=desk,
            byline=byline,
            wire_sources=wires,
            published=published,
            updated=updated,
            page_date=page_date,
            paragraphs=paras,
            language=lang,
            language_score=score,
            republished=old is not None,
            warnings=list(dict.fromkeys(warnings)),
            removed=removed,
            dates_on_page=mentions,
            signoff=signoff,
            encoding=page.encoding,
            content_hash=content_hash,
            time_expressions=timexes,
            actor_mentions=actors,
        )


def _strip_site(title: str | None, outlet: sources.Outlet | None, among: list[sources.Outlet] | None = None) -> str | None:
    """Remove a " | Outlet" / " – Outlet" suffix from a document title."""
    if not title:
        return None
    for sep in (" | ", " – ", " - ", " — ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if outlet is None or sources.outlet_in_text(tail, among) is not None:
                return head.strip()
    return title


def article_from_text(
    text: str,
    published: date | datetime | str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    config: dict[str, Any] | None = None,
    source: str = "<text>",
    extractor: Extractor | None = None,
) -> Article:
    """An article made of ``text`` (paragraphs separated by newlines), extracted as a record.

    ``published`` anchors relative dates and resolves roles.  A short text is
    accepted: the minimum article length is for pages, not for a text given
    whole.  Pass ``extractor`` (from :meth:`Extractor.for_texts`) to reuse one
    across many texts.
    """
    from .errors import GhotonaError

    fields: dict[str, Any] = {"body": text}
    if published:
        fields["published"] = published.isoformat() if isinstance(published, (date, datetime)) else str(published)
    if title:
        fields["title"] = title
    if outlet:
        fields["outlet"] = outlet
    result = (extractor or Extractor.for_texts(config)).extract(RawPage(source=source, format=InputFormat.JSON, fields=fields))
    if not isinstance(result, Article):
        raise GhotonaError(f"{source}: the text gave no article ({result.reason}: {result.detail})")
    return result
