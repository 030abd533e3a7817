"""Events (issue 5, session 37): who brokers an act and whose a named place is are no party to it.

Each sentence was written for this file; each case of a new rule was checked to fail
without that rule.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


# -- a go-between in the genitive (arguments.yaml go_betweens)

BROKERED = ("মিসর ও কাতারের মধ্যস্থতায় কায়রোতে দুই সপ্তাহ ধরে চলা আলোচনার পর "
            "গতকাল রাতে বন্দিবিনিময় চুক্তিটি সই হয়।")


def test_the_go_betweens_do_not_sign_what_they_broker(coder: EventCoder) -> None:
    signed = events(coder, BROKERED, "SUPPORT", on="2024-03-10")
    assert len(signed) == 1
    assert not {"Egypt", "Qatar"} & set(names(signed[0].actors) + names(signed[0].recipients))


def test_the_mediation_itself_is_still_theirs(coder: EventCoder) -> None:
    # guard: the go-between noun as the trigger keeps its genitive as doer
    brokered = events(coder, BROKERED, "CONSULT", on="2024-03-10")
    assert len(brokered) == 1
    assert set(names(brokered[0].actors)) == {"Egypt", "Qatar"}


# -- a demonym before a noun of place and a named place

def test_a_demonym_describing_a_named_place_is_no_doer(coder: EventCoder) -> None:
    text = ("মিসরীয় শহর কায়রোতে গতকাল ইসরায়েল ও হামাসের প্রতিনিধিরা বৈঠক করেন। "
            "পরে সৌদি নগরী জেদ্দায় চুক্তিটি সই হয়।")
    signed = events(coder, text, "SUPPORT", on="2024-03-10")
    assert len(signed) == 1
    assert "Saudi Arabia" not in names(signed[0].actors)
    assert signed[0].location is not None and signed[0].location.name_en == "Jeddah"


def test_a_demonym_before_a_place_noun_and_a_person_still_acts(coder: EventCoder) -> None:
    # guard: "জার্মান দূতাবাস খালেদা জিয়ার সঙ্গে": the noun is a body, the name after it no place
    text = "ঢাকার জার্মান দূতাবাস বিএনপির নেতাদের সঙ্গে গতকাল বৈঠক করেছে।"
    met = events(coder, text, "CONSULT", on="2024-03-10")
    assert len(met) == 1
    assert "Germany" in names(met[0].actors)


# -- an order of an act dates the act (coder._ordered)

def test_an_order_to_blockade_is_dated_by_the_order(coder: EventCoder) -> None:
    text = "ইসরায়েলের প্রতিরক্ষামন্ত্রী গতকাল সোমবার গাজা উপত্যকা সম্পূর্ণ অবরোধের নির্দেশ দেন।"
    sieges = events(coder, text, "COERCE", on="2023-10-10")
    assert len(sieges) == 1
    assert sieges[0].date == "2023-10-09"


def test_a_visit_governed_by_another_verb_keeps_no_date_of_it(coder: EventCoder) -> None:
    # guard: "সফরকে স্বাগত জানায়" -- the day is the welcoming's, not the visit's
    text = "ভারত গতকাল সোমবার প্রধানমন্ত্রীর আসন্ন ঢাকা সফরকে স্বাগত জানিয়েছে।"
    visits = [e for e in events(coder, text, "CONSULT", on="2023-10-10")
              if any(x.trigger.startswith("সফর") for x in e.evidence)]
    assert len(visits) == 1
    assert visits[0].date is None
