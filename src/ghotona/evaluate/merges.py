"""Cross-article event merging scored against the event gold (``happening:`` labels).

Every article of the gold files labelled for merging (those of
``eval/refset/events`` with at least one ``happening:`` label) goes through the
per-page pipeline and the event coder, into an in-memory store, oldest first,
and through :class:`ghotona.corpus.merge.EventMerger`, as ingest would do.
Each predicted event is paired with a gold event as the events evaluation
pairs them (overlapping trigger, else the same sentence; best first).

Scored over pairs of *paired* events from *different* articles: gold says
"same happening" when both gold events carry the same ``happening:`` label;
the merger says so when both predicted events landed in one happening.
Precision and recall are of "same happening" pairs.  Events the coder
missed or invented are the events evaluation's business, not counted here.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from .events import GoldArticle, _pair_score, load_gold, store_merged


def _labels(path: Path) -> tuple[dict[str, str], set[str]]:
    """Gold event id -> happening label, from every gold file; and the names of the files that have labels.

    A file with no label at all was not labelled for merging (its events'
    shared happenings are unknown, not "all different"), so it is left out:
    counting its merges as wrong would score the missing labels.
    """
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    out: dict[str, str] = {}
    labelled: set[str] = set()
    for f in files:
        for entry in yaml.safe_load(f.read_text("utf-8")) or []:
            for ev in entry.get("events") or []:
                if ev.get("happening"):
                    out[str(ev["id"])] = str(ev["happening"])
                    labelled.add(f.name)
    return out, labelled


def evaluate(path: Path, gold: list[GoldArticle] | None = None) -> dict[str, Any]:
    from ..events.coder import default_coder
    from ..store import open_store

    labels, labelled = _labels(path)
    gold = [ga for ga in (gold if gold is not None else load_gold(path)) if ga.file in labelled]
    coder = default_coder()
    paired: list[tuple[str, str, str]] = []  # (article id, predicted event id, gold event id)
    with open_store(":memory:") as store:
        for ga, pred in store_merged(store, gold, coder):
            cands = sorted(((_pair_score(p, g), i, j) for i, p in enumerate(pred)
                            for j, g in enumerate(ga.events)), reverse=True)
            used_p: set[int] = set()
            used_g: set[int] = set()
            for score, i, j in cands:
                if score == 0 or i in used_p or j in used_g:
                    continue
                used_p.add(i)
                used_g.add(j)
                paired.append((ga.article.id, pred[i].id, ga.events[j].id))
        happening = {}
        for _, eid, _ in paired:
            h = store.happening_of_event(eid)
            happening[eid] = h["id"] if h else eid
        n_happenings = store.count_happenings()
        multi = store.count_happenings(min_articles=2)
    tp = fp = fn = 0
    errors: list[str] = []
    for (a1, p1, g1), (a2, p2, g2) in combinations(paired, 2):
        if a1 == a2:
            continue
        gold_same = g1 in labels and labels.get(g1) == labels.get(g2)
        pred_same = happening[p1] == happening[p2]
        if gold_same and pred_same:
            tp += 1
        elif pred_same:
            fp += 1
            errors.append(f"merged, gold apart: {g1} + {g2}")
        elif gold_same:
            fn += 1
            errors.append(f"apart, gold {labels[g1]}: {g1} + {g2}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "articles": len(gold), "paired_events": len(paired), "gold_labels": len(labels),
        "happenings": n_happenings, "happenings_multi_article": multi,
        "pairs": {"tp": tp, "fp": fp, "fn": fn},
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
        "errors": errors,
    }


def render(result: dict[str, Any], n_errors: int = 30) -> str:
    lines = [
        f"articles {result['articles']}  paired events {result['paired_events']}  "
        f"labelled gold events {result['gold_labels']}",
        f"happenings {result['happenings']} ({result['happenings_multi_article']} reported by 2+ articles)",
        f"same-happening pairs: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  (tp {result['pairs']['tp']}, fp {result['pairs']['fp']}, fn {result['pairs']['fn']})",
    ]
    if result["errors"]:
        lines += ["", "differences:"] + [f"  {e}" for e in result["errors"][:n_errors]]
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)
