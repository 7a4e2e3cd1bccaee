"""Rows decided before: ``batch`` decides each kind of row once, however often the file repeats it.

An intake file repeats itself: the same awarding party, degree and flags, and award dates that fall in the same period
between two rule changes. A decision's output cells depend only on its verdict, and a verdict only on the diploma's
discrete facts, the target, and which periods between rule changes hold the award date and the assessment date (see
``verdict`` in ``_decide/engine.py``, which keys its own cache the same way). So a row is looked up by its raw cells
for those facts and by the two periods, and only the first row of each kind is decided in full.

Rows the key cannot stand for are decided in full every time: rows with an accreditation period (the award date
itself then decides whether the programme was accredited), rows decided from a register (its answer is cited per
row, with dates), and rows that are errors (the message names the row's own values). A row is looked up only once
its dates have been read and found in order, so a bad date is always reported by the full decision.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from datetime import date
from operator import itemgetter
from typing import Any

from nvao_equivalence._rulebook.ruleset import RuleSet
from nvao_equivalence._vocabulary.dates import parse_date

__all__ = ["RowMemo"]

# The columns whose cells make a row's facts, besides its two dates; every other column is passed through.
FACTS = ("awarded_by", "degree", "accredited", "arts", "recognised", "target")
# A file of endlessly varied spellings must not grow memory: past these sizes a cache starts again.
MAX_KINDS = 4096
MAX_DATES = 65536
# Rows with a longer fact cell are decided in full: a key holds its cells, and no spelling of a fact is this long.
MAX_KEY_CELL = 64


class RowMemo:
    """The output of each kind of row seen so far, for rows keyed by ``key``; see the module."""

    def __init__(
        self, places: Mapping[str, int], ruleset: RuleSet, on: date | None, text: Callable[[Any], str], *, typed: bool
    ) -> None:
        # places: {column: its place in a row's values}, for the columns the input has.
        self._facts = itemgetter(*(places[name] for name in FACTS if name in places), places["awarded_on"])
        self._on = places.get("on")
        self._text = text
        # A workbook's cells are typed, and True == 1 == 1.0 as keys: such cells are keyed by their text.
        self._typed = typed
        self._changes = ruleset.changes
        self._award_changes = ruleset.award_changes
        self._default = (on, bisect_right(self._changes, on)) if on is not None else None
        self._kinds: dict[tuple[Any, ...], tuple[dict[str, Any], str]] = {}
        # Each date cell read once: its day and the period that holds it, among the award's or the assessment's.
        self._awarded: dict[Any, tuple[date, int] | None] = {}
        self._assessed: dict[Any, tuple[date, int] | None] = {}

    @classmethod
    def usable(cls, places: Mapping[str, int], register: object) -> bool:
        """Whether rows of an input with these columns can be keyed at all."""
        return (
            register is None
            and "awarded_on" in places
            and "accredited_from" not in places
            and "accredited_until" not in places
        )

    def lookup(self, values: Any) -> tuple[tuple[Any, ...] | None, tuple[dict[str, Any], str] | None]:
        """The key of a row (a list of cells) and its output cells and outcome if a row of its kind was decided
        before; the key is ``None`` for a row whose dates are not read or not in order, or with a cell the key
        cannot hold (the full decision then says what is wrong)."""
        facts = self._facts(values)
        kind = facts[:-1]
        try:
            if self._typed:
                kind = tuple(value if type(value) is str else self._text(value) for value in kind)
            raw = facts[-1]
            try:  # the common case, inline: an award date seen before
                awarded = self._awarded[raw if type(raw) is str else (type(raw), raw)]
            except KeyError:
                awarded = self._date(raw, self._award_changes, self._awarded)
            if awarded is None:
                return None, None
            assessed = self._default
            if self._on is not None:
                cell = values[self._on]
                if self._text(cell):
                    assessed = self._date(cell, self._changes, self._assessed)
        except ValueError:  # a workbook's cell that is no text, number, boolean or date
            return None, None
        if assessed is None or awarded[0] > assessed[0]:
            return None, None  # no assessment date, or one before the award: the full decision says so
        key = kind, assessed[1], awarded[1]
        return key, self._kinds.get(key)

    def put(self, key: tuple[Any, ...], cells: dict[str, Any], outcome: str) -> None:
        """Keep the output of a row of this kind; a key with a very long cell is not kept (no spelling of a fact is
        that long, and a file of them must not fill memory)."""
        if max(map(len, key[0]), default=0) > MAX_KEY_CELL:
            return
        if len(self._kinds) >= MAX_KINDS:
            self._kinds.clear()
        self._kinds[key] = (cells, outcome)

    def _date(
        self, raw: Any, changes: tuple[date, ...], known: dict[Any, tuple[date, int] | None]
    ) -> tuple[date, int] | None:
        """A cell's date and the period between ``changes`` that holds it, or ``None`` when the cell is empty or not
        a date (the full decision then says why); kept in ``known``."""
        if type(raw) is str and len(raw) > MAX_KEY_CELL:
            return None  # a cell this long is kept by no cache: the row is decided in full
        cached = raw if type(raw) is str else (type(raw), raw)  # True == 1 as keys, but not as cells
        if cached in known:
            return known[cached]
        try:
            text = self._text(raw)
            day = parse_date(text, field="") if text else None
        except ValueError:
            day = None
        if day is None:
            return None  # not kept: the row is decided in full, which says what is wrong with the cell
        if len(known) >= MAX_DATES:
            known.clear()
        found = known[cached] = (day, bisect_right(changes, day)) if day is not None else None
        return found
