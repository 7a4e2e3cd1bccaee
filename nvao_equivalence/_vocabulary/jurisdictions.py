"""Jurisdiction codes: who awards a diploma, and who decides on it.

This is vocabulary, not law: the codes and names people use for a higher-education system. Higher education in
Belgium belongs to its Communities, so the Flemish Community has a code of its own (``VL``).
"""

from __future__ import annotations

from functools import lru_cache

from nvao_equivalence._vocabulary.iso3166 import ALPHA2

__all__ = ["canonical_jurisdiction", "jurisdiction_label"]

PARTIES_NAMED = {"NL": ("Nederland", "the Netherlands"), "VL": ("Vlaamse Gemeenschap", "Flemish Community")}

_COMMUNITIES: dict[str, tuple[str, str]] = {
    **PARTIES_NAMED,
    "BE-FR": ("Franse Gemeenschap", "French Community of Belgium"),
    "BE-DE": ("Duitstalige Gemeenschap", "German-speaking Community of Belgium"),
}

_JURISDICTION_ALIASES: dict[str, str] = {
    "nl": "NL",
    "nld": "NL",
    "nederland": "NL",
    "netherlands": "NL",
    "the netherlands": "NL",
    "koninkrijk der nederlanden": "NL",
    "vl": "VL",
    "vlaanderen": "VL",
    "flanders": "VL",
    "be-vlg": "VL",  # the Flemish Region's ISO 3166-2 code; FACTS §2: accepted as an approximation
    "vlaamse gemeenschap": "VL",
    "flemish community": "VL",
    "be-fr": "BE-FR",
    "franse gemeenschap": "BE-FR",
    "french community": "BE-FR",
    "communauté française": "BE-FR",
    "fédération wallonie-bruxelles": "BE-FR",
    "be-de": "BE-DE",
    "duitstalige gemeenschap": "BE-DE",
    "german-speaking community": "BE-DE",
    "deutschsprachige gemeinschaft": "BE-DE",
}

_BELGIUM = frozenset({"be", "bel", "belgium", "belgië", "belgie", "belgique", "belgien"})


def canonical_jurisdiction(value: str) -> str:
    """Return the canonical code of a jurisdiction, or raise ``ValueError`` naming what is valid.

    >>> canonical_jurisdiction("Vlaanderen")
    'VL'
    >>> canonical_jurisdiction("de")
    'DE'
    """
    # A str subclass (which may not even be hashable) is read as the plain text it holds.
    return _canonical_jurisdiction(value if type(value) is str else str.__str__(value))


# Bounded: every spelling seen is remembered, and a file of a million spellings ("NL ", " nl", ...) must not
# grow memory with each; the common few stay in the cache.
@lru_cache(maxsize=1024)
def _canonical_jurisdiction(value: str) -> str:
    key = " ".join(value.split()).lower()
    if key in _JURISDICTION_ALIASES:
        return _JURISDICTION_ALIASES[key]
    if key in _BELGIUM:
        raise ValueError(
            f"{value!r} is ambiguous: higher education in Belgium belongs to its Communities; "
            "name one: VL (Flemish Community), BE-FR (French Community), BE-DE (German-speaking Community)"
        )
    code = key.upper()
    if code in ALPHA2:
        return code
    raise ValueError(
        f"unknown jurisdiction {value!r}; valid: NL, VL (Flemish Community), BE-FR, BE-DE, "
        "or any other ISO 3166-1 alpha-2 country code (e.g. DE, FR, LU)"
    )


def jurisdiction_label(code: str, lang: str) -> str:
    """A readable name for a canonical jurisdiction code."""
    names = _COMMUNITIES.get(code)
    if names is None:
        return code
    return f"{code} ({names[0] if lang == 'nl' else names[1]})"
