"""Books and long series: a chapter (front matter ``book``/``author``) shows its author
in the byline and the list; titles sort in natural order; Space at the end of a chapter
goes on to the book's next chapter, not to the next row of a date-sorted list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.articles.formats import parse_bytes
from reader.core.render import byline_text
from reader.ui.library_list import snippet_delegate
from reader.ui.library_list.article_model import ID_ROLE, TITLE, natural_key
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article

BOOK = "The Long Voyage"


def chapter(n: int) -> str:
    return (
        f'---\ntitle: "{BOOK} — {n}"\nbook: "{BOOK}"\nauthor: "Ann Author"\n'
        f'date: "1860"\nsource: "ELTeC-eng"\nlang: en\nchapter: {n}\n---\n\n'
        f"Chapter {n} of the voyage, where the ship sails on.\n"
    )


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def current_title(window: MainWindow) -> str:
    return str(window.list_view.currentIndex().siblingAtColumn(TITLE).data())


def test_a_chapter_is_bylined_and_listed_under_its_author() -> None:
    article = parse_bytes("voyage_002.md", chapter(2).encode())
    assert (article.book, article.author, article.source) == (BOOK, "Ann Author", "Ann Author")
    assert byline_text(article).startswith("1860 · Ann Author · ELTeC-eng · ")
    plain = parse_bytes("a.md", b"---\ntitle: A\nauthor: Bo\nsource: Paper\n---\n\nText.\n")
    assert (plain.source, plain.collection) == ("Paper", "")  # no book: as before


def test_chapters_sort_naturally_and_space_goes_to_the_next_chapter(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    for n in (1, 2, 11):
        (library / f"voyage_{n:03d}.md").write_text(chapter(n), "utf-8")
    (library / "zebra.md").write_text(
        '---\ntitle: "Zebra crossing"\ndate: "1860"\nsource: "Gazette"\n---\n\nStripes.\n',
        "utf-8",
    )
    window = open_window(library)
    # the author in the list's muted line and in the pane's byline
    row = titles(window).index(f"{BOOK} — 2")
    assert snippet_delegate.muted_text(window.model.index(row, TITLE)).startswith("Ann Author")
    open_article(qtbot, window, f"{BOOK} — 2")
    assert "Ann Author · ELTeC-eng" in window.reading.document().toPlainText()

    # by date (the default, newest first), the book's chapters first to last
    voyage = [t for t in titles(window) if t.startswith(BOOK)]
    assert voyage == [f"{BOOK} — 1", f"{BOOK} — 2", f"{BOOK} — 11"]
    # Space at the end of chapter 2 opens chapter 11
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: current_title(window) == f"{BOOK} — 11")
    # the book's last chapter: Space goes on to the next row, as for any article
    after = titles(window)[window.list_view.currentIndex().row() + 1]
    qtbot.keyClick(window.list_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: current_title(window) == after)

    # by title: Chapter 2 before Chapter 11
    actions = {a.text(): a for a in window.list_view.sort_menu().actions()}
    actions["Title, A to Z"].trigger()
    voyage = [t for t in titles(window) if t.startswith(BOOK)]
    assert voyage == [f"{BOOK} — 1", f"{BOOK} — 2", f"{BOOK} — 11"]
    assert window.list_view.currentIndex().data(ID_ROLE) is not None


def test_natural_order_compares_numbers_by_value() -> None:
    names = ["Chapter 11", "chapter 2", "Chapter 1", "Appendix", "Chapter 2a"]
    assert sorted(names, key=natural_key) == [
        "Appendix",
        "Chapter 1",
        "chapter 2",
        "Chapter 2a",
        "Chapter 11",
    ]
