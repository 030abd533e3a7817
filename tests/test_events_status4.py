"""Status, spurious events and weak types (issue 5, fourth round).

Each sentence was written for this file, and each case was checked to fail
before its rule existed.
"""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def coded(coder: EventCoder, text: str, on: str = "2024-03-10") -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in coder.code(article_from_text(text, on))]


# -- 1a: "X-এর আগে": a meeting or visit the main clause comes before is still to come

def test_meeting_before_which_a_call_is_made_is_planned(coder: EventCoder) -> None:
    got = coded(coder, "জেনেভায় শীর্ষ বৈঠকের দুই দিন আগে দুই প্রেসিডেন্টের মধ্যে ফোনালাপ হলো।")
    assert ("CONSULT", "planned") in got


def test_visit_before_which_ministers_talk_is_planned(coder: EventCoder) -> None:
    got = coded(coder, "প্রধানমন্ত্রীর দিল্লি সফরের আগে দুই দেশের পররাষ্ট্রসচিবরা আলোচনা করছেন।")
    assert got.count(("CONSULT", "planned")) == 1


def test_before_a_meeting_in_the_past_perfect_is_old_sequence(coder: EventCoder) -> None:
    # The main clause is told in the past perfect: the meeting came and went too.
    got = coded(coder, "ওই বৈঠকের আগে দুই নেতা একান্তে কথা বলেছিলেন।")
    assert ("CONSULT", "planned") not in got


# -- 1b: "ট্রেনে করে": করে after a vehicle in the locative is "by", not a verb

def test_by_train_is_not_the_verb(coder: EventCoder) -> None:
    got = coded(coder, "সফরে প্রেসিডেন্ট বিশেষ ট্রেনে করে মস্কো যাবেন বলে জানা গেছে।")
    assert got and all(s == "planned" for t, s in got if t == "CONSULT")


def test_plain_kore_is_still_a_verb(coder: EventCoder) -> None:
    # Not after a vehicle: করে is the light verb of the attack.
    assert coded(coder, "বিদ্রোহীরা সেনাঘাঁটিতে হামলা করে।") == [("ASSAULT", "occurred")]


def test_motion_verb_before_complementizer_keeps_its_tense(coder: EventCoder) -> None:
    # "যাবেন বলে জানা গেছে": বলে is "that", so the verb of going carries the tense.
    got = coded(coder, "প্রধানমন্ত্রী আগামী মাসে জাপান যাবেন বলে জানা গেছে।")
    assert got == [("CONSULT", "planned")]


# -- 2: spurious events

def test_war_toll_is_not_an_attack(coder: EventCoder) -> None:
    text = "পশ্চিমা গোয়েন্দাদের হিসাবে, সুদানের যুদ্ধে এ পর্যন্ত বিশ হাজারের বেশি যোদ্ধা নিহত হয়েছে।"
    assert [t for t, _ in coded(coder, text)].count("ASSAULT") == 0


def test_dead_of_an_attack_are_still_an_attack(coder: EventCoder) -> None:
    text = "উত্তরাঞ্চলের একটি বাজারে বিমান হামলায় অন্তত বারোজন নিহত হয়েছে।"
    assert ("ASSAULT", "occurred") in coded(coder, text)


def test_warning_of_a_possibility_is_not_a_threat(coder: EventCoder) -> None:
    text = "জাপানের প্রতিরক্ষা মন্ত্রণালয় সতর্ক করেছে যে চীন শিগগির আরও যুদ্ধজাহাজ পাঠাতে পারে।"
    assert "THREATEN" not in [t for t, _ in coded(coder, text)]


def test_warning_of_what_the_warner_will_do_is_a_threat(coder: EventCoder) -> None:
    text = "উত্তর কোরিয়া সতর্ক করেছে যে মহড়া চললে তারা কঠোর জবাব দেবে।"
    assert "THREATEN" in [t for t, _ in coded(coder, text)]


# -- 1c: a later clause of one doer, dated only by its sentence, is background with it

def test_coordinated_clause_shares_background(coder: EventCoder) -> None:
    text = ("মস্কো, ২০ মার্চ — রাশিয়া আজ ভোরে অঞ্চলটিতে হামলা চালিয়েছে।\n\n"
            "গত সোমবার পুতিন বিচ্ছিন্ন অঞ্চলটিকে স্বীকৃতি দেন এবং সেখানে সেনা পাঠানোর নির্দেশ দেন।")
    got = coded(coder, text, on="2022-03-20")
    assert ("MOBILIZE", "historical") in got or ("AID", "historical") in got
    assert ("MOBILIZE", "occurred") not in got and ("AID", "occurred") not in got


# -- 3: triggers of the weak types, and words that are no meeting

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("বিরোধী দলের প্রার্থী শেষ পর্যন্ত নির্বাচনে পরাজয় মেনে নিয়েছেন।", "CONCEDE"),
        ("দুই পক্ষ তিন দিনের যুদ্ধবিরতিতে সম্মত হয়েছে।", "CONCEDE"),
        ("চাপের মুখে সরকার জ্বালানির দাম বাড়ানোর সিদ্ধান্ত প্রত্যাহার করেছে।", "CONCEDE"),
        ("বিক্ষোভকারীদের শর্ত মেনে নিয়েছে সরকার।", "CONCEDE"),
        ("ভারত ও নেপাল সীমান্তে যৌথ সামরিক অনুশীলন শুরু করেছে।", "COOPERATE"),
        ("দুই দেশের প্রধানমন্ত্রী যৌথভাবে বিদ্যুৎকেন্দ্রটি উদ্বোধন করেন।", "COOPERATE"),
        ("কানাডা নয়াদিল্লি থেকে তাদের রাষ্ট্রদূতকে ফিরিয়ে নিয়েছে।", "SANCTION"),
        ("নির্বাচন কমিশন দলটির নিবন্ধন বাতিল করেছে।", "SANCTION"),
        ("বিরোধী জোট সরকারের রূপরেখায় সায় দিয়েছে।", "AGREE"),
        ("বেলারুশ সীমান্তে আরও দুটি সেনা ইউনিট পাঠিয়েছে।", "MOBILIZE"),
        ("প্রধানমন্ত্রী চীনের প্রেসিডেন্টের আমন্ত্রণ গ্রহণ করেছেন।", "AGREE"),
    ],
    ids=["defeat-accepted", "ceasefire-agreed", "decision-withdrawn", "terms-accepted", "joint-drill",
         "joint-opening", "envoy-recalled", "registration-revoked", "assent", "troops-split",
         "invitation-accepted"],
)
def test_weak_type_trigger(coder: EventCoder, text: str, expected: str) -> None:
    assert [t for t, _ in coded(coder, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "সরকারের এই সিদ্ধান্ত নিয়ে ব্যাপক আলোচনা চলছে।",
        "এই প্রস্তাবকে সমঝোতার পথ হিসেবে দেখা হচ্ছে।",
        "অভিযোগগুলো খতিয়ে দেখা হচ্ছে বলে মন্ত্রণালয় জানিয়েছে।",
    ],
    ids=["public-debate", "seen-as", "looked-into"],
)
def test_no_meeting(coder: EventCoder, text: str) -> None:
    assert "CONSULT" not in [t for t, _ in coded(coder, text)]
