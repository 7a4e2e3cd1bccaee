"""Diplomas from digital credentials: a European Digital Credential (ELM v3 JSON-LD) or an EMREX ELMO document.

:func:`diploma_from_credential` (also :meth:`Diploma.from_credential <nvao_equivalence.Diploma.from_credential>`)
reads the awarding body's country, else the issuer's (NLD -> NL; a Belgian one needs its Community), the award
date, the EQF level and title (-> the degree), the CROHO/ISAT identifier or else the DEQAR accreditation link
(-> ``programme``, which an :class:`~nvao_equivalence.registers.AccreditationRegister` then looks up) and, for an
EDC, a BRIN identifier (-> ``institution``). Accreditation itself is not in a credential: pass a register to
``check_equivalence``. A sealed EDC (a JAdES envelope) is read like an unsigned one: no seal or signature is
verified, and the diploma's ``source`` says so. A credential that is not a degree is refused.

A credential often cannot tell hbo from wo, or a professional from an academic bachelor: the EQF level is the
same. The library never guesses: unless the title says it (``banaba``, ``master-na-master``, ``professionele
bachelor``, …) or a register given as ``register=`` knows the programme's level (RIO's ``NIVEAU``), it raises
:class:`~nvao_equivalence.exceptions.CredentialError` naming the field and the valid values, and the caller
passes ``degree=``. Likewise ``community=`` for a Belgian issuer whose identifiers do not name its Community.

ELMO XML needs the optional dependency defusedxml (``pip install 'nvao-equivalence[credentials]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nvao_equivalence._case.diploma import Diploma

if TYPE_CHECKING:
    from nvao_equivalence.registers import AccreditationRegister

__all__ = ["diploma_from_credential"]


def diploma_from_credential(
    data: object,
    *,
    community: str | None = None,
    degree: str | None = None,
    arts: bool | None = None,
    programme: str | None = None,
    register: AccreditationRegister | None = None,
    awarded_on: object = None,
) -> Diploma:
    """The :class:`~nvao_equivalence.Diploma` a credential describes.

    ``data`` is a parsed JSON-LD credential (a ``dict``), its text or bytes, ELMO XML text or bytes (also gzipped,
    or gzipped and base64-encoded as EMREX sends it), or a path (``pathlib.Path``) to either. ``community``
    (``"VL"``, ``"BE-FR"``, ``"BE-DE"``) places a Belgian issuer; ``degree`` names the degree where the credential
    cannot (a degree of the awarding system, e.g. ``"wo-bachelor"``; it must agree with the EQF level); ``arts``
    marks arts education (``None``: not stated); ``programme`` overrides the identifier read from the credential;
    ``register`` lets a Dutch programme's level (hbo or wo) come from RIO; ``awarded_on`` (a date or date text) is
    the award date, which always wins over the credential's.

    A credential that is not a degree (a micro-credential, a certificate of participation, …) is refused. An EDC
    without ``awardingDate`` gives the date of the assessment proving the claim or else of its issuance
    (``issued``, ``validFrom``), and the diploma's ``source`` says which. The country is the awarding body's,
    else the issuer's. Seals and signatures (JAdES, XML-DSig) are not verified: ``source`` says so.

    Raises :class:`~nvao_equivalence.exceptions.CredentialError` (a ``ValueError``) for a credential that is
    malformed, hostile or over the size limit, or that leaves a field undetermined; the message names the field,
    its valid values and the keyword to pass. Raises ``ImportError`` for ELMO XML without defusedxml.
    """
    return Diploma.from_credential(
        data,
        community=community,
        degree=degree,
        arts=arts,
        programme=programme,
        register=register,
        awarded_on=awarded_on,
    )
