"""The diploma being assessed, and the accreditation periods of its programme."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import attrs

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message, field, in_field
from nvao_equivalence._vocabulary.dates import in_period, parse_date
from nvao_equivalence._vocabulary.degrees import Degree, canonical_degree
from nvao_equivalence._vocabulary.jurisdictions import CANONICAL_CODES, canonical_jurisdiction
from nvao_equivalence.exceptions import CredentialError, InvalidDiplomaError

__all__ = ["Accreditation", "Diploma"]


def _to_date(value: object, field: str) -> date:
    try:
        return parse_date(value, field=field)
    except ValueError as error:
        raise InvalidDiplomaError(error.args[0]) from None


def _valid_from(value: object) -> date:
    return _to_date(value, "valid_from")


def _valid_until(value: object) -> date | None:
    return None if value is None else _to_date(value, "valid_until")


def _awarded_on(value: object) -> date:
    return _to_date(value, "awarded_on")


def _jurisdiction(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidDiplomaError(
            Message(
                N_("{field}: {value!r} is not a jurisdiction code; valid: NL, VL, BE-FR, BE-DE, DE, …"),
                field=field("awarded_by"),
                value=value,
            )
        )
    try:
        return canonical_jurisdiction(value)
    except ValueError as error:
        raise InvalidDiplomaError(in_field("awarded_by", error)) from None


def _strict(kind: type | tuple[type, ...], what: str) -> Any:
    """A validator that names the field, the bad value and what is valid."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidDiplomaError(
                Message(
                    N_("{field}: {value!r} is not valid; valid: {what}"),
                    field=field(attribute.name),
                    value=value,
                    what=what,
                )
            )

    return check


@attrs.frozen
class Accreditation:
    """A period in which a programme held NVAO accreditation (or had passed the new-programme assessment).

    Half-open: ``valid_from`` is the first day, ``valid_until`` the first day
    *without* accreditation (RIO's vervaldatum); ``None`` means open-ended.
    ``source`` optionally says where the period comes from (a register record,
    as :mod:`nvao_equivalence.registers` cites it); it does not take part in
    comparisons.

    >>> a = Accreditation("2015-09-01", "2021-09-01")
    >>> a.covers(date(2021, 8, 31)), a.covers(date(2021, 9, 1))
    (True, False)
    """

    valid_from: date = attrs.field(converter=_valid_from)
    valid_until: date | None = attrs.field(default=None, converter=_valid_until)
    source: str | None = attrs.field(default=None, eq=False, validator=_strict((str, type(None)), "text or None"))

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise InvalidDiplomaError(
                Message(
                    N_(
                        "{field}: {until} is not after {start_field} {start}; "
                        "valid: a later date, or None for open-ended"
                    ),
                    field=field("valid_until"),
                    start_field=field("valid_from"),
                    until=self.valid_until.isoformat(),
                    start=self.valid_from.isoformat(),
                )
            )

    def covers(self, day: date) -> bool:
        """Whether the programme was accredited on ``day``."""
        return in_period(day, self.valid_from, self.valid_until)


def _not_known_or_unknown(name: str, value: object) -> Message:
    return Message(
        N_("{field}: {value!r} is not valid; valid: True, False, or None when it is not known"),
        field=field(name),
        value=value,
    )


def _accreditations(value: object) -> tuple[Accreditation, ...]:
    # Checked by type before anything else: an array-like value may refuse ``==`` and ``bool()`` (numpy does).
    if not isinstance(value, (tuple, list)) or not all(isinstance(item, Accreditation) for item in value):
        raise InvalidDiplomaError(f"accreditations: {_shown(value)} is not valid; valid: a tuple of Accreditation")
    return value if type(value) is tuple else tuple(value)


def _degree_name(value: object) -> Degree:
    # A degree name means something only in its awarding system: the checks resolve it once awarded_by is known.
    # Until then it is the caller's text; this converter only lets a generated __init__ accept text.
    return cast(Degree, value)


def _shown(value: object) -> str:
    """``repr(value)`` for a message, or its type when the value cannot even say what it is."""
    try:
        return repr(value)
    except Exception:  # any failure of a foreign __repr__ means the same here
        return f"<a {type(value).__name__} object>"


@attrs.frozen(repr=False, init=False)
class Diploma:
    """A higher-education diploma: who awarded it, which degree, on which day.

    ``awarded_by`` is a jurisdiction: ``"NL"``, ``"VL"`` (the Flemish
    Community, which governs Flemish higher education), ``"BE-FR"``,
    ``"BE-DE"`` or another ISO 3166-1 alpha-2 code; common names are accepted
    (``"Vlaanderen"``, ``"Netherlands"``). ``degree`` is a degree of that
    system (:class:`Degree`; aliases such as ``"banaba"`` or ``"HBO-BA"`` are
    accepted). ``awarded_on`` is the award date: a ``date`` or text, read
    day-first.

    ``accredited`` says whether, on the award date, the programme was
    NVAO-accredited or had passed NVAO's new-programme assessment (Art. 11(3)
    original, 11(4) amended); ``None`` means unknown, never "no". Given
    ``accreditations`` (periods of accreditation), it is derived from them for
    the award date, and :func:`attrs.evolve` derives it again. ``arts`` marks
    arts education (kunstonderwijs), which Art. 11(2) of the amended text
    treats specially; ``None`` (the default) means not stated, read as not
    arts education for the comparable degrees, with a caveat where arts
    education would widen them. ``recognised`` says whether the institution and programme were
    recognised under the awarding party's own higher-education law on the award
    date (the condition of the Benelux instruments); ``None`` means unknown.
    ``source`` optionally says where the facts come from, as
    :meth:`from_credential` records it (which field gave the award date and
    the country, and that no seal was verified); like
    :attr:`Accreditation.source` it does not take part in comparisons.

    Raises :class:`~nvao_equivalence.exceptions.InvalidDiplomaError` for any
    field that is not valid.

    >>> d = Diploma(awarded_by="Vlaanderen", degree="banaba", awarded_on="1 juli 2016", accredited=True)
    >>> d.awarded_by, d.degree, d.awarded_on
    ('VL', <Degree.BACHELOR_AFTER_BACHELOR: 'bachelor-after-bachelor'>, datetime.date(2016, 7, 1))
    """

    # Checked and converted by the __init__ below (attrs generates none here). The converters say what each field
    # takes, for attrs.fields and for the __init__ attrs generates for a subclass (which then checks the rest in
    # __attrs_post_init__).
    awarded_by: str = attrs.field(converter=_jurisdiction)
    degree: Degree = attrs.field(converter=_degree_name)
    awarded_on: date = attrs.field(converter=_awarded_on)
    # What the caller stated; the public `accredited` below is derived from it and the accreditations.
    # Kept apart so that attrs.evolve (which passes the stated value on) derives it again.
    _stated_accredited: bool | None = attrs.field(default=None, alias="accredited", repr=False, eq=False)
    arts: bool | None = None
    accreditations: tuple[Accreditation, ...] = attrs.field(default=(), converter=_accreditations)
    programme: str | None = None
    institution: str | None = None
    recognised: bool | None = None
    # Where the diploma's facts come from (a credential, read by Diploma.from_credential); not compared.
    source: str | None = attrs.field(default=None, eq=False)
    accredited: bool | None = attrs.field(init=False)

    @classmethod
    def from_credential(cls, data: object, **keywords: Any) -> Diploma:
        """The diploma a digital credential describes: a European Digital Credential (ELM v3 JSON-LD) or an
        EMREX ELMO XML document; see :func:`nvao_equivalence.credentials.diploma_from_credential` for ``data``
        and the keywords. Raises :class:`~nvao_equivalence.exceptions.CredentialError`."""
        # Imported here, not with the package: the credential readers are not needed to build a diploma by hand.
        from nvao_equivalence._credentials.fields import diploma_fields

        described, fields = diploma_fields(data, **keywords)
        try:
            return cls(**fields)
        except InvalidDiplomaError as error:
            raise CredentialError(f"the {described} does not give a valid diploma: {error}") from None

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._arguments())
        return f"{type(self).__name__}({shown})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """For Hypothesis' (and IPython's) pretty printer: the same keywords as the repr, broken over lines."""
        with printer.group(4, f"{type(self).__name__}(", ")"):
            for index, (name, value) in enumerate(self._arguments()):
                if index:
                    printer.text(",")
                    printer.breakable()
                printer.text(f"{name}=")
                printer.pretty(value)

    def _arguments(self) -> tuple[tuple[str, object], ...]:
        """The keyword arguments that build this diploma again, as a caller writes them: ``accredited`` as stated
        (derived again from ``accreditations``), the degree by its name. A failing example can be pasted back."""
        return (
            ("awarded_by", self.awarded_by),
            ("degree", self.degree.value),
            ("awarded_on", self.awarded_on),
            ("accredited", self._stated_accredited),
            ("arts", self.arts),
            ("accreditations", self.accreditations),
            ("programme", self.programme),
            ("institution", self.institution),
            ("recognised", self.recognised),
            ("source", self.source),
        )

    def __attrs_post_init__(self) -> None:
        # Only the __init__ attrs generates for a subclass calls this (Diploma's own, below, does not): the
        # converters have run, and the rest of the checks and the derived `accredited` are Diploma's own.
        Diploma.__init__(
            self, self.awarded_by, self.degree, self.awarded_on, self._stated_accredited, self.arts,
            self.accreditations, self.programme, self.institution, self.recognised, self.source,
        )  # fmt: skip

    def __init__(
        self,
        awarded_by: str,
        degree: Degree | str,
        awarded_on: date | str,
        accredited: bool | None = None,
        arts: bool | None = None,
        accreditations: tuple[Accreditation, ...] | list[Accreditation] = (),
        programme: str | None = None,
        institution: str | None = None,
        recognised: bool | None = None,
        source: str | None = None,
    ) -> None:
        # Written by hand, with the signature attrs would generate from the fields above (attrs.evolve calls it the
        # same way): a diploma is built for every row of an intake file, and attrs' generated __init__ sets each
        # frozen field through object.__setattr__, which cost several times the checks. The checks run in one pass,
        # in the order the converters and checks ran before, so that the first wrong field is the one reported;
        # the messages name the field, value and what is valid.
        if type(awarded_by) is not str or awarded_by not in CANONICAL_CODES:  # a code as the rules write it: as is
            awarded_by = _jurisdiction(awarded_by)
        if type(awarded_on) is not date:
            awarded_on = _awarded_on(awarded_on)
        if type(accreditations) is not tuple or accreditations:
            accreditations = _accreditations(accreditations)
        if not isinstance(degree, str):
            raise InvalidDiplomaError(
                Message(N_("{field}: {value!r} is not a degree name"), field=field("degree"), value=degree)
            )
        try:
            # A degree name means something only in its awarding system, now known.
            degree = canonical_degree(degree, awarded_by)
        except ValueError as error:
            raise InvalidDiplomaError(in_field("degree", error)) from None
        if accredited is not None and type(accredited) is not bool:
            raise InvalidDiplomaError(_not_known_or_unknown("accredited", accredited))
        if recognised is not None and type(recognised) is not bool:
            raise InvalidDiplomaError(_not_known_or_unknown("recognised", recognised))
        if arts is not None and type(arts) is not bool:
            raise InvalidDiplomaError(_not_known_or_unknown("arts", arts))
        if programme is not None or institution is not None or source is not None:
            for name, text in (("programme", programme), ("institution", institution), ("source", source)):
                if text is not None and not isinstance(text, str):
                    raise InvalidDiplomaError(f"{name}: {text!r} is not valid; valid: text or None")
        derived = accredited
        if accreditations:
            derived = any(period.covers(awarded_on) for period in accreditations)
            if accredited is not None and accredited != derived:
                raise InvalidDiplomaError(
                    Message(
                        N_(
                            "{field}: {stated!r} contradicts {periods}, which say {derived!r} for the award date "
                            "{day}; valid: {derived!r}, or leave {field} out"
                        ),
                        field=field("accredited"),
                        periods=field("accreditations"),
                        stated=accredited,
                        derived=derived,
                        day=awarded_on.isoformat(),
                    )
                )
        _set_awarded_by(self, awarded_by)
        _set_degree(self, degree)
        _set_awarded_on(self, awarded_on)
        _set_stated_accredited(self, accredited)
        _set_arts(self, arts)
        _set_accreditations(self, accreditations)
        _set_programme(self, programme)
        _set_institution(self, institution)
        _set_recognised(self, recognised)
        _set_source(self, source)
        _set_accredited(self, derived)


# The frozen slots' own setters (member descriptors): a frozen class's __setattr__ refuses, these do not, and they
# cost less than the object.__setattr__ calls attrs generates.
_set_awarded_by = Diploma.__dict__["awarded_by"].__set__
_set_degree = Diploma.__dict__["degree"].__set__
_set_awarded_on = Diploma.__dict__["awarded_on"].__set__
_set_stated_accredited = Diploma.__dict__["_stated_accredited"].__set__
_set_arts = Diploma.__dict__["arts"].__set__
_set_accreditations = Diploma.__dict__["accreditations"].__set__
_set_programme = Diploma.__dict__["programme"].__set__
_set_institution = Diploma.__dict__["institution"].__set__
_set_recognised = Diploma.__dict__["recognised"].__set__
_set_source = Diploma.__dict__["source"].__set__
_set_accredited = Diploma.__dict__["accredited"].__set__
