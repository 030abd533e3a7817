"""Tests for ghotona.store: serialisation, the SQLite store, Bengali search."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ghotona.errors import NotFound, StoreError
from ghotona.events.model import Event, EventSource, Evidence, Participant
from ghotona.records import ActorMention, Article, Claim, DateMention, Paragraph, Rejection, RemovedLine, Sentence
from ghotona.store import ORDERS, SNIPPET_END, SNIPPET_START, ActorArticle, SQLiteStore, Store, open_store
from ghotona.store import sqlite as sqlite_mod
from ghotona.store.serialize import article_from_dict, article_to_dict
from ghotona.store.base import date_range
from ghotona.store.sqlite import _statements, fts5_query

DHAKA = ZoneInfo("Asia/Dhaka")
# The newest shipped migration: tests must not break when one is added.
LATEST = sqlite_mod._migrations()[-1][0]


def make_paragraphs(texts: list[str]) -> list[Paragraph]:
    """Paragraphs with offsets into the joined body, one sentence per '।'."""
    out: list[Paragraph] = []
    pos = 0
    for text in texts:
        sentences: list[Sentence] = []
        s_start = 0
        for i, ch in enumerate(text):
            if ch in "।.?!" and (i + 1 == len(text) or text[i + 1] == " "):
                sentences.append(Sentence(pos + s_start, pos + i + 1, text[s_start : i + 1]))
                s_start = i + 2
        if s_start < len(text):
            sentences.append(Sentence(pos + s_start, pos + len(text), text[s_start:]))
        out.append(Paragraph(pos, pos + len(text), text, sentences))
        pos += len(text) + 2  # paragraphs are joined by "\n\n"
    return out


# Mentions of the default article's body, by hand (the store must not depend
# on the linker): (surface, type, actor id, how, role).
KIM, PUTIN = "Q56226", "Q7747"
DEFAULT_MENTIONS = [
    ("উত্তর কোরিয়ার নেতা", "person", KIM, "role", "supreme_leader"),
    ("কিম জং উনের", "person", KIM, "inflected", None),
    ("রাশিয়ার প্রেসিডেন্ট", "person", PUTIN, "role", "president"),
    ("পুতিন", "person", PUTIN, "exact", None),
    ("মস্কোতে", "place", "gh:ru-moscow", "inflected", None),
    ("ক্রেমলিন", "organisation", "gh:ru-kremlin", "exact", None),
]


def mentions_in(body: str, spec: list[tuple[str, str, str | None, str, str | None]]) -> list[ActorMention]:
    """ActorMentions at the first occurrence of each surface, in text order."""
    out = []
    for surface, typ, actor_id, how, role in spec:
        start = body.index(surface)
        out.append(ActorMention(start, start + len(surface), surface, typ, actor_id,
                                None if actor_id is None else f"name of {actor_id}", None, how,
                                0.9 if how == "role" else 1.0, role,
                                "role held 2012-05-07..; article date 2025-07-11" if role else None))
    return out


def make_article(
    id: str = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
    title: str | None = "কিমের সঙ্গে বৈঠকে বসছেন পুতিন",
    paragraphs: list[str] | None = None,
    *,
    content_hash: str = "hash-1",
    outlet: str | None = "প্রথম আলো",
    outlet_id: str | None = "prothomalo",
    language: str = "bn",
    published: datetime | None = datetime(2025, 7, 11, 10, 30, tzinfo=DHAKA),
    mentions: list[tuple[str, str, str | None, str, str | None]] | None = None,
) -> Article:
    default_body = paragraphs is None
    paragraphs = paragraphs or [
        "উত্তর কোরিয়ার নেতা কিম জং উনের সঙ্গে বৈঠক করবেন রাশিয়ার প্রেসিডেন্ট পুতিন। "
        "পররাষ্ট্রমন্ত্রীর বক্তব্যে এ কথা জানা গেছে।",
        "বৈঠকটি আগামী সপ্তাহে মস্কোতে হবে বলে জানিয়েছে ক্রেমলিন।",
    ]
    article = Article(
        id=id,
        source="pages/prothomalo-1.html",
        format="html",
        url=f"https://example.com/world/{id[:8]}",
        outlet=outlet,
        outlet_id=outlet_id,
        title=title,
        desk="আন্তর্জাতিক",
        byline="আন্তর্জাতিক ডেস্ক",
        wire_sources=["রয়টার্স", "এএফপি"],
        published=published,
        updated=datetime(2025, 7, 11, 12, 5, 30, 123456, tzinfo=timezone(timedelta(hours=6))),
        page_date=datetime(2025, 7, 12, 0, 0, tzinfo=DHAKA),
        paragraphs=make_paragraphs(paragraphs),
        language=language,
        language_score=0.987654321,
        republished=False,
        warnings=["weekday-mismatch"],
        removed=[
            RemovedLine("আরও পড়ুন", "related-link"),
            RemovedLine("বিজ্ঞাপন", "ad"),
        ],
        dates_on_page=[
            DateMention(
                text="১১ জুলাই ২০২৫, ১০:৩০",
                start=0,
                end=19,
                value=datetime(2025, 7, 11, 10, 30, tzinfo=DHAKA),
                granularity="minute",
                has_time=True,
                role="published",
                weekday_given=4,
                bangla_date="27 Asharh 1432",
                warnings=["no-year"],
            ),
            DateMention(
                text="জুলাই ২০২৫",
                start=40,
                end=50,
                value=datetime(2025, 7, 1, tzinfo=timezone.utc),
                granularity="month",
                has_time=False,
            ),
        ],
        signoff="/এসএইচ",
        encoding="windows-1252",
        content_hash=content_hash,
    )
    if mentions is None and default_body:
        mentions = DEFAULT_MENTIONS
    article.actor_mentions = mentions_in(article.body, mentions or [])
    return article


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        yield s


def table_counts(s: SQLiteStore) -> dict[str, int]:
    return {
        t: s.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("articles", "articles_fts", "article_versions")
    }


# -- serialisation ---------------------------------------------------------


def test_serialize_round_trip_is_exact() -> None:
    a = make_article()
    data = article_to_dict(a)
    # Every dataclass field is there, so nothing is silently dropped.
    assert set(data) == {f.name for f in dataclasses.fields(Article)}
    back = article_from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert back == a
    # repr also compares tzinfo objects (== on aware datetimes only compares
    # instants), microseconds and float digits.
    assert repr(back) == repr(a)
    assert back.published.tzinfo == DHAKA
    assert back.updated.tzinfo == timezone(timedelta(hours=6))
    assert back.paragraphs[0].sentences[1].text == "পররাষ্ট্রমন্ত্রীর বক্তব্যে এ কথা জানা গেছে।"
    assert isinstance(back.dates_on_page[0], DateMention)
    assert isinstance(back.removed[0], RemovedLine)
    for p in back.paragraphs:
        for s in p.sentences:
            assert back.body[s.start : s.end] == s.text


def test_serialize_handles_nones_naive_dates_and_old_rows() -> None:
    a = make_article(title=None, outlet=None, outlet_id=None, published=None)
    a.page_date = datetime(2025, 1, 2, 3, 4)  # naive stays naive
    a.updated = None
    back = article_from_dict(article_to_dict(a))
    assert repr(back) == repr(a)
    # A row written before a field existed loads with the field's default;
    # a key from a newer version is ignored.
    data = article_to_dict(a)
    del data["signoff"], data["warnings"]
    data["from_the_future"] = 1
    old = article_from_dict(data)
    assert old.signoff is None and old.warnings == []


# -- articles --------------------------------------------------------------


def test_store_round_trip_every_field(store: Store) -> None:
    a = make_article()
    assert store.upsert_article(a) == "new"
    back = store.get_article(a.id)
    assert back == a and repr(back) == repr(a)


def test_upsert_new_unchanged_updated_and_history(store: Store) -> None:
    a = make_article()
    assert store.upsert_article(a) == "new"
    assert store.upsert_article(make_article()) == "unchanged"
    changed = make_article(
        paragraphs=["সংশোধিত: বৈঠক স্থগিত করা হয়েছে বলে জানিয়েছে ক্রেমলিন।"], content_hash="hash-2"
    )
    assert store.upsert_article(changed) == "updated"
    assert store.upsert_article(changed) == "unchanged"
    assert store.get_article(a.id) == changed
    assert store.count_articles() == 1

    hist = store.history(a.id)
    assert [(h["version"], h["content_hash"], h["current"]) for h in hist] == [
        (1, "hash-1", False),
        (2, "hash-2", True),
    ]
    assert hist[0]["replaced_at"] is not None and hist[1]["replaced_at"] is None
    assert hist[0]["stored_at"] <= hist[0]["replaced_at"] == hist[1]["stored_at"]
    assert store.get_version(a.id, 1) == a
    assert store.get_version(a.id, 2) == changed
    with pytest.raises(NotFound):
        store.get_version(a.id, 3)


def test_empty_content_hash_still_detects_changes(store: Store) -> None:
    a = make_article(content_hash="")
    assert store.upsert_article(a) == "new"
    assert store.upsert_article(make_article(content_hash="")) == "unchanged"
    b = make_article(content_hash="", paragraphs=["সম্পূর্ণ নতুন লেখা।"])
    assert store.upsert_article(b) == "updated"
    assert store.get_article(a.id).content_hash == ""  # the article itself is untouched


def test_get_article_by_prefix_and_errors(store: Store) -> None:
    store.upsert_article(make_article(id="abcdef0123456789"))
    store.upsert_article(make_article(id="abcdef9876543210"))
    store.upsert_article(make_article(id="123456aaaaaaaaaa"))
    assert store.get_article("123456").id == "123456aaaaaaaaaa"
    assert store.get_article("ABCDEF01").id == "abcdef0123456789"
    assert store.history("abcdef98")[0]["version"] == 1
    with pytest.raises(NotFound, match="more than one"):
        store.get_article("abcdef")
    with pytest.raises(NotFound, match="at least 6"):
        store.get_article("12345")
    with pytest.raises(NotFound, match="ghotona articles"):
        store.get_article("ffffffffff")
    with pytest.raises(NotFound, match="ghotona articles"):
        store.get_article("*")  # GLOB wildcard is taken literally


def test_list_filter_count_and_order(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # A clock that always advances, so "seen" order cannot tie on a fast machine.
    ticks = iter(range(1000))
    monkeypatch.setattr(sqlite_mod, "_now", lambda: f"2025-07-12T00:00:{next(ticks):02d}.000000+00:00")
    utc_later = make_article(id="id-utc-later-000", published=datetime(2025, 7, 11, 5, 0, tzinfo=timezone.utc))
    # 10:30 in Dhaka is 04:30 UTC: earlier, although "10:30" > "05:00" as text.
    dhaka_earlier = make_article(id="id-dhaka-early-0")
    undated = make_article(id="id-undated-00000", published=None, outlet="The Daily Star",
                           outlet_id="dailystar", language="en", title="Putin to meet Kim")
    for a in (dhaka_earlier, undated, utc_later):
        store.upsert_article(a)
    ids = lambda xs: [x.id for x in xs]  # noqa: E731
    assert ids(store.list_articles()) == ["id-utc-later-000", "id-dhaka-early-0", "id-undated-00000"]
    assert ids(store.list_articles(order="oldest")) == [
        "id-dhaka-early-0", "id-utc-later-000", "id-undated-00000"]
    assert ids(store.list_articles(order="seen"))[0] == "id-utc-later-000"
    assert ids(store.list_articles(order="title"))[0] == "id-undated-00000"
    assert ids(store.list_articles(limit=1, offset=1)) == ["id-dhaka-early-0"]
    assert ids(store.list_articles(outlet="dailystar")) == ["id-undated-00000"]
    assert ids(store.list_articles(outlet="The Daily Star")) == ["id-undated-00000"]
    assert store.count_articles() == 3
    assert store.count_articles(outlet="প্রথম আলো") == 2
    assert store.count_articles(language="en") == 1
    assert store.count_articles(outlet="prothomalo", language="en") == 0
    assert set(ORDERS) == {"published", "oldest", "seen", "title"}
    with pytest.raises(ValueError, match="order must be one of"):
        store.list_articles(order="random")


def test_failed_index_write_leaves_nothing(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_article()

    def boom(self: SQLiteStore, doc: int, article: Article) -> None:
        raise RuntimeError("index write failed")

    with monkeypatch.context() as m:
        m.setattr(SQLiteStore, "_index", boom)
        with pytest.raises(RuntimeError):
            store.upsert_article(a)
    assert table_counts(store) == {"articles": 0, "articles_fts": 0, "article_versions": 0}
    assert not store.conn.in_transaction

    # An update that fails half-way keeps the old version, its index row,
    # and writes no history.
    store.upsert_article(a)
    changed = make_article(paragraphs=["নতুন সংস্করণ: বৈঠক বাতিল।"], content_hash="hash-2")
    with monkeypatch.context() as m:
        m.setattr(SQLiteStore, "_index", boom)
        with pytest.raises(RuntimeError):
            store.upsert_article(changed)
    assert table_counts(store) == {"articles": 1, "articles_fts": 1, "article_versions": 0}
    assert store.get_article(a.id) == a
    assert store.search("ক্রেমলিন") and not store.search("বাতিল")
    assert store.upsert_article(changed) == "updated"  # and it still works afterwards


def test_nested_transaction_undoes_only_the_failed_article(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_article(id="good-article-0001")
    bad = make_article(id="bad-article-00001")
    real_index = SQLiteStore._index

    def fail_for_bad(self: SQLiteStore, doc: int, article: Article) -> None:
        real_index(self, doc, article)
        if article.id == bad.id:
            raise RuntimeError("fails after the FTS row was written")

    monkeypatch.setattr(SQLiteStore, "_index", fail_for_bad)
    with store.transaction():
        store.upsert_article(good)
        with pytest.raises(RuntimeError):
            store.upsert_article(bad)
    assert [x.id for x in store.list_articles()] == [good.id]
    assert table_counts(store)["articles_fts"] == 1
    with pytest.raises(ZeroDivisionError):
        with store.transaction():
            store.upsert_article(make_article(id="other-000001"))
            1 / 0  # any error in the outer block undoes everything in it
    assert store.count_articles() == 1


# -- actor mentions --------------------------------------------------------


def mention_rows(s: SQLiteStore) -> int:
    return s.conn.execute("SELECT COUNT(*) FROM actor_mentions").fetchone()[0]


def test_mentions_are_stored_with_the_article(store: SQLiteStore) -> None:
    a = make_article()
    assert len(a.actor_mentions) == 6
    store.upsert_article(a)
    assert store.mentions(a.id) == a.actor_mentions  # every field, in text order
    assert store.mentions(a.id[:8]) == a.actor_mentions  # an id prefix, as for get_article
    role = store.mentions(a.id)[0]
    assert (role.how, role.role, role.score, role.note) == ("role", "supreme_leader", 0.9, a.actor_mentions[0].note)
    assert store.get_article(a.id).actor_mentions == a.actor_mentions  # and in the article itself
    with pytest.raises(NotFound):
        store.mentions("no-such-article")


def test_articles_with_actor(store: SQLiteStore) -> None:
    older = make_article(id="older-article-01", published=datetime(2025, 7, 1, 9, 0, tzinfo=DHAKA))
    newer = make_article(id="newer-article-02", published=datetime(2025, 7, 20, 9, 0, tzinfo=DHAKA))
    other = make_article(
        id="other-article-03", paragraphs=["ক্রেমলিন এক বিবৃতি দিয়েছে।"],
        mentions=[("ক্রেমলিন", "organisation", "gh:ru-kremlin", "exact", None)],
    )
    for a in (older, newer, other):
        store.upsert_article(a)
    hits = store.articles_with_actor(KIM)
    assert [h.id for h in hits] == [newer.id, older.id]  # newest first
    h = hits[0]
    assert isinstance(h, ActorArticle) and h.title == newer.title and h.outlet == newer.outlet
    assert h.published == newer.published
    assert h.mentions == 2 and h.first == newer.body.index("উত্তর কোরিয়ার নেতা")
    assert store.count_articles_with_actor(KIM) == 2
    assert {h.id for h in store.articles_with_actor("gh:ru-kremlin")} == {older.id, newer.id, other.id}
    # other was published on 2025-07-11, between the two
    assert [h.id for h in store.articles_with_actor("gh:ru-kremlin", limit=1, offset=1)] == [other.id]
    assert store.articles_with_actor("Q0") == [] and store.count_articles_with_actor("Q0") == 0


def test_reingest_replaces_the_mentions_and_nothing_else(store: SQLiteStore) -> None:
    a = make_article()
    b = make_article(id="second-article-b")
    store.upsert_article(a)
    store.upsert_article(b)
    assert mention_rows(store) == 12
    # Same text, a better linker: the article is unchanged, its mentions are replaced.
    relinked = make_article(mentions=[*DEFAULT_MENTIONS[:3], ("পুতিন", "person", PUTIN, "short-form", None)])
    assert store.upsert_article(relinked) == "unchanged"
    assert store.mentions(a.id) == relinked.actor_mentions
    assert store.mentions(b.id) == b.actor_mentions  # the other article keeps its rows
    assert mention_rows(store) == 4 + 6
    # A changed text: a new version, with its own mentions; the history stays.
    changed = make_article(
        paragraphs=["সংশোধিত: বৈঠক স্থগিত করা হয়েছে বলে জানিয়েছে ক্রেমলিন।"], content_hash="hash-2",
        mentions=[("ক্রেমলিন", "organisation", "gh:ru-kremlin", "exact", None)],
    )
    assert store.upsert_article(changed) == "updated"
    assert [m.text for m in store.mentions(a.id)] == ["ক্রেমলিন"]
    assert [v["version"] for v in store.history(a.id)] == [1, 2]
    assert store.count_articles_with_actor(KIM) == 1  # only b still names him
    # Mentions can be replaced without re-ingesting, and cleared.
    store.replace_mentions(a.id, [])
    assert store.mentions(a.id) == [] and store.get_article(a.id) == changed
    with pytest.raises(NotFound, match="store the article first"):
        store.replace_mentions("no-such-article", changed.actor_mentions)


def test_failed_mention_write_leaves_nothing(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: SQLiteStore, article_id: str, mentions: list[ActorMention]) -> None:
        raise RuntimeError("mention write failed")

    with monkeypatch.context() as m:
        m.setattr(SQLiteStore, "_write_mentions", boom)
        with pytest.raises(RuntimeError):
            store.upsert_article(make_article())
    assert table_counts(store) == {"articles": 0, "articles_fts": 0, "article_versions": 0}
    assert mention_rows(store) == 0


def test_mention_indexes(store: SQLiteStore) -> None:
    plan = " ".join(
        r[-1] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT article_id FROM actor_mentions WHERE actor_id = ?", ("Q1",)
        )
    )
    assert "actor_mentions_actor" in plan
    plan = " ".join(
        r[-1] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM actor_mentions WHERE article_id = ?", ("x",)
        )
    )
    assert "USING INDEX" in plan or "PRIMARY KEY" in plan


def test_migration_copies_mentions_of_older_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A store at schema 1 (before actor_mentions), holding an article whose
    # JSON already carries its mentions.
    path = tmp_path / "old.db"
    first = sqlite_mod._migrations()[:1]
    with monkeypatch.context() as m:
        m.setattr(sqlite_mod, "_migrations", lambda: first)
        m.setattr(SQLiteStore, "_write_mentions", lambda self, article_id, mentions: None)
        with open_store(str(path)) as old:
            old.upsert_article(make_article())
            old.upsert_article(make_article(id="no-mentions-0001", paragraphs=["কোনো নাম নেই।"]))
            assert old.schema_version() == 1
    with open_store(str(path)) as s:
        assert s.schema_version() == LATEST
        a = make_article()
        assert s.mentions(a.id) == a.actor_mentions
        assert s.mentions("no-mentions-0001") == []
        assert s.get_article(a.id) == a  # nothing else touched


# -- events and claims -----------------------------------------------------

# Hand-made events and claims (the store must not depend on the coder): the
# default article's body, "Putin will meet Kim", gives the spans.
XI = "Q15031"


def who(article: Article, surface: str, actor_id: str | None, name: str | None, typ: str = "person") -> Participant:
    start = article.body.index(surface)
    return Participant(actor_id, name, None, surface, start, start + len(surface), typ)


def make_event(
    article: Article, n: int, type: str, date: str | None, *, gran: str | None = None, status: str = "occurred",
    actors: list[Participant] | None = None, recipients: list[Participant] | None = None,
    location: Participant | None = None, trigger: str = "বৈঠক",
) -> Event:
    s = article.paragraphs[0].sentences[0]
    t = article.body.index(trigger)
    return Event(
        id=f"ev:{article.id}:{n}", article_id=article.id, type=type, mode=None, contexts=["diplomatic"],
        actors=actors or [], recipients=recipients or [], location=location,
        date=date, date_granularity=gran or {10: "day", 8: "week", 7: "month", 4: "year"}.get(len(date or "")),
        date_how="text" if date else "none", date_text=None, status=status,
        sources=[EventSource("ক্রেমলিন", "official", "gh:ru-kremlin", "Kremlin")],
        evidence=[Evidence(s.start, s.end, s.text, t, t + len(trigger), trigger, None)],
        confidence=0.8, outlet=article.outlet, outlet_id=article.outlet_id, cameo="040",
    )


def make_claim(article: Article, surface: str, value: float, counted: str, claimant: str | None = None) -> Claim:
    start = article.body.index(surface)
    return Claim(
        start=start, end=start + len(surface), text=surface, value=value, value_max=None, bound="at-least",
        unit="count", currency=None, counted=counted, counted_text=None, counted_start=None, counted_end=None,
        claimant=claimant, claimant_id=None, claimant_text=None, claimant_kind=None, claimed=False,
        sentence_start=0, sentence_end=len(article.body), confidence=0.9,
    )


CLAIM_BODY = ["সংঘর্ষে অন্তত ১২ জন নিহত ও ৪০ জন আহত হয়েছেন বলে জানিয়েছে পুলিশ। সীমান্তে ৩০০০ সেনা পাঠানো হয়েছে।"]


@pytest.fixture
def coded(store: SQLiteStore) -> tuple[SQLiteStore, Article, Article, list[Event]]:
    """Two articles with events: ``a`` (published 2025-07-11) and ``b`` (2025-07-20)."""
    a = make_article(id="article-a-000001")
    b = make_article(id="article-b-000002", published=datetime(2025, 7, 20, 9, 0, tzinfo=DHAKA))
    for art in (a, b):
        store.upsert_article(art)
    putin, kim = who(a, "পুতিন", PUTIN, "Vladimir Putin"), who(a, "কিম জং উনের", KIM, "Kim Jong Un")
    moscow = who(a, "মস্কোতে", "gh:ru-moscow", "Moscow", "place")
    evs = [
        make_event(a, 0, "CONSULT", "2025-07-18", status="planned", actors=[putin], recipients=[kim], location=moscow),
        make_event(a, 1, "CONSULT", None, actors=[putin]),                       # undated
        make_event(a, 2, "ASSAULT", "2025-07", actors=[who(a, "রাশিয়ার প্রেসিডেন্ট", PUTIN, "Vladimir Putin")]),
        make_event(a, 3, "ACCUSE", "2025-W28", recipients=[kim]),                  # 2025-07-07 .. 07-13
    ]
    evs_b = [
        make_event(b, 0, "CONSULT", "2025-07-18", actors=[putin]),               # same day as a's: b is newer
        make_event(b, 1, "SANCTION", "2024", status="historical", actors=[who(b, "ক্রেমলিন", "gh:ru-kremlin", "Kremlin", "organisation")]),
    ]
    store.replace_events(a.id, evs)
    store.replace_events(b.id, evs_b)
    return store, a, b, evs + evs_b


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_events_round_trip_and_order(coded) -> None:
    store, a, b, evs = coded
    by_id = {e.id: e for e in evs}
    got = store.events()
    assert all(row == by_id[row["id"]].to_json() for row in got)  # the export shape, every field
    # Newest first day first (a week starts before the month's 18th ...), the
    # newer article first on the same day, undated last.
    a0, a1, a2, a3, b0, b1 = ids(e.to_json() for e in evs)
    assert ids(got) == [b0, a0, a3, a2, b1, a1]
    assert store.count_events() == 6
    assert ids(store.events(limit=2, offset=1)) == [a0, a3]
    assert ids(store.events(article_id=b.id)) == [b0, b1] and store.count_events(article_id=b.id) == 2


def test_event_filters(coded) -> None:
    store, a, b, evs = coded
    a0, a1, a2, a3, b0, b1 = ids(e.to_json() for e in evs)

    def check(expected: list[str], **filters) -> None:
        assert ids(store.events(**filters)) == expected, filters
        assert store.count_events(**filters) == len(expected), filters

    check([b0, a0, a1], type="CONSULT")
    check([a0], type="CONSULT", status="planned")
    check([b1], status="historical")
    # actor_id: as actor, as recipient, as location
    check([b0, a0, a2, a1], actor_id=PUTIN)
    check([a0, a3], actor_id=KIM)
    check([a0], actor_id="gh:ru-moscow")
    check([], actor_id="Q0")
    # Dates overlap the range: the month 2025-07 and the week 2025-W28
    # overlap 2025-07-10 .. 2025-07-12; undated events never match a range.
    check([a3, a2], since="2025-07-10", until="2025-07-12")
    check([b0, a0, a3, a2], since="2025-07")
    check([a3, a2, b1], until=date(2025, 7, 13))
    check([a2, b1], until="2025-07-06")
    check([b1], until="2024")
    check([b0, a0, a3, a2], since="2025", type=None)
    check([a0], since="2025-07-14", actor_id=KIM)
    with pytest.raises(ValueError, match="2025-07-10"):
        store.events(since="last week")
    with pytest.raises(ValueError, match="is not a date"):
        store.count_events(until="2025-02-30")


def test_date_range() -> None:
    assert date_range("2025-07-10") == ("2025-07-10", "2025-07-10")
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2025-12") == ("2025-12-01", "2025-12-31")
    assert date_range("2025-W28") == ("2025-07-07", "2025-07-13")
    assert date_range("2025") == ("2025-01-01", "2025-12-31")
    assert date_range("2025-07-10T10:00+06:00") == ("2025-07-10", "2025-07-10")
    assert date_range(date(2025, 1, 2)) == ("2025-01-02", "2025-01-02")
    for bad in ("2025-13", "2025-02-30", "2025-W60", "PRESENT_REF", "", None):
        assert date_range(bad) is None


def participant_rows(s: SQLiteStore) -> int:
    return s.conn.execute("SELECT COUNT(*) FROM event_participants").fetchone()[0]


def test_replace_events_replaces_that_article_only(coded) -> None:
    store, a, b, evs = coded
    assert participant_rows(store) == 8
    article_before, mentions_before = store.get_article(a.id), store.mentions(a.id)
    again = make_event(a, 9, "AGREE", "2025-07-11", actors=[who(a, "পুতিন", PUTIN, "Vladimir Putin")])
    store.replace_events(a.id, [again])
    assert ids(store.events(article_id=a.id)) == [again.id]
    assert store.count_events(article_id=b.id) == 2  # b keeps its events
    assert participant_rows(store) == 1 + 2  # a's old participants went with their events
    assert store.events(actor_id=KIM) == []
    assert store.get_article(a.id) == article_before and store.mentions(a.id) == mentions_before
    store.replace_events(a.id, [])
    assert store.count_events() == 2
    with pytest.raises(NotFound, match="store the article before its events"):
        store.replace_events("no-such-article", [])


def test_bad_events_are_refused_before_anything_is_written(coded) -> None:
    store, a, b, evs = coded
    with pytest.raises(ValueError, match="belongs to article"):
        store.replace_events(a.id, [evs[0], evs[4]])  # b's event under a
    with pytest.raises(ValueError, match="share the id"):
        store.replace_events(a.id, [evs[0], evs[0]])
    assert store.count_events(article_id=a.id) == 4  # nothing replaced


def test_claims_are_stored_filtered_and_replaced(store: SQLiteStore) -> None:
    old = make_article(id="claims-old-00001", paragraphs=CLAIM_BODY, published=datetime(2025, 7, 1, tzinfo=DHAKA))
    new = make_article(id="claims-new-00002", paragraphs=CLAIM_BODY, outlet="যুগান্তর", outlet_id="jugantor")
    for art in (old, new):
        store.upsert_article(art)
    claims = [make_claim(old, "অন্তত ১২ জন", 12, "killed", "police"), make_claim(old, "৪০ জন", 40, "injured"),
              make_claim(old, "৩০০০ সেনা", 3000, "troops")]
    store.replace_claims(old.id, claims)
    store.replace_claims(new.id, [make_claim(new, "অন্তত ১২ জন", 15, "killed")])
    rows = store.claims()
    # The newer article first, text order within one; each row the claim plus its article.
    assert [(r["article_id"], r["value"]) for r in rows] == [(new.id, 15), (old.id, 12), (old.id, 40), (old.id, 3000)]
    first_old = rows[1]
    assert first_old == {"article_id": old.id, "outlet": "প্রথম আলো", "outlet_id": "prothomalo",
                         "published": old.published.isoformat(), **claims[0].to_json()}
    assert store.count_claims() == 4
    # Two outlets' figures for one kind, side by side.
    killed = store.claims(counted="killed")
    assert [(r["outlet_id"], r["value"], r["claimant"]) for r in killed] == [("jugantor", 15, None), ("prothomalo", 12, "police")]
    assert store.count_claims(counted="killed") == 2 and store.count_claims(counted="refugees") == 0
    assert [r["value"] for r in store.claims(article_id=old.id, limit=1, offset=1)] == [40]
    assert store.count_claims(article_id=old.id) == 3
    # Replacing: the article's claims only.
    store.replace_claims(old.id, claims[2:])
    assert [r["counted"] for r in store.claims(article_id=old.id)] == ["troops"]
    assert store.count_claims(article_id=new.id) == 1
    with pytest.raises(NotFound, match="store the article before its claims"):
        store.replace_claims("no-such-article", [])


def test_events_and_claims_go_with_their_article(coded) -> None:
    store, a, b, evs = coded
    store.replace_claims(a.id, [make_claim(a, "পুতিন", 1, "other")])
    # The store has no delete yet; the foreign keys must still hold when one comes.
    with store.transaction():
        store.conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))
    assert store.count_events() == 2 and store.count_claims() == 0
    assert participant_rows(store) == 2
    assert store.count_events(article_id=a.id) == 0


def test_failed_event_write_leaves_the_old_rows(coded, monkeypatch: pytest.MonkeyPatch) -> None:
    store, a, b, evs = coded
    bad = make_event(a, 7, "AGREE", "2025-07-11")
    bad.type = None  # type: ignore[assignment]  # NOT NULL: the insert fails after the delete
    with pytest.raises(StoreError, match="storing the events"):
        store.replace_events(a.id, [bad])
    assert store.count_events(article_id=a.id) == 4 and participant_rows(store) == 8


def test_event_and_claim_indexes(store: SQLiteStore) -> None:
    def plan(sql: str, *params: object) -> str:
        return " ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "events_type_date" in plan("SELECT id FROM events WHERE type = ? AND date_start <= ?", "ASSAULT", "2025")
    assert "event_participants_actor" in plan("SELECT event_id FROM event_participants WHERE actor_id = ?", "Q1")
    assert "events_status" in plan("SELECT id FROM events WHERE status = ?", "planned")
    assert "INDEX" in plan("SELECT id FROM events WHERE article_id = ?", "x")
    assert "claims_counted" in plan("SELECT * FROM claims WHERE counted = ?", "killed")
    assert "INDEX" in plan("SELECT * FROM claims WHERE article_id = ?", "x")


def test_migration_from_version_2_keeps_articles_and_mentions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v2.db"
    upto2 = [m for m in sqlite_mod._migrations() if m[0] <= 2]
    a = make_article()
    with monkeypatch.context() as m:
        m.setattr(sqlite_mod, "_migrations", lambda: upto2)
        with open_store(str(path)) as old:
            old.upsert_article(a)
            run = old.start_run("ingest", {"paths": ["x"]})
            old.finish_run(run, {"new": 1}, [])
            assert old.schema_version() == 2
            assert "events" not in {r[0] for r in old.conn.execute("SELECT name FROM sqlite_master")}
    with open_store(str(path)) as s:
        assert s.schema_version() == LATEST
        assert s.get_article(a.id) == a and s.mentions(a.id) == a.actor_mentions
        assert s.runs()[0]["counts"] == {"new": 1}
        assert s.count_events() == 0 and s.claims() == []  # until the pages are ingested again
        s.replace_events(a.id, [make_event(a, 0, "CONSULT", "2025-07-18")])
        assert s.count_events(article_id=a.id) == 1


def test_a_skipped_migration_is_applied_later(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A store that got migration 3 without 2 (parallel work merged in another
    # order) must still receive 2: migrations are applied by membership.
    path = tmp_path / "gap.db"
    without2 = [m for m in sqlite_mod._migrations() if m[0] != 2]
    with monkeypatch.context() as m:
        m.setattr(sqlite_mod, "_migrations", lambda: without2)
        with open_store(str(path)) as old:
            assert "actor_mentions" not in {r[0] for r in old.conn.execute("SELECT name FROM sqlite_master")}
    with open_store(str(path)) as s:
        applied = [r[0] for r in s.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert applied == [m[0] for m in sqlite_mod._migrations()]
        a = make_article()
        s.upsert_article(a)
        assert s.mentions(a.id) == a.actor_mentions


# -- search ----------------------------------------------------------------


@pytest.fixture
def news(store: Store) -> Store:
    store.upsert_article(make_article(id="kim-putin-000001"))
    store.upsert_article(
        make_article(
            id="rashtra-00000002",
            title="রাষ্ট্রপতির ভাষণ",
            paragraphs=["রাষ্ট্রপতি আজ সংসদে ভাষণ দেবেন। মন্ত্রীরা উপস্থিত থাকবেন।"],
            outlet="সমকাল",
            outlet_id="samakal",
        )
    )
    store.upsert_article(
        make_article(
            id="english-00000003",
            title="Putin to meet Kim Jong Un in Moscow",
            paragraphs=["Russian President Vladimir Putin will host North Korea's leader next week."],
            outlet="The Daily Star",
            outlet_id="dailystar",
            language="en",
        )
    )
    return store


def hit_ids(store: Store, query: str) -> list[str]:
    return [h.id for h in store.search(query)]


def test_bengali_word_is_one_token(news: SQLiteStore) -> None:
    news.conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, 'row')")
    terms = {r[0] for r in news.conn.execute("SELECT term FROM temp.vocab")}
    # Without the Bengali tokenchars these would be split at their vowel signs.
    assert {"কিমের", "পররাষ্ট্রমন্ত্রীর", "রাষ্ট্রপতি", "সঙ্গে"} <= terms
    assert "কি" not in terms and "মের" not in terms


def test_prefix_finds_inflected_forms(news: Store) -> None:
    assert hit_ids(news, "কিম") == ["kim-putin-000001"]  # article says কিমের / কিম
    assert hit_ids(news, "পুতিন") == ["kim-putin-000001"]
    assert hit_ids(news, "রাষ্ট্রপতি*") == ["rashtra-00000002"]
    assert hit_ids(news, "পররাষ্ট্রমন্ত্রী") == ["kim-putin-000001"]  # finds পররাষ্ট্রমন্ত্রীর


def test_no_matches_on_word_fragments(news: Store) -> None:
    # Inside পররাষ্ট্রমন্ত্রীর, but not at a word start: must not match.
    assert hit_ids(news, "মন্ত্রী") == ["rashtra-00000002"]  # only the real মন্ত্রীরা
    assert hit_ids(news, "রাষ্ট্র") == ["rashtra-00000002"]  # only রাষ্ট্রপতি
    assert hit_ids(news, "ষ্ট্র") == []
    assert hit_ids(news, "মের") == []  # the ending of কিমের


def test_quoted_word_is_exact_and_terms_are_anded(news: Store) -> None:
    assert hit_ids(news, '"কিম"') == ["kim-putin-000001"]  # the body also has bare কিম
    assert hit_ids(news, '"পররাষ্ট্রমন্ত্রী"') == []  # only the inflected form exists
    assert hit_ids(news, "“পররাষ্ট্রমন্ত্রীর”") == ["kim-putin-000001"]
    assert hit_ids(news, "পুতিন রাষ্ট্রপতি") == []
    assert hit_ids(news, "পুতিন ক্রেমলিন") == ["kim-putin-000001"]
    assert hit_ids(news, '"জানিয়েছে ক্রেমলিন"') == ["kim-putin-000001"]


def test_snippet_marks_match_and_hit_fields(news: Store) -> None:
    (hit,) = news.search("পররাষ্ট্রমন্ত্রী")
    assert f"{SNIPPET_START}পররাষ্ট্রমন্ত্রীর{SNIPPET_END}" in hit.snippet
    plain = hit.plain()
    assert [plain[a:b] for a, b in hit.highlights()] == ["পররাষ্ট্রমন্ত্রীর"]
    assert hit.title == "কিমের সঙ্গে বৈঠকে বসছেন পুতিন"
    assert hit.outlet == "প্রথম আলো"
    assert hit.published == datetime(2025, 7, 11, 10, 30, tzinfo=DHAKA)
    assert isinstance(hit.rank, float)


def test_english_search_is_case_insensitive(news: Store) -> None:
    assert hit_ids(news, "putin moscow") == ["english-00000003"]
    assert hit_ids(news, "VLADIMIR") == ["english-00000003"]
    assert hit_ids(news, "Korea's") == ["english-00000003"]
    # Title matches outrank body-only matches.
    news.upsert_article(make_article(id="english-00000004", title="Markets today", language="en",
                                     paragraphs=["Moscow markets fell as Putin spoke."]))
    assert hit_ids(news, "putin")[0] in {"english-00000003", "kim-putin-000001"}
    ranks = {h.id: h.rank for h in news.search("putin")}
    assert ranks["english-00000003"] > ranks["english-00000004"]


@pytest.mark.parametrize(
    "query",
    [
        '"', '""', '"কিম', 'কিম"', "(", ")", "কিম)", "(কিম OR পুতিন)", "কিম OR", "OR", "AND",
        "NOT", "NEAR", "NEAR(কিম পুতিন, 2)", "কিম NEAR/3 পুতিন", "title:কিম", "-কিম", "+",
        "^কিম", "*", "**", "কিম*", "'", "a:b:c", "{title body}:x", "।", "…", "   ", "",
        "\u200c", "কিম;DROP TABLE articles;--",
    ],
)
def test_syntax_characters_never_raise(news: Store, query: str) -> None:
    hits = news.search(query)
    assert isinstance(hits, list)
    assert news.count_search(query) == len(hits)
    assert news.count_articles() == 3


def test_operator_words_are_literal(news: Store) -> None:
    # "OR" is searched as a word, not an operator: nothing contains it.
    assert hit_ids(news, "কিম OR ভাষণ") == []
    assert hit_ids(news, "কিম)") == ["kim-putin-000001"]


def test_query_is_nfc_normalised(news: Store) -> None:
    # ো (U+09CB) and য় (U+09DF) both decompose under NFD.
    decomposed = unicodedata.normalize("NFD", "কোরিয়ার")
    assert decomposed != "কোরিয়ার"
    nukta = "\u09a1\u09bc"  # ড + nukta: the decomposed form of ড় (U+09DC)
    assert hit_ids(news, decomposed) == ["kim-putin-000001"]
    news.upsert_article(make_article(id="nukta-0000000005", title="পড়ুন", paragraphs=["আরও পড়ুন।"]))
    assert "nukta-0000000005" in hit_ids(news, "প" + nukta + "ুন")


def test_search_filters_count_and_paging(news: Store) -> None:
    assert hit_ids(news, "ভাষণ") == ["rashtra-00000002"]
    assert news.search("ভাষণ", outlet="samakal")[0].id == "rashtra-00000002"
    assert news.search("ভাষণ", outlet="prothomalo") == []
    assert news.count_search("putin", language="en") == 1
    assert news.count_search("বৈঠক") == 1
    assert len(news.search("পুতিন", limit=1)) == 1
    assert news.search("পুতিন", limit=1, offset=5) == []


def test_search_follows_updates(news: Store) -> None:
    changed = make_article(id="kim-putin-000001", paragraphs=["বৈঠক স্থগিত করেছে ক্রেমলিন।"],
                           content_hash="hash-2")
    assert news.upsert_article(changed) == "updated"
    assert hit_ids(news, "স্থগিত") == ["kim-putin-000001"]
    assert hit_ids(news, "মস্কোতে") == []  # the old body is no longer indexed
    assert news.count_search("কিম") == 1  # the title still matches; one row, not two


def test_fts5_query_forms() -> None:
    assert fts5_query("পুতিন") == '"পুতিন"*'
    assert fts5_query("পুতিন*") == '"পুতিন"*'
    assert fts5_query('"কিম জং"') == '"কিম জং"'
    assert fts5_query("a OR b") == '"a"* "OR"* "b"*'
    assert fts5_query('x"y') == '"xy"*'
    assert fts5_query("( ) - *") is None
    assert fts5_query("") is None


# -- runs ------------------------------------------------------------------


def test_run_log(store: Store) -> None:
    r1 = store.start_run("ingest", {"paths": ["pages/"], "format": "html"})
    rejections = [
        Rejection("pages/a.html", "empty", "the file is empty; nothing to extract"),
        Rejection("pages/b.bin", "binary", "looks like binary data, not a page"),
        Rejection("pages/c.html", "empty", "the file is empty; nothing to extract"),
    ]
    store.finish_run(r1, {"new": 2, "updated": 0, "unchanged": 1, "rejected": 3}, rejections)
    store.finish_run(r1, {"new": 2, "updated": 0, "unchanged": 1, "rejected": 3}, rejections)
    r2 = store.start_run("ingest", {"paths": ["-"]})
    runs = store.runs()
    assert [r["id"] for r in runs] == [r2, r1]
    assert runs[0]["finished"] is None and runs[0]["counts"] == {}
    done = runs[1]
    assert done["kind"] == "ingest" and done["args"] == {"paths": ["pages/"], "format": "html"}
    assert done["counts"]["rejected"] == 3 and done["finished"] >= done["started"]
    assert done["rejection_count"] == 3
    assert done["rejections_by_reason"] == {"empty": 2, "binary": 1}
    assert store.run_rejections(r1) == rejections
    assert store.runs(limit=1)[0]["id"] == r2
    with pytest.raises(NotFound):
        store.finish_run(999, {}, [])


# -- opening ---------------------------------------------------------------


def test_file_store_persists_creates_parents_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "ghotona.db"
    with open_store(str(path)) as s:
        s.upsert_article(make_article())
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with open_store(f"sqlite:///{path}") as s:  # sqlite:////abs/path
        assert s.get_article("a1b2c3").title == "কিমের সঙ্গে বৈঠকে বসছেন পুতিন"
        assert s.schema_version() == LATEST


def test_closed_store_says_so() -> None:
    s = open_store(":memory:")
    s.close()
    s.close()  # harmless
    with pytest.raises(StoreError, match="closed"):
        s.count_articles()


def test_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    content = "এটি একটি সাধারণ লেখা, ডেটাবেস নয়।\n" * 20
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="not a SQLite database.*another --db"):
        open_store(str(path))
    assert path.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a ghotona store"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(str(tmp_path))


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    with open_store(str(path)) as s:
        s.conn.execute("INSERT INTO schema_migrations VALUES (42, '0042_future.sql', 'x')")
    with pytest.raises(StoreError, match="newer version of ghotona"):
        open_store(str(path))


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.db"
    open_store(str(path)).close()
    real = sqlite_mod._migrations()
    broken = "CREATE TABLE half_done (x TEXT);\nCREATE TABLE oops (;"
    name = f"{LATEST + 1:04d}_broken.sql"
    monkeypatch.setattr(sqlite_mod, "_migrations", lambda: [*real, (LATEST + 1, name, broken)])
    with pytest.raises(StoreError, match=f"{name}.*left as it was"):
        open_store(str(path))
    monkeypatch.undo()
    with open_store(str(path)) as s:
        assert s.schema_version() == LATEST
        names = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names


def test_statement_splitter_respects_strings_and_comments() -> None:
    sql = "-- lead\nCREATE TABLE t (x TEXT DEFAULT 'a;b');\n-- between\nINSERT INTO t VALUES (';');\n-- tail\n"
    assert list(_statements(sql)) == [
        "-- lead\nCREATE TABLE t (x TEXT DEFAULT 'a;b');",
        "-- between\nINSERT INTO t VALUES (';');",
    ]
    # A last statement without ';' is fine, as it is for sqlite3 itself...
    assert list(_statements("CREATE TABLE t (x)")) == ["CREATE TABLE t (x);"]
    # ...but one cut off mid-way is reported, not run.
    with pytest.raises(StoreError, match="incomplete"):
        list(_statements("CREATE TABLE t (x TEXT DEFAULT 'oops);"))


def test_open_store_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError, match="PostgreSQL support is not in this version.*SQLite path"):
        open_store("postgresql://user@localhost/ghotona")
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgres://localhost/db")
    with pytest.raises(StoreError, match="unknown store URL scheme"):
        open_store("mysql://localhost/db")
    for url in ("sqlite://", "sqlite:///:memory:"):
        with open_store(url) as s:
            assert isinstance(s, SQLiteStore) and s.path == ":memory:"
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/g.db") as s:
        assert s.count_articles() == 0
    assert (tmp_path / "rel" / "g.db").is_file()
    monkeypatch.setenv("GHOTONA_DB", str(tmp_path / "env.db"))
    monkeypatch.delenv("GHOTONA_CONFIG", raising=False)
    with open_store(None) as s:
        assert s.path == str(tmp_path / "env.db")
