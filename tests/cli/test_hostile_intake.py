"""`batch` on hostile intake records: each one that cannot be read becomes an error row in its place, the run goes
on, and the output stays valid for its format."""

from __future__ import annotations

import csv
import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from nvao_equivalence._cli.batch import BatchOptions, run_batch
from nvao_equivalence._cli.commands import main
from nvao_equivalence._files.output import Sink

GOOD = {"awarded_by": "NL", "degree": "wo-bachelor", "awarded_on": "2016-07-01", "accredited": "yes", "target": "VL"}
DECIDED = "equivalent"


def good(**extra: object) -> str:
    return json.dumps({**GOOD, **extra})


def strict_json(line: str) -> dict[str, object]:
    """A line read as JSON proper: NaN and Infinity, which Python's json accepts, are refused."""

    def refuse(constant: str) -> object:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(line, parse_constant=refuse)  # type: ignore[no-any-return]


def run_jsonl(tmp_path, capsys, lines: list[str], *extra: str) -> tuple[int, list[dict[str, object]], str]:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    code = main(["batch", str(source), "--on", "2020-01-01", "-q", *extra])
    captured = capsys.readouterr()
    return code, [strict_json(line) for line in captured.out.splitlines()], captured.err


def test_each_hostile_json_record_becomes_an_error_row_in_its_place(tmp_path, capsys):
    lines = [
        good(n=1),
        '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}",  # nested 100,000 deep
        '{"a": ' + "[" * 101 + "]" * 101 + "}",  # just past the limit, within the interpreter's
        '{"a": ' + "[" * 99 + "]" * 99 + ', "awarded_by": "NL", "degree": "wo-ba", "awarded_on": "2016-07-01", '
        '"accredited": "yes", "target": "VL"}',  # at the limit: 100 levels with the record itself
        '{"n": ' + "9" * 4301 + "}",  # more digits than Python converts
        '{"name": "\\ud800"}',  # half a surrogate pair
        '{"name": "\\ud83d\\ude00", ' + good()[1:],  # a whole pair is a character
        '{"awarded_by": "NL", "awarded_by": "VL"}',  # the same key twice
        '{"x": {"k": 1, "k": 2}, ' + good()[1:],  # also inside a value
        good(Awarded_By="VL"),  # the same column in another case
        good(n=2),
    ]
    code, rows, err = run_jsonl(tmp_path, capsys, lines)
    assert (code, err) == (1, "")
    assert len(rows) == len(lines)
    assert [row["error"] for row in rows] == [
        "",
        "line 2: JSON nested deeper than 100 levels, the limit",
        "line 3: JSON nested deeper than 100 levels, the limit",
        # At the limit the record is read; a list is no value for a column, as before.
        "a: " + "[" * 99 + "]" * 99 + " is not a text, number, boolean or null",
        "line 5: a number has more than 4,300 digits, the limit; write it as text",
        "line 6: the escape \\ud800 is half of a UTF-16 surrogate pair, not a character; write the character itself, "
        "or both halves",
        "",
        "line 8: the key 'awarded_by' appears twice in one object; keep one",
        "line 9: the key 'k' appears twice in one object; keep one",
        "the keys 'awarded_by' and 'Awarded_By' name the same column 'awarded_by' (case and surrounding spaces do "
        "not count); keep one",
        "",
    ]
    assert [row["outcome"] for row in rows] == [DECIDED, "", "", "", "", "", DECIDED, "", "", "", DECIDED]
    assert rows[0]["n"] == 1
    assert rows[6]["name"] == "\U0001f600"
    assert rows[9]["Awarded_By"] == "VL"  # the record is written back whole, both values kept


def test_nan_infinity_and_numbers_no_float_holds_are_kept_as_their_text(tmp_path, capsys):
    lines = [
        '{"score": NaN, "high": Infinity, "low": -Infinity, "big": 1e999, "small": -1e999, "x": 1.5, ' + good()[1:]
    ]
    code, rows, _ = run_jsonl(tmp_path, capsys, lines)
    assert code == 0
    (row,) = rows
    assert (row["score"], row["high"], row["low"], row["big"], row["small"], row["x"]) == (
        "NaN", "Infinity", "-Infinity", "1e999", "-1e999", 1.5,
    )  # fmt: skip
    assert row["outcome"] == DECIDED


def test_nan_in_json_lines_to_csv_is_written_as_its_text(tmp_path, capsys):
    lines = [good(score=1), '{"score": NaN, ' + good()[1:]]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(line + "\n" for line in lines))
    code = main(["batch", str(source), "--on", "2020-01-01", "-q", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 0
    assert [row["score"] for row in rows] == ["1", "NaN"]


def test_a_csv_cell_over_the_limit_fails_its_row_and_the_run_goes_on(tmp_path, capsys):
    long = "x" * (128 * 1024 + 1)
    source = tmp_path / "in.csv"
    source.write_text(
        "student,awarded_by,degree,awarded_on,accredited,notes\n"
        "S1,NL,wo-bachelor,2016-07-01,yes,short\n"
        f'S2,NL,wo-bachelor,2016-07-01,yes,"{long}"\n'
        f"S3,NL,wo-bachelor,2016-07-01,yes,{long}\n"
        f"S4,NL,wo-bachelor,2016-07-01,yes,{long[:-1]}\n"  # exactly at the limit
        "S5,NL,wo-bachelor,2016-07-01,yes,end\n"
    )
    code = main(["batch", str(source), "--on", "2020-01-01", "--target", "VL", "-q"])
    captured = capsys.readouterr()
    limit = csv.field_size_limit(1 << 20)
    try:
        rows = list(csv.DictReader(io.StringIO(captured.out)))
    finally:
        csv.field_size_limit(limit)
    assert (code, captured.err) == (1, "")
    assert [row["student"] for row in rows] == ["S1", "S2", "S3", "S4", "S5"]
    assert [row["outcome"] for row in rows] == [DECIDED, "", "", DECIDED, DECIDED]
    message = "the cell in column 'notes' is 131,073 characters long, over the limit of 131,072; shorten it"
    assert [row["error"] for row in rows] == ["", message, message, "", ""]
    assert [len(row["notes"]) for row in rows] == [5, 131_073, 131_073, 131_072, 3]
    assert csv.field_size_limit() == 128 * 1024  # the process's limit is as it was


def test_a_header_of_100000_columns_is_read_and_written_back(tmp_path, capsys):
    extra = [f"c{number}" for number in range(100_000)]
    source = tmp_path / "wide.csv"
    source.write_text(
        ",".join(["awarded_by", "degree", "awarded_on", "accredited", *extra]) + "\n"
        + ",".join(["NL", "wo-bachelor", "2016-07-01", "yes", *extra]) + "\n"
    )  # fmt: skip
    code = main(["batch", str(source), "--on", "2020-01-01", "--target", "VL", "-q"])
    header, row = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert code == 0
    assert header[4:100_004] == extra
    assert row[4:100_004] == extra
    assert row[100_004] == DECIDED


def test_a_header_naming_a_column_twice_among_many_is_refused(tmp_path, capsys):
    names = [f"c{number}" for number in range(40_000)]
    source = tmp_path / "wide.csv"
    source.write_text(",".join(["awarded_by", "degree", "awarded_on", "accredited", *names, "C39999"]) + "\n")
    code = main(["batch", str(source), "--target", "VL", "-q"])
    assert code == 2
    assert capsys.readouterr().err == "nvao-equivalence: error: column 'c39999' appears more than once in the header\n"


def test_runs_in_several_threads_put_back_the_csv_limit_they_found(tmp_path):
    long = "x" * (128 * 1024 + 1)
    source = tmp_path / "in.csv"
    source.write_text(
        "awarded_by,degree,awarded_on,accredited,notes\n"
        + "".join(f"NL,wo-bachelor,2016-07-01,yes,{long if number % 2 else 'short'}\n" for number in range(40))
    )
    options = BatchOptions(on=date(2020, 1, 1), target="VL")
    start = threading.Barrier(8)

    def run(_: int) -> tuple[int, int]:
        start.wait()
        tally = run_batch(str(source), Sink(io.StringIO(), "memory"), options)
        return tally.rows, tally.errors

    before = csv.field_size_limit()
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(run, range(8))) == [(40, 20)] * 8
    assert csv.field_size_limit() == before
