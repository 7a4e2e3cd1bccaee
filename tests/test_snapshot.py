"""Golden decisions for the grid of degrees x directions x facts x boundary dates.

A change of behaviour shows in review as a diff of tests/snapshots/nvao-treaty.csv. After a deliberate change,
regenerate it with ``NVAO_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshot.py`` and read the diff.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
from datetime import date
from pathlib import Path

from nvao_equivalence import Diploma, check_equivalence
from nvao_equivalence._vocabulary import degrees_of

SNAPSHOT = Path(__file__).parent / "snapshots" / "nvao-treaty.csv"
AWARDED_ON = date(2004, 7, 1)
DATES = (date(2005, 1, 31), date(2005, 2, 1), date(2014, 3, 31), date(2014, 4, 1))
COLUMNS = ("from", "to", "degree", "arts", "accredited", "on", "outcome", "equivalent_to", "rules", "missing")


def grid() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for source, target in (("NL", "VL"), ("VL", "NL")):
        facts = itertools.product(degrees_of(source), (False, True), (True, False, None), DATES)
        for degree, arts, accredited, on in facts:
            diploma = Diploma(awarded_by=source, degree=degree, awarded_on=AWARDED_ON, accredited=accredited, arts=arts)
            decision = check_equivalence(diploma, target=target, on=on)
            writer.writerow((
                source, target, degree.value, arts, accredited, on.isoformat(), decision.outcome.value,
                "|".join(decision.equivalent_to), "|".join(decision.rules), "|".join(decision.missing),
            ))  # fmt: skip
    return out.getvalue()


def test_decisions_match_the_committed_snapshot():
    current = grid()
    if os.environ.get("NVAO_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == current
