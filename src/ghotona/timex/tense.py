"""Sentence tense for resolving weekdays and year-less dates.

The markers come from ``timex.yaml`` (``tense``): future words and endings
(হবে, করবেন, -বে/-বেন/-বো, আগামী, আসন্ন, পরিকল্পনা, হতে যাচ্ছে) and past
ones (-েছেন, -েছে, -লেন, -ছিল, হয়, বলেন, জানান).  Multi-word markers
(হতে যাচ্ছে, অনুষ্ঠিত হয়, কথা রয়েছে) win over their parts.

A sentence can hold two clauses with different tenses ("মঙ্গলবার তিনি
বলেছেন, শুক্রবার বৈঠক হবে").  Bengali puts the verb after what it governs,
so an expression takes the first marker after it in its sentence, or failing
that the last marker before it.  With no marker at all the tense is past:
news reports the past (docs/timex.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from .recognize import Grammar, TenseMarkers

DEFAULT = "past"


@dataclass(frozen=True, slots=True)
class Marker:
    start: int
    end: int
    tense: str


def _word_tense(word: str, tm: TenseMarkers) -> str | None:
    w = word.casefold()
    if w in _CACHE:
        return _CACHE[w]
    tense = _classify(w, tm)
    if len(_CACHE) < 100_000:
        _CACHE[w] = tense
    return tense


# Word -> tense.  The markers never change within a process (grammar() is cached).
_CACHE: dict[str, str | None] = {}


def _classify(w: str, tm: TenseMarkers) -> str | None:
    if w in tm.ignore_words:
        return None
    if w in tm.words:
        return tm.words[w]
    if any(w.endswith(e) for e in tm.ignore_endings):
        return None
    for ending, tense in tm.endings:
        if len(w) > len(ending) and w.endswith(ending):
            return tense
    return None


def find_markers(text: str, start: int, end: int, g: Grammar) -> list[Marker]:
    """Tense markers in ``text[start:end]`` (normalised text), in order."""
    tm = g.data.tense
    out: list[Marker] = []
    covered: list[tuple[int, int]] = []
    if g.tense_phrase is not None:
        for m in g.tense_phrase.finditer(text, start, end):
            key = " ".join(m.group().casefold().split())
            tense = tm.phrases.get(key)
            if tense:
                out.append(Marker(m.start(), m.end(), tense))
                covered.append(m.span())
    for m in g.tense_word.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in covered):
            continue
        tense = _word_tense(m.group(), tm)
        if tense:
            out.append(Marker(m.start(), m.end(), tense))
    out.sort(key=lambda mk: mk.start)
    return out


def tense_for(markers: list[Marker], start: int, end: int) -> tuple[str, bool]:
    """(tense, marked) for an expression at ``[start, end)``; markers inside it do not count.

    ``marked`` is False when no marker was found and the default was used.
    """
    before: Marker | None = None
    for mk in markers:
        if mk.start >= end:
            return mk.tense, True
        if mk.end <= start:
            before = mk
    if before is not None:
        return before.tense, True
    return DEFAULT, False
