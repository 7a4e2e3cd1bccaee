"""Reading a JSON Lines intake for ``batch``: one object a line, each record with what is wrong with it.

A line that is not a JSON object, names a key twice, nests deeper than MAX_DEPTH levels, holds a number Python
cannot read or a lone surrogate escape becomes an error row of its own; the run goes on (docs/cli.md, limits).
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from typing import IO, Any

from nvao_equivalence._cli.intake import OUTPUT_COLUMNS
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message

__all__ = ["MAX_DEPTH", "checked_records", "jsonl_rows"]

MAX_DEPTH = 100
# A record by its keys, and why it cannot be read as one, if so (a Row of _cli/intake.py).
Record = tuple[dict[str, Any], Message | str | None]


def jsonl_rows(stream: IO[str]) -> tuple[list[str], Iterator[Record]]:
    lines = iter(enumerate(stream, start=1))
    pending: list[Record] = []
    columns: list[str] = []
    # The columns are the keys of the first record (CSV output needs them up front).
    for number, line in lines:
        row = _json_row(number, line.removeprefix("\ufeff") if number == 1 else line)
        pending.append(row)
        if row[1] is None:
            columns = list(row[0])
            break

    def rows() -> Iterator[Record]:
        yield from pending
        for number, line in lines:
            yield _json_row(number, line)

    return columns, rows()


def checked_records(rows: Iterator[Record], columns: list[str] | None) -> Iterator[Record]:
    """JSON records whose keys the output would overwrite, or (for CSV output, whose columns are the first
    record's keys) could not hold, become error rows rather than losing a value."""
    known = frozenset(columns) if columns is not None else None
    for record, problem in rows:
        if problem is None:
            clash = [key for key in record if str(key).strip().lower() in OUTPUT_COLUMNS]
            unknown = [key for key in record if known is not None and key not in known]
            if clash:
                problem = Message(N_("the record has a key {key!r}, which the output adds; rename it"), key=clash[0])
            elif unknown:
                kept = ", ".join(f"{key}={record[key]!r}" for key in unknown)
                problem = Message(
                    N_("keys not in the first record cannot be written as CSV columns: {kept}"), kept=kept
                )
        yield record, problem


class _DuplicateKey(Exception):
    """A JSON object names the same key twice: json would keep only the last value."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return record


def _number_text(text: str) -> Any:
    """A JSON number with a fraction or exponent: a float, or its text when no float holds it (1e999)."""
    number = float(text)
    return number if math.isfinite(number) else text


# NaN and Infinity are not JSON, though Python's json reads them: they are kept as their text, as are numbers no
# float can hold, so that the output is always JSON and no value is lost.
_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_constant=str, parse_float=_number_text)


def _json_row(number: int, line: str) -> Record:
    if not line.strip():
        return {}, Message(N_("empty line: nothing to decide"))
    try:
        record = _DECODER.decode(line)
    except json.JSONDecodeError as error:
        return {}, Message(
            N_("line {line} is not JSON: {error} (column {column})"), line=number, error=error.msg, column=error.colno
        )
    except _DuplicateKey as twice:
        return {}, f"line {number}: the key {twice.args[0]!r} appears twice in one object; keep one"
    except RecursionError:
        return {}, f"line {number}: JSON nested deeper than {MAX_DEPTH} levels, the limit"
    except ValueError:  # the only other: an integer with more digits than Python converts
        digits = sys.get_int_max_str_digits()
        return {}, f"line {number}: a number has more than {digits:,} digits, the limit; write it as text"
    if not isinstance(record, dict):
        return {}, Message(N_("line {line} is not a JSON object: {start!r}"), line=number, start=line.strip()[:40])
    if line.count("[") + line.count("{") > MAX_DEPTH and _deeper_than(record, MAX_DEPTH):
        return {}, f"line {number}: JSON nested deeper than {MAX_DEPTH} levels, the limit"
    if "\\u" in line:  # only an escape can give text that is not a character: a lone surrogate
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            escape = f"\\u{ord(error.object[error.start]):04x}"
            return {}, (
                f"line {number}: the escape {escape} is half of a UTF-16 surrogate pair, not a character; "
                "write the character itself, or both halves"
            )
    return record, None


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests arrays and objects more than ``limit`` levels deep (without recursing)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
