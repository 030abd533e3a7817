"""Which section of a news site a page is from (sports, entertainment, ...).

The coder reads political events; a match report's "helped his side win" or
"the match was cancelled" is none.  A page tells its section by its URL's
path (``/sports/cricket/...``) or by its desk line ("খেলা ডেস্ক"); the words
live in ``data/sections.yaml``.  Which sections are left uncoded is a
setting (``[events] skip_sections`` in defaults.toml), so a user who wants
sport coded after all sets it to ``[]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlparse

import regex

from . import config as config_mod
from .langdata import check_keys, fail, load_yaml, require
from .text.normalize import normalize

_FILE = "sections.yaml"
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Sections:
    """Section name -> its URL path segments and desk words."""

    url: dict[str, frozenset[str]]
    desk: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def load_sections() -> Sections:
    """``data/sections.yaml``, validated: every section has both lists, of non-empty strings."""
    data = load_yaml(_FILE)
    if not isinstance(data, dict):
        raise fail(_FILE, "file", "expected a mapping with a 'sections' key")
    check_keys(_FILE, "file", data, {"sections"})
    raw = require(_FILE, "file", data, "sections", dict)
    url: dict[str, frozenset[str]] = {}
    desk: dict[str, frozenset[str]] = {}
    for name, entry in raw.items():
        where = f"sections.{name}"
        check_keys(_FILE, where, entry if isinstance(entry, dict) else {}, {"url", "desk"})
        lists = {}
        for key in ("url", "desk"):
            words = require(_FILE, where, entry, key, list)
            if not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise fail(_FILE, f"{where}.{key}", "should be a non-empty list of non-empty strings")
            lists[key] = words
        url[str(name)] = frozenset(w.strip().lower() for w in lists["url"])
        desk[str(name)] = frozenset(normalize(w.strip()).lower() for w in lists["desk"])
    return Sections(url, desk)


def section_of(url: str | None, desk: str | None) -> str | None:
    """The section a page's URL path or desk line names, else None.

    The URL wins: a record's own category field may say "national" for a
    page filed under /sports/.  A path names it by a whole segment, a desk
    line by a whole word.
    """
    s = load_sections()
    if url:
        segments = [x for x in unquote(urlparse(url).path).lower().split("/") if x]
        for seg in segments[:-1] or segments:  # the last segment is the story's own slug or id
            for name, words in s.url.items():
                if seg in words:
                    return name
    if desk:
        words = {w.lower() for w in _WORD.findall(normalize(desk))}
        for name, names in s.desk.items():
            if words & names:
                return name
    return None


def skip_sections(config: dict[str, Any] | None = None) -> frozenset[str]:
    """The sections left uncoded (``[events] skip_sections``); each must be one sections.yaml names."""
    cfg = config or config_mod.load()
    skip = frozenset(cfg["events"]["skip_sections"])
    unknown = skip - set(load_sections().url)
    if unknown:
        from .errors import ConfigError

        raise ConfigError(f"[events] skip_sections: unknown section(s) {sorted(unknown)}; "
                          f"known: {sorted(load_sections().url)} (data/sections.yaml)")
    return skip


def skipped(article: Any, skip: frozenset[str]) -> str | None:
    """The article's section when it is one of ``skip`` (so it is not coded), else None."""
    if not skip:
        return None
    name = section_of(getattr(article, "url", None), getattr(article, "desk", None))
    return name if name in skip else None
