"""Drawing days for the strategies: on the days the rules change, next to them, or anywhere in a range."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

__all__ = ["MAX_DATE", "MIN_DATE", "WINDOW", "Days", "shift"]

# The default range of award and assessment dates: wide enough to lie far from every rule change.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2099, 12, 31)


# Around a rule change: the day before, the day itself and a week either side.
WINDOW = 7


def shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


class Days:
    """Draws dates on the focus days, on the days before them, within a week of them, or anywhere in a range.

    Built once per strategy; each draw only filters its pools, so that drawing
    after a per-example lower bound (an assessment date after the award date)
    stays cheap.
    """

    def __init__(self, focus: Iterable[date]) -> None:
        exact = set(focus)
        self.pools = (
            exact,
            {day for day in (shift(focus_day, -1) for focus_day in exact) if day is not None},
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
def _days_between(draw: st.DrawFn, days: Days, low: date, high: date, also: date | None) -> date:
    return days.draw(draw, low, high, also=also)


def _window(day: date) -> Iterable[date | None]:
    return (shift(day, offset) for offset in range(-WINDOW, WINDOW + 1))


# Built once: Hypothesis validates a strategy the first time it is drawn from.
_KINDS = st.integers(0, 3)
