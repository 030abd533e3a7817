"""Tests for ghotona.actors.dictionary and the shipped actor data.

Bengali names here are the dictionary's own forms or written for these tests.
"""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel import Locale

from ghotona.actors.dictionary import (
    Actor,
    Dictionary,
    Role,
    RoleDef,
    alias_key,
    country_codes,
    load_dictionary,
)
from ghotona.errors import LanguageDataError
from ghotona.langdata import data_path
from ghotona.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = ROOT / "scripts" / "build_countries.py"


@pytest.fixture(scope="module")
def d() -> Dictionary:
    return load_dictionary()


def _one(d: Dictionary, form: str) -> Actor:
    found = d.by_alias(form)
    assert len(found) == 1, (form, [a.id for a in found])
    return found[0]


def _holders(d: Dictionary, role: str, of: str, on: str) -> list[str]:
    return [a.name_en for a in d.holders(role, of, date.fromisoformat(on))]


# --------------------------------------------------------------------------
# The shipped data


def test_loads_and_is_large_enough(d: Dictionary) -> None:
    assert len(d.of_type("person")) >= 300
    assert len(d.of_type("organisation")) >= 120
    assert len(d.of_type("place")) >= 150
    codes = {a.country for a in d.of_type("country")}
    assert codes == set(country_codes())
    assert len(codes) >= 245
    assert load_dictionary() is d  # cached


def test_records_are_frozen_with_tuples(d: Dictionary) -> None:
    putin = d.get("Q7747")
    assert isinstance(putin, Actor) and isinstance(putin.aliases, tuple) and isinstance(putin.roles, tuple)
    assert all(isinstance(r, Role) for r in putin.roles)
    with pytest.raises(AttributeError):
        putin.name_en = "x"  # type: ignore[misc]
    assert isinstance(d.roles["foreign_minister"], RoleDef)


def test_every_cldr_country_is_there_with_its_bengali_name(d: Dictionary) -> None:
    bn = Locale("bn").territories
    for code in country_codes():
        country = d.country(code)
        assert country is not None and country.type == "country", code
        cldr = " ".join(normalize(bn[code]).split())
        assert cldr in (country.name_bn, *country.aliases), (code, cldr)
        assert country in d.by_alias(bn[code]), code
    for gone in ("EU", "UN", "EZ", "QO", "ZZ", "AC", "IC"):
        assert d.country(gone) is None
    for kept in ("XK", "PS", "TW", "HK", "MO"):
        assert d.country(kept) is not None


def test_countries_yaml_is_the_build_scripts_output() -> None:
    spec = importlib.util.spec_from_file_location("build_countries", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = Path(data_path("actors/countries.yaml")).read_text(encoding="utf-8")
    assert shipped == module.render(), "countries.yaml is stale: run python scripts/build_countries.py"


def test_a_country_is_also_named_as_its_government(d: Dictionary) -> None:
    # Events code a government as its country; "Government of Bangladesh" (its English
    # Wikipedia title, the gold's name for it) is the same actor.
    assert "Government of Bangladesh" in d.country("BD").aliases_en
    assert "Government of Russia" in d.country("RU").aliases_en


def test_country_ids_and_names(d: Dictionary) -> None:
    assert d.country("RU").id == "Q159"
    assert d.country("KP").id == "Q423"
    assert d.country("BD").id == "Q902"
    assert d.country("US").name_bn == "যুক্তরাষ্ট্র"
    assert d.country("AD").id == "gh:country-ad"
    assert "মার্কিন" in d.country("US").demonyms


def test_all_forms_are_stored_normalised(d: Dictionary) -> None:
    for actor in d:
        for form in actor.forms():
            assert form == " ".join(normalize(form).split()), (actor.id, form)
    for rd in d.roles.values():
        for p in rd.phrases:
            assert p == normalize(p), (rd.key, p)


def test_role_keys_used_are_defined_and_targets_exist(d: Dictionary) -> None:
    codes = country_codes()
    for actor in d:
        for r in actor.roles:
            assert r.role in d.roles
            assert r.of in codes or r.of in d.actors
            assert r.start is None or r.end is None or r.start <= r.end


# One holder at a time: two people in the same office may overlap by the
# handover day only.  Catches a mistyped year.
SINGLE_HOLDER = {
    "president", "prime_minister", "chancellor", "foreign_minister", "defence_minister",
    "supreme_leader", "chief_adviser", "army_chief", "secretary_general", "chief_justice",
    "chief_election_commissioner", "police_chief", "central_bank_governor", "monarch",
}


def test_single_holder_offices_do_not_overlap(d: Dictionary) -> None:
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for actor in d:
        for r in actor.roles:
            if r.role in SINGLE_HOLDER:
                spans.setdefault((r.role, r.of), []).append(
                    (r.start or date.min, r.end or date.max, actor.id)
                )
    for key, items in spans.items():
        items.sort()
        for (s1, e1, a1), (s2, e2, a2) in zip(items, items[1:]):
            if a1 != a2:
                assert s2 >= e1, (key, a1, e1, a2, s2)


# --------------------------------------------------------------------------
# holders()


@pytest.mark.parametrize(
    ("role", "of", "on", "who"),
    [
        ("foreign_minister", "RU", "2025-07-10", ["Sergey Lavrov"]),
        ("president", "US", "2025-07-10", ["Donald Trump"]),
        ("president", "US", "2023-09-05", ["Joe Biden"]),
        ("president", "US", "2019-06-01", ["Donald Trump"]),
        ("defence_minister", "RU", "2023-09-05", ["Sergei Shoigu"]),
        ("defence_minister", "RU", "2025-07-10", ["Andrei Belousov"]),
        ("foreign_minister", "KP", "2025-07-12", ["Choe Son Hui"]),
        ("foreign_minister", "US", "2025-07-10", ["Marco Rubio"]),
        ("foreign_minister", "US", "2023-09-05", ["Antony Blinken"]),
        ("supreme_leader", "KP", "2023-09-05", ["Kim Jong Un"]),
        ("president", "RU", "2023-09-05", ["Vladimir Putin"]),
        ("president", "KR", "2025-07-10", ["Lee Jae-myung"]),
        ("president", "KR", "2023-09-05", ["Yoon Suk Yeol"]),
        ("chief_adviser", "BD", "2025-07-10", ["Muhammad Yunus"]),
        ("prime_minister", "BD", "2023-09-05", ["Sheikh Hasina"]),
        ("prime_minister", "IN", "2025-07-10", ["Narendra Modi"]),
        ("secretary_general", "Q1065", "2025-07-10", ["António Guterres"]),
        ("spokesperson", "gh:us-nsc", "2023-09-05", ["John Kirby (admiral)"]),
        ("spokesperson", "gh:ru-kremlin", "2025-07-10", ["Dmitry Peskov"]),
    ],
)
def test_holders(d: Dictionary, role: str, of: str, on: str, who: list[str]) -> None:
    assert _holders(d, role, of, on) == who


def test_holders_edges(d: Dictionary) -> None:
    # from/to are inclusive: both presidents on inauguration day, newest first.
    assert _holders(d, "president", "US", "2025-01-20") == ["Donald Trump", "Joe Biden"]
    # Rubio took office the day after: Blinken's term ended on the 20th.
    assert _holders(d, "foreign_minister", "US", "2025-01-21") == ["Marco Rubio"]
    # Between Shoigu (to 2024-05-12) and Belousov (from 2024-05-14): nobody.
    assert _holders(d, "defence_minister", "RU", "2024-05-13") == []
    # Trump between his terms is not president.
    assert "Donald Trump" not in _holders(d, "president", "US", "2022-01-01")
    # A country's QID or a lowercase code works as `of` too.
    assert _holders(d, "foreign_minister", "Q159", "2025-07-10") == ["Sergey Lavrov"]
    assert _holders(d, "foreign_minister", "ru", "2025-07-10") == ["Sergey Lavrov"]
    assert _holders(d, "no_such_role", "RU", "2025-07-10") == []


def test_sample_page_actors_and_their_offices(d: Dictionary) -> None:
    trump = d.get("Q22686")
    terms = [(r.start, r.end) for r in trump.roles if r.role == "president"]
    assert terms == [(date(2017, 1, 20), date(2021, 1, 20)), (date(2025, 1, 20), None)]
    rubio = _one(d, "রুবিও")
    assert Role("foreign_minister", "US", date(2025, 1, 21), None) in rubio.roles
    shoigu = _one(d, "সের্গেই শোইগু")
    assert Role("defence_minister", "RU", date(2012, 11, 6), date(2024, 5, 12)) in shoigu.roles
    choe = _one(d, "চোয়ে সন হুই")
    assert any(r.role == "foreign_minister" and r.of == "KP" and r.start and r.start.year == 2022 for r in choe.roles)
    kirby = _one(d, "জন কিরবি")
    assert any(r.of == "gh:us-nsc" and r.end == date(2025, 1, 20) for r in kirby.roles)
    for form, ident in [
        ("ভ্লাদিমির পুতিন", "Q7747"), ("পুতিন", "Q7747"), ("কিম জং উন", "Q56226"),
        ("কিম জং-উন", "Q56226"), ("ডোনাল্ড ট্রাম্প", "Q22686"), ("বাইডেন", "Q6279"),
        ("শি জিনপিং", "Q15031"), ("শি চিনপিং", "Q15031"), ("নরেন্দ্র মোদি", "Q1058"), ("মোদী", "Q1058"),
    ]:
        assert _one(d, form).id == ident, form
    for form in ("সের্গেই ল্যাভরভ", "ল্যাভরভ", "লাভরভ"):
        assert _one(d, form).name_en == "Sergey Lavrov"
    for form, name in [
        ("ভলোদিমির জেলেনস্কি", "Volodymyr Zelenskyy"), ("লি জে-মিয়ং", "Lee Jae-myung"),
        ("ইউন সুক ইওল", "Yoon Suk Yeol"), ("ওয়াং ই", "Wang Yi"), ("মুহাম্মদ ইউনূস", "Muhammad Yunus"),
        ("শেখ হাসিনা", "Sheikh Hasina"), ("মার্কো রুবিও", "Marco Rubio"),
    ]:
        assert _one(d, form).name_en == name, form


def test_sample_page_places_and_organisations(d: Dictionary) -> None:
    for form, parent in [
        ("কুরস্ক", "RU"), ("আলাস্কা", "US"), ("ওনসান", "KP"), ("ভ্লাদিভোস্টক", "RU"),
        ("ভ্লাদিভোস্তক", "RU"), ("পিয়ংইয়ং", "KP"), ("সিউল", "KR"), ("মস্কো", "RU"),
        ("কিয়েভ", "UA"), ("কিইভ", "UA"), ("ওয়াশিংটন", "US"), ("ঢাকা", "BD"), ("গাজা", "PS"),
        ("পশ্চিম তীর", "PS"), ("নয়াদিল্লি", "IN"), ("কক্সবাজার", "BD"), ("রাখাইন", "MM"),
    ]:
        place = _one(d, form)
        assert place.type == "place" and place.parent == parent and place.country == parent, form
    for form in (
        "ক্রেমলিন", "হোয়াইট হাউস", "হোয়াইট হাউজ", "পেন্টাগন", "আসিয়ান", "ন্যাটো", "জাতিসংঘ",
        "ইইউ", "রাশিয়ার পররাষ্ট্র মন্ত্রণালয়", "কোরিয়ান পিপল’স আর্মি", "ব্রিটিশ প্রতিরক্ষা গোয়েন্দা সংস্থা",
        "দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থা", "বিএনপি", "আ.লীগ", "জামায়াত", "এনসিপি", "র‍্যাব", "বিজিবি",
        "আরাকান আর্মি", "হামাস",
    ):
        assert _one(d, form).type == "organisation", form
    assert d.get("Q1065").country is None and d.get("Q1065").sector == "IGO"


# --------------------------------------------------------------------------
# by_alias()


def test_by_alias_spelling_variants_are_one_actor(d: Dictionary) -> None:
    assert _one(d, "চোয়ে সন হুই") is _one(d, "চোই সন হি")
    # য় typed precomposed (U+09DF) or as য + nukta is the same name.
    assert _one(d, "চো\u09dfে সন হুই") is _one(d, "চোয\u09bcে সন হুই")


def test_by_alias_demonyms_abbreviations_and_latin(d: Dictionary) -> None:
    russia = _one(d, "রুশ")
    assert russia.id == "Q159" and "রুশ" in russia.demonyms
    nk = _one(d, "উ. কোরিয়া")
    assert nk.id == "Q423" and "উ. কোরিয়া" in nk.abbreviations
    assert _one(d, "উ.কোরিয়া") is nk and _one(d, "উত্তর কোরিয়া") is nk
    assert _one(d, "দ. কোরিয়া").id == "Q884"
    assert _one(d, "মার্কিন").id == "Q30" and _one(d, "যুক্তরাষ্ট্র").id == "Q30"
    assert _one(d, "মার্কিন যুক্তরাষ্ট্র").id == "Q30"
    assert _one(d, "ব্রিটিশ").id == "Q145"
    assert _one(d, "সৌদি").id == "Q851" and _one(d, "সৌদি আরব").id == "Q851"
    assert _one(d, "বার্মা").id == "Q836" and _one(d, "মিয়ানমার").id == "Q836"
    assert _one(d, "putin").id == "Q7747" and _one(d, "PUTIN").id == "Q7747"
    assert d.by_alias("পুতিনের") == []  # inflected forms are the matcher's job
    assert d.by_alias("no such name") == []


def test_by_alias_separators_and_joiners(d: Dictionary) -> None:
    assert _one(d, "কিম জং উন") is _one(d, "কিম জং-উন")
    assert _one(d, "র\u200d্যাব") is _one(d, "র্যাব")
    assert _one(d, "  ভ্লাদিমির   পুতিন ") is _one(d, "পুতিন")
    assert alias_key("আ. লীগ") == alias_key("আ.লীগ")


def test_ambiguous_forms_return_every_candidate(d: Dictionary) -> None:
    kims = {a.id for a in d.by_alias("কিম")}
    assert {"Q56226", "gh:kim-yo-jong"} <= kims
    assert d.is_ambiguous("কিম") and not d.is_ambiguous("কিম জং উন")
    assert {a.type for a in d.by_alias("সেন্ট মার্টিন")} == {"country", "place"}
    assert {a.id for a in d.by_alias("আইসিসি")} == {"Q47488", "gh:icc-cricket"}
    assert "কিম" in d.ambiguous


def test_role_phrases(d: Dictionary) -> None:
    assert d.roles_for_phrase("পররাষ্ট্রমন্ত্রী") == ("foreign_minister",)
    assert d.roles_for_phrase("পররাষ্ট্র মন্ত্রী") == ("foreign_minister",)
    assert d.roles_for_phrase("প্রধান উপদেষ্টা") == ("chief_adviser",)
    assert "supreme_leader" in d.roles_for_phrase("সর্বোচ্চ নেতা")
    assert set(d.roles_for_phrase("সেনাপ্রধান")) == {"army_chief", "chief_of_defence"}
    for key in ("president", "prime_minister", "foreign_minister", "defence_minister", "supreme_leader",
                "chief_adviser", "spokesperson", "secretary_general", "army_chief", "home_minister",
                "home_adviser", "foreign_adviser"):
        assert key in d.roles


# --------------------------------------------------------------------------
# Validation: every error names the file and the line


GOOD = """\
- id: gh:test-person
  type: person
  name_en: Test Person
  name_bn: পরীক্ষা ব্যক্তি
  aliases: [পরীক্ষক]
  country: BD
  roles:
    - {role: spokesperson, of: gh:bd-bnp, from: 2020-01-01, to: null}
"""


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> LanguageDataError:
    path = _write(tmp_path, text)
    with pytest.raises(LanguageDataError) as info:
        load_dictionary(extra_files=[path])
    assert info.value.path == str(path), info.value
    return info.value


def test_extra_file_loads_and_does_not_touch_the_cache(tmp_path: Path, d: Dictionary) -> None:
    extra = load_dictionary(extra_files=[_write(tmp_path, GOOD)])
    person = extra.get("gh:test-person")
    assert person is not None and person.aliases == ("পরীক্ষক",)
    assert extra.holders("spokesperson", "gh:bd-bnp", date(2025, 1, 1)) == [person]
    assert d.get("gh:test-person") is None and load_dictionary() is d


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("  country: BD\n", "  country: BD\n  born: 1970\n", 1, "unknown key"),
        ("  name_bn: পরীক্ষা ব্যক্তি\n", "", 1, "missing required key"),
        ("from: 2020-01-01", "from: 2020-13-01", 8, "ISO date"),
        ("from: 2020-01-01", "from: 1 Jan 2020", 8, "ISO date"),
        ("to: null", "to: 2019-12-31", 8, "after"),
        ("role: spokesperson", "role: spokesman", 8, "not a key of roles.yaml"),
        ("type: person", "type: human", 1, "type"),
        ("country: BD", "country: BGD", 1, "alpha-2"),
        ("country: BD", "country: XX", 1, "CLDR"),
        ("country: BD", "country: EU", 1, "CLDR"),
        ("id: gh:test-person", "id: Test_Person", 1, "QID"),
        ("id: gh:test-person", "id: Q7747", 1, "duplicate id"),
        ("aliases: [পরীক্ষক]", "aliases: [পুতিন]", 1, "already claimed by 'Q7747'"),
        ("aliases: [পরীক্ষক]", "aliases: [কিম জংউন]", 1, "already claimed"),
        ("aliases: [পরীক্ষক]", "aliases: [পুতিনের]", 1, "ending"),
        ("of: gh:bd-bnp", "of: gh:no-such-party", 8, "neither a country code nor an actor id"),
        ("  country: BD\n", "  country: BD\n  sector: XYZ\n", 1, "sector"),
        ("  country: BD\n", "  country: BD\n  demonyms: [পরীক্ষাবাসী]\n", 1, "countries only"),
        ("  country: BD\n", "  country: BD\n  country: IN\n", 7, "repeated key"),
        ("aliases: [পরীক্ষক]", "aliases: পরীক্ষক", 1, "list"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    assert old in GOOD
    text = "# a comment line first\n\n" + GOOD.replace(old, new)
    err = _error(tmp_path, text)
    assert err.where.startswith(f"line {line + 2}"), err
    assert message in err.problem, err


def test_error_names_the_entry_in_a_longer_file(tmp_path: Path) -> None:
    def entry(ident: str, name: str, alias: str) -> str:
        return GOOD.replace("gh:test-person", ident).replace("পরীক্ষা ব্যক্তি", name).replace("[পরীক্ষক]", alias)

    text = GOOD + entry("gh:test-two", "দ্বিতীয় ব্যক্তি", "[পরীক্ষক দুই]") + entry("gh:test-three", "তৃতীয় ব্যক্তি", "[পরীক্ষক-দুই]")
    err = _error(tmp_path, text)
    assert err.where == "line 17 (id 'gh:test-three')"
    assert "gh:test-two" in err.problem and "mine.yaml line 9" in err.problem
    assert str(err).startswith(str(tmp_path / "mine.yaml") + ": line 17")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    err = _error(tmp_path, GOOD + "- id: [unclosed\n")
    assert err.where == "line 10" and "YAML" in err.problem


def test_place_needs_a_parent_and_country_needs_no_roles(tmp_path: Path) -> None:
    place = "- id: gh:bd-test-town\n  type: place\n  name_en: Test Town\n  name_bn: পরীক্ষাপুর\n  aliases: []\n"
    err = _error(tmp_path, place)
    assert err.where.startswith("line 1") and "parent" in err.problem
    ok = load_dictionary(extra_files=[_write(tmp_path, place + "  parent: BD\n", "ok.yaml")])
    assert ok.get("gh:bd-test-town").country == "BD"
    err = _error(tmp_path, place + "  parent: BD\n  roles: []\n")
    assert "people only" in err.problem


def test_demonym_claimed_by_two_countries(tmp_path: Path) -> None:
    # A fictional second country (using a real code) claiming রুশ as its demonym.
    text = (
        "- id: gh:country-test\n  type: country\n  name_en: Testland\n  name_bn: পরীক্ষাদেশ\n"
        "  aliases: []\n  country: BD\n  demonyms: [রুশ]\n"
    )
    err = _error(tmp_path, text)
    assert err.where.startswith("line 1") and "রুশ" in err.problem


def test_ambiguous_yaml_allows_a_shared_form(tmp_path: Path) -> None:
    text = GOOD.replace("[পরীক্ষক]", "[পুতিন]")
    extra = _write(tmp_path, text)
    amb = _write(tmp_path, "ambiguous:\n  - form: পুতিন\n    actors: [Q7747, gh:test-person]\n", "amb.yaml")
    both = load_dictionary(extra_files=[extra], extra_ambiguous=[amb])
    assert {a.id for a in both.by_alias("পুতিন")} == {"Q7747", "gh:test-person"}
    # Listing the form with the wrong actors does not excuse the clash.
    amb2 = _write(tmp_path, "ambiguous:\n  - form: পুতিন\n    actors: [Q7747, Q6279]\n", "amb2.yaml")
    with pytest.raises(LanguageDataError) as info:
        load_dictionary(extra_files=[extra], extra_ambiguous=[amb2])
    assert "not both actors" in info.value.problem
    # An ambiguous entry naming an unknown actor is an error in that file, with its line.
    amb3 = _write(tmp_path, "ambiguous:\n  - form: কিছু\n    actors: [Q7747, gh:nobody]\n", "amb3.yaml")
    with pytest.raises(LanguageDataError) as info:
        load_dictionary(extra_ambiguous=[amb3])
    assert info.value.path == str(amb3) and info.value.where.startswith("line 2")


def test_country_code_no_is_norway_not_false(tmp_path: Path) -> None:
    extra = load_dictionary(extra_files=[_write(tmp_path, GOOD.replace("country: BD", "country: NO"))])
    assert extra.get("gh:test-person").country == "NO"


def test_handover_day_arithmetic() -> None:
    r = Role("president", "US", date(2021, 1, 20), date(2025, 1, 20))
    assert r.covers(date(2021, 1, 20)) and r.covers(date(2025, 1, 20))
    assert not r.covers(date(2025, 1, 20) + timedelta(days=1))
    assert Role("x", "US", None, date(2000, 1, 1)).covers(date(1900, 1, 1))
    assert Role("x", "US", date(2000, 1, 1), None).covers(date(2100, 1, 1))


# --------------------------------------------------------------------------
# Derived roles, context words, homographs, generic forces, regions


def test_country_leader_is_a_derived_role(d: Dictionary) -> None:
    rd = d.roles["country_leader"]
    assert rd.derived and "নেতা" in rd.phrases
    assert "নেতা" not in d.roles["supreme_leader"].phrases  # country_leader tries supreme_leader first
    on = date(2025, 7, 10)
    assert d.resolve("country_leader", "KP", on)[0] == "supreme_leader"
    assert _holders(d, "country_leader", "KP", "2025-07-10") == ["Kim Jong Un"]
    assert _holders(d, "country_leader", "Q159", "2025-07-10") == ["Vladimir Putin"]  # a country id works too
    assert d.resolve("country_leader", "IN", on)[0] == "prime_minister"  # held_by_in: not the president
    assert d.resolve("country_leader", "IR", on)[0] == "supreme_leader"
    assert _holders(d, "country_leader", "BD", "2025-07-10") == ["Muhammad Yunus"]
    assert _holders(d, "country_leader", "BD", "2023-07-10") == ["Sheikh Hasina"]
    assert d.holders("country_leader", "Q1065", on) == []  # no derived role of an organisation
    assert d.resolve("president", "US", on)[0] == "president"  # a plain role is its own office
    # head_of_government: Iran's president heads its government, Russia's prime minister
    assert d.resolve("head_of_government", "IR", on)[0] == "president"
    assert d.resolve("head_of_government", "RU", on)[0] == "prime_minister"


def test_ministry_head_phrases_name_the_minister(d: Dictionary) -> None:
    assert "foreign_minister" in d.roles_for_phrase("পররাষ্ট্র মন্ত্রণালয়ের প্রধান")
    assert "defence_minister" in d.roles_for_phrase("প্রতিরক্ষা মন্ত্রণালয়ের প্রধান")


def test_context_words_are_loaded_normalised(d: Dictionary) -> None:
    ctx = d.context
    assert "সাবেক" in ctx.qualifiers and "নির্বাচন" in ctx.blockers
    assert "বাহিনী" in ctx.generic_forces and "সরকার" in ctx.cue_words and "ও" in ctx.list_words
    for w in (*ctx.qualifiers, *ctx.blockers, *ctx.cue_words, *ctx.generic_forces):
        assert w == normalize(w)
    forms = {h.form: h for h in ctx.homographs}
    assert {"মালি", "চিলি", "গিনি", "ট্রাম্প"} <= set(forms)
    assert forms["মালি"].needs_cue and not forms["ট্রাম্প"].needs_cue and "কার্ড" in forms["ট্রাম্প"].not_before


def test_regions_have_no_parent(d: Dictionary) -> None:
    for form, name in [("দক্ষিণ এশিয়া", "South Asia"), ("মধ্যপ্রাচ্য", "Middle East"), ("সাহেল অঞ্চল", "Sahel"),
                       ("কোরীয় উপদ্বীপ", "Korean Peninsula"), ("কাশ্মীর", "Kashmir"), ("লাতিন আমেরিকা", "Latin America")]:
        a = _one(d, form)
        assert (a.type, a.name_en, a.parent, a.country) == ("place", name, None, None)
    assert _one(d, "ক্রিমিয়া").parent == "UA"  # a region of one country keeps it


def test_no_organisation_claims_a_generic_force_phrase(d: Dictionary) -> None:
    # troop nouns stay the country's (CAMEO); a service noun may name the
    # country's service, but only the one that lists it in `forces`
    for form in ("রুশ বাহিনী", "মার্কিন সেনারা", "ইসরায়েলি সৈন্যরা", "বাংলাদেশ সেনা"):
        assert d.by_alias(form) == [], form
    assert _one(d, "ইসরায়েলি প্রতিরক্ষা বাহিনী").name_en == "Israel Defense Forces"
    assert _one(d, "বাংলাদেশ সেনাবাহিনী").name_en == "Bangladesh Army"
    served: dict[tuple[str | None, str], str] = {}
    for a in d.actors.values():
        assert not a.forces or (a.type == "organisation" and a.sector == "MIL" and a.country), a.id
        for noun in a.forces:
            assert noun in d.context.generic_forces, (a.id, noun)
            assert served.setdefault((a.country, noun), a.id) == a.id, (a.id, noun)
    assert served[("IN", "বিমানবাহিনী")] == "gh:in-air-force" and ("RU", "বাহিনী") not in served


@pytest.mark.parametrize("noun", ["প্রহরী", "মন্ত্রণালয়"])
def test_forces_must_be_generic_force_nouns(tmp_path: Path, noun: str) -> None:
    err = _error(tmp_path, "# forces\n" + ORG + f"  forces: [{noun}]\n")
    assert "not a generic force noun" in err.problem and noun in err.problem


def test_a_service_noun_names_one_organisation_per_country(tmp_path: Path) -> None:
    err = _error(tmp_path, "# forces\n" + ORG + "  forces: [নৌবাহিনী]\n")  # Russia's navy is shipped
    assert "already names 'gh:ru-navy'" in err.problem
    # a country's service may be named by the country word plus its own noun
    navy = ORG.replace("country: RU", "country: NO").replace("aliases: []", "aliases: [নরওয়ের নৌবাহিনী]")
    ok = load_dictionary(extra_files=[_write(tmp_path, navy + "  forces: [নৌবাহিনী]\n", "ok.yaml")])
    assert ok.get("gh:test-force").forces == ("নৌবাহিনী",)
    # but not by another noun, nor another country's word
    for alias in ("নরওয়ের বিমানবাহিনী", "রুশ নৌবাহিনী"):
        bad = navy.replace("নরওয়ের নৌবাহিনী", alias) + "  forces: [নৌবাহিনী]\n"
        with pytest.raises(LanguageDataError):
            load_dictionary(extra_files=[_write(tmp_path, bad, "bad.yaml")])


ORG = """\
- id: gh:test-force
  type: organisation
  name_en: Test Force
  name_bn: পরীক্ষা বাহিনী
  aliases: []
  country: RU
  sector: MIL
"""


@pytest.mark.parametrize("alias", ["রুশ বাহিনী", "রাশিয়ার সেনাবাহিনী", "রাশিয়া সশস্ত্র বাহিনী"])
def test_a_generic_force_phrase_is_rejected(tmp_path: Path, alias: str) -> None:
    err = _error(tmp_path, "# forces\n" + ORG.replace("aliases: []", f"aliases: [{alias}]"))
    assert err.where.startswith("line 2") and "generic force noun" in err.problem and alias in err.problem
    # a force's own name is fine, even with a country word in it
    ok = load_dictionary(extra_files=[_write(tmp_path, ORG.replace("aliases: []", "aliases: [রাশিয়ার পরীক্ষা বাহিনী]"), "ok.yaml")])
    assert ok.get("gh:test-force") is not None


def test_a_region_may_have_a_null_parent(tmp_path: Path) -> None:
    place = "- id: gh:region-test\n  type: place\n  name_en: Test Region\n  name_bn: পরীক্ষা অঞ্চল\n  aliases: []\n  parent: null\n"
    ok = load_dictionary(extra_files=[_write(tmp_path, place)])
    assert ok.get("gh:region-test").parent is None and ok.get("gh:region-test").country is None


def _roles_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = Path(data_path("actors/roles.yaml")).read_text("utf-8")
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1), "roles.yaml")


def _load_with(roles: str | None = None, ambiguous: str | None = None) -> Dictionary:
    from ghotona.actors.dictionary import AMBIGUOUS_FILE, ROLES_FILE, _load, _shipped_files

    return _load(_shipped_files(), roles or data_path(ROLES_FILE), [ambiguous or data_path(AMBIGUOUS_FILE)])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("held_by: [supreme_leader, president,", "held_by: [supreme_leader, presidnet,", "not a role key"),
        ("held_by: [supreme_leader, president,", "held_by: [head_of_government, president,", "derived role"),
        ("held_by: [supreme_leader, president,", "held_by: [president, president,", "twice"),
        ("      - countries: [AL,", "      - countries: [XX, AL,", "CLDR"),
        ("qualifiers: [সাবেক,", "qualifiers: [[সাবেক],", "non-empty strings"),
        ("roles:\n  president:", "rolez: {}\nroles:\n  president:", "unknown key"),
        ("needs_holder: [প্রধান]", "needs_holder: [প্রধান, মহারাজ]", "no role phrase"),
        ("not_before_name: [নেতা, শীর্ষ নেতা]", "not_before_name: [নেতা, মহারাজ]", "no role phrase"),
    ],
)
def test_roles_file_errors(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _roles_variant(tmp_path, old, new)
    with pytest.raises(LanguageDataError) as info:
        _load_with(roles=str(path))
    assert info.value.path == str(path) and info.value.where.startswith("line"), info.value
    assert message in info.value.problem, info.value


def test_a_derived_role_cannot_be_held(tmp_path: Path) -> None:
    err = _error(tmp_path, GOOD.replace("role: spokesperson, of: gh:bd-bnp", "role: country_leader, of: BD"))
    assert "derived" in err.problem and "give the office" in err.problem


HOMOGRAPH = "homographs:\n  - form: মালি\n    actor: gh:country-ml\n    sense: gardener\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HOMOGRAPH.replace("form: মালি", "form: মালী"), "not a form of"),
        (HOMOGRAPH.replace("gh:country-ml", "gh:country-zz"), "not in the dictionary"),
        (HOMOGRAPH + "    color: green\n", "unknown key"),
        (HOMOGRAPH + "    needs_cue: maybe\n", "true or false"),
        (HOMOGRAPH + "    needs_cue: false\n", "needs 'needs_cue: true'"),
        (HOMOGRAPH + HOMOGRAPH.split("\n", 1)[1], "listed twice"),
        ("cues:\n  window: 50\n  words: [সরকার]\n", "1 to 30"),
        ("cues:\n  window: 5\n  words: [সরকার, জাতীয় দল]\n", "single words"),
        ("generic_forces: বাহিনী\n", "list"),
    ],
)
def test_ambiguous_file_errors(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "# test\n" + text, "amb.yaml")
    with pytest.raises(LanguageDataError) as info:
        _load_with(ambiguous=str(path))
    assert info.value.path == str(path), info.value
    assert message in info.value.problem, info.value
