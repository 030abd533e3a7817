"""Corpus benchmark: duplicate detection (and story assignment) over 100k-1M articles.

    python benchmarks/corpus_bench.py --sizes 100000               # ours, one size
    python benchmarks/corpus_bench.py --sizes 100000,300000,1000000  # growth
    python benchmarks/corpus_bench.py --stories --sizes 100000       # + StoryIndex.assign
    python benchmarks/corpus_bench.py --baselines 2000               # vs brute force and datasketch
    python benchmarks/corpus_bench.py --real                         # Jaccard spread of the real corpus
    python benchmarks/corpus_bench.py --json out.json ...            # also save the figures
    python benchmarks/corpus_bench.py --pipeline --sizes 100000,1000000 --baselines 2000 --story-baseline 2000
        # issue 6 end to end: duplicates + stories + threads on two cores (corpus.parallel.CorpusPass)

The articles are streamed by scripts/make_variants.py from the real corpus
(../shared/data/news, or $GHOTONA_SHARED): originals, their edited /
reordered / truncated copies under other outlets and days, and unrelated
collages.  Nothing is written to disk.

Each size runs in its own fresh process (multiprocessing ``spawn``) so that
peak memory is that size's alone: ``max RSS`` is the process's peak
resident set (``ru_maxrss``) minus its RSS after imports.  ``index s`` is
the wall time inside ``DuplicateIndex.check`` + ``add`` (fingerprinting
included) and ``index cpu s`` its CPU time; ``total s`` adds generating
the articles.  Growth is ``(CPU time per article at the largest size) /
(CPU time per article at the smallest)``: 1.0 is linear.  CPU time because
on a shared machine other processes stretch wall time.

``--pipeline`` runs what ``ghotona corpus rebuild --workers 2`` runs, in
memory: ``CorpusPass`` with duplicate detection (and the counting of the
story features) in the size's process and story assignment with threads
in a second one.  It reports wall time (the
figure the issue's 30 minutes is about), the CPU time of each process,
each process's peak RSS and their sum (both are alive at once), and the
load average before and after (other work on the machine stretches wall
time but not CPU time).

Baselines, on the same articles at a small size:

* **brute force**: every new article compared with every earlier one by
  exact shingle Jaccard (what you would write without an index): O(n²).
* **datasketch alone**: ``MinHash`` (128 permutations, datasketch's own
  SHA-1 hashing of the shingle strings) with ``MinHashLSH(threshold=0.8)``
  insert + query, no exact confirmation: its precision and recall are
  scored against the brute-force pairs too.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from pathlib import Path

from _common import news_source, rss_mb

ROOT = Path(__file__).resolve().parents[1]


def run_size(n: int, stories: bool, seed: int, queue: "mp.Queue[dict]") -> None:
    """One size in a fresh process; puts a dict of figures on ``queue``."""
    from ghotona.corpus.duplicates import DuplicateIndex, DuplicateSettings
    from ghotona.evaluate.duplicates import load_generator

    gen = load_generator()
    story_index = None
    if stories:
        # Hook for story assignment (helper STORIES' corpus.stories.StoryIndex,
        # in memory): a copy joins its original's story without scoring.
        from ghotona.corpus.stories import StoryIndex

        story_index = StoryIndex(None)
    index = DuplicateIndex(settings=DuplicateSettings.from_config())
    base_rss = rss_mb()
    t_index = t_story = 0.0
    cpu_index = 0.0
    t0 = time.perf_counter()
    marks = []
    for k, v in enumerate(gen.generate(n, seed=seed, source=news_source()), 1):
        a = v.to_article()
        t, c = time.perf_counter(), time.process_time()
        match = index.check(a)
        index.add(a, match)
        t_index += time.perf_counter() - t
        cpu_index += time.process_time() - c
        if story_index is not None:
            t = time.perf_counter()
            original = match.original_id if match is not None and match.article_id == a.id else None
            story_index.assign(a, [], duplicate_of=original)
            t_story += time.perf_counter() - t
        if k % max(1, n // 10) == 0:
            marks.append((k, round(t_index, 2)))
            print(
                f"  n={n}: {k} articles, index {t_index:.1f} s (cpu {cpu_index:.1f} s), rss {rss_mb():.0f} MB",
                file=sys.stderr, flush=True,
            )
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = index.stats
    queue.put(
        {
            "n": n,
            "index_s": round(t_index, 2),
            "index_cpu_s": round(cpu_index, 2),
            "story_s": round(t_story, 2) if stories else None,
            "total_s": round(total, 2),
            "us_per_article": round(t_index / n * 1e6, 1),
            "cpu_us_per_article": round(cpu_index / n * 1e6, 1),
            "max_rss_mb": round(peak, 1),
            "rss_above_imports_mb": round(peak - base_rss, 1),
            "exact": s.exact,
            "near": s.near,
            "candidates": s.candidates,
            "skipped_empty": s.skipped_empty,
            "progress": marks,
        }
    )


def run_pipeline(n: int, seed: int, queue: "mp.Queue[dict]") -> None:
    """Duplicates + stories + threads on two processes (``CorpusPass``, in memory); figures on ``queue``."""
    from ghotona.corpus.parallel import CorpusPass
    from ghotona.evaluate.duplicates import load_generator

    gen = load_generator()
    base_rss = rss_mb()
    load_before = os.getloadavg()
    cp = CorpusPass(None, workers=2)
    t0 = time.perf_counter()
    c0 = time.process_time()
    marks = []
    step = max(1, n // 10)

    def articles():
        for v in gen.generate(n, seed=seed, source=news_source()):
            yield v.to_article(), []

    k = 0
    for _ in cp.run(articles()):
        k += 1
        if k % step == 0:
            wall = time.perf_counter() - t0
            marks.append((k, round(wall, 1)))
            print(f"  pipeline n={n}: {k} articles, {wall:.0f} s wall, main rss {rss_mb():.0f} MB, "
                  f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    wall = time.perf_counter() - t0
    main_cpu = time.process_time() - c0
    self_ru = resource.getrusage(resource.RUSAGE_SELF)
    child_ru = resource.getrusage(resource.RUSAGE_CHILDREN)  # the story process, joined by now
    child_cpu = child_ru.ru_utime + child_ru.ru_stime
    main_peak = self_ru.ru_maxrss / 1024
    child_peak = child_ru.ru_maxrss / 1024
    c = cp.counts
    queue.put({
        "n": n,
        "wall_s": round(wall, 1),
        "wall_min": round(wall / 60, 2),
        "main_cpu_s": round(main_cpu, 1),  # generating + words + duplicates + sending
        "story_process_cpu_s": round(child_cpu, 1),  # receiving + stories + threads
        "cpu_s": round(main_cpu + child_cpu, 1),
        "wall_us_per_article": round(wall / n * 1e6, 1),
        "cpu_us_per_article": round((main_cpu + child_cpu) / n * 1e6, 1),
        "main_cpu_us_per_article": round(main_cpu / n * 1e6, 1),
        "story_cpu_us_per_article": round(child_cpu / n * 1e6, 1),
        "main_peak_rss_mb": round(main_peak, 1),
        "story_peak_rss_mb": round(child_peak, 1),
        "peak_rss_sum_mb": round(main_peak + child_peak, 1),
        "main_rss_above_imports_mb": round(main_peak - base_rss, 1),
        "copies": c["duplicates"],
        "stories_new": c["stories_new"],
        "stories_joined": c["stories_joined"],
        "errors": c["errors"],
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "progress": marks,
    })


def story_baseline(n: int, seed: int) -> dict:
    """Story assignment with its index against brute force (benchmarks/stories_bench.py ``baseline``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stories_bench import baseline

    return baseline(n, seed)


def baselines(n: int, seed: int) -> dict:
    """Ours, brute force and datasketch alone on the same ``n`` articles."""
    from datasketch import MinHash, MinHashLSH

    from ghotona.corpus.duplicates import DuplicateIndex, DuplicateSettings
    from ghotona.corpus.shingles import jaccard, words
    from ghotona.evaluate.duplicates import brute_force_pairs, load_generator

    settings = DuplicateSettings.from_config()
    arts = [v.to_article() for v in load_generator().generate(n, seed=seed, source=news_source())]
    pos = {a.id: i for i, a in enumerate(arts)}
    out: dict = {"n": n}

    index = DuplicateIndex(settings=settings)
    ours: set[tuple[int, int]] = set()
    t = time.perf_counter()
    for a in arts:
        for m in index.copies(a):
            i, j = pos[a.id], pos[m.original_id]
            ours.add((min(i, j), max(i, j)))
        index.add(a, index.check(a))
    out["ours_s"] = round(time.perf_counter() - t, 3)

    # Brute force: fingerprint each article, compare it with every earlier one.
    t = time.perf_counter()
    fps = []
    brute: set[tuple[int, int]] = set()
    for i, a in enumerate(arts):
        sh = index.fingerprint_text(a.body).shingles
        for j, other in enumerate(fps):
            if jaccard(sh, other) >= settings.threshold:
                brute.add((j, i))
        fps.append(sh)
    out["brute_s"] = round(time.perf_counter() - t, 3)
    assert brute == set(brute_force_pairs(fps, settings.threshold)), "the two brute forces disagree"

    # datasketch alone: its MinHash over the shingle strings, its LSH, no confirmation.
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=128)
    ds: set[tuple[int, int]] = set()
    n_words = settings.shingle_words
    for i, a in enumerate(arts):
        toks = words(a.body)
        grams = {" ".join(toks[k : k + n_words]).encode() for k in range(max(1, len(toks) - n_words + 1))}
        m = MinHash(num_perm=128)
        m.update_batch(list(grams))
        for key in lsh.query(m):
            ds.add((min(key, i), max(key, i)))
        lsh.insert(i, m)
    out["datasketch_s"] = round(time.perf_counter() - t, 3)

    def score(found: set) -> dict:
        tp = len(found & brute)
        return {
            "found": len(found),
            "precision": round(tp / len(found), 4) if found else 1.0,
            "recall": round(tp / len(brute), 4) if brute else 1.0,
        }

    out["true_pairs"] = len(brute)
    out["ours"] = score(ours)
    out["datasketch"] = score(ds)
    out["speedup_vs_brute"] = round(out["brute_s"] / out["ours_s"], 1)
    out["speedup_vs_datasketch"] = round(out["datasketch_s"] / out["ours_s"], 2)
    return out


def real_spread() -> dict:
    """Highest Jaccard between different real articles, and how many pairs pass 0.8."""
    import numpy as np

    from ghotona.corpus.shingles import shingle_hashes, words
    from ghotona.evaluate.duplicates import brute_force_pairs

    records = json.loads(news_source().read_text("utf-8"))
    bodies = [r["article"] for r in records if r.get("article") and r["article"] != "None"]
    out = {"articles": len(bodies)}
    for n in (2, 3, 4, 5):
        sh = [shingle_hashes(words(b), n) for b in bodies]
        pairs = brute_force_pairs(sh, 0.2)
        vals = np.array(sorted(pairs.values()))
        below = vals[vals < 0.8]
        out[f"n{n}"] = {
            "pairs_ge_0.8": int((vals >= 0.8).sum()),
            "pairs_0.2_to_0.8": int(len(below)),
            "max_below_0.8": round(float(below.max()), 3) if len(below) else None,
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="", help="comma-separated article counts, e.g. 100000,1000000")
    ap.add_argument("--stories", action="store_true", help="also time StoryIndex.assign (in memory)")
    ap.add_argument("--baselines", type=int, default=0, metavar="N", help="compare with brute force and datasketch on N articles")
    ap.add_argument("--real", action="store_true", help="Jaccard spread of the real corpus by shingle length")
    ap.add_argument("--pipeline", action="store_true",
                    help="duplicates + stories + threads on two processes (corpus rebuild --workers 2), end to end")
    ap.add_argument("--story-baseline", type=int, default=0, metavar="N",
                    help="story assignment against brute force on N articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()
    if not news_source().is_file():
        ap.error(f"{news_source()} not found; set GHOTONA_SHARED to the shared folder")
    report: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
    }
    if args.real:
        report["real"] = real_spread()
        print(json.dumps(report["real"], indent=1))
    if args.baselines:
        report["baselines"] = baselines(args.baselines, args.seed)
        print(json.dumps(report["baselines"], indent=1))
    if args.story_baseline:
        report["story_baseline"] = story_baseline(args.story_baseline, args.seed)
        print(json.dumps(report["story_baseline"]), flush=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = []
    ctx = mp.get_context("spawn")
    for n in sizes:
        q: mp.Queue = ctx.Queue()
        if args.pipeline:
            p = ctx.Process(target=run_pipeline, args=(n, args.seed, q))
        else:
            p = ctx.Process(target=run_size, args=(n, args.stories, args.seed, q))
        p.start()
        res = q.get()
        p.join()
        if args.json:  # saved after every size: a long run keeps what it measured
            args.json.write_text(json.dumps({**report, "runs": runs + [res]}, indent=1))
        runs.append(res)
        print(json.dumps({k: v for k, v in res.items() if k != "progress"}), flush=True)
    if len(runs) >= 2 and args.pipeline:
        # CPU time, not wall time: on a shared machine other processes
        # stretch wall time without the pass doing more work.
        for key in ("main_cpu_us_per_article", "story_cpu_us_per_article", "cpu_us_per_article"):
            report[f"growth_{key}"] = round(runs[-1][key] / runs[0][key], 3)
        report["growth_memory_per_article"] = round(
            (runs[-1]["peak_rss_sum_mb"] / runs[-1]["n"]) / (runs[0]["peak_rss_sum_mb"] / runs[0]["n"]), 3)
        print(f"CPU per article {runs[-1]['n']} vs {runs[0]['n']}: x{report['growth_cpu_us_per_article']:.2f}; "
              f"memory per article x{report['growth_memory_per_article']:.2f}")
    elif len(runs) >= 2:
        # CPU time, not wall time: on a shared machine other processes
        # stretch wall time without the index doing more work.
        growth = (runs[-1]["index_cpu_s"] / runs[-1]["n"]) / (runs[0]["index_cpu_s"] / runs[0]["n"])
        report["growth_per_article"] = round(growth, 3)
        print(f"CPU time per article, {runs[-1]['n']} vs {runs[0]['n']}: x{growth:.2f} (1.0 = linear)")
    report["runs"] = runs
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
