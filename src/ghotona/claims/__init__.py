"""Claims: the quantitative statements in an article, with who states them.

``find_claims(article) -> list[Claim]`` reads deaths, injuries, arrests,
troops, tariffs, money, refugees, votes ... from ``article.body``; each
:class:`~ghotona.records.Claim` carries its figure, bound, unit, what is
counted, and the claimant the sentence cites (docs/claims.md).

``article_from_text(text, published=...)`` turns a plain text into an
``Article`` through the pipeline's own record path, so a written example
gets the same sentences, time expressions, actor mentions and wire sources
a page would.
"""

from __future__ import annotations


from ..pipeline import article_from_text  # re-exported: claims' callers build articles from texts
from .extract import claims_in_text, find_claims
from .lexicon import BOUNDS, COUNTED, UNITS, load_claims_data

__all__ = ["find_claims", "claims_in_text", "article_from_text", "load_claims_data", "BOUNDS", "UNITS", "COUNTED"]
