"""Reading dates as Dutch and Flemish documents write them (day first), and half-open periods."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nvao_equivalence import Diploma
from nvao_equivalence._vocabulary.dates import in_period, parse_date
from nvao_equivalence.exceptions import EquivalenceError, InvalidDiplomaError

VALID = [
    ("2016-07-01", date(2016, 7, 1)),
    ("01-07-2016", date(2016, 7, 1)),
    ("1-7-2016", date(2016, 7, 1)),
    ("1/7/2016", date(2016, 7, 1)),
    ("01/07/2016", date(2016, 7, 1)),
    ("1.7.2016", date(2016, 7, 1)),
    ("13/7/2016", date(2016, 7, 13)),
    ("1 juli 2016", date(2016, 7, 1)),
    ("1 Juli 2016", date(2016, 7, 1)),
    ("1 July 2016", date(2016, 7, 1)),
    ("July 1 2016", date(2016, 7, 1)),
    ("1 mrt 2016", date(2016, 3, 1)),
    ("1 maart 2016", date(2016, 3, 1)),
    ("1 March 2016", date(2016, 3, 1)),
    ("15 mei 2016", date(2016, 5, 15)),
    ("3 okt 2016", date(2016, 10, 3)),
    ("29 februari 2016", date(2016, 2, 29)),
    ("31 december 2015", date(2015, 12, 31)),
    ("  1 juli 2016  ", date(2016, 7, 1)),
    (" 2016-07-01 ", date(2016, 7, 1)),
    (date(2016, 7, 1), date(2016, 7, 1)),
    # Dutch Excel's short date, and its window for two-digit years (00-29 -> 20xx, 30-99 -> 19xx).
    ("1-jul-16", date(2016, 7, 1)),
    ("15-mrt-19", date(2019, 3, 15)),
    ("30-sep-15", date(2015, 9, 30)),
    ("3-okt-29", date(2029, 10, 3)),
    ("3-okt-30", date(1930, 10, 3)),
    ("31-Dec-99", date(1999, 12, 31)),
    ("1-jan-00", date(2000, 1, 1)),
    ("1-may-16", date(2016, 5, 1)),
    ("1-mei-16", date(2016, 5, 1)),
    ("1-sept-16", date(2016, 9, 1)),
]

INVALID = [
    # (value, words the message must contain besides the field and the value)
    (datetime(2016, 7, 1, 10, 0), "is a datetime"),
    (datetime(2016, 7, 1), "is a datetime"),
    ("7/13/2016", "day-first"),
    ("13-13-2016", "day-first"),
    ("2016-02-30", "not a calendar date"),
    ("30-02-2016", "not a calendar date"),
    ("31 februari 2016", "cannot read"),
    ("July 2016", "lacks a day, month or year"),
    ("juli 2016", "lacks a day, month or year"),
    ("2016", "cannot read"),
    ("1 juli 16", "cannot read"),
    ("31-feb-16", "not a calendar date"),
    ("1-foo-16", "cannot read"),
    ("1-jul-2016x", "cannot read"),
    ("1/7/16", "cannot read"),
    ("2016-07-01 10:00", "cannot read"),
    ("2016-07-01T10:00", "cannot read"),
    ("1 juli 2016 2017", "cannot read"),
    ("", "cannot read"),
    ("   ", "cannot read"),
    ("garbage", "cannot read"),
    ("1 foo 2016", "cannot read"),
    (20160701, "is not a date"),
    (2016, "is not a date"),
    (None, "is not a date"),
    (1.5, "is not a date"),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_parse_date_accepts(text, expected):
    assert parse_date(text, field="awarded_on") == expected


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_diploma_awarded_on_accepts(text, expected):
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=text)
    assert diploma.awarded_on == expected
    assert type(diploma.awarded_on) is date


def test_parse_date_returns_a_plain_date():
    parsed = parse_date("1 juli 2016", field="awarded_on")
    assert type(parsed) is date
    assert parsed == date(2016, 7, 1)


@pytest.mark.parametrize(("value", "words"), INVALID)
@pytest.mark.parametrize("field", ["awarded_on", "on", "valid_from"])
def test_parse_date_rejects_and_names_field_and_value(value, words, field):
    with pytest.raises(ValueError, match=r"^" + field + ": ") as caught:
        parse_date(value, field=field)
    message = str(caught.value)
    assert repr(value) in message
    assert words in message
    assert "valid: " in message


@pytest.mark.parametrize(("value", "words"), INVALID)
def test_diploma_awarded_on_rejects_and_names_field_and_value(value, words):
    with pytest.raises(InvalidDiplomaError) as caught:
        Diploma(awarded_by="VL", degree="master", awarded_on=value)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, EquivalenceError)
    message = str(error)
    assert message.startswith("awarded_on: ")
    assert repr(value) in message
    assert words in message


@pytest.mark.parametrize("text", ["7/13/2016", "12/13/2016", "07-13-2016"])
def test_numeric_dates_are_never_month_first(text):
    with pytest.raises(ValueError, match="day-first"):
        parse_date(text, field="awarded_on")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2/3/2016", date(2016, 3, 2)), ("12-01-2016", date(2016, 1, 12)), ("5.11.2016", date(2016, 11, 5))],
)
def test_ambiguous_numeric_dates_are_read_day_first(text, expected):
    assert parse_date(text, field="awarded_on") == expected


# ---------------------------------------------------------------------------
# Half-open periods

START, END = date(2014, 4, 1), date(2020, 1, 1)


@pytest.mark.parametrize(
    ("day", "valid_from", "valid_until", "expected"),
    [
        (date(2014, 3, 31), START, END, False),  # the day before the start
        (START, START, END, True),  # the first day is inside
        (date(2017, 6, 1), START, END, True),
        (date(2019, 12, 31), START, END, True),  # the last day inside
        (END, START, END, False),  # valid_until itself is outside
        (date(2020, 1, 2), START, END, False),
        (date(2014, 3, 31), START, None, False),
        (START, START, None, True),
        (date(9999, 12, 31), START, None, True),  # open-ended
        (START, START, date(2014, 4, 2), True),  # a one-day period
        (date(2014, 4, 2), START, date(2014, 4, 2), False),
    ],
)
def test_in_period_is_half_open(day, valid_from, valid_until, expected):
    assert in_period(day, valid_from, valid_until) is expected
