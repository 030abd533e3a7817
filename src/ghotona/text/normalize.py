"""Text normalisation: one canonical form for page text and search queries.

:func:`normalize` is applied to every line of page text and to every search
query, so the same words typed or encoded differently compare equal.  It is
idempotent (``normalize(normalize(s)) == normalize(s)``), which the tests
check over random Bengali strings.

Policy, in the order it is applied (``docs/text.md`` says the same):

1. **Line ends** -- ``\\r\\n``, ``\\r`` and the other characters that
   :meth:`str.splitlines` treats as line breaks (``\\v``, ``\\f``,
   ``\\x1c``-``\\x1e``, ``\\x85``, U+2028, U+2029) become ``\\n``, so splitting
   on ``\\n`` later agrees with Python's own idea of a line.
2. **Invisible characters removed** -- zero-width space U+200B, word joiner
   U+2060, BOM/ZWNBSP U+FEFF, soft hyphen U+00AD, the Mongolian vowel separator
   U+180E, invisible math operators U+2061-U+2064, and bidi marks and controls
   (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069).  None of them is
   visible in Bengali or English text; all of them break matching.
3. **Control characters removed** -- every ``Cc`` character except ``\\n``
   and ``\\t``.
4. **Spaces** -- NBSP, narrow NBSP, figure space, ideographic space and every
   other ``Zs`` space become a plain space.
5. **Unicode NFC.**  Two consequences are deliberate and part of the
   canonical form:

   * য় ড় ঢ় (U+09DF, U+09DC, U+09DD) are Unicode *composition exclusions*:
     NFC turns them into base + nukta (য + U+09BC, ড + U+09BC, ঢ + U+09BC),
     and a base + nukta typed separately stays that way.  So both spellings
     end up as **base + nukta**, which is our canonical form; data files and
     queries must use it too (``normalize`` them).
   * Two-part vowel signs typed as two characters, ে + া (U+09C7 U+09BE) and
     ে + ৗ (U+09C7 U+09D7), compose to ো (U+09CB) and ৌ (U+09CC).
6. **Khanda ta** -- ত + ্ + ZWJ (the pre-Unicode-4.1 way of typing it)
   becomes ৎ (U+09CE).
7. **ZWJ / ZWNJ** (U+200D / U+200C) are kept only when a virama (U+09CD) is
   directly on either side, where they change how a conjunct renders
   (র‍্যাব = র + ZWJ + ্ + য shows the ya-phala without a reph).  Everywhere
   else they are invisible noise from keyboards and CMSes and are dropped.
   NFC is re-applied afterwards because dropping a joiner can bring together
   two parts of a vowel sign.
8. **Runs of spaces and tabs** become one space, and spaces at the end of
   each line are removed.

:func:`normalize_line` does the same and also strips the result.
:func:`fold_for_match` is a lossy key for comparing headlines.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

__all__ = ["normalize", "normalize_line", "fold_for_match"]

ZWNJ = "\u200c"
ZWJ = "\u200d"
VIRAMA = "\u09cd"

# Step 1: everything str.splitlines() breaks on, longest first so \r\n is one break.
_LINE_BREAKS = regex.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# Steps 2 and 3: invisible format characters plus Cc controls other than \n, \t.
_REMOVED = regex.compile(
    r"[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064"
    r"\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
    r"[\p{Cc}--[\n\t]]]",
    regex.V1,
)

# Step 4: every Unicode space separator other than the plain space.
_SPACES = regex.compile(r"[\p{Zs}--[ ]]", regex.V1)

# Step 6: khanda ta typed the old way.
_KHANDA_TA = regex.compile("\u09a4\u09cd\u200d")

# Step 7: a joiner with no virama directly before or after it.  The decision
# looks only at immediate neighbours in the input; a dropped joiner never had a
# virama beside it, so dropping it cannot give another joiner a virama
# neighbour -- which is what keeps this step idempotent.
_STRAY_JOINER = regex.compile(r"(?<!\u09cd)[\u200c\u200d](?!\u09cd)")

# Step 8.
_SPACE_RUN = regex.compile(r"[ \t]+")
_TRAILING_SPACE = regex.compile(r" +(?=\n|\Z)")

# fold_for_match: punctuation, separators/whitespace, and format characters
# (the joiners kept above only change rendering, not the word).
_FOLD_DROP = regex.compile(r"[\p{P}\p{Z}\s\p{Cf}]+")


# Words and short phrases are normalised over and over (the event coder normalises each
# token of a sentence for every trigger it reads): they are kept, whole pages are not.
_SHORT = 64


def normalize(text: str) -> str:
    """Return ``text`` in ghotona's canonical form (see the module docstring).

    Line structure is kept: ``\\n`` survives, so this can run on a whole page
    as well as on a single line.  Leading spaces of a line are collapsed to
    one but kept; use :func:`normalize_line` for a stripped line.
    """
    if not text:
        return text
    if len(text) <= _SHORT:
        return _normalize_short(text)
    return _normalize(text)


@lru_cache(maxsize=1 << 16)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = _REMOVED.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if ZWJ in text or ZWNJ in text:
        text = _KHANDA_TA.sub("\u09ce", text)
        stripped = _STRAY_JOINER.sub("", text)
        if stripped != text:
            # A dropped joiner may have separated ে from া (or ৗ), or two
            # combining marks that NFC orders; compose again.
            text = unicodedata.normalize("NFC", stripped)
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING_SPACE.sub("", text)
    return text


def normalize_line(line: str) -> str:
    """:func:`normalize` one line and strip surrounding whitespace."""
    return normalize(line).strip()


def fold_for_match(s: str) -> str:
    """A lossy key for fuzzy comparison of headlines (never for display).

    :func:`normalize`, then casefold, drop punctuation, spaces and format
    characters (ZWJ/ZWNJ included: র‍্যাব and র্যাব are the same word to a
    reader), and map every decimal digit to ASCII so ২০২৫ matches 2025.
    """
    s = normalize(s).casefold()
    s = _FOLD_DROP.sub("", s)
    return s.translate(_DIGITS) if not s.isascii() else s


# Every script's decimal digits (Bengali ০-৯ included) to ASCII, built once:
# a per-character unicodedata lookup dominated extraction time.
_DIGITS = {
    cp: str(unicodedata.decimal(chr(cp)))
    for cp in range(0x80, 0x110000)
    if unicodedata.decimal(chr(cp), None) is not None
}
