"""A book's chapters keep reading order in the list, in every order: newest first, a book
stands where its newest chapter would, its chapters first to last, so ``j`` reads a book
forward and only then goes on to the next one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import DATE, TITLE
from reader.ui.window.main_window import MainWindow


def chapter(root: Path, book: str, author: str, n: int, date: str) -> None:
    (root / f"{book[:4].lower()}_{n:03d}.md").write_text(
        f'---\ntitle: "{book} — Chapitre {n}"\nbook: "{book}"\nauthor: "{author}"\n'
        f'date: "{date}"\nsource: ELTeC-fra\nlang: fr\n---\n\nChapitre {n}. Il était une fois.\n',
        "utf-8",
    )


def article(root: Path, name: str, title: str, date: str) -> None:
    (root / f"{name}.md").write_text(
        f'---\ntitle: "{title}"\ndate: {date}\nsource: Le Monde\n---\n\nUn article.\n', "utf-8"
    )


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def current_title(window: MainWindow) -> str:
    return str(window.list_view.currentIndex().siblingAtColumn(TITLE).data())


def test_newest_first_each_book_reads_forward_and_j_walks_it_in_order(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library_root: Path
) -> None:
    for n in (11, 8, 5, 2, 1):
        chapter(library_root, "Les Misérables", "Victor Hugo", n, "1862")
    for n in (1, 2, 3):  # a serial: each chapter on its own day
        chapter(library_root, "Le Ventre de Paris", "Émile Zola", n, f"1873-0{n}-01")
    article(library_root, "news", "Les glaciers reculent", "2024-03-01")
    article(library_root, "between", "Un article de février 1873", "1873-02-15")
    window = open_window(library_root)
    assert titles(window) == [
        "Les glaciers reculent",
        "Le Ventre de Paris — Chapitre 1",  # where its newest chapter (March 1873) stands
        "Le Ventre de Paris — Chapitre 2",
        "Le Ventre de Paris — Chapitre 3",
        "Un article de février 1873",
        "Les Misérables — Chapitre 1",
        "Les Misérables — Chapitre 2",
        "Les Misérables — Chapitre 5",
        "Les Misérables — Chapitre 8",
        "Les Misérables — Chapitre 11",
    ]
    window.select_row(titles(window).index("Les Misérables — Chapitre 1"))
    window.list_view.setFocus()
    walked = [current_title(window)]
    for _ in range(4):
        qtbot.keyClick(window.list_view, Qt.Key.Key_J)
        walked.append(current_title(window))
    assert walked == [f"Les Misérables — Chapitre {n}" for n in (1, 2, 5, 8, 11)]

    # oldest first too, and by source: the book still reads forward
    window.list_view.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    shown = titles(window)
    assert shown[:5] == [f"Les Misérables — Chapitre {n}" for n in (1, 2, 5, 8, 11)]
    assert shown.index("Le Ventre de Paris — Chapitre 1") + 1 == shown.index(
        "Le Ventre de Paris — Chapitre 2"
    )
