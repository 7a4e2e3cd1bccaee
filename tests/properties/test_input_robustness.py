"""Input robustness: fed arbitrary text, bytes and dates, the entry points either succeed or raise their
documented error, never another exception type and never a hang (an example that takes over two seconds).

Each input starts valid and has up to two of its values replaced by arbitrary ones, so that both the checks and
the code behind them are reached.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from nvao_equivalence import Accreditation, Decision, Degree, Diploma, Outcome, check_equivalence
from nvao_equivalence._cli.commands import main, parse_flag
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.exceptions import InvalidAssessmentError, InvalidDiplomaError
from nvao_equivalence.strategies import DecisionCase, accreditations, decision_cases, diplomas

HANG = settings(deadline=timedelta(seconds=2))

_MONTHS = ("januari", "feb", "maart", "april", "mei", "juni", "July", "aug", "sept", "oktober", "nov", "December")

# Dates written every way a person or a register might, valid or not.
date_texts = st.one_of(
    st.dates().map(date.isoformat),
    st.dates().map(lambda day: f"{day.day:02d}-{day.month:02d}-{day.year}"),
    st.dates().map(lambda day: f"{day.day}/{day.month}/{day.year}"),
    st.dates().map(lambda day: f"{day.day} {_MONTHS[day.month - 1]} {day.year}"),
    st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(0, 10000)).map(lambda p: f"{p[0]}-{p[1]}-{p[2]}"),
)
# What arrives on a command line: text, or bytes decoded the way Python decodes sys.argv.
texts = st.one_of(st.text(), st.binary().map(os.fsdecode), date_texts, st.sampled_from(["BE", "België", "XX", "-"]))
junk = st.one_of(
    texts,
    st.binary(),
    st.dates(),
    st.datetimes(),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.lists(st.text(), max_size=2),
)

# The spellings --accredited documents, and what each means.
FLAGS = dict.fromkeys(["yes", "y", "ja", "j", "true", "1"], True) | dict.fromkeys(
    ["no", "n", "nee", "false", "0"], False
)
FLAGS |= dict.fromkeys(["", "unknown", "onbekend", "?"], None)
_ALIASES = {"NL": ("NL", "Nederland", "nld"), "VL": ("VL", "Vlaanderen", "be-vlg")}
_DAY_FIRST = "{0.day}-{0.month}-{0.year}"


@st.composite
def spoilt(draw: st.DrawFn, valid: st.SearchStrategy[dict[str, Any]], broken: st.SearchStrategy[Any]) -> dict[str, Any]:
    """A dict drawn from ``valid`` with up to two values (often none) replaced by values drawn from ``broken``."""
    values = draw(valid)
    for name in draw(st.sets(st.sampled_from(sorted(values)), max_size=2)):
        values[name] = draw(broken)
    return values


def attempt(expected: type[Exception], function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, str]:
    """``function``'s result and ``""``, or ``None`` and the field an ``expected`` error names ("field: …")."""
    try:
        return function(*args, **kwargs), ""
    except expected as error:
        field = str(error).split(":", 1)[0]
        event(f"{type(error).__name__} on {field}")
        return None, field


@st.composite
def diploma_arguments(draw: st.DrawFn) -> dict[str, Any]:
    diploma = draw(diplomas())
    return {
        "awarded_by": draw(st.sampled_from(_ALIASES.get(diploma.awarded_by, (diploma.awarded_by,)))),
        "degree": diploma.degree.value,
        "awarded_on": draw(st.sampled_from((diploma.awarded_on, diploma.awarded_on.isoformat()))),
        "accredited": diploma.accredited,
        "arts": diploma.arts,
        "accreditations": diploma.accreditations,
        "programme": diploma.programme,
    }


@HANG
@given(spoilt(diploma_arguments(), junk))
def test_diploma_is_built_or_raises_invalid_diploma_error(arguments: dict[str, Any]) -> None:
    diploma, field = attempt(InvalidDiplomaError, Diploma, **arguments)
    if diploma is None:
        assert field in arguments or field in {"valid_from", "valid_until"}
    else:
        event("built")
        assert diploma.awarded_by == canonical_jurisdiction(diploma.awarded_by)
        assert isinstance(diploma.degree, Degree)
        assert type(diploma.awarded_on) is date
        assert diploma.accredited in (True, False, None)


accreditation_arguments = accreditations().map(lambda a: {"valid_from": a.valid_from, "valid_until": a.valid_until})


@HANG
@given(spoilt(accreditation_arguments, junk))
def test_accreditation_is_built_or_raises_invalid_diploma_error(arguments: dict[str, Any]) -> None:
    period, field = attempt(InvalidDiplomaError, Accreditation, **arguments)
    if period is None:
        assert field in {"valid_from", "valid_until"}
    else:
        event("built")
        assert period.valid_until is None or period.valid_from < period.valid_until


@HANG
@given(decision_cases(), st.sets(st.sampled_from(["target", "on"])), junk)
def test_check_equivalence_decides_or_raises_invalid_assessment_error(
    case: DecisionCase, broken: set[str], value: Any
) -> None:
    arguments = {"target": case.target, "on": case.on} | dict.fromkeys(broken, value)
    decision, field = attempt(InvalidAssessmentError, check_equivalence, case.diploma, **arguments)
    if decision is None:
        assert field in broken
    else:
        event("decided")
        assert isinstance(decision, Decision)
        assert decision.on >= case.diploma.awarded_on


# Text and bytes; dates reach the parser as text, the only form a command line has.
@HANG
@given(st.one_of(st.sampled_from(sorted(FLAGS)).map(str.upper), texts, st.binary()))
def test_parse_flag_reads_a_flag_or_raises_value_error_naming_the_option(text: str | bytes) -> None:
    value, field = attempt(ValueError, parse_flag, text, field="--accredited")
    key = text.strip().lower()  # bytes are never a flag: the spellings are text
    if key in FLAGS:
        assert (value, field) == (FLAGS[key], "")
    else:
        assert (value, field) == (None, "--accredited")


@st.composite
def check_options(draw: st.DrawFn) -> dict[str, str]:
    diploma, target, on = draw(decision_cases())
    return {
        "--awarded-by": draw(st.sampled_from(_ALIASES.get(diploma.awarded_by, (diploma.awarded_by,)))),
        "--degree": diploma.degree.value,
        "--awarded-on": draw(st.sampled_from((diploma.awarded_on.isoformat(), _DAY_FIRST.format(diploma.awarded_on)))),
        "--accredited": draw(
            st.sampled_from({True: ("ja", "yes"), False: ("nee", "no"), None: ("", "unknown")}[diploma.accredited])
        ),
        "--target": target,
        "--on": on.isoformat(),
        "--lang": draw(st.sampled_from(["en", "nl"])),
    }


@HANG
@given(spoilt(check_options(), texts), st.sets(st.sampled_from(["--arts", "--json"])))
def test_the_check_command_exits_0_or_2_with_one_line_of_error(options: dict[str, str], flags: set[str]) -> None:
    """``main()`` returns 0 with a decision on stdout, or 2 with one line on stderr; it never raises, not even
    ``SystemExit`` for an argument argparse rejects itself (``--lang=fr``)."""
    argv = ["check", *(f"{option}={value}" for option, value in options.items()), *sorted(flags)]
    # Like a UTF-8 terminal: stdout strict, stderr with backslash escapes (Python's defaults for the two).
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict")
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace")
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(argv)
        stdout.flush()
        stderr.flush()
    event(f"exit code {code}")
    printed, complaint = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    assert code in (0, 2)
    if code == 2:
        assert printed == ""
        prefixes = ("nvao-equivalence: error: ", "nvao-equivalence check: error: ")
        if options.get("--lang") == "nl":
            prefixes = ("nvao-equivalence: fout: ", "nvao-equivalence check: fout: ")
        assert complaint.startswith(prefixes), complaint
        assert complaint.count("\n") == 1
        assert complaint.endswith("\n")
    elif "--json" in flags:
        assert complaint == ""
        assert json.loads(printed)["outcome"] in set(Outcome)
    else:
        assert complaint == ""
        assert printed.startswith(("Outcome: ", "Uitkomst: "))
