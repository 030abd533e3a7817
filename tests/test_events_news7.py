"""Events on real Bangladeshi news, round 7 (issue 5): the actors such news
names that the dictionary lacked, acts named only as what a protest demands,
the condolence formula, and towns or quarters read as doers.  Every sentence
here is written for these tests; none is copied from an article."""

from __future__ import annotations

import pytest

from ghotona.events import grammar as grammar_mod
from ghotona.events.coder import EventCoder
from ghotona.langdata import LanguageDataError
from ghotona.pipeline import article_from_text


def events(coder: EventCoder, text: str) -> list:
    return coder.code(article_from_text(text, "2025-12-30"))


def linked(text: str) -> dict[str, str | None]:
    return {m.text: m.actor_id for m in article_from_text(text, "2025-12-30").actor_mentions}


# -- the dictionary: bodies and people of Bangladeshi politics ----------------


@pytest.mark.parametrize("text, actor", [
    ("আর্থিক প্রতিষ্ঠান বিভাগ ব্যাংকগুলোকে নির্দেশ দিয়েছে।", "gh:bd-financial-institutions-division"),
    ("সাবেক সিইসি নুরুল হুদা আদালতে জবানবন্দি দিয়েছেন।", "gh:k-m-nurul-huda"),
    ("ব্যবসায়ীদের সংগঠন এফবিসিসিআই নতুন বাজেটের সমালোচনা করেছে।", "gh:bd-fbcci"),
])
def test_bodies_and_people_of_bangladeshi_news_are_linked(text: str, actor: str) -> None:
    assert actor in linked(text).values()


@pytest.mark.parametrize("text, actor", [
    ("তাসনিম জারা দল থেকে পদত্যাগ করেছেন।", "gh:tasnim-jara"),
    ("অ্যান্টি টেররিজম ইউনিট ঘটনাটি তদন্ত করছে।", "gh:bd-atu"),
])
def test_a_newly_known_actor_is_the_doer(coder: EventCoder, text: str, actor: str) -> None:
    assert [a.actor_id for e in events(coder, text) for a in e.actors] == [actor]


# -- what a protest demands is not a happening ------------------------------


def test_an_arrest_listed_in_a_demand_is_not_an_arrest(coder: EventCoder) -> None:
    got = [e.type for e in events(coder, "খুনিদের গ্রেপ্তার ও বিচারের দাবিতে শিক্ষার্থীরা সড়ক অবরোধ করেছে।")]
    assert got == ["PROTEST"]


def test_a_killing_whose_trial_is_demanded_still_happened(coder: EventCoder) -> None:
    got = [e.type for e in events(coder, "ছাত্রনেতা হত্যার বিচারের দাবিতে শিক্ষার্থীরা সড়ক অবরোধ করেছে।")]
    assert "ASSAULT" in got and "PROTEST" in got


def test_an_arrest_told_with_its_verb_is_still_coded(coder: EventCoder) -> None:
    got = [e.type for e in events(coder, "খুনিদের গ্রেপ্তার করেছে পুলিশ, পরে তাদের বিচারের দাবিতে মিছিল হয়।")]
    assert "COERCE" in got


def test_the_demand_frames_are_data_and_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "দাবিতে" in grammar_mod.load_grammar().demand_frames
    data = grammar_mod.load_yaml(grammar_mod._FILE)
    data["not_events"]["demand_frames"] = "দাবিতে"
    monkeypatch.setattr(grammar_mod, "load_yaml", lambda name: data)
    with pytest.raises(LanguageDataError) as info:
        grammar_mod.load_grammar.__wrapped__()
    assert "grammar.yaml" in str(info.value) and "demand_frames" in str(info.value)


# -- a condolence is not an apology -------------------------------------------


def test_grief_and_sorrow_on_a_death_is_no_apology(coder: EventCoder) -> None:
    text = "প্রবীণ নেতার মৃত্যুতে গভীর শোক ও দুঃখ প্রকাশ করেছে ব্যবসায়ীদের সংগঠন।"
    assert [e.type for e in events(coder, text)] == []


def test_sorrow_for_an_error_is_still_an_apology(coder: EventCoder) -> None:
    text = "ভুল তথ্য প্রকাশের জন্য দুঃখ প্রকাশ করেছে মন্ত্রণালয়।"
    assert [e.type for e in events(coder, text)] == ["CONCEDE"]


# -- a town or a quarter is where, not who ------------------------------------


def test_a_quarter_blockaded_is_not_a_doer(coder: EventCoder) -> None:
    evs = events(coder, "দাবি আদায়ে সোমবার শাহবাগ মোড় অবরোধ করে রাখে ইনকিলাব মঞ্চ।")
    assert [(e.type, [a.actor_id for a in e.actors]) for e in evs] == [("PROTEST", ["gh:bd-inqilab-mancha"])]


def test_a_meeting_at_a_quarters_office_has_no_quarter_as_doer(coder: EventCoder) -> None:
    evs = events(coder, "বিকেলে গুলশান চেয়ারপারসন কার্যালয়ে স্থায়ী কমিটির বৈঠক হয়।")
    assert [e.type for e in evs] == ["CONSULT"] and not any(a.actor_id == "gh:bd-gulshan" for a in evs[0].actors)


def test_a_capital_still_stands_for_its_state(coder: EventCoder) -> None:
    evs = events(coder, "মস্কো কিয়েভের ওপর হামলা চালিয়েছে।")
    assert [a.actor_id for e in evs for a in e.actors] == ["Q159"]


# -- a name that only names an election or a building -------------------------


def test_the_parliament_in_an_elections_name_takes_no_part(coder: EventCoder) -> None:
    evs = events(coder, "দ্বাদশ জাতীয় সংসদ নির্বাচনের ফল প্রত্যাখ্যান করেছে গণতন্ত্র মঞ্চ।")
    assert [(e.type, [a.actor_id for a in e.actors], [r.actor_id for r in e.recipients]) for e in evs] == [
        ("REJECT", ["gh:bd-ganatantra-mancha"], [])]


def test_the_parliament_acting_is_still_the_doer(coder: EventCoder) -> None:
    evs = events(coder, "জাতীয় সংসদ বিরোধী দলের দাবি নাকচ করেছে।")
    assert [(e.type, [a.actor_id for a in e.actors]) for e in evs] == [("REJECT", ["gh:bd-jatiya-sangsad"])]


def test_a_name_before_another_name_that_opens_with_the_head_is_kept(coder: EventCoder) -> None:
    text = "ভোটে কারচুপির অভিযোগ এনে জোটটি নির্বাচন কমিশনের কাছে স্মারকলিপি দিয়েছে।"
    g = grammar_mod.load_grammar()
    assert "নির্বাচন" in g.naming_heads
    from ghotona.events.coder import _names_a_head

    class M:
        start, end = text.index("জোটটি"), text.index("জোটটি") + len("জোটটি")
    assert not _names_a_head(text, M, {text.index("নির্বাচন কমিশনের")}, g)
    assert _names_a_head(text, M, set(), g)


# -- a passive clause after a speaker names no doer ---------------------------


def test_the_speaker_is_no_doer_of_a_passive_act(coder: EventCoder) -> None:
    text = "মির্জা ফখরুল বলেন, সাজানো মামলায় দলের নেত্রী খালেদা জিয়াকে কারাগারে পাঠিয়ে নির্যাতন করা হয়েছে।"
    evs = events(coder, text)
    assert {e.type for e in evs} >= {"COERCE", "ASSAULT"}
    assert all(not e.actors for e in evs if e.type in ("COERCE", "ASSAULT"))


def test_a_party_naming_an_era_is_no_doer(coder: EventCoder) -> None:
    text = "আওয়ামী লীগ আমলে ২০১৯ সালে একটি মামলায় বিরোধী নেতা আমান উল্লাহকে তিন বছরের কারাদণ্ড দিয়েছিল আদালত।"
    evs = events(coder, text)
    assert [e.type for e in evs] == ["COERCE"] and not evs[0].actors
