"""rules/benelux-baltic-treaty.toml: the Treaty on the Automatic Recognition of Higher Education Qualifications
(Trb. 2021, 122), level recognition between the Benelux countries and Estonia, Latvia and Lithuania."""

from __future__ import annotations

from datetime import date

import pytest

from nvao_equivalence import Outcome, RuleSet
from tests.rules import boundaries

TREATY = boundaries.rule_file("benelux-baltic-treaty.toml")
BENELUX = RuleSet.load("benelux")


def decide(source, degree, target, on, rules=TREATY, recognised=True):
    return boundaries.decide(rules, source, degree, target, on, awarded_on=date(2020, 7, 1), recognised=recognised)


@pytest.mark.parametrize(("source", "degree", "target", "level"), [
    ("EE", "master", "NL", 7), ("LV", "bachelor", "VL", 6), ("LT", "doctorate", "BE-FR", 8),
    ("NL", "associate-degree", "EE", 5), ("VL", "graduaat", "LT", 5), ("LU", "short-cycle", "LV", 5),
])  # fmt: skip
def test_every_qualification_is_recognised_at_its_level_from_2024_05_01(source, degree, target, level):
    before, decision = boundaries.either_side(
        date(2024, 4, 30), date(2024, 5, 1), lambda on: decide(source, degree, target, on)
    )
    assert (before.outcome, before.reason) == (Outcome.NOT_RECOGNISED, "no-rule-in-force")
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (
        Outcome.LEVEL_EQUIVALENT,
        level,
        ("BB2024",),
    )
    assert decision.caveats == ("treaty-2021-level-only", "treaty-2021-not-professional")


def test_a_qualification_not_recognised_at_home_is_not_recognised():
    assert decide("EE", "master", "NL", date(2025, 1, 1), recognised=False).outcome is Outcome.NOT_RECOGNISED


def test_beside_the_benelux_decisions_both_rules_are_cited():
    decision = decide("LU", "bachelor", "NL", date(2024, 5, 1), rules=BENELUX)
    assert decision.outcome is Outcome.LEVEL_EQUIVALENT
    assert decision.rules == ("BNL2015", "BB2024")


def test_the_baltic_states_among_themselves_are_outside_the_treaty_only_if_not_parties():
    # Estonia and Latvia are both parties: the treaty applies between them too.
    assert decide("EE", "bachelor", "LV", date(2024, 5, 1)).outcome is Outcome.LEVEL_EQUIVALENT
    assert decide("EE", "bachelor", "FI", date(2024, 5, 1)).outcome is Outcome.NOT_APPLICABLE
