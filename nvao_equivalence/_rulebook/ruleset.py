"""A set of rules loaded from rule files, indexed for deciding."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

import attrs

from nvao_equivalence._rulebook.loader import LoadedFile, parse_file
from nvao_equivalence._rulebook.model import Caveat, Instrument, Reading, Referral, Rule
from nvao_equivalence._rulebook.syntax import toml_problem
from nvao_equivalence.exceptions import InvalidInputError, RuleDataError

__all__ = ["RuleSet", "bundled_rules_dir", "default_rules"]

DEFAULT_PACKS = ("nvao",)


def bundled_rules_dir() -> str:
    """The folder of the bundled rule files: inside the installed wheel, or ``rules/`` of a checkout."""
    # os.path rather than pathlib: this runs before the first decision, and pathlib is slow to import.
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    installed = os.path.join(package, "rules")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(package), "rules")


@attrs.frozen
class RuleSet:
    """The rules a decision is taken under, with their instruments, readings, caveats and referrals.

    ``version`` names each rule file and its version; ``digest`` is a sha256
    over the rule files' bytes, so an audit can tell exactly which data decided.

    >>> rules = RuleSet.load()
    >>> [rule.id for rule in rules.rules]
    ['R2003', 'R2014']
    """

    rules: tuple[Rule, ...]
    instruments: tuple[Instrument, ...]
    readings: tuple[Reading, ...]
    caveats: tuple[Caveat, ...]
    referrals: tuple[Referral, ...]
    version: str
    paths: tuple[str, ...]
    _contents: tuple[bytes, ...] = attrs.field(repr=False)
    #: The bundled packs the rule files belong to (their ``pack`` keys), in load order.
    packs: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    _digest: dict[str, str] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _between: dict[tuple[str, str], tuple[Rule, ...]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _suggested: dict[tuple[str, str], tuple[str, ...]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    #: The dates on which any rule comes into or goes out of force, sorted.
    changes: tuple[date, ...] = attrs.field(init=False, eq=False, repr=False)
    #: The dates on which what an award date decides can change: the rule changes and the readings' dates.
    award_changes: tuple[date, ...] = attrs.field(init=False, eq=False, repr=False)
    #: A memo for whoever decides under these rules (the engine keeps its verdicts here, by kind of case): it lives
    #: and dies with the rule set, and the rule set knows nothing of what is in it.
    verdicts: dict[tuple[Any, ...], Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @property
    def digest(self) -> str:
        """sha256 over the rule files' names and bytes, in load order; computed when first asked for."""
        found = self._digest.get("sha256")
        if found is None:
            import hashlib  # loads OpenSSL: worth deferring until an explanation or audit asks for the digest

            digest = hashlib.sha256()
            for path, content in zip(self.paths, self._contents, strict=True):
                digest.update(os.path.basename(path).encode() + b"\0" + content + b"\0")
            found = self._digest["sha256"] = digest.hexdigest()
        return found

    def __attrs_post_init__(self) -> None:
        days = {day for rule in self.rules for day in (rule.in_force.valid_from, rule.in_force.valid_until) if day}
        object.__setattr__(self, "changes", tuple(sorted(days)))
        # An award date also matters where a reading starts or stops applying (accreditation could not yet exist).
        award = days | {reading.before for reading in self.readings if reading.before is not None}
        object.__setattr__(self, "award_changes", tuple(sorted(award)))

    @classmethod
    def load(cls, *packs: str) -> RuleSet:
        """The bundled rules of ``packs`` (default: ``"nvao"``, the NVAO treaty); ``"all"`` loads every pack.

        Loaded once per combination and cached. Raises
        :class:`~nvao_equivalence.exceptions.InvalidInputError` for an unknown pack.
        """
        for pack in packs:
            if not isinstance(pack, str):
                valid = ", ".join([*_bundled_packs(), "all"])
                raise InvalidInputError(f"rule pack {pack!r} is not a pack name; valid: {valid}")
        return _load_packs(tuple(sorted({str.__str__(pack) for pack in packs} or set(DEFAULT_PACKS))))

    @classmethod
    def from_paths(cls, *paths: str | os.PathLike[str]) -> RuleSet:
        """A rule set from the caller's own rule files (TOML, in the bundled files' format).

        Raises :class:`~nvao_equivalence.exceptions.RuleDataError` naming the
        file, the rule and the key of the first problem found.
        """
        if not paths:
            raise InvalidInputError("from_paths: give at least one rule file")
        return cls._build([_read(_path(path)) for path in paths])

    @staticmethod
    def validate(*paths: str | os.PathLike[str]) -> tuple[RuleDataError, ...]:
        """Check rule files and return every problem found (empty when they load), without raising.

        Each malformed item (an instrument, a rule, a reading, ...) is reported
        with its file, rule and key; the rest of the file is still checked.
        """
        problems: list[RuleDataError] = []
        files = []
        for path in paths:
            try:
                files.append(_read(_path(path)))
            except RuleDataError as problem:
                problems.append(problem)
        _parse(files, problems)
        return tuple(problems)

    @classmethod
    def _build(cls, files: list[tuple[str, bytes]]) -> RuleSet:
        loaded = _parse(files, None)
        instruments = {instrument.id: instrument for part in loaded for instrument in part.instruments}
        return cls(
            rules=tuple(rule for part in loaded for rule in part.rules),
            instruments=tuple(instruments.values()),
            readings=tuple(reading for part in loaded for reading in part.readings),
            caveats=tuple(caveat for part in loaded for caveat in part.caveats),
            referrals=tuple(referral for part in loaded for referral in part.referrals),
            version=", ".join(f"{part.id} {part.version}" for part in loaded),
            paths=tuple(path for path, _ in files),
            contents=tuple(content for _, content in files),
            packs=tuple(dict.fromkeys(part.pack for part in loaded)),
        )

    def between(self, source: str, target: str) -> tuple[Rule, ...]:
        """The rules that apply from ``source`` to ``target`` at some date, in file order."""
        key = (source, target)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = tuple(rule for rule in self.rules if rule.applies_between(source, target))
        return found

    def boundaries(self, source: str, target: str) -> tuple[date, ...]:
        """The sorted dates on which a rule between the two comes into or goes out of force."""
        dates = set()
        for rule in self.between(source, target):
            dates.add(rule.in_force.valid_from)
            if rule.in_force.valid_until is not None:
                dates.add(rule.in_force.valid_until)
        return tuple(sorted(dates))

    def rule(self, rule_id: str) -> Rule:
        """The rule with id ``rule_id``; raises ``KeyError`` if there is none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def caveat(self, caveat_id: str) -> Caveat:
        return next(caveat for caveat in self.caveats if caveat.id == caveat_id)

    def reading(self, reading_id: str) -> Reading:
        return next(reading for reading in self.readings if reading.id == reading_id)

    def readings_for(self, rule_id: str, when: str) -> Iterable[Reading]:
        return (reading for reading in self.readings if rule_id in reading.rules and reading.when == when)

    def referral(self, target: str) -> Referral | None:
        return next((referral for referral in self.referrals if referral.target == target), None)

    def packs_between(self, source: str, target: str) -> tuple[str, ...]:
        """The bundled packs, not loaded here, that have a rule between ``source`` and ``target``: where a case
        this rule set cannot decide could be decided by loading them."""
        found = self._suggested.get((source, target))
        if found is None:
            found = tuple(
                pack
                for pack in _bundled_packs()
                if pack not in self.packs and _load_packs((pack,)).between(source, target)
            )
            self._suggested[(source, target)] = found
        return found


def _parse(files: list[tuple[str, bytes]], problems: list[RuleDataError] | None) -> list[LoadedFile]:
    """Parse and validate rule files in order (later files may refer to earlier files' instruments)."""
    import tomllib  # only when rules are loaded: importing the package must read no file and stay cheap

    loaded: list[LoadedFile] = []
    instruments: dict[str, Instrument] = {}
    seen: dict[str, str] = {}
    for path, content in files:
        problem: RuleDataError | None = None
        try:
            text = content.decode("utf-8")
            data = tomllib.loads(text)
            part = parse_file(path, data, instruments, problems)
        except UnicodeDecodeError as error:
            problem = RuleDataError(f"not a valid UTF-8 TOML file: {error}", path=path)
        except tomllib.TOMLDecodeError as error:
            problem = RuleDataError(toml_problem(error, text), path=path)
        except RecursionError:
            # tomllib reads nested arrays and inline tables by recursion: a file nested deeply exhausts it.
            problem = RuleDataError("arrays or inline tables nested too deeply for a rule file", path=path)
        except ValueError as error:  # parse_file raises RuleDataError, which is no ValueError: this is tomllib's
            # A number longer than the interpreter converts from text (4,300 digits), which tomllib does not catch.
            problem = RuleDataError(f"not a valid UTF-8 TOML file: {error}", path=path)
        if problem is not None:
            if problems is None:
                raise problem from None
            problems.append(problem)
            continue
        instruments.update((instrument.id, instrument) for instrument in part.instruments)
        for rule in part.rules:
            if rule.id in seen:
                problem = RuleDataError(f"rule id also used in {seen[rule.id]}", path=path, rule_id=rule.id, key="id")
                if problems is None:
                    raise problem
                problems.append(problem)
            seen[rule.id] = path
        loaded.append(part)
    return loaded


def _path(path: object) -> str:
    """A rule file's path as text, or the caller's error."""
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInputError(f"rule file {path!r} is not valid; valid: a file path (str or os.PathLike)")
    found = os.fspath(path)
    if not isinstance(found, str):  # a PathLike of bytes
        raise InvalidInputError(f"rule file {path!r} is not valid; valid: a file path as text")
    return found


def _read(path: str) -> tuple[str, bytes]:
    try:
        with open(path, "rb") as file:
            return path, file.read()
    except OSError as error:
        raise RuleDataError(f"cannot read the rule file: {error.strerror}", path=path) from None


PACKS_FILE = "packs.toml"


@cache
def _bundled_packs() -> dict[str, tuple[str, ...]]:
    """Pack name -> its rule files, from the bundled manifest (the only file read to choose the packs)."""
    import tomllib

    path, content = _read(os.path.join(bundled_rules_dir(), PACKS_FILE))
    try:
        packs = tomllib.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleDataError(f"not a valid UTF-8 TOML file: {error}", path=path) from None
    return {str(pack): tuple(files) for pack, files in packs.items()}


@cache
def _load_packs(packs: tuple[str, ...]) -> RuleSet:
    available = _bundled_packs()
    if "all" in packs:
        packs = tuple(available)
    unknown = [pack for pack in packs if pack not in available]
    if unknown:
        raise InvalidInputError(f"unknown rule pack {unknown[0]!r}; valid: {', '.join([*available, 'all'])}")
    # In the manifest's order, whatever order the caller named them in, so that a combination has one digest.
    chosen = [pack for pack in available if pack in packs]
    folder = bundled_rules_dir()
    return RuleSet._build([_read(os.path.join(folder, name)) for pack in chosen for name in available[pack]])


def default_rules() -> RuleSet:
    """The bundled default rule set (the NVAO treaty), loaded on first use."""
    return _load_packs(DEFAULT_PACKS)
