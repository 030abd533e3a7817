"""The neural half of the NER tagger (ghotona.actors.ner_nn) and its mixing into NerTagger."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from ghotona.actors.ner import NerTagger, bio_spans, default_model_path
from ghotona.actors.ner_nn import FORMAT, InputSpec, NeuralNer, NeuralNerError, mix, nn_path

LABELS = ["O", "B-PER", "L-PER", "U-PER"]  # a small label set keeps brute force cheap
HEADS = [None, "a"]


def _tiny_network(path, seed=0, hidden=3):
    """A random network of the right shapes, written as train_ner_nn.export writes one."""
    rng = np.random.default_rng(seed)
    spec = InputSpec(["<pad>", "<unk>", "ঢাকা", "বলেন"], ["<pad>", "<unk>", "ঢ", "া", "ক"],
                     ["gzB-PER"], ["title"], ["bn", "latin", "mixed", "num", "punct", "other"], 4)
    wd, cd, cf, cld, k = 2, 2, 3, 1, len(LABELS)
    din = 2 * wd + cf + 3 * cld + spec.n_dense

    def r(*shape):
        return rng.standard_normal(shape).astype(np.float32)

    arrays = {"wemb": r(len(spec.words), wd).astype(np.float16), "cemb": r(len(spec.chars), cd),
              "conv_w": r(cf, cd, 3), "conv_b": r(cf), "cl0": r(33, cld), "cl1": r(129, cld), "cl2": r(513, cld),
              "head_w": r(len(HEADS) * k, 2 * hidden), "head_b": r(len(HEADS) * k),
              "trans": r(len(HEADS), k, k), "start": r(len(HEADS), k), "end": r(len(HEADS), k)}
    for d in "fb":
        arrays[f"lstm_{d}_wih"] = r(4 * hidden, din)
        arrays[f"lstm_{d}_whh"] = r(4 * hidden, hidden)
        arrays[f"lstm_{d}_b"] = r(4 * hidden)
    meta = {"format": FORMAT, "labels": LABELS, "heads": HEADS, "mix": 0.5, "char_len": 4,
            "gazetteer_inputs": spec.gazetteer_inputs, "cues": spec.cues, "scripts": spec.scripts}
    np.savez(path, meta=np.array(json.dumps(meta)), words=np.array(spec.words), chars=np.array(spec.chars), **arrays)
    return spec


def _inputs(net, words):
    from ghotona.actors.ner import _word_features

    info = [_word_features(w) for w in words]
    return net.spec.encode(info, [[] for _ in info], [None for _ in info])


def test_marginals_are_the_crf_posteriors(tmp_path):
    _tiny_network(tmp_path / "m.nn.npz")
    net = NeuralNer(tmp_path / "m.nn.npz")
    x = _inputs(net, ["ঢাকা", "অচেনা", "বলেন"])
    for style in HEADS:
        h = HEADS.index(style)
        em = net.emissions(*x)[:, h].astype(np.float64)
        tr, st, en = (net.p[k][h].astype(np.float64) for k in ("trans", "start", "end"))
        post = np.zeros_like(em)
        for seq in itertools.product(range(len(LABELS)), repeat=len(em)):  # every label sequence
            s = st[seq[0]] + en[seq[-1]] + sum(em[t, y] for t, y in enumerate(seq))
            s += sum(tr[a, b] for a, b in zip(seq, seq[1:]))
            for t, y in enumerate(seq):
                post[t, y] += np.exp(s)
        post /= post.sum(1, keepdims=True)
        got = net.marginals(*x, style=style)
        assert got.shape == (3, len(LABELS))
        assert np.allclose(got, post, atol=1e-6)
    with pytest.raises(ValueError, match="no head for style 'b'"):
        net.marginals(*x, style="b")


def test_inputs_unknown_words_and_long_words(tmp_path):
    _tiny_network(tmp_path / "m.nn.npz")
    net = NeuralNer(tmp_path / "m.nn.npz")
    w, b, c, cl, d = _inputs(net, ["ঢাকা", "zzz", "ঢাকাকাকাকা"])
    assert list(w) == [2, 1, 1]  # known word, unknown word
    assert c.shape == (3, 4) and list(c[1]) == [1, 1, 1, 0]  # unknown characters, padding
    assert list(c[2]) == [2, 3, 4, 3]  # a long word keeps both ends
    assert d[0, -2] == 1 and d[2, -1] == 1 and d[1, -2:].sum() == 0  # sentence start and end
    assert cl.tolist() == [[0, 0, 0]] * 3


def test_lstm_matches_torch(tmp_path):
    torch = pytest.importorskip("torch")
    _tiny_network(tmp_path / "m.nn.npz", hidden=5)
    net = NeuralNer(tmp_path / "m.nn.npz")
    inp = np.random.default_rng(1).standard_normal((6, net.p["lstm_f_wih"].shape[1])).astype(np.float32)
    lstm = torch.nn.LSTM(inp.shape[1], 5, batch_first=True, bidirectional=True)
    with torch.no_grad():
        for d, suf in (("f", ""), ("b", "_reverse")):
            getattr(lstm, f"weight_ih_l0{suf}").copy_(torch.from_numpy(net.p[f"lstm_{d}_wih"]))
            getattr(lstm, f"weight_hh_l0{suf}").copy_(torch.from_numpy(net.p[f"lstm_{d}_whh"]))
            getattr(lstm, f"bias_ih_l0{suf}").copy_(torch.from_numpy(net.p[f"lstm_{d}_b"]))
            getattr(lstm, f"bias_hh_l0{suf}").zero_()
        want = lstm(torch.from_numpy(inp)[None])[0][0].numpy()
    got = np.concatenate([net._lstm(inp, "f"), net._lstm(inp, "b")], 1)
    assert np.allclose(got, want, atol=1e-5)


def test_bad_network_files_are_clear_errors(tmp_path):
    p = tmp_path / "m.nn.npz"
    p.write_bytes(b"not a zip")
    with pytest.raises(NeuralNerError, match="retrain with scripts/train_ner_nn.py"):
        NeuralNer(p)
    _tiny_network(p)
    with np.load(p) as data:
        parts = {k: data[k] for k in data.files if k != "trans"}
    np.savez(p, **parts)
    with pytest.raises(NeuralNerError, match="missing trans"):
        NeuralNer(p)


def test_mix_is_a_normalised_geometric_mean():
    a = np.array([[0.9, 0.1], [0.5, 0.5]])
    b = np.array([[0.1, 0.9], [0.5, 0.5]])
    m = mix(a, b, 0.5)
    assert np.allclose(m, [[0.5, 0.5], [0.5, 0.5]])
    assert np.allclose(mix(a, b, 1.0), a) and np.allclose(mix(a, b, 0.0), b)


def test_shipped_tagger_uses_its_network_and_can_do_without():
    assert nn_path(default_model_path()).is_file()
    both = NerTagger(default_model_path())
    crf = NerTagger(default_model_path(), neural=False)
    assert both.neural is not None and crf.neural is None
    assert nn_path(default_model_path()).stat().st_size < 15e6
    # written for this test: "Foreign minister Hasan Mahmud went to Dhaka on Monday."
    words = "পররাষ্ট্রমন্ত্রী হাছান মাহমুদ সোমবার ঢাকায় যান ।".split()
    for tagger in (both, crf):
        labels, probs = tagger.tag_scored(words)
        assert len(labels) == len(words) and all(0.0 < p <= 1.0 for p in probs)
        found = {(a, b, t) for a, b, t in bio_spans(labels)}
        assert (1, 3, "PER") in found and (4, 5, "LOC") in found
    for style in both.styles:
        assert len(both.tag(words, style=style)) == len(words)
    with pytest.raises(ValueError, match="unknown NER style"):
        both.tag(words, style="nope")


def test_ner_neural_setting_switches_the_network_off(tmp_path, monkeypatch):
    from ghotona.actors import ner as ner_mod

    cfg = tmp_path / "ghotona.toml"
    cfg.write_text("[ner]\nneural = false\n", encoding="utf-8")
    monkeypatch.setenv("GHOTONA_CONFIG", str(cfg))
    assert ner_mod._load.__wrapped__(str(default_model_path())).use_neural is False
    monkeypatch.setenv("GHOTONA_CONFIG", "")
    assert ner_mod._load.__wrapped__(str(default_model_path())).use_neural is True


# -- batched == one sentence at a time ---------------------------------------------


def _lexicon():
    from ghotona.actors.ner import Lexicon

    # a name of two words and one of one word, and clusters for two words: every kind of input is set somewhere
    return Lexicon(gazetteer={("ঢাকা",): ("LOC",), ("হাসান", "মাহমুদ"): ("PER",)},
                   clusters={"ঢাকা": (3, 40, 200), "বলেন": (1, 2, 3)}, cluster_sizes=(32, 128, 512))


# written for these tests; lengths 1 to 7, repeated words, a name from the gazetteer, an inflected one
SENTENCES = [
    "হাসান মাহমুদ ঢাকায় বলেন ।".split(),
    ["ঢাকা"],
    "অচেনা শব্দ zzz 123 ১২৩ বলেন , ঢাকা".split(),
    "বলেন বলেন".split(),
    "মাহমুদ হাসান মাহমুদের সঙ্গে".split(),
]


def test_batched_marginals_equal_one_sentence_at_a_time(tmp_path):
    _tiny_network(tmp_path / "m.nn.npz", hidden=4)
    net = NeuralNer(tmp_path / "m.nn.npz")
    lex = _lexicon()
    for style in HEADS:
        want = [net.sentence_marginals(s, lex, style) for s in SENTENCES]
        got = net.text_marginals(SENTENCES, lex, style)
        assert [g.shape for g in got] == [w.shape for w in want]
        for g, w in zip(got, want):
            assert np.allclose(g, w, atol=1e-5) and np.allclose(g.sum(1), 1.0)
    # an empty sentence stays empty and moves nothing; one sentence alone gives the same as in a batch
    got = net.text_marginals([[], SENTENCES[0], []], lex)
    assert got[0].shape == (0, len(LABELS)) and got[2].shape == (0, len(LABELS))
    assert np.allclose(got[1], net.text_marginals([SENTENCES[0]], lex)[0], atol=1e-6)
    assert net.text_marginals([], lex) == []


def test_word_cache_is_bounded_and_keyed_by_lexicon(tmp_path):
    from ghotona.actors.ner import Lexicon

    _tiny_network(tmp_path / "m.nn.npz")
    lex = _lexicon()
    small = NeuralNer(tmp_path / "m.nn.npz", word_cache=3)
    none = NeuralNer(tmp_path / "m.nn.npz", word_cache=0)
    want = [none.sentence_marginals(s, lex) for s in SENTENCES]
    for _ in range(2):  # the second pass reads rows the first one cached (or evicted)
        for g, w in zip(small.text_marginals(SENTENCES, lex), want):
            assert np.allclose(g, w, atol=1e-5)
        assert len(small._rows) == 3
        assert len(none._rows) == 0 and all(np.allclose(g, w, atol=1e-5) for g, w in zip(none.text_marginals(SENTENCES, lex), want))
    small.text_marginals([SENTENCES[4]], lex)
    assert list(small._rows) == ["হাসান", "মাহমুদের", "সঙ্গে"]  # the last words used, least recent first
    # another lexicon has other clusters: rows cached under the first one are not reused
    bare = Lexicon()
    got = small.text_marginals(SENTENCES[:1], bare)[0]
    assert np.allclose(got, none.sentence_marginals(SENTENCES[0], bare), atol=1e-5)
    assert not np.allclose(got, want[0], atol=1e-3)


def _page_texts():
    """Body texts of the bundled demo pages and, when ../shared is there, its sample pages."""
    from pathlib import Path

    import ghotona.demo
    from ghotona.evaluate.extraction import shared_dir
    from ghotona.inputs import iter_pages
    from ghotona.pipeline import Extractor
    from ghotona.records import RawPage

    paths = sorted((Path(ghotona.demo.__file__).parent / "pages").iterdir())
    try:
        paths += sorted((shared_dir() / "samples" / "pages").iterdir())
    except (OSError, FileNotFoundError):
        pass
    ex = Extractor()
    out = []
    for page in iter_pages([str(p) for p in paths]):
        art = ex.extract(page) if isinstance(page, RawPage) else None
        if art is not None and hasattr(art, "paragraphs"):
            out.append("\n".join(p.text for p in art.paragraphs))
    return out


def test_shipped_tagger_batched_equals_one_sentence_at_a_time():
    from ghotona.actors.ner import _sentences, tokenize

    texts = _page_texts()
    assert len(texts) >= 10
    one = NerTagger(default_model_path(), batched=False)
    batch = NerTagger(default_model_path())
    n_spans = 0
    for text in texts:
        spans = batch.scored_entities(text)
        want = one.scored_entities(text)
        assert [s[:3] for s in spans] == [s[:3] for s in want]
        # confidences are rounded to 4 decimals: marginals that differ in the
        # 7th decimal can still round one unit apart (0.4730 / 0.4729)
        assert all(abs(a[3] - b[3]) < 1.5e-4 for a, b in zip(spans, want))
        assert batch.entities(text) == one.entities(text)
        n_spans += len(spans)
        sents = [[t[0] for t in s] for s in _sentences(text, tokenize(text))][:8]
        for style in (None, *batch.styles):
            for g, w in zip(batch.neural.text_marginals(sents, batch.lexicon, style),
                            [one.neural.sentence_marginals(s, one.lexicon, style) for s in sents]):
                assert np.allclose(g, w, atol=1e-5)
    assert n_spans > 50
    assert batch.tag_many([[], "হাছান মাহমুদ ঢাকায় যান ।".split()]) == [[], one.tag("হাছান মাহমুদ ঢাকায় যান ।".split())]
