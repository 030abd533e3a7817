"""Participants of events (issue 5, round 5): a list's shared case, acts declared, pair nouns, the
sidelines of a summit, aid of one state to another, denials, oblique pronouns, a country's place.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder

from events_args_helpers import events as _events, names as _names


def test_a_list_shares_the_case_of_its_last_name(rules: EventCoder, ranked: EventCoder) -> None:
    # "Pakistan on Thursday urged India and Afghanistan to show restraint": Bengali marks the
    # accusative once, on the last name of the list; the bare ভারত is appealed to as well, and
    # the list stands against the ranker (which keeps one name of it).
    text = "পাকিস্তান বৃহস্পতিবার ভারত ও আফগানিস্তানকে সীমান্তে সংযম দেখানোর আহ্বান জানিয়েছে।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "REQUEST")
        assert ev and _names(ev[0].actors) == ["Pakistan"]
        assert _names(ev[0].recipients) == ["Afghanistan", "India"]


def test_a_bare_name_not_joined_to_the_marked_one_keeps_its_own_case(rules: EventCoder) -> None:
    # The boundary: "India, on Thursday, urged Afghanistan": no ও joins ভারত to the marked name.
    ev = _events(rules, "ভারত বৃহস্পতিবার আফগানিস্তানকে সংযম দেখানোর আহ্বান জানিয়েছে।", "REQUEST")
    assert ev and _names(ev[0].actors) == ["India"] and _names(ev[0].recipients) == ["Afghanistan"]


def test_whoever_declares_an_act_does_it(rules: EventCoder) -> None:
    # "Biden on Wednesday announced new sanctions on Russia": the attribution layer cites Biden
    # (ঘোষণা দেন is a verb of saying), but the sanction he declares is his.
    ev = _events(rules, "মার্কিন প্রেসিডেন্ট জো বাইডেন বুধবার রাশিয়ার ওপর নতুন নিষেধাজ্ঞা আরোপের ঘোষণা দেন।",
                 "SANCTION")
    assert ev and _names(ev[0].actors) == ["Joe Biden"] and _names(ev[0].recipients) == ["Russia"]


def test_a_pair_noun_subject_beats_a_demonym_of_another_noun(rules: EventCoder) -> None:
    # "At the meeting the two countries agreed to pay for oil in rupees instead of US dollars":
    # মার্কিন only qualifies the dollar; দুই দেশ after the verb is the subject.
    text = ("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন সোমবার ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদির সঙ্গে বৈঠক করেন। "
            "বৈঠকে মার্কিন ডলারের বদলে রুপিতে তেলের দাম পরিশোধে রাজি হয় দুই দেশ।")
    ev = _events(rules, text, "AGREE")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["India", "Russia"]


def test_a_possessive_pair_noun_does_not_turn_the_leaders_into_countries(rules: EventCoder) -> None:
    # "In that meeting the two leaders agreed to raise the two countries' trade": দুই নেতা is the
    # subject (the two people); দুই দেশের is only whose trade it is.
    text = ("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন সোমবার ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদির সঙ্গে বৈঠক করেন। "
            "ওই বৈঠকে দুই নেতা দুই দেশের বাণিজ্য বাড়াতে একমত হন।")
    ev = _events(rules, text, "AGREE")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Narendra Modi", "Vladimir Putin"]


def test_the_body_of_a_summit_on_whose_sidelines_two_met_is_not_a_side(rules: EventCoder) -> None:
    # "On the sidelines of the ASEAN summit, Blinken met Lavrov on Friday": ASEAN names the summit.
    text = ("আসিয়ান শীর্ষ সম্মেলনের ফাঁকে শুক্রবার রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেন "
            "মার্কিন পররাষ্ট্রমন্ত্রী অ্যান্টনি ব্লিঙ্কেন।")
    ev = [e for e in _events(rules, text, "CONSULT") if any(v.trigger == "বৈঠক" for v in e.evidence)]
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Antony Blinken", "Sergey Lavrov"]


def test_aid_from_one_state_to_another_is_the_states(rules: EventCoder, ranked: EventCoder) -> None:
    # "Japan's prime minister Kishida announced $400m of military aid for the Philippines": aid
    # given to another country is coded to the giving state, as CAMEO and PLOVER code it.
    text = "জাপানের প্রধানমন্ত্রী ফুমিও কিশিদা শনিবার ফিলিপাইনকে ৪০ কোটি ডলারের সামরিক সহায়তা দেওয়ার ঘোষণা দিয়েছেন।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "AID")
        assert ev and _names(ev[0].actors) == ["Japan"] and _names(ev[0].recipients) == ["Philippines"]


def test_relief_handed_out_at_home_stays_the_persons(rules: EventCoder) -> None:
    # The boundary: "Sheikh Hasina handed out relief among flood victims": no other state receives it.
    ev = _events(rules, "প্রধানমন্ত্রী শেখ হাসিনা বুধবার সিলেটে বন্যাদুর্গতদের মধ্যে ত্রাণ বিতরণ করেন।", "AID")
    assert ev and _names(ev[0].actors) == ["Sheikh Hasina"]


def test_a_denial_of_that_accusation_answers_the_accuser(rules: EventCoder, ranked: EventCoder) -> None:
    # "India's foreign secretary accused Pakistan of firing at the border. Pakistan's foreign
    # ministry denied this accusation": the accuser is the denial's recipient (a ministry's
    # denial answers the accuser's state).
    text = ("ভারতের পররাষ্ট্রসচিব বিক্রম মিশ্রি শনিবার অভিযোগ করেন, পাকিস্তান সীমান্তে গুলি চালিয়েছে। "
            "পাকিস্তানের পররাষ্ট্র মন্ত্রণালয় এ অভিযোগ অস্বীকার করেছে।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "REJECT")
        assert ev and _names(ev[0].recipients) == ["India"]


def test_a_condemnation_of_this_incident_is_aimed_at_its_doer(rules: EventCoder, ranked: EventCoder) -> None:
    # "North Korea test-fired a missile into the Sea of Japan on Sunday. Kishida strongly condemned
    # this incident": এ ঘটনা points back at the test, so its doer is the one condemned.
    text = ("উত্তর কোরিয়া রোববার জাপান সাগরে একটি ক্ষেপণাস্ত্র পরীক্ষা চালিয়েছে। "
            "জাপানের প্রধানমন্ত্রী ফুমিও কিশিদা এ ঘটনার তীব্র নিন্দা জানিয়েছেন।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Fumio Kishida"] and _names(ev[0].recipients) == ["North Korea"]


def test_an_oblique_pronoun_is_the_other_party_not_the_doer(rules: EventCoder, ranked: EventCoder) -> None:
    # "Obaidul Quader held a press conference on Sunday. Later Rizvi levelled an accusation of
    # lying against him": তাঁর বিরুদ্ধে is Quader, the one accused.
    text = ("আওয়ামী লীগের সাধারণ সম্পাদক ওবায়দুল কাদের রোববার সংবাদ সম্মেলন করেন। "
            "পরে বিএনপির রুহুল কবির রিজভী তাঁর বিরুদ্ধে মিথ্যাচারের অভিযোগ তোলেন।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Ruhul Kabir Rizvi"]
        assert _names(ev[0].recipients) == ["Obaidul Quader"]


def test_an_accusative_pronoun_is_not_the_doer_of_a_passive(rules: EventCoder) -> None:
    # "Police searched Rizvi's house on Monday. Later he was arrested": তাঁকে is the one arrested.
    text = "পুলিশ সোমবার বিএনপি নেতা রুহুল কবির রিজভীর বাসায় তল্লাশি চালায়। পরে তাঁকে গ্রেপ্তার করা হয়।"
    ev = [e for e in _events(rules, text, "COERCE") if any(v.trigger.startswith("গ্রেপ্তার") for v in e.evidence)]
    assert ev and "Ruhul Kabir Rizvi" not in _names(ev[0].actors)
    assert "Ruhul Kabir Rizvi" in _names(ev[0].recipients)


def test_a_countrys_genitive_before_a_place_says_where(rules: EventCoder) -> None:
    # "Turkey carried out air strikes in Syria's border area": Syria is where (and so the target),
    # Turkey, named after the verb, is the doer.
    ev = _events(rules, "রোববার সিরিয়ার সীমান্ত এলাকায় বিমান হামলা চালিয়েছে তুরস্ক।", "ASSAULT")
    assert ev and _names(ev[0].actors) == ["Turkey"] and _names(ev[0].recipients) == ["Syria"]


def test_answers_cues_are_checked_on_load() -> None:
    # A misspelt event type in arguments.yaml ``answers`` is an error naming the file and the entry.
    from ghotona.errors import LanguageDataError
    from ghotona.events.arguments import _answers

    assert _answers({"REJECT": {"অভিযোগ": "ACCUSE"}}) == {"REJECT": {"অভিযোগ": ("ACCUSE",)}}
    with pytest.raises(LanguageDataError, match=r"arguments\.yaml.*answers\.REJECT.*ACUSE"):
        _answers({"REJECT": {"অভিযোগ": "ACUSE"}})
    with pytest.raises(LanguageDataError, match="answers"):
        _answers(["REJECT"])
