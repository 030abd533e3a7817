"""Dates printed on Bengali news pages: Gregorian stamps and the Bangla calendar.

``find_dates`` finds every date/time stamp on a page (with its role and
cross-checks), ``parse_date_string`` reads one field value, and
``bangla_to_gregorian`` / ``gregorian_to_bangla`` convert between calendars.
"""

from __future__ import annotations

from .bangla_calendar import RULES, bangla_to_gregorian, gregorian_to_bangla, month_lengths
from .pagedates import (
    CalendarData,
    find_bangla_dates,
    find_dates,
    load_calendar,
    parse_date_string,
    to_ascii_digits,
    validate_calendar,
)

__all__ = [
    "RULES",
    "CalendarData",
    "bangla_to_gregorian",
    "find_bangla_dates",
    "find_dates",
    "gregorian_to_bangla",
    "load_calendar",
    "month_lengths",
    "parse_date_string",
    "to_ascii_digits",
    "validate_calendar",
]
