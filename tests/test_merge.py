"""Cross-article event merging (ghotona.corpus.merge): happenings from many mentions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from ghotona.corpus import merge as merge_mod
from ghotona.corpus.merge import EventMerger, Happening, score_mention, mention_from_json
from ghotona.errors import LanguageDataError, NotFound
from ghotona.events.model import Event, EventSource, Evidence, Participant
from ghotona.records import Article, Paragraph, Sentence
from ghotona.store import open_store
from ghotona.store.base import Store

DHAKA = ZoneInfo("Asia/Dhaka")
LAVROV, KIM, CHOE, RUBIO = "gh:sergey-lavrov", "Q56226", "gh:choe-son-hui", "gh:marco-rubio"
RUSSIA, UKRAINE, NK = "Q159", "Q212", "Q423"
WONSAN, PYONGYANG, KYIV = "gh:kp-wonsan", "gh:kp-pyongyang", "gh:ua-kyiv"


def article(aid: str, outlet: str | None, day: str, text: str = "লাভরভ ও কিম বৈঠক করেছেন।") -> Article:
    """A one-sentence article written for these tests; its date is ``day``."""
    when = datetime.fromisoformat(day).replace(hour=10, tzinfo=DHAKA)
    para = Paragraph(0, len(text), text, [Sentence(0, len(text), text)])
    return Article(
        id=aid, source=f"test/{aid}", format="text", url=None, outlet=outlet,
        outlet_id=outlet, title=f"শিরোনাম {aid}", desk=None, byline=None, wire_sources=[],
        published=when, updated=None, page_date=None, paragraphs=[para], language="bn",
        language_score=1.0, content_hash=f"hash-{aid}",
    )


def who(actor_id: str, name: str, typ: str = "person") -> Participant:
    return Participant(actor_id, name, None, name, 0, 1, typ)


def event(
    art: Article, n: int, type: str, *, actors: list[str], recipients: list[str] = [],
    location: str | None = None, date: str | None = None, status: str = "occurred",
    sources: list[str] = [], mode: str | None = None,
) -> Event:
    how = "text" if date else ("publication-fallback" if status == "occurred" else "none")
    if date is None and status == "occurred":
        date = art.published.date().isoformat()  # what the coder does, flagged
    gran = {10: "day", 8: "week", 7: "month", 4: "year"}.get(len(date or ""))
    return Event(
        id=f"ev:{art.id}-{n}", article_id=art.id, type=type, mode=mode, contexts=[],
        actors=[who(a, a) for a in actors], recipients=[who(r, r) for r in recipients],
        location=who(location, location, "place") if location else None,
        date=date, date_granularity=gran, date_how=how, date_text=None, status=status,
        sources=[EventSource(s, "actor", None, s) for s in sources],
        evidence=[Evidence(0, 5, "x", 0, 1, "x")], confidence=0.8,
        outlet=art.outlet, outlet_id=art.outlet_id, symmetric=type == "CONSULT",
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        yield s


def put(store: Store, merger: EventMerger, art: Article, events: list[Event]) -> list[merge_mod.HappeningLink]:
    store.upsert_article(art)
    store.replace_events(art.id, events)
    return merger.add(art, events)


def test_two_outlets_one_meeting_one_happening_with_every_mention(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "Outlet A", "2025-07-12")
    b = article("b1", "Outlet B", "2025-07-12")
    la = put(store, merger, a, [event(a, 1, "CONSULT", actors=[LAVROV], recipients=[CHOE], location=WONSAN,
                                      date="2025-07-12", sources=["Reuters"])])
    lb = put(store, merger, b, [event(b, 1, "CONSULT", actors=[LAVROV], recipients=[CHOE], sources=["TASS"])])
    assert la[0].created and not lb[0].created
    assert lb[0].happening_id == la[0].happening_id and lb[0].score >= 2.0
    h = store.get_happening(la[0].happening_id)
    assert h["counts"] == {"mentions": 2, "articles": 2, "outlets": 2, "sources": 2}
    assert h["outlets"] == ["Outlet A", "Outlet B"] and h["sources"] == ["Reuters", "TASS"]
    assert {m["article_id"] for m in h["mentions"]} == {"a1", "b1"}
    # The date comes from the text that gave one, not from the fallback.
    assert h["date"] == "2025-07-12" and h["location"]["id"] == WONSAN
    # Counts keep updating: a third report, a day later, joins too.
    c = article("c1", "Outlet C", "2025-07-13")
    lc = put(store, merger, c, [event(c, 1, "CONSULT", actors=[CHOE, LAVROV], date="2025-07-12")])
    assert lc[0].happening_id == la[0].happening_id
    assert store.get_happening(la[0].happening_id)["counts"]["outlets"] == 3
    assert store.happening_of_event("ev:c1-1")["id"] == la[0].happening_id
    assert store.count_happenings() == 1 and store.count_happenings(min_articles=4) == 0


def test_other_counterpart_other_day_or_other_country_stay_apart(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-10")
    put(store, merger, a, [event(a, 1, "CONSULT", actors=[RUBIO], recipients=[LAVROV], date="2025-07-10")])
    b = article("b1", "B", "2025-07-12")
    # Lavrov meets a North Korean: another meeting, though Lavrov is shared.
    lb = put(store, merger, b, [event(b, 1, "CONSULT", actors=[LAVROV], recipients=[NK], date="2025-07-11")])
    assert lb[0].created
    c = article("c1", "C", "2025-07-20")
    # Same pair, a text date nine days later: another meeting.
    lc = put(store, merger, c, [event(c, 1, "CONSULT", actors=[RUBIO], recipients=[LAVROV], date="2025-07-19")])
    assert lc[0].created
    assert store.count_happenings() == 3


def test_swapped_attack_and_weakly_dated_attacks_stay_apart(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-10")
    put(store, merger, a, [event(a, 1, "ASSAULT", actors=[RUSSIA], recipients=[UKRAINE], date="2025-07-10")])
    b = article("b1", "B", "2025-07-10")
    # The strike back is not the strike.
    lb = put(store, merger, b, [event(b, 1, "ASSAULT", actors=[UKRAINE], recipients=[RUSSIA], date="2025-07-10")])
    assert lb[0].created
    c = article("c1", "C", "2025-07-11")
    # Russia strikes Ukraine every day: a date from the publication alone
    # does not say which strike this is.
    lc = put(store, merger, c, [event(c, 1, "ASSAULT", actors=[RUSSIA], recipients=[UKRAINE])])
    assert lc[0].created
    d = article("d1", "D", "2025-07-11")
    # ... but the same place, or a date from the text, does.
    ld = put(store, merger, d, [event(d, 1, "ASSAULT", actors=[RUSSIA], recipients=[UKRAINE], date="2025-07-10")])
    assert not ld[0].created


def test_planned_and_occurred_are_distinct_happenings_linked(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-01")
    la = put(store, merger, a, [event(a, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], status="planned")])
    b = article("b1", "B", "2025-07-12")
    lb = put(store, merger, b, [event(b, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], location=WONSAN,
                                      date="2025-07-12")])
    assert lb[0].created and lb[0].happening_id != la[0].happening_id
    assert lb[0].linked == (("planned_by", la[0].happening_id),)
    plan = store.get_happening(la[0].happening_id)
    assert plan["links"] == [{"kind": "planned_for", "happening": lb[0].happening_id}]
    assert plan["family"] == "intended" and store.get_happening(lb[0].happening_id)["family"] == "happened"
    # A later article recalling the meeting as background joins the occurrence.
    c = article("c1", "C", "2025-08-13")
    lc = put(store, merger, c, [event(c, 1, "CONSULT", actors=[KIM, LAVROV], date="2025-07", status="historical")])
    assert lc[0].happening_id == lb[0].happening_id


def test_one_article_never_counts_twice(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-12")
    b = article("b1", "B", "2025-07-12")
    put(store, merger, a, [event(a, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], date="2025-07-12"),
                           event(a, 2, "CONSULT", actors=[LAVROV], recipients=[CHOE], date="2025-07-12")])
    # Two meetings of one article stay two happenings; b's two reports pair
    # with them one to one, the best match first.
    lb = put(store, merger, b, [event(b, 1, "CONSULT", actors=[LAVROV, CHOE], date="2025-07-12"),
                                event(b, 2, "CONSULT", actors=[KIM, LAVROV], date="2025-07-12")])
    assert store.count_happenings() == 2
    assert store.happening_of_event("ev:b1-1")["id"] == store.happening_of_event("ev:a1-2")["id"]
    assert store.happening_of_event("ev:b1-2")["id"] == store.happening_of_event("ev:a1-1")["id"]
    # Re-adding b (a re-ingested page) replaces its mentions, never adds more.
    again = merger.add(b, store.events(article_id="b1"))
    assert {x.happening_id for x in again} == {x.happening_id for x in lb}
    assert sum(h["counts"]["mentions"] for h in store.happenings()) == 4
    # b's page changed: its event is now of another happening; the old one shrinks.
    store.replace_events("b1", [event(b, 3, "ASSAULT", actors=[RUSSIA], recipients=[UKRAINE], date="2025-07-12")])
    merger.add(b, store.events(article_id="b1"))
    assert [h["counts"]["mentions"] for h in store.happenings(type="CONSULT")] == [1, 1]


def test_near_types_merge_with_their_reason_other_types_do_not(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-12")
    put(store, merger, a, [event(a, 1, "AGREE", actors=[RUSSIA, NK], date="2025-07-12")])
    b = article("b1", "B", "2025-07-12")
    lb = put(store, merger, b, [event(b, 1, "SUPPORT", actors=[RUSSIA], recipients=[NK], date="2025-07-12"),
                                event(b, 2, "ACCUSE", actors=[RUSSIA], recipients=[NK], date="2025-07-12")])
    assert not lb[0].created and any("near type" in r for r in lb[0].reasons)
    assert lb[1].created


def test_store_filters_by_type_actor_and_date(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-12")
    put(store, merger, a, [event(a, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], location=WONSAN, date="2025-07-12"),
                           event(a, 2, "ASSAULT", actors=[RUSSIA], recipients=[UKRAINE], location=KYIV, date="2025-07")])
    assert [h["event"] for h in store.happenings(type="ASSAULT")] == ["ASSAULT"]
    assert [h["event"] for h in store.happenings(actor_id=WONSAN)] == ["CONSULT"]
    assert {h["event"] for h in store.happenings(since="2025-07-20")} == {"ASSAULT"}  # a month overlaps
    assert store.happenings(until="2025-06") == []
    assert store.count_happenings(type="CONSULT", actor_id=KIM, since="2025-07-12", until="2025-07-12") == 1
    hid = store.happenings(type="CONSULT")[0]["id"]
    assert store.get_happening(hid[:10])["id"] == hid
    with pytest.raises(NotFound, match="ghotona happenings"):
        store.get_happening("hp:ffffffffffff")
    assert store.happening_of_event("ev:nothing") is None
    # A full rebuild gives the same happenings.
    assert merger.rebuild_all() == 2


def test_happening_json_round_trip(store: Store) -> None:
    merger = EventMerger(store)
    a = article("a1", "A", "2025-07-12")
    put(store, merger, a, [event(a, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], date="2025-07-12")])
    data = store.happenings()[0]
    h = Happening.from_json(data)
    assert h.to_json()["mentions"][0]["event_id"] == data["mentions"][0]["event_id"]
    assert h.counts() == data["counts"]


def test_scores_explain_themselves() -> None:
    a = article("a1", "A", "2025-07-12")
    settings = {"min_score": 2.0, "near_type_score": 0.6, "date_slack_days": 1, "weak_days_before": 7,
                "planned_days_after": 60, "background_days_before": 3650, "max_candidates": 10}
    m = mention_from_json(event(a, 1, "CONSULT", actors=[LAVROV], recipients=[KIM], location=WONSAN,
                                date="2025-07-12").to_json(), a.published.date(), settings)
    h = Happening("hp:x", "CONSULT", None, "occurred", "happened", "2025-07-12", "day", "2025-07-12", "2025-07-12",
                  "strong", [LAVROV], [KIM], PYONGYANG, {})
    sc = score_mention(m, h, settings)
    assert sc is not None and "same country" in sc.reasons and "same day" in sc.reasons
    far = Happening("hp:y", "CONSULT", None, "occurred", "happened", None, None, "2025-07-12", "2025-07-12",
                    "strong", [LAVROV], [KIM], KYIV, {})
    assert score_mention(m, far, settings) is None  # places in two countries


def test_merge_data_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge_mod, "load_yaml", lambda name: {"near_types": [{"types": ["AGREE", "HUG"], "why": "x"}]})
    merge_mod.near_types.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="HUG"):
            merge_mod.near_types()
        monkeypatch.setattr(merge_mod, "load_yaml", lambda name: {"near_types": [{"types": ["AGREE", "SUPPORT"]}]})
        merge_mod.near_types.cache_clear()
        with pytest.raises(LanguageDataError, match="why"):
            merge_mod.near_types()
    finally:
        merge_mod.near_types.cache_clear()


def test_sample_pages_wonsan_meeting_is_one_happening_with_both_outlets() -> None:
    """The two saved reports of Lavrov in Wonsan (pages 002 and 003) meet in one happening."""
    from ghotona.evaluate.extraction import shared_dir
    from ghotona.ingest import ingest
    from ghotona.pipeline import Extractor

    pages = shared_dir() / "samples" / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    with open_store(":memory:") as store:
        ingest([str(pages)], store, Extractor(), corpus=False)
        merger = EventMerger(store)
        arts = store.list_articles(limit=50, order="oldest")
        for art in arts:
            merger.add(art, store.events(article_id=art.id, limit=1000))
        by_page = {a.source.rsplit("/", 1)[-1][:3]: a.id for a in arts}
        wonsan = {by_page["002"], by_page["003"]}
        meetings = [h for h in store.happenings(type="CONSULT", actor_id=LAVROV, since="2025-07-11",
                                                until="2025-07-12", min_articles=2)
                    if wonsan <= set(h["articles"])]
        assert meetings, "the Wonsan meeting was not merged across the two reports"
        h = meetings[0]
        assert h["counts"]["outlets"] >= 2 and h["status"] == "occurred"
        # The 2023 article (page 004) is in no 2025 happening.
        assert all(by_page["004"] not in x["articles"] for x in store.happenings(since="2025-01-01", limit=500))


def test_merge_evaluation_leaves_out_gold_files_without_happening_labels(tmp_path: Path) -> None:
    """A gold file nobody labelled for merging is not scored as "every event its own happening"."""
    from ghotona.evaluate.merges import evaluate as evaluate_merges

    def article(ident: str, outlet: str, happening: str | None) -> dict:
        ev = {"id": f"{ident}-e01", "type": "CONSULT", "status": "occurred", "actors": ["Marco Rubio"],
              "recipients": ["Sergey Lavrov"], "date": "2025-07-10",
              "evidence": [{"trigger": "বৈঠক", "occurrence": 1}]}
        if happening:
            ev["happening"] = happening
        return {"id": ident, "date": "2025-07-10", "outlet": outlet,
                "text": "মার্কিন পররাষ্ট্রমন্ত্রী মার্কো রুবিও বৃহস্পতিবার রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।",
                "events": [ev]}

    (tmp_path / "a.yaml").write_text(yaml.safe_dump(
        [article("a1", "প্রথম", "rubio-lavrov"), article("a2", "দ্বিতীয়", "rubio-lavrov")], allow_unicode=True), "utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(
        [article("b1", "তৃতীয়", None), article("b2", "চতুর্থ", None)], allow_unicode=True), "utf-8")
    result = evaluate_merges(tmp_path)
    assert result["articles"] == 2
    assert result["pairs"] == {"tp": 1, "fp": 0, "fn": 0}


def test_an_inferred_government_is_never_shared_evidence(store: Store) -> None:
    # Two attacks of one day in one country, each "by the government" the coder
    # inferred (an unqualified সরকার): the inferred party must not join them, and
    # it stays on the happening, flagged, for the reader.
    merger = EventMerger(store)
    bd = "Q902"

    def inferred_attack(art: Article, target: str) -> Event:
        e = event(art, 1, "ASSAULT", actors=[], recipients=[target], date="2025-07-10")
        e.actors = [Participant(bd, "Bangladesh", "বাংলাদেশ", "সরকার", 0, 5, "country", "home-government")]
        return e

    a = article("a1", "A", "2025-07-10")
    assert inferred_attack(a, RUSSIA).to_json()["actor"][0]["inferred"] == "home-government"
    put(store, merger, a, [inferred_attack(a, RUSSIA)])
    b = article("b1", "B", "2025-07-10")
    lb = put(store, merger, b, [inferred_attack(b, UKRAINE)])
    assert lb[0].created  # targets of two countries; the shared inferred doer does not count
    c = article("c1", "C", "2025-07-10")
    # A mention naming no one but an inferred party does not join one that names its parties.
    e = inferred_attack(c, RUSSIA)
    e.recipients = []
    lc = put(store, merger, c, [e])
    assert lc[0].created
    assert store.count_happenings() == 3
    h = Happening.from_json(store.happenings()[0])
    assert h.inferred == [bd] and h.actors == []


def test_inferred_sides_that_are_the_named_ones_join_them(store: Store) -> None:
    # A truce whose sides the coder inferred (the article's two principal countries)
    # joins a report that names those two; inferred sides among which a named one is
    # missing do not.
    merger = EventMerger(store)
    india, pakistan = "Q668", "Q843"

    def truce(art: Article, sides: list[str], inferred: str | None) -> Event:
        e = event(art, 1, "RETREAT", actors=[], date="2025-05-10")
        e.symmetric = True
        e.actors = [Participant(x, x, None, x, 0, 1, "country", inferred) for x in sides]
        return e

    a = article("a1", "A", "2025-05-10")
    put(store, merger, a, [truce(a, [india, pakistan], None)])
    b = article("b1", "B", "2025-05-10")
    assert not put(store, merger, b, [truce(b, [india, pakistan], "principal-sides")])[0].created
    c = article("c1", "C", "2025-05-10")
    assert put(store, merger, c, [truce(c, [india, UKRAINE], "principal-sides")])[0].created


def test_an_undated_recalled_act_joins_only_on_both_its_sides(store: Store) -> None:
    # "Trump had threatened Russia" recalled with no date shares only its doer with a
    # threat told of Trump elsewhere: no evidence of one happening.  Told again with
    # both sides, it joins.
    merger = EventMerger(store)
    trump = "Q22686"
    a = article("a1", "A", "2025-08-16")
    put(store, merger, a, [event(a, 1, "THREATEN", actors=[trump], recipients=[RUSSIA], status="historical")])
    b = article("b1", "B", "2025-08-16")
    assert put(store, merger, b, [event(b, 1, "THREATEN", actors=[trump])])[0].created
    c = article("c1", "C", "2025-08-16")
    joined = put(store, merger, c, [event(c, 1, "THREATEN", actors=[trump], recipients=[RUSSIA], status="historical")])
    assert not joined[0].created


def test_a_plan_with_no_doer_told_does_not_join_anothers_plan(store: Store) -> None:
    # "If arms are supplied to Moscow ..." (doer untold, hypothetical) is not Russia's
    # planned aid to a third country, though both name Russia.
    merger = EventMerger(store)
    bd = "Q902"
    a = article("a1", "A", "2025-08-16")
    put(store, merger, a, [event(a, 1, "AID", actors=[RUSSIA], recipients=[bd], status="planned")])
    b = article("b1", "B", "2025-08-17")
    assert put(store, merger, b, [event(b, 1, "AID", actors=[], recipients=[RUSSIA], status="hypothetical")])[0].created
    c = article("c1", "C", "2025-08-17")
    assert not put(store, merger, c, [event(c, 1, "AID", actors=[RUSSIA], recipients=[bd], status="planned")])[0].created
