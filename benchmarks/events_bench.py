#!/usr/bin/env python3
"""Page-to-events benchmark: ghotona's whole per-page pipeline beside trafilatura alone.

ghotona's side is everything one page goes through before the corpus level:

1. extraction: ``Extractor().extract(RawPage(...HTML...))``, which also tags
   time expressions and links actors;
2. events: ``ghotona.events.coder.default_coder().code(article)``;
3. claims: ``ghotona.claims.find_claims(article)``, if ``ghotona.claims``
   imports (it is skipped, and the report says why, if it does not).

trafilatura's side is ``trafilatura.extract`` on the same HTML pages: the
text you would otherwise start from.  The ratio ghotona / trafilatura is the
cost of going from a page to coded events rather than to plain text.

Both tools read the SAME pages in one run, each in a fresh spawned process
(tracemalloc peak and max-RSS growth), exactly as ``extraction_bench.py``
measures them; its input builders (bundled demo HTML pages and synthetic
pages made from ``<shared>/data/news/bdnews_2025-12-30.json``), its child
process runner and its table printer are imported from it, not copied.
The report adds events per article, claims per article and the time split
between ghotona's stages.

Run ``python benchmarks/events_bench.py --help`` for the options.  This is a
benchmark, not a test: it asserts nothing about speed.

Only the standard library (and extraction_bench, which imports only the
standard library) is imported at module level: with the ``spawn`` start
method every child re-imports this module, and importing a tool here would
put its memory into the other tool's figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

# benchmarks/ is not a package: make extraction_bench importable however this
# script is started (spawned children get the parent's sys.path).
sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction_bench as xb  # noqa: E402  (needs the path above)

TOOLS = ("ghotona", "trafilatura")
STAGES = ("extraction", "events", "claims")
TRAFILATURA_CALL = 'trafilatura.extract(html, include_comments=False, output_format="txt", with_metadata=True)'
GHOTONA_CALLS = (
    "a = Extractor().extract(RawPage(source=name, format=InputFormat.HTML, text=html)); "
    "default_coder().code(a); find_claims(a)"
)


# --------------------------------------------------------------------------
# Measurement (runs in a fresh spawned child per tool)
# --------------------------------------------------------------------------
class _Ghotona:
    """The per-page pipeline, built once; ``run(page)`` returns (ok, events, claims, stage seconds)."""

    def __init__(self) -> None:
        from ghotona.events.coder import default_coder
        from ghotona.pipeline import Extractor
        from ghotona.records import Article, InputFormat, RawPage

        self.Article, self.InputFormat, self.RawPage = Article, InputFormat, RawPage
        from ghotona.attribution import article_attributions

        self.extractor = Extractor()
        self.coder = default_coder()
        self.attributions = article_attributions
        self.find_claims = None
        self.claims_skipped: str | None = None
        try:
            from ghotona.claims import find_claims
        except Exception as exc:  # another helper's module mid-edit must not stop the benchmark
            self.claims_skipped = f"ghotona.claims does not import ({type(exc).__name__}: {exc})"
        else:
            self.find_claims = find_claims
        # A stage that raises on one page is counted, not fatal: the figures
        # of the other pages still stand, and the report shows the count.
        self.errors = {"events": 0, "claims": 0}
        self.first_error: dict[str, str] = {}

    def _fail(self, stage: str, page: Any, exc: Exception) -> None:
        self.errors[stage] += 1
        self.first_error.setdefault(stage, f"{page.name}: {type(exc).__name__}: {exc}")

    def run(self, page: Any) -> tuple[bool, int, int, tuple[float, float, float]]:
        clock = time.perf_counter
        t0 = clock()
        art = self.extractor.extract(self.RawPage(source=page.name, format=self.InputFormat.HTML, text=page.text))
        t1 = clock()
        if not isinstance(art, self.Article):
            return False, 0, 0, (t1 - t0, 0.0, 0.0)
        n_events = n_claims = 0
        cited = None
        try:
            # As ingest does: who cites whom is read once, for events and claims.
            cited = self.attributions(art)
            n_events = len(self.coder.code(art, attributions=cited))
        except Exception as exc:
            self._fail("events", page, exc)
        t2 = clock()
        if self.find_claims is not None:
            try:
                n_claims = len(self.find_claims(art, attributions=cited))
            except Exception as exc:
                self._fail("claims", page, exc)
        t3 = clock()
        return True, n_events, n_claims, (t1 - t0, t2 - t1, t3 - t2)


class _Trafilatura:
    def __init__(self) -> None:
        import trafilatura

        self.extract = trafilatura.extract
        self.claims_skipped = None
        self.errors: dict[str, int] = {}
        self.first_error: dict[str, str] = {}

    def run(self, page: Any) -> tuple[bool, int, int, tuple[float, ...]]:
        t0 = time.perf_counter()
        out = self.extract(page.text, include_comments=False, output_format="txt", with_metadata=True)
        return bool(out), 0, 0, (time.perf_counter() - t0,)


def measure(tool: str, pages: list[Any], reps: int) -> dict[str, Any]:
    """Warm-up pass, ``reps`` timed passes, then one tracemalloc pass (as extraction_bench.measure)."""
    rss_start = xb._rss_now_mb()
    maxrss_at_start = xb._maxrss_mb()
    t0 = time.perf_counter()
    runner = _Ghotona() if tool == "ghotona" else _Trafilatura()
    import_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    outputs = [runner.run(p) for p in pages]  # warm-up: lazy dictionaries, models, regex compiles
    cold_s = time.perf_counter() - t0
    warm_errors = dict(runner.errors)  # one pass's worth: the same pages fail on every pass
    n_stages = len(outputs[0][3]) if outputs else 0

    walls: list[float] = []
    per_page: list[list[float]] = [[] for _ in pages]
    # per stage, per page, one time per pass
    per_stage: list[list[list[float]]] = [[[] for _ in pages] for _ in range(n_stages)]
    clock = time.perf_counter
    for _ in range(reps):
        w0 = clock()
        for k, p in enumerate(pages):
            s = clock()
            _, _, _, st = runner.run(p)
            per_page[k].append(clock() - s)
            for j, v in enumerate(st):
                per_stage[j][k].append(v)
        walls.append(clock() - w0)
    rss_end = xb._maxrss_mb()  # before tracemalloc, whose bookkeeping costs memory itself

    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    for p in pages:
        runner.run(p)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    ok = [o[0] for o in outputs]
    return {
        "tool": tool,
        "pages": len(pages),
        "groups": [p.group for p in pages],
        "ok": sum(ok),
        "ok_mask": ok,
        "events": sum(o[1] for o in outputs),
        "claims": sum(o[2] for o in outputs),
        "articles_with_events": sum(1 for o in outputs if o[1] > 0),
        "articles_with_claims": sum(1 for o in outputs if o[2] > 0),
        "claims_skipped": runner.claims_skipped,
        "stage_errors": warm_errors,
        "first_error": dict(runner.first_error),
        "import_s": import_s,
        "cold_pass_s": cold_s,
        "walls_s": walls,
        "per_page_s": per_page,
        "per_stage_s": per_stage,
        "tracemalloc_peak_mb": (peak - base) / 1e6,
        "rss_start_mb": rss_start,
        "maxrss_start_mb": maxrss_at_start,
        "rss_end_mb": rss_end,
        "rss_delta_mb": rss_end - rss_start,
    }


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------
MAIN_COLS = [
    ("tool", "tool", ""),
    ("pages", "pages", "d"),
    ("ok", "ok", "d"),
    ("articles/s", "pages_per_s", ".1f"),
    ("min-max", "range", ""),
    ("ms/page p50", "ms_p50", ".2f"),
    ("ms/page p95", "ms_p95", ".2f"),
    ("tracemalloc peak MB", "tracemalloc_peak_mb", ".2f"),
    ("max RSS +MB", "rss_delta_mb", ".1f"),
]
STAGE_COLS = [
    ("stage", "stage", ""),
    ("pages", "pages", "d"),
    ("s/pass", "s_per_pass", ".2f"),
    ("share", "share", ""),
    ("ms/page mean", "ms_mean", ".2f"),
    ("ms/page p50", "ms_p50", ".2f"),
    ("ms/page p95", "ms_p95", ".2f"),
]


def stage_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    """ghotona's time per stage: per-pass totals (median over passes) and per-page percentiles.

    Events and claims run only on pages that gave an article, so their
    per-page figures are over those pages; extraction's are over all pages.
    """
    reps = len(res["walls_s"])
    mask = res["ok_mask"]
    totals = []
    for j in range(len(STAGES)):
        per_pass = [sum(res["per_stage_s"][j][k][r] for k in range(res["pages"])) for r in range(reps)]
        totals.append(statistics.median(per_pass))
    whole = sum(totals) or float("nan")
    rows = []
    for j, stage in enumerate(STAGES):
        idx = [k for k in range(res["pages"]) if j == 0 or mask[k]]
        skipped = stage == "claims" and bool(res["claims_skipped"])
        ms = [] if skipped else [statistics.median(res["per_stage_s"][j][k]) * 1000 for k in idx]
        rows.append({
            "stage": stage + (" (skipped)" if skipped else ""),
            "pages": len(idx),
            "s_per_pass": totals[j],
            "share_of_pipeline": totals[j] / whole,
            "share": f"{100 * totals[j] / whole:.1f}%",
            "ms_mean": statistics.fmean(ms) if ms else None,
            "ms_p50": xb.pct(ms, 0.5) if ms else None,
            "ms_p95": xb.pct(ms, 0.95) if ms else None,
        })
    return rows


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="events_bench.py",
        description=(
            "ghotona's whole per-page pipeline (extraction with time expressions and actors, event coding, "
            "claims) beside trafilatura.extract alone, on the same HTML pages in one run. Each tool runs in "
            "its own fresh process: one warm-up pass, then REPS timed passes (articles/s is the median over "
            "passes), then one pass under tracemalloc."
        ),
        epilog=(
            "Ratios are ghotona / trafilatura: throughput below 1 means ghotona is slower (expected: it runs "
            "trafilatura, then its own extraction, time expressions, actor linking, event coding and claims); "
            "memory above 1 means ghotona uses more. Example: python benchmarks/events_bench.py --limit 60"
        ),
    )
    p.add_argument("--shared", default=str(xb.DEFAULT_SHARED), metavar="PATH",
                   help="the shared/ directory with data/news/bdnews_2025-12-30.json (default: %(default)s)")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="use only N synthetic pages, spread evenly over the records (default: all)")
    p.add_argument("--reps", type=int, default=3, metavar="N",
                   help="timed passes over the pages after the warm-up pass (default %(default)s)")
    p.add_argument("--json", metavar="PATH", help="also write all figures, machine info and a timestamp as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.reps < 1:
        sys.exit("--reps must be at least 1")
    if args.limit is not None and args.limit < 0:
        sys.exit("--limit must be 0 or more")

    inputs = argparse.Namespace(shared=args.shared, limit=args.limit, quick=False, all_languages=False)
    pages, _page_text = xb.load_inputs(inputs)  # page text: trafilatura cannot read it, so not used here
    if not pages:
        sys.exit("no HTML pages found")
    groups = sorted({p.group for p in pages})
    counts = {g: sum(1 for p in pages if p.group == g) for g in groups}
    print(
        f"HTML pages: {len(pages)} ({', '.join(f'{g} {n}' for g, n in counts.items())}), "
        f"{sum(len(p.text) for p in pages) / len(pages) / 1000:.1f} kB mean; timed passes: {args.reps} after 1 warm-up",
        flush=True,
    )

    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for tool in TOOLS:
        what = "page -> article -> events -> claims" if tool == "ghotona" else "page -> text"
        print(f"  measuring {tool} ({what}) ...", flush=True)
        results[tool] = xb.in_child(measure, tool, pages, args.reps)
    gres = results["ghotona"]

    rows = []
    for tool in TOOLS:
        s = xb.summarise(results[tool])
        s["ok"] = results[tool]["ok"]
        s["range"] = f"{s['pages_per_s_min']:.0f}-{s['pages_per_s_max']:.0f}"
        rows.append(s)
    rows[0]["tool"] = "ghotona (to events)"
    g, t = rows
    ratios = {
        "throughput": xb.ratio(g["pages_per_s"], t["pages_per_s"]),
        "ms_p50": xb.ratio(g["ms_p50"], t["ms_p50"]),
        "tracemalloc_peak": xb.ratio(g["tracemalloc_peak_mb"], t["tracemalloc_peak_mb"]),
        "rss_delta": xb.ratio(g["rss_delta_mb"], t["rss_delta_mb"]),
    }

    print()
    print(f"HTML: the same {len(pages)} pages for both tools (ok = an Article for ghotona, non-empty text for trafilatura)")
    print(xb.fmt_table(rows, MAIN_COLS))
    print()
    print("ghotona (page to events) / trafilatura (page to text):")
    th = ratios["throughput"]
    print(f"  throughput        {th:.2f}x" + (f"  (ghotona is {1 / th:.1f}x slower)" if th and th < 1 else ""))
    print(f"  ms/page p50       {ratios['ms_p50']:.2f}x" if ratios["ms_p50"] else "  ms/page p50       n/a")
    print(f"  tracemalloc peak  {ratios['tracemalloc_peak']:.2f}x" if ratios["tracemalloc_peak"] else "  tracemalloc peak  n/a")
    print(f"  max RSS growth    {ratios['rss_delta']:.2f}x" if ratios["rss_delta"] else "  max RSS growth    n/a")

    srows = stage_rows(gres)
    print()
    print("ghotona, time by stage (s/pass: median over passes of the stage's total; "
          "events and claims run only on the pages that gave an article):")
    print(xb.fmt_table(srows, STAGE_COLS))
    extraction_rate = xb.ratio(len(pages), srows[0]["s_per_pass"])
    if extraction_rate:
        print(f"  extraction stage alone: {extraction_rate:.1f} pages/s "
              f"({xb.ratio(extraction_rate, t['pages_per_s']):.2f}x trafilatura); "
              f"extraction includes time expressions and actor linking")

    n_art = gres["ok"]
    yields = {
        "articles": n_art,
        "events": gres["events"],
        "claims": gres["claims"] if not gres["claims_skipped"] else None,
        "events_per_article": gres["events"] / n_art if n_art else None,
        "claims_per_article": (gres["claims"] / n_art if n_art else None) if not gres["claims_skipped"] else None,
        "articles_with_events": gres["articles_with_events"],
        "articles_with_claims": gres["articles_with_claims"] if not gres["claims_skipped"] else None,
    }
    print()
    if n_art:
        print(f"ghotona output over {n_art} articles: {gres['events']} events "
              f"({yields['events_per_article']:.2f} per article; {gres['articles_with_events']} articles with at least one)")
        if gres["claims_skipped"]:
            print(f"  claims: skipped: {gres['claims_skipped']}")
        else:
            print(f"  {gres['claims']} claims ({yields['claims_per_article']:.2f} per article; "
                  f"{gres['articles_with_claims']} articles with at least one)")
    else:
        print("ghotona produced no articles: no events or claims to count")
    for stage, n in gres["stage_errors"].items():
        if n:
            print(f"  note: {stage} raised on {n} articles and counted 0 for them; "
                  f"first: {gres['first_error'][stage]}")

    print()
    print("import and build, then first (cold) pass, s:  " + "; ".join(
        f"{tool} {results[tool]['import_s']:.2f} + cold pass {results[tool]['cold_pass_s']:.2f}" for tool in TOOLS
    ))
    print("legend: articles/s = pages in per second of wall time, median over timed passes (min-max across "
          "passes; rejected pages count, as in extraction_bench); ms/page = per-page median over passes, p50/p95 "
          "across pages; tracemalloc peak = Python allocations above the start of one warm pass; max RSS + = the "
          "child's peak RSS (import, warm-up and timed passes) minus its RSS before import")
    print("RSS at child start (interpreter + pages): "
          + ", ".join(f"{tool} {results[tool]['rss_start_mb']:.0f} MB" for tool in TOOLS)
          + f"; total benchmark time {time.perf_counter() - started:.1f} s")

    if args.json:
        drop = ("per_page_s", "per_stage_s", "groups", "ok_mask")
        doc = {
            "benchmark": "ghotona page to events vs trafilatura extraction alone",
            "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "machine": xb.machine_info(),
            "settings": {
                "reps": args.reps, "warmup_passes": 1, "limit": args.limit,
                "shared": str(Path(args.shared).resolve()),
                "trafilatura_call": TRAFILATURA_CALL,
                "ghotona_calls": GHOTONA_CALLS,
                "claims_skipped": gres["claims_skipped"],
            },
            "inputs": {"html_pages": len(pages), "html_by_set": counts},
            "html": rows,
            "ratios_ghotona_over_trafilatura": ratios,
            "ghotona_stages": srows,
            "ghotona_extraction_stage_pages_per_s": extraction_rate,
            "ghotona_output": yields,
            "raw": {tool: {k: v for k, v in res.items() if k not in drop} for tool, res in results.items()},
        }
        Path(args.json).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
