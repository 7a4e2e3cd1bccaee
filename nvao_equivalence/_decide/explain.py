"""Readable accounts of a decision, in English or Dutch.

Wording only: everything said here is read from the decision and its verdict (the engine has already worked out
what each unknown fact would change); nothing is decided again.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from nvao_equivalence._case.outcome import Outcome, outcome_word
from nvao_equivalence._language.catalogue import N_, SOURCE_LANGUAGE, Phrases, languages, long_date, supported
from nvao_equivalence._vocabulary.degrees import Degree, degree_label, degree_named
from nvao_equivalence._vocabulary.jurisdictions import jurisdiction_label, jurisdiction_place

if TYPE_CHECKING:
    from nvao_equivalence._case.diploma import Diploma
    from nvao_equivalence._decide.verdict import Finding, Verdict
    from nvao_equivalence._registers.records import RegisterAnswer
    from nvao_equivalence._rulebook.model import Citation, Rule
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["LANGS", "Decided", "explain", "instrument_named", "summary"]


#: The languages of the bundled catalogues (a translator may add one: see :func:`languages`).
LANGS = ("en", "nl")


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


# The words of an account, in English, the catalogues' source language: each is looked up in the reader's language.
_PHRASES: dict[object, str] = {
    "outcome": N_("Outcome: {code} ({described})"),
    "outcome:plain": N_("Outcome: {described}"),
    Outcome.EQUIVALENT: N_("equivalent"),
    Outcome.LEVEL_EQUIVALENT: N_("recognised at the level of the degree"),
    Outcome.ADMISSION_EQUIVALENT: N_("equivalent for admission to further study"),
    Outcome.NOT_RECOGNISED: N_("not recognised under these rules"),
    Outcome.UNDETERMINED: N_("undetermined: a fact that decides it is unknown"),
    Outcome.NOT_APPLICABLE: N_("not applicable"),
    "diploma": N_("Diploma: {degree}, awarded by {source} on {awarded_on}"),
    "accredited": N_("accredited (or new programme assessed positively) on the award date: {value}"),
    "arts": N_("arts education (kunstonderwijs): {value}"),
    "arts:unstated": N_("not stated (read as not arts education)"),
    "recognised": N_("institution and programme recognised under the awarding party's law: {value}"),
    "recognised:doctorate": N_("conferred by an institution entitled to confer doctorates: {value}"),
    "recognised:derived": N_("yes, derived from accreditation ({readings})"),
    "status:verbatim": N_("verbatim"),
    "status:paraphrase": N_("the library's paraphrase"),
    "assessment": N_("Assessment: in {target}, on {on}"),
    "register": N_("Register: {note}"),
    "yes": N_("yes"),
    "no": N_("no"),
    "unknown": N_("unknown"),
    "equivalent_to": N_("Comparable degree in {target}: {degrees} ({basis})"),
    "basis": N_("Legal basis: rule {rule}, {article}, {instrument} ({publication}), in force from {start}{until}"),
    # Translators: a rule in force that granted nothing, when another rule granted; as "Legal basis" otherwise.
    "considered": N_("Considered: rule {rule}, {article}, {instrument} ({publication}), in force from {start}{until}"),
    # Translators: {end} is the first day the rule is no longer in force, {last} the last day it is.
    "until": N_(" until {end} (exclusive)"),
    # Translators: {amended} and {amending} are instruments' short names; the amending one bundled is a protocol.
    "as-amended": N_("{amended} as amended by the {amending}"),
    "summary": N_("  In short (the library's paraphrase): {text}"),
    "text_status": N_("  Article text in the rule data: {status}; source: {source}"),
    "same-jurisdiction": N_(
        "The diploma is assessed in its own system ({target}); these rules concern the other party's diplomas. "
        "No recognition is needed: admission follows that system's own law."
    ),
    "not-a-party": N_("No rule in this rule set applies between {source} and {target} (parties: {parties})."),
    "packs": N_(
        "The opt-in rule pack {packs} would decide this case: RuleSet.load({args}), or on the command line {cli}."
    ),
    "no-rule-in-force": N_(
        "No rule between {source} and {target} was in force on the assessment date; the first came into force on "
        "{first}."
    ),
    # Translators: {source} is the awarding system's code (NL, VL); {awarded} says where the diploma was awarded as a
    # sentence does ("in the Netherlands"): use the one your language reads best.
    "not-covered": N_("Rule {rule} does not cover this degree ({degree}) from {source}."),
    "finding:unmet": N_("Rule {rule} requires {facts}, which the diploma does not meet."),
    "finding:unknown": N_("Rule {rule} requires {facts}, which is not known."),
    "alternatives": N_("With {fact} = {value} the outcome would be: {outcome}."),
    # Translators: what the outcome would be with each value of a fact that is not known; say it as a sentence.
    ("accredited", True): N_("With accredited = yes the outcome would be: {outcome}."),
    ("accredited", False): N_("With accredited = no the outcome would be: {outcome}."),
    ("recognised", True): N_("With recognised = yes the outcome would be: {outcome}."),
    ("recognised", False): N_("With recognised = no the outcome would be: {outcome}."),
    ("arts", True): N_("With arts = yes the outcome would be: {outcome}."),
    ("arts", False): N_("With arts = no the outcome would be: {outcome}."),
    "referral": N_("Where to go instead: {name} ({url}). {text}"),
    "readings": N_("The library's own reading of the law, applied here:"),
    "caveats": N_("Caveats:"),
    "ruleset": N_("Rule set: {version}; sha256 {digest}"),
    "decided_by": N_("Rule: {rules}."),
    "level": N_("Recognised in {target} at EQF level {level}"),
    "instruments": N_("Instruments consulted: {instruments}"),
    "fact:accredited": N_("accreditation on the award date"),
    "fact:recognised": N_("recognition of institution and programme on the award date"),
    "fact:arts": N_("arts education"),
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
                    degree=degree_label(diploma.degree, lang, diploma.awarded_by),
                    source=jurisdiction_label(diploma.awarded_by, lang),
                    place=jurisdiction_place(diploma.awarded_by).in_(lang),
                    awarded_on=long_date(diploma.awarded_on, lang),
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
        say["assessment"].format(
            target=jurisdiction_label(decision.target, lang),
            place=jurisdiction_place(decision.target).in_(lang),
            on=long_date(decision.on, lang),
        ),
    ]
    if decision.register is not None:
        lines.append(say["register"].format(note=decision.register.note(lang)))
    if decision.equivalent_to:
        degrees = ", ".join(degree_named(degree, lang, decision.target) for degree in decision.equivalent_to)
        lines.append(
            say["equivalent_to"].format(
                target=decision.target, place=_place(decision, lang), degrees=degrees, basis=_basis(decision, lang)
            )
        )
    if decision.equivalent_level is not None:
        lines.append(
            say["level"].format(target=decision.target, place=_place(decision, lang), level=decision.equivalent_level)
        )
    lines.extend(_why(decision, lang))
    granted = decision.outcome in (Outcome.EQUIVALENT, Outcome.LEVEL_EQUIVALENT, Outcome.ADMISSION_EQUIVALENT)
    for finding in decision.findings:
        lines.extend(_legal_basis(finding.rule, rules, lang, considered=granted and finding.status != "granted"))
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
    described = say[decision.outcome]
    parts = [described[0].upper() + described[1:] + "."]
    if decision.equivalent_to:
        degrees = ", ".join(
            degree.value if lang == SOURCE_LANGUAGE else degree_label(degree, lang, decision.target)
            for degree in decision.equivalent_to
        )
        basis, place = _basis(decision, lang), _place(decision, lang)
        parts.append(
            say["equivalent_to"].format(target=decision.target, place=place, degrees=degrees, basis=basis) + "."
        )
    if decision.equivalent_level is not None:
        place = _place(decision, lang)
        parts.append(say["level"].format(target=decision.target, place=place, level=decision.equivalent_level) + ".")
    if decision.citations:
        cited = "; ".join(
            f"{rule_id}, {citation.cited(lang)}, "
            f"{instrument_named(citation.instrument, decision.ruleset, lang)} ({citation.publication})"
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


def _phrases(lang: str) -> Phrases:
    if not supported(lang):
        from nvao_equivalence._language.message import Message, field
        from nvao_equivalence.exceptions import InvalidInputError

        raise InvalidInputError(
            Message(
                N_("{field}: {value!r} is not supported; valid: {valid}"),
                field=field("lang"),
                value=lang,
                valid=", ".join(languages()),
            )
        )
    return Phrases(_PHRASES, lang)


def _place(decision: Decided, lang: str) -> str:
    return jurisdiction_place(decision.target).in_(lang)


def _basis(decision: Decided, lang: str) -> str:
    return "; ".join(sorted({f.row.cited(lang) for f in decision.findings if f.status == "granted" and f.row}))


def _recognised_value(decision: Decided, lang: str) -> str:
    say, stated = Phrases(_PHRASES, lang), decision.diploma.recognised
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
    say, diploma, rules = Phrases(_PHRASES, lang), decision.diploma, decision.ruleset
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
        return [say["no-rule-in-force"].format(source=source, target=target, first=long_date(first, lang))]
    lines = []
    for finding in decision.findings:
        if finding.status == "not-covered":
            label = degree_label(diploma.degree, lang, diploma.awarded_by)
            awarded = jurisdiction_place(diploma.awarded_by).in_(lang)
            lines.append(
                say["not-covered"].format(
                    rule=finding.rule.id, degree=label, awarded=awarded, source=diploma.awarded_by
                )
            )
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
    return Phrases(_PHRASES, lang)["referral"].format(
        name=referral.name, url=referral.url, text=referral.text.in_(lang)
    )


def _outcome_line(decision: Decided, lang: str) -> str:
    say = Phrases(_PHRASES, lang)
    described = say[decision.outcome]
    if described == decision.outcome.value:
        return say["outcome:plain"].format(described=described, code=decision.outcome.value)
    return say["outcome"].format(described=described, code=decision.outcome.value)


def _facts(facts: tuple[str, ...], lang: str) -> str:
    say = Phrases(_PHRASES, lang)
    return ", ".join(say[f"fact:{fact}"] if f"fact:{fact}" in _PHRASES else fact for fact in facts)


def instrument_named(identifier: str, rules: RuleSet, lang: str) -> str:
    """An instrument's short name; an amending one's (a protocol's) articles are cited as the amended instrument's."""
    instrument = next(item for item in rules.instruments if item.id == identifier)
    if instrument.amends is None:
        return instrument.short.in_(lang)
    amended = instrument_named(instrument.amends, rules, lang)
    return Phrases(_PHRASES, lang)["as-amended"].format(amended=amended, amending=instrument.short.in_(lang))


def _legal_basis(rule: Rule, rules: RuleSet, lang: str, *, considered: bool = False) -> list[str]:
    say = Phrases(_PHRASES, lang)
    until, end = "", rule.in_force.valid_until
    if end is not None:
        until = say["until"].format(end=long_date(end, lang), last=long_date(end - timedelta(days=1), lang))
    return [
        say["considered" if considered else "basis"].format(
            rule=rule.id,
            article=rule.citation.cited(lang),
            instrument=instrument_named(rule.instrument.id, rules, lang),
            publication=rule.citation.publication,
            start=long_date(rule.in_force.valid_from, lang),
            until=until,
        ),
        say["summary"].format(text=rule.summary.in_(lang)),
        say["text_status"].format(status=say[f"status:{rule.text.status}"], source=rule.text.source),
    ]


def _alternatives(decision: Decided, lang: str) -> list[str]:
    """For an undetermined decision: what each value of the missing fact would give (the engine's verdict)."""
    say = Phrases(_PHRASES, lang)
    lines = []
    for fact, value, outcome in decision.verdict.alternatives:
        if (fact, value) in _PHRASES:
            lines.append(say[(fact, value)].format(outcome=outcome_word(outcome, lang)))
        else:
            lines.append(
                say["alternatives"].format(fact=fact, value=say["yes" if value else "no"], outcome=outcome.value)
            )
    return lines
