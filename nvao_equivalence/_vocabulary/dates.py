"""Reading dates the way Dutch and Flemish documents write them, and half-open periods.

Day-first is the convention in both systems (``01-07-2016`` is 1 July), so a
numeric date is never read month-first. Month names may be Dutch or English.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message, field

if TYPE_CHECKING:
    from dateutil import parser as _parser

__all__ = ["in_period", "parse_date", "register_date"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date as XML Schema writes it with a time zone (xs:date).
_ZONED_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YEAR = re.compile(r"\b\d{4}\b")
# Dutch Excel's default short date ("1-jul-16", "15-mrt-19"): the day, the month's abbreviation, a two-digit year.
_EXCEL_SHORT = re.compile(r"(\d{1,2})-([a-z]{3,4})\.?-(\d{2})", re.IGNORECASE)
_VALID_FORMS = N_(
    "valid: a date, or text such as 2016-07-01, 01-07-2016, 1/7/2016, 1 juli 2016, 1 July 2016 or 1-jul-16"
)
# Month names and abbreviations, Dutch and English, in the order of the months.
_MONTHS = (
    ("jan", "januari", "january"),
    ("feb", "februari", "february"),
    ("mrt", "maart", "mar", "march"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni", "june"),
    ("jul", "juli", "july"),
    ("aug", "augustus", "august"),
    ("sep", "sept", "september"),
    ("okt", "oktober", "oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
)
_MONTH_NUMBERS = {word: number for number, words in enumerate(_MONTHS, start=1) for word in words}
# A two-digit year is read as Excel and Windows read it by default: 00 to 29 is 2000 to 2029, 30 to 99 is 1930 to
# 1999. An award or assessment date outside that window needs a four-digit year.
_CENTURY_PIVOT = 30


def _problem(template: str, name: str, value: object) -> Message:
    return Message(template, field=field(name), value=value, forms=Message(_VALID_FORMS))


def in_period(day: date, valid_from: date, valid_until: date | None) -> bool:
    """Whether ``day`` lies in the half-open period ``[valid_from, valid_until)``; ``None`` is open-ended.

    The one place where the library compares a day with a period (RIO documents
    its begindatum as inclusive and its vervaldatum as exclusive).

    >>> in_period(date(2014, 4, 1), date(2014, 4, 1), None)
    True
    >>> in_period(date(2014, 4, 1), date(2005, 2, 1), date(2014, 4, 1))
    False
    """
    return valid_from <= day and (valid_until is None or day < valid_until)


def parse_date(value: object, *, field: str) -> date:
    """Return ``value`` as a :class:`~datetime.date`, or raise ``ValueError`` naming ``field``.

    Accepts a ``date`` (not a ``datetime``: a diploma has no time of day), ISO
    text, day-first numeric text, Dutch or English month names, and Dutch
    Excel's short date (``1-jul-16``; a two-digit year 00-29 is 2000-2029,
    30-99 is 1930-1999, as Excel and Windows read it).

    >>> parse_date("1/7/2016", field="awarded_on")
    datetime.date(2016, 7, 1)
    >>> parse_date("1 juli 2016", field="awarded_on")
    datetime.date(2016, 7, 1)
    >>> parse_date("15-mrt-19", field="awarded_on")
    datetime.date(2019, 3, 15)
    """
    # The common cases first, cheaply: ISO text, as registers and exports write it, and day-first numbers, as people
    # and spreadsheets do. A text that fails here takes the slower path below, which says what is wrong.
    if type(value) is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        else:
            numeric = _DAY_FIRST.fullmatch(value)
            if numeric:
                try:
                    return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
                except ValueError:
                    pass
    if isinstance(value, datetime):
        raise ValueError(
            _problem(N_("{field}: {value!r} is a datetime; give a date without a time of day ({forms})"), field, value)
        )
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(_problem(N_("{field}: {value!r} is not a date ({forms})"), field, value))
    text = value.strip()
    try:
        if _ISO.fullmatch(text):
            return date.fromisoformat(text)
        numeric = _DAY_FIRST.fullmatch(text)
        if numeric:
            day, month, year = (int(part) for part in numeric.groups())
            return date(year, month, day)
        short = _EXCEL_SHORT.fullmatch(text)
        if short and short.group(2).lower() in _MONTH_NUMBERS:
            year = int(short.group(3))
            year += 2000 if year < _CENTURY_PIVOT else 1900
            return date(year, _MONTH_NUMBERS[short.group(2).lower()], int(short.group(1)))
    except ValueError:
        raise ValueError(
            _problem(
                N_("{field}: {value!r} is not a calendar date (numeric dates are read day-first; {forms})"),
                field,
                value,
            )
        ) from None
    return _parse_words(value, text, field)


def _parse_words(value: str, text: str, field: str) -> date:
    # dateutil fills missing parts from its default; parsing with two defaults
    # that differ in every part shows which parts the text really gave.
    if ":" in text or len(_YEAR.findall(text)) != 1 or not any(char.isalpha() for char in text):
        raise ValueError(_problem(N_("{field}: cannot read {value!r} as a full date ({forms})"), field, value))
    parser = _dutch_english_parser()
    try:
        first = parser.parse(text, default=datetime(2001, 1, 1))
        second = parser.parse(text, default=datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        raise ValueError(_problem(N_("{field}: cannot read {value!r} as a date ({forms})"), field, value)) from None
    if first != second:
        raise ValueError(_problem(N_("{field}: {value!r} lacks a day, month or year ({forms})"), field, value))
    return first.date()


@cache
def _dutch_english_parser() -> _parser.parser:
    # Imported here: dateutil.parser is not needed until a date in words arrives,
    # and importing the package must stay cheap.
    from dateutil import parser

    # Built with type(): dateutil's stubs type these tables too narrowly for
    # month names with more than two spellings.
    words = {
        "MONTHS": list(_MONTHS),
        "WEEKDAYS": [
            ("ma", "maandag", "mon", "monday"),
            ("di", "dinsdag", "tue", "tuesday"),
            ("wo", "woensdag", "wed", "wednesday"),
            ("do", "donderdag", "thu", "thursday"),
            ("vr", "vrijdag", "fri", "friday"),
            ("za", "zaterdag", "sat", "saturday"),
            ("zo", "zondag", "sun", "sunday"),
        ],
        "JUMP": [*parser.parserinfo.JUMP, "van", "de"],
    }
    dutch_english = type("DutchEnglish", (parser.parserinfo,), words)
    return parser.parser(dutch_english(dayfirst=True))


def register_date(value: object) -> date | None:
    """A date as registers and credentials write it: ISO, an ISO datetime (``2018-01-01T00:00:00Z``) or an XML
    Schema date with a time zone (``2014-11-28+02:00``, ``2014-11-28Z``), each read as the date written; empty or
    ``null`` is ``None``. Raises ``ValueError`` for anything else."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(Message(N_("{value!r} is not a date"), value=value))
    text = value.strip()
    if not text or text.lower() == "null":
        return None
    if _ZONED_DATE.fullmatch(text):
        # xs:date allows a time zone after the day (XML Schema 1.1 Part 2, 3.3.9); the day is the one written.
        text = text[:10]
    elif len(text) > 10 and text[10] in "Z+-" and _ISO.match(text):
        raise ValueError(
            Message(N_("{value!r}: the time zone is not valid; valid: Z, or +hh:mm / -hh:mm up to 14:00"), value=value)
        )
    if len(text) >= 10 and text[4] == "-" and (len(text) == 10 or text[10] in "T "):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(Message(N_("{value!r} is not a calendar date"), value=value)) from None
    return parse_date(text, field="date")
