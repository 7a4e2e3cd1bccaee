"""What registers say: their records, the problems met reading them, and their answers, with their wording.

A leaf of the registers: the readers (``rio``, ``deqar``), the lookup and the register itself build these; the
public module :mod:`nvao_equivalence.registers` shows them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from nvao_equivalence._case.diploma import Accreditation
from nvao_equivalence._vocabulary.dates import in_period

__all__ = ["PHRASES", "RegisterAnswer", "RegisterProblem", "RegisterRecord"]


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


@attrs.frozen
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


# --- wording --------------------------------------------------------------------------------------------------

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "RIO": "RIO, CROHO {programme}{institution}, {period} [{source}]",
        "DEQAR": "DEQAR, {programme}{institution}, NVAO decision {decision}, {period} [{source}]",
        "report": "report",
        "programme": "programme",
        "accredited": "accredited {start}",
        "valid": "valid {start}",
        "from": "from {start}",
        "until": " until {end} (exclusive)",
        "open": ", open-ended",
        "withdrawn": ", withdrawn from {day}",
        "teach_out": ", teach-out (afbouw) until {day}",
        "no-dates": "listed without accreditation dates",
        "institutional": "an institutional review, not a programme accreditation",
        "institutional-reason": (
            "{record}: the library does not infer a programme's accreditation from an institutional review, so "
            "accreditation on the award date {day} stays unknown (reading register-institutional-review)"
        ),
        "six-years": ", valid_to empty: six years from valid_from",
        "new-programme": ", assessment of a new programme (toets nieuwe opleiding)",
        "covered": "accredited on the award date {day}: {record}",
        "ended": "not accredited on the award date {day}: the accreditation ended on {end}: {record}",
        "following": "; the next period starts on {start}: {record}",
        "withdrawn-reason": "not accredited on the award date {day}: the accreditation was withdrawn: {record}",
        "teach-out": (
            "accreditation on the award date {day} stays unknown: it falls in the teach-out (afbouw) after the "
            "accreditation ended on {end}, which runs until {until} (reading register-teach-out): {record}"
        ),
        "refused": (
            "accreditation on the award date {day} stays unknown: NVAO's decision was {decision}, and a refusal "
            "does not cut short a running accreditation whose end the register does not show (reading "
            "register-refusal): {record}"
        ),
        "refused-known": (
            "not accredited on the award date {day}: NVAO's decision was {decision}, after the previous "
            "accreditation had ended (reading register-refusal): {record}"
        ),
        "refused-new": (
            "not accredited on the award date {day}: NVAO's assessment of the new programme was {decision}, so the "
            "programme was never accredited (reading register-refusal-new-programme): {record}"
        ),
        "open-end": (
            "accreditation on the award date {day} stays unknown: the record has no end date, and the six years "
            "EQAR reads into it have passed with no later record (reading register-open-end): {record}"
        ),
        "not-listed": "programme {programme} is not in the register; accreditation on the award date stays unknown",
        "before-records": (
            "the register's records of programme {programme} begin on {start}, after the award date {day}; it does "
            "not say whether the programme was accredited then (a current snapshot lacks earlier periods): {record}"
        ),
        "undated": (
            "programme {programme} is listed without accreditation dates, so the register does not say whether it "
            "was accredited on the award date {day}: {record}"
        ),
        "several-institutions": (
            "programme {programme} is listed for several institutions ({institutions}); name the diploma's "
            "institution (BRIN code or DEQAR institution id) to choose; accreditation stays unknown"
        ),
        "other-institution": (
            "programme {programme} is listed for {institutions}, not for institution {institution}; "
            "accreditation stays unknown"
        ),
    },
    "nl": {
        "RIO": "RIO, CROHO {programme}{institution}, {period} [{source}]",
        "DEQAR": "DEQAR, {programme}{institution}, NVAO-besluit {decision}, {period} [{source}]",
        "report": "rapport",
        "programme": "opleiding",
        "accredited": "geaccrediteerd vanaf {start}",
        "valid": "geldig vanaf {start}",
        "from": "vanaf {start}",
        "until": " tot {end} (niet inbegrepen)",
        "open": ", zonder einddatum",
        "withdrawn": ", ingetrokken per {day}",
        "teach_out": ", afbouw tot {day}",
        "no-dates": "vermeld zonder accreditatiedata",
        "institutional": "een instellingsreview, geen opleidingsaccreditatie",
        "institutional-reason": (
            "{record}: de bibliotheek leidt de accreditatie van een opleiding niet af uit een instellingsreview; "
            "de accreditatie op de datum van uitreiking {day} blijft onbekend (lezing register-institutional-review)"
        ),
        "six-years": ", valid_to leeg: zes jaar na valid_from",
        "new-programme": ", toets nieuwe opleiding",
        "covered": "geaccrediteerd op de datum van uitreiking {day}: {record}",
        "ended": "niet geaccrediteerd op de datum van uitreiking {day}: de accreditatie verviel op {end}: {record}",
        "following": "; de volgende periode begint op {start}: {record}",
        "withdrawn-reason": (
            "niet geaccrediteerd op de datum van uitreiking {day}: de accreditatie is ingetrokken: {record}"
        ),
        "teach-out": (
            "de accreditatie op de datum van uitreiking {day} blijft onbekend: die valt in de afbouw na het einde "
            "van de accreditatie op {end}, tot {until} (lezing register-teach-out): {record}"
        ),
        "refused": (
            "de accreditatie op de datum van uitreiking {day} blijft onbekend: het NVAO-besluit was {decision}, en "
            "een negatief besluit maakt geen einde aan een lopende accreditatie waarvan het register het einde niet "
            "toont (lezing register-refusal): {record}"
        ),
        "refused-known": (
            "niet geaccrediteerd op de datum van uitreiking {day}: het NVAO-besluit was {decision}, nadat de vorige "
            "accreditatie was geëindigd (lezing register-refusal): {record}"
        ),
        "refused-new": (
            "niet geaccrediteerd op de datum van uitreiking {day}: de toets nieuwe opleiding was {decision}, dus de "
            "opleiding was nooit geaccrediteerd (lezing register-refusal-new-programme): {record}"
        ),
        "open-end": (
            "de accreditatie op de datum van uitreiking {day} blijft onbekend: het record heeft geen einddatum, en "
            "de zes jaar die EQAR erin leest, zijn verstreken zonder later record (lezing register-open-end): "
            "{record}"
        ),
        "not-listed": "opleiding {programme} staat niet in het register; de accreditatie blijft onbekend",
        "before-records": (
            "de gegevens van het register over opleiding {programme} beginnen op {start}, na de datum van "
            "uitreiking {day}; het register zegt niet of de opleiding toen geaccrediteerd was (een actueel "
            "overzicht mist eerdere perioden): {record}"
        ),
        "undated": (
            "opleiding {programme} staat in het register zonder accreditatiedata; het zegt dus niet of zij op de "
            "datum van uitreiking {day} geaccrediteerd was: {record}"
        ),
        "several-institutions": (
            "opleiding {programme} staat in het register voor meerdere instellingen ({institutions}); geef de "
            "instelling van het diploma (BRIN-code of DEQAR-id) om te kiezen; de accreditatie blijft onbekend"
        ),
        "other-institution": (
            "opleiding {programme} staat in het register voor {institutions}, niet voor instelling {institution}; "
            "de accreditatie blijft onbekend"
        ),
    },
}


def _programme(identifier: str, say: dict[str, str]) -> str:
    parts = identifier.split(":")
    if len(parts) == 3 and parts[0] == "deqar":
        return f"{say[parts[1]]} {parts[2]}"
    return identifier


# DEQAR's decision words, as a Dutch explanation says them.
_DECISIONS_NL = {
    "positive": "positief",
    "positive with conditions or restrictions": "positief onder voorwaarden of met beperkingen",
    "negative": "negatief",
    "accredited": "geaccrediteerd",
}


def _decision(word: str, lang: str) -> str:
    return _DECISIONS_NL.get(word, word) if lang == "nl" else word


def _cite(record: RegisterRecord, lang: str) -> str:
    """One record, e.g. ``RIO, CROHO 39999 (99XX), accredited 2021-03-15 until 2027-03-15 (exclusive) [...]``."""
    say = PHRASES[lang]
    if record.valid_from is None:
        period = say["institutional" if record.note == "institutional" else "no-dates"]
    else:
        verb = "from" if not record.accredits else ("accredited" if record.register == "RIO" else "valid")
        period = say[verb].format(start=record.valid_from.isoformat())
        if record.valid_until is not None:
            period += say["until"].format(end=record.valid_until.isoformat())
        elif record.accredits and record.withdrawn_on is None:
            period += say["open"]
        if record.withdrawn_on is not None:
            period += say["withdrawn"].format(day=record.withdrawn_on.isoformat())
        if record.teach_out_until is not None:
            period += say["teach_out"].format(day=record.teach_out_until.isoformat())
        if record.note is not None:
            period += say[record.note]
    return say[record.register].format(
        programme=_programme(record.programme, say),
        institution=f" ({record.institution})" if record.institution else "",
        decision=_decision(record.decision, lang),
        period=period,
        source=record.source,
    )


def _note(found: RegisterAnswer, lang: str) -> str:
    """The register's answer as one sentence citing the record that decided."""
    say = PHRASES[lang]
    record = found.deciding
    values = {
        "day": found.day.isoformat(),
        "programme": _programme(found.programme, say),
        "institutions": ", ".join(found.institutions),
        "institution": found.institution or "",
        "record": _cite(record, lang) if record else "",
        "decision": _decision(record.decision, lang) if record else "",
        "start": record.valid_from.isoformat() if record and record.valid_from else "",
        "end": record.valid_until.isoformat() if record and record.valid_until else "",
        "until": record.teach_out_until.isoformat() if record and record.teach_out_until else "",
    }
    key = {"withdrawn": "withdrawn-reason", "institutional": "institutional-reason"}.get(found.reason, found.reason)
    if found.reason == "refused" and found.accredited is False:
        key = "refused-known"
    text = say[key].format(**values)
    if found.following is not None and found.following.valid_from is not None:
        start = found.following.valid_from.isoformat()
        text += say["following"].format(start=start, record=_cite(found.following, lang))
    return text
