"""Deciding a data frame: once per distinct case, joined back to the rows by column expressions.

The law is piecewise constant: a decision depends on a handful of discrete facts and on which rule periods hold the
award date and the assessment date. So the frame's decisive cells are coded as small integers and the two dates as
the numbers of their rule periods, all with column expressions; the distinct cases are collected (the only data
that leaves the frame), each is decided once through the same reading of cells as ``batch``, and the answers are
mapped back onto the rows. A lazy frame stays lazy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

try:
    import narwhals as nw
except ImportError:  # pragma: no cover - the message a user without the extra sees
    raise ImportError("nvao_equivalence.frames needs narwhals: pip install 'nvao-equivalence[frames]'") from None

from nvao_equivalence._decide.assessment import ORDER_PROBLEM, assessment_date, assessment_target, rule_set
from nvao_equivalence._decide.explain import LANGS
from nvao_equivalence._language.catalogue import tr
from nvao_equivalence._language.message import Message, field, say
from nvao_equivalence._rulebook.ruleset import RuleSet
from nvao_equivalence._tables.cells import EMPTY, decide_cells, no_default
from nvao_equivalence._vocabulary.columns import REQUIRED_COLUMNS
from nvao_equivalence._vocabulary.dates import parse_date
from nvao_equivalence.exceptions import EquivalenceError, InvalidInputError

__all__ = ["OUTPUT_COLUMNS", "REQUIRED_COLUMNS", "decide_frame"]

# The cells read as text (flags, codes, names); the two dates are read apart.
_TEXT = ("awarded_by", "degree", "accredited", "arts", "recognised", "target")
_DATES = ("awarded_on", "on")
OUTPUT_COLUMNS = ("outcome", "equivalent_to", "rules", "equivalent_level", "missing", "error", "explanation")
_ANSWERS = OUTPUT_COLUMNS[:-2]  # what a decided case gives; ``error`` and ``explanation`` are built apart
_DTYPES: dict[str, Any] = {name: nw.Int64 if name == "equivalent_level" else None for name in OUTPUT_COLUMNS}
# Up to this many distinct values, a column is coded by comparing with each.
_FEW = 3
# The rows a column's values are first learnt from.
_FIRST_ROWS = 10_000
# Up to this many possible cases, an eager frame reads its answers from a table indexed by case (cheaper than a
# hash lookup per row); beyond, and for lazy frames, each answer is a lookup.
_TABLE_LIMIT = 1 << 20
# Working columns, dropped before the frame is returned.
_HELPER = "__nvao_equivalence_"


def decide_frame(
    frame: Any, *, on: object = None, target: object = None, rules: object = None, lang: object = None
) -> Any:
    """See :func:`nvao_equivalence.frames.check_frame`."""
    try:
        data = nw.from_native(frame)
    except TypeError:
        raise InvalidInputError(
            f"frame: {type(frame).__name__} is not a data frame; valid: a pandas, polars, pyarrow, DuckDB or Dask "
            "frame (eager or lazy), or any other frame narwhals supports"
        ) from None
    schema = data.collect_schema()
    columns_in_order = list(schema.names())
    columns = _columns(columns_in_order)
    ruleset = rule_set(rules)
    if lang is not None and lang not in LANGS:
        raise InvalidInputError(f"lang: {lang!r} is not supported; valid: {', '.join(LANGS)}, or None")
    day = _scalar_on(on, has_column="on" in columns)
    code = _scalar_target(target, has_column="target" in columns)

    facts = [_Fact(data, name, columns[name], schema[columns[name]]) for name in _TEXT if name in columns]
    changes = ruleset.changes
    # Problems are said in ``lang``, as batch says them; in English where no language is asked for.
    said = lang if isinstance(lang, str) else "en"
    award = _Day(data, "awarded_on", columns["awarded_on"], schema[columns["awarded_on"]], default=None, lang=said)
    assessed = (
        _Day(data, "on", columns["on"], schema[columns["on"]], default=day, lang=said)
        if "on" in columns
        else _Day.constant(day)
    )
    periods = [award.period(changes), assessed.period(changes)]
    case, problem = f"{_HELPER}case", f"{_HELPER}problem"
    while True:
        radix = [*(len(fact.cells) for fact in facts), len(changes) + 1, len(changes) + 1]
        # In steps, each reading the columns the step before made: the case is computed once, not once per output.
        staged = data.with_columns(**{case: _mixed_radix([*(fact.code for fact in facts), *periods], radix)})
        # The one collection of rows: the distinct cases, few whatever the frame's length.
        found = staged.select(nw.col(case)).unique()
        known = sorted(int(key) for (key,) in (found.collect() if isinstance(found, nw.LazyFrame) else found).rows())
        unseen = {index for key in known for index, code in enumerate(_digits(key, radix)[: len(facts)])
                  if code == facts[index].other}  # fmt: skip
        if not unseen:
            break
        facts = [fact.whole(data) if index in unseen else fact for index, fact in enumerate(facts)]
    answers = [
        _answer(_cells(key, facts, radix), ruleset, code, lang if isinstance(lang, str) else None) for key in known
    ]
    staged = staged.with_columns(
        **{
            problem: nw.coalesce(
                _lookup(nw.col(case), known, [answer["error"] for answer in answers], None),
                award.problem,
                assessed.problem,
                _order_problem(award, assessed, said),
            )
        }
    )
    # A row refused for a date is refused whatever its case says (the case's own problem is named first): its
    # case becomes one that has no answer, which leaves every output below null.
    size = math.prod(radix)
    staged = staged.with_columns(**{case: nw.when(nw.col(problem).is_null()).then(nw.col(case)).otherwise(size)})
    names = [name for name in _DTYPES if name != "error" and (name != "explanation" or lang is not None)]
    if isinstance(staged, nw.DataFrame) and size <= _TABLE_LIMIT:
        # An eager frame with few possible cases: each output is read from a table indexed by the case itself.
        found = dict(zip(known, answers, strict=True))
        rows = staged[case]
        namespace = nw.get_native_namespace(staged)
        out: dict[str, Any] = {
            name: nw.new_series(
                name,
                [found[key][name] if key in found else None for key in range(size + 1)],
                None if name == "equivalent_level" else nw.String,
                backend=namespace,
            )[rows]
            for name in names
        }
    else:
        out = {
            name: _lookup(nw.col(case), known, [answer[name] for answer in answers], _DTYPES[name]) for name in names
        }
    out["error"] = nw.col(problem)
    return staged.with_columns(**out).select([*columns_in_order, *_outputs(lang)]).to_native()


def _outputs(lang: object) -> tuple[str, ...]:
    return OUTPUT_COLUMNS if lang is not None else OUTPUT_COLUMNS[:-1]


def _columns(names: list[str]) -> dict[str, str]:
    """The frame's column for each name the library reads, matched as ``batch`` does: trimmed, any case."""
    matched: dict[str, str] = {}
    for name in names:
        key = str(name).strip().lower()
        if key in OUTPUT_COLUMNS:
            raise InvalidInputError(f"the frame already has a column {name!r}, which the output adds; rename it")
        if key in matched:
            raise InvalidInputError(f"columns {matched[key]!r} and {name!r} both name {key!r}; keep one")
        matched[key] = name
    missing = [name for name in REQUIRED_COLUMNS if name not in matched]
    if missing:
        raise InvalidInputError(f"required column {missing[0]!r} is missing; columns found: {', '.join(names)}")
    return matched


def _scalar_on(on: object, *, has_column: bool) -> date | None:
    if on is None and not has_column:
        raise InvalidInputError("on: the frame has no 'on' column; give on= (a date), the assessment date")
    return None if on is None else assessment_date(on)


def _scalar_target(target: object, *, has_column: bool) -> str | None:
    if target is None and not has_column:
        raise InvalidInputError("target: the frame has no 'target' column; give target= (NL or VL)")
    return None if target is None else assessment_target(target)


class _Fact:
    """One decisive column, coded: each distinct cell a small integer, read as ``batch`` reads a cell.

    The values are first learnt from the frame's first rows (the common case: a few codes that all appear early);
    a value not among them is coded as *other*, and a case with *other* sends the column back to learn all of its
    values, so that no value is ever guessed.
    """

    def __init__(self, data: Any, name: str, column: str, dtype: Any, *, whole: bool = False) -> None:
        self.name, self.column, self.dtype = name, column, dtype
        cell = nw.col(column)
        if dtype == nw.Boolean:
            self.cells, self.other = ["yes", "no", ""], None
            self.code = nw.when(cell).then(nw.lit(0)).otherwise(nw.when(~cell).then(nw.lit(1))).fill_null(2)
            return
        found = (data if whole else data.head(_FIRST_ROWS)).select(cell.alias(name)).unique()
        values = [value for (value,) in (found.collect() if isinstance(found, nw.LazyFrame) else found).rows()]
        values = [value for value in values if not _is_null(value)]
        # Codes: 0 for a value not (yet) known, each known value from 1, then the empty cell.
        blank = len(values) + 1
        self.other = None if whole else 0
        self.cells = ["?", *(_cell_text(value) for value in values), ""]
        # Arithmetic rather than `when`, which not every frame library can nest: null cells get the empty code.
        null = cell.is_null().cast(nw.Int64) * blank
        if len(values) <= _FEW:
            # A few values (NL or VL, yes/no/empty): comparing with each is cheaper than a hash lookup, and a cell
            # equal to none of them adds nothing: it is coded 0.
            equal = [(cell == value).fill_null(False).cast(nw.Int64) * code for code, value in enumerate(values, 1)]
            self.code = nw.sum_horizontal(*equal, null)
        else:
            # replace_strict gives a null cell the default, 0: the empty code is added.
            self.code = cell.replace_strict(values, list(range(1, blank)), default=0, return_dtype=nw.Int64) + null

    def whole(self, data: Any) -> _Fact:
        """The same column, coded from all of its values."""
        return _Fact(data, self.name, self.column, self.dtype, whole=True)


def _is_null(value: Any) -> bool:
    return (
        value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NAType", "NaTType")
    )


def _cell_text(value: Any) -> str:
    """A cell's value as text, as ``batch`` reads a JSON value: a boolean as yes or no, a number as written."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


class _Day:
    """One date column: the problem of each cell that is not a date, the day as ISO text where a message needs
    it, and the rule period that holds the day."""

    def __init__(self, data: Any, name: str, column: str, dtype: Any, *, default: date | None, lang: str) -> None:
        cell = nw.col(column)
        self.day: nw.Expr | None = None
        written: nw.Expr = nw.lit(None, dtype=nw.String)
        if dtype in (nw.Date, nw.Datetime):
            # A date or date-time column: its day, as written (a date-time's time and zone are not moved).
            self.day = cell if dtype == nw.Date else cell.cast(nw.Date)
            self.iso = self.day.cast(nw.String)
            blank = cell.is_null()
        else:
            # Text: each distinct spelling is read once, as batch reads a cell (day-first, Dutch or English months).
            found = data.select(cell.cast(nw.String).alias(name)).unique()
            spellings = [value for (value,) in (found.collect() if isinstance(found, nw.LazyFrame) else found).rows()]
            days: dict[str, str | None] = {}
            problems: dict[str, str | None] = {}
            for spelling in spellings:
                if isinstance(spelling, str) and spelling.strip():
                    try:
                        days[spelling], problems[spelling] = parse_date(spelling.strip(), field=name).isoformat(), None
                    except ValueError as error:
                        days[spelling], problems[spelling] = None, say(error, lang)
            text = cell.cast(nw.String)
            self.iso, written = _mapped(text, days), _mapped(text, problems)
            blank = text.is_null() | (text.str.strip_chars() == "")
        if default is not None:
            # An empty cell takes the frame-wide value, as an empty 'on' cell in batch takes --on.
            self.iso = nw.when(blank).then(nw.lit(default.isoformat())).otherwise(self.iso)
            if self.day is not None:
                self.day = nw.when(blank).then(nw.lit(default)).otherwise(self.day)
            self.problem = written
        else:
            empty = (
                say(Message(EMPTY, name=field(name)), lang) if name == "awarded_on" else no_default(name, "on=", lang)
            )
            self.problem = nw.coalesce(nw.when(blank).then(nw.lit(empty)), written)

    @classmethod
    def constant(cls, day: date | None) -> _Day:
        found = cls.__new__(cls)
        found.day = nw.lit(day) if day is not None else None
        found.iso = nw.lit(day.isoformat() if day else None, dtype=nw.String)
        found.problem = nw.lit(None, dtype=nw.String)
        return found

    def period(self, changes: Sequence[date]) -> nw.Expr:
        """How many change dates of the rules fall on or before the day: the period that holds it. A day that is
        not known (its row is refused) counts as the first; nulls are filled before the cast, which not every
        frame library makes from a null."""
        if not changes:
            return nw.lit(0, dtype=nw.Int64)
        if self.day is not None:
            after = [(self.day >= nw.lit(change)) for change in changes]
        else:
            after = [(self.iso >= nw.lit(change.isoformat())) for change in changes]
        return nw.sum_horizontal(*(flag.fill_null(False).cast(nw.Int64) for flag in after))


def _mapped(column: nw.Expr, mapping: dict[str, str | None]) -> nw.Expr:
    if not mapping:
        return nw.lit(None, dtype=nw.String)
    return column.replace_strict(list(mapping), list(mapping.values()), default=None, return_dtype=nw.String)


def _order_problem(award: _Day, on: _Day, lang: str) -> nw.Expr:
    """The engine's own message, per row, where the assessment date precedes the award date."""
    before, _, rest = tr(ORDER_PROBLEM, lang).partition("{on}")
    middle, _, rest = rest.partition("{awarded_on}")
    between, _, after = rest.partition("{awarded_on}")
    parts = [nw.lit(before), on.iso, nw.lit(middle), award.iso, nw.lit(between), award.iso, nw.lit(after)]
    later = award.day > on.day if award.day is not None and on.day is not None else award.iso > on.iso
    return nw.when(later).then(nw.concat_str(parts))


def _mixed_radix(codes: list[nw.Expr], radix: list[int]) -> nw.Expr:
    """One integer per case: the facts' codes as the digits of a number."""
    key: nw.Expr = nw.lit(0, dtype=nw.Int64)
    for code, size in zip(codes, radix, strict=True):
        key = key * size + code
    return key


def _digits(key: int, radix: list[int]) -> list[int]:
    digits = []
    for size in reversed(radix):
        key, digit = divmod(key, size)
        digits.append(digit)
    return digits[::-1]


def _cells(key: int, facts: list[_Fact], radix: list[int]) -> tuple[dict[str, str], int, int]:
    """The case's cells as text, and the periods of its award and assessment dates."""
    *codes, award_period, on_period = _digits(key, radix)
    return {fact.name: fact.cells[code] for fact, code in zip(facts, codes, strict=True)}, award_period, on_period


def _lookup(key: nw.Expr, keys: list[int], values: list[Any], dtype: Any) -> nw.Expr:
    """The value of each row's case; null where the case has none, and for any other key."""
    given = [(case, value) for case, value in zip(keys, values, strict=True) if value is not None]
    if not given:
        # A null through `when`: some frame libraries cannot make a typed literal null.
        return nw.when(nw.lit(False)).then(nw.lit(0 if dtype is not None else "", dtype=dtype or nw.String))
    old, new = [case for case, _ in given], [value for _, value in given]
    if dtype is None:
        return key.replace_strict(old, new, default=None, return_dtype=nw.String)
    # Not every frame library maps to a null integer: map to 0, then mask what has no value.
    return nw.when(key.is_in(old)).then(key.replace_strict(old, new, default=0, return_dtype=dtype))


def _answer(
    case: tuple[dict[str, str], int, int], ruleset: RuleSet, target: str | None, lang: str | None
) -> dict[str, Any]:
    """One distinct case decided, on a day of each of its rule periods."""
    cells, award_period, on_period = case
    days = _representatives(ruleset.changes)
    # Rows whose assessment precedes their award are refused per row; their case is decided on one day.
    cells = {
        **cells,
        "awarded_on": days[award_period].isoformat(),
        "on": days[max(award_period, on_period)].isoformat(),
    }
    try:
        decision = decide_cells(cells, on=None, target=target, rules=ruleset, target_option="target=")
    except (EquivalenceError, ValueError) as error:
        return {**dict.fromkeys(_ANSWERS), "error": say(error, lang or "en"), "explanation": None}
    return {
        "outcome": decision.outcome.value,
        "equivalent_to": "|".join(decision.equivalent_to),
        "rules": "|".join(decision.rules),
        "equivalent_level": decision.equivalent_level,
        "missing": "|".join(decision.missing),
        "error": None,
        "explanation": decision.summary(lang) if lang is not None else None,
    }


def _representatives(changes: Sequence[date]) -> list[date]:
    """A day in each rule period: period 0 ends the day before the first change, period k starts on change k."""
    first = changes[0] - timedelta(days=1) if changes else date(2000, 1, 1)
    return [first, *changes]
