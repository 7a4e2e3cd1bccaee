"""What a register's records say about one programme on one day (see ``registers`` for the reading)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from nvao_equivalence._registers.records import RegisterAnswer, RegisterRecord

__all__ = ["answer"]

# The identifier scheme of each register's institutions: RIO's BRIN code (e.g. 21PB, 99XX), DEQAR's own id.
_SCHEMES = {"RIO": re.compile(r"[0-9]{2}[A-Z0-9]{2}"), "DEQAR": re.compile(r"DEQARINST[0-9]+")}


def answer(programme: str, records: Sequence[RegisterRecord], day: date, institution: str | None) -> RegisterAnswer:
    """The register's answer for ``programme`` on ``day``; ``records`` are those listed under it."""
    name = programme.strip()
    if not records:
        return RegisterAnswer(name, day, None, "not-listed", institution=institution)
    kept, reason, institutions = _for_institution(records, institution)
    if reason is not None:
        return RegisterAnswer(
            name, day, None, reason, tuple(records), institutions=institutions, institution=institution
        )
    for record in kept:
        if record.covers(day):
            return RegisterAnswer(name, day, True, "covered", kept, record, None, (), institution)
    # One pass over the records, in file order, finds what the answer needs: the earliest dated record, the latest
    # one begun by the day, the next accreditation after it, and a teach-out running on it. Among records with the
    # same start the first in file order counts, as it would in the records sorted (stably) by start.
    earliest: RegisterRecord | None = None
    last: RegisterRecord | None = None
    following: RegisterRecord | None = None
    teach_out: RegisterRecord | None = None
    for record in kept:
        start = record.valid_from
        if start is None:
            continue
        if earliest is None or start < _start(earliest):
            earliest = record
        if start > day:
            if record.accredits and (following is None or start < _start(following)):
                following = record
        elif last is None or start > _start(last):
            last = record
        if _in_teach_out(record, day) and (teach_out is None or start < _start(teach_out)):
            teach_out = record
    if earliest is None:
        reason = "institutional" if all(record.note == "institutional" for record in kept) else "undated"
        return RegisterAnswer(name, day, None, reason, kept, kept[0], institution=institution)
    if last is None:
        return RegisterAnswer(name, day, None, "before-records", kept, earliest, institution=institution)
    # The register knows the programme from before the award date, and no period covers that day. It proves "not
    # accredited" only where no accreditation can have been running (the legal specification's register readings,
    # named in rules/ as readings): an explicit end, a withdrawal, a negative new-programme assessment, a refusal
    # after the previous period's known end. Everything else stays unknown.
    if teach_out is not None:
        return RegisterAnswer(name, day, None, "teach-out", kept, teach_out, following, institution=institution)
    if not last.accredits:
        if last.withdrawn_on is not None:
            return RegisterAnswer(name, day, False, "withdrawn", kept, last, following, institution=institution)
        if last.note == "new-programme":
            return RegisterAnswer(name, day, False, "refused-new", kept, last, following, institution=institution)
        # A refusal does not cut short a running accreditation: "no" only after the previous period's known end.
        previous = [
            record
            for record in kept
            if record.valid_from is not None
            and record.accredits
            and record.valid_from < _start(last)
            and record.valid_until
        ]
        ended = bool(previous) and all(
            record.valid_until is not None and record.valid_until <= day and record.note != "six-years"
            for record in previous
        )
        return RegisterAnswer(
            name, day, False if ended else None, "refused", kept, last, following, institution=institution
        )
    if last.withdrawn_on is not None and last.valid_until == last.withdrawn_on:
        return RegisterAnswer(name, day, False, "withdrawn", kept, last, following, institution=institution)
    if last.note == "six-years" and following is None:
        # DEQAR's six years are EQAR's convention for a report without an end, not law: after them, unknown.
        return RegisterAnswer(name, day, None, "open-end", kept, last, institution=institution)
    return RegisterAnswer(name, day, False, "ended", kept, last, following, institution=institution)


def _start(record: RegisterRecord) -> date:
    assert record.valid_from is not None  # only dated records are compared
    return record.valid_from


def _in_teach_out(record: RegisterRecord, day: date) -> bool:
    end, until = record.valid_until, record.teach_out_until
    return record.accredits and end is not None and until is not None and end <= day < until


def _for_institution(
    records: Sequence[RegisterRecord], institution: str | None
) -> tuple[tuple[RegisterRecord, ...], str | None, tuple[str, ...]]:
    """The records for the diploma's institution, or why the institution leaves the programme undecided.

    Programme codes can be shared: an hbo CROHO code is often offered by several hogescholen, each accredited on
    its own. An institution in a register's own scheme (a BRIN code for RIO) selects; one in another scheme cannot
    be compared and selects nothing in that register.
    """
    if len(records) == 1 and institution is None:
        return tuple(records), None, ()
    listed = sorted({record.institution for record in records if record.institution})
    kept = tuple(records)
    if institution is not None and institution.strip():
        wanted = institution.strip().upper()
        kept = tuple(
            record
            for record in records
            if record.institution is None
            or record.institution.upper() == wanted
            or _not_of_scheme(record.register, wanted)
        )
        if not kept:
            return (), "other-institution", tuple(listed)
    per_register: dict[str, set[str]] = {}
    for record in kept:
        if record.institution:
            per_register.setdefault(record.register, set()).add(record.institution)
    if any(len(names) > 1 for names in per_register.values()):
        return (), "several-institutions", tuple(listed)
    return kept, None, ()


def _not_of_scheme(register: str, institution: str) -> bool:
    """Whether ``institution`` is not in ``register``'s identifier scheme: its records cannot be compared with it."""
    pattern = _SCHEMES.get(register)
    return pattern is None or not pattern.fullmatch(institution)
