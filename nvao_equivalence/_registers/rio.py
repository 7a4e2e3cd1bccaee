"""The Dutch register RIO: DUO's ``ho_erkenningen_rio.csv`` and RIO LOD API v2 onderwijslicenties.

RIO documents ``begindatum`` as inclusive and ``vervaldatum`` as exclusive; ``intrekkingsdatum`` (withdrawal)
ends a period early, from that day on; ``afbouwdatum`` is the last day of the teach-out after accreditation ended,
during which a diploma counts as not accredited unless another period covers its award date (the library's
reading of the teach-out rule).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from nvao_equivalence._files.streams import csv_rows, json_values
from nvao_equivalence._registers.records import RegisterProblem, RegisterRecord
from nvao_equivalence._vocabulary.dates import register_date

__all__ = ["rio_csv", "rio_json"]

Item = tuple[str, RegisterRecord] | RegisterProblem

REQUIRED = ("ERKENDEOPLEIDINGSCODE", "ACCREDITATIE_BEGINDATUM", "ACCREDITATIE_VERVALDATUM")
_DATES = {
    "begin": "ACCREDITATIE_BEGINDATUM",
    "expiry": "ACCREDITATIE_VERVALDATUM",
    "withdrawn": "ACCREDITATIE_INTREKKINGSDATUM",
    "teach_out": "ACCREDITATIE_AFBOUWDATUM",
}
_JSON_DATES = {
    "begin": "begindatum",
    "expiry": "vervaldatum",
    "withdrawn": "intrekkingsdatum",
    "teach_out": "afbouwdatum",
}


def rio_csv(stream: IO[bytes], name: str) -> Iterator[Item]:
    """The records of DUO's ``ho_erkenningen_rio.csv``, one per row, or the problem with a row."""
    for line, row in csv_rows(stream, name, REQUIRED):
        if isinstance(row, str):
            yield RegisterProblem(name, line, row)
            continue
        code = row["ERKENDEOPLEIDINGSCODE"].strip()
        if not code:
            yield RegisterProblem(name, line, "ERKENDEOPLEIDINGSCODE is empty")
            continue
        dates = _dates(row, _DATES)
        if isinstance(dates, str):
            yield RegisterProblem(name, line, dates)
            continue
        institution = row.get("INSTELLINGSCODE", "").strip() or None
        level = row.get("NIVEAU", "").strip() or None
        yield _record(code, dates, institution, level, f"{name}, line {line}", name, line, _DATES)


def rio_json(stream: IO[bytes], name: str, programme: str | None, institution: str | None) -> Iterator[Item]:
    """The accreditation periods of RIO LOD onderwijslicenties (``_embedded.hoOnderwijsaccreditatie``)."""
    for line, value in json_values(stream, name):
        for number, licence in enumerate(_licences(value), start=1):
            if not isinstance(licence, dict):
                yield RegisterProblem(name, line, f"record {number} is not a JSON object")
                continue
            code = str(licence.get("erkendeopleidingscode") or programme or "").strip()
            label = f"licence {licence.get('licentiecode') or number}"
            if not code:
                yield RegisterProblem(
                    name, line, f"{label} names no erkendeopleidingscode; pass programme= (its CROHO code)"
                )
                continue
            embedded = licence.get("_embedded") or {}
            periods = embedded.get("hoOnderwijsaccreditatie") if isinstance(embedded, dict) else None
            if not periods:
                source = f"{name}, line {line}, {label}"
                yield code, RegisterRecord("RIO", code, None, None, False, "listed", source, institution)
                continue
            if not isinstance(periods, list):
                yield RegisterProblem(name, line, f"{label}: hoOnderwijsaccreditatie is not a list")
                continue
            for index, period in enumerate(periods, start=1):
                if not isinstance(period, dict):
                    yield RegisterProblem(name, line, f"{label}, accreditation {index} is not a JSON object")
                    continue
                dates = _dates(period, _JSON_DATES)
                if isinstance(dates, str):
                    yield RegisterProblem(name, line, f"{label}, accreditation {index}: {dates}")
                    continue
                source = f"{name}, line {line}, {label}, accreditation {index}"
                if period.get("nVAOdossiernummer"):
                    source += f", NVAO dossier {period['nVAOdossiernummer']}"
                yield _record(code, dates, institution, None, source, name, line, _JSON_DATES)


def _licences(value: Any) -> list[Any]:
    """The licences in a JSON value: a HAL page's ``_embedded.onderwijslicenties``, an array's items, or itself."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "type" not in value:
        embedded = value.get("_embedded")
        if isinstance(embedded, dict) and isinstance(embedded.get("onderwijslicenties"), list):
            return list(embedded["onderwijslicenties"])
    return [value]


def _dates(row: dict[str, Any], columns: dict[str, str]) -> dict[str, date | None] | str:
    found: dict[str, date | None] = {}
    for key, column in columns.items():
        try:
            found[key] = register_date(row.get(column))
        except ValueError as error:
            return f"{column}: {error}"
    return found


def _record(
    code: str,
    dates: dict[str, date | None],
    institution: str | None,
    level: str | None,
    source: str,
    name: str,
    line: int,
    columns: dict[str, str],
) -> Item:
    begin, expiry, withdrawn, teach_out = dates["begin"], dates["expiry"], dates["withdrawn"], dates["teach_out"]
    if begin is None:
        if expiry or withdrawn or teach_out:
            return RegisterProblem(name, line, f"an end, withdrawal or teach-out date without {columns['begin']}")
        return code, RegisterRecord("RIO", code, None, None, False, "listed", source, institution, level)
    if expiry is not None and expiry <= begin:
        return RegisterProblem(
            name, line, f"{columns['expiry']} {expiry.isoformat()} is not after {columns['begin']} {begin.isoformat()}"
        )
    ends = [day for day in (expiry, withdrawn) if day is not None]
    end = min(ends) if ends else None
    if teach_out is not None and end is None:
        return RegisterProblem(
            name, line, f"{columns['teach_out']} without {columns['expiry']} or {columns['withdrawn']}: "
            "when accreditation ended is not known",
        )  # fmt: skip
    if end is not None and end <= begin:  # withdrawn on or before the day it would have begun
        return code, RegisterRecord(
            "RIO", code, begin, None, False, "withdrawn", source, institution, level, withdrawn_on=withdrawn
        )
    teach = teach_out if teach_out is not None and end is not None and teach_out > end else None
    early = withdrawn if withdrawn is not None and withdrawn == end else None  # a withdrawal that ended it
    return code, RegisterRecord("RIO", code, begin, end, True, "accredited", source, institution, level, early, teach)
