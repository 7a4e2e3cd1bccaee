"""Errors raised by nvao_equivalence.

Every error derives from :class:`EquivalenceError`. Errors caused by the
caller's input also derive from :class:`ValueError`, so ``except ValueError``
keeps working. "Not recognised" is never an error: it is a normal
:class:`~nvao_equivalence.Decision`. An exception means the library cannot
decide because something it was given is wrong.
"""

from __future__ import annotations

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message, say

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
    """Root of every error this library raises.

    ``str(error)`` is English, as Python's convention has it; :meth:`in_` gives the same message in another
    language the package speaks (``"nl"``), for an admission officer:

    >>> from nvao_equivalence import Diploma
    >>> try:
    ...     Diploma(awarded_by="NL", degree="wo-master", awarded_on="2016-07-01", accredited="misschien")
    ... except EquivalenceError as error:
    ...     print(error)
    ...     print(error.in_("nl"))
    accredited: 'misschien' is not valid; valid: True, False, or None when it is not known
    geaccrediteerd: 'misschien' is niet geldig; geldig: True, False, of None als het niet bekend is
    """

    def in_(self, lang: str) -> str:
        """The message in ``lang`` (``"en"`` or ``"nl"``); a message without a translation stays English."""
        return say(self.args[0], lang) if len(self.args) == 1 else str(self)


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

    def __init__(
        self, message: str | Message, *, path: str, rule_id: str | None = None, key: str | None = None
    ) -> None:
        self.path = path
        self.rule_id = rule_id
        self.key = key
        self.message = message
        super().__init__(self.in_("en"))

    def in_(self, lang: str) -> str:
        """The message in ``lang``, with where it is: the file, the rule and the key."""
        where = self.path
        if self.rule_id is not None:
            where += Message(N_(", rule {rule_id!r}"), rule_id=self.rule_id).in_(lang)
        if self.key is not None:
            where += Message(N_(", key {key!r}"), key=self.key).in_(lang)
        return f"{where}: {say(self.message, lang)}"


class RegisterDataError(EquivalenceError):
    """An accreditation register file cannot be read at all: not UTF-8, a NUL byte, a line or record over the
    documented size limits, JSON nested too deep or broken, or a CSV header without the register's columns.

    ``path`` names the file and ``line`` the line (``None`` when the problem is the file as a whole). A single
    malformed *record* is not an error: it is collected in the register's ``problems`` and the rest loads.
    """

    def __init__(self, message: str | Message, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.in_("en"))

    def in_(self, lang: str) -> str:
        """The message in ``lang``, with the file and line it concerns."""
        where = self.path if self.line is None else self.path + Message(N_(", line {line}"), line=self.line).in_(lang)
        return f"{where}: {say(self.message, lang)}"


class CredentialError(InvalidInputError):
    """A digital credential (European Digital Credential JSON-LD, EMREX ELMO XML) cannot give a diploma: it is
    malformed, hostile (entities, a DTD, over the size limits) or lacks a field; the message names the field and,
    where the caller can supply it, the keyword and its valid values.
    """
