"""The way back to newest first after sorting by title is where the reader is: a click
on the sorted header cycles A to Z, Z to A, newest first; the header's menu says "Newest
first". The order and the search are kept across a relaunch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import DATE, STAR, TITLE
from reader.ui.window.main_window import MainWindow

NEWEST_FIRST = [
    "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako",  # 2023
    "Jardins partagés : la ville en vert",  # 2021
    "The harbour at dawn",  # 1987
]


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def dated(window: MainWindow) -> list[str]:
    return [t for t in titles(window) if t in NEWEST_FIRST]


def click_header(qtbot: QtBot, window: MainWindow, section: int) -> None:
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_the_title_header_cycles_back_to_newest_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    header = window.list_view.horizontalHeader()
    newest = dated(window)
    assert newest == NEWEST_FIRST  # the default
    click_header(qtbot, window, TITLE)
    assert dated(window) == sorted(NEWEST_FIRST, key=str.casefold)
    click_header(qtbot, window, TITLE)
    assert dated(window) == sorted(NEWEST_FIRST, key=str.casefold, reverse=True)
    click_header(qtbot, window, TITLE)  # a third time: back to newest first
    assert dated(window) == newest
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        DATE,
        Qt.SortOrder.DescendingOrder,
    )
    click_header(qtbot, window, STAR)  # the star sorts nothing, and moves no indicator
    assert dated(window) == newest and header.sortIndicatorSection() == DATE

    click_header(qtbot, window, TITLE)
    actions = {action.text(): action for action in window.list_view.sort_menu().actions()}
    assert actions["Title, A to Z"].isChecked()
    actions["Newest first"].trigger()  # the header's menu says it in the reader's words
    assert dated(window) == newest


def test_the_order_and_the_search_are_kept_across_a_relaunch(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    click_header(qtbot, window, TITLE)
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("harbour")
    window.close()

    again = open_window(library)
    header = again.list_view.horizontalHeader()
    qtbot.waitUntil(lambda: titles(again) == ["The harbour at dawn"], timeout=10_000)
    assert again.search_field.text() == "harbour"
    again.search_field.clear()  # the whole list, in the order it was left: by title
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        TITLE,
        Qt.SortOrder.AscendingOrder,
    )
    assert dated(again) == sorted(NEWEST_FIRST, key=str.casefold)
