"""Generate a synthetic news corpus of copies and unrelated articles from the real one.

    python scripts/make_variants.py -n 100000 > /tmp/variants.jsonl
    python scripts/make_variants.py -n 2000 --seed 7 --stats     # counts only
    python scripts/make_variants.py --help

The seeds are the articles of ../shared/data/news/bdnews_2025-12-30.json
(378 records from 13 outlets).  Their text belongs to the outlets, so this
script only ever holds it in memory or streams it to where you point it
(stdout, a temp file): never write the output into the repository.

What it streams (one JSON object per line, or ``Variant`` records when
imported by evaluate/duplicates.py and benchmarks/corpus_bench.py):

* **originals**: the real articles first, then *collages*: 8-20 sentences
  drawn from the whole corpus, each with about a quarter of its words
  replaced by other corpus words, grouped into paragraphs.  A collage shares
  sentences' fragments with others but no body: two collages have shingle
  Jaccard around 0.01, like two unrelated reports.
* **variants** of an original (or, one time in five, of an earlier variant
  of it: copies of copies): an exact copy (spacing and punctuation
  changed), word substitutions (1-10% of words), deleted sentences,
  reordered paragraphs, a truncation (the last 5-40% dropped), or an edit
  plus one of the others; each under another outlet, URL and title, one to
  three days later.

Each original gets no variant with probability 0.55, else 1 + a geometric
number (mean ~2.5, at most 25): most articles are unique, a wire story may
be copied a dozen times.  ``variant_of`` says which record a variant was
made from (ground truth of derivation; whether a pair is a near copy by the
definition is the Jaccard of the two texts, which evaluate/duplicates.py
computes by brute force).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import regex

DHAKA = timezone(timedelta(hours=6))
START = datetime(2025, 7, 1, 8, 0, tzinfo=DHAKA)

# Sentence ends: the Bengali daṛi, ? ! and the full stop (English records).
_SENTENCE = regex.compile(r"[^।?!.]+(?:[।?!.]+|$)")
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]+")

OUTLETS = [f"outlet-{i:02d}" for i in range(40)]

KINDS = ("original", "exact", "edit", "delete", "reorder", "truncate", "edit+reorder", "edit+truncate")


@dataclass(slots=True)
class Variant:
    """One generated article.

    ``variant_of`` is the id of the record it was made from (None for an
    original); ``root`` the original of its family; ``kind`` one of KINDS.
    """

    id: str
    outlet: str
    url: str
    title: str
    published: datetime
    paragraphs: list[str]
    kind: str
    variant_of: str | None
    root: str

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["published"] = self.published.isoformat()
        out["article"] = self.body
        out["headline"] = self.title
        out["paper_name"] = self.outlet
        out["publication_date"] = out.pop("published")
        del out["paragraphs"], out["title"], out["outlet"]
        return out

    def to_article(self):
        """A minimal ``ghotona.records.Article`` (no sentences: duplicates need only the body)."""
        from ghotona.records import Article, Paragraph

        paras, pos = [], 0
        for p in self.paragraphs:
            paras.append(Paragraph(pos, pos + len(p), p, []))
            pos += len(p) + 2
        return Article(
            id=self.id, source=f"variants#{self.id}", format="json", url=self.url, outlet=self.outlet,
            outlet_id=self.outlet, title=self.title, desk=None, byline=None, wire_sources=[],
            published=self.published, updated=None, page_date=None, paragraphs=paras,
            language="bn", language_score=1.0, content_hash=self.id,
        )


def default_source() -> Path:
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / "shared", here.parent.parent / "shared"):
        f = cand / "data" / "news" / "bdnews_2025-12-30.json"
        if f.is_file():
            return f
    return here.parent / "shared" / "data" / "news" / "bdnews_2025-12-30.json"


def load_seeds(path: Path, min_words: int = 40) -> list[list[str]]:
    """The real articles as lists of sentences (the scraper's doubled sentences once)."""
    try:
        records = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"{path} does not exist: pass --source with the path of bdnews_2025-12-30.json") from None
    seeds = []
    for r in records:
        text = r.get("article") or ""
        if text == "None" or len(_WORD.findall(text)) < min_words:
            continue
        sentences: list[str] = []
        for m in _SENTENCE.finditer(text):
            s = " ".join(m.group().split())
            if s and (not sentences or sentences[-1] != s):
                sentences.append(s)
        if len(sentences) >= 3:
            seeds.append(sentences)
    if not seeds:
        raise SystemExit(f"{path} holds no article with {min_words} words or more")
    return seeds


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(2, 4)
        out.append(" ".join(sentences[i : i + k]))
        i += k
    return out


class Generator:
    """Streams ``Variant`` records; deterministic for a given seed and source."""

    def __init__(self, seeds: list[list[str]], seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.seeds = seeds
        self.pool = [s for doc in seeds for s in doc]
        vocab: set[str] = set()
        for s in self.pool:
            vocab.update(s.split())
        self.vocab = sorted(vocab)
        self.count = 0

    # -- texts -----------------------------------------------------------

    def _substitute(self, sentence: str, rate: float) -> str:
        rng, vocab = self.rng, self.vocab
        ws = sentence.split()
        for i in range(len(ws)):
            if rng.random() < rate:
                ws[i] = vocab[rng.randrange(len(vocab))]
        return " ".join(ws)

    def _collage(self) -> list[str]:
        rng = self.rng
        k = rng.randint(8, 20)
        picked = [self._substitute(self.pool[rng.randrange(len(self.pool))], 0.25) for _ in range(k)]
        return _paragraphs(picked, rng)

    def _sentences(self, paragraphs: list[str]) -> list[str]:
        return [" ".join(m.group().split()) for p in paragraphs for m in _SENTENCE.finditer(p) if m.group().strip()]

    def _vary(self, paragraphs: list[str]) -> tuple[str, list[str]]:
        rng = self.rng
        kind = rng.choices(KINDS[1:], weights=(10, 30, 15, 15, 15, 8, 7))[0]
        if kind == "exact":
            # Same words; spacing and punctuation as another CMS writes them.
            return kind, [p.replace("। ", " । ").replace(",", "") for p in paragraphs]
        sentences = self._sentences(paragraphs)
        if "edit" in kind:
            rate = rng.uniform(0.01, 0.10)
            sentences = [self._substitute(s, rate) for s in sentences]
        if kind == "delete" and len(sentences) > 3:
            for _ in range(rng.randint(1, max(1, len(sentences) // 6))):
                del sentences[rng.randrange(len(sentences))]
        if kind.endswith("truncate"):
            keep = max(2, round(len(sentences) * rng.uniform(0.60, 0.95)))
            sentences = sentences[:keep]
        paras = _paragraphs(sentences, rng)
        if kind.endswith("reorder"):
            rng.shuffle(paras)
        return kind, paras

    # -- records ---------------------------------------------------------

    def _record(self, paras: list[str], kind: str, of: "Variant | None", root: str | None, day: datetime) -> Variant:
        self.count += 1
        rid = f"v{self.count:08d}"
        outlet = OUTLETS[self.rng.randrange(len(OUTLETS))]
        first = paras[0].split()[:8] if paras else []
        return Variant(
            id=rid, outlet=outlet, url=f"https://{outlet}.example/news/{rid}", title=" ".join(first),
            published=day, paragraphs=paras, kind=kind,
            variant_of=of.id if of else None, root=root or rid,
        )

    def __iter__(self) -> Iterator[Variant]:
        rng = self.rng
        originals = 0
        while True:
            if originals < len(self.seeds):
                paras = _paragraphs(self.seeds[originals], rng)
            else:
                paras = self._collage()
            day = START + timedelta(days=originals // 500, minutes=rng.randrange(24 * 60))
            originals += 1
            orig = self._record(paras, "original", None, None, day)
            yield orig
            family = [orig]
            n = 0 if rng.random() < 0.55 else min(25, 1 + int(rng.expovariate(1 / 1.5)))
            for _ in range(n):
                base = family[-1] if (len(family) > 1 and rng.random() < 0.2) else orig
                kind, vparas = self._vary(base.paragraphs)
                later = base.published + timedelta(days=rng.randint(0, 3), minutes=rng.randint(1, 600))
                v = self._record(vparas, kind, base, orig.id, later)
                family.append(v)
                yield v


def generate(n: int, seed: int = 1, source: Path | None = None) -> Iterator[Variant]:
    """The first ``n`` records of the generator for ``seed``."""
    gen = Generator(load_seeds(source or default_source()), seed)
    for i, v in enumerate(gen):
        if i >= n:
            return
        yield v


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="records to stream (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    ap.add_argument("--source", type=Path, default=None, help="bdnews_2025-12-30.json (default: ../shared/data/news)")
    ap.add_argument("--stats", action="store_true", help="print counts by kind instead of the records")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("-n must not be negative")
    counts: dict[str, int] = {}
    out = sys.stdout
    for v in generate(args.n, args.seed, args.source):
        if args.stats:
            counts[v.kind] = counts.get(v.kind, 0) + 1
        else:
            out.write(json.dumps(v.to_json(), ensure_ascii=False) + "\n")
    if args.stats:
        print(json.dumps(counts, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
