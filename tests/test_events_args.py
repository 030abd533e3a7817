"""Argument rules of the event coder (who did it to whom), on sentences written for these tests."""

from __future__ import annotations

import pytest

from ghotona.events.arguments import load_cues
from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text


class _NoActorRanker:
    """A stand-in ranker that names the recipient it is given by the rules but never a doer."""

    collect = None

    def decide(self, ctx):  # noqa: ANN001 - duck-typed like ArgumentRanker.decide
        rec = [m for m in ctx.mentions if (m.actor_id or m.text) in ctx.rule_recipients]
        return [], rec


@pytest.fixture(scope="module")
def rules() -> EventCoder:
    return EventCoder(ranker=None)


def _events(coder: EventCoder, text: str, typ: str, on: str = "2024-05-02"):
    return [e for e in coder.code(article_from_text(text, on)) if e.type == typ]


def _names(ps) -> list[str]:
    return sorted(p.name_en for p in ps)


def test_cues_load_members_and_country_pairs() -> None:
    cues = load_cues()
    assert "যোদ্ধা" in cues.members
    assert "দুই দেশ" in cues.country_pairs


def test_genitive_body_acts_through_its_members(rules: EventCoder) -> None:
    # "Hamas's fighters attacked a border post": the body is the doer.
    ev = _events(rules, "মঙ্গলবার রাতে হামাসের যোদ্ধারা সীমান্তের একটি চৌকিতে হামলা চালায়।", "ASSAULT")
    assert ev and _names(ev[0].actors) == ["Hamas"]


def test_member_noun_carries_the_postposition(rules: EventCoder) -> None:
    # "The army opened fire on Hamas's fighters": the body is the target, not the doer.
    ev = _events(rules, "ইসরায়েল বুধবার হামাসের যোদ্ধাদের ওপর হামলা চালিয়েছে।", "ASSAULT")
    assert ev and _names(ev[0].actors) == ["Israel"] and "Hamas" in _names(ev[0].recipients)


def test_two_countries_are_the_countries_of_the_two_leaders(rules: EventCoder) -> None:
    # Two leaders met; then "the two countries agreed": the sides as countries.
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি সোমবার দিল্লিতে বাংলাদেশের প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে বৈঠক করেন। "
            "বৈঠকে দুই দেশ বাণিজ্য বাড়াতে একমত হয়েছে।")
    ev = _events(rules, text, "AGREE", on="2023-06-20")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Bangladesh", "India"]


def test_two_leaders_stay_the_leaders(rules: EventCoder) -> None:
    text = ("ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি সোমবার দিল্লিতে বাংলাদেশের প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে বৈঠক করেন। "
            "বৈঠকে দুই নেতা বাণিজ্য বাড়াতে একমত হয়েছেন।")
    ev = _events(rules, text, "AGREE", on="2023-06-20")
    assert ev and _names(ev[0].actors + ev[0].recipients) == ["Narendra Modi", "Sheikh Hasina"]


def test_rules_doer_stands_when_the_ranker_names_none() -> None:
    # The doer is told by a pronoun (তিনি) the ranker cannot see: it keeps the rules' doer.
    text = ("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ সোমবার সংবাদ সম্মেলনে কথা বলেন। "
            "এ সময় তিনি যুক্তরাষ্ট্রের বিরুদ্ধে উসকানির অভিযোগ করেন।")
    ev = _events(EventCoder(ranker=_NoActorRanker()), text, "ACCUSE", on="2024-03-05")
    assert ev and _names(ev[0].actors) == ["Sergey Lavrov"] and _names(ev[0].recipients) == ["United States"]
