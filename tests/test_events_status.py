"""Event status (occurred / planned / hypothetical / negated / historical).

One sentence per status rule or cue family in data/events/grammar.yaml, each
written for this file.  Every case was checked to fail before its rule existed.
"""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def statuses(coder: EventCoder, text: str, on: str = "2024-03-10") -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in coder.code(article_from_text(text, on))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A noun of fear before the trigger is the reason, not a doubt about it (hypothetical_after).
        ("খাদ্যসংকটের আশঙ্কায় ভারত বাংলাদেশে চাল রপ্তানি বন্ধ করেছে।", ("SANCTION", "occurred")),
        # Conditional verb forms (conditional_words).
        ("ইরান হামলা চালালে যুক্তরাষ্ট্র কঠোর জবাব দেবে।", ("ASSAULT", "hypothetical")),
        ("ইরানকে ড্রোন সরবরাহ করা হলে ইউরোপীয় ইউনিয়ন নতুন পদক্ষেপ নেবে।", ("AID", "hypothetical")),
        # The auxiliary after a verbal noun carries the tense (auxiliaries).
        ("ভারত জানিয়েছে, লাদাখ সীমান্তে আরও সেনা মোতায়েন করা হবে।", ("MOBILIZE", "planned")),
        # Past perfect with no date of its own recalls the background.
        ("লেবানন সীমান্তে ইসরায়েলি ট্যাংক ও সেনা জড়ো করা হয়েছিল।", ("MOBILIZE", "historical")),
        # An act as the complement of an announcement is not yet done (planned_noun_heads).
        ("ইউরোপীয় ইউনিয়ন রুশ গ্যাসে নতুন শুল্ক আরোপের ঘোষণা দিয়েছে।", ("SANCTION", "planned")),
        ("চীন শ্রীলঙ্কাকে ঋণসহায়তা দেওয়ার ঘোষণা দিয়েছে।", ("AID", "planned")),
        # Going on since a date long past: not background (ongoing_cues).
        ("কাতারের মধ্যস্থতায় দোহায় গত ২ জানুয়ারি থেকে চলা আলোচনায় দুই পক্ষ অংশ নিচ্ছে।", ("CONSULT", "occurred")),
        # A promise of support, reported, is itself the support (said_is_done_types).
        ("বেলারুশের প্রেসিডেন্ট আলেক্সান্ডার লুকাশেঙ্কো বলেন, তাঁর দেশ রাশিয়াকে সব ধরনের সমর্থন দেবে।", ("SUPPORT", "occurred")),
        # A series summed up in the past is the story so far (repeated_cues).
        ("রাশিয়া ও চীনের প্রেসিডেন্ট এর মধ্যে বহুবার ফোনে কথা বলেছেন।", ("CONSULT", "historical")),
    ],
    ids=["fear-before-trigger", "conditional-le", "conditional-hole", "passive-future",
         "past-perfect-undated", "announced-tariff", "announced-credit", "ongoing-since", "promised-support",
         "series-in-past"],
)
def test_status_rule(coder: EventCoder, text: str, expected: tuple[str, str]) -> None:
    assert statuses(coder, text) == [expected]


def test_concessive_verb_keeps_negation_in_its_own_clause(coder: EventCoder) -> None:
    # "Although they met, they could not agree": the meeting happened.
    got = statuses(coder, "দুই দেশের পররাষ্ট্রমন্ত্রীরা বৈঠক করলেও কোনো বিষয়ে একমত হতে পারেননি।")
    assert got == [("CONSULT", "occurred"), ("AGREE", "negated")]


def test_what_is_answered_has_happened(coder: EventCoder) -> None:
    # "In answer to Hezbollah's rocket attack Israel may strike Lebanon": the
    # attack answered is a fact; only the answer is a possibility.
    got = statuses(coder, "হিজবুল্লাহর রকেট হামলার জবাবে ইসরায়েল লেবাননে বিমান হামলা চালাতে পারে।")
    assert got == [("ASSAULT", "occurred"), ("ASSAULT", "hypothetical")]


def test_background_three_days_before_the_news(coder: EventCoder) -> None:
    # (Round 5: two days before the news is still its cycle; three is background.)
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদী মঙ্গলবার ঢাকায় পৌঁছেছেন।\n\n"
            "গত শনিবার ভারত ও বাংলাদেশের পররাষ্ট্রসচিবরা দিল্লিতে বৈঠক করেন।")
    assert statuses(coder, text, "2024-03-13") == [("CONSULT", "occurred"), ("CONSULT", "historical")]


def test_date_of_another_clause_does_not_make_background(coder: EventCoder) -> None:
    # The visit is the news; last Friday dates the warning issued after its
    # news came out, in the main clause.
    text = ("চীন বৃহস্পতিবার তাইওয়ানের কাছে সামরিক মহড়া চালিয়েছে।\n\n"
            "সফরের খবর ছড়ানোর পর গত শুক্রবার চীনের পররাষ্ট্র মন্ত্রণালয় যুক্তরাষ্ট্রকে কড়া হুঁশিয়ারি দেয়।")
    got = statuses(coder, text, "2022-08-05")
    assert ("CONSULT", "occurred") in got and ("THREATEN", "historical") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb of going that is itself the trigger carries its own (future) tense.
        ("রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ উত্তর কোরিয়া যাবেন।", ("CONSULT", "planned")),
        # না right after the trigger noun, before its verbal noun: an order not to attack.
        ("দুই দেশ সীমান্তে নতুন করে হামলা না চালাতে একমত হয়েছে।", ("ASSAULT", "negated")),
        # না right before a verbal noun whose object is the trigger.
        ("ভারত পাকিস্তানের সঙ্গে বৈঠক না করার ঘোষণা দিয়েছে।", ("CONSULT", "negated")),
        # Without (ছাড়াই) right after the trigger (without_after).
        ("দুই নেতার বৈঠক কোনো চুক্তি ছাড়াই শেষ হয়।", ("AGREE", "negated")),
        # A possibility denied (সম্ভাবনা নেই) is no possibility.
        ("দুই দেশের মধ্যে যুদ্ধবিরতি চুক্তি হওয়ার সম্ভাবনা নেই।", ("AGREE", "negated")),
        # The head of an infinitive denied (রাজি নয়): not willing to.
        ("সরকার বিরোধী দলের সঙ্গে সংলাপে বসতে রাজি নয়।", ("CONSULT", "negated")),
        # A plan told in the past (unfulfilled_cues): was due and did not come about.
        ("২০১১ সালে দুই দেশের মধ্যে পানিবণ্টন চুক্তি সইয়ের কথা ছিল।", ("SUPPORT", "negated")),
        # Cutting relations is done by announcing it (declared_is_done).
        ("জেলেনস্কি রাশিয়ার সঙ্গে কূটনৈতিক সম্পর্ক ছিন্ন করার ঘোষণা দেন।", ("SANCTION", "occurred")),
    ],
    ids=["motion-verb-future", "na-after-trigger", "na-before-verbal-noun", "without", "no-chance",
         "not-willing", "was-due", "declared-is-done"],
)
def test_negation_and_plan_rules(coder: EventCoder, text: str, expected: tuple[str, str]) -> None:
    assert expected in statuses(coder, text)


def test_what_is_done_without_violence_still_happened(coder: EventCoder) -> None:
    # ছাড়াই negates only the trigger right before it.
    got = statuses(coder, "বিক্ষোভকারীরা কোনো সহিংসতা ছাড়াই ঢাকায় সমাবেশ করেছে।")
    assert ("PROTEST", "occurred") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hopeful of doing it: the act is still to come.
        ("পররাষ্ট্রমন্ত্রী বলেন, দুই দেশ শিগগির আবার বৈঠক করার ব্যাপারে আশাবাদী।", ("CONSULT", "planned")),
        ("জাপানের প্রধানমন্ত্রী চীনের প্রেসিডেন্টের সঙ্গে বৈঠক করতে আশাবাদী।", ("CONSULT", "planned")),
        # "X-কে সামনে রেখে": with X ahead, X has not happened yet.
        ("প্রেসিডেন্টের ভারত সফরকে সামনে রেখে একটি প্রতিনিধিদল গত সপ্তাহে দিল্লি যায়।", ("CONSULT", "planned")),
    ],
)
def test_hoped_for_and_upcoming_acts_are_planned(coder: EventCoder, text: str, expected: tuple[str, str]) -> None:
    assert expected in statuses(coder, text)
