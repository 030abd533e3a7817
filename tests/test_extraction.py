"""Page-text classifier and extractor behaviour, on pages written for these tests.

Each test builds a small page in the manner of a saved Bengali news page
and checks one behaviour of the classifier: what is kept, what is dropped
and why, and the metadata read from the furniture.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ghotona.evaluate.extraction import shared_dir
from ghotona.extract import html as html_mod
from ghotona.extract.lines import classify
from ghotona.pipeline import Extractor, dedupe_sentences
from ghotona.records import Article, InputFormat, RawPage, Rejection

DHAKA = ZoneInfo("Asia/Dhaka")

P1 = "পররাষ্ট্র উপদেষ্টা বৃহস্পতিবার ঢাকায় জাপানের রাষ্ট্রদূতের সঙ্গে বৈঠক করেছেন। বৈঠকে দুই দেশের বাণিজ্য ও বিনিয়োগ নিয়ে আলোচনা হয়। বার্তা সংস্থা রয়টার্স এ খবর দিয়েছে।"
P2 = "মন্ত্রণালয়ের এক কর্মকর্তা জানান, আগামী মাসে টোকিওতে একটি যৌথ কমিটির সভা হওয়ার কথা রয়েছে। সেখানে জ্বালানি সহযোগিতা নিয়ে চুক্তির খসড়া চূড়ান্ত হতে পারে।"
P3 = "বৈঠক শেষে রাষ্ট্রদূত সাংবাদিকদের বলেন, বাংলাদেশের সঙ্গে সম্পর্ক আরও গভীর করতে জাপান আগ্রহী। তিনি রোহিঙ্গা সংকট সমাধানে সহায়তার কথাও বলেন।"
TITLE = "জাপানের রাষ্ট্রদূতের সঙ্গে পররাষ্ট্র উপদেষ্টার বৈঠক"
LIST = ["বন্যায় উত্তরাঞ্চলে লাখো মানুষ পানিবন্দি", "টি-টোয়েন্টি সিরিজে জয় দিয়ে শুরু", "শেয়ারবাজারে টানা তৃতীয় দিনের দরপতন"]


def page(*lines: str) -> str:
    return "\n".join(lines)


def base_page(**kw: str) -> str:
    return page(
        kw.get("top", "রবিবার, ১৩ জুলাই ২০২৫"),
        "",
        TITLE,
        "",
        kw.get("desk", "কূটনৈতিক প্রতিবেদক"),
        kw.get("stamp", "প্রকাশিত: ১২ জুলাই ২০২৫, ২০:১৫"),
        "",
        P1,
        "",
        P2,
        "",
        P3,
        "",
        kw.get("signoff", "/এআর/"),
        "সর্বশেষ খবর",
        *[h for h in LIST for _ in range(2)],
    )


def body_of(layout) -> str:
    return "\n\n".join(layout.paragraphs)


def test_keeps_body_drops_lists_and_doubled_headlines() -> None:
    lay = classify(base_page())
    assert lay.paragraphs == [P1, P2, P3]
    assert lay.title == TITLE
    assert lay.desk == "কূটনৈতিক প্রতিবেদক"
    assert lay.signoff == "/এআর/"
    reasons = {r.text: r.reason for r in lay.removed}
    assert reasons["সর্বশেষ খবর"] == "list-header"
    assert all(reasons[h] in ("list-item", "repeated-headline") for h in LIST)


def test_headline_run_without_header_is_not_body() -> None:
    lay = classify(page(TITLE, "", P1, "", P2, "", "", *LIST, "আরও একটি শিরোনাম যা তালিকার অংশ"))
    assert lay.paragraphs == [P1, P2]
    assert not any(h in body_of(lay) for h in LIST)


def test_signoff_ends_article_and_promo_after_it_is_dropped() -> None:
    promo = "আমাদের অনলাইন পোর্টালে লিখতে পারেন আপনিও। লেখা পাঠান [email protected] ঠিকানায় যে কোনো দিন।"
    lay = classify(page(TITLE, "", P1, "", P2, "", "এমকে", "", promo))
    assert lay.paragraphs == [P1, P2]
    assert lay.signoff == "এমকে"
    assert any(r.reason in ("promo", "after-signoff") and r.text == promo for r in lay.removed)


def test_repeated_body_is_kept_once() -> None:
    lay = classify(page(TITLE, "", P1, P2, P3, "এআর/কেএম", "", "জনপ্রিয় সংবাদ", "", TITLE, "", "আপডেট সময় : ০৮:০৫:১৫ অপরাহ্ন, শনিবার, ১২ জুলাই ২০২৫", "", P1, P2, P3, "এআর/কেএম"))
    assert lay.paragraphs == [P1, P2, P3]
    assert body_of(lay).count(P2) == 1


def test_repeat_detected_without_signoff() -> None:
    lay = classify(page(TITLE, "", P1, "", P2, "", "জনপ্রিয় সংবাদ", "", P1, "", P2))
    assert lay.paragraphs == [P1, P2]
    assert sum(1 for r in lay.removed if r.reason in ("repeated-body", "after-signoff")) == 2


def test_paragraph_broken_mid_sentence_is_joined() -> None:
    head, tail = P2[:40], P2[40:]
    assert not head.endswith("।")
    lay = classify(page(TITLE, "", P1, "", head.strip(), "", "", tail.strip(), "", P3))
    assert lay.paragraphs[1] == head.strip() + " " + tail.strip()
    assert len(lay.paragraphs) == 3


def test_caption_credit_source_and_promo_lines() -> None:
    caption = "বৈঠকে পররাষ্ট্র উপদেষ্টা ও জাপানের রাষ্ট্রদূত। ছবি: সংগৃহীত"
    lay = classify(page(TITLE, "", caption, "", P1, "", "আরও পড়ুন", LIST[0], "", P2, "", "সূত্র: বাসস", "", "/এআর/"))
    assert lay.paragraphs == [P1, P2]
    reasons = {r.text: r.reason for r in lay.removed}
    assert reasons[caption] == "caption"
    assert reasons[LIST[0]] == "promo"
    assert lay.source_lines == ["সূত্র: বাসস"]


def test_byline_between_headline_and_stamp_is_not_the_title() -> None:
    lay = classify(base_page(desk="তানভীর আহমেদ"))
    assert lay.title == TITLE
    assert lay.byline == "তানভীর আহমেদ"


def test_dateline_is_not_a_byline() -> None:
    lay = classify(page(TITLE, "", "সালমা খাতুন", "ঢাকা থেকে", "প্রকাশিত: ১২ জুলাই ২০২৫, ২০:১৫", "", P1, "", P2))
    assert lay.byline == "সালমা খাতুন"
    assert lay.title == TITLE


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str, fmt: InputFormat = InputFormat.PAGETEXT) -> Article:
    result = extractor.extract(RawPage(source="test", format=fmt, text=text))
    assert isinstance(result, Article), result
    return result


def test_dates_page_published_updated(extractor: Extractor) -> None:
    a = _extract(extractor, base_page(stamp="১২ জুলাই ২০২৫, ২০:১৫আপডেট : ১৩ জুলাই ২০২৫, ০৯:০৫"))
    assert a.published == datetime(2025, 7, 12, 20, 15, tzinfo=DHAKA)
    assert a.updated == datetime(2025, 7, 13, 9, 5, tzinfo=DHAKA)
    assert a.page_date is not None and a.page_date.date().isoformat() == "2025-07-13"
    assert not a.republished
    assert a.wire_sources == ["reuters"]


def test_old_article_on_newer_page_keeps_its_own_date(extractor: Extractor) -> None:
    a = _extract(extractor, base_page(top="মঙ্গলবার, ০৮ জুলাই ২০২৫", stamp="০৩ মার্চ ২০২২, ১১:০০"))
    assert a.published is not None and a.published.year == 2022
    assert a.page_date is not None and a.page_date.year == 2025
    assert a.republished
    assert any(w.startswith("old-article") for w in a.warnings)


def test_weekday_mismatch_is_a_warning_not_a_fix(extractor: Extractor) -> None:
    # 13 July 2025 was a Sunday; the page says Friday.
    a = _extract(extractor, base_page(top="শুক্রবার, ১৩ জুলাই ২০২৫"))
    assert a.page_date is not None and a.page_date.day == 13
    assert any("weekday-mismatch" in w for w in a.warnings)


def test_offsets_point_into_the_body(extractor: Extractor) -> None:
    a = _extract(extractor, base_page())
    body = a.body
    for p in a.paragraphs:
        assert body[p.start : p.end] == p.text
        for s in p.sentences:
            assert body[s.start : s.end] == s.text
    assert len([s for p in a.paragraphs for s in p.sentences]) == 7


def test_same_page_same_id_changed_page_new_hash(extractor: Extractor) -> None:
    a = _extract(extractor, base_page())
    b = _extract(extractor, base_page())
    c = _extract(extractor, base_page().replace("টোকিওতে", "ওসাকায়"))
    assert a.id == b.id == c.id
    assert a.content_hash == b.content_hash != c.content_hash


def test_listing_page_is_rejected_with_reason(extractor: Extractor) -> None:
    result = extractor.extract(RawPage(source="list", format=InputFormat.PAGETEXT, text=page("সর্বশেষ খবর", *LIST)))
    assert isinstance(result, Rejection) and result.reason == "no-body"


def test_dedupe_sentences_drops_scraper_doubles() -> None:
    paras, dropped = dedupe_sentences([P1 + " " + P1.split("। ")[0] + "।", P2])
    assert dropped == 1
    assert paras[0] == P1


HTML = """<!doctype html><html lang="bn"><head><title>{title} | দৈনিক পরীক্ষা</title>
<link rel="canonical" href="https://www.prothomalo.com/world/test-123?utm_source=x"></head>
<body><nav><a href="/">প্রচ্ছদ</a> <a href="/world">বিশ্ব</a></nav>
<h1>{title}</h1><div class="desk">কূটনৈতিক প্রতিবেদক</div>
<div class="time">প্রকাশ: ১২ জুলাই ২০২৫, ২০:১৫</div><div class="upd">আপডেট: ১২ জুলাই ২০২৫, ২২:৪০</div>
<article><p>{p1}</p><figure><img src="a.jpg" alt="ছবি"><figcaption>রাষ্ট্রদূত ও উপদেষ্টা। ছবি: সংগৃহীত</figcaption></figure>
<p>{p2}</p><p>{p3}</p></article>
<aside><h3>সর্বাধিক পঠিত</h3><ul>{items}</ul></aside><footer>© ২০২৫ সর্বস্বত্ব সংরক্ষিত</footer></body></html>"""


def _html() -> str:
    return HTML.format(title=TITLE, p1=P1, p2=P2, p3=P3, items="".join(f"<li><a href='#'>{h}</a></li>" for h in LIST))


def test_html_page(extractor: Extractor) -> None:
    a = _extract(extractor, _html(), InputFormat.HTML)
    assert [p.text for p in a.paragraphs] == [P1, P2, P3]
    assert a.title == TITLE
    assert a.url == "https://www.prothomalo.com/world/test-123"
    assert a.outlet_id == "prothomalo"
    assert a.published == datetime(2025, 7, 12, 20, 15, tzinfo=DHAKA)
    assert a.updated == datetime(2025, 7, 12, 22, 40, tzinfo=DHAKA)
    assert a.desk == "কূটনৈতিক প্রতিবেদক"


def test_html_falls_back_to_line_classifier(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mod, "trafilatura_body", lambda html, url: None)
    a = _extract(extractor, _html(), InputFormat.HTML)
    assert [p.text for p in a.paragraphs] == [P1, P2, P3]
    assert "body-from-line-classifier" in a.warnings


def test_html_render_drops_scripts() -> None:
    doc = html_mod.parse("<html><body><p>ক খ গ</p><script>var x = 'গোপন';</script><style>p{}</style></body></html>")
    text = html_mod.render_text(doc)
    assert "ক খ গ" in text and "গোপন" not in text


def test_records_from_news_corpus(extractor: Extractor) -> None:
    path = shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
    if not path.is_file():
        pytest.skip("../shared/data/news is not beside the repository")
    from ghotona.inputs import iter_pages

    results = [extractor.extract(p) if isinstance(p, RawPage) else p for p in iter_pages([str(path)])]
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) >= 360  # a few records are listing pages with no body
    assert {a.language for a in articles} == {"bn", "en"}
    assert sum(a.outlet_id is not None for a in articles) == len(articles)
    # Bodies in this corpus repeat sentences; no article keeps a long repeat.
    for a in articles:
        sents = [s.text for p in a.paragraphs for s in p.sentences if len(s.text) > 40]
        assert len(sents) == len(set(sents)), a.url
    # Every record's stated publication time that parses is kept.
    raw = {r["url"]: r for r in json.loads(path.read_text("utf-8"))}
    dated = [a for a in articles if raw.get(a.url or "", {}).get("publication_date") not in (None, "", "Unknown")]
    assert dated and sum(a.published is not None for a in dated) / len(dated) > 0.95
