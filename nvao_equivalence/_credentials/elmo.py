"""The facts of an EMREX ELMO document (XML), parsed by defusedxml: DTDs, entities and external references are
forbidden, so reading it touches no network and no file."""

from __future__ import annotations

from datetime import date

from nvao_equivalence._credentials.read import Facts, credential_date
from nvao_equivalence.exceptions import CredentialError

__all__ = ["ELMO_NAMESPACE", "elmo_facts"]

ELMO_NAMESPACE = "https://github.com/emrex-eu/elmo-schemas/tree/v1"


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
        awarded_on = credential_date(written, "learningOpportunityInstance/date", "ELMO document")
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
