"""What a decision is asked, checked: the diploma, the target, the assessment date, the rules and the register; each
wrong value refused with an :class:`~nvao_equivalence.exceptions.InvalidAssessmentError` naming what is valid."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import in_field
from nvao_equivalence._vocabulary.dates import parse_date
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.exceptions import InvalidAssessmentError

if TYPE_CHECKING:
    from nvao_equivalence._registers.records import RegisterAnswer
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = [
    "DEFAULT_RULES",
    "ORDER_PROBLEM",
    "assessment_date",
    "assessment_target",
    "consult",
    "default_rule_set",
    "prepare",
    "rule_set",
]

#: The message for an assessment date before the award date; data frames build it per row from the same text.
ORDER_PROBLEM = N_("on: the assessment date {on} precedes the award date {awarded_on}; valid: {awarded_on} or later")


def prepare(diploma: object, target: object, rules: object) -> tuple[RuleSet, str]:
    if type(diploma) is not Diploma and not isinstance(diploma, Diploma):
        raise InvalidAssessmentError(f"diploma: expected a Diploma, found {diploma!r}")
    ruleset = rule_set(rules)
    return ruleset, assessment_target(target)


def rule_set(rules: object) -> RuleSet:
    """``rules``, or the default rule set for ``None``; raises InvalidAssessmentError for anything else."""
    if rules is None:
        return default_rule_set()
    from nvao_equivalence._rulebook.ruleset import RuleSet

    if not isinstance(rules, RuleSet):
        raise InvalidAssessmentError(f"rules: expected a RuleSet or None, found {rules!r}")
    return rules


def assessment_target(target: object) -> str:
    """The canonical code of the target jurisdiction; raises InvalidAssessmentError naming what is valid."""
    if not isinstance(target, str):
        raise InvalidAssessmentError(f"target: expected a jurisdiction code such as 'NL' or 'VL', found {target!r}")
    try:
        return canonical_jurisdiction(target)
    except ValueError as error:
        raise InvalidAssessmentError(in_field("target", error)) from None


#: The bundled rule set once loaded (empty until then); the engine's fast path reads it without a call.
DEFAULT_RULES: list[RuleSet] = []


def default_rule_set() -> RuleSet:
    # Loaded on first use, not with the package: loading rules needs the loader, which importing need not.
    if not DEFAULT_RULES:
        from nvao_equivalence._rulebook.ruleset import default_rules

        DEFAULT_RULES.append(default_rules())
    return DEFAULT_RULES[0]


def consult(diploma: Diploma, register: object) -> tuple[Diploma, RegisterAnswer | None]:
    """The diploma with its programme's accreditation periods from ``register``, and the register's answer."""
    if register is None:
        return diploma, None
    from nvao_equivalence._registers.register import AccreditationRegister

    if not isinstance(register, AccreditationRegister):
        raise InvalidAssessmentError(f"register: expected an AccreditationRegister or None, found {register!r}")
    return register.apply(diploma)


def assessment_date(on: object) -> date:
    """The assessment date from a ``date`` or text; raises InvalidAssessmentError naming what is valid."""
    if type(on) is date:
        return on
    try:
        return parse_date(on, field="on")
    except ValueError as error:
        raise InvalidAssessmentError(error.args[0]) from None
