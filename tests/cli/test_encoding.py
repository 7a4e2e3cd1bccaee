"""`batch --encoding`: an intake file in another encoding than UTF-8 (Excel's "CSV" on Windows is cp1252) is read
as it is, and the output is UTF-8 with a BOM, so that Excel opens it with its accents intact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.test_batch import read_csv, run

# What Dutch Excel on Windows saves as "CSV (gescheiden door lijstscheidingsteken)": semicolons, CRLF, cp1252,
# WAAR/ONWAAR for booleans and short dates.
EXCEL_CP1252 = (
    "awarded_by;degree;awarded_on;accredited;naam\r\n"
    "VL;academic-bachelor;1-jul-16;WAAR;Renée Maës\r\n"
    "VL;academic-bachelor;1-jul-16;ONWAAR;Zoë\r\n"
).encode("cp1252")


def test_a_cp1252_excel_file_is_read_with_encoding_and_written_as_utf8_with_a_bom(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252)
    out = tmp_path / "decisions.csv"
    code, stdout, _ = run([str(source), "--encoding", "cp1252", "--target", "NL", "--on", "2020-01-01", "-q",
                           "-o", str(out)], capsys)  # fmt: skip
    assert (code, stdout) == (0, "")
    written = out.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    rows = read_csv(written.decode("utf-8"), delimiter=";")
    assert [row["naam"] for row in rows] == ["Renée Maës", "Zoë"]
    assert [(row["outcome"], row["equivalent_to"]) for row in rows] == [
        ("equivalent", "wo-bachelor"),
        ("not-recognised", ""),
    ]


def test_without_encoding_the_error_names_the_option_and_nothing_is_written(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252)
    out = tmp_path / "decisions.csv"
    out.write_text("previous decisions\n")
    code, stdout, stderr = run([str(source), "--target", "NL", "--lang", "nl", "-o", str(out)], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: fout: {source} is geen UTF-8 (byte 0xe9 op regel 2 van het bestand); sla het op als "
        "'CSV UTF-8' of geef met --encoding de codering van het bestand op (een CSV-bestand uit Excel onder Windows "
        "is doorgaans cp1252)\n"
    )
    assert out.read_text() == "previous decisions\n"


def test_a_byte_the_named_encoding_does_not_have_fails_naming_its_line(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    # 0x81 is one of the five bytes cp1252 leaves undefined.
    source.write_bytes(EXCEL_CP1252 + b"NL;wo-bachelor;2016-07-01;ja;\x81\r\n")
    code, stdout, stderr = run([str(source), "--encoding", "cp1252", "--target", "VL"], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: error: {source} is not cp1252 (byte 0x81 on line 4); name the encoding it is in with "
        "--encoding\n"
    )


@pytest.mark.parametrize("encoding", ["klingon", "rot13", "base64", "", "unicode_escape", "utf-7", "idna"])
def test_a_name_that_is_not_a_text_encoding_is_refused(tmp_path, capsys, encoding):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252)
    code, stdout, stderr = run([str(source), "--encoding", encoding, "--target", "NL"], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: error: --encoding: {encoding!r} is not a text encoding; valid: utf-8 (the default), "
        "cp1252 (a CSV from Excel on Windows), latin-1, utf-16 or another encoding Python knows\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"])
def test_naming_utf8_still_accepts_and_keeps_a_bom(tmp_path, capsys, encoding):
    source = tmp_path / "intake.csv"
    source.write_bytes(b"\xef\xbb\xbf" + EXCEL_CP1252.decode("cp1252").encode("utf-8"))
    code, stdout, _ = run([str(source), "--encoding", encoding, "--target", "NL", "--on", "2020-01-01", "-q"], capsys)
    assert code == 0
    assert stdout.startswith("\ufeffawarded_by;")
    assert [row["naam"] for row in read_csv(stdout, delimiter=";")] == ["Renée Maës", "Zoë"]


def test_a_utf16_file_with_its_bom_is_read(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252.decode("cp1252").encode("utf-16"))
    code, stdout, _ = run([str(source), "--encoding", "utf-16", "--target", "NL", "--on", "2020-01-01", "-q"], capsys)
    assert code == 0
    assert [row["outcome"] for row in read_csv(stdout, delimiter=";")] == ["equivalent", "not-recognised"]


def _batch_stdin(data: bytes, *options: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "nvao_equivalence", "batch", "-", "--target", "NL", "--on", "2020-01-01", "-q"]
    return subprocess.run([*command, *options], input=data, capture_output=True, check=False)


def test_stdin_in_cp1252_is_read_with_encoding():
    result = _batch_stdin(EXCEL_CP1252, "--encoding", "cp1252")
    assert result.returncode == 0
    rows = read_csv(result.stdout.decode("utf-8"), delimiter=";")
    assert [(row["naam"], row["outcome"]) for row in rows] == [("Renée Maës", "equivalent"), ("Zoë", "not-recognised")]


def test_stdin_not_in_its_encoding_is_a_command_error_not_a_traceback():
    result = _batch_stdin(EXCEL_CP1252)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        "nvao-equivalence: error: stdin is not utf-8 (byte 0xe9); name the encoding it is in with --encoding\n"
    )


def test_a_file_that_ends_inside_a_character_of_its_encoding_is_refused(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252.decode("cp1252").encode("utf-16")[:-1])  # the last character cut in half
    code, stdout, stderr = run([str(source), "--encoding", "utf-16", "--target", "NL"], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == f"nvao-equivalence: error: {source} is not utf-16 (it ends inside a character)\n"


def test_a_utf8_file_with_its_bom_is_not_read_in_another_encoding_named_by_mistake(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(b"\xef\xbb\xbf" + EXCEL_CP1252.decode("cp1252").encode("utf-8"))
    code, stdout, stderr = run([str(source), "--encoding", "cp1252", "--target", "NL"], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"nvao-equivalence: error: {source} begins with a UTF-8 byte order mark: it is UTF-8, not cp1252; leave out "
        "--encoding\n"
    )


def test_a_bom_the_codec_keeps_does_not_stick_to_the_first_header(tmp_path, capsys):
    source = tmp_path / "intake.csv"
    source.write_bytes(EXCEL_CP1252.decode("cp1252").encode("utf-16"))  # little-endian with its BOM on this machine
    code, stdout, _ = run([str(source), "--encoding", "utf-16-le" if sys.byteorder == "little" else "utf-16-be",
                           "--target", "NL", "--on", "2020-01-01", "-q"], capsys)  # fmt: skip
    assert code == 0
    assert stdout.startswith("\ufeffawarded_by;")
    assert [row["outcome"] for row in read_csv(stdout, delimiter=";")] == ["equivalent", "not-recognised"]
