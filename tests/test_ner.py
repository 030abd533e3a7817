"""The Bengali NER tagger (ghotona.actors.ner) and its evaluation (ghotona.evaluate.ner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ghotona.actors.ner import (
    Lexicon,
    LexiconError,
    NerTagger,
    bio_spans,
    default_model_path,
    from_bilou,
    lexicon_path,
    repair_bio,
    to_bilou,
    token_features,
    tokenize,
)
from ghotona.evaluate import ner as ev


def _shared_ner() -> Path | None:
    folder = ev.ner_dir()
    return folder if (folder / "banglakit_main.jsonl").is_file() and (folder / "rifat_train.txt").is_file() else None


# ---------------------------------------------------------------------------
# Tokeniser
# ---------------------------------------------------------------------------


def test_tokenize_offsets_and_punctuation():
    text = "রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বলেন, ‘আমরা প্রস্তুত।’ (রয়টার্স)"
    toks = tokenize(text)
    assert all(text[s:e] == w for w, s, e in toks)
    assert [t[0] for t in toks] == [
        "রুশ", "পররাষ্ট্রমন্ত্রী", "সের্গেই", "ল্যাভরভ", "বলেন", ",", "‘", "আমরা", "প্রস্তুত", "।", "’",
        "(", "রয়টার্স", ")",
    ]


def test_tokenize_spacy_details():
    words = [t[0] for t in tokenize("ঢাকার আদালত-৩-এর বিচারক মো. নূর আলী ১৫,০০০ টাকা দেন।")]
    assert words == ["ঢাকার", "আদালত", "-", "৩", "-", "এর", "বিচারক", "মো.", "নূর", "আলী", "১৫", ",", "০০০",
                     "টাকা", "দেন", "।"]
    # spaCy keeps extra whitespace as tokens; only training asks for them
    assert [t[0] for t in tokenize("ক  খ", keep_space=True)] == ["ক", " ", "খ"]
    assert [t[0] for t in tokenize("ক  খ")] == ["ক", "খ"]
    assert tokenize("") == [] and tokenize("   ") == []


# ---------------------------------------------------------------------------
# Tagger
# ---------------------------------------------------------------------------


def test_shipped_model_present_and_small():
    path = default_model_path()
    assert path.is_file()
    assert path.stat().st_size < 8_000_000
    assert (path.parent / "NER_MODEL.md").is_file()
    lex = lexicon_path(path)
    assert lex.name == "ner_crf.lexicon.json" and lex.stat().st_size < 2_000_000
    tagger = NerTagger.load()
    assert tagger.styles == ("banglakit", "rifat")
    assert tagger.lexicon.default_style is None  # the pipeline tags without style
    assert tagger.lexicon.labels == "BILOU"
    assert len(tagger.lexicon.gazetteer) > 1000 and len(tagger.lexicon.clusters) > 1000


def test_load_is_cached_and_lazy():
    a = NerTagger.load()
    assert NerTagger.load() is a
    assert NerTagger.load(default_model_path()) is a


def test_tag_gives_bio_labels():
    tagger = NerTagger.load()
    toks = [t[0] for t in tokenize("প্রধানমন্ত্রী শেখ হাসিনা আজ ঢাকায় আওয়ামী লীগের সভায় বক্তব্য দেন।")]
    labels = tagger.tag(toks)
    assert len(labels) == len(toks)
    assert set(labels) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}
    assert repair_bio(labels) == labels
    spans = {(" ".join(toks[a:b]), t) for a, b, t in bio_spans(labels)}
    assert ("শেখ হাসিনা", "PER") in spans
    assert tagger.tag([]) == []


SENTENCES = [
    "প্রধানমন্ত্রী শেখ হাসিনা আজ ঢাকায় আওয়ামী লীগের এক সভায় বক্তব্য দেন।",
    "রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বলেন, ‘যুক্তরাষ্ট্রের সঙ্গে আলোচনা চলবে।’",
    "চট্টগ্রামের  পটিয়া উপজেলায় গতকাল বিএনপির কর্মীদের সঙ্গে পুলিশের সংঘর্ষ হয়।\nভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি ঢাকা সফরে আসছেন।",
    "জাতিসংঘের মহাসচিব আন্তোনিও গুতেরেস (৭৫) বলেছেন, গাজায় যুদ্ধবিরতি জরুরি।",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_entities_offsets_are_exact(text):
    ents = NerTagger.load().entities(text)
    assert ents, "expected at least one entity"
    prev_end = 0
    for start, end, typ in ents:
        assert typ in ("PER", "ORG", "LOC")
        assert 0 <= start < end <= len(text)
        assert start >= prev_end  # sorted, non-overlapping
        surface = text[start:end]
        assert surface == surface.strip() and surface
        assert "\n" not in surface
        prev_end = end


def test_entities_find_known_names():
    tagger = NerTagger.load()
    found = {(SENTENCES[0][s:e], t) for s, e, t in tagger.entities(SENTENCES[0])}
    assert ("শেখ হাসিনা", "PER") in found
    found = {(SENTENCES[2][s:e], t) for s, e, t in tagger.entities(SENTENCES[2])}
    assert ("চট্টগ্রামের", "LOC") in found and ("ভারতের", "LOC") in found
    assert ("বিএনপির", "ORG") in found
    scored = tagger.scored_entities(SENTENCES[0])
    assert [x[:3] for x in scored] == tagger.entities(SENTENCES[0])
    assert all(0.0 < x[3] <= 1.0 for x in scored)
    assert tagger.entities("") == []


def test_features_are_strings_and_handle_odd_tokens():
    feats = token_features(["পুতিনের", "ABC", "১২৩", "।", "\u200c"])
    assert len(feats) == 5
    assert all(isinstance(f, str) for row in feats for f in row)
    assert "b=পুতিন" in feats[0] and "end=ের" in feats[0]
    assert "bndigit" in feats[2]


def test_inflected_and_bare_word_share_the_base_suffix_features():
    # a place name in the locative and bare: the word's own suffixes (s1-s4)
    # differ, the base form's last letters are shared
    inflected, bare, short = token_features(["রহিমগঞ্জে", "রহিমগঞ্জ", "ও"])
    assert "s3=্জে" in inflected and "s3=্জে" not in bare
    shared = {f for f in inflected if f.startswith("bs")} & {f for f in bare if f.startswith("bs")}
    assert shared == {"bs2=্জ", "bs3=ঞ্জ", "bs4=গঞ্জ"}
    assert not any(f.startswith("bs") for f in short)  # too short to have a base ending

def test_styles_change_features_and_unknown_style_is_an_error():
    tagger = NerTagger.load()
    toks = ["পুলিশ", "জানায়", "।"]
    plain = token_features(toks, tagger.lexicon)
    styled = tagger.features(toks, "rifat")
    assert "@rifat" in styled[0] and "@rifat:w=পুলিশ" in styled[0]
    assert set(plain[0]) < set(styled[0])
    assert tagger.features(toks) == plain  # the default: no style
    assert len(tagger.tag(toks, style="rifat")) == 3
    with pytest.raises(ValueError, match="knows: banglakit, rifat"):
        tagger.tag(toks, style="conll")


def _lexicon() -> Lexicon:
    return Lexicon(
        gazetteer={("পুতিন",): ("PER",), ("আওয়ামী", "লীগ"): ("ORG",), ("জর্জিয়া",): ("LOC", "PER")},
        clusters={"ঢাকা": (1, 7)},
        cluster_sizes=(4, 16),
        styles=("a", "b"),
        default_style="a",
        style_features=("w=", "gz"),
        labels="BILOU",
        o_weight=0.5,
    )


def test_gazetteer_cluster_and_style_features():
    lex = _lexicon()
    toks = ["পুতিনের", "সঙ্গে", "আওয়ামী", "লীগের", "নেতারা", "ঢাকা", "জর্জিয়া"]
    f = token_features(toks, lex, "b")
    assert "gzB-PER" in f[0] and "gz1-PER" in f[0]  # inflected one-word name
    assert not any(x.startswith("gz") for x in f[1])
    assert "gzB-ORG" in f[2] and "gzI-ORG" in f[3]  # inflected last word of a two-word name
    assert not any(x.startswith("gz") for x in f[4])
    assert "c4=1" in f[5] and "c16=7" in f[5]
    assert {"gzB-LOC", "gzB-PER", "gzamb"} <= set(f[6])
    assert "@b:w=সঙ্গে" in f[1] and "@b:gzB-PER" in f[0] and "@b" in f[1]
    assert not any(x.startswith("@b:c") for x in f[5])  # clusters are not among style_features
    assert token_features(toks) == token_features(toks, Lexicon())  # no lexicon: base features only


def test_lexicon_round_trip_and_errors(tmp_path):
    lex = _lexicon()
    path = tmp_path / "m.lexicon.json"
    lex.write(path, about="test")
    back = Lexicon.read(path)
    assert back == lex
    assert back.gazetteer[("জর্জিয়া",)] == ("LOC", "PER")
    good = json.loads(path.read_text("utf-8"))
    for key, value, message in [
        ("format", 99, "format"),
        ("labels", "IOB2", "BIO or BILOU"),
        ("default_style", "c", "not one of styles"),
        ("o_weight", 0, "o_weight"),
        ("gazetteer", {"MISC": ["ক"]}, "gazetteer"),
        ("clusters", {"ক": [1]}, "2 integer ids"),
        ("surprise", 1, "unknown key"),
    ]:
        bad = dict(good, **{key: value})
        path.write_text(json.dumps(bad, ensure_ascii=False), "utf-8")
        with pytest.raises(LexiconError, match=message) as err:
            Lexicon.read(path)
        assert str(path) in str(err.value) and "train_ner.py" in str(err.value)
    path.write_text("{", "utf-8")
    with pytest.raises(LexiconError, match="not valid JSON"):
        Lexicon.read(path)


def test_bilou_round_trip():
    bio = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"]
    bilou = to_bilou(bio)
    assert bilou == ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG", "O"]
    assert from_bilou(bilou) == bio


def test_marginal_decoding_recalls_at_least_as_much():
    tagger = NerTagger.load()
    toks = [t[0] for t in tokenize(SENTENCES[2])]
    saved = tagger.o_weight
    try:
        tagger.o_weight = 1.0
        viterbi = bio_spans(tagger.tag(toks))
        tagger.o_weight = 0.05  # O almost never wins: more tokens end up in entities
        eager = tagger.tag(toks)
    finally:
        tagger.o_weight = saved
    assert repair_bio(eager) == eager
    covered = {i for a, b, _ in viterbi for i in range(a, b)}
    assert covered <= {i for i, lab in enumerate(eager) if lab != "O"}


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        NerTagger(tmp_path / "nope.crfsuite").tag(["ক"])


# ---------------------------------------------------------------------------
# Evaluation helpers
# ---------------------------------------------------------------------------


def test_read_conll_bio_bilou_and_empty_labels(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(
        "\ufeffক\tB-PERSON\nখ\tL-PERSON\nগ\tO\nঘ\tU-GPE\nঙ\tB-DATE\nচ\t\nছ\n\n"
        "জ\tI-PER\nঝ\tI-PER\nঞ\tB-LOC\nট\tI-ORG\nঠ\tTIM\n \tB-ORG\nড\tU-ORG\n",
        encoding="utf-8",
    )
    sents = ev.read_conll(path)
    assert sents == [
        (["ক", "খ", "গ", "ঘ", "ঙ", "চ", "ছ"], ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]),
        (["জ", "ঝ", "ঞ", "ট", "ঠ", "ড"], ["B-PER", "I-PER", "B-LOC", "B-ORG", "O", "B-ORG"]),
    ]


def test_retokenize_carries_labels():
    toks, labs = ev.retokenize(["‘ঝলম", "আসাম-বেঙ্গল", "না।’", "রহিম"], ["B-LOC", "B-ORG", "O", "I-PER"])
    assert toks == ["‘", "ঝলম", "আসাম", "-", "বেঙ্গল", "না", "।", "’", "রহিম"]
    assert labs == ["O", "B-LOC", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PER"]


def test_merge_duplicates_unions_entities():
    toks = ["ক", "খ", "গ", "ঘ"]
    merged = ev.merge_duplicates([
        (toks, ["B-PER", "O", "O", "O"]),
        (list(toks), ["O", "O", "B-LOC", "O"]),
        (list(toks), ["B-PER", "I-PER", "O", "O"]),
        (["ক"], ["O"]),
    ])
    assert len(merged) == 2
    # B-PER alone (1 copy) and B-PER I-PER (1 copy) overlap: the longer wins
    assert merged[0] == (toks, ["B-PER", "I-PER", "B-LOC", "O"])


def test_score_toy_sequences():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    s = ev.score(gold, pred)
    assert (s["PER"]["tp"], s["PER"]["fp"], s["PER"]["fn"]) == (1, 0, 0)
    assert (s["LOC"]["tp"], s["LOC"]["fn"]) == (0, 1)
    assert (s["ORG"]["tp"], s["ORG"]["fp"], s["ORG"]["fn"]) == (0, 2, 1)
    assert s["micro"]["precision"] == pytest.approx(1 / 3)
    assert s["micro"]["recall"] == pytest.approx(1 / 3)
    assert s["micro"]["f1"] == pytest.approx(1 / 3)
    perfect = ev.score(gold, gold)
    assert perfect["micro"]["f1"] == 1.0
    # seqeval's default: an I- after O starts an entity
    assert ev.score([["O", "I-PER"]], [["O", "B-PER"]])["micro"]["f1"] == 1.0
    with pytest.raises(ValueError):
        ev.score([["O"]], [["O", "O"]])
    assert ev.score([], [])["micro"]["f1"] == 0.0


def test_evaluate_file(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("শেখ\tB-PERSON\nহাসিনা\tL-PERSON\nবলেন\tO\n।\tO\n", encoding="utf-8")
    s = ev.evaluate_file(path, NerTagger.load())
    assert s["micro"]["support"] == 1
    assert 0.0 <= s["micro"]["f1"] <= 1.0
    assert "micro" in ev.format_scores(s)


def test_split_is_stable():
    assert ev.split_of(["এক", "দুই"]) == ev.split_of(["এক", "দুই"])
    assert 0 <= ev.bucket_of(["এক"]) < 100
    share = sum(ev.split_of([str(i)]) == "test" for i in range(2000)) / 2000
    assert 0.07 < share < 0.13


def test_banglakit_reader_on_written_lines(tmp_path):
    path = tmp_path / "b.jsonl"
    lines = [
        ["শেখ হাসিনা ঢাকায় যান।", ["B-PERSON", "L-PERSON", "U-GPE", "O", "O"]],
        ["শেখ হাসিনা ঢাকায় যান।", ["O", "O", "U-GPE", "O", "O"]],
        ["এক  দুই", ["O", "O", "O"]],
        ["ভুল সংখ্যা", ["O"]],
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    sents, total = ev.read_banglakit(path)
    assert total == 4 and len(sents) == 3
    assert sents[2] == (["এক", "দুই"], ["O", "O"])
    merged = ev.merge_duplicates(sents)
    assert merged[0] == (["শেখ", "হাসিনা", "ঢাকায়", "যান", "।"], ["B-PER", "I-PER", "B-LOC", "O", "O"])


# ---------------------------------------------------------------------------
# Held-out quality gate (needs ../shared)
# ---------------------------------------------------------------------------


# The held-out quality gate itself is tests/test_eval_gate.py (pins in
# eval/baselines.json, section "ner").


@pytest.mark.skipif(_shared_ner() is None, reason="shared NER corpora not available")
def test_heldout_sets_are_the_documented_split():
    sets = ev.heldout_sets(_shared_ner())
    assert {name: len(s) for name, s in sets.items()} == {"banglakit": 309, "rifat": 452}
