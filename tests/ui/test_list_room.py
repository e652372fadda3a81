"""The list gives the title the room: the title over up to two lines across the list's
width, source · date and the opening muted under it; still sortable; the window never
opens larger than the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from pytestqt.qtbot import QtBot

from reader.ui.library_list import snippet_delegate
from reader.ui.library_list.article_model import DATE, SOURCE, TITLE
from reader.ui.window.layout_state import fit_to_screen
from reader.ui.window.main_window import MainWindow

SYBIL = "Sybil, Or the Two Nations: Book the First, Chapter the Third, in a long title"


def shown_title(window: MainWindow, start: str) -> str:
    """The title as the delegate lays it out in its row: the lines it draws, joined."""
    view, model = window.list_view, window.model
    row = next(r for r in range(model.rowCount()) if model.index(r, TITLE).data() == start)
    index = model.index(row, TITLE)
    width = view.visualRect(index).width() - 2 * snippet_delegate._MARGIN
    font = QFont(view.font())
    font.setBold(True)  # unread, as the longest it is drawn
    return " ".join(snippet_delegate.wrapped(SYBIL, font, width, snippet_delegate.TITLE_LINES))


def test_at_1024_by_600_a_long_title_shows_over_two_lines_panel_open_or_not(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    (library / "sybil.md").write_text(
        f'---\ntitle: "{SYBIL}"\ndate: 1845-05-01\nsource: Gutenberg\n---\n\nIt was a rainy day.\n',
        "utf-8",
    )
    window = open_window(library)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    shown = shown_title(window, SYBIL)
    assert len(shown) > 40, shown
    assert not shown.endswith("…") or len(shown) > 60
    # source and date take none of the title's width: they are on the muted line
    assert window.list_view.isColumnHidden(SOURCE) and window.list_view.isColumnHidden(DATE)
    row = window.model.row_of(next(iter(window.model._rows.values())).id) or 0
    about = snippet_delegate.muted_text(window.model.index(row, TITLE))
    assert " · " in about or "—" in about

    list_width = window.list_view.viewport().width()
    window.panel.show()  # the highlights panel open beside the pane
    qtbot.waitUntil(lambda: window.list_view.viewport().width() < list_width)  # room taken
    shown = shown_title(window, SYBIL)
    assert len(shown) > 40, shown


def test_the_list_still_sorts_by_date_source_and_title_from_the_header_menu(
    window: MainWindow,
) -> None:
    menu = window.list_view.sort_menu()
    actions = {action.text(): action for action in menu.actions()}
    assert actions["Newest first"].isChecked()  # the default
    actions["Title, A to Z"].trigger()
    titles = [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    actions["Source"].trigger()
    sources = [window.model.index(r, SOURCE).data() for r in range(window.model.rowCount())]
    assert sources == sorted(sources, key=str.casefold)
    assert window.list_view.horizontalHeader().sortIndicatorSection() == SOURCE
    assert window.list_view.sort_menu().actions()[4].isChecked()
    window.list_view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)


def test_the_window_never_opens_larger_than_the_screen(window: MainWindow) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    window.resize(room.width() + 800, room.height() + 600)  # as a 2× default or a big screen
    fit_to_screen(window)
    least = window.minimumSizeHint()  # on a tiny test screen (offscreen at 2×), no smaller
    assert window.width() <= max(room.width(), least.width())
    assert window.height() <= max(room.height(), least.height())


def test_the_window_opens_within_the_screen(window: MainWindow) -> None:
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    least = window.minimumSizeHint()
    assert window.width() <= max(room.width(), least.width())
    assert window.height() <= max(room.height(), least.height())
