"""Sides inferred for happenings told bare, and the rest of issue 5, session 25.

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text
from events_args_helpers import events as typed


_ON = "2025-05-10"


def _coded(coder: EventCoder, text: str):
    """Every event of a written article, dated _ON."""
    return coder.code(article_from_text(text, _ON))


# -- a happening between equals told with no party: the article's two principal countries

_BORDER = ("নয়াদিল্লি, ১০ মে — সীমান্তে কয়েক দিনের গোলাগুলির পর ভারত ও পাকিস্তানের উত্তেজনা চরমে ওঠে। "
           "ভারত পাকিস্তানের কয়েকটি ঘাঁটিতে ক্ষেপণাস্ত্র ছোড়ে। পাকিস্তানও ভারতের সীমান্তচৌকিতে গোলা ছোড়ে। ")


def test_a_truce_told_bare_is_between_the_articles_two_countries(coder: EventCoder) -> None:
    events = _coded(coder, _BORDER + "শনিবার সন্ধ্যা ছয়টা থেকে যুদ্ধবিরতি কার্যকর হয়েছে।")
    (truce,) = [e for e in events if e.type == "RETREAT"]
    assert sorted((p.name_en, p.inferred) for p in truce.actors) == [
        ("India", "principal-sides"), ("Pakistan", "principal-sides")]
    assert any("principal countries" in w for w in truce.warnings)


def test_a_happening_with_a_named_party_keeps_it(coder: EventCoder) -> None:
    # guard: the text names who met
    events = _coded(coder, _BORDER + "শনিবার ভারত ও পাকিস্তানের সামরিক কর্মকর্তারা হটলাইনে কথা বলেন।")
    assert all(p.inferred is None for e in events for p in e.actors + e.recipients)


def test_a_one_way_act_told_bare_takes_no_sides(coder: EventCoder) -> None:
    # guard: an attack told with no doer is not given one: who struck whom is not a pair of equals
    events = _coded(coder, _BORDER + "রাতে সীমান্তের একটি গ্রামে হামলা হয়েছে।")
    assert not [p for e in events for p in e.actors + e.recipients if p.inferred]


def test_an_article_about_two_parties_leaves_a_bare_meeting_alone(coder: EventCoder) -> None:
    # two parties are not two states: a meeting told bare is as often one party's own forum
    text = ("ঢাকা, ১০ মে — বিএনপি ও জামায়াতের মধ্যে আসন ভাগাভাগি নিয়ে টানাপোড়েন চলছে। বিএনপি জামায়াতের দাবি নাকচ করেছে। "
            "জামায়াত বিএনপির সমালোচনা করেছে। শনিবার রাতে দলীয় ফোরামে দীর্ঘ আলোচনা হয়েছে।")
    talks = typed(coder, text, "CONSULT", _ON)
    assert talks and not [p for e in talks for p in e.actors + e.recipients if p.inferred]


# -- an organisation named in full, then by its head noun alone

def test_the_council_named_again_by_its_head_noun_warns(coder: EventCoder) -> None:
    text = ("সিউল, ১৭ জুন — দক্ষিণ কোরিয়ার জাতীয় নিরাপত্তা পরিষদ আজ জরুরি বৈঠকে বসে। "
            "পরিষদ হুঁশিয়ারি দিয়েছে, উত্তর কোরিয়া উসকানি চালিয়ে গেলে কঠোর জবাব দেওয়া হবে।")
    (threat,) = typed(coder, text, "THREATEN", _ON)
    assert [p.name_en for p in threat.actors] == ["National Security Council (South Korea)"]


def test_the_commission_named_again_is_the_one_that_rejects(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — নির্বাচন কমিশন গতকাল তফসিল ঘোষণা করে। কমিশন বিএনপির অভিযোগ নাকচ করেছে।"
    (rejected,) = typed(coder, text, "REJECT", _ON)
    assert [p.name_en for p in rejected.actors] == ["Bangladesh Election Commission"]
    assert [p.name_en for p in rejected.recipients] == ["Bangladesh Nationalist Party"]


def test_a_head_noun_inside_another_name_is_not_the_first_body(coder: EventCoder) -> None:
    # guard: "নারী অধিকার কমিশন" is another commission; its কমিশন does not open a clause
    text = ("ঢাকা, ১০ মে — নির্বাচন কমিশন গতকাল তফসিল ঘোষণা করে। "
            "এদিকে নারী অধিকার কমিশন সরকারের সমালোচনা করেছে।")
    coded = _coded(coder, text)
    assert "Bangladesh Election Commission" not in [
        p.name_en for e in coded if e.type == "ACCUSE" for p in e.actors + e.recipients]


# -- what a deal is to end is its topic; a meeting is the setting of the act it failed at

_SUMMIT = "জেনেভা, ১৬ আগস্ট — দুই দিনের শীর্ষ বৈঠকেও ইউক্রেন যুদ্ধ বন্ধে কোনো চুক্তিতে পৌঁছাতে পারেনি রাশিয়া ও যুক্তরাষ্ট্র।"


def test_the_war_a_deal_is_to_end_takes_no_part_in_it(coder: EventCoder) -> None:
    (deal,) = [e for e in _coded(coder, _SUMMIT) if e.type == "AGREE"]
    assert sorted(p.name_en for p in deal.actors + deal.recipients) == ["Russia", "United States"]
    assert deal.status == "negated"


def test_a_summit_where_no_deal_was_reached_took_place(coder: EventCoder) -> None:
    (summit,) = [e for e in _coded(coder, _SUMMIT) if e.type == "CONSULT"]
    assert summit.status == "occurred"


def test_a_meeting_not_held_is_still_negated(coder: EventCoder) -> None:
    # guard: the meeting's own light verb is negated; no other act is told in it
    text = "ঢাকা, ১৬ আগস্ট — প্রধানমন্ত্রীর সঙ্গে বৈঠকে বসেননি বিএনপির নেতারা।"
    (meeting,) = typed(coder, text, "CONSULT", _ON)
    assert meeting.status == "negated"


# -- a noun declared (ক্ষমা ঘোষণা, হরতাল ঘোষণা): the one who declares it does it

def test_whoever_declares_an_amnesty_grants_it(coder: EventCoder) -> None:
    text = "ইয়াঙ্গুন, ১৯ অক্টোবর — মিয়ানমারের সামরিক জান্তা বন্দীদের জন্য সাধারণ ক্ষমা ঘোষণা করেছে।"
    (amnesty,) = typed(coder, text, "CONCEDE", _ON)
    assert [p.name_en for p in amnesty.actors] == ["Myanmar Armed Forces"]


def test_whoever_declares_a_strike_strikes(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — বিএনপি আগামী রোববার সারা দেশে হরতাল ঘোষণা করেছে।"
    (strike,) = typed(coder, text, "PROTEST", _ON)
    assert [p.name_en for p in strike.actors] == ["Bangladesh Nationalist Party"]


def test_a_truce_declared_is_the_declarers(coder: EventCoder) -> None:
    # the trigger's own last word is the declaring (যুদ্ধবিরতি ঘোষণা)
    text = "ইসলামাবাদ, ১০ মে — পাকিস্তান একতরফা যুদ্ধবিরতি ঘোষণা করেছে।"
    (truce,) = typed(coder, text, "CONCEDE", _ON)
    assert [p.name_en for p in truce.actors] == ["Pakistan"]


# -- a when-clause is another happening's

def test_names_of_a_when_clause_take_no_part_in_the_main_clauses_event(coder: EventCoder) -> None:
    text = ("কুয়ালালামপুর, ১০ জুলাই — মার্কিন পররাষ্ট্রমন্ত্রী মার্কো রুবিও আজ আসিয়ানের বৈঠকে যোগ দিয়েছেন। "
            "রুবিওর এশিয়া সফর এমন এক সময়ে হলো যখন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প বহু দেশের পণ্যে শুল্ক আরোপের হুমকি দিয়েছেন।")
    events = _coded(coder, text)
    (trip,) = [e for e in events if e.type == "CONSULT" and e.evidence[0].trigger == "সফর"]
    (threat,) = [e for e in events if e.type == "THREATEN"]
    assert [p.name_en for p in trip.actors] == ["Marco Rubio"] and trip.recipients == []
    assert [p.name_en for p in threat.actors] == ["Donald Trump"] and threat.recipients == []


# -- whom a call is made to, against what it asks for

def test_the_accusative_is_asked_and_the_infinitives_names_are_what_is_asked(coder: EventCoder) -> None:
    text = "বেইজিং, ১০ মে — চীন যুক্তরাষ্ট্রকে ইরানের সঙ্গে আলোচনায় বসতে আহ্বান জানিয়েছে।"
    (call,) = typed(coder, text, "REQUEST", _ON)
    assert [p.name_en for p in call.actors] == ["China"]
    assert [p.name_en for p in call.recipients] == ["United States"]


def test_a_capital_in_the_accusative_is_its_state_asked(coder: EventCoder) -> None:
    text = ("মস্কো, ১০ মে — রুশ প্রতিরক্ষামন্ত্রী সের্গেই শোইগু গত বছর উত্তর কোরিয়া গিয়েছিলেন। "
            "ওই সময় মস্কোর কাছে গোলাবারুদ বিক্রি করতে পিয়ংইয়ংকে রাজি করার চেষ্টা করেছিলেন তিনি।")
    (ask,) = typed(coder, text, "REQUEST", _ON)
    assert [p.name_en for p in ask.recipients] == ["North Korea"]


def test_the_accusative_after_a_meeting_in_the_locative_is_the_later_acts(coder: EventCoder) -> None:
    text = ("পিয়ংইয়ং, ১২ জুলাই — রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠকে কিম জং উন "
            "মস্কোকে পূর্ণ সমর্থনের আশ্বাস দেন।")
    (meeting,) = typed(coder, text, "CONSULT", _ON)
    assert sorted(p.name_en for p in meeting.actors + meeting.recipients) == ["Kim Jong Un", "Sergey Lavrov"]


# -- a passive told as the condition of a threat is nobody's announced act

def test_arms_supplied_on_a_condition_are_not_the_speakers(coder: EventCoder) -> None:
    text = ("ওয়াশিংটন, ৫ সেপ্টেম্বর — হোয়াইট হাউসের মুখপাত্র জন কারবি আজ সাংবাদিকদের সঙ্গে কথা বলেন। "
            "হুঁশিয়ারি দিয়ে তিনি আরও বলেন, মস্কোকে অস্ত্র সরবরাহ করা হলে কঠোর জবাব দেবে যুক্তরাষ্ট্র।")
    (arms,) = typed(coder, text, "AID", _ON)
    assert arms.status == "hypothetical"
    assert "John Kirby (admiral)" not in [p.name_en for p in arms.actors]


def test_a_passive_the_speaker_announces_is_still_his(coder: EventCoder) -> None:
    # guard: no condition, the announced passive stays the announcer's state's
    text = "ওয়াশিংটন, ৫ সেপ্টেম্বর — মার্কিন প্রেসিডেন্ট জো বাইডেন বলেন, ইউক্রেনে আরও অস্ত্র পাঠানো হবে।"
    (arms,) = typed(coder, text, "AID", _ON)
    assert [p.name_en for p in arms.actors] == ["United States"]


# -- whose demand or order is turned down is the one refused

def test_the_demand_turned_down_is_its_makers_refusal(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — বিএনপির দাবি নাকচ করেছে নির্বাচন কমিশন।"
    (refusal,) = typed(coder, text, "REJECT", _ON)
    assert [p.name_en for p in refusal.actors] == ["Bangladesh Election Commission"]
    assert [p.name_en for p in refusal.recipients] == ["Bangladesh Nationalist Party"]


def test_an_order_defied_is_aimed_at_whoever_gave_it(coder: EventCoder) -> None:
    text = "কারাকাস, ১০ মে — আন্তর্জাতিক বিচার আদালতের নির্দেশ অমান্য করে সেখানে নির্বাচন করেছে ভেনেজুয়েলা।"
    (defied,) = typed(coder, text, "REJECT", _ON)
    assert [p.name_en for p in defied.actors] == ["Venezuela"]
    assert [p.name_en for p in defied.recipients] == ["International Court of Justice"]


def test_a_refusal_named_with_the_refusers_genitive_stays_his(coder: EventCoder) -> None:
    # guard: no object noun between the genitive and the refusal
    text = "তেহরান, ১০ মে — প্রস্তাবটি নিয়ে ইরানের প্রত্যাখ্যান নতুন নয়।"
    refusals = typed(coder, text, "REJECT", _ON)
    assert all("Iran" not in [p.name_en for p in e.recipients] for e in refusals)


# -- the ones a word of what befell someone (নিহত, আহত) is told with

def test_those_killed_by_a_forces_fire_are_its_targets_and_one_event(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — সীমান্তে বিএসএফের গুলিতে দুই বাংলাদেশি নিহত হয়েছেন।"
    (shot,) = typed(coder, text, "ASSAULT", _ON)
    assert [p.name_en for p in shot.actors] == ["Border Security Force"]
    assert [p.name_en for p in shot.recipients] == ["Bangladesh"]


def test_the_attack_the_victims_fell_to_is_aimed_at_them(coder: EventCoder) -> None:
    text = ("তেহরান, ১৪ এপ্রিল — গত সপ্তাহে দামেস্কে একটি ভবনে বিমান হামলায় ইসলামিক রেভল্যুশনারি গার্ড "
            "কোরের দুই কমান্ডার নিহত হন।")
    (strike,) = typed(coder, text, "ASSAULT", _ON)
    assert [p.name_en for p in strike.recipients] == ["Islamic Revolutionary Guard Corps"]
    assert strike.actors == []



def test_whose_resignation_is_demanded_is_asked_not_asking(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — সমাবেশ থেকে সরকারের পদত্যাগ দাবি করেছে বিএনপি।"
    (demand,) = typed(coder, text, "REQUEST", _ON)
    assert [p.name_en for p in demand.actors] == ["Bangladesh Nationalist Party"]
    assert [p.name_en for p in demand.recipients] == ["Bangladesh"]


# -- a subject told after the verb

def test_a_condemnation_by_a_subject_told_last(coder: EventCoder) -> None:
    text = "নিউইয়র্ক, ১০ মে — রাশিয়ার হামলার নিন্দা জানিয়েছেন জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস।"
    events = _coded(coder, text)
    (blame,) = [e for e in events if e.type == "ACCUSE"]
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert [p.name_en for p in blame.actors] == ["António Guterres"]
    assert [p.name_en for p in blame.recipients] == ["Russia"]
    assert [p.name_en for p in attack.actors] == ["Russia"] and attack.recipients == []


def test_an_attack_on_a_rally_by_a_subject_told_last(coder: EventCoder) -> None:
    text = "ঢাকা, ১০ মে — ছাত্রদলের মিছিলে হামলা চালিয়েছে ছাত্রলীগ।"
    events = _coded(coder, text)
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    (rally,) = [e for e in events if e.type == "PROTEST"]
    assert [p.name_en for p in attack.actors] == ["Bangladesh Chhatra League"]
    assert [p.name_en for p in attack.recipients] == ["Jatiyatabadi Chhatra Dal"]
    assert [p.name_en for p in rally.actors] == ["Jatiyatabadi Chhatra Dal"]
