"""Event coder evaluation against the gold set in ``eval/refset/events``.

The gold set (format in ``eval/refset/events/README.md``) holds, per article,
every event with its type, mode, actors, recipients, date, status and the
trigger of each place the article states it.  Articles are either the real
sample pages in ``../shared`` (pointed to by line and character offset; the
text stays there) or articles written for the set.

Each article is run through the whole per-page pipeline (extraction, time
expressions, actors, events).  A predicted event is paired with a gold event
when one of its trigger spans overlaps one of the gold triggers (or, failing
that, sits in the same sentence); pairs are made greedily, best first, so
each event is paired once.  Scores:

- ``type``: a pair with the same type is a hit.
- ``type+actors``: and the same named actors and recipients (for symmetric
  types — the participants of a meeting — the union is compared; gold
  participants written ``~generic`` are wildcards).  A gold name the
  actor dictionary lacks is matched by the provisional id the actor layer
  gives an unknown name (the hash of its romanised consonant skeleton), so
  "Monira Sharmin" in the gold meets মনিরা শারমিন in the text.
- ``type+actors+date``: and the same date at the gold granularity; a gold
  ``null`` date matches a predicted date the text does not give (the lead's
  news day, ``news-day``, or the publication's, ``publication-fallback``),
  one from another article (``corpus``, below) or none.
- ``status``: accuracy over type hits.
- ``linkable``: not a score of the coder but its ceiling for the actor
  levels: the share of gold events whose named participants are all among
  the actors the linker found anywhere in the article.  An event with a
  participant the actor layer never finds cannot be matched at
  ``type+actors`` whatever the coder does.
- ``type+countries``: the same type and the same countries on each side,
  each participant replaced by its country (a person or organisation by the
  dictionary's country, a place by the country it lies in).  This is the
  level at which CAMEO-style data (GDELT, ICEWS) is usually joined, and it
  forgives the choice between "Vladimir Putin" and "Russia" that annotators
  and coders make differently.

With ``corpus`` (``ghotona evaluate events GOLD --corpus``) the articles of
the set are first stored together in one temporary store, oldest first, and
their events merged across articles (``corpus/merge.py``); each article is
then scored on its events as stored, so that what the corpus stages restate
counts (an undated telling of an act another article dates long before is
background: ``date_how: "corpus"``).  This is what ``ghotona ingest`` keeps.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..events.model import FALLBACK_DATE_HOWS
from ..text.normalize import normalize
from . import find_nth
from .extraction import shared_dir
from .linking import gold_name_keys, name_key
from .news import check_offset, news_article, sentence_text

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
LEVELS = ("type", "type+actors", "type+actors+date", "type+countries")


@dataclass
class GoldEvent:
    id: str
    type: str
    mode: str | None
    actors: list[str]
    recipients: list[str]
    location: str | None
    date: str | None
    status: str
    sources: list[str]
    triggers: list[tuple[int, int]]  # spans in the article body
    unlocated: int = 0


@dataclass
class GoldArticle:
    id: str
    file: str
    article: Any  # ghotona.records.Article
    events: list[GoldEvent] = field(default_factory=list)


def _str_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _locate(body: str, source: str, pos: int, length: int) -> int | None:
    """Where ``source[pos:pos+length]`` sits in ``body``: find it with growing context windows."""
    for ctx in (40, 20, 10, 4, 0):
        lo, hi = max(0, pos - ctx), min(len(source), pos + length + ctx)
        window = source[lo:hi]
        hits = []
        i = body.find(window)
        while i >= 0 and len(hits) < 2:
            hits.append(i)
            i = body.find(window, i + 1)
        if len(hits) == 1:
            return hits[0] + (pos - lo)
    return None


def _extract_page(path: Path, extractor: Any) -> Any:
    from ..inputs import iter_pages
    from ..records import Article

    page = next(iter(iter_pages([path], config=extractor.config)))
    art = extractor.extract(page)
    if not isinstance(art, Article):
        raise ValueError(f"{path}: the pipeline rejected the page ({art.reason}: {art.detail})")
    return art


def _gold_event(raw: dict[str, Any], where: str, spans: list[tuple[int, int]], unlocated: int) -> GoldEvent:
    for key in ("type", "status"):
        if key not in raw:
            raise ValueError(f"{where}: event {raw.get('id')} has no '{key}'")
    date_v = raw.get("date")
    return GoldEvent(
        id=str(raw.get("id")), type=str(raw["type"]).upper(), mode=raw.get("mode"),
        actors=_str_list(raw.get("actors")), recipients=_str_list(raw.get("recipients")),
        location=raw.get("location"), date=str(date_v) if date_v is not None else None,
        status=str(raw["status"]), sources=_str_list(raw.get("sources")), triggers=spans, unlocated=unlocated,
    )


def _events(entry: dict[str, Any], body: str, source_of: Any, where: str) -> list[GoldEvent]:
    """The gold events of one article, each trigger quote located in the extracted body.

    ``source_of(evidence, where)`` gives the normalised text the quote is
    counted in (the page line, or the whole written text).
    """
    events = []
    for ev in entry.get("events") or []:
        spans, missing = [], 0
        for e in ev.get("evidence") or []:
            at_where = f"{where} event {ev.get('id')}"
            source = source_of(e, at_where)
            t = normalize(str(e["trigger"]))
            k = find_nth(source, t, int(e.get("occurrence", 1)), at_where)
            at = _locate(body, source, k, len(t))
            if at is None:
                missing += 1
            else:
                spans.append((at, at + len(t)))
        events.append(_gold_event(ev, where, spans, missing))
    return events


def load_gold(path: Path, extractor: Any = None) -> list[GoldArticle]:
    """Read every ``*.yaml`` of a gold directory (or one file) and run extraction on its articles."""
    from ..pipeline import Extractor, article_from_text

    extractor = extractor or Extractor()
    texts = Extractor.for_texts(extractor.config)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    out: list[GoldArticle] = []
    for f in files:
        entries = yaml.safe_load(f.read_text("utf-8")) or []
        for n, entry in enumerate(entries):
            if "page" in entry:
                rel = str(entry["page"]).split(":", 1)[1]
                page = shared_dir() / rel
                if not page.is_file():
                    raise FileNotFoundError(f"{f.name}: page {entry['page']} not found at {page}")
                raw = page.read_text("utf-8")
                lines = raw.split("\n")
                art = _extract_page(page, extractor)
                ident = Path(rel).stem
                def source_of(e: dict[str, Any], where: str) -> str:
                    trig = str(e["trigger"])
                    if "offset" in e and raw[int(e["offset"]):int(e["offset"]) + len(trig)] != trig:
                        raise ValueError(f"{where}: {trig!r} is not at offset {e['offset']}")
                    return normalize(lines[int(e["line"]) - 1])

                out.append(GoldArticle(ident, f.name, art, _events(entry, art.body, source_of, f"{f.name}: {ident}")))
            elif "news" in entry:
                ident = str(entry.get("id", n))
                where = f"{f.name}: {ident}"
                art, text = news_article(entry, extractor, where)
                ntext = normalize(text)

                def news_source(e: dict[str, Any], w: str, text: str = text, ntext: str = ntext) -> str:
                    check_offset(text, e, w)
                    return ntext

                out.append(GoldArticle(ident, f.name, art, _events(entry, art.body, news_source, where)))
            elif "sentence" in entry:
                # One sentence of a JSON-lines corpus in ../shared, coded alone (no date, no title).
                ident = str(entry.get("id", n))
                where = f"{f.name}: {ident}"
                sent = sentence_text(entry, where)
                art = article_from_text(sent, None, source=ident, extractor=texts)
                nsent = normalize(sent)
                out.append(GoldArticle(ident, f.name, art, _events(entry, art.body, lambda e, w: nsent, where)))
            else:
                ident = str(entry.get("id", n))
                text = str(entry["text"])
                art = article_from_text(text, str(entry.get("date") or ""), title=entry.get("title"),
                                        outlet=entry.get("outlet"), source=ident, extractor=texts)
                ntext = normalize(text)
                out.append(GoldArticle(ident, f.name, art, _events(entry, art.body, lambda e, w: ntext, f"{f.name}: {ident}")))
    return out


# -- scoring --------------------------------------------------------------------


class _Names:
    """English names of a predicted participant, including the dictionary's aliases."""

    def __init__(self) -> None:
        from ..actors.dictionary import load_dictionary

        self.dictionary = load_dictionary()
        self._by_name: dict[str, Any] = {}
        for a in self.dictionary.actors.values():
            for n in (a.name_en, *a.aliases_en):
                self._by_name.setdefault(name_key(n), a)

    def country_of_actor(self, actor: Any) -> str | None:
        if actor is None:
            return None
        if actor.type == "country":
            return actor.id
        c = self.dictionary.country(actor.country) if actor.country else None
        return c.id if c else None

    def country_of_pred(self, p: Any) -> str | None:
        actor = self.dictionary.actors.get(p.actor_id) if p.actor_id else None
        return self.country_of_actor(actor)

    def country_of_gold(self, name: str) -> str | None:
        return self.country_of_actor(self._by_name.get(name_key(name)))

    def keys(self, p: Any) -> set[str]:
        """Name keys of a participant or an actor mention (anything with name_en, actor_id and text)."""
        name_en = getattr(p, "name_en", None)
        names = {name_key(name_en)} if name_en else set()
        actor = self.dictionary.actors.get(p.actor_id) if p.actor_id else None
        if actor is not None:
            names |= {name_key(n) for n in actor.aliases_en}
            names.add(name_key(actor.name_en))
        if not names:
            names.add(name_key(p.text))
        if p.actor_id and p.actor_id.startswith("prov:"):
            names.add(p.actor_id)
        return names

    def gold_keys(self, name: str) -> set[str]:
        """The keys a gold name is found by (see :func:`.linking.gold_name_keys`)."""
        return gold_name_keys(name)


def _linkable(article: Any, events: list[GoldEvent], names: _Names) -> int:
    """How many of ``events`` have every named participant among the article's linked mentions."""
    found: set[str] = set()
    for m in article.actor_mentions:
        found |= names.keys(m)
    return sum(
        all(names.gold_keys(x) & found for x in g.actors + g.recipients if not x.startswith("~")) for g in events
    )


def _same_people(pred: list[Any], gold: list[str], names: _Names) -> bool:
    wild = sum(1 for g in gold if g.startswith("~"))
    named = [names.gold_keys(g) for g in gold if not g.startswith("~")]
    keys = [names.keys(p) for p in pred]
    used = [False] * len(keys)
    for g in named:
        for i, k in enumerate(keys):
            if not used[i] and g & k:
                used[i] = True
                break
        else:
            return False
    extra = used.count(False)
    return extra <= wild


def _actors_match(p: Any, g: GoldEvent, names: _Names) -> bool:
    if _same_people(p.actors, g.actors, names) and _same_people(p.recipients, g.recipients, names):
        return True
    if g.type in SYMMETRIC_TYPES or p.symmetric:
        return _same_people(p.actors + p.recipients, g.actors + g.recipients, names)
    return False


def _countries_match(p: Any, g: GoldEvent, names: _Names) -> bool:
    def side(pred: list[Any], gold: list[str]) -> bool:
        want = {names.country_of_gold(x) for x in gold if not x.startswith("~")} - {None}
        have = {names.country_of_pred(x) for x in pred} - {None}
        return want == have or (any(x.startswith("~") for x in gold) and want <= have)

    if side(p.actors, g.actors) and side(p.recipients, g.recipients):
        return True
    if g.type in SYMMETRIC_TYPES or p.symmetric:
        return side(p.actors + p.recipients, g.actors + g.recipients)
    return False


def _location_match(p: Any, g: GoldEvent, names: _Names) -> tuple[bool, bool]:
    """Whether the predicted location is the gold one, and whether it is at least in the same
    country (Kursk for Russia, Wonsan for North Korea: the place told at another grain).  No
    location on either side matches only none on the other."""
    if g.location is None or p.location is None:
        same = g.location is None and p.location is None
        return same, same
    if names.gold_keys(g.location) & names.keys(p.location):
        return True, True
    want = names.country_of_gold(g.location)
    return False, want is not None and want == names.country_of_pred(p.location)


def _date_match(p: Any, g: GoldEvent) -> bool:
    if g.date is None:
        # The gold dates an event only from the article's own text; a date the coder
        # flags as not from the text (the publication's, another article's) is no claim.
        return p.date is None or p.date_how in FALLBACK_DATE_HOWS + ("corpus",)
    return p.date == g.date


def _pair_score(p: Any, g: GoldEvent) -> int:
    spans = [(e.trigger_start, e.trigger_end) for e in p.evidence]
    if any(a < d and c < b for a, b in spans for c, d in g.triggers):
        return 2
    sents = [(e.sentence_start, e.sentence_end) for e in p.evidence]
    if any(a <= c and d <= b for a, b in sents for c, d in g.triggers):
        return 1
    return 0


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def store_merged(store: Any, gold: list[GoldArticle], coder: Any) -> list[tuple[GoldArticle, list[Any]]]:
    """Code each gold article, store it with its events and merge them across articles
    (``corpus/merge.py``), oldest first as articles arrive (undated last); the articles
    in that order with the events the coder gave them."""
    from ..corpus.merge import EventMerger, article_date

    merger = EventMerger(store)
    coded = [(ga, coder.code(ga.article)) for ga in gold]
    coded.sort(key=lambda x: (article_date(x[0].article) is None, str(article_date(x[0].article))))
    for ga, pred in coded:
        store.upsert_article(ga.article)
        store.replace_events(ga.article.id, pred)
        merger.add(ga.article, pred)
    return coded


class CorpusCoder:
    """The events of each gold article as ``ghotona ingest`` stores them: every article coded,
    stored in one temporary store (oldest first, as articles arrive) and its events merged
    with the others' (``corpus/merge.py``), which may restate an event's status and date."""

    def __init__(self, gold: list[GoldArticle], coder: Any = None) -> None:
        from dataclasses import replace

        from ..events.coder import default_coder
        from ..store import open_store

        self._events: dict[str, list[Any]] = {}
        with open_store(":memory:") as store:
            for ga, pred in store_merged(store, gold, coder or default_coder()):
                self._events[ga.article.id] = pred
            for aid, pred in self._events.items():
                stored = {e["id"]: e for e in store.events(article_id=aid, limit=len(pred) + 1)}
                self._events[aid] = [
                    replace(p, status=d["status"], date=d.get("date"), date_granularity=d.get("date_granularity"),
                            date_how=d["date_how"], warnings=list(d.get("warnings") or []))
                    if (d := stored.get(p.id)) is not None else p
                    for p in pred
                ]

    def code(self, article: Any) -> list[Any]:
        return self._events[article.id]


def evaluate(gold: list[GoldArticle], coder: Any = None, *, corpus: bool = False) -> dict[str, Any]:
    from ..events.coder import default_coder

    coder = coder or default_coder()
    if corpus:
        coder = CorpusCoder(gold, coder)
    names = _Names()
    hits = Counter()
    n_pred = n_gold = 0
    status_ok = status_n = mode_ok = mode_n = 0
    place_ok = place_country_ok = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_status: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    unlocated = linkable = 0
    for ga in gold:
        linkable += _linkable(ga.article, ga.events, names)
        pred = coder.code(ga.article)
        n_pred += len(pred)
        n_gold += len(ga.events)
        for p in pred:
            per_type[p.type]["pred"] += 1
        for g in ga.events:
            per_type[g.type]["gold"] += 1
            unlocated += g.unlocated
        cands = sorted(
            ((1 if p.type == g.type else 0, _pair_score(p, g), i, j)
             for i, p in enumerate(pred) for j, g in enumerate(ga.events)),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for same, score, i, j in cands:
            if score == 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = pred[i], ga.events[j]
            if not same:
                errors.append(f"{ga.id} {g.id}: type {p.type} (gold {g.type}) at {p.evidence[0].trigger!r}")
                continue
            hits["type"] += 1
            per_type[g.type]["type"] += 1
            status_n += 1
            by_status[g.status]["gold"] += 1
            if p.status == g.status:
                status_ok += 1
                by_status[g.status]["ok"] += 1
            else:
                errors.append(f"{ga.id} {g.id}: status {p.status} (gold {g.status}) {g.type} at {p.evidence[0].trigger!r}")
            if g.mode:
                mode_n += 1
                mode_ok += int(p.mode == g.mode)
            exact, country = _location_match(p, g, names)
            place_ok += exact
            place_country_ok += country
            if not exact:
                where = p.location.name_en or p.location.text if p.location else None
                errors.append(f"{ga.id} {g.id}: location {where} (gold {g.location}) {g.type}")
            if _countries_match(p, g, names):
                hits["type+countries"] += 1
            if _actors_match(p, g, names):
                hits["type+actors"] += 1
                per_type[g.type]["type+actors"] += 1
                if _date_match(p, g):
                    hits["type+actors+date"] += 1
                else:
                    errors.append(f"{ga.id} {g.id}: date {p.date} ({p.date_how}) (gold {g.date}) {g.type}")
            else:
                errors.append(
                    f"{ga.id} {g.id}: {g.type} actors {[a.name_en or a.text for a in p.actors]}"
                    f"->{[a.name_en or a.text for a in p.recipients]} (gold {g.actors}->{g.recipients})")
        for j, g in enumerate(ga.events):
            if j not in used_g:
                errors.append(f"{ga.id} {g.id}: missed {g.type} {g.status} {g.actors}->{g.recipients}")
        for i, p in enumerate(pred):
            if i not in used_p:
                errors.append(f"{ga.id}: spurious {p.type} {p.status} at {p.evidence[0].trigger!r}: "
                              f"{p.evidence[0].sentence[:80]}")
    result: dict[str, Any] = {
        "articles": len(gold),
        "gold_events": n_gold,
        # Gold events with a date: none in a file of sentences coded alone, where the
        # date level only counts predicted dates against no date and means nothing.
        "gold_dated": sum(1 for ga in gold for g in ga.events if g.date),
        "pred_events": n_pred,
        "unlocated_evidence": unlocated,
        "levels": {lvl: _prf(hits[lvl], n_pred, n_gold) for lvl in LEVELS},
        "status_accuracy": round(status_ok / status_n, 4) if status_n else 0.0,
        "mode_accuracy": round(mode_ok / mode_n, 4) if mode_n else 0.0,
        # Of the events found with their type: the place is the gold one, or in its country.
        "location_accuracy": round(place_ok / status_n, 4) if status_n else 0.0,
        "location_country_accuracy": round(place_country_ok / status_n, 4) if status_n else 0.0,
        "linkable": round(linkable / n_gold, 4) if n_gold else 0.0,
        "by_type": {t: {"type": _prf(c["type"], c["pred"], c["gold"]),
                        "type+actors": _prf(c["type+actors"], c["pred"], c["gold"])}
                    for t, c in sorted(per_type.items())},
        "status_by_gold": {s: {"n": c["gold"], "accuracy": round(c["ok"] / c["gold"], 4) if c["gold"] else 0.0}
                           for s, c in sorted(by_status.items())},
        "errors": errors,
    }
    return result


def render(result: dict[str, Any], n_errors: int = 40) -> str:
    lines = [f"articles {result['articles']}  gold events {result['gold_events']}  predicted {result['pred_events']}"
             f"  unlocated gold evidence {result['unlocated_evidence']}", ""]
    lines.append(f"{'level':18} {'P':>6} {'R':>6} {'F1':>6}")
    for lvl, s in result["levels"].items():
        note = "   (no gold event has a date: not meaningful here)" if "date" in lvl and not result.get("gold_dated", 1) else ""
        lines.append(f"{lvl:18} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}{note}")
    lines.append(f"status accuracy {result['status_accuracy']:.3f}   mode accuracy {result['mode_accuracy']:.3f}"
                 f"   location accuracy {result['location_accuracy']:.3f}"
                 f" (same country {result['location_country_accuracy']:.3f})")
    lines.append(f"linkable {result['linkable']:.3f}  (gold events whose named participants the linker finds "
                 "somewhere in the article: the ceiling of the actor levels)")
    lines.append("")
    lines.append(f"{'type':10} {'gold':>4} {'pred':>4} {'type F1':>8} {'+actors F1':>10}")
    for t, s in result["by_type"].items():
        lines.append(f"{t:10} {s['type']['gold']:4d} {s['type']['pred']:4d} {s['type']['f1']:8.3f} {s['type+actors']['f1']:10.3f}")
    lines.append("")
    lines.append("status (gold): " + ", ".join(f"{k} {v['accuracy']:.2f} of {v['n']}" for k, v in result["status_by_gold"].items()))
    if n_errors and result["errors"]:
        lines.append("")
        lines.append(f"first {min(n_errors, len(result['errors']))} of {len(result['errors'])} differences:")
        lines.extend("  " + e for e in result["errors"][:n_errors])
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)
