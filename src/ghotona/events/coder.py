"""The Bengali event coder: an Article (with its actor mentions and time
expressions) in, PLOVER-coded :class:`Event` records out.

How a sentence is read (the cues are data in ``data/events/grammar.yaml``
and ``data/events/triggers.yaml``):

1. Triggers are found by the lexicon (হামলা, বৈঠক, নিষেধাজ্ঞা আরোপ, ...).
   A noun that is an event only with a light verb (সমর্থন *জানান*) needs one
   in its clause.
2. The trigger's clause (between clause breaks) is read for participants:
   a mention before a postposition (-এর সঙ্গে, -এর ওপর, -এর কাছে) or in the
   accusative (-কে) is a recipient; a genitive right before the trigger
   (রাশিয়ার হামলা) or an unmarked mention is the doer; a place or country in
   the locative (কিয়েভে) is the location.  With no doer, a pronoun (তিনি,
   তারা, দুই নেতা) stands for the participants told just before, and a
   second clause of one sentence inherits the first clause's doer.
   Then the supervised ranker (``arguments.py``) picks the actor and the
   recipient among the sentence's names, the rules' choice among its
   features; the rules' answer stands when there is no named candidate.
3. Status comes from the clause's verb and particles: a future ending or an
   intent word is *planned*, -নি / না is *negated*, যদি / পারে is
   *hypothetical*, and a past happening dated well before the article (or
   told in the past perfect with a background cue) is *historical*.
4. The date is the time expression in the clause, else in the sentence (a
   span by its start); a sentence with none of its own that the text ties to
   an earlier one ("ওই হামলার", "এ সময়", "হামলা শুরুর পরপরই") takes that
   date, flagged ``coreference``; a happening retold later ("এই বৈঠক") is
   merged into the first telling and shares its date; with nothing in the
   text, an occurred event falls back to the day of the lead's news when the
   lead dates it to one of the two days before the publication (a morning
   paper's "গতকাল"), flagged ``news-day``, else to the publication date,
   flagged ``publication-fallback``.
5. One happening told several times in the article is one event with
   several evidence spans.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Callable

import regex

from ..actors.inflect import base_forms, joined_modifiers
from ..records import ActorMention, Article, Sentence, Token
from ..text.normalize import normalize
from ..text.segment import tokenize
from .arguments import (GOVERNMENT_HOWS, HOME_FORCES, HOME_GOVERNMENT, HOME_PLACE, INFERRED_HOWS, LED_GOVERNMENT,
                        OPPONENT, PRINCIPAL_SIDES, bare_unlisted_name, stand_in_base)
from .grammar import Grammar, load_grammar
from .model import TEXT_DATE_HOWS, Event, EventSource, Evidence, Participant

_ISO = regex.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = regex.compile(r"^\d{4}-W\d{2}")
_WORD = regex.compile(r"[\p{L}\p{M}]")
_DIGIT = regex.compile(r"\p{Nd}")  # a count written in figures ("২০০", "20")
# Types where the participants are co-equal unless the lexicon says otherwise.
_ACTOR_TYPES = {"person", "organisation", "country", "place"}
# Endings of a noun that a bare name before it modifies: genitive (আসিয়ান
# দেশগুলোর) or locative (তাইওয়ান প্রশ্নে).
_MODIFIED_ENDINGS = ("ের", "দের", "র", "ে", "য়")
# Hyphens that join a name to a word into one compound (হামাস-নিয়ন্ত্রিত).
_HYPHENS = ("-", "‐", "–")


@dataclass(slots=True)
class _Match:
    """A trigger found by the coder itself (a verb of going), shaped like a lexicon match."""

    start: int
    end: int
    text: str
    entry: Any
    light_verb: Any = None


@dataclass(slots=True)
class _Role:
    mention: ActorMention
    relation: str  # doer | with | against | to | from | between | locative | genitive | demonym | agent | setting
    before_trigger: bool
    adjacent: bool  # immediately before the trigger (a modifier of it)
    near: bool = False  # before the trigger with at most one other word between (রুবিওর এশিয়া সফর)
    coordinated: bool = False  # joined to the previous mention by ও / এবং / a comma
    modifies_mention: bool = False  # right before another name (ইউক্রেনের খারকিভে): it modifies that name
    shared: bool = False  # bare, but in a list whose last name carries the case (X ও Y-কে): see _shared_case
    owner: ActorMention | None = None  # the body whose title he holds ("দলটির ... নেতা তাসনিম জারা")


@dataclass(slots=True)
class _Draft:
    type: str
    mode: str | None
    contexts: list[str]
    symmetric: bool
    actors: list[Participant]
    recipients: list[Participant]
    location: Participant | None
    date: str | None
    granularity: str | None
    date_how: str
    date_text: str | None
    status: str
    evidence: list[Evidence]
    sources: list[EventSource]
    anaphoric: bool
    has_verb: bool
    warnings: list[str] = field(default_factory=list)
    # The participants the hand rules found: whether two tellings are one
    # happening is decided on these, so the ranker changes who took part, not
    # how many events there are (on the development set, merging on the
    # ranker's choices split tellings and cost type F1).
    merge_keys: set[str] | None = None
    # Of those, the ones found as doers: a one-way act told X->Y and then
    # Y->X is two acts (an attack and the reply), not one retold.
    merge_doers: set[str] | None = None
    # The nouns the tellings are built on (শীর্ষ বৈঠকের -> বৈঠক): a retelling
    # mostly repeats its noun, so it decides which earlier telling is retold.
    heads: set[str] = field(default_factory=set)
    # The trigger is the object or possessor of another verb ("সফরকে সামনে রেখে",
    # "সফরের বিষয়টি সামনে এলো"): that verb's tense and date are not its own.
    oblique: bool = False
    # The trigger of another act this one was told in ("ওই বৈঠকে দুই নেতা ... সম্মত হন", "বৈঠক
    # শেষে ... সই হয়"): with no place of its own, it happened where that act did.
    within: tuple[int, int] | None = None
    # The sides came from a plural pronoun or pair noun ("দুই নেতা", "তারা"): like a
    # demonstrative, it points back, so it may name by their leaders sides told as countries.
    pointed: bool = False
    # The sides came from "দুই পক্ষ" as the subject: they are the sides told just before, and
    # the telling may name a person told there by his country even under another noun
    # ("সাক্ষাৎ করেন ... বৈঠকে দুই পক্ষ"); officials of "দুই দেশের" are others (:func:`_retells`).
    side_pair: bool = False

    def keys(self) -> set[str]:
        return {p.key for p in self.actors + self.recipients}

    def mkeys(self) -> set[str]:
        return self.merge_keys if self.merge_keys is not None else self.keys()


def _lexicon() -> Any:
    from .lexicon import load_lexicon

    return load_lexicon()


def _ontology() -> Any:
    from .ontology import load_ontology

    return load_ontology()


class EventCoder:
    """Codes events in articles.  Build once (it loads the language data), call per article."""

    def __init__(self, lexicon: Any = None, grammar: Grammar | None = None, ontology: Any = None,
                 attribution: Any = None, ranker: Any = "default") -> None:
        self.lexicon = lexicon if lexicon is not None else _lexicon()
        self.grammar = grammar or load_grammar()
        self.ontology = ontology if ontology is not None else _ontology()
        self._attribution = attribution
        # The supervised argument ranker (events/arguments.py) picks actor and
        # recipient among the sentence's names; None keeps the hand rules alone.
        if ranker == "default":
            from .arguments import ArgumentRanker, load_model

            ranker = ArgumentRanker(load_model())
        self.ranker = ranker

    # -- public -------------------------------------------------------------

    def code(self, article: Article, attributions: list[Any] | None = None) -> list[Event]:
        """All events of one article, merged so that one happening is one event.

        ``attributions``: the article's ``article_attributions`` when the
        caller has them already (ingest finds them once for events and claims).
        """
        if article.language != "bn" or not article.paragraphs:
            return []
        ref = _ref_date(article)
        drafts: list[_Draft] = []
        body = article.body
        cut = self._dateline_end(body)
        home = _home_country(article.actor_mentions, cut)  # the article's own country, or None
        linked = [m for m in sorted(article.actor_mentions, key=lambda m: m.start) if m.start >= cut]
        with_offices = _with_offices(body, ref, cut, linked,
                                     {k: home.country for k in self.grammar.home_offices} if home is not None else None)
        body_toks = tokenize(body)  # the body's words, cut once for the three passes below
        mentions = self._with_short_forms(body, body_toks, self._with_shells(body, body_toks, with_offices))
        mentions = self._with_home_government(body, body_toks, _led_governments(body, mentions, self.grammar),
                                              article.actor_mentions, cut, home)
        timexes = [t for t in sorted(article.time_expressions, key=lambda t: t.start) if t.start >= cut]
        sources_by_sentence = self._sources(article, attributions)
        # "প্রধানমন্ত্রী বলেন, ...": a bare office the attribution layer does not see speaks as any
        # named speaker does, so it is the sentence's source, not a party of what it says.
        known = {(m.start, m.end) for m in linked}
        for m in with_offices:
            if (m.start, m.end) not in known and _speaks(body, m, self.grammar):
                sent_start = next((x.start for p in article.paragraphs for x in p.sentences if x.start <= m.start < x.end), None)
                if sent_start is not None:
                    sources_by_sentence.setdefault(sent_start, []).append(
                        EventSource(m.text, "actor", m.actor_id, m.name_en, m.start, m.end))
        principals = _principals(mentions)
        last_people: list[Participant] = []
        subject: list[Participant] = []
        prev: tuple[list[Token], list[ActorMention]] = ([], [])
        for para in article.paragraphs:
            for sent in para.sentences:
                # Tokens, mentions and time spans of the sentence, made once for both readings below.
                # the sentence's tokens with their text normalised (offsets stay the body's)
                toks = [Token(t.start, t.end, normalize(t.text)) for t in tokenize(body[sent.start:sent.end], sent.start)]
                in_sent = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
                times = tuple((t.start, t.end) for t in timexes if sent.start <= t.start < sent.end)
                # "আরো পড়ুন: ..." inside a record's text: the headline of another story, linked.
                promo = _promo_cues().inline_promo.match(body[sent.start:sent.end].strip()) is not None
                found = self._sentence(body, sent, toks, in_sent, times, timexes, ref, drafts, last_people,
                                       sources_by_sentence.get(sent.start, []), subject, prev, principals, home,
                                       para.sentences[0].start) \
                    if toks and not promo else []
                prev = (toks, in_sent)
                for d in found:
                    _merge_into(drafts, d)
                # "শেখ হাসিনা নেতৃত্বাধীন সরকারের সময়": a name inside a compound adjective is no one
                # a later তিনি / তাকে stands for.
                starts = {m.start for m in in_sent}
                people = [m for m in in_sent if m.type == "person" and m.actor_id and not _in_compound(body, m, starts)]
                if people:
                    last_people = [_participant(m) for m in people]
                subject = self._subject(body, sent, toks, in_sent, times) or subject
        _places_within(drafts)
        _places_of_visits(drafts)
        st = self.grammar.status
        lead_end = _lead_end(article, st.background_lead_paragraphs, st.background_lead_sentences)
        _background_pass(drafts, lead_end, ref, self.grammar)
        drafts = _fold_recalled(drafts, lead_end)
        _principal_pair(drafts, principals)
        _article_opponent(drafts)
        news = _news_day(drafts, _lead_end(article, st.news_day_paragraphs, st.news_day_sentences), ref,
                         st.news_day_within_days)
        # Not for what the news day's own sentence tells undated: the date rules have already
        # said that sentence's day is not its day ("সফরকে স্বাগত জানিয়েছে").
        events = [self._finish(article, d, ref, lead_end,
                               news[0] if news and all(e.sentence_start != news[1] for e in d.evidence) else None)
                  for d in drafts]
        seen: set[str] = set()
        for e in events:
            if e.id in seen:
                # "মিশর সুদানের সেনাবাহিনীকে এবং আমিরাত আরএসএফকে সমর্থন দিচ্ছে": two acts (one per pair,
                # respectively) of one type on one trigger; the id is told apart by the parties.
                parties = "|".join(p.actor_id or p.text for p in e.actors + e.recipients)
                e.id = "ev:" + hashlib.sha1(f"{e.id}|{parties}".encode()).hexdigest()[:16]
            seen.add(e.id)
        return events

    # -- per sentence ---------------------------------------------------------

    def _sentence(self, body: str, sent: Sentence, toks: list[Token], in_sent: list[ActorMention],
                  times: tuple[tuple[int, int], ...], timexes: list[Any], ref: date | None, earlier: list[_Draft],
                  last_people: list[Participant], sources: list[EventSource], subject: list[Participant],
                  prev: tuple[list[Token], list[ActorMention]] = ([], []),
                  principals: "_Principals | None" = None, home: Any = None,
                  para_start: int | None = None) -> list[_Draft]:
        # principals: the article's two principal sides (for a pair noun) and its principal person;
        # para_start: where the sentence's paragraph starts
        sides = principals.sides if principals is not None else ()
        g = self.grammar
        text = body[sent.start:sent.end]
        # The sentence's points in time (a day, an hour; not a duration, which can be an argument:
        # "দুই বছরের সাজা") are passed so a light verb told after the day and hour is still found.
        when = [((_zone_start(toks, t.start, g.dates.clock_zones) if t.type == "TIME" else t.start) - sent.start,
                 t.end - sent.start)
                for t in timexes if sent.start <= t.start < sent.end and t.type in ("DATE", "TIME")]
        matches = [m for m in self.lexicon.match(text, adverbial=when)] + self._motion(toks, in_sent, sent)
        out: list[_Draft] = []
        prev_doers: list[Participant] = []
        for m in sorted(matches, key=lambda m: m.start):
            t_start, t_end = sent.start + m.start, sent.start + m.end
            if any(a.start <= t_start < a.end and (a.actor_id or t_end <= a.end)
                   and not (a.start == t_start and a.end < t_end and _opens_with_name(m.entry, a)) for a in in_sent):
                # The "trigger" is part of a name: a linked one, or wholly inside
                # one the dictionary lacks ("নারী ও শিশু নির্যাতন দমন ট্রাইব্যুনাল").  Not an entry
                # that opens with the name itself ("বিজিবি মোতায়েন": the force is its doer).
                continue
            c_start, c_end = _clause(toks, t_start, t_end, g)
            verb_i, verb = _verb_after(toks, t_end, c_end, g)
            entry = m.entry
            # "বিএসএফ গুলি চালিয়েছে বলে অভিযোগ করেছে বিজিবি": what precedes "verb বলে" is what is said,
            # so the saying's own clause starts after it, when its subject follows the verb (else it
            # opens the sentence: "X ... হয়নি বলে সমালোচনা করেছেন").
            said_at = _said_before(toks, c_start, t_start, g) if entry.type in g.speech_act_types and any(
                t_end <= a.start and a.end <= c_end and a.type != "place" for a in in_sent) else None
            content = (c_start, said_at) if said_at is not None else None  # the span of what is said
            c_start = said_at if said_at is not None else c_start
            if verb is None and entry is not g.motion and getattr(entry, "kind", None) == "verb":
                # "... ছেড়ে দেবে পাকিস্তান": a verb entry's own last word is the clause's verb.
                own = next((i for i, t in enumerate(toks) if t.end == t_end), None)
                if own is not None:
                    verb_i, verb = own, toks[own].text
            if entry.type is None:
                continue  # a blocker phrase (সংবাদ সম্মেলন): no event
            if entry.type == "AGREE" and _signed_after(m, matches, toks, t_end, c_end, sent.start):
                continue  # "চুক্তি ও সমঝোতা স্মারক সই হয়": the signing (SUPPORT) is the event told
            if _not_an_event(toks, t_start, t_end, c_start, c_end, g, entry.mode):
                continue  # a war's toll, a forecast told as a warning, a discharge from hospital
            if _is_content(m, matches, toks, t_end, verb, sent.start):
                continue  # "X করতে আহ্বান", "X আরোপের হুমকি": what is asked or threatened has not happened
            if _rejected_object(m, matches, toks, t_end, c_end, sent.start, g):
                continue  # "পদত্যাগের দাবি তিনি নাকচ করেছেন": the refusal is told, the demand only named
            if _listed_content(m, matches, toks, t_end, sent.start, g):
                continue  # "সরকারের পদত্যাগ ও সংসদ বাতিলের দাবি": a resignation demanded, not told
            if _demanded(m, toks, t_end, sent.start, g):
                continue  # "খুনিদের গ্রেপ্তার ও বিচারের দাবিতে অবস্থান": the arrest is wanted, not told
            if _threatened_after(m, matches, toks, sent.start, g):
                continue  # "X হুমকি দিয়েছে, ... হত্যা করবে": the threat is the event, not what it threatens
            lv = getattr(m, "light_verb", None)
            if getattr(entry, "light_verbs", None) and lv is not None and sent.start + lv.start >= c_end:
                continue  # the light verb belongs to another clause
            speech_act = entry.type in g.speech_act_types
            # "ইউক্রেন সংকট নিয়ে আলোচনা": what is talked about takes no part in the talk.
            # A split trigger ("টেলিফোনে দুই নেতা কথা বলেন"): names in its gap are the
            # participants, so roles are read around the part after the gap.
            r_start = _after_gap(toks, t_start, t_end, entry, in_sent)
            topical = _topical(toks, in_sent, r_start, t_end, g)
            parties = [a for a in in_sent if id(a) not in topical]
            # "X ও Y-এর মধ্যে বৈঠকের তিন দিন আগে তাদের মধ্যে এই ফোনালাপ": the names marked in a time
            # phrase before the trigger are the sides of the happening it names, when the trigger's
            # own part names its sides anew (a pronoun or a name after the subordinator).
            dropped = _in_time_phrase(toks, parties, r_start, g)
            parties = [a for a in parties if id(a) not in dropped]
            # Whom the outlet cites is a source, not a participant, unless the event is the saying itself.
            # "X ফোনে Y-এর সঙ্গে কথা বলেন": when the verb of saying is the trigger's own, X talked, not cited.
            own_saying = any(t.text in g.speech_verbs for t in toks if r_start <= t.start and t.end <= t_end)
            # "বাইডেন রাশিয়ার ওপর নিষেধাজ্ঞা আরোপের ঘোষণা দেন": the act is what is declared, and whoever
            # declares it decides it; the attribution layer cites him, but he is its doer.
            own_saying = own_saying or _noun_head(toks, t_start, t_end, c_end, g) is not None
            # "মিয়ানমার সাধারণ ক্ষমা ঘোষণা করেছে": the bare noun is what is declared, a compound
            # with the declaring; the one who declares it does it.
            own_saying = own_saying or _declared(toks, t_start, t_end, c_end, g)
            # "জেলেনস্কি সামরিক আইন জারি করেন এবং ... ঘোষণা দেন": the speaker of a later conjunct is
            # the subject of both; in this one, closed by its own verb, he acts.
            conjunct = _conjunct_subject(toks, t_end, c_end, g)
            cands = parties if speech_act or own_saying else [
                a for a in parties if not any(s.start is not None and a.start < s.end and s.start < a.end for s in sources)
                or conjunct and c_start <= a.start and a.end <= t_start]
            roles = _roles(toks, cands, r_start, t_end, c_start, c_end, g, body, entry.mode == "visit", times,
                           trigger_from=t_start)
            if entry is g.motion:
                for r in roles:
                    if r.adjacent and r.mention.type in ("country", "place") and r.relation in ("doer", "locative"):
                        r.relation = "to"
            trigger_word = next((t.text for t in reversed(toks) if t.end <= t_end), "")
            judged_by = [t.text for t in toks if t.start >= t_end][:2]
            if not (_ends_with_any(trigger_word, g.genitive_endings)
                    and any(w.startswith(n) for w in judged_by for n in _cues().judging_nouns)):
                # (the act judged keeps its doer: "নামার পরপরই ... সফরের তীব্র নিন্দা", the visit is hers)
                roles = _without_subordinate_subjects(roles, toks, t_start, g)
            passive = _is_passive(toks, t_start, t_end, c_end, g)
            # "তিনি বলেন, মস্কোকে অস্ত্র সরবরাহ করা হলে ... পদক্ষেপ নেবে যুক্তরাষ্ট্র": a passive that is the
            # condition of what the speaker threatens is someone else's act: not the speaker's (a
            # pronoun), not one he announces, not the doer of an earlier clause's.
            condition = passive and any(t.text in g.status.conditional_words
                                        for t in toks if t_end <= t.start and t.end <= c_end)
            # "তিনি গ্রেপ্তার হন", "X নিহত হয়েছেন": the trigger with a verb of being is told from the
            # side of the one it happened to, like a passive.
            got = not entry.symmetric and _received(toks, t_end, c_end)
            befell = not entry.symmetric and _undergone(toks, t_end, c_end, entry.type, g)  # "আটক হন"
            undergone = passive or got or befell
            # "আলাস্কায় বৈঠকের তিন দিন আগে ... ফোনালাপ": a place that says where another act happened
            # is not this one's.
            # Nor is a place after a trigger in the genitive, which only qualifies a later noun
            # ("হরতালের সমর্থনে ... চট্টগ্রাম নগরে মিছিল": the march is in Chattogram).
            # Nor a place in an envoy's title ("ঢাকায় নিযুক্ত ভারতের হাইকমিশনার").
            roles = [r for r in roles if not (r.relation == "locative" and (_place_of_other_act(
                r.mention, m, matches, toks, in_sent, sent.start, g) or r.mention.start >= t_end
                and _ends_with_any(trigger_word, g.genitive_endings) or _posted_at(toks, r.mention)))]
            actors, recipients, location = _assign(roles, entry.symmetric, undergone, got)
            # "ফোনালাপে পুতিন ... প্রশংসা করেন": a noun in the locative that is the setting of another act
            setting = _is_setting(m, matches, toks, t_end, c_end, sent.start, g)
            if setting:
                # "ল্যাভরভের সঙ্গে বৈঠকে কিম মস্কোকে ... আশ্বাস দেন": the accusative after a meeting in the
                # locative is the object of the act told in it, not a side of the meeting.
                later = {_party(r.mention).key for r in roles if r.relation == "against" and r.mention.start >= t_end
                         and _accusative(r.mention, g)}
                recipients = [r for r in recipients if r.key not in later]
            listed_before = _listed_before(body, roles, parties, c_start)
            if listed_before is not None:
                # "X, Y ও Z-এর বিরুদ্ধে মামলা হয়", "X, Yসহ কয়েকজন নেতা ... সমালোচনা করেছেন": a comma right
                # between two names lists them (it breaks no clause): the name before it shares the
                # role of the clause's first name.
                side = actors if listed_before[1] == "doer" else recipients
                if listed_before[0].key not in {p.key for p in actors + recipients}:
                    side.insert(0, listed_before[0])
            if not entry.symmetric and not undergone and verb_i is not None \
                    and not body[t_end:toks[verb_i].start].strip() and not recipients:
                # "গুতেরেস ইসরায়েলের সমালোচনা করেছেন": with a subject of its own before it, the
                # genitive right before a noun its verb governs is what the act is aimed at, not
                # a second doer (alone, "রাশিয়ার হামলা", it is still the doer).
                doers = {_party(r.mention).key for r in roles if r.relation == "doer" and r.before_trigger
                         and r.mention.type != "place"}
                owned = [_party(r.mention) for r in roles if r.relation == "genitive" and r.adjacent]
                if doers and owned and owned[0].key not in doers:
                    actors = [a for a in actors if a.key != owned[0].key]
                    recipients = owned[:1]
            rejected_owner = _rejected_owner(toks, roles, t_start, t_end, entry.type, g) if not undergone else None
            if rejected_owner is not None:
                # "বিএনপির দাবি নাকচ করেছে নির্বাচন কমিশন", "আদালতের নির্দেশ অমান্য করে": whose demand
                # or order is turned down is the one refused, not the refuser.
                actors = [_party(r.mention) for r in roles if r.relation == "doer" and r.mention.type != "place"
                          and _party(r.mention).key != rejected_owner.key][:1]
                recipients = [rejected_owner]
            own_word = next((t.text for t in toks if t_start <= t.start and t.end <= t_end), "")
            fell_heads: set[str] = set()
            victim_at: int | None = None
            if own_word in _cues().victim_words and not entry.symmetric:
                # "বিএসএফের গুলিতে দুই বাংলাদেশি নিহত হয়েছেন", "ইসরায়েলি হামলায় ৩০ ফিলিস্তিনি নিহত": the
                # name told bare with a word of what befell someone is the one it befell; the doer
                # is the owner of the weapon or act they fell to (a genitive or demonym before a
                # noun in the locative).
                # The act or weapon they fell to, a trigger of its own in the locative before (গুলিতে,
                # বিমান হামলায়), tells the same happening: the two tellings are one event.
                fell = [x for x in matches if x.entry.type == entry.type and c_start <= sent.start + x.start
                        and sent.start + x.end <= t_start and _ends_with_any(x.text.split()[-1], g.locative_endings)]
                fell_heads = _heads(fell[-1].entry) if fell else set()
                by_whom = _fell_to(toks, roles, sent.start + fell[-1].start if fell else None, g)
                # The ones hit are named after that act (or anywhere before the word, when none is told),
                # bare, as a demonym, or as a genitive of their own people ("কোরের দুই কমান্ডার নিহত").
                hit_from = sent.start + fell[-1].end if fell else c_start
                hit = [_party(r.mention) for r in roles if r.relation in ("doer", "demonym", "genitive")
                       and r.before_trigger and r.mention.start >= hit_from
                       and r.mention.type != "place" and _party(r.mention).key not in {b.key for b in by_whom}]
                actors = by_whom
                recipients = hit + [r for r in recipients if r.key not in {h.key for h in hit + by_whom}]
            elif not entry.symmetric and _ends_with_any(normalize(m.text.split()[-1]), g.locative_endings) and (
                    victim_at := next((sent.start + x.start for x in matches if x.entry.type == entry.type
                                       and t_end <= sent.start + x.start and sent.start + x.end <= c_end
                                       and x.text.split()[0] in _cues().victim_words), None)) is not None:
                # "বিমান হামলায় ... আইআরজিসির দুই জেনারেলসহ সাতজন নিহত হন": the attack in the locative that
                # victims fell to has them after it (before the word of what befell them); only an
                # owner before it is its doer.
                after_it = {_party(r.mention).key for r in roles if not r.before_trigger and r.mention.end <= victim_at
                            and r.relation in ("doer", "demonym", "genitive") and r.mention.type != "place"}
                # (the name nearest the victims: "দেশটির ... গার্ড কোরের ... সাতজন সদস্য" are the corps's)
                recipients = [_party(r.mention) for r in roles if _party(r.mention).key in after_it][-1:] + [
                    r for r in recipients if r.key not in after_it]
                actors = [a for a in actors if a.key not in after_it]
            # Victims fall, they do not act: the subject of a main clause after the subordinate one that
            # tells their fall ("... নিহত হওয়ার পর ... হামলা চালায় ভারত") did neither.
            victims_told = own_word in _cues().victim_words or victim_at is not None
            if not entry.symmetric and not undergone and not victims_told and verb_i is not None and actors \
                    and rejected_owner is None and not setting:
                # "রাশিয়ার হামলার নিন্দা জানিয়েছেন ... গুতেরেস", "ছাত্রদলের মিছিলে হামলা চালিয়েছে ছাত্রলীগ":
                # a bare name after the clause's verb is its subject, told last; the genitive before
                # the trigger then owns what the act is aimed at, not the act.
                # (a capital there is its government: "... সমালোচনা করেছে বেইজিং")
                after_verb = [r for r in roles if r.relation == "doer" and r.mention.start >= toks[verb_i].end
                              and (r.mention.type != "place" or _is_capital(r.mention))]
                owners = {_party(r.mention).key for r in roles if r.relation == "genitive" and r.before_trigger}
                if after_verb and all(a.key in owners for a in actors):
                    subject = _party(after_verb[0].mention)
                    if subject.key not in owners:
                        recipients = list(actors) + [r for r in recipients
                                                            if r.key not in {a.key for a in actors} | {subject.key}]
                        actors = [subject]
            by_roles = bool(actors)
            patient_owned = False
            if _patient_noun(toks, t_start, t_end):
                # "হাদির হত্যাকাণ্ড", "মঞ্জুর গ্রেপ্তারের দাবিতে": a person's genitive before a noun of
                # killing, arrest or release is the one it is done to (the doer, when told, is
                # marked: "X-এর হাতে", "X কর্তৃক").
                owned = {_party(r.mention).key for r in roles if r.relation == "genitive" and r.adjacent
                         and r.mention.type == "person"}
                recipients += [a for a in actors if a.key in owned and a.key not in {r.key for r in recipients}]
                patient_owned = any(a.key in owned for a in actors)
                actors = [a for a in actors if a.key not in owned]
                before = [t.text for t in toks if t.end <= t_start][-1:]
                principal = principals.person if principals is not None else None
                if not recipients and before and before[0] in g.singular_pronouns and (principal or last_people):
                    # "২০২০ সালে তার সাজা স্থগিত করে সরকার": "her" before a noun of something done to
                    # a person is the one it is done to: the article's principal person, else the
                    # person told last.
                    her = _copy(principal or last_people[-1])
                    if her.key not in {a.key for a in actors}:
                        recipients = [her]
                        patient_owned = True  # the ranker sees no pronoun: the rules' reading stands
            if entry.type in _cues().aimed_at_reported and not recipients and content is not None:
                # ... and the accusation is aimed at the subject of what it says
                keys = {a.key for a in actors}
                recipients = [p for p in map(_participant, _span_subjects(toks, parties, *content, g, body, times))
                              if p.key not in keys][:1]
            if entry.type in _cues().aimed_at_reported and not recipients and verb is not None:
                # "মিশ্রি অভিযোগ করেন, পাকিস্তানি বাহিনী ... গোলা ছুড়েছে": an accusation told with what it
                # says is aimed at whoever the reported clause says did it, its subject.
                recipients = _reported_subject(toks, parties, actors, c_end, sent.end, g, body, times)
            # "মার্কিন ডলারের বদলে রুপিতে দাম পরিশোধে রাজি হয় দুই দেশ": a pair noun or plural pronoun standing as the
            # clause's subject (before the trigger or after its verb) beats a demonym that only
            # qualifies another noun of the clause.
            own_words = [t.text for t in toks if c_start <= t.start and t.end <= c_end and not t_start <= t.start < t_end]
            # (so does "তিনি": "রুশ তেল কেনার কারণে ... শুল্ক আরোপের ঘোষণা দেন তিনি")
            subject_pronouns = _subject_pronouns(g)
            pair_here = _pair_subject(own_words, g) or any(w in subject_pronouns for w in own_words)
            demonym_beaten = pair_here and bool(actors) and all(any(
                r.mention.start == a.start and r.relation == "demonym" and not r.adjacent for r in roles) for a in actors)
            if demonym_beaten:
                actors = []
            # Whom the act is aimed at by what the clause says of it; it stands against the ranker.
            aimed: list[Participant] = []
            if entry.type in _cues().left_from_types and not recipients:
                # "দলটির নেতা তাসনিম জারা দল থেকে পদত্যাগ করে": the body whose member he is, left
                aimed = _own_body_left(toks, roles, t_start)
            if entry.type in _cues().protest_types and not recipients:
                # "রাষ্ট্রপতির পদত্যাগের দাবিতে বিক্ষোভ": aimed at whoever is to resign
                aimed = _demanded_owner(toks, roles, t_start, g)
            if entry.type in _cues().request_types and not recipients:
                # "সরকারের পদত্যাগ ও নতুন সংসদ বাতিলের দাবি জানান": asked of whoever is to resign
                aimed = _demanded_of(toks, roles, t_start, g)
            if aimed:
                actors, recipients = _without(actors, aimed), aimed
            if entry.type in g.location_is_target and not recipients:
                # "জইশের একটি প্রশিক্ষণশিবিরে বিমান হামলা": an attack on a site is aimed at whoever holds it.
                # The owner's genitive is no doer then, though it stands near the trigger.
                held = _site_holder(toks, parties, c_start, t_start, g)
                if held and not any(r.relation != "genitive" and _party(r.mention).key == held[0].key for r in roles):
                    actors = [a for a in actors if a.key != held[0].key]
                    recipients = held
            if entry.type in g.location_is_target and not recipients and location is not None:
                recipients = self._place_country(location, actors)
            anaphoric = _anaphoric(toks, t_start, g)
            if anaphoric and entry.symmetric and _hosted(toks, t_end, g):
                # "এরদোয়ান দোলমাবাহচে প্রাসাদে এ বৈঠকের উদ্বোধন করেন": the host of the meeting
                # pointed back at is none of its sides; it keeps those told before.
                actors = recipients = []
            clause_words = [t.text for t in toks if c_start <= t.start and t.end <= c_end]
            words_from = c_start
            cut = [t for t in toks if t.end == c_end and t.text in g.subordinators]
            # Only when the subordinator closes the trigger's own phrase (with its light verb, "বৈঠক
            # করার পর"): in "সফরের খবর প্রকাশের পর", "হামলা শুরুর পর" it closes another noun's, whose
            # doer the main subject may be, not the trigger's.
            own_phrase = bool(cut) and all(_is_verb(t.text, g) for t in toks if t_end <= t.start and t.end <= cut[0].start)
            if not actors and cut and own_phrase and not victims_told:
                # "মালয়েশিয়া সফর শেষে ল্যাভরভ ...": the main clause's subject did the subordinate event too.
                tail_end = next((t.start for t in toks if t.start >= c_end and t.text in g.clause_breaks), sent.end)
                tail = _roles(toks, parties, tail_end, tail_end, c_end, tail_end, g, body, False, times)
                actors = [_participant(r.mention) for r in tail if r.relation == "doer" and r.mention.type != "place"][:1]
            head_from = c_start
            # "..., সে প্রশ্নে দুই পক্ষ একমত হতে পারেনি": a pronoun or pair noun subject of its own
            # keeps a later clause from sharing the first one's doer.
            own_subject = _pair_subject([t.text for t in toks if c_start <= t.start and t.end <= t_start], g)
            if not actors and not anaphoric and c_start > sent.start and not own_subject and not condition:
                # "তারা সেনা পাঠিয়েছে এবং ... সরবরাহ করছে": a later clause shares the first one's doer.
                head_words = " ".join(t.text for t in toks if t.end <= c_start)
                if any(_has_phrase(head_words, v) for v in g.speech_verbs):
                    head = []  # "X বলেন, ...": the speaker is a source, not this clause's doer
                else:
                    head = _roles(toks, parties, c_start, c_start, sent.start, c_start, g, body, False, times)
                actors = [_participant(r.mention) for r in head if r.relation == "doer" and r.mention.type != "place"][:1]
                if listed_before is not None:
                    actors = [a for a in actors if a.key != listed_before[0].key]  # listed, not the subject
                if not actors:
                    actors = list(prev_doers)
                head_from = sent.start  # the clause shares the first one's doer, and so its objects
                if not actors:
                    # the pronoun may stand before the trigger or after its verb ("... করেছেন তিনি")
                    clause_words = [t.text for t in toks if t.end <= t_start or t_end <= t.start and t.end <= c_end]
                    words_from = sent.start
            pronoun_sides = pronoun_subject = side_pair = False
            # "X তাঁর বিরুদ্ধে অভিযোগ তোলেন", "পরে তাঁকে গ্রেপ্তার করা হয়": a singular pronoun in the
            # accusative or before a postposition is the other party, never the doer.
            # (Not for a trigger that is itself the object or possessor of another verb: in "তাঁকে
            # সহিংসতার মামলায় আটক করা হয়" the pronoun is the arrest's, not the violence's.)
            other_pron = _oblique_pronoun(toks, c_start, c_end, t_start, t_end, g) \
                if not _governed(toks, t_end, verb_i, lv, sent.start, entry, g) else None
            if other_pron is not None:
                clause_words = [w for w in clause_words if w != other_pron[1]]
            # "এই চুক্তিতে সই করে দুই পক্ষ": a demonstrative telling still has the sides its pair noun names.
            if not actors and (not anaphoric or pair_here) and not condition:
                # "বৈঠক শেষে উভয় নেতা ... পরীক্ষার নিন্দা জানান": a pronoun stands for what was told
                # before it, so of this sentence's events only those of earlier clauses.
                at = _pronoun_start(toks, words_from, c_end, g)
                told = earlier + [d for d in out if d.evidence[-1].trigger_end <= at]
                if c_start > sent.start:
                    head = _roles(toks, parties, c_start, c_start, sent.start, c_start, g, body, False, times)
                    actors = _speaker_pronoun(clause_words, toks, c_start, [r.mention for r in head if r.relation == "doer"]
                                              or _spoken_for(head, toks), g)
                # a demonstrative telling points at the noun right after its demonstrative
                pointer = [t.text for t in toks if t.start >= t_start][:1] if anaphoric else []
                # "তার মতে, ..." (in his view): the one whose opinion is told is a source, not a subject.
                if not actors:
                    # "তাঁরা ... শেখ হাসিনাকে অভিনন্দন জানান": the pronoun stands for the sides told before
                    # but the person this clause names as its object.
                    told_sides = _pronoun_actors(_without_opinion(clause_words), g, told, last_people, subject,
                                                 sent, set(pointer), sides)
                    objects = {r.key for r in recipients if r.type == "person"}
                    actors = [a for a in told_sides if a.key not in objects] or told_sides
                pronoun_sides = bool(actors) and _plural_here(clause_words, g)
                side_pair = pronoun_sides and _side_pair_subject(clause_words)
                pronoun_subject = bool(actors) and demonym_beaten and any(w in subject_pronouns for w in clause_words)
            if undergone and actors and not by_roles and not _after_speech(toks, c_start, g) \
                    and not _plural_here(clause_words, g) and (entry.type in _cues().undergone_types or any(
                        w in g.singular_pronouns for w in clause_words)):
                # "... তার বাবার মৃত্যু হলে তাকে প্যারোলে মুক্তি দেওয়া হয়", "পরে তিনি আটক হন": the
                # subject a pronoun or an earlier clause gives a passive is the one it happened to.
                # Not after a verb of saying ("X জানান, ... শুল্ক আরোপ করা হবে না": X's own act, told
                # by him) nor for the sides a pair noun names ("দুই দেশের বাণিজ্য স্থগিত করা হয়"); a
                # doer shared from an earlier clause only for an act done to a person ("X ড্রোন ছোড়ে,
                # যার সবই ভূপাতিত করা হয়": the drones, not X, were shot down).
                recipients = recipients or actors
                actors = []
            pronoun_other = False
            if other_pron is not None and not recipients:
                keys = {a.key for a in actors}
                # Not the subject right before it: "X তাঁর বিরুদ্ধে" is never X (that would be নিজের).
                people = [m for m in in_sent if m.type == "person" and m.end <= other_pron[0] and m.actor_id
                          and _participant(m).key not in keys and body[m.end:other_pron[0]].strip()]
                recipients = [_participant(people[-1])] if people else \
                    [_copy(q) for q in last_people if q.key not in keys][-1:]
                pronoun_other = bool(recipients)
            if not recipients and not speech_act and _after_speech(toks, c_start, g):
                # "বিএনপি মহাসচিব বলেন, ... ইউনূস আমাদেরকে ফোন করেছিলেন": "us" in what a speaker is
                # told to have said is the speaker (the body he speaks for, when the outlet cites it).
                said = [s for s in sources if s.actor_id and s.name_en and s.start is not None and s.start < c_start]
                if said and _speaker_object(toks, c_start, c_end, t_start, t_end, g):
                    speaker = _source_party(said[-1], t_start)
                    if speaker.key not in {a.key for a in actors}:
                        recipients = [speaker]
                        pronoun_other = True
            announced = False
            told_after = _speech_after(toks, t_end, g)
            if not actors and not speech_act and (passive or verb is None) and entry.type not in _cues().announcer_not_doer \
                    and not condition and (told_after is not None or _after_speech(toks, c_start, g)):
                # "X জানিয়েছে, ... সেনা মোতায়েন করা হবে", "... পাঠানো হবে বলে জানিয়েছে X": an act with
                # no subject of its own, announced by a body or an official, is the announcer's.
                said = [s for s in sources if s.actor_id and s.name_en and s.start is not None and (
                    s.start < c_start if told_after is None else told_after <= s.start < sent.end)]
                if said:
                    actors = [_source_party(said[-1 if told_after is None else 0], t_start)]
                    if entry.type in _cues().announced_for_state:
                        actors = _for_the_state_announced(actors)
                    announced = True
            if not actors and speech_act:
                named = [s for s in sources if s.actor_id and s.name_en]
                if named:
                    actors = [_source_party(named[0], t_start)]
                    if passive and entry.type in _cues().announced_for_state:
                        # "... প্রতিবাদ জানানো হবে বলে জানান পররাষ্ট্রমন্ত্রী": a protest or a request
                        # told in the passive is lodged by the state he speaks for.
                        actors = _for_the_state_announced(actors)
                        announced = True
            if not actors and not passive and _first_person_subject(toks, c_start, t_start, t_end, c_end):
                # "সাবিনা বলেন, '... আমরা এর তদন্ত চাই।'": in a quote, "I" and "we" are its speaker.
                quoted = [s for s in sources if s.actor_id and s.kind == "actor"]
                if quoted:
                    actors = [_source_party(quoted[0], t_start)]
            spoken_for = False
            if speech_act and actors and not announced and entry.type in g.status.said_is_done_types \
                    and _after_speech(toks, c_start, g):
                # "কিম বলেন, উত্তর কোরিয়া ... পূর্ণ সমর্থন দেবে": a leader pledging for his own country
                # is the one who pledges (the act is done by saying it); not a country read off
                # the speaker himself (above), nor one whose act is still to come ("তিনি জানান,
                # ... চীনকে অনুরোধ জানাবে বাংলাদেশ": the state will ask, the minister tells it).
                said = [s for s in sources if s.actor_id and s.start is not None and s.start < c_start]
                if said and len(actors) == 1 and actors[0].type == "country":
                    speaker = _source_party(said[-1], t_start)
                    if speaker.key != actors[0].key and _as_countries([speaker])[0].key == actors[0].key:
                        actors = [speaker]
                        spoken_for = True
            pair_object = False
            if actors and not recipients and not entry.symmetric:
                # "পম্পেও দুই দেশকে সংযত থাকার আহ্বান জানান": a pair noun in the accusative (or before
                # প্রতি / কাছে) is the other party: the two sides told before it.
                at = _pair_object(toks, head_from, t_start, g)
                if at is not None:
                    told = earlier + [d for d in out if d.evidence[-1].trigger_end <= at[0]]
                    keys = {a.key for a in actors}
                    recipients = [p for p in _pronoun_actors([at[1]], g, told, [], [], sent) if p.key not in keys]
                    pair_object = bool(recipients)
            rule_keys = {p.key for p in actors + recipients}
            rule_doers = {p.key for p in actors}
            # Troops sent abroad are AID: decided on the rules' recipients, so a retrained ranker moves who, not what.
            to_other = getattr(entry, "to_other", None) and _to_other_country(
                actors, recipients + ([location] if location is not None else []))
            # The other state an act of state goes to, as the rules read it (-কে, or sent to a place
            # in it): the ranker's extra names ("সীমান্ত পেরিয়ে আসা শরণার্থীদের") do not make it one.
            state_to = [r for r in recipients + ([location] if location is not None else []) if r.type == "country"]
            # "মন্ত্রণালয় এ অভিযোগ অস্বীকার করেছে": a denial or refusal of an accusation or a demand
            # answers whoever made it (the gold README: the accuser is the recipient); it stands
            # against the ranker, which sees only this sentence and the one before.
            answered = _answered(toks, t_start, t_end, [d for d in earlier + out if d.evidence[-1].sentence_end
                                                         >= sent.start - _ANSWER_CHARS], actors, entry.type, g) \
                if not recipients and entry.type in _cues().answers else []
            if self.ranker is not None and not announced:  # the ranker sees no announcer: it would drop him
                # the rules' doers are one list joined by ও or commas
                joined = {_party(r.mention).key for r in roles if r.relation == "doer"}
                listed = len(actors) > 1 and any(r.relation == "doer" and r.coordinated for r in roles) \
                    and all(a.key in joined for a in actors)
                ranked = self._rank(body, sent, toks, parties, prev, sources, entry, speech_act,
                                    (r_start, t_end), (c_start, c_end), actors, recipients, listed)
                if setting:
                    pass  # "ফোনালাপে পুতিন ... সৈন্যদের প্রশংসা করেন": the other act's party is not the call's
                elif patient_owned:
                    pass  # "হাদির হত্যাকাণ্ড": the ranker reads the genitive as the owner, the doer
                elif rejected_owner is not None:
                    # "সরকারের পদত্যাগ দাবি": the ranker reads the genitive as the doer; the one whose
                    # demand or resignation it is stays the recipient, the ranker may find the doer
                    actors = [a for a in ranked[0] if a.key != rejected_owner.key] or actors
                elif (got or befell) and recipients:
                    # "মুক্তি পেয়েছেন খালেদা জিয়া", "ঢাকায় গ্রেপ্তার হয়েছেন X": the ranker sees no verb
                    # of getting and may take the subject of a passive for the doer; she stays the one
                    # released or arrested, and it may still find who did it
                    actors = [a for a in ranked[0] if a.key not in {r.key for r in recipients}]
                elif spoken_for:
                    recipients = [r for r in ranked[1] if r.key not in {a.key for a in actors}] or recipients
                elif any(r.shared for r in roles) and len(recipients) > 1:
                    # "X ও Y-কে ধন্যবাদ জানান": the list the rules read off one case ending stands
                    # (the ranker keeps one name of it)
                    actors = [a for a in ranked[0] if a.key not in {r.key for r in recipients}] or actors
                elif pair_object or pronoun_other:
                    # the pair read off "দুই দেশকে", the person "তাঁকে" stands for: the ranker sees neither
                    actors = [a for a in ranked[0] if a.key not in {r.key for r in recipients}] or actors
                elif pronoun_subject:
                    # "... শুল্ক আরোপের ঘোষণা দেন তিনি": the person "তিনি" stands for is the doer (the
                    # ranker sees no pronoun; it picked the demonym the clause's subject beat, "রুশ
                    # তেল"); it may still find the other party.
                    recipients = recipients or [r for r in ranked[1] if r.key not in {a.key for a in actors}]
                elif not pronoun_sides:
                    actors, recipients = ranked
                    # The ranker's other party named only in the sentence before is one of the
                    # article's two principal sides, or none: another name there is mostly the
                    # last story's ("২০১৪ সালের নির্বাচন বর্জন করেছিল বিএনপি" after Hasina was named);
                    # not for a speech act, whose other party is often told before.
                    if not speech_act:
                        kept = rule_keys | {q.key for q in sides}
                        recipients = [r for r in recipients if r.start >= sent.start or r.key in kept]
                elif not entry.symmetric and not recipients:
                    # "তারা ... সেনা পাঠিয়েছে": the sides read off a plural pronoun stand (the
                    # ranker sees no pronoun; it picked names of the sentence before instead), but
                    # a one-way act may still get its other party from the ranker.
                    recipients = [r for r in ranked[1] if r.key not in {a.key for a in actors}]
            if answered:
                recipients = [r for r in answered if r.key not in {a.key for a in actors}]
            if aimed:
                actors, recipients = _without(actors, aimed), aimed
            # the gathering the act is told within ("বৈঠকে ..."), if any
            scene = _told_within(m, matches, toks, t_start, sent.start, g)
            if scene is not None and not entry.symmetric:
                # "ল্যাভরভের সঙ্গে বৈঠকে কিম মস্কোকে ... সমর্থনের আশ্বাস দেন": an act told within a
                # meeting is aimed at its own object, not at the one the meeting was with.
                met = {_party(r.mention).key for r in roles if r.relation == "with" and r.mention.end <= scene[0]}
                objects = [_party(r.mention) for r in roles if r.relation == "against" and scene[1] <= r.mention.start
                           and r.mention.end <= t_start and _accusative(r.mention, g)]
                if met and objects:
                    recipients = objects[:1] + [r for r in recipients if r.key not in met | {objects[0].key}]
            if condition:
                actors = [a for a in actors if a.key in rule_doers]  # nor is the ranker's pick from around it
            if not (speech_act or own_saying or pronoun_other):
                # Whom the outlet cites is a source, not a party (as for the rules' own candidates):
                # the ranker may still pick him ("প্রধানমন্ত্রী বলেন, ... নির্যাতন চালাচ্ছে").  Not when
                # what he says names him ("... আমাদেরকে ফোন করেছিলেন": us, the speaker's party).
                cited = [(x.start, x.end) for x in sources if x.start is not None and x.end is not None]
                recipients = [r for r in recipients if not any(a <= r.start < b for a, b in cited)]
            if _condemned(toks, t_end, g):
                # "গুতেরেস গাজায় ইসরায়েলের হামলার নিন্দা জানান": the attack condemned is told inside
                # the condemnation's object; its doer is its own genitive, never the condemner
                # (nor is he its target).
                judges = {_party(r.mention).key for r in roles if r.relation == "doer"}
                own = [_party(r.mention) for r in roles if r.relation == "genitive" and r.adjacent]
                actors = own or [a for a in actors if a.key not in judges]
                # (nor is anyone named after the judging noun: "... হামলার নিন্দা জানিয়েছেন গুতেরেস")
                recipients = [r for r in recipients if r.key not in judges | {a.key for a in actors} and r.start < t_end]
            if entry.type in _cues().own_forces_types:
                named_in = [_party(m) for m in in_sent if t_start <= m.start and m.end <= t_end]
                actors, recipients = _own_forces(actors, recipients, roles, toks, t_start, undergone, announced, named_in)
            if entry.type in _CONTENT_HEAD_TYPES and recipients:
                # "চীন যুক্তরাষ্ট্রকে ইরানের সঙ্গে আলোচনায় বসতে আহ্বান জানায়": a name the infinitive before
                # the call governs is what is asked for, not whom; the one asked is in the accusative.
                asked = _asked_content(toks, roles, c_start, t_start, g)
                doers = {a.key for a in actors}
                addressed = [_party(r.mention) for r in roles if r.relation == "against" and _accusative(r.mention, g)
                             and _party(r.mention).key not in asked | doers]
                if addressed and any(r.key in asked for r in recipients):
                    recipients = [r for r in recipients if r.key not in asked]
                    recipients += [a for a in addressed if a.key not in {r.key for r in recipients}][:1]
            # "শাহবাগ মোড় অবরোধ", "গুলশান কার্যালয়ে বৈঠক": a town or a quarter named
            # bare before the trigger is where, never who (a capital stands for its state).
            actors = [a for a in actors if a.type != "place" or _is_capital(a)]
            # "জাতীয় সংসদ নির্বাচনে": a body whose name only names the election takes no part.
            named_at = {x.start: x.end for x in in_sent}
            actors = [a for a in actors if not _names_a_head(body, a, named_at, g)]
            recipients = [r for r in recipients if not _names_a_head(body, r, named_at, g)]
            if entry.type in g.location_is_recipient and not recipients and location is not None \
                    and location.type == "country":
                # "ইউক্রেনে ত্রাণ পাঠানো হবে", "ভারতে চাল রপ্তানি বন্ধ": aid sent to a country, or trade
                # cut with it, is aimed at that country (a city is only where it was announced).
                recipients = self._place_country(location, actors)
                state_to = state_to or recipients
            elif to_other and location is not None and not any(r.key in rule_keys for r in recipients):
                # "ইউক্রেনে ... কোনো মার্কিন সেনা পাঠানো হবে না": troops sent to a country are sent to
                # it, not to a name the ranker found elsewhere in the sentence (the announcer); sent
                # to a place of another country ("কুরস্ক অঞ্চলে হাজার হাজার সেনা পাঠিয়েছে"), to that country
                recipients = self._place_country(location, actors)
            if entry.type in _cues().state_acts or to_other and entry.to_other in _cues().state_acts:
                actors = _for_the_state(actors, state_to)
            if actors:
                prev_doers = actors
            # "X আগামী সপ্তাহে হামলা চালাবে বলে হুমকি দিয়েছে": what precedes the
            # complementizer is the content of the threat, not its tense or date.
            own_start = c_start
            for t in toks:
                if c_start <= t.start and t.end <= t_start and t.text in g.complementizers:
                    own_start = t.end
            status, cue = self._status(toks, t_start, t_end, own_start, c_end, verb_i)
            if status == "planned" and entry.type in g.status.said_is_done_types and cue == verb and _after_speech(
                    toks, c_start, g):
                # "X বলেন, ... সব ধরনের সমর্থন দেবে": promising support is itself the act of support.
                status = "occurred"
            elif status == "planned" and getattr(entry, "said_is_done", False) and cue == verb:
                # "দল তাদের বিরুদ্ধে কঠোর ব্যবস্থা নেবে": the trigger names what is
                # threatened, so its future tense is the threat's content; the threat is made.
                status = "occurred"
            if status == "negated" and setting:
                # "শীর্ষ বৈঠকেও কোনো চুক্তিতে পৌঁছাতে পারেননি": the negation is the act told in the
                # meeting's setting (no deal), not the meeting, which took place.
                status, cue = "occurred", None
            if status == "occurred" and entry.type in g.status.before_planned_types:
                status, cue = _before_upcoming(toks, t_start, t_end, g) or (status, cue)
            date_v, gran, how, dtext = _event_date(timexes, t_start, own_start, c_end, sent, skip=(c_start, own_start),
                                                   status=status, ref=ref, ctx=_DateContext(
                                                       toks, prev[0], earlier + out, entry.type, rule_keys, g,
                                                       bool(prev[0]) and "\n" not in body[prev[0][-1].end:sent.start]))
            # A noun governed by another verb keeps no date of that verb (below), but an act
            # ordered ("গাজা উপত্যকা অবরোধের নির্দেশ দিয়ে") is done by the order and dated by it.
            oblique = _governed(toks, t_end, verb_i, lv, sent.start, entry, g) and not _ordered(
                toks, t_end, matches, sent.start)
            if oblique and how in ("text", "sentence") and not _own_time(toks, dtext, t_start, g):
                # "গত সপ্তাহে ... সফরকে স্বাগত জানায়": the day is the welcoming's, not the visit's.
                date_v, gran, how, dtext = None, None, "none", None
            tense_i = _tense_verb(toks, verb_i, c_end, g)
            tense = toks[tense_i].text if tense_i is not None else verb  # the word that carries the tense
            status = _historical(status, date_v, ref, tense, cue, clause_words, g)
            if status == "occurred" and _before_background(toks, timexes, t_end, c_end, sent.end, ref, g):
                status = "historical"  # "সাজা হওয়ার পর ২০১৮ সাল থেকে বন্দী ছিলেন": before a recalled past
            if status == "occurred" and _content_of_past_saying(toks, timexes, c_start, own_start, tense, ref, g):
                status = "historical"
            ev = Evidence(sent.start, sent.end, text, t_start, t_end, body[t_start:t_end], cue)
            etype, emode = entry.type, entry.mode
            if to_other:
                etype, emode = entry.to_other, None
            if status == "negated" and getattr(entry, "refused", None):
                # "একজনও ফিরে যেতে রাজি হননি", "... মেনে নেবে না": not agreeing is a refusal, which happened.
                etype, emode, status = entry.refused, None, "occurred"
            if getattr(entry, "by_state", None) and actors and all(_is_state(a) for a in actors):
                etype, emode = entry.by_state, None  # "সম্পূর্ণ অবরোধের নির্দেশ" by a minister: a siege
            if getattr(entry, "to_place", None) and any(
                    r.adjacent and r.mention.type in ("place", "country") for r in roles):
                etype, emode = entry.to_place, None  # "ক্রিমিয়া দখল": a territory taken, not property
            # "ওসি মহিউদ্দিন প্রথম আলোকে বলেন, ...": the outlet a speaker tells is the report's
            # channel, no party of what he tells.
            actors = [a for a in actors if not _press_addressee(a, toks, g)]
            recipients = [r for r in recipients if not _press_addressee(r, toks, g)]
            if getattr(entry, "crime", False) and not any(_is_known(p) for p in actors + recipients):
                continue  # "রুহুল ও রাজু তাঁকে ধর্ষণ করেন": a crime between private people is no political event
            if getattr(entry, "greets", False) and _greeted(toks, in_sent, c_start, t_start, g):
                continue  # "নওয়াজ শরীফকে বিমানবন্দরে স্বাগত জানান": a welcome on arrival, protocol
            home_warnings = []
            if not actors and passive and not condition and home is not None \
                    and entry.type in _cues().home_passive_types:
                # "মোবাইল ফোন ও ইন্টারনেট সংযোগ বন্ধ করে দেওয়া হয়েছে" in a report from Srinagar: an
                # act of state told in the passive with no doer is the article's own country's,
                # flagged inferred (the merger never counts it as shared).
                # (The country of the place it is done in, when the clause says: "কাশ্মীর উপত্যকায়
                # কারফিউ ..." in a report from Islamabad is India's.)
                # A paragraph tells one place: "কাশ্মীর উপত্যকায় ... কারফিউ ... জারি রয়েছে। ইন্টারনেট
                # সংযোগ বন্ধ করে দেওয়া হয়েছে।" is done there too.
                where = location or _paragraph_place(earlier, para_start, sent.start)
                state = (_place_state(where) if where is not None else None) or home
                actors = [Participant(state.id, state.name_en, state.name_bn, body[t_start:t_end], t_start, t_end,
                                      "country", HOME_GOVERNMENT)]
                home_warnings = ["actors: an act of state told with no doer; the country of the article "
                                 "(or of the place it is done in) is taken"]
            # "মিশর সুদানের সেনাবাহিনীকে এবং আমিরাত আরএসএফকে সমর্থন দিচ্ছে": one verb for two
            # subject-object pairs is two acts.
            told_content = any(c_start <= t.start and t.end <= t_start and t.text in g.complementizers for t in toks)
            gapped = [] if entry.symmetric or told_content or c_start <= sent.start else _gapped_pairs(
                roles, lambda: _roles(toks, parties, c_start, c_start, sent.start, c_start, g, body, False, times),
                toks, sent.start, c_start, g)
            within = None
            if location is None and _opening_cue(" ".join(t.text for t in toks if t.end <= t_start),
                                                 _cues().scene_cues) is not None:
                # "এ সময় তিনি ... আহ্বান জানান": at the scene of the act told before
                location = _scene_place(earlier + out, para_start, sent.start)
            if location is None:
                within = scene
                # "রাজধানীর বিভিন্ন সড়ক অবরোধ করে বিক্ষোভ": the article's own capital or country, read
                # after the rules above so it is never taken as whom an attack is aimed at.
                location = _home_place(toks, in_sent, c_start, c_end, home)
            for doers, objects in gapped or [(actors, recipients)]:
                keys = {p.key for p in doers + objects} if gapped else rule_keys
                out.append(_Draft(
                    type=etype, mode=emode, contexts=list(entry.contexts or []), symmetric=bool(entry.symmetric),
                    actors=doers, recipients=[r for r in objects if r.key not in {a.key for a in doers}],
                    location=location, date=date_v, granularity=gran, date_how=how, date_text=dtext,
                    status=status, evidence=[replace(ev)], sources=list(sources), anaphoric=anaphoric,
                    has_verb=verb is not None, merge_keys=keys,
                    merge_doers={p.key for p in doers} if gapped else rule_doers, heads=_heads(entry) | fell_heads,
                    oblique=oblique, warnings=list(home_warnings),
                    within=within, pointed=pronoun_sides, side_pair=side_pair,
                ))
        return _dedupe_same_sentence(out)

    def _rank(self, body: str, sent: Sentence, toks: list[Token], in_sent: list[ActorMention],
              prev: tuple[list[Token], list[ActorMention]], sources: list[EventSource], entry: Any, speech_act: bool,
              trigger: tuple[int, int], clause: tuple[int, int], actors: list[Participant],
              recipients: list[Participant], listed: bool = False) -> tuple[list[Participant], list[Participant]]:
        """The ranker's actor and recipient; the rules' answer when it has no candidate.

        ``listed``: the rules' doers are one list joined by ও or commas."""
        from .arguments import ArgContext

        if not (actors or recipients) and getattr(self.ranker, "collect", None) is None:
            # The ranker may not fill in a participant where the rules found none (below):
            # scoring its candidates would be wasted work, unless they are being collected for training.
            return actors, recipients
        g = self.grammar
        # The ranker knows mentions, not parties: a capital the rules read as its country is its mention there.
        as_named = {(m.start, m.end): m.actor_id or f"text:{m.text}" for m in in_sent}

        def named(ps: list[Participant]) -> frozenset[str]:
            return frozenset(as_named.get((p.start, p.end), p.key) for p in ps)

        # "উত্তর কোরিয়ার নেতা কিম জং উন": the genitive names whose the person is; it is not a candidate.
        owners = {id(grp[0]) for grp in _groups(in_sent, lambda a, b: body[a:b], trigger, g)
                  if len(grp) > 1 and grp[0].actor_id != grp[-1].actor_id}
        starts = {m.start for m in in_sent}
        spans = {m.start: m.end for m in in_sent}
        owners |= {id(m) for m in in_sent if _in_compound(body, m, starts) and not _against_compound(
                   body, m, starts, trigger[0]) or _names_a_head(body, m, spans, g)
                   or _pair_modifier(body, m, in_sent, trigger[0], g)}
        ctx = ArgContext(
            body=body, event_type=entry.type, symmetric=bool(entry.symmetric), speech_act=speech_act,
            trigger=trigger, clause=clause, sentence=(sent.start, sent.end), toks=toks,
            mentions=[m for m in in_sent if id(m) not in owners],
            prev_toks=prev[0], prev_mentions=prev[1],
            source_spans=[(s.start, s.end) for s in sources if s.start is not None and s.end is not None],
            speech_verbs=g.speech_verbs, stand_in_heads=g.stand_in_heads, clause_breaks=g.clause_breaks,
            rule_actors=named(actors), rule_recipients=named(recipients),
        )
        picked = self.ranker.decide(ctx)
        # The ranker changes who took part, never whether anyone did: where
        # the rules found no participant, a guess (a protest's "actor" picked
        # from the names around it) made cross-article merges join unrelated
        # happenings (merge gate P .72 -> .60) and cost dev type F1.
        if picked is None or not (actors or recipients):
            return actors, recipients
        # "রুবিওর এশিয়া সফর এমন সময়ে হলো যখন প্রেসিডেন্ট ট্রাম্প ... হুমকি দিয়েছেন": a when-clause is
        # another happening's; its names take no part in this one unless the rules read them so.
        walls = [t.start for t in toks if t.text in g.clause_walls]
        # "পুলওয়ামায় হামলায় ৪০ জন নিহত হওয়ার পর ... বিমান হামলা চালায় ভারত": neither does a toll's
        # time clause share its names with the main clause.
        walls += sorted(_toll_clause_ends(toks, g))
        # "X সামরিক আইন জারি করেন এবং রাশিয়ার সঙ্গে সম্পর্ক ছিন্ন করেন": two acts joined, each
        # closed by its verb; the other's names take no part unless the rules read them so.
        walls += _joined_clause_end(toks, clause, g)
        if walls:
            ruled_keys = {p.key for p in actors + recipients}

            def this_side(m: ActorMention) -> bool:
                lo, hi = sorted((m.start, trigger[0]))
                return not any(lo < w < hi for w in walls) or _party(m).key in ruled_keys

            picked = ([m for m in picked[0] if this_side(m)], [m for m in picked[1] if this_side(m)])
        new_actors = [_party(m) for m in picked[0]]
        new_recipients = [_party(m) for m in picked[1]]
        if not speech_act and _passive_after(toks, trigger[1], clause[1], g):
            # "X বলেন, ... জেলে পাঠিয়ে নির্যাতন করা হয়েছে": a passive names no doer, and
            # whom the outlet cites is none (grammar.yaml speech_act_types), unless
            # the rules read him as one.
            cited = [(s.start, s.end) for s in sources if s.start is not None and s.end is not None]
            ruled = {a.key for a in actors}
            new_actors = [a for a in new_actors if a.key in ruled
                          or not any(s <= a.start and a.end <= e for s, e in cited)]
        ruled_actors = {a.key for a in actors}
        if listed and not recipients and not entry.symmetric:
            # "হরতাল ডেকেছে স্বেচ্ছাসেবক দল, যুবদল ও ছাত্রদল": one act by a list of doers the rules
            # joined; the ranker may not split one of them off as the other party.
            new_recipients = [r for r in new_recipients if r.key not in ruled_actors]
        if len(actors) > 1 and any(a.key in ruled_actors for a in new_actors):
            # The rules' doers are one list joined by ও ("প্রণয় ভার্মা ও ... ইয়াও ওয়েন"): the
            # ranker, which takes a second actor only above second_actor, picked one of them;
            # the others come with it (unless it made one the recipient).
            taken = {r.key for r in new_recipients} | {a.key for a in new_actors}
            new_actors += [a for a in actors if a.key not in taken]
        if not new_actors and actors:
            # No name the ranker likes as the doer: the rules' doer stands (often one
            # read off a pronoun, which the ranker cannot see: "... অভিযোগ তুলে তিনি বলেন").
            keep = {r.key for r in new_recipients}
            new_actors = [a for a in actors if a.key not in keep]
        return new_actors, new_recipients

    def _dateline_end(self, body: str) -> int:
        """Where a dateline ("সিউল, ১ জুলাই (রয়টার্স) —") ends, else 0."""
        g = self.grammar
        head = body[: g.dateline_max_chars]
        ends = [head.find(d) + len(d) for d in g.dateline_dashes if d in head]
        return min(ends) if ends else 0

    def _with_shells(self, body: str, toks: list[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """Add a mention for each definite shell (দেশটি, জোটটি): the last name of its type before it."""
        shells = self.grammar.shells
        if not shells:
            return mentions
        out = list(mentions)
        for t in toks:
            typ = shells.get(normalize(t.text))
            if typ is None:
                continue
            before = [m for m in map(_office_country, mentions) if m.end <= t.start and m.type == typ and m.actor_id
                      and not _marked_other(body, m, t.start, normalize(t.text), self.grammar)]
            if before and not any(m.start <= t.start < m.end for m in mentions):
                out.append(_standing_for(t, typ, before[-1]))
        return sorted(out, key=lambda m: m.start)

    def _with_short_forms(self, body: str, toks: list[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """Add a mention for each head noun that calls an organisation named in full before it by
        that noun alone ("নির্বাচন কমিশন ... । কমিশন জানায়"; grammar.yaml ``short_forms``)."""
        g = self.grammar
        heads: list[tuple[ActorMention, str]] = []
        for m in mentions:
            words = m.text.split()
            if m.type == "organisation" and m.actor_id and len(words) >= 2:
                head = next((b for b in base_forms(normalize(words[-1])) if b in g.short_forms), None)
                if head is not None:
                    heads.append((m, head))
        if not heads:
            return mentions
        out = list(mentions)
        starts = tuple({h for _, h in heads})
        for i, t in enumerate(toks):
            if not t.text.startswith(starts) or i and not _opens_clause(body, toks[i - 1], t, g):
                continue  # (the cheap test first: most words are no head noun)
            forms = base_forms(normalize(t.text))
            named = [m for m, h in heads if m.end <= t.start and h in forms]
            if named and not any(m.start <= t.start < m.end for m in mentions):
                out.append(_standing_for(t, "organisation", named[-1]))
        return sorted(out, key=lambda m: m.start)

    def _with_home_government(self, body: str, body_toks: list[Token], mentions: list[ActorMention],
                              every: list[ActorMention], cut: int, home: Any) -> list[ActorMention]:
        """Add a mention of the home country for each unqualified government (grammar.yaml home_government)."""
        g = self.grammar
        if not any(w in body for w in g.home_words | g.home_forces):
            return mentions  # most articles: none of its words
        toks = [t for t in body_toks if t.start >= cut]
        found = [i for i, t in enumerate(toks) if normalize(t.text) in g.home_words | g.home_forces]
        if not found:
            return mentions
        if home is None:
            return mentions
        # Whose government is said by a name before it; not by a person's (a leader's is a led
        # government, found before: "রিজভী সরকারের পদত্যাগ দাবি" is the government's resignation).
        ends = {m.end for m in mentions if m.type != "person"}
        out = list(mentions)
        for i in found:
            t = toks[i]
            before = toks[max(0, i - 2):i]
            if any(m.start <= t.start < m.end for m in mentions) or any(b.end in ends for b in before) \
                    or (before and normalize(before[-1].text) in g.home_not_after):
                continue  # whose government is said ("মিয়ানমার সরকার", "তাদের সরকার"), or a system
            if normalize(t.text) in g.home_words:
                out.append(ActorMention(t.start, t.end, t.text, "country", home.id, home.name_en, home.name_bn,
                                        HOME_GOVERNMENT, 0.6, note="an unqualified government: the article's country"))
            elif (army := _home_army(_nearest_country(every, t.start) or home, normalize(t.text))) is not None:
                out.append(ActorMention(t.start, t.end, t.text, "organisation", army.id, army.name_en, army.name_bn,
                                        HOME_FORCES, 0.6, note="an army named without its country: the article's"))
        return sorted(out, key=lambda m: m.start)

    def _motion(self, toks: list[Token], mentions: list[ActorMention], sent: Sentence) -> list[Any]:
        """"... উত্তর কোরিয়া যাবেন": a verb of going right after a named country or place is a visit."""
        mo = self.grammar.motion
        ends = {m.end: m for m in mentions if m.type in ("country", "place")}
        out = []
        prev_end = None
        for t in toks:
            if t.text in mo.forms and prev_end in ends:
                out.append(_Match(t.start - sent.start, t.end - sent.start, t.text, mo))
            prev_end = t.end if _WORD.search(t.text) else None
            # a space separates tokens: the mention's end is the previous token's end
        return out

    def _place_country(self, place: Participant, actors: list[Participant]) -> list[Participant]:
        """The country a targeted place is in, unless it is the doer's own."""
        from ..actors.dictionary import load_dictionary

        d = load_dictionary()
        actor = d.get(place.actor_id) if place.actor_id else None
        if actor is None:
            return []
        country = actor if actor.type == "country" else (d.country(actor.country) if actor.country else None)
        if country is None or country.id in {a.actor_id for a in actors}:
            return []
        own = {getattr(d.get(a.actor_id), "country", None) for a in actors if a.actor_id}
        if country.country in own:
            return []
        return [Participant(country.id, country.name_en, country.name_bn, place.text, place.start, place.end, "country")]

    def _subject(self, body: str, sent: Sentence, toks: list[Token], in_sent: list[ActorMention],
                 times: tuple[tuple[int, int], ...]) -> list[Participant]:
        """The sentence's unmarked doers: what a তারা / তিনি in the next sentence most likely means."""
        linked = [m for m in in_sent if m.actor_id]
        roles = _roles(toks, linked, sent.end, sent.end, sent.start, sent.end, self.grammar, body, False, times)
        doers = [r.mention for r in roles if r.relation == "doer" and (r.mention.type != "place" or _is_capital(r.mention))]
        if len(doers) > 1:
            # "X বলেছেন, Y সম্প্রতি উত্তর কোরিয়া সফর করেছেন": what the sentence tells is Y's; X is cited.
            said = " ".join(t.text for t in toks if doers[0].end <= t.start and t.end <= doers[1].start)
            if any(_has_phrase(said, v) for v in self.grammar.speech_verbs):
                doers = doers[1:]
        return [_party(m) for m in doers[:1]]

    def _status(self, toks: list[Token], t_start: int, t_end: int, c_start: int, c_end: int,
                verb_i: int | None) -> tuple[str, str | None]:
        st = self.grammar.status
        # A concessive verb ("বৈঠক করলেও", although they met) ends the
        # trigger's clause for status: what follows it is another assertion.
        stop = next((t for t in toks if t.start >= t_end and t.end <= c_end
                     and any(t.text.endswith(e) and len(t.text) >= len(e) for e in st.concessive_endings)), None)
        if stop is not None:
            c_end = stop.end
            if verb_i is not None and toks[verb_i].end > c_end:
                verb_i = None
        # "বৈঠক কখন, কোথায় হবে": an indirect question about the trigger runs on past
        # the commas between its question words, to the verb that tells its tense.
        asked_end = _question_end(toks, t_end, c_end, self.grammar)
        if asked_end > c_end:
            c_end = asked_end
            if verb_i is None:
                verb_i = _verb_after(toks, t_end, c_end, self.grammar)[0]
        after = [t for t in toks if t.start >= t_end and t.end <= c_end]
        if verb_i is None:
            after += _joined_modal(toks, c_end, self.grammar)
        clause = [t for t in toks if c_start <= t.start and t.end <= c_end]
        # (যদিও, although, starts with the cue যদি, if)
        clause_text = " ".join(t.text for t in clause if t.text not in st.not_hypothetical)
        after_text = " ".join(t.text for t in after if t.text not in st.not_hypothetical)
        for cues, text, pool in ((st.hypothetical_cues, clause_text, clause), (st.hypothetical_after, after_text, after)):
            for cue in cues:
                if _has_phrase(text, cue):
                    # "একমত হতে পারেনি" (could not agree) is a negation, not a possibility.
                    modal = next((t.text for t in pool if t.text.startswith(cue) and t.text != cue), None)
                    if modal and any(modal.endswith(e) for e in st.negative_endings):
                        return "negated", modal
                    # "চুক্তি হওয়ার সম্ভাবনা নেই" (no chance of a deal): said not to be coming.
                    at = next((i for i, t in enumerate(pool) if t.text.startswith(cue)), None)
                    if at is not None and at + 1 < len(pool) and pool[at + 1].text in st.negative_words:
                        return "negated", f"{pool[at].text} {pool[at + 1].text}"
                    return "hypothetical", cue
        # "যদি ট্রাম্প সক্রিয় থাকেন এবং শান্তিরক্ষী বাহিনী মোতায়েন হয়, তাহলে ...": every
        # clause between "if" and "then" is part of the condition, not only the first.
        if_tok = next((t for t in toks if t.end <= t_start and t.text in st.if_words), None)
        if if_tok is not None and any(t.start >= t_end and t.text in st.then_words for t in toks):
            return "hypothetical", if_tok.text
        # "X করা হলে ...": the trigger is the condition of another clause.
        cond = next((t.text for t in after if t.text in st.conditional_words), None)
        if cond is not None:
            return "hypothetical", cond
        negation = _negated_here(toks, t_start, t_end, after, st)
        if negation is not None:
            return "negated", negation
        if verb_i is None or toks[verb_i].text in self.grammar.complementizers:
            # "... উত্তর কোরিয়া যাবেন": a verb trigger carries its own tense
            # (also before "বলে জানা গেছে", where বলে is "that", not "says").
            own = next((i for i, t in enumerate(toks) if t.end == t_end), None)
            if own is not None and t_start <= toks[own].start and _is_verb(toks[own].text, self.grammar):
                verb_i = own
        while verb_i is not None and any(toks[verb_i].text.endswith(e) for e in self.grammar.not_verb_endings):
            # "ঋণ হিসেবে দিচ্ছে" (gives as a loan): the -বে of হিসেবে is no future verb.
            verb_i = next((i for i in range(verb_i + 1, len(toks)) if toks[i].end <= c_end
                           and _is_verb(toks[i].text, self.grammar)), None)
        verb_i = _tense_verb(toks, verb_i, c_end, self.grammar)
        verb = toks[verb_i].text if verb_i is not None else None
        if verb is not None:
            nxt = toks[verb_i + 1].text if verb_i + 1 < len(toks) and toks[verb_i + 1].end <= c_end else None
            if _negative_ending(verb, st) or (nxt in st.negative_words):
                return "negated", verb if nxt not in st.negative_words else f"{verb} {nxt}"
            unable = _opening_cue(" ".join(t.text for t in toks[verb_i + 1:verb_i + 4] if t.end <= c_end),
                                  st.unable_after)
            if unable is not None:
                return "negated", unable  # "আটক করা যায়নি": could not be done
        elif any(t.text in st.negative_words for t in after[:3]):
            return "negated", next(t.text for t in after[:3] if t.text in st.negative_words)
        called = _opening_cue(" ".join(t.text for t in after[:2]), st.convened_after)
        if called is not None:
            return "planned", called  # "হরতাল ডেকেছে দলটি": called for a day still to come
        for cue in st.planned_cues:
            if _has_phrase(after_text, cue) and not _keeps_on(after_text, cue, st):
                return "planned", cue
        for cue in st.planned_final:
            if after_text == cue or after_text.endswith(" " + cue):
                return "planned", cue
        # "আলোচনা শুরু করতে একমত হয়েছে": the act is the content of an agreement
        # or decision (an infinitive before its head), so it is still to come.
        words = [t.text for t in after]
        for i, w in enumerate(words[:4]):
            if w.endswith("তে") and any(h in words[i + 1:i + 3] or any(x.startswith(h) for x in words[i + 1:i + 3])
                                         for h in st.planned_heads):
                j = next(k for k in range(i + 1, min(i + 3, len(words)))
                         if any(words[k].startswith(h) for h in st.planned_heads))
                nxt = words[j + 1] if j + 1 < len(words) else ""
                if nxt in st.negative_words or _negative_ending(nxt, st):
                    # "সংলাপে বসতে রাজি নয়" (not willing to): the act is ruled out.
                    return "negated", f"{words[j]} {nxt}"
                return "planned", w
        head = _noun_head(toks, t_start, t_end, c_end, self.grammar)
        trigger_text = " ".join(t.text for t in toks if t_start <= t.start and t.end <= t_end)
        if head is not None and not any(w in trigger_text for w in st.declared_is_done):
            # "সম্পর্ক ছিন্ন করার ঘোষণা দেন" is excepted: relations are cut by saying so.
            return "planned", head
        just_before = [t.text for t in toks if c_start <= t.start and t.end <= t_start][-2:]
        for cue in st.planned_before:
            if cue in just_before:
                return "planned", cue
        if verb is not None and any(verb.endswith(e) for e in st.future_endings) and not _past_marked(verb, self.grammar):
            return "planned", verb
        asked = next((t.text for t in clause if t.text in st.question_words), None)
        if asked is not None and not (verb is not None and _past_marked(verb, self.grammar)):
            # "কীভাবে ত্রাণ পাঠানো যায়" (how relief could be sent): asked about, not told as done.
            return "hypothetical", asked
        return "occurred", verb

    def _sources(self, article: Article, attributions: list[Any] | None = None) -> dict[int, list[EventSource]]:
        """Sources cited per sentence (keyed by sentence start), from the attribution layer."""
        finder = self._attribution
        if finder is None:
            from ..attribution import article_attributions as finder
        if attributions is None or self._attribution is not None:  # a finder given to the coder wins
            attributions = finder(article)
        out: dict[int, list[EventSource]] = {}
        for c in attributions:
            out.setdefault(c.sentence_start, []).append(_as_source(c))
        return out

    # -- finishing ------------------------------------------------------------

    def _finish(self, article: Article, d: _Draft, ref: date | None, lead_end: int,
                news_day: date | None = None) -> Event:
        warnings = list(d.warnings)
        date_v, gran, how = d.date, d.granularity, d.date_how
        if date_v is None and d.status in ("occurred", "negated") and news_day is not None:
            # A report of yesterday's news tells the rest of that day's happenings undated:
            # readers (and the gold's annotators) date them to it.  Flagged: not the text's.
            date_v, gran, how = news_day.isoformat(), "day", "news-day"
            warnings.append("date: the text gives none; the day of the lead's news is used")
        elif date_v is None and d.status in ("occurred", "negated") and ref is not None:
            # Only when the text gives nothing, and flagged: never invented precision.
            date_v, gran, how = ref.isoformat(), "day", "publication-fallback"
            warnings.append("date: the text gives none; the publication date is used")
        first = d.evidence[0]
        digest = hashlib.sha1(f"{article.id}|{d.type}|{first.trigger_start}".encode()).hexdigest()[:16]
        cameo = None
        try:
            cameo = self.ontology.cameo_for(d.type, d.mode)
        except (KeyError, ValueError):
            cameo = None
        # An actor the text does not name (inferred) is a weaker reading than one it names.
        conf = 0.45 + (0.2 if any(a.inferred is None for a in d.actors) else 0.1 if d.actors else 0) \
            + (0.1 if d.recipients or d.symmetric else 0)
        conf += (0.1 if how in TEXT_DATE_HOWS else 0) + (0.1 if d.has_verb else 0)
        return Event(
            id=f"ev:{digest}", article_id=article.id, type=d.type, mode=d.mode, contexts=d.contexts,
            actors=d.actors, recipients=d.recipients, location=d.location,
            date=date_v, date_granularity=gran, date_how=how, date_text=d.date_text, status=d.status,
            sources=d.sources, evidence=d.evidence, confidence=min(conf, 0.95),
            outlet=article.outlet, outlet_id=article.outlet_id, cameo=cameo, symmetric=d.symmetric,
            warnings=warnings, in_lead=first.sentence_start < lead_end,
        )


# -- helpers ------------------------------------------------------------------


# How far back a name may stand and still say whose army an unqualified সেনাবাহিনী is.
_ARMY_CONTEXT_CHARS = 200


def _nearest_country(mentions: list[ActorMention], at: int) -> Any:
    """The country of the nearest name before ``at`` (within ``_ARMY_CONTEXT_CHARS``) that has one:
    "রাখাইনে ... হামলার পর সেনাবাহিনী" in a report from Cox's Bazar is Myanmar's army."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    for m in sorted((m for m in mentions if at - _ARMY_CONTEXT_CHARS <= m.end <= at), key=lambda m: -m.end):
        actor = d.get(m.actor_id) if m.actor_id else None
        if actor is not None and actor.country:
            return d.country(actor.country)
    return None


def _home_army(country: Any, word: str) -> Any:
    """The force of ``country`` that ``word`` (সেনাবাহিনীর) names: the actor dictionary's
    organisation of that country whose ``forces`` hold the noun the word inflects, or None."""
    from ..actors.dictionary import load_dictionary

    return next((a for a in load_dictionary().of_type("organisation")
                 if a.country == country.country and any(word.startswith(normalize(f)) for f in a.forces)), None)


def _home_country(mentions: list[ActorMention], cut: int) -> Any:
    """The article's own country: the dateline's (mentions before ``cut``), else the country its
    names point to most (the first named among equals); None when no name has a country."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    counts: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        actor = d.get(m.actor_id) if m.actor_id else None
        code = actor.country if actor is not None else None
        if not code:
            continue
        if m.start < cut:
            return d.country(code)
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return d.country(max(counts, key=lambda c: counts[c]))  # max keeps the first of equals (dict order)


def _led_governments(body: str, mentions: list[ActorMention], g: Grammar) -> list[ActorMention]:
    """A person who has led a government, followed by a government noun ("শেখ হাসিনার সরকার",
    "বাইডেন প্রশাসন"), becomes one mention of that country over both words: the government is the party."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    starts = {m.start for m in mentions}
    out: list[ActorMention] = []
    for m in mentions:
        if m.type == "person" and m.actor_id:
            after = body[m.end:m.end + 40]
            gap = len(after) - len(after.lstrip(" "))
            word = normalize(after[gap:].split(" ", 1)[0].rstrip("।,;:!?"))
            person = d.get(m.actor_id)
            led = next((r.of for r in person.roles if r.role in g.led_by_roles and len(r.of) == 2), None) \
                if person is not None else None
            country = d.country(led) if led else None
            if country is not None and gap == 1 and word in g.led_heads and m.end + 1 not in starts \
                    and not _in_compound(body, m, starts):
                end = m.end + gap + len(word)
                out.append(ActorMention(m.start, end, body[m.start:end], "country", country.id, country.name_en,
                                        country.name_bn, LED_GOVERNMENT, m.score, note=f"the government of {m.text}"))
                continue
        out.append(m)
    return out


def _office_country(m: ActorMention) -> ActorMention:
    """A role mention of a country's office ("রুয়ান্ডার প্রেসিডেন্ট") as the country it names, for a
    later দেশটি; any other mention as it is."""
    if m.how != "role" or not m.actor_id or m.type != "person":
        return m
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    holder = d.get(m.actor_id)
    country = d.country(holder.country) if holder is not None and holder.country else None
    if country is None or m.role is None or not any(r.role == m.role and r.of == holder.country for r in holder.roles):
        return m  # an office of a body (a party's chief), or of another country than the holder's
    return ActorMention(m.start, m.end, m.text, "country", country.id, country.name_en, country.name_bn,
                        "role", m.score, note=f"the country of {m.text}")


def _with_offices(body: str, ref: date | None, cut: int, mentions: list[ActorMention],
                  home_offices: dict[str, str] | None = None) -> list[ActorMention]:
    """The mentions and one for each bare office ("প্রধান উপদেষ্টা বলেন": the holder on the article's
    date; roles.yaml ``bare_offices``), which the linker leaves unmentioned by contract; and for
    each of ``home_offices`` (role key -> the article's own country: "রাষ্ট্রপতির আদেশে" in a
    report from Dhaka is Bangladesh's president; grammar.yaml ``home_government.offices``)."""
    from ..actors.link import bare_office_mentions

    if not body or ref is None:
        return mentions
    extra = []
    for m in bare_office_mentions(body, ref, mentions, also=home_offices):
        nxt = next((x for x in mentions if x.start >= m.end), None)
        if m.start < cut or nxt is not None and (nxt.actor_id == m.actor_id or nxt.type == "person") \
                and len(body[m.end:nxt.start].split()) <= 2:
            # in the dateline, or a name follows: the office is that person's title ("প্রধান উপদেষ্টা
            # ড. মুহাম্মদ ইউনূস"; "প্রেসিডেন্ট ভ্লাদিমির পুতিন" in a report from Kyiv is not Zelensky)
            continue
        extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _speaks(body: str, m: ActorMention, g: Grammar) -> bool:
    """Whether the mention, unmarked, is the subject of a verb of saying that follows it within its
    clause ("প্রধানমন্ত্রী বলেন", "প্রধান উপদেষ্টা আজ সাংবাদিকদের জানান"): at most three words
    between, none a clause break.  Not in the object case ("প্রধান উপদেষ্টাকে ধন্যবাদ জানান")."""
    word = normalize(m.text).split()[-1] if m.text.strip() else ""
    if _ends_with_any(word, g.accusative_endings + g.genitive_endings):
        return False
    toks = [normalize(t.text) for t in tokenize(body[m.end:m.end + 120], 0)][:5]
    for i in range(len(toks)):
        if toks[i] in g.clause_breaks:
            return False
        if i <= 3 and any(_has_phrase(" ".join(toks[i:i + 2]), v) for v in g.speech_verbs if v.split()[0] == toks[i]):
            return True
    return False


def _ref_date(article: Article) -> date | None:
    stamp: datetime | None = article.published or article.updated or article.page_date
    return stamp.date() if stamp else None


def _joined_modal(toks: list[Token], c_end: int, g: Grammar) -> list[Token]:
    """"সামরিক হস্তক্ষেপ এবং অর্থনৈতিক পাল্টা ব্যবস্থার ঝুঁকিও রয়েছে": a verbless trigger noun
    joined by এবং to a noun in the genitive before a modal noun (ঝুঁকি, আশঙ্কা) is, with it,
    what the modal is said of.  The joined phrase up to that modal noun, else nothing."""
    st = g.status
    rest = [t for t in toks if t.start >= c_end]
    if not rest or rest[0].text not in st.noun_joiners:
        return []
    for i, t in enumerate(rest[1:], 1):
        if t.text in g.clause_breaks or _is_verb(t.text, g):
            return []
        if any(t.text.startswith(cue) for cue in st.hypothetical_after):
            owner = rest[i - 1].text if i > 1 else ""
            return rest[1:i + 1] if _ends_with_any(owner, g.genitive_endings) else []
    return []


def _has_phrase(text: str, phrase: str) -> bool:
    """``phrase`` occurs in space-joined ``text`` as whole words (a word may carry an ending)."""
    i = text.find(phrase)
    while i >= 0:
        if i == 0 or text[i - 1] == " ":
            return True
        i = text.find(phrase, i + 1)
    return False


def _opening_cue(text: str, cues: tuple[str, ...]) -> str | None:
    """The cue that ``text`` (space-joined words) opens with, as whole words, if any."""
    return next((c for c in cues if text == c or text.startswith(c + " ")), None)


def _clause(toks: list[Token], t_start: int, t_end: int, g: Grammar) -> tuple[int, int]:
    """Character bounds of the clause holding the trigger.

    A subordinator right after the trigger ("সফর শেষে", "বৈঠকের পর"), or
    after the trigger's own noun phrase ("সফরের খবর ছড়ানোর পর"), closes
    it: the main verb that follows belongs to another happening.
    """
    lo, hi = toks[0].start, toks[-1].end
    for i, t in enumerate(toks):
        if t.text in g.clause_breaks:
            if t.end <= t_start:
                if t.text in g.status.noun_joiners and i and not toks[i - 1].text.endswith("কে") and not any(
                        lo <= x.start and x.end <= t.start and _is_verb(x.text, g) for x in toks[:i]):
                    # "তাইওয়ানে বালু রপ্তানি এবং ... আমদানি স্থগিত করেছে চীন": এবং with no verb
                    # before it joins two nouns of one clause.  (After an object in -কে it may
                    # join two subject-object pairs of one verb: "মিশর X-কে এবং আমিরাত Y-কে ...".)
                    continue
                lo = t.end
            elif t.start >= t_end:
                if not _closing_list(toks, i, t_end, g):
                    hi = t.start
                break
    after = [t for t in toks if t_end <= t.start < hi][:3]
    for t in after:
        if t.text in g.subordinators:
            hi = t.end
            break
        if _is_verb(t.text, g):
            break  # "সফরের খবর ছড়ানোর পর" closes; a verb before the subordinator is the trigger's own
    toll_ends = _toll_clause_ends(toks, g)
    for t in toks:
        if t.start < t_end:
            continue
        if t.start >= hi or _is_verb(t.text, g):
            break
        if t.start in toll_ends:
            hi = t.end  # "... হামলায় ৪০ জন নিহত হওয়ার পর": the toll's time clause is its own
            break
    return lo, hi


def _toll_clause_ends(toks: list[Token], g: Grammar) -> set[int]:
    """Where a time clause closed by a toll ends: the subordinator after a verbal noun of হওয়া
    (grammar.yaml ``not_events.toll_told``) that follows a toll word ("পুলওয়ামায় আত্মঘাতী হামলায়
    ৪০ জন আধা সামরিক সদস্য নিহত হওয়ার পর পাকিস্তানের বালাকোটে বিমান হামলা চালায় ভারত").
    The dead and the attack that killed them are the clause's; the main clause's doer answered it."""
    return {toks[i + 2].start for i in range(len(toks) - 2)
            if toks[i].text in g.toll_words and toks[i + 1].text in g.toll_told and toks[i + 2].text in g.subordinators}


def _joined_after(toks: list[Token], c_end: int, g: Grammar) -> int | None:
    """The index of the এবং that joins a later clause to the trigger's, which ends at ``c_end``,
    when a verb closes the trigger's ("X ... জারি করেন এবং Y-এর সঙ্গে ... করেন"); else None."""
    i = next((i for i, t in enumerate(toks) if t.start == c_end), None)
    return i if i and toks[i].text in g.status.noun_joiners and _is_verb(toks[i - 1].text, g) else None


def _joined_clause_end(toks: list[Token], clause: tuple[int, int], g: Grammar) -> list[int]:
    """Where the trigger's clause meets a later one joined to it (``_joined_after``): the start of
    that এবং, if so.  (Only forward: the later act may share the earlier one's party, "কুরস্কে
    সৈন্য পাঠিয়েছে এবং অস্ত্র সরবরাহ করছে".)"""
    i = _joined_after(toks, clause[1], g)
    return [toks[i].start] if i is not None else []


def _conjunct_subject(toks: list[Token], t_end: int, c_end: int, g: Grammar) -> bool:
    """Whether the trigger's clause is the first of two joined by এবং (``_joined_after``) and closed
    by the trigger's own verb, right after it (at most two words: "জারি করেন") and no verb of
    saying ("X সামরিক আইন জারি করেন এবং ... ঘোষণা দেন"): a name before the trigger in it is its
    subject, not only the later verb's speaker.  (Not "X ফোনালাপের সত্যতা নিশ্চিত করেছে এবং
    ...": the verb is another's.)"""
    inside = [t for t in toks if t_end <= t.start and t.end <= c_end]
    return 0 < len(inside) <= 2 and _joined_after(toks, c_end, g) is not None \
        and inside[-1].text not in g.speech_verbs


def _closing_list(toks: list[Token], i: int, t_end: int, g: Grammar) -> bool:
    """Whether the comma ``toks[i]`` after the trigger and its verb only lists the post-verbal
    subject to the sentence's end ("হরতাল ডেকেছে স্বেচ্ছাসেবক দল, যুবদল ও ছাত্রদল।"): no verb or
    other break follows, and ও joins the list's last name (at most eight words)."""
    if toks[i].text != "," or not any(t_end <= t.start < toks[i].start and _is_verb(t.text, g) for t in toks):
        return False
    rest = [t.text for t in toks[i + 1:] if t.text not in (",", "।", "?", "!")]
    return 0 < len(rest) <= 8 and "ও" in rest and not any(
        (w in g.clause_breaks and w != "এবং") or _is_verb(w, g) for w in rest)


def _said_before(toks: list[Token], c_start: int, t_start: int, g: Grammar) -> int | None:
    """Where a saying's own clause starts when what it says comes first, closed by a verb and a
    complementizer ("... ব্যবহার করেছে বলে অভিযোগ করে বিএনপি"): right after the complementizer."""
    before = [t for t in toks if c_start <= t.start and t.end <= t_start]
    for i in range(len(before) - 1, 0, -1):
        if before[i].text in g.complementizers and _is_verb(before[i - 1].text, g):
            return before[i].end
    return None


def _keeps_on(text: str, cue: str, st: Any) -> bool:
    """Whether a cue of going (grammar.yaml status ``going_cues``: যাচ্ছে) follows a conjunctive form
    ("হামলা চালিয়ে যাচ্ছে": keeps on attacking; ``converbs``, or any -িয়ে form): the act goes on, it
    is not to come ("হতে যাচ্ছে", "সফরে যাচ্ছেন" are)."""
    if cue not in st.going_cues:
        return False
    words = text.split()
    return any(w == cue and i > 0 and (words[i - 1] in st.converbs or words[i - 1].endswith("িয়ে"))
               for i, w in enumerate(words))


def _is_verb(word: str, g: Grammar) -> bool:
    if not _WORD.search(word) or word in g.not_verbs:
        return False
    if any(word.endswith(e) and len(word) > len(e) + 1 for e in g.strong_endings):
        return True
    for stem in g.light_stems:
        if word.startswith(stem):
            rest = word[len(stem):]
            if rest == "" or rest in g.verb_endings:
                return True
    return False


def _by_means(toks: list[Token], i: int, g: Grammar) -> bool:
    """Whether toks[i] is করে meaning "by" after a vehicle in the locative
    (ট্রেনে করে যাবেন: will go by train), not the verb "did"."""
    if i == 0 or toks[i].text not in g.means_words:
        return False
    prev = toks[i - 1].text
    return any(prev.startswith(n) and prev[len(n):] in g.locative_endings for n in g.means_nouns)


def _verb_after(toks: list[Token], t_end: int, c_end: int, g: Grammar) -> tuple[int | None, str | None]:
    """The clause's verb after the trigger: the first verb-like word, Bengali being verb-final."""
    for i, t in enumerate(toks):
        # A subordinator closing the clause (জবাবে, শেষে) is no verb, however it ends.
        if t.start >= t_end and t.end <= c_end and t.text not in g.subordinators and _is_verb(t.text, g) \
                and not _by_means(toks, i, g):
            return i, t.text
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.end <= t_end and t.text in g.copulas:
            return i, t.text
    return None, None


# Types whose trigger takes another act as its content: "X করতে আহ্বান" (a
# call to do X), "X আরোপের হুমকি" (a threat of X).  PLOVER codes the call or
# the threat; the act asked for or threatened has not happened.
_CONTENT_HEAD_TYPES = frozenset({"REQUEST", "THREATEN"})
# The infinitive (করতে, দিতে) and the genitive (-এর, -র) that mark a content.
_INFINITIVE = "তে"
# An act in the infinitive right before an agreement (X করতে একমত) is only
# promised: the agreeing is the event.  Talks agreed to are still told as a
# planned meeting (আলোচনা শুরু করতে একমত: CONSULT, planned), as the gold codes them.
_AGREED_HEAD_TYPES = frozenset({"AGREE"})
_AGREED_STILL_TOLD = frozenset({"CONSULT", "AGREE"})
_GENITIVE = ("ের", "র")
_VISIT_DAYS = 7  # a state visit rarely lasts longer; a meeting a week after it is another trip's
_INSTRUMENTAL = frozenset({"দিয়ে", "নিয়ে"})  # "ড্রোন দিয়ে হামলা": "with", no verb of its own here


_WORDY = regex.compile(r"[\p{L}\p{N}]")  # a token that is a word, not a quote mark
# Classifiers the tokenizer cuts off a numeral ("৯টি" -> ৯ | টি).
_CLASSIFIERS = frozenset({"টি", "টা", "জন", "টির", "টিতে"})


# Refusals and demands whose object noun's genitive names the one refused or asked ("বিএনপির দাবি
# নাকচ", "সরকারের পদত্যাগ দাবি"); any plain noun counts as the object.
_OWNED_OBJECT_TYPES = frozenset({"REJECT", "REQUEST"})


def _fell_to(toks: list[Token], roles: list[Any], act_start: int | None, g: Grammar) -> list[Participant]:
    """Who owns the act or weapon a victim fell to (a trigger of its own, starting at ``act_start``):
    a genitive or demonym right before it, at most one plain word between ("বিএসএফের গুলিতে",
    "ইসরায়েলি হামলায়", "রাশিয়ার ড্রোন হামলায়").  Not a name in the locative: that is where."""
    if act_start is None:
        return []
    for r in roles:
        if r.relation not in ("genitive", "demonym") or r.mention.end > act_start:
            continue
        between = [t for t in toks if r.mention.end <= t.start and t.end <= act_start]
        if len(between) <= 1 and all(_WORD.search(t.text) and not _is_verb(t.text, g)
                                     and t.text not in g.postpositions for t in between):
            return [_party(r.mention)]
    return []


def _rejected_owner(toks: list[Token], roles: list[Any], t_start: int, t_end: int, etype: str,
                    g: Grammar) -> Participant | None:
    """The one whose demand, proposal or order a refusal turns down, or whose resignation a demand
    asks for: a genitive before the trigger with an object noun between it and the refusing or
    demanding word ("বিএনপির দাবি নাকচ", "আদালতের নির্দেশ অমান্য", "সরকারের পদত্যাগ দাবি"), the
    noun plain (no break, postposition or verb).  A genitive right before a
    one-word refusal ("ইসরায়েলের প্রত্যাখ্যান") is the refuser's, and stays the doer."""
    if etype not in _OWNED_OBJECT_TYPES:
        return None
    last = next((t for t in reversed(toks) if t.end <= t_end and t.start >= t_start), None)
    if last is None:
        return None
    for r in roles:
        if r.relation != "genitive" or r.mention.end > t_start or r.mention.type == "place":
            continue
        between = [t for t in toks if r.mention.end <= t.start and t.end <= last.start]
        if 1 <= len(between) <= 2 and all(_WORD.search(t.text) and t.text not in g.clause_breaks
                                          and t.text not in g.postpositions and not _is_verb(t.text, g)
                                          for t in between):
            return _party(r.mention)
    return None


def _accusative(m: ActorMention, g: Grammar) -> bool:
    """Whether a name carries the accusative ending itself ("যুক্তরাষ্ট্রকে", "পিয়ংইয়ংকে")."""
    word = normalize(m.text).split()[-1] if m.text.strip() else ""
    base = normalize(m.name_bn or "").split()
    return _ends_with_any(word, g.accusative_endings) and not (base and word.endswith(base[-1]))


def _asked_content(toks: list[Token], roles: list[Any], c_start: int, t_start: int, g: Grammar) -> set[str]:
    """Keys of the names an infinitive before a request or threat governs (its content): a name
    with a postposition or a genitive, not the accusative, standing before the last infinitive
    verb between the clause start and the trigger ("ইরানের সঙ্গে আলোচনায় বসতে", "মস্কোর কাছে
    ... বিক্রি করতে")."""
    inf = next((t for t in reversed(toks) if c_start <= t.start and t.end <= t_start
                and t.text.endswith(_INFINITIVE) and _is_verb(t.text, g)), None)
    if inf is None:
        return set()
    return {_party(r.mention).key for r in roles if r.mention.end <= inf.start and r.mention.start >= c_start
            and r.relation != "doer" and not _accusative(r.mention, g)}


def _ordered(toks: list[Token], t_end: int, matches: list[Any], sent_start: int) -> bool:
    """Whether the word after a trigger in the genitive starts an order that carries it out
    (triggers.yaml ``carried_out``: "অবরোধের নির্দেশ দেন"): the act is done by that order."""
    nxt = next((t for t in toks if t.start >= t_end and _WORDY.search(t.text)), None)
    return nxt is not None and any(getattr(x.entry, "carried_out", False) and sent_start + x.start == nxt.start
                                   for x in matches)


def _is_content(m: Any, matches: list[Any], toks: list[Token], t_end: int, verb: str | None, sent_start: int) -> bool:
    """Whether trigger ``m`` is not an event of its own: the content of a later
    request or threat in its sentence, or an order whose ordered act is told."""
    if getattr(m.entry, "carried_out", False):
        # "সেনা পাঠানোর নির্দেশ দেন": the troops sent are the event, the order is how.
        prev = next((t for t in reversed(toks) if t.end <= sent_start + m.start and _WORDY.search(t.text)), None)
        return prev is not None and prev.text.endswith(_GENITIVE) and any(
            x.entry.type is not None and sent_start + x.end == prev.end for x in matches)
    if m.entry.type in _CONTENT_HEAD_TYPES:
        return False
    heads = {sent_start + x.start for x in matches if x.start >= m.end and x.entry.type in _CONTENT_HEAD_TYPES}
    lv = getattr(m, "light_verb", None)
    form = lv.text if lv is not None else (m.text.split()[-1] if m.entry.kind == "verb" else verb)
    if m.entry.type not in _AGREED_STILL_TOLD and form and form.endswith(_INFINITIVE):
        # "সেনা সরিয়ে নিতে একমত", "শুল্ক কমাতে সম্মত": the act agreed to is promised, not done.
        at_end = sent_start + lv.end if lv is not None else t_end if m.entry.kind == "verb" else next(
            (t.end for t in toks if t.start >= t_end and t.text == form), None)
        after = next((t for t in toks if at_end is not None and t.start >= at_end), None)
        if after is not None and any(x.entry.type in _AGREED_HEAD_TYPES and sent_start + x.start == after.start
                                     for x in matches):
            return True
    if not heads:
        return False
    nxt = next((t for t in toks if t.start >= t_end), None)
    asked = {sent_start + x.start for x in matches
             if x.start >= m.end and x.entry.type in _CONTENT_HEAD_TYPES and not getattr(x.entry, "carried_out", False)}
    if nxt is not None and nxt.start in asked and m.text.endswith(_GENITIVE):
        # "নিষেধাজ্ঞা আরোপের হুমকি", "নিষেধাজ্ঞার আহ্বান": the threat of a
        # sanction, the call for one.  Not for an order: "সেনা পাঠানোর নির্দেশ"
        # is carried out.
        return True
    if lv is not None and lv.text.endswith(_GENITIVE):
        # "দেখা করার অনুমতি চেয়েছিলেন": the light verb in the genitive right before the request
        after_lv = next((t for t in toks if t.start >= sent_start + lv.end), None)
        if after_lv is not None and after_lv.start in asked:
            return True
    return bool(form) and form.endswith(_INFINITIVE)


# Acts that are turned down (a demand): named as the object of a refusal in
# the same clause it is not told anew.  Not an accusation: "বিএনপির অভিযোগ
# X নাকচ করেছেন" still tells that the BNP accused (tests/test_events_args.py).
_REJECTABLE_TYPES = frozenset({"REQUEST"})


def _rejected_object(m: Any, matches: list[Any], toks: list[Token], t_end: int, c_end: int, sent_start: int,
                     g: Grammar) -> bool:
    """Whether trigger ``m`` (a demand with no verb of its own) is what a refusal in its clause turns down.

    "আন্দোলনকারীদের পদত্যাগের দাবি তিনি নাকচ করে দিয়েছেন": the refusal is
    the event; the demand is named, made before and told elsewhere if at all.
    """
    if m.entry.type not in _REJECTABLE_TYPES or getattr(m, "light_verb", None) is not None:
        return False
    for x in matches:
        if x.entry.type != "REJECT" or x.start < m.end or sent_start + x.end > c_end:
            continue
        between = [t for t in toks if t_end <= t.start and t.end <= sent_start + x.start]
        if len(between) <= g.content_gap and not any(_is_verb(t.text, g) for t in between):
            return True
    return False


# A light verb in one of these forms is a verbal noun (নিষিদ্ধ করা), not a
# finite verb: the act is named, not told.
_VERBAL_NOUN = ("া", "ানো", "ওয়া")


def _listed_content(m: Any, matches: list[Any], toks: list[Token], t_end: int, sent_start: int, g: Grammar) -> bool:
    """Whether trigger ``m`` is listed (X ও Y-এর ...) with the genitive content of a later request or threat.

    "সরকারের পদত্যাগ ও নতুন সংসদ বাতিলের দাবি জানান": the resignation is
    demanded, like the dissolution.  Only a named act: one told with a
    finite verb ("হামলা চালায় ও নিষেধাজ্ঞার হুমকি দেয়") happened.
    """
    if m.entry.type in _CONTENT_HEAD_TYPES:
        return False
    asked = {sent_start + x.start for x in matches
             if x.start >= m.end and x.entry.type in _CONTENT_HEAD_TYPES and not getattr(x.entry, "carried_out", False)}
    lv = getattr(m, "light_verb", None)
    if not asked or (lv is not None and not lv.text.endswith(_VERBAL_NOUN)):
        return False
    end = sent_start + lv.end if lv is not None else t_end
    after = [t for t in toks if t.start >= end][:g.list_window]
    if not after or after[0].text not in g.list_joiners:
        return False
    for k, t in enumerate(after[1:], 1):
        if t.text.endswith(_GENITIVE) or t.text.endswith(g.list_ends):
            # the request may follow a count ("পাঁচ দফা দাবি"), or begin at the genitive ("নির্বাচনের দাবি")
            if any(u.start in asked for u in after[k:k + g.content_gap + 1]):
                return True
    return False


def _passive_after(toks: list[Token], t_end: int, c_end: int, g: Grammar) -> bool:
    """Whether the clause after a trigger is told in the passive: a verbal noun
    (করা, পাঠানো, দেওয়া) and then an auxiliary (হয়েছে, হয়, হবে) of status.auxiliaries."""
    rest = [t.text for t in toks if t_end <= t.start and t.end <= c_end]
    return any(a.endswith(_VERBAL_NOUN) and b in g.status.auxiliaries for a, b in zip(rest, rest[1:]))


def _demanded(m: Any, toks: list[Token], t_end: int, sent_start: int, g: Grammar) -> bool:
    """Whether trigger ``m`` names what a protest demands (grammar ``not_events.demand_frames``).

    "নেতার মুক্তির দাবিতে মিছিল", "খুনিদের গ্রেপ্তার ও বিচারের দাবিতে
    অবস্থান": the act right before the frame, or listed (ও, এবং, a comma) with
    what stands right before it, is wanted, not told.  "হত্যার বিচারের দাবিতে"
    keeps the killing: it is not in the list, the trial it qualifies is.
    """
    if not g.demand_frames:
        return False
    lv = getattr(m, "light_verb", None)
    end = sent_start + lv.end if lv is not None and lv.text.endswith(_VERBAL_NOUN + _GENITIVE) else t_end
    after = [t for t in toks if t.start >= end][:g.list_window + 1]
    if not after:
        return False
    if after[0].text in g.demand_frames:
        return True
    if after[0].text not in g.list_joiners:
        return False
    for t in after[1:]:
        if t.text in g.demand_frames:
            return True
        if _is_verb(t.text, g) or (not _WORDY.search(t.text) and t.text not in g.list_joiners):
            return False
    return False


# Types whose act, told first and closed by its verb and a comma, is followed
# by what it says: "X হুমকি দিয়েছে, ... হত্যা করবে".
_TOLD_AFTER_TYPES = frozenset({"THREATEN"})


def _threatened_after(m: Any, matches: list[Any], toks: list[Token], sent_start: int, g: Grammar) -> bool:
    """Whether trigger ``m`` stands in the content of a threat told before it in its sentence.

    "কাসেম ব্রিগেড হুমকি দিয়েছে, ... বোমাবর্ষণের জবাবে ... হত্যা করবে",
    "X হুঁশিয়ারি দিয়েছেন, সহিংসতায় জড়িত কাউকে ছাড় দেওয়া হবে না": the
    threat is the event; what it threatens has not happened.  A condition
    it sets (X করা হলে) is kept, as a possibility.  A warning (সতর্ক
    করেছেন, ...) is left alone: a forecast's content is told as a
    possibility (see _not_an_event).
    """
    rest = [t.text for t in toks if t.start >= sent_start + m.end]
    cut = next((i for i, w in enumerate(rest) if w in g.clause_breaks), len(rest))
    if any(w in g.status.conditional_words for w in rest[:cut]):
        return False  # "... অস্ত্র সরবরাহ করা হলে ...": the threat's condition, told as a possibility
    for x in matches:
        if x.entry.type not in _TOLD_AFTER_TYPES or x.end > m.start:
            continue
        if any(x.text.split()[-1].startswith(w) for w in g.warning_words):
            continue
        between = [t for t in toks if sent_start + x.end <= t.start and t.end <= sent_start + m.start]
        cut = next((i for i, t in enumerate(between) if t.text in g.clause_breaks), None)
        if cut is not None and cut > 0 and not _WORD.search(between[cut].text) and _is_verb(between[cut - 1].text, g):
            return True
    return False


def _signed_after(m: Any, matches: list[Any], toks: list[Token], t_end: int, c_end: int, sent_start: int) -> bool:
    """Whether an agreement noun is followed closely, in its clause, by a signing (a SUPPORT trigger)."""
    after = [t for t in toks if t.start >= t_end and t.end <= c_end][:3]
    starts = {t.start for t in after}
    return any(x.entry.type == "SUPPORT" and sent_start + x.start in starts for x in matches)


def _to_other_country(actors: list[Participant], recipients: list[Participant]) -> bool:
    """Whether a recipient (or the place sent to: "রাশিয়ার কুরস্ক অঞ্চলে") is a country,
    or lies in one, other than a doer's own.

    "Any doer": "তারা ... সেনা পাঠিয়েছে" read as Moscow and Pyongyang sends
    troops abroad for the one whose country it is not.
    """
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()

    def country(p: Participant) -> str | None:
        a = d.get(p.actor_id) if p.actor_id else None
        # The alpha-2 code for both (a country's own, a place's parent): comparable.
        return a.country if a is not None else None

    own = {country(a) for a in actors} - {None}
    for r in recipients:
        c = country(r)
        if c is not None and (not own or own - {c}) and r.type in ("country", "place", "organisation"):
            return True
    return False


def _is_passive(toks: list[Token], t_start: int, t_end: int, c_end: int, g: Grammar) -> bool:
    """"গ্রেপ্তার করা হয়েছে", "ফেরত পাঠানো হবে", "বন্ধ করে দেওয়া হয়েছে": the unmarked noun is the
    one acted on (grammar.yaml ``passive``)."""
    pv = g.passive
    after = [t.text for t in toks if t.start >= t_end and t.end <= c_end][:3]
    if len(after) >= 2 and after[0] in pv.light_verbal_nouns and after[1].startswith("হ"):
        return True
    aux = g.status.auxiliaries
    if len(after) >= 2 and pv.verbal_noun(after[0]) and after[1] in aux:
        return True  # "ইউক্রেনে ত্রাণ পাঠানো হবে"
    if len(after) >= 3 and after[0] in pv.conjunctives and after[1] in pv.light_verbal_nouns and after[2] in aux:
        return True
    own = [t.text for t in toks if t.start >= t_start and t.end <= t_end]
    return bool(own and after) and pv.verbal_noun(own[-1]) and after[0] in aux


def _received(toks: list[Token], t_end: int, c_end: int) -> bool:
    """"মুক্তি পেয়েছেন", "সহায়তা পায়": a verb of getting (arguments.yaml ``received``) right after
    the trigger: whoever gets the act is the one it is done to."""
    after = [t.text for t in toks if t.start >= t_end and t.end <= c_end][:1]
    own = [t.text for t in toks if t.end == t_end]  # the trigger's own verb: "ছাড়া পেয়েছেন"
    return bool(after) and after[0] in _cues().received or bool(own) and own[0] in _cues().received


def _undergone(toks: list[Token], t_end: int, c_end: int, etype: str, g: Grammar) -> bool:
    """"গ্রেপ্তার হন", "আটক হয়েছিলেন": a verb of being right after the trigger of an act done to a
    person (``undergone_types``), or a noun of suffering it joined to the trigger ("আটক ও কারাবরণ
    করেন")."""
    after = [t.text for t in toks if t.start >= t_end and t.end <= c_end][:3]
    cues = _cues()
    if etype not in cues.undergone_types or not after:
        return False
    # "আটক হন"; "আটক ও কারাবরণ করেন": joined to a noun of suffering it, told with a light verb
    return after[0] in cues.be or len(after) == 3 and after[0] in ("ও", "এবং") and after[1] in cues.undergone_nouns \
        and _is_verb(after[2], g)


def _without(ps: list[Participant], others: list[Participant]) -> list[Participant]:
    """``ps`` less any participant of ``others``."""
    keys = {o.key for o in others}
    return [p for p in ps if p.key not in keys]


def _own_body_left(toks: list[Token], roles: list[_Role], t_start: int) -> list[Participant]:
    """The body a member leaves when the clause says he leaves his own ("দল থেকে", arguments.yaml
    ``own_body_nouns``) and his title names it: "দলটির নেতা তাসনিম জারা দল থেকে পদত্যাগ করে"."""
    for r in roles:
        if r.relation != "doer" or r.owner is None or r.mention.end > t_start:
            continue
        words = [t.text for t in toks if r.mention.end <= t.start and t.end <= t_start]
        if any(a in _cues().own_body_nouns and b in ("থেকে", "হতে") for a, b in zip(words, words[1:])):
            return [_party(r.owner)]
    return []


def _demanded_owner(toks: list[Token], roles: list[_Role], t_start: int, g: Grammar) -> list[Participant]:
    """The owner whose resignation, arrest or trial (arguments.yaml ``demanded_against``) a protest
    demands, told before the trigger: "রাষ্ট্রপতির পদত্যাগের দাবিতে বিক্ষোভ" -> the president."""
    return _owner_of_demanded(toks, roles, t_start, lambda rest: bool(rest) and rest[0] in g.demand_frames)


def _demanded_of(toks: list[Token], roles: list[_Role], t_start: int, g: Grammar) -> list[Participant]:
    """The owner whose resignation, arrest or trial a demand names right before the trigger, alone
    or first in a list of demands joined by ও ("সরকারের পদত্যাগ ও নতুন সংসদ বাতিলের দাবি জানান" ->
    the government)."""
    return _owner_of_demanded(toks, roles, t_start, lambda rest: not rest or rest[0] in ("ও", "এবং")
                              and len(rest) <= 4 and not any(_is_verb(w, g) for w in rest))


def _owner_of_demanded(toks: list[Token], roles: list[_Role], t_start: int, tail_fits: Callable[[list[str]], bool]
                       ) -> list[Participant]:
    """The first genitive before the trigger followed by a demanded act (``demanded_against``) whose
    words after it up to the trigger ``tail_fits``."""
    for r in roles:
        if r.relation != "genitive" or r.mention.end > t_start:
            continue
        after = [t.text for t in toks if r.mention.end <= t.start and t.end <= t_start]
        if after and any(after[0].startswith(n) for n in _cues().demanded_against) and tail_fits(after[1:]):
            return [_party(r.mention)]
    return []


def _listed_before(body: str, roles: list[_Role], parties: list[ActorMention], c_start: int
                   ) -> tuple[Participant, str] | None:
    """The name a comma lists with the clause's first name, and the role they share: the clause
    opens with a name before the trigger, and the sentence before the clause ends in a bare name
    and a comma (no verb, no case ending between)."""
    first = min((r for r in roles if r.before_trigger), key=lambda r: r.mention.start, default=None)
    if first is None or not (first.relation == "doer" or first.shared):
        return None
    prev = [m for m in parties if m.end <= c_start and m.type in _ACTOR_TYPES]
    gap = body[prev[-1].end:first.mention.start].strip() if prev else ""
    # a title of one or two words may open the second name ("X, দলের আহবায়ক Y")
    if not gap.startswith(",") or len(gap[1:].split()) > 2 or c_start < prev[-1].end \
            or body[c_start:first.mention.start].strip(" ,") and not gap[1:].strip():
        return None
    m = prev[-1]
    if _ending(m):
        return None  # "ভারতের, ..." -- a marked name is no member of a bare list
    return _participant(m), ("doer" if first.relation == "doer" else first.relation)


def _without_opinion(words: list[str]) -> list[str]:
    """The words without a pronoun that an opinion marker follows ("তার মতে": in his view)."""
    marks = _cues().opinion_markers
    return [w for w, nxt in zip(words, words[1:] + [""]) if nxt not in marks]


def _speaker_object(toks: list[Token], c_start: int, c_end: int, t_start: int, t_end: int, g: Grammar) -> bool:
    """Whether the clause holds a first-person pronoun in an object case (arguments.yaml
    ``speaker_objects``: আমাদেরকে), or a first-person genitive before a postposition (আমাদের সঙ্গে)."""
    words = [t.text for t in toks if c_start <= t.start and t.end <= c_end and not t_start <= t.start < t_end]
    cues = _cues()
    return any(w in cues.speaker_objects or w in cues.speaker_owners and nxt in g.postpositions
               for w, nxt in zip(words, words[1:] + [""]))


def _patient_noun(toks: list[Token], t_start: int, t_end: int) -> bool:
    """Whether the trigger's first word is a noun of something done to a person (arguments.yaml)."""
    first = next((t.text for t in toks if t_start <= t.start < t_end), None)
    return first is not None and any(_same_noun(normalize(first), w) for w in _cues().patient_nouns)


def _anaphoric(toks: list[Token], t_start: int, g: Grammar) -> bool:
    before = [t.text for t in toks if t.end <= t_start][-3:]
    pairs = {f"{a} {b}" for a, b in zip(before, before[1:])}
    return any(w in g.anaphora for w in before) or bool(pairs & g.anaphora)


def _ending(m: ActorMention) -> str:
    """What the mention's text adds after the name (its case ending), as far as we can tell."""
    base = m.name_bn or ""
    t = normalize(m.text)
    if base and t.startswith(base):
        return t[len(base):]
    return t


def _ends_with_any(word: str, endings: tuple[str, ...]) -> bool:
    return word.endswith(endings if isinstance(endings, tuple) else tuple(endings))


def _groups(mentions: list[ActorMention], text_of: Any, trigger: tuple[int, int] = (0, 0),
            g: Grammar | None = None) -> list[list[ActorMention]]:
    """Consecutive mentions of one actor ("মার্কিন পররাষ্ট্রমন্ত্রী মার্কো রুবিও") are one participant;
    so is a person with the genitive of his own country or body and a title between
    ("উত্তর কোরিয়ার নেতা কিম জং উন": Kim, not North Korea too), or of a kinsman ("কিম জং উনের বোন
    কিম ইয়ো জং": arguments.yaml ``kin_nouns``), and a body with the genitive of
    the body it is a branch of ("হামাসের সশস্ত্র শাখা কাসেম ব্রিগেড": the brigades)."""
    groups: list[list[ActorMention]] = []
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            between = text_of(last.end, m.start).strip()
            if m.actor_id and last.actor_id == m.actor_id and not between:
                groups[-1].append(m)
                continue
            if (m.type == "person" or m.type == "organisation" and last.type == "organisation") \
                    and len(groups[-1]) == 1 and not last.end <= trigger[0] < m.start \
                    and _own_title(last, m, between, g):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


# The most words a title between a body's genitive and its person may have ("নেতা", "সশস্ত্র শাখার প্রধান",
# "স্থায়ী কমিটির সদস্য", "সিনিয়র যুগ্ম মহাসচিব").
_TITLE_WORDS = 3


def _condemned(toks: list[Token], t_end: int, g: Grammar) -> bool:
    """Whether the trigger, in the genitive, is what the noun right after it judges ("হামলার
    নিন্দা", "হত্যাকাণ্ডের প্রতিবাদ": arguments.yaml ``judging_nouns``)."""
    own = [t for t in toks if t.end == t_end]
    nxt = [t for t in toks if t.start >= t_end][:1]
    return bool(own and nxt) and _ends_with_any(own[0].text, g.genitive_endings) \
        and any(nxt[0].text.startswith(n) for n in _cues().judging_nouns)


def _own_title(owner: ActorMention, person: ActorMention, between: str, g: Grammar | None) -> bool:
    """Whether ``owner`` (a country or body in the genitive, or bare before a role phrase) names whose
    ``person`` (or branch) is, a short title between."""
    from ..actors.dictionary import load_dictionary

    words = normalize(between).split()
    if owner.type == "person" and person.type == "person" and len(words) == 1 \
            and _ends_with_any(normalize(owner.text).split()[-1], _GENITIVE) and words[0] in _cues().kin_nouns:
        return True  # "কিম জং উনের বোন কিম ইয়ো জং": whose sister she is only says who she is
    if owner.type not in ("country", "organisation") or not owner.actor_id or not person.actor_id:
        return False
    joins = {"ও", "এবং", "আর"} | (set(g.postpositions) | set(g.clause_breaks) if g is not None else set())
    if not words or len(words) > _TITLE_WORDS or any(not _WORD.search(w) or w in joins for w in words):
        return False  # nothing, a comma, a conjunction or a postposition between: two participants
    d = load_dictionary()
    if not _ends_with_any(normalize(owner.text).split()[-1], ("ের", "র")) and not d.roles_for_phrase(" ".join(words)):
        return False  # a bare body before a title ("বিএনপি মহাসচিব মির্জা ফখরুল") is his too
    if person.type == "organisation" and _member_noun(words[0]) is not None:
        return False  # "বিএনপির নেতারা আওয়ামী লীগের সাথে": the members of one body, then another body
    a, p = d.get(owner.actor_id), d.get(person.actor_id)
    if a is None or p is None:
        return False
    # his country's or body's ("উত্তর কোরিয়ার নেতা কিম"), or the body he holds an office of
    # ("জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস": a Portuguese heading the United Nations)
    return bool(p.country) and p.country == a.country or any(r.of == a.id for r in p.roles)


def _roles(toks: list[Token], mentions: list[ActorMention], t_start: int, t_end: int, c_start: int, c_end: int,
           g: Grammar, body: str, visit: bool, times: tuple[tuple[int, int], ...] = (),
           trigger_from: int | None = None) -> list[_Role]:
    # trigger_from: where a split trigger starts when t_start is its part after the gap; its first
    # part ("ফোনে") is no noun a name before it could modify.
    out: list[_Role] = []
    seen: set[str] = set()
    starts = {m.start for m in mentions}
    # "... হামলা চালায় বলে জানিয়েছে রয়টার্স": names after the saying are sources.
    for t in toks:
        if t.start >= t_end and t.end <= c_end and (t.text in g.complementizers or t.text in g.speech_verbs):
            if t.text in g.speech_verbs and not [x for x in toks if t_end <= x.start and x.end <= t.start]:
                # "নিন্দা জানিয়েছেন গুতেরেস": the verb of saying right after the trigger is its own
                # light verb, and the name after it is its subject.
                break
            c_end = t.start
            break
    inside = [m for m in mentions if c_start <= m.start and m.end <= c_end and m.type in _ACTOR_TYPES
              and not (t_start <= m.start < t_end)]
    covered = [(m.start, m.end) for m in inside]
    first_of: dict[int, int] = {}
    prev_end: int | None = None
    for grp in _groups(inside, lambda a, b: body[a:b], (t_start, t_end), g):
        m = grp[-1]
        # (a short form in brackets between is the name's own: "পরিবেশ বাঁচাও আন্দোলন (পবা) ও ...")
        coordinated = prev_end is not None and _BRACKETED.sub("", body[prev_end:grp[0].start]).strip(" ,)") in (
            "", "ও", "এবং", "আর", "-", "–")
        prev_end = m.end
        against = _against_compound(body, m, starts, trigger_from if trigger_from is not None else t_start)
        if _in_compound(body, m, starts) and not against:
            continue  # "হামাস-নিয়ন্ত্রিত গাজা": the name only says whose the place is
        if any(_pair_modifier(body, x, mentions, t_start, g) for x in grp):
            continue  # "মার্কিন-রাশিয়া শীর্ষ বৈঠকের আগে ... অঙ্গীকার": the pair names another noun's sides
        gap = [t for t in toks if m.end <= t.start and t.end <= t_start
               and not any(a <= t.start < b for a, b in covered)]
        ahead = [t for t in toks if t.start >= m.end and t.end <= c_end][:5]
        nxt = ahead[:2]
        following = nxt[0].text if nxt else ""
        two = f"{following} {nxt[1].text}" if len(nxt) > 1 else following
        word = normalize(m.text).split()[-1]
        base = normalize(m.name_bn or "\0") if m.how not in GOVERNMENT_HOWS else stand_in_base(
            word, g.stand_in_heads)  # "সরকারের": the head noun's ending, not the country's name's
        inflected = not word.endswith(base.split()[-1]) if base.strip() else True
        if inflected and m.how == "abbreviation":
            # "বিএনপি" is bare though the full name ends otherwise: its short form is its base.
            inflected = word not in _abbreviations(m.actor_id)
        elif inflected and m.how == "exact":
            # "মিশর" matched a dictionary form as written (the name is "মিসর"): bare, though it ends in র
            inflected = False
        elif inflected and bare_unlisted_name(m, ahead, starts, g.accusative_endings):
            inflected = False  # "কিসিঞ্জার পাকিস্তানকে": an unlisted name whose র is its own
        before = m.end <= t_start
        adjacent = before and not [t for t in toks if m.end <= t.start and t.end <= t_start]
        named = _named_case(ahead, g)
        included = _inclusive_case(word, ahead, t_start, starts, g)
        if against:
            rel = "against"
        elif named is not None:
            rel = named
        elif included is not None:
            rel = included
        elif m.type == "place" and following in _cues().near_words and not _is_capital(m):
            # "নিয়ন্ত্রণরেখার কাছে আকাশযুদ্ধ": near a place is where, not whom (a capital stands for
            # its state: "মস্কোর কাছে ... বিক্রি" is to Russia)
            rel = "locative"
        elif two in g.postpositions:
            rel = g.postpositions[two]
        elif following in g.postpositions:
            rel = g.postpositions[following]
        elif _ends_with_any(word, g.accusative_endings) and inflected and (m.type != "place" or _is_capital(m) and any(
                word == base.split()[-1] + e for e in g.accusative_endings)):
            # (a capital in the accusative is its state: "পিয়ংইয়ংকে রাজি করার চেষ্টা"; its own ending
            # only: দামেস্কে is দামেস্ক + ে, in Damascus)
            rel = "against"
        elif not inflected and m.type in ("country", "organisation") and nxt and nxt[0].start not in starts \
                and nxt[0].end <= c_end and any(following.startswith(h) for h in g.stand_in_heads):
            # "মিয়ানমার সরকারের বিরুদ্ধে": the head noun standing for the actor
            # (its government, authorities) carries the case or the postposition.
            # Only what follows the head noun is its ending ("সরকার" ends in র but is bare).
            head_ending = following[max(len(h) for h in g.stand_in_heads if following.startswith(h)):]
            if len(nxt) > 1 and nxt[1].text in g.postpositions:
                rel = g.postpositions[nxt[1].text]
            elif head_ending and _ends_with_any(head_ending, g.accusative_endings):
                rel = "against"
            elif head_ending and _ends_with_any(head_ending, g.genitive_endings):
                rel = "genitive"
            else:
                rel = "doer"
        elif m.type in ("organisation", "country") and (members := _counted(ahead, inflected and not any(
                c_start <= t.start and t.end <= m.start and t.text.endswith(g.inclusive_suffixes) for t in toks))) \
                and members[0].start not in starts and members[0].end <= c_end \
                and _member_noun(members[0].text) is not None and (
                    inflected and _ends_with_any(word, g.genitive_endings)
                    or not inflected and members[0].text != _member_noun(members[0].text)
                    and not (len(members) > 1 and members[1].start in starts)):
            # "হামাসের যোদ্ধারা হামলা চালায়": the body acts through its members, and the
            # member noun carries the case ("যোদ্ধাদের ওপর" against, bare: the doer).  So also a
            # bare name before an inflected member noun ("আওয়ামী লীগ ও বিএনপি সমর্থকদের মধ্যে
            # সংঘর্ষ"); a bare member noun before a name is a title ("বিএনপি নেতা মির্জা ফখরুল").
            # A count may stand between ("বিএনপির ২০০ নেতাকর্মীকে গ্রেপ্তার"), unless a name is
            # counted in the group ("মির্জা ফখরুলসহ বিএনপির পাঁচ নেতাকে": he is the one told).
            following = members[0].text
            ending = following[len(_member_noun(following) or ""):]
            if len(members) > 1 and members[1].text in g.postpositions:
                rel = g.postpositions[members[1].text]
            elif ending and _ends_with_any(ending, g.accusative_endings):
                rel = "against"
            elif ending and _ends_with_any(ending, g.genitive_endings) and ending not in ("রা", "েরা"):
                rel = "genitive"
            else:
                rel = "doer"
        elif m.how == "demonym" and len(nxt) > 1 and nxt[1].text in g.postpositions:
            # "বাংলাদেশি পণ্যের ওপর শুল্ক": the demonym's noun carries the postposition.
            rel = g.postpositions[nxt[1].text]
        elif m.how == "demonym" and nxt and nxt[0].start not in starts and nxt[0].end <= c_end \
                and any(following.endswith(e) and len(following) > len(e) + 1 for e in g.accusative_endings):
            # "রুশ বাহিনীকে ... সরবরাহ করছে": the demonym's noun carries the accusative.
            rel = "against"
        elif m.how == "demonym" and not before and nxt and nxt[0].end <= c_end and following in g.stand_in_heads \
                and not _ends_with_any(following, ("দের", "কে")) and len(ahead) == 1:
            # "... গোলাবর্ষণ চালিয়েছে রুশ বাহিনী": a demonym and a bare force or government noun
            # closing the clause after the verb is its subject, told last.
            rel = "doer"
        elif m.how == "demonym" and len(nxt) > 1 and any(x.start == nxt[1].start and x.type == "place" for x in mentions) \
                and any(following.startswith(h) for h in _cues().place_heads):
            continue  # "সৌদি নগরী জেদ্দায়": the demonym only says whose the named place is
        elif m.how == "demonym":
            rel = "demonym"
        elif _ends_with_any(word, g.genitive_endings) and inflected and m.type != "place" \
                and _owned_postposition(toks, m.end, t_start, t_end, c_end, starts, g) is not None:
            # "রাশিয়ার বড় চারটি ব্যাংকের ওপর নিষেধাজ্ঞা": sanctions on Russia's banks fall on
            # Russia; the owned noun carries the postposition.
            rel = _owned_postposition(toks, m.end, t_start, t_end, c_end, starts, g) or "genitive"
        elif _ends_with_any(word, g.genitive_endings) and inflected and m.type in ("country", "place") \
                and _owned_place(toks, m.end, t_start, starts, g):
            # "সিরিয়ার সীমান্ত এলাকায় বিমান হামলা চালিয়েছে তুরস্ক": a country's genitive before a
            # noun in the locative says where (in Syria's border area), not whose the act is.
            rel = "locative"
        elif _ends_with_any(word, g.genitive_endings) and inflected and m.type in ("country", "place") \
                and len(nxt) > 1 and nxt[0].start in starts and _named_site(nxt[1].text, g):
            rel = "locative"  # "নয়াদিল্লির হায়দরাবাদ হাউসে": the building named after a place is in Delhi
        elif _ends_with_any(word, g.genitive_endings) and inflected:
            rel = "genitive"
        elif m.type in ("place", "country") and _ends_with_any(word, g.locative_endings) and inflected:
            rel = "locative"
        elif m.type == "organisation" and inflected and _ends_with_any(word, g.locative_endings) \
                and not _ends_with_any(word, g.genitive_endings):
            # "হোয়াইট হাউসে আসার আমন্ত্রণ", "জাতিসংঘে ভাষণ": a body in the locative is where, not who
            rel = "setting"
        elif m.type in ("place", "country") and not inflected and nxt and nxt[0].start not in starts \
                and _named_site(following, g):
            continue  # "নয়াদিল্লির হায়দরাবাদ হাউসে": the place only names the building
        elif m.type in ("place", "country") and not inflected and nxt and nxt[0].start not in starts \
                and _place_head(following, nxt[1].text if len(nxt) > 1 else "", g):
            # "চট্টগ্রাম নগরে মিছিল": a bare place before a noun of place in the locative names
            # where ("in Chattogram city")
            rel = "locative"
        elif visit and adjacent and m.type in ("place", "country"):
            # "উত্তর কোরিয়া সফর": the unmarked place before a visit is where to.
            rel = "to"
        elif nxt and nxt[0].start not in starts and nxt[0].end <= t_start and not g.is_adverb(following) \
                and following not in _cues().quantities \
                and not (len(nxt) > 1 and nxt[1].text == following) \
                and not (trigger_from is not None and trigger_from <= nxt[0].start) \
                and not any(a <= nxt[0].start < b for a, b in times) \
                and any(following.endswith(e) and len(following) > len(e) + 1 for e in _MODIFIED_ENDINGS) \
                and not _is_verb(following, g) \
                and following not in g.postpositions \
                and following not in _cues().oblique_pronouns \
                and not _headed_phrase(m, g):
            # "আসিয়ান দেশগুলোর ...": a name used as a modifier of the next noun
            # (a pronoun has no modifier: "ইউনূস আমাদেরকে ফোন করেন" -- Yunus is the subject;
            # nor has a phrase with a genitive and a head of its own: "মিয়ানমারের সামরিক জান্তা
            # বন্দীদের জন্য ..." -- the junta is the subject).
            continue
        else:
            rel = "doer"
        key = f"{m.actor_id or m.text}|{rel}"
        if key in seen:
            continue
        seen.add(key)
        # "ইউক্রেনের খারকিভে": a name right before another modifies it; a person does not
        # ("পুতিনের পিয়ংইয়ং সফর" is Putin's visit to Pyongyang).
        modifies = bool(nxt) and nxt[0].start in starts and m.type != "person"
        if coordinated and rel == "genitive" and out and out[-1].relation != "genitive" \
                and not body[out[-1].mention.end:grp[0].start].strip():
            # "বেইজিং মার্কিন প্রেসিডেন্টের সমালোচনা করেছে": a genitive right after the subject,
            # with nothing between, starts the object's phrase; it is not listed with the subject.
            coordinated = False
        owner = grp[0] if len(grp) > 1 and grp[0].type == "organisation" and grp[0].actor_id != m.actor_id else None
        out.append(_Role(m, rel, before, adjacent, before and len(gap) <= 1, coordinated, modifies, owner=owner))
        first_of[id(out[-1])] = grp[0].start
    return _shared_case(out, first_of, body)


def _gapped_pairs(roles: list[_Role], head: Callable[[], list[_Role]], toks: list[Token], s_start: int,
                  c_start: int, g: Grammar) -> list[tuple[list[Participant], list[Participant]]]:
    """The subject-object pairs of a gapped sentence, one verb for both ("মিশর সুদানের সেনাবাহিনীকে
    এবং সংযুক্ত আরব আমিরাত আরএসএফকে সমর্থন দিচ্ছে": Egypt backs the army, the Emirates the RSF),
    or none.  ``roles``: the trigger's clause, a bare name and an object (-কে) before the trigger;
    ``head``: the roles of the clause before it (``s_start`` to ``c_start``; read only when the rest
    holds), joined by ও / এবং / a comma, with the same two and no verb of its own."""
    def pair(rs: list[_Role]) -> tuple[list[Participant], list[Participant]] | None:
        rs = sorted((r for r in rs if r.before_trigger and r.mention.type != "place"), key=lambda r: r.mention.start)
        if [r.relation for r in rs] != ["doer", "against"]:
            return None
        return [_party(rs[0].mention)], [_party(rs[1].mention)]

    second = pair(roles)
    if second is None:
        return []
    words = [t.text for t in toks if s_start <= t.start and t.end <= c_start]
    if not words or words[-1] not in ("ও", "এবং", ",") or any(_is_verb(w, g) for w in words):
        return []
    first = pair(head())
    return [first, second] if first is not None else []


def _without_subordinate_subjects(roles: list[_Role], toks: list[Token], t_start: int, g: Grammar) -> list[_Role]:
    """Drop the subject of a subordinate clause told before the trigger's own subject: "পেলোসি
    তাইপেতে নামার পরপরই চীনের পররাষ্ট্র মন্ত্রণালয় ... নিন্দা জানায়" (Pelosi landed; the ministry
    condemned).  A bare name, then a subordinator (grammar.yaml ``subordinators``,
    ``subordinate_ends``), then another bare name, all before the trigger: the first is the
    subordinate clause's."""
    doers = [r for r in roles if r.relation == "doer" and r.before_trigger and r.mention.type != "place"]
    if len(doers) < 2:
        return roles
    dropped: set[int] = set()
    for a, b in zip(doers, doers[1:]):
        if any(a.mention.end <= t.start and t.end <= b.mention.start
               and (t.text in g.subordinators or t.text in g.subordinate_ends) for t in toks):
            dropped.add(id(a))
    return [r for r in roles if id(r) not in dropped]


def _headed_phrase(m: ActorMention, g: Grammar) -> bool:
    """Whether a name is a noun phrase with a genitive and a head of its own ("মিয়ানমারের সামরিক
    জান্তা", "দক্ষিণ কোরিয়ার জাতীয় নিরাপত্তা পরিষদ"), which Bengali does not put bare before
    another noun to qualify it."""
    words = normalize(m.text).split()
    # Not a person: a given name may end like a genitive (ভ্লাদিমির).
    return m.type in ("organisation", "country") and len(words) >= 2 and _ends_with_any(words[0], g.genitive_endings) \
        and len(words[0]) > 3


# Relations a list shares from its last name: "ভারত ও আফগানিস্তানকে", "মোদি ও হাসিনার প্রতি".
# Not "মধ্যে" (between): "X ও Y-এর মধ্যে" names both sides whatever X's case, and a bare X
# there was as often the subject in the development set (round 4).
_SHARED_CASES = ("against", "to", "with", "locative")


def _named_case(nxt: list[Token], g: Grammar) -> str | None:
    """The case of the noun a name is "named" for: "X নামের ওই ব্যক্তিকে গ্রেপ্তার" (X is the one arrested).

    ``nxt``: the (up to five) words after the name in its clause.  After ``নামের``/``নামে``
    (grammar.yaml naming_words) the person noun, within three words, carries the case
    ending or postposition the name itself lacks.
    """
    if not nxt or nxt[0].text not in g.naming_words:
        return None
    for i, t in enumerate(nxt[1:4], start=1):
        following = nxt[i + 1].text if i + 1 < len(nxt) else ""
        if following in g.postpositions:
            return g.postpositions[following]
        if _ends_with_any(t.text, g.accusative_endings) and len(t.text) > 3:
            return "against"
    return None


def _inclusive_case(word: str, ahead: list[Token], t_start: int, starts: set[int], g: Grammar) -> str | None:
    """The case of the group a name is counted in: "মির্জা ফখরুল ইসলাম আলমগীরসহ দলের শীর্ষ নেতাদের
    অনেককে গ্রেপ্তার" (the leaders, Fakhrul among them, are the ones arrested).

    ``word``: the name's last word, ending in a suffix of grammar.yaml ``inclusive_suffixes``
    (or followed by one as a word); ``ahead``: the words after the name in its clause.  The
    group noun before the trigger carries the case: a postposition after it, an accusative
    ending, or -দের right before the trigger ("নেতাদের আটক করে").  The group ends at the next
    name ("নাহিদ ইসলামসহ কয়েকজন নেতা ... জামায়াতকে ইঙ্গিত করে": জামায়াতকে is no part of it).
    None when the group is bare (the name is then a doer, as any bare name).
    """
    sfx = g.inclusive_suffixes
    if ahead and ahead[0].text in sfx:
        ahead = ahead[1:]
    elif not any(word.endswith(x) and len(word) > len(x) + 1 for x in sfx):
        return None
    before: list[Token] = []
    for t in ahead:
        if t.end > t_start or t.start in starts and not _ends_with_any(t.text, g.genitive_endings):
            break  # a name in the genitive ("বিএনপির পাঁচ নেতাকে") only qualifies the group noun
        before.append(t)
    for i, t in enumerate(before):
        following = ahead[i + 1].text if i + 1 < len(ahead) else ""
        if following in g.postpositions:
            return g.postpositions[following]
        if len(t.text) > 3 and (_ends_with_any(t.text, g.accusative_endings)
                                or t.text.endswith(g.inclusive_object_ending) and i + 1 == len(before)):
            return "against"
    return None


def _shared_case(roles: list[_Role], first_of: dict[int, int], body: str) -> list[_Role]:
    """Bengali marks the case of a list once, on its last name ("ভারত ও আফগানিস্তানকে আহ্বান",
    "X, Y ও Z-কে"): a bare name joined to a marked one by ও / এবং (or a comma inside such a list)
    is in that case too, not the subject."""
    listed: set[int] = set()
    for i in range(len(roles) - 2, -1, -1):
        r, n = roles[i], roles[i + 1]
        if r.relation != "doer" or n.relation not in _SHARED_CASES or n.mention.start <= r.mention.start:
            continue
        joint = body[r.mention.end:first_of.get(id(n), n.mention.start)].strip()
        # A comma lists only inside a list closed by ও ("X, Y ও Z-কে"); a title may follow it.
        comma = joint.startswith(",") and len(joint[1:].split()) <= 1
        if joint in ("ও", "এবং") or comma and id(n) in listed:
            r.relation = n.relation
            r.shared = True
            listed.add(id(r))
    return roles


def _owned_place(toks: list[Token], after: int, t_start: int, starts: set[int], g: Grammar) -> bool:
    """Whether a genitive name ending at ``after`` owns a place the act happens in: a noun of place
    (``_place_head``) within its next three words, with no verb between it and the trigger
    ("ইউক্রেনের বিভিন্ন অঞ্চলে ৮৫টি ড্রোন দিয়ে হামলা"), or the one or two words right before the
    trigger are a noun phrase in the locative that is no name ("সিরিয়ার সীমান্ত এলাকায়", "ভারতের
    একটি ঘাঁটিতে")."""
    gap = [t for t in toks if t.start >= after and t.end <= t_start]
    counted = 0
    for i, t in enumerate(gap):
        # Further from the trigger, a noun of place within three words ("রাশিয়া ইউক্রেনের বিভিন্ন
        # অঞ্চলে ৮৫টি ড্রোন ... দিয়ে হামলা চালিয়েছে"; arguments.yaml ``place_heads``).  A count
        # is no word of the phrase ("কাশ্মীরের অন্তত ৯টি স্থানে", cut অন্তত | ৯ | টি | স্থানে).
        if _count_token(gap, i):
            continue
        counted += 1
        if counted > 3 or t.start in starts or not _WORD.search(t.text) or t.text in g.postpositions:
            break
        if _place_head(t.text, gap[i + 1].text if i + 1 < len(gap) else "", g):
            # ... but not inside a clause of its own before the trigger ("যুক্তরাষ্ট্রের মূল
            # ভূখণ্ডে আঘাত হানতে সক্ষম ... ক্ষেপণাস্ত্রের পরীক্ষা", "বাংলাদেশের ভূখণ্ডে গোলা এসে
            # পড়ার ঘটনায় ... প্রতিবাদ"): a verb between says the place is that verb's.
            return not any(_is_verb(x.text, g) and x.text not in _INSTRUMENTAL for x in gap[i + 1:])
    if not 1 <= len(gap) <= 2 or any(t.start in starts or not _WORD.search(t.text) for t in gap):
        return False
    last = gap[-1].text
    return last not in g.postpositions and last not in g.subordinators and not _is_verb(last, g) \
        and any(last.endswith(e) and len(last) > len(e) + 2 for e in g.locative_endings)


def _count_token(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is part of a count: a numeral, the classifier cut off right after one
    ("৯টি" is cut ৯ | টি), or a word of quantity (arguments.yaml ``count_words``: অন্তত, কয়েক)."""
    t = toks[i].text
    if not _WORD.search(t) and _WORDY.search(t) or t in _cues().count_words:
        return True
    return i > 0 and not _WORD.search(toks[i - 1].text) and _WORDY.search(toks[i - 1].text) is not None \
        and t in _CLASSIFIERS


def _hosted(toks: list[Token], t_end: int, g: Grammar) -> bool:
    """Whether the trigger, in the genitive, is the object of a noun of hosting right after it
    (arguments.yaml ``host_nouns``): "এ বৈঠকের উদ্বোধন করেন"."""
    nxt = next((t.text for t in toks if t.start >= t_end), "")
    word = next((t.text for t in reversed(toks) if t.end <= t_end), "")
    return _ends_with_any(word, g.genitive_endings) and any(nxt.startswith(h) for h in _cues().host_nouns)


def _stem_in_locative(word: str, stems: tuple[str, ...], g: Grammar) -> bool:
    """Whether ``word`` is one of ``stems`` with a locative ending ("অঞ্চলে", "হাউসে")."""
    return any(word.startswith(h) and _ends_with_any(word[len(h):], g.locative_endings) for h in stems)


def _named_site(word: str, g: Grammar) -> bool:
    """Whether ``word`` is a building a bare place before it only names (arguments.yaml
    ``named_heads``), in the locative: "হায়দরাবাদ হাউসে"."""
    return _stem_in_locative(word, _cues().named_heads, g)


def _place_head(word: str, nxt: str, g: Grammar) -> bool:
    """Whether ``word`` is a noun of place (arguments.yaml ``place_heads``) in the locative
    ("অঞ্চলে", "নগরে"), or bare before থেকে ("বাসা থেকে", "আশপাশ থেকে": where from is where)."""
    heads = _cues().place_heads
    return _stem_in_locative(word, heads, g) or word in heads and g.postpositions.get(nxt) == "from"


def _site_holder(toks: list[Token], mentions: list[ActorMention], c_start: int, t_start: int,
                 g: Grammar) -> list[Participant]:
    """Who holds the site an attack is told at, as its target: the owner in the genitive of a
    noun in the locative right before the trigger ("জইশের একটি প্রশিক্ষণশিবিরে বিমান হামলা").
    Not a country (its genitive there says where: the place-to-country rule reads it).  Not a name in a compound of holding ("হামাস-নিয়ন্ত্রিত গাজায় হামলা"): that
    only says who runs the place (tests/test_events_args.py)."""
    starts = {m.start for m in mentions}
    for m in sorted((m for m in mentions if c_start <= m.start and m.end <= t_start), key=lambda m: -m.start):
        if m.type in ("person", "organisation") and _ends_with_any(normalize(m.text).split()[-1], g.genitive_endings) \
                and _owned_place(toks, m.end, t_start, starts, g):
            return [_party(m)]
    return []


def _names_a_head(body: str, m: Any, spans: dict[int, int], g: Grammar) -> bool:
    """Whether the name ``m`` stands right before a noun it only names
    (grammar ``not_events.naming_heads``: "জাতীয় সংসদ নির্বাচনে", "সংসদ ভবনে").
    Not when that word opens another name ("জোটটি নির্বাচন কমিশনের কাছে"), nor for a party
    before an election ("বিএনপি নির্বাচন বর্জন করেছে": ``contest_heads``, ``contesting_sectors``).
    ``spans``: start -> end of the sentence's names; "X ও Y মামলায়" names the case by both."""
    end = m.end
    if not g.naming_heads or body[end:end + 1] != " " or end + 1 in spans:
        return False
    nxt = _NEXT_WORD.match(body, end + 1)
    if nxt is not None and normalize(nxt.group()) in g.list_joiners and nxt.end() + 1 in spans \
            and body[nxt.end():nxt.end() + 1] == " ":
        end = spans[nxt.end() + 1]  # the next name in the list: the head must follow it
        if body[end:end + 1] != " " or end + 1 in spans:
            return False
        nxt = _NEXT_WORD.match(body, end + 1)
    if nxt is not None and normalize(nxt.group()) in g.naming_fillers and body[nxt.end():nxt.end() + 1] == " ":
        nxt = _NEXT_WORD.match(body, nxt.end() + 1)  # "X দুর্নীতি মামলায়": the case is named after X
    if nxt is None or normalize(nxt.group()) not in g.naming_heads:
        return False
    if normalize(nxt.group()) in g.contest_heads and g.contesting_sectors:
        from ..actors.dictionary import load_dictionary

        actor = load_dictionary().get(m.actor_id) if getattr(m, "actor_id", None) else None
        return actor is None or actor.sector not in g.contesting_sectors
    return True


def _in_compound(body: str, m: ActorMention, starts: set[int]) -> bool:
    """"হামাস-নিয়ন্ত্রিত", "বিএনপি-নেতৃত্বাধীন": a name joined by a hyphen to a word (not to
    another name: "যুক্তরাষ্ট্র-চীন") modifies the compound and takes no part in the event;
    so does one written apart before a word of ``compound_modifiers`` ("শেখ হাসিনা নেতৃত্বাধীন
    সরকার", "বিএনপি মনোনীত প্রার্থী")."""
    return _compound_word(body, m, starts) is not None


def _compound_word(body: str, m: ActorMention, starts: set[int]) -> tuple[str, int] | None:
    """The word (normalised) and its end that the name ``m`` forms one compound adjective with
    (see :func:`_in_compound`), or None."""
    # (a name written joined to the word, "ভারতবিরোধী", is found by the actor layer as a name of
    # its own with the word straight after it: inflections.yaml joined_modifiers)
    rest = _WORD_RUN.match(body, m.end)
    joined = rest is not None and normalize(rest.group()) in joined_modifiers()
    at = m.end if joined else m.end + 1
    sep = "" if joined else body[m.end:at]
    if at in starts or not (joined or sep in _HYPHENS or sep == " "):
        return None
    w = _WORD_RUN.match(body, at)
    if w is None:
        return None
    word = normalize(w.group())
    if sep == " " and (m.how == "inflected" or not any(
            word.startswith(c) and len(word) - len(c) <= 3 for c in _cues().compound_modifiers)):
        return None  # written apart, only a bare name: "হাসিনার নেতৃত্বাধীন" is an ordinary genitive
    if sep == " " and (_member_noun(word) or word) != word:
        return None  # "বিএনপি সমর্থকদের মধ্যে": a member noun with a plural or case ending heads the phrase
    after = _WORD_RUN.match(body, w.end() + 1) if body[w.end():w.end() + 1] == " " else None
    if sep == " " and after is not None and normalize(after.group()).startswith(_cues().modifier_phrases):
        return None  # "জাতীয় সংসদ বিরোধী দলের দাবি": বিরোধী দল, the opposition, is a phrase of its own
    return word, w.end()


def _against_compound(body: str, m: ActorMention, starts: set[int], t_start: int) -> bool:
    """"শেখ হাসিনা বিরোধী আন্দোলন", "ভারত-বিরোধী বিক্ষোভ": a name in a compound of
    ``against_modifiers`` right before the trigger is what the act is against."""
    cw = _compound_word(body, m, starts)
    return cw is not None and any(cw[0].startswith(c) for c in _cues().against_modifiers) \
        and cw[1] <= t_start and not body[cw[1]:t_start].strip()


def _pair_modifier(body: str, m: ActorMention, mentions: list[ActorMention], t_start: int, g: Grammar) -> bool:
    """Whether ``m`` is one of names joined by hyphens in a time phrase before the trigger
    ("মার্কিন-রাশিয়া শীর্ষ বৈঠকের আগে ... অঙ্গীকার", "ট্রাম্প-পুতিন ঘনিষ্ঠতা বাড়ার পর ... বৈঠক"):
    they are the sides of the happening the phrase names, not of the trigger's."""
    by_start = {x.start: x for x in mentions}
    ends = {x.end for x in mentions}
    chained = m.start > 0 and body[m.start - 1] in _HYPHENS and m.start - 1 in ends
    end = m
    while body[end.end:end.end + 1] in _HYPHENS and end.end + 1 in by_start:
        end = by_start[end.end + 1]
        chained = True
    if not chained or end.end > t_start:
        return False
    words = _NEXT_WORD.findall(body[end.end:t_start])
    for i, w in enumerate(words[:_PAIR_PHRASE_WORDS + 1]):
        w = normalize(w)
        if w in g.subordinators:
            return i > 0  # "X-Y N-এর পর": the phrase ends before the trigger
        if w in g.clause_breaks or w in g.postpositions or _is_verb(w, g) and not _ends_with_any(w, _GENITIVE):
            return False  # (a verbal noun in the genitive, বাড়ার, is the phrase's own, not a clause's verb)
    return False


# The most words of the noun phrase between a hyphen-joined pair and a subordinator (শীর্ষ বৈঠকের আগে).
_PAIR_PHRASE_WORDS = 4
_NEXT_WORD = regex.compile(r"[\p{L}\p{M}]+")


# The most words of an owned noun phrase between a genitive name and a postposition.
_OWNED_WORDS = 3


def _owned_postposition(toks: list[Token], after: int, t_start: int, t_end: int, c_end: int, starts: set[int],
                        g: Grammar) -> str | None:
    """The relation of a postposition closing a genitive noun phrase owned by the name ending at
    ``after`` (a few words, the last genitive, no other name, trigger or break between), else None."""
    nxt = [t for t in toks if t.start >= after and t.end <= c_end]
    for i, t in enumerate(nxt[:_OWNED_WORDS]):
        if t.start in starts or t_start <= t.start < t_end or t.text in g.clause_breaks \
                or t.text in g.postpositions or not _WORD.search(t.text):
            return None
        if _ends_with_any(t.text, ("ের", "র")) and i + 1 < len(nxt):
            one = nxt[i + 1].text
            two = f"{one} {nxt[i + 2].text}" if i + 2 < len(nxt) else one
            rel = g.postpositions.get(two) or g.postpositions.get(one)
            if rel is not None:
                return rel
    return None


# The most words between a name and the topic postposition closing its phrase ("ইরানের পরমাণু কর্মসূচি বিষয়ে").
_TOPIC_WORDS = 3


def _promo_cues() -> Any:
    from ..extract.cues import cues

    return cues()


def _cues() -> Any:
    """The argument cues of arguments.yaml (``ArgumentCues``, loaded once).  Imported on first use,
    not at the top: arguments.py also holds the ranker and brings numpy in with it."""
    from .arguments import load_cues

    return load_cues()


def _topical(toks: list[Token], mentions: list[ActorMention], t_start: int, t_end: int, g: Grammar) -> set[int]:
    """Ids of the mentions that are what the sentence talks about, not who acts: a name in a noun
    phrase closed by a topic postposition ("ইউক্রেন সংকট নিয়ে আলোচনা"; arguments.yaml ``topics``).
    Words between must be plain words (no break, postposition, verb or the trigger); a name joined by
    ও to a topical name is topical too ("রাশিয়া ও ইউক্রেন নিয়ে")."""
    topics = set(_cues().topics)
    if not topics:
        return set()
    by_start = {m.start: m for m in mentions}
    out: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        word = normalize(m.text).split()[-1] if m.text.strip() else ""
        base = normalize(m.name_bn or "").split()
        bare = bool(base) and word.endswith(base[-1])
        if m.type in ("place", "country") and _ends_with_any(word, g.locative_endings) and not bare:
            continue  # "গাজায় নিয়ে যাওয়া": a place in the locative before নিয়ে is where to, not a topic
        nxt = [t for t in toks if t.start >= m.end]
        if nxt and (nxt[0].text in _cues().eras or nxt[0].text in _cues().go_betweens
                    and not t_start <= nxt[0].start < t_end) and not bare and _ends_with_any(word, g.genitive_endings):
            # "রুয়ান্ডার প্রেসিডেন্ট পল কাগামের শাসনে": when, not who (with the title naming him);
            # "সৌদি আরব ও যুক্তরাষ্ট্রের মধ্যস্থতায় ... সই হয়": through whom, not who
            out.add(id(m))
            head = m
            while (prev := next((x for x in mentions if x.end <= head.start and x.actor_id == m.actor_id
                                 and not any(x.end <= t.start and t.end <= head.start for t in toks)), None)) is not None:
                out.add(id(prev))
                head = prev
            continue
        for i, t in enumerate(nxt[:_TOPIC_WORDS + 1]):
            if t.text in topics:
                if i > 0 and bare and not _subject_after(toks, t.end, mentions, g) \
                        and not _subject_before(toks, m, mentions, g):
                    break  # "ভারত ও চীন সীমান্ত নিয়ে আলোচনা করেছে": the bare names are the subject
                out.add(id(m))
                break
            other = by_start.get(t.start)
            if other is not None:
                if id(other) in out and i > 0 and nxt[i - 1].text == "ও":
                    out.add(id(m))
                break
            if t_start <= t.start < t_end or t.text in g.clause_breaks or t.text in g.postpositions \
                    or not _WORD.search(t.text) or _is_verb(t.text, g):
                break
    return out


def _subject_before(toks: list[Token], m: ActorMention, mentions: list[ActorMention], g: Grammar) -> bool:
    """Whether the clause of ``m`` (a bare name opening a topic phrase) already has its subject: an
    unmarked name before it, not joined to it by ও or a comma ("পরিষদ বৈঠকে মিয়ানমার পরিস্থিতি নিয়ে
    আলোচনা করে": the council talks, Myanmar is what about).  A name joined to ``m`` is one list with it."""
    a = max((t.end for t in toks if t.end <= m.start and t.text in g.clause_breaks), default=0)
    joins = {"ও", "এবং", "আর", ","}
    head = m
    for o in sorted((o for o in mentions if a <= o.start and o.end <= m.start), key=lambda o: o.start, reverse=True):
        between = [t.text for t in toks if o.end <= t.start and t.end <= head.start]
        if not between or all(w in joins for w in between):
            head = o  # one list with m: "ভারত ও চীন সীমান্ত নিয়ে"
            continue
        word = normalize(o.text).split()[-1] if o.text.strip() else ""
        base = normalize(o.name_bn or "").split()
        if base and word.endswith(base[-1]) and o.type != "place":
            return True
    return False


def _subject_after(toks: list[Token], a: int, mentions: list[ActorMention], g: Grammar) -> bool:
    """Whether a name or a pronoun follows ``a`` (a topic phrase's end) in its clause."""
    b = next((t.start for t in toks if t.start >= a and t.text in g.clause_breaks), toks[-1].end)
    pronouns = set(g.plural_pronouns) | set(g.singular_pronouns) | set(_cues().first_person)
    between = " ".join(t.text for t in toks if a <= t.start and t.end <= b)
    return any(a <= m.start and m.end <= b for m in mentions) or any(_has_phrase(between, p) for p in pronouns)


@lru_cache(maxsize=4096)
def _abbreviations(actor_id: str | None) -> frozenset[str]:
    """The dictionary's short forms of an actor (normalised), for telling a bare one from an inflected one."""
    from ..actors.dictionary import load_dictionary

    actor = load_dictionary().get(actor_id) if actor_id else None
    return frozenset(normalize(a) for a in actor.abbreviations) if actor is not None else frozenset()


def _counted(ahead: list[Token], genitive: bool) -> list[Token]:
    """The words after a name from its member noun on: after a genitive, past up to two words
    of a count ("বিএনপির ২০০ নেতাকর্মীকে", "হামাসের অন্তত ২০ যোদ্ধা"; arguments.yaml ``count_words``
    or digits)."""
    if not genitive:
        return ahead
    i = 0
    while i < min(2, len(ahead) - 1) and (_DIGIT.search(ahead[i].text) or ahead[i].text in _cues().count_words):
        i += 1
    return ahead[i:]


def _member_noun(word: str) -> str | None:
    """The member-noun stem ``word`` starts with ("যোদ্ধারা" -> "যোদ্ধা"), or None."""
    return next((stem for stem in _cues().members if word.startswith(stem)), None)


def _participant(m: ActorMention) -> Participant:
    return Participant(m.actor_id, m.name_en, m.name_bn, m.text, m.start, m.end, m.type,
                       m.how if m.how in INFERRED_HOWS else None)


def _first_person_subject(toks: list[Token], c_start: int, t_start: int, t_end: int, c_end: int) -> bool:
    """Whether the clause's subject is "আমি" or "আমরা" (arguments.yaml ``first_person``), outside the trigger."""
    first = set(_cues().first_person)
    return any(t.text in first for t in toks
               if c_start <= t.start and t.end <= c_end and not (t_start <= t.start < t_end))


def _source_party(src: EventSource, at: int) -> Participant:
    """The cited source as the doer of a saying, with the dictionary's Bengali name: one actor
    carries one name in every event (the API's actor network reads names off any of them)."""
    from ..actors.dictionary import load_dictionary

    actor = load_dictionary().get(src.actor_id) if src.actor_id else None
    return Participant(src.actor_id, src.name_en, actor.name_bn if actor is not None else None, src.text,
                       src.start or at, src.end or at, "source")


def _is_capital(m: ActorMention) -> bool:
    return m.type == "place" and bool(m.actor_id) and m.actor_id in _cues().capitals


def _party(m: ActorMention) -> Participant:
    """A mention as a party to an event: a capital ("শুল্ক বসায় বেইজিং") is its country's government."""
    if _is_capital(m):
        from ..actors.dictionary import load_dictionary

        d = load_dictionary()
        actor = d.get(m.actor_id) if m.actor_id else None
        code = actor.country if actor is not None else None
        country = d.country(code) if code else None
        if country is not None:
            return Participant(country.id, country.name_en, country.name_bn, m.text, m.start, m.end, "country")
    return _participant(m)


def _add(group: list[Participant], p: Participant) -> None:
    if p.key not in {q.key for q in group}:
        group.append(p)


def _assign(roles: list[_Role], symmetric: bool, passive: bool, got: bool = False
            ) -> tuple[list[Participant], list[Participant], Participant | None]:
    actors: list[Participant] = []
    recipients: list[Participant] = []
    location: Participant | None = None
    places: list[_Role] = []
    doers_seen = last_was_doer = last_doer_added = False
    for r in roles:
        p = _party(r.mention)
        if r.relation == "agent":
            # "X-এর পক্ষ থেকে ... করা হয়": X did it.  After the trigger it belongs
            # to a later verb ("বৈঠকে বাংলাদেশের পক্ষ থেকে বিষয়টি তোলা হবে").
            if r.before_trigger:
                _add(actors, p)
        elif r.relation in ("with", "against", "to", "between"):
            _add(recipients, p)
            if r.relation == "to" and r.adjacent and r.mention.type in ("place", "country") \
                    and not r.mention.text.endswith(("কে", "দের")):
                places.append(r)  # "উত্তর কোরিয়া সফরে যান": where one goes to is where it happens
        elif r.relation == "from" and got and r.mention.type != "place":
            # "ইসরায়েলের কারাগার থেকে ছাড়া পেয়েছেন", "X-এর কাছ থেকে সহায়তা পায়": what one gets
            # comes from whoever does it.
            _add(actors, p)
        elif r.relation == "locative":
            places.append(r)
        elif r.relation == "genitive":
            # রাশিয়ার হামলা, রুবিওর এশিয়া সফর: a genitive (nearly) right before the trigger owns it.
            if r.adjacent or (r.near and r.mention.type != "place" and not r.modifies_mention):
                if not symmetric and not passive and doers_seen and last_was_doer and actors and not r.coordinated:
                    # "বেইজিং মার্কিন প্রেসিডেন্টের সমালোচনা করেছে": after its subject, the
                    # genitive of the act's noun is whom it is done to.
                    _add(recipients, p)
                else:
                    _add(actors, p)
        elif r.relation == "demonym":
            if r.adjacent:
                _add(actors, p)
        elif r.relation == "doer":
            if r.mention.type == "place" and not r.before_trigger and not _is_capital(r.mention):
                continue  # a place after the verb is where; a capital there is who ("... বসায় বেইজিং")
            if passive:
                if r.mention.type != "place" or _is_capital(r.mention):
                    _add(recipients, p)  # a bare place is where ("ময়মনসিংহ-৯ আসনে মনোনয়ন পেয়েছেন")
            elif not doers_seen or (r.coordinated and last_was_doer):
                # The subject is the first unmarked name (with any joined to it by ও / এবং);
                # later unmarked names are objects or asides.  After the verb, a name
                # joined to the subject taken there is the subject too ("সাক্ষাৎ করেন
                # ভারতের হাইকমিশনার ... ও চীনের রাষ্ট্রদূত ...").
                if r.before_trigger or not actors or (r.coordinated and last_doer_added):
                    _add(actors, p)
                    last_doer_added = True
                else:
                    last_doer_added = False
            doers_seen = True
        last_was_doer = r.relation == "doer"
    if places:
        location = _participant(places[-1].mention)
    if not actors:
        # A demonym or genitive further from the trigger is the doer only when nothing else is.
        for r in roles:
            if r.relation in ("demonym",) and r.before_trigger:
                _add(actors, _participant(r.mention))
                break
    if symmetric and len(actors) > 1 and not recipients:
        # "রুবিও ও ল্যাভরভ সাক্ষাৎ করেন": the first named is the actor, the rest are with them.
        recipients = actors[1:]
        actors = actors[:1]
    return actors, recipients, location


def _pronoun_actors(words: list[str], g: Grammar, earlier: list[_Draft], last_people: list[Participant],
                    subject: list[Participant], sent: Sentence, heads: set[str] | None = None,
                    sides: tuple[Participant, ...] = ()) -> list[Participant]:
    """Who a pronoun in the clause stands for: the participants told just before.

    ``heads``: the noun of a demonstrative telling ("এই চুক্তিতে সই করে দুই পক্ষ"); the sides
    are then those of the latest earlier telling built on that noun, when one has two or more.
    ``sides``: the article's two principal sides, which a pair noun names when the telling
    before it is about others (:func:`_principal_sides`)."""
    joined = " ".join(words)
    for phrase, ids in _cues().named_pairs:
        if _has_phrase(joined, phrase):
            return _named_pair(phrase, ids, sent)  # "দুই কোরিয়া": whatever was told before
    for p in _group_phrases(g):
        if _has_phrase(joined, p):
            found: list[Participant] = []
            recent = [d for d in earlier if d.evidence[-1].sentence_end >= sent.start - 400]
            # "দুই নেতা দুই দেশের বাণিজ্য ...": the nominative pair is the subject, the genitive
            # one only a possessive; it names countries only when the subject does (or none is there).
            padded = f" {joined} "
            nominative = [q for q in _group_phrases(g) if f" {q} " in padded and not _ends_with_any(q, _GENITIVE)]
            as_countries = any(q in _cues().country_pairs for q in nominative) if nominative \
                else p in _cues().country_pairs
            pointed = [d for d in earlier if heads and len(d.actors) + len(d.recipients) >= 2
                       and any(_same_noun(w, e.trigger.split()[0]) for w in heads for e in d.evidence)]
            if as_countries:
                # "দুই দেশ": the latest telling whose sides are two countries, not one whose
                # participants are a body and its own official.
                two = [d for d in recent if len({q.key for q in _as_countries(d.actors + d.recipients)}) == 2
                       and all(q.type == "country" for q in _as_countries(d.actors + d.recipients))]
                recent = two or recent
            if pointed:
                recent = pointed[-1:]
            for d in reversed(recent):
                if len(d.actors) + len(d.recipients) >= 2:
                    found = [_copy(q) for q in d.actors + d.recipients]
                    if p.split()[0] in _cues().pair_heads and len(found) > 2:
                        # "দুই দেশ" after "X দুই দেশকে (Y, Z) আহ্বান জানান": the side that is two.
                        side = next((ps for ps in (d.recipients, d.actors) if len(ps) == 2), None)
                        if side is not None:
                            found = [_copy(q) for q in side]
                    if p in _cues().group_pronouns and subject and subject[0].start >= d.evidence[-1].sentence_end:
                        found = [_copy(q) for q in subject]  # "উত্তর কোরিয়া ... মিত্র হয়ে উঠেছে। তারা ..."
                    break
            else:
                found = [_copy(q) for q in subject] or [_copy(q) for q in last_people]
            leaders = any(q in _cues().leader_pairs for q in nominative) if nominative else p in _cues().leader_pairs
            if sides and p.split()[0] in _cues().pair_heads and not leaders \
                    and {q.key for q in _as_countries(found)} != {q.key for q in sides}:
                # "কাতারের মধ্যস্থতায় ... যুদ্ধবিরতিতে রাজি হয় দুই পক্ষ" after a sentence on hostages of a
                # third country: "the two sides" of a report are its two principal parties, not
                # whoever the sentence before happened to name.  (দুই নেতা keeps the told leaders.)
                found = [_copy(q) for q in sides]
            if as_countries:
                # "দুই দেশ": the two sides as countries (a leader stands for the country he leads);
                # not when it is only a possessive beside the subject ("দুই নেতা দুই দেশের বাণিজ্য").
                found = _as_countries(found)
            elif any(q in _cues().side_pairs for q in (nominative or [p])):
                found = _persons_as_sides(found)
            return found
    if any(w in g.singular_pronouns for w in words):
        people = [q for q in subject if q.type == "person"] or last_people[-1:]
        return [_copy(q) for q in people[:1]]
    return []


# The second of an article's principal sides is named at least this often.
_PRINCIPAL_MIN_MENTIONS = 2


@dataclass(frozen=True, slots=True)
class _Principals:
    """Whom an article is mostly about (:func:`_principals`)."""
    sides: tuple[Participant, ...]  # its two principal parties, for a pair noun ("দুই পক্ষ")
    person: Participant | None  # its principal person, for "তার" before a noun done to someone


def _principal_pair(drafts: list[_Draft], principals: _Principals) -> None:
    """A happening between equals told with no party at all ("বৈঠক শেষে ২২টি চুক্তি সই হয়",
    "বিকেল পাঁচটা থেকে যুদ্ধবিরতি কার্যকর হয়েছে") in an article about two countries is
    between those two: they become its sides, flagged inferred (``PRINCIPAL_SIDES``).

    Only countries: in an article about two parties or a party and its government, a meeting
    told bare is as often one side's own (a party forum, a cabinet meeting)."""
    pair = principals.sides
    if len(pair) != 2 or any(p.type != "country" for p in pair):
        return
    for d in drafts:
        if d.symmetric and not d.actors and not d.recipients:
            d.actors = [replace(p, inferred=PRINCIPAL_SIDES) for p in pair]
            d.warnings.append("actors: the text names no party; the article's two principal countries are taken")


def _as_side(p: Participant) -> Participant:
    """A party as the side it fights on: a person or body of a state sector as its country (Kim
    Yo Jong, South Korea's security council), anyone else as itself (Hamas, the Arakan Army, a UN
    secretary-general)."""
    return _as_countries([p])[0] if _is_state(p) else p


def _article_opponent(drafts: list[_Draft]) -> None:
    """A hostile act told with a doer and no target ("কিম ইয়ো জং হুমকি দিয়েছিলেন", "নেতানিয়াহু
    হুঁশিয়ার করে দিয়েছেন") in an article whose acts of conflict set the doer's side against
    exactly one other side is aimed at that side, flagged inferred (``OPPONENT``).

    The sides are read off the article's own one-way acts of conflict (arguments.yaml
    ``opponent_evidence_types``) that name both parties; the acts filled are ``opponent_types``.
    A doer with two or more opponents in the article gets none: which one is meant is not said."""
    cues = _cues()
    against: dict[str, dict[str, Participant]] = {}
    for d in drafts:
        if d.type not in cues.opponent_evidence_types or d.symmetric:
            continue
        for a in d.actors:
            for r in d.recipients:
                sa, sr = _as_side(a), _as_side(r)
                if sa.key != sr.key:
                    against.setdefault(sa.key, {}).setdefault(sr.key, sr)
                    against.setdefault(sr.key, {}).setdefault(sa.key, sa)
    for d in drafts:
        if d.type not in cues.opponent_types or d.symmetric or not d.actors or d.recipients:
            continue
        sides = {_as_side(a).key for a in d.actors}
        others = {k: p for s in sides for k, p in against.get(s, {}).items() if k not in sides}
        if len(others) == 1:
            d.recipients = [replace(next(iter(others.values())), inferred=OPPONENT)]
            d.warnings.append("recipients: the text names no target; the doer's one opponent in the article is taken")


def _principals(mentions: list[ActorMention]) -> _Principals:
    """The article's two most named parties, a person counted as his country (a leader and his
    country are one side), when two stand out: the second named at least
    ``_PRINCIPAL_MIN_MENTIONS`` times and more often than any third; and its most named person,
    when one stands out the same way."""
    return _Principals(_top(mentions, True, 2), next(iter(_top(mentions, False, 1)), None))


def _top(mentions: list[ActorMention], as_sides: bool, n: int) -> tuple[Participant, ...]:
    """The ``n`` most named parties (as sides: every party, a person as his country; else people
    only), when they stand out: the last named at least ``_PRINCIPAL_MIN_MENTIONS`` times and more
    often than the next.  Else none."""
    counts: Counter[str] = Counter()
    first: dict[str, Participant] = {}
    for m in mentions:
        if not m.actor_id or m.type not in (("person", "country", "organisation") if as_sides else ("person",)):
            continue
        q = _as_countries([_party(m)])[0] if as_sides and m.type == "person" else _party(m)
        counts[q.key] += 1
        first.setdefault(q.key, q)
    top = counts.most_common(n + 1)
    if len(top) < n or top[n - 1][1] < _PRINCIPAL_MIN_MENTIONS or len(top) > n and top[n][1] == top[n - 1][1]:
        return ()
    return tuple(first[k] for k, _ in top[:n])


def _same_noun(a: str, b: str) -> bool:
    """Whether two inflected words are one noun ("চুক্তিতে", "চুক্তি"): they share all but a
    case ending of at most two letters of the shorter one."""
    a, b = normalize(a), normalize(b)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 3 and n >= min(len(a), len(b)) - 2 and n >= max(len(a), len(b)) - 3


def _group_phrases(g: Grammar) -> tuple[str, ...]:
    """The words that stand for the sides told before: plural pronouns (তারা), then pair nouns
    (দুই দেশ, উভয় নেতা; arguments.yaml ``country_pairs``)."""
    return (*g.plural_pronouns, *_cues().country_pairs)


def _in_time_phrase(toks: list[Token], mentions: list[ActorMention], t_start: int, g: Grammar) -> set[int]:
    """Ids of the case-marked names (and the bare names joined to them by ও) in a phrase closed by a
    word of time (``time_phrase_ends``: আগে, পর) before the trigger, when a pronoun or a name stands
    between that word and the trigger: "X ও Y-এর মধ্যে বৈঠকের তিন দিন আগে তাদের মধ্যে এই ফোনালাপ".  Without such a new
    subject a name there is as often the whole sentence's ("X-এর সঙ্গে বৈঠকের পর ... সই করেন")."""
    ends = _cues().time_phrase_ends
    subs = [t for t in toks if t.end <= t_start and t.text in ends]
    if not subs:
        return set()
    s = subs[-1]
    tail = [t.text for t in toks if s.end <= t.start and t.end <= t_start]
    phrases = (*_group_phrases(g), *g.singular_pronouns)
    if not any(_has_phrase(" ".join(tail), p) for p in phrases) and not any(
            s.end <= m.start and m.end <= t_start for m in mentions):
        return set()
    lo = next((t.end for t in reversed(toks) if t.end <= s.start and t.text in g.clause_breaks), toks[0].start)
    out: set[int] = set()
    inside = sorted((m for m in mentions if lo <= m.start and m.end <= s.start), key=lambda m: m.start, reverse=True)
    for m in inside:
        word = normalize(m.text).split()[-1] if m.text.strip() else ""
        base = normalize(m.name_bn or "").split()
        bare = bool(base) and word.endswith(base[-1])
        nxt = [t.text for t in toks if t.start >= m.end and t.end <= s.start][:1]
        following = nxt[0] if nxt else ""
        marked = (not bare and _ends_with_any(word, g.genitive_endings)) or following in g.postpositions
        after = min((x for x in inside if x.start > m.end), key=lambda x: x.start, default=None)
        joined = following in ("ও", "এবং") and after is not None and id(after) in out  # "X ও Y-এর ... আগে"
        # "আসিয়ান শীর্ষ সম্মেলনের ফাঁকে": a bare name opening the genitive noun phrase the word of
        # time closes names that happening, as a case-marked one does (not "X এর আগে": earlier).
        rest = [t.text for t in toks if m.end <= t.start and t.end <= s.start]
        opens = bare and 0 < len(rest) <= _OWNED_WORDS and _ends_with_any(rest[-1], ("ের", "র")) \
            and not any(g.is_adverb(w) for w in rest) \
            and not any(w in g.clause_breaks or w in g.postpositions or w in ("ও", "এবং") for w in rest) \
            and not any(m.end < x.start < s.start for x in mentions)
        if marked or joined or opens:
            out.add(id(m))
    return out


def _without_emphatic(word: str) -> str:
    """The word without an emphatic -ও after its case ("শীর্ষ বৈঠকেও": even at the summit)."""
    return word[:-1] if word.endswith("ও") and len(word) > 3 else word


def _is_setting(m: Any, matches: list[Any], toks: list[Token], t_end: int, c_end: int, sent_start: int,
                g: Grammar) -> bool:
    """Whether a noun trigger in the locative is the setting of another trigger of its clause
    ("মঙ্গলবারের ফোনালাপে পুতিন ... প্রশংসা করেন", "বৈঠকে কিম ... আশ্বাস দেন")."""
    word = _without_emphatic(next((t.text for t in toks if t.end == t_end), ""))
    if getattr(m.entry, "kind", None) == "verb" or not _ends_with_any(word, g.locative_endings):
        return False
    return any(sent_start + o.start >= t_end and sent_start + o.end <= c_end and o.entry.type is not None
               for o in matches if o is not m)


def _place_of_other_act(place: ActorMention, m: Any, matches: list[Any], toks: list[Token],
                        mentions: list[ActorMention], sent_start: int, g: Grammar) -> bool:
    """Whether ``place``, in the locative, is followed (past any names) by another trigger noun in
    the genitive: it says where that act happened ("আলাস্কায় বৈঠকের মাত্র তিন দিন আগে ... ফোনালাপ",
    "ইউক্রেনে রাশিয়ার যুদ্ধের প্রতি ... সমর্থন"), not where the act of ``m`` did."""
    after = [t for t in toks if t.start >= place.end and not any(a.start <= t.start < a.end for a in mentions)]
    if not after:
        return False
    word = after[0].text
    noun_end = None
    if any(word.startswith(h) and _ends_with_any(word[len(h):], g.genitive_endings)
           for h in _cues().placed_happenings):
        noun_end = after[0].end
    else:
        for o in matches:
            # (going there is not elsewhere: "সাক্ষাৎ করতে দেশটিতে যাওয়ার পরিকল্পনা", the meeting is there)
            if o is m or o.entry.type is None or o.entry is g.motion or getattr(o.entry, "mode", None) == "visit" \
                    or not (sent_start + o.start <= after[0].start < sent_start + o.end):
                continue
            last = next((t.text for t in toks if t.end == sent_start + o.end), "")
            if _ends_with_any(last, g.genitive_endings):
                noun_end = sent_start + o.end
                break
    if noun_end is None:
        return False
    phrase: list[str] = []
    for t in toks:
        if t.start < noun_end:
            continue
        if t.text in g.clause_breaks or len(phrase) == 4:
            break
        phrase.append(t.text)
    return not any(w in _cues().during_words for w in phrase)


def _told_within(m: Any, matches: list[Any], toks: list[Token], t_start: int, sent_start: int,
                 g: Grammar) -> tuple[int, int] | None:
    """The span of the nearest other trigger noun before ``m`` in its sentence that sets the scene
    for it: in the locative ("ওই বৈঠকে দুই নেতা ... সম্মত হয়েছেন") or closed by a word of its
    course or close ("বৈঠক শেষে", "সম্মেলনের ফাঁকে"; arguments.yaml ``during_words``, শেষে)."""
    for o in sorted(matches, key=lambda o: -o.start):
        a, b = sent_start + o.start, sent_start + o.end
        if o is m or b > t_start or o.entry.type is None or getattr(o.entry, "kind", None) == "verb":
            continue
        word = _without_emphatic(next((t.text for t in toks if t.end == b), ""))
        after = next((t.text for t in toks if t.start >= b), "")
        # (a trigger told bare is no locative, whatever its last letters: "তথ্য বিনিময়")
        locative = word != o.entry.words[-1] and _ends_with_any(word, g.locative_endings)
        if locative or after == "শেষে" or after in _cues().during_words:
            return a, b
    return None


def _places_of_visits(drafts: list[_Draft]) -> None:
    """A visitor's meeting with no place of its own, as real as the visit and not dated apart from
    it, is held where the visit went ("উত্তর কোরিয়া সফরে যান ... কিমের সঙ্গে বৈঠকে ল্যাভরভ বলেন")."""
    visits = [v for v in drafts if v.mode == "visit" and v.location is not None and v.actors]
    for d in drafts:
        if d.location is not None or d.mode in ("visit", "phone") or d.type not in _cues().scene_types:
            continue  # (a call is held nowhere in particular)
        for v in visits:
            if {a.key for a in v.actors} & d.keys() and _during_visit(v, d) and (
                    v.status == d.status or {v.status, d.status} <= {"occurred", "historical"}):
                d.location = v.location
                break


def _during_visit(v: _Draft, d: _Draft) -> bool:
    """Whether ``d`` is not dated apart from the visit ``v``: dates that agree, or a day within
    ``_VISIT_DAYS`` after the visit's day (a visit lasts days: "চার দিনের সফরে বুধবার চীনে পৌঁছান
    ... শুক্রবার ... বৈঠক")."""
    if _dates_agree(v, d):
        return True
    try:
        start, day = date.fromisoformat(v.date or ""), date.fromisoformat(d.date or "")
    except ValueError:
        return False
    return 0 <= (day - start).days <= _VISIT_DAYS


def _home_place(toks: list[Token], mentions: list[ActorMention], c_start: int, c_end: int,
                home: Any) -> Participant | None:
    """The article's own country, or its capital, when the clause names it by a word for it
    (arguments.yaml ``home_places``: "রাজধানীতে", "সারা দেশে"), flagged inferred; else None.
    A place named before in the sentence says whose capital ("খার্তুমের বাসিন্দারা জানিয়েছেন,
    ... রাজধানীর কয়েকটি এলাকায় লড়াই" in a report from Riyadh is in Khartoum)."""
    if home is None:
        return None
    words = [t for t in toks if c_start <= t.start and t.end <= c_end]
    cues = _cues()
    for i, t in enumerate(words):
        if any(t.text.startswith(w) for w in cues.home_capital_words):
            from ..actors.dictionary import load_dictionary

            d = load_dictionary()
            named = [d.get(m.actor_id) for m in mentions if m.end <= t.start and m.type in ("place", "country")
                     and m.actor_id and d.get(m.actor_id) is not None]
            country = named[-1].country if named and named[-1].country else home.country
            capital = next((a for a in map(d.get, sorted(cues.capitals)) if a is not None and a.country == country),
                           None)
            if capital is not None:
                return Participant(capital.id, capital.name_en, capital.name_bn, t.text, t.start, t.end,
                                   "place", HOME_PLACE)
        for phrase in cues.home_country_phrases:
            n = len(phrase.split())
            if " ".join(x.text for x in words[i:i + n]) == phrase:
                return Participant(home.id, home.name_en, home.name_bn, phrase, t.start, words[i + n - 1].end,
                                   "country", HOME_PLACE)
    return None


def _places_within(drafts: list[_Draft]) -> None:
    """An act with no place (or no date) of its own, told within another (``_Draft.within``),
    takes that one's place (and the day the text gives it): the meeting's, once the meeting's
    tellings are merged ("বৈঠকে দুই পক্ষ ... একমত হয়েছে" was agreed when they met)."""
    for d in drafts:
        if d.within is None:
            continue
        host = _holding([e for e in drafts if e is not d], *d.within)
        # Only a gathering sets a scene ("হামলায় ২৬ জন নিহত হওয়ার পর ... স্থগিত করে": no place of
        # the attack), and only for what took place there (talks agreed on there are held elsewhere).
        if host is None or host.type not in _cues().scene_types or d.status not in ("occurred", "historical"):
            continue
        if host.location is not None and (d.location is None or d.location.inferred == HOME_PLACE):
            d.location = host.location
        # (a day elsewhere in the sentence is the saying's: "দপ্তর আজ জানায়, বৈঠকে ... একমত হয়েছে")
        if (d.date is None or d.date_how == "sentence") and host.date is not None and host.date_how in TEXT_DATE_HOWS:
            d.date, d.granularity, d.date_how, d.date_text = host.date, host.granularity, "coreference", host.date_text


def _pair_object(toks: list[Token], lo: int, hi: int, g: Grammar) -> tuple[int, str] | None:
    """Where a pair noun marked as the other party stands between ``lo`` and ``hi`` ("দুই দেশকে",
    "উভয় পক্ষের প্রতি"), and the pair phrase, else None."""
    pairs = [p for p in _group_phrases(g) if len(p.split()) == 2]
    inside = [t for t in toks if lo <= t.start and t.end <= hi]
    for i in range(len(inside) - 1):
        a, b = inside[i].text, inside[i + 1].text
        nxt = inside[i + 2].text if i + 2 < len(inside) else ""
        for p in pairs:
            first, second = p.split()
            if a != first or not b.startswith(second):
                continue
            ending = b[len(second):]
            if (ending and _ends_with_any(ending, g.accusative_endings)) or (
                    ending in _GENITIVE and g.postpositions.get(nxt) in ("against", "to")):
                return inside[i].start, p
    return None


def _opens_clause(body: str, prev: Token, t: Token, g: Grammar) -> bool:
    """Whether ``t`` starts a sentence or clause (punctuation before it) or follows a demonstrative."""
    return any(c in body[prev.start:t.start] for c in "।,;?!:—\n") or normalize(prev.text) in g.anaphora


def _marked_other(body: str, m: ActorMention, at: int, shell: str, g: Grammar) -> bool:
    """Whether ``m``, in the sentence of the shell at ``at``, is marked as the other party by a
    postposition ("আওয়ামী লীগের বিরুদ্ধে ... অভিযোগ এনে জোটটি"): the subject shell is not it."""
    if _ends_with_any(shell, _GENITIVE) or any(c in body[m.end:at] for c in "।?!"):
        return False
    nxt = _NEXT_WORD.search(body, m.end, at)
    return nxt is not None and nxt.start() - m.end <= 1 and normalize(nxt.group()) in g.postpositions


def _oblique_pronoun(toks: list[Token], c_start: int, c_end: int, t_start: int, t_end: int,
                     g: Grammar) -> tuple[int, str] | None:
    """A singular pronoun marked as the other party in the clause (outside the trigger): in the
    accusative ("তাঁকে") or a genitive before a postposition ("তাঁর বিরুদ্ধে"); (start, word) or None."""
    inside = [t for t in toks if c_start <= t.start and t.end <= c_end and not t_start <= t.start < t_end]
    for i, t in enumerate(inside):
        if t.text not in g.singular_pronouns:
            continue
        nxt = inside[i + 1].text if i + 1 < len(inside) else ""
        if _ends_with_any(t.text, g.accusative_endings) or \
                _ends_with_any(t.text, ("র",)) and g.postpositions.get(nxt) in ("with", "against", "to"):
            return t.start, t.text
    return None


def _speaker_pronoun(words: list[str], toks: list[Token], c_start: int, doers: list[ActorMention],
                     g: Grammar) -> list[Participant]:
    """"পিএলএ জানিয়েছে, ... মহড়া চালাবে তারা": in what a speaker says, a pronoun of its number is the
    speaker itself (তারা for a body or a country, তিনি for a person)."""
    if not doers or not _after_speech(toks, c_start, g):
        return []
    speaker = doers[0]
    joined = " ".join(words)
    cues = _cues()
    if speaker.type in ("organisation", "country") and any(_has_phrase(joined, p) for p in cues.group_pronouns):
        return [_party(speaker)]
    if speaker.type == "person" and any(_has_phrase(joined, p) for p in cues.person_pronouns):
        return [_party(speaker)]
    return []


def _spoken_for(head: list[_Role], toks: list[Token]) -> list[ActorMention]:
    """Whom an office or a spokesman speaks for: "জেলেনস্কির কার্যালয় জানায়, ... বৈঠক করবেন তিনি"
    (তিনি is Zelensky), "হামাসের একজন মুখপাত্র জানিয়েছেন, ... তাঁদের যোদ্ধারা ..." (তাঁদের is
    Hamas).  A genitive right before a word of arguments.yaml ``speaker_offices`` (or with one
    word between, "একজন"); none when the clause before has another subject."""
    offices = _cues().speaker_offices
    for r in head:
        if r.relation != "genitive":
            continue
        nxt = [t.text for t in toks if t.start >= r.mention.end][:3]
        if any(w in offices for w in nxt[:2]) or " ".join(nxt[:2]) in offices or " ".join(nxt[1:3]) in offices:
            return [r.mention]
    return []


def _pronoun_start(toks: list[Token], lo: int, hi: int, g: Grammar) -> int:
    """Where the first pronoun or pair noun between ``lo`` and ``hi`` starts (``hi`` when none)."""
    phrases = (*_group_phrases(g), *g.singular_pronouns)
    inside = [t for t in toks if lo <= t.start and t.end <= hi]
    for i, t in enumerate(inside):
        ahead = " ".join(x.text for x in inside[i:i + 3])
        if any(p.split()[0] == t.text and _has_phrase(ahead, p) for p in phrases):
            return t.start
    return hi


def _pair_subject(words: list[str], g: Grammar) -> bool:
    """Whether the words hold a plural pronoun or a pair noun in the nominative, as a word of its own
    ("দুই পক্ষ একমত হতে পারেনি", "তারা ..."; not the possessive তাদের, দুই দেশের)."""
    padded = " " + " ".join(words) + " "
    return any(f" {p} " in padded for p in _group_phrases(g)
               if not _ends_with_any(p, _GENITIVE))


def _subject_pronouns(g: Grammar) -> frozenset[str]:
    """The singular pronouns in the nominative (তিনি, তিনিও; not তাঁর, তাকে)."""
    return frozenset(p for p in g.singular_pronouns if not _ends_with_any(p, _GENITIVE) and not _ends_with_any(
        p, g.accusative_endings))


def _greeted(toks: list[Token], mentions: list[ActorMention], c_start: int, t_start: int, g: Grammar) -> bool:
    """Whether the last word in the accusative before the trigger in its clause is a person (a
    name or a pronoun: "তাঁকে স্বাগত জানান"), whom a greeting trigger then greets; not a
    decision or a step ("সিদ্ধান্তকে স্বাগত")."""
    acc = [t for t in toks if c_start <= t.start and t.end <= t_start and _ends_with_any(t.text, g.accusative_endings)]
    if not acc:
        return False
    last = acc[-1]
    if last.text in g.singular_pronouns or last.text in g.plural_pronouns:
        return True
    return any(m.type == "person" and m.start < last.end and last.start < m.end for m in mentions)


def _side_pair_subject(words: list[str]) -> bool:
    """Whether the clause has "দুই পক্ষ" (arguments.yaml ``side_pairs``) as a word of its own,
    not in the genitive (দুই পক্ষের কর্মকর্তারা are the sides' officials)."""
    padded = f" {' '.join(words)} "
    return any(f" {q} " in padded for q in _cues().side_pairs if not _ends_with_any(q, _GENITIVE))


def _plural_here(words: list[str], g: Grammar) -> bool:
    """Whether the clause has a plural pronoun or a pair noun (তারা, দুই নেতা, দুই দেশ): its
    sides are the ones told before, as :func:`_pronoun_actors` read them."""
    joined = " ".join(words)
    return any(_has_phrase(joined, p) for p in _group_phrases(g))


# How far back (characters before the sentence) the act a denial answers may be told: the
# same reach a pronoun has (about two sentences).
_ANSWER_CHARS = 400
# How many words before the trigger the answered happening may stand in the genitive (an
# intensifier between: "হামলার তীব্র নিন্দা").
_OWNED_REACH = 2


def _answered(toks: list[Token], t_start: int, t_end: int, told: list[_Draft], actors: list[Participant],
              etype: str, g: Grammar) -> list[Participant]:
    """Who made the accusation or the demand a denial answers ("এ অভিযোগ অস্বীকার", "ওই দাবি নাকচ"):
    the doers of the latest earlier event of the type the noun names (``answers`` in
    arguments.yaml), in or right before the trigger.  A state's denial answers the accuser's state
    (a foreign ministry denying what another country's official alleged)."""
    nouns = _cues().answers[etype]
    # Only a noun pointed back at by a demonstrative ("এ অভিযোগ", "ওই দাবি"): with a genitive
    # before it ("শ্রমিকদের মজুরি বাড়ানোর দাবি") the sentence itself may say whose it is.
    words = [t.text for t in toks if t.end <= t_end and t.start >= t_start - 40]
    kinds = {k for i, w in enumerate(words[1:], 1) for n in nouns
             if w.startswith(n) and words[i - 1] in g.anaphora for k in nouns[n]}
    # Or the happening itself in the genitive right before the trigger, owned by no one the
    # rules found ("সফরের তীব্র নিন্দা জানায়", "হামলার নিন্দা"): the one told just before.
    # A genitive right before that noun may say whose it is ("রাশিয়ার হামলার"): then not.
    before = [t.text for t in toks if t.end <= t_start]
    kinds |= {k for i in range(max(len(before) - _OWNED_REACH, 0), len(before)) for n in nouns
              if before[i].startswith(n) and before[i] != n and _ends_with_any(before[i], _GENITIVE)
              and not (i and _ends_with_any(before[i - 1], _GENITIVE)) for k in nouns[n]}
    keys = {a.key for a in actors}
    for d in reversed(told):
        if d.type in kinds and d.actors and not keys & {a.key for a in d.actors}:
            found = [_copy(a) for a in d.actors]
            # (a condemnation is aimed at the one who did it: a visitor, not his state)
            state = [a for a in actors if a.type in ("country", "organisation", "source")] if etype == "REJECT" else []
            if state and all(_as_countries([a])[0].type == "country" for a in state):
                own = {_as_countries([a])[0].key for a in state}
                as_state = _as_countries(found)
                if all(q.type == "country" and q.key not in own for q in as_state):
                    found = as_state
            return found
    return []


def _reported_subject(toks: list[Token], parties: list[ActorMention], actors: list[Participant], c_end: int,
                      s_end: int, g: Grammar, body: str, times: Any) -> list[Participant]:
    """The subject of the clause a verb of saying reports: the one right after the trigger's clause,
    opened by a comma or যে; none when the trigger's clause does not end there."""
    brk = next((t for t in toks if t.start >= c_end), None)
    if brk is None or brk.text not in (",", "যে"):
        return []
    tail_end = next((t.start for t in toks if t.start > brk.end and t.text in g.clause_breaks), s_end)
    doers = {a.actor_id for a in actors}
    return [_participant(m) for m in _span_subjects(toks, parties, brk.end, tail_end, g, body, times)
            if m.actor_id not in doers][:1]


def _span_subjects(toks: list[Token], parties: list[ActorMention], start: int, end: int, g: Grammar, body: str,
                   times: Any) -> list[ActorMention]:
    """The unmarked names (doers, demonyms) of the clause from ``start`` to ``end``, places aside:
    the subject of what a saying says, in order."""
    return [r.mention for r in _roles(toks, parties, end, end, start, end, g, body, False, times)
            if r.relation in ("doer", "demonym") and r.mention.type != "place"]


def _for_the_state(actors: list[Participant], recipients: list[Participant]) -> list[Participant]:
    """"কিশিদা ফিলিপাইনকে সামরিক সহায়তা দেওয়ার ঘোষণা দেন": aid from one state to another is the
    state's act (CAMEO and PLOVER code the giver as the state), so a person of the state who
    gives or announces it stands for his country, when a recipient is another country."""
    from ..actors.dictionary import load_dictionary

    if not any(r.type == "country" for r in recipients):
        return actors
    d = load_dictionary()
    out: list[Participant] = []
    for a in actors:
        actor = d.get(a.actor_id) if a.actor_id else None
        country = _as_countries([a])[0] if actor is not None and actor.type == "person" else a
        foreign = country.type == "country" and all(r.key != country.key for r in recipients if r.type == "country")
        _add(out, country if foreign else a)
    return out


def _opens_with_name(entry: Any, m: ActorMention) -> bool:
    """Whether a trigger entry's text opens with the name ``m`` as it stands ("বিজিবি মোতায়েন")."""
    text = getattr(entry, "text", None)
    return bool(text) and normalize(text).startswith(normalize(m.text) + " ")


def _standing_for(t: Token, typ: str, last: ActorMention) -> ActorMention:
    """A mention at word ``t`` (a shell, a short form) that stands for the name ``last`` told before it."""
    return ActorMention(t.start, t.end, t.text, typ, last.actor_id, last.name_en, last.name_bn,
                        "shell", 0.8, note=f"stands for {last.text}")


def _paragraph_place(drafts: list["_Draft"], para_start: int | None, before: int) -> Participant | None:
    """The location of the latest act told with no doer earlier in the paragraph that starts at ``para_start``.

    Only an act with no doer told (none, or one inferred as the home state) sets the scene for
    another: in "মিয়ানমারের সেনাবাহিনী রাখাইনে ... নির্যাতন চালাচ্ছে ... কাউকে জোর করে ফেরত পাঠানো
    হবে না" the place is the army's, not the speaker's."""
    return _last_place(drafts, para_start, before, lambda d: all(a.inferred == HOME_GOVERNMENT for a in d.actors),
                       lambda e: e.sentence_start)


def _last_place(drafts: list["_Draft"], para_start: int | None, before: int, keep: Callable[["_Draft"], bool],
                at: Callable[[Evidence], int]) -> Participant | None:
    """The location of the draft ``keep`` accepts told last (by ``at`` of its telling) in the
    paragraph from ``para_start`` up to the sentence at ``before``; None outside a paragraph."""
    if para_start is None:
        return None
    best: tuple[int, Participant] | None = None
    for d in drafts:
        if d.location is None or not keep(d):
            continue
        for e in d.evidence:
            if para_start <= e.sentence_start < before and (best is None or at(e) > best[0]):
                best = (at(e), d.location)
    return best[1] if best else None


def _posted_at(toks: list[Token], m: ActorMention) -> bool:
    """Whether a place is told as where an envoy is posted: "ঢাকায় নিযুক্ত" (arguments.yaml ``posted_words``)."""
    nxt = next((t for t in toks if t.start >= m.end), None)
    return nxt is not None and nxt.text in _cues().posted_words


def _scene_place(drafts: list["_Draft"], para_start: int | None, before: int) -> Participant | None:
    """The place of the act told last before ``before`` in its paragraph (any act with a place
    of its own read from the text, not inferred), or None."""
    return _last_place(drafts, para_start, before, lambda d: d.location is not None and d.location.inferred is None,
                       lambda e: e.trigger_start)


def _place_state(p: Participant) -> Any:
    """The dictionary country a place (or a country) participant is in, or None."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    actor = d.get(p.actor_id) if p.actor_id else None
    return d.country(actor.country) if actor is not None and actor.country else None


def _own_forces(actors: list[Participant], recipients: list[Participant], roles: list[_Role], toks: list[Token],
                t_start: int, undergone: bool, announced: bool,
                named_in: list[Participant]) -> tuple[list[Participant], list[Participant]]:
    """The sides of an act whose object is the doer's own forces (arguments.yaml ``own_forces_types``).

    Told with no doer in the passive, the force moved is the doer: named bare ("অতিরিক্ত বিজিবি
    সদস্য মোতায়েন করা হয়েছে", where the passive made it the recipient) or as the owner of the
    troops ("বিজিবির অতিরিক্ত সদস্য").  And a force of the doer's own country is never the other
    party ("সৈন্য পাঠানোর পরিকল্পনা করছে উত্তর কোরিয়া": its army is what it sends).  A force told
    so beats whoever announced the act (``announced``: "মন্ত্রী বলেছেন, ... বিজিবির অতিরিক্ত সদস্য
    মোতায়েন করা হয়েছে")."""
    if (not actors or announced) and undergone:
        # (or inside the trigger: "বিজিবি মোতায়েন করা হবে", named_in)
        moved = [r for r in recipients if _is_force(r)] or [p for p in named_in if _is_force(p)][:1]
        if not moved:
            # the owner of a member noun ("বিজিবির ... সদস্য"), up to two words before it, before the trigger
            for r in roles:
                if r.relation == "genitive" and r.before_trigger and _is_force(_party(r.mention)):
                    after = [t.text for t in toks if t.start >= r.mention.end and t.end <= t_start][:3]
                    if any(_member_noun(w) for w in after):
                        moved = [_party(r.mention)]
                        break
        actors = moved or actors
        recipients = [r for r in recipients if r.key not in {a.key for a in moved}]
    homes = {c.key for c in _as_countries(actors)}
    recipients = [r for r in recipients if not (_is_force(r) and _as_countries([r])[0].key in homes)]
    return actors, recipients


def _is_state(p: Participant) -> bool:
    """Whether a participant acts for a state: a country, or a dictionary body or person of a
    state sector (arguments.yaml ``state_sectors``)."""
    from ..actors.dictionary import load_dictionary

    if p.type == "country":
        return True
    actor = load_dictionary().get(p.actor_id) if p.actor_id else None
    return actor is not None and actor.sector in _cues().state_sectors


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """The Bengali names of the shipped outlets (outlets.yaml), normalised."""
    from ..sources import outlets

    return frozenset(normalize(n) for o in outlets() for n in (o.name_bn, *o.aliases) if n)


def _press_addressee(p: Participant, toks: list[Token], g: Grammar) -> bool:
    """Whether the participant is an outlet told something: its name in the accusative
    ("প্রথম আলোকে"), with a verb of saying among the next few words ("... এই তথ্য জানিয়ে
    বলেন", grammar.yaml `speech_verbs`; `press_told_within`)."""
    text = normalize(p.text or "")
    if not text.endswith("কে") or text[:-2] not in _outlet_names():
        return False
    after = [t.text for t in toks if p.end is not None and t.start >= p.end][:g.press_told_within]
    return any(w in g.speech_verbs or f"{w} {v}" in g.speech_verbs for w, v in zip(after, after[1:] + [""]))


def _is_known(p: Participant) -> bool:
    """Whether the actor dictionary knows the participant (a state, a body, a party, a public
    figure), not only the provisional id of a name it lacks."""
    return bool(p.actor_id) and not p.actor_id.startswith("prov:")


def _is_force(p: Participant) -> bool:
    """Whether the dictionary files the participant as an armed force or a police (``force_sectors``)."""
    from ..actors.dictionary import load_dictionary

    actor = load_dictionary().get(p.actor_id) if p.actor_id else None
    return actor is not None and actor.type == "organisation" and actor.sector in _cues().force_sectors


def _for_the_state_announced(actors: list[Participant]) -> list[Participant]:
    """"পররাষ্ট্রমন্ত্রী X জানান, ... হাইকমিশনারকে ফেরত পাঠানো হবে": an act of state told in the
    passive is the state's; the minister, the leader or the government body (sector GOV in the
    actor dictionary) who announces it speaks for the country (arguments.yaml
    ``announced_for_state``).  A party's or a company's spokesman stays the doer."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    out: list[Participant] = []
    for a in actors:
        actor = d.get(a.actor_id) if a.actor_id else None
        _add(out, _as_countries([a])[0] if actor is not None and actor.sector == "GOV" else a)
    return out


def _as_countries(ps: list[Participant]) -> list[Participant]:
    """Each participant as the country it is or belongs to (kept as it is when the dictionary has none)."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    out: list[Participant] = []
    for p in ps:
        actor = d.get(p.actor_id) if p.actor_id else None
        code = actor.country if actor is not None else None
        country = d.country(code) if code else None
        q = Participant(country.id, country.name_en, country.name_bn, p.text, p.start, p.end, "country") \
            if country is not None else p
        _add(out, q)
    return out


def _persons_as_sides(ps: list[Participant]) -> list[Participant]:
    """"দুই পক্ষ": people told as the two sides stand for their countries, when that makes two
    countries and every side is then a country; otherwise the sides stay as told (two parties'
    leaders at home, a country and an armed group)."""
    if not any(p.type == "person" for p in ps):
        return ps
    as_countries = _as_countries(ps)
    if len(as_countries) >= 2 and all(q.type == "country" for q in as_countries):
        return as_countries
    return ps


def _named_pair(phrase: str, ids: tuple[str, ...], sent: Sentence) -> list[Participant]:
    """The two countries a phrase names at once (arguments.yaml ``named_pairs``), spanning it."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    # the span is found in the normalised sentence (the phrase is normalised on load); when it is
    # not found the participants span nothing at the sentence's start
    at = normalize(sent.text).find(phrase)
    start = sent.start + max(at, 0)
    end = start + len(phrase) if at >= 0 else sent.start
    out = []
    for i in ids:
        actor = d.get(i)
        if actor is None:
            raise ValueError(f"arguments.yaml named_pairs.{phrase}: {i} is not in the actor dictionary; "
                             "use an id from data/actors")
        out.append(Participant(actor.id, actor.name_en, actor.name_bn, sent.text[start - sent.start:end - sent.start],
                               start, end, actor.type))
    return out


def _copy(p: Participant) -> Participant:
    return Participant(p.actor_id, p.name_en, p.name_bn, p.text, p.start, p.end, p.type)


def _date_part(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    week = _WEEK.match(value)
    if week:
        return week.group(0), "week"
    m = _ISO.match(value)
    if not m:
        return None, None
    if m.group(3):
        return m.group(0), "day"
    if m.group(2):
        return m.group(0), "month"
    return m.group(0), "year"


@dataclass(slots=True)
class _DateContext:
    """What dating a trigger needs beyond its sentence's time expressions."""

    toks: list[Token]  # the sentence's tokens
    prev_toks: list[Token]  # the sentence before's tokens ([] at the start)
    drafts: list[_Draft]  # events told so far, this sentence's included
    etype: str  # the trigger's event type
    keys: set[str]  # the trigger's participants as the rules found them
    g: Grammar
    same_paragraph: bool  # the sentence before is in the same paragraph


def _event_date(timexes: list[Any], t_start: int, c_start: int, c_end: int, sent: Sentence,
                skip: tuple[int, int] = (0, 0), status: str = "occurred", ref: date | None = None,
                ctx: _DateContext | None = None) -> tuple[str | None, str | None, str, str | None]:
    def consistent(value: str) -> bool:
        # A happening told as past cannot start after the article; a plan cannot end before it
        # ("বৈঠকের পর ... ২০৩০ সালের মধ্যে" is a deadline, not the meeting's date).
        if ref is None:
            return True
        first, last = _bounds(value)
        if first is None or last is None:
            return True
        if status in ("occurred", "negated", "historical"):
            return first <= ref
        if status == "planned":
            return last >= ref
        return True

    # "X আজ বুধবার জানিয়েছে, ... মোতায়েন করা হবে": the day a plan is announced is not
    # the day it is to happen.  (For a happening reported as done the annotators
    # leave the saying's day off too, but the story gate joins two sample pages on
    # such a day; see docs/events.md.)
    said = _saying_end(ctx, c_start) if ctx is not None and status in ("planned", "hypothetical") else 0
    # The trigger's clause is closed by "পর / শেষে": it happened before the main clause.
    closed = ctx is not None and any(t.end == c_end and t.text in ctx.g.dates.after_words for t in ctx.toks)

    def usable(t: Any) -> bool:
        v = _date_part(t.value)[0]
        if not (t.type in ("DATE", "TIME") and v is not None and not skip[0] <= t.start < skip[1] and consistent(v)):
            return False
        if ctx is None:
            return True
        if t.start < said:
            return False  # the date of the saying, not of the plan reported
        if closed and t.start >= c_end:
            return False  # "সফরের খবর প্রকাশের পর গত বৃহস্পতিবার ...": the main clause's time, after this one
        if status in ("occurred", "negated", "historical") and _bound_only(t, ctx, ctx.g.dates.deadline_after):
            return False  # "চলতি বছরের মধ্যেই যুদ্ধের অবসান ঘোষণার লক্ষ্যে ... একমত হয়েছে": a deadline, not the day
        return not _modifies_other(t, t_start, ctx) and not _until_now(t, ctx) and not _bound_only(t, ctx) \
            and not _dates_relative_noun(t, t_start, ctx)

    # "ওই দিন বেলা ৩টা থেকে ...": an hour names no day (timex gives it the article's), so the
    # day comes from a date in the clause or the sentence, else from what the text carries to
    # the happening; only then is the hour's (the article's) day taken.
    in_clause = [t for t in timexes if c_start <= t.start and t.end <= c_end and usable(t)]
    in_sent = [t for t in timexes if sent.start <= t.start and t.end <= sent.end and usable(t)]
    days_clause = [t for t in in_clause if t.cls != "clock"]
    days_sent = [t for t in in_sent if t.cls != "clock"]
    pool, how = (days_clause, "text") if days_clause else (days_sent, "sentence")
    if not pool:
        if ctx is not None and status in ("occurred", "negated"):
            carried = _carried_date(timexes, t_start, sent, ctx, consistent)
            if carried is not None:
                value, gran = _date_part(carried[0])
                return value, gran, "coreference", carried[1]
        pool, how = (in_clause, "text") if in_clause else (in_sent, "sentence")
        if not pool:
            return None, None, "none", None
    # The expression closest to the trigger, preferring one before it (Bengali puts time first).
    best = min(pool, key=lambda t: (0 if t.end <= t_start else 1, abs(t_start - t.end)))
    if ctx is not None:
        best = _range_start(best, timexes, ctx, usable)
    value, gran = _date_part(best.value)
    return value, gran, how, best.text


def _dates_relative_noun(t: Any, t_start: int, ctx: _DateContext) -> bool:
    """Whether a time expression before the trigger opens a relative clause ("২০১৬ সালে সই হওয়া
    ঋণচুক্তির আওতায় ... ঋণ দিচ্ছে"): a participle (grammar.yaml dates ``relative_participles``)
    within two words after it, then a noun that is not yet the trigger."""
    if t.end > t_start:
        return False
    after = [x for x in ctx.toks if t.end <= x.start and x.end <= t_start]
    for i, x in enumerate(after[:3]):
        if x.text in ctx.g.dates.relative_participles:
            return i + 1 < len(after) and not any(w.text in ctx.g.clause_breaks for w in after[:i + 2])
    return False


def _words_between(toks: list[Token], a: int, b: int) -> list[str]:
    return [t.text for t in toks if a <= t.start and t.end <= b]


def _range_start(best: Any, timexes: list[Any], ctx: _DateContext, usable: Any) -> Any:
    """"গতকাল রাত থেকে আজ ভোর পর্যন্ত": the end of a span dates nothing; its start does."""
    dc = ctx.g.dates
    for t in timexes:
        if t.end <= best.start and usable(t):
            between = _words_between(ctx.toks, t.end, best.start)
            after = [x.text for x in ctx.toks if x.start >= best.end][:1]
            if len(between) == 1 and between[0] in dc.range_from and after and after[0] in dc.range_to:
                return t
    return best


def _until_now(t: Any, ctx: _DateContext) -> bool:
    """"শনিবার থেকে এ পর্যন্ত": a running total since then, not a happening on that day."""
    dc = ctx.g.dates
    after = " ".join(x.text for x in ctx.toks if x.start >= t.end)
    return any(after.startswith(f"{f} {u}") for f in dc.range_from for u in dc.until_now)


def _bound_only(t: Any, ctx: _DateContext, words_after: frozenset[str] | None = None) -> bool:
    """"২০১৫ সালের পর এটিই প্রথম সফর": a date in the genitive before পর / পরে bounds the
    happening (after 2015); it is not its date.  ("দুই দিন পর" is a date: no genitive.)
    ``words_after``: other words that make such a bound (``deadline_after``), else ``bound_after``."""
    after = ctx.g.dates.bound_after if words_after is None else words_after
    words = normalize(t.text).split()
    nxt = next((x.text for x in ctx.toks if x.start >= t.end), "")
    if words and words[-1] in after:
        owner = words[-2] if len(words) > 1 else ""
    elif nxt in after:
        owner = words[-1] if words else ""
    else:
        return False
    return _ends_with_any(owner, ctx.g.dates.time_genitive_endings)


def _modifies_other(t: Any, t_start: int, ctx: _DateContext) -> bool:
    """A genitive time expression dating a noun in the locative ("রোববারের ভোটে ... কারচুপির
    অভিযোগ" = alleging fraud in Sunday's vote) dates that noun, not a trigger after it.

    When the noun is itself a happening ("মঙ্গলবারের ফোনালাপে ... প্রশংসা করেন" = in
    Tuesday's call) the event is told as part of it, so the date stands; so it does when
    the dated noun is the event's object ("২০১৪ সালের নির্বাচন বর্জন").
    """
    if t.end > t_start or not _ends_with_any(normalize(t.text), ctx.g.dates.time_genitive_endings):
        return False
    nxt = next((x for x in ctx.toks if x.start >= t.end), None)
    if nxt is None or nxt.start == t_start:
        return False
    if ctx.etype in ctx.g.speech_act_types:
        # "অক্টোবরের যুদ্ধবিরতি ভঙ্গের অভিযোগ", "গত সপ্তাহের হামলার নিন্দা": the dated
        # noun, in the genitive right before the trigger, is what the accusation or
        # condemnation is about; its date is not the day of saying so.  (A noun in the
        # locative is the setting instead: "মঙ্গলবারের ফোনালাপে ... প্রশংসা" was in that call.)
        between = [x.text for x in ctx.toks if t.end <= x.start and x.end <= t_start]
        if between and _ends_with_any(between[-1], _GENITIVE) and not any(
                w in ctx.g.clause_breaks or len(w) > 2 and _ends_with_any(w, ctx.g.locative_endings) for w in between):
            return True
    if any(e.trigger_start == nxt.start for d in ctx.drafts for e in d.evidence):
        return False
    return _ends_with_any(nxt.text, ctx.g.locative_endings) and len(nxt.text) > 2


def _saying_end(ctx: _DateContext, c_start: int) -> int:
    """Where an earlier clause ending in a verb of saying ends ("X আজ জানিয়েছে, ..."), else 0."""
    g = ctx.g
    before = [t for t in ctx.toks if t.end <= c_start]
    for i in range(len(before) - 1, -1, -1):
        one = before[i].text
        two = f"{one} {before[i + 1].text}" if i + 1 < len(before) else one
        nxt = before[i + 1].text if i + 1 < len(before) else ""
        if (one in g.speech_verbs or two in g.speech_verbs) and (nxt in g.clause_breaks or two in g.speech_verbs):
            return before[i].end
    return 0


def _carried_date(timexes: list[Any], t_start: int, sent: Sentence, ctx: _DateContext,
                  consistent: Any) -> tuple[str, str] | None:
    """The date a sentence with none of its own takes from what it is tied to (value, the expression)."""
    dc = ctx.g.dates
    words = [t.text for t in ctx.toks if t.end <= t_start]
    head = " ".join(words)
    # "ওই হামলার দায় স্বীকার করে", "ওই হামলায় ... জিম্মি করে": a demonstrative
    # before a trigger points back at an earlier telling of that happening; the
    # sentence is about it and happens at its time.
    # Only a part of that same happening (same type) shares its time: an
    # accusation about "ওই হামলা" is another happening.
    pointers: list[set[str]] = [
        d.mkeys() for d in ctx.drafts
        if sent.start <= d.evidence[0].trigger_start < t_start and d.anaphoric and d.type == ctx.etype]
    if _anaphoric(ctx.toks, t_start, ctx.g):
        pointers.append(ctx.keys)
    for keys in pointers:
        told = [d for d in ctx.drafts if d.type == ctx.etype and d.evidence[0].sentence_start < sent.start]
        # The happening pointed at: the last one told whose participants include
        # the pointer's, else simply the last one of its type.
        ref_d = next((d for d in reversed(told) if keys and not keys - d.mkeys()), told[-1] if told else None)
        if ref_d is not None and ref_d.status not in ("planned", "hypothetical") and ref_d.date \
                and ref_d.date_how != "none" and consistent(ref_d.date):
            return ref_d.date, ref_d.date_text or ref_d.date
    if _opening_cue(head, dc.carry_cues) is not None:
        # "এ সময় তিনি ...", "জবাবে ...": the time of the sentence before.
        before = _previous_date(timexes, ctx, consistent)
        if before is None and _opening_cue(head, dc.day_cues) is not None:
            return _day_told_last(timexes, sent, ctx, consistent)  # "ওই দিন বেলা ৩টা ...": the day told last
        return before
    if _opening_cue(head, dc.next_day_cues) is not None:
        # "পরদিন পাল্টা হামলা চালায় ...": the day after the sentence before's day.
        before = _previous_date(timexes, ctx, consistent)
        if before is not None and _date_part(before[0])[1] in ("month", "year"):
            # the day after "in February 2019" is no day the text gives, but (but for its last
            # day) still in that month: told at the month's granularity
            return before
        if before is None or _date_part(before[0])[1] != "day":
            return None
        nxt = date.fromordinal(date.fromisoformat(before[0]).toordinal() + 1).isoformat()
        return (nxt, before[1]) if consistent(nxt) else None
    subs = [t for t in ctx.toks if t.end <= t_start and t.text in dc.after_words and t.start > ctx.toks[0].start]
    if not subs:
        return None
    sub = subs[-1]
    # "হামলা শুরুর পরপরই ...": the happening the subordinate clause names, as told
    # before -- the last earlier event of its type with no other participants.
    named = [d for d in ctx.drafts if sent.start <= d.evidence[0].trigger_start < sub.start]
    for n in named:
        for d in reversed(ctx.drafts):
            if d.type != n.type or d.evidence[0].sentence_start >= sent.start:
                continue
            if n.mkeys() and d.mkeys() and not n.mkeys() & d.mkeys():
                continue  # another happening of that type
            if d.date and d.date_how != "none" and consistent(d.date):
                return d.date, d.date_text or d.date
            break
    if not named and ctx.same_paragraph:
        # "প্যারাশুটে নেমে আসার পর ...": what the sentence before told.
        return _previous_date(timexes, ctx, consistent)
    return None


def _zone_start(toks: list[Token], start: int, zones: tuple[str, ...]) -> int:
    """Where an hour's time phrase starts with the clock it is told by ("স্থানীয় সময় সকাল
    সাতটায়": at স্থানীয়)."""
    before = [t for t in toks if t.end <= start]
    for z in zones:
        words = z.split()
        if len(before) >= len(words) and [t.text for t in before[-len(words):]] == words:
            return before[-len(words)].start
    return start


def _day_told_last(timexes: list[Any], sent: Sentence, ctx: _DateContext, consistent: Any) -> tuple[str, str] | None:
    """The last day told before the sentence: of an event dated by the text, else of a time
    expression (not an hour, which names no day of its own)."""
    at = 0
    found: tuple[str, str] | None = None
    for d in ctx.drafts:
        e = d.evidence[0]
        if e.trigger_start < sent.start and _text_day(d) and consistent(d.date) and e.trigger_start >= at:
            at, found = e.trigger_start, (d.date, d.date_text or d.date)
    for t in timexes:
        v, gran = _date_part(t.value) if t.type in ("DATE", "TIME") and t.value else (None, None)
        if t.end <= sent.start and t.start >= at and t.cls != "clock" and v is not None and gran == "day" \
                and consistent(v):
            at, found = t.start, (v, t.text)
    return found


def _previous_date(timexes: list[Any], ctx: _DateContext, consistent: Any) -> tuple[str, str] | None:
    """The date of the sentence before: of its events when they have one, else its last time expression."""
    if not ctx.prev_toks:
        return None
    lo, hi = ctx.prev_toks[0].start, ctx.prev_toks[-1].end
    for d in reversed(ctx.drafts):
        if any(lo <= e.trigger_start < hi for e in d.evidence) and d.date and d.date_how != "none" \
                and consistent(d.date):
            return d.date, d.date_text or d.date
    for t in reversed(timexes):
        v = _date_part(t.value)[0]
        if lo <= t.start < hi and t.type in ("DATE", "TIME") and v is not None and consistent(v):
            return v, t.text
    return None


def _speech_after(toks: list[Token], t_end: int, g: Grammar) -> int | None:
    """Where the speaker's part starts when the trigger's clause is what he is told to have said
    after it: "... পাঠানো হবে বলে জানিয়েছে হোয়াইট হাউস", "... হবে না বলেও জানান ট্রাম্প" (a
    complementizer of ``speech_after_complementizers``, then a verb of saying within a few words)."""
    rest = [t for t in toks if t.start >= t_end]
    for i, t in enumerate(rest):
        if t.text in g.speech_after_complementizers:
            ahead = " ".join(x.text for x in rest[i + 1:i + 6])
            return t.end if any(_has_phrase(ahead, v) for v in g.speech_verbs) else None
    return None


def _after_speech(toks: list[Token], c_start: int, g: Grammar) -> bool:
    """The clause is what someone is told to have said: a verb of saying ends an earlier clause."""
    head = " ".join(t.text for t in toks if t.end <= c_start)
    return any(_has_phrase(head, v) for v in g.speech_verbs)


def _tense_verb(toks: list[Token], verb_i: int | None, c_end: int, g: Grammar) -> int | None:
    """The word carrying the clause's tense: an auxiliary right after the verb ("করা হবে") else the verb."""
    if verb_i is None:
        return None
    j = verb_i + 1
    if j < len(toks) and toks[j].end <= c_end and toks[j].text in g.status.auxiliaries:
        return j
    # "নাকচ করে দিয়েছিল", "দখল করে নিয়েছে": after a conjunctive -ে form the vector verb is finite.
    if j < len(toks) and toks[j].end <= c_end and toks[verb_i].text.endswith("ে") and any(
            toks[j].text.startswith(v) for v in g.status.vector_verbs) and _is_verb(toks[j].text, g) \
            and any(toks[j].text.endswith(e) for e in g.strong_endings + g.status.background_endings):
        return j
    return verb_i


def _question_end(toks: list[Token], t_end: int, c_end: int, g: Grammar) -> int:
    """Where an indirect question opening right after the trigger ends ("বৈঠক কখন, কোথায়
    হবে ..."): past commas followed by another question word, up to the next break."""
    st = g.status
    rest = [t for t in toks if t.start >= t_end]
    if not rest or rest[0].text not in st.question_words:
        return c_end
    end = c_end
    for i, t in enumerate(rest):
        if t.text in g.clause_breaks:
            if t.text == "," and i + 1 < len(rest) and rest[i + 1].text in st.question_words:
                continue
            break
        end = t.end
    return max(end, c_end)


def _noun_head(toks: list[Token], t_start: int, t_end: int, c_end: int, g: Grammar) -> str | None:
    """A head noun taking the trigger as its complement ("আরোপের ঘোষণা", "দেওয়ার ঘোষণা"), or None."""
    after = [t for t in toks if t.start >= t_end and t.end <= c_end][:2]
    last = next((t for t in reversed(toks) if t.end <= t_end and t.start >= t_start), None)
    prev = last.text if last is not None else ""
    for t in after:
        if any(t.text.startswith(h) for h in g.status.planned_noun_heads):
            # The complement is genitive: the trigger itself or a verbal noun after it (দেওয়ার).
            return t.text if _ends_with_any(prev, ("ের", "র")) else None
        prev = t.text
    return None


def _declared(toks: list[Token], t_start: int, t_end: int, c_end: int, g: Grammar) -> bool:
    """Whether a bare announcement head (grammar.yaml ``planned_noun_heads``) with its verb follows
    the trigger's noun: right after the trigger ("সাধারণ ক্ষমা ঘোষণা করেছে", "হরতাল ঘোষণা দেয়")
    or as the trigger's own last word ("যুদ্ধবিরতি ঘোষণা করেছে")."""
    own = [t for t in toks if t_start <= t.start and t.end <= t_end]
    after = [t for t in toks if t.start >= t_end and t.end <= c_end][:2]
    if len(own) > 1 and own[-1].text in g.status.planned_noun_heads:
        return bool(after) and _is_verb(after[0].text, g)
    return len(after) == 2 and after[0].text in g.status.planned_noun_heads and _is_verb(after[1].text, g)


def _negated_here(toks: list[Token], t_start: int, t_end: int, after: list[Token], st: Any) -> str | None:
    """A negation bound to the trigger itself rather than to the clause's verb, or None.

    "হামলা না চালানোর নির্দেশ" (an order not to attack): না right after the
    trigger noun, before its verbal noun; "সেনা না পাঠানোর": না right before a
    verbal trigger; "কোনো চুক্তি ছাড়াই" (without any deal), "বিনা যুদ্ধে"
    (without a fight); "চুক্তি সইয়ের কথা ছিল" (was due to be signed): what was
    due and did not come about.
    """
    before = [t for t in toks if t.end <= t_start][-1:]
    if after:
        first = after[0].text
        if first in st.negative_words and len(after) > 1 and _WORD.search(after[1].text):
            return first
        if first in st.without_after:
            return first
    if before and (before[0].text in st.without_before or before[0].text in st.negative_before):
        return before[0].text
    text = " ".join(t.text for t in after[:4])
    for cue in st.unfulfilled_cues:
        if _has_phrase(text, cue):
            return cue
    return None


def _not_an_event(toks: list[Token], t_start: int, t_end: int, c_start: int, c_end: int, g: Grammar,
                  mode: str | None = None) -> bool:
    """Whether the trigger, though a trigger word, tells no event (grammar.yaml `not_events`).

    "ইউক্রেন যুদ্ধে ৬ হাজার সেনা নিহত হয়েছে": a war's toll as a whole (a
    claim), when the war frames the toll word in its clause.  "X সতর্ক করেছে
    যে Y আরও সৈন্য পাঠাতে পারে": a warning whose content is a possibility
    is a forecast, not a threat.  A trigger of ``mode`` release let go from a
    hospital is a discharge.
    """
    words = [t for t in toks if t_start <= t.start and t.end <= t_end]
    if not words:
        return False
    first = toks.index(words[0])
    last = first + len(words) - 1
    if _heading_label(toks, first, last):
        # "বিএনপির অভিযোগ: গতকাল ... অভিযোগ করেন": a run-in subheading names what the
        # sentence then tells; the telling is the event.
        return True
    if _in_label(toks, first, last):
        # "পরিদর্শক (তদন্ত)", "(ওসি তদন্ত)": a trigger word in a parenthesis of a word
        # or two labels the word before it (an officer's branch), it tells nothing.
        return True
    brk = next((i for i, t in enumerate(toks) if t.start >= c_end), None)
    if brk is not None and not _WORD.search(toks[brk].text):
        # "রাশিয়াকে কীভাবে অস্ত্র দেওয়া যায়– এ নিয়ে আলোচনা হবে": the clause is what the talk is about
        then = " ".join(t.text for t in toks[brk + 1:brk + 4])
        if any(then == p or then.startswith(p + " ") for p in g.resumptive_topics):
            return True
    head = words[-1].text
    before = [t.text for t in toks if c_start <= t.start and t.end <= t_start]
    if mode == "release" and any(w == "থেকে" and i and before[i - 1].startswith(g.discharge_places)
                                 for i, w in enumerate(before)):
        return True  # "হাসপাতাল থেকে তাঁদের ছেড়ে দেওয়া হয়েছে": let go from care (`discharge_places`), not custody
    if head.startswith(g.collision_heads) and _names_vehicle(before, g):
        return True  # "একটি ট্রাকের সঙ্গে একটি বাসের সংঘর্ষ হয়": a collision, not a clash
    if any(head.startswith(w) and head[len(w):] in g.toll_plurals for w in g.toll_words):
        return True  # "ভবনধসে নিহতদের পরিবারকে": the dead are named, their death told elsewhere
    if any(head.startswith(w) for w in g.toll_words) and _toll_denied(toks, t_end, c_end, g):
        # "তবে এ ঘটনায় কেউ হতাহত হননি", "হতাহতের খবর পাওয়া যায়নি": no one hurt
        # is not an attack that did not happen; the attack, if any, is told elsewhere.
        return True
    if head in g.toll_words:
        if last + 1 < len(toks) and toks[last + 1].text in g.toll_referents:
            return True  # "আহত ব্যক্তিদের ভর্তি করা হয়": the hurt are named, no harm is told here
        if _toll_attributive(toks, last, c_end, g):
            return True  # "নিহত শ্রমিকের পরিবারকে": the dead are named, their death told elsewhere
        # Accident words also end compounds: বাসচাপায়, ভবনধসে, কালবৈশাখী ঝড়ে.  A collision of
        # vehicles is an accident too.
        return any(w in g.war_frames or w.endswith(g.accident_frames) for w in before) or (
            any(w.startswith(g.collision_heads) for w in before) and _names_vehicle(before, g))
    if any(head.startswith(w) for w in g.warning_words):
        after = [t for t in toks if t.start >= t_end]
        comp = next((i for i, t in enumerate(after) if t.text in g.warning_complementizers), None)
        if comp is None or comp > g.warning_complement_within:
            return False
        content = after[comp + 1:]
        end = next((i for i, t in enumerate(content) if t.text in g.content_ends), len(content))
        words_after = [t.text for t in content[:end] if _WORD.search(t.text)]
        return any(w.startswith(m) for w in words_after[-g.content_verb_within:] for m in g.status.hypothetical_after)
    return False


def _names_vehicle(words: list[str], g: Grammar) -> bool:
    """Whether one of ``words`` (or two in a row: কাভার্ড ভ্যান) names a vehicle (grammar.yaml
    not_events `vehicles`), bare or with one of `vehicle_endings`."""
    def is_vehicle(w: str) -> bool:
        return w in g.vehicles or any(w.endswith(e) and w[:-len(e)] in g.vehicles for e in g.vehicle_endings)
    return any(is_vehicle(w) for w in words) or any(is_vehicle(f"{a} {b}") for a, b in zip(words, words[1:]))


def _negative_ending(word: str, st: Any) -> bool:
    """Whether ``word`` is a verb negated by its ending (করেননি, হয়নি), longer than the ending."""
    return any(word.endswith(e) and len(word) > len(e) + 1 for e in st.negative_endings)


def _heading_label(toks: list[Token], first: int, last: int, most: int = 3) -> bool:
    """Whether toks[first..last] end a run-in subheading ("X-এর অভিযোগ:") of at most ``most`` words
    whose trigger word the sentence then uses again ("... অভিযোগ করেন"): the heading only names
    what is told after it.  (A heading the sentence does not retell, "থানা ঘেরাও:", stays.)
    """
    if last + 1 >= len(toks) or toks[last + 1].text != ":":
        return False
    start = first
    while start > 0 and _WORD.search(toks[start - 1].text):
        start -= 1
    if last - start + 1 > most:
        return False
    word = toks[last].text
    return any(t.text.startswith(word) or (word.startswith(t.text) and len(t.text) > 3) for t in toks[last + 2:])


def _in_label(toks: list[Token], first: int, last: int, most: int = 3) -> bool:
    """Whether toks[first..last] lie in a parenthesis of at most ``most`` tokens, ending it."""
    if last + 1 >= len(toks) or toks[last + 1].text != ")":
        return False
    opener = next((i for i in range(first - 1, max(first - most, 0) - 1, -1) if toks[i].text == "("), None)
    return opener is not None and all(_WORD.search(t.text) for t in toks[opener + 1:last + 1])


def _toll_attributive(toks: list[Token], last: int, c_end: int, g: Grammar) -> bool:
    """Whether the toll word at ``toks[last]`` qualifies a name or noun in the genitive.

    "নিহত তানভীরের বাবা", "নিহত দুই শিক্ষার্থীর পরিবারের": up to three words
    (a count, a name) and then a genitive, no verb between -- the dead are
    who the sentence is about, not a death it tells.  A toll told ("নিহত
    হয়েছেন", "হামলায় নিহত ৫") has its verb or a bare count after it.
    """
    for t in toks[last + 1:last + 5]:
        if t.end > c_end or not _WORD.search(t.text) or _is_verb(t.text, g) or t.text in g.toll_told:
            return False
        if _ends_with_any(t.text, g.genitive_endings) and len(t.text) > 2:
            return True
    return False


def _toll_denied(toks: list[Token], t_end: int, c_end: int, g: Grammar) -> bool:
    """Whether a toll word's clause denies it: a negated verb after it (হননি, যায়নি, হয়নি)."""
    st = g.status
    after = [t.text for t in toks if t.start >= t_end and t.end <= c_end]
    return any(w in st.negative_words or _negative_ending(w, st) for w in after)


def _before_upcoming(toks: list[Token], t_start: int, t_end: int, g: Grammar) -> tuple[str, str] | None:
    """("planned", cue) when the trigger is what its sentence's main clause comes before.

    "বৈঠকের আগে ফোনালাপ" (a call before the meeting), "সফরের তিন দিন আগে
    ... কথা হলো": a meeting or visit in the genitive before আগে / পূর্বে,
    with no verb of its own, is still to come when the main clause is told
    in the present or the recent past.  A main verb in the past perfect
    (-ছিল) or a background cue (এর আগে, গত বছর) recalls an old sequence,
    whose meeting happened too.
    """
    st = g.status
    i = next((k for k, t in enumerate(toks) if t.end == t_end), None)
    if i is None:
        return None
    last = toks[i].text
    for k in range(i + 1, min(i + 5, len(toks))):
        w = toks[k].text
        if w in g.clause_breaks:
            return None
        if w in st.before_words:
            # The trigger (or the verbal noun right after it: বৈঠক শুরুর আগে) is genitive.
            owned = _ends_with_any(last, _GENITIVE) or k > i + 1 and _ends_with_any(toks[i + 1].text, _GENITIVE)
            if not owned or any(_past_marked(t.text, g) for t in toks[i + 1:k]):
                return None
            rest = toks[k + 1:]
            end = next((j for j, t in enumerate(rest) if t.text in g.clause_breaks and t.text not in (",",)), len(rest))
            main = next((t.text for j, t in enumerate(rest[:end]) if _is_verb(t.text, g)
                         and not _by_means(toks, k + 1 + j, g)), None)
            words = " ".join(t.text for t in toks)
            if main is not None and any(main.endswith(e) for e in st.background_endings):
                return None
            if any(_has_phrase(words, c) for c in st.background_cues):
                return None
            return "planned", w
    return None


def _past_marked(verb: str, g: Grammar) -> bool:
    return any(verb.endswith(e) for e in g.status.background_endings) or any(
        verb.endswith(e) for e in ("েছে", "েছেন", "লেন", "লো", "ল"))


def _historical(status: str, date_v: str | None, ref: date | None, verb: str | None, cue: str | None,
                words: list[str], g: Grammar) -> str:
    st = g.status
    if status == "hypothetical" and cue in st.conditional_words and ref is not None and date_v:
        # "১৭ বছরের কারাদণ্ড দেওয়া হলে ২০১৮ সালের ৮ ফেব্রুয়ারি তাকে কারাগারে পাঠানো হয়":
        # a -লে clause told with a date well past is "when it was done", not "if".
        last = _bounds(date_v)[1]
        if last is not None and (ref - last).days > st.historical_after_days:
            return "historical"
    if status != "occurred" or ref is None:
        return status
    joined = " ".join(words)
    # A period counts from its last day: "this month" is never background
    # (but "চলতি মাসের শুরুতে", early this month, ends early).
    day = _last_day(date_v, joined, g) if date_v else None
    if day is not None and (ref - day).days > st.historical_after_days:
        # "গত মাস থেকে চলা আলোচনা": going on since then, so not over.
        if not any(_has_phrase(joined, c) for c in st.ongoing_cues):
            return "historical"
    if verb is not None and _past_marked(verb, g) and any(_has_phrase(joined, c) for c in st.repeated_cues):
        # "তারা বহুবার ফোনে কথা বলেছেন": a series summed up is the story so far, not the news.
        return "historical"
    past_perfect = verb is not None and any(verb.endswith(e) for e in st.background_endings)
    cue_hit = any(_has_phrase(joined, c) for c in st.background_cues)
    # The past perfect puts the act before the news: a period it is dated by
    # counts from its first day ("চলতি মাসের শুরুতে ... বৈঠক করেছিলেন").
    first = _bounds(date_v)[0] if date_v else None
    if past_perfect and (cue_hit or first is None or (ref - first).days > st.background_verb_after_days):
        # The past perfect with no date of its own ("সেনা জড়ো করা হয়েছিল")
        # recalls what came before the news.
        return "historical"
    return status


def _text_day(d: _Draft) -> bool:
    """Whether the draft's own clause or sentence dates it to a day (not carried, not a month)."""
    return d.date_how in ("text", "sentence") and bool(d.date) and _date_part(d.date)[1] == "day"


def _news_day(drafts: list[_Draft], lead_end: int, ref: date | None, within: int) -> tuple[date, int] | None:
    """The day of the news: the day the lead's first happening told as done is dated to by
    the text, when that is one of the ``within`` days before the publication ("ঢাকা, ১৩ সেপ্টেম্বর --
    ... গতকাল মঙ্গলবার ..."; a morning paper reports the day before).  None when the lead
    tells the publication day itself, or nothing dated.  With the day, the start of the
    sentence that tells it."""
    lead = [d for d in drafts if d.evidence[0].sentence_start < lead_end and d.status == "occurred" and _text_day(d)]
    if ref is None or not lead:
        return None
    first = min(lead, key=lambda d: d.evidence[0].trigger_start)
    day = date.fromisoformat(first.date)
    return (day, first.evidence[0].sentence_start) if 0 < (ref - day).days <= within else None


def _background_pass(drafts: list[_Draft], lead_end: int, ref: date | None, g: Grammar) -> None:
    """Mark as historical what the article recalls behind its news.

    Reports lead with the news and recall the past further down.  An event
    told after the lead paragraphs and dated clearly before the news -- the
    newest day the lead's own events carry, else the publication date -- is
    background, even when it is only days old ("last Monday Putin
    recognised ...", in a report of Thursday's invasion).
    """
    if ref is None or not drafts:
        return
    st = g.status
    lead_days = [_bounds(d.date)[1] for d in drafts
                 if d.date and d.evidence[0].sentence_start < lead_end and d.status == "occurred"]
    news = max([x for x in lead_days if x is not None and x <= ref] or [ref])
    for d in drafts:
        if d.status != "occurred" or not d.date or d.evidence[0].sentence_start < lead_end:
            continue
        if d.date_how == "sentence":
            continue  # the date of another clause ("সফরের খবর ছড়ানোর পর গত শুক্রবার ...") says nothing of this one
        last = _last_day(d.date, normalize(d.date_text or ""), g)
        if last is not None and (news - last).days > st.background_before_news_days:
            d.status = "historical"
    for d in drafts:
        # "গত সোমবার পুতিন ... স্বীকৃতি দেন এবং ... সেনা পাঠানোর নির্দেশ দেন": a
        # later clause of one doer, dated only by its sentence, is told at the
        # time of the clause that holds the date, so it is background with it.
        if d.status != "occurred" or d.date_how != "sentence":
            continue
        doers = {a.key for a in d.actors}
        ev = d.evidence[0]
        if any(o is not d and o.status == "historical" and o.date == d.date and o.date_how == "text"
               and o.evidence[0].sentence_start == ev.sentence_start
               and o.evidence[0].trigger_start < ev.trigger_start and doers & {a.key for a in o.actors}
               for o in drafts):
            d.status = "historical"


def _before_background(toks: list[Token], timexes: list[Any], t_end: int, c_end: int, s_end: int,
                       ref: date | None, g: Grammar) -> bool:
    """Whether the trigger, closed by পর / শেষে (right after it, or after its verbal noun: সাজা
    হওয়ার পর), comes before a main clause that is itself background: told in the past
    perfect, or dated beyond `historical_after_days`.  ("সফরের খবর প্রকাশের পর": what comes
    before the main clause is the news of the visit, not the visit.)"""
    if ref is None or not any(t.end == c_end and t.text in g.dates.after_words for t in toks):
        return False
    between = [t.text for t in toks if t.start >= t_end and t.end <= c_end][:-1]  # the subordinator left out
    if len(between) > 1 or (between and not _ends_with_any(between[0], ("ার", "নোর"))):
        return False
    end = next((t.start for t in toks if t.start >= c_end and t.text in ("।", "?", "!")), s_end)
    main = [t.text for t in toks if c_end <= t.start and t.end <= end]
    verbs = [w for w in main if _is_verb(w, g)]
    if verbs and any(verbs[-1].endswith(e) for e in g.status.background_endings):
        return True
    return _dated_beyond(timexes, c_end, end, ref, g)


def _dated_beyond(timexes: list[Any], lo: int, hi: int, ref: date, g: Grammar) -> bool:
    """Whether a date or time starting in ``[lo, hi)`` ends more than `historical_after_days` before ``ref``."""
    for t in timexes:
        v = _date_part(t.value)[0] if t.type in ("DATE", "TIME") else None
        last = _bounds(v)[1] if v else None
        if lo <= t.start < hi and last is not None and (ref - last).days > g.status.historical_after_days:
            return True
    return False


def _fold_recalled(drafts: list[_Draft], lead_end: int) -> list[_Draft]:
    """Fold an undated telling below the lead into the dated background telling of the same act.

    "উত্তর কোরিয়া সম্প্রতি রাশিয়ার কুরস্ক অঞ্চলে হাজার হাজার সৈন্য পাঠিয়েছে" and, paragraphs
    on, "২০২৪ সালে পিয়ংইয়ং রাশিয়ার কুরস্ক অঞ্চলে ... সেনা ... পাঠিয়েছে": the same doer doing
    the same act to the same side at the same place is one happening, and the telling that
    dates it says when -- so the undated one is background too.  Told at no place, or at
    another, the two stay apart: a second arrest or meeting of the same people is common
    ("অস্ত্র সরবরাহ করছে", told with no place, is ongoing aid, not the sending).
    """
    out = list(drafts)
    for d in drafts:
        if d.status != "occurred" or d.date is not None or d.location is None \
                or d.evidence[0].sentence_start < lead_end or not d.mkeys():
            continue
        into = next((h for h in out if h is not d and h.status == "historical" and h.date_how in TEXT_DATE_HOWS
                     and h.type == d.type and h.mode == d.mode and h.location is not None
                     and h.location.key == d.location.key and _within(d.mkeys(), h.mkeys(), down=True, up=True)),
                    None)
        if into is None:
            continue
        into.evidence = sorted(into.evidence + d.evidence, key=lambda e: e.trigger_start)
        _fill(into, d)
        out.remove(d)
    return out


def _content_of_past_saying(toks: list[Token], timexes: list[Any], c_start: int, own_start: int,
                            verb: str | None, ref: date | None, g: Grammar) -> bool:
    """Whether the trigger is told, in the past, in the content of a saying (closed by যে) that is
    dated beyond `historical_after_days`: "চলতি বছরের এপ্রিলে উত্তর কোরিয়া স্বীকার করে যে তারা ...
    সেনা ইউনিট পাঠিয়েছে" -- what was owned up to in April was done before April, so in an
    article of August it is background.  (The saying's date is not the act's: it stays undated.)"""
    if ref is None or own_start <= c_start or verb is None or not _past_marked(verb, g):
        return False
    closer = next((t.text for t in toks if t.end == own_start), None)
    return closer in g.status.past_saying_closers and _dated_beyond(timexes, c_start, own_start, ref, g)


def _last_day(value: str, text: str, g: Grammar) -> date | None:
    """The last day a date can mean; "early in" the period (`early_period`) ends a third of the way in."""
    first, last = _bounds(value)
    if first is None or last is None or first == last:
        return last
    if any(_has_phrase(text, c) for c in g.status.early_period):
        return date.fromordinal(first.toordinal() + (last.toordinal() - first.toordinal()) // 3)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        # A happening dated only by its year ("২০২৫ সালে ... সেনা পাঠিয়েছে"):
        # news of the last days names the day, so a year named alone in a
        # report late in that year recalls the year behind it.  It counts
        # to mid-year (`year_counts_to_month`), not to 31 December.
        return date(first.year, g.status.year_counts_to_month, 1)
    return last


def _lead_end(article: Article, n: int, sentences: int = 0) -> int:
    """Where the first ``n`` paragraphs with sentences end in the body."""
    paras = [p for p in article.paragraphs if p.sentences]
    if not paras:
        return 0
    if len(paras) == 1 and sentences > 0:
        # One paragraph for the whole body (a record that lost its line
        # breaks): the lead is its first sentences, not all of it.
        sents = paras[0].sentences
        return sents[min(sentences, len(sents)) - 1].end
    return paras[min(n, len(paras)) - 1].sentences[-1].end


def _bounds(value: str) -> tuple[date | None, date | None]:
    """First and last day a date value can mean (a month, a year, an ISO week)."""
    week = _WEEK.match(value)
    if week:
        try:
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        except ValueError:
            return None, None
        return monday, date.fromordinal(monday.toordinal() + 6)
    m = _ISO.match(value)
    if not m:
        return None, None
    y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    try:
        if d:
            return date(y, mo, d), date(y, mo, d)
        if mo:
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return date(y, mo, 1), date.fromordinal(nxt.toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None, None


def _as_source(c: Any) -> EventSource:
    """An attribution record as the event's source: named actor, wire, or an unnamed label."""
    return EventSource(
        text=c.text, kind=c.kind, actor_id=c.actor_id or c.wire_id,
        name_en=c.name_en or c.label, start=c.start, end=c.end,
    )


# What a threat says will happen is its content, not an event: "হুঁশিয়ার করে
# দিয়েছেন, ... দায়ীদের নিষেধাজ্ঞার মুখে পড়তে হবে".  Its condition ("অস্ত্র
# সরবরাহ করা হলে", hypothetical) is still told as a possible event.
_THREAT_CONTENT_STATUSES = frozenset({"planned"})


def _heads(entry: Any) -> set[str]:
    """The noun a trigger phrase is built on: its last word (শীর্ষ বৈঠক -> বৈঠক).

    A verb of going has none: its tellings are matched by their mode (visit).
    """
    words = getattr(entry, "words", None)
    # ৎ is ত at the end of a word: সাক্ষাৎ and সাক্ষাতে share one noun.
    return {words[-1].replace("ৎ", "ত")} if words else set()


def _clause_closed(a: Evidence, b: Evidence) -> bool:
    """Whether a verb and then a joining word (এবং, আর, কিন্তু: the word
    clause breaks of grammar.yaml) stand between trigger ``a`` and the later
    trigger ``b`` of the same sentence.

    Bengali is verb-final: "সৈন্য পাঠিয়েছে এবং ... অস্ত্র সরবরাহ করছে" tells two
    acts, each closed by its verb, while "ড্রোন ও ক্ষেপণাস্ত্র হামলা চালায়",
    "সফরে গিয়ে ... বৈঠক করেছেন" (no break after the verb) and "ড্রোন ছোড়ে,
    যার প্রায় সবই ভূপাতিত করা হয়" (a comma and a relative clause that says
    more of the same act) tell one.  The first trigger's own words after its
    first count (a trigger may end in its verb: সৈন্য পাঠিয়েছে).
    """
    if a.sentence_start != b.sentence_start or b.trigger_start <= a.trigger_start:
        return False
    g = load_grammar()
    text = a.sentence[a.trigger_start - a.sentence_start:b.trigger_start - a.sentence_start]
    words = [normalize(w) for w in _WORD_RUN.findall(text)][1:]
    verb_seen = False
    for w in words:
        if verb_seen and w in g.clause_breaks:
            return True
        verb_seen = verb_seen or _is_verb(w, g)
    return False


_WORD_RUN = regex.compile(r"[\p{L}\p{M}]+")
_BRACKETED = regex.compile(r"\([^()]{0,40}\)")


# Acts announced as a package: "ব্যাংকের ওপর নিষেধাজ্ঞা আরোপ করেছেন এবং রপ্তানিতে
# কড়াকড়ি আরোপ করেছেন" by one side on one target in one sentence is one round of
# sanctions, though each measure has its verb (unlike sending troops and then
# arms, two acts of aid).
_PACKAGE_TYPES = frozenset({"SANCTION"})


def _package(prev: _Draft, d: _Draft) -> bool:
    """Whether ``d`` is one more measure of the package ``prev`` told in its sentence:
    same type and status, and no side ``prev`` has not named."""
    return (d.type in _PACKAGE_TYPES and prev.status == d.status and bool(d.mkeys())
            and any(e.sentence_start == d.evidence[0].sentence_start for e in prev.evidence)
            and _within(d.mkeys(), prev.mkeys(), down=True, up=True))


def _done_by(a: Evidence, b: Evidence) -> bool:
    """Whether trigger ``a`` is followed by a conjunctive participle and then,
    within its clause, by trigger ``b``: "সড়ক অবরোধ করে বিক্ষোভ করেছে" (they
    protested by blocking roads) is one act told by its means and its kind."""
    if a.sentence_start != b.sentence_start or b.trigger_start <= a.trigger_end:
        return False
    words = [normalize(w) for w in _WORD_RUN.findall(a.sentence[a.trigger_end - a.sentence_start:b.trigger_start - a.sentence_start])]
    g = load_grammar()
    return bool(words) and words[0] in g.status.converbs and not any(w in g.clause_breaks for w in words)


def _dedupe_same_sentence(drafts: list[_Draft]) -> list[_Draft]:
    """Two triggers of one type in one clause ("ড্রোন ও ক্ষেপণাস্ত্র হামলা") are one
    event; a planned act told after a threat in its sentence is what is
    threatened, not an event."""
    out: list[_Draft] = []
    threat_at: int | None = None
    for d in drafts:
        if d.type == "THREATEN":
            threat_at = d.evidence[0].trigger_end if threat_at is None else threat_at
        elif (threat_at is not None and d.evidence[0].trigger_start >= threat_at
              and d.status in _THREAT_CONTENT_STATUSES):
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.type != d.type and prev.status == d.status and len(prev.evidence) == 1
                and prev.heads & set(load_grammar().status.medium_heads) and _done_by(prev.evidence[0], d.evidence[0])):
            # "স্মারকলিপি দিয়ে এ সিদ্ধান্তের প্রতিবাদ করে": the memorandum is how the
            # protest was lodged; the act told after it says what kind of act it was.
            d.evidence.insert(0, prev.evidence[0])
            _fill(d, prev)
            out[-1] = d
            continue
        if (prev is not None and prev.type == d.type and prev.status == d.status
                and (prev.mode == d.mode or _done_by(prev.evidence[-1], d.evidence[0]))
                and prev.evidence[0].sentence_start == d.evidence[0].sentence_start
                and (not d.mkeys() or not prev.mkeys() or d.mkeys() & prev.mkeys())
                and (d.anaphoric or not _clause_closed(prev.evidence[-1], d.evidence[0]))):
            prev.evidence.append(d.evidence[0])
            _fill(prev, d)
            continue
        out.append(d)
    return out


@lru_cache(maxsize=4096)
def _country_of(key: str) -> str | None:
    """The id of the country an actor belongs to (itself for a country), from the dictionary."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    actor = d.get(key)
    if actor is None or not actor.country:
        return None
    country = d.country(actor.country)
    return country.id if country is not None else None


def _covers(key: str, others: set[str], down: bool = False, up: bool = False) -> bool:
    """Whether ``key`` is among ``others``, or stands for the same side under
    another name: with ``down`` a country naming the side of a person of that
    country among ``others`` (উত্তর কোরিয়া after কিম); with ``up`` the other
    way (কিম after উত্তর কোরিয়া).  Two different people of one country, two
    places, or a body and the country it is based in are never one side."""
    if key in others:
        return True
    if not (down or up):
        return False
    mine = _country_of(key)
    if mine is None:
        return False
    for o in others:
        if _country_of(o) != mine:
            continue
        if down and _is_territory(key) and _is_person(o):
            return True
        if up and _is_person(key) and _is_territory(o):
            return True
    return False


@lru_cache(maxsize=4096)
def _is_territory(key: str) -> bool:
    from ..actors.dictionary import load_dictionary

    actor = load_dictionary().get(key)
    # Countries only: a city is as often where something happened (ভ্লাদিভোস্টক ও
    # মস্কোয় যান) as the government it is named for.
    return actor is not None and actor.type == "country"


@lru_cache(maxsize=4096)
def _is_person(key: str) -> bool:
    """A person stands for the country he serves; a body based in a country
    (an armed group, a party) need not be on its state's side."""
    from ..actors.dictionary import load_dictionary

    actor = load_dictionary().get(key)
    return actor is not None and actor.type == "person"


def _within(a: set[str], b: set[str], down: bool = False, up: bool = False) -> bool:
    return all(_covers(k, b, down, up) for k in a)


def _same_kind(prev: _Draft, d: _Draft) -> bool:
    """Told with the same noun (বৈঠক ... ওই বৈঠকে), or, for a verb of going
    that has no noun, with the same mode (যাবেন ... সফর: a visit)."""
    if d.heads & prev.heads:
        return True
    # A trip told with several nouns (যাওয়ার, ভ্রমণ, সফর) is still a visit.
    return (not d.heads or not prev.heads or d.mode == "visit") and d.mode is not None and d.mode == prev.mode


def _fill(into: _Draft, d: _Draft) -> None:
    if into.merge_keys is not None:
        # A side already named under another name (the country of a person
        # named before) adds no one: the next retelling is judged on the
        # first telling's participants, not on a growing set.
        same = _same_kind(into, d)
        into.merge_keys |= {k for k in d.mkeys() if not _covers(k, into.merge_keys, down=same)}
    if into.merge_doers is not None and d.merge_doers is not None:
        into.merge_doers |= d.merge_doers
    into.heads |= d.heads
    # A participant the event already has under another name (the country
    # of a person it names) is not added again.
    for p in d.actors:
        if not _covers(p.key, into.keys(), down=True, up=True):
            into.actors.append(p)
    for p in d.recipients:
        if not _covers(p.key, into.keys(), down=True, up=True):
            into.recipients.append(p)
    if into.location is None:
        into.location = d.location
    if into.date is None and d.date is not None:
        into.date, into.granularity, into.date_how, into.date_text = d.date, d.granularity, d.date_how, d.date_text
    for s in d.sources:
        if s.text not in {x.text for x in into.sources}:
            into.sources.append(s)
    into.has_verb = into.has_verb or d.has_verb


def _dates_agree(a: _Draft, b: _Draft) -> bool:
    if a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


# A telling that says the thing may happen, or did not, is not a retelling of
# one that says it happened: "যুদ্ধ বেধে যেতে পারে" after a dogfight, "কোনো
# অস্ত্রবিরতি মানা হয়নি" after a ceasefire agreed.
_UNREAL = frozenset({"hypothetical", "negated"})


# Types whose modes name the means, not the act: a blast and the destruction
# it caused are one attack (বিস্ফোরণ ঘটিয়ে গুঁড়িয়ে দিয়েছে).
_MODE_IS_MEANS = frozenset({"ASSAULT"})


# A plan and a possibility about it of the same kind ("সফরে যাচ্ছেন ... সড়কপথে ভ্রমণ
# করতে পারেন": how he may travel; "বৈঠকটি রাজধানীতে হতে পারে": where it may be) are
# one happening still to come.
_TO_COME = frozenset({"planned", "hypothetical"})


def _statuses_agree(a: str, b: str) -> bool:
    return a == b or not ({a, b} & _UNREAL)


# The mode of a conference of many (সম্মেলন): a meeting of two on its
# sidelines is another happening.
_GATHERING = "multilateral"


def _is_object(d: _Draft) -> bool:
    """Whether the trigger is in the accusative or genitive: the object or
    possessor of another verb's act (এই সাক্ষাৎকে, ওই বৈঠকের)."""
    g = load_grammar()
    word = normalize(d.evidence[0].trigger).split()[-1] if d.evidence[0].trigger.split() else ""
    return any(word.endswith(e) for e in g.accusative_endings + g.genitive_endings)


def _governed(toks: list[Token], t_end: int, verb_i: int | None, lv: Any, sent_start: int, entry: Any,
              g: Grammar) -> bool:
    """Whether a noun trigger in the accusative or genitive is governed by a verb that is not its
    own light verb ("সফরকে সামনে রেখে ... যান", "সফরের বিষয়টি সামনে এলো"; not "বৈঠকের পর", a
    subordinate clause of its own)."""
    if getattr(entry, "kind", None) == "verb" or verb_i is None or lv is not None:
        return False
    last = next((t for t in reversed(toks) if t.end <= t_end), None)
    head = next(iter(_heads(entry)), "")
    word = last.text.replace("ৎ", "ত") if last is not None else ""
    # Only what the word adds to its noun is a case ending (বৈঠকে is locative, not বৈঠ + কে).
    rest = word[len(head):] if head and word.startswith(head) else ""
    if not rest or not any(rest.endswith(e) for e in g.accusative_endings + g.genitive_endings):
        return False
    nxt = next((t for t in toks if t.start >= t_end), None)
    return nxt is None or nxt.text not in g.subordinators


def _after_gap(toks: list[Token], t_start: int, t_end: int, entry: Any, mentions: list[ActorMention]) -> int:
    """Where the part after the gap of a split trigger starts, when a name stands in the gap
    (else the trigger's start: "চীনের শুল্ক ... কমে" keeps its genitive right before the noun)."""
    gap_at = getattr(entry, "gap_at", None)
    if gap_at is None:
        return t_start
    inside = [t for t in toks if t_start <= t.start and t.end <= t_end]
    n = len(entry.words) - gap_at
    if len(inside) < n or not any(inside[0].end <= m.start and m.end <= inside[-n].start for m in mentions):
        return t_start
    return inside[-n].start


def _own_time(toks: list[Token], dtext: str | None, t_start: int, g: Grammar) -> bool:
    """Whether the time expression is in the genitive right before the trigger ("সোমবারের বৈঠককে"):
    then it dates the trigger's own happening, not the verb governing it."""
    before = [t.text for t in toks if t.end <= t_start][-1:]
    return bool(dtext and before and normalize(dtext).split()[-1] == before[0]
                and _ends_with_any(before[0], g.genitive_endings))


def _crossed(prev: _Draft, d: _Draft) -> bool:
    """X did it to Y in one telling and Y to X in the other: two acts (an attack and the reply)."""
    if prev.symmetric or d.symmetric or prev.merge_doers is None or d.merge_doers is None:
        return False
    prev_to, d_to = prev.mkeys() - prev.merge_doers, d.mkeys() - d.merge_doers
    if len(d.merge_doers) > 1 and _within(prev.merge_doers, d.merge_doers, down=True, up=True) \
            and not (len(prev.merge_doers) == 1 and prev_to and prev.type not in _cues().scene_types):
        # "দুই দেশের মধ্যে ... সফরের": both sides told as doers is no reply -- a gathering is told
        # from either side; but after one doer's act on the other, "they" did something is no
        # retelling ("রাশিয়া ইউক্রেনে হামলা চালিয়েছে ... ৬১টি ড্রোন ভূপাতিত করার দাবি করেছে তারা":
        # the defence is Ukraine's act, not the attack retold)
        return False
    return bool(prev.merge_doers & d_to) or bool(d.merge_doers & prev_to)


def _is_reply(d: _Draft) -> bool:
    """"পাল্টা হামলা" (a counter-attack): the act answers an earlier one of its type."""
    e = d.evidence[0]
    before = normalize(e.sentence[:e.trigger_start - e.sentence_start]).split()
    return bool(before) and before[-1] in load_grammar().status.reply_before


def _marked_another(d: _Draft) -> bool:
    """"আরেকটি বৈঠকে", "দ্বিতীয় দফা আলোচনা", "আবার হামলা": a word of the two right
    before the trigger marks the telling as another happening of its type."""
    e = d.evidence[0]
    before = normalize(e.sentence[:e.trigger_start - e.sentence_start]).split()[-2:]
    cues = load_grammar().status.another_before
    return any(" ".join(before[i:]) in cues for i in range(len(before)))


def _retells(prev: _Draft, d: _Draft) -> bool:
    """Whether ``d`` can be a later telling of the happening ``prev``."""
    if prev.type != d.type or _marked_another(d):
        return False
    if prev.mode and d.mode and prev.mode != d.mode and d.type not in _MODE_IS_MEANS:
        return False  # an arrest and a state of emergency are two happenings, whoever did them
    if d.mode and not prev.mode and d.type not in _MODE_IS_MEANS:
        # A telling that says how (ফোনালাপ, সফর) is not a later telling of a
        # meeting told without it: "বৈঠক করেছেন ... এরপর টেলিফোনেও কথা বলেছেন" are
        # two contacts.  The other way, a bare "বৈঠক শেষে" may retell a visit.
        return False
    if not d.anaphoric and not _package(prev, d) and any(_clause_closed(e, d.evidence[0]) for e in prev.evidence):
        # "সৈন্য পাঠিয়েছে এবং ... অস্ত্র সরবরাহ করছে": two acts of one sentence,
        # each with its verb ("... চালায় এবং এতে তিনজন নিহত হন" points back).
        return False
    if _crossed(prev, d) or _is_reply(d):
        return False
    if not _dates_agree(prev, d) and not ((d.anaphoric or d.oblique) and _is_object(d)):
        # "কেসিএনএ আজ এই সাক্ষাৎকে ঐতিহাসিক আখ্যা দিয়েছে": the happening pointed
        # back at is the object of another verb, and the day in its clause is
        # that verb's, not its own.
        return False
    if d.anaphoric and d.mode and prev.mode == d.mode and prev.mode != _GATHERING \
            and d.evidence[0].sentence_start - prev.evidence[-1].sentence_end <= 2:
        # "টেলিফোনে দুই নেতা কথা বলেন। ... এই ফোনালাপ হলো": "this call" right after a call is that call,
        # whoever the sentence also names.
        return True
    if d.mkeys() and prev.mkeys() and (prev.mode == _GATHERING) != (d.mode == _GATHERING):
        return False  # "সম্মেলনের সাইডলাইনে ... বৈঠক": a meeting of two held at a conference of many
    # A later telling of the same kind may name by its country a side told
    # before by a person ("সাক্ষাতে উত্তর কোরিয়া ..." after Lavrov met Kim);
    # only one pointing back (ওই বৈঠকে) may name a person where a country was
    # told: a person named anew (চোই সন হি, after a visit to North Korea) is
    # more likely another meeting.  Two tellings that each name other people,
    # or other places, are two happenings.
    same = _same_kind(prev, d)
    # A telling whose sides "দুই পক্ষ" names took them from the telling before: it may name
    # them by their countries even under another noun (সাক্ষাৎ ... বৈঠকে দুই পক্ষ).
    down, up = same or d.side_pair, same and (d.anaphoric or d.pointed)
    if (d.anaphoric or not d.mkeys()) and _within(d.mkeys(), prev.mkeys(), down, up) and (
            d.anaphoric or d.oblique or _statuses_agree(prev.status, d.status)):
        return True  # a retelling ("এই বৈঠক", or the bare "বৈঠক শেষে") names nobody new
    if (not prev.mkeys() and d.mkeys() and same and prev.status == d.status
            and d.evidence[0].sentence_start - prev.evidence[-1].sentence_end <= 2):
        # "গতকাল ... বৈঠকে এ সিদ্ধান্ত হয়" told with no sides, and the next sentence
        # tells the meeting with its sides: one meeting.  Further on, the same
        # noun with sides (a bare "অভিযোগ", paragraphs later someone's
        # accusation) is as likely another happening.
        return True
    same_status = prev.status == d.status or {prev.status, d.status} <= {"occurred", "planned"} and (
        d.anaphoric or d.oblique) or {prev.status, d.status} == _TO_COME and same or (
        # "শোইগু সম্প্রতি ... সফর করেছেন" then "তার সফরের সময় ... প্রদর্শন করা হয়েছিল": one
        # undated trip told in the past and then in the past perfect, by the same parties
        {prev.status, d.status} == {"occurred", "historical"} and same and prev.date is None
        and d.date is None and bool(d.mkeys()) and d.mkeys() == prev.mkeys())
    if d.anaphoric and not d.symmetric and not prev.actors and prev.recipients and d.actors and not d.recipients \
            and not {a.key for a in d.actors} & {r.key for r in prev.recipients} and same_status:
        # "... হামলায় সিআরপিএফের ৪০ জন সদস্য নিহত হন। জইশ ওই হামলার দায় স্বীকার করে": the pointing
        # telling gives the doer the first one lacked, and names no other party.
        return True
    return bool(d.mkeys() and prev.mkeys() and same_status
                and (_within(d.mkeys(), prev.mkeys(), down, up)
                     or same and _within(prev.mkeys(), d.mkeys(), up, down)))


def _merge_into(drafts: list[_Draft], d: _Draft) -> None:
    """Add ``d`` to the article's events, or to the earlier event it retells.

    Of the earlier events ``d`` can retell, the one built on the same noun
    wins (a bare ফোনালাপের retells the phone call, not a later meeting), then
    the one of the same status, then the same mode, then the latest.
    """
    best: _Draft | None = None
    best_rank: tuple[bool, bool, bool, int] | None = None
    for i, prev in enumerate(drafts):
        if not _retells(prev, d) or _scene_changed(drafts, prev, d):
            continue
        rank = (bool(d.heads & prev.heads), prev.status == d.status, bool(prev.mode) and prev.mode == d.mode, i)
        if best_rank is None or rank > best_rank:
            best, best_rank = prev, rank
    if best is not None:
        best.evidence.append(d.evidence[0])
        _fill(best, d)
        if best.status == "hypothetical" and d.status == "planned":
            best.status = "planned"  # "may meet ..." then "plans to meet": a plan
        if best.status == "occurred" and d.status == "historical" and best.date is None and d.date is None:
            best.status = "historical"  # "visited recently", then "during his visit ... had been": background
        if d.date is not None and best.date_how == "coreference":
            best.date_how = d.date_how
        return
    if d.anaphoric:
        # "এই বৈঠক" with no earlier telling in the body: the headline told it.
        d.anaphoric = False
    drafts.append(d)


def _scene_changed(drafts: list[_Draft], prev: _Draft, d: _Draft) -> bool:
    """Whether ``prev``, an act told within one gathering ("সাক্ষাতে উত্তর কোরিয়া ... সমর্থন
    পুনর্ব্যক্ত করেছে"), is left behind by another gathering told after it and before ``d``
    ("এদিকে ল্যাভরভ ও চোয়ে সন হুই-এর মধ্যে ... বৈঠক ... সমর্থন ব্যক্ত করেছে"): the same act by
    the same sides, said again after the report has moved to another meeting, is what was done
    at that one, unless ``d`` itself points back into the first."""
    if prev.within is None or prev.type in _cues().scene_types:
        return False
    a, b = prev.within
    host = _holding(drafts, a, b)
    if host is None or host.type not in _cues().scene_types:
        return False
    if d.within is not None and _holding(drafts, *d.within) is host:
        return False
    # (a gathering told in d's own sentence only says when: "বৈঠকের পর চুক্তিটি সই হয়")
    last, at = prev.evidence[-1].trigger_start, d.evidence[0].sentence_start
    return any(e is not host and e.type in _cues().scene_types and e.status == host.status
               and last < e.evidence[0].trigger_start < at for e in drafts)


def _holding(drafts: list[_Draft], a: int, b: int) -> _Draft | None:
    """The event one of whose tellings covers the span ``a``-``b`` (a scene told around an act)."""
    return next((e for e in drafts if any(x.trigger_start < b and a < x.trigger_end for x in e.evidence)), None)


def code_events(article: Article, coder: EventCoder | None = None) -> list[Event]:
    """Convenience: code one article with a default coder (built once per process)."""
    return (coder or default_coder()).code(article)


_DEFAULT: EventCoder | None = None


def default_coder() -> EventCoder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EventCoder()
    return _DEFAULT
