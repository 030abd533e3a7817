"""Two annotators' corrections of banglakit's held-out labels: annotator b's file and
the agreement measure (ghotona.evaluate.ner.agreement)."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from ghotona.actors.ner import bio_spans
from ghotona.evaluate import ner as ev

# Sentences written for these tests (not from any corpus).
S1 = ["রহিম", "ও", "করিম", "ঢাকায়", "গেলেন", "।"]
S2 = ["সোনালী", "ব্যাংক", "নতুন", "শাখা", "খুলেছে", "।"]
S3 = ["মেঘনা", "পাড়ে", "জয়নাল", "থাকেন", "।"]

A = [
    (S1, ["B-PER", "O", "B-PER", "B-LOC", "O", "O"]),
    (S2, ["B-ORG", "I-ORG", "O", "O", "O", "O"]),
    (S3, ["B-LOC", "O", "O", "O", "O"]),
]
B = [
    (S1, ["B-PER", "O", "O", "B-LOC", "O", "O"]),  # leaves করিম out
    (S2, ["B-ORG", "O", "O", "O", "O", "O"]),  # cuts the bank's name short
    (S3, ["B-ORG", "O", "B-PER", "O", "O"]),  # another type for the river; adds a person
]
BASE = [
    (S1, ["B-PER", "O", "O", "O", "O", "O"]),
    (S2, ["O"] * 6),
    (S3, ["B-LOC", "O", "O", "O", "O"]),
]

HAS_CORPUS = (ev.ner_dir() / "banglakit_main.jsonl").is_file()


def test_a_set_agrees_with_itself_completely():
    agr = ev.agreement(A, A, base=BASE)
    assert agr.entity["micro"]["f1"] == 1.0
    assert all(agr.entity[t]["f1"] == 1.0 for t in ("PER", "ORG", "LOC"))
    assert agr.kappa == 1.0
    assert agr.disagreements == {}
    assert agr.edits["f1"] == 1.0 and agr.edits["tp"] == 3


def test_all_o_on_both_sides_is_perfect_agreement_not_a_division_by_zero():
    sents = [(S2, ["O"] * 6)]
    assert ev.agreement(sents, sents).kappa == 1.0


def test_hand_worked_pair():
    agr = ev.agreement(A, B, base=BASE)
    # a has 5 entities, b has 5; they share two (রহিম and ঢাকায় in S1).
    assert (agr.entity["micro"]["tp"], agr.entity["micro"]["fp"], agr.entity["micro"]["fn"]) == (2, 3, 3)
    assert agr.entity["micro"]["f1"] == pytest.approx(0.4)
    assert agr.entity["PER"]["f1"] == pytest.approx(0.5)  # tp 1, fp 1, fn 1
    assert agr.entity["LOC"]["f1"] == pytest.approx(2 / 3)  # tp 1, fp 0, fn 1
    assert agr.entity["ORG"]["f1"] == 0.0
    # 13 of 17 tags agree; by chance (a's and b's tag frequencies) 140 of 289.
    assert agr.tokens == 17
    assert agr.kappa == pytest.approx((13 / 17 - 140 / 289) / (1 - 140 / 289))
    assert agr.kappa == pytest.approx(81 / 149)
    assert agr.disagreements == {
        "boundary (ORG)": 1,
        "only a (PER)": 1,
        "only b (PER)": 1,
        "type (a LOC, b ORG)": 1,
    }
    # Edits to BASE: a made 3, b made 5 (a retype is a removal and an addition); one is shared.
    assert (agr.edits["tp"], agr.edits["fp"], agr.edits["fn"]) == (1, 4, 2)
    assert agr.edits["f1"] == pytest.approx(0.25)


def test_f1_is_the_same_whichever_annotator_is_gold():
    assert ev.agreement(A, B).entity["micro"]["f1"] == pytest.approx(ev.agreement(B, A).entity["micro"]["f1"])
    assert ev.agreement(A, B).kappa == pytest.approx(ev.agreement(B, A).kappa)


def test_label_sets_over_other_tokens_are_an_error():
    with pytest.raises(ValueError, match="same tokens"):
        ev.agreement(A, [(S2, B[0][1][:6])] + B[1:])
    with pytest.raises(ValueError, match="3 sentences"):
        ev.agreement(A, B[:2])


def test_unknown_annotator_is_an_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="known: a, b"):
        ev.corrections_path("banglakit", "z")


def test_annotator_b_file_validates():
    assert ev.annotators("banglakit") == ["a", "b"]
    corr = ev.load_corrections(ev.corrections_path("banglakit", "b"))
    assert len(corr) == 72
    assert all(len(c.labels) == c.tokens and c.changes for c in corr.values())
    # Its own file, not a copy of a's under another name.
    assert ev.corrections_path("banglakit", "b") != ev.corrections_path("banglakit")
    assert set(corr) != set(ev.load_corrections(ev.corrections_path("banglakit")))


def test_side_by_side_shows_both_annotators_and_their_agreement():
    scores = ev.score([labs for _, labs in A], [labs for _, labs in B])
    row = {"sentences": 3, "style": "banglakit", "ner": scores, "dictionary_only": scores}
    results = {
        "banglakit": {**row, "agreement_a_b": asdict(ev.agreement(A, B, base=BASE))},
        "banglakit corrected (a)": {**row, "corrected_sentences": 2},
        "banglakit corrected (b)": {**row, "corrected_sentences": 3},
    }
    text = ev.render(results)
    assert "corr. a" in text and "corr. b" in text and "sentences changed: a 2, b 3" in text
    assert "agreement of a and b: entity F1 (b against a) micro 0.400" in text
    assert "token kappa 0.544" in text


@pytest.mark.skipif(not HAS_CORPUS, reason="../shared/data/ner is not beside the repository")
def test_corrected_b_differs_from_published_exactly_where_b_says_and_true_still_means_a():
    corr = ev.load_corrections(ev.corrections_path("banglakit", "b"))
    published = ev.heldout_sets()["banglakit"]
    b = ev.heldout_sets(corrected="b")["banglakit"]
    a = ev.heldout_sets(corrected=True)["banglakit"]
    assert a == ev.heldout_sets(corrected="a")["banglakit"]
    assert [t for t, _ in published] == [t for t, _ in b]
    changed = {ev.sentence_key(t) for (t, x), (_, y) in zip(published, b) if x != y}
    assert changed == set(corr)
    names = lambda sents: sum(len(bio_spans(labs)) for _, labs in sents)  # noqa: E731
    assert (names(published), names(b)) == (396, 495)


@pytest.mark.skipif(not HAS_CORPUS, reason="../shared/data/ner is not beside the repository")
def test_measured_agreement_of_a_and_b_is_pinned():
    """The figures reported in eval/refset/ner/README.md ("Second annotator")."""
    published = ev.heldout_sets()["banglakit"]
    agr = ev.agreement(ev.heldout_sets(corrected=True)["banglakit"], ev.heldout_sets(corrected="b")["banglakit"], base=published)
    assert (agr.entity["micro"]["tp"], agr.entity["micro"]["fp"], agr.entity["micro"]["fn"]) == (485, 10, 5)
    assert round(agr.entity["micro"]["f1"], 3) == 0.985
    assert round(agr.kappa, 3) == 0.989
    assert (agr.edits["support"], agr.edits["tp"] + agr.edits["fp"], agr.edits["tp"]) == (128, 137, 125)
