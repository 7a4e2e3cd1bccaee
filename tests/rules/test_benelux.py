"""rules/benelux.toml: Benelux Decisions M (2015) 3 and M (2018) 1, level recognition between NL, LU and the
three Belgian Communities; and how they sit beside the NVAO treaty."""

from __future__ import annotations

from datetime import date

import pytest

from nvao_equivalence import Diploma, Outcome, RuleSet, check_equivalence
from tests.rules import boundaries

BENELUX = RuleSet.load("benelux")
WITH_NVAO = RuleSet.load("nvao", "benelux")
LEVEL = Outcome.LEVEL_EQUIVALENT


def decide(source, degree, target, on, *, rules=BENELUX, recognised=True, accredited=None, awarded_on=date(2012, 7, 1)):
    return boundaries.decide(
        rules, source, degree, target, on, awarded_on=awarded_on, accredited=accredited, recognised=recognised
    )


@pytest.mark.parametrize(("source", "degree", "target", "level"), [
    ("LU", "bachelor", "NL", 6), ("BE-FR", "master", "VL", 7), ("NL", "wo-master", "BE-DE", 7),
    ("VL", "professional-bachelor", "LU", 6), ("BE-DE", "bachelor", "BE-FR", 6), ("VL", "master-after-master", "NL", 7),
])  # fmt: skip
def test_m_2015_3_recognises_bachelors_and_masters_at_their_level_from_2015_05_18(source, degree, target, level):
    before, decision = boundaries.either_side(
        date(2015, 5, 17), date(2015, 5, 18), lambda on: decide(source, degree, target, on)
    )
    assert (before.outcome, before.reason, before.rules) == (Outcome.NOT_RECOGNISED, "no-rule-in-force", ())
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (LEVEL, level, ("BNL2015",))
    assert decision.equivalent_to == ()
    assert decision.caveats == ("benelux-level-only", "benelux-not-professional")


@pytest.mark.parametrize(("source", "degree", "target", "level"), [
    ("NL", "associate-degree", "VL", 5), ("VL", "graduaat", "NL", 5), ("LU", "short-cycle", "BE-FR", 5),
    ("VL", "doctorate", "NL", 8), ("NL", "doctorate", "LU", 8), ("BE-FR", "doctorate", "VL", 8),
])  # fmt: skip
def test_m_2018_1_adds_short_cycle_and_doctorate_from_2018_01_25(source, degree, target, level):
    before, decision = boundaries.either_side(
        date(2018, 1, 24), date(2018, 1, 25), lambda on: decide(source, degree, target, on)
    )
    assert (before.outcome, before.reason, before.rules) == (Outcome.NOT_RECOGNISED, "not-covered", ("BNL2015",))
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (LEVEL, level, ("BNL2018",))


def test_recognition_is_the_condition():
    assert decide("LU", "bachelor", "NL", date(2020, 1, 1), recognised=False).outcome is Outcome.NOT_RECOGNISED
    unknown = decide("LU", "bachelor", "NL", date(2020, 1, 1), recognised=None)
    assert (unknown.outcome, unknown.missing) == (Outcome.UNDETERMINED, ("recognised",))


# FACTS §3 [rev]: for Dutch and Flemish programmes NVAO accredits, accreditation implies recognition, unless the
# caller states recognition as no; the converse does not hold; for a doctorate accreditation plays no part.


def test_nvao_accreditation_implies_recognition_for_an_accredited_dutch_bachelor():
    decision = decide("NL", "hbo-bachelor", "BE-FR", date(2015, 5, 18), recognised=None, accredited=True)
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (LEVEL, 6, ("BNL2015",))
    assert "benelux-recognised-from-accreditation" in decision.readings
    assert "recognised under the awarding party's law: yes, derived from accreditation" in decision.explain("en")
    assert (
        "erkend naar het recht van het land of de gemeenschap van uitreiking: ja, afgeleid uit de accreditatie"
    ) in decision.explain("nl")
    # The day before the decision came into force, nothing grants it.
    before = decide("NL", "hbo-bachelor", "BE-FR", date(2015, 5, 17), recognised=None, accredited=True)
    assert before.outcome is Outcome.NOT_RECOGNISED


def test_a_stated_no_wins_over_recognition_derived_from_accreditation():
    decision = decide("NL", "wo-bachelor", "LU", date(2020, 1, 1), recognised=False, accredited=True)
    assert (decision.outcome, decision.reason) == (Outcome.NOT_RECOGNISED, "condition-unmet")
    assert "benelux-recognised-from-accreditation" not in decision.readings


def test_no_accreditation_does_not_mean_no_recognition():
    # A Flemish programme covered only by an institutional review is recognised without programme accreditation.
    decision = decide("VL", "master", "NL", date(2020, 1, 1), recognised=None, accredited=False)
    assert (decision.outcome, decision.missing) == (Outcome.UNDETERMINED, ("recognised",))
    assert "With recognised = yes the outcome would be: level-equivalent." in decision.explain()


def test_a_doctorate_is_recognised_by_its_conferment_not_by_accreditation():
    decision = decide("NL", "doctorate", "LU", date(2018, 1, 25), recognised=None, accredited=True)
    assert (decision.outcome, decision.missing) == (Outcome.UNDETERMINED, ("recognised",))
    assert "conferred by an institution entitled to confer doctorates: unknown" in decision.explain("en")
    conferred = decide("NL", "doctorate", "LU", date(2018, 1, 25), recognised=True)
    assert "benelux-doctorate-conferment" in conferred.readings
    assert "verleend door een instelling die bevoegd is het doctoraat te verlenen: ja" in conferred.explain("nl")


def test_other_jurisdictions_keep_recognition_as_an_input():
    decision = decide("LU", "bachelor", "NL", date(2020, 1, 1), recognised=None, accredited=True)
    assert (decision.outcome, decision.missing) == (Outcome.UNDETERMINED, ("recognised",))


@pytest.mark.parametrize(("on", "rules"), [
    (date(2014, 3, 31), ("R2003",)), (date(2015, 5, 18), ("R2014", "BNL2015")),
])  # fmt: skip
def test_an_accredited_dutch_bachelor_in_flanders_is_never_undetermined_for_recognition(on, rules):
    decision = decide("NL", "hbo-bachelor", "VL", on, rules=WITH_NVAO, recognised=None, accredited=True)
    assert decision.rules == rules
    assert decision.outcome in (Outcome.ADMISSION_EQUIVALENT, Outcome.EQUIVALENT)


@pytest.mark.parametrize("target", ["DE", "FR"])
def test_other_countries_are_not_parties(target):
    decision = decide("NL", "wo-bachelor", target, date(2020, 1, 1))
    assert (decision.outcome, decision.reason) == (Outcome.NOT_APPLICABLE, "not-a-party")


def test_estonia_joins_the_pack_only_through_the_2021_treaty():
    decision = decide("NL", "wo-bachelor", "EE", date(2020, 1, 1))
    assert (decision.outcome, decision.reason) == (Outcome.NOT_RECOGNISED, "no-rule-in-force")


# Beside the NVAO treaty: the strongest effect wins, and every rule that granted something is cited.


def test_where_both_grant_equivalence_wins_and_both_rules_are_cited():
    decision = decide("NL", "wo-bachelor", "VL", date(2016, 1, 1), rules=WITH_NVAO, accredited=True, recognised=True)
    assert decision.outcome is Outcome.EQUIVALENT
    assert decision.rules == ("R2014", "BNL2015")
    assert decision.equivalent_to == ("academic-bachelor",)
    assert decision.equivalent_level == 6
    assert decision.instruments == (
        "nvao-treaty-2003", "nvao-protocol-2013", "benelux-m-2015-3", "benelux-m-2018-1", "recognition-treaty-2021",
    )  # fmt: skip
    assert decision.caveats == (
        "additional-requirements", "additional-requirements-vl", "academic-level-only", "not-programme-specific-vl",
        "benelux-level-only", "benelux-not-professional",
    )  # fmt: skip


def test_a_flemish_doctorate_in_the_netherlands_is_level_equivalent_from_2018_01_25():
    before = decide("VL", "doctorate", "NL", date(2018, 1, 24), rules=WITH_NVAO)
    assert (before.outcome, before.rules) == (Outcome.NOT_RECOGNISED, ("R2014", "BNL2015"))
    decision = decide("VL", "doctorate", "NL", date(2018, 1, 25), rules=WITH_NVAO)
    assert (decision.outcome, decision.equivalent_level, decision.rules) == (LEVEL, 8, ("BNL2018",))


def test_unknown_accreditation_still_matters_where_the_treaty_would_grant_more():
    decision = decide("VL", "master", "NL", date(2016, 1, 1), rules=WITH_NVAO, accredited=None, recognised=True)
    assert (decision.outcome, decision.missing, decision.rules) == (Outcome.UNDETERMINED, ("accredited",), ("R2014",))
    assert "With accredited = no the outcome would be: level-equivalent." in decision.explain()


def test_the_default_rule_set_stays_the_nvao_treaty_alone():
    diploma = Diploma(awarded_by="LU", degree="bachelor", awarded_on=date(2016, 7, 1), recognised=True)
    assert check_equivalence(diploma, target="NL", on=date(2020, 1, 1)).outcome is Outcome.NOT_APPLICABLE


# FACTS §3 [rev]: the official titles, and no invented one.


def test_the_benelux_decisions_carry_their_official_titles():
    rules = RuleSet.load("all")
    titles = {item.id: item.title for item in rules.instruments}
    assert titles["benelux-m-2015-3"].nl == (
        "Benelux Beschikking M (2015) 3 van het Benelux Comité van Ministers betreffende de automatische wederzijdse "
        "generieke niveauerkenning van diploma's hoger onderwijs"
    )
    assert titles["benelux-m-2015-3"].en == (
        "Decision M(2015)3 of the Benelux Committee of Ministers concerning the automatic mutual generic level "
        "recognition of higher education degrees"
    )
    assert titles["benelux-m-2018-1"].nl == "Benelux Beschikking M (2018) 1 van 25 januari 2018"
    assert titles["recognition-treaty-2021"].nl == (
        "Verdrag betreffende de automatische erkenning van diploma's in het hoger onderwijs (met Bijlagen); "
        "Brussel, 14 september 2021"
    )
    assert (
        titles["recognition-treaty-2021"].en == "Treaty on the Automatic Recognition of Higher Education Qualifications"
    )
    assert titles["bvr-2010-09-17"].nl == (
        "Besluit van de Vlaamse Regering houdende vaststelling van de academische gelijkwaardigheid van Nederlandse "
        "diploma's van het hoger onderwijs"
    )
    sources = [source.title for source in rules.instruments[2].sources]
    assert any(title.startswith("Besluit van de Vlaamse Regering van 26 oktober 2018") for title in sources)


@pytest.mark.parametrize(("on", "outcome"), [(date(2015, 5, 17), Outcome.NOT_RECOGNISED), (date(2015, 5, 18), LEVEL)])
def test_an_accredited_flemish_master_is_recognised_in_luxembourg_from_the_day_m_2015_3_applies(on, outcome):
    decision = decide("VL", "master", "LU", on, recognised=None, accredited=True)
    assert decision.outcome is outcome
    assert ("benelux-recognised-from-accreditation" in decision.readings) == (outcome is LEVEL)
