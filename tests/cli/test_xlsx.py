"""`batch` on Excel workbooks: an .xlsx intake with date and boolean cells, read from its first sheet (or --sheet),
decided row for row, written back as CSV or as .xlsx with every input cell as it was."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, datetime

import openpyxl
import pytest

from tests.cli.test_batch import EXAMPLES, read_csv, run
from tests.cli.workbooks import write_workbook

HEADER = ["Studentnummer", "Naam", "Land van diploma", "Graad", "Diplomadatum", "Geaccrediteerd", "Doelland"]
APPLICANTS = [
    ["0123", "Renée Maës", "VL", "academic-bachelor", date(2016, 7, 1), True, "NL"],  # a date cell, a boolean cell
    ["0456", "Thijs Bakker", "NL", "wo-master", date(2012, 8, 31), True, "VL"],  # Dutch Excel's d-mmm-yy format
    ["0789", "Jan de Vries", "NL", "wo-bachelor", "1-jul-15", "ONWAAR", "VL"],  # cells formatted as text
    [1011, "Zoë", "VL", None, date(2021, 6, 30), True, "NL"],  # a number cell; no degree
]
OUTPUT = ["outcome", "equivalent_to", "equivalent_level", "rules", "caveats", "missing", "explanation", "error"]
SUMMARY = (
    "nvao-equivalence batch: 6 rows: equivalent 2, level-equivalent 0, admission-equivalent 0, not-recognised 1, "
    "undetermined 0, not-applicable 0; errors 1; columns read as Land van diploma = awarded_by, Graad = degree, "
    "Diplomadatum = awarded_on, Geaccrediteerd = accredited, Doelland = target; rows without 'on' assessed on "
    "2025-09-01\n"
)


@pytest.fixture
def intake(tmp_path):
    path = tmp_path / "aanmeldingen.xlsx"
    notes = [["Toelichting"], ["Een rij per aanmelding"]]
    write_workbook(path, {"Aanmeldingen": [HEADER, *APPLICANTS], "Toelichting": notes}, formatted_empty_rows=2)
    return path


def sheet_values(path):
    book = openpyxl.load_workbook(path)
    return book.sheetnames, [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_an_excel_workbook_is_decided_into_a_workbook_with_every_cell_as_it_was(intake, tmp_path, capsys):
    out = tmp_path / "beslissingen.xlsx"
    code, stdout, stderr = run([str(intake), "--on", "2025-09-01", "-o", str(out)], capsys)
    assert (code, stdout, stderr) == (1, "", SUMMARY)
    titles, rows = sheet_values(out)
    assert titles == ["Aanmeldingen"]
    assert rows[0] == HEADER + OUTPUT
    # Rows in == rows out: four applicants and the two rows Excel left formatted but empty.
    assert len(rows) == 1 + 6
    # The input's cells come back with their types: text stays text (leading zero), a date cell a date cell.
    assert [row[:7] for row in rows[1:5]] == [
        ["0123", "Renée Maës", "VL", "academic-bachelor", datetime(2016, 7, 1), True, "NL"],
        ["0456", "Thijs Bakker", "NL", "wo-master", datetime(2012, 8, 31), True, "VL"],
        ["0789", "Jan de Vries", "NL", "wo-bachelor", "1-jul-15", "ONWAAR", "VL"],
        [1011, "Zoë", "VL", None, datetime(2021, 6, 30), True, "NL"],
    ]
    assert [row[7:12] for row in rows[1:5]] == [
        # No arts column: not stated, which leaves a caveat where arts education would add comparable degrees.
        ["equivalent", "wo-bachelor", None, "R2014", "additional-requirements|additional-requirements-nl|"
         "academic-level-only|not-programme-specific-nl|arts-unstated-vl-academic-bachelor"],
        ["equivalent", "master", None, "R2014", "additional-requirements|additional-requirements-vl|"
         "academic-level-only|not-programme-specific-vl"],
        ["not-recognised", None, None, "R2014", None],
        [None, None, None, None, None],
    ]  # fmt: skip
    assert rows[4][14] == "degree: the cell is empty; it needs a value"
    assert rows[5:] == [[None] * 15, [None] * 15]


def test_an_excel_workbook_is_decided_into_csv_by_default(intake, capsys):
    code, stdout, stderr = run([str(intake), "--on", "2025-09-01"], capsys)
    assert (code, stderr) == (1, SUMMARY)
    # A BOM, so that Excel reads the CSV back as UTF-8; date cells as ISO dates, boolean cells as true/false.
    assert stdout.startswith("\ufeffStudentnummer,Naam,Land van diploma,")
    rows = read_csv(stdout)
    assert [(row["Studentnummer"], row["Diplomadatum"], row["Geaccrediteerd"], row["outcome"]) for row in rows] == [
        ("0123", "2016-07-01", "true", "equivalent"),
        ("0456", "2012-08-31", "true", "equivalent"),
        ("0789", "1-jul-15", "ONWAAR", "not-recognised"),
        ("1011", "2021-06-30", "true", ""),
        ("", "", "", ""),
        ("", "", "", ""),
    ]


def test_sheet_reads_another_sheet_and_an_unknown_one_stops_before_any_output(intake, tmp_path, capsys):
    code, stdout, stderr = run([str(intake), "--sheet", "Toelichting", "--on", "2025-09-01", "-q"], capsys)
    assert (code, stdout, stderr) == (
        2, "", "nvao-equivalence: error: required column 'awarded_by' is missing; columns found: Toelichting\n"
    )  # fmt: skip
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = run([str(intake), "--sheet", "Blad1", "-o", str(out)], capsys)
    assert (code, stdout, stderr) == (
        2, "", f"nvao-equivalence: error: {intake} has no sheet 'Blad1'; its sheets: Aanmeldingen, Toelichting\n"
    )  # fmt: skip
    assert not out.exists()
    assert list(tmp_path.glob(".*partial")) == []


def test_equivalent_level_is_the_eqf_level_of_a_level_recognition(tmp_path, capsys):
    path = tmp_path / "benelux.xlsx"
    header = ["awarded_by", "degree", "awarded_on", "accredited", "recognised", "target"]
    write_workbook(path, {"Blad1": [header, ["LU", "master", date(2020, 7, 1), True, True, "NL"]]})
    code, stdout, _ = run([str(path), "--rules", "all", "--on", "2024-09-01", "-q"], capsys)
    row = read_csv(stdout)[0]
    assert (code, row["outcome"], row["equivalent_level"], row["rules"]) == (
        0,
        "level-equivalent",
        "7",
        "BNL2015|BB2024",
    )


def test_a_cp1252_csv_from_excel_is_written_as_a_workbook_with_text_kept_as_text(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(
        (
            "naam;awarded_by;degree;awarded_on;accredited;target\r\n"
            '=HYPERLINK("http://voorbeeld.invalid");VL;master;30-06-2021;WAAR;NL\r\n'
            "Anaïs\x01;NL;wo-bachelor;1-jul-16;ONWAAR;VL\r\n"
            ";;;;;\r\n"
        ).encode("cp1252")
    )
    out = tmp_path / "out.xlsx"
    code, _, _ = run([str(source), "--encoding", "cp1252", "--on", "2025-09-01", "-o", str(out), "-q"], capsys)
    assert code == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    assert book.sheetnames == ["decisions"]
    # A cell beginning with '=' is text in the output, never a formula Excel would run.
    assert (sheet["A2"].value, sheet["A2"].data_type) == ('=HYPERLINK("http://voorbeeld.invalid")', "s")
    # A control character, which a cell cannot hold, is written as U+FFFD; the accent is intact.
    assert sheet["A3"].value == "Anaïs\ufffd"
    assert [sheet.cell(row, 7).value for row in (2, 3, 4)] == ["equivalent", "not-recognised", None]
    assert sheet.max_row == 4


def test_the_sheet_title_follows_the_language(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited,target\nVL,master,30-06-2021,ja,NL\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert run([str(source), "--on", "2025-09-01", "-o", str(out), "-q", "--lang", "nl"], capsys)[0] == 0
    assert openpyxl.load_workbook(out).sheetnames == ["beslissingen"]


def test_a_workbook_is_not_written_to_standard_output(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\n", encoding="utf-8")
    assert run([str(source), "--format", "xlsx", "--target", "NL"], capsys) == (
        2, "", "nvao-equivalence: error: an .xlsx workbook is written to a file, not to standard output: give -o "
        "FILE.xlsx\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"awarded_by,degree\nNL,wo-bachelor\n",
            "is not an Excel workbook (.xlsx is a zip archive, this file is not one)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "is an Excel 97-2003 workbook (.xls) or a password-protected one",
        ),
        (b"PK\x05\x06" + bytes(18), "cannot read {path} as an Excel workbook (.xlsx): "),
    ],
    ids=["csv-named-xlsx", "xls", "empty-zip"],
)
def test_a_file_that_is_not_a_workbook_stops_the_command_with_one_line(tmp_path, capsys, content, expected):
    path = tmp_path / "intake.xlsx"
    path.write_bytes(content)
    out = tmp_path / "out.csv"
    code, stdout, stderr = run([str(path), "--on", "2025-09-01", "-o", str(out)], capsys)
    assert (code, stdout) == (2, "")
    assert stderr.startswith("nvao-equivalence: error: ")
    assert expected.format(path=path) in stderr
    assert stderr.count("\n") == 1
    assert not out.exists()


def test_a_row_with_a_value_right_of_the_header_is_an_error_row(tmp_path, capsys):
    path = tmp_path / "intake.xlsx"
    header = ["awarded_by", "degree", "awarded_on", "accredited", "target"]
    write_workbook(path, {"Blad1": [header, ["VL", "master", date(2021, 6, 30), True, "NL", None, "notitie"]]})
    code, stdout, _ = run([str(path), "--on", "2025-09-01", "-q"], capsys)
    assert code == 1
    assert read_csv(stdout)[0]["error"] == "the row has 7 fields, the header 5; extra: None, 'notitie'"


def test_a_workbook_on_standard_input_is_read(intake):
    with intake.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "nvao_equivalence", "batch", "-", "--input-format", "xlsx", "--on", "2025-09-01",
             "--format", "jsonl", "-q"],
            stdin=stdin, capture_output=True, check=False,
        )  # fmt: skip
    lines = result.stdout.decode("utf-8").splitlines()
    assert (result.returncode, len(lines)) == (1, 6)
    assert '"equivalent_to": ["wo-bachelor"], "equivalent_level": null,' in lines[0]
    assert lines[0].startswith(
        '{"Studentnummer": "0123", "Naam": "Renée Maës", "Land van diploma": "VL", "Graad": "academic-bachelor", '
        '"Diplomadatum": "2016-07-01", "Geaccrediteerd": true,'
    )


def test_without_the_excel_extra_the_message_names_it(intake, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails as if it were not installed
    code, stdout, stderr = run([str(intake), "--on", "2025-09-01"], capsys)
    assert (code, stdout, stderr) == (
        2, "", "nvao-equivalence: error: reading and writing .xlsx needs the 'excel' extra: pip install "
        "'nvao-equivalence[excel]' (or save the sheet as CSV)\n",
    )  # fmt: skip


def test_the_documented_example_workbook_gives_the_documented_output(tmp_path, capsys):
    out = tmp_path / "decisions.xlsx"
    code, _, _ = run([str(EXAMPLES / "intake.xlsx"), "--on", "2025-09-01", "-o", str(out), "-q"], capsys)
    assert code == 1
    assert sheet_values(out) == sheet_values(EXAMPLES / "intake-decisions.xlsx")
    # The same applicants as the CSV example, with the same decisions.
    with (EXAMPLES / "intake-decisions.csv").open(encoding="utf-8-sig", newline="") as handle:
        documented = list(csv.reader(handle, delimiter=";"))
    _, rows = sheet_values(out)
    assert [["" if cell is None else cell for cell in row[-len(OUTPUT) :]] for row in rows] == [
        row[-len(OUTPUT) :] for row in documented
    ]
    assert [row[0] for row in rows] == [row[0] for row in documented]
