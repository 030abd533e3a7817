"""Exports (ghotona.export and `ghotona export`) over a store of the demo pages."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from ghotona.cli import main
from ghotona.events.ontology import load_ontology
from ghotona.export import ExportError, export, flat_event
from ghotona.store import open_store
from web_demo_store import demo_store_path


@pytest.fixture(scope="module")
def store():
    with open_store(str(demo_store_path())) as s:
        yield s


def _jsonl(store, kind):
    buf = io.BytesIO()
    n = export(store, kind, "jsonl", buf)
    rows = [json.loads(line) for line in buf.getvalue().decode("utf-8").splitlines()]
    assert len(rows) == n
    return rows


def test_events_are_plover_records_with_the_cameo_crosswalk(store):
    rows = _jsonl(store, "events")
    assert len(rows) == store.count_events()
    onto = load_ontology()
    for r in rows:
        t = onto.types[r["event"]]
        assert r["cameo"] == onto.cameo_for(r["event"], r["mode"] if r["mode"] and t.mode(r["mode"]) else None)
        assert r["cameo_root"] == r["cameo"][:2]
        assert r["quad_class"] == t.quad
        assert r["status"] and r["evidence"] and "outlet" in r["attribution"]
    # the stored record is kept whole: nothing renamed
    stored = store.events(limit=1)[0]
    assert {k: v for k, v in rows[0].items() if k in stored} == stored


def test_csv_and_parquet_have_one_flat_row_per_record(store):
    buf = io.BytesIO()
    n = export(store, "events", "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert len(rows) == n == store.count_events()
    assert rows[0]["id"].startswith("ev:") and rows[0]["cameo_root"]
    first = flat_event(_jsonl(store, "events")[0])
    assert rows[0]["actor_names"] == (first["actor_names"] or "")
    pq = pytest.importorskip("pyarrow.parquet")
    out = io.BytesIO()
    assert export(store, "articles", "parquet", out) == store.count_articles()
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.num_rows == store.count_articles() and "body" in table.column_names


def test_articles_and_claims(store):
    arts = _jsonl(store, "articles")
    assert len(arts) == store.count_articles() and all(a["paragraphs"] for a in arts)
    claims = _jsonl(store, "claims")
    assert len(claims) == store.count_claims() and all("outlet" in c for c in claims)


def test_bad_requests_say_what_to_do(store):
    with pytest.raises(ExportError, match="choose one of"):
        export(store, "users", "jsonl", io.BytesIO())
    with pytest.raises(ExportError, match="choose one of"):
        export(store, "events", "xlsx", io.BytesIO())
    buf = io.BytesIO()
    assert export(store, "stories", "jsonl", buf) == store.count_stories() > 0


def test_cli_export_writes_a_file(tmp_path, store):
    out = tmp_path / "claims.csv"
    r = CliRunner().invoke(main, ["export", "--db", str(demo_store_path()), "--kind", "claims", "--format", "csv",
                                  "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(out.read_text(encoding="utf-8").strip().splitlines()) == store.count_claims() + 1
    assert not (tmp_path / "claims.csv.part").exists()
    r = CliRunner().invoke(main, ["export", "--db", str(demo_store_path()), "--format", "parquet"])
    assert r.exit_code != 0 and "-o FILE" in r.output
    r = CliRunner().invoke(main, ["export", "--db", str(demo_store_path()), "--kind", "stories", "--format", "csv"])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == store.count_stories() + 1
