"""Deciding a whole intake file: one output row per input row, in order, streamed.

Input is CSV (comma or semicolon, with a header, UTF-8 with or without BOM, or another encoding named), JSON Lines,
or a sheet of an .xlsx workbook. Each row is decided on its own; a row that cannot be decided gets an empty outcome
and the reason in ``error``, and the rest go on. Memory does not grow with the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

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
from nvao_equivalence._cli.writers import Output, writer
from nvao_equivalence._decide.assessment import rule_set
from nvao_equivalence._files.output import STDOUT, Sink
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
        # Imported for a workbook only: zipfile, tempfile and the sheet reader are no part of deciding a CSV.
        from nvao_equivalence._cli.sheet import sheet_rows
        from nvao_equivalence._files.workbook import read_sheet

        with read_sheet(source, options.sheet) as (title, values):
            columns, rows = sheet_rows(values)
            # Excel reads a CSV as UTF-8 only when it begins with a BOM.
            out = Output(sink, output_format, options.delimiter or ",", bom=True, title=title)
            return _run(columns, rows, out, options, read="xlsx", as_read=output_format == "xlsx", progress=progress)
    with open_input(source, options.encoding) as (stream, bom):
        try:
            if input_format == "jsonl":
                columns, rows = jsonl_rows(stream)
                delimiter = options.delimiter or ","
                rows = checked_records(rows, columns if output_format != "jsonl" else None)
            else:
                delimiter, columns, rows = csv_rows(stream, options.delimiter)
            out = Output(sink, output_format, delimiter, bom=bom, title=tr(N_("decisions"), options.lang))
            read = input_format
            return _run(columns, rows, out, options, read=read, as_read=read == "csv", progress=progress)
        except UnicodeDecodeError as error:  # only stdin: a file is checked before it is read
            raise undecodable(error, source, options.encoding) from None


def format_of(path: str | None, default: str) -> str:
    """The file format a path's name says (.csv, .jsonl, .xlsx), else ``default``."""
    suffix = (path or "").lower().rpartition(".")[2]
    return suffix if suffix in ("csv", "jsonl", "xlsx") else default


def _run(
    columns: list[str], rows: Iterator[Row], out: Output, options: BatchOptions, *, read: str, as_read: bool,
    progress: Any,
) -> Tally:  # fmt: skip
    renamed = header_names(columns, options.columns)
    check_columns([renamed.get(_key(column), column) for column in columns], registered=options.register is not None)
    sink = out.sink
    try:
        write, finish, discard = writer(out, columns, as_read=as_read)
    except OSError as failure:
        raise sink.failed(failure) from None
    try:
        return _decide_rows(columns, rows, renamed, write, finish, sink, options, read=read, progress=progress)
    except BaseException:
        discard()
        raise


def _decide_rows(
    columns: list[str], rows: Iterator[Row], renamed: dict[str, str], write: Any, finish: Any, sink: Sink,
    options: BatchOptions, *, read: str, progress: Any,
) -> Tally:  # fmt: skip
    tally = Tally(renamed={column: renamed[_key(column)] for column in columns if _key(column) in renamed})
    # Rows of a CSV or a sheet all have every column: each kind of row is decided once (see _cli/memo.py).
    places = {renamed.get(_key(column), _key(column)): place for place, column in enumerate(columns)}
    memo = None
    if read != "jsonl" and RowMemo.usable(places, options.register):
        memo = RowMemo(places, rule_set(options.rules), options.on, _cell_text, typed=read == "xlsx")
    outcomes = tally.outcomes
    count = errors = 0  # kept in locals, and in the tally when it is shown or done: a row's cost is small now
    for values, problem in rows:
        key, known = memo.lookup(values) if memo is not None and problem is None else _UNKNOWN
        if known is None:
            record = values if isinstance(values, dict) else dict(zip(columns, values, strict=True))
            cells, outcome, error = _decide(record, problem, options)
            if memo is not None and key is not None and outcome and not error:
                memo.put(key, cells, outcome)
        else:
            (cells, outcome), error = known, ""
        try:
            write(values, cells, known is not None)
        except OSError as failure:
            raise sink.failed(failure) from None
        count += 1
        if error:
            errors += 1
        else:
            outcomes[outcome] += 1
        if progress is not None:
            tally.rows, tally.errors = count, errors
            progress(tally)
    tally.rows, tally.errors = count, errors
    try:
        finish()
    except OSError as failure:
        raise sink.failed(failure) from None
    return tally


_UNKNOWN = (None, None)  # a row no memo can look up: no key, nothing known


# --- deciding ------------------------------------------------------------------------------------------------------


def _decide(values: dict[str, Any], problem: object, options: BatchOptions) -> tuple[dict[str, Any], str, str]:
    """The output cells for one row, its outcome, and its error ('' if none)."""
    if problem is not None:
        said = say(problem, options.lang)
        return {**_EMPTY, "error": said}, "", said
    try:
        cells = {column_name(_key(key), options.columns): _cell_text(value, key) for key, value in values.items()}
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


def _cell_text(value: Any, column: str = "") -> str:
    """A cell as the decision reads it: text trimmed, a workbook's other cells as text; a ``ValueError`` names the
    ``column``."""
    if type(value) is str:
        return value.strip()
    try:
        return _text(value)
    except ValueError as error:
        if not column:
            raise
        raise ValueError(Message("{column}: {problem}", column=column, problem=error.args[0])) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a workbook's date cell; one with a time of day is the day it falls on
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    if isinstance(value, (time, timedelta)):  # a workbook's time-of-day or duration cell
        raise ValueError(Message(N_("{value} is a time, not a date, text, number or yes/no"), value=value))
    raise ValueError(Message(N_("{value!r} is not a text, number, boolean or null"), value=value))
