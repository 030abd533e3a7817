"""Event types: one sentence per trigger family and guard added for type F1
(issue 5).  The sentences are written for these tests; none is copied."""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def types(coder: EventCoder, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in coder.code(article_from_text(text, "2024-03-05"))]


@pytest.mark.parametrize(("text", "expected"), [
    # the emphatic -ও on the first word of a phone call
    ("দুই মন্ত্রী এরপর কয়েকবার টেলিফোনেও কথা বলেছেন।", ("CONSULT", "phone")),
    ("জাপানের প্রধানমন্ত্রী গতকাল চীনের প্রেসিডেন্টের সঙ্গে যোগাযোগ করেছেন।", ("CONSULT", None)),
    ("দুই নেতার মধ্যে নিয়মিত চিঠি বিনিময় হচ্ছে।", ("CONSULT", "phone")),
    ("প্রধানমন্ত্রী জাপান সরকারের প্রতি কৃতজ্ঞতা জানিয়েছেন।", ("SUPPORT", None)),
    ("জাতিসংঘ মিয়ানমারের সহিংসতায় গভীর উদ্বেগ প্রকাশ করেছে।", ("ACCUSE", "disapprove")),
    ("জার্মানি ইউক্রেনে আরও অস্ত্র পাঠাবে।", ("AID", None)),
    ("ইরান রাশিয়াকে ড্রোন সরবরাহ করছে।", ("AID", None)),
    ("বাংলাদেশকে নতুন ঋণসহায়তা দেবে বিশ্বব্যাংক।", ("AID", None)),
    ("চীন জাপান থেকে সামুদ্রিক খাবার আমদানি স্থগিত করেছে।", ("SANCTION", "discontinue")),
    ("যুক্তরাষ্ট্র বিদেশি ইস্পাতে ২৫ শতাংশ শুল্ক বসিয়েছে।", ("SANCTION", "discontinue")),
    ("পেন্টাগন কিছু অস্ত্র সরবরাহ বন্ধ করেছে।", ("SANCTION", "discontinue")),
    ("সীমান্তে হাজার হাজার সেনা জড়ো করেছে রাশিয়া।", ("MOBILIZE", "troops")),
    ("মালয়েশিয়া দুই শতাধিক অভিবাসীকে ফেরত পাঠিয়েছে।", ("COERCE", "deport")),
    ("রাজধানীর উপকণ্ঠে দুই বাহিনীর মধ্যে তুমুল লড়াই হয়েছে।", ("ASSAULT", None)),
    ("পাকিস্তান ভারতের একটি যুদ্ধবিমান ভূপাতিত করেছে।", ("ASSAULT", None)),
    ("হুতিরা জাহাজের নাবিকদের ছেড়ে দিয়েছে।", ("RETREAT", "release")),
    # a first-person light verb (a quoted speaker)
    ("আমরা উভয় পক্ষকে সংযম দেখানোর আহ্বান জানাচ্ছি।", ("REQUEST", None)),
])
def test_new_trigger_families(coder: EventCoder, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in types(coder, text)


def test_communication_line_is_not_a_contact(coder: EventCoder) -> None:
    assert ("CONSULT", None) not in types(coder, "সীমান্তের যোগাযোগ লাইন বন্ধ করে দেওয়া হয়েছে।")


def test_what_is_asked_for_has_not_happened(coder: EventCoder) -> None:
    found = types(coder, "জাতিসংঘ দুই পক্ষকে হামলা বন্ধ করতে আহ্বান জানিয়েছে।")
    assert [t for t, _ in found] == ["REQUEST"]


def test_what_is_threatened_has_not_happened(coder: EventCoder) -> None:
    found = types(coder, "ইইউ রাশিয়ার ওপর নতুন নিষেধাজ্ঞা আরোপের হুমকি দিয়েছে।")
    assert [t for t, _ in found] == ["THREATEN"]


def test_troops_sent_abroad_are_aid_and_to_the_border_mobilize(coder: EventCoder) -> None:
    assert [t for t, _ in types(coder, "উত্তর কোরিয়া রাশিয়ায় হাজার হাজার সৈন্য পাঠিয়েছে।")] == ["AID"]
    assert [t for t, _ in types(coder, "সরকার সীমান্তচৌকিতে আরও সৈন্য পাঠিয়েছে।")] == ["MOBILIZE"]


def test_signed_agreements_are_one_signing(coder: EventCoder) -> None:
    found = [t for t, _ in types(coder, "দুই দেশের মধ্যে তিনটি চুক্তি ও সমঝোতা স্মারক সই হয়েছে।")]
    assert "SUPPORT" in found and "AGREE" not in found


def test_signing_a_decree_is_not_support(coder: EventCoder) -> None:
    assert "SUPPORT" not in [t for t, _ in types(coder, "প্রেসিডেন্ট রাতেই জরুরি নির্দেশে সই করেন।")]


def test_to_other_must_be_a_type(tmp_path) -> None:
    from ghotona.events.lexicon import load_lexicon
    from ghotona.errors import LanguageDataError

    src = tmp_path / "triggers.yaml"
    src.write_text(
        "verb_endings: [ে]\nnoun_endings: [টি]\nlight_verb_window: 3\nlight_verbs: {করা: [করে]}\n"
        "triggers:\n  - {text: সেনা পাঠা, kind: verb, type: MOBILIZE, mode: troops, symmetric: false, to_other: HELP}\n",
        encoding="utf-8")
    with pytest.raises(LanguageDataError, match="to_other"):
        load_lexicon(str(src))


def test_a_verb_entry_carries_its_own_tense(coder: EventCoder) -> None:
    evs = [e for e in coder.code(article_from_text("আটক পাইলটকে ছেড়ে দেবে পাকিস্তান।", "2024-03-05"))
           if e.type == "RETREAT"]
    assert [e.status for e in evs] == ["planned"]
