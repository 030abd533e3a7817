"""Attribution: whom the outlet cites for a sentence.

Bengali news marks its sources in a few recurring ways, all listed as data
in ``data/attribution.yaml``:

* a speech or report verb whose subject is the source: "রয়টার্স
  জানিয়েছে", "এক বিবৃতিতে মন্ত্রণালয় জানায়", "..., জানিয়েছে রয়টার্স",
  "X দাবি করেছে" (a claim);
* a frame after a genitive source: "ক্রেমলিনের বরাতে", "সিউলের মতে",
  "দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থার তথ্য অনুযায়ী", "X-এর প্রতিবেদনে বলা
  হয়েছে"; a document frame without an owner ("এক প্রতিবেদনে বলা হয়েছে")
  cites the document;
* a lead before the source: "খবর রয়টার্সের", "সূত্র: এএফপি";
* a wire the sources module already reads as cited (ghotona.sources).

The source itself is a wire (``data/wires.yaml``), a linked actor mention
(the article's ``actor_mentions``), an unnamed source noun ("মার্কিন এক
কর্মকর্তা", "কূটনৈতিক সূত্র"), or a pronoun (তিনি) that
:func:`article_attributions` resolves to the speaker before it.  A sentence
inside a quotation takes the speaker of the quotation.

:func:`find_attributions` works on one sentence; :func:`article_attributions`
on a whole article (pronouns, quotations); :func:`claimant` picks, among a
sentence's attributions, the one a figure in it is credited to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

import regex
import yaml

from . import sources
from .errors import LanguageDataError
from .langdata import data_path, read_yaml_file, reject_repeated_keys
from .records import ActorMention, Article, Attribution
from .text.normalize import normalize

__all__ = [
    "AttributionData",
    "KINDS",
    "load_attribution_data",
    "find_attributions",
    "article_attributions",
    "claimant",
    "located_yaml",
    "read_located",
    "validate",
]

DATA_FILE = "attribution.yaml"
KINDS = ("wire", "actor", "official-unnamed", "media", "document", "outlet")
UNNAMED_KINDS = ("official-unnamed", "media", "document")

_L = r"(?<![\p{L}\p{M}])"
_R = r"(?![\p{L}\p{M}])"
_TAIL = r"[\p{L}\p{M}]*"
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


# --------------------------------------------------------------------------
# YAML with lines: every mapping and string remembers where it was written,
# so an error names the line to fix (shared with ghotona.claims).


class _Str(str):
    """A YAML string that remembers its line."""

    line: int = 0


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its line."""

    line: int = 0


class _LocatedLoader(yaml.SafeLoader):
    pass


def _construct_str(loader: _LocatedLoader, node: yaml.ScalarNode) -> _Str:
    s = _Str(loader.construct_scalar(node))
    s.line = node.start_mark.line + 1
    return s


def _construct_map(loader: _LocatedLoader, node: yaml.MappingNode) -> _Map:
    m = _Map()
    m.line = node.start_mark.line + 1
    yield m
    reject_repeated_keys(node)
    m.update(loader.construct_mapping(node, deep=True))


_LocatedLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_LocatedLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def read_located(path: str) -> Any:
    """Parse a YAML file; its strings and mappings carry ``.line`` (errors name file and line)."""
    return read_yaml_file(path, _LocatedLoader)


def located_yaml(name: str) -> tuple[Any, str]:
    """Parse ``ghotona/data/NAME`` with lines.  Returns (data, path)."""
    path = data_path(name)
    return read_located(path), path


def line_of(obj: Any, parent: Any = None) -> str:
    """'line N' for a located value (or its parent), for error messages."""
    for o in (obj, parent):
        n = getattr(o, "line", 0)
        if n:
            return f"line {n}"
    return "file"


class _Checker:
    """Typed access to a located YAML file; every error names the file and line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def err(self, obj: Any, problem: str, parent: Any = None) -> LanguageDataError:
        return LanguageDataError(self.path, line_of(obj, parent), problem)

    def mapping(self, obj: Any, keys: set[str], required: Iterable[str], parent: Any = None, what: str = "entry") -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise self.err(obj, f"{what} should be a mapping, got {type(obj).__name__}", parent)
        unknown = set(obj) - keys
        if unknown:
            raise self.err(obj, f"unknown key(s) {sorted(unknown)} in {what}; allowed: {sorted(keys)}", parent)
        missing = [k for k in required if k not in obj]
        if missing:
            raise self.err(obj, f"{what} lacks required key(s) {missing}", parent)
        return obj

    def words(self, obj: Any, what: str, parent: Any = None, allow_empty: bool = False) -> tuple[str, ...]:
        """A list of non-empty strings, normalised, without repeats."""
        if not isinstance(obj, list):
            raise self.err(obj, f"'{what}' should be a list of words, got {type(obj).__name__}", parent)
        out: list[str] = []
        for w in obj:
            if not isinstance(w, str) or not w.strip():
                raise self.err(w, f"'{what}' holds {w!r}; write a non-empty word", parent)
            n = normalize(w).strip()
            if n in out:
                raise self.err(w, f"'{what}' lists '{w}' twice", parent)
            out.append(n)
        if not out and not allow_empty:
            raise self.err(obj, f"'{what}' is empty", parent)
        return tuple(out)

    def flag(self, entry: dict[str, Any], key: str) -> bool:
        v = entry.get(key, False)
        if not isinstance(v, bool):
            raise self.err(entry, f"'{key}' should be true or false, got {v!r}")
        return v


def phrase_pattern(forms: Iterable[str]) -> str:
    """An alternation of phrases, longest first; a space matches any run of spaces."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"\s+".join(regex.escape(p) for p in f.split()) for f in uniq)


# --------------------------------------------------------------------------
# Data


@dataclass(frozen=True, slots=True)
class Frame:
    form: str
    claim: bool
    container: bool
    owner_any_case: bool


@dataclass(frozen=True, slots=True)
class Unnamed:
    form: str
    kind: str
    label: str


@dataclass(frozen=True, slots=True)
class AttributionData:
    """The validated contents of ``attribution.yaml`` (forms normalised)."""

    verbs: dict[str, bool]  # form -> claim
    complementizers: tuple[str, ...]
    frames: tuple[Frame, ...]
    leads: tuple[str, ...]
    fillers: tuple[str, ...]
    blockers: tuple[str, ...]
    unnamed: tuple[Unnamed, ...]
    modifiers: tuple[str, ...]
    pronouns: tuple[str, ...]
    plural_pronouns: tuple[str, ...]
    pointing_determiners: tuple[str, ...]
    pointing_heads: tuple[str, ...]
    anaphora: tuple[str, ...]
    after_name: dict[str, tuple[str, ...]]  # case -> endings after a known form
    word_guess: dict[str, tuple[str, ...]]  # case -> endings guessed on a word
    tails: tuple[str, ...]
    boundaries: str


_TOP = {"verbs", "complementizers", "frames", "leads", "fillers", "blockers", "unnamed", "modifiers", "pronouns", "anaphora", "endings",
        "tails", "boundaries"}
_CASES = {"genitive": "gen", "objective": "obj", "locative": "loc", "nominative": "nom"}


def validate(data: Any, path: str) -> AttributionData:
    """Check a parsed (located) attribution file and build its record."""
    c = _Checker(path)
    top = c.mapping(data, _TOP, _TOP, what="the file")
    verbs: dict[str, bool] = {}
    groups = c.mapping(top["verbs"], set(top["verbs"]) if isinstance(top["verbs"], dict) else set(), (), top, "verbs")
    for name, group in groups.items():
        g = c.mapping(group, {"claim", "forms"}, ("claim", "forms"), groups, f"verb group '{name}'")
        claim = c.flag(g, "claim")
        for f in c.words(g["forms"], f"verbs.{name}.forms", g):
            if f in verbs:
                raise c.err(g, f"verb '{f}' is listed twice")
            verbs[f] = claim
    if not verbs:
        raise c.err(groups, "no verbs: list at least one group with forms")
    frames: list[Frame] = []
    if not isinstance(top["frames"], list) or not top["frames"]:
        raise c.err(top["frames"], "'frames' should be a non-empty list of {form: ...} entries", top)
    seen: set[str] = set()
    for entry in top["frames"]:
        e = c.mapping(entry, {"form", "claim", "container", "owner_any_case"}, ("form",), top["frames"], "frame")
        (form,) = c.words([e["form"]], "frames.form", e)
        if form in seen:
            raise c.err(e, f"frame '{form}' is listed twice")
        seen.add(form)
        frames.append(Frame(form, c.flag(e, "claim"), c.flag(e, "container"), c.flag(e, "owner_any_case")))
    unnamed: list[Unnamed] = []
    if not isinstance(top["unnamed"], list):
        raise c.err(top["unnamed"], "'unnamed' should be a list of {form, kind, label} entries", top)
    seen = set()
    for entry in top["unnamed"]:
        e = c.mapping(entry, {"form", "kind", "label"}, ("form", "kind", "label"), top["unnamed"], "unnamed source")
        (form,) = c.words([e["form"]], "unnamed.form", e)
        if form in seen:
            raise c.err(e, f"unnamed source '{form}' is listed twice")
        seen.add(form)
        if e["kind"] not in UNNAMED_KINDS:
            raise c.err(e, f"kind '{e['kind']}' should be one of {list(UNNAMED_KINDS)}")
        label = e["label"]
        if not isinstance(label, str) or not label.startswith("~") or len(label) < 2:
            raise c.err(e, f"label {label!r} should start with '~', like ~officials")
        unnamed.append(Unnamed(form, str(e["kind"]), str(label)))
    pron_keys = {"singular", "plural", "pointing_determiners", "pointing_heads"}
    pron = c.mapping(top["pronouns"], pron_keys, pron_keys, top, "pronouns")
    endings = c.mapping(top["endings"], {"after_name", "word_guess"}, ("after_name", "word_guess"), top, "endings")
    parts = {"genitive", "objective", "locative"}
    after = c.mapping(endings["after_name"], parts, parts, endings, "endings.after_name")
    guess = c.mapping(endings["word_guess"], parts | {"nominative"}, parts | {"nominative"}, endings, "endings.word_guess")
    bounds = c.words(top["boundaries"], "boundaries", top)
    if any(len(b) != 1 for b in bounds):
        raise c.err(top["boundaries"], "each boundary should be one character", top)
    return AttributionData(
        verbs=verbs,
        complementizers=c.words(top["complementizers"], "complementizers", top),
        frames=tuple(frames),
        leads=c.words(top["leads"], "leads", top),
        fillers=c.words(top["fillers"], "fillers", top),
        blockers=c.words(top["blockers"], "blockers", top),
        unnamed=tuple(unnamed),
        modifiers=c.words(top["modifiers"], "modifiers", top),
        pronouns=c.words(pron["singular"], "pronouns.singular", pron),
        plural_pronouns=c.words(pron["plural"], "pronouns.plural", pron),
        pointing_determiners=c.words(pron["pointing_determiners"], "pronouns.pointing_determiners", pron),
        pointing_heads=c.words(pron["pointing_heads"], "pronouns.pointing_heads", pron),
        anaphora=c.words(top["anaphora"], "anaphora", top),
        after_name={_CASES[k]: c.words(v, f"endings.after_name.{k}", after) for k, v in after.items()},
        word_guess={_CASES[k]: c.words(v, f"endings.word_guess.{k}", guess) for k, v in guess.items()},
        tails=c.words(top["tails"], "tails", top),
        boundaries="".join(bounds),
    )


@lru_cache(maxsize=1)
def load_attribution_data() -> AttributionData:
    """The shipped cue data, validated (cached)."""
    data, path = located_yaml(DATA_FILE)
    return validate(data, path)


class _Index:
    """Compiled patterns over the cue data."""

    def __init__(self, d: AttributionData) -> None:
        self.d = d
        self.verb = regex.compile(rf"{_L}(?:{phrase_pattern(d.verbs)}){_R}")
        self.complementizer_tail = regex.compile(rf"{_L}(?:{phrase_pattern(d.complementizers)})\s*$")
        self.complementizer = regex.compile(rf"{_L}(?:{phrase_pattern(d.complementizers)}){_R}")
        self.verb_claim = {regex.sub(r"\s+", " ", f): c for f, c in d.verbs.items()}
        self.frame = regex.compile(rf"{_L}(?:{phrase_pattern(f.form for f in d.frames)}){_R}")
        self.frames = {f.form: f for f in d.frames}
        self.lead = regex.compile(rf"{_L}(?:{phrase_pattern(d.leads)}){_R}\s*[:ঃ]?\s*")
        self.filler_tail = regex.compile(rf"(?:{_L}(?:{phrase_pattern(d.fillers)})\s*)+$")
        self.blocker_tail = regex.compile(rf"{_L}(?:{phrase_pattern(d.blockers)})\s*$")
        self.unnamed = regex.compile(rf"{_L}(?P<form>{phrase_pattern(u.form for u in d.unnamed)})(?P<tail>{_TAIL})")
        self.unnamed_by_form = {u.form: u for u in d.unnamed}
        self.modifier_tail = regex.compile(rf"{_L}(?:{phrase_pattern(d.modifiers)})\s*$")
        self.pronoun = regex.compile(rf"{_L}(?:{phrase_pattern(d.pronouns + d.plural_pronouns)}){_R}")
        self.plural = frozenset(d.plural_pronouns)
        # "এ নেত্রী", "ওই সংসদ সদস্য প্রার্থী": a determiner, up to two words,
        # and a person noun point back to the person last cited, like তিনি.
        self.pointing = regex.compile(
            rf"{_L}(?:{phrase_pattern(d.pointing_determiners)})\s+(?:[\p{{L}}\p{{M}}]+\s+){{0,2}}?"
            rf"(?:{phrase_pattern(d.pointing_heads)})(?:ও|ই)?{_R}")
        self.anaphora = regex.compile(rf"{_L}(?:{phrase_pattern(d.anaphora)}){_R}")
        self.tails = set(d.tails) | {""}
        self.boundary = regex.compile("[" + regex.escape(d.boundaries) + "]")

    def case_of_tail(self, tail: str) -> str:
        """gen | obj | loc | nom for the exact ending after a known form."""
        for case, endings in self.d.after_name.items():
            if tail in endings:
                return case
        return "nom"

    def case_of_word(self, word: str) -> str:
        """The case a word's ending suggests, longest ending first (a subject on a tie)."""
        best, length = "nom", 0
        for case, endings in self.d.word_guess.items():
            for e in endings:
                if word.endswith(e) and (len(e) > length or len(e) == length and case == "nom"):
                    best, length = case, len(e)
        return best


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(load_attribution_data())


# --------------------------------------------------------------------------
# Sentence level


@dataclass(slots=True)
class _Ent:
    """A candidate source in sentence-local offsets."""

    start: int
    end: int
    kind: str  # wire | media | outlet | actor | official-unnamed | document | pronoun
    case: str  # nom | gen | obj | loc
    actor_id: str | None = None
    name_en: str | None = None
    wire_id: str | None = None
    label: str | None = None
    affiliation: str | None = None
    named: bool = True
    person: bool = False
    place: bool = False
    demonym: bool = False


def _dictionary() -> Any:
    from .actors.dictionary import load_dictionary

    return load_dictionary()


def _actor_case(idx: _Index, m: ActorMention, text: str, dictionary: Any) -> str:
    """Case of a mention: split off the ending against the actor's own forms, else guess from the last word."""
    actor = dictionary.actors.get(m.actor_id) if m.actor_id else None
    if m.how == "demonym":
        return "nom"  # মার্কিন: an adjective; its noun decides
    if actor is not None and m.how != "role":
        for form in sorted(actor.bengali_forms(), key=len, reverse=True):
            if form and text.startswith(form):
                return idx.case_of_tail(text[len(form):].lstrip("-‐’'"))
        last = text.split()[-1] if text.split() else text
        for form in sorted(actor.bengali_forms(), key=len, reverse=True):
            lw = form.split()[-1] if form.split() else form
            if lw and last.startswith(lw):
                return idx.case_of_tail(last[len(lw):].lstrip("-‐’'"))
    words = text.split()
    return idx.case_of_word(words[-1] if words else text)


def _wire_case(idx: _Index, wire_id: str, text: str) -> str:
    w = sources.wire_by_id(wire_id)
    for alias in sorted(w.aliases if w else (), key=len, reverse=True):
        a = normalize(alias)
        if text.startswith(a):
            return idx.case_of_tail(text[len(a):].lstrip("-‐’'"))
    return idx.case_of_word(text)


def _overlaps(a: _Ent | tuple[int, int], s: int, e: int) -> bool:
    a0, a1 = (a.start, a.end) if isinstance(a, _Ent) else a
    return a0 < e and s < a1


def _entities(
    idx: _Index, s: str, offset: int, mentions: Sequence[ActorMention], wire_sources: Sequence[str], outlet_id: str | None
) -> list[_Ent]:
    dictionary = _dictionary()
    ents: list[_Ent] = []
    own = sources.wires_of_outlet(outlet_id) if outlet_id else frozenset()
    for w in sources.find_wire_mentions(s):
        if w.context == sources.PHOTO:
            continue
        wire = sources.wire_by_id(w.wire_id)
        kind = "outlet" if w.wire_id in own else ("wire" if wire and wire.kind == "wire" else "media")
        start = w.start
        if w.descriptor:
            d = s.rfind(w.descriptor, 0, w.start)
            start = d if d >= 0 and not s[d + len(w.descriptor):w.start].strip(" ,:") else w.start
        ents.append(_Ent(start, w.end, kind, _wire_case(idx, w.wire_id, s[w.start:w.end]), wire_id=w.wire_id,
                         name_en=wire.name_en if wire else None))
    end = offset + len(s)
    local = [m for m in mentions if m.start >= offset and m.end <= end]
    merged: list[tuple[int, int, ActorMention]] = []
    for m in sorted(local, key=lambda m: m.start):
        a, b = m.start - offset, m.end - offset
        if any(_overlaps(e, a, b) for e in ents):
            continue
        # A role and the name after it are one source: রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন.
        if merged and m.actor_id and merged[-1][2].actor_id == m.actor_id and not s[merged[-1][1]:a].strip():
            merged[-1] = (merged[-1][0], b, m)
            continue
        merged.append((a, b, m))
    for a, b, m in merged:
        ents.append(_Ent(a, b, "actor", _actor_case(idx, m, s[a:b], dictionary), actor_id=m.actor_id, name_en=m.name_en,
                         named=True, person=m.type == "person", place=m.type == "place",
                         demonym=m.how == "demonym"))
    if len(wire_sources) == 1:
        wire = sources.wire_by_id(wire_sources[0])
        for an in idx.anaphora.finditer(s):
            if wire and not any(_overlaps(e, an.start(), an.end()) for e in ents):
                kind = "outlet" if wire.id in own else ("wire" if wire.kind == "wire" else "media")
                ents.append(_Ent(an.start(), an.end(), kind, "nom", wire_id=wire.id, name_en=wire.name_en))
    for u in idx.unnamed.finditer(s):
        tail = u.group("tail")
        if tail not in idx.tails:
            continue
        a, b = u.start(), u.end()
        if any(_overlaps(e, a, b) for e in ents):
            continue
        info = idx.unnamed_by_form[regex.sub(r"\s+", " ", u.group("form"))]
        ents.append(_Ent(a, b, info.kind, idx.case_of_tail(tail), label=info.label, named=False))
    for p in (*idx.pronoun.finditer(s), *idx.pointing.finditer(s)):
        if not any(_overlaps(e, p.start(), p.end()) for e in ents):
            ents.append(_Ent(p.start(), p.end(), "pronoun", "nom", named=False, person=True))
    ents.sort(key=lambda e: e.start)
    return _absorb_modifiers(idx, s, ents)


def _absorb_modifiers(idx: _Index, s: str, ents: list[_Ent]) -> list[_Ent]:
    """Join what stands before a source noun into it: "মার্কিন এক কর্মকর্তা", "পুতিনের মুখপাত্র".

    An unnamed source takes the modifier words before it into its span.  A
    genitive name, or a demonym, right before a source (after those
    modifiers) joins it too; for an unnamed source it becomes the
    affiliation ("মার্কিন এক কর্মকর্তা": United States).
    """
    out: list[_Ent] = []
    for e in ents:
        if not e.named and e.kind != "pronoun":
            while True:
                m = idx.modifier_tail.search(s, 0, e.start)
                if not m or m.start() == e.start:
                    break
                e.start = m.start()
        if out:
            prev = out[-1]
            joined = prev.end <= e.start and not s[prev.end:e.start].strip(" -‐")
            modifier = prev.kind == "actor" and (prev.case == "gen" or prev.demonym)
            if not joined and modifier and not e.named and e.kind != "pronoun" and prev.end <= e.start:
                # "ইউক্রেনের জরুরি সেবা দপ্তর": an unnamed source noun heads a compound of up to two
                # plain words, and the genitive before the compound is still whose it is.
                joined = _compound_gap(idx, s[prev.end:e.start])
            if joined and modifier and e.kind != "pronoun" and not (prev.person and e.person):
                if not e.named:
                    e.affiliation = e.affiliation or prev.name_en
                e.start = prev.start
                out.pop()
        out.append(e)
    return out


def _compound_gap(idx: _Index, gap: str) -> bool:
    """Whether ``gap`` is one or two plain words of a compound noun: no boundary, verb,
    complementizer or word in a case ending of its own."""
    words = gap.split()
    return 0 < len(words) <= 2 and not idx.boundary.search(gap) and not idx.verb.search(gap) \
        and not idx.complementizer.search(gap) and all(idx.case_of_word(w) == "nom" for w in words)


def _clause_start(idx: _Index, s: str, pos: int) -> int:
    last = -1
    for m in idx.boundary.finditer(s, 0, pos):
        # A comma inside a number (৬,০০০) does not end a clause.
        if m.group() == "," and 0 < m.start() < len(s) - 1 and s[m.start() - 1].isdigit() and s[m.start() + 1].isdigit():
            continue
        last = m.end()
    return max(last, 0)


def _clause_end(idx: _Index, s: str, pos: int) -> int:
    m = idx.boundary.search(s, pos)
    return m.start() if m else len(s)


_LIST_GAP = regex.compile(r"\s*(?:ও|এবং|,)\s*")  # what joins two names of one list


def _subject(idx: _Index, s: str, ents: list[_Ent], v0: int, v1: int) -> list[_Ent]:
    """The subject(s) of the verb at [v0, v1): before it in its clause, else right after it.

    After a complementizer ("... দেবে বলে জানিয়েছেন মন্ত্রী") what stands
    before the verb is the content, so the words after it are tried first.
    """
    if idx.complementizer_tail.search(s, 0, v0):
        after = _subject_after(idx, s, ents, v1)
        if after:
            return after
    c0 = _clause_start(idx, s, v0)
    # "... সংঘর্ষে ১৭ জন নিহত হয়েছেন বলে পুলিশ জানিয়েছে": what stands before the complementizer
    # is the content; the subject is between it and the verb (or after the verb).
    said = [m.end() for m in idx.complementizer.finditer(s, c0, v0)]
    if said:
        c0 = said[-1]
    before = [e for e in ents if e.start >= c0 and e.end <= v0]
    noms = [e for e in before if e.case == "nom"]
    chosen: list[_Ent] = []
    if noms:
        first = noms[0]
        # Apposition: "মুখপাত্র দিমিত্রি পেসকভ" -- the named one is the source.
        nxt = next((e for e in noms if e.start >= first.end), None)
        if nxt is not None and not first.named and nxt.named and not s[first.end:nxt.start].strip():
            first = nxt
        # A bare place opening a title chain qualifies it: "ময়মনসিংহ দক্ষিণ জেলা বিএনপির সদস্য
        # X বলেন" -- X speaks, not Mymensingh (which would read as Bangladesh's government).
        if first.place:
            head = next((e for e in noms if e.start >= first.end and e.named and not e.place
                         and not _LIST_GAP.fullmatch(s[first.end:e.start])), None)
            first = head or first
        chosen.append(first)
        # Coordinated subjects: "ইরান ও রাশিয়া জানিয়েছে".
        for e in noms:
            if e.start > first.end and _LIST_GAP.fullmatch(s[chosen[-1].end:e.start]):
                chosen.append(e)
        return chosen
    return _subject_after(idx, s, ents, v1)


def _subject_after(idx: _Index, s: str, ents: list[_Ent], v1: int) -> list[_Ent]:
    """A subject written after its verb ("..., জানিয়েছে রয়টার্স"), within a few words."""
    c1 = _clause_end(idx, s, v1)
    after = [e for e in ents if e.start >= v1 and e.end <= c1 and e.case == "nom"]
    if after and len(_WORD.findall(s[v1:after[0].start])) <= 3:
        return [after[0]]
    return []


def _owner(idx: _Index, s: str, ents: list[_Ent], c0: int, any_case: bool) -> _Ent | None:
    """The genitive source ending right before a frame (fillers may stand between)."""
    pos = c0
    head = s[:pos].rstrip()
    f = idx.filler_tail.search(head)
    if f:
        head = head[: f.start()].rstrip()
    head = head.rstrip("-‐ ")
    for e in ents:
        if e.end == len(head) or (e.end <= len(head) and not head[e.end:].strip("-‐ ")):
            if e.kind != "pronoun" and (e.case == "gen" or any_case):
                return e
    return None


def _listed_with(s: str, ents: list[_Ent], last: _Ent) -> list[_Ent]:
    """The names listed before ``last`` by ও, এবং or a comma, first first: in "দক্ষিণ কোরিয়া ও
    পশ্চিমা গোয়েন্দা সংস্থাগুলোর তথ্যমতে" the genitive ending of the last name serves the list."""
    out: list[_Ent] = []
    while True:
        e = next((e for e in ents if e.end <= last.start and e.kind != "pronoun" and e.case == "nom"
                  and _LIST_GAP.fullmatch(s[e.end:last.start])), None)
        if e is None:
            return out[::-1]
        out.append(e)
        last = e


def _to_record(e: _Ent, s: str, offset: int, cue: tuple[int, int], claim: bool, how: str, conf: float) -> Attribution:
    kind = e.kind
    actor_id, name_en = e.actor_id, e.name_en
    if e.place and actor_id:
        # A city that speaks is its government: "সিউলের মতে" -> South Korea.
        actor_id, name_en = _country_of_place(actor_id) or (actor_id, name_en)
    if kind == "pronoun":
        kind, how = "actor", "pronoun"
    return Attribution(
        start=offset + e.start, end=offset + e.end, text=s[e.start:e.end], kind=kind,
        cue=s[cue[0]:cue[1]], cue_start=offset + cue[0], cue_end=offset + cue[1], claim=claim,
        sentence_start=offset, sentence_end=offset + len(s),
        actor_id=actor_id, name_en=name_en, wire_id=e.wire_id, label=e.label, affiliation=e.affiliation,
        how=how, confidence=conf,
    )


@lru_cache(maxsize=512)
def _country_of_place(place_id: str) -> tuple[str, str] | None:
    d = _dictionary()
    place = d.actors.get(place_id)
    code = getattr(place, "parent", None)
    country = d.country(code) if code else None
    return (country.id, country.name_en) if country else None


def find_attributions(
    sentence: str,
    offset: int,
    mentions: Sequence[ActorMention] = (),
    wire_sources: Sequence[str] = (),
    *,
    outlet_id: str | None = None,
) -> list[Attribution]:
    """The sources a sentence cites, in order.

    ``sentence`` is normalised text starting at ``offset`` in the article
    body; ``mentions`` are the article's actor mentions (body offsets; those
    outside the sentence are ignored); ``wire_sources`` the article's cited
    wire ids (they resolve "বার্তা সংস্থাটি" when there is exactly one);
    ``outlet_id`` marks the publishing outlet's own name as kind ``outlet``.
    A pronoun subject comes back unresolved (``how="pronoun"``, no id);
    :func:`article_attributions` resolves it.
    """
    idx = _index()
    s = sentence
    ents = _entities(idx, s, offset, mentions, wire_sources, outlet_id)
    found: list[Attribution] = []
    used: set[tuple[int, int]] = set()

    def add(e: _Ent, cue: tuple[int, int], claim: bool, how: str, conf: float) -> None:
        if (e.start, e.end) in used:
            return
        used.add((e.start, e.end))
        found.append(_to_record(e, s, offset, cue, claim, how, conf))

    verbs = list(idx.verb.finditer(s))
    for v in verbs:
        if idx.blocker_tail.search(s, 0, v.start()):
            continue
        claim = idx.verb_claim.get(regex.sub(r"\s+", " ", v.group()), False)
        for e in _subject(idx, s, ents, v.start(), v.end()):
            add(e, v.span(), claim, "verb", 0.9 if e.named else 0.7)
    for fr in idx.frame.finditer(s):
        if any(_overlaps(fr.span(), v.start(), v.end()) for v in verbs):
            continue
        info = idx.frames[regex.sub(r"\s+", " ", fr.group())]
        owner = _owner(idx, s, ents, fr.start(), info.owner_any_case)
        if owner is None:
            # The frame word may itself be the source: "কূটনৈতিক সূত্রে".
            owner = next((e for e in ents if e.kind in UNNAMED_KINDS and _overlaps(e, fr.start(), fr.end()) and e.end <= fr.end()), None)
        if owner is not None:
            for e in _listed_with(s, ents, owner) + [owner]:
                add(e, fr.span(), info.claim, "frame", 0.9 if e.named else 0.7)
        elif info.container:
            doc = next((e for e in ents if e.kind == "document" and _overlaps(e, fr.start(), fr.end())), None)
            e = doc or _Ent(fr.start(), fr.end(), "document", "loc", label="~report", named=False)
            add(e, fr.span(), info.claim, "frame", 0.5)
    for ld in idx.lead.finditer(s):
        # "খবর রয়টার্সের", "সূত্র: এএফপি"; not "সূত্র নিউইয়র্ক টাইমসকে জানিয়েছে" (a source told the paper).
        e = next((e for e in ents if e.start == ld.end() and e.kind != "pronoun" and e.case in ("nom", "gen")), None)
        if e is not None:
            add(e, (ld.start(), ld.start() + len(ld.group().rstrip(" :ঃ"))), False, "lead", 0.9)
    for w in sources.find_wire_mentions(s):
        if w.context == sources.SOURCE:
            e = next((e for e in ents if e.wire_id == w.wire_id and e.start <= w.start < e.end), None)
            if e is not None:
                # "বিবিসিকে বলেন": the wire carried the words; whoever spoke is the better source.
                add(e, (w.start, w.start), False, "wire", 0.6 if e.case == "obj" else 0.8)
    # A document frame without an owner cites the document only when nothing
    # else in the sentence is cited ("এক বিবৃতিতে মন্ত্রণালয় জানায়").
    if any(a.kind != "document" or a.actor_id or a.wire_id for a in found):
        found = [a for a in found if not (a.kind == "document" and not a.actor_id and not a.wire_id)]
    found.sort(key=lambda a: (a.start, a.cue_start))
    return found


# --------------------------------------------------------------------------
# Article level

_OPEN_QUOTES = "‘“"
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_CLOSE_QUOTES = "’”"


def _quote_depth_changes(text: str) -> list[tuple[int, int]]:
    """(position, +1/-1) for each quotation mark; an apostrophe inside a word (বিবিসি’কে) is skipped."""
    out: list[tuple[int, int]] = []
    straight_open = False
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            out.append((i, 1))
        elif ch in _CLOSE_QUOTES:
            if 0 < i < len(text) - 1 and _LETTER.match(text[i - 1]) and _LETTER.match(text[i + 1]):
                continue  # an apostrophe: বিবিসি’কে
            out.append((i, -1))
        elif ch == '"':
            straight_open = not straight_open
            out.append((i, 1 if straight_open else -1))
    return out


def article_attributions(article: Article) -> list[Attribution]:
    """Every attribution in the article body, with pronouns and quotations resolved.

    A pronoun subject (তিনি) takes the last named person cited before it in
    the same or the previous paragraph, else the last person mentioned
    there; a plural one (তারা) the last source cited.  A sentence inside a
    quotation without a source of its own takes the speaker of the
    quotation: the source of the sentence that closes it, else of the one
    that opens it.
    """
    body = article.body
    sents = [(pi, s) for pi, p in enumerate(article.paragraphs) for s in p.sentences]
    per: list[list[Attribution]] = []
    for _, s in sents:
        per.append(find_attributions(body[s.start:s.end], s.start, article.actor_mentions, article.wire_sources,
                                     outlet_id=article.outlet_id))
    idx = _index()
    persons = sorted((m for m in article.actor_mentions if m.type == "person" and m.actor_id), key=lambda m: m.start)
    for i, (pi, s) in enumerate(sents):
        for k, a in enumerate(per[i]):
            if a.how != "pronoun" or a.actor_id:
                continue
            plural = a.text in idx.plural
            prev = [b for j in range(i, -1, -1) if sents[j][0] >= pi - 1 for b in reversed(per[j])
                    if b.start < a.start and b.how != "pronoun" and (b.actor_id or b.label)]
            person_ids = {m.actor_id for m in persons}
            # তিনি is a person; তারা a group: officials, a ministry, a country.
            prev = [b for b in prev if (b.actor_id in person_ids) != plural]
            ref = prev[0] if prev else None
            if ref is None and not plural:
                lo = article.paragraphs[max(pi - 1, 0)].start
                cands = [m for m in persons if lo <= m.start < a.start]
                if cands:
                    m = cands[-1]
                    per[i][k] = replace(a, actor_id=m.actor_id, name_en=m.name_en, confidence=0.6)
                continue
            if ref is not None:
                per[i][k] = replace(a, kind=ref.kind, actor_id=ref.actor_id, name_en=ref.name_en, wire_id=ref.wire_id,
                                    label=ref.label, affiliation=ref.affiliation, confidence=min(ref.confidence, 0.7))
    # Quotations spanning sentences: a sentence that opens, continues or
    # closes a quotation and cites nobody itself takes the quotation's speaker.
    for pi in range(len(article.paragraphs)):
        depth = 0
        opener: int | None = None
        inside: list[int] = []
        for i in (i for i, (q, _) in enumerate(sents) if q == pi):
            s = sents[i][1]
            start_depth = depth
            for _, d in _quote_depth_changes(body[s.start:s.end]):
                depth = max(depth + d, 0)
            if start_depth == 0 and depth > 0:
                opener = i
            if (start_depth > 0 or depth > 0) and not per[i]:
                inside.append(i)
            if depth == 0 and inside:
                speaker = [a for a in per[i] if a.how in ("verb", "pronoun")]
                if not speaker and opener is not None:
                    speaker = [a for a in per[opener] if a.how in ("verb", "pronoun")]
                for j in inside:
                    s2 = sents[j][1]
                    per[j] = [replace(a, how="quote", sentence_start=s2.start, sentence_end=s2.end,
                                      confidence=a.confidence * 0.9) for a in speaker[:1]]
                inside = []
            if depth == 0:
                opener = None
    return [a for group in per for a in group]


_RANK = {"actor": 0, "official-unnamed": 0, "document": 1, "media": 2, "wire": 2, "outlet": 3}


def claimant(attributions: Sequence[Attribution], pos: int) -> Attribution | None:
    """The source a figure at body offset ``pos`` is credited to, among its sentence's attributions.

    The original source beats the one relaying it: in "ক্রেমলিনের বরাতে
    রয়টার্স জানিয়েছে" the figure is the Kremlin's.  Among equals, the
    nearest to the figure wins.
    """
    if not attributions:
        return None
    return min(attributions, key=lambda a: (_RANK.get(a.kind, 3), abs(a.start - pos)))
