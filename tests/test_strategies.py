"""nvao_equivalence.strategies: every value valid, bounds and filters honoured, arguments checked, and
``st.from_type`` working through Hypothesis' entry point with nothing but the installed package."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from nvao_equivalence import Accreditation, Degree, Diploma, RuleSet, check_equivalence
from nvao_equivalence._vocabulary.degrees import degrees_of
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.strategies import (
    MAX_DATE,
    MIN_DATE,
    DecisionCase,
    accreditations,
    assessment_dates,
    decision_cases,
    degrees,
    diplomas,
    jurisdictions,
)
from tests.paths import RULES

BUNDLED = (RULES / "nvao-treaty.toml").read_text(encoding="utf-8")
# These tests check the generators, not the treaty: a few hundred examples each are plenty, even under CI.
generators = settings(max_examples=min(settings.default.max_examples, 500))
ordered_dates = st.lists(st.dates(date(1800, 1, 1), date(2200, 12, 31)), min_size=2, max_size=2).map(sorted)


def test_the_module_lists_its_strategies():
    from nvao_equivalence import strategies

    assert strategies.__all__ == [
        "DecisionCase",
        "accreditations",
        "assessment_dates",
        "decision_cases",
        "degrees",
        "diplomas",
        "jurisdictions",
    ]


@generators
@given(jurisdictions())
def test_jurisdictions_are_canonical_codes(code: str) -> None:
    assert canonical_jurisdiction(code) == code
    assert code != "BE"


@generators
@given(jurisdictions(), st.data())
def test_degrees_of_a_jurisdiction_exist_in_its_system(code: str, data: st.DataObject) -> None:
    assert data.draw(degrees(awarded_by=code)) in degrees_of(code)


@generators
@given(degrees())
def test_degrees_without_a_jurisdiction_are_any_degree(degree: Degree) -> None:
    assert isinstance(degree, Degree)


@generators
@given(diplomas())
def test_every_diploma_is_valid_and_rebuilds_equal(diploma: Diploma) -> None:
    assert diploma.awarded_by == canonical_jurisdiction(diploma.awarded_by)
    assert diploma.degree in degrees_of(diploma.awarded_by)
    assert MIN_DATE <= diploma.awarded_on <= MAX_DATE
    rebuilt = Diploma(
        awarded_by=diploma.awarded_by,
        degree=diploma.degree.value,
        awarded_on=diploma.awarded_on.isoformat(),
        accredited=diploma.accredited,
        arts=diploma.arts,
        accreditations=diploma.accreditations,
        programme=diploma.programme,
        institution=diploma.institution,
        recognised=diploma.recognised,
    )
    assert rebuilt == diploma
    if diploma.accreditations:
        assert diploma.accredited is any(period.covers(diploma.awarded_on) for period in diploma.accreditations)


@generators
@given(ordered_dates, st.data())
def test_diplomas_honour_the_award_date_bounds(bounds: list[date], data: st.DataObject) -> None:
    low, high = bounds
    diploma = data.draw(diplomas(min_awarded_on=low, max_awarded_on=high))
    assert low <= diploma.awarded_on <= high


@generators
@given(
    diplomas(min_awarded_on=date(2150, 1, 1)),
    diplomas(max_awarded_on=date(1850, 12, 31)),
    accreditations(max_valid_from=date(1850, 12, 31)),
)
def test_a_bound_given_alone_moves_the_default_one(late: Diploma, early: Diploma, period: Accreditation) -> None:
    assert late.awarded_on >= date(2150, 1, 1)
    assert early.awarded_on <= date(1850, 12, 31)
    assert period.valid_from <= date(1850, 12, 31)


@generators
@given(jurisdictions(), st.data())
def test_diplomas_honour_awarded_by_and_degree(code: str, data: st.DataObject) -> None:
    degree = data.draw(degrees(awarded_by=code))
    diploma = data.draw(diplomas(awarded_by=code, degree=degree))
    assert (diploma.awarded_by, diploma.degree) == (code, degree)
    assert data.draw(diplomas(awarded_by=code)).awarded_by == code


@generators
@given(diplomas(awarded_by="Vlaanderen", degree="banaba"))
def test_diplomas_accept_a_jurisdiction_alias(diploma: Diploma) -> None:
    assert (diploma.awarded_by, diploma.degree) == ("VL", Degree.BACHELOR_AFTER_BACHELOR)


@generators
@given(diplomas(degree=Degree.HBO_BACHELOR), diplomas(degree="master"), diplomas(degree="graduaat"))
def test_a_degree_alone_picks_a_jurisdiction_that_awards_it(hbo: Diploma, master: Diploma, graduaat: Diploma) -> None:
    assert hbo.awarded_by == "NL"
    assert master.awarded_by != "NL"
    assert Degree.MASTER in degrees_of(master.awarded_by)
    assert graduaat.awarded_by == "VL"


@pytest.mark.parametrize("accredited", [True, False, None])
def test_diplomas_honour_accredited(accredited: bool | None) -> None:
    periods_seen = []

    @given(diplomas(accredited=accredited))
    def check(diploma: Diploma) -> None:
        assert diploma.accredited is accredited
        periods_seen.append(bool(diploma.accreditations))

    check()
    # A known value is sometimes given through accreditation periods; an unknown one never is.
    assert any(periods_seen) is (accredited is not None)


@generators
@given(diplomas(accredited=True, min_awarded_on=date(2005, 2, 1), max_awarded_on=date(2005, 2, 1)))
def test_periods_that_make_a_diploma_accredited_cover_its_award_date(diploma: Diploma) -> None:
    assert diploma.awarded_on == date(2005, 2, 1)
    assert diploma.accredited is True
    if diploma.accreditations:
        assert any(period.covers(date(2005, 2, 1)) for period in diploma.accreditations)


@generators
@given(ordered_dates, st.sampled_from([True, False, None]), st.data())
def test_accreditations_honour_their_bounds(bounds: list[date], open_ended: bool | None, data: st.DataObject) -> None:
    low, high = bounds
    period = data.draw(accreditations(min_valid_from=low, max_valid_from=high, open_ended=open_ended))
    assert isinstance(period, Accreditation)
    assert low <= period.valid_from <= high
    if open_ended is not None:
        assert (period.valid_until is None) is open_ended
    if period.valid_until is not None:
        assert period.valid_from < period.valid_until


@generators
@given(diplomas(), st.data())
def test_assessment_dates_never_precede_the_award(diploma: Diploma, data: st.DataObject) -> None:
    on = data.draw(assessment_dates(diploma))
    assert diploma.awarded_on <= on <= max(MAX_DATE, diploma.awarded_on)
    early = data.draw(assessment_dates(diploma, min_value=diploma.awarded_on - timedelta(days=400)))
    assert early >= diploma.awarded_on


@generators
@given(ordered_dates, st.data())
def test_assessment_dates_honour_their_bounds(bounds: list[date], data: st.DataObject) -> None:
    low, high = bounds
    assert low <= data.draw(assessment_dates(min_value=low, max_value=high)) <= high


@generators
@given(decision_cases())
def test_decision_cases_are_accepted_by_check_equivalence(case: DecisionCase) -> None:
    diploma, target, on = case
    assert canonical_jurisdiction(target) == target
    assert on >= diploma.awarded_on
    assert check_equivalence(diploma, target=target, on=on).on == on


def test_dates_concentrate_on_the_rule_changes_of_the_rule_set_given(tmp_path: Path) -> None:
    # A rule set of our own in which the Protocol comes into force on 2016-01-01 instead of 2014-04-01.
    text = BUNDLED.replace("2014-04-01", "2016-01-01")
    (tmp_path / "later.toml").write_text(text, encoding="utf-8")
    rules = RuleSet.from_paths(tmp_path / "later.toml")
    seen: list[date] = []

    @settings(max_examples=400, derandomize=True, database=None)
    @given(assessment_dates(rules=rules))
    def collect(day: date) -> None:
        seen.append(day)

    collect()

    def week_around(day: date) -> set[date]:
        return {day + timedelta(days=offset) for offset in range(-7, 8)}

    # Hypothesis draws each distinct value once: every day within a week of a change of these rules comes up,
    # the bundled rules' change of 2014-04-01 does not, and most draws lie far from any change.
    assert week_around(date(2016, 1, 1)) | week_around(date(2005, 2, 1)) <= set(seen)
    assert not week_around(date(2014, 4, 1)) & set(seen)
    far = [
        day for day in seen if min(abs((day - change).days) for change in (date(2005, 2, 1), date(2016, 1, 1))) > 365
    ]
    assert len(far) > len(seen) / 2


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: diplomas(min_awarded_on=date(2020, 1, 1), max_awarded_on=date(2019, 1, 1)),
         r"Cannot have min_awarded_on=datetime\.date\(2020, 1, 1\) after max_awarded_on=datetime\.date\(2019, 1, 1\)"),
        (lambda: diplomas(min_awarded_on="2020-01-01"), r"min_awarded_on='2020-01-01' must be a datetime\.date"),
        (lambda: diplomas(max_awarded_on=datetime(2020, 1, 1)), r"max_awarded_on=.* must be a datetime\.date \(not a"),
        (lambda: diplomas(awarded_by="NL", degree="master"),
         r"degree='master' is not a degree of awarded_by='NL'; valid: associate-degree, hbo-bachelor"),
        (lambda: diplomas(degree="bsc"), r"degree='bsc' must be a Degree or its value; valid: associate-degree"),
        (lambda: diplomas(awarded_by="BE"), r"awarded_by='BE': 'BE' is ambiguous"),
        (lambda: diplomas(awarded_by=31), r"awarded_by=31 must be a jurisdiction code"),
        (lambda: diplomas(accredited="yes"), r"accredited='yes' must be True, False, None \(unknown\) or \.\.\."),
        (lambda: diplomas(degree="banaba"), r"degree='banaba' must be a Degree or its value"),
        (lambda: diplomas(awarded_by="NL", degree="banaba"), r"degree='banaba' is not a degree of awarded_by='NL'"),
        (lambda: diplomas(rules="nvao"), r"rules='nvao' must be a RuleSet or None"),
        (lambda: degrees(awarded_by="Atlantis"), r"awarded_by='Atlantis': unknown jurisdiction"),
        (lambda: jurisdictions(rules=object()), r"rules=<object object at .*> must be a RuleSet"),
        (lambda: accreditations(min_valid_from=date(2021, 1, 1), max_valid_from=date(2020, 1, 1)),
         r"Cannot have min_valid_from=.* after max_valid_from="),
        (lambda: accreditations(open_ended="no"), r"open_ended='no' must be True, False or None"),
        (lambda: accreditations(min_valid_from=date.max, max_valid_from=date.max, open_ended=False),
         r"leaves no room for a valid_until"),
        (lambda: assessment_dates("VL"), r"diploma='VL' must be a Diploma or None"),
        (lambda: assessment_dates(Diploma(awarded_by="NL", degree="wo-master", awarded_on="2016-07-01"),
                                  max_value=date(2016, 6, 30)),
         r"max_value=datetime\.date\(2016, 6, 30\) precedes the award date datetime\.date\(2016, 7, 1\)"),
        (lambda: assessment_dates(min_value=date(2001, 1, 1), max_value=date(2000, 1, 1)),
         r"Cannot have min_value=.* after max_value="),
        (lambda: decision_cases(rules=RuleSet), r"rules=<class .*RuleSet'> must be a RuleSet or None"),
    ],
)  # fmt: skip
def test_bad_arguments_raise_invalid_argument_when_the_strategy_is_made(make, message):
    with pytest.raises(InvalidArgument, match=message):
        make()


def test_making_a_strategy_reads_no_rule_file(tmp_path: Path) -> None:
    # Rules are read on the first draw, so a strategy defined at a test module's top level costs nothing.
    probe = (
        "import sys, json\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "from nvao_equivalence.strategies import decision_cases, diplomas, assessment_dates\n"
        "cases, ds, days = decision_cases(), diplomas(), assessment_dates()\n"
        "print(json.dumps([path for path in opened if path.endswith('.toml')]))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert json.loads(result.stdout) == []


_FROM_TYPE = """
import json, sys, warnings
warnings.simplefilter("ignore")  # .example() warns that it is meant for the interactive prompt
from hypothesis import strategies as st
from nvao_equivalence import Accreditation, Diploma
loaded_early = "nvao_equivalence.strategies" in sys.modules
try:
    diplomas = [st.from_type(Diploma).example() for _ in range(30)]
    periods = [st.from_type(Accreditation).example() for _ in range(10)]
except Exception as error:
    print(json.dumps({"error": type(error).__name__}))
    raise SystemExit(0)
print(json.dumps({
    "loaded_early": loaded_early,
    "diplomas": all(isinstance(d, Diploma) for d in diplomas),
    "parties": sorted({d.awarded_by for d in diplomas} & {"NL", "VL"}),
    "periods": all(isinstance(p, Accreditation) for p in periods),
}))
"""


def _run_from_type(tmp_path: Path, **env: str) -> dict[str, object]:
    # From an empty folder, so that only the installed package (and its entry point) is found.
    result = subprocess.run(
        [sys.executable, "-c", _FROM_TYPE],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, **env},
    )
    return dict(json.loads(result.stdout))


def test_from_type_works_through_the_hypothesis_entry_point(tmp_path: Path) -> None:
    report = _run_from_type(tmp_path)
    assert report == {"loaded_early": False, "diplomas": True, "parties": ["NL", "VL"], "periods": True}


def test_without_the_entry_point_from_type_cannot_build_a_diploma(tmp_path: Path) -> None:
    # The control: with Hypothesis' plugins switched off it falls back to guessing each field, and a Diploma
    # refuses the guesses. So the test above passes because of the entry point.
    assert _run_from_type(tmp_path, HYPOTHESIS_NO_PLUGINS="1") == {"error": "InvalidDiplomaError"}


def test_a_failing_example_is_printed_with_public_keywords_and_can_be_pasted_back():
    """What Hypothesis prints for a failing diploma is a call a test can paste: ``accredited=`` as stated, no
    private attribute names."""

    @settings(max_examples=50, database=None, derandomize=True)
    @given(diplomas(accredited=True))
    def fails(diploma: Diploma) -> None:
        raise AssertionError("always")

    with pytest.raises(AssertionError, match="always") as raised:
        fails()
    report = "\n".join(raised.value.__notes__)  # Hypothesis adds the falsifying example to the error
    start = report.index("Diploma(")
    depths = itertools.accumulate({"(": 1, ")": -1}.get(char, 0) for char in report[start:])
    closed = next(index for index, depth in enumerate(depths) if depth == 0 and report[start + index] == ")")
    call = report[start : start + closed + 1]  # up to where its parentheses balance
    assert "_stated" not in report
    assert "accredited=True," in call
    names = {"datetime": __import__("datetime"), "Diploma": Diploma, "Accreditation": Accreditation}
    assert isinstance(eval(call, names), Diploma)


@generators
@given(st.one_of(diplomas(), st.from_type(Diploma)))
def test_every_drawn_diploma_is_rebuilt_equal_from_its_repr(diploma: Diploma) -> None:
    from hypothesis.vendor.pretty import pretty

    names = {"datetime": __import__("datetime"), "Diploma": Diploma, "Accreditation": Accreditation}
    assert eval(repr(diploma), names) == diploma
    assert eval(pretty(diploma), names) == diploma
    assert "_stated" not in pretty(diploma)
