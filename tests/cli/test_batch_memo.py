"""`batch` decides each kind of row once and reuses the answer: every row's output must be what that row alone gets.

The key is a row's raw fact cells and the periods between rule changes that hold its two dates; rows with an
accreditation period, rows decided from a register and error rows are always decided in full.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_batch import run
from tests.cli.workbooks import write_workbook

HEADER = ["awarded_by", "degree", "awarded_on", "accredited", "arts", "recognised", "target", "on"]
# Literal legal dates around each change (the day before and the day of), other days, and cells that are no date.
DAYS = [
    "2002-12-31", "2003-01-01", "3-4-2003", "2003-04-04", "2005-01-31", "2005-02-01", "31-03-2014", "1-4-2014",
    "2015-05-17", "2015-05-18", "24-01-2018", "2018-01-25", "2024-04-30", "2024-05-01", "1 juli 2016", "1-jul-16",
    "15-mrt-19", "1999-07-01", "2010-10-21", "2010-10-22", "31-02-2020", "morgen", "",
]  # fmt: skip
# Mostly a degree of its awarding system, so that most rows are decided; a few that are not.
DIPLOMAS = [
    ("NL", "wo-bachelor"), ("nl", "hbo-master"), ("NL", "doctorate"), ("VL", "master"),
    ("Vlaanderen", "academic-bachelor"), ("VL", "banaba"), ("LU", "bachelor"), ("BE-FR", "master"), ("EE", "master"),
    ("DE", "bachelor"), ("VL", "hbo-bachelor"), ("", "master"), ("XX", "x"),
]  # fmt: skip
CELLS = {
    "accredited": ["yes", "nee", "WAAR", "ONWAAR", "1", "", "misschien"],
    "arts": ["", "ja", "no", "unknown"],
    "recognised": ["", "yes", "no"],
    "target": ["NL", "VL", "Nederland", "", "LU"],
}
facts = st.builds(
    lambda diploma, rest: {"awarded_by": diploma[0], "degree": diploma[1], **rest},
    st.sampled_from(DIPLOMAS),
    st.fixed_dictionaries({name: st.sampled_from(values) for name, values in CELLS.items()}),
)
# A few kinds of diploma, each on many days: rows of one kind whose dates fall in different periods.
rows = st.lists(facts, min_size=1, max_size=3).flatmap(
    lambda kinds: st.lists(
        st.builds(
            lambda kind, awarded_on, on: {**kind, "awarded_on": awarded_on, "on": on},
            st.sampled_from(kinds),
            st.sampled_from(DAYS),
            st.sampled_from(DAYS),
        ),
        max_size=16,
    )
)


def decided(path, capsys, *options):
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "--target", "VL", "-q", *options], capsys)
    assert code in (0, 1)
    return [row[len(HEADER) :] for row in list(csv.reader(io.StringIO(stdout, newline="")))[1:]]


# capsys is read and emptied after every run, so sharing it between examples is harmless.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=rows, pack=st.sampled_from(["nvao", "all"]))
def test_every_row_gets_what_it_gets_alone(tmp_path_factory, capsys, drawn, pack):
    folder = tmp_path_factory.mktemp("memo")
    # Each drawn row twice, the second time after all others: the second is answered from what the first taught.
    table = [*drawn, *drawn]
    together = folder / "together.csv"
    together.write_text(_csv(table), encoding="utf-8")
    outputs = decided(together, capsys, "--rules", pack)
    assert len(outputs) == len(table)
    for number, row in enumerate(table):
        alone = folder / f"alone-{number}.csv"
        alone.write_text(_csv([row]), encoding="utf-8")
        assert outputs[number] == decided(alone, capsys, "--rules", pack)[0], row


def _csv(rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADER)
    writer.writerows([[row[name] for name in HEADER] for row in rows])
    return text.getvalue()


def test_a_workbook_cell_true_and_one_point_zero_are_not_the_same_row(tmp_path, capsys):
    # As dict keys True == 1 == 1.0; read as the cells they are, True and 1 are yes and '1.0' is no flag at all.
    path = tmp_path / "intake.xlsx"
    header = ["awarded_by", "degree", "awarded_on", "accredited", "target"]
    cells = [["VL", "master", date(2021, 6, 30), flag, "NL"] for flag in (True, 1, 1.0, True)]
    write_workbook(path, {"Blad1": [header, *cells]})
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    rows = list(csv.DictReader(io.StringIO(stdout.removeprefix("\ufeff"), newline="")))
    assert code == 1
    assert [row["outcome"] for row in rows] == ["equivalent", "equivalent", "", "equivalent"]
    assert rows[2]["error"] == (
        "accredited: '1.0' is not valid; valid: yes, no, ja, nee, true, false, waar, onwaar, 1, 0, or empty/unknown"
    )


def test_rows_with_an_accreditation_period_are_each_decided_on_their_own_award_date(tmp_path, capsys):
    # Same facts, award dates in the same rule period, but one inside the accreditation period and one after it.
    path = tmp_path / "intake.csv"
    path.write_text(
        "awarded_by,degree,awarded_on,accredited,accredited_from,accredited_until,target\n"
        "NL,wo-bachelor,2016-07-01,,2010-09-01,2017-09-01,VL\n"
        "NL,wo-bachelor,2018-07-01,,2010-09-01,2017-09-01,VL\n",
        encoding="utf-8",
    )
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert (code, [row["outcome"] for row in csv.DictReader(io.StringIO(stdout))]) == (
        0, ["equivalent", "not-recognised"]
    )  # fmt: skip


def test_an_award_after_the_assessment_date_is_an_error_even_after_a_row_of_the_same_kind(tmp_path, capsys):
    path = tmp_path / "intake.csv"
    path.write_text(
        "awarded_by,degree,awarded_on,accredited,target,on\n"
        "NL,wo-bachelor,2016-07-01,yes,VL,2016-09-01\n"
        "NL,wo-bachelor,2016-10-01,yes,VL,2016-09-01\n",
        encoding="utf-8",
    )
    code, stdout, _ = run([str(path), "-q"], capsys)
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert (code, [row["outcome"] for row in rows]) == (1, ["equivalent", ""])
    assert rows[1]["error"] == (
        "on: the assessment date 2016-09-01 precedes the award date 2016-10-01; valid: 2016-10-01 or later"
    )


def test_the_period_of_the_award_date_is_part_of_the_kind_of_row(tmp_path, capsys):
    # The same facts, decided on the same day; before 2003 no Dutch programme could be accredited, so "yes" for a
    # diploma of 1999 carries a caveat that one of 2016 does not.
    path = tmp_path / "intake.csv"
    path.write_text(
        "awarded_by,degree,awarded_on,accredited,target\n"
        "NL,wo-bachelor,2016-07-01,yes,VL\n"
        "NL,wo-bachelor,1999-07-01,yes,VL\n"
        "NL,wo-bachelor,2016-07-01,yes,VL\n",
        encoding="utf-8",
    )
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert code == 0
    assert ["check-accreditation-input" in row["caveats"].split("|") for row in rows] == [False, True, False]
