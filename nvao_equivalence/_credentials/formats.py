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

from nvao_equivalence._vocabulary.dates import register_date
from nvao_equivalence._vocabulary.identifiers import normalise_identifier
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


def read_credential(data: object) -> tuple[str, Any]:
    """``("json", document)`` or ``("xml", bytes)`` for a mapping, a path, text or bytes (gzip or base64 too)."""
    if isinstance(data, Mapping):
        return "json", data
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
        try:
            return "json", json.loads(body)
        except RecursionError:
            raise CredentialError("the credential's JSON is nested too deeply") from None
        except ValueError as error:  # JSONDecodeError, or an integer with too many digits
            raise CredentialError(f"the credential is not JSON: {error}") from None
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


def edc_facts(document: Any) -> Facts:
    """The facts of a European Digital Credential; raises :class:`CredentialError` naming a missing field."""
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
    awarding = _one(claim.get("awardedBy"))
    awarded_on = _date(awarding.get("awardingDate"), "credentialSubject.hasClaim.awardedBy.awardingDate", fmt)
    body = _one(awarding.get("awardingBody"))
    country = _country(issuer) or _country(body)
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
    for organisation in (issuer, body):
        for key in ("identifier", "registration", "vatIdentifier"):
            for identifier in _items(organisation.get(key)):
                if not isinstance(identifier, dict):
                    continue
                scheme, notation = str(identifier.get("schemeName", "")), str(identifier.get("notation", ""))
                hints += [scheme, str(_one(identifier.get("spatial")).get("id", ""))]
                if scheme.strip().upper() == "BRIN" and notation.strip():
                    institution = notation.strip()
    titles = tuple(_texts(claim.get("title")) + _texts(spec.get("title")))
    eqf = int(found.group(1)) if found else None
    return Facts(fmt, country, awarded_on, eqf, titles, programme, institution, tuple(hint for hint in hints if hint))


def _country(organisation: dict[str, Any]) -> str | None:
    for location in _items(organisation.get("location")):
        for address in _items(_one(location).get("address")):
            code = str(_one(_one(address).get("countryCode")).get("id", ""))
            if code:
                return code.rstrip("/").rsplit("/", 1)[-1].upper()
    return None


# --- EMREX ELMO XML ------------------------------------------------------------------------------------------------


def elmo_facts(document: bytes) -> Facts:
    """The facts of an ELMO document's one degree programme; raises :class:`CredentialError`."""
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
        raise CredentialError(f"not an ELMO document: the root element is {root.tag!r}, not elmo ({ELMO_NAMESPACE})")
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
    awarded_on = _date(instance.findtext("e:date", None, ns), "learningOpportunityInstance/date", "ELMO document")
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
    return Facts("ELMO document", country, awarded_on, eqf, titles, programme, None, hints)
