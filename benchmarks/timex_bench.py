"""Time-expression benchmark: ghotona's tagger against dateparser, in one run.

Two measurements, printed side by side:

1. Throughput of ``ghotona.timex.tag`` over real articles: the Bengali
   bodies of ../shared/data/news (articles/s, expressions/s).
2. Accuracy and speed on the subset dateparser handles: every gold
   expression of class absolute, partial, relative or weekday in the
   reference set (eval/refset/timex), parsed alone
   (``dateparser.parse(text, languages=["bn"], settings={RELATIVE_BASE:
   ref})``) and tagged alone by ghotona.  An answer counts as right when it
   agrees with the gold value at the gold granularity (day, month or year).
   Then ``dateparser.search_dates`` and ghotona over the whole sentences:
   how many gold expressions each finds, how many things it finds that are
   not time expressions, and how many of the subset it resolves right there.

Run: ``python benchmarks/timex_bench.py [--reps N] [--json PATH]``.
dateparser is not a ghotona dependency; install it to compare
(``pip install dateparser``).  Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ghotona.evaluate.extraction import shared_dir  # noqa: E402
from ghotona.evaluate.timex import load_items  # noqa: E402
from ghotona.timex import tag  # noqa: E402

SUBSET = {"absolute", "partial", "relative", "weekday"}


def _bengali(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0980" <= c <= "\u09ff" for c in letters) / len(letters) > 0.5


def _agrees(gold_value: str | None, gold_gran: str | None, got: datetime | str | None) -> bool:
    """Does an answer agree with the gold value at the gold's granularity?

    Finer answers are cut to the gold's granularity (a day for a month is
    right about the month); the time of day is not compared, since
    dateparser returns a datetime for everything.
    """
    if gold_value is None or got is None:
        return False
    if isinstance(got, datetime):
        fmt = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V"}.get(gold_gran or "", "%Y-%m-%d")
        got = got.strftime(fmt) if gold_gran != "decade" else str(got.year)[:3]
    if gold_gran in ("year", "month", "week", "decade"):
        return got[: len(gold_value)] == gold_value and (len(got) == len(gold_value) or got[len(gold_value)] in "-T")
    return got[:10] == gold_value[:10]


def throughput(reps: int) -> dict[str, float]:
    corpus = shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
    records = [r for r in json.loads(corpus.read_text("utf-8")) if r.get("article") and _bengali(r["article"])]
    ref = datetime.fromisoformat("2025-12-30T12:00:00+06:00")
    times, n_expr = [], 0
    tag(records[0]["article"], ref)  # warm-up: compiles the patterns
    for _ in range(reps):
        t0 = time.perf_counter()
        n_expr = sum(len(tag(r["article"], ref)) for r in records)
        times.append(time.perf_counter() - t0)
    t = statistics.median(times)
    chars = sum(len(r["article"]) for r in records)
    return {"articles": len(records), "chars": chars, "expressions": n_expr, "articles_per_s": len(records) / t, "expressions_per_s": n_expr / t, "seconds": t}


def compare(refset: Path) -> dict[str, dict[str, float]]:
    import dateparser
    from dateparser.search import search_dates

    items = load_items(refset)
    golds = [(it, g) for it in items for g in it.gold if g.cls in SUBSET and it.ref is not None and g.value is not None]
    out: dict[str, dict[str, float]] = {}

    # ghotona, each expression alone
    t0 = time.perf_counter()
    right = 0
    for it, g in golds:
        found = tag(g.text, it.ref)
        right += bool(found) and _agrees(g.value, g.granularity, found[0].value)
    t_g = time.perf_counter() - t0
    out["ghotona"] = {"expressions": len(golds), "right": right, "accuracy": right / len(golds), "ms_per_expr": 1000 * t_g / len(golds)}

    # dateparser, each expression alone
    t0 = time.perf_counter()
    right = 0
    for it, g in golds:
        base = it.ref.replace(tzinfo=None)
        try:
            d = dateparser.parse(g.text, languages=["bn"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        except Exception:  # dateparser raises on some inputs; that is a miss
            d = None
        right += _agrees(g.value, g.granularity, d)
    t_d = time.perf_counter() - t0
    out["dateparser"] = {"expressions": len(golds), "right": right, "accuracy": right / len(golds), "ms_per_expr": 1000 * t_d / len(golds)}

    # finding (and resolving) expressions in running text, where ghotona
    # has the sentence's tense and anchors and dateparser its own search
    n_gold = sum(len(it.gold) for it in items)
    for name in ("ghotona", "dateparser"):
        spurious = right = 0
        hit_golds: set[int] = set()
        t0 = time.perf_counter()
        for it in items:
            found: list[tuple[int, int, object]] = []
            if name == "ghotona":
                found = [(e.start, e.end, e.value) for e in tag(it.text, it.ref)]
            else:
                try:
                    settings = {"RELATIVE_BASE": it.ref.replace(tzinfo=None)} if it.ref else None
                    res = search_dates(it.text, languages=["bn"], settings=settings) or []
                except Exception:  # dateparser raises on some inputs; nothing found
                    res = []
                for s_, d in res:
                    pos = it.text.find(s_)
                    if pos >= 0:
                        found.append((pos, pos + len(s_), d))
            for a, b, v in found:
                g = next((g for g in it.gold if g.start < b and a < g.end), None)
                if g is None:
                    spurious += 1
                    continue
                if id(g) not in hit_golds:
                    hit_golds.add(id(g))
                    right += g.cls in SUBSET and g.value is not None and it.ref is not None and _agrees(g.value, g.granularity, v)
        elapsed = time.perf_counter() - t0
        out[name].update({
            "in_text_found": len(hit_golds), "in_text_gold": n_gold, "in_text_spurious": spurious,
            "in_text_resolved_right": right, "in_text_subset_gold": len(golds),
            "in_text_ms_per_text": 1000 * elapsed / len(items),
        })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=3, help="timed passes over the corpus (median reported)")
    ap.add_argument("--refset", type=Path, default=ROOT / "eval" / "refset" / "timex", help="time-expression reference set")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()

    tp = throughput(args.reps)
    print(f"ghotona.timex.tag on {tp['articles']} Bengali articles ({tp['chars'] / 1000:.0f}k chars): "
          f"{tp['articles_per_s']:.0f} articles/s, {tp['expressions_per_s']:.0f} expressions/s ({tp['expressions']} expressions)")
    try:
        cmp = compare(args.refset)
    except ImportError:
        print("dateparser is not installed: pip install dateparser to compare")
        cmp = {}
    if cmp:
        g, d = cmp["ghotona"], cmp["dateparser"]
        print(f"\nOne expression at a time ({g['expressions']} gold expressions of classes {', '.join(sorted(SUBSET))}):")
        print(f"{'tool':<11} {'right':>6} {'accuracy':>9} {'ms/expr':>8}")
        for name, r in cmp.items():
            print(f"{name:<11} {r['right']:>6} {r['accuracy']:>9.3f} {r['ms_per_expr']:>8.3f}")
        print(f"ratio ghotona/dateparser: accuracy {g['accuracy'] / max(d['accuracy'], 1e-9):.2f}x, speed {d['ms_per_expr'] / g['ms_per_expr']:.1f}x")
        print(f"\nIn running text ({g['in_text_gold']} gold expressions):")
        print(f"{'tool':<11} {'found':>6} {'spurious':>9} {'resolved right':>15} {'ms/text':>8}")
        for name, r in cmp.items():
            rr = f"{r['in_text_resolved_right']}/{r['in_text_subset_gold']}"
            print(f"{name:<11} {r['in_text_found']:>6} {r['in_text_spurious']:>9} {rr:>15} {r['in_text_ms_per_text']:>8.3f}")
    if args.json:
        args.json.write_text(json.dumps({"throughput": tp, "compare": cmp, "python": platform.python_version(), "machine": platform.machine(), "when": datetime.now().isoformat()}, indent=2), "utf-8")


if __name__ == "__main__":
    main()
