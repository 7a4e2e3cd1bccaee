"""Accreditation from the registers: programme identifier -> the periods in which NVAO accreditation held.

An :class:`AccreditationRegister` is loaded from the files the registers publish and answers, for a programme and
an award date, whether the programme was accredited on that day, citing the record that says so:

- ``AccreditationRegister.from_rio_csv(path)``: DUO's ``ho_erkenningen_rio.csv`` (the Dutch register RIO; CROHO
  code ``ERKENDEOPLEIDINGSCODE``), a current snapshot;
- ``AccreditationRegister.from_rio_json(path, programme=...)``: RIO LOD API v2 onderwijslicenties with their
  ``hoOnderwijsaccreditatie`` history;
- ``AccreditationRegister.from_deqar_json(path)`` and ``.from_deqar_csv(path)``: EQAR's DEQAR reports (Web API v2
  JSON, a single report or a list page; the nightly reports CSV); only NVAO reports with a positive decision count;
- ``AccreditationRegister.from_path(path)``: whichever of these the file is, from its name and content.

Registers merge with ``|``. Loading streams the file: memory grows with the programmes, not the file. A record that
cannot be read is kept in :attr:`AccreditationRegister.problems` with its line and the rest loads; a file that is
not a register at all raises :class:`~nvao_equivalence.exceptions.RegisterDataError`.

How a register decides (:meth:`AccreditationRegister.lookup`): a period covering the award date means accredited.
"Not accredited" only where the register shows that no accreditation can have been running: a period that ended
(its end date is explicit), a withdrawal (from its effective date), a negative new-programme assessment, or a
refusal after the previous period's known end. Everything else stays unknown, never "no": a programme not in the
register, an award date before its first record (a current snapshot does not know earlier periods), a lone refusal
of an existing programme (a refusal does not cut short a running accreditation), teach-out (afbouw), a DEQAR
report without an end once EQAR's six years have passed, an institutional review. Each of these is a reading in
the rule data (``when = "register"``), which a decision names when the register's answer relied on it.

>>> register = AccreditationRegister.from_records([
...     RegisterRecord("RIO", "39999", date(2021, 3, 15), None, True, "accredited", "example.csv, line 2")])
>>> register.lookup("39999", date(2023, 7, 7)).accredited, register.lookup("39999", date(2021, 3, 14)).accredited
(True, None)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from typing import IO, TYPE_CHECKING, Any

import attrs

from nvao_equivalence._dates import in_period

if TYPE_CHECKING:
    from nvao_equivalence._diploma import Accreditation, Diploma

__all__ = [
    "MAX_PROBLEMS",
    "AccreditationRegister",
    "RegisterAnswer",
    "RegisterProblem",
    "RegisterRecord",
    "programme_key",
]

Source = str | os.PathLike[str] | IO[bytes]

# A hostile or broken file must not fill memory with complaints: the first problems are kept, all are counted.
MAX_PROBLEMS = 1000


@attrs.frozen
class RegisterRecord:
    """One record of a register about one programme, as an explanation cites it.

    ``register`` is ``"RIO"`` or ``"DEQAR"``; ``programme`` the identifier the record is listed under (a CROHO
    code, or a DEQAR report or programme id such as ``deqar:report:990001``). ``valid_from`` (inclusive) and
    ``valid_until`` (exclusive, ``None`` = open-ended) bound the period; ``valid_from`` is ``None`` when the
    register lists the programme without accreditation dates. ``accredits`` says whether the record counts as
    accreditation (a negative decision does not); ``decision`` is the register's word for it and ``source`` the
    file with its line or record id. ``withdrawn_on`` (RIO's intrekkingsdatum) and ``teach_out_until`` (its
    afbouwdatum) are kept for the explanation; ``level`` is the register's level code (RIO ``NIVEAU`` such as
    ``HBO-BA``, DEQAR ``qf_ehea_level``); ``note`` says how a date was derived.
    """

    register: str
    programme: str
    valid_from: date | None
    valid_until: date | None
    accredits: bool
    decision: str
    # Not compared: RIO repeats a programme's row for every location (vestiging); the first line is cited.
    source: str = attrs.field(eq=False)
    institution: str | None = None
    level: str | None = None
    withdrawn_on: date | None = None
    teach_out_until: date | None = None
    note: str | None = None

    def covers(self, day: date) -> bool:
        """Whether this record accredits the programme on ``day``."""
        return self.accredits and self.valid_from is not None and in_period(day, self.valid_from, self.valid_until)

    def cite(self, lang: str = "en") -> str:
        """The record as an explanation cites it, e.g. ``RIO, CROHO 39999, accredited 2021-03-15, open-ended [...]``."""
        from nvao_equivalence._register_text import cite

        return cite(self, lang)

    def accreditation(self) -> Accreditation:
        """This record's period as an :class:`~nvao_equivalence.Accreditation` citing it (if it accredits)."""
        from nvao_equivalence._diploma import Accreditation

        if not self.accredits or self.valid_from is None:
            raise ValueError(f"{self.cite()} is not an accreditation period")
        return Accreditation(self.valid_from, self.valid_until, source=self.cite())


@attrs.frozen
class RegisterProblem:
    """A record that could not be read: the file, its line (``None`` if unknown) and what is wrong."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.message}"


@attrs.frozen
class RegisterAnswer:
    """What a register says about a programme on a day, and why.

    ``accredited`` is ``None`` when the register does not say. ``reason`` is a short code: ``covered``,
    ``ended``, ``withdrawn``, ``teach-out`` (unknown), ``refused`` (a negative decision: unknown, or "no" after
    the previous period's known end), ``refused-new`` (a negative new-programme assessment), ``open-end`` (a
    DEQAR report without an end, after six years: unknown), ``not-listed``, ``before-records`` (the award date
    precedes every record the register has of the programme), ``undated``, ``institutional`` (only an
    institutional review), ``several-institutions`` or ``other-institution``. ``records`` are those considered,
    ``deciding`` the one cited, ``following`` the next period after a gap, ``institutions`` those the programme
    is listed for when the institution decides, and ``institution`` the diploma's.
    """

    programme: str
    day: date
    accredited: bool | None
    reason: str
    records: tuple[RegisterRecord, ...] = ()
    deciding: RegisterRecord | None = None
    following: RegisterRecord | None = None
    institutions: tuple[str, ...] = ()
    institution: str | None = None

    def note(self, lang: str = "en") -> str:
        """The answer as a sentence in ``lang`` (``"en"`` or ``"nl"``), citing the deciding record."""
        from nvao_equivalence._register_text import note

        return note(self, lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "programme": self.programme,
            "accredited": self.accredited,
            "reason": self.reason,
            "record": self.deciding.cite() if self.deciding else None,
            "records": [record.cite() for record in self.records],
        }


@cache
def _answer() -> Any:
    # Imported on first use (the module imports this one); cached, since a lookup must stay cheap.
    from nvao_equivalence._register_lookup import answer

    return answer


def programme_key(identifier: str) -> str:
    """The form a programme identifier is indexed under: DEQAR links become ``deqar:report:N``/``deqar:programme:N``.

    >>> programme_key("https://data.deqar.eu/report/990001"), programme_key(" 39999 ")
    ('deqar:report:990001', '39999')
    """
    text = identifier.strip()
    if ":" not in text and "/" not in text:  # a CROHO code or an agency's identifier: the common case, kept fast
        return text
    from nvao_equivalence._register_text import normalise_identifier

    return normalise_identifier(text)


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
        self._index: dict[str, tuple[RegisterRecord, ...]] = dict(index or {})
        self.problems: tuple[RegisterProblem, ...] = tuple(problems)[:MAX_PROBLEMS]
        self.problem_count: int = len(self.problems) if problem_count is None else problem_count
        self.sources: tuple[str, ...] = tuple(sources)

    # --- loading -----------------------------------------------------------------------------------------------

    @classmethod
    def from_records(cls, records: Iterable[RegisterRecord | tuple[str, RegisterRecord]]) -> AccreditationRegister:
        """A register of ``records``, each listed under its ``programme`` (or under the key paired with it)."""
        index: dict[str, list[RegisterRecord]] = {}
        for item in records:
            key, record = item if isinstance(item, tuple) else (item.programme, item)
            listed = index.setdefault(programme_key(key), [])
            if record not in listed:  # RIO repeats a programme's row for every location (vestiging)
                listed.append(record)
        return cls({key: tuple(value) for key, value in index.items()})

    @classmethod
    def from_rio_csv(cls, source: Source) -> AccreditationRegister:
        """Load DUO's ``ho_erkenningen_rio.csv`` (comma or semicolon, UTF-8 with or without BOM)."""
        from nvao_equivalence._register_rio import rio_csv

        return cls._load(source, rio_csv)

    @classmethod
    def from_rio_json(
        cls, source: Source, *, programme: str | None = None, institution: str | None = None
    ) -> AccreditationRegister:
        """Load RIO LOD API v2 onderwijslicenties (one, a page, an array, or JSON Lines) with their accreditations.

        A licence does not name its programme: pass the CROHO code as ``programme`` (and the BRIN code as
        ``institution``) unless each record carries an ``erkendeopleidingscode`` of its own.
        """
        from nvao_equivalence._register_rio import rio_json

        return cls._load(source, lambda stream, name: rio_json(stream, name, programme, institution))

    @classmethod
    def from_deqar_json(cls, source: Source) -> AccreditationRegister:
        """Load DEQAR Web API v2 reports: one report, a list page (``results``), an array, or JSON Lines."""
        from nvao_equivalence._register_deqar import deqar_json

        return cls._load(source, deqar_json)

    @classmethod
    def from_deqar_csv(cls, source: Source) -> AccreditationRegister:
        """Load DEQAR's nightly reports CSV (``deqar-reports.csv``); its reports are listed by report id."""
        from nvao_equivalence._register_deqar import deqar_csv

        return cls._load(source, deqar_csv)

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> AccreditationRegister:
        """Load a register file of any supported kind, recognised by its extension and content (see docs)."""
        from nvao_equivalence._register_io import sniff

        kind = sniff(path)
        loaders = {"rio-csv": cls.from_rio_csv, "rio-json": cls.from_rio_json}
        loaders |= {"deqar-csv": cls.from_deqar_csv, "deqar-json": cls.from_deqar_json}
        return loaders[kind](path)

    @classmethod
    def _load(cls, source: Source, parse: Any) -> AccreditationRegister:
        from nvao_equivalence._register_io import opened

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
                listed = index.setdefault(programme_key(key), [])
                if record not in listed:  # RIO repeats a programme's row for every location (vestiging)
                    listed.append(record)
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
        return self._index.get(programme_key(programme), ())

    def lookup(self, programme: str, day: date, *, institution: str | None = None) -> RegisterAnswer:
        """Whether ``programme`` was accredited on ``day`` according to this register, and the record that says so.

        ``institution`` (a BRIN code for RIO, a DEQAR institution id) chooses among institutions that share a
        programme code; without it such a programme stays unknown.
        """
        found: RegisterAnswer = _answer()(programme, self.records(programme), day, institution)
        return found

    def apply(self, diploma: Diploma) -> tuple[Diploma, RegisterAnswer | None]:
        """``diploma`` with its programme's accreditation periods from this register, and the register's answer.

        Only for a diploma that names its ``programme`` and states neither ``accredited`` nor
        ``accreditations``; any other diploma comes back unchanged, with no answer. When the register does not
        say (``accredited`` is ``None``) the diploma also comes back unchanged: unknown stays unknown.
        """
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
