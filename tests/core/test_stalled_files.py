"""A file whose reading never ends is listed as unreadable; the refresh goes on.

A named pipe with no writer blocks whoever opens it, as a file on a stalled network or
FUSE mount blocks whoever reads it. Each test refreshes in a thread and waits for it
with a timeout: a refresh that hangs fails the test instead of hanging the run (the
pipe is then opened for writing, which lets the stuck reader go).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.articles import file_reading
from reader.core.library.library import ChangeSet, Library

OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]
ENOUGH_SECONDS = 30.0  # far more than any of these refreshes takes when nothing hangs


@pytest.fixture
def pipes() -> Iterator[Callable[[Path], Path]]:
    """Makes named pipes; at the end, lets go of anyone still stuck opening one."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    for pipe in made:
        with contextlib.suppress(OSError):  # nobody is waiting on it
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # a reader waits: it gets EOF


def finishes(work: Callable[[], object]) -> object:
    """``work()``'s result, failing the test if it has not returned in ENOUGH_SECONDS."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(ENOUGH_SECONDS)
    assert not thread.is_alive(), "it never finished: reading one file blocked everything"
    assert result, "it raised (see the thread's traceback above)"
    return result[0]


def test_a_pipe_that_replaced_a_file_since_the_scan_is_listed_as_unreadable(
    library_root: Path, open_library: OpenLibrary, write: Write, pipes: Callable[[Path], Path]
) -> None:
    write(library_root / "fine.txt", "Fine\n\nRead as ever.\n")
    doomed = write(library_root / "pipe.txt", "Soon a pipe\n\nText.\n")
    library = open_library(library_root)
    plan = library.plan()  # the scan saw a regular file
    doomed.unlink()
    pipes(doomed)

    changes = finishes(lambda: library.refresh(plan=plan))

    assert isinstance(changes, ChangeSet) and len(changes.added) == 2
    fine, pipe = library.catalog.row_by_path("fine.txt"), library.catalog.row_by_path("pipe.txt")
    assert fine is not None and fine.error is None
    assert (
        pipe is not None and pipe.error == "cannot read the file: not a regular file (a named pipe)"
    )


def test_a_symlink_retargeted_to_a_pipe_is_listed_as_unreadable(
    library_root: Path, open_library: OpenLibrary, write: Write, pipes: Callable[[Path], Path]
) -> None:
    target = write(library_root / "elsewhere" / "real.text.bak", "Real\n\nText.\n")
    link = library_root / "link.txt"
    link.symlink_to(target)
    library = open_library(library_root)
    plan = library.plan()
    link.unlink()
    link.symlink_to(pipes(library_root / "elsewhere" / "pipe"))

    finishes(lambda: library.refresh(plan=plan))

    row = library.catalog.row_by_path("link.txt")
    assert row is not None and row.error is not None and "named pipe" in row.error


def test_an_article_whose_file_became_a_pipe_opens_with_an_error_instead_of_hanging(
    library_root: Path, open_library: OpenLibrary, write: Write, pipes: Callable[[Path], Path]
) -> None:
    path = write(library_root / "note.txt", "Note\n\nText.\n")
    library = open_library(library_root)
    library.refresh()
    row = library.catalog.row_by_path("note.txt")
    assert row is not None
    path.unlink()
    pipes(path)

    article = finishes(lambda: library.read_article(row))

    assert getattr(article, "error", None) == (
        "cannot read the file: not a regular file (a named pipe)"
    )


def test_a_file_that_never_answers_is_listed_after_the_deadline_and_the_others_are_read(
    library_root: Path, open_library: OpenLibrary, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A regular file on a stalled mount: its stat says a file, its read never returns."""
    for name in ("a.txt", "stalled.txt", "z.txt"):
        write(library_root / name, f"{name}\n\nSome words.\n")
    released = threading.Event()
    real_read = file_reading.read_now

    def read_now(path: Path, max_bytes: int) -> bytes:
        if path.name == "stalled.txt":
            released.wait()  # as the kernel waits on a mount that stopped answering
        return real_read(path, max_bytes)

    monkeypatch.setattr(file_reading, "read_now", read_now)
    monkeypatch.setattr(file_reading, "READ_SECONDS", 0.2)
    library = open_library(library_root)
    try:
        changes = finishes(library.refresh)
    finally:
        released.set()

    assert isinstance(changes, ChangeSet) and len(changes.added) == 3
    stalled = library.catalog.row_by_path("stalled.txt")
    assert stalled is not None
    assert stalled.error == "cannot read the file: the file did not answer in 0.2 s"
    for name in ("a.txt", "z.txt"):  # read before and after it, by a fresh reader
        row = library.catalog.row_by_path(name)
        assert row is not None and row.error is None
    assert [hit.id for hit in library.index.search("words")] != []
