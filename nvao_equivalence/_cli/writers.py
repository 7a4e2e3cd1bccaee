"""Writing ``batch`` output: each row's own cells, then the cells its decision adds, as CSV, JSON Lines or a sheet
of an .xlsx workbook."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time, timedelta
from typing import Any, TextIO, cast

import attrs

from nvao_equivalence._cli.intake import OUTPUT_COLUMNS
from nvao_equivalence._files.output import Sink

__all__ = ["Output", "writer"]


@attrs.frozen
class Output:
    """Where and how the rows are written: the output, its format, the CSV delimiter (and whether a BOM begins it),
    and the title of an .xlsx sheet."""

    sink: Sink
    format: str
    delimiter: str
    bom: bool
    title: str


def writer(out: Output, columns: list[str], *, as_read: bool) -> tuple[Any, Any, Any]:
    """A function writing one row — its values, its output cells, and whether those are shared by every row of its
    kind —, one finishing the output, and one giving it up when the run stops short. Values are a list in the
    columns' order (CSV, a sheet) or a JSON record; ``as_read``: a list of CSV text, written as it is."""
    stream = out.sink.stream
    if out.format == "jsonl":

        def write_json(values: list[Any] | dict[str, Any], cells: dict[str, Any], shared: bool = False) -> None:
            record = values if isinstance(values, dict) else dict(zip(columns, values, strict=True))
            stream.write(json.dumps({**record, **cells}, ensure_ascii=False, default=_json_value) + "\n")

        return write_json, _nothing, _nothing

    joined = _joined
    if out.format == "xlsx":
        from nvao_equivalence._files.workbook import SheetWriter  # for a workbook only, as in batch

        stream.flush()
        sheet = SheetWriter(cast(TextIO, stream).buffer, out.title)
        sheet.append([*columns, *OUTPUT_COLUMNS])

        def write_xlsx(values: list[Any] | dict[str, Any], cells: dict[str, Any], shared: bool = False) -> None:
            if isinstance(values, list):  # text from a CSV, or a sheet's cells: each as it was
                sheet.append([*values, *joined(cells)])
            else:
                sheet.append([*(_in_sheet(values.get(column)) for column in columns), *joined(cells)])

        return write_xlsx, sheet.save, sheet.discard

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

    def write_csv(values: list[Any] | dict[str, Any], cells: dict[str, Any], shared: bool = False) -> None:
        if isinstance(values, dict):
            writer.writerow([*(_cell(values.get(column)) for column in columns), *joined(cells)])
        elif not as_read:  # a sheet's typed cells
            writer.writerow([*map(_cell, values), *joined(cells)])
        # Only shared cells are kept as text (an error's cells are the row's own); a one-field row of "" is written
        # '""' whole, not so.
        elif shared and len(values) > 1 and not _has_break("".join(values)):
            head.writerow(values)
            stream.write(tail(cells))
        else:
            writer.writerow([*values, *joined(cells)])

    return write_csv, _nothing, _nothing


def _has_break(text: str) -> bool:
    return "\n" in text or "\r" in text


# Output cells are shared per verdict; a file of endlessly varied rows must not keep each one's written text.
_MAX_TAILS = 4096


def _joined(cells: dict[str, Any]) -> list[Any]:
    """The output cells as one table cell each: a list's values joined with '|'."""
    return ["|".join(cell) if isinstance(cell, list) else cell for cell in cells.values()]


def _nothing() -> None:
    """Text outputs are complete when their last row is written, and have nothing to give up."""


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
