"""Reading a digital credential's bytes safely: what it is (JSON-LD, a JAdES envelope, ELMO XML) and its document.

Input is untrusted: size limits before parsing, gzip and base64 unpacked within the limit, JSON nesting bounded by
the interpreter's recursion limit. The facts a credential gives are collected in :class:`Facts`.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import zlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from nvao_equivalence._files.streams import BOM
from nvao_equivalence._vocabulary.dates import register_date
from nvao_equivalence.exceptions import CredentialError

__all__ = ["MAX_CREDENTIAL_BYTES", "Facts", "credential_date", "items", "one", "read_credential"]

MAX_CREDENTIAL_BYTES = 16 << 20  # 16 MiB: a signed credential with a PDF attached stays well under it


_GZIP = b"\x1f\x8b"


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
    body = raw.removeprefix(BOM).strip()
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


def credential_date(value: Any, field: str, fmt: str) -> date:
    if value is None or value == "":
        raise CredentialError(f"{field}: the {fmt} gives no award date; a diploma needs one")
    try:
        found = register_date(value)
    except ValueError as error:
        raise CredentialError(f"{field}: {error}") from None
    if found is None:
        raise CredentialError(f"{field}: the {fmt} gives no award date; a diploma needs one")
    return found


def items(value: Any) -> list[Any]:
    """A JSON-LD value as a list: JSON-LD writes one item bare and several as an array."""
    return value if isinstance(value, list) else [] if value is None else [value]


def one(value: Any) -> dict[str, Any]:
    """The first object of a JSON-LD value, or an empty one."""
    return next((item for item in items(value) if isinstance(item, dict)), {})
