"""One event per happening, round 6: retellings the coder used to split
(``_retells``, ``_dedupe_same_sentence`` in events/coder.py; cue lists
``status.another_before`` and ``status.converbs`` in data/events/grammar.yaml).

Every sentence here was written for this file.  Each case but the guards
marked as such fails without its rule.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def triggers(coder: EventCoder, text: str, etype: str, on: str = "2024-06-10") -> list[list[str]]:
    """The triggers of every telling of each event of one type."""
    return [[x.trigger for x in e.evidence] for e in coder.code(article_from_text(text, on)) if e.type == etype]


def test_a_meeting_told_without_sides_then_with_them_is_one_meeting(coder: EventCoder) -> None:
    # The first sentence names no side of the cabinet meeting; the next one tells the
    # same meeting with its members: one meeting, not two.
    got = triggers(coder, "গতকাল রোববার মন্ত্রিসভার বৈঠকে নতুন বাজেট অনুমোদন পায়। "
                          "বৈঠকে নরেন্দ্র মোদি অমিত শাহের সঙ্গে কথা বলেন।", "CONSULT")
    assert got == [["বৈঠকে", "বৈঠকে"]]


def test_far_apart_a_telling_with_sides_after_one_without_is_another_happening(coder: EventCoder) -> None:
    # Guard: a bare accusation, and paragraphs later someone's own accusation, stay two.
    got = triggers(coder, "সংগঠনটির বিরুদ্ধে চাঁদাবাজির অভিযোগ রয়েছে। "
                          "শহরে গতকাল বৃষ্টি হয়েছে। দোকানপাট বন্ধ ছিল। রাস্তায় যানজট ছিল না। "
                          "সোমবার নরেন্দ্র মোদি পাকিস্তানের বিরুদ্ধে সীমান্তে গুলি চালানোর অভিযোগ করেন।", "ACCUSE")
    assert len(got) == 2


def test_a_telling_marked_as_another_never_retells(coder: EventCoder) -> None:
    # "আরেকটি বৈঠকে" names nobody, yet it is a second meeting, not the first one retold.
    got = triggers(coder, "সোমবার নরেন্দ্র মোদি জাপানের প্রধানমন্ত্রী ফুমিও কিশিদার সঙ্গে বৈঠক করেন। "
                          "পরে আরেকটি বৈঠকে বাণিজ্য নিয়ে কথা হয়।", "CONSULT")
    assert len(got) == 2


def test_a_bare_retelling_without_a_marker_still_merges(coder: EventCoder) -> None:
    # Guard for the marker rule: the same sentences without "আরেকটি" are one meeting.
    got = triggers(coder, "সোমবার নরেন্দ্র মোদি জাপানের প্রধানমন্ত্রী ফুমিও কিশিদার সঙ্গে বৈঠক করেন। "
                          "পরে বৈঠকে বাণিজ্য নিয়ে কথা হয়।", "CONSULT")
    assert len(got) == 1


def test_an_act_done_by_another_of_its_type_is_one_act(coder: EventCoder) -> None:
    # "মহাসড়ক অবরোধ করে বিক্ষোভ করেন": they protested by blocking the highway.
    got = triggers(coder, "বুধবার কৃষকেরা দিল্লির মহাসড়ক অবরোধ করে বিক্ষোভ করেন।", "PROTEST")
    assert len(got) == 1


def test_two_protests_each_closed_by_its_verb_stay_two(coder: EventCoder) -> None:
    # Guard: a blockade with its own verb, then এবং and a rally, are two acts.
    got = triggers(coder, "বুধবার কৃষকেরা দিল্লির মহাসড়ক অবরোধ করেছেন এবং শ্রমিকেরা কলকাতায় বিক্ষোভ করেছেন।",
                   "PROTEST")
    assert len(got) == 2


def test_measures_of_one_sanctions_package_are_one_event(coder: EventCoder) -> None:
    # Two measures by one side on one target in one sentence, each with its verb: one round of sanctions.
    got = triggers(coder, "বৃহস্পতিবার যুক্তরাষ্ট্র ইরানের তেল কোম্পানির ওপর নিষেধাজ্ঞা আরোপ করেছে এবং "
                          "দেশটিতে যন্ত্রাংশ রপ্তানিতে কড়াকড়ি আরোপ করেছে।", "SANCTION")
    assert len(got) == 1
