"""A library folder that went away is not "every article deleted".

An unmounted drive leaves an empty mount point (or another device's folder): the
catalog keeps every article, its identity and the reader's state, in every kind of
refresh (whole, folder-scoped, the bulk child), and nothing is parsed again when the
drive is back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library.bulk import refresh_in_subprocess
from reader.core.library.library import Library, LibraryUnavailable

OpenLibrary = Callable[[Path], Library]


@pytest.fixture
def mounted(tmp_path: Path, library_root: Path, open_library: OpenLibrary) -> Library:
    for year in ("2020", "2021"):
        for n in range(2):
            path = library_root / year / f"a{n}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"Article {year} {n}\n\nText {n} of {year}.\n", encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    library.userdata.set_read([row.id for row in library.catalog.rows()], True)
    return library


def unmount(root: Path, keep: Path) -> None:
    """Move the folder's content away, as an unmount leaves the mount point empty."""
    keep.mkdir()
    for entry in list(root.iterdir()):
        shutil.move(entry, keep / entry.name)


def remount(root: Path, keep: Path) -> None:
    for entry in list(keep.iterdir()):
        shutil.move(entry, root / entry.name)


def test_an_emptied_folder_is_unavailable_and_nothing_is_lost(
    mounted: Library, tmp_path: Path
) -> None:
    before = {row.id: row.path for row in mounted.catalog.rows()}
    unmount(mounted.root, tmp_path / "drive")
    for scope in (None, [mounted.root], [mounted.root / "2020"]):
        with pytest.raises(LibraryUnavailable, match="empty or not mounted"):
            mounted.refresh(plan=None if scope is None else mounted.plan(scope))
    with pytest.raises(LibraryUnavailable):
        mounted.plan([mounted.root])
    assert {row.id: row.path for row in mounted.catalog.rows()} == before
    remount(mounted.root, tmp_path / "drive")
    assert mounted.plan().to_parse == []  # nothing read again
    assert not mounted.refresh()
    assert mounted.userdata.read_ids() == set(before)


def test_another_device_without_the_articles_is_unavailable(
    mounted: Library, tmp_path: Path
) -> None:
    assert mounted.catalog.state_value("device") == mounted.root.stat().st_dev
    unmount(mounted.root, tmp_path / "drive")
    (mounted.root / "lost+found").mkdir()  # the folder is not empty: another drive's
    mounted.catalog.set_state_value("device", mounted.root.stat().st_dev + 1)
    with pytest.raises(LibraryUnavailable, match="another drive"):
        mounted.refresh()
    assert mounted.catalog.count() == 4


def test_a_remount_on_another_device_with_the_articles_is_fine(mounted: Library) -> None:
    device = mounted.root.stat().st_dev
    mounted.catalog.set_state_value("device", device + 1)
    (mounted.root / "2021" / "a0.txt").unlink()  # a real deletion is still one
    changes = mounted.refresh()
    assert len(changes.removed) == 1
    assert mounted.catalog.state_value("device") == device


def test_the_bulk_child_says_unavailable(mounted: Library, tmp_path: Path) -> None:
    unmount(mounted.root, tmp_path / "drive")
    with pytest.raises(LibraryUnavailable, match="empty or not mounted"):
        refresh_in_subprocess(mounted.root, mounted.data_dir, lambda *_: None)
    assert mounted.catalog.count() == 4


def test_a_new_empty_library_is_simply_empty(library_root: Path, open_library: OpenLibrary) -> None:
    library = open_library(library_root)
    assert not library.refresh()
