"""Drawing diplomas and accreditation periods for the strategies: every value drawn constructs without error."""

from __future__ import annotations

from datetime import date
from types import EllipsisType

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from nvao_equivalence._case.diploma import Accreditation, Diploma
from nvao_equivalence._drawing.days import WINDOW, shift
from nvao_equivalence._vocabulary.degrees import Degree, degrees_of

__all__ = ["drawn_diplomas", "lengths", "period"]

# The Dutch accreditation term (six years) is the most common period length.
_TERM_YEARS = 6


def lengths() -> SearchStrategy[int]:
    """Lengths of an accreditation period in days: the six-year term, or anything from a day to twelve years."""
    return st.one_of(st.just(-_TERM_YEARS), st.integers(1, 12 * 366))


def period(start: date, length: int | None) -> Accreditation:
    """An accreditation from ``start``, for ``length`` days (``-n``: ``n`` years; ``None``: open-ended)."""
    if length is None or start == date.max:
        return Accreditation(start)
    end = _years_later(start, -length) if length < 0 else shift(start, length)
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
            after = shift(day, 1 + draw(_GAPS))
            until = after if after is not None and draw(st.booleans()) else None
            periods.append(Accreditation(shift(day, -draw(_GAPS)) or day, until))
            continue
        lapsed = shift(day, -draw(_GAPS))  # lapsed on or before the day ...
        later = shift(day, 1 + draw(_GAPS))  # ... or starting after it
        if lapsed is not None and lapsed > date.min and (later is None or draw(st.booleans())):
            periods.append(Accreditation(shift(lapsed, -1 - draw(_GAPS)) or date.min, lapsed))
        elif later is not None:
            periods.append(Accreditation(later, None if draw(st.booleans()) else shift(later, 1 + draw(_GAPS))))
    return tuple(periods)


@st.composite
def drawn_diplomas(
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
_KNOWN_OR_NOT = st.sampled_from((True, False, None))
_PERIOD_COUNTS = st.integers(1, 3)
_GAPS = st.one_of(st.just(0), st.integers(0, WINDOW), st.integers(0, 12 * 366))
# Programme and institution names matter to no rule; drawn so that every field of a Diploma varies.
_NAMES = st.one_of(st.none(), st.sampled_from(("Rechten", "Toegepaste Informatica", "KU Leuven")), st.text(max_size=40))
