"""What is no political event on real news (issue 5, session 31).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.events.lexicon import load_lexicon
from events_args_helpers import events, names


# -- a crime between private people is no event (triggers.yaml `crime`)

def test_a_crime_between_private_people_is_no_event(coder: EventCoder) -> None:
    text = "গত রাতে পাশের বাড়ির দুই যুবক রহিমা খাতুনকে মারধর করেন বলে অভিযোগ উঠেছে।"
    assert events(coder, text, "ASSAULT") == []


def test_a_rape_told_of_private_people_is_no_event(coder: EventCoder) -> None:
    text = "মঙ্গলবার সন্ধ্যায় গ্রামের এক যুবক কিশোরীটিকে ধর্ষণ করেন।"
    assert events(coder, text, "ASSAULT") == []


def test_a_crime_by_a_known_force_is_an_event(coder: EventCoder) -> None:
    # guard: a force beating protesters is a political act
    text = "শনিবার ঢাকায় বিক্ষোভকারীদের মারধর করেছে র‍্যাব।"
    (beating,) = events(coder, text, "ASSAULT")
    assert beating.mode == "beat"
    assert names(beating.actors) == ["Rapid Action Battalion"]


def test_a_crime_against_a_known_party_is_an_event(coder: EventCoder) -> None:
    # guard: an attack on a party's leader stays an event
    text = "চট্টগ্রামে বিএনপির এক নেতাকে ছুরিকাঘাত করেছে দুর্বৃত্তরা।"
    (stabbing,) = events(coder, text, "ASSAULT")
    assert "Bangladesh Nationalist Party" in names(stabbing.actors + stabbing.recipients)


def test_the_crime_key_is_only_on_its_entries() -> None:
    flagged = {e.text for e in load_lexicon().entries if e.crime}
    assert {"মারধর", "ধর্ষণ"} <= flagged
    assert "হামলা" not in flagged and "হত্যা" not in flagged


# -- let go from a place of care is a discharge, not a release (grammar.yaml not_events `discharge_places`)

def test_a_discharge_from_hospital_is_no_release(coder: EventCoder) -> None:
    text = "চিকিৎসা শেষে হাসপাতাল থেকে আহত তিন শ্রমিককে ছেড়ে দেওয়া হয়েছে।"
    assert events(coder, text, "RETREAT") == []


def test_bail_given_in_hospital_is_still_a_release(coder: EventCoder) -> None:
    # guard: the hospital is where he lies, not what he is let out of
    text = "হাসপাতালে চিকিৎসাধীন বিএনপি নেতা মির্জা ফখরুল ইসলাম আলমগীরকে বুধবার জামিন দিয়েছেন আদালত।"
    (release,) = events(coder, text, "RETREAT")
    assert release.mode == "release"


def test_a_release_from_jail_is_a_release(coder: EventCoder) -> None:
    # guard
    text = "তিন মাস পর কারাগার থেকে ছাত্রদলের দুই নেতাকে ছেড়ে দেওয়া হয়েছে।"
    assert len(events(coder, text, "RETREAT")) == 1


# -- a clash of vehicles is a collision (grammar.yaml not_events `collision_heads`, `vehicles`)

def test_a_collision_of_vehicles_is_no_clash(coder: EventCoder) -> None:
    text = "সোমবার ভোরে মহাসড়কে একটি ট্রাকের সঙ্গে যাত্রীবাহী বাসের মুখোমুখি সংঘর্ষে তিনজন নিহত হয়েছেন।"
    assert events(coder, text, "ASSAULT") == []


def test_a_clash_of_party_workers_is_still_a_clash(coder: EventCoder) -> None:
    # guard: no vehicle is named, so people clashed
    text = "সোমবার বিকেলে ক্যাম্পাসে ছাত্রলীগ ও ছাত্রদলের কর্মীদের মধ্যে সংঘর্ষে তিনজন আহত হয়েছেন।"
    assert events(coder, text, "ASSAULT")


# -- a toll word with a plural ending names the people (grammar.yaml not_events `toll_plurals`)

def test_the_dead_named_by_a_plural_are_no_attack(coder: EventCoder) -> None:
    text = "মন্ত্রী বৃহস্পতিবার ভবনধসে নিহতদের পরিবারের সদস্যদের সঙ্গে দেখা করেন।"
    assert events(coder, text, "ASSAULT") == []


# -- the demonstrative এসব is no future verb (grammar.yaml verbs `not_verbs`)

def test_a_rally_where_something_was_said_is_not_planned(coder: EventCoder) -> None:
    text = "বৃহস্পতিবার সন্ধ্যায় খুলনায় এক সমাবেশে বিএনপির মহাসচিব এসব কথা বলেন।"
    assert [e.status for e in events(coder, text, "PROTEST")] == ["occurred"]


# -- an outlet told something is the report's channel (grammar.yaml `press_told_within`)

def test_an_outlet_told_is_no_party(coder: EventCoder) -> None:
    text = "থানার ওসি প্রথম আলোকে বলেন, শিবিরের কর্মীরা মিছিল থেকে ককটেল বিস্ফোরণ ঘটিয়েছে।"
    for typ in ("PROTEST", "ASSAULT"):
        for e in events(coder, text, typ):
            assert not any("প্রথম আলো" in (p.text or "") for p in e.actors + e.recipients)


def test_an_outlet_threatened_is_a_party(coder: EventCoder) -> None:
    # guard: no verb of saying follows, so the outlet is what the threat is aimed at
    text = "সন্ত্রাসীরা প্রথম আলোকে হুমকি দিয়েছে।"
    (threat,) = events(coder, text, "THREATEN")
    assert any("প্রথম আলো" in (p.text or "") for p in threat.recipients)


# -- a fight in the courts is no fighting (triggers.yaml blocker)

def test_a_legal_fight_is_no_fighting(coder: EventCoder) -> None:
    text = "জমির মালিকানা নিয়ে দুই পরিবারের মধ্যে তিন বছর ধরে আইনি লড়াই চলছে।"
    assert events(coder, text, "ASSAULT") == []
