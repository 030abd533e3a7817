"""The HTTP API over a store of the demo pages (FastAPI's TestClient; no network)."""

from __future__ import annotations

import io
import json
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions
    from fastapi.testclient import TestClient

from ghotona.api import create_app
from ghotona.api.corpus import Corpus
from ghotona.events.ontology import load_ontology
from ghotona.store import open_store
from web_demo_store import INJECTION_PAGE, copy_of_demo_store, demo_store_path


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(str(demo_store_path()))) as c:
        yield c


@pytest.fixture(scope="module")
def store():
    with open_store(str(demo_store_path())) as s:
        yield s


def _all(client, path, **params):
    """Every item of a paged endpoint, checking that pages add up to total."""
    items, offset = [], 0
    while True:
        r = client.get(path, params={**params, "limit": 7, "offset": offset})
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        offset += 7
        if offset >= page["total"]:
            assert len(items) == page["total"]
            return items


def _error(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_meta_counts_match_store(client, store):
    m = client.get("/api/meta").json()
    assert m["counts"] == {"articles": store.count_articles(), "events": store.count_events(),
                           "claims": store.count_claims()}
    assert m["counts"]["articles"] == 11 and m["counts"]["events"] > 20
    assert [t["name"] for t in m["event_types"]] == list(load_ontology().types)
    assert m["allow_writes"] is False


def test_articles_page_and_detail(client, store):
    items = _all(client, "/api/articles")
    assert len(items) == store.count_articles()
    assert len({a["id"] for a in items}) == len(items)
    dated = [a["published"] for a in items if a["published"]]
    assert dated == sorted(dated, reverse=True)  # newest first
    first = items[0]
    d = client.get(f"/api/articles/{first['id'][:8]}").json()  # a prefix is enough
    assert d["id"] == first["id"]
    assert d["body"] == "\n\n".join(d["paragraphs"])
    for m in d["actor_mentions"]:
        assert d["body"][m["start"]:m["end"]] == m["text"]
    for s in d["sentences"]:
        assert d["body"][s["start"]:s["end"]] == s["text"]
    assert d["n_events"] == store.count_events(article_id=first["id"])


def test_article_removed_lines_have_reasons(client):
    # The Putin page is page text with list headers and repeated lines.
    hits = client.get("/api/search", params={"q": "পিয়ংইয়ংয়ে পুতিন-কিম"}).json()["items"]
    d = client.get(f"/api/articles/{hits[0]['id']}").json()
    assert d["removed"] and all(r["reason"] and r["text"] for r in d["removed"])
    assert not any(r["text"] in d["body"].split("\n\n") for r in d["removed"] if len(r["text"]) > 40)


def test_unknown_article_is_a_json_404(client):
    err = _error(client.get("/api/articles/ffffffffffff"), 404)
    assert err["code"] == "not-found"
    _error(client.get("/api/nothing-here"), 404)


def test_events_filters_agree_with_items(client, store):
    all_events = _all(client, "/api/events")
    assert len(all_events) == store.count_events()
    consult = _all(client, "/api/events", type="consult")  # any case, as the CLI
    assert consult and all(e["event"] == "CONSULT" for e in consult)
    assert len(consult) == sum(e["event"] == "CONSULT" for e in all_events)
    visits = _all(client, "/api/events", mode="visit")
    assert visits and len(visits) == sum(e["mode"] == "visit" for e in all_events)
    planned = _all(client, "/api/events", status="planned")
    assert len(planned) == sum(e["status"] == "planned" for e in all_events)
    outlet = all_events[0]["attribution"]["outlet_id"]
    by_outlet = _all(client, "/api/events", outlet=outlet)
    assert len(by_outlet) == sum(e["attribution"]["outlet_id"] == outlet for e in all_events)
    by_name = _all(client, "/api/events", outlet=all_events[0]["attribution"]["outlet"])
    assert [e["id"] for e in by_name] == [e["id"] for e in by_outlet]
    putin = _all(client, "/api/events", actor="Q7747")
    assert putin
    for e in putin:
        ids = {p["id"] for p in e["actor"] + e["recipient"]} | {(e["location"] or {}).get("id")}
        assert "Q7747" in ids
    in_2024 = _all(client, "/api/events", since="2024", until="2024-12")
    assert in_2024 and all(e["date"] and e["date"].startswith("2024") for e in in_2024)


@pytest.mark.parametrize("params, fragment", [
    ({"type": "FLY"}, "not a PLOVER type"),
    ({"status": "maybe"}, "status"),
    ({"since": "last week"}, "not a date"),
    ({"limit": 0}, "limit"),
    ({"limit": 5000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"story": "s1"}, "stories"),
])
def test_bad_event_filters_are_400_with_a_message(client, params, fragment):
    err = _error(client.get("/api/events", params=params), 400)
    assert fragment in err["message"]


def test_timeline_buckets_add_up(client, store):
    dated = sum(1 for e in _all(client, "/api/events") if e["date"])
    sums = {}
    for period, width in (("year", 4), ("month", 7), ("day", 10)):
        tl = client.get("/api/timeline", params={"period": period}).json()
        assert all(len(b["period"]) == width for b in tl["buckets"])
        assert [b["period"] for b in tl["buckets"]] == sorted(b["period"] for b in tl["buckets"])
        sums[period] = tl["total"]
    assert sums["year"] == sums["month"] == sums["day"] == dated
    year = client.get("/api/timeline", params={"period": "year", "type": "CONSULT"}).json()
    assert year["total"] == sum(1 for e in _all(client, "/api/events", type="CONSULT") if e["date"])
    _error(client.get("/api/timeline", params={"period": "week"}), 400)


def test_actor_roles_events_and_network(client):
    found = client.get("/api/actors", params={"q": "putin"}).json()
    assert found["items"][0]["id"] == "Q7747"
    bn = client.get("/api/actors", params={"q": "পুতিন"}).json()
    assert bn["items"][0]["id"] == "Q7747"
    a = client.get("/api/actors/Q7747").json()
    assert a["name_en"] == "Vladimir Putin"
    presidencies = [r for r in a["roles"] if r["role"] == "president" and r["of"] == "RU"]
    assert presidencies and any(r["end"] is None for r in presidencies)
    assert [r["start"] for r in a["roles"]] == sorted(r["start"] for r in a["roles"])
    assert a["n_events"] == len(_all(client, "/api/events", actor="Q7747"))
    assert a["n_articles"] >= 1 and a["articles"]
    ids = {n["id"] for n in a["nodes"]}
    assert "Q7747" in ids and len(ids) > 1
    for e in a["edges"]:
        assert {e["source"], e["target"]} <= ids and e["weight"] >= 1 and e["types"]
    # Kim Jong Un takes part in Putin's Pyongyang events.
    kim = client.get("/api/actors", params={"q": "Kim Jong Un"}).json()["items"][0]["id"]
    assert kim in ids


def test_unknown_actor_is_404(client):
    err = _error(client.get("/api/actors/Q0"), 404)
    assert "/api/actors?q=" in err["message"]


def test_search_highlights_point_at_the_matched_words(client):
    r = client.get("/api/search", params={"q": "পুতিন"}).json()
    assert r["total"] >= 2
    for hit in r["items"]:
        assert hit["highlights"]
        for a, b in hit["highlights"]:
            assert hit["snippet"][a:b].startswith("পুতিন")
        assert "\ue000" not in hit["snippet"]
    assert client.get("/api/search", params={"q": "\"(\" AND OR *"}).status_code == 200  # syntax is text
    _error(client.get("/api/search"), 400)


def test_claims_carry_outlet(client, store):
    items = _all(client, "/api/claims")
    assert len(items) == store.count_claims()
    by_article = {a["id"]: a["outlet"] for a in _all(client, "/api/articles")}
    assert all(c["outlet"] == by_article[c["article_id"]] for c in items)
    killed = client.get("/api/claims", params={"counted": "killed"}).json()
    assert all(c["counted"] == "killed" for c in killed["items"])


def test_stories_and_conflicts_come_from_the_corpus_layer(client, store):
    res = client.get("/api/stories").json()
    assert res["available"] is True and res["total"] == store.count_stories() > 0
    first = res["items"][0]
    story = client.get(f"/api/stories/{first['id']}").json()["story"]
    assert story["title"] == first["title"]
    ids = [a["id"] for a in story["articles"]]
    assert ids and all(e["article_id"] in ids for e in story["events"])
    assert story["events"] == [e for i in ids for e in store.events(article_id=i, limit=500)]
    for unknown in ("abc", "99999"):
        assert "no story" in _error(client.get(f"/api/stories/{unknown}"), 404)["message"]
    conflicts = client.get("/api/conflicts").json()
    assert conflicts["available"] is True and conflicts["total"] == store.count_conflicts()


def test_corpus_adapter_says_unavailable_without_story_methods(store):
    class Bare:
        """A store without the corpus layer (another backend, not yet grown)."""

        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            if name in ("stories", "get_story", "conflicts", "count_stories", "count_conflicts"):
                raise AttributeError(name)
            return getattr(self.inner, name)

    c = Corpus(Bare(store))
    assert c.stories(10, 0) == (False, 0, [])
    assert c.story("1") == (False, None)
    assert c.conflicts(10, 0) == (False, 0, [])


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only_refuses_writes(client, method):
    r = getattr(client, method)("/api/articles")
    err = _error(r, 405)
    assert "--allow-writes" in err["message"]
    _error(client.post("/api/ingest", content=b"x"), 405)


def test_allow_writes_ingests_a_page(tmp_path):
    db = copy_of_demo_store(tmp_path)
    with TestClient(create_app(str(db), allow_writes=True)) as c:
        before = c.get("/api/meta").json()["counts"]["articles"]
        page = json.dumps({"headline": "পরীক্ষামূলক শিরোনাম", "article": "ঢাকায় আজ একটি বৈঠক হয়েছে। " * 5,
                           "url": "https://example.org/a", "publication_date": "2025-01-02T10:00:00+06:00"})
        r = c.post("/api/ingest", params={"format": "json"}, content=page.encode())
        assert r.status_code == 200, r.text
        assert r.json()["new"] == 1 and len(r.json()["ids"]) == 1
        assert c.get("/api/meta").json()["counts"]["articles"] == before + 1
        _error(c.post("/api/ingest", content=b""), 400)
        _error(c.delete("/api/articles"), 405)
        bad = c.post("/api/ingest", params={"format": "json"}, content=b"{not json")
        assert bad.status_code == 200 and bad.json()["rejected"]


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/timeline", "/article/abc", "/api/meta", "/static/app.js"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    shell = client.get("/article/abc").text
    assert "<script src=\"/static/app.js\"" in shell and "<script>" not in shell


def test_injection_page_is_returned_as_data(client):
    title = json.loads(INJECTION_PAGE.read_text(encoding="utf-8"))["headline"]
    hits = client.get("/api/articles", params={"outlet": "Injection Test Ledger"}).json()["items"]
    assert [h["title"] for h in hits] == [title]  # stored and served as text, never as markup
    assert client.get(f"/article/{hits[0]['id']}").text.count("__ghotona_pwned") == 0


def test_openapi_documents_every_route(client):
    doc = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors", "/api/actors/{actor_id}",
                 "/api/claims", "/api/search", "/api/stories", "/api/stories/{story_id}", "/api/conflicts",
                 "/api/export", "/api/timeline"):
        assert path in doc["paths"], path
    assert "/api/ingest" not in doc["paths"]  # only with --allow-writes


def test_export_endpoint_matches_store(client, store):
    r = client.get("/api/export", params={"kind": "events", "format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert len(rows) == store.count_events()
    csv_text = client.get("/api/export", params={"kind": "claims", "format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("article_id,")
    assert len(csv_text.strip().splitlines()) == store.count_claims() + 1
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(client.get("/api/export", params={"format": "parquet"}).content))
    assert table.num_rows == store.count_events()
    stories = client.get("/api/export", params={"kind": "stories"}).text.splitlines()
    assert len(stories) == store.count_stories() and all(json.loads(x)["id"] for x in stories)
    _error(client.get("/api/export", params={"kind": "users"}), 400)


# -- response cache (api/cache.py) -------------------------------------------


def test_repeated_get_is_cached_with_etag_and_304(client):
    url = "/api/events?limit=5&type=CONSULT"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert second.headers["x-cache"] == "hit" and second.content == first.content
    tag = second.headers["etag"]
    assert tag == first.headers["etag"] and tag.startswith('"')
    assert second.headers["cache-control"] == "no-cache"
    assert "script-src 'self'" in second.headers["content-security-policy"]  # the guard's headers are kept
    same = client.get(url, headers={"If-None-Match": tag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == tag
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200
    other = client.get("/api/events?limit=5&type=ASSAULT")  # another URL is another entry
    assert other.headers["etag"] != tag


def test_errors_and_exports_are_not_cached(client):
    for _ in range(2):
        r = client.get("/api/articles/ffffffffffff")
        assert r.status_code == 404 and "x-cache" not in r.headers
    for _ in range(2):
        assert "x-cache" not in client.get("/api/export", params={"kind": "claims", "format": "csv"}).headers


def test_cached_answers_equal_uncached_ones(client):
    from ghotona import config

    cfg = config.load()
    cfg["serve"]["cache_entries"] = 0
    with TestClient(create_app(str(demo_store_path()), config=cfg)) as plain:
        for url in ("/api/meta", "/api/events?limit=7", "/api/timeline?period=month", "/api/actors/Q7747",
                    "/api/search?q=পুতিন", "/api/articles?limit=3"):
            client.get(url)
            cached = client.get(url)
            fresh = plain.get(url)
            assert cached.headers["x-cache"] == "hit" and "x-cache" not in fresh.headers
            assert cached.json() == fresh.json(), url


def test_ingest_through_the_api_invalidates_the_cache(tmp_path):
    db = copy_of_demo_store(tmp_path)
    with TestClient(create_app(str(db), allow_writes=True)) as c:
        before = c.get("/api/articles?limit=1").json()["total"]
        assert c.get("/api/articles?limit=1").headers["x-cache"] == "hit"
        page = json.dumps({"headline": "ক্যাশ পরীক্ষা", "article": "রাজশাহীতে আজ একটি সভা হয়েছে। " * 5,
                           "url": "https://example.org/cache", "publication_date": "2025-02-03T09:00:00+06:00"})
        assert c.post("/api/ingest", params={"format": "json"}, content=page.encode()).json()["new"] == 1
        after = c.get("/api/articles?limit=1")
        assert after.headers["x-cache"] == "miss" and after.json()["total"] == before + 1


def test_a_write_by_another_process_invalidates_the_cache(tmp_path):
    import dataclasses

    db = copy_of_demo_store(tmp_path)
    with TestClient(create_app(str(db))) as c:
        first = c.get("/api/articles?limit=1")
        assert c.get("/api/articles?limit=1").headers["x-cache"] == "hit"
        with open_store(str(db)) as other:  # another connection, as `ghotona ingest` beside the server
            art = other.list_articles(limit=1)[0]
            other.upsert_article(dataclasses.replace(art, id="0" * 16, url="https://example.org/copy", content_hash=""))
        again = c.get("/api/articles?limit=1")
        assert again.headers["x-cache"] == "miss"
        assert again.json()["total"] == first.json()["total"] + 1
        assert again.headers["etag"] != first.headers["etag"]


def test_network_from_sql_matches_reading_the_events(store):
    """The actor network counted in SQL equals the one built from the event records."""

    class Plain:  # the store without co_participants: Corpus falls back to reading events
        def __init__(self, s):
            self._s = s

        def __getattr__(self, name):
            if name in ("co_participants", "event_records"):
                raise AttributeError(name)
            return getattr(self._s, name)

    fast, slow = Corpus(store), Corpus(Plain(store))
    ids = sorted({p["id"] for e in store.events(limit=500) for p in [*e["actor"], *e["recipient"]] if p["id"]})
    assert len(ids) > 5
    for actor_id in ids:
        n1, e1, r1 = fast.network(actor_id)
        n2, e2, r2 = slow.network(actor_id)
        assert r1 == r2
        assert sorted((n["id"], n["weight"], n["name_en"], n["name_bn"]) for n in n1) == \
            sorted((n["id"], n["weight"], n["name_en"], n["name_bn"]) for n in n2), actor_id
        assert [(e["source"], e["target"], e["weight"], sorted(e["types"])) for e in e1] == \
            [(e["source"], e["target"], e["weight"], sorted(e["types"])) for e in e2], actor_id


def test_serve_workers_factory_reads_its_settings(monkeypatch):
    from ghotona import config
    from ghotona.api.app import SERVE_ENV, app_from_environment
    from ghotona.errors import GhotonaError

    monkeypatch.delenv(SERVE_ENV, raising=False)
    with pytest.raises(GhotonaError, match="ghotona serve"):
        app_from_environment()
    monkeypatch.setenv(SERVE_ENV, json.dumps({"db": str(demo_store_path()), "allow_writes": False,
                                              "config": config.load()}, default=str))
    with TestClient(app_from_environment()) as c:
        assert c.get("/api/meta").json()["allow_writes"] is False


def test_article_summaries_from_columns_match_decoded_articles(store):
    from ghotona.api.app import _summary

    for order in ("published", "oldest", "seen", "title"):
        for offset in (0, 4):
            decoded = [_summary(a) for a in store.list_articles(limit=6, offset=offset, order=order)]
            assert store.article_summaries(limit=6, offset=offset, order=order) == decoded
    outlet = store.list_articles(limit=1)[0].outlet
    assert store.article_summaries(outlet=outlet) == [_summary(a) for a in store.list_articles(outlet=outlet)]


def test_month_filter_uses_the_same_events_with_the_index_hint(store):
    """``since``/``until`` add ``(date_start IS NULL) = 0`` for the index; the answer is unchanged."""
    from ghotona.store.base import date_range

    dated = [e for e in store.events(limit=500) if e["date"]]
    month = dated[0]["date"][:7]
    got = {e["id"] for e in store.events(since=month, until=month, limit=500)}
    want = set()
    for e in dated:
        span = date_range(e["date"])
        if span and span[0] <= f"{month}-31" and span[1] >= f"{month}-01":
            want.add(e["id"])
    assert got == want and store.count_events(since=month, until=month) == len(want)


def test_actor_articles_walk_and_sort_agree(store, monkeypatch):
    """``articles_with_actor`` walks articles for a much-named actor and sorts for a rare one: same page."""
    from ghotona.store import sqlite as sq

    ids = [r[0] for r in store.conn.execute("SELECT DISTINCT actor_id FROM actor_mentions WHERE actor_id IS NOT NULL")]
    assert ids
    for actor_id in ids[:25]:
        for offset in (0, 1):
            monkeypatch.setattr(sq, "_ACTOR_ARTICLES_WALK_MIN", 0)
            walked = store.articles_with_actor(actor_id, limit=3, offset=offset)
            monkeypatch.setattr(sq, "_ACTOR_ARTICLES_WALK_MIN", 10**9)
            assert store.articles_with_actor(actor_id, limit=3, offset=offset) == walked, actor_id
