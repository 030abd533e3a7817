"""Bengali named-entity tagger: a linear-chain CRF over PER / ORG / LOC.

The model (``data/models/ner_crf.crfsuite``) is trained by
``scripts/train_ner.py`` on two public Bengali NER corpora; how, on what and
with which scores is in ``data/models/NER_MODEL.md``.  It comes with a
companion file, ``ner_crf.lexicon.json`` (:class:`Lexicon`: a gazetteer
snapshot of the actor dictionary, word clusters, the annotation styles the
model learned), and with a small BiLSTM-CRF network, ``ner_crf.nn.npz``
(:mod:`ghotona.actors.ner_nn`, run in numpy): the tagger mixes the two
models' marginals, which scores higher than either alone.  No network
connection, no torch, no scikit-learn.

* :func:`tokenize` splits text the way the training data was split
  (spaCy-style: whitespace, then punctuation such as । , ? ! ‘ ’ “ ” ( ) : ;
  peeled off the ends, hyphens and dashes split inside words) and keeps the
  character offsets of every token.
* :func:`token_features` turns one sentence of tokens into CRF features:
  the normalised word, its prefixes and suffixes (Bengali case endings such
  as -এর, -কে sit there), the word with an inflection removed
  (:func:`ghotona.actors.inflect.base_forms`) and that base's last letters,
  script, digits, shape,
  cue words (``data/models/ner_cues.yaml``), position and the words around
  it; with a :class:`Lexicon`, also gazetteer hits, word clusters and the
  style copies.
* :class:`NerTagger` tags tokens (BIO labels) and finds entities in text,
  with offsets into the text given (``text[start:end]`` is the surface),
  without style by default (names only) or in one training corpus's style.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import regex

from ..langdata import check_keys, fail, load_yaml, require
from ..text.normalize import normalize
from .inflect import base_forms

__all__ = [
    "ENTITY_TYPES",
    "Lexicon",
    "LexiconError",
    "NerTagger",
    "Token",
    "bio_spans",
    "default_model_path",
    "from_bilou",
    "lexicon_path",
    "repair_bio",
    "to_bilou",
    "token_features",
    "tokenize",
]

ENTITY_TYPES = ("PER", "ORG", "LOC")
MODEL_NAME = "ner_crf.crfsuite"
LEXICON_SUFFIX = ".lexicon.json"  # the model's companion file: ner_crf.lexicon.json
LEXICON_FORMAT = 1

Token = tuple[str, int, int]  # (surface, start, end): text[start:end] == surface

# ---------------------------------------------------------------------------
# Tokenisation
# ---------------------------------------------------------------------------
# Reproduces the tokenisation the banglakit corpus was made with (spaCy's
# Bengali rules): 3,543 of its 3,545 sentences get exactly as many tokens as
# they have tags.  Notable details: a "." after a Bengali letter stays on the
# word (মো., ডা.) except at the very end of the text; hyphens and dashes
# between letters or digits split (নেতা-কর্মী, ট্রাইব্যুনাল-১-এর, ১৯৭০–এর);
# a comma between (Bengali) digits splits (১৫,০০০ -> ১৫ , ০০০); a quote or
# ?/!/; glued between two words does not.

_PUNCT = "…,:;!?¿¡()\\[\\]{}<>_#*&।॥\"“”‘’'`´«»\u201a\u201e=/\uf06c"
_PREFIX = regex.compile(r"^(?:\.\.+|…|[%s|]|[—–]|-(?!\p{N})|\+(?!\p{N}))" % _PUNCT)
_SUFFIX = regex.compile(r"(?:\.\.+|…|[%s]|[—–])$" % _PUNCT)
_SUFFIX_DOT = regex.compile(r"(?<=[\p{Latin}\p{N}%\"'”’)])\.$")
_FINAL_DOT = regex.compile(r"(?<=[\p{L}\p{M}\p{N}])\.$")
_INFIX = regex.compile(
    r"(?<=[\p{L}\p{M}\p{N}])[\-–—‐]+(?=[\p{L}\p{M}\p{N}])"
    r"|(?<=[\p{L}\p{M}\p{N}])[,/](?=[\p{L}\p{M}\p{Bengali}])"
    r"|(?<=\p{N})[+*=/^](?=\p{N})"
    r"|(?<=[\p{L}\p{M}])[:=<>](?=[\p{L}\p{M}])"
    r"|\.\.+|…"
)
_CHUNK = regex.compile(r"\S+")


def _split_chunk(chunk: str, off: int, out: list[Token], last: bool) -> None:
    prefixes: list[Token] = []
    suffixes: list[Token] = []
    s = chunk
    while s:
        m = _PREFIX.match(s)
        if m and m.end() < len(s):
            prefixes.append((m.group(), off, off + m.end()))
            off += m.end()
            s = s[m.end():]
            continue
        m = _SUFFIX.search(s) or _SUFFIX_DOT.search(s) or (_FINAL_DOT.search(s) if last else None)
        if m and m.start() > 0:
            suffixes.append((m.group(), off + m.start(), off + len(s)))
            s = s[: m.start()]
            continue
        break
    out.extend(prefixes)
    if s:
        pos = 0
        for m in _INFIX.finditer(s):
            if m.start() == 0 or m.end() == len(s) or m.start() < pos:
                continue
            if m.start() > pos:
                out.append((s[pos : m.start()], off + pos, off + m.start()))
            out.append((m.group(), off + m.start(), off + m.end()))
            pos = m.end()
        out.append((s[pos:], off + pos, off + len(s)))
    out.extend(reversed(suffixes))


def tokenize(text: str, keep_space: bool = False) -> list[Token]:
    """Split ``text`` into ``(surface, start, end)`` tokens.

    ``keep_space=True`` also emits the whitespace tokens spaCy makes (any
    whitespace other than one plain space between two chunks); only the
    training script needs them, to line tokens up with a corpus's tags.
    """
    out: list[Token] = []
    chunks = list(_CHUNK.finditer(text))
    prev_end = 0
    for i, m in enumerate(chunks):
        if keep_space:
            gap_start = prev_end + 1 if i > 0 and text.startswith(" ", prev_end) else prev_end
            if gap_start < m.start():
                out.append((text[gap_start : m.start()], gap_start, m.start()))
        _split_chunk(m.group(), m.start(), out, i == len(chunks) - 1)
        prev_end = m.end()
    return out


_SENT_END = {"।", "?", "!", "॥", "|"}


def _sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Group tokens into sentences: after । ? ! and at line breaks."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    for tok in tokens:
        if cur and "\n" in text[cur[-1][2] : tok[1]]:
            out.append(cur)
            cur = []
        cur.append(tok)
        if tok[0] in _SENT_END and len(cur) > 1:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------

_ZW = regex.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_BN_DIGIT = regex.compile(r"[\u09e6-\u09ef]")
_DIGIT = regex.compile(r"\p{N}")
_BN = regex.compile(r"\p{Bengali}")
_LATIN = regex.compile(r"\p{Latin}")
_WORDCHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")


def _norm(word: str) -> str:
    """The form features and the gazetteer compare: ghotona's normalisation
    (NFC, nukta letters, khanda ta), no joiners, lower case."""
    return _ZW.sub("", normalize(word)).lower()


# Cue words (titles, speech verbs, heads of organisation and place names),
# matched on a word's base forms.  They are language data
# (``data/models/ner_cues.yaml``) and part of the feature definition the
# shipped model was trained with: change them, then retrain.
_CUES_FILE = "models/ner_cues.yaml"


@lru_cache(maxsize=1)
def _cue_of() -> dict[str, str]:
    raw = load_yaml(_CUES_FILE)
    if not isinstance(raw, dict):
        raise fail(_CUES_FILE, "file", "expected a mapping with the key 'cues'")
    check_keys(_CUES_FILE, "file", raw, {"cues"})
    classes = require(_CUES_FILE, "file", raw, "cues", dict)
    out: dict[str, str] = {}
    for cls, words in classes.items():
        if not isinstance(cls, str) or not isinstance(words, list):
            raise fail(_CUES_FILE, f"cues.{cls}", "expected a class name with a list of words")
        for i, w in enumerate(words):
            if not isinstance(w, str) or not w.strip() or len(w.split()) != 1:
                raise fail(_CUES_FILE, f"cues.{cls}[{i}]", f"expected one word, got {w!r}")
            out.setdefault(_norm(normalize(w.strip())), cls)
    return out


def _cue(bases: tuple[str, ...]) -> str | None:
    cue_of = _cue_of()
    for b in bases:
        c = cue_of.get(b)
        if c:
            return c
    return None


def _shape(word: str) -> str:
    out = []
    for ch in word:
        if "\u0980" <= ch <= "\u09ff":
            c = "d" if "\u09e6" <= ch <= "\u09ef" else ("m" if unicodedata.category(ch).startswith("M") else "b")
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _script(word: str) -> str:
    bn = bool(_BN.search(word))
    la = bool(_LATIN.search(word))
    if bn and la:
        return "mixed"
    if bn:
        return "bn"
    if la:
        return "latin"
    if _DIGIT.search(word):
        return "num"
    if not _WORDCHAR.search(word):
        return "punct"
    return "other"


class _Word(NamedTuple):
    feats: tuple[str, ...]  # the word's own features
    w: str  # normal form
    base: str  # the longest known ending removed
    cue: str  # cue class or ""
    bases: tuple[str, ...]  # every base form, the word itself first
    script: str


@lru_cache(maxsize=50000)
def _word_features(word: str) -> _Word:
    """Features of one word on its own, plus its normal form, bases and cue class (cached)."""
    w = _norm(word)
    bases = tuple(base_forms(w))
    base = bases[1] if len(bases) > 1 else w
    cue = _cue(bases) or ""
    ending = w[len(base):] if base != w else ""
    script = _script(word)
    f = [
        "w=" + w,
        "b=" + base,
        "end=" + ending,
        "sh=" + _shape(word),
        "sc=" + script,
        "len=" + str(min(len(w), 12)),
    ]
    for k in range(1, 5):
        if len(w) > k:
            f.append(f"p{k}=" + w[:k])
            f.append(f"s{k}=" + w[-k:])
    if _BN_DIGIT.search(word):
        f.append("bndigit")
    if _DIGIT.search(word):
        f.append("digit")
    if word[:1].isupper():
        f.append("upper")
    if cue:
        f.append("cue=" + cue)
    # The base form's last letters.  s1-s4 end in the case ending, so an
    # inflected name and its bare form share none (ফরিদপুরে / ফরিদপুর);
    # these they share (bs3=পুর), and a new name with a known ending
    # (-পুর, -গঞ্জ, -উদ্দিন) is found in any case.  +.004 CRF, +.002 mixed
    # on the development slices (NER_MODEL.md, fourth round).
    for k in (2, 3, 4):
        if len(base) > k:
            f.append(f"bs{k}=" + base[-k:])
    return _Word(tuple(f), w, base, cue, bases, script)


class LexiconError(ValueError):
    """The data file that goes with a NER model is missing or malformed."""


@dataclass(frozen=True)
class Lexicon:
    """What a model's features need besides the words: its companion file
    ``<model>.lexicon.json`` (written by ``scripts/train_ner.py``).

    * ``gazetteer`` -- known names (normalised, space-joined tokens) by type,
      a snapshot of the actor dictionary taken at training time, so a later
      dictionary edit cannot shift what the model sees.  A token gets
      ``gzB-PER`` / ``gzI-PER`` when it starts / continues the longest known
      name there (the name's last word may carry an ending: পুতিনের).
    * ``clusters`` -- word -> cluster ids, one id per clustering in
      ``cluster_sizes`` (distributional classes learned from unlabelled text).
    * ``styles`` -- the annotation conventions the model learned, one per
      training corpus.  Tagging in a style adds a copy of the features named
      by ``style_features`` prefixed with the style, so each corpus's habits
      (generic nouns as ORG or not, a bracketed abbreviation inside an ORG
      or not) are learned apart while the rest is shared.
    * ``labels`` -- "BIO" or "BILOU": what the model emits (the tagger
      always returns BIO).
    * ``o_weight`` -- 1.0: Viterbi decoding.  Below 1: each token takes the
      label of highest marginal probability, the probability of O multiplied
      by ``o_weight``; the CRF is more precise than it recalls, and this
      trades some precision back (chosen on development data).
    """

    gazetteer: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    clusters: dict[str, tuple[int, ...]] = field(default_factory=dict)
    cluster_sizes: tuple[int, ...] = ()
    styles: tuple[str, ...] = ()
    default_style: str | None = None
    style_features: tuple[str, ...] = ()
    labels: str = "BIO"
    o_weight: float = 1.0
    _first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        first: dict[str, list[tuple[str, ...]]] = {}
        for name in self.gazetteer:
            first.setdefault(name[0], []).append(name)
        for k, v in first.items():
            self._first[k] = tuple(sorted(v, key=len, reverse=True))

    def to_json(self) -> dict[str, Any]:
        by_type: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
        for name, types in sorted(self.gazetteer.items()):
            for t in types:
                by_type.setdefault(t, []).append(" ".join(name))
        return {
            "format": LEXICON_FORMAT,
            "labels": self.labels,
            "o_weight": self.o_weight,
            "styles": list(self.styles),
            "default_style": self.default_style,
            "style_features": list(self.style_features),
            "gazetteer": by_type,
            "cluster_sizes": list(self.cluster_sizes),
            "clusters": {w: list(c) for w, c in sorted(self.clusters.items())},
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "lexicon") -> "Lexicon":
        def bad(problem: str) -> LexiconError:
            return LexiconError(f"{where}: {problem}; retrain with scripts/train_ner.py")

        if not isinstance(data, dict):
            raise bad("expected a JSON object")
        allowed = {"format", "about", "labels", "o_weight", "styles", "default_style", "style_features", "gazetteer",
                   "cluster_sizes", "clusters"}
        if set(data) - allowed:
            raise bad(f"unknown key(s) {sorted(set(data) - allowed)}")
        if data.get("format") != LEXICON_FORMAT:
            raise bad(f"format {data.get('format')!r}, this code reads format {LEXICON_FORMAT}")
        labels = data.get("labels", "BIO")
        if labels not in ("BIO", "BILOU"):
            raise bad(f"labels must be BIO or BILOU, got {labels!r}")
        o_weight = data.get("o_weight", 1.0)
        if not isinstance(o_weight, (int, float)) or not 0 < o_weight <= 1:
            raise bad(f"o_weight must be a number in (0, 1], got {o_weight!r}")
        styles = data.get("styles", [])
        default = data.get("default_style")
        prefixes = data.get("style_features", [])
        if not (isinstance(styles, list) and all(isinstance(s, str) and s for s in styles)):
            raise bad("styles must be a list of names")
        if default is not None and default not in styles:
            raise bad(f"default_style {default!r} is not one of styles {styles}")
        if not (isinstance(prefixes, list) and all(isinstance(p, str) and p for p in prefixes)):
            raise bad("style_features must be a list of feature-name prefixes")
        gaz: dict[tuple[str, ...], list[str]] = {}
        raw_gaz = data.get("gazetteer", {})
        if not isinstance(raw_gaz, dict):
            raise bad("gazetteer must map a type to a list of names")
        for typ, names in raw_gaz.items():
            if typ not in ENTITY_TYPES or not isinstance(names, list):
                raise bad(f"gazetteer: expected one of {ENTITY_TYPES} with a list of names, got {typ!r}")
            for name in names:
                if not isinstance(name, str) or not name.split():
                    raise bad(f"gazetteer.{typ}: empty or non-string name {name!r}")
                gaz.setdefault(tuple(name.split()), []).append(typ)
        sizes = data.get("cluster_sizes", [])
        raw_cl = data.get("clusters", {})
        if not (isinstance(sizes, list) and all(isinstance(k, int) and k > 0 for k in sizes)):
            raise bad("cluster_sizes must be a list of positive integers")
        if not isinstance(raw_cl, dict):
            raise bad("clusters must map a word to its cluster ids")
        clusters: dict[str, tuple[int, ...]] = {}
        for word, ids in raw_cl.items():
            if not (isinstance(ids, list) and len(ids) == len(sizes) and all(isinstance(i, int) for i in ids)):
                raise bad(f"clusters[{word!r}]: expected {len(sizes)} integer ids")
            clusters[word] = tuple(ids)
        return cls(
            gazetteer={k: tuple(sorted(set(v))) for k, v in gaz.items()},
            clusters=clusters,
            cluster_sizes=tuple(sizes),
            styles=tuple(styles),
            default_style=default,
            style_features=tuple(prefixes),
            labels=labels,
            o_weight=float(o_weight),
        )

    @classmethod
    def read(cls, path: str | Path) -> "Lexicon":
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{path}: not valid JSON ({exc}); retrain with scripts/train_ner.py") from None
        return cls.from_json(data, str(path))

    def write(self, path: str | Path, about: str = "") -> None:
        data = self.to_json()
        if about:
            data = {"format": data["format"], "about": about, **{k: v for k, v in data.items() if k != "format"}}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    def names_at(self, info: list[_Word]) -> list[list[str]]:
        """Gazetteer features per token: the longest known name starting at each
        free position, left to right; its last word may be inflected."""
        n = len(info)
        out: list[list[str]] = [[] for _ in range(n)]
        if not self._first:
            return out
        i = 0
        while i < n:
            found = None
            for name in self._first.get(info[i].w, ()):  # longest first
                k = len(name)
                if k == 1 or (
                    i + k <= n
                    and all(info[i + j].w == name[j] for j in range(1, k - 1))
                    and name[-1] in info[i + k - 1].bases  # the last word may be inflected
                ):
                    found = name
                    break
            if found is None:
                # a one-word inflected name: its first word is its last (পুতিনের)
                for b in info[i].bases[1:]:
                    if (b,) in self.gazetteer:
                        found = (b,)
                        break
            if found is None:
                i += 1
                continue
            types = self.gazetteer[found]
            k = len(found)
            for t in types:
                out[i].append("gzB-" + t)
                for j in range(1, k):
                    out[i + j].append("gzI-" + t)
                if k == 1:
                    out[i].append("gz1-" + t)
            if len(types) > 1:
                out[i].append("gzamb")
            i += k
        return out


NO_LEXICON = Lexicon()


def token_features(tokens: list[str], lexicon: Lexicon | None = None, style: str | None = None) -> list[list[str]]:
    """CRF features for one sentence of tokens.

    ``lexicon`` adds gazetteer and word-cluster features, ``style`` (one of
    ``lexicon.styles``) the style-specific copies; without them the features
    are the word's own, its affixes and its neighbours'.
    """
    lex = lexicon or NO_LEXICON
    n = len(tokens)
    info = [_word_features(t) for t in tokens]
    gaz = lex.names_at(info) if lex.gazetteer else None
    cl = [lex.clusters.get(x.w) for x in info] if lex.clusters else None
    sizes = lex.cluster_sizes
    out: list[list[str]] = []
    for i in range(n):
        x = info[i]
        f = ["bias", *x.feats]
        if i == 0:
            f.append("BOS")
        elif i == n - 1:
            f.append("EOS")
        f.append("pos=" + (str(i) if i < 3 else "mid"))
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                y = info[j]
                f.append(f"{d}:w=" + y.w)
                if y.cue:
                    f.append(f"{d}:cue=" + y.cue)
                if d in (-1, 1):
                    f.append(f"{d}:b=" + y.base)
                    f.append(f"{d}:s3=" + y.w[-3:])
                    f.append(f"{d}:sc=" + y.script)
            else:
                f.append(f"{d}:pad")
        if i > 0:
            f.append("-1|0=" + info[i - 1].w + "|" + x.w)
        if i < n - 1:
            f.append("0|1=" + x.w + "|" + info[i + 1].w)
        if gaz is not None:
            f += gaz[i]
        if cl is not None and cl[i]:
            f += [f"c{k}={v}" for k, v in zip(sizes, cl[i])]
        if style and lex.style_features:
            tag = "@" + style
            f += [tag + ":" + g for g in f if g.startswith(lex.style_features)]
            f.append(tag)
        out.append(f)
    return out


# ---------------------------------------------------------------------------
# BIO helpers
# ---------------------------------------------------------------------------


def repair_bio(labels: list[str]) -> list[str]:
    """Make a BIO sequence valid: an I-X not preceded by B-X/I-X becomes B-X."""
    out: list[str] = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, last + 1, type)`` over token indices.

    An I-X that does not continue an X entity starts a new one (seqeval's
    default reading).
    """
    spans: list[tuple[int, int, str]] = []
    start = None
    typ = None
    for i, lab in enumerate([*labels, "O"]):
        tag, _, t = lab.partition("-")
        if start is not None and (tag != "I" or t != typ):
            spans.append((start, i, typ))  # type: ignore[arg-type]
            start = typ = None
        if tag == "B" or (tag == "I" and start is None):
            start, typ = i, t
    return spans


# ---------------------------------------------------------------------------
# Tagger
# ---------------------------------------------------------------------------


def default_model_path() -> Path:
    return Path(str(resources.files("ghotona").joinpath("data", "models", MODEL_NAME)))


def lexicon_path(model_path: str | Path) -> Path:
    """The companion file of a model: ``ner_crf.crfsuite`` -> ``ner_crf.lexicon.json``."""
    p = Path(model_path)
    return p.with_name(p.stem + LEXICON_SUFFIX)


def from_bilou(labels: list[str]) -> list[str]:
    """BILOU (or BIO) labels as BIO: U- -> B-, L- -> I-."""
    return ["B-" + lab[2:] if lab[:2] == "U-" else "I-" + lab[2:] if lab[:2] == "L-" else lab for lab in labels]


def to_bilou(labels: list[str]) -> list[str]:
    """BIO labels as BILOU (a one-token entity is U-, an entity's last token L-)."""
    out = list(labels)
    for a, b, typ in bio_spans(list(labels)):
        if b - a == 1:
            out[a] = "U-" + typ
        else:
            out[a] = "B-" + typ
            for k in range(a + 1, b - 1):
                out[k] = "I-" + typ
            out[b - 1] = "L-" + typ
    return out


class NerTagger:
    """A CRF tagger over one model file, mixed with the model's network when it
    has one (``neural=False``: the CRF alone).  Use :meth:`load` for the shipped model.

    A model may come with a companion file (:func:`lexicon_path`, see
    :class:`Lexicon`); a model trained on several corpora tags in one of their
    annotation ``styles``.  ``style=None`` means the model's default style,
    which for the shipped model is no style: proper names only, learned from
    both corpora, as docs/actors.md wants (see data/models/NER_MODEL.md).
    """

    def __init__(self, path: str | Path, neural: bool = True, batched: bool = True, word_cache: int = 20000):
        self.path = Path(path)
        self.use_neural = neural  # False: the CRF alone, even when the model has a network
        # False: the network reads one sentence at a time, as before batching;
        # kept as the reference the tests and benchmarks/actors_bench.py compare against
        self.batched = batched
        self.word_cache = word_cache  # distinct words whose network inputs are kept ([ner] nn_word_cache)
        self._neural: Any = None
        self._tagger = None
        self._labels: list[str] = []
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()
        self.o_weight: float | None = None  # None: the lexicon's; set only to tune it

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerTagger":
        """The tagger for ``path`` (default: the shipped model), one per path per process.

        The model file is opened on first use, not here.
        """
        return _load(str(Path(path).resolve()) if path is not None else str(default_model_path()))

    @property
    def lexicon(self) -> Lexicon:
        """The model's companion data (empty when the model has no companion file)."""
        if self._lexicon is None:
            p = lexicon_path(self.path)
            self._lexicon = Lexicon.read(p) if p.is_file() else NO_LEXICON
        return self._lexicon

    @property
    def styles(self) -> tuple[str, ...]:
        return self.lexicon.styles

    def _style(self, style: str | None) -> str | None:
        lex = self.lexicon
        if style is None:
            return lex.default_style
        if style not in lex.styles:
            known = ", ".join(lex.styles) or "none"
            raise ValueError(f"unknown NER style {style!r}; this model knows: {known}")
        return style

    def _open(self):
        if self._tagger is None:
            try:
                import pycrfsuite
            except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
                raise RuntimeError("the NER tagger needs python-crfsuite (pip install python-crfsuite)") from exc
            if not self.path.is_file():
                raise FileNotFoundError(f"NER model missing: {self.path}; reinstall ghotona or retrain with scripts/train_ner.py")
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._labels = list(tagger.labels())
            self._tagger = tagger
        return self._tagger

    @property
    def neural(self):
        """The model's network (:class:`~.ner_nn.NeuralNer`, ``<model>.nn.npz``), or None."""
        if self._neural is None:
            from .ner_nn import NeuralNer, nn_path

            p = nn_path(self.path)
            self._neural = NeuralNer(p, word_cache=self.word_cache) if self.use_neural and p.is_file() else False
        return self._neural or None

    def _decode_mixed(self, feats: list[list[str]], tokens: list[str], style: str | None, net) -> tuple[list[str], list[float]]:
        """Labels and probabilities from the CRF's marginals mixed with the network's."""
        return self._decode_mixed_many([feats], [tokens], style, net)[0]

    def _decode_mixed_many(self, feats: list[list[list[str]]], sents: list[list[str]], style: str | None,
                           net) -> list[tuple[list[str], list[float]]]:
        """:meth:`_decode_mixed` of several sentences: the network reads them in
        one batch (:meth:`~.ner_nn.NeuralNer.text_marginals`), and the mixing
        and decoding run once over all their tokens."""
        import numpy as np

        from .ner_nn import mix

        tagger = self._open()
        labels = net.labels
        known = set(self._labels)
        cols = [j for j, y in enumerate(labels) if y in known]
        ys = [labels[j] for j in cols]
        marginal = tagger.marginal
        parts = []
        for f, toks in zip(feats, sents):
            tagger.set(f)
            steps = range(len(toks))
            # one list per sentence, one conversion to numpy: cheaper than one per label
            parts.append(np.array([marginal(y, i) for y in ys for i in steps]).reshape(len(ys), len(toks)).T)
        p_crf = np.zeros((sum(map(len, sents)), len(labels)))
        p_crf[:, cols] = np.concatenate(parts)
        if self.batched:
            p_nn = net.text_marginals(sents, self.lexicon, style)
        else:
            p_nn = [net.sentence_marginals(toks, self.lexicon, style) for toks in sents]
        p = mix(np.concatenate(p_nn), p_crf, net.mix)
        w = self.o_weight if self.o_weight is not None else self.lexicon.o_weight
        scaled = p.copy()
        scaled[:, labels.index("O")] *= min(w, 1.0)
        best = scaled.argmax(1)
        probs = p[np.arange(len(best)), best].tolist()
        names = [labels[j] for j in best]
        out, k = [], 0
        for toks in sents:
            out.append((names[k: k + len(toks)], probs[k: k + len(toks)]))
            k += len(toks)
        return out

    def _decode(self, feats: list[list[str]], tokens: list[str] | None = None,
                style: str | None = None) -> tuple[list[str], list[float] | None]:
        """Labels (as the model emits them) and, when decoding by marginals, their probabilities."""
        net = self.neural if tokens is not None else None
        if net is not None:
            return self._decode_mixed(feats, tokens, style, net)
        tagger = self._open()
        w = self.o_weight if self.o_weight is not None else self.lexicon.o_weight
        if w >= 1.0:
            return tagger.tag(feats), None
        tagger.set(feats)
        others = [y for y in self._labels if y != "O"]
        labels, probs = [], []
        for i in range(len(feats)):
            p_o = tagger.marginal("O", i)
            best, best_p, best_s = "O", p_o, p_o * w
            if best_s < 1.0 - p_o:  # otherwise no other label can beat O: skip asking
                for y in others:
                    p = tagger.marginal(y, i)
                    if p > best_s:
                        best, best_p, best_s = y, p, p
            labels.append(best)
            probs.append(best_p)
        return labels, probs

    def features(self, tokens: list[str], style: str | None = None) -> list[list[str]]:
        """The CRF features this model reads for one sentence."""
        return token_features(list(tokens), self.lexicon, self._style(style))

    def tag(self, tokens: list[str], style: str | None = None) -> list[str]:
        """BIO labels (B-PER, I-ORG, O, ...) for one sentence of tokens."""
        if not tokens:
            return []
        style = self._style(style)
        feats = token_features(list(tokens), self.lexicon, style)
        with self._lock:
            labels, _ = self._decode(feats, list(tokens), style)
        return repair_bio(from_bilou(labels))

    def tag_scored(self, tokens: list[str], style: str | None = None) -> tuple[list[str], list[float]]:
        """Labels as :meth:`tag`, with each label's marginal probability."""
        return self.tag_scored_many([tokens], style)[0]

    def tag_scored_many(self, sentences: list[list[str]], style: str | None = None) -> list[tuple[list[str], list[float]]]:
        """:meth:`tag_scored` of each sentence.  With a network, all the
        sentences go through it in one batch: give a whole text at once."""
        sents = [list(s) for s in sentences]
        style = self._style(style)
        feats = [token_features(s, self.lexicon, style) if s else [] for s in sents]
        todo = [i for i, s in enumerate(sents) if s]
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sents]
        with self._lock:
            net = self.neural
            if net is not None and todo:
                done = self._decode_mixed_many([feats[i] for i in todo], [sents[i] for i in todo], style, net)
            else:
                done = []
                for i in todo:
                    labels, probs = self._decode(feats[i], None, style)
                    if probs is None:
                        tagger = self._open()
                        probs = [tagger.marginal(lab, j) for j, lab in enumerate(labels)]
                    done.append((labels, probs))
        for i, (labels, probs) in zip(todo, done):
            out[i] = (repair_bio(from_bilou(labels)), probs)
        return out

    def scored_entities(self, text: str, style: str | None = None) -> list[tuple[int, int, str, float]]:
        """``(start, end, type, confidence)`` for every entity; confidence is the
        mean marginal probability of its labels."""
        out: list[tuple[int, int, str, float]] = []
        sents = _sentences(text, tokenize(text))
        for sent, (labels, probs) in zip(sents, self.tag_scored_many([[t[0] for t in s] for s in sents], style)):
            for a, b, typ in bio_spans(labels):
                conf = sum(probs[a:b]) / (b - a)
                out.append((sent[a][1], sent[b - 1][2], typ, round(conf, 4)))
        return out

    def tag_many(self, sentences: list[list[str]], style: str | None = None) -> list[list[str]]:
        """:meth:`tag` of each sentence; with a network, in one batch (see :meth:`tag_scored_many`)."""
        if self.neural is None:  # the CRF alone: Viterbi labels, no marginals needed
            return [self.tag(s, style) for s in sentences]
        return [labels for labels, _ in self.tag_scored_many(sentences, style)]

    def entities(self, text: str, style: str | None = None) -> list[tuple[int, int, str]]:
        """``(start, end, type)`` character spans of PER / ORG / LOC names in ``text``."""
        sents = _sentences(text, tokenize(text))
        out: list[tuple[int, int, str]] = []
        for sent, labels in zip(sents, self.tag_many([[t[0] for t in s] for s in sents], style)):
            for a, b, typ in bio_spans(labels):
                out.append((sent[a][1], sent[b - 1][2], typ))
        return out


@lru_cache(maxsize=8)
def _load(path: str) -> NerTagger:
    from .. import config

    # [ner] neural and nn_word_cache in the user's config (ghotona.toml / --config) or the defaults
    cfg = config.load()["ner"]
    return NerTagger(path, neural=bool(cfg["neural"]), word_cache=int(cfg.get("nn_word_cache", 20000)))
