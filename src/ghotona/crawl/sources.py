"""The crawl sources file: which outlets to crawl, and through which endpoints.

A YAML file (``ghotona/data/sources.example.yaml`` shows the schema) with a
``sources:`` list; each entry names an outlet (its ``id`` reuses the outlet
registry's id, ``data/outlets.yaml``, when there is one, which also fills in
name, language and time zone), its home page, and any of ``feeds``
(RSS/Atom), ``sitemaps`` (news sitemaps or sitemap indexes) and ``sections``
(section pages whose links matching ``article_pattern`` are articles).

Validated on load, like the language data: every problem is an error naming
the file and the line, so a typo never turns into a silently skipped outlet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex
import yaml

from .. import sources as outlet_registry
from ..errors import LanguageDataError

__all__ = ["CrawlSource", "load_sources", "example_file", "host_of"]

_ID = regex.compile(r"^[a-z0-9][a-z0-9_-]*$")
_KEYS = {
    "id", "name", "home", "feeds", "sitemaps", "sections", "article_pattern",
    "hosts", "language", "timezone", "unverified", "notes",
}


@dataclass(slots=True, frozen=True)
class CrawlSource:
    """One outlet to crawl, as the sources file describes it.

    ``hosts`` are every host the crawler may fetch for this outlet: the
    hosts of its home page and endpoints plus any listed under ``hosts``;
    links and redirects to anything else are refused.
    """

    id: str
    name: str
    home: str
    feeds: tuple[str, ...]
    sitemaps: tuple[str, ...]
    sections: tuple[str, ...]
    article_pattern: str | None
    hosts: frozenset[str]
    language: str
    timezone: str
    unverified: bool
    line: int  # where the entry starts in the file, for messages

    def endpoints(self) -> list[tuple[str, str]]:
        """``(kind, url)`` of every configured feed, sitemap and section page."""
        return ([("feed", u) for u in self.feeds] + [("sitemap", u) for u in self.sitemaps]
                + [("section", u) for u in self.sections])

    def is_article(self, url: str) -> bool:
        """Whether a link found on a section page is an article of this outlet."""
        return self.article_pattern is not None and regex.search(self.article_pattern, url) is not None


def example_file() -> Path:
    """The shipped example sources file (major Bengali outlets; URLs unverified)."""
    from importlib import resources

    return Path(str(resources.files("ghotona").joinpath("data", "sources.example.yaml")))


def host_of(url: str) -> str:
    """The lower-case host (with a non-default port) of ``url``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


class _Loader(yaml.SafeLoader):
    """Keeps each mapping's line so that validation errors can name it."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    from ..langdata import reject_repeated_keys

    reject_repeated_keys(node)
    mapping = _Located(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


class _Located(dict):  # type: ignore[type-arg]
    line: int = 0


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates and on/off/yes/no stay text: a URL list never means a boolean.
from ..langdata import strict_scalars  # noqa: E402

strict_scalars(_Loader)


def _url(path: str, line: int, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LanguageDataError(path, f"line {line}", f"'{key}' must be a URL, got {value!r}")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LanguageDataError(
            path, f"line {line}", f"'{key}' {value!r} is not an http(s) URL; write it like https://example.com/feed"
        )
    return value


def _urls(path: str, line: int, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise LanguageDataError(path, f"line {line}", f"'{key}' must be a list of URLs")
    return tuple(_url(path, line, key, v) for v in value)


def _parse_entry(path: str, entry: Any, index: int, ids: set[str]) -> CrawlSource:
    line = getattr(entry, "line", 0)
    where = f"line {line}" if line else f"source {index}"
    if not isinstance(entry, dict):
        raise LanguageDataError(path, where, f"each source must be a mapping with id, home, ...; got {entry!r}")
    unknown = set(entry) - _KEYS
    if unknown:
        raise LanguageDataError(path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise LanguageDataError(path, where, f"'id' must be a lowercase slug like prothomalo, got {ident!r}")
    if ident in ids:
        raise LanguageDataError(path, where, f"the id '{ident}' is used twice; each source needs its own id")
    ids.add(ident)
    if "home" not in entry:
        raise LanguageDataError(path, where, f"source '{ident}' has no 'home' URL")
    home = _url(path, line, "home", entry["home"])
    feeds, sitemaps, sections = (_urls(path, line, entry, k) for k in ("feeds", "sitemaps", "sections"))
    if not (feeds or sitemaps or sections):
        raise LanguageDataError(
            path, where, f"source '{ident}' lists no feeds, sitemaps or sections; give at least one"
        )
    pattern = entry.get("article_pattern")
    if pattern is not None:
        if not isinstance(pattern, str):
            raise LanguageDataError(path, where, "'article_pattern' must be a regular expression (text)")
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise LanguageDataError(path, where, f"'article_pattern' is not a valid regular expression: {exc}") from None
    elif sections:
        raise LanguageDataError(
            path, where, f"source '{ident}' has section pages but no 'article_pattern' saying which of their links are articles"
        )
    known = outlet_registry.outlet_by_id(ident)
    name = entry.get("name") or (known.name_bn or known.name_en if known else None)
    if not isinstance(name, str):
        raise LanguageDataError(path, where, f"source '{ident}' needs a 'name' (its id is not in the outlet registry)")
    language = entry.get("language") or (known.language if known else "bn")
    zone = entry.get("timezone") or (getattr(known, "timezone", None) if known else None) or "Asia/Dhaka"
    try:
        ZoneInfo(str(zone))
    except (ZoneInfoNotFoundError, ValueError):
        raise LanguageDataError(path, where, f"'timezone' {zone!r} is not an IANA time zone like Asia/Dhaka") from None
    extra = entry.get("hosts") or []
    if not isinstance(extra, list) or not all(isinstance(h, str) and h.strip() for h in extra):
        raise LanguageDataError(path, where, "'hosts' must be a list of host names like www.example.com")
    unverified = entry.get("unverified", False)
    if not isinstance(unverified, bool):
        raise LanguageDataError(path, where, "'unverified' must be true or false")
    hosts = {host_of(u) for u in (home, *feeds, *sitemaps, *sections)} | {h.strip().lower() for h in extra}
    return CrawlSource(
        id=ident, name=name, home=home, feeds=feeds, sitemaps=sitemaps, sections=sections,
        article_pattern=pattern, hosts=frozenset(hosts), language=str(language), timezone=str(zone),
        unverified=unverified, line=line,
    )


def load_sources(path: str | Path) -> list[CrawlSource]:
    """Read and validate a sources file; raise ``LanguageDataError`` naming file and line."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        raise LanguageDataError(
            path, "file", "not found; pass --sources FILE (ghotona/data/sources.example.yaml shows the format)"
        ) from None
    except OSError as exc:
        raise LanguageDataError(path, "file", f"cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LanguageDataError(path, f"line {mark.line + 1}" if mark else "file", f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise LanguageDataError(path, "file", "expected a top-level 'sources:' list of outlets")
    extra = set(data) - {"sources"}
    if extra:
        raise LanguageDataError(path, "file", f"unknown top-level key(s) {sorted(extra)}; only 'sources' is read")
    ids: set[str] = set()
    out = [_parse_entry(path, e, i, ids) for i, e in enumerate(data["sources"])]
    if not out:
        raise LanguageDataError(path, "file", "the 'sources' list is empty; add at least one outlet")
    return out
