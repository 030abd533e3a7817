"""Participants of issue 5, session 26.

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.attribution import article_attributions
from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text
from events_args_helpers import events, names, sides


# -- "X বলে পুলিশ জানিয়েছে": the speaker stands between the complementizer and the verb

_CLASH = "শুক্রবার রাতে নোয়াখালীতে আওয়ামী লীগ ও বিএনপি সমর্থকদের মধ্যে সংঘর্ষে অন্তত তিনজন আহত হয়েছেন বলে পুলিশ জানিয়েছে।"


def test_the_names_before_the_complementizer_are_what_is_said_not_who_says_it() -> None:
    cited = article_attributions(article_from_text(_CLASH, "2024-05-02"))
    assert [(c.text, c.label) for c in cited] == [("পুলিশ", "~police")]


def test_a_named_speaker_after_the_complementizer_is_cited() -> None:
    # guard: the speaker is a name, between the complementizer and the verb
    text = "নির্বাচন পেছানো হবে না বলে প্রধান উপদেষ্টা মুহাম্মদ ইউনূস জানিয়েছেন।"
    cited = article_attributions(article_from_text(text, "2024-05-02"))
    assert [c.name_en for c in cited] == ["Muhammad Yunus"]


# -- a bare name before an inflected member noun: the body acts through its members

def test_the_supporters_of_two_parties_clash_as_the_two_parties(coder: EventCoder) -> None:
    (clash,) = events(coder, _CLASH, "ASSAULT")
    assert names(clash.actors + clash.recipients) == ["Bangladesh Awami League", "Bangladesh Nationalist Party"]


def test_a_bare_short_form_before_a_member_noun_is_the_body(coder: EventCoder) -> None:
    # the short form "বিএনপি" is bare: its full name ends otherwise, its short form is its base
    assert sides(coder, "মঙ্গলবার ছাত্রলীগের কর্মীরা বিএনপি সমর্থকদের ওপর হামলা চালান।", "ASSAULT")[1] == ["Bangladesh Nationalist Party"]


def test_a_bare_member_noun_before_a_name_is_a_title(coder: EventCoder) -> None:
    # guard: "বিএনপি নেতা X" is X, the party's leader
    (talk,) = events(coder, "বিএনপি নেতা মির্জা ফখরুল ইসলাম আলমগীর মার্কিন রাষ্ট্রদূতের সঙ্গে বৈঠক করেন।", "CONSULT")
    assert "Mirza Fakhrul Islam Alamgir" in names(talk.actors + talk.recipients)


# -- a protest lodged in the passive, announced by a minister, is his state's

def test_a_protest_announced_in_the_passive_is_lodged_by_the_ministers_state(coder: EventCoder) -> None:
    text = "পররাষ্ট্রমন্ত্রী হাছান মাহমুদ জানান, সীমান্তে গোলা পড়ার ঘটনায় মিয়ানমারের কাছে কড়া প্রতিবাদ জানানো হবে।"
    assert sides(coder, text, "ACCUSE") == (["Bangladesh"], ["Myanmar"])


def test_a_protest_the_minister_lodges_himself_stays_his(coder: EventCoder) -> None:
    # guard: active voice, the minister is the subject
    text = "পররাষ্ট্রমন্ত্রী হাছান মাহমুদ মিয়ানমারের রাষ্ট্রদূতের কাছে কড়া প্রতিবাদ জানান।"
    assert sides(coder, text, "ACCUSE")[0] == ["Hasan Mahmud"]


# -- a request the state will make, told by its minister, is the state's

def test_a_request_to_come_told_by_a_minister_stays_his_states(coder: EventCoder) -> None:
    text = ("পররাষ্ট্রমন্ত্রী হাছান মাহমুদ বৃহস্পতিবার সাংবাদিকদের সঙ্গে কথা বলেন। "
            "তিনি জানান, সীমান্ত পরিস্থিতি নিয়ে চীনকে আরও সক্রিয় হওয়ার অনুরোধ জানাবে বাংলাদেশ।")
    assert sides(coder, text, "REQUEST") == (["Bangladesh"], ["China"])


def test_a_pledge_told_by_a_leader_for_his_country_stays_his(coder: EventCoder) -> None:
    # guard: the saying is the pledge (said_is_done_types), so the leader pledges
    text = "জবাবে কিম জং উন বলেন, উত্তর কোরিয়া রাশিয়ার সব পদক্ষেপে পূর্ণ সমর্থন দেবে।"
    assert sides(coder, text, "SUPPORT")[0] == ["Kim Jong Un"]


# -- "তিনি" as the clause's subject beats a demonym that only qualifies a noun

def test_the_pronoun_subject_beats_a_demonym_qualifying_a_noun(coder: EventCoder) -> None:
    text = ("মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প বুধবার এক সমাবেশে বক্তব্য দেন। "
            "চীনা ইস্পাত কেনার কারণে ভিয়েতনামের পণ্যে নতুন শুল্ক আরোপের ঘোষণা দেন তিনি।")
    assert sides(coder, text, "SANCTION") == (["Donald Trump"], ["Vietnam"])


# -- the forces an act of mobilising moves are the doer's own (own_forces_types)

def test_the_owner_of_the_troops_deployed_in_the_passive_deploys_them(coder: EventCoder) -> None:
    text = "স্বরাষ্ট্র উপদেষ্টা জাহাঙ্গীর আলম চৌধুরী বলেছেন, টেকনাফ সীমান্তে বিজিবির বাড়তি সদস্য মোতায়েন করা হয়েছে।"
    (deployed,) = events(coder, text, "MOBILIZE")
    assert (names(deployed.actors), deployed.recipients) == (["Border Guard Bangladesh"], [])


def test_a_force_named_bare_in_the_passive_is_the_one_deployed_and_the_doer(coder: EventCoder) -> None:
    (deployed,) = events(coder, "নির্বাচনের আগে জেলায় জেলায় বিজিবি মোতায়েন করা হবে।", "MOBILIZE")
    assert (names(deployed.actors), deployed.recipients) == (["Border Guard Bangladesh"], [])


def test_a_countrys_own_army_is_not_the_other_party_of_its_deployment(coder: EventCoder) -> None:
    (sent,) = events(coder, "সীমান্তের কাছে আরও সৈন্য পাঠানোর পরিকল্পনা করছে উত্তর কোরিয়া।", "MOBILIZE")
    assert (names(sent.actors), sent.recipients) == (["North Korea"], [])


def test_a_deployment_against_another_country_keeps_it(coder: EventCoder) -> None:
    # guard: a country that is not the doer's own stays the other party
    assert sides(coder, "ইউক্রেনের বিরুদ্ধে সীমান্তে আরও সৈন্য মোতায়েন করেছে রাশিয়া।", "MOBILIZE")[0] == ["Russia"]


def test_the_event_type_lists_of_the_argument_cues_are_checked_on_load() -> None:
    # A misspelt type in an arguments.yaml type list is an error naming the file and the list.
    import pytest

    from ghotona.errors import LanguageDataError
    from ghotona.events.arguments import _event_types, load_cues

    assert "MOBILIZE" in load_cues().own_forces_types and "REQUEST" in load_cues().announced_for_state
    assert _event_types("own_forces_types", ("MOBILIZE",)) == frozenset({"MOBILIZE"})
    with pytest.raises(LanguageDataError, match=r"arguments\.yaml.*own_forces_types.*MOBILISE"):
        _event_types("own_forces_types", ("MOBILISE",))


# -- a pointing telling that gives the doer the first telling lacked is that happening

def test_the_claim_for_that_attack_gives_the_attack_its_doer(coder: EventCoder) -> None:
    text = ("গত বুধবার বেলুচিস্তানের কোয়েটায় এক বোমা হামলায় পাকিস্তান সেনাবাহিনীর ১২ জন সদস্য নিহত হন। "
            "বেলুচিস্তান লিবারেশন আর্মি ওই হামলার দায় স্বীকার করেছে।")
    (attack,) = events(coder, text, "ASSAULT")
    assert (names(attack.actors), names(attack.recipients)) == (["Balochistan Liberation Army"], ["Pakistan Army"])
    assert len(attack.evidence) >= 2


def test_another_attack_with_a_doer_of_its_own_stays_apart(coder: EventCoder) -> None:
    # guard: not a pointing telling ("আরেকটি হামলায়"), so another happening
    text = ("গত বুধবার কোয়েটায় এক বোমা হামলায় পাকিস্তান সেনাবাহিনীর ১২ জন সদস্য নিহত হন। "
            "পরদিন বেলুচিস্তান লিবারেশন আর্মি আরেকটি হামলা চালায়।")
    assert len(events(coder, text, "ASSAULT")) == 2


# -- the subject of a time clause told before the main subject is the time clause's

def test_the_subject_of_a_time_clause_before_the_main_subject_is_not_the_doer(coder: EventCoder) -> None:
    text = "মার্কিন পররাষ্ট্রমন্ত্রী অ্যান্টনি ব্লিঙ্কেন কায়রো পৌঁছানোর পরপরই ইরান এক বিবৃতিতে যুক্তরাষ্ট্রের তীব্র সমালোচনা করে।"
    assert sides(coder, text, "ACCUSE")[0] == ["Iran"]


def test_the_act_judged_keeps_the_time_clauses_subject(coder: EventCoder) -> None:
    # guard: the visit condemned is the one who landed's, not the condemner's
    text = ("মার্কিন স্পিকার ন্যান্সি পেলোসি বুধবার তাইওয়ান সফরে যান। "
            "পেলোসি তাইপে পৌঁছানোর পরপরই চীন সফরের তীব্র নিন্দা জানায়।")
    assert all("China" not in names(v.actors) for v in events(coder, text, "CONSULT"))


def test_one_subject_before_a_time_word_stays_the_doer(coder: EventCoder) -> None:
    # guard: no second subject after the subordinator, so the first is the main clause's
    text = "ইরান কায়রো বৈঠকের পর এক বিবৃতিতে যুক্তরাষ্ট্রের তীব্র সমালোচনা করে।"
    assert sides(coder, text, "ACCUSE")[0] == ["Iran"]


def test_a_missile_launch_is_a_show_of_force_and_firing_at_someone_an_attack(coder: EventCoder) -> None:
    assert sides(coder, "উত্তর কোরিয়া রোববার পূর্ব সাগরে একটি ব্যালিস্টিক ক্ষেপণাস্ত্র উৎক্ষেপণ করেছে।", "MOBILIZE")[0] == ["North Korea"]
    (fired,) = events(coder, "ইরান ইসরায়েলের দিকে শতাধিক ক্ষেপণাস্ত্র নিক্ষেপ করেছে।", "ASSAULT")
    assert (names(fired.actors), names(fired.recipients)) == (["Iran"], ["Israel"])


# -- a name matched exactly as a dictionary form is bare, whatever letter it ends in

def test_a_name_written_as_one_of_its_dictionary_forms_is_bare(coder: EventCoder) -> None:
    # "মিশর" (the dictionary's name is "মিসর") ends in র like a genitive, but it is the subject
    (offer,) = events(coder, "মিশর হামাসকে নতুন যুদ্ধবিরতির প্রস্তাব দিয়েছে।", "AGREE")
    assert (names(offer.actors), names(offer.recipients)) == (["Egypt"], ["Hamas"])


def test_rsf_is_known_by_its_short_form(coder: EventCoder) -> None:
    (backing,) = events(coder, "সংযুক্ত আরব আমিরাত আরএসএফকে অস্ত্র দিয়ে সমর্থন দিচ্ছে।", "SUPPORT")
    assert (names(backing.actors), names(backing.recipients)) == (["United Arab Emirates"], ["Rapid Support Forces"])


# -- one verb for two subject-object pairs (a gapped sentence) is two acts

def test_a_gapped_sentence_is_two_acts(coder: EventCoder) -> None:
    text = "রাশিয়া সিরিয়াকে এবং ইরান হিজবুল্লাহকে রাজনৈতিক সমর্থন দিয়েছে।"
    pairs = sorted((names(e.actors), names(e.recipients)) for e in events(coder, text, "SUPPORT"))
    assert pairs == [(["Iran"], ["Hezbollah"]), (["Russia"], ["Syria"])]


def test_what_a_gapped_sentence_is_said_to_tell_is_not_the_saying(coder: EventCoder) -> None:
    # guard: the pairs are the content of the accusation, not two accusations
    text = "রাশিয়া সিরিয়াকে এবং ইরান হিজবুল্লাহকে অস্ত্র দিচ্ছে বলে অভিযোগ করেছে যুক্তরাষ্ট্র।"
    assert len(events(coder, text, "ACCUSE")) == 1


# -- a count between a body's genitive and its member noun

def test_the_members_counted_after_a_body_are_the_body(coder: EventCoder) -> None:
    assert sides(coder, "পুলিশ বিএনপির অন্তত ২০০ নেতাকর্মীকে গ্রেপ্তার করেছে।", "COERCE")[1] == ["Bangladesh Nationalist Party"]


def test_an_act_to_be_stopped_is_what_is_asked_not_a_happening(coder: EventCoder) -> None:
    text = "পররাষ্ট্র উপদেষ্টা জানান, সীমান্ত হত্যা বন্ধে ভারতের প্রতি জোরালো আহ্বান জানানো হয়েছে।"
    assert events(coder, text, "ASSAULT") == []
    assert names(events(coder, text, "REQUEST")[0].recipients) == ["India"]


# -- a kinsman's genitive before a person only says who the person is

def test_whose_sister_she_is_takes_no_part(coder: EventCoder) -> None:
    text = "রোববার কিম জং উনের বোন কিম ইয়ো জং দক্ষিণ কোরিয়াকে হুমকি দিয়েছেন।"
    assert sides(coder, text, "THREATEN") == (["Kim Yo Jong"], ["South Korea"])


# -- a verb in the present progressive is a verb (grammar.yaml strong_endings: চ্ছে)

def test_what_is_said_in_the_progressive_before_the_complementizer_is_the_content(coder: EventCoder) -> None:
    text = "ইরান হুথিদের অস্ত্র দিচ্ছে বলে অভিযোগ করেছে সৌদি আরব।"
    assert sides(coder, text, "ACCUSE") == (["Saudi Arabia"], ["Iran"])


def test_keeping_on_is_no_plan(coder: EventCoder) -> None:
    (attacks,) = events(coder, "হুথিরা লোহিত সাগরে বাণিজ্যিক জাহাজে হামলা চালিয়ে যাচ্ছে।", "ASSAULT")
    assert attacks.status == "occurred"
    # guard: going on a visit is to come
    (visit,) = events(coder, "প্রধানমন্ত্রী শেখ হাসিনা আগামী মাসে ভারত সফরে যাচ্ছেন।", "CONSULT")
    assert visit.status == "planned"


# -- the ranker's other party named only in the sentence before must be a principal side

def test_a_name_of_the_sentence_before_is_no_other_party_of_an_act(coder: EventCoder) -> None:
    text = ("বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর বুধবার শেখ হাসিনার কড়া সমালোচনা করেন। "
            "২০১৪ সালের সংসদ নির্বাচন বর্জন করেছিল বিএনপি।")
    assert sides(coder, text, "PROTEST") == (["Bangladesh Nationalist Party"], [])


# -- a plural pronoun stands for the sides told before, but not the clause's own object

def test_they_congratulate_her_is_not_her_congratulating(coder: EventCoder) -> None:
    text = ("ঢাকায় চীনের রাষ্ট্রদূত ইয়াও ওয়েন ও ভারতের হাইকমিশনার প্রণয় ভার্মা সোমবার প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে সাক্ষাৎ করেন। "
            "তাঁরা নির্বাচনে জয়ের জন্য শেখ হাসিনাকে অভিনন্দন জানান।")
    assert sides(coder, text, "SUPPORT") == (["Pranay Verma", "Yao Wen"], ["Sheikh Hasina"])


# -- an act of state told in the passive with no doer is the article's country's (inferred)

def test_an_agentless_curfew_in_a_dated_report_is_the_home_states(coder: EventCoder) -> None:
    text = ("শ্রীনগর, ৫ আগস্ট — কাশ্মীরের বিশেষ মর্যাদা বাতিলের ঘোষণা দিয়েছে ভারত। "
            "মোবাইল ফোন ও ইন্টারনেট সংযোগ বন্ধ করে দেওয়া হয়েছে।")
    (shutdown,) = [e for e in events(coder, text, "COERCE") if "সংযোগ" in e.evidence[0].trigger]
    assert [(p.name_en, p.inferred) for p in shutdown.actors] == [("India", "home-government")]
    assert any("no doer" in w for w in shutdown.warnings)


def test_an_arrest_with_its_doer_told_keeps_it(coder: EventCoder) -> None:
    # guard: the doer is named, nothing is inferred
    text = "ঢাকা, ৫ আগস্ট — র‍্যাব রাজধানী থেকে চারজনকে গ্রেপ্তার করেছে।"
    (arrest,) = events(coder, text, "COERCE")
    assert [(p.name_en, p.inferred) for p in arrest.actors] == [("Rapid Action Battalion", None)]
