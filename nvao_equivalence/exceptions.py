"""Errors raised by nvao_equivalence.

Every error derives from :class:`EquivalenceError`. Errors caused by the
caller's input also derive from :class:`ValueError`, so ``except ValueError``
keeps working. "Not recognised" is never an error: it is a normal
:class:`~nvao_equivalence.Decision`. An exception means the library cannot
decide because something it was given is wrong.
"""

from __future__ import annotations

__all__ = [
    "CredentialError",
    "EquivalenceError",
    "InvalidAssessmentError",
    "InvalidDiplomaError",
    "InvalidInputError",
    "RegisterDataError",
    "RuleDataError",
]


class EquivalenceError(Exception):
    """Root of every error this library raises."""


class InvalidInputError(EquivalenceError, ValueError):
    """A value given by the caller is not valid; the message names it and what would be."""


class InvalidDiplomaError(InvalidInputError):
    """A :class:`~nvao_equivalence.Diploma` or :class:`~nvao_equivalence.Accreditation` field is not valid."""


class InvalidAssessmentError(InvalidInputError):
    """The assessment itself is not valid: the target, the assessment date, or the rule packs asked for."""


class RuleDataError(EquivalenceError):
    """A rule file is malformed.

    ``path``, ``rule_id`` and ``key`` locate the problem; each may be ``None``
    when the problem is not inside a rule (a file-level key, say).
    """

    def __init__(self, message: str, *, path: str, rule_id: str | None = None, key: str | None = None) -> None:
        self.path = path
        self.rule_id = rule_id
        self.key = key
        where = path
        if rule_id is not None:
            where += f", rule {rule_id!r}"
        if key is not None:
            where += f", key {key!r}"
        super().__init__(f"{where}: {message}")


class RegisterDataError(EquivalenceError):
    """An accreditation register file cannot be read at all: not UTF-8, a NUL byte, a line or record over the
    documented size limits, JSON nested too deep or broken, or a CSV header without the register's columns.

    ``path`` names the file and ``line`` the line (``None`` when the problem is the file as a whole). A single
    malformed *record* is not an error: it is collected in the register's ``problems`` and the rest loads.
    """

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path if line is None else f"{path}, line {line}"
        super().__init__(f"{where}: {message}")


class CredentialError(InvalidInputError):
    """A digital credential (European Digital Credential JSON-LD, EMREX ELMO XML) cannot give a diploma: it is
    malformed, hostile (entities, a DTD, over the size limits) or lacks a field; the message names the field and,
    where the caller can supply it, the keyword and its valid values.
    """
