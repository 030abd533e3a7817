"""Participants of events (issue 5, round 6): a topic phrase after the clause's subject, an
accusation aimed at the subject of what it reports.  Every sentence here is written for these tests."""

from __future__ import annotations

from ghotona.events.coder import EventCoder

from events_args_helpers import events as _events, names as _names


def test_a_topic_phrase_after_the_subject_is_no_side(rules: EventCoder, ranked: EventCoder) -> None:
    # "The Security Council discussed the Sudan situation on Tuesday but could not agree on a
    # statement": the council is already the subject, so সুদান পরিস্থিতি নিয়ে is what it talked about.
    text = ("জাতিসংঘ নিরাপত্তা পরিষদ মঙ্গলবার রুদ্ধদ্বার বৈঠকে সুদান পরিস্থিতি নিয়ে আলোচনা করলেও "
            "কোনো বিবৃতির বিষয়ে একমত হতে পারেনি।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "AGREE")
        assert ev and _names(ev[0].actors) == ["United Nations Security Council"]
        assert _names(ev[0].recipients) == []


def test_bare_names_before_a_topic_phrase_with_no_subject_before_are_the_subject(rules: EventCoder) -> None:
    # The boundary: "India and China discussed the border": no subject stands before the list.
    ev = _events(rules, "ভারত ও চীন সীমান্ত নিয়ে বৃহস্পতিবার আলোচনা করেছে।", "CONSULT")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["China", "India"]


def test_an_accusation_is_aimed_at_the_subject_of_what_it_reports(rules: EventCoder, ranked: EventCoder) -> None:
    # "Misri alleged on Saturday that Pakistani forces had fired shells across the line": the
    # accusation is aimed at the doer the reported clause names.
    text = ("ভারতের পররাষ্ট্রসচিব বিক্রম মিশ্রি শনিবার অভিযোগ করেন, "
            "পাকিস্তানি বাহিনী বারবার যুদ্ধবিরতি লঙ্ঘন করে গোলা ছুড়েছে।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Vikram Misri"] and _names(ev[0].recipients) == ["Pakistan"]


def test_an_accusation_with_its_own_target_keeps_it(rules: EventCoder) -> None:
    # The boundary: "Rizvi accused the government of lying, and Pakistan ..." -- an accused named in
    # the trigger's own clause (সরকারের বিরুদ্ধে) is not replaced by the reported clause's subject.
    text = ("বিএনপির রুহুল কবির রিজভী রোববার আওয়ামী লীগের বিরুদ্ধে অভিযোগ করেন, "
            "ভারত নির্বাচনে হস্তক্ষেপ করেছে।")
    ev = _events(rules, text, "ACCUSE")
    assert ev and _names(ev[0].recipients) == ["Bangladesh Awami League"]


def test_aimed_at_reported_types_are_checked_on_load() -> None:
    # The key is a list of strings in arguments.yaml, validated with the rest of the file.
    from ghotona.events.arguments import load_cues

    assert "ACCUSE" in load_cues().aimed_at_reported
