"""The same laws over every bundled rule pack at once: the NVAO treaty beside the Benelux decisions, the
Benelux-Baltic treaty and the 2010 Flemish decision, with diplomas from all their jurisdictions."""

from __future__ import annotations

from hypothesis import given

from nvao_equivalence import RuleSet
from nvao_equivalence.strategies import DecisionCase, decision_cases
from tests.properties.invariants import (
    check_amendments_never_overlap,
    check_derived_recognition,
    check_knowledge_is_monotone,
    check_named_symmetry,
    check_nothing_granted_is_lost,
    check_one_outcome,
    check_rules_in_force,
    check_timeline,
)

RULES = RuleSet.load("all")
cases = decision_cases(rules=RULES)


@given(cases)
def test_one_outcome_over_every_pack(case: DecisionCase) -> None:
    """Exactly one outcome per case, deterministic and JSON-safe, whichever instruments apply."""
    check_one_outcome(RULES, case)


@given(cases)
def test_amendments_never_overlap_over_every_pack(case: DecisionCase) -> None:
    """An amended text and its amendment are never in force together, whichever packs are loaded."""
    check_amendments_never_overlap(RULES, case)


@given(cases)
def test_named_degrees_stay_symmetric_over_every_pack(case: DecisionCase) -> None:
    """Named comparable degrees stay symmetric when level recognition, one-way in the 2010 Flemish decision, is
    loaded beside them: the outcome may differ, the named effect and degrees may not."""
    check_named_symmetry(RULES, case)


@given(cases)
def test_rules_in_force_over_every_pack(case: DecisionCase) -> None:
    """No rule of any pack decides outside its in-force period, and every decision cites one or says none was."""
    check_rules_in_force(RULES, case)


@given(cases)
def test_timeline_over_every_pack(case: DecisionCase) -> None:
    """Timelines split at every pack's rule changes and agree with check_equivalence."""
    check_timeline(RULES, case)


@given(cases)
def test_knowledge_is_monotone_over_every_pack(case: DecisionCase) -> None:
    """Stating an unknown fact (accreditation, recognition) never turns a decided outcome into another; the
    outcome is undetermined exactly when the possible values decide differently."""
    check_knowledge_is_monotone(RULES, case)


@given(cases)
def test_recognition_derived_from_accreditation_decides_as_if_stated(case: DecisionCase) -> None:
    """Where the rule data derives recognition from accreditation (a Dutch or Flemish programme stated accredited,
    recognition not stated), the decision is the one for recognition stated as yes, and names the reading."""
    check_derived_recognition(RULES, case)


@given(cases)
def test_precedence_keeps_what_every_granting_rule_said(case: DecisionCase) -> None:
    """The strongest effect decides the outcome, yet the comparable degrees a weaker granting rule names stay in
    ``equivalent_to`` (R2003 beside level recognition), every granting rule is cited, and no caveat contradicts
    the outcome."""
    check_nothing_granted_is_lost(RULES, case)
