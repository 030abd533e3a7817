"""A fetched response body to a :class:`~ghotona.records.RawPage` (or a :class:`Rejection`).

The crawler's counterpart of reading a file in ``ghotona.inputs``: decode
(the Content-Type charset, a byte-order mark, UTF-8, the page's own
``<meta charset>``, then charset-normalizer's guess), detect the format with
:func:`ghotona.inputs.detect_format`, and keep only what is a page (HTML or
page text); an image or a JSON API answer is a rejection with its reason.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..inputs import detect_format
from ..records import InputFormat, RawPage, Rejection

__all__ = ["to_page"]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:\-]+)", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _decode(body: bytes, content_type: str | None) -> tuple[str, str, bool]:
    """``(text, encoding, guessed)``."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, "replace"), name, False
    declared = _codec(m.group(1)) if content_type and (m := _CHARSET.search(content_type)) else None
    meta = _META_CHARSET.search(body[:8192])
    for name in (declared, "utf-8", _codec(meta.group(1).decode("ascii", "ignore")) if meta else None):
        if name:
            try:
                return body.decode(name), name, False
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(body).best()
    if best is not None:
        return str(best), best.encoding, True
    return body.decode("utf-8", "replace"), "utf-8", True


def to_page(body: bytes, url: str, content_type: str | None) -> RawPage | Rejection:
    """The page a response carries; ``url`` (after redirects) is its source and its URL."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind and kind not in _PAGE_TYPES:
        return Rejection(url, "not-a-page", f"the server sent {kind}, not an HTML page or text; the link is not an article")
    if not body.strip():
        return Rejection(url, "empty", "the server sent an empty body")
    if b"\x00" in body[:4096] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Rejection(url, "binary", "the body is binary data, not a page")
    text, encoding, guessed = _decode(body, content_type)
    fmt = detect_format(text)
    if fmt not in (InputFormat.HTML, InputFormat.PAGETEXT):
        return Rejection(url, "not-a-page", f"the body reads as {fmt.value} data, not a news page")
    return RawPage(source=url, format=fmt, text=text, encoding=encoding, encoding_guessed=guessed,
                   url=url, size_bytes=len(body))
