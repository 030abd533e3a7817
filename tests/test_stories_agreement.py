"""Two annotators' story labels: loading a second annotator's files and their agreement (evaluate/stories.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ghotona.evaluate.stories import Label, agreement, load_labels


def _refset(tmp_path: Path, a: list[dict], b: list[dict] | None) -> tuple[Path, Path]:
    """A tiny corpus under a fake ../shared and the label files of a (and b) for it."""
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    records = [{"id": str(i), "url": f"https://example.org/{i}"} for i in range(6)]
    (shared / "data" / "news.json").write_text(json.dumps(records), "utf-8")
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "bdnews.yaml").write_text(yaml.safe_dump({"corpus": "data/news.json", "articles": a}), "utf-8")
    if b is not None:
        (ref / "bdnews_b.yaml").write_text(yaml.safe_dump({"corpus": "data/news.json", "articles": b}), "utf-8")
    return ref, shared


def _a(i: int, story: str, split: str, thread: str | None = None) -> dict:
    return {"id": str(i), "story": story, "thread": thread or "t-" + story, "split": split}


def _b(i: int, story: str, thread: str | None = None) -> dict:
    return {"id": str(i), "story": story, "thread": thread or "t-" + story}


def test_second_annotator_inherits_the_split_of_the_first(tmp_path: Path) -> None:
    ref, shared = _refset(tmp_path, [_a(0, "s-x", "dev"), _a(1, "s-x", "dev"), _a(2, "s-y", "test")],
                          [_b(0, "s-one"), _b(1, "s-two"), _b(2, "s-two")])
    b = load_labels(ref, shared, annotator="b")
    assert [(lab.story, lab.split) for lab in b] == [("s-one", "dev"), ("s-two", "dev"), ("s-two", "test")]


def test_second_annotator_may_not_label_what_the_first_did_not(tmp_path: Path) -> None:
    ref, shared = _refset(tmp_path, [_a(0, "s-x", "dev")], [_b(0, "s-x"), _b(3, "s-z")])
    with pytest.raises(ValueError, match="no split"):
        load_labels(ref, shared, annotator="b")


def test_an_article_labelled_twice_is_an_error(tmp_path: Path) -> None:
    ref, shared = _refset(tmp_path, [_a(0, "s-x", "dev"), _a(0, "s-y", "dev")], None)
    with pytest.raises(ValueError, match="labelled twice"):
        load_labels(ref, shared)


def test_unknown_annotator_is_an_error(tmp_path: Path) -> None:
    ref, shared = _refset(tmp_path, [_a(0, "s-x", "dev")], None)
    with pytest.raises(ValueError, match="no annotator"):
        load_labels(ref, shared, annotator="c")


def _labels(stories: list[str], split: str = "dev") -> list[Label]:
    return [Label("bdnews", f"c#{i}", s, "t-" + s, split) for i, s in enumerate(stories)]


def test_identical_labels_agree_fully() -> None:
    labs = _labels(["s-a", "s-a", "s-b"])
    result = agreement(labs, labs)
    assert result["bdnews/dev"]["stories"]["f1"] == 1.0 and result["_counts"]["both"] == 3


def test_a_split_story_lowers_recall_not_precision() -> None:
    first = _labels(["s-a", "s-a", "s-a", "s-b"])
    second = _labels(["s-1", "s-1", "s-2", "s-3"])  # b cuts a's three-article story in two
    row = agreement(first, second)["bdnews/dev"]["stories"]
    assert row["precision"] == 1.0
    # a's story members see 2/3, 2/3, 1/3 of their story in b's cluster; the singleton sees all of it.
    assert row["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, abs=1e-4)


def test_agreement_is_symmetric_in_f1_and_counts_articles_one_side_left_out() -> None:
    first = _labels(["s-a", "s-a", "s-b", "s-b", "s-c"])
    second = _labels(["s-1", "s-2", "s-2", "s-2"])  # b left the last article out
    ab, ba = agreement(first, second), agreement(second, first)
    assert ab["bdnews/dev"]["stories"]["precision"] == ba["bdnews/dev"]["stories"]["recall"]
    assert ab["bdnews/dev"]["stories"]["f1"] == ba["bdnews/dev"]["stories"]["f1"]
    assert ab["_counts"] == {"both": 4, "only_first": 1, "only_second": 0}


def test_agreement_needs_both_sides() -> None:
    with pytest.raises(ValueError, match="bdnews_b.yaml"):
        agreement(_labels(["s-a"]), [])


REFSET = Path(__file__).resolve().parent.parent / "eval" / "refset" / "stories"


def test_the_shipped_second_annotation_labels_every_article_the_first_does() -> None:
    """bdnews_b.yaml / samples_b.yaml relabel exactly the articles of a's files (README, "Second annotation")."""
    a = load_labels(REFSET)
    b = load_labels(REFSET, annotator="b")
    assert {lab.source for lab in a} == {lab.source for lab in b} and len(b) == 259
    assert {lab.source: lab.split for lab in a} == {lab.source: lab.split for lab in b}
