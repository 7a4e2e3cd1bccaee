"""Which language the command line speaks: ``--lang``, else the locale as gettext reads it, else English.

The library itself never reads the locale (its functions take ``lang=``); only the command line, which speaks to a
person at a terminal, does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nvao_equivalence._language.catalogue import SOURCE_LANGUAGE, supported

__all__ = ["LOCALE_VARIABLES", "choose_language", "lang_in_argv"]

#: The variables gettext consults, in its order: the first one set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """``option`` (``--lang``) if given; else the first language of the locale this package speaks; else English.

    >>> choose_language(None, {"LANG": "nl_NL.UTF-8"}), choose_language("en", {"LANG": "nl_NL.UTF-8"})
    ('nl', 'en')
    >>> choose_language(None, {"LANGUAGE": "fy:nl", "LANG": "en_GB.UTF-8"}), choose_language(None, {"LANG": "C"})
    ('nl', 'en')
    """
    if option:
        return option
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if not value:
            continue
        # As gettext: LANGUAGE may list several, separated by colons; a locale is language_TERRITORY.codeset@modifier.
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0]
            for candidate in (code, code.split("_")[0]):
                if supported(candidate):
                    return candidate
        break
    return SOURCE_LANGUAGE


def lang_in_argv(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` if one is given, read before the parser is built (its help is worded in
    the language chosen)."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if supported(argv[index + 1]) else None
        if argument.startswith("--lang="):
            value = argument.partition("=")[2]
            return value if supported(value) else None
    return None
