"""Finding the Gregorian date/time stamps printed on a Bengali news page.

A stamp is found in three steps:

1. a *core* date (day, month, year) in one of four shapes: ``১০ জুলাই ২০২৫``,
   ``জুলাই ১০, ২০২৪``, ``12/07/2025`` (day first, as in Bangladesh) and
   ``2025-07-12``;
2. the core is *extended* left and right over what is printed beside it: a
   time of day (with a part-of-day word and/or UTC offset), a weekday name, a
   Bangla-calendar date and an era word, so a whole stamp becomes one mention;
3. a *cue* word just before the stamp gives its role (published/updated).

Matching runs on an internal copy of the text that is NFC-normalised, has
Bengali digits turned into ASCII and zero-width characters removed; spans are
mapped back so they always index the caller's original string.  Vocabulary
comes from ``data/calendar.yaml``.
"""

from __future__ import annotations

import calendar as _cal
import email.utils
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from ..langdata import check_keys, fail, load_yaml, require
from ..records import DateMention
from .bangla_calendar import RULES, closest_gap_days, gregorian_to_bangla

DATA_FILE = "calendar.yaml"
Pattern = regex.Pattern  # compiled `regex` pattern
Match = regex.Match

_BN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# Invisible characters that break word matching when pasted into dates.
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_CHUNK = regex.compile(r"\s+|\S+")
PERIOD_RULES = ("am", "pm", "noon", "night")
ROLES = ("published", "updated", "page")


def to_ascii_digits(s: str) -> str:
    """Replace Bengali digits ০-৯ with ASCII 0-9."""
    return s.translate(_BN_DIGITS)


# --------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CalendarData:
    """Validated contents of ``calendar.yaml``; alias keys are :func:`_key` forms."""

    gregorian_months: dict[str, int]
    gregorian_month_names: dict[int, str]
    bangla_months: dict[str, int]
    bangla_month_names: dict[int, str]
    weekdays: dict[str, int]
    weekday_names: dict[int, str]
    day_periods: dict[str, str]
    cues: dict[str, str]
    day_suffixes: tuple[str, ...]
    bangla_era: tuple[str, ...]
    gregorian_era: tuple[str, ...]
    time_connectors: tuple[str, ...]


def _key(alias: str) -> str:
    """Lookup key for an alias or matched word: normalised like page text, casefolded."""
    return _normalize(alias)[0].casefold()


def _str_list(where: str, entry: dict[str, Any], key: str) -> list[str]:
    values = require(DATA_FILE, where, entry, key, list)
    if not values:
        raise fail(DATA_FILE, where, f"'{key}' must not be empty")
    for v in values:
        if not isinstance(v, str) or not v.strip():
            raise fail(DATA_FILE, where, f"'{key}' entries must be non-empty strings, got {v!r}")
    return values


def _named_table(
    raw: dict[str, Any], table: str, num_key: str, lo: int, hi: int, owners: dict[str, str]
) -> tuple[dict[str, int], dict[int, str]]:
    """Validate a list of {num_key, name, aliases}; every number lo..hi exactly once."""
    entries = require(DATA_FILE, "top level", raw, table, list)
    aliases: dict[str, int] = {}
    names: dict[int, str] = {}
    for i, entry in enumerate(entries):
        where = f"{table}[{i}]"
        if isinstance(entry, dict):
            check_keys(DATA_FILE, where, entry, {num_key, "name", "aliases"})
        num = require(DATA_FILE, where, entry, num_key, int)
        if isinstance(num, bool) or not lo <= num <= hi:
            raise fail(DATA_FILE, where, f"'{num_key}' must be {lo}..{hi}, got {num}")
        if num in names:
            raise fail(DATA_FILE, where, f"{num_key} {num} is listed twice")
        names[num] = require(DATA_FILE, where, entry, "name", str)
        for alias in _str_list(where, entry, "aliases"):
            k = _key(alias)
            label = f"{table} {num_key} {num}"
            if k in owners and owners[k] != label:
                raise fail(DATA_FILE, where, f"alias '{alias}' is also claimed by {owners[k]}")
            owners[k] = label
            aliases[k] = num
    missing = sorted(set(range(lo, hi + 1)) - set(names))
    if missing:
        raise fail(DATA_FILE, table, f"no entry for {num_key}(s) {missing}")
    return aliases, names


def _labelled_words(
    raw: dict[str, Any], table: str, label_key: str, allowed: Any, words_key: str, owners: dict[str, str]
) -> dict[str, str]:
    """Read a list of ``{label_key: LABEL, words_key: [words]}`` entries into word -> label.

    A label outside ``allowed`` or a word claimed by two labels (tracked in
    ``owners``, which may be shared with other tables) is an error naming the entry.
    """
    out: dict[str, str] = {}
    for i, entry in enumerate(require(DATA_FILE, "top level", raw, table, list)):
        where = f"{table}[{i}]"
        if isinstance(entry, dict):
            check_keys(DATA_FILE, where, entry, {label_key, words_key})
        label = require(DATA_FILE, where, entry, label_key, str)
        if label not in allowed:
            raise fail(DATA_FILE, where, f"unknown {label_key} '{label}'; allowed: {list(allowed)}")
        owner = f"{table} {label}"
        for word in _str_list(where, entry, words_key):
            k = _key(word)
            if k in owners and owners[k] != owner:
                raise fail(DATA_FILE, where, f"'{word}' is also claimed by {owners[k]}")
            owners[k] = owner
            out[k] = label
    return out


def validate_calendar(raw: Any) -> CalendarData:
    """Check parsed ``calendar.yaml`` and build lookup tables; LanguageDataError if broken."""
    if not isinstance(raw, dict):
        raise fail(DATA_FILE, "top level", f"expected a mapping, got {type(raw).__name__}")
    tables = {"gregorian_months", "bangla_months", "weekdays", "day_periods", "roles"}
    lists = {"day_suffixes", "bangla_era", "gregorian_era", "time_connectors"}
    check_keys(DATA_FILE, "top level", raw, tables | lists)

    # One owner per word across these tables: a word read as two things is ambiguous.
    owners: dict[str, str] = {}
    g_alias, g_names = _named_table(raw, "gregorian_months", "month", 1, 12, owners)
    b_alias, b_names = _named_table(raw, "bangla_months", "month", 1, 12, owners)
    w_alias, w_names = _named_table(raw, "weekdays", "weekday", 0, 6, owners)

    periods = _labelled_words(raw, "day_periods", "rule", PERIOD_RULES, "aliases", owners)
    # Cue words may repeat a month or period word, so they have owners of their own.
    cues = _labelled_words(raw, "roles", "role", ROLES, "cues", {})

    def plain(key: str) -> tuple[str, ...]:
        return tuple(_str_list("top level", raw, key))

    return CalendarData(
        gregorian_months=g_alias,
        gregorian_month_names=g_names,
        bangla_months=b_alias,
        bangla_month_names=b_names,
        weekdays=w_alias,
        weekday_names=w_names,
        day_periods=periods,
        cues=cues,
        day_suffixes=plain("day_suffixes"),
        bangla_era=plain("bangla_era"),
        gregorian_era=plain("gregorian_era"),
        time_connectors=plain("time_connectors"),
    )


def load_calendar() -> CalendarData:
    """Load and validate the shipped ``calendar.yaml`` (not cached: see :func:`_grammar`)."""
    return validate_calendar(load_yaml(DATA_FILE))


# --------------------------------------------------------------------------
# Normalisation with an offset map
# --------------------------------------------------------------------------


def _normalize(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC + ASCII digits + zero-width removal, with maps back to ``text``.

    Returns ``(norm, starts, ends)``: normalised char ``k`` came from
    ``text[starts[k]:ends[k]]``.  The maps are None when only digits changed
    (lengths equal, identity map), which is the common case.
    """
    if unicodedata.is_normalized("NFC", text) and not any(c in _DROP for c in text):
        return to_ascii_digits(text), None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # Work word by word so the per-character loop runs only where a word changes.
    for chunk in _CHUNK.finditer(text):
        i, n = chunk.span()
        word = chunk.group()
        if unicodedata.is_normalized("NFC", word) and not any(c in _DROP for c in word):
            out.append(word)
            starts.extend(range(i, n))
            ends.extend(range(i + 1, n + 1))
            continue
        while i < n:
            # A cluster is a base character plus its combining marks: NFC only
            # ever rewrites within one, so mapping whole clusters is exact enough.
            j = i + 1
            while j < n and unicodedata.category(text[j]) in ("Mn", "Mc") and text[j] not in _DROP:
                j += 1
            cluster = "".join(c for c in text[i:j] if c not in _DROP)
            norm = unicodedata.normalize("NFC", cluster)
            out.append(norm)
            if norm == cluster and j - i == len(cluster):
                starts.extend(range(i, j))
                ends.extend(range(i + 1, j + 1))
            else:
                starts.extend([i] * len(norm))
                ends.extend([j] * len(norm))
            i = j
    return to_ascii_digits("".join(out)), starts, ends


class _Text:
    """Original text, its normalised form, and span mapping between them."""

    def __init__(self, text: str) -> None:
        self.orig = text
        self.norm, self._starts, self._ends = _normalize(text)

    def span(self, s: int, e: int) -> tuple[int, int]:
        if self._starts is None or self._ends is None:
            return s, e
        if e <= s:
            pos = self._starts[s] if s < len(self._starts) else len(self.orig)
            return pos, pos
        return self._starts[s], self._ends[e - 1]


# --------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------

_WB_L = r"(?<![\p{L}\p{M}])"  # a word starts here (digits and punctuation are fine before)
_WB_R = r"(?![\p{L}\p{M}])"
_SP = r"[^\S\n]"  # horizontal space: a stamp never spans lines, except a Bangla date
_PUNCT = r"[,|।•·–—\-/]"
_SEP = rf"{_SP}*{_PUNCT}?{_SP}*"
_GAP_NL = rf"{_SP}*{_PUNCT}?{_SP}*(?:\n{_SP}*)?"
_SEP_ONLY = regex.compile(_SEP)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first; inner spaces match any run of spaces."""
    forms = sorted({_normalize(w)[0] for w in words}, key=len, reverse=True)
    return "|".join(rf"{_SP}+".join(regex.escape(p) for p in f.split()) for f in forms)


@dataclass(slots=True)
class _Grammar:
    """Compiled patterns; ``left_*`` end at ``\\Z`` and are searched up to a core's start."""

    data: CalendarData
    cores: list[tuple[str, Pattern]]
    right_time: Pattern
    right_weekday: Pattern
    right_bangla: Pattern
    right_era: Pattern
    left_time: Pattern
    left_weekday: Pattern
    left_bangla: Pattern
    cue: Pattern
    bangla: Pattern


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Compile the patterns from the calendar data once per process."""
    d = load_calendar()
    f = regex.IGNORECASE
    suf = _alt(d.day_suffixes)
    mon = rf"{_WB_L}(?P<mon>{_alt(d.gregorian_months)})\.?{_WB_R}"
    year = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
    day = rf"(?<![0-9:ঃ])(?P<d>[0-9]{{1,2}})(?![0-9])(?:{suf})?"
    num_lb = r"(?<![0-9][./\-]?)"  # not the tail of a longer numeric run
    num_la = r"(?![0-9]|[./\-][0-9])"
    cores: list[tuple[str, Pattern]] = [
        ("dmy", regex.compile(rf"{day}{_SP}*[\-/.]?{_SP}*{mon}{_SP}*[,\-/.]?{_SP}*{year}", f)),
        ("mdy", regex.compile(rf"{mon}{_SP}*{day}(?:{_SP}*,{_SP}*|{_SP}+){year}", f)),
        ("num", regex.compile(
            rf"{num_lb}(?P<d>[0-9]{{1,2}})(?P<sep>[./\-])(?P<m>[0-9]{{1,2}})(?P=sep)"
            rf"(?P<y>(?:19|20)[0-9]{{2}}){num_la}", f)),
        ("iso", regex.compile(
            rf"{num_lb}(?P<y>(?:19|20)[0-9]{{2}})(?P<sep>[./\-])(?P<m>[0-9]{{1,2}})(?P=sep)"
            rf"(?P<d>[0-9]{{1,2}}){num_la}", f)),
    ]
    per = rf"{_WB_L}(?:{_alt(d.day_periods)}){_WB_R}"
    off = (
        rf"(?P<off>Z(?![\p{{L}}])|{_SP}*[+\-][0-9]{{2}}:?[0-9]{{2}}(?![0-9])"
        rf"|{_SP}*\(?(?:GMT|UTC)(?:{_SP}*[+\-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?\)?{_WB_R})"
    )
    time = (
        rf"(?:(?P<p0>{per}){_SP}*)?(?<![0-9:ঃ])(?P<h>[0-9]{{1,2}})[:ঃ](?P<mi>[0-9]{{2}})"
        rf"(?:[:ঃ](?P<s>[0-9]{{2}})(?:\.(?P<frac>[0-9]{{1,6}}))?)?(?![0-9])"
        rf"(?:{_SP}*(?P<p1>{per}))?{off}?"
    )
    wd = rf"{_WB_L}\(?(?P<wd>{_alt(d.weekdays)})\.?\)?{_WB_R}"
    bera = _alt(d.bangla_era)
    bangla = (
        rf"(?<![0-9:ঃ])(?P<bd_d>[0-9]{{1,2}})(?![0-9])(?:{suf})?{_SP}*{_WB_L}(?P<bd_m>{_alt(d.bangla_months)}){_WB_R}"
        rf"{_SP}*,?{_SP}*(?P<bd_y>1[3-5][0-9]{{2}})(?![0-9])(?:{_SP}*(?:{bera}){_WB_R})?"
    )
    time_sep = rf"(?:T|{_SP}*(?:{_PUNCT}|(?:{_alt(d.time_connectors)}){_WB_R})?{_SP}*)"
    return _Grammar(
        data=d,
        cores=cores,
        right_time=regex.compile(rf"{time_sep}{time}", f),
        right_weekday=regex.compile(rf"{_SEP}{wd}", f),
        right_bangla=regex.compile(rf"(?P<gap>{_GAP_NL}){bangla}", f),
        right_era=regex.compile(rf"{_SP}*(?:{_alt(d.gregorian_era)})\.?{_WB_R}", f),
        left_time=regex.compile(rf"{time}{_SEP}\Z", f),
        left_weekday=regex.compile(rf"{wd}{_SEP}\Z", f),
        left_bangla=regex.compile(rf"{bangla}(?P<gap>{_GAP_NL})\Z", f),
        cue=regex.compile(rf"{_WB_L}(?P<cue>{_alt(d.cues)})[\s:ঃ\-–—|]{{0,6}}\Z", f),
        bangla=regex.compile(bangla, f),
    )


# --------------------------------------------------------------------------
# Reading the pieces
# --------------------------------------------------------------------------


def _tz(tz: str) -> tzinfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}; use an IANA name such as 'Asia/Dhaka'") from None


def _apply_period(hour: int, rule: str) -> int:
    """Turn a 12-hour reading into 24-hour using a part-of-day word's rule."""
    if hour == 0 or hour >= 13:  # already a 24-hour reading: the word adds nothing
        return hour
    if rule == "am":
        return 0 if hour == 12 else hour
    if rule == "pm":
        return hour if hour == 12 else hour + 12
    if rule == "noon":
        return hour + 12 if 1 <= hour <= 4 else hour
    # night: 12 is midnight, 1-4 the small hours, 5-11 the evening
    if hour == 12:
        return 0
    return hour if hour <= 4 else hour + 12


def _offset(text: str | None) -> tzinfo | None:
    """A stated UTC offset (``Z``, ``+06:00``, ``GMT+6``), or None."""
    if not text:
        return None
    t = text.strip().strip("()").upper()
    if t == "Z":
        return timezone.utc
    m = regex.search(r"([+\-])([0-9]{1,2}):?([0-9]{2})?$", t)
    if not m:
        return timezone.utc  # bare GMT / UTC
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m.group(1) == "-" else delta)


@dataclass(slots=True)
class _Time:
    hour: int
    minute: int
    second: int | None
    micro: int
    offset: tzinfo | None
    warning: str | None = None


def _read_time(m: Match, data: CalendarData) -> _Time:
    h, mi = int(m.group("h")), int(m.group("mi"))
    s = int(m.group("s")) if m.group("s") else None
    micro = int((m.group("frac") or "0").ljust(6, "0")[:6])
    word = m.group("p1") or m.group("p0")
    if word:
        h = _apply_period(h, data.day_periods[_key(word)])
    off = _offset(m.group("off"))
    warning = None
    if h > 23 or mi > 59 or (s is not None and s > 59):
        warning = f"impossible-time: {m.group('h')}:{m.group('mi')} is not a time of day; time ignored"
    return _Time(h, mi, s, micro, off, warning)


def _month_value(kind: str, m: Match, data: CalendarData) -> int:
    if kind in ("num", "iso"):
        return int(m.group("m"))
    return data.gregorian_months[_key(m.group("mon"))]


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    year: int
    month: int
    day: int
    warnings: list[str]


def _cores(t: _Text, g: _Grammar) -> list[_Core]:
    """All core dates, overlapping candidates resolved leftmost-longest."""
    found: list[tuple[int, int, str, Match]] = []
    for kind, pat in g.cores:
        for m in pat.finditer(t.norm):
            found.append((m.start(), -m.end(), kind, m))
    found.sort(key=lambda x: (x[0], x[1]))
    out: list[_Core] = []
    last_end = -1
    for start, neg_end, kind, m in found:
        if start < last_end:
            continue
        y, mo, d = int(m.group("y")), _month_value(kind, m, g.data), int(m.group("d"))
        warnings: list[str] = []
        if kind == "num" and mo > 12 and d <= 12:
            # Day-first is the Bangladeshi norm; a month > 12 means the page wrote mm/dd.
            warnings.append(f"month-day-swapped: {m.group(0)} read as month {d}, day {mo}")
            mo, d = d, mo
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            continue  # not a date at all (e.g. a score or a version number)
        last_day = _cal.monthrange(y, mo)[1]
        if d > last_day:
            name = g.data.gregorian_month_names[mo]
            warnings.append(
                f"impossible-date: {d} {name} {y} does not exist; read as {date(y, mo, last_day).isoformat()}"
            )
            d = last_day
        out.append(_Core(start, -neg_end, y, mo, d, warnings))
        last_end = -neg_end
    return out


def _bangla_label(data: CalendarData, d: int, m: int, y: int) -> str:
    return f"{d} {data.bangla_month_names[m]} {y}"


def _bangla_warning(data: CalendarData, g: date, bd: int, bm: int, by: int) -> str | None:
    """Warn unless the Bangla date is within one day of ``g`` under either rule.

    Sites are often a day off (they switch the Bangla date at sunrise or use
    the older rule), so only a larger gap says the page is inconsistent.
    """
    gap = closest_gap_days(bd, bm, by, g)
    if gap is not None and gap <= 1:
        return None
    labels = {rule: _bangla_label(data, *gregorian_to_bangla(g, rule)) for rule in RULES}
    if len(set(labels.values())) == 1:
        expected = f"{labels[RULES[0]]} under either rule"
    else:
        expected = " or ".join(f"{label} ({rule} rule)" for rule, label in labels.items())
    return (
        f"bangla-date-mismatch: page says {_bangla_label(data, bd, bm, by)} beside {g.isoformat()}, "
        f"which is {expected}"
    )


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def find_bangla_dates(text: str) -> list[tuple[int, int, int, int, int]]:
    """Bangla-calendar dates in ``text`` as ``(start, end, day, month, year)``."""
    g = _grammar()
    t = _Text(text)
    out = []
    for m in g.bangla.finditer(t.norm):
        day = int(m.group("bd_d"))
        if not 1 <= day <= 31:
            continue
        s, e = t.span(m.start(), m.end())
        out.append((s, e, day, g.data.bangla_months[_key(m.group("bd_m"))], int(m.group("bd_y"))))
    return out


def find_dates(text: str, tz: str = "Asia/Dhaka") -> list[DateMention]:
    """Every Gregorian date/time stamp in ``text``, one mention per stamp, in order."""
    zone = _tz(tz)
    g = _grammar()
    t = _Text(text)
    n = t.norm
    cores = _cores(t, g)
    mentions: list[DateMention] = []
    bound = 0  # left extension never reaches into the previous mention
    for idx, core in enumerate(cores):
        limit = cores[idx + 1].start if idx + 1 < len(cores) else len(n)
        start, end = core.start, core.end
        warnings = list(core.warnings)
        tm: _Time | None = None
        weekday: int | None = None
        bangla: tuple[int, int, int] | None = None

        # Right: era word, time, weekday, Bangla date, in any order, each once.
        progress = True
        era_done = False
        while progress:
            progress = False
            if not era_done and (m := g.right_era.match(n, end, limit)):
                end, era_done, progress = m.end(), True, True
            if tm is None and (m := g.right_time.match(n, end, limit)):
                tm, end, progress = _read_time(m, g.data), m.end(), True
            if (
                weekday is None
                and (m := g.right_weekday.match(n, end, limit))
                # "weekday, date" is the usual order: a weekday directly
                # followed by the next date belongs to that date, not this one.
                and not (limit < len(n) and _SEP_ONLY.fullmatch(n, m.end(), limit))
            ):
                weekday, end, progress = g.data.weekdays[_key(m.group("wd"))], m.end(), True
            if bangla is None and (m := g.right_bangla.match(n, end, limit)):
                bangla = _bangla_groups(m, g.data)
                if "\n" not in m.group("gap"):  # beside on the same line: part of the stamp
                    end = m.end()
                progress = True

        # Left: weekday, time, Bangla date written before the date.
        progress = True
        while progress:
            progress = False
            lo = max(bound, start - 60)
            if weekday is None and (m := g.left_weekday.search(n, lo, start)):
                weekday, start, progress = g.data.weekdays[_key(m.group("wd"))], m.start(), True
            if tm is None and (m := g.left_time.search(n, lo, start)):
                tm, start, progress = _read_time(m, g.data), m.start(), True
            if bangla is None and (m := g.left_bangla.search(n, lo, start)):
                bangla = _bangla_groups(m, g.data)
                if "\n" not in m.group("gap"):
                    start = m.start()
                progress = True

        role = "unknown"
        if cm := g.cue.search(n, max(bound, start - 40), start):
            role = g.data.cues[_key(cm.group("cue"))]

        day = date(core.year, core.month, core.day)
        if tm is not None and tm.warning:
            warnings.append(tm.warning)
            tm = None
        if tm is None:
            value = datetime(day.year, day.month, day.day, tzinfo=zone)
            granularity = "day"
        else:
            value = datetime(
                day.year, day.month, day.day, tm.hour, tm.minute, tm.second or 0, tm.micro,
                tzinfo=tm.offset or zone,
            )
            granularity = "second" if tm.second is not None else "minute"
        if weekday is not None and weekday != day.weekday():
            names = g.data.weekday_names
            warnings.append(
                f"weekday-mismatch: page says {names[weekday]}, {day.isoformat()} is a {names[day.weekday()]}"
            )
        bangla_label = None
        if bangla is not None:
            bangla_label = _bangla_label(g.data, *bangla)
            if w := _bangla_warning(g.data, day, *bangla):
                warnings.append(w)

        s, e = t.span(start, end)
        mentions.append(
            DateMention(
                text=text[s:e],
                start=s,
                end=e,
                value=value,
                granularity=granularity,
                has_time=tm is not None,
                role=role,
                weekday_given=weekday,
                bangla_date=bangla_label,
                warnings=warnings,
            )
        )
        bound = end
    return mentions


def _bangla_groups(m: Match, data: CalendarData) -> tuple[int, int, int]:
    day = int(m.group("bd_d"))
    return day, data.bangla_months[_key(m.group("bd_m"))], int(m.group("bd_y"))


def parse_date_string(s: str, tz: str = "Asia/Dhaka") -> DateMention | None:
    """Read one field value (a record's ``publication_date``); None if it is no date.

    Accepts everything :func:`find_dates` reads (ISO 8601, RFC 2822 and the
    Bengali forms), then ISO/RFC leftovers via the standard library, then
    Unix timestamps.  The mention's span indexes ``s``.
    """
    if not isinstance(s, str) or not s.strip():
        return None
    found = find_dates(s, tz)
    if found:
        return found[0]
    zone = _tz(tz)
    raw = s.strip()
    lead = len(s) - len(s.lstrip())
    value: datetime | None = None
    granularity = "second"
    try:
        value = datetime.fromisoformat(to_ascii_digits(raw))
        if len(raw) <= 10:
            granularity = "day"
    except ValueError:
        try:
            value = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            digits = to_ascii_digits(raw)
            if regex.fullmatch(r"[0-9]{10}|[0-9]{13}", digits):
                secs = int(digits) / (1000 if len(digits) == 13 else 1)
                value = datetime.fromtimestamp(secs, tz=zone)
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return DateMention(
        text=raw,
        start=lead,
        end=lead + len(raw),
        value=value,
        granularity=granularity,
        has_time=granularity != "day",
    )
