"""What is wrong with a rule file that is not TOML at all, said as a rule author understands it.

The TOML parser reports where it stopped and what it expected there; a date written as people write it
(``2005-2-1``, ``1-2-2005``) makes it say "Unclosed inline table" or "Invalid date". This names the date instead.
"""

from __future__ import annotations

import re

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message

__all__ = ["toml_problem"]

_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")
# Something a person meant as a date: digits in three groups, joined by - / or .
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[T ][\d:]+)?")


def toml_problem(error: Exception, text: str) -> Message:
    """The message for a rule file ``text`` that the TOML parser refused with ``error``.

    >>> import tomllib
    >>> text = "in_force = { from = 2005-2-1 }"
    >>> try:
    ...     tomllib.loads(text)
    ... except tomllib.TOMLDecodeError as error:
    ...     print(toml_problem(error, text))
    line 1: '2005-2-1' is not a date; write a date as YYYY-MM-DD, e.g. 2005-02-01
    """
    where = _WHERE.search(str(error))
    if where is not None:
        number, column = int(where.group(1)), int(where.group(2))
        lines = text.splitlines()
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        for found in _DATE_LIKE.finditer(line):
            if found.start() <= column and not _is_iso_date(found.group(0)):
                return Message(
                    N_("line {line}: {value!r} is not a date; write a date as YYYY-MM-DD, e.g. 2005-02-01"),
                    line=number,
                    value=found.group(0),
                )
    return Message(N_("not a valid UTF-8 TOML file: {error}"), error=str(error))


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
