"""Places named in buildings, a toll's time clause, the host of a meeting, exchanges of fire
(issue 5, session 40).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, parties
from test_events_location29 import where


# -- a bare place before a building's noun only names the building (arguments.yaml named_heads)

def test_a_house_named_after_a_city_stands_where_its_genitive_says(coder: EventCoder) -> None:
    text = "গতকাল নয়াদিল্লির হায়দরাবাদ হাউসে বৈঠক করেন শেখ হাসিনা ও নরেন্দ্র মোদি।"
    assert where(coder, text, "CONSULT") == ("New Delhi", None)


def test_a_hall_named_after_a_country_is_in_the_city_before_it(coder: EventCoder) -> None:
    text = "ঢাকার বাংলাদেশ ভবনে গতকাল দুই দেশের পররাষ্ট্রমন্ত্রীর মধ্যে বৈঠক হয়েছে।"
    assert where(coder, text, "CONSULT") == ("Dhaka", None)


def test_a_port_named_after_a_city_is_in_it(coder: EventCoder) -> None:
    # guard: a port, square or road named after a place stands in it
    assert where(coder, "চট্টগ্রাম বন্দরে বিক্ষোভ করেছেন শ্রমিকেরা।", "PROTEST") == ("Chattogram", None)


# -- a toll's time clause ("... নিহত হওয়ার পর") is a clause of its own

TOLL_THEN_STRIKE = ("কোয়েটায় এক বোমা হামলায় ১২ জন পুলিশ সদস্য নিহত হওয়ার পর "
                    "আফগানিস্তানের কান্দাহারে বিমান হামলা চালায় পাকিস্তান।")


def test_the_attack_of_a_toll_clause_is_not_the_main_clauses(coder: EventCoder) -> None:
    found = events(coder, TOLL_THEN_STRIKE, "ASSAULT")
    assert len(found) == 2
    bombing, strike = sorted(found, key=lambda e: e.evidence[0].trigger_start)
    assert bombing.location is not None and bombing.location.name_en == "Quetta"
    # the main clause's doer answered the bombing; he did not do it
    assert "Pakistan" not in [p.name_en for p in bombing.actors]
    assert "Afghanistan" not in [p.name_en for p in bombing.actors + bombing.recipients]
    assert strike.location is not None and strike.location.name_en == "Kandahar"
    assert ([p.name_en for p in strike.actors], [p.name_en for p in strike.recipients]) == (["Pakistan"], ["Afghanistan"])


def test_a_toll_told_in_a_main_clause_stays_one_event(coder: EventCoder) -> None:
    # guard: no subordinator, no clause of its own
    (one,) = events(coder, "কোয়েটায় এক বোমা হামলায় ১২ জন পুলিশ সদস্য নিহত হয়েছেন।", "ASSAULT")
    assert [x.trigger for x in one.evidence] == ["বোমা হামলায়", "নিহত"]


# -- whoever opens a meeting told by a demonstrative is its host (arguments.yaml host_nouns)

def test_the_opener_of_this_meeting_is_no_side_of_it(coder: EventCoder) -> None:
    text = ("আঙ্কারায় গতকাল রাশিয়া ও ইউক্রেনের প্রতিনিধিদলের মধ্যে আলোচনা হয়েছে। "
            "তুরস্কের পররাষ্ট্রমন্ত্রী এ বৈঠকের উদ্বোধন করেন।")
    assert parties(coder, text, "2024-05-02") == [("CONSULT", ["Russia"], ["Ukraine"])]


# -- an exchange of fire is an attack by both sides (triggers.yaml)

def test_an_exchange_of_shelling_at_the_line_of_control(coder: EventCoder) -> None:
    text = "গতকাল রাতে নিয়ন্ত্রণরেখায় দুই দেশের সেনাদের মধ্যে গোলাবিনিময় হয়েছে।"
    (one,) = events(coder, text, "ASSAULT")
    assert one.location is not None and one.location.name_en == "Line of Control"


def test_an_exchange_of_fire_between_two_border_forces(coder: EventCoder) -> None:
    (one,) = events(coder, "সীমান্তে বিজিবি ও বিএসএফের মধ্যে গুলিবিনিময় হয়েছে।", "ASSAULT")
    assert sorted(p.name_en for p in one.actors + one.recipients) == ["Border Guard Bangladesh",
                                                                      "Border Security Force"]
