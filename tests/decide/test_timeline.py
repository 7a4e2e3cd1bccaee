"""timeline(): the outcome as a function of the assessment date."""

from __future__ import annotations

from datetime import date

from nvao_equivalence import Diploma, Outcome, Period, timeline


def test_a_diploma_awarded_before_the_treaty_passes_through_every_rule():
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=date(2003, 6, 30), accredited=True)
    comparable = ("hbo-master", "wo-master")
    assert timeline(diploma, target="NL") == (
        Period(date(2003, 6, 30), date(2005, 2, 1), Outcome.NOT_RECOGNISED, (), ()),
        Period(date(2005, 2, 1), date(2014, 4, 1), Outcome.ADMISSION_EQUIVALENT, comparable, ("R2003",)),
        Period(date(2014, 4, 1), None, Outcome.EQUIVALENT, comparable, ("R2014",)),
    )


def test_a_diploma_awarded_under_r2003():
    diploma = Diploma(awarded_by="NL", degree="hbo-bachelor", awarded_on=date(2010, 7, 1), accredited=False)
    assert timeline(diploma, target="Vlaanderen") == (
        Period(date(2010, 7, 1), date(2014, 4, 1), Outcome.NOT_RECOGNISED, (), ("R2003",)),
        Period(date(2014, 4, 1), None, Outcome.NOT_RECOGNISED, (), ("R2014",)),
    )


def test_a_diploma_awarded_on_the_day_r2014_came_into_force_has_one_period():
    diploma = Diploma(awarded_by="NL", degree="wo-master", awarded_on=date(2014, 4, 1))
    assert timeline(diploma, target="VL") == (Period(date(2014, 4, 1), None, Outcome.UNDETERMINED, (), ("R2014",)),)


def test_not_applicable_is_one_open_period():
    diploma = Diploma(awarded_by="NL", degree="wo-master", awarded_on=date(2001, 1, 1), accredited=True)
    assert timeline(diploma, target="NL") == (Period(date(2001, 1, 1), None, Outcome.NOT_APPLICABLE, (), ()),)
    assert timeline(diploma, target="DE") == (Period(date(2001, 1, 1), None, Outcome.NOT_APPLICABLE, (), ()),)
