"""The catalog's -wal and -shm files removed under a running window: no save is lost.

A cleaner, a sync tool or a backup restore deletes them while the window has the
catalog open. Each save after that must be on disk for whoever opens the catalog next
(here: another connection, as another process would, while the window still runs, and
again after it closed), or say that it was not saved.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.userdata import UserDataError
from reader.core.catalog.wal import REOPENED
from reader.core.library.library import Library

READER_PROGRAM = """
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(json.dumps([value for (value,) in db.execute(sys.argv[2])]))
db.close()
"""
OTHER_PROGRAM = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM annotations").fetchone()
print("reading", flush=True)
sys.stdin.read()
db.close()
"""
TEXT = "The harbour at dawn, before the storm came in from the sea."
LibraryOf = Callable[[Mapping[str, str]], Library]


def remove_log(catalog: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{catalog}{suffix}").unlink()


def on_disk(catalog: Path, query: str) -> set[str]:
    """What another program opening the catalog now reads (in a process of its own)."""
    read = subprocess.run(
        [sys.executable, "-c", READER_PROGRAM, str(catalog), query],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(read.stdout))


def saved_notes(catalog: Path) -> set[str]:
    return on_disk(catalog, "SELECT note FROM annotations")


def saved_paths(catalog: Path) -> set[str]:
    return on_disk(catalog, "SELECT path FROM articles")


def test_saves_after_the_log_was_removed_are_on_disk_and_say_the_catalog_was_reopened(
    library_of: LibraryOf,
) -> None:
    library = library_of({"harbour.txt": f"Harbour\n\n{TEXT}\n"})
    [row] = library.catalog.rows()
    library.userdata.save(create(row.id, TEXT, 4, 11, "yellow", "first", "fp"))
    remove_log(library.catalog.path)

    library.userdata.save(create(row.id, TEXT, 13, 17, "green", "second", "fp"))
    assert library.userdata.notice == REOPENED  # what the window can tell the reader

    assert saved_notes(library.catalog.path) == {"first", "second"}  # while it runs
    library.userdata.save(create(row.id, TEXT, 19, 25, "blue", "third", "fp"))
    (library.root / "storm.txt").write_text("Storm\n\nIt came in from the sea.\n", "utf-8")
    assert len(library.refresh().added) == 1  # the catalog's own writes are kept too
    assert saved_paths(library.catalog.path) == {"harbour.txt", "storm.txt"}
    library.close()
    assert saved_notes(library.catalog.path) == {"first", "second", "third"}
    assert saved_paths(library.catalog.path) == {"harbour.txt", "storm.txt"}


def test_the_catalogs_own_writes_after_the_log_was_removed_are_on_disk(
    library_of: LibraryOf,
) -> None:
    library = library_of({"harbour.txt": f"Harbour\n\n{TEXT}\n"})
    remove_log(library.catalog.path)
    (library.root / "storm.txt").write_text("Storm\n\nIt came in from the sea.\n", "utf-8")
    assert len(library.refresh().added) == 1
    assert saved_paths(library.catalog.path) == {"harbour.txt", "storm.txt"}


def test_a_log_replaced_by_another_program_fails_the_save_loudly(
    library_of: LibraryOf,
) -> None:
    library = library_of({"harbour.txt": f"Harbour\n\n{TEXT}\n"})
    [row] = library.catalog.rows()
    library.userdata.save(create(row.id, TEXT, 4, 11, "yellow", "first", "fp"))
    checkpoint = sqlite3.connect(library.catalog.path)  # all of it in the database file
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    remove_log(library.catalog.path)
    # Another program opens the catalog: a new log of its own, while it runs.
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(library.catalog.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "reading\n"
        with pytest.raises(UserDataError, match="was not saved"):
            library.userdata.save(create(row.id, TEXT, 13, 17, "green", "second", "fp"))
        # Nor is any later change reported saved, until the library is opened again.
        with pytest.raises(UserDataError, match="opened again"):
            library.userdata.save(create(row.id, TEXT, 13, 17, "green", "again", "fp"))
        assert saved_notes(library.catalog.path) == {"first"}
    finally:
        other.communicate("")  # it closes the catalog and ends
    library.close()
    again = Library(library.root)  # opened again: changes are saved again
    try:
        again.userdata.save(create(row.id, TEXT, 13, 17, "green", "again", "fp"))
    finally:
        again.close()
    assert saved_notes(library.catalog.path) == {"first", "again"}
