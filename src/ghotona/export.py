"""Exports of the store: events, articles, claims and stories as JSONL, CSV or Parquet.

One code path serves ``ghotona export`` and the API's ``/api/export``:
:func:`export` writes every record of a kind to a binary file object and
returns how many it wrote.

Events are PLOVER-style records (``Event.to_json()``, docs/events.md) with
the CAMEO crosswalk alongside, so that GDELT and ICEWS users can join:
``cameo`` (the code for the type and mode), ``cameo_root`` (its two-digit
category) and ``quad_class`` (CAMEO's quad class: 1 verbal cooperation ..
4 material conflict).  JSONL keeps the nested record; CSV and Parquet get one
flat row per event (lists joined with ``"; "``, the first evidence sentence).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from .errors import GhotonaError
from .store.base import Store

KINDS = ("events", "articles", "claims", "stories")
FORMATS = ("jsonl", "csv", "parquet")
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}

#: Records read from the store per query while exporting: large enough that
#: query overhead is small, small enough to keep memory flat.
BATCH = 1000


class ExportError(GhotonaError):
    """An export cannot be made as asked (unknown kind, missing extra, nothing to export)."""


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def _pages(fetch: Callable[[int, int], list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = fetch(BATCH, offset)
        yield from rows
        if len(rows) < BATCH:
            return
        offset += len(rows)


class _Crosswalk:
    """CAMEO root and quad class for a PLOVER type, read once from the ontology."""

    def __init__(self) -> None:
        from .events.ontology import load_ontology

        self.onto = load_ontology()

    def fields(self, event: dict[str, Any]) -> dict[str, Any]:
        t = self.onto.types.get(event.get("event") or "")
        cameo = event.get("cameo") or (t.cameo if t else None)
        strict = None
        if t is not None and event.get("mode"):
            try:
                strict = self.onto.strict_mode(t.name, event["mode"])
            except ValueError:
                strict = None
        return {
            "cameo": cameo,
            "cameo_root": cameo[:2] if cameo else None,
            "quad_class": t.quad if t else None,
            "plover_mode": strict,
        }


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored event as its PLOVER-style record plus the crosswalk fields."""
    cross = _Crosswalk()
    for e in _pages(lambda limit, offset: store.events(limit=limit, offset=offset)):
        yield {**e, **cross.fields(e)}


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (CSV, Parquet)."""
    loc = e.get("location") or {}
    att = e.get("attribution") or {}
    ev = (e.get("evidence") or [{}])[0]
    return {
        "id": e["id"],
        "article_id": e["article_id"],
        "date": e.get("date"),
        "date_granularity": e.get("date_granularity"),
        "date_how": e.get("date_how"),
        "event": e.get("event"),
        "mode": e.get("mode"),
        "plover_mode": e.get("plover_mode"),
        "context": _join(e.get("context") or []),
        "cameo": e.get("cameo"),
        "cameo_root": e.get("cameo_root"),
        "quad_class": e.get("quad_class"),
        "status": e.get("status"),
        "actor_ids": _join([p.get("id") for p in e.get("actor") or []]),
        "actor_names": _join([p.get("name_en") or p.get("text") for p in e.get("actor") or []]),
        "recipient_ids": _join([p.get("id") for p in e.get("recipient") or []]),
        "recipient_names": _join([p.get("name_en") or p.get("text") for p in e.get("recipient") or []]),
        "location_id": loc.get("id"),
        "location_name": loc.get("name_en") or loc.get("text"),
        "outlet": att.get("outlet"),
        "outlet_id": att.get("outlet_id"),
        "sources": _join([s.get("name_en") or s.get("text") for s in att.get("sources") or []]),
        "evidence": ev.get("sentence"),
        "trigger": ev.get("trigger"),
        "confidence": e.get("confidence"),
        "symmetric": e.get("symmetric"),
    }


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for a in _pages(lambda limit, offset: [x.to_json() for x in store.list_articles(limit=limit, offset=offset, order="oldest")]):
        yield a


def flat_article(a: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in a.items() if k not in ("paragraphs", "wire_sources", "warnings")}
    out["wire_sources"] = _join(a.get("wire_sources") or [])
    out["warnings"] = _join(a.get("warnings") or [])
    out["body"] = "\n\n".join(a.get("paragraphs") or [])
    return out


def claim_records(store: Store) -> Iterator[dict[str, Any]]:
    yield from _pages(lambda limit, offset: store.claims(limit=limit, offset=offset))


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    from .api.corpus import Corpus

    corpus = Corpus(store)
    if not corpus.has("stories"):
        raise ExportError(
            f"the store {store.location} has no stories: this version of ghotona does not build them yet; "
            "export events, articles or claims instead"
        )
    yield from _pages(lambda limit, offset: corpus.stories(limit, offset)[2])


def _flat_any(r: dict[str, Any]) -> dict[str, Any]:
    # Nested values of a record we do not know the shape of: keep them as JSON.
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}


_SOURCES: dict[str, tuple[Callable[[Store], Iterator[dict[str, Any]]], Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "events": (event_records, flat_event),
    "articles": (article_records, flat_article),
    "claims": (claim_records, _flat_any),
    "stories": (story_records, _flat_any),
}


def check(kind: str, fmt: str) -> None:
    """Raise ``ExportError`` for an unknown kind or format, or a missing Parquet library."""
    if kind not in KINDS:
        raise ExportError(f"cannot export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ExportError(f"cannot write {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:
            raise ExportError(
                "Parquet export needs pyarrow: pip install 'ghotona[parquet]' (or choose --format jsonl or csv)"
            )


def export(store: Store, kind: str, fmt: str, out: IO[bytes]) -> int:
    """Write every stored record of ``kind`` to ``out`` as ``fmt``; return how many were written."""
    check(kind, fmt)
    records, flatten = _SOURCES[kind]
    n = 0
    if fmt == "jsonl":
        for r in records(store):
            out.write(json.dumps(r, ensure_ascii=False, default=str).encode("utf-8") + b"\n")
            n += 1
        return n
    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer: csv.DictWriter[str] | None = None
        try:
            for r in records(store):
                row = flatten(r)
                if writer is None:
                    writer = csv.DictWriter(text, fieldnames=list(row), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(row)
                n += 1
        finally:
            text.flush()
            text.detach()  # leave ``out`` open for the caller
        return n
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(r) for r in records(store)]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
    pq.write_table(table, out)
    return len(rows)
