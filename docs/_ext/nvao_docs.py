"""Documentation generated from the rule files, so that the docs and the rules cannot drift.

At the start of a Sphinx build, this writes Markdown tables (instruments, rules, comparable degrees, readings,
caveats, the rule-file schema) and an SVG timeline figure into ``docs/_generated/``; the pages include them. The
tests call the same functions.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from nvao_equivalence import Diploma, Outcome, RuleSet, timeline
from nvao_equivalence._case.outcome import EFFECTS, FACTS, outcome_word
from nvao_equivalence._language.catalogue import long_date, tr
from nvao_equivalence._rulebook.loader import TEXT_STATUS
from nvao_equivalence._rulebook.notes import OUTCOME_NAMES, READING_WHEN, REGISTER_REASONS
from nvao_equivalence._rulebook.schema import SCHEMA
from nvao_equivalence._vocabulary.degrees import Degree, degree_label, degrees_of

GENERATED = Path(__file__).parent.parent / "_generated"
DAY = timedelta(days=1)

_WORDS = {
    "en": {
        "party": "From",
        "instrument": "Instrument",
        "signed": "Signed",
        "in_force": "In force",
        "rule_in_force": "In force (assessment date)",
        "publications": "Publication",
        "source": "Text",
        "rule": "Rule",
        "article": "Article",
        "from": "In force from",
        "since": "from {start}",
        "period": "{start} up to and including {last}",
        "effect": "Effect",
        "covers": "Covers",
        "requires": "Requires",
        "status": "Article text",
        "degree": "Degree",
        "arts": "Arts?",
        "to": "Comparable in the target",
        "basis": "Basis",
        "either": "either",
        "yes": "yes",
        "no": "no",
        "open": "—",
        "reading": "Reading",
        "applies": "Applies to",
        "when": "Decides when",
        "caveat": "Caveat",
        "covered": "the rule covers the degree",
        "not-covered": "the rule does not cover the degree",
        "awarded-before-in-force": "the diploma was awarded before the rule came into force",
        "entry-into-force": "the rule's date decides whether it applies yet",
        "comparable-row": "a row of the comparable-degree table names it",
        "recognised-from-accreditation": "recognition is derived from accreditation",
        "accreditation-implausible": "accreditation is stated for an award date before it could exist",
        "register": "a register's answer relies on it",
        "verbatim": "verbatim",
        "paraphrase": "paraphrase",
        "all": "all degrees",
    },
    "nl": {
        "party": "Uitgereikt in",
        "instrument": "Instrument",
        "signed": "Ondertekend",
        "in_force": "In werking",
        "rule_in_force": "Van kracht (peildatum)",
        "publications": "Publicatie",
        "source": "Tekst",
        "rule": "Regel",
        "article": "Artikel",
        "from": "Van kracht vanaf",
        "since": "vanaf {start}",
        "period": "{start} t/m {last}",
        "effect": "Rechtsgevolg",
        "covers": "Geldt voor",
        "requires": "Vereist",
        "status": "Artikeltekst",
        "degree": "Graad",
        "arts": "Kunstonderwijs?",
        "to": "Overeenkomstige graad in het beoordelende stelsel",
        "basis": "Grondslag",
        "either": "ongeacht",
        "yes": "ja",
        "no": "nee",
        "open": "—",
        "reading": "Lezing",
        "applies": "Geldt voor",
        "when": "Van toepassing wanneer",
        "caveat": "Voorbehoud",
        "covered": "de regel geldt voor de graad",
        "not-covered": "de regel geldt niet voor de graad",
        "awarded-before-in-force": "het diploma werd uitgereikt vóór de inwerkingtreding van de regel",
        "entry-into-force": "de datum van de regel bepaalt of ze al geldt",
        "comparable-row": "een rij van de tabel van overeenkomstige graden noemt haar",
        "recognised-from-accreditation": "de erkenning wordt afgeleid uit de accreditatie",
        "accreditation-implausible": "accreditatie opgegeven vóór de datum waarop ze kon bestaan",
        "register": "het antwoord van een register berust erop",
        "verbatim": "letterlijk",
        "paraphrase": "parafrase",
        "all": "alle graden",
    },
}


def _table(header: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def instruments(rules: RuleSet, lang: str) -> str:
    """The instruments with their dates, publications and sources."""
    say = _WORDS[lang]
    rows = []
    for item in rules.instruments:
        sources = "; ".join(f"[{s.title}]({s.url})" if s.url else s.title for s in item.sources)
        rows.append([
            f"{item.short.in_(lang)} (`{item.id}`): {item.title.in_(lang)}", item.signed,
            long_date(item.in_force, lang), "; ".join(item.publications), sources,
        ])  # fmt: skip
    return _table([say["instrument"], say["signed"], say["in_force"], say["publications"], say["source"]], rows)


def _degree(degree: Degree, lang: str, system: str) -> str:
    # English pages show the codes a user types; the Dutch page the names each system gives its degrees.
    return degree.value if lang == "en" else degree_label(degree, lang, system)


def rule_table(rules: RuleSet, lang: str) -> str:
    """The rules: in-force period (to its last day), coverage, condition, effect, article text status."""
    say = _WORDS[lang]
    rows = []
    for rule in rules.rules:
        start, end = long_date(rule.in_force.valid_from, lang), rule.in_force.valid_until
        if end is None:
            period = say["since"].format(start=start)
        else:
            period = say["period"].format(start=start, last=long_date(end - DAY, lang))
        covers = "; ".join(
            f"{party}: " + ", ".join(_degree(degree, lang, party) for p, degree in rule.covers if p == party)
            for party in rule.parties
            if any(p == party for p, _ in rule.covers)
        )
        requires = ", ".join(rule.requires if lang == "en" else (tr(fact, lang) for fact in rule.requires))
        effect = f"`{rule.effect}`" if lang == "en" else outcome_word(EFFECTS[rule.effect].outcome, lang)
        rows.append([
            f"`{rule.id}`", f"{rule.citation.cited(lang)} ({rule.citation.publication})",
            period, covers, requires, effect, say[rule.text.status],
        ])  # fmt: skip
    header = ["rule", "article", "rule_in_force", "covers", "requires", "effect", "status"]
    return _table([say[key] for key in header], rows)


def comparable_table(rules: RuleSet, lang: str) -> str:
    """The comparable-degree table(s) the rules use, each row with its basis."""
    say = _WORDS[lang]
    seen, rows = set(), []
    for rule in rules.rules:
        for row in rule.comparable:
            key = (row.source, row.degrees, row.arts, row.to)
            if key in seen:
                continue
            seen.add(key)
            arts = {None: say["either"], True: say["yes"], False: say["no"]}[row.arts]
            if lang == "en":
                degrees = ", ".join(f"{d.value} ({degree_label(d, lang)})" for d in row.degrees)
            else:
                degrees = ", ".join(degree_label(d, lang, row.source) for d in row.degrees)
            to = ", ".join(f"{row.target} {_degree(d, lang, row.target)}" for d in row.to)
            rows.append([row.source, degrees, arts, to, row.cited(lang)])
    return _table([say["party"], say["degree"], say["arts"], say["to"], say["basis"]], rows)


def readings(rules: RuleSet, lang: str) -> str:
    """Every reading of the library, with the rules it shapes, when it decides, and its text (with reason)."""
    say = _WORDS[lang]
    rows = []
    for reading in rules.readings:
        about = ", ".join(f"{party} {degree.value}" for party, degree in reading.degrees) or say["all"]
        if reading.register_reasons:
            about += " (" + ", ".join(reading.register_reasons) + ")"
        if reading.before is not None:
            about += f" (< {reading.before.isoformat()})"
        rows.append(
            [f"`{reading.id}`", ", ".join(reading.rules) + f"; {about}", say[reading.when], reading.text.in_(lang)]
        )
    return _table([say["reading"], say["applies"], say["when"], ""], rows)


def caveats(rules: RuleSet, lang: str) -> str:
    say = _WORDS[lang]
    rows = [[f"`{caveat.id}`", caveat.text.in_(lang), caveat.basis] for caveat in rules.caveats]
    return _table([say["caveat"], "", say["basis"]], rows)


def schema() -> str:
    """The rule-file schema, from the table the loader validates against."""
    parts = []
    for table, entries in SCHEMA.items():
        rows = [[f"`{key}`", "required" if required else "optional", text] for key, (required, text) in entries.items()]
        parts.append(f"### `{table}`\n\n" + _table(["key", "", "meaning"], rows))
    vocabulary = [
        f"- effects: {', '.join(f'`{name}`' for name in EFFECTS)}",
        f"- facts a rule may require: {', '.join(f'`{name}`' for name in FACTS)}",
        f"- reading `when`: {', '.join(f'`{name}`' for name in READING_WHEN)}",
        f"- reading `register_reasons`: {', '.join(f'`{name}`' for name in REGISTER_REASONS)}",
        f"- caveat `outcomes`: {', '.join(f'`{name}`' for name in OUTCOME_NAMES)}",
        f"- text `status`: {', '.join(f'`{name}`' for name in TEXT_STATUS)}",
    ]
    return "\n".join(parts) + "\n### Vocabulary the engine understands\n\n" + "\n".join(vocabulary) + "\n"


# --- the timeline figure ---------------------------------------------------------------------------------------------

# The Okabe-Ito palette, told apart with the common colour-vision deficiencies; "undetermined" is grey with a
# hatch and "not applicable" nearly white with a border, so neither depends on hue.
_COLOURS = {
    Outcome.EQUIVALENT: "#009E73",
    Outcome.LEVEL_EQUIVALENT: "#56B4E9",
    Outcome.ADMISSION_EQUIVALENT: "#F0E442",
    Outcome.NOT_RECOGNISED: "#D55E00",
    Outcome.UNDETERMINED: "url(#undetermined)",
    Outcome.NOT_APPLICABLE: "#F4F4F4",
}
_PATTERN = (
    '<defs><pattern id="undetermined" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#BBBBBB"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#777777" stroke-width="2"/></pattern></defs>'
)
_START, _END = date(2003, 1, 1), date(2027, 1, 1)
_FIGURE_TITLE = {
    "en": "Outcome by assessment date, per degree and direction",
    "nl": "Uitkomst per peildatum, per graad en richting",
}


def timeline_svg(rules: RuleSet, others: tuple[tuple[str, str], ...] = (), lang: str = "en") -> str:
    """For each degree and direction, the outcome by assessment date, for a diploma awarded 2003-06-30 whose
    programme was accredited and recognised; ``others`` adds (awarding, target) pairs beyond NL and VL."""
    rows: list[tuple[str, Any]] = []
    for source, target in (("NL", "VL"), ("VL", "NL"), *others):
        for degree in degrees_of(source):
            diploma = Diploma(
                awarded_by=source, degree=degree, awarded_on=date(2003, 6, 30), accredited=True, recognised=True
            )
            rows.append((f"{source} {degree.value} → {target}", timeline(diploma, target=target, rules=rules)))
    left, width, height, top = 250, 600, 22, 40
    span = (_END - _START).days

    def x(day: date) -> float:
        return left + width * (min(max(day, _START), _END) - _START).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" '
        f'height="{top + height * len(rows) + 88}" font-family="sans-serif" font-size="12">',
        f"<title>{_FIGURE_TITLE[lang]}</title>",
        _PATTERN,
    ]
    for index, (label, periods) in enumerate(rows):
        y = top + index * height
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{label}</text>')
        for period in periods:
            end = period.end or _END
            comparable = f" ({', '.join(period.equivalent_to)})" if period.equivalent_to else ""
            parts.append(
                f'<rect x="{x(period.start):.1f}" y="{y + 2}" width="{x(end) - x(period.start):.1f}" '
                f'height="{height - 4}" fill="{_COLOURS[period.outcome]}" stroke="#FFFFFF">'
                f"<title>{period.outcome.value} from {period.start.isoformat()}{comparable}</title></rect>"
            )
    axis = top + height * len(rows) + 4
    for year in range(_START.year, _END.year + 1, 4):
        parts.append(f'<text x="{x(date(year, 1, 1)):.1f}" y="{axis + 12}" text-anchor="middle">{year}</text>')
    changes = sorted(
        {day for rule in rules.rules for day in (rule.in_force.valid_from, rule.in_force.valid_until) if day}
    )
    for number, boundary in enumerate(changes):
        parts.append(
            f'<line x1="{x(boundary):.1f}" y1="{top - 4}" x2="{x(boundary):.1f}" y2="{axis}" stroke="#333" '
            f'stroke-dasharray="3,3"/><text x="{x(boundary):.1f}" y="{top - 8 - 11 * (number % 2)}" '
            f'text-anchor="middle">{boundary.isoformat()}</text>'
        )
    legend_y, legend_x = axis + 32, 20
    for outcome, colour in _COLOURS.items():
        label = outcome.value if lang == "en" else outcome_word(outcome, lang)
        if legend_x + 16 + 7 * len(label) > left + width:  # the next entry on a line of its own
            legend_x, legend_y = 20, legend_y + 18
        parts.append(f'<rect x="{legend_x}" y="{legend_y}" width="12" height="12" fill="{colour}" stroke="#999"/>')
        word = outcome.value if lang == "en" else outcome_word(outcome, lang)
        parts.append(f'<text x="{legend_x + 16}" y="{legend_y + 11}">{word}</text>')
        legend_x += 16 + 7 * len(word) + 24
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


OTHER_DIRECTIONS = (("LU", "NL"), ("BE-FR", "VL"), ("EE", "NL"))


def write_all() -> None:
    """Write every generated file into docs/_generated/."""
    rules = RuleSet.load("all")
    GENERATED.mkdir(exist_ok=True)
    files = {
        "schema.md": schema(),
        "timeline.svg": timeline_svg(RuleSet.load()),
        "timeline-all.svg": timeline_svg(rules, OTHER_DIRECTIONS),
        "timeline-all.nl.svg": timeline_svg(rules, OTHER_DIRECTIONS, "nl"),
    }
    for lang in ("en", "nl"):
        files[f"instruments.{lang}.md"] = instruments(rules, lang)
        files[f"rules.{lang}.md"] = rule_table(rules, lang)
        files[f"comparable.{lang}.md"] = comparable_table(rules, lang)
        files[f"readings.{lang}.md"] = readings(rules, lang)
        files[f"caveats.{lang}.md"] = caveats(rules, lang)
    for name, content in files.items():
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", lambda app: write_all())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
