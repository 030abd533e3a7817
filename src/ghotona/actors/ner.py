"""Bengali named-entity tagger: a linear-chain CRF over PER / ORG / LOC.

The model (``data/models/ner_crf.crfsuite``) is trained by
``scripts/train_ner.py`` on two public Bengali NER corpora; how, on what and
with which scores is in ``data/models/NER_MODEL.md``.  It runs on
``python-crfsuite`` alone: no network, no scikit-learn.

* :func:`tokenize` splits text the way the training data was split
  (spaCy-style: whitespace, then punctuation such as । , ? ! ‘ ’ “ ” ( ) : ;
  peeled off the ends, hyphens and dashes split inside words) and keeps the
  character offsets of every token.
* :func:`token_features` turns one sentence of tokens into CRF features:
  the normalised word, its prefixes and suffixes (Bengali case endings such
  as -এর, -কে sit there), the word with an inflection removed
  (:func:`ghotona.actors.inflect.base_forms`), script, digits, shape,
  position and the words around it.
* :class:`NerTagger` tags tokens (BIO labels) and finds entities in text,
  with offsets into the text given (``text[start:end]`` is the surface).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from .inflect import base_forms

__all__ = [
    "ENTITY_TYPES",
    "NerTagger",
    "Token",
    "bio_spans",
    "default_model_path",
    "repair_bio",
    "token_features",
    "tokenize",
]

ENTITY_TYPES = ("PER", "ORG", "LOC")
MODEL_NAME = "ner_crf.crfsuite"

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
    return _ZW.sub("", unicodedata.normalize("NFC", word)).lower()


# Cue words, matched on a word's base forms.  They are part of the feature
# definition the shipped model was trained with (change them and retrain), so
# they live here beside the features rather than in a data file.
_CUES = {
    # titles and offices that stand before a person's name
    "title": """মো. মোঃ মোহাম্মদ ডা. ডাক্তার ড. ডক্টর অধ্যাপক প্রফেসর জনাব শ্রী শ্রীমতী মিস মিসেস মিস্টার
        প্রধানমন্ত্রী রাষ্ট্রপতি প্রেসিডেন্ট মন্ত্রী প্রতিমন্ত্রী উপমন্ত্রী সভাপতি সম্পাদক চেয়ারম্যান কর্মকর্তা
        ওসি বিচারপতি বিচারক আইনজীবী ব্যারিস্টার সাংসদ এমপি নেতা কমিশনার উপাচার্য অধ্যক্ষ শিক্ষক সচিব
        মুখপাত্র মহাসচিব পরিচালক মহাপরিচালক প্রধান উপদেষ্টা রাষ্ট্রদূত গভর্নর মেয়র কাউন্সিলর সদস্য আহ্বায়ক
        প্রতিবেদক প্রতিনিধি পুলিশ-সুপার সুপার ইন্সপেক্টর উপপরিদর্শক পরিদর্শক সার্জেন্ট জেনারেল মেজর কর্নেল
        ক্যাপ্টেন লেফটেন্যান্ট অভিনেতা অভিনেত্রী শিল্পী লেখক কবি গায়ক অধিনায়ক কোচ ছাত্র ছাত্রী স্ত্রী স্বামী
        ছেলে মেয়ে বাবা মা ভাই বোন""",
    # words said of a person just named
    "say": """বলেন বলেছেন জানান জানিয়েছেন বলে বলেছে জানায় দাবি করেন অভিযোগ করেন নামের নামে নামক সাহেব""",
    # heads of organisation names
    "orghead": """মন্ত্রণালয় বিশ্ববিদ্যালয় কলেজ স্কুল বিদ্যালয় মাদ্রাসা ব্যাংক লীগ দল পার্টি কমিশন কমিটি সংস্থা
        সমিতি পরিষদ বোর্ড কর্তৃপক্ষ অধিদপ্তর দপ্তর বিভাগ ফাউন্ডেশন ইনস্টিটিউট হাসপাতাল করপোরেশন কর্পোরেশন
        লিমিটেড গ্রুপ ক্লাব আদালত ট্রাইব্যুনাল বাহিনী সংঘ জোট ফ্রন্ট কাউন্সিল অ্যাসোসিয়েশন এসোসিয়েশন
        ফোরাম কেন্দ্র একাডেমি ইনস্টিটিউশন সরকার সংসদ কংগ্রেস পত্রিকা চ্যানেল টেলিভিশন ফেডারেশন মিশন
        সোসাইটি ট্রাস্ট কোম্পানি ইন্টারন্যাশনাল ইউনিভার্সিটি""",
    # words that follow or stand for places
    "lochead": """জেলা উপজেলা গ্রাম ইউনিয়ন শহর থানা এলাকা পৌরসভা সদর নগর মহানগর রাজধানী দেশ প্রদেশ রাজ্য
        অঞ্চল সড়ক বাজার মহল্লা পাড়া বন্দর সীমান্ত দ্বীপ নদী""",
}
_CUE_OF: dict[str, str] = {}
for _cls, _words in _CUES.items():
    for _w in _words.split():
        _CUE_OF.setdefault(unicodedata.normalize("NFC", _w), _cls)


def _cue(bases: list[str]) -> str | None:
    for b in bases:
        c = _CUE_OF.get(b)
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


@lru_cache(maxsize=50000)
def _word_features(word: str) -> tuple[tuple[str, ...], str, str, str]:
    """Features of one word on its own, plus its normal form, base and cue class (cached)."""
    w = _norm(word)
    bases = base_forms(w)
    base = bases[1] if len(bases) > 1 else w  # the longest known ending removed
    cue = _cue(bases) or ""
    ending = w[len(base):] if base != w else ""
    f = [
        "w=" + w,
        "b=" + base,
        "end=" + ending,
        "sh=" + _shape(word),
        "sc=" + _script(word),
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
    return tuple(f), w, base, cue


def token_features(tokens: list[str]) -> list[list[str]]:
    """CRF features for one sentence of tokens."""
    n = len(tokens)
    info = [_word_features(t) for t in tokens]
    out: list[list[str]] = []
    for i in range(n):
        own, w, base, _ = info[i]
        f = ["bias", *own]
        if i == 0:
            f.append("BOS")
        elif i == n - 1:
            f.append("EOS")
        f.append("pos=" + (str(i) if i < 3 else "mid"))
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                _, wj, bj, cj = info[j]
                f.append(f"{d}:w=" + wj)
                if cj:
                    f.append(f"{d}:cue=" + cj)
                if d in (-1, 1):
                    f.append(f"{d}:b=" + bj)
                    f.append(f"{d}:s3=" + wj[-3:])
                    f.append(f"{d}:sc=" + _script(tokens[j]))
            else:
                f.append(f"{d}:pad")
        if i > 0:
            f.append("-1|0=" + info[i - 1][1] + "|" + w)
        if i < n - 1:
            f.append("0|1=" + w + "|" + info[i + 1][1])
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


class NerTagger:
    """A CRF tagger over one model file.  Use :meth:`load` for the shipped model."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._tagger = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerTagger":
        """The tagger for ``path`` (default: the shipped model), one per path per process.

        The model file is opened on first use, not here.
        """
        return _load(str(Path(path).resolve()) if path is not None else str(default_model_path()))

    def _open(self):
        if self._tagger is None:
            try:
                import pycrfsuite
            except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
                raise RuntimeError("the NER tagger needs python-crfsuite (pip install python-crfsuite)") from exc
            if not self.path.is_file():
                raise FileNotFoundError(f"NER model missing: {self.path}")
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._tagger = tagger
        return self._tagger

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO labels (B-PER, I-ORG, O, ...) for one sentence of tokens."""
        if not tokens:
            return []
        feats = token_features(list(tokens))
        with self._lock:
            labels = self._open().tag(feats)
        return repair_bio(labels)

    def tag_scored(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Labels as :meth:`tag`, with each label's marginal probability."""
        if not tokens:
            return [], []
        feats = token_features(list(tokens))
        with self._lock:
            tagger = self._open()
            labels = tagger.tag(feats)
            probs = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
        return repair_bio(labels), probs

    def scored_entities(self, text: str) -> list[tuple[int, int, str, float]]:
        """``(start, end, type, confidence)`` for every entity; confidence is the
        mean marginal probability of its labels."""
        out: list[tuple[int, int, str, float]] = []
        for sent in _sentences(text, tokenize(text)):
            labels, probs = self.tag_scored([t[0] for t in sent])
            for a, b, typ in bio_spans(labels):
                conf = sum(probs[a:b]) / (b - a)
                out.append((sent[a][1], sent[b - 1][2], typ, round(conf, 4)))
        return out

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, type)`` character spans of PER / ORG / LOC names in ``text``."""
        out: list[tuple[int, int, str]] = []
        for sent in _sentences(text, tokenize(text)):
            labels = self.tag([t[0] for t in sent])
            for a, b, typ in bio_spans(labels):
                out.append((sent[a][1], sent[b - 1][2], typ))
        return out


@lru_cache(maxsize=8)
def _load(path: str) -> NerTagger:
    return NerTagger(path)
