"""Build src/ghotona/data/df_prior_bn.tsv: reference document frequencies for story IDF.

    python scripts/build_df_prior.py                 # from ../shared/data/news
    python scripts/build_df_prior.py --source F.json --min-df 2 --out PATH

A corpus of five articles cannot say which words are rare, so story
assignment (ghotona.corpus.textsim.DfPrior) leans on these numbers until
its own corpus is large enough.  For each article of the source the
features of the text stories read (the title and the lead, as
``corpus.stories.Profiler`` cuts them) are counted once; word unigrams
(``w:``) and character n-grams inside words (``c:``) found in at least
``--min-df`` articles are written as ``feature<TAB>count``, after a first
line ``#n_docs<TAB>N``.  Only single words and fragments of words with
their counts are shipped, never the text (which belongs to its outlets).
Word bigrams are left out: they are the phrases of particular reports.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_source() -> Path:
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        f = cand / "data" / "news" / "bdnews_2025-12-30.json"
        if f.is_file():
            return f
    return ROOT.parent / "shared" / "data" / "news" / "bdnews_2025-12-30.json"


def read_source(ap: argparse.ArgumentParser, source: Path) -> list[dict]:
    """The news records of ``source``; a missing file is a usage error naming what to pass."""
    try:
        return json.loads(source.read_text("utf-8"))
    except FileNotFoundError:
        ap.error(f"{source} does not exist: pass --source with a news JSON file (list of records with 'article')")


def main(argv: list[str] | None = None) -> int:
    from ghotona import config
    from ghotona.corpus.stories import StoryParams
    from ghotona.corpus.textsim import PRIOR_FILE, Analyzer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=None, help="news JSON (default ../shared/data/news/bdnews_2025-12-30.json)")
    ap.add_argument("--min-df", type=int, default=2, help="keep features in at least this many articles (default 2)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "ghotona" / "data" / PRIOR_FILE)
    args = ap.parse_args(argv)
    source = args.source or default_source()
    records = read_source(ap, source)
    params = StoryParams.from_config(config.load())
    analyzer = Analyzer(char_sizes=params.char_sizes, char_weight=params.char_weight)
    df: Counter[str] = Counter()
    n = 0
    for r in records:
        body = r.get("article") or ""
        if body == "None" or not body.strip():
            continue
        title = r.get("headline") or ""
        counts = analyzer.counts("\n".join([title, body[: params.lead_chars]]))
        df.update(t for t in counts if t.startswith(("w:", "c:")))
        n += 1
    if not n:
        ap.error(f"{source} holds no article text")
    kept = sorted((t, c) for t, c in df.items() if c >= args.min_df)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"#n_docs\t{n}\n")
        for t, c in kept:
            fh.write(f"{t}\t{c}\n")
    print(f"{args.out}: {len(kept)} features from {n} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
