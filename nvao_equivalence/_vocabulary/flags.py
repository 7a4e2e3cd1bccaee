"""Yes/no answers as admission files and command lines write them."""

from __future__ import annotations

from nvao_equivalence._language.catalogue import N_
from nvao_equivalence._language.message import Message
from nvao_equivalence._language.message import field as field_name

__all__ = ["parse_flag"]

_FLAGS = {
    "yes": True, "y": True, "ja": True, "j": True, "true": True, "1": True, "waar": True,
    "no": False, "n": False, "nee": False, "false": False, "0": False, "onwaar": False,
    "": None, "unknown": None, "onbekend": None, "?": None,
}  # fmt: skip


def parse_flag(text: str, *, field: str) -> bool | None:
    """Read yes/no/ja/nee/true/false/1/0 (any case), and Dutch Excel's booleans WAAR/ONWAAR; empty or ``unknown``
    is ``None``.

    >>> parse_flag("Ja", field="accredited"), parse_flag("", field="accredited")
    (True, None)
    """
    key = text.strip().lower() if isinstance(text, str) else None
    if key not in _FLAGS:
        raise ValueError(
            Message(
                N_(
                    "{field}: {value!r} is not valid; "
                    "valid: yes, no, ja, nee, true, false, waar, onwaar, 1, 0, or empty/unknown"
                ),
                field=field_name(field),
                value=text,
            )
        )
    return _FLAGS[key]
