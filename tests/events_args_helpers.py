"""Helpers of the participant tests (tests/test_events_args*.py, test_events_real20.py):
code a written sentence and keep one type's events, or every event's type and sides; a
participant list's English names."""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def events(coder: EventCoder, text: str, typ: str, on: str = "2024-05-02"):
    return [e for e in coder.code(article_from_text(text, on)) if e.type == typ]


def names(ps) -> list[str]:
    return sorted(p.name_en for p in ps)


def parties(coder: EventCoder, text: str, on: str = "2024-03-10") -> list[tuple[str, list[str], list[str]]]:
    """Each event's type, actors and recipients (English names, else the text)."""
    return [(e.type, [p.name_en or p.text for p in e.actors], [p.name_en or p.text for p in e.recipients])
            for e in coder.code(article_from_text(text, on))]


def sides(coder: EventCoder, text: str, typ: str) -> tuple[list[str], list[str]]:
    """The actors and recipients (English names) of the one event of type ``typ`` the text gives."""
    (event,) = events(coder, text, typ)
    return names(event.actors), names(event.recipients)
