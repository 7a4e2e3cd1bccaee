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

>>> from datetime import date
>>> register = AccreditationRegister.from_records([
...     RegisterRecord("RIO", "39999", date(2021, 3, 15), None, True, "accredited", "example.csv, line 2")])
>>> register.lookup("39999", date(2023, 7, 7)).accredited, register.lookup("39999", date(2021, 3, 14)).accredited
(True, None)
"""

from __future__ import annotations

from nvao_equivalence._registers.records import RegisterAnswer, RegisterProblem, RegisterRecord
from nvao_equivalence._registers.register import MAX_PROBLEMS, AccreditationRegister, programme_key

__all__ = [
    "MAX_PROBLEMS",
    "AccreditationRegister",
    "RegisterAnswer",
    "RegisterProblem",
    "RegisterRecord",
    "programme_key",
]
