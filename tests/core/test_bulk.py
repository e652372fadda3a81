"""A big refresh in a child process gives the same catalog and index as one in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library.bulk import refresh_in_subprocess
from reader.core.library.library import Cancelled, ChangeSet, Library


def write_articles(root: Path, count: int) -> None:
    for n in range(count):
        (root / f"article-{n:03}.txt").write_text(
            f"Article numéro {n}\nPublié le 3 mars 2021 | Le Courrier\n\n"
            f"La sécurité du quartier {n} est assurée par les habitants.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_child_refresh_reports_batches_and_fills_catalog_and_index(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_articles(root, 60)
    library = Library(root)
    batches: list[ChangeSet] = []
    messages: list[str] = []
    changes = refresh_in_subprocess(
        library.root, library.data_dir, lambda d, t, m: messages.append(m), batches.append
    )
    assert len(changes.added) == 60
    assert sum(len(b.added) for b in batches) == 60 and len(batches) >= 2  # 50, then 10
    assert "Indexing" in messages
    assert library.catalog.count() == 60
    assert len(library.index.search("securite")) == 60
    assert library.plan().work == 0  # nothing left for an in-process refresh
    assert not library.refresh()
    library.close()


def test_child_refresh_can_be_stopped(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_articles(root, 20)
    library = Library(root)
    with pytest.raises(Cancelled):
        refresh_in_subprocess(
            library.root, library.data_dir, lambda *_: None, should_stop=lambda: True
        )
    library.close()


def test_child_failure_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    with pytest.raises(RuntimeError, match="not a folder"):
        refresh_in_subprocess(root / "gone", tmp_path / "data", lambda *_: None)


@pytest.mark.slow
def test_child_refresh_with_forked_index_writers(tmp_path: Path) -> None:
    """A batch big enough for one writer process per core: the child may fork them."""
    from reader.core.search.index import MULTIPROCESS_MIN_DOCS

    root = tmp_path / "library"
    root.mkdir()
    count = 50 + MULTIPROCESS_MIN_DOCS + 10  # the first 50 are indexed alone, at once
    for n in range(count):
        (root / f"{n:04}.md").write_text(f"---\nlang: fr\n---\n# Note {n}\n\nmot{n} commun\n")
    library = Library(root)
    refresh_in_subprocess(library.root, library.data_dir, lambda *_: None)
    assert library.index.doc_count() == count
    assert len(library.index.ix._segments()) >= 3  # 50 alone, then one per writer process
    assert library.catalog.unindexed_ids() == []
    assert [hit.id for hit in library.index.search("mot7")] == [
        row.id for row in library.catalog.rows() if row.path == "0007.md"
    ]
    library.close()
