"""Events (issue 5, session 36): acts told at two meetings, and what "X-বিরোধী" aims at.

Each sentence was written for this file; each case of a new rule was checked to fail
without that rule.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


# -- the same act at two meetings (coder._scene_changed)

TWO_MEETINGS = ("চীনের প্রধানমন্ত্রী গতকাল বেইজিংয়ে পাকিস্তানের প্রেসিডেন্টের সঙ্গে সাক্ষাৎ করেছেন। "
                "সাক্ষাতে চীন কাশ্মীর প্রশ্নে পাকিস্তানের অবস্থানের প্রতি সমর্থন জানিয়েছে। "
                "পরে দুই দেশের পররাষ্ট্রমন্ত্রীদের মধ্যে আলাদা বৈঠক হয়। "
                "পাকিস্তানের পররাষ্ট্রমন্ত্রী বলেন, চীন আবারও পাকিস্তানের অবস্থানের প্রতি সমর্থন জানিয়েছে।")


def test_support_voiced_at_a_second_meeting_is_a_second_act(coder: EventCoder) -> None:
    backed = events(coder, TWO_MEETINGS, "SUPPORT", on="2025-03-05")
    assert len(backed) == 2
    assert all(names(e.actors) == ["China"] and names(e.recipients) == ["Pakistan"] for e in backed)


def test_support_said_again_with_no_other_meeting_between_is_one_act(coder: EventCoder) -> None:
    # guard: with no other gathering told between them, the second telling retells the first
    text = ("চীনের প্রধানমন্ত্রী গতকাল বেইজিংয়ে পাকিস্তানের প্রেসিডেন্টের সঙ্গে সাক্ষাৎ করেছেন। "
            "সাক্ষাতে চীন কাশ্মীর প্রশ্নে পাকিস্তানের অবস্থানের প্রতি সমর্থন জানিয়েছে। "
            "পাকিস্তানের পররাষ্ট্রমন্ত্রী বলেন, চীন পাকিস্তানের অবস্থানের প্রতি সমর্থন জানিয়েছে।")
    backed = events(coder, text, "SUPPORT", on="2025-03-05")
    assert len(backed) == 1
    assert len(backed[0].evidence) == 2


def test_a_meeting_told_in_the_retelling_sentence_only_says_when(coder: EventCoder) -> None:
    # guard (the rule's first form split this signing in two: the summit it names came between)
    text = ("ভিয়েতনাম সফরে গিয়ে দেশটির প্রেসিডেন্টের সঙ্গে একটি ব্যাপক বাণিজ্য চুক্তিতে সই করেছেন চীনের প্রেসিডেন্ট "
            "শি চিন পিং। চুক্তি অনুযায়ী, দুই দেশের কোনো একটি সংকটে পড়লে অন্যটি তাকে সহায়তা দেবে। "
            "মঙ্গলবার হ্যানয়ে দুই নেতার শীর্ষ বৈঠকের পর চুক্তিটি সই হয়।")
    signed = events(coder, text, "SUPPORT", on="2025-04-15") + events(coder, text, "AGREE", on="2025-04-15")
    assert len(signed) == 1


def test_a_telling_pointing_back_into_the_first_meeting_joins_it(coder: EventCoder) -> None:
    # guard: "প্রথম সাক্ষাতে" places the later telling inside the first meeting again
    text = TWO_MEETINGS.replace("পাকিস্তানের পররাষ্ট্রমন্ত্রী বলেন, চীন আবারও",
                                "পাকিস্তানের পররাষ্ট্রমন্ত্রী বলেন, ওই সাক্ষাতে চীন")
    backed = events(coder, text, "SUPPORT", on="2025-03-05")
    assert len(backed) == 1


# -- a name written joined to "বিরোধী" (actors: inflections.yaml joined_modifiers)

def test_an_anti_india_protest_is_aimed_at_india(coder: EventCoder) -> None:
    text = "গতকাল সন্ধ্যায় রাজশাহী বিশ্ববিদ্যালয়ে ভারতবিরোধী বিক্ষোভ মিছিল করেছেন একদল শিক্ষার্থী।"
    protests = events(coder, text, "PROTEST", on="2025-02-20")
    assert len(protests) == 1
    assert names(protests[0].recipients) == ["India"] and not protests[0].actors


def test_a_joined_name_after_the_trigger_takes_no_part(coder: EventCoder) -> None:
    # guard: "এরশাদবিরোধী আন্দোলনের সময়" after the arrest only says when; Ershad is neither the
    # one arrested nor whom anything is aimed at (an "against" compound counts only before the
    # trigger; its first form also counted one after it)
    text = "বিরোধী নেত্রী খালেদা জিয়া প্রথম আটক হন এরশাদবিরোধী আন্দোলনের সময় ১৯৮৩ সালের নভেম্বরে।"
    arrests = events(coder, text, "COERCE", on="2025-02-20")
    assert arrests
    assert all("Hussain Muhammad Ershad" not in names(e.actors + e.recipients) for e in arrests)


# -- a quoted noun keeps its light verb (lexicon._light_verb), and a reception is the meeting

RECEIVED = ("ভারতের পররাষ্ট্রমন্ত্রী গতকাল ভুটানের প্রধানমন্ত্রীর সঙ্গে সাক্ষাৎ করেন। "
            "ভুটানের প্রধানমন্ত্রীর দপ্তর জানায়, থিম্পুতে প্রধানমন্ত্রী তাঁকে ‘আন্তরিক অভ্যর্থনা’ জানান।")


def test_a_reception_told_in_quotes_is_found_and_is_the_meeting(coder: EventCoder) -> None:
    met = events(coder, RECEIVED, "CONSULT", on="2025-04-03")
    assert len(met) == 1
    assert [e.trigger for e in met[0].evidence][-1] == "অভ্যর্থনা"
    assert met[0].location is not None and met[0].location.name_en == "Thimphu"
    assert met[0].mode is None


def test_a_reception_unquoted_is_the_meeting_too(coder: EventCoder) -> None:
    # triggers.yaml: a reception has no mode of its own, so it retells the meeting (with the
    # visit mode it had before, it was a second contact, or joined the trip)
    met = events(coder, RECEIVED.replace("‘", "").replace("’", ""), "CONSULT", on="2025-04-03")
    assert len(met) == 1 and len(met[0].evidence) == 2


# -- one trip told twice, and a trip back the other way (coder._retells, _merge_into)

TRIPS = ("রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু সম্প্রতি উত্তর কোরিয়া সফর করেছেন। "
         "ওই সময় পিয়ংইয়ংকে অস্ত্র বিক্রিতে রাজি করানোর চেষ্টা করেছিলেন তিনি। "
         "নতুন ড্রোন দেখানো হয়েছিল তাঁর উত্তর কোরিয়া সফরের সময়। "
         "কিমের সফর সামনে রেখে উত্তর কোরিয়ার কর্মকর্তাদের একটি দল গত মাসে মস্কো যান।")


def test_a_trip_back_the_other_way_is_another_trip(coder: EventCoder) -> None:
    shoigu = [e for e in events(coder, TRIPS, "CONSULT", on="2024-03-10") if names(e.actors) == ["Sergei Shoigu"]]
    assert len(shoigu) == 1
    assert "যান" not in [x.trigger for x in shoigu[0].evidence]
    assert shoigu[0].date is None or shoigu[0].date_how == "publication-fallback"


def test_an_undated_trip_retold_in_the_past_perfect_is_one_background_trip(coder: EventCoder) -> None:
    shoigu = [e for e in events(coder, TRIPS, "CONSULT", on="2024-03-10") if names(e.actors) == ["Sergei Shoigu"]]
    assert len(shoigu) == 1
    assert [x.trigger for x in shoigu[0].evidence] == ["সফর", "সফরের"]
    assert shoigu[0].status == "historical"


def test_a_dated_trip_is_not_joined_by_an_undated_one_of_another_status(coder: EventCoder) -> None:
    # guard: the past-perfect joining is for two undated tellings only; a trip dated last year
    # and one told now stay apart
    text = ("রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু গতকাল উত্তর কোরিয়া সফর করেছেন। "
            "২০২৩ সালে তিনি উত্তর কোরিয়া সফর করেছিলেন।")
    shoigu = [e for e in events(coder, text, "CONSULT", on="2024-03-10") if names(e.actors) == ["Sergei Shoigu"]]
    assert len(shoigu) == 2


# -- adverbs that end like a case (grammar.yaml adverbs): the name before one is the doer

def test_a_name_before_an_adverb_of_time_is_the_doer(coder: EventCoder) -> None:
    trip = events(coder, "পুতিন শিগগির চীন সফরে যাবেন।", "CONSULT", on="2024-03-10")
    assert len(trip) == 1 and names(trip[0].actors) == ["Vladimir Putin"]
    freed = events(coder, "হামাস অবশেষে দুই জিম্মিকে মুক্তি দিয়েছে।", "RETREAT", on="2024-03-10")
    assert len(freed) == 1 and names(freed[0].actors) == ["Hamas"]
    backed = events(coder, "ইরান প্রকাশ্যে হামাসকে সমর্থন দেয়।", "SUPPORT", on="2024-03-10")
    assert len(backed) == 1 and names(backed[0].actors) == ["Iran"]
    warned = events(coder, "পুতিন সবচেয়ে কঠোর হুমকি দিয়েছেন।", "THREATEN", on="2024-03-10")
    assert len(warned) == 1 and names(warned[0].actors) == ["Vladimir Putin"]


def test_words_of_manner_in_bhabe_are_adverbs() -> None:
    from ghotona.events.grammar import load_grammar

    g = load_grammar()
    assert g.is_adverb("যৌথভাবে") and g.is_adverb("আনুষ্ঠানিকভাবে")
    assert not g.is_adverb("ভাবে")  # the ending alone is no word of manner


# -- an assurance of support, given at a meeting (triggers.yaml সমর্থনের আশ্বাস; coder: its own object)

def test_support_assured_at_a_meeting_is_support_for_the_one_assured(coder: EventCoder) -> None:
    text = "গত মাসে ইরানের পররাষ্ট্রমন্ত্রী আব্বাস আরাঘচির সঙ্গে বৈঠকে পুতিন তেহরানকে যুদ্ধের পূর্ণ সমর্থনের আশ্বাস দেন।"
    backed = events(coder, text, "SUPPORT", on="2025-03-10")
    assert len(backed) == 1
    assert names(backed[0].actors) == ["Vladimir Putin"] and names(backed[0].recipients) == ["Iran"]
    assert not events(coder, text, "AGREE", on="2025-03-10")
    met = events(coder, text, "CONSULT", on="2025-03-10")
    assert len(met) == 1 and names(met[0].recipients) == ["Abbas Araghchi"]
