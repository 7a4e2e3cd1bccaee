"""Programme identifiers as registers and credentials write them."""

from __future__ import annotations

import re

__all__ = ["normalise_identifier"]

_DEQAR_LINK = re.compile(r"(?:https?://)?data\.deqar\.eu/(report|programme)/0*(\d+)/?", re.IGNORECASE)
_DEQAR_PAGE = re.compile(r"(?:https?://)?(?:www\.)?eqar\.eu/qa-results/search/by-report/report/\?id=0*(\d+)", re.I)
_DEQAR_SHORT = re.compile(r"deqar:(report|programme):0*(\d+)", re.IGNORECASE)


def normalise_identifier(text: str) -> str:
    """A DEQAR permalink or report page becomes ``deqar:report:N`` (or ``deqar:programme:N``); anything else is
    the identifier itself, stripped (a CROHO code, an agency's programme identifier)."""
    text = text.strip()
    found = _DEQAR_LINK.fullmatch(text) or _DEQAR_SHORT.fullmatch(text)
    if found:
        return f"deqar:{found.group(1).lower()}:{found.group(2)}"
    page = _DEQAR_PAGE.fullmatch(text)
    return f"deqar:report:{page.group(1)}" if page else text
