"""`batch` through the real entry point, in a child process: odd output paths, signals and a standard output that
cannot be written. Whatever happens, no traceback, no leftover temporary file, and an existing output either
replaced whole or left as it was."""

from __future__ import annotations

import csv
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

HEADER = "student,awarded_by,degree,awarded_on,accredited,target\n"
ROW = "S{0},VL,academic-bachelor,2016-07-01,yes,NL\n"
COMMAND = [sys.executable, "-m", "nvao_equivalence", "batch"]
TIMEOUT = 120  # seconds: only so that a hang fails the test instead of stopping the run


def intake(rows: int) -> str:
    return HEADER + "".join(ROW.format(number) for number in range(rows))


def students(text: str) -> list[str]:
    return [row["student"] for row in csv.DictReader(io.StringIO(text))]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".partial"))


def batch(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    if "stdout" not in options:
        options["capture_output"] = True
    return subprocess.run(  # type: ignore[call-overload]
        [*COMMAND, *args, "--on", "2020-01-01", "-q"], text=True, timeout=TIMEOUT, check=False, **options
    )


def test_a_fifo_is_streamed_into_and_stays_a_fifo(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(50))
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = batch(str(source), "-o", str(fifo))
    reader.join(TIMEOUT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert students(received[0]) == [f"S{number}" for number in range(50)]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_symlink_is_followed_its_target_replaced_and_the_link_kept(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(3))
    folder = tmp_path / "real"
    folder.mkdir()
    target = folder / "decisions.csv"
    target.write_text("previous decisions\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    result = batch(str(source), "-o", str(link))
    assert (result.returncode, result.stderr) == (0, "")
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert students(target.read_text()) == ["S0", "S1", "S2"]
    assert leftovers(tmp_path) == leftovers(folder) == []


def test_a_dangling_symlink_gets_its_target_created(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(2))
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "new.csv")
    result = batch(str(source), "-o", str(link))
    assert (result.returncode, result.stderr) == (0, "")
    assert link.is_symlink()
    assert students((tmp_path / "new.csv").read_text()) == ["S0", "S1"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("name", "reason"), [
    ("folder", "it is a directory; give a file name"),
    ("absent/out.csv", "No such file or directory"),
    ("in.fifo/out.csv", "Not a directory"),
])  # fmt: skip
def test_an_output_that_cannot_be_written_stops_the_command_before_any_input_is_read(tmp_path, name, reason):
    (tmp_path / "folder").mkdir()
    # The input is a FIFO nobody writes to: reading it would wait for ever, so an answer proves it was not read.
    source = tmp_path / "in.fifo"
    os.mkfifo(source)
    result = batch(str(source), "-o", str(tmp_path / name))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"nvao-equivalence: error: cannot write {tmp_path / name}: {reason}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["folder", "in.fifo"]
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize(("number", "code", "line"), [
    (signal.SIGINT, 130, "nvao-equivalence: interrupted (Ctrl-C); an output file named with -o is left as it was\n"),
    (signal.SIGTERM, 143, "nvao-equivalence: terminated (SIGTERM); an output file named with -o is left as it was\n"),
])  # fmt: skip
def test_a_signal_mid_run_removes_the_temporary_file_and_keeps_the_old_output(tmp_path, number, code, line):
    out = tmp_path / "out.csv"
    out.write_text("previous decisions\n")
    process = subprocess.Popen(
        [*COMMAND, "-", "--on", "2020-01-01", "-q", "-o", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdin is not None
    # Enough rows to fill the output's buffer: once the temporary file has bytes in it, the run is under way and
    # waiting for more input (stdin stays open).
    process.stdin.write(intake(500))
    process.stdin.flush()
    deadline = time.monotonic() + TIMEOUT
    while not any(path.stat().st_size for path in tmp_path.glob(".out.csv.*.partial")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run did not start writing"
        time.sleep(0.05)
    process.send_signal(number)
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    assert (process.returncode, stdout, stderr) == (code, "", line)
    assert out.read_text() == "previous decisions\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv"]


def test_a_closed_standard_output_is_one_line_and_exit_2(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(3))
    script = 'exec "$@" >&-'  # the child starts with descriptor 1 closed
    result = subprocess.run(
        ["sh", "-c", script, "sh", *COMMAND, str(source), "--on", "2020-01-01"],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "nvao-equivalence: error: cannot write standard output: it is closed; give an output file with -o\n"
    )


def test_a_pipe_without_a_reader_is_one_line_and_exit_2(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(3))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = batch(str(source), stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr == "nvao-equivalence: error: cannot write standard output: the reader closed the pipe\n"


def test_a_reader_that_goes_away_early_like_head_is_one_line_and_exit_2(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(3000))  # far more than a pipe holds: the writer is still writing when the reader goes
    with subprocess.Popen(
        [*COMMAND, str(source), "--on", "2020-01-01"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline().startswith("student,awarded_by,")
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(TIMEOUT)
    assert process.returncode == 2
    assert stderr == "nvao-equivalence: error: cannot write standard output: the reader closed the pipe\n"


def test_a_full_run_into_a_new_file_leaves_only_that_file(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(intake(20))
    result = batch(str(source), "-o", str(tmp_path / "out.csv"))
    assert (result.returncode, result.stderr) == (0, "")
    assert students((tmp_path / "out.csv").read_text()) == [f"S{number}" for number in range(20)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "out.csv"]


@pytest.mark.parametrize("command", [
    ["rules", "list"],
    ["check", "--awarded-by", "VL", "--degree", "master", "--awarded-on", "2016-07-01", "--target", "NL"],
])  # fmt: skip
def test_the_other_commands_also_say_one_line_when_their_reader_is_gone(command):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "nvao_equivalence", *command],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr == "nvao-equivalence: error: cannot write standard output: the reader closed the pipe\n"
