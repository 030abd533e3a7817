"""Temporal tagging of Bengali news text (what HeidelTime/SUTime do for other languages).

``tag(text, ref)`` finds every date and time expression in ``text`` and
resolves it against ``ref`` (normally the article's publication time).  The
output follows ``docs/timex.md``: one :class:`TimeExpression` per expression,
sorted by ``start``, with no overlapping spans and
``text[e.start:e.end] == e.text``.

Steps: the text is normalised (NFC, ASCII digits, zero-width characters
removed) with an offset map back to the caller's string; :mod:`.recognize`
finds the expressions; the text is split into sentences
(:func:`ghotona.text.split_sentences`); :mod:`.tense` gives each expression
the tense of its clause; :mod:`.resolve` computes the value, with the year of
an earlier explicit-year expression in the same sentence anchoring year-less
ones.
"""

from __future__ import annotations

import bisect
import unicodedata
from datetime import date, datetime

import regex

from ..dates.bangla_calendar import closest_gap_days
from ..dates.pagedates import _normalize, to_ascii_digits
from ..text.segment import split_sentences
from .model import TimeExpression
from .recognize import Mention, grammar, load_timex_data, recognize, with_that_year
from .resolve import Context, Resolution, explicit_year, needs_tense, resolve
from .tense import DEFAULT, Marker, find_markers, tense_for

__all__ = ["TimeExpression", "tag", "load_timex_data"]

# What may stand between a Gregorian date and the Bangla date printed beside it.
_BESIDE = regex.compile(r"[\s,|।/\-–—()]*")
# Characters the page-date normaliser drops (zero-width and format characters).
_DROPPED = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class _Normalised:
    """The text as the grammar sees it (NFC, ASCII digits, no zero-width
    characters) and the map back to the caller's offsets.

    Text from ghotona's pipeline is NFC already; then only digits change and
    offsets are the identity, which is checked cheaply first.
    """

    def __init__(self, text: str) -> None:
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        if unicodedata.is_normalized("NFC", text) and not _DROPPED.search(text):
            self.norm = to_ascii_digits(text)
        else:
            self.norm, self._starts, self._ends = _normalize(text)

    def span(self, s: int, e: int) -> tuple[int, int]:
        if self._starts is None or self._ends is None:
            return s, e
        return self._starts[s], self._ends[e - 1]


def _as_datetime(ref: datetime | date | None) -> datetime | None:
    if ref is None or isinstance(ref, datetime):
        return ref
    if isinstance(ref, date):
        return datetime(ref.year, ref.month, ref.day)
    raise TypeError(f"ref must be a datetime or None, not {type(ref).__name__}")


def _bangla_check(text: str, items: list[tuple[Mention, Resolution]]) -> None:
    """Warn when a Bangla date sits beside a Gregorian date it does not match (either rule, ±1 day)."""
    for (m1, r1), (m2, r2) in zip(items, items[1:]):
        pair = {m1.kind: (m1, r1), m2.kind: (m2, r2)}
        if set(pair) != {"date", "bangla"} or not _BESIDE.fullmatch(text, m1.end, m2.start):
            continue
        gm, gr = pair["date"]
        bm, br = pair["bangla"]
        if gr.value is None or bm.bangla is None or bm.bangla[2] is None:
            continue
        g = date.fromisoformat(gr.value[:10])
        d, mo, y = bm.bangla
        gap = closest_gap_days(d, mo, y, g)
        if gap is None or gap > 1:
            br.warnings.append("bangla-date-mismatch")


def tag(text: str, ref: datetime | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``ref`` (see docs/timex.md).

    With ``ref`` None, relative, weekday and year-less expressions get value
    None and reason ``no-reference-time``; absolute ones still resolve.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = _as_datetime(ref)
    if not text:
        return []
    t = _Normalised(text)
    norm = t.norm
    mentions = with_that_year(recognize(norm), norm)
    if not mentions:
        return []
    g = grammar()
    sentences = split_sentences(norm) or []
    starts = [s.start for s in sentences]

    resolved: list[tuple[Mention, Resolution]] = []
    text_year: int | None = None  # the last year the text told, for "ওই বছরের"
    by_sentence: dict[int, list[Mention]] = {}
    for men in mentions:
        i = bisect.bisect_right(starts, men.start) - 1
        by_sentence.setdefault(i, []).append(men)
    for i, group in sorted(by_sentence.items()):
        if 0 <= i < len(sentences):
            s_start, s_end = sentences[i].start, sentences[i].end
        else:
            s_start, s_end = group[0].start, group[-1].end
        markers: list[Marker] | None = None  # found only when a mention needs the tense
        year_anchor: int | None = None
        for men in group:
            if men.that_year_from is not None:
                if text_year is not None:
                    men.start, men.year = men.that_year_from, text_year
                elif men.kind == "year":
                    continue  # "ওই বছর" with no year told before: nothing to point back to
            tense = DEFAULT
            if needs_tense(men):
                if markers is None:
                    markers = find_markers(norm, s_start, max(s_end, group[-1].end), g)
                tense, _marked = tense_for(markers, men.start, men.end)
            res = resolve(men, Context(ref, tense, year_anchor))
            resolved.append((men, res))
            y = explicit_year(men)
            if y is not None:
                year_anchor = text_year = y
    _bangla_check(norm, resolved)

    out: list[TimeExpression] = []
    for men, res in resolved:
        s, e = t.span(men.start, men.end)
        out.append(TimeExpression(
            start=s, end=e, text=text[s:e], type=res.type, cls=res.cls, value=res.value,
            granularity=res.granularity, mod=res.mod, end_value=res.end_value, anchor=res.anchor,
            rule=res.rule, tense=res.tense, warnings=res.warnings, reason=res.reason,
        ))
    return out
