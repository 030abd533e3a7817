"""Stories, threads, the Bengali TF-IDF behind them, and the corpus orchestrator.

Every text here is written for these tests.  The real sample pages and the
bdnews corpus in ../shared are read (never copied) by the acceptance test
and the evaluation gate at the end, which are skipped when ../shared is not
beside the repository.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ghotona import config as config_mod
from ghotona import langdata
from ghotona.corpus import textsim
from ghotona.corpus.stories import StoryIndex
from ghotona.corpus.update import CorpusUpdater
from ghotona.errors import LanguageDataError
from ghotona.evaluate.extraction import shared_dir
from ghotona.evaluate.stories import bcubed
from ghotona.records import ActorMention, Article, Paragraph
from ghotona.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DHAKA = timezone(timedelta(hours=6))
DAY0 = datetime(2025, 3, 4, 10, 0, tzinfo=DHAKA)

# Written for these tests: a river-port fire in a fictional town (three
# reports), a cricket result, and the relief visit that followed the fire.
FIRE_A = ("নদীবন্দরে আগুনে পুড়ল তিনটি গুদাম",
          "চরপুর নদীবন্দরের তিনটি পাটের গুদামে ভোররাতে আগুন লাগে। ফায়ার সার্ভিসের চারটি ইউনিট দুই ঘণ্টা চেষ্টা করে "
          "আগুন নিয়ন্ত্রণে আনে। গুদাম মালিক সমিতি বলছে, পাটের গুদামে ক্ষতি কয়েক কোটি টাকা।")
FIRE_B = ("চরপুর নদীবন্দরের পাটের গুদামে ভয়াবহ আগুন",
          "ভোররাতে চরপুর নদীবন্দরে পাটের গুদামে আগুন লেগে তিনটি গুদাম পুড়ে গেছে। ফায়ার সার্ভিসের ইউনিট "
          "দুই ঘণ্টায় আগুন নিয়ন্ত্রণে আনে বলে জানিয়েছেন স্টেশন কর্মকর্তা।")
CRICKET = ("শেষ বলে জিতল চরপুর ক্রিকেট দল",
           "জেলা লিগের ফাইনালে শেষ বলে ছক্কা মেরে চরপুর ক্রিকেট দলকে জেতালেন অধিনায়ক। স্টেডিয়ামে দর্শকেরা "
           "উল্লাসে মাঠে নেমে আসেন। প্রতিপক্ষ দলের কোচ আম্পায়ারের সিদ্ধান্ত নিয়ে আপত্তি তোলেন।")
RELIEF = ("পুড়ে যাওয়া গুদাম পরিদর্শনে মন্ত্রী",
          "চরপুর নদীবন্দরে আগুনে ক্ষতিগ্রস্ত পাটের গুদাম পরিদর্শন করেছেন বাণিজ্যমন্ত্রী। গুদাম মালিকদের জন্য "
          "সহায়তার ঘোষণা দেন তিনি এবং আগুনের কারণ তদন্তে কমিটি গঠনের কথা জানান।")


def make(aid: str, title: str, body: str, when: datetime | None = DAY0, *, outlet: str = "চরপুর বার্তা",
         actors: tuple[str, ...] = ("gh:charpur",)) -> Article:
    mentions = [ActorMention(0, 1, body[0], "place", a, a, None, "exact", 1.0) for a in actors]
    return Article(
        id=aid, source=f"test/{aid}.html", format="html", url=f"https://example.com/{aid}", outlet=outlet,
        outlet_id=None, title=title, desk=None, byline=None, wire_sources=[], published=when, updated=None,
        page_date=None, paragraphs=[Paragraph(0, len(body), body)], language="bn", language_score=1.0,
        content_hash=f"h-{aid}-{hash(body) & 0xffff}", actor_mentions=mentions,
    )


# -- textsim ---------------------------------------------------------------------


def test_words_are_normalised_and_keep_bengali_marks() -> None:
    assert textsim.words("কিমের সঙ্গে বৈঠক, ২০২৫!") == ["কিমের", "সঙ্গে", "বৈঠক", "২০২৫"]
    assert textsim.words("র\u200d্যাব") == textsim.words("র্যাব")


def test_stopwords_are_loaded_normalised() -> None:
    stop = textsim.load_stopwords()
    assert "এবং" in stop and "the" in stop
    assert "আগুন" not in stop


def test_stopword_file_errors_name_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "stopwords_bn.yaml"
    bad.write_text("bengali:\n  - এবং\n  - দুই শব্দ\n", "utf-8")
    monkeypatch.setattr(langdata, "data_path", lambda name: str(bad))
    textsim.load_stopwords.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="line 3"):
            textsim.load_stopwords()
        bad.write_text("bengali:\n  - এবং\n  - এবং\n", "utf-8")
        textsim.load_stopwords.cache_clear()
        with pytest.raises(LanguageDataError, match="repeats the entry on line 2"):
            textsim.load_stopwords()
    finally:
        textsim.load_stopwords.cache_clear()


def test_char_ngrams_let_inflected_forms_meet() -> None:
    an = textsim.Analyzer()
    df = textsim.DocFreq()
    a, b, c = an.counts("কিমের বৈঠক"), an.counts("কিম বৈঠকে"), an.counts("গুদামে আগুন")
    for x in (a, b, c):
        df.add(x)
    va, vb, vc = (textsim.tfidf(x, df, weights=an.weights()) for x in (a, b, c))
    assert "w:কিমের" in a and "b:কিমের বৈঠক" in a
    assert textsim.cosine(va, vb) > 0.05 and textsim.cosine(va, vc) == 0.0
    assert textsim.cosine(va, va) == pytest.approx(1.0)


def test_doc_freq_is_incremental() -> None:
    df = textsim.DocFreq()
    df.add(["w:x", "w:y"])
    df.add(["w:x"])
    assert df.n_docs == 2 and df.df == {"w:x": 2, "w:y": 1}
    assert df.idf("w:y") > df.idf("w:x") > 0
    assert df.take_dirty() == {"w:x": 2, "w:y": 1} and df.take_dirty() == {}


def test_tfidf_keeps_the_heaviest_features_and_breaks_ties_by_name() -> None:
    df = textsim.DocFreq()
    df.add(["w:a", "w:b", "w:c", "w:d"])
    df.add(["w:d"])
    vec = textsim.tfidf({"w:d": 1, "w:c": 1, "w:b": 1, "w:a": 1}, df, keep=2)
    # w:d is in both documents (lighter); of the three tied, the names decide.
    assert set(vec) == {"w:a", "w:b"}
    assert sum(v * v for v in vec.values()) == pytest.approx(1.0)
    assert textsim.tfidf({"w:a": 0}, df) == {}


def test_doc_freq_prunes_terms_seen_once_but_not_unsaved_ones() -> None:
    df = textsim.DocFreq(track=False)
    for i in range(5):
        df.add(["w:common", f"w:once{i}"])
    assert df.prune(max_terms=100) == 0 and len(df.df) == 6
    assert df.prune(max_terms=3) == 5 and dict(df.df) == {"w:common": 5}
    tracked = textsim.DocFreq()
    tracked.add(["w:x"])
    assert tracked.prune(max_terms=0) == 0  # not saved yet: kept
    tracked.take_dirty()
    assert tracked.prune(max_terms=0) == 1


def test_idf_prior_tells_a_common_word_from_a_name_in_a_tiny_corpus() -> None:
    """Two documents cannot say that সরকার is common and চরপুর (a made-up town) rare; the prior can."""
    counts, n_docs = textsim.load_prior_counts()
    assert n_docs > 100 and counts.get("w:সরকার", 0) > 5 and "w:চরপুর" not in counts
    bare = textsim.DocFreq()
    leaning = textsim.DocFreq(prior=textsim.shipped_prior(50))
    for df in (bare, leaning):
        df.add(["w:সরকার", "w:চরপুর"])
        df.add(["w:সরকার", "w:চরপুর"])
    assert bare.idf("w:সরকার") == bare.idf("w:চরপুর")
    assert leaning.idf("w:সরকার") < leaning.idf("w:চরপুর") - 0.2
    # The vectorised idf is the same formula.
    assert leaning.idfs(["w:সরকার", "w:চরপুর"]).tolist() == pytest.approx(
        [leaning.idf("w:সরকার"), leaning.idf("w:চরপুর")])
    # As the corpus grows its own counts take over: the prior's pull fades.
    for i in range(5000):
        terms = ["w:other"] + (["w:সরকার"] if i % 10 == 0 else [])
        leaning.add(terms)
        bare.add(terms)
    assert leaning.idf("w:সরকার") == pytest.approx(bare.idf("w:সরকার"), abs=0.02)
    assert textsim.shipped_prior(0) is None
    # With a fade, the prior is gone entirely once the corpus is that large.
    fading, plain = textsim.DocFreq(prior=textsim.shipped_prior(50, fade=10)), textsim.DocFreq()
    for df in (fading, plain):
        for _ in range(10):
            df.add(["w:সরকার"])
    assert fading.prior_docs() == 0 and fading.idf("w:চরপুর") == plain.idf("w:চরপুর")


def test_prior_file_errors_name_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / textsim.PRIOR_FILE
    monkeypatch.setattr(langdata, "data_path", lambda name: str(tmp_path / name))
    for text, where in (("#n_docs\t10\nw:x\tmany\n", "line 2"), ("w:x\t3\n", "line 1"),
                        ("#n_docs\t2\nw:x\t3\n", "line 2")):
        bad.write_text(text, "utf-8")
        textsim.load_prior_counts.cache_clear()
        try:
            with pytest.raises(LanguageDataError, match=where):
                textsim.load_prior_counts()
        finally:
            textsim.load_prior_counts.cache_clear()


# -- stories and threads in memory -----------------------------------------------


def test_two_reports_join_and_other_topics_start_stories() -> None:
    idx = StoryIndex(None, config_mod.load())
    a = idx.assign(make("a", *FIRE_A))
    b = idx.assign(make("b", *FIRE_B, outlet="নদী টাইমস"))
    c = idx.assign(make("c", *CRICKET))
    assert a.new and not b.new and b.story_id == a.story_id and b.score >= idx.params.threshold
    assert c.new and c.story_id != a.story_id


def test_same_words_weeks_apart_are_another_story() -> None:
    idx = StoryIndex(None, config_mod.load())
    a = idx.assign(make("a", *FIRE_A))
    late = idx.assign(make("late", *FIRE_B, when=DAY0 + timedelta(days=40)))
    assert late.new and late.story_id != a.story_id


def test_a_follow_up_is_another_story_in_the_same_thread() -> None:
    cfg = config_mod.load()
    idx = StoryIndex(None, cfg)
    a = idx.assign(make("a", *FIRE_A, actors=("gh:charpur", "gh:port")))
    idx.assign(make("c", *CRICKET, actors=("gh:cricket",)))
    visit = idx.assign(make("v", *RELIEF, when=DAY0 + timedelta(days=2), actors=("gh:charpur", "gh:port", "gh:minister")))
    assert visit.story_id != a.story_id
    assert visit.thread_id == a.thread_id
    far = idx.assign(make("f", *RELIEF, when=DAY0 + timedelta(days=90), actors=("gh:charpur", "gh:port")))
    assert far.thread_id != a.thread_id


def test_a_copy_joins_its_originals_story_and_a_changed_page_moves() -> None:
    idx = StoryIndex(None, config_mod.load())
    a = idx.assign(make("a", *FIRE_A))
    copy = idx.assign(make("copy", *CRICKET), duplicate_of="a")  # whatever its words, it follows its original
    assert copy.story_id == a.story_id and copy.via == "duplicate"
    moved = idx.assign(make("copy", *CRICKET))  # re-ingested as its own text: scored afresh
    assert moved.story_id != a.story_id
    assert [m.id for m in idx.stories[a.story_id].members] == ["a"]


def test_a_big_story_is_compared_by_its_first_and_latest_members_and_frozen_when_closed() -> None:
    idx = StoryIndex(None, {"stories": {"evict_every": 1, "compare_members": 4, "centroid_terms": 40}})
    for i in range(10):
        idx.assign(make(f"f{i}", *(FIRE_A if i % 2 else FIRE_B), when=DAY0 + timedelta(hours=i)))
    story = idx.stories[idx.by_article["f0"]]
    assert len(story.members) == 10 and story.times == sorted(story.times)
    assert [m.id for m in story.compared(4)] == ["f0", "f7", "f8", "f9"]
    assert 0 < len(story.unit_centroid) <= 40
    # A month later the fire story closes: it leaves the story index, and the
    # thread index keeps only what linking reads.
    idx.assign(make("late", *CRICKET, when=DAY0 + timedelta(days=40)))
    assert story.id not in idx.stories and "f0" not in idx.by_article
    assert story.closed and story.members == [] and story.centroid == {} and story.unit_centroid


def test_word_pairs_weigh_nothing_by_default_and_are_not_counted() -> None:
    idx = StoryIndex(None, config_mod.load())
    assert idx.params.bigram_weight == 0
    prof = idx.profiler.profile(make("a", *FIRE_A))
    assert prof.vec and not any(t.startswith("b:") for t in prof.vec)
    assert not any(t.startswith("b:") for t in idx.df.df)  # nor counted into the document frequencies
    assert any(t.startswith("c:") for t in prof.vec) and any(t.startswith("w:") for t in prof.vec)
    pairs = StoryIndex(None, {"stories": {"bigram_weight": 0.5}})
    assert any(t.startswith("b:") for t in pairs.profiler.profile(make("a", *FIRE_A)).vec)


def test_undated_articles_are_scored_without_time() -> None:
    idx = StoryIndex(None, config_mod.load())
    a = idx.assign(make("a", *FIRE_A, when=None))
    b = idx.assign(make("b", *FIRE_B, when=None))
    assert b.story_id == a.story_id


# -- the store -------------------------------------------------------------------


def _stored(store, article: Article) -> Article:
    store.upsert_article(article)
    return article


def test_stories_persist_and_reopen(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    cfg = config_mod.load()
    with open_store(db) as store:
        idx = StoryIndex(store, cfg)
        a = idx.assign(_stored(store, make("a", *FIRE_A)), [])
        idx.assign(_stored(store, make("c", *CRICKET)), [])
        idx.flush()
    with open_store(db) as store:
        idx = StoryIndex(store, cfg)  # a later run: reopens the stories of the window
        assert idx.df.n_docs == 2
        b = idx.assign(_stored(store, make("b", *FIRE_B, outlet="নদী টাইমস")), [])
        assert b.story_id == a.story_id
        row = store.get_story(a.story_id)
        assert row.n_articles == 2 and row.first == "2025-03-04"
        arts = store.story_articles(a.story_id)
        assert {x.id for x in arts} == {"a", "b"} and {x.outlet for x in arts} == {"চরপুর বার্তা", "নদী টাইমস"}
        assert store.count_stories() == 2 and store.count_stories(min_articles=2) == 1
        assert store.get_thread(row.thread_id).n_stories >= 1
        assert store.story_of("b") == a.story_id


def test_corpus_updater_counts_and_survives_a_failing_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(str(tmp_path / "u.db")) as store:
        up = CorpusUpdater(store, config_mod.load())
        first = up.add(_stored(store, make("a", *FIRE_A)), [], [])
        assert first.story is not None and not first.errors
        monkeypatch.setattr(up.stories, "assign", lambda *a, **k: 1 / 0)
        broken = up.add(_stored(store, make("b", *FIRE_B)), [], [])
        assert broken.story is None and [e.stage for e in broken.errors] == ["stories"]
        assert "ZeroDivisionError" in broken.errors[0].detail
        assert up.counts["stories_new"] == 1 and up.counts["errors"] == 1
        assert store.story_of("b") is None  # nothing half-written


def test_bcubed() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": 9, "b": 9, "c": 8}, gold)["f1"] == 1.0
    merged = bcubed({"a": 9, "b": 9, "c": 9}, gold)
    assert merged["recall"] == 1.0 and merged["precision"] == pytest.approx((2 / 3 * 2 + 1 / 3) / 3, abs=1e-4)
    split = bcubed({}, gold)
    assert split["precision"] == 1.0 and split["recall"] == pytest.approx((0.5 + 0.5 + 1) / 3, abs=1e-4)


# -- the real pages and the labelled corpus (../shared) ------------------------------

PAGES = shared_dir() / "samples" / "pages"
CORPUS = shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
REFSET = ROOT / "eval" / "refset" / "stories"


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory):
    """The labelled corpus and the five pages ingested once, as a user would (about 15 s)."""
    if not PAGES.is_dir() or not CORPUS.is_file():
        pytest.skip("../shared (sample pages and bdnews corpus) is not beside the repository")
    from ghotona.evaluate.stories import ingest_labelled, load_labels, predicted

    labels = load_labels(REFSET)
    store = ingest_labelled(labels, str(tmp_path_factory.mktemp("stories") / "eval.db"))
    yield store, labels, predicted(store)
    store.close()


def test_sample_pages_stories_and_threads(labelled) -> None:
    """Lavrov in Wonsan (two outlets) is one story; the Kuala Lumpur meeting another story of its
    thread; the 2023 article and the August phone call in neither (general scores only)."""
    store, _, (story, thread) = labelled
    by_title = {}
    for page in sorted(PAGES.iterdir()):
        aid = store.conn.execute("SELECT id FROM articles WHERE source = ?", (str(page),)).fetchone()[0]
        by_title[page.name[:3]] = (story[str(page)], thread[str(page)], aid)
    kl, call, wonsan1, wonsan2, old = (by_title[k] for k in ("000", "001", "002", "003", "004"))
    assert wonsan1[0] == wonsan2[0]
    assert kl[0] != wonsan1[0] and kl[1] == wonsan1[1]
    assert old[0] != wonsan1[0] and old[1] != wonsan1[1] and old[0] != kl[0]
    assert call[0] != wonsan1[0] and call[1] != wonsan1[1]
    outlets = {a.outlet for a in store.story_articles(wonsan1[0])}
    assert len(outlets) == 2


@pytest.fixture(scope="module")
def pages_alone(tmp_path_factory: pytest.TempPathFactory):
    """The five sample pages ingested into an empty store, nothing else (a few seconds)."""
    if not PAGES.is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    from ghotona.evaluate.stories import predicted
    from ghotona.ingest import ingest
    from ghotona.pipeline import Extractor

    store = open_store(str(tmp_path_factory.mktemp("pages") / "pages.db"))
    ingest(sorted(str(p) for p in PAGES.iterdir()), store, Extractor(config_mod.load()))
    yield store, predicted(store)
    store.close()


def test_sample_pages_alone_give_the_issues_stories(pages_alone) -> None:
    """Five documents cannot weigh words by themselves: IDF leans on the shipped prior, and the
    issue's stories come out of the five pages alone (issue 6, "Done means")."""
    store, (story, thread) = pages_alone
    got = {p.name[:3]: (story[str(p)], thread[str(p)]) for p in sorted(PAGES.iterdir())}
    kl, call, wonsan1, wonsan2, old = (got[k] for k in ("000", "001", "002", "003", "004"))
    assert wonsan1[0] == wonsan2[0]
    assert kl[0] != wonsan1[0] and kl[1] == wonsan1[1]
    assert old[0] not in (wonsan1[0], kl[0]) and old[1] != wonsan1[1]
    assert call[0] != wonsan1[0] and call[1] != wonsan1[1]
    # Joined by its score, with a margin over the threshold (not by luck at its edge).
    row = store.conn.execute(
        "SELECT s.score, s.via FROM story_articles s JOIN articles a ON a.id = s.article_id"
        " WHERE a.source IN (?, ?) AND s.via = 'score'", tuple(str(p) for p in sorted(PAGES.iterdir())[2:4]),
    ).fetchone()
    assert row is not None and row[0] >= StoryIndex(None).params.threshold + 0.05


def test_gate_stories(labelled) -> None:
    """Story and thread B-cubed on the labels never fall below their pins (eval/baselines.json)."""
    from ghotona.evaluate.stories import score

    _, labels, (story, thread) = labelled
    result = score(labels, story, thread)
    pinned = json.loads((ROOT / "eval" / "baselines.json").read_text("utf-8"))["stories"]
    failures = []
    for key, floors in pinned.items():
        if key.startswith("_"):
            continue
        for what, floor in floors.items():
            level, metric = what.split("_", 1)
            got = result[key][level][metric]
            if got < floor - 1e-9:
                failures.append(f"{key} {what}: {got} < pinned {floor}")
    assert not failures, "stories gate: " + "; ".join(failures)
