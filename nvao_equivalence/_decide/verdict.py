"""What the rules say for one kind of case: the findings of each rule, and the verdict they add up to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from nvao_equivalence._case.outcome import Outcome
from nvao_equivalence._vocabulary.degrees import Degree

if TYPE_CHECKING:
    from nvao_equivalence._rulebook.model import Citation, ComparableRow, Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["Finding", "Verdict"]


@attrs.frozen
class Finding:
    """What one rule in force said about the diploma.

    ``status`` is ``"granted"``, ``"unmet"`` (a required fact is false),
    ``"unknown"`` (a required fact is unknown) or ``"not-covered"`` (the rule
    does not cover this degree); ``facts`` names the unmet or unknown facts.
    """

    rule: Rule
    status: str
    facts: tuple[str, ...] = ()
    row: ComparableRow | None = None
    #: The readings the finding relied on to establish a required fact (recognition derived from accreditation).
    readings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "status": self.status,
            "facts": list(self.facts),
            "basis": self.row.basis if self.row else None,
        }


@attrs.frozen
class Verdict:
    """What the rules say for one kind of case: a :class:`Decision` without its diploma, day and target.

    Every field but those three depends only on the diploma's discrete facts and on which rules are in force, so
    the engine computes a verdict once per kind of case and shares it between decisions.
    """

    outcome: Outcome
    equivalent_to: tuple[Degree, ...]
    equivalent_level: int | None
    rules: tuple[str, ...]
    citations: tuple[Citation, ...]
    caveats: tuple[str, ...]
    missing: tuple[str, ...]
    readings: tuple[str, ...]
    reason: str
    instruments: tuple[str, ...]
    findings: tuple[Finding, ...]
    version: str
    ruleset: RuleSet = attrs.field(eq=False)
    #: Where the rules do not apply between the two jurisdictions: the bundled opt-in packs that would decide.
    packs: tuple[str, ...] = ()
    #: For an undetermined outcome: what it would be with each missing fact known, as (fact, value, outcome).
    alternatives: tuple[tuple[str, bool, Outcome], ...] = ()
    # One-line accounts by language, built on first use: they depend on nothing a decision adds.
    summaries: dict[str, str] = attrs.field(factory=dict, init=False, eq=False)

    @property
    def digest(self) -> str:
        return self.ruleset.digest
