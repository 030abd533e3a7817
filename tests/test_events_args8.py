"""Participants of events on real news (issue 5, round 8): a name inside a compound adjective
("শেখ হাসিনা নেতৃত্বাধীন", "বিএনপি মনোনীত") takes no part and is no antecedent, and one before বিরোধী
right before the trigger is what the act is against; a bare office ("প্রধান উপদেষ্টা") is its
holder on the article's date; a দেশটি after a country's office is that country; "X-এর শাসনে"
names no participant; "আটক ও কারাবরণ করেন" is told from the side of the one arrested; names the
dictionary lacked.  Every sentence here is written for these tests."""

from __future__ import annotations

from ghotona.events.coder import EventCoder

from events_args_helpers import events as _events, names as _names


def test_a_name_in_a_compound_adjective_is_no_antecedent(rules: EventCoder, ranked: EventCoder) -> None:
    # "Khaleda Zia spoke at a rally in Dhaka in 2018, under the Hasina-led government. Later she
    # was arrested": তাকে is Khaleda Zia, not the name inside "শেখ হাসিনা নেতৃত্বাধীন".
    text = ("খালেদা জিয়া ২০১৮ সালে শেখ হাসিনা নেতৃত্বাধীন সরকারের সময় ঢাকায় এক সমাবেশে বক্তব্য দেন। "
            "পরে তাকে গ্রেপ্তার করা হয়।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "COERCE")
        assert ev and _names(ev[0].recipients) == ["Khaleda Zia"]


def test_a_name_in_a_compound_adjective_is_no_subject(rules: EventCoder, ranked: EventCoder) -> None:
    # "Nahid Islam, a leader of the 2024 anti-Hasina movement, posted on Facebook on Monday. He
    # accused Mirza Fakhrul of corruption": তিনি is the sentence's subject, not the name in the compound.
    text = ("২০২৪ সালের শেখ হাসিনা বিরোধী আন্দোলনের নেতা নাহিদ ইসলাম সোমবার ফেসবুকে পোস্ট দেন। "
            "তিনি মির্জা ফখরুল ইসলাম আলমগীরের বিরুদ্ধে দুর্নীতির অভিযোগ করেন।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Nahid Islam"]
        assert _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir"]


def test_a_name_before_birodhi_right_before_a_protest_is_its_target(rules: EventCoder,
                                                                   ranked: EventCoder) -> None:
    # "An anti-Hasina protest was held in Dhaka on Tuesday": Hasina is protested against.
    for coder in (rules, ranked):
        ev = _events(coder, "মঙ্গলবার ঢাকায় শেখ হাসিনা বিরোধী বিক্ষোভ হয়।", "PROTEST")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Sheikh Hasina"]


def test_a_name_before_the_opposition_is_still_the_subject(rules: EventCoder, ranked: EventCoder) -> None:
    # The boundary: "Hasina met the opposition's leaders on Sunday" -- বিরোধী দল is the opposition
    # party (arguments.yaml modifier_phrases), so the name before বিরোধী keeps its role.
    for coder in (rules, ranked):
        ev = _events(coder, "শেখ হাসিনা রোববার বিরোধী দলের নেতাদের সঙ্গে বৈঠক করেন।", "CONSULT")
        assert ev and "Sheikh Hasina" in _names(ev[0].actors + ev[0].recipients)
        ev = _events(coder, "প্রধানমন্ত্রী শেখ হাসিনা বিরোধী দলের নেতাদের সঙ্গে বৈঠক করেন।", "CONSULT")
        assert ev and "Sheikh Hasina" in _names(ev[0].actors + ev[0].recipients)


def test_a_bare_name_before_another_word_is_still_the_subject(rules: EventCoder, ranked: EventCoder) -> None:
    # The boundary: "Hasina accused Mirza Fakhrul on Monday" -- a bare name before a word
    # that is no compound adjective is the subject as before.
    for coder in (rules, ranked):
        ev = _events(coder, "শেখ হাসিনা সোমবার মির্জা ফখরুল ইসলাম আলমগীরের বিরুদ্ধে অভিযোগ করেন।", "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Sheikh Hasina"]


# -- bare offices (roles.yaml bare_offices; actors.link.bare_office_mentions) ------------------


def test_a_bare_office_is_its_holder_on_the_article_date(rules: EventCoder, ranked: EventCoder) -> None:
    # "The chief adviser called on the people to stay calm on Monday": প্রধান উপদেষ্টা with no
    # modifier can only be Bangladesh's, held on 2025-12-30 by Muhammad Yunus.
    text = "প্রধান উপদেষ্টা সোমবার দেশবাসীকে শান্ত থাকার আহ্বান জানান।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "REQUEST", on="2025-12-30")
        assert ev and _names(ev[0].actors) == ["Muhammad Yunus"]
        # the boundary: in 2023 nobody held the office, so nobody is read into it
        ev = _events(coder, text, "REQUEST", on="2023-03-01")
        assert ev and _names(ev[0].actors) == []


def test_a_bare_office_in_the_object_case_is_the_recipient(ranked: EventCoder) -> None:
    # "Mirza Fakhrul thanked the chief adviser for the help".
    ev = _events(ranked, "মির্জা ফখরুল ইসলাম আলমগীর সহায়তার জন্য প্রধান উপদেষ্টাকে ধন্যবাদ জানান।", "SUPPORT",
                 on="2025-12-30")
    assert ev and _names(ev[0].recipients) == ["Muhammad Yunus"]


def test_bare_office_mentions_leave_qualified_modified_and_shared_phrases_alone() -> None:
    from datetime import date

    from ghotona.actors.link import bare_office_mentions, find_actors

    on = date(2025, 12, 30)

    def found(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.name_en) for m in bare_office_mentions(text, on, find_actors(text, on))]

    assert found("স্বরাষ্ট্র উপদেষ্টা জানান, সীমান্তে টহল বাড়ানো হয়েছে।") == [("স্বরাষ্ট্র উপদেষ্টা", "Jahangir Alam Chowdhury")]
    assert found("সাবেক প্রধান উপদেষ্টা বক্তব্য দেন।") == []  # a qualifier: not the holder now
    assert found("প্রধান উপদেষ্টার কার্যালয় বিবৃতি দেয়।") == []  # inside an office's name
    assert found("তিনি প্রধান উপদেষ্টা পদে আছেন।") == []  # a blocker: the post, not its holder
    assert found("উপদেষ্টা বলেন, কাজ চলছে।") == []  # every adviser: no single office
    assert bare_office_mentions("প্রধান উপদেষ্টা বলেন।", None) == []  # no date, no holder


def test_a_bare_office_held_of_two_countries_is_an_error_naming_file_and_line(tmp_path) -> None:
    import pytest

    from ghotona.actors.dictionary import load_dictionary
    from ghotona.errors import LanguageDataError

    path = tmp_path / "mine.yaml"
    path.write_text("- id: gh:test-adviser\n  type: person\n  name_en: Test Adviser\n  name_bn: পরীক্ষা উপদেষ্টা\n  aliases: []\n"
                    "  country: US\n  roles:\n    - {role: chief_adviser, of: US, from: 2020-01-01, to: null}\n",
                    encoding="utf-8")
    with pytest.raises(LanguageDataError) as info:
        load_dictionary(extra_files=[path])
    assert info.value.path == str(path) and "bare_offices" in str(info.value) and "line" in str(info.value)


# -- shells and offices, names the dictionary now has --------------------------------------


def test_a_shell_after_a_country_office_is_that_country(rules: EventCoder, ranked: EventCoder) -> None:
    # "There were talks on Gaza in Qatar. Egypt's president spoke there. Later the country announced
    # military aid to Sudan": দেশটি is Egypt, named inside "মিশরের প্রেসিডেন্ট", not Qatar.
    text = ("গাজা নিয়ে কাতারে আলোচনা হয়। সেখানে মিশরের প্রেসিডেন্ট বক্তব্য দেন। "
            "পরে দেশটি সুদানকে সামরিক সহায়তা দেওয়ার ঘোষণা দেয়।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "AID", on="2025-06-01")
        assert ev and _names(ev[0].actors) == ["Egypt"]


def test_under_whose_rule_is_no_participant(ranked: EventCoder) -> None:
    # "Rwanda's relations with Congo are bad. Under President Kagame's rule the country helps the
    # M23 rebels with money and training": the ruler named in "X-এর শাসনে" says when, and is not
    # whom the aid goes to (grammar.yaml naming_heads).
    text = ("রুয়ান্ডা ও কঙ্গোর সম্পর্ক খারাপ। রুয়ান্ডার প্রেসিডেন্ট পল কাগামের শাসনে দেশটি এম২৩ বিদ্রোহীদের "
            "অর্থ ও প্রশিক্ষণ দিয়ে সহায়তা করছে।")
    ev = _events(ranked, text, "AID", on="2025-06-01")
    assert ev and _names(ev[0].actors) == ["Rwanda"] and _names(ev[0].recipients) == ["March 23 Movement"]


def test_abdul_kader_is_not_obaidul_quader() -> None:
    # The student coordinator was fuzzy-matched to the Awami League's general secretary.
    from datetime import date

    from ghotona.actors.link import find_actors

    found = find_actors("আব্দুল কাদের ফেসবুকে পোস্ট দেন।", date(2025, 12, 30))
    assert [(m.text, m.name_en) for m in found][:1] == [("আব্দুল কাদের", "Abdul Kader")]


def test_an_arrest_joined_to_going_to_prison_has_its_subject_as_recipient(rules: EventCoder,
                                                                         ranked: EventCoder) -> None:
    # "Mirza Fakhrul was arrested and jailed in 2019": গ্রেপ্তার ও কারাবরণ করেন tells the arrest from
    # the side of the one arrested, as গ্রেপ্তার হন does (arguments.yaml undergone_nouns).
    for coder in (rules, ranked):
        ev = _events(coder, "মির্জা ফখরুল ইসলাম আলমগীর ২০১৯ সালে গ্রেপ্তার ও কারাবরণ করেন।", "COERCE")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir"]
