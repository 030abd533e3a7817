"""Article <-> plain dict, losslessly, for the store's JSON column.

``Article.to_json`` is the *display* shape (paragraph texts only, no
offsets); the store needs the opposite: every field back exactly as it was,
so that ``get_article`` returns what ``upsert_article`` was given.

The conversion is driven by the dataclass type hints rather than written out
field by field, so a field added to ``records.py`` later is stored without
anyone remembering to touch this file.  Decoding tolerates a dict written by
an older version (missing fields take their dataclass defaults) or a newer one
(unknown keys are ignored), because stored rows outlive the code that wrote
them.

Datetimes are ISO 8601 strings.  A datetime whose ``tzinfo`` is a
``zoneinfo.ZoneInfo`` gets the zone name appended in brackets, RFC 9557
style (``2025-07-11T10:30:00+06:00[Asia/Dhaka]``): the offset alone would
come back as a fixed-offset ``timezone`` and lose the zone.
"""

from __future__ import annotations

import re
import types
from dataclasses import MISSING, fields, is_dataclass
from datetime import datetime
from enum import Enum
from functools import lru_cache
from typing import Any, Union, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..records import Article

__all__ = ["article_to_dict", "article_from_dict", "encode_datetime", "decode_datetime"]

_ZONED = re.compile(r"^(?P<iso>[^\[]+)\[(?P<zone>[^\]]+)\]$")


def encode_datetime(value: datetime) -> str:
    """ISO 8601 text, with ``[Zone/Name]`` appended for ZoneInfo datetimes."""
    text = value.isoformat()
    if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key:
        text += f"[{value.tzinfo.key}]"
    return text


def decode_datetime(text: str) -> datetime:
    """Inverse of :func:`encode_datetime`."""
    m = _ZONED.match(text)
    if m is None:
        return datetime.fromisoformat(text)
    parsed = datetime.fromisoformat(m["iso"])
    try:
        zone = ZoneInfo(m["zone"])
    except (ZoneInfoNotFoundError, ValueError):
        # The zone database here lacks the name: the fixed offset still
        # gives the right instant, which is the part that matters.
        return parsed
    # astimezone keeps the instant, so the wall time and the fold of an
    # ambiguous (DST-overlap) time both come back as they were written.
    return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _encode(value: Any) -> Any:
    # Enum before str: InputFormat is a str subclass and must become its value.
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, datetime):
        return encode_datetime(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    raise TypeError(f"cannot store a value of type {type(value).__name__}: {value!r}")


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _decode(tp: Any, value: Any) -> Any:
    if tp is Any:
        return value
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return _decode(options[0], value)
        # A union of several real types (none in records.py today): take the
        # first that the JSON value already is.
        for option in options:
            if isinstance(option, type) and isinstance(value, option):
                return value
        return value
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_decode(item, v) for v in value]
    if origin is dict:
        _, item = get_args(tp) or (str, Any)
        return {k: _decode(item, v) for k, v in value.items()}
    if tp is datetime:
        return decode_datetime(value)
    if isinstance(tp, type) and is_dataclass(tp):
        return _from_dict(tp, value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = _decode(hints[f.name], data[f.name])
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ValueError(f"stored {cls.__name__} lacks required field '{f.name}'")
    return cls(**kwargs)


def article_to_dict(article: Article) -> dict[str, Any]:
    """Every field of ``article`` as JSON-ready values (nested records as dicts)."""
    return _encode(article)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild the ``Article`` that :func:`article_to_dict` was given."""
    return _from_dict(Article, data)
