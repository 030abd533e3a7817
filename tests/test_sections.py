"""A site's sections: pages of sport, entertainment and lifestyle are stored but not coded
(data/sections.yaml, defaults.toml [events] skip_sections).

The records below are written for this file; the URLs are of example.com.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghotona import sections
from ghotona.cli import main
from ghotona.errors import ConfigError, LanguageDataError
from ghotona.ingest import ingest
from ghotona.pipeline import Extractor
from ghotona.sections import section_of, skip_sections
from ghotona.store import open_store

_SPORT = {"title": "জয়ের নায়ক", "published": "2025-12-30", "url": "https://example.com/sports/cricket/12345",
          "body": "বুধবার মিরপুরে তাসকিন চার উইকেট নিয়ে দলকে জিততে সাহায্য করেন। ম্যাচ শেষে অধিনায়ক "
                  "বোর্ডের প্রতি কৃতজ্ঞতা প্রকাশ করেন। ম্যাচ দেখতে অন্তত ২০ হাজার দর্শক মাঠে আসেন।"}
_POLITICS = {"title": "সচিব পর্যায়ের বৈঠক", "published": "2025-12-30", "url": "https://example.com/politics/news/777",
             "body": "বুধবার ঢাকায় বাংলাদেশ ও ভারতের পররাষ্ট্রসচিবরা বৈঠক করেছেন। বৈঠকে তারা সীমান্তে "
                     "অন্তত ৩০ জন নিহত হওয়ার ঘটনা তুলে ধরেন।"}


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GHOTONA_CONFIG", raising=False)
    monkeypatch.delenv("GHOTONA_DB", raising=False)


def _records(tmp_path: Path, *records: dict) -> Path:
    p = tmp_path / "records.json"
    p.write_text(json.dumps(list(records), ensure_ascii=False), "utf-8")
    return p


@pytest.mark.parametrize(("url", "desk", "section"), [
    ("https://example.com/sports/cricket/12345", None, "sports"),
    ("https://example.com/details/entertainment/55", None, "entertainment"),
    ("https://example.com/politics/news/777", None, None),
    ("https://example.com/transports/news/1", None, None),  # a whole segment, not a part of one
    ("https://example.com/news/sports-minister-resigns", None, None),  # the story's slug is not its section
    (None, "খেলা ডেস্ক", "sports"),
    (None, "বিনোদন প্রতিবেদক", "entertainment"),
    (None, "আন্তর্জাতিক ডেস্ক", None),
    ("https://example.com/politics/news/1", "খেলা ডেস্ক", "sports"),
])
def test_the_section_is_read_from_the_url_path_or_the_desk(url, desk, section) -> None:
    assert section_of(url, desk) == section


def test_the_shipped_default_skips_sport_entertainment_and_lifestyle() -> None:
    assert skip_sections() == {"sports", "entertainment", "lifestyle"}


def test_an_unknown_section_in_the_settings_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"unknown section\(s\) \['sport'\].*known"):
        skip_sections({"events": {"skip_sections": ["sport"]}})


def test_a_section_without_desk_words_is_refused_on_load(monkeypatch: pytest.MonkeyPatch) -> None:
    sections.load_sections.cache_clear()
    monkeypatch.setattr(sections, "load_yaml", lambda name: {"sections": {"sports": {"url": ["sports"]}}})
    try:
        with pytest.raises(LanguageDataError, match="desk"):
            sections.load_sections()
    finally:
        monkeypatch.undo()
        sections.load_sections.cache_clear()


def test_events_leaves_a_sports_page_uncoded_and_says_so(tmp_path: Path) -> None:
    path = _records(tmp_path, _SPORT, _POLITICS)
    result = CliRunner().invoke(main, ["events", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert rows and {r["event"] for r in rows} >= {"CONSULT"}
    assert all("তাসকিন" not in r["evidence"][0]["sentence"] for r in rows)
    assert "not coded" in result.stderr and "sports 1" in result.stderr and "skip_sections = []" in result.stderr


def test_a_config_with_no_skipped_sections_codes_every_page(tmp_path: Path) -> None:
    path = _records(tmp_path, _SPORT)
    (tmp_path / "all.toml").write_text("[events]\nskip_sections = []\n", "utf-8")
    result = CliRunner().invoke(main, ["--config", str(tmp_path / "all.toml"), "events", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert "not coded" not in result.stderr


def test_claims_leaves_a_sports_page_uncoded(tmp_path: Path) -> None:
    path = _records(tmp_path, _SPORT, _POLITICS)
    result = CliRunner().invoke(main, ["claims", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert rows and all(r["source"].endswith("records.json#1") for r in rows)  # the politics record only
    assert "sports 1" in result.stderr
    (tmp_path / "all.toml").write_text("[events]\nskip_sections = []\n", "utf-8")
    every = CliRunner().invoke(main, ["--config", str(tmp_path / "all.toml"), "claims", str(path), "--json"])
    assert any(json.loads(x)["source"].endswith("#0") for x in every.stdout.splitlines() if x.startswith("{"))


def test_ingest_stores_a_sports_page_without_events_or_claims(tmp_path: Path) -> None:
    path = _records(tmp_path, _SPORT, _POLITICS)
    with open_store(":memory:") as store:
        summary = ingest([str(path)], store, Extractor(), corpus=False)
        arts = {a.url: a for a in store.list_articles(limit=10)}
        assert len(arts) == 2 and summary.events > 0
        sport = arts[_SPORT["url"]]
        politics = arts[_POLITICS["url"]]
        assert store.events(article_id=sport.id, limit=10) == []
        assert store.events(article_id=politics.id, limit=10) != []
