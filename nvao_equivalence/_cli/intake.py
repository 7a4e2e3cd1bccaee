"""Reading an intake file for ``batch``: opening it, and CSV row by row, each row with what is wrong with it.

CSV has a header, comma or semicolon, UTF-8 with or without BOM (or another encoding, named); JSON Lines (one
object a line) is read by ``_cli/jsonl.py``, an .xlsx sheet by ``_cli/sheet.py``. Problems of the whole file (no
header, a required column missing, a byte not in its encoding) raise :class:`BatchError` before anything is
written; a problem of one row travels with the row, which becomes an error row in the output.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO, Any

from nvao_equivalence._files.streams import BOM, delimiter_of, first_undecodable
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence._vocabulary.columns import REQUIRED_COLUMNS
from nvao_equivalence.exceptions import EquivalenceError

__all__ = [
    "OUTPUT_COLUMNS",
    "REQUIRED_COLUMNS",
    "REQUIRED_REGISTERED",
    "BatchError",
    "Row",
    "check_columns",
    "csv_rows",
    "open_input",
    "text_codec",
    "undecodable",
]

REQUIRED_REGISTERED = ("awarded_by", "degree", "awarded_on", "programme")
# Limits of one record (docs/cli.md): a CSV cell longer than MAX_CELL characters (the csv module's own default
# field limit) makes its row an error row; one longer than MAX_READ_CELL cannot be told from an unterminated quote
# and stops the run.
MAX_CELL = 128 * 1024
MAX_READ_CELL = 16 << 20
# The columns the output adds: an input that already has one would lose a value, so it is refused.
OUTPUT_COLUMNS = ("outcome", "equivalent_to", "equivalent_level", "rules", "caveats", "missing", "explanation", "error")


class BatchError(EquivalenceError):
    """The command itself cannot run (exit code 2): nothing, or nothing more, is written."""


# A row's values, and why it cannot be read as one, if so. The values of a CSV or a sheet are a list in the order
# of its columns, every column present (no dict a row: most rows are only looked up and written back); a JSON record
# is a dict, with the keys it has.
Row = tuple[list[Any] | dict[str, Any], Message | str | None]


@contextmanager
def open_input(source: str, encoding: str = "utf-8") -> Iterator[tuple[IO[str], bool]]:
    """The input as text in ``encoding`` (a BOM is dropped when it is UTF-8), and whether a CSV output should begin
    with a BOM: a BOM in, a BOM out, as Excel needs one to read a CSV as UTF-8; and as the output is UTF-8 whatever
    the input's encoding, one read in another (Excel's cp1252) gets a BOM too.

    A file is checked whole before anything is read from it, so that a byte the encoding does not have stops the
    command before any output; stdin cannot be read twice and is checked as it is read (see :func:`undecodable`).
    """
    codec = text_codec(encoding)
    if source == "-":
        raw = sys.stdin.buffer
        had_bom = raw.peek(3)[:3] == BOM if hasattr(raw, "peek") else False
        _check_bom(had_bom, "stdin", encoding, codec)
        yield io.TextIOWrapper(raw, encoding=codec, newline=""), had_bom or codec != "utf-8-sig"
        return
    path = Path(source)
    try:
        with path.open("rb") as binary:
            had_bom = binary.read(3) == BOM
            _check_bom(had_bom, source, encoding, codec)
            _check_encoding(binary, source, encoding, codec)
        stream = path.open(encoding=codec, newline="")
    except OSError as error:
        raise BatchError(Message(N_("cannot read {source}: {reason}"), source=source, reason=error.strerror)) from None
    with stream:
        yield stream, had_bom or codec != "utf-8-sig"


def text_codec(encoding: str) -> str:
    """The codec that reads ``encoding``: UTF-8 with or without a BOM, or any text encoding Python knows."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    # base64, rot13 and the like are codecs too, but turn bytes into bytes or text into text: not a file's encoding.
    # The escape codecs, UTF-7 and the domain-name ones are text codecs, but read '\n' or '+' in a cell as something
    # else: a row would silently change, or split in two.
    if info is None or not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FOR_FILES:
        raise BatchError(
            Message(
                N_(
                    "--encoding: {encoding!r} is not a text encoding; valid: utf-8 (the default), cp1252 (a CSV "
                    "from Excel on Windows), latin-1, utf-16 or another encoding Python knows"
                ),
                encoding=encoding,
            )
        )
    return "utf-8-sig" if info.name == "utf-8" else info.name


_NOT_FOR_FILES = frozenset({"unicode-escape", "raw-unicode-escape", "utf-7", "idna", "punycode"})


def _check_bom(had_bom: bool, source: str, encoding: str, codec: str) -> None:
    """A file that begins with UTF-8's byte order mark is UTF-8 (Excel's 'CSV UTF-8'): read in another encoding
    named by mistake, its accents would be silently garbled, so it is refused."""
    if had_bom and codec != "utf-8-sig":
        raise BatchError(
            Message(
                N_("{source} begins with a UTF-8 byte order mark: it is UTF-8, not {encoding}; leave out --encoding"),
                source=source,
                encoding=encoding,
            )
        )


def _check_encoding(binary: IO[bytes], source: str, encoding: str, codec: str) -> None:
    """Fail before any output if the file is not in its encoding, naming the line (Excel's 'CSV' is often
    Windows-1252, cp1252)."""
    found = first_undecodable(binary, codec)
    if found is None:
        return
    bad, line = found
    if codec != "utf-8-sig":
        if bad is None:
            raise BatchError(
                Message(N_("{source} is not {encoding} (it ends inside a character)"), source=source, encoding=encoding)
            )
        raise BatchError(
            Message(
                N_(
                    "{source} is not {encoding} (byte 0x{bad:02x} on line {line}); name the encoding it is in "
                    "with --encoding"
                ),
                source=source,
                encoding=encoding,
                bad=bad,
                line=line,
            )
        )
    if bad is None:
        raise BatchError(Message(N_("{source} is not UTF-8 (it ends inside a character)"), source=source))
    raise BatchError(
        Message(
            N_(
                "{source} is not UTF-8 (byte 0x{bad:02x} on line {line}); save it as 'CSV UTF-8', or name its "
                "encoding with --encoding (a CSV from Excel on Windows is usually cp1252)"
            ),
            source=source,
            bad=bad,
            line=line,
        )
    )


def undecodable(error: UnicodeDecodeError, source: str, encoding: str) -> BatchError:
    """The error that ends a run when stdin turns out, as it is read, not to be in its encoding (a file is
    checked whole before it is read)."""
    return BatchError(
        Message(
            N_("{source} is not {encoding} (byte 0x{bad:02x}); name the encoding it is in with --encoding"),
            source="stdin" if source == "-" else source,
            encoding=encoding,
            bad=error.object[error.start],
        )
    )


def csv_rows(stream: IO[str], delimiter: str | None) -> tuple[str, list[str], Iterator[Row]]:
    # A byte order mark that the codec keeps (utf-16-le, utf-16-be) would stick to the first column's name.
    first = stream.readline().removeprefix("\ufeff")
    if not first.strip():
        raise BatchError(Message(N_("the input has no header line; the first line must name the columns")))
    delimiter = delimiter or delimiter_of(first)
    # strict: an unterminated quote is an error, not a field that silently swallows the rows after it.
    reader = csv.reader(chain((first,), stream), delimiter=delimiter, strict=True)
    header = [name.strip() for name in _next_record(reader) or []]
    longest = max(header, key=len, default="")
    if len(longest) > MAX_CELL:
        raise BatchError(f"a column name is {len(longest):,} characters long, over the limit of {MAX_CELL:,}")

    def rows() -> Iterator[Row]:
        width = len(header)
        for chunk in _chunks(reader):
            for fields in chunk:
                if len(fields) == width and max(map(len, fields)) <= MAX_CELL:  # the common case, first
                    yield fields, None
                    continue
                problem: Message | str | None = None
                if len(fields) > width:
                    extra = ", ".join(repr(value) for value in fields[width:])
                    problem = Message(
                        N_("the row has {count} fields, the header {width}; extra: {extra}"),
                        count=len(fields),
                        width=width,
                        extra=extra,
                    )
                elif fields and max(map(len, fields)) > MAX_CELL:
                    problem = _long_cell(header, fields)
                # A short row's missing cells are empty; a long row's surplus is in its error.
                yield fields[:width] + [""] * (width - len(fields)), problem

    return delimiter, header, rows()


def _long_cell(header: list[str], fields: list[str]) -> str:
    column, size = next((name, len(cell)) for name, cell in zip(header, fields, strict=False) if len(cell) > MAX_CELL)
    return f"the cell in column {column!r} is {size:,} characters long, over the limit of {MAX_CELL:,}; shorten it"


def _next_record(reader: Any) -> list[str] | None:
    """The next CSV record, None at the end; a record csv cannot read ends the run, naming its line."""
    for chunk in _chunks(reader, 1):
        return chunk[0] if chunk else None
    return None


def _chunks(reader: Any, size: int = 256) -> Iterator[list[list[str]]]:
    """The CSV records in lists of up to ``size``, read with the field limit raised once a list (not once a record:
    that was a good part of reading a row), fewer when they are long; a record csv cannot read ends the run, after
    the records before it."""
    while True:
        chunk: list[list[str]] = []
        failure = None
        budget = _CHUNK_CHARACTERS
        with _long_cells():
            try:
                for _ in range(size):
                    chunk.append(record := next(reader))
                    budget -= sum(map(len, record))
                    if budget < 0:  # a few very long cells: held no longer than one of them would be
                        break
            except StopIteration:
                size = 0
            except csv.Error as error:
                failure = (error, reader.line_num)
        yield chunk
        if failure is not None:
            raise BatchError(
                Message(
                    N_("line {line}: {error}; the file cannot be read as CSV from there (check its quotes)"),
                    line=failure[1],
                    error=failure[0],
                )
            )
        if size == 0:
            return


# What one read of records may hold, in characters: far more than 256 ordinary rows, far less than 256 cells at
# the limit of MAX_READ_CELL.
_CHUNK_CHARACTERS = 1 << 20


# The csv module's field limit is the process's. It is raised only while a record is read, so that a long cell
# becomes an error row of its own (see MAX_CELL) rather than the end of the run, and put back at once; counted
# under a lock, so that runs in several threads put back the limit they found, not each other's.
_LIMIT_LOCK = threading.Lock()
_limit_raised = [0, 0]  # how many reads hold it raised, and the limit to put back


@contextmanager
def _long_cells() -> Iterator[None]:
    with _LIMIT_LOCK:
        if _limit_raised[0] == 0:
            _limit_raised[1] = csv.field_size_limit(MAX_READ_CELL)
        _limit_raised[0] += 1
    try:
        yield
    finally:
        with _LIMIT_LOCK:
            _limit_raised[0] -= 1
            if _limit_raised[0] == 0:
                csv.field_size_limit(_limit_raised[1])


def check_columns(columns: list[str], *, registered: bool = False) -> None:
    seen: set[str] = set()
    for column in columns:
        name = column.lower()
        if name in seen:
            raise BatchError(Message(N_("column {name!r} appears more than once in the header"), name=name))
        seen.add(name)
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
