"""Degree names: the words a diploma is described in.

This is vocabulary, not law: which degrees exist in which higher-education
system and how people spell them. What the law makes of them lives in
``rules/``.
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache

from nvao_equivalence._language.catalogue import N_, NP_, SOURCE_LANGUAGE
from nvao_equivalence._language.message import Message
from nvao_equivalence._vocabulary.jurisdictions import jurisdiction_message

__all__ = [
    "Degree",
    "canonical_degree",
    "degree_label",
    "degree_message",
    "degree_named",
    "degrees_of",
    "eqf_level",
    "specialises",
]


class Degree(enum.StrEnum):
    """A degree type, named as in its own higher-education system.

    Dutch terms are kept where English has no exact word: *graduaat* (Flemish
    short-cycle programme, EQF 5), *banaba* (bachelor-na-bachelor, a Flemish
    follow-on bachelor), *manama* (master-na-master, a Flemish advanced master).
    """

    # The Netherlands (WHW art. 7.10a-7.10b)
    ASSOCIATE_DEGREE = "associate-degree"
    HBO_BACHELOR = "hbo-bachelor"
    WO_BACHELOR = "wo-bachelor"
    HBO_MASTER = "hbo-master"
    WO_MASTER = "wo-master"
    DOCTORATE = "doctorate"
    # The Flemish Community (Codex Hoger Onderwijs)
    GRADUAAT = "graduaat"
    PROFESSIONAL_BACHELOR = "professional-bachelor"
    ACADEMIC_BACHELOR = "academic-bachelor"
    BACHELOR_AFTER_BACHELOR = "bachelor-after-bachelor"
    MASTER = "master"
    MASTER_AFTER_MASTER = "master-after-master"
    # Any other jurisdiction: the Bologna cycles
    SHORT_CYCLE = "short-cycle"
    BACHELOR = "bachelor"
    # Degrees from before the bachelor-master structure, accepted so that a decision can refer them to individual
    # assessment. The Netherlands: the doctoraal (titles drs., ir., mr.) and the kandidaats.
    DOCTORAAL = "doctoraal"
    KANDIDAATS = "kandidaats"
    # The Flemish Community: licentiaat, kandidaat, gegradueerde (the old short type, not the graduaat of 2019),
    # apotheker, ingenieur.
    LICENTIAAT = "licentiaat"
    KANDIDAAT = "kandidaat"
    GEGRADUEERDE = "gegradueerde"
    APOTHEKER = "apotheker"
    INGENIEUR = "ingenieur"


_D = Degree

# Which degrees exist in which system, in the order people list them.
_SYSTEM_DEGREES: dict[str, tuple[Degree, ...]] = {
    "NL": (_D.ASSOCIATE_DEGREE, _D.HBO_BACHELOR, _D.WO_BACHELOR, _D.HBO_MASTER, _D.WO_MASTER, _D.DOCTORATE),
    "VL": (
        _D.GRADUAAT,
        _D.PROFESSIONAL_BACHELOR,
        _D.ACADEMIC_BACHELOR,
        _D.BACHELOR_AFTER_BACHELOR,
        _D.MASTER,
        _D.MASTER_AFTER_MASTER,
        _D.DOCTORATE,
    ),
}
_CYCLE_DEGREES = (_D.SHORT_CYCLE, _D.BACHELOR, _D.MASTER, _D.DOCTORATE)
# Accepted as input, never drawn or listed among a system's degrees: no rule covers them.
_PRE_BOLOGNA: dict[str, tuple[Degree, ...]] = {
    "NL": (_D.DOCTORAAL, _D.KANDIDAATS),
    "VL": (_D.LICENTIAAT, _D.KANDIDAAT, _D.GEGRADUEERDE, _D.APOTHEKER, _D.INGENIEUR),
}

# Spellings seen in registers (RIO's NIVEAU codes), on diplomas and in Dutch
# and English prose, after normalisation (lower case, runs of spaces and
# underscores as one hyphen, dots removed).
_DEGREE_ALIASES: dict[str, dict[str, Degree]] = {
    "NL": {
        "ad": _D.ASSOCIATE_DEGREE,
        "hbo-ad": _D.ASSOCIATE_DEGREE,
        "associate": _D.ASSOCIATE_DEGREE,
        "ad-programma": _D.ASSOCIATE_DEGREE,
        "hbo-ba": _D.HBO_BACHELOR,
        "hbo-bachelor": _D.HBO_BACHELOR,
        "bachelor-hbo": _D.HBO_BACHELOR,
        "hbo-bacheloropleiding": _D.HBO_BACHELOR,
        "wo-ba": _D.WO_BACHELOR,
        "bachelor-wo": _D.WO_BACHELOR,
        "wo-bacheloropleiding": _D.WO_BACHELOR,
        "hbo-ma": _D.HBO_MASTER,
        "master-hbo": _D.HBO_MASTER,
        "hbo-masteropleiding": _D.HBO_MASTER,
        "wo-ma": _D.WO_MASTER,
        "master-wo": _D.WO_MASTER,
        "wo-masteropleiding": _D.WO_MASTER,
        "phd": _D.DOCTORATE,
        "doctor": _D.DOCTORATE,
        "doctoraat": _D.DOCTORATE,
        "promotie": _D.DOCTORATE,
        "drs": _D.DOCTORAAL,
        "ir": _D.DOCTORAAL,
        "mr": _D.DOCTORAAL,
        "doctorandus": _D.DOCTORAAL,
        "doctoraalexamen": _D.DOCTORAAL,
        "kandidaatsexamen": _D.KANDIDAATS,
    },
    "VL": {
        "graduaatsopleiding": _D.GRADUAAT,
        "professionele-bachelor": _D.PROFESSIONAL_BACHELOR,
        "professioneel-gerichte-bachelor": _D.PROFESSIONAL_BACHELOR,
        "pba": _D.PROFESSIONAL_BACHELOR,
        "academische-bachelor": _D.ACADEMIC_BACHELOR,
        "academisch-gerichte-bachelor": _D.ACADEMIC_BACHELOR,
        "aba": _D.ACADEMIC_BACHELOR,
        "banaba": _D.BACHELOR_AFTER_BACHELOR,
        "bachelor-na-bachelor": _D.BACHELOR_AFTER_BACHELOR,
        "bachelor-after-bachelor": _D.BACHELOR_AFTER_BACHELOR,
        "ma": _D.MASTER,
        "manama": _D.MASTER_AFTER_MASTER,
        "master-na-master": _D.MASTER_AFTER_MASTER,
        "advanced-master": _D.MASTER_AFTER_MASTER,
        "phd": _D.DOCTORATE,
        "doctor": _D.DOCTORATE,
        "doctoraat": _D.DOCTORATE,
        "lic": _D.LICENTIAAT,
        "kand": _D.KANDIDAAT,
        "burgerlijk-ingenieur": _D.INGENIEUR,
        "industrieel-ingenieur": _D.INGENIEUR,
        "ir": _D.INGENIEUR,
        "ing": _D.INGENIEUR,
    },
    "*": {
        "short-cycle-qualification": _D.SHORT_CYCLE,
        "korte-cyclus": _D.SHORT_CYCLE,
        "eqf-5": _D.SHORT_CYCLE,
        "ba": _D.BACHELOR,
        "ma": _D.MASTER,
        "phd": _D.DOCTORATE,
        "doctor": _D.DOCTORATE,
        "doctoraat": _D.DOCTORATE,
    },
}

# The names of the degrees in English, the catalogue's source language; the Dutch names are in the Dutch
# catalogue, in the words of each system (the doctorate: the Dutch "graad Doctor", the Flemish "doctor").
_DEGREE_LABELS: dict[Degree, str] = {
    _D.ASSOCIATE_DEGREE: N_("associate degree"),
    _D.HBO_BACHELOR: N_("bachelor (hbo, higher professional education)"),
    _D.WO_BACHELOR: N_("bachelor (wo, university education)"),
    _D.HBO_MASTER: N_("master (hbo, higher professional education)"),
    _D.WO_MASTER: N_("master (wo, university education)"),
    _D.DOCTORATE: N_("doctorate"),
    _D.GRADUAAT: N_("graduaat (short-cycle programme)"),
    _D.PROFESSIONAL_BACHELOR: N_("professional bachelor"),
    _D.ACADEMIC_BACHELOR: N_("academic bachelor"),
    _D.BACHELOR_AFTER_BACHELOR: N_("bachelor-after-bachelor (banaba)"),
    _D.MASTER: N_("master"),
    _D.MASTER_AFTER_MASTER: N_("master-after-master (manama)"),
    _D.SHORT_CYCLE: N_("short-cycle qualification"),
    _D.BACHELOR: N_("bachelor"),
    _D.DOCTORAAL: N_("doctoraal (drs., ir., mr.; pre-Bologna)"),
    _D.KANDIDAATS: N_("kandidaats (pre-Bologna)"),
    _D.LICENTIAAT: N_("licentiaat (pre-Bologna)"),
    _D.KANDIDAAT: N_("kandidaat (pre-Bologna)"),
    _D.GEGRADUEERDE: N_("gegradueerde (pre-Bologna)"),
    _D.APOTHEKER: N_("apotheker (pre-Bologna)"),
    _D.INGENIEUR: N_("ingenieur (pre-Bologna)"),
}
# The doctorate as each system names it: one code and one English word, a message context per system.
_DOCTORATE_IN = {
    # Translators: the doctorate as the Dutch system names the degree (WHW art. 7.18: "de graad Doctor").
    "NL": NP_("NL", "doctorate"),
    # Translators: the doctorate as the Flemish system names the degree.
    "VL": NP_("VL", "doctorate"),
}

_SEPARATORS = re.compile(r"[\s_]+")


def _normalise_degree(text: str) -> str:
    return _SEPARATORS.sub("-", text.strip().lower()).replace(".", "")


def degrees_of(jurisdiction: str) -> tuple[Degree, ...]:
    """The degrees that exist in ``jurisdiction``'s higher-education system (canonical code)."""
    return _SYSTEM_DEGREES.get(jurisdiction, _CYCLE_DEGREES)


def canonical_degree(value: str, jurisdiction: str) -> Degree:
    """Return the :class:`Degree` that ``value`` names in ``jurisdiction``, or raise ``ValueError``.

    >>> canonical_degree("banaba", "VL")
    <Degree.BACHELOR_AFTER_BACHELOR: 'bachelor-after-bachelor'>
    """
    # A str subclass (which may not even be hashable) is read as the plain text it holds; a Degree is one.
    if type(value) is not str and not isinstance(value, Degree):
        value = str.__str__(value)
    return _canonical_degree(value, jurisdiction)


# Bounded, as canonical_jurisdiction's: memory must not grow with each spelling a file holds.
@lru_cache(maxsize=1024)
def _canonical_degree(value: str, jurisdiction: str) -> Degree:
    valid = degrees_of(jurisdiction)
    key = _normalise_degree(value)
    aliases = _DEGREE_ALIASES.get(jurisdiction, _DEGREE_ALIASES["*"])
    degree = aliases.get(key)
    if degree is None and key in Degree._value2member_map_:
        degree = Degree(key)
    if degree is None or (degree not in valid and degree not in _PRE_BOLOGNA.get(jurisdiction, ())):
        raise ValueError(
            Message(
                N_("{value!r} is not a degree of {system}; valid: {valid}"),
                value=value,
                system=jurisdiction_message(jurisdiction),
                valid=", ".join(valid),
            )
        )
    return degree


def degree_label(degree: Degree, lang: str, system: str | None = None) -> str:
    """A readable name for ``degree`` in ``lang``, as ``system`` (the awarding or target jurisdiction) names it.

    >>> degree_label(Degree.DOCTORATE, "nl", "NL"), degree_label(Degree.DOCTORATE, "nl", "VL")
    ('graad Doctor', 'doctor')
    """
    return degree_message(degree, system).in_(lang)


def degree_message(degree: Degree, system: str | None = None) -> Message:
    """:func:`degree_label` as a message, to be said later in the reader's language."""
    if degree is Degree.DOCTORATE and system in _DOCTORATE_IN:
        context, name = _DOCTORATE_IN[system]
        return Message(name, context=context)
    return Message(_DEGREE_LABELS[degree])


def degree_named(degree: Degree, lang: str, system: str | None = None) -> str:
    """The degree as a sentence names it. In English its code (the library's vocabulary) and, where that says
    more, its name; in another language its name only, in that system's words (the codes are English).

    >>> degree_named(Degree.HBO_MASTER, "en"), degree_named(Degree.MASTER, "en")
    ('hbo-master (master (hbo, higher professional education))', 'master')
    >>> degree_named(Degree.HBO_MASTER, "nl"), degree_named(Degree.ACADEMIC_BACHELOR, "nl")
    ('hbo-master', 'academisch gerichte bachelor')
    """
    label = degree_label(degree, lang, system)
    if lang != SOURCE_LANGUAGE or label.casefold() == degree.value.casefold():
        return label
    return f"{degree.value} ({label})"


# The European Qualifications Framework level of each degree type (NLQF and the Flemish qualification structure
# place them alike): short cycle 5, bachelor 6, master 7, doctorate 8.
_EQF_LEVELS: dict[Degree, int] = {
    _D.ASSOCIATE_DEGREE: 5, _D.GRADUAAT: 5, _D.SHORT_CYCLE: 5,
    _D.HBO_BACHELOR: 6, _D.WO_BACHELOR: 6, _D.PROFESSIONAL_BACHELOR: 6, _D.ACADEMIC_BACHELOR: 6,
    _D.BACHELOR_AFTER_BACHELOR: 6, _D.BACHELOR: 6,
    _D.HBO_MASTER: 7, _D.WO_MASTER: 7, _D.MASTER: 7, _D.MASTER_AFTER_MASTER: 7,
    _D.DOCTORATE: 8,
}  # fmt: skip


def eqf_level(degree: Degree) -> int:
    """The EQF level of a degree type (5 to 8).

    >>> eqf_level(Degree.GRADUAAT), eqf_level(Degree.MASTER_AFTER_MASTER)
    (5, 7)
    """
    return _EQF_LEVELS[degree]


def specialises(degree: Degree) -> Degree | None:
    """The general degree a follow-on degree specialises (banaba -> professional bachelor, manama -> master)."""
    return _SPECIALISES.get(degree)


_SPECIALISES: dict[Degree, Degree] = {
    _D.BACHELOR_AFTER_BACHELOR: _D.PROFESSIONAL_BACHELOR,
    _D.MASTER_AFTER_MASTER: _D.MASTER,
}
