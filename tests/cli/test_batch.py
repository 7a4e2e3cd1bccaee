"""`nvao-equivalence batch`: one output row per input row, in order, whatever the rows hold."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from nvao_equivalence._cli.commands import main
from tests.paths import DOCS

EXAMPLES = DOCS / "examples"
OUTPUT_COLUMNS = ["outcome", "equivalent_to", "equivalent_level", "rules", "caveats", "missing", "explanation", "error"]


def run(args, capsys):
    code = main(["batch", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter))


def test_the_documented_example_gives_the_documented_output(tmp_path, capsys):
    out = tmp_path / "decisions.csv"
    code, stdout, stderr = run([str(EXAMPLES / "intake.csv"), "--on", "2025-09-01", "-o", str(out)], capsys)
    assert code == 1  # three rows are deliberately broken
    assert stdout == ""
    assert stderr == (
        "nvao-equivalence batch: 20 rows: equivalent 7, level-equivalent 0, admission-equivalent 1, not-recognised 4, "
        "undetermined 2, not-applicable 3; errors 3; rows without 'on' assessed on 2025-09-01\n"
    )
    assert out.read_bytes() == (EXAMPLES / "intake-decisions.csv").read_bytes()


def test_every_row_comes_out_once_in_order_with_its_columns_untouched(tmp_path, capsys):
    messy = (
        "nr,naam,awarded_by,degree,awarded_on,accredited\r\n"
        "1,Zoë,VL,master,2016-07-01,yes\r\n"
        "\r\n"  # a blank line
        '2,"Jan\nde Vries, jr.",NL,wo-bachelor,1 juli 2016,ja\r\n'  # embedded newline and delimiter
        "3,Ølsen,NL,wo-bachelor,2016-07-01\r\n"  # too few fields: accredited unknown
        "4,Łukasz,NL,wo-bachelor,2016-07-01,yes,surplus\r\n"  # too many fields
        "5,Ana,VL,hbo-bachelor,2016-07-01,yes\r\n"  # a degree of the other system
        "6,,,,,\r\n"  # no diploma at all
        "7,José,NL,wo-master,30-02-2016,yes\r\n"  # no such day
        "8,Ingrid,NL,hbo-master,2016-07-01,no\r\n"
    )
    source = tmp_path / "messy.csv"
    source.write_text(messy, encoding="utf-8", newline="")
    code, stdout, _ = run([str(source), "--target", "VL", "--on", "2020-01-01", "-q"], capsys)
    rows = read_csv(stdout)
    assert code == 1
    assert [row["nr"] for row in rows] == ["1", "", "2", "3", "4", "5", "6", "7", "8"]
    assert [row["naam"] for row in rows] == [
        "Zoë",
        "",
        "Jan\nde Vries, jr.",
        "Ølsen",
        "Łukasz",
        "Ana",
        "",
        "José",
        "Ingrid",
    ]
    assert [row["outcome"] for row in rows] == [
        "not-applicable", "", "equivalent", "undetermined", "", "", "", "", "not-recognised",
    ]  # fmt: skip
    errors = [row["error"] for row in rows]
    assert errors[1] == ""  # an empty row passes through: no applicant, no error
    assert errors[4] == "the row has 7 fields, the header 6; extra: 'surplus'"
    assert errors[5].startswith("degree: 'hbo-bachelor' is not a degree of VL (Flemish Community); valid: graduaat")
    assert errors[6] == "awarded_by: the cell is empty; it needs a value"
    assert errors[7].startswith("awarded_on: '30-02-2016' is not a calendar date")
    assert list(rows[0]) == ["nr", "naam", "awarded_by", "degree", "awarded_on", "accredited", *OUTPUT_COLUMNS]
    assert rows[2]["equivalent_to"] == "academic-bachelor"
    assert rows[3]["missing"] == "accredited"


def test_dutch_excel_semicolons_and_bom_are_read_and_written_back(tmp_path, capsys):
    source = tmp_path / "excel.csv"
    source.write_bytes("\ufeffawarded_by;degree;awarded_on;accredited;arts\r\nNL;HBO-BA;28-06-2018;ja;ja\r\n".encode())
    code, stdout, _ = run([str(source), "--target", "Vlaanderen", "--on", "2020-01-01", "-q"], capsys)
    assert code == 0
    assert stdout.startswith("\ufeffawarded_by;degree;awarded_on;accredited;arts;outcome;equivalent_to;")
    (row,) = read_csv(stdout, ";")
    assert (row["outcome"], row["equivalent_to"]) == ("equivalent", "professional-bachelor|academic-bachelor")
    assert row["caveats"] == (
        "additional-requirements|additional-requirements-vl|academic-level-only|not-programme-specific-vl|"
        "arts-within-arts-education-vl"
    )


def test_the_delimiter_option_overrides_detection(tmp_path, capsys):
    # The header has more commas than semicolons, but the file is ';'-separated with commas in a name.
    source = tmp_path / "names.csv"
    source.write_text("name,with,commas;awarded_by;degree;awarded_on;accredited\nx;NL;wo-ba;2016-07-01;yes\n")
    code, stdout, _ = run([str(source), "--delimiter", ";", "--target", "VL", "--on", "2020-01-01", "-q"], capsys)
    assert code == 0
    assert read_csv(stdout, ";")[0]["name,with,commas"] == "x"


def test_per_row_target_on_and_accreditation_period(tmp_path, capsys):
    source = tmp_path / "rows.csv"
    source.write_text(
        "awarded_by,degree,awarded_on,accredited,accredited_from,accredited_until,target,on\n"
        "NL,wo-bachelor,2010-07-01,,2005-01-01,2011-01-01,VL,2013-09-01\n"
        "NL,wo-bachelor,2011-07-01,,2005-01-01,2011-01-01,VL,\n"
        "VL,master,2011-07-01,yes,,,,\n"
        "VL,master,2011-07-01,,,2011-01-01,NL,\n"
    )
    code, stdout, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "-q"], capsys)
    rows = read_csv(stdout)
    assert code == 1
    assert [row["outcome"] for row in rows] == ["admission-equivalent", "not-recognised", "equivalent", ""]
    assert rows[3]["error"] == ("accredited_until is given without accredited_from; give both, or only accredited_from")


def test_json_lines_in_and_out(tmp_path, capsys):
    source = tmp_path / "intake.jsonl"
    source.write_text(
        '{"id": 1, "awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": true}\n'
        "\n"
        "not json\n"
        '{"id": 4, "awarded_by": "NL", "degree": "wo-master", "awarded_on": "2016-07-01", "accredited": null}\n'
        "[1, 2]\n",
        encoding="utf-8",
    )
    code, stdout, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "-q"], capsys)
    records = [json.loads(line) for line in stdout.splitlines()]
    assert code == 1
    assert len(records) == 5
    assert records[0]["id"] == 1
    assert records[0]["accredited"] is True
    assert (records[0]["outcome"], records[0]["equivalent_to"]) == ("equivalent", ["hbo-master", "wo-master"])
    assert records[1]["error"] == "empty line: nothing to decide"
    assert records[2]["error"] == "line 3 is not JSON: Expecting value (column 1)"
    assert (records[3]["outcome"], records[3]["missing"]) == ("not-applicable", [])
    assert records[4]["error"] == "line 5 is not a JSON object: '[1, 2]'"


def test_json_lines_to_csv(tmp_path, capsys):
    source = tmp_path / "intake.jsonl"
    source.write_text('{"awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": "ja"}\n')
    code, stdout, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "--format", "csv", "-q"], capsys)
    assert code == 0
    assert read_csv(stdout)[0]["equivalent_to"] == "hbo-master|wo-master"


def test_stdin_through_the_real_entry_point():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "nvao_equivalence",
            "batch",
            "-",
            "--target",
            "NL",
            "--on",
            "2017-06-01",
            "--lang",
            "nl",
        ],
        input=b"awarded_by,degree,awarded_on,accredited\nVL,academic-bachelor,2016-07-01,yes\n",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    (row,) = read_csv(result.stdout.decode())
    assert row["explanation"].startswith(
        "Gelijkwaardig. Overeenkomstige graad in Nederland: wo-bachelor (art. 11, eerste lid, onderdeel b (gewijzigde "
        "tekst))."
    )
    assert result.stderr.decode().startswith("nvao-equivalence batch: 1 rij: gelijkwaardig 1,")


@pytest.mark.parametrize(("content", "message"), [
    ("awarded_by,degree,accredited\nNL,wo-bachelor,yes\n",
     "required column 'awarded_on' is missing; columns found: awarded_by, degree, accredited"),
    ("", "the input has no header line; the first line must name the columns"),
    ("awarded_by,degree,awarded_on,accredited,Degree\n", "column 'degree' appears more than once in the header"),
    ("awarded_by,degree,awarded_on,accredited,outcome\n",
     "the input already has a column 'outcome', which the output adds; rename it"),
])  # fmt: skip
def test_a_file_the_command_cannot_run_on_fails_before_any_output(tmp_path, capsys, content, message):
    source = tmp_path / "in.csv"
    source.write_text(content)
    existing = tmp_path / "out.csv"
    existing.write_text("previous decisions\n")
    code, stdout, stderr = run([str(source), "--target", "NL", "-o", str(existing)], capsys)
    assert code == 2
    assert stdout == ""
    assert stderr == f"nvao-equivalence: error: {message}\n"
    assert existing.read_text() == "previous decisions\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_a_file_that_is_not_utf8_fails_naming_the_line(tmp_path, capsys):
    source = tmp_path / "latin1.csv"
    source.write_bytes(
        "awarded_by,degree,awarded_on,accredited\nNL,wo-bachelor,2016-07-01,yes\nVL,master,2016-07-01,oui é\n".encode(
            "cp1252"
        )
    )
    code, stdout, stderr = run([str(source), "--target", "NL"], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: error: {source} is not UTF-8 (byte 0xe9 on line 3); save it as 'CSV UTF-8', or name its "
        "encoding with --encoding (a CSV from Excel on Windows is usually cp1252)\n"
    )


def test_missing_input_and_unwritable_output(tmp_path, capsys):
    code, _, stderr = run([str(tmp_path / "absent.csv"), "--target", "NL"], capsys)
    assert code == 2
    assert stderr == f"nvao-equivalence: error: cannot read {tmp_path / 'absent.csv'}: No such file or directory\n"
    source = tmp_path / "in.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\n")
    code, _, stderr = run([str(source), "--target", "NL", "-o", str(tmp_path / "no" / "out.csv")], capsys)
    assert code == 2
    assert stderr == f"nvao-equivalence: error: cannot write {tmp_path / 'no' / 'out.csv'}: No such file or directory\n"


def test_bad_options_are_command_errors(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\n")
    assert run([str(source), "--target", "BE"], capsys)[0] == 2
    code, _, stderr = run([str(source), "--on", "2020-13-01"], capsys)
    assert code == 2
    assert stderr.startswith("nvao-equivalence: error: --on: '2020-13-01' is not a calendar date")


def test_an_existing_output_is_replaced_only_at_the_end(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\nVL,master,2016-07-01,yes\n")
    out = tmp_path / "out.csv"
    out.write_text("previous decisions\n")
    code, _, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "-o", str(out), "-q"], capsys)
    assert code == 0
    assert read_csv(out.read_text())[0]["outcome"] == "equivalent"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_progress_is_shown_on_a_terminal_and_quiet_silences_everything(tmp_path, capsys, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\n" + "VL,master,2016-07-01,yes\n" * 3)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["batch", str(source), "--target", "NL", "--on", "2020-01-01"]) == 0
    shown = terminal.getvalue()
    assert "3 rows" in shown  # tqdm's counter
    assert shown.endswith(
        "nvao-equivalence batch: 3 rows: equivalent 3, level-equivalent 0, admission-equivalent 0, not-recognised 0, "
        "undetermined 0, not-applicable 0; errors 0; rows without 'on' assessed on 2020-01-01\n"
    )
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["batch", str(source), "--target", "NL", "--on", "2020-01-01", "--quiet"]) == 0
    assert quiet.getvalue() == ""
    capsys.readouterr()


def test_an_empty_or_unknown_arts_value_is_not_stated_never_a_no(tmp_path, capsys):
    source = tmp_path / "arts.csv"
    source.write_text(
        "awarded_by,degree,awarded_on,accredited,arts\n"
        "NL,hbo-bachelor,2018-06-28,yes,unknown\nNL,hbo-bachelor,2018-06-28,yes,\nNL,hbo-bachelor,2018-06-28,yes,maybe\n"
    )
    code, stdout, _ = run([str(source), "--target", "VL", "--on", "2020-01-01", "-q"], capsys)
    unknown, empty, wrong = read_csv(stdout)
    assert code == 1
    for row in (unknown, empty):
        assert (row["outcome"], row["equivalent_to"]) == ("equivalent", "professional-bachelor")
        assert row["caveats"].endswith("|arts-unstated-nl-hbo-bachelor")
    assert wrong["outcome"] == ""
    assert wrong["error"].startswith("arts: 'maybe' is not valid")


def test_an_unterminated_quote_stops_the_run_naming_the_line_and_keeps_the_old_output(tmp_path, capsys):
    source = tmp_path / "quote.csv"
    source.write_text('awarded_by,degree,awarded_on,accredited\nVL,master,2016-07-01,"yes\nVL,master,2016-07-01,yes\n')
    out = tmp_path / "out.csv"
    out.write_text("previous decisions\n")
    code, _, stderr = run([str(source), "--target", "NL", "--on", "2020-01-01", "-o", str(out), "-q"], capsys)
    assert code == 2
    assert stderr.startswith("nvao-equivalence: error: line 3: unexpected end of data; the file cannot be read")
    assert out.read_text() == "previous decisions\n"


def test_json_records_that_would_lose_a_value_become_error_rows(tmp_path, capsys):
    source = tmp_path / "intake.jsonl"
    source.write_text(
        '{"awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": true}\n'
        '{"awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": true, "meta": {"a": 1}}\n'
        '{"awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": true, "Outcome": "x"}\n'
        '{"awarded_by": "VL", "degree": "master", "awarded_on": "2016-07-01", "accredited": true, "note": "y"}\n'
    )
    code, stdout, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "--format", "csv", "-q"], capsys)
    errors = [row["error"] for row in read_csv(stdout)]
    assert code == 1
    assert errors[0] == ""
    assert errors[1] == "keys not in the first record cannot be written as CSV columns: meta={'a': 1}"
    assert errors[2] == "the record has a key 'Outcome', which the output adds; rename it"
    assert errors[3] == "keys not in the first record cannot be written as CSV columns: note='y'"
    code, stdout, _ = run([str(source), "--target", "NL", "--on", "2020-01-01", "-q"], capsys)
    records = [json.loads(line) for line in stdout.splitlines()]
    assert records[1]["error"] == "meta: {'a': 1} is not a text, number, boolean or null"  # the key named
    assert records[3]["note"] == "y"
    assert records[3]["outcome"] == "equivalent"


def test_the_output_file_gets_the_replaced_files_mode(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("awarded_by,degree,awarded_on,accredited\nVL,master,2016-07-01,yes\n")
    out = tmp_path / "out.csv"
    out.write_text("previous decisions\n")
    out.chmod(0o640)
    assert run([str(source), "--target", "NL", "--on", "2020-01-01", "-o", str(out), "-q"], capsys)[0] == 0
    assert out.stat().st_mode & 0o777 == 0o640


def test_rows_whose_cells_are_all_empty_pass_through_without_an_error(tmp_path, capsys):
    # As Dutch Excel saves a sheet whose formatting reaches below the data: ';;;;;' rows, CRLF, a BOM.
    source = tmp_path / "excel.csv"
    source.write_bytes(
        "\ufeffnr;awarded_by;degree;awarded_on;accredited\r\n"
        "1;VL;master;30-06-2021;ja\r\n"
        ";;;;\r\n"
        "2;NL;wo-bachelor;01-07-2016;ja\r\n"
        ";;;;\r\n"
        ";;;;\r\n".encode()
    )
    out = tmp_path / "decided.csv"
    code, stdout, stderr = run([str(source), "--target", "VL", "--on", "2025-09-01", "-o", str(out), "-q"], capsys)
    rows = read_csv(out.read_bytes().decode("utf-8-sig"), delimiter=";")
    assert (code, stdout, stderr) == (0, "", "")
    assert [(row["nr"], row["outcome"], row["error"]) for row in rows] == [
        ("1", "not-applicable", ""), ("", "", ""), ("2", "equivalent", ""), ("", "", ""), ("", "", ""),
    ]  # fmt: skip
