"""Reading an intake file for ``batch``: CSV or JSON Lines, row by row, each row with what is wrong with it.

CSV has a header, comma or semicolon, UTF-8 with or without BOM; JSON Lines one object a line. Problems of the
whole file (no header, a required column missing, not UTF-8) raise :class:`BatchError` before anything is
written; a problem of one row travels with the row, which becomes an error row in the output.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from nvao_equivalence._files.streams import BOM, delimiter_of, first_non_utf8
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence.exceptions import EquivalenceError

__all__ = [
    "OUTPUT_COLUMNS",
    "REQUIRED_COLUMNS",
    "REQUIRED_REGISTERED",
    "BatchError",
    "Row",
    "check_columns",
    "checked_records",
    "csv_rows",
    "jsonl_rows",
    "open_input",
]

REQUIRED_COLUMNS = ("awarded_by", "degree", "awarded_on", "accredited")
REQUIRED_REGISTERED = ("awarded_by", "degree", "awarded_on", "programme")
# The columns the output adds: an input that already has one would lose a value, so it is refused.
OUTPUT_COLUMNS = ("outcome", "equivalent_to", "rules", "caveats", "missing", "explanation", "error")


class BatchError(EquivalenceError):
    """The command itself cannot run (exit code 2): nothing, or nothing more, is written."""


Row = tuple[dict[str, Any], Message | None]  # the row's values by column, and why it cannot be read as one, if so


@contextmanager
def open_input(source: str) -> Iterator[tuple[IO[str], bool]]:
    if source == "-":
        raw = sys.stdin.buffer
        had_bom = raw.peek(3)[:3] == BOM if hasattr(raw, "peek") else False
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""), had_bom
        return
    path = Path(source)
    try:
        with path.open("rb") as binary:
            had_bom = binary.read(3) == BOM
            _check_utf8(binary, source)
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise BatchError(Message(N_("cannot read {source}: {reason}"), source=source, reason=error.strerror)) from None
    with stream:
        yield stream, had_bom


def _check_utf8(binary: IO[bytes], source: str) -> None:
    """Fail before any output if the file is not UTF-8, naming the line (Excel's 'CSV' is often Windows-1252)."""
    found = first_non_utf8(binary)
    if found is None:
        return
    bad, line = found
    if bad is None:
        raise BatchError(Message(N_("{source} is not UTF-8 (it ends inside a character)"), source=source))
    raise BatchError(
        Message(
            N_("{source} is not UTF-8 (byte 0x{bad:02x} on line {line}); save it as 'CSV UTF-8' and try again"),
            source=source,
            bad=bad,
            line=line,
        )
    )


def csv_rows(stream: IO[str], delimiter: str | None) -> tuple[str, list[str], Iterator[Row]]:
    first = stream.readline()
    if not first.strip():
        raise BatchError(Message(N_("the input has no header line; the first line must name the columns")))
    delimiter = delimiter or delimiter_of(first)
    # strict: an unterminated quote is an error, not a field that silently swallows the rows after it.
    reader = csv.reader(_chain(first, stream), delimiter=delimiter, strict=True)
    header = [name.strip() for name in _next_record(reader) or []]

    def rows() -> Iterator[Row]:
        width = len(header)
        while (fields := _next_record(reader)) is not None:
            problem = None
            if len(fields) > width:
                extra = ", ".join(repr(value) for value in fields[width:])
                problem = Message(
                    N_("the row has {count} fields, the header {width}; extra: {extra}"),
                    count=len(fields),
                    width=width,
                    extra=extra,
                )
            yield dict(zip(header, fields + [""] * (width - len(fields)), strict=False)), problem

    return delimiter, header, rows()


def _next_record(reader: Any) -> list[str] | None:
    """The next CSV record, None at the end; a record csv cannot read ends the run, naming its line."""
    try:
        return next(reader)  # type: ignore[no-any-return]
    except StopIteration:
        return None
    except csv.Error as error:
        raise BatchError(
            Message(
                N_("line {line}: {error}; the file cannot be read as CSV from there (check its quotes)"),
                line=reader.line_num,
                error=error,
            )
        ) from None


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def jsonl_rows(stream: IO[str]) -> tuple[list[str], Iterator[Row]]:
    lines = iter(enumerate(stream, start=1))
    pending: list[Row] = []
    columns: list[str] = []
    # The columns are the keys of the first record (CSV output needs them up front).
    for number, line in lines:
        row = _json_row(number, line)
        pending.append(row)
        if row[1] is None:
            columns = list(row[0])
            break

    def rows() -> Iterator[Row]:
        yield from pending
        for number, line in lines:
            yield _json_row(number, line)

    return columns, rows()


def checked_records(rows: Iterator[Row], columns: list[str] | None) -> Iterator[Row]:
    """JSON records whose keys the output would overwrite, or (for CSV output, whose columns are the first
    record's keys) could not hold, become error rows rather than losing a value."""
    for record, problem in rows:
        if problem is None:
            clash = [key for key in record if str(key).strip().lower() in OUTPUT_COLUMNS]
            unknown = [key for key in record if columns is not None and key not in columns]
            if clash:
                problem = Message(N_("the record has a key {key!r}, which the output adds; rename it"), key=clash[0])
            elif unknown:
                kept = ", ".join(f"{key}={record[key]!r}" for key in unknown)
                problem = Message(
                    N_("keys not in the first record cannot be written as CSV columns: {kept}"), kept=kept
                )
        yield record, problem


def _json_row(number: int, line: str) -> Row:
    if not line.strip():
        return {}, Message(N_("empty line: nothing to decide"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {}, Message(
            N_("line {line} is not JSON: {error} (column {column})"), line=number, error=error.msg, column=error.colno
        )
    if not isinstance(record, dict):
        return {}, Message(N_("line {line} is not a JSON object: {start!r}"), line=number, start=line.strip()[:40])
    return record, None


def check_columns(columns: list[str], *, registered: bool = False) -> None:
    seen = [name.lower() for name in columns]
    for name in seen:
        if seen.count(name) > 1:
            raise BatchError(Message(N_("column {name!r} appears more than once in the header"), name=name))
    for name in OUTPUT_COLUMNS:
        if name in seen:
            raise BatchError(
                Message(N_("the input already has a column {name!r}, which the output adds; rename it"), name=name)
            )
    # With registers, accreditation comes from them for the programme: 'accredited' may be left out.
    for name in REQUIRED_REGISTERED if registered else REQUIRED_COLUMNS:
        if name not in seen:
            found: object = ", ".join(columns) or Message(N_("none"))
            raise BatchError(
                Message(N_("required column {name!r} is missing; columns found: {found}"), name=name, found=found)
            )
