"""The quantity words of ``data/claims.yaml``, validated on load.

Every error names the file and the line to fix.  The field vocabularies
(bounds, units, counted classes) are the claim contract of docs/claims.md
and the gold format; the words that express them are data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..attribution import _Checker, located_yaml

DATA_FILE = "claims.yaml"

BOUNDS = ("exact", "at-least", "more-than", "less-than", "at-most", "about", "range", "up-to")
UNITS = ("count", "percent", "money", "area-km2", "distance-km", "weight-ton")
COUNTED = ("killed", "injured", "arrested", "missing", "displaced", "troops", "casualties", "refugees",
           "protesters", "votes", "tariff", "aid", "trade", "other")

_TOP = {"numbers", "decimal_words", "fractions", "half_steps", "multipliers", "several", "vague", "bounds", "genitive", "suffixes",
        "classifiers", "ordinals", "units", "not_after", "counted"}
_CURRENCY = regex.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Multiplier:
    form: str
    value: float
    glued: bool  # may follow a number word without a space (দুইশ)


@dataclass(frozen=True, slots=True)
class Unit:
    form: str
    unit: str
    currency: str | None
    factor: float
    before: bool
    closer: str | None


@dataclass(frozen=True, slots=True)
class CountedClass:
    counted: str
    forms: tuple[str, ...]
    exceptions: tuple[str, ...]
    units: tuple[str, ...]  # empty: any unit
    percent_in_sentence: bool


@dataclass(frozen=True, slots=True)
class ClaimsData:
    """The validated contents of ``claims.yaml``; every form normalised."""

    numbers: dict[str, float]
    decimal_words: tuple[str, ...]
    fractions: dict[str, float]
    half_steps: dict[str, float]
    multipliers: tuple[Multiplier, ...]
    several: tuple[str, ...]
    vague: dict[str, tuple[float, str]]
    vague_after_number: tuple[str, ...]
    before_bounds: dict[str, str]
    after_genitive: dict[str, str]
    after_bounds: dict[str, str]
    range_words: tuple[str, ...]
    range_end: tuple[str, ...]
    genitive: tuple[str, ...]
    suffixes: tuple[str, ...]
    classifiers: tuple[str, ...]
    ordinals: tuple[str, ...]
    units: tuple[Unit, ...]
    not_after: tuple[str, ...]
    counted: tuple[CountedClass, ...]


def _number(c: _Checker, v: Any, where: Any, what: str, positive: bool = True) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise c.err(where, f"{what} should be a number, got {v!r}")
    if positive and v <= 0:
        raise c.err(where, f"{what} should be above zero, got {v!r}")
    return float(v)


def _word_map(c: _Checker, obj: Any, what: str, parent: Any, values: tuple[str, ...] | None = None,
              positive: bool = True) -> dict[str, Any]:
    """A mapping word -> number (or -> one of ``values``), words normalised and unique."""
    m = c.mapping(obj, set(obj) if isinstance(obj, dict) else set(), (), parent, what)
    out: dict[str, Any] = {}
    for k, v in m.items():
        (word,) = c.words([k], what, m)
        if word in out:
            raise c.err(k, f"'{k}' is listed twice in {what}", m)
        if values is None:
            out[word] = _number(c, v, m, f"{what}.{k}", positive)
        else:
            if v not in values:
                raise c.err(v, f"{what}.{k} is {v!r}; write one of {list(values)}", m)
            out[word] = str(v)
    if not out:
        raise c.err(m, f"{what} is empty", parent)
    return out


def validate(data: Any, path: str) -> ClaimsData:
    """Check a parsed (located) claims file and build its record."""
    c = _Checker(path)
    top = c.mapping(data, _TOP, _TOP, what="the file")
    numbers = _word_map(c, top["numbers"], "numbers", top)
    fractions = _word_map(c, top["fractions"], "fractions", top)
    half_steps = _word_map(c, top["half_steps"], "half_steps", top, positive=False)

    mults: list[Multiplier] = []
    if not isinstance(top["multipliers"], list) or not top["multipliers"]:
        raise c.err(top["multipliers"], "'multipliers' should be a non-empty list of {form, value} entries", top)
    for e in top["multipliers"]:
        e = c.mapping(e, {"form", "value", "glued"}, ("form", "value"), top["multipliers"], "multiplier")
        (form,) = c.words([e["form"]], "multipliers.form", e)
        if any(m.form == form for m in mults):
            raise c.err(e, f"multiplier '{form}' is listed twice")
        mults.append(Multiplier(form, _number(c, e["value"], e, f"multiplier {form}"), c.flag(e, "glued")))

    vague: dict[str, tuple[float, str]] = {}
    vague_after: list[str] = []
    if not isinstance(top["vague"], list):
        raise c.err(top["vague"], "'vague' should be a list of {form, value, bound} entries", top)
    for e in top["vague"]:
        e = c.mapping(e, {"form", "value", "bound", "after_number"}, ("form", "value", "bound"), top["vague"], "vague figure")
        (form,) = c.words([e["form"]], "vague.form", e)
        if e["bound"] not in BOUNDS:
            raise c.err(e, f"bound {e['bound']!r} should be one of {list(BOUNDS)}")
        if form in vague:
            raise c.err(e, f"vague figure '{form}' is listed twice")
        vague[form] = (_number(c, e["value"], e, f"vague {form}"), str(e["bound"]))
        if c.flag(e, "after_number"):
            vague_after.append(form)

    b = c.mapping(top["bounds"], {"before", "after_genitive", "after", "range", "range_end"},
                  ("before", "after_genitive", "after", "range", "range_end"), top, "bounds")
    units: list[Unit] = []
    if not isinstance(top["units"], list) or not top["units"]:
        raise c.err(top["units"], "'units' should be a non-empty list of {forms, unit} entries", top)
    for e in top["units"]:
        e = c.mapping(e, {"forms", "unit", "currency", "factor", "before", "closer"}, ("forms", "unit"), top["units"], "unit")
        if e["unit"] not in UNITS or e["unit"] == "count":
            raise c.err(e, f"unit {e['unit']!r} should be one of {[u for u in UNITS if u != 'count']} (count is for classifiers)")
        currency = e.get("currency")
        if (e["unit"] == "money") != (currency is not None):
            raise c.err(e, "a money unit needs a currency (ISO 4217, like USD), and only a money unit may have one")
        if currency is not None and not (isinstance(currency, str) and _CURRENCY.fullmatch(currency)):
            raise c.err(e, f"currency {currency!r} should be an ISO 4217 code like USD or BDT")
        factor = _number(c, e.get("factor", 1), e, "factor")
        closer = e.get("closer")
        if closer is not None:
            (closer,) = c.words([closer], "closer", e)
        for form in c.words(e["forms"], "units.forms", e):
            if any(u.form == form for u in units):
                raise c.err(e, f"unit form '{form}' is listed twice")
            units.append(Unit(form, str(e["unit"]), currency, factor, c.flag(e, "before"), closer))

    counted: list[CountedClass] = []
    if not isinstance(top["counted"], list) or not top["counted"]:
        raise c.err(top["counted"], "'counted' should be a non-empty list of {counted, forms} entries", top)
    for e in top["counted"]:
        e = c.mapping(e, {"counted", "forms", "except", "units", "percent_in_sentence"}, ("counted", "forms"), top["counted"], "counted class")
        if e["counted"] not in COUNTED or e["counted"] == "other":
            raise c.err(e, f"counted {e['counted']!r} should be one of {[k for k in COUNTED if k != 'other']}")
        if any(k.counted == e["counted"] for k in counted):
            raise c.err(e, f"counted class '{e['counted']}' is listed twice; put all its forms in one entry")
        only = c.words(e.get("units", []), "units", e, allow_empty=True)
        for u in only:
            if u not in UNITS:
                raise c.err(e, f"unit {u!r} should be one of {list(UNITS)}")
        counted.append(CountedClass(str(e["counted"]), c.words(e["forms"], "forms", e),
                                    c.words(e.get("except", []), "except", e, allow_empty=True), only,
                                    c.flag(e, "percent_in_sentence")))
    several = c.words(top["several"], "several", top)
    return ClaimsData(
        numbers=numbers,
        decimal_words=c.words(top["decimal_words"], "decimal_words", top),
        fractions=fractions,
        half_steps=half_steps,
        multipliers=tuple(mults),
        several=several,
        vague=vague,
        vague_after_number=tuple(vague_after),
        before_bounds=_word_map(c, b["before"], "bounds.before", b, BOUNDS),
        after_genitive=_word_map(c, b["after_genitive"], "bounds.after_genitive", b, BOUNDS),
        after_bounds=_word_map(c, b["after"], "bounds.after", b, BOUNDS),
        range_words=c.words(b["range"], "bounds.range", b),
        range_end=c.words(b["range_end"], "bounds.range_end", b),
        genitive=c.words(top["genitive"], "genitive", top),
        suffixes=c.words(top["suffixes"], "suffixes", top),
        classifiers=c.words(top["classifiers"], "classifiers", top),
        ordinals=c.words(top["ordinals"], "ordinals", top),
        units=tuple(units),
        not_after=c.words(top["not_after"], "not_after", top),
        counted=tuple(counted),
    )


@lru_cache(maxsize=1)
def load_claims_data() -> ClaimsData:
    """The shipped quantity words, validated (cached)."""
    data, path = located_yaml(DATA_FILE)
    return validate(data, path)
