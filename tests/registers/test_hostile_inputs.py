"""Hostile register files and credentials give the library's documented error, and nothing worse.

Each input is generated here; the endless ones are streams that are never stored. The last test runs them all in a
child process under a 1 GiB address-space limit: it must finish normally, every input refused with its error.
"""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import textwrap

import pytest

from nvao_equivalence import AccreditationRegister, Diploma
from nvao_equivalence._files.streams import MAX_JSON_BYTES, MAX_LINE_BYTES
from nvao_equivalence.exceptions import CredentialError, RegisterDataError
from tests.paths import ROOT

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"><generatedDate>&lol9;</generatedDate></elmo>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE elmo [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"><generatedDate>&secret;</generatedDate></elmo>
"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE elmo SYSTEM "http://198.51.100.1/elmo.dtd">
<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"/>
"""

RIO_HEADER = b"ERKENDEOPLEIDINGSCODE,ACCREDITATIE_BEGINDATUM,ACCREDITATIE_VERVALDATUM\n"


class Endless(io.RawIOBase):
    """``head``, then the byte ``fill`` for ever: a line (or a JSON string) without end, generated as it is read."""

    def __init__(self, head: bytes, fill: bytes = b"x") -> None:
        self._head, self._fill, self.served = head, fill, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        size = len(buffer)
        chunk = (self._head + self._fill * size)[:size]
        self._head = self._head[size:]
        buffer[:size] = chunk
        self.served += size
        return size


@pytest.mark.parametrize(("document", "kind"), [
    (BILLION_LAUGHS, "DTDForbidden"), (EXTERNAL_ENTITY, "DTDForbidden"), (EXTERNAL_DTD, "DTDForbidden"),
])  # fmt: skip
def test_xml_with_a_dtd_or_entities_is_refused_before_anything_is_expanded_or_fetched(document, kind):
    with pytest.raises(CredentialError, match=rf"^ELMO XML refused: {kind} \("):
        Diploma.from_credential(document)


def test_a_register_line_beyond_the_limit_stops_the_load_after_reading_just_past_it():
    stream = Endless(RIO_HEADER)
    with pytest.raises(RegisterDataError) as raised:
        AccreditationRegister.from_rio_csv(io.BufferedReader(stream))
    assert str(raised.value) == (
        "<stream>, line 2: the line is longer than 1,048,576 bytes, the limit for one line of a register file"
    )
    assert (raised.value.path, raised.value.line) == ("<stream>", 2)
    assert stream.served < MAX_LINE_BYTES + 2 * io.DEFAULT_BUFFER_SIZE + len(RIO_HEADER)


def test_a_json_record_beyond_the_limit_stops_the_load():
    stream = Endless(b'[{"id": 1, "agency_acronym": "NVAO", "summary": "')
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 1: a JSON value longer than 16,777,216 bytes"):
        AccreditationRegister.from_deqar_json(io.BufferedReader(stream))
    assert stream.served < 2 * MAX_JSON_BYTES


def test_a_csv_with_a_nul_byte_is_not_a_register():
    data = RIO_HEADER + b"34001,2015-09-01,\n34002,2012-09-01\x00,2018-09-01\n"
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 3: the line holds a NUL byte"):
        AccreditationRegister.from_rio_csv(io.BytesIO(data))


def test_a_file_that_is_not_utf8_names_its_line():
    data = RIO_HEADER + "34001,2015-09-01,\n34002,2012-09-01,2018-09-01 \u00e9\n".encode("cp1252")
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 3: the file is not UTF-8 \(byte 0xe9\)"):
        AccreditationRegister.from_rio_csv(io.BytesIO(data))


def test_a_header_without_the_registers_columns_is_refused():
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 1: the header lacks ACCREDITATIE_BEGINDATUM"):
        AccreditationRegister.from_rio_csv(io.BytesIO(b"ERKENDEOPLEIDINGSCODE,NAAM\n34001,x\n"))


@pytest.mark.parametrize(("data", "message"), [
    (RIO_HEADER.rstrip(b"\n") + b"\r34001,2015-09-01,\r34002,2012-09-01,2018-09-01\r",
     "<stream>, line 1: the header is not CSV: its lines end in a bare carriage return (CR), as old Mac exports "
     "write; save it with CRLF or LF endings"),
    (RIO_HEADER.rstrip(b"\n") + b',"' + b"x" * (128 * 1024 + 1) + b'"\n34001,2015-09-01,,\n',
     "<stream>, line 1: the header is not CSV: a field is longer than 131,072 characters, the limit"),
    (RIO_HEADER + b'34001,2015-09-01,"' + b"x" * (128 * 1024 + 1) + b'"\n',
     "<stream>, line 2: not CSV: a field is longer than 131,072 characters, the limit"),
])  # fmt: skip
def test_csv_the_csv_module_cannot_read_is_a_register_data_error(data, message):
    with pytest.raises(RegisterDataError) as raised:
        AccreditationRegister.from_rio_csv(io.BytesIO(data))
    assert str(raised.value) == message


REPORT = b'{"id": 990001, "agency_acronym": "NVAO", "decision": "positive", "valid_from": "2020-01-01", '


@pytest.mark.parametrize(("data", "problem"), [
    (REPORT + b'"institutions": 5}', "report 990001: institutions is 5, not an array"),
    (REPORT + b'"programmes": 4.5}', "report 990001: programmes is 4.5, not an array"),
    (REPORT + b'"programmes": [{"id": 3, "programme_identifiers": "x"}]}',
     "report 990001: programme_identifiers is 'x', not an array"),
])  # fmt: skip
def test_a_deqar_report_with_a_number_where_an_array_belongs_is_a_problem_of_its_own(data, problem):
    register = AccreditationRegister.from_deqar_json(io.BytesIO(b"[" + data + b",\n" + REPORT[:-2] + b"}]"))
    assert [(item.line, item.message) for item in register.problems] == [(1, problem)]
    assert list(register) == ["deqar:report:990001"]  # the well-formed report on line 2 is loaded


@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_json_nested_deeply_is_refused_for_registers_and_credentials(depth):
    deep = b"[" * depth + b"]" * depth
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 1: JSON nested too deeply"):
        AccreditationRegister.from_deqar_json(io.BytesIO(b"[" + deep + b"]"))
    with pytest.raises(CredentialError, match=r"^the credential's JSON is nested too deeply$"):
        Diploma.from_credential(b'{"a": ' + deep + b"}")


def test_broken_json_is_refused_with_its_line():
    with pytest.raises(RegisterDataError, match=r"^<stream>, line 3: not JSON: Expecting property name"):
        AccreditationRegister.from_deqar_json(io.BytesIO(b'[\n{"id": 1, "agency_acronym": "NVAO"},\n{"id": 2,,}\n]'))


def test_a_gzip_bomb_credential_is_refused_at_the_size_limit():
    bomb = gzip.compress(b"<" + b" " * (40 << 20), compresslevel=9)
    with pytest.raises(CredentialError, match=r"^the credential unpacks to more than 16,777,216 bytes, the limit$"):
        Diploma.from_credential(bomb)


_CHILD = textwrap.dedent(
    """
    import io, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    sys.path.insert(0, sys.argv[1])
    from tests.registers.test_hostile_inputs import BILLION_LAUGHS, EXTERNAL_ENTITY, RIO_HEADER, Endless
    from nvao_equivalence import AccreditationRegister, Diploma
    from nvao_equivalence.exceptions import CredentialError, RegisterDataError
    attempts = [
        lambda: Diploma.from_credential(BILLION_LAUGHS),
        lambda: Diploma.from_credential(EXTERNAL_ENTITY),
        lambda: AccreditationRegister.from_rio_csv(io.BufferedReader(Endless(RIO_HEADER))),
        lambda: AccreditationRegister.from_deqar_json(io.BufferedReader(Endless(b'"'))),
        lambda: AccreditationRegister.from_rio_csv(io.BytesIO(RIO_HEADER + b"1,\\x00,\\n")),
        lambda: AccreditationRegister.from_deqar_json(io.BytesIO(b"[" * 1_000_000)),
        lambda: Diploma.from_credential(b"[" * 1_000_000),
    ]
    for attempt in attempts:
        try:
            attempt()
        except (CredentialError, RegisterDataError) as error:
            print(type(error).__name__)
    """
)


def test_every_hostile_input_is_refused_within_a_memory_limit_without_crashing(tmp_path):
    result = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["CredentialError"] * 2 + ["RegisterDataError"] * 4 + ["CredentialError"]
