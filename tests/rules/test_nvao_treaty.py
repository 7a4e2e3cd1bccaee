"""The bundled NVAO treaty rules (rules/nvao-treaty.toml), against the legal specification.

Expected values are written out here, from Article 11 of the treaty (original
text, in force 2005-02-01 to 2014-03-31) and as amended by the Protocol (in
force from 2014-04-01), and the comparable-degree table of Art. 11(1)(a)-(c)
and (2).
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from nvao_equivalence import Accreditation, Diploma, Outcome, RuleSet, check_equivalence
from tests.paths import RULES
from tests.rules import boundaries

RULE_FILE = RULES / "nvao-treaty.toml"

EQ = Outcome.EQUIVALENT
ADM = Outcome.ADMISSION_EQUIVALENT
NO = Outcome.NOT_RECOGNISED
UNDET = Outcome.UNDETERMINED
NA = Outcome.NOT_APPLICABLE

IN_R2003 = date(2010, 6, 1)
IN_R2014 = date(2020, 6, 1)


def decide(source, degree, on, *, target=None, awarded_on=date(2004, 7, 1), accredited=True, arts=False):
    target = target or {"NL": "VL", "VL": "NL"}[source]
    return boundaries.decide(None, source, degree, target, on, awarded_on=awarded_on, accredited=accredited, arts=arts)


# FACTS §2, the comparable-degree table: (from, degree, arts) -> comparable degrees in the target, in order.
COMPARABLE = [
    ("NL", "hbo-bachelor", False, ("professional-bachelor",)),  # (a)
    ("NL", "hbo-bachelor", True, ("professional-bachelor", "academic-bachelor")),  # (2)
    ("NL", "wo-bachelor", False, ("academic-bachelor",)),  # (b)
    ("NL", "wo-bachelor", True, ("academic-bachelor",)),
    ("NL", "hbo-master", False, ("master",)),  # (c)
    ("NL", "hbo-master", True, ("master",)),
    ("NL", "wo-master", False, ("master",)),
    ("NL", "wo-master", True, ("master",)),
    ("VL", "professional-bachelor", False, ("hbo-bachelor",)),  # (a)
    ("VL", "professional-bachelor", True, ("hbo-bachelor",)),
    ("VL", "bachelor-after-bachelor", False, ("hbo-bachelor",)),
    ("VL", "bachelor-after-bachelor", True, ("hbo-bachelor",)),
    ("VL", "academic-bachelor", False, ("wo-bachelor",)),  # (b)
    ("VL", "academic-bachelor", True, ("wo-bachelor", "hbo-bachelor")),  # (b) and (2)
    ("VL", "master", False, ("hbo-master", "wo-master")),  # (c)
    ("VL", "master", True, ("hbo-master", "wo-master")),
    ("VL", "master-after-master", False, ("hbo-master", "wo-master")),
    ("VL", "master-after-master", True, ("hbo-master", "wo-master")),
]

NOT_COVERED = [
    ("NL", "associate-degree"),
    ("NL", "doctorate"),
    ("VL", "graduaat"),
    ("VL", "doctorate"),
]


@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_r2014_makes_accredited_degrees_equivalent_to_their_comparable_degrees(source, degree, arts, comparable):
    decision = decide(source, degree, IN_R2014, arts=arts)
    assert decision.outcome is EQ
    assert decision.equivalent_to == comparable
    assert decision.rules == ("R2014",)
    assert decision.missing == ()


@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_r2003_makes_the_same_degrees_admission_equivalent(source, degree, arts, comparable):
    decision = decide(source, degree, IN_R2003, arts=arts)
    assert decision.outcome is ADM
    assert decision.equivalent_to == comparable
    assert decision.rules == ("R2003",)
    assert "r2003-comparable-table" in decision.readings


@pytest.mark.parametrize(("on", "outcome", "rules"), [
    (date(2005, 1, 31), NO, ()),
    (date(2005, 2, 1), ADM, ("R2003",)),
    (date(2014, 3, 31), ADM, ("R2003",)),
    (date(2014, 4, 1), EQ, ("R2014",)),
])  # fmt: skip
@pytest.mark.parametrize(("source", "degree"), [("NL", "wo-bachelor"), ("VL", "professional-bachelor")])
def test_boundary_dates(source, degree, on, outcome, rules):
    decision = decide(source, degree, on)
    assert (decision.outcome, decision.rules) == (outcome, rules)


def test_before_the_treaty_nothing_is_in_force():
    decision = decide("VL", "master", date(2005, 1, 31))
    assert decision.reason == "no-rule-in-force"
    assert decision.equivalent_to == ()
    assert decision.citations == ()
    assert "2005-02-01" in decision.explain()
    assert "Nuffic / IDW" in decision.explain()  # the target side's recognition centre


@pytest.mark.parametrize("on", [date(2005, 1, 31), IN_R2003, IN_R2014])
@pytest.mark.parametrize("accredited", [True, False, None])
@pytest.mark.parametrize(("source", "degree"), NOT_COVERED)
def test_short_cycle_and_doctorates_are_never_recognised(source, degree, accredited, on):
    decision = decide(source, degree, on, accredited=accredited)
    assert decision.outcome is NO
    assert decision.equivalent_to == ()
    assert decision.missing == ()  # unknown accreditation does not matter when the degree is not covered


@pytest.mark.parametrize(
    ("on", "rule", "reading"), [(IN_R2003, "R2003", "r2003-short-cycle"), (IN_R2014, "R2014", "r2014-short-cycle")]
)
@pytest.mark.parametrize(("source", "degree"), [("NL", "associate-degree"), ("VL", "graduaat")])
def test_short_cycle_exclusion_is_stated_as_the_librarys_reading(source, degree, on, rule, reading):
    decision = decide(source, degree, on)
    assert decision.reason == "not-covered"
    assert decision.rules == (rule,)
    assert decision.readings == (reading,)


@pytest.mark.parametrize(("source", "degree"), [("NL", "doctorate"), ("VL", "doctorate")])
def test_doctorate_has_no_reading_it_is_simply_not_covered(source, degree):
    decision = decide(source, degree, IN_R2014)
    assert decision.reason == "not-covered"
    assert decision.readings == ()


@pytest.mark.parametrize("on", [IN_R2003, IN_R2014])
@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_not_accredited_on_the_award_date_is_not_recognised(source, degree, arts, comparable, on):
    decision = decide(source, degree, on, accredited=False, arts=arts)
    assert decision.outcome is NO
    assert decision.reason == "condition-unmet"
    assert decision.equivalent_to == ()
    assert decision.caveats == ()


@pytest.mark.parametrize(("on", "rule"), [(IN_R2003, "R2003"), (IN_R2014, "R2014")])
@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_unknown_accreditation_of_a_covered_degree_is_undetermined(source, degree, arts, comparable, on, rule):
    decision = decide(source, degree, on, accredited=None, arts=arts)
    assert decision.outcome is UNDET
    assert decision.missing == ("accredited",)
    assert decision.rules == (rule,)
    assert decision.equivalent_to == ()


@pytest.mark.parametrize(("source", "target"), [
    ("NL", "NL"), ("VL", "VL"),  # same jurisdiction
    ("DE", "NL"), ("NL", "DE"), ("VL", "FR"),  # another country
    ("BE-FR", "VL"), ("VL", "BE-FR"), ("BE-DE", "NL"), ("NL", "BE-DE"),  # Belgium's other Communities
])  # fmt: skip
def test_not_applicable_outside_the_two_parties(source, target):
    degree = {"NL": "wo-bachelor", "VL": "academic-bachelor"}.get(source, "bachelor")
    decision = decide(source, degree, IN_R2014, target=target)
    assert decision.outcome is NA
    assert decision.reason == ("same-jurisdiction" if source == target else "not-a-party")
    assert decision.rules == ()
    assert decision.equivalent_to == ()


@pytest.mark.parametrize(("awarded_on", "on", "outcome"), [
    (date(1999, 7, 1), date(2005, 2, 1), ADM),  # awarded before the treaty, assessed under R2003
    (date(2012, 7, 1), date(2014, 4, 1), EQ),  # awarded under R2003, assessed under R2014
    (date(1999, 7, 1), date(2020, 1, 1), EQ),
])  # fmt: skip
def test_rules_apply_to_diplomas_awarded_before_they_came_into_force(awarded_on, on, outcome):
    decision = decide("NL", "hbo-bachelor", on, awarded_on=awarded_on)
    assert decision.outcome is outcome
    assert "retroactive" in decision.readings


def test_no_retroactivity_reading_for_a_diploma_awarded_under_the_rule():
    assert "retroactive" not in decide("NL", "hbo-bachelor", IN_R2014, awarded_on=date(2015, 7, 1)).readings


@pytest.mark.parametrize(("awarded_on", "outcome"), [
    (date(2009, 12, 31), NO),  # the day before accreditation began
    (date(2010, 1, 1), EQ),  # valid_from is inclusive
    (date(2015, 12, 31), EQ),  # the last accredited day
    (date(2016, 1, 1), NO),  # valid_until is exclusive: lapsed on the award date
])  # fmt: skip
def test_accreditation_is_judged_on_the_award_date(awarded_on, outcome):
    period = Accreditation(valid_from=date(2010, 1, 1), valid_until=date(2016, 1, 1))
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=awarded_on, accreditations=(period,))
    # Assessed long after the accreditation lapsed: a later loss does not undo an awarded diploma.
    assert check_equivalence(diploma, target="NL", on=date(2024, 1, 1)).outcome is outcome


def test_caveats_of_r2014():
    decision = decide("VL", "academic-bachelor", IN_R2014)
    assert decision.caveats == ("additional-requirements", "academic-level-only", "not-programme-specific")


def test_caveats_of_r2003_say_admission_only():
    decision = decide("VL", "academic-bachelor", IN_R2003)
    assert decision.caveats == (
        "additional-requirements", "admission-only", "not-professional-recognition", "not-programme-specific",
    )  # fmt: skip


def test_equivalence_to_a_flemish_professional_bachelor_carries_its_limit_on_master_access():
    decision = decide("NL", "hbo-bachelor", IN_R2014)
    assert decision.caveats[-1] == "no-direct-academic-master"
    # An arts hbo-bachelor is also equivalent to an academic bachelor (Art. 11(2)): the limit does not bind it.
    arts = decide("NL", "hbo-bachelor", IN_R2014, arts=True)
    assert arts.equivalent_to == ("professional-bachelor", "academic-bachelor")
    assert "no-direct-academic-master" not in arts.caveats
    assert "no-direct-academic-master" not in decide("NL", "wo-bachelor", IN_R2014).caveats


@pytest.mark.parametrize(("source", "degree", "on", "readings"), [
    ("NL", "wo-master", IN_R2003, ("r2003-covers-masters", "r2003-comparable-table", "accredited-on-award-date")),
    ("VL", "master-after-master", IN_R2003,
     ("r2003-covers-masters", "r2003-comparable-table", "accredited-on-award-date", "manama-is-master")),
    ("VL", "master-after-master", IN_R2014, ("accredited-on-award-date", "manama-is-master", "retroactive")),
    ("NL", "wo-bachelor", IN_R2003, ("r2003-comparable-table", "accredited-on-award-date")),
])  # fmt: skip
def test_the_librarys_readings_are_named_where_they_decide(source, degree, on, readings):
    decision = decide(source, degree, on, awarded_on=date(2005, 7, 1))
    assert decision.readings == readings
    for reading in readings:
        assert f"[{reading}]" in decision.explain()


def test_citations():
    (r2003,) = decide("NL", "wo-bachelor", IN_R2003).citations
    (r2014,) = decide("NL", "wo-bachelor", IN_R2014).citations
    assert (r2003.instrument, r2003.article, r2003.publication) == ("nvao-treaty-2003", "Art. 11(1)", "Trb. 2003, 167")
    assert (r2014.instrument, r2014.publication) == ("nvao-protocol-2013", "Trb. 2013, 35")
    assert r2003.text_status == r2014.text_status == "verbatim"
    assert r2003.url == "https://wetten.overheid.nl/BWBV0001698"


def test_rule_objects_carry_their_in_force_periods_and_coverage():
    r2003, r2014 = RuleSet.load().rules
    assert (r2003.id, r2003.in_force.valid_from, r2003.in_force.valid_until) == (
        "R2003",
        date(2005, 2, 1),
        date(2014, 4, 1),
    )
    assert (r2014.id, r2014.in_force.valid_from, r2014.in_force.valid_until) == ("R2014", date(2014, 4, 1), None)
    assert r2003.effect == "admission-equivalent"
    assert r2014.effect == "equivalent"
    assert r2003.requires == r2014.requires == ("accredited",)
    assert r2003.covers == r2014.covers
    assert {degree.value for party, degree in r2014.covers if party == "NL"} == {
        "hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master"
    }  # fmt: skip


def test_article_texts_are_the_verbatim_treaty_texts():
    r2003, r2014 = RuleSet.load().rules
    assert r2003.text.body.startswith("1. Afgestudeerden van een door de Accreditatieorganisatie geaccrediteerde")
    assert "recht geeft op doorstroming naar een andere opleiding" in r2003.text.body
    assert r2003.text.body.endswith("met positief gevolg de toets nieuwe opleiding hebben ondergaan.")
    assert "d. De gelijkstelling de gelijkwaardigheid betreft van het academisch niveau" in r2014.text.body
    assert "2. In afwijking van het eerste lid, onderdeel a, wordt het Nederlandse kunstonderwijs" in r2014.text.body
    assert r2014.text.body.endswith("in Vlaanderen respectievelijk in Nederland.")


def test_version_and_digest_identify_the_rule_file():
    content = RULE_FILE.read_bytes()
    expected = hashlib.sha256(b"nvao-treaty.toml\0" + content + b"\0").hexdigest()
    decision = decide("NL", "wo-bachelor", IN_R2014)
    assert (decision.version, decision.digest) == ("nvao-treaty 1.0.0", expected)
