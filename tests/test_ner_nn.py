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
