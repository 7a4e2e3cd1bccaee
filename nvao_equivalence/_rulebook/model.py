"""Rule objects: what a rule file says, once loaded and validated.

Nothing here decides; :mod:`nvao_equivalence._decide.engine` does. These classes
are what a caller inspects through ``RuleSet.rules``.
"""

from __future__ import annotations

from datetime import date

import attrs

from nvao_equivalence._vocabulary.dates import in_period
from nvao_equivalence._vocabulary.degrees import Degree

__all__ = [
    "ArticleText",
    "Caveat",
    "Citation",
    "ComparableRow",
    "InForce",
    "Instrument",
    "Reading",
    "Referral",
    "Rule",
    "Source",
    "Text",
]


@attrs.frozen
class Text:
    """A text in Dutch and English."""

    nl: str
    en: str

    def in_(self, lang: str) -> str:
        """The text in ``lang`` (``"nl"`` or ``"en"``)."""
        return self.nl if lang == "nl" else self.en


@attrs.frozen
class Source:
    """Where a text can be read: a title, and a link when there is one."""

    title: str
    url: str | None = None


@attrs.frozen
class Instrument:
    """A legal instrument: a treaty, a protocol, a decision."""

    id: str
    title: Text
    short: Text
    signed: str
    in_force: date
    parties: tuple[str, ...]
    publications: tuple[str, ...]
    sources: tuple[Source, ...]
    amends: str | None = None


@attrs.frozen
class ArticleText:
    """The text of the article a rule encodes; ``status`` is ``"verbatim"`` or ``"paraphrase"``."""

    lang: str
    status: str
    source: str
    body: str


@attrs.frozen
class Citation:
    """The legal basis of a rule: instrument, article, publication, source link, text status."""

    instrument: str
    title: Text
    article: str
    publication: str
    url: str | None
    text_status: str
    text_source: str
    #: The article as cited in each language, for the text version the rule applies (e.g. "art. 11, eerste lid
    #: (oorspronkelijke tekst)" / "Art. 11(1) (original text)"); defaults to ``article`` in both.
    cite: Text | None = None

    def cited(self, lang: str) -> str:
        """The article as cited in ``lang``."""
        return self.cite.in_(lang) if self.cite is not None else self.article

    def to_dict(self) -> dict[str, object]:
        return {
            "instrument": self.instrument,
            "title": {"nl": self.title.nl, "en": self.title.en},
            "article": self.article,
            "cite": {"nl": self.cited("nl"), "en": self.cited("en")},
            "publication": self.publication,
            "url": self.url,
            "text_status": self.text_status,
            "text_source": self.text_source,
        }


@attrs.frozen
class InForce:
    """The half-open period ``[valid_from, valid_until)`` in which a rule applies to an assessment date."""

    valid_from: date
    valid_until: date | None = None

    def contains(self, day: date) -> bool:
        return in_period(day, self.valid_from, self.valid_until)


@attrs.frozen
class ComparableRow:
    """One row of a comparable-degree table: these degrees of ``source`` compare with ``to`` in ``target``.

    ``arts`` is ``True`` or ``False`` for a row that holds only for arts or
    only for other programmes, ``None`` for both.
    """

    source: str
    target: str
    degrees: tuple[Degree, ...]
    arts: bool | None
    to: tuple[Degree, ...]
    basis: str
    #: ``basis`` as cited in each language; defaults to ``basis`` in both.
    cite: Text | None = None
    #: Caveats and readings a decision carries when this row names its comparable degrees.
    caveats: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    #: For an arts row: the caveat a decision carries when the caller did not say whether the programme is arts
    #: education and this row would widen the comparable degrees.
    if_arts_unstated: str | None = None

    def cited(self, lang: str) -> str:
        """The basis as cited in ``lang``."""
        return self.cite.in_(lang) if self.cite is not None else self.basis

    def matches(self, jurisdiction: str, degree: Degree, arts: bool | None) -> bool:
        """Whether the row is about ``degree`` of ``jurisdiction``; ``arts`` unknown (``None``) reads as not arts."""
        return jurisdiction == self.source and degree in self.degrees and self.arts in (None, bool(arts))


@attrs.frozen
class Reading:
    """The library's own reading where the law is silent, and when it decides an outcome.

    ``when`` is ``"covered"``, ``"not-covered"``, ``"awarded-before-in-force"``
    or ``"entry-into-force"`` (the rule's date decided that it applies, or
    that it does not yet), ``"comparable-row"`` (a row of a comparable-degree
    table that names it decided), ``"recognised-from-accreditation"`` (the
    rule's condition of recognition was derived from accreditation),
    ``"accreditation-implausible"`` (accreditation was stated for an award date
    before it could exist) or ``"register"`` (a register's answer relied on it;
    ``register_reasons`` names the answers); ``degrees`` limits it to some
    degrees of some jurisdictions (empty: all). ``before`` is a date before
    which the reading applies (for ``"accreditation-implausible"``).
    """

    id: str
    rules: tuple[str, ...]
    when: str
    degrees: tuple[tuple[str, Degree], ...]
    text: Text
    register_reasons: tuple[str, ...] = ()
    before: date | None = None

    def concerns(self, jurisdiction: str, degree: Degree) -> bool:
        return not self.degrees or (jurisdiction, degree) in self.degrees


@attrs.frozen
class Caveat:
    """A limit a positive decision carries; ``target_degrees`` limits it to decisions whose comparable degrees are
    all among those listed (a Flemish professional bachelor's limit does not bind one also equivalent to an
    academic bachelor)."""

    id: str
    basis: str
    text: Text
    target_degrees: tuple[tuple[str, Degree], ...] = ()
    #: The targets the caveat is about (its law is the target's own); empty: every target.
    targets: tuple[str, ...] = ()
    #: The outcomes the caveat may accompany (a limit must not contradict the outcome); empty: every outcome.
    outcomes: tuple[str, ...] = ()
    #: Readings whose application makes a decision carry this caveat (e.g. implausible input).
    with_readings: tuple[str, ...] = ()

    def concerns(self, target: str, equivalent_to: tuple[Degree, ...], outcome: str | None = None) -> bool:
        if self.targets and target not in self.targets:
            return False
        if self.outcomes and outcome is not None and outcome not in self.outcomes:
            return False
        return not self.target_degrees or (
            bool(equivalent_to) and all((target, degree) in self.target_degrees for degree in equivalent_to)
        )


@attrs.frozen
class Referral:
    """Where to go for an individual assessment when the rules do not help."""

    target: str
    name: str
    url: str
    text: Text


@attrs.frozen
class Rule:
    """One rule: in force over a period, it gives an ``effect`` to the degrees it ``covers`` if it ``requires`` holds.

    ``covers`` lists ``(jurisdiction, degree)`` pairs of the awarding side;
    the rule applies in its ``directions`` (``(awarding, target)`` pairs: by
    default every ordered pair of its ``parties``). ``requires`` names
    facts of the diploma that must be true (``"accredited"``). ``comparable``
    is the table giving the comparable degrees in the target system.
    """

    id: str
    instrument: Instrument
    article: str
    in_force: InForce
    parties: tuple[str, ...]
    covers: tuple[tuple[str, Degree], ...]
    requires: tuple[str, ...]
    effect: str
    comparable: tuple[ComparableRow, ...]
    caveats: tuple[str, ...]
    summary: Text
    text: ArticleText
    citation: Citation
    path: str

    directions: tuple[tuple[str, str], ...]

    def applies_between(self, source: str, target: str) -> bool:
        return (source, target) in self.directions

    def comparable_row(self, jurisdiction: str, degree: Degree, arts: bool | None) -> ComparableRow | None:
        """The table row for a covered degree (the loader guarantees exactly one); None for a rule without a table."""
        return next((row for row in self.comparable if row.matches(jurisdiction, degree, arts)), None)
