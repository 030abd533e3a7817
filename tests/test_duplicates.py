"""Exact and near-duplicate articles (ghotona.corpus.duplicates, docs/duplicates.md).

The texts below are written for these tests (a fictional flood and a
fictional trade fair); nothing is copied from a real outlet.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from datasketch import MinHash

from ghotona.corpus.duplicates import DuplicateIndex, DuplicateMatch, DuplicateSettings, MinHasher
from ghotona.corpus.shingles import body_key, jaccard, shingle, shingle_hashes, words
from ghotona.records import Article
from ghotona.store import open_store
from ghotona.text.segment import build_paragraphs

DHAKA = timezone(timedelta(hours=6))

FLOOD = [
    "সুনামগঞ্জের তিনটি উপজেলায় টানা চার দিনের ভারী বৃষ্টিতে নদীর পানি বিপৎসীমার ওপর দিয়ে বইছে। "
    "জেলা প্রশাসন জানিয়েছে, নিচু এলাকার অন্তত বারো হাজার পরিবার পানিবন্দী হয়ে পড়েছে।",
    "স্থানীয় বাসিন্দারা বলছেন, গত বছরের বন্যার ক্ষত এখনো শুকায়নি, তার মধ্যেই আবার ঘরে পানি উঠেছে। "
    "অনেকে গবাদিপশু নিয়ে উঁচু সড়কের ওপর আশ্রয় নিয়েছেন।",
    "পানি উন্নয়ন বোর্ডের নির্বাহী প্রকৌশলী জানান, উজানের পাহাড়ি ঢল না থামলে আগামী দুই দিনে পরিস্থিতির "
    "আরও অবনতি হতে পারে। তিনি নদীর তীরের মানুষকে আশ্রয়কেন্দ্রে যাওয়ার অনুরোধ করেছেন।",
    "জেলা ত্রাণ কর্মকর্তা বলেন, চল্লিশটি আশ্রয়কেন্দ্র খোলা হয়েছে এবং শুকনো খাবার ও বিশুদ্ধ পানির "
    "বোতল পাঠানো হচ্ছে। স্বাস্থ্য বিভাগ পানিবাহিত রোগ ঠেকাতে ভ্রাম্যমাণ দল নামিয়েছে।",
    "এদিকে সিলেট বিভাগের অন্য জেলাগুলোতেও নদীর পানি বাড়ছে বলে আবহাওয়া অফিস সতর্ক করেছে। "
    "আগামী চব্বিশ ঘণ্টায় আরও বৃষ্টির পূর্বাভাস দেওয়া হয়েছে।",
]

FAIR = [
    "রাজধানীর পূর্বাচলে মাসব্যাপী বাণিজ্য মেলার পর্দা উঠছে আগামী সোমবার। আয়োজকেরা বলছেন, এবার দেশি "
    "বিদেশি মিলিয়ে সাড়ে তিন শ প্রতিষ্ঠান অংশ নিচ্ছে।",
    "মেলায় প্রবেশের টিকিটের দাম গতবারের মতোই রাখা হয়েছে, তবে শিক্ষার্থীদের জন্য থাকছে বিশেষ ছাড়। "
    "শহরের কয়েকটি জায়গা থেকে বিনা ভাড়ায় বাস চলবে।",
    "রপ্তানি উন্নয়ন ব্যুরোর এক কর্মকর্তা জানান, পাট ও চামড়াজাত পণ্যের জন্য আলাদা প্যাভিলিয়ন থাকবে, যাতে "
    "বিদেশি ক্রেতারা সহজে দেশি পণ্য খুঁজে পান।",
    "নিরাপত্তার জন্য পুরো মেলা প্রাঙ্গণে ক্লোজড সার্কিট ক্যামেরা বসানো হয়েছে এবং পুলিশের একটি "
    "নিয়ন্ত্রণকক্ষ কাজ করবে বলে জানিয়েছে আয়োজক কর্তৃপক্ষ।",
]


def make(
    id: str,
    paragraphs: list[str],
    *,
    outlet: str = "খবর ডটকম",
    published: datetime | None = datetime(2025, 7, 10, 9, 0, tzinfo=DHAKA),
) -> Article:
    return Article(
        id=id,
        source=f"test/{id}",
        format="json",
        url=f"https://example.com/{outlet}/{id}",
        outlet=outlet,
        outlet_id=None,
        title=None,
        desk=None,
        byline=None,
        wire_sources=[],
        published=published,
        updated=None,
        page_date=None,
        paragraphs=build_paragraphs(paragraphs),
        language="bn",
        language_score=1.0,
        content_hash=f"h-{id}-{hash(tuple(paragraphs))}",
    )


def edited(paragraphs: list[str], every: int = 25) -> list[str]:
    """Replace every ``every``-th word with another word (a light copy-edit)."""
    out, n = [], 0
    for p in paragraphs:
        ws = p.split(" ")
        for i in range(len(ws)):
            n += 1
            if n % every == 0:
                ws[i] = "সম্পাদিত"
        out.append(" ".join(ws))
    return out


@pytest.fixture
def index() -> DuplicateIndex:
    return DuplicateIndex(settings=DuplicateSettings())


def texts_jaccard(a: list[str], b: list[str]) -> float:
    return jaccard(shingle_hashes(words("\n\n".join(a))), shingle_hashes(words("\n\n".join(b))))


# -- shingles ---------------------------------------------------------------


def test_words_keep_bengali_words_whole_and_fold_digits_and_case() -> None:
    assert words("কিমের সঙ্গে বৈঠক, ২০২৫ সালে!") == ["কিমের", "সঙ্গে", "বৈঠক", "2025", "সালে"]
    assert words("Dhaka\u00a0TRIBUNE") == ["dhaka", "tribune"]
    # য় typed as one code point or as য + nukta is one word after normalisation.
    assert words("নয়া") == words("ন\u09df\u09be")


def test_shingles_are_stable_sorted_distinct_and_sensitive_to_order() -> None:
    toks = words(FLOOD[0])
    h = shingle_hashes(toks)
    assert h.dtype == np.uint32 and list(h) == sorted(set(h.tolist()))
    assert len(h) == len(toks) - 2  # no repeated 3-gram in this paragraph
    assert np.array_equal(h, shingle_hashes(list(toks)))
    assert not np.array_equal(h, shingle_hashes(toks[::-1]))
    assert len(shingle_hashes(["এক", "দুই"])) == 1  # shorter than n: one shingle
    assert len(shingle_hashes([])) == 0
    with pytest.raises(ValueError, match="dup_shingle_words"):
        shingle_hashes(toks, 0)


def test_body_key_ignores_spacing_punctuation_and_digit_script() -> None:
    a = shingle("বন্যায় ১২ হাজার পরিবার পানিবন্দী।")
    b = shingle("বন্যায়  12 হাজার পরিবার — পানিবন্দী")
    assert a.key == b.key and np.array_equal(a.hashes, b.hashes)
    assert body_key(["এক"]) != body_key(["দুই"])


def test_signature_is_datasketch_minhash() -> None:
    settings = DuplicateSettings()
    sh = shingle_hashes(words(" ".join(FLOOD)))
    ours = MinHasher(settings).minhash(sh)
    theirs = MinHash(num_perm=settings.num_perm, seed=settings.seed, hashfunc=int)
    theirs.update_batch(sh.tolist())
    assert np.array_equal(ours.hashvalues, theirs.hashvalues)
    assert len(MinHasher(settings).bands(sh)) == settings.bands


# -- check / add in memory --------------------------------------------------


def test_exact_copy_under_another_outlet(index: DuplicateIndex) -> None:
    first = make("a1", FLOOD, outlet="প্রথম")
    assert index.process(first) is None
    # Same words, other spacing and punctuation, another outlet and URL.
    copy = make("a2", [p.replace("।", " ।").replace(",", "") for p in FLOOD], outlet="দ্বিতীয়")
    match = index.process(copy)
    assert match == DuplicateMatch("a2", "a1", 1.0, "exact")
    assert index.original_of("a2") == "a1" and index.original_of("a1") is None


def test_near_copy_with_edited_words_and_a_deleted_sentence(index: DuplicateIndex) -> None:
    index.process(make("orig", FLOOD))
    variant = edited(FLOOD, every=60)
    variant[1] = variant[1].split("। ")[0] + "।"  # drop the paragraph's second sentence
    j = texts_jaccard(FLOOD, variant)
    assert 0.8 <= j < 1.0
    match = index.process(make("copy", variant, outlet="অন্য"))
    assert match is not None and match.method == "near" and match.original_id == "orig"
    assert match.jaccard == pytest.approx(j)


def test_reordered_paragraphs_are_a_near_copy(index: DuplicateIndex) -> None:
    index.process(make("orig", FLOOD))
    match = index.process(make("moved", [FLOOD[i] for i in (2, 0, 4, 1, 3)]))
    assert match is not None and match.original_id == "orig" and 0.8 <= match.jaccard < 1.0
    assert match.method == "near"  # same words, other order: not an exact copy


def test_truncation_lightly_is_a_copy_heavily_is_not(index: DuplicateIndex) -> None:
    index.process(make("orig", FLOOD))
    light = index.check(make("light", FLOOD[:-1] + [FLOOD[-1].split("। ")[0] + "।"]))
    assert light is not None and light.original_id == "orig"
    # Two paragraphs of five share well under 0.8 of the shingles: by the
    # definition (Jaccard >= threshold) that is no longer a copy.
    assert texts_jaccard(FLOOD, FLOOD[:2]) < 0.8
    assert index.check(make("heavy", FLOOD[:2])) is None


def test_unrelated_articles_and_heavy_edits_are_not_copies(index: DuplicateIndex) -> None:
    index.process(make("flood", FLOOD))
    assert index.process(make("fair", FAIR)) is None
    # One word in five rewritten: a different text by the measure.
    rewritten = edited(FLOOD, every=5)
    assert texts_jaccard(FLOOD, rewritten) < 0.8
    assert index.process(make("rewritten", rewritten)) is None
    # Same topic, same place, different sentences.
    other_report = [FLOOD[0], FAIR[1], FAIR[2], FAIR[3]]
    assert index.process(make("mixed", other_report)) is None


def test_the_earliest_published_is_the_original(index: DuplicateIndex) -> None:
    later = make("late", FLOOD, published=datetime(2025, 7, 12, tzinfo=DHAKA))
    earlier = make("early", edited(FLOOD, 40), published=datetime(2025, 7, 10, tzinfo=DHAKA))
    index.process(later)
    match = index.process(earlier)
    assert match is not None and (match.article_id, match.original_id) == ("late", "early")
    assert index.original_of("late") == "early" and index.original_of("early") is None
    # A third copy points at the earliest of the two, even though its words
    # are exactly those of the later one.
    third = index.process(make("third", FLOOD, published=datetime(2025, 7, 13, tzinfo=DHAKA)))
    assert third is not None and third.original_id == "early" and third.method == "near"


def test_empty_and_tiny_bodies(index: DuplicateIndex) -> None:
    blank = make("blank", ["   ", "।।"])
    assert index.process(blank) is None and index.stats.skipped_empty == 1
    assert index.process(make("blank2", [""])) is None  # two empty bodies are not copies
    # A short body is never a *near* copy, but an exact copy still is one.
    assert index.process(make("t1", ["বন্যায় বারো হাজার পরিবার পানিবন্দী"])) is None
    assert index.process(make("t2", ["বন্যায় বারো হাজার পরিবার পানিবন্দী"])).method == "exact"
    assert index.check(make("t3", ["বন্যায় বারো হাজার পরিবার পানিবন্দী হয়েছে"])) is None


def test_reindexing_the_same_article_does_not_match_itself(index: DuplicateIndex) -> None:
    a = make("same", FLOOD)
    assert index.process(a) is None
    assert index.process(a) is None


def test_add_refuses_a_match_about_another_article(index: DuplicateIndex) -> None:
    with pytest.raises(ValueError, match="not about article"):
        index.add(make("x", FLOOD), DuplicateMatch("y", "z", 0.9, "near"))


def test_bad_settings_say_which_key() -> None:
    with pytest.raises(ValueError, match="dup_threshold"):
        DuplicateSettings(threshold=1.5)
    with pytest.raises(ValueError, match="dup_bands"):
        DuplicateSettings(bands=0)
    cfg = {"corpus": {"dup_threshold": 0.9, "dup_bands": 8, "dup_rows": 2}}
    s = DuplicateSettings.from_config(cfg)
    assert (s.threshold, s.num_perm) == (0.9, 16)
    assert DuplicateSettings.from_config().threshold == 0.8  # the defaults file


# -- persistence in the store -----------------------------------------------


def _store_and_index(path: str):
    store = open_store(path)
    return store, DuplicateIndex(store, settings=DuplicateSettings())


def _ingest(store, index: DuplicateIndex, article: Article) -> DuplicateMatch | None:
    store.upsert_article(article)
    return index.process(article)


def test_copies_are_found_across_store_reopen(tmp_path) -> None:
    db = str(tmp_path / "g.db")
    store, index = _store_and_index(db)
    assert _ingest(store, index, make("orig", FLOOD, outlet="প্রথম")) is None
    assert _ingest(store, index, make("fair", FAIR)) is None
    store.close()

    # A later run, a fresh index: it must still know the earlier articles.
    store, index = _store_and_index(db)
    near = _ingest(store, index, make("near", edited(FLOOD, 30), outlet="দ্বিতীয়"))
    exact = _ingest(store, index, make("exact", list(FLOOD), outlet="তৃতীয়"))
    assert near is not None and near.original_id == "orig" and near.method == "near"
    assert exact is not None and exact.original_id == "orig" and exact.method == "exact"
    store.close()

    store = open_store(db)
    assert store.count_duplicates() == 2
    records = {r.article_id: r for r in store.duplicates(limit=10)}
    assert set(records) == {"near", "exact"}
    rec = records["near"]
    assert rec.original_id == "orig" and rec.original_outlet == "প্রথম" and rec.outlet == "দ্বিতীয়"
    assert rec.url.endswith("/near") and rec.original_url.endswith("/orig")
    assert 0.8 <= rec.jaccard < 1.0 and rec.method == "near"
    assert [r.article_id for r in store.duplicates(original_id="orig", limit=10, offset=1)] != []
    assert store.count_duplicates(original_id="fair") == 0
    assert store.duplicate_of("orig") is None and store.duplicate_of("exact").jaccard == 1.0
    store.close()


def test_store_flip_and_update(tmp_path) -> None:
    store, index = _store_and_index(str(tmp_path / "g.db"))
    _ingest(store, index, make("late", FLOOD, published=datetime(2025, 7, 12, tzinfo=DHAKA)))
    m = _ingest(store, index, make("early", edited(FLOOD, 40), published=datetime(2025, 7, 9, tzinfo=DHAKA)))
    assert m is not None and (m.article_id, m.original_id) == ("late", "early")
    assert store.duplicate_of("late").original_id == "early" and store.duplicate_of("early") is None
    # "late" is rewritten into another article: it stops being a copy, and
    # its old bands no longer find it.
    _ingest(store, index, make("late", FAIR, published=datetime(2025, 7, 12, tzinfo=DHAKA)))
    assert store.duplicate_of("late") is None
    again = _ingest(store, index, make("again", FLOOD))
    assert again is not None and again.original_id == "early"
    store.close()


def test_store_refuses_unknown_articles_and_bad_methods(tmp_path) -> None:
    from ghotona.errors import NotFound

    store = open_store(str(tmp_path / "g.db"))
    with pytest.raises(NotFound, match="store the article"):
        store.save_fingerprint("nope", "k", 3, 10, b"", [1, 2])
    store.upsert_article(make("a", FLOOD))
    with pytest.raises(NotFound):
        store.record_duplicate("a", "missing", 0.9, "near")
    with pytest.raises(ValueError, match="exact' or 'near"):
        store.record_duplicate("a", "a", 0.9, "fuzzy")
    assert store.band_candidates([]) == [] and store.fingerprints(["zzz"]) == []
    store.close()


# -- the evaluation gate ----------------------------------------------------


def test_gate_near_duplicates_against_brute_force() -> None:
    """Precision and recall on generated copies of the real corpus stay at their pins."""
    import json
    from pathlib import Path

    from ghotona.evaluate.duplicates import evaluate
    from ghotona.evaluate.extraction import shared_dir

    if not (shared_dir() / "data" / "news" / "bdnews_2025-12-30.json").is_file():
        pytest.skip("../shared/data/news is not beside the repository")
    root = Path(__file__).resolve().parents[1]
    pinned = json.loads((root / "eval" / "baselines.json").read_text("utf-8"))["duplicates"]
    scores = evaluate(3000, seed=11)
    assert scores.true_pairs > 500 and scores.true_copies > 300  # the set really holds copies
    failures = [
        f"{key}: {getattr(scores, key):.4f} < pinned {floor}"
        for key, floor in pinned.items()
        if not key.startswith("_") and getattr(scores, key) < floor - 1e-9
    ]
    assert not failures, "duplicates gate: " + "; ".join(failures) + f"; missed pairs {scores.missed[:5]}"
