"""The corrected banglakit held-out labels (eval/refset/ner): file validation and application."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ghotona.actors.ner import bio_spans
from ghotona.errors import LanguageDataError
from ghotona.evaluate import ner as ev

# Sentences written for these tests (not from any corpus).
ONE = ["করিম", "সাহেব", "গতকাল", "খুলনায়", "গেছেন", "।"]
TWO = ["নদীর", "পাড়ে", "মেলা", "বসেছে", "।"]


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "corr.yaml"
    p.write_text(body, encoding="utf-8")
    return p


def _entry(key: str, n: int, labels: str, changes: str = '["add person -> PER [0, 1)"]') -> str:
    return f"- id: {key}\n  tokens: {n}\n  labels: \"{labels}\"\n  changes: {changes}\n  note: test\n"


def test_sentence_key_is_stable_under_unicode_normalisation():
    decomposed = [unicodedata.normalize("NFD", t) for t in ONE]
    assert ev.sentence_key(ONE) == ev.sentence_key(decomposed)
    assert ev.sentence_key(ONE) != ev.sentence_key(TWO)
    assert len(ev.sentence_key(ONE)) == 16


def test_apply_replaces_only_the_named_sentence(tmp_path):
    path = _write(tmp_path, _entry(ev.sentence_key(ONE), 6, "B-PER O O B-LOC O O"))
    sents = [(ONE, ["O"] * 6), (TWO, ["O"] * 5)]
    out = ev.apply_corrections(sents, ev.load_corrections(path), path)
    assert out[0] == (ONE, ["B-PER", "O", "O", "B-LOC", "O", "O"])
    assert out[1] == sents[1]
    assert sents[0][1] == ["O"] * 6  # the input is not modified


def test_unknown_hash_is_an_error_naming_the_entry(tmp_path):
    path = _write(tmp_path, _entry(ev.sentence_key(ONE), 6, "B-PER O O O O O"))
    with pytest.raises(LanguageDataError) as exc:
        ev.apply_corrections([(TWO, ["O"] * 5)], ev.load_corrections(path), path)
    assert ev.sentence_key(ONE) in str(exc.value) and "line 1" in str(exc.value)
    assert "matches no held-out sentence" in str(exc.value)


def test_token_count_must_match_the_sentence(tmp_path):
    # The file is consistent with itself (5 labels, tokens: 5) but the sentence has 6 tokens.
    path = _write(tmp_path, _entry(ev.sentence_key(ONE), 5, "B-PER O O O O"))
    with pytest.raises(LanguageDataError, match="6 tokens, the entry 5"):
        ev.apply_corrections([(ONE, ["O"] * 6)], ev.load_corrections(path), path)


@pytest.mark.parametrize(
    "body, message",
    [
        (_entry("0123456789abcdef", 3, "O O"), "2 labels for 3 tokens"),
        (_entry("0123456789abcdef", 2, "B-PER B-MISC"), "unknown label"),
        (_entry("0123456789abcdef", 2, "O I-ORG"), "does not continue"),
        (_entry("0123456789ABCDEF", 1, "O"), "hex digits"),
        (_entry("1234567890123456", 1, "O"), "in quotes"),
        (_entry("0123456789abcdef", 1, "O") + _entry("0123456789abcdef", 1, "O"), "repeats the entry at line 1"),
        (_entry("0123456789abcdef", 1, "O", changes="[]"), "changes must be"),
        ("- id: 0123456789abcdef\n  tokens: 1\n  labels: O\n  note: x\n  colour: red\n  changes: [a]\n", "unknown field"),
        ("id: 0123456789abcdef\n", "must be a YAML list"),
        ("- [1, 2]\n", "must be a mapping"),
    ],
)
def test_bad_entries_are_errors_naming_file_and_entry(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(LanguageDataError, match=message) as exc:
        ev.load_corrections(path)
    assert str(path) in str(exc.value)


def test_the_shipped_corrections_file_validates():
    corr = ev.load_corrections(ev.corrections_path("banglakit"))
    assert len(corr) == 68
    assert all(len(c.labels) == c.tokens and c.changes for c in corr.values())
    # Names of the three scored types only; the file adds names, it never empties the set.
    assert sum(len(bio_spans(list(c.labels))) for c in corr.values()) > len(corr)


@pytest.mark.skipif(not (ev.ner_dir() / "banglakit_main.jsonl").is_file(), reason="../shared/data/ner is not beside the repository")
def test_corrected_set_differs_from_the_published_one_exactly_where_the_file_says():
    corr = ev.load_corrections(ev.corrections_path("banglakit"))
    published = ev.heldout_sets()["banglakit"]
    corrected = ev.heldout_sets(corrected=True)["banglakit"]
    assert [t for t, _ in published] == [t for t, _ in corrected]
    changed = {ev.sentence_key(t) for (t, a), (_, b) in zip(published, corrected) if a != b}
    assert changed == set(corr)  # every entry changes its sentence, and nothing else changes
    for toks, labs in corrected:
        key = ev.sentence_key(toks)
        if key in corr:
            assert labs == list(corr[key].labels)
    names = lambda sents: sum(len(bio_spans(labs)) for _, labs in sents)  # noqa: E731
    assert (names(published), names(corrected)) == (396, 490)
