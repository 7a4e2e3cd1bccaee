"""Reading files as streams, with limits: CSV rows and JSON values, one at a time; the BOM, delimiter and UTF-8
checks that the registers and the intake of ``batch`` share.

Limits (documented in docs/registers.md): a CSV line may be at most :data:`MAX_LINE_BYTES` long (with its line
ending) and a field at most the ``csv`` module's field limit; one JSON value held whole (a record, or an API page)
at most :data:`MAX_JSON_BYTES`; JSON nested deeper than the interpreter's recursion limit is refused. A file that
breaks them, is not UTF-8 or holds a NUL byte raises :class:`RegisterDataError`: it is not a register.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from nvao_equivalence.exceptions import InvalidInputError, RegisterDataError

__all__ = [
    "BOM",
    "MAX_JSON_BYTES",
    "MAX_LINE_BYTES",
    "csv_rows",
    "delimiter_of",
    "first_undecodable",
    "json_records",
    "json_values",
    "opened",
    "sniff",
]

MAX_LINE_BYTES = 1 << 20  # 1 MiB: a DUO or DEQAR row is well under 4 KiB
MAX_JSON_BYTES = 16 << 20  # 16 MiB: one DEQAR report is a few KiB, an API page of 100 reports well under 1 MiB
_CHUNK = 1 << 20
BOM = codecs.BOM_UTF8


def delimiter_of(header: str) -> str:
    """The delimiter of a CSV file, from its header line: Dutch Excel writes ';', most other tools ','; whichever
    the header holds more of wins."""
    return ";" if header.count(";") > header.count(",") else ","


def first_undecodable(binary: IO[bytes], encoding: str = "utf-8") -> tuple[int | None, int] | None:
    """The first byte of ``binary`` (read from its start) that is not text in ``encoding``, and its line;
    ``(None, line)`` when the file ends inside a character; ``None`` when the whole file decodes. Reads in chunks:
    memory stays flat."""
    binary.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    for chunk in iter(lambda: binary.read(_CHUNK), b""):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            return chunk[error.start], line + chunk[: error.start].count(b"\n")
        line += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None, line
    return None


@contextmanager
def opened(source: str | os.PathLike[str] | IO[bytes]) -> Iterator[tuple[IO[bytes], str]]:
    """A binary stream of ``source`` (a path, or a binary file object left open) and the name to cite it by."""
    if not isinstance(source, (str, os.PathLike)):
        if isinstance(source, io.TextIOBase) or not callable(getattr(source, "read", None)):
            raise InvalidInputError(
                f"source: {source!r} is not valid; valid: a file path, or a file object opened in binary mode ('rb')"
            )
        yield source, str(getattr(source, "name", "<stream>"))
        return
    path = Path(source)
    try:
        stream = path.open("rb")
    except OSError as error:
        raise RegisterDataError(f"cannot read the file: {error.strerror}", path=path.name) from None
    with stream:
        yield stream, path.name


def _lines(stream: IO[bytes], name: str) -> Iterator[str]:
    """The file's lines as text, each checked before it is decoded: length, NUL bytes, UTF-8."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise RegisterDataError(
                f"the line is longer than {MAX_LINE_BYTES:,} bytes, the limit for one line of a register file",
                path=name, line=number,
            )  # fmt: skip
        if b"\x00" in raw:
            raise RegisterDataError(
                "the line holds a NUL byte: this is not a text register file (a UTF-16 export? save it as UTF-8)",
                path=name, line=number,
            )  # fmt: skip
        if number == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RegisterDataError(
                f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8", path=name, line=number
            ) from None


def csv_rows(stream: IO[bytes], name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str] | str]]:
    """Each data row with its line number, keyed by the header's names (upper-cased), or what is wrong with it
    (a row whose field count differs from the header's); blank lines are skipped.

    The delimiter is whichever of ``;`` and ``,`` the header holds more of. A header lacking a ``required``
    column raises :class:`RegisterDataError`.
    """
    lines = _lines(stream, name)
    first = next(lines, "")
    if not first.strip():
        raise RegisterDataError("the file is empty; the first line must name the columns", path=name, line=1)
    delimiter = delimiter_of(first)
    try:
        header = [column.strip().upper() for column in next(csv.reader([first], delimiter=delimiter))]
    except csv.Error as error:
        raise RegisterDataError(f"the header is not CSV: {_csv_problem(first, error)}", path=name, line=1) from None
    missing = [column for column in required if column.upper() not in header]
    if missing:
        raise RegisterDataError(
            f"the header lacks {', '.join(missing)}; columns found: {', '.join(header)[:300]}", path=name, line=1
        )
    reader = csv.reader(lines, delimiter=delimiter)
    width = len(header)
    while True:
        start = reader.line_num + 2  # the header is line 1 and was read apart
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RegisterDataError(f"not CSV: {_csv_problem(None, error)}", path=name, line=start) from None
        if not any(field.strip() for field in fields):
            continue
        if len(fields) != width:
            yield start, f"the row has {len(fields)} fields, the header {width}"
            continue
        yield start, dict(zip(header, fields, strict=True))


def _csv_problem(line: str | None, error: csv.Error) -> str:
    """What the csv module's complaint (about ``line``, when known) means for the person holding the file."""
    if line is not None and "\r" in line.rstrip("\r\n"):
        return "its lines end in a bare carriage return (CR), as old Mac exports write; save it with CRLF or LF endings"
    if "field limit" in str(error):
        return f"a field is longer than {csv.field_size_limit():,} characters, the limit"
    return str(error)


def json_values(stream: IO[bytes], name: str) -> Iterator[tuple[int, Any]]:
    """Each JSON value of the file with the line it starts on: the elements of a top-level array one by one, or
    each top-level value (one document, JSON Lines, or documents one after another)."""
    for line, found, _ in json_records(stream, name, None):
        yield line, found


def json_records(stream: IO[bytes], name: str, page: str | None) -> Iterator[tuple[int, Any, bool]]:
    """As :func:`json_values`, but a top-level object holding an array under the key ``page`` (an API page's
    ``results``) gives that array's elements instead, each with the line it starts on; the flag says whether a
    value came from such a page."""
    decoder = json.JSONDecoder()
    text = codecs.getincrementaldecoder("utf-8-sig")()
    buffer, position, line, ended = "", 0, 1, False

    def fill() -> bool:
        nonlocal buffer, position, ended
        chunk = stream.read(_CHUNK)
        if b"\x00" in chunk:
            raise RegisterDataError("the file holds a NUL byte: it is not a JSON register file", path=name, line=line)
        try:
            buffer = buffer[position:] + text.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise RegisterDataError("the file is not UTF-8", path=name, line=line) from None
        position, ended = 0, not chunk
        return bool(chunk)

    def skip_space() -> bool:
        """Move to the next non-space character; False at the end of the file."""
        nonlocal position, line
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                line += buffer[position] == "\n"
                position += 1
            if position < len(buffer):
                return True
            if ended or not fill():
                return False

    def value() -> tuple[int, Any, bool]:
        nonlocal position, line
        while True:
            try:
                found, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as error:
                near_end = error.pos >= len(buffer) - 8 or error.msg.startswith("Unterminated string")
                if ended or not near_end:
                    at = line + buffer.count("\n", position, error.pos)
                    raise RegisterDataError(f"not JSON: {error.msg}", path=name, line=at) from None
                if len(buffer) - position > MAX_JSON_BYTES:
                    raise RegisterDataError(
                        f"a JSON value longer than {MAX_JSON_BYTES:,} bytes, the limit for one record or page",
                        path=name, line=line,
                    ) from None  # fmt: skip
                fill()
                continue
            except RecursionError:
                raise RegisterDataError(
                    "JSON nested too deeply to be a register record", path=name, line=line
                ) from None
            except ValueError as error:  # e.g. an integer with too many digits
                raise RegisterDataError(f"not a usable JSON value: {error}", path=name, line=line) from None
            start = line
            if page is not None and isinstance(found, dict) and isinstance(found.get(page), list):
                try:
                    offsets = _element_lines(buffer[position:end], page)
                except RecursionError:  # read again a little deeper in the stack than the first time
                    raise RegisterDataError(
                        "JSON nested too deeply to be a register record", path=name, line=line
                    ) from None
                found = [(start + offset, item) for offset, item in zip(offsets, found[page], strict=True)]
                is_page = True
            else:
                is_page = False
            line += buffer.count("\n", position, end)
            position = end
            return start, found, is_page

    def values() -> Iterator[tuple[int, Any, bool]]:
        start, found, is_page = value()
        if is_page:
            for line_of_item, item in found:
                yield line_of_item, item, True
        else:
            yield start, found, False

    while skip_space():
        if buffer[position] != "[":
            yield from values()
            continue
        position += 1  # a top-level array: its elements one by one
        first = True
        while True:
            if not skip_space():
                raise RegisterDataError("not JSON: the file ends inside an array", path=name, line=line)
            if buffer[position] == "]":
                position += 1
                break
            if not first:
                if buffer[position] != ",":
                    raise RegisterDataError("not JSON: expecting ',' between elements", path=name, line=line)
                position += 1
                if not skip_space():
                    raise RegisterDataError("not JSON: the file ends inside an array", path=name, line=line)
            yield from values()
            first = False


_BLANKS = " \t\r\n"


def _element_lines(text: str, key: str) -> list[int]:
    """For the JSON object ``text`` (already decoded once, so well-formed), the line offset at which each element
    of its array under ``key`` starts; the last ``key`` counts, as for :func:`json.loads`."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    counted, newlines = 0, 0

    def skip(at: int) -> int:
        """Past blanks, one separator (``,`` or ``:``) and the blanks after it."""
        while text[at] in _BLANKS:
            at += 1
        if text[at] in ",:":
            at += 1
            while text[at] in _BLANKS:
                at += 1
        return at

    position = skip(1)  # after the opening brace
    while text[position] != "}":
        member, position = decoder.raw_decode(text, position)
        position = skip(position)
        if member == key and text[position] == "[":
            lines = []
            position = skip(position + 1)
            while text[position] != "]":
                newlines += text.count("\n", counted, position)
                counted = position
                lines.append(newlines)
                position = skip(decoder.raw_decode(text, position)[1])
            position = skip(position + 1)
        else:
            position = skip(decoder.raw_decode(text, position)[1])
    return lines


def sniff(path: str | os.PathLike[str]) -> str:
    """Which register file ``path`` is: ``rio-csv``, ``rio-json``, ``deqar-csv`` or ``deqar-json``.

    JSON (``.json``, ``.jsonl``, or content starting with ``{``/``[``) or CSV by the name, then the register by the
    content of the first 64 KiB: a CSV header with ``ERKENDEOPLEIDINGSCODE`` is RIO's, one with ``report_id``
    DEQAR's; JSON naming ``hoOnderwijsaccreditatie`` or ``erkendeopleidingscode`` is RIO's, ``agency_acronym``
    or ``valid_from`` DEQAR's.
    """
    name = Path(path).name
    try:
        with Path(path).open("rb") as stream:
            head = stream.read(1 << 16).removeprefix(BOM)
    except OSError as error:
        raise RegisterDataError(f"cannot read the file: {error.strerror}", path=name) from None
    suffix = Path(path).suffix.lower()
    is_json = suffix in (".json", ".jsonl") or (suffix != ".csv" and head.lstrip()[:1] in (b"{", b"["))
    if is_json:
        if b'"hoOnderwijsaccreditatie"' in head or b'"erkendeopleidingscode"' in head:
            return "rio-json"
        if b'"agency_acronym"' in head or b'"valid_from"' in head:
            return "deqar-json"
    else:
        header = head.split(b"\n", 1)[0].upper()
        if b"ERKENDEOPLEIDINGSCODE" in header:
            return "rio-csv"
        if b"REPORT_ID" in header:
            return "deqar-csv"
    raise RegisterDataError(
        "not a register file this library reads: expected DUO's ho_erkenningen_rio.csv, a RIO LOD licence JSON, "
        "a DEQAR report JSON or the DEQAR reports CSV (see the registers documentation)",
        path=name,
    )
