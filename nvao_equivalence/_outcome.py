"""The closed vocabulary the engine interprets: outcomes, effects and facts."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nvao_equivalence._diploma import Diploma

__all__ = ["EFFECTS", "FACTS", "Outcome"]


class Outcome(enum.StrEnum):
    """What a decision says about a diploma.

    - ``equivalent``: deemed equivalent to the comparable degree(s) of the target system.
    - ``admission-equivalent``: equivalent only for admission to further study.
    - ``not-recognised``: the rules in force do not grant anything; individual assessment may.
    - ``undetermined``: a fact the rules need is unknown, and its value would change the outcome.
    - ``not-applicable``: the rules do not speak to this pair of jurisdictions.
    """

    EQUIVALENT = "equivalent"
    ADMISSION_EQUIVALENT = "admission-equivalent"
    NOT_RECOGNISED = "not-recognised"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not-applicable"


# An effect a rule may grant, with its strength: the strongest granted effect
# decides (FACTS.md §2, "strongest effect wins").
EFFECTS: dict[str, tuple[int, Outcome]] = {
    "equivalent": (3, Outcome.EQUIVALENT),
    "admission-equivalent": (1, Outcome.ADMISSION_EQUIVALENT),
}

# A fact a rule may require, read from the diploma: True, False or None (unknown).
FACTS: dict[str, Callable[[Diploma], bool | None]] = {
    "accredited": lambda diploma: diploma.accredited,
}
