"""The clause grammar the event coder reads: postpositions, case endings,
status cues and verb endings, loaded from ``data/events/grammar.yaml``.

Loaded once per process and validated on load: an unknown key, a missing
section or a list holding something other than strings is an error naming
the file and the section.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..langdata import check_keys, fail, load_yaml, require
from ..text.normalize import normalize

_FILE = "events/grammar.yaml"
_TOP = {"postpositions", "accusative_endings", "genitive_endings", "locative_endings",
        "clause_breaks", "subordinators", "subordinate_ends", "adverbs", "copulas", "location_is_target", "location_is_recipient", "speech_verbs", "complementizers", "speech_act_types", "stand_in_heads", "motion", "shells", "home_government", "dateline_dashes", "dateline_max_chars", "pronouns", "anaphora", "status", "verbs", "dates", "not_events", "naming_words", "inclusive_suffixes", "inclusive_object_ending", "passive", "speech_after_complementizers",
        "short_forms", "clause_walls", "adverb_endings", "press_told_within"}
_POSTPOSITIONS = {"with", "against", "to", "from", "between", "agent"}
_STATUS_LISTS = {"future_endings", "planned_cues", "planned_before", "negative_endings", "negative_words",
                 "hypothetical_cues", "background_endings", "background_cues", "planned_heads",
                 "hypothetical_after", "conditional_words", "concessive_endings", "planned_noun_heads",
                 "auxiliaries", "ongoing_cues", "said_is_done_types",
                 "repeated_cues", "without_after", "without_before", "unfulfilled_cues", "negative_before",
                 "declared_is_done", "before_words", "before_planned_types"}
# Optional status lists (round 5); absent means empty.
_STATUS_OPTIONAL = ("vector_verbs", "question_words", "early_period", "reply_before", "another_before", "converbs",
                    "going_cues",
                    "medium_heads", "if_words", "then_words", "convened_after", "planned_final", "unable_after",
                    "past_saying_closers", "not_hypothetical", "noun_joiners")
_DATE_LISTS = ("carry_cues", "after_words", "range_from", "range_to", "until_now", "time_genitive_endings")
_DATE_OPTIONAL = ("day_cues", "clock_zones", "next_day_cues", "bound_after", "deadline_after", "relative_participles")
_STATUS_INTS = {"historical_after_days", "background_verb_after_days", "background_lead_paragraphs", "background_before_news_days",
                "background_lead_sentences"}
# Optional status numbers (types8) and their defaults.
_STATUS_INTS_OPTIONAL = {"year_counts_to_month": 7, "news_day_paragraphs": 2, "news_day_sentences": 3,
                         "news_day_within_days": 2}


@dataclass(frozen=True, slots=True)
class StatusCues:
    future_endings: tuple[str, ...]
    planned_cues: tuple[str, ...]
    planned_before: tuple[str, ...]
    negative_endings: tuple[str, ...]
    negative_words: frozenset[str]
    hypothetical_cues: tuple[str, ...]
    background_endings: tuple[str, ...]
    background_cues: tuple[str, ...]
    planned_heads: tuple[str, ...]
    hypothetical_after: tuple[str, ...]
    conditional_words: frozenset[str]
    concessive_endings: tuple[str, ...]
    planned_noun_heads: tuple[str, ...]
    auxiliaries: frozenset[str]
    ongoing_cues: tuple[str, ...]
    said_is_done_types: frozenset[str]
    repeated_cues: tuple[str, ...]
    without_after: frozenset[str]
    without_before: frozenset[str]
    negative_before: frozenset[str]
    unfulfilled_cues: tuple[str, ...]
    declared_is_done: tuple[str, ...]
    before_words: frozenset[str]  # "বৈঠকের আগে": the trigger is what something else comes before
    before_planned_types: frozenset[str]  # ... and for these types that makes it still to come
    historical_after_days: int
    background_verb_after_days: int
    background_lead_paragraphs: int
    background_before_news_days: int
    background_lead_sentences: int
    vector_verbs: tuple[str, ...] = ()  # "নাকচ করে দিয়েছিল": the vector verb after করে carries the tense
    question_words: frozenset[str] = frozenset()  # "বৈঠক কবে, কোথায় হতে যাচ্ছে": an indirect question
    early_period: tuple[str, ...] = ()  # "চলতি মাসের শুরুতে": the first days of the period
    reply_before: frozenset[str] = frozenset()  # "পাল্টা হামলা": a reply, never a retelling
    another_before: frozenset[str] = frozenset()  # "আরেকটি বৈঠক": another happening, never a retelling
    converbs: frozenset[str] = frozenset()  # "অবরোধ করে বিক্ষোভ": the first act is how the second is done
    going_cues: frozenset[str] = frozenset()  # "যাচ্ছে": after a converb the act goes on, it is no plan
    convened_after: tuple[str, ...] = ()  # "হরতাল ডেকেছে": a protest or meeting called is still to come
    planned_final: tuple[str, ...] = ()  # "অনুষ্ঠিত হওয়ার কথা।": due, when it ends the clause
    unable_after: tuple[str, ...] = ()  # "আটক করা যায়নি": could not be done, right after the verb
    if_words: frozenset[str] = frozenset()  # "যদি ... তাহলে": every clause between is the condition
    then_words: frozenset[str] = frozenset()
    medium_heads: tuple[str, ...] = ()  # "স্মারকলিপি দিয়ে প্রতিবাদ": a document that is the means of the act after it
    year_counts_to_month: int = 7  # "২০২৫ সালে": a year named alone ends, for background, on the 1st of this month
    news_day_paragraphs: int = 2  # the paragraphs the news day is read from (coder._news_day)
    news_day_sentences: int = 3  # ... in a body with no paragraph breaks, its first sentences
    news_day_within_days: int = 2  # the news day is at most this many days before the publication
    past_saying_closers: frozenset[str] = frozenset()  # "এপ্রিলে স্বীকার করে যে ... পাঠিয়েছে": done before the saying
    not_hypothetical: frozenset[str] = frozenset()  # "যদিও" (although): a cue with an ending that is another word
    noun_joiners: frozenset[str] = frozenset()  # "হস্তক্ষেপ এবং ... ব্যবস্থার ঝুঁকি": a clause break joining nouns


@dataclass(frozen=True, slots=True)
class DateCues:
    """How a sentence with no date of its own is tied to a date told before it,
    and how a span of time ("from A to B", "since A up to now") dates an event."""

    carry_cues: tuple[str, ...]  # sentence-initial links to the time of the sentence before (এ সময়, ওই দিন, জবাবে)
    after_words: frozenset[str]  # "X-এর পর / শেষে / চলাকালে": the main clause happens at X's time
    range_from: frozenset[str]  # "A থেকে B পর্যন্ত": A, the start, dates the event
    range_to: frozenset[str]
    until_now: tuple[str, ...]  # "A থেকে এ পর্যন্ত": a running total since A, not a happening on A
    time_genitive_endings: tuple[str, ...]  # "রোববারের ভোটে": a time expression dating the noun after it
    next_day_cues: tuple[str, ...] = ()  # "পরদিন ...": the day after the sentence before's date
    day_cues: tuple[str, ...] = ()  # carry cues naming a day (ওই দিন): else the last day told before
    clock_zones: tuple[str, ...] = ()  # "স্থানীয় সময়" before an hour: part of its time phrase
    bound_after: frozenset[str] = frozenset()  # "২০১৫ সালের পর": after a date, not on it
    deadline_after: frozenset[str] = frozenset()  # "চলতি বছরের মধ্যেই": by a date, not on it
    relative_participles: frozenset[str] = frozenset()  # "২০১৬ সালে সই হওয়া চুক্তি": dates that noun


@dataclass(frozen=True, slots=True)
class Motion:
    """Verbs of going that make a visit when a destination is named before them."""

    type: str
    mode: str | None
    forms: frozenset[str]
    symmetric: bool = False
    light_verbs: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    kind: str = "verb"


@dataclass(frozen=True, slots=True)
class Grammar:
    # word -> relation ("with", "against", "to", "from", "between", "agent")
    postpositions: dict[str, str]
    naming_words: frozenset[str]  # "X নামের ওই ব্যক্তিকে": the noun after carries X's case
    inclusive_suffixes: tuple[str, ...]  # "Xসহ ... নেতাদের অনেককে": X takes the group noun's case
    inclusive_object_ending: str  # "নেতাদের আটক": -দের right before the trigger marks the object
    accusative_endings: tuple[str, ...]
    genitive_endings: tuple[str, ...]
    locative_endings: tuple[str, ...]
    clause_breaks: frozenset[str]
    clause_walls: frozenset[str]  # words opening a clause of another happening (যখন): the ranker's picks stay on one side
    subordinators: frozenset[str]
    subordinate_ends: frozenset[str]  # end a time clause (for its subject only)
    adverbs: frozenset[str]
    location_is_target: frozenset[str]
    location_is_recipient: frozenset[str]  # "ইউক্রেনে ত্রাণ পাঠানো": a country in the locative is the other party
    speech_verbs: tuple[str, ...]
    speech_act_types: frozenset[str]
    stand_in_heads: tuple[str, ...]
    shells: dict[str, str]  # shell word -> actor type it stands for
    short_forms: frozenset[str]  # head nouns an organisation named in full is then called by alone
    home_words: frozenset[str]  # "সরকার" unqualified: the article's own country's government
    home_not_after: frozenset[str]  # "তত্ত্বাবধায়ক সরকার": a system, not the government
    home_forces: frozenset[str]  # "সেনাবাহিনী" unqualified: the article's own country's army
    home_offices: frozenset[str]  # role keys: "রাষ্ট্রপতি" bare is the article's own country's president
    led_heads: frozenset[str]  # "হাসিনা সরকার", "বাইডেন প্রশাসন": the leader's country's government
    led_by_roles: frozenset[str]  # dictionary roles of a person a government is named after
    dateline_dashes: tuple[str, ...]
    dateline_max_chars: int
    motion: "Motion"
    press_told_within: int  # "প্রথম আলোকে এই তথ্য জানিয়ে বলেন": how far the saying may follow the outlet
    complementizers: frozenset[str]
    speech_after_complementizers: frozenset[str]  # "... হবে বলে জানিয়েছে X": the speaker's part follows
    passive: Passive  # how a clause tells its act in the passive
    copulas: frozenset[str]
    plural_pronouns: tuple[str, ...]
    singular_pronouns: frozenset[str]
    anaphora: frozenset[str]
    status: StatusCues
    dates: DateCues
    light_stems: tuple[str, ...]
    verb_endings: frozenset[str]
    strong_endings: tuple[str, ...]
    # "ইউক্রেন যুদ্ধে N সেনা নিহত": a war's toll (a claim), not an attack
    toll_words: frozenset[str] = frozenset()
    war_frames: frozenset[str] = frozenset()
    # "ভবন ধসে আহত": an accident's toll; "আহত ব্যক্তিদের": the hurt named, no harm told
    accident_frames: tuple[str, ...] = ()  # a tuple: matched as word endings (str.endswith)
    toll_referents: frozenset[str] = frozenset()
    toll_told: frozenset[str] = frozenset()  # "নিহত হওয়ার": a verbal noun that tells the toll
    # "X সতর্ক করেছে যে ... পারে": a forecast, not a threat
    warning_words: frozenset[str] = frozenset()
    warning_complementizers: frozenset[str] = frozenset()  # যে: the warning's content follows
    warning_complement_within: int = 3  # how many words after the warning word it may stand
    content_ends: frozenset[str] = frozenset()  # ।?!: where that content ends
    content_verb_within: int = 1  # the content's verb is among its last so many words
    # "X ও Y-এর দাবি": an act listed with a request's genitive content
    list_joiners: frozenset[str] = frozenset()
    list_ends: tuple[str, ...] = ()
    list_window: int = 0
    content_gap: int = 3  # words between a named act and the request or refusal that takes it
    resumptive_topics: tuple[str, ...] = ()  # "X – এ নিয়ে আলোচনা": X is a topic
    demand_frames: tuple[str, ...] = ()  # "X ও বিচারের দাবিতে": X is demanded, not told
    naming_heads: frozenset[str] = frozenset()  # "জাতীয় সংসদ নির্বাচন": the name names an election
    naming_fillers: frozenset[str] = frozenset()  # "দুর্নীতি": may stand between a name and its head
    contest_heads: frozenset[str] = frozenset()  # "বিএনপি নির্বাচন বর্জন করেছে": of those, the ones ...
    contesting_sectors: frozenset[str] = frozenset()  # ... a body of these sectors (PTY) contests, not names
    toll_plurals: frozenset[str] = frozenset()  # "নিহতদের পরিবারকে": the dead named, no harm told
    discharge_places: tuple[str, ...] = ()  # "হাসপাতাল থেকে ... ছেড়ে দেওয়া হয়": a discharge, not a release
    collision_heads: tuple[str, ...] = ()  # "ট্রাকের সঙ্গে বাসের সংঘর্ষে": a clash of vehicles ...
    vehicles: frozenset[str] = frozenset()  # ... named by these words ...
    vehicle_endings: frozenset[str] = frozenset()  # ... bare or with these endings
    means_nouns: tuple[str, ...] = ()  # "ট্রেনে করে": a vehicle in the locative ...
    means_words: frozenset[str] = frozenset()  # ... then করে is "by", not a verb
    not_verb_endings: tuple[str, ...] = ()  # "যৌথভাবে", "হিসেবে": end like -বে, are no verb
    not_verbs: frozenset[str] = frozenset()  # "দল": a stem and an ending, and no verb
    adverb_endings: tuple[str, ...] = ()  # "রাতভর", "দেশজুড়ে": end like a noun's case, are adverbs

    def is_adverb(self, word: str) -> bool:
        """Whether a word that may look like an inflected noun is an adverb (``adverbs``, ``adverb_endings``)."""
        return word in self.adverbs or any(word.endswith(e) and len(word) > len(e) for e in self.adverb_endings)


@dataclass(frozen=True, slots=True)
class Passive:
    """How a clause tells its act in the passive (grammar.yaml ``passive``)."""
    light_verbal_nouns: frozenset[str]  # "গ্রেপ্তার করা হয়েছে"
    verbal_noun_endings: tuple[str, ...]  # "পাঠানো হবে", "দেওয়া হবে"
    verbal_nouns: frozenset[str]  # "তোলা হবে": verbal nouns in -া, listed (most -া words are nouns)
    conjunctives: frozenset[str]  # "বন্ধ করে দেওয়া হয়েছে"
    not_verbal_nouns: frozenset[str]  # হওয়া: the auxiliary itself

    def verbal_noun(self, word: str) -> bool:
        return word not in self.not_verbal_nouns and (
            word in self.verbal_nouns or word in self.light_verbal_nouns or word.endswith(self.verbal_noun_endings))


def cue_strings(file: str, where: str, value: Any) -> tuple[str, ...]:
    """A validated cue list of a data file, normalised, longest first."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(file, where, "should be a list of non-empty strings")
    # Longest first: a cue that contains another must win.
    return tuple(sorted({normalize(v) for v in value}, key=len, reverse=True))


def _strings(where: str, value: Any) -> tuple[str, ...]:
    return cue_strings(_FILE, where, value)


def _whole(section: dict[str, Any], where: str, key: str, default: int, least: int) -> int:
    """An optional whole-number setting of a section (``default`` when absent), at least ``least``."""
    value = section.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise fail(_FILE, f"{where}.{key}", f"must be a whole number >= {least}, got {value!r}")
    return value


def _home_government(raw: Any) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise fail(_FILE, "home_government",
                   "should map words, not_after, led_heads, led_by_roles, forces and offices to lists")
    check_keys(_FILE, "home_government", raw, {"words", "not_after", "led_heads", "led_by_roles", "forces", "offices"})
    return {"home_words": frozenset(_strings("home_government.words", raw.get("words"))),
            "home_forces": frozenset(_strings("home_government.forces", raw.get("forces") or [])),
            "home_offices": _offices(raw.get("offices") or []),
            "home_not_after": frozenset(_strings("home_government.not_after", raw.get("not_after") or [])),
            "led_heads": frozenset(_strings("home_government.led_heads", raw.get("led_heads") or [])),
            "led_by_roles": frozenset(_strings("home_government.led_by_roles", raw.get("led_by_roles") or []))}


def _offices(raw: Any) -> frozenset[str]:
    """``home_government.offices``: role keys of the actor dictionary's roles.yaml."""
    from ..actors.dictionary import load_dictionary

    keys = frozenset(_strings("home_government.offices", raw))
    unknown = sorted(keys - set(load_dictionary().roles))
    if unknown:
        raise fail(_FILE, "home_government.offices", f"unknown role key(s) {', '.join(unknown)}; use keys of roles.yaml")
    return keys


def _shells(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise fail(_FILE, "shells", "should map an actor type to its shell words")
    check_keys(_FILE, "shells", raw, {"country", "organisation", "person", "place"})
    return {w: typ for typ, words in raw.items() for w in (_strings(f"shells.{typ}", words) if words else ())}


def _motion(raw: Any) -> Motion:
    if not isinstance(raw, dict):
        raise fail(_FILE, "motion", "should be a mapping with type, mode and forms")
    check_keys(_FILE, "motion", raw, {"type", "mode", "forms"})
    return Motion(require(_FILE, "motion", raw, "type", str), raw.get("mode"),
                  frozenset(_strings("motion.forms", raw.get("forms"))))


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    data = load_yaml(_FILE)
    if not isinstance(data, dict):
        raise fail(_FILE, "file", "expected a mapping of sections")
    check_keys(_FILE, "top level", data, _TOP)
    for key in _TOP:
        if key not in data:
            raise fail(_FILE, "top level", f"missing section '{key}'")

    posts = require(_FILE, "postpositions", data, "postpositions", dict)
    check_keys(_FILE, "postpositions", posts, _POSTPOSITIONS)
    postpositions: dict[str, str] = {}
    for rel, words in posts.items():
        for w in _strings(f"postpositions.{rel}", words):
            postpositions[w] = rel

    pron = require(_FILE, "pronouns", data, "pronouns", dict)
    check_keys(_FILE, "pronouns", pron, {"plural", "singular"})

    st = require(_FILE, "status", data, "status", dict)
    check_keys(_FILE, "status", st, _STATUS_LISTS | _STATUS_INTS | set(_STATUS_OPTIONAL) | set(_STATUS_INTS_OPTIONAL))
    lists = {k: _strings(f"status.{k}", st.get(k)) for k in _STATUS_LISTS}
    ints = {k: require(_FILE, "status", st, k, int) for k in _STATUS_INTS}
    ints.update({k: _whole(st, "status", k, v, 1) for k, v in _STATUS_INTS_OPTIONAL.items()})
    if ints["year_counts_to_month"] > 12:
        raise fail(_FILE, "status.year_counts_to_month", f"must be a month 1-12, got {ints['year_counts_to_month']}")

    dates = require(_FILE, "dates", data, "dates", dict)
    check_keys(_FILE, "dates", dates, set(_DATE_LISTS) | set(_DATE_OPTIONAL))
    for key in _DATE_LISTS:
        if key not in dates:
            raise fail(_FILE, "dates", f"missing list '{key}'")
    if stray := [c for c in dates.get("day_cues") or [] if c not in (dates.get("carry_cues") or [])]:
        raise fail(_FILE, "dates.day_cues", f"{', '.join(map(str, stray))} not in carry_cues; a day cue is a carry cue")

    notev = require(_FILE, "not_events", data, "not_events", dict)
    check_keys(_FILE, "not_events", notev, {"toll_words", "war_frames", "accident_frames", "toll_referents", "toll_told", "warning_words", "warning_complementizers",
                                            "warning_complement_within", "content_ends", "content_verb_within",
                                            "list_joiners", "list_ends", "list_window", "resumptive_topics",
                                            "content_gap", "demand_frames", "naming_heads",
                                            "naming_fillers", "contest_heads", "contesting_sectors",
                                            "discharge_places", "collision_heads", "vehicles", "vehicle_endings",
                                            "toll_plurals"})
    within = _whole(notev, "not_events", "warning_complement_within", 3, 0)
    content_gap = _whole(notev, "not_events", "content_gap", 3, 0)
    list_window = _whole(notev, "not_events", "list_window", 0, 0)
    verb_within = _whole(notev, "not_events", "content_verb_within", 1, 1)

    verbs = require(_FILE, "verbs", data, "verbs", dict)
    check_keys(_FILE, "verbs", verbs, {"light_stems", "endings", "strong_endings", "means_nouns", "means_words",
                                       "not_verb_endings", "not_verbs"})

    passive = require(_FILE, "passive", data, "passive", dict)
    check_keys(_FILE, "passive", passive, {"light_verbal_nouns", "verbal_noun_endings", "verbal_nouns",
                                           "conjunctives", "not_verbal_nouns"})

    return Grammar(
        postpositions=postpositions,
        passive=Passive(
            light_verbal_nouns=frozenset(_strings("passive.light_verbal_nouns", passive.get("light_verbal_nouns"))),
            verbal_noun_endings=_strings("passive.verbal_noun_endings", passive.get("verbal_noun_endings")),
            verbal_nouns=frozenset(_strings("passive.verbal_nouns", passive.get("verbal_nouns"))),
            conjunctives=frozenset(_strings("passive.conjunctives", passive.get("conjunctives"))),
            not_verbal_nouns=frozenset(_strings("passive.not_verbal_nouns", passive.get("not_verbal_nouns")))),
        accusative_endings=_strings("accusative_endings", data["accusative_endings"]),
        genitive_endings=_strings("genitive_endings", data["genitive_endings"]),
        locative_endings=_strings("locative_endings", data["locative_endings"]),
        clause_breaks=frozenset(_strings("clause_breaks", data["clause_breaks"])),
        clause_walls=frozenset(_strings("clause_walls", data["clause_walls"])),
        subordinators=frozenset(_strings("subordinators", data["subordinators"])),
        subordinate_ends=frozenset(_strings("subordinate_ends", data.get("subordinate_ends", []))),
        motion=_motion(data["motion"]),
        shells=_shells(data["shells"]),
        short_forms=frozenset(_strings("short_forms", data["short_forms"])),
        **_home_government(data["home_government"]),
        dateline_dashes=_strings("dateline_dashes", data["dateline_dashes"]),
        dateline_max_chars=require(_FILE, "top level", data, "dateline_max_chars", int),
        press_told_within=_whole(data, "top level", "press_told_within", 4, 1),
        speech_act_types=frozenset(_strings("speech_act_types", data["speech_act_types"])),
        stand_in_heads=_strings("stand_in_heads", data["stand_in_heads"]),
        speech_verbs=_strings("speech_verbs", data["speech_verbs"]),
        complementizers=frozenset(_strings("complementizers", data["complementizers"])),
        speech_after_complementizers=frozenset(_strings("speech_after_complementizers",
                                                        data["speech_after_complementizers"])),
        location_is_target=frozenset(_strings("location_is_target", data["location_is_target"])),
        location_is_recipient=frozenset(_strings("location_is_recipient", data["location_is_recipient"])),
        adverbs=frozenset(_strings("adverbs", data["adverbs"])),
        adverb_endings=_strings("adverb_endings", data.get("adverb_endings", [])),
        copulas=frozenset(_strings("copulas", data["copulas"])),
        plural_pronouns=_strings("pronouns.plural", pron.get("plural")),
        singular_pronouns=frozenset(_strings("pronouns.singular", pron.get("singular"))),
        anaphora=frozenset(_strings("anaphora", data["anaphora"])),
        status=StatusCues(
            future_endings=lists["future_endings"],
            planned_cues=lists["planned_cues"],
            planned_before=lists["planned_before"],
            negative_endings=lists["negative_endings"],
            negative_words=frozenset(lists["negative_words"]),
            hypothetical_cues=lists["hypothetical_cues"],
            background_endings=lists["background_endings"],
            background_cues=lists["background_cues"],
            planned_heads=lists["planned_heads"],
            hypothetical_after=lists["hypothetical_after"],
            conditional_words=frozenset(lists["conditional_words"]),
            concessive_endings=lists["concessive_endings"],
            planned_noun_heads=lists["planned_noun_heads"],
            auxiliaries=frozenset(lists["auxiliaries"]),
            ongoing_cues=lists["ongoing_cues"],
            said_is_done_types=frozenset(lists["said_is_done_types"]),
            repeated_cues=lists["repeated_cues"],
            without_after=frozenset(lists["without_after"]),
            without_before=frozenset(lists["without_before"]),
            negative_before=frozenset(lists["negative_before"]),
            unfulfilled_cues=lists["unfulfilled_cues"],
            declared_is_done=lists["declared_is_done"],
            before_words=frozenset(lists["before_words"]),
            before_planned_types=frozenset(lists["before_planned_types"]),
            vector_verbs=_strings("status.vector_verbs", st.get("vector_verbs", [])),
            question_words=frozenset(_strings("status.question_words", st.get("question_words", []))),
            early_period=_strings("status.early_period", st.get("early_period", [])),
            reply_before=frozenset(_strings("status.reply_before", st.get("reply_before", []))),
            another_before=frozenset(_strings("status.another_before", st.get("another_before", []))),
            converbs=frozenset(_strings("status.converbs", st.get("converbs", []))),
            going_cues=frozenset(_strings("status.going_cues", st.get("going_cues", []))),
            medium_heads=_strings("status.medium_heads", st.get("medium_heads", [])),
            if_words=frozenset(_strings("status.if_words", st.get("if_words", []))),
            past_saying_closers=frozenset(_strings("status.past_saying_closers", st.get("past_saying_closers", []))),
            not_hypothetical=frozenset(_strings("status.not_hypothetical", st.get("not_hypothetical", []))),
            noun_joiners=frozenset(_strings("status.noun_joiners", st.get("noun_joiners", []))),
            then_words=frozenset(_strings("status.then_words", st.get("then_words", []))),
            convened_after=_strings("status.convened_after", st.get("convened_after", [])),
            planned_final=_strings("status.planned_final", st.get("planned_final", [])),
            unable_after=_strings("status.unable_after", st.get("unable_after", [])),
            **ints,
        ),
        dates=DateCues(
            carry_cues=_strings("dates.carry_cues", dates["carry_cues"]),
            after_words=frozenset(_strings("dates.after_words", dates["after_words"])),
            range_from=frozenset(_strings("dates.range_from", dates["range_from"])),
            range_to=frozenset(_strings("dates.range_to", dates["range_to"])),
            until_now=_strings("dates.until_now", dates["until_now"]),
            time_genitive_endings=_strings("dates.time_genitive_endings", dates["time_genitive_endings"]),
            next_day_cues=_strings("dates.next_day_cues", dates.get("next_day_cues", [])),
            day_cues=_strings("dates.day_cues", dates.get("day_cues", [])),
            clock_zones=_strings("dates.clock_zones", dates.get("clock_zones", [])),
            bound_after=frozenset(_strings("dates.bound_after", dates.get("bound_after", []))),
            deadline_after=frozenset(_strings("dates.deadline_after", dates.get("deadline_after", []))),
            relative_participles=frozenset(_strings("dates.relative_participles",
                                                    dates.get("relative_participles", []))),
        ),
        light_stems=_strings("verbs.light_stems", verbs.get("light_stems")),
        verb_endings=frozenset(_strings("verbs.endings", verbs.get("endings"))),
        strong_endings=_strings("verbs.strong_endings", verbs.get("strong_endings")),
        toll_words=frozenset(_strings("not_events.toll_words", notev.get("toll_words"))),
        war_frames=frozenset(_strings("not_events.war_frames", notev.get("war_frames"))),
        accident_frames=_strings("not_events.accident_frames", notev.get("accident_frames", [])),
        toll_referents=frozenset(_strings("not_events.toll_referents", notev.get("toll_referents", []))),
        toll_told=frozenset(_strings("not_events.toll_told", notev.get("toll_told", []))),
        naming_words=frozenset(_strings("naming_words", data["naming_words"])),
        inclusive_suffixes=_strings("inclusive_suffixes", data["inclusive_suffixes"]),
        inclusive_object_ending=normalize(require(_FILE, "top level", data, "inclusive_object_ending", str)),
        warning_words=frozenset(_strings("not_events.warning_words", notev.get("warning_words"))),
        warning_complementizers=frozenset(_strings("not_events.warning_complementizers",
                                                   notev.get("warning_complementizers"))),
        warning_complement_within=within,
        content_ends=frozenset(_strings("not_events.content_ends", notev.get("content_ends"))),
        content_verb_within=verb_within,
        list_joiners=frozenset(_strings("not_events.list_joiners", notev.get("list_joiners"))),
        list_ends=_strings("not_events.list_ends", notev.get("list_ends")),
        list_window=list_window,
        content_gap=content_gap,
        resumptive_topics=_strings("not_events.resumptive_topics", notev.get("resumptive_topics")),
        demand_frames=_strings("not_events.demand_frames", notev.get("demand_frames", [])),
        naming_heads=frozenset(_strings("not_events.naming_heads", notev.get("naming_heads", []))),
        naming_fillers=frozenset(_strings("not_events.naming_fillers", notev.get("naming_fillers", []))),
        contest_heads=frozenset(_strings("not_events.contest_heads", notev.get("contest_heads", []))),
        contesting_sectors=frozenset(_strings("not_events.contesting_sectors", notev.get("contesting_sectors", []))),
        toll_plurals=frozenset(_strings("not_events.toll_plurals", notev.get("toll_plurals", []))),
        discharge_places=tuple(_strings("not_events.discharge_places", notev.get("discharge_places", []))),
        collision_heads=tuple(_strings("not_events.collision_heads", notev.get("collision_heads", []))),
        vehicles=frozenset(_strings("not_events.vehicles", notev.get("vehicles", []))),
        vehicle_endings=frozenset(_strings("not_events.vehicle_endings", notev.get("vehicle_endings", []))),
        means_nouns=_strings("verbs.means_nouns", verbs.get("means_nouns")),
        means_words=frozenset(_strings("verbs.means_words", verbs.get("means_words"))),
        not_verb_endings=_strings("verbs.not_verb_endings", verbs.get("not_verb_endings", [])),
        not_verbs=frozenset(_strings("verbs.not_verbs", verbs.get("not_verbs", []))),
    )
