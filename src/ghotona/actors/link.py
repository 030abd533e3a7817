"""Find and link actor mentions in Bengali text (docs/actors.md).

:func:`find_actors` returns every mention of a person, organisation, country
or place in a text, sorted, non-overlapping, with ``text[start:end] ==
mention.text``.  How a mention is found, in order of trust:

1. **Dictionary names** (``exact`` / ``inflected`` / ``abbreviation`` /
   ``demonym``).  Text is cut into word units (``segment.tokenize`` tokens,
   with hyphenated compounds split: ``মার্কিন-রাশিয়া`` is two units, but an
   ending after a hyphen or apostrophe stays on its word: ``হি-এর``,
   ``বিবিসি’কে``).  Every name, alias, Latin alias, abbreviation and demonym
   of every actor is cut the same way and indexed by its unit keys run
   together, so spaces and hyphens inside a name do not matter (``পররাষ্ট্র
   মন্ত্রী`` = ``পররাষ্ট্রমন্ত্রী``, ``উ.কোরিয়া`` = ``উ. কোরিয়া``), as in
   :func:`ghotona.actors.dictionary.alias_key`.  A window grows over units
   separated by nothing, spaces or a hyphen (never a line break) while it is
   still the prefix of a key; the longest key wins.  The last unit may
   carry an inflection (:func:`~ghotona.actors.inflect.base_forms`), accepted
   only when the ending fits the base (``-র``/``-য়`` after a vowel,
   ``-ে`` after a consonant).  Short all-capital Latin words (``UN``)
   match case-sensitively.
2. **Roles** (``role``): a modifier (an uninflected demonym, or a country,
   organisation or place name in the genitive) directly followed by a role
   phrase from ``roles.yaml`` (``রুশ পররাষ্ট্রমন্ত্রী``, ``উত্তর কোরিয়ার
   পররাষ্ট্রমন্ত্রী``, ``জাতিসংঘের মহাসচিব``) is resolved with
   ``Dictionary.holders(role, of, on)`` for every role key of the phrase
   (``নেতা``, ``সেনাপ্রধান`` may name several): exactly one holder links;
   none or several leave ``actor_id`` ``None`` with a note.  A derived role
   (``country_leader``: ``উত্তর কোরিয়ার নেতা``) resolves through
   ``Dictionary.resolve`` to the first office somebody held, and reports
   that office.  Every name starting at the modifier's first word may be
   the modifier; the reading with the longest role phrase wins
   (``রাশিয়ার`` + ``পররাষ্ট্র মন্ত্রণালয়ের প্রধান``, the foreign minister,
   over the ministry + ``প্রধান``).  A qualifier before the modifier
   (``সাবেক``, ``তৎকালীন`` ...) or a word after the role that makes it
   something other than a person (``নির্বাচন``, ``পদে`` ...) keeps it
   unresolved / unmatched; both word lists are data (``roles.yaml``,
   ``Dictionary.context``).  A plural role (``পররাষ্ট্রমন্ত্রীদের``) is no
   role mention.  When the uninflected role phrase is directly followed by a
   person mention, both link to that person.
   *Homographs* (``ambiguous.yaml``: মালি, চিলি, ট্রাম্প কার্ড) are then
   checked against their context (:func:`_filter_homographs`); a rejected
   one is no mention and is kept from NER.  A country word followed by a
   generic force noun (``রুশ বাহিনী``) is the country, with a note.
3. **Spelling variants** (``variant``): a 1-3 word window whose loose
   phonetic form (:func:`~ghotona.actors.translit.loose`) equals that of a
   dictionary name of at least 4 consonants; a one-word name needs 5, or 4
   and a loose form of 8 letters (``ভ্লাদিভোস্তক`` = ``ভ্লাদিভোস্টক``,
   ``নেতানইয়াহু`` = ``নেতানিয়াহু``; but ``মোশারফ`` is no variant of
   ``মোশাররফ``, often a different man's name).
4. **Fuzzy person names** (``fuzzy``): for people's names of at least two
   words or at least five consonants, a window with as many words whose
   consonant skeleton is equal word by word (or, for names of six or more
   consonants, off by one letter in one word) and whose loose form is at
   least 75 % alike.  Names of three consonants or fewer never match
   fuzzily.
5. **NER** (``ner``, when ``ner=True`` and ``ghotona.actors.ner`` has a
   model): entities not overlapping a dictionary mention get a provisional
   id ``prov:`` + sha1(skeleton of the uninflected name)[:10].
6. **Short forms** (``short-form``): a one-word mention of a person after an
   earlier mention of that person by a longer name.  An alias that the
   dictionary marks ambiguous (``কিম``) links only when exactly one of its
   actors was mentioned earlier; otherwise it is reported with ``actor_id``
   ``None``.  A word that is not in the dictionary but is (or, by loose form,
   spells) the last word of an earlier multi-word person mention (dictionary
   or NER) links to it too -- when NER tagged it as a person, or when it has
   at least 4 consonants (``জেলেনস্কির``, ``লাভরভ`` after ``সের্গেই
   ল্যাভরভ``; never ``কাদের``, which is also "whose").  A one-word NER person
   that is the first word of an earlier NER person's name of two or more
   words links to it when no surname does ("সাবিনা আক্তার ... সাবিনা বলেন":
   Bengali news calls women, and some men, by the given name).

Matching is a few dictionary look-ups per word; the index is built once per
:class:`~ghotona.actors.dictionary.Dictionary` and cached.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Iterable

import regex

from ..langdata import check_keys, fail, load_yaml, require
from ..sources import find_wire_mentions
from ..text.normalize import normalize
from ..text.segment import tokenize
from .inflect import base_forms, modifier_split
from .model import ActorMention
from .translit import SHORT_NAME_CONSONANTS, levenshtein, loose, skeleton

__all__ = ["find_actors", "provisional_id", "name_base", "build_index"]

# --- scores -----------------------------------------------------------------
SCORES = {
    "exact": 1.0,
    "inflected": 0.98,
    "abbreviation": 0.95,
    "demonym": 0.95,
    "variant": 0.9,
    "role": 0.9,
    "short-form": 0.9,
}
UNRESOLVED_SCORE = 0.5
NER_DEFAULT_SCORE = 0.5
NER_MIN_SCORE = 0.5  # NER entities less sure than this are left out
FUZZY_MIN_LOOSE = 0.75  # loose-form similarity a fuzzy window needs
VARIANT_MIN_CONSONANTS = 4
VARIANT_MIN_LOOSE_ONE_WORD = 8  # a one-word name of 4 consonants needs a loose form this long
FUZZY_MIN_CONSONANTS_ONE_WORD = 5
FUZZY_ONE_EDIT_CONSONANTS = 6
MAX_WINDOW = 3
SHORT_FORM_MIN_CONSONANTS = 4  # an untagged word linked as a short form needs this many
SHORT_FORM_MIN_CONSONANTS_SPEAKING = 3  # ... or this many, right before a word of matching.yaml speaking_after

MATCHING_FILE = "actors/matching.yaml"


@dataclass(frozen=True)
class MatchingPolicy:
    """``data/actors/matching.yaml``: titles before names, and the fuzzy rule for native names."""

    honorifics: frozenset[str]  # unit keys (no full stop)
    native_countries: frozenset[str]
    drop_weak: dict[int, None]  # str.translate table removing the weak skeleton letters
    min_word_similarity: float
    family_name_first: frozenset[str] = frozenset()  # countries whose people are called by their first word
    speaking_after: frozenset[str] = frozenset()  # unit keys: after a lone short word, it is a person speaking


@lru_cache(maxsize=1)
def load_matching() -> MatchingPolicy:
    return parse_matching(load_yaml(MATCHING_FILE))


def parse_matching(data: Any, name: str = MATCHING_FILE) -> MatchingPolicy:
    """Validate the contents of ``matching.yaml``; errors name the file and the entry."""
    if not isinstance(data, dict):
        raise fail(name, "file", "expected a mapping with honorifics and fuzzy")
    check_keys(name, "file", data, {"honorifics", "fuzzy", "family_name_first", "speaking_after"})
    raw = require(name, "file", data, "honorifics", list)
    honorifics = set()
    for i, h in enumerate(raw):
        if not isinstance(h, str) or not h.strip(". "):
            raise fail(name, f"honorifics entry {i + 1}", f"expected a title as written (ডা.), got {h!r}")
        keys = [u.key for u in _units(normalize(h)) if u.word]
        if len(keys) != 1:
            raise fail(name, f"honorifics entry {i + 1}", f"'{h}' should be one word")
        honorifics.add(keys[0])
    fz = require(name, "file", data, "fuzzy", dict)
    check_keys(name, "fuzzy", fz, {"native_countries", "weak_consonants", "min_word_similarity"})
    countries = _country_codes(name, "fuzzy.native_countries", require(name, "fuzzy", fz, "native_countries", list))
    weak = require(name, "fuzzy", fz, "weak_consonants", list)
    letters = set(skeleton("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"))
    if not all(isinstance(w, str) and len(w) == 1 and w in letters for w in weak):
        raise fail(name, "fuzzy.weak_consonants", f"expected skeleton letters ({''.join(sorted(letters))}), got {weak!r}")
    sim = require(name, "fuzzy", fz, "min_word_similarity", (int, float))
    if isinstance(sim, bool) or not 0.0 <= sim <= 1.0:
        raise fail(name, "fuzzy.min_word_similarity", f"expected a number from 0 to 1, got {sim!r}")
    first = _country_codes(name, "family_name_first", data.get("family_name_first", []))
    speaking = data.get("speaking_after", [])
    if not isinstance(speaking, list):
        raise fail(name, "speaking_after", f"expected a list of words, got {speaking!r}")
    speaking_keys = set()
    for i, w in enumerate(speaking):
        units = _units(normalize(w)) if isinstance(w, str) else []
        if len(units) != 1 or not units[0].word:
            raise fail(name, f"speaking_after entry {i + 1}", f"expected one word as written (জানান), got {w!r}")
        speaking_keys.add(units[0].key)
    return MatchingPolicy(frozenset(honorifics), countries, {ord(w): None for w in weak}, float(sim), first,
                          frozenset(speaking_keys))


def _country_codes(name: str, where: str, value: Any) -> frozenset[str]:
    """A list of two-letter country codes (BD) of matching.yaml, else an error naming the file."""
    if not isinstance(value, list) or not all(isinstance(c, str) and len(c) == 2 and c.isascii() and c.isupper()
                                               for c in value):
        raise fail(name, where, f"expected a list of two-letter country codes (BD), got {value!r}")
    return frozenset(value)


def _without_honorifics(words: list[str]) -> list[str]:
    """The words of a name after its leading titles (ডা., মি.); all of them if nothing else is left."""
    titles = load_matching().honorifics
    k = 0
    while k < len(words) - 1 and words[k] in titles:
        k += 1
    return words[k:]


_HYPHENS = "-\u2010\u2011"
_SEPS = "-\u2010\u2011’'"
_JOINABLE_GAP = set(" \t" + _HYPHENS)
_VOWEL_END = set("ািীুূৃৄেৈোৌৗৢৣঅআইঈউঊঋএঐওঔংঁ")
_PLURAL_ENDINGS = ("দের", "রা", "েরা")
_GENITIVE_TAILS = ("র",)
_NER_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place", "GPE": "place"}


# --- units ------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    key: str
    word: bool  # has a letter
    join: bool  # may continue a name begun by the previous unit
    bengali: bool


@lru_cache(maxsize=65536)
def _key(s: str) -> str:
    """The lookup key of a unit: normalised, joiners dropped, case-folded --
    except short all-capital Latin words (UN, US), which keep their case so
    that "un" or "us" in running text is no name."""
    s = normalize(s).replace("\u200c", "").replace("\u200d", "")
    if s.isascii() and s.isupper() and len(s) <= 4:
        return s
    return s.casefold()


@lru_cache(maxsize=65536)
def _bases(key: str) -> tuple[str, ...]:
    """The key, then each inflection-stripped base whose ending fits it."""
    out = [key]
    for b in base_forms(key)[1:]:
        if _suffix_ok(b, key):
            out.append(b)
    return tuple(out)


def _suffix_ok(base: str, token: str) -> bool:
    """Whether the ending ``token[len(base):]`` can attach to ``base``:
    -র / -য় endings follow a vowel, -ে endings follow a consonant."""
    suf = token[len(base) :].lstrip(_SEPS)
    if not suf or not base:
        return bool(base)
    last = base[-1]
    if not ("\u0980" <= last <= "\u09ff"):
        return True  # Latin base: "BBC’র"
    vowel_final = last in _VOWEL_END
    if suf[0] in "রয":
        # "হিজবুল্লাহর", "আবদুল্লাহর": an Arabic name's final -াহ is spoken open, and takes -র
        return vowel_final or suf[0] == "র" and base.endswith("\u09be\u09b9")
    if suf[0] == "ে":
        return not vowel_final
    return True


_WORD_RE = regex.compile(r"[\p{L}\p{M}]")
_BENGALI_RE = regex.compile(r"[\u0980-\u09ff]")
_HYPHEN_RE = regex.compile(r"[^\-\u2010\u2011]+")


def _is_word(s: str) -> bool:
    return _WORD_RE.search(s) is not None


def _is_bengali(s: str) -> bool:
    return _BENGALI_RE.search(s) is not None


def _units(text: str) -> list[_Unit]:
    """Word units with exact offsets (see the module docstring)."""
    spans: list[list[int]] = []  # [start, end, joined-by-hyphen]
    for tok in tokenize(text):
        if "-" in tok.text or "\u2010" in tok.text or "\u2011" in tok.text:
            parts = [(tok.start + m.start(), tok.start + m.end()) for m in _HYPHEN_RE.finditer(tok.text)]
            if not parts:
                parts = [(tok.start, tok.end)]
        else:
            parts = [(tok.start, tok.end)]
        first = True
        for ps, pe in parts:
            if not first:
                prev = spans[-1]
                pk, ck = _key(text[prev[0] : prev[1]]), _key(text[prev[0] : pe])
                if pk in _bases(ck)[1:]:
                    prev[1] = pe  # an ending after a hyphen: হি-এর
                    continue
            spans.append([ps, pe])
            first = False
    # an ending after an apostrophe: বিবিসি’কে (three tokens, no spaces)
    merged: list[list[int]] = []
    i = 0
    while i < len(spans):
        if (
            merged
            and i + 1 < len(spans)
            and text[spans[i][0] : spans[i][1]] in ("’", "'")
            and merged[-1][1] == spans[i][0]
            and spans[i][1] == spans[i + 1][0]
        ):
            prev = merged[-1]
            pk = _key(text[prev[0] : prev[1]])
            whole = _key(text[prev[0] : spans[i + 1][1]])
            if _is_word(pk) and pk in _bases(whole)[1:]:
                prev[1] = spans[i + 1][1]
                i += 2
                continue
        merged.append(spans[i])
        i += 1
    # a name joined to a modifier (ভারতবিরোধী): the name is a unit of its own, the modifier
    # another, with nothing between them
    split: list[list[int]] = []
    for s, e in merged:
        at = modifier_split(text[s:e]) if _is_bengali(text[s:e]) else None
        split += [[s, s + at], [s + at, e]] if at else [[s, e]]
    units: list[_Unit] = []
    prev_end = None
    for s, e in split:
        t = text[s:e]
        if prev_end is None:
            join = False
        else:
            gap = text[prev_end:s]
            join = gap == " " or gap == "" or all(c in _JOINABLE_GAP for c in gap)
        key, word, bengali = _unit_info(t)
        units.append(_Unit(s, e, t, key, word, join, bengali))
        prev_end = e
    return units


@lru_cache(maxsize=65536)
def _unit_info(t: str) -> tuple[str, bool, bool]:
    return _key(t), _is_word(t), _is_bengali(t)


def _name_keys(name: str) -> tuple[str, ...]:
    return tuple(u.key for u in _units(normalize(name).strip()))


def _joined(keys: Iterable[str]) -> str:
    """The index key of a name: its unit keys run together, so spaces and
    hyphens do not matter (পররাষ্ট্র মন্ত্রী = পররাষ্ট্রমন্ত্রী, কিম জং-উন = কিম জং উন),
    the same identity as :func:`ghotona.actors.dictionary.alias_key`."""
    return "".join(keys)


# --- the index --------------------------------------------------------------

_KIND_RANK = {"name": 0, "abbreviation": 1, "demonym": 2}


@dataclass
class _Table:
    """Joined keys (see :func:`_joined`) and every prefix of them, so a
    window of units grows only while it can still become a key."""

    entries: dict[str, Any] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    bounds: dict[str, set[int]] = field(default_factory=dict)  # where listed forms have a word break

    def add_prefixes(self, key: str) -> None:
        for n in range(1, len(key)):
            self.prefixes.add(key[:n])

    def add_form(self, keys: tuple[str, ...]) -> str:
        key = _joined(keys)
        self.add_prefixes(key)
        marks = self.bounds.setdefault(key, set())
        pos = 0
        for k in keys[:-1]:
            pos += len(k)
            marks.add(pos)
        return key


@dataclass
class _Index:
    names: _Table = field(default_factory=_Table)  # joined key -> (ids, kind)
    roles: _Table = field(default_factory=_Table)  # joined key -> [role keys]
    variant: dict[str, dict[str, str]] = field(default_factory=dict)  # loose form -> {id: kind}
    # skeleton probe -> (id, word skeletons, loose form, loose form of each word, native speller)
    fuzzy: dict[str, list[tuple[str, tuple[str, ...], str, tuple[str, ...], bool]]] = field(default_factory=dict)
    fuzzy_words: set[str] = field(default_factory=set)  # word skeletons of fuzzy-indexed names
    last_words: dict[str, set[str]] = field(default_factory=dict)  # id -> last unit keys of multi-word names
    # the first words among them (family_name_first): dictionary data, so short as they are
    # (মুন, 2 consonants) they are no common word an untagged one could be mistaken for
    family_words: set[str] = field(default_factory=set)
    # context words (Dictionary.context), as unit keys
    qualifiers: frozenset[str] = frozenset()
    blockers: frozenset[str] = frozenset()
    needs_holder: frozenset[str] = frozenset()  # joined role-phrase keys
    not_before_name: frozenset[str] = frozenset()  # joined role-phrase keys
    cue_words: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    cue_window: int = 6
    forces: tuple[tuple[str, ...], ...] = ()  # generic force nouns, as unit keys
    # (country code, joined force-noun key) -> the organisation that noun names
    # after that country's word (Actor.forces: ভারতীয় বিমানবাহিনী)
    services: dict[tuple[str, str], str] = field(default_factory=dict)
    homographs: dict[str, list["_Homograph"]] = field(default_factory=dict)  # joined form key -> entries


@dataclass(frozen=True)
class _Homograph:
    """A :class:`~ghotona.actors.dictionary.Homograph` with its words as unit keys."""

    actor: str
    needs_cue: bool
    not_before: tuple[tuple[str, ...], ...]
    not_after: tuple[tuple[str, ...], ...]
    cues: frozenset[str]


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    v = getattr(obj, name, default)
    return default if v is None else v


def _add(index: _Index, keys: tuple[str, ...], actor_id: str, kind: str) -> None:
    if not _joined(keys):
        return
    key = index.names.add_form(keys)
    slot = index.names.entries.setdefault(key, {})
    old = slot.get(actor_id)
    if old is None or _KIND_RANK[kind] < _KIND_RANK[old]:
        slot[actor_id] = kind


def build_index(dictionary: Any) -> _Index:
    """Build the matching index for ``dictionary`` (see :func:`find_actors`)."""
    index = _Index()
    actors = dictionary.actors
    policy = load_matching()
    for actor in actors.values():
        aid = actor.id
        forms: list[tuple[str, str]] = []
        for nm in [_attr(actor, "name_bn", ""), *_attr(actor, "aliases", ())]:
            if nm:
                forms.append((nm, "name"))
        for nm in _attr(actor, "aliases_en", ()):
            forms.append((nm, "name"))
        for nm in _attr(actor, "abbreviations", ()):
            forms.append((nm, "abbreviation"))
        for nm in _attr(actor, "demonyms", ()):
            forms.append((nm, "demonym"))
        for nm, kind in forms:
            keys = _name_keys(nm)
            _add(index, keys, aid, kind)
            if not _is_bengali(nm) or not keys:
                continue
            words = " ".join(keys)
            if kind != "abbreviation":
                lk = loose(words).replace(" ", "")
                nc = len(skeleton(words).replace(" ", ""))
                if nc >= VARIANT_MIN_CONSONANTS and (
                    len(keys) > 1 or nc >= FUZZY_MIN_CONSONANTS_ONE_WORD or len(lk) >= VARIANT_MIN_LOOSE_ONE_WORD
                ):
                    slot = index.variant.setdefault(lk, {})
                    if aid not in slot or _KIND_RANK[kind] < _KIND_RANK[slot[aid]]:
                        slot[aid] = kind
            if actor.type == "person" and kind == "name":
                word_keys = tuple(k for k in keys if _is_word(k))
                sk = tuple(skeleton(k).replace(" ", "") for k in word_keys)
                total = sum(len(s) for s in sk)
                if len(word_keys) >= 2:
                    index.last_words.setdefault(aid, set()).add(word_keys[-1])
                    if _attr(actor, "country", None) in policy.family_name_first:
                        # "মুন জে-ইন" is "মুন" on second mention: the family name comes first
                        index.last_words[aid].add(word_keys[0])
                        index.family_words.add(word_keys[0])
                if total > SHORT_NAME_CONSONANTS and (
                    len(word_keys) >= 2 or total >= FUZZY_MIN_CONSONANTS_ONE_WORD
                ):
                    flat = "".join(sk)
                    index.fuzzy_words.update(sk)
                    native = _attr(actor, "country", None) in policy.native_countries
                    entry = (aid, sk, loose(" ".join(word_keys)).replace(" ", ""),
                             tuple(_unit_loose(k) for k in word_keys), native)
                    for k in {flat} | (_deletions(flat) if len(flat) >= FUZZY_ONE_EDIT_CONSONANTS else set()):
                        index.fuzzy.setdefault(k, []).append(entry)
    for alias, ids in (_attr(dictionary, "ambiguous", {}) or {}).items():
        for aid in ids:
            if aid in actors:
                _add(index, _name_keys(alias), aid, "name")
    for rkey, rdef in (_attr(dictionary, "roles", {}) or {}).items():
        for phrase in _attr(rdef, "phrases", ()):
            pkeys = _name_keys(phrase)
            if _joined(pkeys):
                key = index.roles.add_form(pkeys)
                keys = index.roles.entries.setdefault(key, [])
                rk = _attr(rdef, "key", rkey)
                if rk not in keys:
                    keys.append(rk)  # one phrase may name several roles (নেতা, প্রধান)
    ctx = _attr(dictionary, "context", None)
    if ctx is not None:
        index.qualifiers = _word_keys(_attr(ctx, "qualifiers", ()))
        index.blockers = _word_keys(_attr(ctx, "blockers", ()))
        index.needs_holder = _word_keys(_attr(ctx, "needs_holder", ()))
        index.not_before_name = _word_keys(_attr(ctx, "not_before_name", ()))
        index.cue_words = _word_keys(_attr(ctx, "cue_words", ()))
        index.list_words = _word_keys(_attr(ctx, "list_words", ()))
        index.cue_window = int(_attr(ctx, "cue_window", 6))
        index.forces = tuple(sorted((k for k in (_name_keys(w) for w in _attr(ctx, "generic_forces", ())) if k),
                                    key=len, reverse=True))  # longest first: সামরিক বাহিনী before বাহিনী
        for h in _attr(ctx, "homographs", ()):
            entry = _Homograph(
                h.actor,
                bool(h.needs_cue),
                tuple(_name_keys(w) for w in h.not_before),
                tuple(_name_keys(w) for w in h.not_after),
                _word_keys(h.cues),
            )
            index.homographs.setdefault(_joined(_name_keys(h.form)), []).append(entry)
    for actor in actors.values():
        for noun in _attr(actor, "forces", ()):
            index.services[(actor.country, _joined(_name_keys(noun)))] = actor.id
    # finalise: key -> (ids, kind), names before abbreviations before demonyms
    for key, slot in index.names.entries.items():
        ids = tuple(sorted(slot, key=lambda a: (_KIND_RANK[slot[a]], a)))
        kinds = set(slot.values())
        kind = "demonym" if kinds == {"demonym"} else "abbreviation" if kinds == {"abbreviation"} else "name"
        index.names.entries[key] = (ids, kind)
    return index


def _word_keys(words: Iterable[str]) -> frozenset[str]:
    """Unit keys of single words (a multi-word entry keeps its words run together)."""
    return frozenset(_joined(_name_keys(w)) for w in words if _joined(_name_keys(w)))


@lru_cache(maxsize=65536)
def _deletions(s: str) -> frozenset[str]:
    return frozenset(s[:i] + s[i + 1 :] for i in range(len(s)))


_INDEX_CACHE: "OrderedDict[int, tuple[Any, _Index]]" = OrderedDict()


def _index_for(dictionary: Any) -> _Index:
    hit = _INDEX_CACHE.get(id(dictionary))
    if hit is not None and hit[0] is dictionary:
        _INDEX_CACHE.move_to_end(id(dictionary))
        return hit[1]
    index = build_index(dictionary)
    _INDEX_CACHE[id(dictionary)] = (dictionary, index)
    while len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.popitem(last=False)
    return index


# --- candidates -------------------------------------------------------------


@dataclass
class _Cand:
    i: int  # first unit
    j: int  # one past the last unit
    ids: tuple[str, ...]
    kind: str  # name | abbreviation | demonym | role | variant | fuzzy
    inflected: bool
    score: float = 1.0
    role: tuple[str, ...] = ()  # role: the keys its phrase may mean
    of: str | None = None  # role: the country code or organisation id
    qualifier: str | None = None
    phrase_inflected: bool = False
    chars: int = 0
    key: tuple[str, ...] = ()  # the matched index key (last unit uninflected)
    form_key: str = ""  # the joined index key of the name matched (role: of the role phrase)
    # role: units of a country in the genitive that opens the organisation
    # modifier (যুক্তরাষ্ট্রের | জাতীয় নিরাপত্তা পরিষদের মুখপাত্র), a mention of its own
    lead: int = 0
    lead_id: str | None = None


def _runs(units: list[_Unit]) -> list[int]:
    """run[i]: how many units from i on can form one name (joinable gaps)."""
    run = [1] * len(units)
    for i in range(len(units) - 2, -1, -1):
        if units[i + 1].join:
            run[i] = run[i + 1] + 1
    return run


def _lookup_all(table: _Table, units: list[_Unit], run: Any, i: int) -> list[tuple[int, str, bool, str]]:
    """Every key of ``table`` starting at unit i, shortest first, the last
    unit possibly inflected: (units, key, inflected, base of the last unit)."""
    entries, prefixes = table.entries, table.prefixes
    found = []
    head = ""
    for n in range(1, run[i] + 1):
        last = units[i + n - 1].key
        for b in _bases(last):
            if head + b in entries and (n == 1 or _splits_ok(table, head + b, units, i, n)):
                found.append((n, head + b, b != last, b))
                break
        head += last
        if head not in prefixes:
            break
    return found


def _lookup(table: _Table, units: list[_Unit], run: Any, i: int) -> tuple[int, str, bool, str] | None:
    """The longest key of ``table`` starting at unit i (see :func:`_lookup_all`), or None."""
    found = _lookup_all(table, units, run, i)
    return found[-1] if found else None


def _splits_ok(table: _Table, key: str, units: list[_Unit], i: int, n: int) -> bool:
    """A window may break a listed word in two (পররাষ্ট্র মন্ত্রী for
    পররাষ্ট্রমন্ত্রী) only where both halves are words of their own weight:
    ``চায় না`` ("does not want") is not ``চায়না`` (China)."""
    marks = table.bounds.get(key, ())
    pos = 0
    for m in range(i, i + n - 1):
        pos += len(units[m].key)
        if pos in marks:
            continue
        for u in (units[m], units[m + 1]):
            if u.word and (len(u.key) < 3 or len(_unit_skel(u.key)) < 2):
                return False
    return True


def _stripped(key: str, base: str) -> str:
    return key[len(base) :].lstrip(_SEPS)


def _is_genitive(key: str, base: str) -> bool:
    suf = _stripped(key, base)
    if suf.endswith(("ও", "ই")) and len(suf) > 1:
        suf = suf[:-1]
    return bool(suf) and suf.endswith(_GENITIVE_TAILS) and not suf.endswith("রা")


def _word_in(u: _Unit, words: frozenset[str]) -> bool:
    """Whether unit ``u``, or one of its inflection-stripped bases, is one of ``words``."""
    return bool(words) and any(b in words for b in _bases(u.key))


def _dictionary_candidates(index: _Index, dictionary: Any, units: list[_Unit], run: list[int]) -> list[_Cand]:
    actors = dictionary.actors
    out: list[_Cand] = []
    for i, u in enumerate(units):
        if not u.word:
            continue
        hits = _lookup_all(index.names, units, run, i)
        if not hits:
            continue
        n, key, inflected, base = hits[-1]
        ids, kind = index.names.entries[key]
        out.append(_Cand(i, i + n, ids, kind, inflected, key=(base,), form_key=key))
        # a role: modifier + role phrase.  Every name starting here may be the
        # modifier: রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের প্রধান is রাশিয়ার + "পররাষ্ট্র
        # মন্ত্রণালয়ের প্রধান" (the foreign minister) as well as the ministry + প্রধান.
        roles: dict[int, tuple[int, _Cand]] = {}  # end unit -> (phrase length, candidate)
        for n, key, inflected, base in hits:
            cand = _role_candidate(index, actors, units, run, i, n, key, inflected, base)
            if cand is None:
                continue
            phrase = cand.j - (i + n)
            if not _is_country_code(cand.of):
                cand.lead, cand.lead_id = _leading_country(index, actors, units, hits, i, n)
            if cand.j not in roles or phrase > roles[cand.j][0]:
                roles[cand.j] = (phrase, cand)  # the longest, most specific phrase wins
        out.extend(c for _, c in roles.values())
    return out


def _leading_country(index: _Index, actors: dict, units: list[_Unit], hits: list, i: int, n: int) -> tuple[int, str | None]:
    """(units, id) of a country in the genitive that opens the longer
    organisation name of ``n`` units at unit ``i``, or (0, None)."""
    for m, key, inflected, base in hits:
        ids, _ = index.names.entries[key]
        if m < n and len(ids) == 1 and actors[ids[0]].type == "country" and inflected \
                and _is_genitive(units[i + m - 1].key, base):
            return m, ids[0]
    return 0, None


def _role_candidate(index: _Index, actors: dict, units: list[_Unit], run: list[int],
                    i: int, n: int, key: str, inflected: bool, base: str) -> _Cand | None:
    """The role mention whose modifier is units [i, i+n) (the name ``key``), or None."""
    ids, kind = index.names.entries[key]
    j = i + n
    n_units = len(units)
    if len(ids) != 1 or j >= n_units or not units[j].join:
        return None
    actor = actors[ids[0]]
    last = units[j - 1].key
    if actor.type == "country" and (
        (kind == "demonym" and not inflected) or (kind != "demonym" and inflected and _is_genitive(last, base))
        # a bare country name before its forces: বাংলাদেশ সেনাবাহিনীর প্রধান
        or (kind == "name" and not inflected and any(_phrase_at(units, j, f[:1]) for f in index.forces))
    ):
        of = _attr(actor, "country", None) or actor.id
    elif actor.type in ("organisation", "place") and inflected and _is_genitive(last, base):
        of = actor.id  # জাতিসংঘের মহাসচিব, পশ্চিমবঙ্গের মুখ্যমন্ত্রী
    else:
        return None
    rhit = _lookup(index.roles, units, run, j)
    if rhit is None or run[i] < n + rhit[0]:
        return None
    rn, rkey, rinfl, rbase = rhit
    rlast = units[j + rn - 1].key
    if rinfl and _stripped(rlast, rbase).startswith(_PLURAL_ENDINGS):
        return None
    k = j + rn
    if not rinfl and k < n_units and units[k].join and _word_in(units[k], index.blockers):
        return None
    qualifier = None
    if i > 0 and units[i].join and _word_in(units[i - 1], index.qualifiers):
        qualifier = units[i - 1].text
    return _Cand(i, k, (), "role", rinfl, role=tuple(index.roles.entries[rkey]), of=of,
                 qualifier=qualifier, phrase_inflected=rinfl, form_key=rkey)


# --- homographs -------------------------------------------------------------

_SENTENCE_MARKS = frozenset("।?!;")
_LIST_PUNCT = frozenset({",", "،", "/"})


def _gap(text: str, units: list[_Unit], i: int) -> str:
    """The text between unit i-1 and unit i."""
    return text[units[i - 1].end : units[i].start] if i > 0 else ""


def _phrase_at(units: list[_Unit], start: int, words: tuple[str, ...]) -> bool:
    """Whether units from ``start`` on spell ``words`` (the last one possibly inflected)."""
    if not words or start < 0 or start + len(words) > len(units):
        return False
    for m, w in enumerate(words):
        u = units[start + m]
        if m and not u.join:
            return False
        if w not in (_bases(u.key) if m == len(words) - 1 else (u.key,)):
            return False
    return True


def _walk(text: str, units: list[_Unit], start: int, step: int) -> Iterable[int]:
    """Units from ``start`` going ``step``, up to the end of the sentence or paragraph."""
    m = start
    while 0 <= m < len(units):
        inner = m - step  # the neighbour on the side we come from
        if 0 <= inner < len(units) and "\n" in _gap(text, units, max(m, inner)):
            return
        if not units[m].word and any(ch in _SENTENCE_MARKS for ch in units[m].text):
            return
        yield m
        m += step


def _list_neighbour(text: str, units: list[_Unit], start: int, step: int, list_words: frozenset[str]) -> int | None:
    """The first word unit from ``start`` going ``step`` when commas or list
    words (ও, এবং) -- at least one -- and nothing else stand in between;
    else None.  (আর্জেন্টিনার জার্সি is no list.)"""
    joined = False
    for m in _walk(text, units, start, step):
        u = units[m]
        if u.word and not _word_in(u, list_words):
            return m if joined else None
        if not u.word and u.text.strip() not in _LIST_PUNCT:
            return None
        joined = True
    return None


def _homograph_verdict(text: str, c: _Cand, h: _Homograph, units: list[_Unit], index: _Index,
                       run: list[int], countries: dict[int, str]) -> str:
    """``no`` (the everyday sense), ``cue`` (linked on a cue here) or ``wait`` (no cue here)."""
    nxt = c.j if c.j < len(units) and units[c.j].join else None
    if nxt is not None and any(_phrase_at(units, nxt, w) for w in h.not_before):
        return "no"
    if c.i > 0 and units[c.i].join and any(_phrase_at(units, c.i - len(w), w) for w in h.not_after):
        return "no"
    if not h.needs_cue:
        return "cue"
    rhit = _lookup(index.roles, units, run, nxt) if nxt is not None else None
    if rhit is not None and rhit[1] not in index.needs_holder:
        return "cue"  # চাদের প্রেসিডেন্ট (but not মালির প্রধান কাজ, "main")
    cues = index.cue_words | h.cues
    for start, step in ((c.i - 1, -1), (c.j, 1)):
        seen = 0
        for m in _walk(text, units, start, step):
            if seen >= index.cue_window:
                break
            if units[m].word:
                if _word_in(units[m], cues):
                    return "cue"
                seen += 1
        # a list of countries: মালি, নাইজার ও বুরকিনা ফাসো
        m = _list_neighbour(text, units, start, step, index.list_words)
        if m is not None and m in countries:
            return "cue"
    return "wait"


def _filter_homographs(text: str, chosen: list[_Cand], units: list[_Unit], index: _Index, dictionary: Any,
                       run: list[int]) -> list[_Cand]:
    """Drop the homograph readings the context does not support (docs/actors.md, Homographs).

    A dropped candidate keeps its units taken, so that neither fuzzy
    matching nor NER turns the everyday word into a name.
    """
    if not index.homographs:
        return chosen
    actors = dictionary.actors
    firm: set[str] = set()  # actors named by a form that needs no cue
    countries: dict[int, str] = {}  # unit -> country id, for list cues
    pending: list[tuple[_Cand, list[_Homograph]]] = []
    for c in chosen:
        if c.kind == "role":  # its modifier names the country: চাদের প্রেসিডেন্ট
            country = dictionary.country(c.of) if hasattr(dictionary, "country") and _is_country_code(c.of) else None
            if country is not None:
                firm.add(country.id)
            continue
        hs = [h for h in index.homographs.get(c.form_key, ()) if h.actor in c.ids]
        if any(actors[a].type == "country" for a in c.ids if a in actors):
            for m in range(c.i, c.j):
                countries[m] = c.ids[0]
        if hs:
            pending.append((c, hs))
        elif len(c.ids) == 1:
            firm.add(c.ids[0])
    if not pending:
        return chosen
    verdicts: dict[tuple[int, str], str] = {}
    for c, hs in pending:
        for h in hs:
            v = _homograph_verdict(text, c, h, units, index, run, countries)
            if v == "wait" and h.actor in firm:
                v = "cue"
            verdicts[(c.i, h.actor)] = v
    # one sense per article: a form linked on a cue once is linked wherever
    # nothing says otherwise
    sure = {(c.form_key, h.actor) for c, hs in pending for h in hs if verdicts[(c.i, h.actor)] == "cue"}
    drop: set[int] = set()
    for c, hs in pending:
        keep = list(c.ids)
        for h in hs:
            v = verdicts[(c.i, h.actor)]
            if v == "no" or (v == "wait" and (c.form_key, h.actor) not in sure):
                keep.remove(h.actor)
        if not keep:
            drop.add(id(c))
        elif len(keep) != len(c.ids):
            c.ids = tuple(keep)
    return [c for c in chosen if id(c) not in drop]


@lru_cache(maxsize=65536)
def _unit_loose(key: str) -> str:
    return loose(key).replace(" ", "")


@lru_cache(maxsize=65536)
def _unit_skel(key: str) -> str:
    return skeleton(key).replace(" ", "")


@lru_cache(maxsize=65536)
def _unit_forms(key: str) -> tuple[tuple[str, bool, str, str], ...]:
    """(base, inflected, loose form, skeleton) for each base of a unit key."""
    return tuple((b, b != key, _unit_loose(b), _unit_skel(b)) for b in _bases(key))


def _fuzzy_candidates(index: _Index, units: list[_Unit], run: list[int], covered: list[bool]) -> list[_Cand]:
    out: list[_Cand] = []
    ok = [not covered[i] and u.bengali and u.word for i, u in enumerate(units)]
    fwords = index.fuzzy_words
    for i, u in enumerate(units):
        if not ok[i]:
            continue
        best: _Cand | None = None
        head_skel: tuple[str, ...] = ()
        head_words: tuple[str, ...] = ()  # loose form of each word before the last
        for n in range(1, min(MAX_WINDOW, run[i]) + 1):
            last = units[i + n - 1]
            if not ok[i + n - 1]:
                break
            if n > 1:
                prev = units[i + n - 2].key
                head_skel += (_unit_skel(prev),)
                head_words += (_unit_loose(prev),)
            head_loose = "".join(head_words)
            head_hits = sum(1 for x in head_skel if x in fwords)
            for b, infl, bloose, bsk in _unit_forms(last.key):
                lk = head_loose + bloose
                slot = index.variant.get(lk)
                if slot:
                    ids = tuple(sorted(slot))
                    kinds = {slot[a] for a in ids}
                    kind = "demonym" if kinds == {"demonym"} else "variant"
                    best = _Cand(i, i + n, ids, kind, infl, score=SCORES["variant"], key=(b,))
                    break
                # every word but (at most) one must be a name word exactly
                if head_hits + (bsk in fwords) < n - 1:
                    continue
                sk = head_skel + (bsk,)
                flat = "".join(sk)
                if len(flat) <= SHORT_NAME_CONSONANTS:
                    continue
                if n == 1 and (len(flat) < FUZZY_MIN_CONSONANTS_ONE_WORD or (
                        bsk not in fwords and len(flat) < FUZZY_ONE_EDIT_CONSONANTS)):
                    continue
                probes = (flat,) if len(flat) < FUZZY_ONE_EDIT_CONSONANTS else (flat, *_deletions(flat))
                scored: dict[str, float] = {}
                for p in probes:
                    for aid, nsk, nloose, nwords, native in index.fuzzy.get(p, ()):
                        sc = _fuzzy_score(sk, lk, nsk, nloose)
                        if sc and native and not _native_alike(sk, (*head_words, bloose), nsk, nwords):
                            sc = 0.0
                        if sc and sc > scored.get(aid, 0.0):
                            scored[aid] = sc
                if scored:
                    top = max(scored.values())
                    ids = tuple(sorted(a for a, sc in scored.items() if sc == top))
                    best = _Cand(i, i + n, ids, "fuzzy", infl, score=round(0.9 * top, 4), key=(b,))
                    break
        if best is not None:
            out.append(best)
    return out


def _native_alike(sk: tuple[str, ...], words: tuple[str, ...], nsk: tuple[str, ...], nwords: tuple[str, ...]) -> bool:
    """For a name spelt natively in Bengali (``matching.yaml`` fuzzy): each word has the
    name word's skeleton up to weak consonants, and is alike on its own."""
    policy = load_matching()
    for a, b, x, y in zip(sk, nsk, words, nwords):
        if a != b and a.translate(policy.drop_weak) != b.translate(policy.drop_weak):
            return False
        if 1.0 - levenshtein(x, y) / max(len(x), len(y), 1) < policy.min_word_similarity:
            return False
    return True


def _fuzzy_score(sk: tuple[str, ...], lk: str, nsk: tuple[str, ...], nloose: str) -> float:
    """Similarity of a window to a name, or 0.0 when the rules say no."""
    if len(sk) != len(nsk):
        return 0.0
    total = sum(len(s) for s in nsk)
    if total <= SHORT_NAME_CONSONANTS:
        return 0.0
    if len(nsk) == 1 and total < FUZZY_MIN_CONSONANTS_ONE_WORD:
        return 0.0
    edits = 0
    for a, b in zip(sk, nsk):
        if a == b:
            continue
        if total < FUZZY_ONE_EDIT_CONSONANTS or max(len(a), len(b)) < 3 or levenshtein(a, b) > 1:
            return 0.0
        edits += 1
    if edits > 1:
        return 0.0
    lsim = 1.0 - levenshtein(lk, nloose) / max(len(lk), len(nloose), 1)
    if lsim < FUZZY_MIN_LOOSE:
        return 0.0
    ssim = 1.0 - edits / max(total, 1)
    return 0.5 * ssim + 0.5 * lsim


def _select(cands: Iterable[_Cand], units: list[_Unit], taken: list[bool]) -> list[_Cand]:
    """Longest (in characters) first, then leftmost; no two share a unit."""
    chosen: list[_Cand] = []
    for c in cands:
        c.chars = units[c.j - 1].end - units[c.i].start
    for c in sorted(cands, key=lambda c: (-c.chars, c.i, c.kind == "role")):
        if any(taken[m] for m in range(c.i, c.j)):
            continue
        for m in range(c.i, c.j):
            taken[m] = True
        chosen.append(c)
    return chosen


# --- NER --------------------------------------------------------------------

_UNSET = object()
_NER_TAGGER: Any = _UNSET


def _ner_tagger() -> Any:
    """The shipped NER tagger, or None when the module or its model is missing."""
    global _NER_TAGGER
    if _NER_TAGGER is _UNSET:
        tagger = None
        try:
            from . import ner as _ner  # noqa: PLC0415

            tagger = _ner.NerTagger.load()
            path = getattr(tagger, "path", None)
            if path is not None and not os.path.isfile(str(path)):
                tagger = None
        except Exception:  # the module may not exist yet, or have no model
            tagger = None
        _NER_TAGGER = tagger
    return _NER_TAGGER


def _ner_entities(text: str) -> list[tuple[int, int, str, float]]:
    tagger = _ner_tagger()
    if tagger is None:
        return []
    try:
        if hasattr(tagger, "scored_entities"):
            return [(int(s), int(e), str(t), float(c)) for s, e, t, c in tagger.scored_entities(text)]
        return [(int(s), int(e), str(t), NER_DEFAULT_SCORE) for s, e, t in tagger.entities(text)]
    except Exception:
        return []


def name_base(word: str) -> str:
    """The conservative uninflected form of a name's last word, for provisional ids.

    The shortest :func:`base_forms` base of at least two characters whose
    ending fits it (see :func:`_suffix_ok`) and is not a plural ending;
    the word itself when there is none.
    """
    key = _key(word)
    best = key
    for b in base_forms(key)[1:]:
        if len(b) >= 2 and _suffix_ok(b, key) and not _stripped(key, b).startswith(_PLURAL_ENDINGS):
            if len(b) < len(best):
                best = b
    return best


# The fewest consonants a provisional name's last word needs for its final r to be dropped.
_R_DROP_MIN = 3


def provisional_id(name: str) -> str | None:
    """``prov:`` + the first 10 hex digits of sha1 of the skeleton of the
    uninflected name (its last word through :func:`name_base`); None if the
    name has no consonant."""
    words = _without_honorifics([u.key for u in _units(normalize(name)) if u.word])
    if not words:
        return None
    words[-1] = name_base(words[-1])
    sk = skeleton(" ".join(words))
    if not sk:
        return None
    # A last word in -র is bare (আক্তার, হালদার) or a genitive (রানার), and which one the
    # text rarely says: name_base reads the bare "আক্তার" as "আক্তা" but "আক্তারের" as
    # "আক্তার".  Without a final r the skeleton is one for every form of the name (and for
    # its English spelling, "Akter").  Only for a last word of three consonants or more:
    # a short one keeps its r (ওমর is no ওম).
    if sk.endswith("r") and len(sk.rsplit(" ", 1)[-1]) >= _R_DROP_MIN:
        sk = sk[:-1]
    return "prov:" + hashlib.sha1(sk.encode("utf-8")).hexdigest()[:10]


# --- main -------------------------------------------------------------------


@dataclass
class _Out:
    i: int
    j: int
    mention: ActorMention
    cand_ids: tuple[str, ...] = ()
    last_key: str | None = None  # base of the last word, for short forms
    words: int = 1
    role_phrase_inflected: bool = False


def _as_date(on: Any) -> date | None:
    if on is None:
        return None
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    if isinstance(on, str):
        return date.fromisoformat(on[:10])
    raise TypeError(f"on should be a date, got {type(on).__name__}")


def _mention(text: str, units: list[_Unit], i: int, j: int, typ: str, actor: Any, how: str, score: float, **kw) -> ActorMention:
    s, e = units[i].start, units[j - 1].end
    return ActorMention(
        s,
        e,
        text[s:e],
        typ,
        actor.id if actor is not None else None,
        _attr(actor, "name_en", None) if actor is not None else None,
        _attr(actor, "name_bn", None) if actor is not None else None,
        how,
        score,
        **kw,
    )


def _role_interval(actor: Any, role: str, of: str, on: date) -> str:
    for r in _attr(actor, "roles", ()):
        if r.role == role and r.of == of and (r.start is None or r.start <= on) and (r.end is None or on <= r.end):
            return f"{r.start.isoformat() if r.start else '?'}..{r.end.isoformat() if r.end else ''}"
    return "?.."


def _weak_roles(cands: list[_Cand], index: _Index, dictionary: Any, on: date | None) -> list[_Cand]:
    """Drop role readings of ``needs_holder`` phrases (প্রধান, also "main")
    that nobody held and that no person's name follows, so that the modifier
    is an ordinary mention: রাশিয়ার প্রধান রপ্তানি পণ্য is Russia's main export.
    Also drop role readings of ``not_before_name`` phrases (নেতা, said of any
    politician) that a person's name follows: উত্তর কোরিয়ার নেতা কিম জং উন
    names the country and the person, as the gold conventions have it."""
    if not index.needs_holder and not index.not_before_name:
        return cands
    people = {c.i for c in cands if c.kind != "role" and any(
        getattr(dictionary.actors.get(a), "type", None) == "person" for a in c.ids)}
    out = []
    for c in cands:
        if c.kind == "role" and c.form_key in index.needs_holder and c.j not in people:
            if _resolve_role(dictionary, c, on)[0] is None:
                continue
        if c.kind == "role" and c.form_key in index.not_before_name and c.j in people:
            continue
        out.append(c)
    return out


def _is_country_code(of: str | None) -> bool:
    return bool(of) and len(of) == 2 and of.isalpha() and of.isupper()


def _derived(dictionary: Any, key: str) -> bool:
    rd = (_attr(dictionary, "roles", {}) or {}).get(key)
    return bool(_attr(rd, "held_by", ()))


def _resolve_role(dictionary: Any, c: _Cand, on: date | None) -> tuple[Any, str, str]:
    """(holder or None, role key, note).  A phrase with several role keys
    keeps the key somebody held on the date; two different people holding
    (any of) them leave the mention unresolved.  A derived role
    (``country_leader``) reports the office its holder held
    (``supreme_leader``)."""
    keys = c.role
    where = f"{'/'.join(keys)} of {c.of}"
    if c.qualifier:
        return None, keys[0], f"'{c.qualifier}' {where}: not the office-holder on the article date"
    if on is None:
        return None, keys[0], f"{where}: article date unknown"
    if not _is_country_code(c.of):
        # a derived role (country_leader) is held only of a country: হামাসের নেতা is its leader
        keys = tuple(k for k in keys if not _derived(dictionary, k)) or keys
        where = f"{'/'.join(keys)} of {c.of}"
    resolve = getattr(dictionary, "resolve", None)
    found: list[tuple[str, Any]] = []
    for rk in keys:
        office, holders = resolve(rk, c.of, on) if resolve else (rk, dictionary.holders(rk, c.of, on))
        for h in holders:
            if all(h.id != x.id for _, x in found):
                found.append((office, h))
    if len(found) == 1:
        rk, holder = found[0]
        return holder, rk, f"role held {_role_interval(holder, rk, c.of, on)}; article date {on.isoformat()}"
    if not found:
        return None, keys[0], f"no holder of {where} on {on.isoformat()} in the dictionary"
    return None, found[0][0], f"{len(found)} holders of {where} on {on.isoformat()}: " + ", ".join(h.id for _, h in found)


def _wire_units(text: str, units: list[_Unit], mentions: list[Any] | None = None) -> list[tuple[int, int]]:
    """Unit ranges of the news agencies and media the text names
    (``data/wires.yaml``): নিউ ইয়র্ক টাইমস is a newspaper, and the নিউ ইয়র্ক in
    it is no mention of the city.  Media are not actors (docs/actors.md).
    ``mentions`` are the text's wire mentions when the caller has found them
    already (the pipeline does, for attribution)."""
    out = []
    for w in find_wire_mentions(text) if mentions is None else mentions:
        inside = [k for k, u in enumerate(units) if u.start >= w.start and u.end <= w.end]
        if inside:
            out.append((inside[0], inside[-1] + 1))
    return out


def _inside_wire(c: _Cand, wires: list[tuple[int, int]]) -> bool:
    """A candidate strictly inside a wire's name (a name equal to it is kept)."""
    return any(a <= c.i and c.j <= b and (c.i, c.j) != (a, b) for a, b in wires)


def find_actors(
    text: str, on: date | None, dictionary: Any = None, ner: bool = True, wires: list[Any] | None = None
) -> list[ActorMention]:
    """Every actor mention in ``text`` (an article body), sorted and non-overlapping.

    ``on`` is the article date, used to resolve role mentions (``None``
    leaves them unresolved).  ``dictionary`` defaults to the shipped one
    (:func:`ghotona.actors.dictionary.load_dictionary`).  With ``ner`` the
    NER tagger, when available, adds unknown names with provisional ids.
    ``wires`` are ``find_wire_mentions(text)`` when the caller has them
    (nothing inside a medium's name is an actor); ``None`` finds them here.
    """
    if dictionary is None:
        from .dictionary import load_dictionary  # noqa: PLC0415

        dictionary = load_dictionary()
    on = _as_date(on)
    if not text:
        return []
    index = _index_for(dictionary)
    actors = dictionary.actors
    units = _units(text)
    if not units:
        return []
    run = _runs(units)
    taken = [False] * len(units)

    cands = _weak_roles(_dictionary_candidates(index, dictionary, units, run), index, dictionary, on)
    wires = _wire_units(text, units, wires)
    if wires:
        cands = [c for c in cands if not _inside_wire(c, wires)]
    chosen = _select(cands, units, taken)
    for a, b in wires:  # nor may the fuzzy matcher or the NER tagger take a piece of a wire's name
        for m in range(a, b):
            taken[m] = True
    chosen = _filter_homographs(text, chosen, units, index, dictionary, run)
    chosen += _select(_fuzzy_candidates(index, units, run, taken), units, taken)
    chosen.sort(key=lambda c: c.i)
    services = _services(chosen, units, index, actors, taken)

    # NER entities over units nobody took
    ner_items: list[tuple[int, int, str, float]] = []
    if ner:
        ner_items = _ner_spans(_ner_entities(text), units, taken, index)

    events: list[tuple[int, int, Any]] = [(c.i, 0, c) for c in chosen]
    events += [(e[0], 1, e) for e in ner_items]
    covered = list(taken)
    for a, b, _, _ in ner_items:
        for m in range(a, b):
            covered[m] = True
    events += [(i, 2, None) for i, u in enumerate(units) if not covered[i] and u.word]
    events.sort(key=lambda e: (e[0], e[1]))

    seen: dict[str, int] = {}  # actor id -> unit of its first linking mention
    named: Counter[str] = Counter()  # actor id -> how often named (not by short form) so far
    seen_full: set[str] = set()  # ids mentioned by a multi-word name
    short: dict[str, str | None] = {}  # last word key -> id (None: two people share it)
    outs: list[_Out] = []

    short_loose: dict[str, str | None] = {}  # the same by loose form (জেলেনস্কী = জেলেনস্কি)
    # first word key -> id of a name NER found: "সাবিনা আক্তার ... সাবিনা বলেন" (consulted after
    # the last words, so a shared first name never hides a surname)
    given: dict[str, str | None] = {}

    def register_short(key: str | None, aid: str) -> None:
        if not key or len(key) < 3 or len(_unit_skel(key)) < 2:
            return
        for table, k in ((short, key), (short_loose, _unit_loose(key))):
            old = table.get(k, aid)
            table[k] = aid if old == aid else None

    def short_target(b: str, min_consonants: int) -> str | None:
        if len(_unit_skel(b)) < min_consonants:
            return None
        if b in short:
            return short[b]
        return short_loose.get(_unit_loose(b))

    for i, order, item in events:
        if order == 0:
            c: _Cand = item
            if c.kind == "role":
                holder, rk, note = _resolve_role(dictionary, c, on)
                start = c.i
                if c.lead and c.lead_id is not None:
                    # যুক্তরাষ্ট্রের | জাতীয় নিরাপত্তা পরিষদের মুখপাত্র: the country, then the role
                    start = c.i + c.lead
                    outs.append(_Out(c.i, start, _mention(text, units, c.i, start, "country", actors[c.lead_id],
                                                          "inflected", SCORES["inflected"])))
                    seen.setdefault(c.lead_id, c.i)
                    named[c.lead_id] += 1
                m = _mention(text, units, start, c.j, "person", holder, "role",
                             SCORES["role"] if holder is not None else UNRESOLVED_SCORE, role=rk, note=note)
                outs.append(_Out(start, c.j, m, role_phrase_inflected=c.phrase_inflected))
                if holder is not None:
                    seen.setdefault(holder.id, c.i)
                continue
            if c.i in services:
                end, sid, inflected = services[c.i]
                m = _mention(text, units, c.i, end, "organisation", actors[sid], "inflected" if inflected else "exact",
                             SCORES["inflected" if inflected else "exact"],
                             note="a country word and the force noun that names its service")
                outs.append(_Out(c.i, end, m, cand_ids=(sid,)))
                seen.setdefault(sid, c.i)
                continue
            words = sum(1 for u in units[c.i : c.j] if u.word)
            ids = c.ids
            how = {"name": "inflected" if c.inflected else "exact", "abbreviation": "abbreviation",
                   "demonym": "demonym", "variant": "variant", "fuzzy": "fuzzy"}[c.kind]
            score = c.score if c.kind in ("variant", "fuzzy") else SCORES[how]
            note = None
            aid: str | None
            if len(ids) == 1:
                aid = ids[0]
                a = actors[aid]
                if a.type == "person" and words == 1 and aid in seen_full and c.kind != "demonym":
                    how, score = "short-form", SCORES["short-form"]
            else:
                earlier = sorted((x for x in ids if x in seen), key=lambda x: -named[x])
                if len(earlier) == 1 or (len(earlier) > 1 and named[earlier[0]] > named[earlier[1]]):
                    # the one named before, or the one named most often before
                    # (one sense per article: the Korea an article is about)
                    aid = earlier[0]
                    how, score = "short-form", SCORES["short-form"]
                else:
                    aid = None
                    note = "ambiguous: " + ", ".join(ids) + ("" if not earlier else "; several mentioned earlier")
                    score = UNRESOLVED_SCORE
            actor = actors[aid] if aid is not None else None
            typ = actor.type if actor is not None else _common_type(actors, ids)
            if c.kind == "demonym":
                typ = "country" if actor is None or actor.type == "country" else actor.type
            if typ == "country" and note is None and _forces_follow(units, c.j, index):
                note = "the country's armed forces (a country word and a generic force noun)"
            m = _mention(text, units, c.i, c.j, typ, actor, how, score, note=note)
            last_key = c.key[-1] if c.key else units[c.j - 1].key
            outs.append(_Out(c.i, c.j, m, cand_ids=ids, last_key=last_key, words=words))
            if aid is not None and how != "short-form":
                seen.setdefault(aid, c.i)
                named[aid] += 1
                if typ == "person" and words >= 2:
                    seen_full.add(aid)
                    register_short(last_key, aid)
                    for k in index.last_words.get(aid, ()):
                        register_short(k, aid)
        elif order == 1:
            a, b, typ, conf = item
            words = [u.key for u in units[a:b] if u.word]
            last = name_base(units[b - 1].key) if units[b - 1].word else None
            aid, how, score = None, "ner", conf
            # "মি. রহমান": a title and one word is a short form as the bare word is
            core = _without_honorifics(words) if typ == "person" else words
            target = short_target(last, 2) if typ == "person" and len(core) == 1 and last else None
            if not target and typ == "person" and len(core) == 1 and last and len(_unit_skel(last)) >= 3:
                target = given.get(last)
            if target:
                aid, how, score = target, "short-form", SCORES["short-form"]
            elif sum(len(_unit_skel(w)) for w in words) >= 2:
                aid = provisional_id(" ".join(u.text for u in units[a:b]))
            if aid is None:
                continue  # no short form, and too little of a name to group by
            actor = actors.get(aid)
            m = _mention(text, units, a, b, typ if actor is None else actor.type, actor, how, score)
            if actor is None:
                m.actor_id = aid
            outs.append(_Out(a, b, m, last_key=last, words=len(words)))
            if how == "ner" and typ == "person" and len(core) >= 2:
                register_short(last, aid)
                first = name_base(core[0])
                if first:
                    given[first] = aid if given.get(first, aid) == aid else None
        else:
            u = units[i]
            if not u.bengali:
                continue
            nxt = units[i + 1] if i + 1 < len(units) else None
            speaking = nxt is not None and nxt.word and nxt.key in load_matching().speaking_after
            for b in _bases(u.key):
                # a word NER did not tag: only a distinctive one (কাদের is also "whose"), or a
                # shorter one that speaks ("মিশ্রি জানান")
                target = short_target(b, 2 if b in index.family_words else SHORT_FORM_MIN_CONSONANTS_SPEAKING
                                      if speaking else SHORT_FORM_MIN_CONSONANTS)
                if target:
                    actor = actors.get(target)
                    m = _mention(text, units, i, i + 1, "person", actor, "short-form", SCORES["short-form"])
                    if actor is None:
                        m.actor_id = target
                        m.note = "short form of an earlier unknown name"
                    outs.append(_Out(i, i + 1, m, last_key=b))
                    break

    outs.sort(key=lambda o: o.i)
    _apposition(outs, units, actors)
    _bracketed_abbreviation(text, outs)
    return [o.mention for o in outs]


def bare_office_mentions(text: str, on: date | None, mentions: Iterable[Any] = (),
                         dictionary: Any = None, also: dict[str, str] | None = None) -> list[ActorMention]:
    """Mentions of the offices a role phrase with no modifier names (roles.yaml ``bare_offices``:
    "প্রধান উপদেষ্টা বলেন" is Bangladesh's chief adviser), resolved to the holder on ``on``.

    Not part of :func:`find_actors`: the linking contract gives a bare role phrase no mention
    (docs/actors.md).  The event coder adds these, as it adds shells (দেশটি), to know who a
    bare office is.  A phrase inside one of ``mentions`` (a role with its modifier, an office's
    name: প্রধান উপদেষ্টার কার্যালয়), one after a qualifier (সাবেক), before a blocker (পদে),
    in the plural, or shared with an office that is not bare is none; nor is one with no
    single holder on the date.  ``also`` adds offices the caller knows the country of (role key
    -> country code): the event coder reads a bare রাষ্ট্রপতি as the article's own country's.
    """
    if dictionary is None:
        from .dictionary import load_dictionary  # noqa: PLC0415

        dictionary = load_dictionary()
    on = _as_date(on)
    offices = dict(_attr(_attr(dictionary, "context", None), "bare_offices", ()) or ()) | dict(also or {})
    if not text or on is None or not offices:
        return []
    index = _index_for(dictionary)
    units = _units(text)
    run = _runs(units)
    spans = [(m.start, m.end) for m in mentions]
    out: list[ActorMention] = []
    j = 0
    while j < len(units):
        hit = _lookup(index.roles, units, run, j) if units[j].word else None
        if hit is None:
            j += 1
            continue
        rn, rkey, rinfl, rbase = hit
        k = j + rn
        keys = tuple(index.roles.entries[rkey])
        start, end = units[j].start, units[k - 1].end
        if not all(x in offices for x in keys) or any(a < end and start < b for a, b in spans) \
                or (j > 0 and units[j].join and _word_in(units[j - 1], index.qualifiers)) \
                or (not rinfl and k < len(units) and units[k].join and _word_in(units[k], index.blockers)) \
                or (rinfl and _stripped(units[k - 1].key, rbase).startswith(_PLURAL_ENDINGS)):
            j = k
            continue
        found = {h.id: (rk, h) for rk in keys for h in dictionary.holders(rk, offices[rk], on)}
        if len(found) == 1:
            rk, holder = next(iter(found.values()))
            out.append(_mention(text, units, j, k, "person", holder, "role", SCORES["role"], role=rk,
                                note=f"bare office: {rk} of {offices[rk]} held "
                                     f"{_role_interval(holder, rk, offices[rk], on)}; article date {on.isoformat()}"))
        j = k
    return out


def _services(chosen: list[_Cand], units: list[_Unit], index: _Index, actors: dict,
              taken: list[bool]) -> dict[int, tuple[int, str, bool]]:
    """Country words followed by a force noun that names one of that country's services.

    ``ভারতীয় বিমানবাহিনী``, ``পাকিস্তান সেনাবাহিনীর``: the whole phrase is the
    organisation whose ``forces`` list the noun (Indian Air Force, Pakistan
    Army).  A noun no service claims (বাহিনী, সেনারা) leaves the country
    mention as it is.  Returns candidate start -> (end unit, organisation id,
    whether the noun is inflected), and marks the noun's units taken.
    """
    out: dict[int, tuple[int, str, bool]] = {}
    if not index.services:
        return out
    for c in chosen:
        if c.kind not in ("name", "demonym", "abbreviation") or len(c.ids) != 1:
            continue
        country = actors.get(c.ids[0])
        if country is None or country.type != "country" or c.j >= len(units) or not units[c.j].join:
            continue
        last = units[c.j - 1].key
        if c.inflected and not any(_is_genitive(last, b) for b in _bases(last)[1:]):
            continue  # রাশিয়ায় সেনাবাহিনী পাঠায়: "to Russia", not Russia's army
        for f in index.forces:
            end = c.j + len(f)
            if any(taken[c.j:end]) or not _phrase_at(units, c.j, f):
                continue
            sid = index.services.get((country.country, _joined(f)))
            if sid is not None and sid in actors:
                out[c.i] = (end, sid, units[end - 1].key != f[-1])
                for m in range(c.j, end):
                    taken[m] = True
            break  # the longest noun there decides
    return out


def _forces_follow(units: list[_Unit], j: int, index: _Index) -> bool:
    """Whether a generic force noun (বাহিনী, সেনারা) follows unit j-1: রুশ বাহিনী."""
    return j < len(units) and units[j].join and any(_phrase_at(units, j, f) for f in index.forces)


def _common_type(actors: dict, ids: tuple[str, ...]) -> str:
    types = {actors[a].type for a in ids if a in actors}
    return types.pop() if len(types) == 1 else "person"


def _apposition(outs: list[_Out], units: list[_Unit], actors: dict) -> None:
    """A role phrase directly followed by a person's name: both are that person."""
    for r, p in zip(outs, outs[1:]):
        rm, pm = r.mention, p.mention
        if rm.how != "role" or r.role_phrase_inflected or p.i != r.j or not units[p.i].join:
            continue
        if pm.type != "person":
            continue
        if pm.actor_id is None and rm.actor_id is not None and rm.actor_id in p.cand_ids:
            pm.actor_id, pm.name_en, pm.name_bn = rm.actor_id, rm.name_en, rm.name_bn
            pm.score = SCORES["short-form"]
            pm.note = f"the {rm.role} named just before"
            continue
        if pm.actor_id is None or pm.actor_id == rm.actor_id:
            continue
        before = rm.actor_id
        rm.actor_id, rm.name_en, rm.name_bn = pm.actor_id, pm.name_en, pm.name_bn
        rm.score = SCORES["role"]
        rm.note = "named right after the role" + (f"; dictionary holder on the date: {before}" if before else f"; {rm.note}")


def _bracketed_abbreviation(text: str, outs: list[_Out]) -> None:
    """An organisation's name directly followed by another body's abbreviation in brackets
    names that body: "জাতীয় পার্টির (জেপি)" is the party whose short form is জেপি, not the
    one জাতীয় পার্টি alone names.  (A bracket after other words, "জাতিসংঘের শরণার্থী সংস্থা
    (ইউএনএইচসিআর)", is not right after the name and changes nothing.)"""
    for o, b in zip(outs, outs[1:]):
        om, bm = o.mention, b.mention
        if om.type != "organisation" or bm.type != "organisation" or bm.how != "abbreviation":
            continue
        if not om.actor_id or not bm.actor_id or om.actor_id == bm.actor_id:
            continue
        between, after = text[om.end:bm.start], text[bm.end:bm.end + 1]
        if between.strip() != "(" or after != ")":
            continue
        before = om.actor_id
        om.actor_id, om.name_en, om.name_bn = bm.actor_id, bm.name_en, bm.name_bn
        om.note = f"named by the abbreviation in brackets after it; the name alone: {before}"


def _ner_spans(entities, units: list[_Unit], taken: list[bool], index: _Index) -> list[tuple[int, int, str, float]]:
    """NER entities as unit ranges: widened to whole units, a leading role
    phrase dropped, and left out when they touch a dictionary mention."""
    if not entities:
        return []
    starts = [u.start for u in units]
    out: list[tuple[int, int, str, float]] = []
    used = [False] * len(units)
    import bisect  # noqa: PLC0415

    for s, e, label, conf in sorted(entities):
        typ = _NER_TYPES.get(str(label).upper())
        if typ is None or e <= s or conf < NER_MIN_SCORE:
            continue
        a = bisect.bisect_right(starts, s) - 1
        if a < 0 or units[a].end <= s:
            a += 1
        b = bisect.bisect_left(starts, e)
        if a >= b or a >= len(units):
            continue
        # drop leading role phrases / titles (প্রেসিডেন্ট জোকো উইদোদো)
        while a < b:
            rn = _lookup(index.roles, units, _LocalRun(units, a, b), a)
            if rn is None:
                break
            a += rn[0]
        while a < b and not units[a].word:
            a += 1
        while b > a and not units[b - 1].word:
            b -= 1
        # a short form in brackets after the name is not part of it ("পরিবেশ বাঁচাও আন্দোলন (পবা)"):
        # with its closing bracket trimmed above it would be a name with a bracket left open
        opened = [m for m in range(a, b) if units[m].text == "("]
        if opened and not any(units[m].text == ")" for m in range(opened[-1], b)):
            b = opened[-1]
            while b > a and not units[b - 1].word:
                b -= 1
        if a >= b:
            continue
        if any(taken[m] or used[m] for m in range(a, b)):
            continue
        if any(not units[m].join for m in range(a + 1, b)):
            continue
        for m in range(a, b):
            used[m] = True
        out.append((a, b, typ, conf))
    return out


class _LocalRun:
    """run[i] (see :func:`_runs`) restricted to units [a, b), computed on demand."""

    def __init__(self, units: list[_Unit], a: int, b: int):
        self.units, self.a, self.b = units, a, b

    def __getitem__(self, i: int) -> int:
        n = 1
        while i + n < self.b and self.units[i + n].join:
            n += 1
        return n
