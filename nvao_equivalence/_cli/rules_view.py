"""Rules shown to people and machines: the rows of ``rules list`` and the full text of ``rules show``."""

from __future__ import annotations

from typing import Any

from nvao_equivalence._rulebook.model import Rule
from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["rule_dict", "rule_rows", "rule_text"]


def _until(rule: Rule) -> str:
    return rule.in_force.valid_until.isoformat() if rule.in_force.valid_until else "-"


def rule_rows(rules: RuleSet) -> list[tuple[str, ...]]:
    """A table: id, in force from, until (exclusive), effect, citation."""
    rows: list[tuple[str, ...]] = [("rule", "in force from", "until (excl.)", "effect", "citation")]
    for rule in rules.rules:
        citation = f"{rule.instrument.short.en}, {rule.article} ({rule.citation.publication})"
        rows.append((rule.id, rule.in_force.valid_from.isoformat(), _until(rule), rule.effect, citation))
    return rows


def rule_dict(rule: Rule, rules: RuleSet) -> dict[str, Any]:
    """Everything about one rule, as plain JSON-serialisable data."""
    return {
        "id": rule.id,
        "instrument": {
            "id": rule.instrument.id,
            "title": {"nl": rule.instrument.title.nl, "en": rule.instrument.title.en},
        },
        "article": rule.article,
        "in_force": {
            "from": rule.in_force.valid_from.isoformat(),
            "until": _until(rule) if rule.in_force.valid_until else None,
        },
        "parties": list(rule.parties),
        "covers": [f"{party} {degree.value}" for party, degree in rule.covers],
        "requires": list(rule.requires),
        "effect": rule.effect,
        "comparable": [
            {
                "from": row.source,
                "degrees": [degree.value for degree in row.degrees],
                "arts": row.arts,
                "to": [degree.value for degree in row.to],
                "basis": row.basis,
            }
            for row in rule.comparable
        ],
        "citation": rule.citation.to_dict(),
        "text": {
            "lang": rule.text.lang,
            "status": rule.text.status,
            "source": rule.text.source,
            "body": rule.text.body,
        },
        "summary": {"nl": rule.summary.nl, "en": rule.summary.en},
        "caveats": [
            {"id": caveat, "nl": rules.caveat(caveat).text.nl, "en": rules.caveat(caveat).text.en}
            for caveat in rule.caveats
        ],
        "readings": [
            {"id": reading.id, "when": reading.when, "nl": reading.text.nl, "en": reading.text.en}
            for reading in rules.readings
            if rule.id in reading.rules
        ],
        "file": rule.path,
    }


def rule_text(rule: Rule, rules: RuleSet) -> str:
    """One rule in full, for reading: article text with its status, caveats and readings in both languages."""
    data = rule_dict(rule, rules)
    lines = [
        f"{rule.id}: {rule.instrument.short.en} / {rule.instrument.short.nl}, {rule.article}",
        f"Instrument: {rule.instrument.title.en}",
        f"            {rule.instrument.title.nl}",
        f"Publication: {rule.citation.publication}; source: {rule.citation.url or '-'}",
        f"In force (assessment date): from {data['in_force']['from']} "
        + (f"until {_until(rule)} (exclusive)" if rule.in_force.valid_until else "with no end date"),
        f"Parties: {', '.join(rule.parties)}",
        f"Covers: {', '.join(data['covers'])}",
        f"Requires: {', '.join(rule.requires) or '-'}",
        f"Effect: {rule.effect}",
        "Comparable degrees:",
    ]
    for row in rule.comparable:
        arts = {None: "", True: " (arts)", False: " (not arts)"}[row.arts]
        lines.append(f"  {row.source} {', '.join(row.degrees)}{arts} -> {', '.join(row.to)}  [{row.basis}]")
    lines += [
        f"Summary (paraphrase, en): {rule.summary.en}",
        f"Samenvatting (parafrase, nl): {rule.summary.nl}",
        f"Article text ({rule.text.status}, {rule.text.lang}); source: {rule.text.source}",
        *(f"  {line}" for line in rule.text.body.splitlines()),
        "Caveats / voorbehouden:",
    ]
    for caveat in data["caveats"]:
        lines += [f"  - [{caveat['id']}] en: {caveat['en']}", f"    nl: {caveat['nl']}"]
    lines.append("The library's readings / eigen lezingen:")
    for reading in data["readings"]:
        lines += [f"  - [{reading['id']}] ({reading['when']}) en: {reading['en']}", f"    nl: {reading['nl']}"]
    lines.append(f"Rule file: {rule.path}")
    return "\n".join(lines)
