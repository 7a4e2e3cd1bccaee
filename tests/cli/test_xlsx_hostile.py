"""`batch` on workbooks that are damaged, odd or hostile: one line and exit 2, or an error row in its place, never a
traceback, a warning, an invalid output or an unbounded output."""

from __future__ import annotations

import io
import json
from datetime import date, time

import openpyxl

from nvao_equivalence._files import workbook
from tests.cli.test_batch import read_csv, run
from tests.cli.workbooks import patch_workbook, write_workbook

HEADER = ["awarded_by", "degree", "awarded_on", "accredited", "target", "on"]
GOOD = ["VL", "master", date(2021, 6, 30), True, "NL", None]


def test_a_time_cell_makes_an_error_row_naming_its_column(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    rows = [GOOD, ["VL", "master", date(2021, 6, 30), True, "NL", time(10, 30)], [*GOOD[:3], time(9), *GOOD[4:]], GOOD]
    write_workbook(path, {"Blad1": [HEADER, *rows]})
    code, stdout, stderr = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert (code, stderr) == (1, "")
    assert [(row["outcome"], row["error"]) for row in read_csv(stdout)] == [
        ("equivalent", ""),
        ("", "on: 10:30:00 is a time, not a date, text, number or yes/no"),
        ("", "accredited: 09:00:00 is a time, not a date, text, number or yes/no"),
        ("equivalent", ""),
    ]


def test_a_damaged_workbook_stops_with_one_line_and_leaves_no_output(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    write_workbook(path, {"Blad1": [HEADER, GOOD]})
    patch_workbook(path, "xl/worksheets/sheet1.xml", b'<c r="A2" t="s"><v>', b'<c r="A2" t="s"><v>99')  # no string 99…
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = run([str(path), "--on", "2025-09-01", "-o", str(out)], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: error: cannot read {path} as an Excel workbook (.xlsx): list index out of range; save it "
        "again from Excel, or as CSV\n"
    )
    assert sorted(item.name for item in tmp_path.iterdir()) == ["intake.xlsx"]


def test_a_workbook_with_more_rows_than_a_sheet_holds_stops(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 5)  # Excel's 1,048,576, made small enough to try
    path = tmp_path / "intake.xlsx"
    write_workbook(path, {"Blad1": [HEADER, GOOD]})
    # One row numbered far down: openpyxl fills the rows before it, which must not run on without end.
    patch_workbook(path, "xl/worksheets/sheet1.xml", b'<row r="2"', b'<row r="3000000"')
    code, _, stderr = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert code == 2
    assert stderr == (
        f"nvao-equivalence: error: {path} has more rows than an Excel sheet can hold (5); it is not a sound workbook\n"
    )


def test_a_date_beyond_what_openpyxl_reads_is_an_error_row_without_a_warning(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    write_workbook(path, {"Blad1": [HEADER, GOOD]})
    patch_workbook(path, "xl/worksheets/sheet1.xml", b'<c r="C2" s="1"><v>44377', b'<c r="C2" s="1"><v>9999999999')
    # The test run turns every warning into an error: openpyxl's would fail it.
    code, stdout, stderr = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert (code, stderr) == (1, "")
    # openpyxl reads it as Excel shows it, #VALUE!
    assert read_csv(stdout)[0]["error"].startswith("awarded_on: cannot read '#VALUE!' as a full date")


def test_the_first_sheet_excel_shows_is_read_and_sheet_names_match_in_any_case(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    sheets = {"Oud": [["x"], ["y"]], "Intake 2025/26": [HEADER, GOOD], "Lijsten": [["x"]]}
    write_workbook(path, sheets, hidden=("Oud",))
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert (code, [row["outcome"] for row in read_csv(stdout)]) == (0, ["equivalent"])
    code, stdout, _ = run([str(path), "--sheet", "lijsten", "--on", "2025-09-01", "-q"], capsys)
    assert code == 2  # the sheet was found: it lacks the diploma columns


def test_the_output_sheet_is_named_as_excel_allows(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    write_workbook(path, {"Intake 2025/26: eerste ronde [definitief]": [HEADER, GOOD]})
    out = tmp_path / "out.xlsx"
    assert run([str(path), "--on", "2025-09-01", "-o", str(out), "-q"], capsys)[0] == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Intake 2025_26_ eerste ronde _d"]


def test_an_empty_header_cell_stops_the_command_naming_its_column(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    write_workbook(path, {"Blad1": [["awarded_by", None, "degree"], ["VL", "x", "master"]]})
    assert run([str(path), "-q"], capsys) == (
        2, "", "nvao-equivalence: error: the header row's cell in column B is empty; give every column of the sheet "
        "a name\n",
    )  # fmt: skip


def test_a_missing_workbook_is_named_with_the_systems_reason(tmp_path, capsys):
    path = tmp_path / "nowhere.xlsx"
    assert run([str(path), "-q"], capsys) == (
        2, "", f"nvao-equivalence: error: cannot read {path}: No such file or directory\n"
    )  # fmt: skip


def test_characters_xml_cannot_hold_are_replaced_so_the_workbook_opens(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_text(
        "naam,awarded_by,degree,awarded_on,accredited,target\nA\uffffB\ufffe,VL,master,30-06-2021,ja,NL\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.xlsx"
    assert run([str(source), "--on", "2025-09-01", "-o", str(out), "-q"], capsys)[0] == 0
    assert openpyxl.load_workbook(out).worksheets[0]["A2"].value == "A\ufffdB\ufffd"


def test_a_json_record_with_a_key_the_first_has_not_is_an_error_row_in_a_workbook_too(tmp_path, capsys):
    source = tmp_path / "intake.jsonl"
    first = {"awarded_by": "VL", "degree": "master", "awarded_on": "2021-06-30", "accredited": True}
    source.write_text(json.dumps(first) + "\n" + json.dumps({**first, "target": "VL", "note": "keep"}) + "\n")
    out = tmp_path / "out.xlsx"
    code, _, _ = run([str(source), "--target", "NL", "--on", "2025-09-01", "-o", str(out), "-q"], capsys)
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert code == 1
    assert (rows[2][4], rows[2][-1]) == (
        None, "keys not in the first record cannot be written as CSV columns: target='VL', note='keep'"
    )  # fmt: skip


def test_the_output_name_says_the_format(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited,target\nVL,master,30-06-2021,ja,NL\n", encoding="utf-8")
    out = tmp_path / "decisions.jsonl"
    assert run([str(source), "--on", "2025-09-01", "-o", str(out), "-q"], capsys)[0] == 0
    records = [json.loads(line) for line in io.StringIO(out.read_text(encoding="utf-8"))]
    assert [(record["awarded_by"], record["outcome"]) for record in records] == [("VL", "equivalent")]
