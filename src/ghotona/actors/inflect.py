"""Bengali inflection: the base forms a name may hide behind (পুতিনের -> পুতিন).

The endings are language data (``data/actors/inflections.yaml``).  Matching
asks for every candidate base of a token, longest ending first, and keeps the
one the dictionary knows; a bare token is always its own first candidate.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..langdata import check_keys, fail, load_yaml, require

_FILE = "actors/inflections.yaml"


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    raw = load_yaml(_FILE)
    if not isinstance(raw, dict):
        raise fail(_FILE, "file", "expected a mapping with suffixes, separators, min_base_chars")
    check_keys(_FILE, "file", raw, {"suffixes", "separators", "min_base_chars"})
    suffixes = require(_FILE, "file", raw, "suffixes", list)
    seps = require(_FILE, "file", raw, "separators", list)
    minimum = require(_FILE, "file", raw, "min_base_chars", int)
    for i, s in enumerate(suffixes + seps):
        if not isinstance(s, str) or not s:
            raise fail(_FILE, f"entry {i}", "expected a non-empty string")
    norm = sorted({unicodedata.normalize("NFC", s) for s in suffixes}, key=len, reverse=True)
    return tuple(norm), tuple(seps), minimum


def base_forms(token: str) -> list[str]:
    """The token itself, then each form with one known ending (and a separator before it) removed."""
    suffixes, seps, minimum = _data()
    out = [token]
    for suf in suffixes:
        if token.endswith(suf) and len(token) - len(suf) >= minimum:
            base = token[: -len(suf)]
            while base and base[-1] in seps:
                base = base[:-1]
            if len(base) >= minimum and base not in out:
                out.append(base)
    return out
