"""`nvao-equivalence batch --register FILE`: a whole intake decided from the registers, by programme."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nvao_equivalence._cli.commands import main
from tests.paths import FIXTURES

REGISTERS = FIXTURES / "registers"

INTAKE = (
    "student,awarded_by,degree,awarded_on,programme,institution,target\n"
    "S1,NL,hbo-bachelor,2018-08-31,34002,,VL\n"  # the last day of its accreditation
    "S2,NL,hbo-bachelor,2018-09-01,34002,,VL\n"  # the first day without
    "S3,NL,hbo-bachelor,2021-07-01,34004,,VL\n"  # teach-out
    "S4,NL,hbo-bachelor,2020-07-01,39998,,VL\n"  # never listed
    "S5,VL,professional-bachelor,2020-07-01,https://data.deqar.eu/report/990101,,NL\n"
    "S6,VL,master,2021-07-01,deqar:report:990102,,NL\n"  # negative decision
    "S7,NL,hbo-bachelor,2019-09-01,34006,97YY,VL\n"  # shared code, the institution chooses
    "S8,NL,hbo-bachelor,2019-09-01,,,VL\n"  # no programme: accreditation unknown
)


def run(tmp_path: Path, capsys, *extra: str) -> tuple[int, list[dict[str, str]], str]:
    source = tmp_path / "intake.csv"
    source.write_text(INTAKE, encoding="utf-8")
    code = main(["batch", str(source), "--on", "2025-09-01", *extra])
    captured = capsys.readouterr()
    return code, list(csv.DictReader(io.StringIO(captured.out))), captured.err


def test_the_registers_decide_each_row_by_its_programme(tmp_path, capsys):
    registers = [
        "--register", str(REGISTERS / "ho_erkenningen_rio.csv"),
        "--register", str(REGISTERS / "deqar_report_990101.json"),
        "--register", str(REGISTERS / "deqar_reports_page.json"),
    ]  # fmt: skip
    code, rows, err = run(tmp_path, capsys, *registers)
    assert code == 0
    assert [row["outcome"] for row in rows] == [
        "equivalent", "not-recognised", "undetermined", "undetermined",
        "equivalent", "not-recognised", "equivalent", "undetermined",
    ]  # fmt: skip
    assert [row["error"] for row in rows] == [""] * 8
    assert (
        "Register: accreditation on the award date 2021-07-01 stays unknown: it falls in the teach-out (afbouw) "
        "after the accreditation ended on 2020-06-20, which runs until 2022-08-31 (reading register-teach-out): RIO, "
        "CROHO 34004 (98ZZ), accredited 2014-06-20 until 2020-06-20 (exclusive), teach-out (afbouw) until "
        "2022-08-31 [ho_erkenningen_rio.csv, line 6]."
    ) in rows[2]["explanation"]
    assert "Register: programme 39998 is not in the register" in rows[3]["explanation"]
    assert err.splitlines()[:2] == [
        "nvao-equivalence batch: " + str(REGISTERS / "ho_erkenningen_rio.csv") + ": 1 record skipped",
        "  ho_erkenningen_rio.csv, line 9: ACCREDITATIE_BEGINDATUM: '2021-02-30' is not a calendar date",
    ]


def test_without_a_register_the_accredited_column_is_still_required(tmp_path, capsys):
    code, rows, err = run(tmp_path, capsys)
    assert code == 2
    assert rows == []
    assert err.startswith("nvao-equivalence: error: required column 'accredited' is missing")


def test_a_file_that_is_no_register_stops_the_command(tmp_path, capsys):
    stray = tmp_path / "notes.csv"
    stray.write_text("name,remark\nx,y\n", encoding="utf-8")
    code, rows, err = run(tmp_path, capsys, "--register", str(stray))
    assert (code, rows) == (2, [])
    assert err == (
        "nvao-equivalence: error: notes.csv: not a register file this library reads: expected DUO's "
        "ho_erkenningen_rio.csv, a RIO LOD licence JSON, a DEQAR report JSON or the DEQAR reports CSV "
        "(see the registers documentation)\n"
    )


def test_a_register_the_csv_module_cannot_read_stops_the_command_with_one_line(tmp_path, capsys):
    register = tmp_path / "ho_erkenningen_rio.csv"
    register.write_bytes(b"ERKENDEOPLEIDINGSCODE,ACCREDITATIE_BEGINDATUM,ACCREDITATIE_VERVALDATUM\r34002,2012-09-01,\r")
    code, rows, err = run(tmp_path, capsys, "--register", str(register))
    assert (code, rows) == (2, [])
    assert err == (
        "nvao-equivalence: error: ho_erkenningen_rio.csv, line 1: the header is not CSV: its lines end in a bare "
        "carriage return (CR), as old Mac exports write; save it with CRLF or LF endings\n"
    )


def test_a_deqar_report_with_a_number_for_its_institutions_is_skipped_and_the_run_goes_on(tmp_path, capsys):
    register = tmp_path / "deqar.json"
    register.write_text(
        '[{"id": 990101, "agency_acronym": "NVAO", "decision": "positive", "valid_from": "2019-01-01", '
        '"institutions": 5}]'
    )
    code, rows, err = run(tmp_path, capsys, "--register", str(register))
    assert code == 0
    assert len(rows) == 8
    assert err.splitlines()[:2] == [
        f"nvao-equivalence batch: {register}: 1 record skipped",
        "  deqar.json, line 1: report 990101: institutions is 5, not an array",
    ]
