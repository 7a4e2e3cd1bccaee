"""Errors raised by nvao_equivalence.

Every error derives from :class:`EquivalenceError`. Errors caused by the
caller's input also derive from :class:`ValueError`, so ``except ValueError``
keeps working. "Not recognised" is never an error: it is a normal
:class:`~nvao_equivalence.Decision`. An exception means the library cannot
decide because something it was given is wrong.
"""

from __future__ import annotations

__all__ = [
    "EquivalenceError",
    "InvalidAssessmentError",
    "InvalidDiplomaError",
    "InvalidInputError",
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
