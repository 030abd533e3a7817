"""One tokenisation per article, shared by duplicate detection and stories.

Duplicate detection reads the whole body (``shingles.words``); story
assignment reads the title, repeated, and the lead: the first
``[stories] lead_chars`` characters of the body (``textsim.words``).  Both
start by normalising and case-folding, which costs more than anything else
they do with the words, and the lead was normalised twice.

:func:`article_words` normalises each part of the article once and finds
both word lists in it.  The words are exactly those the two modules find on
their own (tests/test_corpus_speed.py checks it on the sample and demo
pages and on strings built to break it), because ``normalize`` works line
by line: a text cut just after a newline normalises to the normalised
parts, joined.  Nothing is changed by a newline (it composes with no
character, ends every space run, and is no virama beside a joiner), so

    normalize(head + tail) == normalize(head) + normalize(tail)

whenever ``head`` ends with ``"\\n"``.  The body is therefore cut after the
last newline inside the lead: the part before is normalised once for
both, the rest of the lead's last paragraph twice (on its own for the
lead, and joined with the rest of the body for the shingles).

The two word definitions stay different (shingles map digits to ASCII and
keep marks at a word start; text similarity keeps other numerals and drops
joiners): they were tuned apart, and changing either would change results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text.normalize import normalize
from . import shingles, textsim

if TYPE_CHECKING:
    from ..records import Article


@dataclass(slots=True, frozen=True)
class ArticleWords:
    """The words of one article as both corpus stages read them.

    ``body``: ``shingles.words(article.body)`` (duplicate detection);
    ``story``: ``textsim.words`` of the title repeated ``title_repeat``
    times and the first ``lead_chars`` characters of the body (stories).
    """

    body: list[str]
    story: list[str]


def _norm(text: str) -> str:
    return normalize(text).casefold() if text else ""


def article_words(article: "Article", lead_chars: int = 800, title_repeat: int = 2) -> ArticleWords:
    """Both word lists of ``article`` from one normalisation of each part (see the module docstring)."""
    return text_words(article.title or "", article.body or "", lead_chars, title_repeat)


def text_words(title: str, body: str, lead_chars: int = 800, title_repeat: int = 2) -> ArticleWords:
    """:func:`article_words` of a title and a body."""
    lead_chars = max(0, lead_chars)
    cut = body.rfind("\n", 0, lead_chars) + 1  # 0 when the lead has no newline
    head = _norm(body[:cut])
    if len(body) <= lead_chars:
        mid = tail = _norm(body[cut:])
    else:
        mid = _norm(body[cut:lead_chars])
        tail = _norm(body[cut:])
    title_words = textsim.folded_words(_norm(title)) if title_repeat > 0 else []
    return ArticleWords(
        body=shingles.folded_words(head + tail),
        story=title_words * title_repeat + textsim.folded_words(head + mid),
    )
