"""The command line speaks --lang, else the locale's language (as gettext reads it), else English."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from nvao_equivalence._cli.language import choose_language

CHECK = [
    "check", "--awarded-by", "NL", "--degree", "wo-bachelor", "--awarded-on", "2016-07-01", "--accredited", "ja",
    "--target", "VL", "--on", "2017-06-01",
]  # fmt: skip


def run(args, **locale):
    """The command in a fresh process whose locale is only what the test gives."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    result = subprocess.run(
        [sys.executable, "-m", "nvao_equivalence", *args],
        env={**environment, **locale},
        capture_output=True,
        check=False,
    )
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def test_a_dutch_locale_answers_in_dutch():
    code, out, err = run(CHECK, LANG="nl_NL.UTF-8")
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "Uitkomst: gelijkwaardig",
        "Diploma: wo-bachelor, uitgereikt in Nederland op 1 juli 2016; op de datum van uitreiking geaccrediteerd (of "
        "met positief gevolg de toets nieuwe opleiding ondergaan): ja; kunstonderwijs: niet opgegeven (behandeld als "
        "geen kunstonderwijs)",
        "Beoordeling: in de Vlaamse Gemeenschap, op peildatum 1 juni 2017",
    ]


def test_lang_overrides_the_locale():
    code, out, _ = run([*CHECK, "--lang", "en"], LANG="nl_NL.UTF-8")
    assert code == 0
    assert out.splitlines()[0] == "Outcome: equivalent"


def test_without_a_locale_the_answer_is_english():
    assert run(CHECK)[1].splitlines()[0] == "Outcome: equivalent"
    assert run(CHECK, LANG="C.UTF-8")[1].splitlines()[0] == "Outcome: equivalent"


def test_a_dutch_locale_gives_dutch_errors_and_help():
    code, out, err = run([*CHECK[:-2], "--on", "31-02-2017"], LC_ALL="nl_BE.UTF-8")
    assert (code, out) == (2, "")
    assert err == (
        "nvao-equivalence: fout: peildatum: '31-02-2017' is geen bestaande datum (een datum in cijfers wordt gelezen "
        "met de dag eerst; geldig: een datum, of tekst zoals 2016-07-01, 01-07-2016, 1/7/2016, 1 juli 2016, "
        "1 July 2016 of 1-jul-16)\n"
    )
    code, out, err = run(["check", "--degree", "master"], LANG="nl_NL.UTF-8")
    assert (code, out) == (2, "")
    assert err == ("nvao-equivalence check: fout: verplicht: --awarded-by, --awarded-on, --target (zie --help)\n")
    assert "land of gemeenschap van uitreiking" in run(["check", "--help"], LANG="nl_NL.UTF-8")[1]


@pytest.mark.parametrize(("option", "environment", "lang"), [
    (None, {"LANGUAGE": "fr:nl", "LANG": "en_US.UTF-8"}, "nl"),  # LANGUAGE lists several; the first spoken wins
    (None, {"LANGUAGE": "", "LC_ALL": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),  # an empty variable is unset
    (None, {"LC_MESSAGES": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),  # the first one set decides
    (None, {"LANG": "nl_BE.UTF-8@euro"}, "nl"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
    ("en", {"LC_ALL": "nl_NL.UTF-8"}, "en"),
    ("nl", {}, "nl"),
])  # fmt: skip
def test_the_language_is_chosen_as_gettext_chooses_it(option, environment, lang):
    assert choose_language(option, environment) == lang
