"""HTML pages: trafilatura for the body, our classifier for what it misses.

trafilatura finds the main text of most pages well, but for Bengali pages it
drops the আপডেট line, cannot read Bengali dates, and keeps some captions,
promos and sign-offs in the body.  So an HTML page is read twice:

* rendered to page text (block elements become lines) and run through the
  same line classifier as saved page text: headline, desk, byline, date
  stamps, sign-off, and a body of our own;
* through trafilatura for its body, which then passes the same per-line
  filters (captions, promos, credits, sign-offs, date lines).

The trafilatura body is used when it agrees with ours; when it is missing or
shares little with ours (a layout trafilatura misreads), ours is used.
"""

from __future__ import annotations

import html as htmlmod
from dataclasses import dataclass

import lxml.html
import regex
from lxml import etree

from ..text.normalize import fold_for_match, normalize_line
from .cues import has_terminal, words
from .lines import Kind, Layout, classify

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul", "time",
}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button", "select", "input", "textarea"}


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None  # <title>, og:title
    h1: str | None = None
    url: str | None = None
    published: str | None = None  # article:published_time and kin
    updated: str | None = None
    author: str | None = None
    site_name: str | None = None
    language: str | None = None


def parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _meta(doc: lxml.html.HtmlElement, *names: str) -> str | None:
    for n in names:
        for attr in ("property", "name", "itemprop"):
            found = doc.xpath(f'//meta[@{attr}="{n}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def head_meta(doc: lxml.html.HtmlElement) -> HtmlMeta:
    m = HtmlMeta()
    t = doc.findtext(".//title")
    m.title = normalize_line(t) if t else None
    og = _meta(doc, "og:title", "twitter:title")
    if og:
        m.title = normalize_line(og)
    h1 = doc.xpath("//h1")
    if h1:
        m.h1 = normalize_line(h1[0].text_content()) or None
    canon = doc.xpath('//link[@rel="canonical"]/@href')
    m.url = canon[0].strip() if canon else _meta(doc, "og:url")
    m.published = _meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "date")
    m.updated = _meta(doc, "article:modified_time", "dateModified", "og:updated_time")
    m.author = _meta(doc, "author", "article:author")
    m.site_name = _meta(doc, "og:site_name", "application-name")
    lang = doc.get("lang")
    m.language = lang.split("-")[0].lower() if lang else None
    return m


def render_text(doc: lxml.html.HtmlElement) -> str:
    """The page as a browser would show it, one block per line."""
    body = doc.find("body")
    root = body if body is not None else doc
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if tag == "img":
            alt = el.get("alt")
            if alt:
                parts.append("\n" + alt + "\n")
        if el.text and tag not in ("", "head"):
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.split("\n"))


def trafilatura_body(html: str, url: str | None) -> list[str] | None:
    import trafilatura

    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, include_images=False,
            deduplicate=False, favor_precision=True, output_format="txt",
        )
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        return None
    if not text:
        return None
    return [p for p in (normalize_line(x) for x in text.split("\n")) if p]


def agree(a: list[str], b: list[str]) -> float:
    """Share of text in ``a`` whose folded form occurs in ``b``."""
    hay = fold_for_match(" ".join(b))
    total = sum(len(x) for x in a) or 1
    return sum(len(x) for x in a if fold_for_match(x) in hay) / total


def extract(html: str, *, tz: str, min_body_chars: int) -> tuple[Layout, HtmlMeta, list[str], str]:
    """Return the layout of the rendered page, head metadata, the body, and how it was chosen."""
    doc = parse(html)
    if doc is None:
        return classify("", tz=tz), HtmlMeta(), [], "none"
    meta = head_meta(doc)
    page_text = render_text(doc)
    layout = classify(page_text, tz=tz, min_body_chars=min_body_chars, title_hint=meta.h1)
    ours = layout.paragraphs
    theirs = trafilatura_body(html, meta.url)
    if theirs:
        kept = _filter_paragraphs(theirs, layout)
        # Agreement both ways: trafilatura must not miss most of our body,
        # and most of its body must be ours too.
        if kept and agree(ours, kept) >= 0.8 and agree(kept, ours) >= 0.8:
            return layout, meta, kept, "trafilatura"
    return layout, meta, ours, "ghotona-lines"


def _filter_paragraphs(paras: list[str], layout: Layout) -> list[str]:
    """Drop from trafilatura's body what our classifier knows is not article text.

    A paragraph our reading of the page marked as furniture (caption,
    promo, credit, sign-off, stamp, list item) goes; one we did not see as a
    line at all (trafilatura joins and splits differently) stays only if it
    reads as text: sentences, not a headline.
    """
    kinds = {ln.fold: ln.kind for ln in layout.lines if ln.fold}
    out: list[str] = []
    seen: set[str] = set()
    for p in paras:
        f = fold_for_match(p)
        if not f or f in seen:
            continue
        kind = kinds.get(f)
        if kind is None:
            if not (has_terminal(p) and len(words(p)) >= 3):
                continue
        elif kind is not Kind.BODY:
            continue
        seen.add(f)
        out.append(p)
    return out


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return bool(regex.search(r"<!doctype html|<html|<body|<p[\s>]|<div[\s>]", head))


def unescape(s: str) -> str:
    return htmlmod.unescape(s)
