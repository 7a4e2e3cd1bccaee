"""Jurisdiction codes: who awards a diploma, and who decides on it.

This is vocabulary, not law: the codes and names people use for a higher-education system. Higher education in
Belgium belongs to its Communities, so the Flemish Community has a code of its own (``VL``).
"""

from __future__ import annotations

from functools import lru_cache

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence._vocabulary.iso3166 import ALPHA2

__all__ = [
    "CANONICAL_CODES",
    "canonical_jurisdiction",
    "jurisdiction_label",
    "jurisdiction_message",
    "jurisdiction_place",
]

# The names of the systems the rules speak of, in English (the catalogue's source language); a message says them
# in the reader's language.
_NAMES: dict[str, str] = {
    "NL": N_("the Netherlands"),
    "VL": N_("Flemish Community"),
    "BE-FR": N_("French Community of Belgium"),
    "BE-DE": N_("German-speaking Community of Belgium"),
}
# Where a diploma was awarded or is assessed, as a sentence says it ("awarded in the Netherlands").
_PLACES: dict[str, str] = {
    "NL": N_("in the Netherlands"),
    "VL": N_("in the Flemish Community"),
    "BE-FR": N_("in the French Community of Belgium"),
    "BE-DE": N_("in the German-speaking Community of Belgium"),
    # The other parties to the opt-in packs' instruments, and the neighbours.
    "LU": N_("in Luxembourg"),
    "EE": N_("in Estonia"),
    "LV": N_("in Latvia"),
    "LT": N_("in Lithuania"),
    "DE": N_("in Germany"),
    "FR": N_("in France"),
}

# Country names as officers type them, in Dutch and English (and the countries' own names where they differ):
# the neighbours and the other parties to the Benelux and 2021 treaties, and the rest of the EU and EEA.
_COUNTRY_NAMES: dict[str, str] = {
    "luxemburg": "LU", "luxembourg": "LU", "lëtzebuerg": "LU", "groothertogdom luxemburg": "LU",
    "duitsland": "DE", "germany": "DE", "deutschland": "DE",
    "frankrijk": "FR", "france": "FR",
    "estland": "EE", "estonia": "EE", "letland": "LV", "latvia": "LV", "litouwen": "LT", "lithuania": "LT",
    "oostenrijk": "AT", "austria": "AT", "bulgarije": "BG", "bulgaria": "BG", "kroatië": "HR", "kroatie": "HR",
    "croatia": "HR", "cyprus": "CY", "tsjechië": "CZ", "tsjechie": "CZ", "czechia": "CZ", "czech republic": "CZ",
    "denemarken": "DK", "denmark": "DK", "finland": "FI", "griekenland": "GR", "greece": "GR",
    "hongarije": "HU", "hungary": "HU", "ierland": "IE", "ireland": "IE", "italië": "IT", "italie": "IT",
    "italy": "IT", "malta": "MT", "polen": "PL", "poland": "PL", "portugal": "PT", "roemenië": "RO",
    "roemenie": "RO", "romania": "RO", "slowakije": "SK", "slovakia": "SK", "slovenië": "SI", "slovenie": "SI",
    "slovenia": "SI", "spanje": "ES", "spain": "ES", "zweden": "SE", "sweden": "SE", "ijsland": "IS",
    "iceland": "IS", "liechtenstein": "LI", "noorwegen": "NO", "norway": "NO", "zwitserland": "CH",
    "switzerland": "CH", "verenigd koninkrijk": "GB", "united kingdom": "GB",
}  # fmt: skip

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
    >>> canonical_jurisdiction("de"), canonical_jurisdiction("Duitsland"), canonical_jurisdiction("Luxembourg")
    ('DE', 'DE', 'LU')
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
            Message(
                N_(
                    "{value!r} is ambiguous: higher education in Belgium belongs to its Communities; "
                    "name one: VL (Flemish Community), BE-FR (French Community), BE-DE (German-speaking Community)"
                ),
                value=value,
            )
        )
    code = key.upper()
    if code in ALPHA2:
        return code
    if key in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[key]
    raise ValueError(
        Message(
            N_(
                "unknown jurisdiction {value!r}; valid: NL, VL (Flemish Community), BE-FR, BE-DE, "
                "or any other ISO 3166-1 alpha-2 country code (e.g. DE, FR, LU)"
            ),
            value=value,
        )
    )


def jurisdiction_label(code: str, lang: str) -> str:
    """A readable name for a canonical jurisdiction code: the code, and for a party its name in ``lang``.

    >>> jurisdiction_label("VL", "nl"), jurisdiction_label("DE", "nl")
    ('VL (Vlaamse Gemeenschap)', 'DE')
    """
    return jurisdiction_message(code).in_(lang)


def jurisdiction_message(code: str) -> Message:
    """:func:`jurisdiction_label` as a message, to be said later in the reader's language."""
    name = _NAMES.get(code)
    return Message(code) if name is None else Message("{code} ({name})", code=code, name=Message(name))


def jurisdiction_place(code: str) -> Message:
    """Where, as a sentence says it: "in the Netherlands", "in Nederland"; another code stays a code ("in DE")."""
    place = _PLACES.get(code)
    return Message(N_("in {code}"), code=code) if place is None else Message(place)


#: The codes that are their own canonical form: ``canonical_jurisdiction(code) == code`` for each. Every ISO code
#: but ``BE`` (ambiguous: higher education in Belgium belongs to its Communities), and the Communities' own codes.
#: The engine checks a target against this set before it spends a call on canonicalising it.
CANONICAL_CODES: frozenset[str] = (ALPHA2 - {"BE"}) | {"VL", "BE-FR", "BE-DE"}
