"""Participants (issue 5, session 35): "দুই পক্ষ" names the sides told before as bodies.

Each sentence was written for this file; each case of a new rule was checked to fail
without that rule.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


# -- "দুই পক্ষ" after a meeting of two officials (arguments.yaml side_pairs, coder._persons_as_sides)

ENVOY = ("গতকাল বুধবার ঢাকায় প্রধান উপদেষ্টা মুহাম্মদ ইউনূসের সঙ্গে সাক্ষাৎ করেন ভারতের হাইকমিশনার প্রণয় ভার্মা। "
         "প্রধান উপদেষ্টার দপ্তর জানায়, বৈঠকে দুই পক্ষ সীমান্ত হত্যা বন্ধে একমত হয়েছে।")


def test_the_two_sides_of_a_meeting_of_officials_are_their_countries(coder: EventCoder) -> None:
    agreed = events(coder, ENVOY, "AGREE", on="2024-09-12")
    assert len(agreed) == 1
    assert names(agreed[0].actors + agreed[0].recipients) == ["Bangladesh", "India"]


def test_the_meeting_the_two_sides_had_is_still_the_one_told(coder: EventCoder) -> None:
    # guard (it failed with the rule's first form, before coder._retells let a pointed telling
    # name sides by their countries): "বৈঠকে দুই পক্ষ" retells the সাক্ষাৎ told with the two
    # officials: one meeting, two spans, whose sides stay the officials who met
    met = events(coder, ENVOY, "CONSULT", on="2024-09-12")
    assert len(met) == 1
    assert len(met[0].evidence) == 2
    assert names(met[0].actors + met[0].recipients) == ["Muhammad Yunus", "Pranay Verma"]


def test_the_two_sides_of_a_civil_war_stay_its_two_forces(coder: EventCoder) -> None:
    # guard: two bodies of one country are not made one country twice
    text = ("সুদানের সেনাবাহিনী ও আধাসামরিক বাহিনী আরএসএফ গতকাল জেদ্দায় আলোচনা করেছে। "
            "সাত দিনের জন্য অস্ত্রবিরতি মেনে চলতে দুই পক্ষ রাজি হয়েছে।")
    agreed = [e for e in events(coder, text, "AGREE") + events(coder, text, "CONCEDE")]
    assert agreed
    assert "Sudan" not in names(agreed[0].actors + agreed[0].recipients)


def test_two_party_leaders_at_home_stay_people(coder: EventCoder) -> None:
    # guard: two sides of one country keep their names (making them countries gives one)
    text = ("গতকাল বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর জামায়াতের আমির শফিকুর রহমানের সঙ্গে বৈঠক করেন। "
            "বৈঠকে দুই পক্ষ আসন ভাগাভাগি নিয়ে একমত হয়েছে।")
    agreed = events(coder, text, "AGREE")
    assert len(agreed) == 1
    assert "Bangladesh" not in names(agreed[0].actors + agreed[0].recipients)


# -- what is done at a meeting is dated by the meeting (coder._places_within, _told_within)

def test_an_agreement_told_at_a_dated_meeting_takes_its_day(coder: EventCoder) -> None:
    # the day of the saying (আজ জানায়) is not the agreement's: it was reached when they met
    text = ("গত সোমবার ঢাকায় প্রধান উপদেষ্টা মুহাম্মদ ইউনূসের সঙ্গে সাক্ষাৎ করেন ভারতের হাইকমিশনার প্রণয় ভার্মা। "
            "প্রধান উপদেষ্টার দপ্তর আজ জানায়, ওই বৈঠকে দুই পক্ষ সীমান্ত হত্যা বন্ধে একমত হয়েছে।")
    agreed = events(coder, text, "AGREE", on="2024-09-12")
    assert len(agreed) == 1
    assert (agreed[0].date, agreed[0].date_how) == ("2024-09-09", "coreference")


def test_a_bare_trigger_ending_like_a_locative_sets_no_scene(coder: EventCoder) -> None:
    # "তথ্য বিনিময়" ends in য় as a locative does; told bare it is no scene for the agreement
    # after it, whose day is then the meeting's (the locative বৈঠকে before it)
    text = ("গত সোমবার ঢাকায় প্রধান উপদেষ্টা মুহাম্মদ ইউনূসের সঙ্গে সাক্ষাৎ করেন ভারতের হাইকমিশনার প্রণয় ভার্মা। "
            "প্রধান উপদেষ্টার দপ্তর জানায়, বৈঠকে দুই পক্ষ নদীর পানির আগাম তথ্য বিনিময় জোরদার করতে একমত হয়েছে।")
    agreed = events(coder, text, "AGREE", on="2024-09-12")
    assert len(agreed) == 1
    assert agreed[0].date == "2024-09-09"



# -- a condemnation of the happening told just before, in the genitive (coder._answered)

def test_condemning_the_visit_is_aimed_at_the_visitor(coder: EventCoder) -> None:
    # the visitor, not his state: a condemnation is aimed at the one who did the thing
    text = ("মার্কিন প্রতিনিধি পরিষদের স্পিকার ন্যান্সি পেলোসি গতকাল তাইওয়ান সফরে যান। "
            "এরপর চীনের পররাষ্ট্র মন্ত্রণালয় এক বিবৃতিতে সফরের তীব্র নিন্দা জানায়।")
    accused = events(coder, text, "ACCUSE")
    assert len(accused) == 1
    assert names(accused[0].actors) == ["Ministry of Foreign Affairs of China"]
    assert names(accused[0].recipients) == ["Nancy Pelosi"]


def test_condemning_the_attack_is_aimed_at_the_attacker(coder: EventCoder) -> None:
    text = ("ইসরায়েল গতকাল রাতে দক্ষিণ লেবাননে বিমান হামলা চালিয়েছে। "
            "আজ তুরস্কের পররাষ্ট্র মন্ত্রণালয় এক বিবৃতিতে হামলার তীব্র নিন্দা জানিয়েছে।")
    accused = events(coder, text, "ACCUSE")
    assert len(accused) == 1
    assert names(accused[0].recipients) == ["Israel"]


def test_a_condemnation_whose_sentence_names_the_owner_keeps_it(coder: EventCoder) -> None:
    # guard: "রাশিয়ার হামলার নিন্দা" says whose attack, whatever was told before
    text = ("ইসরায়েল গতকাল রাতে দক্ষিণ লেবাননে বিমান হামলা চালিয়েছে। "
            "এদিকে জার্মানি ইউক্রেনে রাশিয়ার হামলার তীব্র নিন্দা জানিয়েছে।")
    accused = events(coder, text, "ACCUSE")
    assert len(accused) == 1
    assert names(accused[0].recipients) == ["Russia"]


# -- a welcome on arrival is no support (triggers.yaml greets, coder._greeted)

def test_welcoming_a_visitor_at_the_airport_is_no_event(coder: EventCoder) -> None:
    text = "সফরের প্রথম দিনে জাপানের প্রধানমন্ত্রী শিগেরু ইশিবাকে বিমানবন্দরে স্বাগত জানান নরেন্দ্র মোদি।"
    assert events(coder, text, "SUPPORT") == []


def test_welcoming_him_by_a_pronoun_is_no_event(coder: EventCoder) -> None:
    text = "কিম জং উন গতকাল সীমান্ত পেরিয়ে দক্ষিণে আসেন। মুন জে-ইন তাঁকে হাসিমুখে স্বাগত জানান।"
    assert events(coder, text, "SUPPORT") == []


def test_welcoming_a_leaders_decision_is_still_support(coder: EventCoder) -> None:
    # guard: the person is in the genitive, the decision in the accusative
    text = "জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস ট্রাম্পের সিদ্ধান্তকে স্বাগত জানিয়েছেন।"
    welcomed = events(coder, text, "SUPPORT")
    assert len(welcomed) == 1
    assert names(welcomed[0].actors) == ["António Guterres"]
