"""The ``nvao-equivalence`` command line.

``nvao-equivalence check`` decides one diploma and prints the explanation (or
JSON). A user's mistake gets one line on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn

from nvao_equivalence._diploma import Diploma
from nvao_equivalence._engine import check_equivalence
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["main", "parse_flag"]

PROG = "nvao-equivalence"
EXIT_OK = 0
EXIT_USAGE = 2

_FLAGS = {
    "yes": True, "y": True, "ja": True, "j": True, "true": True, "1": True,
    "no": False, "n": False, "nee": False, "false": False, "0": False,
    "": None, "unknown": None, "onbekend": None, "?": None,
}  # fmt: skip


def parse_flag(text: str, *, field: str) -> bool | None:
    """Read yes/no/ja/nee/true/false/1/0 (any case); empty or ``unknown`` is ``None``.

    >>> parse_flag("Ja", field="accredited"), parse_flag("", field="accredited")
    (True, None)
    """
    key = text.strip().lower()
    if key not in _FLAGS:
        raise ValueError(
            f"{field}: {text!r} is not valid; valid: yes, no, ja, nee, true, false, 1, 0, or empty/unknown"
        )
    return _FLAGS[key]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: scripts read the last line of stderr.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Is a Dutch or Flemish diploma recognised across the border, and why?")
    parser.add_argument("--version", action="store_true", help="print the package and rule set versions")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = commands.add_parser("check", help="decide one diploma", description="Decide one diploma.")
    check.add_argument("--awarded-by", required=True, help="awarding jurisdiction: NL, VL, or an alias")
    check.add_argument("--degree", required=True, help="degree in the awarding system, e.g. academic-bachelor, HBO-BA")
    check.add_argument("--awarded-on", required=True, help="award date, e.g. 2016-07-01 or 1-7-2016 (day first)")
    check.add_argument(
        "--accredited",
        default="unknown",
        help="accredited on the award date: yes/no/unknown (ja/nee, true/false, 1/0); default unknown",
    )
    check.add_argument("--arts", action="store_true", help="the programme is arts education (kunstonderwijs)")
    check.add_argument("--target", required=True, help="the jurisdiction where the diploma is to be recognised")
    check.add_argument("--on", help="assessment date (default: today; the output states it)")
    check.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the explanation")
    check.add_argument("--json", action="store_true", help="print the decision as JSON instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        return _version()
    if args.command != "check":
        parser.error("choose a command: check")
    try:
        return _check(args)
    except (EquivalenceError, ValueError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _check(args: argparse.Namespace) -> int:
    diploma = Diploma(
        awarded_by=args.awarded_by,
        degree=args.degree,
        awarded_on=args.awarded_on,
        accredited=parse_flag(args.accredited, field="--accredited"),
        arts=args.arts,
    )
    on = args.on if args.on is not None else date.today()
    decision = check_equivalence(diploma, target=args.target, on=on)
    if args.json:
        print(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(decision.explain(lang=args.lang))
        if args.on is None:
            note = (
                "(--on niet opgegeven: beoordeeld op vandaag"
                if args.lang == "nl"
                else "(--on not given: assessed as of today"
            )
            print(f"{note}, {decision.on.isoformat()})")
    return EXIT_OK


def _version() -> int:
    from importlib.metadata import version

    from nvao_equivalence._ruleset import default_rules

    rules = default_rules()
    print(f"{PROG} {version('nvao-equivalence')}; rules: {rules.version}; sha256 {rules.digest}")
    return EXIT_OK
