"""API latency and throughput under load, and the web interface's page weight.

    python benchmarks/api_bench.py                      # 100k events, 50 clients, 30 s, both modes
    python benchmarks/api_bench.py --events 20000 --seconds 10 --clients 20
    python benchmarks/api_bench.py --store /tmp/bench.db   # reuse a generated store
    python benchmarks/api_bench.py --store /tmp/bench.db --mode users --workers 2 --no-cache

1. Builds a store of synthetic events: the demo pages are ingested and
   coded once, then their articles and events are copied with new ids,
   dates shifted by up to five years and actors swapped among the demo's
   actors, until the store holds ``--events`` events.
2. Starts ``ghotona serve`` on a free loopback port (a separate process,
   so the load generator does not share its interpreter).
3. Runs ``--clients`` concurrent clients (httpx, asyncio) for ``--seconds``:
   each picks a request from a fixed mix of what the pages ask (event
   pages with and without filters, the timeline, an actor page, article
   pages, search) and records its latency.  Two modes (``--mode``):

   - ``users`` (the issue's "bounded load"): each client is a person who
     pauses between requests, an exponential think time with mean
     ``--think`` seconds (0.5: 50 clients offer about 100 requests/s).
     Latency here is what a user waits for.
   - ``saturate``: closed loop, no pause.  Every client sends its next
     request as soon as the last returns, so latency is clients divided
     by throughput: this mode measures the most requests/s the server gives.

4. Prints p50/p95/p99 latency and requests/s, overall and per endpoint,
   the share of answers the server's response cache had (``x-cache``), the
   load average, and the bytes of HTML, CSS, JS and fonts that a first
   visit loads (raw and gzip-compressed).

The target is p95 < 100 ms at 50 users over 100k events on one machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import shutil
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

MIX = [  # (weight, label, path template)
    (20, "events", "/api/events?limit=25"),
    (10, "events?type", "/api/events?limit=25&type={type}"),
    (10, "events?actor", "/api/events?limit=25&actor={actor}"),
    (10, "events?since", "/api/events?limit=25&since={month}&until={month}"),
    (10, "timeline", "/api/timeline?period={period}"),
    (5, "actor page", "/api/actors/{actor}?limit=25"),
    (15, "article", "/api/articles/{article}"),
    (10, "articles", "/api/articles?limit=25&offset={offset}"),
    (10, "search", "/api/search?q={word}"),
]
SEARCH_WORDS = ["পুতিন", "বৈঠক", "নিষেধাজ্ঞা", "চীন", "শুল্ক", "রোহিঙ্গা", "Biden", "আসিয়ান"]


def build_store(path: Path, n_events: int, seed: int = 7) -> dict:
    """Generate the synthetic store at ``path``; return what the request mix needs."""
    from ghotona import config
    from ghotona.demo import pages_dir, with_demo_outlets
    from ghotona.events.coder import default_coder
    from ghotona.inputs import iter_pages
    from ghotona.pipeline import Extractor
    from ghotona.records import Article
    from ghotona.store import open_store

    rng = random.Random(seed)
    extractor = Extractor(with_demo_outlets(config.load()))
    coder = default_coder()
    demo: list[tuple[Article, list]] = []
    for page in iter_pages([str(pages_dir())]):
        art = extractor.extract(page)
        if isinstance(art, Article):
            demo.append((art, coder.code(art)))
    people = {}
    for _, evs in demo:
        for e in evs:
            for p in [*e.actors, *e.recipients]:
                if p.actor_id:
                    people[p.actor_id] = p
    pool = list(people.values())
    made = n_articles = 0
    t0 = time.perf_counter()
    with open_store(str(path)) as store, store.transaction():
        while made < n_events:
            art, evs = demo[n_articles % len(demo)]
            shift = timedelta(days=rng.randrange(-5 * 365, 30))
            new_id = f"{n_articles:016x}"
            published = (art.published or art.updated or art.page_date)
            published = published + shift if published else None
            copy = dataclasses.replace(art, id=new_id, published=published, updated=None,
                                       title=f"{art.title} ({n_articles})", content_hash="")
            store.upsert_article(copy)
            out = []
            for i, e in enumerate(evs):
                when = e.date
                if when and len(when) == 10:
                    when = (date.fromisoformat(when) + shift).isoformat()
                elif when and len(when) == 7:
                    y, m = map(int, when.split("-"))
                    d = date(y, m, 15) + shift
                    when = f"{d.year:04d}-{d.month:02d}"
                actors = [rng.choice(pool) if rng.random() < 0.5 else p for p in e.actors]
                out.append(dataclasses.replace(e, id=f"ev:{new_id}{i:04x}", article_id=new_id, date=when, actors=actors))
            store.replace_events(new_id, out)
            made += len(out)
            n_articles += 1
            if n_articles % 2000 == 0:
                print(f"  {made} events in {n_articles} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print(f"generated {made} events in {n_articles} articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return {"articles": n_articles}


def mix_values(base: str) -> dict:
    def get(path: str) -> dict:
        with urllib.request.urlopen(base + path) as r:
            return json.load(r)

    meta = get("/api/meta")
    months = [b["period"] for b in get("/api/timeline?period=month")["buckets"]]
    articles = [a["id"] for a in get("/api/articles?limit=500")["items"]]
    actors = sorted({p["id"] for e in get("/api/events?limit=500")["items"] for p in e["actor"] + e["recipient"] if p["id"]})
    return {"type": [t["name"] for t in meta["event_types"]], "actor": actors, "month": months,
            "period": ["year", "month", "day"], "article": articles, "word": SEARCH_WORDS,
            "offset": [0, 25, 50, 500], "n_articles": meta["counts"]["articles"], "n_events": meta["counts"]["events"]}


async def load(base: str, values: dict, clients: int, seconds: float, seed: int = 11,
               think: float = 0.0) -> list[tuple[str, float, int, bool]]:
    """(endpoint, seconds, status, cache hit) of every request; ``think``: mean pause, 0 for none."""
    import httpx

    rng = random.Random(seed)
    weights = [w for w, _, _ in MIX]
    results: list[tuple[str, float, int, bool]] = []
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(c: httpx.AsyncClient) -> None:
        if think:  # users do not all arrive in the same millisecond
            await asyncio.sleep(rng.uniform(0, 2 * think))
        while time.perf_counter() < stop:
            _, label, tmpl = rng.choices(MIX, weights)[0]
            path = tmpl.format(**{k: rng.choice(v) for k, v in values.items() if isinstance(v, list) and v})
            t = time.perf_counter()
            hit = False
            try:
                r = await c.get(path)
                await r.aread()
                status = r.status_code
                hit = r.headers.get("x-cache") == "hit"
            except httpx.HTTPError:  # counted as a failed request, not the end of the run
                status = 0
            results.append((label, time.perf_counter() - t, status, hit))
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as c:
        await asyncio.gather(*(client(c) for _ in range(clients)))
    return results


def wrk_saturate(base: str, values: dict, clients: int, seconds: float, seed: int = 11) -> str:
    """The saturation run with wrk (C, far lighter than an httpx client): its summary text.

    The same request mix, drawn up front into a Lua list that each
    connection picks from at random.
    """
    rng = random.Random(seed)
    weights = [w for w, _, _ in MIX]
    paths = []
    for _ in range(5000):
        _, _, tmpl = rng.choices(MIX, weights)[0]
        paths.append(tmpl.format(**{k: rng.choice(v) for k, v in values.items() if isinstance(v, list) and v}))
    lua = Path(tempfile.mkdtemp(prefix="ghotona-apibench-")) / "mix.lua"
    quoted = ",\n".join('"' + urllib.parse.quote(x, safe="/?=&:") + '"' for x in paths)
    lua.write_text("local paths = {\n" + quoted + "\n}\n"
                   "request = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n", "utf-8")
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "-s", str(lua), base],
                         capture_output=True, text=True, check=True)
    return out.stdout


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


def page_weight() -> list[tuple[str, int, int]]:
    from ghotona.api.app import web_dir

    web = web_dir()
    files = [web / "index.html", web / "style.css", web / "app.js", web / "icon.svg",
             *sorted((web / "vendor").rglob("*.woff2"))]
    return [(str(f.relative_to(web)), f.stat().st_size, len(gzip.compress(f.read_bytes()))) for f in files]


def report(mode: str, think: float, results: list, wall: float, load_before: float, load_after: float) -> None:
    bad = [r for r in results if r[2] != 200]
    lat = [r[1] for r in results]
    hits = sum(1 for r in results if r[3])
    what = (f"users pausing {think:.2f} s on average between requests" if think
            else "closed loop, no pause (saturation)")
    print(f"\n== {mode}: {what}; load average {load_before:.2f} before, {load_after:.2f} after")
    print(f"{'endpoint':<14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'cached':>7}")
    for _, label, _ in MIX:
        xs = [r for r in results if r[0] == label]
        if xs:
            ts = [r[1] for r in xs]
            print(f"{label:<14} {len(xs):>8} {pct(ts, 50):>8.1f} {pct(ts, 95):>8.1f} {pct(ts, 99):>8.1f}"
                  f" {sum(r[3] for r in xs) / len(xs):>7.0%}")
    print(f"{'all':<14} {len(lat):>8} {pct(lat, 50):>8.1f} {pct(lat, 95):>8.1f} {pct(lat, 99):>8.1f}"
          f" {hits / max(1, len(lat)):>7.0%}")
    print(f"throughput: {len(lat) / wall:.0f} requests/s; non-200 answers: {len(bad)}; "
          f"mean {statistics.mean(lat) * 1000:.1f} ms")
    print(f"target p95 < 100 ms: {'met' if pct(lat, 95) < 100 else 'NOT met'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--store", type=Path, help="generated store to reuse (made there if missing)")
    ap.add_argument("--mode", choices=["users", "saturate", "both"], default="both",
                    help="users: pauses between requests (--think); saturate: closed loop, no pause")
    ap.add_argument("--think", type=float, default=0.5, help="mean pause of a user between requests, s")
    ap.add_argument("--workers", type=int, default=1, help="server processes (ghotona serve --workers)")
    ap.add_argument("--no-cache", action="store_true", help="serve with the response cache off")
    ap.add_argument("--wrk", action="store_true", help="saturation run with wrk (apt-get install wrk) instead of httpx")
    args = ap.parse_args()

    store = args.store or Path(tempfile.mkdtemp(prefix="ghotona-apibench-")) / "bench.db"
    if not store.exists():
        build_store(store, args.events)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    if args.no_cache:
        conf = Path(tempfile.mkdtemp(prefix="ghotona-apibench-")) / "nocache.toml"
        conf.write_text("[serve]\ncache_entries = 0\n", "utf-8")
        env["GHOTONA_CONFIG"] = str(conf)
    workers = ["--workers", str(args.workers)] if args.workers > 1 else []
    server = subprocess.Popen([sys.executable, "-m", "ghotona.cli", "serve", "--db", str(store), "--port", str(port),
                               *workers], stderr=sys.stderr, env=env)
    modes = ["users", "saturate"] if args.mode == "both" else [args.mode]
    runs = []
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/meta", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        values = mix_values(base)
        asyncio.run(load(base, values, args.clients, 2))  # warm-up: thread pool, connections
        for mode in modes:
            think = args.think if mode == "users" else 0.0
            load_before = os.getloadavg()[0]
            if mode == "saturate" and args.wrk:
                if not shutil.which("wrk"):
                    sys.exit("--wrk needs wrk on the PATH (apt-get install wrk)")
                text = wrk_saturate(base, values, args.clients, args.seconds)
                runs.append((mode, 0.0, text, 0.0, load_before, os.getloadavg()[0]))
                continue
            t0 = time.perf_counter()
            results = asyncio.run(load(base, values, args.clients, args.seconds, think=think))
            runs.append((mode, think, results, time.perf_counter() - t0, load_before, os.getloadavg()[0]))
    finally:
        server.terminate()
        server.wait(timeout=10)

    server_desc = (f"ghotona serve --workers {args.workers}" + (", response cache off" if args.no_cache else ""))
    print(f"\nstore: {values['n_events']} events, {values['n_articles']} articles; "
          f"{args.clients} clients for {args.seconds:.0f} s on loopback; server: {server_desc}; {os.cpu_count()} cores")
    for mode, think, results, wall, load_before, load_after in runs:
        if isinstance(results, str):  # wrk's own summary
            print(f"\n== saturate (wrk, closed loop, no pause); load average {load_before:.2f} before, "
                  f"{load_after:.2f} after\n{results}")
        else:
            report(mode, think, results, wall, load_before, load_after)
    rows = page_weight()
    print("\npage weight of a first visit (every file the timeline page loads):")
    for name, raw, gz in rows:
        print(f"  {name:<62} {raw:>8} B  {gz:>8} B gzip")
    print(f"  {'total':<62} {sum(r[1] for r in rows):>8} B  {sum(r[2] for r in rows):>8} B gzip")


if __name__ == "__main__":
    main()
