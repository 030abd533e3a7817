#!/usr/bin/env python
"""Train the Bengali NER CRF (``ghotona.actors.ner``) and report held-out scores.

    python scripts/train_ner.py --shared ../shared --out src/ghotona/data/models/ner_crf.crfsuite

Reads the two corpora in ``SHARED/data/ner`` (see ``shared/data/README.md``),
maps their labels to BIO over PER / ORG / LOC, holds out 10% of each by a
hash of the sentence (``ghotona.evaluate.ner.split_of``), trains one CRF on
both training parts, and prints entity-level P/R/F1 on each held-out part.
Nothing of the corpora is written anywhere; the only output is the model.

Rifat's corpus marks common nouns such as পুলিশ (police) and সরকার
(government) as ORG, which banglakit (and docs/actors.md: names, not
generic nouns) does not.  Unless ``--no-harmonise``, a one-word entity in
Rifat's *training* part whose word occurs at least 5 times in banglakit's
training part and is marked there less than 15% of the time is relabelled O
(about 250 tokens).  Held-out labels are never changed: the scores are
against each corpus's own annotation.

``--tune`` first tries a small grid of settings, training on the training
parts minus a hash-chosen development slice (10%) and scoring on that slice,
and then trains the final model with the best setting.  The held-out test
parts play no role in choosing.
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
from pathlib import Path

import pycrfsuite

from ghotona.actors.ner import NerTagger, _norm, bio_spans, token_features
from ghotona.evaluate.ner import DEV_BUCKETS, bucket_of, evaluate_sentences, format_scores, load_corpora

_FEATS: dict[tuple[str, ...], list[list[str]]] = {}


def feats(tokens: list[str]) -> list[list[str]]:
    key = tuple(tokens)
    if key not in _FEATS:
        _FEATS[key] = token_features(tokens)
    return _FEATS[key]


def train(sents, model_path: str, c1: float, c2: float, max_iter: int, minfreq: float, verbose=False) -> float:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for toks, labs in sents:
        trainer.append(feats(toks), labs)
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


def harmonise(rifat_train, banglakit_train, rate=0.15, min_count=5):
    """Relabel O the one-word Rifat entities that banglakit treats as plain words."""
    total: dict[str, int] = {}
    marked: dict[str, int] = {}
    for toks, labs in banglakit_train:
        for w, lab in zip(toks, labs):
            w = _norm(w)
            total[w] = total.get(w, 0) + 1
            if lab != "O":
                marked[w] = marked.get(w, 0) + 1
    out, changed = [], 0
    for toks, labs in rifat_train:
        labs = list(labs)
        for a, b, _ in bio_spans(labs):
            w = _norm(toks[a])
            if b - a == 1 and total.get(w, 0) >= min_count and marked.get(w, 0) / total[w] < rate:
                labs[a] = "O"
                changed += 1
        out.append((toks, labs))
    return out, changed


def micro(scores) -> float:
    return scores["micro"]["f1"]


_TUNE: dict[str, object] = {}


def _try(cfg):
    train_sents, dev_sets = _TUNE["fit"], _TUNE["dev"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.crfsuite")
        secs = train(train_sents, path, **cfg)
        tagger = NerTagger(path)
        res = {name: micro(evaluate_sentences(s, tagger)) for name, s in dev_sets.items()}
        size = os.path.getsize(path)
    return cfg, res, secs, size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder (holding data/ner)")
    ap.add_argument("--out", default="src/ghotona/data/models/ner_crf.crfsuite")
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--max-iter", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=2, help="drop features seen fewer times")
    ap.add_argument("--tune", action="store_true", help="choose c1/c2/minfreq on a dev slice first")
    ap.add_argument("--jobs", type=int, default=2, help="parallel trainings while tuning")
    ap.add_argument("--max-mb", type=float, default=4.0, help="while tuning, ignore settings giving a bigger model")
    ap.add_argument("--no-harmonise", action="store_true", help="keep Rifat's generic-noun ORG/LOC labels")
    ap.add_argument("--json", help="also write the scores and settings to this JSON file")
    args = ap.parse_args(argv)

    corpora = load_corpora(args.shared)
    if not corpora:
        print(f"no NER corpora under {args.shared}", file=sys.stderr)
        return 2
    for name, parts in corpora.items():
        print(
            f"{name}: {parts['lines']} sentences, {parts['aligned']} usable "
            f"(tokens line up with tags), {parts['unique']} distinct after merging repeats; "
            f"{len(parts['train'])} train / {len(parts['test'])} held out"
        )
    harmonised = 0
    if not args.no_harmonise and "rifat" in corpora and "banglakit" in corpora:
        corpora["rifat"]["train_fit"], harmonised = harmonise(corpora["rifat"]["train"], corpora["banglakit"]["train"])
        print(f"harmonised {harmonised} generic-noun entity labels in rifat's training part")
    train_all = [s for parts in corpora.values() for s in parts.get("train_fit", parts["train"])]
    cfg = {"c1": args.c1, "c2": args.c2, "max_iter": args.max_iter, "minfreq": args.minfreq}

    if args.tune:
        fit = [s for s in train_all if bucket_of(s[0]) not in DEV_BUCKETS]
        dev = {n: [s for s in p["train"] if bucket_of(s[0]) in DEV_BUCKETS] for n, p in corpora.items()}  # raw labels
        for s in fit:  # build features before forking, so workers share them
            feats(s[0])
        grid = [
            {"c1": c1, "c2": c2, "max_iter": args.max_iter, "minfreq": mf}
            for c1, c2, mf in itertools.product((0.02, 0.05, 0.1), (0.01, 0.05), (1, 2))
        ]
        print(f"tuning {len(grid)} settings on {len(fit)} sentences, dev {[len(v) for v in dev.values()]}")
        ctx = mp.get_context("fork")
        _TUNE["fit"], _TUNE["dev"] = fit, dev  # forked workers inherit them (and the feature cache)
        with ctx.Pool(args.jobs) as pool:
            results = pool.map(_try, grid, chunksize=1)
        results.sort(key=lambda r: (r[3] > args.max_mb * 1e6, -sum(r[1].values()) / len(r[1])))
        for g, res, secs, size in results:
            devs = " ".join(f"{k}={v:.3f}" for k, v in res.items())
            print(f"  c1={g['c1']:<5} c2={g['c2']:<5} minfreq={g['minfreq']:<3} {devs}  {secs:5.0f}s {size / 1e6:5.2f} MB")
        cfg = results[0][0]
        report_tune = [{"settings": g, "dev_micro_f1": res, "seconds": round(secs), "bytes": size}
                       for g, res, secs, size in results]
        print(f"chosen: {cfg}")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_suffix(".tmp")
    secs = train(train_all, str(tmp_out), **cfg)
    os.replace(tmp_out, out)
    size = out.stat().st_size
    print(f"trained on {len(train_all)} sentences in {secs:.0f}s -> {out} ({size / 1e6:.2f} MB)")

    tagger = NerTagger(out)
    report = {"settings": cfg, "harmonised_labels": harmonised, "train_sentences": len(train_all),
              "train_seconds": round(secs, 1), "model_bytes": size, "corpora": {}}
    if args.tune:
        report["tuning"] = report_tune
    for name, parts in corpora.items():
        sc = evaluate_sentences(parts["test"], tagger)
        print()
        print(format_scores(sc, f"held-out {name} ({len(parts['test'])} sentences)"))
        report["corpora"][name] = {"lines": parts["lines"], "aligned": parts["aligned"], "unique": parts["unique"],
                                   "train": len(parts["train"]), "test": len(parts["test"]), "scores": sc}

    # tagging speed on the held-out sentences, features included
    tests = [s[0] for p in corpora.values() for s in p["test"]]
    n_tok = sum(len(t) for t in tests)
    from ghotona.actors import ner as ner_mod

    ner_mod._word_features.cache_clear()
    t0 = time.perf_counter()
    for toks in tests:
        tagger.tag(toks)
    speed = n_tok / (time.perf_counter() - t0)
    report["tokens_per_second"] = round(speed)
    print(f"\ntagging speed: {speed:,.0f} tokens/s ({n_tok} tokens, cold feature cache)")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
