"""Train the event coder's argument ranker: src/ghotona/data/events/argument_weights.yaml.

    python scripts/train_arguments.py                  # CV on dev, then train on all dev and write the weights
    python scripts/train_arguments.py --cv-only        # leave-one-article-out scores only
    python scripts/train_arguments.py --select         # also choose feature groups and thresholds by CV
    python scripts/train_arguments.py --heldout        # score the SHIPPED weights on written_b (once, at the end)

Training data is the development gold only (eval/refset/events/samples.yaml,
written.yaml and written_c.yaml; written_b.yaml is held out and never read unless
--heldout is given, and then only to score).  The coder runs on each
article with a collecting ranker; every trigger whose type matches a gold
event in the same place (overlapping trigger, else the same sentence) gives
its candidates, labelled actor / recipient / none by the gold names.  A
multinomial logistic regression (numpy, L2) is fitted on them.

Deterministic: no random numbers, articles in file order, features sorted.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "refset" / "events"
DEV = ("samples.yaml", "written.yaml", "written_c.yaml")
HELDOUT = "written_b.yaml"
OUT = ROOT / "src" / "ghotona" / "data" / "events" / "argument_weights.yaml"

# Candidate decoding thresholds tried by --select (P of the class a candidate must reach).
GRID_ACTOR = (0.0, 0.1, 0.2, 0.3)
GRID_RECIPIENT = (0.1, 0.2, 0.3, 0.4)
GRID_SECOND = (0.4, 0.6, 1.0)


def load(files: tuple[str, ...]) -> list[Any]:
    from ghotona.evaluate.events import load_gold

    out = []
    for f in files:
        out += load_gold(GOLD / f)
    return out


def collect(gold: list[Any]) -> dict[str, list[tuple[Any, list[Any]]]]:
    """Per article: every trigger's context and candidates, as the coder sees them."""
    from ghotona.events.arguments import ArgumentRanker
    from ghotona.events.coder import EventCoder

    buf: list[tuple[Any, list[Any]]] = []
    coder = EventCoder(ranker=ArgumentRanker(None, collect=buf))
    out = {}
    for ga in gold:
        buf.clear()
        coder.code(ga.article)
        out[ga.id] = list(buf)
    return out


def _gold_for(ctx: Any, events: list[Any]) -> Any:
    same = [g for g in events if g.type == ctx.event_type]
    t0, t1 = ctx.trigger
    for g in same:
        if any(a < t1 and t0 < b for a, b in g.triggers):
            return g
    s0, s1 = ctx.sentence
    for g in same:
        if any(s0 <= a and b <= s1 for a, b in g.triggers):
            return g
    return None


def label(gold: list[Any], collected: dict[str, list[tuple[Any, list[Any]]]]) -> dict[str, list[tuple[dict[str, float], int]]]:
    """Per article: (features, class) rows for the candidates of triggers that match a gold event."""
    from ghotona.evaluate.events import _Names
    from ghotona.evaluate.linking import name_key

    names = _Names()
    rows: dict[str, list[tuple[dict[str, float], int]]] = {}
    for ga in gold:
        out = []
        for ctx, cands in collected[ga.id]:
            g = _gold_for(ctx, ga.events)
            if g is None:
                continue
            acts = {name_key(x) for x in g.actors if not x.startswith("~")}
            recs = {name_key(x) for x in g.recipients if not x.startswith("~")}
            for c in cands:
                keys = names.keys(c.mention)
                y = 1 if keys & acts else 2 if keys & recs else 0
                out.append((c.features, y))
        rows[ga.id] = out
    return rows


def vocabulary(rows: list[tuple[dict[str, float], int]], groups: tuple[str, ...], min_count: int) -> tuple[str, ...]:
    from ghotona.events.arguments import feature_group

    c = Counter(f for feats, _ in rows for f in feats)
    return tuple(sorted(f for f, n in c.items() if n >= min_count and (not groups or feature_group(f) in groups)))


def train(rows: list[tuple[dict[str, float], int]], groups: tuple[str, ...], l2: float, min_count: int,
          thresholds: tuple[float, float, float]) -> Any:
    from ghotona.events.arguments import ArgumentModel, fit

    feats = vocabulary(rows, groups, min_count)
    idx = {f: i for i, f in enumerate(feats)}
    x = np.zeros((len(rows), len(feats)))
    y = np.zeros(len(rows), dtype=int)
    for r, (fs, cls) in enumerate(rows):
        y[r] = cls
        for f, v in fs.items():
            if f in idx:
                x[r, idx[f]] = v
    w, b = fit(x, y, l2=l2)
    return ArgumentModel(feats, w, b, *thresholds, groups=groups)


def score(gold: list[Any], coder_for: Any) -> dict[str, Any]:
    """Micro scores summed over articles, each coded by ``coder_for(article_id)``."""
    from ghotona.evaluate.events import evaluate

    tp: Counter[str] = Counter()
    n_pred = n_gold = 0
    status_ok = 0
    for ga in gold:
        r = evaluate([ga], coder_for(ga.id))
        for lvl, s in r["levels"].items():
            tp[lvl] += s["tp"]
        n_pred += r["pred_events"]
        n_gold += r["gold_events"]
        status_ok += round(r["status_accuracy"] * r["levels"]["type"]["tp"])
    out = {}
    for lvl, k in tp.items():
        p = k / n_pred if n_pred else 0.0
        rc = k / n_gold if n_gold else 0.0
        out[lvl] = round(2 * p * rc / (p + rc), 4) if p + rc else 0.0
    out["status"] = round(status_ok / tp["type"], 4) if tp["type"] else 0.0
    return out


def cv(gold: list[Any], rows: dict[str, list[Any]], groups: tuple[str, ...], l2: float, min_count: int,
       thresholds: tuple[float, float, float]) -> dict[str, Any]:
    """Leave-one-article-out: each dev article coded by a model trained on the others."""
    from ghotona.events.arguments import ArgumentRanker
    from ghotona.events.coder import EventCoder

    models = {}
    for ga in gold:
        train_rows = [r for aid, rs in rows.items() if aid != ga.id for r in rs]
        models[ga.id] = train(train_rows, groups, l2, min_count, thresholds)
    return score(gold, lambda aid: EventCoder(ranker=ArgumentRanker(models[aid])))


def cv_grid(gold: list[Any], rows: dict[str, list[Any]], groups: tuple[str, ...], l2: float,
            min_count: int) -> tuple[tuple[float, float, float], dict[str, Any]]:
    """Thresholds by LOAO CV: folds are trained once, the decoding grid is cheap."""
    from dataclasses import replace

    from ghotona.events.arguments import ArgumentRanker
    from ghotona.events.coder import EventCoder

    models = {}
    for ga in gold:
        train_rows = [r for aid, rs in rows.items() if aid != ga.id for r in rs]
        models[ga.id] = train(train_rows, groups, l2, min_count, (0.5, 0.5, 1.0))
    best: tuple[Any, ...] = ((-1.0, -1.0), None, None)
    for th in itertools.product(GRID_ACTOR, GRID_RECIPIENT, GRID_SECOND):
        s = score(gold, lambda aid: EventCoder(ranker=ArgumentRanker(replace(models[aid], min_actor=th[0],
                                                                               min_recipient=th[1], second_actor=th[2]))))
        key = (s["type+actors"], s["type+countries"])
        if key > best[0]:
            best = (key, th, s)
    return best[1], best[2]


def write(model: Any, path: Path, meta: dict[str, Any]) -> None:
    from dataclasses import replace

    from ghotona.events.arguments import model_to_data

    data = model_to_data(replace(model, meta=meta))
    head = ("# Weights of the event coder's argument ranker (ghotona/events/arguments.py).\n"
            "# Written by scripts/train_arguments.py from the development gold\n"
            "# (eval/refset/events/samples.yaml, written.yaml, written_c.yaml); do not edit by hand.\n"
            "# Per feature: one weight per class (none, actor, recipient).\n")
    path.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), "utf-8")


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    ap.add_argument("--min-count", type=int, default=2, help="keep features seen on at least this many candidates")
    ap.add_argument("--select", action="store_true", help="choose feature groups (backward) and thresholds by CV")
    ap.add_argument("--grid", action="store_true", help="keep the shipped feature groups, choose thresholds by CV")
    ap.add_argument("--cv-only", action="store_true", help="print CV scores, write nothing")
    ap.add_argument("--heldout", action="store_true", help="score the shipped weights on written_b and stop")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    t0, c0 = time.time(), cpu()

    from ghotona.events.arguments import feature_group
    from ghotona.events.coder import EventCoder

    if args.heldout:
        gold = load((HELDOUT,))
        rules = score(gold, lambda aid: EventCoder(ranker=None))
        ranked = score(gold, lambda aid: EventCoder())
        print(f"held-out {HELDOUT}: rules {rules}")
        print(f"held-out {HELDOUT}: ranker {ranked}")
        print(f"wall {time.time() - t0:.1f}s cpu {cpu() - c0:.1f}s")
        return 0

    gold = load(DEV)
    rows = label(gold, collect(gold))
    n = sum(len(r) for r in rows.values())
    dist = Counter(y for rs in rows.values() for _, y in rs)
    print(f"{len(gold)} dev articles, {n} candidates (none/actor/recipient {dist[0]}/{dist[1]}/{dist[2]})")
    print("rules only (dev):", score(gold, lambda aid: EventCoder(ranker=None)))

    old = None
    if args.out.is_file():
        from ghotona.events.arguments import model_from_data

        old = model_from_data(yaml.safe_load(args.out.read_text("utf-8")), str(args.out))
    groups: tuple[str, ...] = old.groups if old is not None and not args.select else ()
    th = (old.min_actor, old.min_recipient, old.second_actor) if old is not None and not args.select else (0.4, 0.4, 1.0)
    if args.grid and not args.select:
        th, _ = cv_grid(gold, rows, groups, args.l2, args.min_count)
    if args.select:
        all_groups = tuple(sorted({feature_group(f) for rs in rows.values() for fs, _ in rs for f in fs}))
        groups = all_groups
        th, s = cv_grid(gold, rows, groups, args.l2, args.min_count)
        print(f"all groups, thresholds {th}: {s}")
        best = (s["type+actors"], s["type+countries"])
        improved = True
        while improved:
            improved = False
            for gname in groups:
                if gname == "bias_cand":
                    continue
                trial = tuple(x for x in groups if x != gname)
                s2 = cv(gold, rows, trial, args.l2, args.min_count, th)
                key = (s2["type+actors"], s2["type+countries"])
                print(f"  without {gname:28} {s2['type+actors']:.4f} {s2['type+countries']:.4f}")
                if key >= best:
                    best, groups, improved = key, trial, True
                    print(f"  dropped {gname}")
                    break
        th, s = cv_grid(gold, rows, groups, args.l2, args.min_count)
        print(f"kept groups {groups}, thresholds {th}: {s}")
    s = cv(gold, rows, groups, args.l2, args.min_count, th)
    print(f"LOAO CV (dev), thresholds {th}: {s}")
    if args.cv_only:
        print(f"wall {time.time() - t0:.1f}s cpu {cpu() - c0:.1f}s")
        return 0
    model = train([r for rs in rows.values() for r in rs], groups, args.l2, args.min_count, th)
    meta = {"trained_on": list(DEV), "candidates": n, "l2": args.l2, "min_count": args.min_count,
            "cv_type_actors_f1": s["type+actors"], "cv_type_countries_f1": s["type+countries"]}
    write(model, args.out, meta)
    print(f"wrote {args.out} ({len(model.features)} features)")
    print(f"wall {time.time() - t0:.1f}s cpu {cpu() - c0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
