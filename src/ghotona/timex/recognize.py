"""Finding time expressions in Bengali text (the recognition half of the tagger).

Vocabulary comes from two data files: month, weekday, Bangla-month and
day-period names from ``calendar.yaml`` (via :func:`ghotona.dates.load_calendar`)
and everything else -- relative words, units, numbers, modifiers, tense
markers -- from ``timex.yaml``, validated here on load.

The grammar is a set of `regex` patterns, one per family of expressions
(dates, months, years, weekdays, relative words, counts of units, clock
times, Bangla dates, ranges), compiled once per process.  Every pattern runs
over the normalised text (NFC, ASCII digits, zero-width characters removed);
each match becomes a :class:`Mention` holding the pieces read from it.
Two joins then lengthen a match: a clock time followed by থেকে and another
clock time becomes a clock range (``দুপুর ২টা থেকে রাত ৮টা``), and a date,
month, year, weekday or clock in the genitive takes a following আগে / পর /
মধ্যে as its mod (``১৫ জুলাইয়ের আগে``).  Overlapping candidates are settled
longest first, so ``তিন বছরের বেশি সময় ধরে`` beats ``তিন বছর``.

Speed (a 5,000-character article in a few milliseconds) comes from two
things.  A pattern's optional prefix (গত, শনিবার, প্রায়...) is matched in a
lookbehind, so the scan is driven by the pattern's required core (a digit, a
month, a unit).  And a pattern whose core needs a particular word runs only
where :meth:`str.find` has found that word ("seeds"), not over the whole text.

Nothing here needs a reference time: :mod:`.resolve` turns mentions into
TIMEX3 values.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

import regex

from ..dates.pagedates import CalendarData, _apply_period, _key, _normalize, load_calendar
from ..langdata import check_keys, fail, load_yaml, require

DATA_FILE = "timex.yaml"
Pattern = regex.Pattern
Match = regex.Match

PARTS = ("MO", "MI", "AF", "EV", "NI")
# The 12-hour rule (calendar.yaml day_periods) each TIMEX3 part of day implies.
PART_RULES = {"MO": "am", "MI": "noon", "AF": "pm", "EV": "pm", "NI": "night"}
MEANINGS = ("last", "next", "this")
UNITS = ("minute", "hour", "day", "week", "month", "year", "decade")
RELATIONS = ("before", "after", "within", "during")
POSITION_MODS = ("START", "MID", "END")
COMPARISON_MODS = ("MORE_THAN", "LESS_THAN")


# --------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelativeDay:
    offset: int
    by_tense: bool
    part: str | None


@dataclass(frozen=True, slots=True)
class TenseMarkers:
    """Tense vocabulary; keys are normalised words."""

    words: dict[str, str]  # single words -> tense
    phrases: dict[str, str]  # multi-word phrases -> tense
    endings: tuple[tuple[str, str], ...]  # (ending, tense), longest first
    ignore_words: frozenset[str]
    ignore_endings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimexData:
    """Validated contents of ``timex.yaml``.  Word keys are :func:`_key` forms."""

    inflections: tuple[str, ...]
    months_no_inflection: frozenset[str]
    bare_month_followers: tuple[str, ...]
    genitive_endings: tuple[str, ...]
    anchor_gap_words: tuple[str, ...]
    relative_days: dict[str, RelativeDay]
    event_days: tuple[str, ...]  # আগের দিন, পরদিন: relative to an event, taken only before a weekday
    modifiers: dict[str, str]
    units: dict[str, str]
    year_markers: tuple[str, ...]
    anaphoric_year_words: tuple[str, ...]  # ওই, একই (বছরের): the year the text told last
    fiscal_year_markers: tuple[str, ...]
    date_markers: tuple[str, ...]
    ordinal_days: dict[str, int]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    number_classifiers: tuple[str, ...]
    vague_numbers: tuple[str, ...]
    fraction_numbers: dict[str, float]
    quarter_words: dict[str, int]
    approx_words: tuple[str, ...]
    comparisons: dict[str, str]
    relations: dict[str, str]
    date_relations: dict[str, str]  # relation words joining a genitive date/clock -> relation
    duration_fillers: tuple[str, ...]
    positions: dict[str, str]
    day_parts: dict[str, str]
    part_rules: dict[str, str]  # day-part word -> 12-hour rule
    hour_markers: tuple[str, ...]
    clock_approx: tuple[str, ...]
    clock_prefixes: dict[str, str]
    night_after: tuple[str, ...]
    range_connectors: tuple[str, ...]
    set_words: tuple[str, ...]
    tense: TenseMarkers


_TOP_KEYS = {
    "inflections", "bare_month_followers", "months_no_inflection", "genitive_endings", "anchor_gap_words",
    "relative_days", "event_days", "modifiers", "units", "year_markers", "anaphoric_year_words",
    "fiscal_year_markers", "date_markers",
    "ordinal_days", "number_words", "multipliers",
    "number_classifiers", "vague_numbers", "fraction_numbers", "quarter_words", "approx_words",
    "comparisons", "relations", "date_relations", "duration_fillers", "positions", "day_parts", "hour_markers",
    "clock_approx", "clock_prefixes", "night_after", "range_connectors", "set_words", "tense",
}


class _Owners:
    """Who claims each word: a word read as two things is an error naming both."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def claim(self, word: str, owner: str, where: str) -> str:
        k = _key(word)
        if k in self.owner and self.owner[k] != owner:
            raise fail(DATA_FILE, where, f"'{word}' is also claimed by {self.owner[k]}")
        self.owner[k] = owner
        return k


def _strings(where: str, value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise fail(DATA_FILE, where, f"'{key}' must be a non-empty list of strings")
    for v in value:
        if not isinstance(v, str) or not v.strip() or v != v.strip():
            raise fail(DATA_FILE, where, f"'{key}' entries must be non-empty strings without outer spaces, got {v!r}")
    return value


def _word_list(raw: dict[str, Any], key: str, owners: _Owners | None) -> tuple[str, ...]:
    """A top-level list of words; claimed under ``key`` when ``owners`` is given."""
    words = _strings(key, require(DATA_FILE, "top level", raw, key, list), key)
    out = []
    for i, w in enumerate(words):
        if owners is not None:
            out.append(owners.claim(w, key, f"{key}[{i}]"))
        else:
            out.append(_key(w))
    return tuple(dict.fromkeys(out))


def _table(
    raw: dict[str, Any], table: str, label_key: str, check: Callable[[str, Any], Any],
    owners: _Owners, extra: dict[str, type] | None = None,
) -> list[tuple[Any, list[str], dict[str, Any]]]:
    """Read ``[{label_key: X, words: [...], ...extra}]``; returns (label, keys, entry)."""
    entries = require(DATA_FILE, "top level", raw, table, list)
    if not entries:
        raise fail(DATA_FILE, table, "must not be empty")
    out = []
    for i, entry in enumerate(entries):
        where = f"{table}[{i}]"
        allowed = {label_key, "words"} | set(extra or {})
        if not isinstance(entry, dict):
            raise fail(DATA_FILE, where, f"expected a mapping, got {type(entry).__name__}")
        check_keys(DATA_FILE, where, entry, allowed)
        if label_key not in entry:
            raise fail(DATA_FILE, where, f"missing required key '{label_key}'")
        label = check(where, entry[label_key])
        for k, typ in (extra or {}).items():
            if k in entry and (not isinstance(entry[k], typ) or isinstance(entry[k], bool) != (typ is bool)):
                raise fail(DATA_FILE, where, f"'{k}' should be {typ.__name__}, got {type(entry[k]).__name__}")
        words = _strings(where, entry.get("words"), "words")
        owner = f"{table} {label_key} {label}"
        keys = [owners.claim(w, owner, where) for w in words]
        out.append((label, keys, entry))
    return out


def _one_of(allowed: Iterable[str]) -> Callable[[str, Any], Any]:
    allowed = tuple(allowed)

    def check(where: str, v: Any) -> Any:
        if v not in allowed:
            raise fail(DATA_FILE, where, f"{v!r} is not one of {list(allowed)}")
        return v

    return check


def _int_in(lo: int, hi: int) -> Callable[[str, Any], Any]:
    def check(where: str, v: Any) -> Any:
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            raise fail(DATA_FILE, where, f"expected an integer {lo}..{hi}, got {v!r}")
        return v

    return check


def _positive_number(where: str, v: Any) -> Any:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
        raise fail(DATA_FILE, where, f"expected a positive number, got {v!r}")
    return float(v)


def _tense(raw: dict[str, Any]) -> TenseMarkers:
    section = require(DATA_FILE, "top level", raw, "tense", dict)
    check_keys(DATA_FILE, "tense", section, {"future", "past", "ignore"})
    owners = _Owners()  # tense markers may repeat expression words (আগামী)
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    ending_owner: dict[str, str] = {}
    for name in ("future", "past", "ignore"):
        where = f"tense.{name}"
        part = require(DATA_FILE, "tense", section, name, dict)
        check_keys(DATA_FILE, where, part, {"words", "endings"})
        for i, w in enumerate(_strings(where, require(DATA_FILE, where, part, "words", list), "words")):
            k = owners.claim(w, where, f"{where}.words[{i}]")
            if name != "ignore":
                (phrases if " " in k else words)[k] = name
        for i, e in enumerate(_strings(where, require(DATA_FILE, where, part, "endings", list), "endings")):
            k = _key(e)
            if k in ending_owner and ending_owner[k] != where:
                raise fail(DATA_FILE, f"{where}.endings[{i}]", f"'{e}' is also claimed by {ending_owner[k]}")
            ending_owner[k] = where
            endings.append((k, name))
    ignore_words = frozenset(k for k, o in owners.owner.items() if o == "tense.ignore")
    return TenseMarkers(
        words=words,
        phrases=phrases,
        endings=tuple(sorted(((e, t) for e, t in endings if t != "ignore"), key=lambda x: -len(x[0]))),
        ignore_words=ignore_words,
        ignore_endings=tuple(e for e, t in endings if t == "ignore"),
    )


def validate_timex(raw: Any, cal: CalendarData) -> TimexData:
    """Check parsed ``timex.yaml`` against the calendar data; LanguageDataError if broken."""
    if not isinstance(raw, dict):
        raise fail(DATA_FILE, "top level", f"expected a mapping, got {type(raw).__name__}")
    check_keys(DATA_FILE, "top level", raw, _TOP_KEYS)
    missing = sorted(_TOP_KEYS - set(raw))
    if missing:
        raise fail(DATA_FILE, "top level", f"missing required key(s) {missing}")

    owners = _Owners()
    # Month and weekday names belong to calendar.yaml: no word here may be one.
    for table, aliases in (("gregorian_months", cal.gregorian_months), ("bangla_months", cal.bangla_months),
                           ("weekdays", cal.weekdays)):
        for k, num in aliases.items():
            owners.owner[k] = f"calendar.yaml {table} {num}"

    # Suffixes have a namespace of their own.
    inflections = _word_list(raw, "inflections", None)
    classifiers = _word_list(raw, "number_classifiers", None)
    hour_markers = _word_list(raw, "hour_markers", None)

    genitive_endings = _word_list(raw, "genitive_endings", None)
    key = "months_no_inflection"
    no_inflection = set()
    for i, w in enumerate(_strings(key, require(DATA_FILE, "top level", raw, key, list), key)):
        k = _key(w)
        if k not in cal.gregorian_months:
            raise fail(DATA_FILE, f"{key}[{i}]", f"'{w}' is not a month name in calendar.yaml")
        no_inflection.add(k)

    relative_days: dict[str, RelativeDay] = {}
    for offset, keys, entry in _table(raw, "relative_days", "offset", _int_in(-7, 7), owners,
                                      {"by_tense": bool, "part": str}):
        part = entry.get("part")
        if part is not None and part not in PARTS:
            raise fail(DATA_FILE, f"relative_days offset {offset}", f"part {part!r} is not one of {list(PARTS)}")
        for k in keys:
            relative_days[k] = RelativeDay(offset, bool(entry.get("by_tense", False)), part)

    def simple(table: str, label_key: str, check: Callable[[str, Any], Any]) -> dict[str, Any]:
        return {k: label for label, keys, _ in _table(raw, table, label_key, check, owners) for k in keys}

    modifiers = simple("modifiers", "meaning", _one_of(MEANINGS))
    units = simple("units", "unit", _one_of(UNITS))
    missing_units = sorted(set(UNITS) - set(units.values()))
    if missing_units:
        raise fail(DATA_FILE, "units", f"no words for unit(s) {missing_units}")
    ordinal_days = simple("ordinal_days", "day", _int_in(1, 31))
    number_words = simple("number_words", "value", _int_in(1, 99))
    multipliers = simple("multipliers", "value", _int_in(10, 10_000_000))
    fraction_numbers = simple("fraction_numbers", "value", _positive_number)
    quarter_words = simple("quarter_words", "minutes", _int_in(-59, 59))
    comparisons = simple("comparisons", "mod", _one_of(COMPARISON_MODS))
    relations = simple("relations", "relation", _one_of(RELATIONS))
    date_relations: dict[str, str] = {}
    for i, k in enumerate(_word_list(raw, "date_relations", None)):  # words claimed by `relations`
        rel = relations.get(k)
        if rel not in ("before", "after", "within"):
            raise fail(DATA_FILE, f"date_relations[{i}]", f"'{k}' is not a before/after/within word in `relations`")
        date_relations[k] = rel
    positions = simple("positions", "mod", _one_of(POSITION_MODS))
    day_parts = simple("day_parts", "part", _one_of(PARTS))
    clock_prefixes = simple("clock_prefixes", "rule", _one_of(("am", "pm", "noon", "night", "day")))

    part_rules: dict[str, str] = {}
    for k, part in day_parts.items():
        rule = PART_RULES[part]
        cal_rule = cal.day_periods.get(k)
        if cal_rule is not None and cal_rule != rule:
            raise fail(DATA_FILE, f"day_parts part {part}",
                       f"'{k}' is a '{cal_rule}' word in calendar.yaml, but part {part} means '{rule}'")
        part_rules[k] = rule

    lists = {
        key: _word_list(raw, key, owners)
        for key in ("year_markers", "anaphoric_year_words", "fiscal_year_markers", "event_days", "date_markers", "vague_numbers",
                    "approx_words", "duration_fillers", "clock_approx", "night_after", "range_connectors",
                    "set_words", "anchor_gap_words")
    }
    return TimexData(
        bare_month_followers=_word_list(raw, "bare_month_followers", None),  # words claimed elsewhere
        inflections=inflections,
        months_no_inflection=frozenset(no_inflection),
        genitive_endings=genitive_endings,
        relative_days=relative_days,
        modifiers=modifiers,
        units=units,
        ordinal_days=ordinal_days,
        number_words=number_words,
        multipliers=multipliers,
        number_classifiers=classifiers,
        fraction_numbers=fraction_numbers,
        quarter_words=quarter_words,
        comparisons=comparisons,
        relations=relations,
        date_relations=date_relations,
        positions=positions,
        day_parts=day_parts,
        part_rules=part_rules,
        hour_markers=hour_markers,
        clock_prefixes=clock_prefixes,
        tense=_tense(raw),
        **lists,
    )


def load_timex_data() -> TimexData:
    """Load and validate the shipped ``timex.yaml`` (against ``calendar.yaml``)."""
    return validate_timex(load_yaml(DATA_FILE), load_calendar())


# --------------------------------------------------------------------------
# Mentions: what recognition read, before resolution
# --------------------------------------------------------------------------


@dataclass(slots=True)
class TimeOfDay:
    part: str | None = None  # MO, MI, AF, EV, NI
    hour: int | None = None  # 24-hour, after the 12-hour rule
    minute: int | None = None
    minutes_given: bool = False  # ৯টা ৩০ মিনিটে, ১৯:০৭, সাড়ে ৪টা (granularity minute); ১০টায় is hour
    approx: bool = False
    night_after: bool = False  # দিবাগত: the night after the day named
    warning: str | None = None


@dataclass(slots=True)
class Mention:
    """One recognised expression in normalised-text offsets.

    ``kind`` is one of: date, month, year, decade, weekday, relday, relunit,
    ago, duration, clock, bangla, range.  Only the fields that kind uses are set.
    """

    start: int
    end: int
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None  # a Gregorian year written in the text
    year_shift: int | None = None  # গত/আগামী/চলতি বছরের: -1/+1/0 from the reference year
    modifier: str | None = None  # last/next/this before a month, weekday, date or unit
    weekday: int | None = None
    numeric: bool = False  # 12/07/2025
    tod: TimeOfDay | None = None
    offset: int | None = None  # relday; a weekday after আজ/গতকাল ("গতকাল মঙ্গলবার")
    by_tense: bool = False
    unit: str | None = None
    count: float | None = None  # None with vague=True
    vague: bool = False
    relation: str | None = None  # before/after/within/during
    event_anchored: bool = False  # "নির্বাচনের ৬০ দিন আগে": counted from an event
    mod: str | None = None
    bangla: tuple[int, int, int | None] | None = None  # (day, month, year)
    decade: str | None = None
    parts: list["Mention"] = field(default_factory=list)  # a range's two ends
    end_tod: TimeOfDay | None = None  # the end of a clock range: "দুপুর ২টা থেকে রাত ৮টা"
    fiscal: bool = False  # a fiscal-year range: ২০২৩-২৪ অর্থবছরে
    # "ওই বছরের নভেম্বরে": where the phrase pointing back to the year the text told last starts
    that_year_from: int | None = None


# --------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------

_SP = r"[^\S\n]"
_S = rf"{_SP}+"
_OS = rf"{_SP}*"
_L = r"(?<![\p{L}\p{M}])"
_R = r"(?![\p{L}\p{M}])"
_DASH = r"[\-–—]"


def _alt(words: Iterable[str]) -> str:
    """Alternation of words (already keys or raw), longest first; inner spaces match runs of spaces."""
    forms = sorted({_normalize(w)[0].casefold() for w in words}, key=len, reverse=True)
    if not forms:
        return r"(?!)"
    return "|".join(rf"{_S}".join(regex.escape(p) for p in f.split()) for f in forms)


def _abbreviations(aliases: dict[str, int]) -> set[str]:
    """Aliases that are a shorter prefix of another alias of the same entry (জানু, Jan)."""
    by_num: dict[int, list[str]] = {}
    for k, n in aliases.items():
        by_num.setdefault(n, []).append(k)
    out = set()
    for keys in by_num.values():
        for k in keys:
            if any(o != k and o.startswith(k) for o in keys):
                out.add(k)
    return out


def _head(words: list[str]) -> str:
    """A lookahead for what a core starts with: a digit or one of ``words``.

    Cheap to test, so the engine rejects most positions before it tries the
    prefix lookbehind and the core.  Empty for digit-only cores, where the
    engine finds the digits by itself.
    """
    if not words:
        return ""
    chars = {"0-9"} | {regex.escape(_normalize(w)[0].casefold()[0]) for w in words}
    return "(?=[" + "".join(sorted(chars)) + "])(?=[0-9]|" + _alt(words) + ")"


SEED_ANYWHERE, SEED_WORD_START, SEED_WHOLE_WORD = "any", "start", "word"


def _seed_forms(words: Iterable[str], mode: str, whole: frozenset[str] | set[str] = frozenset(),
                ) -> tuple[tuple[str, str], ...]:
    """Seeds to look for with str.find: ``(string, mode)``; Latin ones lower-cased
    (they are looked for in a lower-cased copy of the text).

    ``mode`` says where an occurrence counts: anywhere, at a word start, or
    only as a whole word (for the words in ``whole``, e.g. "আগ" for August,
    which is the start of আগে and আগামী).
    """
    out: set[tuple[str, str]] = set()
    for w in words:
        k = _normalize(w)[0]
        m = SEED_WHOLE_WORD if (k in whole or k.isascii()) else mode
        out.add((k.lower() if k.isascii() else k, m))
    return tuple(sorted(out))


def _bengali(k: str) -> bool:
    return any("\u0980" <= c <= "\u09ff" for c in k)


@dataclass(frozen=True, slots=True)
class Family:
    """One pattern of the grammar and the words that must occur in any match of it.

    ``seeds`` None means the pattern runs over the whole text (cheap
    digit-led patterns); otherwise it runs only in windows around
    occurrences of a seed, found with :meth:`str.find`, or -- when the core
    of every match starts with a seed (``anchored``) -- only at those
    occurrences.
    """

    name: str
    pattern: Pattern
    seeds: tuple[tuple[str, str], ...] | None
    anchored: bool = False  # the core starts at a seed: try the pattern only there


@dataclass(slots=True)
class Grammar:
    data: TimexData
    cal: CalendarData
    families: list[Family]
    number_token: Pattern
    set_before: Pattern
    tense_word: Pattern
    tense_phrase: Pattern | None
    bare_month_ok: Pattern  # what may follow a bare month name
    genitive_before: Pattern  # a genitive word just before a count (event-anchored)
    genitive_end: Pattern  # an expression ending in the genitive (ডিসেম্বরের, ৭টার, ২০২৪-এর)
    date_relation: Pattern  # আগে/পর/মধ্যে after a genitive date or clock
    clock_end: Pattern  # "থেকে রাত ৮টা" after a clock time: the end of a clock range
    that_year: Pattern  # "ওই বছরের", "একই বছরে": the year the text told last


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the grammar once per process."""
    cal = load_calendar()
    d = validate_timex(load_yaml(DATA_FILE), cal)
    f = regex.IGNORECASE

    INF = rf"(?:-?(?:{_alt(d.inflections)}))?"

    def inf(name: str) -> str:
        return rf"(?:-?(?P<{name}>{_alt(d.inflections)}))?"

    def words(ws: Iterable[str]) -> str:
        return rf"{_L}(?:{_alt(ws)})"

    # Months.  Beside a number any alias will do; as a word only Bengali full names.
    gm = cal.gregorian_months
    abbr = _abbreviations(gm)
    no_inf = set(d.months_no_inflection)
    infl_bn = [k for k in gm if _bengali(k) and k not in abbr and k not in no_inf]
    plain_num = [k for k in gm if k not in infl_bn]
    plain_bn = [k for k in gm if _bengali(k) and k not in abbr and k in no_inf]

    def mon_num(name: str) -> str:
        return rf"{_L}(?:(?P<{name}>{_alt(infl_bn)}){inf(name + '_inf')}|(?P<{name}>{_alt(plain_num)})\.?){_R}"

    def mon_word(name: str) -> str:
        return rf"{_L}(?:(?P<{name}>{_alt(infl_bn)}){inf(name + '_inf')}|(?P<{name}>{_alt(plain_bn)})){_R}"

    wd_keys = [k for k in cal.weekdays if k not in _abbreviations(cal.weekdays)]
    WD = rf"{_L}(?P<wd>{_alt(wd_keys)}){INF}{_R}"
    daysuf = _alt(cal.day_suffixes)

    def day(name: str, guard: bool = True) -> str:
        g = r"(?<![0-9]|[0-9][.:/,\-])" if guard else r"(?<![0-9])"
        return rf"{g}(?P<{name}>[0-9]{{1,2}})(?![0-9])(?:{daysuf})?"

    def dayw(name: str) -> str:
        return rf"(?:{day(name)}|{_L}(?P<{name}_w>{_alt(d.ordinal_days)}){_R})"

    def year(name: str, guard: bool = True) -> str:
        g = r"(?<![0-9][.,]?)" if guard else r"(?<![0-9])"
        return rf"{g}(?P<{name}>(?:1[5-9]|20)[0-9]{{2}})(?![0-9])"

    digit_inf = rf"(?:[\-'’]?(?:এর|এ|র|তে|ও|ই)|{_SP}এর){_R}"
    digit_inf = _normalize(digit_inf)[0]
    YMARK = rf"{words(d.year_markers)}{INF}{_R}"
    ERA = rf"{words(cal.gregorian_era)}\.?{INF}{_R}"
    year_tail = rf"(?:{_OS}(?:{YMARK}|{ERA})|{digit_inf})"
    UNIT = {u: rf"{words([k for k, v in d.units.items() if v == u])}" for u in UNITS}
    MODS = _alt(d.modifiers)
    # A year prefix: গত বছরের / চলতি বছরের / ২০২৪ সালের / ২০২৪-এর
    YPRE = (
        rf"(?:{_L}(?P<ymod>{MODS}){_OS}{UNIT['year']}{INF}{_R}"
        rf"|{year('yp')}{_OS}(?:{YMARK}|{ERA}|{digit_inf}))"
    )
    POS = rf"{_L}(?P<pos>{_alt(d.positions)}){_R}"
    PART = rf"{_L}(?P<part>{_alt(d.day_parts)})"
    hm = _alt(d.hour_markers)
    minute = rf"{UNIT['minute']}{INF}{_R}"
    QUARTER = rf"(?:{_L}(?P<quarter>{_alt(d.quarter_words)}){_S})"

    # Hours in words (সকাল সাতটায়): the number words of a 12-hour clock face.
    hour_words = [w for w, v in d.number_words.items() if 1 <= v <= 12]

    def clocknum(quarter: bool) -> str:
        q = f"{QUARTER}?" if quarter else ""
        return (
            r"(?:"
            rf"{q}(?<![0-9:.])(?P<h>[0-9]{{1,2}}){_OS}-?(?:{hm})"
            rf"(?P<hminf>য়ই|য়|র|ই)?{_R}(?:{_S}(?P<mi>[0-9]{{1,2}}){_OS}{minute})?"
            rf"|{_L}(?P<hw>{_alt(d.fraction_numbers)})-?(?:{hm})(?P<hminf>য়ই|য়|র|ই)?{_R}"
            rf"|{q}{_L}(?P<hn>{_alt(hour_words)})-?(?:{hm})(?P<hminf>য়ই|য়|র|ই)?{_R}"
            rf"|(?<![0-9:.])(?P<h>[0-9]{{1,2}})(?P<sep>[:ঃ.])(?P<mi>[0-9]{{2}})(?![0-9]|[:.][0-9])"
            rf"(?:{_OS}{minute}|{digit_inf})?"
            r")"
            rf"(?:{_S}(?P<capprox>{words(d.clock_approx)}){_R})?"
        )

    CLOCKNUM = clocknum(True)
    CPRE = rf"{_L}(?P<cpre>{_alt(d.clock_prefixes)}){_R}"
    NIGHT = rf"(?:{words(d.night_after)}(?P<dib>){_R}{_S})?"
    TOD = (
        rf"(?P<todall>{NIGHT}(?:{PART}{inf('part_inf')}{_R}(?:{_S}{CLOCKNUM})?"
        rf"|(?:{CPRE}{_S})?{CLOCKNUM}))"
    )
    DATEMARK = rf"(?:{_S}{words(d.date_markers)}{INF}{_R})"
    CONN = rf"(?:{_OS}{_DASH}{_OS}|{_S}{words(d.range_connectors)}{_R}{_S})"

    # Counts: digits, number words (with multipliers and classifiers), halves, vague words.
    numw = _alt(d.number_words)
    mult = _alt(d.multipliers)
    NUMSEQ = rf"(?:{numw})(?:{mult})?(?:{_S}(?:(?:{numw})(?:{mult})?|(?:{mult})))*"
    classif = rf"(?:-?(?:{_alt(d.number_classifiers)}))?"
    # The quarter word (সাড়ে তিন) is matched as part of the prefix, see below.
    COUNT = (
        r"(?:"
        rf"(?:(?<![0-9.,])(?P<num>[0-9]+(?:\.[0-9]+)?)(?![0-9])|{_L}(?P<numw>{NUMSEQ})){classif}"
        rf"|{_L}(?P<fracw>{_alt(d.fraction_numbers)})"
        rf"|{_L}(?P<vague>{_alt(d.vague_numbers)})"
        r")"
    )
    ANY_UNIT = rf"(?P<unit>{_alt(d.units)})"  # no word start: "দুদিন" glues count and unit
    BEFORE_AFTER = _alt(k for k, v in d.relations.items() if v in ("before", "after"))
    WITHIN_DURING = _alt(k for k, v in d.relations.items() if v in ("within", "during"))
    APPROX = rf"{_L}(?P<approx>{_alt(d.approx_words)}){_R}"
    CMP = rf"(?:{_OS}{_L}(?P<cmp>{_alt(d.comparisons)}){_R})?"

    # Each family is (prefix, core).  The prefix -- modifiers and words that
    # may come before the core (গত, আগামী, শনিবার, প্রায়, সকাল) -- is matched
    # inside a lookbehind and captured as group "pre": the match itself then
    # starts with the core (a digit, a month, a unit...), which lets the engine
    # skip ahead to where a core can begin instead of trying every word.
    # Before a weekday: গত/আগামী, a day word relative to the reference (আজ, গতকাল মঙ্গলবার) or
    # to an event (আগের দিন শুক্রবার).
    plain_days = [k for k, rd in d.relative_days.items() if rd.part is None]
    WD_LEAD = (rf"(?:{_L}(?P<wmod>{MODS}){_S}|{_L}(?P<rdw>{_alt(plain_days)}){INF}{_R}{_S}"
               rf"|{_L}(?P<evd>{_alt(d.event_days)}){_R}{_S})")
    wd_pre = rf"(?:{WD_LEAD}?{WD}{_OS},?{_OS}(?P<pa>\()?{_OS})?"
    wd_post = rf"(?:{_OS},?{_OS}(?P<pb>\()?{_OS}{WD}{_OS}(?(pb)\)))?"
    tod_post = rf"(?:(?:{_OS},{_OS}|{_S}){TOD})?"
    date_pre = rf"{wd_pre}(?:{_L}(?P<dmod>{MODS}){_S})?(?:{YPRE}{_S})?"

    def dated(core: str) -> str:
        return rf"{core}{DATEMARK}?(?(pa){_OS}\)){wd_post}{tod_post}"

    yopt = rf"(?:{_OS}[,\-/.]?{_OS}{year('y')}{year_tail}?)?"
    # Counts go behind the unit: the unit word (a handful of words) drives the scan.
    count_pre = rf"(?:{APPROX}{_S})?{QUARTER}?{COUNT}{_OS}"
    # Before a range of days or months: গত/আগামী (forcing the direction), a year (গত বছরের, ২০২৪ সালের).
    DMOD = rf"(?:{_L}(?P<dmod>{MODS}){_S})?"
    RPRE = rf"{DMOD}(?:{YPRE}{_S})?"

    # Words for the core lookaheads and the seeds (see Family and _head).
    months_w = list(gm)
    units = list(d.units)
    rel_units = [k for k, v in d.units.items() if v in ("week", "month", "year")]
    decade_w = [k for k, v in d.units.items() if v == "decade"]
    WHOLE = None  # seeds=WHOLE: run over the whole text

    # (family, prefix, core, core starts with one of, seeds, anchored at the seeds)
    specs: list[tuple[str, str, str, list[str], list[str] | None, bool]] = [
        # ১০ জুলাই ২০২৫, শনিবার (১২ জুলাই), গত বছরের ৫ আগস্ট, ২০২৫ সালের ১০ জুলাই
        ("date", date_pre, dated(rf"{day('d')}{_OS}[\-/.]?{_OS}{mon_num('m')}{yopt}"), [], months_w, False),
        # জুলাই ১০, ২০২৪
        ("date", wd_pre, dated(rf"{mon_num('m')}{_OS}{day('d', False)}(?:{_OS},{_OS}|{_S}){year('y')}{year_tail}?"),
         months_w, months_w, True),
        # 12/07/2025 (day first)
        ("date", wd_pre, dated(
            r"(?<![0-9]|[0-9][.:/\-])(?P<d>[0-9]{1,2})(?P<sep>[./\-])(?P<mo>[0-9]{1,2})(?P=sep)"
            r"(?P<y>(?:19|20)[0-9]{2})(?![0-9]|[./\-][0-9])" + rf"(?:{digit_inf})?"), [], WHOLE, False),
        # 2025-07-12
        ("date", wd_pre, dated(
            r"(?<![0-9]|[0-9][.:/\-])(?P<y>(?:19|20)[0-9]{2})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])"
            rf"(?:{digit_inf})?"),
         [], WHOLE, False),
        # জুলাই মাসের ১০ তারিখে
        ("date", date_pre, dated(rf"{mon_word('m')}(?:{_S}{UNIT['month']}{INF}{_R})?{_S}{dayw('d')}{DATEMARK}"),
         months_w, list(d.date_markers), False),
        # জুলাই-আগস্টে
        ("range", RPRE, rf"{mon_word('m1')}{CONN}{mon_word('m2')}"
         rf"(?:{_S}(?P<munit>{UNIT['month']}){INF}{_R})?(?:{_OS},?{_OS}{year('y')}{year_tail}?)?",
         months_w, months_w, True),
        # ১০ থেকে ১২ জুলাই
        ("range", RPRE, rf"{day('d1')}{CONN}{day('d2', False)}{_OS}{mon_num('m')}{yopt}",
         [], months_w, False),
        # ১০ জুলাই থেকে ১২ আগস্ট
        ("range", DMOD, rf"{day('d1')}{_OS}{mon_num('m1')}(?:{_OS},?{_OS}{year('y1')})?{CONN}"
         rf"{day('d2', False)}{_OS}{mon_num('m2')}(?:{_OS},?{_OS}{year('y2')}{year_tail}?)?", [], months_w, False),
        # ২০১৮-২০২০ সালে
        ("range", "", rf"{year('y1')}(?:{_OS}(?P<ym1>{YMARK}))?{CONN}{year('y2', False)}"
         rf"(?:{_OS}(?P<ym2>{YMARK})|{digit_inf})?", [], WHOLE, False),
        # ২০২৩-২৪ অর্থবছরে, ২০২৩-২০২৪ অর্থবছরের, ১৯৭১-৭২ সালে
        ("range", "", rf"{year('y1')}{_OS}{_DASH}{_OS}(?:{year('y2', False)}|(?P<y2s>[0-9]{{2}})(?![0-9]))"
         rf"{_OS}(?:{_L}(?P<fy>{_alt(d.fiscal_year_markers)}){INF}{_R}|(?P<ym2>{YMARK}))", [], WHOLE, False),
        # জুলাই মাসে, গত ফেব্রুয়ারিতে, চলতি বছরের এপ্রিলে, ১৯৮১ সালের মে মাসে
        ("month", rf"(?:{_L}(?P<mmod>{MODS}){_S}|{YPRE}{_S})?",
         rf"{mon_word('m')}(?:{_S}(?P<munit>{UNIT['month']}){INF}{_R})?"
         rf"(?:{_OS},?{_OS}{year('y')}{year_tail}?)?(?:{_S}{POS})?", months_w, months_w, True),
        # ২০২৪ সালে, ২০২১ সালের পর
        ("year", "", rf"{year('y')}{year_tail}(?:{_S}(?:{POS}|{_L}(?P<rel>{BEFORE_AFTER}){_R}))?",
         [], WHOLE, False),
        # আশির দশকে, ১৯৯০-এর দশকে
        ("decade", "", rf"(?:{year('y')}{_OS}[\-'’]?|{_L}(?P<dw>{numw}))(?:এর|র|ের|য়ের){_S}"
         rf"{UNIT['decade']}{INF}{_R}", list(d.number_words), decade_w, False),
        # আজ, গতকাল রাতে, আজ বিকেল ৫টায়
        ("relday", "", rf"{_L}(?P<rd>{_alt(d.relative_days)}){INF}{_R}(?:{_S}{TOD})?",
         list(d.relative_days), [k.split()[0] for k in d.relative_days], True),
        # গত মাসে, আগামী সপ্তাহে, এ বছর, চলতি মাসের শুরুতে
        ("relunit", "", rf"{_L}(?P<rmod>{MODS}){_OS}(?P<ru>{_alt(rel_units)}){INF}{_R}(?:{_S}{POS})?",
         list(d.modifiers), rel_units, False),
        # শনিবার, মঙ্গলবারের, বৃহস্পতিবার সকালে, গত শুক্রবার
        ("weekday", rf"{WD_LEAD}?", rf"{WD}(?:{_S}{TOD})?", wd_keys, wd_keys, True),
        # তিন দিন আগে, কয়েক ঘণ্টা আগে, দুদিন পর
        ("ago", count_pre, rf"{ANY_UNIT}{INF}{_R}{_S}{_L}(?P<rel>{BEFORE_AFTER}){_R}", units, units, True),
        # তিন বছরের বেশি সময় ধরে, ৭২ ঘণ্টার মধ্যে, কয়েক দিন
        ("duration", rf"(?:{_L}(?P<dmod>{MODS}){_S})?{count_pre}",
         rf"{ANY_UNIT}{INF}{_R}{CMP}"
         rf"(?:{_S}{words(d.duration_fillers)}{INF}{_R})?(?:{_S}{_L}(?P<rel>{WITHIN_DURING}){_R})?",
         units, units, True),
        # সকাল ১০টায়, রাত ৯টা ৩০ মিনিটে, ১৯:০৭, বিকেল সাড়ে ৪টায়
        ("clock", rf"{NIGHT}(?:{PART}{inf('part_inf')}{_R}{_S}|{CPRE}{_S})?{QUARTER}?", clocknum(False),
         list(d.fraction_numbers) + hour_words, WHOLE, False),
        # ২৬ আষাঢ় ১৪৩২, পহেলা বৈশাখ
        ("bangla", "", rf"(?:{day('bd')}|{_L}(?P<bdw>{_alt(d.ordinal_days)}){_R}){_OS}"
         rf"{_L}(?P<bm>{_alt(cal.bangla_months)}){INF}{_R}"
         rf"(?:{_OS},?{_OS}(?P<by>1[3-5][0-9]{{2}})(?![0-9])(?:{_OS}{words(cal.bangla_era)}{INF}{_R})?)?",
         list(d.ordinal_days), list(cal.bangla_months), False),
    ]
    # Every core starts a word or a number -- except that a count may be glued
    # to its unit (দুদিন), where the unit is inside the word.  Literals typed in
    # this file (য়, ের) are normalised like the text they meet.
    start = r"(?<![\p{L}\p{M}0-9])"
    whole_seeds = abbr | no_inf  # never inflected, and often the start of other words (আগ: আগে)
    compiled = []
    for fam, pre, core, head, seeds, anchored in specs:
        glued = fam in ("ago", "duration")
        pattern = regex.compile(
            unicodedata.normalize("NFC", _head(head) + ("" if glued else start) + rf"(?<=(?P<pre>{pre}))" + core), f)
        mode = SEED_ANYWHERE if glued else SEED_WORD_START
        compiled.append(Family(fam, pattern, None if seeds is None else _seed_forms(seeds, mode, whole_seeds),
                               anchored))

    tm = d.tense
    phrase = regex.compile(rf"{_L}(?:{_alt(tm.phrases)}){_R}", f) if tm.phrases else None
    return Grammar(
        data=d,
        cal=cal,
        families=compiled,
        number_token=regex.compile(rf"{_alt(d.number_words)}|{_alt(d.multipliers)}", f),
        set_before=regex.compile(rf"{_L}(?:{_alt(d.set_words)}){_S}\Z", f),
        tense_word=regex.compile(r"[\p{L}\p{M}]+", f),
        tense_phrase=phrase,
        bare_month_ok=regex.compile(rf"{_S}{words(d.bare_month_followers)}{_R}", f),
        genitive_before=regex.compile(unicodedata.normalize(
            "NFC", rf"(?:-|{_L}[\p{{L}}\p{{M}}]*)(?:{_alt(d.genitive_endings)}){_S}"
                   rf"(?:{words(d.anchor_gap_words)}{_R}{_S})?\Z"), f),
        genitive_end=regex.compile(unicodedata.normalize(
            "NFC", rf"(?:(?:{_alt(d.genitive_endings)})|-র)\Z"), f),
        date_relation=regex.compile(rf"{_S}{_L}(?P<rel>{_alt(d.date_relations)}){_R}", f),
        clock_end=regex.compile(unicodedata.normalize(
            "NFC", rf"{CONN}{NIGHT}(?:{PART}{inf('part_inf')}{_R}{_S}|{CPRE}{_S})?{QUARTER}?{clocknum(False)}"), f),
        that_year=regex.compile(
            rf"{words(d.anaphoric_year_words)}{_S}(?:{UNIT['year']}|{words(d.year_markers)}){INF}{_R}", f),
    )


# --------------------------------------------------------------------------
# Reading matches
# --------------------------------------------------------------------------


def _mk(matched: str) -> str:
    """Lookup key of matched (already normalised) text: casefolded, single spaces."""
    return " ".join(matched.casefold().split())


def _start(m: Match) -> int:
    """Where the expression starts: at its prefix (group "pre", matched behind the core)."""
    return m.start("pre")


def _g(m: Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month(m: Match, name: str, g: Grammar) -> int | None:
    v = _g(m, name)
    return g.cal.gregorian_months.get(_mk(v)) if v else None


def _apply_rule(hour: int, rule: str | None) -> int:
    """A 12-hour reading to 24-hour.

    am/pm/noon/night are calendar.yaml's day-period rules (the page-date
    parser's own function).  ``day`` -- বেলা, or a bare "৩টায়" -- is daytime:
    1-6 are afternoon hours (news writes ভোর/রাত for the small hours).
    """
    if rule in PART_RULES.values():
        return _apply_period(hour, rule)
    if rule == "day" and 1 <= hour <= 6:
        return hour + 12
    return hour


def _tod(m: Match, g: Grammar, default_part: str | None = None) -> TimeOfDay | None:
    """The time of day read by TOD/CLOCKNUM groups, or None if none matched."""
    d = g.data
    part_word = _g(m, "part")
    h, hw = _g(m, "h"), _g(m, "hw")
    if h is None and (hn := _g(m, "hn")) is not None:
        h = str(d.number_words[_mk(hn)])  # সাতটা: read as ৭টা
    if part_word is None and h is None and hw is None:
        return None
    tod = TimeOfDay(night_after=_g(m, "dib") is not None, part=default_part)
    rule = PART_RULES[default_part] if default_part else None
    if part_word:
        k = _mk(part_word)
        tod.part = d.day_parts[k]
        rule = d.part_rules[k]
    if (cp := _g(m, "cpre")) is not None:
        rule = d.clock_prefixes[_mk(cp)]
    if h is None and hw is None:
        return tod
    if hw is not None:  # দেড়টা = 1:30, আড়াইটা = 2:30
        hour, minute = divmod(round(d.fraction_numbers[_mk(hw)] * 60), 60)
        tod.minutes_given = True
    else:
        hour = int(h)
        minute = int(_g(m, "mi") or 0)
        tod.minutes_given = _g(m, "mi") is not None or _g(m, "quarter") is not None
        if (q := _g(m, "quarter")) is not None:
            # সাড়ে ৪টা = 4:30, পৌনে ৫টা = 4:45; পৌনে ১টা is 12:45 on a 12-hour clock.
            if not 1 <= hour <= 23 or minute:
                tod.warning = "impossible-time"
                return tod
            hour, minute = divmod(hour * 60 + d.quarter_words[_mk(q)], 60)
            hour = hour or 12
    if hour > 23 or minute > 59:
        tod.warning = "impossible-time"
        return tod
    if rule is None and _g(m, "sep") is None:
        rule = "day"  # a bare "৩টায়" is 15:00; "১৯:০৭" is read as written
    hour = _apply_rule(hour, rule)
    tod.hour, tod.minute = hour, minute
    tod.approx = _g(m, "capprox") is not None
    return tod


_LOCATIVE = {unicodedata.normalize("NFC", s) for s in ("য়", "য়ই")}  # ১০টায়: "at ten"


def _hour_given(m: Match) -> bool:
    """Whether a clock match names an hour (in digits, as a fraction word or as a number word)."""
    return _g(m, "h") is not None or _g(m, "hw") is not None or _g(m, "hn") is not None


def _clock_ok(m: Match) -> bool:
    """A bare number + টা is often a count (১০টা গাড়ি): ask for a clear clock form."""
    if not _hour_given(m):
        return True
    if _g(m, "part") or _g(m, "cpre") or _g(m, "quarter") or _g(m, "hw") or _g(m, "capprox"):
        return True
    if _g(m, "hn") is not None:
        return False  # "একটায় জয়", "তিনটায়": an hour in words needs a part of day or a prefix
    sep = _g(m, "sep")
    if sep is not None:
        return sep != "."
    return bool(_g(m, "hminf") in _LOCATIVE or _g(m, "mi"))


def _attach_tod(men: Mention, m: Match, g: Grammar, default_part: str | None = None) -> None:
    """Read the time of day after a date/weekday/relative day; drop it if it is no clear clock."""
    if _g(m, "todall") is None:
        return
    if _clock_ok(m):
        men.tod = _tod(m, g, default_part)
    else:  # "১০ জুলাই ১০টা গাড়ি": keep the date, not the count
        men.end = m.start("todall")


def _count(m: Match, g: Grammar) -> tuple[float | None, bool]:
    """(count, vague) read by the COUNT groups."""
    d = g.data
    if _g(m, "vague") is not None:
        return None, True
    if (fw := _g(m, "fracw")) is not None:
        return d.fraction_numbers[_mk(fw)], False
    if (num := _g(m, "num")) is not None:
        value = float(num)
    else:
        total = current = 0
        for tok in g.number_token.finditer(_g(m, "numw") or ""):
            k = _mk(tok.group())
            if k in d.number_words:
                current += d.number_words[k]
            else:
                mul = d.multipliers[k]
                current = max(current, 1)
                if mul == 100:
                    current *= 100
                else:
                    total += current * mul
                    current = 0
        value = float(total + current)
    if (q := _g(m, "quarter")) is not None:
        value += d.quarter_words[_mk(q)] / 60
    return value, False


def _ymod(m: Match, g: Grammar) -> int | None:
    ym = _g(m, "ymod")
    if ym is None:
        return None
    return {"last": -1, "next": 1, "this": 0}[g.data.modifiers[_mk(ym)]]


def _read_date(m: Match, g: Grammar) -> Mention | None:
    d = g.data
    mon = _month(m, "m", g)
    if mon is None:
        mo = _g(m, "mo")
        mon = int(mo) if mo else None
        if mon is None or not 1 <= mon <= 12 or not 1 <= int(m.group("d")) <= 31:
            return None  # "45/13/2025" is a number, not a date
    dw = _g(m, "d_w")
    day = d.ordinal_days[_mk(dw)] if dw else int(m.group("d"))
    y = _g(m, "y") or _g(m, "yp")
    men = Mention(_start(m), m.end(), "date", day=day, month=mon, year=int(y) if y else None,
                  numeric=_g(m, "mo") is not None)
    men.year_shift = _ymod(m, g)
    if (dm := _g(m, "dmod") or _g(m, "wmod")) is not None:  # গত ৫ আগস্ট, আগামী শনিবার (১২ জুলাই)
        men.modifier = d.modifiers[_mk(dm)]
    if (wd := _g(m, "wd")) is not None:
        men.weekday = g.cal.weekdays[_mk(wd)]
    _attach_tod(men, m, g)
    return men


def _read_month(m: Match, g: Grammar) -> Mention | None:
    d = g.data
    mon = _month(m, "m", g)
    if mon is None:
        return None
    men = Mention(_start(m), m.end(), "month", month=mon)
    if (y := _g(m, "y") or _g(m, "yp")) is not None:
        men.year = int(y)
    men.year_shift = _ymod(m, g)
    if (mm := _g(m, "mmod")) is not None:
        men.modifier = d.modifiers[_mk(mm)]
    if (p := _g(m, "pos")) is not None:
        men.mod = d.positions[_mk(p)]
    context = (men.year is not None or men.year_shift is not None or men.modifier is not None
               or _g(m, "munit") is not None or _g(m, "m_inf") is not None)
    if not context and not g.bare_month_ok.match(m.string, m.end()):
        return None  # "জুলাই সনদ", "মে দিবস": a name, not a time
    return men


def _read_year(m: Match, g: Grammar) -> Mention:
    men = Mention(_start(m), m.end(), "year", year=int(m.group("y")))
    if (rel := _g(m, "rel")) is not None:
        men.relation = g.data.relations[_mk(rel)]
        men.mod = "BEFORE" if men.relation == "before" else "AFTER"
    elif (p := _g(m, "pos")) is not None:
        men.mod = g.data.positions[_mk(p)]
    return men


def _read_decade(m: Match, g: Grammar) -> Mention | None:
    if (y := _g(m, "y")) is not None:
        if int(y) % 10:
            return None
        return Mention(_start(m), m.end(), "decade", decade=y[:3], year=int(y))
    n = g.data.number_words[_mk(m.group("dw"))]
    if n % 10 or n < 20:
        return None
    return Mention(_start(m), m.end(), "decade", decade=f"19{n // 10}")


def _read_relday(m: Match, g: Grammar) -> Mention | None:
    rd = g.data.relative_days[_mk(m.group("rd"))]
    men = Mention(_start(m), m.end(), "relday", offset=rd.offset, by_tense=rd.by_tense)
    _attach_tod(men, m, g, rd.part)
    if rd.part and men.tod is None:  # গত রাতে
        men.tod = TimeOfDay(part=rd.part)
    return men


def _read_relunit(m: Match, g: Grammar) -> Mention:
    d = g.data
    men = Mention(_start(m), m.end(), "relunit", unit=d.units[_mk(m.group("ru"))],
                  modifier=d.modifiers[_mk(m.group("rmod"))])
    if (p := _g(m, "pos")) is not None:
        men.mod = d.positions[_mk(p)]
    return men


def _read_weekday(m: Match, g: Grammar) -> Mention | None:
    men = Mention(_start(m), m.end(), "weekday", weekday=g.cal.weekdays[_mk(m.group("wd"))])
    if (wm := _g(m, "wmod")) is not None:
        men.modifier = g.data.modifiers[_mk(wm)]
    elif (rdw := _g(m, "rdw")) is not None:  # গতকাল মঙ্গলবার: the relative word decides the day
        rd = g.data.relative_days[_mk(rdw)]
        men.offset, men.by_tense = rd.offset, rd.by_tense
    # An event day word (আগের দিন শুক্রবার) only joins the span: the weekday rule decides.
    _attach_tod(men, m, g)
    return men


def _read_ago(m: Match, g: Grammar) -> Mention:
    count, vague = _count(m, g)
    men = Mention(_start(m), m.end(), "ago", unit=g.data.units[_mk(m.group("unit"))], count=count, vague=vague,
                  relation=g.data.relations[_mk(m.group("rel"))])
    if _g(m, "approx") is not None:
        men.mod = "APPROX"
    start = men.start
    men.event_anchored = g.genitive_before.search(m.string, max(0, start - 40), start) is not None
    return men


def _read_duration(m: Match, g: Grammar) -> Mention:
    d = g.data
    count, vague = _count(m, g)
    men = Mention(_start(m), m.end(), "duration", unit=d.units[_mk(m.group("unit"))], count=count, vague=vague)
    if (rel := _g(m, "rel")) is not None:
        men.relation = d.relations[_mk(rel)]
    if (c := _g(m, "cmp")) is not None:
        men.mod = d.comparisons[_mk(c)]
    elif _g(m, "approx") is not None:
        men.mod = "APPROX"
    if (dm := _g(m, "dmod")) is not None:
        men.modifier = d.modifiers[_mk(dm)]
    return men


def _read_clock(m: Match, g: Grammar) -> Mention | None:
    if not _clock_ok(m):
        return None
    return Mention(_start(m), m.end(), "clock", tod=_tod(m, g))


def _read_bangla(m: Match, g: Grammar) -> Mention:
    bdw = _g(m, "bdw")
    day = g.data.ordinal_days[_mk(bdw)] if bdw else int(m.group("bd"))
    by = _g(m, "by")
    return Mention(_start(m), m.end(), "bangla",
                   bangla=(day, g.cal.bangla_months[_mk(m.group("bm"))], int(by) if by else None))


def _read_range(m: Match, g: Grammar) -> Mention | None:
    s, e = _start(m), m.end()
    y = _g(m, "y") or _g(m, "yp")
    year = int(y) if y else None
    shift = _ymod(m, g)
    dmod = g.data.modifiers[_mk(dm)] if (dm := _g(m, "dmod")) is not None else None
    if dmod == "this" and shift is None and year is None:  # এই ২৫ থেকে ২৭ আগস্ট: this year's
        shift, dmod = 0, None
    if _g(m, "m1") and _g(m, "d1") is None:  # জুলাই-আগস্টে
        if not (y or shift is not None or _g(m, "m2_inf") or _g(m, "munit")
                or g.bare_month_ok.match(m.string, m.end())):
            return None  # "জুলাই-আগস্ট আন্দোলন": a name
        a = Mention(s, e, "month", month=_month(m, "m1", g), year=year, year_shift=shift, modifier=dmod)
        b = Mention(s, e, "month", month=_month(m, "m2", g), year=year, year_shift=shift, modifier=dmod)
    elif _g(m, "y1") and _g(m, "d1") is None:  # ২০১৮-২০২০ সালে, ২০২৩-২৪ অর্থবছরে
        if _g(m, "ym1") is None and _g(m, "ym2") is None and _g(m, "fy") is None and \
                "-" not in m.group() and "–" not in m.group():
            return None
        y1 = int(m.group("y1"))
        if (ys := _g(m, "y2s")) is not None:  # ২০২৩-২৪: the century of the first year
            y2 = y1 - y1 % 100 + int(ys)
            if y2 <= y1:
                y2 += 100  # ১৯৯৯-০০
        else:
            y2 = int(m.group("y2"))
        if y2 <= y1:
            return None
        a, b = Mention(s, e, "year", year=y1), Mention(s, e, "year", year=y2)
        return Mention(s, e, "range", parts=[a, b], fiscal=_g(m, "fy") is not None)
    elif _g(m, "m1"):  # ১০ জুলাই থেকে ১২ আগস্ট
        y2 = int(m.group("y2")) if _g(m, "y2") else None
        y1 = int(m.group("y1")) if _g(m, "y1") else y2
        a = Mention(s, e, "date", day=int(m.group("d1")), month=_month(m, "m1", g), year=y1, modifier=dmod)
        b = Mention(s, e, "date", day=int(m.group("d2")), month=_month(m, "m2", g), year=y2, modifier=dmod)
    else:  # ১০ থেকে ১২ জুলাই
        mon = _month(m, "m", g)
        a = Mention(s, e, "date", day=int(m.group("d1")), month=mon, year=year, year_shift=shift, modifier=dmod)
        b = Mention(s, e, "date", day=int(m.group("d2")), month=mon, year=year, year_shift=shift, modifier=dmod)
        if b.day is not None and a.day is not None and b.day <= a.day:
            return None
    return Mention(s, e, "range", parts=[a, b])


_READERS: dict[str, Callable[[Match, Grammar], Mention | None]] = {
    "date": _read_date,
    "month": _read_month,
    "year": _read_year,
    "decade": _read_decade,
    "relday": _read_relday,
    "relunit": _read_relunit,
    "weekday": _read_weekday,
    "ago": _read_ago,
    "duration": _read_duration,
    "clock": _read_clock,
    "bangla": _read_bangla,
    "range": _read_range,
}
_PRIORITY = {fam: i for i, fam in enumerate(_READERS)}
# Kinds that may carry a clock time, and so start a clock range.
_TOD_KINDS = {"clock", "date", "weekday", "relday"}
# Kinds a genitive + আগে/পর/মধ্যে joins ("ডিসেম্বরের মধ্যে"); not counts, durations or ranges.
_RELATION_KINDS = {"date", "month", "year", "decade", "weekday", "relday", "relunit", "clock", "bangla"}
_RELATION_MODS = {"before": "BEFORE", "after": "AFTER", "within": "ON_OR_BEFORE"}


def _clock_range(men: Mention, norm: str, g: Grammar) -> None:
    """Join "থেকে রাত ৮টা" to a mention ending in a clock time: one expression, with ``end_tod``."""
    tod = men.tod
    if men.kind not in _TOD_KINDS or tod is None or tod.hour is None or tod.warning:
        return
    m = g.clock_end.match(norm, men.end)
    if m is None or not _hour_given(m):
        return
    end = _tod(m, g)
    if end is None or end.hour is None or end.warning:
        return
    if not (_g(m, "part") or _g(m, "cpre") or _g(m, "sep") or _g(m, "hw")) and end.hour <= 12:
        # A bare end hour (সকাল ১০টা থেকে ২টা) is its first 12-hour reading after the start.
        start = tod.hour * 60 + (tod.minute or 0)
        for h in (end.hour % 12, end.hour % 12 + 12):
            if h * 60 + (end.minute or 0) > start:
                end.hour = h
                break
        else:  # "রাত ১০টা থেকে ১২টা": past midnight, the first reading of the next day
            end.hour %= 12
    men.end_tod, men.end = end, m.end()


def _join_relation(men: Mention, norm: str, g: Grammar) -> None:
    """Join আগে/পর/মধ্যে to a genitive date, month, year, weekday or clock ("১৫ জুলাইয়ের আগে")."""
    if (men.kind not in _RELATION_KINDS or men.mod is not None or men.relation is not None
            or men.end_tod is not None):
        return
    if not g.genitive_end.search(norm[max(men.start, men.end - 4):men.end]):
        return  # "ডিসেম্বর মধ্যে" is no Bengali; "বৈঠকের পর" never got here
    m = g.date_relation.match(norm, men.end)
    if m is None:
        return
    rel = g.data.date_relations[_mk(m.group("rel"))]
    men.mod, men.end = _RELATION_MODS[rel], m.end()
    if men.kind == "year" and rel != "within":  # as the year pattern reads "২০২১ সালের পর"
        men.relation = rel


# A weekday or month after a set word (প্রতি শুক্রবার) repeats: not reported.
_SET_KINDS = {"weekday", "month", "date"}


_WINDOW_BACK = 70  # characters before a seed where a match may start
_WINDOW_AHEAD = 110  # characters after a seed where a match may end
_SPACE = regex.compile(r"\s")
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


class _Seeds:
    """Where seeds occur in one text, found with str.find and cached per seed."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.cache: dict[tuple[str, str], list[int]] = {}
        self._lower: str | None = None

    def lower(self) -> str:
        """A lower-cased copy for Latin seeds ("" when the text has no Latin letters)."""
        if self._lower is None:
            low = self.norm.lower() if _ASCII_LETTER.search(self.norm) else ""
            self._lower = low if len(low) == len(self.norm) else ""
        return self._lower

    def hits(self, seed: tuple[str, str]) -> list[int]:
        if seed in self.cache:
            return self.cache[seed]
        word, mode = seed
        norm, n = self.norm, len(self.norm)
        hay = self.lower() if word.isascii() else norm
        hits: list[int] = []
        i = hay.find(word) if hay else -1
        while i >= 0:
            if mode == SEED_ANYWHERE or i == 0 or not _LETTER.match(norm, i - 1):
                j = i + len(word)
                if mode != SEED_WHOLE_WORD or j == n or not _LETTER.match(norm, j):
                    hits.append(i)
            i = hay.find(word, i + 1)
        self.cache[seed] = hits
        return hits

    def positions(self, seeds: tuple[tuple[str, str], ...]) -> list[int]:
        return sorted({i for seed in seeds for i in self.hits(seed)})

    def windows(self, seeds: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
        """Merged windows around the seeds' occurrences, cut at white space.

        A window never ends inside a word, so a word-end test at its end is honest.
        """
        norm, n = self.norm, len(self.norm)
        spans = sorted(
            (max(0, i - _WINDOW_BACK), min(n, i + len(seed[0]) + _WINDOW_AHEAD))
            for seed in seeds for i in self.hits(seed)
        )
        if not spans:
            return []
        merged = [list(spans[0])]
        for s, e in spans[1:]:
            if s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        out = []
        for s, e in merged:
            while s > 0 and not norm[s - 1].isspace():
                s -= 1
            m = _SPACE.search(norm, e)
            out.append((s, m.start() if m else n))
        return out


def recognize(norm: str) -> list[Mention]:
    """Every time expression in normalised text ``norm``: sorted, non-overlapping."""
    g = grammar()
    cands: list[tuple[int, int, int, Mention]] = []
    seeds = _Seeds(norm)
    seen: set[tuple[str, int, int]] = set()
    for fam in g.families:
        if fam.seeds is None:
            matches: Iterable[Match | None] = fam.pattern.finditer(norm)
        elif fam.anchored:
            matches = (fam.pattern.match(norm, i) for i in seeds.positions(fam.seeds))
        else:
            matches = (m for ws, we in seeds.windows(fam.seeds) for m in fam.pattern.finditer(norm, ws, we))
        for m in matches:
            men = _READERS[fam.name](m, g) if m is not None else None
            if men is None:
                continue
            # A trailing space or comma can end a match only inside optional parts; trim it.
            while men.end > men.start and norm[men.end - 1] in " \t,":
                men.end -= 1
            _clock_range(men, norm, g)
            _join_relation(men, norm, g)
            key = (fam.name, men.start, men.end)
            if key not in seen:
                seen.add(key)
                cands.append((-(men.end - men.start), men.start, _PRIORITY[fam.name], men))
    # Longest first; ties go to the earlier start, then to the family listed first.
    cands.sort(key=lambda c: c[:3])
    starts: list[int] = []  # taken spans, sorted and disjoint
    taken: list[Mention] = []
    for _, _, _, men in cands:
        i = bisect.bisect_right(starts, men.start)
        if i > 0 and taken[i - 1].end > men.start:
            continue
        if i < len(taken) and taken[i].start < men.end:
            continue
        if men.kind in _SET_KINDS and g.set_before.search(norm, max(0, men.start - 12), men.start):
            continue
        starts.insert(i, men.start)
        taken.insert(i, men)
    return _clock_then_date(taken, norm)


_CLOCK_DATE_GAP = regex.compile(r"\s*[,،]?\s*")


def with_that_year(mentions: list[Mention], norm: str) -> list[Mention]:
    """``mentions`` with the phrases that point back to a year the text told ("ওই বছরের",
    "একই বছরে"): one before a year-less month or date becomes its prefix ("ওই বছরের নভেম্বরে");
    one standing alone is a year of its own.  Both are marked ``that_year_from``: the year is
    only known in the text's order (``tag``)."""
    g = grammar()
    out = list(mentions)
    for m in g.that_year.finditer(norm):
        if any(x.start < m.end() and m.start() < x.end for x in out):
            continue
        nxt = min((x for x in out if x.start >= m.end()), key=lambda x: x.start, default=None)
        if nxt is not None and not norm[m.end():nxt.start].strip() and nxt.kind in ("month", "date") \
                and nxt.year is None and nxt.year_shift is None and nxt.modifier is None:
            nxt.that_year_from = m.start()
        else:
            out.append(Mention(m.start(), m.end(), "year", that_year_from=m.start()))
    return sorted(out, key=lambda x: x.start)


def _clock_then_date(taken: list[Mention], norm: str) -> list[Mention]:
    """A clock time written before its date ("সকাল ১০:৩০, জুলাই ১০, ২০২৪") is one expression.

    Page stamps and datelines put the time first as often as last; the date
    then carries the time, as it does when the time follows it.
    """
    out: list[Mention] = []
    for men in taken:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "clock"
            and prev.end_tod is None
            and men.kind == "date"
            and men.tod is None
            and _CLOCK_DATE_GAP.fullmatch(norm, prev.end, men.start)
        ):
            men.tod, men.start = prev.tod, prev.start
            out[-1] = men
            continue
        out.append(men)
    return out
