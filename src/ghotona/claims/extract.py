"""Find the quantitative statements in an article body.

A figure is read in this order (the words are in ``data/claims.yaml``):

  [bound] [unit-before] NUMBER [multiplier...] [classifier] [unit]
      [থেকে / - NUMBER [multiplier] [classifier] [unit] [পর্যন্ত]]
      [-এর] [bound-after]

``NUMBER`` is Bengali or Latin digits (thousands separators ৬,০০০ and
১,০০,০০০, decimals ১.৫), a number word (তিন, দুজন, দুইশ), a fraction word
(দেড়, সাড়ে তিন), a vague figure (শতাধিক, কয়েক হাজার), or a bare
multiplier with a bound (হাজারেরও বেশি).  Multipliers multiply (১.৫
বিলিয়ন = 1.5e9) and compound figures add (১ লাখ ২০ হাজার).

What is counted comes from the words right after the figure (up to six, in
its clause), else right before it (up to four); the class listed first in
the data wins.  The claimant is the source the sentence cites
(:mod:`ghotona.attribution`).

Not claims: numbers inside a time expression the article already tagged,
ages and durations (৪৫ বছর), ordinals (৫ম, ২১শে), clock times (১০টায়),
years (২০২৪), long digit runs (phone numbers), numbers glued to a name
(জি-২০, কোভিড-১৯), and a bare count without a counted noun of interest
unless it is written in digits with a classifier or a bound.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..attribution import article_attributions, claimant, phrase_pattern
from ..records import Article, Attribution, Claim
from .lexicon import ClaimsData, CountedClass, Unit, load_claims_data

__all__ = ["find_claims", "claims_in_text"]

_L = r"(?<![\p{L}\p{M}])"
_R = r"(?![\p{L}\p{M}])"
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_TOKEN = regex.compile(r"\p{Nd}+|[\p{L}\p{M}]+|[$৳€£₹]")
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Characters that end the clause a counted noun is looked for in.
_CLAUSE = regex.compile(r"[,;:।?!()‘’“”\"'—–]")


def _digits_value(s: str) -> float:
    whole, _, frac = s.replace(",", "").partition(".")
    w = "".join(str(unicodedata.digit(ch)) for ch in whole)
    f = "".join(str(unicodedata.digit(ch)) for ch in frac)
    return float(f"{w}.{f}" if f else w)


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    mult: float | None = None  # the largest multiplier applied
    word: bool = False  # written in words, not digits
    bare: bool = False  # a multiplier alone (হাজারেরও বেশি)
    bound: str | None = None  # from a vague figure (শতাধিক: more-than)
    classifier: str | None = None
    genitive: bool = False
    ordinal: bool = False
    digits: str = ""


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    value_max: float | None
    bound: str
    unit: str
    currency: str | None
    factor: float
    classifier: str | None
    n: _Num


class _Grammar:
    """Compiled patterns over the claims data."""

    def __init__(self, d: ClaimsData) -> None:
        self.d = d
        number = r"(?:\p{Nd}{1,3}(?:,\p{Nd}{2})*,\p{Nd}{3}|\p{Nd}+)(?:\.\p{Nd}+)?(?![\p{Nd}]|[.,/:]\p{Nd})"
        # Not glued to a word, a date or a label before it (জি-২০, ১২/০৭, ১০:৩০) ...
        self.digits = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}.,\-‐/:])" + number)
        # ... except as the second end of a range (৫৫-৬০).
        self.digits_inner = regex.compile(number)
        self.decimal = regex.compile(rf"[^\S\n]+(?:{phrase_pattern(d.decimal_words)})[^\S\n]+(?P<frac>\p{{Nd}}+)(?![\p{{Nd}}.,])")
        self.numword = regex.compile(rf"{_L}(?:{phrase_pattern(d.numbers)})")
        self.fraction = regex.compile(rf"{_L}(?:{phrase_pattern(d.fractions)})")
        self.half = regex.compile(rf"{_L}(?:{phrase_pattern(d.half_steps)}){_R}\s*")
        self.several = regex.compile(rf"{_L}(?:{phrase_pattern(d.several)})\s*")
        self.vague = regex.compile(rf"{_L}(?:{phrase_pattern(d.vague)})")
        self.vague_after = regex.compile(rf"[^\S\n]+(?:{phrase_pattern(d.vague_after_number)}){_R}") if d.vague_after_number else None
        self.mults = {m.form: m for m in d.multipliers}
        glued = phrase_pattern(m.form for m in d.multipliers if m.glued)
        free = phrase_pattern(m.form for m in d.multipliers if not m.glued)
        # হাজার may touch its number (১০হাজার); শ only after a space (২১শে is the 21st, not 2100).
        self.mult_spaced = regex.compile(
            rf"(?:[^\S\n]*[\-‐]?[^\S\n]*(?P<m>{_L}(?:{free}))|[^\S\n]+(?P<m>{_L}(?:{glued})))"
        )
        self.mult_glued = regex.compile(rf"(?P<m>{glued})")
        # Alone (হাজারেরও বেশি) only a multiplier that is a word by itself: শো in শোকে is not 100.
        self.mult_bare = regex.compile(rf"{_L}(?:{free})")
        self.tail = regex.compile(r"[\p{L}\p{M}]+")
        self.units_after = [u for u in d.units if not u.before]
        self.units_before = [u for u in d.units if u.before]
        self.unit_by_form = {u.form: u for u in d.units}
        self.unit_after = regex.compile(rf"[^\S\n]*[\-‐]?[^\S\n]*(?P<u>{phrase_pattern(u.form for u in self.units_after)})")
        self.unit_before = regex.compile(rf"(?P<u>{phrase_pattern(u.form for u in self.units_before)})[^\S\n]*$")
        self.classifier = regex.compile(rf"[^\S\n]+(?P<c>{phrase_pattern(d.classifiers)})")
        self.gen_token = regex.compile(rf"[^\S\n]*[\-‐]?[^\S\n]*(?:{phrase_pattern(d.genitive)}){_R}")
        self.after_gen = regex.compile(rf"[^\S\n]*(?:ও[^\S\n]+)?(?P<b>{phrase_pattern(d.after_genitive)}){_R}")
        self.after = regex.compile(rf"[^\S\n]+(?P<b>{phrase_pattern(d.after_bounds)}){_R}")
        self.before = regex.compile(rf"{_L}(?P<b>{phrase_pattern(d.before_bounds)})[^\S\n]+(?:আরও[^\S\n]+)?$")
        self.range = regex.compile(rf"(?:[^\S\n]+(?:{phrase_pattern(d.range_words)})[^\S\n]+|[^\S\n]*[\-‐–—][^\S\n]*)")
        self.range_end = regex.compile(rf"[^\S\n]+(?:{phrase_pattern(d.range_end)}){_R}")
        self.not_after = regex.compile(rf"[^\S\n]*(?:{phrase_pattern(d.not_after)})")
        self.counted = [(k, regex.compile(rf"{_L}(?:{phrase_pattern(k.forms)})")) for k in d.counted]
        self.suffixes = set(d.suffixes) | set(d.genitive) | {""}

    # -- tails ------------------------------------------------------------
    def read_tail(self, tail: str, digits: bool) -> tuple[str | None, bool, bool] | None:
        """(classifier, genitive, ordinal) for the letters glued to a number; None if they make it no number."""
        if not tail:
            return None, False, False
        if tail in self.d.ordinals:
            return (None, False, True) if digits else None
        for c in sorted(self.d.classifiers, key=len, reverse=True):
            if tail.startswith(c):
                rest = tail[len(c):]
                if rest in self.suffixes:
                    return c, rest in self.d.genitive, False
        if tail in self.suffixes:
            return None, tail in self.d.genitive, False
        return None

    def glued_tail(self, s: str, pos: int) -> str:
        m = self.tail.match(s, pos)
        return m.group() if m else ""


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(load_claims_data())


# --------------------------------------------------------------------------
# Numbers


def _simple(g: _Grammar, s: str, i: int, inner: bool = False) -> _Num | None:
    """Digits or a number word at ``i`` (no multiplier yet); ``inner`` for the far end of a range."""
    m = (g.digits_inner if inner else g.digits).match(s, i)
    if m:
        text = m.group()
        if "." not in text and (d := g.decimal.match(s, m.end())):
            text += "." + d.group("frac")  # ৭২ দশমিক ১০ = 72.10
            return _Num(i, d.end(), _digits_value(text), digits=text)
        return _Num(i, m.end(), _digits_value(text), digits=text)
    m = g.numword.match(s, i)
    if m:
        return _Num(i, m.end(), g.d.numbers[regex.sub(r"\s+", " ", m.group())], word=True)
    return None


def _group(g: _Grammar, s: str, i: int, inner: bool = False) -> _Num | None:
    """One number with its multipliers: ১০ হাজার, সাড়ে তিন লাখ, কয়েক হাজার, দুইশ."""
    n: _Num | None = None
    if h := g.half.match(s, i):
        inner = _simple(g, s, h.end())
        if inner is None:
            return None
        inner.start = i
        inner.value += g.d.half_steps[h.group().strip()]
        n = inner
    elif f := g.fraction.match(s, i):
        n = _Num(i, f.end(), g.d.fractions[f.group()], word=True)
    elif v := g.vague.match(s, i):
        value, bound = g.d.vague[regex.sub(r"\s+", " ", v.group())]
        n = _Num(i, v.end(), value, word=True, bound=bound)
    elif sv := g.several.match(s, i):
        m = g.mult_bare.match(s, sv.end())
        if m is None:
            return None
        mult = g.mults[m.group()]
        n = _Num(i, m.end(), mult.value, mult=mult.value, word=True, bound="more-than")
    else:
        n = _simple(g, s, i, inner)
        if n is None:
            m = g.mult_bare.match(s, i)
            if m is None:
                return None
            mult = g.mults[m.group()]
            n = _Num(i, m.end(), mult.value, mult=mult.value, word=True, bare=True)
    # Multipliers: glued to a number word (দুইশ), else after optional space (১০ হাজার কোটি).
    while True:
        m = g.mult_glued.match(s, n.end) if n.word and not n.bare else None
        if m is None:
            m = g.mult_spaced.match(s, n.end)
        if m is None:
            break
        tail = g.glued_tail(s, m.end())
        if g.read_tail(tail, False) is None:
            break  # শতাংশ is not শত + াংশ
        mult = g.mults[m.group("m")]
        n.value *= mult.value
        n.mult = max(n.mult or 0, mult.value)
        n.end = m.end()
    if g.vague_after is not None and n.bound is None and (va := g.vague_after.match(s, n.end)):
        value, bound = g.d.vague[va.group().strip()]
        n.value, n.mult, n.bound, n.end = n.value * value, value, bound, va.end()  # দেড় শতাধিক
    tail = g.glued_tail(s, n.end)
    read = g.read_tail(tail, not n.word)
    if read is None:
        return None
    n.classifier, n.genitive, n.ordinal = read
    n.end += len(tail)
    return n


def _number(g: _Grammar, s: str, i: int, inner: bool = False) -> _Num | None:
    """A whole figure: one group, or a compound of decreasing groups (১ লাখ ২০ হাজার)."""
    n = _group(g, s, i, inner)
    if n is None or n.ordinal or n.bound or n.bare:
        return n
    while n.mult and not n.classifier and not n.genitive:
        j = n.end
        sp = regex.match(r"[^\S\n]+", s[j:])
        if not sp:
            break
        nxt = _group(g, s, j + sp.end())
        if nxt is None or nxt.bound or nxt.bare or nxt.ordinal or nxt.value >= (n.mult or 0):
            break
        n = _Num(n.start, nxt.end, n.value + nxt.value, mult=n.mult, word=n.word and nxt.word,
                 classifier=nxt.classifier, genitive=nxt.genitive)
    return n


def _unit_after(g: _Grammar, s: str, k: int) -> tuple[Unit, int, bool] | None:
    m = g.unit_after.match(s, k)
    if not m:
        return None
    form = regex.sub(r"\s+", " ", m.group("u"))
    unit = g.unit_by_form[form]
    end = m.end()
    if form[-1].isalpha() or unicodedata.category(form[-1]).startswith("M"):
        tail = g.glued_tail(s, end)
        if tail not in g.suffixes:
            return None
        return unit, end + len(tail), tail in g.d.genitive
    return unit, end, False


def _classifier_after(g: _Grammar, s: str, k: int) -> tuple[str, int, bool] | None:
    m = g.classifier.match(s, k)
    if not m:
        return None
    tail = g.glued_tail(s, m.end())
    if tail not in g.suffixes:
        return None
    return m.group("c"), m.end() + len(tail), tail in g.d.genitive


def _quantity(g: _Grammar, s: str, p: int) -> _Quantity | None:
    n1 = _number(g, s, p)
    if n1 is None or n1.ordinal:
        return None
    k = n1.end
    unit: Unit | None = None
    classifier, genitive = n1.classifier, n1.genitive

    def after_number(k: int, classifier: str | None, genitive: bool) -> tuple[int, Unit | None, str | None, bool]:
        u = _unit_after(g, s, k) if not classifier else None
        if u:
            return u[1], u[0], classifier, u[2]
        if classifier is None and not genitive:
            c = _classifier_after(g, s, k)
            if c:
                return c[1], None, c[0], c[2]
        return k, None, classifier, genitive

    # A unit written before the number: $, ৳, শতকরা.
    start = p
    ub = g.unit_before.search(s, max(0, p - 12), p)
    if ub:
        unit = g.unit_by_form[regex.sub(r"\s+", " ", ub.group("u"))]
        start = ub.start()
    if not genitive:
        k2, u, classifier, genitive = after_number(k, classifier, genitive)
        if u is not None:
            unit = unit or u
        k = k2
    value, value_max = n1.value, None
    bound = n1.bound
    r = g.range.match(s, k) if not genitive and not bound else None
    n2 = _number(g, s, r.end(), inner=True) if r else None
    if r and n2 is not None and not n2.ordinal and not n2.bound and not n2.bare:
        hi = n2.value
        if n1.mult is None and n2.mult and n1.value < n2.value / n2.mult:
            value *= n2.mult  # ২ থেকে ৩ হাজার: both ends in thousands
        if hi <= value:
            if r.group().strip() in "-‐–—":
                return None  # ৫-৪: a score or a label, not a range
        else:
            value_max, bound = hi, "range"
            k = n2.end
            classifier, genitive = n2.classifier or classifier, n2.genitive
            if not genitive:
                k, u, classifier, genitive = after_number(k, classifier, genitive)
                unit = unit or u
            if e := g.range_end.match(s, k):
                k = e.end()
    if bound is None:
        if not genitive and (gt := g.gen_token.match(s, k)):
            if g.after_gen.match(s, gt.end()):
                k, genitive = gt.end(), True
        if genitive and (b := g.after_gen.match(s, k)):
            bound, k = g.d.after_genitive[b.group("b")], b.end()
        elif b := g.after.match(s, k):
            bound, k = g.d.after_bounds[regex.sub(r"\s+", " ", b.group("b"))], b.end()
        if bound and unit is None and classifier is None:
            k2, u, classifier, _ = after_number(k, None, False)
            if u is not None or classifier is not None:
                unit, k = u, k2
    if unit is not None and unit.closer and (c := regex.match(rf"[^\S\n]+{regex.escape(unit.closer)}{_R}", s[k:])):
        k += c.end()
    if pb := g.before.search(s, max(0, start - 40), start):
        bound = bound if bound and bound != "exact" else g.d.before_bounds[regex.sub(r"\s+", " ", pb.group("b"))]
        start = pb.start()
    factor = unit.factor if unit else 1.0
    return _Quantity(
        start=start, end=k, num_start=n1.start, num_end=n1.end, value=value * factor,
        value_max=value_max * factor if value_max is not None else None, bound=bound or "exact",
        unit=unit.unit if unit else "count", currency=unit.currency if unit else None, factor=factor,
        classifier=classifier, n=n1,
    )


# --------------------------------------------------------------------------
# What is counted


def _counted_in(g: _Grammar, s: str, lo: int, hi: int, unit: str, nearest_last: bool) -> tuple[CountedClass, int, int] | None:
    best: tuple[int, int, CountedClass, int, int] | None = None
    for rank, (k, rx) in enumerate(g.counted):
        if k.units and unit not in k.units:
            continue
        for m in rx.finditer(s, lo, hi):
            if any(s.startswith(x, m.start()) for x in k.exceptions):
                continue
            w = _WORDS.match(s, m.start())
            end = w.end() if w else m.end()
            dist = (hi - end) if nearest_last else (m.start() - lo)
            key = (rank, dist)
            if best is None or key < best[:2]:
                best = (rank, dist, k, m.start(), end)
    return (best[2], best[3], best[4]) if best else None


def _percent_class(g: _Grammar, s: str) -> tuple[CountedClass, int, int] | None:
    """A class that owns every percentage in a sentence that names it (শুল্ক)."""
    for k, rx in g.counted:
        if not k.percent_in_sentence:
            continue
        for m in rx.finditer(s):
            if not any(s.startswith(x, m.start()) for x in k.exceptions):
                w = _WORDS.match(s, m.start())
                return k, m.start(), w.end() if w else m.end()
    return None


def _window_after(s: str, k: int, stop: int, words: int) -> int:
    """End of the window of ``words`` words after ``k``, inside the clause, before ``stop``."""
    c = _CLAUSE.search(s, k, stop)
    end = c.start() if c else stop
    ws = list(_WORDS.finditer(s, k, end))
    return ws[words - 1].end() if len(ws) >= words else end


def _window_before(s: str, k: int, stop: int, words: int) -> int:
    lo = stop
    for c in _CLAUSE.finditer(s, stop, k):
        lo = c.end()
    ws = list(_WORDS.finditer(s, lo, k))
    return ws[-words].start() if len(ws) >= words else lo


# --------------------------------------------------------------------------
# Sentences and articles


def _is_year(q: _Quantity) -> bool:
    n = q.n
    return (not n.word and len(n.digits) == 4 and "," not in n.digits and "." not in n.digits
            and 1800 <= n.value <= 2100 and n.mult is None and q.unit == "count" and not q.classifier)


def _worth_a_claim(q: _Quantity, counted: tuple[CountedClass, int, int] | None, s: str) -> bool:
    """Whether a plain count is a claim, by how it is written and what it counts.

    A count of something of interest (killed, troops ...) is a claim; a
    number word (নয়, এক, দশ are everyday words too) only from two and right
    before its noun (within a few words with a classifier: দুজন পুলিশ সদস্য
    আহত); bare digits only a few words before the noun.  A count of anything
    else is a claim only when written in digits (or with হাজার, লাখ ...)
    with a classifier, a bound or a multiplier: ২০টির বেশি দেশ.
    """
    n = q.n
    bare = not q.classifier and q.bound == "exact" and not n.mult
    if counted is None:
        if n.bare and q.bound == "exact":
            return False  # হাজার মানুষ: no figure to hold anyone to
        written = not n.word or (n.mult or 0) >= 1000
        return written and not bare
    gap = len(_WORDS.findall(s[q.end:counted[1]])) if counted[1] >= q.end else None
    if n.word and not n.mult and not n.bound:
        if n.genitive and not q.classifier:
            return False  # এক এগারোর: a name or a date, not a count
        return n.value >= 2 and gap is not None and gap <= (5 if q.classifier else 1)
    if bare and not n.word:
        return gap is not None and gap <= 3
    return True


def _sentence_claims(
    g: _Grammar, body: str, s0: int, s1: int, timex: Sequence[tuple[int, int]], attrs: Sequence[Attribution]
) -> list[Claim]:
    s = body[s0:s1]
    quants: list[_Quantity] = []
    pos = 0
    for t in _TOKEN.finditer(s):
        if t.start() < pos:
            continue
        q = _quantity(g, s, t.start())
        if q is None:
            continue
        pos = q.end
        a, b = s0 + q.num_start, s0 + q.end
        if any(x < b and a < y for x, y in timex):
            continue  # a date, a time or a duration the time tagger read
        n = q.n
        if n.ordinal or (not n.word and len(n.digits.replace(",", "")) >= 8 and n.mult is None and q.unit == "count"):
            continue
        if _is_year(q):
            continue
        if q.unit == "count" and g.not_after.match(s, q.n.end):
            continue  # ৪৫ বছর, ৯ ঘণ্টা, ১০ দিন: an age, a duration, a time
        quants.append(q)
    out: list[Claim] = []
    for i, q in enumerate(quants):
        nxt = quants[i + 1].start if i + 1 < len(quants) else len(s)
        prev = quants[i - 1].end if i else 0
        counted = _percent_class(g, s) if q.unit == "percent" else None
        if counted is None:
            counted = _counted_in(g, s, q.end, _window_after(s, q.end, nxt, 6), q.unit, False)
        if counted is None:
            counted = _counted_in(g, s, _window_before(s, q.start, prev, 4), q.start, q.unit, True)
        cls = counted[0].counted if counted else "other"
        n = q.n
        if q.unit == "count" and not _worth_a_claim(q, counted, s):
            continue
        conf = 0.9 if cls != "other" or q.unit != "count" else 0.5
        if n.word:
            conf -= 0.1
        if n.bound or n.bare:
            conf -= 0.1
        src = claimant(attrs, s0 + q.start)
        # An unresolved pronoun (তিনি with no one before it) names nobody.
        named = src is not None and not (src.how == "pronoun" and not src.actor_id and not src.label)
        out.append(Claim(
            start=s0 + q.start, end=s0 + q.end, text=s[q.start:q.end], value=q.value, value_max=q.value_max,
            bound=q.bound, unit=q.unit, currency=q.currency, counted=cls,
            counted_text=s[counted[1]:counted[2]] if counted else None,
            counted_start=s0 + counted[1] if counted else None, counted_end=s0 + counted[2] if counted else None,
            claimant=src.source_name if src and named else None,
            claimant_id=(src.actor_id or src.wire_id) if src and named else None,
            claimant_text=src.text if src else None,
            claimant_kind=src.kind if src else None,
            claimed=bool(src and src.claim),
            sentence_start=s0, sentence_end=s1, confidence=round(conf, 3),
        ))
    return out


def find_claims(article: Article, attributions: list[Attribution] | None = None) -> list[Claim]:
    """Every quantitative statement in ``article``'s body, in order, with its claimant.

    Offsets are into ``article.body``.  The article's own time expressions
    and actor mentions are used as they are (run the pipeline's
    ``Extractor`` first, or build the article with
    :func:`ghotona.claims.article_from_text`).  ``attributions``: the
    article's ``article_attributions`` when the caller has them already.
    """
    g = _grammar()
    body = article.body
    timex = [(t.start, t.end) for t in article.time_expressions]
    by_sentence: dict[int, list[Attribution]] = {}
    for a in article_attributions(article) if attributions is None else attributions:
        by_sentence.setdefault(a.sentence_start, []).append(a)
    out: list[Claim] = []
    for p in article.paragraphs:
        for sent in p.sentences:
            out.extend(_sentence_claims(g, body, sent.start, sent.end, timex, by_sentence.get(sent.start, [])))
    return out


def claims_in_text(text: str) -> list[Claim]:
    """Figures in a bare normalised text, without attribution or time expressions (for quick checks)."""
    return _sentence_claims(_grammar(), text, 0, len(text), (), ())
