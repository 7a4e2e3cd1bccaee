"""The command line's options and help, in the language chosen, and argparse's messages in the same words."""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

from nvao_equivalence._language.catalogue import N_, languages, tr

__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_ROW_ERRORS", "EXIT_TERMINATED", "EXIT_USAGE", "PROG", "build_parser"]

PROG = "nvao-equivalence"
EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE = 0, 1, 2
# As shells report a program ended by the signal: 128 + SIGINT (2), 128 + SIGTERM (15).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with its "usage:" in the parser's language."""

    lang = "en"

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else tr(N_("usage: "), self.lang))


class _Parser(argparse.ArgumentParser):
    lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        # argparse's own headings and the help option, in the words of the catalogue.
        self._positionals.title = tr(N_("positional arguments"), self.lang)
        self._optionals.title = tr(N_("options"), self.lang)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = tr(N_("show this help message and exit"), self.lang)

    def error(self, message: str) -> NoReturn:
        # One line, no usage block: scripts read the last line of stderr.
        message = _argparse_message(message, self.lang)
        line = tr(N_("{prog}: error: {message} (see --help)"), self.lang).format(prog=self.prog, message=message)
        self.exit(EXIT_USAGE, line + "\n")


# argparse's own messages, in the words of the catalogue (argparse speaks only the process locale's language, if
# any): the ones a user meets, recognised by their English form.
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"), N_("required: {names}")),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"), N_("not an option of this command: {names}")),
    (
        re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
        N_("{name}: {value} is not valid; valid: {choices}"),
    ),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), N_("{name} needs a value")),
    (
        re.compile(r"ambiguous option: (?P<name>\S+) could match (?P<matches>.*)"),
        N_("{name} is short for more than one option: {matches}"),
    ),
)


def _argparse_message(message: str, lang: str) -> str:
    for pattern, template in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found:
            return tr(template, lang).format(**found.groupdict())
    return message


def _diploma_options(parser: argparse.ArgumentParser, t: Any) -> None:
    required = parser.add_argument_group(t(N_("required")))
    required.add_argument("--awarded-by", required=True, help=t(N_("awarding jurisdiction: NL, VL, or an alias")))
    required.add_argument(
        "--degree", required=True, help=t(N_("degree in the awarding system, e.g. academic-bachelor, HBO-BA"))
    )
    required.add_argument(
        "--awarded-on", required=True, help=t(N_("award date, e.g. 2016-07-01 or 1-7-2016 (day first)"))
    )
    required.add_argument(
        "--target", required=True, help=t(N_("the jurisdiction where the diploma is to be recognised"))
    )
    parser.add_argument(
        "--accredited",
        default="unknown",
        help=t(N_("accredited on the award date: yes/no/unknown (ja/nee, true/false, 1/0); default unknown")),
    )
    parser.add_argument(
        "--arts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=t(
            N_("the programme is (--arts) or is not (--no-arts) arts education (kunstonderwijs); default not stated")
        ),
    )
    parser.add_argument(
        "--recognised",
        default="unknown",
        help=t(
            N_("institution and programme recognised under the awarding party's law (Benelux rules): yes/no/unknown")
        ),
    )
    _rules_option(parser, t)


def _rules_option(parser: argparse.ArgumentParser, t: Any) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        metavar="PACK",
        help=t(N_("rule pack to apply, repeatable: nvao (the default), benelux, flanders, or all")),
    )


def _lang_option(parser: argparse.ArgumentParser, t: Any, what: str) -> None:
    parser.add_argument(
        "--lang",
        choices=languages(),
        help=t(what) + t(N_("; default: the locale's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English")),
    )


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser of every command, its help in ``lang``."""

    def t(message: str) -> str:
        return tr(message, lang)

    _Parser.lang = _Formatter.lang = lang
    parser = _Parser(
        prog=PROG, description=t(N_("Is a Dutch or Flemish diploma recognised across the border, and why?"))
    )
    parser.add_argument("--version", action="store_true", help=t(N_("print the package and rule set versions")))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    check = commands.add_parser("check", help=t(N_("decide one diploma")), description=t(N_("Decide one diploma.")))
    _diploma_options(check, t)
    check.add_argument("--on", help=t(N_("assessment date (default: today; the output states it)")))
    _lang_option(check, t, N_("language of the explanation"))
    check.add_argument("--json", action="store_true", help=t(N_("print the decision as JSON instead")))

    batch = commands.add_parser(
        "batch",
        help=t(N_("decide every row of a CSV or JSON Lines file")),
        description=t(
            N_(
                "Decide every row of an intake file. One output row per input row, in order; a row that cannot "
                "be decided gets its reason in the 'error' column. Exit 0: all decided; 1: some rows had errors; 2: "
                "the command could not run."
            )
        ),
    )
    batch.add_argument("input", metavar="INPUT", help=t(N_("CSV, .jsonl or .xlsx file; - reads stdin")))
    batch.add_argument(
        "-o",
        "--output",
        help=t(
            N_(
                "output file (default stdout); a name ending in .xlsx writes a workbook; a file is replaced only "
                "when the run completes, a FIFO or device is written in place"
            )
        ),
    )
    batch.add_argument("--on", help=t(N_("assessment date for rows without an 'on' column (default: today)")))
    batch.add_argument("--target", help=t(N_("target jurisdiction for rows without a 'target' column")))
    batch.add_argument(
        "--format",
        choices=("csv", "jsonl", "xlsx"),
        dest="output_format",
        help=t(
            N_(
                "output format (default: from the -o name, .csv, .jsonl or .xlsx; else csv for an .xlsx input, "
                "else the input's)"
            )
        ),
    )
    batch.add_argument(
        "--input-format", choices=("csv", "jsonl", "xlsx"), help=t(N_("input format (default: from the name)"))
    )
    batch.add_argument(
        "--sheet", metavar="NAME", help=t(N_("the sheet of an .xlsx input to read (default: the first)"))
    )
    _lang_option(batch, t, N_("language of the explanation and error columns"))
    batch.add_argument(
        "--delimiter", choices=(",", ";"), help=t(N_("CSV delimiter (default: detected from the header)"))
    )
    batch.add_argument(
        "--encoding",
        default="utf-8",
        metavar="ENC",
        help=t(N_("encoding of the input, e.g. cp1252 for a CSV from Excel on Windows (default: utf-8)")),
    )
    batch.add_argument(
        "--column",
        action="append",
        metavar="NAME=HEADER",
        help=t(
            N_(
                "read the input's column HEADER as the column NAME, repeatable, e.g. awarded_on=Datum; common Dutch "
                "headers (diplomadatum, graad, doelland, ...) need no mapping"
            )
        ),
    )
    batch.add_argument("-q", "--quiet", action="store_true", help=t(N_("no progress display and no summary line")))
    batch.add_argument(
        "--register",
        action="append",
        metavar="FILE",
        help=t(
            N_(
                "accreditation register, repeatable: DUO's ho_erkenningen_rio.csv, RIO LOD licence JSON, DEQAR "
                "report JSON or CSV (recognised by content); rows with a 'programme' and no accreditation are "
                "decided from them"
            )
        ),
    )
    _rules_option(batch, t)

    line = commands.add_parser(
        "timeline",
        help=t(N_("the outcome for every assessment date")),
        description=t(N_("The outcome by assessment date, and why it changes.")),
    )
    _diploma_options(line, t)
    _lang_option(line, t, N_("language of the table"))
    line.add_argument("--json", action="store_true", help=t(N_("print the periods as JSON")))

    rules = commands.add_parser(
        "rules", help=t(N_("list, show or validate rules")), description=t(N_("The rules applied."))
    )
    actions = rules.add_subparsers(dest="action", parser_class=_Parser, metavar="ACTION")
    listing = actions.add_parser("list", help=t(N_("the bundled rules with their in-force periods and citations")))
    listing.add_argument("--json", action="store_true", help=t(N_("print as JSON")))
    _rules_option(listing, t)
    show = actions.add_parser("show", help=t(N_("one rule in full")))
    show.add_argument("rule_id", metavar="ID", help=t(N_("the rule's id, e.g. R2014 (any case)")))
    show.add_argument("--json", action="store_true", help=t(N_("print as JSON")))
    _rules_option(show, t)
    validate = actions.add_parser("validate", help=t(N_("check rule files of your own")))
    validate.add_argument("paths", metavar="PATH", nargs="+", help=t(N_("a rule file (TOML)")))
    for action in (listing, show, validate):
        _lang_option(action, t, N_("language of the output"))
    return parser
