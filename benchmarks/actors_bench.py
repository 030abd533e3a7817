"""Actor layer benchmark: dictionary load time and memory, linking and NER throughput.

Measures, in one run on the 254 Bengali articles of ../shared/data/news:

* the time and memory to load and index the actor dictionary (cold, in a
  fresh process: tracemalloc peak and RSS growth);
* ``find_actors`` with the dictionary only, and with NER for unknown names:
  articles/s and mentions/s;
* the NER tagger alone: tokens/s.

Run: ``python benchmarks/actors_bench.py [--reps N] [--json PATH]``.
Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=3, help="timed passes (median reported)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()

    rss0 = _rss_mb()
    tracemalloc.start()
    t0 = time.perf_counter()
    from ghotona.actors.dictionary import load_dictionary
    from ghotona.actors.link import build_index, find_actors

    dictionary = load_dictionary()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_index(dictionary)
    t_index = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_dict = _rss_mb() - rss0

    from ghotona.evaluate.extraction import shared_dir
    from ghotona.text.normalize import normalize

    records = json.loads((shared_dir() / "data" / "news" / "bdnews_2025-12-30.json").read_text("utf-8"))
    texts = [normalize(r["article"]) for r in records if r.get("article") and sum("\u0980" <= c <= "\u09ff" for c in r["article"]) > len(r["article"]) / 3]
    on = date(2025, 12, 30)
    out: dict[str, object] = {
        "actors": len(dictionary.actors),
        "dictionary_load_s": round(t_load, 3),
        "index_build_s": round(t_index, 3),
        "dictionary_tracemalloc_peak_mb": round(peak / 1e6, 1),
        "dictionary_rss_growth_mb": round(rss_dict, 1),
        "articles": len(texts),
        "chars": sum(map(len, texts)),
    }
    for label, ner in (("dictionary_only", False), ("with_ner", True)):
        find_actors(texts[0], on, dictionary=dictionary, ner=ner)  # warm-up (loads the NER model)
        times, n = [], 0
        for _ in range(args.reps):
            t0 = time.perf_counter()
            n = sum(len(find_actors(t, on, dictionary=dictionary, ner=ner)) for t in texts)
            times.append(time.perf_counter() - t0)
        t = statistics.median(times)
        out[label] = {"mentions": n, "articles_per_s": round(len(texts) / t, 1), "mentions_per_s": round(n / t, 1), "ms_per_article": round(1000 * t / len(texts), 2)}
    from ghotona.actors.ner import NerTagger
    from ghotona.text.segment import tokenize

    tagger = NerTagger.load()
    sents = [[tok.text for tok in tokenize(t)] for t in texts]
    t0 = time.perf_counter()
    for toks in sents:
        tagger.tag(toks)
    t = time.perf_counter() - t0
    out["ner_tokens_per_s"] = round(sum(map(len, sents)) / t)
    out["rss_total_mb"] = round(_rss_mb(), 1)

    print(f"dictionary: {out['actors']} actors, load {out['dictionary_load_s']} s + index {out['index_build_s']} s, "
          f"tracemalloc peak {out['dictionary_tracemalloc_peak_mb']} MB, RSS +{out['dictionary_rss_growth_mb']} MB")
    for label in ("dictionary_only", "with_ner"):
        r = out[label]
        print(f"find_actors ({label.replace('_', ' ')}) on {out['articles']} articles: {r['articles_per_s']} articles/s, "
              f"{r['mentions_per_s']} mentions/s, {r['ms_per_article']} ms/article ({r['mentions']} mentions)")
    print(f"NER tagger alone: {out['ner_tokens_per_s']} tokens/s; process RSS {out['rss_total_mb']} MB")
    if args.json:
        out.update({"python": platform.python_version(), "when": datetime.now().isoformat()})
        args.json.write_text(json.dumps(out, indent=2), "utf-8")


if __name__ == "__main__":
    main()
