"""Claims: figures, bounds, units, what is counted, who claims it; the evaluator; the CLI.

Every text here is written for these tests.  The shared sample pages are
read from ../shared when present (those tests are skipped otherwise).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghotona.claims import article_from_text, claims_in_text, find_claims, load_claims_data
from ghotona.claims.lexicon import validate
from ghotona.attribution import read_located
from ghotona.cli import main
from ghotona.errors import LanguageDataError
from ghotona.evaluate.claims import evaluate, load_items
from ghotona.langdata import data_path
from ghotona.text.normalize import normalize

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples" / "pages"


def read(text: str) -> list[tuple]:
    return [(c.text, c.value, c.value_max, c.bound, c.unit, c.currency) for c in claims_in_text(normalize(text))]


# --------------------------------------------------------------------------
# Reading figures


@pytest.mark.parametrize(
    "text, expected",
    [
        ("সংঘর্ষে অন্তত ২৫ জন নিহত হয়েছেন।", [("অন্তত ২৫ জন", 25, None, "at-least", "count", None)]),
        ("কুরস্কে ১০ হাজারেরও বেশি সেনা পাঠানো হয়।", [("১০ হাজারেরও বেশি", 10000, None, "more-than", "count", None)]),
        ("যুদ্ধে ৬,০০০ এর বেশি সেনা নিহত হয়েছে।", [("৬,০০০ এর বেশি", 6000, None, "more-than", "count", None)]),
        ("হাজারেরও বেশি বিক্ষোভকারী জড়ো হন।", [("হাজারেরও বেশি", 1000, None, "more-than", "count", None)]),
        ("পণ্যে ২০ থেকে ৫০ শতাংশ শুল্ক বসবে।", [("২০ থেকে ৫০ শতাংশ", 20, 50, "range", "percent", None)]),
        ("পণ্যে ২০-৫০% শুল্ক বসবে।", [("২০-৫০%", 20, 50, "range", "percent", None)]),
        ("শুল্ক ৫০ শতাংশ পর্যন্ত বাড়তে পারে।", [("৫০ শতাংশ পর্যন্ত", 50, None, "up-to", "percent", None)]),
        ("শুল্ক হবে সর্বোচ্চ ৩৫ শতাংশ।", [("সর্বোচ্চ ৩৫ শতাংশ", 35, None, "at-most", "percent", None)]),
        ("ব্যাংকটি ১.৫ বিলিয়ন ডলারের ঋণ দেবে।", [("১.৫ বিলিয়ন ডলারের", 1.5e9, None, "exact", "money", "USD")]),
        ("প্রকল্পে ৫০০ কোটি টাকা ব্যয় হবে।", [("৫০০ কোটি টাকা", 5e9, None, "exact", "money", "BDT")]),
        ("দেশটি $2.5 billion সহায়তা পাবে।", [("$2.5 billion", 2.5e9, None, "exact", "money", "USD")]),
        ("১ লাখ ২০ হাজার মানুষ বাস্তুচ্যুত হয়েছেন।", [("১ লাখ ২০ হাজার", 120000, None, "exact", "count", None)]),
        ("২ থেকে ৩ হাজার শরণার্থী সীমান্তে।", [("২ থেকে ৩ হাজার", 2000, 3000, "range", "count", None)]),
        ("দেড় লাখ সৈন্য মোতায়েন করা হয়েছে।", [("দেড় লাখ", 150000, None, "exact", "count", None)]),
        ("সাড়ে তিন হাজার সেনা ফিরেছে।", [("সাড়ে তিন হাজার", 3500, None, "exact", "count", None)]),
        ("সংঘর্ষে দুজন নিহত হন।", [("দুজন", 2, None, "exact", "count", None)]),
        ("আহত দেড় শতাধিক।", [("দেড় শতাধিক", 150, None, "more-than", "count", None)]),
        ("কয়েক হাজার মানুষ আহত হয়েছেন।", [("কয়েক হাজার", 1000, None, "more-than", "count", None)]),
        ("দলটি পেয়েছে ৭২ দশমিক ১০ শতাংশ ভোট।", [("৭২ দশমিক ১০ শতাংশ", 72.1, None, "exact", "percent", None)]),
        ("২ হাজার ৪০০ বর্গকিলোমিটার জমি তলিয়েছে।", [("২ হাজার ৪০০ বর্গকিলোমিটার", 2400, None, "exact", "area-km2", None)]),
        ("প্রায় ১২ কিলোমিটার দূরে।", [("প্রায় ১২ কিলোমিটার", 12, None, "about", "distance-km", None)]),
        ("৫ লাখ টন চাল আমদানি হবে।", [("৫ লাখ টন", 500000, None, "exact", "weight-ton", None)]),
        ("শতকরা ২০ ভাগ ভোটার।", [("শতকরা ২০ ভাগ", 20, None, "exact", "percent", None)]),
        ("নিহতের সংখ্যা ৫০০ ছাড়িয়েছে।", [("৫০০ ছাড়িয়েছে", 500, None, "more-than", "count", None)]),
        ("৬০ জনের মতো আহত।", [("৬০ জনের মতো", 60, None, "about", "count", None)]),
        ("১০০ জনেরও কম বিক্ষোভকারী ছিলেন।", [("১০০ জনেরও কম", 100, None, "less-than", "count", None)]),
        ("20 জন আটক হয়েছেন।", [("20 জন", 20, None, "exact", "count", None)]),
    ],
)
def test_reads_figures(text: str, expected: list) -> None:
    assert read(text) == [tuple(normalize(x) if isinstance(x, str) else x for x in e) for e in expected]


@pytest.mark.parametrize(
    "text",
    [
        "৪৫ বছর বয়সী এক ব্যক্তিকে আটক করা হয়েছে।",  # an age
        "৯ ঘণ্টা পর তাঁকে উদ্ধার করা হয়।",  # a duration
        "২০২৪ সালে ভোট হয়েছিল।",  # a year
        "দলটি ৫ম বারের মতো জয়ী হয়েছে।",  # an ordinal
        "২১শে ফেব্রুয়ারি শহীদ দিবস।",  # an ordinal day
        "জি-২০ সম্মেলনে সেনা মোতায়েন নিয়ে আলোচনা হয়।",  # a name with a number
        "কোভিড-১৯ মহামারিতে অনেকে মারা যান।",
        "এক কর্মকর্তা বলেন, দুই দেশের সম্পর্ক ভালো।",  # এক, দুই as words
        "এটি সত্য নয়, কেউ নিহত হয়নি।",  # নয় is "is not"
        "যোগাযোগ: ০১৭১১০০০০০০ নম্বরে ফোন করুন।",  # a phone number
        "তিনি ৩ নম্বর দাবিটি মেনে নেন।",  # a label
        "খালেদা জিয়ার মৃত্যুতে শোকে স্তব্ধ দেশ।",  # শো in শোকে is not a hundred
        "একটি সামরিক চুক্তি সই হয়েছে।",  # one agreement, not one soldier
        "তিনি ৪৭ ছক্কা মারার রেকর্ড গড়েন।",  # মারা: hit, not died
        "ভোর ছয়টার দিকে তিনি মারা যান।",  # a clock time
    ],
)
def test_not_claims(text: str) -> None:
    assert read(text) == []


def test_time_expressions_of_the_article_are_not_claims() -> None:
    art = article_from_text("গত ১২ মার্চ ২০২৪ তারিখে সকাল ১০টায় হামলায় ১২ জন আহত হন।", "2024-03-15")
    assert [(c.text, c.counted) for c in find_claims(art)] == [("১২ জন", "injured")]


# --------------------------------------------------------------------------
# What is counted, and who claims it


def claims_of(text: str, when: str = "2025-07-10") -> list:
    return find_claims(article_from_text(text, when))


def test_counted_and_claimant() -> None:
    text = (
        "ক্রেমলিনের বরাতে রয়টার্স জানিয়েছে, অন্তত ৬০০ সেনা নিহত ও আরও কয়েক হাজার আহত হয়েছে।\n"
        "পুলিশ জানায়, ৩২ জনকে গ্রেপ্তার করা হয়েছে। ট্রাম্প ২০টির বেশি দেশের পণ্যে ৩০ শতাংশ শুল্কের হুমকি দেন।\n"
        "ব্রিটিশ প্রতিরক্ষা গোয়েন্দা বিভাগ দাবি করেছে, ৬,০০০ এর বেশি সৈন্য হতাহত হয়েছে।"
    )
    got = [(c.text, c.counted, c.claimant, c.claimed) for c in claims_of(text)]
    assert got == [
        ("অন্তত ৬০০", "killed", "Presidential Administration of Russia", False),  # the source, not the relay
        ("কয়েক হাজার", "injured", "Presidential Administration of Russia", False),
        ("৩২ জনকে", "arrested", "~police", False),
        ("২০টির বেশি", "other", None, False),
        ("৩০ শতাংশ", "tariff", None, False),
        ("৬,০০০ এর বেশি", "casualties", "Defence Intelligence", True),
    ]


def test_claim_record_offsets_and_json() -> None:
    art = article_from_text("সীমান্তে উত্তেজনা।\n\nসিউলের মতে, প্রায় ৬০০ সেনা নিহত হয়েছে।", "2025-07-10")
    (c,) = find_claims(art)
    body = art.body
    assert body[c.start:c.end] == c.text == "প্রায় ৬০০"
    assert body[c.counted_start:c.counted_end] == c.counted_text == "নিহত"
    assert body[c.sentence_start:c.sentence_end].startswith("সিউলের মতে")
    assert (c.claimant, c.claimant_kind, c.claimant_text) == ("South Korea", "actor", "সিউলের")
    d = c.to_json()
    assert d["bound"] == "about" and d["value"] == 600 and json.dumps(d, ensure_ascii=False)


def test_percent_takes_the_sentence_class() -> None:
    (a, b) = claims_of("তামা আমদানির ওপর ৫০ শতাংশ এবং ওষুধে ২০০ শতাংশ শুল্ক বসতে পারে।")
    assert (a.counted, b.counted) == ("tariff", "tariff")


def test_quoted_figure_takes_the_speaker() -> None:
    text = "‘আমরা প্রস্তুত। আমরা দেড় লাখ সৈন্য পাঠাব’, বলেন রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন।"
    (c,) = claims_of(text)
    assert (c.value, c.counted, c.claimant) == (150000, "troops", "Vladimir Putin")


# --------------------------------------------------------------------------
# Data


def test_shipped_data_loads() -> None:
    d = load_claims_data()
    assert d.numbers[normalize("দুই")] == 2 and d.before_bounds[normalize("অন্তত")] == "at-least"
    assert [k.counted for k in d.counted][:2] == ["killed", "injured"]


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("  - {forms: [টাকা], unit: money, currency: BDT}", "  - {forms: [টাকা], unit: money}", "needs a currency"),
        ("  - {forms: [রুবল], unit: money, currency: RUB}", "  - {forms: [রুবল], unit: money, currency: rub}", "ISO 4217"),
        ("    অন্তত: at-least", "    অন্তত: at-leest", "at-leest"),
        ("  - counted: aid", "  - counted: aids", "aids"),
        ("  - {form: হাজার, value: 1000}", "  - {form: হাজার, value: many}", "should be a number"),
    ],
)
def test_bad_data_names_file_and_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = Path(data_path("claims.yaml")).read_text("utf-8")
    assert old in text
    bad = tmp_path / "claims.yaml"
    bad.write_text(text.replace(old, new), "utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(LanguageDataError) as exc:
        validate(read_located(str(bad)), str(bad))
    msg = str(exc.value)
    assert str(bad) in msg and message in msg
    assert f"line {line}" in msg or f"line {line + 1}" in msg  # a mapping's line, or its first value's


# --------------------------------------------------------------------------
# Evaluation


def test_evaluator_on_the_written_fixture() -> None:
    items = load_items(FIXTURES / "claims_written.yaml")
    assert [len(it.gold) for it in items] == [4, 5, 4, 0]
    r = evaluate(items)
    assert (r["gold"], r["predicted"]) == (13, 13)
    assert r["precision"] == r["recall"] == 1.0
    assert r["accuracy"]["value"] == r["accuracy"]["bound"] == r["accuracy"]["unit"] == 1.0
    # The dictionary names the UK ministry "Ministry of Defence (UK)", not as Wikipedia titles it.
    assert any("Ministry of Defence (UK)" in e for e in r["errors"])


def test_gate_on_the_held_out_fixtures() -> None:
    """Scores of the two sets not written for a given rule; pinned a little under the measured ones."""
    r = evaluate(load_items(FIXTURES / "claims_heldout.yaml") + load_items(FIXTURES / "claims_dev.yaml"))
    assert r["f1"] >= 0.93 and r["precision"] >= 0.95
    assert r["accuracy"]["value"] >= 0.95 and r["accuracy"]["counted"] >= 0.9 and r["accuracy"]["claimant"] >= 0.85


def test_scoring_rules(tmp_path: Path) -> None:
    gold = tmp_path / "g.yaml"
    gold.write_text(
        "- id: a\n  date: '2025-01-01'\n  text: |\n    কর্মকর্তারা জানান, অন্তত ২৫ জন নিহত এবং ৪০ জন আহত হয়েছেন।\n"
        "  claims:\n"
        "    - {text: '২৫ জন নিহত', occurrence: 1, value: 25, value_max: null, bound: exact, unit: count, counted: killed, claimant: '~anyone'}\n"
        "    - {text: '৪০ জন', occurrence: 1, value: 41, value_max: null, bound: exact, unit: count, counted: injured, claimant: null}\n"
        "- id: b\n  text: 'এই লেখায় দাবি নেই।'\n  events: []\n",
        "utf-8",
    )
    items = load_items(gold)
    assert [it.id for it in items] == ["g.yaml:a"]  # an item without claims: is not scored
    r = evaluate(items)
    assert r["matched"] == 2 and r["exact_span_rate"] == 0.5
    # overlap pairs the spans; the bound of the first and the value of the second are wrong;
    # "~anyone" takes any named claimant, null only none.
    assert r["accuracy"] == {"value": 0.5, "bound": 0.5, "unit": 1.0, "counted": 1.0, "claimant": 0.5}


def test_bad_gold_is_an_error_naming_the_entry(tmp_path: Path) -> None:
    gold = tmp_path / "g.yaml"
    gold.write_text("- id: x\n  text: 'অন্তত ২৫ জন নিহত।'\n  claims:\n    - {text: 'অন্তত ৩০ জন', value: 30, bound: exact, unit: count, counted: killed}\n", "utf-8")
    with pytest.raises(ValueError, match="g.yaml:x claim 1"):
        load_items(gold)
    gold.write_text("- id: x\n  text: 'অন্তত ২৫ জন নিহত।'\n  claims:\n    - {text: 'অন্তত ২৫ জন', value: 25, bound: roughly, unit: count, counted: killed}\n", "utf-8")
    with pytest.raises(ValueError, match="bound 'roughly'"):
        load_items(gold)


def test_sample_page_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Gold given by line + text + occurrence on a page is found in the extracted body."""
    pages = tmp_path / "samples" / "pages"
    pages.mkdir(parents=True)
    lines = [
        "প্রচ্ছদ",
        "সীমান্তে সংঘর্ষে নিহত ১৮",
        "প্রকাশিত: ১০ জুলাই ২০২৫, ১৯:০৭",
        "সীমান্ত এলাকায় বৃহস্পতিবার রাতের সংঘর্ষে অন্তত ১৮ জন নিহত হয়েছেন বলে জানিয়েছে রয়টার্স। "
        "এ ছাড়া আহত হয়েছেন আরও ৪০ জন, যাঁদের মধ্যে অনেকের অবস্থা আশঙ্কাজনক বলে চিকিৎসকেরা জানিয়েছেন।",
        "পুলিশ জানায়, এ ঘটনায় এখন পর্যন্ত ৭৫ জনকে গ্রেপ্তার করা হয়েছে এবং এলাকায় অতিরিক্ত পুলিশ মোতায়েন করা হয়েছে। "
        "স্থানীয় প্রশাসন রাতেই পরিস্থিতি নিয়ন্ত্রণে আনতে বৈঠক করে।",
        "সর্বাধিক পঠিত",
    ]
    (pages / "p.txt").write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setenv("GHOTONA_SHARED", str(tmp_path))
    gold = tmp_path / "samples.yaml"
    gold.write_text(
        "- page: shared:samples/pages/p.txt\n  date: '2025-07-10'\n  claims:\n"
        "    - {line: 4, text: 'অন্তত ১৮ জন', occurrence: 1, value: 18, value_max: null, bound: at-least, unit: count, counted: killed, claimant: Reuters}\n"
        "    - {line: 5, text: '৭৫ জনকে', occurrence: 1, value: 75, value_max: null, bound: exact, unit: count, counted: arrested, claimant: '~police'}\n",
        "utf-8",
    )
    (item,) = load_items(gold)
    assert [item.article.body[g.start:g.end] for g in item.gold] == ["অন্তত ১৮ জন", "৭৫ জনকে"]
    r = evaluate([item])
    assert r["recall"] == 1.0 and r["accuracy"]["claimant"] == 1.0
    wrong = gold.read_text("utf-8").replace("occurrence: 1, value: 18", "occurrence: 1, offset: 3, value: 18")
    gold.write_text(wrong, "utf-8")
    with pytest.raises(ValueError, match="offset 3 does not hold"):
        load_items(gold)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"sample pages not present at {SAMPLES}")
def test_sample_pages_run_clean() -> None:
    """Every shared sample page yields claims outside its time expressions, with positive values."""
    from ghotona.inputs import iter_pages
    from ghotona.pipeline import Extractor

    ex = Extractor()
    found = []
    for page in iter_pages([str(SAMPLES)], config=ex.config):
        art = ex.extract(page)
        for c in find_claims(art):
            assert c.value > 0 and art.body[c.start:c.end] == c.text
            assert not any(t.start < c.end and c.start < t.end for t in art.time_expressions)
            found.append(c)
    # The figure the outlets disagree on: over 6,000 killed per British defence intelligence.
    assert any(c.value == 6000 and c.bound == "more-than" and c.counted == "killed" and c.claimant == "Defence Intelligence" for c in found)


# --------------------------------------------------------------------------
# CLI


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, prog_name="ghotona")


def test_cli_claims_json_and_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GHOTONA_CONFIG", raising=False)
    r = run("claims", "রয়টার্স জানিয়েছে, অন্তত ২৫ জন নিহত হয়েছেন।", "--json")
    assert r.exit_code == 0, r.output
    (line,) = r.output.strip().splitlines()
    d = json.loads(line)
    assert (d["text"], d["value"], d["bound"], d["counted"], d["claimant"]) == ("অন্তত ২৫ জন", 25.0, "at-least", "killed", "Reuters")
    r = run("claims", "-", input="পুলিশ জানায়, ৩২ জনকে গ্রেপ্তার করা হয়েছে।")
    assert r.exit_code == 0 and "arrested" in r.output and "~police" in r.output
    page = tmp_path / "a.json"
    body = "সংঘর্ষে অন্তত ১২ জন আহত হয়েছেন। পরে আরও ৩ জন নিহত হন। পুলিশ ২০ জনকে আটক করেছে বলে জানা গেছে।"
    page.write_text(json.dumps({"title": "শিরোনাম", "body": body}, ensure_ascii=False), "utf-8")
    r = run("claims", str(page), "--json")
    assert r.exit_code == 0 and [json.loads(x)["counted"] for x in r.output.strip().splitlines()] == ["injured", "killed", "arrested"]
    r = run("claims", "কোনো সংখ্যা নেই।")
    assert r.exit_code == 0 and "no claims found" in r.output
    assert run("claims", "কিছু", "--date", "10-07-2025").exit_code == 2


def test_cli_evaluate_claims(tmp_path: Path) -> None:
    r = run("evaluate", "claims", str(FIXTURES / "claims_written.yaml"))
    assert r.exit_code == 0, r.output
    assert "precision 1.000" in r.output and "claimant" in r.output
    r = run("evaluate", "claims", str(FIXTURES / "claims_written.yaml"), "--json")
    assert json.loads(r.output)["gold"] == 13
    empty = tmp_path / "none.yaml"
    empty.write_text("- id: a\n  text: 'কিছু'\n", "utf-8")
    r = run("evaluate", "claims", str(empty))
    assert r.exit_code == 2 and "no item has a `claims:` list" in r.output


def test_an_unknown_claimant_is_matched_by_its_provisional_id() -> None:
    """A claimant the dictionary lacks gets a provisional id; the gold's English
    spelling of the same name must meet it, as in the events evaluation."""
    from dataclasses import replace

    from ghotona.actors.link import provisional_id
    from ghotona.evaluate.claims import _claimant_ok

    (c,) = claims_in_text("অন্তত ২০ জন আহত হয়েছেন।")
    said = replace(c, claimant="রহিমা খাতুন", claimant_id=provisional_id("রহিমা খাতুন"))
    assert said.claimant_id and said.claimant_id.startswith("prov:")
    assert _claimant_ok(said, "Rahima Khatun")
    assert not _claimant_ok(said, "Rashida Khanam")
    assert not _claimant_ok(c, "Rahima Khatun")
