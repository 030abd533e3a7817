"""The event ontology: PLOVER types, modes and contexts, and the CAMEO crosswalk.

The data lives in ``data/events/plover.yaml`` (see ``docs/ontology.md``); this
module loads it, validates every entry on load, and answers questions about
it.  A broken entry is a :class:`~ghotona.errors.LanguageDataError` naming the
file and the line: an unknown key, an unknown type, mode or context, a
malformed CAMEO code (two to four digits, root 01-20), or a CAMEO code mapped
twice.

Crosswalk rules:

* export -- :meth:`Ontology.cameo_for` gives the mode's CAMEO code when the
  mode has one, else the type's;
* import -- :meth:`Ontology.plover_for` looks the code up in ``cameo_import``,
  falling back to its longest listed prefix (``1831`` -> ``183`` -> ``18``),
  and returns ``None`` for categories PLOVER dropped (CAMEO 01, 02).

Every export code is checked on load to import back to the same type, so a
round trip never changes the type (the mode may be coarser, e.g. PROTEST
general and strike both export as 143, which imports as boycott).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping

import regex
import yaml

from ..errors import LanguageDataError
from ..langdata import BaseLoader, data_path, read_yaml_file, reject_repeated_keys, strict_scalars

__all__ = [
    "ONTOLOGY_FILE",
    "Mode",
    "EventType",
    "Context",
    "SpecialContext",
    "Quad",
    "CameoMapping",
    "Ontology",
    "load_ontology",
    "parse_cameo",
    "LineLoader",
    "line_of",
]

ONTOLOGY_FILE = "events/plover.yaml"

_TYPE_RE = regex.compile(r"[A-Z]+")
# PLOVER writes modes lower case with hyphens; one manual mode (sideAB) keeps
# an upper-case tail, so a capital is allowed after the first letter.
_MODE_RE = regex.compile(r"[a-z][a-zA-Z]*(?:-[a-z][a-zA-Z]*)*")
_CONTEXT_RE = regex.compile(r"[a-z]+(?:_[a-z]+)*")
# Two to four digits; the two-digit root is a CAMEO cue category, 01 to 20.
_CAMEO_RE = regex.compile(r"(?:0[1-9]|1[0-9]|20)[0-9]{0,2}")


# --------------------------------------------------------------------------
# YAML with line numbers (shared with events/lexicon.py)


class _Map(dict):
    """A YAML mapping that remembers the line it starts on."""

    line: int = 0


class _Seq(list):
    """A YAML sequence that remembers the line of each item."""

    lines: list[int]


class LineLoader(BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that records lines, rejects repeated keys, and reads only
    true/false as booleans (``mode: no`` must not become False)."""


strict_scalars(LineLoader)


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Map:
    reject_repeated_keys(node)
    out = _Map(yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=True))
    out.line = node.start_mark.line + 1
    return out


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_sequence(node, deep=True))
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def line_of(value: Any, fallback: int = 0) -> int:
    """The line a loaded mapping starts on (``fallback`` for anything else)."""
    return getattr(value, "line", fallback) or fallback


class Checker:
    """Raises errors that name the file and the line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def err(self, line: int | str, problem: str) -> LanguageDataError:
        where = f"line {line}" if isinstance(line, int) and line else (line or "file")
        return LanguageDataError(self.path, str(where), problem)

    def mapping(self, value: Any, line: int, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.err(line, f"{what} should be a mapping, got {type(value).__name__}")
        return value

    def seq(self, value: Any, line: int, what: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.err(line, f"{what} should be a list, got {type(value).__name__}")
        return value

    def keys(self, entry: dict[str, Any], required: Iterable[str], optional: Iterable[str] = ()) -> None:
        req = set(required)
        allowed = req | set(optional)
        unknown = set(entry) - allowed
        if unknown:
            raise self.err(line_of(entry), f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
        missing = sorted(req - set(entry))
        if missing:
            raise self.err(line_of(entry), f"missing required key(s) {missing}")

    def text(self, entry: dict[str, Any], key: str, *, null: bool = False) -> str | None:
        value = entry.get(key)
        if value is None and null:
            return None
        if not isinstance(value, str) or not value.strip():
            want = "a non-empty string" + (" or null" if null else "")
            raise self.err(line_of(entry), f"'{key}' should be {want}, got {value!r}")
        return value.strip()

    def name(self, entry: dict[str, Any], key: str, pattern: regex.Pattern[str], what: str) -> str:
        value = self.text(entry, key)
        assert value is not None
        if not pattern.fullmatch(value):
            raise self.err(line_of(entry), f"{what} {value!r} is malformed (expected the form {pattern.pattern})")
        return value

    def cameo(self, value: Any, line: int, key: str = "cameo") -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise self.err(line, f"'{key}' {value!r} was read as a number: write CAMEO codes in quotes, e.g. \"030\"")
        if not isinstance(value, str) or not _CAMEO_RE.fullmatch(value):
            raise self.err(line, f"'{key}' {value!r} is not a CAMEO code: 2 to 4 digits with a root from 01 to 20")
        return value


# --------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Mode:
    """How an event of a type was done (CONSULT phone, ASSAULT firearms ...).

    ``extension`` modes are ghotona's additions; ``plover_mode`` names the
    manual's mode a strict PLOVER export uses instead.
    """

    name: str
    description: str
    name_bn: str | None = None
    cameo: str | None = None
    extension: bool = False
    plover_mode: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    name_bn: str
    description: str
    quad: int
    score: float
    requires_recipient: bool
    cameo: str
    modes: tuple[Mode, ...] = ()
    former_names: tuple[str, ...] = ()
    note: str | None = None

    def mode(self, name: str) -> Mode | None:
        for m in self.modes:
            if m.name == name:
                return m
        return None


@dataclass(frozen=True, slots=True)
class Context:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class SpecialContext:
    """One of PLOVER's historical/future/hypothetical/negation contexts and
    the ghotona event status that stands for it."""

    name: str
    status: str
    description: str


@dataclass(frozen=True, slots=True)
class Quad:
    id: int
    name: str
    name_bn: str


@dataclass(frozen=True, slots=True)
class CameoMapping:
    """One row of the import table.  ``type`` is None for categories PLOVER
    dropped; ``reverse`` means CAMEO's source is PLOVER's recipient."""

    code: str
    type: str | None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    reverse: bool = False
    note: str | None = None
    line: int = 0


def parse_cameo(code: str) -> str:
    """``code`` stripped and checked: 2 to 4 digits with a root 01-20, else ValueError."""
    if not isinstance(code, str):
        raise ValueError(f"a CAMEO code is a string such as '0311', got {code!r}")
    c = code.strip()
    if not _CAMEO_RE.fullmatch(c):
        raise ValueError(f"{code!r} is not a CAMEO code: give 2 to 4 digits with a root from 01 to 20, e.g. '042'")
    return c


@dataclass(frozen=True)
class Ontology:
    """The validated contents of ``plover.yaml``.  Build it with :func:`load_ontology`."""

    path: str
    version: str
    types: Mapping[str, EventType]
    contexts: Mapping[str, Context]
    special_contexts: Mapping[str, SpecialContext]
    quads: Mapping[int, Quad]
    cameo_table: Mapping[str, CameoMapping]
    _former: Mapping[str, str] = field(default_factory=dict, repr=False)

    # -- lookups -----------------------------------------------------------

    def canonical_type(self, name: str) -> str | None:
        """``name`` if it is a type, the current name if it is a former one (DEMAND -> REQUEST), else None."""
        key = name.strip().upper()
        if key in self.types:
            return key
        return self._former.get(key)

    def _type(self, name: str) -> EventType:
        t = self.types.get(name)
        if t is None:
            hint = f" (now called {self._former[name]})" if name in self._former else ""
            raise ValueError(f"unknown PLOVER type {name!r}{hint}; known types: {', '.join(self.types)}")
        return t

    def modes(self, type: str) -> tuple[Mode, ...]:
        """The modes of ``type`` (empty for types without modes); ValueError for an unknown type."""
        return self._type(type).modes

    def is_valid(self, type: str, mode: str | None = None, context: str | None = None) -> bool:
        """Whether ``type`` is a type, ``mode`` (if given) one of its modes, and
        ``context`` (if given) a general context."""
        t = self.types.get(type)
        if t is None:
            return False
        if mode is not None and t.mode(mode) is None:
            return False
        if context is not None and context not in self.contexts:
            return False
        return True

    def strict_mode(self, type: str, mode: str | None) -> str | None:
        """The manual's mode for ``mode``: itself, or the mode an extension stands in for."""
        if mode is None:
            return None
        m = self._type(type).mode(mode)
        if m is None:
            raise ValueError(f"{mode!r} is not a mode of {type}; modes: {', '.join(x.name for x in self.modes(type)) or 'none'}")
        return m.plover_mode if m.extension else m.name

    # -- crosswalk -----------------------------------------------------------

    def cameo_for(self, type: str, mode: str | None = None) -> str:
        """The CAMEO code to export ``type`` (and ``mode``) as."""
        t = self._type(type)
        if mode is None:
            return t.cameo
        m = t.mode(mode)
        if m is None:
            raise ValueError(f"{mode!r} is not a mode of {type}; modes: {', '.join(x.name for x in t.modes) or 'none'}")
        return m.cameo or t.cameo

    def cameo_mapping(self, code: str) -> CameoMapping | None:
        """The import row that decides ``code``: the code itself or its longest listed prefix."""
        c = parse_cameo(code)
        for n in range(len(c), 1, -1):
            row = self.cameo_table.get(c[:n])
            if row is not None:
                return row
        return None

    def plover_for(self, cameo_code: str) -> tuple[str, str | None] | None:
        """(type, mode or None) for a CAMEO code; None when PLOVER dropped its category.

        ValueError for a string that is not a CAMEO code.
        """
        row = self.cameo_mapping(cameo_code)
        if row is None or row.type is None:
            return None
        return row.type, row.mode


# --------------------------------------------------------------------------
# Parsing and validation

_TOP_KEYS = ("version", "quads", "contexts", "special_contexts", "types", "cameo_import")
_TYPE_KEYS = ("name", "name_bn", "quad", "score", "requires_recipient", "cameo", "description", "modes")
_TYPE_OPTIONAL = ("former_names", "note")
_MODE_KEYS = ("name", "description")
_MODE_OPTIONAL = ("name_bn", "cameo", "extension", "plover_mode", "note")
_ROW_KEYS = ("cameo", "type")
_ROW_OPTIONAL = ("mode", "contexts", "reverse", "note")


def parse_ontology(data: Any, path: str) -> Ontology:
    """Validate parsed YAML (loaded with :class:`LineLoader`) and build the :class:`Ontology`."""
    ck = Checker(path)
    top = ck.mapping(data, 1, "the file")
    ck.keys(top, _TOP_KEYS)
    version = ck.text(top, "version")
    assert version is not None

    quads: dict[int, Quad] = {}
    for q in ck.seq(top["quads"], line_of(top, 1), "'quads'"):
        q = ck.mapping(q, line_of(top, 1), "a quad")
        ck.keys(q, ("id", "name", "name_bn"))
        qid = q["id"]
        if not isinstance(qid, int) or isinstance(qid, bool) or qid in quads:
            raise ck.err(line_of(q), f"quad id should be a new integer, got {qid!r}")
        quads[qid] = Quad(qid, ck.text(q, "name") or "", ck.text(q, "name_bn") or "")

    contexts: dict[str, Context] = {}
    for c in ck.seq(top["contexts"], line_of(top, 1), "'contexts'"):
        c = ck.mapping(c, line_of(top, 1), "a context")
        ck.keys(c, ("name", "description"))
        name = ck.name(c, "name", _CONTEXT_RE, "context name")
        if name in contexts:
            raise ck.err(line_of(c), f"context {name!r} is listed twice")
        contexts[name] = Context(name, ck.text(c, "description") or "")

    special: dict[str, SpecialContext] = {}
    for c in ck.seq(top["special_contexts"], line_of(top, 1), "'special_contexts'"):
        c = ck.mapping(c, line_of(top, 1), "a special context")
        ck.keys(c, ("name", "status", "description"))
        name = ck.name(c, "name", _CONTEXT_RE, "context name")
        if name in special or name in contexts:
            raise ck.err(line_of(c), f"context {name!r} is listed twice")
        special[name] = SpecialContext(name, ck.text(c, "status") or "", ck.text(c, "description") or "")

    def check_contexts(entry: dict[str, Any]) -> tuple[str, ...]:
        raw = entry.get("contexts") or []
        out: list[str] = []
        for ctx in ck.seq(raw, line_of(entry), "'contexts'"):
            if ctx not in contexts:
                hint = " (a special context: ghotona records it as the event's status)" if ctx in special else ""
                raise ck.err(line_of(entry), f"unknown context {ctx!r}{hint}; known: {', '.join(contexts)}")
            if ctx not in out:
                out.append(ctx)
        return tuple(out)

    types: dict[str, EventType] = {}
    former: dict[str, str] = {}
    type_lines: dict[str, int] = {}
    for t in ck.seq(top["types"], line_of(top, 1), "'types'"):
        t = ck.mapping(t, line_of(top, 1), "a type")
        ck.keys(t, _TYPE_KEYS, _TYPE_OPTIONAL)
        line = line_of(t)
        name = ck.name(t, "name", _TYPE_RE, "type name")
        if name in types or name in former:
            raise ck.err(line, f"type {name!r} is listed twice")
        quad = t["quad"]
        if quad not in quads:
            raise ck.err(line, f"quad {quad!r} of {name} is not one of the quads {sorted(quads)}")
        score = t["score"]
        if not isinstance(score, (int, float)) or isinstance(score, bool) or not -10 <= score <= 10:
            raise ck.err(line, f"score of {name} should be a number from -10 to 10, got {score!r}")
        rr = t["requires_recipient"]
        if not isinstance(rr, bool):
            raise ck.err(line, f"requires_recipient of {name} should be true or false, got {rr!r}")
        modes: list[Mode] = []
        for m in ck.seq(t["modes"] or [], line, f"modes of {name}"):
            m = ck.mapping(m, line, f"a mode of {name}")
            ck.keys(m, _MODE_KEYS, _MODE_OPTIONAL)
            mname = ck.name(m, "name", _MODE_RE, "mode name")
            if any(x.name == mname for x in modes):
                raise ck.err(line_of(m), f"mode {mname!r} of {name} is listed twice")
            ext = m.get("extension", False)
            if not isinstance(ext, bool):
                raise ck.err(line_of(m), f"'extension' should be true or false, got {ext!r}")
            pm = ck.text(m, "plover_mode", null=True)
            if ext and pm is None:
                raise ck.err(line_of(m), f"extension mode {mname!r} needs 'plover_mode': the manual's mode to export it as")
            if pm is not None and not ext:
                raise ck.err(line_of(m), f"'plover_mode' is only for extension modes; {mname!r} is the manual's own")
            modes.append(Mode(
                name=mname,
                description=ck.text(m, "description") or "",
                name_bn=ck.text(m, "name_bn", null=True),
                cameo=ck.cameo(m["cameo"], line_of(m)) if "cameo" in m else None,
                extension=ext,
                plover_mode=pm,
                note=ck.text(m, "note", null=True),
            ))
        for m in modes:
            if m.extension:
                target = next((x for x in modes if x.name == m.plover_mode), None)
                if target is None or target.extension:
                    raise ck.err(line, f"extension mode {m.name!r} of {name}: plover_mode {m.plover_mode!r} is not a manual mode of {name}")
        formers: list[str] = []
        for f in ck.seq(t.get("former_names") or [], line, "'former_names'"):
            if not isinstance(f, str) or not _TYPE_RE.fullmatch(f):
                raise ck.err(line, f"former name {f!r} should be an upper-case type name")
            if f in types or f in former:
                raise ck.err(line, f"former name {f!r} is already a type or another type's former name")
            former[f] = name
            formers.append(f)
        types[name] = EventType(
            name=name,
            name_bn=ck.text(t, "name_bn") or "",
            description=" ".join((ck.text(t, "description") or "").split()),
            quad=quad,
            score=float(score),
            requires_recipient=rr,
            cameo=ck.cameo(t["cameo"], line),
            modes=tuple(modes),
            former_names=tuple(formers),
            note=ck.text(t, "note", null=True),
        )
        type_lines[name] = line
    for f, name in former.items():
        if f in types:
            raise ck.err(type_lines[name], f"former name {f!r} of {name} is also a type")

    table: dict[str, CameoMapping] = {}
    rows = ck.seq(top["cameo_import"], line_of(top, 1), "'cameo_import'")
    for row in rows:
        row = ck.mapping(row, line_of(top, 1), "a cameo_import row")
        ck.keys(row, _ROW_KEYS, _ROW_OPTIONAL)
        line = line_of(row)
        code = ck.cameo(row["cameo"], line)
        if code in table:
            raise ck.err(line, f"CAMEO code {code!r} is mapped twice (also at line {table[code].line}); keep one row")
        tname = row["type"]
        mode = row.get("mode")
        reverse = row.get("reverse", False)
        if not isinstance(reverse, bool):
            raise ck.err(line, f"'reverse' should be true or false, got {reverse!r}")
        if tname is None:
            if mode is not None or row.get("contexts"):
                raise ck.err(line, f"CAMEO {code} maps to no type, so it cannot have a mode or contexts")
        else:
            if not isinstance(tname, str) or tname not in types:
                hint = f" (now called {former[tname]})" if isinstance(tname, str) and tname in former else ""
                raise ck.err(line, f"unknown type {tname!r}{hint}; known types: {', '.join(types)}")
            if mode is not None and types[tname].mode(mode) is None:
                known = ", ".join(m.name for m in types[tname].modes) or "none"
                raise ck.err(line, f"unknown mode {mode!r} for {tname}; its modes: {known}")
        table[code] = CameoMapping(
            code=code, type=tname, mode=mode, contexts=check_contexts(row),
            reverse=reverse, note=ck.text(row, "note", null=True), line=line,
        )
    missing = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in table]
    if missing:
        raise ck.err(line_of(top, 1), f"cameo_import has no row for the CAMEO root(s) {missing}: add one so every code falls back somewhere")

    for t in types.values():
        for code, what in [(t.cameo, t.name)] + [(m.cameo, f"{t.name}/{m.name}") for m in t.modes if m.cameo]:
            row = table.get(code)
            if row is None or row.type != t.name:
                got = "no row" if row is None else f"a row for {row.type} (line {row.line})"
                raise ck.err(type_lines[t.name], f"{what} exports as CAMEO {code}, but cameo_import has {got}: a round trip must keep the type")

    return Ontology(
        path=path, version=version, types=types, contexts=contexts, special_contexts=special,
        quads=quads, cameo_table=table, _former=former,
    )


@lru_cache(maxsize=1)
def _default() -> Ontology:
    path = data_path(ONTOLOGY_FILE)
    return parse_ontology(read_yaml_file(path, LineLoader), path)


def load_ontology(path: str | None = None) -> Ontology:
    """The shipped ontology (loaded once per process), or the file at ``path`` (loaded every call)."""
    if path is None:
        return _default()
    return parse_ontology(read_yaml_file(str(path), LineLoader), str(path))
