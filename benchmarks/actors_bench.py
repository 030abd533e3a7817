"""Actor layer benchmark: dictionary load time and memory, linking and NER throughput.

Measures, in one run on the 254 Bengali articles of ../shared/data/news:

* the time and memory to load and index the actor dictionary (cold, in a
  fresh process: tracemalloc peak and RSS growth);
* ``find_actors`` with the dictionary only, and with NER for unknown names:
  articles/s and mentions/s; with NER three ways: the CRF alone, the CRF
  mixed with the network read one sentence at a time (as before batching),
  and mixed with the network batched per text (the default);
* the NER tagger alone, the same three ways: tokens/s (each article's
  sentences in one ``tag_many`` call).

Wall and CPU (process) time are both reported: other load on the machine
inflates wall time only.

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
    from ghotona.actors import link
    from ghotona.actors.ner import NerTagger, _sentences, default_model_path, tokenize

    # a fresh tagger per variant, so each one starts with an empty word cache
    variants = {"crf": lambda: NerTagger(default_model_path(), neural=False),
                "one_sentence": lambda: NerTagger(default_model_path(), batched=False),
                "batched": lambda: NerTagger(default_model_path())}
    runs = [("dictionary_only", False, None)] + [(f"with_ner_{v}", True, v) for v in variants]
    for label, ner, variant in runs:
        if variant:
            link._NER_TAGGER = variants[variant]()  # the tagger find_actors uses
        find_actors(texts[0], on, dictionary=dictionary, ner=ner)  # warm-up (loads the NER model)
        times, cpus, n = [], [], 0
        for _ in range(args.reps):
            t0, c0 = time.perf_counter(), time.process_time()
            n = sum(len(find_actors(t, on, dictionary=dictionary, ner=ner)) for t in texts)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        t, c = statistics.median(times), statistics.median(cpus)
        out[label] = {"mentions": n, "articles_per_s": round(len(texts) / t, 1), "mentions_per_s": round(n / t, 1),
                      "ms_per_article": round(1000 * t / len(texts), 2), "cpu_articles_per_s": round(len(texts) / c, 1)}
    link._NER_TAGGER = link._UNSET
    sents = [[[tok[0] for tok in s] for s in _sentences(t, tokenize(t))] for t in texts]
    n_tok = sum(len(s) for art in sents for s in art)
    out["ner_tokens"] = n_tok
    for variant, make in variants.items():
        tagger = make()
        tagger.tag(["ঢাকা"])  # loads the model files
        times, cpus = [], []
        for _ in range(args.reps):  # the first pass starts with an empty word cache
            t0, c0 = time.perf_counter(), time.process_time()
            for art in sents:
                tagger.tag_many(art)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        out[f"ner_{variant}"] = {"tokens_per_s": round(n_tok / statistics.median(times)),
                                 "cpu_tokens_per_s": round(n_tok / statistics.median(cpus)),
                                 "first_pass_cpu_tokens_per_s": round(n_tok / cpus[0])}
    out["rss_total_mb"] = round(_rss_mb(), 1)

    print(f"dictionary: {out['actors']} actors, load {out['dictionary_load_s']} s + index {out['index_build_s']} s, "
          f"tracemalloc peak {out['dictionary_tracemalloc_peak_mb']} MB, RSS +{out['dictionary_rss_growth_mb']} MB")
    for label, _, _ in runs:
        r = out[label]
        print(f"find_actors ({label.replace('_', ' ')}) on {out['articles']} articles: {r['articles_per_s']} articles/s "
              f"(CPU {r['cpu_articles_per_s']}), {r['mentions_per_s']} mentions/s, {r['ms_per_article']} ms/article ({r['mentions']} mentions)")
    for variant in variants:
        r = out[f"ner_{variant}"]
        print(f"NER tagger alone ({variant.replace('_', ' ')}): {r['tokens_per_s']} tokens/s (CPU {r['cpu_tokens_per_s']}; "
              f"first pass CPU {r['first_pass_cpu_tokens_per_s']})")
    print(f"{out['ner_tokens']} tokens; process RSS {out['rss_total_mb']} MB")
    if args.json:
        out.update({"python": platform.python_version(), "when": datetime.now().isoformat()})
        args.json.write_text(json.dumps(out, indent=2), "utf-8")


if __name__ == "__main__":
    main()
