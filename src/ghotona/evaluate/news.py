"""Gold articles that are records of a news corpus in ``../shared`` (``news:`` entries).

The events gold can point at a record of a JSON corpus such as
``shared:data/news/bdnews_2025-12-30.json`` by its ``id`` field instead of
holding the text: the outlets' text stays in ``../shared`` and the gold quotes
only triggers and claim phrases, found by occurrence in the record's
``article`` field.  The record goes through the same input
and extraction path as ``ghotona ingest`` would give it, so the scores are
those of the real pipeline on real pages.

Many records of that corpus carry no publication date.  The gold entry's
``date`` is then given to the record as its publication date, as a written
article's is; otherwise its relative dates ("on Tuesday") could not resolve
and the date level would score the corpus's gap, not the coder.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..records import RawPage
from .extraction import shared_dir


@lru_cache(maxsize=4)
def _corpus(corpus: Path) -> tuple[dict[str, int], tuple[dict[str, Any], ...], tuple[Any, ...]]:
    """Record id -> index, the raw records and their RawPages in order (each corpus read once)."""
    import json

    from ..config import load
    from ..inputs import iter_pages

    records = tuple(json.loads(corpus.read_text("utf-8")))
    ids = {str(r.get("id")): i for i, r in enumerate(records)}
    return ids, records, tuple(iter_pages([str(corpus)], config=load()))


def _shared_file(ref: str, where: str) -> Path:
    """The file a gold entry's ``shared:REL`` points at; missing is an error naming the entry."""
    path = shared_dir() / ref.split(":", 1)[-1]
    if not path.is_file():
        raise FileNotFoundError(f"{where}: corpus {ref} not found at {path} "
                                "(the shared folder beside the repository, or $GHOTONA_SHARED)")
    return path


def news_record(entry: dict[str, Any], where: str) -> tuple[RawPage, str]:
    """The RawPage of a ``news:`` gold entry and the record's raw ``article`` text (what quotes are counted in).

    Errors name the entry: a missing corpus, an unknown record id, a record
    rejected on input.
    """
    corpus = _shared_file(str(entry["news"]), where)
    rid = str(entry.get("record", ""))
    ids, records, pages = _corpus(corpus)
    if rid not in ids:
        raise ValueError(f"{where}: record id {rid!r} is not in {corpus.name}")
    page = pages[ids[rid]]
    if not isinstance(page, RawPage) or page.fields is None:
        raise ValueError(f"{where}: record {rid} was rejected on input ({getattr(page, 'reason', '?')})")
    fields = dict(page.fields)
    if not fields.get("published") and entry.get("date"):
        fields["published"] = str(entry["date"])
    return replace(page, fields=fields), str(records[ids[rid]].get("article") or "")


def news_article(entry: dict[str, Any], extractor: Any, where: str) -> tuple[Any, str]:
    """The extracted Article of a ``news:`` entry and the record's raw article text; a rejected record is an error."""
    from ..records import Article

    page, text = news_record(entry, where)
    art = extractor.extract(page)
    if not isinstance(art, Article):
        raise ValueError(f"{where}: the pipeline rejected record {entry.get('record')} ({art.reason}: {art.detail})")
    return art, text


def check_offset(text: str, item: dict[str, Any], where: str) -> None:
    """A quote's ``offset``, when given, must hold the quote in the record's raw article text.

    Only the body is annotated (as in the written files, whose titles are
    not evidence): the headline is not part of the article body the coder reads.
    """
    quote = str(item.get("trigger", item.get("text", "")))
    if "offset" in item and text[int(item["offset"]):int(item["offset"]) + len(quote)] != quote:
        raise ValueError(f"{where}: {quote!r} is not at offset {item['offset']} of the record's article text")


@lru_cache(maxsize=4)
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text("utf-8").splitlines())


def sentence_text(entry: dict[str, Any], where: str) -> str:
    """The text of a ``sentence:`` gold entry: line ``line`` (1-based) of a JSON-lines corpus in ``../shared``.

    Each line is a JSON array whose first item is the sentence (the NER
    corpora's ``[text, tags]``), or an object with a ``text`` field.  Errors
    name the entry.
    """
    import json

    path = _shared_file(str(entry["sentence"]), where)
    lines = _lines(path)
    n = entry.get("line")
    if not isinstance(n, int) or not 1 <= n <= len(lines):
        raise ValueError(f"{where}: 'line' must be a line number from 1 to {len(lines)} of {path.name}, not {n!r}")
    item = json.loads(lines[n - 1])
    text = item[0] if isinstance(item, list) and item else item.get("text") if isinstance(item, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: line {n} of {path.name} holds no sentence text")
    return text
