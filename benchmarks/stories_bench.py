"""Story assignment benchmark: ``StoryIndex.assign`` over 10k-1M generated articles.

    python benchmarks/stories_bench.py --sizes 10000,100000          # growth
    python benchmarks/stories_bench.py --sizes 100000 --duplicates   # + DuplicateIndex, as ingest runs them
    python benchmarks/stories_bench.py --sizes 20000 --profile       # where the time goes (cProfile, top 25)
    python benchmarks/stories_bench.py --json out.json ...           # also save the figures

The articles are streamed by scripts/make_variants.py from the real corpus
(../shared/data/news, or $GHOTONA_SHARED): about 500 originals a day (the
real articles, then collages of corpus sentences) and their edited,
reordered and truncated copies under other outlets one to three days
later.  Nothing is written to disk.

By default every article is scored (no ``duplicate_of``): the worst case,
where copies must find their original's story by similarity.  With
``--duplicates`` the ``DuplicateIndex`` runs first, as in ingest, and a copy
it finds joins its original's story directly; both stages are timed.

Each size runs in a fresh process (multiprocessing ``spawn``) so that peak
memory is that size's alone.  ``story cpu us`` is CPU time per article
inside ``assign`` (profiling, candidate look-up, scoring, threads,
eviction); growth is that figure at the largest size over the smallest
(1.0 = linear).  CPU time because on a shared machine other processes
stretch wall time.  Events are not generated (``assign(article, [])``):
their keys only add index entries.

The brute-force baseline (``--baseline N``) scores each article against
every story so far, with the same scorer: what assignment costs without
an index.
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


def run_size(n: int, duplicates: bool, profile: bool, seed: int, queue: "mp.Queue[dict]") -> None:
    """One size in a fresh process; puts a dict of figures on ``queue``."""
    from ghotona.corpus.stories import StoryIndex
    from ghotona.evaluate.duplicates import load_generator

    gen = load_generator()
    dup_index = None
    if duplicates:
        from ghotona.corpus.duplicates import DuplicateIndex, DuplicateSettings

        dup_index = DuplicateIndex(settings=DuplicateSettings.from_config())
    index = StoryIndex(None)
    base_rss = rss_mb()
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    cpu_story = cpu_dup = wall_story = 0.0
    t0 = time.perf_counter()
    new = joined = via_dup = 0
    families: dict[str, set[int]] = {}
    for k, v in enumerate(gen.generate(n, seed=seed, source=news_source()), 1):
        a = v.to_article()
        original = None
        if dup_index is not None:
            c = time.process_time()
            match = dup_index.check(a)
            dup_index.add(a, match)
            cpu_dup += time.process_time() - c
            original = match.original_id if match is not None and match.article_id == a.id else None
        t, c = time.perf_counter(), time.process_time()
        if prof is not None:
            prof.enable()
        r = index.assign(a, [], duplicate_of=original)
        if prof is not None:
            prof.disable()
        cpu_story += time.process_time() - c
        wall_story += time.perf_counter() - t
        new += r.new
        joined += not r.new
        via_dup += r.via == "duplicate"
        families.setdefault(v.root, set()).add(r.story_id)
        if k % max(1, n // 10) == 0:
            print(
                f"  n={n}: {k} articles, stories cpu {cpu_story:.1f} s, open {len(index.stories)}, "
                f"thread-linkable {len(index.threads.stories)}, df terms {len(index.df.df)}, "
                f"rss {rss_mb():.0f} MB",
                file=sys.stderr, flush=True,
            )
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # A family (an original and its copies) is one happening: the share of
    # families kept in one story says copies still meet their original.
    multi = [s for s in families.values()]
    out = {
        "n": n,
        "story_cpu_s": round(cpu_story, 2),
        "story_wall_s": round(wall_story, 2),
        "story_cpu_us_per_article": round(cpu_story / n * 1e6, 1),
        "dup_cpu_us_per_article": round(cpu_dup / n * 1e6, 1) if duplicates else None,
        "total_s": round(total, 2),
        "max_rss_mb": round(peak, 1),
        "rss_above_imports_mb": round(peak - base_rss, 1),
        "stories_new": new,
        "joined": joined,
        "via_duplicate": via_dup,
        "families_in_one_story": round(sum(len(s) == 1 for s in multi) / max(1, len(multi)), 4),
        "open_stories_end": len(index.stories),
    }
    if prof is not None:
        import io
        import pstats

        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
        out["profile"] = buf.getvalue()
    queue.put(out)


def baseline(n: int, seed: int) -> dict:
    """Indexed assignment against brute force (every story scored) on the same ``n`` articles."""
    from ghotona.corpus.stories import Story, StoryIndex
    from ghotona.evaluate.duplicates import load_generator

    arts = [v.to_article() for v in load_generator().generate(n, seed=seed, source=news_source())]
    index = StoryIndex(None)
    t = time.process_time()
    ours = [index.assign(a, []).story_id for a in arts]
    ours_s = time.process_time() - t

    # Brute force: the same profiles and scorer, every story so far a
    # candidate (no index, no window).
    brute = StoryIndex(None)
    t = time.process_time()
    stories: list[Story] = []
    for a in arts:
        prof = brute.profiler.profile(a, [])
        best, best_s = None, brute.params.threshold
        for st in stories:
            s = brute.scorer.score(prof, st)
            if s >= best_s:
                best, best_s = st, s
        if best is None:
            best = Story(len(stories) + 1, 0, keep=brute.params.centroid_terms)
            stories.append(best)
        best.add(prof)
    brute_s = time.process_time() - t
    return {"n": n, "ours_cpu_s": round(ours_s, 2), "brute_cpu_s": round(brute_s, 2),
            "speedup": round(brute_s / ours_s, 1), "brute_stories": len(stories),
            "our_stories": len(set(ours))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000", help="comma-separated article counts, e.g. 10000,100000 (0: none, e.g. with --baseline)")
    ap.add_argument("--duplicates", action="store_true", help="run DuplicateIndex first, as ingest does")
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions of assign")
    ap.add_argument("--baseline", type=int, default=0, metavar="N", help="compare with brute force on N articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()
    if not news_source().is_file():
        ap.error(f"{news_source()} not found; set GHOTONA_SHARED to the shared folder")
    report: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                "platform": platform.platform()}}
    if args.baseline:
        report["baseline"] = baseline(args.baseline, args.seed)
        print(json.dumps(report["baseline"]), flush=True)
    runs = []
    ctx = mp.get_context("spawn")
    for n in [int(s) for s in args.sizes.split(",") if s.strip() and int(s) > 0]:
        q: mp.Queue = ctx.Queue()
        p = ctx.Process(target=run_size, args=(n, args.duplicates, args.profile, args.seed, q))
        p.start()
        res = q.get()
        p.join()
        runs.append(res)
        if "profile" in res:
            print(res["profile"])
        print(json.dumps({k: v for k, v in res.items() if k != "profile"}), flush=True)
    if len(runs) >= 2:
        growth = runs[-1]["story_cpu_us_per_article"] / runs[0]["story_cpu_us_per_article"]
        report["growth_per_article"] = round(growth, 3)
        print(f"story CPU time per article, {runs[-1]['n']} vs {runs[0]['n']}: x{growth:.2f} (1.0 = linear)")
    report["runs"] = runs
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
