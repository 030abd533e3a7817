"""Bengali-aware word shingles: the sets that near-duplicate detection compares.

An article body becomes a set of hashed word n-grams ("shingles").  Two
articles whose shingle sets overlap by Jaccard >= the duplicate threshold
are near copies (docs/duplicates.md).

Words.  The body is normalised with :func:`ghotona.text.normalize` (NFC,
nukta forms, joiners, invisible characters), then words are runs of letters,
combining marks and digits, found with the ``regex`` module: ``\\w`` and
``re`` split Bengali at vowel signs and the virama (কিমের would become কি
+ মের).  Words are case-folded and every digit is mapped to ASCII, so ২০২৫
and 2025, or a copy re-typed with Latin digits, are the same word.
Punctuation is dropped: an outlet that swaps dashes or quotes has not
written a different article.

Why word 3-grams (``[corpus] dup_shingle_words``).  Single words are shared
by any two articles on one subject (and Bengali function words and
inflected forms are very frequent), so unrelated articles would look
similar.  Long n-grams make one edited word destroy n shingles: with 5-grams
a wire story with one word in twenty changed keeps only ~77% of its
shingles, and its Jaccard falls to ~0.63, below any sensible threshold.
Three words is the usual middle ground for news (long enough that two
unrelated reports share almost none: on the 378 real articles of
../shared/data/news the highest Jaccard between two different articles is
0.745, ``benchmarks/corpus_bench.py --real``), short enough that light
editing keeps a copy above 0.8.

Hashing.  Each distinct word is hashed once with ``hashlib.blake2b``
(stable across processes and machines, unlike ``hash()``, so hashes can be
stored and compared in later runs) and cached; the n-gram hashes are then
combined and avalanched with numpy over the whole article at once: 0.07 ms
per article of the real corpus against 0.23 ms for a blake2b of every n-gram
string (measured once on the 378 articles; normalising and finding the words
costs 0.35 ms and dominates; 0.2 ms since digits are translated run by
run, and ``corpus.tokens`` shares the normalising with stories).  Shingles are kept as 32-bit
values: datasketch's default MinHash scheme takes 32-bit inputs, and a set
of a few hundred 32-bit values has a negligible chance (~n²/2³³) of two
different shingles colliding.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

import numpy as np
import regex

from ..text.normalize import normalize

__all__ = ["DEFAULT_WORDS", "words", "folded_words", "word_hashes", "shingle_hashes", "body_key", "Shingles", "shingle"]

#: Word n-gram length when the config does not say (see the module docstring).
DEFAULT_WORDS = 3

# Letters, combining marks (Bengali vowel signs, virama, nukta) and digits,
# with the joiners that normalize() keeps inside conjuncts.
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]+")

# Every script's decimal digits to ASCII, built once (a per-character
# unicodedata call would dominate the time).
_DIGITS = {
    cp: str(unicodedata.decimal(chr(cp)))
    for cp in range(0x80, 0x110000)
    if unicodedata.decimal(chr(cp), None) is not None
}

# word -> 64-bit hash.  Bounded so a long-running process reading millions
# of articles cannot grow it without limit; news vocabulary is a few hundred
# thousand words, so it rarely fills.
_CACHE: dict[str, int] = {}
_CACHE_MAX = 1_000_000

# Odd 64-bit multipliers for combining word hashes into an n-gram hash, and
# the splitmix64 finaliser constants (good avalanche: every input bit flips
# about half the output bits).
_MUL = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S32 = (np.uint64(s) for s in (30, 27, 31, 32))


# Runs of decimal digits, to translate only them: str.translate with a dict
# looks up every character of the text (70 us for a 1400-character body,
# a quarter of finding the words); finding the runs costs 9 us.  (A class
# listing the keys of _DIGITS is 30 times slower than \p{Nd}.)  The
# translation is the same: a run holds every digit _DIGITS maps (checked
# here, else the whole text is translated as before), and digits regex's
# newer Unicode adds are left as they were.
_DIGIT_RUN = regex.compile(r"\p{Nd}+")
_RUNS_COVER = all(_DIGIT_RUN.fullmatch(chr(cp)) for cp in _DIGITS)


def _ascii_run(m: "regex.Match[str]") -> str:
    return m.group().translate(_DIGITS)


def words(text: str) -> list[str]:
    """The words of ``text`` after normalisation: case-folded, digits in ASCII."""
    if not text:
        return []
    return folded_words(normalize(text).casefold())


def folded_words(text: str) -> list[str]:
    """:func:`words` of a text already normalised and case-folded (``corpus.tokens`` shares that work)."""
    if not text.isascii():
        text = _DIGIT_RUN.sub(_ascii_run, text) if _RUNS_COVER else text.translate(_DIGITS)
    return _WORD.findall(text)


def _word_hash(word: str) -> int:
    h = _CACHE.get(word)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[word] = h
    return h


def word_hashes(tokens: list[str]) -> np.ndarray:
    """64-bit hashes of ``tokens``, in order (uint64)."""
    get = _CACHE.get
    out = [get(w) for w in tokens]
    if None in out:
        out = [h if h is not None else _word_hash(w) for w, h in zip(tokens, out)]
    return np.fromiter(out, dtype=np.uint64, count=len(out))


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> _S30)
    h = h * _MIX1
    h = h ^ (h >> _S27)
    h = h * _MIX2
    return h ^ (h >> _S31)


def shingle_hashes(tokens: list[str], n: int = DEFAULT_WORDS) -> np.ndarray:
    """The sorted, distinct 32-bit hashes of the word ``n``-grams of ``tokens`` (uint32).

    A text shorter than ``n`` words is one shingle of all its words, so that
    a two-word text still has a set; no words gives an empty array.
    """
    if n < 1:
        raise ValueError(f"shingle length must be at least 1 word, got {n}; set [corpus] dup_shingle_words")
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    wh = word_hashes(tokens)
    m = len(wh) - n + 1
    if m < 1:
        wh = np.concatenate([wh, np.zeros(n - len(wh), dtype=np.uint64)])
        m = 1
    with np.errstate(over="ignore"):  # multiplication is meant to wrap mod 2^64
        h = wh[:m].copy()
        for j in range(1, n):
            h = _mix(h * _MUL + wh[j : j + m])
        h = _mix(h)
    return np.unique((h >> _S32).astype(np.uint32))


def body_key(tokens: list[str]) -> str:
    """A hash of the word sequence: equal for bodies that differ only in spacing,
    punctuation, case, digit script or Unicode form (an exact copy)."""
    return hashlib.blake2b("\x1f".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


@dataclass(slots=True, frozen=True)
class Shingles:
    """What near-duplicate detection needs from one text.

    ``key`` identifies the exact word sequence (``body_key``); ``hashes``
    are the sorted distinct 32-bit shingle hashes; ``words`` counts the words.
    """

    key: str
    hashes: np.ndarray
    words: int

    @property
    def empty(self) -> bool:
        return self.words == 0


def shingle(text: str, n: int = DEFAULT_WORDS) -> Shingles:
    """Words, exact-copy key and shingle set of ``text`` in one pass."""
    toks = words(text)
    return Shingles(key=body_key(toks), hashes=shingle_hashes(toks, n), words=len(toks))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted, distinct hash arrays (0.0 when both are empty)."""
    if len(a) == 0 and len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)
