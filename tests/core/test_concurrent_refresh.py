"""Two processes on one library: refreshes are serialised by the library's writer lock, a
plan made before another process wrote is made again, and a window hears what another
process changed (``Library.changes_elsewhere``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library.guard import writer_lock
from reader.core.library.library import Cancelled, Library

OpenLibrary = Callable[[Path], Library]


def write_articles(root: Path, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        text = f"Article {n}\n\nzqx{n} words of article number {n} for the index.\n"
        (root / f"a{n:04d}.txt").write_text(text, encoding="utf-8")


def index_command(root: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "index", "--library", str(root)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.slow
def test_two_index_commands_at_once(library_root: Path, open_library: OpenLibrary) -> None:
    write_articles(library_root, 250)
    processes = [index_command(library_root) for _ in range(3)]
    results = [process.communicate(timeout=300) for process in processes]
    for process, (_, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err and "UNIQUE" not in err
    library = open_library(library_root)
    assert library.catalog.count() == 250
    assert library.index.doc_count() == 250
    assert len({row.path for row in library.catalog.rows()}) == 250


def test_a_plan_made_before_another_process_wrote_is_made_again(
    library_root: Path, open_library: OpenLibrary
) -> None:
    write_articles(library_root, 5)
    window = open_library(library_root)
    window.refresh()
    write_articles(library_root, 3, start=5)
    plan = window.plan()  # made now; then the command line catalogues the same files
    process = index_command(library_root)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    changes = window.refresh(plan=plan)  # would insert the same paths again
    assert not changes.added  # they are the other process's, already there
    assert window.catalog.count() == 8
    assert [hit.id for hit in window.index.search("zqx6")]


def test_the_window_hears_what_another_process_changed(
    library_root: Path, open_library: OpenLibrary
) -> None:
    write_articles(library_root, 4)
    window = open_library(library_root)
    window.refresh()
    assert not window.changes_elsewhere()  # takes note of the catalog as it is
    write_articles(library_root, 1, start=10)
    (library_root / "a0000.txt").unlink()
    window.refresh()  # its own changes only: nothing to hear from others
    assert not window.changes_elsewhere()
    write_articles(library_root, 2, start=20)
    (library_root / "a0001.txt").write_text("Edited\n\nNew text.\n", encoding="utf-8")
    (library_root / "a0002.txt").unlink()
    process = index_command(library_root)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    heard = window.changes_elsewhere()
    paths = {row.id: row.path for row in window.catalog.rows()}
    # Its own earlier changes may come again (harmless to a list); the others' all do.
    assert {"a0020.txt", "a0021.txt"} <= {paths[i] for i in heard.added} <= {
        "a0020.txt", "a0021.txt", "a0010.txt"
    }  # fmt: skip
    assert [paths[i] for i in heard.updated] == ["a0001.txt"]
    assert heard.removed and not set(heard.removed) & set(paths)
    assert not window.changes_elsewhere()  # heard once


def test_a_refresh_waits_for_the_writer_lock_and_can_be_cancelled(
    library_root: Path, open_library: OpenLibrary
) -> None:
    write_articles(library_root, 2)
    library = open_library(library_root)
    said: list[str] = []
    # Another process holds the lock: a file lock of its own (flock is per open file).
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(library.data_dir / "writer.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        calls = iter(range(5))
        with pytest.raises(Cancelled):
            library.refresh(
                lambda done, total, message: said.append(message),
                should_stop=lambda: next(calls, 99) >= 3,
            )
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
        holder.stdin.close()  # type: ignore[union-attr]
    assert "Waiting for another process updating this library" in said
    assert library.refresh().added  # the lock died with its process
    assert writer_lock(library.data_dir).depth == 0


HOLD_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()  # holds the lock until the test closes our stdin or kills us
"""
