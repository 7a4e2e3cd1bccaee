"""`batch` with an office's own headers: the common Dutch ones are read without a mapping, any other through
`--column NAME=HEADER`; the headers are written back as they were, and the summary line says how they were read."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_batch import read_csv, run

# An export as Dutch Excel on Windows writes it: cp1252, ';', CRLF, Dutch headers, WAAR/ONWAAR, short dates.
OFFICE_EXPORT = (
    "Studentnummer;Land van diploma;Graad;Diplomadatum;Geaccrediteerd;Doelland;Naam\r\n"
    "S1;VL;academic-bachelor;1-jul-16;WAAR;NL;Renée\r\n"
    "S2;NL;wo-master;30-sep-15;ONWAAR;VL;Zoë\r\n"
    "S3;VL;master;1-jul-16;;NL;Anaïs\r\n"
).encode("cp1252")


def test_dutch_headers_are_read_without_a_mapping_and_written_back_as_they_were(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_bytes(OFFICE_EXPORT)
    code, stdout, stderr = run([str(source), "--encoding", "cp1252", "--on", "2020-01-01", "--lang", "nl"], capsys)
    assert code == 0
    assert stdout.startswith(
        "\ufeffStudentnummer;Land van diploma;Graad;Diplomadatum;Geaccrediteerd;Doelland;Naam;outcome;"
    )
    rows = read_csv(stdout, delimiter=";")
    assert [(row["Naam"], row["outcome"], row["equivalent_to"]) for row in rows] == [
        ("Renée", "equivalent", "wo-bachelor"),
        ("Zoë", "not-recognised", ""),
        ("Anaïs", "undetermined", ""),
    ]
    assert rows[2]["missing"] == "accredited"
    assert stderr == (
        "nvao-equivalence batch: 3 rijen: gelijkwaardig 1, erkend op het niveau van de graad 0, gelijkwaardig voor "
        "toelating 0, niet erkend 1, onbepaald 1, niet van toepassing 0; fouten 0; kolommen gelezen als Land van "
        "diploma = awarded_by, Graad = degree, Diplomadatum = awarded_on, Geaccrediteerd = accredited, Doelland = "
        "target; rijen zonder 'on' beoordeeld op peildatum 1 januari 2020\n"
    )


def test_column_maps_an_offices_own_headers(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("Herkomst,Soort diploma,Datum uitgifte,NVAO,Bestemming\nVL,academic-bachelor,2016-07-01,ja,NL\n")
    code, stdout, stderr = run(
        [str(source), "--on", "2020-01-01", "--column", "awarded_by=Herkomst", "--column", "degree=soort diploma",
         "--column", " awarded_on = Datum uitgifte ", "--column", "accredited=NVAO", "--column", "target=Bestemming"],
        capsys,
    )  # fmt: skip
    assert code == 0
    (row,) = read_csv(stdout)
    assert (row["Herkomst"], row["outcome"], row["equivalent_to"], row["rules"]) == (
        "VL", "equivalent", "wo-bachelor", "R2014",
    )  # fmt: skip
    assert stderr.endswith(
        "; errors 0; columns read as Herkomst = awarded_by, Soort diploma = degree, Datum uitgifte = awarded_on, "
        "NVAO = accredited, Bestemming = target; rows without 'on' assessed on 2020-01-01\n"
    )


def test_a_mapping_overrides_a_dutch_header(tmp_path, capsys):
    source = tmp_path / "export.csv"
    # 'Peildatum' would be read as the assessment date; in this export it is the award date.
    source.write_text("awarded_by,degree,Peildatum,accredited\nNL,wo-bachelor,2016-07-01,ja\n")
    code, stdout, stderr = run([str(source), "--on", "2020-01-01", "--target", "VL",
                                "--column", "awarded_on=Peildatum"], capsys)  # fmt: skip
    assert code == 0
    assert read_csv(stdout)[0]["equivalent_to"] == "academic-bachelor"
    assert "; columns read as Peildatum = awarded_on;" in stderr


@pytest.mark.parametrize("header", ["Opleiding", "Instelling", "Datum", "Land", "Diploma"])
def test_a_header_that_may_mean_something_else_is_not_guessed(tmp_path, capsys, header):
    source = tmp_path / "export.csv"
    # In an admission export 'Opleiding' is often the programme applied to: read as the diploma's programme, a
    # register would decide the accreditation from the wrong programme. It is passed through, read as nothing.
    source.write_text(f"awarded_by,degree,awarded_on,accredited,{header}\nNL,wo-bachelor,2016-07-01,ja,X\n")
    code, stdout, stderr = run([str(source), "--on", "2020-01-01", "--target", "VL"], capsys)
    assert code == 0
    assert read_csv(stdout)[0][header] == "X"
    assert "columns read as" not in stderr


def test_json_lines_keys_are_read_as_csv_headers_are(tmp_path, capsys):
    source = tmp_path / "export.jsonl"
    source.write_text(
        json.dumps({"land van diploma": "NL", "graad": "wo-master", "diplomadatum": "2016-07-01",
                    "geaccrediteerd": True, "doelland": "VL", "peildatum": "2020-01-01"}) + "\n"
    )  # fmt: skip
    code, stdout, _ = run([str(source), "-q"], capsys)
    assert code == 0
    record = json.loads(stdout)
    assert (record["graad"], record["outcome"], record["equivalent_to"]) == ("wo-master", "equivalent", ["master"])


@pytest.mark.parametrize(("options", "message"), [
    (["--column", "awarded_on"], "--column: 'awarded_on' is not NAME=HEADER, e.g. awarded_on=Diplomadatum"),
    (["--column", "awarded_on="], "--column: 'awarded_on=' is not NAME=HEADER, e.g. awarded_on=Diplomadatum"),
    (["--column", "date=Datum"],
     "--column: 'date' is not a column a row is decided from; valid: awarded_by, degree, awarded_on, accredited, "
     "arts, target, on, accredited_from, accredited_until, programme, institution, recognised"),
    (["--column", "awarded_on=Datum", "--column", "on=datum"],
     "--column: the header 'datum' is mapped to both 'awarded_on' and 'on'; keep one"),
    (["--column", "awarded_on=Uitgifte"],
     "--column: the input has no header 'uitgifte'; columns found: Land van diploma, Graad, Datum, Geaccrediteerd, "
     "degree"),
    (["--column", "awarded_on=Datum"],
     "the headers 'Graad' and 'degree' are both read as the column 'degree'; map only one"),
])  # fmt: skip
def test_a_mapping_that_cannot_be_used_stops_the_command_before_any_output(tmp_path, capsys, options, message):
    source = tmp_path / "export.csv"
    source.write_text("Land van diploma,Graad,Datum,Geaccrediteerd,degree\nNL,wo-bachelor,2016-07-01,ja,x\n")
    existing = tmp_path / "out.csv"
    existing.write_text("previous decisions\n")
    code, stdout, stderr = run([str(source), "--target", "VL", "-o", str(existing), *options], capsys)
    assert (code, stdout) == (2, "")
    assert stderr == f"nvao-equivalence: error: {message}\n"
    assert existing.read_text() == "previous decisions\n"


def test_the_errors_of_a_mapping_are_said_in_dutch(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("Land van diploma,Graad,Datum,Geaccrediteerd\n")
    code, _, stderr = run([str(source), "--lang", "nl", "--column", "awarded_on=Uitgifte"], capsys)
    assert code == 2
    assert stderr == (
        "nvao-equivalence: fout: --column: de invoer heeft geen kolomkop 'uitgifte'; gevonden kolommen: Land van "
        "diploma, Graad, Datum, Geaccrediteerd\n"
    )
