"""The catalog's write-ahead log, watched: its files removed under a running process.

SQLite (in WAL mode) commits into ``catalog.sqlite3-wal`` and copies it into the
database now and then. A cleaner, a sync tool or a backup restore that deletes the
``-wal`` and ``-shm`` files under a running window leaves its connections writing into
a file no other connection will ever read: every change after that, and every one not
yet copied, is gone at the next opening, though each was reported saved.

So each connection notes its log's identity (device, inode) when it opens
(:class:`Watched`), and is checked before each write (and after each commit). When
its log vanished, the connection still holds it open: a checkpoint through it copies
everything committed into the database, and a fresh connection takes over, with a new
log. When another log took its place (another process opened the catalog since),
copying the old one in would mix two histories: the change fails loudly instead
(:class:`CatalogFilesChanged`), never reported saved.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

Identity = tuple[int, int] | None  # the log's (st_dev, st_ino); None: there is none

REOPENED = "the catalog's files were changed by another program; it was reopened"


class CatalogFilesChanged(sqlite3.OperationalError):
    """The catalog's log was replaced under this process: what was being saved is not."""


def log_identity(db_path: Path) -> Identity:
    try:
        info = os.stat(f"{db_path}-wal")
    except OSError:
        return None
    return info.st_dev, info.st_ino


# Logs already copied into their database by a connection of this process: its other
# connections on the same log need only be reopened (they all checked before writing).
_rescued: set[tuple[str, Identity]] = set()
_rescued_lock = threading.Lock()
# Catalogs whose log another program replaced under this process. SQLite shares one
# index of the log between all the connections of a process, so reopening one while
# the others run is not enough: nothing more is written until the library is opened
# again (a new process, or every connection closed).
_broken: set[str] = set()
BROKEN = (
    "the catalog's files were changed by another program while it was open: changes "
    "cannot be saved until the library is opened again"
)


def is_broken(db_path: Path) -> bool:
    """Whether nothing may be written to this catalog any more in this process."""
    return str(db_path) in _broken


def closed(db_path: Path) -> None:
    """Every connection of this process to the catalog is closed: it may be opened again."""
    _broken.discard(str(db_path))


class Watched:
    """A connection and the identity its log had when it opened."""

    def __init__(self, db_path: Path, connect: Callable[[], sqlite3.Connection]) -> None:
        self.path = db_path
        self._connect = connect
        self.db = connect()
        self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the log
        self.log = log_identity(db_path)

    def changed(self) -> bool:
        return log_identity(self.path) != self.log

    def before_writing(self) -> None:
        """Reopen if the log was removed; raise :class:`CatalogFilesChanged` when
        nothing may be written (see ``is_broken``)."""
        if is_broken(self.path):
            raise CatalogFilesChanged(BROKEN)
        if self.changed():
            self.reopen()

    def reopen(self) -> None:
        """Copy what this connection's vanished log holds into the database, close it and
        open a fresh one. Raises :class:`CatalogFilesChanged` when that cannot be done
        safely (another log took its place, or the copy could not finish); the
        connection is closed either way."""
        key = (str(self.path), self.log)
        failure: CatalogFilesChanged | None = None
        try:
            with _rescued_lock:
                if key not in _rescued:
                    self._rescue()
                    _rescued.add(key)
        except CatalogFilesChanged as exc:
            failure = exc
            _broken.add(str(self.path))
        finally:
            self.db.close()
        self.db = self._connect()  # fresh either way: the next change can be saved
        self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self.log = log_identity(self.path)
        if failure is not None:
            raise failure

    def _rescue(self) -> None:
        if self.log is None:
            return  # it never had a log of its own (a read-only copy, say)
        if log_identity(self.path) is not None:
            raise CatalogFilesChanged(
                f"{REOPENED}; changes made since the last save may be lost ({self.path})"
            )
        busy, frames, copied = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy or copied < frames:
            raise CatalogFilesChanged(f"{REOPENED}; recent changes could not be kept")
