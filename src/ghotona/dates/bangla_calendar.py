"""Bangladesh's revised Bangla calendar (Bangabda), as pure date arithmetic.

Both rules in use start the year on 14 April (1 Boishakh) and differ only in
month lengths, so a page's Bangla date can be cross-checked against the
Gregorian date printed beside it.  Months are numbered 1..12 = বৈশাখ..চৈত্র.

* ``"1987"`` (Bangla Academy revision used 1987-2018): months 1-5 have 31
  days, 6-12 have 30, and Falgun has 31 when that Falgun falls in a
  Gregorian leap year.
* ``"2019"`` (revision in force since 1426 / 2019): months 1-6 have 31 days,
  7-10 and 12 have 30, Falgun has 29, or 30 in a Gregorian leap year.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

RULES: tuple[str, ...] = ("1987", "2019")

# Gregorian year of 1 Boishakh = Bangla year + 593.
_OFFSET = 593
_NEW_YEAR = (4, 14)  # 14 April


def _check_rule(rule: str | int) -> str:
    r = str(rule)
    if r not in RULES:
        raise ValueError(f"unknown Bangla calendar rule {rule!r}; use one of {', '.join(RULES)}")
    return r


def month_lengths(year: int, rule: str | int = "2019") -> list[int]:
    """Lengths of the twelve months of Bangla ``year`` under ``rule``."""
    r = _check_rule(rule)
    # Falgun (month 11) falls in Feb-Mar of the Gregorian year after 1 Boishakh.
    leap = calendar.isleap(year + _OFFSET + 1)
    if r == "1987":
        return [31] * 5 + [30] * 5 + [31 if leap else 30, 30]
    return [31] * 6 + [30] * 4 + [30 if leap else 29, 30]


def _new_year(year: int) -> date:
    return date(year + _OFFSET, *_NEW_YEAR)


def bangla_to_gregorian(day: int, month: int, year: int, rule: str | int = "2019") -> date:
    """Gregorian date of ``day month year`` (Bangla); ValueError if no such day."""
    lengths = month_lengths(year, rule)
    if not 1 <= month <= 12:
        raise ValueError(f"Bangla month must be 1..12, got {month}")
    if not 1 <= day <= lengths[month - 1]:
        raise ValueError(
            f"Bangla month {month} of {year} has {lengths[month - 1]} days under the {rule} rule, not {day}"
        )
    return _new_year(year) + timedelta(days=sum(lengths[: month - 1]) + day - 1)


def gregorian_to_bangla(d: date, rule: str | int = "2019") -> tuple[int, int, int]:
    """``(day, month, year)`` of the Bangla date falling on Gregorian ``d``."""
    _check_rule(rule)
    year = d.year - _OFFSET if (d.month, d.day) >= _NEW_YEAR else d.year - _OFFSET - 1
    offset = (d - _new_year(year)).days
    for month, length in enumerate(month_lengths(year, rule), start=1):
        if offset < length:
            return offset + 1, month, year
        offset -= length
    raise AssertionError("month lengths always sum to the Gregorian year length")  # pragma: no cover


def closest_gap_days(day: int, month: int, year: int, g: date) -> int | None:
    """Days between ``g`` and the Bangla date read under the nearer of the two rules.

    None when the Bangla date exists under neither rule.  Sites are often a
    day off (they switch at sunrise, or keep the 1987 rule), so callers
    treat a gap of one day as agreement.
    """
    gaps = []
    for rule in RULES:
        try:
            gaps.append(abs((bangla_to_gregorian(day, month, year, rule) - g).days))
        except ValueError:
            pass
    return min(gaps) if gaps else None
