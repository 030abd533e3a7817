"""Extraction evaluation: per-field accuracy and body precision/recall/F1.

A reference set is a YAML list of pages with expected metadata and either
``body_lines`` (line numbers of the page that are body; used for pages whose
text we may not copy) or ``must`` / ``must_not`` snippets.  Body scores:

* token P/R/F1: multiset overlap of the words of the extracted body with the
  words of the expected body (a doubled body halves precision);
* sentences lost / doubled: every expected sentence must be in the body
  exactly once;
* snippets: ``must`` found exactly once, ``must_not`` absent.

Pages are named ``shared:REL`` (read from the ``shared`` folder beside the
repository, never copied) or ``demo:NAME`` (a bundled demo page).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import regex
import yaml

from .. import config as config_mod
from ..demo import pages_dir, with_demo_outlets
from ..extract.cues import ends_terminal
from ..inputs import iter_pages
from ..pipeline import Extractor
from ..records import Article, InputFormat, RawPage, Rejection
from ..text.normalize import fold_for_match, normalize_line
from ..text.segment import split_sentences

FIELDS = ["outlet", "title", "desk", "byline", "published", "updated", "page_date", "wire_sources", "language", "republished", "signoff"]
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (or $GHOTONA_SHARED)."""
    import os

    env = os.environ.get("GHOTONA_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "shared"
        if (cand / "samples").is_dir() and parent.name != "src":
            return cand
        cand = parent.parent / "shared"
        if (cand / "samples").is_dir():
            return cand
    return Path.cwd().parent / "shared"


def resolve_page(ref: str, refset_dir: Path) -> Path:
    if ref.startswith("shared:"):
        return shared_dir() / ref.split(":", 1)[1]
    if ref.startswith("demo:"):
        return pages_dir() / ref.split(":", 1)[1]
    return (refset_dir / ref).resolve()


@dataclass
class PageScore:
    page: str
    fields: dict[str, bool] = field(default_factory=dict)
    mismatches: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    tp: int = 0
    n_got: int = 0
    n_exp: int = 0
    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    must_found: int = 0
    must_total: int = 0
    must_not_found: int = 0
    must_not_total: int = 0
    rejected: str | None = None


def _tokens(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(normalize_line(text)))


def _norm_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("published", "updated"):
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(second=0, microsecond=0).isoformat() if value.tzinfo else value.isoformat()
    if name == "page_date":
        if isinstance(value, str):
            return value[:10]
        return value.date().isoformat()
    if name == "wire_sources":
        return sorted(value)
    if name in ("title", "desk", "byline", "signoff"):
        return fold_for_match(str(value))
    return value


def _expected_body(lines: list[str], numbers: list[int]) -> str:
    """Expected body from annotated lines; a line that stops mid-sentence continues on the next."""
    out: list[str] = []
    for n in numbers:
        text = normalize_line(lines[n - 1])
        if out and not ends_terminal(out[-1]):
            out[-1] += " " + text
        else:
            out.append(text)
    return "\n\n".join(out)


def score_page(entry: dict[str, Any], article: Article | Rejection, page_lines: list[str]) -> PageScore:
    ps = PageScore(page=entry["page"])
    expect = dict(entry.get("expect", {}))
    if isinstance(expect.get("title"), dict):
        expect["title"] = normalize_line(page_lines[expect["title"]["line"] - 1])
    if isinstance(article, Rejection):
        ps.rejected = f"{article.reason}: {article.detail}"
        for f in FIELDS:
            if f in expect:
                ps.fields[f] = False
        return ps
    got = {
        "outlet": article.outlet_id,
        "title": article.title,
        "desk": article.desk,
        "byline": article.byline,
        "published": article.published,
        "updated": article.updated,
        "page_date": article.page_date,
        "wire_sources": article.wire_sources,
        "language": article.language,
        "republished": article.republished,
        "signoff": article.signoff,
    }
    for f in FIELDS:
        if f not in expect:
            continue
        ok = _norm_value(f, got[f]) == _norm_value(f, expect[f])
        ps.fields[f] = ok
        if not ok:
            ps.mismatches[f] = (expect[f], got[f] if not isinstance(got[f], datetime) else got[f].isoformat())
    body = article.body
    folded_body = fold_for_match(body)
    if "body_lines" in entry:
        exp = _expected_body(page_lines, entry["body_lines"])
        e, g = _tokens(exp), _tokens(body)
        ps.tp, ps.n_exp, ps.n_got = sum((e & g).values()), sum(e.values()), sum(g.values())
        for s in split_sentences(exp):
            f = fold_for_match(s.text)
            if len(f) < 4:
                continue
            c = folded_body.count(f)
            if c == 0:
                ps.lost.append(s.text)
            elif c > 1:
                ps.doubled.append(s.text)
    _score_snippets(ps, entry, folded_body)
    return ps


def _score_snippets(ps: PageScore, entry: dict[str, Any], folded_body: str) -> None:
    """``must`` snippets found exactly once, ``must_not`` snippets absent."""
    for snip in entry.get("must", []) or []:
        ps.must_total += 1
        ps.must_found += folded_body.count(fold_for_match(snip)) == 1
    for snip in entry.get("must_not", []) or []:
        ps.must_not_total += 1
        ps.must_not_found += fold_for_match(snip) in folded_body


@dataclass
class Report:
    pages: list[PageScore]

    def field_accuracy(self) -> dict[str, float]:
        out = {}
        for f in FIELDS:
            vals = [p.fields[f] for p in self.pages if f in p.fields]
            if vals:
                out[f] = sum(vals) / len(vals)
        return out

    def body(self) -> dict[str, float]:
        tp = sum(p.tp for p in self.pages)
        got = sum(p.n_got for p in self.pages)
        exp = sum(p.n_exp for p in self.pages)
        prec = tp / got if got else 0.0
        rec = tp / exp if exp else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        mt = sum(p.must_total for p in self.pages)
        mnt = sum(p.must_not_total for p in self.pages)
        return {
            "token_precision": round(prec, 4),
            "token_recall": round(rec, 4),
            "token_f1": round(f1, 4),
            "sentences_lost": sum(len(p.lost) for p in self.pages),
            "sentences_doubled": sum(len(p.doubled) for p in self.pages),
            "must_recall": round(sum(p.must_found for p in self.pages) / mt, 4) if mt else None,
            "must_not_clean": round(1 - sum(p.must_not_found for p in self.pages) / mnt, 4) if mnt else None,
            "rejected": sum(1 for p in self.pages if p.rejected),
        }

    def summary(self) -> dict[str, Any]:
        acc = self.field_accuracy()
        return {
            "pages": len(self.pages),
            "field_accuracy": {k: round(v, 4) for k, v in acc.items()},
            "fields_mean": round(sum(acc.values()) / len(acc), 4) if acc else 0.0,
            "body": self.body(),
        }


def load_refset(path: Path) -> list[dict[str, Any]]:
    """Read one YAML file, or every ``*.yaml`` in a directory."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    entries: list[dict[str, Any]] = []
    for f in files:
        data = yaml.safe_load(f.read_text("utf-8")) or []
        if not isinstance(data, list):
            raise ValueError(f"{f}: a reference set is a YAML list of pages")
        for e in data:
            e["_dir"] = f.parent
            entries.append(e)
    return entries


def evaluate(refset: Path, config: dict[str, Any] | None = None) -> Report:
    """Run the extractor over every page of the set and score it."""
    entries = load_refset(refset)
    cfg = config or config_mod.load()
    if any(str(e["page"]).startswith("demo:") for e in entries):
        cfg = with_demo_outlets(cfg)
    extractor = Extractor(cfg)
    scores: list[PageScore] = []
    for entry in entries:
        path = resolve_page(entry["page"], entry["_dir"])
        if not path.is_file():
            ps = PageScore(page=entry["page"], rejected=f"missing page file {path}")
            scores.append(ps)
            continue
        fmt = InputFormat(entry["format"]) if entry.get("format") else None
        items = list(iter_pages([str(path)], fmt=fmt, config=extractor.config))
        raw = items[0]
        result = extractor.extract(raw) if isinstance(raw, RawPage) else raw
        text = path.read_text("utf-8", errors="replace")
        scores.append(score_page(entry, result, text.split("\n")))
    return Report(scores)


def trafilatura_baseline(refset: Path) -> Report:
    """trafilatura alone on the HTML pages of the set: the tool a user would otherwise pick."""
    import trafilatura

    scores: list[PageScore] = []
    for entry in load_refset(refset):
        if entry.get("format") != "html":
            continue
        path = resolve_page(entry["page"], entry["_dir"])
        if not path.is_file():
            continue
        html = path.read_text("utf-8")
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        d = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        ps = PageScore(page=entry["page"])
        expect = entry.get("expect", {})
        body = d.get("text") or ""
        if "title" in expect:
            ps.fields["title"] = _norm_value("title", d.get("title")) == _norm_value("title", expect["title"])
        if "published" in expect:
            # trafilatura gives a day at best: count it right when the day matches.
            exp = expect["published"]
            ps.fields["published"] = (exp is None and not d.get("date")) or (
                exp is not None and (d.get("date") or "")[:10] == str(exp)[:10]
            )
        _score_snippets(ps, entry, fold_for_match(body))
        scores.append(ps)
    return Report(scores)


def render(report: Report, baseline: Report | None = None) -> str:
    s = report.summary()
    lines = [f"pages: {s['pages']}", "", "field accuracy:"]
    base = baseline.field_accuracy() if baseline else {}
    for k, v in s["field_accuracy"].items():
        extra = f"   (trafilatura alone, HTML pages: {base[k]:.2f})" if k in base else ""
        lines.append(f"  {k:<14} {v:.2f}{extra}")
    lines.append(f"  {'mean':<14} {s['fields_mean']:.2f}")
    lines.append("")
    lines.append("body:")
    for k, v in s["body"].items():
        lines.append(f"  {k:<18} {v}")
    if baseline:
        bb = baseline.body()
        lines.append(
            f"  trafilatura alone on HTML pages: must_recall {bb['must_recall']}, must_not_clean {bb['must_not_clean']}"
        )
        ours_html = Report([p for p in report.pages if p.page in {b.page for b in baseline.pages}]).body()
        lines.append(
            f"  ghotona on the same HTML pages:  must_recall {ours_html['must_recall']}, must_not_clean {ours_html['must_not_clean']}"
        )
    bad = [p for p in report.pages if p.mismatches or p.lost or p.doubled or p.rejected or p.must_found < p.must_total or p.must_not_found]
    if bad:
        lines.append("")
        lines.append("pages with errors:")
        for p in bad:
            lines.append(f"  {p.page}")
            if p.rejected:
                lines.append(f"    rejected: {p.rejected}")
            for f, (e, g) in p.mismatches.items():
                lines.append(f"    {f}: expected {e!r}, got {g!r}")
            for t in p.lost:
                lines.append(f"    lost: {t[:70]}")
            for t in p.doubled:
                lines.append(f"    doubled: {t[:70]}")
            if p.must_found < p.must_total:
                lines.append(f"    must snippets found once: {p.must_found}/{p.must_total}")
            if p.must_not_found:
                lines.append(f"    must_not snippets present: {p.must_not_found}/{p.must_not_total}")
    return "\n".join(lines)


def to_json(report: Report, baseline: Report | None = None) -> str:
    out = report.summary()
    out["errors"] = [
        {
            "page": p.page,
            "rejected": p.rejected,
            "mismatches": {f: {"expected": e, "got": g} for f, (e, g) in p.mismatches.items()},
            "lost": p.lost,
            "doubled": p.doubled,
        }
        for p in report.pages
        if p.rejected or p.mismatches or p.lost or p.doubled
    ]
    if baseline:
        out["trafilatura_alone"] = baseline.summary()
    return json.dumps(out, ensure_ascii=False, indent=2)
