"""The ``nvao-equivalence`` command line: check, batch, timeline, rules.

A user's mistake gets one line on stderr and exit code 2, never a traceback.
Start-up is kept light: each command imports only what it needs.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, NoReturn

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._decide.engine import check_equivalence, timeline
from nvao_equivalence._vocabulary.flags import parse_flag
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["main", "parse_flag"]

PROG = "nvao-equivalence"
EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE = 0, 1, 2
# As shells report a program ended by the signal: 128 + SIGINT (2), 128 + SIGTERM (15).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: scripts read the last line of stderr.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _diploma_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--awarded-by", required=True, help="awarding jurisdiction: NL, VL, or an alias")
    parser.add_argument("--degree", required=True, help="degree in the awarding system, e.g. academic-bachelor, HBO-BA")
    parser.add_argument("--awarded-on", required=True, help="award date, e.g. 2016-07-01 or 1-7-2016 (day first)")
    parser.add_argument(
        "--accredited",
        default="unknown",
        help="accredited on the award date: yes/no/unknown (ja/nee, true/false, 1/0); default unknown",
    )
    parser.add_argument(
        "--arts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the programme is (--arts) or is not (--no-arts) arts education (kunstonderwijs); default not stated",
    )
    parser.add_argument(
        "--recognised",
        default="unknown",
        help="institution and programme recognised under the awarding party's law (Benelux rules): yes/no/unknown",
    )
    parser.add_argument("--target", required=True, help="the jurisdiction where the diploma is to be recognised")
    _rules_option(parser)


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        metavar="PACK",
        help="rule pack to apply, repeatable: nvao (the default), benelux, flanders, or all",
    )


def _rule_set(args: argparse.Namespace) -> Any:
    from nvao_equivalence._rulebook.ruleset import RuleSet

    return RuleSet.load(*(getattr(args, "rules", None) or ()))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Is a Dutch or Flemish diploma recognised across the border, and why?")
    parser.add_argument("--version", action="store_true", help="print the package and rule set versions")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    check = commands.add_parser("check", help="decide one diploma", description="Decide one diploma.")
    _diploma_options(check)
    check.add_argument("--on", help="assessment date (default: today; the output states it)")
    check.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the explanation")
    check.add_argument("--json", action="store_true", help="print the decision as JSON instead")

    batch = commands.add_parser(
        "batch",
        help="decide every row of a CSV or JSON Lines file",
        description="Decide every row of an intake file. One output row per input row, in order; a row that cannot "
        "be decided gets its reason in the 'error' column. Exit 0: all decided; 1: some rows had errors; 2: the "
        "command could not run.",
    )
    batch.add_argument("input", metavar="INPUT", help="CSV or .jsonl file; - reads stdin")
    batch.add_argument(
        "-o",
        "--output",
        help="output file (default stdout); a file is replaced only when the run completes, a FIFO or device is "
        "written in place",
    )
    batch.add_argument("--on", help="assessment date for rows without an 'on' column (default: today)")
    batch.add_argument("--target", help="target jurisdiction for rows without a 'target' column")
    batch.add_argument("--format", choices=("csv", "jsonl"), dest="output_format", help="output format")
    batch.add_argument("--input-format", choices=("csv", "jsonl"), help="input format (default: from the name)")
    batch.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the explanation column")
    batch.add_argument("--delimiter", choices=(",", ";"), help="CSV delimiter (default: detected from the header)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress display and no summary line")
    batch.add_argument(
        "--register",
        action="append",
        metavar="FILE",
        help="accreditation register, repeatable: DUO's ho_erkenningen_rio.csv, RIO LOD licence JSON, DEQAR report "
        "JSON or CSV (recognised by content); rows with a 'programme' and no accreditation are decided from them",
    )
    _rules_option(batch)

    line = commands.add_parser(
        "timeline", help="the outcome for every assessment date", description="The outcome by assessment date."
    )
    _diploma_options(line)
    line.add_argument("--json", action="store_true", help="print the periods as JSON")

    rules = commands.add_parser("rules", help="list, show or validate rules", description="The rules applied.")
    actions = rules.add_subparsers(dest="action", parser_class=_Parser, metavar="ACTION")
    listing = actions.add_parser("list", help="the bundled rules with their in-force periods and citations")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    _rules_option(listing)
    show = actions.add_parser("show", help="one rule in full")
    show.add_argument("rule_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print as JSON")
    _rules_option(show)
    validate = actions.add_parser("validate", help="check rule files of your own")
    validate.add_argument("paths", metavar="PATH", nargs="+")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own exit, after --help or a usage error
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.version:
        return _version()
    commands = {"check": _check, "batch": _batch, "timeline": _timeline, "rules": _rules}
    if args.command not in commands:
        print(f"{PROG}: error: choose a command: {', '.join(commands)} (see --help)", file=sys.stderr)
        return EXIT_USAGE
    with _signals_as_exceptions():
        try:
            code = commands[args.command](args)
            if sys.stdout is not None:
                sys.stdout.flush()  # here, where a reader that went away is reported, not at the interpreter's exit
            return code
        except (EquivalenceError, ValueError) as error:
            print(f"{PROG}: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        except BrokenPipeError:
            # The reader went away (`| head`) from a command other than batch, which says so itself.
            from nvao_equivalence._files.output import quiet_stdout

            quiet_stdout()
            print(f"{PROG}: error: cannot write standard output: the reader closed the pipe", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print(f"{PROG}: interrupted (Ctrl-C); an output file named with -o is left as it was", file=sys.stderr)
            return EXIT_INTERRUPTED
        except _Terminated:
            print(f"{PROG}: terminated (SIGTERM); an output file named with -o is left as it was", file=sys.stderr)
            return EXIT_TERMINATED


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that what it holds open is cleaned up on the way out (a
    BaseException, like KeyboardInterrupt: no `except Exception` on the way may swallow it)."""


@contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated` while the command runs (Ctrl-C raises KeyboardInterrupt already)."""

    def terminate(number: int, frame: object) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: only it may set a handler, and main() called elsewhere keeps its own
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _diploma(args: argparse.Namespace) -> Diploma:
    return Diploma(
        awarded_by=args.awarded_by,
        degree=args.degree,
        awarded_on=args.awarded_on,
        accredited=parse_flag(args.accredited, field="--accredited"),
        arts=args.arts,
        recognised=parse_flag(args.recognised, field="--recognised"),
    )


def _check(args: argparse.Namespace) -> int:
    on = args.on if args.on is not None else date.today()
    decision = check_equivalence(_diploma(args), target=args.target, on=on, rules=_rule_set(args))
    if args.json:
        print(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(decision.explain(lang=args.lang))
    if args.on is None:
        note = (
            "--on niet opgegeven: beoordeeld op vandaag"
            if args.lang == "nl"
            else "--on not given: assessed as of today"
        )
        print(f"({note}, {decision.on.isoformat()})")
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from nvao_equivalence._cli.batch import BatchOptions, run_batch
    from nvao_equivalence._cli.intake import BatchError
    from nvao_equivalence._files.output import output_sink
    from nvao_equivalence._vocabulary.dates import parse_date
    from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction

    today = args.on is None
    on = date.today() if today else parse_date(args.on, field="--on")
    target = canonical_jurisdiction(args.target) if args.target else None
    show_progress = not args.quiet and sys.stderr.isatty()
    # The output first: a path that cannot be written stops the command before any input is read. An error, or
    # Ctrl-C, inside leaves an output file as it was.
    try:
        with output_sink(args.output) as sink:
            options = BatchOptions(
                rules=_rule_set(args),
                on=on,
                target=target,
                lang=args.lang,
                output_format=args.output_format,
                input_format=args.input_format,
                delimiter=args.delimiter,
                register=_registers(args.register or (), quiet=args.quiet),
            )
            bar = _ProgressBar() if show_progress else None
            try:
                tally = run_batch(args.input, sink, options, progress=bar.update if bar else None)
            finally:
                if bar is not None:
                    bar.close()
    except BatchError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        when = f"{on.isoformat()}{' (today)' if today else ''}"
        print(f"{PROG} batch: {tally.line()}; rows without 'on' assessed on {when}", file=sys.stderr)
    return EXIT_ROW_ERRORS if tally.errors else EXIT_OK


def _registers(paths: Sequence[str], *, quiet: bool) -> Any:
    """The registers named by --register, merged; their unreadable records are reported on stderr."""
    if not paths:
        return None
    from nvao_equivalence._registers.register import AccreditationRegister

    merged = AccreditationRegister()
    for path in paths:
        register = AccreditationRegister.from_path(path)
        if register.problem_count and not quiet:
            count = register.problem_count
            print(f"{PROG} batch: {path}: {count} record{'s' if count != 1 else ''} skipped", file=sys.stderr)
            for problem in register.problems[:3]:
                print(f"  {problem}", file=sys.stderr)
        merged |= register
    return merged


class _ProgressBar:
    """A tqdm bar on stderr: rows done, rows/s, errors so far. tqdm is imported only for a terminal."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._bar: Any = tqdm(file=sys.stderr, unit=" rows", mininterval=0.5, dynamic_ncols=True)
        self._shown_errors = 0

    def update(self, tally: Any) -> None:
        self._bar.update(1)
        if tally.errors != self._shown_errors:
            self._shown_errors = tally.errors
            self._bar.set_postfix(errors=tally.errors, refresh=False)

    def close(self) -> None:
        self._bar.close()


def _timeline(args: argparse.Namespace) -> int:
    periods = timeline(_diploma(args), target=args.target, rules=_rule_set(args))
    if args.json:
        data = [
            {
                "start": period.start.isoformat(),
                "end": period.end.isoformat() if period.end else None,
                "outcome": period.outcome.value,
                "equivalent_to": [degree.value for degree in period.equivalent_to],
                "rules": list(period.rules),
            }
            for period in periods
        ]
        print(json.dumps(data, indent=2))
        return EXIT_OK
    rows = [("from", "until", "outcome", "comparable degree", "rule")]
    rows += [
        (
            period.start.isoformat(),
            period.end.isoformat() if period.end else "-",
            period.outcome.value,
            ", ".join(period.equivalent_to) or "-",
            ", ".join(period.rules) or "-",
        )
        for period in periods
    ]
    _table(rows)
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from nvao_equivalence._cli import rules_view as _rules_view
    from nvao_equivalence._rulebook.ruleset import RuleSet

    if args.action == "validate":
        problems = RuleSet.validate(*args.paths)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
            return EXIT_ROW_ERRORS
        print(f"{', '.join(args.paths)}: ok")
        return EXIT_OK
    rules = _rule_set(args)
    if args.action == "show":
        try:
            rule = rules.rule(args.rule_id)
        except KeyError:
            valid = ", ".join(rule.id for rule in rules.rules)
            print(f"{PROG}: error: no rule {args.rule_id!r}; valid: {valid}", file=sys.stderr)
            return EXIT_USAGE
        print(json.dumps(_rules_view.rule_dict(rule, rules), indent=2, ensure_ascii=False) if args.json else
              _rules_view.rule_text(rule, rules))  # fmt: skip
        return EXIT_OK
    if getattr(args, "json", False):
        print(json.dumps([_rules_view.rule_dict(rule, rules) for rule in rules.rules], indent=2, ensure_ascii=False))
        return EXIT_OK
    _table(_rules_view.rule_rows(rules))
    return EXIT_OK


def _table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _version() -> int:
    from importlib.metadata import version

    from nvao_equivalence._rulebook.ruleset import default_rules

    rules = default_rules()
    print(f"{PROG} {version('nvao-equivalence')}; rules: {rules.version}; sha256 {rules.digest}")
    return EXIT_OK
