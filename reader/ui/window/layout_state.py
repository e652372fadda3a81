"""Where the window was: its geometry, the list | article split and the docks, the list's
order and search, kept in the settings between runs. The window never opens larger than
the screen's available area (a restored geometry from a bigger screen, or the default
size at HiDPI 2×)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QStyle, QTableView

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
    window.installEventFilter(ScreenFit(window))


class ScreenFit(QObject):
    """Fits the window to its screen again once shown: only then is the frame the window
    manager adds known (at 2× its title bar alone is a tenth of a small screen). A few
    times at most: later moves are the reader's own."""

    TRIES = 4

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._tries = self.TRIES

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parent()
        moved = event.type() in (QEvent.Type.Show, QEvent.Type.Move)
        if moved and watched is window and isinstance(window, QMainWindow):
            QTimer.singleShot(0, window, lambda: self._fit(window))
        return False

    def _fit(self, window: QMainWindow) -> None:
        if self._tries <= 0:
            return
        fit_to_screen(window)
        self._tries -= 1
        if self._tries == 0 or (_frame(window) != QSize(0, 0) and window.isVisible()):
            self._tries = 0  # the frame is known and the window fits: done
            window.removeEventFilter(self)


def fit_to_screen(window: QMainWindow) -> None:
    """Shrink the window to the available area of its screen, and move it inside (with
    room for a title bar, before the window manager has framed the window)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = _frame(window)
    extra_w, extra_h = frame.width(), frame.height()
    if not window.isVisible() and extra_h == 0:  # not framed yet: a title bar will come
        extra_h = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    wanted = QRect(window.pos(), window.size() + QSize(extra_w, extra_h))
    if not room.contains(wanted):
        x = min(max(wanted.x(), room.x()), room.right() + 1 - wanted.width())
        y = min(max(wanted.y(), room.y()), room.bottom() + 1 - wanted.height())
        window.move(max(x, room.x()), max(y, room.y()))


def _frame(window: QMainWindow) -> QSize:
    """How much the window manager's frame adds to the window (none before it is shown)."""
    frame = window.frameGeometry()
    return QSize(max(0, frame.width() - window.width()), max(0, frame.height() - window.height()))


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
