"""The register: accreditation records by programme, loaded from the registers' files, and asked per day."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

import attrs

from nvao_equivalence._case.diploma import Diploma
from nvao_equivalence._registers.lookup import answer
from nvao_equivalence._registers.records import RegisterAnswer, RegisterProblem, RegisterRecord
from nvao_equivalence._vocabulary.identifiers import normalise_identifier
from nvao_equivalence.exceptions import InvalidInputError

__all__ = ["MAX_PROBLEMS", "AccreditationRegister", "programme_key"]

Source = str | os.PathLike[str] | IO[bytes]

# A hostile or broken file must not fill memory with complaints: the first problems are kept, all are counted.
MAX_PROBLEMS = 1000


def programme_key(identifier: str) -> str:
    """The form a programme identifier is indexed under: DEQAR links become ``deqar:report:N``/``deqar:programme:N``.

    >>> programme_key("https://data.deqar.eu/report/990001"), programme_key(" 39999 ")
    ('deqar:report:990001', '39999')
    """
    text = identifier.strip()
    if ":" not in text and "/" not in text:  # a CROHO code or an agency's identifier: the common case, kept fast
        return text
    return normalise_identifier(text)


def _indexed(index: dict[str, tuple[RegisterRecord, ...]]) -> dict[str, tuple[RegisterRecord, ...]]:
    """``index`` with every key in the form it is looked up by (``programme_key``), which the loaders give already:
    a register built from a caller's own dict answers for ``" 39999 "`` as for ``"39999"``, on every path."""
    if all(programme_key(key) == key for key in index):
        return dict(index)
    merged: dict[str, list[RegisterRecord]] = {}
    for key, records in index.items():
        for record in records:
            _list(merged, key, record)
    return {key: tuple(records) for key, records in merged.items()}


def _list(index: dict[str, list[RegisterRecord]], key: str, record: RegisterRecord) -> None:
    """List ``record`` under its programme's key, once: RIO repeats a programme's row for every location
    (vestiging)."""
    listed = index.setdefault(programme_key(key), [])
    if record not in listed:
        listed.append(record)


class AccreditationRegister:
    """Accreditation periods by programme identifier, from one or more register files; see the module docstring.

    ``problems`` lists the records that could not be read (the first :data:`MAX_PROBLEMS`; ``problem_count``
    counts them all); ``sources`` names the files loaded. ``len(register)`` is the number of identifiers.
    """

    __slots__ = ("_index", "problem_count", "problems", "sources")

    def __init__(
        self,
        index: dict[str, tuple[RegisterRecord, ...]] | None = None,
        *,
        problems: Iterable[RegisterProblem] = (),
        problem_count: int | None = None,
        sources: Iterable[str] = (),
    ) -> None:
        self._index: dict[str, tuple[RegisterRecord, ...]] = _indexed(index or {})
        self.problems: tuple[RegisterProblem, ...] = tuple(problems)[:MAX_PROBLEMS]
        self.problem_count: int = len(self.problems) if problem_count is None else problem_count
        self.sources: tuple[str, ...] = tuple(sources)

    # --- loading -----------------------------------------------------------------------------------------------

    @classmethod
    def from_records(cls, records: Iterable[RegisterRecord | tuple[str, RegisterRecord]]) -> AccreditationRegister:
        """A register of ``records``, each listed under its ``programme`` (or under the key paired with it)."""
        index: dict[str, list[RegisterRecord]] = {}
        for item in _iterable(records, "records"):
            key, record = _keyed(item)
            _list(index, key, record)
        return cls({key: tuple(value) for key, value in index.items()})

    @classmethod
    def from_rio_csv(cls, source: Source) -> AccreditationRegister:
        """Load DUO's ``ho_erkenningen_rio.csv`` (comma or semicolon, UTF-8 with or without BOM)."""
        from nvao_equivalence._registers.rio import rio_csv

        return cls._load(source, rio_csv)

    @classmethod
    def from_rio_json(
        cls, source: Source, *, programme: str | None = None, institution: str | None = None
    ) -> AccreditationRegister:
        """Load RIO LOD API v2 onderwijslicenties (one, a page, an array, or JSON Lines) with their accreditations.

        A licence does not name its programme: pass the CROHO code as ``programme`` (and the BRIN code as
        ``institution``) unless each record carries an ``erkendeopleidingscode`` of its own.
        """
        from nvao_equivalence._registers.rio import rio_json

        return cls._load(source, lambda stream, name: rio_json(stream, name, programme, institution))

    @classmethod
    def from_deqar_json(cls, source: Source) -> AccreditationRegister:
        """Load DEQAR Web API v2 reports: one report, a list page (``results``), an array, or JSON Lines."""
        from nvao_equivalence._registers.deqar import deqar_json

        return cls._load(source, deqar_json)

    @classmethod
    def from_deqar_csv(cls, source: Source) -> AccreditationRegister:
        """Load DEQAR's nightly reports CSV (``deqar-reports.csv``); its reports are listed by report id."""
        from nvao_equivalence._registers.deqar import deqar_csv

        return cls._load(source, deqar_csv)

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> AccreditationRegister:
        """Load a register file of any supported kind, recognised by its extension and content (see docs)."""
        from nvao_equivalence._files.streams import sniff

        if not isinstance(path, (str, os.PathLike)):
            raise InvalidInputError(f"path: {path!r} is not valid; valid: a file path (str or os.PathLike)")
        kind = sniff(path)
        loaders = {"rio-csv": cls.from_rio_csv, "rio-json": cls.from_rio_json}
        loaders |= {"deqar-csv": cls.from_deqar_csv, "deqar-json": cls.from_deqar_json}
        return loaders[kind](path)

    @classmethod
    def _load(cls, source: Source, parse: Any) -> AccreditationRegister:
        from nvao_equivalence._files.streams import opened

        problems: list[RegisterProblem] = []
        count = 0
        # Built as the records stream in, one copy of each: memory follows the programmes, not the file's rows.
        index: dict[str, list[RegisterRecord]] = {}
        with opened(source) as (stream, name):
            for item in parse(stream, name):
                if isinstance(item, RegisterProblem):
                    count += 1
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(item)
                    continue
                key, record = item
                _list(index, key, record)
        frozen = {key: tuple(records) for key, records in index.items()}
        return cls(frozen, problems=problems, problem_count=count, sources=(name,))

    def __or__(self, other: object) -> AccreditationRegister:
        if not isinstance(other, AccreditationRegister):
            return NotImplemented
        index = dict(self._index)
        for key, records in other._index.items():
            mine = index.get(key, ())
            index[key] = mine + tuple(record for record in records if record not in mine)
        return AccreditationRegister(
            index,
            problems=(*self.problems, *other.problems),
            problem_count=self.problem_count + other.problem_count,
            sources=(*self.sources, *other.sources),
        )

    # --- asking --------------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, programme: object) -> bool:
        return isinstance(programme, str) and programme_key(programme) in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __repr__(self) -> str:
        return f"<AccreditationRegister {len(self)} programmes from {', '.join(self.sources) or 'records'}>"

    def records(self, programme: str) -> tuple[RegisterRecord, ...]:
        """Every record listed under ``programme`` (a CROHO code, a DEQAR report or programme link or id)."""
        return self._index.get(programme_key(_text("programme", programme)), ())

    def lookup(self, programme: str, day: date, *, institution: str | None = None) -> RegisterAnswer:
        """Whether ``programme`` was accredited on ``day`` according to this register, and the record that says so.

        ``institution`` (a BRIN code for RIO, a DEQAR institution id) chooses among institutions that share a
        programme code; without it such a programme stays unknown.

        Raises :class:`~nvao_equivalence.exceptions.InvalidInputError` for an argument of the wrong type.
        """
        # The common call first: plain text that is a key of the index as it stands (a code as the register writes
        # it; the keys are normalised, and normalising a key gives the key), a date, no institution. It needs none
        # of the checks and normalising below, which only turn other forms into this one.
        if type(programme) is str and type(day) is date and institution is None:
            found = self._index.get(programme)
            if found is not None:
                return answer(programme, found, day, None)
        programme = _text("programme", programme)
        if not isinstance(day, date) or isinstance(day, datetime):
            raise InvalidInputError(f"day: {day!r} is not valid; valid: a datetime.date")
        if institution is not None:
            institution = _text("institution", institution)
        return answer(programme, self.records(programme), day, institution)

    def apply(self, diploma: Diploma) -> tuple[Diploma, RegisterAnswer | None]:
        """``diploma`` with its programme's accreditation periods from this register, and the register's answer.

        Only for a diploma that names its ``programme`` and states neither ``accredited`` nor
        ``accreditations``; any other diploma comes back unchanged, with no answer. When the register does not
        say (``accredited`` is ``None``) the diploma also comes back unchanged: unknown stays unknown.
        """
        if not isinstance(diploma, Diploma):
            raise InvalidInputError(f"diploma: {diploma!r} is not valid; valid: a Diploma")
        if diploma.programme is None or diploma.accredited is not None or diploma.accreditations:
            return diploma, None
        found = self.lookup(diploma.programme, diploma.awarded_on, institution=diploma.institution)
        if found.accredited is None:
            if found.reason == "teach-out" and diploma.recognised is None:
                # In teach-out the examinations still carry a degree and the programme stays registered (WHW art.
                # 5a.12(2)): recognised, for the rules that require recognition (reading register-teach-out).
                return attrs.evolve(diploma, recognised=True), found
            return diploma, found
        periods = tuple(record.accreditation() for record in found.records if record.accredits and record.valid_from)
        if periods:
            return attrs.evolve(diploma, accreditations=periods), found
        return attrs.evolve(diploma, accredited=found.accredited), found


_VALID_TEXT = {
    "programme": "text: a CROHO code, a DEQAR report or programme link or id",
    "institution": "text (a BRIN code, a DEQAR institution id) or None",
    "records": "a programme identifier as text",
}


def _text(name: str, value: object) -> str:
    """``value`` as plain text (a str subclass read as the text it holds), or the caller's error naming ``name``."""
    if not isinstance(value, str):
        raise InvalidInputError(f"{name}: {value!r} is not valid; valid: {_VALID_TEXT[name]}")
    return value if type(value) is str else str.__str__(value)


def _iterable(value: object, name: str) -> Iterable[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInputError(f"{name}: {value!r} is not valid; valid: an iterable of RegisterRecord")
    return value


def _keyed(item: object) -> tuple[str, RegisterRecord]:
    """A record and the key it is listed under: its own programme, or the key paired with it."""
    if isinstance(item, RegisterRecord):
        return item.programme, item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], RegisterRecord):
        return _text("records", item[0]), item[1]
    raise InvalidInputError(
        f"records: {item!r} is not valid; valid: a RegisterRecord, or a (programme, RegisterRecord) pair"
    )
