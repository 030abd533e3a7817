"""Fixtures shared by the test modules."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest


@pytest.fixture
def guard_open(monkeypatch: pytest.MonkeyPatch):
    """Make ``open`` fail for chosen paths; record every path opened.

    Tests run as root here, and chmod does not stop root from reading, so an
    unreadable file is simulated by failing ``open`` for its path.
    """
    real_open = builtins.open
    opened: list[str] = []
    failing: dict[str, BaseException] = {}

    def fake_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)):
            path = os.path.abspath(os.fspath(file))
            opened.append(path)
            if path in failing:
                raise failing[path]
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)

    class Guard:
        def fail(self, path: Path, exc: BaseException) -> None:
            failing[os.path.abspath(path)] = exc

        def was_opened(self, path: Path) -> bool:
            return os.path.abspath(path) in opened

    return Guard()


# The event coder with the rules alone and with the argument ranker: built once
# for the participant tests (tests/test_events_args*.py); the coder keeps no
# state between articles.
@pytest.fixture(scope="session")
def rules():
    from ghotona.events.coder import EventCoder

    return EventCoder(ranker=None)


@pytest.fixture(scope="session")
def ranked():
    from ghotona.events.coder import EventCoder

    return EventCoder()


# The default coder for the event tests (tests/test_events*.py): the same
# instance as ``ranked``, built once for the session.
@pytest.fixture(scope="session")
def coder(ranked):
    return ranked


# The shipped trigger lexicon (load_lexicon caches it anyway).
@pytest.fixture(scope="session")
def lex():
    from ghotona.events.lexicon import load_lexicon

    return load_lexicon()
