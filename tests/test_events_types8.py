"""Event types and status on real Bangladeshi news (types8): sentences written for this file.

Each case fails with its rule (or its vocabulary) taken out.
"""

from __future__ import annotations

import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.coder import EventCoder
from ghotona.events.lexicon import load_lexicon
from ghotona.events.ontology import load_ontology
from ghotona.pipeline import article_from_text
from lexicon_helpers import HEADER


def coded(coder: EventCoder, text: str, on: str = "2025-12-30") -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.status) for e in coder.code(article_from_text(text, on))]


def types_of(coder: EventCoder, text: str, on: str = "2025-12-30") -> set[str]:
    return {t for t, _, _ in coded(coder, text, on)}


# -- status: a year named alone -------------------------------------------------

def test_year_alone_late_in_that_year_is_background(coder: EventCoder) -> None:
    # year_counts_to_month: in a review of 28 December, "in 2025" recalls the year.
    got = coded(coder, "২০২৫ সালে দেশটি সীমান্তে নিজস্ব সেনা মোতায়েন করেছে।", on="2025-12-28")
    assert ("MOBILIZE", "historical") in {(t, s) for t, _, s in got}


def test_year_alone_early_in_that_year_stays_news(coder: EventCoder) -> None:
    # In a report of 20 January, "this year" has hardly begun: not background.
    got = coded(coder, "২০২৫ সালে দেশটি সীমান্তে নিজস্ব সেনা মোতায়েন করেছে।", on="2025-01-20")
    assert ("MOBILIZE", "occurred") in {(t, s) for t, _, s in got}


# -- status: a link to the time before --------------------------------------------

def test_this_time_link_takes_the_date_before(coder: EventCoder) -> None:
    # carry_cues: "এই সময়ে" ties the sentence to the year told before it.
    text = ("দলটি গত সপ্তাহে নতুন কর্মসূচি দিয়েছে। "
            "২০০৭ সালে সেনা-সমর্থিত সরকার ক্ষমতায় আসে। "
            "এই সময়ে দলের তিন নেতার বিরুদ্ধে দুর্নীতির মামলা হয়।")
    got = [(e.type, e.status, e.date) for e in coder.code(article_from_text(text, "2025-12-30"))]
    assert ("ACCUSE", "historical", "2007") in got


# -- status: the whole condition ----------------------------------------------------

def test_every_clause_between_if_and_then_is_the_condition(coder: EventCoder) -> None:
    # if_words / then_words: the deployment is in the second clause of the condition.
    text = ("যদি দুই পক্ষ আলোচনায় রাজি থাকে এবং সীমান্তে শান্তিরক্ষী বাহিনী মোতায়েন হয়, "
            "তাহলে শরণার্থীরা ফিরতে পারবে।")
    got = coded(coder, text)
    assert ("AID", None, "hypothetical") in got


# -- status: a threat named by what is threatened --------------------------------

def test_stern_action_will_be_taken_is_a_threat_made(coder: EventCoder) -> None:
    # said_is_done: no verb of saying here, so the general rule for reported threats does not apply.
    got = coded(coder, "সড়ক আটকে রাখা কর্মীদের বিরুদ্ধে দল কঠোর ব্যবস্থা নেবে।")
    assert ("THREATEN", None, "occurred") in got


# -- vocabulary of domestic politics ----------------------------------------------

def test_party_nomination_is_support(coder: EventCoder) -> None:
    assert "SUPPORT" in types_of(coder, "শনিবার দলটি জেলা সভাপতিকে ওই আসনে মনোনয়ন দিয়েছে।")


def test_filing_a_nomination_is_no_event(coder: EventCoder) -> None:
    # Blockers: the candidate's filing is not the party's naming him.
    assert "SUPPORT" not in types_of(coder, "মনোনয়ন পেশের মধ্য দিয়ে দুই প্রার্থী প্রচারে নেমেছেন।")


def test_seat_sharing_is_a_deal(coder: EventCoder) -> None:
    assert "AGREE" in types_of(coder, "জোটের শরিক দলগুলোর মধ্যে আসন ভাগাভাগি চূড়ান্ত হয়েছে।")


def test_police_bringing_control_is_mobilisation(coder: EventCoder) -> None:
    got = coded(coder, "খবর পেয়ে পুলিশ এসে পরিস্থিতি নিয়ন্ত্রণে আনে।")
    assert ("MOBILIZE", "police", "occurred") in got


def test_security_cordon_is_mobilisation(coder: EventCoder) -> None:
    got = coded(coder, "আদালত প্রাঙ্গণের চারপাশে নিরাপত্তা বলয় তৈরি করা হয়েছে।")
    assert ("MOBILIZE", "police", "occurred") in got


def test_sentence_suspended_is_a_release_and_commuted_a_concession(coder: EventCoder) -> None:
    assert "RETREAT" in types_of(coder, "২০২১ সালে সরকার শর্তসাপেক্ষে তার সাজা স্থগিত করে।")
    assert "CONCEDE" in types_of(coder, "রাষ্ট্রপতির আদেশে তার সাজা মওকুফ করা হয়েছে।")


def test_military_action_and_stepped_up_activity(coder: EventCoder) -> None:
    got = coded(coder, "প্রতিবেশী দেশের বিরুদ্ধে সামরিক পদক্ষেপ নিলে বড় সংঘাত হতে পারে।")
    assert any(t == "ASSAULT" and s == "hypothetical" for t, _, s in got)
    got = coded(coder, "নৌবাহিনী উপকূলে সামরিক তৎপরতা বাড়িয়েছে।")
    assert ("MOBILIZE", "troops", "occurred") in got


def test_peacekeepers_deployed_are_aid(coder: EventCoder) -> None:
    assert "AID" in types_of(coder, "জাতিসংঘ ওই অঞ্চলে শান্তিরক্ষী বাহিনী মোতায়েন করেছে।")


def test_demanding_an_inquiry_is_a_request(coder: EventCoder) -> None:
    got = types_of(coder, "নিহতের পরিবার ঘটনার নিরপেক্ষ তদন্ত চায়।")
    assert "REQUEST" in got and "ACCUSE" not in got


def test_meeting_loanword_and_vow(coder: EventCoder) -> None:
    assert "CONSULT" in types_of(coder, "বিকেলে দলের নেতারা একটি জরুরি মিটিং করবেন।")
    assert "AGREE" in types_of(coder, "প্রার্থী প্রতিজ্ঞা করেছেন যে তিনি নির্বাচনী আইন মানবেন।")


def test_not_disarmed_is_a_negated_disarmament(coder: EventCoder) -> None:
    assert ("RETREAT", "disarm", "negated") in coded(coder, "বিদ্রোহী গোষ্ঠীটি এখনো নিরস্ত্র হয়নি।")


# -- light verbs -----------------------------------------------------------------

def test_fighting_that_goes_on(coder: EventCoder) -> None:
    assert "ASSAULT" in types_of(coder, "দুই সশস্ত্র গোষ্ঠীর মধ্যে লড়াই অব্যাহত রয়েছে।")


def test_protest_lodged_against_a_decision(coder: EventCoder) -> None:
    assert "ACCUSE" in types_of(coder, "দলের কয়েকজন নেতা এ সিদ্ধান্তের প্রতিবাদ করেছেন।")


def test_memorandum_as_the_means_of_a_protest(coder: EventCoder) -> None:
    # medium_heads: the memorandum is how the protest was lodged: one ACCUSE, no REQUEST.
    got = coded(coder, "শিক্ষকেরা উপাচার্যের কাছে স্মারকলিপি দিয়ে এ সিদ্ধান্তের প্রতিবাদ করেন।")
    assert [t for t, _, _ in got] == ["ACCUSE"]


# -- not events, and dates that are not the event's --------------------------------

def test_no_one_hurt_is_no_attack(coder: EventCoder) -> None:
    # A toll word denied in its clause: no one hurt is not an attack that did not happen.
    got = coded(coder, "দুই দলের কর্মীদের মধ্যে উত্তেজনা ছড়ালেও কেউ হতাহত হননি।")
    assert not any(t == "ASSAULT" for t, _, _ in got)


def test_casualty_figures_not_disclosed_is_no_attack(coder: EventCoder) -> None:
    assert "ASSAULT" not in types_of(coder, "সেনাবাহিনী তাদের হতাহতের সংখ্যা প্রকাশ করেনি।")


def test_date_of_what_an_accusation_is_about(coder: EventCoder) -> None:
    # "অক্টোবরের যুদ্ধবিরতি ভঙ্গের অভিযোগ": October dates the ceasefire, not the accusation.
    got = [(e.type, e.status, e.date) for e in coder.code(article_from_text(
        "অক্টোবরের যুদ্ধবিরতি ভঙ্গের অভিযোগ দুই পক্ষই তুলেছে।", "2025-12-30"))]
    assert [(t, s) for t, s, _ in got if t == "ACCUSE"] == [("ACCUSE", "occurred")]
    assert all(d != "2025-10" for t, _, d in got if t == "ACCUSE")


def test_praise_in_a_dated_call_keeps_the_call_date(coder: EventCoder) -> None:
    # The noun in the locative is the setting: the praise was in Tuesday's call.
    got = [(e.type, e.date) for e in coder.code(article_from_text(
        "মঙ্গলবারের ফোনালাপে প্রেসিডেন্ট সৈন্যদের সাহসের প্রশংসা করেন।", "2025-08-14"))]
    assert ("SUPPORT", "2025-08-12") in got


# -- the data is checked on load ---------------------------------------------------

@pytest.mark.parametrize("entry, message", [
    ("{text: হুমকি, kind: noun, type: THREATEN, mode: null, symmetric: false, said_is_done: yes-please}", "said_is_done"),
])
def test_new_entry_keys_are_validated(tmp_path, entry: str, message: str) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text(HEADER + "  - " + entry + "\n", encoding="utf-8")
    with pytest.raises(LanguageDataError) as info:
        load_lexicon(str(path), load_ontology())
    msg = str(info.value)
    assert message in msg and f"line {len(HEADER.splitlines()) + 1}" in msg, msg
