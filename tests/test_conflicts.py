"""Conflicting claims across articles (ghotona.corpus.conflicts).

The short articles here are written for these tests; the sample-page test
reads the real pages from ../shared and never copies their text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ghotona.claims import find_claims
from ghotona.corpus.conflicts import (
    ConflictSide,
    compare_dates,
    conflict_from_json,
    rebuild_conflicts,
    update_conflicts,
    value_interval,
)
from ghotona.corpus.merge import EventMerger
from ghotona.evaluate.extraction import shared_dir
from ghotona.pipeline import Extractor, article_from_text
from ghotona.records import Article
from ghotona.store import open_store
from ghotona.store.base import Store

SEOUL_600 = "সিউল জানিয়েছে, কুরস্কের লড়াইয়ে উত্তর কোরিয়ার প্রায় ৬০০ সৈনিক নিহত হয়েছেন।"
LONDON_6000 = "ব্রিটেনের প্রতিরক্ষা মন্ত্রণালয় বলছে, ইউক্রেনের যুদ্ধে এ পর্যন্ত ৬ হাজারের বেশি উত্তর কোরীয় সৈনিক নিহত হয়েছেন।"
KYIV_650 = "কিয়েভের এক কর্মকর্তা বলেছেন, যুদ্ধে ৬৫০ জন উত্তর কোরীয় সৈনিক নিহত হয়েছেন।"
RAKHINE_40 = "মিয়ানমারের রাখাইনে সেনাবাহিনীর বিমান হামলায় অন্তত ৪০ জন নিহত হয়েছেন বলে জানিয়েছে স্থানীয় গণমাধ্যম।"
OLD_100 = "দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থা জানিয়েছে, ২০২৪ সালে উত্তর কোরিয়ার ১০০ সৈনিক নিহত হয়েছিলেন।"

_TEXTS = Extractor.for_texts()


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        yield s


def put(store: Store, text: str, day: str, outlet: str) -> tuple[Article, list]:
    art = article_from_text(text, day, outlet=outlet, source=outlet, extractor=_TEXTS)
    claims = find_claims(art)
    store.upsert_article(art)
    store.replace_claims(art.id, claims)
    return art, update_conflicts(store, art, claims=claims)


def test_figures_that_cannot_both_be_right_are_a_conflict_with_both_sides(store: Store) -> None:
    a, found = put(store, LONDON_6000, "2025-07-20", "Outlet B")
    assert found == []
    b, found = put(store, SEOUL_600, "2025-08-10", "Outlet A")
    assert len(found) == 1
    c = found[0]
    assert c.kind == "quantity" and c.counted == "killed" and c.ratio == 10.0
    old, new = c.sides  # older article first
    assert (old.article_id, old.outlet, old.value, old.bound) == (a.id, "Outlet B", 6000.0, "more-than")
    assert (new.article_id, new.outlet, new.value, new.bound, new.claimant) == (b.id, "Outlet A", 600.0, "about", "South Korea")
    assert "৬০০" in new.evidence and "৬ হাজারের" in old.evidence
    assert any("Q423" in r for r in c.reasons)  # North Korea's soldiers on both sides
    # Stored, and listed from either article.
    assert [conflict_from_json(x).id for x in store.conflicts(article_id=a.id)] == [c.id]
    assert store.count_conflicts(counted="killed") == 1 and store.count_conflicts(counted="injured") == 0


def test_figures_that_agree_or_concern_other_things_are_not(store: Store) -> None:
    put(store, SEOUL_600, "2025-08-10", "Outlet A")
    _, found = put(store, KYIV_650, "2025-07-25", "Outlet C")  # 650 is "about 600"
    assert found == []
    _, found = put(store, RAKHINE_40, "2025-08-09", "Outlet D")  # other dead, elsewhere
    assert found == []
    _, found = put(store, OLD_100, "2025-08-09", "Outlet E")  # a 2024 figure, not today's total
    assert found == []
    # The same total reported months later may have grown: not compared.
    _, found = put(store, LONDON_6000, "2026-01-20", "Outlet B")
    assert found == []


def test_updating_an_article_replaces_its_conflicts(store: Store) -> None:
    put(store, LONDON_6000, "2025-07-20", "Outlet B")
    art, found = put(store, SEOUL_600, "2025-08-10", "Outlet A")
    assert len(found) == 1
    assert len(update_conflicts(store, art)) == 1 and store.count_conflicts() == 1  # idempotent
    store.replace_claims(art.id, [])  # the page changed: no figure any more
    assert update_conflicts(store, art) == [] and store.count_conflicts() == 0
    # A rebuild from the stored claims finds nothing new, and nothing lost.
    assert rebuild_conflicts(store) == 0


def test_bounds_become_intervals() -> None:
    s = {"exact_tolerance": 0.1, "about_tolerance": 0.25}
    assert value_interval(600, None, "about", s) == (450.0, 750.0)
    assert value_interval(6000, None, "more-than", s)[1] == float("inf")
    assert value_interval(20, 50, "range", s) == (18.0, 55.00000000000001)
    assert value_interval(100, None, "up-to", s) == (0.0, 110.00000000000001)


def test_sample_pages_casualty_figures_conflict_with_both_sources() -> None:
    """About 600 killed per Seoul in one page, over 6,000 per British intelligence in another."""
    pages = shared_dir() / "samples" / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    from ghotona.ingest import ingest

    with open_store(":memory:") as store:
        ingest([str(pages)], store, Extractor(), corpus=False)
        merger = EventMerger(store)
        for art in store.list_articles(limit=50, order="oldest"):
            merger.add(art, store.events(article_id=art.id, limit=1000))
            update_conflicts(store, art)
        killed = [conflict_from_json(c) for c in store.conflicts(counted="killed")]
        assert len(killed) == 1, [c.to_json() for c in killed]
        sides = {s.value: s for s in killed[0].sides}
        assert set(sides) == {600.0, 6000.0}
        assert sides[600.0].claimant == "South Korea" and sides[600.0].bound == "about"
        assert sides[6000.0].claimant_id == "gh:gb-defence-intelligence" and sides[6000.0].bound == "more-than"
        assert sides[600.0].outlet != sides[6000.0].outlet and sides[600.0].article_id != sides[6000.0].article_id
        # No other figures of these pages disagree (troops sent in 2024 vs engineers to come, ...).
        assert store.count_conflicts(kind="quantity") == 1
        # Putin's visit to Pyongyang: "last November" in one page, "last year" in another.
        dates = [conflict_from_json(c) for c in store.conflicts(kind="date")]
        assert len(dates) == 1, [c.to_json() for c in dates]
        d = dates[0]
        assert d.level == "less-precise" and d.happening
        assert {s.date for s in d.sides} == {"2024", "2024-11"}
        assert len({s.outlet for s in d.sides}) == 2 and all(s.evidence and s.event_id for s in d.sides)


# -- dates of one happening -------------------------------------------------------

VISIT_YEAR = ("মস্কো, ১০ জুলাই — রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন আজ বলেছেন, দুই দেশের সম্পর্ক আরও গভীর হবে।\n"
              "গত বছর পুতিন উত্তর কোরিয়া সফর করেন।")
VISIT_MONTH = ("সিউল, ১২ জুলাই — উত্তর কোরিয়ার নেতা কিম জং উন নতুন এক ঘোষণা দিয়েছেন।\n"
               "গত বছরের নভেম্বরে পুতিন উত্তর কোরিয়া সফর করেন।")


def _ingest_text(store: Store, text: str, day: str, outlet: str) -> Article:
    from ghotona.corpus.update import CorpusUpdater
    from ghotona.ingest import Coder, IngestSummary, ingest_one

    art = article_from_text(text, day, outlet=outlet, source=outlet, extractor=_TEXTS)
    updater = CorpusUpdater(store)
    ingest_one(art, store, Coder(), IngestSummary(), updater)
    updater.close()
    return art


def test_one_visit_dated_to_a_year_and_to_a_month_inside_it_is_a_date_conflict(store: Store) -> None:
    a = _ingest_text(store, VISIT_YEAR, "2025-07-10", "Outlet A")
    b = _ingest_text(store, VISIT_MONTH, "2025-07-12", "Outlet B")
    found = [conflict_from_json(c) for c in store.conflicts(kind="date")]
    assert len(found) == 1, [c.to_json() for c in found]
    c = found[0]
    assert (c.kind, c.level) == ("date", "less-precise") and c.ratio is None
    older, newer = c.sides
    assert (older.article_id, older.outlet, older.date) == (a.id, "Outlet A", "2024")
    assert (newer.article_id, newer.outlet, newer.date) == (b.id, "Outlet B", "2024-11")
    assert "নভেম্বরে" in newer.text and "সফর" in newer.evidence
    assert store.count_conflicts(kind="quantity") == 0
    # Listed from either article, and idempotent on a re-run.
    assert store.count_conflicts(article_id=a.id) == store.count_conflicts(article_id=b.id) == 1
    update_conflicts(store, store.get_article(b.id))
    assert store.count_conflicts(kind="date") == 1


def test_a_day_against_its_month_is_not_listed_but_dates_that_cannot_both_hold_are() -> None:
    def side(d: str, gran: str, first: str, last: str) -> ConflictSide:
        return ConflictSide("a" + d, 0, "X", None, None, d, None, None, "date", "date", None, "date", None, None,
                            "", [], [first, last], "text", date=d, date_granularity=gran, event_id="ev:" + d)

    year = side("2024", "year", "2024-01-01", "2024-12-31")
    november = side("2024-11", "month", "2024-11-01", "2024-11-30")
    june = side("2024-06", "month", "2024-06-01", "2024-06-30")
    june_19 = side("2024-06-19", "day", "2024-06-19", "2024-06-19")
    coarse = frozenset({"year"})
    assert compare_dates(year, november, coarse)[0] == "less-precise"
    assert compare_dates(june, november, coarse)[0] == "disagree"
    assert compare_dates(june, june_19, coarse) is None  # ordinary reporting
    assert compare_dates(june, june, coarse) is None
    assert compare_dates(year, november, frozenset()) is None  # the precision rule switched off
