"""The ``timeline`` command's table: each period with its last day, its outcome, and why a new period begins."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from nvao_equivalence._case.outcome import Outcome, outcome_word
from nvao_equivalence._decide.engine import check_equivalence
from nvao_equivalence._language.catalogue import N_, SOURCE_LANGUAGE, long_date, tr
from nvao_equivalence._vocabulary.degrees import Degree, degree_label

if TYPE_CHECKING:
    from nvao_equivalence._case.diploma import Diploma
    from nvao_equivalence._decide.engine import Period
    from nvao_equivalence._rulebook.model import Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["timeline_rows"]

_FACTS = {
    # Translators: a fact that is unknown, as the timeline's last column names it.
    "accredited": N_("unknown: accreditation on the award date"),
    "recognised": N_("unknown: recognition of institution and programme on the award date"),
}


def timeline_rows(
    periods: tuple[Period, ...], diploma: Diploma, target: str, rules: RuleSet, lang: str
) -> list[tuple[str, ...]]:
    """A header and one row per period: first day, last day (inclusive), outcome, comparable degrees, rules, and
    why the period begins (the award, a rule coming into or going out of force) or what is unknown."""
    rows: list[tuple[str, ...]] = [
        (
            tr(N_("from"), lang),
            tr(N_("up to and including"), lang),
            tr(N_("outcome"), lang),
            tr(N_("comparable degree"), lang),
            tr(N_("rule"), lang),
            tr(N_("why this period"), lang),
        )
    ]
    between = rules.between(diploma.awarded_by, target)
    for index, period in enumerate(periods):
        last = long_date(period.end - timedelta(days=1), lang) if period.end else "-"
        reasons = [tr(N_("award date"), lang)] if index == 0 else _changes(period.start, between, lang)
        if period.outcome is Outcome.UNDETERMINED:
            missing = check_equivalence(diploma, target=target, on=period.start, rules=rules).missing
            reasons += [tr(_FACTS[fact], lang) if fact in _FACTS else fact for fact in missing]
        rows.append(
            (
                long_date(period.start, lang),
                last,
                outcome_word(period.outcome, lang),
                ", ".join(_degree(degree, lang, target) for degree in period.equivalent_to) or "-",
                ", ".join(period.rules) or "-",
                "; ".join(reasons),
            )
        )
    return rows


def _changes(day: date, between: tuple[Rule, ...], lang: str) -> list[str]:
    """What changes on ``day``: the rules that come into force and those that cease to be in force."""
    found = []
    for rule in between:
        in_force = rule.in_force
        if in_force.valid_from == day:
            found.append(tr(N_("{rule} comes into force"), lang).format(rule=rule.id))
        if in_force.valid_until == day:
            found.append(tr(N_("{rule} ceases to apply"), lang).format(rule=rule.id))
    return found


def _degree(degree: Degree, lang: str, system: str) -> str:
    # The code in English, as the JSON output and the library name it; the system's own name in another language.
    return degree.value if lang == SOURCE_LANGUAGE else degree_label(degree, lang, system)
