"""Reading an article file with a deadline: one file that never answers stalls nothing.

A named pipe with no writer, a device, a file on a network or FUSE mount that stopped
answering: reading it blocks, forever, and with it whoever reads (a refresh that never
ends, a window whose first scan never finishes). So:

* the file is opened without blocking (``O_NONBLOCK``: opening a pipe does not wait for
  a writer), and only a regular file is read: a pipe or a device, even behind a
  symlink, even one that replaced a file since the scan, is refused at once;
* it is opened and read in a reader thread, which the caller waits for at most
  ``READ_SECONDS``; past it the caller gets :class:`FileDidNotAnswer` (an ``OSError``:
  the article is listed as unreadable, saying why) and goes on with the next file.
  The reader thread, stuck in the kernel, is left behind (a daemon: it never keeps the
  process alive); the next read gets a fresh one.

Each calling thread has a reader thread of its own, kept between reads (one thread per
file would cost more than small files take to read): a file that stalls the refresh's
reader never delays the reading pane's.
"""

from __future__ import annotations

import errno
import os
import queue
import stat
import threading
from pathlib import Path

from reader.core.limits import READ_SECONDS

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 64 * 1024  # read at a time once the file is longer than its size said
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileTooLarge(OSError):
    """The file is over the size asked for; ``size`` is its size in bytes."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, "file too large", str(path))
        self.size = size


class NotRegularFile(OSError):
    """A pipe, a device or a socket where an article file was: never read."""


class FileDidNotAnswer(OSError):
    """The file was not read within ``READ_SECONDS`` (a stalled mount, say)."""


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, read within ``READ_SECONDS``.

    Raises what reading raises (``FileNotFoundError``, ``PermissionError``,
    ``IsADirectoryError``…), :class:`FileTooLarge` past ``max_bytes``,
    :class:`NotRegularFile` and :class:`FileDidNotAnswer`.
    """
    reader = _reader()
    reader.requests.put((path, max_bytes))
    seconds = READ_SECONDS
    try:
        succeeded, value = reader.answers.get(timeout=seconds)
    except queue.Empty:
        _local.reader = None  # stuck in the kernel: left behind, never asked again
        raise FileDidNotAnswer(
            errno.ETIMEDOUT, f"the file did not answer in {seconds:g} s", str(path)
        ) from None
    if succeeded:
        assert isinstance(value, bytes)
        return value
    assert isinstance(value, BaseException)
    raise value


class _Reader:
    """One reader thread and its two queues: paths to read in, results out."""

    def __init__(self) -> None:
        self.requests: queue.SimpleQueue[tuple[Path, int]] = queue.SimpleQueue()
        self.answers: queue.SimpleQueue[tuple[bool, bytes | BaseException]] = queue.SimpleQueue()
        thread = threading.Thread(target=self._serve, name="article-file-reader", daemon=True)
        thread.start()

    def _serve(self) -> None:
        while True:
            path, max_bytes = self.requests.get()
            try:
                self.answers.put((True, read_now(path, max_bytes)))
            except BaseException as exc:  # handed to the caller, who raises it
                self.answers.put((False, exc))


_local = threading.local()


def _forget_readers() -> None:
    """In a forked child: its parent's reader threads are not there (their queues are)."""
    global _local
    _local = threading.local()


if hasattr(os, "register_at_fork"):  # not on Windows, which never forks
    os.register_at_fork(after_in_child=_forget_readers)


def _reader() -> _Reader:
    reader: _Reader | None = getattr(_local, "reader", None)
    if reader is None:
        reader = _local.reader = _Reader()
    return reader


def read_now(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, read in this thread (no deadline)."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "no file")
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({kind})", str(path))
        if info.st_size > max_bytes:
            raise FileTooLarge(path, info.st_size)
        chunks: list[bytes] = []
        read = 0
        while chunk := os.read(fd, max(info.st_size - read + 1, _CHUNK)):  # one read, mostly
            chunks.append(chunk)
            read += len(chunk)
            if read > max_bytes:  # it grew since the fstat
                raise FileTooLarge(path, read)
    finally:
        os.close(fd)
    return b"".join(chunks)
