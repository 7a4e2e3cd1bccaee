"""Is a Dutch or Flemish higher-education diploma recognised across the border, and on what legal basis?

The NVAO treaty between the Netherlands and the Flemish Community, as encoded
in the bundled rule files, decides through :func:`check_equivalence`:

>>> from datetime import date
>>> from nvao_equivalence import Diploma, check_equivalence
>>> d = Diploma(awarded_by="VL", degree="academic-bachelor", awarded_on=date(2016, 7, 1), accredited=True)
>>> check_equivalence(d, target="NL", on=date(2017, 6, 1)).outcome
<Outcome.EQUIVALENT: 'equivalent'>

Importing the package reads no file; the rules load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nvao_equivalence import exceptions
from nvao_equivalence._case.diploma import Accreditation, Diploma
from nvao_equivalence._case.outcome import Outcome
from nvao_equivalence._decide.decision import Decision
from nvao_equivalence._decide.engine import Period, check_equivalence, timeline
from nvao_equivalence._vocabulary.degrees import Degree

if TYPE_CHECKING:
    from nvao_equivalence._registers.register import AccreditationRegister
    from nvao_equivalence._rulebook.model import Citation, Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = [
    "Accreditation",
    "AccreditationRegister",
    "Citation",
    "Decision",
    "Degree",
    "Diploma",
    "Outcome",
    "Period",
    "Rule",
    "RuleSet",
    "check_equivalence",
    "exceptions",
    "timeline",
]


# Imported when first asked for: the rule loader and the registers are not needed to build a Diploma, and
# importing the package stays cheap.
_LAZY = {
    "Citation": "nvao_equivalence._rulebook.model",
    "Rule": "nvao_equivalence._rulebook.model",
    "RuleSet": "nvao_equivalence._rulebook.ruleset",
    "AccreditationRegister": "nvao_equivalence.registers",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        # Read from the installed metadata only when asked for: importlib.metadata is not cheap to import.
        from importlib.metadata import version

        return version("nvao-equivalence")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
