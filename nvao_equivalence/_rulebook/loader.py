"""Reading rule files (TOML) into rule objects, validating every key.

A rule file is data: nothing in it is executed. The engine understands a
small, closed vocabulary (the constants below); anything else is a
:class:`~nvao_equivalence.exceptions.RuleDataError` naming the file, the rule
and the key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from nvao_equivalence._case.outcome import EFFECTS, FACTS
from nvao_equivalence._rulebook import notes
from nvao_equivalence._rulebook.model import (
    ArticleText,
    Caveat,
    Citation,
    ComparableRow,
    InForce,
    Instrument,
    Reading,
    Referral,
    Rule,
    Source,
    Text,
)
from nvao_equivalence._rulebook.reader import Reader
from nvao_equivalence._rulebook.schema import keys
from nvao_equivalence._vocabulary.degrees import Degree
from nvao_equivalence.exceptions import RuleDataError

__all__ = ["FORMAT", "LoadedFile", "parse_file"]

FORMAT = "nvao-equivalence/rules/1"
T = TypeVar("T")
TEXT_STATUS = ("verbatim", "paraphrase")


class LoadedFile:
    """What one rule file contributes to a rule set."""

    # A plain class, not attrs: it is private and only read once, by the rule set, and generating an attrs class
    # costs about as much as parsing a rule file, on the way to the first decision.
    __slots__ = ("caveats", "id", "instruments", "pack", "readings", "referrals", "rules", "title", "version")

    def __init__(
        self,
        *,
        id: str,
        pack: str,
        version: str,
        title: Text,
        instruments: tuple[Instrument, ...],
        rules: tuple[Rule, ...],
        readings: tuple[Reading, ...],
        caveats: tuple[Caveat, ...],
        referrals: tuple[Referral, ...],
    ) -> None:
        self.id = id
        self.pack = pack
        self.version = version
        self.title = title
        self.instruments = instruments
        self.rules = rules
        self.readings = readings
        self.caveats = caveats
        self.referrals = referrals


def parse_file(
    path: str,
    data: dict[str, Any],
    known_instruments: dict[str, Instrument],
    problems: list[RuleDataError] | None = None,
) -> LoadedFile:
    """Validate a parsed TOML document and build its rule objects.

    Raises RuleDataError on the first problem; given a ``problems`` list, it
    instead appends the problem of each malformed item (instrument, rule,
    reading, ...), skips that item and goes on, so that every item is checked.
    """

    def each(key: str, build: Callable[[Reader], T], rule_ids: bool = False) -> list[T]:
        def make(index: int, table: Any) -> T:
            rule_id = table.get("id") if rule_ids and isinstance(table, dict) else None
            return build(top.sub(f"{key}[{index}]", table, rule_id if isinstance(rule_id, str) else None))

        tables = _attempt(problems, top.get, key, list, default=[]) or []
        return [
            item for index, table in enumerate(tables) if (item := _attempt(problems, make, index, table)) is not None
        ]

    top = Reader(path, data)
    _attempt(problems, top.only, *keys("file"))
    _attempt(problems, _check_format, top)
    instruments = {**known_instruments}

    def instrument(reader: Reader) -> Instrument:
        made = _instrument(reader, instruments)
        instruments[made.id] = made
        return made

    own_instruments = each("instruments", instrument)
    caveats = each("caveats", notes.caveat)
    tables = _attempt(problems, _tables, top) or {}
    # References are checked against the ids the file declares, so that one
    # malformed item does not also make every reference to it an error.
    caveat_ids = _declared_ids(data, "caveats")
    reading_ids = _declared_ids(data, "readings")
    rules: list[Rule] = []

    def rule(reader: Reader) -> Rule:
        made = _rule(reader, instruments, tables, caveat_ids, reading_ids)
        if any(made.id == other.id for other in rules):
            raise reader.fail("id", f"rule id {made.id!r} is used twice")
        rules.append(made)
        return made

    each("rules", rule, rule_ids=True)
    rule_ids = _declared_ids(data, "rules")
    readings = each("readings", lambda reader: notes.reading(reader, rule_ids))
    referrals = each("referrals", notes.referral)
    header = _attempt(problems, _header, top)
    identifier, pack, version, title = header or ("?", "?", "?", Text("?", "?"))
    return LoadedFile(
        id=identifier,
        pack=pack,
        version=version,
        title=title,
        instruments=tuple(own_instruments),
        rules=tuple(rules),
        readings=tuple(readings),
        caveats=tuple(caveats),
        referrals=tuple(referrals),
    )


def _attempt(problems: list[RuleDataError] | None, step: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run one validation step: raise its RuleDataError, or record it in ``problems`` and return None."""
    try:
        return step(*args, **kwargs)
    except RuleDataError as problem:
        if problems is None:
            raise
        problems.append(problem)
        return None


def _check_format(top: Reader) -> None:
    found = top.get("format", str)
    if found != FORMAT:
        raise top.fail("format", f"expected {FORMAT!r}, found {found!r}")


def _header(top: Reader) -> tuple[str, str, str, Text]:
    return top.get("id", str), top.get("pack", str), top.get("version", str), top.text("title")


def _declared_ids(data: dict[str, Any], key: str) -> set[str]:
    items = data.get(key)
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _instrument(reader: Reader, known: dict[str, Instrument]) -> Instrument:
    reader.only(*keys("instruments"))
    identifier = reader.get("id", str)
    if identifier in known:
        raise reader.fail("id", f"instrument {identifier!r} is defined twice")
    amends = reader.get("amends", str, default=None)
    if amends is not None and amends not in known:
        raise reader.fail(
            "amends", f"{amends!r} is not an instrument defined before this one; known: {', '.join(known)}"
        )
    sources = []
    for index, table in enumerate(reader.get("sources", list)):
        source = reader.sub(f"sources[{index}]", table)
        source.only(*keys("sources"))
        sources.append(Source(title=source.get("title", str), url=source.get("url", str, default=None)))
    return Instrument(
        id=identifier,
        title=reader.text("title"),
        short=reader.text("short"),
        signed=reader.get("signed", str),
        in_force=reader.get("in_force", date),
        parties=tuple(reader.jurisdiction("parties", party) for party in reader.strings("parties")),
        publications=reader.strings("publications"),
        sources=tuple(sources),
        amends=amends,
    )


def _tables(top: Reader) -> dict[str, list[Reader]]:
    """Comparable-table rows by table name, still unparsed: a row's target depends on the rule using it."""
    tables: dict[str, list[Reader]] = {}
    for index, table in enumerate(top.get("comparable", list, default=[])):
        row = top.sub(f"comparable[{index}]", table)
        row.only(*keys("comparable"))
        tables.setdefault(row.get("table", str), []).append(row)
    return tables


def _comparable_row(
    row: Reader, parties: tuple[str, ...], caveat_ids: set[str], reading_ids: set[str]
) -> ComparableRow:
    source = row.jurisdiction("from", row.get("from", str))
    if source not in parties:
        raise row.fail("from", f"{source!r} is not a party of the rule using this table ({', '.join(parties)})")
    target = next(party for party in parties if party != source)
    basis, cite = row.text_or_string("basis")
    caveats = row.strings("caveats", default=[])
    unstated = row.get("if_arts_unstated", str, default=None)
    for caveat in (*caveats, *([unstated] if unstated else [])):
        if caveat not in caveat_ids:
            raise row.fail(
                "caveats", f"{caveat!r} is not a caveat of this file; known: {', '.join(sorted(caveat_ids))}"
            )
    readings = row.strings("readings", default=[])
    for reading in readings:
        if reading not in reading_ids:
            raise row.fail(
                "readings", f"{reading!r} is not a reading of this file; known: {', '.join(sorted(reading_ids))}"
            )
    arts = row.get("arts", bool, default=None)
    if unstated is not None and arts is not True:
        raise row.fail("if_arts_unstated", "only a row for arts programmes (arts = true) can widen the comparable set")
    return ComparableRow(
        source=source,
        target=target,
        degrees=row.degrees("degrees", source, row.strings("degrees")),
        arts=arts,
        to=row.degrees("to", target, row.strings("to")),
        basis=basis,
        cite=cite,
        caveats=caveats,
        readings=readings,
        if_arts_unstated=unstated,
    )


def _rule(
    reader: Reader,
    instruments: dict[str, Instrument],
    tables: dict[str, list[Reader]],
    caveat_ids: set[str],
    reading_ids: set[str],
) -> Rule:
    reader.only(*keys("rules"))
    identifier = reader.get("id", str)
    instrument_id = reader.choice("instrument", instruments)
    instrument = instruments[instrument_id]
    period = reader.sub("in_force", reader.get("in_force", dict))
    period.only(*keys("in_force"))
    in_force = InForce(period.get("from", date), period.get("until", date, default=None))
    if in_force.valid_until is not None and in_force.valid_until <= in_force.valid_from:
        raise period.fail(
            "until", "must be after 'from' (the period is half-open: 'until' is the first day it no longer applies)"
        )
    if in_force.valid_from < instrument.in_force:
        raise period.fail(
            "from", f"precedes the entry into force of {instrument.id} ({instrument.in_force.isoformat()})"
        )
    parties = tuple(reader.jurisdiction("parties", party) for party in reader.strings("parties"))
    if len(set(parties)) < 2:
        raise reader.fail("parties", f"a rule needs at least two parties, found {parties!r}")
    covers = reader.degree_map("covers")
    for jurisdiction, _ in covers:
        if jurisdiction not in parties:
            raise reader.fail("covers", f"{jurisdiction!r} is not one of the rule's parties ({', '.join(parties)})")
    requires = reader.strings("requires")
    for fact in requires:
        if fact not in FACTS:
            raise reader.fail("requires", f"{fact!r} is not a condition the engine knows; valid: {', '.join(FACTS)}")
    effect = reader.choice("effect", EFFECTS)
    comparable = (
        _rule_table(reader, identifier, parties, covers, tables, caveat_ids, reading_ids)
        if EFFECTS[effect].names_degrees
        else ()
    )
    if not EFFECTS[effect].names_degrees and "comparable" in reader.table:
        raise reader.fail("comparable", f"effect {effect!r} names no comparable degrees; remove the table")
    caveats = reader.strings("caveats", default=[])
    for caveat in caveats:
        if caveat not in caveat_ids:
            raise reader.fail(
                "caveats", f"{caveat!r} is not a caveat of this file; known: {', '.join(sorted(caveat_ids))}"
            )
    text = reader.sub("text", reader.get("text", dict))
    text.only(*keys("text"))
    article_text = ArticleText(
        lang=text.choice("lang", ("nl", "en")),
        status=text.choice("status", TEXT_STATUS),
        source=text.get("source", str),
        body=text.get("body", str).strip(),
    )
    article = reader.get("article", str)
    cite = reader.text("cite") if "cite" in reader.table else None
    primary = instrument.sources[0] if instrument.sources else None
    return Rule(
        id=identifier,
        instrument=instrument,
        article=article,
        in_force=in_force,
        parties=parties,
        covers=covers,
        requires=requires,
        effect=effect,
        comparable=comparable,
        caveats=caveats,
        summary=reader.text("summary"),
        text=article_text,
        citation=Citation(
            instrument=instrument.id,
            title=instrument.short,
            article=article,
            publication=instrument.publications[0] if instrument.publications else "",
            url=primary.url if primary else None,
            text_status=article_text.status,
            text_source=article_text.source,
            cite=cite,
        ),
        path=reader.path,
        directions=_directions(reader, parties),
    )


def _rule_table(
    reader: Reader,
    identifier: str,
    parties: tuple[str, ...],
    covers: tuple[tuple[str, Degree], ...],
    tables: dict[str, list[Reader]],
    caveat_ids: set[str],
    reading_ids: set[str],
) -> tuple[ComparableRow, ...]:
    """The comparable-degree rows of a rule that names degrees: exactly one row per covered degree and arts value."""
    if len(set(parties)) != 2:
        raise reader.fail(
            "parties", f"a rule with a comparable-degree table needs exactly two parties, found {parties!r}"
        )
    table_name = reader.choice("comparable", tables)
    # A row's errors name the rule using it, since its target is that rule's other party.
    comparable = tuple(
        _comparable_row(row.for_rule(identifier), parties, caveat_ids, reading_ids) for row in tables[table_name]
    )
    for jurisdiction, degree in covers:
        for arts in (False, True):
            found = [row for row in comparable if row.matches(jurisdiction, degree, arts)]
            if len(found) != 1:
                raise reader.fail(
                    "comparable",
                    f"table {table_name!r} has {len(found)} rows for {jurisdiction} {degree.value} "
                    f"with arts={arts}; each covered degree needs exactly one",
                )
    return comparable


def _directions(reader: Reader, parties: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (awarding, target) pairs a rule applies in: as listed, or every ordered pair of its parties."""
    if "directions" not in reader.table:
        return tuple((source, target) for source in parties for target in parties if source != target)
    pairs = []
    for pair in reader.get("directions", list):
        if not (isinstance(pair, list) and len(pair) == 2 and all(party in parties for party in pair)):
            raise reader.fail("directions", f"{pair!r} is not a pair of the rule's parties ({', '.join(parties)})")
        if pair[0] == pair[1]:
            raise reader.fail("directions", f"{pair!r} names the same party twice")
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)
