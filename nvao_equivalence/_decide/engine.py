"""Deciding: apply the rules in force on the assessment date to a diploma.

The engine knows no treaty: it reads which rules apply between two
jurisdictions, which are in force on a day, what they cover and require, and
which effect they grant. The strongest granted effect decides; an unknown
fact makes the outcome undetermined only when its value would change it.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._case.outcome import EFFECTS, FACTS, Outcome
from nvao_equivalence._decide.assessment import DEFAULT_RULES, ORDER_PROBLEM, assessment_date, consult, prepare
from nvao_equivalence._decide.decision import Decision
from nvao_equivalence._decide.verdict import Finding, Verdict
from nvao_equivalence._language.message import Message
from nvao_equivalence._vocabulary.degrees import Degree, eqf_level
from nvao_equivalence._vocabulary.jurisdictions import CANONICAL_CODES
from nvao_equivalence.exceptions import InvalidAssessmentError

if TYPE_CHECKING:
    from nvao_equivalence._registers.register import AccreditationRegister
    from nvao_equivalence._rulebook.model import ComparableRow, Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["Period", "check_equivalence", "timeline", "verdict"]


@attrs.frozen
class Period:
    """One stretch of a :func:`timeline`: from ``start`` until ``end`` (exclusive; ``None`` = open-ended)."""

    start: date
    end: date | None
    outcome: Outcome
    equivalent_to: tuple[Degree, ...]
    rules: tuple[str, ...]


def check_equivalence(
    diploma: Diploma,
    *,
    target: str,
    on: date | str,
    rules: RuleSet | None = None,
    register: AccreditationRegister | None = None,
) -> Decision:
    """Decide whether ``diploma`` is recognised in ``target`` on the assessment date ``on``.

    ``target`` is a jurisdiction (``"NL"``, ``"VL"``, or an alias such as
    ``"Nederland"``). ``on`` is required, a ``date`` or text: a recognition
    decision is always as of a day. ``rules`` defaults to the bundled NVAO
    treaty rules. ``register`` (an :class:`~nvao_equivalence.registers.AccreditationRegister`)
    decides accreditation at the award date for a diploma that names its
    ``programme`` and states neither ``accredited`` nor ``accreditations``;
    ``Decision.register`` then holds its answer, which the explanation cites.

    Raises :class:`~nvao_equivalence.exceptions.InvalidAssessmentError` for an
    unknown target, a bad date, or an award date after ``on``.

    >>> d = Diploma(awarded_by="VL", degree="academic-bachelor", awarded_on=date(2016, 7, 1), accredited=True)
    >>> decision = check_equivalence(d, target="NL", on=date(2017, 6, 1))
    >>> decision.outcome, decision.equivalent_to, decision.rules
    (<Outcome.EQUIVALENT: 'equivalent'>, (<Degree.WO_BACHELOR: 'wo-bachelor'>,), ('R2014',))
    """
    # The common call first: a Diploma, a target already in canonical form, a date, the bundled rules (once loaded)
    # and no register. Such a call needs none of the checks and conversions below, which only turn other forms of
    # the arguments into these, so it goes straight to the verdict; every other call takes the general path.
    if (
        type(diploma) is Diploma
        and type(target) is str
        and type(on) is date
        and rules is None
        and register is None
        and target in CANONICAL_CODES
        and DEFAULT_RULES
        and diploma.awarded_on <= on
    ):
        return Decision(diploma, target, on, verdict(diploma, target, on, DEFAULT_RULES[0]))
    ruleset, target = prepare(diploma, target, rules)
    day = assessment_date(on)
    if diploma.awarded_on > day:
        raise InvalidAssessmentError(
            Message(ORDER_PROBLEM, on=day.isoformat(), awarded_on=diploma.awarded_on.isoformat())
        )
    if register is None:
        return Decision(diploma, target, day, verdict(diploma, target, day, ruleset))
    diploma, found = consult(diploma, register)
    return Decision(diploma, target, day, verdict(diploma, target, day, ruleset), found)


def timeline(
    diploma: Diploma, *, target: str, rules: RuleSet | None = None, register: AccreditationRegister | None = None
) -> tuple[Period, ...]:
    """The outcome as a function of the assessment date, from the award date on.

    The periods are contiguous and split exactly where a rule between the two
    jurisdictions comes into or goes out of force; the last is open-ended.
    ``check_equivalence(diploma, target=target, on=x)`` agrees with the period
    containing ``x``; ``register`` as there.

    >>> d = Diploma(awarded_by="NL", degree="wo-bachelor", awarded_on=date(2004, 7, 1), accredited=True)
    >>> [(p.start.isoformat(), p.outcome.value) for p in timeline(d, target="VL")]
    [('2004-07-01', 'not-recognised'), ('2005-02-01', 'admission-equivalent'), ('2014-04-01', 'equivalent')]
    """
    ruleset, target = prepare(diploma, target, rules)
    diploma, _ = consult(diploma, register)
    starts = [diploma.awarded_on]
    if diploma.awarded_by != target:
        starts += [day for day in ruleset.boundaries(diploma.awarded_by, target) if day > diploma.awarded_on]
    ends: list[date | None] = [*starts[1:], None]
    periods = []
    for start, end in zip(starts, ends, strict=True):
        # A period needs three fields of the verdict, not a decision around it.
        found = verdict(diploma, target, start, ruleset)
        periods.append(Period(start, end, found.outcome, found.equivalent_to, found.rules))
    return tuple(periods)


def verdict(diploma: Diploma, target: str, on: date, ruleset: RuleSet) -> Verdict:
    """The verdict for a diploma, computed once per kind of case and kept by the rule set.

    Within one period between two change dates of the rules, a verdict depends only on the diploma's discrete facts
    and on which periods hold the award date and the assessment date; those make the key.
    """
    changes = ruleset.changes
    key = (
        diploma.awarded_by, target, diploma.degree, diploma.arts, diploma.accredited, diploma.recognised,
        bisect_right(changes, on), bisect_right(ruleset.award_changes, diploma.awarded_on),
    )  # fmt: skip
    found: Verdict | None = ruleset.verdicts.get(key)
    if found is None:
        found = ruleset.verdicts[key] = _judge(diploma, target, on, ruleset)
    return found


def _judge(diploma: Diploma, target: str, on: date, ruleset: RuleSet) -> Verdict:
    """Apply the rules in force on ``on`` between the diploma's jurisdiction and ``target``."""
    source = diploma.awarded_by
    if source == target:
        return _verdict(diploma, target, on, ruleset, Outcome.NOT_APPLICABLE, "same-jurisdiction")
    between = ruleset.between(source, target)
    if not between:
        return _verdict(
            diploma, target, on, ruleset, Outcome.NOT_APPLICABLE, "not-a-party",
            packs=ruleset.packs_between(source, target),
        )  # fmt: skip
    findings = tuple(_assess(rule, diploma, ruleset) for rule in between if rule.in_force.contains(on))
    if not findings:
        pending = tuple(rule for rule in between if on < rule.in_force.valid_from)
        return _verdict(diploma, target, on, ruleset, Outcome.NOT_RECOGNISED, "no-rule-in-force", pending=pending)

    granted = [finding for finding in findings if finding.status == "granted"]
    best = max((EFFECTS[finding.rule.effect].strength for finding in granted), default=0)
    # An unknown fact matters only where the rule needing it would grant more than is granted already.
    open_questions = [
        finding for finding in findings if finding.status == "unknown" and EFFECTS[finding.rule.effect].strength > best
    ]
    if open_questions:
        missing = tuple(dict.fromkeys(fact for finding in open_questions for fact in finding.facts))
        # What each value of a missing fact would give belongs to the verdict: the explanation only words it.
        alternatives = tuple(
            (fact, value, verdict(_known(diploma, fact, value), target, on, ruleset).outcome)
            for fact in missing
            for value in (True, False)
        )
        return _verdict(
            diploma, target, on, ruleset, Outcome.UNDETERMINED, "unknown-fact",
            deciding=open_questions, findings=findings, missing=missing, alternatives=alternatives,
        )  # fmt: skip
    if granted:
        strongest = [finding for finding in granted if EFFECTS[finding.rule.effect].strength == best]
        outcome = EFFECTS[strongest[0].rule.effect].outcome
        named = _named(granted)
        equivalent_to = tuple(dict.fromkeys(degree for finding in named if finding.row for degree in finding.row.to))
        widening = _arts_unstated(diploma, named)
        # A caveat about what arts education would add rests on the readings of the row that would add it.
        readings = tuple(
            dict.fromkeys(
                (*_readings(diploma, findings, ruleset, named=named), *(r for row in widening for r in row.readings))
            )
        )
        caveat_ids = dict.fromkeys(
            [caveat for finding in granted for caveat in finding.rule.caveats]
            + [caveat for finding in named if finding.row for caveat in finding.row.caveats]
            + [row.if_arts_unstated for row in widening if row.if_arts_unstated]
            + [caveat.id for caveat in ruleset.caveats if set(caveat.with_readings) & set(readings)]
        )
        caveats = tuple(
            caveat for caveat in caveat_ids if ruleset.caveat(caveat).concerns(target, equivalent_to, outcome.value)
        )
        # Level recognition names the diploma's EQF level, also where a stronger effect decides beside it.
        levelled = any(not EFFECTS[finding.rule.effect].names_degrees for finding in granted)
        return _verdict(
            diploma, target, on, ruleset, outcome, "granted",
            deciding=granted, findings=findings, equivalent_to=equivalent_to, caveats=caveats,
            level=eqf_level(diploma.degree) if levelled else None, readings=readings,
        )  # fmt: skip
    reason = "not-covered" if all(finding.status == "not-covered" for finding in findings) else "condition-unmet"
    return _verdict(
        diploma, target, on, ruleset, Outcome.NOT_RECOGNISED, reason, deciding=list(findings), findings=findings
    )


def _known(diploma: Diploma, fact: str, value: bool) -> Diploma:
    changes: dict[str, Any] = {fact: value}
    return attrs.evolve(diploma, **changes)


def _named(granted: list[Finding]) -> list[Finding]:
    """The granted findings whose comparable degrees a decision names: those of the strongest effect that names
    degrees. Where a weaker-named effect (R2003's admission equivalence) sits beside a stronger one that names none
    (level recognition), the decision keeps what the naming rule said."""
    naming = [finding for finding in granted if finding.row is not None]
    if not naming:
        return []
    best = max(EFFECTS[finding.rule.effect].strength for finding in naming)
    return [finding for finding in naming if EFFECTS[finding.rule.effect].strength == best]


def _arts_unstated(diploma: Diploma, named: list[Finding]) -> list[ComparableRow]:
    """Where the caller did not say whether the programme is arts education: the arts rows that would widen the
    comparable degrees (the set itself is that of a programme that is not arts education); their caveats say so."""
    if diploma.arts is not None:
        return []
    found = []
    for finding in named:
        arts_row = finding.rule.comparable_row(diploma.awarded_by, diploma.degree, True)
        if (
            finding.row is not None
            and arts_row is not None
            and arts_row.if_arts_unstated is not None
            and set(arts_row.to) - set(finding.row.to)
        ):
            found.append(arts_row)
    return found


def _assess(rule: Rule, diploma: Diploma, ruleset: RuleSet) -> Finding:
    source, degree = diploma.awarded_by, diploma.degree
    if (source, degree) not in rule.covers:
        return Finding(rule, "not-covered")
    values = {}
    derived: list[str] = []
    for fact in rule.requires:
        value = FACTS[fact](diploma)
        if value is None and fact == "recognised" and diploma.accredited is True:
            # Where the rule data reads accreditation as implying recognition for this degree (a reading, named).
            found = [
                reading.id
                for reading in ruleset.readings_for(rule.id, "recognised-from-accreditation")
                if reading.concerns(source, degree)
            ]
            if found:
                value = True
                derived.extend(found)
        values[fact] = value
    row = rule.comparable_row(source, degree, diploma.arts)
    unmet = tuple(fact for fact, value in values.items() if value is False)
    if unmet:
        return Finding(rule, "unmet", unmet, row, tuple(derived))
    unknown = tuple(fact for fact, value in values.items() if value is None)
    if unknown:
        return Finding(rule, "unknown", unknown, row, tuple(derived))
    return Finding(rule, "granted", (), row, tuple(derived))


def _verdict(
    diploma: Diploma,
    target: str,
    on: date,
    ruleset: RuleSet,
    outcome: Outcome,
    reason: str,
    *,
    deciding: list[Finding] | tuple[Finding, ...] = (),
    findings: tuple[Finding, ...] = (),
    equivalent_to: tuple[Degree, ...] = (),
    caveats: tuple[str, ...] = (),
    missing: tuple[str, ...] = (),
    level: int | None = None,
    pending: tuple[Rule, ...] = (),
    readings: tuple[str, ...] | None = None,
    packs: tuple[str, ...] = (),
    alternatives: tuple[tuple[str, bool, Outcome], ...] = (),
) -> Verdict:
    return Verdict(
        outcome=outcome,
        equivalent_to=equivalent_to,
        equivalent_level=level,
        rules=tuple(finding.rule.id for finding in deciding),
        citations=tuple(finding.rule.citation for finding in deciding),
        caveats=caveats,
        missing=missing,
        readings=readings if readings is not None else _readings(diploma, findings, ruleset, pending),
        reason=reason,
        instruments=tuple(dict.fromkeys(rule.instrument.id for rule in ruleset.between(diploma.awarded_by, target))),
        findings=findings,
        version=ruleset.version,
        ruleset=ruleset,
        packs=packs,
        alternatives=alternatives,
    )


def _readings(
    diploma: Diploma,
    findings: tuple[Finding, ...],
    ruleset: RuleSet,
    pending: tuple[Rule, ...] = (),
    named: list[Finding] | None = None,
) -> tuple[str, ...]:
    """The library's own readings of the law that the findings relied on; ``pending`` are the rules not yet in
    force on the assessment date, whose entry into force may itself be a reading; ``named`` the findings whose
    comparable-degree rows the decision names (a row may rest on a reading)."""
    found: dict[str, None] = {}
    situations_by_rule: list[tuple[Rule, list[str]]] = [(rule, ["entry-into-force"]) for rule in pending]
    for finding in findings:
        situations = ["not-covered" if finding.status == "not-covered" else "covered"]
        if finding.status != "not-covered":
            situations.append("entry-into-force")
            if diploma.awarded_on < finding.rule.in_force.valid_from:
                situations.append("awarded-before-in-force")
            if diploma.accredited is True and "accredited" in finding.rule.requires:
                situations.append("accreditation-implausible")
        situations_by_rule.append((finding.rule, situations))
    for rule, situations in situations_by_rule:
        for when in situations:
            for reading in ruleset.readings_for(rule.id, when):
                if reading.concerns(diploma.awarded_by, diploma.degree) and (
                    reading.before is None or diploma.awarded_on < reading.before
                ):
                    found[reading.id] = None
    for finding in findings:
        found.update(dict.fromkeys(finding.readings))
    for finding in named or ():
        if finding.row is not None:
            found.update(dict.fromkeys(finding.row.readings))
    return tuple(found)
