"""The facts of a European Digital Credential (ELM v3 JSON-LD, compacted with the EDC context), sealed or not."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from nvao_equivalence._credentials.kind import not_a_degree
from nvao_equivalence._credentials.read import Facts, credential_date, items, one
from nvao_equivalence._vocabulary.identifiers import normalise_identifier
from nvao_equivalence.exceptions import CredentialError

__all__ = ["edc_facts"]

_EQF = re.compile(r"(?:eqf/|level\s*)([1-8])\b", re.IGNORECASE)


def _texts(value: Any) -> list[str]:
    """The strings of a language map (``{"en": "...", "nl": ["..."]}``) or a plain string."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item) if isinstance(text, str)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def edc_facts(document: Any, *, sealed: bool = False, awarded_on: date | None = None) -> Facts:
    """The facts of a European Digital Credential; raises :class:`CredentialError` naming a missing field, or
    saying what the credential is when it is not a degree. ``sealed``: it came in a JAdES envelope (not verified);
    ``awarded_on``: the caller's award date, which wins over the credential's."""
    fmt = "European Digital Credential"
    types = (
        {item for item in items(document.get("type")) if isinstance(item, str)} if isinstance(document, dict) else set()
    )
    if not {"VerifiableCredential", "EuropeanDigitalCredential"} & types:
        raise CredentialError("type: not a European Digital Credential (VerifiableCredential, ELM v3 JSON-LD)")
    issuer = one(document.get("issuer"))
    claims = [claim for claim in items(one(document.get("credentialSubject")).get("hasClaim")) if claim]
    if len(claims) != 1:
        raise CredentialError(
            f"credentialSubject.hasClaim: the credential holds {len(claims)} claims; "
            "valid: exactly one learning achievement (the diploma)"
        )
    claim = one(claims[0])
    refusal = not_a_degree(document, claim)
    if refusal is not None:
        raise CredentialError(refusal)
    awarding = one(claim.get("awardedBy"))
    body = _organisation(document, one(awarding.get("awardingBody")))
    awarded_on, date_note = _edc_award_date(document, claim, awarded_on)
    # The awarding body awarded the degree; the issuer may be a service provider sealing it elsewhere.
    country, country_field = _country(body), f"credentialSubject.hasClaim.awardedBy.awardingBody.{_WHERE}"
    if country is None:
        country, country_field = _country(issuer), f"issuer.{_WHERE}"
    # Identifiers of an issuer in another country than the awarding body's say nothing about the awarding system.
    organisations = [body] + ([issuer] if _country(issuer) in (country, None) and issuer is not body else [])
    spec = one(claim.get("specifiedBy"))
    level = one(spec.get("eqfLevel"))
    found = _EQF.search(" ".join([str(level.get("id", "")), *_texts(level.get("prefLabel"))]))
    programme = None
    for identifier in items(spec.get("identifier")) + items(claim.get("identifier")):
        if isinstance(identifier, dict) and re.search(r"croho|isat", str(identifier.get("schemeName", "")), re.I):
            programme = str(identifier.get("notation") or "").strip() or None
    if programme is None:
        for evidence in items(document.get("evidence")):
            for accreditation in items(one(evidence).get("accreditation")):
                link = str(one(accreditation).get("id", ""))
                if normalise_identifier(link).startswith("deqar:"):
                    programme = normalise_identifier(link)
    hints: list[str] = []
    institution = None
    for organisation in organisations:
        for key in ("identifier", "registration", "vatIdentifier"):
            for identifier in items(organisation.get(key)):
                if not isinstance(identifier, dict):
                    continue
                scheme, notation = str(identifier.get("schemeName", "")), str(identifier.get("notation", ""))
                hints += [scheme, str(one(identifier.get("spatial")).get("id", ""))]
                if scheme.strip().upper() == "BRIN" and notation.strip() and institution is None:
                    institution = notation.strip()
    titles = tuple(_texts(claim.get("title")) + _texts(spec.get("title")))
    eqf = int(found.group(1)) if found else None
    where = "the awarding body's country" if country_field.startswith("credentialSubject") else "the issuer's country"
    seal = (
        "sealed in a JAdES envelope: the seal was NOT verified"
        if sealed
        else "unsigned (no seal), so its origin is not attested"
    )
    provenance = (_named(fmt, document.get("id")), date_note, f"country: {where}", seal)
    return Facts(
        fmt, country, awarded_on, eqf, titles, programme, institution, tuple(hint for hint in hints if hint),
        country_field, provenance,
    )  # fmt: skip


_WHERE = "location.address.countryCode"


def _edc_award_date(document: dict[str, Any], claim: dict[str, Any], stated: date | None) -> tuple[date, str]:
    if stated is not None:
        return stated, "award date: given by the caller (awarded_on=)"
    issuance = "the credential's issuance date, as it states no awardingDate"
    # Most specific first: the award itself (elm:awardingDate), the assessment that proves the claim
    # (provenBy.dateIssued), then the credential's issuance (VC `issued`, its VC 1.1 name `issuanceDate`, then
    # `validFrom`, which every EDC has). Issuance may be later than the award: the provenance says which was used.
    candidates = (
        ("credentialSubject.hasClaim.awardedBy.awardingDate", one(claim.get("awardedBy")).get("awardingDate"),
         "awardingDate"),
        ("credentialSubject.hasClaim.provenBy.dateIssued", one(claim.get("provenBy")).get("dateIssued"),
         "the date of the assessment that proves the claim, as it states no awardingDate"),
        ("issued", document.get("issued"), issuance),
        ("issuanceDate", document.get("issuanceDate"), issuance),
        ("validFrom", document.get("validFrom"), "the date the credential is valid from, as it states no awardingDate"),
    )  # fmt: skip
    for field, value, meaning in candidates:
        if value is None or value == "":
            continue
        return credential_date(value, field, "European Digital Credential"), f"award date: {meaning} ({field} {value})"
    raise CredentialError(
        "credentialSubject.hasClaim.awardedBy.awardingDate: the European Digital Credential gives no award date "
        "(no awardingDate, dateIssued, issued or validFrom); pass awarded_on="
    )


def _named(fmt: str, identifier: Any) -> str:
    return f"{fmt} {identifier}" if isinstance(identifier, str) and identifier.strip() else fmt


def _organisation(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node``, or the organisation it refers to by ``id`` when it is only a reference (JSON-LD lets a node
    appear once in full and elsewhere as ``{"id": ...}``)."""
    reference = node.get("id")
    if not isinstance(reference, str) or any(key not in ("id", "type") for key in node):
        return node
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("id") == reference and item is not node and any(k not in ("id", "type") for k in item):
                return item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return node


def _country(organisation: dict[str, Any]) -> str | None:
    for location in items(organisation.get("location")):
        for address in items(one(location).get("address")):
            code = str(one(one(address).get("countryCode")).get("id", ""))
            if code:
                return code.rstrip("/").rsplit("/", 1)[-1].upper()
    return None
