"""An .xlsx sheet as ``batch`` intake: its first row names the columns, each row after it is one row to decide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nvao_equivalence._cli.intake import BatchError, Row
from nvao_equivalence._files.workbook import get_column_letter
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message

__all__ = ["sheet_rows"]


def sheet_rows(values: Iterator[tuple[Any, ...]]) -> tuple[list[str], Iterator[Row]]:
    """The header and the rows of a sheet's ``values`` (see :func:`~nvao_equivalence._files.workbook.read_sheet`).

    Each row has every column, an empty cell as ``None``, and keeps its cells' types (a date cell is a date), so that
    an .xlsx output gets them back as they were. A row with a value right of the last named column is an error row,
    as a CSV row with more fields than its header.
    """
    first = next(values, ())
    header = [_name(value) for value in _trimmed(first)]
    if not header:
        raise BatchError(Message(N_("the input has no header line; the first line must name the columns")))
    if "" in header:
        raise BatchError(
            Message(
                N_("the header row's cell in column {column} is empty; give every column of the sheet a name"),
                column=get_column_letter(header.index("") + 1),
            )
        )

    def rows() -> Iterator[Row]:
        width = len(header)
        for cells in values:
            problem = None
            if len(cells) > width and (extra := _trimmed(cells[width:])):
                problem = Message(
                    N_("the row has {count} fields, the header {width}; extra: {extra}"),
                    count=width + len(extra),
                    width=width,
                    extra=", ".join(repr(value) for value in extra),
                )
            yield [*cells[:width], *(None,) * (width - len(cells))], problem

    return header, rows()


def _trimmed(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """``cells`` without the empty ones at the end (a cell formatted but left empty is still written by Excel)."""
    end = len(cells)
    while end and cells[end - 1] in (None, ""):
        end -= 1
    return cells[:end]


def _name(value: Any) -> str:
    return "" if value is None else str(value).strip()
