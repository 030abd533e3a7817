"""Bengali-aware TF-IDF: the text similarity behind stories and threads.

A text becomes a sparse vector of weighted features:

- ``w:`` word unigrams and ``b:`` word bigrams over the normalised,
  case-folded words (stop words dropped: ``data/stopwords_bn.yaml``);
- ``c:`` character n-grams inside each word, padded with ``<``/``>``, so
  that inflected forms share most features (কিমের and কিম, ল্যাভরভকে and
  ল্যাভরভ: Bengali inflects by suffix, and a word feature alone would
  treat them as strangers).

Words are found with the ``regex`` module (``\\p{L}\\p{M}``: Bengali vowel
signs and the virama are marks, which ``re``'s ``\\w`` splits on).
scikit-learn is not used: its default token pattern drops Bengali, and the
vocabulary here must grow one document at a time.

Document frequencies are incremental (:class:`DocFreq`): each document is
counted once when it is added, so the weights of later documents reflect
everything seen before them, and nothing is ever refitted.  The store keeps
the counts between runs (``Store.load_term_df`` / ``save_term_df``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import is_, itemgetter
from sys import intern as _intern

import numpy as np
import regex
import yaml

from .. import langdata
from ..text import normalize

STOPWORDS_FILE = "stopwords_bn.yaml"

# A word: letters with their combining marks (vowel signs, virama, nukta)
# and digits; the joiners ZWJ/ZWNJ stay inside (র‍্যাব).
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u200d]*")
_JOINERS = str.maketrans("", "", "\u200c\u200d")

#: A sparse vector: feature -> weight.
Vector = dict[str, float]

_PREFIX = itemgetter(slice(0, 2))  # "c:<কি" -> "c:"

# Words whose character n-grams Analyzer keeps cut (a few MB at most).
_GRAM_CACHE = 200_000


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """The shipped stop words, normalised and validated (errors name the file and line)."""
    path = langdata.data_path(STOPWORDS_FILE)
    try:
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh, Loader=langdata.BaseLoader)
    except FileNotFoundError:
        raise langdata.fail(STOPWORDS_FILE, "file", "missing from the package; reinstall ghotona") from None
    except yaml.YAMLError as exc:
        raise langdata.fail(STOPWORDS_FILE, "file", f"not valid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise langdata.fail(STOPWORDS_FILE, "file", "expected a mapping of lists (bengali:, english:)")
    words: dict[str, int] = {}
    for key, value in root.value:
        if not isinstance(value, yaml.SequenceNode):
            raise langdata.fail(STOPWORDS_FILE, f"line {key.start_mark.line + 1}", f"'{key.value}' must be a list")
        for item in value.value:
            line = f"line {item.start_mark.line + 1}"
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                raise langdata.fail(STOPWORDS_FILE, line, "each entry must be one word")
            word = normalize(item.value).strip().casefold().translate(_JOINERS)
            if not _WORD.fullmatch(word):
                raise langdata.fail(STOPWORDS_FILE, line, f"'{item.value}' is not a single word")
            if word in words:
                raise langdata.fail(
                    STOPWORDS_FILE, line, f"'{item.value}' repeats the entry on line {words[word]}"
                )
            words[word] = item.start_mark.line + 1
    return frozenset(words)


def words(text: str) -> list[str]:
    """Normalised, case-folded words of ``text`` (joiners dropped: র‍্যাব = র্যাব)."""
    return folded_words(normalize(text).casefold())


def folded_words(text: str) -> list[str]:
    """:func:`words` of a text already normalised and case-folded (``corpus.tokens`` shares that work)."""
    found = _WORD.findall(text)
    if "\u200c" in text or "\u200d" in text:  # rare: translate only then
        found = [w.translate(_JOINERS) for w in found]
    return found


class FeatureCounts(Counter):  # type: ignore[type-arg]
    """Feature counts whose keys come in prefix groups: ``groups`` lists (prefix, how many) in order."""

    groups: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class Analyzer:
    """Text -> feature counts.  Built once; cheap to call.

    ``char_sizes`` are the character n-gram lengths (in code points: a
    Bengali syllable is often two, consonant + vowel sign); ``char_weight``
    scales them against word features, of which there are far fewer.
    """

    char_sizes: tuple[int, ...] = (3, 4)
    char_weight: float = 0.3
    bigram_weight: float = 1.0
    stopwords: frozenset[str] = field(default_factory=load_stopwords)
    _cache: dict[str, tuple[str, list[str]]] = field(default_factory=dict, repr=False)

    def counts(self, text: str) -> "FeatureCounts":
        """Raw feature counts of ``text`` (occurrences, before any weighting).

        The features come in groups, words then bigrams then character
        n-grams (``FeatureCounts.groups``), so :func:`tfidf` weighs a group
        at once instead of reading each feature's prefix.
        """
        return self.counts_words(words(text))

    def counts_words(self, found: list[str]) -> "FeatureCounts":
        """:meth:`counts` of the words :func:`words` found (``corpus.tokens`` finds them once per article)."""
        stop = self.stopwords
        kept = [w for w in found if len(w) > 1 and w not in stop]
        # Distinct words in text order with their counts (Counter keeps first
        # occurrence order: results must not depend on hash seeds).
        wc = Counter(kept)
        entries = list(map(self._entry, wc))
        out = FeatureCounts()
        out.update(dict(zip([e[0] for e in entries], wc.values())))  # empty Counter + dict: a C copy
        n_words = len(out)
        if self.bigram_weight:  # pairs weighing nothing are never made (not counted, stored or compared)
            out.update(["b:" + a + " " + b for a, b in zip(kept, kept[1:])])
        n_bigrams = len(out) - n_words
        if self.char_weight:
            grams: list[str] = []
            for (_, g), reps in zip(entries, wc.values()):
                grams += g * reps if reps > 1 else g
            out.update(grams)
        out.groups = (("w:", n_words), ("b:", n_bigrams), ("c:", len(out) - n_words - n_bigrams))
        return out

    def _entry(self, word: str) -> tuple[str, list[str]]:
        # News vocabulary repeats: a word's feature name and character n-grams
        # are made once and kept (the cache is dropped whole when it grows
        # past _GRAM_CACHE words).
        cache = self._cache
        e = cache.get(word)
        if e is None:
            if len(cache) >= _GRAM_CACHE:
                cache.clear()
            if word.isdigit() or not self.char_weight:
                g = []
            else:
                padded = "<" + word + ">"
                g = [
                    _intern("c:" + padded[i : i + n]) for n in self.char_sizes for i in range(len(padded) - n + 1)
                ]
            e = cache[word] = (_intern("w:" + word), g)
        return e

    def _grams(self, word: str) -> list[str]:
        return self._entry(word)[1]

    def weights(self) -> dict[str, float]:
        """Feature-group weights by prefix, for :func:`tfidf`."""
        return {"w:": 1.0, "b:": self.bigram_weight, "c:": self.char_weight}


@dataclass(slots=True, frozen=True)
class DfPrior:
    """Document frequencies of a reference corpus: what IDF leans on while the corpus is small.

    Five documents say nothing about which words are rare: with IDF from
    them alone, a word every Bengali report uses weighs as much as a name.
    ``DocFreq`` therefore counts ``docs`` pseudo-documents that follow the
    reference frequencies (``df[t] / n_docs``) beside the real ones, fewer
    as the corpus grows, none from ``fade`` documents on: by then the
    corpus's own counts say enough.  The shipped prior
    (``data/df_prior_bn.tsv``) holds numbers only, built by
    scripts/build_df_prior.py from ../shared/data/news.
    """

    df: Mapping[str, int]
    n_docs: int
    docs: float = 0.0  # pseudo-documents it counts for (0: the prior is off)
    fade: float = 0.0  # corpus size at which it has faded out (0: never fades)

    def share(self, term: str) -> float:
        return self.df.get(term, 0) / self.n_docs if self.n_docs else 0.0


PRIOR_FILE = "df_prior_bn.tsv"


@lru_cache(maxsize=1)
def load_prior_counts() -> tuple[dict[str, int], int]:
    """The shipped reference document frequencies (``feature<TAB>df``; first line ``#n_docs<TAB>N``)."""
    path = langdata.data_path(PRIOR_FILE)
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise langdata.fail(
            PRIOR_FILE, "file", "missing from the package; rebuild it with scripts/build_df_prior.py or reinstall"
        ) from None
    df: dict[str, int] = {}
    n_docs = 0
    with fh:
        for no, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if no == 1:
                if len(parts) != 2 or parts[0] != "#n_docs" or not parts[1].isdigit() or int(parts[1]) < 1:
                    raise langdata.fail(PRIOR_FILE, "line 1", "expected '#n_docs<TAB>N' with N >= 1")
                n_docs = int(parts[1])
                continue
            if len(parts) != 2 or not parts[1].isdigit() or not parts[0]:
                raise langdata.fail(PRIOR_FILE, f"line {no}", "expected 'feature<TAB>document count'")
            count = int(parts[1])
            if count > n_docs:
                raise langdata.fail(PRIOR_FILE, f"line {no}", f"count {count} exceeds n_docs {n_docs}")
            df[_intern(parts[0])] = count
    return df, n_docs


def shipped_prior(docs: float, fade: float = 0.0) -> DfPrior | None:
    """The shipped prior as ``docs`` pseudo-documents fading out at ``fade`` (None when ``docs`` is 0)."""
    if docs <= 0:
        return None
    df, n_docs = load_prior_counts()
    return DfPrior(df, n_docs, float(docs), float(fade))


class DocFreq:
    """Incremental document frequencies: ``add`` each document once, then weigh.

    With ``track=True`` (a store behind it) ``dirty`` collects the terms
    changed since the last ``take_dirty`` so the store saves only those; in
    memory nothing is tracked (the set would grow with the vocabulary).

    A ``prior`` (:class:`DfPrior`) adds ``docs x share`` pseudo-counts to
    each term while the corpus is small, fading linearly to nothing at
    ``prior.fade`` documents: from then on the corpus's own counts alone
    decide (and weighing a term is one look-up again).
    """

    __slots__ = ("df", "n_docs", "dirty", "prior", "track")

    def __init__(
        self, df: Mapping[str, int] | None = None, n_docs: int = 0, *,
        prior: DfPrior | None = None, track: bool = True,
    ) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.n_docs = n_docs
        self.dirty: set[str] = set()
        self.prior = prior if prior is not None and prior.docs > 0 and prior.n_docs > 0 else None
        self.track = track

    def add(self, terms: Iterable[str]) -> None:
        terms = list(terms)
        self.df.update(terms)  # Counter.update: counted in C
        if self.track:
            self.dirty.update(terms)
        self.n_docs += 1

    def prior_docs(self) -> float:
        """Pseudo-documents the prior counts for now (0 once the corpus has ``prior.fade`` documents)."""
        pr = self.prior
        if pr is None:
            return 0.0
        if pr.fade <= 0:
            return pr.docs
        return pr.docs * max(0.0, 1.0 - self.n_docs / pr.fade)

    def idf(self, term: str) -> float:
        # Smoothed (as scikit-learn's smooth_idf): never zero, never negative,
        # and defined for a term no document has had yet.  The prior's
        # pseudo-documents are on both sides of the ratio.
        m = self.prior_docs()
        pseudo = m * self.prior.share(term) if m else 0.0  # type: ignore[union-attr]
        return math.log((1 + self.n_docs + m) / (1 + self.df.get(term, 0) + pseudo)) + 1.0

    def idfs(self, terms: list[str]) -> np.ndarray:
        """``idf`` of many terms at once (numpy; the same formula).  The look-ups run in C (map)."""
        n = len(terms)
        df = np.fromiter(map(self.df.get, terms, repeat(0)), dtype=np.float64, count=n)
        m = self.prior_docs()
        if m:
            pr = self.prior
            assert pr is not None
            df += (m / pr.n_docs) * np.fromiter(map(pr.df.get, terms, repeat(0)), dtype=np.float64, count=n)
        return np.log((1.0 + self.n_docs + m) / (1.0 + df)) + 1.0

    def prune(self, max_terms: int) -> int:
        """Forget the terms seen in one document only, once there are more than ``max_terms``.

        Vocabulary grows without end (names, typos, word pairs); a term met
        once is rare whether its count is 1 or forgotten (0), so memory stays
        bounded at almost no cost to the weights.  Unsaved (dirty) terms
        stay.  Returns how many were dropped.
        """
        if len(self.df) <= max_terms:
            return 0
        dirty = self.dirty
        gone = [t for t, c in self.df.items() if c <= 1 and t not in dirty]
        for t in gone:
            del self.df[t]
        return len(gone)

    def take_dirty(self) -> dict[str, int]:
        out = {t: self.df[t] for t in self.dirty}
        self.dirty = set()
        return out


class TermIds:
    """Feature names -> term ids (0, 1, 2, ... in the order first seen).

    The reader of the corpus pass (corpus/parallel.py) numbers each
    article's story features and sends the story process ids and counts,
    with the names first seen since its last batch (``take_new``): a few
    bytes per feature cross the pipe instead of the words, and the story
    process keeps its document frequencies in arrays (``DocFreqById``).
    """

    __slots__ = ("ids", "_new")

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._new: list[str] = []

    def of(self, terms: list[str]) -> np.ndarray:
        """The ids of ``terms``, numbering the new ones."""
        ids = self.ids
        out = list(map(ids.get, terms))  # in C
        if None in out:  # new names: found in C too (an article has a few among a thousand)
            for i in compress(range(len(out)), map(is_, out, repeat(None))):
                t = terms[i]
                n = ids.get(t)  # named twice in ``terms``: numbered once
                if n is None:
                    n = ids[t] = len(ids)
                    self._new.append(t)
                out[i] = n
        return np.array(out, dtype=np.int32)

    def take_new(self) -> list[str]:
        """The names numbered since the last call, in id order."""
        new, self._new = self._new, []
        return new


@dataclass(slots=True, frozen=True)
class TermCounts:
    """One article's story features as term ids: what the story process weighs.

    ``ids``/``counts``: the ``Analyzer`` features in its order, then the
    actor terms (``n_actors`` of them); ``groups`` is the features'
    ``FeatureCounts.groups``.
    """

    ids: np.ndarray  # int32
    counts: np.ndarray  # int32 occurrences
    groups: tuple[tuple[str, int], ...]
    n_actors: int


class TermCounter:
    """Words -> their ``Analyzer`` feature counts as term ids (``TermCounts``), without naming each feature.

    What ``Analyzer.counts_words`` counts, in its order, but each distinct
    word's feature and n-gram ids are looked up once and kept, and the
    n-grams are counted as small integers: a third of the work of counting
    and then numbering the names.
    """

    __slots__ = ("analyzer", "term_ids", "_cache")

    def __init__(self, analyzer: Analyzer, term_ids: TermIds | None = None) -> None:
        self.analyzer = analyzer
        self.term_ids = term_ids if term_ids is not None else TermIds()
        self._cache: dict[str, tuple[int, list[int]]] = {}

    def _entry(self, word: str) -> tuple[int, list[int]]:
        e = self._cache.get(word)
        if e is None:
            if len(self._cache) >= _GRAM_CACHE:
                self._cache.clear()
            name, grams = self.analyzer._entry(word)
            ids = self.term_ids.of([name, *grams]).tolist()
            e = self._cache[word] = (ids[0], ids[1:])
        return e

    def count(self, found: list[str], extra: Mapping[str, int] | None = None) -> TermCounts:
        """``Analyzer.counts_words(found)`` as ids and counts, then ``extra`` terms (the actors') after them."""
        an = self.analyzer
        stop = an.stopwords
        kept = [w for w in found if len(w) > 1 and w not in stop]
        wc = Counter(kept)
        entries = list(map(self._entry, wc))
        ids = [e[0] for e in entries]
        counts = list(wc.values())
        n_words = len(ids)
        if an.bigram_weight:
            pairs = Counter(["b:" + a + " " + b for a, b in zip(kept, kept[1:])])
            ids += self.term_ids.of(list(pairs)).tolist()
            counts += pairs.values()
        n_bigrams = len(ids) - n_words
        if an.char_weight:
            grams: list[int] = []
            for (_, g), reps in zip(entries, wc.values()):
                grams += g * reps if reps > 1 else g
            gc = Counter(grams)
            ids += gc.keys()
            counts += gc.values()
        groups = (("w:", n_words), ("b:", n_bigrams), ("c:", len(ids) - n_words - n_bigrams))
        n_extra = 0
        if extra:
            n_extra = len(extra)
            ids += self.term_ids.of(list(extra)).tolist()
            counts += extra.values()
        return TermCounts(np.array(ids, dtype=np.int32), np.array(counts, dtype=np.int32), groups, n_extra)


class DocFreqById:
    """:class:`DocFreq` with the counts in arrays indexed by term id (``TermIds``).

    The same counts, pruning and IDF (the same numpy expression over the
    same numbers: equal to the bit), but an article's look-ups and
    increments are two array operations instead of a thousand look-ups of
    strings in a table of a million.  Names arrive in id order (``learn``)
    from whoever numbers them; counts loaded by name (a store's) wait in
    ``pending`` until their name gets an id.
    """

    __slots__ = ("names", "counts", "prior_counts", "dirty", "n_docs", "prior", "track", "pending")

    def __init__(
        self, df: Mapping[str, int] | None = None, n_docs: int = 0, *,
        prior: DfPrior | None = None, track: bool = True,
    ) -> None:
        self.names: list[str] = []
        self.counts = np.zeros(1024, dtype=np.int64)
        self.prior_counts = np.zeros(1024, dtype=np.float64)
        self.dirty = np.zeros(1024, dtype=bool)
        self.n_docs = n_docs
        self.prior = prior if prior is not None and prior.docs > 0 and prior.n_docs > 0 else None
        self.track = track
        self.pending: dict[str, int] = dict(df or {})

    def learn(self, names: list[str]) -> None:
        """Names for the next ids, in order."""
        if not names:
            return
        lo = len(self.names)
        hi = lo + len(names)
        if hi > len(self.counts):
            size = max(hi, 2 * len(self.counts))
            for attr in ("counts", "prior_counts", "dirty"):
                old = getattr(self, attr)
                new = np.zeros(size, dtype=old.dtype)
                new[:lo] = old[:lo]
                setattr(self, attr, new)
        names = [_intern(t) for t in names]
        self.names += names
        if self.pending:
            pop = self.pending.pop
            self.counts[lo:hi] = [pop(t, 0) for t in names]
        if self.prior is not None:
            self.prior_counts[lo:hi] = np.fromiter(map(self.prior.df.get, names, repeat(0)), dtype=np.float64,
                                                   count=len(names))

    def add_ids(self, ids: np.ndarray) -> None:
        """Count one document with these (distinct) term ids."""
        self.counts[ids] += 1
        if self.track:
            self.dirty[ids] = True
        self.n_docs += 1

    prior_docs = DocFreq.prior_docs

    def idfs_ids(self, ids: np.ndarray) -> np.ndarray:
        """:meth:`DocFreq.idfs` of the terms with these ids."""
        df = self.counts[ids].astype(np.float64)
        m = self.prior_docs()
        if m:
            pr = self.prior
            assert pr is not None
            df += (m / pr.n_docs) * self.prior_counts[ids]
        return np.log((1.0 + self.n_docs + m) / (1.0 + df)) + 1.0

    def __len__(self) -> int:
        """Terms with a count (as ``len(DocFreq.df)``)."""
        return int(np.count_nonzero(self.counts[: len(self.names)])) + len(self.pending)

    def prune(self, max_terms: int) -> int:
        """:meth:`DocFreq.prune`: forget the terms of one document once there are more than ``max_terms``."""
        if len(self) <= max_terms:
            return 0
        n = len(self.names)
        counts = self.counts[:n]
        gone = (counts == 1) & ~self.dirty[:n]
        dropped = int(np.count_nonzero(gone))
        counts[gone] = 0
        once = [t for t, c in self.pending.items() if c <= 1]
        for t in once:
            del self.pending[t]
        return dropped + len(once)

    def take_dirty(self) -> dict[str, int]:
        idx = np.flatnonzero(self.dirty[: len(self.names)])
        self.dirty[idx] = False
        names = self.names
        return dict(zip([names[i] for i in idx.tolist()], self.counts[idx].tolist()))


def tfidf_ids(
    ids: np.ndarray, counts: np.ndarray, df: DocFreqById, keep: int = 0,
    weights: Mapping[str, float] | None = None, groups: tuple[tuple[str, int], ...] = (), top: int = 0,
) -> tuple[Vector, list[str]]:
    """:func:`tfidf` of features given by id, and with ``top`` > 0 its :func:`top_terms` (``top`` of them).

    The same vector, feature for feature and bit for bit: the same
    arithmetic on the same numbers in the same order (tests/test_corpus_speed.py).
    """
    n = len(ids)
    tf = counts.astype(np.float64)
    pos = np.arange(n)
    if n and (tf <= 0).any():
        pos = np.flatnonzero(tf > 0)
        tf = tf[pos]
    if not len(pos):
        return {}, []
    ids = ids[pos]
    tf = 1.0 + np.log(tf)
    gw: np.ndarray | float = 1.0
    if weights and groups and sum(k for _, k in groups) == n:
        gw = np.repeat([weights.get(g, 1.0) for g, _ in groups], [k for _, k in groups])[pos]
    elif weights:
        gw = np.fromiter(map(weights.get, map(_PREFIX, [df.names[i] for i in ids.tolist()]), repeat(1.0)),
                         dtype=np.float64, count=len(ids))
    vals = tf * df.idfs_ids(ids) * gw
    names = df.names
    if keep and len(ids) > keep:
        cut = -np.partition(-vals, keep - 1)[keep - 1]
        above = np.flatnonzero(vals > cut)
        tied = sorted(np.flatnonzero(vals == cut).tolist(), key=lambda i: names[ids[i]])[: keep - len(above)]
        idx = np.concatenate([above, np.array(tied, dtype=np.intp)])
        idx.sort()
        ids, vals, pos = ids[idx], vals[idx], pos[idx]
    norm = float(np.sqrt(np.dot(vals, vals)))
    if norm <= 0:
        return {}, []
    unit_vals = vals / norm
    keys = [names[ids[0]]] if len(ids) == 1 else list(itemgetter(*ids.tolist())(names))  # in C
    vec = dict(zip(keys, unit_vals.tolist()))
    if not top:
        return vec, []
    if not groups or sum(k for _, k in groups) != n:
        return vec, top_terms(vec, top)
    # top_terms: the word (and word-pair) features, heaviest first, ties in vector order.
    is_word = np.repeat([g in ("w:", "b:") for g, _ in groups], [k for _, k in groups])
    w = np.flatnonzero(is_word[pos])
    return vec, [keys[w[i]] for i in _heaviest_first(unit_vals[w])[:top]]


def tfidf(
    counts: Mapping[str, float], df: DocFreq, keep: int = 0, weights: Mapping[str, float] | None = None
) -> Vector:
    """Sublinear tf x idf x group weight, L2-normalised; with ``keep`` > 0 only the heaviest ``keep`` features.

    ``weights`` maps a feature prefix (``"c:"``) to a factor: there are many
    more character n-grams than words, and without a lower weight they
    would drown the words.

    Truncation bounds memory per story and per article (the tail of a long
    article's vector adds little to a cosine) and is applied before
    normalising, so a truncated vector is still a unit vector.  Ties at the
    cut are broken by feature name, so the result never depends on order.
    """
    terms = list(counts)
    if not terms:
        return {}
    n = len(terms)
    tf = np.fromiter(counts.values(), dtype=np.float64, count=n)
    if (tf <= 0).any():
        keep_pos = np.flatnonzero(tf > 0)
        terms = [terms[i] for i in keep_pos]
        tf, n = tf[keep_pos], len(keep_pos)
        if not n:
            return {}
    tf = 1.0 + np.log(tf)
    gw: np.ndarray | float = 1.0
    groups = getattr(counts, "groups", ())
    if weights and groups and sum(k for _, k in groups) == n:
        # Analyzer output: one weight per block of features.
        gw = np.repeat([weights.get(g, 1.0) for g, _ in groups], [k for _, k in groups])
    elif weights:
        # Feature prefix -> group weight, all in C: map(get, map(t[:2])).
        gw = np.fromiter(map(weights.get, map(_PREFIX, terms), repeat(1.0)), dtype=np.float64, count=n)
    vals = tf * df.idfs(terms) * gw
    if keep and len(terms) > keep:
        # The keep-th largest value; everything above it stays, ties at it by name.
        cut = -np.partition(-vals, keep - 1)[keep - 1]
        above = np.flatnonzero(vals > cut)
        tied = sorted(np.flatnonzero(vals == cut).tolist(), key=terms.__getitem__)[: keep - len(above)]
        idx = np.concatenate([above, np.array(tied, dtype=np.intp)])
        idx.sort()
        terms = [terms[i] for i in idx]
        vals = vals[idx]
    norm = float(np.sqrt(np.dot(vals, vals)))
    if norm <= 0:
        return {}
    return dict(zip(map(_intern, terms), (vals / norm).tolist()))


def unit(vec: Mapping[str, float], keep: int = 0) -> Vector:
    """``vec`` scaled to length 1; with ``keep`` > 0 only its ``keep`` largest entries first."""
    if keep and len(vec) > keep:
        keys = list(vec)
        vals = np.fromiter(vec.values(), dtype=np.float64, count=len(keys))
        order = _heaviest_first(vals)[:keep]
        vec = dict(zip([keys[i] for i in order], vals[order].tolist()))
    norm = math.sqrt(math.fsum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


def _heaviest_first(vals: np.ndarray) -> list[int]:
    # Stable: equal weights keep the vector's insertion order, which follows
    # the text (never hash order), so results are reproducible.  (As
    # heapq.nlargest, in numpy: a story's centroid has thousands of entries.)
    return np.argsort(-vals, kind="stable").tolist()


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit vectors: a dot product over the shared features.

    The shared keys are found by a C-level set intersection of the key
    views; only those few are multiplied in Python.
    """
    if not a or not b:
        return 0.0
    return math.fsum([a[t] * b[t] for t in a.keys() & b.keys()])


def add_into(total: dict[str, float], vec: Mapping[str, float], sign: float = 1.0) -> None:
    """``total += sign * vec`` in place (a story's centroid as members come and go)."""
    for t, v in vec.items():
        w = total.get(t, 0.0) + sign * v
        if abs(w) < 1e-12:
            total.pop(t, None)
        else:
            total[t] = w


def top_terms(vec: Mapping[str, float], k: int, prefixes: tuple[str, ...] = ("w:", "b:")) -> list[str]:
    """The ``k`` heaviest word features: the keys of the inverted index of stories."""
    keys = [t for t in vec if t.startswith(prefixes)]
    if not keys:
        return []
    vals = np.fromiter(map(vec.__getitem__, keys), dtype=np.float64, count=len(keys))
    return [keys[i] for i in _heaviest_first(vals)[:k]]
