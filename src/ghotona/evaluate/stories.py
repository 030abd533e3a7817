"""Story and thread evaluation against the labels in ``eval/refset/stories``.

The labels (format in ``eval/refset/stories/README.md``) give, for Bengali
records of ``../shared/data/news/bdnews_2025-12-30.json`` and for the five
saved pages in ``../shared/samples/pages``, the story and thread each
belongs to, and a ``dev``/``test`` split fixed by story id before any
scoring.  The texts stay in ``../shared``: the evaluation ingests them into a
temporary store through the real ingest path (extraction, coding, then the
corpus stages, stories and threads included) in the order a user would, the
corpus first and then the pages, and compares what the store holds.

Scores are B-cubed precision, recall and F1 (Bagga and Baldwin 1998) over
the labelled articles of a split: for each article, the share of its
predicted cluster that is in its gold cluster (precision) and the share of
its gold cluster that is in its predicted cluster (recall), averaged over
articles.  Unlabelled articles (English records, records the labellers
left out) are ingested, since they are part of the corpus, but not scored.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .extraction import shared_dir

SPLITS = ("dev", "test", "all")

# The label files of each annotator (README there).  Annotator a made the
# labels and the dev/test split; b labelled the same articles again, blind
# to a's files, so the two can be compared (``agreement``).  b's files carry
# no split: each article keeps the split of a's label.
ANNOTATORS = {"a": ("bdnews.yaml", "samples.yaml"), "b": ("bdnews_b.yaml", "samples_b.yaml")}


@dataclass(slots=True, frozen=True)
class Label:
    """One labelled article: ``source`` is its ingest source (``path#index`` or a page path)."""

    set: str  # bdnews | samples
    source: str
    story: str
    thread: str
    split: str


def _fail(path: Path, where: str, problem: str) -> ValueError:
    return ValueError(f"{path}: {where}: {problem}; see eval/refset/stories/README.md")


def load_labels(refset: Path, shared: Path | None = None, annotator: str = "a") -> list[Label]:
    """Every label of one annotator's files in ``refset`` (``bdnews.yaml`` and ``samples.yaml`` for a), as ingest sources."""
    if annotator not in ANNOTATORS:
        raise ValueError(f"no annotator {annotator!r}; known: {', '.join(ANNOTATORS)}")
    shared = shared or shared_dir()
    bd_name, sp_name = ANNOTATORS[annotator]
    split_of: dict[str, str] = {}
    if annotator != "a":
        split_of = {lab.source: lab.split for lab in load_labels(refset, shared)}
    out: list[Label] = []
    bd = refset / bd_name
    if bd.is_file():
        data = yaml.safe_load(bd.read_text("utf-8"))
        corpus = shared / data["corpus"]
        records = json.loads(corpus.read_text("utf-8"))
        index = {str(r.get("id")): i for i, r in enumerate(records)}
        for n, entry in enumerate(data.get("articles") or []):
            rid = str(entry.get("id"))
            if rid not in index:
                raise _fail(bd, f"article {n + 1}", f"record id {rid!r} is not in {corpus}")
            i = index[rid]
            url = entry.get("url")
            if url and records[i].get("url") != url:
                raise _fail(bd, f"article {n + 1}", f"record {rid} has url {records[i].get('url')!r}, not {url!r}")
            source = f"{corpus}#{i}"
            out.append(Label("bdnews", source, _req(bd, n, entry, "story"), _req(bd, n, entry, "thread"),
                             _split(bd, n, entry, split_of.get(source))))
    sp = refset / sp_name
    if sp.is_file():
        data = yaml.safe_load(sp.read_text("utf-8"))
        for n, entry in enumerate(data.get("pages") or []):
            source = str(shared / _req(sp, n, entry, "file"))
            out.append(Label("samples", source, _req(sp, n, entry, "story"),
                             _req(sp, n, entry, "thread"), _split(sp, n, entry, split_of.get(source))))
    seen: set[str] = set()
    for lab in out:
        if lab.source in seen:
            raise _fail(bd if lab.set == "bdnews" else sp, lab.source, "labelled twice")
        seen.add(lab.source)
    return out


def _split(path: Path, n: int, entry: Mapping[str, Any], inherited: str | None) -> str:
    """The entry's split, or (a second annotator's file) the split of the first annotator's label."""
    if "split" in entry or path.name in ANNOTATORS["a"]:
        return _req(path, n, entry, "split")
    if inherited is None:
        raise _fail(path, f"entry {n + 1}", "the first annotator's files do not label this article, so it has no split")
    return inherited


def _req(path: Path, n: int, entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise _fail(path, f"entry {n + 1}", f"'{key}' is missing or not text")
    if key == "split" and value not in ("dev", "test"):
        raise _fail(path, f"entry {n + 1}", f"split must be dev or test, not {value!r}")
    return value


def bcubed(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of clustering ``pred`` against ``gold`` (item -> cluster) over gold's items.

    An item without a predicted cluster counts as a cluster of its own.
    """
    items = list(gold)
    p_of = {i: pred.get(i, ("alone", i)) for i in items}
    by_pred: dict[Any, set[str]] = defaultdict(set)
    by_gold: dict[Any, set[str]] = defaultdict(set)
    for i in items:
        by_pred[p_of[i]].add(i)
        by_gold[gold[i]].add(i)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}
    p = r = 0.0
    for i in items:
        c, g = by_pred[p_of[i]], by_gold[gold[i]]
        both = len(c & g)
        p += both / len(c)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": len(items)}


def agreement(first: list[Label], second: list[Label]) -> dict[str, Any]:
    """How far two annotators' labels of the same articles agree, per label set and split.

    B-cubed of ``second`` scored against ``first`` (swapping them swaps
    precision and recall; F1 is the same), over the articles both label; the
    split is ``first``'s.  ``only_first``/``only_second`` count articles one
    of them left out.
    """
    if not first or not second:
        raise ValueError("agreement needs both annotators' labels; annotator b's files are "
                         f"{' and '.join(ANNOTATORS['b'])} beside a's (README.md)")
    a = {lab.source: lab for lab in first}
    b = {lab.source: lab for lab in second}
    both = [a[s] for s in a if s in b]
    result = score(both, {s: (b[s].set, b[s].story) for s in b}, {s: (b[s].set, b[s].thread) for s in b})
    result["_counts"] = {"both": len(both), "only_first": len(set(a) - set(b)), "only_second": len(set(b) - set(a))}
    return result


def ingest_labelled(labels: list[Label], db: str, config: dict[str, Any] | None = None) -> Any:
    """Ingest the corpus and the pages behind ``labels`` into the store at ``db``; return the open store."""
    from .. import config as config_mod
    from ..ingest import ingest
    from ..pipeline import Extractor
    from ..store import open_store

    cfg = config if config is not None else config_mod.load()
    paths: list[str] = []
    for lab in labels:
        path = lab.source.split("#", 1)[0]
        if path not in paths:
            paths.append(path)
    store = open_store(db)
    extractor = Extractor(cfg)
    for path in paths:  # one path at a time keeps the corpus-then-pages order
        ingest([path], store, extractor)
    return store


def predicted(store: Any) -> tuple[dict[str, int], dict[str, int]]:
    """``(source -> story id, source -> thread id)`` for every article in a store."""
    rows = store.conn.execute(
        "SELECT a.source, s.story_id, st.thread_id FROM articles a"
        " JOIN story_articles s ON s.article_id = a.id JOIN stories st ON st.id = s.story_id"
    ).fetchall()
    return {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}


def score(labels: list[Label], stories: Mapping[str, Any], threads: Mapping[str, Any]) -> dict[str, Any]:
    """B-cubed for stories and threads per label set and split (``all`` = both sets together)."""
    out: dict[str, Any] = {}
    for set_name in sorted({lab.set for lab in labels}) + ["all"]:
        for split in SPLITS:
            chosen = [lab for lab in labels if set_name in ("all", lab.set) and split in ("all", lab.split)]
            if not chosen:
                continue
            # Story and thread ids are one namespace per file: prefix them with the set.
            g_story = {lab.source: (lab.set, lab.story) for lab in chosen}
            g_thread = {lab.source: (lab.set, lab.thread) for lab in chosen}
            out[f"{set_name}/{split}"] = {
                "stories": bcubed(stories, g_story),
                "threads": bcubed(threads, g_thread),
                "gold_stories": len(set(g_story.values())),
                "gold_threads": len(set(g_thread.values())),
            }
    return out


def errors(labels: list[Label], stories: Mapping[str, Any], store: Any, split: str = "dev") -> list[str]:
    """Wrongly merged and wrongly split gold stories, for error analysis (titles only)."""
    title = dict(store.conn.execute("SELECT source, title FROM articles").fetchall())
    chosen = [lab for lab in labels if split in ("all", lab.split)]
    by_gold: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_pred: dict[Any, list[Label]] = defaultdict(list)
    for lab in chosen:
        by_gold[(lab.set, lab.story)].append(lab.source)
        by_pred[stories.get(lab.source, ("alone", lab.source))].append(lab)
    lines: list[str] = []
    for (s, story), sources in sorted(by_gold.items()):
        preds = {stories.get(src, ("alone", src)) for src in sources}
        if len(preds) > 1:
            lines.append(f"SPLIT {story}: " + " | ".join(f"[{stories.get(x)}] {(title.get(x) or '')[:40]}" for x in sources))
    for pred, labs in by_pred.items():
        golds = {(lab.set, lab.story) for lab in labs}
        if len(golds) > 1:
            lines.append(f"MERGED story {pred}: " + " | ".join(f"{lab.story}: {(title.get(lab.source) or '')[:40]}" for lab in labs))
    return lines


def evaluate(refset: Path, config: dict[str, Any] | None = None, db: str | None = None,
             annotator: str = "a") -> dict[str, Any]:
    """Ingest the labelled texts into a temporary store (or ``db``) and score stories and threads."""
    labels = load_labels(refset, annotator=annotator)
    if not labels:
        raise ValueError(f"no labels in {refset}; expected {' and/or '.join(ANNOTATORS[annotator])} (README.md)")
    with tempfile.TemporaryDirectory(prefix="ghotona-stories-") as tmp:
        store = ingest_labelled(labels, db or str(Path(tmp) / "eval.db"), config)
        try:
            stories, threads = predicted(store)
            result = score(labels, stories, threads)
            result["_errors"] = errors(labels, stories, store, "dev")
        finally:
            store.close()
    return result


def render(result: Mapping[str, Any]) -> str:
    lines = [f"{'set/split':<16} {'n':>4} {'gold':>5}  {'story P':>8} {'R':>6} {'F1':>6}   {'thread P':>8} {'R':>6} {'F1':>6}"]
    for key, row in result.items():
        if key.startswith("_"):
            continue
        s, t = row["stories"], row["threads"]
        lines.append(
            f"{key:<16} {s['n']:>4} {row['gold_stories']:>5}  {s['precision']:>8.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}"
            f"   {t['precision']:>8.3f} {t['recall']:>6.3f} {t['f1']:>6.3f}"
        )
    return "\n".join(lines)
