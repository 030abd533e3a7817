"""Reading inputs: paths, directories and stdin to :class:`RawPage` values.

This is the first stage of the pipeline.  It turns whatever the user points
at (HTML files, saved page text, JSON / JSONL / CSV dumps of already-scraped
articles, a directory of any of these, or ``-`` for stdin) into decoded
:class:`~ghotona.records.RawPage` values, one per page or per record.

Every per-input problem (missing path, unreadable file, too large, empty,
binary, undecodable, malformed record) becomes a
:class:`~ghotona.records.Rejection` in the same stream, so one bad file never
stops a batch.  Only programmer misuse (a bare string instead of a list of
paths, an unknown format) raises :class:`~ghotona.errors.InputError`.

Decisions made here, in order, for each file:

1. size from ``os.stat`` against ``[input] max_bytes`` (never read a file
   that is too large), then read at most ``max_bytes + 1`` bytes;
2. empty / whitespace-only, then binary (magic numbers, NUL bytes, share of
   control bytes above ``[input] binary_threshold``);
3. decoding: byte-order mark, strict UTF-8, a declared ``<meta charset>`` for
   HTML, then charset-normalizer's best guess (``encoding_guessed=True``);
4. format: explicit ``fmt``, else the file extension, else content sniffing
   (see :func:`detect_format`);
5. HTML and page text give one page each; JSON / JSONL / CSV give one page
   per record with the normalised ``fields`` dict.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from . import config as config_mod
from .errors import ConfigError, InputError
from .records import InputFormat, RawPage, Rejection

__all__ = ["iter_pages", "count_inputs", "detect_format", "RECORD_FIELDS", "STDIN_SOURCE"]

#: The normalised keys of ``RawPage.fields`` (plus ``extra``), in config order.
RECORD_FIELDS: tuple[str, ...] = (
    "title", "body", "url", "outlet", "published", "updated", "byline", "desk",
)

#: ``RawPage.source`` for data read from stdin.
STDIN_SOURCE = "<stdin>"

_EXTENSIONS: dict[str, InputFormat | None] = {
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".json": InputFormat.JSON,
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".csv": InputFormat.CSV,
    ".txt": None,  # could be page text, or a mis-named HTML/JSON file: sniff it
}

# Known file signatures: (offset, prefix, what it is and what to do).  A news
# crawl directory often holds images or archives next to the pages; naming
# the kind of file makes the rejection actionable.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"%PDF-", "a PDF document; extract its text first (e.g. pdftotext)"),
    (0, b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub, which are ZIP files); unpack it first"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"PK\x07\x08", "a ZIP archive; unpack it first"),
    (0, b"\x1f\x8b", "gzip-compressed data; decompress it first (gunzip)"),
    (0, b"\xfd7zXZ\x00", "xz-compressed data; decompress it first (unxz)"),
    (0, b"\x28\xb5\x2f\xfd", "zstd-compressed data; decompress it first (unzstd)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (0, b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "an executable (ELF)"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (0, b"wOFF", "a web font (WOFF)"),
    (0, b"wOF2", "a web font (WOFF2)"),
    (0, b"OggS", "Ogg audio/video"),
    (8, b"WEBP", "a WebP image"),
    (4, b"ftyp", "an MP4/MOV video or HEIF image"),
)

# Order matters: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, carriage return and form feed, plus DEL.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_CONTROL_CHARS = frozenset(chr(b) for b in _CONTROL_BYTES) | frozenset(chr(c) for c in range(0x80, 0xA0))
# The binary checks look at a prefix: enough to judge, cheap for big files.
_SNIFF_BYTES = 65_536

# HTML's own charset declarations.  WHATWG prescans ~1 KB; pages with long
# inline scripts in <head> push the meta further, so look a little deeper.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""", re.I)
# Browsers read these labels as windows-1252, and so do we (WHATWG Encoding).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

_HTML_BYTES_HINT = re.compile(rb"<!doctype\s+html|<html[\s>]|<meta[\s/]", re.I)
_HTML_TAGS = re.compile(r"<(?:html|head|body|p|div)[\s>/]", re.I)
_TAG = re.compile(r"<(link|meta)\b([^>]*)>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$", re.I)
_LABELLED_URL = re.compile(
    r"^\s*(?:url|source url|link|permalink|canonical|লিংক|লিঙ্ক|সূত্র)\s*[:：]\s*<?(https?://\S+?)>?\s*$",
    re.I | re.M,
)
# A JSON object that wraps the record list; only these keys are unwrapped.
_WRAPPER_KEYS = ("articles", "items", "records", "data", "results")
_WRAPPER_START = re.compile(r'^\s*\{\s*"(?:' + "|".join(_WRAPPER_KEYS) + r')"\s*:\s*\[')
_WS = " \t\n\r"


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def iter_pages(
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: InputFormat | str | None = None,
    config: dict[str, Any] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawPage | Rejection]:
    """Yield one :class:`RawPage` per page or record, or a :class:`Rejection`.

    ``paths`` are files, directories (walked recursively in sorted order,
    hidden entries skipped, symlink loops safe) or ``"-"`` for stdin (read
    from ``stdin`` if given, else ``sys.stdin.buffer``).  ``fmt`` forces a
    format for every input instead of detecting it.  ``config`` is the
    effective configuration (``config.load()``); missing sections or keys
    fall back to the shipped defaults, so ``{"records": {"body": ["txt"]}}``
    is a valid override.

    Arguments are checked now (so misuse raises here, not on first
    iteration); the inputs are read lazily, one at a time.
    """
    path_list = _check_paths(paths)
    forced = _check_format(fmt)
    settings = _Settings.build(config)
    if stdin is not None and not callable(getattr(stdin, "read", None)):
        raise InputError(f"stdin must be a binary stream with .read(), got {type(stdin).__name__}")
    return _iter(path_list, forced, settings, stdin)


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """Count the input units :func:`iter_pages` will visit, for a progress bar.

    One per file found (directories walked the same way), one for ``-`` and
    one per missing or unreadable path (each yields a rejection).  Records
    inside JSON / JSONL / CSV files are not counted: that would mean reading
    them.
    """
    return sum(1 for _ in _expand(_check_paths(paths)))


def detect_format(text: str, filename: str | None = None) -> InputFormat:
    """Decide the format of decoded ``text`` (and optionally its file name).

    The extension decides when it is known (``.html``/``.htm``/``.xhtml``,
    ``.json``, ``.jsonl``/``.ndjson``, ``.csv``); ``.txt`` and anything else
    are sniffed:

    * starts with ``<!doctype html`` or ``<html`` → HTML;
    * first non-space char ``[`` or ``{`` and it parses as JSON (or is a list
      of objects cut short) → JSON;
    * each of the first lines is a JSON object → JSONL;
    * ``<html``/``<head``/``<body``/``<p>``/``<div`` tags in the first 4 KB → HTML;
    * otherwise → PAGETEXT.
    """
    if filename is not None:
        by_ext = _format_from_extension(filename)
        if by_ext is not None:
            return by_ext
    return _sniff(text)[0]


# --------------------------------------------------------------------------
# Settings and argument checks
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Settings:
    max_bytes: int
    binary_threshold: float
    fields: dict[str, tuple[str, ...]]  # normalised key -> source field names, in order

    @classmethod
    def build(cls, config: dict[str, Any] | None) -> _Settings:
        # Defaults first so callers (and tests) can pass partial overrides;
        # config.load() already gives a complete, validated dict.
        defaults = config_mod._defaults()
        cfg = config or {}
        if not isinstance(cfg, dict):
            raise InputError(f"config must be a dict (from ghotona.config.load()), got {type(cfg).__name__}")
        inp = {**defaults["input"], **(cfg.get("input") or {})}
        rec = {**defaults["records"], **(cfg.get("records") or {})}
        max_bytes = inp["max_bytes"]
        if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
            raise ConfigError(f"[input] max_bytes must be a positive integer, got {max_bytes!r}")
        threshold = inp["binary_threshold"]
        if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
            raise ConfigError(f"[input] binary_threshold must be a number from 0 to 1, got {threshold!r}")
        fields: dict[str, tuple[str, ...]] = {}
        for key in RECORD_FIELDS:
            names = rec.get(key, [])
            if isinstance(names, str):  # a lone name is an easy slip in TOML
                names = [names]
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ConfigError(f"[records] {key} must be a list of field names, got {names!r}")
            fields[key] = tuple(names)
        return cls(max_bytes, float(threshold), fields)


def _check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    # A bare string is iterable too: iterating it would read one "path" per
    # character, so refuse it loudly.
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise InputError(f"paths must be a list of paths, not a single path; use [{os.fspath(paths)!r}]")
    out: list[str] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise InputError(f"each path must be a str or os.PathLike, got {type(p).__name__} ({p!r})")
        out.append(os.fspath(p))
    return out


def _check_format(fmt: InputFormat | str | None) -> InputFormat | None:
    if fmt is None or isinstance(fmt, InputFormat):
        return fmt
    try:
        return InputFormat(str(fmt).lower())
    except ValueError:
        known = ", ".join(f.value for f in InputFormat)
        raise InputError(f"unknown input format {fmt!r}; use one of: {known}") from None


# --------------------------------------------------------------------------
# Walking paths
# --------------------------------------------------------------------------


class _Stdin:
    """Marker for ``-`` in the expanded path stream."""


_STDIN = _Stdin()


def _expand(paths: list[str]) -> Iterator[str | _Stdin | Rejection]:
    """Expand paths to files (directories walked), ``_STDIN`` or rejections."""
    for p in paths:
        if p == "-":
            yield _STDIN
            continue
        try:
            st = os.stat(p)
        except FileNotFoundError:
            if os.path.islink(p):
                yield Rejection(p, "missing", "is a symbolic link to a path that does not exist")
            else:
                yield Rejection(p, "missing", f"no such file or directory (working directory: {os.getcwd()}); check the path")
            continue
        except OSError as exc:  # permission on a parent, symlink loop, name too long...
            yield Rejection(p, "unreadable", f"cannot look at this path: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p, {(st.st_dev, st.st_ino)})
        else:
            yield p  # even a hidden file: the user named it explicitly


def _walk(directory: str, seen: set[tuple[int, int]]) -> Iterator[str | Rejection]:
    """Depth-first, sorted walk that skips hidden entries and never loops.

    ``seen`` holds (device, inode) of every directory entered, so a symlink
    back up the tree, or two links to one directory, is entered once: each
    file is read once and the walk always ends.
    """
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(directory, "unreadable", f"cannot list this directory: {exc.strerror or exc}; check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):  # .git, .DS_Store, editor swap files
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if not is_dir:
            yield entry.path  # the reader reports broken links / special files
            continue
        try:
            st = os.stat(entry.path)
        except OSError as exc:
            yield Rejection(entry.path, "unreadable", f"cannot enter this directory: {exc.strerror or exc}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue  # symlink loop or a second link to a directory already read
        seen.add(key)
        yield from _walk(entry.path, seen)


# --------------------------------------------------------------------------
# Reading bytes
# --------------------------------------------------------------------------


class _Reject(Exception):
    """Internal: abandon one input with a rejection reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)  # pragma: no cover


def _too_large(what: str, limit: int) -> _Reject:
    return _Reject(
        "too-large",
        f"{what}, over the {_human(limit)} limit ([input] max_bytes); a news page is never "
        "this big (it is probably a dump or an archive): split it, or raise max_bytes in your config",
    )


def _read_file(path: str, max_bytes: int) -> bytes:
    """Read a regular file, refusing by size before reading anything."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise _Reject("missing", "is a symbolic link to a path that does not exist") from None
        raise _Reject("missing", "disappeared before it could be read") from None
    except OSError as exc:
        raise _Reject("unreadable", f"cannot look at this file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        # Reading a FIFO or device could block forever or never end.
        raise _Reject("unreadable", "not a regular file (a FIFO, socket or device); only regular files are read")
    if st.st_size > max_bytes:
        raise _too_large(f"the file is {_human(st.st_size)}", max_bytes)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise _Reject("unreadable", "permission denied; make the file readable (e.g. chmod u+r) or run as its owner") from None
    except OSError as exc:
        raise _Reject("unreadable", f"could not read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew between stat and read
        raise _too_large(f"the file grew to more than {_human(max_bytes)} while being read", max_bytes)
    return data


def _read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes; pipes may return short reads."""
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= max_bytes:
            chunk = stream.read(max_bytes + 1 - total)
            if not chunk:
                break
            if isinstance(chunk, str):  # a text stream was passed: be forgiving
                chunk = chunk.encode("utf-8")
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _Reject("unreadable", f"could not read stdin: {exc.strerror or exc}") from None
    if total > max_bytes:
        raise _too_large(f"stdin gave more than {_human(max_bytes)} (reading stopped there)", max_bytes)
    return b"".join(chunks)


# --------------------------------------------------------------------------
# Binary detection and decoding
# --------------------------------------------------------------------------


def _magic(data: bytes) -> str | None:
    for offset, prefix, what in _MAGIC:
        if data[offset:offset + len(prefix)] == prefix:
            if prefix == b"WEBP" and not data.startswith(b"RIFF"):
                continue
            return what
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "bzip2-compressed data; decompress it first (bunzip2)"
    return None


def _control_share_bytes(sample: bytes) -> float:
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _control_share_text(sample: str) -> float:
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch in _CONTROL_CHARS) / len(sample)


def _percent(x: float) -> str:
    return f"{x * 100:.0f}%"


def _decode_prefix(data: bytes, encoding: str) -> str:
    """Strict decode that tolerates only an incomplete character at the very end.

    A file cut mid-character (a truncated download) is still that encoding;
    only invalid bytes elsewhere make the decode fail.
    """
    return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)


def _utf16_without_bom(data: bytes, threshold: float) -> tuple[str, str] | None:
    """UTF-16 without a BOM puts NULs (the high bytes of ASCII) in one parity.

    Bengali letters themselves have no NUL byte in UTF-16, but spaces, digits
    and markup do, always on the same side.  Random binary has NULs on both.
    """
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd and not even:
        encoding = "utf-16-le"
    elif even and not odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = _decode_prefix(data, encoding)
    except UnicodeDecodeError:
        return None
    if _control_share_text(text[:_SNIFF_BYTES]) > threshold:
        return None
    return text, encoding


@dataclass(slots=True)
class _Decoded:
    text: str
    encoding: str
    guessed: bool


def _declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _decode(data: bytes, html_hint: bool, threshold: float) -> _Decoded:
    """Decode ``data`` by BOM, strict UTF-8, HTML declaration, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                # utf-8-sig strips its own BOM; the others are decoded past it.
                body = data if encoding == "utf-8-sig" else data[len(bom):]
                text = _decode_prefix(body, encoding)
            except UnicodeDecodeError as exc:
                name = encoding.upper().removesuffix("-SIG")
                raise _Reject(
                    "decode-error",
                    f"starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start}: {exc.reason}); it may be damaged or mislabelled. "
                    f"Convert it to UTF-8, e.g. iconv -f {name} -t UTF-8 FILE > FILE.utf8",
                ) from None
            return _Decoded(text, encoding, False)

    tried: list[str] = []
    try:
        return _Decoded(_decode_prefix(data, "utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        tried.append(f"UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})")

    if html_hint:
        declared = _declared_charset(data)
        if declared and declared not in ("utf-8", "utf8"):
            name = _CHARSET_ALIASES.get(declared, declared)
            try:
                codec = codecs.lookup(name).name
            except LookupError:
                tried.append(f"declared charset {declared!r} (unknown to Python)")
            else:
                # A page claiming UTF-16 in ASCII bytes is lying (WHATWG ignores it too).
                if not codec.startswith(("utf-16", "utf-32")):
                    try:
                        return _Decoded(data.decode(codec), codec, False)
                    except UnicodeDecodeError as exc:
                        tried.append(f"declared charset {declared!r} (invalid at byte {exc.start})")

    matches = from_bytes(data)
    best = matches.best()
    if best is not None and best.encoding:
        # Single-byte code pages often tie exactly (cp1250, cp1252 and cp1257
        # all score the same on an English page, and the first listed wins);
        # on a tie prefer windows-1252, by far the commonest on the web.
        for m in matches:
            if m.encoding == "cp1252" and (m.chaos, m.coherence) == (best.chaos, best.coherence):
                best = m
                break
        text = str(best)
        encoding = best.encoding
        # A sibling code page that decodes these bytes identically: report
        # the common name.
        if encoding != "cp1252":
            try:
                if data.decode("cp1252") == text:
                    encoding = "cp1252"
            except UnicodeDecodeError:
                pass
        if _control_share_text(text[:_SNIFF_BYTES]) <= threshold:
            return _Decoded(text, encoding, True)
        tried.append(f"detected {encoding} (decoded text is mostly control characters)")
    else:
        tried.append("automatic detection (no encoding fits with confidence)")
    raise _Reject(
        "decode-error",
        "could not decode the text; tried " + "; ".join(tried) + ". "
        "Convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8 "
        "(put the real source encoding in place of WINDOWS-1252).",
    )


def _decode_checked(data: bytes, html_hint: bool, threshold: float) -> _Decoded:
    """Binary and emptiness checks, then :func:`_decode`."""
    if not data.strip():
        raise _Reject("empty", "the file is empty" if not data else "the file holds only whitespace")
    what = _magic(data)
    if what:
        raise _Reject("binary", f"this is not a text page: it looks like {what}")
    sample = data[:_SNIFF_BYTES]
    has_wide_bom = any(data.startswith(b) for b, enc in _BOMS if not enc.startswith("utf-8"))
    if not has_wide_bom:
        if b"\x00" in sample:
            found = _utf16_without_bom(data, threshold)
            if found is not None:
                return _Decoded(found[0], found[1], True)
            if not data.strip(b"\x00"):
                raise _Reject("binary", "the file holds only NUL bytes (an unfinished download or a placeholder)")
            raise _Reject(
                "binary",
                "contains NUL bytes, so it is binary data (or UTF-16/32 text without a byte-order "
                "mark; if so, convert it: iconv -f UTF-16 -t UTF-8)",
            )
        share = _control_share_bytes(sample)
        if share > threshold:
            raise _Reject(
                "binary",
                f"{_percent(share)} of its first bytes are control characters (the limit is "
                f"{_percent(threshold)}, [input] binary_threshold): this is binary data, not text",
            )
    decoded = _decode(data, html_hint, threshold)
    if decoded.text.startswith("\ufeff"):
        decoded.text = decoded.text[1:]
    if not decoded.text.strip():
        raise _Reject("empty", f"the file holds only whitespace (decoded as {decoded.encoding})")
    if has_wide_bom:
        share = _control_share_text(decoded.text[:_SNIFF_BYTES])
        if share > threshold:
            raise _Reject("binary", f"decoded as {decoded.encoding}, {_percent(share)} of it is control characters: binary data")
    return decoded


# --------------------------------------------------------------------------
# Format detection
# --------------------------------------------------------------------------


def _format_from_extension(name: str) -> InputFormat | None:
    return _EXTENSIONS.get(os.path.splitext(name)[1].lower())


def _first_chars(text: str) -> str:
    return text[:4096].lstrip("\ufeff" + _WS).lower()


def _looks_like_jsonl(text: str) -> bool:
    """The first (up to five) non-blank lines each parse as a JSON object.

    When the file has two or more lines, the last line of the file may be
    broken (a truncated export) without spoiling the verdict.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) > 5:
                break
    if not lines:
        return False
    checked = lines[:5]
    if len(lines) <= 5 and len(lines) >= 2:
        checked = lines[:-1]  # the file's final line: may be cut short
    for line in checked:
        if not line.startswith("{"):
            return False
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except json.JSONDecodeError:
            return False
    return True


def _first_list_item_is_object(text: str) -> bool:
    """A JSON list whose first element is a complete object (maybe cut later)."""
    start = text.find("[")
    i = _skip_ws(text, start + 1)
    try:
        obj, _ = json.JSONDecoder().raw_decode(text, i)
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict)


def _sniff(text: str) -> tuple[InputFormat, Any]:
    """Content sniffing; returns the parsed JSON too so it is parsed once."""
    head = _first_chars(text)
    if head.startswith(("<!doctype html", "<html")):
        return InputFormat.HTML, None
    # JSON before the tag search: article bodies inside JSON often hold <p>.
    if head[:1] in ("[", "{"):
        try:
            parsed = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            parsed = None
        else:
            if isinstance(parsed, (list, dict)):
                return InputFormat.JSON, parsed
        if _looks_like_jsonl(text):
            return InputFormat.JSONL, None
        stripped = text.lstrip("\ufeff" + _WS)
        if (head[0] == "[" and _first_list_item_is_object(stripped)) or _WRAPPER_START.match(stripped):
            return InputFormat.JSON, None  # cut short: salvage what is complete
    if _HTML_TAGS.search(text[:4096]):
        return InputFormat.HTML, None
    return InputFormat.PAGETEXT, None


# --------------------------------------------------------------------------
# HTML and page text
# --------------------------------------------------------------------------


def _absolute_url(value: str) -> str | None:
    value = html.unescape(value).strip()
    if value.startswith("//"):
        value = "https:" + value
    return value if re.match(r"https?://\S+$", value, re.I) else None


def _html_url(text: str) -> str | None:
    """``<link rel=canonical>`` else ``<meta property=og:url>`` in the head."""
    end = text.lower().find("</head>")
    head = text[: end if end >= 0 else 65_536]
    canonical = og = None
    for m in _TAG.finditer(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(m.group(2))}
        if m.group(1).lower() == "link":
            if canonical is None and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
                canonical = _absolute_url(attrs["href"])
        elif og is None and (attrs.get("property") or attrs.get("name", "")).lower() == "og:url":
            og = _absolute_url(attrs.get("content", ""))
    return canonical or og


def _pagetext_url(text: str) -> str | None:
    """A ``URL: https://…`` line, else a first or last line that is just a URL."""
    m = _LABELLED_URL.search(text)
    if m:
        return m.group(1)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in (lines[0], lines[-1]) if lines else ():
        m = _URL_LINE.match(line)
        if m:
            return m.group(1)
    return None


# --------------------------------------------------------------------------
# Records (JSON / JSONL / CSV)
# --------------------------------------------------------------------------


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def _line_col(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def _as_text(value: Any, joiner: str) -> str | None:
    """A record value as stripped text, or None when it carries nothing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):  # body as a list of paragraphs, several authors
        parts = [t for t in (_as_text(v, joiner) for v in value) if t]
        return joiner.join(parts) or None
    if isinstance(value, dict):  # e.g. author: {"name": ...}
        for key in ("name", "text", "#text", "value"):
            if key in value:
                return _as_text(value[key], joiner)
    return None


def _normalise(obj: dict[str, Any], names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Pick each normalised field from the first present, non-empty source field.

    Exact names are tried first, then a case- and space-insensitive match
    (CSV headers like "Headline " are common).  Every source field that was
    not picked and is not an empty known field goes to ``extra``: nothing
    with content is dropped.
    """
    folded: dict[str, str] = {}
    for key in obj:
        if isinstance(key, str):
            folded.setdefault(key.strip().lower(), key)
    fields: dict[str, Any] = {}
    used: set[Any] = set()
    known: set[Any] = set()
    for norm, candidates in names.items():
        joiner = "\n\n" if norm == "body" else ", "
        fields[norm] = None
        for name in candidates:
            key = name if name in obj else folded.get(name.strip().lower())
            if key is None:
                continue
            known.add(key)
            if fields[norm] is None and key not in used:
                value = _as_text(obj[key], joiner)
                if value is not None:
                    fields[norm] = value
                    used.add(key)
    fields["extra"] = {
        str(k): v for k, v in obj.items()
        if k not in used and not (k in known and _as_text(v, ", ") is None)
    }
    return fields


def _preview(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _RecordMaker:
    """Turns decoded records into pages or ``bad-record`` rejections."""

    def __init__(self, source: str, fmt: InputFormat, decoded: _Decoded, settings: _Settings) -> None:
        self.source, self.fmt, self.decoded, self.settings = source, fmt, decoded, settings

    def __call__(self, obj: Any, index: int, where: str = "") -> RawPage | Rejection:
        src = f"{self.source}#{index}"
        if not isinstance(obj, dict):
            return Rejection(src, "bad-record", f"record {index}{where} is {type(obj).__name__} "
                             f"{_preview(obj)}, not an object with article fields; skipped")
        fields = _normalise(obj, self.settings.fields)
        if not fields["body"]:
            tried = ", ".join(self.settings.fields["body"]) or "(none configured)"
            present = ", ".join(str(k) for k in list(obj)[:12]) or "none"
            return Rejection(
                src, "bad-record",
                f"record {index}{where} has no body: none of the fields {tried} is present and "
                f"non-empty (its fields: {present}); if the body is under another name, add it "
                "to [records] body in your config",
            )
        body = fields["body"]
        return RawPage(
            source=src, format=self.fmt, text=body, encoding=self.decoded.encoding,
            encoding_guessed=self.decoded.guessed, url=fields["url"], fields=fields,
            size_bytes=len(body.encode("utf-8")),
        )


def _salvage_list(text: str, start: int) -> Iterator[Any | json.JSONDecodeError]:
    """Decode list items one by one from ``start`` (just after ``[``).

    Yields each complete element, then a :class:`json.JSONDecodeError`
    (positioned in ``text``) if the list is cut short or broken.
    """
    decoder = json.JSONDecoder()
    i, n = _skip_ws(text, start), len(text)
    if i < n and text[i] == "]":
        return
    while True:
        if i >= n:
            yield json.JSONDecodeError("the file ends before the list is closed", text, i)
            return
        try:
            obj, i = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            yield exc
            return
        except RecursionError:
            yield json.JSONDecodeError("nested too deeply", text, i)
            return
        yield obj
        i = _skip_ws(text, i)
        if i < n and text[i] == ",":
            i = _skip_ws(text, i + 1)
            continue
        if i < n and text[i] == "]":
            rest = _skip_ws(text, i + 1)
            if rest < n and text[rest] != "}":  # "}" closes an {"articles": [...]} wrapper
                yield json.JSONDecodeError("unexpected data after the end of the list", text, rest)
            return
        yield json.JSONDecodeError("expected ',' or ']' after a record", text, i)
        return


def _json_records(text: str, parsed: Any, make: _RecordMaker, allow_jsonl: bool) -> Iterator[RawPage | Rejection]:
    source = make.source
    if parsed is None:
        try:
            parsed = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            error = exc
        else:
            error = None
        if error is not None:
            # A .json file that is really JSON Lines is a common mix-up.
            if allow_jsonl and _looks_like_jsonl(text):
                make.fmt = InputFormat.JSONL
                yield from _jsonl_records(text, make)
                return
            yield from _salvage(text, error, make)
            return

    if isinstance(parsed, dict):
        has_body = _normalise(parsed, {"body": make.settings.fields["body"]})["body"]
        wrapped = next((k for k in _WRAPPER_KEYS if isinstance(parsed.get(k), list)), None)
        if wrapped and not has_body:
            parsed = parsed[wrapped]
        else:
            yield make(parsed, 0)
            return
    if not isinstance(parsed, list):
        yield Rejection(source, "bad-record", f"top-level JSON value is {type(parsed).__name__} "
                        f"{_preview(parsed)}; expected an article object or a list of them")
        return
    if not parsed:
        yield Rejection(source, "empty", "the JSON list holds no records")
        return
    for index, obj in enumerate(parsed):
        yield make(obj, index)


def _salvage(text: str, error: Exception, make: _RecordMaker) -> Iterator[RawPage | Rejection]:
    """Read the complete leading records of a broken list; reject the tail once."""
    source = make.source
    stripped_at = _skip_ws(text, 0)
    start = -1
    if text.startswith("[", stripped_at):
        start = stripped_at + 1
    else:
        m = _WRAPPER_START.match(text)
        if m:
            start = m.end()
    if start < 0:
        where = f" at {_line_col(text, error.pos)}" if isinstance(error, json.JSONDecodeError) else ""
        msg = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        hint = " (it looks like an HTML page, not JSON)" if _first_chars(text).startswith("<") else ""
        yield Rejection(source, "bad-record", f"not valid JSON{where}: {msg}{hint}; nothing was read from it")
        return
    count = 0
    for item in _salvage_list(text, start):
        if isinstance(item, json.JSONDecodeError):
            kept = f"the {count} record(s) before it were read" if count else "no complete record came before it"
            yield Rejection(
                f"{source}#{count}", "bad-record",
                f"the JSON is cut short or broken at {_line_col(text, item.pos)} ({item.msg}) after "
                f"record {count - 1 if count else 'none'}; {kept} and the rest of the file was "
                "skipped. Re-export the file or repair its end.",
            )
            return
        yield make(item, count)
        count += 1
    # The list itself was whole, so the fault is around it; still say so once.
    where = f" at {_line_col(text, error.pos)}" if isinstance(error, json.JSONDecodeError) else ""
    msg = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
    yield Rejection(f"{source}#{count}", "bad-record",
                    f"not valid JSON{where} ({msg}) outside the record list; the {count} record(s) in it were read")


def _jsonl_records(text: str, make: _RecordMaker) -> Iterator[RawPage | Rejection]:
    # Split on "\n" only: str.splitlines() would also split on U+2028 and
    # friends, which may appear raw inside JSON strings.
    index = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield Rejection(f"{make.source}#{index}", "bad-record",
                            f"line {line_no} is not valid JSON ({msg}); skipped, the other lines were read")
        else:
            yield make(obj, index, f" (line {line_no})")
        index += 1


def _raise_csv_field_limit(max_bytes: int) -> None:
    # The csv module refuses fields over 128 KB by default; a long article
    # body is bigger.  The limit is process-wide, so only ever raise it.
    wanted = min(max_bytes + 1, 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _csv_records(text: str, make: _RecordMaker) -> Iterator[RawPage | Rejection]:
    _raise_csv_field_limit(make.settings.max_bytes)
    header = text.split("\n", 1)[0]
    delimiter = ","
    if header.count(",") == 0:  # a TSV or semicolon export saved as .csv
        delimiter = max(("\t", ";"), key=header.count) if max(header.count("\t"), header.count(";")) else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, restkey="extra_columns")
    index = 0
    try:
        for row in reader:
            yield make(row, index, f" (line {reader.line_num})")
            index += 1
    except csv.Error as exc:
        yield Rejection(f"{make.source}#{index}", "bad-record",
                        f"CSV broken near line {reader.line_num} ({exc}); the {index} record(s) before it were read")
        return
    if index == 0:
        yield Rejection(make.source, "empty", "the CSV has a header row but no records")


# --------------------------------------------------------------------------
# Driving it all
# --------------------------------------------------------------------------


def _pages_from_bytes(
    data: bytes, source: str, filename: str | None, forced: InputFormat | None, settings: _Settings
) -> Iterator[RawPage | Rejection]:
    fmt = forced
    from_extension = False
    if fmt is None and filename is not None:
        fmt = _format_from_extension(filename)
        from_extension = fmt is not None
    html_hint = fmt is InputFormat.HTML or (fmt is None and bool(_HTML_BYTES_HINT.search(data[:8192])))
    decoded = _decode_checked(data, html_hint, settings.binary_threshold)
    text = decoded.text

    parsed = None
    if fmt is None:
        fmt, parsed = _sniff(text)

    if fmt in (InputFormat.HTML, InputFormat.PAGETEXT):
        url = _html_url(text) if fmt is InputFormat.HTML else _pagetext_url(text)
        yield RawPage(source=source, format=fmt, text=text, encoding=decoded.encoding,
                      encoding_guessed=decoded.guessed, url=url, size_bytes=len(data))
    else:
        make = _RecordMaker(source, fmt, decoded, settings)
        if fmt is InputFormat.JSON:
            yield from _json_records(text, parsed, make, allow_jsonl=forced is None and from_extension)
        elif fmt is InputFormat.JSONL:
            yield from _jsonl_records(text, make)
        else:
            yield from _csv_records(text, make)


def _guarded(source: str, pages: Iterator[RawPage | Rejection]) -> Iterator[RawPage | Rejection]:
    """Turn a rejection or an unexpected failure into a value; never stop the batch."""
    try:
        yield from pages
    except _Reject as rej:
        yield Rejection(source, rej.reason, rej.detail)
    except Exception as exc:  # a bug must cost one input, not the whole run
        yield Rejection(source, "unreadable",
                        f"internal error while reading ({type(exc).__name__}: {exc}); this is a bug in ghotona, please report it")


def _iter(paths: list[str], forced: InputFormat | None, settings: _Settings,
          stdin: BinaryIO | None) -> Iterator[RawPage | Rejection]:
    for item in _expand(paths):
        if isinstance(item, Rejection):
            yield item
        elif isinstance(item, _Stdin):
            yield from _guarded(STDIN_SOURCE, _from_stdin(stdin, forced, settings))
        else:
            yield from _guarded(item, _from_file(item, forced, settings))


def _from_file(path: str, forced: InputFormat | None, settings: _Settings) -> Iterator[RawPage | Rejection]:
    data = _read_file(path, settings.max_bytes)
    yield from _pages_from_bytes(data, path, path, forced, settings)


def _from_stdin(stdin: BinaryIO | None, forced: InputFormat | None, settings: _Settings) -> Iterator[RawPage | Rejection]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise _Reject("unreadable", "there is no standard input to read from")
    data = _read_stream(stream, settings.max_bytes)
    yield from _pages_from_bytes(data, STDIN_SOURCE, None, forced, settings)
