"""The search index looks after itself: missing, corrupt, locked, or of an older schema.

In every case the catalog (the list) is kept as it was, and after a refresh
the search finds every article again.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whoosh import fields
from whoosh import index as whoosh_index

from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library
from reader.core.search import index as search
from reader.core.search.index import IndexCorrupt, SearchIndex

OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]

ARTICLES = {
    "mali.txt": (
        "Le Mali renforce sa sécurité\nPublié le vendredi 28 juillet 2023 | SpunikNews\n\n"
        "L’aide de Moscou a été précieuse au Mali pour mener sa lutte contre le terrorisme.\n"
    ),
    "opec.txt": (
        "Oil prices fall\nPublished on Thursday 26 February 1987 | Reuters\n\n"
        "Oil ministers failed to agree on new production quotas in Vienna on Thursday.\n"
    ),
    "cafe.md": "---\ntitle: A morning at the corner café\nlang: en\n---\n\nA croissant, please.\n",
}
EVERY_ARTICLE = {"mali": "mali.txt", "quotas": "opec.txt", "croissant": "cafe.md"}


@pytest.fixture
def built(library_root: Path, write: Write) -> tuple[Path, list[CatalogRow]]:
    """A library indexed once and closed: its root and its catalog rows."""
    for name, text in ARTICLES.items():
        write(library_root / name, text)
    library = Library(library_root)
    try:
        library.refresh()
        assert_searchable(library)
        return library_root, library.catalog.rows()
    finally:
        library.close()


def index_dir(root: Path) -> Path:
    library = Library(root)
    library.close()
    return library.data_dir / "index"


def segment(root: Path) -> Path:
    """A segment's postings file (segments are plain files, not compound)."""
    segments = sorted(index_dir(root).glob("*.pst"))
    assert segments, sorted(p.name for p in index_dir(root).iterdir())
    return segments[0]


def assert_searchable(library: Library) -> None:
    paths = {row.id: row.path for row in library.catalog.rows()}
    for word, path in EVERY_ARTICLE.items():
        assert [paths[hit.id] for hit in library.index.query(word).hits] == [path], word


def reopen_and_refresh(
    root: Path, rows: list[CatalogRow], open_library: OpenLibrary, rebuilt: bool = True
) -> Library:
    library = open_library(root)
    assert library.index.created is rebuilt
    assert library.catalog.rows() == rows  # the list is there before any refresh
    library.refresh()
    assert library.catalog.rows() == rows
    assert_searchable(library)
    return library


def test_missing_index_is_rebuilt(built: tuple[Path, list[CatalogRow]], open_library) -> None:
    root, rows = built
    for path in index_dir(root).iterdir():
        path.unlink()
    reopen_and_refresh(root, rows, open_library)


def test_intact_index_is_kept(built: tuple[Path, list[CatalogRow]], open_library) -> None:
    root, rows = built
    library = reopen_and_refresh(root, rows, open_library, rebuilt=False)
    assert library.index.doc_count() == len(ARTICLES)


def test_truncated_segment_is_rebuilt(built: tuple[Path, list[CatalogRow]], open_library) -> None:
    root, rows = built
    path = segment(root)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)
    reopen_and_refresh(root, rows, open_library)


def test_deleted_segment_is_rebuilt(built: tuple[Path, list[CatalogRow]], open_library) -> None:
    root, rows = built
    segment(root).unlink()
    reopen_and_refresh(root, rows, open_library)


def test_garbled_segment_is_rebuilt(built: tuple[Path, list[CatalogRow]], open_library) -> None:
    root, rows = built
    path = segment(root)
    data = bytearray(path.read_bytes())
    for i in range(0, len(data), 3):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    reopen_and_refresh(root, rows, open_library)


def test_truncated_table_of_contents_is_rebuilt(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary
) -> None:
    root, rows = built
    (toc,) = index_dir(root).glob("*.toc")
    toc.write_bytes(toc.read_bytes()[:10])
    reopen_and_refresh(root, rows, open_library)


@pytest.mark.parametrize("version", ["1", "2", "", "not a number", str(search.SCHEMA_VERSION + 1)])
def test_other_schema_version_is_rebuilt(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary, version: str
) -> None:
    root, rows = built
    (index_dir(root) / "article-reader-schema").write_text(version)
    reopen_and_refresh(root, rows, open_library)


def test_index_of_another_schema_is_rebuilt_even_with_our_version(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary
) -> None:
    root, rows = built
    folder = index_dir(root)
    for path in folder.iterdir():
        path.unlink()
    whoosh_index.create_in(str(folder), fields.Schema(id=fields.ID(stored=True))).close()
    (folder / "article-reader-schema").write_text(f"{search.SCHEMA_VERSION}\n")
    reopen_and_refresh(root, rows, open_library)


_HOLD_THE_LOCK = """
import sys
from whoosh import index
writer = index.open_dir(sys.argv[1]).writer()
print("locked", flush=True)
sys.stdin.readline()  # holds the lock until killed (nothing is ever written to it)
"""


def test_lock_of_a_killed_writer_does_not_block(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary, write: Write
) -> None:
    root, rows = built
    folder = index_dir(root)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(whoosh_index.LockError):  # really held while the writer lives
            whoosh_index.open_dir(str(folder)).writer()
    finally:
        holder.kill()  # a crash: no cleanup of any kind
        holder.wait(timeout=30)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert (folder / "MAIN_WRITELOCK").exists()  # left behind
    library = reopen_and_refresh(root, rows, open_library, rebuilt=False)
    write(root / "new.md", "---\ntitle: Fresh news\n---\n\nA zeppelin over the lake.\n")
    library.refresh()
    assert len(library.index.query("zeppelin").hits) == 1


def test_unopenable_lock_left_by_an_old_version_is_cleared(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary, write: Write
) -> None:
    root, rows = built
    lock = index_dir(root) / "MAIN_WRITELOCK"
    lock.unlink(missing_ok=True)
    lock.mkdir()  # old Whoosh locked by creating a folder, which a crash left behind
    library = reopen_and_refresh(root, rows, open_library, rebuilt=False)
    write(root / "new.md", "---\ntitle: Fresh news\n---\n\nA zeppelin over the lake.\n")
    library.refresh()
    assert len(library.index.query("zeppelin").hits) == 1
    assert lock.is_file()


def test_lock_of_a_live_writer_is_waited_for_not_broken(
    built: tuple[Path, list[CatalogRow]],
    open_library: OpenLibrary,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root, rows = built
    monkeypatch.setattr(search, "LOCK_TIMEOUT", 0.3)
    library = open_library(root)
    other = whoosh_index.open_dir(str(library.data_dir / "index")).writer()  # another writer
    write(root / "new.md", "---\ntitle: Fresh news\n---\n\nA zeppelin over the lake.\n")
    try:
        with pytest.raises(whoosh_index.LockError):
            library.refresh()
    finally:
        other.cancel()
    library.refresh()  # what was not indexed then is indexed now
    assert len(library.index.query("zeppelin").hits) == 1
    assert len(library.catalog.rows()) == len(rows) + 1


def test_corruption_found_while_searching_raises_index_corrupt(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary
) -> None:
    root, rows = built
    library = open_library(root)
    assert not library.index.created  # it was fine when opened …
    path = segment(root)
    with path.open("r+b") as file:  # … and broke before the first search
        file.truncate(path.stat().st_size // 2)
    with pytest.raises(IndexCorrupt) as caught:
        library.index.query("mali")
    assert isinstance(caught.value, RuntimeError)
    with pytest.raises(IndexCorrupt):
        library.index.search("mali")  # the old API too

    library.rebuild_index()
    assert library.index.doc_count() == 0
    assert sorted(library.catalog.unindexed_ids()) == sorted(row.id for row in rows)
    assert library.catalog.rows() == rows
    library.refresh()
    assert library.catalog.rows() == rows
    assert library.catalog.unindexed_ids() == []
    assert_searchable(library)


def test_rebuild_index_on_a_healthy_library(
    built: tuple[Path, list[CatalogRow]], open_library: OpenLibrary
) -> None:
    root, rows = built
    library = open_library(root)
    assert_searchable(library)  # a searcher is open when the index is replaced
    library.rebuild_index()
    assert library.index.query("mali").hits == []
    library.refresh()
    assert library.catalog.rows() == rows
    assert_searchable(library)
    assert library.index.doc_count() == len(ARTICLES)


def test_an_index_that_fails_while_writing_is_rebuilt_by_the_refresh(
    built: tuple[Path, list[CatalogRow]],
    open_library: OpenLibrary,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root, _rows = built
    library = open_library(root)
    real_write = SearchIndex.write
    failures = iter([True])

    def write_failing_once(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
        if next(failures, False):
            postings = next(self.folder.glob("*.pst"))
            with postings.open("r+b") as file:  # the damage that broke the write
                file.truncate(postings.stat().st_size // 2)
            raise ValueError("a damaged segment broke the merge")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "write", write_failing_once)
    write(root / "volcan.md", "# Le réveil du volcan\n\nLa lave coule vers la mer.\n")
    library.refresh()  # the failed write rebuilds the index, then indexes every article
    assert library.index.query("volcan").total == 1
    assert_searchable(library)
    assert library.catalog.unindexed_ids() == []


def test_a_write_failing_for_another_reason_keeps_the_index(
    built: tuple[Path, list[CatalogRow]],
    open_library: OpenLibrary,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root, _rows = built
    library = open_library(root)

    def broken_write(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
        raise AssertionError("a bug, not a damaged index")

    monkeypatch.setattr(SearchIndex, "write", broken_write)
    write(root / "volcan.md", "# Le réveil du volcan\n\nLa lave coule vers la mer.\n")
    with pytest.raises(AssertionError):
        library.refresh()
    assert_searchable(library)  # the sound index was not thrown away
