"""Status rules of round 7 (real Bangladeshi news): sentences written for this file.

Each case was checked to fail with its rule taken out.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def statuses(coder: EventCoder, text: str, on: str = "2025-11-20") -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in coder.code(article_from_text(text, on))]


def test_resignation_announced_is_done(coder: EventCoder) -> None:
    # declared_is_done: resigning is done by announcing it.
    got = statuses(coder, "দলের দুই নেতা মঙ্গলবার পদত্যাগের ঘোষণা দিয়েছেন।")
    assert ("RETREAT", "occurred") in got


def test_resignation_to_be_announced_stays_planned(coder: EventCoder) -> None:
    # A future verb after the announcement still makes it planned.
    got = statuses(coder, "দলের দুই নেতা আগামী সপ্তাহে পদত্যাগের ঘোষণা দেবেন।")
    assert ("RETREAT", "planned") in got


def test_deal_reached_by_announcing_it(coder: EventCoder) -> None:
    got = statuses(coder, "দুই দল আসন ভাগাভাগি নিয়ে সমঝোতায় পৌঁছানোর ঘোষণা দিয়েছে।")
    assert ("AGREE", "occurred") in got


def test_criticism_at_various_times_is_background(coder: EventCoder) -> None:
    # repeated_cues: "বিভিন্ন সময়ে" sums up a series.
    got = statuses(coder, "দলের কয়েকজন নেতা বিভিন্ন সময়ে সরকারের সমালোচনা করেছেন।")
    assert got and all(s == "historical" for t, s in got if t == "ACCUSE")


def test_when_clause_with_an_old_date_is_background(coder: EventCoder) -> None:
    # A -লে clause told with a date years back is "when it was done", not "if".
    got = statuses(coder, "আদালত তাকে দশ বছরের কারাদণ্ড দেওয়া হলে ২০১৯ সালের ৫ মার্চ তাকে কারাগারে পাঠানো হয়।")
    assert ("COERCE", "historical") in got and ("COERCE", "hypothetical") not in got


def test_condition_without_a_past_date_stays_hypothetical(coder: EventCoder) -> None:
    got = statuses(coder, "সরকার সেনা মোতায়েন করলে বিরোধী দল কঠোর আন্দোলনের ডাক দেবে।")
    assert ("MOBILIZE", "hypothetical") in got


def test_one_paragraph_body_has_a_lead_of_sentences(coder: EventCoder) -> None:
    # No paragraph breaks: after the first two sentences, an event dated a
    # week before the news is background (background_lead_sentences).
    text = ("বৃহস্পতিবার ঢাকায় পুলিশ দুই নেতাকে আটক করেছে। "
            "তাদের বিরুদ্ধে নাশকতার অভিযোগ আনা হয়েছে। "
            "দলের নেতারা বলছেন, এটি রাজনৈতিক হয়রানি। "
            "গত ১২ নভেম্বর একই এলাকায় পুলিশ আরও তিনজনকে আটক করেছিল বলে জানা যায়। "
            "গত ১২ নভেম্বর ঢাকায় দলটির কর্মীরা বিক্ষোভ করেন।")
    got = statuses(coder, text)
    assert ("PROTEST", "historical") in got
