"""Bengali to Latin transliteration, consonant skeletons and name similarity.

Three views of a name, from most to least faithful:

* :func:`romanise` -- a readable, deterministic Latin form
  (``ভ্লাদিমির পুতিন`` -> ``bhladimir putin``).  The inherent vowel is
  written ``o`` inside a word and dropped at its end; the rules are
  approximate and meant for keys and logs, not for display.
* :func:`loose` -- letters folded into sound classes *with* vowel classes:
  aspirates and near-equivalents merge (``bh/v/b``, ``sh/s``, ``t/th/T``,
  ``d/dh/D``, ``j/z``), vowels fold to ``a e i u`` (``o/u/w`` are ``u``,
  ``y`` is ``i``), the inherent vowel and the ya-phala vanish, and repeats
  collapse.  Two spellings of one name usually have the same loose form:
  ``ল্যাভরভ`` / ``লাভরভ`` -> ``labrb``.
* :func:`skeleton` -- the loose form without its vowels, one ASCII letter per
  consonant class, words separated by one space:
  ``চোয়ে সন হুই`` and ``চোই সন হি`` -> ``c sn h``.

:func:`similarity` combines normalised Levenshtein similarity of the
skeletons and of the loose forms.  A short name (three consonants or fewer
in its skeleton) gets no fuzzy credit: it scores 1.0 when the loose forms are
equal and 0.0 otherwise, so ``কিম`` never fuzzily matches ``কাম``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "romanise",
    "loose",
    "skeleton",
    "consonant_count",
    "levenshtein",
    "similarity",
    "SHORT_NAME_CONSONANTS",
]

# A name with this many skeleton consonants or fewer is matched exactly only.
SHORT_NAME_CONSONANTS = 3

VIRAMA = "\u09cd"
NUKTA = "\u09bc"
_JOINERS = "\u200c\u200d"

# consonant -> (romanisation, skeleton class)
_CONS: dict[str, tuple[str, str]] = {
    "ক": ("k", "k"), "খ": ("kh", "k"), "গ": ("g", "g"), "ঘ": ("gh", "g"), "ঙ": ("ng", "n"),
    "চ": ("ch", "c"), "ছ": ("chh", "c"), "জ": ("j", "j"), "ঝ": ("jh", "j"), "ঞ": ("n", "n"),
    "ট": ("t", "t"), "ঠ": ("th", "t"), "ড": ("d", "d"), "ঢ": ("dh", "d"), "ণ": ("n", "n"),
    "ত": ("t", "t"), "থ": ("th", "t"), "দ": ("d", "d"), "ধ": ("dh", "d"), "ন": ("n", "n"),
    "প": ("p", "p"), "ফ": ("f", "p"), "ব": ("b", "b"), "ভ": ("bh", "b"), "ম": ("m", "m"),
    "য": ("j", "j"), "র": ("r", "r"), "ল": ("l", "l"), "শ": ("sh", "s"), "ষ": ("sh", "s"),
    "স": ("s", "s"), "হ": ("h", "h"), "ৎ": ("t", "t"), "ৰ": ("r", "r"), "ৱ": ("w", ""),
}
# base + nukta (the canonical form after normalize) and the precomposed letters
_NUKTA_CONS: dict[str, tuple[str, str]] = {
    "ড": ("r", "r"), "ঢ": ("rh", "r"), "য": ("y", ""),
}
_PRECOMPOSED = {"\u09dc": "ড", "\u09dd": "ঢ", "\u09df": "য"}

# independent vowels and vowel signs -> (romanisation, loose vowel class)
_VOWELS: dict[str, tuple[str, str]] = {
    "অ": ("o", "u"), "আ": ("a", "a"), "ই": ("i", "i"), "ঈ": ("i", "i"), "উ": ("u", "u"),
    "ঊ": ("u", "u"), "ঋ": ("ri", "ri"), "ৠ": ("ri", "ri"), "ঌ": ("li", "li"), "এ": ("e", "e"),
    "ঐ": ("oi", "ui"), "ও": ("o", "u"), "ঔ": ("ou", "u"),
}
_SIGNS: dict[str, tuple[str, str]] = {
    "া": ("a", "a"), "ি": ("i", "i"), "ী": ("i", "i"), "ু": ("u", "u"), "ূ": ("u", "u"),
    "ৃ": ("ri", "ri"), "ৄ": ("ri", "ri"), "ে": ("e", "e"), "ৈ": ("oi", "ui"), "ো": ("o", "u"),
    "ৌ": ("ou", "u"), "ৗ": ("ou", "u"), "ৢ": ("li", "li"), "ৣ": ("li", "li"),
}
_MODS: dict[str, tuple[str, str]] = {"ং": ("ng", "n"), "ঃ": ("h", "h"), "ঁ": ("", "")}

# Latin: digraphs first, then letters -> (loose class); vowels keep a class.
_LATIN_DIGRAPHS = {
    "ch": "c", "sh": "s", "th": "t", "dh": "d", "bh": "b", "kh": "k", "gh": "g",
    "ph": "p", "ng": "n", "ck": "k", "zh": "j",
}
_LATIN = {
    "b": "b", "c": "k", "d": "d", "f": "p", "g": "g", "h": "h", "j": "j", "k": "k", "l": "l",
    "m": "m", "n": "n", "p": "p", "q": "k", "r": "r", "s": "s", "t": "t", "v": "b", "w": "u",
    "x": "ks", "y": "i", "z": "j", "a": "a", "e": "e", "i": "i", "o": "u", "u": "u",
}
_LOOSE_VOWELS = frozenset("aeiu")


def _is_bengali_letter(ch: str) -> bool:
    return ch in _CONS or ch in _VOWELS or ch in _PRECOMPOSED


def _scan(word: str) -> tuple[str, str]:
    """(romanisation, loose form) of one Bengali word (no spaces)."""
    word = "".join(_PRECOMPOSED.get(c, c) + (NUKTA if c in _PRECOMPOSED else "") for c in word)
    word = "".join(c for c in word if c not in _JOINERS)
    rom: list[str] = []
    lse: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _CONS:
            nukta = i + 1 < n and word[i + 1] == NUKTA
            r, k = _NUKTA_CONS.get(ch, _CONS[ch]) if nukta else _CONS[ch]
            j = i + 2 if nukta else i + 1
            after_virama = i > 0 and word[i - 1] == VIRAMA
            if ch == "য" and not nukta and after_virama:
                r, k = "y", ""  # ya-phala: a glide or gemination, not a consonant
            if ch == "য" and nukta:
                k = "i"  # য় is a vowel glide in loose form (y ~ i)
            rom.append(r)
            if k:
                lse.append(k)
            nxt = word[j] if j < n else ""
            if nxt in _SIGNS:
                rom.append(_SIGNS[nxt][0])
                lse.append(_SIGNS[nxt][1])
                j += 1
            elif nxt == VIRAMA:
                j += 1
            elif nxt and (_is_bengali_letter(nxt) or nxt in _MODS):
                rom.append("o")  # inherent vowel inside the word; dropped in loose form
            i = j
        elif ch in _VOWELS:
            rom.append(_VOWELS[ch][0])
            lse.append(_VOWELS[ch][1])
            i += 1
        elif ch in _SIGNS:  # a stray sign (after a nukta-less glitch)
            rom.append(_SIGNS[ch][0])
            lse.append(_SIGNS[ch][1])
            i += 1
        elif ch in _MODS:
            rom.append(_MODS[ch][0])
            lse.append(_MODS[ch][1])
            i += 1
        elif ch in (VIRAMA, NUKTA):
            i += 1
        elif "\u09e6" <= ch <= "\u09ef":
            d = str(ord(ch) - 0x09E6)
            rom.append(d)
            lse.append(d)
            i += 1
        else:
            low = ch.lower()
            rom.append(low)
            i += 1
            if low.isascii() and low.isalpha():
                lse.append(_LATIN.get(low, low))
            elif low.isalnum():
                lse.append(low)
    return "".join(rom), _collapse("".join(lse))


def _latin_loose(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    out: list[str] = []
    i = 0
    while i < len(w):
        pair = w[i : i + 2]
        if pair in _LATIN_DIGRAPHS:
            out.append(_LATIN_DIGRAPHS[pair])
            i += 2
            continue
        c = w[i]
        if c in _LATIN:
            out.append(_LATIN[c])
        elif c.isalnum():
            out.append(c)
        i += 1
    return _collapse("".join(out))


def _collapse(s: str) -> str:
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _words(s: str) -> list[str]:
    s = unicodedata.normalize("NFC", s)
    out: list[str] = []
    cur: list[str] = []
    for c in s:
        if c.isspace() or c in "-\u2010\u2011.,;:'’‘\"“”()[]":
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(c)
    if cur:
        out.append("".join(cur))
    return out


def _is_latin_word(word: str) -> bool:
    return all(ord(c) < 0x0980 or ord(c) > 0x09FF for c in word)


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, str]:
    if _is_latin_word(word):
        low = word.lower()
        return low, _latin_loose(word)
    return _scan(word)


def romanise(bengali: str) -> str:
    """A simple, deterministic Latin transliteration (lower case, words kept)."""
    return " ".join(_word_forms(w)[0] for w in _words(bengali))


def loose(s: str) -> str:
    """The loose phonetic form (consonant classes and vowel classes), words space-separated."""
    return " ".join(f for f in (_word_forms(w)[1] for w in _words(s)) if f)


@lru_cache(maxsize=65536)
def _word_skeleton(word: str) -> str:
    return _collapse("".join(c for c in _word_forms(word)[1] if c not in _LOOSE_VOWELS and c.isalpha()))


def skeleton(s: str) -> str:
    """The romanised consonant skeleton: consonant classes only, doubles
    collapsed, one space between words (words with no consonant are dropped)."""
    return " ".join(k for k in (_word_skeleton(w) for w in _words(s)) if k)


def consonant_count(s: str) -> int:
    """How many consonant classes the skeleton of ``s`` has."""
    return len(skeleton(s).replace(" ", ""))


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute; all cost 1)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0.0-1.0 (1.0: same skeleton and loose form).

    The mean of the normalised Levenshtein similarities of the skeletons and
    of the loose forms, both without word spaces.  Short names (at most
    :data:`SHORT_NAME_CONSONANTS` consonants in either skeleton) must match
    exactly: 1.0 if their loose forms are equal, else 0.0.
    """
    la, lb = loose(a).replace(" ", ""), loose(b).replace(" ", "")
    if la == lb:
        return 1.0 if la or a.strip() == b.strip() else 0.0
    sa, sb = skeleton(a).replace(" ", ""), skeleton(b).replace(" ", "")
    if min(len(sa), len(sb)) <= SHORT_NAME_CONSONANTS:
        return 0.0
    return 0.5 * _ratio(sa, sb) + 0.5 * _ratio(la, lb)
