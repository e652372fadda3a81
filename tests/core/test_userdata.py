"""The reader's data in SQLite: migrations with a backup, saving, and failing safely."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.userdata import UserData, UserDataError
from reader.core.catalog.store import MIGRATIONS, Catalog
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]
TEXT = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"


def test_a_version_1_catalog_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "; PRAGMA user_version=1;")
    old.execute(
        "INSERT INTO articles (path, mtime_ns, size, fingerprint, title) VALUES (?,?,?,?,?)",
        ("mali.txt", 1, 2, "abc", "Le Mali"),
    )
    old.commit()
    old.close()
    catalog = Catalog(path)
    try:
        assert catalog.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert [row.title for row in catalog.rows()] == ["Le Mali"]
    finally:
        catalog.close()
    backup = sqlite3.connect(tmp_path / "catalog.sqlite3.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT title FROM articles").fetchall() == [("Le Mali",)]
    backup.close()


def test_a_catalog_from_a_newer_version_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    Catalog(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        Catalog(path)


def saved_library(tmp_path: Path) -> tuple[Catalog, UserData]:
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    return catalog, UserData(catalog.path)


def test_annotations_round_trip_through_sqlite(tmp_path: Path) -> None:
    catalog, userdata = saved_library(tmp_path)
    annotation = create(7, TEXT, 11, 34, "blue", "à vérifier", "fp")
    userdata.save(annotation)
    userdata.close()
    reopened = UserData(catalog.path)
    assert reopened.annotations(7) == [annotation]
    assert reopened.annotated_ids(with_note=True) == {7}
    reopened.delete(annotation.id)
    assert reopened.annotations(7) == []
    reopened.close()
    catalog.close()


def test_a_full_disk_refuses_the_change_and_keeps_what_was_saved(tmp_path: Path) -> None:
    catalog, userdata = saved_library(tmp_path)
    first = create(1, TEXT, 0, 6, "yellow", "", "fp")
    userdata.save(first)
    db = userdata._db()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")  # the disk is full from now on
    big = create(1, TEXT, 11, 34, "yellow", "x" * 200_000, "fp")
    with pytest.raises(UserDataError, match="full"):
        userdata.save(big)
    userdata.close()
    reopened = UserData(catalog.path)
    assert reopened.annotations(1) == [first]
    assert reopened.annotation(big.id) is None
    reopened.close()
    catalog.close()


def test_a_read_only_user_data_refuses_every_change(tmp_path: Path) -> None:
    catalog, _ = saved_library(tmp_path)
    userdata = UserData(catalog.path, read_only=True)
    with pytest.raises(UserDataError, match="read-only"):
        userdata.set_starred([1], True)
    assert userdata.starred_ids() == set()
    catalog.close()


def test_tags_rename_everywhere_and_merge(tmp_path: Path) -> None:
    catalog, userdata = saved_library(tmp_path)
    userdata.add_tag([1, 2], "afrique")
    userdata.add_tag([2], "Africa")
    userdata.rename_tag("afrique", "Africa")
    assert userdata.all_tags() == {1: ["Africa"], 2: ["Africa"]}
    userdata.rename_tag("Africa", " Africa ")  # renamed to itself: nothing is lost
    assert userdata.all_tags() == {1: ["Africa"], 2: ["Africa"]}
    assert userdata.ids_tagged("africa") == {1, 2}
    with pytest.raises(ValueError):
        userdata.add_tag([1], " , ")
    userdata.close()
    catalog.close()


def test_the_library_opens_read_only_when_its_data_folder_cannot_be_written(
    library_root: Path,
    open_library: OpenLibrary,
    monkeypatch: pytest.MonkeyPatch,
    seed_file: Path,
) -> None:
    (library_root / seed_file.name).write_bytes(seed_file.read_bytes())
    library = open_library(library_root)
    library.refresh()
    row = library.catalog.rows()[0]
    library.userdata.set_starred([row.id], True)
    library.close()
    real_init = Catalog.__init__

    def failing(self: Catalog, db_path: Path) -> None:
        if "article-reader-readonly-" not in str(db_path):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real_init(self, db_path)

    monkeypatch.setattr(Catalog, "__init__", failing)
    read_only = open_library(library_root)
    assert read_only.read_only and "cannot be written" in read_only.read_only_reason
    assert read_only.userdata.starred_ids() == {row.id}  # what was saved is there
    assert [r.title for r in read_only.catalog.rows()] == [row.title]
    with pytest.raises(UserDataError):
        read_only.userdata.set_starred([row.id], False)


def test_re_anchoring_never_overwrites_a_change_made_meanwhile(tmp_path: Path) -> None:
    """Anchoring reads, works (fuzzy search can take a while), then saves: the reader's
    note typed in between stays, and a highlight deleted in between stays deleted."""
    catalog, userdata = saved_library(tmp_path)
    kept = create(1, TEXT, 11, 34, "blue", "", "old")
    gone = create(1, TEXT, 0, 6, "blue", "", "old")
    userdata.save(kept, gone)
    read_for_anchoring = userdata.annotations(1)
    userdata.save(replace(kept, note="typed meanwhile", modified="2099-01-01T00:00:00Z"))
    userdata.delete(gone.id)
    moved = [replace(a, anchored_to="new", orphan=True) for a in read_for_anchoring]
    assert userdata.save_anchoring(moved) == 0
    [now_kept] = userdata.annotations(1)
    assert now_kept.note == "typed meanwhile" and now_kept.anchored_to == "old"
    userdata.close()
    catalog.close()
