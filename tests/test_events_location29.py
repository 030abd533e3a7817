"""Where events happen (issue 5, session 29), and the location score of the evaluation.

Each sentence was written for this file; each case of a new rule was checked
to fail without that rule.  Guards (marked) pass either way and keep what
must not change.
"""

from __future__ import annotations

from types import SimpleNamespace

from ghotona.events.arguments import HOME_PLACE
from ghotona.events.coder import EventCoder
from events_args_helpers import events


def where(coder: EventCoder, text: str, typ: str, trigger: str | None = None,
          on: str = "2024-05-02") -> tuple[str | None, str | None]:
    """The English name of the location of the one event of ``typ`` (told by ``trigger``) in a text
    published ``on``, and why it was inferred."""
    found = [e for e in events(coder, text, typ, on)
             if trigger is None or any(x.trigger.startswith(trigger) for x in e.evidence)]
    (event,) = found
    loc = event.location
    return (loc.name_en, loc.inferred) if loc is not None else (None, None)


# -- a place that says where another act happened is not this one's

def test_a_place_before_another_meeting_dated_before_it_is_not_the_calls(coder: EventCoder) -> None:
    text = "জেনেভায় সম্মেলনের মাত্র দুই দিন আগে নরেন্দ্র মোদি ও শি চিন পিংয়ের মধ্যে ফোনালাপ হয়েছে।"
    assert where(coder, text, "CONSULT", "ফোনালাপ") == (None, None)


def test_the_place_of_a_war_is_not_where_support_for_it_is_given(coder: EventCoder) -> None:
    # arguments.yaml placed_happenings: যুদ্ধ is no trigger of its own but owns its place
    text = "ইউক্রেনে রাশিয়ার যুদ্ধের প্রতি পূর্ণ সমর্থন জানিয়েছে বেলারুশ।"
    assert where(coder, text, "SUPPORT") == (None, None)


def test_a_meeting_on_the_sidelines_of_a_summit_is_where_the_summit_is(coder: EventCoder) -> None:
    # guard: during_words -- ফাঁকে puts the meeting inside the summit
    text = "বেলজিয়ামের ব্রাসেলসে ন্যাটো সম্মেলনের ফাঁকে নরেন্দ্র মোদির সঙ্গে বৈঠক করেন জো বাইডেন।"
    assert where(coder, text, "CONSULT", "বৈঠক") == ("Brussels", None)


# -- what is done in a meeting is done where the meeting is (arguments.yaml scene_types)

def test_an_agreement_signed_in_a_meeting_takes_the_meetings_place(coder: EventCoder) -> None:
    text = ("ঢাকা, ৩ মার্চ — গতকাল নয়াদিল্লিতে নরেন্দ্র মোদির সঙ্গে বৈঠক করেন শেখ হাসিনা। "
            "ওই বৈঠকে দুই নেতা তিস্তার পানি বণ্টন নিয়ে একটি চুক্তিতে সই করেন।")
    assert where(coder, text, "SUPPORT") == ("New Delhi", None)


def test_talks_agreed_on_in_a_meeting_are_not_held_there(coder: EventCoder) -> None:
    # guard: a planned act told in the meeting happens elsewhere
    text = ("গতকাল নয়াদিল্লিতে নরেন্দ্র মোদির সঙ্গে বৈঠক করেন শেখ হাসিনা। "
            "ওই বৈঠকে দুই নেতা আগামী মাসে আবার আলোচনায় বসবেন বলে ঠিক হয়।")
    for e in events(coder, text, "CONSULT"):
        if e.status == "planned":
            assert e.location is None or e.location.name_en != "New Delhi"


# -- a country's genitive before a noun of place says where (arguments.yaml place_heads)

def test_an_attack_on_a_countrys_cities_is_in_that_country(coder: EventCoder) -> None:
    text = "রাশিয়া গতকাল রাতে ইউক্রেনের বিভিন্ন শহরে ৪০টি ড্রোন দিয়ে হামলা চালিয়েছে।"
    assert where(coder, text, "ASSAULT") == ("Ukraine", None)


def test_a_place_inside_a_clause_of_its_own_is_not_the_protests(coder: EventCoder) -> None:
    # guard: a verb between the place and the trigger makes the place that verb's
    text = "থাইল্যান্ডের ভূখণ্ডে গোলা এসে পড়ার ঘটনায় মিয়ানমারের কাছে প্রতিবাদ জানিয়েছে থাইল্যান্ড।"
    assert where(coder, text, "ACCUSE") == (None, None)


def test_the_defenders_shooting_down_drones_is_no_retelling_of_the_attack(coder: EventCoder) -> None:
    # guard: with the attack now aimed at Ukraine, "they" (both sides) shooting down drones must
    # not join it as the same happening
    text = ("রাশিয়া গতকাল রাতে ইউক্রেনের বিভিন্ন শহরে ৪০টি ড্রোন দিয়ে হামলা চালিয়েছে বলে ইউক্রেনের "
            "বিমানবাহিনী জানিয়েছে। এর মধ্যে ৩০টি ড্রোন ভূপাতিত করার দাবি করেছে তারা।")
    attacks = events(coder, text, "ASSAULT")
    (attack,) = [e for e in attacks if any(x.trigger == "হামলা" for x in e.evidence)]
    assert [p.name_en for p in attack.recipients] == ["Ukraine"]
    assert len(attacks) == 2


def test_a_place_with_the_emphatic_o_after_its_case_is_still_where(coder: EventCoder) -> None:
    # grammar.yaml locative_endings: রাখাইনেও is রাখাইনে + ও ("in Rakhine too")
    text = "গত মাসে রাখাইনেও সেনাচৌকিতে হামলা চালায় আরাকান আর্মি।"
    assert where(coder, text, "ASSAULT") == ("Rakhine", None)


def test_a_home_one_is_taken_from_is_where_the_arrest_was(coder: EventCoder) -> None:
    text = "আজ ভোরে গুলশানের বাসা থেকে বিএনপির এক নেতাকে আটক করেছে পুলিশ।"
    assert where(coder, text, "COERCE") == ("Gulshan", None)


def test_a_bare_city_before_a_noun_of_place_is_where(coder: EventCoder) -> None:
    text = "আজ বিকেলে খুলনা নগরে মিছিল করেছে জামায়াতে ইসলামী।"
    assert where(coder, text, "PROTEST") == ("Khulna", None)


def test_a_trigger_in_the_genitive_takes_no_place_told_after_it(coder: EventCoder) -> None:
    text = "কাল বুধবারের হরতালের সমর্থনে আজ বিএনপি রাজশাহী নগরে মিছিল করেছে।"
    assert where(coder, text, "PROTEST", "হরতাল") == (None, None)
    assert where(coder, text, "PROTEST", "মিছিল") == ("Rajshahi", None)


# -- the article's own capital and country (arguments.yaml home_places)

def test_the_capital_of_a_report_from_dhaka_is_dhaka(coder: EventCoder) -> None:
    text = "ঢাকা, ৩ মার্চ — রাজধানীর বিভিন্ন সড়কে আজ বিক্ষোভ করেছে শিক্ষার্থীরা।"
    assert where(coder, text, "PROTEST") == ("Dhaka", HOME_PLACE)


def test_the_capital_of_a_report_from_cairo_is_cairo(coder: EventCoder) -> None:
    text = "কায়রো, ৩ মার্চ — রাজধানীতে আজ সরকারবিরোধী বিক্ষোভ করেছে কয়েক হাজার মানুষ।"
    assert where(coder, text, "PROTEST") == ("Cairo", HOME_PLACE)


def test_a_place_named_before_says_whose_capital(coder: EventCoder) -> None:
    text = ("রিয়াদ, ৩ মার্চ — খার্তুমের বাসিন্দারা জানিয়েছেন, রাজধানীর কয়েকটি এলাকায় সেনাবাহিনী ও "
            "আরএসএফের মধ্যে লড়াই হয়েছে।")
    assert where(coder, text, "ASSAULT") == ("Khartoum", HOME_PLACE)


def test_across_the_country_is_the_articles_own_country(coder: EventCoder) -> None:
    text = "ঢাকা, ৩ মার্চ — আগামী শুক্রবার সারা দেশে কালো পতাকা মিছিল করবে বিএনপি।"
    assert where(coder, text, "PROTEST") == ("Bangladesh", HOME_PLACE)


def test_a_named_place_beats_the_home_country(coder: EventCoder) -> None:
    # guard: the word for the country is only read when the clause names no place
    text = "ঢাকা, ৩ মার্চ — আজ চট্টগ্রামে বিক্ষোভ করেছে শিক্ষার্থীরা।"
    assert where(coder, text, "PROTEST") == ("Chattogram", None)


# -- where one goes to is where the visit happens

def test_a_visit_to_a_country_happens_in_it(coder: EventCoder) -> None:
    text = "নরেন্দ্র মোদি আগামী মাসে জাপান সফরে যাবেন।"
    assert where(coder, text, "CONSULT") == ("Japan", None)


def test_a_visitors_meeting_is_held_where_the_visit_went(coder: EventCoder) -> None:
    text = ("ভারতের পররাষ্ট্রমন্ত্রী এস জয়শঙ্কর গতকাল জাপান সফরে যান। জাপানের প্রধানমন্ত্রীর সঙ্গে বৈঠকে "
            "জয়শঙ্কর দুই দেশের বাণিজ্য নিয়ে আলোচনা করেন।")
    assert where(coder, text, "CONSULT", "বৈঠক") == ("Japan", None)


def test_a_meeting_days_into_a_visit_is_held_where_the_visit_went(coder: EventCoder) -> None:
    text = ("ভারতের পররাষ্ট্রমন্ত্রী এস জয়শঙ্কর চার দিনের সফরে গত বুধবার জাপানে পৌঁছান। "
            "শুক্রবার জাপানের প্রধানমন্ত্রীর সঙ্গে বৈঠক করেন জয়শঙ্কর।")
    # published on a Sunday: "গত বুধবার" is 6 March, "শুক্রবার" 8 March
    assert where(coder, text, "CONSULT", "বৈঠক", on="2024-03-10") == ("Japan", None)


def test_a_visitors_phone_call_is_held_nowhere_in_particular(coder: EventCoder) -> None:
    # guard
    text = ("ভারতের পররাষ্ট্রমন্ত্রী এস জয়শঙ্কর গতকাল জাপান সফরে যান। একই দিন তিনি চীনের পররাষ্ট্রমন্ত্রী "
            "ওয়াং ই-র সঙ্গে টেলিফোনে কথা বলেন।")
    assert where(coder, text, "CONSULT", "টেলিফোনে") == (None, None)


# -- the evaluation's location score

def test_location_match_exact_country_and_none() -> None:
    from ghotona.evaluate.events import _location_match, _Names

    names = _Names()

    def place(name_en: str | None, actor_id: str | None) -> SimpleNamespace:
        return SimpleNamespace(name_en=name_en, actor_id=actor_id, text=name_en or "")

    gold = SimpleNamespace(location="Wonsan")
    kursk = SimpleNamespace(location="Kursk")
    none = SimpleNamespace(location=None)
    pyongyang = place("Pyongyang", "gh:kp-pyongyang")
    assert _location_match(SimpleNamespace(location=None), none, names) == (True, True)
    assert _location_match(SimpleNamespace(location=pyongyang), none, names) == (False, False)
    assert _location_match(SimpleNamespace(location=None), gold, names) == (False, False)
    # same country, another place: right at the country's grain only
    assert _location_match(SimpleNamespace(location=pyongyang), gold, names) == (False, True)
    assert _location_match(SimpleNamespace(location=pyongyang), kursk, names) == (False, False)
    assert _location_match(SimpleNamespace(location=place("Pyongyang", "gh:kp-pyongyang")),
                           SimpleNamespace(location="Pyongyang"), names) == (True, True)
