"""The actor mention record (docs/actors.md, "Mention record")."""

from __future__ import annotations

# The record lives with the other typed records, so an Article can carry
# mentions without importing the matcher.
from ..records import ActorMention

__all__ = ["ActorMention", "HOWS", "TYPES"]

TYPES = ("person", "organisation", "country", "place")
HOWS = (
    "exact",
    "inflected",
    "variant",
    "fuzzy",
    "abbreviation",
    "demonym",
    "role",
    "short-form",
    "ner",
)
