"""Fuzzing the readers of files: the intake of ``batch``, the register readers and the rule loader. Fed real files
with random damage, and random bytes, each either reads or raises its documented error (:class:`BatchError`,
:class:`RegisterDataError`, :class:`RuleDataError`); nothing else ever escapes, and ``batch`` writes one valid
output row per row it counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nvao_equivalence import AccreditationRegister, RuleSet
from nvao_equivalence._cli.batch import BatchOptions, run_batch
from nvao_equivalence._cli.intake import BatchError
from nvao_equivalence._files.output import Sink
from nvao_equivalence._files.streams import delimiter_of
from nvao_equivalence.exceptions import RegisterDataError, RuleDataError
from tests.paths import DOCS, FIXTURES, RULES

# Each example reads a whole file: under CI's 2,000 examples a test would take minutes, so each is capped.
fuzz = settings(
    max_examples=min(settings.default.max_examples, 600), suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip

REGISTERS = FIXTURES / "registers"
INTAKE = (DOCS / "examples" / "intake.csv").read_bytes()
INTAKE_JSONL = "".join(
    json.dumps(row, ensure_ascii=False) + "\n" for row in csv.DictReader(io.StringIO(INTAKE.decode("utf-8")))
).encode()
SEEDS = {path.name: path.read_bytes() for path in sorted(REGISTERS.iterdir())}
RULE_FILE = (RULES / "nvao-treaty.toml").read_bytes()

# What damage looks like: the bytes that trip readers up, and random ones.
FRAGMENTS = st.one_of(
    st.binary(max_size=12),
    st.text(max_size=12).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from([
        b"\r", b"\n", b"\r\n", b'"', b",", b";", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\\", b"\\ud800", b"\\u0000",
        b"NaN", b"Infinity", b"-1e999", b"1e999", b"9" * 4400, b"null", b"true", b"0", b"[]", b"{}", b'""', b"[",
        b"{", b"]", b"}", b":", b"[" * 3000, b"{\"a\":" * 500, b'"k": 1, "k": 2', b"=", b"[[", b"]]", b"'''",
        b'"""', b"#", b"inf", b"nan", b"1979-05-27", b"1979-05-27T07:32:00Z", b"x" * (129 * 1024),
        b"a" + b".a" * 200 + b" = 1\n", b"a = " + b"[" * 3000, b"\nx = " + b"[" * 3000 + b"]" * 3000 + b"\n",
        b"\ny = " + b"{ z = " * 2000 + b"1" + b" }" * 2000 + b"\n",
    ]),
)  # fmt: skip


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few stretches replaced by damage, or (now and then) random bytes instead."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 60)))
        data[start:end] = draw(FRAGMENTS)
    if draw(st.integers(0, 4)) == 0:  # after an intact file, which a reader reads up to the damage
        data += draw(FRAGMENTS)
    return bytes(data)


# Well-formed JSON of the registers' shapes, with any value in any place: a number where an array belongs, an
# array where a date does.
REGISTER_KEYS = st.sampled_from([
    "id", "agency_acronym", "decision", "valid_from", "valid_to", "institutions", "programmes",
    "programme_identifiers", "identifier", "deqar_id", "qf_ehea_level", "agency_esg_activity_type", "results",
    "_embedded", "hoOnderwijsaccreditatie", "onderwijslicenties", "erkendeopleidingscode", "begindatum",
    "vervaldatum", "intrekkingsdatum", "afbouwdatum", "licentiecode", "nVAOdossiernummer", "type", "name_primary",
])  # fmt: skip
JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6),
    st.sampled_from(["NVAO", "positive", "negative", "institutional", "2020-01-01", "2014-02-30", "990001", ""]),
)  # fmt: skip
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(REGISTER_KEYS, children, max_size=4),
    max_leaves=12,
)
REPORT = {"id": 990001, "agency_acronym": "NVAO", "decision": "positive", "valid_from": "2020-01-01"}
LICENCE = {"erkendeopleidingscode": "34001", "_embedded": {"hoOnderwijsaccreditatie": [{"begindatum": "2015-01-01"}]}}


@st.composite
def register_json(draw: st.DrawFn, base: dict[str, Any]) -> bytes:
    """A page, an array or JSON Lines of records: ``base`` with keys replaced or added, or any JSON value."""
    records = draw(st.lists(st.one_of(JSON_VALUES, st.dictionaries(REGISTER_KEYS, JSON_VALUES).map(
        lambda changes: {**base, **changes}
    )), min_size=1, max_size=4))  # fmt: skip
    layout = draw(st.sampled_from(["array", "page", "lines"]))
    if layout == "lines":
        return "\n".join(json.dumps(record) for record in records).encode()
    return json.dumps({"results": records} if layout == "page" else records).encode()


@contextmanager
def written(data: bytes, suffix: str) -> Iterator[str]:
    """``data`` in a temporary file of its own (a Hypothesis test cannot share a function-scoped tmp_path)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        yield str(path)


def output_rows(text: str, output_format: str) -> int:
    """The rows of a ``batch`` output, read back strictly: JSON without NaN or Infinity, CSV by the module."""
    if output_format == "jsonl":

        def refuse(constant: str) -> object:
            raise AssertionError(f"not JSON: {constant}")

        lines = text.split("\n")[:-1]  # JSON Lines ends each line in \n; U+0085 or U+2028 in a value is no end
        assert text.endswith("\n") or not text
        for line in lines:
            assert isinstance(json.loads(line, parse_constant=refuse), dict)
        return len(lines)
    text = text.removeprefix("\ufeff")
    delimiter = delimiter_of(text.split("\n", 1)[0])  # the output keeps the input's delimiter
    limit = csv.field_size_limit(64 << 20)
    try:
        return len(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))) - 1  # less the header
    finally:
        csv.field_size_limit(limit)


@fuzz
@given(
    st.one_of(
        st.tuples(st.just("csv"), damaged(INTAKE)),
        st.tuples(st.just("jsonl"), damaged(INTAKE_JSONL)),
    ),
    st.sampled_from(["csv", "jsonl"]),
)
def test_the_intake_reads_every_row_or_raises_batch_error(intake: tuple[str, bytes], output_format: str) -> None:
    input_format, data = intake
    out = io.StringIO()
    options = BatchOptions(on=date(2025, 9, 1), target="NL", output_format=output_format)
    with written(data, f".{input_format}") as path:
        try:
            tally = run_batch(path, Sink(out, "memory"), options)
        except BatchError:
            return  # the documented error of a file the command cannot run on
    assert output_rows(out.getvalue(), output_format) == tally.rows
    assert csv.field_size_limit() == 128 * 1024


READERS: dict[str, Callable[[Any], AccreditationRegister]] = {
    "ho_erkenningen_rio.csv": AccreditationRegister.from_rio_csv,
    "deqar-reports.csv": AccreditationRegister.from_deqar_csv,
    "deqar_report_990101.json": AccreditationRegister.from_deqar_json,
    "deqar_reports_page.json": AccreditationRegister.from_deqar_json,
    "rio_onderwijslicentie_34005.json": AccreditationRegister.from_rio_json,
}


@fuzz
@given(st.sampled_from(sorted(READERS)).flatmap(lambda name: st.tuples(st.just(name), damaged(SEEDS[name]))))
def test_a_register_reader_loads_or_raises_register_data_error(register: tuple[str, bytes]) -> None:
    loaded = _loaded(*register)
    if loaded is not None:
        assert all(problem.line >= 1 for problem in loaded.problems)
        assert loaded.problem_count >= len(loaded.problems)


def _loaded(name: str, data: bytes) -> AccreditationRegister | None:
    """The register the reader for files like ``name`` makes of ``data``, or None when it raises
    RegisterDataError, the documented error of a file that is not a register (any other error fails the test)."""
    try:
        return READERS[name](io.BytesIO(data))
    except RegisterDataError:
        return None


@fuzz
@given(st.one_of(
    register_json(REPORT).map(lambda data: ("deqar_reports_page.json", data)),
    register_json(LICENCE).map(lambda data: ("rio_onderwijslicentie_34005.json", data)),
))  # fmt: skip
def test_register_json_of_any_shape_loads_or_raises_register_data_error(register: tuple[str, bytes]) -> None:
    loaded = _loaded(*register)
    if loaded is not None:
        assert all(problem.line >= 1 for problem in loaded.problems)


@fuzz
@given(st.sampled_from(sorted(READERS)).flatmap(lambda name: st.tuples(st.just(name), damaged(SEEDS[name]))))
def test_a_register_file_of_any_kind_loads_or_raises_register_data_error(register: tuple[str, bytes]) -> None:
    name, data = register
    with written(data, os.path.splitext(name)[1]) as path:
        try:
            loaded = AccreditationRegister.from_path(path)
        except RegisterDataError:
            return  # the documented error of a file that is not a register
    assert loaded.sources == ("input" + os.path.splitext(name)[1],)


# The bundled rule file is some 46 kB; Hypothesis warns that showing a damaged copy of it is expensive.
@pytest.mark.filterwarnings("ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")
@settings(max_examples=min(settings.default.max_examples, 300), suppress_health_check=[HealthCheck.too_slow])
@given(damaged(RULE_FILE))
def test_a_rule_file_loads_or_raises_rule_data_error_and_validate_never_raises(data: bytes) -> None:
    with written(data, ".toml") as path:
        problems = RuleSet.validate(path)
        try:
            RuleSet.from_paths(path)
        except RuleDataError:
            failed = True
        else:
            failed = False
    assert failed == bool(problems)  # validate reports a problem exactly when loading refuses the file
