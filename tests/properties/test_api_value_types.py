"""Every public entry point answers a value of the wrong type with its documented error, never with a foreign
``TypeError``, ``AttributeError`` or ``ValueError`` raised from inside (an array's own "truth value is ambiguous",
an unhashable value in a cache)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from nvao_equivalence import (
    Accreditation,
    AccreditationRegister,
    Diploma,
    RuleSet,
    check_equivalence,
    timeline,
)
from nvao_equivalence.exceptions import (
    InvalidAssessmentError,
    InvalidDiplomaError,
    InvalidInputError,
    RegisterDataError,
    RuleDataError,
)


class ArrayLike:
    """Behaves as a numpy array does where it matters: no truth value, elementwise ``==``, not hashable."""

    __hash__ = None  # type: ignore[assignment]

    def __bool__(self) -> bool:
        raise ValueError("The truth value of an array with more than one element is ambiguous")

    def __eq__(self, other: object) -> bool:
        raise ValueError("elementwise comparison")

    def __len__(self) -> int:
        return 2

    def __iter__(self) -> Any:
        return iter([1, 2])

    def __repr__(self) -> str:
        return "array([1, 2])"


class Unhashable(str):
    """A str subclass that cannot be a dict key or a cache's."""

    __hash__ = None  # type: ignore[assignment]


ARRAY = ArrayLike()
VALUES = [ARRAY, Unhashable("NL"), Unhashable("nonsense"), 1, 1.5, None, [1], {"a": 1}, b"NL", object()]
IDS = ["array", "unhashable-NL", "unhashable-text", "int", "float", "None", "list", "dict", "bytes", "object"]

BASE = {"awarded_by": "NL", "degree": "wo-bachelor", "awarded_on": "2016-07-01"}
DIPLOMA = Diploma(**BASE, accredited=True, programme="34001")
REGISTER = AccreditationRegister.from_records([])


def diploma_with(field: str) -> Callable[[Any], object]:
    return lambda value: Diploma(**{**BASE, field: value})


def accreditation_with(field: str) -> Callable[[Any], object]:
    return lambda value: Accreditation(**{"valid_from": "2010-01-01", field: value})


DIPLOMA_FIELDS = (
    "awarded_by", "degree", "awarded_on", "accredited", "arts", "accreditations", "programme", "institution",
    "recognised", "source",
)  # fmt: skip
PERIOD_FIELDS = ("valid_from", "valid_until", "source")

# A text names a file, which does not exist here: that is the loader's own documented error.
FILE_ERRORS = {
    "RuleSet.from_paths": RuleDataError,
    "AccreditationRegister.from_rio_csv": RegisterDataError, "AccreditationRegister.from_deqar_json": RegisterDataError,
    "AccreditationRegister.from_path": RegisterDataError,
}  # fmt: skip

CALLS: dict[str, tuple[Callable[[Any], object], type[Exception]]] = {
    **{f"Diploma {field}": (diploma_with(field), InvalidDiplomaError) for field in DIPLOMA_FIELDS},
    "Diploma accreditations item": (lambda value: Diploma(**BASE, accreditations=(value,)), InvalidDiplomaError),
    **{f"Accreditation {field}": (accreditation_with(field), InvalidDiplomaError) for field in PERIOD_FIELDS},
    "check_equivalence diploma": (
        lambda value: check_equivalence(value, target="VL", on="2020-01-01"),
        InvalidAssessmentError,
    ),
    "check_equivalence target": (
        lambda value: check_equivalence(DIPLOMA, target=value, on="2020-01-01"),
        InvalidAssessmentError,
    ),
    "check_equivalence on": (lambda value: check_equivalence(DIPLOMA, target="VL", on=value), InvalidAssessmentError),
    "check_equivalence rules": (
        lambda value: check_equivalence(DIPLOMA, target="VL", on="2020-01-01", rules=value),
        InvalidAssessmentError,
    ),
    "check_equivalence register": (
        lambda value: check_equivalence(DIPLOMA, target="VL", on="2020-01-01", register=value),
        InvalidAssessmentError,
    ),
    "timeline target": (lambda value: timeline(DIPLOMA, target=value), InvalidAssessmentError),
    "Decision.explain lang": (
        lambda value: check_equivalence(DIPLOMA, target="VL", on="2020-01-01").explain(value),
        InvalidInputError,
    ),
    "Decision.summary lang": (
        lambda value: check_equivalence(DIPLOMA, target="VL", on="2020-01-01").summary(value),
        InvalidInputError,
    ),
    "RuleSet.load": (lambda value: RuleSet.load(value), InvalidInputError),
    "RuleSet.from_paths": (lambda value: RuleSet.from_paths(value), InvalidInputError),
    "RuleSet.validate": (lambda value: RuleSet.validate(value), InvalidInputError),
    "register.lookup programme": (lambda value: REGISTER.lookup(value, date(2020, 1, 1)), InvalidInputError),
    "register.lookup day": (lambda value: REGISTER.lookup("34001", value), InvalidInputError),
    "register.lookup institution": (
        lambda value: REGISTER.lookup("34001", date(2020, 1, 1), institution=value),
        InvalidInputError,
    ),
    "register.records": (lambda value: REGISTER.records(value), InvalidInputError),
    "register.apply": (lambda value: REGISTER.apply(value), InvalidInputError),
    "AccreditationRegister.from_records": (lambda value: AccreditationRegister.from_records(value), InvalidInputError),
    "AccreditationRegister.from_records item": (
        lambda value: AccreditationRegister.from_records([value]),
        InvalidInputError,
    ),
    "AccreditationRegister.from_rio_csv": (lambda value: AccreditationRegister.from_rio_csv(value), InvalidInputError),
    "AccreditationRegister.from_deqar_json": (
        lambda value: AccreditationRegister.from_deqar_json(value),
        InvalidInputError,
    ),
    "AccreditationRegister.from_path": (lambda value: AccreditationRegister.from_path(value), InvalidInputError),
}

# The values an entry point accepts: a str subclass holding valid text is read as that text.
ACCEPTED = {
    ("Diploma awarded_by", "unhashable-NL"),
    ("Diploma programme", "unhashable-NL"), ("Diploma programme", "unhashable-text"),
    ("Diploma institution", "unhashable-NL"), ("Diploma institution", "unhashable-text"),
    ("Diploma source", "unhashable-NL"), ("Diploma source", "unhashable-text"),
    ("Diploma recognised", "None"), ("Diploma accredited", "None"), ("Diploma arts", "None"),
    ("Diploma programme", "None"),
    ("Diploma institution", "None"), ("Diploma source", "None"),
    ("Accreditation valid_until", "None"), ("Accreditation source", "None"),
    ("Accreditation source", "unhashable-NL"), ("Accreditation source", "unhashable-text"),
    ("check_equivalence rules", "None"), ("check_equivalence register", "None"),
    ("check_equivalence target", "unhashable-NL"), ("timeline target", "unhashable-NL"),
    ("register.lookup programme", "unhashable-NL"), ("register.lookup programme", "unhashable-text"),
    ("register.lookup institution", "unhashable-NL"), ("register.lookup institution", "unhashable-text"),
    ("register.lookup institution", "None"),
    ("register.records", "unhashable-NL"), ("register.records", "unhashable-text"),
    ("AccreditationRegister.from_records", "list"),  # an iterable, though its item is not a record
}  # fmt: skip


@pytest.mark.parametrize(("kind", "value"), list(zip(IDS, VALUES, strict=True)), ids=IDS)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_value_of_any_type_gets_the_documented_error(call: str, kind: str, value: object) -> None:
    function, documented = CALLS[call]
    if (call, kind) in ACCEPTED and call != "AccreditationRegister.from_records":
        function(value)  # no error at all
        return
    if kind.startswith("unhashable") and call == "RuleSet.validate":  # reported, not raised: the file is absent
        assert [type(problem) for problem in function(value)] == [RuleDataError]  # type: ignore[attr-defined]
        return
    if kind.startswith("unhashable") and call in FILE_ERRORS:
        documented = FILE_ERRORS[call]
    with pytest.raises(documented) as raised:
        function(value)
    assert str(raised.value)  # it says something
    if issubclass(documented, InvalidInputError):
        assert isinstance(raised.value, ValueError)  # every input error is also a ValueError


def test_an_unhashable_str_subclass_is_read_as_its_text() -> None:
    diploma = Diploma(awarded_by=Unhashable("Vlaanderen"), degree=Unhashable("banaba"), awarded_on="2016-07-01")
    assert (diploma.awarded_by, diploma.degree) == ("VL", "bachelor-after-bachelor")
    decision = check_equivalence(diploma, target=Unhashable("NL"), on="2020-01-01")
    assert decision.target == "NL"
    assert decision.summary(Unhashable("nl")) == decision.summary("nl")


def test_an_array_as_accreditations_names_the_field_and_what_is_valid() -> None:
    with pytest.raises(InvalidDiplomaError) as raised:
        Diploma(**BASE, accreditations=ARRAY)
    assert str(raised.value) == "accreditations: array([1, 2]) is not valid; valid: a tuple of Accreditation"


def test_a_value_whose_repr_fails_is_still_named_by_its_type() -> None:
    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    with pytest.raises(InvalidDiplomaError) as raised:
        Diploma(**BASE, accreditations=Broken())
    assert str(raised.value) == "accreditations: <a Broken object> is not valid; valid: a tuple of Accreditation"


def test_a_text_stream_or_a_datetime_is_refused_for_a_register() -> None:
    with pytest.raises(InvalidInputError, match=r"opened in binary mode \('rb'\)$"):
        AccreditationRegister.from_rio_csv(io.StringIO("ERKENDEOPLEIDINGSCODE\n"))
    with pytest.raises(InvalidInputError, match=r"^day: datetime\.datetime\(2020, 1, 1, 0, 0\) is not valid"):
        REGISTER.lookup("34001", datetime(2020, 1, 1))
