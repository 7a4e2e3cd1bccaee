"""Hypothesis strategies for diplomas, accreditation periods, assessment dates and whole decision cases.

For property tests of code that uses this library: an admission office's
rules, a form that turns a decision into a letter. Needs the optional extra
(``pip install 'nvao-equivalence[hypothesis]'``); ``import nvao_equivalence``
alone never imports Hypothesis.

Every value drawn is valid: each :class:`~nvao_equivalence.Diploma` constructs
without error and each assessment date is on or after the award date. Dates
concentrate on the days where the rules change (read from the rule set, so a
rule file of your own is honoured through ``rules=``) and the days next to
them, and are also drawn from the whole range, far from any change. Arguments
are checked when the strategy is made; a bad one raises
:class:`hypothesis.errors.InvalidArgument`.

Once the package is installed, ``st.from_type(Diploma)`` and
``st.from_type(Accreditation)`` use :func:`diplomas` and :func:`accreditations`.

>>> from hypothesis import given, settings
>>> from nvao_equivalence import check_equivalence
>>> @settings(max_examples=20)
... @given(decision_cases())
... def test_every_case_is_decided(case):
...     assert check_equivalence(case.diploma, target=case.target, on=case.on).outcome
>>> test_every_case_is_decided()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from types import EllipsisType
from typing import NamedTuple

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from nvao_equivalence._diploma import Accreditation, Diploma
from nvao_equivalence._iso3166 import ALPHA2
from nvao_equivalence._ruleset import RuleSet, default_rules
from nvao_equivalence._vocabulary import Degree, canonical_degree, canonical_jurisdiction, degrees_of

__all__ = [
    "DecisionCase",
    "accreditations",
    "assessment_dates",
    "decision_cases",
    "degrees",
    "diplomas",
    "jurisdictions",
]

# The default range of award and assessment dates: wide enough to lie far from every rule change.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2099, 12, 31)

# Non-parties a Dutch or Flemish case most often meets first, so that failing examples shrink towards them.
_NEIGHBOURS = ("BE-FR", "BE-DE", "DE", "LU", "FR", "GB")
# Around a rule change: the day before, the day itself and a week either side.
_WINDOW = 7
# The Dutch accreditation term (six years) is the most common period length.
_TERM_YEARS = 6


class DecisionCase(NamedTuple):
    """What :func:`~nvao_equivalence.check_equivalence` needs: a diploma, a target and an assessment date."""

    diploma: Diploma
    target: str
    on: date


def jurisdictions(*, rules: RuleSet | None = None) -> SearchStrategy[str]:
    """Draw canonical jurisdiction codes: the parties of ``rules`` (``"NL"``, ``"VL"``) half of the time.

    The other half are jurisdictions the rules do not make parties: Belgium's
    French and German-speaking Communities (``"BE-FR"``, ``"BE-DE"``) and the
    ISO 3166-1 countries (never plain ``"BE"``, which is ambiguous).
    ``rules`` defaults to the bundled NVAO treaty rules.
    """
    _check_rules(rules)

    def jurisdictions() -> SearchStrategy[str]:
        return _jurisdictions(_parties(_resolve(rules)))

    return st.deferred(jurisdictions)


def degrees(awarded_by: str | None = None) -> SearchStrategy[Degree]:
    """Draw :class:`~nvao_equivalence.Degree` values: those of ``awarded_by``'s system, or any degree if ``None``.

    ``awarded_by`` is a jurisdiction as :class:`~nvao_equivalence.Diploma`
    accepts it (``"NL"``, ``"Vlaanderen"``, ``"DE"``).
    """
    if awarded_by is None:
        return st.sampled_from(Degree)
    return st.sampled_from(degrees_of(_jurisdiction("awarded_by", awarded_by)))


def accreditations(
    *,
    min_valid_from: date | None = None,
    max_valid_from: date | None = None,
    open_ended: bool | None = None,
) -> SearchStrategy[Accreditation]:
    """Draw :class:`~nvao_equivalence.Accreditation` periods starting between the two bounds (inclusive).

    ``valid_until`` is ``None`` (open-ended) only if ``open_ended`` is not
    ``False``, and always ``None`` if it is ``True``; otherwise it is after
    ``valid_from``, most often the six-year term of a Dutch accreditation.
    The bounds default to 1900-01-01 and 2099-12-31, or the other bound if it
    lies beyond.
    """
    low, high = _bounds("min_valid_from", min_valid_from, "max_valid_from", max_valid_from)
    if open_ended is not None and not isinstance(open_ended, bool):
        raise InvalidArgument(f"open_ended={open_ended!r} must be True, False or None")
    if open_ended is False and low == date.max:
        raise InvalidArgument(f"min_valid_from={low!r} leaves no room for a valid_until, but open_ended=False")
    if open_ended:
        return st.dates(low, high).map(Accreditation)
    starts = st.dates(low, min(high, date.max - timedelta(days=1))) if open_ended is False else st.dates(low, high)
    return st.builds(_period, starts, st.one_of(st.none(), _lengths()) if open_ended is None else _lengths())


def diplomas(
    *,
    awarded_by: str | None = None,
    degree: Degree | str | None = None,
    accredited: bool | EllipsisType | None = ...,
    min_awarded_on: date | None = None,
    max_awarded_on: date | None = None,
    rules: RuleSet | None = None,
) -> SearchStrategy[Diploma]:
    """Draw valid :class:`~nvao_equivalence.Diploma` values.

    ``awarded_by`` fixes the awarding jurisdiction (aliases accepted); without
    it, it is drawn by :func:`jurisdictions` among those that award ``degree``.
    ``degree`` fixes the degree: a :class:`~nvao_equivalence.Degree` (or, with
    ``awarded_by``, an alias such as ``"banaba"``) of the awarding system;
    without it the degree is drawn from that system.

    ``accredited`` fixes the diploma's ``accredited``: ``True``, ``False`` or
    ``None`` (unknown); the default ``...`` draws all three. A known value is
    sometimes given through accreditation periods of the programme, which
    start or end on the award date more often than chance would have it.

    The award date lies between ``min_awarded_on`` and ``max_awarded_on``
    (inclusive; default 1900-01-01 and 2099-12-31, or the other bound if it lies
    beyond), concentrated on and around the days where a rule of ``rules``
    changes. ``arts``, ``recognised``, ``programme`` and ``institution`` are
    drawn too.
    """
    _check_rules(rules)
    low, high = _bounds("min_awarded_on", min_awarded_on, "max_awarded_on", max_awarded_on)
    if not (accredited is ... or accredited is None or isinstance(accredited, bool)):
        raise InvalidArgument(f"accredited={accredited!r} must be True, False, None (unknown) or ... (any)")
    source = None if awarded_by is None else _jurisdiction("awarded_by", awarded_by)
    fixed = None if degree is None else _degree(degree, source)

    def awarding(code: str) -> bool:
        return fixed is None or fixed in degrees_of(code)

    def diplomas() -> SearchStrategy[Diploma]:
        ruleset = _resolve(rules)
        if source is not None:
            sources: SearchStrategy[str] = st.just(source)
        else:
            sources = _jurisdictions(_parties(ruleset), awarding)
        return _diplomas(sources, fixed, accredited, _Days(_rule_changes(ruleset)).between(low, high))

    return st.deferred(diplomas)


def assessment_dates(
    diploma: Diploma | None = None,
    *,
    min_value: date | None = None,
    max_value: date | None = None,
    rules: RuleSet | None = None,
) -> SearchStrategy[date]:
    """Draw assessment dates between ``min_value`` and ``max_value`` (inclusive), never before ``diploma``'s award.

    They concentrate on the days a rule of ``rules`` comes into or goes out of
    force, the days next to them and the award date. The bounds default to the
    award date (or 1900-01-01) and 2099-12-31, or the award date if later.
    """
    _check_rules(rules)
    if diploma is not None and not isinstance(diploma, Diploma):
        raise InvalidArgument(f"diploma={diploma!r} must be a Diploma or None")
    _check_date("min_value", min_value)
    _check_date("max_value", max_value)
    awarded_on = None if diploma is None else diploma.awarded_on
    if awarded_on is not None and max_value is not None and max_value < awarded_on:
        raise InvalidArgument(
            f"max_value={max_value!r} precedes the award date {awarded_on!r}: an assessment date never does"
        )
    if min_value is None:
        low = MIN_DATE if awarded_on is None else awarded_on
    else:
        low = min_value if awarded_on is None else max(min_value, awarded_on)
    high = max_value if max_value is not None else max(MAX_DATE, low)
    _bounds("min_value", low, "max_value", high)

    def assessment_dates() -> SearchStrategy[date]:
        return _Days(_rule_changes(_resolve(rules))).between(low, high, also=awarded_on)

    return st.deferred(assessment_dates)


def decision_cases(*, rules: RuleSet | None = None) -> SearchStrategy[DecisionCase]:
    """Draw :class:`DecisionCase` triples ``(diploma, target, on)`` that ``check_equivalence`` accepts.

    Most diplomas come from a party of ``rules`` and most targets are the
    other party, so that most cases cross the border; the rest cover the same
    jurisdiction and non-parties. ``on`` is drawn by :func:`assessment_dates`.
    """
    _check_rules(rules)

    def decision_cases() -> SearchStrategy[DecisionCase]:
        ruleset = _resolve(rules)
        parties = _parties(ruleset)
        anywhere = _jurisdictions(parties)
        days = _Days(_rule_changes(ruleset))
        sources = _weighted(st.sampled_from(parties), anywhere) if parties else anywhere
        diplomas = _diplomas(sources, None, ..., days.between(MIN_DATE, MAX_DATE))
        return _cases(ruleset, diplomas, anywhere, days)

    return st.deferred(decision_cases)


# Composites are defined once, here: decorating a function with st.composite inspects its source, too slow
# to do each time a strategy is made.


@st.composite
def _cases(
    draw: st.DrawFn, rules: RuleSet, diplomas: SearchStrategy[Diploma], anywhere: SearchStrategy[str], days: _Days
) -> DecisionCase:
    diploma = draw(diplomas)
    counterparts = tuple(party for party in _parties(rules) if rules.between(diploma.awarded_by, party))
    target = draw(_weighted(st.sampled_from(counterparts), anywhere) if counterparts else anywhere)
    on = days.draw(draw, diploma.awarded_on, max(MAX_DATE, diploma.awarded_on), also=diploma.awarded_on)
    return DecisionCase(diploma, target, on)


# Argument checks, in Hypothesis' manner: name the argument, its value and what is valid.


def _check_rules(rules: object) -> None:
    if rules is not None and not isinstance(rules, RuleSet):
        raise InvalidArgument(f"rules={rules!r} must be a RuleSet or None (the bundled rules)")


def _check_date(name: str, value: object) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date (not a datetime) or None")


def _bounds(low_name: str, low: date | None, high_name: str, high: date | None) -> tuple[date, date]:
    _check_date(low_name, low)
    _check_date(high_name, high)
    # A bound given alone moves the default one where needed, so that it is never in the way.
    if low is None:
        low = MIN_DATE if high is None else min(MIN_DATE, high)
    if high is None:
        high = max(MAX_DATE, low)
    if low > high:
        raise InvalidArgument(f"Cannot have {low_name}={low!r} after {high_name}={high!r}")
    return low, high


def _jurisdiction(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgument(f"{name}={value!r} must be a jurisdiction code such as 'NL' or 'VL'")
    try:
        return canonical_jurisdiction(value)
    except ValueError as error:
        raise InvalidArgument(f"{name}={value!r}: {error}") from None


def _degree(value: object, source: str | None) -> Degree:
    if source is not None and isinstance(value, str):
        # As Diploma does: with the awarding system known, its aliases ("banaba", "HBO-BA") are understood.
        try:
            return canonical_degree(value, source)
        except ValueError:
            raise InvalidArgument(
                f"degree={value!r} is not a degree of awarded_by={source!r}; valid: {', '.join(degrees_of(source))}"
            ) from None
    try:
        return Degree(value) if isinstance(value, str) else Degree("")
    except ValueError:
        raise InvalidArgument(f"degree={value!r} must be a Degree or its value; valid: {', '.join(Degree)}") from None


# Drawing.


def _resolve(rules: RuleSet | None) -> RuleSet:
    return rules if rules is not None else default_rules()


def _parties(rules: RuleSet) -> tuple[str, ...]:
    return tuple(dict.fromkeys(party for rule in rules.rules for party in rule.parties))


def _rule_changes(rules: RuleSet) -> tuple[date, ...]:
    """Every day on which a rule comes into or goes out of force (the rule set keeps them, sorted)."""
    return rules.changes


def _others(parties: Iterable[str]) -> tuple[str, ...]:
    codes = [*_NEIGHBOURS, *sorted(ALPHA2 - {"BE"})]
    return tuple(code for code in dict.fromkeys(codes) if code not in parties)


def _any(code: str) -> bool:
    return True


def _jurisdictions(parties: tuple[str, ...], accept: Callable[[str], bool] = _any) -> SearchStrategy[str]:
    branches = [tuple(filter(accept, parties)), tuple(filter(accept, _others(parties)))]
    return st.one_of([st.sampled_from(codes) for codes in branches if codes])


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


class _Days:
    """Draws dates on the focus days, on the days before them, within a week of them, or anywhere in a range.

    Built once per strategy; each draw only filters its pools, so that drawing
    after a per-example lower bound (an assessment date after the award date)
    stays cheap.
    """

    def __init__(self, focus: Iterable[date]) -> None:
        exact = set(focus)
        self.pools = (
            exact,
            {day for day in (_shift(focus_day, -1) for focus_day in exact) if day is not None},
            {day for focus_day in exact for day in _window(focus_day) if day is not None},
        )

    def draw(self, draw: st.DrawFn, low: date, high: date, *, also: date | None = None) -> date:
        kind = draw(_KINDS)
        if kind < len(self.pools):
            pool = self.pools[kind] | ({also} if also is not None and kind == 0 else set())
            found = tuple(sorted(day for day in pool if low <= day <= high))
            if found:
                return draw(st.sampled_from(found))
        return draw(st.dates(low, high))

    def between(self, low: date, high: date, *, also: date | None = None) -> SearchStrategy[date]:
        return _days_between(self, low, high, also)


@st.composite
def _days_between(draw: st.DrawFn, days: _Days, low: date, high: date, also: date | None) -> date:
    return days.draw(draw, low, high, also=also)


def _window(day: date) -> Iterable[date | None]:
    return (_shift(day, offset) for offset in range(-_WINDOW, _WINDOW + 1))


def _weighted(often: SearchStrategy[str], sometimes: SearchStrategy[str]) -> SearchStrategy[str]:
    """``often`` four times in five; failing examples shrink towards it."""

    def pick(fifth: int) -> SearchStrategy[str]:
        return sometimes if fifth == 4 else often

    return _FIFTHS.flatmap(pick)


def _lengths() -> SearchStrategy[int]:
    """Lengths of an accreditation period in days: the six-year term, or anything from a day to twelve years."""
    return st.one_of(st.just(-_TERM_YEARS), st.integers(1, 12 * 366))


def _period(start: date, length: int | None) -> Accreditation:
    """An accreditation from ``start``, for ``length`` days (``-n``: ``n`` years; ``None``: open-ended)."""
    if length is None or start == date.max:
        return Accreditation(start)
    end = _years_later(start, -length) if length < 0 else _shift(start, length)
    return Accreditation(start, end or date.max)


def _years_later(day: date, years: int) -> date:
    year = day.year + years
    if year > date.max.year:
        return date.max
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February, in a common year
        return date(year, 3, 1)


def _draw_periods(draw: st.DrawFn, day: date, covering: bool) -> tuple[Accreditation, ...]:
    """Accreditation periods that do (``covering``) or do not cover ``day``, often starting or ending on it."""
    periods = []
    for index in range(draw(_PERIOD_COUNTS)):
        if covering and index == 0:
            after = _shift(day, 1 + draw(_GAPS))
            until = after if after is not None and draw(st.booleans()) else None
            periods.append(Accreditation(_shift(day, -draw(_GAPS)) or day, until))
            continue
        lapsed = _shift(day, -draw(_GAPS))  # lapsed on or before the day ...
        later = _shift(day, 1 + draw(_GAPS))  # ... or starting after it
        if lapsed is not None and lapsed > date.min and (later is None or draw(st.booleans())):
            periods.append(Accreditation(_shift(lapsed, -1 - draw(_GAPS)) or date.min, lapsed))
        elif later is not None:
            periods.append(Accreditation(later, None if draw(st.booleans()) else _shift(later, 1 + draw(_GAPS))))
    return tuple(periods)


@st.composite
def _diplomas(
    draw: st.DrawFn,
    sources: SearchStrategy[str],
    degree: Degree | None,
    accredited: bool | EllipsisType | None,
    award_dates: SearchStrategy[date],
) -> Diploma:
    awarded_by = draw(sources)
    awarded_on = draw(award_dates)
    known = draw(_KNOWN_OR_NOT) if accredited is ... else accredited
    periods: tuple[Accreditation, ...] = ()
    stated = known
    if known is not None and draw(st.booleans()):
        # Given through the programme's accreditation periods, and then either derived or stated as well.
        periods = _draw_periods(draw, awarded_on, known)
        stated = known if not periods or draw(st.booleans()) else None
    return Diploma(
        awarded_by=awarded_by,
        degree=degree if degree is not None else draw(st.sampled_from(degrees_of(awarded_by))),
        awarded_on=awarded_on,
        accredited=stated,
        arts=draw(_KNOWN_OR_NOT),
        accreditations=periods,
        programme=draw(_NAMES),
        institution=draw(_NAMES),
        recognised=draw(_KNOWN_OR_NOT),
    )


# Built once: Hypothesis validates a strategy the first time it is drawn from.
_KINDS = st.integers(0, 3)
_FIFTHS = st.integers(0, 4)
_KNOWN_OR_NOT = st.sampled_from((True, False, None))
_PERIOD_COUNTS = st.integers(1, 3)
_GAPS = st.one_of(st.just(0), st.integers(0, _WINDOW), st.integers(0, 12 * 366))
# Programme and institution names matter to no rule; drawn so that every field of a Diploma varies.
_NAMES = st.one_of(st.none(), st.sampled_from(("Rechten", "Toegepaste Informatica", "KU Leuven")), st.text(max_size=40))
