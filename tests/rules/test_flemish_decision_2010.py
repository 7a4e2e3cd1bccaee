"""rules/flemish-decision-2010.toml: the Flemish Government's decision of 17 September 2010, one way only: Dutch
bachelor, master and doctor degrees are equivalent in Flanders; Flemish degrees gain nothing in the Netherlands."""

from __future__ import annotations

from datetime import date

import pytest

from nvao_equivalence import Outcome, RuleSet
from tests.rules import boundaries

FLANDERS = RuleSet.load("flanders")
WITH_NVAO = RuleSet.load("nvao", "flanders")


def decide(source, degree, target, on, rules=FLANDERS, accredited=None, recognised=True):
    return boundaries.decide(
        rules, source, degree, target, on, awarded_on=date(2009, 7, 1), accredited=accredited, recognised=recognised
    )


@pytest.mark.parametrize(("degree", "level"), [
    ("hbo-bachelor", 6), ("wo-bachelor", 6), ("hbo-master", 7), ("wo-master", 7), ("doctorate", 8),
])  # fmt: skip
def test_dutch_degrees_in_flanders_from_2010_10_22(degree, level):
    before, decision = boundaries.either_side(
        date(2010, 10, 21), date(2010, 10, 22), lambda on: decide("NL", degree, "VL", on)
    )
    assert (before.outcome, before.reason) == (Outcome.NOT_RECOGNISED, "no-rule-in-force")
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (
        Outcome.LEVEL_EQUIVALENT,
        level,
        ("VL2010",),
    )
    # The date is the library's reading, and the decision says so.
    assert "bvr-2010-entry-into-force" in decision.readings


def test_the_associate_degree_is_not_covered():
    decision = decide("NL", "associate-degree", "VL", date(2012, 1, 1))
    assert (decision.outcome, decision.reason) == (Outcome.NOT_RECOGNISED, "not-covered")


@pytest.mark.parametrize("degree", ["academic-bachelor", "master", "doctorate"])
def test_it_works_one_way_only(degree):
    alone = decide("VL", degree, "NL", date(2012, 1, 1))
    assert (alone.outcome, alone.reason, alone.rules) == (Outcome.NOT_APPLICABLE, "not-a-party", ())
    beside_the_treaty = decide("VL", degree, "NL", date(2012, 1, 1), rules=WITH_NVAO, accredited=True)
    assert "VL2010" not in beside_the_treaty.rules


def test_a_dutch_doctorate_the_treaty_does_not_cover_is_level_equivalent():
    decision = decide("NL", "doctorate", "VL", date(2012, 1, 1), rules=WITH_NVAO)
    assert (decision.outcome, decision.rules) == (Outcome.LEVEL_EQUIVALENT, ("VL2010",))


def test_beside_r2003_level_equivalence_is_the_stronger_effect_and_both_are_cited():
    decision = decide("NL", "wo-bachelor", "VL", date(2012, 1, 1), rules=WITH_NVAO, accredited=True, recognised=True)
    assert decision.outcome is Outcome.LEVEL_EQUIVALENT
    assert decision.rules == ("R2003", "VL2010")
    assert decision.equivalent_level == 6
    assert decision.equivalent_to == ()  # the stronger effect names no degree


def test_unknown_recognition_leaves_it_open_where_the_decision_would_grant_more():
    decision = decide("NL", "wo-bachelor", "VL", date(2012, 1, 1), rules=WITH_NVAO, accredited=True, recognised=None)
    assert (decision.outcome, decision.missing, decision.rules) == (Outcome.UNDETERMINED, ("recognised",), ("VL2010",))
    assert "With recognised = no the outcome would be: admission-equivalent." in decision.explain()


def test_the_entry_into_force_date_is_named_as_a_reading_also_before_it():
    # 2010-10-22 is the library's reading of the decision's entry into force; it decides this outcome too.
    decision = decide("NL", "wo-master", "VL", date(2010, 10, 21))
    assert (decision.outcome, decision.reason) == (Outcome.NOT_RECOGNISED, "no-rule-in-force")
    assert decision.readings == ("bvr-2010-entry-into-force",)
    assert "[bvr-2010-entry-into-force]" in decision.explain()
