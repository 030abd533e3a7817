"""Tests for ghotona.sources: outlets from URLs and furniture, wire mentions.

Bengali sentences here are written for these tests, not copied from pages.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import regex

from ghotona import sources as S
from ghotona.errors import LanguageDataError

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "data" / "news" / "bdnews_2025-12-30.json"


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD_ENTRY = """\
- id: {id}
  name_en: {name}
  name_bn: null
  aliases: [{alias}]
  domains: [{domain}]
  language: bn
  country: BD
  timezone: Asia/Dhaka
"""


# --------------------------------------------------------------------------
# The shipped data


def test_shipped_lists_load_and_are_large_enough() -> None:
    outlets = S.outlets()
    wires = S.wires()
    assert len(outlets) >= 45
    assert len(wires) >= 50
    ids = {o.id for o in outlets}
    for must in ("prothomalo", "jagonews24", "usbanglanews", "bbcbangla", "anandabazar", "dailystar", "bss"):
        assert must in ids
    wire_ids = {w.id for w in wires}
    for must in ("reuters", "afp", "ap", "aljazeera", "ria-novosti", "tass", "bbc", "nytimes", "bss", "unb"):
        assert must in wire_ids
    assert not any(o.demo for o in outlets)


def test_outlet_by_id() -> None:
    o = S.outlet_by_id("prothomalo")
    assert o is not None and o.name_bn == "প্রথম আলো" and o.timezone == "Asia/Dhaka"
    assert S.outlet_by_id("no-such-outlet") is None


# --------------------------------------------------------------------------
# Validation


def test_extra_file_is_loaded_and_usable(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ENTRY.format(id="gramerkhobor", name="Gramer Khobor", alias="গ্রামের খবর ডটকম", domain="gramerkhobor.example"))
    all_outlets = S.load_outlets(extra_files=[path])
    assert all_outlets[-1].id == "gramerkhobor"
    found = S.outlet_by_url("https://www.gramerkhobor.example/a/1", among=all_outlets)
    assert found is not None and found.id == "gramerkhobor"
    assert S.outlet_in_text("নতুন সেতু চালু | গ্রামের খবর ডটকম", among=all_outlets).id == "gramerkhobor"
    # The shipped, cached list is not changed by loading extras.
    assert S.outlet_by_url("https://gramerkhobor.example/") is None


def test_alias_claimed_by_two_entries_is_an_error(tmp_path: Path) -> None:
    # প্রথম-আলো differs from the shipped প্রথম আলো only by a hyphen: same name.
    path = _write(tmp_path, GOOD_ENTRY.format(id="copycat", name="Copycat", alias="প্রথম-আলো", domain="copycat.example"))
    with pytest.raises(LanguageDataError) as err:
        S.load_outlets(extra_files=[path])
    assert err.value.path == path
    assert "copycat" in err.value.where
    assert "prothomalo" in err.value.problem


def test_domain_claimed_by_two_entries_is_an_error(tmp_path: Path) -> None:
    text = GOOD_ENTRY.format(id="one", name="One", alias="এক নম্বর খবর", domain="shared.example") + GOOD_ENTRY.format(
        id="two", name="Two", alias="দুই নম্বর খবর", domain="shared.example"
    )
    with pytest.raises(LanguageDataError) as err:
        S.load_outlets(extra_files=[_write(tmp_path, text)])
    assert "two" in err.value.where and "shared.example" in err.value.problem


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    text = GOOD_ENTRY.format(id="typo", name="Typo", alias="টাইপো খবর", domain="typo.example") + "  langauge: bn\n"
    path = _write(tmp_path, text)
    with pytest.raises(LanguageDataError) as err:
        S.load_outlets(extra_files=[path])
    assert err.value.path == path and "typo" in err.value.where and "langauge" in err.value.problem


def test_missing_id_is_an_error(tmp_path: Path) -> None:
    text = GOOD_ENTRY.format(id="x", name="Nameless", alias="নামহীন খবর", domain="nameless.example").replace("- id: x\n  ", "- ")
    with pytest.raises(LanguageDataError) as err:
        S.load_outlets(extra_files=[_write(tmp_path, text)])
    assert "entry 1" in err.value.where and "'id'" in err.value.problem


def test_bad_shipped_outlets_file_names_the_shipped_file(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = [
        {"id": "a", "name_en": "A", "name_bn": None, "aliases": ["Alpha"], "domains": [], "language": "bn", "country": "BD", "timezone": "Asia/Dhaka"},
        {"id": "b", "name_en": "B", "name_bn": None, "aliases": ["ALPHA"], "domains": [], "language": "bn", "country": "BD", "timezone": "Asia/Dhaka"},
    ]
    monkeypatch.setattr(S, "load_yaml", lambda name: bad)
    with pytest.raises(LanguageDataError) as err:
        S.load_outlets()
    assert err.value.path.endswith("outlets.yaml") and "'b'" in err.value.where


def test_bad_timezone_and_domain_are_errors(tmp_path: Path) -> None:
    text = GOOD_ENTRY.format(id="tz", name="Tz", alias="সময়ের খবর ডটকম", domain="tz.example").replace("Asia/Dhaka", "Asia/Dacca_Nowhere")
    with pytest.raises(LanguageDataError, match="timezone"):
        S.load_outlets(extra_files=[_write(tmp_path, text)])
    text = GOOD_ENTRY.format(id="dom", name="Dom", alias="ডোমেইন খবর", domain="https://www.dom.example")
    with pytest.raises(LanguageDataError, match="domain"):
        S.load_outlets(extra_files=[_write(tmp_path, text, "dom.yaml")])


def test_wire_file_validation() -> None:
    from ghotona.langdata import load_yaml

    data = load_yaml("wires.yaml")
    dup = {**data, "wires": [*data["wires"], {"id": "fake", "name_en": "Fake", "name_bn": None, "aliases": ["রয়টার্স"], "kind": "wire", "country": "US"}]}
    with pytest.raises(LanguageDataError) as err:
        S._parse_wires(dup)
    assert "fake" in err.value.where and "reuters" in err.value.problem
    bad_kind = {**data, "wires": [{"id": "x", "name_en": "X", "name_bn": None, "aliases": ["X News"], "kind": "blog", "country": "US"}]}
    with pytest.raises(LanguageDataError, match="kind"):
        S._parse_wires(bad_kind)
    extra_key = {**data, "wires": [{"id": "x", "name_en": "X", "name_bn": None, "aliases": ["X News"], "kind": "wire", "country": "US", "url": "x"}]}
    with pytest.raises(LanguageDataError, match="unknown key"):
        S._parse_wires(extra_key)


# --------------------------------------------------------------------------
# Outlet from URL and from furniture


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.prothomalo.com/bangladesh/abc", "prothomalo"),
        ("https://en.prothomalo.com/bangladesh/politics/x1", "prothomalo"),
        ("https://amp.prothomalo.com/x", "prothomalo"),
        ("http://m.jagonews24.com/national/1", "jagonews24"),
        ("https://bangla.bdnews24.com/politics/x", "bdnews24"),
        ("https://www.tbsnews.net/bangladesh/y", "tbsnews"),
        ("https://www.bbc.com/bengali/articles/c0", "bbcbangla"),
        ("https://www.dw.com/bn/x/a-1", "dwbangla"),
        ("https://www.ittefaq.com.bd/1/x", "ittefaq"),
        ("dhakapost.com/politics/5", "dhakapost"),
        ("https://www-samakal-com.cdn.ampproject.org/c/s/samakal.com/x", "samakal"),
        ("https://www.bbc.com/news/world-1", None),  # BBC English is not BBC Bangla
        ("https://www.dw.com/en/x", None),
        ("https://example.org/news/1", None),
        ("https://notprothomalo.com/x", None),
        ("", None),
        ("not a url at all", None),
    ],
)
def test_outlet_by_url(url: str, expected: str | None) -> None:
    found = S.outlet_by_url(url)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("নদীভাঙনে দিশেহারা চরের মানুষ – ইউ এস বাংলা নিউজ", "usbanglanews"),
        ("বাজারে চালের দাম আবার বাড়ল | প্রথম আলো", "prothomalo"),
        ("আপনার গল্প পাঠান, জাগোনিউজ২৪.কমে প্রকাশের সুযোগ নিন।", "jagonews24"),
        ("নতুন বাজেট নিয়ে আলোচনা - বাংলাদেশ প্রতিদিন", "bdpratidin"),
        ("এই প্রতিবেদন যুগান্তরের ছাপা সংস্করণে প্রকাশিত", "jugantor"),
        ("Flood waters recede in the north | The Daily Star", "dailystar"),
        ("বিস্তারিত পড়ুন www.dhakapost.com এ", "dhakapost"),
        # Everyday words that are also outlet names must not fire.
        ("বর্তমান সরকারের এই সময় নেওয়া সিদ্ধান্ত", None),
        ("ইনকিলাব মঞ্চের সমাবেশে বক্তব্য", None),
        ("", None),
    ],
)
def test_outlet_in_text(line: str, expected: str | None) -> None:
    found = S.outlet_in_text(line)
    assert (found.id if found else None) == expected


def test_outlet_in_text_prefers_longest_name() -> None:
    # বাংলা ট্রিবিউন vs nothing shorter; বিবিসি বাংলা is an outlet, বিবিসি alone is not.
    assert S.outlet_in_text("সাক্ষাৎকারটি দিয়েছেন বিবিসি বাংলাকে").id == "bbcbangla"
    assert S.outlet_in_text("সংবাদ প্রতিদিনের প্রথম পাতা").id == "sangbadpratidin"


# --------------------------------------------------------------------------
# Wire mentions


def _mentions(text: str) -> list[tuple[str, str, str]]:
    return [(m.wire_id, m.text, m.context) for m in S.find_wire_mentions(text)]


def test_inflected_wire_names() -> None:
    text = (
        "সীমান্তে গোলাগুলির কথা রয়টার্সকে নিশ্চিত করেছেন এক কর্মকর্তা। "
        "এএফপির এক আলোকচিত্রী ঘটনাস্থলে ছিলেন। "
        "আল-জাজিরার সংবাদদাতা পরে সেখানে যান। "
        "নিউ ইয়র্ক টাইমসকে দেওয়া বক্তব্যে মন্ত্রী একই দাবি করেন। "
        "আরআইএ নভোস্তির প্রতিবেদনেও বিষয়টি এসেছে।"
    )
    found = _mentions(text)
    assert [f[0] for f in found] == ["reuters", "afp", "aljazeera", "nytimes", "ria-novosti"]
    assert [f[1] for f in found] == ["রয়টার্সকে", "এএফপির", "আল-জাজিরার", "নিউ ইয়র্ক টাইমসকে", "আরআইএ নভোস্তির"]


def test_spelling_variants_and_curly_apostrophe() -> None:
    assert [w for w, _, _ in _mentions("আল জাজিরা ও আলজাজিরা দুই বানানই চলে")] == ["aljazeera", "aljazeera"]
    assert [w for w, _, _ in _mentions("নিউইয়র্ক টাইমসের সম্পাদকীয়")] == ["nytimes"]
    assert [w for w, _, _ in _mentions("এ এফ পি-র ছবি নয়, খবর")] == ["afp"]
    found = S.find_wire_mentions("ঘটনার পর মুখপাত্র বিবিসি’কে বলেন, তদন্ত চলছে।")
    assert len(found) == 1 and found[0].wire_id == "bbc" and found[0].text == "বিবিসি’কে"
    assert found[0].context == S.SOURCE


def test_descriptor_in_front_including_misspelling() -> None:
    found = S.find_wire_mentions("রাতভর সংঘর্ষের খবর দিয়েছে ব্রিটিশ বার্তা সংস্থা রয়টার্স।")
    assert found[0].wire_id == "reuters" and found[0].descriptor == "ব্রিটিশ বার্তা সংস্থা"
    found = S.find_wire_mentions("রুশ বার্তা সঙ্গাথা আরআইএ নভোস্তি জানিয়েছে, আলোচনা শেষ হয়েছে।")
    assert found[0].wire_id == "ria-novosti" and found[0].descriptor == "রুশ বার্তা সঙ্গাথা"
    assert found[0].context == S.SOURCE
    found = S.find_wire_mentions("কাতারভিত্তিক সংবাদমাধ্যম আল জাজিরা বলছে, ত্রাণ পৌঁছায়নি।")
    assert found[0].descriptor == "কাতারভিত্তিক সংবাদমাধ্যম"


def test_nfc_decomposed_and_precomposed_both_match_with_right_offsets() -> None:
    sentence = "সম্মেলনের বিষয়ে রয়টার্স বিস্তারিত জানিয়েছে।"
    decomposed = unicodedata.normalize("NFC", sentence)  # NFC splits য় into য + ়
    precomposed = decomposed.replace("\u09af\u09bc", "\u09df")
    assert decomposed != precomposed
    for text in (decomposed, precomposed):
        (m,) = S.find_wire_mentions(text)
        assert m.wire_id == "reuters" and m.context == S.SOURCE
        assert text[m.start : m.end] == m.text
        assert unicodedata.normalize("NFC", m.text) == unicodedata.normalize("NFC", "রয়টার্স")


def test_ambiguous_words_are_not_wires() -> None:
    # তাস = playing cards, তাসনিম a name, ইকোনমিস্ট an economist, PTI a party.
    text = "সন্ধ্যায় তাসের আড্ডা বসে। তাসনিম একজন ইকোনমিস্ট। পিটিআই নেতারা সমাবেশ করেন।"
    assert _mentions(text) == []
    assert [w for w, _, _ in _mentions("রুশ বার্তা সংস্থা তাসকে তিনি বলেন, সফর হবে।")] == ["tass"]


def test_contexts() -> None:
    cases = {
        "ছবি: এএফপি": S.PHOTO,
        "ফাইল ছবি: রয়টার্স": S.PHOTO,
        "নদীর তীরে ত্রাণের অপেক্ষায় মানুষ। ছবি: সংগৃহীত, এএফপি": S.PHOTO,
        "ত্রাণের লাইনে শিশুরা (ছবি: রয়টার্স)": S.PHOTO,
        "ভিডিও: আল জাজিরা": S.PHOTO,
        "Photo: AFP": S.PHOTO,
        "মিছিলের একটি দৃশ্য। এএফপি ফাইল ছবি": S.PHOTO,
        "সূত্র: এএফপি": S.SOURCE,
        "তথ্যসূত্র: বিবিসি, রয়টার্স": S.SOURCE,
        "নির্বাচনের ফল ঘোষণা হয়েছে। খবর আল-জাজিরার।": S.SOURCE,
        "কর্মকর্তারা এএফপিকে বলেছেন, আলোচনা চলবে।": S.SOURCE,
        "সিএনএনের এক প্রতিবেদনে এ তথ্য উঠে এসেছে।": S.SOURCE,
        "Two people died, according to Reuters.": S.SOURCE,
        "সিনহুয়ার একজন সাংবাদিক সম্মেলনে উপস্থিত ছিলেন।": S.MENTION,
    }
    for text, context in cases.items():
        found = S.find_wire_mentions(text)
        assert found, text
        assert found[-1].context == context, (text, found)


def test_credit_list_after_source_marker_all_count() -> None:
    found = S.find_wire_mentions("সূত্র: রয়টার্স, এএফপি ও আল জাজিরা")
    assert [(m.wire_id, m.context) for m in found] == [("reuters", "source"), ("afp", "source"), ("aljazeera", "source")]


# --------------------------------------------------------------------------
# Cited sources


def test_photo_credit_alone_is_not_a_source_but_sura_is() -> None:
    body = "পাহাড়ি ঢলে তিনটি গ্রাম প্লাবিত হয়েছে।\n\nছবি: এএফপি"
    assert S.cited_sources(body) == []
    assert S.cited_sources(body, extra_lines=["ছবি: রয়টার্স"]) == []
    assert S.cited_sources(body, extra_lines=["সূত্র: এএফপি"]) == ["afp"]


def test_cited_sources_order_dedup_and_mentions() -> None:
    body = (
        "বন্দরে জাহাজ আটকে আছে বলে জানিয়েছে আল জাজিরা। "
        "পরে বিবিসি’র এক প্রতিবেদনেও তা বলা হয়। আল-জাজিরার মতে সংকট বাড়ছে।\n\n"
        "সিনহুয়ার এক সাংবাদিকও সেখানে ছিলেন।"
    )
    assert S.cited_sources(body, extra_lines=["সূত্র: রয়টার্স"]) == ["aljazeera", "bbc", "xinhua", "reuters"]


def test_publishing_outlet_is_not_its_own_source() -> None:
    body = "সংসদ সদস্য বিবিসি বাংলাকে বলেন, আলোচনা চলছে। সূত্র: বাসস"
    assert S.cited_sources(body) == ["bbc", "bss"]
    assert S.cited_sources(body, exclude_outlet="prothomalo") == ["bbc", "bss"]
    assert S.cited_sources(body, exclude_outlet="bbcbangla") == ["bss"]
    assert S.cited_sources(body, exclude_outlet="bss") == ["bbc"]
    assert "dw" in S.wires_of_outlet("dwbangla")
    assert S.wires_of_outlet("prothomalo") == frozenset()


def test_matching_uses_regex_word_boundaries() -> None:
    # The reason for the regex module: re's \w does not cover Bengali vowel
    # signs, so a word-boundary check with re would split রয়টার্সকে.
    assert regex.fullmatch(r"\w+", "রয়টার্সকে")
    # An alias inside a longer word is not a mention.
    assert _mentions("এপিসোডের শুরুতে") == []


# --------------------------------------------------------------------------
# Real corpus


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_outlet_by_url_on_real_corpus() -> None:
    records = json.loads(CORPUS.read_text(encoding="utf-8"))

    def simple(name: str) -> str:
        s = regex.sub(r"[^a-z0-9]", "", name.casefold())
        for lead in ("the", "daily"):
            s = s.removeprefix(lead)
        return s

    found = mismatches = 0
    for rec in records:
        outlet = S.outlet_by_url(rec["url"])
        if outlet is None:
            print("no outlet:", rec["url"])
            continue
        found += 1
        names = {simple(outlet.name_en), *(simple(a) for a in outlet.aliases)}
        if simple(rec["paper_name"]) not in names:
            mismatches += 1
            print("mismatch:", rec["paper_name"], "->", outlet.name_en, rec["url"])
    assert found >= 0.95 * len(records)
    assert mismatches == 0


def test_name_matcher_finds_what_a_scan_of_every_position_finds() -> None:
    # The matcher tries names only at word starts with a known prefix (speed);
    # it must find exactly what the plain regex scan finds, on our demo pages
    # and on spellings that stress the prefix rule (glued words, spaced
    # initials, capitals, a domain, a name inside another word).
    from ghotona.demo import pages_dir
    from ghotona.text.normalize import normalize

    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(pages_dir().iterdir()) if p.is_file()]
    texts += [
        "খবর এএফপির। এ এফ পি জানায়, AFP-কে তিনি বলেন; afp.com আর REUTERS লিখেছে।",
        "আলজাজিরা, আল-জাজিরা ও আল জাজিরার প্রতিবেদনে রয়টার্সকে উদ্ধৃত করা হয়।",
        "অরয়টার্স কোনো নাম নয়; নিউইয়র্ক টাইমসের খবরে বিবিসি বাংলাকে বলা হয়",
    ]
    for matcher in (S._wire_index().matcher, S._default_index().matcher):
        for text in texts:
            fast = [(owner, m.span()) for owner, m in matcher.finditer(text)]
            scan = [(matcher.owners[S._key(m.group("name"))], m.span())
                    for m in matcher.pattern.finditer(text) if S._key(m.group("name")) in matcher.owners]
            assert fast == scan
    assert [o for o, _ in S._wire_index().matcher.finditer(texts[-3])]  # the test text does name wires
