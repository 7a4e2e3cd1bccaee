"""The keys a rule file may hold, table by table: what the loader accepts and the documentation lists.

Each entry is ``key: (required, description)``. The loader rejects any key not
listed here, so this table and the validation cannot drift apart.
"""

from __future__ import annotations

__all__ = ["SCHEMA", "keys"]

SCHEMA: dict[str, dict[str, tuple[bool, str]]] = {
    "file": {
        "format": (True, 'always "nvao-equivalence/rules/1"'),
        "id": (True, "the file's id, shown in a rule set's version"),
        "pack": (True, 'the rule pack the file belongs to, as named in RuleSet.load(...) (e.g. "nvao")'),
        "version": (True, "the version of the file's content"),
        "title": (True, "a text table: nl and en"),
        "instruments": (False, "the legal instruments the rules come from (array of tables)"),
        "rules": (False, "the rules (array of tables)"),
        "comparable": (False, "rows of comparable-degree tables (array of tables)"),
        "readings": (False, "the library's own readings where the law is silent (array of tables)"),
        "caveats": (False, "limits a positive decision carries (array of tables)"),
        "referrals": (False, "where to go for an individual assessment, per target (array of tables)"),
    },
    "instruments": {
        "id": (True, "a unique id, e.g. nvao-treaty-2003"),
        "title": (True, "full title: nl and en"),
        "short": (True, "short title: nl and en"),
        "signed": (True, "where and when it was signed, as text"),
        "in_force": (True, "the date it came into force"),
        "parties": (True, 'canonical jurisdiction codes, e.g. ["NL", "VL"]'),
        "publications": (True, 'publication references, the official one first (e.g. "Trb. 2003, 167")'),
        "sources": (True, "where the text can be read: tables with title and optional url"),
        "amends": (False, "the id of an instrument defined earlier that this one amends"),
    },
    "rules": {
        "id": (True, "a unique id, e.g. R2014"),
        "instrument": (True, "the id of the instrument the rule comes from"),
        "article": (True, 'the article, e.g. "Art. 11(1) (original text)"'),
        "cite": (
            False,
            'the article as cited in each language, for the text version applied: nl and en (e.g. "art. 11, eerste '
            'lid (oorspronkelijke tekst)"); absent = article',
        ),
        "in_force": (True, "table with from (first day) and optional until (first day no longer in force)"),
        "parties": (True, "the jurisdictions between which the rule applies (two, for a rule with a comparable table)"),
        "directions": (False, "[awarding, target] pairs the rule applies in; absent = every ordered pair of parties"),
        "covers": (True, "per party, the canonical degree names of that party the rule covers"),
        "requires": (True, "facts that must hold on the award date; the engine knows: accredited, recognised"),
        "effect": (True, "what the rule grants: equivalent, level-equivalent or admission-equivalent"),
        "comparable": (False, "the comparable-degree table the rule uses; required by effects that name degrees"),
        "caveats": (False, "ids of the caveats a decision granted by this rule carries"),
        "summary": (True, "the library's paraphrase of the rule: nl and en"),
        "text": (True, "the article text: lang, status (verbatim or paraphrase), source, body"),
    },
    "in_force": {
        "from": (True, "the first assessment date on which the rule applies (a TOML date)"),
        "until": (False, "the first assessment date on which it no longer applies; absent = open-ended"),
    },
    "text": {
        "lang": (True, "nl or en"),
        "status": (True, "verbatim or paraphrase"),
        "source": (True, "where the text was taken from"),
        "body": (True, "the text itself"),
    },
    "comparable": {
        "table": (True, "the table's name, used by rules' comparable key"),
        "from": (True, "the awarding party"),
        "degrees": (True, "degrees of that party this row is about"),
        "arts": (False, "true: arts programmes only; false: other programmes only; absent: both"),
        "to": (True, "the comparable degrees of the other party, in order"),
        "basis": (
            True,
            'the provision the row rests on, as cited: text, or a text table (nl and en), e.g. "Art. 11(1)(a) '
            '(amended text)"',
        ),
        "caveats": (False, "ids of caveats a decision carries when this row names its comparable degrees"),
        "readings": (False, "ids of readings a decision relies on when this row names its comparable degrees"),
        "if_arts_unstated": (
            False,
            "arts rows only: the caveat a decision carries when arts is not stated and this row would widen the set",
        ),
    },
    "readings": {
        "id": (True, "a unique id, shown in decisions"),
        "rules": (True, "the rules whose outcome the reading shapes"),
        "when": (
            True,
            "when the reading decides: covered, not-covered, awarded-before-in-force, entry-into-force (the rule's "
            "date decided that it applies, or that it does not yet), comparable-row (a table row names it), "
            "recognised-from-accreditation (recognition was derived from accreditation), accreditation-implausible "
            "(accreditation stated for an award date before it could exist) or register (a register's answer "
            "relied on it)",
        ),
        "register_reasons": (
            False,
            "register readings only: the register answers (RegisterAnswer.reason) the reading explains",
        ),
        "before": (
            False,
            "accreditation-implausible readings only: the first award date on which accreditation could exist",
        ),
        "degrees": (False, "per jurisdiction, the degrees it is about; absent = all"),
        "text": (True, "the reading and its reason: nl and en"),
    },
    "caveats": {
        "id": (True, "a unique id, shown in decisions"),
        "basis": (True, "the source of the caveat"),
        "text": (True, "nl and en"),
        "target_degrees": (
            False,
            "per target, the comparable degrees it is limited to (all must be listed); absent = all",
        ),
        "targets": (False, "the targets whose own law the caveat states; absent = every target"),
        "outcomes": (False, "the outcomes the caveat may accompany; absent = every outcome"),
        "with_readings": (False, "ids of readings: a positive decision that relies on one carries this caveat"),
    },
    "referrals": {
        "target": (True, "the target jurisdiction"),
        "name": (True, "the body, e.g. NARIC-Vlaanderen"),
        "url": (True, "its web address"),
        "text": (True, "what to ask it for: nl and en"),
    },
    "sources": {"title": (True, "the source's title"), "url": (False, "a link")},
    "localized": {"nl": (True, "the Dutch text"), "en": (True, "the English text")},
}


def keys(table: str) -> tuple[str, ...]:
    """The keys allowed in ``table``."""
    return tuple(SCHEMA[table])
