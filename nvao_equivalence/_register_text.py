"""How register records and answers read in an explanation, in English and Dutch; and programme identifiers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nvao_equivalence.registers import RegisterAnswer, RegisterRecord

__all__ = ["PHRASES", "cite", "normalise_identifier", "note"]

_DEQAR_LINK = re.compile(r"(?:https?://)?data\.deqar\.eu/(report|programme)/0*(\d+)/?", re.IGNORECASE)
_DEQAR_PAGE = re.compile(r"(?:https?://)?(?:www\.)?eqar\.eu/qa-results/search/by-report/report/\?id=0*(\d+)", re.I)
_DEQAR_SHORT = re.compile(r"deqar:(report|programme):0*(\d+)", re.IGNORECASE)


def normalise_identifier(text: str) -> str:
    """A DEQAR permalink or report page becomes ``deqar:report:N`` (or ``deqar:programme:N``); anything else is
    the identifier itself, stripped (a CROHO code, an agency's programme identifier)."""
    text = text.strip()
    found = _DEQAR_LINK.fullmatch(text) or _DEQAR_SHORT.fullmatch(text)
    if found:
        return f"deqar:{found.group(1).lower()}:{found.group(2)}"
    page = _DEQAR_PAGE.fullmatch(text)
    return f"deqar:report:{page.group(1)}" if page else text


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


def cite(record: RegisterRecord, lang: str) -> str:
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


def note(found: RegisterAnswer, lang: str) -> str:
    """The register's answer as one sentence citing the record that decided."""
    say = PHRASES[lang]
    record = found.deciding
    values = {
        "day": found.day.isoformat(),
        "programme": _programme(found.programme, say),
        "institutions": ", ".join(found.institutions),
        "institution": found.institution or "",
        "record": cite(record, lang) if record else "",
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
        text += say["following"].format(start=start, record=cite(found.following, lang))
    return text
