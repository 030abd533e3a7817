"""The Bengali trigger lexicon: words and phrases that name a PLOVER event.

The data lives in ``data/events/triggers.yaml`` (the file's header explains
each key; ``docs/ontology.md`` says how to add a trigger).  Every entry is
checked on load against the ontology (type, mode and contexts must exist),
and a duplicate text, an unknown key or a phrase the tokenizer would not split
into the entry's words is an error naming the file and the line.

:meth:`Lexicon.match` finds trigger candidates in one normalised sentence:

* words are the tokens of :func:`ghotona.text.segment.tokenize`, so a trigger
  never matches inside a longer word (হামলা does not match হামলাকারী);
* all words but the last match exactly; the last is matched by the entry's
  kind -- ``noun``: bare or with one case/number/determiner ending
  (হামলায়, বৈঠকের, চুক্তিটি), ``verb``: a stem plus a verb ending
  (ছুড় -> ছুড়েছে), ``fixed``: exactly;
* an entry with ``light_verbs`` counts only when one of those verbs follows
  within the clause (সমর্থন জানিয়েছে, not সমর্থনে);
* a split entry (``নিষেধাজ্ঞা ... প্রত্যাহার``) names a noun and the verb
  that acts on it, with up to ``split_window`` words between them in the
  clause (নিষেধাজ্ঞা এখনই প্রত্যাহার করা হবে না): the part before ``...`` is
  matched like a noun, the part after by the entry's kind.  The gap may not
  cross punctuation, a light verb (the noun already has its verb) or the
  start of another trigger;
* a trigger followed by one of ``topic_words`` (নিয়ে, অনুযায়ী) is what
  another event is about or refers to, not a happening told, and is dropped;
* overlapping candidates: the longest (in words) wins, then the one ending
  later, because Bengali puts the head of a phrase last.  Blocker entries
  (``type: null``) take part in this and are then dropped.

The caller decides what an event is; this module only proposes where one is
named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

import regex

from ..actors.inflect import base_forms
from ..langdata import data_path, read_yaml_file
from ..records import Token
from ..text.normalize import normalize
from ..text.segment import tokenize
from .ontology import LineLoader, Ontology, Checker, line_of, load_ontology

__all__ = [
    "TRIGGERS_FILE",
    "KINDS",
    "TriggerEntry",
    "LightVerbHit",
    "TriggerMatch",
    "Lexicon",
    "load_lexicon",
    "parse_lexicon",
]

TRIGGERS_FILE = "events/triggers.yaml"
KINDS = ("noun", "verb", "fixed")

_TOP_KEYS = ("verb_endings", "noun_endings", "light_verb_window", "light_verbs", "triggers")
_TOP_OPTIONAL = ("split_window", "list_window", "list_joiners", "list_verb_endings", "topic_words", "emphatic_endings")
# The marker of a split entry's gap: "নিষেধাজ্ঞা ... শিথিল".
GAP = "..."
_ENTRY_KEYS = ("text", "kind", "type")
_ENTRY_OPTIONAL = ("mode", "symmetric", "contexts", "light_verbs", "except", "note", "to_other", "to_place", "carried_out",
                   "refused", "said_is_done", "by_state", "crime", "greets")
# Entry keys that name another PLOVER type the event takes in some reading.
_TYPE_SWITCHES = ("to_other", "to_place", "refused", "by_state")
# A token that carries no letter or digit ends the clause for the light-verb search.
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")
# Quotation marks around a noun (or a phrase) stand between it and its light verb; they end no clause.
_QUOTES = frozenset({"‘", "’", "“", "”", "'", '"'})
# Distinct token texts whose trigger keys are kept (a few MB when full).
_KEY_CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One entry of triggers.yaml, normalised.  ``type`` None marks a blocker."""

    text: str
    words: tuple[str, ...]
    kind: str
    type: str | None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    symmetric: bool | None = None
    light_verbs: tuple[str, ...] = ()
    except_forms: tuple[str, ...] = ()
    note: str | None = None
    # The type (mode null) when the event has a recipient country other than
    # the doer's own: troops sent to another country are aid to it.
    to_other: str | None = None
    # The type (mode null) when a place or country named right before the
    # trigger is its object: ক্রিমিয়া দখল is territory taken, not property.
    to_place: str | None = None
    # An order: the act it names in the genitive is carried out and is the
    # event told (সেনা পাঠানোর নির্দেশ), not the order itself.
    carried_out: bool = False
    # The type (mode null, status occurred) when the trigger is told negated:
    # not agreeing (রাজি হননি, মেনে নেবে না) is a refusal, an act of its own.
    refused: str | None = None
    # The trigger names what is threatened or vowed (কঠোর ব্যবস্থা নেবে): told
    # in the future, the saying is the act, made now (status occurred).
    said_is_done: bool = False
    # A crime when done between private people (ধর্ষণ, মারধর), which is no political event:
    # the coder keeps it only when a participant is a known actor.
    crime: bool = False
    # A greeting when its object in the accusative is a person (X-কে স্বাগত জানান, at an
    # airport): no event.  A decision or a step so told is welcomed (SUPPORT).
    greets: bool = False
    # The type (mode null) when every doer is a state: a country, or a body or person of its
    # government or forces (arguments.yaml state_sectors).  অবরোধ by protesters is a PROTEST;
    # by a defence minister or an army it is a siege (COERCE).
    by_state: str | None = None
    line: int = 0
    # For a split entry, how many of ``words`` come before the gap; else None.
    gap_at: int | None = None

    @property
    def is_blocker(self) -> bool:
        return self.type is None


@dataclass(frozen=True, slots=True)
class LightVerbHit:
    """The light verb that licensed a noun trigger (জানিয়েছে after সমর্থন)."""

    start: int
    end: int
    text: str
    lemma: str
    token: int


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence.

    ``start``/``end`` are character offsets (into the text given to
    :meth:`Lexicon.match`, or the tokens' own offsets); ``token_start`` and
    ``token_end`` index the token list, end exclusive.
    """

    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    entry: TriggerEntry
    light_verb: LightVerbHit | None = None

    @property
    def type(self) -> str | None:
        return self.entry.type

    @property
    def mode(self) -> str | None:
        return self.entry.mode


@dataclass
class Lexicon:
    """All trigger entries plus the endings and light verbs used to match them."""

    entries: tuple[TriggerEntry, ...]
    verb_endings: frozenset[str]
    noun_endings: frozenset[str]
    light_verbs: dict[str, frozenset[str]]
    light_verb_window: int = 3
    split_window: int = 4
    # How many words a split entry's noun may head a list over before its verb
    # (commas then allowed), and the words that join a list's last item.
    list_window: int = 0
    list_joiners: frozenset[str] = frozenset()
    list_verb_endings: tuple[str, ...] = ()
    # Words that make the trigger right before them a topic or a reference,
    # not a happening told: প্রত্যাবাসন নিয়ে আলোচনা, চুক্তি অনুযায়ী.
    topic_words: frozenset[str] = frozenset()
    # Emphatic particles a word inside a phrase may carry (চৌকিও দখল): the
    # phrase still matches.
    emphatic_endings: tuple[str, ...] = ()
    path: str = ""
    _index: dict[str, tuple[TriggerEntry, ...]] = field(init=False, repr=False)
    _split_index: dict[str, tuple[TriggerEntry, ...]] = field(init=False, repr=False)
    _lemma_of: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    # Token text -> those of its keys that begin some entry.  Working the keys
    # out (base forms, every ending) was a fifth of the whole page-to-events
    # time; words repeat across sentences and articles, and most begin no
    # entry (an empty tuple), so a bounded cache pays for itself.
    _key_cache: dict[str, tuple[str, ...]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, list[TriggerEntry]] = {}
        split: dict[str, list[TriggerEntry]] = {}
        for e in self.entries:
            (split if e.gap_at is not None else index).setdefault(e.words[0], []).append(e)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._split_index = {k: tuple(v) for k, v in split.items()}
        lemma_of: dict[str, list[str]] = {}
        for lemma, forms in self.light_verbs.items():
            for f in forms:
                lemma_of.setdefault(f, []).append(lemma)
        self._lemma_of = {k: tuple(v) for k, v in lemma_of.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def by_type(self, type: str) -> tuple[TriggerEntry, ...]:
        return tuple(e for e in self.entries if e.type == type)

    def counts(self) -> dict[str, int]:
        """Entries per type (blockers under the key ``None`` are left out)."""
        out: dict[str, int] = {}
        for e in self.entries:
            if e.type is not None:
                out[e.type] = out.get(e.type, 0) + 1
        return out

    # -- matching ------------------------------------------------------------

    def _last_word_matches(self, entry: TriggerEntry, word: str, tok: str) -> bool:
        if tok in entry.except_forms:
            return False
        if entry.kind == "fixed":
            return tok == word
        if entry.kind == "verb":
            return tok.startswith(word) and tok[len(word):] in self.verb_endings
        if tok == word:
            return True
        if tok.startswith(word) and tok[len(word):] in self.noun_endings:
            return True
        return word in base_forms(tok)

    def _keys(self, tok: str) -> tuple[str, ...]:
        """The forms a token's first word could be (itself, and the token with
        one ending removed) that begin a plain or a split entry."""
        cached = self._key_cache.get(tok)
        if cached is None:
            if len(self._key_cache) >= _KEY_CACHE_SIZE:
                self._key_cache.clear()  # a long run meets ever new words; start over rather than grow
            cached = self._key_cache[tok] = tuple(
                k for k in self._forms(tok) if k in self._index or k in self._split_index)
        return cached

    def _forms(self, tok: str) -> set[str]:
        keys = {tok}
        keys.update(base_forms(tok))
        for endings in (self.noun_endings, self.verb_endings):
            for e in endings:
                if len(tok) > len(e) and tok.endswith(e):
                    keys.add(tok[: -len(e)])
        return keys

    def _candidates(self, toks: Sequence[Token], skip: frozenset[int] = frozenset()) -> list[tuple[int, int, TriggerEntry]]:
        out: list[tuple[int, int, TriggerEntry]] = []
        for i, t in enumerate(toks):
            seen: set[int] = set()
            for key in self._keys(t.text):
                for e in self._index.get(key, ()):
                    if id(e) in seen:
                        continue
                    seen.add(id(e))
                    if e.gap_at is not None:
                        continue  # split entries are matched below, once every start is known
                    n = len(e.words)
                    if i + n > len(toks):
                        continue
                    if any(not self._word_is(toks[i + k].text, e.words[k]) for k in range(n - 1)):
                        continue
                    if self._last_word_matches(e, e.words[-1], toks[i + n - 1].text):
                        out.append((i, i + n, e))
        return out + self._split_candidates(toks, {i for i, _, _ in out}, skip)

    def _split_candidates(self, toks: Sequence[Token], starts: set[int],
                          skip: frozenset[int] = frozenset()) -> list[tuple[int, int, TriggerEntry]]:
        """Split entries: the noun part, then within the clause the verb part."""
        out: list[tuple[int, int, TriggerEntry]] = []
        for i, t in enumerate(toks):
            for key in self._keys(t.text):
                for e in self._split_index.get(key, ()):
                    a = e.gap_at or 0
                    head, tail = e.words[:a], e.words[a:]
                    if i + a > len(toks) or any(toks[i + k].text != head[k] for k in range(a - 1)):
                        continue
                    if not self._noun_matches(head[-1], toks[i + a - 1].text):
                        continue
                    j = i + a  # first token after the noun part
                    listed = False  # a comma has opened a list the noun heads
                    gap_words = 0  # words in the gap so far, time phrases not counted
                    for k in range(j, len(toks)):
                        if k in skip:
                            continue  # a time phrase in the gap does not count
                        if gap_words > (self.list_window if listed else self.split_window):
                            break
                        gap_words += 1
                        if k + len(tail) <= len(toks) and all(
                                toks[k + x].text == tail[x] for x in range(len(tail) - 1)) and self._last_word_matches(
                                e, tail[-1], toks[k + len(tail) - 1].text):
                            if not listed or self._list_closed(toks[j:k]):
                                out.append((i, k + len(tail), e))
                            break
                        gap = toks[k].text
                        if gap == "," and self.list_window and not any(
                                toks[x].text in self._lemma_of or self._finite(toks[x].text) for x in range(j, k)):
                            # "১০ হাজার সেনা, সঙ্গে গোলাবারুদ, ক্ষেপণাস্ত্র ও ... পাঠিয়েছে": the
                            # noun opens a list of things the verb at its end acts on.
                            listed = True
                            continue
                        if not _WORDLIKE.search(gap) or gap in self._lemma_of or (k in starts and not listed) \
                                or listed and self._finite(gap):
                            break  # punctuation, a verb of the noun's own, another trigger, a verb closing the list
        return out

    def _finite(self, word: str) -> bool:
        """Whether ``word`` ends like a finite verb (``list_verb_endings``): a clause of its own."""
        return any(word.endswith(e) and len(word) > len(e) + 1 for e in self.list_verb_endings)

    def _list_closed(self, gap: Sequence[Token]) -> bool:
        """Whether the words after a list's last comma join its last item (ও, এবং): the verb
        after them closes the list, not a clause of its own."""
        last = max(x for x, t in enumerate(gap) if t.text == ",")
        return any(t.text in self.list_joiners for t in gap[last + 1:])

    def _word_is(self, tok: str, word: str) -> bool:
        """A word before a phrase's last: itself, or with an emphatic particle (চৌকিও দখল)."""
        return tok == word or (tok.startswith(word) and tok[len(word):] in self.emphatic_endings)

    def _noun_matches(self, word: str, tok: str) -> bool:
        return tok == word or (tok.startswith(word) and tok[len(word):] in self.noun_endings) or word in base_forms(tok)

    def _light_verb(self, toks: Sequence[Token], end: int, entry: TriggerEntry, starts: set[int],
                    adverbial: frozenset[int] = frozenset()) -> LightVerbHit | None:
        counted = 0
        for j in range(end, len(toks)):
            if j in adverbial:
                continue  # "যুদ্ধবিরতি গতকাল শুক্রবার ... কার্যকর হয়েছে": a time phrase is no word of the clause's
            counted += 1
            if counted > self.light_verb_window:
                return None
            text = toks[j].text
            if text in _QUOTES:
                continue  # "‘উষ্ণ অভ্যর্থনা’ জানান": a quoted noun keeps its verb after the quote
            if not _WORDLIKE.search(text):
                return None  # punctuation ends the clause
            lemmas = self._lemma_of.get(text, ())
            for lemma in lemmas:
                if lemma in entry.light_verbs:
                    return LightVerbHit(toks[j].start, toks[j].end, text, lemma, j)
            if j in starts:
                return None  # another trigger begins: the verb after it is its own
        return None

    def match(self, tokens_or_text: str | Sequence[Token], *, require_light_verb: bool = True,
              adverbial: Sequence[tuple[int, int]] = ()) -> list[TriggerMatch]:
        """Trigger candidates in one sentence, left to right, without overlaps.

        Give the sentence as normalised text (see
        :func:`ghotona.text.normalize.normalize`; offsets are then into that
        text) or as its tokens (offsets are the tokens' own).  With
        ``require_light_verb=False`` entries that need a light verb are kept
        even without one (``light_verb`` is then None).  ``adverbial``: spans (in
        the same offsets) of time phrases; their words do not count towards
        ``light_verb_window`` and ``split_window`` (a verb told after the day
        and hour is still the noun's own).
        """
        toks = tokenize(tokens_or_text) if isinstance(tokens_or_text, str) else list(tokens_or_text)
        skip = frozenset(k for k, t in enumerate(toks) if any(a <= t.start and t.end <= b for a, b in adverbial))
        raw = self._candidates(toks, skip)
        starts = {i for i, _, _ in raw}
        kept: list[tuple[int, int, TriggerEntry, LightVerbHit | None]] = []
        for i, j, e in raw:
            hit = None
            if e.light_verbs:
                # The verb search may not stop at the candidate's own start.
                hit = self._light_verb(toks, j, e, starts - {i}, skip)
                if hit is None and require_light_verb:
                    continue
            kept.append((i, j, e, hit))
        # Longest first (in the entry's words: a split entry's gap does not
        # count), then the one ending later (the head comes last), then the
        # longer text, then file order for a stable result.
        kept.sort(key=lambda c: (-len(c[2].words), -c[1], -len(c[2].text), c[2].line))
        taken: set[int] = set()
        out: list[TriggerMatch] = []
        for i, j, e, hit in kept:
            span = range(i, j)
            if any(k in taken for k in span):
                continue
            taken.update(span)
            if e.is_blocker:
                continue
            if j < len(toks) and toks[j].text in self.topic_words:
                continue  # "প্রত্যাবাসন নিয়ে ...": what another event is about
            start, end = toks[i].start, toks[j - 1].end
            text = "".join(_surface(toks, i, j))
            out.append(TriggerMatch(start, end, text, i, j, e, hit))
        out.sort(key=lambda m: m.start)
        return out


def _surface(toks: Sequence[Token], i: int, j: int) -> list[str]:
    """The tokens i..j-1 joined by the (single) spaces between them."""
    parts = [toks[i].text]
    for k in range(i + 1, j):
        parts.append(" " * max(1, toks[k].start - toks[k - 1].end))
        parts.append(toks[k].text)
    return parts


# --------------------------------------------------------------------------
# Loading and validation


def _norm_list(ck: Checker, value: Any, line: int, what: str) -> list[str]:
    out: list[str] = []
    lines = getattr(value, "lines", None)
    for k, item in enumerate(ck.seq(value, line, what)):
        at = lines[k] if lines else line
        if not isinstance(item, str) or not item.strip():
            raise ck.err(at, f"{what} should hold non-empty strings, got {item!r}")
        s = normalize(item).strip()
        if s in out:
            raise ck.err(at, f"{what}: {s!r} is listed twice")
        out.append(s)
    return out


def parse_lexicon(data: Any, path: str, ontology: Ontology) -> Lexicon:
    """Validate parsed YAML (loaded with :class:`~ghotona.events.ontology.LineLoader`) and build the :class:`Lexicon`."""
    ck = Checker(path)
    top = ck.mapping(data, 1, "the file")
    ck.keys(top, _TOP_KEYS, _TOP_OPTIONAL)
    top_line = line_of(top, 1)
    verb_endings = _norm_list(ck, top["verb_endings"], top_line, "verb_endings")
    noun_endings = _norm_list(ck, top["noun_endings"], top_line, "noun_endings")
    window = top["light_verb_window"]
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise ck.err(top_line, f"light_verb_window should be a positive integer, got {window!r}")
    split_window = top.get("split_window", 4)
    if not isinstance(split_window, int) or isinstance(split_window, bool) or split_window < 0:
        raise ck.err(top_line, f"split_window should be a non-negative integer, got {split_window!r}")
    list_window = top.get("list_window", 0)
    if not isinstance(list_window, int) or isinstance(list_window, bool) or list_window < 0:
        raise ck.err(top_line, f"list_window should be a non-negative integer, got {list_window!r}")
    list_joiners = frozenset(_norm_list(ck, top.get("list_joiners") or [], top_line, "list_joiners"))
    list_verb_endings = tuple(_norm_list(ck, top.get("list_verb_endings") or [], top_line, "list_verb_endings"))
    if list_window and not list_joiners:
        raise ck.err(top_line, "list_window needs list_joiners (the words that join a list's last item: ও, এবং)")
    topic_words = frozenset(_norm_list(ck, top.get("topic_words") or [], top_line, "topic_words"))
    emphatic = tuple(_norm_list(ck, top.get("emphatic_endings") or [], top_line, "emphatic_endings"))
    lv_raw = ck.mapping(top["light_verbs"], top_line, "light_verbs")
    light_verbs: dict[str, frozenset[str]] = {}
    for lemma, forms in lv_raw.items():
        if not isinstance(lemma, str) or not lemma.strip():
            raise ck.err(top_line, f"light verb lemma should be a non-empty string, got {lemma!r}")
        light_verbs[normalize(lemma).strip()] = frozenset(_norm_list(ck, forms, top_line, f"light_verbs.{lemma}"))

    entries: list[TriggerEntry] = []
    first_line: dict[str, int] = {}
    triggers = ck.seq(top["triggers"], top_line, "triggers")
    for raw in triggers:
        raw = ck.mapping(raw, top_line, "a trigger")
        ck.keys(raw, _ENTRY_KEYS, _ENTRY_OPTIONAL)
        line = line_of(raw)
        text = " ".join(normalize(ck.text(raw, "text") or "").split())
        if text in first_line:
            raise ck.err(line, f"trigger {text!r} is listed twice (also at line {first_line[text]}); keep one entry")
        words = tuple(text.split(" "))
        gap_at: int | None = None
        if GAP in words:
            gap_at = words.index(GAP)
            words = words[:gap_at] + words[gap_at + 1:]
            if GAP in words or gap_at == 0 or gap_at == len(words):
                raise ck.err(line, f"a split entry needs one {GAP!r} with words on both sides, got {text!r}")
            if raw.get("light_verbs"):
                raise ck.err(line, f"a split entry ({text!r}) names its verb itself; it cannot also have light_verbs")
        for w in words:
            toks = tokenize(w)
            if len(toks) != 1 or toks[0].text != w:
                raise ck.err(line, f"{w!r} in {text!r} is not one token to the tokenizer ({[t.text for t in toks]}); it could never match")
        kind = raw["kind"]
        if kind not in KINDS:
            raise ck.err(line, f"kind {kind!r} should be one of {', '.join(KINDS)}")
        tname = raw["type"]
        mode = raw.get("mode")
        symmetric = raw.get("symmetric")
        contexts: list[str] = []
        if tname is None:
            for key in ("mode", "symmetric", "contexts", "light_verbs"):
                if raw.get(key) not in (None, []):
                    raise ck.err(line, f"a blocker (type: null) cannot have {key!r}; it only stops shorter triggers")
            if not raw.get("note"):
                raise ck.err(line, "a blocker (type: null) needs a 'note' saying why the phrase is not an event")
        else:
            if not isinstance(tname, str) or tname not in ontology.types:
                current = ontology.canonical_type(tname) if isinstance(tname, str) else None
                hint = f" (write {current})" if current else ""
                raise ck.err(line, f"unknown type {tname!r}{hint}; known types: {', '.join(ontology.types)}")
            if "mode" not in raw:
                raise ck.err(line, "missing required key 'mode' (write mode: null when no mode fits)")
            if mode is not None and not ontology.is_valid(tname, mode):
                known = ", ".join(m.name for m in ontology.modes(tname)) or "none"
                raise ck.err(line, f"{mode!r} is not a mode of {tname}; its modes: {known}")
            if not isinstance(symmetric, bool):
                raise ck.err(line, f"'symmetric' should be true or false, got {symmetric!r}")
            for c in ck.seq(raw.get("contexts") or [], line, "'contexts'"):
                if c not in ontology.contexts:
                    raise ck.err(line, f"unknown context {c!r}; known: {', '.join(ontology.contexts)}")
                contexts.append(c)
        lvs = []
        for lv in ck.seq(raw.get("light_verbs") or [], line, "'light_verbs'"):
            lv = normalize(lv) if isinstance(lv, str) else lv
            if lv not in light_verbs:
                raise ck.err(line, f"light verb {lv!r} is not a key of light_verbs; known: {', '.join(light_verbs)}")
            lvs.append(lv)
        excepts = tuple(_norm_list(ck, raw.get("except") or [], line, "'except'"))
        switches = {key: raw.get(key) for key in _TYPE_SWITCHES}
        for key, other in switches.items():
            if other is not None and (tname is None or other not in ontology.types):
                raise ck.err(line, f"{key} {other!r} should be a PLOVER type, on an entry that has a type")
        carried_out = raw.get("carried_out", False)
        if not isinstance(carried_out, bool):
            raise ck.err(line, f"'carried_out' should be true or false, got {carried_out!r}")
        crime, greets, said_is_done = (_typed_flag(ck, raw, key, tname, line)
                                       for key in ("crime", "greets", "said_is_done"))
        if kind == "verb" and len(words[-1]) < 2:
            raise ck.err(line, f"verb stem {words[-1]!r} is too short to match safely")
        entries.append(TriggerEntry(
            text=text, words=words, kind=kind, type=tname, mode=mode, contexts=tuple(contexts),
            symmetric=symmetric if tname is not None else None, light_verbs=tuple(lvs),
            except_forms=excepts, note=ck.text(raw, "note", null=True), line=line, to_other=switches["to_other"],
            to_place=switches["to_place"], carried_out=carried_out, refused=switches["refused"],
            said_is_done=said_is_done, gap_at=gap_at, by_state=switches["by_state"], crime=crime,
            greets=greets,
        ))
        first_line[text] = line
    return Lexicon(
        entries=tuple(entries),
        verb_endings=frozenset(verb_endings),
        noun_endings=frozenset(noun_endings),
        light_verbs=light_verbs,
        light_verb_window=window,
        split_window=split_window,
        list_window=list_window,
        list_joiners=list_joiners,
        list_verb_endings=list_verb_endings,
        topic_words=topic_words,
        emphatic_endings=emphatic,
        path=path,
    )


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    path = data_path(TRIGGERS_FILE)
    return parse_lexicon(read_yaml_file(path, LineLoader), path, load_ontology())


def load_lexicon(path: str | None = None, ontology: Ontology | None = None) -> Lexicon:
    """The shipped lexicon (loaded once per process), or the file at ``path``
    checked against ``ontology`` (the shipped one by default)."""
    if path is None and ontology is None:
        return _default()
    p = str(path) if path is not None else data_path(TRIGGERS_FILE)
    return parse_lexicon(read_yaml_file(p, LineLoader), p, ontology or load_ontology())


def _typed_flag(ck: Checker, raw: dict, key: str, tname: str | None, line: int) -> bool:
    """An optional true/false entry key that only an entry with a type may set (crime, greets,
    said_is_done)."""
    value = raw.get(key, False)
    if not isinstance(value, bool) or value and tname is None:
        raise ck.err(line, f"'{key}' should be true or false, on an entry that has a type; got {value!r}")
    return value
