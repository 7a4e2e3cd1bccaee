"""Deciding a whole intake file: one output row per input row, in order, streamed.

Input is CSV (comma or semicolon, with a header, UTF-8 with or without BOM, or another encoding named), JSON Lines,
or a sheet of an .xlsx workbook. Each row is decided on its own; a row that cannot be decided gets an empty outcome
and the reason in ``error``, and the rest go on. Memory does not grow with the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, TextIO, cast

import attrs

from nvao_equivalence._case.outcome import Outcome, outcome_word
from nvao_equivalence._cli.columns import column_name, header_names
from nvao_equivalence._cli.intake import (
    OUTPUT_COLUMNS,
    BatchError,
    Row,
    check_columns,
    csv_rows,
    open_input,
    undecodable,
)
from nvao_equivalence._cli.jsonl import checked_records, jsonl_rows
from nvao_equivalence._cli.memo import RowMemo
from nvao_equivalence._cli.sheet import sheet_rows
from nvao_equivalence._decide.assessment import rule_set
from nvao_equivalence._files.output import STDOUT, Sink
from nvao_equivalence._files.workbook import SheetWriter, read_sheet
from nvao_equivalence._language.catalogue import N_, ntr, tr
from nvao_equivalence._language.message import Message, say
from nvao_equivalence._rulebook.ruleset import RuleSet
from nvao_equivalence._tables.cells import decide_cells
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["BatchOptions", "Tally", "format_of", "run_batch"]

_LISTS = ("equivalent_to", "rules", "caveats", "missing")  # multi-valued: '|'-joined in CSV, arrays in JSON
# The output cells of a row that is not decided; the writers only read cells, so one dict serves every such row.
_EMPTY: dict[str, Any] = {
    **dict.fromkeys(OUTPUT_COLUMNS, ""),
    **{name: [] for name in _LISTS},
    "equivalent_level": None,
}


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
    # The input's encoding: UTF-8 (with or without a BOM) unless named; the output is always UTF-8.
    encoding: str = "utf-8"
    # The sheet of an .xlsx input (default: the first).
    sheet: str | None = None
    # --column mappings, {office's header, trimmed and in lower case: column}; Dutch headers need none.
    columns: Mapping[str, str] = attrs.field(factory=dict)
    # Accreditation registers: a row with a programme and no accreditation of its own is decided from them.
    register: Any = None


@attrs.define
class Tally:
    """What a run decided: rows, outcomes and errors."""

    rows: int = 0
    errors: int = 0
    outcomes: Counter[str] = attrs.field(factory=Counter)
    # The input's headers read as a column of another name ({header: column}), said in the summary line.
    renamed: dict[str, str] = attrs.field(factory=dict)

    def line(self, lang: str = "en") -> str:
        counts = ", ".join(f"{outcome_word(outcome, lang)} {self.outcomes[outcome.value]}" for outcome in Outcome)
        rows = ntr("{count} row", "{count} rows", self.rows, lang).format(count=self.rows)
        line = tr(N_("{rows}: {counts}; errors {errors}"), lang).format(rows=rows, counts=counts, errors=self.errors)
        if self.renamed:
            read = ", ".join(f"{header} = {name}" for header, name in self.renamed.items())
            line += "; " + tr(N_("columns read as {columns}"), lang).format(columns=read)
        return line


def run_batch(source: str, sink: Sink, options: BatchOptions, progress: Any = None) -> Tally:
    """Decide every row of ``source`` (a path, or ``-`` for stdin) into ``sink``, an output opened and checked.

    Raises :class:`BatchError` when the command cannot run: a missing file, no
    header, a required column absent, bytes that are not in the input's encoding
    (UTF-8 unless ``options.encoding`` names another); these are found before any
    output is written (for stdin, an undecodable byte is found when it is read). A write that fails raises
    :class:`~nvao_equivalence._files.output.OutputError`; a workbook that cannot be read or written,
    :class:`~nvao_equivalence._files.workbook.WorkbookError`.
    """
    input_format = options.input_format or format_of(source, default="csv")
    # A workbook is not text: read from one, the output is CSV unless .xlsx is asked for.
    output_format = options.output_format or ("csv" if input_format == "xlsx" else input_format)
    if output_format == "xlsx" and sink.name == STDOUT:
        raise BatchError(
            Message(N_("an .xlsx workbook is written to a file, not to standard output: give -o FILE.xlsx"))
        )
    if options.sheet is not None and input_format != "xlsx":
        raise BatchError(
            Message(
                N_("--sheet names a sheet of an .xlsx input; {source} is read as {format}"),
                source="stdin" if source == "-" else source,
                format=input_format.upper(),
            )
        )
    if input_format == "xlsx":
        with read_sheet(source, options.sheet) as (title, values):
            columns, rows = sheet_rows(values)
            # Excel reads a CSV as UTF-8 only when it begins with a BOM.
            out = _Output(sink, output_format, options.delimiter or ",", bom=True, title=title)
            return _run(columns, rows, out, options, read="xlsx", as_read=output_format == "xlsx", progress=progress)
    with open_input(source, options.encoding) as (stream, bom):
        try:
            if input_format == "jsonl":
                columns, rows = jsonl_rows(stream)
                delimiter = options.delimiter or ","
                rows = checked_records(rows, columns if output_format == "csv" else None)
            else:
                delimiter, columns, rows = csv_rows(stream, options.delimiter)
            out = _Output(sink, output_format, delimiter, bom=bom, title=tr(N_("decisions"), options.lang))
            read = input_format
            return _run(columns, rows, out, options, read=read, as_read=read == "csv", progress=progress)
        except UnicodeDecodeError as error:  # only stdin: a file is checked before it is read
            raise undecodable(error, source, options.encoding) from None


def format_of(path: str | None, default: str) -> str:
    """The file format a path's name says (.jsonl, .xlsx), else ``default``."""
    suffix = (path or "").lower().rpartition(".")[2]
    return suffix if suffix in ("jsonl", "xlsx") else default


@attrs.frozen
class _Output:
    """Where and how the rows are written: the output, its format, the CSV delimiter (and whether a BOM begins it),
    and the title of an .xlsx sheet."""

    sink: Sink
    format: str
    delimiter: str
    bom: bool
    title: str


def _run(
    columns: list[str], rows: Iterator[Row], out: _Output, options: BatchOptions, *, read: str, as_read: bool,
    progress: Any,
) -> Tally:  # fmt: skip
    renamed = header_names(columns, options.columns)
    check_columns([renamed.get(_key(column), column) for column in columns], registered=options.register is not None)
    sink = out.sink
    try:
        write, finish = _writer(out, columns, as_read=as_read)
    except OSError as failure:
        raise sink.failed(failure) from None
    tally = Tally(renamed={column: renamed[_key(column)] for column in columns if _key(column) in renamed})
    # Rows of a CSV or a sheet all have every column: each kind of row is decided once (see _cli/memo.py).
    headers = {renamed.get(_key(column), _key(column)): column for column in columns}
    memo = None
    if read != "jsonl" and RowMemo.usable(headers, options.register):
        memo = RowMemo(headers, rule_set(options.rules), options.on, _cell_text, typed=read == "xlsx")
    outcomes = tally.outcomes
    for values, problem in rows:
        key = memo.key(values) if memo is not None and problem is None else None
        known = memo.get(key) if memo is not None and key is not None else None
        if known is None:
            cells, outcome, error = _decide(values, problem, options)
            if memo is not None and key is not None and outcome and not error:
                memo.put(key, cells, outcome)
        else:
            (cells, outcome), error = known, ""
        try:
            write(values, cells)
        except OSError as failure:
            raise sink.failed(failure) from None
        tally.rows += 1
        if error:
            tally.errors += 1
        else:
            outcomes[outcome] += 1
        if progress is not None:
            progress(tally)
    try:
        finish()
    except OSError as failure:
        raise sink.failed(failure) from None
    return tally


# --- deciding ------------------------------------------------------------------------------------------------------


def _decide(values: dict[str, Any], problem: object, options: BatchOptions) -> tuple[dict[str, Any], str, str]:
    """The output cells for one row, its outcome, and its error ('' if none)."""
    if problem is not None:
        said = say(problem, options.lang)
        return {**_EMPTY, "error": said}, "", said
    try:
        cells = {
            column_name(_key(key), options.columns): value.strip() if type(value) is str else _text(value)
            for key, value in values.items()
        }
    except ValueError as error:
        said = say(error, options.lang)
        return {**_EMPTY, "error": said}, "", said
    if len(cells) != len(values):
        problem = _same_keys(values)
        return {**_EMPTY, "error": problem}, "", problem
    if not any(cells.values()):
        # A row whose cells are all empty (as Excel writes ';;;;' below the data) passes through as it is: it is not
        # an applicant, so it is neither decided nor an error.
        return _EMPTY, "", ""
    try:
        decision = decide_cells(
            cells, on=options.on, target=options.target, rules=options.rules, register=options.register
        )
    except (EquivalenceError, ValueError) as error:
        said = say(error, options.lang)
        return {**_EMPTY, "error": said}, "", said
    # Decisions of the same kind share a verdict: their output cells are built once (a register's answer is cited
    # per row, so those are not shared).
    shared = _SHARED_CELLS.get((id(decision.verdict), options.lang)) if decision.register is None else None
    if shared is None or shared[0] is not decision.verdict:
        output: dict[str, Any] = {
            "outcome": decision.outcome.value,
            "equivalent_to": [degree.value for degree in decision.equivalent_to],
            "equivalent_level": decision.equivalent_level,
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


# Bounded: a file of a million differently spelt keys must not grow memory with each (the columns of a run are few).
@lru_cache(maxsize=4096)
def _key(key: str) -> str:
    """A column name as the columns are matched: trimmed, lower case."""
    return key.strip().lower()


def _same_keys(values: dict[str, Any]) -> str:
    """What is wrong with a record whose keys are the same name spelt twice ('Degree' and 'degree')."""
    seen: dict[str, str] = {}
    for key in values:
        name = _key(key)
        if name in seen:
            return (
                f"the keys {seen[name]!r} and {key!r} name the same column {name!r} (case and surrounding spaces "
                "do not count); keep one"
            )
        seen[name] = key
    return "two keys name the same column"


def _cell_text(value: Any) -> str:
    """A cell as the decision reads it: text trimmed, a workbook's other cells as text."""
    return value.strip() if type(value) is str else _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a workbook's date cell; one with a time of day is the day it falls on
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    raise ValueError(Message(N_("{value!r} is not a text, number, boolean or null"), value=value))


# --- writing -------------------------------------------------------------------------------------------------------


def _writer(out: _Output, columns: list[str], *, as_read: bool) -> tuple[Any, Any]:
    """A function writing one row, its values and its output cells, and one finishing the output. ``as_read``:
    the values are the input's cells in the columns' order, each as this format can write it."""
    stream = out.sink.stream
    if out.format == "jsonl":

        def write_json(values: dict[str, Any], cells: dict[str, Any]) -> None:
            stream.write(json.dumps({**values, **cells}, ensure_ascii=False, default=_json_value) + "\n")

        return write_json, _nothing

    joined = _joined
    if out.format == "xlsx":
        stream.flush()
        sheet = SheetWriter(cast(TextIO, stream).buffer, out.title)
        sheet.append([*columns, *OUTPUT_COLUMNS])

        def write_xlsx(values: dict[str, Any], cells: dict[str, Any]) -> None:
            if as_read and len(values) == len(columns):
                sheet.append([*values.values(), *joined(cells)])
            else:
                sheet.append([*(_in_sheet(values.get(column)) for column in columns), *joined(cells)])

        return write_xlsx, sheet.save

    if out.bom:  # JSON Lines and workbooks never carry one
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=out.delimiter)
    writer.writerow([*columns, *OUTPUT_COLUMNS])
    # Rows of the same kind share their output cells (one dict per verdict): those cells are written as CSV once,
    # and each row writes its own cells, ended by the delimiter rather than a line end, then that text. The bytes
    # are the same as one writerow of the whole row; quoting a long explanation anew for every row is not. (csv
    # quotes a cell holding a character of the line end: a row with a line break in a cell is written whole.)
    head = csv.writer(stream, delimiter=out.delimiter, lineterminator=out.delimiter)
    tails: dict[int, tuple[dict[str, Any], str]] = {}

    def tail(cells: dict[str, Any]) -> str:
        known = tails.get(id(cells))
        if known is None or known[0] is not cells:
            if len(tails) >= _MAX_TAILS:
                tails.clear()
            text = io.StringIO()
            csv.writer(text, delimiter=out.delimiter).writerow(joined(cells))
            known = tails[id(cells)] = (cells, text.getvalue())
        return known[1]

    def write_csv(values: dict[str, Any], cells: dict[str, Any]) -> None:
        # A one-field row of "" is written '""' whole, not so.
        if as_read and len(values) == len(columns) > 1 and not _BREAKS.search("".join(values.values())):
            head.writerow(values.values())
            stream.write(tail(cells))
        elif as_read and len(values) == len(columns):
            writer.writerow([*values.values(), *joined(cells)])
        else:
            writer.writerow([*(_cell(values.get(column)) for column in columns), *joined(cells)])

    return write_csv, _nothing


_BREAKS = re.compile("[\r\n]")
# Output cells are shared per verdict; a file of endlessly varied rows must not keep each one's written text.
_MAX_TAILS = 4096


def _joined(cells: dict[str, Any]) -> list[Any]:
    """The output cells as one table cell each: a list's values joined with '|'."""
    return ["|".join(cell) if isinstance(cell, list) else cell for cell in cells.values()]


def _nothing() -> None:
    """Text outputs are complete when their last row is written."""


def _cell(value: Any) -> Any:
    """A value of a JSON record or a workbook's cell, as CSV text."""
    if value is None:
        return ""
    if isinstance(value, (date, time)):
        return value.isoformat()
    return json.dumps(value) if isinstance(value, (dict, list, bool)) else value


def _in_sheet(value: Any) -> Any:
    """A value of a JSON record as a workbook's cell: objects and arrays as their JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def _json_value(value: Any) -> str:
    """A workbook's date (or time) cell in JSON: its ISO text."""
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")
