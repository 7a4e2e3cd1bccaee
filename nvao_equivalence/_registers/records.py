"""What registers say: their records, the problems met reading them, and their answers, with their wording.

A leaf of the registers: the readers (``rio``, ``deqar``), the lookup and the register itself build these; the
public module :mod:`nvao_equivalence.registers` shows them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import attrs

from nvao_equivalence._case.diploma import Accreditation
from nvao_equivalence._language.catalogue import N_, Phrases, long_date, tr
from nvao_equivalence._vocabulary.dates import in_period

__all__ = ["RegisterAnswer", "RegisterProblem", "RegisterRecord"]


@attrs.frozen
class RegisterRecord:
    """One record of a register about one programme, as an explanation cites it.

    ``register`` is ``"RIO"`` or ``"DEQAR"``; ``programme`` the identifier the record is listed under (a CROHO
    code, or a DEQAR report or programme id such as ``deqar:report:990001``). ``valid_from`` (inclusive) and
    ``valid_until`` (exclusive, ``None`` = open-ended) bound the period; ``valid_from`` is ``None`` when the
    register lists the programme without accreditation dates. ``accredits`` says whether the record counts as
    accreditation (a negative decision does not); ``decision`` is the register's word for it and ``source`` the
    file with its line or record id. ``withdrawn_on`` (RIO's intrekkingsdatum) and ``teach_out_until`` (its
    afbouwdatum) are kept for the explanation; ``level`` is the register's level code (RIO ``NIVEAU`` such as
    ``HBO-BA``, DEQAR ``qf_ehea_level``); ``note`` says how a date was derived.
    """

    register: str
    programme: str
    valid_from: date | None
    valid_until: date | None
    accredits: bool
    decision: str
    # Not compared: RIO repeats a programme's row for every location (vestiging); the first line is cited.
    source: str = attrs.field(eq=False)
    institution: str | None = None
    level: str | None = None
    withdrawn_on: date | None = None
    teach_out_until: date | None = None
    note: str | None = None

    def covers(self, day: date) -> bool:
        """Whether this record accredits the programme on ``day``."""
        return self.accredits and self.valid_from is not None and in_period(day, self.valid_from, self.valid_until)

    def cite(self, lang: str = "en") -> str:
        """The record as an explanation cites it, e.g. ``RIO, CROHO 39999, accredited 2021-03-15, open-ended [...]``."""
        return _cite(self, lang)

    def accreditation(self) -> Accreditation:
        """This record's period as an :class:`~nvao_equivalence.Accreditation` citing it (if it accredits)."""
        if not self.accredits or self.valid_from is None:
            raise ValueError(f"{self.cite()} is not an accreditation period")
        return Accreditation(self.valid_from, self.valid_until, source=self.cite())


@attrs.frozen
class RegisterProblem:
    """A record that could not be read: the file, its line (``None`` if unknown) and what is wrong."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.message}"


@attrs.frozen(init=False)
class RegisterAnswer:
    """What a register says about a programme on a day, and why.

    ``accredited`` is ``None`` when the register does not say. ``reason`` is a short code: ``covered``,
    ``ended``, ``withdrawn``, ``teach-out`` (unknown), ``refused`` (a negative decision: unknown, or "no" after
    the previous period's known end), ``refused-new`` (a negative new-programme assessment), ``open-end`` (a
    DEQAR report without an end, after six years: unknown), ``not-listed``, ``before-records`` (the award date
    precedes every record the register has of the programme), ``undated``, ``institutional`` (only an
    institutional review), ``several-institutions`` or ``other-institution``. ``records`` are those considered,
    ``deciding`` the one cited, ``following`` the next period after a gap, ``institutions`` those the programme
    is listed for when the institution decides, and ``institution`` the diploma's.
    """

    programme: str
    day: date
    accredited: bool | None
    reason: str
    records: tuple[RegisterRecord, ...] = ()
    deciding: RegisterRecord | None = None
    following: RegisterRecord | None = None
    institutions: tuple[str, ...] = ()
    institution: str | None = None

    def __init__(
        self,
        programme: str,
        day: date,
        accredited: bool | None,
        reason: str,
        records: tuple[RegisterRecord, ...] = (),
        deciding: RegisterRecord | None = None,
        following: RegisterRecord | None = None,
        institutions: tuple[str, ...] = (),
        institution: str | None = None,
    ) -> None:
        # Written by hand, with the signature attrs would generate: an answer is built on every lookup, and setting
        # the frozen slots through their descriptors costs about half of attrs' object.__setattr__ calls.
        _set_programme(self, programme)
        _set_day(self, day)
        _set_accredited(self, accredited)
        _set_reason(self, reason)
        _set_records(self, records)
        _set_deciding(self, deciding)
        _set_following(self, following)
        _set_institutions(self, institutions)
        _set_institution(self, institution)

    def note(self, lang: str = "en") -> str:
        """The answer as a sentence in ``lang`` (``"en"`` or ``"nl"``), citing the deciding record."""
        return _note(self, lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "programme": self.programme,
            "accredited": self.accredited,
            "reason": self.reason,
            "record": self.deciding.cite() if self.deciding else None,
            "records": [record.cite() for record in self.records],
        }


# The frozen slots' own setters (member descriptors), which a frozen class's __setattr__ does not stand in front of.
_set_programme = RegisterAnswer.__dict__["programme"].__set__
_set_day = RegisterAnswer.__dict__["day"].__set__
_set_accredited = RegisterAnswer.__dict__["accredited"].__set__
_set_reason = RegisterAnswer.__dict__["reason"].__set__
_set_records = RegisterAnswer.__dict__["records"].__set__
_set_deciding = RegisterAnswer.__dict__["deciding"].__set__
_set_following = RegisterAnswer.__dict__["following"].__set__
_set_institutions = RegisterAnswer.__dict__["institutions"].__set__
_set_institution = RegisterAnswer.__dict__["institution"].__set__


# --- wording --------------------------------------------------------------------------------------------------

# The words of register answers, in English, the catalogues' source language.
_PHRASES: dict[str, str] = {
    "RIO": N_("RIO, CROHO {programme}{institution}, {period} [{source}]"),
    "DEQAR": N_("DEQAR, {programme}{institution}, NVAO decision {decision}, {period} [{source}]"),
    "report": N_("report"),
    "programme": N_("programme"),
    "accredited": N_("accredited {start}"),
    "valid": N_("valid {start}"),
    "from": N_("from {start}"),
    # Translators: {end} is the first day without accreditation, {last} the last day with it.
    "until": N_(" until {end} (exclusive)"),
    "open": N_(", open-ended"),
    "withdrawn": N_(", withdrawn from {day}"),
    "teach_out": N_(", teach-out (afbouw) until {day}"),
    "no-dates": N_("listed without accreditation dates"),
    "institutional": N_("an institutional review, not a programme accreditation"),
    "institutional-reason": N_(
        "{record}: the library does not infer a programme's accreditation from an institutional review, so "
        "accreditation on the award date {day} stays unknown (reading register-institutional-review)"
    ),
    "six-years": N_(", valid_to empty: six years from valid_from"),
    "new-programme": N_(", assessment of a new programme (toets nieuwe opleiding)"),
    "covered": N_("accredited on the award date {day}: {record}"),
    "ended": N_("not accredited on the award date {day}: the accreditation ended on {end}: {record}"),
    "following": N_("; the next period starts on {start}: {record}"),
    "withdrawn-reason": N_("not accredited on the award date {day}: the accreditation was withdrawn: {record}"),
    "teach-out": N_(
        "accreditation on the award date {day} stays unknown: it falls in the teach-out (afbouw) after the "
        "accreditation ended on {end}, which runs until {until} (reading register-teach-out): {record}"
    ),
    "refused": N_(
        "accreditation on the award date {day} stays unknown: NVAO's decision was {decision}, and a refusal "
        "does not cut short a running accreditation whose end the register does not show (reading "
        "register-refusal): {record}"
    ),
    "refused-known": N_(
        "not accredited on the award date {day}: NVAO's decision was {decision}, after the previous "
        "accreditation had ended (reading register-refusal): {record}"
    ),
    "refused-new": N_(
        "not accredited on the award date {day}: NVAO's assessment of the new programme was {decision}, so "
        "the programme was never accredited (reading register-refusal-new-programme): {record}"
    ),
    "open-end": N_(
        "accreditation on the award date {day} stays unknown: the record has no end date, and the six years "
        "EQAR reads into it have passed with no later record (reading register-open-end): {record}"
    ),
    "not-listed": N_("programme {programme} is not in the register; accreditation on the award date stays unknown"),
    "before-records": N_(
        "the register's records of programme {programme} begin on {start}, after the award date {day}; it "
        "does not say whether the programme was accredited then (a current snapshot lacks earlier periods): "
        "{record}"
    ),
    "undated": N_(
        "programme {programme} is listed without accreditation dates, so the register does not say whether it "
        "was accredited on the award date {day}: {record}"
    ),
    "several-institutions": N_(
        "programme {programme} is listed for several institutions ({institutions}); name the diploma's "
        "institution (BRIN code or DEQAR institution id) to choose; accreditation stays unknown"
    ),
    "other-institution": N_(
        "programme {programme} is listed for {institutions}, not for institution {institution}; accreditation "
        "stays unknown"
    ),
}


def _programme(identifier: str, say: Phrases) -> str:
    parts = identifier.split(":")
    if len(parts) == 3 and parts[0] == "deqar":
        return f"{say[parts[1]]} {parts[2]}"
    return identifier


# DEQAR's decision words, as an explanation says them.
_DECISIONS = {
    "positive": N_("positive"),
    "positive with conditions or restrictions": N_("positive with conditions or restrictions"),
    "negative": N_("negative"),
    "accredited": N_("accredited"),
}


def _decision(word: str, lang: str) -> str:
    return tr(_DECISIONS[word], lang) if word in _DECISIONS else word


def _cite(record: RegisterRecord, lang: str) -> str:
    """One record, e.g. ``RIO, CROHO 39999 (99XX), accredited 2021-03-15 until 2027-03-15 (exclusive) [...]``."""
    say = Phrases(_PHRASES, lang)
    if record.valid_from is None:
        period = say["institutional" if record.note == "institutional" else "no-dates"]
    else:
        verb = "from" if not record.accredits else ("accredited" if record.register == "RIO" else "valid")
        period = say[verb].format(start=long_date(record.valid_from, lang))
        if record.valid_until is not None:
            end = record.valid_until
            period += say["until"].format(end=long_date(end, lang), last=long_date(end - timedelta(days=1), lang))
        elif record.accredits and record.withdrawn_on is None:
            period += say["open"]
        if record.withdrawn_on is not None:
            period += say["withdrawn"].format(day=long_date(record.withdrawn_on, lang))
        if record.teach_out_until is not None:
            period += say["teach_out"].format(day=long_date(record.teach_out_until, lang))
        if record.note is not None:
            period += say[record.note]
    return say[record.register].format(
        programme=_programme(record.programme, say),
        institution=f" ({record.institution})" if record.institution else "",
        decision=_decision(record.decision, lang),
        period=period,
        source=_source(record.source, lang),
    )


_LINE = re.compile(r"(?P<file>.*), line (?P<line>\d+)")


def _source(source: str, lang: str) -> str:
    """Where a record was read, "file, line 4" as the reader writes it, with "line" in ``lang``."""
    found = _LINE.fullmatch(source)
    if found is None:
        return source
    return found.group("file") + tr(N_(", line {line}"), lang).format(line=found.group("line"))


def _note(found: RegisterAnswer, lang: str) -> str:
    """The register's answer as one sentence citing the record that decided."""
    say = Phrases(_PHRASES, lang)
    record = found.deciding
    values = {
        "day": long_date(found.day, lang),
        "programme": _programme(found.programme, say),
        "institutions": ", ".join(found.institutions),
        "institution": found.institution or "",
        "record": _cite(record, lang) if record else "",
        "decision": _decision(record.decision, lang) if record else "",
        "start": long_date(record.valid_from, lang) if record and record.valid_from else "",
        "end": long_date(record.valid_until, lang) if record and record.valid_until else "",
        "until": long_date(record.teach_out_until, lang) if record and record.teach_out_until else "",
    }
    key = {"withdrawn": "withdrawn-reason", "institutional": "institutional-reason"}.get(found.reason, found.reason)
    if found.reason == "refused" and found.accredited is False:
        key = "refused-known"
    text = say[key].format(**values)
    if found.following is not None and found.following.valid_from is not None:
        start = long_date(found.following.valid_from, lang)
        text += say["following"].format(start=start, record=_cite(found.following, lang))
    return text
