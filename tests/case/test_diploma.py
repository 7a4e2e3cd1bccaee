"""Diploma and Accreditation: their fields, their validation, and that they are frozen."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from nvao_equivalence import Accreditation, Degree, Diploma
from nvao_equivalence.exceptions import EquivalenceError, InvalidDiplomaError, InvalidInputError

BASE = {"awarded_by": "VL", "degree": "academic-bachelor", "awarded_on": "2016-07-01"}


def diploma(**changes):
    return Diploma(**{**BASE, **changes})


def invalid(callable_, *args, **kwargs) -> str:
    """Call, expect InvalidDiplomaError (also a ValueError and an EquivalenceError), return its message."""
    with pytest.raises(InvalidDiplomaError) as caught:
        callable_(*args, **kwargs)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, EquivalenceError)
    assert isinstance(error, InvalidInputError)
    return str(error)


# ---------------------------------------------------------------------------
# Fields


def test_fields_are_canonicalised():
    d = Diploma(
        awarded_by="Vlaanderen",
        degree="banaba",
        awarded_on="1 juli 2016",
        accredited=True,
        arts=True,
        programme="Bachelor in de verpleegkunde",
        institution="Hogeschool Zuidkust",
    )
    assert d.awarded_by == "VL"
    assert d.degree is Degree.BACHELOR_AFTER_BACHELOR
    assert d.awarded_on == date(2016, 7, 1)
    assert d.accredited is True
    assert d.arts is True
    assert d.accreditations == ()
    assert d.programme == "Bachelor in de verpleegkunde"
    assert d.institution == "Hogeschool Zuidkust"


def test_defaults():
    d = diploma()
    assert d.accredited is None
    assert d.arts is None  # not stated: never "no"
    assert d.accreditations == ()
    assert d.programme is None
    assert d.institution is None


def test_equal_diplomas_written_differently_are_equal():
    a = Diploma(awarded_by="VL", degree="academic-bachelor", awarded_on=date(2016, 7, 1), accredited=True)
    b = Diploma(awarded_by="Flanders", degree="Academische Bachelor", awarded_on="01-07-2016", accredited=True)
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize("value", [True, False, None])
def test_accredited_accepts_true_false_none(value):
    assert diploma(accredited=value).accredited is value


@pytest.mark.parametrize("value", [1, 0, "yes", "True", "ja", 1.0, [True]])
def test_accredited_rejects_anything_else(value):
    message = invalid(diploma, accredited=value)
    assert message.startswith("accredited: ")
    assert repr(value) in message
    assert "valid: True, False, or None" in message


@pytest.mark.parametrize("value", [True, False, None])
def test_arts_accepts_true_false_none(value):
    assert diploma(arts=value).arts is value


@pytest.mark.parametrize("value", [1, 0, "no", "yes"])
def test_arts_rejects_anything_else(value):
    message = invalid(diploma, arts=value)
    assert message.startswith("arts: ")
    assert repr(value) in message
    assert "valid: True, False, or None" in message


@pytest.mark.parametrize("field", ["programme", "institution"])
@pytest.mark.parametrize("value", [5, b"bytes", ["x"]])
def test_programme_and_institution_must_be_text_or_none(field, value):
    message = invalid(diploma, **{field: value})
    assert message.startswith(f"{field}: ")
    assert repr(value) in message
    assert "valid: text or None" in message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("BE", "VL (Flemish Community), BE-FR (French Community), BE-DE (German-speaking Community)"),
        ("Belgium", "BE-FR (French Community)"),
        ("ZZ", "valid: NL, VL (Flemish Community), BE-FR, BE-DE"),
        (5, "valid: NL, VL, BE-FR, BE-DE"),
        (None, "valid: NL, VL, BE-FR, BE-DE"),
    ],
)
def test_awarded_by_errors(value, words):
    message = invalid(diploma, awarded_by=value)
    assert message.startswith("awarded_by: ")
    assert repr(value) in message
    assert words in message


@pytest.mark.parametrize(
    ("awarded_by", "degree", "valid"),
    [
        ("VL", "hbo-bachelor", "valid: graduaat, professional-bachelor, academic-bachelor"),
        ("NL", "graduaat", "valid: associate-degree, hbo-bachelor, wo-bachelor, hbo-master, wo-master, doctorate"),
        ("DE", "wo-bachelor", "valid: short-cycle, bachelor, master, doctorate"),
    ],
)
def test_degree_of_the_wrong_system(awarded_by, degree, valid):
    message = invalid(diploma, awarded_by=awarded_by, degree=degree)
    assert message.startswith("degree: ")
    assert repr(degree) in message
    assert valid in message


@pytest.mark.parametrize("value", [5, None, Degree])
def test_degree_must_be_text(value):
    message = invalid(diploma, degree=value)
    assert message == f"degree: {value!r} is not a degree name"


# ---------------------------------------------------------------------------
# Accreditation periods


def test_accreditation_fields():
    period = Accreditation("1 september 2015", "01-09-2021")
    assert period.valid_from == date(2015, 9, 1)
    assert period.valid_until == date(2021, 9, 1)
    assert Accreditation(date(2015, 9, 1)).valid_until is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2015, 8, 31), False), (date(2015, 9, 1), True), (date(2021, 8, 31), True), (date(2021, 9, 1), False)],
)
def test_accreditation_covers_half_open(day, expected):
    assert Accreditation("2015-09-01", "2021-09-01").covers(day) is expected


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [("2016-07-01", "2016-07-01"), ("2016-07-01", "2016-06-30"), ("2020-01-01", "2010-01-01")],
)
def test_accreditation_must_end_after_it_starts(valid_from, valid_until):
    message = invalid(Accreditation, valid_from, valid_until)
    assert message.startswith("valid_until: ")
    assert f"{date.fromisoformat(valid_until).isoformat()} is not after valid_from {valid_from}" in message
    assert "valid: a later date, or None for open-ended" in message


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "field", "bad"),
    [
        ("7/13/2016", None, "valid_from", "7/13/2016"),
        (datetime(2016, 7, 1), None, "valid_from", datetime(2016, 7, 1)),
        ("2016-07-01", "garbage", "valid_until", "garbage"),
        ("2016-07-01", 2020, "valid_until", 2020),
    ],
)
def test_accreditation_dates_are_validated(valid_from, valid_until, field, bad):
    message = invalid(Accreditation, valid_from, valid_until)
    assert message.startswith(f"{field}: ")
    assert repr(bad) in message


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        ((Accreditation("2016-07-01", "2022-07-01"),), True),  # awarded on valid_from: accredited
        ((Accreditation("2010-07-01", "2016-07-01"),), False),  # awarded on valid_until: not accredited
        ((Accreditation("2010-07-01", "2016-07-02"),), True),  # the last day of the period
        ((Accreditation("2010-07-01"),), True),  # open-ended
        ((Accreditation("2016-07-02"),), False),  # starts the day after
        ((Accreditation("2004-01-01", "2010-01-01"), Accreditation("2010-01-01", "2016-07-01")), False),
        ((Accreditation("2004-01-01", "2010-01-01"), Accreditation("2016-07-01")), True),
        ([Accreditation("2010-07-01", "2016-07-01"), Accreditation("2016-07-01")], True),  # a list is accepted
    ],
)
def test_accredited_is_derived_from_accreditations(periods, expected):
    d = diploma(accreditations=periods)
    assert d.accredited is expected
    assert d.accreditations == tuple(periods)
    assert isinstance(d.accreditations, tuple)


@pytest.mark.parametrize(
    ("accredited", "periods", "derived"),
    [(True, (Accreditation("2016-07-02"),), False), (False, (Accreditation("2010-07-01"),), True)],
)
def test_explicit_accredited_must_agree_with_accreditations(accredited, periods, derived):
    message = invalid(diploma, accredited=accredited, accreditations=periods)
    assert message == (
        f"accredited: {accredited!r} contradicts accreditations, which say {derived!r} for the award date "
        f"2016-07-01; valid: {derived!r}, or leave accredited out"
    )


@pytest.mark.parametrize("value", [(Accreditation("2010-07-01"),), [Accreditation("2010-07-01")]])
def test_explicit_accredited_agreeing_with_accreditations_is_kept(value):
    assert diploma(accredited=True, accreditations=value).accredited is True


@pytest.mark.parametrize("value", ["x", None, ("2010-01-01",), (Accreditation("2010-01-01"), "2020-01-01"), 5])
def test_accreditations_must_be_accreditation_objects(value):
    message = invalid(diploma, accreditations=value)
    assert message == f"accreditations: {value!r} is not valid; valid: a tuple of Accreditation"


# ---------------------------------------------------------------------------
# Frozen; attrs.evolve


@pytest.mark.parametrize(
    ("field", "value"),
    [("accredited", False), ("awarded_by", "NL"), ("degree", "master"), ("awarded_on", date(2017, 1, 1))],
)
def test_diploma_is_frozen(field, value):
    d = diploma(accredited=True)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(d, field, value)
    assert d == diploma(accredited=True)


def test_accreditation_is_frozen():
    period = Accreditation("2010-01-01")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        period.valid_until = date(2020, 1, 1)  # type: ignore[misc]
    assert period.valid_until is None


def test_evolve_changes_one_field_and_keeps_the_original():
    original = diploma(accredited=True)
    changed = attrs.evolve(original, accredited=False)
    assert changed.accredited is False
    assert original.accredited is True
    assert changed.degree is Degree.ACADEMIC_BACHELOR
    assert changed.awarded_on == date(2016, 7, 1)


def test_evolve_converts_and_validates_like_the_constructor():
    original = diploma(accredited=True)
    moved = attrs.evolve(original, awarded_by="Nederland", degree="WO-BA", awarded_on="1 juli 2017")
    assert (moved.awarded_by, moved.degree, moved.awarded_on) == ("NL", Degree.WO_BACHELOR, date(2017, 7, 1))
    assert attrs.evolve(original, degree="banaba").degree is Degree.BACHELOR_AFTER_BACHELOR
    message = invalid(attrs.evolve, original, accredited=1)
    assert message.startswith("accredited: 1 ")
    message = invalid(attrs.evolve, original, awarded_by="NL")  # academic-bachelor is not a Dutch degree
    assert message.startswith("degree: ")
    assert "academic-bachelor" in message


def test_evolve_of_a_derived_accredited_rederives_it():
    # accredited was never given: it was derived from the accreditations, so a new
    # award date (or new accreditations) must derive it again, not contradict it.
    original = diploma(awarded_on="2015-07-01", accreditations=(Accreditation("2010-01-01", "2016-07-01"),))
    assert original.accredited is True
    later = attrs.evolve(original, awarded_on="2017-01-01")
    assert later.accredited is False


def test_the_repr_shows_the_keywords_as_a_caller_writes_them_and_builds_an_equal_diploma():
    period = Accreditation("2015-09-01", "2021-09-01")
    diploma = Diploma(
        awarded_by="Vlaanderen", degree="banaba", awarded_on="1 juli 2016", accreditations=(period,), programme="x"
    )
    assert diploma.accredited is True  # derived from the period: not what the caller stated
    assert repr(diploma) == (
        "Diploma(awarded_by='VL', degree='bachelor-after-bachelor', awarded_on=datetime.date(2016, 7, 1), "
        "accredited=None, arts=None, accreditations=(Accreditation(valid_from=datetime.date(2015, 9, 1), "
        "valid_until=datetime.date(2021, 9, 1), source=None),), programme='x', institution=None, recognised=None, "
        "source=None)"
    )
    names = {"datetime": __import__("datetime"), "Diploma": Diploma, "Accreditation": Accreditation}
    assert eval(repr(diploma), names) == diploma


@attrs.frozen
class _OfficeDiploma(Diploma):
    """A caller's own attrs subclass: attrs writes its __init__, which must still convert and check every field."""

    applicant: str = ""


def test_an_attrs_subclass_is_converted_and_checked_as_a_diploma_is():
    built = _OfficeDiploma(awarded_by="Vlaanderen", degree="banaba", awarded_on="1-7-2016", accredited=True,
                           applicant="S001")  # fmt: skip
    assert (built.awarded_by, built.degree, built.awarded_on, built.accredited, built.applicant) == (
        "VL", Degree.BACHELOR_AFTER_BACHELOR, date(2016, 7, 1), True, "S001"
    )  # fmt: skip
    with pytest.raises(InvalidDiplomaError, match=r"^accredited: 7 is not valid"):
        _OfficeDiploma(awarded_by="VL", degree="banaba", awarded_on="1-7-2016", accredited=7)
    with pytest.raises(InvalidDiplomaError, match=r"^degree: 5 is not a degree name"):
        _OfficeDiploma(awarded_by="VL", degree=5, awarded_on="1-7-2016")


def test_the_fields_say_what_each_takes():
    # attrs.fields is public: the converters of the fields a caller writes as text stay there (Hypothesis'
    # st.builds reads them), though Diploma's own __init__ checks the fields in one pass.
    fields = attrs.fields(Diploma)
    assert [field.name for field in fields if field.converter is not None] == [
        "awarded_by", "degree", "awarded_on", "accreditations"
    ]  # fmt: skip
