"""Participants of events (issue 5, round 7, real news): the subject of a passive arrest is the one
arrested; a person's genitive before a noun of killing or arrest is the one it is done to; a name
before a pronoun is no modifier; "us" in a quote is the speaker; a comma lists names; "তার মতে"
names whose view is told, not a subject.  Every sentence here is written
for these tests."""

from __future__ import annotations

from ghotona.events.coder import EventCoder

from events_args_helpers import events as _events, names as _names


def test_an_arrest_told_with_a_verb_of_being_has_its_subject_as_recipient(rules: EventCoder,
                                                                          ranked: EventCoder) -> None:
    # "Mirza Fakhrul was arrested in 2019": গ্রেপ্তার হন is told from the side of the one arrested.
    for coder in (rules, ranked):
        ev = _events(coder, "মির্জা ফখরুল ইসলাম আলমগীর ২০১৯ সালে গ্রেপ্তার হন।", "COERCE")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir"]


def test_a_pronoun_subject_of_a_passive_is_the_recipient(rules: EventCoder, ranked: EventCoder) -> None:
    # "He spoke at a rally on Monday. He was detained later" / "... he was freed on parole for six hours".
    lead = "মির্জা ফখরুল ইসলাম আলমগীর সোমবার জনসভায় বক্তব্য দেন। "
    for coder in (rules, ranked):
        ev = _events(coder, lead + "পরে তিনি আটক হন।", "COERCE")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir"]
        ev = _events(coder, lead + "ঢাকায় তার বাবার মৃত্যু হলে তাকে ৬ ঘণ্টার জন্য প্যারোলে মুক্তি দেওয়া হয়েছিল।",
                     "RETREAT")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir"]


def test_an_announced_passive_keeps_its_announcer(rules: EventCoder) -> None:
    # The boundary: "Rizvi said no new duty will be imposed on China's goods" -- a passive after a
    # verb of saying is the speaker's own act, so he is not moved to the other side.
    text = "রুহুল কবির রিজভী জানান, চীনের পণ্যে নতুন কোনো শুল্ক আরোপ করা হবে না।"
    for ev in _events(rules, text, "SANCTION"):
        assert "Ruhul Kabir Rizvi" not in _names(ev.recipients)


def test_a_person_genitive_before_a_killing_is_the_victim(rules: EventCoder, ranked: EventCoder) -> None:
    # "Protests broke out in Dhaka after the killing of Rizvi": রিজভীর হত্যাকাণ্ড is the killing OF him.
    text = "ইনকিলাব মঞ্চের নেতা রুহুল কবির রিজভীর হত্যাকাণ্ডের পর ঢাকায় বিক্ষোভ হয়।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "ASSAULT")
        assert ev and _names(ev[0].actors) == [] and _names(ev[0].recipients) == ["Ruhul Kabir Rizvi"]


def test_a_country_genitive_before_an_attack_is_still_the_doer(rules: EventCoder) -> None:
    # The boundary: "two died in Kyiv in Russia's attack" -- হামলা is no patient noun.
    ev = _events(rules, "রাশিয়ার হামলায় কিয়েভে দুজন নিহত হন।", "ASSAULT")
    assert ev and _names(ev[0].actors) == ["Russia"]


def test_a_name_before_a_pronoun_is_no_modifier(rules: EventCoder, ranked: EventCoder) -> None:
    # "Yunus had phoned me": the name before আমাকে is the subject, not a modifier of a noun.
    text = "মির্জা ফখরুল ইসলাম আলমগীর বলেন, প্রধান উপদেষ্টা ড. মুহাম্মদ ইউনূস আমাকে ফোন করেছিলেন।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "CONSULT")
        assert ev and _names(ev[0].actors) == ["Muhammad Yunus"]


def test_us_in_a_quote_is_the_speaker(rules: EventCoder, ranked: EventCoder) -> None:
    # "The BNP secretary general said Yunus had phoned us": আমাদেরকে is the party the outlet cites.
    text = "বিএনপি মহাসচিব বলেন, সরকারের প্রধান উপদেষ্টা ড. মুহাম্মদ ইউনূস আমাদেরকে ফোন করেছিলেন।"
    for coder in (rules, ranked):
        ev = _events(coder, text, "CONSULT")
        assert ev and _names(ev[0].actors) == ["Muhammad Yunus"]
        assert _names(ev[0].recipients) == ["Bangladesh Nationalist Party"]


def test_our_before_a_noun_is_no_party(rules: EventCoder) -> None:
    # The boundary: "Yunus met our party's leaders" -- আমাদের owns দলের, it is not the other side.
    text = "বিএনপি মহাসচিব বলেন, ড. মুহাম্মদ ইউনূস আমাদের দলের নেতাদের সঙ্গে বৈঠক করেছেন।"
    ev = _events(rules, text, "CONSULT")
    assert ev and "Bangladesh Nationalist Party" not in _names(ev[0].recipients)


def test_a_comma_lists_a_name_with_the_clause_subject(rules: EventCoder, ranked: EventCoder) -> None:
    # "Former minister Mirza Fakhrul, the party's spokesman Rizvi and some other leaders have
    # criticised the Awami League": the comma lists two doers, it opens no new clause.
    text = ("যদিও সাবেক মন্ত্রী মির্জা ফখরুল ইসলাম আলমগীর, দলের মুখপাত্র রুহুল কবির রিজভীসহ কয়েকজন নেতা "
            "বিভিন্ন সময়ে আওয়ামী লীগকে ইঙ্গিত করে কড়া সমালোচনা করেছেন।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and _names(ev[0].actors) == ["Mirza Fakhrul Islam Alamgir", "Ruhul Kabir Rizvi"]
        assert _names(ev[0].recipients) == ["Bangladesh Awami League"]


def test_a_comma_list_closed_by_a_marked_name_shares_its_case(rules: EventCoder) -> None:
    # "Cases were filed against Mirza Fakhrul, Rizvi and Sheikh Hasina": all three are accused.
    text = "এই সময়ে মির্জা ফখরুল ইসলাম আলমগীর, রুহুল কবির রিজভী ও শেখ হাসিনার বিরুদ্ধে দুর্নীতির মামলা হয়।"
    ev = _events(rules, text, "ACCUSE")
    assert ev and _names(ev[0].actors) == []
    assert _names(ev[0].recipients) == ["Mirza Fakhrul Islam Alamgir", "Ruhul Kabir Rizvi", "Sheikh Hasina"]


def test_a_speaker_before_a_comma_is_no_list(rules: EventCoder) -> None:
    # The boundary: "Rizvi said, Yunus criticised ..." -- a verb stands between the two names.
    text = "রুহুল কবির রিজভী বলেন, ড. মুহাম্মদ ইউনূস মঙ্গলবার আওয়ামী লীগের সমালোচনা করেন।"
    ev = _events(rules, text, "ACCUSE")
    assert ev and "Ruhul Kabir Rizvi" not in _names(ev[0].actors + ev[0].recipients)


def test_whose_view_is_told_is_no_subject(rules: EventCoder, ranked: EventCoder) -> None:
    # "Rizvi spoke at a rally. In his view, the graft charges against some BNP leaders have put the
    # party in trouble": তার মতে names whose opinion it is; he made no accusation.
    text = ("রুহুল কবির রিজভী সোমবার জনসভায় বক্তব্য দেন। তবে তার মতে, বিএনপির কিছু নেতার বিরুদ্ধে "
            "দুর্নীতির অভিযোগ দলটিকে বিপদে ফেলেছে।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "ACCUSE")
        assert ev and "Ruhul Kabir Rizvi" not in _names(ev[0].actors)


def test_a_pronoun_subject_still_accuses(rules: EventCoder) -> None:
    # The boundary: "Later he accused the Awami League of graft" -- তিনি is the subject.
    text = "রুহুল কবির রিজভী সোমবার জনসভায় বক্তব্য দেন। পরে তিনি আওয়ামী লীগের বিরুদ্ধে দুর্নীতির অভিযোগ করেন।"
    ev = _events(rules, text, "ACCUSE")
    assert ev and _names(ev[0].actors) == ["Ruhul Kabir Rizvi"]


def test_undergone_cues_are_checked_on_load() -> None:
    from ghotona.events.arguments import load_cues

    cues = load_cues()
    assert "COERCE" in cues.undergone_types and "হত্যাকাণ্ড" in cues.patient_nouns
    assert "আমাদেরকে" in cues.speaker_objects and "আমাদেরকে" in cues.oblique_pronouns
    assert "মতে" in cues.opinion_markers
