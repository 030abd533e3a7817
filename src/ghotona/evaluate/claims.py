"""Claims evaluation: are the figures found, and read right?

Reads the gold format of the events reference set (``claims:`` entries):

* ``written.yaml``-style items: ``{id, date, outlet?, title?, text, claims:
  [{text, occurrence, value, value_max, bound, unit, currency?, counted,
  claimant}]}``; ``occurrence`` counts ``str.find`` hits of ``text`` in the
  item's text.  The text becomes an article through the pipeline's record
  path (:func:`ghotona.claims.article_from_text`).
* ``samples.yaml``-style items: ``{page: shared:samples/pages/..., date,
  claims: [{line, text, occurrence, offset?, ...}]}``; ``line`` is 1-based
  in the page file, ``occurrence`` counts hits of ``text`` in that line, and
  an ``offset`` (into the whole file) is checked when given.  The
  page is run through :class:`ghotona.pipeline.Extractor` and each gold
  span is located in the clean body.

An item without a ``claims`` key was not annotated for claims and is
skipped; ``claims: []`` says the item has none.

Predicted and gold claims are paired one to one by overlapping span (the
largest overlap first).  Reported: span precision, recall and F1, the share
of pairs with the same exact span, and over the pairs the accuracy of
value (and value_max), bound, unit (with currency for money), counted and
claimant.  A gold claimant ``~label`` is a wildcard: any named claimant
matches it; a null claimant matches only a null prediction.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..claims import BOUNDS, COUNTED, UNITS, article_from_text, find_claims
from ..records import Article, Claim
from ..text.normalize import normalize, normalize_line
from .news import check_offset, news_article
from . import find_nth
from .extraction import shared_dir
from .linking import gold_name_keys, name_key

FIELDS = ("value", "bound", "unit", "counted", "claimant")


@dataclass
class GoldClaim:
    start: int  # body offsets; -1 when the span is not in the extracted body
    end: int
    text: str
    value: float
    value_max: float | None
    bound: str
    unit: str
    currency: str | None
    counted: str
    claimant: str | None
    where: str


@dataclass
class Item:
    id: str
    article: Article | None
    gold: list[GoldClaim] = field(default_factory=list)
    problem: str | None = None  # why the article could not be built


def _gold(entry: Any, where: str) -> dict[str, Any]:
    """Validate one gold claim's fields; errors name the entry."""
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: a claim should be a mapping, got {type(entry).__name__}")
    for key in ("text", "value", "bound", "unit", "counted"):
        if key not in entry:
            raise ValueError(f"{where}: claim lacks '{key}'")
    checks = (("bound", BOUNDS), ("unit", UNITS), ("counted", COUNTED))
    for key, allowed in checks:
        if entry[key] not in allowed:
            raise ValueError(f"{where}: {key} {entry[key]!r} should be one of {list(allowed)}")
    if entry["unit"] == "money" and not entry.get("currency"):
        raise ValueError(f"{where}: a money claim needs currency (USD, BDT, ...)")
    for key in ("value", "value_max"):
        v = entry.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise ValueError(f"{where}: {key} should be a number, got {v!r}")
    return entry


def _claim(entry: dict[str, Any], start: int, text: str, where: str) -> GoldClaim:
    vmax = entry.get("value_max")
    return GoldClaim(
        start, start + len(text) if start >= 0 else -1, text, float(entry["value"]),
        float(vmax) if vmax is not None else None, entry["bound"], entry["unit"], entry.get("currency"),
        entry["counted"], entry.get("claimant"), where,
    )


def _locate_in_body(body: str, line: str, pos: int, text: str) -> int:
    """Body offset of ``text`` found at ``pos`` in a raw page ``line``, or -1.

    The body holds the line normalised (and maybe with a repeated sentence
    dropped), so the quote is found in the normalised line near where it
    was, then that stretch of the line is found in the body.
    """
    needle = normalize(text).strip()
    nl = normalize_line(line)
    approx = len(normalize_line(line[:pos]) + (" " if line[:pos].endswith(" ") else ""))
    hits = [i for i in range(len(nl)) if nl.startswith(needle, i)]
    if not hits:
        return -1
    lo = min(hits, key=lambda i: abs(i - approx))
    for pad in (len(nl), 60, 25, 0):
        a, b = max(0, lo - pad), min(len(nl), lo + len(needle) + pad)
        ctx = nl[a:b]
        at = body.find(ctx)
        if at >= 0:
            return at + (lo - a)
    return -1


def _page_article(rel: str) -> tuple[Article | None, str, str | None]:
    from ..inputs import iter_pages
    from ..pipeline import Extractor
    from ..records import RawPage

    page = shared_dir() / rel
    if not page.is_file():
        raise FileNotFoundError(f"page {rel} not found at {page} (the shared folder beside the repository, or $GHOTONA_SHARED)")
    ex = Extractor()
    first = next(iter(iter_pages([str(page)], config=ex.config)), None)
    result = ex.extract(first) if isinstance(first, RawPage) else first
    text = page.read_text("utf-8")
    if not isinstance(result, Article):
        return None, text, f"{getattr(result, 'reason', 'empty')}: {getattr(result, 'detail', '')}"
    return result, text, None


def load_items(path: Path) -> list[Item]:
    """Items with claims from a gold file or a folder of them (other items are skipped)."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    items: list[Item] = []
    for f in files:
        data = yaml.safe_load(f.read_text("utf-8")) or []
        if not isinstance(data, list):
            raise ValueError(f"{f.name}: expected a list of items, got {type(data).__name__}")
        for n, entry in enumerate(data):
            if not isinstance(entry, dict) or "claims" not in entry:
                continue
            claims = entry["claims"] or []
            if "page" in entry:
                rel = str(entry["page"]).split(":", 1)[-1]
                ident = f"{f.name}:{Path(rel).stem}"
                article, page_text, problem = _page_article(rel)
                lines = page_text.split("\n")
                gold = []
                for k, c in enumerate(claims):
                    where = f"{f.name}: {rel} claim {k + 1}"
                    _gold(c, where)
                    if "line" not in c:
                        raise ValueError(f"{where}: a page claim needs 'line'")
                    ln = int(c["line"])
                    if not 1 <= ln <= len(lines):
                        raise ValueError(f"{where}: line {ln} is outside the page (1..{len(lines)})")
                    pos = find_nth(lines[ln - 1], c["text"], int(c.get("occurrence", 1)), f"{where} (line {ln})")
                    if "offset" in c and page_text[int(c["offset"]):int(c["offset"]) + len(c["text"])] != c["text"]:
                        raise ValueError(f"{where}: offset {c['offset']} does not hold {c['text']!r} in the page")
                    start = _locate_in_body(article.body, lines[ln - 1], pos, c["text"]) if article else -1
                    gold.append(_claim(c, start, normalize(c["text"]).strip(), where))
                items.append(Item(ident, article, gold, problem))
            elif "news" in entry:
                from ..pipeline import Extractor

                ident = f"{f.name}:{entry.get('id', n + 1)}"
                article, text = news_article(entry, Extractor(), ident)
                gold = []
                for k, c in enumerate(claims):
                    where = f"{ident} claim {k + 1}"
                    _gold(c, where)
                    check_offset(text, c, where)
                    pos = find_nth(text, c["text"], int(c.get("occurrence", 1)), where)
                    start = _locate_in_body(article.body, text, pos, c["text"])
                    gold.append(_claim(c, start, normalize(c["text"]).strip(), where))
                items.append(Item(ident, article, gold))
            else:
                ident = f"{f.name}:{entry.get('id', n + 1)}"
                if "text" not in entry:
                    raise ValueError(f"{ident}: a written item needs 'text'")
                article = article_from_text(str(entry["text"]), entry.get("date"), title=entry.get("title"),
                                            outlet=entry.get("outlet"), source=ident)
                gold = []
                for k, c in enumerate(claims):
                    where = f"{ident} claim {k + 1}"
                    _gold(c, where)
                    needle = normalize(c["text"]).strip()
                    start = find_nth(article.body, needle, int(c.get("occurrence", 1)), where)
                    gold.append(_claim(c, start, needle, where))
                items.append(Item(ident, article, gold))
    return items


# --------------------------------------------------------------------------
# Scoring


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _claimant_ok(p: Claim, gold: str | None) -> bool:
    if gold is None:
        return p.claimant is None
    if p.claimant is None:
        return False
    if gold.startswith("~"):
        return True  # an unnamed gold source is a wildcard
    if p.claimant_id and p.claimant_id.startswith("prov:"):
        # A claimant the dictionary lacks: found by the provisional id its
        # English gold name would get, as in the events evaluation.
        return p.claimant_id in gold_name_keys(gold) or name_key(p.claimant) == name_key(gold)
    names = [p.claimant]
    if p.claimant_id:
        from ..actors.dictionary import load_dictionary
        from ..sources import wire_by_id

        actor = load_dictionary().actors.get(p.claimant_id)
        if actor is not None:
            names += [actor.name_en, *actor.aliases_en]
        wire = wire_by_id(p.claimant_id)
        if wire is not None:
            names += [wire.name_en, *wire.aliases]
    return any(name_key(n) == name_key(gold) for n in names if n)


def _pair(pred: list[Claim], gold: list[GoldClaim]) -> list[tuple[Claim, GoldClaim]]:
    """One-to-one pairs by overlapping span, largest overlap first."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = min(p.end, g.end) - max(p.start, g.start)
            if g.start >= 0 and ov > 0:
                cands.append((-ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def field_checks(p: Claim, g: GoldClaim) -> dict[str, bool]:
    return {
        "value": _close(p.value, g.value) and _close(p.value_max, g.value_max),
        "bound": p.bound == g.bound,
        "unit": p.unit == g.unit and (g.unit != "money" or p.currency == g.currency),
        "counted": p.counted == g.counted,
        "claimant": _claimant_ok(p, g.claimant),
    }


def evaluate(items: list[Item]) -> dict[str, Any]:
    n_pred = n_gold = n_pairs = exact = 0
    right: Counter[str] = Counter()
    by_counted: dict[str, Counter[str]] = {}
    errors: list[str] = []
    unlocated = 0
    for it in items:
        if it.article is None:
            errors.append(f"{it.id}: no article ({it.problem}); its {len(it.gold)} gold claim(s) count as missed")
            n_gold += len(it.gold)
            continue
        pred = find_claims(it.article)
        n_pred += len(pred)
        n_gold += len(it.gold)
        pairs = _pair(pred, it.gold)
        n_pairs += len(pairs)
        paired_p = {id(p) for p, _ in pairs}
        paired_g = {id(g) for _, g in pairs}
        for p, g in pairs:
            exact += p.start == g.start and p.end == g.end
            checks = field_checks(p, g)
            for k, ok in checks.items():
                right[k] += ok
            wrong = [k for k, ok in checks.items() if not ok]
            if wrong:
                got = {"value": (p.value, p.value_max), "bound": p.bound, "unit": (p.unit, p.currency),
                       "counted": p.counted, "claimant": p.claimant}
                want = {"value": (g.value, g.value_max), "bound": g.bound, "unit": (g.unit, g.currency),
                        "counted": g.counted, "claimant": g.claimant}
                errors.append(f"{it.id}: {g.text!r}: " + "; ".join(f"{k} {got[k]!r}, gold {want[k]!r}" for k in wrong))
        for g in it.gold:
            c = by_counted.setdefault(g.counted, Counter())
            c["gold"] += 1
            c["found"] += id(g) in paired_g
            if id(g) not in paired_g:
                if g.start < 0:
                    unlocated += 1
                    errors.append(f"{it.id}: missed {g.text!r} (not in the extracted body)")
                else:
                    errors.append(f"{it.id}: missed {g.text!r} ({g.counted}, {g.unit})")
        for p in pred:
            if id(p) not in paired_p:
                errors.append(f"{it.id}: spurious {p.text!r} ({p.counted}, {p.unit}, {p.value:g})")
    precision = n_pairs / n_pred if n_pred else 0.0
    recall = n_pairs / n_gold if n_gold else 0.0
    return {
        "items": len(items),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_pairs,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "exact_span_rate": round(exact / n_pairs, 4) if n_pairs else 0.0,
        "accuracy": {k: round(right[k] / n_pairs, 4) if n_pairs else 0.0 for k in FIELDS},
        "recall_by_counted": {k: {"gold": v["gold"], "recall": round(v["found"] / v["gold"], 4)} for k, v in sorted(by_counted.items())},
        "gold_not_in_body": unlocated,
        "errors": errors,
    }


def render(result: dict[str, Any], n_errors: int = 40) -> str:
    lines = [
        f"items: {result['items']}   gold claims: {result['gold']}   predicted: {result['predicted']}   matched: {result['matched']}",
        f"spans: precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}"
        f"   (exact span in {result['exact_span_rate']:.3f} of the matches)",
        "accuracy over matched claims: " + "  ".join(f"{k} {v:.3f}" for k, v in result["accuracy"].items()),
    ]
    if result["recall_by_counted"]:
        lines += ["", "recall by what is counted:"]
        lines += [f"  {k:<12} {v['gold']:>4}  {v['recall']:.3f}" for k, v in result["recall_by_counted"].items()]
    if result["gold_not_in_body"]:
        lines.append(f"\n{result['gold_not_in_body']} gold claim(s) lie outside the extracted body")
    errs = result["errors"][: n_errors or None]
    if errs:
        lines += ["", f"errors ({len(errs)} of {len(result['errors'])}):"] + [f"  {e}" for e in errs]
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)
