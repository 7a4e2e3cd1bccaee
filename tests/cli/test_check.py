"""The `nvao-equivalence check` command: its output, its JSON, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from importlib.metadata import version

import pytest

from nvao_equivalence._cli.commands import main
from nvao_equivalence._language.catalogue import long_date
from nvao_equivalence._rulebook.ruleset import default_rules

README_EXAMPLE = [
    "check",
    "--awarded-by",
    "VL",
    "--degree",
    "academic-bachelor",
    "--awarded-on",
    "2016-07-01",
    "--accredited",
    "yes",
    "--target",
    "NL",
    "--on",
    "2017-06-01",
]


def replace(args: list[str], option: str, value: str) -> list[str]:
    changed = list(args)
    changed[changed.index(option) + 1] = value
    return changed


def drop(args: list[str], option: str) -> list[str]:
    at = args.index(option)
    return args[:at] + args[at + 2 :]


def run(argv: list[str]) -> int:
    """main()'s exit code, whether it returns it or argparse raises SystemExit."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code  # type: ignore[return-value]


def test_readme_example(capsys):
    assert run(README_EXAMPLE) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "Outcome: equivalent"
    assert "Assessment: in NL (the Netherlands), on 2017-06-01" in lines
    assert "--on not given" not in out


def test_readme_example_in_a_real_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "nvao_equivalence", *README_EXAMPLE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[0] == "Outcome: equivalent"


def test_json(capsys):
    assert run([*README_EXAMPLE, "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert data["format"] == "nvao-equivalence/decision/1"
    assert data["outcome"] == "equivalent"
    assert data["equivalent_to"] == ["wo-bachelor"]
    assert data["rules"] == ["R2014"]
    assert data["on"] == "2017-06-01"
    assert data["target"] == "NL"
    assert data["diploma"]["awarded_by"] == "VL"
    assert data["diploma"]["accredited"] is True


def test_lang_nl(capsys):
    assert run([*README_EXAMPLE, "--lang", "nl"]) == 0
    out, _ = capsys.readouterr()
    first = out.splitlines()[0]
    assert first.startswith("Uitkomst:")
    assert not first.startswith("Outcome")


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--awarded-by", "Vlaanderen", "equivalent"),
        ("--degree", "Academische Bachelor", "equivalent"),
        ("--awarded-on", "1 juli 2016", "equivalent"),
        ("--accredited", "ja", "equivalent"),
        ("--accredited", "no", "not-recognised"),
        ("--accredited", "unknown", "undetermined"),
        ("--accredited", "", "undetermined"),
        ("--target", "Nederland", "equivalent"),
        ("--on", "1 juni 2017", "equivalent"),
    ],
)
def test_options_accept_aliases(capsys, option, value, expected):
    assert run([*replace(README_EXAMPLE, option, value), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == expected


def test_accredited_defaults_to_unknown(capsys):
    assert run([*drop(README_EXAMPLE, "--accredited"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "undetermined"
    assert data["diploma"]["accredited"] is None


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "(--on not given: assessed as of today, {})"),
        ("nl", "(--on niet opgegeven: beoordeeld naar de stand van vandaag, {})"),
    ],
)
def test_without_on_the_output_states_today(capsys, lang, note):
    assert run([*drop(README_EXAMPLE, "--on"), "--lang", lang]) == 0
    out, err = capsys.readouterr()
    today = long_date(date.today(), lang)
    assert err == ""
    assert out.splitlines()[-1] == note.format(today)


def test_without_on_the_json_is_as_of_today(capsys):
    assert run([*drop(README_EXAMPLE, "--on"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)  # nothing but JSON on stdout
    assert data["on"] == date.today().isoformat()


BAD_INPUT = [
    (replace(README_EXAMPLE, "--awarded-by", "BE"), "'BE'"),
    (replace(README_EXAMPLE, "--awarded-by", "ZZ"), "'ZZ'"),
    (replace(README_EXAMPLE, "--degree", "hbo-bachelor"), "'hbo-bachelor'"),
    (replace(README_EXAMPLE, "--awarded-on", "7/13/2016"), "'7/13/2016'"),
    (replace(README_EXAMPLE, "--awarded-on", "July 2016"), "'July 2016'"),
    (replace(README_EXAMPLE, "--accredited", "maybe"), "'maybe'"),
    (replace(README_EXAMPLE, "--target", "BE"), "'BE'"),
    (replace(README_EXAMPLE, "--on", "garbage"), "'garbage'"),
    (replace(README_EXAMPLE, "--on", "2015-06-01"), "2015-06-01"),
    (drop(README_EXAMPLE, "--target"), "--target"),
    (drop(README_EXAMPLE, "--degree"), "--degree"),
    (drop(README_EXAMPLE, "--awarded-on"), "--awarded-on"),
    ([*README_EXAMPLE, "--lang", "fr"], "'fr'"),
    ([*README_EXAMPLE, "--colour"], "--colour"),
    (["bogus"], "'bogus'"),
]


def assert_one_line_error(stderr: str, bad: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert stderr.endswith("\n")
    assert lines[0].startswith("nvao-equivalence")
    assert "error: " in lines[0]
    assert bad in lines[0]


@pytest.mark.parametrize(("argv", "bad"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(capsys, argv, bad):
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err, bad)


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (replace(README_EXAMPLE, "--awarded-by", "BE"), "'BE'"),
        (replace(README_EXAMPLE, "--degree", "hbo-bachelor"), "'hbo-bachelor'"),
        (replace(README_EXAMPLE, "--awarded-on", "7/13/2016"), "'7/13/2016'"),
        (replace(README_EXAMPLE, "--accredited", "maybe"), "'maybe'"),
        (drop(README_EXAMPLE, "--target"), "--target"),
    ],
)
def test_bad_input_in_a_real_process(tmp_path, argv, bad):
    result = subprocess.run(
        [sys.executable, "-m", "nvao_equivalence", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_line_error(result.stderr, bad)


def test_no_command_exits_2(capsys):
    assert run([]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err, "check")


def test_version(capsys):
    assert run(["--version"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"nvao-equivalence {version('nvao-equivalence')}; ")
    digests = re.findall(r"\b[0-9a-f]{64}\b", lines[0])
    assert digests == [default_rules().digest]
    assert f"rules: {default_rules().version}; sha256 {default_rules().digest}" in lines[0]
