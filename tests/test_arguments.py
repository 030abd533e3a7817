"""The supervised argument ranker (ghotona.events.arguments) on sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.arguments import (
    CLASSES, ArgumentModel, ArgumentRanker, Candidate, choose, feature_group, fit, load_cues, load_model,
    model_from_data, model_to_data,
)
from ghotona.events.coder import EventCoder
from ghotona.pipeline import article_from_text
from ghotona.records import ActorMention


def _candidates(text: str, typ: str, on: str = "2024-05-02") -> list[Candidate]:
    """The candidates the coder hands the ranker for the first trigger of type ``typ``."""
    seen: list = []
    EventCoder(ranker=ArgumentRanker(None, collect=seen)).code(article_from_text(text, on))
    found = [cands for ctx, cands in seen if ctx.event_type == typ]
    assert found, [ctx.event_type for ctx, _ in seen]
    return found[0]


def _by_name(cands: list[Candidate]) -> dict[str, dict[str, float]]:
    return {c.mention.name_en: c.features for c in cands}


def test_cues_load_case_markers() -> None:
    cues = load_cues()
    assert ("বিরুদ্ধে", "against") in cues.after
    assert ("হাতে", "agent") in cues.after
    assert ("কে", "accusative") in cues.endings
    assert "হয়েছে" in cues.be


def test_case_features_of_the_sentence() -> None:
    # Written for this test: Iran accuses Israel, with the accused after a postposition.
    cands = _candidates("ইরান বৃহস্পতিবার ইসরায়েলের বিরুদ্ধে যুদ্ধাপরাধের অভিযোগ এনেছে।", "ACCUSE")
    f = _by_name(cands)
    assert f["Iran"]["case=nominative"] == 1.0 and f["Iran"]["side=before"] == 1.0
    assert f["Iran"]["first_in_sentence"] == 1.0
    assert f["Israel"]["case=against"] == 1.0
    assert "first_in_sentence" not in f["Israel"]


def test_accusative_and_passive_voice() -> None:
    cands = _candidates("বুধবার রাতে ঢাকায় বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করা হয়েছে।", "COERCE")
    f = _by_name(cands)
    assert f["Mirza Fakhrul Islam Alamgir"]["case=accusative"] == 1.0
    assert f["Mirza Fakhrul Islam Alamgir"]["voice=passive&case=accusative"] == 1.0


def _meeting_candidates(text: str, on: str = "2024-05-16") -> dict:
    """The ranker's candidates (features by name) for the meeting (বৈঠক) of ``text``."""
    seen: list = []
    EventCoder(ranker=ArgumentRanker(None, collect=seen)).code(article_from_text(text, on))
    _, cands = next((c, k) for c, k in seen if c.event_type == "CONSULT" and "বৈঠক" in c.body[c.trigger[0]:c.trigger[1]])
    return _by_name(cands)


def test_previous_sentence_for_a_pronoun() -> None:
    text = ("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন মঙ্গলবার বেইজিং পৌঁছেছেন। "
            "সেখানে তিনি চীনের প্রেসিডেন্ট সি চিন পিংয়ের সঙ্গে বৈঠক করেন।")
    f = _meeting_candidates(text)
    assert f["Vladimir Putin"]["previous"] == 1.0 and f["Vladimir Putin"]["prev&pronoun"] == 1.0
    assert f["Xi Jinping"]["case=with"] == 1.0


def test_fit_is_deterministic_and_learns() -> None:
    # Feature 0 marks actors, feature 1 recipients, neither: none.
    x = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0, 0], [0, 0]], dtype=float)
    y = np.array([1, 1, 2, 2, 0, 0])
    w1, b1 = fit(x, y, l2=0.1)
    w2, b2 = fit(x, y, l2=0.1)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    model = ArgumentModel(("a", "r"), w1, b1)
    p = model.probabilities([Candidate(_m("X", 0), "X", {"a": 1.0}), Candidate(_m("Y", 5), "Y", {"r": 1.0})])
    assert p[0].argmax() == CLASSES.index("actor")
    assert p[1].argmax() == CLASSES.index("recipient")
    # A stronger penalty shrinks the weights.
    w3, _ = fit(x, y, l2=50.0)
    assert np.abs(w3).sum() < np.abs(w1).sum()


def _m(name: str, start: int) -> ActorMention:
    return ActorMention(start, start + 3, name, "country", f"Q{start}", name, name, "name", 1.0)


def test_choose_gives_actor_and_recipient_different_participants() -> None:
    # One candidate is the likeliest actor AND recipient: it fills one side only.
    w = np.array([[0.0, 0.0], [3.0, 0.0], [2.5, 1.0]])
    model = ArgumentModel(("a", "r"), w, np.zeros(3), min_actor=0.1, min_recipient=0.1)
    cands = [Candidate(_m("A", 0), "A", {"a": 1.0}), Candidate(_m("B", 10), "B", {"r": 1.0})]
    actors, recipients = choose(model, cands)
    assert [m.text for m in actors] == ["A"]
    assert [m.text for m in recipients] == ["B"]
    # Thresholds out of reach: nobody.
    high = ArgumentModel(("a", "r"), w, np.zeros(3), min_actor=1.0, min_recipient=1.0)
    assert choose(high, cands) == ([], [])


def test_model_round_trip_and_validation() -> None:
    model = ArgumentModel(("case=with", "side=before"), np.arange(6, dtype=float).reshape(3, 2), np.ones(3),
                          0.3, 0.2, 0.7, groups=("case", "side"))
    back = model_from_data(model_to_data(model))
    assert back.features == model.features and np.allclose(back.weights, model.weights)
    assert (back.min_actor, back.min_recipient, back.second_actor, back.groups) == (0.3, 0.2, 0.7, ("case", "side"))
    bad = model_to_data(model)
    bad["weights"]["case=with"] = [1.0, 2.0]
    with pytest.raises(LanguageDataError, match="weights.case=with"):
        model_from_data(bad, "w.yaml")
    bad = model_to_data(model)
    bad["thresholds"]["min_actor"] = 2
    with pytest.raises(LanguageDataError, match="thresholds.min_actor"):
        model_from_data(bad, "w.yaml")
    with pytest.raises(LanguageDataError, match="train_arguments"):
        model_from_data([], "w.yaml")


def test_shipped_weights_use_features_the_extractor_makes() -> None:
    model = load_model()
    assert model.features, "argument_weights.yaml is empty: run scripts/train_arguments.py"
    known = {"bias_cand", "side", "dist", "side&dist", "case", "case&side", "via_head", "mtype", "mtype&case",
             "in_clause", "out_clause", "break_between", "speech_between", "source", "source&speech_act",
             "before_speech_verb", "voice&case", "sym&case", "rule", "first_in_sentence", "also_previous",
             "previous", "prev&case", "prev&pronoun", "prev&no_pronoun", "prev&first", "n_cands"}
    assert {feature_group(f) for f in model.features} <= known
    assert model.meta.get("trained_on") == ["samples.yaml", "written.yaml", "written_c.yaml"]


def test_coder_with_ranker_reads_a_meeting() -> None:
    text = "ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদী সোমবার নয়াদিল্লিতে জাপানের প্রধানমন্ত্রী ফুমিও কিশিদার সঙ্গে বৈঠক করেছেন।"
    events = [e for e in EventCoder().code(article_from_text(text, "2023-03-21")) if e.type == "CONSULT"]
    assert len(events) == 1
    names = {p.name_en for p in events[0].actors + events[0].recipients}
    assert names == {"Narendra Modi", "Fumio Kishida"}


def test_rules_alone_without_ranker() -> None:
    text = "ইরান বৃহস্পতিবার ইসরায়েলের বিরুদ্ধে যুদ্ধাপরাধের অভিযোগ এনেছে।"
    ev = [e for e in EventCoder(ranker=None).code(article_from_text(text, "2024-05-02")) if e.type == "ACCUSE"]
    assert ev and [p.name_en for p in ev[0].actors] == ["Iran"]


class _FirstNameRanker:
    """A stand-in ranker that always names the sentence's first mention as the actor."""

    def __init__(self, collect: list | None = None) -> None:
        self.asked = 0
        self.collect = collect

    def decide(self, ctx):  # noqa: ANN001 - duck-typed like ArgumentRanker.decide
        self.asked += 1
        return (list(ctx.mentions[:1]), []) if ctx.mentions else None


def test_ranker_changes_who_took_part_never_whether_anyone_did() -> None:
    # The rules find no participant of the protest (Hasina and India are named
    # in another clause); the ranker may not invent one, so it is not even asked
    # (scoring its candidates would be wasted work)...
    text = "গতকাল ঢাকায় বিক্ষোভ হয়েছে, তখন শেখ হাসিনা ভারতে ছিলেন।"
    stub = _FirstNameRanker()
    ev = [e for e in EventCoder(ranker=stub).code(article_from_text(text, "2024-05-02")) if e.type == "PROTEST"]
    assert stub.asked == 0 and ev and not ev[0].actors and not ev[0].recipients
    # ... unless its candidates are being collected for training: then it is asked, and still may not fill in.
    stub = _FirstNameRanker(collect=[])
    ev = [e for e in EventCoder(ranker=stub).code(article_from_text(text, "2024-05-02")) if e.type == "PROTEST"]
    assert stub.asked and ev and not ev[0].actors and not ev[0].recipients
    # Where the rules found someone, the ranker is asked and its answer replaces theirs.
    text = "ইরান বৃহস্পতিবার ইসরায়েলের বিরুদ্ধে যুদ্ধাপরাধের অভিযোগ এনেছে।"
    stub = _FirstNameRanker()
    ev = [e for e in EventCoder(ranker=stub).code(article_from_text(text, "2024-05-02")) if e.type == "ACCUSE"]
    assert stub.asked and [p.name_en for p in ev[0].actors] == ["Iran"] and ev[0].recipients == []


def test_honorific_pronoun_takes_only_people_from_the_sentence_before() -> None:
    # "Putin went to Iran on Thursday. There he (তিনি) met Iran's president": Iran, a
    # country of the sentence before, cannot be what তিনি stands for.
    text = ("বৃহস্পতিবার ইরান সফরে গেছেন রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন। "
            "সেখানে তিনি ইরানের প্রেসিডেন্টের সঙ্গে বৈঠক করেন।")
    f = _meeting_candidates(text)
    assert f["Vladimir Putin"]["previous"] == 1.0
    assert "Iran" not in f


def test_capital_is_a_country_as_a_candidate() -> None:
    cands = _candidates("জবাবে মার্কিন পণ্যের ওপর নতুন শুল্ক বসিয়েছে বেইজিং।", "SANCTION")
    f = {c.mention.name_en: c for c in cands}
    assert f["Beijing"].party == "country" and f["Beijing"].features["mtype=country"] == 1.0


def test_choose_never_gives_a_country_its_own_peoples_act() -> None:
    # The likeliest recipient is the actor's own country: the next one is taken instead.
    w = np.array([[0.0, 0.0, 0.0], [3.0, 0.0, 0.0], [0.0, 3.0, 1.0]])
    model = ArgumentModel(("a", "r", "r2"), w, np.zeros(3), min_actor=0.1, min_recipient=0.1)
    leader = ActorMention(0, 3, "L", "person", "QL", "L", "L", "name", 1.0)
    home, other = _m("H", 10), _m("O", 20)
    country = {"QL": "XX", home.actor_id: "XX", other.actor_id: "YY"}
    cands = [Candidate(leader, "QL", {"a": 1.0}, "person"), Candidate(home, "H", {"r": 1.0}, "country"),
             Candidate(other, "O", {"r2": 1.0}, "country")]
    assert [m.text for m in choose(model, cands)[1]] == ["H"]
    actors, recipients = choose(model, cands, lambda m: country.get(m.actor_id))
    assert [m.text for m in actors] == ["L"] and [m.text for m in recipients] == ["O"]


def test_ranker_never_picks_a_place() -> None:
    # A model that likes places best still names none of them (a capital excepted).
    model = ArgumentModel(("mtype=place", "mtype=country"), np.array([[0.0, 0.0], [5.0, 1.0], [4.0, 0.5]]),
                          np.zeros(3), min_actor=0.0, min_recipient=0.0)
    seen: list = []
    coder = EventCoder(ranker=ArgumentRanker(model, collect=seen))
    ev = [e for e in coder.code(article_from_text("খারকিভে রাশিয়া ইউক্রেনের ওপর হামলা চালিয়েছে।", "2024-05-02"))
          if e.type == "ASSAULT"]
    assert seen and any(c.party == "place" for _, cands in seen for c in cands)
    assert ev and all(p.type != "place" for p in ev[0].actors + ev[0].recipients)
