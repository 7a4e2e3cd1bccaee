"""Diplomas from digital credentials: a European Digital Credential (ELM v3 JSON-LD) or an EMREX ELMO document.

:func:`diploma_from_credential` (also :meth:`Diploma.from_credential <nvao_equivalence.Diploma.from_credential>`)
reads the issuer's country (NLD -> NL; a Belgian issuer needs its Community), the award date, the EQF level and
title (-> the degree), the CROHO/ISAT identifier or else the DEQAR accreditation link (-> ``programme``, which an
:class:`~nvao_equivalence.registers.AccreditationRegister` then looks up) and, for an EDC, a BRIN identifier
(-> ``institution``). Accreditation itself is not in a credential: pass a register to ``check_equivalence``.

A credential often cannot tell hbo from wo, or a professional from an academic bachelor: the EQF level is the
same. The library never guesses: unless the title says it (``banaba``, ``master-na-master``, ``professionele
bachelor``, …) or a register given as ``register=`` knows the programme's level (RIO's ``NIVEAU``), it raises
:class:`~nvao_equivalence.exceptions.CredentialError` naming the field and the valid values, and the caller
passes ``degree=``. Likewise ``community=`` for a Belgian issuer whose identifiers do not name its Community.

ELMO XML needs the optional dependency defusedxml (``pip install 'nvao-equivalence[credentials]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nvao_equivalence._credential_formats import Facts, edc_facts, elmo_facts, read_credential
from nvao_equivalence._diploma import Diploma
from nvao_equivalence._vocabulary import Degree, canonical_degree, canonical_jurisdiction, degrees_of, eqf_level
from nvao_equivalence.exceptions import CredentialError, InvalidDiplomaError

if TYPE_CHECKING:
    from nvao_equivalence.registers import AccreditationRegister

__all__ = ["diploma_from_credential"]

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


def diploma_from_credential(
    data: object,
    *,
    community: str | None = None,
    degree: str | None = None,
    arts: bool | None = None,
    programme: str | None = None,
    register: AccreditationRegister | None = None,
) -> Diploma:
    """The :class:`~nvao_equivalence.Diploma` a credential describes.

    ``data`` is a parsed JSON-LD credential (a ``dict``), its text or bytes, ELMO XML text or bytes (also gzipped,
    or gzipped and base64-encoded as EMREX sends it), or a path (``pathlib.Path``) to either. ``community``
    (``"VL"``, ``"BE-FR"``, ``"BE-DE"``) places a Belgian issuer; ``degree`` names the degree where the credential
    cannot (a degree of the awarding system, e.g. ``"wo-bachelor"``; it must agree with the EQF level); ``arts``
    marks arts education (``None``: not stated); ``programme`` overrides the identifier read from the credential;
    ``register`` lets a Dutch programme's level (hbo or wo) come from RIO.

    Raises :class:`~nvao_equivalence.exceptions.CredentialError` (a ``ValueError``) for a credential that is
    malformed, hostile or over the size limit, or that leaves a field undetermined; the message names the field,
    its valid values and the keyword to pass. Raises ``ImportError`` for ELMO XML without defusedxml.
    """
    kind, document = read_credential(data)
    facts = elmo_facts(document) if kind == "xml" else edc_facts(document)
    jurisdiction = _jurisdiction(facts, community)
    chosen = _degree(facts, jurisdiction, degree, programme or facts.programme, register)
    try:
        return Diploma(
            awarded_by=jurisdiction,
            degree=chosen,
            awarded_on=facts.awarded_on,
            arts=arts,
            programme=programme or facts.programme,
            institution=facts.institution,
        )
    except InvalidDiplomaError as error:
        raise CredentialError(f"the {facts.format} does not give a valid diploma: {error}") from None


def _jurisdiction(facts: Facts, community: str | None) -> str:
    code = _COUNTRIES.get(facts.country or "", facts.country if facts.country in _COUNTRIES.values() else None)
    if code is None:
        where = "report/issuer/country" if facts.format == "ELMO document" else "issuer.location.address.countryCode"
        raise CredentialError(
            f"{where}: {facts.country or 'missing'} is not a country this library reads; valid: NLD or BEL "
            f"(and {', '.join(sorted(_COUNTRIES)[:6])}, …)"
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
    facts: Facts, jurisdiction: str, stated: str | None, programme: str | None, register: AccreditationRegister | None
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
