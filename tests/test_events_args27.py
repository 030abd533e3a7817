"""Participants of issue 5, session 27.

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from events_args_helpers import events, names, sides


def trigger_event(coder: EventCoder, text: str, typ: str, word: str):  # type: ignore[no-untyped-def]
    """The one event of type ``typ`` whose trigger holds ``word``."""
    (event,) = [e for e in events(coder, text, typ) if word in e.evidence[0].trigger]
    return event


# -- an agentless act of state is done where the paragraph's doerless act before it was

_VALLEY = ("ইসলামাবাদ, ৮ আগস্ট — পাকিস্তান ভারতের সঙ্গে বাণিজ্য স্থগিত করেছে।\n\n"
           "এদিকে কাশ্মীর উপত্যকায় রোববার থেকে কারফিউ জারি রয়েছে। "
           "সেখানে কয়েক শ নেতা-কর্মীকে আটক করা হয়েছে।")


def test_an_agentless_arrest_after_a_curfew_in_the_valley_is_indias(coder: EventCoder) -> None:
    arrest = trigger_event(coder, _VALLEY, "COERCE", "আটক")
    assert [(p.name_en, p.inferred) for p in arrest.actors] == [("India", "home-government")]


def test_an_agentless_arrest_after_an_act_with_a_doer_keeps_the_home_state(coder: EventCoder) -> None:
    # guard: the army's place is the army's; the speaker's "we will not send back" is the home state's
    text = ("কক্সবাজার, ১৩ সেপ্টেম্বর — প্রধানমন্ত্রী বলেন, মিয়ানমারের সেনাবাহিনী রাখাইনে নির্যাতন চালাচ্ছে। "
            "কাউকে জোর করে ফেরত পাঠানো হবে না।")
    back = trigger_event(coder, text, "COERCE", "ফেরত")
    assert names(back.actors) == ["Bangladesh"]


# -- a phrase that names two countries at once (arguments.yaml named_pairs)

def test_the_two_koreas_agreeing_are_north_and_south_korea(coder: EventCoder) -> None:
    text = "পানমুনজম, ২৭ এপ্রিল — সীমান্তে উত্তেজনা কমাতে একসঙ্গে কাজ করতে একমত হয়েছে দুই কোরিয়া।"
    (deal,) = events(coder, text, "AGREE")
    assert sorted(names(deal.actors + deal.recipients)) == ["North Korea", "South Korea"]


def test_the_two_koreas_win_over_the_sides_told_before(coder: EventCoder) -> None:
    text = ("মার্কিন প্রেসিডেন্ট চীনের প্রেসিডেন্টের সঙ্গে বৈঠক করেছেন। "
            "এর আগে ২০১৮ সালে দুই কোরিয়া সীমান্তের চৌকি থেকে সেনা সরিয়ে নিয়েছিল।")
    (pullback,) = events(coder, text, "RETREAT")
    assert sorted(names(pullback.actors + pullback.recipients)) == ["North Korea", "South Korea"]


def test_every_named_pair_is_two_dictionary_countries() -> None:
    from ghotona.actors.dictionary import load_dictionary
    from ghotona.events.arguments import load_cues

    d = load_dictionary()
    pairs = load_cues().named_pairs
    assert pairs
    for phrase, ids in pairs:
        assert [getattr(d.get(i), "type", None) for i in ids] == ["country", "country"], phrase


# -- a deadline ("চলতি বছরের মধ্যেই") does not date what is told as done

def test_a_deadline_in_the_purpose_does_not_date_the_agreement(coder: EventCoder) -> None:
    text = ("ঢাকা, ২৮ এপ্রিল — চলতি বছরের মধ্যেই বাণিজ্য দ্বিগুণ করার লক্ষ্যে একসঙ্গে কাজ করতে "
            "একমত হয়েছে বাংলাদেশ ও ভারত।")
    (deal,) = events(coder, text, "AGREE")
    assert deal.date_how == "publication-fallback"


def test_a_deadline_still_dates_a_plan(coder: EventCoder) -> None:
    # guard: a plan to be done by the end of the year is dated by that year
    text = "ঢাকা, ২৮ এপ্রিল — চলতি বছরের মধ্যেই বাংলাদেশ ও ভারত একটি বাণিজ্য চুক্তি সই করবে।"
    (deal,) = events(coder, text, "SUPPORT")  # signing an agreement (triggers.yaml)
    assert (deal.status, deal.date_how) == ("planned", "text")


# -- a list of doers after the verb is one subject, and the ranker does not split it

def test_a_list_of_doers_after_the_verb_all_call_the_strike(coder: EventCoder) -> None:
    text = "খুলনা বিভাগে কাল বুধবার সকাল-সন্ধ্যা হরতাল ডেকেছে যুবদল, ছাত্রদল ও স্বেচ্ছাসেবক দল।"
    doers, others = sides(coder, text, "PROTEST")
    assert (sorted(doers), others) == (
        ["Jatiyatabadi Chhatra Dal", "Jatiyatabadi Jubo Dal", "Jatiyatabadi Swechchhasebak Dal"], [])


def test_a_name_after_the_comma_of_another_clause_is_not_the_subject(coder: EventCoder) -> None:
    # guard: a comma before a new clause with its own verb still closes the trigger's clause
    text = "বিএনপি হরতাল ডেকেছে, আওয়ামী লীগ তার বিরোধিতা করেছে।"
    assert sides(coder, text, "PROTEST")[0] == ["Bangladesh Nationalist Party"]


# -- a short form in brackets is the name's own

def test_two_bodies_joined_across_a_bracketed_aside_rally_together(coder: EventCoder) -> None:
    text = "নির্বাচনের দাবিতে জাতীয় নাগরিক পার্টি (ঢাকা মহানগর) ও বাংলাদেশ জামায়াতে ইসলামী শনিবার যৌথ সমাবেশ করে।"
    doers, others = sides(coder, text, "PROTEST")
    assert (sorted(doers), others) == (["Bangladesh Jamaat-e-Islami", "National Citizen Party"], [])


def test_a_tagged_name_leaves_its_bracketed_short_form_out() -> None:
    from ghotona.pipeline import article_from_text

    text = "বায়ুদূষণ কমানোর দাবিতে পরিবেশ বাঁচাও আন্দোলন (পবা) ও সুবন্ধন সামাজিক কল্যাণ সংগঠন শনিবার মানববন্ধন করে।"
    found = [m.text for m in article_from_text(text, "2024-03-10").actor_mentions if m.how == "ner"]
    assert found == ["পরিবেশ বাঁচাও আন্দোলন"]


# -- এবং with no verb before it joins two nouns of one clause

def _trigger_clause(text: str, trigger: str) -> str:
    from ghotona.events.coder import _clause
    from ghotona.events.grammar import load_grammar
    from ghotona.records import Token
    from ghotona.text.normalize import normalize
    from ghotona.text.segment import tokenize

    toks = [Token(t.start, t.end, normalize(t.text)) for t in tokenize(text, 0)]
    at = text.index(trigger)
    lo, hi = _clause(toks, at, at + len(trigger), load_grammar())
    return text[lo:hi].strip()


def test_a_cut_to_a_country_joined_by_ebong_to_another_is_one_clause() -> None:
    text = "আজ ভারতে পেঁয়াজ রপ্তানি এবং দেশটি থেকে কিছু সুতা আমদানি স্থগিত করেছে বাংলাদেশ।"
    assert _trigger_clause(text, "আমদানি স্থগিত").startswith("আজ ভারতে")


def test_ebong_after_an_object_in_ke_may_join_two_pairs() -> None:
    # guard: "মিশর X-কে এবং আমিরাত Y-কে সমর্থন দিচ্ছে" keeps its second pair's clause
    text = "মিশর সুদানের সেনাবাহিনীকে এবং আমিরাত আরএসএফকে সমর্থন দিচ্ছে।"
    assert _trigger_clause(text, "সমর্থন").startswith("আমিরাত")


def test_ebong_after_a_verb_still_closes_the_clause(coder: EventCoder) -> None:
    # guard: "X বন্ধ করেছে এবং ..." closes the first act's clause
    text = "পাকিস্তান সীমান্ত বন্ধ করেছে এবং ভারতে রপ্তানি স্থগিত করেছে চীন।"
    assert sides(coder, text, "SANCTION")[0] == ["China"]


# -- the genitive of the act's noun beside its subject is whom the act is done to

def test_a_capital_after_the_verb_criticises_the_genitive_before_it(coder: EventCoder) -> None:
    assert sides(coder, "মার্কিন প্রেসিডেন্টের সমালোচনা করেছে বেইজিং।", "ACCUSE") == (["China"], ["Joe Biden"])


def test_a_genitive_right_after_the_subject_is_not_listed_with_it(coder: EventCoder) -> None:
    assert sides(coder, "বেইজিং মার্কিন প্রেসিডেন্টের সমালোচনা করেছে।", "ACCUSE") == (["China"], ["Joe Biden"])


def test_a_genitive_owning_an_act_told_before_another_subject_is_not_its_object(coder: EventCoder) -> None:
    # guard: "X-এর হত্যাকাণ্ড ও ... প্রেক্ষাপটে দল Y সমঝোতায় সম্মত হয়েছে": the party is no doer
    # of the killing, which it does not come right after
    # (it fails when the subject need not stand right after the trigger's verb)
    text = ("নেতা বলেন, শরীফ ওসমান হাদির হত্যাকাণ্ড ও বদলে যাওয়া প্রেক্ষাপটে জাতীয় নাগরিক পার্টি "
            "জামায়াতে ইসলামীর সঙ্গে নির্বাচনী সমঝোতায় সম্মত হয়েছে।")
    for killing in events(coder, text, "ASSAULT"):
        assert "National Citizen Party" not in names(killing.actors)


def test_a_group_named_by_its_short_form_owns_the_camp_attacked(coder: EventCoder) -> None:
    # actors/organisations.yaml: জইশ is Jaish-e-Mohammed's short form
    text = "বুধবার ভোরে সীমান্তের ওপারে জইশের একটি ঘাঁটিতে বিমান হামলা চালায় ভারতীয় বিমানবাহিনী।"
    assert sides(coder, text, "ASSAULT") == (["Indian Air Force"], ["Jaish-e-Mohammed"])
