"""Shared tokenisation (corpus/tokens.py) and the two-process corpus pass (corpus/parallel.py).

The speed work must not change a result: the shared word lists must be
exactly the ones each stage finds alone, and the pass on two processes must
give what one process gives.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from ghotona import config as config_mod
from ghotona.cli import main
from ghotona.corpus import shingles, textsim
from ghotona.corpus.duplicates import DuplicateIndex
from ghotona.corpus.parallel import CorpusPass, rebuild
from ghotona.corpus.stories import StoryIndex, StoryParams, actor_counts, story_analyzer
from ghotona.corpus.tokens import article_words, text_words
from ghotona.evaluate.extraction import shared_dir
from ghotona.pipeline import Extractor
from ghotona.records import Article
from ghotona.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "ghotona" / "demo" / "pages"
SAMPLES = shared_dir() / "samples" / "pages"


def _story_text(title: str, body: str, lead: int, repeat: int) -> str:
    # What stories.Profiler reads when it is given no words.
    return "\n".join([title] * repeat + [body[:lead]])


def _assert_same_words(title: str, body: str, lead: int = 800, repeat: int = 2) -> None:
    got = text_words(title, body, lead, repeat)
    assert got.body == shingles.words(body), (title, body, lead)
    assert got.story == textsim.words(_story_text(title, body, lead, repeat)), (title, body, lead, repeat)


@pytest.fixture(scope="module")
def pages() -> list[Article]:
    """The bundled demo pages and, when ../shared is beside the repository, the sample pages, extracted."""
    from ghotona.ingest import extract_all

    paths = sorted(DEMO.glob("*.txt")) + (sorted(SAMPLES.iterdir()) if SAMPLES.is_dir() else [])
    out = [a for a in extract_all([str(p) for p in paths], Extractor(config_mod.load())) if isinstance(a, Article)]
    assert len(out) >= len(list(DEMO.glob("*.txt")))
    return out


def test_shared_words_are_each_stages_own_words_on_real_pages(pages: list[Article]) -> None:
    for a in pages:
        for lead in (800, 0, 1, 57, 200, 5000):
            _assert_same_words(a.title or "", a.body, lead)
        w = article_words(a)
        assert w.body == shingles.words(a.body)
        assert w.story == textsim.words(_story_text(a.title or "", a.body, 800, 2))


# Written for this test: short Bengali and English pieces with what
# normalisation touches (composed nukta letters, two-part vowel signs,
# joiners beside a virama and not, khanda ta typed the old way, invisible
# marks, odd spaces and line breaks, Bengali and other digits).
_PIECES = [
    "নদীবন্দরে", "আগুন", "র\u200d্যাব", "র\u200c্যাব", "ক\u200dখ", "\u09a4\u09cd\u200d", "ত্", "\u200d", "\u200c", "্",
    "য়", "য\u09bc", "ড়", "ঢ়", "ো", "ে\u09be", "ে\u09d7", "া", "২০২৫", "১০", "٣", "৪৫", "½", "৳", "৴",
    "\u200b", "\u00ad", "\ufeff", "\u200e", " ", "  ", "\t", "\u00a0", "\u2009", "\n", "\r\n", "\r", "\u2028", "\x85",
    "\n\n", " \n", ",", "।", "-", "Dhaka", "ÉCOLE", "ß", "ﬁ", "İ", "Σ", "12", "\x07",
]


def test_shared_words_survive_strings_built_to_break_them() -> None:
    rng = random.Random(6)
    for _ in range(1500):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60)))
        title = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6)))
        lead = rng.choice([0, 1, 2, 3, 5, 8, 13, 21, len(body) - 1, len(body), len(body) + 1])
        _assert_same_words(title, body, max(lead, 0), rng.choice([0, 1, 2, 3]))


def test_pre_found_words_give_the_same_profile_and_fingerprint(pages: list[Article]) -> None:
    cfg = config_mod.load()
    a_idx, b_idx = StoryIndex(None, cfg), StoryIndex(None, cfg)
    d_a, d_b = DuplicateIndex(), DuplicateIndex()
    for a in pages:
        w = article_words(a, a_idx.params.lead_chars, a_idx.params.title_repeat)
        assert _same_fp(d_a.fingerprint_text(a.body), d_b.fingerprint_words(w.body))
        pa = a_idx.profiler.profile(a)
        pb = b_idx.profiler.profile(a, words=w.story)
        assert list(pa.vec.items()) == list(pb.vec.items())  # same features, same order, same weights
        assert pa.to_json() == pb.to_json() and pa.words == pb.words
        ra = a_idx.assign(a, [])
        rb = b_idx.assign(a, [], words=w.story)
        assert ra == rb


def _same_fp(x, y) -> bool:
    return x.key == y.key and x.words == y.words and x.bands == y.bands and (x.shingles == y.shingles).all()


def test_counts_words_is_counts() -> None:
    an = textsim.Analyzer()
    text = "চরপুর নদীবন্দরে আগুন। আগুন নিয়ন্ত্রণে আনে ফায়ার সার্ভিস, চরপুর নদীবন্দরে ২০২৫ সালে"
    a, b = an.counts(text), textsim.Analyzer().counts_words(textsim.words(text))
    assert list(a.items()) == list(b.items()) and a.groups == b.groups
    assert an.counts(text) == a  # cached word entries give the same counts again
    assert textsim.Analyzer(char_weight=0).counts(text).groups[2] == ("c:", 0)


def test_digit_runs_become_ascii_as_before() -> None:
    text = "২০২৫ সালের ১০ জুলাই, ٣ and ৪৫টি; 12 ½"
    assert shingles.folded_words(text) == shingles._WORD.findall(text.translate(shingles._DIGITS))
    assert shingles.words("২০২৫") == ["2025"]


# -- the pass ----------------------------------------------------------------------

# Written for these tests: a fire at a fictional river port, reported by one
# outlet, copied word for word by a second and lightly edited by a third, and
# an unrelated cricket report.
FIRE = ("নদীবন্দরে আগুনে পুড়ল তিনটি গুদাম",
        "চরপুর নদীবন্দরের তিনটি পাটের গুদামে ভোররাতে আগুন লাগে। ফায়ার সার্ভিসের চারটি ইউনিট দুই ঘণ্টা চেষ্টা করে "
        "আগুন নিয়ন্ত্রণে আনে। গুদাম মালিক সমিতি বলছে, পাটের গুদামে ক্ষতি কয়েক কোটি টাকা। স্টেশন কর্মকর্তা জানান, "
        "বৈদ্যুতিক গোলযোগ থেকে আগুনের সূত্রপাত হতে পারে, তদন্ত কমিটি কাজ শুরু করেছে।")
CRICKET = ("শেষ বলে জিতল চরপুর ক্রিকেট দল",
           "জেলা লিগের ফাইনালে শেষ বলে ছক্কা মেরে চরপুর ক্রিকেট দলকে জেতালেন অধিনায়ক। স্টেডিয়ামে দর্শকেরা "
           "উল্লাসে মাঠে নেমে আসেন। প্রতিপক্ষ দলের কোচ আম্পায়ারের সিদ্ধান্ত নিয়ে আপত্তি তোলেন এবং আপিলের কথা বলেন।")


def _articles(pages: list[Article]) -> list[Article]:
    from datetime import datetime, timedelta, timezone

    from ghotona.records import Paragraph

    when = datetime(2025, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=6)))

    def make(aid: str, title: str, body: str, hours: int, outlet: str) -> Article:
        return Article(
            id=aid, source=f"test/{aid}.html", format="html", url=f"https://example.com/{aid}", outlet=outlet,
            outlet_id=None, title=title, desk=None, byline=None, wire_sources=[],
            published=when + timedelta(hours=hours), updated=None, page_date=None,
            paragraphs=[Paragraph(0, len(body), body)], language="bn", language_score=1.0, content_hash=f"h-{aid}",
        )

    edited = FIRE[1].replace("চারটি", "পাঁচটি")
    return [
        *pages,
        make("fire1", *FIRE, 0, "চরপুর বার্তা"),
        make("fire2", *FIRE, 2, "নদীর খবর"),
        make("fire3", FIRE[0], edited, 3, "বন্দর সংবাদ"),
        make("cricket", *CRICKET, 4, "চরপুর বার্তা"),
    ]


def _plain(outcomes) -> list[tuple]:
    return [(o.article_id, o.duplicate_of, o.duplicate_method, o.story, o.errors) for o in outcomes]


def test_the_pass_is_duplicates_then_stories_one_article_at_a_time(pages: list[Article]) -> None:
    arts = _articles(pages)
    cfg = config_mod.load()
    dups, stories = DuplicateIndex(config=cfg), StoryIndex(None, cfg)
    expected = []
    for a in arts:
        m = dups.process(a)
        original = m.original_id if m is not None and m.article_id == a.id else None
        expected.append((a.id, original, m.method if original else None, stories.assign(a, [], duplicate_of=original), ()))
    cp = CorpusPass(None, cfg, workers=1, batch=3)
    got = _plain(cp.run((a, []) for a in arts))
    assert got == expected
    by_id = {g[0]: g for g in got}
    assert by_id["fire2"][1] == "fire1" and by_id["fire2"][2] == "exact"
    assert by_id["fire3"][1] == "fire1" and by_id["fire3"][2] == "near"
    assert by_id["fire2"][3].via == "duplicate" and by_id["fire2"][3].story_id == by_id["fire1"][3].story_id
    assert by_id["cricket"][3].story_id != by_id["fire1"][3].story_id
    assert cp.counts["duplicates"] == 2 and cp.counts["articles"] == len(arts)


def test_two_processes_give_what_one_gives(pages: list[Article]) -> None:
    arts = _articles(pages)
    one = _plain(CorpusPass(None, workers=1, batch=4).run((a, []) for a in arts))
    two = _plain(CorpusPass(None, workers=2, batch=4).run((a, []) for a in arts))
    assert two == one


def test_a_failing_article_costs_only_its_stage(pages: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _articles(pages)
    real = StoryIndex.assign

    def assign(self, article, *args, **kwargs):
        if article.id == "fire2":
            raise RuntimeError("boom")
        return real(self, article, *args, **kwargs)

    monkeypatch.setattr(StoryIndex, "assign", assign)
    cp = CorpusPass(None, workers=1, batch=2)
    out = {o.article_id: o for o in cp.run((a, []) for a in arts)}
    assert len(out) == len(arts)
    bad = out["fire2"]
    assert bad.story is None and bad.duplicate_of == "fire1"
    assert [e.stage for e in bad.errors] == ["stories"] and "boom" in bad.errors[0].detail
    assert out["fire3"].story is not None and cp.counts["errors"] == 1


def test_bad_settings_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="workers must be 1 or 2"):
        CorpusPass(None, workers=3)
    store = open_store(":memory:")
    with pytest.raises(ValueError, match="in-memory store"):
        CorpusPass(store, workers=2)
    store.close()


def _stored(store, arts: list[Article]) -> None:
    for a in arts:
        store.upsert_article(a)


def _snapshot(store) -> tuple:
    stories = sorted(
        sorted(a.id for a in store.story_articles(s.id)) for s in store.stories(limit=10_000)
    )
    dups = sorted((d.article_id, d.original_id, d.method) for d in store.duplicates(limit=10_000))
    return stories, dups


def test_rebuild_a_store_on_two_processes(pages: list[Article], tmp_path: Path) -> None:
    arts = _articles(pages)
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"w{workers}.db"))
        _stored(store, arts)
        outcomes = list(rebuild(store, workers=workers, batch=3))
        assert len(outcomes) == len(arts) and not any(o.errors for o in outcomes)
        first = _snapshot(store)
        list(rebuild(store, workers=workers))  # again: the old links are forgotten, not doubled
        assert _snapshot(store) == first
        results.append(first)
        store.close()
    assert results[0] == results[1]
    stories, dups = results[0]
    assert ("fire2", "fire1", "exact") in dups and ("fire3", "fire1", "near") in dups
    assert ["fire1", "fire2", "fire3"] in stories


def test_cli_corpus_rebuild(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    store = open_store(db)
    _stored(store, _articles([]))
    store.close()
    r = CliRunner().invoke(main, ["corpus", "rebuild", "--db", db, "--json", "--workers", "1"])
    assert r.exit_code == 0, r.output
    import json

    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert {x["id"] for x in lines} == {"fire1", "fire2", "fire3", "cricket"}
    assert next(x for x in lines if x["id"] == "fire2")["original"] == "fire1"
    assert "4 articles: 2 copies found" in r.stderr
    r = CliRunner().invoke(main, ["corpus", "rebuild", "--db", ":memory:"])
    assert r.exit_code != 0 and "in-memory store" in r.output
    assert "rebuild" in CliRunner().invoke(main, ["corpus", "--help"]).output


def test_story_stage_needs_no_body_when_words_are_given(pages: list[Article]) -> None:
    # The second process gets the words; a body it cannot read changes nothing.
    a = pages[0]
    w = article_words(a)
    one, two = StoryIndex(None), StoryIndex(None)
    assert one.assign(a, [], words=w.story) == two.assign(replace(a, paragraphs=[]), [], words=w.story)


# -- features by term id (the reader counts and numbers them, the story process weighs them) --------


def _by_name(tc: textsim.TermCounts, ids: textsim.TermIds) -> list[tuple[str, int]]:
    names = {i: t for t, i in ids.ids.items()}
    return [(names[i], c) for i, c in zip(tc.ids.tolist(), tc.counts.tolist())]


def test_term_counter_counts_what_the_analyzer_counts(pages: list[Article]) -> None:
    rng = random.Random(8)
    texts = [(a.title or "") + "\n" + a.body[:800] for a in pages]
    texts += ["".join(rng.choice(_PIECES + ["কিমের", "কিম", "ক্কক্ক", "আগুন আগুন"]) for _ in range(40)) for _ in range(300)]
    for an in (textsim.Analyzer(), textsim.Analyzer(bigram_weight=0.0), textsim.Analyzer(char_weight=0.0)):
        tc = textsim.TermCounter(an)
        for text in texts + texts[:5]:  # again: from the word cache
            words = textsim.words(text)
            actors = {"a:Q1": 2, "a:prov:x": 1} if len(text) % 2 else {}
            got = tc.count(words, actors)
            want = an.counts_words(words)
            assert _by_name(got, tc.term_ids) == [*want.items(), *actors.items()]
            assert got.groups == want.groups and got.n_actors == len(actors)
    # Ids are numbered once, in the order first seen, and each name is reported once.
    new = tc.term_ids.take_new()
    assert len(new) == len(set(new)) == len(tc.term_ids.ids)
    assert [tc.term_ids.ids[t] for t in new] == list(range(len(new)))
    assert tc.term_ids.take_new() == [] and tc.term_ids.of(["c:<x", "c:<x"]).tolist()[0] == len(new)


def _same_df(by_name: textsim.DocFreq, by_id: textsim.DocFreqById, ids: textsim.TermIds, terms: list[str]) -> None:
    d = ids.of(terms)
    by_id.learn(ids.take_new())  # names not seen yet get their stored counts (if any)
    assert by_name.n_docs == by_id.n_docs and len(by_name.df) == len(by_id)
    got = by_id.idfs_ids(d)
    assert got.tobytes() == by_name.idfs(terms).tobytes()  # equal to the bit


def test_doc_freq_by_id_is_doc_freq() -> None:
    rng = random.Random(9)
    vocab = [f"w:t{i}" for i in range(60)] + ["w:সরকার", "c:<সর", "a:Q7"]
    stored = {"w:t1": 4, "w:t2": 1, "w:gone": 1, "w:সরকার": 2}
    for prior in (None, textsim.shipped_prior(50, fade=40)):
        for track, seed in ((False, {}), (True, stored)):
            a = textsim.DocFreq(seed, 7 if seed else 0, prior=prior, track=track)
            b = textsim.DocFreqById(seed, 7 if seed else 0, prior=prior, track=track)
            ids = textsim.TermIds()
            for step in range(80):
                doc = rng.sample(vocab, rng.randint(0, 12))
                a.add(doc)
                d = ids.of(doc)
                b.learn(ids.take_new())
                b.add_ids(d)
                _same_df(a, b, ids, vocab[:5] + doc)
                if step % 9 == 8:
                    assert a.prune(max_terms=20) == b.prune(max_terms=20)
                    _same_df(a, b, ids, vocab)
                if track and step % 20 == 19:
                    assert a.take_dirty() == b.take_dirty()
            b.learn(ids.take_new())
            assert {t: int(b.counts[i]) for t, i in ids.ids.items() if b.counts[i]} | b.pending == dict(a.df)


def test_tfidf_by_id_is_tfidf_to_the_bit(pages: list[Article]) -> None:
    an = textsim.Analyzer()
    tc = textsim.TermCounter(an)
    by_name, by_id = textsim.DocFreq(), textsim.DocFreqById()
    for a in pages:
        words = textsim.words((a.title or "") + "\n" + a.body[:800])
        counts = an.counts_words(words)
        terms = tc.count(words)
        by_name.add(list(counts))
        by_id.learn(tc.term_ids.take_new())
        by_id.add_ids(terms.ids)
        for keep in (0, 5, 40, 300):
            want = textsim.tfidf(counts, by_name, keep=keep, weights=an.weights())
            got, top = textsim.tfidf_ids(terms.ids, terms.counts, by_id, keep=keep, weights=an.weights(),
                                         groups=terms.groups, top=16)
            assert list(got.items()) == list(want.items()) and top == textsim.top_terms(want, 16)
    # Ties at the cut are broken by name, as tfidf breaks them.
    ids = textsim.TermIds()
    df = textsim.DocFreqById()
    names = ["w:d", "w:c", "w:b", "w:a"]
    df.learn(names)
    df.add_ids(ids.of(names))
    got, top = textsim.tfidf_ids(ids.of(names), np.ones(4, dtype=np.int32), df, keep=2, groups=(("w:", 4),), top=3)
    assert list(got) == ["w:b", "w:a"] and top == ["w:b", "w:a"]


def test_story_index_by_id_assigns_as_by_words(pages: list[Article]) -> None:
    cfg = config_mod.load()
    params = StoryParams.from_config(cfg)
    by_words, by_id = StoryIndex(None, cfg), StoryIndex(None, cfg, by_id=True)
    tc = textsim.TermCounter(story_analyzer(params))
    assert any(a.actor_mentions for a in pages)  # the actor terms are counted too
    for a in _articles(pages) * 2:  # twice: re-assigned articles are not counted again
        w = article_words(a, params.lead_chars, params.title_repeat)
        terms = tc.count(w.story, actor_counts(a))
        by_id.df.learn(tc.term_ids.take_new())
        pa = by_words.profiler.profile(a, count=False, words=w.story)
        pb = by_id.profiler.profile(a, count=False, terms=terms)
        assert pa.to_json() == pb.to_json() and pa.words == pb.words and pa.top == pb.top
        assert by_words.assign(a, [], words=w.story) == by_id.assign(a, [], terms=terms)
    with pytest.raises(ValueError, match="give the article's terms"):
        by_id.assign(pages[0], [])
    with pytest.raises(ValueError, match="not term ids"):
        by_words.assign(pages[0], [], terms=terms)
