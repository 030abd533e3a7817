"""The supervised argument ranker: who is the actor and who the recipient of a coded event.

The coder's hand rules (``coder._roles`` / ``_assign``) read case markers
one way for every sentence; a round of further rules fitted the development
sentences and did not carry over (docs/events.md).  This module instead
*learns* how the cues weigh against each other from the development gold:

1. Every linked actor mention in the trigger's sentence (and in the previous
   sentence, for a pronoun or an ellipsis) is a :class:`Candidate` with
   language-level features: side of the trigger, token distance, the case
   marker or postposition after it (``data/events/arguments.yaml``), first
   named in the sentence, a verb of saying between it and the trigger,
   mention type, whether it is the cited source, the trigger's voice
   (passive ``করা হয়``, or ``আটক হন``), and the role the hand rules gave it.
2. A multinomial logistic regression (numpy, L2) scores each candidate as
   ``none`` / ``actor`` / ``recipient``.  Its weights are data
   (``data/events/argument_weights.yaml``) written by
   ``scripts/train_arguments.py``, deterministic.
3. Decoding: the best actor, then the best recipient among the other
   participants; the rules' answer stands when there is no candidate.  A
   place is never picked (a capital counts as its country), nor a country
   as the recipient of its own people's act: the development gold never
   codes either.

Nothing here is keyed to a gold article: the features are cues of the
language, the weights are fitted on the development gold only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from ..langdata import check_keys, fail, load_yaml, require
from ..records import ActorMention
from ..text.normalize import normalize
from .grammar import cue_strings

CUES_FILE = "events/arguments.yaml"
WEIGHTS_FILE = "events/argument_weights.yaml"
CLASSES = ("none", "actor", "recipient")
_CASE_KEYS = {"with", "against", "to", "from", "between", "agent", "accusative", "genitive", "locative"}
_MENTION_TYPES = ("person", "organisation", "country", "place")
# Token-distance buckets (words between the mention and the trigger): the
# upper bound of each bucket.  Adjacent names modify the trigger; far ones
# belong to another clause more often than not.
_DISTANCE_BUCKETS = (0, 1, 3, 7)


# -- language cues ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArgumentCues:
    """The case markers and voice words of ``data/events/arguments.yaml``."""

    after: tuple[tuple[str, str], ...]  # (postposition, case), longest first
    endings: tuple[tuple[str, str], ...]  # (ending, case), longest first
    participles: frozenset[str]
    be: frozenset[str]
    pronouns: tuple[str, ...]
    members: tuple[str, ...] = ()  # "যোদ্ধা": a genitive name before it takes part through its members
    country_pairs: tuple[str, ...] = ()  # "দুই দেশ": the two sides told before, as their countries
    leader_pairs: tuple[str, ...] = ()  # "দুই নেতা": the two leaders told before
    side_pairs: tuple[str, ...] = ()  # "দুই পক্ষ": the two sides told before, a person as the country he speaks for
    named_pairs: tuple[tuple[str, tuple[str, ...]], ...] = ()  # "দুই কোরিয়া": two countries by one name
    capitals: frozenset[str] = frozenset()  # dictionary ids of capitals: as a party, the country's government
    person_pronouns: tuple[str, ...] = ()  # "তিনি": stands for a person only
    speaker_offices: frozenset[str] = frozenset()  # "X-এর কার্যালয় জানায়": the office speaks for X
    group_pronouns: tuple[str, ...] = ()  # "তারা": a body or a country as well as several people
    topics: tuple[str, ...] = ()  # "নিয়ে", "বিষয়ে": the phrase before is what is talked about
    eras: frozenset[str] = frozenset()  # "আমলে", "শাসনামলে": the genitive before says when, not who
    go_betweens: frozenset[str] = frozenset()  # "মধ্যস্থতায়": the genitive before says through whom
    # "রাষ্ট্রপতির পদত্যাগের দাবিতে বিক্ষোভ": acts done to their owner that a protest demands
    demanded_against: tuple[str, ...] = ()
    protest_types: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()  # sectors that act for a state (GOV, MIL ...)
    left_from_types: frozenset[str] = frozenset()  # "দল থেকে পদত্যাগ": leaving one's own body
    own_body_nouns: frozenset[str] = frozenset()  # "দল", "জোট": one's own body, named bare
    first_person: tuple[str, ...] = ()  # "আমরা": a subject after a topic phrase
    announcer_not_doer: frozenset[str] = frozenset()  # event types an announcer is not taken to have done
    judging_nouns: tuple[str, ...] = ()  # "হামলার নিন্দা": the happening judged is no act of the judge
    announced_for_state: frozenset[str] = frozenset()  # types an official announcing in the passive does for his state
    time_phrase_ends: frozenset[str] = frozenset()  # "আগে", "পর": close a phrase naming another happening
    quantities: frozenset[str] = frozenset()  # "হাজার", "প্রায়": end like a case but a name before is no modifier
    pair_heads: frozenset[str] = frozenset()  # "দুই", "উভয়": a pair noun names exactly two sides
    state_acts: frozenset[str] = frozenset()  # event types a person does for his state toward another state
    answers: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # REJECT: {অভিযোগ: (ACCUSE,)}
    aimed_at_reported: frozenset[str] = frozenset()  # ACCUSE: told with its content, aimed at its subject
    received: frozenset[str] = frozenset()  # "মুক্তি পান": the subject gets the act, it is the recipient
    undergone_types: frozenset[str] = frozenset()  # COERCE: "X গ্রেপ্তার হন" -- the subject is the one arrested
    patient_nouns: tuple[str, ...] = ()  # "হত্যাকাণ্ড": a person's genitive before it is the one killed
    oblique_pronouns: frozenset[str] = frozenset()  # "আমাদেরকে": no name before it is its modifier
    speaker_objects: frozenset[str] = frozenset()  # "আমাদেরকে" in a quote: the speaker is the other party
    speaker_owners: frozenset[str] = frozenset()  # "আমাদের" before a postposition: likewise
    opinion_markers: frozenset[str] = frozenset()  # "তার মতে": the pronoun before it is whose view, no subject
    compound_modifiers: tuple[str, ...] = ()  # "হাসিনা নেতৃত্বাধীন": a bare name before it only qualifies a noun
    against_modifiers: tuple[str, ...] = ()  # "হাসিনা বিরোধী আন্দোলন": the name is what the act is against
    modifier_phrases: tuple[str, ...] = ()  # "বিরোধী দল": the modifier opens a phrase of its own
    undergone_nouns: frozenset[str] = frozenset()  # "আটক ও কারাবরণ করেন": a noun of suffering joined to the trigger
    placed_happenings: frozenset[str] = frozenset()  # "ইউক্রেনে রাশিয়ার যুদ্ধের": a place before it is the war's
    during_words: frozenset[str] = frozenset()  # "সম্মেলনের ফাঁকে": an act during another shares its place
    scene_types: frozenset[str] = frozenset()  # CONSULT: what is done in a meeting is done where it is
    scene_cues: tuple[str, ...] = ()  # "এ সময়", "সেখানে": done where the act told before was
    near_words: frozenset[str] = frozenset()  # "কাছে": "নিয়ন্ত্রণরেখার কাছে" is where, a person's is whom
    posted_words: frozenset[str] = frozenset()  # "নিযুক্ত": "ঢাকায় নিযুক্ত রাষ্ট্রদূত" is a title, not where
    host_nouns: tuple[str, ...] = ()  # "উদ্বোধন": who opens "এ বৈঠকের" hosts it, no side of it
    named_heads: tuple[str, ...] = ()  # "হাউস": "হায়দরাবাদ হাউস" is a building in Delhi, not in Hyderabad
    place_heads: tuple[str, ...] = ()  # "অঞ্চল": "ইউক্রেনের বিভিন্ন অঞ্চলে" is in Ukraine
    home_capital_words: tuple[str, ...] = ()  # "রাজধানী": the article's own country's capital
    home_country_phrases: tuple[str, ...] = ()  # "সারা দেশে": the article's own country
    victim_words: frozenset[str] = frozenset()  # "নিহত", "আহত": a name told bare with it is the one hit
    home_passive_types: frozenset[str] = frozenset()  # COERCE: told in the passive with no doer, the home state's
    kin_nouns: frozenset[str] = frozenset()  # "বোন": "X-এর বোন Y" is Y, X only says who she is
    count_words: frozenset[str] = frozenset()  # "অন্তত", "শতাধিক": a count between a body and its members
    own_forces_types: frozenset[str] = frozenset()  # MOBILIZE: the forces moved are the doer's own, never its target
    force_sectors: frozenset[str] = frozenset()  # MIL, COP: the dictionary sectors of armed forces and police
    request_types: frozenset[str] = frozenset()  # REQUEST: "X-এর পদত্যাগ দাবি" is asked of X
    opponent_types: frozenset[str] = frozenset()  # ASSAULT ...: told with no target, aimed at the doer's one opponent
    opponent_evidence_types: frozenset[str] = frozenset()  # the acts of conflict that say who is whose opponent


def _answers(value: Any) -> dict[str, dict[str, tuple[str, ...]]]:
    """``answers``: an event type, then a mapping of nouns to the event type (or the list of
    types) each names; PLOVER type names, checked against the ontology."""
    from .ontology import load_ontology

    if not isinstance(value, dict):
        raise fail(CUES_FILE, "answers", "should map an event type to a mapping of nouns to event types")
    known = set(load_ontology().types)
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for etype, nouns in value.items():
        where = f"answers.{etype}"
        if not isinstance(nouns, dict) or not all(isinstance(k, str) for k in nouns):
            raise fail(CUES_FILE, where, "should map nouns (strings) to an event type or a list of them")
        named = {normalize(k): (v,) if isinstance(v, str) else _strings(f"{where}.{k}", v) for k, v in nouns.items()}
        bad = sorted({str(etype)}.union(*named.values()) - known)
        if bad:
            raise fail(CUES_FILE, where, f"unknown PLOVER type(s) {', '.join(bad)}; use one of {', '.join(sorted(known))}")
        out[str(etype)] = named
    return out


def _event_types(where: str, named: tuple[str, ...]) -> frozenset[str]:
    """A list of PLOVER type names (``announced_for_state``, ``own_forces_types`` ...), each checked
    against the ontology: a misspelt one would silently switch a rule off."""
    from .ontology import load_ontology

    known = set(load_ontology().types)
    bad = sorted(set(named) - known)
    if bad:
        raise fail(CUES_FILE, where, f"unknown PLOVER type(s) {', '.join(bad)}; use one of {', '.join(sorted(known))}")
    return frozenset(named)


def _named_pairs(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``named_pairs``: a phrase naming two countries at once, mapped to their two dictionary ids
    (checked against the dictionary where they are used, which loads after this file)."""
    if not isinstance(value, dict):
        raise fail(CUES_FILE, "named_pairs", "should map a phrase to a list of two actor dictionary ids")
    out = []
    for phrase, ids in value.items():
        ids = _strings(f"named_pairs.{phrase}", ids)
        if len(ids) != 2:
            raise fail(CUES_FILE, f"named_pairs.{phrase}", f"names {len(ids)} ids; a pair names exactly two")
        out.append((normalize(str(phrase)), ids))
    return tuple(sorted(out, key=lambda x: len(x[0]), reverse=True))


def _strings(where: str, value: Any) -> tuple[str, ...]:
    return cue_strings(CUES_FILE, where, value)


@lru_cache(maxsize=1)
def load_cues() -> ArgumentCues:
    data = load_yaml(CUES_FILE)
    if not isinstance(data, dict):
        raise fail(CUES_FILE, "file", "expected a mapping of sections (cases, voice, pronouns)")
    check_keys(CUES_FILE, "top level", data, {"cases", "voice", "pronouns", "members", "country_pairs", "leader_pairs", "side_pairs", "capitals",
                                                    "person_pronouns", "speaker_offices", "group_pronouns", "topics", "first_person",
                                                    "announcer_not_doer", "announced_for_state", "judging_nouns", "time_phrase_ends", "quantities",
                                                    "pair_heads", "state_acts", "answers", "aimed_at_reported",
                                                    "undergone_types", "received", "patient_nouns", "oblique_pronouns",
                                                    "speaker_objects", "speaker_owners", "opinion_markers",
                                                    "compound_modifiers", "against_modifiers", "modifier_phrases",
                                                    "undergone_nouns", "victim_words", "own_forces_types", "force_sectors",
                                                    "count_words", "kin_nouns", "home_passive_types", "named_pairs", "eras", "go_betweens",
                                                    "demanded_against", "protest_types", "state_sectors",
                                                    "left_from_types", "own_body_nouns", "placed_happenings",
                                                    "during_words", "scene_types", "scene_cues", "posted_words", "near_words", "host_nouns", "named_heads", "place_heads",
                                                    "home_places", "request_types", "opponent_types", "opponent_evidence_types"})
    cases = require(CUES_FILE, "top level", data, "cases", dict)
    check_keys(CUES_FILE, "cases", cases, _CASE_KEYS)
    after: list[tuple[str, str]] = []
    endings: list[tuple[str, str]] = []
    for case, spec in cases.items():
        if not isinstance(spec, dict) or not spec:
            raise fail(CUES_FILE, f"cases.{case}", "should map 'after' and/or 'endings' to lists of strings")
        check_keys(CUES_FILE, f"cases.{case}", spec, {"after", "endings"})
        after += [(w, case) for w in _strings(f"cases.{case}.after", spec["after"])] if "after" in spec else []
        endings += [(e, case) for e in _strings(f"cases.{case}.endings", spec["endings"])] if "endings" in spec else []
    voice = require(CUES_FILE, "top level", data, "voice", dict)
    check_keys(CUES_FILE, "voice", voice, {"participles", "be"})

    home_places = data.get("home_places") or {}
    if not isinstance(home_places, dict):
        raise fail(CUES_FILE, "home_places", "should map 'capital' and 'country' to lists of words")
    check_keys(CUES_FILE, "home_places", home_places, {"capital", "country"})

    def listed(key: str) -> tuple[str, ...]:
        """An optional top-level list of cue words (absent: none)."""
        return _strings(key, data[key]) if key in data else ()

    def types(key: str) -> frozenset[str]:
        """An optional top-level list of PLOVER event types, checked against the ontology."""
        return _event_types(key, listed(key))

    return ArgumentCues(
        after=tuple(sorted(after, key=lambda x: len(x[0]), reverse=True)),
        endings=tuple(sorted(endings, key=lambda x: len(x[0]), reverse=True)),
        participles=frozenset(_strings("voice.participles", voice.get("participles"))),
        be=frozenset(_strings("voice.be", voice.get("be"))),
        pronouns=_strings("pronouns", data["pronouns"]),
        members=listed("members"),
        country_pairs=listed("country_pairs"),
        leader_pairs=listed("leader_pairs"),
        side_pairs=listed("side_pairs"),
        named_pairs=_named_pairs(data.get("named_pairs", {})),
        capitals=frozenset(listed("capitals")),
        person_pronouns=listed("person_pronouns"),
        speaker_offices=frozenset(listed("speaker_offices")),
        group_pronouns=listed("group_pronouns"),
        topics=listed("topics"),
        eras=frozenset(listed("eras")),
        go_betweens=frozenset(listed("go_betweens")),
        demanded_against=listed("demanded_against"),
        protest_types=types("protest_types"),
        state_sectors=frozenset(listed("state_sectors")),
        left_from_types=types("left_from_types"),
        own_body_nouns=frozenset(listed("own_body_nouns")),
        first_person=listed("first_person"),
        announcer_not_doer=types("announcer_not_doer"),
        announced_for_state=types("announced_for_state"),
        judging_nouns=listed("judging_nouns"),
        time_phrase_ends=frozenset(listed("time_phrase_ends")),
        quantities=frozenset(listed("quantities")),
        pair_heads=frozenset(listed("pair_heads")),
        state_acts=types("state_acts"),
        answers=_answers(data.get("answers", {})),
        aimed_at_reported=types("aimed_at_reported"),
        undergone_types=types("undergone_types"),
        received=frozenset(listed("received")),
        patient_nouns=tuple(normalize(w) for w in listed("patient_nouns")),
        victim_words=frozenset(normalize(w) for w in listed("victim_words")),
        count_words=frozenset(normalize(w) for w in listed("count_words")),
        kin_nouns=frozenset(normalize(w) for w in listed("kin_nouns")),
        own_forces_types=types("own_forces_types"),
        home_passive_types=types("home_passive_types"),
        force_sectors=frozenset(listed("force_sectors")),
        oblique_pronouns=frozenset(normalize(w) for w in listed("oblique_pronouns")),
        speaker_objects=frozenset(normalize(w) for w in listed("speaker_objects")),
        speaker_owners=frozenset(normalize(w) for w in listed("speaker_owners")),
        opinion_markers=frozenset(normalize(w) for w in listed("opinion_markers")),
        compound_modifiers=tuple(normalize(w) for w in listed("compound_modifiers")),
        against_modifiers=tuple(normalize(w) for w in listed("against_modifiers")),
        modifier_phrases=tuple(normalize(w) for w in listed("modifier_phrases")),
        undergone_nouns=frozenset(normalize(w) for w in listed("undergone_nouns")),
        placed_happenings=frozenset(normalize(w) for w in listed("placed_happenings")),
        during_words=frozenset(normalize(w) for w in listed("during_words")),
        scene_types=types("scene_types"),
        posted_words=frozenset(normalize(w) for w in listed("posted_words")),
        near_words=frozenset(normalize(w) for w in listed("near_words")),
        scene_cues=tuple(sorted((normalize(w) for w in listed("scene_cues")), key=len, reverse=True)),
        request_types=types("request_types"),
        opponent_types=types("opponent_types"),
        opponent_evidence_types=types("opponent_evidence_types"),
        host_nouns=tuple(normalize(w) for w in listed("host_nouns")),
        named_heads=tuple(normalize(w) for w in listed("named_heads")),
        place_heads=tuple(normalize(w) for w in listed("place_heads")),
        home_capital_words=tuple(normalize(w) for w in _strings("home_places.capital", home_places.get("capital", []))),
        home_country_phrases=tuple(normalize(w) for w in _strings("home_places.country", home_places.get("country", []))),
    )


# -- candidates ---------------------------------------------------------------------


@dataclass(slots=True)
class ArgContext:
    """What the ranker sees of one trigger: its sentence, the one before, and the rules' answer."""

    body: str
    event_type: str
    symmetric: bool
    speech_act: bool  # the event is itself a saying (an accusation, a threat): its speaker is the doer
    trigger: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]
    toks: Sequence[Any]  # the sentence's tokens (start, end, normalised text)
    mentions: Sequence[ActorMention]  # linked mentions in the sentence
    prev_toks: Sequence[Any] = ()
    prev_mentions: Sequence[ActorMention] = ()
    source_spans: Sequence[tuple[int, int]] = ()
    speech_verbs: Sequence[str] = ()
    stand_in_heads: Sequence[str] = ()
    clause_breaks: frozenset[str] = frozenset()
    rule_actors: frozenset[str] = frozenset()  # participant keys the hand rules chose
    rule_recipients: frozenset[str] = frozenset()


@dataclass(slots=True)
class Candidate:
    """One mention that may fill a role, with its features (name -> value)."""

    mention: ActorMention
    key: str
    features: dict[str, float] = field(default_factory=dict)
    party: str = ""  # the mention's type as a party (a capital: country), see _party_type


#: ``ActorMention.how`` of a mention the coder adds for an unqualified government
#: (grammar.yaml home_government); its participants are flagged inferred.
HOME_GOVERNMENT = "home-government"
#: ... and of one named after its leader ("শেখ হাসিনার সরকার", "বাইডেন প্রশাসন"): the leader's country.
LED_GOVERNMENT = "led-government"
#: ... and of one for an army named without its country (grammar.yaml home_government.forces).
HOME_FORCES = "home-forces"
#: ``Participant.inferred`` of the sides of a happening between equals told with no party named,
#: taken from the article's two principal countries (coder._principal_pair).
PRINCIPAL_SIDES = "principal-sides"
#: ``Participant.inferred`` of the target of a hostile act told with none, taken from the doer's
#: one opponent in the article's other acts of conflict (coder._article_opponent).
OPPONENT = "article-opponent"
#: ``Participant.inferred`` of a location read off a word for the article's own country or its
#: capital ("রাজধানীতে", "সারা দেশে"; arguments.yaml ``home_places``).
HOME_PLACE = "home-place"
#: Mentions whose last word is a government or force noun: its ending follows that noun.
GOVERNMENT_HOWS = frozenset({HOME_GOVERNMENT, LED_GOVERNMENT, HOME_FORCES})
#: Mentions the coder infers rather than reads (their participants are flagged ``inferred``).
INFERRED_HOWS = frozenset({HOME_GOVERNMENT, HOME_FORCES})


def stand_in_base(word: str, heads: Sequence[str]) -> str:
    """The stand-in head noun a word inflects ("সরকারের" -> "সরকার"); the word itself if none.

    ``heads`` is grammar.yaml's ``stand_in_heads`` as loaded (``cue_strings``: longest first),
    so the first that fits is the longest."""
    return next((h for h in heads if word.startswith(h)), word)


# An unlisted name ending in a vowel sign and র: a name of its own (কিসিঞ্জার, জাহাঙ্গীর,
# তালুকদার) or a genitive (মোদীর, দুদুর); "-ের" after a consonant is always a genitive.
_AMBIGUOUS_R = ("\u09be", "\u09bf", "\u09c0", "\u09c1", "\u09c2", "\u09c3", "\u09cb", "\u09cc")


def bare_unlisted_name(m: ActorMention, following: Sequence[Any], starts: set[int],
                       accusative: Sequence[str]) -> bool:
    """Whether an unlisted name (NER's, with no dictionary form) whose last word could
    be a genitive in র is bare here.  A genitive needs the noun it qualifies right
    after it; before a punctuation mark, the clause's end, or another name in the
    accusative ("কিসিঞ্জার পাকিস্তানকে ... সমর্থন করেন") there is none.  (In a list
    only the last name carries the case: "জাহাঙ্গীর, জাকির ও সোহেলের".)"""
    if m.name_bn:
        return False
    word = normalize(m.text).split()[-1] if m.text.strip() else ""
    if len(word) < 3 or not word.endswith("র") or word[-2] not in _AMBIGUOUS_R:
        return False
    if not following:
        return True
    nxt = following[0]
    if not any(ch.isalnum() or "\u0980" <= ch <= "\u09ff" for ch in nxt.text):
        return True
    return nxt.start in starts and nxt.text.endswith(tuple(accusative))


def mention_key(m: ActorMention) -> str:
    """The identity a participant made from ``m`` has (``Participant.key``)."""
    return m.actor_id or f"text:{m.text}"


def _case(m: ActorMention, toks: Sequence[Any], cues: ArgumentCues, heads: Sequence[str],
          starts: set[int]) -> tuple[str, bool]:
    """The case of a mention (see arguments.yaml) and whether a head noun after it carried it.

    "মিয়ানমার সরকারের বিরুদ্ধে": the head noun standing for the actor carries
    the postposition, so the case is read after the head.
    """
    nxt = [t for t in toks if t.start >= m.end][:3]
    words = [t.text for t in nxt]
    via_head = False
    word = normalize(m.text).split()[-1] if m.text.strip() else ""
    base = normalize(m.name_bn or "").split()
    base_last = base[-1] if base else ""
    if m.how in GOVERNMENT_HOWS:  # "সরকারের": the ending follows the head noun, not the country's name
        base_last = stand_in_base(word, heads)
    if word == base_last:
        ending = ""
    elif base_last and word.startswith(base_last):
        ending = word[len(base_last):]
    else:
        ending = word  # a role or an alias: its own last word carries any ending
    if words and nxt[0].start not in starts and not ending:
        head = next((h for h in heads if words[0].startswith(h)), None)
        if head is not None:
            via_head = True
            ending = words[0][len(head):]
            words = words[1:]
    two = " ".join(words[:2])
    for w, case in cues.after:
        if two == w or (words and words[0] == w):
            return case, via_head
    for e, case in cues.endings:
        if ending.endswith(e) and (ending != word or len(word) > len(e) + 1):
            return case, via_head
    return "nominative", via_head


def _voice(toks: Sequence[Any], t_end: int, c_end: int, cues: ArgumentCues) -> str:
    after = [t.text for t in toks if t.start >= t_end and t.end <= c_end][:2]
    if len(after) >= 2 and after[0] in cues.participles and after[1].startswith("হ"):
        return "passive"
    if after and after[0] in cues.be:
        return "be"
    return "active"


def _bucket(n: int) -> str:
    for b in _DISTANCE_BUCKETS:
        if n <= b:
            return str(b)
    return "far"


def _has_phrase(words: list[str], phrase: str) -> bool:
    return f" {phrase} " in f" {' '.join(words)} "


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The first word of each phrase (a verb of saying's own word)."""
    return frozenset(p.split()[0] for p in phrases if p.split())


def candidates(ctx: ArgContext, cues: ArgumentCues | None = None) -> list[Candidate]:
    """Every linked mention of the sentence (and, for a pronoun or no name at all, the previous one) as a candidate."""
    cues = cues or load_cues()
    t_start, t_end = ctx.trigger
    c_start, c_end = ctx.clause
    toks = list(ctx.toks)
    voice = _voice(toks, t_end, c_end, cues)
    usable = [m for m in ctx.mentions if m.actor_id and m.type in _MENTION_TYPES
              and not (m.start < t_end and t_start < m.end)]
    out: list[Candidate] = []
    starts = {m.start for m in usable}
    first_key = None
    firsts = _first_words(tuple(ctx.speech_verbs))
    speech_at = [t for t in toks if t.text in firsts]
    breaks_at = [t for t in toks if t.text in ctx.clause_breaks]
    seen: dict[str, Candidate] = {}
    for m in usable:
        key = mention_key(m)
        if first_key is None and not _is_source(m, ctx):
            first_key = key
        case, via_head = _case(m, toks, cues, ctx.stand_in_heads, starts)
        before = m.end <= t_start
        lo, hi = (m.end, t_start) if before else (t_end, m.start)
        gap = [t for t in toks if lo <= t.start and t.end <= hi
               and not any(o.start <= t.start < o.end for o in usable)]
        f: dict[str, float] = {"bias_cand": 1.0}
        side = "before" if before else "after"
        f[f"side={side}"] = 1.0
        f[f"dist={_bucket(len(gap))}"] = 1.0
        f[f"side={side}&dist={_bucket(len(gap))}"] = 1.0
        f[f"case={case}"] = 1.0
        f[f"case={case}&side={side}"] = 1.0
        if via_head:
            f["via_head"] = 1.0
        mtype = _party_type(m, cues)
        f[f"mtype={mtype}"] = 1.0
        f[f"mtype={mtype}&case={case}"] = 1.0
        in_clause = c_start <= m.start and m.end <= c_end
        f["in_clause" if in_clause else "out_clause"] = 1.0
        if any(lo <= t.start and t.end <= hi for t in breaks_at):
            f["break_between"] = 1.0
        if any(lo <= t.start and t.end <= hi for t in speech_at):
            f["speech_between"] = 1.0
        if _is_source(m, ctx):
            f["source"] = 1.0
            f[f"source&speech_act={ctx.speech_act}"] = 1.0
        if not before and any(t.start >= m.end for t in speech_at):
            f["before_speech_verb"] = 1.0
        f[f"voice={voice}&case={case}"] = 1.0
        if ctx.symmetric:
            f[f"sym&case={case}"] = 1.0
        if key in ctx.rule_actors:
            f["rule=actor"] = 1.0
        elif key in ctx.rule_recipients:
            f["rule=recipient"] = 1.0
        else:
            f["rule=none"] = 1.0
        cand = Candidate(m, key, f, mtype)
        if key in seen:
            # The same actor named twice (a role and then the name): keep the
            # mention nearest the trigger, the one its case was read on.
            old = seen[key]
            if _distance(m, ctx.trigger) < _distance(old.mention, ctx.trigger):
                out[out.index(old)] = cand
                seen[key] = cand
            continue
        seen[key] = cand
        out.append(cand)
    for c in out:
        if c.key == first_key:
            c.features["first_in_sentence"] = 1.0
    # The previous sentence: for "তিনি বলেন ..." or a clause with nobody named before the trigger.
    words = [t.text for t in toks if c_start <= t.start and t.end <= t_start]
    pronoun = any(_has_phrase(words, p) for p in cues.pronouns)
    named_before = any(c.mention.end <= t_start and c_start <= c.mention.start and "source" not in c.features
                       for c in out)
    # "তিনি বলেন": an honorific singular pronoun stands for a person, never a country or a body.
    person_only = pronoun and any(_has_phrase(words, p) for p in cues.person_pronouns) and not any(
        _has_phrase(words, q) for q in cues.pronouns if q not in cues.person_pronouns)
    if ctx.prev_mentions and (pronoun or not named_before):
        prev = [m for m in ctx.prev_mentions if m.actor_id and m.type in _MENTION_TYPES
                and (m.type == "person" or not person_only)]
        pstarts = {m.start for m in prev}
        pfirst = True
        for m in prev:
            key = mention_key(m)
            if key in seen:
                seen[key].features["also_previous"] = 1.0
                continue
            case, _ = _case(m, list(ctx.prev_toks), cues, ctx.stand_in_heads, pstarts)
            f = {"bias_cand": 1.0, "previous": 1.0, f"prev&case={case}": 1.0, f"mtype={_party_type(m, cues)}": 1.0,
                 "prev&pronoun" if pronoun else "prev&no_pronoun": 1.0}
            f["rule=actor" if key in ctx.rule_actors else "rule=recipient" if key in ctx.rule_recipients
              else "rule=none"] = 1.0
            if pfirst:
                f["prev&first"] = 1.0
                pfirst = False
            cand = Candidate(m, key, f, _party_type(m, cues))
            seen[key] = cand
            out.append(cand)
    n = len(out)
    for c in out:
        c.features[f"n_cands={min(n, 4)}"] = 1.0
    return out


def _party_type(m: ActorMention, cues: ArgumentCues) -> str:
    """The mention's type as a party: a capital is its country's government (see arguments.yaml)."""
    return "country" if m.type == "place" and m.actor_id in cues.capitals else m.type


def _country_of(m: ActorMention) -> str | None:
    """The alpha-2 code of the country a mention's actor is or belongs to."""
    from ..actors.dictionary import load_dictionary

    a = load_dictionary().get(m.actor_id) if m.actor_id else None
    return a.country if a is not None else None


def _distance(m: ActorMention, trigger: tuple[int, int]) -> int:
    return trigger[0] - m.end if m.end <= trigger[0] else m.start - trigger[1]


def _is_source(m: ActorMention, ctx: ArgContext) -> bool:
    return any(a < m.end and m.start < b for a, b in ctx.source_spans)


# -- the model ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArgumentModel:
    """Weights of the ranker (one row per class of :data:`CLASSES`) and its decoding thresholds."""

    features: tuple[str, ...]
    weights: np.ndarray  # (len(CLASSES), len(features))
    bias: np.ndarray  # (len(CLASSES),)
    min_actor: float = 0.5
    min_recipient: float = 0.5
    second_actor: float = 1.0  # a second actor needs P(actor) at least this (1.0: never)
    groups: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def index(self) -> dict[str, int]:
        return {f: i for i, f in enumerate(self.features)}

    def matrix(self, cands: Sequence[Candidate]) -> np.ndarray:
        idx = self.index
        x = np.zeros((len(cands), len(self.features)))
        for r, c in enumerate(cands):
            for name, v in c.features.items():
                j = idx.get(name)
                if j is not None and _in_groups(name, self.groups):
                    x[r, j] = v
        return x

    def probabilities(self, cands: Sequence[Candidate]) -> np.ndarray:
        """P(none), P(actor), P(recipient) for each candidate."""
        if not cands:
            return np.zeros((0, len(CLASSES)))
        return softmax(self.matrix(cands) @ self.weights.T + self.bias)


def feature_group(name: str) -> str:
    """The group a feature belongs to (what cross-validation switches on and off)."""
    head = name.split("&", 1)[0].split("=", 1)[0]
    if "&" in name:
        return f"{head}&{name.split('&', 1)[1].split('=', 1)[0]}"
    return head


def _in_groups(name: str, groups: tuple[str, ...]) -> bool:
    return not groups or feature_group(name) in groups


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with an L2 penalty, by Newton-free gradient descent with a fixed schedule.

    Deterministic: zero start, full batch, no random numbers.  ``y`` holds
    class indices into :data:`CLASSES`.  Returns (weights, bias).
    """
    n, d = x.shape
    k = len(CLASSES)
    w = np.zeros((k, d))
    b = np.zeros(k)
    if n == 0:
        return w, b
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    # Step size from the curvature bound of the softmax loss (1/2 * max row norm^2 + l2/n).
    lip = 0.5 * float((x ** 2).sum(axis=1).max() + 1.0) + l2 / n
    step = 1.0 / lip
    # Nesterov momentum: a few hundred full-batch steps converge on sets this small.
    vw, vb = w.copy(), b.copy()
    t = 1.0
    for _ in range(iters):
        p = softmax(x @ vw.T + vb)
        g = p - onehot
        gw = g.T @ x / n + (l2 / n) * vw
        gb = g.mean(axis=0)
        w_new, b_new = vw - step * gw, vb - step * gb
        t_new = (1 + math.sqrt(1 + 4 * t * t)) / 2
        vw = w_new + ((t - 1) / t_new) * (w_new - w)
        vb = b_new + ((t - 1) / t_new) * (b_new - b)
        w, b, t = w_new, b_new, t_new
    return w, b


def choose(model: ArgumentModel, cands: Sequence[Candidate],
           country_of: Any = None) -> tuple[list[ActorMention], list[ActorMention]]:
    """The best actor, then the best recipient among the others (each only above its threshold).

    With ``country_of`` (mention -> alpha-2 code or None), a country is never the
    recipient of an act by its own people or bodies ("জেলেনস্কি ... ইউক্রেন"):
    the development gold never codes one so.
    """
    if not cands:
        return [], []
    p = model.probabilities(cands)
    order = sorted(range(len(cands)), key=lambda i: (-p[i, 1], cands[i].mention.start))
    actors: list[ActorMention] = []
    chosen: set[str] = set()
    # A name is the actor only when it is likelier the actor than the other
    # party ("... আলমগীরকে গ্রেপ্তার করেছে" names only the one arrested).
    if p[order[0], 1] >= model.min_actor and p[order[0], 1] > p[order[0], 2]:
        actors.append(cands[order[0]].mention)
        chosen.add(cands[order[0]].key)
        for i in order[1:2]:
            if p[i, 1] >= model.second_actor and p[i, 1] > p[i, 2]:
                actors.append(cands[i].mention)
                chosen.add(cands[i].key)
    own = {country_of(m) for m in actors} - {None} if country_of is not None else set()
    rest = [i for i in range(len(cands)) if cands[i].key not in chosen
            and not (own and cands[i].party == "country" and country_of(cands[i].mention) in own)]
    recipients: list[ActorMention] = []
    if rest:
        best = min(rest, key=lambda i: (-p[i, 2], cands[i].mention.start))
        if p[best, 2] >= model.min_recipient:
            recipients.append(cands[best].mention)
    return actors, recipients


# -- the shipped weights ------------------------------------------------------------


def model_to_data(model: ArgumentModel) -> dict[str, Any]:
    """The YAML shape of a model: per feature, one weight per class (rounded: the file is read by people too)."""
    return {
        "classes": list(CLASSES),
        "thresholds": {"min_actor": round(model.min_actor, 4), "min_recipient": round(model.min_recipient, 4),
                       "second_actor": round(model.second_actor, 4)},
        "groups": list(model.groups),
        "bias": [round(float(v), 5) for v in model.bias],
        "weights": {f: [round(float(v), 5) for v in model.weights[:, j]] for j, f in enumerate(model.features)},
        "meta": model.meta,
    }


def model_from_data(data: Any, where: str = WEIGHTS_FILE) -> ArgumentModel:
    """Validate and build a model from its YAML shape; errors name the file and the entry."""
    if not isinstance(data, dict):
        raise fail(where, "file", "expected a mapping with classes, thresholds, bias and weights; "
                                  "run scripts/train_arguments.py to write it")
    check_keys(where, "top level", data, {"classes", "thresholds", "groups", "bias", "weights", "meta"})
    classes = require(where, "top level", data, "classes", list)
    if tuple(classes) != CLASSES:
        raise fail(where, "classes", f"should be {list(CLASSES)}, got {classes}")
    th = require(where, "top level", data, "thresholds", dict)
    check_keys(where, "thresholds", th, {"min_actor", "min_recipient", "second_actor"})
    for k, v in th.items():
        if not isinstance(v, (int, float)) or not 0 <= v <= 1:
            raise fail(where, f"thresholds.{k}", f"should be a number from 0 to 1, got {v!r}")
    bias = require(where, "top level", data, "bias", list)
    raw = require(where, "top level", data, "weights", dict)
    for name, row in [("bias", bias), *raw.items()]:
        if not isinstance(row, list) or len(row) != len(CLASSES) or not all(isinstance(v, (int, float)) for v in row):
            raise fail(where, f"weights.{name}" if name != "bias" else "bias",
                       f"should be a list of {len(CLASSES)} numbers (one per class {list(CLASSES)})")
    groups = data.get("groups") or []
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        raise fail(where, "groups", "should be a list of feature group names")
    feats = tuple(raw)
    w = np.array([raw[f] for f in feats], dtype=float).T if feats else np.zeros((len(CLASSES), 0))
    return ArgumentModel(feats, w, np.array(bias, dtype=float), float(th.get("min_actor", 0.5)),
                         float(th.get("min_recipient", 0.5)), float(th.get("second_actor", 1.0)),
                         tuple(groups), dict(data.get("meta") or {}))


@lru_cache(maxsize=1)
def load_model() -> ArgumentModel:
    """The shipped weights (``data/events/argument_weights.yaml``)."""
    return model_from_data(load_yaml(WEIGHTS_FILE))


class ArgumentRanker:
    """Model plus cues: turns an :class:`ArgContext` into (actors, recipients), or ``None`` to keep the rules.

    ``collect`` (a list) receives every trigger's candidates: the training
    script uses it to label them against the gold.
    """

    def __init__(self, model: ArgumentModel | None = None, cues: ArgumentCues | None = None,
                 collect: list[tuple[ArgContext, list[Candidate]]] | None = None) -> None:
        self.model = model
        self.cues = cues or load_cues()
        self.collect = collect

    def decide(self, ctx: ArgContext) -> tuple[list[ActorMention], list[ActorMention]] | None:
        cands = candidates(ctx, self.cues)
        if self.collect is not None:
            self.collect.append((ctx, cands))
        # A place is where, not who (a capital excepted): it is a candidate for the
        # model's features but never picked (no development event has one as a party).
        parties = [c for c in cands if c.party != "place"]
        if self.model is None or not parties:
            return None
        return choose(self.model, parties, _country_of)
