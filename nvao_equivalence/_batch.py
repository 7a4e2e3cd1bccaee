"""Deciding a whole intake file: one output row per input row, in order, streamed.

Input is CSV (comma or semicolon, with a header, UTF-8 with or without BOM)
or JSON Lines. Each row is decided on its own; a row that cannot be decided
gets an empty outcome and the reason in ``error``, and the rest go on. Memory
does not grow with the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import attrs

from nvao_equivalence._dates import parse_date
from nvao_equivalence._diploma import Accreditation, Diploma
from nvao_equivalence._engine import check_equivalence
from nvao_equivalence._flags import parse_flag
from nvao_equivalence._outcome import Outcome
from nvao_equivalence._ruleset import RuleSet
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["OUTPUT_COLUMNS", "REQUIRED_COLUMNS", "BatchError", "BatchOptions", "Tally", "run_batch"]

REQUIRED_COLUMNS = ("awarded_by", "degree", "awarded_on", "accredited")
REQUIRED_REGISTERED = ("awarded_by", "degree", "awarded_on", "programme")
OUTPUT_COLUMNS = ("outcome", "equivalent_to", "rules", "caveats", "missing", "explanation", "error")
_LISTS = ("equivalent_to", "rules", "caveats", "missing")  # multi-valued: '|'-joined in CSV, arrays in JSON
_BOM = codecs.BOM_UTF8


class BatchError(Exception):
    """The command itself cannot run (exit code 2): nothing, or nothing more, is written."""


@attrs.frozen
class BatchOptions:
    """How to read, decide and write; ``target`` and ``on`` are the defaults for rows that do not name their own."""

    on: date
    rules: RuleSet | None = None
    target: str | None = None
    lang: str = "en"
    output_format: str | None = None
    input_format: str | None = None
    delimiter: str | None = None
    # Accreditation registers: a row with a programme and no accreditation of its own is decided from them.
    register: Any = None


@attrs.define
class Tally:
    """What a run decided: rows, outcomes and errors."""

    rows: int = 0
    errors: int = 0
    outcomes: Counter[str] = attrs.field(factory=Counter)

    def line(self) -> str:
        counts = ", ".join(f"{outcome.value} {self.outcomes[outcome.value]}" for outcome in Outcome)
        return f"{self.rows} rows: {counts}; errors {self.errors}"


def run_batch(source: str, output: str | None, options: BatchOptions, progress: Any = None) -> Tally:
    """Decide every row of ``source`` (a path, or ``-`` for stdin) into ``output`` (a path, or None for stdout).

    Raises :class:`BatchError` when the command cannot run: a missing file, no
    header, a required column absent, an encoding that is not UTF-8, an output
    path that cannot be written. These are found before any output is written;
    an existing output file is replaced only when the run completes.
    """
    input_format = options.input_format or ("jsonl" if source.endswith(".jsonl") else "csv")
    with _open_input(source) as (stream, had_bom):
        if input_format == "jsonl":
            columns, rows = _jsonl_rows(stream)
            delimiter = options.delimiter or ","
        else:
            delimiter, columns, rows = _csv_rows(stream, options.delimiter)
        _check_columns(columns, registered=options.register is not None)
        output_format = options.output_format or input_format
        if input_format == "jsonl":
            rows = _checked_records(rows, columns if output_format == "csv" else None)
        # A BOM in, a BOM out: Excel needs it to read the CSV as UTF-8. JSON Lines never carries one.
        with _open_output(output, had_bom and output_format == "csv") as out:
            write = _writer(out, output_format, columns, delimiter, as_read=input_format == "csv")
            tally = Tally()
            for values, problem in rows:
                cells, outcome, error = _decide(values, problem, options)
                write(values, cells)
                tally.rows += 1
                if error:
                    tally.errors += 1
                else:
                    tally.outcomes[outcome] += 1
                if progress is not None:
                    progress(tally)
    return tally


# --- reading -------------------------------------------------------------------------------------------------------

Row = tuple[dict[str, Any], str | None]  # the row's values by column, and why it cannot be read as one, if so


@contextmanager
def _open_input(source: str) -> Iterator[tuple[IO[str], bool]]:
    if source == "-":
        raw = sys.stdin.buffer
        had_bom = raw.peek(3)[:3] == _BOM if hasattr(raw, "peek") else False
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""), had_bom
        return
    path = Path(source)
    try:
        with path.open("rb") as binary:
            had_bom = binary.read(3) == _BOM
            _check_utf8(binary, source)
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise BatchError(f"cannot read {source}: {error.strerror}") from None
    with stream:
        yield stream, had_bom


def _check_utf8(binary: IO[bytes], source: str) -> None:
    """Fail before any output if the file is not UTF-8, naming the line (Excel's 'CSV' is often Windows-1252)."""
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    for chunk in iter(lambda: binary.read(1 << 20), b""):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            bad = chunk[error.start]
            line += chunk[: error.start].count(b"\n")
            raise BatchError(
                f"{source} is not UTF-8 (byte 0x{bad:02x} on line {line}); save it as 'CSV UTF-8' and try again"
            ) from None
        line += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise BatchError(f"{source} is not UTF-8 (it ends inside a character)") from None


def _csv_rows(stream: IO[str], delimiter: str | None) -> tuple[str, list[str], Iterator[Row]]:
    first = stream.readline()
    if not first.strip():
        raise BatchError("the input has no header line; the first line must name the columns")
    # Dutch Excel writes ';', most other tools ','; whichever the header holds more of wins.
    delimiter = delimiter or (";" if first.count(";") > first.count(",") else ",")
    # strict: an unterminated quote is an error, not a field that silently swallows the rows after it.
    reader = csv.reader(_chain(first, stream), delimiter=delimiter, strict=True)
    header = [name.strip() for name in _next_record(reader) or []]

    def rows() -> Iterator[Row]:
        width = len(header)
        while (fields := _next_record(reader)) is not None:
            problem = None
            if len(fields) > width:
                extra = ", ".join(repr(value) for value in fields[width:])
                problem = f"the row has {len(fields)} fields, the header {width}; extra: {extra}"
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
            f"line {reader.line_num}: {error}; the file cannot be read as CSV from there (check its quotes)"
        ) from None


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def _jsonl_rows(stream: IO[str]) -> tuple[list[str], Iterator[Row]]:
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


def _checked_records(rows: Iterator[Row], columns: list[str] | None) -> Iterator[Row]:
    """JSON records whose keys the output would overwrite, or (for CSV output, whose columns are the first
    record's keys) could not hold, become error rows rather than losing a value."""
    for record, problem in rows:
        if problem is None:
            clash = [key for key in record if str(key).strip().lower() in OUTPUT_COLUMNS]
            unknown = [key for key in record if columns is not None and key not in columns]
            if clash:
                problem = f"the record has a key {clash[0]!r}, which the output adds; rename it"
            elif unknown:
                kept = ", ".join(f"{key}={record[key]!r}" for key in unknown)
                problem = f"keys not in the first record cannot be written as CSV columns: {kept}"
        yield record, problem


def _json_row(number: int, line: str) -> Row:
    if not line.strip():
        return {}, "empty line: nothing to decide"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {}, f"line {number} is not JSON: {error.msg} (column {error.colno})"
    if not isinstance(record, dict):
        return {}, f"line {number} is not a JSON object: {line.strip()[:40]!r}"
    return record, None


def _check_columns(columns: list[str], *, registered: bool = False) -> None:
    seen = [name.lower() for name in columns]
    for name in seen:
        if seen.count(name) > 1:
            raise BatchError(f"column {name!r} appears more than once in the header")
    for name in OUTPUT_COLUMNS:
        if name in seen:
            raise BatchError(f"the input already has a column {name!r}, which the output adds; rename it")
    # With registers, accreditation comes from them for the programme: 'accredited' may be left out.
    for name in REQUIRED_REGISTERED if registered else REQUIRED_COLUMNS:
        if name not in seen:
            found = ", ".join(columns) or "none"
            raise BatchError(f"required column {name!r} is missing; columns found: {found}")


# --- deciding ------------------------------------------------------------------------------------------------------


def _decide(values: dict[str, Any], problem: str | None, options: BatchOptions) -> tuple[dict[str, Any], str, str]:
    """The output cells for one row, its outcome, and its error ('' if none)."""
    empty: dict[str, Any] = {**dict.fromkeys(OUTPUT_COLUMNS, ""), **{name: [] for name in _LISTS}}
    if problem is not None:
        return {**empty, "error": problem}, "", problem
    try:
        cells = {_key(key): value.strip() if type(value) is str else _text(value) for key, value in values.items()}
    except ValueError as error:
        return {**empty, "error": str(error)}, "", str(error)
    if not any(cells.values()):
        return {**empty, "error": "empty row: nothing to decide"}, "", "empty row: nothing to decide"
    try:
        decision = _decision(cells, options)
    except (EquivalenceError, ValueError) as error:
        return {**empty, "error": str(error)}, "", str(error)
    # Decisions of the same kind share a verdict: their output cells are built once (a register's answer is cited
    # per row, so those are not shared).
    shared = _SHARED_CELLS.get((id(decision.verdict), options.lang)) if decision.register is None else None
    if shared is None or shared[0] is not decision.verdict:
        output: dict[str, Any] = {
            "outcome": decision.outcome.value,
            "equivalent_to": [degree.value for degree in decision.equivalent_to],
            "rules": list(decision.rules),
            "caveats": list(decision.caveats),
            "missing": list(decision.missing),
            "explanation": decision.summary(options.lang),
            "error": "",
        }
        if decision.register is not None:
            return output, decision.outcome.value, ""
        shared = _SHARED_CELLS[id(decision.verdict), options.lang] = (decision.verdict, output)
    return shared[1], decision.outcome.value, ""


# Output cells by verdict and language; the verdict is kept beside them so that a reused id cannot mislead.
_SHARED_CELLS: dict[tuple[int, str], tuple[Any, dict[str, Any]]] = {}
_KEYS: dict[Any, str] = {}


def _key(key: Any) -> str:
    """A column name as the columns are matched: trimmed, lower case."""
    found = _KEYS.get(key)
    if found is None:
        found = _KEYS[key] = str(key).strip().lower()
    return found


def _decision(cells: dict[str, str], options: BatchOptions) -> Any:
    for name in ("awarded_by", "degree", "awarded_on"):
        if not cells.get(name):
            raise ValueError(f"{name}: the cell is empty; it needs a value")
    accreditations: tuple[Accreditation, ...] = ()
    if cells.get("accredited_from"):
        accreditations = (Accreditation(cells["accredited_from"], cells.get("accredited_until") or None),)
    elif cells.get("accredited_until"):
        raise ValueError("accredited_until is given without accredited_from; give both, or only accredited_from")
    diploma = Diploma(
        awarded_by=cells["awarded_by"],
        degree=cells["degree"],
        awarded_on=cells["awarded_on"],
        accredited=parse_flag(cells.get("accredited", ""), field="accredited"),
        arts=_arts(cells.get("arts", "")),
        accreditations=accreditations,
        programme=cells.get("programme") or None,
        institution=cells.get("institution") or None,
        recognised=parse_flag(cells.get("recognised", ""), field="recognised"),
    )
    target = cells.get("target") or options.target
    if not target:
        raise ValueError("target: the cell is empty and no --target was given; valid: NL or VL")
    on = parse_date(cells["on"], field="on") if cells.get("on") else options.on
    return check_equivalence(diploma, target=target, on=on, rules=options.rules, register=options.register)


def _arts(text: str) -> bool | None:
    # Empty or "unknown" means not stated: read as not arts education, with a caveat where arts would widen the
    # comparable degrees (an export that leaves the column blank has not said "no").
    return parse_flag(text, field="arts")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    raise ValueError(f"{value!r} is not a text, number, boolean or null")


# --- writing -------------------------------------------------------------------------------------------------------


@contextmanager
def _open_output(output: str | None, bom: bool) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside ``output`` renamed over it only when everything is written."""
    if output is None or output == "-":
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(output)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
            "w", encoding="utf-8-sig" if bom else "utf-8", newline="", dir=path.parent or ".",
            prefix=f".{path.name}.", suffix=".partial", delete=False,
        )  # fmt: skip
    except OSError as error:
        raise BatchError(f"cannot write {output}: {error.strerror}") from None
    try:
        with handle:
            yield handle
        # A temporary file is private (0600); the result gets the replaced file's mode, or the usual one.
        os.chmod(handle.name, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _writer(out: IO[str], output_format: str, columns: list[str], delimiter: str, *, as_read: bool) -> Any:
    """A function writing one row: its values (``as_read``: CSV text in the columns' order) and its output cells."""
    if output_format == "jsonl":

        def write_json(values: dict[str, Any], cells: dict[str, Any]) -> None:
            out.write(json.dumps({**values, **cells}, ensure_ascii=False) + "\n")

        return write_json

    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([*columns, *OUTPUT_COLUMNS])

    def write_csv(values: dict[str, Any], cells: dict[str, Any]) -> None:
        joined = ["|".join(cell) if isinstance(cell, list) else cell for cell in cells.values()]
        if as_read and len(values) == len(columns):
            writer.writerow([*values.values(), *joined])
        else:
            writer.writerow([*(_cell(values.get(column)) for column in columns), *joined])

    return write_csv


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return json.dumps(value) if isinstance(value, (dict, list, bool)) else value
