"""The golden grid: every degree of every party, both directions, every fact, around every change date.

One CSV per bundled rule pack, ``tests/snapshots/<pack>.csv``, and one for every pack loaded together (``all``).
A change of behaviour shows in review as a diff of those files. After a deliberate change, regenerate them from
the repository's root and read the diff::

    python -m tests.snapshots.grid
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, timedelta
from pathlib import Path

from nvao_equivalence import Diploma, RuleSet, check_equivalence
from nvao_equivalence._vocabulary.degrees import degrees_of

FOLDER = Path(__file__).parent
PACKS = ("nvao", "benelux", "flanders", "all")
# One award date before every rule of every pack and one after most of them: retroactivity shows in the first.
AWARD_DATES = (date(2004, 7, 1), date(2016, 7, 1))
# Beside the day before and the day of each change: the award day itself and a day after every change.
LATE = date(2026, 1, 1)
COLUMNS = (
    "from", "to", "degree", "arts", "accredited", "recognised", "awarded_on", "on",
    "outcome", "reason", "equivalent_to", "equivalent_level", "rules", "caveats", "readings", "missing",
)  # fmt: skip


def snapshot_path(pack: str) -> Path:
    return FOLDER / f"{pack}.csv"


def grid(pack: str) -> str:
    """The decisions of ``pack`` over its grid, as CSV text."""
    rules = RuleSet.load(pack)
    parties = sorted({party for rule in rules.rules for party in rule.parties})
    needed = {fact for rule in rules.rules for fact in rule.requires}
    # A fact no rule of the pack asks for cannot change a decision: one value keeps the grid small.
    accredited_values = (True, False, None) if "accredited" in needed else (None,)
    recognised_values = (True, False, None) if "recognised" in needed else (None,)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for source, target in itertools.permutations(parties, 2):
        between = rules.between(source, target)
        # Together, the packs differ from each pack alone only where the rules of more than one pack meet.
        if not between or (pack == "all" and len({_pack_of(rule.id) for rule in between}) == 1):
            continue
        changes = {day + timedelta(days=shift) for day in rules.boundaries(source, target) for shift in (-1, 0)}
        days = sorted(changes | {*AWARD_DATES, LATE})
        arts_values = (False, True) if {source, target} == {"NL", "VL"} else (False,)
        facts = itertools.product(
            degrees_of(source), arts_values, accredited_values, recognised_values, AWARD_DATES, days
        )
        for degree, arts, accredited, recognised, awarded_on, on in facts:
            if on < awarded_on:
                continue
            diploma = Diploma(
                awarded_by=source, degree=degree, awarded_on=awarded_on, accredited=accredited, arts=arts,
                recognised=recognised,
            )  # fmt: skip
            decision = check_equivalence(diploma, target=target, on=on, rules=rules)
            writer.writerow((
                source, target, degree.value, arts, accredited, recognised, awarded_on.isoformat(), on.isoformat(),
                decision.outcome.value, decision.reason, "|".join(decision.equivalent_to),
                decision.equivalent_level, "|".join(decision.rules), "|".join(decision.caveats),
                "|".join(decision.readings), "|".join(decision.missing),
            ))  # fmt: skip
    return out.getvalue()


def _pack_of(rule_id: str) -> str:
    return next(pack for pack in PACKS if any(rule.id == rule_id for rule in RuleSet.load(pack).rules))


def main() -> None:
    for pack in PACKS:
        snapshot_path(pack).write_text(grid(pack), encoding="utf-8")
        print(f"wrote {snapshot_path(pack).relative_to(Path.cwd())}")


if __name__ == "__main__":
    main()
