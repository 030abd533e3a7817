"""The output record of the temporal tagger (see ``docs/timex.md``)."""

from __future__ import annotations

# The record itself lives with the other typed records (records.py), so that
# an Article can carry its expressions without importing the tagger.
from ..records import TimeExpression

TYPES = ("DATE", "TIME", "DURATION")
CLASSES = ("absolute", "partial", "weekday", "relative", "bangla", "clock", "duration", "range")
GRANULARITIES = ("minute", "hour", "part-of-day", "day", "week", "month", "year", "decade")
MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "MORE_THAN", "LESS_THAN",
    "APPROX", "START", "MID", "END",
)

__all__ = ["TimeExpression", "TYPES", "CLASSES", "GRANULARITIES", "MODS"]
