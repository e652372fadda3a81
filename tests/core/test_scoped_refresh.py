"""A refresh of the folders that changed finds the same changes as a full one, faster."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library.library import Library

Write = Callable[[Path, str], Path]


def article(title: str, word: str) -> str:
    return f"{title}\nPublié le 3 mars 2021 | Le Courrier\n\nUn texte sur {word}.\n"


@pytest.fixture
def library(library_root: Path, write: Write, open_library: Callable[[Path], Library]) -> Library:
    write(library_root / "racine.txt", article("À la racine", "la racine"))
    for year in ("2020", "2021"):
        for n in range(3):
            write(library_root / year / f"a{n}.txt", article(f"Article {year}-{n}", f"x{year}{n}"))
    library = open_library(library_root)
    library.refresh()
    return library


def ids_by_path(library: Library) -> dict[str, int]:
    return {row.path: row.id for row in library.catalog.rows()}


def test_a_folder_scope_looks_only_at_its_own_entries(library: Library) -> None:
    plan = library.plan([library.root])
    assert set(plan.on_disk) == {"racine.txt"}  # known subfolders are not walked
    assert set(plan.known) == {"racine.txt"}
    assert plan.to_parse == []


def test_a_new_file_in_a_subfolder(library: Library, write: Write) -> None:
    write(library.root / "2021" / "nouveau.txt", article("Nouveau", "zqxnouveau"))
    changes = library.refresh(plan=library.plan([library.root / "2021"]))
    assert len(changes.added) == 1 and not changes.removed
    assert [hit.id for hit in library.index.search("zqxnouveau")] == changes.added


def test_a_move_between_folders_keeps_the_identity(library: Library) -> None:
    before = ids_by_path(library)["2020/a0.txt"]
    (library.root / "2020" / "a0.txt").rename(library.root / "2021" / "a0-moved.txt")
    changes = library.refresh(plan=library.plan([library.root / "2020", library.root / "2021"]))
    assert changes.moved == [before] and not changes.added and not changes.removed
    assert ids_by_path(library)["2021/a0-moved.txt"] == before


def test_a_new_subfolder_is_walked_whole(library: Library, write: Write) -> None:
    write(library.root / "2022" / "deep" / "b.txt", article("Profond", "zqxprofond"))
    changes = library.refresh(plan=library.plan([library.root]))
    assert len(changes.added) == 1
    assert "2022/deep/b.txt" in ids_by_path(library)


def test_a_renamed_subfolder_moves_its_articles(library: Library) -> None:
    before = {p: i for p, i in ids_by_path(library).items() if p.startswith("2020/")}
    (library.root / "2020").rename(library.root / "archives-2020")
    changes = library.refresh(plan=library.plan([library.root]))
    assert sorted(changes.moved) == sorted(before.values())
    after = ids_by_path(library)
    assert {p.replace("2020/", "archives-2020/"): i for p, i in before.items()}.items() <= (
        after.items()
    )


def test_a_deleted_subfolder_removes_its_articles(library: Library) -> None:
    shutil.rmtree(library.root / "2021")
    changes = library.refresh(plan=library.plan([library.root / "2021"]))
    assert len(changes.removed) == 3
    assert not [p for p in ids_by_path(library) if p.startswith("2021/")]


def test_an_in_place_edit_at_the_root(library: Library) -> None:
    path = library.root / "racine.txt"
    path.write_text(article("À la racine, revu", "zqxrevu"), encoding="utf-8")
    changes = library.refresh(plan=library.plan([library.root]))
    assert changes.updated == [ids_by_path(library)["racine.txt"]]
    assert len(library.index.search("zqxrevu")) == 1
