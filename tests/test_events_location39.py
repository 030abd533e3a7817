"""Where events happen, read off what the text told before (issue 5, session 39).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events
from test_events_location29 import where


# -- a city named again as "the city" (grammar.yaml shells.place)

def test_the_city_is_the_city_named_last(coder: EventCoder) -> None:
    text = "গতকাল খারকিভ সফর করেন জেলেনস্কি। রাতভর শহরটিতে গোলাবর্ষণ চালিয়েছে রুশ বাহিনী।"
    assert where(coder, text, "ASSAULT") == ("Kharkiv", None)


def test_the_country_is_no_city(coder: EventCoder) -> None:
    # guard: a country named last is no antecedent of শহরটি
    text = "গতকাল ইউক্রেন সফর করেন ব্লিঙ্কেন। রাতভর শহরটিতে গোলাবর্ষণ চালিয়েছে রুশ বাহিনী।"
    assert where(coder, text, "ASSAULT") == (None, None)


# -- an act told "at this time" or "there" is at the scene of the act before it
#    (arguments.yaml scene_cues)

def test_at_this_time_is_at_the_scene_of_the_act_before(coder: EventCoder) -> None:
    text = ("প্রধানমন্ত্রী গতকাল কক্সবাজারে রোহিঙ্গাদের মধ্যে ত্রাণ বিতরণ করেছেন। "
            "এ সময় তিনি মিয়ানমারের প্রতি নাগরিকদের ফিরিয়ে নেওয়ার আহ্বান জানান।")
    assert where(coder, text, "REQUEST") == ("Cox's Bazar", None)


def test_there_is_the_place_told_before(coder: EventCoder) -> None:
    text = ("গত মাসে খারকিভে ব্যাপক হামলা চালায় রাশিয়া। "
            "সেখানে গতকাল আবার বিক্ষোভ করেছেন শহরের বাসিন্দারা।")
    assert where(coder, text, "PROTEST") == ("Kharkiv", None)


def test_a_consequence_is_not_at_the_scene(coder: EventCoder) -> None:
    # guard: "জবাবে" carries the time, not the place
    text = ("গতকাল খারকিভে ব্যাপক হামলা চালায় রাশিয়া। "
            "জবাবে রাশিয়ার ওপর নতুন নিষেধাজ্ঞা আরোপ করেছে যুক্তরাষ্ট্র।")
    assert where(coder, text, "SANCTION") == (None, None)


def test_a_new_paragraph_sets_a_new_scene(coder: EventCoder) -> None:
    # guard: the scene is the paragraph's
    text = ("প্রধানমন্ত্রী গতকাল কক্সবাজারে রোহিঙ্গাদের মধ্যে ত্রাণ বিতরণ করেছেন।\n\n"
            "এ সময় তিনি মিয়ানমারের প্রতি নাগরিকদের ফিরিয়ে নেওয়ার আহ্বান জানান।")
    assert where(coder, text, "REQUEST") == (None, None)


# -- where an envoy is posted is part of his title (arguments.yaml posted_words)

def test_the_city_an_envoy_is_posted_in_is_not_where_he_meets(coder: EventCoder) -> None:
    text = ("আজ সকালে গণভবনে প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে সাক্ষাৎ করেন "
            "ঢাকায় নিযুক্ত ভারতের হাইকমিশনার প্রণয় ভার্মা।")
    assert where(coder, text, "CONSULT") == ("Ganabhaban", None)


def test_a_place_not_followed_by_posted_stays_where(coder: EventCoder) -> None:
    # guard
    text = "আজ সকালে ঢাকায় প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে সাক্ষাৎ করেন ভারতের হাইকমিশনার প্রণয় ভার্মা।"
    assert where(coder, text, "CONSULT") == ("Dhaka", None)


# -- near a place is where (arguments.yaml near_words)

def test_near_a_city_is_where_not_whom(coder: EventCoder) -> None:
    text = "গতকাল খারকিভের কাছে রুশ বাহিনীর সঙ্গে তীব্র লড়াই হয়েছে ইউক্রেনীয় সেনাদের।"
    (event,) = [e for e in events(coder, text, "ASSAULT")]
    assert "Kharkiv" not in [p.name_en for p in event.actors + event.recipients]
    assert event.location is not None and event.location.name_en == "Kharkiv"


def test_to_a_capital_stays_to_its_state(coder: EventCoder) -> None:
    # "মস্কোর কাছে ... বিক্রি" sells to Russia: a capital is no mere place (fails without the exception)
    text = "গত বছর মস্কোর কাছে গোলাবারুদ বিক্রি করতে পিয়ংইয়ংকে রাজি করার চেষ্টা করেছিলেন শোইগু।"
    for e in events(coder, text, "REQUEST"):
        assert e.location is None or e.location.name_en != "Moscow"
