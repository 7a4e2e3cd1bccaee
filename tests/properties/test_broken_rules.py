"""The invariants catch rule files that break the treaty's laws.

Each test writes a variant of the bundled rule file with one deliberate mistake
and runs an invariant under Hypothesis, as the property tests do, with the CI
profile's example budget; Hypothesis must find a counterexample, and it must
be the kind of case the mistake breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

from nvao_equivalence import Degree, RuleSet
from nvao_equivalence.strategies import DecisionCase, decision_cases
from tests.paths import RULES
from tests.properties.invariants import check_amendments_never_overlap, check_symmetry

BUNDLED = (RULES / "nvao-treaty.toml").read_text(encoding="utf-8")

# As the "ci" profile: a fixed seed, so that whether the mistake is found does not depend on luck.
HUNT = settings(max_examples=2000, derandomize=True, database=None, deadline=None)


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> RuleSet:
    """The bundled rules with each ``old`` (which must occur exactly once) replaced by its ``new``."""
    text = BUNDLED
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return RuleSet.from_paths(path)


def counterexample(rules: RuleSet, check: Callable[[RuleSet, DecisionCase], None]) -> tuple[DecisionCase, str]:
    """The case Hypothesis reports (the last failing one: the shrunk example is replayed last) and the message."""
    failing: list[DecisionCase] = []

    @HUNT
    @given(decision_cases(rules=rules))
    def hunt(case: DecisionCase) -> None:
        try:
            check(rules, case)
        except AssertionError:
            failing.append(case)
            raise

    with pytest.raises(AssertionError) as raised:
        hunt()
    return failing[-1], str(raised.value)


def test_an_amending_rule_that_starts_a_day_early_is_caught(tmp_path: Path) -> None:
    # R2014 from 2014-03-31, while R2003 still runs until 2014-04-01: on 2014-03-31 both are in force. (The
    # Protocol's own date moves too; the loader rejects a rule in force before its instrument.)
    rules = variant(
        tmp_path,
        ("in_force = { from = 2014-04-01 }", "in_force = { from = 2014-03-31 }"),
        ('in_force = 2014-04-01\nparties = ["NL", "VL"]\npublications = ["Trb. 2013, 35"]',
         'in_force = 2014-03-31\nparties = ["NL", "VL"]\npublications = ["Trb. 2013, 35"]'),
    )  # fmt: skip
    case, message = counterexample(rules, check_amendments_never_overlap)
    assert case.on == date(2014, 3, 31)
    assert {case.diploma.awarded_by, case.target} == {"NL", "VL"}
    assert "R2003 and R2014 are both in force on 2014-03-31" in message


def test_a_one_way_comparable_degree_is_caught(tmp_path: Path) -> None:
    # A Flemish academic bachelor (not arts) made comparable to the Dutch hbo-bachelor, while the Dutch
    # hbo-bachelor still maps to the Flemish professional bachelor: the mapping no longer goes both ways.
    rules = variant(
        tmp_path,
        (
            'table = "art-11"\nfrom = "VL"\ndegrees = ["academic-bachelor"]\narts = false\nto = ["wo-bachelor"]',
            'table = "art-11"\nfrom = "VL"\ndegrees = ["academic-bachelor"]\narts = false\nto = ["hbo-bachelor"]',
        ),
    )
    case, message = counterexample(rules, check_symmetry)
    broken_ends = {("VL", Degree.ACADEMIC_BACHELOR), ("NL", Degree.WO_BACHELOR)}
    assert (case.diploma.awarded_by, case.diploma.degree) in broken_ends
    assert case.diploma.arts is not True  # not arts, or not stated (read as not arts)
    assert case.diploma.accredited is True
    assert case.on >= date(2014, 4, 1)  # only the amended text's table is broken
    assert "but back again" in message
