"""Participants read off where an attack lands, and names found again (issue 5, session 22).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import parties


# -- an attack on a site is aimed at whoever holds it

def test_attack_on_a_bodys_depot_is_aimed_at_the_body(coder: EventCoder) -> None:
    # Before: the place-to-country rule made Lebanon the target.
    text = "এর জবাবে বুধবার ভোরে দক্ষিণ লেবাননে হিজবুল্লাহর একটি অস্ত্রাগারে বিমান হামলা চালায় ইসরায়েল।"
    assert parties(coder, text) == [("ASSAULT", ["Israel"], ["Hezbollah"])]


def test_attack_on_a_persons_residence_is_aimed_at_him(rules: EventCoder) -> None:
    text = "গভীর রাতে দুর্বৃত্তরা সাবেক প্রধানমন্ত্রী শেখ হাসিনার বাসভবনে হামলা চালায়।"
    assert ("ASSAULT", [], ["Sheikh Hasina"]) in parties(rules, text)


def test_a_countrys_site_is_still_read_as_where(coder: EventCoder) -> None:
    # guard: a country's genitive before a place noun says where; the place-to-country rule
    # makes the country the target, as before
    text = "ভোরে সিরিয়ার একটি বিমানঘাঁটিতে ক্ষেপণাস্ত্র হামলা চালিয়েছে ইসরায়েল।"
    assert parties(coder, text) == [("ASSAULT", ["Israel"], ["Syria"])]


# -- names found again: a Korean's family name, an Arabic -াহ, a party's variant

def test_korean_family_name_alone_is_the_person(coder: EventCoder) -> None:
    text = ("সিউলে দক্ষিণ কোরিয়ার সাবেক প্রেসিডেন্ট মুন জে-ইন সাংবাদিকদের সঙ্গে কথা বলেন। "
            "আগামী মাসে মুন বেইজিং সফরে যাবেন।")
    assert ("CONSULT", ["Moon Jae-in"], ["China"]) in parties(coder, text)


def test_party_called_from_a_variant_of_its_name(coder: EventCoder) -> None:
    # "জামায়াতে ইসলামের": ইসলাম, not ইসলামী, in the genitive; "X-এর পক্ষ থেকে" then names the doer.
    text = "জামায়াতে ইসলামের পক্ষ থেকে আগামী রবিবার সারা দেশে হরতাল ডাকা হয়েছে।"
    assert parties(coder, text) == [("PROTEST", ["Bangladesh Jamaat-e-Islami"], [])]


# -- "X ... করেছে বলে অভিযোগ করেছে Y": what is said comes first, the sayer after the verb

def test_accuser_after_the_verb_is_the_doer_and_the_accused_its_target(coder: EventCoder) -> None:
    # Before: the subject of what is said (BSF) was read as the accuser.
    text = "সীমান্তে বিএসএফ গুলি চালিয়েছে বলে অভিযোগ করেছে বিজিবি।"
    assert ("ACCUSE", ["Border Guard Bangladesh"], ["Border Security Force"]) in parties(coder, text)


def test_accuser_before_what_is_said_stays_the_doer(coder: EventCoder) -> None:
    # guard: with no name after the verb, the sentence's subject is the accuser, as before
    text = "বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর আজ দলের সমাবেশে পুলিশ হামলা চালিয়েছে বলে অভিযোগ করেছেন।"
    accusations = [p for p in parties(coder, text) if p[0] == "ACCUSE"]
    assert accusations and accusations[0][1] == ["Mirza Fakhrul Islam Alamgir"]
