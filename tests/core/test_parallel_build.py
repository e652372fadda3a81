"""A big refresh in worker processes gives the library a one-process refresh gives it.

The workers are used from ``MULTIPROCESS_MIN_DOCS`` files on; here that threshold is
lowered so that a few dozen files are enough.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

import reader.core.library.indexing as indexing
from reader.core.library.library import Cancelled, Library

WORDS = ["harvest", "tide", "lighthouse", "récolte", "marée", "phare", "government", "sécurité"]
QUERIES = ["harvest", "marée", "phare OR tide", '"common words"', "securite", "title:note"]


def make_library(root: Path, count: int) -> None:
    for n in range(count):
        lang = "fr" if n % 3 else "en"
        words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(n % 7 + 1))
        text = f"---\nlang: {lang}\n---\n# Note {n}\n\n{words} common words {n}\n"
        (root / f"{n:03}.md").write_text(text, encoding="utf-8")
    (root / "broken.md").write_bytes(b"")  # catalogued with its error: "empty file"


@pytest.fixture
def workers_from_ten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexing, "MULTIPROCESS_MIN_DOCS", 10)


def summary(library: Library) -> tuple[dict[str, tuple[str, str, str | None]], list[list[str]]]:
    """Each catalogued path's title, language and error; each query's paths found."""
    paths = {row.id: row.path for row in library.catalog.rows()}
    rows = {row.path: (row.title, row.lang, row.error) for row in library.catalog.rows()}
    found = [sorted(paths[hit.id] for hit in library.index.search(q)) for q in QUERIES]
    return rows, found


def build(root: Path, data: Path, procs: int) -> Library:
    library = Library(root, data)
    library.refresh(procs=procs)
    return library


@pytest.mark.usefixtures("workers_from_ten")
def test_a_parallel_build_finds_what_a_one_process_build_finds(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    make_library(root, 120)
    alone = build(root, tmp_path / "one", procs=1)
    shared = build(root, tmp_path / "two", procs=2)
    try:
        assert summary(shared) == summary(alone)
        assert shared.index.doc_count() == alone.index.doc_count() == 121
        assert shared.catalog.unindexed_ids() == []
        assert shared.index.vocabulary.starting("", 1000) == alone.index.vocabulary.starting(
            "", 1000
        )
        assert [shared.index.vocabulary.count(w) for w in ("harvest", "maree", "common")] == [
            alone.index.vocabulary.count(w) for w in ("harvest", "maree", "common")
        ]
        broken = shared.catalog.row_by_path("broken.md")
        assert broken is not None and broken.error  # catalogued, with what went wrong
    finally:
        alone.close()
        shared.close()
    assert multiprocessing.active_children() == []  # the workers are gone


@pytest.mark.usefixtures("workers_from_ten")
def test_a_file_gone_during_the_build_is_left_out(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    make_library(root, 40)
    library = Library(root, tmp_path / "data")
    try:
        plan = library.plan()  # the scan sees it …
        (root / "007.md").unlink()  # … then it is deleted, before a worker reads it
        library.refresh(plan=plan, procs=2)
        paths = {row.path for row in library.catalog.rows()}
        assert "007.md" not in paths and len(paths) == 40
        assert library.index.doc_count() == 40
    finally:
        library.close()


@pytest.mark.usefixtures("workers_from_ten")
def test_a_cancelled_build_keeps_a_consistent_catalog_and_the_next_one_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.core.library.library.FIRST_BATCHES", (10, 20))
    monkeypatch.setattr("reader.core.library.library.BATCH_SIZE", 20)
    root = tmp_path / "library"
    root.mkdir()
    make_library(root, 100)
    library = Library(root, tmp_path / "data")
    asked = 0

    def stop_after_three_batches() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    try:
        with pytest.raises(Cancelled):
            library.refresh(should_stop=stop_after_three_batches, procs=2)
        assert multiprocessing.active_children() == []
        catalogued = library.catalog.count()
        assert 0 < catalogued < 101
        # What is catalogued is either in the index or waiting to be indexed.
        assert library.index.doc_count() + len(library.catalog.unindexed_ids()) == catalogued
        library.refresh(procs=2)
        assert library.catalog.count() == library.index.doc_count() == 101
        assert library.catalog.unindexed_ids() == []
        assert len(library.index.search("harvest")) == len(
            [
                n
                for n in range(100)
                if any(WORDS[(n + k) % 8] == "harvest" for k in range(n % 7 + 1))
            ]
        )
    finally:
        library.close()


@pytest.mark.usefixtures("workers_from_ten")
def test_after_a_parallel_build_an_edit_is_indexed_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    make_library(root, 30)
    library = build(root, tmp_path / "data", procs=2)
    try:
        old = library.catalog.row_by_path("005.md")
        assert old is not None
        (root / "005.md").write_text("# Note 5\n\nzeppelin\n", encoding="utf-8")
        changes = library.refresh(procs=2)
        assert changes.updated == [old.id] and not changes.added
        assert [hit.id for hit in library.index.search("zeppelin")] == [old.id]
        assert old.id not in {hit.id for hit in library.index.search('"common words"')}
        assert library.index.doc_count() == 31
    finally:
        library.close()


@pytest.mark.usefixtures("workers_from_ten")
def test_a_rebuilt_index_is_filled_again_by_the_workers(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    make_library(root, 30)
    library = build(root, tmp_path / "data", procs=2)
    try:
        before = summary(library)
        library.rebuild_index()
        assert library.index.doc_count() == 0
        library.refresh(procs=2)  # nothing to read: every catalogued row to index
        assert summary(library) == before
        assert library.catalog.unindexed_ids() == []
    finally:
        library.close()
