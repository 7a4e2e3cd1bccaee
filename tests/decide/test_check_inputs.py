"""check_equivalence refuses input it cannot decide on, naming what is wrong and what would be valid."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence
from nvao_equivalence._rulebook.ruleset import default_rules
from nvao_equivalence.exceptions import EquivalenceError, InvalidAssessmentError, InvalidInputError

DIPLOMA = Diploma(awarded_by="VL", degree="academic-bachelor", awarded_on=date(2016, 7, 1), accredited=True)
ON = date(2017, 6, 1)


def refused(diploma=DIPLOMA, *, target="NL", on=ON, rules=None) -> str:
    with pytest.raises(InvalidAssessmentError) as caught:
        check_equivalence(diploma, target=target, on=on, rules=rules)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, InvalidInputError)
    assert isinstance(error, EquivalenceError)
    return str(error)


def test_the_valid_call_decides():
    decision = check_equivalence(DIPLOMA, target="NL", on=ON)
    assert decision.outcome is Outcome.EQUIVALENT
    assert decision.target == "NL"
    assert decision.on == ON


@pytest.mark.parametrize("target", ["NL", "VL", "DE"])
def test_the_common_call_decides_as_the_general_path_does(target):
    # A canonical target, a date and the default rules take the engine's short path; an alias, text for the date
    # and the rules named explicitly take the general one. Both must give the same decision.
    short = check_equivalence(DIPLOMA, target=target, on=ON)
    general = check_equivalence(DIPLOMA, target=f" {target.lower()} ", on=ON.isoformat(), rules=default_rules())
    assert short == general
    assert (short.outcome, short.reason, short.rules, short.explain()) == (
        general.outcome, general.reason, general.rules, general.explain()
    )  # fmt: skip


def test_the_common_call_still_refuses_an_assessment_before_the_award():
    assert "precedes the award date" in refused(on=date(2016, 6, 30))


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("NL", "NL"),
        ("nl", "NL"),
        ("Nederland", "NL"),
        ("The Netherlands", "NL"),
        ("NLD", "NL"),
        (" netherlands ", "NL"),
        ("Vlaanderen", "VL"),
        ("BE-VLG", "VL"),
        ("Flemish Community", "VL"),
        ("de", "DE"),
        ("BE-FR", "BE-FR"),
    ],
)
def test_target_accepts_aliases(target, expected):
    assert check_equivalence(DIPLOMA, target=target, on=ON).target == expected


def test_target_alias_gives_the_same_decision_as_the_code():
    by_alias = check_equivalence(DIPLOMA, target="Nederland", on=ON)
    by_code = check_equivalence(DIPLOMA, target="NL", on=ON)
    assert by_alias.outcome is by_code.outcome is Outcome.EQUIVALENT
    assert by_alias.equivalent_to == by_code.equivalent_to == ("wo-bachelor",)


@pytest.mark.parametrize("target", ["ZZ", "XYZ", "Holland Land", ""])
def test_unknown_target(target):
    message = refused(target=target)
    assert message.startswith("target: unknown jurisdiction ")
    assert repr(target) in message
    assert "valid: NL, VL (Flemish Community), BE-FR, BE-DE" in message


@pytest.mark.parametrize("target", ["BE", "Belgium", "België"])
def test_target_belgium_is_ambiguous(target):
    message = refused(target=target)
    assert message.startswith(f"target: {target!r} is ambiguous")
    assert "VL (Flemish Community), BE-FR (French Community), BE-DE (German-speaking Community)" in message


@pytest.mark.parametrize("target", [None, 5, ["NL"]])
def test_target_must_be_text(target):
    message = refused(target=target)
    assert message == f"target: expected a jurisdiction code such as 'NL' or 'VL', found {target!r}"


@pytest.mark.parametrize(
    ("on", "words"),
    [
        ("garbage", "cannot read"),
        ("7/13/2017", "day-first"),
        ("2017-02-30", "not a calendar date"),
        ("June 2017", "lacks a day, month or year"),
        ("2017-06-01 10:00", "cannot read"),
        ("", "cannot read"),
        (None, "is not a date"),
        (20170601, "is not a date"),
    ],
)
def test_on_unparsable(on, words):
    message = refused(on=on)
    assert message.startswith("on: ")
    assert repr(on) in message
    assert words in message


@pytest.mark.parametrize("on", [datetime(2017, 6, 1), datetime(2017, 6, 1, 12, 30)])
def test_on_must_not_be_a_datetime(on):
    message = refused(on=on)
    assert message.startswith(f"on: {on!r} is a datetime")


@pytest.mark.parametrize(
    ("on", "expected"),
    [("2017-06-01", date(2017, 6, 1)), ("1-6-2017", date(2017, 6, 1)), ("1 juni 2017", date(2017, 6, 1))],
)
def test_on_accepts_text(on, expected):
    assert check_equivalence(DIPLOMA, target="NL", on=on).on == expected


@pytest.mark.parametrize(("on", "shown"), [(date(2016, 6, 30), "2016-06-30"), ("1 januari 2015", "2015-01-01")])
def test_award_date_after_on(on, shown):
    message = refused(on=on)
    assert message == (
        f"on: the assessment date {shown} precedes the award date 2016-07-01; valid: 2016-07-01 or later"
    )


def test_on_the_award_date_itself_is_valid():
    assert check_equivalence(DIPLOMA, target="NL", on=date(2016, 7, 1)).outcome is Outcome.EQUIVALENT


@pytest.mark.parametrize(
    "diploma",
    [
        None,
        "VL academic-bachelor",
        {"awarded_by": "VL", "degree": "academic-bachelor", "awarded_on": "2016-07-01"},
        date(2016, 7, 1),
    ],
)
def test_diploma_must_be_a_diploma(diploma):
    message = refused(diploma)
    assert message == f"diploma: expected a Diploma, found {diploma!r}"


@pytest.mark.parametrize("rules", ["nvao-treaty", ["rules/nvao-treaty.toml"], 5])
def test_rules_must_be_a_ruleset(rules):
    message = refused(rules=rules)
    assert message == f"rules: expected a RuleSet or None, found {rules!r}"


def test_rules_accepts_a_ruleset():
    rules = default_rules()
    assert isinstance(rules, RuleSet)
    assert check_equivalence(DIPLOMA, target="NL", on=ON, rules=rules).outcome is Outcome.EQUIVALENT
