"""Actor matching and linking (ghotona.actors.link, translit, model).

The tests use the small dictionary in tests/fixtures/actors_mini, written in
the contract's schema (docs/actors.md), and sentences written for them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from ghotona.actors import link
from ghotona.actors.link import find_actors, parse_matching, provisional_id
from ghotona.actors.model import ActorMention
from ghotona.actors.translit import consonant_count, loose, romanise, similarity, skeleton
from ghotona.text.normalize import normalize
from ghotona.errors import LanguageDataError

FIXTURE = Path(__file__).parent / "fixtures" / "actors_mini"
SHIPPED_SET = Path(__file__).parent / "fixtures" / "actors_shipped.yaml"

PUTIN, TRUMP, BIDEN, MEDVEDEV = "Q7747", "Q22686", "Q6279", "gh:dmitry-medvedev"
LAVROV, SHOIGU, CHOE, RI = "gh:sergey-lavrov", "gh:sergei-shoigu", "gh:choe-son-hui", "gh:ri-son-gwon"
KIM, KIM_YJ, KIRBY, GUTERRES = "Q56226", "gh:kim-yo-jong", "gh:john-kirby", "gh:antonio-guterres"
RU, US, KP, UA = "Q159", "Q30", "Q423", "Q212"


# --- the fixture dictionary -------------------------------------------------
# Loaded and validated by the real loader, on its own (not merged with the
# shipped files, whose ids it shares).

FILES = {"countries": "country", "organisations": "organisation", "people": "person", "places": "place"}


def load_fixture():
    from ghotona.actors.dictionary import _load

    return _load(
        [(str(FIXTURE / f"{name}.yaml"), f"{name}.yaml", typ) for name, typ in FILES.items()],
        str(FIXTURE / "roles.yaml"),
        [str(FIXTURE / "ambiguous.yaml")],
    )


@pytest.fixture(scope="module")
def mini():
    return load_fixture()


@pytest.fixture(autouse=True)
def no_ner(monkeypatch):
    """No NER unless a test installs a tagger: results must not depend on a model."""
    monkeypatch.setattr(link, "_NER_TAGGER", None)


def find(text: str, on=date(2025, 7, 12), dictionary=None, **kw) -> list[ActorMention]:
    text = normalize(text)
    out = find_actors(text, on, dictionary=dictionary, ner=kw.pop("ner", True), **kw)
    check_invariants(text, out)
    return out


def check_invariants(text: str, out: list[ActorMention]) -> None:
    prev_end = -1
    for m in out:
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end, "sorted and non-overlapping"
        assert m.start < m.end
        assert m.type in ("person", "organisation", "country", "place")
        prev_end = m.end


def at(out: list[ActorMention], surface: str, nth: int = 0) -> ActorMention:
    hits = [m for m in out if m.text == normalize(surface)]
    assert len(hits) > nth, f"no mention {surface!r} in {[m.text for m in out]}"
    return hits[nth]


def texts(out: list[ActorMention]) -> list[str]:
    return [m.text for m in out]


# --- transliteration --------------------------------------------------------


def test_romanise_is_deterministic_latin():
    assert romanise("ভ্লাদিমির পুতিন") == "bhladimir putin"
    assert romanise("কিম জং উন") == "kim jong un"
    assert romanise("চোয়ে সন হুই") == romanise(normalize("চোয়ে সন হুই"))  # precomposed য় too
    assert romanise("ঢাকা ২০২৫") == "dhaka 2025"
    assert romanise("Putin") == "putin"


@pytest.mark.parametrize(
    "a, b",
    [
        ("চোয়ে সন হুই", "চোই সন হি"),
        ("ল্যাভরভ", "লাভরভ"),
        ("ভ্লাদিভোস্তক", "ভ্লাদিভোস্টক"),
        ("ভ্লাদিমির পুতিন", "ভ্লাদিমির পুটিন"),
        ("যুক্তরাষ্ট্র", "যুক্তরাস্ট্র"),
        ("Vladimir Putin", "ভ্লাদিমির পুতিন"),
    ],
)
def test_spelling_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)
    assert similarity(a, b) >= 0.85


def test_skeleton_shape():
    assert skeleton("চোয়ে সন হুই") == "c sn h"
    assert skeleton("ল্যাভরভ") == "lbrb"  # bh/v -> b, ya-phala dropped
    assert loose("ল্যাভরভ") == loose("লাভরভ") == "labrb"
    assert consonant_count("কিম") == 2


def test_short_names_never_match_fuzzily():
    assert similarity("কিম", "কাম") == 0.0
    assert similarity("পুতিন", "পুতুন") == 0.0  # 3 consonants: exact only
    assert similarity("কিম", "কিম") == 1.0
    # long different names stay apart
    assert similarity("ভ্লাদিমির পুতিন", "দিমিত্রি মেদভেদেভ") < 0.5
    assert similarity("লন্ডন", "লেনদেন") < 0.9


# --- the mention record -----------------------------------------------------


def test_mention_to_json():
    m = ActorMention(0, 5, "পুতিন", "person", PUTIN, "Vladimir Putin", "ভ্লাদিমির পুতিন", "exact", 1.0)
    j = m.to_json()
    assert j["actor_id"] == PUTIN and j["role"] is None and j["note"] is None
    assert set(j) == {"start", "end", "text", "type", "actor_id", "name_en", "name_bn", "how", "score", "role", "note"}
    json.dumps(j, ensure_ascii=False)


# --- names and inflections --------------------------------------------------


def test_inflected_names_span_the_ending(mini):
    t = "পুতিনের সঙ্গে কিম জং উনের বৈঠক হয়। উত্তর কোরিয়ার সরকার ল্যাভরভকে স্বাগত জানায়। চোয়ে সন হুই-এর বক্তব্য।"
    out = find(t, dictionary=mini)
    assert at(out, "পুতিনের").actor_id == PUTIN and at(out, "পুতিনের").how == "inflected"
    assert at(out, "কিম জং উনের").actor_id == KIM
    assert at(out, "উত্তর কোরিয়ার").actor_id == KP and at(out, "উত্তর কোরিয়ার").type == "country"
    assert at(out, "ল্যাভরভকে").actor_id == LAVROV
    m = at(out, "চোয়ে সন হুই-এর")
    assert m.actor_id == CHOE and m.how == "inflected"


def test_exact_and_multiword_longest_match(mini):
    out = find("মার্কিন যুক্তরাষ্ট্র ও উত্তর কোরিয়ান সেনারা; ভ্লাদিমির পুতিন বলেন।", dictionary=mini)
    assert texts(out) == ["মার্কিন যুক্তরাষ্ট্র", "উত্তর কোরিয়ান", "ভ্লাদিমির পুতিন"]
    assert [m.actor_id for m in out] == [US, KP, PUTIN]
    assert out[0].how == "exact" and out[1].how == "demonym" and out[2].how == "exact"
    assert out[2].score == 1.0 and out[2].name_en == "Vladimir Putin" and out[2].name_bn == "ভ্লাদিমির পুতিন"


def test_spelling_variants_link_to_the_same_actor(mini):
    a = at(find("উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী চোয়ে সন হুই বলেন", dictionary=mini), "চোয়ে সন হুই")
    b = at(find("উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী চোই সন হি-এর সঙ্গে বৈঠক", dictionary=mini), "চোই সন হি-এর")
    assert a.actor_id == b.actor_id == CHOE
    assert a.how == "exact" and b.how == "fuzzy" and 0 < b.score < a.score
    v = find("ভ্লাদিভোস্তকে বৈঠক হবে। ভ্লাদিমির পুটিনের বার্তা। সেরগেই লাভরভ এলেন", dictionary=mini)
    assert at(v, "ভ্লাদিভোস্তকে").actor_id == "Q959" and at(v, "ভ্লাদিভোস্তকে").how == "variant"
    assert at(v, "ভ্লাদিমির পুটিনের").actor_id == PUTIN  # a listed alias
    assert at(v, "সেরগেই লাভরভ").actor_id == LAVROV and at(v, "সেরগেই লাভরভ").how == "variant"
    # a one-word name of 4 consonants has no variants: লাভরভ alone could be anyone ...
    assert find("লাভরভ বলেন", dictionary=mini) == []
    # ... but after the full name it is its short form
    out = find("সের্গেই ল্যাভরভ এলেন। লাভরভ বলেন", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [("সের্গেই ল্যাভরভ", "exact", LAVROV), ("লাভরভ", "short-form", LAVROV)]


def test_one_word_variants_need_a_long_name(mini):
    out = find("নেতানইয়াহু হুঁশিয়ারি দেন; মোশারফ হোসেন বলেন", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [("নেতানইয়াহু", "variant", "gh:benjamin-netanyahu")]


def test_fuzzy_needs_long_names(mini):
    # কাম / পুতুন are short: no fuzzy match to কিম / পুতিন
    out = find("কাম শেষে পুতুন নামে একজন এলেন", dictionary=mini)
    assert out == []


def test_latin_alias(mini):
    out = find("Putin এবং UN প্রসঙ্গে; PUTIN; un jour", dictionary=mini)
    assert [(m.text, m.actor_id) for m in out] == [("Putin", PUTIN), ("UN", "Q1065"), ("PUTIN", PUTIN)]


# --- demonyms, compounds, abbreviations -------------------------------------


def test_demonyms_are_country_mentions(mini):
    out = find("রুশ বাহিনী ও মার্কিন কর্মকর্তারা এবং ব্রিটিশ বার্তা সংস্থা রয়টার্স", dictionary=mini)
    assert [(m.text, m.actor_id, m.how, m.type) for m in out] == [
        ("রুশ", RU, "demonym", "country"),
        ("মার্কিন", US, "demonym", "country"),
        ("ব্রিটিশ", "Q145", "demonym", "country"),
        ("রয়টার্স", "gh:reuters", "exact", "organisation"),
    ]


def test_hyphenated_compounds_give_one_mention_each(mini):
    t = normalize("আসন্ন মার্কিন-রাশিয়া শীর্ষ বৈঠক; ট্রাম্প-পুতিন ঘনিষ্ঠতা; রাশিয়া-উত্তর কোরিয়া সম্পর্ক")
    out = find(t, dictionary=mini)
    assert [(m.text, m.actor_id) for m in out] == [
        ("মার্কিন", US), ("রাশিয়া", RU), ("ট্রাম্প", TRUMP), ("পুতিন", PUTIN), ("রাশিয়া", RU), ("উত্তর কোরিয়া", KP),
    ]
    us, ru = out[0], out[1]
    assert us.how == "demonym" and ru.how == "exact"
    assert t[us.end] == "-" and ru.start == us.end + 1


def test_apostrophe_and_hyphen_endings_stay_on_the_name(mini):
    out = find("সংবাদমাধ্যম বিবিসি’কে বলেন; আল-জাজিরার খবর", dictionary=mini)
    assert [(m.text, m.actor_id) for m in out] == [("বিবিসি’কে", "gh:bbc"), ("আল-জাজিরার", "gh:al-jazeera")]


def test_abbreviations(mini):
    out = find("রাশিয়ার মন্ত্রী উ. কোরিয়ায় গেছেন। উ.কোরিয়া ও রাশিয়া; দ. কোরিয়ার উদ্বেগ", dictionary=mini)
    assert [(m.text, m.actor_id, m.how) for m in out] == [
        ("রাশিয়ার", RU, "inflected"),
        ("উ. কোরিয়ায়", KP, "abbreviation"),
        ("উ.কোরিয়া", KP, "abbreviation"),
        ("রাশিয়া", RU, "exact"),
        ("দ. কোরিয়ার", "Q884", "abbreviation"),
    ]


# --- roles ------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, on, who",
    [
        ("মার্কিন প্রেসিডেন্ট", date(2023, 9, 5), BIDEN),
        ("মার্কিন প্রেসিডেন্ট", date(2025, 7, 10), TRUMP),
        ("মার্কিন প্রেসিডেন্ট", date(2019, 1, 1), TRUMP),
        ("রুশ প্রেসিডেন্ট", date(2010, 6, 1), MEDVEDEV),
        ("রুশ প্রেসিডেন্ট", date(2025, 7, 10), PUTIN),
        ("রাশিয়ার পররাষ্ট্রমন্ত্রী", date(2025, 7, 10), LAVROV),
        ("যুক্তরাষ্ট্রের পররাষ্ট্রমন্ত্রী", date(2023, 1, 1), "gh:antony-blinken"),
        ("উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী", date(2021, 3, 1), RI),
        ("উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী", date(2024, 3, 1), CHOE),
        ("উত্তর কোরিয়ার সর্বোচ্চ নেতা", date(2024, 3, 1), KIM),
        ("উত্তর কোরিয়ার নেতা", date(2024, 3, 1), KIM),
        ("রাশিয়ার সেনাপ্রধান", date(2024, 3, 1), "gh:valery-gerasimov"),
        ("জাতিসংঘের মহাসচিব", date(2020, 3, 1), GUTERRES),
        ("পশ্চিমবঙ্গের মুখ্যমন্ত্রী", date(2024, 3, 1), "gh:mamata-banerjee"),
    ],
)
def test_roles_resolve_by_date(mini, phrase, on, who):
    out = find(f"{phrase} বলেছেন, আলোচনা চলবে।", on=on, dictionary=mini)
    m = out[0]
    assert (m.text, m.how, m.type, m.actor_id) == (phrase, "role", "person", who)
    assert m.role and m.note and f"article date {on.isoformat()}" in m.note
    assert len(out) == 1  # the modifier is inside the role mention


def test_spaces_and_hyphens_inside_names_do_not_matter(mini):
    # the loader treats পররাষ্ট্র মন্ত্রী = পররাষ্ট্রমন্ত্রী and কিম জং-উন = কিম জং উন; so does the matcher
    out = find("রাশিয়ার পররাষ্ট্র মন্ত্রী এবং উত্তরকোরিয়ার নেতা কিম জং-উন; রাশিয়ার পররাষ্ট্র মন্ত্রণালয়", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [
        ("রাশিয়ার পররাষ্ট্র মন্ত্রী", "role", LAVROV),
        ("উত্তরকোরিয়ার নেতা", "role", KIM),
        ("কিম জং-উন", "exact", KIM),
        ("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়", "exact", "gh:ru-mfa"),  # the ministry, not its minister
    ]


def test_a_phrase_of_several_roles_keeps_the_held_one(mini):
    # সেনাপ্রধান is army_chief and chief_of_defence; only the latter has a holder of RU
    m = find("রাশিয়ার সেনাপ্রধান বলেন", dictionary=mini)[0]
    assert (m.actor_id, m.role) == ("gh:valery-gerasimov", "chief_of_defence")
    m = find("যুক্তরাষ্ট্রের সেনাপ্রধান বলেন", dictionary=mini)[0]
    assert m.actor_id is None and m.note.startswith("no holder of army_chief/chief_of_defence of US")


def test_role_phrase_inflected_and_note(mini):
    out = find("রুশ পররাষ্ট্রমন্ত্রীকে উষ্ণ অভ্যর্থনা", on=date(2025, 7, 12), dictionary=mini)
    m = at(out, "রুশ পররাষ্ট্রমন্ত্রীকে")
    assert m.actor_id == LAVROV and m.role == "foreign_minister"
    assert m.note == "role held 2004-03-09..; article date 2025-07-12"


def test_roles_unresolved(mini):
    nobody = at(find("জাপানের প্রধানমন্ত্রী বলেন", dictionary=mini), "জাপানের প্রধানমন্ত্রী")
    assert nobody.actor_id is None and nobody.how == "role" and "no holder" in nobody.note
    before = at(find("জাতিসংঘের মহাসচিব বলেন", on=date(2010, 1, 1), dictionary=mini), "জাতিসংঘের মহাসচিব")
    assert before.actor_id is None
    several = at(find("রাশিয়ার মুখপাত্র বলেন", dictionary=mini), "রাশিয়ার মুখপাত্র")
    assert several.actor_id is None and several.note.startswith("2 holders")
    undated = at(find("মার্কিন প্রেসিডেন্ট বলেন", on=None, dictionary=mini), "মার্কিন প্রেসিডেন্ট")
    assert undated.actor_id is None and "date unknown" in undated.note


def test_role_followed_by_name_gives_two_mentions(mini):
    t = "রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ এবং উত্তর কোরিয়ার সর্বোচ্চ নেতা কিম জং উনের বৈঠক"
    out = find(t, dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [
        ("রুশ পররাষ্ট্রমন্ত্রী", "role", LAVROV),
        ("সের্গেই ল্যাভরভ", "exact", LAVROV),
        ("উত্তর কোরিয়ার সর্বোচ্চ নেতা", "role", KIM),
        ("কিম জং উনের", "inflected", KIM),
    ]


def test_name_after_role_wins_over_dictionary_date(mini):
    # Shoigu left office in 2024; the text names him, so the role links to him
    out = find("রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু সফর করেন", on=date(2025, 7, 12), dictionary=mini)
    role, person = out
    assert role.actor_id == person.actor_id == SHOIGU
    assert "named right after" in role.note
    # ... and a role resolves an ambiguous bare name right after it
    out = find("উত্তর কোরিয়ার সর্বোচ্চ নেতা কিম বলেন", dictionary=mini)
    assert [m.actor_id for m in out] == [KIM, KIM]


def test_role_guards(mini):
    # former / elected: not the holder on the date
    m = find("সাবেক মার্কিন প্রেসিডেন্ট বলেন", dictionary=mini)[0]
    assert m.text == "মার্কিন প্রেসিডেন্ট" and m.actor_id is None and "সাবেক" in m.note
    # "the US presidential election" is no person
    out = find("মার্কিন প্রেসিডেন্ট নির্বাচনে জয়ী", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("মার্কিন", "demonym")]
    # a plural role is no single person
    out = find("রুশ পররাষ্ট্রমন্ত্রীদের সম্মেলন", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("রুশ", "demonym")]
    # a bare country name (not genitive) is no role modifier
    out = find("রাশিয়া পররাষ্ট্রমন্ত্রী পাঠাবে", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("রাশিয়া", "exact")]
    # a role with a word between modifier and phrase: the country only
    out = find("রাশিয়ার সাবেক প্রেসিডেন্ট", dictionary=mini)
    assert [(m.text, m.type) for m in out] == [("রাশিয়ার", "country")]


def test_role_words_are_data(mini):
    # the qualifiers and blockers come from roles.yaml: without them, the guards are gone
    import dataclasses

    from ghotona.actors.dictionary import Context

    bare = dataclasses.replace(mini, context=Context())
    assert find("সাবেক মার্কিন প্রেসিডেন্ট বলেন", dictionary=bare)[0].actor_id == TRUMP
    assert find("মার্কিন প্রেসিডেন্ট নির্বাচন হবে", dictionary=bare)[0].how == "role"
    # inflected blockers and qualifiers are found through their base forms
    assert [m.how for m in find("মার্কিন প্রেসিডেন্ট নির্বাচনের ফল", dictionary=mini)] == ["demonym"]
    m = find("তৎকালীন রুশ প্রেসিডেন্ট বলেন", on=date(2010, 6, 1), dictionary=mini)[0]
    assert m.actor_id is None and "তৎকালীন" in m.note


@pytest.mark.parametrize(
    "phrase, on, who, office",
    [
        ("উত্তর কোরিয়ার নেতা", date(2025, 7, 10), KIM, "supreme_leader"),
        ("উত্তর কোরিয়ার শীর্ষ নেতা", date(2025, 7, 10), KIM, "supreme_leader"),
        ("রাশিয়ার নেতা", date(2025, 7, 10), PUTIN, "president"),
        ("রুশ নেতা", date(2010, 6, 1), MEDVEDEV, "president"),
        ("চীনের শীর্ষ নেতা", date(2025, 7, 10), "Q15031", "president"),
        # a parliamentary republic: the prime minister leads, not the president (held_by_in)
        ("ভারতের নেতা", date(2025, 7, 10), "Q1058", "prime_minister"),
        ("বাংলাদেশের নেতা", date(2025, 7, 10), "gh:muhammad-yunus", "chief_adviser"),
    ],
)
def test_country_leader_is_whoever_leads_on_the_date(mini, phrase, on, who, office):
    (m,) = find(f"{phrase} বলেছেন, আলোচনা চলবে।", on=on, dictionary=mini)
    assert (m.text, m.how, m.actor_id, m.role) == (phrase, "role", who, office)
    assert f"article date {on.isoformat()}" in m.note


def test_country_leader_unresolved_and_organisations(mini):
    (m,) = find("জাপানের নেতা বলেন", dictionary=mini)
    assert m.how == "role" and m.actor_id is None and "no holder" in m.note
    # an organisation's নেতা is its leader, never a derived country role
    (m,) = find("জাতিসংঘের নেতা বলেন", dictionary=mini)
    assert m.actor_id is None and "country_leader" not in m.note and m.role == "leader"
    # plural: no role
    assert [x.how for x in find("রাশিয়ার নেতারা বলেন", dictionary=mini)] == ["inflected"]


def test_a_ministrys_head_is_its_minister(mini):
    # the country modifier with the longer phrase wins over the ministry + প্রধান
    (m,) = find("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের প্রধান বলেন", dictionary=mini)
    assert (m.text, m.how, m.actor_id, m.role) == ("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের প্রধান", "role", LAVROV, "foreign_minister")
    (m,) = find("যুক্তরাষ্ট্রের পররাষ্ট্র মন্ত্রণালয়ের প্রধান বলেন", on=date(2023, 1, 1), dictionary=mini)
    assert m.actor_id == "gh:antony-blinken"
    # the ministry itself is still the ministry
    out = find("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের বিবৃতি", dictionary=mini)
    assert [(x.text, x.actor_id) for x in out] == [("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের", "gh:ru-mfa")]


def test_a_role_phrase_that_is_also_an_adjective_needs_a_holder(mini):
    # প্রধান is "head" and "main": with nobody holding the role, the country stays a country
    out = find("রাশিয়ার প্রধান রপ্তানি পণ্য তেল", dictionary=mini)
    assert [(m.text, m.actor_id) for m in out] == [("রাশিয়ার", RU)]
    out = find("জাতিসংঘের প্রধান বলেন", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("জাতিসংঘের", "inflected")]
    # a name right after it keeps the role reading, linked to that person
    out = find("জাতিসংঘের প্রধান আন্তোনিও গুতেরেস বলেন", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [
        ("জাতিসংঘের প্রধান", "role", GUTERRES), ("আন্তোনিও গুতেরেস", "exact", GUTERRES)]
    # and a ministry's head is its minister, held
    assert find("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের প্রধান", dictionary=mini)[0].actor_id == LAVROV


def test_armed_forces_are_the_country(mini):
    t = "রুশ বাহিনী, মার্কিন সেনারা ও ইসরায়েলের সেনাবাহিনী; ইসরায়েলি প্রতিরক্ষা বাহিনী জানায়"
    out = find(t, dictionary=mini)
    assert [(m.text, m.actor_id, m.type) for m in out] == [
        ("রুশ", RU, "country"), ("মার্কিন", US, "country"), ("ইসরায়েলের", "Q801", "country"),
        ("ইসরায়েলি প্রতিরক্ষা বাহিনী", "gh:il-idf", "organisation"),  # a force's own name
    ]
    assert all("armed forces" in m.note for m in out[:3]) and out[3].note is None
    assert find("রুশ কর্মকর্তারা", dictionary=mini)[0].note is None
    # before its forces a bare country name is a role modifier, as the forces' own name
    (m,) = find("রাশিয়া সেনাবাহিনীর প্রধান বলেন", dictionary=mini)
    assert (m.how, m.actor_id) == ("role", "gh:valery-gerasimov")


def test_a_service_noun_after_a_country_word_is_that_countrys_service():
    """সেনাবাহিনী / নৌবাহিনী / বিমানবাহিনী name the country's army, navy, air
    force when the dictionary has one (Actor.forces); troop nouns stay the country."""
    cases = [
        ("ভারতীয় বিমানবাহিনী হামলা চালায়", "ভারতীয় বিমানবাহিনী", "gh:in-air-force", "exact"),
        ("পাকিস্তানের সেনাবাহিনীর হাতে আটক", "পাকিস্তানের সেনাবাহিনীর", "gh:pk-army", "inflected"),
        ("মিয়ানমারের সেনাবাহিনী ক্ষমতা নেয়", "মিয়ানমারের সেনাবাহিনী", "gh:mm-tatmadaw", "exact"),
        ("ইসরায়েলি নৌবাহিনীর জাহাজ", "ইসরায়েলি নৌবাহিনীর", "gh:il-navy", "inflected"),
    ]
    for text, span, aid, how in cases:
        m = find(text)[0]
        assert (m.text, m.actor_id, m.type, m.how) == (span, aid, "organisation", how), text
    # a troop noun, or a country with no such service listed, stays the country
    for text, name in [("রুশ বাহিনী এগোচ্ছে", "Russia"), ("মার্কিন সেনারা ফিরছে", "United States"),
                       ("মালদ্বীপের নৌবাহিনী টহল দেয়", "Maldives")]:
        m = find(text)[0]
        assert (m.type, m.name_en) == ("country", name) and "armed forces" in m.note, text
    # "to Russia" is no modifier: রাশিয়ায় সেনাবাহিনী পাঠায় sends an army there
    assert find("রাশিয়ায় সেনাবাহিনী পাঠায় উত্তর কোরিয়া")[0].name_en == "Russia"


MALI = "gh:country-ml"


@pytest.mark.parametrize(
    "text, linked",
    [
        ("বাগানের মালি প্রতিদিন গাছে পানি দেন।", []),
        ("মালিকে দিয়ে ঘাস কাটানো হলো।", []),
        ("মালির সামরিক জান্তা নির্বাচন পিছিয়েছে।", ["মালির"]),  # a cue word (জান্তা)
        ("মালির রাজধানীতে বিক্ষোভ হয়।", ["মালির"]),  # a cue word, inflected
        ("মালি ও নাইজার নতুন জোট গড়েছে।", ["মালি", "নাইজার"]),  # a list of countries
        ("নাইজার, মালি এবং রাশিয়া বৈঠক করে।", ["নাইজার", "মালি", "রাশিয়া"]),
        ("নাইজারের মালি ছুটিতে আছেন।", ["নাইজারের"]),  # beside a country, but no list
        # one sense per article: the cue in the first sentence carries to the second
        ("মালির সরকার নতুন আইন করেছে। মালি এখন সংকটে।", ["মালির", "মালি"]),
        # a cue in another sentence is no cue
        ("মালি গাছ ছাঁটছিলেন। সরকার নতুন আইন করেছে।", []),
    ],
)
def test_homographs_need_a_cue(mini, text, linked):
    out = find(text, dictionary=mini)
    assert [m.text for m in out if m.actor_id] == linked


def test_homographs_never_before_or_after_their_everyday_words(mini):
    out = find("বিকেলে চীনা বাদাম খাওয়া হলো; চীনা কর্মকর্তারা এলেন", dictionary=mini)
    assert [(m.text, m.start > 20) for m in out] == [("চীনা", True)]
    assert find("দলটি শেষে ট্রাম্প কার্ড খেলেছে", dictionary=mini) == []
    out = find("ডোনাল্ড ট্রাম্প বলেন, তাঁর হাতে ট্রাম্প কার্ড আছে। ট্রাম্প হাসলেন।", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("ডোনাল্ড ট্রাম্প", "exact"), ("ট্রাম্প", "short-form")]


def test_a_dropped_homograph_is_no_ner_name(mini, monkeypatch):
    monkeypatch.setattr(link, "_NER_TAGGER", _FakeTagger({"মালি": "LOC"}))
    assert find("বাগানের মালি গাছে পানি দেন।", dictionary=mini) == []


# --- short forms ------------------------------------------------------------


def test_short_form_after_full_name(mini):
    out = find("ভ্লাদিমির পুতিন মস্কোয় ফিরেছেন। পরে পুতিন বলেন, পুতিনের দেশ প্রস্তুত।", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [
        ("ভ্লাদিমির পুতিন", "exact", PUTIN),
        ("মস্কোয়", "inflected", "Q649"),
        ("পুতিন", "short-form", PUTIN),
        ("পুতিনের", "short-form", PUTIN),
    ]
    # a bare alias with no full name before it is an ordinary match
    assert [(m.how, m.actor_id) for m in find("পুতিন বলেন", dictionary=mini)] == [("exact", PUTIN)]


def test_ambiguous_bare_name(mini):
    alone = find("কিম বলেন, আলোচনা চলবে।", dictionary=mini)
    assert [(m.text, m.actor_id) for m in alone] == [("কিম", None)]
    assert "ambiguous" in alone[0].note
    after = find("কিম জং উন সফরে যান। কিমের ট্রেন মস্কো পৌঁছায়।", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in after] == [
        ("কিম জং উন", "exact", KIM), ("কিমের", "short-form", KIM), ("মস্কো", "exact", "Q649"),
    ]
    sister = find("কিম ইয়ো জং বিবৃতি দেন। কিম বলেন", dictionary=mini)
    assert [m.actor_id for m in sister] == [KIM_YJ, KIM_YJ]
    both = find("কিম জং উন ও কিম ইয়ো জং এলেন। কিম বলেন", dictionary=mini)
    assert both[-1].text == "কিম" and both[-1].actor_id is None
    # a short form must come after the full name, not before
    before = find("কিম বলেন। পরে কিম জং উন সফর করেন।", dictionary=mini)
    assert [m.actor_id for m in before] == [None, KIM]


def test_short_form_of_a_name_word_not_in_the_dictionary(mini):
    t = "ভলোদিমির জেলেনস্কি বলেছেন, আলোচনা চলবে। জেলেনস্কির মতে চুক্তি হবে। জেলেনস্কী আরও বলেন"
    out = find(t, dictionary=mini)
    zel = "gh:volodymyr-zelensky"
    assert [(m.text, m.how, m.actor_id) for m in out] == [
        ("ভলোদিমির জেলেনস্কি", "exact", zel), ("জেলেনস্কির", "short-form", zel), ("জেলেনস্কী", "short-form", zel),
    ]
    # never before the full name
    assert find("জেলেনস্কি বলেন। পরে ভলোদিমির জেলেনস্কি এলেন", dictionary=mini)[0].text == "ভলোদিমির জেলেনস্কি"


def test_short_words_are_no_short_forms_on_their_own(mini):
    # কাদের is also "whose"; কিরবি has only 3 consonants; সন (also "year") is a middle word
    out = find("ওবায়দুল কাদেরের বক্তব্যে আসলে কাদের স্বার্থ লুকিয়ে আছে?", dictionary=mini)
    assert texts(out) == ["ওবায়দুল কাদেরের"]
    out = find("জন কিরবি বলেছেন। কিরবির মতে চুক্তি হবে।", dictionary=mini)
    assert texts(out) == ["জন কিরবি"]
    out = find("চোয়ে সন হুই এলেন। ১৪৩২ সন", dictionary=mini)
    assert texts(out) == ["চোয়ে সন হুই"]


def test_ner_tagged_short_word_links_to_the_earlier_name(mini, monkeypatch):
    # with NER saying কিরবির is a person, the 3-consonant surname links after all
    monkeypatch.setattr(link, "_NER_TAGGER", _FakeTagger({"কিরবির": "PER"}))
    out = find("জন কিরবি বলেছেন। কিরবির মতে চুক্তি হবে।", dictionary=mini)
    assert [(m.text, m.how, m.actor_id) for m in out] == [("জন কিরবি", "exact", KIRBY), ("কিরবির", "short-form", KIRBY)]


# --- precision --------------------------------------------------------------


def test_no_match_inside_longer_words(mini):
    t = "চীনাবাদামের দাম বেড়েছে; ভারতনাট্যম নৃত্য; সালমান রুশদির বই; জংধরা লোহা; কিমাকারি; ইউক্রেনবাসী?"
    out = find(t, dictionary=mini)
    assert out == [], texts(out)


def test_a_listed_word_is_not_matched_across_a_short_word(mini):
    # চায়না (China) must not match "চায় না" (does not want) ...
    out = find("ইসলামাবাদ সংঘাত বাড়াতে চায় না; চায়নার অবস্থান", dictionary=mini)
    assert [(m.text, m.actor_id) for m in out] == [("চায়নার", "Q148")]
    # ... while a long compound written in two words still matches (see test_spaces_and_hyphens...)


def test_no_match_across_lines_or_punctuation(mini):
    out = find("উত্তর\n\nকোরিয়া; কিম, জং উন", dictionary=mini)
    # "উত্তর"/"কোরিয়া" are not names by themselves; কিম is ambiguous alone
    assert [(m.text, m.actor_id) for m in out] == [("কিম", None)]


def test_offsets_exact_on_unnormalised_text(mini):
    # precomposed য় (U+09DF), a zero-width joiner and NBSP: offsets still index the given text
    t = "রাশি\u09dfার প্রেসিডেন্ট\u00a0ভ্লাদিমির পুতিন\u200d এবং উত্তর কোরি\u09dfা"
    out = find_actors(t, date(2025, 7, 12), dictionary=mini)
    check_invariants(t, out)
    assert [m.actor_id for m in out] == [PUTIN, PUTIN, KP]


def test_invariants_on_a_long_article(mini):
    body = "\n\n".join(
        p.read_text("utf-8") for p in sorted(Path(__file__).parent.parent.joinpath("src/ghotona/demo/pages").glob("*.txt"))
    )
    body = normalize(body)
    out = find_actors(body, date(2024, 6, 1), dictionary=mini, ner=False)
    check_invariants(body, out)
    assert any(m.actor_id == PUTIN for m in out)


# --- NER fallback -----------------------------------------------------------


class _FakeTagger:
    """Tags the given surfaces wherever they occur, like NerTagger.entities."""

    def __init__(self, names: dict[str, str]):
        self.names = {normalize(k): v for k, v in names.items()}

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for name, label in self.names.items():
            i = text.find(name)
            while i >= 0:
                out.append((i, i + len(name), label))
                i = text.find(name, i + 1)
        return sorted(out)


def test_ner_unknown_names_get_grouped_provisional_ids(mini, monkeypatch):
    tagger = _FakeTagger({
        # "আলেক্সি নাভালনি" stops before the ending: the mention is widened to the whole word
        "আলেক্সেই নাভালনি": "PER", "আলেক্সি নাভালনি": "PER", "নাভালনি": "PER",
        "ভ্লাদিমির পুতিন": "PER", "রোসনেফট": "ORG", "প্রেসিডেন্ট": "PER",
    })
    monkeypatch.setattr(link, "_NER_TAGGER", tagger)
    a = find("বিরোধী নেতা আলেক্সেই নাভালনি ও ভ্লাদিমির পুতিন; রোসনেফট কোম্পানি", dictionary=mini)
    b = find("আলেক্সি নাভালনির মৃত্যুর পর নাভালনি সমর্থকেরা", dictionary=mini)
    na, pu, ro = a
    assert (na.text, na.how, na.type) == ("আলেক্সেই নাভালনি", "ner", "person")
    assert na.actor_id.startswith("prov:") and len(na.actor_id) == 15
    assert (pu.how, pu.actor_id) == ("exact", PUTIN)  # the dictionary beats NER
    assert (ro.type, ro.how) == ("organisation", "ner")
    nb, short = b
    assert nb.text == "আলেক্সি নাভালনির" and nb.actor_id == na.actor_id  # two spellings, one id
    assert (short.text, short.how, short.actor_id) == ("নাভালনি", "short-form", na.actor_id)
    assert provisional_id("আলেক্সেই নাভালনি") == na.actor_id
    # ner=False: nothing from the tagger
    assert [m.how for m in find("আলেক্সেই নাভালনি ও পুতিন", dictionary=mini, ner=False)] == ["exact"]


def test_ner_drops_leading_titles_and_overlaps(mini, monkeypatch):
    monkeypatch.setattr(link, "_NER_TAGGER", _FakeTagger({"প্রেসিডেন্ট জোকো উইদোদো": "PER", "রুশ প্রেসিডেন্ট পুতিন": "PER"}))
    out = find("প্রেসিডেন্ট জোকো উইদোদো এবং রুশ প্রেসিডেন্ট পুতিন", dictionary=mini)
    assert [(m.text, m.how) for m in out] == [("জোকো উইদোদো", "ner"), ("রুশ প্রেসিডেন্ট", "role"), ("পুতিন", "exact")]


def test_provisional_ids_strip_endings_conservatively():
    assert provisional_id("জোকো উইদোদোর") == provisional_id("জোকো উইদোদো")
    assert provisional_id("ওমরের") == provisional_id("ওমর")  # -র only after a vowel: ওমর keeps its র
    assert provisional_id("ওমর") != provisional_id("ওম")
    assert provisional_id("চোয়ে সন হুই-এর") == provisional_id("চোই সন হি")


def test_a_provisional_name_in_r_has_one_id_in_every_form():
    # the bare -র of আক্তার reads like a genitive; every form and the English spelling are one id
    forms = ["সাবিনা আক্তার", "সাবিনা আক্তারের", "সাবিনা আক্তারকে", "Sabina Akter"]
    assert len({provisional_id(f) for f in forms}) == 1
    assert provisional_id("পি কে হালদার") == provisional_id("P K Haldar") == provisional_id("পি কে হালদারের")
    assert provisional_id("সাবিনা আক্তার") != provisional_id("সাবিনা আক্তারুজ্জামান")


def test_real_ner_if_available(mini, monkeypatch):
    monkeypatch.setattr(link, "_NER_TAGGER", link._UNSET)
    if link._ner_tagger() is None:
        pytest.skip("no NER model shipped yet")
    t = normalize("যুক্তরাষ্ট্রের জাতীয় নিরাপত্তা পরিষদের মুখপাত্র জন কিরবি বলেছেন, রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু সফর করেছেন।")
    out = find_actors(t, date(2023, 9, 5), dictionary=mini, ner=True)
    check_invariants(t, out)
    assert any(m.actor_id == SHOIGU for m in out)


# --- the shipped dictionary -------------------------------------------------


def test_default_dictionary_if_shipped():
    try:
        from ghotona.actors.dictionary import load_dictionary
    except ImportError:
        pytest.skip("ghotona.actors.dictionary not there yet")
    try:
        load_dictionary()
    except Exception as exc:  # data still being written
        pytest.skip(f"shipped dictionary does not load yet: {exc}")
    out = find("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে বৈঠক", on=date(2025, 7, 12))
    assert any(m.text == "ভ্লাদিমির পুতিনের" and m.actor_id for m in out)


def _shipped_items():
    import yaml

    return yaml.safe_load(SHIPPED_SET.read_text("utf-8"))


@pytest.mark.parametrize("item", _shipped_items(), ids=lambda it: it["text"][:24])
def test_shipped_dictionary_on_sentences_written_for_it(item):
    """Conventions of docs/actors.md on the shipped data: every listed link is
    found, no listed everyday word is linked, and nothing else is linked."""
    from ghotona.actors.dictionary import load_dictionary
    from ghotona.evaluate.linking import name_key

    d = load_dictionary()
    text = normalize(item["text"])
    out = find(text, on=date.fromisoformat(item["date"]), dictionary=d, ner=False)

    def names(m):
        a = d.get(m.actor_id) if m.actor_id else None
        return {name_key(m.name_en), *(name_key(x) for x in (a.aliases_en if a else ()))}

    def at_surface(surface, name):
        s = text.index(normalize(surface))
        e = s + len(normalize(surface))
        return [m for m in out if m.start < e and s < m.end and m.actor_id and name_key(name) in names(m)]

    got = [(m.text, m.name_en, m.how) for m in out]
    for surface, name in item.get("links", []):
        assert at_surface(surface, name), f"{surface} -> {name} not found in {got}"
    for surface, name in item.get("not", []):
        assert not at_surface(surface, name), f"{surface} linked to {name}: {got}"
    expected = item.get("links", [])
    for m in out:
        if m.actor_id:
            assert any(m in at_surface(sf, nm) for sf, nm in expected), f"unexpected {m.text} -> {m.name_en}"


def test_a_role_phrase_said_of_anyone_is_no_role_before_a_name():
    # নেতা is said of any politician: before a name it describes the person,
    # and the country in front of it is a mention of its own
    out = find("উত্তর কোরিয়ার নেতা কিম জং উন মস্কো যাবেন", on=date(2025, 7, 10))
    assert [(m.text, m.name_en, m.how) for m in out if m.type != "place"] == [
        ("উত্তর কোরিয়ার", "North Korea", "inflected"), ("কিম জং উন", "Kim Jong Un", "exact")]
    # alone it still names whoever led the country on the date
    (m,) = find("উত্তর কোরিয়ার নেতা বলেছেন", on=date(2025, 7, 10))
    assert (m.how, m.name_en) == ("role", "Kim Jong Un")
    # an office keeps its role reading before the name (both are the person)
    out = find("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বলেন", on=date(2025, 7, 10))
    assert [(m.how, m.name_en) for m in out] == [("role", "Sergey Lavrov"), ("exact", "Sergey Lavrov")]


def test_no_actor_inside_the_name_of_a_newspaper_or_agency():
    # নিউ ইয়র্ক টাইমস is a newspaper (data/wires.yaml); its নিউ ইয়র্ক is no city
    out = find("নিউ ইয়র্ক টাইমসকে এক কর্মকর্তা বলেছেন, প্রতিনিধিদল নিউ ইয়র্কে পৌঁছেছে।")
    assert [(m.text, m.name_en) for m in out] == [("নিউ ইয়র্কে", "New York")]


def test_wire_mentions_found_by_the_caller_are_used_not_found_again():
    from ghotona.sources import find_wire_mentions

    text = normalize("নিউ ইয়র্ক টাইমসকে এক কর্মকর্তা বলেছেন, প্রতিনিধিদল নিউ ইয়র্কে পৌঁছেছে।")
    given = find(text, wires=find_wire_mentions(text))
    assert [(m.start, m.name_en) for m in given] == [(m.start, m.name_en) for m in find(text)]
    # the caller's list is what counts: told there is no medium, the city is found twice
    assert [m.name_en for m in find(text, wires=[])] == ["New York", "New York"]


def test_a_country_that_opens_an_organisations_role_is_its_own_mention():
    # the role is the council's spokesperson; the country in front is named too
    out = find("যুক্তরাষ্ট্রের জাতীয় নিরাপত্তা পরিষদের মুখপাত্র বলেন", on=date(2023, 9, 5))
    assert [(m.text, m.type) for m in out] == [
        ("যুক্তরাষ্ট্রের", "country"), ("জাতীয় নিরাপত্তা পরিষদের মুখপাত্র", "person")]
    assert out[0].name_en == "United States" and out[1].how == "role"
    # the organisation alone keeps its whole name
    (m,) = find("যুক্তরাষ্ট্রের জাতীয় নিরাপত্তা পরিষদ বৈঠকে বসে")
    assert (m.type, m.actor_id) == ("organisation", "gh:us-nsc")


def test_cabinet_ministers_of_the_awami_league_years_are_in_the_dictionary():
    # sentences written for this test
    out = find("নৌপরিবহনমন্ত্রী শাজাহান খান ও বিজ্ঞান ও প্রযুক্তিমন্ত্রী ইয়াফেস ওসমান অনুষ্ঠানে ছিলেন।", ner=False)
    assert [m.name_en for m in out] == ["Shajahan Khan", "Yeafesh Osman"]
    assert find("সাবেক মুখ্যমন্ত্রী মেহবুবা মুফতিকে আটক করা হয়।", ner=False)[-1].name_en == "Mehbooba Mufti"


def test_a_link_inside_an_ignored_span_is_neither_right_nor_wrong(tmp_path) -> None:
    """The reference sets list spans the linking contract gives no mention
    (`ignore`); a link there must not count against precision (README of
    eval/refset/actors), while a link outside them still does."""
    from ghotona.evaluate.linking import evaluate, load_items

    ref = tmp_path / "ref.yaml"
    ref.write_text(
        "- id: t1\n  date: '2025-03-01'\n"
        "  text: 'ভ্লাদিমির পুতিন ও ডোনাল্ড ট্রাম্প ফোনে কথা বলেন।'\n"
        "  mentions:\n"
        "    - {text: 'ভ্লাদিমির পুতিন', type: person, name_en: 'Vladimir Putin'}\n",
        encoding="utf-8",
    )
    plain = evaluate(load_items(ref), ner=False)
    assert plain["linked"] == 2 and plain["ignored"] == 0 and plain["linking_precision"] == 0.5
    ref.write_text(ref.read_text("utf-8") + "  ignore: ['ডোনাল্ড ট্রাম্প']\n", encoding="utf-8")
    honoured = evaluate(load_items(ref), ner=False)
    assert honoured["linked"] == 1 and honoured["ignored"] == 1 and honoured["linking_precision"] == 1.0
    ref.write_text(ref.read_text("utf-8").replace("ডোনাল্ড ট্রাম্প']", "কমলা হ্যারিস']"), encoding="utf-8")
    with pytest.raises(ValueError, match="ignore span"):
        load_items(ref)


# --- native names and titles (data/actors/matching.yaml) ----------------------


def _linked(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.actor_id, m.how) for m in find_actors(text, None) if m.type == "person"]


@pytest.mark.parametrize("other", ["সিদ্দিকুর রহমান", "মুশফিকুর রহমান", "তৌফিকুর রহমান", "সাইফুর রহমান"])
def test_a_given_name_one_consonant_off_is_another_bangladeshi(other: str) -> None:
    # Real news of one day linked all four to Jamaat's amir: a shared রহমান carried the
    # whole-name similarity.  A native name's words must match consonant for consonant.
    found = find_actors(f"জেলা কমিটির সদস্য {other} বলেন, তিনি মাঠে থাকবেন।", None, ner=False)
    assert [m.actor_id for m in found] == [], found


def test_a_native_name_may_drop_a_weak_consonant() -> None:
    # সালাউদ্দিন for সালাহউদ্দিন: the h is a spelling, not another name.
    assert ("সালাউদ্দিন আহমেদ", "gh:salahuddin-ahmed-bnp", "fuzzy") in _linked("সালাউদ্দিন আহমেদ বলেন।")


def test_foreign_names_keep_the_loose_rule() -> None:
    found = find_actors("ইরানের কমান্ডার কাশেম সুলাইমানিকে হত্যা করা হয়।", None)
    assert any(m.how == "fuzzy" and m.name_en and "Soleimani" in m.name_en for m in found)


def test_a_title_is_not_part_of_a_provisional_name() -> None:
    same = {provisional_id(n) for n in ("ডা. মোফাখারুল ইসলাম রানা", "মোফাখারুল ইসলাম রানা",
                                        "Mofakharul Islam Rana", "Dr. Mofakharul Islam Rana")}
    assert len(same) == 1 and None not in same
    assert provisional_id("মো. আতিকুর রহমান") != provisional_id("আতিকুর রহমান")  # মো. is part of a name


def test_a_title_and_a_surname_is_a_short_form(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tagger takes the title into the name ("মি. রহমান", as BBC Bangla writes a second mention).
    text = "জামায়াতের আমির শফিকুর রহমান বলেন, জোট হবে। মি. রহমান আরও বলেন।"
    at = text.index("মি. রহমান")
    monkeypatch.setattr(link, "_ner_entities", lambda t: [(at, at + len("মি. রহমান"), "PER", 0.9)])
    found = _linked(text)
    assert ("মি. রহমান", "gh:shafiqur-rahman", "short-form") in found


@pytest.mark.parametrize("data, message", [
    ([], "expected a mapping"),
    ({"honorifics": ["ডা."]}, "fuzzy"),
    ({"honorifics": ["ডা. মো."], "fuzzy": {}}, "one word"),
    ({"honorifics": [], "fuzzy": {"native_countries": ["Bangladesh"], "weak_consonants": [],
                                  "min_word_similarity": 0.7}}, "two-letter"),
    ({"honorifics": [], "fuzzy": {"native_countries": ["BD"], "weak_consonants": ["হ"],
                                  "min_word_similarity": 0.7}}, "skeleton letters"),
    ({"honorifics": [], "fuzzy": {"native_countries": ["BD"], "weak_consonants": ["h"],
                                  "min_word_similarity": 2}}, "from 0 to 1"),
    ({"honorifics": [], "fuzzy": {"native_countries": ["BD"], "weak_consonants": ["h"],
                                  "min_word_similarity": 0.7}, "family_name_first": ["Korea"]}, "two-letter"),
    ({"honorifics": [], "fuzzy": {"native_countries": ["BD"], "weak_consonants": ["h"],
                                  "min_word_similarity": 0.7}, "speaking_after": ["অভিযোগ করেন"]}, "one word"),
])
def test_bad_matching_data_is_an_error(data: object, message: str) -> None:
    with pytest.raises(LanguageDataError) as info:
        parse_matching(data, "matching.yaml")
    assert "matching.yaml" in str(info.value) and message in str(info.value)


def test_leaders_and_workers_is_no_leader() -> None:
    # বিএনপির নেতা-কর্মীদের: "BNP's leaders and workers" had linked the party's chairperson.
    found = find_actors("দলের শীর্ষ নেতা মুক্ত না থাকায় বিএনপির নেতা-কর্মীদের কাছে এটি বড় ইস্যু।", date(2025, 12, 30))
    assert [(m.text, m.actor_id) for m in found] == [("বিএনপির", "gh:bd-bnp")]


def test_zia_in_a_trust_name_is_no_person() -> None:
    found = find_actors("খালেদা জিয়া কারাগারে যান। জিয়া অরফানেজ ট্রাস্ট মামলায় সাজা হয়। জেনারেল জিয়া নিহত হন।",
                        date(2025, 12, 30))
    assert [(m.text, m.actor_id) for m in found] == [
        ("খালেদা জিয়া", "gh:khaleda-zia"), ("জিয়া অরফানেজ ট্রাস্ট", "gh:bd-zia-orphanage-trust"),
        ("জেনারেল জিয়া", "gh:ziaur-rahman")]


# --- session 22: a family name first, an Arabic -াহ, a party's variant name


def test_korean_family_name_alone_is_a_short_form() -> None:
    # matching.yaml family_name_first: "মুন" (two consonants, untagged) after "মুন জে-ইন"
    text = "দক্ষিণ কোরিয়ার সাবেক প্রেসিডেন্ট মুন জে-ইন ঢাকায় আসেন। পরে মুন সাংবাদিকদের সঙ্গে কথা বলেন।"
    assert ("মুন", "gh:moon-jae-in", "short-form") in _linked(text)


def test_a_western_first_name_alone_is_no_short_form() -> None:
    # guard: only the family name of the listed countries is a short form, not a given name
    text = "মার্কিন পররাষ্ট্রমন্ত্রী মার্কো রুবিও ঢাকায় আসেন। পরে মার্কো সাংবাদিকদের সঙ্গে কথা বলেন।"
    assert all(m[0] != "মার্কো" for m in _linked(text))


def test_arabic_name_in_ah_takes_the_genitive_r() -> None:
    found = find_actors("হিজবুল্লাহর একটি অস্ত্রাগারে হামলা হয়েছে।", date(2025, 12, 30))
    assert [(m.text, m.actor_id, m.how) for m in found] == [("হিজবুল্লাহর", "Q41053", "inflected")]


def test_genitive_r_after_a_consonant_stays_no_ending() -> None:
    # guard: only -াহ takes -র that way; শহর is a word, not শহ + র
    assert find_actors("শহরের বাইরে আল্লাহর নামে একটি মসজিদ।", date(2025, 12, 30)) == []


def test_jamaat_named_with_islam_in_the_genitive() -> None:
    found = find_actors("জামায়াতে ইসলামের পক্ষ থেকে হরতাল ডাকা হয়েছে।", date(2025, 12, 30))
    assert [(m.text, m.actor_id) for m in found] == [("জামায়াতে ইসলামের", "gh:bd-jamaat")]


def test_a_short_surname_that_speaks_is_the_person_named_before() -> None:
    # "মিশ্রি" has three consonants, one short of an untagged short form; right before a verb
    # of saying (matching.yaml speaking_after) it is the person named in full before.
    text = "ভারতের পররাষ্ট্রসচিব বিক্রম মিশ্রি সোমবার দিল্লিতে ছিলেন। রাতে মিশ্রি অভিযোগ করেন, সীমান্তে গোলা ছোড়া হয়েছে।"
    found = _linked(text)
    assert ("মিশ্রি", "gh:vikram-misri", "short-form") in found


def test_a_short_common_word_that_does_not_speak_is_no_short_form() -> None:
    # guard: "কাদের" (whose) is the last word of Obaidul Quader's name, but says nothing here
    text = "আওয়ামী লীগের সাধারণ সম্পাদক ওবায়দুল কাদের ঢাকায় ছিলেন। এ ঘটনায় কাদের দায় বেশি, তা নিয়ে বিতর্ক চলছে।"
    assert [x for x in _linked(text) if x[0] == "কাদের"] == []


def test_an_abbreviation_in_brackets_names_the_body():
    # "জাতীয় পার্টির (জেপি)": the party whose short form is জেপি, not the one "জাতীয় পার্টি" alone names
    t = normalize("জাতীয় পার্টির (জেপি) চেয়ারম্যান গতকাল নির্বাচন থেকে সরে দাঁড়ান। জাতীয় পার্টির নেতারা সভা করেন।")
    out = [m for m in find_actors(t, date(2025, 12, 29), ner=False) if m.type == "organisation"]
    assert [(m.text, m.actor_id) for m in out] == [
        ("জাতীয় পার্টির", "gh:bd-jatiya-party-jp"), ("জেপি", "gh:bd-jatiya-party-jp"),
        ("জাতীয় পার্টির", "gh:bd-jatiya-party")]


def test_a_bracket_after_other_words_changes_nothing():
    t = normalize("জাতিসংঘের শরণার্থী সংস্থা (ইউএনএইচসিআর) জানিয়েছে, জাতিসংঘ (ইউএন) সহায়তা দেবে।")
    # guard: the name and its own abbreviation agree; nothing is relinked
    out = find_actors(t, date(2025, 12, 29), ner=False)
    assert [(m.text, m.actor_id) for m in out] == [
        ("জাতিসংঘের শরণার্থী সংস্থা", "gh:unhcr"), ("ইউএনএইচসিআর", "gh:unhcr"), ("জাতিসংঘ", "Q1065"), ("ইউএন", "Q1065")]


# --- a name joined to a modifier (inflections.yaml joined_modifiers) ------------------------

def test_a_name_joined_to_a_modifier_is_found_inside_the_word(mini):
    t = "সীমান্তে উত্তর কোরিয়াবিরোধী লিফলেট ছড়ানো হয়। মস্কোতে রাশিয়াপন্থী দলগুলো সমাবেশ করে।"
    out = find(t, dictionary=mini)
    kp = at(out, "উত্তর কোরিয়া")
    assert kp.actor_id == KP and t[kp.end:].startswith("বিরোধী")
    assert at(out, "রাশিয়া").actor_id == RU


def test_a_modifier_with_an_ending_of_its_own_is_no_compound(mini):
    # guard: "রাশিয়াবিরোধীদের" is a noun (the opponents of Russia), not the adjective; and the
    # modifier alone, or a word that only ends like it, names no one
    out = find("বিরোধীরা সমাবেশ করে। রাশিয়াবিরোধীদের মিছিল।", dictionary=mini)
    assert not any(m.text == "রাশিয়া" for m in out)


def test_joined_modifiers_are_validated_on_load(monkeypatch):
    from ghotona.actors import inflect

    monkeypatch.setattr(inflect, "load_yaml", lambda name: {"suffixes": ["ের"], "separators": ["-"],
                                                             "min_base_chars": 2, "joined_modifiers": [3]})
    inflect._data.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="joined_modifiers"):
            inflect.joined_modifiers()
    finally:
        inflect._data.cache_clear()
