"""Where the window was: its geometry, the list | article split and the docks, the list's
order and search, kept in the settings between runs. The window never opens larger than
the screen's available area (a restored geometry from a bigger screen, or the default
size at HiDPI 2×)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView

from reader.ui.library_list.ordering import DATE, SOURCE, TITLE


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    sizes = settings.value("window/splitter")
    if sizes is not None:
        splitter.restoreState(sizes)
    docks = settings.value("window/docks")
    if docks is not None:
        window.restoreState(docks)
    fit_to_screen(window)


def fit_to_screen(window: QMainWindow) -> None:
    """Shrink the window to the available area of its screen, and move it inside."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    wanted = QRect(window.pos(), window.frameGeometry().size())
    if not room.contains(wanted):
        x = min(max(wanted.x(), room.x()), room.right() + 1 - wanted.width())
        y = min(max(wanted.y(), room.y()), room.bottom() + 1 - wanted.height())
        window.move(max(x, room.x()), max(y, room.y()))


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.setValue("window/docks", window.saveState())
    settings.sync()


def restore_sort(list_view: QTableView, settings: QSettings) -> None:
    """The list's order as it was left (newest first the first time)."""
    column = int(settings.value("list/sortColumn", DATE))  # type: ignore[call-overload]
    descending = str(settings.value("list/sortOrder", "descending")) == "descending"
    if column not in (TITLE, SOURCE, DATE):
        column, descending = DATE, True
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    list_view.sortByColumn(column, order)


def saved_search(settings: QSettings, root: Path) -> str:
    """The search this library was left on ("": none)."""
    return str(settings.value(_search_key(root), "") or "")


def save_list_state(
    settings: QSettings, root: Path, sort_order: tuple[int, Qt.SortOrder], query: str
) -> None:
    """The list's order (one for every library, as a reader's habit) and this library's
    search (a query belongs to its library)."""
    column, order = sort_order
    settings.setValue("list/sortColumn", column)
    descending = order == Qt.SortOrder.DescendingOrder
    settings.setValue("list/sortOrder", "descending" if descending else "ascending")
    settings.setValue(_search_key(root), query)


def _search_key(root: Path) -> str:
    digest = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"library/{digest}/search"
