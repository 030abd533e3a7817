"""Time-expression evaluation: recognition P/R/F1 and resolution accuracy by class.

Reference sets (``eval/refset/timex/*.yaml``, format in that folder's
README) hold sentences with every expression annotated per docs/timex.md,
and lines of the shared sample pages annotated by line number.  Matching:

* recognition is *strict* (same span) and *lenient* (spans overlap);
  precision is counted over predicted expressions, recall over gold ones,
  each by class (the gold class for recall, the predicted class for
  precision);
* resolution accuracy is over gold expressions the tagger found (lenient):
  the value and the granularity must both equal the gold ones, and so must
  ``mod`` and ``end_value`` where the gold annotation gives them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ..timex import TimeExpression, tag
from ..text.normalize import normalize
from . import find_nth
from .extraction import shared_dir

CLASSES = ["absolute", "partial", "weekday", "relative", "bangla", "clock", "duration", "range"]


@dataclass
class Gold:
    start: int
    end: int
    text: str
    cls: str
    value: str | None
    granularity: str | None
    mod: str | None = None
    end_value: str | None = None
    has_mod: bool = False
    has_end: bool = False


@dataclass
class Item:
    """One annotated text: a written sentence group, or one line of a sample page.

    ``ignore`` spans are vague or anaphoric time words the contract gives no
    class (সম্প্রতি, এখন, একই দিন): a prediction there is neither right nor wrong.
    """

    id: str
    text: str
    ref: datetime | None
    gold: list[Gold]
    ignore: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Outcome:
    item: Item
    predicted: list[TimeExpression]
    strict: list[tuple[Gold, TimeExpression]] = field(default_factory=list)
    lenient: list[tuple[Gold, TimeExpression]] = field(default_factory=list)


def _gold(text: str, raw: list[dict[str, Any]], where: str) -> list[Gold]:
    out = []
    for e in raw or []:
        e = {**e, "text": normalize(e["text"])}
        start = find_nth(text, e["text"], int(e.get("occurrence", 1)), where)
        out.append(
            Gold(
                start=start,
                end=start + len(e["text"]),
                text=e["text"],
                cls=e["cls"],
                value=e.get("value"),
                granularity=e.get("granularity"),
                mod=e.get("mod"),
                end_value=e.get("end_value"),
                has_mod="mod" in e and e["mod"] is not None,
                has_end="end_value" in e and e["end_value"] is not None,
            )
        )
    return out


def _ref(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _item(ident: str, raw_text: str, entry: dict[str, Any], exprs: Any, ignore: Any, where: str) -> Item:
    # The tagger sees normalised text (as in the pipeline); gold quotes are
    # normalised the same way, so a page's precomposed য় still matches.
    text = normalize(raw_text)
    spans = []
    for word in ignore or []:
        w = normalize(word)
        pos = text.find(w)
        while pos >= 0:
            spans.append((pos, pos + len(w)))
            pos = text.find(w, pos + 1)
    return Item(ident, text, _ref(entry.get("ref")), _gold(text, exprs, where), spans)


def load_items(path: Path) -> list[Item]:
    """Items from one YAML file or every ``*.yaml`` in a folder."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    items: list[Item] = []
    for f in files:
        data = yaml.safe_load(f.read_text("utf-8")) or []
        for n, entry in enumerate(data):
            if "page" in entry:
                page = entry["page"]
                rel = page.split(":", 1)[1] if page.startswith("shared:") else page
                page_path = shared_dir() / rel if page.startswith("shared:") else f.parent / rel
                if not page_path.is_file():
                    raise FileNotFoundError(f"{f.name}: page {page} not found at {page_path}")
                lines = page_path.read_text("utf-8").split("\n")
                for ln in entry["lines"]:
                    where = f"{f.name}: {page} line {ln['line']}"
                    ident = f"{Path(rel).stem}:{ln['line']}"
                    items.append(_item(ident, lines[ln["line"] - 1], entry, ln.get("expressions"), ln.get("ignore"), where))
            else:
                where = f"{f.name}: {entry.get('id', n)}"
                items.append(_item(str(entry.get("id", n)), entry["text"], entry, entry.get("expressions"), entry.get("ignore"), where))
    return items


def _overlap(a: Gold, b: TimeExpression) -> bool:
    return a.start < b.end and b.start < a.end


def run(items: list[Item]) -> list[Outcome]:
    outcomes = []
    for it in items:
        pred = tag(it.text, it.ref)
        o = Outcome(it, pred)
        used: set[int] = set()
        for g in it.gold:
            best = None
            for i, p in enumerate(pred):
                if i in used or not _overlap(g, p):
                    continue
                if p.start == g.start and p.end == g.end:
                    best = i
                    break
                best = i if best is None else best
            if best is not None:
                used.add(best)
                p = pred[best]
                o.lenient.append((g, p))
                if p.start == g.start and p.end == g.end:
                    o.strict.append((g, p))
        outcomes.append(o)
    return outcomes


def counted(o: Outcome) -> list[TimeExpression]:
    """Predictions that count: those matched to gold, and those not on an ignored word."""
    matched = {id(p) for _, p in o.lenient}
    return [
        p for p in o.predicted
        if id(p) in matched or not any(a < p.end and p.start < b for a, b in o.item.ignore)
    ]


def resolved_right(g: Gold, p: TimeExpression) -> bool:
    if p.value != g.value or (g.value is not None and p.granularity != g.granularity):
        return False
    if g.has_mod and p.mod != g.mod:
        return False
    if g.has_end and p.end_value != g.end_value:
        return False
    return True


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score(outcomes: list[Outcome]) -> dict[str, Any]:
    by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for o in outcomes:
        for g in o.item.gold:
            by[g.cls]["gold"] += 1
        for p in counted(o):
            by[p.cls]["pred"] += 1
        for g, p in o.strict:
            by[g.cls]["tp_strict_gold"] += 1
            by[p.cls]["tp_strict_pred"] += 1
        for g, p in o.lenient:
            by[g.cls]["tp_lenient_gold"] += 1
            by[p.cls]["tp_lenient_pred"] += 1
            by[g.cls]["resolved"] += resolved_right(g, p)

    def row(c: dict[str, int]) -> dict[str, float]:
        sp, sr = _ratio(c["tp_strict_pred"], c["pred"]), _ratio(c["tp_strict_gold"], c["gold"])
        lp, lr = _ratio(c["tp_lenient_pred"], c["pred"]), _ratio(c["tp_lenient_gold"], c["gold"])
        acc = c["resolved"] / c["tp_lenient_gold"] if c["tp_lenient_gold"] else 0.0
        return {
            "gold": c["gold"], "predicted": c["pred"],
            "strict_p": round(sp, 4), "strict_r": round(sr, 4), "strict_f1": round(_f1(sp, sr), 4),
            "lenient_f1": round(_f1(lp, lr), 4), "resolution_acc": round(acc, 4),
        }

    total: dict[str, int] = defaultdict(int)
    for c in by.values():
        for k, v in c.items():
            total[k] += v
    classes = {k: row(by[k]) for k in CLASSES + sorted(set(by) - set(CLASSES)) if k in by}
    return {"overall": row(total), "by_class": classes}


def errors(outcomes: list[Outcome], limit: int = 40) -> list[str]:
    out: list[str] = []
    for o in outcomes:
        matched_pred = {id(p) for _, p in o.lenient}
        matched_gold = {id(g) for g, _ in o.lenient}
        for g in o.item.gold:
            if id(g) not in matched_gold:
                out.append(f"{o.item.id}: missed {g.cls} {g.text!r} (gold {g.value})")
        for p in counted(o):
            if id(p) not in matched_pred:
                out.append(f"{o.item.id}: spurious {p.cls} {p.text!r} -> {p.value}")
        for g, p in o.lenient:
            if (g.start, g.end) != (p.start, p.end):
                out.append(f"{o.item.id}: span {p.text!r} vs gold {g.text!r}")
            if not resolved_right(g, p):
                out.append(
                    f"{o.item.id}: {g.text!r} resolved {p.value}/{p.granularity}/{p.mod}/{p.end_value} "
                    f"({p.rule}), gold {g.value}/{g.granularity}/{g.mod}/{g.end_value}"
                )
    return out[:limit] if limit else out


def render(result: dict[str, Any], errs: list[str]) -> str:
    head = f"{'class':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1~':>6} {'resol.':>7}"
    lines = [head, "-" * len(head)]

    def fmt(name: str, r: dict[str, float]) -> str:
        return (
            f"{name:<10} {r['gold']:>5} {r['predicted']:>5} {r['strict_p']:>6.3f} {r['strict_r']:>6.3f} "
            f"{r['strict_f1']:>6.3f} {r['lenient_f1']:>6.3f} {r['resolution_acc']:>7.3f}"
        )

    for name, r in result["by_class"].items():
        lines.append(fmt(name, r))
    lines.append("-" * len(head))
    lines.append(fmt("overall", result["overall"]))
    lines.append("")
    lines.append("P/R/F1: exact spans; F1~: overlapping spans; resol.: value and granularity right, of the expressions found")
    if errs:
        lines += ["", "errors (first {}):".format(len(errs))] + ["  " + e for e in errs]
    return "\n".join(lines)


def evaluate_dates_tsv(path: Path, ref: datetime) -> dict[str, Any]:
    """The shared table of real date strings: is each one found, with the expected fields?"""
    rows = [ln.split("\t") for ln in path.read_text("utf-8").splitlines()[1:] if ln.strip()]
    ok = found = 0
    misses = []
    for row in rows:
        row += [""] * (7 - len(row))
        _, text, year, month, day, hour, minute = row[:7]
        exprs = tag(text, ref)
        if not exprs:
            misses.append(text)
            continue
        found += 1
        v = max(exprs, key=lambda e: e.end - e.start).value or ""
        want = {
            "year": (0, 4, year), "month": (5, 7, month), "day": (8, 10, day),
            "hour": (11, 13, hour), "minute": (14, 16, minute),
        }
        good = all(not w or (len(v) >= b and v[a:b].isdigit() and int(v[a:b]) == int(w)) for a, b, w in want.values())
        ok += good
        if not good:
            misses.append(f"{text} -> {v}")
    return {"rows": len(rows), "found": found, "fields_right": ok, "accuracy": round(ok / len(rows), 4) if rows else 0.0, "misses": misses}


def to_json(result: dict[str, Any], errs: list[str]) -> str:
    return json.dumps({**result, "errors": errs}, ensure_ascii=False, indent=2)
