"""Compiled cue patterns for page furniture, from ``data/boilerplate.yaml``.

The YAML holds words; this module turns them into patterns once and answers
yes/no questions about one line.  Nothing here decides what a line *is*:
that is the classifier's job (``lines.py``), which weighs these cues against
length, punctuation, repetition and neighbours.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..langdata import check_keys, fail, load_yaml

_FILE = "boilerplate.yaml"
_KEYS = {
    "list_headers",
    "inline_promos",
    "caption_cues",
    "source_cues",
    "promo_words",
    "view_counters",
    "desk_suffixes",
    "desk_prefixes",
    "byline_cues",
    "dateline_suffixes",
    "sections",
}

# Sentence-final marks: danda, double danda, ? and !, optionally followed by
# closing quotes or brackets.  A Latin full stop counts only after a letter
# or digit that is not a lone initial (handled by the caller via length).
TERMINAL = regex.compile(r"[।॥?!]|(?<=[\p{L}\p{M}\p{N}\)]{2})\.(?=\s|$|[\"'”’)\]])")
ENDS_TERMINAL = regex.compile(r"(?:[।॥?!]|(?<=[\p{L}\p{M}\p{N}\)]{2})\.)[\s\"'”’)\]]*$")
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*")
EMAIL = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email(?:&#160;|\s)?protected\]", regex.I)
URLISH = regex.compile(
    r"https?://\S+|www\.\S+|\b[\p{L}\p{M}\p{N}-]+\.(?:com|net|org|bd|in|co|news|tv|info|example)\b",
    regex.I,
)
# Bengali initials for a sign-off: "/এএ/", "এমআর/সবা", "এমএসএম".
SIGNOFF = regex.compile(r"^/?\p{Bengali}{1,8}(?:/\p{Bengali}{1,8}){0,3}/?$|^/[A-Za-z]{1,6}(?:/[A-Za-z]{1,6})*/?$")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _alts(words: list[str]) -> str:
    # Longest first so that "সর্বাধিক পঠিত" wins over "সর্বাধিক".
    return "|".join(regex.escape(nfc(w)) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Cues:
    list_header: regex.Pattern[str]
    inline_promo: regex.Pattern[str]
    caption: regex.Pattern[str]
    source: regex.Pattern[str]
    promo: regex.Pattern[str]
    view_count: regex.Pattern[str]
    desk: regex.Pattern[str]
    byline: regex.Pattern[str]
    nav: regex.Pattern[str]
    dateline: regex.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml(_FILE)
    if not isinstance(data, dict):
        raise fail(_FILE, "file", "expected a mapping of cue lists")
    check_keys(_FILE, "file", data, _KEYS)
    for key in _KEYS:
        words = data.get(key)
        if not isinstance(words, list) or not words:
            raise fail(_FILE, key, "expected a non-empty list of words")
        for i, w in enumerate(words):
            if not isinstance(w, str) or not w.strip():
                raise fail(_FILE, f"{key}[{i}]", "expected a non-empty string")
    d = {k: _alts(v) for k, v in data.items()}
    sep = r"[\s:ঃ>»\-–—|.।]*"
    return Cues(
        list_header=regex.compile(rf"^(?:{d['list_headers']}){sep}$", regex.I),
        inline_promo=regex.compile(rf"^(?:{d['inline_promos']})(?:{sep}|$)", regex.I),
        # "… ছবি: সংগৃহীত" / "ছবি: এএফপি (ফাইল)" / "(ছবি: রয়টার্স)"
        caption=regex.compile(rf"(?:^|[\s।(])(?:{d['caption_cues']})\s*[:ঃ]\s*[^:ঃ]{{0,60}}$", regex.I),
        source=regex.compile(rf"^(?:{d['source_cues']})\s*[:ঃ]", regex.I),
        promo=regex.compile(rf"(?:{d['promo_words']})", regex.I),
        view_count=regex.compile(rf"[\d০-৯][\d০-৯,.]*\s*(?:[kKMm]\s*)?(?:{d['view_counters']})\b?", regex.I),
        desk=regex.compile(
            rf"^(?:(?:{d['desk_prefixes']})\s+)?[\p{{L}}\p{{M}}.]*(?:\s+[\p{{L}}\p{{M}}.]+){{0,2}}\s*(?:{d['desk_suffixes']})$"
            rf"|^(?:{d['desk_prefixes']})\s+(?:{d['desk_suffixes']}|নিউজ|news)$",
            regex.I,
        ),
        byline=regex.compile(rf"^(?:{d['byline_cues']})\s*[:ঃ]?\s+(?P<name>.{{3,60}})$", regex.I),
        dateline=regex.compile(rf"\s(?:{d['dateline_suffixes']})$", regex.I),
        nav=regex.compile(
            rf"^(?:[\d০-৯]+\.\s*)?(?:{d['sections']})(?:\s*[>»/|•]\s*(?:{d['sections']}))*\s*$", regex.I
        ),
    )


def words(text: str) -> list[str]:
    return WORD.findall(text)


def has_terminal(text: str) -> bool:
    return TERMINAL.search(text) is not None


def ends_terminal(text: str) -> bool:
    return ENDS_TERMINAL.search(text) is not None
