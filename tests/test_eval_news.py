"""Gold entries that point at records of the news corpus in ../shared (ghotona.evaluate.news)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ghotona.evaluate.claims import load_items
from ghotona.evaluate.events import load_gold
from ghotona.evaluate.extraction import shared_dir

CORPUS_REL = "data/news/bdnews_2025-12-30.json"
CORPUS = shared_dir() / CORPUS_REL

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason="the news corpus in ../shared is needed")


def _record(dated: bool) -> dict:
    """A Bengali record of the corpus with (or without) a publication date."""
    for r in json.loads(CORPUS.read_text("utf-8")):
        text = r.get("article") or ""
        if bool(r.get("publication_date")) == dated and len(text) > 400 and "\u0995" in text[:200]:
            return r
    raise AssertionError("no such record")


def _word(text: str, k: int = 6) -> tuple[str, int]:
    """The k-th whitespace word of ``text`` (as the gold would quote a trigger) and its first offset."""
    w = text.split()[k].strip("।,")
    return w, text.find(w)


def _entry(r: dict, trigger: str, offset: int, date: str | None = "2025-12-30") -> dict:
    return {"id": "t01", "news": f"shared:{CORPUS_REL}", "record": str(r["id"]), "date": date,
            "events": [{"id": "t01-e01", "type": "PROTEST", "status": "occurred", "actors": [], "recipients": [],
                        "evidence": [{"trigger": trigger, "occurrence": 1, "offset": offset}]}],
            "claims": []}


def _write(tmp_path: Path, entries: list[dict]) -> Path:
    p = tmp_path / "news.yaml"
    p.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    return p


def test_trigger_is_located_in_the_extracted_body(tmp_path: Path) -> None:
    r = _record(dated=True)
    w, at = _word(r["article"])
    [art] = load_gold(_write(tmp_path, [_entry(r, w, at)]))
    [ev] = art.events
    assert ev.unlocated == 0 and len(ev.triggers) == 1
    s, e = ev.triggers[0]
    assert art.article.body[s:e] == w
    assert art.article.url == r["url"]


def test_missing_publication_date_takes_the_gold_date(tmp_path: Path) -> None:
    r = _record(dated=False)
    w, at = _word(r["article"])
    [art] = load_gold(_write(tmp_path, [_entry(r, w, at, date="2025-12-29")]))
    assert art.article.published is not None and art.article.published.date().isoformat() == "2025-12-29"


def test_record_date_wins_over_the_gold_date(tmp_path: Path) -> None:
    r = _record(dated=True)
    w, at = _word(r["article"])
    [art] = load_gold(_write(tmp_path, [_entry(r, w, at, date="1999-01-01")]))
    assert art.article.published.year != 1999


def test_wrong_offset_is_an_error_naming_the_entry(tmp_path: Path) -> None:
    r = _record(dated=True)
    w, at = _word(r["article"])
    with pytest.raises(ValueError, match=r"t01.*not at offset"):
        load_gold(_write(tmp_path, [_entry(r, w, at + 1)]))


def test_unknown_record_is_an_error(tmp_path: Path) -> None:
    r = dict(_record(dated=True), id="no-such-record")
    with pytest.raises(ValueError, match="no-such-record"):
        load_gold(_write(tmp_path, [_entry(r, "x", 0)]))


def test_claims_of_a_news_entry_are_found(tmp_path: Path) -> None:
    r = _record(dated=True)
    w, at = _word(r["article"], 8)
    entry = _entry(r, w, at)
    entry["claims"] = [{"text": w, "occurrence": 1, "value": 1, "bound": "exact", "unit": "count",
                        "counted": "other", "claimant": None}]
    [item] = load_items(_write(tmp_path, [entry]))
    [g] = item.gold
    assert g.start >= 0 and item.article.body[g.start:g.start + len(w)] == w


# -- sentence: entries (one line of a JSON-lines corpus, coded alone) -------------------------------

NER_REL = "data/ner/banglakit_main.jsonl"
NER = shared_dir() / NER_REL


def _sentence_entry(line: int, trigger: str | None) -> dict:
    events = [] if trigger is None else [
        {"id": "s-e01", "type": "ACCUSE", "status": "occurred", "actors": ["~unnamed"], "recipients": [],
         "evidence": [{"trigger": trigger, "occurrence": 1}]}]
    return {"id": f"s{line:04d}", "sentence": f"shared:{NER_REL}", "line": line, "events": events}


@pytest.mark.skipif(not NER.is_file(), reason="the NER corpus in ../shared is needed")
def test_sentence_entry_codes_that_line_alone(tmp_path: Path) -> None:
    lines = NER.read_text("utf-8").splitlines()
    text = json.loads(lines[4])[0]
    word = text.split()[2].strip("।,")
    [art] = load_gold(_write(tmp_path, [_sentence_entry(5, word)]))
    assert art.article.body.strip() == text.strip() and art.article.published is None
    [ev] = art.events
    s, e = ev.triggers[0]
    assert art.article.body[s:e] == word and ev.unlocated == 0


@pytest.mark.skipif(not NER.is_file(), reason="the NER corpus in ../shared is needed")
@pytest.mark.parametrize("line, trigger, message", [
    (0, None, "line number from 1"),
    (10**7, None, "line number from 1"),
    (5, "নেইএমনশব্দ", "is not in the text"),
])
def test_sentence_entry_errors_name_the_entry(tmp_path: Path, line: int, trigger: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_gold(_write(tmp_path, [_sentence_entry(line, trigger)]))


@pytest.mark.skipif(not NER.is_file(), reason="the NER corpus in ../shared is needed")
def test_date_level_of_undated_sentences_is_marked_not_meaningful(tmp_path: Path) -> None:
    from ghotona.evaluate.events import evaluate, render

    lines = NER.read_text("utf-8").splitlines()
    word = json.loads(lines[4])[0].split()[2].strip("।,")
    result = evaluate(load_gold(_write(tmp_path, [_sentence_entry(5, word)])))
    assert result["gold_dated"] == 0
    [row] = [ln for ln in render(result, 0).splitlines() if ln.startswith("type+actors+date")]
    assert "not meaningful" in row
