"""Sentence splitting, paragraph layout and tokenisation with exact offsets.

Every :class:`~ghotona.records.Sentence` and :class:`~ghotona.records.Token`
carries ``start``/``end`` offsets such that ``body[start:end] == text``: later
stages cite sentences as evidence by offset, so a span must never drift.

Sentence ends:

* a run of । ॥ ? ! (optionally followed by closing quotes/brackets
  ’ ” ' " ) ] } » ›) -- except that ? ! and . do not end a sentence when the
  next word starts lower-case or the next character is , ; : or a dash
  (``‘কেন?’, জানতে চাইলেন তিনি``);
* a '.' that is not part of an abbreviation or a number (see
  ``data/abbreviations.yaml`` for the list and the general rules); an
  ellipsis (``...`` or ``…``) never ends a sentence (Bengali news uses it
  mid-sentence);
* a newline: lines inside a paragraph are separate sentences.

Input is expected to be :func:`~ghotona.text.normalize.normalize`\\ d text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import langdata
from ..records import Paragraph, Sentence, Token
from .normalize import normalize

__all__ = [
    "split_sentences",
    "build_paragraphs",
    "tokenize",
    "Abbreviations",
    "load_abbreviations",
    "PARAGRAPH_SEPARATOR",
]

PARAGRAPH_SEPARATOR = "\n\n"
ABBREVIATIONS_FILE = "abbreviations.yaml"

# --- character classes -------------------------------------------------------

# One Bengali akshara (orthographic syllable).  Used for the "single akshara
# before '.' is an abbreviation" rule: ড. মো. ক্যা. বি.
_CONS = r"[\u0995-\u09b9\u09ce\u09dc-\u09df\u09f0\u09f1]"
_VSIGN = r"[\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09e2\u09e3]"
_MOD = r"[\u0981-\u0983]"
_JOIN = r"[\u200c\u200d]"
_AKSHARA = regex.compile(
    rf"""(?:
        {_CONS}\u09bc?(?:{_JOIN}?\u09cd{_JOIN}?{_CONS}\u09bc?)*(?:{_VSIGN}|{_JOIN}?\u09cd{_JOIN}?)?
      | [\u0985-\u0994\u09e0\u09e1](?:\u09cd\u09af\u09bc?)?{_VSIGN}?   # অ্যা: vowel + ya-phala
    ){_MOD}?""",
    regex.VERBOSE,
)
_SINGLE_LETTER = regex.compile(r"\p{L}\p{M}*")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\u200c\u200d]")
_LATIN_WORD = regex.compile(r"\p{Latin}[\p{Latin}\p{M}]*")
_BENGALI_WORD = regex.compile(r"[\p{Bengali}\u200c\u200d]+")

# Candidate sentence ends: danda-like runs, ?/! runs, dot runs, ellipsis.
_CANDIDATE = regex.compile(r"[।॥]+[?!]*|[?!][?!।॥]*|\.+|…")
_CLOSERS = frozenset("’”'\")]}»›")
# After ? ! . these mean the sentence goes on.
_CONTINUATION = frozenset(",;:-–—")
_DIGIT = regex.compile(r"\p{Nd}")
_LOWER = regex.compile(r"\p{Ll}")
_LIST_MARKER = regex.compile(r"\s*\p{Nd}{0,3}")
# word.Word with no space: lower-case letter, dot, capital, lower-case letter.
_GLUED_SENTENCE = regex.compile(r"\p{Ll}\.\p{Lu}\p{Ll}")

# --- tokens ------------------------------------------------------------------

# A unit is a number (Bengali or Latin digits, with thousands separators and
# decimals: ৬,০০০ 36.5 ১০০০০) or a word (letters with their vowel signs,
# virama, nukta and ZWJ/ZWNJ, plus digits after the first letter; an
# apostrophe between Latin letters stays inside: don't, Bangladesh's).
# Units joined by hyphens are one token (ট্রাম্প-পুতিন, কোভিড-১৯); any other
# non-space character is a token by itself.
_UNIT = (
    r"(?:\p{Nd}+(?:[.,]\p{Nd}+)*"
    r"|[\p{L}\p{M}\u200c\u200d](?:[\p{L}\p{M}\p{Nd}\u200c\u200d]|(?<=\p{Latin})['’](?=\p{Latin}))*)"
)
_TOKEN = regex.compile(rf"{_UNIT}(?:[-\u2010\u2011]{_UNIT})*|\S")


# --- abbreviation data -------------------------------------------------------

_RULES = ("single_letter", "single_akshara", "digits_both_sides", "no_space_after", "lowercase_after")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """The validated contents of ``data/abbreviations.yaml``."""

    entries: frozenset[str]  # without the final '.', inner dots kept
    single_letter: bool = True
    single_akshara: bool = True
    digits_both_sides: bool = True
    no_space_after: bool = True
    lowercase_after: bool = True


def parse_abbreviations(data: object, name: str = ABBREVIATIONS_FILE) -> Abbreviations:
    """Validate parsed YAML and build :class:`Abbreviations`; errors name the entry."""
    if not isinstance(data, dict):
        raise langdata.fail(name, "file", "expected a mapping with rules, bengali, letter_names, latin")
    langdata.check_keys(name, "file", data, {"rules", "bengali", "letter_names", "latin"})
    rules = langdata.require(name, "rules", data, "rules", dict)
    langdata.check_keys(name, "rules", rules, set(_RULES))
    flags: dict[str, bool] = {}
    for rule in _RULES:
        flags[rule] = langdata.require(name, f"rules.{rule}", rules, rule, bool)

    entries: set[str] = set()
    for section, script in (("bengali", _BENGALI_WORD), ("letter_names", _BENGALI_WORD), ("latin", _LATIN_WORD)):
        items = langdata.require(name, section, data, section, list)
        seen: set[str] = set()  # a string may mean two things across sections
        for i, raw in enumerate(items):
            where = f"{section}[{i}]"
            if not isinstance(raw, str) or not raw:
                raise langdata.fail(name, where, f"expected a non-empty string, got {raw!r}")
            entry = normalize(raw)
            if entry != entry.strip() or regex.search(r"\s", entry):
                raise langdata.fail(name, where, f"{raw!r} contains whitespace")
            if entry.startswith(".") or entry.endswith("."):
                raise langdata.fail(name, where, f"{raw!r}: write it without leading/trailing '.'")
            for part in entry.split("."):
                if not script.fullmatch(part):
                    raise langdata.fail(name, where, f"{raw!r}: part {part!r} is not {section} letters")
            if entry in seen:
                raise langdata.fail(name, where, f"{raw!r} is listed twice in {section}")
            seen.add(entry)
            entries.add(entry)
    return Abbreviations(frozenset(entries), **flags)


@lru_cache(maxsize=1)
def load_abbreviations() -> Abbreviations:
    """Load and validate the shipped abbreviation file once per process."""
    return parse_abbreviations(langdata.load_yaml(ABBREVIATIONS_FILE))


# --- sentence splitting -------------------------------------------------------


def _word_chain(text: str, dot: int) -> list[str]:
    """The dotted word chain ending right before ``text[dot]``: for
    ``"এ.কে.এম"`` before a '.', ``["এ", "কে", "এম"]``.  Empty if a non-word
    character precedes the dot."""
    parts: list[str] = []
    end = dot
    while True:
        start = end
        while start > 0 and _WORD_CHAR.match(text, start - 1):
            start -= 1
        if start == end:
            break
        parts.append(text[start:end])
        if start >= 2 and text[start - 1] == "." and _WORD_CHAR.match(text, start - 2):
            end = start - 1
            continue
        break
    parts.reverse()
    return parts


def _is_abbreviation(text: str, dot: int, abbr: Abbreviations) -> bool:
    """Whether the single '.' at ``text[dot]`` belongs to an abbreviation."""
    chain = _word_chain(text, dot)
    if not chain:
        return False
    for k in range(len(chain)):
        if ".".join(chain[k:]) in abbr.entries:
            return True
    last = chain[-1]
    if abbr.single_letter and _SINGLE_LETTER.fullmatch(last):
        # Only a word of its own ("U", "আ"), not the tail of a longer run:
        # _word_chain already took the whole word.
        return True
    if abbr.single_akshara and _AKSHARA.fullmatch(last):
        return True
    return False


def _next_visible(text: str, pos: int, end: int) -> str:
    while pos < end and text[pos] in " \t":
        pos += 1
    return text[pos] if pos < end else ""


def _boundary_after(
    text: str, m: regex.Match[str], sent_start: int, line_end: int, abbr: Abbreviations
) -> int | None:
    """Where the sentence that began at ``sent_start`` ends if candidate ``m``
    ends it, else ``None``."""
    mark = m.group()
    start, pos = m.start(), m.end()
    is_danda = mark[0] in "।॥"
    if mark == "…" or (mark[0] == "." and len(mark) > 1):
        return None  # ellipsis: Bengali news uses it mid-sentence
    if mark == ".":
        before = text[start - 1] if start > 0 else ""
        after = text[pos] if pos < line_end else ""
        if abbr.digits_both_sides and _DIGIT.match(before or " ") and _DIGIT.match(after or " "):
            return None
        if _is_abbreviation(text, start, abbr):
            return None
        glued = after and not after.isspace() and after not in _CLOSERS
        if abbr.no_space_after and glued and not _GLUED_SENTENCE.match(text, start - 1, line_end):
            # আ.লীগ, bdnews24.com; but "Rahman.As part" (a lost space between
            # two sentences, common in scraped English) still splits.
            return None
        if _LIST_MARKER.fullmatch(text, sent_start, start):
            return None  # "১. " / "2. " opening a numbered item, not a sentence
    while pos < line_end and text[pos] in _CLOSERS:
        pos += 1
    if not is_danda:
        nxt = _next_visible(text, pos, line_end)
        if nxt in _CONTINUATION and nxt:
            return None
        if abbr.lowercase_after and nxt and _LOWER.match(nxt):
            return None
    return pos


def _emit(text: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    """Append ``text[start:end]`` minus surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start + offset, end + offset, text[start:end]))


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split ``text`` into sentences with offsets ``start + offset``.

    ``Sentence.text`` is exactly ``text[start - offset:end - offset]`` with no
    surrounding whitespace, so with ``offset`` the position of ``text`` inside
    a body, ``body[s.start:s.end] == s.text``.
    """
    abbr = load_abbreviations()
    out: list[Sentence] = []
    line_start = 0
    n = len(text)
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n
        sent_start = line_start
        for m in _CANDIDATE.finditer(text, line_start, line_end):
            if m.start() < sent_start:
                continue  # inside closers already consumed
            end = _boundary_after(text, m, sent_start, line_end, abbr)
            if end is not None:
                _emit(text, sent_start, end, offset, out)
                sent_start = end
        _emit(text, sent_start, line_end, offset, out)
        line_start = line_end + 1
    return out


def build_paragraphs(paras: list[str]) -> list[Paragraph]:
    """Lay ``paras`` out as a body joined by ``"\\n\\n"`` and return Paragraphs.

    Paragraph and sentence offsets are into that body, which is exactly what
    :attr:`ghotona.records.Article.body` rebuilds from the paragraphs.
    Paragraph strings are taken as given (callers pass normalised, stripped,
    non-empty paragraphs).  A paragraph that itself contains ``"\\n\\n"``
    keeps correct offsets, but the body could then not be split back into
    the same paragraphs, so extractors should not produce one.
    """
    out: list[Paragraph] = []
    pos = 0
    for para in paras:
        out.append(Paragraph(pos, pos + len(para), para, split_sentences(para, offset=pos)))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


# --- tokens -------------------------------------------------------------------


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into word, number and punctuation tokens.

    ``Token.text == text[start - offset:end - offset]``; every non-space
    character is in exactly one token.
    """
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]
