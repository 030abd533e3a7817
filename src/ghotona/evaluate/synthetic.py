"""A held-out check of the line classifier on text it was never tuned on.

The reference pages are few, so this builds page text around *real*
article bodies and headlines from a corpus of already-extracted articles
(``../shared/data/news``: 13 outlets, one day): each body is laid out as a
saved page would be — date line, breadcrumb, headline, desk, stamps,
captions, read-also promos, a sign-off, lists of other real headlines (some
printed twice), sometimes the whole body again — and the classifier must
recover the headline and exactly the body.  The furniture is synthetic; the
text the classifier must keep or drop is real and unseen.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..pipeline import Extractor, dedupe_sentences
from ..records import Article, InputFormat, RawPage
from ..text.normalize import fold_for_match, normalize_line
from ..text.segment import split_sentences
from .extraction import _tokens

_BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]
_DAYS = ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার"]
_DESKS = ["নিজস্ব প্রতিবেদক", "আন্তর্জাতিক ডেস্ক", "অনলাইন ডেস্ক", "ঢাকা প্রতিনিধি", "স্টাফ রিপোর্টার"]
_HEADERS = ["সর্বশেষ খবর", "সর্বাধিক পঠিত", "সম্পর্কিত", "এই বিভাগের আরও খবর", "শীর্ষ সংবাদ:", "আলোচিত"]


def _bn(n: int, width: int = 2) -> str:
    return str(n).zfill(width).translate(_BN_DIGITS)


def _stamp(d: datetime, rng: random.Random) -> str:
    date = f"{_bn(d.day)} {_MONTHS[d.month - 1]} {_bn(d.year, 4)}"
    if rng.random() < 0.5:
        return f"প্রকাশিত: {date}, {_bn(d.hour)}:{_bn(d.minute)}"
    h12 = d.hour % 12 or 12
    return f"প্রকাশ: {_bn(h12)}:{_bn(d.minute)} {'পিএম' if d.hour >= 12 else 'এএম'}, {date}"


@dataclass
class SynthPage:
    text: str
    title: str
    body: str
    published: datetime


def build_page(article: dict[str, Any], others: list[str], rng: random.Random) -> SynthPage:
    sents = [s.text for s in split_sentences(normalize_line(article["article"]))]
    # The corpus bodies repeat some sentences (a scraper defect); the body
    # expected back is the de-duplicated one.
    paras, _ = dedupe_sentences(_chunks(sents, rng))
    published = datetime(2025, 12, 30, rng.randint(0, 23), rng.randint(0, 59))
    page_day = published + timedelta(days=rng.choice([0, 0, 1]))
    lines: list[str] = []
    lines += [rng.choice(["প্রচ্ছদ", "জাতীয়", "রাজনীতি"]), f"{_DAYS[page_day.weekday()]}, {_bn(page_day.day)} {_MONTHS[page_day.month - 1]} {_bn(page_day.year, 4)}", ""]
    title = normalize_line(article["headline"])
    lines += [title, "", rng.choice(_DESKS), _stamp(published, rng), ""]
    if rng.random() < 0.4:
        lines += [f"{rng.choice(others)} ছবি: সংগৃহীত", ""]
    for i, p in enumerate(paras):
        lines += [p, ""]
        if i == 1 and rng.random() < 0.4:
            lines += ["আরও পড়ুন", rng.choice(others), ""]
    if rng.random() < 0.7:
        lines.append(rng.choice(["/এএ/", "এমআর/এসআই", "/এইচএ/", "কেএম"]))
    for _ in range(rng.randint(1, 3)):
        lines.append(rng.choice(_HEADERS))
        doubled = rng.random() < 0.5
        for h in rng.sample(others, rng.randint(3, 6)):
            lines += [h, h] if doubled else [h]
    if rng.random() < 0.2:
        lines += ["জনপ্রিয় সংবাদ", "", title, ""] + [p for p in paras]
    return SynthPage("\n".join(lines), title, "\n\n".join(paras), published)


def _chunks(sents: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sents):
        n = rng.randint(1, 4)
        out.append(" ".join(sents[i : i + n]))
        i += n
    return out


def evaluate_corpus(path: Path, *, seed: int = 7, limit: int | None = None, extractor: Extractor | None = None) -> dict[str, Any]:
    """Build a page around every Bengali article in ``path`` and score the extraction."""
    records = json.loads(path.read_text("utf-8"))
    bn = [r for r in records if r.get("article") and r.get("headline") and _bengali_share(r["article"]) > 0.5 and len(r["article"]) > 200]
    if limit:
        bn = bn[:limit]
    rng = random.Random(seed)
    headlines = [normalize_line(r["headline"]) for r in records if r.get("headline")]
    extractor = extractor or Extractor()
    tp = got = exp = 0
    title_ok = pub_ok = rejected = 0
    for r in bn:
        others = [h for h in headlines if h != normalize_line(r["headline"])]
        page = build_page(r, others, rng)
        result = extractor.extract(RawPage(source=f"synthetic#{r.get('id')}", format=InputFormat.PAGETEXT, text=page.text))
        if not isinstance(result, Article):
            rejected += 1
            exp += sum(_tokens(page.body).values())
            continue
        e, g = _tokens(page.body), _tokens(result.body)
        tp += sum((e & g).values())
        got += sum(g.values())
        exp += sum(e.values())
        title_ok += fold_for_match(result.title or "") == fold_for_match(page.title)
        pub_ok += bool(result.published) and result.published.replace(tzinfo=None) == page.published
    n = len(bn)
    p = tp / got if got else 0.0
    rec = tp / exp if exp else 0.0
    return {
        "pages": n,
        "token_precision": round(p, 4),
        "token_recall": round(rec, 4),
        "token_f1": round(2 * p * rec / (p + rec), 4) if p + rec else 0.0,
        "title_accuracy": round(title_ok / n, 4) if n else 0.0,
        "published_accuracy": round(pub_ok / n, 4) if n else 0.0,
        "rejected": rejected,
    }


def _bengali_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if "\u0980" <= c <= "\u09ff") / len(letters) if letters else 0.0
