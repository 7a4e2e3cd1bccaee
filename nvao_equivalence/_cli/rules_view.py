"""Rules shown to people and machines: the rows of ``rules list`` and the full text of ``rules show``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nvao_equivalence._decide.explain import instrument_named
from nvao_equivalence._language.catalogue import N_, long_date, tr
from nvao_equivalence._rulebook.model import Rule
from nvao_equivalence._rulebook.ruleset import RuleSet, _bundled_packs, _load_packs

__all__ = ["find_rule", "no_such_rule", "rule_dict", "rule_rows", "rule_text"]


def _until(rule: Rule) -> str:
    return rule.in_force.valid_until.isoformat() if rule.in_force.valid_until else "-"


def _last_day(rule: Rule, lang: str) -> str:
    end = rule.in_force.valid_until
    return long_date(end - timedelta(days=1), lang) if end else "-"


def find_rule(rules: RuleSet, rule_id: str) -> Rule | None:
    """The rule whose id is ``rule_id`` in any case (``r2014`` is ``R2014``), or ``None``."""
    wanted = rule_id.strip().casefold()
    return next((rule for rule in rules.rules if rule.id.casefold() == wanted), None)


def no_such_rule(rules: RuleSet, rule_id: str, lang: str) -> str:
    """Why ``rule_id`` is not shown: the ids there are, and the bundled pack that has it if one does."""
    valid = ", ".join(rule.id for rule in rules.rules)
    for pack in _bundled_packs():
        if pack not in rules.packs and find_rule(_load_packs((pack,)), rule_id) is not None:
            template = N_("no rule {rule_id!r} in the rule packs loaded; it is in the pack {pack}: add --rules {pack}")
            return tr(template, lang).format(rule_id=rule_id, pack=pack)
    return tr(N_("no rule {rule_id!r}; valid: {valid}"), lang).format(rule_id=rule_id, valid=valid)


def rule_rows(rules: RuleSet, lang: str = "en") -> list[tuple[str, ...]]:
    """A table: id, in force from, up to and including, effect, citation."""
    rows: list[tuple[str, ...]] = [
        (
            tr(N_("rule"), lang),
            tr(N_("in force from"), lang),
            tr(N_("up to and including"), lang),
            tr(N_("effect"), lang),
            tr(N_("citation"), lang),
        )
    ]
    for rule in rules.rules:
        instrument = instrument_named(rule.instrument.id, rules, lang)
        citation = f"{rule.citation.cited(lang)}, {instrument} ({rule.citation.publication})"
        start = long_date(rule.in_force.valid_from, lang)
        rows.append((rule.id, start, _last_day(rule, lang), tr(_EFFECTS.get(rule.effect, rule.effect), lang), citation))
    return rows


_EFFECTS = {
    # Translators: what a rule grants, as the rules table names it.
    "equivalent": N_("equivalent"),
    "level-equivalent": N_("level-equivalent"),
    "admission-equivalent": N_("admission-equivalent"),
}


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
        f"{rule.id}: {rule.citation.cited('en')}, {instrument_named(rule.instrument.id, rules, 'en')} / "
        f"{rule.citation.cited('nl')}, {instrument_named(rule.instrument.id, rules, 'nl')}",
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
