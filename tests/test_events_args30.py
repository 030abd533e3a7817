"""Participants and places of events (issue 5, session 30).

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.arguments import OPPONENT
from ghotona.events.coder import EventCoder
from events_args_helpers import events, names


# -- a hostile act told with no target is aimed at the doer's one opponent (arguments.yaml opponent_types)

_SHELLING = "সীমান্তের কাছে দক্ষিণ কোরিয়ার একটি সেনাচৌকিতে গোলাবর্ষণ করেছে উত্তর কোরিয়া। "


def test_a_threat_with_no_target_is_aimed_at_the_doers_opponent(coder: EventCoder) -> None:
    text = _SHELLING + "এর আগে কিম ইয়ো জং হুমকি দিয়েছিলেন, শিগগিরই কঠোর পদক্ষেপ দেখা যাবে।"
    (threat,) = events(coder, text, "THREATEN")
    assert names(threat.actors) == ["Kim Yo Jong"]
    assert names(threat.recipients) == ["South Korea"]
    assert threat.recipients[0].inferred == OPPONENT
    assert any("opponent" in w for w in threat.warnings)


def test_a_state_body_stands_for_its_country_side(coder: EventCoder) -> None:
    # the opponent is read off an attack on a ministry: the ministry is South Korea's side
    text = ("দক্ষিণ কোরিয়ার একীকরণ মন্ত্রণালয়ের একটি ভবনে হামলা চালিয়েছে উত্তর কোরিয়া। "
            "পরে উত্তর কোরিয়া সব ধরনের বাণিজ্য স্থগিত করেছে।")
    sanctions = [e for e in events(coder, text, "SANCTION") if e.status == "occurred"]
    assert [names(e.recipients) for e in sanctions] == [["South Korea"]]


def test_no_target_is_taken_when_the_doer_has_two_opponents(coder: EventCoder) -> None:
    # guard: which opponent is meant is not said
    text = ("ইসরায়েলে রকেট হামলা চালিয়েছে হিজবুল্লাহ। যুক্তরাষ্ট্রের একটি ঘাঁটিতেও হামলা চালিয়েছে হিজবুল্লাহ। "
            "পরে হিজবুল্লাহ হুমকি দিয়েছে, আরও হামলা হবে।")
    (threat,) = events(coder, text, "THREATEN")
    assert threat.recipients == []


def test_an_act_at_home_takes_no_opponent(coder: EventCoder) -> None:
    # guard: COERCE is not filled (an arrest is done at home, not to the other side)
    text = _SHELLING + "পরে উত্তর কোরিয়া কয়েকজন সাংবাদিককে আটক করেছে।"
    for e in events(coder, text, "COERCE"):
        assert "South Korea" not in names(e.recipients)
