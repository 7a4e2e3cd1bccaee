"""Writing a command's output: to standard output, atomically to a regular file, or straight into a stream.

What a path names is decided once, before anything is read, so that a path that cannot be written stops the
command before it has done any work:

- a regular file, or a path that does not exist yet, is written to a temporary file beside it and renamed over it
  only when everything is written: an existing file is never left half-written, and the temporary file is removed
  whatever stops the run (an error, Ctrl-C, SIGTERM turned into an exception). A symlink is followed: its target
  is replaced and the link kept.
- a FIFO, a character device or a socket cannot be replaced by a rename without destroying it: it is opened and
  written in place.
- a directory, a path in a folder that does not exist, or a file without write permission raises
  :class:`OutputError`.

A write that fails (a full disk, a reader that went away from a pipe) raises :class:`OutputError` too, naming the
output and the system's reason.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO

import attrs

from nvao_equivalence.exceptions import EquivalenceError

__all__ = ["STDOUT", "OutputError", "Sink", "output_sink", "quiet_stdout"]

STDOUT = "standard output"


class OutputError(EquivalenceError):
    """The output cannot be written; the message names it and the reason."""


@attrs.define
class Sink:
    """An opened output: the text stream to write to, and the name to cite it by in an error."""

    stream: IO[str]
    name: str

    def failed(self, error: OSError) -> OutputError:
        """The error to raise for a write to this output that failed with ``error``."""
        if self.name == STDOUT:
            quiet_stdout()
        reason = "the reader closed the pipe" if isinstance(error, BrokenPipeError) else error.strerror or error
        return OutputError(f"cannot write {self.name}: {reason}")


@contextmanager
def output_sink(path: str | None) -> Iterator[Sink]:
    """The output for ``path`` (``None`` or ``-``: standard output), checked and opened at once; see the module.

    On leaving without an exception the output is complete: flushed, and a regular file renamed into place. On
    leaving with one, a temporary file is removed and the exception goes on.
    """
    if path is None or path == "-":
        with _stdout() as sink:
            yield sink
        return
    try:
        found = os.stat(path)  # follows a symlink, as writing will
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(f"cannot write {path}: it is a directory; give a file name")
    if found is not None and not stat.S_ISREG(found.st_mode):
        with _stream(path) as sink:
            yield sink
        return
    with _replacing(path, found) as sink:
        yield sink


@contextmanager
def _stdout() -> Iterator[Sink]:
    if sys.stdout is None:  # started with its standard output closed (>&-)
        raise OutputError(f"cannot write {STDOUT}: it is closed; give an output file with -o")
    sink = Sink(sys.stdout, STDOUT)
    yield sink
    try:
        sink.stream.flush()
    except OSError as error:
        raise sink.failed(error) from None


@contextmanager
def _stream(path: str) -> Iterator[Sink]:
    """A FIFO, device or socket, written in place (opening a FIFO waits for its reader)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    stream = open(descriptor, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    sink = Sink(stream, path)
    try:
        yield sink
        stream.flush()
    except OSError as error:
        raise sink.failed(error) from None
    finally:
        with suppress(OSError):  # a flush that failed above has said why; closing cannot add to it
            stream.close()


@contextmanager
def _replacing(path: str, found: os.stat_result | None) -> Iterator[Sink]:
    """A temporary file beside the (symlink-resolved) target, renamed over it when complete."""
    target = os.path.realpath(path)
    if found is not None and not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {path}: {os.strerror(errno.EACCES)}")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
            "w", encoding="utf-8", newline="", dir=os.path.dirname(target),
            prefix=f".{os.path.basename(target)}.", suffix=".partial", delete=False,
        )  # fmt: skip
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    # The file itself, not the wrapper that removes it on close: the wrapper's lookup on every write is a
    # measurable part of a large batch, and removing is done below.
    sink = Sink(handle.file, path)
    try:
        yield sink
        try:
            handle.close()  # flushes: a full disk shows here
            # A temporary file is private (0600); the result gets the replaced file's mode, or the usual one.
            os.chmod(handle.name, stat.S_IMODE(found.st_mode) if found is not None else 0o666 & ~_umask())
            os.replace(handle.name, target)
        except OSError as error:
            raise sink.failed(error) from None
    except BaseException:
        with suppress(OSError):
            handle.close()
        with suppress(FileNotFoundError):
            os.unlink(handle.name)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def quiet_stdout() -> None:
    """After a failed write to standard output, point it at the null device: the interpreter's own flush at exit
    would otherwise report the same failure again, with a traceback-like message."""
    with suppress(OSError, ValueError, AttributeError):  # nothing more can be done for a stream already gone
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
