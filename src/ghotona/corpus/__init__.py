"""Corpus-level work: what many articles say together.

Duplicates (copies of one article), stories (articles about one happening),
threads (stories linked over time), happenings (event mentions merged across
articles) and conflicts (figures that disagree).  Each module owns one of
these; :class:`CorpusUpdater` (update.py) runs them in order for every
article ingest stores.
"""

from __future__ import annotations

from .stories import ArticleProfile, StoryAssignment, StoryIndex
from .threads import ThreadIndex
from .update import CorpusUpdate, CorpusUpdater

__all__ = ["ArticleProfile", "CorpusUpdate", "CorpusUpdater", "StoryAssignment", "StoryIndex", "ThreadIndex"]
