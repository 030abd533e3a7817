"""Events and time expressions (issue 5, session 38): a day and an hour between a noun and its
verb, hours written in words, and the day of an hour that names none.

Each sentence was written for this file; each case of a new rule was checked to fail
without that rule.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from datetime import datetime

from ghotona.events.coder import EventCoder
from ghotona.timex import tag
from events_args_helpers import events, names

REF = datetime(2025, 12, 30)


# -- a time phrase between a noun and its light verb (lexicon.match adverbial)

def test_a_ceasefire_takes_effect_after_its_day_and_hour(coder: EventCoder) -> None:
    text = "ইসরায়েল ও হামাসের যুদ্ধবিরতি গতকাল শুক্রবার সকাল ছয়টায় কার্যকর হয়েছে।"
    (truce,) = events(coder, text, "RETREAT", on="2025-12-30")
    assert set(names(truce.actors) + names(truce.recipients)) == {"Hamas", "Israel"}
    assert truce.date == "2025-12-29"


def test_a_duration_between_a_noun_and_a_verb_still_counts(coder: EventCoder) -> None:
    # guard: "দুই বছরের" is an argument (the length of a sentence), not when: the
    # case is no accusation made here, and হওয়ায় stays out of its reach
    text = "দুর্নীতির মামলায় দুই বছরের বেশি সাজাপ্রাপ্ত হওয়ায় তিনি নির্বাচনে অংশ নিতে পারেননি।"
    assert events(coder, text, "ACCUSE", on="2025-12-30") == []


# -- hours in words (timex clocknum: hn)

def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.end_value) for t in tag(text, REF)]


def test_an_hour_in_words_after_a_part_of_day_is_a_clock_time() -> None:
    assert _found("বিকেল চারটায় সভা হবে।") == [("বিকেল চারটায়", "2025-12-30T16:00", None)]
    assert _found("সাড়ে সাতটায় খেলা শুরু।") == [("সাড়ে সাতটায়", "2025-12-30T07:30", None)]
    assert _found("শনিবার রাত আটটার দিকে তারা ফেরেন।") == [("শনিবার রাত আটটার দিকে", "2025-12-27T20:00", None)]


def test_a_bare_count_in_words_is_no_hour() -> None:
    assert _found("তিনটা গাড়ি এসেছে।") == []
    assert _found("একটায় জয়, দুটিতে হার।") == []


def test_a_clock_range_past_midnight_ends_the_next_day() -> None:
    assert _found("রাত ১০টা থেকে ১২টা পর্যন্ত মহড়া চলবে।") == [
        ("রাত ১০টা থেকে ১২টা", "2025-12-30T22:00", "2025-12-31T00:00")]


# -- an hour names no day (coder._event_date, dates.day_cues)

def test_that_day_at_three_is_the_day_told_before(coder: EventCoder) -> None:
    text = ("বিএনপি গত শনিবার (২৭ ডিসেম্বর) প্রার্থী ঘোষণা করে। এরপর থেকে কর্মীরা আন্দোলন শুরু করেন। "
            "ওই দিন বেলা ৩টা থেকে তারা সড়ক অবরোধ করেন।")
    blocked = [e for e in events(coder, text, "PROTEST", on="2025-12-30") if "অবরোধ" in e.evidence[0].trigger]
    assert len(blocked) == 1
    assert blocked[0].date == "2025-12-27"


def test_a_meeting_planned_at_an_hour_is_on_the_articles_day(coder: EventCoder) -> None:
    # guard: with no other day told, an hour's day is the article's (a plan for today)
    text = "সাড়ে ১২টায় গুলশানে বিএনপির স্থায়ী কমিটির বৈঠক হওয়ার কথা রয়েছে।"
    (meeting,) = events(coder, text, "CONSULT", on="2025-12-30")
    assert meeting.status == "planned"
    assert meeting.date == "2025-12-30"


def test_a_day_cue_must_be_a_carry_cue(monkeypatch) -> None:
    # The day cues are the carry cues that name a day; one outside them is an error on load.
    import copy

    import pytest

    import ghotona.events.grammar as grammar_module
    from ghotona.errors import LanguageDataError

    data = copy.deepcopy(grammar_module.load_yaml(grammar_module._FILE))
    assert set(data["dates"]["day_cues"]) <= set(data["dates"]["carry_cues"])
    data["dates"]["day_cues"].append("পরের সপ্তাহে")
    monkeypatch.setattr(grammar_module, "load_yaml", lambda _f: data)
    with pytest.raises(LanguageDataError, match=r"day_cues.*পরের সপ্তাহে"):
        grammar_module.load_grammar.__wrapped__()


# -- the day of the lead's news (coder._news_day, date_how "news-day")

MORNING_PAPER = ("রাজশাহী, ১৪ মার্চ — গতকাল বুধবার নগরের সাহেববাজারে বিএনপির সমাবেশে পুলিশ লাঠিপেটা করে। "
                 "পরে দলটির নেতারা পুলিশের বিরুদ্ধে হামলার অভিযোগ করেন।")


def test_what_a_morning_paper_tells_undated_is_of_the_lead_s_day(coder: EventCoder) -> None:
    (accused,) = events(coder, MORNING_PAPER, "ACCUSE", on="2024-03-14")
    assert (accused.date, accused.date_how) == ("2024-03-13", "news-day")
    assert any("lead's news" in w for w in accused.warnings)


def test_a_lead_told_on_the_publication_day_changes_nothing(coder: EventCoder) -> None:
    # guard: "আজ" is the publication day itself: the fallback stays the publication's
    text = MORNING_PAPER.replace("গতকাল বুধবার", "আজ বৃহস্পতিবার")
    (accused,) = events(coder, text, "ACCUSE", on="2024-03-14")
    assert (accused.date, accused.date_how) == ("2024-03-14", "publication-fallback")


def test_a_lead_told_a_week_before_is_no_news_day(coder: EventCoder) -> None:
    # guard: a lead dated well before the publication is background, not the day's news
    text = MORNING_PAPER.replace("গতকাল বুধবার", "গত ৬ মার্চ")
    (accused,) = events(coder, text, "ACCUSE", on="2024-03-14")
    assert accused.date_how == "publication-fallback"


def test_the_clock_an_hour_is_told_by_is_part_of_its_time_phrase(coder: EventCoder) -> None:
    # grammar.yaml dates.clock_zones: "স্থানীয় সময়" between the day and the hour
    text = "সেনাবাহিনী ও বিদ্রোহীদের অস্ত্রবিরতি গতকাল সোমবার স্থানীয় সময় রাত আটটায় কার্যকর হয়েছে।"
    (truce,) = events(coder, text, "RETREAT", on="2025-12-30")
    assert truce.date == "2025-12-29" and truce.status == "occurred"
