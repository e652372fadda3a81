"""Catalog change detection: added, updated, touched, moved, removed; the index follows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import reader.core.library.indexing as indexing_module
from reader.core.articles.article import Article
from reader.core.library.library import Library, LibraryError

OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]

HARVEST = (
    "Harvest festival in Ludlow\n"
    "Published on Saturday 9 September 2023 | Shropshire Star\n"
    "\n"
    "Farmers brought pumpkins, cider and marrows to the market square.\n"
)
TIDES = "---\ntitle: Spring tides at Saint-Malo\nlang: en\n---\n\nThe sea rose fourteen metres.\n"
LIGHTHOUSE = "# The lighthouse keeper\n\nHe climbed the hundred steps every evening.\n"


class ParseCounter:
    """Wraps the parse_file a refresh reads files with, and records every path it reads."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        self._real = indexing_module.parse_file
        monkeypatch.setattr(indexing_module, "parse_file", self)

    def __call__(self, root: Path, rel: str, *, detect: bool = True) -> Article:
        self.paths.append(rel)
        return self._real(root, rel, detect=detect)


def bump_mtime(path: Path, seconds: int = 10) -> None:
    """A later modification time, as an editor saving the file would leave."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


def ids_by_path(library: Library) -> dict[str, int]:
    return {row.path: row.id for row in library.catalog.rows()}


def found_paths(library: Library, query: str) -> list[str]:
    hits = library.index.search(query)
    return [row.path for row in library.catalog.rows_by_id(hit.id for hit in hits)]


@pytest.fixture
def library(library_root: Path, open_library: OpenLibrary, write: Write) -> Library:
    """A library of three articles, refreshed once."""
    write(library_root / "harvest.txt", HARVEST)
    write(library_root / "tides.md", TIDES)
    write(library_root / "stories" / "lighthouse.md", LIGHTHOUSE)
    opened = open_library(library_root)
    first = opened.refresh()
    assert len(first.added) == 3
    assert not (first.updated or first.moved or first.removed)
    return opened


def test_first_refresh_lists_everything(library: Library) -> None:
    rows = {row.path: row for row in library.catalog.rows()}
    assert sorted(rows) == ["harvest.txt", "stories/lighthouse.md", "tides.md"]
    assert rows["harvest.txt"].title == "Harvest festival in Ludlow"
    assert rows["harvest.txt"].date == "2023-09-09"
    assert rows["tides.md"].title == "Spring tides at Saint-Malo"
    assert rows["stories/lighthouse.md"].title == "The lighthouse keeper"


def test_refresh_without_changes_reads_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ids_by_path(library)
    counter = ParseCounter(monkeypatch)
    changes = library.refresh()
    assert not changes
    assert counter.paths == []
    assert ids_by_path(library) == before


def test_edited_file_is_updated_with_the_same_id(
    library: Library, library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_id = ids_by_path(library)["harvest.txt"]
    path = library_root / "harvest.txt"
    path.write_text(HARVEST.replace("Ludlow", "Ledbury"), encoding="utf-8")  # same size
    bump_mtime(path)
    counter = ParseCounter(monkeypatch)
    changes = library.refresh()
    assert changes.updated == [old_id]
    assert not (changes.added or changes.moved or changes.removed)
    assert counter.paths == ["harvest.txt"]
    row = library.catalog.row_by_path("harvest.txt")
    assert row is not None
    assert (row.id, row.title) == (old_id, "Harvest festival in Ledbury")


def test_touched_file_is_not_updated(
    library: Library, library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bump_mtime(library_root / "tides.md")
    counter = ParseCounter(monkeypatch)
    assert not library.refresh()
    assert counter.paths == ["tides.md"]  # read once to compare the content
    assert not library.refresh()
    assert counter.paths == ["tides.md"]  # and not again


def test_renamed_file_is_moved_with_the_same_id(library: Library, library_root: Path) -> None:
    old_id = ids_by_path(library)["tides.md"]
    (library_root / "tides.md").rename(library_root / "saint-malo-tides.md")
    changes = library.refresh()
    assert changes.moved == [old_id]
    assert not (changes.added or changes.updated or changes.removed)
    assert ids_by_path(library)["saint-malo-tides.md"] == old_id
    assert "tides.md" not in ids_by_path(library)


def test_file_moved_to_a_subfolder_keeps_its_id(library: Library, library_root: Path) -> None:
    old_id = ids_by_path(library)["harvest.txt"]
    (library_root / "archive" / "2023").mkdir(parents=True)
    (library_root / "harvest.txt").rename(library_root / "archive" / "2023" / "harvest.txt")
    changes = library.refresh()
    assert changes.moved == [old_id]
    assert not (changes.added or changes.removed)
    assert ids_by_path(library)["archive/2023/harvest.txt"] == old_id
    assert library.catalog.count() == 3


def test_copied_file_is_added_and_the_original_keeps_its_id(
    library: Library, library_root: Path
) -> None:
    old_id = ids_by_path(library)["tides.md"]
    shutil.copy(library_root / "tides.md", library_root / "tides-copy.md")
    changes = library.refresh()
    assert len(changes.added) == 1 and not changes.moved
    assert ids_by_path(library)["tides.md"] == old_id
    assert ids_by_path(library)["tides-copy.md"] == changes.added[0] != old_id


def test_deleted_file_is_removed(library: Library, library_root: Path) -> None:
    old_id = ids_by_path(library)["stories/lighthouse.md"]
    (library_root / "stories" / "lighthouse.md").unlink()
    changes = library.refresh()
    assert changes.removed == [old_id]
    assert not (changes.added or changes.updated or changes.moved)
    assert sorted(ids_by_path(library)) == ["harvest.txt", "tides.md"]
    assert library.catalog.rows_by_id([old_id]) == []


def test_two_libraries_keep_separate_catalogs(
    tmp_path: Path, open_library: OpenLibrary, write: Write, data_home: Path
) -> None:
    write(tmp_path / "one" / "harvest.txt", HARVEST)
    write(tmp_path / "two" / "tides.md", TIDES)
    one = open_library(tmp_path / "one")
    two = open_library(tmp_path / "two")
    one.refresh()
    two.refresh()
    assert [row.path for row in one.catalog.rows()] == ["harvest.txt"]
    assert [row.path for row in two.catalog.rows()] == ["tides.md"]
    assert found_paths(one, "tides") == []
    assert found_paths(two, "tides") == ["tides.md"]
    assert one.data_dir != two.data_dir
    assert one.data_dir.parent == two.data_dir.parent
    assert one.data_dir.is_relative_to(data_home)


def test_same_folder_reopened_finds_its_catalog(
    library: Library, library_root: Path, open_library: OpenLibrary
) -> None:
    before = ids_by_path(library)
    library.close()
    again = open_library(library_root)
    assert not again.refresh()
    assert ids_by_path(again) == before


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_library_on_a_missing_folder(tmp_path: Path, kind: str) -> None:
    root = tmp_path / "nowhere"
    if kind == "file":
        root.write_text("not a folder", encoding="utf-8")
    with pytest.raises(LibraryError):
        Library(root)


def test_search_follows_a_rename(library: Library, library_root: Path) -> None:
    (library_root / "tides.md").rename(library_root / "stories" / "malo.md")
    library.refresh()
    assert found_paths(library, "fourteen metres") == ["stories/malo.md"]


def test_search_follows_an_edit(library: Library, library_root: Path) -> None:
    path = library_root / "harvest.txt"
    path.write_text(HARVEST.replace("pumpkins", "turnips"), encoding="utf-8")
    bump_mtime(path)
    library.refresh()
    assert found_paths(library, "turnips") == ["harvest.txt"]
    assert found_paths(library, "pumpkins") == []


def test_search_forgets_a_deleted_article(library: Library, library_root: Path) -> None:
    (library_root / "stories" / "lighthouse.md").unlink()
    library.refresh()
    assert found_paths(library, "lighthouse") == []
    assert found_paths(library, "pumpkins") == ["harvest.txt"]


def test_deleted_index_is_rebuilt(
    library: Library, library_root: Path, open_library: OpenLibrary
) -> None:
    index_dir = library.data_dir / "index"
    assert index_dir.is_dir()
    library.close()
    shutil.rmtree(index_dir)
    again = open_library(library_root)
    assert not again.refresh()  # the catalog did not change
    assert found_paths(again, "lighthouse") == ["stories/lighthouse.md"]
    assert found_paths(again, "pumpkins") == ["harvest.txt"]
    assert again.index.doc_count() == 3
