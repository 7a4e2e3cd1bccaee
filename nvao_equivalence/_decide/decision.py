"""The result of an assessment: a frozen, auditable :class:`Decision`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._case.outcome import Outcome
from nvao_equivalence._decide.verdict import Finding, Verdict
from nvao_equivalence._vocabulary.degrees import Degree

if TYPE_CHECKING:
    from nvao_equivalence._registers.records import RegisterAnswer
    from nvao_equivalence._rulebook.model import Citation
    from nvao_equivalence._rulebook.ruleset import RuleSet

__all__ = ["DECISION_FORMAT", "Decision"]

DECISION_FORMAT = "nvao-equivalence/decision/1"


@attrs.frozen(repr=False, init=False)
class Decision:
    """Whether a diploma is recognised in the target system on the assessment date, and why.

    ``outcome`` is an :class:`Outcome`. ``equivalent_to`` lists the comparable
    degrees in the target system (empty unless the outcome is equivalent,
    admission-equivalent, or level-equivalent beside a rule that names
    degrees, such as R2003). ``equivalent_level`` is the EQF level (5 to 8) at
    which a rule of level recognition granted the diploma, else ``None``.
    ``instruments`` names the instruments consulted: those with a rule between
    the two jurisdictions. ``rules`` are the ids of the rules that decided,
    ``citations`` their legal basis, ``caveats`` the ids of the limits the
    decision carries, ``readings`` the ids of the library's own readings of the
    law that it relied on, and ``missing`` the facts whose absence left it
    undetermined. ``reason`` is a short code for why: ``same-jurisdiction``,
    ``not-a-party``, ``no-rule-in-force``, ``not-covered``,
    ``condition-unmet``, ``unknown-fact`` or ``granted``. ``version`` and
    ``digest`` identify the rule data. ``register`` holds what an
    accreditation register said, when one decided accreditation.
    """

    diploma: Diploma
    target: str
    on: date
    verdict: Verdict
    register: RegisterAnswer | None = None

    def __init__(
        self, diploma: Diploma, target: str, on: date, verdict: Verdict, register: RegisterAnswer | None = None
    ) -> None:
        # Written by hand, with the same signature as the one attrs would generate: a decision is built on every
        # check, and setting the frozen slots through their descriptors costs less than attrs' object.__setattr__
        # calls. The engine has checked every value already; attrs.evolve and attrs.fields work as before.
        _set_diploma(self, diploma)
        _set_target(self, target)
        _set_on(self, on)
        _set_verdict(self, verdict)
        _set_register(self, register)

    @property
    def outcome(self) -> Outcome:
        return self.verdict.outcome

    @property
    def equivalent_to(self) -> tuple[Degree, ...]:
        return self.verdict.equivalent_to

    @property
    def equivalent_level(self) -> int | None:
        return self.verdict.equivalent_level

    @property
    def rules(self) -> tuple[str, ...]:
        return self.verdict.rules

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self.verdict.citations

    @property
    def caveats(self) -> tuple[str, ...]:
        own = self.verdict.caveats
        register = self._register_readings()
        if not register:
            return own
        extra = [caveat.id for caveat in self.ruleset.caveats if set(caveat.with_readings) & set(register)]
        return tuple(dict.fromkeys((*own, *extra)))

    @property
    def missing(self) -> tuple[str, ...]:
        return self.verdict.missing

    @property
    def readings(self) -> tuple[str, ...]:
        register = self._register_readings()
        return tuple(dict.fromkeys((*self.verdict.readings, *register))) if register else self.verdict.readings

    def _register_readings(self) -> tuple[str, ...]:
        """The readings the register's answer relied on (an answer that cannot prove "no" is unknown)."""
        if self.register is None:
            return ()
        reason = self.register.reason
        return tuple(
            reading.id
            for reading in self.ruleset.readings
            if reading.when == "register" and reason in reading.register_reasons
        )

    @property
    def reason(self) -> str:
        return self.verdict.reason

    @property
    def instruments(self) -> tuple[str, ...]:
        return self.verdict.instruments

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.verdict.findings

    @property
    def version(self) -> str:
        return self.verdict.version

    @property
    def suggested_packs(self) -> tuple[str, ...]:
        """For a "not applicable" decision: the bundled rule packs, not loaded, that would decide the case
        (``RuleSet.load("nvao", *decision.suggested_packs)``); empty otherwise."""
        return self.verdict.packs

    @property
    def digest(self) -> str:
        return self.verdict.digest

    @property
    def ruleset(self) -> RuleSet:
        return self.verdict.ruleset

    def __repr__(self) -> str:
        return (
            f"Decision(outcome={self.outcome!r}, equivalent_to={self.equivalent_to!r}, rules={self.rules!r}, "
            f"target={self.target!r}, on={self.on!r}, diploma={self.diploma!r})"
        )

    def explain(self, lang: str = "en") -> str:
        """A readable account in ``lang`` (``"en"`` or ``"nl"``): outcome, legal basis, facts, caveats."""
        from nvao_equivalence._decide.explain import explain

        return explain(self, _language(lang))

    def summary(self, lang: str = "en") -> str:
        """The account on one line, for a table cell: outcome, comparable degrees, rules, why, where to go."""
        lang = _language(lang)
        cached = self.verdict.summaries.get(lang) if self.register is None else None
        if cached is None:
            from nvao_equivalence._decide.explain import summary

            cached = summary(self, lang)
            if self.register is None:
                self.verdict.summaries[lang] = cached
        return cached

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable data, marked ``"format": "nvao-equivalence/decision/1"``."""
        rules = self.ruleset
        return {
            "format": DECISION_FORMAT,
            "outcome": self.outcome.value,
            "reason": self.reason,
            "equivalent_to": [degree.value for degree in self.equivalent_to],
            "equivalent_level": self.equivalent_level,
            "instruments": list(self.instruments),
            "rules": list(self.rules),
            "missing": list(self.missing),
            "on": self.on.isoformat(),
            "target": self.target,
            "diploma": _diploma_dict(self.diploma),
            "citations": [citation.to_dict() for citation in self.citations],
            "caveats": [_texted(rules.caveat(caveat_id)) for caveat_id in self.caveats],
            "readings": [_texted(rules.reading(reading_id)) for reading_id in self.readings],
            "findings": [finding.to_dict() for finding in self.findings],
            "register": self.register.to_dict() if self.register is not None else None,
            "suggested_packs": list(self.suggested_packs),
            "ruleset": {"version": self.version, "digest": self.digest},
        }


# The frozen slots' own setters (member descriptors), which a frozen class's __setattr__ does not stand in front of.
_set_diploma = Decision.__dict__["diploma"].__set__
_set_target = Decision.__dict__["target"].__set__
_set_on = Decision.__dict__["on"].__set__
_set_verdict = Decision.__dict__["verdict"].__set__
_set_register = Decision.__dict__["register"].__set__


def _texted(item: Any) -> dict[str, Any]:
    return {"id": item.id, "text": {"nl": item.text.nl, "en": item.text.en}}


def _diploma_dict(diploma: Diploma) -> dict[str, Any]:
    return {
        "awarded_by": diploma.awarded_by,
        "degree": diploma.degree.value,
        "awarded_on": diploma.awarded_on.isoformat(),
        "accredited": diploma.accredited,
        "recognised": diploma.recognised,
        "arts": diploma.arts,
        "accreditations": [
            {
                "valid_from": period.valid_from.isoformat(),
                "valid_until": period.valid_until.isoformat() if period.valid_until else None,
            }
            for period in diploma.accreditations
        ],
        "programme": diploma.programme,
        "institution": diploma.institution,
    }


def _language(lang: object) -> str:
    """``lang`` as plain text for the explanation to check; any other type is the caller's error here."""
    if type(lang) is str:
        return lang
    if isinstance(lang, str):  # a subclass, perhaps not hashable: the text it holds
        return str.__str__(lang)
    from nvao_equivalence.exceptions import InvalidInputError

    raise InvalidInputError(f"lang: {lang!r} is not supported; valid: en, nl")
