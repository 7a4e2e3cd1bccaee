"""Reading the facts of a diploma out of a European Digital Credential (ELM v3 JSON-LD) or an EMREX ELMO document.

Input is untrusted: size limits before parsing, JSON nesting bounded by the interpreter's recursion limit, and XML
parsed by defusedxml with DTDs, entities and external references forbidden (no network, no file access).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import zlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from nvao_equivalence._credential_kind import not_a_degree
from nvao_equivalence._register_io import register_date
from nvao_equivalence._register_text import normalise_identifier
from nvao_equivalence.exceptions import CredentialError

__all__ = ["MAX_CREDENTIAL_BYTES", "Facts", "edc_facts", "elmo_facts", "read_credential"]

MAX_CREDENTIAL_BYTES = 16 << 20  # 16 MiB: a signed credential with a PDF attached stays well under it
_GZIP = b"\x1f\x8b"
_EQF = re.compile(r"(?:eqf/|level\s*)([1-8])\b", re.IGNORECASE)
ELMO_NAMESPACE = "https://github.com/emrex-eu/elmo-schemas/tree/v1"


@attrs.frozen
class Facts:
    """What a credential says, before it is read as a diploma of a system."""

    format: str  # "European Digital Credential" or "ELMO"
    country: str | None
    awarded_on: date
    eqf: int | None
    titles: tuple[str, ...]
    programme: str | None
    institution: str | None
    community_hints: tuple[str, ...] = ()
    country_field: str = "issuer.location.address.countryCode"
    # Where the facts come from and what was not checked, for the diploma's ``source``.
    provenance: tuple[str, ...] = ()


def read_credential(data: object) -> tuple[str, Any]:
    """``("json", document)`` or ``("xml", bytes)`` for a mapping, a path, text or bytes (gzip or base64 too)."""
    if isinstance(data, Mapping):
        return _unwrap(data)
    if isinstance(data, os.PathLike):
        try:
            with Path(data).open("rb") as stream:
                raw = stream.read(MAX_CREDENTIAL_BYTES + 1)
        except OSError as error:
            raise CredentialError(f"cannot read the credential {Path(data).name}: {error.strerror}") from None
    elif isinstance(data, str):
        raw = data.encode("utf-8")
    elif isinstance(data, bytes):
        raw = data
    else:
        raise CredentialError(f"data: {type(data).__name__} is not a credential; valid: a dict, a path, text, bytes")
    return _classify(raw, unwrapped=0)


def _classify(raw: bytes, unwrapped: int) -> tuple[str, Any]:
    if len(raw) > MAX_CREDENTIAL_BYTES:
        raise CredentialError(f"the credential is larger than {MAX_CREDENTIAL_BYTES:,} bytes, the limit")
    body = raw.removeprefix(b"\xef\xbb\xbf").strip()
    if body.startswith(b"<"):
        return "xml", body
    if body.startswith((b"{", b"[")):
        return _unwrap(_json(body))
    if unwrapped < 2:
        if body.startswith(_GZIP):
            return _classify(_gunzip(body), unwrapped + 1)
        try:  # EMREX sends the ELMO document gzipped and base64-encoded
            decoded = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if decoded:
            return _classify(decoded, unwrapped + 1)
    raise CredentialError("not a credential: expected ELM JSON-LD or ELMO XML (plain, gzipped or base64)")


def _json(body: bytes | str) -> Any:
    try:
        return json.loads(body)
    except RecursionError:
        raise CredentialError("the credential's JSON is nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, or an integer with too many digits
        raise CredentialError(f"the credential is not JSON: {error}") from None


def _unwrap(document: Any) -> tuple[str, Any]:
    """``("jades", credential)`` for a JAdES envelope, else ``("json", document)``.

    A sealed EDC is a JAdES signature in the JWS JSON serialisation (ETSI TS 119 182-1, RFC 7515 section 7.2.1):
    ``{"payload": ..., "signatures": [...]}``. The Commission's samples set ``b64: false`` in the protected header
    (RFC 7797), so the payload is the credential's JSON text itself; otherwise it is base64url-encoded, whose
    alphabet has no ``{``, ``[`` or ``"``, so the first character tells the two apart. The signature is not
    verified here or anywhere in this library.
    """
    if not (isinstance(document, Mapping) and "payload" in document and "signatures" in document):
        return "json", document
    payload = document["payload"]
    if not isinstance(payload, str):
        raise CredentialError(f"payload: {type(payload).__name__} in a JAdES envelope; valid: the credential as text")
    if payload.lstrip().startswith(("{", "[", '"')):
        text: bytes | str = payload
    else:
        try:
            text = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        except (binascii.Error, ValueError):
            raise CredentialError(
                "payload: the JAdES envelope's payload is neither the credential's JSON (b64: false) nor base64url"
            ) from None
    credential = _json(text)
    if not isinstance(credential, Mapping) or "payload" in credential:
        raise CredentialError("payload: the JAdES envelope does not hold a credential (a JSON object)")
    return "jades", credential


def _gunzip(body: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, MAX_CREDENTIAL_BYTES + 1)
    except zlib.error as error:
        raise CredentialError(f"the credential is not valid gzip: {error}") from None
    if len(out) > MAX_CREDENTIAL_BYTES or inflater.unconsumed_tail:
        raise CredentialError(f"the credential unpacks to more than {MAX_CREDENTIAL_BYTES:,} bytes, the limit")
    return out


# --- European Digital Credential (ELM v3, JSON-LD compacted with the EDC context) ----------------------------------


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _one(value: Any) -> dict[str, Any]:
    return next((item for item in _items(value) if isinstance(item, dict)), {})


def _texts(value: Any) -> list[str]:
    """The strings of a language map (``{"en": "...", "nl": ["..."]}``) or a plain string."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item) if isinstance(text, str)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _date(value: Any, field: str, fmt: str) -> date:
    if value is None or value == "":
        raise CredentialError(f"{field}: the {fmt} gives no award date; a diploma needs one")
    try:
        found = register_date(value)
    except ValueError as error:
        raise CredentialError(f"{field}: {error}") from None
    if found is None:
        raise CredentialError(f"{field}: the {fmt} gives no award date; a diploma needs one")
    return found


def edc_facts(document: Any, *, sealed: bool = False, awarded_on: date | None = None) -> Facts:
    """The facts of a European Digital Credential; raises :class:`CredentialError` naming a missing field, or
    saying what the credential is when it is not a degree. ``sealed``: it came in a JAdES envelope (not verified);
    ``awarded_on``: the caller's award date, which wins over the credential's."""
    fmt = "European Digital Credential"
    types = (
        {item for item in _items(document.get("type")) if isinstance(item, str)}
        if isinstance(document, dict)
        else set()
    )
    if not {"VerifiableCredential", "EuropeanDigitalCredential"} & types:
        raise CredentialError("type: not a European Digital Credential (VerifiableCredential, ELM v3 JSON-LD)")
    issuer = _one(document.get("issuer"))
    claims = [claim for claim in _items(_one(document.get("credentialSubject")).get("hasClaim")) if claim]
    if len(claims) != 1:
        raise CredentialError(
            f"credentialSubject.hasClaim: the credential holds {len(claims)} claims; "
            "valid: exactly one learning achievement (the diploma)"
        )
    claim = _one(claims[0])
    refusal = not_a_degree(document, claim)
    if refusal is not None:
        raise CredentialError(refusal)
    awarding = _one(claim.get("awardedBy"))
    body = _organisation(document, _one(awarding.get("awardingBody")))
    awarded_on, date_note = _edc_award_date(document, claim, awarded_on)
    # The awarding body awarded the degree; the issuer may be a service provider sealing it elsewhere.
    country, country_field = _country(body), f"credentialSubject.hasClaim.awardedBy.awardingBody.{_WHERE}"
    if country is None:
        country, country_field = _country(issuer), f"issuer.{_WHERE}"
    # Identifiers of an issuer in another country than the awarding body's say nothing about the awarding system.
    organisations = [body] + ([issuer] if _country(issuer) in (country, None) and issuer is not body else [])
    spec = _one(claim.get("specifiedBy"))
    level = _one(spec.get("eqfLevel"))
    found = _EQF.search(" ".join([str(level.get("id", "")), *_texts(level.get("prefLabel"))]))
    programme = None
    for identifier in _items(spec.get("identifier")) + _items(claim.get("identifier")):
        if isinstance(identifier, dict) and re.search(r"croho|isat", str(identifier.get("schemeName", "")), re.I):
            programme = str(identifier.get("notation") or "").strip() or None
    if programme is None:
        for evidence in _items(document.get("evidence")):
            for accreditation in _items(_one(evidence).get("accreditation")):
                link = str(_one(accreditation).get("id", ""))
                if normalise_identifier(link).startswith("deqar:"):
                    programme = normalise_identifier(link)
    hints: list[str] = []
    institution = None
    for organisation in organisations:
        for key in ("identifier", "registration", "vatIdentifier"):
            for identifier in _items(organisation.get(key)):
                if not isinstance(identifier, dict):
                    continue
                scheme, notation = str(identifier.get("schemeName", "")), str(identifier.get("notation", ""))
                hints += [scheme, str(_one(identifier.get("spatial")).get("id", ""))]
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
        ("credentialSubject.hasClaim.awardedBy.awardingDate", _one(claim.get("awardedBy")).get("awardingDate"),
         "awardingDate"),
        ("credentialSubject.hasClaim.provenBy.dateIssued", _one(claim.get("provenBy")).get("dateIssued"),
         "the date of the assessment that proves the claim, as it states no awardingDate"),
        ("issued", document.get("issued"), issuance),
        ("issuanceDate", document.get("issuanceDate"), issuance),
        ("validFrom", document.get("validFrom"), "the date the credential is valid from, as it states no awardingDate"),
    )  # fmt: skip
    for field, value, meaning in candidates:
        if value is None or value == "":
            continue
        return _date(value, field, "European Digital Credential"), f"award date: {meaning} ({field} {value})"
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
    for location in _items(organisation.get("location")):
        for address in _items(_one(location).get("address")):
            code = str(_one(_one(address).get("countryCode")).get("id", ""))
            if code:
                return code.rstrip("/").rsplit("/", 1)[-1].upper()
    return None


# --- EMREX ELMO XML ------------------------------------------------------------------------------------------------


def elmo_facts(document: bytes, *, awarded_on: date | None = None) -> Facts:
    """The facts of an ELMO document's one degree programme; raises :class:`CredentialError`. ``awarded_on``: the
    caller's award date, which wins over the document's."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ModuleNotFoundError:
        raise ImportError(
            "reading EMREX ELMO XML needs defusedxml: pip install 'nvao-equivalence[credentials]'"
        ) from None
    try:
        root = fromstring(document, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise CredentialError(
            f"ELMO XML refused: {type(error).__name__} ({error}); no DTD or entity is allowed"
        ) from None
    except ParseError as error:
        raise CredentialError(f"ELMO XML is not well-formed: {error}") from None
    ns = {"e": ELMO_NAMESPACE}
    if root.tag != f"{{{ELMO_NAMESPACE}}}elmo":
        raise CredentialError(_not_elmo(root.tag))
    programmes = [
        (report, spec)
        for report in root.findall("e:report", ns)
        for spec in report.findall("e:learningOpportunitySpecification", ns)
        if (spec.findtext("e:type", "", ns) or "").strip().lower() == "degree programme"
    ]
    if len(programmes) != 1:
        raise CredentialError(
            f"report/learningOpportunitySpecification: the document holds {len(programmes)} degree programmes "
            "(type 'Degree Programme'); valid: exactly one"
        )
    report, spec = programmes[0]
    instance = spec.find("e:specifies/e:learningOpportunityInstance", ns)
    if instance is None:
        raise CredentialError("learningOpportunityInstance: the degree programme has no instance (no award)")
    status = (instance.findtext("e:status", "", ns) or "").strip().lower()
    if status and status != "passed":
        raise CredentialError(f"learningOpportunityInstance/status: {status!r}; valid: passed (an awarded degree)")
    if awarded_on is None:
        written = instance.findtext("e:date", None, ns)
        awarded_on = _date(written, "learningOpportunityInstance/date", "ELMO document")
        date_note = f"award date: learningOpportunityInstance/date {written.strip() if written else ''}"
    else:
        date_note = "award date: given by the caller (awarded_on=)"
    eqf = None
    for level in instance.findall("e:level", ns):
        if (level.findtext("e:type", "", ns) or "").strip().upper() == "EQF":
            text = (level.findtext("e:value", "", ns) or "").strip()
            eqf = int(text) if text in {"5", "6", "7", "8"} else None
    if eqf is None:
        cycle = (instance.findtext("e:credit/e:level", "", ns) or "").strip().lower()
        eqf = {"bachelor": 6, "master": 7, "phd": 8}.get(cycle)
    programme = None
    for identifier in spec.findall("e:identifier", ns):
        if identifier.get("type", "").strip().lower() in ("croho", "isat") and (identifier.text or "").strip():
            programme = (identifier.text or "").strip()
    titles = tuple((title.text or "").strip() for title in spec.findall("e:title", ns))
    country = (report.findtext("e:issuer/e:country", "", ns) or "").strip().upper() or None
    hints = tuple(
        f"{identifier.get('type', '')} {identifier.text or ''}"
        for identifier in report.findall("e:issuer/e:identifier", ns)
    )
    signed = root.find("{http://www.w3.org/2000/09/xmldsig#}Signature") is not None
    provenance = (
        "ELMO document",
        date_note,
        "country: the issuer's (report/issuer/country)",
        "signed (XML-DSig): the signature was NOT verified" if signed else "unsigned (no XML signature)",
    )
    return Facts(
        "ELMO document", country, awarded_on, eqf, titles, programme, None, hints, "report/issuer/country", provenance
    )


# Every ELMO 1.x release (1.0.0 to 1.5.0, then the 1.6 and 1.7 previews) has one namespace: it names the major
# version only (the schema's "general note on schema versioning"; its CHANGELOG keeps the v1 branch
# backward-compatible), so it is the same schema throughout. The only other namespace the schema repository ever
# published, ``.../tree/1.0``, belongs to the first proposal of 2015-11-10, revised eight days later with other
# elements (a signature, Europass countries): not demonstrably the same schema, so refused.
_ELMO_DRAFT = "https://github.com/emrex-eu/elmo-schemas/tree/1.0"


def _not_elmo(tag: str) -> str:
    namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if name == "elmo" and namespace == _ELMO_DRAFT:
        return (
            f"not an ELMO 1.x document: the namespace {namespace} is the 2015 proposal that preceded ELMO 1.0, "
            f"which this library does not read; valid: {ELMO_NAMESPACE}"
        )
    if name == "elmo":
        return f"not an ELMO 1.x document: the namespace is {namespace or 'missing'!r}; valid: {ELMO_NAMESPACE}"
    return f"not an ELMO document: the root element is {tag!r}, not elmo ({ELMO_NAMESPACE})"
