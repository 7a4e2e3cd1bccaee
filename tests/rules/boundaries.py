"""What the tests of every rule file share, as a country's holiday tests share a common base: loading one rule file
alone, deciding a diploma under it, and looking at both sides of the day a rule changes.

A boundary is always tested with two literal dates, the last day before a change and the day of it;
:func:`either_side` checks that they are consecutive, so that a test cannot drift away from its boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from nvao_equivalence import Decision, Diploma, RuleSet, check_equivalence
from tests.paths import RULES


def rule_file(name: str) -> RuleSet:
    """One bundled rule file, loaded alone from ``rules/``, as a reviewer reads it."""
    return RuleSet.from_paths(RULES / name)


def decide(
    rules: RuleSet | None, source: str, degree: str, target: str, on: date, *, awarded_on: date, **facts: Any
) -> Decision:
    """The decision on ``on`` for a diploma of ``degree`` from ``source``, assessed in ``target``."""
    diploma = Diploma(awarded_by=source, degree=degree, awarded_on=awarded_on, **facts)
    return check_equivalence(diploma, target=target, on=on, rules=rules)


def either_side(day_before: date, day: date, decide_on: Callable[[date], Decision]) -> tuple[Decision, Decision]:
    """The decisions on ``day_before`` and on ``day``, which must be consecutive days."""
    assert day_before + timedelta(days=1) == day, f"{day_before} is not the day before {day}"
    return decide_on(day_before), decide_on(day)
