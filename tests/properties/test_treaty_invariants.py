"""The treaty's invariants, for every case Hypothesis draws, under the bundled rules.

Each test states a law in its docstring; the law itself is a function in
``invariants.py`` that ``test_broken_rules.py`` also runs on rule files that
break it.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from nvao_equivalence import Accreditation, RuleSet
from nvao_equivalence.strategies import DecisionCase, accreditations, decision_cases
from tests.properties.invariants import (
    check_accreditation_edges,
    check_amendments_never_overlap,
    check_knowledge_is_monotone,
    check_nothing_granted_is_lost,
    check_one_outcome,
    check_rules_in_force,
    check_symmetry,
    check_timeline,
)

RULES = RuleSet.load()
cases = decision_cases(rules=RULES)


@given(cases)
def test_exactly_one_outcome_deterministic_and_json_safe(case: DecisionCase) -> None:
    """Every (diploma, target, assessment date) has exactly one outcome, allowed by its reason; deciding twice
    gives the same decision; ``to_dict()`` survives a JSON round trip unchanged."""
    check_one_outcome(RULES, case)


@given(cases)
def test_an_amendment_and_the_text_it_amends_are_never_in_force_together(case: DecisionCase) -> None:
    """On no assessment date are a rule and a rule of an instrument amending it both in force: the Protocol's
    R2014 replaces the treaty's R2003 from 2014-04-01."""
    check_amendments_never_overlap(RULES, case)


@given(cases)
def test_symmetry_between_the_parties(case: DecisionCase) -> None:
    """A diploma equivalent to degree X of the target: an X from the target, with the same dates and ``arts``,
    assessed back gets the same outcome and is equivalent to the original degree or the general degree it
    specialises (banaba -> professional bachelor, manama -> master)."""
    check_symmetry(RULES, case)


@given(cases)
def test_no_rule_decides_outside_its_period_and_every_decision_cites_one(case: DecisionCase) -> None:
    """No rule decides outside its in-force period; every decision that is not "not applicable" cites at least
    one rule, or states that none was in force, and then none was."""
    check_rules_in_force(RULES, case)


@given(cases)
def test_timeline_is_contiguous_and_agrees_with_check_equivalence(case: DecisionCase) -> None:
    """The timeline's periods are contiguous, ordered and non-overlapping, start on the award date, split only
    (and always) at rule changes, and agree with ``check_equivalence`` on every day tried."""
    check_timeline(RULES, case)


@given(cases)
def test_knowing_more_never_changes_a_decided_outcome(case: DecisionCase) -> None:
    """Replacing an unknown fact (accreditation) by a known value never turns a decided outcome into another one;
    the outcome is undetermined exactly when the fact's two values would decide differently."""
    check_knowledge_is_monotone(RULES, case)


@given(cases)
def test_every_granting_rule_keeps_its_comparable_degrees(case: DecisionCase) -> None:
    """The comparable degrees of the granting rule are the decision's, and no caveat contradicts the outcome."""
    check_nothing_granted_is_lost(RULES, case)


@given(cases, st.integers(1, 12 * 366))
def test_accreditation_periods_are_half_open(case: DecisionCase, length: int) -> None:
    """A diploma awarded on an accreditation's ``valid_from`` is accredited; one awarded on its ``valid_until``
    is not; each is decided exactly as if that were stated."""
    check_accreditation_edges(RULES, case, length)


@given(accreditations())
def test_an_accreditation_covers_its_first_and_last_day_and_not_its_end(period: Accreditation) -> None:
    """``valid_from`` is the first accredited day, the day before ``valid_until`` the last, ``valid_until`` the
    first day without; an open-ended period covers every later day."""
    assert period.covers(period.valid_from)
    assert not period.covers(period.valid_from - timedelta(days=1))
    if period.valid_until is None:
        assert period.covers(date.max)
    else:
        assert period.covers(period.valid_until - timedelta(days=1))
        assert not period.covers(period.valid_until)
