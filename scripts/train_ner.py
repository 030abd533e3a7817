#!/usr/bin/env python
"""Train the Bengali NER CRF (``ghotona.actors.ner``) and report held-out scores.

    python scripts/train_ner.py --shared ../shared --tune

Reads the two corpora in ``SHARED/data/ner`` (see ``shared/data/README.md``),
maps their labels to PER / ORG / LOC, holds out 10% of each by a hash of the
sentence (``ghotona.evaluate.ner.split_of``), trains one CRF on both
training parts, and prints entity-level P/R/F1 on each held-out part.

Besides the model it writes the model's companion file
(``ner_crf.lexicon.json``, see ``ghotona.actors.ner.Lexicon``):

* a gazetteer: a snapshot of the Bengali names in the actor dictionary
  (``ghotona.actors.dictionary``; never the corpora);
* word clusters: k-means classes of word vectors (positive PMI of the words
  at +-1 and +-2, reduced by a randomised SVD) learned from unlabelled text:
  the Bengali articles of ``SHARED/data/news`` and the training sentences
  (never a held-out or development sentence).  Only words seen at least
  ``--cluster-min-count`` times get a class; the file holds word forms and
  class ids, no sentence;
* the styles: one per corpus.

The corpora disagree on conventions: Rifat marks generic nouns such as
পুলিশ (police) and সরকার (government) as ORG and never puts a bracketed
abbreviation inside an ORG; banglakit marks names only, sometimes with the
bracket, and leaves many names unmarked.  So every training sentence is
appended twice:

1. without style, with Rifat's generic-noun labels removed: a one-word
   entity whose word occurs at least 5 times in banglakit's training part
   and is marked there less than 15% of the time is relabelled O
   (:func:`harmonise`; held-out labels are never changed).  This is what the
   pipeline uses: the tagger's default is no style;
2. in its corpus's style: with a copy of the features named by
   ``STYLE_FEATURES`` prefixed by the corpus, and the corpus's own labels.
   Tagging in a corpus's style reproduces that corpus's conventions; that is
   how each corpus's held-out part is scored, and the default style is
   scored beside it.

Labels are trained as BILOU (the tagger returns BIO).

``--tune`` first scores a small grid of c1/c2, and for each the decoding
weight of O (``Lexicon.o_weight``), on development slices of the training
parts (hash buckets 10-19 and 20-29: the model is trained on the rest of the
training part, clusters included, and scored on the slice, in each corpus's
style and in the default style; the four dev micro-F1 are averaged), and
trains the final model with the best setting.  The held-out parts play no
role in any choice; they are scored once, at the end.

Needs numpy (only here, to learn the clusters): ``pip install -e '.[train]'``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pycrfsuite

from ghotona.actors import ner as ner_mod
from ghotona.actors.ner import (
    Lexicon,
    NerTagger,
    _norm,
    _sentences,
    lexicon_path,
    to_bilou,
    token_features,
    tokenize,
)
from ghotona.evaluate.ner import DictionaryTagger, bucket_of, evaluate_sentences, format_scores, load_corpora

# Features that get a per-style copy: the word and its base, the words next
# to it, cue classes and gazetteer hits.  Chosen on the development slices:
# copying every feature (easy domain adaptation) scored lower and trained 5x
# slower; copying none cannot learn the corpora's conflicting conventions.
STYLE_FEATURES = ("w=", "-1:w=", "1:w=", "b=", "cue=", "gz")
DEFAULT_STYLE = None  # the pipeline tags without style: names only, both corpora's evidence
CLUSTER_SIZES = (32, 128, 512)
DEV_FOLDS = (range(10, 20), range(20, 30))  # hash buckets of the training part
O_WEIGHTS = (1.0, 0.7, 0.5, 0.4, 0.3, 0.2)  # decoding: 1.0 is Viterbi (see Lexicon.o_weight)

_TYPE = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}


# ---------------------------------------------------------------------------
# Companion data: gazetteer and clusters
# ---------------------------------------------------------------------------


def gazetteer_from_dictionary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every Bengali name, alias and abbreviation of the actor dictionary, by type.

    Demonyms (রুশ) are left out: they are adjectives, not names.
    """
    from ghotona.actors.dictionary import load_dictionary

    names: dict[tuple[str, ...], set[str]] = {}
    for actor in load_dictionary():
        typ = _TYPE.get(actor.type)
        if typ is None:
            continue
        for form in dict.fromkeys((actor.name_bn, *actor.aliases, *actor.abbreviations)):
            toks = tuple(_norm(t[0]) for t in tokenize(form))
            toks = tuple(t for t in toks if t)
            if toks:
                names.setdefault(toks, set()).add(typ)
    return {k: tuple(sorted(v)) for k, v in names.items()}


def news_sentences(shared: str | Path) -> list[list[str]]:
    """Distinct sentences of the Bengali articles in ``SHARED/data/news/*.json``."""
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for path in sorted((Path(shared) / "data" / "news").glob("*.json")):
        for art in json.loads(path.read_text(encoding="utf-8")):
            if not isinstance(art, dict) or art.get("source_language") != "Bengali":
                continue
            for part in (art.get("headline") or "", art.get("article") or ""):
                for sent in _sentences(part, tokenize(part)):
                    words = tuple(t[0] for t in sent)
                    if len(words) > 1 and words not in seen:  # some bodies repeat sentences
                        seen.add(words)
                        out.append(list(words))
    return out


def word_vectors(sents: list[list[str]], min_count: int, n_ctx: int = 2000, dim: int = 80, seed: int = 0):
    """Unit-length vectors of the words seen ``min_count`` times: PPMI over the
    words at -2, -1, +1, +2 (the ``n_ctx`` commonest words, others by their last
    two letters), reduced to ``dim`` by a randomised SVD."""
    try:
        import numpy as np
    except ImportError:
        sys.exit("training the NER clusters needs numpy: pip install -e '.[train]' (or pip install numpy)")
    sents = [[_norm(w) for w in s] for s in sents]
    counts = Counter(w for s in sents for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count and w)
    vid = {w: i for i, w in enumerate(vocab)}
    ctx_id = {w: i for i, (w, _) in enumerate(counts.most_common(n_ctx))}
    extra: dict[str, int] = {}

    def ctx(w: str) -> int:
        if w in ctx_id:
            return ctx_id[w]
        return extra.setdefault("~" + w[-2:], n_ctx + len(extra))

    pairs: list[tuple[int, int, int]] = []  # (word, block, context)
    for s in sents:
        ids = [ctx(w) for w in s]
        for i, w in enumerate(s):
            r = vid.get(w)
            if r is None:
                continue
            for blk, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                pairs.append((r, blk, ids[j] if 0 <= j < len(s) else -1 if d < 0 else -2))
    width = n_ctx + len(extra) + 2
    arr = np.array(pairs, dtype=np.int64)
    col = arr[:, 1] * width + np.where(arr[:, 2] >= 0, arr[:, 2], width + arr[:, 2])
    key, cnt = np.unique(arr[:, 0] * (4 * width) + col, return_counts=True)
    r, c = key // (4 * width), key % (4 * width)
    cnt = cnt.astype(np.float64)
    total = cnt.sum()
    rs = np.bincount(r, weights=cnt, minlength=len(vocab))
    cs = np.bincount(c, weights=cnt, minlength=4 * width) ** 0.75  # smoothed context counts
    cs = cs / cs.sum() * total
    pmi = np.log(cnt * total / (rs[r] * cs[c]))
    keep = pmi > 0
    r, c, v = r[keep], c[keep], pmi[keep]
    n_rows, n_cols = len(vocab), 4 * width

    def mv(x):
        out = np.zeros((n_rows, x.shape[1]))
        np.add.at(out, r, v[:, None] * x[c])
        return out

    def mtv(y):
        out = np.zeros((n_cols, y.shape[1]))
        np.add.at(out, c, v[:, None] * y[r])
        return out

    rng = np.random.default_rng(seed)
    y = mv(rng.standard_normal((n_cols, dim + 20)))
    for _ in range(3):  # power iterations
        q, _ = np.linalg.qr(y)
        y = mv(mtv(q))
    q, _ = np.linalg.qr(y)
    ub, s, _ = np.linalg.svd(mtv(q).T, full_matrices=False)
    emb = (q @ ub[:, :dim]) * np.sqrt(s[:dim])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    return vocab, emb


def kmeans(emb, k: int, iters: int = 25, seed: int = 0):
    """Spherical k-means (k-means++ start); the cluster of each row."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = len(emb)
    k = min(k, n)
    idx = [int(rng.integers(n))]
    d2 = np.maximum(1 - emb @ emb[idx[0]], 0)
    for _ in range(1, k):
        j = int(rng.choice(n, p=d2 / d2.sum())) if d2.sum() > 0 else int(rng.integers(n))
        idx.append(j)
        d2 = np.minimum(d2, np.maximum(1 - emb @ emb[j], 0))
    cent = emb[idx].copy()
    for _ in range(iters):
        lab = np.argmax(emb @ cent.T, axis=1)
        for kk in range(k):
            m = lab == kk
            if m.any():
                vec = emb[m].sum(0)
                cent[kk] = vec / (np.linalg.norm(vec) + 1e-9)
    return np.argmax(emb @ cent.T, axis=1)


def word_clusters(sents: list[list[str]], min_count: int, sizes=CLUSTER_SIZES) -> dict[str, tuple[int, ...]]:
    vocab, emb = word_vectors(sents, min_count)
    labels = [kmeans(emb, k) for k in sizes]
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def make_lexicon(unlabelled: list[list[str]], gazetteer, args) -> Lexicon:
    clusters = word_clusters(unlabelled, args.cluster_min_count) if not args.no_clusters else {}
    return Lexicon(
        gazetteer=gazetteer if not args.no_gazetteer else {},
        clusters=clusters,
        cluster_sizes=CLUSTER_SIZES if clusters else (),
        styles=tuple(STYLES) if not args.no_styles else (),
        default_style=DEFAULT_STYLE,
        style_features=STYLE_FEATURES if not args.no_styles else (),
        labels="BIO" if args.bio else "BILOU",
    )


STYLES: list[str] = []


# ---------------------------------------------------------------------------
# Training and scoring
# ---------------------------------------------------------------------------


def harmonise(rifat_train, banglakit_train, rate=0.15, min_count=5):
    """Rifat's sentences with the one-word entities that banglakit treats as plain words relabelled O."""
    total: Counter = Counter()
    marked: Counter = Counter()
    for toks, labs in banglakit_train:
        for w, lab in zip(toks, labs):
            w = _norm(w)
            total[w] += 1
            marked[w] += lab != "O"
    out = []
    for toks, labs in rifat_train:
        labs = list(labs)
        for a, b, _ in ner_mod.bio_spans(labs):
            w = _norm(toks[a])
            if b - a == 1 and total[w] >= min_count and marked[w] / total[w] < rate:
                labs[a] = "O"
        out.append((toks, labs))
    return out


def train(data, lexicon: Lexicon, model_path: str, c1: float, c2: float, max_iter: int, minfreq: float) -> float:
    """Train on ``data`` (corpus name -> sentences); return the seconds taken.

    Every sentence is appended without style, Rifat's generic-noun labels
    harmonised away (:func:`harmonise`), and, when the lexicon has styles,
    once more in its corpus's style with its own labels.
    """
    trainer = pycrfsuite.Trainer(verbose=False)

    def lab(labs):
        return to_bilou(labs) if lexicon.labels == "BILOU" else labs

    neutral = dict(data)
    if "rifat" in neutral and "banglakit" in neutral:
        neutral["rifat"] = harmonise(neutral["rifat"], neutral["banglakit"])
    for sents in neutral.values():
        for toks, labs in sents:
            trainer.append(token_features(toks, lexicon, None), lab(labs))
    if lexicon.styles:
        for corpus, sents in data.items():
            for toks, labs in sents:
                trainer.append(token_features(toks, lexicon, corpus), lab(labs))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iter,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.perf_counter()
    trainer.train(model_path)
    return time.perf_counter() - t0


def save(lexicon: Lexicon, model_path: str | Path, about: str = "") -> None:
    lexicon.write(lexicon_path(model_path), about)


def score_sets(tagger: NerTagger, sets, own_style: bool = True) -> dict[str, dict]:
    """Scores per corpus, each tagged in its own style (when the model has styles)."""
    out = {}
    for name, sents in sets.items():
        style = name if own_style and name in tagger.styles else None
        out[name] = evaluate_sentences(sents, tagger, style=style)
    return out


def micro(scores) -> float:
    return scores["micro"]["f1"]


_TUNE: dict[str, object] = {}


def _try(job):
    cfg, fold = job
    fit, dev, lexicon = _TUNE["folds"][fold]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.crfsuite")
        secs = train(fit, lexicon, path, **cfg)
        save(lexicon, path)
        tagger = NerTagger(path)
        res = {}
        for w in O_WEIGHTS:
            tagger.o_weight = w
            res[w] = {name: micro(s) for name, s in score_sets(tagger, dev).items()}
            if tagger.styles:  # the default (no) style counts as much: it is what the pipeline uses
                res[w].update({f"{name}/default": micro(s) for name, s in score_sets(tagger, dev, False).items()})
        size = os.path.getsize(path)
    return cfg, fold, res, secs, size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder (holding data/ner and data/news)")
    ap.add_argument("--out", default="src/ghotona/data/models/ner_crf.crfsuite")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--max-iter", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times")
    ap.add_argument("--o-weight", type=float, default=1.0, help="decoding (1.0: Viterbi; see Lexicon.o_weight)")
    ap.add_argument("--cluster-min-count", type=int, default=5, help="words seen fewer times get no cluster")
    ap.add_argument("--tune", action="store_true", help="choose c1/c2 on development slices first")
    ap.add_argument("--jobs", type=int, default=2, help="parallel trainings while tuning")
    ap.add_argument("--max-mb", type=float, default=8.0, help="while tuning, ignore settings giving a bigger model")
    ap.add_argument("--no-gazetteer", action="store_true", help="ablation: no actor-dictionary features")
    ap.add_argument("--no-clusters", action="store_true", help="ablation: no word-cluster features")
    ap.add_argument("--no-styles", action="store_true", help="ablation: one convention for both corpora")
    ap.add_argument("--bio", action="store_true", help="ablation: train BIO labels, not BILOU")
    ap.add_argument("--json", help="also write the scores and settings to this JSON file")
    args = ap.parse_args(argv)

    corpora = load_corpora(args.shared)
    if not corpora:
        print(f"no NER corpora under {args.shared}", file=sys.stderr)
        return 2
    STYLES[:] = list(corpora)
    for name, parts in corpora.items():
        print(
            f"{name}: {parts['lines']} sentences, {parts['aligned']} usable "
            f"(tokens line up with tags), {parts['unique']} distinct after merging repeats; "
            f"{len(parts['train'])} train / {len(parts['test'])} held out"
        )
    t_start = time.perf_counter()
    gazetteer = gazetteer_from_dictionary()
    news = news_sentences(args.shared)
    print(f"gazetteer: {len(gazetteer)} names from the actor dictionary; "
          f"unlabelled text: {len(news)} news sentences, {sum(map(len, news))} tokens")
    train_all = {n: p["train"] for n, p in corpora.items()}
    cfg = {"c1": args.c1, "c2": args.c2, "max_iter": args.max_iter, "minfreq": args.minfreq}
    o_weight = args.o_weight
    report: dict = {}

    if args.tune:
        folds = []
        for buckets in DEV_FOLDS:
            fit = {n: [s for s in ss if bucket_of(s[0]) not in buckets] for n, ss in train_all.items()}
            dev = {n: [s for s in ss if bucket_of(s[0]) in buckets] for n, ss in train_all.items()}
            lex = make_lexicon(news + [s[0] for ss in fit.values() for s in ss], gazetteer, args)
            folds.append((fit, dev, lex))
        grid = [
            {"c1": c1, "c2": c2, "max_iter": args.max_iter, "minfreq": args.minfreq}
            for c1, c2 in itertools.product((0.05, 0.1), (0.01, 0.03, 0.1))
        ]
        jobs = [(g, f) for g in grid for f in range(len(folds))]
        print(f"tuning {len(grid)} settings x {len(folds)} development slices "
              f"(dev sizes {[[len(v) for v in d.values()] for _, d, _ in folds]})")
        _TUNE["folds"] = folds  # forked workers inherit them
        with mp.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_try, jobs, chunksize=1)
        table: dict[tuple, dict] = {}
        for g, fold, by_w, secs, size in results:
            for w, res in by_w.items():
                key = (g["c1"], g["c2"], w)
                t = table.setdefault(key, {"settings": g, "o_weight": w, "dev_micro_f1": {}, "seconds": 0.0, "bytes": 0})
                for name, f1 in res.items():
                    t["dev_micro_f1"].setdefault(name, []).append(f1)
                t["seconds"] += secs / len(folds)
                t["bytes"] = max(t["bytes"], size)
        for t in table.values():
            t["dev_micro_f1"] = {n: round(sum(v) / len(v), 4) for n, v in t["dev_micro_f1"].items()}
            t["mean"] = round(sum(t["dev_micro_f1"].values()) / len(t["dev_micro_f1"]), 4)
        ranked = sorted(table.values(), key=lambda t: (t["bytes"] > args.max_mb * 1e6, -t["mean"]))
        for t in ranked[:15]:
            g = t["settings"]
            devs = " ".join(f"{k}={v:.3f}" for k, v in t["dev_micro_f1"].items())
            print(f"  c1={g['c1']:<5} c2={g['c2']:<6} o_weight={t['o_weight']:<4} {devs} mean={t['mean']:.3f}  "
                  f"{t['seconds']:4.0f}s {t['bytes'] / 1e6:5.2f} MB")
        cfg, o_weight = ranked[0]["settings"], ranked[0]["o_weight"]
        report["tuning"] = ranked
        print(f"chosen: {cfg}, o_weight {o_weight}")

    lexicon = replace(make_lexicon(news + [s[0] for ss in train_all.values() for s in ss], gazetteer, args),
                      o_weight=o_weight)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_suffix(".tmp")
    secs = train(train_all, lexicon, str(tmp_out), **cfg)
    os.replace(tmp_out, out)
    save(lexicon, out, about="Companion of ner_crf.crfsuite, written by scripts/train_ner.py (see NER_MODEL.md): "
                             "gazetteer from the actor dictionary, word clusters (word forms and class ids only), styles.")
    size = out.stat().st_size
    lex_size = lexicon_path(out).stat().st_size
    n_train = sum(map(len, train_all.values()))
    print(f"trained on {n_train} sentences in {secs:.0f}s -> {out} ({size / 1e6:.2f} MB) "
          f"+ {lexicon_path(out).name} ({lex_size / 1e6:.2f} MB: {len(lexicon.gazetteer)} names, "
          f"{len(lexicon.clusters)} clustered words)")

    tagger = NerTagger(out)
    report.update({"settings": cfg, "o_weight": o_weight, "train_sentences": n_train, "train_seconds": round(secs, 1),
                   "model_bytes": size, "lexicon_bytes": lex_size, "gazetteer_names": len(lexicon.gazetteer),
                   "clustered_words": len(lexicon.clusters), "styles": list(lexicon.styles),
                   "default_style": lexicon.default_style, "labels": lexicon.labels, "corpora": {}})
    heldout = {n: p["test"] for n, p in corpora.items()}
    own = score_sets(tagger, heldout, own_style=True)
    default = score_sets(tagger, heldout, own_style=False)
    baseline = DictionaryTagger()
    for name, parts in corpora.items():
        print()
        style = name if name in tagger.styles else None
        print(format_scores(own[name], f"held-out {name} ({len(parts['test'])} sentences), style {style or 'none'}"))
        entry = {"lines": parts["lines"], "aligned": parts["aligned"], "unique": parts["unique"],
                 "train": len(parts["train"]), "test": len(parts["test"]), "style": style, "scores": own[name]}
        if style is not None and style != lexicon.default_style:
            print(format_scores(default[name], f"held-out {name}, default style ({lexicon.default_style or 'none'})"))
            entry["scores_default_style"] = default[name]
        entry["dictionary_only"] = evaluate_sentences(parts["test"], baseline)
        print(f"dictionary only: micro-F1 {micro(entry['dictionary_only']):.3f}")
        report["corpora"][name] = entry

    # tagging speed on the held-out sentences, features included
    tests = [s[0] for p in corpora.values() for s in p["test"]]
    n_tok = sum(len(t) for t in tests)
    ner_mod._word_features.cache_clear()
    t0 = time.perf_counter()
    for toks in tests:
        tagger.tag(toks)
    speed = n_tok / (time.perf_counter() - t0)
    report["tokens_per_second"] = round(speed)
    report["total_seconds"] = round(time.perf_counter() - t_start)
    print(f"\ntagging speed: {speed:,.0f} tokens/s ({n_tok} tokens, cold feature cache); "
          f"whole run {report['total_seconds']}s")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
