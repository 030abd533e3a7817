"""Attribution: whom a sentence cites.  Every sentence here is written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ghotona.actors.link import find_actors
from ghotona.attribution import (
    article_attributions,
    claimant,
    find_attributions,
    load_attribution_data,
    read_located,
    validate,
)
from ghotona.claims import article_from_text, find_claims
from ghotona.errors import LanguageDataError
from ghotona.langdata import data_path
from ghotona.text.normalize import normalize

DAY = date(2025, 7, 10)


def cite(sentence: str, wire_sources: tuple[str, ...] = (), outlet_id: str | None = None):
    s = normalize(sentence)
    return find_attributions(s, 0, find_actors(s, DAY), wire_sources, outlet_id=outlet_id)


def summary(sentence: str, **kw) -> list[tuple[str, str, str | None, str, bool]]:
    return [(a.text, a.kind, a.name_en or a.label, a.cue, a.claim) for a in cite(sentence, **kw)]


# --------------------------------------------------------------------------
# One sentence


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a wire as the subject of a report verb
        ("রয়টার্স জানিয়েছে, দুই দেশের আলোচনা আবার শুরু হবে।",
         [("রয়টার্স", "wire", "Reuters", "জানিয়েছে", False)]),
        # verb first, subject after it, with the wire's descriptor in the span
        ("আলোচনা আবার শুরু হবে, জানিয়েছে বার্তা সংস্থা এএফপি।",
         [("বার্তা সংস্থা এএফপি", "wire", "Agence France-Presse", "জানিয়েছে", False)]),
        # a genitive source before a frame, and the wire relaying it
        ("ক্রেমলিনের বরাতে রয়টার্স জানিয়েছে, বৈঠকটি পিছিয়েছে।",
         [("ক্রেমলিনের", "actor", "Presidential Administration of Russia", "বরাতে", False),
          ("রয়টার্স", "wire", "Reuters", "জানিয়েছে", False)]),
        # a city as a speaker is its country's government
        ("সিউলের মতে, সীমান্তে নতুন করে সেনা জড়ো করা হচ্ছে।",
         [("সিউলের", "actor", "South Korea", "মতে", False)]),
        # an organisation in the genitive before "তথ্য অনুযায়ী"
        ("দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থার তথ্য অনুযায়ী, মহড়া আরও বড় হবে।",
         [("দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থার", "actor", "National Intelligence Service (South Korea)", "তথ্য অনুযায়ী", False)]),
        # an unnamed official with a demonym: the country is the affiliation
        ("মার্কিন এক কর্মকর্তার বরাত দিয়ে সিএনএন এ খবর দিয়েছে।",
         [("মার্কিন এক কর্মকর্তার", "official-unnamed", "~officials", "বরাত দিয়ে", False),
          ("সিএনএন", "media", "CNN", "খবর দিয়েছে", False)]),
        # a claim verb
        ("ব্রিটিশ প্রতিরক্ষা গোয়েন্দা বিভাগ দাবি করেছে, ক্ষয়ক্ষতি অনেক বেশি।",
         [("ব্রিটিশ প্রতিরক্ষা গোয়েন্দা বিভাগ", "actor", "Defence Intelligence", "দাবি করেছে", True)]),
        # an unnamed source as the frame itself
        ("কূটনৈতিক সূত্রে জানা গেছে, বৈঠকের তারিখ ঠিক হয়নি।",
         [("কূটনৈতিক সূত্রে", "official-unnamed", "~officials", "সূত্রে", False)]),
        # a wire's report
        ("রয়টার্সের এক প্রতিবেদনে বলা হয়েছে, আলোচনা ভেস্তে গেছে।",
         [("রয়টার্সের", "wire", "Reuters", "প্রতিবেদনে", False)]),
        # a report without an owner cites the document
        ("এক প্রতিবেদনে বলা হয়েছে, আলোচনা ভেস্তে গেছে।",
         [("এক প্রতিবেদনে", "document", "~report", "প্রতিবেদনে", False)]),
        # "এক বিবৃতিতে X জানায়": the statement's author, not the statement
        ("এক বিবৃতিতে রাশিয়া জানায়, মহড়া চলবে।",
         [("রাশিয়া", "actor", "Russia", "জানায়", False)]),
        # a role and the name after it are one source
        ("রুশ পররাষ্ট্রমন্ত্রী সের্গেই লাভরভ বলেন, আলোচনা চলবে।",
         [("রুশ পররাষ্ট্রমন্ত্রী সের্গেই লাভরভ", "actor", "Sergey Lavrov", "বলেন", False)]),
        # apposition: the spokesman's name beats the word "spokesman"
        ("পুতিনের মুখপাত্র দিমিত্রি পেসকভ বলেন, বৈঠক হবে।",
         [("দিমিত্রি পেসকভ", "actor", "Dmitry Peskov", "বলেন", False)]),
        # two subjects
        ("এদিকে ইরান ও রাশিয়া জানিয়েছে, মহড়া চলবে।",
         [("ইরান", "actor", "Iran", "জানিয়েছে", False), ("রাশিয়া", "actor", "Russia", "জানিয়েছে", False)]),
        # a bare name listed before a genitive source shares its frame (session 31)
        ("ইরান ও রুশ গোয়েন্দা সংস্থার তথ্যমতে, সীমান্তে নতুন করে সেনা জড়ো হচ্ছে।",
         [("ইরান", "actor", "Iran", "তথ্যমতে", False),
          ("রুশ গোয়েন্দা সংস্থার", "official-unnamed", "~intelligence", "তথ্যমতে", False)]),
        # a lead before the source
        ("খবর রয়টার্সের।", [("রয়টার্সের", "wire", "Reuters", "খবর", False)]),
        # after "বলে" the subject follows the verb
        ("আলোচনা চলবে বলে জানিয়েছেন রুশ পররাষ্ট্রমন্ত্রী।",
         [("রুশ পররাষ্ট্রমন্ত্রী", "actor", "Sergey Lavrov", "জানিয়েছেন", False)]),
        # greetings cite nobody; the object of a verb is not its source
        ("পুতিন ট্রাম্পকে শুভেচ্ছা জানান।", []),
        ("শুক্রবার সকালে দুই দেশের সেনারা মহড়া শুরু করে।", []),
    ],
)
def test_sentence_sources(sentence: str, expected: list) -> None:
    assert summary(sentence) == expected


def test_unnamed_affiliation_and_offsets() -> None:
    s = normalize("সীমান্তে উত্তেজনা। মার্কিন এক কর্মকর্তার বরাত দিয়ে সিএনএন এ খবর দিয়েছে।")
    start = s.index("মার্কিন")
    sent = s[start:]
    (a, b) = find_attributions(sent, start, find_actors(s, DAY), ())
    assert a.affiliation == "United States"
    assert s[a.start:a.end] == a.text and s[a.cue_start:a.cue_end] == a.cue
    assert (a.sentence_start, a.sentence_end) == (start, len(s))
    assert b.name_en == "CNN" and b.kind == "media"


def test_an_unnamed_source_noun_heading_a_compound_keeps_its_owner() -> None:
    # "ইউক্রেনের জরুরি সেবা দপ্তর": the genitive before the compound is whose office speaks,
    # so the name is part of the source, not a party of what it reports
    s = normalize("হামলায় ৯ জন নিহত হয়েছেন বলে ইউক্রেনের জরুরি সেবা দপ্তর জানিয়েছে।")
    (a,) = find_attributions(s, 0, find_actors(s, DAY), ())
    assert (a.text, a.affiliation, a.label) == ("ইউক্রেনের জরুরি সেবা দপ্তর", "Ukraine", "~officials")


def test_a_word_in_a_case_between_a_name_and_a_source_noun_keeps_them_apart() -> None:
    # guard: "রাশিয়ার হামলার পর কর্মকর্তারা": the name belongs to the attack, not to the officials
    s = normalize("রাশিয়ার হামলার পর কর্মকর্তারা জানিয়েছেন, সীমান্ত বন্ধ রয়েছে।")
    (a,) = find_attributions(s, 0, find_actors(s, DAY), ())
    assert (a.text, a.affiliation) == ("কর্মকর্তারা", None)


def test_anaphora_resolves_to_the_only_wire() -> None:
    found = cite("বার্তা সংস্থাটি জানিয়েছে, সীমান্ত বন্ধ রয়েছে।", wire_sources=("reuters",))
    assert [(a.kind, a.wire_id) for a in found] == [("wire", "reuters")]
    # With two wires cited, "the agency" stays an unnamed medium.
    (a,) = cite("বার্তা সংস্থাটি জানিয়েছে, সীমান্ত বন্ধ রয়েছে।", wire_sources=("reuters", "afp"))
    assert (a.kind, a.wire_id, a.label) == ("media", None, "~media")


def test_pronoun_needs_the_article() -> None:
    (a,) = cite("তিনি বলেন, সীমান্ত বন্ধ রয়েছে।")
    assert a.how == "pronoun" and a.actor_id is None


# --------------------------------------------------------------------------
# Article level


def test_pronoun_and_quotation_resolved_in_article() -> None:
    text = (
        "রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন বৃহস্পতিবার মস্কোয় সাংবাদিকদের সঙ্গে কথা বলেন। "
        "তিনি বলেন, সীমান্তে নতুন সেনা পাঠানো হবে।\n"
        "‘আমরা তৈরি। আমরা কারও ভয় পাই না’, বলেন ইউক্রেনের প্রেসিডেন্ট ভলোদিমির জেলেনস্কি।"
    )
    art = article_from_text(text, "2025-07-10")
    found = article_attributions(art)
    by_how = {(a.how, a.name_en) for a in found}
    assert ("pronoun", "Vladimir Putin") in by_how
    # The first sentence of the quotation has no verb; it takes the speaker of the quotation.
    quoted = [a for a in found if a.how == "quote"]
    assert [a.name_en for a in quoted] == ["Volodymyr Zelenskyy"]
    assert art.body[quoted[0].sentence_start:quoted[0].sentence_end].startswith("‘আমরা তৈরি")


def test_a_pointing_phrase_is_the_person_last_cited() -> None:
    # "এ নেতা" / "ওই প্রার্থী" stand for the person named before, like তিনি;
    # লেখেন (writes) cites like বলেন.
    text = (
        "শ্রম উপদেষ্টা আসিফ নজরুল রোববার এক ফেসবুক পোস্টে লেখেন, মজুরি বোর্ড শিগগির বসবে। "
        "এ উপদেষ্টা আরও লেখেন, অন্তত ৪০টি কারখানা বকেয়া বেতন দিয়েছে।"
    )
    art = article_from_text(text, "2025-07-10")
    found = article_attributions(art)
    assert [(a.how, a.name_en) for a in found] == [("verb", "Asif Nazrul"), ("pronoun", "Asif Nazrul")]
    (claim,) = find_claims(art, found)
    assert claim.claimant == "Asif Nazrul"


def test_a_pointing_phrase_needs_a_person_noun() -> None:
    # "এ সময়" (at this time) is no speaker: the subject is still found after the verb.
    s = normalize("এ সময় মন্ত্রণালয়ের মুখপাত্র বলেন, আলোচনা চলবে।")
    found = find_attributions(s, 0, find_actors(s, DAY), ())
    assert [a.how for a in found] != ["pronoun"] and all(a.text != "এ সময়" for a in found)


def test_plural_pronoun_is_not_a_person() -> None:
    text = "দেশটির কর্মকর্তারা জানান, সীমান্ত বন্ধ। পরে তারা বলেন, আলোচনা চলবে।"
    found = article_attributions(article_from_text(text, "2025-07-10"))
    assert [(a.how, a.label) for a in found] == [("verb", "~officials"), ("pronoun", "~officials")]


def test_claimant_prefers_the_original_source() -> None:
    s = normalize("ক্রেমলিনের বরাতে রয়টার্স জানিয়েছে, অন্তত ২০ জন আহত হয়েছেন।")
    found = find_attributions(s, 0, find_actors(s, DAY), ())
    assert claimant(found, s.index("অন্তত")).name_en == "Presidential Administration of Russia"
    assert claimant([], 0) is None


def test_outlet_citing_itself() -> None:
    # BBC Bangla's own name in a BBC Bangla article is the outlet, not a cited medium.
    found = cite("বিবিসি জানিয়েছে, সীমান্ত বন্ধ রয়েছে।", outlet_id="bbcbangla")
    assert [a.kind for a in found] == ["outlet"]


# --------------------------------------------------------------------------
# Data


def test_shipped_data_loads() -> None:
    d = load_attribution_data()
    assert d.verbs[normalize("দাবি করেছে")] is True and d.verbs[normalize("জানিয়েছে")] is False
    assert {u.kind for u in d.unnamed} <= {"official-unnamed", "media", "document"}


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("  - {form: বরাতে}", "  - {form: বরাতে, claimm: true}", "unknown key"),
        ("  - {form: কর্মকর্তা, kind: official-unnamed, label: \"~officials\"}",
         "  - {form: কর্মকর্তা, kind: official, label: \"~officials\"}", "kind 'official'"),
        ("  - {form: পুলিশ, kind: official-unnamed, label: \"~police\"}",
         "  - {form: পুলিশ, kind: official-unnamed, label: \"police\"}", "should start with '~'"),
        ("leads: [খবর, সূত্র, তথ্যসূত্র]", "leads: [খবর, খবর]", "twice"),
    ],
)
def test_bad_data_names_file_and_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = Path(data_path("attribution.yaml")).read_text("utf-8")
    assert old in text
    bad = tmp_path / "attribution.yaml"
    bad.write_text(text.replace(old, new), "utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(LanguageDataError) as exc:
        validate(read_located(str(bad)), str(bad))
    assert str(bad) in str(exc.value) and f"line {line}" in str(exc.value) and message in str(exc.value)


def test_a_place_opening_a_title_chain_is_not_the_speaker() -> None:
    # "Mymensingh South district BNP member Dr. X said": X speaks.  Taking the district
    # made the speaker Bangladesh's government (a city that speaks is its country).
    s = "ময়মনসিংহ দক্ষিণ জেলা বিএনপির সদস্য ডা. মোফাখারুল ইসলাম রানা বলেন, দল সিদ্ধান্ত নেবে।"
    found = find_attributions(s, 0, find_actors(s, None))
    assert [(a.text, a.name_en) for a in found] == [("ডা. মোফাখারুল ইসলাম রানা", None)]
    s = "মস্কো ও তেহরান জানিয়েছে, চুক্তি হবে।"  # places that are the subject still speak
    assert [a.name_en for a in find_attributions(s, 0, find_actors(s, None))] == ["Russia", "Iran"]
