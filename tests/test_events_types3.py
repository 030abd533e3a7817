"""Event types, third pass: split noun ... verb triggers, topic words, orders
and requests, threats, retellings that must stay apart (issue 5).  Every
sentence here is written for these tests; none is copied from an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.coder import EventCoder
from ghotona.events.lexicon import TRIGGERS_FILE, load_lexicon
from ghotona.langdata import data_path
from ghotona.pipeline import article_from_text


def coded(coder: EventCoder, text: str) -> list:
    return coder.code(article_from_text(text, "2024-03-05"))


def types(coder: EventCoder, text: str) -> list[str]:
    return [e.type for e in coded(coder, text)]


# -- split entries: a noun, then the verb that acts on it ---------------------


@pytest.mark.parametrize("sentence", [
    "ইউরোপীয় ইউনিয়ন ইরানের ওপর থেকে নিষেধাজ্ঞা আংশিক প্রত্যাহার করেছে।",
    "সরকার আমদানি পণ্যের শুল্ক ২০ শতাংশ থেকে কমিয়ে ১০ শতাংশ করেছে।",
    "আন্দোলনকারীদের দাবি শেষ পর্যন্ত সরকার মেনে নিয়েছে।",
    "প্রশাসন শহরে জারি করা কারফিউ আজ থেকে শিথিল করেছে।",
])
def test_a_lifting_split_over_the_clause_is_a_concession(coder: EventCoder, sentence: str) -> None:
    assert "CONCEDE" in types(coder, sentence)


def test_split_entry_spans_noun_to_verb(lex) -> None:
    (m,) = [m for m in lex.match("ওয়াশিংটন নিষেধাজ্ঞা এখনই প্রত্যাহার করবে না।") if m.type is not None]
    assert m.type == "CONCEDE" and m.text == "নিষেধাজ্ঞা এখনই প্রত্যাহার"


def test_split_gap_stops_at_a_verb_punctuation_or_another_trigger(lex) -> None:
    # The noun already has its own verb (আরোপ করেছে), so a later প্রত্যাহার is not its lifting.
    found = [m.type for m in lex.match("জাপান নিষেধাজ্ঞা দিয়েছে আর পরে দূতাবাস প্রত্যাহার করেছে।")]
    assert "CONCEDE" not in found
    assert "CONCEDE" not in [m.type for m in lex.match("নিষেধাজ্ঞা বহাল থাকবে, তবে সেনা প্রত্যাহার হবে।")]
    # Another trigger in the gap keeps its own verb.
    assert [m.type for m in lex.match("নিষেধাজ্ঞা আর সেনা প্রত্যাহার")] == ["SANCTION", "RETREAT"]


def test_split_negated_lifting_keeps_its_status(coder: EventCoder) -> None:
    (ev,) = [e for e in coded(coder, "ওয়াশিংটন জানিয়েছে, তেহরানের ওপর নিষেধাজ্ঞা এখনই প্রত্যাহার করা হবে না।")
             if e.type == "CONCEDE"]
    assert ev.status == "negated"


def test_ceasefire_not_kept_is_negated_retreat_not_merged_into_the_deal(coder: EventCoder) -> None:
    text = ("দুই পক্ষ আজ থেকে অস্ত্রবিরতি কার্যকর করবে বলে জানিয়েছে। "
            "তবে আগের তিনটি অস্ত্রবিরতির কোনোটিই মানা হয়নি।")
    found = [(e.type, e.status) for e in coded(coder, text)]
    assert ("RETREAT", "negated") in found and ("RETREAT", "planned") in found


def _load(tmp_path: Path, entries: str):
    p = tmp_path / "t.yaml"
    p.write_text(
        "verb_endings: [ে]\nnoun_endings: [টি]\nlight_verb_window: 3\nsplit_window: 2\n"
        "light_verbs: {করা: [করে]}\ntriggers:\n" + entries, "utf-8")
    return load_lexicon(str(p))


def test_split_window_is_read_and_bounds_the_gap(tmp_path: Path) -> None:
    lx = _load(tmp_path, "  - {text: শুল্ক ... শিথিল, kind: noun, type: CONCEDE, mode: null, symmetric: false}\n")
    assert lx.split_window == 2
    assert [m.type for m in lx.match("শুল্ক আজ শিথিল")] == ["CONCEDE"]
    assert lx.match("শুল্ক আজ থেকে সবার জন্য শিথিল") == []


@pytest.mark.parametrize(("entry", "phrase"), [
    ("  - {text: ... শিথিল, kind: noun, type: CONCEDE, mode: null, symmetric: false}\n", "words on both sides"),
    ("  - {text: শুল্ক ... শিথিল ... করা, kind: noun, type: CONCEDE, mode: null, symmetric: false}\n", "one '...'"),
    ("  - {text: শুল্ক ... শিথিল, kind: noun, type: CONCEDE, mode: null, symmetric: false, light_verbs: [করা]}\n",
     "cannot also have light_verbs"),
    ("  - {text: দখল, kind: noun, type: COERCE, mode: null, symmetric: false, to_place: ATTACK}\n", "to_place"),
    ("  - {text: নির্দেশ, kind: noun, type: REQUEST, mode: null, symmetric: false, carried_out: yes please}\n",
     "carried_out"),
])
def test_bad_new_keys_name_the_line(tmp_path: Path, entry: str, phrase: str) -> None:
    with pytest.raises(LanguageDataError) as e:
        _load(tmp_path, entry)
    assert "line 7" in str(e.value) and phrase in str(e.value)


def test_shipped_header_documents_the_new_keys() -> None:
    head = Path(data_path(TRIGGERS_FILE)).read_text("utf-8").split("triggers:\n")[0]
    for key in ("split_window", "topic_words", "to_place", "carried_out", '" ... "'):
        assert key in head


# -- topic words: what another event is about ---------------------------------


def test_trigger_before_a_topic_word_is_not_an_event(coder: EventCoder) -> None:
    found = types(coder, "শরণার্থী প্রত্যাবাসন নিয়ে দুই দেশ এখনো কোনো বৈঠক করেনি।")
    assert found == ["CONSULT"]
    assert "AGREE" not in types(coder, "চুক্তি অনুযায়ী দুই পক্ষ বন্দিদের তালিকা দেবে।")


# -- orders, calls and threats -------------------------------------------------


def test_an_order_of_a_told_act_is_that_act(coder: EventCoder) -> None:
    assert types(coder, "প্রেসিডেন্ট সীমান্তে সেনা মোতায়েনের নির্দেশ দিয়েছেন।") == ["MOBILIZE"]


def test_what_a_call_asks_for_has_not_happened(coder: EventCoder) -> None:
    assert types(coder, "মন্ত্রী মিত্রদের কাছে কঠোর নিষেধাজ্ঞার আহ্বান জানিয়েছেন।") == ["REQUEST"]


def test_a_demand_as_the_purpose_of_a_protest_is_not_a_request(coder: EventCoder) -> None:
    assert types(coder, "বেতন বাড়ানোর দাবিতে শ্রমিকেরা সড়কে বিক্ষোভ করেছেন।") == ["PROTEST"]


def test_what_a_threat_says_will_happen_is_its_content(coder: EventCoder) -> None:
    text = "পররাষ্ট্রমন্ত্রী হুঁশিয়ার করে দিয়েছেন, চুক্তি ভাঙলে দায়ীদের ওপর নিষেধাজ্ঞা আরোপ করা হবে।"
    assert "SANCTION" not in types(coder, text)
    assert "THREATEN" in types(coder, text)


# -- types decided by the object or the form -----------------------------------


def test_a_named_territory_taken_is_an_assault_property_a_seizure(coder: EventCoder) -> None:
    assert "ASSAULT" in types(coder, "রুশ বাহিনী ইউক্রেনের খেরসন দখল করে নিয়েছে।")
    assert "COERCE" in types(coder, "প্রভাবশালীরা নদীর পাড়ের জমি দখল করে নিয়েছে।")


def test_a_sentence_served_is_imprisonment(coder: EventCoder) -> None:
    assert ("COERCE", "arrest") in [(e.type, e.mode) for e in coded(
        coder, "দুর্নীতির মামলায় আদালত সাবেক মন্ত্রীকে পাঁচ বছরের কারাদণ্ড দিয়েছে।")]


def test_on_a_charge_of_is_not_an_accusation(coder: EventCoder) -> None:
    assert "ACCUSE" not in types(coder, "চাঁদাবাজির অভিযোগে পুলিশ দুজনকে গ্রেপ্তার করেছে।")


def test_calling_up_soldiers_is_mobilisation_not_a_summons(coder: EventCoder) -> None:
    assert types(coder, "যুদ্ধের প্রস্তুতি হিসেবে ৫০ হাজার রিজার্ভ সেনাকে তলব করা হয়েছে।") == ["MOBILIZE"]


def test_acting_together_is_cooperation(coder: EventCoder) -> None:
    assert "COOPERATE" in types(coder, "দুই দেশের নৌবাহিনী মিলে জলদস্যুদের নৌকাগুলো ঠেকিয়েছে।")
    assert "COOPERATE" in types(coder, "ভারত ও জাপান সন্ত্রাস দমনে একসঙ্গে কাজ করবে।")


def test_a_war_that_may_break_out(coder: EventCoder) -> None:
    assert [(e.type, e.status) for e in coded(coder, "এভাবে চললে দুই দেশের মধ্যে যুদ্ধ বেধে যেতে পারে।")] == [
        ("ASSAULT", "hypothetical")]


# -- one happening, one event; two happenings, two ------------------------------


def test_an_arrest_and_an_emergency_stay_two_events(coder: EventCoder) -> None:
    text = "ভোরে সেনাবাহিনী প্রধানমন্ত্রীকে আটক করে। এরপর সারা দেশে জরুরি অবস্থা জারি করা হয়।"
    assert sorted((e.type, e.mode) for e in coded(coder, text)) == [("COERCE", "arrest"), ("COERCE", "martial-law")]


def test_a_war_that_may_come_is_not_a_retelling_of_a_clash(coder: EventCoder) -> None:
    text = ("সীমান্তে গতকাল দুই দেশের সেনাদের মধ্যে সংঘর্ষ হয়েছে। "
            "বিশ্লেষকেরা বলছেন, উত্তেজনা না কমলে যুদ্ধ বেধে যেতে পারে।")
    assert sorted(e.status for e in coded(coder, text) if e.type == "ASSAULT") == ["hypothetical", "occurred"]


def test_a_blast_and_the_ruin_it_caused_are_one_attack(coder: EventCoder) -> None:
    # ASSAULT modes name the means, so different modes do not keep tellings apart.
    text = "বিদ্রোহীরা সেতুটি বিস্ফোরণ ঘটিয়ে উড়িয়ে দিয়েছে। ওই বিস্ফোরণে সেতুটি পুরোপুরি ধ্বংস হয়েছে।"
    assert types(coder, text) == ["ASSAULT"]
