"""A register proves "not accredited" only where no accreditation can have been running (the legal specification's
register readings): for any records Hypothesis draws, every "no" rests on an explicit end, a withdrawal, a negative
new-programme assessment or a refusal after the previous period's known end; teach-out, an open end, a lone
refusal, an award date before the first record and an institutional review stay unknown."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from nvao_equivalence import AccreditationRegister, RuleSet
from nvao_equivalence.registers import RegisterRecord

DAYS = st.dates(date(2003, 1, 1), date(2030, 12, 31))
CANNOT_PROVE_NO = {"teach-out", "open-end", "before-records", "not-listed", "undated", "institutional"}


@st.composite
def records(draw: st.DrawFn) -> RegisterRecord:
    accredits = draw(st.booleans())
    start = draw(DAYS)
    if not draw(st.integers(0, 9)):
        return RegisterRecord("DEQAR", "P", None, None, False, "positive", "x", note="institutional")
    length = timedelta(days=draw(st.integers(1, 8 * 366)))
    end = start + length if accredits and draw(st.booleans()) else None
    note = draw(st.sampled_from((None, "six-years", "new-programme")))
    if note == "six-years" and (not accredits or end is None):
        note = None
    if note == "new-programme" and accredits:
        note = None
    withdrawn = end if end is not None and draw(st.integers(0, 4)) == 0 else None
    teach_out = end + length if end is not None and withdrawn is None and draw(st.booleans()) else None
    decision = "positive" if accredits else "negative"
    return RegisterRecord("DEQAR", "P", start, end, accredits, decision, "x", None, None, withdrawn, teach_out, note)


def proves_no(record_list: list[RegisterRecord], day: date) -> bool:
    """Independently of the lookup: whether the records show that no accreditation can have been running."""
    dated = [record for record in record_list if record.valid_from is not None]
    if any(record.covers(day) for record in dated):
        return False
    return bool(dated) and min(record.valid_from for record in dated if record.valid_from) <= day


@given(st.lists(records(), min_size=0, max_size=4), DAYS)
def test_no_register_path_says_no_where_the_register_cannot_prove_it(found_records, day):
    register = AccreditationRegister.from_records(found_records)
    answer = register.lookup("P", day)
    if answer.reason in CANNOT_PROVE_NO:
        assert answer.accredited is None, answer.reason
    if answer.accredited is False:
        assert proves_no(list(answer.records), day)
        deciding = answer.deciding
        assert deciding is not None
        assert answer.reason in {"ended", "withdrawn", "refused", "refused-new"}
        if answer.reason == "ended":
            assert deciding.accredits
            assert deciding.valid_until is not None
            assert deciding.valid_until <= day
            assert deciding.note != "six-years" or answer.following is not None
            assert not (deciding.teach_out_until and day < deciding.teach_out_until)
        if answer.reason == "refused-new":
            assert deciding.note == "new-programme"
        if answer.reason == "refused":
            # Only after the known end of a previous accreditation.
            previous = [
                record
                for record in answer.records
                if record.accredits
                and record.valid_from
                and deciding.valid_from
                and record.valid_from < deciding.valid_from
            ]
            assert previous
            assert all(record.valid_until is not None and record.valid_until <= day for record in previous)
    if answer.accredited is True:
        assert answer.deciding is not None
        assert answer.deciding.covers(day)


@given(st.lists(records(), min_size=1, max_size=4), DAYS)
def test_every_register_reason_that_relies_on_a_reading_has_one_in_the_rule_data(found_records, day):
    answer = AccreditationRegister.from_records(found_records).lookup("P", day)
    rules = RuleSet.load()
    explained = {reason for reading in rules.readings for reason in reading.register_reasons}
    if answer.reason not in {"covered", "ended", "several-institutions", "other-institution"}:
        assert answer.reason in explained, answer.reason
