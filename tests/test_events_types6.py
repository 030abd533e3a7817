"""Event types, sixth pass: spurious events that are the content, frame or
topic of another act, refusals, and phrases with an emphatic particle
(issue 5).  Every sentence here is written for these tests; none is copied
from an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.events import grammar as grammar_mod
from ghotona.events.coder import EventCoder
from ghotona.events.lexicon import load_lexicon
from ghotona.events.ontology import load_ontology
from ghotona.langdata import LanguageDataError
from ghotona.pipeline import article_from_text
from lexicon_helpers import HEADER


def coded(coder: EventCoder, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in coder.code(article_from_text(text, "2024-03-05"))]


def types(coder: EventCoder, text: str) -> list[str]:
    return [t for t, _ in coded(coder, text)]


# -- the frame of another act: under a deal, an act to be halted ---------------


def test_a_release_under_a_deal_is_no_new_agreement(coder: EventCoder) -> None:
    got = types(coder, "আরেকটি সমঝোতার আওতায় বিদ্রোহীরা আজ চারজন বিদেশি শ্রমিককে ছেড়ে দিয়েছে।")
    assert "AGREE" not in got and "RETREAT" in got


def test_a_war_to_be_halted_is_not_an_attack(coder: EventCoder) -> None:
    got = types(coder, "মহাসচিব সীমান্তে হামলা বন্ধের আহ্বান জানিয়েছেন।")
    assert got == ["REQUEST"]


# -- a danger, a state of criticism, a bill signed -----------------------------


def test_a_danger_to_something_is_no_threat(coder: EventCoder) -> None:
    assert "THREATEN" not in types(coder, "মন্ত্রণালয় বলছে, অ্যাপগুলো জাতীয় নিরাপত্তার জন্য হুমকি।")
    # a threat made still counts
    assert "THREATEN" in types(coder, "বিদ্রোহীরা মহাসড়ক অবরোধের হুমকি দিয়েছে।")


def test_being_under_criticism_is_no_accusation(coder: EventCoder) -> None:
    got = types(coder, "বক্তব্যের কারণে সমালোচনার মুখে পড়া মেয়র আজ দুঃখ প্রকাশ করেছেন।")
    assert "ACCUSE" not in got


def test_signing_the_bill_is_no_support(coder: EventCoder) -> None:
    assert "SUPPORT" not in types(coder, "প্রেসিডেন্ট গতকাল বিলটিতে সই করেছেন।")


# -- what a threat threatens has not happened ----------------------------------


def test_the_content_of_a_threat_after_a_comma_is_not_coded(coder: EventCoder) -> None:
    got = types(coder, "বিদ্রোহী গোষ্ঠীটি হুমকি দিয়েছে, প্রতিটি বিমান হামলার জবাবে তারা একজন করে বন্দীকে হত্যা করবে।")
    assert got == ["THREATEN"]
    got = types(coder, "মন্ত্রী হুঁশিয়ারি দিয়েছেন, সহিংসতায় জড়িত কাউকে ছাড় দেওয়া হবে না।")
    assert got == ["THREATEN"]


def test_a_condition_the_threat_sets_is_kept(coder: EventCoder) -> None:
    got = types(coder, "মুখপাত্র হুঁশিয়ারি দিয়েছেন, প্রতিবেশী দেশকে অস্ত্র সরবরাহ করা হলে কঠোর নিষেধাজ্ঞা আসবে।")
    assert "THREATEN" in got and "AID" in got


def test_a_forecast_warning_after_a_comma_is_no_threat(coder: EventCoder) -> None:
    # the warning's content ends in a modal of possibility with its subject after it
    got = coded(coder, "বিশ্লেষকেরা সতর্ক করেছেন, আলোচনা ব্যর্থ হলে আরও পণ্যে শুল্ক বসাতে পারে ইউরোপীয় ইউনিয়ন।")
    assert "THREATEN" not in [t for t, _ in got]
    assert ("THREATEN", "occurred") in coded(coder, "পুলিশ বিক্ষোভকারীদের কঠোরভাবে সতর্ক করেছে।")


# -- what was agreed to, demanded or asked leave for has not happened -----------


def test_an_act_agreed_to_in_the_infinitive_is_not_coded(coder: EventCoder) -> None:
    got = types(coder, "দুই দেশের সেনাবাহিনী সীমান্ত এলাকা থেকে সেনা সরিয়ে নিতে একমত হয়েছে।")
    assert got == ["AGREE"]


def test_talks_agreed_to_are_still_a_planned_meeting(coder: EventCoder) -> None:
    got = coded(coder, "দুই দেশ আগামী মাসে আবার আলোচনা শুরু করতে একমত হয়েছে।")
    assert "AGREE" in [t for t, _ in got] and "CONSULT" in [t for t, _ in got]


def test_acts_listed_in_a_demand_are_its_content(coder: EventCoder) -> None:
    got = types(coder, "বিরোধী জোট সরকারের পদত্যাগ ও নতুন নির্বাচনের দাবি জানিয়েছে।")
    assert got == ["REQUEST"]
    got = types(coder, "ছাত্রনেতারা সংগঠনটি নিষিদ্ধ করা ও উপাচার্যের অপসারণসহ চার দফা দাবি জানান।")
    assert got == ["REQUEST"]


def test_an_act_told_with_its_own_verb_before_a_threat_happened(coder: EventCoder) -> None:
    got = types(coder, "বাহিনীটি শহরে হামলা চালায় এবং নিষেধাজ্ঞার হুমকি দেয়।")
    assert "ASSAULT" in got and "THREATEN" in got


def test_asking_leave_to_meet_is_a_request_not_a_meeting(coder: EventCoder) -> None:
    got = types(coder, "জাতিসংঘের দূত বন্দী নেত্রীর সঙ্গে দেখা করার অনুমতি চেয়েছিলেন।")
    assert got == ["REQUEST"]


def test_a_clause_taken_up_as_a_topic_is_not_an_event(coder: EventCoder) -> None:
    got = types(coder, "প্রতিবেশী দেশকে কীভাবে খাদ্য সহায়তা দেওয়া যায়– এ নিয়ে বৈঠকে আলোচনা হবে।")
    assert "AID" not in got


def test_a_demand_turned_down_is_only_named(coder: EventCoder) -> None:
    got = types(coder, "তবে বিক্ষোভকারীদের পদত্যাগের দাবি মন্ত্রী নাকচ করে দিয়েছেন।")
    assert got == ["REJECT"]
    # a demand made with its own verb, then refused, is still told
    got = types(coder, "শ্রমিকেরা মজুরি বাড়ানোর দাবি জানান, কিন্তু মালিকপক্ষ তা নাকচ করে দেয়।")
    assert "REQUEST" in got and "REJECT" in got


# -- refusals -------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "শিবিরের একজন শরণার্থীও দেশে ফিরে যেতে রাজি হননি।",
    "বিরোধী দল জানিয়েছে, তারা এই নির্বাচনী ফল মেনে নেবে না।",
    "মন্ত্রণালয় বলেছে, অভ্যন্তরীণ বিষয়ে কোনো বিদেশি হস্তক্ষেপ মেনে নেওয়া হবে না।",
])
def test_not_agreeing_or_accepting_is_a_refusal_that_happened(coder: EventCoder, sentence: str) -> None:
    assert ("REJECT", "occurred") in coded(coder, sentence)
    assert "AGREE" not in types(coder, sentence) and "CONCEDE" not in types(coder, sentence)


def test_not_being_able_to_accept_a_loss_is_no_refusal(coder: EventCoder) -> None:
    got = types(coder, "নেতার এই মৃত্যু কোনোভাবেই মেনে নিতে পারছেন না দলের কর্মীরা।")
    assert "REJECT" not in got


def test_agreeing_and_accepting_stay_as_they_were(coder: EventCoder) -> None:
    assert types(coder, "দুই পক্ষ বন্দী বিনিময়ে রাজি হয়েছে।") == ["AGREE"]
    assert "CONCEDE" in types(coder, "সরকার শিক্ষার্থীদের সব দাবি মেনে নিয়েছে।")


# -- new vocabulary ---------------------------------------------------------------


def test_restrictions_imposed_are_a_sanction(coder: EventCoder) -> None:
    assert "SANCTION" in types(coder, "সরকার বিদেশি বিনিয়োগের ওপর নতুন কড়াকড়ি আরোপ করেছে।")


def test_persuading_another_is_a_request_not_an_agreement(coder: EventCoder) -> None:
    got = types(coder, "মন্ত্রী সফরে গিয়ে প্রতিবেশী দেশকে অস্ত্র বিক্রি করতে রাজি করার চেষ্টা করেন।")
    assert "REQUEST" in got and "AGREE" not in got


def test_a_water_treaty_suspended_is_a_sanction(coder: EventCoder) -> None:
    assert "SANCTION" in types(coder, "হামলার পর দেশটি প্রতিবেশীর সঙ্গে পানিচুক্তি স্থগিত করেছে।")


def test_people_kept_in_safe_shelter_are_aided(coder: EventCoder) -> None:
    assert "AID" in types(coder, "সীমান্তরক্ষীরা পালিয়ে আসা সেনাদের নিরাপদ আশ্রয়ে রেখেছে।")


def test_attending_a_session_is_a_multilateral_meeting(coder: EventCoder) -> None:
    evs = EventCoder().code(article_from_text("প্রধানমন্ত্রী আগামী সপ্তাহে জাতিসংঘের অধিবেশনে যোগ দেবেন।", "2024-03-05"))
    assert [(e.type, e.mode) for e in evs] == [("CONSULT", "multilateral")]


def test_a_repatriation_needs_its_verb(coder: EventCoder) -> None:
    assert "RETREAT" not in types(coder, "দুই দেশ গত বছর প্রত্যাবাসন চুক্তি সই করে।")
    assert "RETREAT" in types(coder, "আগামী মাসে শরণার্থীদের প্রত্যাবাসন শুরু হবে বলে মন্ত্রী জানান।") or \
        "RETREAT" in types(coder, "শরণার্থীদের প্রত্যাবাসন হয়েছে।")


# -- emphatic particles inside a phrase -------------------------------------------


def test_an_emphatic_particle_inside_a_phrase_still_matches() -> None:
    lex = load_lexicon()
    got = [(m.text, m.entry.type) for m in lex.match("সেনারা কোনো চৌকিও দখল করেনি")]
    assert ("চৌকিও দখল", "ASSAULT") in got
    got = [(m.text, m.entry.type) for m in lex.match("দেশটি দূরপাল্লার ক্ষেপণাস্ত্রেরও পরীক্ষা চালায়")]
    assert ("ক্ষেপণাস্ত্রেরও পরীক্ষা", "MOBILIZE") in got


# -- data validation --------------------------------------------------------------


def test_refused_must_be_a_plover_type(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text(HEADER + "  - {text: রাজি, kind: noun, type: AGREE, mode: null, symmetric: true, refused: DENY}\n",
                    encoding="utf-8")
    with pytest.raises(LanguageDataError) as info:
        load_lexicon(str(path), load_ontology())
    assert "refused 'DENY'" in str(info.value) and "line 7" in str(info.value)


def test_emphatic_endings_load(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("emphatic_endings: [ও]\n" + HEADER
                    + "  - {text: চৌকি দখল, kind: noun, type: ASSAULT, mode: null, symmetric: false}\n", encoding="utf-8")
    lex = load_lexicon(str(path), load_ontology())
    assert [m.text for m in lex.match("চৌকিও দখল")] == ["চৌকিও দখল"]


def test_the_warning_cues_are_data_and_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    g = grammar_mod.load_grammar()
    assert "যে" in g.warning_complementizers and "।" in g.content_ends and g.warning_complement_within == 3
    data = grammar_mod.load_yaml(grammar_mod._FILE)
    data["not_events"]["content_verb_within"] = 0
    monkeypatch.setattr(grammar_mod, "load_yaml", lambda name: data)
    with pytest.raises(LanguageDataError) as info:
        grammar_mod.load_grammar.__wrapped__()
    assert "grammar.yaml" in str(info.value) and "content_verb_within" in str(info.value)
