"""The ``nvao-equivalence`` command line: check, batch, timeline, rules.

A user's mistake gets one line on stderr and exit code 2, never a traceback.
Start-up is kept light: each command imports only what it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._cli.language import choose_language, lang_in_argv
from nvao_equivalence._cli.parser import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_TERMINATED,
    EXIT_USAGE,
    PROG,
    build_parser,
)
from nvao_equivalence._decide.engine import check_equivalence, timeline
from nvao_equivalence._language.catalogue import N_, long_date, ntr, tr
from nvao_equivalence._language.message import say
from nvao_equivalence._vocabulary.flags import parse_flag
from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["main", "parse_flag"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    The language is ``--lang``, else the locale's (as gettext reads ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG``), else English.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = choose_language(lang_in_argv(arguments), os.environ)
    parser = build_parser(lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # argparse's own exit, after --help or a usage error
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.lang = lang
    if args.version:
        return _version()
    commands = {"check": _check, "batch": _batch, "timeline": _timeline, "rules": _rules}
    if args.command not in commands:
        message = tr(N_("{prog}: error: choose a command: {commands} (see --help)"), lang)
        print(message.format(prog=PROG, commands=", ".join(commands)), file=sys.stderr)
        return EXIT_USAGE
    with _signals_as_exceptions():
        try:
            code = commands[args.command](args)
            if sys.stdout is not None:
                sys.stdout.flush()  # here, where a reader that went away is reported, not at the interpreter's exit
            return code
        except (EquivalenceError, ValueError) as error:
            _error(say(error, lang), lang)
            return EXIT_USAGE
        except BrokenPipeError:
            # The reader went away (`| head`) from a command other than batch, which says so itself.
            from nvao_equivalence._files.output import quiet_stdout

            quiet_stdout()
            _error(tr(N_("cannot write standard output: the reader closed the pipe"), lang), lang)
            return EXIT_USAGE
        except KeyboardInterrupt:
            message = tr(N_("{prog}: interrupted (Ctrl-C); an output file named with -o is left as it was"), lang)
            print(message.format(prog=PROG), file=sys.stderr)
            return EXIT_INTERRUPTED
        except _Terminated:
            message = tr(N_("{prog}: terminated (SIGTERM); an output file named with -o is left as it was"), lang)
            print(message.format(prog=PROG), file=sys.stderr)
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


def _error(message: str, lang: str) -> None:
    print(tr(N_("{prog}: error: {message}"), lang).format(prog=PROG, message=message), file=sys.stderr)


def _rule_set(args: argparse.Namespace) -> Any:
    from nvao_equivalence._rulebook.ruleset import RuleSet

    return RuleSet.load(*(getattr(args, "rules", None) or ()))


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
        note = tr(N_("(--on not given: assessed as of today, {day})"), args.lang)
        print(note.format(day=long_date(decision.on, args.lang)))
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from nvao_equivalence._cli.batch import BatchOptions, format_of, run_batch
    from nvao_equivalence._cli.columns import column_options
    from nvao_equivalence._cli.intake import BatchError
    from nvao_equivalence._files.output import output_sink
    from nvao_equivalence._vocabulary.dates import parse_date
    from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction

    today = args.on is None
    on = date.today() if today else parse_date(args.on, field="--on")
    target = canonical_jurisdiction(args.target) if args.target else None
    # The bar is drawn only where nobody reads the output as data: stderr a terminal, and stdout not the same one.
    show_progress = not args.quiet and sys.stderr.isatty() and not (args.output in (None, "-") and sys.stdout.isatty())
    # The output first: a path that cannot be written stops the command before any input is read. An error, or
    # Ctrl-C, inside leaves an output file as it was.
    try:
        with output_sink(args.output) as sink:
            options = BatchOptions(
                rules=_rule_set(args),
                on=on,
                target=target,
                lang=args.lang,
                # The output's name says its format (decisions.xlsx, .csv, .jsonl); another name keeps the input's.
                output_format=args.output_format or format_of(args.output, "") or None,
                input_format=args.input_format,
                sheet=args.sheet,
                delimiter=args.delimiter,
                encoding=args.encoding,
                columns=column_options(args.column or ()),
                register=_registers(args.register or (), quiet=args.quiet, lang=args.lang),
            )
            bar = _ProgressBar(_row_count(args.input, args.input_format)) if show_progress else None
            try:
                tally = run_batch(args.input, sink, options, progress=bar.update if bar else None)
            finally:
                if bar is not None:
                    bar.close()
    except BatchError as error:
        _error(say(error, args.lang), args.lang)
        return EXIT_USAGE
    if not args.quiet:
        template = (
            N_("{prog} batch: {tally}; rows without 'on' assessed on {day} (today)")
            if today
            else N_("{prog} batch: {tally}; rows without 'on' assessed on {day}")
        )
        line = tr(template, args.lang).format(prog=PROG, tally=tally.line(args.lang), day=long_date(on, args.lang))
        print(line, file=sys.stderr)
    return EXIT_ROW_ERRORS if tally.errors else EXIT_OK


def _registers(paths: Sequence[str], *, quiet: bool, lang: str) -> Any:
    """The registers named by --register, merged; their unreadable records are reported on stderr."""
    if not paths:
        return None
    from nvao_equivalence._registers.register import AccreditationRegister

    merged = AccreditationRegister()
    for path in paths:
        register = AccreditationRegister.from_path(path)
        if register.problem_count and not quiet:
            count = register.problem_count
            skipped = ntr("{count} record skipped", "{count} records skipped", count, lang).format(count=count)
            print(f"{PROG} batch: {path}: {skipped}", file=sys.stderr)
            for problem in register.problems[:3]:
                print(f"  {say(problem, lang)}", file=sys.stderr)
        merged |= register
    return merged


def _row_count(source: str, input_format: str | None) -> int | None:
    """The number of data lines of a regular input file (a CSV header not counted), for the bar's % and time
    left; ``None`` for stdin or a file that cannot be counted cheaply (a quoted cell may span lines: then the bar
    can only be near; a workbook's rows are not lines)."""
    from nvao_equivalence._cli.batch import format_of  # imported already: only batch counts rows

    if source == "-" or not os.path.isfile(source) or (input_format or format_of(source, "csv")) == "xlsx":
        return None
    try:
        with open(source, "rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return None
    return max(lines - (0 if source.endswith(".jsonl") else 1), 0)


class _ProgressBar:
    """A tqdm bar on stderr: rows done, % and time left when the size is known, rows/s, errors so far. tqdm is
    imported only for a terminal."""

    def __init__(self, total: int | None = None) -> None:
        from tqdm import tqdm

        self._bar: Any = tqdm(
            file=sys.stderr, total=total, unit=" rows", mininterval=0.5, dynamic_ncols=True, leave=False
        )
        self._shown_errors = 0

    def update(self, tally: Any) -> None:
        self._bar.update(1)
        if tally.errors != self._shown_errors:
            self._shown_errors = tally.errors
            self._bar.set_postfix(errors=tally.errors, refresh=False)

    def close(self) -> None:
        self._bar.close()


def _timeline(args: argparse.Namespace) -> int:
    from nvao_equivalence._cli.timeline_view import timeline_rows

    diploma, rules = _diploma(args), _rule_set(args)
    periods = timeline(diploma, target=args.target, rules=rules)
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
    target = check_equivalence(diploma, target=args.target, on=diploma.awarded_on, rules=rules).target
    _table(timeline_rows(periods, diploma, target, rules, args.lang))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from nvao_equivalence._cli import rules_view as _rules_view
    from nvao_equivalence._rulebook.ruleset import RuleSet

    if args.action == "validate":
        problems = RuleSet.validate(*args.paths)
        for problem in problems:
            print(say(problem, args.lang))
        if problems:
            found = ntr("{count} problem found", "{count} problems found", len(problems), args.lang)
            print(found.format(count=len(problems)), file=sys.stderr)
            return EXIT_ROW_ERRORS
        print(tr(N_("{paths}: ok"), args.lang).format(paths=", ".join(args.paths)))
        return EXIT_OK
    rules = _rule_set(args)
    if args.action == "show":
        rule = _rules_view.find_rule(rules, args.rule_id)
        if rule is None:
            _error(_rules_view.no_such_rule(rules, args.rule_id, args.lang), args.lang)
            return EXIT_USAGE
        print(json.dumps(_rules_view.rule_dict(rule, rules), indent=2, ensure_ascii=False) if args.json else
              _rules_view.rule_text(rule, rules))  # fmt: skip
        return EXIT_OK
    if getattr(args, "json", False):
        print(json.dumps([_rules_view.rule_dict(rule, rules) for rule in rules.rules], indent=2, ensure_ascii=False))
        return EXIT_OK
    _table(_rules_view.rule_rows(rules, args.lang))
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
