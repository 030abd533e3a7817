"""Tests for ghotona.dates: page date stamps, field values, the Bangla calendar."""

from __future__ import annotations

import copy
import csv
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest
from babel.dates import get_day_names, get_month_names

from ghotona.dates import (
    bangla_to_gregorian,
    find_bangla_dates,
    find_dates,
    gregorian_to_bangla,
    load_calendar,
    month_lengths,
    parse_date_string,
    to_ascii_digits,
    validate_calendar,
)
from ghotona.dates import pagedates
from ghotona.errors import LanguageDataError
from ghotona.langdata import load_yaml
from ghotona.records import DateMention

DHAKA = timezone(timedelta(hours=6))  # Asia/Dhaka has had no DST since 2009
SHARED = Path(__file__).resolve().parents[2] / "shared"
TSV = SHARED / "data" / "dates" / "bengali_date_strings_expected.tsv"


def iso(m: DateMention) -> str:
    return m.value.isoformat()


def only(text: str) -> DateMention:
    """The single mention in ``text``, which must cover all of it."""
    found = find_dates(text)
    assert len(found) == 1, found
    m = found[0]
    assert (m.start, m.end) == (0, len(text)), m
    assert m.text == text
    return m


# --------------------------------------------------------------------------
# Digits and normalisation
# --------------------------------------------------------------------------


def test_to_ascii_digits() -> None:
    assert to_ascii_digits("০১২৩৪৫৬৭৮৯ জুলাই 10") == "0123456789 জুলাই 10"


# --------------------------------------------------------------------------
# Forms from real pages: one mention per stamp, exact values
# --------------------------------------------------------------------------

# (text, ISO value, granularity, role, weekday_given)
WHOLE_STAMPS: list[tuple[str, str, str, str, int | None]] = [
    ("১০ জুলাই ২০২৫, ১৯:০৭", "2025-07-10T19:07:00+06:00", "minute", "unknown", None),
    ("১১:০৭ এএম, ১৩ আগস্ট ২০২৫", "2025-08-13T11:07:00+06:00", "minute", "unknown", None),
    ("১২ জুলাই, ২০২৫ | ৯:০২", "2025-07-12T09:02:00+06:00", "minute", "unknown", None),
    ("০৮:০৫:১৫ অপরাহ্ন, শনিবার, ১২ জুলাই ২০২৫", "2025-07-12T20:05:15+06:00", "second", "unknown", 5),
    ("জুলাই ১০, ২০২৪", "2024-07-10T00:00:00+06:00", "day", "unknown", None),
    ("সকাল ১০:৩০, জুলাই ১০, ২০২৪", "2024-07-10T10:30:00+06:00", "minute", "unknown", None),
    ("বিকাল ৫:৪৫, ডিসেম্বর ১৫ ২০২৪", "2024-12-15T17:45:00+06:00", "minute", "unknown", None),
    ("12/07/2025", "2025-07-12T00:00:00+06:00", "day", "unknown", None),
    ("১২.০৭.২০২৫", "2025-07-12T00:00:00+06:00", "day", "unknown", None),
    ("2025-07-12", "2025-07-12T00:00:00+06:00", "day", "unknown", None),
    ("July 12, 2025", "2025-07-12T00:00:00+06:00", "day", "unknown", None),
    ("12 Jul 2025, 09:02 PM", "2025-07-12T21:02:00+06:00", "minute", "unknown", None),
    ("Saturday, 12 July 2025 at 9:02 pm", "2025-07-12T21:02:00+06:00", "minute", "unknown", 5),
    ("১০ই জুলাই ২০২৫ ইং", "2025-07-10T00:00:00+06:00", "day", "unknown", None),
    ("২১শে ফেব্রুয়ারি ২০২৫", "2025-02-21T00:00:00+06:00", "day", "unknown", None),
    ("রাত ১২:৩০, ১০ জুলাই ২০২৫", "2025-07-10T00:30:00+06:00", "minute", "unknown", None),
    ("রাত ১০:১৫, ১০ জুলাই ২০২৫", "2025-07-10T22:15:00+06:00", "minute", "unknown", None),
    ("রাত ২:১৫, ১০ জুলাই ২০২৫", "2025-07-10T02:15:00+06:00", "minute", "unknown", None),
    ("দুপুর ১২:১০, ১০ জুলাই ২০২৫", "2025-07-10T12:10:00+06:00", "minute", "unknown", None),
    ("দুপুর ২:১০, ১০ জুলাই ২০২৫", "2025-07-10T14:10:00+06:00", "minute", "unknown", None),
    ("১২:১০ এ.এম., ১০ জুলাই ২০২৫", "2025-07-10T00:10:00+06:00", "minute", "unknown", None),
    ("বিকাল ১৭:৪৫, ১০ জুলাই ২০২৫", "2025-07-10T17:45:00+06:00", "minute", "unknown", None),
    ("১০ জুলাই ২০২৫, ০৭:১০ পূর্বাহ্ণ", "2025-07-10T07:10:00+06:00", "minute", "unknown", None),
    ("2025-12-30T06:07:43+00:00", "2025-12-30T06:07:43+00:00", "second", "unknown", None),
    ("2025-12-30 12:33:56", "2025-12-30T12:33:56+06:00", "second", "unknown", None),
    ("Tue, 30 Dec 2025 06:07:43 +0000", "2025-12-30T06:07:43+00:00", "second", "unknown", 1),
    ("১০ জুলাই ২০২৫, ১৯:০৭ (GMT+6)", "2025-07-10T19:07:00+06:00", "minute", "unknown", None),
]


@pytest.mark.parametrize("text,value,granularity,role,weekday", WHOLE_STAMPS)
def test_whole_stamp(text: str, value: str, granularity: str, role: str, weekday: int | None) -> None:
    m = only(text)
    assert iso(m) == value
    assert m.granularity == granularity
    assert m.has_time == (granularity != "day")
    assert m.role == role
    assert m.weekday_given == weekday
    assert m.warnings == []


@pytest.mark.parametrize(
    "text,stamp,role",
    [
        ("প্রকাশিত: ১১:০৭ এএম, ১৩ আগস্ট ২০২৫", "১১:০৭ এএম, ১৩ আগস্ট ২০২৫", "published"),
        ("প্রকাশ : ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "published"),
        ("প্রকাশের সময় : ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "published"),
        ("পোস্ট: ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "published"),
        ("Published: July 12, 2025", "July 12, 2025", "published"),
        ("আপডেটঃ ১২ জুলাই, ২০২৫ | ৯:০২", "১২ জুলাই, ২০২৫ | ৯:০২", "updated"),
        ("আপডেট সময় : ০৮:০৫:১৫ অপরাহ্ন, শনিবার, ১২ জুলাই ২০২৫", "০৮:০৫:১৫ অপরাহ্ন, শনিবার, ১২ জুলাই ২০২৫", "updated"),
        ("সর্বশেষ আপডেট: ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "updated"),
        ("হালনাগাদ: ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "updated"),
        ("Updated - 12 Jul 2025", "12 Jul 2025", "updated"),
        ("ঢাকা ১০ জুলাই ২০২৫", "১০ জুলাই ২০২৫", "unknown"),
    ],
)
def test_role_cue(text: str, stamp: str, role: str) -> None:
    [m] = find_dates(text)
    assert m.text == stamp
    assert text[m.start : m.end] == stamp
    assert m.role == role


def test_updated_glued_to_previous_time_gives_two_mentions() -> None:
    text = "১০ জুলাই ২০২৫, ১৯:০৭আপডেট : ১০ জুলাই ২০২৫, ১৯:০৭"
    first, second = find_dates(text)
    assert (first.start, first.end) == (0, 20)
    assert first.role == "unknown"
    assert second.text == "১০ জুলাই ২০২৫, ১৯:০৭"
    assert second.start == text.index("আপডেট") + len("আপডেট : ")
    assert second.role == "updated"
    assert iso(first) == iso(second) == "2025-07-10T19:07:00+06:00"


def test_published_and_updated_on_one_line() -> None:
    text = "প্রকাশ: ১০ জুলাই ২০২৫, ১০:০০ | আপডেট: ১১:০৭ এএম, ১১ জুলাই ২০২৫"
    pub, upd = find_dates(text)
    assert (pub.role, iso(pub)) == ("published", "2025-07-10T10:00:00+06:00")
    assert (upd.role, iso(upd)) == ("updated", "2025-07-11T11:07:00+06:00")


def test_leading_weekday_of_next_date_is_not_taken() -> None:
    text = "প্রকাশ: ১০ জুলাই ২০২৫ | শনিবার, ১২ জুলাই ২০২৫"
    first, second = find_dates(text)
    assert first.weekday_given is None and first.warnings == []
    assert second.weekday_given == 5 and second.warnings == []


def test_dates_in_running_text() -> None:
    text = "গত ১০ জুলাই ২০২৫ তারিখে বৈঠক হয়। পরে 12/07/2025 এবং জুলাই ১৫, ২০২৫ আবার।"
    found = find_dates(text)
    assert [m.value.date() for m in found] == [date(2025, 7, 10), date(2025, 7, 12), date(2025, 7, 15)]
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["১২৩ ৪৫৬", "স্কোর ১২-০৭", "12/13/14", "ভার্সন 1.2.2025.4", "৪০ জুলাই ২০২৫", "12:30", "২০২৫ সালে"],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "variant,month",
    [
        ("জানুয়ারি", 1), ("জানুয়ারী", 1), ("ফেব্রুয়ারি", 2), ("ফেব্রুয়ারী", 2), ("মার্চ", 3),
        ("এপ্রিল", 4), ("মে", 5), ("জুন", 6), ("জুলাই", 7), ("জুলায়", 7), ("আগস্ট", 8),
        ("আগষ্ট", 8), ("অগাস্ট", 8), ("অগস্ট", 8), ("সেপ্টেম্বর", 9), ("সেপ্টেমবর", 9),
        ("অক্টোবর", 10), ("অক্টোবার", 10), ("নভেম্বর", 11), ("নবেম্বর", 11),
        ("ডিসেম্বর", 12), ("ডিসেমবর", 12), ("Sept", 9), ("AUGUST", 8),
    ],
)
def test_month_variants(variant: str, month: int) -> None:
    assert only(f"৫ {variant} ২০২৪").value.month == month
    assert only(f"{variant} ৫, ২০২৪").value.month == month


@pytest.mark.parametrize(
    "name,weekday",
    [("শনিবার", 5), ("রবিবার", 6), ("রোববার", 6), ("সোমবার", 0), ("মঙ্গলবার", 1),
     ("বুধবার", 2), ("বৃহস্পতিবার", 3), ("বিষ্যুদবার", 3), ("শুক্রবার", 4)],
)
def test_weekday_names(name: str, weekday: int) -> None:
    m = only(f"{name}, ১০ জুলাই ২০২৫")
    assert m.weekday_given == weekday
    # 10 July 2025 is a Thursday: every other name must be flagged.
    assert bool(m.warnings) == (weekday != 3)


def test_composed_and_decomposed_nukta_letters() -> None:
    composed = "রোববার, ১০ জুলা\u09df ২০২৫, ২৬ আষা\u09dd ১৪৩২"
    decomposed = unicodedata.normalize("NFC", composed)
    assert len(decomposed) == len(composed) + 2  # NFC splits য় and ঢ়
    for text in (composed, decomposed):
        m = only(text)
        assert m.value.date() == date(2025, 7, 10)
        assert m.bangla_date == "26 Asharh 1432"
    # ো typed as ে + া, and a zero-width non-joiner inside a cue word
    odd = "আপডেট\u200c : র\u09c7\u09beববার, ১৩ জুলাই ২০২৫"
    [m] = find_dates(odd)
    assert m.role == "updated" and m.weekday_given == 6 and m.warnings == []
    assert odd[m.start : m.end] == m.text and m.text.startswith("র")


def test_timezone_argument_and_stated_offset() -> None:
    [m] = find_dates("১০ জুলাই ২০২৫, ১৯:০৭", tz="Europe/London")
    assert iso(m) == "2025-07-10T19:07:00+01:00"
    [m] = find_dates("2025-12-30T06:07:43Z", tz="Europe/London")
    assert m.value.utcoffset() == timedelta(0)
    with pytest.raises(ValueError, match="time zone"):
        find_dates("১০ জুলাই ২০২৫", tz="Mars/Base")


# --------------------------------------------------------------------------
# Cross-checks and warnings
# --------------------------------------------------------------------------


def test_weekday_mismatch_warning() -> None:
    m = only("শনিবার, ৯ জুলাই ২০২৫")
    assert m.warnings == ["weekday-mismatch: page says Saturday, 2025-07-09 is a Wednesday"]


def test_impossible_date_warning() -> None:
    m = only("৩১ জুন ২০২৫")
    assert m.value.date() == date(2025, 6, 30)
    assert m.warnings == ["impossible-date: 31 June 2025 does not exist; read as 2025-06-30"]
    m = only("29/02/2025")
    assert m.warnings and m.warnings[0].startswith("impossible-date: 29 February 2025")


def test_impossible_time_is_dropped() -> None:
    m = only("১০ জুলাই ২০২৫, ২৫:১০")
    assert not m.has_time and m.granularity == "day"
    assert m.warnings[0].startswith("impossible-time:")


def test_month_first_numeric_is_swapped_with_warning() -> None:
    m = only("07/25/2025")
    assert m.value.date() == date(2025, 7, 25)
    assert m.warnings[0].startswith("month-day-swapped:")


@pytest.mark.parametrize(
    "text,value,bangla",
    [
        # Site shows 26 Asharh; by rule it is 27: within one day, so no warning.
        ("শুক্রবার, ১১ জুলাই ২০২৫ | ২৬ আষাঢ় ১৪৩২", "2025-07-11T00:00:00+06:00", "26 Asharh 1432"),
        ("বৃহস্পতিবার, ০৩ জুলাই ২০২৫, ১৯ আষাঢ় ১৪৩২", "2025-07-03T00:00:00+06:00", "19 Asharh 1432"),
        ("০৫:৪১ অপরাহ্ন, শুক্রবার, ০২ জানুয়ারী ২০২৬, ১৯ পৌষ ১৪৩২ বঙ্গাব্দ",
         "2026-01-02T17:41:00+06:00", "19 Poush 1432"),
        ("২৬ আষাঢ় ১৪৩২, শুক্রবার, ১১ জুলাই ২০২৫", "2025-07-11T00:00:00+06:00", "26 Asharh 1432"),
    ],
)
def test_bangla_date_beside_gregorian(text: str, value: str, bangla: str) -> None:
    m = only(text)
    assert iso(m) == value
    assert m.bangla_date == bangla
    if "শুক্রবার" in text:
        assert m.weekday_given == 4
    assert m.warnings == []


def test_bangla_date_on_next_line_is_attached_but_not_spanned() -> None:
    text = "শুক্রবার, ১১ জুলাই ২০২৫\n২৬ আষাঢ় ১৪৩২"
    [m] = find_dates(text)
    assert m.text == "শুক্রবার, ১১ জুলাই ২০২৫"
    assert m.bangla_date == "26 Asharh 1432"


def test_bangla_date_mismatch_warning() -> None:
    [m] = find_dates("১১ জুলাই ২০২৫, ১০ আষাঢ় ১৪৩২")
    assert m.warnings == [
        "bangla-date-mismatch: page says 10 Asharh 1432 beside 2025-07-11, "
        "which is 27 Asharh 1432 under either rule"
    ]
    [m] = find_dates("০২ জানুয়ারী ২০২৬, ২৯ পৌষ ১৪৩২")
    assert m.warnings[0].endswith("which is 19 Poush 1432 (1987 rule) or 18 Poush 1432 (2019 rule)")


def test_find_bangla_dates() -> None:
    text = "আজ ২৬ আষাঢ় ১৪৩২ বঙ্গাব্দ, কাল ১লা শ্রাবন ১৪৩২"
    got = find_bangla_dates(text)
    assert [(d, mo, y) for _, _, d, mo, y in got] == [(26, 3, 1432), (1, 4, 1432)]
    assert text[got[0][0] : got[0][1]] == "২৬ আষাঢ় ১৪৩২ বঙ্গাব্দ"


# --------------------------------------------------------------------------
# parse_date_string: single field values
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected,granularity",
    [
        ("2025-12-30T06:07:43+00:00", "2025-12-30T06:07:43+00:00", "second"),
        ("2025-12-30 12:33:56", "2025-12-30T12:33:56+06:00", "second"),
        ("2025-12-30", "2025-12-30T00:00:00+06:00", "day"),
        ("2025-07-12T10:30:00.250+06:00", "2025-07-12T10:30:00.250000+06:00", "second"),
        ("Tue, 30 Dec 2025 06:07:43 GMT", "2025-12-30T06:07:43+00:00", "second"),
        ("Tue, 30 Dec 2025 06:07:43 +0600", "2025-12-30T06:07:43+06:00", "second"),
        ("  ১০ জুলাই ২০২৫, ১৯:০৭ ", "2025-07-10T19:07:00+06:00", "minute"),
        ("প্রকাশিত: ১১:০৭ এএম, ১৩ আগস্ট ২০২৫", "2025-08-13T11:07:00+06:00", "minute"),
        ("20251230T060743Z", "2025-12-30T06:07:43+00:00", "second"),
        ("1735540063", "2024-12-30T12:27:43+06:00", "second"),
    ],
)
def test_parse_date_string(value: str, expected: str, granularity: str) -> None:
    m = parse_date_string(value)
    assert m is not None
    assert iso(m) == expected
    assert m.granularity == granularity
    assert value[m.start : m.end] == m.text


@pytest.mark.parametrize("value", ["Unknown", "", "   ", "N/A", "null", "২০২৫", "12:30"])
def test_parse_date_string_garbage(value: str) -> None:
    assert parse_date_string(value) is None


# --------------------------------------------------------------------------
# Shared expected-value table
# --------------------------------------------------------------------------


def _tsv_rows() -> list[dict[str, str]]:
    if not TSV.exists():
        return []
    with TSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


_ROWS = _tsv_rows()


@pytest.mark.skipif(not TSV.exists(), reason=f"shared expected-value table not found at {TSV}")
@pytest.mark.parametrize(
    "row", _ROWS or [{}], ids=[f"{i}-{r['source_test']}" for i, r in enumerate(_ROWS)] or ["missing"]
)
def test_shared_table(row: dict[str, str]) -> None:
    m = only(row["input"])
    got = {"year": m.value.year, "month": m.value.month, "day": m.value.day,
           "hour": m.value.hour, "minute": m.value.minute}
    for col, actual in got.items():
        if row.get(col, "").strip():  # an empty column is not part of the expectation
            assert actual == int(row[col]), (col, row)
    if row.get("hour", "").strip():
        assert m.has_time
    # The source table has one row whose weekday is wrong for its date: that
    # must be reported as a warning, not silently accepted or fatal.
    if m.weekday_given is not None and m.weekday_given != m.value.weekday():
        assert len(m.warnings) == 1 and m.warnings[0].startswith("weekday-mismatch:")
    else:
        assert m.warnings == []


@pytest.mark.skipif(not TSV.exists(), reason=f"shared expected-value table not found at {TSV}")
def test_shared_table_has_one_wrong_weekday() -> None:
    wrong = [r["input"] for r in _ROWS if only(r["input"]).warnings]
    assert wrong == ["শনিবার, জুলাই ১০, ২০২৪"]


# --------------------------------------------------------------------------
# Bangla calendar
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bangla,rule,gregorian",
    [
        ((1, 1, 1432), "2019", date(2025, 4, 14)),
        ((1, 1, 1432), "1987", date(2025, 4, 14)),
        ((1, 9, 1432), "2019", date(2025, 12, 16)),
        ((8, 11, 1431), "2019", date(2025, 2, 21)),
        ((12, 12, 1431), "2019", date(2025, 3, 26)),
        ((1, 9, 1432), "1987", date(2025, 12, 15)),
        ((27, 3, 1432), "2019", date(2025, 7, 11)),
        ((27, 3, 1432), "1987", date(2025, 7, 11)),
        ((19, 3, 1432), "2019", date(2025, 7, 3)),
        ((19, 9, 1432), "1987", date(2026, 1, 2)),
        ((18, 9, 1432), "2019", date(2026, 1, 2)),
        ((8, 11, 1430), "2019", date(2024, 2, 21)),  # leap-year Falgun
        ((12, 12, 1430), "2019", date(2024, 3, 26)),
    ],
)
def test_bangla_calendar_fixed_points(bangla: tuple[int, int, int], rule: str, gregorian: date) -> None:
    assert bangla_to_gregorian(*bangla, rule) == gregorian
    assert gregorian_to_bangla(gregorian, rule) == bangla


def test_bangla_calendar_month_lengths() -> None:
    assert month_lengths(1432, "2019") == [31] * 6 + [30] * 4 + [29, 30]
    assert month_lengths(1430, "2019")[10] == 30  # Falgun 1430 falls in Feb 2024
    assert month_lengths(1432, "1987") == [31] * 5 + [30] * 7
    assert month_lengths(1430, "1987")[10] == 31
    for year in range(1420, 1440):
        for rule in ("1987", "2019"):
            assert sum(month_lengths(year, rule)) == (
                date(year + 594, 4, 14) - date(year + 593, 4, 14)
            ).days


@pytest.mark.parametrize("rule", ["1987", "2019"])
def test_bangla_calendar_round_trip(rule: str) -> None:
    d = date(2019, 1, 1)
    prev: tuple[int, int, int] | None = None
    while d <= date(2030, 12, 31):
        b = gregorian_to_bangla(d, rule)
        assert bangla_to_gregorian(*b, rule) == d
        if prev is not None:  # consecutive days are consecutive Bangla dates
            assert b[0] == prev[0] + 1 or (b[0] == 1 and (b[1] == prev[1] + 1 or (b[1], prev[1]) == (1, 12)))
        prev = b
        d += timedelta(days=1)


def test_bangla_calendar_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        bangla_to_gregorian(30, 11, 1431, "2019")  # Falgun 1431 has 29 days
    with pytest.raises(ValueError):
        bangla_to_gregorian(1, 13, 1431, "2019")
    with pytest.raises(ValueError, match="rule"):
        bangla_to_gregorian(1, 1, 1431, "2000")


# --------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).casefold()


def test_cldr_names_are_aliases() -> None:
    raw = load_yaml("calendar.yaml")
    months = {m["month"]: {_nfc(a) for a in m["aliases"]} for m in raw["gregorian_months"]}
    days = {w["weekday"]: {_nfc(a) for a in w["aliases"]} for w in raw["weekdays"]}
    for context in ("format", "stand-alone"):
        for num, name in get_month_names("wide", context, locale="bn").items():
            assert _nfc(name) in months[num], (num, name)
        for num, name in get_day_names("wide", context, locale="bn").items():
            assert _nfc(name) in days[num], (num, name)


@pytest.fixture()
def feed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Feed a modified copy of calendar.yaml to the loader; restore the grammar after."""
    real = copy.deepcopy(load_yaml("calendar.yaml"))

    def use(edit: Any) -> None:
        data = copy.deepcopy(real)
        edit(data)
        monkeypatch.setattr(pagedates, "load_yaml", lambda name: data)

    pagedates._grammar.cache_clear()
    yield use
    monkeypatch.undo()
    pagedates._grammar.cache_clear()


def _set(path: list[Any], value: Any) -> Any:
    def edit(data: Any) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


@pytest.mark.parametrize(
    "edit,where,problem",
    [
        (_set(["colours"], []), "top level", "unknown key"),
        (_set(["gregorian_months", 2, "alias"], ["x"]), "gregorian_months[2]", "unknown key"),
        (_set(["gregorian_months", 2, "month"], 13), "gregorian_months[2]", "must be 1..12"),
        (_set(["gregorian_months", 7, "aliases"], ["আগস্ট", "জুলাই"]), "gregorian_months[7]", "also claimed"),
        (_set(["weekdays", 0, "aliases"], ["জুলাই"]), "weekdays[0]", "also claimed"),
        (_set(["bangla_months", 0, "month"], 2), "bangla_months[1]", "listed twice"),
        (_set(["gregorian_months", 0, "aliases"], []), "gregorian_months[0]", "must not be empty"),
        (_set(["day_periods", 0, "rule"], "dawn"), "day_periods[0]", "unknown rule"),
        (_set(["roles", 0, "role"], "author"), "roles[0]", "unknown role"),
        (_set(["weekdays", 3, "weekday"], "3"), "weekdays[3]", "should be int"),
    ],
)
def test_broken_data_is_rejected(feed: Any, edit: Any, where: str, problem: str) -> None:
    feed(edit)
    with pytest.raises(LanguageDataError) as info:
        load_calendar()
    err = info.value
    assert err.path.endswith("calendar.yaml")
    assert err.where == where
    assert problem in err.problem
    # The compiled grammar reads the same data, so page parsing fails loudly too.
    with pytest.raises(LanguageDataError):
        find_dates("১০ জুলাই ২০২৫")


def test_missing_entry_is_rejected(feed: Any) -> None:
    feed(lambda data: data["bangla_months"].pop())
    with pytest.raises(LanguageDataError, match=r"bangla_months: no entry for month\(s\) \[12\]"):
        load_calendar()


def test_top_level_must_be_mapping() -> None:
    with pytest.raises(LanguageDataError, match="top level: expected a mapping"):
        validate_calendar(["not", "a", "mapping"])


def test_shipped_data_is_valid() -> None:
    data = load_calendar()
    assert len(data.gregorian_month_names) == 12 and len(data.weekday_names) == 7
    assert data.bangla_month_names[3] == "Asharh"


def test_large_page_is_fast() -> None:
    page = ("লোরেম ইপসাম ১২৩ ৪৫৬ ১২:৩০ টাকা, মে মাসে। " * 5000) + "প্রকাশ: ১০ জুলাই ২০২৫"
    start = datetime.now()
    [m] = find_dates(page)
    assert m.role == "published"
    assert (datetime.now() - start).total_seconds() < 1.0
