"""Near-duplicate detection against brute force, on a generated corpus.

``evaluate(n)`` streams ``n`` articles from scripts/make_variants.py (real
articles of ../shared/data/news, their edited / reordered / truncated copies,
and unrelated collages), runs them through an in-memory
:class:`~ghotona.corpus.duplicates.DuplicateIndex` one by one as ingest
would, and compares with the ground truth computed by brute force: the exact
shingle Jaccard of *every* pair (a sparse matrix product), a pair being a
near copy when it reaches the threshold.

Two levels are scored:

* **pairs**: every pair the index confirmed when the later of the two
  arrived (``DuplicateIndex.copies``) against every pair at Jaccard >=
  threshold.  Recall is what MinHash LSH can lose (a pair that shares no
  band); precision is guarded by the exact confirmation.
* **articles**: the articles recorded as copies at the end (``check`` then
  ``add``: one original each, the earliest) against the articles that have
  an earlier-published article at Jaccard >= threshold.

The CI gate (tests/test_duplicates.py) pins these in eval/baselines.json
under "duplicates".
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from ..corpus.duplicates import DuplicateIndex, DuplicateSettings

ROOT = Path(__file__).resolve().parents[3]


def load_generator() -> ModuleType:
    """scripts/make_variants.py as a module (it lives beside the package, not in it)."""
    path = ROOT / "scripts" / "make_variants.py"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: the duplicate evaluation runs from a source checkout of ghotona"
        )
    spec = importlib.util.spec_from_file_location("ghotona_make_variants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(slots=True)
class DuplicateScores:
    """What ``evaluate`` measured (see the module docstring)."""

    articles: int
    threshold: float
    true_pairs: int
    found_pairs: int
    correct_pairs: int
    true_copies: int
    found_copies: int
    correct_copies: int
    candidates: int
    seconds_index: float
    seconds_brute: float
    missed: list[tuple[str, str, float]]

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def pair_precision(self) -> float:
        return self._ratio(self.correct_pairs, self.found_pairs)

    @property
    def pair_recall(self) -> float:
        return self._ratio(self.correct_pairs, self.true_pairs)

    @property
    def copy_precision(self) -> float:
        return self._ratio(self.correct_copies, self.found_copies)

    @property
    def copy_recall(self) -> float:
        return self._ratio(self.correct_copies, self.true_copies)

    def summary(self) -> dict[str, Any]:
        out = asdict(self)
        out["missed"] = out["missed"][:20]
        for key in ("pair_precision", "pair_recall", "copy_precision", "copy_recall"):
            out[key] = round(getattr(self, key), 5)
        return out


def brute_force_pairs(shingles: list[np.ndarray], threshold: float) -> dict[tuple[int, int], float]:
    """Every pair ``(i, j)``, i < j, whose exact Jaccard reaches ``threshold``, with it."""
    from scipy import sparse

    sizes = np.array([len(s) for s in shingles], dtype=np.int64)
    if not len(shingles) or sizes.sum() == 0:
        return {}
    values = np.concatenate(shingles)
    cols = np.unique(values, return_inverse=True)[1]
    rows = np.repeat(np.arange(len(shingles)), sizes)
    x = sparse.csr_matrix((np.ones(len(values), dtype=np.int32), (rows, cols)), shape=(len(shingles), cols.max() + 1))
    inter = sparse.triu(x @ x.T, k=1).tocoo()
    i, j, c = inter.row, inter.col, inter.data.astype(np.float64)
    jac = c / (sizes[i] + sizes[j] - c)
    keep = jac >= threshold
    return {(int(a), int(b)): float(v) for a, b, v in zip(i[keep], j[keep], jac[keep])}


def evaluate(
    n: int = 3000,
    *,
    seed: int = 11,
    source: Path | None = None,
    settings: DuplicateSettings | None = None,
) -> DuplicateScores:
    """Generate ``n`` articles, index them one by one, score against brute force."""
    from .extraction import shared_dir  # honours $GHOTONA_SHARED

    gen = load_generator()
    source = source or shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
    settings = settings or DuplicateSettings.from_config()
    articles = [v.to_article() for v in gen.generate(n, seed=seed, source=source)]
    pos = {a.id: i for i, a in enumerate(articles)}

    index = DuplicateIndex(settings=settings)
    found: set[tuple[int, int]] = set()
    t0 = time.perf_counter()
    for a in articles:
        for m in index.copies(a):
            i, j = pos[a.id], pos[m.original_id]
            found.add((min(i, j), max(i, j)))
        index.add(a, index.check(a))
    seconds_index = time.perf_counter() - t0

    t0 = time.perf_counter()
    shingles = [index.fingerprint_text(a.body).shingles for a in articles]
    truth = brute_force_pairs(shingles, settings.threshold)
    seconds_brute = time.perf_counter() - t0

    # An article is a copy when some article published before it (else
    # ingested before it) is at Jaccard >= threshold.
    order = [(a.published, i) for i, a in enumerate(articles)]
    true_copies = {j if order[i] < order[j] else i for i, j in truth}
    found_copies = {pos[m.article_id] for m in index.matches()}
    missed = sorted(
        ((articles[i].id, articles[j].id, round(v, 4)) for (i, j), v in truth.items() if (i, j) not in found),
        key=lambda t: -t[2],
    )
    return DuplicateScores(
        articles=len(articles),
        threshold=settings.threshold,
        true_pairs=len(truth),
        found_pairs=len(found),
        correct_pairs=len(found & truth.keys()),
        true_copies=len(true_copies),
        found_copies=len(found_copies),
        correct_copies=len(found_copies & true_copies),
        candidates=index.stats.candidates,
        seconds_index=round(seconds_index, 3),
        seconds_brute=round(seconds_brute, 3),
        missed=missed,
    )
