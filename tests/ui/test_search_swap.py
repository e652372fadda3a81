"""A search swaps the list's rows for its hits and back: the hits in their order, every
article in the list's order again once the search is cleared (after a header sort or a
new article too), the article shown marked with the query's hits even when it changed
while the search ran, and a query typed on never gets an older query's hits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from driving import open_article, settle
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core import operations
from reader.ui.library_list.article_model import SOURCE, TITLE
from reader.ui.window.main_window import MainWindow

WAIT_MS = 10_000
MALI = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"
GARDEN = "Jardins partagés : la ville en vert"
HARBOUR = "The harbour at dawn"
NEWEST_FIRST = [MALI, GARDEN, HARBOUR]  # 2023, 2021, 1987


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def dated(window: MainWindow) -> list[str]:
    return [t for t in titles(window) if t in NEWEST_FIRST]


def search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=WAIT_MS):
        window.search_field.setText(query)


def shown_title(window: MainWindow) -> str:
    index = window.list_view.currentIndex()
    return str(index.sibling(index.row(), TITLE).data()) if index.isValid() else ""


def marked_words(window: MainWindow) -> list[str]:
    return [cursor.selectedText() for cursor in window.reading.hits.cursors]


def test_the_hits_then_every_article_in_order_again_the_article_shown_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, GARDEN)
    before = titles(window)
    search(qtbot, window, "jardins OR harbour")
    assert sorted(titles(window)) == sorted([GARDEN, HARBOUR])
    assert shown_title(window) == GARDEN  # still selected among the hits
    assert marked_words(window) == ["Jardins", "jardins"]
    window.search_field.clear()
    assert titles(window) == before
    assert dated(window) == NEWEST_FIRST
    assert shown_title(window) == GARDEN
    assert marked_words(window) == []


def test_sorted_during_a_search_every_article_comes_back_in_that_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Every article's order is kept for the end of a search; another order, another."""
    window.list_view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    search(qtbot, window, "jardins OR harbour OR mali")
    window.list_view.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)  # the hits, Z to A
    assert titles(window) == [HARBOUR, MALI, GARDEN]
    window.search_field.clear()  # back to the order left for the search: A to Z
    header = window.list_view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        TITLE,
        Qt.SortOrder.AscendingOrder,
    )
    assert dated(window) == [GARDEN, MALI, HARBOUR]
    window.list_view.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    assert dated(window) == [HARBOUR, MALI, GARDEN]


def test_an_article_added_during_a_search_is_in_its_place_once_the_search_is_cleared(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    search(qtbot, window, "harbour")
    assert titles(window) == [HARBOUR]
    (library / "newest.md").write_text(
        "---\ntitle: Storm over the bay\ndate: 2024-05-01\n---\n\nWind and rain.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.session.refresh.done, timeout=WAIT_MS):
        window.session.refresh.request()
    window.search_field.clear()
    assert dated(window) == NEWEST_FIRST
    assert titles(window)[0] == "Storm over the bay"  # the newest, first


def test_the_marks_are_of_the_article_shown_when_it_changed_while_the_search_ran(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker finds the hits in the article shown when the query was asked; if the
    reader opened another meanwhile, that one is marked, with its own hits."""
    open_article(qtbot, window, MALI)
    release = threading.Event()
    searching_now = threading.Event()
    search_library = operations.search_library

    def held(*args: Any, **kwargs: Any) -> Any:
        searching_now.set()
        release.wait(WAIT_MS / 1000)
        return search_library(*args, **kwargs)

    monkeypatch.setattr(operations, "search_library", held)
    window.search_field.setText("jardins OR mali")
    window.search.run_now()
    qtbot.waitUntil(searching_now.is_set, timeout=WAIT_MS)
    open_article(qtbot, window, GARDEN)
    with qtbot.waitSignal(window.session.search.results_ready, timeout=WAIT_MS):
        release.set()
    assert shown_title(window) == GARDEN
    assert marked_words(window) == ["Jardins", "jardins"]
    settle(qtbot, window)


def test_a_query_typed_on_never_gets_the_rest_of_an_older_ones_hits(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    for n in range(70):
        (library / f"note-{n:02}.txt").write_text(
            f"Note {n}\n\nQuokka number {n} of the island.\n", encoding="utf-8"
        )
    window = open_window(library)
    answered: list[tuple[str, int]] = []

    def listed(to_list: Any) -> None:
        answered.append((to_list.results.query, len(to_list.results.hits)))
        if to_list.results.query == "quokka":  # typed on as soon as the first hits show
            window.search_field.setText("quokka island")
            window.search.run_now()

    window.session.search.results_ready.connect(listed)
    window.search_field.setText("quokka")
    window.search.run_now()
    qtbot.waitUntil(lambda: ("quokka island", 70) in answered, timeout=WAIT_MS)
    settle(qtbot, window)
    assert answered == [("quokka", 50), ("quokka island", 50), ("quokka island", 70)]
    assert window.model.rowCount() == 70
    assert {window.model.index(r, SOURCE).data() for r in range(70)} == {""}
