"""Participants and places of events (issue 5, session 30).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.arguments import OPPONENT
from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


# -- a hostile act told with no target is aimed at the doer's one opponent (arguments.yaml opponent_types)

_SHELLING = "সীমান্তের কাছে দক্ষিণ কোরিয়ার একটি সেনাচৌকিতে গোলাবর্ষণ করেছে উত্তর কোরিয়া। "


def test_a_threat_with_no_target_is_aimed_at_the_doers_opponent(coder: EventCoder) -> None:
    text = _SHELLING + "এর আগে কিম ইয়ো জং হুমকি দিয়েছিলেন, শিগগিরই কঠোর পদক্ষেপ দেখা যাবে।"
    (threat,) = events(coder, text, "THREATEN")
    assert names(threat.actors) == ["Kim Yo Jong"]
    assert names(threat.recipients) == ["South Korea"]
    assert threat.recipients[0].inferred == OPPONENT
    assert any("opponent" in w for w in threat.warnings)


def test_a_state_body_stands_for_its_country_side(coder: EventCoder) -> None:
    # the opponent is read off an attack on a ministry: the ministry is South Korea's side
    text = ("দক্ষিণ কোরিয়ার একীকরণ মন্ত্রণালয়ের একটি ভবনে হামলা চালিয়েছে উত্তর কোরিয়া। "
            "পরে উত্তর কোরিয়া সব ধরনের বাণিজ্য স্থগিত করেছে।")
    sanctions = [e for e in events(coder, text, "SANCTION") if e.status == "occurred"]
    assert [names(e.recipients) for e in sanctions] == [["South Korea"]]


def test_no_target_is_taken_when_the_doer_has_two_opponents(coder: EventCoder) -> None:
    # guard: which opponent is meant is not said
    text = ("ইসরায়েলে রকেট হামলা চালিয়েছে হিজবুল্লাহ। যুক্তরাষ্ট্রের একটি ঘাঁটিতেও হামলা চালিয়েছে হিজবুল্লাহ। "
            "পরে হিজবুল্লাহ হুমকি দিয়েছে, আরও হামলা হবে।")
    (threat,) = events(coder, text, "THREATEN")
    assert threat.recipients == []


def test_an_act_at_home_takes_no_opponent(coder: EventCoder) -> None:
    # guard: COERCE is not filled (an arrest is done at home, not to the other side)
    text = _SHELLING + "পরে উত্তর কোরিয়া কয়েকজন সাংবাদিককে আটক করেছে।"
    for e in events(coder, text, "COERCE"):
        assert "South Korea" not in names(e.recipients)


# -- two acts joined by এবং, each closed by its own verb

def test_the_speaker_of_a_later_conjunct_is_the_subject_of_the_first(coder: EventCoder) -> None:
    # the attribution layer cites শাহবাজ শরিফ for "ঘোষণা দেন"; the emergency is his own act
    text = "শাহবাজ শরিফ জরুরি অবস্থা জারি করেন এবং ভারতের সঙ্গে বাণিজ্য স্থগিত করার ঘোষণা দেন।"
    (emergency,) = events(coder, text, "COERCE")
    assert names(emergency.actors) == ["Shehbaz Sharif"]


def test_a_later_conjuncts_party_is_not_the_earlier_acts(coder: EventCoder) -> None:
    text = "জেলেনস্কি সামরিক আইন জারি করেন এবং পরে মস্কো সফর করেন।"
    (law,) = events(coder, text, "COERCE")
    assert (names(law.actors), names(law.recipients)) == (["Volodymyr Zelenskyy"], [])


def test_a_confirmer_of_a_meeting_is_no_party_to_it(coder: EventCoder) -> None:
    # guard: the verb closing the first conjunct is not the trigger's own
    text = "ক্রেমলিন বৈঠকের খবর নিশ্চিত করেছে এবং জানিয়েছে, দুই নেতা সহযোগিতা নিয়ে কথা বলেছেন।"
    for e in events(coder, text, "CONSULT"):
        assert "Presidential Administration of Russia" not in names(e.actors + e.recipients)


def test_an_earlier_conjuncts_party_may_carry_to_the_later_act(coder: EventCoder) -> None:
    # guard: only names after the first act's verb are walled off from it, not the other way
    text = "উত্তর কোরিয়া রাশিয়ার কুরস্ক অঞ্চলে সৈন্য পাঠিয়েছে এবং যুদ্ধে অস্ত্র সরবরাহ করছে।"
    supplies = [e for e in events(coder, text, "AID") if any("সরবরাহ" in x.trigger for x in e.evidence)]
    assert [names(e.recipients) for e in supplies] == [["Russia"]]


# -- troops sent to a place of another country are sent to that country

def test_troops_sent_to_a_city_abroad_aid_its_country(coder: EventCoder) -> None:
    (aid,) = events(coder, "ইরান আলেপ্পো শহরে কয়েক শ সৈন্য পাঠিয়েছে।", "AID")
    assert (names(aid.actors), names(aid.recipients)) == (["Iran"], ["Syria"])


def test_troops_sent_within_the_doers_own_country_have_no_recipient(coder: EventCoder) -> None:
    # guard: a place of the doer's own country is no other party
    (move,) = events(coder, "রাশিয়া কুরস্ক অঞ্চলে আরও সেনা পাঠিয়েছে।", "MOBILIZE")
    assert move.recipients == []


# -- adverbs of extent end like a case, but the name before them is the doer (grammar.yaml adverb_endings)

def test_a_name_before_an_adverb_of_time_extent_is_the_doer(coder: EventCoder) -> None:
    (attack,) = events(coder, "ইসরায়েল রাতভর হামলা চালিয়েছে।", "ASSAULT")
    assert names(attack.actors) == ["Israel"]


def test_a_name_before_an_adverb_of_place_extent_is_the_doer(coder: EventCoder) -> None:
    (protest,) = events(coder, "বিএনপি দেশজুড়ে বিক্ষোভ করেছে।", "PROTEST")
    assert names(protest.actors) == ["Bangladesh Nationalist Party"]


# -- a place phrase: a count is no word of it, and a bare name listed with it shares its case

def test_a_count_does_not_hide_the_noun_of_place(coder: EventCoder) -> None:
    (attack,) = events(coder, "ইউক্রেনের ৮টি শহরে ড্রোন হামলা চালিয়েছে রাশিয়া।", "ASSAULT")
    assert attack.location is not None and attack.location.name_en == "Ukraine"


def test_a_bare_country_listed_with_a_place_phrase_is_no_doer(coder: EventCoder) -> None:
    text = "সিরিয়া ও ইরাকের অন্তত ১২টি স্থানে বিমান হামলা চালিয়েছে যুক্তরাষ্ট্র।"
    (attack,) = events(coder, text, "ASSAULT")
    assert names(attack.actors) == ["United States"]


# -- a party before an election contests it; a person before সরকার does not own it; a demand list

def test_a_party_before_an_election_is_its_contestant_not_its_name(coder: EventCoder) -> None:
    # grammar.yaml not_events.contest_heads / contesting_sectors
    (boycott,) = events(coder, "বিএনপি নির্বাচন বর্জন করেছে।", "PROTEST")
    assert names(boycott.actors) == ["Bangladesh Nationalist Party"]


def test_a_body_before_an_election_still_only_names_it(coder: EventCoder) -> None:
    # guard: "জাতীয় সংসদ নির্বাচনে": the house names the election and takes no part
    text = "জাতীয় সংসদ নির্বাচনে কারচুপির অভিযোগ তুলেছে বিএনপি।"
    (accusation,) = events(coder, text, "ACCUSE")
    assert "Jatiya Sangsad" not in names(accusation.actors + accusation.recipients)


_DHAKA = "ঢাকা, ৮ জানুয়ারি — বিএনপি ভোট বর্জন করেছে। "


def test_a_person_before_government_does_not_make_it_his(coder: EventCoder) -> None:
    # a non-leader's name before সরকার: the article's own government (a leader's is found as led)
    (demand,) = events(coder, _DHAKA + "মির্জা ফখরুল সরকারের পদত্যাগ দাবি করেন।", "REQUEST", "2024-01-08")
    assert names(demand.recipients) == ["Bangladesh"]


def test_a_demand_first_in_a_list_is_made_of_its_owner(coder: EventCoder) -> None:
    text = _DHAKA + "মির্জা ফখরুল সরকারের পদত্যাগ ও সংসদ ভেঙে দেওয়ার দাবি জানান।"
    (demand,) = events(coder, text, "REQUEST", "2024-01-08")
    assert names(demand.recipients) == ["Bangladesh"]
