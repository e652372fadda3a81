"""A library's catalog kept whole when it is not alone, or when its folder goes away.

* **One writer at a time.** Any number of processes may refresh one library (two
  ``index`` runs, the command line beside the window, the window's bulk indexer): a
  refresh holds the library's writer lock (``fcntl`` on ``writer.lock`` in its data
  folder, released by the kernel when its process dies, so a crash never leaves it
  held) from its scan to its last commit; another waits, then scans again. In one
  process the lock is shared by every ``Library`` of that data folder and re-entrant
  in the thread holding it.
* **A folder that went away is not "everything was deleted".** A library folder that
  is suddenly empty while the catalog has articles, or whose device (``st_dev``)
  changed and holds none of them (a drive unmounted under its mount point), is
  :class:`LibraryUnavailable`: nothing is removed, read state and identity wait for
  it to come back.
* **A catalog that cannot be written opens read-only** (:func:`check_writable`), and
  **a full disk fails a refresh cleanly** (:class:`DiskFull`): nothing half-written
  is left to fill the disk or block the next refresh.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.articles.names import os_path
from reader.core.catalog.store import Catalog

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "writer.lock"
_POLL_SECONDS = 0.1
_SAMPLE = 20  # catalogued files looked for when the folder's device changed


class LibraryError(OSError):
    """The library folder cannot be used (missing, not a folder, unreadable)."""


class LibraryUnavailable(LibraryError):
    """The folder is empty or another drive is mounted there: nothing is removed."""


class CatalogReadOnly(PermissionError):
    """The catalog's files are there but cannot be written (read-only, immutable)."""

    def __str__(self) -> str:
        return f"{self.strerror}: {self.filename}"


def check_writable(db_path: Path) -> None:
    """Raises :class:`CatalogReadOnly` when a file of the catalog (the database, its
    write-ahead log) exists but cannot be opened for writing: SQLite would open it
    read-only and fail at the first change, so that even listing (which refreshes
    first) would fail, where a read-only session can list, search and export."""
    for path in (db_path, db_path.with_name(f"{db_path.name}-wal")):
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise CatalogReadOnly(exc.errno, exc.strerror, str(path)) from exc
        os.close(fd)


class DiskFull(LibraryError):
    """The disk holding the library's data filled up during a refresh.

    What was committed before stays; the half-written part of the index is deleted
    (:func:`~reader.core.search.index_files.discard_unfinished`), so that the
    next refresh, once there is room, finishes the work.
    """

    def __init__(self, data_dir: Path, cause: BaseException) -> None:
        said = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        super().__init__(
            f"the disk holding the library's data is full ({said}): {data_dir}; what was "
            "saved is kept; free some space and update the library again"
        )
        self.errno = errno.ENOSPC
        self.said = said  # what the OS or SQLite said (never the exception: see refresh)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is the OS or SQLite saying the disk (or the user's quota) is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return isinstance(exc, sqlite3.Error) and (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or "database or disk is full" in str(exc)
    )


class Cancelled(Exception):
    """``refresh()`` stopped early because it was asked to; what was committed stays."""


class _FolderLock:
    """The writer lock of one data folder in this process: a thread lock around the file's."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.threads = threading.RLock()
        self.depth = 0
        self.fd = -1

    @contextmanager
    def held(self, waiting: Callable[[], None], should_stop: Callable[[], bool]) -> Iterator[None]:
        while not self.threads.acquire(timeout=_POLL_SECONDS):
            if should_stop():
                raise Cancelled
        try:
            if self.depth == 0:
                self._lock_file(waiting, should_stop)
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
                if self.depth == 0:
                    os.close(self.fd)  # closing releases the lock
                    self.fd = -1
        finally:
            self.threads.release()

    def _lock_file(self, waiting: Callable[[], None], should_stop: Callable[[], bool]) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:
            self.fd = fd
            return
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    waiting()
                    told = True
                if should_stop():
                    os.close(fd)
                    raise Cancelled from None
                time.sleep(_POLL_SECONDS)
            except BaseException:
                os.close(fd)
                raise
        self.fd = fd


_locks: dict[Path, _FolderLock] = {}
_locks_guard = threading.Lock()


def writer_lock(data_dir: Path) -> _FolderLock:
    """The writer lock of the library whose data folder this is (one per process)."""
    path = Path(os.path.abspath(data_dir)) / LOCK_FILE
    with _locks_guard:
        return _locks.setdefault(path, _FolderLock(path))


def check_available(root: Path, catalog: Catalog) -> int:
    """The folder's device (``st_dev``); raises :class:`LibraryUnavailable` when it went.

    Unavailable: the folder cannot be listed, or it is empty while the catalog has
    articles, or its device is not the one recorded at the last refresh and none of
    a sample of catalogued files is there (a drive remounted elsewhere keeps its files:
    that is fine).
    """
    try:
        device = os.stat(root).st_dev
        with os.scandir(root) as entries:
            empty = not any(not entry.name.startswith(".") for entry in entries)
    except OSError as exc:
        raise LibraryUnavailable(f"{root}: the folder cannot be read ({exc.strerror})") from exc
    count = catalog.count()
    if not count:
        return device
    kept = f"its {count} articles are kept until it is back"
    if empty:
        raise LibraryUnavailable(f"{root}: the folder is empty or not mounted; {kept}")
    recorded = catalog.state_value("device")
    moved = recorded is not None and recorded != device
    if moved and not any(os_path(root, rel).exists() for rel in catalog.sample_paths(_SAMPLE)):
        raise LibraryUnavailable(
            f"{root}: another drive (or none) is mounted there, without the library's "
            f"articles; {kept}"
        )
    return device
