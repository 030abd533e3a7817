"""Participants of events (issue 5, round 4): pronouns and pair nouns, hyphen-joined pairs in time
phrases, pronouns after the verb.  Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from ghotona.events.coder import EventCoder

from events_args_helpers import events as _events, names as _names


def test_two_countries_read_off_a_pair_noun_stand_against_the_ranker(ranked: EventCoder) -> None:
    # "Last year, on Putin's Minsk visit, the two countries signed an energy deal": the ranker sees
    # no pronoun and picked a side and the host's leader; the sides the rules read off দুই দেশ stand.
    text = ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মঙ্গলবার মিনস্কে বেলারুশের প্রেসিডেন্ট আলেক্সান্দর লুকাশেঙ্কোর "
            "সঙ্গে বৈঠক করেন। গত বছর পুতিনের মিনস্ক সফরে দুই দেশ একটি জ্বালানি চুক্তি স্বাক্ষর করে।")
    ev = _events(ranked, text, "SUPPORT")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Belarus", "Russia"]


def test_they_after_a_retold_meeting_are_its_two_sides(ranked: EventCoder) -> None:
    # "... met in Jakarta last month. That was their first meeting ... Since then they have also
    # talked by phone": তারা is the two ministers, not the leaders named in the sentence before
    # nor the country of the place they met in.
    text = ("ভারতের পররাষ্ট্রমন্ত্রী এস জয়শঙ্কর ও চীনের পররাষ্ট্রমন্ত্রী ওয়াং ই গত মাসে জাকার্তায় সাক্ষাৎ করেছিলেন। "
            "মোদি-সি সম্পর্কের টানাপোড়েনের পর সেটিই ছিল তাদের প্রথম বৈঠক। এরপর তারা কয়েকবার টেলিফোনেও কথা বলেছেন।")
    ev = _events(ranked, text, "CONSULT")
    assert len(ev) == 2
    for e in ev:
        assert _names(e.actors + e.recipients) == ["S. Jaishankar", "Wang Yi"]


def test_a_pair_noun_stands_for_what_was_told_before_it(ranked: EventCoder) -> None:
    # "After the meeting both leaders condemned North Korea's missile test": উভয় নেতা is the two
    # who met, not the sides of the test told later in the same sentence.
    text = ("জাপানের প্রধানমন্ত্রী ফুমিও কিশিদা সোমবার টোকিওতে দক্ষিণ কোরিয়ার প্রেসিডেন্ট ইউন সুক ইওলের সঙ্গে "
            "বৈঠক করেন। বৈঠক শেষে উভয় নেতা যৌথ বিবৃতিতে উত্তর কোরিয়ার ক্ষেপণাস্ত্র পরীক্ষার নিন্দা জানান।")
    ev = _events(ranked, text, "ACCUSE")
    assert ev and _names(ev[0].actors) == ["Fumio Kishida", "Yoon Suk Yeol"]
    assert "Japan" not in _names(ev[0].actors + ev[0].recipients)


def test_a_hyphen_joined_pair_in_a_time_phrase_takes_no_part(rules: EventCoder, ranked: EventCoder) -> None:
    # "Xi and Putin, ahead of the coming US-India summit, pledged ...": the US and India are the
    # sides of the summit, not of the pledge.
    text = ("চীনের প্রেসিডেন্ট সি চিন পিং ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন আসন্ন মার্কিন-ভারত শীর্ষ বৈঠকের আগে "
            "দুই দেশের বাণিজ্য বাড়ানোর অঙ্গীকার করেছেন।")
    for coder in (rules, ranked):
        ev = _events(coder, text, "AGREE")
        assert ev and _names(ev[0].actors + ev[0].recipients) == ["Vladimir Putin", "Xi Jinping"]


def test_a_hyphen_joined_pair_before_its_own_trigger_takes_part(rules: EventCoder) -> None:
    # "The Trump-Putin meeting was held in Helsinki": the pair is the meeting's (the boundary of
    # the rule above: a wider one dropping every hyphen-joined pair would fail here).
    ev = _events(rules, "ট্রাম্প-পুতিন বৈঠক বুধবার হেলসিঙ্কিতে অনুষ্ঠিত হয়েছে।", "CONSULT")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Donald Trump", "Vladimir Putin"]


def test_a_pronoun_after_the_verb_of_a_later_clause_is_its_doer(rules: EventCoder) -> None:
    # "Modi reached Dhaka ... On the first day, he announced a new loan to Bangladesh": তিনি
    # after the verb is the doer of the clause after the comma (Modi; since round 5 a loan to
    # another state is coded to his state, so the doer shows as India).
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি সোমবার দুই দিনের সফরে ঢাকায় পৌঁছেছেন। "
            "সফরের প্রথম দিনে, বাংলাদেশকে নতুন ঋণ দেওয়ার ঘোষণা দিয়েছেন তিনি।")
    ev = _events(rules, text, "AID")
    assert ev and _names(ev[0].actors) == ["India"]


def test_a_pair_subject_of_a_later_clause_beats_the_first_clauses_doer(rules: EventCoder) -> None:
    # "How many troops India would pull back, on that question the two sides did not agree": the
    # later clause has its own subject (দুই পক্ষ, the two who met), not India of the first clause.
    # (Since session 35 "দুই পক্ষ" names two leaders of two countries by their countries.)
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি শনিবার দিল্লিতে পাকিস্তানের প্রধানমন্ত্রী শাহবাজ শরিফের সঙ্গে বৈঠক করেন। "
            "কাশ্মীর থেকে ভারত কতটা সেনা সরাবে, সে প্রশ্নে দুই পক্ষ একমত হতে পারেনি।")
    ev = _events(rules, text, "AGREE")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["India", "Pakistan"]


def test_a_possessive_pronoun_in_a_later_clause_leaves_the_doer_shared(rules: EventCoder) -> None:
    # "... the North Korean side, for every aim and step of Russia's operation, voiced their full
    # support": তাদের (their) is the subject's own, not a subject of its own.
    text = "উত্তর কোরিয়া রাশিয়ার অভিযানের সব লক্ষ্য এবং পদক্ষেপে তাদের পূর্ণ সমর্থন ব্যক্ত করেছে।"
    ev = _events(rules, text, "SUPPORT")
    assert ev and _names(ev[0].actors) == ["North Korea"]


def test_a_pronoun_after_a_cited_sentence_is_who_it_told_of(rules: EventCoder) -> None:
    # "Kirby said, China's defence minister recently visited Pakistan. ... during his visit": তার
    # is the visitor the sentence told of, not the spokesman it cites.
    text = ("হোয়াইট হাউসের মুখপাত্র জন কিরবি বলেছেন, চীনের প্রতিরক্ষামন্ত্রী দং জুন সম্প্রতি পাকিস্তান সফর করেছেন। "
            "সেখানে নতুন ড্রোন প্রদর্শন করা হয়েছিল তার সফরের সময়।")
    ev = [e for e in _events(rules, text, "CONSULT") if any(v.trigger == "সফরের" for v in e.evidence)]
    assert ev and _names(ev[0].actors) == ["Dong Jun"]


def test_the_party_of_an_act_told_in_a_call_is_not_the_calls(ranked: EventCoder) -> None:
    # "Modi talked with Macron by phone. In the call Modi praised the peacekeepers": the call
    # (ফোনালাপে, the setting of the praise) keeps its two sides; the praised are the praise's.
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি মঙ্গলবার ফরাসি প্রেসিডেন্ট এমানুয়েল মাখোঁর সঙ্গে টেলিফোনে কথা বলেছেন। "
            "ফোনালাপে মোদি মালিতে জাতিসংঘ শান্তিরক্ষী বাহিনীর সৈন্যদের সাহসের প্রশংসা করেন।")
    call = _events(ranked, text, "CONSULT")
    assert len(call) == 1 and _names(call[0].actors + call[0].recipients) == ["Emmanuel Macron", "Narendra Modi"]
    praise = _events(ranked, text, "SUPPORT")
    assert praise and _names(praise[0].recipients) == ["United Nations Peacekeeping"]


def test_names_in_a_time_phrase_are_not_the_sides_of_the_act_after_it(rules: EventCoder) -> None:
    # "Two days before the meeting between Biden and Xi in San Francisco, this call took place
    # between them": Biden and Xi belong to the meeting; তাদের (the two who talked) to the call.
    text = ("জাপানের প্রধানমন্ত্রী ফুমিও কিশিদা মঙ্গলবার দক্ষিণ কোরিয়ার প্রেসিডেন্ট ইউন সুক ইওলের সঙ্গে টেলিফোনে কথা বলেন। "
            "জো বাইডেন ও সি চিন পিংয়ের মধ্যে সান ফ্রান্সিসকোতে বৈঠকের দুই দিন আগে তাদের মধ্যে এই ফোনালাপ হলো।")
    calls = [e for e in _events(rules, text, "CONSULT") if e.mode == "phone"]
    assert len(calls) == 1
    assert _names(calls[0].actors + calls[0].recipients) == ["Fumio Kishida", "Yoon Suk Yeol"]


def test_quantity_words_after_a_name_leave_it_the_subject(rules: EventCoder) -> None:
    # "North Korea sent thousands of troops and ammunition", "Israel freed about 300 prisoners":
    # হাজার and প্রায় end like inflected nouns, but the name before them is the subject.
    ev = _events(rules, "উত্তর কোরিয়া হাজার হাজার সেনা ও গোলাবারুদ পাঠিয়েছে।", "AID")
    assert ev and _names(ev[0].actors) == ["North Korea"]
    ev = _events(rules, "ইসরায়েল প্রায় ৩০০ বন্দিকে মুক্তি দিয়েছে।", "RETREAT")
    assert ev and _names(ev[0].actors) == ["Israel"]


def test_quantity_cues_load() -> None:
    from ghotona.events.arguments import load_cues

    assert "হাজার" in load_cues().quantities and "আগে" in load_cues().time_phrase_ends


@pytest.mark.parametrize("appeal", ["সংযম দেখানোর আহ্বান জানিয়েছেন।", "সংযম দেখানোর এবং আলোচনায় বসার আহ্বান জানিয়েছেন।"])
def test_a_pair_noun_in_the_accusative_is_the_other_party(rules: EventCoder, ranked: EventCoder, appeal: str) -> None:
    # "Guterres called on the two countries to show restraint (and to talk)": দুই দেশকে is the two
    # sides of the clash told before, also when the appeal's verb is in a later clause.
    text = ("সোমবার সীমান্তে আর্মেনিয়া ও আজারবাইজানের সেনাদের মধ্যে সংঘর্ষ হয়েছে। "
            "জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস মঙ্গলবার দুই দেশকে " + appeal)
    for coder in (rules, ranked):
        ev = _events(coder, text, "REQUEST")
        assert ev and _names(ev[0].recipients) == ["Armenia", "Azerbaijan"]


def test_a_subject_shell_is_not_the_name_its_sentence_accuses(rules: EventCoder) -> None:
    # "Jatiya Party leaders met ... The party accused the BNP of inciting violence": দলটি is the
    # party told before, not the BNP marked by বিরুদ্ধে in its own sentence.
    text = "বুধবার ঢাকায় জাতীয় পার্টির নেতারা বৈঠক করেন। বিএনপির বিরুদ্ধে সহিংসতায় উসকানির অভিযোগ করেছে দলটি।"
    ev = _events(rules, text, "ACCUSE")
    assert ev and _names(ev[0].actors) == ["Jatiya Party (Ershad)"]
    assert _names(ev[0].recipients) == ["Bangladesh Nationalist Party"]


def test_a_pair_noun_after_an_appeal_to_two_is_those_two(rules: EventCoder) -> None:
    # "... Guterres called on the two countries ... Analysts fear a war may break out between the
    # two neighbours": দুই প্রতিবেশী is the two appealed to, not them and the one who appealed.
    text = ("সোমবার সীমান্তে আর্মেনিয়া ও আজারবাইজানের সেনাদের মধ্যে সংঘর্ষ হয়েছে। জাতিসংঘ মহাসচিব আন্তোনিও "
            "গুতেরেস মঙ্গলবার দুই দেশকে সংযম দেখানোর আহ্বান জানিয়েছেন। বিশ্লেষকদের আশঙ্কা, দুই প্রতিবেশীর মধ্যে "
            "পুরোদস্তুর যুদ্ধ বেধে যেতে পারে।")
    ev = [e for e in _events(rules, text, "ASSAULT") if e.status == "hypothetical"]
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Armenia", "Azerbaijan"]


def test_a_leader_pledging_for_his_own_country_is_the_one_who_pledges(ranked: EventCoder) -> None:
    # "In reply Lukashenko said Belarus will fully support all of Russia's steps": the pledge is
    # made by saying it, so its maker is the leader who said it (SUPPORT is a speech act).
    text = ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মঙ্গলবার বেলারুশের প্রেসিডেন্ট আলেক্সান্দর লুকাশেঙ্কোর সঙ্গে "
            "টেলিফোনে কথা বলেন। জবাবে লুকাশেঙ্কো বলেন, বেলারুশ রাশিয়ার সব পদক্ষেপে পূর্ণ সমর্থন দেবে।")
    ev = _events(ranked, text, "SUPPORT")
    assert ev and _names(ev[0].actors) == ["Alexander Lukashenko"] and _names(ev[0].recipients) == ["Russia"]


def test_a_leader_reporting_another_countrys_act_is_only_its_source(ranked: EventCoder) -> None:
    # "Lukashenko said Russia will give full support to Belarus": not his own country, so Russia.
    text = "বেলারুশের প্রেসিডেন্ট আলেক্সান্দর লুকাশেঙ্কো বলেন, রাশিয়া বেলারুশকে পূর্ণ সমর্থন দেবে।"
    ev = _events(ranked, text, "SUPPORT")
    assert ev and _names(ev[0].actors) == ["Russia"]


def test_a_body_named_with_the_body_it_is_a_branch_of_is_one_party(ranked: EventCoder) -> None:
    # "Hamas's armed wing, the Qassam Brigades, threatened ...": Hamas only says whose wing it is;
    # it is neither a second doer nor the one threatened.
    text = "হামাসের সশস্ত্র শাখা কাসেম ব্রিগেড সোমবার হুমকি দিয়েছে, গাজায় স্থল অভিযান শুরু হলে তারা কঠোর জবাব দেবে।"
    ev = _events(ranked, text, "THREATEN")
    assert ev and _names(ev[0].actors) == ["Izz ad-Din al-Qassam Brigades"]
    assert "Hamas" not in _names(ev[0].recipients)


def test_they_in_what_a_body_says_is_that_body(ranked: EventCoder) -> None:
    # "India's army said they will hold a large exercise in Ladakh next week": তারা is the army
    # that says so, not the two sides of the clash told before.
    text = ("সোমবার ভারত ও চীনের সেনাদের মধ্যে সীমান্তে সংঘর্ষ হয়েছে। "
            "ভারতীয় সেনাবাহিনী জানিয়েছে, আগামী সপ্তাহে লাদাখে বড় মহড়া চালাবে তারা।")
    ev = _events(ranked, text, "MOBILIZE")
    assert ev and _names(ev[0].actors) == ["Indian Army"]
