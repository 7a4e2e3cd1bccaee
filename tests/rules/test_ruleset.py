"""Loading rule files: the bundled packs, a caller's own files, and every way a file can be malformed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence
from nvao_equivalence.exceptions import EquivalenceError, InvalidInputError, RuleDataError
from tests.paths import RULES

BUNDLED = (RULES / "nvao-treaty.toml").read_text(encoding="utf-8")


def variant(tmp_path: Path, old: str, new: str, *, count: int = 1) -> Path:
    """The bundled rule file with ``old`` replaced by ``new`` (which must occur), written to tmp_path."""
    assert old in BUNDLED, old
    path = tmp_path / "variant.toml"
    path.write_text(BUNDLED.replace(old, new, count), encoding="utf-8")
    return path


def test_bundled_rules_load_once_and_are_cached():
    assert RuleSet.load() is RuleSet.load("nvao")
    assert [rule.id for rule in RuleSet.load().rules] == ["R2003", "R2014"]
    assert [rule.id for rule in RuleSet.load("all").rules] == [
        "R2003",
        "R2014",
        "BNL2015",
        "BNL2018",
        "BB2024",
        "VL2010",
        "VL2010-doctor",
    ]
    assert RuleSet.load("all").packs == ("nvao", "benelux", "flanders")
    # Packs load in the manifest's order whatever order they are named in: one combination, one digest.
    assert RuleSet.load("benelux", "nvao") is RuleSet.load("nvao", "benelux")
    assert RuleSet.load("benelux", "nvao").version == "nvao-treaty 1.1.1, benelux 1.1.1, benelux-baltic-treaty 1.1.1"


def test_unknown_pack_is_an_input_error_naming_the_valid_packs():
    with pytest.raises(InvalidInputError, match=r"unknown rule pack 'wallonia'; valid: nvao, benelux, flanders, all"):
        RuleSet.load("wallonia")


def test_every_bundled_rule_file_is_in_the_pack_it_names():
    import tomllib

    folder = RULES
    packs = tomllib.loads((folder / "packs.toml").read_text(encoding="utf-8"))
    listed = {name: pack for pack, names in packs.items() for name in names}
    files = {path.name for path in folder.glob("*.toml")} - {"packs.toml"}
    assert set(listed) == files
    for name, pack in listed.items():
        assert tomllib.loads((folder / name).read_text(encoding="utf-8"))["pack"] == pack, name


def test_a_callers_own_rule_file_is_used(tmp_path):
    # The same treaty, but with the Protocol a year late: the decision follows the file.
    path = variant(tmp_path, "in_force = { from = 2014-04-01 }", "in_force = { from = 2015-04-01 }")
    path = path.with_name("variant.toml")
    text = path.read_text(encoding="utf-8").replace(
        "in_force = { from = 2005-02-01, until = 2014-04-01 }", "in_force = { from = 2005-02-01, until = 2015-04-01 }"
    )
    path.write_text(text, encoding="utf-8")
    rules = RuleSet.from_paths(path)
    diploma = Diploma(awarded_by="NL", degree="wo-bachelor", awarded_on=date(2010, 7, 1), accredited=True)
    decision = check_equivalence(diploma, target="VL", on=date(2014, 4, 1), rules=rules)
    assert decision.outcome is Outcome.ADMISSION_EQUIVALENT
    assert decision.digest != RuleSet.load().digest
    assert rules.paths == (str(path),)


@pytest.mark.parametrize(("old", "new", "rule_id", "key", "message"), [
    ('format = "nvao-equivalence/rules/1"', 'format = "nvao-equivalence/rules/9"', None, "format", "expected"),
    ('pack = "nvao"\n', 'pack = "nvao"\ncolour = "blue"\n', None, "colour", "unknown key"),
    ('effect = "equivalent"', 'effect = "super-equivalent"', "R2014", "rules[1].effect",
     "'super-equivalent' is not one of"),
    ('requires = ["accredited"]\neffect = "equivalent"', 'requires = ["famous"]\neffect = "equivalent"',
     "R2014", "rules[1].requires", "'famous' is not a condition the engine knows; valid: accredited"),
    ('in_force = { from = 2014-04-01 }', 'in_force = { from = "2014-04-01" }', "R2014", "rules[1].in_force.from",
     "expected date"),
    ('in_force = { from = 2014-04-01 }', 'in_force = { from = 2014-04-01, until = 2014-04-01 }', "R2014",
     "rules[1].in_force.until", "must be after 'from'"),
    ('in_force = { from = 2005-02-01, until', 'in_force = { from = 2004-02-01, until', "R2003",
     "rules[0].in_force.from", "precedes the entry into force of nvao-treaty-2003"),
    ('id = "R2014"\ninstrument = "nvao-protocol-2013"', 'id = "R2014"\ninstrument = "nvao-protocol-2099"', "R2014",
     "rules[1].instrument", "'nvao-protocol-2099' is not one of"),
    ('id = "R2014"', 'id = "R2003"', "R2003", "rules[1].id", "used twice"),
    ('covers.NL = ["hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master"]\ncovers.VL = ["professional-bachelor", '
     '"academic-bachelor", "bachelor-after-bachelor", "master", "master-after-master"]\nrequires = ["accredited"]\n'
     'effect = "equivalent"',
     'covers.NL = ["hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master", "hbo-bachelor-plus"]\n'
     'covers.VL = ["master"]\nrequires = ["accredited"]\neffect = "equivalent"',
     "R2014", "rules[1].covers.NL", "'hbo-bachelor-plus' is not a degree of NL"),
    ('covers.NL = ["hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master"]\ncovers.VL = ["professional-bachelor", '
     '"academic-bachelor", "bachelor-after-bachelor", "master", "master-after-master"]\nrequires = ["accredited"]\n'
     'effect = "equivalent"',
     'covers.NL = ["associate-degree"]\nrequires = ["accredited"]\neffect = "equivalent"',
     "R2014", "rules[1].comparable", "0 rows for NL associate-degree with arts=False"),
    ('covers.NL = ["hbo-bachelor"', 'covers.NL = ["HBO-BA"', "R2003", "rules[0].covers.NL",
     "write the canonical degree name 'hbo-bachelor', not 'HBO-BA'"),
    ('parties = ["NL", "VL"]\ncovers', 'parties = ["NL", "Vlaanderen"]\ncovers', "R2003", "rules[0].parties",
     "write the canonical code 'VL', not 'Vlaanderen'"),
    ('"additional-requirements-vl", "academic-level-only"', '"additional-requirements-vl", "sunshine"',
     "R2014", "rules[1].caveats", "'sunshine' is not a caveat of this file"),
    ('to = ["professional-bachelor"]', 'to = ["hbo-bachelor"]', "R2014", "comparable[0].to",
     "'hbo-bachelor' is not a degree of VL"),
    ('caveats = ["arts-within-arts-education-vl"]', 'caveats = ["sunshine"]', "R2014", "comparable[1].caveats",
     "'sunshine' is not a caveat of this file"),
    ('readings = ["vl-arts-bachelor"]', 'readings = ["moonlight"]', "R2014", "comparable[6].readings",
     "'moonlight' is not a reading of this file"),
    ('register_reasons = ["teach-out"]', 'register_reasons = ["lunch-break"]', None, "readings[14].register_reasons",
     "'lunch-break' is not one of"),
    ('outcomes = ["admission-equivalent"]', 'outcomes = ["admitted"]', None, "caveats[6].outcomes",
     "'admitted' is not one of"),
    ('before = 2003-01-01\n', '', None, "readings[9].before", "give before exactly when"),
    ('if_arts_unstated = "arts-unstated-nl-hbo-bachelor"', 'if_arts_unstated = "sunshine"', "R2014",
     "comparable[1].caveats", "'sunshine' is not a caveat of this file"),
    ('cite.nl = "art. 11, eerste lid (oorspronkelijke tekst)"\n', '', "R2003", "rules[0].cite.nl",
     "required key is missing"),
    ('status = "verbatim"', 'status = "roughly"', "R2003", "rules[0].text.status", "'roughly' is not one of"),
    ('rules = ["R2003"]\nwhen = "covered"', 'rules = ["R2003"]\nwhen = "sometimes"', None, "readings[0].when",
     "'sometimes' is not one of"),
    ('rules = ["R2003"]\nwhen = "covered"', 'rules = ["R1999"]\nwhen = "covered"', None, "readings[0].rules",
     "'R1999' is not a rule of this file"),
    ('text.en = "In the Netherlands the admitting', 'text.fr = "In the Netherlands the admitting', None,
     "referrals[0].text.fr", "unknown key"),
    ('article = "Art. 11(1) (original text)"\n', '', "R2003", "rules[0].article", "required key is missing"),
])  # fmt: skip
def test_a_malformed_rule_file_names_file_rule_and_key(tmp_path, old, new, rule_id, key, message):
    path = variant(tmp_path, old, new)
    with pytest.raises(RuleDataError) as raised:
        RuleSet.from_paths(path)
    error = raised.value
    assert (error.path, error.rule_id, error.key) == (str(path), rule_id, key)
    assert message in str(error)
    assert str(error).startswith(str(path))
    assert isinstance(error, EquivalenceError)


def test_a_file_that_is_not_toml(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("format = \n", encoding="utf-8")
    with pytest.raises(RuleDataError, match=r"broken\.toml: not a valid UTF-8 TOML file"):
        RuleSet.from_paths(path)


@pytest.mark.parametrize("nesting", [
    "a = " + "[" * 100_000 + "]" * 100_000,  # arrays
    "a = " + "{ b = " * 5_000 + "1" + " }" * 5_000,  # inline tables
    "a = [\n" + "[\n" * 10_000 + "]\n" * 10_000 + "]\n",  # arrays over many lines
])  # fmt: skip
def test_a_file_nested_too_deeply_is_a_rule_data_error_not_a_recursion_error(tmp_path, nesting):
    path = tmp_path / "deep.toml"
    path.write_text(nesting, encoding="utf-8")
    message = f"{path}: arrays or inline tables nested too deeply for a rule file"
    with pytest.raises(RuleDataError) as raised:
        RuleSet.from_paths(path)
    assert str(raised.value) == message
    assert [str(problem) for problem in RuleSet.validate(path, RULES / "nvao-treaty.toml")] == [message]


def test_a_missing_file(tmp_path):
    with pytest.raises(RuleDataError, match=r"absent\.toml: cannot read the rule file: No such file or directory"):
        RuleSet.from_paths(tmp_path / "absent.toml")


def test_the_same_rule_id_in_two_files(tmp_path):
    first = variant(tmp_path, 'id = "nvao-treaty"', 'id = "nvao-treaty"')
    second = tmp_path / "second.toml"
    # A second file may refer to instruments defined by an earlier one, but not define them again.
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RuleDataError, match="instrument 'nvao-treaty-2003' is defined twice"):
        RuleSet.from_paths(first, second)


def test_from_paths_needs_a_path():
    with pytest.raises(InvalidInputError, match="at least one rule file"):
        RuleSet.from_paths()


def test_validate_reports_every_malformed_item_and_keeps_checking(tmp_path):
    text = (
        BUNDLED.replace('article = "Art. 11(1) (original text)"\n', "", 1)
        .replace('effect = "equivalent"', 'effect = "super-equivalent"', 1)
        .replace('when = "awarded-before-in-force"', 'when = "yesterday"', 1)
    )
    path = tmp_path / "three-problems.toml"
    path.write_text(text, encoding="utf-8")
    problems = RuleSet.validate(path, tmp_path / "absent.toml")
    # Files that cannot be read are reported first, then each file's problems in order.
    assert [(problem.rule_id, problem.key) for problem in problems] == [
        (None, None),
        ("R2003", "rules[0].article"),
        ("R2014", "rules[1].effect"),
        (None, "readings[6].when"),
    ]
    assert problems[0].path == str(tmp_path / "absent.toml")


def test_validate_finds_nothing_wrong_with_the_bundled_rules():
    assert RuleSet.validate(RULES / "nvao-treaty.toml") == ()
