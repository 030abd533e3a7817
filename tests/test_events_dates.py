"""Event dates: which time expression dates a happening, and what a sentence
with no date of its own is tied to (data/events/grammar.yaml, ``dates``).

Every sentence here was written for this file, and every case was checked to
fail before its rule existed.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


def coded(coder: EventCoder, text: str, on: str) -> list[tuple[str, str, str | None, str]]:
    return [(e.type, e.status, e.date, e.date_how) for e in coder.code(article_from_text(text, on))]


def test_sentence_opening_link_takes_the_time_before(coder: EventCoder) -> None:
    # "এ সময়" (at this time): the appeal was made during yesterday's relief visit.
    got = coded(coder, "প্রধানমন্ত্রী গতকাল রোববার সিলেটে শরণার্থীদের মধ্যে ত্রাণ বিতরণ করেন। "
                       "এ সময় তিনি ভারতের প্রতি পানিবণ্টন চুক্তি সইয়ের আহ্বান জানান।", "2024-06-10")
    assert ("REQUEST", "occurred", "2024-06-09", "coreference") in got


def test_an_answer_happens_at_the_time_of_what_it_answers_and_is_background_with_it(coder: EventCoder) -> None:
    got = coded(coder, "গত মার্চে যুক্তরাষ্ট্র চীনা ইস্পাতে শুল্ক বসায়। "
                       "জবাবে মার্কিন সয়াবিনে পাল্টা শুল্ক আরোপ করে চীন।", "2024-06-10")
    assert got == [("SANCTION", "historical", "2024-03", "text"), ("SANCTION", "historical", "2024-03", "coreference")]


def test_after_that_moves_the_story_on(coder: EventCoder) -> None:
    # "এরপর" (after that) is no link to the same time: the text gives no date.
    got = coded(coder, "গত মার্চে যুক্তরাষ্ট্র চীনা ইস্পাতে শুল্ক বসায়। "
                       "এরপর চীন মার্কিন সয়াবিনে পাল্টা শুল্ক আরোপ করে।", "2024-06-10")
    assert got[1][2:] == ("2024-06-10", "publication-fallback")


def test_demonstrative_points_back_to_the_happening_and_its_date(coder: EventCoder) -> None:
    # "ওই হামলার দায়": it is that attack, with its date.  (Until session 26 the claimant, a new
    # participant, kept it apart; the attack told with no doer now takes him as its doer, one
    # event of two tellings: tests/test_events_args26.py.)
    text = ("গত ৩ মে কাশ্মীরে সেনা চৌকিতে হামলায় পাঁচ ভারতীয় সৈন্য নিহত হন। "
            "হিজবুল মুজাহিদিন ওই হামলার দায় স্বীকার করেছে।")
    assert coded(coder, text, "2024-06-10") == [("ASSAULT", "historical", "2024-05-03", "text")]
    (attack,) = coder.code(article_from_text(text, "2024-06-10"))
    assert len(attack.evidence) >= 2


def test_right_after_a_dated_happening(coder: EventCoder) -> None:
    # "হামলা শুরুর পরপরই": the happening the subordinate clause names dates the main one.
    got = coded(coder, "রাশিয়া বৃহস্পতিবার ভোরে ইউক্রেনে হামলা চালায়। "
                       "হামলা শুরুর পরপরই ইউক্রেন রাশিয়ার সঙ্গে কূটনৈতিক সম্পর্ক ছিন্ন করে।", "2024-02-25")
    assert ("SANCTION", "occurred", "2024-02-22", "coreference") in got


def test_after_an_undated_step_the_sentence_before_dates_it(coder: EventCoder) -> None:
    got = coded(coder, "গতকাল রোববার দুই জেলে নৌকা নিয়ে মিয়ানমারের জলসীমায় ঢোকেন। "
                       "নৌকা তীরে ভেড়ার পর মিয়ানমারের সীমান্তরক্ষীরা তাঁদের আটক করে।", "2024-06-10")
    assert got == [("COERCE", "occurred", "2024-06-09", "coreference")]


def test_a_span_is_dated_by_its_start(coder: EventCoder) -> None:
    got = coded(coder, "গতকাল শনিবার রাত থেকে আজ রোববার ভোর পর্যন্ত ইরান ইসরায়েলে হামলা চালিয়েছে।", "2024-04-14")
    assert got == [("ASSAULT", "occurred", "2024-04-13", "text")]


def test_a_running_total_up_to_now_has_no_day(coder: EventCoder) -> None:
    got = coded(coder, "শনিবার থেকে এ পর্যন্ত গাজায় ইসরায়েলি হামলায় অন্তত ৮০০ জন নিহত হয়েছেন।", "2024-03-12")
    assert got == [("ASSAULT", "occurred", "2024-03-12", "publication-fallback")]


def test_a_genitive_date_of_another_noun_does_not_date_the_event(coder: EventCoder) -> None:
    # Alleging fraud in Sunday's vote is not done on Sunday ...
    got = coded(coder, "রোববারের নির্বাচনে কারচুপির অভিযোগ তুলেছে বিরোধী দল বিএনপি।", "2024-03-12")
    assert got == [("ACCUSE", "occurred", "2024-03-12", "publication-fallback")]
    # ... but agreeing at Sunday's meeting is.
    got = coded(coder, "রোববারের বৈঠকে দুই দেশ বাণিজ্য বাড়াতে একমত হয়।", "2024-03-12")
    assert ("AGREE", "occurred", "2024-03-10", "text") in got


def test_the_main_clause_date_is_not_the_subordinate_happenings(coder: EventCoder) -> None:
    # The visit came before its news and before Thursday's warning.
    got = coded(coder, "সফরের খবর প্রকাশের পর গত বৃহস্পতিবার চীন যুক্তরাষ্ট্রকে হুঁশিয়ারি দেয়।", "2022-08-05")
    assert ("CONSULT", "occurred", "2022-08-05", "publication-fallback") in got
    assert ("THREATEN", "occurred", "2022-08-04", "text") in got


def test_the_day_a_plan_is_announced_is_not_its_day(coder: EventCoder) -> None:
    got = coded(coder, "আজ বুধবার উত্তর কোরিয়ার সেনাবাহিনী এক বিবৃতিতে জানিয়েছে, "
                       "সীমান্ত এলাকায় আবার সেনা মোতায়েন করা হবে।", "2020-06-17")
    assert got == [("MOBILIZE", "planned", None, "none")]


def test_no_carry_into_a_plan(coder: EventCoder) -> None:
    # A plan told after "এ সময়" is not dated by the visit it was announced at.
    got = coded(coder, "প্রধানমন্ত্রী গতকাল রোববার সিলেটে শরণার্থীদের মধ্যে ত্রাণ বিতরণ করেন। "
                       "এ সময় তিনি জানান, সরকার আগামী মাসে আরও ত্রাণ দেবে।", "2024-06-10")
    assert all(date != "2024-06-09" for typ, status, date, _ in got if status == "planned")
