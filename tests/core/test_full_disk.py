"""A disk that fills up during a refresh: a clean failure, and the next one finishes.

Two disks: a fake one, Whoosh's file creation running out of room partway through a
segment (everywhere), and a real one, a small tmpfs (where this process may mount one:
root with the right to mount; skipped elsewhere).
"""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from reader.cli import main
from reader.core.library.library import DiskFull, Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]


class _Disk:
    """Bytes left on the fake disk; ``None``: as many as the real one has."""

    left: int | None = None


class _FillingFile:
    """A file of the index that writes until the fake disk is full, then fails as a
    full disk does: what fitted is written, the rest raises ENOSPC."""

    def __init__(self, file: Any, disk: _Disk) -> None:
        self._file = file
        self._disk = disk

    def write(self, data: bytes) -> int:
        left = self._disk.left
        if left is not None and len(data) > left:
            self._file.write(data[:left])
            self._disk.left = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        if left is not None:
            self._disk.left = left - len(data)
        return int(self._file.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> _Disk:
    fake = _Disk()
    real_create = FileStorage.create_file

    def create_file(self: FileStorage, name: str, *args: Any, **kwargs: Any) -> Any:
        if fake.left == 0:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        made = real_create(self, name, *args, **kwargs)
        made.file = _FillingFile(made.file, fake)
        return made

    monkeypatch.setattr(FileStorage, "create_file", create_file)
    return fake


def unlisted_files(library: Library) -> set[str]:
    """Files of the index folder that its table of contents does not account for."""
    storage = library.index.ix.storage  # type: ignore[attr-defined]
    toc = TOC.read(storage, "MAIN")  # type: ignore[no-untyped-call]
    listed = {segment.segment_id() for segment in toc.segments}
    kept = {"MAIN_WRITELOCK", f"_MAIN_{toc.generation}.toc", "article-reader-schema", "words.txt"}
    return {
        path.name
        for path in library.index.folder.iterdir()
        if path.name not in kept and path.name.split(".")[0] not in listed
    }


def test_a_refresh_that_fills_the_disk_leaves_nothing_half_written_and_the_next_one_finishes(
    library_root: Path, open_library: OpenLibrary, write: Write, disk: _Disk
) -> None:
    write(library_root / "old.txt", "Old\n\nThe harbour at dawn, before the storm.\n")
    library = open_library(library_root)
    library.refresh()
    for n in range(20):
        write(library_root / f"new-{n}.txt", f"New {n}\n\nLighthouse keeper number {n}.\n" * 40)

    disk.left = 4096  # room for part of the new segment, not all of it
    with pytest.raises(DiskFull, match="the disk holding the library's data is full"):
        library.refresh()

    assert unlisted_files(library) == set()  # the half-written segment is gone
    # While the disk is full, what was saved still lists and searches, and the window
    # (the same Library) can try again: the index's lock was let go.
    assert len(library.catalog.rows()) == 21
    assert [
        library.catalog.rows_by_id([hit.id])[0].path for hit in library.index.search("harbour")
    ] == ["old.txt"]
    with pytest.raises(DiskFull):
        library.refresh()
    assert unlisted_files(library) == set()

    disk.left = None  # room again
    library.refresh()
    assert len(library.index.search("lighthouse", limit=50)) == 20
    assert unlisted_files(library) == set()
    fresh = open_library(library_root)
    assert len(fresh.index.search("lighthouse", limit=50)) == 20


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A 6 MB tmpfs holding the app's data folder."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small disk here (needs root and the right to mount)")
    monkeypatch.setenv("ARTICLE_READER_HOME", str(mount_point / "home"))
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fill(disk: Path, leave: int) -> Path:
    """A file that takes all the disk's room but ``leave`` bytes."""
    filler = disk / "filler"
    room = shutil.disk_usage(disk).free - leave
    with filler.open("wb") as file:
        file.write(b"\0" * max(room, 0))
    return filler


def test_a_real_full_disk_fails_index_cleanly_and_index_works_once_there_is_room(
    library_root: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    library = str(library_root)
    assert run(capsys, "index", "--library", library)[0] == 0
    words = (SEEDS / "000_10d9d95bf921b5c7.txt").read_text(encoding="utf-8").split()
    for n in range(40):
        text = " ".join(words[(n * 7 + i) % len(words)] for i in range(3000))
        (library_root / f"a{n:02d}.txt").write_text(f"Lighthouse {n}\n\n{text}\n", "utf-8")
    filler = fill(small_disk, leave=180 * 1024)  # room to open the catalog, not to index
    free_before = shutil.disk_usage(small_disk).free

    code, _, err = run(capsys, "index", "--library", library)

    assert code != 0 and "is full" in err
    # Nothing half-written is left taking the room (a few pages of the catalog's log may).
    assert shutil.disk_usage(small_disk).free >= free_before - 64 * 1024
    # While the disk is full, what was saved can still be listed, searched and exported.
    for command in (["list", "--json"], ["search", "mali", "--json"], ["export"]):
        code, out, err = run(capsys, *command, "--library", library)
        assert code == 0 and out, (command, err)
    filler.unlink()
    for command in (["list", "--json"], ["search", "Lighthouse", "--json"], ["index"]):
        code, out, err = run(capsys, *command, "--library", library)
        assert code == 0, (command, err)
    code, out, _ = run(
        capsys, "search", "Lighthouse", "--json", "--limit", "50", "--library", library
    )
    assert len(json.loads(out)) == 40
