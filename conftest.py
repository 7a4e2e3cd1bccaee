"""Run every example in the README and in docs/ as a test (Sybil).

Python blocks are doctests whose shown output is asserted. ``console`` blocks run each ``$ nvao-equivalence ...``
command through the command line's entry point, from the repository's root, and compare what it prints (standard
output, then standard error) with the lines shown under it. ``sh`` blocks are not run.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import shlex
from pathlib import Path

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser

ROOT = Path(__file__).parent

# The command line speaks the locale's language when --lang is not given: the tests and the examples run in a
# controlled one (English unless a test sets its own), whatever the machine they run on is set to.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_variable, None)
collect_ignore = ["docs/conf.py", "docs/_ext", "docs/_build", "docs/_generated", ".venv"]


def run_console(example: Example) -> str | None:
    from nvao_equivalence._cli.commands import main

    blocks: list[tuple[str, list[str]]] = []
    for line in str(example.parsed).splitlines():
        if line.startswith("$ "):
            blocks.append((line[2:], []))
        elif blocks:
            blocks[-1][1].append(line)
    for command, expected in blocks:
        program, *args = shlex.split(command)
        if program != "nvao-equivalence":
            return f"a console block may only run nvao-equivalence, not {program!r}"
        shown = io.StringIO()
        here = os.getcwd()
        os.chdir(ROOT)
        try:
            with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
                main(args)
        finally:
            os.chdir(here)
        actual, wanted = shown.getvalue().rstrip("\n").splitlines(), "\n".join(expected).rstrip("\n").splitlines()
        if actual != wanted:
            return f"$ {command}\n" + "\n".join(difflib.unified_diff(wanted, actual, "shown", "actual", lineterm=""))
    return None


pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), CodeBlockParser(language="console", evaluator=run_console)],
    patterns=["README.md", "docs/*.md", "docs/how-to/*.md"],
    fixtures=[],
).pytest()
