"""The engine knows no instrument: each bundled rule file, loaded alone, decides only within its own jurisdictions,
degrees and dates."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence
from nvao_equivalence._vocabulary.degrees import degrees_of
from tests.paths import RULES

FILES = sorted(path for path in (RULES).glob("*.toml") if path.name != "packs.toml")
JURISDICTIONS = ("NL", "VL", "LU", "BE-FR", "BE-DE", "EE", "LV", "LT", "DE")
GRANTS = (Outcome.EQUIVALENT, Outcome.LEVEL_EQUIVALENT, Outcome.ADMISSION_EQUIVALENT)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_a_rule_file_alone_decides_only_within_its_reach(path):
    rules = RuleSet.from_paths(path)
    changes = [day for rule in rules.rules for day in (rule.in_force.valid_from, rule.in_force.valid_until) if day]
    days = sorted({day + timedelta(days=offset) for day in changes for offset in (-1, 0)})  # the day before, the day
    decided = 0
    for source, target in itertools.permutations(JURISDICTIONS, 2):
        reach = [rule for rule in rules.rules if (source, target) in rule.directions]
        for degree, on in itertools.product(degrees_of(source), days):
            diploma = Diploma(
                awarded_by=source,
                degree=degree,
                awarded_on=days[0] - timedelta(days=400),
                accredited=True,
                recognised=True,
            )
            decision = check_equivalence(diploma, target=target, on=on, rules=rules)
            if not reach:
                assert decision.outcome is Outcome.NOT_APPLICABLE
                continue
            for rule_id in decision.rules:
                rule = rules.rule(rule_id)
                assert rule in reach
                assert rule.in_force.contains(on)
            if decision.outcome in GRANTS:
                decided += 1
                assert all((source, degree) in rules.rule(rule_id).covers for rule_id in decision.rules)
            else:
                assert not any((source, degree) in rule.covers and rule.in_force.contains(on) for rule in reach), (
                    source,
                    target,
                    degree,
                    on,
                )
    assert decided > 0
