"""NER evaluation: entity-level P/R/F1 (exact span and type, seqeval-style).

* :func:`read_conll` reads ``token<TAB>label`` files (BIO or BILOU; PER or
  PERSON, ORG, LOC or GPE; any other label is O; a blank line ends a
  sentence).
* :func:`score` compares gold and predicted BIO sequences.
* :func:`heldout_sets` rebuilds, from the corpora in ``../shared`` at run
  time, the held-out sentences the shipped model never saw, so evaluation and
  the CI gate need no copy of the data in the repository.  The split is a
  hash of each sentence's tokens (:func:`split_of`); ``scripts/train_ner.py``
  uses the same functions, so training and evaluation agree on it.
* :func:`load_corrections` / :func:`apply_corrections` read our hand
  corrections of a held-out split (``eval/refset/ner``, keyed by
  :func:`sentence_key`); ``heldout_sets(corrected=True)`` applies annotator
  a's, ``heldout_sets(corrected="b")`` a second annotator's, made blind to a.
* :func:`agreement` measures how far two annotators' label sets agree
  (entity F1 of one against the other, token kappa, disagreements by kind).

The corpora (see ``shared/data/README.md``):

* ``data/ner/banglakit_main.jsonl`` -- ``[text, [BILOU tags]]`` per line,
  tags aligned to spaCy-style tokens; PERSON, GPE, ORG kept, DATE and LAW
  dropped.  :func:`ghotona.actors.ner.tokenize` reproduces the tokens; a
  sentence whose token count still differs from its tag count is skipped.
* ``data/ner/rifat_train.txt`` -- ``token<TAB>label`` BIO with PER, ORG,
  LOC (TIM dropped).  Its tokens are re-split with the same tokenizer
  (``না।’`` -> ``না । ’``), so training and tagging see one tokenisation.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import regex

from ..actors.ner import ENTITY_TYPES, bio_spans, repair_bio, tokenize

Sentence = tuple[list[str], list[str]]  # (tokens, BIO labels)

TYPE_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
TEST_PERCENT = 10  # hash buckets 0..9 of 100 are held out
DEV_BUCKETS = range(10, 20)  # part of the training split; used only to choose settings

_WORDCHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")

# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------


def normalise_label(label: str) -> str:
    """One BIO/BILOU label with any type to BIO over PER/ORG/LOC ("O" otherwise)."""
    label = label.strip()
    if not label or label == "O":
        return "O"
    tag, sep, typ = label.partition("-")
    if not sep:
        return "O"
    mapped = TYPE_MAP.get(typ.upper())
    if mapped is None:
        return "O"
    tag = tag.upper()
    if tag in ("B", "U", "S"):
        return "B-" + mapped
    if tag in ("I", "L", "E"):
        return "I-" + mapped
    return "O"


def normalise_labels(labels: Iterable[str]) -> list[str]:
    """BIO over PER/ORG/LOC, with an I- that starts an entity repaired to B-."""
    return repair_bio([normalise_label(lab) for lab in labels])


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a ``token<TAB>label`` file; labels normalised to BIO PER/ORG/LOC.

    A line without a tab (or with an empty label) counts as label O; a line
    whose token is empty is skipped.
    """
    sents: list[Sentence] = []
    toks: list[str] = []
    labs: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if toks:
                    sents.append((toks, normalise_labels(labs)))
                    toks, labs = [], []
                continue
            token, _, label = line.partition("\t")
            token = token.strip().lstrip("\ufeff")
            if not token:
                continue
            toks.append(token)
            labs.append(label.split("\t")[0])
    if toks:
        sents.append((toks, normalise_labels(labs)))
    return sents


def retokenize(tokens: list[str], labels: list[str]) -> Sentence:
    """Re-split tokens with :func:`tokenize`, carrying BIO labels over.

    Word pieces keep the entity (the first piece its B-/I-, later ones I-);
    punctuation peeled off a token's edges is O, punctuation inside it
    (আসাম-বেঙ্গল) stays in the entity.
    """
    out_t: list[str] = []
    out_l: list[str] = []
    for tok, lab in zip(tokens, labels):
        pieces = [p[0] for p in tokenize(tok)]
        if not pieces:
            continue
        words = [i for i, p in enumerate(pieces) if _WORDCHAR.search(p)]
        if lab == "O" or not words:
            out_t += pieces
            out_l += ["O"] * len(pieces)
            continue
        typ = lab[2:]
        first, last = words[0], words[-1]
        for i, p in enumerate(pieces):
            out_t.append(p)
            if i < first or i > last:
                out_l.append("O")
            elif i == first:
                out_l.append(lab)
            else:
                out_l.append("I-" + typ)
    return out_t, repair_bio(out_l)


def merge_duplicates(sents: list[Sentence]) -> list[Sentence]:
    """One sentence per distinct token sequence, with the union of its copies' entities.

    The banglakit corpus repeats many sentences, each copy often marking only
    one of the sentence's names (a sentence with six people appears six times,
    one person each); reading each copy as complete would teach the model
    that five of the six are not names.  Where copies disagree with
    overlapping spans, the span marked by more copies wins, then the longer.
    """
    groups: dict[tuple[str, ...], list[list[str]]] = {}
    for toks, labs in sents:
        groups.setdefault(tuple(toks), []).append(labs)
    out: list[Sentence] = []
    for toks, copies in groups.items():
        if len(copies) == 1:
            out.append((list(toks), copies[0]))
            continue
        votes: dict[tuple[int, int, str], int] = {}
        for labs in copies:
            for span in bio_spans(labs):
                votes[span] = votes.get(span, 0) + 1
        taken = [False] * len(toks)
        labels = ["O"] * len(toks)
        for (a, b, typ), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0][0] - kv[0][1], kv[0][0])):
            if any(taken[a:b]):
                continue
            for i in range(a, b):
                taken[i] = True
                labels[i] = ("B-" if i == a else "I-") + typ
        out.append((list(toks), labels))
    return out


def read_banglakit(path: str | Path) -> tuple[list[Sentence], int]:
    """Aligned sentences of the banglakit jsonl file (copies not yet merged),
    and the number of lines read."""
    sents: list[Sentence] = []
    total = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            total += 1
            text, tags = json.loads(line)
            toks = tokenize(text, keep_space=True)
            if len(toks) != len(tags):
                continue
            keep = [(t[0], lab) for t, lab in zip(toks, tags) if t[0].strip()]
            if not keep:
                continue
            sents.append(([k[0] for k in keep], normalise_labels(k[1] for k in keep)))
    return sents, total


def read_rifat(path: str | Path) -> list[Sentence]:
    """Rifat's sentences, re-tokenised (see :func:`retokenize`)."""
    out = []
    for toks, labs in read_conll(path):
        t, lab = retokenize(toks, labs)
        if t:
            out.append((t, lab))
    return out


# ---------------------------------------------------------------------------
# Splits
# ---------------------------------------------------------------------------


def bucket_of(tokens: list[str]) -> int:
    """A stable bucket 0..99 from the sentence's tokens (NFC, space-joined)."""
    key = unicodedata.normalize("NFC", " ".join(tokens)).encode("utf-8")
    return int(hashlib.sha1(key).hexdigest()[:8], 16) % 100


def split_of(tokens: list[str]) -> str:
    """"test" for held-out sentences (10%), else "train"."""
    return "test" if bucket_of(tokens) < TEST_PERCENT else "train"


def ner_dir(shared: str | Path | None = None) -> Path:
    """The folder holding the NER corpora, given ``shared`` (or its ``data``)."""
    if shared is None:
        from .extraction import shared_dir

        shared = shared_dir()
    p = Path(shared)
    for cand in (p / "data" / "ner", p / "ner", p):
        if (cand / "banglakit_main.jsonl").is_file() or (cand / "rifat_train.txt").is_file():
            return cand
    return p / "data" / "ner"


CORPORA = {"banglakit": "banglakit_main.jsonl", "rifat": "rifat_train.txt"}


def load_corpora(shared: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Each corpus found: ``{"train": [...], "test": [...], "lines": n, "aligned": n, "unique": n}``.

    ``lines`` counts the corpus's sentences, ``aligned`` those usable (tokens
    line up with tags), ``unique`` the distinct sentences left after merging
    repeated ones (:func:`merge_duplicates`), which are what is split.
    """
    folder = ner_dir(shared)
    out: dict[str, dict[str, Any]] = {}
    for name, fname in CORPORA.items():
        path = folder / fname
        if not path.is_file():
            continue
        if name == "banglakit":
            sents, total = read_banglakit(path)
        else:
            sents = read_rifat(path)
            total = len(sents)
        aligned = len(sents)
        sents = merge_duplicates(sents)
        parts: dict[str, Any] = {"train": [], "test": [], "lines": total, "aligned": aligned, "unique": len(sents)}
        for s in sents:
            parts[split_of(s[0])].append(s)
        out[name] = parts
    return out


def heldout_sets(shared_dir: str | Path | None = None, corrected: bool | str = False) -> dict[str, list[Sentence]]:
    """The held-out (never trained on) sentences of each corpus found in ``shared_dir``.

    With ``corrected``, a corpus that has a corrections file (:data:`CORRECTIONS`)
    gets its labels replaced where the file says; the others are as published.
    ``True`` means annotator a's file (the first, pinned since it was made);
    an annotator's letter (``"b"``) picks that annotator's file instead.
    """
    sets = {name: parts["test"] for name, parts in load_corpora(shared_dir).items()}
    if corrected:
        annotator = "a" if corrected is True else str(corrected)
        for name in sets.keys() & CORRECTIONS.keys():
            sets[name] = corrected_set(name, sets[name], annotator)[0]
    return sets


def corrected_set(name: str, sents: list[Sentence], annotator: str = "a") -> tuple[list[Sentence], int]:
    """Corpus ``name``'s held-out ``sents`` with ``annotator``'s corrections applied, and how many sentences they change."""
    path = corrections_path(name, annotator)
    corrections = load_corrections(path)
    return apply_corrections(sents, corrections, path), len(corrections)


# ---------------------------------------------------------------------------
# Corrected held-out labels (eval/refset/ner)
# ---------------------------------------------------------------------------

# banglakit leaves many names unlabelled (a sentence's copies each marked one
# name, and sentences whose copies marked only DATE lost all their labels), so
# its held-out score measures those gaps as much as the tagger.  We corrected
# its held-out labels by hand, blind to the tagger, by a guideline derived from
# the training split (eval/refset/ner/README.md); both figures are reported.
CORRECTIONS = {"banglakit": "banglakit_heldout_corrections.yaml"}
# A second annotator corrected the same sentences by the same guideline, blind
# to the first, so that the corrected score comes with an agreement figure
# (README.md there, "Second annotator").  CORRECTIONS stays annotator a, so
# heldout_sets(corrected=True) and its pins keep their meaning.
MORE_CORRECTIONS = {"banglakit": {"b": "banglakit_heldout_corrections_b.yaml"}}
_KEY_LEN = 16
_LABEL = regex.compile(r"^(?:O|[BI]-(?:PER|ORG|LOC))$")
_HEX = regex.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class Correction:
    """One corrected sentence: its key, token count and full corrected BIO labels."""

    id: str
    tokens: int
    labels: tuple[str, ...]
    changes: tuple[str, ...]
    note: str
    where: str  # "line N" of the entry in its file, for error messages


def sentence_key(tokens: list[str]) -> str:
    """The key a corrections file uses for a sentence: sha256 of its NFC, space-joined tokens (16 hex digits).

    A hash, so the file names a sentence without copying its text out of ../shared.
    """
    text = unicodedata.normalize("NFC", " ".join(tokens)).encode("utf-8")
    return hashlib.sha256(text).hexdigest()[:_KEY_LEN]


def corrections_dir() -> Path:
    """``eval/refset/ner`` of the repository this module runs from."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "eval" / "refset" / "ner"
        if cand.is_dir():
            return cand
    return Path.cwd() / "eval" / "refset" / "ner"


def annotators(name: str) -> list[str]:
    """The annotators whose corrections of corpus ``name`` exist as files: ``["a", "b"]``, or ``[]``."""
    files = {"a": CORRECTIONS.get(name), **MORE_CORRECTIONS.get(name, {})}
    return [k for k, f in files.items() if f and (corrections_dir() / f).is_file()]


def corrections_path(name: str, annotator: str = "a") -> Path:
    """Annotator ``annotator``'s corrections file of corpus ``name`` (``"a"``: :data:`CORRECTIONS`)."""
    if annotator == "a":
        return corrections_dir() / CORRECTIONS[name]
    files = MORE_CORRECTIONS.get(name, {})
    if annotator not in files:
        raise ValueError(f"no annotator {annotator!r} for {name}; known: {', '.join(['a', *files])}")
    return corrections_dir() / files[annotator]


def load_corrections(path: str | Path) -> dict[str, Correction]:
    """The corrections in ``path``, by sentence key; validated (errors name the file and the entry)."""
    from ..errors import LanguageDataError
    from ..langdata import LINE_KEY, LineLoader, read_yaml_file

    path = str(path)
    data = read_yaml_file(path, loader=LineLoader)
    if not isinstance(data, list):
        raise LanguageDataError(path, "file", "must be a YAML list of entries (id, tokens, labels, changes, note)")
    out: dict[str, Correction] = {}
    for i, entry in enumerate(data):
        where = f"entry {i + 1}" + (f" (line {entry[LINE_KEY]})" if isinstance(entry, dict) else "")
        if not isinstance(entry, dict):
            raise LanguageDataError(path, where, "must be a mapping with id, tokens, labels, changes, note")
        fields = {k: v for k, v in entry.items() if k != LINE_KEY}
        missing = {"id", "tokens", "labels", "note"} - fields.keys()
        unknown = fields.keys() - {"id", "tokens", "labels", "changes", "note"}
        if missing or unknown:
            raise LanguageDataError(path, where, f"missing {sorted(missing)}, unknown {sorted(unknown)}" if missing and unknown
                                    else f"missing {sorted(missing)}" if missing else f"unknown field(s) {sorted(unknown)}")
        key = str(fields["id"])
        where = f"entry {key} (line {entry[LINE_KEY]})"
        if not isinstance(fields["id"], str):
            # YAML reads an all-digit hash as a number (and may drop leading zeros).
            raise LanguageDataError(path, where, 'write the id in quotes ("...") so YAML keeps it as text')
        if not _HEX.match(key):
            raise LanguageDataError(path, where, f"id must be {_KEY_LEN} lower-case hex digits (ghotona.evaluate.ner.sentence_key)")
        if key in out:
            raise LanguageDataError(path, where, f"id repeats the entry at {out[key].where}")
        n = fields["tokens"]
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise LanguageDataError(path, where, f"tokens must be a positive whole number, not {n!r}")
        labels = str(fields["labels"]).split()
        if len(labels) != n:
            raise LanguageDataError(path, where, f"{len(labels)} labels for {n} tokens")
        bad = [lab for lab in labels if not _LABEL.match(lab)]
        if bad:
            raise LanguageDataError(path, where, f"unknown label(s) {sorted(set(bad))}; use O, B-/I- with PER, ORG or LOC")
        if repair_bio(labels) != labels:
            raise LanguageDataError(path, where, "an I- label does not continue an entity of its type; begin it with B-")
        changes = fields.get("changes") or []
        if not isinstance(changes, list) or not changes or not all(isinstance(c, str) for c in changes):
            raise LanguageDataError(path, where, "changes must be a non-empty list of strings saying what changed")
        out[key] = Correction(key, n, tuple(labels), tuple(changes), str(fields["note"]), f"line {entry[LINE_KEY]}")
    return out


def apply_corrections(sents: list[Sentence], corrections: dict[str, Correction], path: str | Path = "corrections") -> list[Sentence]:
    """``sents`` with each corrected sentence's labels replaced.

    Every correction must name a sentence of ``sents`` with the same token
    count: a correction that matches nothing (the split or the tokeniser
    changed) is an error naming its entry, never a silent no-op.
    """
    from ..errors import LanguageDataError

    keys = {sentence_key(toks): i for i, (toks, _) in enumerate(sents)}
    out = list(sents)
    for key, c in corrections.items():
        i = keys.get(key)
        if i is None:
            raise LanguageDataError(str(path), f"entry {key} ({c.where})", "matches no held-out sentence: the split or the tokeniser changed; re-check this entry")
        toks = sents[i][0]
        if len(toks) != c.tokens:
            raise LanguageDataError(str(path), f"entry {key} ({c.where})", f"the sentence has {len(toks)} tokens, the entry {c.tokens}")
        out[i] = (toks, list(c.labels))
    return out


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score(gold_seqs: list[list[str]], pred_seqs: list[list[str]]) -> dict[str, dict[str, float | int]]:
    """Entity-level exact-match P/R/F1 per type and micro-averaged (key ``"micro"``).

    A predicted entity counts only with the same tokens and the same type as
    a gold one.  Sequences are read as BIO; an I-X that does not continue an
    X entity begins one (seqeval's default).
    """
    if len(gold_seqs) != len(pred_seqs):
        raise ValueError(f"{len(gold_seqs)} gold sequences but {len(pred_seqs)} predicted")
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}
    for i, (g, p) in enumerate(zip(gold_seqs, pred_seqs)):
        if len(g) != len(p):
            raise ValueError(f"sequence {i}: {len(g)} gold labels but {len(p)} predicted")
        gs = set(bio_spans(list(g)))
        ps = set(bio_spans(list(p)))
        for typ in {s[2] for s in gs | ps}:
            c = counts.setdefault(typ, [0, 0, 0])
            gt = {s for s in gs if s[2] == typ}
            pt = {s for s in ps if s[2] == typ}
            c[0] += len(gt & pt)
            c[1] += len(pt - gt)
            c[2] += len(gt - pt)
    out = {t: _prf(*c) for t, c in counts.items()}
    out["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


@dataclass(frozen=True)
class Agreement:
    """How far two annotators' labels of the same sentences agree.

    ``entity`` is :func:`score` with annotator a as gold and b as predicted
    (F1 is symmetric, so it is the same the other way round); ``kappa`` is
    Cohen's kappa over the tokens' BIO tags; ``disagreements`` counts the
    entities that differ, by kind (see :func:`agreement`).
    """

    entity: dict[str, dict[str, float | int]]
    kappa: float
    tokens: int
    disagreements: dict[str, int]
    edits: dict[str, float | int] | None = None


def agreement(a_sents: list[Sentence], b_sents: list[Sentence], base: list[Sentence] | None = None) -> Agreement:
    """Agreement of two label sets over the same sentences (same tokens, same order).

    Disagreements, each entity counted once: ``type (a X, b Y)`` (same span),
    ``boundary (X)`` (overlapping spans of one type), ``boundary+type (a X, b Y)``,
    ``only a (X)`` and ``only b (X)`` (no overlapping entity in the other set).

    With ``base`` (the labels both annotators started from), ``edits`` also
    scores b's edits against a's: an edit is an entity one added to ``base``
    or removed from it.  Two corrections of a corpus share every label they
    left alone, which lifts the full-set figures; the edits are the part
    where the annotators judged.
    """
    if len(a_sents) != len(b_sents) or (base is not None and len(base) != len(a_sents)):
        raise ValueError(f"{len(a_sents)} sentences from annotator a but {len(b_sents)} from b")
    for i, ((ta, _), (tb, _)) in enumerate(zip(a_sents, b_sents)):
        if ta != tb:
            raise ValueError(f"sentence {i}: the two label sets are not over the same tokens")
    a_labs = [list(labs) for _, labs in a_sents]
    b_labs = [list(labs) for _, labs in b_sents]
    entity = score(a_labs, b_labs)

    # Cohen's kappa over tokens: observed agreement against the agreement the
    # two annotators' own tag frequencies would give by chance.
    pairs = [(x, y) for la, lb in zip(a_labs, b_labs) for x, y in zip(la, lb)]
    n = len(pairs)
    kappa = 1.0
    if n:
        observed = sum(x == y for x, y in pairs) / n
        fa: dict[str, int] = {}
        fb: dict[str, int] = {}
        for x, y in pairs:
            fa[x] = fa.get(x, 0) + 1
            fb[y] = fb.get(y, 0) + 1
        chance = sum(fa[t] * fb.get(t, 0) for t in fa) / (n * n)
        # Both annotators used one tag only and agree everywhere: agreement is perfect.
        kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0

    kinds: dict[str, int] = {}

    def count(kind: str) -> None:
        kinds[kind] = kinds.get(kind, 0) + 1

    for la, lb in zip(a_labs, b_labs):
        sa, sb = set(bio_spans(la)), set(bio_spans(lb))
        rest_a, rest_b = sorted(sa - sb), sorted(sb - sa)
        used: set[tuple[int, int, str]] = set()
        for a0, a1, ta in rest_a:
            other = next(((b0, b1, tb) for b0, b1, tb in rest_b if (b0, b1, tb) not in used and b0 < a1 and a0 < b1), None)
            if other is None:
                count(f"only a ({ta})")
                continue
            used.add(other)
            b0, b1, tb = other
            if (a0, a1) == (b0, b1):
                count(f"type (a {ta}, b {tb})")
            elif ta == tb:
                count(f"boundary ({ta})")
            else:
                count(f"boundary+type (a {ta}, b {tb})")
        for span in rest_b:
            if span not in used:
                count(f"only b ({span[2]})")
    edits = None
    if base is not None:
        tp = fp = fn = 0
        for i, ((tb, lbase), la, lb) in enumerate(zip(base, a_labs, b_labs)):
            if tb != a_sents[i][0]:
                raise ValueError(f"sentence {i}: the base labels are not over the same tokens")
            sp, sa, sb = set(bio_spans(list(lbase))), set(bio_spans(la)), set(bio_spans(lb))
            ea = {("+",) + s for s in sa - sp} | {("-",) + s for s in sp - sa}
            eb = {("+",) + s for s in sb - sp} | {("-",) + s for s in sp - sb}
            tp, fp, fn = tp + len(ea & eb), fp + len(eb - ea), fn + len(ea - eb)
        edits = _prf(tp, fp, fn)
    return Agreement(entity, kappa, n, dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))), edits)


def format_agreement(agr: Agreement, title: str = "") -> str:
    """One line of the agreement figures, and the disagreements by kind."""
    per = ", ".join(f"{t} {agr.entity[t]['f1']:.3f}" for t in sorted(k for k in agr.entity if k != "micro"))
    lines = [f"{title}entity F1 (b against a) micro {agr.entity['micro']['f1']:.3f} ({per}); "
             f"token kappa {agr.kappa:.3f} over {agr.tokens} tokens"]
    if agr.edits is not None:
        e = agr.edits
        lines.append(f"edits to the published labels: a {e['support']}, b {e['tp'] + e['fp']}, both {e['tp']} "
                     f"(F1 {e['f1']:.3f})")
    if agr.disagreements:
        lines.append("disagreements: " + ", ".join(f"{k} {v}" for k, v in agr.disagreements.items()))
    return "\n".join(lines)


def evaluate_sentences(sents: list[Sentence], tagger=None, style: str | None = None) -> dict[str, dict[str, float | int]]:
    """Tag each sentence's tokens (in ``style``, when given) and score against its labels."""
    if tagger is None:
        from ..actors.ner import NerTagger

        tagger = NerTagger.load()
    gold = [labs for _, labs in sents]
    tokens = [toks for toks, _ in sents]
    if hasattr(tagger, "tag_many"):
        # One batch: the NER network reads all sentences at once (ner_nn), the
        # same labels as one sentence at a time (tests/test_ner_nn.py).
        pred = tagger.tag_many(tokens, style=style)
    elif style is None:
        pred = [tagger.tag(toks) for toks in tokens]
    else:
        pred = [tagger.tag(toks, style=style) for toks in tokens]
    return score(gold, pred)


def evaluate_file(path: str | Path, tagger=None) -> dict[str, dict[str, float | int]]:
    """Scores of ``tagger`` (default: the shipped model) on a CoNLL file."""
    return evaluate_sentences(read_conll(path), tagger)


def format_scores(scores: dict[str, dict[str, float | int]], title: str = "") -> str:
    """A small fixed-width table of the scores."""
    lines = [title] if title else []
    lines.append(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    for typ in [*sorted(k for k in scores if k != "micro"), "micro"]:
        s = scores[typ]
        lines.append(
            f"{typ:<6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
            f"{s['support']:6d} {s['tp']:6d} {s['fp']:6d} {s['fn']:6d}"
        )
    return "\n".join(lines)


_TYPE_TO_LABEL = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}


class DictionaryTagger:
    """The baseline a dictionary alone gives: BIO labels from the actor matcher with NER off.

    Tokens are joined with spaces, matched, and each mention's span is laid
    back onto the tokens it covers.
    """

    def __init__(self) -> None:
        from ..actors.dictionary import load_dictionary

        self.dictionary = load_dictionary()

    def tag(self, tokens: list[str]) -> list[str]:
        from ..actors.link import find_actors

        starts, pos = [], 0
        for t in tokens:
            starts.append(pos)
            pos += len(t) + 1
        labels = ["O"] * len(tokens)
        for m in find_actors(" ".join(tokens), None, dictionary=self.dictionary, ner=False):
            label = _TYPE_TO_LABEL.get(m.type)
            inside = [i for i, s in enumerate(starts) if s < m.end and m.start < s + len(tokens[i])]
            for k, i in enumerate(inside):
                labels[i] = f"{'B' if k == 0 else 'I'}-{label}"
        return labels


def report(path: Path | None = None, heldout: bool = False, style: str | None = None) -> dict[str, Any]:
    """Scores of the shipped tagger and of the dictionary baseline, on a file or the held-out splits.

    A held-out corpus is tagged in its own style (the annotation convention
    the model learned from that corpus, see ``NerTagger``) and, for
    comparison, in the default style the pipeline uses.  A file is tagged in
    ``style`` (default: the model's default style).
    """
    from ..actors.ner import NerTagger

    tagger, baseline = NerTagger.load(), DictionaryTagger()
    default = tagger.lexicon.default_style
    sets: dict[str, tuple[list[Sentence], str | None]] = {}
    if path is not None:
        sets[Path(path).name] = (read_conll(path), style)
    fixed: dict[str, int] = {}
    agreements: dict[str, Agreement] = {}
    if heldout:
        for name, sents in heldout_sets().items():
            sets[name] = (sents, name if name in tagger.styles else None)
            # Scored as published AND with each annotator's corrections, side by side;
            # the files live in the repository's eval/, absent from an installed wheel.
            by = {}
            for ann in annotators(name):
                key = f"{name} corrected ({ann})"
                by[ann], fixed[key] = corrected_set(name, sents, ann)
                sets[key] = (by[ann], sets[name][1])
            if "a" in by and "b" in by:
                agreements[name] = agreement(by["a"], by["b"], base=sents)
    out: dict[str, Any] = {}
    for name, (sents, st) in sets.items():
        r: dict[str, Any] = {"sentences": len(sents), "style": st if st is not None else default,
                             "ner": evaluate_sentences(sents, tagger, style=st)}
        if name in fixed:
            r["corrected_sentences"] = fixed[name]
        if name in agreements:
            r["agreement_a_b"] = asdict(agreements[name])
        if st is not None and st != default:
            r["default_style"] = default
            r["ner_default_style"] = evaluate_sentences(sents, tagger)
        r["dictionary_only"] = evaluate_sentences(sents, baseline)
        out[name] = r
    return out


def render(results: dict[str, Any]) -> str:
    parts = []
    for name, r in results.items():
        style = f", style {r['style']}" if r.get("style") else ""
        parts.append(format_scores(r["ner"], f"{name} ({r['sentences']} sentences): NER tagger{style}"))
        if "ner_default_style" in r:
            default = r["default_style"] or "none, as the pipeline tags"
            parts.append(format_scores(r["ner_default_style"], f"{name}: NER tagger, default style ({default})"))
        parts.append(format_scores(r["dictionary_only"], f"{name}: dictionary only (baseline)"))
    for name, pub in results.items():
        cors = [(k.rsplit(" ", 1)[-1].strip("()"), r) for k, r in results.items()
                if k.startswith(f"{name} corrected (") and "corrected_sentences" in r]
        if cors:
            parts.append(_side_by_side(name, pub, cors))
    return "\n\n".join(parts)


def _side_by_side(name: str, pub: dict[str, Any], cors: list[tuple[str, dict[str, Any]]]) -> str:
    """F1 per type with the corpus's labels as published and as each annotator corrected them,
    and the annotators' agreement."""
    cols = [("ner", "own style")]
    if "ner_default_style" in pub:
        cols.append(("ner_default_style", "default"))
    cols.append(("dictionary_only", "dictionary"))
    sets = [("published", pub), *((f"corr. {ann}", r) for ann, r in cors)]
    width = 11 * len(sets)
    head = "".join(f" {label[:width - 1]:<{width - 1}}" for _, label in cols)
    sub = "".join("".join(f" {lab:>10}" for lab, _ in sets) for _ in cols)
    changed = ", ".join(f"{ann} {r['corrected_sentences']}" for ann, r in cors)
    lines = [f"{name}: F1, labels as published vs corrected by hand (sentences changed: {changed}; of "
             f"{pub['sentences']}; eval/refset/ner)", f"{'type':<6}{head}", f"{'':<6}{sub}"]
    for typ in [*sorted(k for k in pub["ner"] if k != "micro"), "micro"]:
        cells = "".join("".join(f" {r[k].get(typ, {}).get('f1', 0.0):10.3f}" for _, r in sets) for k, _ in cols)
        lines.append(f"{typ:<6}{cells}")
    if "agreement_a_b" in pub:
        lines.append(format_agreement(Agreement(**pub["agreement_a_b"]), "agreement of a and b: "))
    return "\n".join(lines)
