"""Readable accounts of a decision, in English or Dutch.

Wording only: everything said here is read from the decision and its verdict (the engine has already worked out
what each unknown fact would change); nothing is decided again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from nvao_equivalence._case.outcome import Outcome
from nvao_equivalence._vocabulary.degrees import Degree, degree_label
from nvao_equivalence._vocabulary.jurisdictions import jurisdiction_label

if TYPE_CHECKING:
    from nvao_equivalence._case.diploma import Diploma
    from nvao_equivalence._decide.verdict import Finding, Verdict
    from nvao_equivalence._registers.records import RegisterAnswer
    from nvao_equivalence._rulebook.model import Citation, Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["Decided", "explain", "summary"]


class Decided(Protocol):
    """What an account reads of a decision (a ``Decision`` has all of it); typed here so that the wording does
    not depend on the module that calls it."""

    @property
    def diploma(self) -> Diploma: ...
    @property
    def target(self) -> str: ...
    @property
    def on(self) -> date: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def register(self) -> RegisterAnswer | None: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def equivalent_to(self) -> tuple[Degree, ...]: ...
    @property
    def equivalent_level(self) -> int | None: ...
    @property
    def rules(self) -> tuple[str, ...]: ...
    @property
    def citations(self) -> tuple[Citation, ...]: ...
    @property
    def caveats(self) -> tuple[str, ...]: ...
    @property
    def missing(self) -> tuple[str, ...]: ...
    @property
    def readings(self) -> tuple[str, ...]: ...
    @property
    def reason(self) -> str: ...
    @property
    def instruments(self) -> tuple[str, ...]: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def version(self) -> str: ...
    @property
    def digest(self) -> str: ...
    @property
    def ruleset(self) -> RuleSet: ...
    @property
    def suggested_packs(self) -> tuple[str, ...]: ...


LANGS = ("en", "nl")

_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "outcome": "Outcome",
        Outcome.EQUIVALENT: "equivalent",
        Outcome.LEVEL_EQUIVALENT: "recognised at the level of the degree",
        Outcome.ADMISSION_EQUIVALENT: "equivalent for admission to further study",
        Outcome.NOT_RECOGNISED: "not recognised under these rules",
        Outcome.UNDETERMINED: "undetermined: a fact that decides it is unknown",
        Outcome.NOT_APPLICABLE: "not applicable",
        "diploma": "Diploma: {degree}, awarded by {source} on {awarded_on}",
        "accredited": "accredited (or new programme assessed positively) on the award date: {value}",
        "arts": "arts education (kunstonderwijs): {value}",
        "arts:unstated": "not stated (read as not arts education)",
        "recognised": "institution and programme recognised under the awarding party's law: {value}",
        "recognised:doctorate": "conferred by an institution entitled to confer doctorates: {value}",
        "recognised:derived": "yes, derived from accreditation ({readings})",
        "status:verbatim": "verbatim",
        "status:paraphrase": "the library's paraphrase",
        "assessment": "Assessment: in {target}, on {on}",
        "register": "Register: {note}",
        "yes": "yes",
        "no": "no",
        "unknown": "unknown",
        "equivalent_to": "Comparable degree in {target}: {degrees} ({basis})",
        "basis": "Legal basis: rule {rule}, {article}, {instrument} ({publication}), in force from {start}{until}",
        "until": " until {end} (exclusive)",
        "summary": "  In short (the library's paraphrase): {text}",
        "text_status": "  Article text in the rule data: {status}; source: {source}",
        "same-jurisdiction": (
            "The diploma is assessed in its own system ({target}); these rules concern the other party's diplomas. "
            "No recognition is needed: admission follows that system's own law."
        ),
        "not-a-party": "No rule in this rule set applies between {source} and {target} (parties: {parties}).",
        "packs": (
            "The opt-in rule pack {packs} would decide this case: RuleSet.load({args}), or on the command line {cli}."
        ),
        "no-rule-in-force": (
            "No rule between {source} and {target} was in force on the assessment date; the first came into force on "
            "{first}."
        ),
        "not-covered": "Rule {rule} does not cover this degree ({degree}) from {source}.",
        "finding:unmet": "Rule {rule} requires {facts}, which the diploma does not meet.",
        "finding:unknown": "Rule {rule} requires {facts}, which is not known.",
        "alternatives": "With {fact} = {value} the outcome would be: {outcome}.",
        "referral": "Where to go instead: {name} ({url}). {text}",
        "readings": "The library's own reading of the law, applied here:",
        "caveats": "Caveats:",
        "ruleset": "Rule set: {version}; sha256 {digest}",
        "decided_by": "Rule: {rules}.",
        "level": "Recognised in {target} at EQF level {level}",
        "instruments": "Instruments consulted: {instruments}",
        "fact:accredited": "accreditation on the award date",
        "fact:recognised": "recognition of institution and programme on the award date",
    },
    "nl": {
        "outcome": "Uitkomst",
        Outcome.EQUIVALENT: "gelijkwaardig",
        Outcome.LEVEL_EQUIVALENT: "erkend op het niveau van de graad",
        Outcome.ADMISSION_EQUIVALENT: "gelijkwaardig voor de toelating tot een vervolgopleiding",
        Outcome.NOT_RECOGNISED: "niet erkend op grond van deze regels",
        Outcome.UNDETERMINED: "onbepaald: een feit dat de uitkomst bepaalt, is onbekend",
        Outcome.NOT_APPLICABLE: "niet van toepassing",
        "diploma": "Diploma: {degree}, uitgereikt door {source} op {awarded_on}",
        "accredited": "geaccrediteerd (of toets nieuwe opleiding positief) op de datum van uitreiking: {value}",
        "arts": "kunstonderwijs: {value}",
        "arts:unstated": "niet opgegeven (gelezen als geen kunstonderwijs)",
        "recognised": "instelling en opleiding erkend naar het recht van de uitreikende partij: {value}",
        "recognised:doctorate": "verleend door een instelling die het doctoraat mag verlenen: {value}",
        "recognised:derived": "ja, afgeleid uit de accreditatie ({readings})",
        "status:verbatim": "letterlijk",
        "status:paraphrase": "parafrase door de bibliotheek",
        "assessment": "Beoordeling: in {target}, op peildatum {on}",
        "register": "Register: {note}",
        "yes": "ja",
        "no": "nee",
        "unknown": "onbekend",
        "equivalent_to": "Overeenkomstige graad in {target}: {degrees} ({basis})",
        "basis": "Rechtsgrond: regel {rule}, {article}, {instrument} ({publication}), van kracht vanaf {start}{until}",
        "until": " tot {end} (niet inbegrepen)",
        "summary": "  Kort (parafrase van de bibliotheek): {text}",
        "text_status": "  Artikeltekst in de regelgegevens: {status}; bron: {source}",
        "same-jurisdiction": (
            "Het diploma wordt in zijn eigen stelsel beoordeeld ({target}); "
            "deze regels gaan over diploma's van de andere partij. "
            "Een erkenning is niet nodig: de toelating volgt het eigen recht van dat stelsel."
        ),
        "not-a-party": "Geen regel in deze regelset geldt tussen {source} en {target} (partijen: {parties}).",
        "packs": (
            "De aanvullende regelset {packs} zou over dit geval beslissen: RuleSet.load({args}), "
            "of op de opdrachtregel {cli}."
        ),
        "no-rule-in-force": (
            "Op de peildatum was geen regel tussen {source} en {target} van kracht; de eerste trad in werking op "
            "{first}."
        ),
        "not-covered": "Regel {rule} geldt niet voor deze graad ({degree}) uit {source}.",
        "finding:unmet": "Regel {rule} vereist {facts}; het diploma voldoet daar niet aan.",
        "finding:unknown": "Regel {rule} vereist {facts}; dat is niet bekend.",
        "alternatives": "Met {fact} = {value} zou de uitkomst zijn: {outcome}.",
        "referral": "Waar u terechtkunt: {name} ({url}). {text}",
        "readings": "Eigen lezing van de wet door de bibliotheek, hier toegepast:",
        "caveats": "Voorbehouden:",
        "ruleset": "Regelset: {version}; sha256 {digest}",
        "decided_by": "Regel: {rules}.",
        "level": "Erkend in {target} op EQF-niveau {level}",
        "instruments": "Geraadpleegde instrumenten: {instruments}",
        "fact:accredited": "accreditatie op de datum van uitreiking",
        "fact:recognised": "erkenning van instelling en opleiding op de datum van uitreiking",
    },
}


def explain(decision: Decided, lang: str) -> str:
    """The account of ``decision`` in ``lang``; see :meth:`Decision.explain`."""
    say = _phrases(lang)
    diploma, rules = decision.diploma, decision.ruleset

    def flag(value: bool | None) -> str:
        return say["unknown"] if value is None else say["yes" if value else "no"]

    lines = [
        _outcome_line(decision, lang),
        "; ".join(
            (
                say["diploma"].format(
                    degree=degree_label(diploma.degree, lang),
                    source=jurisdiction_label(diploma.awarded_by, lang),
                    awarded_on=diploma.awarded_on,
                ),
                say["accredited"].format(value=flag(diploma.accredited)),
                say["arts"].format(value=say["arts:unstated"] if diploma.arts is None else flag(diploma.arts)),
                *(
                    [say[_recognised_label(diploma)].format(value=_recognised_value(decision, lang))]
                    if diploma.recognised is not None
                    or any("recognised" in f.rule.requires and f.status != "not-covered" for f in decision.findings)
                    else []
                ),
            )
        ),
        say["assessment"].format(target=jurisdiction_label(decision.target, lang), on=decision.on.isoformat()),
    ]
    if decision.register is not None:
        lines.append(say["register"].format(note=decision.register.note(lang)))
    if decision.equivalent_to:
        degrees = ", ".join(f"{degree.value} ({degree_label(degree, lang)})" for degree in decision.equivalent_to)
        lines.append(say["equivalent_to"].format(target=decision.target, degrees=degrees, basis=_basis(decision, lang)))
    if decision.equivalent_level is not None:
        lines.append(say["level"].format(target=decision.target, level=decision.equivalent_level))
    lines.extend(_why(decision, lang))
    for finding in decision.findings:
        lines.extend(_legal_basis(finding.rule, lang))
    referral = _referral(decision, lang)
    if referral:
        lines.append(referral)
    if decision.readings:
        lines.append(say["readings"])
        lines.extend(f"  - [{reading}] {rules.reading(reading).text.in_(lang)}" for reading in decision.readings)
    if decision.caveats:
        lines.append(say["caveats"])
        lines.extend(f"  - {rules.caveat(caveat).text.in_(lang)}" for caveat in decision.caveats)
    if decision.instruments:
        short = {item.id: item.short.in_(lang) for item in rules.instruments}
        names = ", ".join(f"{short[item]} ({item})" for item in decision.instruments)
        lines.append(say["instruments"].format(instruments=names))
    lines.append(say["ruleset"].format(version=decision.version, digest=decision.digest))
    return "\n".join(lines)


def summary(decision: Decided, lang: str) -> str:
    """One line: outcome, comparable degrees, deciding rules, why, where to go; see :meth:`Decision.summary`."""
    say = _phrases(lang)
    parts = [say[decision.outcome][0].upper() + say[decision.outcome][1:] + "."]
    if decision.equivalent_to:
        degrees = ", ".join(decision.equivalent_to)
        basis = _basis(decision, lang)
        parts.append(say["equivalent_to"].format(target=decision.target, degrees=degrees, basis=basis) + ".")
    if decision.equivalent_level is not None:
        parts.append(say["level"].format(target=decision.target, level=decision.equivalent_level) + ".")
    if decision.citations:
        cited = "; ".join(
            f"{rule_id}, {citation.title.in_(lang)}, {citation.cited(lang)} ({citation.publication})"
            for rule_id, citation in zip(decision.rules, decision.citations, strict=True)
        )
        parts.append(say["decided_by"].format(rules=cited))
    parts.extend(_why(decision, lang))
    if decision.register is not None:
        parts.append(say["register"].format(note=decision.register.note(lang)) + ".")
    referral = _referral(decision, lang)
    if referral:
        parts.append(referral)
    return " ".join(parts)


def _phrases(lang: str) -> dict[str, str]:
    if lang not in LANGS:
        from nvao_equivalence.exceptions import InvalidInputError

        raise InvalidInputError(f"lang: {lang!r} is not supported; valid: {', '.join(LANGS)}")
    return _PHRASES[lang]


def _basis(decision: Decided, lang: str) -> str:
    return "; ".join(sorted({f.row.cited(lang) for f in decision.findings if f.status == "granted" and f.row}))


def _recognised_value(decision: Decided, lang: str) -> str:
    say, stated = _PHRASES[lang], decision.diploma.recognised
    if stated is not None:
        return say["yes" if stated else "no"]
    derived = tuple(dict.fromkeys(reading for finding in decision.findings for reading in finding.readings))
    if derived:
        return say["recognised:derived"].format(readings=", ".join(derived))
    return say["unknown"]


def _recognised_label(diploma: Diploma) -> str:
    # For a doctorate, recognition means conferment by an institution entitled to confer it (no programme is
    # accredited): NL WHW art. 7.18(1), VL the universities.
    return "recognised:doctorate" if diploma.degree is Degree.DOCTORATE else "recognised"


def _why(decision: Decided, lang: str) -> list[str]:
    """The sentences that say why the outcome is what it is (none for a plain grant)."""
    say, diploma, rules = _PHRASES[lang], decision.diploma, decision.ruleset
    source = jurisdiction_label(diploma.awarded_by, lang)
    target = jurisdiction_label(decision.target, lang)
    if decision.reason == "same-jurisdiction":
        return [say["same-jurisdiction"].format(target=target)]
    if decision.reason == "not-a-party":
        parties = sorted({party for rule in rules.rules for party in rule.parties})
        lines = [say["not-a-party"].format(source=source, target=target, parties=", ".join(parties))]
        if decision.suggested_packs:
            packs = ", ".join(decision.suggested_packs)
            loaded = decision.ruleset.packs or ("nvao",)
            args = ", ".join(f"'{pack}'" for pack in (*loaded, *decision.suggested_packs))
            cli = " ".join(f"--rules {pack}" for pack in (*loaded, *decision.suggested_packs))
            lines.append(say["packs"].format(packs=packs, args=args, cli=cli))
        return lines
    if decision.reason == "no-rule-in-force":
        first = min(rule.in_force.valid_from for rule in rules.between(diploma.awarded_by, decision.target))
        return [say["no-rule-in-force"].format(source=source, target=target, first=first)]
    lines = []
    for finding in decision.findings:
        if finding.status == "not-covered":
            label = degree_label(diploma.degree, lang)
            lines.append(say["not-covered"].format(rule=finding.rule.id, degree=label, source=diploma.awarded_by))
        elif finding.status in ("unmet", "unknown"):
            facts = _facts(finding.facts, lang)
            lines.append(say[f"finding:{finding.status}"].format(rule=finding.rule.id, facts=facts))
    if decision.outcome is Outcome.UNDETERMINED:
        lines.extend(_alternatives(decision, lang))
    return lines


def _referral(decision: Decided, lang: str) -> str | None:
    # Where the rules grant nothing, or do not apply between the two: the target's recognition body.
    if decision.outcome is not Outcome.NOT_RECOGNISED and decision.reason != "not-a-party":
        return None
    referral = decision.ruleset.referral(decision.target)
    if referral is None:
        return None
    return _PHRASES[lang]["referral"].format(name=referral.name, url=referral.url, text=referral.text.in_(lang))


def _outcome_line(decision: Decided, lang: str) -> str:
    say = _PHRASES[lang]
    described = say[decision.outcome]
    if described == decision.outcome.value:
        return f"{say['outcome']}: {described}"
    return f"{say['outcome']}: {decision.outcome.value} ({described})"


def _facts(facts: tuple[str, ...], lang: str) -> str:
    return ", ".join(_PHRASES[lang].get(f"fact:{fact}", fact) for fact in facts)


def _legal_basis(rule: Rule, lang: str) -> list[str]:
    say = _PHRASES[lang]
    until = ""
    if rule.in_force.valid_until is not None:
        until = say["until"].format(end=rule.in_force.valid_until.isoformat())
    return [
        say["basis"].format(
            rule=rule.id,
            article=rule.citation.cited(lang),
            instrument=rule.instrument.short.in_(lang),
            publication=rule.citation.publication,
            start=rule.in_force.valid_from.isoformat(),
            until=until,
        ),
        say["summary"].format(text=rule.summary.in_(lang)),
        say["text_status"].format(status=say[f"status:{rule.text.status}"], source=rule.text.source),
    ]


def _alternatives(decision: Decided, lang: str) -> list[str]:
    """For an undetermined decision: what each value of the missing fact would give (the engine's verdict)."""
    say = _PHRASES[lang]
    return [
        say["alternatives"].format(fact=fact, value=say["yes" if value else "no"], outcome=outcome.value)
        for fact, value, outcome in decision.verdict.alternatives
    ]
