"""Participants (issue 5, session 34): sides a pair noun gives point back; an unlisted
name in -র that is bare; the subject of "আটক হন" against the ranker.

Each sentence was written for this file; each case of a new rule was checked to fail
without that rule.  Guards (marked) pass either way and keep what must not change.
"""

from __future__ import annotations

from ghotona.events.arguments import bare_unlisted_name
from ghotona.events.coder import EventCoder
from ghotona.records import ActorMention
from ghotona.text.segment import tokenize
from events_args_helpers import events, names, sides


# -- "দুই নেতা" after talks told between two countries (coder._retells, _Draft.pointed)

TALKS = ("গতকাল সিউলে দক্ষিণ কোরিয়ার প্রেসিডেন্ট মুন জে-ইনের সঙ্গে বৈঠক করেছেন জাপানের প্রধানমন্ত্রী শিনজো আবে। "
         "বৈঠক শেষে মুন সাংবাদিকদের বলেন, আগামী মাসে দুই দেশ মন্ত্রী পর্যায়ে আলোচনা শুরু করবে। "
         "শিনজো আবে মুন জে-ইনকে টোকিওতে আসার আমন্ত্রণ জানিয়েছেন। "
         "বাণিজ্য বিরোধ মেটাতে দুই নেতা আলোচনা চালিয়ে যেতে সম্মত হয়েছেন।")


def test_a_pair_noun_retells_talks_told_between_the_countries(coder: EventCoder) -> None:
    # "দুই নেতা" stands for the leaders last told (the invitation); the talks they agree to go
    # on with are the ones told as between their countries, not other talks
    planned = [e for e in events(coder, TALKS, "CONSULT", on="2024-05-05") if e.status == "planned"]
    assert len(planned) == 1
    assert names(planned[0].actors + planned[0].recipients) == ["Japan", "South Korea"]
    assert len(planned[0].evidence) == 2
    assert planned[0].date == "2024-06"


def test_a_person_named_anew_is_still_another_meeting(coder: EventCoder) -> None:
    # guard: a leader named by his name (no pair noun) after talks of countries is no retelling
    text = ("আগামী মাসে যুক্তরাষ্ট্র ও চীন বাণিজ্য নিয়ে আলোচনা শুরু করবে বলে জানা গেছে। "
            "এর আগে জো বাইডেন আগামী সপ্তাহে সি চিন পিংয়ের সঙ্গে আলোচনা করবেন।")
    planned = [e for e in events(coder, text, "CONSULT") if e.status == "planned"]
    assert len(planned) == 2


# -- an unlisted name whose last word ends in a vowel sign and র (arguments.bare_unlisted_name)

def _mention(text: str, start: int, name_bn: str | None = None) -> ActorMention:
    return ActorMention(start=start, end=start + len(text), text=text, type="person",
                        actor_id=None if name_bn is None else "gh:x", name_en=None, name_bn=name_bn,
                        how="ner" if name_bn is None else "exact", score=1.0)


def _after(sentence: str, m: ActorMention):
    return [t for t in tokenize(sentence) if t.start >= m.end]


ACC = ("কে", "দেরকে", "কেও", "কেই", "েরকে")


def test_an_unlisted_name_in_r_before_a_comma_or_the_end_is_bare() -> None:
    s = "উপস্থিত ছিলেন মোহাম্মদ জাহাঙ্গীর, জাকির ও সোহেল।"
    m = _mention("মোহাম্মদ জাহাঙ্গীর", s.index("মোহাম্মদ"))
    assert bare_unlisted_name(m, _after(s, m), set(), ACC)
    s2 = "বক্তব্য দেন মনজুর"
    m2 = _mention("মনজুর", s2.index("মনজুর"))
    assert bare_unlisted_name(m2, [], set(), ACC)


def test_an_unlisted_name_in_r_before_a_name_in_the_accusative_is_bare() -> None:
    s = "হেনরি কিসিঞ্জার পাকিস্তানকে সমর্থন দেন।"
    m = _mention("হেনরি কিসিঞ্জার", 0)
    after = _after(s, m)
    assert bare_unlisted_name(m, after, {after[0].start}, ACC)


def test_an_unlisted_genitive_before_its_noun_stays_genitive() -> None:
    # guard: "মিয়ার দাবি", "-ের" after a consonant, and a listed name are read as before
    s = "সানাউল্লাহ মিয়ার দাবি, তিনি নির্দোষ।"
    m = _mention("সানাউল্লাহ মিয়ার", 0)
    assert not bare_unlisted_name(m, _after(s, m), set(), ACC)
    s2 = "রিপন হালদারের, কবির ও জাকিরের বাড়ি"
    m2 = _mention("রিপন হালদারের", 0)
    assert not bare_unlisted_name(m2, _after(s2, m2), set(), ACC)
    m3 = _mention("শেখ হাসিনার", 0, name_bn="শেখ হাসিনা")
    assert not bare_unlisted_name(m3, [], set(), ACC)


def test_an_unlisted_name_before_a_country_in_the_accusative_is_the_doer(coder: EventCoder) -> None:
    text = "হেনরি কিসিঞ্জার পাকিস্তানকে এই যুদ্ধে সমর্থন করেছিলেন।"
    (support,) = events(coder, text, "SUPPORT")
    assert [p.text for p in support.actors] == ["হেনরি কিসিঞ্জার"]
    assert names(support.recipients) == ["Pakistan"]


# -- the subject of a verb of being after the trigger is whom it befell (coder `befell`)

def test_the_subject_after_a_passive_of_being_is_the_one_arrested(coder: EventCoder) -> None:
    text = "বুধবার রাতে ঢাকায় গ্রেপ্তার হয়েছেন মির্জা ফখরুল ইসলাম আলমগীর।"
    assert sides(coder, text, "COERCE") == ([], ["Mirza Fakhrul Islam Alamgir"])


def test_the_doer_of_an_arrest_told_actively_stays_the_doer(coder: EventCoder) -> None:
    # guard: the active voice with the same names
    text = "বুধবার রাতে ঢাকায় মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করেছে র‍্যাব।"
    assert sides(coder, text, "COERCE") == (["Rapid Action Battalion"], ["Mirza Fakhrul Islam Alamgir"])


# -- status: "যদিও" is no "যদি" (grammar.yaml status `not_hypothetical`); a verbless noun joined
#    by "এবং" to a genitive before a modal noun shares that modal (status `noun_joiners`)

def test_although_is_no_if(coder: EventCoder) -> None:
    text = "যদিও বিএনপি ও জামায়াতের মধ্যে আসন ভাগাভাগি নিয়ে সমঝোতা হয়েছে, প্রার্থী তালিকা এখনো চূড়ান্ত হয়নি।"
    (deal,) = events(coder, text, "AGREE")
    assert deal.status == "occurred"


def test_if_is_still_if(coder: EventCoder) -> None:
    # guard
    text = "যদি বিএনপি ও জামায়াতের মধ্যে আসন ভাগাভাগি নিয়ে সমঝোতা হয়, তাহলে জোট বড় হবে।"
    (deal,) = events(coder, text, "AGREE")
    assert deal.status == "hypothetical"


def test_a_noun_joined_to_another_shares_its_risk(coder: EventCoder) -> None:
    text = "এতে যুক্তরাষ্ট্রের সামরিক হস্তক্ষেপ এবং অর্থনৈতিক পাল্টা ব্যবস্থার ঝুঁকিও রয়েছে।"
    (intervention,) = events(coder, text, "ASSAULT")
    assert intervention.status == "hypothetical"


def test_a_clause_with_its_own_verb_before_and_keeps_its_status(coder: EventCoder) -> None:
    # guard: "এবং" after a verb ends the clause; the risk named after it is another's
    text = "গতকাল যুক্তরাষ্ট্র সিরিয়ায় বিমান হামলা চালিয়েছে এবং এতে আঞ্চলিক উত্তেজনার ঝুঁকি বেড়েছে।"
    (strike,) = events(coder, text, "ASSAULT")
    assert strike.status == "occurred"


# -- "দুই দল" (the two parties) is a pair noun like "দুই পক্ষ" (grammar.yaml pronouns `plural`)

def test_the_two_parties_are_the_sides_told_before(coder: EventCoder) -> None:
    text = ("গতকাল ঢাকায় আওয়ামী লীগ ও বিএনপির নেতাকর্মীদের মধ্যে সংঘর্ষ হয়েছে। "
            "বিশ্লেষকেরা বলছেন, দুই দলের মধ্যে সংলাপ শুরু হলে উত্তেজনা কমবে।")
    (talks,) = events(coder, text, "CONSULT")
    assert names(talks.actors + talks.recipients) == ["Bangladesh Awami League", "Bangladesh Nationalist Party"]
