"""Background told as background (issue 5, session 32): what a dated saying owned up to,
a list of things sent, and an undated telling of an act the article dates later.

Each sentence was written for this file; each rule case was checked to fail on the
session-31 code.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.coder import EventCoder
from ghotona.events.lexicon import load_lexicon
from ghotona.pipeline import article_from_text
from events_args_helpers import events, names


# -- the content of a past saying (grammar.yaml status.past_saying_closers)

def test_an_act_owned_up_to_months_ago_is_background(coder: EventCoder) -> None:
    text = "গত জানুয়ারিতে বেলারুশ প্রথমবার স্বীকার করে যে তারা রাশিয়ায় সেনা পাঠিয়েছে।"
    (sending,) = events(coder, text, "AID")
    assert sending.status == "historical"
    # the saying's month is not the sending's: it was done before
    assert sending.date is None and sending.date_how == "none"


def test_an_act_owned_up_to_yesterday_is_news(coder: EventCoder) -> None:
    # guard: a saying within historical_after_days tells the news
    text = "গতকাল বেলারুশ স্বীকার করে যে তারা রাশিয়ায় সেনা পাঠিয়েছে।"
    (sending,) = events(coder, text, "AID")
    assert sending.status == "occurred"


def test_a_plan_announced_months_ago_stays_a_plan(coder: EventCoder) -> None:
    # guard: only an act told in the past is before its saying
    text = "গত জানুয়ারিতে বেলারুশ জানায় যে তারা রাশিয়ায় সেনা পাঠাবে।"
    (sending,) = events(coder, text, "AID")
    assert sending.status == "planned"


# -- a noun that heads a list its verb closes (triggers.yaml list_window, list_joiners)

def test_troops_heading_a_list_of_things_sent_are_sent(coder: EventCoder) -> None:
    text = "২০২৩ সালে ইরান রাশিয়ায় কয়েক শ সেনা, সঙ্গে ড্রোন, গোলাবারুদ ও কামান পাঠিয়েছে।"
    (sending,) = events(coder, text, "AID")
    assert sending.evidence[0].trigger.startswith("সেনা,") and sending.evidence[0].trigger.endswith("পাঠিয়েছে")
    assert names(sending.actors) == ["Iran"] and names(sending.recipients) == ["Russia"]
    assert (sending.status, sending.date, sending.date_how) == ("historical", "2023", "text")
    assert sending.location is not None and sending.location.name_en == "Russia"


def test_a_list_needs_its_joiner_and_no_verb_inside() -> None:
    lex = load_lexicon()
    assert lex.list_window > lex.split_window and "ও" in lex.list_joiners
    # a verb after the comma closes a clause of its own: no split match across it
    text = "ইরান সেনা প্রস্তুত রেখেছে, পরে ড্রোন ও কামান পাঠিয়েছে।"
    assert not any(m.entry.text.startswith("সেনা ...") for m in lex.match(text))


def test_a_list_window_without_joiners_is_refused_on_load(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text("verb_endings: [ে]\nnoun_endings: [টি]\nlight_verb_window: 3\nlist_window: 8\n"
                 "light_verbs: {করা: [করে]}\ntriggers: []\n", "utf-8")
    with pytest.raises(LanguageDataError, match="list_joiners"):
        load_lexicon(str(p))


# -- an undated telling folds into the dated background telling of the same act

_LEAD = "ইরান ও সৌদি আরবের পররাষ্ট্রমন্ত্রীরা বৃহস্পতিবার রিয়াদে বৈঠক করেছেন।\n\n"


def test_an_undated_sending_at_the_place_a_later_telling_dates_is_that_sending(coder: EventCoder) -> None:
    text = (_LEAD + "ইরান সম্প্রতি রাশিয়ার খেরসন অঞ্চলে কয়েক শ সেনা পাঠিয়েছে।\n\n"
            "২০২৩ সালে তেহরান রাশিয়ার খেরসন অঞ্চলে ৫০০ সেনা পাঠিয়েছে।")
    (sending,) = [e for e in coder.code(article_from_text(text, "2024-05-02")) if e.type == "AID"]
    assert (sending.status, sending.date) == ("historical", "2023")
    assert len(sending.evidence) == 2
    assert sending.evidence[0].trigger_start < sending.evidence[1].trigger_start


def test_an_undated_sending_to_another_place_stays_apart(coder: EventCoder) -> None:
    # guard: at another place it may be another sending
    text = (_LEAD + "ইরান সম্প্রতি রাশিয়ার খেরসন অঞ্চলে কয়েক শ সেনা পাঠিয়েছে।\n\n"
            "২০২৩ সালে তেহরান রাশিয়ার দোনেৎস্ক অঞ্চলে ৫০০ সেনা পাঠিয়েছে।")
    sendings = [e for e in coder.code(article_from_text(text, "2024-05-02")) if e.type == "AID"]
    assert sorted(e.status for e in sendings) == ["historical", "occurred"]
