"""EQAR's DEQAR: NVAO's reports, from the Web API v2 (report JSON, list pages) and the nightly reports CSV.

Only NVAO reports count, and only a positive decision (with or without conditions or restrictions) counts as
accreditation; a negative one is kept as the register's word that accreditation was refused. ``valid_to`` is
exclusive (DEQAR treats a report as no longer valid on that day); an empty one means six years from
``valid_from``. An institutional review is listed but accredits no programme: the library does not infer
programme accreditation from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import IO, Any

from nvao_equivalence._files.streams import csv_rows, json_records
from nvao_equivalence._registers.records import RegisterProblem, RegisterRecord
from nvao_equivalence._vocabulary.dates import register_date
from nvao_equivalence.exceptions import RegisterDataError

__all__ = ["deqar_csv", "deqar_json"]

Item = tuple[str, RegisterRecord] | RegisterProblem

POSITIVE = ("positive", "positive with conditions or restrictions")
DECISIONS = (*POSITIVE, "negative", "not applicable")
# A report has at least one of these (Web API v2 report detail and list item); an institution record has none.
REPORT_KEYS = frozenset({"agency_acronym", "agency_name", "agency_id", "valid_from", "decision", "report_valid"})
REQUIRED = ("report_id", "report_agency", "report_decision", "report_valid_from", "report_valid_to")


def deqar_json(stream: IO[bytes], name: str) -> Iterator[Item]:
    """The NVAO reports of DEQAR Web API v2 JSON: a report, a list page's ``results``, an array, JSON Lines; each
    cited by the line it starts on. A file whose first record is not a report raises :class:`RegisterDataError`
    saying what it is; a later record that is not a report is a problem of its own."""
    seen = False
    for number, (line, report, in_page) in enumerate(json_records(stream, name, "results"), start=1):
        if not isinstance(report, dict):
            yield RegisterProblem(name, line, f"report {number} is not a JSON object")
            continue
        if not REPORT_KEYS & report.keys():
            what = _what(report, in_page)
            if not seen:
                raise RegisterDataError(
                    f"not a DEQAR report or reports page: {what}; valid: a report (Web API v2 "
                    "/browse/reports/{id}/), a page of /browse/reports/, an array or JSON Lines of reports",
                    path=name, line=line,
                )  # fmt: skip
            yield RegisterProblem(name, line, f"record {number} is not a DEQAR report: {what}")
            continue
        seen = True
        try:
            institutions = [item for item in _listed(report, "institutions") if isinstance(item, dict)]
            programmes = [item for item in _listed(report, "programmes") if isinstance(item, dict)]
            keys = [f"deqar:programme:{item['id']}" for item in programmes if item.get("id") not in (None, "")]
            for item in programmes:
                for identifier in _listed(item, "programme_identifiers"):
                    if isinstance(identifier, dict) and str(identifier.get("identifier") or "").strip():
                        keys.append(str(identifier["identifier"]).strip())
        except _NotAList as problem:
            yield RegisterProblem(name, line, f"report {report.get('id')!r}: {problem}")
            continue
        levels = {str(item.get("qf_ehea_level")) for item in programmes if item.get("qf_ehea_level")}
        yield from _report(
            report.get("id"),
            report.get("agency_acronym"),
            report.get("decision"),
            report.get("agency_esg_activity_type"),
            (report.get("valid_from"), report.get("valid_to")),
            name_of_activity=report.get("agency_esg_activity"),
            institution=str(institutions[0].get("deqar_id")) if len(institutions) == 1 else None,
            level=levels.pop() if len(levels) == 1 else None,
            keys=keys,
            where=(name, line),
        )


class _NotAList(Exception):
    """A key that DEQAR always gives as an array holds something else."""


def _listed(record: dict[str, Any], key: str) -> list[Any]:
    """The array under ``key`` (empty when absent or empty), or :class:`_NotAList` saying what is there instead."""
    value = record.get(key) or []
    if not isinstance(value, list):
        raise _NotAList(f"{key} is {value!r}, not an array")
    return value


def _what(record: dict[str, Any], in_page: bool) -> str:
    """What a JSON object that is not a report is, as far as its keys tell."""
    deqar_id = str(record.get("deqar_id") or "")
    if deqar_id.upper().startswith("DEQARINST") or {"name_primary", "website_link"} <= record.keys():
        found = f"a DEQAR institution record ({deqar_id or record.get('id')}, {record.get('name_primary')!r})"
        return f"a page of DEQAR institutions, whose first record is {found}" if in_page else found
    keys = ", ".join(sorted(str(key) for key in record)[:8]) or "none"
    return f"a JSON object with the keys {keys}" + (" (in a page's results)" if in_page else "")


def deqar_csv(stream: IO[bytes], name: str) -> Iterator[Item]:
    """The NVAO reports of DEQAR's reports CSV, listed by report id (the CSV names no programme identifier)."""
    for line, row in csv_rows(stream, name, REQUIRED):
        if isinstance(row, str):
            yield RegisterProblem(name, line, row)
            continue
        yield from _report(
            row["REPORT_ID"],
            row["REPORT_AGENCY"],
            row["REPORT_DECISION"],
            row.get("REPORT_TYPE"),
            (row["REPORT_VALID_FROM"], row["REPORT_VALID_TO"]),
            name_of_activity=row.get("REPORT_ESG_ACTIVITY_SHORT"),
            institution=None,
            level=row.get("PROGRAMME_QF_EHEA_LEVEL", "").strip() or None,
            keys=[],
            where=(name, line),
        )


def _report(
    report_id: Any,
    agency: Any,
    decision: Any,
    activity: Any,
    validity: tuple[Any, Any],
    *,
    institution: str | None,
    level: str | None,
    keys: list[str],
    where: tuple[str, int],
    name_of_activity: Any = None,
) -> Iterator[Item]:
    name, line = where
    identifier = str(report_id if report_id is not None else "").strip()
    if not identifier.isdigit():
        yield RegisterProblem(name, line, f"report id {report_id!r} is not a DEQAR report number")
        return
    if str(agency or "").strip().upper() != "NVAO":
        return  # another agency's report: not an NVAO accreditation
    said = " ".join(str(decision or "").split()).lower()
    if said not in DECISIONS:
        yield RegisterProblem(
            name, line, f"report {identifier}: decision {decision!r} is not one of {', '.join(DECISIONS)}"
        )
        return
    if said == "not applicable":
        return
    key = f"deqar:report:{identifier}"
    source = f"{name}, line {line}"
    if str(activity or "").strip().lower() == "institutional":
        record = RegisterRecord("DEQAR", key, None, None, False, said, source, institution, level, note="institutional")
        yield key, record
        return
    try:
        valid_from, valid_to = register_date(validity[0]), register_date(validity[1])
    except ValueError as error:
        yield RegisterProblem(name, line, f"report {identifier}: {error}")
        return
    if valid_from is None:
        yield RegisterProblem(name, line, f"report {identifier}: valid_from is empty")
        return
    note = None
    if valid_to is None:
        valid_to, note = _six_years(valid_from), "six-years"
    if valid_to <= valid_from:
        yield RegisterProblem(
            name, line, f"report {identifier}: valid_to {valid_to} is not after valid_from {valid_from}"
        )
        return
    accredits = said in POSITIVE
    if not accredits and _initial(name_of_activity):
        note = "new-programme"  # a negative new-programme assessment: the programme was never accredited
    elif not accredits:
        note = None
    record = RegisterRecord(
        "DEQAR", key, valid_from, valid_to if accredits else None, accredits, said, source, institution, level,
        note=note,
    )  # fmt: skip
    for listed in dict.fromkeys([key, *keys]):
        yield listed, record


def _initial(activity: Any) -> bool:
    """Whether NVAO's activity is the assessment of a new programme (toets nieuwe opleiding, initial accreditation)."""
    text = " ".join(str(activity or "").split()).lower()
    return "initial" in text or "nieuwe opleiding" in text or "new programme" in text


@lru_cache(maxsize=4096)
def _six_years(valid_from: date) -> date:
    # DEQAR: a report without valid_to is valid for six years from valid_from (valid_to_calculated).
    from dateutil.relativedelta import relativedelta

    return valid_from + relativedelta(years=6)
