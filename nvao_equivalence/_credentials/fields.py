"""What a digital credential says about a diploma, as the keyword arguments of a ``Diploma``.

The readers (``formats``) give the facts as the document writes them; this module places them in the library's
vocabulary: the awarding jurisdiction, the degree, the programme. It never builds a ``Diploma`` itself:
``Diploma.from_credential`` builds itself from these fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from nvao_equivalence._credentials.edc import edc_facts
from nvao_equivalence._credentials.elmo import elmo_facts
from nvao_equivalence._credentials.read import Facts, read_credential
from nvao_equivalence._vocabulary.dates import parse_date
from nvao_equivalence._vocabulary.degrees import Degree, canonical_degree, degrees_of, eqf_level
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.exceptions import CredentialError

__all__ = ["Programmes", "diploma_fields"]


class _Record(Protocol):
    @property
    def register(self) -> str: ...

    @property
    def level(self) -> str | None: ...


class Programmes(Protocol):
    """What the fields need of an accreditation register: its records of a programme (for the level)."""

    def records(self, programme: str) -> Iterable[_Record]: ...


# The EU country authority (and ELMO's alpha-2) codes of the countries whose diplomas this library meets; the
# NVAO parties first. Higher education in Belgium belongs to its Communities, so BEL needs one more fact.
_COUNTRIES = {
    "NLD": "NL", "BEL": "BE", "DEU": "DE", "FRA": "FR", "LUX": "LU", "GBR": "GB", "IRL": "IE", "ESP": "ES",
    "PRT": "PT", "ITA": "IT", "AUT": "AT", "CHE": "CH", "DNK": "DK", "SWE": "SE", "NOR": "NO", "FIN": "FI",
    "ISL": "IS", "POL": "PL", "CZE": "CZ", "SVK": "SK", "HUN": "HU", "SVN": "SI", "HRV": "HR", "ROU": "RO",
    "BGR": "BG", "GRC": "GR", "CYP": "CY", "MLT": "MT", "EST": "EE", "LVA": "LV", "LTU": "LT", "LIE": "LI",
}  # fmt: skip
_COMMUNITIES = ("VL", "BE-FR", "BE-DE")
# Words in an issuer identifier's scheme or spatial code that name a Belgian Community.
_COMMUNITY_WORDS = {
    "VL": ("be-vlg", "bel_vlg", "vlaams", "vlaanderen", "flemish", "flanders", "hogeronderwijsregister"),
    "BE-FR": ("wallonie-bruxelles", "communauté française", "french community", "be-fr"),
    "BE-DE": ("deutschsprachige", "german-speaking", "be-de"),
}
# Words in a title that name the degree where the EQF level leaves a choice.
_TITLE_WORDS: dict[Degree, tuple[str, ...]] = {
    Degree.BACHELOR_AFTER_BACHELOR: ("bachelor-na-bachelor", "bachelor na bachelor", "banaba"),
    Degree.MASTER_AFTER_MASTER: ("master-na-master", "master na master", "manama", "advanced master"),
    Degree.PROFESSIONAL_BACHELOR: ("professionele bachelor", "professional bachelor", "professioneel gerichte"),
    Degree.ACADEMIC_BACHELOR: ("academische bachelor", "academic bachelor", "academisch gerichte"),
    Degree.ASSOCIATE_DEGREE: ("associate degree",),
    Degree.HBO_BACHELOR: ("hbo-bachelor", "hbo bachelor"),
    Degree.WO_BACHELOR: ("wo-bachelor", "wo bachelor"),
    Degree.HBO_MASTER: ("hbo-master", "hbo master"),
    Degree.WO_MASTER: ("wo-master", "wo master"),
}


def diploma_fields(
    data: object,
    *,
    community: str | None = None,
    degree: str | None = None,
    arts: bool | None = None,
    programme: str | None = None,
    register: Programmes | None = None,
    awarded_on: object = None,
) -> tuple[str, dict[str, Any]]:
    """What the credential is (e.g. ``"ELMO document"``) and the ``Diploma`` keyword arguments it gives; see
    :func:`nvao_equivalence.credentials.diploma_from_credential` for the arguments and the errors."""
    stated = None
    if awarded_on is not None:
        try:
            stated = parse_date(awarded_on, field="awarded_on")
        except ValueError as error:
            raise CredentialError(str(error)) from None
    kind, document = read_credential(data)
    if kind == "xml":
        facts = elmo_facts(document, awarded_on=stated)
    else:
        facts = edc_facts(document, sealed=kind == "jades", awarded_on=stated)
    jurisdiction = _jurisdiction(facts, community)
    chosen = _degree(facts, jurisdiction, degree, programme or facts.programme, register)
    return facts.format, {
        "awarded_by": jurisdiction,
        "degree": chosen,
        "awarded_on": facts.awarded_on,
        "arts": arts,
        "programme": programme or facts.programme,
        "institution": facts.institution,
        "source": "; ".join(facts.provenance) or None,
    }


def _jurisdiction(facts: Facts, community: str | None) -> str:
    code = _COUNTRIES.get(facts.country or "", facts.country if facts.country in _COUNTRIES.values() else None)
    if code is None:
        raise CredentialError(
            f"{facts.country_field}: {facts.country or 'missing'} is not a country this library reads; "
            f"valid: NLD or BEL (and {', '.join(sorted(_COUNTRIES)[:6])}, …)"
        )
    named = [name for name, words in _COMMUNITY_WORDS.items() for hint in facts.community_hints
             if any(word in hint.lower() for word in words)]  # fmt: skip
    if community is not None:
        try:
            chosen = canonical_jurisdiction(community)
        except ValueError as error:
            raise CredentialError(f"community: {error}") from None
        if code != "BE" or chosen not in _COMMUNITIES:
            raise CredentialError(
                f"community: {community!r} is for a Belgian issuer; this issuer is in {facts.country}"
                if code != "BE"
                else f"community: {community!r} is not a Belgian Community; valid: {', '.join(_COMMUNITIES)}"
            )
        if named and named[0] != chosen:
            raise CredentialError(f"community: {chosen} contradicts the issuer's identifier, which names {named[0]}")
        return chosen
    if code != "BE":
        return code
    if len(set(named)) == 1:
        return named[0]
    raise CredentialError(
        "community: the issuer is in Belgium (BEL), where higher education belongs to the Communities, and the "
        "credential does not say which; pass community='VL' (Flemish Community), 'BE-FR' or 'BE-DE'"
    )


def _degree(
    facts: Facts, jurisdiction: str, stated: str | None, programme: str | None, register: Programmes | None
) -> Degree:
    candidates = [item for item in degrees_of(jurisdiction) if facts.eqf is None or eqf_level(item) == facts.eqf]
    if stated is not None:
        try:
            chosen = canonical_degree(stated, jurisdiction)
        except ValueError as error:
            raise CredentialError(f"degree: {error}") from None
        if chosen not in candidates:
            raise CredentialError(
                f"degree: {chosen.value} is EQF level {eqf_level(chosen)}, the credential says {facts.eqf}; "
                f"valid: {', '.join(candidates)}"
            )
        return chosen
    if register is not None and programme is not None:
        levels = {record.level for record in register.records(programme) if record.register == "RIO" and record.level}
        if len(levels) == 1:
            from_register: Degree | None
            try:
                from_register = canonical_degree(levels.pop(), jurisdiction)
            except ValueError:
                from_register = None
            if from_register is not None and from_register in candidates:
                return from_register
    if facts.eqf is not None and len(candidates) > 1:
        text = " ".join(facts.titles).lower()
        named = [item for item in candidates if any(word in text for word in _TITLE_WORDS.get(item, ()))]
        if len(named) == 1:
            return named[0]
    if facts.eqf is not None and len(candidates) == 1:
        return candidates[0]
    level = f"EQF level {facts.eqf}" if facts.eqf is not None else "no EQF level"
    title = f" ({facts.titles[0]})" if facts.titles else ""
    raise CredentialError(
        f"degree: the {facts.format} gives {level}{title}, which does not tell which degree of {jurisdiction} it "
        f"is (hbo or wo, professional or academic); pass degree= one of: {', '.join(candidates)}"
    )
