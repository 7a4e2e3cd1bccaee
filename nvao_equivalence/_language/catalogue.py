"""The message catalogues: every text shown to a user, looked up in the language asked for.

English is the source language: each message is written in English in the code (the gettext ``msgid``) and
translated in a gettext catalogue, ``locale/<lang>/LC_MESSAGES/nvao_equivalence.po``, compiled to a ``.mo`` file
beside it. A language is offered when its compiled catalogue is there, so a translator adds one without touching
code. Catalogues are read with the standard library's :mod:`gettext`, each on first use of its language, and never
from the process locale: the caller says which language it wants.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "NP_",
    "N_",
    "SOURCE_LANGUAGE",
    "Phrases",
    "languages",
    "long_date",
    "ntr",
    "ptr",
    "supported",
    "tr",
    "translation",
]

DOMAIN = "nvao_equivalence"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it here (it is translated where it is shown)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark ``message``, said in ``context``, for the catalogue (a gettext message context), untranslated here."""
    return context, message


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English (the source language) first."""
    found = sorted(
        lang
        for lang in (os.listdir(LOCALE_DIR) if os.path.isdir(LOCALE_DIR) else ())
        if os.path.isfile(_compiled(lang))
    )
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


def supported(lang: object) -> bool:
    """Whether ``lang`` names a language this package speaks."""
    return isinstance(lang, str) and lang in languages()


@cache
def translation(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``, read once; English (and any language without a catalogue) passes text through."""
    import gettext as _gettext  # only when a text is first said: importing the package stays cheap

    if lang == SOURCE_LANGUAGE or not supported(lang):
        return _gettext.NullTranslations()
    with open(_compiled(lang), "rb") as compiled:
        return _gettext.GNUTranslations(compiled)


def _compiled(lang: str) -> str:
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def tr(message: str, lang: str) -> str:
    """``message`` (an English msgid) in ``lang``."""
    return translation(lang).gettext(message)


class Phrases:
    """A table of messages said in one language: ``phrases[key]`` is the table's message for ``key`` in ``lang``."""

    def __init__(self, table: Mapping[Any, str], lang: str) -> None:
        self.table, self.lang = table, lang

    def __getitem__(self, key: Hashable) -> str:
        return tr(self.table[key], self.lang)


def ptr(context: str, message: str, lang: str) -> str:
    """``message`` in ``lang`` as said in ``context`` (a gettext message context: one English word that two
    systems name differently)."""
    return translation(lang).pgettext(context, message)


def ntr(singular: str, plural: str, count: int, lang: str) -> str:
    """The form of a message for ``count`` things in ``lang``, by the catalogue's plural rule."""
    return translation(lang).ngettext(singular, plural, count)


_MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip


# Translators: how a date is written; the fields are {day}, {month} (a number), {month_name} and {year}.
_DATE = N_("{year}-{month:02d}-{day:02d}")


def long_date(day: date, lang: str) -> str:
    """``day`` as a text in ``lang`` writes it: ISO in English (exact, and what registers write), "1 april 2014" in
    Dutch; the catalogue holds the pattern, so a new language chooses its own.

    >>> long_date(date(2014, 4, 1), "en"), long_date(date(2014, 4, 1), "nl")
    ('2014-04-01', '1 april 2014')
    """
    pattern = tr(_DATE, lang)
    return pattern.format(year=day.year, month=day.month, day=day.day, month_name=tr(_MONTHS[day.month - 1], lang))
