"""The closed vocabulary the engine interprets: outcomes, effects and facts."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from nvao_equivalence._language.catalogue import N_, tr

if TYPE_CHECKING:
    from nvao_equivalence._case.diploma import Diploma

__all__ = ["EFFECTS", "FACTS", "Effect", "Outcome", "outcome_word"]


class Outcome(enum.StrEnum):
    """What a decision says about a diploma.

    - ``equivalent``: deemed equivalent to the comparable degree(s) of the target system.
    - ``level-equivalent``: recognised at the EQF level of the degree, not as a named comparable degree.
    - ``admission-equivalent``: equivalent only for admission to further study.
    - ``not-recognised``: the rules in force do not grant anything; individual assessment may.
    - ``undetermined``: a fact the rules need is unknown, and its value would change the outcome.
    - ``not-applicable``: the rules do not speak to this pair of jurisdictions.
    """

    EQUIVALENT = "equivalent"
    LEVEL_EQUIVALENT = "level-equivalent"
    ADMISSION_EQUIVALENT = "admission-equivalent"
    NOT_RECOGNISED = "not-recognised"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not-applicable"


# The outcomes in a word or two, for tables and counts (an explanation describes them at more length).
_WORDS: dict[Outcome, str] = {
    # Translators: the outcomes as a table or a count names them; the outcome word comes first.
    Outcome.EQUIVALENT: N_("equivalent"),
    Outcome.LEVEL_EQUIVALENT: N_("level-equivalent"),
    Outcome.ADMISSION_EQUIVALENT: N_("admission-equivalent"),
    Outcome.NOT_RECOGNISED: N_("not-recognised"),
    Outcome.UNDETERMINED: N_("undetermined"),
    Outcome.NOT_APPLICABLE: N_("not-applicable"),
}


def outcome_word(outcome: Outcome, lang: str) -> str:
    """The outcome in a word or two in ``lang``: its code in English, "gelijkwaardig", "niet erkend" in Dutch.

    >>> outcome_word(Outcome.NOT_RECOGNISED, "en"), outcome_word(Outcome.NOT_RECOGNISED, "nl")
    ('not-recognised', 'niet erkend')
    """
    return tr(_WORDS[outcome], lang)


class Effect(NamedTuple):
    """What a rule may grant: its strength (the strongest granted effect decides), the outcome it gives, and
    whether it names comparable degrees (and so needs a comparable-degree table)."""

    strength: int
    outcome: Outcome
    names_degrees: bool


# Precedence: equivalent > level-equivalent > admission-equivalent > not recognised (the legal specification's
# "strongest effect wins", §2 and §3).
EFFECTS: dict[str, Effect] = {
    "equivalent": Effect(3, Outcome.EQUIVALENT, names_degrees=True),
    "level-equivalent": Effect(2, Outcome.LEVEL_EQUIVALENT, names_degrees=False),
    "admission-equivalent": Effect(1, Outcome.ADMISSION_EQUIVALENT, names_degrees=True),
}

# A fact a rule may require, read from the diploma: True, False or None (unknown).
FACTS: dict[str, Callable[[Diploma], bool | None]] = {
    "accredited": lambda diploma: diploma.accredited,
    "recognised": lambda diploma: diploma.recognised,
}
