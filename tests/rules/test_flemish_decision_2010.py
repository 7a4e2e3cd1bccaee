"""rules/flemish-decision-2010.toml: the Flemish Government's decision of 17 September 2010, one way only: Dutch
bachelor, master and doctor degrees are equivalent in Flanders; Flemish degrees gain nothing in the Netherlands."""

from __future__ import annotations

from datetime import date

import pytest

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence
from tests.rules import boundaries

FLANDERS = RuleSet.load("flanders")
WITH_NVAO = RuleSet.load("nvao", "flanders")


def decide(source, degree, target, on, rules=FLANDERS, accredited=True, recognised=True):
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
    rule = "VL2010-doctor" if degree == "doctorate" else "VL2010"
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (Outcome.LEVEL_EQUIVALENT, level, (rule,))
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
    assert not {"VL2010", "VL2010-doctor"} & set(beside_the_treaty.rules)


def test_a_dutch_doctorate_the_treaty_does_not_cover_is_level_equivalent():
    decision = decide("NL", "doctorate", "VL", date(2012, 1, 1), rules=WITH_NVAO, accredited=None)
    assert (decision.outcome, decision.rules) == (Outcome.LEVEL_EQUIVALENT, ("VL2010-doctor",))
    assert "bvr-2010-doctorate-condition" in decision.readings
    # Recognition of a doctorate means conferment by an entitled institution, and the wording says so.
    assert "conferred by an institution entitled to confer doctorates: yes" in decision.explain("en")
    assert "verleend door een instelling die bevoegd is het doctoraat te verlenen: ja" in decision.explain("nl")
    assert "institution and programme recognised" not in decision.explain("en")


def test_a_dutch_doctorate_stated_accredited_is_still_decided_by_its_conferment():
    decision = decide("NL", "doctorate", "VL", date(2012, 1, 1), rules=WITH_NVAO, recognised=None)
    assert (decision.outcome, decision.missing) == (Outcome.UNDETERMINED, ("recognised",))


# FACTS §3 [rev]: where level recognition decides beside R2003, the decision keeps R2003's comparable degree with its
# admission-only qualification, and no caveat contradicts the outcome.


def test_beside_r2003_level_equivalence_decides_and_keeps_r2003s_comparable_degree():
    decision = decide("NL", "wo-bachelor", "VL", date(2012, 1, 1), rules=WITH_NVAO, recognised=None)
    assert decision.outcome is Outcome.LEVEL_EQUIVALENT
    assert decision.rules == ("R2003", "VL2010")
    assert decision.equivalent_level == 6
    assert decision.equivalent_to == ("academic-bachelor",)
    assert "admission-only-comparable" in decision.caveats
    assert "admission-only" not in decision.caveats  # it would contradict the level recognition
    assert "bvr-2010-accreditation-condition" in decision.readings
    assert (
        "The comparable degree named rests on Art. 11(1) (original text) and holds for admission to further study"
        in decision.explain("en")
    )
    assert (
        "De vermelde overeenkomstige graad berust op art. 11, eerste lid (oorspronkelijke tekst), en geldt voor de "
        "toelating tot een vervolgopleiding" in decision.explain("nl")
    )


def test_the_same_case_with_all_packs_keeps_r2003_too():
    diploma = Diploma(awarded_by="NL", degree="wo-bachelor", awarded_on=date(2009, 7, 1), accredited=True)
    decision = check_equivalence(diploma, target="VL", on=date(2012, 1, 1), rules=RuleSet.load("all"))
    assert (decision.outcome, decision.equivalent_to, decision.rules) == (
        Outcome.LEVEL_EQUIVALENT, ("academic-bachelor",), ("R2003", "VL2010"),
    )  # fmt: skip
    assert "admission-only" not in decision.caveats


def test_a_rule_that_granted_nothing_beside_a_grant_is_considered_not_the_legal_basis():
    diploma = Diploma(awarded_by="NL", degree="hbo-bachelor", awarded_on=date(2012, 7, 1), accredited=True)
    decision = check_equivalence(diploma, target="VL", on=date(2013, 9, 1), rules=RuleSet.load("all"))
    dutch, english = decision.explain("nl").splitlines(), decision.explain().splitlines()
    assert (
        "Getoetst aan: regel VL2010-doctor, het besluit in zijn geheel (de artikelen waren niet beschikbaar), Besluit "
        "van de Vlaamse Regering van 17 september 2010 (BS 12 oktober 2010), van kracht vanaf 22 oktober 2010"
    ) in dutch
    assert (
        "Considered: rule VL2010-doctor, the decision as a whole (its articles were not available), Flemish Government "
        "decision of 17 September 2010 (BS 12 oktober 2010), in force from 2010-10-22"
    ) in english
    assert [line.split(",")[0] for line in dutch if line.startswith("Rechtsgrond:")] == [
        "Rechtsgrond: regel R2003", "Rechtsgrond: regel VL2010",
    ]  # fmt: skip
    # Where nothing is granted, every rule considered stays the legal basis the refusal rests on.
    refused = Diploma(awarded_by="NL", degree="hbo-bachelor", awarded_on=date(2012, 7, 1), accredited=False)
    text = check_equivalence(refused, target="VL", on=date(2013, 9, 1), rules=RuleSet.load("all")).explain("nl")
    assert "Getoetst aan:" not in text
    assert "Rechtsgrond: regel VL2010-doctor" in text


@pytest.mark.parametrize(("on", "rules"), [(date(2010, 10, 21), ("R2003",)), (date(2010, 10, 22), ("R2003", "VL2010"))])
def test_the_day_before_and_the_day_vl2010_applies_beside_r2003(on, rules):
    decision = decide("NL", "wo-master", "VL", on, rules=WITH_NVAO)
    assert decision.rules == rules
    assert decision.equivalent_to == ("master",)
    expected = "admission-only" if len(rules) == 1 else "admission-only-comparable"
    assert expected in decision.caveats


def test_vl2010_requires_accreditation_for_bachelor_and_master():
    # A reading: the decision's operative articles were not found; its Art. 1 defines NVAO.
    refused = decide("NL", "hbo-master", "VL", date(2012, 1, 1), accredited=False)
    assert (refused.outcome, refused.reason) == (Outcome.NOT_RECOGNISED, "condition-unmet")
    unknown = decide("NL", "hbo-master", "VL", date(2012, 1, 1), accredited=None)
    assert (unknown.outcome, unknown.missing) == (Outcome.UNDETERMINED, ("accredited",))
    # Recognition without accreditation does not stand in for it.
    assert decide("NL", "hbo-master", "VL", date(2012, 1, 1), accredited=False, recognised=True).outcome is (
        Outcome.NOT_RECOGNISED
    )


def test_the_entry_into_force_date_is_named_as_a_reading_also_before_it():
    # 2010-10-22 is the library's reading of the decision's entry into force; it decides this outcome too.
    decision = decide("NL", "wo-master", "VL", date(2010, 10, 21))
    assert (decision.outcome, decision.reason) == (Outcome.NOT_RECOGNISED, "no-rule-in-force")
    assert decision.readings == ("bvr-2010-entry-into-force",)
    assert "[bvr-2010-entry-into-force]" in decision.explain()
