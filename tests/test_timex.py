"""Tests for ghotona.timex: the Bengali temporal tagger (contract: docs/timex.md).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import copy
import json
import random
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from ghotona.dates import load_calendar
from ghotona.errors import LanguageDataError
from ghotona.langdata import load_yaml
from ghotona.timex import TimeExpression, tag
from ghotona.timex.recognize import grammar, validate_timex

DHAKA = timezone(timedelta(hours=6))
REF = datetime(2025, 7, 11, 10, 0, tzinfo=DHAKA)  # a Friday: the contract's reference time
REF_ANCHOR = "ref:2025-07-11T10:00+06:00"


def only(text: str, ref: datetime | None = REF) -> TimeExpression:
    """The single expression in ``text``."""
    found = tag(text, ref)
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


def check_spans(text: str, found: list[TimeExpression]) -> None:
    last_end = -1
    for e in found:
        assert text[e.start:e.end] == e.text, e
        assert e.start >= last_end, found  # sorted, no overlap
        assert e.text == e.text.strip() and e.text, e
        last_end = e.end


# --------------------------------------------------------------------------
# The contract's examples table (ref 2025-07-11T10:00+06:00, a Friday)
# --------------------------------------------------------------------------

# (sentence, span, cls, type, value, granularity, rule, mod, end_value)
TABLE = [
    # absolute
    ("সম্মেলনটি ১২ জুলাই ২০২৫ শুরু হয়।", "১২ জুলাই ২০২৫", "absolute", "DATE", "2025-07-12", "day", "abs-date", None, None),
    ("চুক্তিটি জুলাই ১০, ২০২৪ তারিখে সই হয়।", "জুলাই ১০, ২০২৪ তারিখে", "absolute", "DATE", "2024-07-10", "day",
     "abs-date", None, None),
    ("নোটিশটি 12/07/2025 তারিখে জারি হয়।", "12/07/2025 তারিখে", "absolute", "DATE", "2025-07-12", "day",
     "abs-date", None, None),
    ("২০২৫ সালের ১০ জুলাই কমিশন বৈঠকে বসে।", "২০২৫ সালের ১০ জুলাই", "absolute", "DATE", "2025-07-10", "day",
     "abs-date", None, None),
    ("বিজ্ঞপ্তিটি ১০ জুলাই ২০২৫ প্রকাশিত হয়।", "১০ জুলাই ২০২৫", "absolute", "DATE", "2025-07-10", "day",
     "abs-date", None, None),
    ("হালনাগাদ: ১০ জুলাই ২০২৫, ১৯:০৭", "১০ জুলাই ২০২৫, ১৯:০৭", "absolute", "TIME", "2025-07-10T19:07", "minute",
     "abs-date", None, None),
    # partial
    ("১০ জুলাই তিনি ঢাকায় ফেরেন।", "১০ জুলাই", "partial", "DATE", "2025-07-10", "day", "date-past", None, None),
    ("জুলাই মাসে রপ্তানি কমেছে।", "জুলাই মাসে", "partial", "DATE", "2025-07", "month", "month-past", None, None),
    ("২০২৪ সালে দলটি নিবন্ধন হারায়।", "২০২৪ সালে", "partial", "DATE", "2024", "year", "year", None, None),
    ("গত ফেব্রুয়ারিতে তিনি পদত্যাগ করেন।", "গত ফেব্রুয়ারিতে", "partial", "DATE", "2025-02", "month",
     "month-last", None, None),
    ("চলতি বছরের এপ্রিলে প্রতিবেদনটি জমা পড়ে।", "চলতি বছরের এপ্রিলে", "partial", "DATE", "2025-04", "month",
     "month-this-year", None, None),
    ("১৯৮১ সালের মে মাসে তিনি দেশে ফেরেন।", "১৯৮১ সালের মে মাসে", "partial", "DATE", "1981-05", "month",
     "month-year", None, None),
    ("গত বছর নভেম্বরে আইনটি পাস হয়।", "গত বছর নভেম্বরে", "partial", "DATE", "2024-11", "month",
     "month-last-year", None, None),
    # weekday
    ("শনিবার তিনি সিলেট সফর করেন।", "শনিবার", "weekday", "DATE", "2025-07-05", "day", "weekday-past", None, None),
    ("শনিবার তিনি সিলেট সফর করবেন।", "শনিবার", "weekday", "DATE", "2025-07-12", "day", "weekday-future", None, None),
    ("মঙ্গলবারের বৈঠকে এ সিদ্ধান্ত হয়।", "মঙ্গলবারের", "weekday", "DATE", "2025-07-08", "day", "weekday-past",
     None, None),
    ("বৃহস্পতিবার সকালে সচিবালয়ে বৈঠক হয়।", "বৃহস্পতিবার সকালে", "weekday", "TIME", "2025-07-10TMO",
     "part-of-day", "weekday-past", None, None),
    ("বুধবার রাতে ওই এলাকায় সংঘর্ষ হয়।", "বুধবার রাতে", "weekday", "TIME", "2025-07-09TNI", "part-of-day",
     "weekday-past", None, None),
    # relative
    ("আজ মন্ত্রিসভার বৈঠক হয়।", "আজ", "relative", "DATE", "2025-07-11", "day", "today", None, None),
    ("গতকাল তিনি দায়িত্ব নেন।", "গতকাল", "relative", "DATE", "2025-07-10", "day", "yesterday", None, None),
    ("আগামীকাল ফল প্রকাশ হবে।", "আগামীকাল", "relative", "DATE", "2025-07-12", "day", "tomorrow", None, None),
    ("গত মাসে দলটি কমিটি ঘোষণা করে।", "গত মাসে", "relative", "DATE", "2025-06", "month", "last-month", None, None),
    ("গত বছর আইনটি পাস হয়।", "গত বছর", "relative", "DATE", "2024", "year", "last-year", None, None),
    ("আগামী সপ্তাহে তফসিল ঘোষণা হবে।", "আগামী সপ্তাহে", "relative", "DATE", "2025-W29", "week", "next-week",
     None, None),
    ("তিন দিন আগে তিনি গ্রেপ্তার হন।", "তিন দিন আগে", "relative", "DATE", "2025-07-08", "day", "ago-day",
     None, None),
    ("কয়েক ঘণ্টা আগে সেখানে বিস্ফোরণ ঘটে।", "কয়েক ঘণ্টা আগে", "relative", "DATE", "2025-07-11", "day",
     "vague-hours", "APPROX", None),
    ("২০২১ সালের পর তিনি আর দেশে ফেরেননি।", "২০২১ সালের পর", "relative", "DATE", "2021", "year", "year-after",
     "AFTER", None),
    ("চলতি মাসে নতুন বেতনকাঠামো চালু হবে।", "চলতি মাসে", "relative", "DATE", "2025-07", "month", "this-month",
     None, None),
    ("এ বছর রপ্তানি বেড়েছে।", "এ বছর", "relative", "DATE", "2025", "year", "this-year", None, None),
    # bangla
    ("চিঠিটি ২৬ আষাঢ় ১৪৩২ লেখা হয়।", "২৬ আষাঢ় ১৪৩২", "bangla", "DATE", "2025-07-10", "day", "bangla-2019",
     None, None),
    ("১ বৈশাখ রমনায় উৎসব হয়।", "১ বৈশাখ", "bangla", "DATE", "2025-04-14", "day", "bangla-2019", None, None),
    # clock
    ("সকাল ১০টায় বৈঠক শুরু হয়।", "সকাল ১০টায়", "clock", "TIME", "2025-07-11T10:00", "hour", "clock", None, None),
    ("রাত ৯টা ৩০ মিনিটে হামলাটি হয়।", "রাত ৯টা ৩০ মিনিটে", "clock", "TIME", "2025-07-11T21:30", "minute",
     "clock", None, None),
    ("বিকেল ৫টায় সংবাদ সম্মেলন হবে।", "বিকেল ৫টায়", "clock", "TIME", "2025-07-11T17:00", "hour", "clock",
     None, None),
    # duration
    ("তিন বছরের বেশি সময় ধরে তিনি কারাগারে।", "তিন বছরের বেশি সময় ধরে", "duration", "DURATION", "P3Y", "year",
     "duration", "MORE_THAN", None),
    ("দুই সপ্তাহ ধরে শ্রমিকেরা আন্দোলন করছেন।", "দুই সপ্তাহ ধরে", "duration", "DURATION", "P2W", "week",
     "duration", None, None),
    ("সেখানে কয়েক দিন বৃষ্টি হয়।", "কয়েক দিন", "duration", "DURATION", "PXD", "day", "duration-vague",
     None, None),
    ("৭২ ঘণ্টার মধ্যে জবাব দিতে বলা হয়।", "৭২ ঘণ্টার মধ্যে", "duration", "DURATION", "PT72H", "hour",
     "duration", None, None),
    # range
    ("জুলাই-আগস্টে রপ্তানি কমে যায়।", "জুলাই-আগস্টে", "range", "DATE", "2025-07", "month",
     "range-month; month-past", None, "2025-08"),
    ("১০ থেকে ১২ জুলাই সম্মেলনটি হয়।", "১০ থেকে ১২ জুলাই", "range", "DATE", "2025-07-10", "day",
     "range-date; date-past", None, "2025-07-12"),
    ("২০১৮-২০২০ সালে তিনি মন্ত্রী ছিলেন।", "২০১৮-২০২০ সালে", "range", "DATE", "2018", "year",
     "range-year; year", None, "2020"),
]


@pytest.mark.parametrize("sentence,span,cls,typ,value,gran,rule,mod,end_value", TABLE)
def test_contract_table(sentence, span, cls, typ, value, gran, rule, mod, end_value) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.type, e.value, e.granularity, e.rule, e.mod, e.end_value) == (
        span, cls, typ, value, gran, rule, mod, end_value)
    assert sentence[e.start:e.end] == span
    assert e.warnings == [] and e.reason is None


def test_anchors_and_tense_fields() -> None:
    assert only("শনিবার তিনি সিলেট সফর করেন।").anchor == REF_ANCHOR
    assert only("শনিবার তিনি সিলেট সফর করেন।").tense == "past"
    assert only("শনিবার তিনি সিলেট সফর করবেন।").tense == "future"
    absolute = only("সম্মেলনটি ১২ জুলাই ২০২৫ শুরু হয়।")
    assert absolute.anchor is None and absolute.tense is None
    assert only("তিন বছর ধরে তিনি কারাগারে।").anchor is None  # durations need no reference
    naive = only("আজ বৈঠক হয়।", datetime(2025, 7, 11, 10, 0))
    assert naive.anchor == "ref:2025-07-11T10:00"


def test_to_json() -> None:
    e = only("বৃহস্পতিবার সকালে সচিবালয়ে বৈঠক হয়।")
    out = e.to_json()
    assert list(out) == ["start", "end", "text", "type", "cls", "value", "granularity", "mod", "end_value",
                         "anchor", "rule", "tense", "warnings", "reason"]
    assert out["value"] == "2025-07-10TMO"
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out


# --------------------------------------------------------------------------
# Each class in more detail
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence,span,value", [
    ("১২ জুলাই, ২০২৫ তারিখে চুক্তি হয়।", "১২ জুলাই, ২০২৫ তারিখে", "2025-07-12"),
    ("12.07.2025 তারিখের চিঠি।", "12.07.2025 তারিখের", "2025-07-12"),
    ("বিজ্ঞপ্তি: 2025-07-12", "2025-07-12", "2025-07-12"),
    ("১৯৭১ সালের ২৬ মার্চ স্বাধীনতা ঘোষণা করা হয়।", "১৯৭১ সালের ২৬ মার্চ", "1971-03-26"),
    ("২১শে ফেব্রুয়ারি ১৯৫২ ভাষা আন্দোলন হয়।", "২১শে ফেব্রুয়ারি ১৯৫২", "1952-02-21"),
    ("10 July 2025 সকালে", "10 July 2025 সকালে", "2025-07-10TMO"),
    ("১০ জুলাই ২০২৫ রাত ৯টা ৩০ মিনিটে হামলা হয়।", "১০ জুলাই ২০২৫ রাত ৯টা ৩০ মিনিটে", "2025-07-10T21:30"),
    ("শুক্রবার, ১১ জুলাই ২০২৫ বৈঠক হয়।", "শুক্রবার, ১১ জুলাই ২০২৫", "2025-07-11"),
])
def test_absolute_forms(sentence: str, span: str, value: str) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.rule) == (span, "absolute", value, "abs-date")


def test_absolute_dates_do_not_need_a_reference() -> None:
    e = only("সম্মেলনটি ১২ জুলাই ২০২৫ শুরু হয়।", None)
    assert (e.value, e.reason) == ("2025-07-12", None)
    assert only("২০২৪ সালে দলটি নিবন্ধন হারায়।", None).value == "2024"


def test_partial_dates_by_tense_and_modifier() -> None:
    # Past: on or before the reference; future: on or after it.
    assert only("২০ জুলাই তিনি ঢাকায় ফেরেন।").value == "2024-07-20"
    assert only("২০ জুলাই তিনি ঢাকায় ফিরবেন।").value == "2025-07-20"
    assert only("৫ জুলাই তিনি ঢাকায় ফিরবেন।").value == "2026-07-05"
    e = only("গত ৫ আগস্ট তিনি দেশ ছাড়েন।")
    assert (e.text, e.value, e.rule) == ("গত ৫ আগস্ট", "2024-08-05", "date-last")
    e = only("আগামী ৩১ জুলাই পর্যন্ত আপত্তি জানানো যাবে।")
    assert (e.text, e.value, e.rule) == ("আগামী ৩১ জুলাই", "2025-07-31", "date-next")
    e = only("গত বছরের ৫ আগস্ট সরকারের পতন হয়।")
    assert (e.text, e.value, e.rule) == ("গত বছরের ৫ আগস্ট", "2024-08-05", "date-last-year")
    e = only("জুলাই মাসের ২০ তারিখে সভা হয়।")
    assert (e.text, e.value) == ("জুলাই মাসের ২০ তারিখে", "2024-07-20")
    e = only("পহেলা বৈশাখে উৎসব হবে।")
    assert (e.text, e.cls, e.value) == ("পহেলা বৈশাখে", "bangla", "2026-04-14")


def test_months_by_tense_and_modifier() -> None:
    assert only("নভেম্বরে নির্বাচন হয়।").value == "2024-11"
    assert only("নভেম্বরে নির্বাচন হবে।").value == "2025-11"
    assert only("মার্চে নির্বাচন হবে।").value == "2026-03"
    assert only("গত জুলাইয়ে তিনি আসেন।").value == "2024-07"  # strictly before the reference month
    assert only("আগামী জানুয়ারিতে ভোট হবে।").value == "2026-01"
    e = only("আগামী বছরের জানুয়ারিতে ভোট হবে।")
    assert (e.text, e.value, e.rule) == ("আগামী বছরের জানুয়ারিতে", "2026-01", "month-next-year")
    e = only("গত বছরের নভেম্বরে তিনি আসেন।")
    assert (e.text, e.value) == ("গত বছরের নভেম্বরে", "2024-11")
    e = only("এ বছরের এপ্রিলে প্রতিবেদন জমা পড়ে।")
    assert (e.text, e.value) == ("এ বছরের এপ্রিলে", "2025-04")
    e = only("ডিসেম্বরের শুরুতে তফসিল ঘোষণা হতে পারে।")
    assert (e.text, e.value, e.mod) == ("ডিসেম্বরের শুরুতে", "2025-12", "START")
    e = only("জুলাই ২০২৪ থেকে তিনি পলাতক।")
    assert (e.text, e.value, e.rule) == ("জুলাই ২০২৪", "2024-07", "month-year")


def test_years_and_decades() -> None:
    e = only("২০২১ সালের আগে তিনি কখনো ভোট দেননি।")
    assert (e.text, e.value, e.mod, e.rule, e.cls) == ("২০২১ সালের আগে", "2021", "BEFORE", "year-before", "relative")
    e = only("২০২১-এর নির্বাচনে দলটি অংশ নেয়।")
    assert (e.text, e.value, e.cls) == ("২০২১-এর", "2021", "partial")
    e = only("২০২৪ সালের শেষ দিকে আন্দোলন শুরু হয়।")
    assert (e.text, e.value, e.mod) == ("২০২৪ সালের শেষ দিকে", "2024", "END")
    e = only("আশির দশকে তিনি রাজনীতিতে আসেন।")
    assert (e.text, e.value, e.granularity) == ("আশির দশকে", "198", "decade")
    assert only("১৯৯০-এর দশকে শিল্পটি বড় হয়।").value == "199"


def test_that_year_points_back_to_the_year_the_text_told_last() -> None:
    # "ওই বছরের নভেম্বরে" after 2017 is November 2017, not the November before the reference
    text = "২০১৭ সালের আগস্টে সীমান্তে সংঘাত হয়। ওই বছরের নভেম্বরে দুই দেশ চুক্তি সই করে।"
    found = tag(text, REF)
    check_spans(text, found)
    assert [(e.text, e.value, e.rule) for e in found] == [
        ("২০১৭ সালের আগস্টে", "2017-08", "month-year"), ("ওই বছরের নভেম্বরে", "2017-11", "month-year")]
    # alone it is that year; a later told year wins over an earlier one
    text = "২০০৮ সালে প্রথম নির্বাচন হয়। ২০১৪ সালে তিনি দায়িত্ব নেন। একই বছরে দলটি ভেঙে যায়।"
    assert [(e.text, e.value) for e in tag(text, REF)][-1] == ("একই বছরে", "2014")
    # a day and month after it too
    text = "২০১৯ সালে আলোচনা শুরু হয়। সেই বছরের ৫ মার্চ প্রথম বৈঠক বসে।"
    assert [(e.text, e.value) for e in tag(text, REF)][-1] == ("সেই বছরের ৫ মার্চ", "2019-03-05")


def test_that_year_with_no_year_told_before_is_left_unread() -> None:
    # the month alone is read as before; the phrase alone is nothing
    assert [(e.text, e.value) for e in tag("ওই বছরের নভেম্বরে দুই দেশ চুক্তি সই করে।", REF)] == [
        ("নভেম্বরে", "2024-11")]
    assert tag("সে বছর তিনি প্রথম ঢাকায় আসেন।", REF) == []
    # a year of its own is no pointer: "এ বছরের" is the reference's
    assert only("এ বছরের নভেম্বরে নির্বাচন হবে।").value == "2025-11"


def test_weekdays_in_detail() -> None:
    e = only("গত শুক্রবার তিনি ঢাকায় আসেন।")  # strictly before the reference day
    assert (e.text, e.value, e.rule) == ("গত শুক্রবার", "2025-07-04", "weekday-last")
    e = only("আগামী শুক্রবার তিনি ঢাকায় আসবেন।")
    assert (e.text, e.value, e.rule) == ("আগামী শুক্রবার", "2025-07-18", "weekday-next")
    assert only("শুক্রবার তিনি ঢাকায় আসেন।").value == "2025-07-11"  # on or before: today
    e = only("রোববার বিকেলে মিছিল হয়।")
    assert (e.text, e.value) == ("রোববার বিকেলে", "2025-07-06TAF")
    e = only("বৃহস্পতিবার সকাল ১০টায় বৈঠক শুরু হয়।")
    assert (e.text, e.type, e.value, e.granularity) == ("বৃহস্পতিবার সকাল ১০টায়", "TIME", "2025-07-10T10:00", "hour")
    e = only("বৃহস্পতিবার দিবাগত রাত ২টার দিকে আগুন লাগে।")  # the night after Thursday
    assert (e.text, e.value, e.mod) == ("বৃহস্পতিবার দিবাগত রাত ২টার দিকে", "2025-07-11T02:00", "APPROX")
    for inflected in ("শনিবারের", "শনিবারে", "শনিবারও", "সোমবারেই"):
        assert only(f"{inflected} সভা হয়।").text == inflected


def test_weekday_tense_from_its_own_clause() -> None:
    found = tag("মঙ্গলবার তিনি বলেছেন, শুক্রবার আবার বৈঠক হবে।", datetime(2025, 8, 13, 11, 7, tzinfo=DHAKA))
    assert [(e.text, e.value, e.tense) for e in found] == [
        ("মঙ্গলবার", "2025-08-12", "past"), ("শুক্রবার", "2025-08-15", "future")]


def test_relative_days_and_units() -> None:
    assert only("পরশু তিনি ঢাকায় আসবেন।").value == "2025-07-13"
    assert only("পরশু তিনি ঢাকায় আসেন।").value == "2025-07-09"
    assert only("গত পরশু তিনি ঢাকায় আসেন।").value == "2025-07-09"
    e = only("গতকাল রাত ৯টায় হামলা হয়।")
    assert (e.text, e.cls, e.value) == ("গতকাল রাত ৯টায়", "relative", "2025-07-10T21:00")
    e = only("আজ দুপুরে সংবাদ সম্মেলন হয়।")
    assert (e.text, e.value) == ("আজ দুপুরে", "2025-07-11TMI")
    assert only("গত রাতে বৃষ্টি হয়।").value == "2025-07-10TNI"
    assert only("আজকের বৈঠকে সিদ্ধান্ত হয়।").text == "আজকের"
    assert only("গত সপ্তাহে তিনি আসেন।").value == "2025-W27"
    assert only("এই সপ্তাহে তিনি আসবেন।").value == "2025-W28"
    assert only("আগামী মাসে ভোট হবে।").value == "2025-08"
    assert only("আগামী বছর ভোট হবে।").value == "2026"
    e = only("চলতি মাসের শুরুতে বৈঠক হবে।")
    assert (e.text, e.value, e.mod) == ("চলতি মাসের শুরুতে", "2025-07", "START")


@pytest.mark.parametrize("sentence,span,value,gran,mod", [
    ("দুই বছর আগে তিনি আসেন।", "দুই বছর আগে", "2023", "year", None),
    ("তিন মাস আগে তিনি আসেন।", "তিন মাস আগে", "2025-04", "month", None),
    ("এক সপ্তাহ আগে তিনি আসেন।", "এক সপ্তাহ আগে", "2025-W27", "week", None),
    ("৩ ঘণ্টা আগে তিনি আসেন।", "৩ ঘণ্টা আগে", "2025-07-11T07", "hour", None),
    ("৩০ মিনিট আগে তিনি আসেন।", "৩০ মিনিট আগে", "2025-07-11T09:30", "minute", None),
    ("প্রায় দুই সপ্তাহ আগে তিনি আসেন।", "প্রায় দুই সপ্তাহ আগে", "2025-W26", "week", "APPROX"),
    ("দেড় বছর আগে তিনি আসেন।", "দেড় বছর আগে", "2024-01", "month", None),
    ("দুদিন পর তিনি ফিরবেন।", "দুদিন পর", "2025-07-13", "day", None),
])
def test_counts_before_and_after_the_reference(sentence, span, value, gran, mod) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.granularity, e.mod) == (span, "relative", value, gran, mod)


def test_counts_from_an_event_are_not_resolved_against_the_reference() -> None:
    e = only("নির্বাচনের অন্তত ৬০ দিন আগে তফসিল ঘোষণা করা হবে।")
    assert (e.text, e.value, e.reason) == ("৬০ দিন আগে", None, "event-anchored")
    e = only("তিন দিন পর তাঁকে ছেড়ে দেওয়া হয়।")  # "later" in a past narrative
    assert (e.value, e.reason) == (None, "event-anchored")
    assert only("কয়েক দিন আগে তিনি আসেন।").reason == "vague"


@pytest.mark.parametrize("sentence,span,value,mod", [
    ("গত তিন বছর ধরে তিনি কারাগারে।", "গত তিন বছর ধরে", "P3Y", None),
    ("তিন বছরেরও বেশি সময় ধরে মামলাটি চলছে।", "তিন বছরেরও বেশি সময় ধরে", "P3Y", "MORE_THAN"),
    ("দুই মাসের কম সময়ে কাজটি শেষ হয়।", "দুই মাসের কম সময়ে", "P2M", "LESS_THAN"),
    ("প্রায় তিন ঘণ্টা বৈঠক চলে।", "প্রায় তিন ঘণ্টা", "PT3H", "APPROX"),
    ("সাড়ে তিন বছর কারাভোগের পর তিনি মুক্তি পান।", "সাড়ে তিন বছর", "P3.5Y", None),
    ("দেড় ঘণ্টা বৈঠক চলে।", "দেড় ঘণ্টা", "PT1.5H", None),
    ("১০০ দিনের কর্মসূচি শেষ হয়।", "১০০ দিনের", "P100D", None),
    ("পাঁচশ বছরের পুরোনো মসজিদ।", "পাঁচশ বছরের", "P500Y", None),
    ("দুই হাজার বছর আগের নিদর্শন মিলেছে বলে দাবি", "দুই হাজার বছর আগের", None, None),
    ("বেশ কয়েক মাস ধরে বেতন বন্ধ।", "বেশ কয়েক মাস ধরে", "PXM", None),
    ("৪৫ মিনিট ধরে যান চলাচল বন্ধ থাকে।", "৪৫ মিনিট ধরে", "PT45M", None),
    ("দুই দশক ধরে তিনি রাজনীতিতে।", "দুই দশক ধরে", "P20Y", None),
    ("একুশ দিনের ছুটি।", "একুশ দিনের", "P21D", None),
])
def test_durations(sentence: str, span: str, value: str | None, mod: str | None) -> None:
    e = only(sentence)
    assert e.text == span
    if value is None:  # "দুই হাজার বছর আগের" is a relative (ago) expression, checked elsewhere
        assert e.cls == "relative" and e.value == "0025"
        return
    assert (e.cls, e.type, e.value, e.mod) == ("duration", "DURATION", value, mod)


@pytest.mark.parametrize("sentence,span,value,gran,mod", [
    ("বিকেল সাড়ে ৪টায় মিছিল শুরু হয়।", "বিকেল সাড়ে ৪টায়", "2025-07-11T16:30", "minute", None),
    ("বিকেল পৌনে ৫টায় মিছিল শুরু হয়।", "বিকেল পৌনে ৫টায়", "2025-07-11T16:45", "minute", None),
    ("সন্ধ্যা সোয়া ৭টায় মিছিল শুরু হয়।", "সন্ধ্যা সোয়া ৭টায়", "2025-07-11T19:15", "minute", None),
    ("১৯:০৭ মিনিটে খবরটি প্রকাশিত হয়।", "১৯:০৭ মিনিটে", "2025-07-11T19:07", "minute", None),
    ("রাত সাড়ে ৯টার দিকে আগুন লাগে।", "রাত সাড়ে ৯টার দিকে", "2025-07-11T21:30", "minute", "APPROX"),
    ("বেলা ৩টায় শুনানি হয়।", "বেলা ৩টায়", "2025-07-11T15:00", "hour", None),
    ("দুপুর ১২টায় শুনানি হয়।", "দুপুর ১২টায়", "2025-07-11T12:00", "hour", None),
    ("ভোর ৪টায় অভিযান শুরু হয়।", "ভোর ৪টায়", "2025-07-11T04:00", "hour", None),
    ("রাত ১২টায় কারফিউ শুরু হয়।", "রাত ১২টায়", "2025-07-11T00:00", "hour", None),
    ("দেড়টায় শুনানি শুরু হয়।", "দেড়টায়", "2025-07-11T13:30", "minute", None),
    ("১০টায় শুনানি শুরু হয়।", "১০টায়", "2025-07-11T10:00", "hour", None),
    ("রাত ৮টা ১৫ মিনিটে ট্রেনটি ছাড়ে।", "রাত ৮টা ১৫ মিনিটে", "2025-07-11T20:15", "minute", None),
    ("সকাল ৯টার দিকে গোলাগুলি শুরু হয়।", "সকাল ৯টার দিকে", "2025-07-11T09:00", "hour", "APPROX"),
])
def test_clock_times(sentence: str, span: str, value: str, gran: str, mod: str | None) -> None:
    # A clock time with no minutes is said to the hour (value still HH:00); minutes, a
    # quarter word (সাড়ে, পৌনে, সোয়া) or a half (দেড়টা) make it minute.
    e = only(sentence)
    assert (e.text, e.cls, e.type, e.value, e.granularity, e.mod) == (span, "clock", "TIME", value, gran, mod)


def test_bangla_dates() -> None:
    e = only("১ কার্তিক ১৪৩২ বঙ্গাব্দে মেলা শুরু হয়।")
    # The 2019 rule gives 17 October; the 1987 rule a day earlier, and the rule says so.
    assert (e.text, e.value, e.rule) == ("১ কার্তিক ১৪৩২ বঙ্গাব্দে", "2025-10-17", "bangla-2019; 1987:2025-10-16")
    found = tag("ঢাকা, ১২ জুলাই ২০২৫, ২৮ আষাঢ় ১৪৩২", REF)
    assert [(e.cls, e.value, e.warnings) for e in found] == [
        ("absolute", "2025-07-12", []), ("bangla", "2025-07-12", [])]
    found = tag("ঢাকা, ১২ জুলাই ২০২৫, ১ আষাঢ় ১৪৩২", REF)
    assert found[1].warnings == ["bangla-date-mismatch"]
    e = only("৩১ কার্তিক ১৪৩২")  # Kartik has 30 days
    assert (e.value, e.reason, e.warnings) == (None, "impossible-date", ["impossible-date"])


@pytest.mark.parametrize("sentence,span,value,end_value", [
    ("নভেম্বর-জানুয়ারিতে নির্বাচন হবে।", "নভেম্বর-জানুয়ারিতে", "2025-11", "2026-01"),
    ("১০ জুলাই থেকে ১২ আগস্ট পর্যন্ত মেলা চলে।", "১০ জুলাই থেকে ১২ আগস্ট", "2025-07-10", "2025-08-12"),
    ("২০১৮ সাল থেকে ২০২০ সাল পর্যন্ত তিনি মন্ত্রী ছিলেন।", "২০১৮ সাল থেকে ২০২০ সাল", "2018", "2020"),
    ("১০-১২ জুলাই ২০২৪ সম্মেলন হয়।", "১০-১২ জুলাই ২০২৪", "2024-07-10", "2024-07-12"),
    ("২০২৪ সালের জুলাই-আগস্টে আন্দোলন হয়।", "২০২৪ সালের জুলাই-আগস্টে", "2024-07", "2024-08"),
    ("১০ থেকে ১২ জুলাই সম্মেলন হবে।", "১০ থেকে ১২ জুলাই", "2025-07-10", "2025-07-12"),  # still running
])
def test_ranges(sentence: str, span: str, value: str, end_value: str) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.end_value) == (span, "range", value, end_value)


# --------------------------------------------------------------------------
# Conventions: clock granularity, day word + weekday, genitive + আগে/পর/মধ্যে,
# fiscal years, clock ranges, glued inflections, modified ranges, event anchors
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence,span,cls,value,gran", [
    ("শনিবার রাত ৮টায় কনসার্ট হয়।", "শনিবার রাত ৮টায়", "weekday", "2025-07-05T20:00", "hour"),
    ("শনিবার রাত ৮টা ২০ মিনিটে কনসার্ট শুরু হয়।", "শনিবার রাত ৮টা ২০ মিনিটে", "weekday", "2025-07-05T20:20",
     "minute"),
    ("৯ জুলাই ২০২৫ দুপুর ১২টায় রায় ঘোষণা হয়।", "৯ জুলাই ২০২৫ দুপুর ১২টায়", "absolute", "2025-07-09T12:00", "hour"),
    ("৯ জুলাই ২০২৫ বিকেল সাড়ে ৩টায় রায় ঘোষণা হয়।", "৯ জুলাই ২০২৫ বিকেল সাড়ে ৩টায়", "absolute",
     "2025-07-09T15:30", "minute"),
    ("আজ সকাল ৭টায় ট্রেন ছাড়ে।", "আজ সকাল ৭টায়", "relative", "2025-07-11T07:00", "hour"),
])
def test_clock_granularity_beside_a_date(sentence: str, span: str, cls: str, value: str, gran: str) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.type, e.value, e.granularity) == (span, cls, "TIME", value, gran)


def test_clock_without_reference_keeps_its_granularity() -> None:
    assert only("রাত ৮টায় কনসার্ট হয়।", None).granularity == "hour"
    assert only("রাত ৮টা ২০ মিনিটে কনসার্ট হয়।", None).granularity == "minute"


@pytest.mark.parametrize("sentence,span,value,gran,rule,warnings", [
    # ref is Friday 2025-07-11
    ("গতকাল বৃহস্পতিবার রাতে দুই পক্ষের সংঘর্ষ হয়।", "গতকাল বৃহস্পতিবার রাতে", "2025-07-10TNI", "part-of-day",
     "weekday-yesterday", []),
    ("আজ শুক্রবার জুমার পর মিছিল হয়।", "আজ শুক্রবার", "2025-07-11", "day", "weekday-today", []),
    ("আজকে শুক্রবার দুপুরে মিছিল হয়।", "আজকে শুক্রবার দুপুরে", "2025-07-11TMI", "part-of-day", "weekday-today", []),
    ("আগামীকাল শনিবার সকাল ১০টায় পরীক্ষা শুরু হবে।", "আগামীকাল শনিবার সকাল ১০টায়", "2025-07-12T10:00", "hour",
     "weekday-tomorrow", []),
    ("গতকাল বৃহস্পতিবারের বৈঠকে সিদ্ধান্ত হয়।", "গতকাল বৃহস্পতিবারের", "2025-07-10", "day", "weekday-yesterday", []),
    # The named weekday disagrees: the day word wins, with a warning.
    ("গতকাল মঙ্গলবার রাতে হামলা হয়।", "গতকাল মঙ্গলবার রাতে", "2025-07-10TNI", "part-of-day", "weekday-yesterday",
     ["weekday-mismatch"]),
    ("আজ বুধবার দুপুরে বৈঠক হয়।", "আজ বুধবার দুপুরে", "2025-07-11TMI", "part-of-day", "weekday-today",
     ["weekday-mismatch"]),
    # Relative to an event in the text: the weekday rule alone.
    ("আগের দিন বুধবার তিনি ঢাকায় আসেন।", "আগের দিন বুধবার", "2025-07-09", "day", "weekday-past", []),
    ("পরের দিন রবিবার তিনি ফিরবেন।", "পরের দিন রবিবার", "2025-07-13", "day", "weekday-future", []),
    ("পরদিন মঙ্গলবার সকালে তিনি মারা যান।", "পরদিন মঙ্গলবার সকালে", "2025-07-08TMO", "part-of-day",
     "weekday-past", []),
])
def test_day_word_and_weekday_are_one_expression(sentence, span, value, gran, rule, warnings) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.granularity, e.rule, e.warnings) == (span, "weekday", value, gran, rule, warnings)


def test_day_word_and_weekday_details() -> None:
    e = only("গতকাল বৃহস্পতিবার তিনি আসেন।", None)
    assert (e.text, e.value, e.reason) == ("গতকাল বৃহস্পতিবার", None, "no-reference-time")
    assert only("গতকাল বৃহস্পতিবার তিনি আসেন।").tense is None  # the day word needs no tense
    # With a date in brackets the date decides, as for a bare weekday.
    e = only("গতকাল বৃহস্পতিবার (১০ জুলাই) বৈঠক হয়।")
    assert (e.text, e.value) == ("গতকাল বৃহস্পতিবার (১০ জুলাই)", "2025-07-10")
    # An event day word alone is no time expression.
    assert tag("পরদিন তিনি ফিরে যান। আগের দিন বৃষ্টি হয়।", REF) == []


@pytest.mark.parametrize("sentence,span,cls,value,gran,mod", [
    ("ডিসেম্বরের মধ্যে সেতুর কাজ শেষ হবে।", "ডিসেম্বরের মধ্যে", "partial", "2025-12", "month", "ON_OR_BEFORE"),
    ("আগামী বছরের মার্চের মধ্যে নির্বাচন হবে।", "আগামী বছরের মার্চের মধ্যে", "partial", "2026-03", "month",
     "ON_OR_BEFORE"),
    ("৩০ সেপ্টেম্বরের মধ্যে আবেদন করতে হবে।", "৩০ সেপ্টেম্বরের মধ্যে", "partial", "2025-09-30", "day", "ON_OR_BEFORE"),
    ("২০৪১ সালের মধ্যে দেশটি উন্নত হবে।", "২০৪১ সালের মধ্যে", "partial", "2041", "year", "ON_OR_BEFORE"),
    ("চলতি মাসের মধ্যেই বেতন দেওয়া হবে।", "চলতি মাসের মধ্যেই", "relative", "2025-07", "month", "ON_OR_BEFORE"),
    ("রবিবারের মধ্যে জবাব দিতে হবে।", "রবিবারের মধ্যে", "weekday", "2025-07-13", "day", "ON_OR_BEFORE"),
    ("বিকেল ৫টার মধ্যে ভোট গণনা শেষ হবে।", "বিকেল ৫টার মধ্যে", "clock", "2025-07-11T17:00", "hour", "ON_OR_BEFORE"),
    ("৩ মার্চ ২০২৪-এর পর তিনি দেশ ছাড়েন।", "৩ মার্চ ২০২৪-এর পর", "absolute", "2024-03-03", "day", "AFTER"),
    ("২০ জুনের পরে বৃষ্টি বাড়ে।", "২০ জুনের পরে", "partial", "2025-06-20", "day", "AFTER"),
    ("রাত ১১টার পর দোকান খোলা রাখা যাবে না।", "রাত ১১টার পর", "clock", "2025-07-11T23:00", "hour", "AFTER"),
    ("২৫ জুলাইয়ের আগে ফল প্রকাশ হবে না।", "২৫ জুলাইয়ের আগে", "partial", "2025-07-25", "day", "BEFORE"),
    ("সকাল ৯টার আগেই তিনি পৌঁছান।", "সকাল ৯টার আগেই", "clock", "2025-07-11T09:00", "hour", "BEFORE"),
    ("মঙ্গলবারের আগে কোনো সিদ্ধান্ত হয়নি।", "মঙ্গলবারের আগে", "weekday", "2025-07-08", "day", "BEFORE"),
])
def test_genitive_date_with_before_after_within(sentence, span, cls, value, gran, mod) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.granularity, e.mod) == (span, cls, value, gran, mod)


def test_before_after_within_leave_other_words_alone() -> None:
    # A year keeps the contract's reading; a duration + মধ্যে stays a duration.
    e = only("২০১৫ সালের পর তিনি আর ভোট দেননি।")
    assert (e.text, e.cls, e.value, e.mod, e.rule) == ("২০১৫ সালের পর", "relative", "2015", "AFTER", "year-after")
    e = only("৪৮ ঘণ্টার মধ্যে জবাব দিতে হবে।")
    assert (e.text, e.cls, e.value) == ("৪৮ ঘণ্টার মধ্যে", "duration", "PT48H")
    # After a noun, or alone, আগে / পর make nothing.
    assert tag("সমাবেশের পর মিছিল হয়। তার আগে সভা হয়। এর মধ্যে বৃষ্টি নামে।", REF) == []
    # আগের দিন after a date is "the day before", not "before the date".
    assert only("৫ আগস্টের আগের দিন তিনি আসেন।").text == "৫ আগস্টের"
    # Not joined without the genitive.
    assert only("১০ জুলাই পর্যন্ত আবেদন করা যাবে।").text == "১০ জুলাই"


@pytest.mark.parametrize("sentence,span,value,end_value,rule", [
    ("২০২৩-২৪ অর্থবছরে রপ্তানি বেড়েছে।", "২০২৩-২৪ অর্থবছরে", "2023", "2024", "range-year; fiscal-year"),
    ("২০২০-২১ অর্থবছরের বাজেট পাস হয়।", "২০২০-২১ অর্থবছরের", "2020", "2021", "range-year; fiscal-year"),
    ("2024-25 অর্থবছর শেষে ঘাটতি কমে।", "2024-25 অর্থবছর", "2024", "2025", "range-year; fiscal-year"),
    ("২০২২-২০২৩ অর্থ বছরে প্রবৃদ্ধি কমে।", "২০২২-২০২৩ অর্থ বছরে", "2022", "2023", "range-year; fiscal-year"),
    ("১৯৯৯-০০ অর্থবছরে প্রকল্পটি শুরু হয়।", "১৯৯৯-০০ অর্থবছরে", "1999", "2000", "range-year; fiscal-year"),
    ("১৯৭১-৭২ সালে তিনি মন্ত্রী ছিলেন।", "১৯৭১-৭২ সালে", "1971", "1972", "range-year; year"),
    ("২০১৫-২০১৭ সালে তিনি মন্ত্রী ছিলেন।", "২০১৫-২০১৭ সালে", "2015", "2017", "range-year; year"),
])
def test_fiscal_and_year_ranges(sentence, span, value, end_value, rule) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.end_value, e.granularity, e.rule) == (
        span, "range", value, end_value, "year", rule)


def test_two_digit_year_pairs_need_a_marker() -> None:
    assert tag("খেলাটি ২০২৩-২৪ ব্যবধানে শেষ হয়।", REF) == []


@pytest.mark.parametrize("sentence,span,cls,value,end_value,gran", [
    ("দুপুর ২টা থেকে রাত ৮টা পর্যন্ত ভোট চলে।", "দুপুর ২টা থেকে রাত ৮টা", "clock", "2025-07-11T14:00",
     "2025-07-11T20:00", "hour"),
    ("সকাল সাড়ে ৮টা থেকে বিকেল ৪টা পর্যন্ত অফিস খোলা।", "সকাল সাড়ে ৮টা থেকে বিকেল ৪টা", "clock",
     "2025-07-11T08:30", "2025-07-11T16:00", "minute"),
    ("সকাল ১০টা-দুপুর ১টা পরীক্ষা হয়।", "সকাল ১০টা-দুপুর ১টা", "clock", "2025-07-11T10:00", "2025-07-11T13:00",
     "hour"),
    # A bare end hour is its first reading after the start.
    ("সকাল ১১টা থেকে ৩টা পর্যন্ত লোডশেডিং হয়।", "সকাল ১১টা থেকে ৩টা", "clock", "2025-07-11T11:00",
     "2025-07-11T15:00", "hour"),
    # Through the night: the end is on the next day.
    ("রাত ১১টা থেকে ভোর ৫টা পর্যন্ত কারফিউ থাকে।", "রাত ১১টা থেকে ভোর ৫টা", "clock", "2025-07-11T23:00",
     "2025-07-12T05:00", "hour"),
    # With a date or weekday: that day, and its class.
    ("১৪ জুলাই ২০২৫ সকাল ৮টা থেকে বিকেল ৪টা পর্যন্ত ভোট হবে।", "১৪ জুলাই ২০২৫ সকাল ৮টা থেকে বিকেল ৪টা",
     "absolute", "2025-07-14T08:00", "2025-07-14T16:00", "hour"),
    ("বুধবার দুপুর ২টা থেকে সন্ধ্যা ৬টা পর্যন্ত সভা চলে।", "বুধবার দুপুর ২টা থেকে সন্ধ্যা ৬টা", "weekday",
     "2025-07-09T14:00", "2025-07-09T18:00", "hour"),
])
def test_clock_ranges_are_one_expression(sentence, span, cls, value, end_value, gran) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.type, e.value, e.end_value, e.granularity) == (span, cls, "TIME", value, end_value, gran)


def test_clock_range_needs_a_clear_start() -> None:
    assert tag("তিনি ১০টা থেকে ১২টা আম কেনেন।", REF) == []  # counts, not clock times


@pytest.mark.parametrize("sentence,span,value", [
    ("১৯:০৭-এ খবরটি হালনাগাদ হয়।", "১৯:০৭-এ", "2025-07-11T19:07"),
    ("৮ জুলাই-এ সভা হয়।", "৮ জুলাই-এ", "2025-07-08"),
    ("২০২৩-এ দলটি নিবন্ধন পায়।", "২০২৩-এ", "2023"),
    ("আদেশটি 05/07/2025-এ জারি হয়।", "05/07/2025-এ", "2025-07-05"),
    ("৮ জুলাই ২০২৫, ২১:৪৫-এ হালনাগাদ", "৮ জুলাই ২০২৫, ২১:৪৫-এ", "2025-07-08T21:45"),
])
def test_hyphen_glued_inflection_is_part_of_the_span(sentence: str, span: str, value: str) -> None:
    e = only(sentence)
    assert (e.text, e.value) == (span, value)


@pytest.mark.parametrize("sentence,span,value,end_value", [
    ("আগামী ২৫ থেকে ২৭ আগস্ট বাণিজ্য মেলা হবে।", "আগামী ২৫ থেকে ২৭ আগস্ট", "2025-08-25", "2025-08-27"),
    # আগামী forces the future even in a sentence read as past.
    ("আগামী ২ থেকে ৪ জুলাই মেলা হয়।", "আগামী ২ থেকে ৪ জুলাই", "2026-07-02", "2026-07-04"),
    # গত forces the past even in a future sentence.
    ("গত ২০ থেকে ২২ আগস্ট যা হয়েছে, তার বিচার হবে।", "গত ২০ থেকে ২২ আগস্ট", "2024-08-20", "2024-08-22"),
    ("গত জুলাই-আগস্টে বন্যা হয়।", "গত জুলাই-আগস্টে", "2024-07", "2024-08"),
    ("আগামী ৩ আগস্ট থেকে ৫ সেপ্টেম্বর পর্যন্ত মেলা চলবে।", "আগামী ৩ আগস্ট থেকে ৫ সেপ্টেম্বর", "2025-08-03",
     "2025-09-05"),
])
def test_modifier_before_a_range(sentence: str, span: str, value: str, end_value: str) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.end_value) == (span, "range", value, end_value)


@pytest.mark.parametrize("sentence,span,value,gran,mod,rule,reason", [
    # Not anchored: against the reference.
    ("কয়েক ঘণ্টা আগে নদীতে লঞ্চডুবি হয়।", "কয়েক ঘণ্টা আগে", "2025-07-11", "day", "APPROX", "vague-hours", None),
    ("কয়েক মিনিট আগে ভূমিকম্প হয়।", "কয়েক মিনিট আগে", "2025-07-11", "day", "APPROX", "vague-minutes", None),
    ("মাত্র কয়েক ঘণ্টা আগে ভূমিকম্প হয়।", "কয়েক ঘণ্টা আগে", "2025-07-11", "day", "APPROX", "vague-hours", None),
    ("৫ ঘণ্টা আগে ভূমিকম্প হয়।", "৫ ঘণ্টা আগে", "2025-07-11T05", "hour", None, "ago-hour", None),
    # After a genitive noun or এর: from that event.
    ("এর কয়েক ঘণ্টা আগে সেখানে গুলি চলে।", "কয়েক ঘণ্টা আগে", None, "hour", None, "ago-hour", "event-anchored"),
    ("সমাবেশের মাত্র দুই দিন আগে তিনি গ্রেপ্তার হন।", "দুই দিন আগে", None, "day", None, "ago-day", "event-anchored"),
    ("ভোটের ৯০ দিন আগে তফসিল দেওয়া হবে।", "৯০ দিন আগে", None, "day", None, "ago-day", "event-anchored"),
    ("ঘটনার তিন ঘণ্টা পর পুলিশ আসে।", "তিন ঘণ্টা পর", None, "hour", None, "later-hour", "event-anchored"),
])
def test_hours_ago_and_event_anchors(sentence, span, value, gran, mod, rule, reason) -> None:
    e = only(sentence)
    assert (e.text, e.cls, e.value, e.granularity, e.mod, e.rule, e.reason) == (
        span, "relative", value, gran, mod, rule, reason)


# --------------------------------------------------------------------------
# Anchors, checks, no reference
# --------------------------------------------------------------------------


def test_year_from_an_earlier_absolute_expression_in_the_sentence() -> None:
    found = tag("২০২৪ সালের ৫ আগস্ট সরকারের পতন হয় এবং ৮ আগস্ট নতুন সরকার শপথ নেয়।", REF)
    assert [(e.text, e.value, e.anchor, e.rule) for e in found] == [
        ("২০২৪ সালের ৫ আগস্ট", "2024-08-05", None, "abs-date"),
        ("৮ আগস্ট", "2024-08-08", "year:2024", "date-anchored"),
    ]
    found = tag("২০১৯ সালে আন্দোলন শুরু হয়, নভেম্বরে তা তীব্র হয়।", REF)
    assert [(e.value, e.anchor) for e in found] == [("2019", None), ("2019-11", "year:2019")]
    # Another sentence does not anchor: the year comes from the reference.
    found = tag("২০১৯ সালে আন্দোলন শুরু হয়। নভেম্বরে তা তীব্র হয়।", REF)
    assert [(e.value, e.anchor) for e in found] == [("2019", None), ("2024-11", REF_ANCHOR)]


def test_impossible_dates() -> None:
    for text in ("৩১ ফেব্রুয়ারি ২০২৫ তারিখে", "৩০ ফেব্রুয়ারি তিনি আসেন।", "31/04/2025", "৩৬ জুলাই"):
        e = only(text)
        assert (e.value, e.reason, e.warnings) == (None, "impossible-date", ["impossible-date"]), text
    e = only("২৯ ফেব্রুয়ারি ২০২৫")
    assert e.reason == "impossible-date"
    assert only("২৯ ফেব্রুয়ারি তিনি আসেন।").value == "2024-02-29"  # a leap year back


def test_weekday_mismatch_keeps_the_date() -> None:
    e = only("শনিবার, ৯ জুলাই ২০২৫ বৈঠক হয়।")
    assert (e.text, e.value, e.warnings) == ("শনিবার, ৯ জুলাই ২০২৫", "2025-07-09", ["weekday-mismatch"])
    e = only("১০ জুলাই ২০২৫ (শুক্রবার) বৈঠক হয়।")
    assert (e.text, e.value, e.warnings) == ("১০ জুলাই ২০২৫ (শুক্রবার)", "2025-07-10", ["weekday-mismatch"])


def test_weekday_with_a_year_less_date_picks_the_year() -> None:
    # 12 July is a Saturday in 2025, not in 2024: the weekday settles the year.
    e = only("শনিবার (১২ জুলাই) রাজধানীতে সমাবেশ হয়।")
    assert (e.value, e.rule, e.warnings) == ("2025-07-12", "date-weekday", [])
    e = only("আগামী শনিবার (১২ জুলাই) সমাবেশ হবে।")
    assert (e.text, e.value) == ("আগামী শনিবার (১২ জুলাই)", "2025-07-12")


@pytest.mark.parametrize("sentence", [
    "শনিবার তিনি সিলেট সফর করেন।", "আজ বৈঠক হয়।", "গত মাসে দলটি কমিটি ঘোষণা করে।", "১০ জুলাই তিনি ফেরেন।",
    "জুলাই মাসে রপ্তানি কমেছে।", "তিন দিন আগে তিনি আসেন।", "সকাল ১০টায় বৈঠক শুরু হয়।", "১ বৈশাখ উৎসব হয়।",
    "জুলাই-আগস্টে রপ্তানি কমে যায়।", "গত ফেব্রুয়ারিতে তিনি পদত্যাগ করেন।",
])
def test_no_reference_time(sentence: str) -> None:
    e = only(sentence, None)
    assert (e.value, e.reason, e.anchor) == (None, "no-reference-time", None)


# --------------------------------------------------------------------------
# Real-page situations (sentences written for the test, same structure)
# --------------------------------------------------------------------------


def test_thursday_morning_meeting_reported_that_evening() -> None:
    ref = datetime(2025, 7, 10, 19, 7, tzinfo=DHAKA)
    e = only("বৃহস্পতিবার সকালে প্রধান উপদেষ্টার সঙ্গে দলগুলোর বৈঠক হয়।", ref)
    assert (e.text, e.value) == ("বৃহস্পতিবার সকালে", "2025-07-10TMO")


def test_phone_call_and_coming_meeting() -> None:
    ref = datetime(2025, 8, 13, 11, 7, tzinfo=DHAKA)
    e = only("মঙ্গলবারের ফোনালাপে দুই নেতা বাণিজ্য নিয়ে কথা বলেন।", ref)
    assert (e.text, e.value) == ("মঙ্গলবারের", "2025-08-12")
    e = only("শুক্রবার আলাস্কায় এক বৈঠকে দুই প্রেসিডেন্ট যুদ্ধবিরতি নিয়ে আলোচনা করবেন।", ref)
    assert (e.text, e.value, e.tense) == ("শুক্রবার", "2025-08-15", "future")
    assert only("গত মাসে দলটি নতুন কমিটি ঘোষণা করে।", ref).value == "2025-07"
    assert only("গত বছর সংসদে আইনটি পাস হয়।", ref).value == "2024"


def test_pages_of_12_july() -> None:
    ref = datetime(2025, 7, 12, 11, 0, tzinfo=DHAKA)
    e = only("গত বছর নভেম্বরে তিনি দেশে ফেরেন।", ref)
    assert (e.text, e.value) == ("গত বছর নভেম্বরে", "2024-11")
    e = only("জুলাই-আগস্টে সারা দেশে ডেঙ্গুর প্রকোপ বাড়বে বলে আশঙ্কা।", ref)
    assert (e.text, e.value, e.end_value, e.tense) == ("জুলাই-আগস্টে", "2025-07", "2025-08", "future")
    e = only("তিন বছরের বেশি সময় ধরে তিনি কারাগারে আছেন।", ref)
    assert (e.text, e.value, e.mod) == ("তিন বছরের বেশি সময় ধরে", "P3Y", "MORE_THAN")
    e = only("২০২১ সালের পর তিনি আর দেশে ফেরেননি।", ref)
    assert (e.text, e.value, e.mod) == ("২০২১ সালের পর", "2021", "AFTER")
    e = only("শনিবার (১২ জুলাই) রাজধানীতে এক সমাবেশে তিনি এ কথা বলেন।", datetime(2025, 7, 12, 21, 2, tzinfo=DHAKA))
    assert (e.text, e.value, e.warnings) == ("শনিবার (১২ জুলাই)", "2025-07-12", [])


# --------------------------------------------------------------------------
# False positives common in news
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "২০ থেকে ৫০ শতাংশ ভোট পড়েছে।",
    "সেখানে ৬০০ সেনা মোতায়েন করা হয়েছে।",
    "প্রকল্পে ২৯ লাখ টাকা খরচ হয়।",
    "তিনি আসন নম্বর ১২ থেকে লড়বেন।",
    "মে দিবসে শ্রমিকেরা মিছিল করেন।",  # bare মে
    "তাঁর মেয়ে পরীক্ষায় পাস করেছে।",
    "জুলাই সনদ ঘোষণার দাবি জানানো হয়।",  # a name, not a month
    "লং মার্চ কর্মসূচি ঘোষণা করা হয়।",
    "আজহার সাহেব কাজ শেষ করেন। আজীবন সদস্যপদ দেওয়া হয়।",  # আজ inside words
    "বৈঠকের পর তিনি সাংবাদিকদের সঙ্গে কথা বলেন।",  # পর alone
    "এর আগে তিনি মন্ত্রী ছিলেন।",  # আগে alone
    "রবি ঠাকুরের গান গাওয়া হয়। বুধ গ্রহ দেখা যায়।",  # weekday-like words
    "তিনি ১০টা গাড়ি কেনেন।",  # a count, not a clock time
    "প্রতি শুক্রবার হাট বসে।",  # a repeating set
    "আগামী নির্বাচনে দলটি অংশ নেবে।",
    "গত সরকারের আমলে এ প্রকল্প নেওয়া হয়।",
    "স্কোর দাঁড়ায় ২-১।",
])
def test_no_false_positives(sentence: str) -> None:
    assert tag(sentence, REF) == []


# --------------------------------------------------------------------------
# Input forms and invariants
# --------------------------------------------------------------------------


def test_nfc_decomposed_and_composed_input_give_the_same_values() -> None:
    composed = "পহেলা বৈশাখ \u09df\u09be \u2014 বৃহস্পতিবার সন্ধ্যা\u09df বৈঠক হয়। ২৬ আষা\u09dd ১৪৩২"
    decomposed = unicodedata.normalize("NFC", composed)
    assert "\u09bc" in decomposed and composed != decomposed
    a, b = tag(composed, REF), tag(decomposed, REF)
    assert [e.value for e in a] == [e.value for e in b] == ["2025-04-14", "2025-07-10TEV", "2025-07-10"]
    check_spans(composed, a)
    check_spans(decomposed, b)
    assert a[1].text == "বৃহস্পতিবার সন্ধ্যা\u09df"


def test_zero_width_characters_and_latin_digits() -> None:
    text = "বৃহস্পতি\u200cবার সকালে বৈঠক হয়। 10 জুলাই 2025 তারিখে"
    found = tag(text, REF)
    check_spans(text, found)
    assert [e.value for e in found] == ["2025-07-10TMO", "2025-07-10"]


def test_empty_and_bad_input() -> None:
    assert tag("", REF) == [] and tag("কোনো তারিখ নেই।") == []
    with pytest.raises(TypeError):
        tag(None)  # type: ignore[arg-type]


FRAGMENTS = [
    "শনিবার (১২ জুলাই) সমাবেশ হয়।", "গত বছর নভেম্বরে", "তিন বছরের বেশি সময় ধরে", "২০২১ সালের পর",
    "জুলাই-আগস্টে", "১০ থেকে ১২ জুলাই", "সকাল ১০টায়", "২৬ আষাঢ় ১৪৩২", "12/07/2025", "কয়েক ঘণ্টা আগে",
    "৬০০ সেনা", "২০ থেকে ৫০ শতাংশ", "বৈঠকের পর", "এর আগে", "মে", "আজ", "পর", "আগে", "১০টা", "(", ")", ",", "।",
    "বৃহস্পতিবার দিবাগত রাত ২টার দিকে", "আগামী সপ্তাহে", "দুদিন পর", "পহেলা বৈশা\u09df", "গত ৫ আগস্ট",
    "করবেন", "হয়", "\n", "১৯:০৭", "সাড়ে", "৩১ ফেব্রুয়ারি", "Friday, July 11, 2025",
    "২০২৩-২৪ অর্থবছরে", "দুপুর ২টা থেকে রাত ৮টা", "গতকাল মঙ্গলবার রাতে", "ডিসেম্বরের মধ্যে", "১৯:০৭-এ",
    "সন্ধ্যা ৭টার পর", "আগের দিন শুক্রবার", "আগামী ২৫ থেকে ২৭ আগস্ট", "থেকে", "মধ্যে",
]


@pytest.mark.parametrize("seed", range(25))
def test_spans_are_sorted_disjoint_and_exact(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", "  ", "-"]) for _ in range(rng.randint(5, 40)))
    for ref in (REF, None):
        found = tag(text, ref)
        check_spans(text, found)
        for e in found:
            assert e.type in ("DATE", "TIME", "DURATION") and e.rule
            assert (e.value is None) == (e.reason is not None), e


def test_a_5000_character_article_is_tagged_whole() -> None:
    # Speed is measured in benchmarks/timex_bench.py (against dateparser, in
    # one run), never timed here: a timed unit test fails on a loaded machine.
    sentences = [row[0] for row in TABLE] + list(FRAGMENTS[:10])
    text = " ".join(sentences * 5)[:5000]
    found = tag(text, REF)
    assert len(found) > 100
    assert all(0 <= t.start < t.end <= len(text) for t in found)
    assert found == tag(text, REF)  # the compiled grammar is reused, not rebuilt differently


# --------------------------------------------------------------------------
# The data file
# --------------------------------------------------------------------------


def _raw() -> dict:
    return copy.deepcopy(load_yaml("timex.yaml"))


def test_shipped_data_file_is_valid() -> None:
    d = validate_timex(_raw(), load_calendar())
    assert d.number_words["নিরানব্বই"] == 99 and d.number_words["এগারো"] == 11
    assert d.units["ঘণ্টা"] == "hour" and d.multipliers["হাজার"] == 1000
    assert grammar().data.relative_days["আজ"].offset == 0


@pytest.mark.parametrize("edit,message", [
    (lambda r: r.update(colours=["লাল"]), "unknown key"),
    (lambda r: r.update(inflections="ের"), "inflections"),
    (lambda r: r["relations"].append({"relation": "before", "words": ["গত"]}), "also claimed by modifiers"),
    (lambda r: r["vague_numbers"].append("জুলাই"), "calendar.yaml gregorian_months"),
    (lambda r: r["units"].append({"unit": "fortnight", "words": ["পক্ষ"]}), "fortnight"),
    (lambda r: r["number_words"].append({"value": "১২", "words": ["ডজন"]}), "number_words"),
    (lambda r: r["day_parts"].append({"part": "MO", "words": ["দুপুর"]}), "দুপুর"),
    (lambda r: r["day_parts"].__setitem__(0, {"part": "NI", "words": ["ভোর"]}), "calendar.yaml"),
    (lambda r: r["modifiers"][0].update(word="গত"), "unknown key"),
    (lambda r: r["tense"]["past"]["words"].append("হবে"), "also claimed by tense.future"),
    (lambda r: r.pop("units"), "missing"),
    (lambda r: r["months_no_inflection"].append("মেয়ে"), "not a month name"),
    (lambda r: r["date_relations"].append("ধরে"), "date_relations"),
    (lambda r: r["event_days"].append("আগে"), "also claimed by relations"),
])
def test_broken_data_file_is_rejected_naming_the_entry(edit, message: str) -> None:
    raw = _raw()
    edit(raw)
    with pytest.raises(LanguageDataError) as err:
        validate_timex(raw, load_calendar())
    assert "timex.yaml" in str(err.value)
    assert message in str(err.value)


def test_clock_written_before_its_date_is_one_expression() -> None:
    ref = datetime.fromisoformat("2025-01-01T10:00:00+06:00")
    found = tag("রাত ৯:১৫, ৩ মার্চ ২০২৪ সংবাদ সম্মেলন শেষ হয়।", ref)
    assert [(e.text, e.value, e.granularity, e.cls) for e in found] == [
        ("রাত ৯:১৫, ৩ মার্চ ২০২৪", "2024-03-03T21:15", "minute", "absolute")
    ]
