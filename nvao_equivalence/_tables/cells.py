"""One row of a table, as text cells, decided: the reading that ``batch`` and data frames share.

Cells are text as an office's file has them: ``yes``/``nee`` flags, dates day-first or ISO, jurisdiction and
degree aliases. A cell left empty means unknown or not stated.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from nvao_equivalence._case.diploma import Accreditation, Diploma
from nvao_equivalence._decide.decision import Decision
from nvao_equivalence._decide.engine import check_equivalence
from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message, field
from nvao_equivalence._vocabulary.dates import parse_date
from nvao_equivalence._vocabulary.flags import parse_flag

if TYPE_CHECKING:
    from nvao_equivalence._registers.register import AccreditationRegister
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["EMPTY", "arts_cell", "decide_cells", "no_default"]

#: The problem of an empty cell that a decision needs, and of one whose default was not given either.
EMPTY = N_("{name}: the cell is empty; it needs a value")
_VALID = {"target": N_("NL or VL"), "on": N_("a date such as 2024-09-01")}
_NO_DEFAULT = N_("{name}: the cell is empty and no {option} was given; valid: {valid}")


def no_default(name: str, option: str, lang: str = "en") -> str:
    """The problem of an empty ``target`` or ``on`` cell when the caller's ``option`` gave no default either."""
    return _no_default(name, option).in_(lang)


def _no_default(name: str, option: str) -> Message:
    return Message(_NO_DEFAULT, name=field(name), option=option, valid=Message(_VALID[name]))


def decide_cells(
    cells: Mapping[str, str],
    *,
    on: date | None,
    target: str | None,
    rules: RuleSet | None = None,
    register: AccreditationRegister | None = None,
    target_option: str = "--target",
    on_option: str = "--on",
) -> Decision:
    """The decision for one row of text cells (keys as the columns are matched: trimmed, lower case).

    ``on`` and ``target`` are the defaults for a row that does not name its own; ``target_option`` and
    ``on_option`` name them in a message, as the caller knows them (``--target`` on the command line).
    Raises :class:`~nvao_equivalence.exceptions.EquivalenceError` or ``ValueError`` naming the first problem.
    """
    for name in ("awarded_by", "degree", "awarded_on"):
        if not cells.get(name):
            raise ValueError(Message(EMPTY, name=field(name)))
    accreditations: tuple[Accreditation, ...] = ()
    if cells.get("accredited_from"):
        accreditations = (Accreditation(cells["accredited_from"], cells.get("accredited_until") or None),)
    elif cells.get("accredited_until"):
        raise ValueError(
            Message(
                N_("{until} is given without {start}; give both, or only {start}"),
                until=field("accredited_until"),
                start=field("accredited_from"),
            )
        )
    diploma = Diploma(
        awarded_by=cells["awarded_by"],
        degree=cells["degree"],
        awarded_on=cells["awarded_on"],
        accredited=parse_flag(cells.get("accredited", ""), field="accredited"),
        arts=arts_cell(cells.get("arts", "")),
        accreditations=accreditations,
        programme=cells.get("programme") or None,
        institution=cells.get("institution") or None,
        recognised=parse_flag(cells.get("recognised", ""), field="recognised"),
    )
    chosen = cells.get("target") or target
    if not chosen:
        raise ValueError(_no_default("target", target_option))
    day = parse_date(cells["on"], field="on") if cells.get("on") else on
    if day is None:
        raise ValueError(_no_default("on", on_option))
    return check_equivalence(diploma, target=chosen, on=day, rules=rules, register=register)


def arts_cell(text: str) -> bool | None:
    # Empty or "unknown" means not stated: read as not arts education, with a caveat where arts would widen the
    # comparable degrees (an export that leaves the column blank has not said "no").
    return parse_flag(text, field="arts")
