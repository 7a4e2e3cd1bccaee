"""Which header of an intake file is which column: the library's own names, the Dutch headers of offices'
exports (:data:`~nvao_equivalence._vocabulary.columns.OFFICE_HEADERS`), and the mappings given with ``--column``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nvao_equivalence._cli.intake import BatchError
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence._vocabulary.columns import INTAKE_COLUMNS, OFFICE_HEADERS

__all__ = ["column_name", "column_options", "header_names"]


def column_options(options: Sequence[str]) -> dict[str, str]:
    """The ``--column NAME=HEADER`` options as {header, trimmed and in lower case: column}."""
    mapping: dict[str, str] = {}
    for option in options:
        name, sign, header = option.partition("=")
        name, header = name.strip().lower(), header.strip().lower()
        if not sign or not header:
            raise BatchError(
                Message(N_("--column: {option!r} is not NAME=HEADER, e.g. awarded_on=Diplomadatum"), option=option)
            )
        if name not in INTAKE_COLUMNS:
            raise BatchError(
                Message(
                    N_("--column: {name!r} is not a column a row is decided from; valid: {valid}"),
                    name=name,
                    valid=", ".join(INTAKE_COLUMNS),
                )
            )
        if mapping.get(header, name) != name:
            raise BatchError(
                Message(
                    N_("--column: the header {header!r} is mapped to both {first!r} and {second!r}; keep one"),
                    header=header,
                    first=mapping[header],
                    second=name,
                )
            )
        mapping[header] = name
    return mapping


def column_name(header: str, mapping: Mapping[str, str]) -> str:
    """The column a header or JSON key (trimmed, in lower case) names: a ``--column`` mapping, else an office's
    Dutch header, else itself."""
    return mapping.get(header) or OFFICE_HEADERS.get(header) or header


def header_names(columns: Sequence[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """For each header of the input that names a column under another name, that column: a ``--column`` mapping
    first, else an office's Dutch header. A mapped header the input does not have is an error (a typing error in
    it would otherwise leave the column silently unread)."""
    found = {column.strip().lower(): column for column in columns}
    for header in mapping:
        if header not in found:
            raise BatchError(
                Message(
                    N_("--column: the input has no header {header!r}; columns found: {found}"),
                    header=header,
                    found=", ".join(columns),
                )
            )
    names: dict[str, str] = {}
    read_as: dict[str, str] = {}  # column: the header read as it
    for key, header in found.items():
        name = column_name(key, mapping)
        if name != key:
            names[key] = name
        if name in read_as and (name != key or name in names.values()):
            raise BatchError(
                Message(
                    N_("the headers {first!r} and {second!r} are both read as the column {name!r}; map only one"),
                    first=read_as[name],
                    second=header,
                    name=name,
                )
            )
        read_as[name] = header
    return names
