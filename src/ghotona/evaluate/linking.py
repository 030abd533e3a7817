"""Actor linking evaluation: does each name link to the right actor?

Reference sets (``eval/refset/actors/*.yaml``) give, for sentences written
for the purpose and for lines of the shared sample pages, every mention of a
person, organisation, country or place with its span and the English name
of the actor it denotes (for a role mention, the person holding the role on
the item's date).  Identity is compared by English name (normalised), so
the reference does not depend on the dictionary's ids.

* linking precision: of the mentions the linker tied to a dictionary actor,
  the share that overlap a gold mention of that same actor (same when the
  gold English name is the actor's ``name_en`` or one of its ``aliases_en``);
* linking recall: of the gold mentions of dictionary-worthy actors, the
  share found and tied to the right actor;
* names outside the dictionary (``in_dictionary: false``): the share the
  linker still finds (NER, provisional ids), reported on its own.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from ..text.normalize import normalize
from . import find_nth
from .extraction import shared_dir

_KEY = regex.compile(r"[^\p{L}\p{N}]+")


def name_key(name: str | None) -> str:
    """English names compared without case, accents, spaces or punctuation."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return _KEY.sub("", "".join(c for c in decomposed if not unicodedata.combining(c))).casefold()


@lru_cache(maxsize=1)
def _dictionary_keys() -> frozenset[str]:
    from ..actors.dictionary import load_dictionary

    return frozenset(name_key(n) for a in load_dictionary().actors.values() for n in (a.name_en, *a.aliases_en))


def gold_name_keys(name: str) -> set[str]:
    """The keys a gold English name is found by: its name key, and for a name
    the actor dictionary lacks, the provisional id the actor layer gives it.

    A person the dictionary does not know can only come out of the pipeline
    with a provisional id (``prov:`` + a hash of the romanised consonant
    skeleton of the uninflected name), so the gold's English spelling is
    compared the same way: "Monira Sharmin" and মনিরা শারমিন share one.  A
    dictionary actor must be linked to its own id.
    """
    key = name_key(name)
    if key in _dictionary_keys():
        return {key}
    from ..actors.link import provisional_id

    prov = provisional_id(name)
    return {key, prov} if prov else {key}


@dataclass
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    name_en: str | None
    role: bool = False
    in_dictionary: bool = True


@dataclass
class Item:
    id: str
    text: str
    on: date | None
    gold: list[GoldMention] = field(default_factory=list)
    # Spans the linking contract gives no mention (bare role phrases, generic
    # institutions): a link there is neither right nor wrong (README there).
    ignore: list[tuple[int, int]] = field(default_factory=list)


def _ignore_spans(text: str, entries: Any, where: str) -> list[tuple[int, int]]:
    """Every occurrence of each ``ignore`` string (or ``{text, occurrence}``: that one) in ``text``."""
    spans = []
    for e in entries or []:
        t = normalize(e["text"] if isinstance(e, dict) else str(e))
        if isinstance(e, dict) and "occurrence" in e:
            s = find_nth(text, t, int(e["occurrence"]), where)
            spans.append((s, s + len(t)))
            continue
        s = text.find(t)
        if s < 0:
            raise ValueError(f"{where}: ignore span {t!r} is not in the text")
        while s >= 0:
            spans.append((s, s + len(t)))
            s = text.find(t, s + 1)
    return spans


def _item(ident: str, raw: str, on: Any, mentions: Any, where: str, ignore: Any = None) -> Item:
    text = normalize(raw)
    gold = []
    for m in mentions or []:
        t = normalize(m["text"])
        s = find_nth(text, t, int(m.get("occurrence", 1)), where)
        gold.append(GoldMention(s, s + len(t), t, m["type"], m.get("name_en"), bool(m.get("role")), m.get("in_dictionary", True) is not False))
    day = date.fromisoformat(str(on)) if on else None
    return Item(ident, text, day, gold, _ignore_spans(text, ignore, where))


def load_items(path: Path) -> list[Item]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    items: list[Item] = []
    for f in files:
        for n, entry in enumerate(yaml.safe_load(f.read_text("utf-8")) or []):
            if "page" in entry:
                rel = entry["page"].split(":", 1)[1]
                page = shared_dir() / rel
                if not page.is_file():
                    raise FileNotFoundError(f"{f.name}: page {entry['page']} not found at {page}")
                lines = page.read_text("utf-8").split("\n")
                # One item per page: the annotated body lines in order, so a
                # short form (কিম) can link to the full name a paragraph earlier,
                # as it does in a stored article.
                parts = [_item(f"{Path(rel).stem}:{ln['line']}", lines[ln["line"] - 1], entry.get("date"), ln.get("mentions"),
                               f"{f.name}: {rel} line {ln['line']}", ln.get("ignore")) for ln in entry["lines"]]
                text, gold, ignore, offset = [], [], [], 0
                for part in parts:
                    gold += [GoldMention(g.start + offset, g.end + offset, g.text, g.type, g.name_en, g.role, g.in_dictionary) for g in part.gold]
                    ignore += [(a + offset, b + offset) for a, b in part.ignore]
                    text.append(part.text)
                    offset += len(part.text) + 2
                items.append(Item(Path(rel).stem, "\n\n".join(text), parts[0].on if parts else None, gold, ignore))
            else:
                items.append(_item(str(entry.get("id", n)), entry["text"], entry.get("date"), entry.get("mentions"),
                                   f"{f.name}: {entry.get('id', n)}", entry.get("ignore")))
    return items


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(items: list[Item], *, ner: bool = True) -> dict[str, Any]:
    from ..actors.dictionary import load_dictionary
    from ..actors.link import find_actors

    dictionary = load_dictionary()

    def same_actor(p: Any, gold_name: str | None) -> bool:
        """The linked actor is the gold one if any of its English names is the gold name.

        The reference names actors as Wikipedia titles them; the dictionary's
        ``name_en`` may be a fuller or shorter form (BNP / Bangladesh
        Nationalist Party) that it also lists among ``aliases_en``.
        """
        if not gold_name or not p.actor_id:
            return False
        actor = dictionary.actors.get(p.actor_id)
        names = [p.name_en, *(actor.aliases_en if actor else ())]
        return any(name_key(n) == name_key(gold_name) for n in names if n)

    linked = correct = ignored = 0
    gold_known = found_right = 0
    unknown = unknown_found = 0
    exact_spans = overlapping = 0
    by_how: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    for it in items:
        pred = find_actors(it.text, it.on, dictionary=dictionary, ner=ner)
        for p in pred:
            if not p.actor_id or p.actor_id.startswith("prov:"):
                continue
            g = next((g for g in it.gold if _overlaps(p.start, p.end, g.start, g.end)), None)
            if g is None and any(_overlaps(p.start, p.end, a, b) for a, b in it.ignore):
                ignored += 1
                continue
            linked += 1
            ok = g is not None and same_actor(p, g.name_en)
            correct += ok
            by_how[p.how]["linked"] += 1
            by_how[p.how]["right"] += ok
            if not ok:
                errors.append(f"{it.id}: {p.text!r} linked to {p.name_en} ({p.how})" + (f"; gold {g.name_en}" if g else "; no gold mention there"))
        for g in it.gold:
            hits = [p for p in pred if _overlaps(p.start, p.end, g.start, g.end)]
            if hits:
                overlapping += 1
                exact_spans += any(p.start == g.start and p.end == g.end for p in hits)
            if not g.in_dictionary:
                unknown += 1
                unknown_found += bool(hits)
                continue
            if g.name_en is None:
                continue
            gold_known += 1
            ok = any(same_actor(p, g.name_en) for p in hits if p.actor_id and not p.actor_id.startswith("prov:"))
            found_right += ok
            by_type[g.type]["gold"] += 1
            by_type[g.type]["right"] += ok
            if not ok:
                got = ", ".join(f"{p.text!r}->{p.name_en or p.actor_id}" for p in hits) or "nothing"
                errors.append(f"{it.id}: missed {g.text!r} = {g.name_en} ({g.type}{', role' if g.role else ''}); got {got}")
    precision = correct / linked if linked else 0.0
    recall = found_right / gold_known if gold_known else 0.0
    return {
        "items": len(items),
        "linking_precision": round(precision, 4),
        "linking_recall": round(recall, 4),
        "linking_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "linked": linked,
        "ignored": ignored,
        "gold_in_dictionary": gold_known,
        "unknown_names": unknown,
        "unknown_found": unknown_found,
        "exact_span_rate": round(exact_spans / overlapping, 4) if overlapping else 0.0,
        "by_how": {k: {"linked": v["linked"], "precision": round(v["right"] / v["linked"], 4)} for k, v in sorted(by_how.items())},
        "recall_by_type": {k: {"gold": v["gold"], "recall": round(v["right"] / v["gold"], 4)} for k, v in sorted(by_type.items())},
        "errors": errors,
    }


def render(result: dict[str, Any], n_errors: int = 40) -> str:
    lines = [
        f"items: {result['items']}",
        f"linking precision {result['linking_precision']:.3f}  recall {result['linking_recall']:.3f}  F1 {result['linking_f1']:.3f}"
        f"  ({result['linked']} linked, {result['gold_in_dictionary']} gold, {result['ignored']} in ignored spans)",
        f"names outside the dictionary found: {result['unknown_found']}/{result['unknown_names']}",
        f"exact spans (of overlapping): {result['exact_span_rate']:.3f}",
        "",
        "precision by how the link was made:",
    ]
    lines += [f"  {k:<13} {v['linked']:>5}  {v['precision']:.3f}" for k, v in result["by_how"].items()]
    lines += ["", "recall by type:"]
    lines += [f"  {k:<13} {v['gold']:>5}  {v['recall']:.3f}" for k, v in result["recall_by_type"].items()]
    errs = result["errors"][: n_errors or None]
    if errs:
        lines += ["", f"errors ({len(errs)} of {len(result['errors'])}):"] + [f"  {e}" for e in errs]
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)
