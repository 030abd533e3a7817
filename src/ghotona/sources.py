"""Who published a page, and which news services it cites.

Two lists of language data drive this module:

* ``data/outlets.yaml``: the outlets whose pages we read (Prothom Alo,
  Jagonews24, BBC Bangla ...), found from a page's URL
  (:func:`outlet_by_url`) or from a line of page furniture such as a title
  suffix (:func:`outlet_in_text`).
* ``data/wires.yaml``: agencies and media that articles cite (Reuters, AFP,
  Al Jazeera ...), found in text with their Bengali case endings
  (:func:`find_wire_mentions`) and reduced to the list of services an
  article cites (:func:`cited_sources`).

Matching works on NFC text with zero-width joiners removed, so that the
precomposed and decomposed spellings of য় ড় ঢ় (NFC *decomposes* them) both
match; offsets returned are always offsets into the caller's original text.
Word boundaries use the ``regex`` module, whose ``\\w`` includes Bengali
vowel signs; Python's ``re`` would treat রয়টার্সকে as several words.
"""

from __future__ import annotations

import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit

import regex

from .errors import LanguageDataError
from .langdata import check_keys, fail, load_yaml, read_yaml_file, require

OUTLETS_FILE = "outlets.yaml"
WIRES_FILE = "wires.yaml"

OUTLET_KEYS = {"id", "name_en", "name_bn", "aliases", "domains", "language", "country", "timezone", "demo"}
WIRE_KEYS = {"id", "name_en", "name_bn", "aliases", "kind", "country"}
WIRE_KINDS = {"wire", "broadcaster", "newspaper", "online"}
LANGUAGES = {"bn", "en"}

# Mention contexts, see find_wire_mentions().
PHOTO, SOURCE, MENTION = "photo", "source", "mention"

_ID_RE = regex.compile(r"[a-z0-9][a-z0-9_-]*")
_COUNTRY_RE = regex.compile(r"[A-Z]{2}")
# A registrable domain or a subdomain, optionally with a path prefix.
_DOMAIN_RE = regex.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?:/[^\s?#]*[^\s?#/])?")

# Characters dropped before matching: zero-width (non-)joiners, BOM, soft
# hyphen.  Bengali text carries ZWJ/ZWNJ inconsistently (র‍্যাব / র্যাব).
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\ufeff\u00ad"))
# Inside an alias, a space or hyphen matches any run of them, or nothing:
# writers vary between আল-জাজিরা, আল জাজিরা and আলজাজিরা.
_SEP_IN_ALIAS = regex.compile(r"[\s\-\u2010\u2011\u2013]+")
_SEP_PATTERN = r"[\s\u00a0]*[\-\u2010\u2011\u2013]?[\s\u00a0]*"
_APOSTROPHES = "'\u2019\u2018\u02bc"
_WORD_START = regex.compile(r"(?<!\w)\w")


# --------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publisher of news pages (one entry of ``outlets.yaml``)."""

    id: str
    name_en: str
    name_bn: str | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    language: str
    country: str
    timezone: str
    demo: bool = False


@dataclass(frozen=True, slots=True)
class Wire:
    """A news agency or medium that articles cite (one entry of ``wires.yaml``)."""

    id: str
    name_en: str
    name_bn: str | None
    aliases: tuple[str, ...]
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class WireMention:
    """One place where a text names a wire.

    ``text``/``start``/``end`` cover the name as written with any glued case
    ending (``রয়টার্সকে``), in the caller's original text.  ``descriptor`` is
    the phrase in front of it when there is one (``ব্রিটিশ বার্তা সংস্থা``).
    ``context`` is ``photo`` (a photo/video credit), ``source`` (cited as
    the source of the report) or ``mention`` (anything else).
    """

    wire_id: str
    text: str
    start: int
    end: int
    context: str
    descriptor: str | None = None


# --------------------------------------------------------------------------
# Normalisation


def _norm(text: str) -> str:
    """NFC without invisible joiners: the form both aliases and input are matched in."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def _key(term: str) -> str:
    """Identity of an alias: two aliases with the same key are the same name.

    Used both to reject one alias claimed by two entries and to look up which
    entry a match belongs to, so validation and matching cannot disagree.
    """
    return _SEP_IN_ALIAS.sub("", _norm(term)).casefold()


def _normalise_with_offsets(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """Return the matching form of ``text`` and a map back to original offsets.

    Normalisation can lengthen (য় -> য + ়) or shorten (ZWJ removed) the text,
    so each grapheme cluster is normalised on its own and every output
    character remembers the original cluster it came from.  The maps are
    ``None`` when the text was already in matching form (the common case).
    """
    norm = _norm(text)
    if norm == text:
        return text, None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in regex.finditer(r"\X", text):
        piece = _norm(m.group())
        parts.append(piece)
        starts.extend([m.start()] * len(piece))
        ends.extend([m.end()] * len(piece))
    return "".join(parts), starts, ends


def _to_original(span: tuple[int, int], starts: list[int] | None, ends: list[int] | None) -> tuple[int, int]:
    s, e = span
    if starts is None or ends is None:
        return s, e
    return starts[s], ends[e - 1] if e > s else starts[s]


# --------------------------------------------------------------------------
# Loading and validation


class _Claims:
    """Who claimed which alias/domain key, across all files being loaded."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def claim(self, key: str, owner: str, shown: str, raise_: Any) -> None:
        other = self.owner.get(key)
        if other is not None and other != owner:
            raise raise_(f"'{shown}' is already claimed by entry '{other}'")
        self.owner[key] = owner


def _str_list(name: str, where: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    values = require(name, where, entry, key, list)
    for v in values:
        # An alias of only spaces/hyphens would match everywhere.
        if not isinstance(v, str) or not _key(v):
            raise fail(name, where, f"'{key}' must be a list of non-empty strings, got {v!r}")
    return tuple(v.strip() for v in values)


def _entry_id(name: str, where: str, entry: Any) -> str:
    ident = require(name, where, entry, "id", str)
    if not _ID_RE.fullmatch(ident):
        raise fail(name, where, f"id '{ident}' is not a slug (lowercase letters, digits, - and _)")
    return ident


def _entry_head(name: str, label: str, i: int, entry: Any, keys: set[str], ids: set[str]) -> tuple[str, str]:
    """The common start of every entry: a slug id, only known keys, no repeated id.

    Returns the id and the "where" string later errors name the entry by.
    """
    ident = _entry_id(name, f"{label} {i + 1}", entry)
    where = f"{label} {i + 1} (id '{ident}')"
    check_keys(name, where, entry, keys)
    if ident in ids:
        raise fail(name, where, f"duplicate id '{ident}'")
    ids.add(ident)
    return ident, where


def _parse_outlets(data: Any, name: str, claims: _Claims, ids: set[str]) -> list[Outlet]:
    """Validate one outlets file (already parsed) and build its records.

    ``name`` is the file name errors are reported under; the caller rewrites
    the path for files outside the package.
    """
    if not isinstance(data, list):
        raise fail(name, "file", f"expected a list of outlets, got {type(data).__name__}")
    out: list[Outlet] = []
    for i, entry in enumerate(data):
        ident, where = _entry_head(name, "entry", i, entry, OUTLET_KEYS, ids)
        name_en = require(name, where, entry, "name_en", str)
        name_bn = require(name, where, entry, "name_bn", (str, type(None)))
        aliases = _str_list(name, where, entry, "aliases")
        domains = tuple(d.lower() for d in _str_list(name, where, entry, "domains"))
        language = require(name, where, entry, "language", str)
        country = require(name, where, entry, "country", str)
        tz = require(name, where, entry, "timezone", str)
        demo = entry.get("demo", False)
        if not isinstance(demo, bool):
            raise fail(name, where, f"'demo' should be true or false, got {demo!r}")
        if language not in LANGUAGES:
            raise fail(name, where, f"language '{language}' should be one of {sorted(LANGUAGES)}")
        if not _COUNTRY_RE.fullmatch(country):
            raise fail(name, where, f"country '{country}' should be an ISO 3166 alpha-2 code like BD")
        try:
            zoneinfo.ZoneInfo(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise fail(name, where, f"timezone '{tz}' is not an IANA time zone (e.g. Asia/Dhaka)") from None
        for d in domains:
            if not _DOMAIN_RE.fullmatch(d) or d.startswith(("www.", "http")):
                raise fail(name, where, f"domain '{d}' should look like example.com or example.com/path, without scheme or www.")

        def err(problem: str, _where: str = where) -> LanguageDataError:
            return fail(name, _where, problem)

        for d in domains:
            claims.claim("domain:" + d, ident, d, err)
        for a in aliases:
            claims.claim("alias:" + _key(a), ident, a, err)
        out.append(Outlet(ident, name_en, name_bn, aliases, domains, language, country, tz, demo))
    return out


def _read_user_yaml(path: str) -> Any:
    return read_yaml_file(path)


def load_outlets(extra_files: Sequence[str | Path] = ()) -> list[Outlet]:
    """Load the shipped outlets plus ``extra_files`` in the same schema.

    Every file is validated the same way, and an alias or domain may belong
    to one outlet across all files together: a user's file that claims
    ``prothomalo.com`` again is an error naming that file and entry.
    Not cached: :func:`outlets` is the cached shipped list.
    """
    claims = _Claims()
    ids: set[str] = set()
    result = _parse_outlets(load_yaml(OUTLETS_FILE), OUTLETS_FILE, claims, ids)
    for extra in extra_files:
        path = str(extra)
        label = Path(path).name
        try:
            result += _parse_outlets(_read_user_yaml(path), label, claims, ids)
        except LanguageDataError as exc:
            # langdata's helpers name files inside the package; say which
            # user file it really was.
            if exc.path == path:
                raise
            raise LanguageDataError(path, exc.where, exc.problem) from None
    return result


@lru_cache(maxsize=1)
def _outlets_tuple() -> tuple[Outlet, ...]:
    return tuple(load_outlets())


def outlets() -> list[Outlet]:
    """The shipped outlets (cached)."""
    return list(_outlets_tuple())


@dataclass(frozen=True, slots=True)
class _WireData:
    wires: tuple[Wire, ...]
    inflections: tuple[str, ...]
    adjectives: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    nouns: tuple[str, ...]
    photo_before: tuple[str, ...]
    photo_after: tuple[str, ...]
    source_before: tuple[str, ...]
    source_after: tuple[str, ...]


def _parse_wires(data: Any, name: str = WIRES_FILE) -> _WireData:
    where = "top level"
    if not isinstance(data, dict):
        raise fail(name, where, f"expected a mapping with keys inflections, descriptors, cues, wires; got {type(data).__name__}")
    check_keys(name, where, data, {"inflections", "descriptors", "cues", "wires"})
    inflections = _str_list(name, where, data, "inflections")
    desc = require(name, where, data, "descriptors", dict)
    check_keys(name, "descriptors", desc, {"adjectives", "adjective_endings", "nouns"})
    cues = require(name, where, data, "cues", dict)
    check_keys(name, "cues", cues, {"photo_before", "photo_after", "source_before", "source_after"})
    entries = require(name, where, data, "wires", list)

    claims = _Claims()
    ids: set[str] = set()
    wires: list[Wire] = []
    for i, entry in enumerate(entries):
        ident, w = _entry_head(name, "wire", i, entry, WIRE_KEYS, ids)
        name_en = require(name, w, entry, "name_en", str)
        name_bn = require(name, w, entry, "name_bn", (str, type(None)))
        aliases = _str_list(name, w, entry, "aliases")
        if not aliases:
            raise fail(name, w, "'aliases' is empty: a wire nobody can mention is useless")
        kind = require(name, w, entry, "kind", str)
        if kind not in WIRE_KINDS:
            raise fail(name, w, f"kind '{kind}' should be one of {sorted(WIRE_KINDS)}")
        country = require(name, w, entry, "country", str)
        if not _COUNTRY_RE.fullmatch(country):
            raise fail(name, w, f"country '{country}' should be an ISO 3166 alpha-2 code like GB")

        def err(problem: str, _w: str = w) -> LanguageDataError:
            return fail(name, _w, problem)

        for a in aliases:
            claims.claim(_key(a), ident, a, err)
        wires.append(Wire(ident, name_en, name_bn, aliases, kind, country))

    return _WireData(
        wires=tuple(wires),
        inflections=inflections,
        adjectives=_str_list(name, "descriptors", desc, "adjectives"),
        adjective_endings=_str_list(name, "descriptors", desc, "adjective_endings"),
        nouns=_str_list(name, "descriptors", desc, "nouns"),
        photo_before=_str_list(name, "cues", cues, "photo_before"),
        photo_after=_str_list(name, "cues", cues, "photo_after"),
        source_before=_str_list(name, "cues", cues, "source_before"),
        source_after=_str_list(name, "cues", cues, "source_after"),
    )


@lru_cache(maxsize=1)
def _wire_data() -> _WireData:
    return _parse_wires(load_yaml(WIRES_FILE))


def wires() -> list[Wire]:
    """The shipped wires (cached)."""
    return list(_wire_data().wires)


def wire_by_id(ident: str) -> Wire | None:
    return next((w for w in _wire_data().wires if w.id == ident), None)


# --------------------------------------------------------------------------
# Name matching


def _phrase_pattern(term: str) -> str:
    """Regex for one alias: flexible separators, Latin case as written or in capitals."""
    words = [regex.escape(w) for w in _SEP_IN_ALIAS.split(_norm(term).strip()) if w]
    pat = _SEP_PATTERN.join(words)
    if "." in term:
        return f"(?i:{pat})"  # domains: any case
    if regex.search(r"[A-Za-z]", term):
        upper = _SEP_PATTERN.join(regex.escape(w) for w in _SEP_IN_ALIAS.split(_norm(term).upper().strip()) if w)
        if upper != pat:
            return f"(?:{pat}|{upper})"
    return pat


def _alternation(terms: Iterable[str]) -> str:
    """Longest first, so that at any position the longest alias wins."""
    uniq = sorted(set(terms), key=lambda t: (-len(_key(t)), t))
    return "|".join(_phrase_pattern(t) for t in uniq)


class _NameMatcher:
    """Finds any of a set of names, with glued Bengali case endings."""

    def __init__(self, owners: dict[str, str], terms: Iterable[str], inflections: Sequence[str]) -> None:
        self.owners = owners  # alias key -> entry id
        infl = sorted({_norm(s) for s in inflections}, key=len, reverse=True)
        apos = regex.escape(_APOSTROPHES + "-")
        suffix = f"(?:[{apos}]?(?:{'|'.join(map(regex.escape, infl))}))?" if infl else ""
        terms = list(terms)
        self.pattern = regex.compile(
            rf"(?<!\w)(?P<name>{_alternation(terms)})(?P<suffix>{suffix})(?!\w)"
        )
        # Where a name can begin: the first two letters of its first word (one
        # letter when that word is a single letter, as in "এ এফ পি"), case-folded.
        # Trying the whole alternation only at word starts with such a prefix
        # finds the same matches as scanning every position, 2.5 times faster
        # (the scan was a tenth of the page-to-events time).
        firsts = [next((w for w in _SEP_IN_ALIAS.split(_norm(t)) if w), "") for t in terms]
        self._pre2 = frozenset(w[:2].lower() for w in firsts if len(w) >= 2)
        self._pre1 = frozenset(w.lower() for w in firsts if len(w) == 1)
        self._scan = not all(_WORD_START.match(w) for w in firsts)  # a name not opening with a letter

    def _matches(self, norm_text: str) -> Iterator[regex.Match[str]]:
        if self._scan:
            yield from self.pattern.finditer(norm_text, overlapped=False)
            return
        end = 0
        for w in _WORD_START.finditer(norm_text):
            p = w.start()
            if p < end:
                continue
            two = norm_text[p:p + 2].lower()  # per position: lowering the whole text may move offsets
            if two[:2] not in self._pre2 and two[:1] not in self._pre1:
                continue
            m = self.pattern.match(norm_text, p)
            if m is not None:
                end = m.end()
                yield m

    def finditer(self, norm_text: str) -> Iterator[tuple[str, regex.Match[str]]]:
        """Yield (entry id, match) for every name in ``norm_text`` (already normalised)."""
        for m in self._matches(norm_text):
            owner = self.owners.get(_key(m.group("name")))
            if owner is not None:
                yield owner, m


def _matcher_for(entries: Iterable[tuple[str, Iterable[str]]], inflections: Sequence[str]) -> _NameMatcher:
    owners: dict[str, str] = {}
    terms: list[str] = []
    for ident, names in entries:
        for n in names:
            owners.setdefault(_key(n), ident)
            terms.append(n)
    return _NameMatcher(owners, terms, inflections)


# --------------------------------------------------------------------------
# Outlets: by id, by URL, in text


class _OutletIndex:
    def __init__(self, items: tuple[Outlet, ...]) -> None:
        self.by_id = {o.id: o for o in items}
        # host -> [(path prefix or "", outlet)], longest path first
        self.by_host: dict[str, list[tuple[str, Outlet]]] = {}
        for o in items:
            for d in o.domains:
                host, _, path = d.partition("/")
                self.by_host.setdefault(host, []).append(("/" + path if path else "", o))
        for lst in self.by_host.values():
            lst.sort(key=lambda p: -len(p[0]))
        self.matcher = _matcher_for(
            ((o.id, (*o.aliases, *o.domains)) for o in items), _wire_data().inflections
        )


@lru_cache(maxsize=8)
def _outlet_index(items: tuple[Outlet, ...]) -> _OutletIndex:
    return _OutletIndex(items)


@lru_cache(maxsize=1)
def _default_index() -> _OutletIndex:
    return _OutletIndex(_outlets_tuple())


def _index(among: Sequence[Outlet] | None) -> _OutletIndex:
    # The default list skips hashing every Outlet on each lookup.
    return _default_index() if among is None else _outlet_index(tuple(among))


def outlet_by_id(ident: str, among: Sequence[Outlet] | None = None) -> Outlet | None:
    """The outlet with this id, or None.  ``among`` defaults to :func:`outlets`."""
    return _index(among).by_id.get(ident)


def _amp_cache_host(host: str) -> str:
    """www-prothomalo-com.cdn.ampproject.org -> www.prothomalo.com."""
    label = host[: -len(".cdn.ampproject.org")]
    return label.replace("--", "\0").replace("-", ".").replace("\0", "-")


def outlet_by_url(url: str | None, among: Sequence[Outlet] | None = None) -> Outlet | None:
    """The outlet that publishes ``url``, or None for an unknown host.

    The host is matched from its most specific form down to its registrable
    domain, so www./m./amp./en. subdomains find the outlet of the parent
    domain unless a more specific domain is listed.  Domains with a path
    prefix (bbc.com/bengali) only match URLs under that path.
    """
    if not url:
        return None
    url = url.strip()
    if "://" not in url and not url.startswith("//"):
        url = "//" + url  # a bare "prothomalo.com/..." is still a URL to us
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    if host.endswith(".cdn.ampproject.org"):
        host = _amp_cache_host(host)
    path = parts.path or "/"
    idx = _index(among)
    labels = host.split(".")
    for i in range(len(labels) - 1):
        for prefix, outlet in idx.by_host.get(".".join(labels[i:]), ()):
            if not prefix or path == prefix or path.startswith(prefix + "/"):
                return outlet
    return None


def outlet_in_text(text: str, among: Sequence[Outlet] | None = None) -> Outlet | None:
    """The outlet named in a line of page furniture, or None.

    For title suffixes ("… | প্রথম আলো"), sign-off and promo lines
    ("… জাগোনিউজ২৪.কমে লিখতে পারেন").  When several outlets are named the
    longest name wins (বাংলাদেশ প্রতিদিন over a shorter alias), and
    among equals the last one, since a title suffix ends the line.
    """
    if not text:
        return None
    idx = _index(among)
    best: tuple[int, int, str] | None = None
    for owner, m in idx.matcher.finditer(_norm(text)):
        cand = (len(_key(m.group("name"))), m.start(), owner)
        if best is None or cand[:2] > best[:2]:
            best = cand
    return idx.by_id[best[2]] if best else None


# --------------------------------------------------------------------------
# Wire mentions


class _WireIndex:
    def __init__(self, data: _WireData) -> None:
        self.matcher = _matcher_for(((w.id, w.aliases) for w in data.wires), data.inflections)
        word = r"[\p{L}\p{M}\p{N}]+"
        adj_alts = [_alternation(data.adjectives)]
        if data.adjective_endings:
            adj_alts.append(word + "(?:" + "|".join(regex.escape(_norm(e)) for e in data.adjective_endings) + ")")
        adj = "(?:" + "|".join(adj_alts) + ")"
        # "ব্রিটিশ বার্তা সংস্থা " / "রাশিয়ার রাষ্ট্রীয় বার্তা সংস্থা " right before the name.
        self.descriptor = regex.compile(
            rf"(?<!\w)(?:{adj}\s+){{0,2}}(?:{_alternation(data.nouns)})[\s\u00a0]*[,:]?[\s\u00a0]*$",
            regex.IGNORECASE,
        )
        # A credit list between a marker and the name: "ছবি: সংগৃহীত, " or
        # "সূত্র: রয়টার্স ও ".  Items are short; each ends in a list separator.
        item = r"[^\s,/;|।!?.()]+(?:\s+[^\s,/;|।!?.()]+){0,3}"
        gap = rf"(?:{item}\s*(?:[,/;|&]|\s(?:ও|এবং|and))\s*)*"
        lead = r"[\s\u00a0]*(?:[:ঃ：\-\u2013\u2014]+[\s\u00a0]*)?"

        def before(markers: Sequence[str]) -> regex.Pattern[str]:
            return regex.compile(
                rf"(?<!\w)(?:{_alternation(markers)})(?!\w){lead}{gap}$", regex.IGNORECASE
            )

        self.photo_before = before(data.photo_before)
        self.source_before = before(data.source_before)
        self.photo_after = regex.compile(
            rf"^[\s\u00a0]*[(\[]?(?:{_alternation(data.photo_after)})(?!\w)[\s\u00a0]*(?:\(ফাইল\))?[\s\u00a0]*(?:[)\]]|[।.]?[\s\u00a0]*$)",
            regex.IGNORECASE,
        )
        self.source_after = regex.compile(
            rf"(?<!\w)(?:{_alternation(data.source_after)})(?!\w)", regex.IGNORECASE
        )
        self.after_window = 6  # "a few words": রয়টার্স এ খবর জানিয়েছে needs 3


@lru_cache(maxsize=1)
def _wire_index() -> _WireIndex:
    return _WireIndex(_wire_data())


_SENTENCE_END = regex.compile(r"[।!?\n]|\.(?:\s|$)")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _classify(idx: _WireIndex, norm: str, line_start: int, name_start: int, end: int) -> str:
    prefix = norm[max(line_start, name_start - 160) : name_start]
    line_end = norm.find("\n", end)
    rest = norm[end : len(norm) if line_end < 0 else line_end]
    if idx.photo_before.search(prefix) or idx.photo_after.match(rest):
        return PHOTO
    if idx.source_before.search(prefix):
        return SOURCE
    stop = _SENTENCE_END.search(rest)
    window = rest[: stop.start()] if stop else rest
    words = list(_WORD.finditer(window))
    if len(words) > idx.after_window:
        window = window[: words[idx.after_window - 1].end()]
    if idx.source_after.search(window):
        return SOURCE
    return MENTION


def find_wire_mentions(text: str) -> list[WireMention]:
    """Every wire named in ``text``, in order, with how it is used.

    ``context`` is ``photo`` for a photo/video credit (after ছবি:, ফাইল ছবি,
    ভিডিও:, Photo:, inside "(ছবি: …)", or a trailing "এএফপি ফাইল ছবি");
    ``source`` after সূত্র:/তথ্যসূত্র/খবর/Source: or when an attribution verb
    follows within a few words (জানিয়েছে, বলেছে, প্রতিবেদনে, -কে বলেন,
    সাক্ষাৎকারে ...); else ``mention``.
    """
    if not text:
        return []
    idx = _wire_index()
    norm, starts, ends = _normalise_with_offsets(text)
    found: list[WireMention] = []
    for wire_id, m in idx.matcher.finditer(norm):
        line_start = norm.rfind("\n", 0, m.start()) + 1
        d = idx.descriptor.search(norm[max(line_start, m.start() - 120) : m.start()])
        name_start = m.start() - (len(d.group()) if d else 0)
        context = _classify(idx, norm, line_start, name_start, m.end())
        s, e = _to_original((m.start(), m.end()), starts, ends)
        descriptor = None
        if d:
            ds, de = _to_original((name_start, name_start + len(d.group().rstrip())), starts, ends)
            descriptor = text[ds:de].strip(" \u00a0,:") or None
        found.append(WireMention(wire_id, text[s:e], s, e, context, descriptor))
    return found


# --------------------------------------------------------------------------
# Cited sources


@lru_cache(maxsize=256)
def wires_of_outlet(outlet_id: str) -> frozenset[str]:
    """Wire ids that are the outlet itself (BBC Bangla -> bbc, BSS -> bss).

    Linked when they share an id, a name or alias, a domain (the outlet's
    host equal to or under a domain the wire lists), or when a wire alias is
    a whole word inside one of the outlet's names (বিবিসি in বিবিসি বাংলা).
    """
    outlet = outlet_by_id(outlet_id)
    ids = {w.id for w in _wire_data().wires if w.id == outlet_id}
    if outlet is None:
        return frozenset(ids)
    names = [n for n in (outlet.name_en, outlet.name_bn, *outlet.aliases) if n]
    name_keys = {_key(n) for n in names}
    hosts = {d.partition("/")[0] for d in outlet.domains}
    norm_names = [_norm(n) for n in names]
    for w in _wire_data().wires:
        wnames = [n for n in (w.name_en, w.name_bn, *w.aliases) if n]
        if name_keys & {_key(n) for n in wnames}:
            ids.add(w.id)
            continue
        wdomains = [n.lower() for n in wnames if "." in n]
        if any(h == d or h.endswith("." + d) for h in hosts for d in wdomains):
            ids.add(w.id)
            continue
        contained = regex.compile(rf"(?<!\w)(?:{_alternation(wnames)})(?!\w)")
        if any(contained.search(n) for n in norm_names):
            ids.add(w.id)
    return frozenset(ids)


def cited_sources(
    body: str,
    extra_lines: Iterable[str] = (),
    exclude_outlet: str | None = None,
    mentions: list[WireMention] | None = None,
) -> list[str]:
    """Ordered, de-duplicated ids of the wires an article cites.

    Counts mentions in ``body`` used as a source or plainly mentioned, and
    any mention in ``extra_lines`` (lines such as "সূত্র: এএফপি" that the
    extractor took out of the body), but never photo credits: a wire photo
    does not make the wire a source of the report.  The publishing outlet
    itself (``exclude_outlet``, an outlet id) is never its own source.
    ``mentions`` are ``find_wire_mentions(body)`` when the caller has them.
    """
    skip = wires_of_outlet(exclude_outlet) if exclude_outlet else frozenset()
    out: list[str] = []
    mentions = list(find_wire_mentions(body) if mentions is None else mentions)
    for line in extra_lines:
        mentions += find_wire_mentions(line)
    for m in mentions:
        if m.context != PHOTO and m.wire_id not in skip and m.wire_id not in out:
            out.append(m.wire_id)
    return out


__all__ = [
    "Outlet",
    "Wire",
    "WireMention",
    "PHOTO",
    "SOURCE",
    "MENTION",
    "load_outlets",
    "outlets",
    "outlet_by_id",
    "outlet_by_url",
    "outlet_in_text",
    "wires",
    "wire_by_id",
    "find_wire_mentions",
    "cited_sources",
    "wires_of_outlet",
]
