"""Turning recognised mentions into TIMEX3 values (docs/timex.md, "Resolution rules").

:func:`resolve` takes one :class:`~.recognize.Mention`, the reference time,
the tense of its clause and the year of an earlier explicit-year expression
in the same sentence, and returns a :class:`Resolution`: value, granularity,
mod, rule, anchor and any warning.  It never guesses beyond the text: a
month stays ``YYYY-MM``, a week ``YYYY-Www``, a part of day ``...TMO``.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from ..dates.bangla_calendar import bangla_to_gregorian, gregorian_to_bangla
from .recognize import Mention, TimeOfDay

NO_REF = "no-reference-time"
IMPOSSIBLE = "impossible-date"
_DAY_RULES = {0: "today", -1: "yesterday", 1: "tomorrow", -2: "day-before-yesterday", 2: "day-after-tomorrow"}
_SHIFT = {"last": -1, "next": 1, "this": 0}
_ISO_UNIT = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}


@dataclass(slots=True)
class Context:
    ref: datetime | None
    tense: str  # past / future (past when no marker)
    year_anchor: int | None = None  # from an earlier explicit-year expression in the sentence


@dataclass(slots=True)
class Resolution:
    type: str = "DATE"
    cls: str = "absolute"
    value: str | None = None
    granularity: str | None = None
    mod: str | None = None
    end_value: str | None = None
    anchor: str | None = None
    rule: str = ""
    tense: str | None = None
    warnings: list[str] = field(default_factory=list)
    reason: str | None = None


def ref_anchor(ref: datetime) -> str:
    return "ref:" + ref.isoformat(timespec="minutes")


def _max_day(month: int, year: int | None) -> int:
    if year is None:
        return 29 if month == 2 else _cal.monthrange(2001, month)[1]
    return _cal.monthrange(year, month)[1]


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= _cal.monthrange(y, m)[1]


def _ym(y: int, m: int, shift: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + shift
    return k // 12, k % 12 + 1


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _directed_date(ref: date, m: int, d: int, direction: str, strict: bool) -> date | None:
    """The (month, day) nearest ``ref`` going ``direction`` (past/future); skips years without it."""
    step = -1 if direction == "past" else 1
    for k in range(0, 9):
        y = ref.year + step * k
        if not _valid(y, m, d):
            continue
        cand = date(y, m, d)
        if direction == "past" and (cand < ref or (cand == ref and not strict)):
            return cand
        if direction == "future" and (cand > ref or (cand == ref and not strict)):
            return cand
    return None


def _directed_weekday(ref: date, wd: int, direction: str, strict: bool) -> date:
    if direction == "past":
        back = (ref.weekday() - wd) % 7
        if back == 0 and strict:
            back = 7
        return ref - timedelta(days=back)
    ahead = (wd - ref.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return ref + timedelta(days=ahead)


def _with_tod(day: date, tod: TimeOfDay | None, r: Resolution) -> str:
    """``day`` as a value, with the time of day when there is one (sets type/granularity)."""
    r.granularity = "day"
    if tod is None:
        return day.isoformat()
    if tod.warning:
        r.warnings.append(tod.warning)
        return day.isoformat()
    if tod.approx:
        r.mod = r.mod or "APPROX"
    if tod.hour is not None:
        if tod.night_after and tod.hour < 6:
            day += timedelta(days=1)  # দিবাগত রাত ২টা: the small hours of the next day
        # সকাল ১০টায় is said to the hour, ৯টা ৩০ মিনিটে / ১৯:০৭ / সাড়ে ৪টায় to the minute.
        r.type, r.granularity = "TIME", "minute" if tod.minutes_given else "hour"
        return f"{day.isoformat()}T{tod.hour:02d}:{tod.minute or 0:02d}"
    if tod.part:
        r.type, r.granularity = "TIME", "part-of-day"
        return f"{day.isoformat()}T{tod.part}"
    return day.isoformat()


def _no_ref(r: Resolution) -> Resolution:
    r.value, r.reason = None, NO_REF
    return r


def _impossible(r: Resolution) -> Resolution:
    r.value, r.granularity, r.reason = None, r.granularity or "day", IMPOSSIBLE
    if IMPOSSIBLE not in r.warnings:
        r.warnings.append(IMPOSSIBLE)
    return r


# --------------------------------------------------------------------------
# One function per kind
# --------------------------------------------------------------------------


def _date(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.month is not None and men.day is not None
    m, d = men.month, men.day
    r.cls = "absolute" if men.year is not None else "partial"
    r.granularity, r.mod = "day", men.mod
    ref = ctx.ref
    day: date | None = None
    if men.year is not None:
        r.rule = "abs-date"
        if _valid(men.year, m, d):
            day = date(men.year, m, d)
    elif men.year_shift is not None:
        r.rule = {-1: "date-last-year", 1: "date-next-year"}.get(men.year_shift, "date-this-year")
        if ref is None:
            return _no_ref(r) if 1 <= d <= _max_day(m, None) else _impossible(r)
        r.anchor = ref_anchor(ref)
        y = ref.year + men.year_shift
        if _valid(y, m, d):
            day = date(y, m, d)
    elif men.modifier in ("last", "next"):
        r.rule = f"date-{men.modifier}"
        if ref is None:
            return _no_ref(r) if 1 <= d <= _max_day(m, None) else _impossible(r)
        r.anchor = ref_anchor(ref)
        day = _directed_date(ref.date(), m, d, "past" if men.modifier == "last" else "future", strict=True)
    elif ctx.year_anchor is not None:
        r.rule, r.anchor = "date-anchored", f"year:{ctx.year_anchor}"
        if _valid(ctx.year_anchor, m, d):
            day = date(ctx.year_anchor, m, d)
    else:
        r.rule, r.tense = f"date-{ctx.tense}", ctx.tense
        if ref is None:
            r.tense = None
            return _no_ref(r) if 1 <= d <= _max_day(m, None) else _impossible(r)
        r.anchor = ref_anchor(ref)
        day = _directed_date(ref.date(), m, d, ctx.tense, strict=False)
        if day is not None and men.weekday is not None and day.weekday() != men.weekday:
            # A year-less date with its weekday ("শনিবার (১২ জুলাই)"): when the
            # nearest such date the other way falls on that weekday, the
            # weekday has told which year is meant.
            other = _directed_date(ref.date(), m, d, "future" if ctx.tense == "past" else "past", strict=True)
            if other is not None and other.weekday() == men.weekday and abs((other - ref.date()).days) <= 366:
                day, r.rule, r.tense = other, "date-weekday", None
    if day is None:
        return _impossible(r)
    r.value = _with_tod(day, men.tod, r)
    if men.weekday is not None and day.weekday() != men.weekday:
        r.warnings.append("weekday-mismatch")
    return r


def _month(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.month is not None
    m = men.month
    r.cls, r.granularity, r.mod = "partial", "month", men.mod
    ref = ctx.ref
    if men.year is not None:
        r.rule, r.value = "month-year", f"{men.year:04d}-{m:02d}"
        return r
    if men.year_shift is not None:
        r.rule = {-1: "month-last-year", 1: "month-next-year"}.get(men.year_shift, "month-this-year")
    elif men.modifier is not None:
        r.rule = {"last": "month-last", "next": "month-next"}.get(men.modifier, "month-this-year")
    elif ctx.year_anchor is not None:
        r.rule, r.anchor = "month-anchored", f"year:{ctx.year_anchor}"
        r.value = f"{ctx.year_anchor:04d}-{m:02d}"
        return r
    else:
        r.rule, r.tense = f"month-{ctx.tense}", ctx.tense
    if ref is None:
        r.tense = None
        return _no_ref(r)
    r.anchor = ref_anchor(ref)
    if men.year_shift is not None:
        y = ref.year + men.year_shift
    elif men.modifier == "last":  # the latest such month strictly before the reference month
        y = ref.year if m < ref.month else ref.year - 1
    elif men.modifier == "next":
        y = ref.year if m > ref.month else ref.year + 1
    elif men.modifier == "this":
        y = ref.year
    elif ctx.tense == "past":
        y = ref.year if m <= ref.month else ref.year - 1
    else:
        y = ref.year if m >= ref.month else ref.year + 1
    r.value = f"{_year_ok(y):04d}-{m:02d}"
    return r


def _year(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.year is not None
    r.granularity, r.value, r.mod = "year", f"{men.year:04d}", men.mod
    if men.relation in ("before", "after"):
        r.cls, r.rule = "relative", f"year-{men.relation}"
    else:
        r.cls, r.rule = "partial", "year"
    return r


def _decade(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    r.cls, r.granularity, r.value, r.rule, r.mod = "partial", "decade", men.decade, "decade", men.mod
    return r


def _relday(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.offset is not None
    r.cls, r.mod = "relative", men.mod
    offset = men.offset
    if men.by_tense:
        offset = abs(offset) if ctx.tense == "future" else -abs(offset)
        r.tense = ctx.tense
    r.rule = _DAY_RULES.get(offset, f"day{offset:+d}")
    r.granularity = "day"
    if ctx.ref is None:
        r.tense = None
        return _no_ref(r)
    r.anchor = ref_anchor(ctx.ref)
    r.value = _with_tod(ctx.ref.date() + timedelta(days=offset), men.tod, r)
    return r


def _relunit(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.modifier is not None and men.unit is not None
    r.cls, r.mod, r.granularity = "relative", men.mod, men.unit
    r.rule = f"{men.modifier}-{men.unit}"
    if ctx.ref is None:
        return _no_ref(r)
    ref, shift = ctx.ref, _SHIFT[men.modifier]
    r.anchor = ref_anchor(ref)
    if men.unit == "week":
        r.value = _week(ref.date() + timedelta(days=7 * shift))
    elif men.unit == "month":
        y, m = _ym(ref.year, ref.month, shift)
        r.value = f"{y:04d}-{m:02d}"
    else:
        r.value = f"{_year_ok(ref.year + shift):04d}"
    return r


def _weekday(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.weekday is not None
    r.cls, r.granularity, r.mod = "weekday", "day", men.mod
    if men.offset is not None:
        # "গতকাল মঙ্গলবার": the relative word gives the day; the weekday is checked against it.
        offset = men.offset
        if men.by_tense:
            offset = abs(offset) if ctx.tense == "future" else -abs(offset)
            r.tense = ctx.tense
        r.rule = "weekday-" + _DAY_RULES.get(offset, f"day{offset:+d}")
        if ctx.ref is None:
            r.tense = None
            return _no_ref(r)
        r.anchor = ref_anchor(ctx.ref)
        day = ctx.ref.date() + timedelta(days=offset)
        if day.weekday() != men.weekday:
            r.warnings.append("weekday-mismatch")
        r.value = _with_tod(day, men.tod, r)
        return r
    if men.modifier in ("last", "next"):
        r.rule = f"weekday-{men.modifier}"
        direction, strict = ("past" if men.modifier == "last" else "future"), True
    else:
        r.rule, r.tense = f"weekday-{ctx.tense}", ctx.tense
        direction, strict = ctx.tense, False
    if ctx.ref is None:
        r.tense = None
        return _no_ref(r)
    r.anchor = ref_anchor(ctx.ref)
    r.value = _with_tod(_directed_weekday(ctx.ref.date(), men.weekday, direction, strict), men.tod, r)
    return r


def _year_ok(y: int) -> int:
    if not 1 <= y <= 9999:
        raise OverflowError(f"year {y} is out of range")
    return y


def _count_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _ago(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.unit is not None
    unit = men.unit
    r.cls, r.mod = "relative", men.mod
    sign = -1 if men.relation == "before" else 1
    word = "ago" if sign < 0 else "later"
    r.rule = f"{word}-{unit}"
    r.granularity = unit
    if men.event_anchored:
        # "নির্বাচনের ৬০ দিন আগে": before/after an event, not the reference time.
        r.value, r.reason = None, "event-anchored"
        return r
    if sign > 0:
        r.tense = ctx.tense
        if ctx.tense != "future":
            # "তিন দিন পর" in a past narrative counts from an event, not the reference.
            r.value, r.reason = None, "event-anchored"
            return r
    ref = ctx.ref
    if men.vague:
        if unit in ("hour", "minute"):
            r.rule, r.mod, r.granularity = f"vague-{unit}s", "APPROX", "day"
            if ref is None:
                return _no_ref(r)
            r.anchor, r.value = ref_anchor(ref), ref.date().isoformat()
            return r
        r.rule = f"vague-{unit}s"
        r.value, r.reason = None, "vague"
        return r
    if ref is None:
        r.tense = None
        return _no_ref(r)
    r.anchor = ref_anchor(ref)
    n = men.count or 0.0
    # A half (দেড় বছর) is counted in the next smaller unit.
    smaller = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60),
               "decade": ("year", 10)}
    if not float(n).is_integer() and unit in smaller:
        unit, factor = smaller[unit]
        n *= factor
        r.granularity = unit
    if not float(n).is_integer():
        r.value, r.reason = None, "vague"
        return r
    k = sign * int(n)
    if unit == "minute":
        t = ref + timedelta(minutes=k)
        r.type, r.value = "TIME", t.strftime("%Y-%m-%dT%H:%M")
    elif unit == "hour":
        t = ref + timedelta(hours=k)
        r.type, r.value = "TIME", t.strftime("%Y-%m-%dT%H")
    elif unit == "day":
        r.value = (ref.date() + timedelta(days=k)).isoformat()
    elif unit == "week":
        r.value = _week(ref.date() + timedelta(days=7 * k))
    elif unit == "month":
        y, m = _ym(ref.year, ref.month, k)
        r.value = f"{_year_ok(y):04d}-{m:02d}"
    elif unit == "year":
        r.value = f"{_year_ok(ref.year + k):04d}"
    else:  # decade
        r.value = f"{_year_ok(ref.year + 10 * k) // 10:03d}"
    return r


def _duration(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.unit is not None
    r.type, r.cls, r.granularity, r.mod = "DURATION", "duration", men.unit, men.mod
    desig = _ISO_UNIT[men.unit]
    if men.vague:
        n = "X"
        r.rule = "duration-vague"
    else:
        count = men.count or 0.0
        if men.unit == "decade":
            count, desig = count * 10, "Y"
        n = _count_str(count)
        r.rule = "duration"
    r.value = f"PT{n}{desig[1]}" if desig.startswith("T") else f"P{n}{desig}"
    return r


def _clock(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    r.type, r.cls, r.rule, r.mod = "TIME", "clock", "clock", men.mod
    r.granularity = "minute" if men.tod is None or men.tod.minutes_given or men.tod.hour is None else "hour"
    if men.tod is not None and men.tod.warning:
        r.warnings.append(men.tod.warning)
        r.value, r.reason = None, "impossible-time"
        return r
    if ctx.ref is None:
        if men.tod is not None and men.tod.approx:
            r.mod = "APPROX"
        return _no_ref(r)
    r.anchor = ref_anchor(ctx.ref)
    r.value = _with_tod(ctx.ref.date(), men.tod, r)
    return r


def _bangla(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    assert men.bangla is not None
    d, m, y = men.bangla
    r.cls, r.granularity, r.mod = "bangla", "day", men.mod

    def convert(year: int, rule: str) -> date | None:
        try:
            return bangla_to_gregorian(d, m, year, rule)
        except ValueError:
            return None

    r.rule = "bangla-2019"
    if y is None:
        if ctx.ref is None:
            return _no_ref(r)
        ref = ctx.ref.date()
        r.anchor, r.tense = ref_anchor(ctx.ref), ctx.tense
        try:
            by = gregorian_to_bangla(ref, "2019")[2]
        except ValueError:  # before the Bangla era
            raise OverflowError("reference outside the Bangla calendar") from None
        cands = [(g, year) for year in (by - 1, by, by + 1) if (g := convert(year, "2019")) is not None]
        if ctx.tense == "past":
            ok = [c for c in cands if c[0] <= ref]
            pick = max(ok) if ok else None
        else:
            ok = [c for c in cands if c[0] >= ref]
            pick = min(ok) if ok else None
        if pick is None:
            return _impossible(r)
        y = pick[1]
    g19, g87 = convert(y, "2019"), convert(y, "1987")
    r.rule = "bangla-2019"
    if g19 != g87:
        r.rule += f"; 1987:{g87.isoformat() if g87 else 'impossible'}"
    if g19 is None:
        return _impossible(r)
    r.value = g19.isoformat()
    return r


def _range(men: Mention, ctx: Context, r: Resolution) -> Resolution:
    a, b = men.parts
    r.cls = "range"
    ref = ctx.ref
    by_tense = (a.kind in ("date", "month") and a.year is None and a.year_shift is None
                and (a.modifier in ("last", "next") or ctx.year_anchor is None))
    if by_tense:
        # Past: the range starts on or before the reference; future: it ends on or after it.
        # গত / আগামী before the range (আগামী ২৫ থেকে ২৭ আগস্ট) force the direction.
        # Like গত ফেব্রুয়ারিতে / আগামী ৫ আগস্ট, they put the start strictly before / after the reference.
        forced = a.modifier if a.modifier in ("last", "next") else None
        direction = {"last": "past", "next": "future"}.get(forced or "", ctx.tense)
        r.rule = f"range-{a.kind}; {a.kind}-{forced or ctx.tense}"
        r.granularity = "month" if a.kind == "month" else "day"
        if ref is None:
            return _no_ref(r)
        r.anchor = ref_anchor(ref)
        r.tense = None if forced else ctx.tense
        ctx = replace(ctx, tense=direction)
        a, b = replace(a, modifier=None), replace(b, modifier=None)

        def point(y: int, p: Mention) -> tuple[int, ...]:
            return (y, p.month or 0) if a.kind == "month" else (y, p.month or 0, p.day or 0)

        now = point(ref.year, Mention(0, 0, "date", month=ref.month, day=ref.day))
        wraps = (b.month or 0, b.day or 0) < (a.month or 0, a.day or 0)
        years = [ref.year - 1, ref.year, ref.year + 1]
        if forced == "last":
            y = max((y for y in years if point(y, a) < now), default=ref.year - 1)
        elif forced == "next":
            y = min((y for y in years if point(y, a) > now), default=ref.year + 1)
        elif direction == "past":
            y = max((y for y in years if point(y, a) <= now), default=ref.year - 1)
        else:
            y = min((y for y in years if point(y + wraps, b) >= now), default=ref.year + 1)
        a = replace(a, year=y)
        b = replace(b, year=y + 1 if wraps else y)
        first = resolve(a, ctx)
        second = resolve(b, ctx)
    else:
        first = resolve(a, ctx)
        r.rule, r.anchor, r.tense = f"range-{a.kind}; {first.rule}", first.anchor, first.tense
        second = None
        if first.value is not None:
            # The end takes its year from the start unless it has its own, and comes after the start.
            if b.year is None and a.kind in ("date", "month"):
                y0 = int(first.value[:4])
                later = (b.month or 0, b.day or 0) < (a.month or 0, a.day or 0)
                b = replace(b, year=_year_ok(y0 + 1 if later else y0), year_shift=None, modifier=None)
            second = resolve(b, ctx)
    if men.fiscal:
        r.rule = "range-year; fiscal-year"
    r.granularity = first.granularity
    r.warnings = list(first.warnings)
    if first.value is None:
        r.value, r.reason = None, first.reason
        return r
    r.value = first.value
    assert second is not None
    r.warnings += [w for w in second.warnings if w not in r.warnings]
    if second.value is None:
        r.value, r.reason = None, second.reason
        return r
    r.end_value = second.value
    return r


_KINDS = {
    "date": _date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "relday": _relday,
    "relunit": _relunit,
    "weekday": _weekday,
    "ago": _ago,
    "duration": _duration,
    "clock": _clock,
    "bangla": _bangla,
    "range": _range,
}


def resolve(men: Mention, ctx: Context) -> Resolution:
    """The TIMEX3 reading of ``men`` in context ``ctx``."""
    r = Resolution()
    try:
        r = _KINDS[men.kind](men, ctx, r)
    except OverflowError:  # "৯৯৯৯৯৯৯৯ দিন আগে": beyond the years 1-9999
        r.value, r.end_value, r.reason = None, None, "out-of-range"
        return r
    if men.end_tod is not None and r.value is not None and len(r.value) >= 16:
        _clock_range_end(men.end_tod, r)
    return r


def _clock_range_end(end: TimeOfDay, r: Resolution) -> None:
    """end_value of a clock range ("দুপুর ২টা থেকে রাত ৮টা"): the start's day, or the next when it wraps."""
    assert r.value is not None
    day = date.fromisoformat(r.value[:10])
    scratch = Resolution()
    value = _with_tod(day, replace(end, night_after=False), scratch)
    if value <= r.value:  # রাত ১০টা থেকে ভোর ৪টা: the small hours of the next day
        value = _with_tod(day + timedelta(days=1), replace(end, night_after=False), scratch)
    r.end_value = value


def needs_tense(men: Mention) -> bool:
    """Whether the tense of the clause can change ``men``'s value."""
    k = men.kind
    if k == "weekday":
        if men.offset is not None:
            return men.by_tense
        return men.modifier not in ("last", "next")
    if k in ("date", "month"):
        return men.year is None and men.year_shift is None and men.modifier is None
    if k == "relday":
        return men.by_tense
    if k == "bangla":
        return men.bangla is not None and men.bangla[2] is None
    if k == "range":
        return needs_tense(men.parts[0])
    if k == "ago":
        return men.relation == "after"
    return False


def explicit_year(men: Mention) -> int | None:
    """The Gregorian year written in ``men``, if it can anchor later year-less expressions."""
    if men.kind in ("date", "month") and men.year is not None:
        return men.year
    if men.kind == "year" and men.relation is None:
        return men.year
    if men.kind == "range" and men.parts:
        years = [p.year for p in men.parts if p.year is not None]
        return years[-1] if years else None
    return None
