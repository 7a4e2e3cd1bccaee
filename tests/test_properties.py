"""Invariants of the treaty rules, for all diplomas Hypothesis can think of."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence, timeline
from nvao_equivalence._vocabulary import degrees_of, specialises

PARTIES = ("NL", "VL")
OTHER = {"NL": "VL", "VL": "NL"}

# Dates cluster around the days the rules change, as well as far from them.
_BOUNDARIES = RuleSet.load().boundaries("NL", "VL")
_near = st.sampled_from(_BOUNDARIES).flatmap(
    lambda day: st.integers(-3, 3).map(lambda offset: day + timedelta(days=offset))
)
award_dates = st.one_of(_near, st.dates(date(1990, 1, 1), date(2040, 12, 31)))


@st.composite
def cases(draw: st.DrawFn, parties: tuple[str, ...] = PARTIES) -> tuple[Diploma, str, date]:
    source = draw(st.sampled_from(parties))
    awarded_on = draw(award_dates)
    diploma = Diploma(
        awarded_by=source,
        degree=draw(st.sampled_from(degrees_of(source))),
        awarded_on=awarded_on,
        accredited=draw(st.sampled_from((True, False, None))),
        arts=draw(st.booleans()),
    )
    target = draw(st.sampled_from(("NL", "VL", "DE", "BE-FR")))
    on = draw(st.one_of(_near.filter(lambda day: day >= awarded_on), st.dates(awarded_on, date(2045, 12, 31))))
    return diploma, target, on


@given(cases())
def test_symmetry(case):
    """A diploma equivalent to degree X of the target: an X from the target, assessed back, gets the same outcome,
    and is equivalent to the original degree or the general degree it specialises (banaba, manama)."""
    diploma, target, on = case
    decision = check_equivalence(diploma, target=target, on=on)
    for comparable in decision.equivalent_to:
        mirror = Diploma(
            awarded_by=target,
            degree=comparable,
            awarded_on=diploma.awarded_on,
            accredited=diploma.accredited,
            arts=diploma.arts,
        )
        back = check_equivalence(mirror, target=diploma.awarded_by, on=on)
        assert back.outcome == decision.outcome
        assert diploma.degree in back.equivalent_to or specialises(diploma.degree) in back.equivalent_to


@given(cases(), st.data())
def test_timeline_agrees_with_check_equivalence(case, data):
    """The timeline is contiguous from the award date, and the period holding any day has that day's outcome."""
    diploma, target, _ = case
    periods = timeline(diploma, target=target)
    assert periods[0].start == diploma.awarded_on
    assert periods[-1].end is None
    for before, after in itertools.pairwise(periods):
        assert before.end == after.start
        assert before.start < before.end
        assert before.end in _BOUNDARIES
    for period in periods:
        last = (period.end - timedelta(days=1)) if period.end else date(2050, 1, 1)
        for day in (period.start, last, data.draw(st.dates(period.start, last))):
            decision = check_equivalence(diploma, target=target, on=day)
            assert (decision.outcome, decision.equivalent_to, decision.rules) == (
                period.outcome,
                period.equivalent_to,
                period.rules,
            )


@given(cases())
def test_undetermined_iff_accreditation_would_change_the_outcome(case):
    """Unknown accreditation leaves the outcome undetermined exactly when yes and no would decide differently."""
    diploma, target, on = case
    unknown = attrs.evolve(diploma, accredited=None)
    outcome = check_equivalence(unknown, target=target, on=on).outcome
    if_yes = check_equivalence(attrs.evolve(diploma, accredited=True), target=target, on=on).outcome
    if_no = check_equivalence(attrs.evolve(diploma, accredited=False), target=target, on=on).outcome
    assert (outcome is Outcome.UNDETERMINED) == (if_yes != if_no)
    if outcome is not Outcome.UNDETERMINED:
        assert outcome == if_yes == if_no


@given(cases())
def test_knowing_more_never_turns_one_decided_outcome_into_another(case):
    """Replacing unknown accreditation by a known value keeps a decided outcome as it was."""
    diploma, target, on = case
    unknown = check_equivalence(attrs.evolve(diploma, accredited=None), target=target, on=on)
    if unknown.outcome is not Outcome.UNDETERMINED:
        known = check_equivalence(diploma, target=target, on=on)
        assert known.outcome == unknown.outcome


@given(cases())
def test_every_decision_cites_a_rule_in_force_or_says_none_was(case):
    """No rule decides outside its in-force period; a decision that is not 'not applicable' cites one, or none was
    in force."""
    diploma, target, on = case
    decision = check_equivalence(diploma, target=target, on=on)
    rules = RuleSet.load()
    for rule_id in decision.rules:
        assert rules.rule(rule_id).in_force.contains(on)
    if decision.outcome is not Outcome.NOT_APPLICABLE:
        assert decision.rules or decision.reason == "no-rule-in-force"
    assert bool(decision.equivalent_to) == (decision.outcome in (Outcome.EQUIVALENT, Outcome.ADMISSION_EQUIVALENT))
    assert bool(decision.missing) == (decision.outcome is Outcome.UNDETERMINED)
