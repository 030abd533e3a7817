"""One happening, one event: how the coder decides that a later telling in an
article retells an earlier one (``_merge_into``, ``_dedupe_same_sentence``,
``_fill`` in events/coder.py).

Every sentence here was written for this file, and every case but the guards
marked as such was checked to fail before its rule existed.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text

Row = tuple[str, str | None, list[str], list[str], list[str]]


def coded(coder: EventCoder, text: str, on: str = "2024-06-10") -> list[Row]:
    """Type, mode, actor and recipient names, and the trigger of every telling of each event."""
    return [(e.type, e.mode, [a.name_en or a.text for a in e.actors], [a.name_en or a.text for a in e.recipients],
             [x.trigger for x in e.evidence]) for e in coder.code(article_from_text(text, on))]


def triggers(rows: list[Row], etype: str) -> list[list[str]]:
    return [r[4] for r in rows if r[0] == etype]


def test_a_bare_retelling_goes_to_the_telling_built_on_its_noun(coder: EventCoder) -> None:
    # "বৈঠকটি" names nobody: it retells the leaders' meeting, not the officials' talks told last.
    got = coded(coder, "সোমবার দিল্লিতে নরেন্দ্র মোদি জাপানের প্রধানমন্ত্রী ফুমিও কিশিদার সঙ্গে বৈঠক করেন। "
                       "একই দিন দুই দেশের কর্মকর্তারাও বাণিজ্য নিয়ে আলোচনা করেন। "
                       "বৈঠকটি ফলপ্রসূ হয়েছে বলে জানিয়েছে দিল্লি।")
    assert triggers(got, "CONSULT") == [["বৈঠক", "বৈঠকটি"], ["আলোচনা"]]


def test_a_side_named_by_its_country_retells_the_meeting_of_its_leader(coder: EventCoder) -> None:
    # সাক্ষাতে জাপান ... ভারতের: the same meeting told by country; the event keeps the two leaders.
    got = coded(coder, "নরেন্দ্র মোদি টোকিওতে জাপানের প্রধানমন্ত্রী ফুমিও কিশিদার সঙ্গে সাক্ষাৎ করেছেন। "
                       "সাক্ষাতে জাপান ভারতের রেল প্রকল্পে বিনিয়োগের প্রস্তাব দেয়।")
    consult = [r for r in got if r[0] == "CONSULT"]
    assert consult == [("CONSULT", None, ["Narendra Modi"], ["Fumio Kishida"], ["সাক্ষাৎ", "সাক্ষাতে"])]


def test_a_demonstrative_may_name_the_people_of_the_countries_told(coder: EventCoder) -> None:
    # ওই বৈঠকে with the two ministers: the planned meeting of India and China, retold.
    got = coded(coder, "ভারত ও চীন আগামী মাসে বৈঠক করবে। ওই বৈঠকে জয়শঙ্কর শি জিনপিংকে সীমান্ত নিয়ে চাপ দেবেন।")
    assert triggers(got, "CONSULT") == [["বৈঠক", "বৈঠকে"]]


def test_new_people_where_countries_were_told_are_another_happening(coder: EventCoder) -> None:
    # Guard: without a demonstrative, two named people of the two countries are not
    # taken for the countries' talks told before (the other way round stands).
    got = coded(coder, "ভারত ও চীন সীমান্ত নিয়ে আলোচনা করেছে। জয়শঙ্কর ও শি জিনপিং বাণিজ্য নিয়ে আলোচনা করেছেন।")
    assert len(triggers(got, "CONSULT")) == 2


def test_a_later_telling_with_another_noun_naming_more_people_is_another_happening(coder: EventCoder) -> None:
    got = coded(coder, "জয়শঙ্কর দিল্লিতে আলোচনা করেছেন। জয়শঙ্কর শি জিনপিংয়ের সঙ্গে বৈঠক করেছেন।")
    assert triggers(got, "CONSULT") == [["আলোচনা"], ["বৈঠক"]]


def test_two_acts_of_one_sentence_each_with_its_verb(coder: EventCoder) -> None:
    got = coded(coder, "ইরান সিরিয়ায় সেনা পাঠিয়েছে এবং হিজবুল্লাহকে অস্ত্র সরবরাহ করছে।")
    assert [(r[3], r[4]) for r in got if r[0] == "AID"] == [(["Syria"], ["সেনা পাঠিয়েছে"]),
                                                          (["Hezbollah"], ["অস্ত্র সরবরাহ"])]


def test_a_relative_clause_or_a_pointer_after_the_verb_still_tells_the_same_act(coder: EventCoder) -> None:
    # Guards for the rule above: যার ... (of which) and এবং এতে (and in it) say more of the same act.
    got = coded(coder, "ইরান শনিবার রাতে ইসরায়েলে দুই শতাধিক ড্রোন ছোড়ে, যার প্রায় সবই ভূপাতিত করা হয়।")
    assert triggers(got, "ASSAULT") == [["ড্রোন ছোড়ে", "ভূপাতিত"]]
    got = coded(coder, "রাশিয়া কিয়েভে ড্রোন হামলা চালায় এবং এতে তিনজন নিহত হন।")
    assert triggers(got, "ASSAULT") == [["ড্রোন হামলা", "নিহত"]]


def test_a_meeting_on_the_sidelines_of_a_conference_is_its_own_event(coder: EventCoder) -> None:
    got = coded(coder, "জয়শঙ্কর জাকার্তায় পূর্ব এশিয়ার দেশগুলোর পররাষ্ট্রমন্ত্রীদের সম্মেলনের ফাঁকে "
                       "চীনের পররাষ্ট্রমন্ত্রী ওয়াং ইয়ের সঙ্গে বৈঠক করেছেন।")
    assert [(r[1], r[4]) for r in got if r[0] == "CONSULT"] == [("multilateral", ["সম্মেলনের"]), (None, ["বৈঠক"])]


def test_a_phone_call_after_a_meeting_is_another_contact(coder: EventCoder) -> None:
    got = coded(coder, "গত মার্চে ব্লিঙ্কেন ও ওয়াং ই বৈঠক করেন। এরপর তারা কয়েকবার ফোনে কথা বলেছেন।")
    assert [(r[1], r[4]) for r in got if r[0] == "CONSULT"] == [(None, ["বৈঠক"]), ("phone", ["ফোনে কথা বলেছেন"])]


def test_a_reply_in_kind_is_not_the_attack_retold(coder: EventCoder) -> None:
    # X on Y, then Y on X: a one-way act told the other way round is another act.
    got = coded(coder, "ইসরায়েল হামাসের ওপর বিমান হামলা চালিয়েছে। হামাসও ইসরায়েলের ওপর রকেট হামলা চালিয়েছে।")
    assert [(r[2], r[3]) for r in got if r[0] == "ASSAULT"] == [(["Israel"], ["Hamas"]), (["Hamas"], ["Israel"])]


def test_a_demonstrative_object_is_retold_whatever_the_day_of_its_clause(coder: EventCoder) -> None:
    # "আজ এই বৈঠককে ঐতিহাসিক আখ্যা দিয়েছে": today is the day of the praise, not of the meeting.
    got = coded(coder, "গতকাল রোববার নরেন্দ্র মোদি ফুমিও কিশিদার সঙ্গে বৈঠক করেন। "
                       "জাপানের সংবাদমাধ্যম আজ এই বৈঠককে ঐতিহাসিক আখ্যা দিয়েছে।")
    assert triggers(got, "CONSULT") == [["বৈঠক", "বৈঠককে"]]
