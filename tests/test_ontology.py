"""The PLOVER ontology file: contents, crosswalk and validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.errors import LanguageDataError
from ghotona.events.ontology import ONTOLOGY_FILE, load_ontology
from ghotona.langdata import data_path

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
SHIPPED = Path(data_path(ONTOLOGY_FILE))


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


# --------------------------------------------------------------------------
# Contents


def test_the_sixteen_types_each_described_in_both_languages(onto) -> None:
    assert set(onto.types) == PLOVER_TYPES
    for t in onto.types.values():
        assert t.description and t.name_bn and t.quad in onto.quads
        assert -10 <= t.score <= 10
        for m in t.modes:
            assert m.description, f"{t.name}/{m.name} has no description"


def test_modes_and_contexts_from_the_manual(onto) -> None:
    assert [m.name for m in onto.modes("CONSULT")] == ["visit", "third-party", "multilateral", "phone"]
    assert {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"} == {
        m.name for m in onto.modes("THREATEN")
    }
    assert {"troops", "weapons", "police", "militia"} == {m.name for m in onto.modes("MOBILIZE")}
    assert onto.modes("AGREE") == ()
    assert {"military", "diplomatic", "economic", "cbrn", "election"} <= set(onto.contexts)
    # historical/future/hypothetical/negation are statuses in ghotona, not contexts
    assert set(onto.special_contexts) == {"historical", "future", "hypothetical", "negation"}
    assert not set(onto.special_contexts) & set(onto.contexts)


def test_extension_modes_export_as_a_manual_mode(onto) -> None:
    aerial = onto.types["ASSAULT"].mode("aerial")
    assert aerial is not None and aerial.extension
    assert onto.strict_mode("ASSAULT", "aerial") == "heavy-weapons"
    assert onto.strict_mode("ASSAULT", "drone") == "heavy-weapons"
    assert onto.strict_mode("ASSAULT", "firearms") == "firearms"
    assert onto.strict_mode("ASSAULT", None) is None


def test_is_valid(onto) -> None:
    assert onto.is_valid("CONSULT")
    assert onto.is_valid("CONSULT", "phone")
    assert onto.is_valid("ASSAULT", "drone", "military")
    assert not onto.is_valid("CONSULT", "aerial")
    assert not onto.is_valid("consult")
    assert not onto.is_valid("DEMAND")
    assert not onto.is_valid("ASSAULT", None, "future")  # a special context, not a general one
    assert not onto.is_valid("ASSAULT", None, "weather")


def test_former_names(onto) -> None:
    assert onto.canonical_type("DEMAND") == "REQUEST"
    assert onto.canonical_type("assault") == "ASSAULT"
    assert onto.canonical_type("FIGHT") is None
    with pytest.raises(ValueError, match="now called REQUEST"):
        onto.modes("DEMAND")


# --------------------------------------------------------------------------
# Crosswalk


def test_export_codes(onto) -> None:
    assert onto.cameo_for("CONSULT") == "040"
    assert onto.cameo_for("CONSULT", "phone") == "041"
    assert onto.cameo_for("CONSULT", "visit") == "042"
    assert onto.cameo_for("CONSULT", "multilateral") == "040"  # no CAMEO code of its own
    assert onto.cameo_for("SANCTION") == "160"
    assert onto.cameo_for("ASSAULT", "aerial") == "195"
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        onto.cameo_for("FIGHT")
    with pytest.raises(ValueError, match="not a mode of CONSULT"):
        onto.cameo_for("CONSULT", "drone")


def test_import_codes_with_prefix_fallback(onto) -> None:
    assert onto.plover_for("041") == ("CONSULT", "phone")
    assert onto.plover_for("0841") == ("RETREAT", "release")
    assert onto.plover_for("1823") == ("ASSAULT", None)
    assert onto.plover_for("163") == ("SANCTION", "discontinue")
    assert onto.plover_for("1038") == ("REQUEST", "assist")  # not listed: falls back to 103
    assert onto.plover_for("15") == ("MOBILIZE", None)
    assert onto.plover_for(" 042 ") == ("CONSULT", "visit")
    assert onto.cameo_mapping("043").reverse  # the host is CAMEO's source
    assert onto.cameo_mapping("0311").contexts == ("economic",)


def test_dropped_categories_import_as_none(onto) -> None:
    assert onto.plover_for("010") is None
    assert onto.plover_for("0214") is None


@pytest.mark.parametrize("bad", ["", "0", "00", "21", "99", "12345", "ab", "04a", "4"])
def test_malformed_codes_are_refused(onto, bad: str) -> None:
    with pytest.raises(ValueError, match="not a CAMEO code"):
        onto.plover_for(bad)


def test_every_export_code_imports_back_to_its_type(onto) -> None:
    same_mode = 0
    total = 0
    for t in onto.types.values():
        assert onto.plover_for(onto.cameo_for(t.name)) is not None
        assert onto.plover_for(onto.cameo_for(t.name))[0] == t.name
        for m in t.modes:
            back = onto.plover_for(onto.cameo_for(t.name, m.name))
            assert back is not None and back[0] == t.name, (t.name, m.name)
            total += 1
            same_mode += back[1] == m.name
    # Most modes have a CAMEO code of their own that imports back to them.
    assert same_mode >= 0.6 * total


def test_every_cameo_root_maps_somewhere(onto) -> None:
    for root in range(1, 21):
        code = f"{root:02d}"
        assert code in onto.cameo_table
    # every type can be imported from some CAMEO code
    assert {row.type for row in onto.cameo_table.values()} - {None} == PLOVER_TYPES


def test_the_data_file_names_its_source_and_licence() -> None:
    head = SHIPPED.read_text(encoding="utf-8")[:2000]
    assert "openeventdata/PLOVER" in head and "CC BY-SA 4.0" in head


# --------------------------------------------------------------------------
# Validation errors name the file and the line


def _variant(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the shipped file with ``old`` (which must occur once) replaced;
    also the line where the replacement starts."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "plover.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, line


def _fails(path: Path, *phrases: str) -> str:
    with pytest.raises(LanguageDataError) as info:
        load_ontology(str(path))
    msg = str(info.value)
    assert str(path) in msg
    for p in phrases:
        assert p in msg, msg
    return msg


def test_unknown_key_in_a_type(tmp_path: Path) -> None:
    path, line = _variant(tmp_path, "  - name: AGREE\n", "  - name: AGREE\n    colour: blue\n")
    _fails(path, f"line {line}", "unknown key(s) ['colour']")


def test_unknown_mode_in_the_crosswalk(tmp_path: Path) -> None:
    old = '{cameo: "041", type: CONSULT, mode: phone}'
    path, line = _variant(tmp_path, old, old.replace("phone", "telepathy"))
    _fails(path, f"line {line}", "unknown mode 'telepathy' for CONSULT")


def test_unknown_type_in_the_crosswalk_names_the_new_name(tmp_path: Path) -> None:
    old = '{cameo: "100", type: REQUEST}'
    path, line = _variant(tmp_path, old, old.replace("REQUEST", "DEMAND"))
    _fails(path, f"line {line}", "unknown type 'DEMAND' (now called REQUEST)")


def test_unknown_context(tmp_path: Path) -> None:
    old = '{cameo: "0311", type: AGREE, contexts: [economic]}'
    path, line = _variant(tmp_path, old, old.replace("economic", "democracy"))
    _fails(path, f"line {line}", "unknown context 'democracy'")


@pytest.mark.parametrize("bad", ['"21"', '"5"', '"03111"', '"0a1"'])
def test_malformed_cameo_code(tmp_path: Path, bad: str) -> None:
    old = '{cameo: "0312", type: AGREE, contexts: [military]}'
    path, line = _variant(tmp_path, old, old.replace('"0312"', bad))
    _fails(path, f"line {line}", "is not a CAMEO code")


def test_unquoted_code_is_refused_with_a_hint(tmp_path: Path) -> None:
    old = '{cameo: "0312", type: AGREE, contexts: [military]}'
    path, line = _variant(tmp_path, old, old.replace('"0312"', "312"))
    _fails(path, f"line {line}", "write CAMEO codes in quotes")


def test_code_mapped_twice_names_both_lines(tmp_path: Path) -> None:
    old = '{cameo: "0312", type: AGREE, contexts: [military]}'
    text = SHIPPED.read_text(encoding="utf-8")
    first = text[: text.index('{cameo: "0311"')].count("\n") + 1
    path, line = _variant(tmp_path, old, old.replace('"0312"', '"0311"'))
    _fails(path, f"line {line}", "'0311' is mapped twice", f"also at line {first}")


def test_export_code_must_import_to_the_same_type(tmp_path: Path) -> None:
    old = '{name: phone, name_bn: ফোনালাপ, cameo: "041",'
    path, _ = _variant(tmp_path, old, old.replace('"041"', '"057"'))
    _fails(path, "CONSULT/phone exports as CAMEO 057", "a round trip must keep the type")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path, _ = _variant(tmp_path, "quads:\n", "quads: [\n")
    _fails(path, "not valid YAML", "line ")


# --------------------------------------------------------------------------
# ghotona ontology


def _cli(*args: str):
    from click.testing import CliRunner

    from ghotona.cli import main

    return CliRunner().invoke(main, ["ontology", *args], prog_name="ghotona")


def test_cli_lists_every_type_with_its_cameo_code() -> None:
    result = _cli()
    assert result.exit_code == 0, result.output
    for name in PLOVER_TYPES:
        assert name in result.output
    assert "phone 041" in result.output


def test_cli_shows_one_type_with_modes_and_triggers() -> None:
    result = _cli("assault")
    assert result.exit_code == 0, result.output
    assert "heavy-weapons" in result.output and "aerial" in result.output
    assert "ড্রোন হামলা" in result.output


def test_cli_translates_a_cameo_code() -> None:
    result = _cli("0841")
    assert result.exit_code == 0 and "RETREAT release" in result.output
    assert "no PLOVER type" in _cli("010").output


def test_cli_json_and_errors() -> None:
    import json

    result = _cli("--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["name"] for r in rows} == PLOVER_TYPES and all(r["triggers"] >= 8 for r in rows)
    assert _cli("FIGHT").exit_code == 2
    assert _cli("21").exit_code == 2
