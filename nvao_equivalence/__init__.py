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

from nvao_equivalence import exceptions
from nvao_equivalence._decision import Decision
from nvao_equivalence._diploma import Accreditation, Diploma
from nvao_equivalence._engine import Period, check_equivalence, timeline
from nvao_equivalence._outcome import Outcome
from nvao_equivalence._rules import Citation, Rule
from nvao_equivalence._ruleset import RuleSet
from nvao_equivalence._vocabulary import Degree
from nvao_equivalence.registers import AccreditationRegister

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


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for:
    # importlib.metadata is not cheap to import.
    if name == "__version__":
        from importlib.metadata import version

        return version("nvao-equivalence")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
