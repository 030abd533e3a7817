"""Helpers of the trigger-lexicon validation tests (tests/test_event_lexicon.py,
tests/test_events_types6.py): the smallest valid head of a triggers file."""

from __future__ import annotations

# Everything a triggers file needs before its first entry; a test appends
# entries (and, for line-number checks, counts lines from here).
HEADER = """\
verb_endings: [ে, েছে]
noun_endings: [টি]
light_verb_window: 3
light_verbs:
  করা: [করে, করেছে]
triggers:
"""
