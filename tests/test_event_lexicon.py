"""The Bengali trigger lexicon: coverage, matching and validation errors.

Every test sentence here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.lexicon import TRIGGERS_FILE, load_lexicon
from ghotona.events.ontology import load_ontology
from ghotona.langdata import data_path
from ghotona.text.normalize import normalize
from ghotona.text.segment import tokenize
from lexicon_helpers import HEADER

SHIPPED = Path(data_path(TRIGGERS_FILE))


def found(lex, sentence: str, **kw) -> list[tuple[str, str | None, str | None]]:
    """(surface text, type, mode) of every match, checking the offsets on the way."""
    text = normalize(sentence)
    out = []
    for m in lex.match(text, **kw):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.type, m.mode))
    return out


def types_in(lex, sentence: str) -> list[str | None]:
    return [t for _, t, _ in found(lex, sentence)]


# --------------------------------------------------------------------------
# Coverage


def test_every_type_has_entries(lex) -> None:
    counts = lex.counts()
    assert set(counts) == set(load_ontology().types)
    assert min(counts.values()) >= 8, counts
    assert sum(counts.values()) >= 300


def test_entries_are_normalised_and_modes_belong_to_their_type(lex) -> None:
    onto = load_ontology()
    for e in lex.entries:
        assert e.text == normalize(e.text)
        if e.type is not None:
            assert onto.is_valid(e.type, e.mode), e
            assert isinstance(e.symmetric, bool)


# --------------------------------------------------------------------------
# Matching


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("শহরের বাজারে হামলায় দুজন আহত হয়েছেন।", ("হামলায়", "ASSAULT")),
        ("বৈঠকের পর কোনো বিবৃতি আসেনি।", ("বৈঠকের", "CONSULT")),
        ("নিষেধাজ্ঞার ফলে রপ্তানিকারকেরা বিপাকে।", ("নিষেধাজ্ঞার", "SANCTION")),
        ("চুক্তিটি আগামী বছর কার্যকর হবে।", ("চুক্তিটি", "AGREE")),
        ("সফরেও দুই দেশের বাণিজ্য নিয়ে কথা হয়।", ("সফরেও", "CONSULT")),
    ],
)
def test_inflected_nouns(lex, sentence: str, expected: tuple[str, str]) -> None:
    assert expected in [(t, ty) for t, ty, _ in found(lex, sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("সীমান্তে রক্ষীরা গুলি ছুড়েছে।", ("গুলি ছুড়েছে", "ASSAULT", "firearms")),
        ("তারা প্রতিদিন ক্ষেপণাস্ত্র ছোড়ে।", ("ক্ষেপণাস্ত্র ছোড়ে", "ASSAULT", "heavy-weapons")),
        ("বাহিনী এলাকা থেকে সেনা সরিয়ে নিয়েছে।", ("সেনা সরিয়ে নিয়েছে", "RETREAT", "withdraw")),
        ("মন্ত্রী প্রকাশ্যে ক্ষমা চেয়েছেন।", ("ক্ষমা চেয়েছেন", "CONCEDE", None)),
        ("সরকার দাবি মেনে নেবে বলে জানা গেছে।", ("দাবি মেনে নেবে", "CONCEDE", None)),
        ("দেশটি জাতিসংঘের কাছে সহায়তা চেয়েছে।", ("সহায়তা চেয়েছে", "REQUEST", "assist")),
    ],
)
def test_verb_forms(lex, sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in found(lex, sentence)


def test_the_longest_phrase_wins(lex) -> None:
    assert found(lex, "রাতভর ড্রোন হামলায় বিদ্যুৎকেন্দ্র বন্ধ।")[0] == ("ড্রোন হামলায়", "ASSAULT", "drone")
    assert found(lex, "রাজধানীতে বিমান হামলা হয়েছে।")[0] == ("বিমান হামলা", "ASSAULT", "aerial")
    assert found(lex, "ইউরোপ নিষেধাজ্ঞা প্রত্যাহার করেছে।")[0][1] == "CONCEDE"
    assert found(lex, "সীমান্ত থেকে সেনা প্রত্যাহার শুরু।")[0][1:] == ("RETREAT", "withdraw")
    assert found(lex, "দলটি জোট সরকারের প্রতি সমর্থন প্রত্যাহার করেছে।")[0][1:] == ("SANCTION", "withdraw")
    # three words beat two: the threat is of tariffs, not the tariffs themselves
    assert found(lex, "তিনি শুল্ক আরোপের হুমকি দেন।")[0] == ("শুল্ক আরোপের হুমকি", "THREATEN", "restrict")


def test_between_equal_lengths_the_later_head_wins(lex) -> None:
    # ভিসা নিষেধাজ্ঞা and নিষেধাজ্ঞা প্রত্যাহার overlap; the head (প্রত্যাহার) comes last
    assert types_in(lex, "ভিসা নিষেধাজ্ঞা প্রত্যাহার করা হয়েছে।") == ["CONCEDE"]
    assert found(lex, "দেশটি মানবিক সহায়তা চেয়েছে।") == [("সহায়তা চেয়েছে", "REQUEST", "assist")]


@pytest.mark.parametrize(
    "sentence",
    [
        "হামলাকারীরা পালিয়ে গেছে।",          # হামলা + কারী is another word
        "গুলিস্তানে যানজট ছিল।",              # a place, not গুলি
        "চুক্তিভিত্তিক কর্মীরা বেতন পাননি।",   # চুক্তি + ভিত্তিক
        "বোমারু বিমানটি ঘাঁটিতে ফিরেছে।",      # bomber, not বোমা
        "ত্রাণকর্তা হিসেবে তাকে দেখা হয়।",      # ত্রাণ + কর্তা
    ],
)
def test_no_match_inside_another_word(lex, sentence: str) -> None:
    text = normalize(sentence)
    first_word = text.split()[0]
    assert all(m.text != first_word for m in lex.match(text)), lex.match(text)
    assert not any(m.start == 0 for m in lex.match(text))


def test_light_verbs(lex) -> None:
    m = lex.match(normalize("ঢাকা প্রস্তাবটির প্রতি সমর্থন জানিয়েছে।"))
    assert [(x.type, x.light_verb.lemma if x.light_verb else None) for x in m] == [("SUPPORT", "জানানো")]
    # সমর্থনে = "in support of": no light verb, no SUPPORT; the march is the event
    assert types_in(lex, "সংস্কারের সমর্থনে মিছিল হয়েছে।") == ["PROTEST"]
    assert "SUPPORT" in [x.type for x in lex.match(normalize("সংস্কারের সমর্থনে মিছিল হয়েছে।"), require_light_verb=False)]
    # the করা belongs to আলোচনা, not to সহযোগিতা
    assert found(lex, "দুই দেশ সহযোগিতা নিয়ে আলোচনা করেছে।") == [("আলোচনা", "CONSULT", None)]
    # দাবি করা is "to claim": not a demand; দাবি জানানো is
    assert types_in(lex, "সংগঠনটি হামলার দায় স্বীকারের দাবি করেছে।") == ["ASSAULT"]
    assert types_in(lex, "শ্রমিকেরা মজুরি বাড়ানোর দাবি জানিয়েছেন।") == ["REQUEST"]
    # punctuation ends the clause
    assert types_in(lex, "আলোচনা, তারপর ভোট হয়েছে।") == []


def test_blockers_and_exceptions(lex) -> None:
    assert found(lex, "সংবাদ সম্মেলনে তিনি এ কথা বলেন।") == []
    assert found(lex, "সড়ক দুর্ঘটনায় নিহত তিনজনের পরিচয় মেলেনি।") == []
    assert types_in(lex, "শীর্ষ সম্মেলনে দশটি দেশ অংশ নেয়।") == ["CONSULT"]
    assert found(lex, "বন্যায় আটকে পড়া মানুষেরা খাবার পাননি।") == []
    assert types_in(lex, "পুলিশ তাকে আটক করেছে।") == ["COERCE"]


def test_phone_mode_and_symmetric_flag(lex) -> None:
    m = lex.match(normalize("দুই প্রেসিডেন্টের ফোনালাপে বাণিজ্য প্রসঙ্গ ওঠে।"))
    assert [(x.type, x.mode, x.entry.symmetric) for x in m] == [("CONSULT", "phone", True)]
    m = lex.match(normalize("সংস্থাটি বন্যার্তদের ত্রাণ দিয়েছে।"))
    assert [(x.type, x.entry.symmetric) for x in m] == [("AID", False)]


def test_tokens_keep_their_own_offsets(lex) -> None:
    text = normalize("সীমান্তে হামলা হয়েছে।")
    toks = tokenize(text, offset=100)
    (m,) = lex.match(toks)
    assert (m.start, m.end, m.text) == (109, 114, "হামলা")
    assert (m.token_start, m.token_end) == (1, 2)


def test_precomposed_ya_matches_after_normalising(lex) -> None:
    # U+09DF (precomposed য়) as some pages type it
    raw = "রাতের হামলা\u09df বাড়ি পুড়েছে।"
    assert types_in(lex, raw) == ["ASSAULT"]


# --------------------------------------------------------------------------
# Validation errors name the file and the line


def _load(tmp_path: Path, body: str):
    path = tmp_path / "triggers.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    return load_lexicon(str(path), load_ontology())


def _fails(tmp_path: Path, body: str, line: int, *phrases: str) -> None:
    with pytest.raises(LanguageDataError) as info:
        _load(tmp_path, body)
    msg = str(info.value)
    assert str(tmp_path / "triggers.yaml") in msg and f"line {line}" in msg, msg
    for p in phrases:
        assert p in msg, msg


FIRST = len(HEADER.splitlines()) + 1  # the line of the first entry


def test_a_minimal_file_loads(tmp_path: Path) -> None:
    lex = _load(tmp_path, "  - {text: বৈঠক, kind: noun, type: CONSULT, mode: null, symmetric: true}\n")
    assert [m.text for m in lex.match("বৈঠকটি হয়েছে")] == ["বৈঠকটি"]


def test_duplicate_text_names_both_lines(tmp_path: Path) -> None:
    body = (
        "  - {text: বৈঠক, kind: noun, type: CONSULT, mode: null, symmetric: true}\n"
        "  - {text: হামলা, kind: noun, type: ASSAULT, mode: null, symmetric: false}\n"
        "  - {text: বৈঠক, kind: noun, type: CONSULT, mode: phone, symmetric: true}\n"
    )
    _fails(tmp_path, body, FIRST + 2, "'বৈঠক' is listed twice", f"also at line {FIRST}")


@pytest.mark.parametrize(
    ("entry", "phrase"),
    [
        ("{text: বৈঠক, kind: noun, type: MEET, mode: null, symmetric: true}", "unknown type 'MEET'"),
        ("{text: বৈঠক, kind: noun, type: DEMAND, mode: null, symmetric: true}", "(write REQUEST)"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, mode: aerial, symmetric: true}", "'aerial' is not a mode of CONSULT"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, mode: null, symmetric: true, contexts: [sports]}", "unknown context 'sports'"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, mode: null, symmetric: true, light_verbs: [বসা]}", "light verb 'বসা' is not a key"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, mode: null, symmetric: true, colour: red}", "unknown key(s) ['colour']"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, symmetric: true}", "missing required key 'mode'"),
        ("{text: বৈঠক, kind: noun, type: CONSULT, mode: null}", "'symmetric' should be true or false"),
        ("{text: বৈঠক, kind: adverb, type: CONSULT, mode: null, symmetric: true}", "kind 'adverb'"),
        ("{text: বৈঠক।, kind: noun, type: CONSULT, mode: null, symmetric: true}", "not one token"),
        ("{text: সংবাদ সম্মেলন, kind: noun, type: null}", "needs a 'note'"),
        ("{text: সংবাদ সম্মেলন, kind: noun, type: null, mode: phone, note: x}", "cannot have 'mode'"),
    ],
)
def test_bad_entries(tmp_path: Path, entry: str, phrase: str) -> None:
    _fails(tmp_path, f"  - {entry}\n", FIRST, phrase)


def test_shipped_file_header_explains_the_schema() -> None:
    head = SHIPPED.read_text(encoding="utf-8")[:3000]
    for key in ("kind", "symmetric", "light_verbs", "except", "BLOCKER"):
        assert key in head


def test_the_bounded_key_cache_changes_no_match(monkeypatch) -> None:
    import dataclasses

    from ghotona.events import lexicon as lexicon_mod

    sentences = [normalize(s) for s in (
        "দুই দেশের প্রধানমন্ত্রী বৈঠক করেছেন এবং বাণিজ্য চুক্তি সই করেছেন।",
        "সীমান্তে হামলা চালায় সশস্ত্র গোষ্ঠী, পরে নিষেধাজ্ঞা প্রত্যাহার করা হয়।",
        "মন্ত্রী টেলিফোনে তাঁর সমকক্ষের সঙ্গে কথা বলেছেন।",
    )]
    fresh = load_lexicon()
    expected = [[(m.start, m.end, m.type) for m in fresh.match(s)] for s in sentences]
    monkeypatch.setattr(lexicon_mod, "_KEY_CACHE_SIZE", 3)  # cleared again and again
    small = dataclasses.replace(fresh)  # a new lexicon of the same entries, with its own cache
    for _ in range(2):
        assert [[(m.start, m.end, m.type) for m in small.match(s)] for s in sentences] == expected
    assert len(small._key_cache) <= 3
    assert any(expected)
