"""Tests for ghotona.ingest: a batch of good and bad inputs, interruption, crashes.

Every page here is written by the test in ``tmp_path``; the store is a real
SQLite file so that what an interrupted run left behind can be read back
through a fresh connection.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghotona import pipeline
from ghotona.cli import main
from ghotona.ingest import ingest
from ghotona.pipeline import Extractor
from ghotona.records import Article, InputFormat, RawPage, Rejection
from ghotona.store import open_store

# --------------------------------------------------------------------------
# Pages written for these tests
# --------------------------------------------------------------------------

# Five places, one per generated page: each page's title and body name its
# own place, so every page has its own id (saved page text has no URL: the
# id comes from the headline) and its own searchable word.
PLACES = ["রাজশাহী", "খুলনা", "সিলেট", "বরিশাল", "রংপুর"]
COMMON_WORD = "জেলা"  # in the body of every generated page, nowhere else

SIDEBAR = ["ভীষণ হতাশ লিটন", "অধ্যাপক আবুল বারাকাত গ্রেফতার", "কুষ্টিয়ায় যাত্রীবাহী বাসে মিললো ২৯ লাখ টাকার ইয়াবা"]


def bn_page(place: str = "ঢাকা", *, extra: str = "") -> str:
    """A saved page's text: menu, headline, desk, stamp, 3 paragraphs, sign-off, a list."""
    return "\n".join(
        [
            "প্রচ্ছদ",
            "জাতীয়",
            "আন্তর্জাতিক",
            "বৃহস্পতিবার, ১০ জুলাই ২০২৫",
            "",
            f"{place} জেলায় নির্বাচনী সংস্কার নিয়ে কমিশনের সঙ্গে দলগুলোর বৈঠক",
            "",
            "জাতীয় ডেস্ক",
            "১০ জুলাই ২০২৫, ১৯:০৭",
            "",
            f"{place} {COMMON_WORD} কার্যালয়ে আজ নির্বাচন কমিশনের সঙ্গে নিবন্ধিত রাজনৈতিক দলগুলোর দীর্ঘ বৈঠক "
            "অনুষ্ঠিত হয়েছে। বৈঠকে ত্রয়োদশ জাতীয় সংসদ নির্বাচনের সম্ভাব্য তফসিল নিয়ে বিস্তারিত আলোচনা হয়। "
            f"কমিশনের সচিব জানান, সব দলের মতামত লিখিতভাবে নেওয়া হয়েছে।{extra}",
            "",
            "বৈঠকে অংশ নেওয়া একাধিক দলের নেতারা ভোটকেন্দ্রে নিরাপত্তা বাড়ানোর দাবি জানান। তাঁরা বলেন, "
            "প্রবাসী ভোটারদের জন্য ডাক ভোটের ব্যবস্থা আরও সহজ করতে হবে। কমিশন এসব প্রস্তাব বিবেচনা করার "
            "আশ্বাস দিয়েছে।",
            "",
            "প্রধান নির্বাচন কমিশনার সাংবাদিকদের বলেন, আগামী মাসের মধ্যে চূড়ান্ত রোডম্যাপ প্রকাশ করা হবে। "
            "তিনি আরও বলেন, সুষ্ঠু নির্বাচনের জন্য সব পক্ষের সহযোগিতা প্রয়োজন। বৈঠক শেষে দলগুলো সন্তোষ "
            "প্রকাশ করেছে।",
            "",
            "/এএ/",
            "সর্বশেষ খবর",
            *SIDEBAR,
            "",
        ]
    )


HTML_PARAGRAPHS = [
    "ঢাকা ও দিল্লির বাণিজ্য কর্মকর্তারা আজ নতুন একটি চুক্তির খসড়া নিয়ে আলোচনা করেছেন। দুই পক্ষই শুল্ক "
    "কমানোর বিষয়ে একমত হয়েছে বলে জানা গেছে। আলোচনা আগামী সপ্তাহে আবার শুরু হবে।",
    "বাণিজ্য মন্ত্রণালয়ের এক কর্মকর্তা বলেন, সীমান্ত হাটগুলো আবার চালু করার প্রস্তাবও এসেছে। ব্যবসায়ীরা এই "
    "উদ্যোগকে স্বাগত জানিয়েছেন। তাঁরা দ্রুত বাস্তবায়নের দাবি করেছেন।",
    "বিশ্লেষকেরা মনে করেন, এই চুক্তি দুই দেশের অর্থনীতির জন্য গুরুত্বপূর্ণ হবে। তবে পানিবণ্টনের মতো পুরোনো "
    "বিষয়গুলো এখনো অমীমাংসিত রয়ে গেছে। সরকার বিষয়টি নিয়ে আলোচনা চালিয়ে যাবে।",
]
HTML_TITLE = "বাণিজ্য চুক্তি নিয়ে ঢাকা ও দিল্লির আলোচনা"


def bn_html() -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in HTML_PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="bn"><head><meta charset="utf-8">'
        f"<title>{HTML_TITLE} | দৈনিক পরীক্ষা</title>"
        '<meta property="article:published_time" content="2025-07-11T10:30:00+06:00"></head>'
        '<body><nav><a href="/">প্রচ্ছদ</a> <a href="/politics">রাজনীতি</a></nav>'
        f"<article><h1>{HTML_TITLE}</h1>\n{paras}\n</article>"
        "<footer>© দৈনিক পরীক্ষা</footer></body></html>"
    )


RECORD_BODY = (
    "জাতিসংঘের মানবাধিকার কমিশনের একটি প্রতিনিধিদল আজ কক্সবাজারের শরণার্থী শিবির পরিদর্শন করেছে। "
    "প্রতিনিধিদলটি রোহিঙ্গা নেতাদের সঙ্গে প্রত্যাবাসন নিয়ে কথা বলেছে।\n"
    "শিবিরের বাসিন্দারা নিরাপদ ও মর্যাদাপূর্ণ প্রত্যাবাসনের দাবি জানিয়েছেন। তাঁরা নাগরিকত্বের নিশ্চয়তা চান।"
)


def record(title: str, url: str, **more: object) -> dict[str, object]:
    return {"headline": title, "article": RECORD_BODY, "url": url, "paper_name": "পরীক্ষা বার্তা",
            "publication_date": "2025-07-12T08:00:00+06:00", **more}


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No ./ghotona.toml or $GHOTONA_* of the developer's may leak in.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GHOTONA_DB", raising=False)
    monkeypatch.delenv("GHOTONA_CONFIG", raising=False)


# The bad batch: file name -> expected rejection reason (None: stored).
BATCH_EXPECTED_REJECTIONS = {
    "03_empty.html": "empty",
    "04_photo.png": "binary",
    "05_truncated.html": "no-body",
    "06_huge.html": "too-large",
    "07_wrong_encoding.txt": "decode-error",
    "08_locked.html": "unreadable",
    "09_records.json#1": "bad-record",
    "10_records.jsonl#1": "bad-record",
}
BATCH_STORED_SOURCES = {
    "01_good.txt", "02_good.html",
    "09_records.json#0", "09_records.json#2",
    "10_records.jsonl#0", "10_records.jsonl#2",
}


def write_bad_batch(root: Path, guard) -> Path:
    d = root / "batch"
    d.mkdir()
    (d / "01_good.txt").write_text(bn_page(), "utf-8")
    (d / "02_good.html").write_text(bn_html(), "utf-8")
    (d / "03_empty.html").write_bytes(b"")
    rnd = random.Random(7)
    (d / "04_photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + rnd.randbytes(2000))
    # Cut in the middle of a tag, early in the body: a download that stopped.
    html = bn_html()
    cut = html.index(HTML_PARAGRAPHS[0][:30]) + 30
    (d / "05_truncated.html").write_text(html[:cut] + "</p><p cla", "utf-8")
    (d / "06_huge.html").touch()
    os.truncate(d / "06_huge.html", 50_000_000)  # sparse: 50 MB on paper, nothing on disk
    # High bytes at random: no encoding makes text of them.
    (d / "07_wrong_encoding.txt").write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(3000)))
    (d / "08_locked.html").write_text(bn_html().replace(HTML_TITLE, "তালাবদ্ধ পাতা"), "utf-8")
    guard.fail(d / "08_locked.html", PermissionError(13, "Permission denied"))
    records = [
        record("রোহিঙ্গা শিবিরে জাতিসংঘের প্রতিনিধিদল", "https://example.com/news/1"),
        {"headline": "শিরোনাম আছে, লেখা নেই", "url": "https://example.com/news/2"},  # no body
        record("প্রত্যাবাসন নিয়ে রোহিঙ্গা নেতাদের দাবি", "https://example.com/news/3"),
    ]
    (d / "09_records.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    lines = [
        json.dumps(record("কক্সবাজারে নতুন আশ্রয়কেন্দ্র", "https://example.com/news/4"), ensure_ascii=False),
        '{"headline": "ভাঙা লাইন", "article": "এই লাইনটি',  # cut short
        json.dumps(record("ভাসানচরে স্থানান্তর আবার শুরু", "https://example.com/news/5"), ensure_ascii=False),
    ]
    (d / "10_records.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return d


def name_of(source: str) -> str:
    return os.path.basename(source)


# --------------------------------------------------------------------------
# One batch of good and bad inputs
# --------------------------------------------------------------------------


def test_bad_inputs_are_rejected_with_reasons_and_good_ones_stored(
    tmp_path: Path, extractor: Extractor, guard_open
) -> None:
    batch = write_bad_batch(tmp_path, guard_open)
    seen: list[tuple[str, str | None]] = []
    t0 = time.monotonic()
    with open_store(str(tmp_path / "store.db")) as store:
        summary = ingest([str(batch)], store, extractor, on_item=lambda r, o: seen.append((name_of(r.source), o)))
        elapsed = time.monotonic() - t0

        # -- every bad input rejected, with its own reason -------------------
        got = {name_of(r.source): r.reason for r in summary.rejected}
        assert got == BATCH_EXPECTED_REJECTIONS
        assert all(r.detail for r in summary.rejected)
        by_name = {name_of(r.source): r for r in summary.rejected}
        assert "PNG" in by_name["04_photo.png"].detail
        assert "max_bytes" in by_name["06_huge.html"].detail and "50.0 MB" in by_name["06_huge.html"].detail
        assert "permission denied" in by_name["08_locked.html"].detail
        assert "no body" in by_name["09_records.json#1"].detail
        assert "line 2" in by_name["10_records.jsonl#1"].detail
        # The 50 MB page is refused by its size, before anything reads it.
        assert not guard_open.was_opened(batch / "06_huge.html")
        assert elapsed < 10

        # -- counts add up ---------------------------------------------------
        assert (summary.new, summary.updated, summary.unchanged) == (6, 0, 0)
        assert len(summary.rejected) == 8 and summary.seen == 14 and not summary.interrupted
        assert len(seen) == 14  # on_item saw every input, in directory order
        assert [n for n, _ in seen] == sorted(n for n, _ in seen)
        assert {n for n, o in seen if o == "new"} == BATCH_STORED_SOURCES
        assert store.count_articles() == 6
        assert {name_of(a.source) for a in store.list_articles(limit=100)} == BATCH_STORED_SOURCES

        # -- the good pages are stored whole ---------------------------------
        by_source = {name_of(a.source): a for a in store.list_articles(limit=100)}
        page = store.get_article(by_source["01_good.txt"].id)
        assert page.title == "ঢাকা জেলায় নির্বাচনী সংস্কার নিয়ে কমিশনের সঙ্গে দলগুলোর বৈঠক"
        assert page.desk == "জাতীয় ডেস্ক"
        assert page.published is not None and page.published.isoformat() == "2025-07-10T19:07:00+06:00"
        assert page.signoff == "/এএ/"
        assert len(page.paragraphs) == 3 and page.body.count("।") == 9
        assert page.body.startswith("ঢাকা জেলা কার্যালয়ে") and page.body.endswith("সন্তোষ প্রকাশ করেছে।")
        for item in SIDEBAR:  # the "সর্বশেষ খবর" list is boilerplate, not body
            assert item not in page.body
        removed = {r.text: r.reason for r in page.removed}
        assert removed.get("সর্বশেষ খবর") == "list-header"
        assert all(removed.get(item) == "list-item" for item in SIDEBAR)
        assert removed.get("প্রচ্ছদ") == "navigation"

        html_page = store.get_article(by_source["02_good.html"].id)
        assert html_page.title == HTML_TITLE
        assert [p.text for p in html_page.paragraphs] == HTML_PARAGRAPHS
        assert html_page.published is not None and html_page.published.isoformat() == "2025-07-11T10:30:00+06:00"
        assert "প্রচ্ছদ" not in html_page.body and "©" not in html_page.body

        rec = store.get_article(by_source["09_records.json#2"].id)
        assert rec.url == "https://example.com/news/3" and rec.title == "প্রত্যাবাসন নিয়ে রোহিঙ্গা নেতাদের দাবি"

        # -- the run log says the same ---------------------------------------
        (run,) = store.runs()
        assert run["id"] == summary.run_id and run["kind"] == "ingest" and run["finished"] is not None
        assert run["counts"]["corpus_errors"] == 0 and run["counts"]["corpus"]["stories_new"] >= 1
        assert _core(run["counts"]) == {"new": 6, "updated": 0, "unchanged": 0, "rejected": 8, "interrupted": False,
                                 "events": store.count_events(), "claims": store.count_claims(), "coding_errors": 0}
        assert summary.events == store.count_events() > 0
        assert run["counts"] == summary.counts()
        assert run["rejection_count"] == 8
        assert run["rejections_by_reason"] == dict(Counter(BATCH_EXPECTED_REJECTIONS.values()))
        logged = store.run_rejections(summary.run_id)
        assert [(r.source, r.reason, r.detail) for r in logged] == [
            (r.source, r.reason, r.detail) for r in summary.rejected
        ]


def test_bad_batch_through_the_cli(tmp_path: Path, guard_open) -> None:
    batch = write_bad_batch(tmp_path, guard_open)
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(db), "--json"], prog_name="ghotona")
    assert result.exit_code == 0, (result.output, result.exception)
    objs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(objs) == 14
    stored = {name_of(o["source"]): o["stored"] for o in objs if not o.get("rejected")}
    assert stored == {n: "new" for n in BATCH_STORED_SOURCES}
    rejected = {name_of(o["source"]): o["reason"] for o in objs if o.get("rejected")}
    assert rejected == BATCH_EXPECTED_REJECTIONS
    err = " ".join(result.stderr.split())
    assert "6 new, 0 updated, 0 unchanged, 8 rejected" in err
    assert "8 rejected:" in err
    for name, reason in BATCH_EXPECTED_REJECTIONS.items():
        assert f"{reason} {batch / name}" in err, (name, err)

    runs = CliRunner().invoke(main, ["runs", "--db", str(db)])
    assert runs.exit_code == 0, runs.output
    text = " ".join(runs.stdout.split())
    assert "new 6, updated 0, unchanged 0, rejected 8" in text
    for reason, n in Counter(BATCH_EXPECTED_REJECTIONS.values()).items():
        assert f"{n} × {reason}" in text
    assert "interrupted" not in text


# --------------------------------------------------------------------------
# Interrupted ingest
# --------------------------------------------------------------------------


def write_five_pages(root: Path) -> Path:
    d = root / "five"
    d.mkdir()
    for i, place in enumerate(PLACES):
        (d / f"{i:02d}_{place}.txt").write_text(bn_page(place), "utf-8")
    return d


def interrupt_on_call(monkeypatch: pytest.MonkeyPatch, n: int) -> list[str]:
    """Make ``Extractor.extract`` raise KeyboardInterrupt (Ctrl-C) on its n-th call."""
    real = Extractor.extract
    calls: list[str] = []

    def extract(self: Extractor, page: RawPage):
        calls.append(page.source)
        if len(calls) == n:
            raise KeyboardInterrupt
        return real(self, page)

    monkeypatch.setattr(Extractor, "extract", extract)
    return calls


def test_interrupted_ingest_leaves_whole_articles_and_a_rerun_finishes(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_five_pages(tmp_path)
    files = sorted(pages.iterdir())
    expected = [extractor.extract(RawPage(str(f), InputFormat.PAGETEXT, text=f.read_text("utf-8"))) for f in files]
    assert all(isinstance(a, Article) for a in expected)
    assert len({a.id for a in expected}) == 5
    db = str(tmp_path / "store.db")

    calls = interrupt_on_call(monkeypatch, 3)
    with open_store(db) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(pages)], store, extractor)
    assert len(calls) == 3
    monkeypatch.undo()

    # A fresh connection sees exactly the two articles finished before Ctrl-C.
    with open_store(db) as store:
        assert store.count_articles() == 2
        for want in expected[:2]:
            got = store.get_article(want.id)
            assert got.body == want.body and got.title == want.title
            assert got.content_hash == want.content_hash
            assert [p.text for p in got.paragraphs] == [p.text for p in want.paragraphs]
            assert len(store.history(want.id)) == 1
        hits = store.search(COMMON_WORD)
        assert {h.id for h in hits} == {a.id for a in expected[:2]}
        assert store.count_search(COMMON_WORD) == 2
        for want in expected[2:]:  # nothing of the rest, not even in the index
            assert store.search(PLACES[expected.index(want)]) == []
        (run,) = store.runs()
        assert run["finished"] is not None
        assert _core(run["counts"]) == {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0, "interrupted": True,
                                 "events": store.count_events(), "claims": 0, "coding_errors": 0}
        # Each article's events were stored with it, the rest's not at all.
        assert {e["article_id"] for e in store.events(limit=100)} == {a.id for a in expected[:2]}

    # Running the same ingest again stores the rest, leaving the first two alone.
    with open_store(db) as store:
        summary = ingest([str(pages)], store, extractor)
        assert (summary.new, summary.updated, summary.unchanged, summary.rejected) == (3, 0, 2, [])
        assert not summary.interrupted
        assert store.count_articles() == 5
        assert {h.id for h in store.search(COMMON_WORD, limit=10)} == {a.id for a in expected}
        for want in expected:
            assert store.get_article(want.id).body == want.body
        for want in expected[:2]:
            assert [v["version"] for v in store.history(want.id)] == [1]
        latest, first = store.runs()
        assert latest["counts"]["interrupted"] is False and first["counts"]["interrupted"] is True


def test_interrupted_ingest_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = write_five_pages(tmp_path)
    db = tmp_path / "cli.db"
    interrupt_on_call(monkeypatch, 3)
    result = CliRunner().invoke(main, ["ingest", str(pages), "--db", str(db)])
    assert result.exit_code == 130, (result.output, result.exception)
    err = " ".join(result.stderr.split())
    assert "interrupted" in err and "run the same command again" in err
    assert "Traceback" not in result.output
    monkeypatch.undo()
    with open_store(str(db)) as store:
        assert store.count_articles() == 2
    runs = CliRunner().invoke(main, ["runs", "--db", str(db)])
    assert runs.exit_code == 0
    assert re.search(r"new 2, updated 0, unchanged 0, rejected 0\s+\(interrupted\)", runs.stdout), runs.stdout

    again = CliRunner().invoke(main, ["ingest", str(pages), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "3 new, 0 updated, 2 unchanged, 0 rejected" in " ".join(again.stderr.split())


# --------------------------------------------------------------------------
# A bug in extraction costs one page, not the batch
# --------------------------------------------------------------------------


def test_unexpected_extraction_error_rejects_one_page_and_the_batch_goes_on(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "three"
    d.mkdir()
    (d / "a.txt").write_text(bn_page(PLACES[0]), "utf-8")
    (d / "b.txt").write_text(bn_page(PLACES[1], extra=" বিস্ফোরক।"), "utf-8")
    (d / "c.txt").write_text(bn_page(PLACES[2]), "utf-8")
    real_classify = pipeline.classify

    def classify(text: str, *args, **kwargs):
        if "বিস্ফোরক" in text:
            raise RuntimeError("classifier blew up")
        return real_classify(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "classify", classify)
    with open_store(str(tmp_path / "store.db")) as store:
        summary = ingest([str(d)], store, extractor)
        assert (summary.new, summary.updated, summary.unchanged) == (2, 0, 0)
        (rej,) = summary.rejected
        assert isinstance(rej, Rejection)
        assert name_of(rej.source) == "b.txt" and rej.reason == "extract-error"
        assert "RuntimeError: classifier blew up" in rej.detail and "report" in rej.detail
        assert {name_of(a.source) for a in store.list_articles()} == {"a.txt", "c.txt"}
        (run,) = store.runs()
        assert run["counts"]["new"] == 2 and run["counts"]["rejected"] == 1
        assert run["rejections_by_reason"] == {"extract-error": 1}


def test_workers_give_the_same_articles_in_the_same_order_and_the_same_events(
    tmp_path: Path, extractor: Extractor
) -> None:
    folder = write_five_pages(tmp_path)
    (folder / "99_clash.txt").write_text(bn_page("ঢাকা", extra=EVENT_EXTRA), "utf-8")
    runs = []
    for workers in (1, 2):  # one pool only: spawning workers is the slow part
        seen: list[Article | Rejection] = []
        with open_store(str(tmp_path / f"store{workers}.db")) as store:
            summary = ingest([str(folder)], store, extractor, workers=workers, on_item=lambda r, o: seen.append(r))
            runs.append(([a.to_json() for a in seen], summary.events, summary.claims, store.events(limit=100)))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == len(PLACES) + 1 and runs[0][1] > 0 and runs[0][2] == 1


def test_truncated_html_is_kept_with_a_warning(tmp_path: Path, extractor: Extractor) -> None:
    html = bn_html()
    cut = html[: html.rindex("</article>")]
    result = extractor.extract(RawPage(source="cut.html", format=InputFormat.HTML, text=cut))
    assert isinstance(result, Article)
    assert any(w.startswith("truncated-html") for w in result.warnings)
    whole = extractor.extract(RawPage(source="whole.html", format=InputFormat.HTML, text=html))
    assert isinstance(whole, Article) and not any(w.startswith("truncated-html") for w in whole.warnings)


# --------------------------------------------------------------------------
# Actor mentions are stored with each article
# --------------------------------------------------------------------------

# Written for this test: a role, a person, a country by its demonym, a place.
ACTOR_EXTRA = " পরে রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ ঢাকায় আসার কথা জানান মার্কিন কর্মকর্তারা।"


def test_ingest_stores_actor_mentions_and_a_rerun_replaces_them(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "actors"
    pages.mkdir()
    (pages / "01.txt").write_text(bn_page("রাজশাহী", extra=ACTOR_EXTRA), "utf-8")
    (pages / "02.txt").write_text(bn_page("খুলনা", extra=ACTOR_EXTRA), "utf-8")
    db = str(tmp_path / "store.db")
    with open_store(db) as store:
        summary = ingest([str(pages)], store, extractor)
        assert summary.new == 2
        (a, b) = sorted(store.list_articles(), key=lambda x: x.source)
        stored = store.mentions(a.id)
        assert stored == a.actor_mentions and stored  # the extractor's mentions, every field
        ids = {m.actor_id for m in stored}
        assert {"gh:sergey-lavrov", "gh:bd-dhaka", "Q30"} <= ids, ids
        lavrov = [m for m in stored if m.actor_id == "gh:sergey-lavrov"]
        assert [m.how for m in lavrov] == ["role", "exact"]
        assert all(a.body[m.start : m.end] == m.text for m in stored)
        assert {x.id for x in store.articles_with_actor("gh:sergey-lavrov")} == {a.id, b.id}
        rows = store.conn.execute("SELECT COUNT(*) FROM actor_mentions").fetchone()[0]

    # The same pages again, by a linker that now finds less: the articles are
    # unchanged, their mention rows are replaced (not added to).
    from ghotona import pipeline as pipeline_mod

    real = pipeline_mod.find_actors
    monkeypatch.setattr(
        pipeline_mod, "find_actors",
        lambda text, on, **kw: [m for m in real(text, on, **kw) if m.actor_id != "gh:bd-dhaka"],
    )
    with open_store(db) as store:
        again = ingest([str(pages)], store, extractor)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
        for art in (a, b):
            assert [m.actor_id for m in store.mentions(art.id)] == [
                m.actor_id for m in art.actor_mentions if m.actor_id != "gh:bd-dhaka"
            ]
            assert len(store.history(art.id)) == 1  # nothing else touched
        assert store.articles_with_actor("gh:bd-dhaka") == []
        after = store.conn.execute("SELECT COUNT(*) FROM actor_mentions").fetchone()[0]
        assert after == rows - 2 * sum(m.actor_id == "gh:bd-dhaka" for m in a.actor_mentions)


# --------------------------------------------------------------------------
# Events and claims are coded and stored with each article
# --------------------------------------------------------------------------

# Written for these tests: a clash with a figure and a cited wire.
EVENT_EXTRA = " পরে রাজধানীতে পুলিশের সঙ্গে বিক্ষোভকারীদের সংঘর্ষে অন্তত ১২ জন আহত হয়েছেন বলে জানিয়েছে রয়টার্স।"
EN_RECORD = {
    "headline": "Trade talks resume in Dhaka", "url": "https://example.com/en/1", "paper_name": "Test Times",
    "article": "Officials from Dhaka and Delhi met on Thursday to discuss a new trade agreement. At least 12 people "
               "were injured in clashes near the border, police said. Both sides agreed to meet again next week.",
    "publication_date": "2025-07-12T08:00:00+06:00",
}


class SpyCoder:
    """The real coder, recording which articles it was asked to code and failing on request."""

    def __init__(self, keep=lambda e: True, fail_on: str | None = None) -> None:
        from ghotona.events.coder import EventCoder

        self.real = EventCoder()
        self.keep, self.fail_on = keep, fail_on
        self.seen: list[str] = []

    def code(self, article: Article, attributions=None):
        self.seen.append(article.id)
        if self.fail_on and self.fail_on in article.body:
            raise RuntimeError("coder blew up")
        return [e for e in self.real.code(article, attributions=attributions) if self.keep(e)]


def use_coder(monkeypatch: pytest.MonkeyPatch, coder: SpyCoder) -> SpyCoder:
    import ghotona.events.coder as coder_mod

    monkeypatch.setattr(coder_mod, "default_coder", lambda: coder)
    return coder


def write_coded_pages(root: Path) -> Path:
    d = root / "coded"
    d.mkdir()
    (d / "01.txt").write_text(bn_page(PLACES[0], extra=EVENT_EXTRA), "utf-8")
    (d / "02.txt").write_text(bn_page(PLACES[1]), "utf-8")
    (d / "03_en.json").write_text(json.dumps([EN_RECORD]), "utf-8")
    return d


def claim_fields(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("article_id", "outlet", "outlet_id", "published")}


def test_ingest_stores_events_and_claims_and_a_rerun_refreshes_them(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ghotona.claims import find_claims

    pages = write_coded_pages(tmp_path)
    spy = use_coder(monkeypatch, SpyCoder())
    db = str(tmp_path / "store.db")
    with open_store(db) as store:
        summary = ingest([str(pages)], store, extractor)
        assert summary.new == 3 and not summary.coding_errors
        arts = {name_of(a.source): a for a in store.list_articles()}
        clash, plain_, english = arts["01.txt"], arts["02.txt"], arts["03_en.json#0"]
        assert english.language == "en" and clash.language == plain_.language == "bn"
        assert spy.seen == [clash.id, plain_.id]  # Bengali articles only
        for art in (clash, plain_):  # exactly what the coder and the claim finder give
            want = sorted((e.to_json() for e in spy.real.code(art)), key=lambda e: e["id"])
            assert sorted(store.events(article_id=art.id), key=lambda e: e["id"]) == want and want
            assert [claim_fields(c) for c in store.claims(article_id=art.id)] == [c.to_json() for c in find_claims(art)]
        assert store.count_events(article_id=english.id) == 0 and store.count_claims(article_id=english.id) == 0
        (claim,) = store.claims()
        assert (claim["article_id"], claim["value"], claim["counted"], claim["claimant"]) == (clash.id, 12, "injured", "Reuters")
        assert [e["article_id"] for e in store.events(type="ASSAULT")] == [clash.id]
        assert (summary.events, summary.claims) == (store.count_events(), 1)
        (run,) = store.runs()
        assert run["counts"] == summary.counts()
        assert run["counts"]["events"] == summary.events and run["counts"]["claims"] == 1
        before = store.count_events()

    # The same pages, a coder that no longer finds ASSAULT: the articles are
    # unchanged, their events are replaced, their claims and history kept.
    use_coder(monkeypatch, SpyCoder(keep=lambda e: e.type != "ASSAULT"))
    with open_store(db) as store:
        again = ingest([str(pages)], store, extractor)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
        assert store.count_events(type="ASSAULT") == 0
        assert store.count_events() == again.events == before - 1
        assert store.count_claims() == again.claims == 1
        assert all(len(store.history(a.id)) == 1 for a in (clash, plain_, english))


def test_a_coder_failure_costs_one_article_its_events_not_the_batch(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_coded_pages(tmp_path)
    db = str(tmp_path / "store.db")
    with open_store(db) as store:
        ingest([str(pages)], store, extractor)  # a first, clean run
        by_name = {name_of(a.source): a for a in store.list_articles()}
        clash, plain_ = by_name["01.txt"], by_name["02.txt"]
        clash_events = store.events(article_id=clash.id)
        plain_events = store.count_events(article_id=plain_.id)

    # The coder now fails on the clash page, which is also edited: the edit
    # is stored, its old events (offsets into the old text) are cleared, its
    # claims are still found, and the other articles are coded as usual.
    (pages / "01.txt").write_text(bn_page(PLACES[0], extra=EVENT_EXTRA + " সংশোধিত।"), "utf-8")
    use_coder(monkeypatch, SpyCoder(fail_on="রাজধানীতে"))
    with open_store(db) as store:
        summary = ingest([str(pages)], store, extractor)
        assert (summary.new, summary.updated, summary.unchanged, summary.rejected) == (0, 1, 2, [])
        (failure,) = summary.coding_errors
        assert failure.article_id == clash.id and name_of(failure.source) == "01.txt" and failure.stage == "events"
        assert "RuntimeError: coder blew up" in failure.detail and "stored without its events" in failure.detail
        assert summary.counts()["coding_errors"] == 1 and store.runs()[0]["counts"]["coding_errors"] == 1
        assert "সংশোধিত" in store.get_article(clash.id).body
        assert store.count_events(article_id=clash.id) == 0
        assert store.count_claims(article_id=clash.id) == 1
        assert store.count_events(article_id=plain_.id) == plain_events

    # Unchanged text and a failing coder: the stored events still describe
    # the text, so they are kept.
    (pages / "01.txt").write_text(bn_page(PLACES[0], extra=EVENT_EXTRA), "utf-8")
    use_coder(monkeypatch, SpyCoder())
    with open_store(db) as store:
        ingest([str(pages)], store, extractor)
        assert store.events(article_id=clash.id) == clash_events
    use_coder(monkeypatch, SpyCoder(fail_on="রাজধানীতে"))
    with open_store(db) as store:
        summary = ingest([str(pages)], store, extractor)
        assert summary.unchanged == 3 and len(summary.coding_errors) == 1
        assert store.events(article_id=clash.id) == clash_events


def test_claim_failures_and_bad_coder_output_are_coding_errors(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ghotona.claims as claims_mod

    pages = write_coded_pages(tmp_path)

    def broken_claims(article: Article, attributions=None):
        raise ValueError("claims blew up")

    class Duplicating(SpyCoder):  # two events with one id: refused before anything is written
        def code(self, article: Article, attributions=None):
            found = super().code(article, attributions)
            return found + found[:1]

    monkeypatch.setattr(claims_mod, "find_claims", broken_claims)
    use_coder(monkeypatch, Duplicating())
    with open_store(str(tmp_path / "store.db")) as store:
        summary = ingest([str(pages)], store, extractor)
        assert summary.new == 3
        assert sorted(e.stage for e in summary.coding_errors) == ["claims", "claims", "events", "events"]
        assert any("share the id" in e.detail for e in summary.coding_errors)
        assert store.count_events() == store.count_claims() == 0 == summary.events


def test_cli_ingest_reports_events_claims_and_coding_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_coded_pages(tmp_path)
    use_coder(monkeypatch, SpyCoder(fail_on="রাজধানীতে"))
    db = tmp_path / "store.db"
    result = CliRunner().invoke(main, ["ingest", str(pages), "--db", str(db)])
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    with open_store(str(db)) as store:
        n_events = store.count_events()
    assert n_events > 0
    assert "3 new, 0 updated, 0 unchanged, 0 rejected" in err
    assert f"{n_events} events, 1 claims stored, 1 coding failure(s)" in err
    assert "01.txt" in err and "RuntimeError: coder blew up" in err


def _core(counts: dict) -> dict:
    """A run's counts without the corpus stages' (tests/test_stories.py covers those)."""
    return {k: v for k, v in counts.items() if k not in ("corpus", "corpus_errors")}


def test_ingest_reads_who_cites_whom_once_per_article_for_events_and_claims(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ghotona.attribution as attribution_mod
    import ghotona.claims.extract as claims_extract

    real = attribution_mod.article_attributions
    calls: list[str] = []

    def counting(article: Article):
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(attribution_mod, "article_attributions", counting)
    monkeypatch.setattr(claims_extract, "article_attributions", counting)
    pages = write_coded_pages(tmp_path)
    with open_store(str(tmp_path / "store.db")) as store:
        summary = ingest([str(pages)], store, extractor)
        bengali = [a.id for a in store.list_articles() if a.language == "bn"]
        assert summary.claims == 1 and summary.events > 0 and not summary.coding_errors
    assert sorted(calls) == sorted(bengali)  # once each, not once per stage
