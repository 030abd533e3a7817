"""Exact and near-duplicate articles: which stored article is a copy of which.

A syndicated wire story, a re-publication, a copy lightly edited by a second
outlet: each copy keeps its own outlet and URL, and points at its original,
the earliest published (else first seen) article it copies.  See
docs/duplicates.md.

How a new article is checked (``DuplicateIndex.check``):

1. **Exact copy**: the hash of its normalised word sequence
   (``shingles.body_key``) equals a known article's.
2. **Near copy**: MinHash LSH finds candidates -- a datasketch ``MinHash``
   signature over the article's word 3-gram shingles, cut into bands, each
   band hashed to one key; any article sharing a band key is a candidate --
   and each candidate is **confirmed with the exact Jaccard similarity** of
   the two shingle sets, kept when it reaches ``[corpus] dup_threshold``.
   LSH only decides what to compare, never what is a copy, so precision is
   that of the exact Jaccard, and recall is the chance that a pair at the
   threshold shares a band (``1-(1-s^rows)^bands``, 0.9998 at s = 0.8).

The index lives either in a ``Store`` (migration 0005: fingerprints, band
keys and copy records persist, so a later ingest run finds copies of earlier
articles) or in memory (benchmarks, evaluation); both answer the same way.
Work per article is bounded by its candidates, never by the corpus size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Protocol

import numpy as np
from datasketch import MinHash

from ..records import Article
from ..store.base import Store
from .shingles import DEFAULT_WORDS, body_key, jaccard, shingle_hashes, words

__all__ = [
    "DuplicateMatch",
    "DuplicateSettings",
    "DuplicateStats",
    "DuplicateIndex",
    "Fingerprint",
    "MinHasher",
]

METHODS = ("exact", "near")


@dataclass(slots=True, frozen=True)
class DuplicateMatch:
    """``article_id`` is a copy of ``original_id``.

    ``jaccard`` is the exact shingle Jaccard similarity of the two bodies
    (1.0 for an exact copy); ``method`` is ``exact`` (same normalised word
    sequence) or ``near`` (MinHash LSH candidate confirmed by Jaccard).

    Usually ``article_id`` is the article just checked.  When that article
    was published *before* the stored one it copies, it is the original:
    then ``original_id`` is the checked article and ``article_id`` the stored
    one, which ``DuplicateIndex.add`` turns into the copy (``flipped``).
    """

    article_id: str
    original_id: str
    jaccard: float
    method: str

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "original_id": self.original_id,
            "jaccard": round(self.jaccard, 4),
            "method": self.method,
        }


@dataclass(slots=True, frozen=True)
class DuplicateSettings:
    """The ``dup_`` keys of the ``[corpus]`` config section (defaults.toml says why each)."""

    threshold: float = 0.8
    shingle_words: int = DEFAULT_WORDS
    bands: int = 16
    rows: int = 4
    seed: int = 1
    min_words: int = 20

    def __post_init__(self) -> None:
        problems = []
        if not 0.0 < self.threshold <= 1.0:
            problems.append(f"dup_threshold must be in (0, 1], got {self.threshold}")
        for name in ("shingle_words", "bands", "rows"):
            if getattr(self, name) < 1:
                problems.append(f"dup_{name} must be at least 1, got {getattr(self, name)}")
        if self.min_words < 0:
            problems.append(f"dup_min_words must not be negative, got {self.min_words}")
        if problems:
            raise ValueError("bad [corpus] duplicate settings: " + "; ".join(problems))

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows

    @classmethod
    def from_config(cls, config: dict[str, Any] | None = None) -> "DuplicateSettings":
        """Settings from a loaded config (``ghotona.config.load()``), else the defaults file."""
        if config is None:
            from .. import config as _config

            config = _config.load()
        section = config.get("corpus", {})
        d = cls()
        return cls(
            threshold=float(section.get("dup_threshold", d.threshold)),
            shingle_words=int(section.get("dup_shingle_words", d.shingle_words)),
            bands=int(section.get("dup_bands", d.bands)),
            rows=int(section.get("dup_rows", d.rows)),
            seed=int(section.get("dup_seed", d.seed)),
            min_words=int(section.get("dup_min_words", d.min_words)),
        )


@dataclass(slots=True, frozen=True)
class Fingerprint:
    """What the index keeps of one body.

    ``key`` identifies the exact word sequence; ``shingles`` are the sorted
    distinct uint32 shingle hashes; ``bands`` the LSH band keys (signed
    64-bit ints), empty for a body too short to be called a near copy.
    """

    key: str
    shingles: np.ndarray
    words: int
    bands: tuple[int, ...]


@dataclass(slots=True)
class DuplicateStats:
    """Counts since the index was built: what the benchmark and ingest report."""

    checked: int = 0
    exact: int = 0
    near: int = 0
    candidates: int = 0  # exact Jaccard computations (LSH candidates confirmed or not)
    skipped_empty: int = 0  # bodies without a single word


# splitmix64 constants: combine a band's rows into one well-mixed key.
_MUL = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> _S30)
    h = h * _MIX1
    h = h ^ (h >> _S27)
    h = h * _MIX2
    return h ^ (h >> _S31)


class MinHasher:
    """datasketch MinHash signatures and LSH band keys for shingle sets.

    The permutations are drawn once (datasketch draws them per ``MinHash``
    otherwise, which costs more than hashing a whole article).
    """

    def __init__(self, settings: DuplicateSettings) -> None:
        self.settings = settings
        self._permutations = MinHash(num_perm=settings.num_perm, seed=settings.seed).permutations
        # Salt: band keys made under other settings must never be equal to
        # these (stored fingerprints outlive a config change).
        salt_text = f"dup:{settings.shingle_words}:{settings.bands}:{settings.rows}:{settings.seed}"
        salt = int.from_bytes(salt_text.encode()[:8].ljust(8, b"\0"), "little") ^ len(salt_text)
        with np.errstate(over="ignore"):
            self._band_salt = _mix(np.uint64(salt) + np.arange(settings.bands, dtype=np.uint64) * _MUL)

    def minhash(self, shingles: np.ndarray) -> MinHash:
        """The datasketch ``MinHash`` of a shingle set (affine32 scheme, identity hash)."""
        m = MinHash(
            num_perm=self.settings.num_perm,
            seed=self.settings.seed,
            permutations=self._permutations,
            scheme="affine32",
            hashfunc=int,  # shingles are already 32-bit hashes
        )
        if len(shingles):
            m.update_batch(shingles.tolist())
        return m

    def bands(self, shingles: np.ndarray) -> tuple[int, ...]:
        """One signed 64-bit key per band of the MinHash signature."""
        sig = np.asarray(self.minhash(shingles).hashvalues, dtype=np.uint64)
        rows = sig.reshape(self.settings.bands, self.settings.rows)
        with np.errstate(over="ignore"):
            h = self._band_salt.copy()
            for j in range(self.settings.rows):
                h = _mix(h * _MUL + rows[:, j])
        return tuple(h.view(np.int64).tolist())


def _time_key(value: datetime | None) -> str | None:
    """A sortable UTC text key for a publication time (as the store sorts them)."""
    if value is None:
        return None
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


@dataclass(slots=True)
class _Entry:
    """A known article as the index compares it."""

    id: str
    shingles: np.ndarray
    published: str | None  # _time_key
    seen: Any  # first-seen order: an int in memory, UTC text in a store


class _Backend(Protocol):
    def exact(self, key: str, exclude: str) -> list[_Entry]: ...
    def candidates(self, bands: tuple[int, ...], exclude: str) -> list[_Entry]: ...
    def save(self, article_id: str, fp: Fingerprint, published: str | None, n: int) -> None: ...
    def record(self, article_id: str, original_id: str | None, jaccard: float, method: str) -> None: ...
    def original_of(self, article_id: str) -> str | None: ...


class _MemoryBackend:
    """Everything in process memory, compactly: one int per article in each
    structure, band keys in one dict (int key -> int, or list of ints when a
    bucket holds several articles)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.pos: dict[str, int] = {}
        self.shingles: list[np.ndarray] = []
        self.published: list[str | None] = []
        self.by_key: dict[str, int | list[int]] = {}
        self.buckets: dict[int, int | list[int]] = {}
        self.copies: dict[int, tuple[int, float, str]] = {}

    @staticmethod
    def _put(table: dict[Any, int | list[int]], key: Any, value: int) -> None:
        old = table.get(key)
        if old is None:
            table[key] = value
        elif isinstance(old, list):
            if old[-1] != value:
                old.append(value)
        elif old != value:
            table[key] = [old, value]

    def _entry(self, i: int) -> _Entry:
        return _Entry(self.ids[i], self.shingles[i], self.published[i], i)

    def exact(self, key: str, exclude: str) -> list[_Entry]:
        found = self.by_key.get(key)
        if found is None:
            return []
        own = self.pos.get(exclude)
        return [self._entry(i) for i in (found if isinstance(found, list) else (found,)) if i != own]

    def candidates(self, bands: tuple[int, ...], exclude: str) -> list[_Entry]:
        own = self.pos.get(exclude)
        got: set[int] = set()
        get = self.buckets.get
        for k in bands:
            found = get(k)
            if found is None:
                continue
            if isinstance(found, list):
                got.update(found)
            else:
                got.add(found)
        got.discard(own)  # type: ignore[arg-type]
        return [self._entry(i) for i in sorted(got)]

    def save(self, article_id: str, fp: Fingerprint, published: str | None, n: int) -> None:
        i = self.pos.get(article_id)
        if i is None:
            i = len(self.ids)
            self.pos[article_id] = i
            self.ids.append(article_id)
            self.shingles.append(fp.shingles)
            self.published.append(published)
        else:
            # An updated article: its old band keys stay in their buckets,
            # which only costs a wasted Jaccard (confirmation reads the new
            # shingles); the store backend removes them.
            self.shingles[i] = fp.shingles
            self.published[i] = published
        self._put(self.by_key, fp.key, i)
        for k in fp.bands:
            self._put(self.buckets, k, i)

    def record(self, article_id: str, original_id: str | None, jaccard: float, method: str) -> None:
        i = self.pos[article_id]
        if original_id is None:
            self.copies.pop(i, None)
        else:
            self.copies[i] = (self.pos[original_id], jaccard, method)

    def original_of(self, article_id: str) -> str | None:
        i = self.pos.get(article_id)
        found = self.copies.get(i) if i is not None else None
        return self.ids[found[0]] if found else None

    def matches(self) -> list[DuplicateMatch]:
        return [
            DuplicateMatch(self.ids[c], self.ids[o], j, m) for c, (o, j, m) in sorted(self.copies.items())
        ]


class _StoreBackend:
    """The index in a ``Store`` (migration 0005), shared by every run on it."""

    def __init__(self, store: Store, shingle_words: int) -> None:
        self.store = store
        self.n = shingle_words

    def _entries(self, ids: list[str], n: int | None) -> list[_Entry]:
        out = []
        for f in self.store.fingerprints(ids):
            if n is not None and f.shingle_words != n:
                continue  # made with other settings: not comparable
            out.append(_Entry(f.article_id, np.frombuffer(f.shingles, dtype="<u4"), _time_key(f.published), f.first_seen))
        return out

    def exact(self, key: str, exclude: str) -> list[_Entry]:
        ids = [i for i in self.store.fingerprints_with_key(key) if i != exclude]
        return self._entries(ids, None) if ids else []

    def candidates(self, bands: tuple[int, ...], exclude: str) -> list[_Entry]:
        ids = [i for i in self.store.band_candidates(list(bands)) if i != exclude]
        return self._entries(ids, self.n) if ids else []

    def save(self, article_id: str, fp: Fingerprint, published: str | None, n: int) -> None:
        self.store.save_fingerprint(
            article_id, fp.key, n, fp.words, fp.shingles.astype("<u4").tobytes(), list(fp.bands)
        )

    def record(self, article_id: str, original_id: str | None, jaccard: float, method: str) -> None:
        self.store.record_duplicate(article_id, original_id, jaccard, method)

    def original_of(self, article_id: str) -> str | None:
        rec = self.store.duplicate_of(article_id)
        return rec.original_id if rec else None


def _order(entry: _Entry, j: float) -> tuple[Any, ...]:
    # Earliest published first, undated after dated, then first seen, then
    # the closest copy.
    return (entry.published is None, entry.published or "", entry.seen, -j)


@dataclass(slots=True)
class _Cached:
    key: tuple[str, str]
    fp: Fingerprint


class DuplicateIndex:
    """Finds which article a new one copies, exactly or nearly.

    ``DuplicateIndex(store)`` keeps its fingerprints in the store;
    ``DuplicateIndex()`` keeps them in memory.  Call ``check(article)``,
    then ``add(article, match)`` once the article is stored (or
    ``process(article)`` for both).  Settings come from ``[corpus] dup_*``
    (``config`` as ``ghotona.config.load()`` returns it) unless ``settings``
    is given.
    """

    def __init__(
        self,
        store: Store | None = None,
        *,
        settings: DuplicateSettings | None = None,
        config: dict[str, Any] | None = None,
    ) -> None:
        self.settings = settings or DuplicateSettings.from_config(config)
        self.hasher = MinHasher(self.settings)
        self.store = store
        if store is None:
            self._backend: _Backend = _MemoryBackend()
        else:
            self._backend = _StoreBackend(store, self.settings.shingle_words)
        self.stats = DuplicateStats()
        self._cache: _Cached | None = None

    # -- fingerprints -----------------------------------------------------

    def fingerprint_text(self, text: str) -> Fingerprint:
        """The fingerprint of a body text."""
        return self.fingerprint_words(words(text))

    def fingerprint_words(self, toks: list[str]) -> Fingerprint:
        """The fingerprint of a body's words (``shingles.words``, or ``corpus.tokens.article_words(...).body``)."""
        sh = shingle_hashes(toks, self.settings.shingle_words)
        bands = self.hasher.bands(sh) if len(toks) >= max(self.settings.min_words, 1) else ()
        return Fingerprint(key=body_key(toks), shingles=sh, words=len(toks), bands=bands)

    def fingerprint(self, article: Article, words: list[str] | None = None) -> Fingerprint:
        """The article's fingerprint (computed once for ``check`` then ``add``).

        ``words`` are the body's words when the caller found them already
        (``corpus.tokens``: one normalisation shared with stories).
        """
        body = article.body
        key = (article.id, article.content_hash or body)
        if self._cache is not None and self._cache.key == key:
            return self._cache.fp
        fp = self.fingerprint_text(body) if words is None else self.fingerprint_words(words)
        self._cache = _Cached(key, fp)
        return fp

    # -- the questions ----------------------------------------------------

    def _confirmed(self, article: Article, words: list[str] | None = None) -> list[tuple[_Entry, float, str]]:
        """Every known article at Jaccard >= threshold with ``article``, with how it was found."""
        fp = self.fingerprint(article, words)
        self.stats.checked += 1
        if fp.words == 0:
            self.stats.skipped_empty += 1
            return []
        exact = self._backend.exact(fp.key, article.id)
        confirmed = [(e, 1.0, "exact") for e in exact]
        # Near copies are looked for even when an exact one exists: the
        # exact twin may itself be a late copy of an earlier original, and
        # the original is the earliest of them all.
        if fp.bands:
            threshold = self.settings.threshold
            twins = {e.id for e in exact}
            entries = [e for e in self._backend.candidates(fp.bands, article.id) if e.id not in twins]
            self.stats.candidates += len(entries)
            for e in entries:
                j = jaccard(fp.shingles, e.shingles)
                if j >= threshold:
                    # Jaccard 1.0 with other words order is still "near":
                    # exact means the same word sequence.
                    confirmed.append((e, j, "near"))
        return confirmed

    def copies(self, article: Article) -> list[DuplicateMatch]:
        """Every known article that ``article`` is an exact or near copy of, best first.

        Pairs, not a decision: the evaluation scores these against brute
        force.  ``check`` picks the original among them.
        """
        found = self._confirmed(article)
        found.sort(key=lambda ejm: (-ejm[1], ejm[0].id))
        return [DuplicateMatch(article.id, e.id, j, m) for e, j, m in found]

    def check(self, article: Article, words: list[str] | None = None) -> DuplicateMatch | None:
        """The known article that ``article`` copies (or that copies it), or None.

        Among all confirmed copies the original is the earliest published
        (dated before undated), then the first seen.  An article without a
        single word in its body is no copy of anything (counted in
        ``stats.skipped_empty``); one shorter than ``dup_min_words`` words
        can only be an exact copy.  ``words``: the body's words, when
        already found (see :meth:`fingerprint`).
        """
        confirmed = self._confirmed(article, words)
        if not confirmed:
            return None
        entry, j, method = min(confirmed, key=lambda ejm: _order(ejm[0], ejm[1]))
        if method == "exact":
            self.stats.exact += 1
        else:
            self.stats.near += 1
        own = _time_key(article.published)
        if own is not None and entry.published is not None and own < entry.published:
            # The new article was published first: it is the original.
            return DuplicateMatch(entry.id, article.id, j, method)
        return DuplicateMatch(article.id, entry.id, j, method)

    def add(self, article: Article, match: DuplicateMatch | None) -> None:
        """Index ``article`` (already stored, when the index is in a store) and record ``match``.

        ``match`` is what ``check`` returned for it; None records that the
        article is no copy (an updated article may have stopped being one).
        A flipped match makes the stored article the copy of this one.
        """
        if match is not None and article.id not in (match.article_id, match.original_id):
            raise ValueError(
                f"the match {match.article_id} -> {match.original_id} is not about article {article.id}; "
                "pass the match that check() returned for this article"
            )
        fp = self.fingerprint(article)
        if fp.words == 0:
            return  # nothing to compare against later
        self._backend.save(article.id, fp, _time_key(article.published), self.settings.shingle_words)
        if match is None or match.article_id != article.id:
            self._backend.record(article.id, None, 1.0, "near")
        if match is not None:
            self._backend.record(match.article_id, match.original_id, match.jaccard, match.method)

    def process(self, article: Article, words: list[str] | None = None) -> DuplicateMatch | None:
        """``check`` then ``add``: the article's match, and the article indexed."""
        match = self.check(article, words)
        self.add(article, match)
        return match

    def original_of(self, article_id: str) -> str | None:
        """The id of the article that ``article_id`` was recorded as copying, or None."""
        return self._backend.original_of(article_id)

    def matches(self) -> list[DuplicateMatch]:
        """Every recorded copy (in-memory index only; a store lists them with ``Store.duplicates``)."""
        if not isinstance(self._backend, _MemoryBackend):
            raise TypeError("this index lives in a store: list its copies with store.duplicates()")
        return self._backend.matches()

    def __len__(self) -> int:
        if isinstance(self._backend, _MemoryBackend):
            return len(self._backend.ids)
        raise TypeError("this index lives in a store: count its articles with the store")

