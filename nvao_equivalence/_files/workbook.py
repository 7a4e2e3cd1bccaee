"""Excel workbooks (.xlsx): one sheet read row by row, one sheet written row by row, with openpyxl.

openpyxl is an optional dependency (the ``excel`` extra): it is imported only here, and only when a workbook is
read or written. Both directions stream: the reader is openpyxl's read-only mode, which parses the sheet as it is
iterated, and the writer its write-only mode, which keeps the rows in a temporary file until the workbook is
saved. Memory does not grow with the number of rows (the shared strings of the file read are the exception: Excel
keeps every distinct text of a workbook in one table, which openpyxl holds in memory).
"""

from __future__ import annotations

import re
import sys
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import datetime, time
from typing import IO, Any

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["MAX_ROWS", "SheetWriter", "WorkbookError", "get_column_letter", "read_sheet"]

#: The rows of one sheet in Excel (2007 and later), the header included.
MAX_ROWS = 1_048_576
# What an .xls (Excel 97-2003) or a password-protected .xlsx begins with: an OLE2 compound file, not a zip archive.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Characters XML 1.0 cannot hold, so neither can a cell (openpyxl refuses the controls and writes the others into a
# file no reader opens); tab, line feed and return it can.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What Excel forbids in a sheet's name, and its length.
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
_TITLE_LENGTH = 31
# What openpyxl and the zip and XML readers under it raise for a file that is not a sound workbook.
_UNREADABLE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, LookupError, ValueError, TypeError, SyntaxError, OSError,
)  # fmt: skip


class WorkbookError(EquivalenceError):
    """A workbook cannot be read or written: the message names the file and what to do."""


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ModuleNotFoundError:
        raise WorkbookError(
            Message(
                N_(
                    "reading and writing .xlsx needs the 'excel' extra: pip install 'nvao-equivalence[excel]' (or save "
                    "the sheet as CSV)"
                )
            )
        ) from None
    return openpyxl


@contextmanager
def read_sheet(source: str, sheet: str | None = None) -> Iterator[tuple[str, Iterator[tuple[Any, ...]]]]:
    """The title of the sheet named ``sheet`` (else the workbook's first) of the workbook at ``source`` (``-``:
    stdin), and its rows as tuples of cell values, from the first row on.

    Values are as Excel stores them: text, numbers, booleans, and date cells as :class:`~datetime.date` (or
    :class:`~datetime.datetime` when they have a time of day); an empty cell is ``None``. Rows have the length of
    their last cell, and an empty row is an empty tuple: a sheet's recorded size is not trusted, as other programs
    than Excel often write a wrong one. Raises :class:`WorkbookError` naming the file when it is not an .xlsx
    workbook, or has no sheet of that name.
    """
    openpyxl = _openpyxl()
    name = "stdin" if source == "-" else source
    with ExitStack() as stack:
        try:
            binary = stack.enter_context(_binary(source))
        except OSError as error:
            raise WorkbookError(
                Message(N_("cannot read {source}: {reason}"), source=name, reason=error.strerror or str(error))
            ) from None
        try:
            if binary.read(len(_OLE2)) == _OLE2:
                raise WorkbookError(
                    Message(
                        N_(
                            "{source} is an Excel 97-2003 workbook (.xls) or a password-protected one; save it as an "
                            "Excel workbook (.xlsx) without a password, or as CSV"
                        ),
                        source=name,
                    )
                )
            binary.seek(0)
            with _quiet_openpyxl():
                # A file object, not a path: openpyxl would refuse a name that does not end in .xlsx.
                book = openpyxl.load_workbook(binary, read_only=True, data_only=True)
        except _UNREADABLE as error:
            raise _unreadable(name, error) from None
        stack.callback(book.close)
        chosen = _sheet(book, sheet, name)
        chosen.reset_dimensions()
        yield chosen.title, _values(chosen.iter_rows(values_only=True), name)


def _sheet(book: Any, sheet: str | None, name: str) -> Any:
    """The worksheet named ``sheet``, in any case, as Excel matches names; else the first one Excel shows."""
    sheets = book.worksheets
    if not sheets:
        raise WorkbookError(Message(N_("{source} has no worksheet"), source=name))
    if sheet is None:
        return next((found for found in sheets if found.sheet_state == "visible"), sheets[0])
    for found in sheets:
        if found.title.casefold() == sheet.casefold():
            return found
    raise WorkbookError(
        Message(
            N_("{source} has no sheet {sheet!r}; its sheets: {titles}"),
            source=name,
            sheet=sheet,
            titles=", ".join(found.title for found in sheets),
        )
    )


@contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    """openpyxl warns of what it leaves out (data validation, styles it lacks, a date beyond its range); a reader of
    cell values needs none of it, and a user should not see it."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        yield


@contextmanager
def _binary(source: str) -> Iterator[IO[bytes]]:
    """The workbook's bytes, seekable (a zip archive is read from its end): a file, or stdin spooled to disk."""
    if source != "-":
        with open(source, "rb") as handle:
            yield handle
        return
    with tempfile.SpooledTemporaryFile(max_size=16 << 20) as spooled:
        while chunk := sys.stdin.buffer.read(1 << 20):
            spooled.write(chunk)
        spooled.seek(0)
        yield spooled


def _values(rows: Iterable[tuple[Any, ...]], name: str) -> Iterator[tuple[Any, ...]]:
    count = 0
    try:
        with _quiet_openpyxl():
            for row in rows:
                count += 1
                # openpyxl fills the rows up to a row's number: a tiny file that numbers a row 3,000,000 is not a
                # sheet Excel could have written, and must not become millions of output rows.
                if count > MAX_ROWS:
                    raise WorkbookError(
                        Message(
                            N_(
                                "{source} has more rows than an Excel sheet can hold ({rows}); it is not a sound "
                                "workbook"
                            ),
                            source=name,
                            rows=MAX_ROWS,
                        )
                    )
                # A date cell is a datetime at midnight: the day is what it means.
                yield tuple(
                    value.date() if type(value) is datetime and value.time() == time() else value for value in row
                )
    except _UNREADABLE as error:
        raise _unreadable(name, error) from None


def _unreadable(name: str, error: BaseException) -> WorkbookError:
    if isinstance(error, zipfile.BadZipFile):  # the commonest: a CSV or another file named as a workbook
        return WorkbookError(
            Message(
                N_(
                    "{source} is not an Excel workbook (.xlsx is a zip archive, this file is not one); save it as "
                    ".xlsx from Excel, or read it as CSV with --input-format csv"
                ),
                source=name,
            )
        )
    reason = " ".join((getattr(error, "strerror", None) or str(error) or type(error).__name__).split())
    return WorkbookError(
        Message(
            N_("cannot read {source} as an Excel workbook (.xlsx): {reason}; save it again from Excel, or as CSV"),
            source=name,
            reason=reason,
        )
    )


def get_column_letter(number: int) -> str:
    """A column's name as Excel shows it: 1 is A, 27 is AA (openpyxl's own)."""
    return str(_openpyxl().utils.get_column_letter(number))


class SheetWriter:
    """One sheet of a new workbook, written row by row into ``binary`` when :meth:`save` is called."""

    def __init__(self, binary: IO[bytes], title: str) -> None:
        openpyxl = _openpyxl()
        self._binary = binary
        self._book = openpyxl.Workbook(write_only=True)
        # A sheet's name as Excel allows it: none of []:*?/\ and at most 31 characters.
        self._sheet = self._book.create_sheet(_NOT_IN_TITLE.sub("_", title)[:_TITLE_LENGTH].strip("'") or "1")
        self._cell = openpyxl.cell.WriteOnlyCell
        self.rows = 0

    def append(self, values: Iterable[Any]) -> None:
        """Add a row; a text is always written as text, never read as a formula."""
        if self.rows == MAX_ROWS:
            raise WorkbookError(
                Message(N_("an .xlsx sheet holds at most {rows} rows; write this output as CSV"), rows=MAX_ROWS)
            )
        self._sheet.append([self._text(value) if type(value) is str else value for value in values])
        self.rows += 1

    def _text(self, value: str) -> Any:
        # A cell from an office's file that begins with '=' is data: written as a formula, Excel would run it
        # (CSV injection). A character XML cannot hold is written as U+FFFD, the replacement character.
        if value[:1] != "=" and not _NOT_IN_XML.search(value):
            return value
        cell = self._cell(self._sheet, value=_NOT_IN_XML.sub("\ufffd", value))
        cell.data_type = "s"
        return cell

    def save(self) -> None:
        self._book.save(self._binary)

    def discard(self) -> None:
        """Give up a workbook left unfinished (the run stopped): its rows' temporary file is closed and removed,
        rather than complained of when the interpreter collects it."""
        with suppress(Exception):  # already closed, or never begun: nothing to undo
            self._sheet.close()
        writer = getattr(self._sheet, "_writer", None)
        with suppress(Exception):
            writer.cleanup()  # type: ignore[union-attr]
