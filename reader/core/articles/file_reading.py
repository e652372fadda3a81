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
import time
from collections.abc import Sequence
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
    (value,) = read_files([path], max_bytes)
    if isinstance(value, BaseException):
        raise value
    return value


def read_files(paths: Sequence[Path], max_bytes: int) -> list[bytes | OSError]:
    """The bytes of each of these regular files, or the ``OSError`` reading it raised
    (as :func:`read_file` raises them), in their order.

    They are handed to the reader thread in one request and read in turn: the caller
    is woken once, not once per file (what a page of search hits needs). Each file
    still has ``READ_SECONDS`` of its own: one that does not answer gets
    :class:`FileDidNotAnswer`, and the files after it are read by a fresh reader.
    """
    found: list[bytes | OSError] = []
    while len(found) < len(paths):
        batch = _Batch(paths[len(found) :], max_bytes)
        _reader().requests.put(batch)
        stalled, done = batch.wait()
        for value in done:
            if not isinstance(value, (bytes, OSError)):
                raise value  # not a reading error (say, MemoryError): the caller's to see
            found.append(value)
        if stalled is not None:
            _local.reader = None  # stuck in the kernel: left behind, never asked again
            found.append(stalled)
    return found


class _Batch:
    """Files the reader thread reads in turn, and what each gave as far as it got."""

    def __init__(self, paths: Sequence[Path], max_bytes: int) -> None:
        self.paths = paths
        self.max_bytes = max_bytes
        self.lock = threading.Lock()  # results, started and abandoned change together
        self.results: list[bytes | BaseException] = []
        self.started = time.monotonic()  # when the file at len(results) was begun
        self.abandoned = False  # the caller gave up on it: keep nothing more
        self.done = threading.Event()

    def run(self) -> None:
        """In the reader thread: read each file, then wake the caller once."""
        for path in self.paths:
            try:
                value: bytes | BaseException = read_now(path, self.max_bytes)
            except BaseException as exc:  # handed to the caller
                value = exc
            with self.lock:
                if self.abandoned:
                    return
                self.results.append(value)
                self.started = time.monotonic()
        self.done.set()

    def wait(self) -> tuple[FileDidNotAnswer | None, list[bytes | BaseException]]:
        """In the caller: what was read, and the error of the file that did not answer
        within ``READ_SECONDS`` of its start (None when all were read)."""
        seconds = READ_SECONDS
        while not self.done.wait(max(0.0, self.started + seconds - time.monotonic())):
            with self.lock:
                if time.monotonic() - self.started >= seconds:
                    self.abandoned = True
                    path = self.paths[len(self.results)]
                    return FileDidNotAnswer(
                        errno.ETIMEDOUT, f"the file did not answer in {seconds:g} s", str(path)
                    ), self.results[:]
        return None, self.results


class _Reader:
    """One reader thread and its queue of batches to read."""

    def __init__(self) -> None:
        self.requests: queue.SimpleQueue[_Batch] = queue.SimpleQueue()
        thread = threading.Thread(target=self._serve, name="article-file-reader", daemon=True)
        thread.start()

    def _serve(self) -> None:
        while True:
            self.requests.get().run()


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
