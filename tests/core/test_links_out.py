"""A symlink that leads out of the library is not followed, wherever the library is
looked at: a full scan, a folder's own rescan, search. Links inside it still work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.operations import search_library

OpenLibrary = Callable[[Path], Library]


def article(title: str, word: str) -> str:
    return f"{title}\n\nUn texte sur {word}.\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    (folder / "deep").mkdir(parents=True)
    (folder / "secret.txt").write_text(article("Secret", "motdepasse"), encoding="utf-8")
    (folder / "deep" / "other.md").write_text("# Ailleurs\n\nailleurs\n", encoding="utf-8")
    return folder


@pytest.fixture
def library(library_root: Path, outside: Path, open_library: OpenLibrary) -> Library:
    (library_root / "real").mkdir()
    (library_root / "real" / "inside.txt").write_text(article("Dedans", "dedans"), "utf-8")
    (library_root / "alias.txt").symlink_to(library_root / "real" / "inside.txt")
    (library_root / "again").symlink_to(library_root / "real")
    (library_root / "passwd.txt").symlink_to(outside / "secret.txt")
    (library_root / "elsewhere").symlink_to(outside)
    (library_root / "everything").symlink_to("/")
    opened = open_library(library_root)
    opened.refresh()
    return opened


def test_links_out_are_not_listed_and_links_inside_are(library: Library) -> None:
    paths = {row.path for row in library.catalog.rows()}
    assert "alias.txt" in paths  # a folder linked twice is walked once, by either name
    assert {"real/inside.txt", "again/inside.txt"} & paths
    assert "passwd.txt" not in paths
    assert not any(path.startswith(("elsewhere/", "everything/")) for path in paths)


def test_what_a_link_out_leads_to_cannot_be_found(library: Library) -> None:
    assert search_library(library, "motdepasse").total == 0
    assert search_library(library, "ailleurs").total == 0
    assert search_library(library, "dedans").total >= 1


def test_a_folder_rescan_skips_a_link_out_made_later(library: Library, outside: Path) -> None:
    (library.root / "real" / "later.txt").symlink_to(outside / "secret.txt")
    (library.root / "real" / "later-folder").symlink_to(outside / "deep")
    library.refresh(plan=library.plan([library.root / "real"]))
    paths = {row.path for row in library.catalog.rows()}
    assert not any(path.startswith(("real/later", "later")) for path in paths), paths
