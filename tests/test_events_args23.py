"""Governments as parties, and subjects joined after the verb (issue 5, session 23).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text
from events_args_helpers import parties


def coded(coder: EventCoder, text: str):
    return coder.code(article_from_text(text, "2024-03-10"))


# -- an unqualified সরকার: the article's own country's government, flagged inferred

def test_bare_government_is_the_datelines_country_and_inferred(coder: EventCoder) -> None:
    text = "ঢাকা, ৯ মার্চ — শিক্ষার্থীদের টানা আন্দোলনের মুখে সরকার আজ দেশের সব শিক্ষাপ্রতিষ্ঠান বন্ধ ঘোষণা করেছে।"
    (event,) = coded(coder, text)
    assert event.type == "COERCE"
    assert [(p.name_en, p.inferred) for p in event.actors] == [("Bangladesh", "home-government")]
    assert event.to_json()["actor"][0]["inferred"] == "home-government"


def test_bare_government_after_the_verb_reads_its_own_ending(coder: EventCoder) -> None:
    # "সরকার" ends in র like a genitive: the ending is read after the noun, so it is the bare doer.
    text = "খুলনা, ৯ মার্চ — বন্দর শ্রমিকদের দাবি মেনে নিয়েছে সরকার।"
    assert parties(coder, text) == [("CONCEDE", ["Bangladesh"], [])]


def test_without_a_dateline_the_country_the_names_point_to(coder: EventCoder) -> None:
    text = ("মিয়ানমারের জান্তাপ্রধান মিন অং হ্লাইং আজ নেপিডোতে ভাষণ দেন। "
            "পরে সরকার ইয়াঙ্গুনে দুই সাংবাদিককে গ্রেপ্তার করেছে।")
    arrests = [p for p in parties(coder, text) if p[0] == "COERCE"]
    assert arrests and arrests[0][1] == ["Myanmar"]


def test_caretaker_government_is_a_system_not_a_party(coder: EventCoder) -> None:
    # The demanded system is no actor: no inferred participant on any event.
    text = "ঢাকা, ৯ মার্চ — বিরোধী দলগুলো নির্বাচনের আগে তত্ত্বাবধায়ক সরকারের দাবিতে বিক্ষোভ করেছে।"
    assert all(not p.inferred for e in coded(coder, text) for p in e.actors + e.recipients)
    assert "Bangladesh" not in [n for _, a, r in parties(coder, text) for n in a + r]


def test_any_government_is_none_in_particular(coder: EventCoder) -> None:
    text = "ঢাকা, ৯ মার্চ — ছাত্রনেতারা বলেছেন, কোনো সরকার তাদের দাবি নাকচ করলে আন্দোলন চলবে।"
    assert all(not e.actors for e in coded(coder, text) if e.type == "REJECT")


def test_a_named_government_is_not_inferred(coder: EventCoder) -> None:
    # guard: "মিয়ানমার সরকার" is the actor layer's (Myanmar, named), as before
    text = "ইয়াঙ্গুন, ৯ মার্চ — মিয়ানমার সরকার আজ দুই সাংবাদিককে গ্রেপ্তার করেছে।"
    (event,) = coded(coder, text)
    assert [(p.name_en, p.inferred) for p in event.actors] == [("Myanmar", None)]


# -- a government named after its leader is the leader's country

def test_leaders_government_is_the_country(coder: EventCoder) -> None:
    # Before: Sheikh Hasina was the doer of her government's ban.
    text = "ঢাকা, ৯ মার্চ — শেখ হাসিনার সরকার ২০২৪ সালের আগস্টে জামায়াতে ইসলামীকে নিষিদ্ধ করেছিল।"
    assert parties(coder, text) == [("COERCE", ["Bangladesh"], ["Bangladesh Jamaat-e-Islami"])]
    assert not any(p.inferred for e in coded(coder, text) for p in e.actors)


def test_a_name_before_government_who_never_led_one_stays_himself(coder: EventCoder) -> None:
    # guard: "রিজভী সরকারের পদত্যাগের দাবি" is Rizvi demanding the government's resignation
    text = "ঢাকা, ৯ মার্চ — সংবাদ সম্মেলনে রুহুল কবির রিজভী সরকারের পদত্যাগের দাবি জানান।"
    assert parties(coder, text)[0][:2] == ("REQUEST", ["Ruhul Kabir Rizvi"])


# -- subjects after the verb, joined by ও

def test_second_subject_after_the_verb_is_an_actor_too(coder: EventCoder) -> None:
    # Before: only the first of the two envoys was the actor.
    text = ("এদিকে আজ সকালে গণভবনে প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে সাক্ষাৎ করেন ভারতের হাইকমিশনার "
            "প্রণয় ভার্মা ও চীনের রাষ্ট্রদূত ইয়াও ওয়েন।")
    (event,) = coded(coder, text)
    assert event.type == "CONSULT"
    assert sorted(p.name_en for p in event.actors) == ["Pranay Verma", "Yao Wen"]
    assert [p.name_en for p in event.recipients] == ["Sheikh Hasina"]
