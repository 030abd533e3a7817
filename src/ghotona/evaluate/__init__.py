"""Evaluation against reference sets; each module scores one capability."""

from __future__ import annotations


def find_nth(text: str, needle: str, occurrence: int, where: str) -> int:
    """Offset of the ``occurrence``-th ``needle`` in ``text`` (reference sets quote spans, not offsets).

    A quote that is not there is an error naming the entry, so a broken
    annotation never silently scores as a miss.
    """
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{where}: {needle!r} (occurrence {occurrence}) is not in the text")
    return pos
