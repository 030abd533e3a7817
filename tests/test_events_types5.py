"""Event types, fifth pass: news wording the trigger lexicon missed or
mislabelled on the third development file (issue 5).  Every sentence here is
written for these tests; none is copied from an article."""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def types(coder: EventCoder, text: str) -> list[str]:
    return [e.type for e in coder.code(article_from_text(text, "2024-03-05"))]


# -- concessions: agreeing to halt, lifting, halting weapons tests -------------


@pytest.mark.parametrize("sentence", [
    "দীর্ঘ আলোচনার পর দুই দেশ সীমান্তে গোলাবর্ষণ বন্ধে রাজি হয়েছে।",
    "বিদ্রোহীরা মহাসড়ক অবরোধ বন্ধে সম্মত হয়েছে।",
])
def test_agreeing_to_halt_an_act_is_a_concession(coder: EventCoder, sentence: str) -> None:
    assert "CONCEDE" in types(coder, sentence)
    assert "AGREE" not in types(coder, sentence)


@pytest.mark.parametrize("sentence", [
    "সরকার জানিয়েছে, আমদানির ওপর থেকে নিষেধাজ্ঞা তোলা হবে না।",
    "ইউরোপীয় ইউনিয়ন আগামী মাসে ইরানের ওপর থেকে নিষেধাজ্ঞা তুলবে।",
])
def test_lifting_a_ban_with_tola_is_a_concession(coder: EventCoder, sentence: str) -> None:
    assert types(coder, sentence) == ["CONCEDE"]


def test_putting_on_a_sanctions_list_is_no_lifting(coder: EventCoder) -> None:
    got = types(coder, "বাণিজ্য দপ্তর প্রতিষ্ঠানটিকে নিষেধাজ্ঞার তালিকায় তুলেছে।")
    assert "SANCTION" in got and "CONCEDE" not in got


def test_halting_weapons_tests_is_a_concession_and_the_test_mobilizes(coder: EventCoder) -> None:
    assert types(coder, "উত্তর কোরিয়া ক্ষেপণাস্ত্র পরীক্ষা স্থগিত রাখার ঘোষণা দিয়েছে।") == ["CONCEDE"]
    assert types(coder, "গত বছর দেশটি আরেকটি পরমাণু পরীক্ষা চালিয়েছিল।") == ["MOBILIZE"]


# -- aid: relief convoys, aid approved, food and medicine sent -----------------


@pytest.mark.parametrize("sentence", [
    "আজ সকালে পঞ্চাশটি ত্রাণবাহী ট্রাক সীমান্ত পেরিয়ে শহরে পৌঁছেছে।",
    "পার্লামেন্ট গত বছর দেশটির জন্য বড় অঙ্কের সহায়তা অনুমোদন করেছিল।",
    "জাতিসংঘ উপদ্রুত এলাকায় ওষুধ পাঠাবে বলে জানিয়েছে।",
    "দাতা সংস্থাগুলো দুর্গত জেলায় খাদ্য পাঠিয়েছে।",
])
def test_aid_wording(coder: EventCoder, sentence: str) -> None:
    assert "AID" in types(coder, sentence)


# -- retreat: troops pulled back, hostages and prisoners let go ----------------


@pytest.mark.parametrize("sentence", [
    "সীমান্তের বিরোধপূর্ণ এলাকা থেকে দুই দেশ সেনা সরাবে বলে জানা গেছে।",
    "চুক্তি অনুসারে বিদ্রোহীরা আগামীকাল বিশ জন জিম্মিকে ছাড়বে।",
    "সরকার ঈদের আগে দুই শ বন্দীকে ছাড়বে বলে ঘোষণা দিয়েছে।",
])
def test_retreat_wording(coder: EventCoder, sentence: str) -> None:
    assert "RETREAT" in types(coder, sentence)


# -- sanctions: tariffs raised over a gap, trade halted, ties downgraded, envoy sent home


@pytest.mark.parametrize("sentence", [
    "ওয়াশিংটন ইস্পাতের ওপর শুল্কহার ১০ শতাংশ থেকে বাড়িয়ে ২০ শতাংশ করেছে।",
    "দিল্লি প্রতিবেশী দেশটির সঙ্গে বাণিজ্যও স্থগিত করেছে।",
    "এ ঘটনার জেরে দেশটির সঙ্গে কূটনৈতিক সম্পর্কের মাত্রা কমিয়ে দিয়েছে সরকার।",
])
def test_sanction_wording(coder: EventCoder, sentence: str) -> None:
    assert "SANCTION" in types(coder, sentence)


def test_an_envoy_sent_home_is_expelled_not_deported(coder: EventCoder) -> None:
    got = types(coder, "সরকার দেশটির রাষ্ট্রদূত জন স্মিথকে ফেরত পাঠাবে।")
    assert "SANCTION" in got and "COERCE" not in got
    # Anyone else sent back stays a deportation.
    assert "COERCE" in types(coder, "পুলিশ অবৈধভাবে আসা বিদেশিদের ফেরত পাঠিয়েছে।")


# -- coercion, protest, assault -------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("আন্দোলনের মুখে সরকার সারা দেশে শিক্ষাপ্রতিষ্ঠান বন্ধ করে দিয়েছে।", "COERCE"),
    ("অশান্ত জেলাগুলোতে মোবাইল ও ইন্টারনেট সংযোগ বন্ধ করা হয়েছে।", "COERCE"),
    ("বিরোধী দল শনিবার রাজধানীতে মহাসমাবেশ করেছে।", "PROTEST"),
    ("বিদ্রোহীরা সীমান্তের দুটি চৌকি দখল করে নিয়েছে।", "ASSAULT"),
])
def test_more_wording(coder: EventCoder, sentence: str, expected: str) -> None:
    assert expected in types(coder, sentence)


# -- blockers: offices named by event words -----------


@pytest.mark.parametrize("sentence", [
    "শরণার্থী ত্রাণ ও প্রত্যাবাসন কমিশনার শিবিরের পরিস্থিতি নিয়ে সাংবাদিকদের ব্রিফ করেন।",
    "ত্রাণ ও দুর্যোগ ব্যবস্থাপনা মন্ত্রণালয়ের সচিব সকালে অফিসে আসেন।",
])
def test_an_office_named_by_event_words_is_no_event(coder: EventCoder, sentence: str) -> None:
    assert types(coder, sentence) == []


def test_new_entries_load(lex) -> None:
    texts = {e.text for e in lex.entries}
    for t in ("বন্ধে রাজি", "নিষেধাজ্ঞা তোল", "ত্রাণবাহী", "জিম্মি ... ছাড়", "শুল্কহার ... বাড়ি", "মহাসমাবেশ"):
        assert t in texts
