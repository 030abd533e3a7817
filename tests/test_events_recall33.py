"""An undated telling below the lead that recalls an older happening another article dates
(corpus/merge.py ``_recalled``, ``recalled_mentions``; events stored restated with
``date_how: "corpus"``), the ``in_lead`` field, and event ids told apart on a shared trigger.

The short articles here are written for these tests in our own words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ghotona.corpus.merge import EventMerger
from ghotona.events.coder import default_coder
from ghotona.pipeline import Extractor, article_from_text
from ghotona.records import Article
from ghotona.store import open_store
from ghotona.store.base import Store

_TEXTS = Extractor.for_texts()

# Each page leads with a meeting of its own day; the troops come below the lead.
LEAD_JULY = "সিউল, ১০ জুলাই — দক্ষিণ কোরিয়ার প্রেসিডেন্ট আজ বৃহস্পতিবার জাপানের প্রধানমন্ত্রীর সঙ্গে বৈঠক করেছেন।"
LEAD_AUG = "মস্কো, ১৩ আগস্ট — রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন আজ বুধবার বেলারুশের প্রেসিডেন্টের সঙ্গে বৈঠক করেছেন।"
FILLER = "দুই দেশের বাণিজ্য ও জ্বালানি নিয়ে কথা হয়েছে বলে কর্মকর্তারা জানিয়েছেন।"
UNDATED_TROOPS = "উত্তর কোরিয়া রাশিয়ার কুরস্ক অঞ্চলে কয়েক হাজার সেনা পাঠিয়েছে।"
DATED_TROOPS = "গোয়েন্দাদের হিসাবে ২০২৪ সালের অক্টোবরে উত্তর কোরিয়া রাশিয়ার কুরস্ক অঞ্চলে কয়েক হাজার সেনা পাঠিয়েছিল।"
UNDATED_STRIKE = "রাশিয়া ইউক্রেনের খারকিভে ক্ষেপণাস্ত্র হামলা চালিয়েছে।"
DATED_STRIKE = "২০২২ সালের মার্চে রাশিয়া ইউক্রেনের খারকিভে ক্ষেপণাস্ত্র হামলা চালিয়েছিল।"


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        yield s


def put(store: Store, merger: EventMerger, paragraphs: list[str], day: str, outlet: str) -> Article:
    art = article_from_text("\n\n".join(paragraphs), day, outlet=outlet, source=outlet, extractor=_TEXTS)
    events = default_coder().code(art)
    store.upsert_article(art)
    store.replace_events(art.id, events)
    merger.add(art, events)
    return art


def stored(store: Store, art: Article, type_: str) -> list[dict]:
    return [e for e in store.events(article_id=art.id, limit=100) if e["event"] == type_]


def test_in_lead_says_where_the_article_first_tells_the_event() -> None:
    art = article_from_text("\n\n".join([LEAD_JULY, FILLER, UNDATED_TROOPS]), "2025-07-10", extractor=_TEXTS)
    events = {e.type: e for e in default_coder().code(art)}
    assert events["CONSULT"].in_lead is True and events["CONSULT"].to_json()["in_lead"] is True
    assert events["AID"].in_lead is False and events["AID"].status == "occurred"
    assert events["AID"].date_how == "publication-fallback"


@pytest.mark.parametrize("dated_first", [False, True])
def test_an_undated_telling_below_the_lead_is_background_when_another_article_dates_it_long_before(
        store: Store, dated_first: bool) -> None:
    merger = EventMerger(store)
    pages = [([LEAD_JULY, FILLER, UNDATED_TROOPS], "2025-07-10", "Outlet A"),
             ([LEAD_AUG, FILLER, DATED_TROOPS], "2025-08-13", "Outlet B")]
    if dated_first:
        pages.reverse()
    arts = {outlet: put(store, merger, paras, day, outlet) for paras, day, outlet in pages}
    (old,) = stored(store, arts["Outlet B"], "AID")
    assert (old["status"], old["date"], old["date_how"]) == ("historical", "2024-10", "text")
    (recalled,) = stored(store, arts["Outlet A"], "AID")
    assert (recalled["status"], recalled["date"], recalled["date_granularity"], recalled["date_how"]) == \
        ("historical", "2024-10", "month", "corpus")
    assert any(arts["Outlet B"].id in w and "background" in w for w in recalled["warnings"])
    assert not any(w.startswith("date:") for w in recalled["warnings"])  # no longer the publication's date
    # One happening, both reports; the listing by date finds the restated event in 2024.
    assert store.happening_of_event(recalled["id"])["id"] == store.happening_of_event(old["id"])["id"]
    assert [e["id"] for e in store.events(type="AID", since="2024-10", until="2024-10")] != []
    assert all(e["date_how"] != "publication-fallback" for e in store.events(type="AID", since="2025-07-01"))


def test_the_same_telling_in_the_lead_is_the_news_and_stays(store: Store) -> None:
    merger = EventMerger(store)
    put(store, merger, [LEAD_AUG, FILLER, DATED_TROOPS], "2025-08-13", "Outlet B")
    news = put(store, merger, [UNDATED_TROOPS, FILLER], "2025-07-10", "Outlet A")
    (e,) = stored(store, news, "AID")
    assert (e["status"], e["date_how"]) == ("occurred", "publication-fallback")


def test_a_recurring_act_or_one_told_at_no_place_is_not_taken_for_the_older_one(store: Store) -> None:
    merger = EventMerger(store)
    put(store, merger, [LEAD_AUG, FILLER, DATED_STRIKE], "2025-08-13", "Outlet B")
    strike = put(store, merger, [LEAD_JULY, FILLER, UNDATED_STRIKE], "2025-07-10", "Outlet A")
    (e,) = stored(store, strike, "ASSAULT")
    assert e["status"] == "occurred"  # Kharkiv is struck again and again
    put(store, merger, [LEAD_AUG, FILLER, DATED_TROOPS], "2025-08-13", "Outlet C")
    nowhere = put(store, merger, [LEAD_JULY, FILLER, "উত্তর কোরিয়া রাশিয়ায় কয়েক হাজার সেনা পাঠিয়েছে বলে জানা গেছে।"],
                  "2025-07-10", "Outlet D")
    assert all(e["status"] == "occurred" for e in stored(store, nowhere, "AID"))


def test_a_recent_dated_telling_is_not_recalled_background(store: Store) -> None:
    merger = EventMerger(store)
    recent = DATED_TROOPS.replace("২০২৪ সালের অক্টোবরে", "গত ৫ জুলাই")
    put(store, merger, [LEAD_AUG, FILLER, recent], "2025-07-09", "Outlet B")
    news = put(store, merger, [LEAD_JULY, FILLER, UNDATED_TROOPS], "2025-07-10", "Outlet A")
    assert all(e["status"] == "occurred" for e in stored(store, news, "AID"))


def test_two_acts_on_one_trigger_have_two_ids_and_are_stored(store: Store) -> None:
    text = "মিসর সুদানের সেনাবাহিনীকে এবং সংযুক্ত আরব আমিরাত আরএসএফকে সমর্থন দিচ্ছে বলে অভিযোগ রয়েছে।"
    art = article_from_text(text, "2025-12-30", extractor=_TEXTS)
    events = [e for e in default_coder().code(art) if e.type == "SUPPORT"]
    assert len(events) == 2 and len({e.id for e in events}) == 2
    store.upsert_article(art)
    store.replace_events(art.id, events)  # refused before: two events shared one id
    assert len(store.events(article_id=art.id)) == 2


def test_evaluate_corpus_scores_the_stored_events(store: Store) -> None:
    from ghotona.evaluate.events import CorpusCoder, GoldArticle

    arts = [article_from_text("\n\n".join(p), d, outlet=o, source=o, extractor=_TEXTS)
            for p, d, o in (([LEAD_JULY, FILLER, UNDATED_TROOPS], "2025-07-10", "A"),
                            ([LEAD_AUG, FILLER, DATED_TROOPS], "2025-08-13", "B"))]
    coder = CorpusCoder([GoldArticle(a.id, "t", a) for a in arts])
    (aid,) = [e for e in coder.code(arts[0]) if e.type == "AID"]
    assert (aid.status, aid.date, aid.date_how) == ("historical", "2024-10", "corpus")
    (alone,) = [e for e in default_coder().code(arts[0]) if e.type == "AID"]
    assert alone.status == "occurred"
