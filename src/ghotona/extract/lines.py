"""The page-text line classifier: which lines of a rendered page are the article.

No tool reads Bengali page text, and per-site rules rot, so this is a small
jusText-style classifier over general signals:

1. *Intrinsic* features of each line: length, word count, sentence
   punctuation, how much of it is dates, cue words from
   ``data/boilerplate.yaml`` (list headers, captions, credits, promos, view
   counters, desks, section names), sign-off shape.
2. *Page* features: how often the same (folded) line occurs on the page,
   whether it repeats the line before it, whether it sits in a list opened
   by a header or in a run of headline-like lines.
3. *Neighbours*: short sentence lines next to body lines are body; the body
   is the largest block of body lines plus blocks joined to it by small gaps;
   a sign-off ends the article.

Every dropped line keeps its reason, so a person can see what was removed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

import regex

from ..dates import find_bangla_dates, find_dates
from ..records import DateMention, RemovedLine
from ..text.normalize import fold_for_match, normalize_line
from .cues import EMAIL, SIGNOFF, URLISH, cues, ends_terminal, has_terminal, words


_SENT_SPLIT = regex.compile(r"(?<=[।॥?!])\s+")
_DIGIT = regex.compile(r"\p{Nd}")


class Kind(str, Enum):
    BLANK = "blank"
    BODY = "body"
    TITLE = "title"
    META = "meta"  # date stamps, desk, byline
    SOURCE = "source"  # "সূত্র: এএফপি"
    SIGNOFF = "signoff"
    BOILER = "boilerplate"
    DUPLICATE = "duplicate"


@dataclass(slots=True)
class Line:
    index: int  # 0-based line number in the page
    text: str  # normalised, stripped
    fold: str  # for repetition tests
    n_words: int
    kind: Kind = Kind.BLANK
    reason: str = ""
    dates: list[DateMention] = field(default_factory=list)
    date_cover: float = 0.0

    @property
    def headline_like(self) -> bool:
        """Short, unpunctuated, several words: a title or a list item."""
        return (
            2 <= self.n_words <= 30
            and len(self.text) <= 250
            and not ends_terminal(self.text.rstrip("?!"))
            and not has_terminal(self.text.rstrip("?!"))
        )


@dataclass(slots=True)
class Layout:
    """What the classifier found on one page."""

    lines: list[Line]
    title: str | None
    title_index: int | None
    body_indices: list[int]  # kept body lines, in order, after de-duplication
    paragraphs: list[str]  # body lines merged where a paragraph was broken
    desk: str | None
    byline: str | None
    signoff: str | None
    source_lines: list[str]
    header_indices: list[int]  # non-body lines before the first body line
    removed: list[RemovedLine]

    def furniture(self) -> list[str]:
        """Lines that are not article text: where outlet names show up."""
        return [ln.text for ln in self.lines if ln.kind not in (Kind.BODY, Kind.BLANK)]


def _date_cover(text: str, mentions: list[DateMention]) -> float:
    covered = sum(m.end - m.start for m in mentions)
    letters = len(text) - text.count(" ")  # normalised text: spaces are the only blanks
    return covered / letters if letters else 0.0


def _make_lines(page_text: str, tz: str) -> list[Line]:
    out: list[Line] = []
    for i, raw in enumerate(page_text.split("\n")):
        text = normalize_line(raw)
        ln = Line(index=i, text=text, fold=fold_for_match(text) if text else "", n_words=len(words(text)))
        if text:
            # Every date stamp has digits; most lines have none, and the
            # date grammar is the costliest thing run on a line.
            ln.dates = find_dates(text, tz=tz) if _DIGIT.search(text) else []
            ln.date_cover = _date_cover(text, ln.dates)
            ln.kind = Kind.BOILER  # until shown to be something else
        out.append(ln)
    return out


def _intrinsic(ln: Line, min_body: int) -> None:
    """Label a line from what it says by itself."""
    c = cues()
    t = ln.text
    if c.list_header.match(t):
        ln.kind, ln.reason = Kind.BOILER, "list-header"
    elif c.inline_promo.match(t):
        ln.kind, ln.reason = Kind.BOILER, "promo"
    elif c.source.match(t) and ln.n_words <= 12:
        ln.kind, ln.reason = Kind.SOURCE, "source-credit"
    elif c.caption.search(t) and not (ln.n_words > 40):
        ln.kind, ln.reason = Kind.BOILER, "caption"
    elif ln.dates and _meta_rest(t, ln):
        ln.kind, ln.reason = Kind.META, "date-stamp"
    elif _bangla_date_line(t):
        ln.kind, ln.reason = Kind.META, "bangla-date"
    elif c.view_count.fullmatch(t.strip()):
        ln.kind, ln.reason = Kind.BOILER, "view-count"
    elif c.desk.match(t) and ln.n_words <= 6 or _repeated_desk(t):
        ln.kind, ln.reason = Kind.META, "desk"
    elif c.byline.match(t) and ln.n_words <= 8:
        ln.kind, ln.reason = Kind.META, "byline"
    elif c.nav.match(t):
        ln.kind, ln.reason = Kind.BOILER, "navigation"
    elif EMAIL.search(t) or (URLISH.search(t) and ln.n_words < 40):
        ln.kind, ln.reason = Kind.BOILER, "promo"
    elif ln.n_words <= 12 and c.promo.search(t) and not has_terminal(t):
        ln.kind, ln.reason = Kind.BOILER, "promo"
    elif len(t) >= min_body and ln.n_words >= 8 and has_terminal(t):
        ln.kind, ln.reason = Kind.BODY, "sentences"
    elif ln.n_words <= 2 and len(t) <= 3:
        ln.kind, ln.reason = Kind.BOILER, "fragment"
    else:
        ln.kind, ln.reason = Kind.BOILER, "short" if has_terminal(t) else "headline-like"


def _meta_rest(text: str, ln: Line) -> bool:
    """A date line: dates, their cue words, separators and a view count only."""
    if ln.date_cover >= 0.6:
        return True
    rest = text
    for m in sorted(ln.dates, key=lambda m: -m.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    rest = cues().view_count.sub(" ", rest)
    return len(words(rest)) <= 4 and not has_terminal(rest)


def _bangla_date_line(text: str) -> bool:
    """A line that is only a Bangla-calendar date ("২৬ আষাঢ় ১৪৩২")."""
    found = find_bangla_dates(text)
    covered = sum(end - start for start, end, *_ in found)
    return bool(found) and covered >= 0.6 * len(text.replace(" ", ""))


def _repeated_desk(text: str) -> bool:
    # Avatar alt text repeats the desk: "আন্তর্জাতিক ডেস্ক আন্তর্জাতিক ডেস্ক".
    ws = text.split()
    half = len(ws) // 2
    return len(ws) % 2 == 0 and half > 0 and ws[:half] == ws[half:] and bool(cues().desk.match(" ".join(ws[:half])))


def _prev_nonblank(lines: list[Line], i: int) -> int | None:
    j = i - 1
    while j >= 0 and lines[j].kind is Kind.BLANK:
        j -= 1
    return j if j >= 0 else None


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and lines[j].kind is Kind.BLANK:
        j += 1
    return j if j < len(lines) else None


def _lists(lines: list[Line], counts: Counter[str]) -> None:
    """Lines inside headline lists, doubled headlines and headline runs."""
    nonblank = [ln for ln in lines if ln.kind is not Kind.BLANK]
    # Doubled in a row: site lists often print each headline twice.
    # A one-sentence line printed twice in a row is a headline even when it
    # ends with "!" or "?"; a long paragraph doubled is left to the body
    # de-duplication, which keeps one copy.
    for a, b in zip(nonblank, nonblank[1:]):
        if a.fold and a.fold == b.fold and (a.kind is not Kind.BODY or _one_sentence(a.text)):
            for ln in (a, b):
                if ln.kind in (Kind.BOILER, Kind.BODY):
                    ln.kind, ln.reason = Kind.BOILER, "repeated-headline"
    # Items after a list header: everything that is not a body paragraph,
    # until the next paragraph of sentences ends the list.
    in_list = False
    for ln in nonblank:
        if ln.reason == "list-header":
            in_list = True
            continue
        if in_list:
            if ln.kind is Kind.BODY:
                in_list = False
            elif ln.kind is Kind.BOILER:
                ln.reason = "list-item"
            continue
    # Inline promo: "আরও পড়ুন" and the headline it links to.
    for i, ln in enumerate(lines):
        if ln.reason == "promo" and cues().inline_promo.match(ln.text):
            j = _next_nonblank(lines, i)
            if j is not None and lines[j].headline_like and lines[j].kind is Kind.BOILER:
                lines[j].reason = "promo"
    # Runs of 3+ headline-like lines with no paragraph among them are lists,
    # even without a header.
    run: list[Line] = []
    for ln in nonblank + [None]:  # type: ignore[list-item]
        if ln is not None and ln.kind is Kind.BOILER and ln.headline_like:
            run.append(ln)
            continue
        if len(run) >= 3:
            for r in run:
                if r.reason == "headline-like":
                    r.reason = "headline-run"
        run = []


def _one_sentence(text: str) -> bool:
    return len(text) < 160 and len(_sentences(text)) == 1


def _grow_body(lines: list[Line]) -> None:
    """Short sentence lines next to body lines are body (jusText's near-good)."""
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines):
            if ln.kind is not Kind.BOILER or ln.reason not in ("short", "headline-like"):
                continue
            p, n = _prev_nonblank(lines, i), _next_nonblank(lines, i)
            after = p is not None and lines[p].kind is Kind.BODY
            before = n is not None and lines[n].kind is Kind.BODY
            # A short sentence beside the text is text; an unpunctuated line
            # is text only between two paragraphs (a sentence the layout
            # broke, or a subheading), never at the edge of the article.
            if (ln.reason == "short" and (after or before)) or (after and before and ln.n_words >= 3):
                ln.kind, ln.reason = Kind.BODY, "near-body"
                changed = True


def _body_blocks(lines: list[Line], max_gap: int) -> list[list[int]]:
    """Group body lines into blocks separated by more than ``max_gap`` other lines."""
    blocks: list[list[int]] = []
    gap = 0
    for ln in lines:
        if ln.kind is Kind.BLANK:
            continue
        if ln.kind is Kind.BODY:
            if blocks and gap <= max_gap:
                blocks[-1].append(ln.index)
            else:
                blocks.append([ln.index])
            gap = 0
        elif blocks:
            gap += 1
    return blocks


def _signoff_shape(ln: Line) -> bool:
    """Initials like "/এএ/", "এমআর/সবা", "এমএসএম": one token, or tokens joined by slashes.

    Words that open a list or promo ("আরও পড়ুন", "বিজ্ঞাপন") have the same
    shape, so cue words are excluded first.
    """
    t = ln.text
    if len(t) > 20 or ln.reason in ("list-header", "promo", "navigation", "view-count"):
        return False
    c = cues()
    if c.promo.search(t) or c.inline_promo.match(t) or c.list_header.match(t):
        return False
    return bool(SIGNOFF.match(t)) if " " not in t else ("/" in t and bool(SIGNOFF.match(t.replace(" ", ""))))


def _signoff_after(lines: list[Line], last_body: int) -> int | None:
    """A sign-off code within a few lines after the body's last paragraph."""
    j, seen = last_body, 0
    while seen < 3:
        nxt = _next_nonblank(lines, j)
        if nxt is None:
            return None
        ln = lines[nxt]
        if ln.kind is Kind.BODY:
            return None
        if ln.kind is Kind.SOURCE:
            j = nxt
            continue
        if _signoff_shape(ln):
            return nxt
        seen += 1
        j = nxt
    return None


def classify(
    page_text: str,
    *,
    tz: str = "Asia/Dhaka",
    min_body_chars: int = 60,
    max_gap: int = 4,
    title_hint: str | None = None,
) -> Layout:
    """Classify every line of a page's rendered text and assemble the article.

    ``title_hint`` is a headline known from elsewhere (an HTML page's
    ``<h1>``); the line that carries it is the title.
    """
    lines = _make_lines(page_text, tz)
    for ln in lines:
        if ln.text:
            _intrinsic(ln, min_body_chars)
    counts = Counter(ln.fold for ln in lines if ln.fold)
    _lists(lines, counts)
    _grow_body(lines)

    # The article is the largest body block and the blocks near it; body-like
    # text far away (a footer's address, an about-us blurb) is not.
    blocks = _body_blocks(lines, max_gap)
    keep: list[int] = []
    if blocks:
        main = max(blocks, key=lambda b: sum(len(lines[i].text) for i in b))
        keep = [i for b in blocks if b is main or _near(b, main, lines) for i in b]
    kept = set(keep)
    for ln in lines:
        if ln.kind is Kind.BODY and ln.index not in kept:
            ln.kind, ln.reason = Kind.BOILER, "outside-article"

    # A sign-off ends the article: anything after it is furniture or a copy.
    signoff = None
    for idx in keep:
        signoff = _signoff_after(lines, idx)
        if signoff is not None:
            break
    if signoff is not None:
        lines[signoff].kind, lines[signoff].reason = Kind.SIGNOFF, "signoff"
        for i in keep:
            if i > signoff and lines[i].kind is Kind.BODY:
                lines[i].kind, lines[i].reason = Kind.BOILER, "after-signoff"

    # One body per page: a paragraph seen before (as a whole, or all of its
    # sentences) is a repeat of the body, not more body.
    body_idx: list[int] = []
    seen_lines: set[str] = set()
    seen_sents: set[str] = set()
    for ln in lines:
        if ln.kind is not Kind.BODY:
            continue
        sents = [fold_for_match(s) for s in _sentences(ln.text)]
        sents = [s for s in sents if len(s) >= 15]
        if ln.fold in seen_lines or (sents and all(s in seen_sents for s in sents)):
            ln.kind, ln.reason = Kind.DUPLICATE, "repeated-body"
            continue
        seen_lines.add(ln.fold)
        seen_sents.update(sents)
        body_idx.append(ln.index)
    title_index, byline_index = _find_title(lines, body_idx[0] if body_idx else None, title_hint)
    if title_index is not None:
        lines[title_index].kind, lines[title_index].reason = Kind.TITLE, "title"
    if byline_index is not None:
        lines[byline_index].kind, lines[byline_index].reason = Kind.META, "byline"
    header = [ln.index for ln in lines if ln.kind not in (Kind.BLANK,) and (not body_idx or ln.index < body_idx[0])]

    desk = byline = None
    for i in header + [ln.index for ln in lines if ln.kind is Kind.META]:
        ln = lines[i]
        if ln.kind is Kind.META and ln.reason == "desk" and desk is None:
            desk = _desk_text(ln.text)
        elif ln.kind is Kind.META and ln.reason == "byline" and byline is None:
            m = cues().byline.match(ln.text)
            byline = m.group("name").strip() if m else ln.text

    removed = [RemovedLine(ln.text, ln.reason) for ln in lines if ln.kind in (Kind.BOILER, Kind.DUPLICATE, Kind.SIGNOFF)]
    return Layout(
        lines=lines,
        title=lines[title_index].text if title_index is not None else None,
        title_index=title_index,
        body_indices=body_idx,
        paragraphs=merge_broken(lines, body_idx),
        desk=desk,
        byline=byline,
        signoff=lines[signoff].text if signoff is not None else None,
        source_lines=[ln.text for ln in lines if ln.kind is Kind.SOURCE],
        header_indices=header,
        removed=removed,
    )


def _near(block: list[int], main: list[int], lines: list[Line]) -> bool:
    """A smaller block belongs to the article if little but captions/promos separate them."""
    lo, hi = (block[-1], main[0]) if block[-1] < main[0] else (main[-1], block[0])
    between = [ln for ln in lines[lo + 1 : hi] if ln.kind is not Kind.BLANK]
    return len(between) <= 6 and all(ln.reason in ("caption", "promo", "short", "headline-like", "source-credit") for ln in between)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT_SPLIT.split(text) if s.strip()]


def _name_like(ln: Line) -> bool:
    """Two to four words, no digits or sentence marks: a person's name or a place line."""
    return (
        2 <= ln.n_words <= 4
        and len(ln.text) <= 32
        and not regex.search(r"[\d০-৯,:;!?।]", ln.text)
        and ln.kind is Kind.BOILER
        and ln.reason in ("headline-like", "headline-run")
    )


def _byline_like(lines: list[Line], ln: Line) -> bool:
    """A name-like line that sits against a date stamp, desk or dateline, as bylines do.

    Alt text and captions can be just as short, but they sit against the
    photo and the text, not against the stamps.
    """
    if not _name_like(ln):
        return False
    nxt = _next_nonblank(lines, ln.index)
    if nxt is not None and lines[nxt].reason == "caption":
        return False  # alt text of the photo whose caption follows
    for j in (_prev_nonblank(lines, ln.index), _next_nonblank(lines, ln.index)):
        if j is not None and (lines[j].kind is Kind.META or cues().dateline.search(lines[j].text)):
            return True
    return False


def _find_title(lines: list[Line], first_body: int | None, hint: str | None) -> tuple[int | None, int | None]:
    """The headline, and a byline found on the way to it.

    The headline is the nearest headline-like line above the first
    paragraph.  Walking up from the body skips what sits between headline
    and text on news pages (date stamps, desk, photo and caption, alt text
    that repeats the headline).  A short name-like line there ("রহিম
    উদ্দিন", "ঢাকা থেকে") is a byline or dateline when a headline stands
    above it, not the headline.
    """
    stop = first_body if first_body is not None else len(lines)
    candidates = [ln for ln in lines[:stop] if ln.kind is not Kind.BLANK]
    if hint:
        hf = fold_for_match(hint)
        for ln in candidates:
            if ln.fold == hf:
                return ln.index, _byline_below(lines, ln.index, stop)
    for pos in range(len(candidates) - 1, -1, -1):
        ln = candidates[pos]
        if ln.kind in (Kind.META, Kind.SOURCE, Kind.SIGNOFF):
            continue
        if ln.reason in ("caption", "view-count", "promo", "navigation", "list-header", "fragment"):
            continue
        if not (ln.headline_like or (ln.text.endswith(("?", "!")) and ln.n_words <= 30)):
            continue
        above = candidates[:pos]
        if _byline_like(lines, ln) and any(c.headline_like and not _name_like(c) and c.kind is Kind.BOILER for c in above[-4:]):
            continue
        # Alt text often repeats the headline just above the photo: take
        # the earliest of identical copies within the header.
        same = [c for c in candidates if c.fold == ln.fold and c.kind is not Kind.META]
        title = same[0].index if same else ln.index
        return title, _byline_below(lines, title, stop)
    return None, None


def _byline_below(lines: list[Line], title: int, stop: int) -> int | None:
    """The first name-like line between headline and text, unless it is a dateline ("ঢাকা থেকে")."""
    for ln in lines[title + 1 : stop]:
        if ln.kind is Kind.BLANK or ln.fold == lines[title].fold:
            continue
        if _byline_like(lines, ln) and not cues().dateline.search(ln.text):
            return ln.index
    return None


def _desk_text(text: str) -> str:
    ws = text.split()
    half = len(ws) // 2
    if len(ws) % 2 == 0 and half and ws[:half] == ws[half:]:
        return " ".join(ws[:half])
    return text


def merge_broken(lines: list[Line], body_idx: list[int]) -> list[str]:
    """Join a paragraph that a page broke mid-sentence (an ad slot, a layout gap).

    Two body lines are one paragraph when the first does not end a sentence
    and only blank lines stand between them.
    """
    paras: list[str] = []
    prev: int | None = None
    for i in body_idx:
        text = lines[i].text
        if (
            paras
            and prev is not None
            and not ends_terminal(paras[-1])
            and all(lines[k].kind is Kind.BLANK for k in range(prev + 1, i))
        ):
            paras[-1] = paras[-1] + " " + text
        else:
            paras.append(text)
        prev = i
    return paras
