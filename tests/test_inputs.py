"""Tests for ghotona.inputs: paths, stdin, decoding, formats and records.

Bad inputs are built in ``tmp_path`` at test time; the real scraped dump in
``/work/shared/data/news`` is used when present (skipped otherwise).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from pathlib import Path

import pytest

from ghotona import inputs
from ghotona.errors import InputError
from ghotona.inputs import count_inputs, detect_format, iter_pages
from ghotona.records import InputFormat, RawPage, Rejection

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWS = SHARED / "data" / "news"
BDNEWS = NEWS / "bdnews_2025-12-30.json"
SAMPLE_PAGES = SHARED / "samples" / "pages"

BN_PARAGRAPH = (
    "ঢাকায় আজ নির্বাচন কমিশনের বৈঠকে ত্রয়োদশ জাতীয় সংসদ নির্বাচনের তফসিল নিয়ে আলোচনা হয়েছে। "
    "কমিশনের সচিব সাংবাদিকদের বলেন, সব দলের সঙ্গে কথা বলে চূড়ান্ত সিদ্ধান্ত নেওয়া হবে।"
)


def run(paths: list, **kw) -> list[RawPage | Rejection]:
    return list(iter_pages([str(p) if isinstance(p, Path) else p for p in paths], **kw))


def only(items: list[RawPage | Rejection]) -> RawPage | Rejection:
    assert len(items) == 1, items
    return items[0]


def rejected(item: RawPage | Rejection, reason: str) -> Rejection:
    assert isinstance(item, Rejection), f"expected a {reason} rejection, got {item!r}"[:300]
    assert item.reason == reason, item
    assert item.detail
    return item


def bn_html(head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='bn'><head><title>শিরোনাম</title>{head}</head>"
        f"<body><article><h1>নির্বাচনের তফসিল</h1><p>{BN_PARAGRAPH}</p></article></body></html>"
    )


# --------------------------------------------------------------------------
# Real data
# --------------------------------------------------------------------------


@pytest.mark.skipif(not BDNEWS.is_file(), reason=f"shared data not present at {BDNEWS}")
def test_real_bdnews_dump_all_records_come_through() -> None:
    items = run([BDNEWS])
    assert len(items) == 378
    assert all(isinstance(i, RawPage) for i in items), [i for i in items if isinstance(i, Rejection)][:3]
    sources = {p.source for p in items}
    assert len(sources) == 378 and f"{BDNEWS}#0" in sources and f"{BDNEWS}#377" in sources
    for page in items:
        assert page.format is InputFormat.JSON
        assert page.encoding == "utf-8" and not page.encoding_guessed
        f = page.fields
        assert f is not None
        for key in ("title", "body", "url", "outlet"):
            assert isinstance(f[key], str) and f[key].strip(), (page.source, key)
        assert page.url == f["url"] and page.url.startswith("http")
        assert page.text == f["body"]
        # unknown fields are kept, not dropped
        assert "scraped_at" in f["extra"] and "headline" not in f["extra"]
    first = json.loads(BDNEWS.read_text("utf-8"))[0]
    assert items[0].fields["title"] == first["headline"].strip()
    assert items[0].fields["outlet"] == first["paper_name"]
    assert count_inputs([str(BDNEWS)]) == 1


@pytest.mark.skipif(not SAMPLE_PAGES.is_dir(), reason=f"sample pages not present at {SAMPLE_PAGES}")
def test_real_saved_page_texts_read_as_pagetext() -> None:
    items = run([SAMPLE_PAGES])
    assert items and all(isinstance(i, RawPage) for i in items)
    assert [i.source for i in items] == sorted(i.source for i in items)
    assert {i.format for i in items} == {InputFormat.PAGETEXT}
    assert all(any("\u0980" <= ch <= "\u09ff" for ch in i.text) for i in items)


# --------------------------------------------------------------------------
# Paths, directories, stdin, misuse
# --------------------------------------------------------------------------


def test_missing_path_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "a.html"
    good.write_text(bn_html(), "utf-8")
    items = run([tmp_path / "nope.html", good])
    miss = rejected(items[0], "missing")
    assert miss.source.endswith("nope.html") and "no such file" in miss.detail
    assert isinstance(items[1], RawPage) and items[1].format is InputFormat.HTML


def test_directory_walk_sorted_recursive_hidden_skipped_symlink_loop_safe(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    (root / "b_dir" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: x", "utf-8")
    (root / ".hidden.html").write_text(bn_html(), "utf-8")
    (root / "c.txt").write_text(BN_PARAGRAPH, "utf-8")
    (root / "a.html").write_text(bn_html(), "utf-8")
    (root / "b_dir" / "deep" / "z.html").write_text(bn_html(), "utf-8")
    (root / "b_dir" / "loop").symlink_to(root, target_is_directory=True)  # back up the tree
    (root / "b_dir" / "dangling.html").symlink_to(root / "gone.html")

    items = run([root])
    names = [os.path.relpath(i.source, root) for i in items]
    assert names == ["a.html", "b_dir/dangling.html", "b_dir/deep/z.html", "c.txt"]
    rejected(items[1], "missing")
    assert [type(i) for i in items] == [RawPage, Rejection, RawPage, RawPage]
    assert count_inputs([str(root), "-", str(tmp_path / "missing")]) == 4 + 2
    # a hidden file named explicitly is read: the user asked for it
    assert isinstance(only(run([root / ".hidden.html"])), RawPage)


def test_unreadable_file_in_directory(tmp_path: Path, guard_open) -> None:
    (tmp_path / "a.html").write_text(bn_html(), "utf-8")
    locked = tmp_path / "b.html"
    locked.write_text(bn_html(), "utf-8")
    (tmp_path / "c.html").write_text(bn_html(), "utf-8")
    locked.chmod(0)
    try:
        try:
            with open(locked, "rb"):
                pass
            # Running as root: chmod does not stop reading, so simulate it.
            guard_open.fail(locked, PermissionError(13, "Permission denied", str(locked)))
        except PermissionError:
            pass
        items = run([tmp_path])
    finally:
        locked.chmod(0o644)
    assert [type(i) for i in items] == [RawPage, Rejection, RawPage]
    bad = rejected(items[1], "unreadable")
    assert bad.source == str(locked) and "permission" in bad.detail.lower()


def test_stdin_dash_reads_given_stream_and_sniffs() -> None:
    stream = io.BytesIO(("URL: https://example.com/news/1\n\n" + BN_PARAGRAPH).encode("utf-8"))
    page = only(run(["-"], stdin=stream))
    assert isinstance(page, RawPage)
    assert page.source == "<stdin>" and page.format is InputFormat.PAGETEXT
    assert page.url == "https://example.com/news/1"


def test_stdin_records_and_forced_format() -> None:
    data = json.dumps([{"title": "t", "body": BN_PARAGRAPH}], ensure_ascii=False).encode("utf-8")
    page = only(run(["-"], stdin=io.BytesIO(data)))
    assert page.source == "<stdin>#0" and page.fields["body"] == BN_PARAGRAPH
    # forced: the same JSON bytes read as page text
    page = only(run(["-"], stdin=io.BytesIO(data), fmt="pagetext"))
    assert page.format is InputFormat.PAGETEXT and page.fields is None


def test_stdin_reads_at_most_max_bytes_plus_one() -> None:
    class Endless(io.RawIOBase):
        """A pipe that never ends and hands out small chunks."""

        def __init__(self) -> None:
            self.given = 0

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            n = min(n, 7) if n and n > 0 else 7
            self.given += n
            return b"a" * n

    stream = Endless()
    item = only(run(["-"], stdin=stream, config={"input": {"max_bytes": 100}}))
    rejected(item, "too-large")
    assert stream.given == 101


def test_programmer_misuse_raises_input_error() -> None:
    with pytest.raises(InputError, match="list of paths"):
        iter_pages("some/file.html")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unknown input format"):
        iter_pages(["x"], fmt="docx")
    with pytest.raises(InputError):
        count_inputs("x")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        iter_pages([42])  # type: ignore[list-item]


def test_an_internal_failure_costs_one_input_not_the_batch(tmp_path: Path, monkeypatch) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.txt"
    a.write_text(bn_html(), "utf-8")
    b.write_text(BN_PARAGRAPH, "utf-8")

    def boom(text: str) -> str:
        raise ValueError("boom")

    monkeypatch.setattr(inputs, "_html_url", boom)
    items = run([a, b])
    assert "bug" in rejected(items[0], "unreadable").detail
    assert isinstance(items[1], RawPage)


# --------------------------------------------------------------------------
# Size, empty, binary
# --------------------------------------------------------------------------


def test_fifty_megabyte_page_rejected_by_size_without_reading(tmp_path: Path, guard_open) -> None:
    big = tmp_path / "huge.html"
    big.touch()
    os.truncate(big, 50 * 1024 * 1024)  # sparse: instant, no disk used
    small = tmp_path / "small.html"
    small.write_text(bn_html(), "utf-8")
    items = run([big, small])
    bad = rejected(items[0], "too-large")
    assert "52.4 MB" in bad.detail and "max_bytes" in bad.detail
    assert not guard_open.was_opened(big)
    assert guard_open.was_opened(small) and isinstance(items[1], RawPage)


def test_max_bytes_comes_from_config(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(bn_html(), "utf-8")
    rejected(only(run([page], config={"input": {"max_bytes": 100}})), "too-large")
    assert isinstance(only(run([page])), RawPage)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  ", "\ufeff  \n".encode("utf-16")])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.html"
    f.write_bytes(content)
    rejected(only(run([f])), "empty")


@pytest.mark.parametrize(
    "content, names",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x01" * 100, "JPEG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00" + b"x" * 100, "ZIP"),
        (b"\x1f\x8b\x08\x00" + b"x" * 100, "gzip"),
    ],
)
def test_binary_by_magic_number_names_the_kind(tmp_path: Path, content: bytes, names: str) -> None:
    f = tmp_path / "page.html"  # the extension lies; the bytes do not
    f.write_bytes(content)
    assert names in rejected(only(run([f])), "binary").detail


def test_binary_by_nul_bytes_and_by_control_share(tmp_path: Path) -> None:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00\x01\x02def" * 50 + b"\x00\x00")
    assert "NUL" in rejected(only(run([nul])), "binary").detail
    ctrl = tmp_path / "ctrl.txt"
    ctrl.write_bytes(b"text \x01\x02\x03\x1b" * 100)  # ~44% control bytes
    assert "control" in rejected(only(run([ctrl])), "binary").detail
    # the threshold is configurable
    mild = tmp_path / "mild.txt"
    mild.write_bytes(b"mostly text here\x1b" * 50)  # ~6%
    assert isinstance(only(run([mild])), RawPage)
    rejected(only(run([mild], config={"input": {"binary_threshold": 0.01}})), "binary")


def test_random_bytes_never_become_a_page(tmp_path: Path) -> None:
    rng = random.Random(7)
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    item = only(run([f]))
    assert isinstance(item, Rejection) and item.reason in ("binary", "decode-error")


# --------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------


def test_bengali_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "bn16.html"
    f.write_bytes(bn_html().encode("utf-16"))  # Python writes a BOM
    page = only(run([f]))
    assert isinstance(page, RawPage) and page.format is InputFormat.HTML
    assert page.encoding.startswith("utf-16") and not page.encoding_guessed
    assert BN_PARAGRAPH in page.text and not page.text.startswith("\ufeff")


def test_bengali_utf16_without_bom_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "bn16.txt"
    f.write_bytes((BN_PARAGRAPH + "\n") .encode("utf-16-le") * 3)
    page = only(run([f]))
    assert isinstance(page, RawPage), page
    assert page.encoding == "utf-16-le" and page.encoding_guessed
    assert BN_PARAGRAPH in page.text


def test_utf8_bom_and_utf8_cut_mid_character(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + BN_PARAGRAPH.encode("utf-8"))
    page = only(run([bom]))
    assert page.text == BN_PARAGRAPH and page.encoding == "utf-8-sig"
    cut = tmp_path / "cut.txt"
    cut.write_bytes(BN_PARAGRAPH.encode("utf-8")[:-1])  # a truncated download
    page = only(run([cut]))
    assert page.encoding == "utf-8" and not page.encoding_guessed
    assert page.text == BN_PARAGRAPH[:-1]


ENGLISH_1252 = (
    "<html><head><title>Caf\u00e9 news</title></head><body>"
    + "<p>The caf\u00e9\u2019s na\u00efve r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d text costs \u20ac5 today.</p>" * 6
    + "</body></html>"
)


def test_windows_1252_english_page_guessed(tmp_path: Path) -> None:
    f = tmp_path / "en.html"
    f.write_bytes(ENGLISH_1252.encode("cp1252"))
    page = only(run([f]))
    assert isinstance(page, RawPage)
    assert page.encoding_guessed and page.encoding == "cp1252"
    assert page.text == ENGLISH_1252


def test_declared_meta_charset_is_honoured(tmp_path: Path) -> None:
    doc = ENGLISH_1252.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    f = tmp_path / "declared.html"
    f.write_bytes(doc.encode("cp1252"))
    page = only(run([f]))
    assert page.encoding == "cp1252" and not page.encoding_guessed and page.text == doc
    doc = ENGLISH_1252.replace("<head>", "<head><meta charset='iso-8859-1'>")
    f.write_bytes(doc.encode("cp1252"))
    page = only(run([f]))
    assert page.encoding == "cp1252" and not page.encoding_guessed


def test_undecodable_bytes_give_decode_error_with_advice(tmp_path: Path) -> None:
    rng = random.Random(3)
    f = tmp_path / "legacy.html"
    f.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    bad = rejected(only(run([f])), "decode-error")
    assert "UTF-8" in bad.detail and "iconv" in bad.detail and "tried" in bad.detail


def test_broken_utf16_after_bom_is_decode_error(tmp_path: Path) -> None:
    f = tmp_path / "bad16.txt"
    f.write_bytes(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xdc" + "cd".encode("utf-16-le"))  # lone low surrogate
    assert "UTF-16" in rejected(only(run([f])), "decode-error").detail


# --------------------------------------------------------------------------
# Format detection
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html><body>x</body></html>", InputFormat.HTML),
        ("\n  <html lang='bn'>", InputFormat.HTML),
        ("saved fragment\n<div class='story'><p>text</p></div>", InputFormat.HTML),
        ('[{"title": "a", "body": "<p>html inside JSON</p>"}]', InputFormat.JSON),
        ('{"headline": "a", "article": "b"}', InputFormat.JSON),
        ('[{"title": "a", "body": "b"}, {"title": "c", "bo', InputFormat.JSON),  # cut short
        ('{"a": 1}\n{"a": 2}\n{"a": 3}\n', InputFormat.JSONL),
        ('{"a": 1}\n{"a": 2}\n{"a": ', InputFormat.JSONL),  # last line cut short
        ("[১] তালিকার প্রথম লাইন\nদ্বিতীয় লাইন", InputFormat.PAGETEXT),
        (BN_PARAGRAPH, InputFormat.PAGETEXT),
        ("a < b and c > d, not <pre>tags</pre>", InputFormat.PAGETEXT),
    ],
)
def test_detect_format_by_content(text: str, expected: InputFormat) -> None:
    assert detect_format(text) is expected
    assert detect_format(text, "page.txt") is expected  # .txt means: sniff


@pytest.mark.parametrize(
    "name, expected",
    [("a.HTML", InputFormat.HTML), ("a.htm", InputFormat.HTML), ("a.xhtml", InputFormat.HTML),
     ("a.json", InputFormat.JSON), ("a.jsonl", InputFormat.JSONL), ("a.ndjson", InputFormat.JSONL),
     ("a.csv", InputFormat.CSV), ("a", InputFormat.PAGETEXT)],
)
def test_detect_format_extension_first(name: str, expected: InputFormat) -> None:
    assert detect_format("plain words", name) is expected


def test_extension_wins_over_content(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(BN_PARAGRAPH, "utf-8")  # no tags, but named .html
    assert only(run([f])).format is InputFormat.HTML


# --------------------------------------------------------------------------
# HTML and page text
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head, url",
    [
        ('<link rel="canonical" href="https://www.prothomalo.com/bangladesh/abc">', "https://www.prothomalo.com/bangladesh/abc"),
        ("<link href='https://bdnews24.com/x?a=1&amp;b=2' rel='canonical'/>", "https://bdnews24.com/x?a=1&b=2"),
        ('<meta property="og:url" content="https://www.jagonews24.com/n/1">', "https://www.jagonews24.com/n/1"),
        ('<link rel="canonical" href="/relative/only"><meta property="og:url" content="https://a.bd/n">', "https://a.bd/n"),
        ('<meta property="og:url" content="https://og.bd/1"><link rel="canonical" href="https://c.bd/1">', "https://c.bd/1"),
        ("", None),
    ],
)
def test_html_url_from_canonical_or_og(tmp_path: Path, head: str, url: str | None) -> None:
    f = tmp_path / "p.html"
    f.write_text(bn_html(head), "utf-8")
    page = only(run([f]))
    assert page.format is InputFormat.HTML and page.url == url and page.fields is None


def test_truncated_html_still_yields_a_page(tmp_path: Path) -> None:
    doc = bn_html()
    cut = doc[: doc.index("</article>") + 4]  # "...</ar": cut mid-tag
    f = tmp_path / "cut.html"
    f.write_text(cut, "utf-8")
    page = only(run([f]))
    assert isinstance(page, RawPage) and page.format is InputFormat.HTML and page.text == cut


@pytest.mark.parametrize(
    "text, url",
    [
        ("URL: https://www.kalerkantho.com/online/national/2025/07/11/1\n\n" + BN_PARAGRAPH, "https://www.kalerkantho.com/online/national/2025/07/11/1"),
        ("শিরোনাম\n" + BN_PARAGRAPH + "\nলিংক: https://samakal.com/a/1\nশেষ", "https://samakal.com/a/1"),
        ("https://www.jugantor.com/politics/1\n" + BN_PARAGRAPH, "https://www.jugantor.com/politics/1"),
        (BN_PARAGRAPH + "\n\n  <https://www.ittefaq.com.bd/7>  \n", "https://www.ittefaq.com.bd/7"),
        (BN_PARAGRAPH + "\nবিস্তারিত দেখুন https://x.bd/1 এখানে\n" + BN_PARAGRAPH, None),
    ],
)
def test_pagetext_url(tmp_path: Path, text: str, url: str | None) -> None:
    f = tmp_path / "page.txt"
    f.write_text(text, "utf-8")
    page = only(run([f]))
    assert page.format is InputFormat.PAGETEXT and page.url == url


# --------------------------------------------------------------------------
# Records: JSON, JSONL, CSV
# --------------------------------------------------------------------------


def test_json_shapes_object_list_and_wrappers(tmp_path: Path) -> None:
    rec = {"title": "শিরোনাম", "body": BN_PARAGRAPH, "link": "https://a.bd/1"}
    for i, doc in enumerate([rec, [rec, rec], {"articles": [rec]}, {"items": [rec, rec, rec]}]):
        f = tmp_path / f"r{i}.json"
        f.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        items = run([f])
        assert all(isinstance(p, RawPage) and p.fields["url"] == "https://a.bd/1" for p in items)
        assert [p.source for p in items] == [f"{f}#{n}" for n in range(len(items))]
    assert [len(run([tmp_path / f"r{i}.json"])) for i in range(4)] == [1, 2, 1, 3]


def test_record_field_normalisation(tmp_path: Path) -> None:
    rec = {
        "headline": "  ", "title": " আসল শিরোনাম ", "content": ["প্রথম অনুচ্ছেদ।", "দ্বিতীয় অনুচ্ছেদ।"],
        "URL": "https://a.bd/2", "site": "প্রথম আলো", "date": "2025-07-11T10:00:00+06:00",
        "author": [{"name": "নিজস্ব প্রতিবেদক"}, "ঢাকা"], "section": "রাজনীতি", "tags": ["x"], "id": 7,
    }
    f = tmp_path / "one.json"
    f.write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    fields = only(run([f])).fields
    assert fields["title"] == "আসল শিরোনাম"  # first present *non-empty* wins
    assert fields["body"] == "প্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।"
    assert fields["url"] == "https://a.bd/2"  # case-insensitive field match
    assert fields["outlet"] == "প্রথম আলো" and fields["desk"] == "রাজনীতি"
    assert fields["published"] == "2025-07-11T10:00:00+06:00" and fields["updated"] is None
    assert fields["byline"] == "নিজস্ব প্রতিবেদক, ঢাকা"
    assert fields["extra"] == {"tags": ["x"], "id": 7}


def test_bad_records_are_rejected_one_by_one(tmp_path: Path) -> None:
    f = tmp_path / "mixed.json"
    f.write_text(json.dumps([
        {"title": "a", "body": BN_PARAGRAPH},
        "just a string",
        {"title": "no body here", "body": "   "},
        {"title": "c", "text": BN_PARAGRAPH},
    ], ensure_ascii=False), "utf-8")
    items = run([f])
    assert [type(i) for i in items] == [RawPage, Rejection, Rejection, RawPage]
    not_obj = rejected(items[1], "bad-record")
    assert not_obj.source == f"{f}#1" and "record 1" in not_obj.detail and "str" in not_obj.detail
    no_body = rejected(items[2], "bad-record")
    assert no_body.source == f"{f}#2" and "record 2" in no_body.detail and "body" in no_body.detail
    assert items[3].source == f"{f}#3"


def test_truncated_json_list_salvages_leading_records(tmp_path: Path) -> None:
    recs = [{"title": f"t{i}", "body": BN_PARAGRAPH} for i in range(5)]
    text = json.dumps(recs, ensure_ascii=False, indent=1)
    cut = text[: text.index('"t3"') + 2]  # inside record 3
    f = tmp_path / "cut.json"
    f.write_text(cut, "utf-8")
    items = run([f])
    assert [type(i) for i in items] == [RawPage, RawPage, RawPage, Rejection]
    assert [p.fields["title"] for p in items[:3]] == ["t0", "t1", "t2"]
    tail = rejected(items[3], "bad-record")
    assert tail.source == f"{f}#3" and "line" in tail.detail and "3 record(s)" in tail.detail
    # the same inside an {"articles": [...]} wrapper, and without an extension
    g = tmp_path / "cut_wrapped"
    g.write_text('{"articles": ' + cut, "utf-8")
    assert [type(i) for i in run([g])] == [RawPage, RawPage, RawPage, Rejection]


def test_invalid_json_object_is_one_rejection(tmp_path: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text('{"title": "a", "body": ', "utf-8")
    bad = rejected(only(run([f])), "bad-record")
    assert bad.source == str(f) and "not valid JSON" in bad.detail and "line 1" in bad.detail
    f.write_text("<!DOCTYPE html><html><body>403 Forbidden</body></html>", "utf-8")
    assert "HTML" in rejected(only(run([f])), "bad-record").detail


def test_empty_record_collections(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[]", "utf-8")
    (tmp_path / "b.csv").write_text("headline,article\n", "utf-8")
    assert [i.reason for i in run([tmp_path])] == ["empty", "empty"]


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"headline": f"h{i}", "article": BN_PARAGRAPH}, ensure_ascii=False) for i in range(4)]
    lines[2] = '{"headline": "h2", "article": "unterminated'
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", "utf-8")
    items = run([f])
    assert [type(i) for i in items] == [RawPage, RawPage, Rejection, RawPage]
    bad = rejected(items[2], "bad-record")
    assert "line 4" in bad.detail  # the blank line 3 is counted in line numbers
    assert items[3].fields["title"] == "h3" and items[3].format is InputFormat.JSONL
    assert items[3].source == f"{f}#3"


def test_jsonl_saved_as_json_is_read_as_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "feed.json"
    f.write_text("\n".join(json.dumps({"body": BN_PARAGRAPH, "n": i}) for i in range(3)), "utf-8")
    items = run([f])
    assert len(items) == 3 and all(p.format is InputFormat.JSONL for p in items)


def test_csv_with_custom_field_names_via_config(tmp_path: Path) -> None:
    long_body = (BN_PARAGRAPH + " ") * 1000  # ~ 500 KB: over csv's default field limit
    f = tmp_path / "export.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["shironam", "mul_lekha", "thikana", "kagoj", "tarikh", "other"])
        w.writerow(["প্রথম", long_body, "https://a.bd/1", "যুগান্তর", "১১ জুলাই ২০২৫", "x"])
        w.writerow(["দ্বিতীয়", "", "https://a.bd/2", "যুগান্তর", "", "y"])
        w.writerow(["তৃতীয়", "বহু লাইনের\nলেখা, কমা সহ", "https://a.bd/3", "সমকাল", "", "z"])
    cfg = {"records": {"title": ["shironam"], "body": ["mul_lekha"], "url": ["thikana"],
                       "outlet": ["kagoj"], "published": ["tarikh"]}}
    items = run([f], config=cfg)
    assert [type(i) for i in items] == [RawPage, Rejection, RawPage]
    first = items[0]
    assert first.format is InputFormat.CSV and first.fields["body"] == long_body.strip()
    assert first.fields["published"] == "১১ জুলাই ২০২৫" and first.fields["extra"] == {"other": "x"}
    assert "record 1" in rejected(items[1], "bad-record").detail
    assert items[2].fields["body"] == "বহু লাইনের\nলেখা, কমা সহ" and items[2].source == f"{f}#2"
    # with the default field names nothing has a body
    assert all(i.reason == "bad-record" for i in run([f]))


def test_semicolon_csv(tmp_path: Path) -> None:
    f = tmp_path / "semi.csv"
    f.write_text(f"title;body\nক;{BN_PARAGRAPH}\n", "utf-8")
    page = only(run([f]))
    assert page.fields["title"] == "ক" and page.fields["body"] == BN_PARAGRAPH


def test_fifo_in_directory_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.html")  # reading it would block forever
    (tmp_path / "z.html").write_text(bn_html(), "utf-8")
    items = run([tmp_path])
    assert "regular file" in rejected(items[0], "unreadable").detail
    assert isinstance(items[1], RawPage)


def test_json_odd_top_levels(tmp_path: Path) -> None:
    f = tmp_path / "scalar.json"
    f.write_text('"just text"', "utf-8")
    assert "expected an article object" in rejected(only(run([f])), "bad-record").detail
    # an article that happens to have an "items" list is one record, not a wrapper
    f.write_text(json.dumps({"title": "t", "body": BN_PARAGRAPH, "items": [1, 2]}, ensure_ascii=False), "utf-8")
    page = only(run([f]))
    assert page.fields["body"] == BN_PARAGRAPH and page.fields["extra"] == {"items": [1, 2]}


def test_config_env_empty_means_none_and_a_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ghotona import config
    from ghotona.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(config.ENV_CONFIG, "")
    assert config.load()["store"]["path"] == "ghotona.db"
    with pytest.raises(ConfigError, match="cannot be read"):
        config.load(str(tmp_path))
