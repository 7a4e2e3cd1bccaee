"""Dutch throughout: a broad grid of decisions, command-line errors, batch error cells and timelines, said in Dutch,
holds none of the English words that used to leak into Dutch text."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import date
from functools import cache

import pytest

from nvao_equivalence import Diploma, RuleSet, check_equivalence
from nvao_equivalence._cli.commands import main
from nvao_equivalence._vocabulary.degrees import Degree, degrees_of
from nvao_equivalence.exceptions import EquivalenceError

# English that leaked into Dutch before: labels, outcome codes, the library, exclusive ends.
LEAKS = re.compile(
    r"\b(as amended|amended text|original text|verbatim|paraphrase|equivalent|level-equivalent|admission-equivalent"
    r"|accredited|recognised|not-recognised|undetermined|not-applicable|Decision M|library|bibliotheek|exclusive"
    r"|until|Outcome|Legal basis|Caveats|Rule set|awarded by|error|not a date|is not valid|unknown)\b",
    re.IGNORECASE,
)
# What may stay as written: identifiers (rule, reading, caveat and instrument ids, in brackets or parentheses),
# code to type (RuleSet.load(...), --rules ...), rule file names and web addresses.
IDENTIFIERS = re.compile(
    r"\[[a-z0-9]+(?:-[a-z0-9]+)+\]|\((?:lezing |lezingen )?[a-z0-9]+(?:-[a-z0-9]+)+(?:, [a-z0-9]+(?:-[a-z0-9]+)+)*\)"
    r"|RuleSet\.load\([^)]*\)|--[a-z-]+(?: [a-z]+)?"
    r"|https?://\S+|Regelset: .*|sha256 \w+|'[^']*'"
)
PAIRS = [("NL", "VL"), ("VL", "NL"), ("NL", "LU"), ("LU", "NL"), ("BE-FR", "VL"), ("VL", "BE-FR"), ("DE", "NL"),
         ("NL", "NL")]  # fmt: skip
PRE_BOLOGNA = {"NL": (Degree.DOCTORAAL,), "VL": (Degree.GEGRADUEERDE, Degree.LICENTIAAT)}
AWARDED = (date(2002, 6, 30), date(2013, 7, 1), date(2019, 7, 1))
ASSESSED = (date(2010, 1, 1), date(2014, 3, 31), date(2016, 9, 1), date(2025, 9, 1))


def leaks(text: str) -> list[str]:
    return sorted({match.group(0) for match in LEAKS.finditer(IDENTIFIERS.sub("", text))})


@cache
def packs() -> dict[str, RuleSet]:
    return {pack: RuleSet.load(pack) for pack in ("nvao", "benelux", "flanders", "all")}


def grid():
    for source, target in PAIRS:
        for degree in (*degrees_of(source), *PRE_BOLOGNA.get(source, ())):
            for awarded_on in AWARDED:
                for accredited, recognised, arts in ((True, True, None), (False, None, True), (None, None, None)):
                    yield Diploma(
                        awarded_by=source, degree=degree, awarded_on=awarded_on,
                        accredited=accredited, recognised=recognised, arts=arts,
                    ), target  # fmt: skip


OPT_IN = ["level-equivalent", "not-applicable", "not-recognised", "undetermined"]


@pytest.mark.parametrize(("pack", "expected"), [
    ("nvao", ["admission-equivalent", "equivalent", "not-applicable", "not-recognised", "undetermined"]),
    ("benelux", OPT_IN),
    ("flanders", OPT_IN),
    ("all", ["admission-equivalent", "equivalent", "level-equivalent", "not-applicable", "not-recognised",
             "undetermined"]),
])  # fmt: skip
def test_every_decision_of_the_grid_is_dutch_throughout(pack, expected):
    rules, found, outcomes = packs()[pack], {}, set()
    for diploma, target in grid():
        for on in ASSESSED:
            if on < diploma.awarded_on:
                continue
            decision = check_equivalence(diploma, target=target, on=on, rules=rules)
            outcomes.add(decision.outcome.value)
            for text in (decision.explain("nl"), decision.summary("nl")):
                for word in leaks(text):
                    found.setdefault(word, text)
    assert found == {}
    assert sorted(outcomes) == expected  # every outcome the pack can give


def cli(*args: str) -> tuple[int, str]:
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
        code = main([*args, "--lang", "nl"])
    return code, shown.getvalue()


DIPLOMA = ["--awarded-by", "NL", "--degree", "wo-bachelor", "--awarded-on", "2016-07-01", "--target", "VL"]


@pytest.mark.parametrize("args", [
    ["check", *DIPLOMA, "--on", "31-02-2017"],
    ["check", *DIPLOMA, "--on", "2015-01-01"],
    ["check", *DIPLOMA[:6], "--target", "Atlantis", "--on", "2017-01-01"],
    ["check", *DIPLOMA[:6], "--target", "België", "--on", "2017-01-01"],
    ["check", "--awarded-by", "VL", "--degree", "wo-master", "--awarded-on", "2016-07-01", "--target", "NL"],
    ["check", *DIPLOMA, "--accredited", "misschien"],
    ["check", "--degree", "master"],
    ["timeline", *DIPLOMA[:4], "--awarded-on", "gisteren", "--target", "VL"],
    ["rules", "show", "BNL2018"],
    ["rules", "show", "X1"],
])  # fmt: skip
def test_command_line_errors_are_dutch(args):
    code, said = cli(*args)
    assert code == 2
    assert said.startswith(("nvao-equivalence: fout: ", "nvao-equivalence check: fout: "))
    assert leaks(said.partition("fout: ")[2]) == []


ERRORS = [
    "datum van uitreiking: '31-02-2016' is geen bestaande datum (een datum in cijfers wordt gelezen met de dag eerst; "
    "geldig: een datum, of tekst zoals 2016-07-01, 01-07-2016, 1/7/2016, 1 juli 2016, 1 July 2016 of 1-jul-16)",
    "land of gemeenschap van uitreiking: onbekend land of onbekende gemeenschap 'Atlantis'; geldig: NL, VL (Vlaamse "
    "Gemeenschap), BE-FR, BE-DE, of een andere landcode volgens ISO 3166-1 alpha-2 (bijvoorbeeld DE, FR, LU)",
    "graad: 'bachelor-of-arts' is geen graad van NL (Nederland); geldig: associate-degree, hbo-bachelor, wo-bachelor, "
    "hbo-master, wo-master, doctorate",
    "geaccrediteerd: 'misschien' is niet geldig; geldig: ja, nee, yes, no, true, false, waar, onwaar, 1, 0, "
    "of leeg/onbekend",
    "land of gemeenschap van beoordeling: de cel is leeg en er is geen --target opgegeven; geldig: NL of VL",
    "einde accreditatie opgegeven zonder begin accreditatie; geef beide, of alleen begin accreditatie",
    "",  # a row whose cells are all empty passes through: no applicant, no error
    "de rij heeft 7 velden, de kopregel 6; extra: 'surplus'",
    "",
]


def test_batch_error_cells_and_summary_are_dutch(tmp_path):
    intake = tmp_path / "intake.csv"
    intake.write_text(
        "awarded_by,degree,awarded_on,accredited,target,accredited_until\n"
        "NL,wo-bachelor,31-02-2016,ja,VL,\n"
        "Atlantis,wo-bachelor,2016-07-01,ja,VL,\n"
        "NL,bachelor-of-arts,2016-07-01,ja,VL,\n"
        "NL,wo-bachelor,2016-07-01,misschien,VL,\n"
        "NL,wo-bachelor,2016-07-01,ja,,\n"
        "NL,wo-bachelor,2016-07-01,,VL,2017-01-01\n"
        ",,,,,\n"
        "NL,wo-bachelor,2016-07-01,ja,VL,,surplus\n"
        "NL,wo-bachelor,2016-07-01,ja,VL,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    code, said = cli("batch", str(intake), "--on", "2017-06-01", "-o", str(out))
    assert code == 1
    assert said == (
        "nvao-equivalence batch: 9 rijen: gelijkwaardig 1, erkend op het niveau van de graad 0, "
        "gelijkwaardig voor toelating 0, niet erkend 0, onbepaald 0, niet van toepassing 0; fouten 7; "
        "rijen zonder 'on' beoordeeld op peildatum 1 juni 2017\n"
    )
    import csv

    with out.open(encoding="utf-8", newline="") as written:
        rows = list(csv.DictReader(written))
    errors = [row["error"] for row in rows]
    assert errors == ERRORS
    assert [leaks(error) for error in errors] == [[]] * 9
    assert rows[8]["explanation"].startswith("Gelijkwaardig. Overeenkomstige graad in de Vlaamse Gemeenschap:")


@pytest.mark.parametrize(("source", "degree", "target", "flags"), [
    ("NL", "wo-bachelor", "VL", ["--accredited", "ja"]),
    ("VL", "master", "NL", []),
    ("NL", "doctorate", "VL", ["--recognised", "ja"]),
    ("LU", "master", "NL", ["--rules", "all"]),
    ("NL", "hbo-bachelor", "NL", []),
])  # fmt: skip
def test_timelines_are_dutch(source, degree, target, flags):
    code, said = cli(
        "timeline", "--awarded-by", source, "--degree", degree, "--awarded-on", "2003-06-30", "--target", target, *flags
    )
    assert code == 0
    assert leaks(said) == []


def test_library_errors_say_themselves_in_dutch_and_stay_english_as_str():
    with pytest.raises(EquivalenceError) as caught:
        Diploma(awarded_by="Duitsland", degree="master", awarded_on="1 juli 2016", accredited="misschien")
    assert str(caught.value) == "accredited: 'misschien' is not valid; valid: True, False, or None when it is not known"
    assert caught.value.in_("nl") == (
        "geaccrediteerd: 'misschien' is niet geldig; geldig: True, False, of None als het niet bekend is"
    )
