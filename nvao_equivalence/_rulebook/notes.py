"""What a rule file says beside its rules: the library's readings of the law, the caveats a decision carries, and
where to go when the rules grant nothing (referrals)."""

from __future__ import annotations

from datetime import date

from nvao_equivalence._case.outcome import Outcome
from nvao_equivalence._rulebook.model import Caveat, Reading, Referral
from nvao_equivalence._rulebook.reader import Reader
from nvao_equivalence._rulebook.schema import keys

__all__ = ["OUTCOME_NAMES", "READING_WHEN", "REGISTER_REASONS", "caveat", "reading", "referral"]

READING_WHEN = (
    "covered",
    "not-covered",
    "awarded-before-in-force",
    "entry-into-force",
    "comparable-row",
    "recognised-from-accreditation",
    "accreditation-implausible",
    "register",
)
# The answers of a register (RegisterAnswer.reason) a reading may explain.
REGISTER_REASONS = (
    "covered",
    "ended",
    "withdrawn",
    "teach-out",
    "refused",
    "refused-new",
    "open-end",
    "not-listed",
    "before-records",
    "undated",
    "institutional",
    "several-institutions",
    "other-institution",
)
# The outcomes a caveat may be limited to.
OUTCOME_NAMES = tuple(outcome.value for outcome in Outcome)


def reading(reader: Reader, rule_ids: set[str]) -> Reading:
    reader.only(*keys("readings"))
    rules = reader.strings("rules")
    for rule in rules:
        if rule not in rule_ids:
            raise reader.fail("rules", f"{rule!r} is not a rule of this file; known: {', '.join(sorted(rule_ids))}")
    when = reader.choice("when", READING_WHEN)
    reasons = reader.strings("register_reasons", default=[])
    for reason in reasons:
        if reason not in REGISTER_REASONS:
            raise reader.fail("register_reasons", f"{reason!r} is not one of: {', '.join(REGISTER_REASONS)}")
    if bool(reasons) != (when == "register"):
        raise reader.fail("register_reasons", 'give register_reasons exactly when `when` is "register"')
    before = reader.get("before", date, default=None)
    if (before is not None) != (when == "accreditation-implausible"):
        raise reader.fail("before", 'give before exactly when `when` is "accreditation-implausible"')
    return Reading(
        id=reader.get("id", str),
        rules=rules,
        when=when,
        degrees=reader.degree_map("degrees", default={}),
        text=reader.text("text"),
        register_reasons=reasons,
        before=before,
    )


def caveat(reader: Reader) -> Caveat:
    reader.only(*keys("caveats"))
    outcomes = reader.strings("outcomes", default=[])
    for outcome in outcomes:
        if outcome not in OUTCOME_NAMES:
            raise reader.fail("outcomes", f"{outcome!r} is not one of: {', '.join(OUTCOME_NAMES)}")
    return Caveat(
        id=reader.get("id", str),
        basis=reader.get("basis", str),
        text=reader.text("text"),
        target_degrees=reader.degree_map("target_degrees", default={}),
        targets=tuple(reader.jurisdiction("targets", target) for target in reader.strings("targets", default=[])),
        outcomes=outcomes,
        with_readings=reader.strings("with_readings", default=[]),
    )


def referral(reader: Reader) -> Referral:
    reader.only(*keys("referrals"))
    return Referral(
        target=reader.jurisdiction("target", reader.get("target", str)),
        name=reader.get("name", str),
        url=reader.get("url", str),
        text=reader.text("text"),
    )
