"""`nvao-equivalence timeline` and `nvao-equivalence rules`, through the command line's entry point."""

from __future__ import annotations

import json

import pytest

from nvao_equivalence._cli.commands import main
from tests.paths import RULES

RULE_FILE = RULES / "nvao-treaty.toml"
MASTER_2003 = ["--awarded-by", "VL", "--degree", "master", "--awarded-on", "2003-06-30", "--accredited", "yes"]


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_timeline_table(capsys):
    code, out, err = run(["timeline", *MASTER_2003, "--target", "NL"], capsys)
    assert (code, err) == (0, "")
    assert out == (
        "from        up to and including  outcome               comparable degree      rule   why this period\n"
        "2003-06-30  2005-01-31           not-recognised        -                      -      award date\n"
        "2005-02-01  2014-03-31           admission-equivalent  hbo-master, wo-master  R2003  R2003 comes into force\n"
        "2014-04-01  -                    equivalent            hbo-master, wo-master  R2014  "
        "R2003 ceases to apply; R2014 comes into force\n"
    )


def test_timeline_table_in_dutch_names_the_last_day_why_periods_split_and_what_is_unknown(capsys):
    unknown = ["--awarded-by", "VL", "--degree", "master", "--awarded-on", "2003-06-30", "--target", "NL"]
    code, out, err = run(["timeline", *unknown, "--lang", "nl"], capsys)
    assert (code, err) == (0, "")
    assert out == (
        "van              t/m              uitkomst     overeenkomstige graad  regel  waarom deze periode\n"
        "30 juni 2003     31 januari 2005  niet erkend  -                      -      datum van uitreiking\n"
        "1 februari 2005  31 maart 2014    onbepaald    -                      R2003  R2003 treedt in werking; "
        "onbekend: accreditatie op de datum van uitreiking\n"
        "1 april 2014     -                onbepaald    -                      R2014  "
        "R2003 is niet langer van kracht; R2014 treedt in werking; "
        "onbekend: accreditatie op de datum van uitreiking\n"
    )


def test_timeline_json(capsys):
    code, out, _ = run(["timeline", *MASTER_2003, "--target", "NL", "--json"], capsys)
    assert code == 0
    assert json.loads(out)[1] == {
        "start": "2005-02-01",
        "end": "2014-04-01",
        "outcome": "admission-equivalent",
        "equivalent_to": ["hbo-master", "wo-master"],
        "rules": ["R2003"],
    }


def test_timeline_bad_input(capsys):
    code, out, err = run(["timeline", *MASTER_2003, "--target", "BE"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("nvao-equivalence: error: target: 'BE' is ambiguous")


def test_rules_list(capsys):
    expected = (
        "rule   in force from  up to and including  effect                citation\n"
        "R2003  2005-02-01     2014-03-31           admission-equivalent  Art. 11(1) (original text), NVAO treaty "
        "(Trb. 2003, 167)\n"
        "R2014  2014-04-01     -                    equivalent            "
        "Art. 11(1) and (2) (amended text), NVAO treaty as amended by the Protocol to the NVAO treaty (Trb. 2013, 35)\n"
    )
    assert run(["rules", "list"], capsys) == (0, expected, "")
    assert run(["rules"], capsys) == (0, expected, "")


def test_rules_list_json(capsys):
    code, out, _ = run(["rules", "list", "--json"], capsys)
    rules = json.loads(out)
    assert code == 0
    assert [(rule["id"], rule["in_force"]) for rule in rules] == [
        ("R2003", {"from": "2005-02-01", "until": "2014-04-01"}),
        ("R2014", {"from": "2014-04-01", "until": None}),
    ]


def test_rules_show(capsys):
    code, out, _ = run(["rules", "show", "R2003"], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (
        "R2003: Art. 11(1) (original text), NVAO treaty / art. 11, eerste lid (oorspronkelijke tekst), NVAO-verdrag"
    )
    assert "In force (assessment date): from 2005-02-01 until 2014-04-01 (exclusive)" in lines
    assert "Effect: admission-equivalent" in lines
    assert (
        "  VL academic-bachelor (arts) -> wo-bachelor, hbo-bachelor  [Art. 11(1) (original text), read with "
        "Art. 11(1)(b) and (2) (amended text), as read by the library (reading vl-arts-bachelor) "
        "(reading r2003-comparable-table)]"
    ) in lines
    assert any(line.startswith("Article text (verbatim, nl); source: Art. 11, oorspronkelijke tekst") for line in lines)
    assert any(line.startswith("  - [admission-only] en: Under Art. 11(1) (original text)") for line in lines)
    assert any(line.startswith("    nl: Op grond van art. 11, eerste lid (oorspronkelijke tekst)") for line in lines)
    assert any(line.startswith("  - [r2003-short-cycle] (not-covered) en:") for line in lines)


def test_rules_show_unknown_rule(capsys):
    assert run(["rules", "show", "R1999"], capsys) == (
        2,
        "",
        "nvao-equivalence: error: no rule 'R1999'; valid: R2003, R2014\n",
    )


def test_rules_validate(tmp_path, capsys):
    assert run(["rules", "validate", str(RULE_FILE)], capsys) == (0, f"{RULE_FILE}: ok\n", "")
    broken = tmp_path / "broken.toml"
    text = RULE_FILE.read_text(encoding="utf-8")
    broken.write_text(
        text.replace('effect = "equivalent"', 'effect = "equal"').replace(
            'article = "Art. 11(1) (original text)"\n', ""
        )
    )
    code, out, err = run(["rules", "validate", str(broken)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{broken}, rule 'R2003', key 'rules[0].article': required key is missing",
        f"{broken}, rule 'R2014', key 'rules[1].effect': "
        "'equal' is not one of: equivalent, level-equivalent, admission-equivalent",
    ]
    assert err == "2 problems found\n"


def test_rules_validate_a_deeply_nested_file(tmp_path, capsys):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000)
    code, out, err = run(["rules", "validate", str(deep)], capsys)
    assert (code, out, err) == (
        1,
        f"{deep}: arrays or inline tables nested too deeply for a rule file\n",
        "1 problem found\n",
    )


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.startswith("nvao-equivalence 0.1.0; rules: nvao-treaty 1.1.1; sha256 ")


def test_no_command(capsys):
    assert run([], capsys) == (
        2,
        "",
        "nvao-equivalence: error: choose a command: check, batch, timeline, rules (see --help)\n",
    )


@pytest.mark.parametrize("written", ["R2003", "r2003", " R2003"])
def test_rules_show_takes_an_id_in_any_case(capsys, written):
    code, out, _ = run(["rules", "show", written], capsys)
    assert code == 0
    assert out.splitlines()[0] == (
        "R2003: Art. 11(1) (original text), NVAO treaty / art. 11, eerste lid (oorspronkelijke tekst), NVAO-verdrag"
    )


def test_rules_show_names_the_pack_of_a_rule_not_loaded(capsys):
    assert run(["rules", "show", "bnl2018"], capsys) == (
        2,
        "",
        "nvao-equivalence: error: no rule 'bnl2018' in the rule packs loaded; it is in the pack benelux: "
        "add --rules benelux\n",
    )
    assert run(["rules", "show", "X1"], capsys) == (
        2,
        "",
        "nvao-equivalence: error: no rule 'X1'; valid: R2003, R2014\n",
    )
    assert run(["rules", "show", "bnl2018", "--rules", "benelux"], capsys)[0] == 0


def test_the_progress_bar_knows_the_size_of_a_file_and_not_of_stdin(tmp_path):
    from nvao_equivalence._cli.commands import _row_count

    csv_file, jsonl_file = tmp_path / "in.csv", tmp_path / "in.jsonl"
    csv_file.write_text("awarded_by,degree\nNL,wo-bachelor\nVL,master\n", encoding="utf-8")
    jsonl_file.write_text('{"a": 1}\n{"a": 2}\n{"a": 3}\n', encoding="utf-8")
    assert (_row_count(str(csv_file), None), _row_count(str(jsonl_file), None), _row_count("-", None)) == (2, 3, None)
    # A workbook's rows are not lines: the bar counts without a total.
    workbook = tmp_path / "in.XLSX"
    workbook.write_bytes(b"PK\n\n\n")
    assert (_row_count(str(csv_file), "xlsx"), _row_count(str(workbook), None)) == (None, None)
