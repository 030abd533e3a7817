"""Participants of issue 5, session 27.

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


def sides(coder: EventCoder, text: str, typ: str) -> tuple[list[str], list[str]]:
    """The actors and recipients (English names) of the one event of type ``typ`` the text gives."""
    (event,) = events(coder, text, typ)
    return names(event.actors), names(event.recipients)


def trigger_event(coder: EventCoder, text: str, typ: str, word: str):  # type: ignore[no-untyped-def]
    """The one event of type ``typ`` whose trigger holds ``word``."""
    (event,) = [e for e in events(coder, text, typ) if word in e.evidence[0].trigger]
    return event


# -- an agentless act of state is done where the paragraph's doerless act before it was

_VALLEY = ("ইসলামাবাদ, ৮ আগস্ট — পাকিস্তান ভারতের সঙ্গে বাণিজ্য স্থগিত করেছে।\n\n"
           "এদিকে কাশ্মীর উপত্যকায় রোববার থেকে কারফিউ জারি রয়েছে। "
           "সেখানে কয়েক শ নেতা-কর্মীকে আটক করা হয়েছে।")


def test_an_agentless_arrest_after_a_curfew_in_the_valley_is_indias(coder: EventCoder) -> None:
    arrest = trigger_event(coder, _VALLEY, "COERCE", "আটক")
    assert [(p.name_en, p.inferred) for p in arrest.actors] == [("India", "home-government")]


def test_an_agentless_arrest_after_an_act_with_a_doer_keeps_the_home_state(coder: EventCoder) -> None:
    # guard: the army's place is the army's; the speaker's "we will not send back" is the home state's
    text = ("কক্সবাজার, ১৩ সেপ্টেম্বর — প্রধানমন্ত্রী বলেন, মিয়ানমারের সেনাবাহিনী রাখাইনে নির্যাতন চালাচ্ছে। "
            "কাউকে জোর করে ফেরত পাঠানো হবে না।")
    back = trigger_event(coder, text, "COERCE", "ফেরত")
    assert names(back.actors) == ["Bangladesh"]
