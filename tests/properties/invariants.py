"""The treaty's invariants as plain functions of a rule set and a case.

Each ``check_*`` function raises ``AssertionError`` when ``rules`` break the
law it states for one case (a diploma, a target and an assessment date). The
property tests run them on the bundled rules for every case Hypothesis draws;
``test_broken_rules.py`` shows that they catch rule files that break the law.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import date, timedelta

import attrs

from nvao_equivalence import Accreditation, Decision, Degree, Diploma, Outcome, RuleSet, check_equivalence, timeline
from nvao_equivalence._case.outcome import EFFECTS, FACTS
from nvao_equivalence._vocabulary.degrees import specialises
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.strategies import DecisionCase

# Which outcome each reason code allows (Decision's docstring lists the codes).
OUTCOMES_BY_REASON = {
    "same-jurisdiction": {Outcome.NOT_APPLICABLE},
    "not-a-party": {Outcome.NOT_APPLICABLE},
    "no-rule-in-force": {Outcome.NOT_RECOGNISED},
    "not-covered": {Outcome.NOT_RECOGNISED},
    "condition-unmet": {Outcome.NOT_RECOGNISED},
    "unknown-fact": {Outcome.UNDETERMINED},
    "granted": {Outcome.EQUIVALENT, Outcome.LEVEL_EQUIVALENT, Outcome.ADMISSION_EQUIVALENT},
}
RECOGNISED = {Outcome.EQUIVALENT, Outcome.ADMISSION_EQUIVALENT}
# Level recognition may carry the comparable degrees of a weaker rule granting beside it (R2003's).
MAY_NAME = {*RECOGNISED, Outcome.LEVEL_EQUIVALENT}


def decide(rules: RuleSet, case: DecisionCase) -> Decision:
    return check_equivalence(case.diploma, target=case.target, on=case.on, rules=rules)


def knowing(diploma: Diploma, accredited: bool | None) -> Diploma:
    """The same diploma with accreditation stated as ``accredited`` (``None``: unknown), without periods."""
    return attrs.evolve(diploma, accredited=accredited, accreditations=())


# How to state each fact a rule may require (the engine's FACTS) on a diploma.
STATE: dict[str, Callable[[Diploma, bool | None], Diploma]] = {
    "accredited": knowing,
    "recognised": lambda diploma, value: attrs.evolve(diploma, recognised=value),
}
assert set(STATE) == set(FACTS), "a fact the engine knows has no way to be stated here"


def summary(decision: Decision) -> tuple[object, ...]:
    return decision.outcome, decision.equivalent_to, decision.rules, decision.reason, decision.missing


def check_one_outcome(rules: RuleSet, case: DecisionCase) -> None:
    """Exactly one outcome, consistent with its reason; the same on every call; ``to_dict()`` survives JSON."""
    decision = decide(rules, case)
    again = decide(rules, case)
    assert decision == again, "two calls with the same input decided differently"
    assert decision.to_dict() == again.to_dict()
    assert isinstance(decision.outcome, Outcome)
    assert decision.outcome in OUTCOMES_BY_REASON[decision.reason], (decision.reason, decision.outcome)
    if decision.outcome in RECOGNISED:
        assert decision.equivalent_to
    if decision.outcome not in MAY_NAME:
        assert not decision.equivalent_to
    assert bool(decision.missing) == (decision.outcome is Outcome.UNDETERMINED)
    data = decision.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["outcome"], data["on"], data["target"]) == (
        decision.outcome.value,
        case.on.isoformat(),
        canonical_jurisdiction(case.target),
    )


def check_amendments_never_overlap(rules: RuleSet, case: DecisionCase) -> None:
    """For any degree, at most one text of an instrument and its amendments is in force on a day.

    An amendment that covers a degree replaces the text it amends for that
    degree: R2003 (the treaty) ends the day R2014 (the Protocol amending it)
    begins, so "the two rules are never in force on the same day". (A
    supplement covering other degrees, as the Benelux decision of 2018 is to
    that of 2015, may run beside the text it supplements.)
    """
    instruments = {instrument.id: instrument for instrument in rules.instruments}

    def lineage(instrument_id: str) -> str:
        while (amends := instruments[instrument_id].amends) is not None:
            instrument_id = amends
        return instrument_id

    source, target = case.diploma.awarded_by, canonical_jurisdiction(case.target)
    in_force = [rule for rule in rules.between(source, target) if rule.in_force.contains(case.on)]
    for first, second in itertools.combinations(in_force, 2):
        shared = set(first.covers) & set(second.covers)
        assert not shared or lineage(first.instrument.id) != lineage(second.instrument.id), (
            f"{first.id} and {second.id} are both in force on {case.on.isoformat()} for {sorted(shared)[0]}, "
            f"but {second.instrument.id} amends {first.instrument.id}"
        )


def _mirror(diploma: Diploma, target: str, degree: Degree) -> Diploma:
    """A diploma of ``degree`` from ``target``, with the original's dates, accreditation and ``arts``."""
    return Diploma(
        awarded_by=target,
        degree=degree,
        awarded_on=diploma.awarded_on,
        accredited=diploma.accredited,
        arts=diploma.arts,
    )


def check_symmetry(rules: RuleSet, case: DecisionCase) -> None:
    """For every degree X in ``equivalent_to``: an X from the target, with the same dates and ``arts``, assessed
    towards the awarding party gets the same outcome, and is equivalent to the original degree or the general
    degree it specialises (banaba -> professional bachelor, manama -> master)."""
    diploma = case.diploma
    decision = decide(rules, case)
    for comparable in decision.equivalent_to:
        mirror = _mirror(diploma, decision.target, comparable)
        back = check_equivalence(mirror, target=diploma.awarded_by, on=case.on, rules=rules)
        assert back.outcome == decision.outcome, (comparable, back.outcome, decision.outcome)
        general = specialises(diploma.degree)
        assert diploma.degree in back.equivalent_to or general in back.equivalent_to, (
            f"{diploma.awarded_by} {diploma.degree} -> {decision.target} {comparable}, "
            f"but back again -> {back.equivalent_to}"
        )


def _named(decision: Decision) -> tuple[str | None, tuple[Degree, ...]]:
    """The strongest granted effect that names comparable degrees, and the degrees it names."""
    named = [finding for finding in decision.findings if finding.status == "granted" and finding.row is not None]
    if not named:
        return None, ()
    best = max(EFFECTS[finding.rule.effect].strength for finding in named)
    strongest = [finding for finding in named if EFFECTS[finding.rule.effect].strength == best]
    return strongest[0].rule.effect, tuple(dict.fromkeys(d for f in strongest if f.row for d in f.row.to))


def check_named_symmetry(rules: RuleSet, case: DecisionCase) -> None:
    """Symmetry of the named comparable degrees, beside one-way level recognition: for every degree X that the
    strongest naming rule gives, an X from the target, assessed back, is granted the same named effect by a rule
    naming the original degree or the general degree it specialises. The outcomes themselves may differ: the 2010
    Flemish decision recognises the level of Dutch degrees in Flanders and not the other way round."""
    diploma = case.diploma
    effect, degrees = _named(decide(rules, case))
    for comparable in degrees:
        mirror = _mirror(diploma, case.target, comparable)
        back_effect, back_degrees = _named(
            check_equivalence(mirror, target=diploma.awarded_by, on=case.on, rules=rules)
        )
        assert back_effect == effect, (comparable, back_effect, effect)
        general = specialises(diploma.degree)
        assert diploma.degree in back_degrees or general in back_degrees, (diploma.degree, comparable, back_degrees)


def check_rules_in_force(rules: RuleSet, case: DecisionCase) -> None:
    """No rule decides outside its in-force period or between parties it does not bind; every decision but
    "not applicable" cites at least one rule, or says that none was in force, and then none was."""
    decision = decide(rules, case)
    source, target = case.diploma.awarded_by, decision.target
    for rule_id in decision.rules:
        rule = rules.rule(rule_id)
        assert rule.in_force.contains(case.on), f"{rule_id} decided on {case.on.isoformat()}, outside its period"
        assert rule.applies_between(source, target), f"{rule_id} decided between {source} and {target}"
    assert decision.citations == tuple(rules.rule(rule_id).citation for rule_id in decision.rules)
    between = rules.between(source, target)
    assert (decision.outcome is Outcome.NOT_APPLICABLE) == (not between)
    if decision.outcome is not Outcome.NOT_APPLICABLE:
        assert decision.rules or decision.reason == "no-rule-in-force"
    if decision.reason == "no-rule-in-force":
        assert not decision.rules
        assert not [rule.id for rule in between if rule.in_force.contains(case.on)]


def check_timeline(rules: RuleSet, case: DecisionCase) -> None:
    """The timeline's periods are ordered, contiguous and non-overlapping, start on the award date, end open,
    split exactly at the rule changes after the award date, and agree with ``check_equivalence`` on the first
    and last day of every period and on the case's assessment date."""
    diploma = case.diploma
    target = canonical_jurisdiction(case.target)
    periods = timeline(diploma, target=target, rules=rules)
    assert periods[0].start == diploma.awarded_on
    assert periods[-1].end is None
    for before, after in itertools.pairwise(periods):
        assert before.start < before.end == after.start
    changes = rules.boundaries(diploma.awarded_by, target) if diploma.awarded_by != target else ()
    assert [period.end for period in periods[:-1]] == [day for day in changes if day > diploma.awarded_on]

    def agrees(day: date) -> None:
        (period,) = [period for period in periods if period.start <= day and (period.end is None or day < period.end)]
        decision = check_equivalence(diploma, target=target, on=day, rules=rules)
        assert (decision.outcome, decision.equivalent_to, decision.rules) == (
            period.outcome,
            period.equivalent_to,
            period.rules,
        ), day

    for period in periods:
        agrees(period.start)
        if period.end is not None:
            agrees(period.end - timedelta(days=1))
    agrees(case.on)


def check_knowledge_is_monotone(rules: RuleSet, case: DecisionCase) -> None:
    """Replacing an unknown fact by a known value never turns a decided outcome into another one; the outcome is
    undetermined exactly when the possible values of the unknown facts decide differently, and then it names
    only unknown facts. (With one fact unknown: undetermined iff its two values give different outcomes.)"""
    decision = decide(rules, case)
    # A fact the rule data derives (recognition from accreditation, a named reading) is known, not unknown.
    unknown = [fact for fact in FACTS if getattr(case.diploma, fact) is None and fact not in derived(decision)]
    outcomes = set()
    for values in itertools.product((True, False), repeat=len(unknown)):
        diploma = case.diploma
        for fact, value in zip(unknown, values, strict=True):
            diploma = STATE[fact](diploma, value)
        known = decide(rules, case._replace(diploma=diploma)).outcome
        assert known is not Outcome.UNDETERMINED, "every fact is known, yet the outcome is undetermined"
        outcomes.add(known)
    assert (decision.outcome is Outcome.UNDETERMINED) == (len(outcomes) > 1), (decision.outcome, outcomes)
    if decision.outcome is Outcome.UNDETERMINED:
        assert decision.missing
        assert set(decision.missing) <= set(unknown)
    else:
        assert outcomes == {decision.outcome}


def derived(decision: Decision) -> set[str]:
    """The facts the decision derived from others by a reading (recognition from accreditation)."""
    return {"recognised"} if any(finding.readings for finding in decision.findings) else set()


def check_derived_recognition(rules: RuleSet, case: DecisionCase) -> None:
    """Recognition derived from accreditation decides exactly as recognition stated as yes, names the reading it
    rests on, and is derived only where accreditation is stated as yes and recognition is not stated at all."""
    decision = decide(rules, case)
    readings = {reading for finding in decision.findings for reading in finding.readings}
    if not readings:
        return
    assert case.diploma.accredited is True
    assert case.diploma.recognised is None
    assert readings <= set(decision.readings)
    stated = decide(rules, case._replace(diploma=attrs.evolve(case.diploma, recognised=True)))
    assert summary(decision) == summary(stated)


def check_nothing_granted_is_lost(rules: RuleSet, case: DecisionCase) -> None:
    """Precedence keeps what every granting rule said: the degrees the strongest naming rule grants are in
    ``equivalent_to`` whatever effect decides, every granting rule is cited, and no caveat is one that the rule
    data reserves for another outcome (a caveat must not contradict the outcome)."""
    decision = decide(rules, case)
    if decision.reason != "granted":
        assert not decision.equivalent_to
        return
    granted = [finding for finding in decision.findings if finding.status == "granted"]
    assert {finding.rule.id for finding in granted} <= set(decision.rules)
    _, named = _named(decision)
    assert set(named) == set(decision.equivalent_to)
    for caveat_id in decision.caveats:
        caveat = rules.caveat(caveat_id)
        assert not caveat.outcomes or decision.outcome.value in caveat.outcomes, (caveat_id, decision.outcome)


def check_accreditation_edges(rules: RuleSet, case: DecisionCase, length: int) -> None:
    """Accreditation periods are half-open: a diploma awarded on ``valid_from`` is accredited and decided as
    such; one awarded on ``valid_until`` is not, and is decided as not accredited."""
    day = case.diploma.awarded_on
    starting = attrs.evolve(
        case.diploma, accredited=None, accreditations=(Accreditation(day, day + timedelta(days=length)),)
    )
    lapsing = attrs.evolve(
        case.diploma, accredited=None, accreditations=(Accreditation(day - timedelta(days=length), day),)
    )
    assert starting.accredited is True
    assert lapsing.accredited is False
    for diploma, stated in ((starting, True), (lapsing, False)):
        assert summary(decide(rules, case._replace(diploma=diploma))) == summary(
            decide(rules, case._replace(diploma=knowing(case.diploma, stated)))
        )
